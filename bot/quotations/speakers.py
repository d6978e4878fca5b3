"""The speakers of all the articles, one entry per person, and finding one by any part of a name.

One person is one speaker across articles: names folded alike ("Kim Jong-Un" ~ "Kim Jong Un"),
names in one alias group (knowledge/aliases.yaml: "Trump" ~ "Donald Trump"), and a surname alone
that only one full name ends with.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bot.knowledge.models import Article
from bot.quotations.english import PERSONAL_TITLES
from bot.quotations.find import Quotation
from bot.quotations.remembered import REMEMBERED
from bot.quotations.names import name_key
from bot.search.aliases import AliasTable
from bot.search.normalise import terms
from bot.search.speaker_frame import without_opening_about

CLOSEST_OFFERED = 3
# "Trump's", "Rusten’s": a possessive ending a word.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
# How like a known name an unknown one must be to be offered as "did you mean" (difflib's ratio):
# a misspelling keeps most of its letters ("Galuci" and "gallucci" 0.86); at 0.5, half the letters
# differing, "pompeo" was offered "McKeon".
MIN_LIKENESS = 2 / 3


@dataclass(frozen=True)
class Speaker:
    name: str  # the fullest form the articles give
    quotations: tuple[Quotation, ...]  # oldest article first, then in reading order

    @property
    def count(self) -> int:
        return len(self.quotations)

    @property
    def role(self) -> str | None:
        """The role the oldest article that gives one gives."""
        return next((q.role for q in self.quotations if q.role), None)


@dataclass(frozen=True)
class SpeakerLookup:
    speaker: Speaker | None  # the one speaker the name means, if it means exactly one
    candidates: tuple[Speaker, ...] = ()  # otherwise: the several it could mean, or the closest names
    ambiguous: bool = False  # candidates all fit the name; False: they are only close to it
    # Others the name fits besides the speaker its alias group names ("kim": Kim Jong Un by
    # aliases.yaml, and Kim Yong Chol quoted too): shown with the speaker, never silently dropped.
    also_fitting: tuple[Speaker, ...] = ()
    # "/said rusten sanctions": the words after the name that are a topic, not more of a name.
    # /said lists everything a person said; the reply points to /ask for the topic.
    topic: str | None = None


def oldest_first(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.meta.published, a.meta.publisher, a.id))


def build_speakers(articles: Iterable[Article], aliases: AliasTable, cache_folder: Path | None = None) -> tuple[Speaker, ...]:
    """Every speaker with their quotations, most quoted first. Each article's quotations are
    remembered from the last build, or read from the article cache in `cache_folder`."""
    ordered = oldest_first(articles)
    groups: dict[str, list[Quotation]] = {}
    known = _GROUP_KEYS.known(aliases)
    keys: dict[str, str] = {}  # each name's group, read once: a speaker is quoted many times
    for quotations in REMEMBERED.quotations(ordered, cache_folder):
        for quotation in quotations:
            if (key := keys.get(quotation.speaker)) is None:
                name = quotation.speaker
                key = keys[name] = known[name] if name in known else _group_key(name, aliases)
            groups.setdefault(key, []).append(quotation)
    _GROUP_KEYS.keep(aliases, keys)
    _merge_surnames(groups)
    speakers = [Speaker(_fullest(quotations), tuple(quotations)) for quotations in groups.values()]
    return tuple(sorted(speakers, key=lambda s: (-s.count, name_key(s.name))))


class _GroupKeys:
    """Each speaker name's group from the last build, while the alias table is the same: a reload
    reads again only the names of the articles that changed (thousands of names at 3,000
    articles). Only read once kept; the last build's names are swapped in whole."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[tuple[tuple[tuple[str, ...], str], ...], dict[str, str]] = ((), {})

    def known(self, aliases: AliasTable) -> dict[str, str]:
        with self._lock:
            phrases, keys = self._last
        return keys if phrases == tuple(aliases.phrases.items()) else {}

    def keep(self, aliases: AliasTable, keys: dict[str, str]) -> None:
        with self._lock:
            self._last = (tuple(aliases.phrases.items()), keys)


_GROUP_KEYS = _GroupKeys()


def _group_key(name: str, aliases: AliasTable) -> str:
    return aliases.group_of(name) or name_key(name)


def _merge_surnames(groups: dict[str, list[Quotation]]) -> None:
    """"Rusten" alone joins "Lynn Rusten" when no other full name ends with it."""
    full = {key: name_key(quotations[0].speaker).split() for key, quotations in groups.items()}
    # Full names by their last word, so a surname finds its owners without a pass over every
    # speaker (thousands of them in a large folder).
    ending_in: dict[str, list[str]] = {}
    for key, words in full.items():
        if len(words) > 1:
            ending_in.setdefault(words[-1], []).append(key)
    for key, words in list(full.items()):
        if len(words) != 1:
            continue
        owners = ending_in.get(words[0], [])
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
            groups[owners[0]].sort(key=lambda q: (q.quote.article.meta.published, q.quote.article.meta.publisher, q.quote.article.id, q.quote.start))


def _fullest(quotations: Sequence[Quotation]) -> str:
    """The name with the most words, the first given of those (each name counted once: a speaker
    is quoted under the same name many times)."""
    return max(dict.fromkeys(q.speaker for q in quotations), key=lambda name: len(name.split()))


