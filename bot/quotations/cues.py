"""The words beside a quotation that say who spoke it: "…,” says Lynn Rusten", "…,” he said.",
"He then added: “…”", "Trump’s declaration that “…”".

A cue names its speaker (a name), points back to one (he, she), is the writer (I), or is someone
the text does not name ("the accord affirmed that …", "they said"): such a quotation has no speaker
to list, and the quotations after it in the paragraph are not given to an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from bot.quotations.english import (
    ADVERBS_BEFORE_A_VERB,
    AUXILIARIES,
    QUOTED_AS,
    SPEECH_PARTICIPLES,
    FIRST_PERSON,
    OTHER_PRONOUNS,
    PERSONAL_PRONOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from bot.quotations.names import NameMention, Token

# How far into an unnamed subject ("a senior official at the agency said") a speech verb may stand.
MAX_UNNAMED_SUBJECT_WORDS = 6
# Words between a speech noun and its "that": "Trump’s declaration last June that “…”".
MAX_WORDS_BEFORE_THAT = 4
# Words that join two verbs of one subject.
COORDINATORS = frozenset({"and", "but"})
# Words of a phrase between a speech verb and the comma before its quotation: "said at a news
# conference, “…”", "told reporters in Seoul on Monday, “…”".
MAX_WORDS_AFTER_THE_VERB = 6


class CueKind(Enum):
    NAMED = "named"
    PRONOUN = "pronoun"  # he, she: the person named most recently before it
    WRITER = "writer"  # I: the article's author
    UNNAMED = "unnamed"


@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    position: int  # where the speaker is named or pointed to
    mention: NameMention | None = None


def _named(mention: NameMention) -> Cue:
    """A name's cue; a name that labels a thing ("the Kokisihaven City Council said") is no one's."""
    return Cue(CueKind.UNNAMED if mention.label else CueKind.NAMED, mention.start, mention)


@dataclass(frozen=True, slots=True)
class Region:
    """Tokens beside a quotation (outside quotation marks) and the names among them."""

    tokens: Sequence[Token]
    mentions: Sequence[NameMention]

    def mention_at(self, start: int) -> NameMention | None:
        return next((m for m in self.mentions if m.outer_start == start), None)

    def mention_ending_at(self, end: int, body: str) -> NameMention | None:
        """The name (with its apposition) that ends right before `end`, commas and spaces aside."""
        return next((m for m in self.mentions if m.outer_end <= end and not body[m.outer_end : end].strip(" ,")), None)


def cue_after(body: str, region: Region) -> Cue | None:
    """`,” says Lynn Rusten, who …` · `,” he said.` · `,” Trump said.` · `,” according to …`."""
    tokens = region.tokens
    i = _skip(tokens, 0, lambda t: t.text == ",")
    if i >= len(tokens):
        return None
    first = tokens[i]
    verb = _skip(tokens, i, _is_adverb)
    if verb < len(tokens) and tokens[verb].lower in SPEECH_VERBS and not tokens[verb].capitalised:
        return _speaker_after_verb(region, verb + 1)  # "says Rusten", "said former ambassador …"
    if first.lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        return _speaker_after_verb(region, i + 2)
    mention = region.mention_at(first.start)
    if mention is not None:
        after = _skip(tokens, i, lambda t: t.end <= mention.outer_end or t.text == ",")
        verb = _skip(tokens, after, _is_adverb)
        if verb < len(tokens) and tokens[verb].lower in SPEECH_VERBS:
            return _named(mention)
        return None
    pronoun = _pronoun_cue(first)
    if pronoun is not None:
        verb = _skip(tokens, i + 1, _is_adverb)
        return pronoun if verb < len(tokens) and tokens[verb].lower in SPEECH_VERBS else None
    return _unnamed_subject(tokens, i)


def cue_before(body: str, region: Region, *, part_of_a_sentence: bool = False) -> Cue | None:
    """`He then added: “` · `President Donald Trump explained why …: “` · `said, “` ·
    `said at a news conference, “` · `Trump’s declaration last June that “` · `According to
    Gallucci, “` · `Kim was quoted as saying “` · `…, saying “`; with part_of_a_sentence (the
    quotation is words of speech, not a quoted word), also `Rusten said the talks were “`."""
    tokens = region.tokens
    if not tokens:
        return None
    last = tokens[-1]
    if last.text == ":":
        # The first speech verb of the clause introduces what follows the colon.
        verb = _first_speech_verb(tokens[:-1])
        return None if verb is None else _subject_before(body, region, verb)
    if last.text == ",":
        if tokens[0].lower == "according" and len(tokens) > 2 and tokens[1].lower == "to":
            return _speaker_after_verb(region, 2)
        for verb in (len(tokens) - 2, len(tokens) - 3):  # "said, “" · "told reporters, “"
            if verb >= 0 and tokens[verb].lower in SPEECH_VERBS and not tokens[verb].capitalised:
                return _subject_before(body, region, verb)
        verb = _verb_before_a_short_phrase(tokens)  # "said at a news conference, “"
        return None if verb is None else _subject_before(body, region, verb)
    if last.lower == "that" and len(tokens) > 1:
        verb = len(tokens) - 2
        while verb > 0 and _is_adverb(tokens[verb]):
            verb -= 1
        if tokens[verb].lower in SPEECH_VERBS and not tokens[verb].capitalised:
            return _subject_before(body, region, verb)
        possessive = _possessive_speech_noun(region, len(tokens) - 1)
        if possessive is not None:
            return possessive
        verb = _verb_before_a_short_phrase(tokens)  # "told reporters in Hanoi that day that “"
        return None if verb is None else _subject_before(body, region, verb)
    if last.lower in SPEECH_PARTICIPLES:
        return _subject_of_participle(body, region)
    if part_of_a_sentence:
        # Reported speech that ends in the speaker's own words: "Rusten said the talks were “…”".
        verb = _first_speech_verb(tokens)
        if verb is not None and verb < len(tokens) - 1:
            return _subject_before(body, region, verb)
    return None


def _verb_before_a_short_phrase(tokens: Sequence[Token]) -> int | None:
    """The speech verb of `said at a news conference,` or `told reporters in Hanoi that day that`:
    the clause's first, with a few plain words between it and the last token."""
    verb = _first_speech_verb(tokens[:-1])
    if verb is None:
        return None
    between = tokens[verb + 1 : -1]
    if len(between) > MAX_WORDS_AFTER_THE_VERB or any(not t.text[0].isalnum() for t in between):
        return None
    return verb


