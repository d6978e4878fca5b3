"""The ranking stages computed over arrays, sorted only as far as read, give the order the plain
definitions give: a sentence's BM25 share by share, a full sort by (-score, position). Answers must
not depend on how far a list was sorted, nor on how many sentences tie."""

from __future__ import annotations

import numpy as np
import pytest

from bot.answers import rank_sentences
from bot.knowledge.store import KnowledgeStore
from bot.ranking.best_first import FIRST_HEAD, BestFirst
from bot.ranking.fusion import FusionWeights, score_fusion
from bot.ranking.lexical import PASSAGE_SHARE, LexicalRanker
from bot.ranking.protocol import Asked
from bot.search.query import analyse

QUESTIONS = [
    "Why did the Hanoi summit collapse?",
    "What did Kim offer at Yongbyon?",
    "sanctions relief",
    "Who is Stephen Biegun?",
    "What does Vox say about the talks?",
]


def _sorted_fully(positions: np.ndarray, scores: np.ndarray) -> list[int]:
    return [p for p, _ in sorted(zip(positions.tolist(), scores.tolist()), key=lambda item: (-item[1], item[0]))]


@pytest.mark.parametrize("seed", range(5))
def test_reading_best_first_in_steps_gives_the_full_sort_ties_and_all(seed: int) -> None:
    random = np.random.default_rng(seed)
    size = 5 * FIRST_HEAD + seed
    positions = random.permutation(10 * size)[:size]
    scores = random.integers(0, 7, size).astype(np.float64) / 3  # few distinct scores: ties everywhere
    expected = _sorted_fully(positions, scores)
    read_in_steps = BestFirst(positions, scores)
    assert read_in_steps[0] == expected[0]
    assert read_in_steps[: FIRST_HEAD + 3] == expected[: FIRST_HEAD + 3]
    assert list(read_in_steps) == expected
    assert read_in_steps[-1] == expected[-1]
    assert BestFirst(positions, scores)[size // 3 : size // 3 + 5] == expected[size // 3 : size // 3 + 5]


def test_the_lexical_ranking_is_each_sentence_scored_on_its_own_and_its_passage(bundled_store: KnowledgeStore) -> None:
    """The definition, one sentence at a time: its BM25 over the best sentence's plus half its
    passage's over the best passage's, for every sentence of a passage that shares a term."""
    knowledge = bundled_store.current
    ranker = next(r for r in knowledge.rankers if isinstance(r, LexicalRanker))
    for question in QUESTIONS:
        query = analyse(knowledge, question)
        passage_scores = ranker.passage_index.scores(query.weights)
        sentence_scores = ranker.sentence_index.scores(query.weights)
        top_passage = max(passage_scores.values(), default=0.0) or 1.0
        top_sentence = max(sentence_scores.values(), default=0.0) or 1.0
        expected = {
            position: sentence_scores.get(position, 0.0) / top_sentence + PASSAGE_SHARE * passage_scores[sentence.passage] / top_passage
            for position, sentence in enumerate(knowledge.sentences)
            if sentence.passage in passage_scores and not knowledge.passages[sentence.passage].heading
        }
        ranking = ranker.rank(knowledge, Asked(question, query))
        assert list(ranking.order) == sorted(expected, key=lambda position: (-expected[position], position))
        assert all(ranking.score(position) == score for position, score in expected.items())


def test_fused_scores_are_the_weighed_sums_of_each_rankers_scaled_scores(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    fusion = FusionWeights(weights={"meaning": 0.5}, by_score=True)
    for question in QUESTIONS:
        rankings, _ = rank_sentences(knowledge, question, analyse(knowledge, question))
        expected: dict[int, float] = {}
        for ranking in rankings:
            order = list(ranking.order)
            span = (ranking.score(order[0]) - ranking.floor) or 1.0
            for position in order:
                scaled = max(0.0, (ranking.score(position) - ranking.floor) / span)
                expected[position] = expected.get(position, 0.0) + fusion.weight(ranking.ranker) * scaled
        fused = score_fusion(rankings, fusion)
        assert [(f.sentence, f.score) for f in fused] == sorted(expected.items(), key=lambda item: (-item[1], item[0]))
