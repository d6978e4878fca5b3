"""Definite nouns that point back at an event the article has dated: "after the meeting", "within
an hour of the launch", "at the same appearance".

English marks a noun phrase whose referent the reader already knows with a definite determiner
("the", "that", a possessive); in news, an event so named with no date of its own is one the story
has told and dated. A reader dates "Speaking to reporters after the meeting, Trump said …" by the
meeting the article dated, so we do the same: the referent is an event the article dates in a
sentence holding every content word of the phrase (their index terms, so "the launch" finds
"launched" and "the meeting" "met"), as a definite noun names an event the story has
established. The referent is the nearest such event in the phrase's paragraph or the one before,
as a reader still has them in mind ("It carried out a test on 3 September. The council imposed
sanctions eight days after the test."), else the first in the article, the story's own event, not
a later look back that happens to share the word ("its first launch since Sept. 15"). "the same
appearance" names the event just told, as "the same day" does.
No referent, no date: a phrase no dated sentence explains ("at the Center for …", "at the
table") dates nothing. One told only later is the news the article leads with when that later
sentence dates it on the lead's day ("Haley told the council after the vote", then "The vote came
23 days after …": found.py's _referring_back).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.search.normalise import terms
from bot.timeline import grammar

# Words that close a noun phrase: punctuation, or a closed-class word starting what follows it
# ("At that meeting the two leaders agreed": the next clause's subject).
_CLOSED_CLASS = (
    "that which who whom in on at of and but or with when where to for by as from was were had has have is are than"
    " before after the a an he she they it we"
).split()
_PHRASE_END = rf"(?=\s*[,.;:!?\"”’)]|\s+(?:{'|'.join(_CLOSED_CLASS)})\b|\s*$)"
# A definite noun phrase: a determiner that marks its referent as known, up to three modifiers and
# a head in lower case. A name may modify it ("after the Hanoi summit": an event, which the article
# dated with those words); a capitalised head names a place or body ("at the Lowell Center"), and a
# name followed by a closed-class word or a past form ("at the White House said …") is a body and
# what it did (_content), not an event. "that" before a pronoun or an article is the pronoun
# ("After that the talks stalled").
_DETERMINERS = "the|that|this|those|these|its|his|her|their"
_DEFINITE = rf"(?P<determiner>{_DETERMINERS})\s+(?!(?:the|a|an|he|she|they|it|we|i|you)\b)(?P<noun>(?:[\w’'-]+\s+){{0,3}}?[a-z][\w-]*)" + _PHRASE_END
# Words that end a name's run but head no noun: what follows a body's or place's name.
_NOT_HEADS = frozenset(_CLOSED_CLASS) | frozenset(grammar.SUBORDINATORS) | {"into", "near", "over", "under", "during", "since", "until", "about"}
# Right after a counted phrase: "the day after the summit", "within an hour of the launch".
_AFTER_COUNT = re.compile(r"\s+(?:of\s+)?" + _DEFINITE)
# In a sentence with no date: a preposition of time or place before the phrase.
# "In the same …" too, only opening its sentence ("In the same speech, Trump said …"): the frame of
# what the sentence tells, the event just told; later in one it names a source ("…, she said in
# the same statement") or a place ("in the same building"), and "in the …" alone a place or a time.
_PREPOSITIONS = ("at", "after", "during", "following")
# "as the talks began", "when their meeting ended": a clause of time whose subject is the event,
# told as it opened or closed, so what the sentence tells was on its day.
_OPENED_OR_CLOSED = r"(?:began|opened|started|got\s+under\s+way|ended|closed|concluded|wrapped\s+up)\b"
_AS_IT_RAN = rf"(?i:as|when)\s+(?:{_DETERMINERS})\s+(?!(?:the|a|an|he|she|they|it|we|i|you)\b)(?P<subject>(?:[\w’'-]+\s+){{0,3}}?[a-z][\w-]*)\s+{_OPENED_OR_CLOSED}"
_REFERRING = re.compile(rf"(?:(?i:{'|'.join(_PREPOSITIONS)})|In(?=\s+the\s+same\s))\s+" + _DEFINITE + "|" + _AS_IT_RAN)
# Where one may open (see openings): after a space inside a sentence, or capitalised at its start.
_AFTER_SPACE = re.compile(rf" (?:{'|'.join((*_PREPOSITIONS, 'as', 'when'))}) (?:{_DETERMINERS}) ")
_CAPITALISED = (*(f"{word.capitalize()} " for word in (*_PREPOSITIONS, "as", "when")), "In the same ")
# Nouns of time are dates, not events ("during the summer", "at the weekend", "at this time").
_TIME_NOUNS = frozenset(terms(" ".join(grammar.TIME_NOUNS)))

Dated = TypeVar("Dated")
# A gerund after "of" completes a noun ("the idea of meeting Kim", "the prospect of talking"):
# an act thought of, not one done.
_GERUND_OF_A_NOUN = re.compile(r"(?<=\bof )[a-z]+ing\b")


def without_ideas_of_acts(sentence: str) -> str:
    """The sentence less its gerunds after "of": "floated the idea of meeting Kim on 29 June" was
    no meeting, so "meeting" does not make the sentence the meeting's."""
    return _GERUND_OF_A_NOUN.sub(" ", sentence)


