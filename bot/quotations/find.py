"""Every quotation of one article with its speaker, read paragraph by paragraph.

A quotation is the text between quotation marks when a cue beside it names who spoke (bot.quotations.cues),
or when it opens a new sentence after one that did, in the same paragraph ("“Speed is not important.”"
after "“…,” Trump said."). A quoted word or phrase with no cue ("his “gut”") is no one's quotation.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.knowledge.models import Article, Span
from bot.knowledge.passages import paragraph_spans
from bot.knowledge.quotation_marks import quoted_spans
from bot.knowledge.sentences import sentence_spans
from bot.quotations.cues import Cue, CueKind, Region, Reported, acts, after_a_preposition, cue_after, cue_before, ends_a_clause
from bot.quotations.english import GENDERED_PRONOUNS, PERSONAL_TITLES, PREPOSITIONS, THING_PRONOUNS
from bot.search.demonyms import is_a_place
from bot.search.normalise import ORGANISATION_NOUNS
from bot.quotations.names import NameMention, Token, name_key, name_mentions, tokenize
from bot.quotes import Quote

_QUOTATION_MARK = re.compile(r'[“”"]')
# A pronoun points back this many paragraphs at most ("Joseph Yun … questioned …" then "“…,” he said.").
PRONOUN_REACH_PARAGRAPHS = 2
# A bare family name written first ("Kim" of "Kim Jong Un") is someone named since the first of
# that name only when they are the subject of a sentence in its paragraph or the one before.
RECENT_FULL_NAME_PARAGRAPHS = 1
# A quotation that goes on from an attributed one is a sentence of speech, not a quoted phrase.
MIN_CONTINUING_WORDS = 3
# Words before a person's name read with their role when a description points back to them:
# "North Korean" of "North Korean leader Kim Jong Un" (the name reader keeps only "leader").
DESCRIPTION_WORDS_BEFORE = 3
# Single quotation marks inside a quotation: ‘ opens; a straight ' opens at a word's start only.
_INNER_OPEN = re.compile(r"(?<![\w’'])[‘']")
_INNER_CLOSE = re.compile(r"[’'](?!\w)")


@dataclass(frozen=True, slots=True)
class Quotation:
    """A speaker's words: an exact slice of the article body (quotation marks left out)."""

    quote: Quote
    speaker: str  # the name as the article gives it in full, without titles
    role: str | None  # who the article says the speaker is, in its words

    @property
    def text(self) -> str:
        return self.quote.text


@dataclass(slots=True)
class _Segment:
    start: int  # first character inside the marks
    end: int  # end of the spoken words (a trailing comma left out)
    mark_start: int
    mark_end: int  # after the closing mark
    closed: bool
    paragraph: int
    cue: Cue | None = None
    speaker: str | None = None
    # Quoted further on in the sentence of the quotation before it, with no new clause between:
    # "said the cancellation was “…” and that Pyongyang still had the intent “…”".
    continues: bool = False


@dataclass(frozen=True, slots=True)
class _Paragraph:
    span: Span
    tokens: tuple[Token, ...]  # outside quotation marks
    mentions: tuple[NameMention, ...]
    sentences: tuple[Span, ...]


def find_quotations(article: Article) -> list[Quotation]:
    body = article.body
    if not _QUOTATION_MARK.search(body):
        return []  # most of the work is reading names: none is needed when nothing is quoted
    paragraphs: list[_Paragraph] = []
    segments: list[_Segment] = []
    for number, span in enumerate(paragraph_spans(body)):
        quoted = quoted_spans(body, span.start, span.end)
        tokens = tuple(_outside(body, span, quoted))
        paragraph = _Paragraph(span, tokens, tuple(name_mentions(body, tokens, span.start)), tuple(sentence_spans(body, span.start, span.end)))
        paragraphs.append(paragraph)
        for start, end, closed in quoted:
            segment = _segment(body, start, end, closed, number)
            if segment is not None:
                segments.append(segment)
    _find_cues(body, paragraphs, segments)
    people = _People(body, paragraphs, segments, article.meta.author)
    people.resolve(segments)
    _carry_speakers(body, segments, [p.span for p in paragraphs])
    found = [(s.start, s.end, s.speaker) for s in segments if s.speaker is not None]
    found.extend(inner for s in segments if s.speaker is not None for inner in _inner_quotations(body, s, people))
    return [Quotation(Quote(article, start, end), speaker, people.role_of(speaker)) for start, end, speaker in sorted(found)]


