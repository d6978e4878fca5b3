"""The words beside a quotation that say who spoke it: "…,” says Lynn Rusten", "…,” he said.",
"He then added: “…”", "Trump’s declaration that “…”".

A cue names its speaker (a name), points back to one (he, she), is the writer (I), or is someone
the text does not name ("the accord affirmed that …", "they said"): such a quotation has no speaker
to list, and the quotations after it in the paragraph are not given to an earlier one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from bot.quotations.english import (
    AUXILIARIES_AND_MODALS,
    CALENDAR_NAMES,
    CLAUSE_JOINERS,
    FIRST_PERSON,
    IRREGULAR_PAST,
    LABEL_MARKERS,
    OBJECT_PREPOSITIONS,
    OBJECT_PRONOUNS,
    OTHER_PRONOUNS,
    PERSONAL_PRONOUNS,
    PERSONAL_TITLES,
    PREPOSITIONS,
    QUOTED_AS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    SPOKESPERSONS,
)
from bot.quotations.names import DETERMINERS, NameMention, Token
from bot.search.normalise import ADVERBS_BEFORE_A_VERB, ORGANISATION_NOUNS, is_stop_word

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
    ORGANISATION = "organisation"  # "the White House said", "North Korea's foreign ministry accused"
    DESCRIBED = "described"  # "the North Korean leader praised": the person the article gave that role
    UNNAMED = "unnamed"


@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    position: int  # where the speaker is named or pointed to
    mention: NameMention | None = None
    words: str | None = None  # an organisation or a description, as the article writes it
    # The name a news source's "that" clause opens with ("KCNA reported that Kim …"), if any.
    reported: Reported | None = None


@dataclass(frozen=True, slots=True)
class Reported:
    """Who a report is about, and whether the quotation is words it says they spoke."""

    mention: NameMention
    # "reported that Kim called the talks “…”": a verb of speech whose object is the quotation,
    # so the words are the person's. "reported that Kim had inspected “…”" are the reporter's
    # words about the person, not the person's: when the subject is a person, no one is named.
    spoken: bool


def _named(mention: NameMention, reported: Reported | None = None) -> Cue:
    """A name's cue; a name that labels a thing ("the Kokisihaven City Council said") is no one's."""
    return Cue(CueKind.UNNAMED if mention.label else CueKind.NAMED, mention.start, mention, reported=reported)


@dataclass(frozen=True, slots=True)
class Region:
    """Tokens beside a quotation (outside quotation marks) and the names among them."""

    tokens: Sequence[Token]
    mentions: Sequence[NameMention]

    def mention_at(self, start: int) -> NameMention | None:
        """The name whose words, with its title or role, start at `start`. A titled name inside
        the role of a name after it is that role, not the name: "U.S. President Donald Trump
        spokeswoman Sarah Sanders" is Sarah Sanders, whose role starts inside Trump's title."""
        mention = next((m for m in self.mentions if m.outer_start == start), None)
        while mention is not None:
            # A later name whose title or role takes this name in (begins at or before it).
            holder = next((m for m in self.mentions if m.start > mention.start and m.outer_start <= mention.start), None)
            if holder is None:
                return mention
            mention = holder
        return None

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
    if verb < len(tokens) and _is_speech_verb(tokens[verb]):
        return _speaker_after_verb(region, verb + 1)  # "says Rusten", "said former ambassador …"
    if first.lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        return _speaker_after_verb(region, i + 2)
    mention = region.mention_at(first.start)
    if mention is not None:
        after = _skip(tokens, i, lambda t: t.end <= mention.outer_end or t.text == ",")
        verb = _skip(tokens, after, _is_adverb)
        if verb < len(tokens) and tokens[verb].lower in SPEECH_VERBS:
            return _named(mention)
        return _quoted_as_saying(region, mention, verb)
    pronoun = _pronoun_cue(first)
    if pronoun is not None:
        verb = _skip(tokens, i + 1, _is_adverb)
        return pronoun if verb < len(tokens) and tokens[verb].lower in SPEECH_VERBS else None
    return _unnamed_subject(body, region, i)


