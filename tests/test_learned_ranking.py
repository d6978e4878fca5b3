"""The learned re-ranking of the fused list's head (bot/ranking/learned.py, fitted by tools/fit_learned_ranking.py)."""

from __future__ import annotations

import logging
import tracemalloc
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.answers import PIPELINE, answer, rank_sentences
from bot.knowledge.store import KnowledgeStore
from bot.ranking.fusion import FusedList
from bot.ranking.learned import DEPTH, FEATURES, LearnedRanking, candidate_features, shipped_ranking
from bot.ranking.learned import _say_the_fused_order_stands as say_it_once
from bot.search.query import read_question
from tests.conftest import words_only


def test_the_shipped_ranking_is_the_one_the_bot_uses_and_a_broken_file_leaves_the_fused_order(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model = shipped_ranking()
    assert model is not None and PIPELINE.reranking == model
    assert set(model.features) <= set(FEATURES) and len(model.features) <= 12  # a small model for small sets
    assert model.depth == DEPTH and model.notes["fitted_by"] == "tools/fit_learned_ranking.py"
    assert LearnedRanking.from_json(model.to_json()) == model
    broken = tmp_path / "learned_ranking.json"
    broken.write_text(model.to_json().replace('"fused"', '"shoe size"', 1), encoding="utf-8")
    assert shipped_ranking(broken) is None
    assert "shoe size" in caplog.text and "fused order stands" in caplog.text
    assert shipped_ranking(tmp_path / "absent.json") is None


def test_a_reordered_head_keeps_its_scores_best_first_and_the_rest_is_untouched() -> None:
    fused = FusedList(np.array([4, 7, 1, 9, 2]), np.array([0.9, 0.5, 1.0, 0.2, 0.4]))  # best first: 1, 4, 7, 2, 9
    reordered = fused.with_head(np.array([7, 4, 1]))
    assert [f.sentence for f in reordered] == [7, 4, 1, 2, 9]
    assert [round(f.score, 6) for f in reordered] == [1.0, 0.9, 0.5, 0.4, 0.2]


def test_reordering_the_head_needs_no_mark_for_every_sentence_of_the_folder() -> None:
    """with_head marked the head in an array as long as the largest sentence number, made anew for
    every question (150,000 entries at 3,000 articles): it looks the list up in the head instead.
    Measured by what it allocates (numpy reports its arrays to tracemalloc), not by an allocation
    failing: a machine that overcommits memory grants even a terabyte it never touches."""
    far = 10**8  # a mark per sentence up to here: 100 MB
    fused = FusedList(np.array([far, 3, far + 5, 8]), np.array([0.2, 0.9, 0.5, 0.1]))  # best first: 3, far + 5, far, 8
    tracemalloc.start()
    try:
        reordered = fused.with_head(np.array([far + 5, 3]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, peak  # what a list of four needs, far under a mark per sentence
    assert [f.sentence for f in reordered] == [far + 5, 3, far, 8]
    assert [round(f.score, 6) for f in reordered] == [0.9, 0.5, 0.2, 0.1]
    assert [f.sentence for f in fused.with_head(np.array([], dtype=np.int64))] == [3, far + 5, far, 8]


def test_the_model_orders_the_head_by_what_it_weighs(bundled_store: KnowledgeStore) -> None:
    """A model weighing only the meaning ranker's cosine puts the head's most similar sentence
    first, whatever the fusion's order, and the quotes stay exact slices of the articles."""
    knowledge = bundled_store.current
    question = "what was the bloody nose plan"
    _, query = read_question(knowledge, question)
    rankings, fused = rank_sentences(knowledge, question, query)
    positions, matrix = candidate_features(knowledge, rankings, fused, query)
    assert positions == [f.sentence for f in fused[:DEPTH]] and matrix.shape == (len(positions), len(FEATURES))
    meaning = LearnedRanking(("meaning",), (0.0,), (1.0,), (1.0,))
    reranked = meaning.reranked(knowledge, rankings, fused, query)
    cosine = dict(zip(positions, matrix[:, FEATURES.index("meaning")]))
    assert reranked[0].sentence == max(positions, key=lambda p: cosine[p]) != fused[0].sentence
    assert reranked[0].score == pytest.approx(fused[0].score)
    result = answer(knowledge, question, pipeline=replace(PIPELINE, reranking=meaning))
    assert result.quotes
    for quote in result.quotes:
        assert quote.text == quote.article.body[quote.start : quote.end]


def test_without_a_ranker_its_features_read_the_fused_order_stands(bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture) -> None:
    """Words only (the meaning model missing): the meaning features would be constants the model
    never saw, so the shipped model leaves the fused list as it is, and says so once."""
    knowledge = words_only(bundled_store.current)
    model = shipped_ranking()
    assert model is not None and "meaning" in model.rankers_needed
    caplog.set_level(logging.INFO, logger="bot.ranking.learned")
    say_it_once.cache_clear()  # another test in this process may have said it already
    for question in ("what was the bloody nose plan", "who met in hanoi"):
        _, query = read_question(knowledge, question)
        rankings, fused = rank_sentences(knowledge, question, query)
        assert [r.ranker for r in rankings] == ["words"]
        assert model.reranked(knowledge, rankings, fused, query) is fused
    assert caplog.text.count("the meaning ranking, which did not rank; the fused order stands") == 1
    fewest_words_first = LearnedRanking(("words",), (0.0,), (1.0,), (-1.0,))  # needs only what ranked: it reorders
    reordered = fewest_words_first.reranked(knowledge, rankings, fused, query)
    assert [f.sentence for f in reordered] != [f.sentence for f in fused]


def test_fit_learned_ranking_writes_every_feature_refitted(monkeypatch: pytest.MonkeyPatch) -> None:
    """--write refits every feature over the shipped fusion: weights kept from an earlier fit
    were fitted over candidates of the fusion of their time. Candidates whose quote is right
    exactly when their word score is the highest: the written order weighs the words most."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "tools"))
    import fit_learned_ranking as fit

    rng = np.random.default_rng(7)
    xs = [rng.random((DEPTH, len(FEATURES))) for _ in range(40)]
    rights = [x[:, FEATURES.index("words")] == x[:, FEATURES.index("words")].max() for x in xs]
    observed = fit.Observed(np.arange(40) % 4, np.zeros(40, dtype=bool), np.full(40, 1), xs, rights)
    shipped = shipped_ranking()
    assert shipped is not None
    written = fit.settings(observed, shipped)[fit.SHIPPED](np.ones(40, dtype=bool))
    assert written.features == FEATURES
    weights = dict(zip(written.features, written.weights, strict=True))
    assert max(weights, key=lambda name: abs(weights[name])) == "words" and weights["words"] > 0
