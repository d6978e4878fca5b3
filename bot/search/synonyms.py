"""General English synonyms: a question's everyday word finds the article's word for the same thing.

The table (made by tools/build_synonyms.py from WordNet) maps a word to the stems of the words
that share one of its commonest senses: "shut" -> "close", "errors" -> "mistak", "hand" -> "give".
Domain names ("the DPRK", "the Vietnam summit") are knowledge/aliases.yaml's job, not this table's.
"""

from __future__ import annotations

import gzip
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from bot.search.english import specificity
from bot.search.normalise import STOP_WORDS, stem

SYNONYM_TABLE = Path(__file__).with_name("synonyms.txt.gz")
# Everyday words ("first", "bring", "make") have so many senses that their synonyms are mostly noise.
MIN_SYNONYM_SPECIFICITY = 0.4


@cache
def _table() -> dict[str, str]:
    """Word -> its synonym stems, space-separated: loading the table this way costs about 9 MB,
    where a tuple of strings a word cost 16 MB."""
    table = {}
    for line in gzip.decompress(SYNONYM_TABLE.read_bytes()).decode("ascii").split("\n"):
        word, _, stems = line.partition("\t")
        table[word] = stems
    return table


def synonym_stems(word: str) -> tuple[str, ...]:
    """Stems of the word's synonyms, commonest sense first; () for a word the table lacks."""
    return tuple(_table().get(word, "").split())


def synonyms_pointing_at(vocabulary: Iterable[str]) -> dict[str, frozenset[str]]:
    """For the articles' words: stem of a synonym -> stems of the article words that list it.

    The table is not symmetric (each word keeps only its commonest senses), so "making" may not
    list "produce" while "produce" lists "make": a question saying "making" still finds it.
    """
    return {synonym: frozenset(stems) for synonym, stems in _listing(vocabulary).items()}


def _listing(vocabulary: Iterable[str]) -> dict[str, Counter[str]]:
    """Stem of a synonym -> each article stem listing it, and by how many of the words."""
    listing: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for word in vocabulary:
        for synonym in _listed_by(word):
            listing[synonym][stem(word)] += 1
    return listing


def _listed_by(word: str) -> tuple[str, ...]:
    """The synonym stems a word of the articles lists, none for a stop word or an everyday one."""
    if word in STOP_WORDS or specificity(word) < MIN_SYNONYM_SPECIFICITY:
        return ()
    return synonym_stems(word)


class RememberedSynonyms:
    """synonyms_pointing_at for each build, made from the last build's by the words that differ
    (a reload after one article changed: a few words of a hundred thousand, each looked up in the
    table again for 0.1 s at 3,000 articles). What the last build's knowledge holds is never
    changed: answers may still be reading it; the entries that did not change are shared."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[frozenset[str], dict[str, Counter[str]], dict[str, frozenset[str]]] | None = None

    def pointing_at(self, vocabulary: frozenset[str]) -> dict[str, frozenset[str]]:
        with self._lock:
            last = self._last
        if last is None:
            listing = _listing(vocabulary)
            pointing = {synonym: frozenset(stems) for synonym, stems in listing.items()}
        else:
            last_vocabulary, listing, pointing = last
            added, removed = vocabulary - last_vocabulary, last_vocabulary - vocabulary
            listing, pointing = dict(listing), dict(pointing)
            changed: set[str] = set()
            for words, step in ((removed, -1), (added, 1)):
                for word in words:
                    for synonym in _listed_by(word):
                        if synonym not in changed:  # copied before it is changed: the last build's stays as it was
                            listing[synonym] = Counter(listing.get(synonym, ()))
                            changed.add(synonym)
                        listing[synonym][stem(word)] += step
            for synonym in changed:
                stems = frozenset(listed for listed, count in listing[synonym].items() if count > 0)
                if stems:
                    listing[synonym], pointing[synonym] = +listing[synonym], stems
                else:
                    del listing[synonym], pointing[synonym]
        with self._lock:
            self._last = (vocabulary, listing, pointing)
        return pointing


REMEMBERED_SYNONYMS = RememberedSynonyms()