def _quoted_as_saying(region: Region, mention: NameMention, verb: int) -> Cue | None:
    """`,” Silva was quoted as saying.` is Silva's; `,” RNA quoted Silva as saying.` is the one
    quoted, Silva's."""
    tokens = region.tokens
    k = _skip(tokens, verb, lambda t: t.lower in AUXILIARIES_AND_MODALS or _is_adverb(t))
    if k >= len(tokens) or tokens[k].lower not in QUOTED_AS:
        return None
    if k > verb:  # "was quoted": the subject is the one quoted
        return _named(mention) if k + 1 < len(tokens) and tokens[k + 1].lower in ("as", "by") else None
    quoted = region.mention_at(tokens[k + 1].start) if k + 1 < len(tokens) else None
    if quoted is None or quoted.label or not any(t.lower == "as" and t.start >= quoted.outer_end for t in tokens[k + 1 :]):
        return None
    return _named(quoted)


def cue_before(body: str, region: Region, *, full_sentence: bool = False) -> Cue | None:
    """`He then added: “` · `President Donald Trump explained why …: “` · `said, “` ·
    `said at a news conference, “` · `Trump’s declaration last June that “` · `According to
    Gallucci, “` · `Kim was quoted as saying “` · `…, saying “`, and words quoted inside what a
    speech verb reports: `Rusten said the talks were “`, `Abe called the launch “`. With
    full_sentence (the quotation opens with a capital), a colon after a person's clause
    introduces their words even without a speech verb: `Trump put it this way: “`."""
    tokens = region.tokens
    if not tokens:
        return None
    last = tokens[-1]
    cue: Cue | None = None
    if last.text == ":":
        return _colon_cue(body, region, full_sentence)
    if last.text == ",":
        for verb in (len(tokens) - 2, len(tokens) - 3):  # "said, “" · "told reporters, “"
            if verb >= 0 and _is_speech_verb(tokens[verb]):
                return _subject_before(body, region, verb)  # also "According to RNA, Silva said, “"
        if tokens[0].lower == "according" and len(tokens) > 2 and tokens[1].lower == "to":
            return _speaker_after_verb(region, 2)
        verb = _verb_before_a_short_phrase(tokens)  # "said at a news conference, “"
        cue = None if verb is None else _subject_before(body, region, verb)
    elif last.lower == "that" and len(tokens) > 1:
        verb = len(tokens) - 2
        while verb > 0 and _is_adverb(tokens[verb]):
            verb -= 1
        if _is_speech_verb(tokens[verb]):
            return _subject_before(body, region, verb)
        cue = _possessive_speech_noun(region, len(tokens) - 1)
        if cue is None:
            verb = _verb_before_a_short_phrase(tokens)  # "told reporters in Hanoi that day that “"
            cue = None if verb is None else _subject_before(body, region, verb)
    elif last.lower in SPEECH_PARTICIPLES:
        return _subject_of_participle(body, region, len(tokens) - 1)
    return cue if cue is not None else _reported_clause(body, region)


def _colon_cue(body: str, region: Region, full_sentence: bool) -> Cue | None:
    """The clause's first speech verb that says who introduces what follows the colon; with no
    speech verb, a full sentence after a person's clause ("Trump floated it in a post: “…”").
    The clause is the last one before the colon: in "Silva said …, and Baker replied: “…”" the
    colon is Baker's, as a clause joined by ", and" has a subject of its own."""
    tokens = region.tokens[:-1]
    opening = max((k + 1 for k in range(len(tokens)) if ends_a_clause(tokens, k)), default=0)
    cues = [_subject_before(body, region, k) for k, token in enumerate(tokens) if k >= opening and _is_speech_verb(token)]
    if cues:
        return next((cue for cue in cues if cue.kind is not CueKind.UNNAMED), cues[0])
    if not full_sentence:
        return None
    verb = _skip(tokens, 1, _is_adverb)
    if verb < len(tokens) and tokens[0].lower in PERSONAL_PRONOUNS and _is_a_verb(tokens[verb]):
        return _pronoun_cue(tokens[0])  # "He ended the message with a prediction: “…”", "She then turned to …: “…”"
    return next((_named(m) for m in region.mentions if not m.label and not m.possessive and acts(body, region, m)), None)