def noun_after_count(text: str, at: int) -> tuple[str, ...] | None:
    """The index terms of the definite noun phrase right after position `at` (the end of a
    counted phrase: "three days after| the launch"), None when none follows."""
    match = _AFTER_COUNT.match(text, at)
    return _content(match.group("noun")) if match is not None else None


def openings(text: str, sentence_starts: Sequence[int]) -> list[int]:
    """Where "at/after/during/following/as/when + a determiner" (or "In the same") may open a referring phrase, in text
    order: inside a sentence, after a space, or capitalised at the start of one of
    `sentence_starts`. One scan by a pattern that starts with a literal space, which the regex
    engine finds fast (capitals in it would double its cost), and a test of each start given."""
    inside = [hit.start() + 1 for hit in _AFTER_SPACE.finditer(text)]
    return sorted(inside + [at for at in sentence_starts if text.startswith(_CAPITALISED, at)])


def phrase_at(text: str, at: int) -> tuple[int, tuple[str, ...], bool] | None:
    """The referring phrase opening at `at`: its end, the index terms of its noun, and whether it
    says "the same …" (the event just told); None when none opens there."""
    match = _REFERRING.match(text, at)
    if match is None:
        return None
    noun = match.group("noun") or match.group("subject")
    same = noun.lower().startswith("same ")
    content = _content(noun[5:] if same else noun)
    return (match.end(), content, same) if content is not None else None


def referent(candidates: Sequence[Dated], holds_the_words: Callable[[Dated], bool], nearby: Callable[[Dated], bool]) -> Dated | None:
    """Of `candidates` (dated events before the phrase, in text order), the one the phrase names:
    the nearest whose sentence holds its words among those `nearby` (its paragraph and the one
    before, where a reader still has them in mind), else the first in the article (the story's own
    event, not a later look back)."""
    near = next((c for c in reversed(candidates) if nearby(c) and holds_the_words(c)), None)
    return near if near is not None else next((c for c in candidates if holds_the_words(c)), None)


def _content(noun: str) -> tuple[str, ...] | None:
    """The noun phrase's index terms; None when it names a time rather than an event, or has none,
    or is a name and then a word that heads no noun ("at the White House said", "at the Town Hall
    on the eve"): a body or place, no event."""
    head = noun.lower().split()[-1]
    named = any(word[:1].isupper() for word in noun.split()[:-1])
    if named and (head in _NOT_HEADS or head in grammar.IRREGULAR_PAST or (head.endswith("ed") and len(head) > 3)):
        return None  # "at the Town Hall on the eve …", "at the White House said …"
    found = tuple(terms(noun))
    if not found or not _TIME_NOUNS.isdisjoint(found):
        return None
    return found
