"""BM25 over pre-tokenised documents: rank-bm25's BM25Okapi formula, scored over postings with numpy.

The formula is rank-bm25's BM25Okapi (length normalised by the mean over every document, empty
ones included), with our k1=1.2 and b=0.75 by default, and one change: its Okapi IDF is
log((N - n + 0.5) / (n + 0.5)), so a term in exactly half the documents scores zero, and one in more than half goes negative and is floored to a
fraction of the mean. On a knowledge base of a few dozen passages that silences the very words
people ask about ("summit", "Kim"), so we use the smoothed, always-positive IDF Lucene uses instead
(bot.search.document_frequencies). tests/test_bm25_reference.py holds the top-10s to rank-bm25
itself with that IDF.

Why our own scorer and not rank-bm25's: its get_batch_scores is a Python loop over every candidate
for every term, so a common word costs a Python step per passage holding it (issue #15 measured
answer p99 4.8 s over 85,000 passages). Here each
term's postings (document positions and their BM25 term weights, computed once at build time, since
they depend only on the document) are two contiguous numpy slices, and a question is a few
vectorised adds into one score array. bm25s does the same but wants its own tokeniser and
vocabulary, and tantivy its own analysers; both would have to be fed our terms (aliases, stems)
anyway, and neither gives the smoothed IDF or weighted query terms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

import numpy as np
import numpy.typing as npt

from bot.search.document_frequencies import DocumentFrequencies, smoothed_idf
from bot.search.postings import Postings, postings_of, postings_updated
from bot.search.token_ids import TokenIds, as_ids


class Bm25Index:
    """Scores documents for a weighted query, touching only documents that share a term with it."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        # A knowledge base's indexes are built from ids remembered per article instead (of_ids).
        term_ids: dict[str, int] = {}
        ids = TokenIds(*as_ids(documents, term_ids), term_ids)
        self._index(ids, k1, b, postings_of(ids))

    @classmethod
    def of_ids(cls, ids: TokenIds, k1: float = 1.2, b: float = 0.75, last: Bm25Index | None = None) -> Bm25Index:
        """The index of documents already turned into term ids (bot.search.token_ids); `last`, the
        last index built from the same RememberedTokenIds, whose postings of unchanged runs are
        reused when its vocabulary is no larger than `ids`' (otherwise every token is sorted)."""
        index = cls.__new__(cls)
        index._index(ids, k1, b, postings_updated(last.postings, ids) if last is not None else postings_of(ids))
        return index

    def _index(self, ids: TokenIds, k1: float, b: float, postings: Postings) -> None:
        self.size = len(ids.lengths)
        self.postings = postings  # kept for the next build's update (of_ids)
        lengths = ids.lengths.astype(np.float64)
        document_frequency = postings.document_frequency
        self._document_frequency = document_frequency
        self._offsets = np.concatenate(([0], np.cumsum(document_frequency))).astype(np.int64)
        self._documents: npt.NDArray[np.int32] = postings.documents
        frequencies = postings.frequencies.astype(np.float64)

        # The same smoothed IDF for every term, rank-bm25's avgdl (total length / every document).
        idf = smoothed_idf(self.size, document_frequency)  # in term id order
        self._term_ids = ids.vocabulary  # a plain dict, only ever read: answering threads share it
        average_length = float(lengths.sum()) / self.size if self.size else 0.0
        if average_length > 0:
            length_factor = k1 * (1 - b + b * lengths / average_length)
            # term idf * (frequency * (k1 + 1) / (frequency + length factor)), worked in place:
            # a reload makes every posting's weight again (the IDFs all move with the count).
            weights = frequencies * (k1 + 1)
            divisor = length_factor[self._documents]
            divisor += frequencies
            weights /= divisor
            weights *= np.repeat(idf, document_frequency)
            self._weights: npt.NDArray[np.float64] = weights
        else:
            self._weights = np.zeros(0, dtype=np.float64)

    @cached_property
    def frequencies(self) -> DocumentFrequencies:
        """How many documents hold each term the documents hold (the reference test reads them)."""
        counts = self._document_frequency.tolist()
        return DocumentFrequencies(self.size, {term: counts[i] for term, i in self._term_ids.items() if counts[i]})

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """BM25 score of every document sharing a term with the query, each term scaled by its weight."""
        documents, totals = self.matches(query)
        return dict(zip(documents.tolist(), totals.tolist()))

    def holding(self, term: str) -> npt.NDArray[np.int32]:
        """The documents holding the term (ascending, read-only): its postings, nothing scored. What
        matches({term: w}) lists, without a score array the size of the whole index to fill."""
        i = self._term_ids.get(term)
        if i is None:
            return np.zeros(0, dtype=np.int32)
        documents = self._documents[self._offsets[i] : self._offsets[i + 1]]
        documents.flags.writeable = False  # a view of the postings shared by answering threads
        return documents

    def matches(self, query: Mapping[str, float]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """The documents sharing a term with the query (ascending) and their scores, as arrays."""
        slices = [
            (self._offsets[i], self._offsets[i + 1], weight)
            for term, weight in query.items()
            if (i := self._term_ids.get(term)) is not None
        ]
        if not slices or not self._weights.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        totals = np.zeros(self.size, dtype=np.float64)
        touched = np.zeros(self.size, dtype=bool)
        for start, end, weight in slices:
            documents = self._documents[start:end]
            # A term's documents are distinct, so a fancy-indexed add is exact (no np.add.at needed).
            totals[documents] += weight * self._weights[start:end]
            touched[documents] = True
        candidates = np.flatnonzero(touched)
        return candidates, totals[candidates]