def _reported_clause(body: str, region: Region) -> Cue | None:
    """Words quoted inside what a speech verb reports are its subject's: the nearest speech verb
    before the quotation in its sentence, unless a new clause starts between them (", and the
    White House has …") or the quotation is only a label ("the so-called “big deal”")."""
    tokens = region.tokens
    if tokens and tokens[-1].lower in LABEL_MARKERS:
        return None
    for k in range(len(tokens) - 1, -1, -1):
        if ends_a_clause(tokens, k):
            return None
        if _is_speech_verb(tokens[k]):
            if k > 0 and (tokens[k - 1].lower in DETERMINERS or _possessive(tokens[k - 1])):
                continue  # "received a reply from Trump with “", "called Baker's remarks “": a noun, not a verb
            if k + 2 < len(tokens) and tokens[k + 1].lower == "to":
                continue  # "had agreed to designate teams that …": an act, not words reported
            if k + 1 < len(tokens) and tokens[k + 1].lower == "to" and _subject_before(body, region, k).kind is CueKind.UNNAMED:
                continue  # "said Kim and Trump had agreed to “…”": no one's act; the reporter's words
            if _opens_with_a_coordinator(tokens, k):
                return None  # "“…” and mocked Kim as “": the subject of the quotation before
            return _subject_before(body, region, k)
        if tokens[k].lower in SPEECH_PARTICIPLES:
            return _subject_of_participle(body, region, k)
    if len(tokens) > 2 and tokens[0].lower == "according" and tokens[1].lower == "to":
        # "According to Silva, a historian, the accord “…”": the sentence is her account, with no
        # speech verb or new clause between it and her words.
        return _speaker_after_verb(region, 2)
    return None


# Possessive determiners: a speech verb's form after one is a noun ("his remarks", "their reply").
_POSSESSIVE_DETERMINERS = frozenset("his her its their our my your".split())


def _possessive(token: Token) -> bool:
    return token.lower in _POSSESSIVE_DETERMINERS or token.lower.endswith(("'s", "’s", "s'", "s’"))


def _opens_with_a_coordinator(tokens: Sequence[Token], verb: int) -> bool:
    k = _skip(tokens, 0, lambda t: t.lower in COORDINATORS)
    return k > 0 and all(_is_adverb(t) or t.lower in AUXILIARIES_AND_MODALS for t in tokens[k:verb])


def ends_a_clause(tokens: Sequence[Token], k: int) -> bool:
    """A semicolon, dash or bracket, or a comma before "and", "but", "while" …: what follows is
    another clause, whose words a speech verb before it does not report."""
    token = tokens[k]
    if token.text in (";", "—", "–", "(", ")"):
        return True
    if token.text != "," or k + 1 >= len(tokens) or tokens[k + 1].lower not in CLAUSE_JOINERS:
        return False
    # "said the team would …, and that talks would …": the same verb's second report.
    return not (k + 2 < len(tokens) and tokens[k + 2].lower == "that")


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
    return next((k for k, t in enumerate(tokens) if _is_speech_verb(t)), None)


def _is_speech_verb(token: Token) -> bool:
    return token.lower in SPEECH_VERBS and not token.capitalised


def _subject_of_participle(body: str, region: Region, participle: int) -> Cue | None:
    """`Kim was quoted by state media as saying “` and `KCNA quoted Kim as saying “`: the one
    quoted; `Trump walked out, saying “`, `… while warning: “`, `Kim issued a statement calling
    Trump a “`: the subject of the clause the participle hangs on."""
    tokens = region.tokens[:participle]
    quoted = next((k for k, t in enumerate(tokens) if t.lower in QUOTED_AS), None)
    if quoted is not None:
        named = region.mention_at(tokens[quoted + 1].start) if quoted + 1 < len(tokens) else None
        if named is not None:
            return _named(named)  # "KCNA quoted Kim as saying"
        if quoted + 1 < len(tokens) and tokens[quoted + 1].lower in OBJECT_PRONOUNS:
            return Cue(CueKind.PRONOUN, tokens[quoted + 1].start)  # "state media quoted him as calling"
        k = quoted - 1
        while k > 0 and (tokens[k].lower in AUXILIARIES_AND_MODALS or _is_adverb(tokens[k])):
            k -= 1
        mention = region.mention_ending_at(tokens[k].end, body)
        return _named(mention) if mention is not None else _pronoun_cue(tokens[k])
    if not tokens:
        return None
    before = tokens[-1]
    if before.text == "," or before.lower in _BEFORE_A_PARTICIPLE or before.lower in SPEECH_NOUNS:
        return _acting_subject(body, region, len(tokens) - 1) or _clause_subject(region)
    return None  # "a letter from Kim saying “" is not the clause's subject's


