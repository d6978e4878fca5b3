"""How many documents hold each term, read as BM25's smoothed IDF: how much finding a term proves.

A fact about a collection of documents (passages, sentences), not an index to rank with: reading
a question (is this a word the articles use?), the answer check (how rare is the word found?) and
the timeline (which words of an event say most) all read it. The BM25 index a ranker scores with
(bot.search.bm25) computes its weights with the same IDF, from here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt


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
        counts: Counter[str] = Counter()
        for document in documents:
            counts.update(set(document))
        return cls(len(documents), counts)

    @property
    def single_document_idf(self) -> float:
        """The IDF of a term only one document has: the rarest a term the collection holds can be."""
        return math.log(1 + (self.size - 1 + 0.5) / 1.5)

    def idf(self, term: str) -> float:
        """A term no document has weighs the most: a question that hinges on it is not covered."""
        return self._idf.get(term, self._unseen_idf)

    def contains(self, term: str) -> bool:
        return term in self._idf
