"""BM25 over pre-tokenised documents, with rank-bm25's small-corpus traps guarded.

rank-bm25's Okapi IDF is log((N - n + 0.5) / (n + 0.5)): a term in exactly half the documents
scores zero, and one in more than half goes negative and is floored to a fraction of the mean.
On a knowledge base of a few dozen passages that silences the very words people ask about
("summit", "Kim"), so we use the smoothed, always-positive IDF Lucene uses instead. An empty
corpus makes rank-bm25 divide by zero, so it is never built for one. Documents arrive
tokenised: rank-bm25's own `tokenizer=` would start a process pool.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from rank_bm25 import BM25Okapi


class _SmoothedIdfBM25(BM25Okapi):
    def _calc_idf(self, nd: Mapping[str, int]) -> None:
        for term, document_frequency in nd.items():
            self.idf[term] = math.log(1 + (self.corpus_size - document_frequency + 0.5) / (document_frequency + 0.5))
        self.average_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0


class Bm25Index:
    """Scores documents for a weighted query, touching only documents that share a term with it."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(documents)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for position, document in enumerate(documents):
            for term in set(document):
                postings[term].append(position)
        # A plain dict, only ever read: answering threads share it, and a defaultdict would grow on a read.
        self._postings: dict[str, list[int]] = dict(postings)
        has_terms = any(documents)
        self._bm25 = _SmoothedIdfBM25([list(d) for d in documents], k1=k1, b=b) if has_terms else None
        self._unseen_idf = math.log(1 + (self.size + 0.5) / 0.5)

    @property
    def single_document_idf(self) -> float:
        """The IDF of a term only one document has: the rarest a term the index holds can be."""
        return math.log(1 + (self.size - 1 + 0.5) / 1.5)

    def idf(self, term: str) -> float:
        """A term no document has weighs the most: a question that hinges on it is not covered."""
        if self._bm25 is None:
            return self._unseen_idf
        return self._bm25.idf.get(term, self._unseen_idf)

    def contains(self, term: str) -> bool:
        return term in self._postings

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """BM25 score of every document sharing a term with the query, each term scaled by its weight."""
        if self._bm25 is None:
            return {}
        candidates = sorted({doc for term in query for doc in self._postings.get(term, ())})
        if not candidates:
            return {}
        totals = [0.0] * len(candidates)
        for term, weight in query.items():
            if term not in self._postings:
                continue
            for i, score in enumerate(self._bm25.get_batch_scores([term], candidates)):
                totals[i] += weight * score
        return dict(zip(candidates, totals))
