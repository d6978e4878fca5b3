"""Who speaks in each sentence, and which speakers a question names as the one speaking.

"And what did North Korea say?" wants North Korea's words, not the White House's, however well
the White House's sentence matches the question's other words. The quotations bot.quotations finds
(each with its speaker) say who speaks in a sentence; a question names its speaker in a few
English frames, read by bot.search.speaker_frame: "what did X say / tell / warn …", "how did X
react", "according to X", "X's reaction". The name is matched as /said matches it (bot.quotations.speakers): an alias group ("the
DPRK" for North Korea), or words every one of which the speaker's name has ("gallucci", "jenny
town"), or a first name said another way with a surname only one speaker has ("joe yun").

Both sides are looked up in an index made once per knowledge build (KnowledgeBase.speaker_index):
the learned order reads a sentence's speakers for fifty candidates an answer, and a large folder
has thousands of speakers, too many to scan for every question.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, groupby
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from bot.knowledge.models import Span
from bot.quotations.english import PERSONAL_TITLES
from bot.quotations.find import Quotation
from bot.quotations.names import name_key
from bot.quotations.speakers import Speaker
from bot.search.aliases import AliasTable
from bot.search.normalise import is_stop_word
from bot.search.speaker_frame import name_readings, speaker_frames

if TYPE_CHECKING:
    from collections.abc import Mapping

    from bot.knowledge.base import Sentence
    from bot.knowledge.models import Passage

T = TypeVar("T")
NOBODY: frozenset[int] = frozenset()
# What a place's name may end with in its people's words: "koreas" (of "korea's"), "korean", "koreans".
# The index files a speaker under the first word without them; bot.speaker_words checks a subject
# opens with a place followed by one of them: both read this one tuple, so the two always agree.
PEOPLE_ENDINGS = ("ns", "n", "s")


@dataclass(frozen=True)
class SpeakerIndex:
    """Speakers by number (their place in KnowledgeBase.speakers)."""

    of_sentence: tuple[frozenset[int], ...]  # each sentence's speakers: whose quotation it holds part of
    by_word: Mapping[str, frozenset[int]]  # a word of a name as any article gives it (name_key) -> its speakers
    by_group: Mapping[str, frozenset[int]]  # an alias group -> the speakers in it
    by_surname: Mapping[str, frozenset[int]]  # the last word of a full name (two words or more) -> its speakers
    initials: tuple[str, ...]  # each speaker's fullest name's first letter
    # The first word of a speaker's name or role (name_key), and that word without a people's
    # ending ("koreans", "korean" -> "korea"): the speakers a place's people may be, read by the
    # speaker route without going through every speaker ("North Korean leader" for "the north koreans").
    by_first_word: Mapping[str, frozenset[int]]

    @classmethod
    def empty(cls) -> SpeakerIndex:
        return cls((), MappingProxyType({}), MappingProxyType({}), MappingProxyType({}), (), MappingProxyType({}))

    def opening_with(self, place: str) -> frozenset[int]:
        """The speakers whose name or role may open with the place (folded, name_key): those whose
        first word is the place's first word, or is it with -s, -n or -ns added. The caller checks
        the rest of the place ("north korea" is not every "north …")."""
        first = place.split(" ", 1)[0]
        return self.by_first_word.get(first, NOBODY) if first else NOBODY

    def spoken_in(self, sentence: int) -> frozenset[int]:
        """The speakers whose quotation the sentence holds part of (none for a sentence the index
        was not made with)."""
        return self.of_sentence[sentence] if sentence < len(self.of_sentence) else NOBODY

    def asked_about(self, question: str, aliases: AliasTable) -> frozenset[int]:
        """The speakers the question names as the one speaking; none when it names no one so."""
        # The reading the speaker route and the unknown-name gate share (bot.search.speaker_frame),
        # each name looked up as the route looks it up: its first reading that names someone.
        found: set[int] = set()
        for frame in speaker_frames(question):
            for name in frame.names:
                found |= next((named for reading in name_readings(name) if (named := self.named(reading, aliases))), NOBODY)
        return frozenset(found)

    def named(self, phrase: str, aliases: AliasTable) -> frozenset[int]:
        """The speakers a name means, as /said finds them: its alias group, else the speakers whose
        names have every word of it, else a first name said another way with a surname only one has."""
        group = aliases.group_of(phrase)
        if group is not None and group in self.by_group:
            return self.by_group[group]
        words = _name_words(phrase)
        if not words:
            return NOBODY
        having = [self.by_word.get(word, NOBODY) for word in words]
        every = frozenset.intersection(*having)
        if every or len(words) < 2:
            return every
        # No list of nicknames: a surname two speakers share finds neither (speakers._by_surname).
        owners = self.by_surname.get(words[-1], NOBODY)
        return owners if len(owners) == 1 and self.initials[next(iter(owners))] == words[0][:1] else NOBODY


def build_speaker_index(speakers: Sequence[Speaker], passages: Sequence[Passage], sentences: Sequence[Sentence], aliases: AliasTable) -> SpeakerIndex:
    """Each sentence's speakers and each name word's speakers, read once from the quotations.
    What depends on one article (the sentences each of its quotations overlaps) and on one name
    (its words, its alias group) is remembered from the last build, so a reload works out only
    a changed article's quotations and new names: at 3,000 articles, remaking it all was a tenth
    of a reload."""
    first_sentence = _first_sentences(passages)
    quoted, names = _LAST_BUILD.reading(aliases)
    spoken: dict[int, set[int]] = {}
    by_word: dict[str, set[int]] = {}
    by_group: dict[str, set[int]] = {}
    by_surname: dict[str, set[int]] = {}
    initials: list[str] = []
    by_first_word: dict[str, set[int]] = {}
    for number, speaker in enumerate(speakers):
        for text in (speaker.name, speaker.role or ""):
            first = names.words(text)[:1]
            for word in (*first, *(first[0][: -len(ending)] for ending in PEOPLE_ENDINGS if first and first[0].endswith(ending) and len(first[0]) > len(ending))):
                by_first_word.setdefault(word, set()).add(number)
        for name in {speaker.name, *(q.speaker for q in speaker.quotations)}:
            for word in names.words(name):
                by_word.setdefault(word, set()).add(number)
            if (group := names.group(name)) is not None:
                by_group.setdefault(group, set()).add(number)
        full = names.words(speaker.name)
        if len(full) > 1:
            by_surname.setdefault(full[-1], set()).add(number)
        initials.append(full[0][:1] if full else "")
        for quotation in speaker.quotations:
            offset, spans = first_sentence.get(quotation.quote.article.id, _NO_SENTENCES)
            for position in quoted.sentences(quotation, spans):
                spoken.setdefault(offset + position, set()).add(number)
    _LAST_BUILD.keep(aliases, quoted, names)
    of_sentence = [NOBODY] * len(sentences)
    for position, numbers in spoken.items():
        of_sentence[position] = frozenset(numbers)
    return SpeakerIndex(
        tuple(of_sentence),
        MappingProxyType({word: frozenset(s) for word, s in by_word.items()}),
        MappingProxyType({group: frozenset(s) for group, s in by_group.items()}),
        MappingProxyType({surname: frozenset(s) for surname, s in by_surname.items()}),
        tuple(initials),
        MappingProxyType({word: frozenset(s) for word, s in by_first_word.items()}),
    )


def _first_sentences(passages: Sequence[Passage]) -> dict[str, tuple[int, tuple[Span, ...]]]:
    """Each article's first sentence's number and its sentences (passages come article by article)."""
    found: dict[str, tuple[int, tuple[Span, ...]]] = {}
    first = 0
    for article_id, own in groupby(passages, key=attrgetter("article_id")):
        spans = tuple(chain.from_iterable(passage.sentences for passage in own))
        found[article_id] = (first, spans)
        first += len(spans)
    return found


_NO_SENTENCES: tuple[int, tuple[Span, ...]] = (0, ())  # an article with no passage (an empty body) quotes no one


class _QuotedSentences:
    """The sentences each quotation overlaps, numbered within its article, remembered for the
    quotations of the last build. An unchanged article's quotations are the last build's very
    objects (bot.quotations.remembered), and a quotation holds its article, whose id and body are
    all its sentences are made from (bot.knowledge.passages): the same quotation object, the same
    sentences."""

    def __init__(self, known: dict[int, tuple[Quotation, tuple[int, ...]]]) -> None:
        # id of a quotation -> the quotation (held, so the id is never reused) and the sentences it overlaps.
        self._known = known
        self.now: dict[int, tuple[Quotation, tuple[int, ...]]] = {}

    def sentences(self, quotation: Quotation, spans: tuple[Span, ...]) -> tuple[int, ...]:
        known = self._known.get(id(quotation))
        found = known[1] if known is not None and known[0] is quotation else tuple(_overlapping(spans, quotation.quote.start, quotation.quote.end))
        self.now[id(quotation)] = (quotation, found)
        return found


class _Names:
    """Each name's words and alias group, read once a build and kept for the next while the
    alias table is the same (thousands of names at 3,000 articles)."""

    def __init__(self, aliases: AliasTable, known: _NamesRead) -> None:
        self._aliases = aliases
        self._known = known
        self.now = _NamesRead({}, {})

    def words(self, name: str) -> tuple[str, ...]:
        """name_key's words."""
        return _read(name, self.now.words, self._known.words, lambda: tuple(name_key(name).split()))

    def group(self, name: str) -> str | None:
        return _read(name, self.now.groups, self._known.groups, lambda: self._aliases.group_of(name))