def _first_speech_verb(tokens: Sequence[Token]) -> int | None:
    return next((k for k, t in enumerate(tokens) if t.lower in SPEECH_VERBS and not t.capitalised), None)


def _subject_of_participle(body: str, region: Region) -> Cue | None:
    """`Kim was quoted by state media as saying “`: the one quoted; `Trump walked out, saying “`:
    the clause's subject, the first words of the sentence."""
    tokens = region.tokens
    quoted = next((k for k, t in enumerate(tokens) if t.lower in QUOTED_AS), None)
    if quoted is not None:
        k = quoted - 1
        while k > 0 and (tokens[k].lower in AUXILIARIES or _is_adverb(tokens[k])):
            k -= 1
        mention = region.mention_ending_at(tokens[k].end, body)
        return _named(mention) if mention is not None else _pronoun_cue(tokens[k])
    if len(tokens) < 2 or tokens[-2].text != ",":
        return None  # "a statement saying “" names no speaker
    return _clause_subject(region)


def _clause_subject(region: Region) -> Cue | None:
    """The name or pronoun the region's clause opens with: its subject, as English puts it first."""
    first = region.tokens[0]
    mention = region.mention_at(first.start)
    return _named(mention) if mention is not None else _pronoun_cue(first)


def _speaker_after_verb(region: Region, k: int) -> Cue:
    tokens = region.tokens
    if k < len(tokens):
        mention = region.mention_at(tokens[k].start)
        if mention is not None:
            return _named(mention)
        pronoun = _pronoun_cue(tokens[k])
        if pronoun is not None:
            return pronoun  # "said he"
    return Cue(CueKind.UNNAMED, tokens[k].start if k < len(tokens) else tokens[-1].end)


def _subject_before(body: str, region: Region, verb: int) -> Cue:
    tokens = region.tokens
    k = verb - 1
    while k >= 0 and _is_adverb(tokens[k]):
        k -= 1
    if k < 0:
        return Cue(CueKind.UNNAMED, tokens[verb].start)
    if tokens[k].lower in COORDINATORS and k > 0:
        # "Trump took the podium … and declared that": the verbs share the clause's subject.
        k = 0
        subject = _clause_subject(region)
        if subject is not None:
            return subject
    pronoun = _pronoun_cue(tokens[k])
    if pronoun is not None:
        return pronoun
    mention = region.mention_ending_at(tokens[k].end, body)
    if mention is not None:
        return _named(mention)
    return Cue(CueKind.UNNAMED, tokens[k].start)


def _possessive_speech_noun(region: Region, that: int) -> Cue | None:
    tokens = region.tokens
    for k in range(that - 1, max(-1, that - 2 - MAX_WORDS_BEFORE_THAT), -1):
        if tokens[k].lower in SPEECH_NOUNS and k > 0:
            mention = next((m for m in region.mentions if m.possessive and m.outer_end == tokens[k - 1].end), None)
            return _named(mention) if mention else None
    return None


def _pronoun_cue(token: Token) -> Cue | None:
    word = token.lower
    if word in PERSONAL_PRONOUNS:
        return Cue(CueKind.PRONOUN, token.start)
    if word in FIRST_PERSON:
        return Cue(CueKind.WRITER, token.start)
    if word in OTHER_PRONOUNS:
        return Cue(CueKind.UNNAMED, token.start)
    return None


def _unnamed_subject(tokens: Sequence[Token], i: int) -> Cue | None:
    """`,” a senior official said.` · `,” the statement added.`: spoken, by no one named."""
    for k in range(i, min(len(tokens), i + MAX_UNNAMED_SUBJECT_WORDS)):
        token = tokens[k]
        if not token.text[0].isalnum():
            return None
        if token.lower in SPEECH_VERBS and k > i:
            return Cue(CueKind.UNNAMED, tokens[i].start)
    return None


def _is_adverb(token: Token) -> bool:
    return token.lower in ADVERBS_BEFORE_A_VERB or (token.lower.endswith("ly") and not token.capitalised and len(token.text) > 3)


def _skip(tokens: Sequence[Token], i: int, skip: Callable[[Token], bool]) -> int:
    while i < len(tokens) and skip(tokens[i]):
        i += 1
    return i