# Words after which an -ing form still hangs on the clause's subject: "… while warning: “".
_BEFORE_A_PARTICIPLE = frozenset({"while", "when", "before", "after", "also", "then"})


def _acting_subject(body: str, region: Region, before: int) -> Cue | None:
    """The subject of the clause that token `before` is in: its first name that a verb follows
    ("Kim Jong Un had watched the launch and declared …", "Trump used a speech … to urge …"), as
    English puts a clause's subject first. The clause starts after the last ", and …" or ";"."""
    tokens = region.tokens
    opening = max((k + 1 for k in range(before) if ends_a_clause(tokens, k)), default=0)
    start, limit = tokens[opening].start, tokens[before].start
    for mention in region.mentions:
        if start <= mention.start and mention.outer_end <= limit and not mention.label and not mention.possessive and acts(body, region, mention):
            return _named(mention)
    return None


def acts(body: str, region: Region, mention: NameMention) -> bool:
    """Whether a verb follows the name, past its apposition, a comma and adverbs ("Choe Son Hui,
    a vice foreign minister …, called", "Trump also said")."""
    tokens = region.tokens
    k = _skip(tokens, bisect.bisect_left(tokens, mention.outer_end, key=_start), lambda t: t.text == ",")
    k = _skip(tokens, k, _is_adverb)
    return k < len(tokens) and _is_a_verb(tokens[k])


def after_a_preposition(region: Region, mention: NameMention) -> bool:
    """Whether the name is a preposition's object ("of Ruritania", "aboard the Ocean Star")."""
    before = bisect.bisect_left(region.tokens, mention.outer_start, key=_start) - 1
    return before >= 0 and region.tokens[before].lower in OBJECT_PREPOSITIONS


def _name_before_the_phrase(body: str, region: Region, mention: NameMention) -> NameMention | None:
    """The name right before the comma that opens the phrase holding `mention`, if any."""
    tokens = region.tokens
    opening = next((t for t in reversed(tokens) if t.text == "," and t.end <= mention.outer_start), None)
    return None if opening is None else region.mention_ending_at(opening.end, body)


def _start(token: Token) -> int:
    return token.start


def _is_a_verb(token: Token) -> bool:
    word = token.lower
    if token.capitalised or not word.isalpha():
        return False
    return (
        word in SPEECH_VERBS
        or word in AUXILIARIES_AND_MODALS
        or word in IRREGULAR_PAST
        or word.endswith("ed")
        or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)
    )


