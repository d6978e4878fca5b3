"""How many documents hold each term, read as BM25's smoothed IDF: how much finding a term proves.

A fact about a collection of documents (passages, sentences), not an index to rank with: reading
a question (is this a word the articles use?), the answer check (how rare is the word found?) and
the timeline (which words of an event say most) all read it. The BM25 index a ranker scores with
(bot.search.bm25) computes its weights with the same IDF, from here.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt


# Two IDFs of the same count computed apart (numpy's and math's logarithm) may differ in the last digit.
_SAME_IDF = 1e-9


def smoothed_idf(size: int, document_frequency: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Lucene's always-positive IDF, log(1 + (N - n + 0.5) / (n + 0.5)), for each term's n.
    rank-bm25's Okapi IDF goes to zero at half the documents, which on a few dozen passages
    silences the very words people ask about ("summit", "Kim")."""
    return np.log(1 + (size - document_frequency + 0.5) / (document_frequency + 0.5))


class DocumentFrequencies:
    """Each term's IDF over a collection of documents; a term no document holds weighs the most."""

    def __init__(self, size: int, document_frequency: Mapping[str, int]) -> None:
        self.size = size
        counts = np.fromiter(document_frequency.values(), dtype=np.int64, count=len(document_frequency))
        self.idf_array = smoothed_idf(size, counts)  # in the mapping's order, for bot.search.bm25
        self._idf: dict[str, float] = dict(zip(document_frequency, self.idf_array.tolist()))  # only ever read
        self._unseen_idf = math.log(1 + (size + 0.5) / 0.5)

    @classmethod
    def of(cls, documents: Sequence[Iterable[str]]) -> DocumentFrequencies:
        """From each document's terms (repeats count once)."""
        return cls(len(documents), _counts(documents))

    @property
    def single_document_idf(self) -> float:
        """The IDF of a term only one document has: the rarest a term the collection holds can be."""
        return math.log(1 + (self.size - 1 + 0.5) / 1.5)

    def held_by_at_most(self, term: str, documents: int) -> bool:
        """Whether at most this many documents hold the term (none counts): read from its IDF, which
        falls as more documents hold it."""
        return self.idf(term) >= math.log(1 + (self.size - documents + 0.5) / (documents + 0.5)) - _SAME_IDF

    def idf(self, term: str) -> float:
        """A term no document has weighs the most: a question that hinges on it is not covered."""
        return self._idf.get(term, self._unseen_idf)

    def contains(self, term: str) -> bool:
        return term in self._idf


def _counts(documents: Iterable[Iterable[str]]) -> Counter[str]:
    # Counted in one C loop over every document's distinct terms: a Counter.update per document
    # was a Python call for each of 237,000 passages and sentences at 3,000 articles (a first
    # start's 1.2 s CPU of counting, 0.2 s of it those calls). The terms come in the same order,
    # so the counts are the same mapping in the same order.
    return Counter(chain.from_iterable(map(set, documents)))


class RememberedFrequencies:
    """Document frequencies over documents that come in groups (each article's passages), made
    from the last build's counts: the groups that are not the very objects of the last build
    (a changed article's) are counted, the last build's groups that are gone are taken off. The
    groups are compared by identity (an unchanged article's work is the last build's object,
    bot.knowledge.remembered), and the last build's are held here, so an identity is never reused."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._groups: list[Sequence[Iterable[str]]] = []
        self._counts: Counter[str] | None = None

    def of(self, groups: Sequence[Sequence[Iterable[str]]]) -> DocumentFrequencies:
        with self._lock:
            last_groups, last_counts = self._groups, self._counts
        were, are = Counter(map(id, last_groups)), Counter(map(id, groups))
        gone = [group for group in last_groups if were[id(group)] > are[id(group)]]
        new = [group for group in groups if are[id(group)] > were[id(group)]]
        size = sum(map(len, groups))
        # Taking off and adding more documents than there are would be slower than counting afresh.
        if last_counts is None or sum(map(len, gone)) + sum(map(len, new)) > size:
            counts = _counts(document for group in groups for document in group)
        else:
            counts = last_counts.copy()
            counts.subtract(_counts(document for group in gone for document in group))
            counts.update(_counts(document for group in new for document in group))
            counts = +counts  # drops the terms no document holds any more
        with self._lock:
            self._groups, self._counts = list(groups), counts
        return DocumentFrequencies(size, counts)
