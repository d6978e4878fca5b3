"""Names of people in a paragraph, with the role the text gives them around the name.

A name is a run of capitalised words ("Joseph Yun", "Kim Jong-Un", "John F. Kennedy"); titles in
front of it ("President", "Secretary of State") are its title, not part of it. Whether a name is
a person's is decided elsewhere, from how the text uses it (bot.quotations.people).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.knowledge.sentences import ABBREVIATIONS, full_stop_ends_sentence
from bot.quotations.english import (
    APPOSITION_OPENERS,
    CALENDAR_ABBREVIATIONS,
    CALENDAR_NAMES,
    IRREGULAR_PAST,
    NAME_PARTICLES,
    NOT_A_ROLE,
    OBJECT_PREPOSITIONS,
    PERSONAL_TITLES,
    QUOTED_AS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
)
from bot.search.english import is_english_word
from bot.search.normalise import ADVERBS_BEFORE_A_VERB, is_stop_word, without_accents

# Words (letters and digits, with inner apostrophes and hyphens) and single punctuation marks.
# A plural possessive keeps its apostrophe ("the Workers’ Union" is one name).
_TOKEN = re.compile(r"[^\W_](?:[\w’'\-]*[^\W_])?(?:(?<=s)[’'](?!\w))?|[^\w\s]")
_POSSESSIVE = re.compile(r"[’']s$")
DETERMINERS = frozenset({"the", "a", "an"})
MAX_ROLE_WORDS_BEFORE = 4
_APPOSITION_END = re.compile(r"[,.;:!?“”\"()—]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str  # worked out once: every token is looked at several times
    capitalised: bool


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name as written, without titles or a possessive; offsets are into the article body."""

    name: str
    start: int
    end: int
    outer_start: int  # where its title or the role words before it start
    outer_end: int  # after its possessive ’s and apposition, if any
    title: str | None
    role: str | None  # as the text gives it: an apposition, else the words before the name
    possessive: bool
    label: bool  # "the Trump administration": a name used to label a thing, not a person
    # The first word of its sentence, where any word is capitalised ("Critics called it …").
    sentence_initial: bool = False

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.name.split())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name folded for matching: accents, case, hyphens, dots and apostrophes aside."""
    plain = without_accents(name).casefold()
    return " ".join(re.sub(r"[’'.]", "", plain).replace("-", " ").split())


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), word, word.lower(), word[:1].isupper()) for m in _TOKEN.finditer(text, start, end) if (word := m.group(0))]


def name_mentions(body: str, tokens: Sequence[Token], paragraph_start: int) -> list[NameMention]:
    """Every name in the tokens (quotations already left out by the caller), in order."""
    mentions: list[NameMention] = []
    i = 0
    while i < len(tokens):
        if not _can_start_name(body, tokens, i, paragraph_start):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _continues_name(body, tokens, j):
            j += 1
        mention = _mention(body, tokens, i, j, paragraph_start)
        if mention is not None:
            # A name inside the next one's role ("White House" of "White House press secretary
            # Sarah Sanders") is no mention of its own.
            while mentions and mentions[-1].outer_start >= mention.outer_start:
                mentions.pop()
            mentions.append(mention)
        i = j
    return mentions


def _can_start_name(body: str, tokens: Sequence[Token], i: int, paragraph_start: int) -> bool:
    token = tokens[i]
    if not token.capitalised or not token.text[0].isalpha():
        return False
    if token.text == "I" and not (i + 1 < len(tokens) and tokens[i + 1].text == "."):
        return False  # the pronoun, not an initial
    # "In an interview …", "Despite Trump’s …": a sentence's first word is capitalised anyway.
    if _sentence_initial(body, tokens, i, paragraph_start) and (token.lower in SENTENCE_OPENERS or token.lower.endswith("ly")):
        return False
    return True


def _continues_name(body: str, tokens: Sequence[Token], j: int) -> bool:
    previous, token = tokens[j - 1], tokens[j]
    gap = body[previous.end : token.start]
    if token.text == "." and gap == "" and (len(previous.text) == 1 or previous.lower in ABBREVIATIONS):
        return j + 1 < len(tokens) and tokens[j + 1].capitalised  # "John F. Kennedy", "Sen. Warren"
    if previous.text == "." and gap == " " and token.capitalised:
        return True
    if previous.text == "." and gap == "" and len(token.text) == 1 and token.capitalised and _after_an_initial(tokens, j - 1):
        return True  # the "S" of a dotted initialism: "U.S. President Donald Trump"
    if gap != " " or _POSSESSIVE.search(previous.text):
        return False
    if token.capitalised and token.text[0].isalpha():
        return True
    # "Charles de Gaulle", "Secretary of State Mike Pompeo": small words inside a name.
    follows = j + 1 < len(tokens) and tokens[j + 1].capitalised and body[token.end : tokens[j + 1].start] == " "
    inside = token.lower in NAME_PARTICLES or (token.lower == "of" and previous.lower in PERSONAL_TITLES)
    return follows and inside


def _after_an_initial(tokens: Sequence[Token], dot: int) -> bool:
    return dot > 0 and len(tokens[dot - 1].text) == 1 and tokens[dot - 1].capitalised


def _opens_a_sentence(body: str, start: int, paragraph_start: int) -> bool:
    """Stricter than _sentence_initial: a name right after a closed quotation ("“…,” Lopez
    said") is the attribution's subject, in the sentence of the quotation."""
    before = body[paragraph_start:start].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:;…"


def _sentence_initial(body: str, tokens: Sequence[Token], i: int, paragraph_start: int) -> bool:
    """Where a sentence starts, or a dateline's dash ("SEOUL, May 2 (Wire) – The ministry …")."""
    before = body[paragraph_start : tokens[i].start].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:;”\"…–—"


def _mention(body: str, tokens: Sequence[Token], i: int, j: int, paragraph_start: int) -> NameMention | None:
    run = list(tokens[i:j])
    titles: list[Token] = []
    while run and (run[0].lower in PERSONAL_TITLES or run[0].text == "." or (titles and run[0].lower == "of")):
        titles.append(run.pop(0))
        if titles[-1].lower == "of" and run:
            # "Secretary of State", "Director of National Intelligence": the office's words are the title's
            office = _office_after_of(run)
            titles.extend(run[:office])
            run = run[office:]
    while run and run[0].text == ".":
        run.pop(0)
    later = _last_title(run)
    if later is not None:
        # "South Korean President Moon Jae-in", "U.S. Defense Secretary Jim Mattis": the words up
        # to the last title describe the person; the name is what follows it.
        titles.extend(run[: later + 1])
        run = run[later + 1 :]
        if len(run) > 2 and run[0].lower == "of":
            # "U.S. Secretary of State Mike Pompeo": "of State" is the title's
            office = 1 + _office_after_of(run[1:])
            titles.extend(run[:office])
            run = run[office:]
    if not run:
        return None  # a title alone ("the President"): no name to list
    if len(run) == 1 and (run[0].lower in CALENDAR_NAMES or (run[0].lower in CALENDAR_ABBREVIATIONS and body.startswith(".", run[0].end))):
        return None  # "on Monday hailed …": a day or month, not a name ("April Ryan" keeps hers)
    last = run[-1]
    possessive = bool(_POSSESSIVE.search(last.text))
    name_end = last.end - (2 if possessive else 0)
    start = run[0].start
    name = body[start:name_end]
    title = body[titles[0].start : titles[-1].end] if titles else None
    role_start = _role_words_before(body, tokens, i, paragraph_start)
    # "the Trump administration", "America’s top North Korea negotiator", "the Centre for Justice
    # Studies": the name labels a thing, or is the end of a longer one.
    label = (
        (i > 0 and tokens[i - 1].lower in DETERMINERS and role_start is None)
        or _followed_by_a_noun(body, tokens, j)
        or _ends_a_longer_name(tokens, i)
    )
    if label:
        role_start = None
    outer_start = role_start if role_start is not None else (titles[0].start if titles else start)
    before_role = body[role_start:start].strip() if role_start is not None else title
    apposition, outer_end = (None, last.end) if possessive or label else _apposition(body, name_end)
    return NameMention(
        name=name,
        start=start,
        end=name_end,
        outer_start=outer_start,
        outer_end=outer_end,
        title=title,
        role=apposition or before_role,
        possessive=possessive,
        label=label,
        sentence_initial=not titles and role_start is None and _opens_a_sentence(body, tokens[i].start, paragraph_start),
    )


def _office_after_of(run: Sequence[Token]) -> int:
    """How many of the capitalised words after a title's "of" name its office: the first ("Secretary
    of State Mike Pompeo"), and the next while each is an English word and a name of two words or
    more is left after it ("Director of National Intelligence Dan Coats", "Minister of Foreign
    Affairs Ri Yong Ho"): an office is named in English words, a person by a given name and a
    surname."""
    office = 1
    while len(run) - office > 2 and is_english_word(run[office].lower):
        office += 1
    return min(office, len(run))


def _last_title(run: Sequence[Token]) -> int | None:
    """Where the last title inside a run of capitalised words stands, when a name follows it
    ("Martin Luther King" ends with one and keeps it)."""
    for k in range(len(run) - 2, -1, -1):
        if run[k].lower in PERSONAL_TITLES and run[k + 1].text[0].isalpha() and run[k + 1].lower not in PERSONAL_TITLES:
            return k
    return None


def _ends_a_longer_name(tokens: Sequence[Token], i: int) -> bool:
    """"Justice Studies" in "Centre for Justice Studies": after "for", "of" or "on" that follows a
    capitalised word other than a title ("Prime Minister of Japan Shinzo Abe" keeps its name)."""
    if i < 2 or tokens[i - 1].lower not in ("for", "of", "on"):
        return False
    before = tokens[i - 2]
    return before.capitalised and before.text[0].isalpha() and before.lower not in PERSONAL_TITLES


def _followed_by_a_noun(body: str, tokens: Sequence[Token], j: int) -> bool:
    """A name followed by a lower-case word that is no small word or verb-like ("North Korea negotiator")."""
    if j >= len(tokens) or body[tokens[j - 1].end : tokens[j].start] != " ":
        return False
    word = tokens[j]
    if not word.text[0].isalpha() or word.capitalised or _POSSESSIVE.search(tokens[j - 1].text):
        return False
    lower = word.lower
    # "Baker first announced …": an adverb between a subject and its verb is no noun.
    adverb = lower in ADVERBS_BEFORE_A_VERB and j + 1 < len(tokens) and not tokens[j + 1].capitalised
    return not (adverb or is_stop_word(lower) or lower in SPEECH_VERBS or lower in IRREGULAR_PAST or lower.endswith(("ed", "s", "ly")))


# Words after which one lower-case word before a name is a verb, not a role: the infinitive's "to",
# the modal and perfect auxiliaries ("to meet Kim", "would thank Moon", "has met Trump").
_BEFORE_A_VERB = frozenset({"to", "will", "would", "can", "could", "shall", "should", "may", "might", "must", "has", "have", "had", "did", "does", "do"})


def _role_words_before(body: str, tokens: Sequence[Token], i: int, paragraph_start: int) -> int | None:
    """Where lower-case role words right before a name start ("said former ambassador Robert
    Gallucci"), when what precedes them ends a phrase (a small word, a speech verb, punctuation)."""
    k = i
    while k > 0 and i - k < MAX_ROLE_WORDS_BEFORE:
        word = tokens[k - 1]
        if body[word.end : tokens[k].start] != " " or not _role_word(word):
            break
        k -= 1
    if k == i or tokens[i - 1].lower.endswith("ing") or tokens[i - 1].lower in OBJECT_PREPOSITIONS:
        return None  # "the idea of meeting Kim", "a talk aboard the Ocean Star": a verb or a preposition and its object, not a role
    if k == i - 1 and tokens[k].lower not in PERSONAL_TITLES and (tokens[k].lower.endswith("ed") or (k > 0 and tokens[k - 1].lower in _BEFORE_A_VERB)):
        return None  # "to meet Kim", "had invited Kim", "greeted Moon": a verb and its object; "to envoy Yun" is a title
    if k > 0 and not _ends_a_phrase(tokens[k - 1]):
        # "White House press secretary Sarah Sanders": a name before role words that end in a
        # title names the office, and is the role's too; "… North Korea negotiations Stephen
        # Biegun": the words belong to something else.
        return _office_name_before(body, tokens, k) if tokens[i - 1].lower in PERSONAL_TITLES else None
    return tokens[k].start


def _office_name_before(body: str, tokens: Sequence[Token], k: int) -> int | None:
    """Where a run of capitalised words right before token `k` starts, when what precedes the run
    ends a phrase ("said White House …", "“…,” White House …")."""
    m = k
    while m > 0 and k - m < MAX_ROLE_WORDS_BEFORE and tokens[m - 1].capitalised and tokens[m - 1].text[0].isalpha() and body[tokens[m - 1].end : tokens[m].start] == " ":
        m -= 1
    if m == k or (m > 0 and not _ends_a_phrase(tokens[m - 1])):
        return None
    return tokens[m].start


def _ends_a_phrase(token: Token) -> bool:
    """Punctuation, a small word or a speech verb: what may stand before a name's role words."""
    return not token.text[0].isalpha() or is_stop_word(token.lower) or token.lower in SPEECH_VERBS


def _role_word(token: Token) -> bool:
    word = token.lower
    return (
        token.text[0].isalpha()
        and not token.capitalised
        and not is_stop_word(word)
        and word not in SPEECH_VERBS
        and word not in QUOTED_AS  # "the agency quoted Kim as saying": a verb, not a role
        and not word.endswith("ly")
    )


def _apposition(body: str, name_end: int) -> tuple[str | None, int]:
    """The apposition after a name (", a policy analyst at …", ", who served as …") and where it
    ends. Further comma-separated parts join it while they open like one (", a DC-based nonprofit")."""
    cursor = name_end
    role_start: int | None = None
    role_end = name_end
    while body.startswith(", ", cursor):
        part_start = cursor + 2
        stop = _apposition_part_end(body, part_start)
        part_end = stop.start() if stop else len(body)
        part = body[part_start:part_end]
        if "\n" in part or not part.strip() or not _opens_a_role(part, first=role_start is None):
            break
        role_start = part_start if role_start is None else role_start
        role_end = part_end
        cursor = part_end
    if role_start is None:
        return None, name_end
    role = re.sub(r"^(?:a|an)\s+", "", body[role_start:role_end].strip())
    return role, role_end


def _apposition_part_end(body: str, start: int) -> re.Match[str] | None:
    """The punctuation that ends an apposition's part, passing over full stops that end no
    sentence ("the U.S. special representative")."""
    for stop in _APPOSITION_END.finditer(body, start):
        if stop.group() != "." or full_stop_ends_sentence(body, stop.start()):
            return stop
    return None


def _opens_a_role(part: str, *, first: bool) -> bool:
    words = part.split()
    word = words[0]
    lower = word.lower()
    if lower in _TIME_ADVERBS and len(words) > 1 and _is_past_verb(words[1].lower()):
        return False  # ", once put it to me this way": an adverb and the sentence's own verb
    if lower in APPOSITION_OPENERS:
        return True
    if not first:
        return False  # later parts need a clear opener: ", questioned the …" is the sentence going on
    # ", Ruritania's chief negotiator, …", ", North Korea's chief negotiator, …": a name of one word
    # or several, possessive, before a role in lower case.
    owner = next((k for k, part in enumerate(words[:_MAX_OWNER_WORDS]) if not part[0].isupper() or _POSSESSIVE.search(part)), None)
    if owner is not None and _POSSESSIVE.search(words[owner]) and words[owner][0].isupper():
        rest = words[owner + 1 :]
        if rest and rest[0][0].islower() and rest[0].lower() not in SPEECH_VERBS:
            return _opens_a_role(" ".join(rest), first=True)
    return (
        word[0].isalpha()
        and not word[0].isupper()
        and lower not in NOT_A_ROLE
        and not is_stop_word(lower)
        and lower not in SPEECH_VERBS
        and not lower.endswith(("ly", "ing", "ed"))
    )


# The most words of a possessive name an apposition opens with ("South Korean President Moon Jae-in's").
_MAX_OWNER_WORDS = 6
# Apposition openers that are adverbs too: "once a diplomat" is a role, "once put it" a verb.
_TIME_ADVERBS = frozenset({"once", "now", "then", "currently", "formerly"})


def _is_past_verb(word: str) -> bool:
    return word in IRREGULAR_PAST or word in SPEECH_VERBS or (word.endswith("ed") and len(word) > 4)