def _clause_subject(region: Region) -> Cue | None:
    """The name or pronoun the region's clause opens with: its subject, as English puts it first."""
    first = region.tokens[0]
    mention = region.mention_at(first.start)
    if mention is not None and mention.possessive:
        return None  # "North Korea’s official news agency …": a thing of the name's, not the name
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
    k = _before_the_verb(tokens, verb)
    if k < 0:
        return Cue(CueKind.UNNAMED, tokens[verb].start)
    if (tokens[k].lower in COORDINATORS or tokens[k].lower == "to") and k > 0:
        # "Trump took the podium … and declared that", "Trump used a speech to urge …": the
        # verbs share the clause's subject.
        subject = _acting_subject(body, region, k) or _clause_subject(region) or _organisation_acting(body, region, k)
        if subject is not None:
            return subject
    pronoun = _pronoun_cue(tokens[k])
    if pronoun is not None:
        return pronoun
    spokesperson = _spokesperson_of(body, region, k, verb)
    if spokesperson is not None:
        return spokesperson
    mention = region.mention_ending_at(tokens[k].end, body)
    if mention is not None and tokens[k].text == "," and after_a_preposition(region, mention):
        # "Ana Silva, on a tour of Ruritania, told reporters": the name inside the phrase set off
        # by commas is its preposition's object; the subject is the name before the phrase.
        mention = _name_before_the_phrase(body, region, mention)
    if mention is not None:
        if _joined_to_another(body, region, mention):
            return Cue(CueKind.UNNAMED, mention.start)  # "Kim and Trump had agreed": no one speaker
        if not mention.label:
            # A news source reports what others said ("KCNA reported that Kim had …"); a person says it.
            reported = _reported_person(body, region, verb) if tokens[verb].lower in REPORTING_VERBS else None
            return _named(mention, reported)
    if tokens[k].text == ",":
        # "Jim Mattis, speaking alongside …, said": the name before a phrase set off by commas.
        mention = next((m for m in region.mentions if _opens_a_participle_phrase(body, region, m)), None)
        if mention is not None:
            return _named(mention)
    return _organisation_or_description(body, region, k, verb) or Cue(CueKind.UNNAMED, tokens[k].start)


def _before_the_verb(tokens: Sequence[Token], verb: int) -> int:
    """The last token of the verb's subject: before adverbs, auxiliaries and a day ("Kim Yo Jong had
    warned", "he would later say", "the agency on Monday hailed", "Trump on June 11 said")."""
    k = verb - 1
    while k >= 0 and (_is_adverb(tokens[k]) or tokens[k].lower in AUXILIARIES_AND_MODALS):
        k -= 1
    day = k
    while day >= 0 and (tokens[day].lower in CALENDAR_NAMES or tokens[day].text.isdigit()):
        day -= 1
    if day < k and day > 0 and tokens[day].lower == "on":
        k = day - 1
        while k >= 0 and _is_adverb(tokens[k]):
            k -= 1
    return k


# Small words inside an organisation's name: "the Centre for Justice Studies", "the Council on Energy".
_INSIDE_A_NAME = frozenset({"of", "for", "on", "and"})


def _organisation_or_description(body: str, region: Region, end: int, verb: int) -> Cue | None:
    """The speaker a noun phrase ending at token `end` names when it is no person's name: an
    organisation ("North Korea’s foreign ministry", "the White House"; with an acronym before its
    noun, the acronym: "the official KCNA news agency" is "KCNA"), or a person by description
    ("the North Korean leader"). "A ministry official", "the statement" and "the ministry" alone
    say no one."""
    tokens = region.tokens
    start = _subject_phrase_start(tokens, end)
    before = tokens[start - 1].lower if start > 0 else None
    phrase = tokens[start : end + 1]
    head = tokens[end]
    if not head.text[0].isalpha() or before in ("a", "an"):
        return None
    words = body[phrase[0].start : head.end]
    if head.lower in ORGANISATION_NOUNS and len(phrase) > 1:
        acronym = next((t for t in reversed(phrase) if _is_acronym(t)), None)
        if acronym is not None and all(not t.capitalised for t in phrase if t.start > acronym.start) and _named_by_acronym(body, acronym.text, head.lower):
            words = acronym.text
        return Cue(CueKind.ORGANISATION, phrase[0].start, words=words, reported=_reported_person(body, region, verb))
    if before == "the" and _head_of_a_name(phrase).lower in PERSONAL_TITLES:
        # "the North Korean leader", "the President", "the Secretary of State": a person by
        # title, whatever its case, never an organisation.
        return Cue(CueKind.DESCRIBED, phrase[0].start, words=words)
    if before == "the" and head.capitalised and all(t.capitalised or t.lower in _INSIDE_A_NAME for t in phrase):
        return Cue(CueKind.ORGANISATION, phrase[0].start, words=words, reported=_reported_person(body, region, verb))
    return None