class _NamesRead(NamedTuple):
    words: dict[str, tuple[str, ...]]
    groups: dict[str, str | None]


def _read(name: str, now: dict[str, T], known: dict[str, T], read: Callable[[], T]) -> T:
    if name in now:
        return now[name]
    found = now[name] = known[name] if name in known else read()
    return found


class _LastBuild:
    """What the last build read of its quotations and names, swapped whole under a lock: builds
    may run in several threads, and two racing only cost each other some reuse."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._quoted: dict[int, tuple[Quotation, tuple[int, ...]]] = {}
        self._phrases: tuple[tuple[tuple[str, ...], str], ...] = ()
        self._names = _NamesRead({}, {})

    def reading(self, aliases: AliasTable) -> tuple[_QuotedSentences, _Names]:
        with self._lock:
            quoted, phrases, names = self._quoted, self._phrases, self._names
        return _QuotedSentences(quoted), _Names(aliases, names if phrases == tuple(aliases.phrases.items()) else _NamesRead({}, {}))

    def keep(self, aliases: AliasTable, quoted: _QuotedSentences, names: _Names) -> None:
        with self._lock:
            self._quoted, self._phrases, self._names = quoted.now, tuple(aliases.phrases.items()), names.now


_LAST_BUILD = _LastBuild()


def _overlapping(spans: tuple[Span, ...], start: int, end: int) -> Iterator[int]:
    """The sentences of one article (spans in order) that share a character with [start, end)."""
    i = max(0, bisect.bisect_right(spans, start, key=attrgetter("start")) - 1)
    while i < len(spans) and spans[i].start < end:
        if spans[i].end > start:
            yield i
        i += 1


def _name_words(phrase: str) -> list[str]:
    """The words that tell a name: no titles ("former ambassador Gallucci"), no function words ("the")."""
    words = name_key(re.sub(r"['’]s\b", "", phrase)).split()
    return [w for w in words if w not in PERSONAL_TITLES and not is_stop_word(w)]