def _outside(body: str, span: Span, quoted: list[tuple[int, int, bool]]) -> Iterator[Token]:
    cursor = span.start
    for start, end, _ in quoted:
        yield from tokenize(body, cursor, start - 1)
        cursor = end + 1
    if cursor < span.end:
        yield from tokenize(body, cursor, span.end)


def _segment(body: str, start: int, end: int, closed: bool, paragraph: int) -> _Segment | None:
    inner_start, inner_end = start, end
    while inner_start < inner_end and body[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (body[inner_end - 1].isspace() or body[inner_end - 1] == ","):
        inner_end -= 1
    if inner_start == inner_end:
        return None
    return _Segment(inner_start, inner_end, start - 1, end + 1 if closed else end, closed, paragraph)


def _find_cues(body: str, paragraphs: list[_Paragraph], segments: list[_Segment]) -> None:
    for index, segment in enumerate(segments):
        paragraph = paragraphs[segment.paragraph]
        previous = segments[index - 1] if index and segments[index - 1].paragraph == segment.paragraph else None
        following = segments[index + 1] if index + 1 < len(segments) and segments[index + 1].paragraph == segment.paragraph else None
        sentence_end = _sentence_of(paragraph, segment.mark_end - 1).end
        # “…?” Memez said in an interview.: the quotation ended its sentence, and its cue is the next one.
        ended_sentence = sentence_end <= segment.mark_end
        if ended_sentence:
            sentence_end = next((s.end for s in paragraph.sentences if s.start >= segment.mark_end), paragraph.span.end)
        after_end = min(sentence_end, following.mark_start if following else paragraph.span.end)
        after = _region(paragraph, segment.mark_end, after_end)
        cue = None
        if segment.closed and not _introduces(after, following, after_end, ended_sentence):
            cue = cue_after(body, after)
        sentence_start = _sentence_of(paragraph, segment.mark_start).start
        if cue is None or cue.kind is CueKind.UNNAMED:
            before = _region(paragraph, max(sentence_start, previous.mark_end if previous else paragraph.span.start), segment.mark_start)
            cue_in_front = cue_before(body, before, full_sentence=body[segment.start].isupper())
            # "Kim said the meeting was meant to “…,” according to an interpreter": the speaker the
            # sentence names before the words outranks the unnamed source that passed them on.
            if cue is None or (cue_in_front is not None and cue_in_front.kind is not CueKind.UNNAMED):
                cue = cue_in_front
            segment.continues = (
                cue is None
                and previous is not None
                and previous.mark_start >= sentence_start
                and not any(ends_a_clause(before.tokens, k) for k in range(len(before.tokens)))
            )
        segment.cue = cue


def _introduces(after: Region, following: _Segment | None, after_end: int, ended_sentence: bool) -> bool:
    """The words after a quotation introduce the next one instead: "“…,” the accord affirmed only
    that “…”", "“…?” He then added: “…”", and after a finished sentence "“….” She replied, “…”"."""
    if following is None or after_end != following.mark_start or not after.tokens:
        return False
    last = after.tokens[-1]
    return last.lower == "that" or last.text == ":" or (last.text == "," and ended_sentence)


def _sentence_of(paragraph: _Paragraph, position: int) -> Span:
    return next((s for s in paragraph.sentences if s.start <= position < s.end), paragraph.span)


def _region(paragraph: _Paragraph, start: int, end: int) -> Region:
    tokens = tuple(t for t in paragraph.tokens if start <= t.start and t.end <= end)
    mentions = tuple(m for m in paragraph.mentions if start <= m.outer_start and m.start < end)
    return Region(tokens, mentions)


class _People:
    """The people an article names, how a surname or pronoun points at one, and their roles.

    Every look-up here is by position (bisect over lists kept in text order) or by a table made
    once, never a walk over all the article's names: each quotation, pronoun or surname walking
    them made an article of 3,800 paragraphs take minutes (the work grew with its length squared)."""

    def __init__(self, body: str, paragraphs: list[_Paragraph], segments: list[_Segment], author: str | None) -> None:
        self.body = body
        self.paragraphs = paragraphs
        self.paragraph_starts = [p.span.start for p in paragraphs]
        self.author = author
        self.mentions = [m for p in paragraphs for m in p.mentions]  # in text order
        self.mention_starts = [m.start for m in self.mentions]
        # Full names by their last word and by their first ("Rusten", "Kim" of "Kim Jong Un"), in
        # order, with their starts beside them to find the latest before a position.
        self.by_end: tuple[dict[str, list[NameMention]], dict[str, list[NameMention]]] = ({}, {})
        self.by_end_starts: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        for mention in self.mentions:
            if len(mention.tokens) > 1:
                for by_word, starts, token in zip(self.by_end, self.by_end_starts, (mention.tokens[-1], mention.tokens[0])):
                    by_word.setdefault(name_key(token), []).append(mention)
                    starts.setdefault(name_key(token), []).append(mention.start)
        self._full_names: dict[tuple[int, str], str] = {}
        self._roles: dict[str, str] | None = None
        self._own_descriptions: dict[str, set[str]] | None = None
        self.capitalised_inside = {name_key(m.name) for m in self.mentions if not m.sentence_initial}
        # Who a report or a description may be about: a name with a title or a role, one a gendered
        # pronoun follows, or one a cue names as speaking. Organisations too ("“…,” RNA said"):
        # `persons` is who he or she may point at.
        self.described_or_speaking: set[str] = {name_key(self.full_name(m)) for m in self.mentions if (m.title or m.role) and not m.label}
        referred_to_as_a_person = {name_key(self.full_name(m)) for m in _named_by_a_pronoun(body, paragraphs, GENDERED_PRONOUNS)}
        self.described_or_speaking.update(referred_to_as_a_person)
        named_speaking = [
            self.full_name(s.cue.mention) for s in segments if s.cue is not None and s.cue.mention is not None and self.is_a_name(s.cue.mention)
        ]
        self.described_or_speaking.update(name_key(name) for name in named_speaking)
        self.persons = self._persons(body, paragraphs, referred_to_as_a_person, named_speaking)
        # Each person's mentions (position, full name) that a pronoun may point back to.
        self.pointed: list[tuple[int, str]] = sorted(
            (m.start, self.full_name(m))
            for p in paragraphs
            for m in p.mentions
            if not m.label and name_key(self.full_name(m)) in self.persons and not _an_object(Region(p.tokens, p.mentions), m)
        )  # sorted, kept so by insort
        # Where an organisation or another name that is no person's was quoted: a pronoun after it
        # does not reach back past it.
        self.others_spoke: list[int] = []  # sorted

    def _persons(self, body: str, paragraphs: list[_Paragraph], referred_to_as_a_person: set[str], named_speaking: list[str]) -> set[str]:
        """Who "he" or "she" may point back to: the names the article shows to be a person's.

        Speaking is no such sign ("“…,” RNA said", "Ruritania said"), nor is a role alone ("the state
        news agency RNA"). A personal title ("President", "Mr.", in lower case too right before the
        name: "North Korean leader Kim Jong Un") always shows a person. A role, or a
        gendered pronoun after the name in its sentence ("he", "she", "his", "her", "him", …),
        shows one unless the article writes the name in capitals ("RNA"). A full name of two words
        or more quoted as speaking, the weakest sign, shows one unless written in capitals or with
        an "its" after it ("Ruritania said its army …"): one "its" ("Kim said its missiles …")
        does not undo a title, a role or a "her" ("North Korean leader Kim Jong Un", "Ana Silva
        set her terms").
        """
        titled = {name_key(self.full_name(m)) for m in self.mentions if (m.title or self._after_a_title_word(m)) and not m.label}
        # A role headed by an organisation's noun ("state broadcaster RTV", "the news agency RNA")
        # shows a body, not a person.
        shown = {name_key(self.full_name(m)) for m in self.mentions if m.role and not m.label and not an_organisation_role(m.role)} | referred_to_as_a_person
        speaking_in_full = {name_key(name) for name in named_speaking if len(name.split()) > 1}
        # Its own name, not the full name it may stand for: "UN" is no surname of Kim Jong Un's.
        in_capitals = {name_key(m.name) for m in self.mentions if _in_capitals(m.name)}
        with_its = {name_key(self.full_name(m)) for m in _named_by_a_pronoun(body, paragraphs, THING_PRONOUNS)}
        # A country or a capital is a place, whatever pronoun follows it or role-like words go
        # before it ("a softer tone toward Pyongyang than the one he had struck"); a title still
        # makes a person of one who shares a place's name.
        places = {key for key in (shown | speaking_in_full) if is_a_place(key)}
        return titled | ((shown - in_capitals) | (speaking_in_full - in_capitals - with_its)) - places

    def is_a_name(self, mention: NameMention) -> bool:
        """A single capitalised word opening its sentence is a name only when the article writes
        it capitalised elsewhere too, or as part of a fuller name ("Critics called it …" is not)."""
        if not mention.sentence_initial or len(mention.tokens) > 1:
            return True
        key = name_key(mention.name)
        return key in self.by_end[0] or key in self.by_end[1] or key in self.capitalised_inside

    def full_name(self, mention: NameMention) -> str:
        """A surname alone ("says Rusten") is the full name the article gives it: the first one it
        gives, as news style keeps the bare surname for the person it introduced first and names a
        relative in full ("Baker and his wife, Ann Baker, …"). A family name written first ("Kim"
        of "Kim Jong Un"), which many share, is the first too, as news style names the others in
        full each time, unless another of that name was just the subject of a sentence, in its
        paragraph or the one before ("Park Dae-il flew to …" then "“…,” Park said."); a
        name given only once in full is kept as written."""
        if len(mention.tokens) > 1:
            return mention.name
        known = self._full_names.get((mention.start, mention.name))
        if known is None:
            known = self._full_names[mention.start, mention.name] = self._full_name_of_one_word(mention)
        return known

    def _full_name_of_one_word(self, mention: NameMention) -> str:
        key = name_key(mention.name)
        for surname, (by_word, starts) in enumerate(zip(self.by_end, self.by_end_starts)):  # last word first ("Rusten"), then first ("Kim" of "Kim Jong Un")
            fitting = by_word.get(key, [])
            if fitting:
                if surname == 0:
                    return fitting[0].name
                earlier = bisect.bisect_left(starts[key], mention.start)
                if earlier and self._recent_subject(fitting[earlier - 1], mention.start):
                    return fitting[earlier - 1].name
                return fitting[0].name
        return mention.name

    def resolve(self, segments: list[_Segment]) -> None:
        for segment in segments:
            cue = segment.cue
            if cue is None:
                continue
            if cue.kind is CueKind.NAMED and cue.mention is not None:
                named = self.full_name(cue.mention) if self.is_a_name(cue.mention) else None
                segment.speaker = self._reporter_or_reported(cue.reported, named)
            elif cue.kind is CueKind.PRONOUN:
                segment.speaker = self._pointed_at(cue.position, segment.paragraph)
            elif cue.kind is CueKind.WRITER:
                segment.speaker = self.author
            elif cue.kind is CueKind.ORGANISATION:
                segment.speaker = self._reporter_or_reported(cue.reported, cue.words)
            elif cue.kind is CueKind.DESCRIBED and cue.words is not None:
                segment.speaker = self._described(cue.words, cue.position)
            if segment.speaker is None:
                continue
            if cue.kind in (CueKind.NAMED, CueKind.ORGANISATION) and name_key(segment.speaker) not in self.persons and is_a_place(segment.speaker):
                # "“…,” Seoul said", "the United States said": a country or a capital stands for
                # its government, whose speaker the article does not name, as "officials said"
                # does not; /said listed Seoul among the people quoted.
                segment.speaker = None
                bisect.insort(self.others_spoke, cue.position)
                continue
            if cue.kind in (CueKind.NAMED, CueKind.ORGANISATION) and name_key(segment.speaker) not in self.persons:
                # "he" or "she" never points at an organisation or a name no person's, nor past one
                # that spoke since the person named last: "“…,” the foreign ministry said. “…,” she
                # said." and "“…,” RNA said. “…,” she said." are no one's.
                bisect.insort(self.others_spoke, cue.position)
            else:
                bisect.insort(self.pointed, (cue.position, segment.speaker))

    def _reporter_or_reported(self, reported: Reported | None, reporter: str | None) -> str | None:
        """Who a news source's words about a person belong to: the person when it reports their
        speech ("RNA reported that Silva called it “…”"), no one when it reports what the person
        did in words that may be its own ("… that Silva had inspected “…”"), else the reporter."""
        if reported is None or not self.is_a_name(reported.mention):
            return reporter
        name = self.full_name(reported.mention)
        if name_key(name) not in self.described_or_speaking:
            return reporter  # "RNA reported that Ruritania had launched “…”": the source's words
        return name if reported.spoken else None

    def _described(self, description: str, position: int) -> str | None:
        """The person a description stands for ("the North Korean leader"): the latest person named
        before it whose title or role, with the words before their name, holds every word of it;
        else the name just before it in its sentence, when that is a person the article gives no
        other title or role ("a letter from Kim, in which the North Korean leader praised …")."""
        wanted = name_key(description).split()
        for mention in self._unlabelled_before(position):
            described_as = self._described_as(mention)
            # A person: one the article shows to be, or one named right after the description's
            # title word ("Ruritanian leader Ana Silva").
            titled = name_key(self._words_before(mention)).split()[-1:] == wanted[-1:]
            if set(wanted) <= set(described_as) and (titled or name_key(self.full_name(mention)) in self.described_or_speaking):
                return self.full_name(mention)
        # Else the name just before it in its sentence, when a person the article gives no other role.
        sentence_start = self._sentence_start(position)
        in_sentence = itertools.takewhile(lambda m: m.start >= sentence_start, self._unlabelled_before(position))
        latest = next((m for m in in_sentence if not m.possessive), None)
        if latest is None or name_key(name := self.full_name(latest)) not in self.described_or_speaking:
            return None
        given = self._own_descriptions_of().get(name_key(name), set())
        return name if not given or wanted[-1] in given else None

    def _unlabelled_before(self, position: int) -> Iterator[NameMention]:
        """The names mentioned before `position` that are no label, nearest first, read only as far
        as asked (a copy of every earlier mention per description grew with the article squared)."""
        for index in range(bisect.bisect_left(self.mention_starts, position) - 1, -1, -1):
            if not self.mentions[index].label:
                yield self.mentions[index]

    def _own_descriptions_of(self) -> dict[str, set[str]]:
        """Each person's (name key's) own title and role words, over all their mentions; made once."""
        if self._own_descriptions is None:
            self._own_descriptions = {}
            for mention in self.mentions:
                self._own_descriptions.setdefault(name_key(self.full_name(mention)), set()).update(self._described_as(mention, own=True))
        return self._own_descriptions

    def _described_as(self, mention: NameMention, own: bool = False) -> list[str]:
        """The words the article describes a person with at this mention: title and role, and
        unless `own`, the words just before them."""
        before = "" if own else self._words_before(mention)
        return name_key(" ".join(filter(None, (before, mention.title, mention.role)))).split()

    def _after_a_title_word(self, mention: NameMention) -> bool:
        """A personal title in lower case right before the name ("North Korean leader Kim Jong Un",
        "former envoy Joseph Yun"), which the name's own title and role leave out when capitalised
        words come before it; or in apposition after one ("a ministry spokeswoman, Ana Silva,")."""
        before = self._words_before(mention).split()
        if before[-1:] == [","]:
            before = before[:-1]
        return mention.outer_start == mention.start and bool(before) and before[-1] in PERSONAL_TITLES

    def _words_before(self, mention: NameMention) -> str:
        """The words just before a name's title or role ("North Korean" of "North Korean leader Kim")."""
        paragraph = self._paragraph_at(mention.start)
        before = [t.text for t in paragraph.tokens if t.end <= mention.outer_start][-DESCRIPTION_WORDS_BEFORE:]
        return " ".join(before)

    def _pointed_at(self, position: int, paragraph: int) -> str | None:
        """The person a "he" or "she" at `position` points back to: in the latest sentence before
        it that names a person, its subject, else the first one named there. A pronoun prefers
        the subject ("Choi said the launch was aimed at Washington’s negotiators. “…,” she said."
        is Choi's), not merely the nearest name; English puts the subject first but for an
        opening phrase, whose names are objects or possessives ("Asked about tours to Mount
        Kumgang, …, Trump was noncommittal", "In his New Year's address, Kim said …")."""
        reach = self.paragraphs[max(0, paragraph - PRONOUN_REACH_PARAGRAPHS)].span.start
        # The people named from `reach` to `position` are pointed[first:end] ((at,) sorts before (at, name)).
        first, end = bisect.bisect_left(self.pointed, (reach,)), bisect.bisect_left(self.pointed, (position,))
        if first == end:
            return None
        last_named = self.pointed[end - 1][0]
        spoke_since = bisect.bisect_right(self.others_spoke, last_named)
        if spoke_since < len(self.others_spoke) and self.others_spoke[spoke_since] < position:
            return None
        latest = self._sentence_start(last_named)
        named = self.pointed[bisect.bisect_left(self.pointed, (latest,), first, end) : end]
        return next((name for at, name in named if self._a_subject_at(at)), named[0][1])

    def _a_subject_at(self, position: int) -> bool:
        """Whether the name at `position` is its sentence's subject; one a cue made speak (no
        mention starts there: "“…,” Silva said") is."""
        index = bisect.bisect_left(self.mention_starts, position)
        if index == len(self.mentions) or self.mentions[index].start != position:
            return True
        return self._a_subject(self.mentions[index])

    def _recent_subject(self, named: NameMention, position: int) -> bool:
        """Whether `named` is a sentence's subject (a verb follows it; no possessive, label or
        preposition's object: "a meeting with Park Dae-il" is not) in the
        paragraph of `position` or the one before."""
        if self._paragraph_index(named.start) < self._paragraph_index(position) - RECENT_FULL_NAME_PARAGRAPHS:
            return False
        return self._a_subject(named)

    def _a_subject(self, named: NameMention) -> bool:
        """A verb follows the name, and it is no possessive, label or preposition's object."""
        paragraph = self._paragraph_at(named.start)
        region = Region(paragraph.tokens, paragraph.mentions)
        return not named.possessive and not named.label and not after_a_preposition(region, named) and acts(self.body, region, named)

    def _paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def _paragraph_at(self, position: int) -> _Paragraph:
        paragraph = self.paragraphs[self._paragraph_index(position)]
        if not paragraph.span.start <= position < paragraph.span.end:
            raise ValueError(f"position {position} is in no paragraph")
        return paragraph

    def _sentence_start(self, position: int) -> int:
        paragraph = self._paragraph_at(position)
        return _sentence_of(paragraph, position).start

    def role_of(self, speaker: str | None) -> str | None:
        if speaker is None:
            return None
        if self._roles is None:
            # A role given with the full name first, else the first given.
            self._roles = {}
            for mention in sorted((m for m in self.mentions if m.role), key=lambda m: (len(m.tokens) == 1, m.start)):
                if role := mention.role:
                    self._roles.setdefault(name_key(self.full_name(mention)), role)
        return self._roles.get(name_key(speaker))


def an_organisation_role(role: str) -> bool:
    """Whether the role's head noun, its last word before a preposition or relative word
    ("the former envoy who served at the embassy" is an envoy), is an organisation's."""
    head = []
    for word in role.lower().replace(",", " ").split():
        if word in PREPOSITIONS or word in _RELATIVE_WORDS:
            break
        head.append(word)
    return bool(head) and head[-1] in ORGANISATION_NOUNS


_RELATIVE_WORDS = frozenset({"who", "whose", "whom", "which", "that"})


def _an_object(region: Region, mention: NameMention) -> bool:
    """A name that is an -ing verb's object ("after meeting Silva in the capital, he said …"):
    he or she points back to a sentence's subject, not to it. (A preposition's object may be
    the subject's too: "According to Silva, …".)"""
    before = bisect.bisect_left(region.tokens, mention.outer_start, key=lambda t: t.start) - 1
    if before < 0:
        return False
    word = region.tokens[before]
    return word.lower.endswith("ing") and not word.capitalised and word.lower not in _TIMES_OF_DAY


# -ing words that are no verb before a name: "on Monday evening Baker said".
_TIMES_OF_DAY = frozenset({"morning", "evening"})


def _in_capitals(name: str) -> bool:
    """"RNA", "U.N.": an acronym, never a person's name."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _named_by_a_pronoun(body: str, paragraphs: list[_Paragraph], pronouns: frozenset[str]) -> Iterator[NameMention]:
    """Subjects that one of `pronouns` follows in their sentence before any other name: with "his"
    or "her" a person's ("Kim Jong Un has since set his own clock"), with "its" a thing's."""
    for paragraph in paragraphs:
        referring = [t.start for t in paragraph.tokens if t.lower in pronouns]
        if not referring:
            continue
        region = Region(paragraph.tokens, paragraph.mentions)
        for index, mention in enumerate(paragraph.mentions):
            if mention.label or mention.possessive or after_a_preposition(region, mention):
                continue  # "aboard the Ocean Star, published …, he said": a place the sentence's subject was in
            following = paragraph.mentions[index + 1].start if index + 1 < len(paragraph.mentions) else paragraph.span.end
            limit = min(_sentence_of(paragraph, mention.start).end, following)
            at = bisect.bisect_left(referring, mention.end)
            if at < len(referring) and referring[at] < limit and acts(body, region, mention):
                yield mention


def _inner_quotations(body: str, outer: _Segment, people: _People) -> list[tuple[int, int, str]]:
    """A quotation inside a quotation (“… he told me, ‘We will never …’ …”) is the inner
    speaker's when the outer speaker's words say who: a name, a pronoun for someone the outer
    quotation or the text names, or "I" (the outer speaker)."""
    found: list[tuple[int, int, str]] = []
    for start, end in _inner_spans(body, outer.start, outer.end):
        tokens = (*tokenize(body, outer.start, start - 1), *tokenize(body, end + 1, outer.end))
        inside = _Paragraph(Span(outer.start, outer.end), tokens, tuple(name_mentions(body, tokens, outer.start)), tuple(sentence_spans(body, outer.start, outer.end)))
        segment = _segment(body, start, end, True, outer.paragraph)
        if segment is None:
            continue
        cue = cue_after(body, _region(inside, segment.mark_end, _sentence_of(inside, segment.mark_end - 1).end))
        if cue is None:
            cue = cue_before(body, _region(inside, _sentence_of(inside, segment.mark_start).start, segment.mark_start), full_sentence=body[segment.start].isupper())
        speaker = None
        if cue is not None and cue.kind is CueKind.NAMED and cue.mention is not None:
            speaker = people.full_name(cue.mention)
        elif cue is not None and cue.kind is CueKind.WRITER:
            speaker = outer.speaker  # "I" inside a quotation is the one quoted
        elif cue is not None and cue.kind is CueKind.PRONOUN:
            named = [m for m in inside.mentions if m.start < cue.position and not m.label]
            speaker = people.full_name(named[-1]) if named else None
        if speaker is not None:
            found.append((segment.start, segment.end, speaker))
    return found


def _inner_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    while (opening := _INNER_OPEN.search(body, cursor, end)) is not None:
        closing = _INNER_CLOSE.search(body, opening.end() + 1, end)
        if closing is None:
            break
        spans.append((opening.end(), closing.start()))
        cursor = closing.end()
    return spans


def _carry_speakers(body: str, segments: list[_Segment], paragraphs: list[Span]) -> None:
    """Sentences of speech after an attributed quotation in its paragraph are the same speaker's;
    a quotation left open at a paragraph's end goes on in the next paragraph's opening one. A
    paragraph that is all quotation, right after one that ends with a speaker's words, is theirs
    too: news style quotes one speaker on without naming them again ("“…,” said Ana Silva, a
    historian.", then a paragraph "“…”")."""
    current: str | None = None
    for index, segment in enumerate(segments):
        previous = segments[index - 1] if index else None
        if previous is None or previous.paragraph != segment.paragraph:
            carried_over = previous is not None and _opens_paragraph(body, segment) and (
                not previous.closed or _goes_on_speaking(body, previous, segment, paragraphs)
            )
            current = previous.speaker if carried_over and previous is not None else None
        if segment.cue is not None:
            current = segment.speaker
        elif segment.continues and previous is not None:
            segment.speaker = previous.speaker
        elif current is not None and _is_speech(body, segment):
            segment.speaker = current


def _goes_on_speaking(body: str, previous: _Segment, segment: _Segment, paragraphs: list[Span]) -> bool:
    """Whether `segment` fills its paragraph with speech and `previous`, the last quotation of the
    paragraph right before, was a speaker's sentence of speech."""
    if previous.speaker is None or previous.paragraph != segment.paragraph - 1 or not _is_speech(body, segment):
        return False
    if segment.closed and body[segment.mark_end : paragraphs[segment.paragraph].end].strip():
        return False  # "“…,” she added.": words after it in its paragraph; its own cue decides
    return _is_speech(body, previous)


def _opens_paragraph(body: str, segment: _Segment) -> bool:
    return segment.mark_start == 0 or body[segment.mark_start - 1] == "\n"


def _is_speech(body: str, segment: _Segment) -> bool:
    """A sentence or more of speech ("Speed is not important."), not a quoted word or phrase."""
    text = body[segment.start : segment.end]
    return text[:1].isupper() and len(text.split()) >= MIN_CONTINUING_WORDS