def _spokesperson_of(body: str, region: Region, end: int, verb: int) -> Cue | None:
    """"A spokesman for the Strategic Force said": the organisation's spokesperson, unnamed, whose
    words these are ("Strategic Force spokesman"), as a reader names them; the subject is the
    spokesperson, and the organisation the object of "for". Only for a name or an organisation's
    noun phrase ("for North Korea's foreign ministry"); "a spokesman for the academy" says no one."""
    tokens = region.tokens
    start = _subject_phrase_start(tokens, end)
    k = start - 1 - (start > 0 and tokens[start - 1].lower == "the")
    if k < 2 or tokens[k].lower != "for" or tokens[k - 1].lower not in SPOKESPERSONS or tokens[k - 2].lower not in ("a", "an", "the"):
        return None
    phrase = tokens[start : end + 1]
    named = tokens[end].capitalised and all(t.capitalised or t.lower in _INSIDE_A_NAME for t in phrase)
    if not named and not (tokens[end].lower in ORGANISATION_NOUNS and len(phrase) > 1):
        return None
    words = f"{body[phrase[0].start : tokens[end].end]} {tokens[k - 1].lower}"
    return Cue(CueKind.ORGANISATION, tokens[k - 2].start, words=words, reported=_reported_person(body, region, verb))


def _head_of_a_name(phrase: Sequence[Token]) -> Token:
    """The noun a phrase is about: its last word, or the word before its first "of", "for" or
    "on" ("Secretary" of "Secretary of State", "Centre" of "Centre for Justice Studies")."""
    inside = next((k for k, t in enumerate(phrase) if k > 0 and t.lower in _INSIDE_A_NAME and t.lower != "and"), None)
    return phrase[inside - 1] if inside is not None else phrase[-1]


def _named_by_acronym(body: str, acronym: str, noun: str) -> bool:
    """Whether the article gives the acronym as the organisation's own name: in apposition to its
    noun ("the state news agency KCNA", "KCNA, the state news agency") or in brackets after it
    ("Korean Central News Agency (KCNA)"). "US" in "the US government" names a country, not the
    government, and the article never writes "government US" or "(US)" after "government"."""
    a, n = re.escape(acronym), re.escape(noun)
    given = (rf"\b{n}\s+{a}\b", rf"\b{n}\s*\(\s*{a}\s*\)", rf"\b{a},\s+(?:the|an?)\s+[^.,;]*?\b{n}\b")
    return any(re.search(pattern, body, re.IGNORECASE) for pattern in given)


def _subject_phrase_start(tokens: Sequence[Token], end: int) -> int:
    """The first token of the noun phrase ending at token `end`, read back over its words
    (_in_a_subject_phrase) to its determiner: "foreign ministry" of "the foreign ministry said",
    "Strategic Force" of "a spokesman for the Strategic Force said"."""
    start = end
    while start > 0 and _in_a_subject_phrase(tokens, start - 1):
        start -= 1
    return start


def _in_a_subject_phrase(tokens: Sequence[Token], k: int) -> bool:
    token = tokens[k]
    word = token.lower
    if not token.text[0].isalpha() or word in DETERMINERS:
        return False
    if token.capitalised:
        return True
    if word in _INSIDE_A_NAME:
        return k > 0 and tokens[k - 1].capitalised and k + 1 < len(tokens) and tokens[k + 1].capitalised
    return not (is_stop_word(word) or word in SPEECH_VERBS or word in PREPOSITIONS or word.endswith("ly"))