def find_speaker(speakers: Sequence[Speaker], text: str, aliases: AliasTable, suggest: bool = True) -> SpeakerLookup:
    """The speaker any unambiguous part of a name means ("gallucci", "Jenny", "president trump"),
    case and accents aside; several that fit, or the closest names when none does (unless not
    `suggest`: the spelling suggestions read every speaker's name, and a caller with no use for
    them need not pay for that)."""
    group = aliases.group_of(text)
    if group is not None:
        in_group = [s for s in speakers if _group_key(s.name, aliases) == group]
        if len(in_group) == 1:
            words = _query_words(text)
            others = tuple(s for s in _holding_the_words(speakers, words) if s is not in_group[0])
            return SpeakerLookup(in_group[0], also_fitting=others)
    words = _query_words(text)
    if not words:
        return SpeakerLookup(None, tuple(speakers))
    exact = _holding_the_words(speakers, words)
    fitting = exact or [s for s in speakers if all(any(part.startswith(w) for part in name_key(s.name).split()) for w in words)]
    fitting = fitting or _by_surname(speakers, words) or _holding_the_title(speakers, words)
    if len(fitting) == 1:
        return SpeakerLookup(fitting[0])
    if fitting:
        return SpeakerLookup(None, tuple(fitting), ambiguous=True)
    return SpeakerLookup(None, _closest(speakers, " ".join(words)) if suggest else ())


def find_speaker_before_topic(
    speakers: Sequence[Speaker], text: str, aliases: AliasTable, is_topic_word: Callable[[str], bool]
) -> SpeakerLookup | None:
    """The one speaker the opening words name when the words after them are a topic ("rusten
    sanctions", "trump on kim"): each an article's word or a small word, at least one an article's
    word, none part of a quoted name, so "john smith" is never John Bolton with "smith" left over.
    The longest name first; None when no opening part names exactly one speaker."""
    words = text.split()
    names_words = {part for s in speakers for part in name_key(s.name).split()}
    for cut in range(len(words) - 1, 0, -1):
        rest = words[cut:]
        rest_keys = [name_key(w) for w in rest]
        if any(key in names_words for key in rest_keys) or not any(is_topic_word(w) for w in rest):
            continue
        if not all(is_topic_word(w) or not terms(w) for w in rest):
            continue
        lookup = find_speaker(speakers, " ".join(words[:cut]), aliases, suggest=False)
        if lookup.speaker is not None:
            return replace(lookup, topic=without_opening_about(" ".join(rest)) or None)
    return None


def _holding_the_words(speakers: Sequence[Speaker], words: list[str]) -> list[Speaker]:
    """The speakers whose name holds every word, each whole ("kim": Kim Jong Un, Kim Yong Chol)."""
    return [s for s in speakers if words and all(w in name_key(s.name).split() for w in words)]


def _by_surname(speakers: Sequence[Speaker], words: list[str]) -> list[Speaker]:
    """"joe yun" for Joseph Yun: a first name said another way ("Joe", "Jim", "Mike") with the
    surname is that person when the surname alone is exactly one speaker's and the first names
    share their first letter. No list of nicknames: a surname two people share finds neither."""
    if len(words) < 2:
        return []
    first, surname = words[0], words[-1]
    owners = [s for s in speakers if len(parts := name_key(s.name).split()) > 1 and parts[-1] == surname]
    if len(owners) != 1 or name_key(owners[0].name)[0] != first[0]:
        return []
    return owners


def _holding_the_title(speakers: Sequence[Speaker], words: list[str]) -> list[Speaker]:
    """"president": a bare title names the speakers whose role opens with it, as the speaker route
    reads "what did the president say" (one: that speaker, the reply naming them and their role)."""
    if not all(word in PERSONAL_TITLES for word in words):
        return []
    return [s for s in speakers if name_key(s.role or "").split()[: len(words)] == words]


def _query_words(text: str) -> list[str]:
    # "Lynn Rusten's": the possessive is English grammar, not part of the name.
    words = name_key(_POSSESSIVE.sub("", text)).split()
    named = [w for w in words if w not in PERSONAL_TITLES]  # "former ambassador Gallucci"
    return named or words


def _closest(speakers: Sequence[Speaker], wanted: str) -> tuple[Speaker, ...]:
    # One matcher, the wanted name fixed; each part of a name is first held to difflib's cheap upper
    # bounds (as difflib.get_close_matches does), and only a part that can reach MIN_LIKENESS pays
    # for the full ratio. Every "what did X say" question naming no speaker comes here, and a
    # folder of thousands of articles has tens of thousands of speakers (2 s an answer without it).
    # Many speakers share a first name or a surname: each distinct part is scored once.
    matcher = difflib.SequenceMatcher(None, wanted)
    scores: dict[str, float] = {}

    def part_likeness(part: str) -> float:
        if 2 * min(len(part), len(wanted)) < MIN_LIKENESS * (len(part) + len(wanted)):
            return 0.0  # real_quick_ratio's bound, from the lengths alone, before difflib reads the part
        matcher.set_seq2(part)
        return matcher.ratio() if matcher.quick_ratio() >= MIN_LIKENESS else 0.0

    def likeness(speaker: Speaker) -> float:
        key = name_key(speaker.name)
        best = 0.0
        for part in (key, *key.split()):
            if part not in scores:
                scores[part] = part_likeness(part)
            best = max(best, scores[part])
        return best

    # Only names close in spelling: the most quoted people, offered when nothing was close ("kim" ->
    # Trump, McKeon, Gallucci), read as if the bot thought them the one meant. A name sharing a
    # word with the one asked for fits it, and is found before this (find_speaker).
    close = [(score, s) for s in speakers if (score := likeness(s)) >= MIN_LIKENESS]
    close.sort(key=lambda scored: scored[0], reverse=True)
    return tuple(s for _, s in close[:CLOSEST_OFFERED])
