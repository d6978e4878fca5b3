"""Our postings-based BM25 ranks as rank-bm25's BM25Okapi does (with the smoothed IDF bm25.py explains).

rank-bm25 itself is the reference: the same documents, the same weighted queries, the same top 10
(ids, and scores to 1e-9 relative), over the bundled knowledge's passages and sentences.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence

import pytest
from rank_bm25 import BM25Okapi

from bot.knowledge.store import KnowledgeStore
from bot.ranking.lexical import SENTENCE_LENGTH_NORMALISATION
from bot.search.bm25 import Bm25Index
from bot.search.document_frequencies import DocumentFrequencies

QUERIES = 300
TOP = 10
K1 = 1.2  # Bm25Index's default; rank-bm25's own is 1.5


class _SmoothedIdfBM25(BM25Okapi):
    """rank-bm25's BM25Okapi with the always-positive IDF log(1 + (N - n + 0.5) / (n + 0.5))."""

    def _calc_idf(self, nd: Mapping[str, int]) -> None:
        for term, document_frequency in nd.items():
            self.idf[term] = math.log(1 + (self.corpus_size - document_frequency + 0.5) / (document_frequency + 0.5))
        self.average_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0


def _reference_scores(reference: BM25Okapi, query: Mapping[str, float]) -> list[float]:
    """Each term scored by rank-bm25 over every document, scaled by its weight; a document sharing
    no term keeps no score, as in Bm25Index."""
    totals = [0.0] * reference.corpus_size
    for term, weight in query.items():
        for i, score in enumerate(reference.get_scores([term])):
            totals[i] += weight * score
    return totals


def _top(scores: Mapping[int, float]) -> list[tuple[int, float]]:
    """Best first; documents whose scores agree to 1e-9 (the same words, summed in another order)
    in document order, so that a last-bit difference does not count as a different ranking."""
    return sorted(scores.items(), key=lambda item: (-round(item[1], 9), item[0]))[:TOP]


def _random_queries(documents: Sequence[Sequence[str]], seed: int) -> list[dict[str, float]]:
    """Words from the documents (common and rare alike), some weighted, some unknown to the index."""
    chooser = random.Random(seed)
    vocabulary = sorted({term for document in documents for term in document})
    queries = []
    for n in range(QUERIES):
        terms = chooser.sample(vocabulary, chooser.randint(1, 6))
        if n % 5 == 0:
            terms.append(f"unknownterm{n}")
        weighted = n % 2 == 0
        queries.append({term: (chooser.uniform(0.2, 2.0) if weighted else 1.0) for term in terms})
    return queries


def _documents(store: KnowledgeStore, unit: str) -> list[list[str]]:
    """The terms the lexical ranker indexes: each passage's or sentence's, as the knowledge base holds them."""
    knowledge = store.current
    return [list(terms) for terms in (knowledge.passage_terms if unit == "passages" else knowledge.sentence_terms)]


@pytest.mark.parametrize(("unit", "b"), [("passages", 0.75), ("sentences", SENTENCE_LENGTH_NORMALISATION)])
def test_top_ten_match_rank_bm25(bundled_store: KnowledgeStore, unit: str, b: float) -> None:
    documents = _documents(bundled_store, unit)
    ours = Bm25Index(documents, k1=K1, b=b)
    reference = _SmoothedIdfBM25(documents, k1=K1, b=b)
    for query in _random_queries(documents, seed=len(documents)):
        expected_scores = _reference_scores(reference, query)
        expected = _top({i: s for i, s in enumerate(expected_scores) if any(t in reference.doc_freqs[i] for t in query)})
        got = _top(ours.scores(query))
        assert [i for i, _ in got] == [i for i, _ in expected], query
        for (_, score), (_, expected_score) in zip(got, expected):
            assert score == pytest.approx(expected_score, rel=1e-9), query


@pytest.mark.parametrize("unit", ["passages", "sentences"])
def test_idf_matches_rank_bm25(bundled_store: KnowledgeStore, unit: str) -> None:
    """The index weighs with the IDF the knowledge base's own document frequencies give (what the
    answer check and the timeline read), to the last bit, and both are rank-bm25's."""
    documents = _documents(bundled_store, unit)
    ours = Bm25Index(documents).frequencies
    knowledge = bundled_store.current
    held = knowledge.passage_frequencies if unit == "passages" else knowledge.sentence_frequencies
    reference = _SmoothedIdfBM25(documents)
    for term, idf in reference.idf.items():
        assert ours.idf(term) == pytest.approx(idf, rel=1e-12)
        assert held.idf(term) == ours.idf(term)
    assert held.idf("unknownterm") == ours.idf("unknownterm") > max(reference.idf.values())
    assert DocumentFrequencies.of(documents).single_document_idf == ours.single_document_idf


@pytest.mark.parametrize("unit", ["passages", "sentences"])
def test_documents_holding_a_term_are_those_it_matches(bundled_store: KnowledgeStore, unit: str) -> None:
    """holding(term), which the word ranker reads to tell whether an article's body says a title's
    word, lists exactly the documents holding the term, in order, as a one-term query matches them."""
    documents = _documents(bundled_store, unit)
    index = Bm25Index(documents)
    for term in sorted({term for document in documents for term in document})[::7] + ["unknownterm"]:
        matched, _ = index.matches({term: 1.0})
        assert index.holding(term).tolist() == matched.tolist() == [i for i, document in enumerate(documents) if term in document]