def _is_acronym(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isalpha() and token.text.isupper()


def _organisation_acting(body: str, region: Region, before: int) -> Cue | None:
    """An organisation that opens the clause as its subject, a verb following it: "North Korea’s
    official KCNA news agency on Monday hailed … and said …"."""
    tokens = region.tokens
    for end in range(before):
        if _is_a_verb(tokens[end + 1]) or tokens[end + 1].lower == "on":
            verb = next((v for v in range(end + 1, before) if _is_a_verb(tokens[v]) and _before_the_verb(tokens, v) == end), None)
            if verb is not None:
                cue = _organisation_or_description(body, region, end, verb)
                if cue is not None and cue.kind is CueKind.ORGANISATION:
                    return cue
    return None


# How far after its verb an organisation's "that" may stand: "KCNA reported on June 23 that Kim …".
MAX_WORDS_BEFORE_REPORTED_THAT = 5


def _reported_person(body: str, region: Region, verb: int) -> Reported | None:
    """The name a "that" clause after the verb opens with, as its subject. A news source relays a
    person's words only when that clause's verb is one of speech or judgement with the quotation
    as its object ("RNA reported that Silva called the talks “…”", "… that Silva said the talks
    were “…”"); "Reuters reported that Silva was “livid”" is Reuters' word for her."""
    tokens = region.tokens
    for k in range(verb + 1, min(len(tokens) - 1, verb + 2 + MAX_WORDS_BEFORE_REPORTED_THAT)):
        if not tokens[k].text[0].isalnum():
            return None
        if tokens[k].lower == "that":
            mention = region.mention_at(tokens[k + 1].start)
            if mention is not None and not mention.label and not mention.possessive and acts(body, region, mention):
                return Reported(mention, _speaks_the_quotation(body, region, mention))
            return None
    return None


def _speaks_the_quotation(body: str, region: Region, mention: NameMention) -> bool:
    """Whether the verb right after the name (past adverbs and auxiliaries) is one of speech, and
    no new clause stands between it and the quotation that ends the region."""
    tokens = region.tokens
    k = bisect.bisect_left(tokens, mention.outer_end, key=_start)
    k = _skip(tokens, k, lambda t: t.text == "," or _is_adverb(t) or t.lower in AUXILIARIES_AND_MODALS)
    return k < len(tokens) and _is_speech_verb(tokens[k]) and not any(ends_a_clause(tokens, j) for j in range(k, len(tokens)))


def _joined_to_another(body: str, region: Region, mention: NameMention) -> bool:
    before = [t for t in region.tokens if t.end <= mention.outer_start]
    # "Kim, and KCNA reported": a comma before "and" starts another clause, not a second subject.
    return len(before) > 1 and before[-1].lower in ("and", "or") and before[-2].text[0].isalnum() and region.mention_ending_at(before[-2].end, body) is not None


def _opens_a_participle_phrase(body: str, region: Region, mention: NameMention) -> bool:
    if mention.label or mention.possessive or not body.startswith(", ", mention.outer_end):
        return False
    word = next((t for t in region.tokens if t.start > mention.outer_end), None)
    return word is not None and word.lower.endswith("ing") and not word.capitalised


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


def _unnamed_subject(body: str, region: Region, i: int) -> Cue | None:
    """`,” a senior official said.` · `,” the statement added.`: spoken, by no one named;
    `,” the foreign ministry said.`, by an organisation (`_organisation_or_description`).
    `,” but added …` is no subject: the verb is the quotation's own speaker's."""
    tokens = region.tokens
    if tokens[i].lower in COORDINATORS or tokens[i].lower in PREPOSITIONS:
        return None
    for k in range(i, min(len(tokens), i + MAX_UNNAMED_SUBJECT_WORDS)):
        token = tokens[k]
        if not token.text[0].isalnum():
            return None
        if _is_speech_verb(token) and k > i and tokens[k - 1].lower not in DETERMINERS:  # "a claim" is a noun
            # "a senior official said." ends there; in "a claim officials later acknowledged was
            # premature" another verb follows: the speech verb is not the quotation's.
            after = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if after in AUXILIARIES_AND_MODALS or after in IRREGULAR_PAST or after.endswith("ed"):
                return None
            subject = _before_the_verb(tokens, k)
            named = _organisation_or_description(body, region, subject, k) if subject >= i else None
            return named or Cue(CueKind.UNNAMED, tokens[i].start)
    return None


def _is_adverb(token: Token) -> bool:
    return token.lower in ADVERBS_BEFORE_A_VERB or (token.lower.endswith("ly") and not token.capitalised and len(token.text) > 3)


def _skip(tokens: Sequence[Token], i: int, skip: Callable[[Token], bool]) -> int:
    while i < len(tokens) and skip(tokens[i]):
        i += 1
    return i
