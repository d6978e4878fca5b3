"""The meaning ranker's matrix held in 8 bits and its product by onnxruntime: cosines within the
stated tolerance of float32's, the meaning order float32's but for near ties, and a product that
cannot be made leaving the bot on words alone."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.knowledge.base import build_knowledge_base
from bot.knowledge.store import KnowledgeStore
from bot.ranking import int8_product
from bot.ranking.embedding_cache import EmbeddingCache, default_cache_folder
from bot.ranking.int8_product import Int8Product, product_of
from bot.ranking.int8_vectors import COSINE_TOLERANCE, Int8Vectors
from bot.ranking.lexical import LexicalRanker
from bot.ranking.minilm import ModelUnavailable, Vectors, shared_model
from bot.ranking.onnx_messages import SCHEMA
from bot.ranking.semantic import SemanticRanker, question_vector
from tests.conftest import best_with_neighbours, sentence_texts_and_pairs, write_article

DEV_SET = Path(__file__).resolve().parent.parent / "eval" / "dev_qa.jsonl"
TOP = 10  # the head of the meaning list compared with float32's


def _unit_rows(count: int, seed: int) -> Vectors:
    rows = np.random.default_rng(seed).standard_normal((count, 384)).astype(np.float32)
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_each_number_is_held_within_half_a_step_of_its_row_and_rows_keep_their_places() -> None:
    vectors = _unit_rows(50, seed=1)
    held = Int8Vectors.rounded(vectors)
    assert len(held) == 50 and held.dimensions == 384
    for row in range(50):
        step = np.abs(vectors[row]).max() / 127
        assert np.abs(held.vector(row) - vectors[row]).max() <= step / 2 + 1e-7
    joined = held.taken_then(np.array([7, 3]), Int8Vectors.rounded(vectors[:1]))
    assert [joined.vector(r).tolist() for r in range(3)] == [held.vector(r).tolist() for r in (7, 3, 0)]
    assert Int8Vectors.rounded(np.zeros((1, 384), dtype=np.float32)).vector(0).tolist() == [0.0] * 384


def test_rows_kept_in_runs_then_new_ones_are_the_same_vectors_as_each_row_taken_alone() -> None:
    # A reload keeps all but a changed article's rows (long runs, copied a run at a time); a
    # scattered choice is gathered. Either way each row holds the vector it held.
    held, after = Int8Vectors.rounded(_unit_rows(200, seed=5)), Int8Vectors.rounded(_unit_rows(3, seed=6))
    for rows in (np.delete(np.arange(200), [0, 1, 57, 58, 59, 120]), np.array([9, 4, 150, 3, 2, 1]), np.arange(0)):
        made = held.taken_then(rows, after)
        expected = [held.vector(int(r)).tolist() for r in rows] + [after.vector(r).tolist() for r in range(3)]
        assert [made.vector(r).tolist() for r in range(len(made))] == expected
        assert not made.codes.flags.writeable and not made.scales.flags.writeable


def test_the_product_is_float32s_within_the_tolerance_and_made_once_per_matrix() -> None:
    vectors = _unit_rows(3000, seed=2)
    held = Int8Vectors.rounded(vectors)
    product = product_of(held)
    for question in _unit_rows(5, seed=3):
        assert np.abs(product.cosines(question) - vectors @ question).max() <= COSINE_TOLERANCE
    own = vectors[11] * 0.8 + vectors[12] * 0.2
    assert int(np.argmax(product.cosines(own / np.linalg.norm(own)))) == 11
    assert product_of(held) is product  # shared by the knowledge bases over this matrix
    assert product_of(Int8Vectors.rounded(vectors)) is not product
    assert Int8Product(Int8Vectors.empty(384)).cosines(vectors[0]).shape == (0,)


def test_on_the_tests_folder_the_meaning_order_is_float32s_but_for_near_ties(bundled_store: KnowledgeStore) -> None:
    """For every dev question, each of the ranker's best ten would be as high in float32's order but
    for a near tie: its float32 score is within twice the tolerance of the score float32 ranks there."""
    knowledge = bundled_store.current
    meaning = next(r for r in knowledge.rankers if isinstance(r, SemanticRanker))
    texts, pairs = sentence_texts_and_pairs(knowledge)
    model = shared_model()
    exact = EmbeddingCache(default_cache_folder(), model.digest).vectors([*texts, *pairs.values()], model.encode, model.dimensions)
    questions = [json.loads(line)["question"] for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    same_best = 0
    for question in questions:
        cosines = exact @ question_vector(question)
        float32 = np.array(best_with_neighbours(cosines, len(texts), pairs))
        held = meaning.similarities(question)
        assert np.abs(held - float32).max() <= COSINE_TOLERANCE
        order = np.argsort(-held, kind="stable")[:TOP]
        best = np.sort(float32)[::-1][:TOP]
        assert all(float32[order] >= best - 2 * COSINE_TOLERANCE), question
        same_best += int(order[0] == int(np.argmax(float32)))
    assert same_best >= len(questions) - 2  # near ties at the top are rare


def test_a_product_onnxruntime_cannot_make_leaves_the_bot_on_words_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(int8_product, "_graph", lambda dimensions, texts: b"not a graph")
    with pytest.raises(ModelUnavailable, match="onnxruntime cannot run the meaning ranker's 8-bit product"):
        Int8Product(Int8Vectors.rounded(_unit_rows(3, seed=4)))
    write_article(tmp_path / "knowledge", "only-here", "A sentence no other test's folder holds, so its matrix is new.")
    knowledge = build_knowledge_base(tmp_path / "knowledge")
    assert [type(r) for r in knowledge.rankers] == [LexicalRanker]


def test_the_shipped_onnx_schema_is_the_one_the_tool_writes_from_the_pinned_onnx() -> None:
    """bot/ranking/onnx_schema.pb is generated (tools/write_onnx_schema.py); the product's graph is
    written from it, so an onnx upgrade that was not written out would go unnoticed."""
    from tools.write_onnx_schema import installed_schema

    assert SCHEMA.read_bytes() == installed_schema()
