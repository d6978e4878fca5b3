"""The meaning ranker's matrix: every sentence and adjacent pair finds its own text's vector,
and a reload reuses the unchanged articles' rows instead of looking every text up again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.knowledge import base
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.ranking.int8_vectors import Int8Vectors
from bot.ranking.minilm import Vectors
from bot.ranking.sentence_rows import SentenceRows, sentence_rows
from tests.conftest import write_article

DIGEST = "a digest for these tests only"


class TextVectors:
    """Stands in for the model: a vector that only the text decides, and a record of what was encoded."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def __call__(self, texts: list[str]) -> Vectors:
        self.encoded += texts
        return np.array([[len(text), text.count("e"), sum(map(ord, text)) % 97] for text in texts], dtype=np.float32)


def _holds(found: SentenceRows, row: int, text: str) -> bool:
    """Whether the row holds the text's vector (as held in memory: in 8 bits, a scale each)."""
    held, own = found.vectors.taken(np.array([row])), Int8Vectors.rounded(TextVectors()([text]))
    return held.codes.tolist() == own.codes.tolist() and held.scales.tolist() == own.scales.tolist()


def _expected(knowledge: KnowledgeBase, found: SentenceRows) -> None:
    """Each sentence's row holds its own text's vector, its pair row the vector of it and the next
    sentence of its paragraph as the article writes them (-1 when it ends the paragraph)."""
    sentences = knowledge.sentences
    for i, sentence in enumerate(sentences):
        body = knowledge.article_of(sentence.passage).body
        assert _holds(found, found.rows[i], body[sentence.span.start : sentence.span.end])
        if i + 1 < len(sentences) and sentences[i + 1].passage == sentence.passage:
            assert _holds(found, found.pair_rows[i], body[sentence.span.start : sentences[i + 1].span.end])
        else:
            assert found.pair_rows[i] == -1


@pytest.fixture(autouse=True)
def without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Knowledge bases built here rank by no ranker, so only these tests' calls build rows."""
    monkeypatch.setattr(base, "build_rankers", lambda knowledge, embedding_cache=None: ())


def test_a_reload_encodes_only_the_changed_article_and_every_row_stays_right(tmp_path: Path) -> None:
    folder, cache = tmp_path / "knowledge", tmp_path / "cache"
    write_article(folder, "first", "The envoys met on Tuesday. They spoke for an hour.\n\nA stock phrase ends here.")
    changed = write_article(folder, "second", "A stock phrase ends here. The talks were short.\n\nNobody said more.")
    knowledge = build_knowledge_base(folder, embedding_cache=cache)
    first = sentence_rows(knowledge, cache, DIGEST, TextVectors(), 3)
    _expected(knowledge, first)
    # A text held by two articles is one row.
    assert len(first.vectors) == len(set(first.rows.tolist()) | set(first.pair_rows.tolist()) - {-1}) < 2 * len(first.rows)

    changed.write_text(changed.read_text(encoding="utf-8").replace("more.", "more. A sentence added later."), encoding="utf-8")
    for vectors_file in cache.glob("minilm-*.npz"):  # so that only rows reused are not encoded again
        vectors_file.unlink()
    reloaded = build_knowledge_base(folder, embedding_cache=cache)
    encoder = TextVectors()
    after = sentence_rows(reloaded, cache, DIGEST, encoder, 3)
    _expected(reloaded, after)
    assert encoder.encoded == [
        "A stock phrase ends here.",
        "The talks were short.",
        "Nobody said more.",
        "A sentence added later.",
        "A stock phrase ends here. The talks were short.",
        "Nobody said more. A sentence added later.",
    ]

    again = sentence_rows(build_knowledge_base(folder, embedding_cache=cache), cache, DIGEST, TextVectors(), 3)
    assert again.vectors is after.vectors  # nothing changed: the very matrix, shared


def test_an_article_removed_takes_its_rows_with_it(tmp_path: Path) -> None:
    folder, cache = tmp_path / "knowledge", tmp_path / "cache"
    write_article(folder, "kept", "The envoys met on Tuesday. They spoke for an hour.")
    removed = write_article(folder, "removed", "A sentence only this article holds. And another one.")
    sentence_rows(build_knowledge_base(folder, embedding_cache=cache), cache, DIGEST, TextVectors(), 3)
    removed.unlink()
    knowledge = build_knowledge_base(folder, embedding_cache=cache)
    after = sentence_rows(knowledge, cache, DIGEST, TextVectors(), 3)
    _expected(knowledge, after)
    assert len(after.vectors) == 3  # two sentences and their pair
