"""The meaning ranker: cosine similarity of the question's MiniLM vector with every sentence's.

Every sentence is scored (one matrix-vector product), not only those sharing a word with the
question: the answers worded differently from the question are the point. Sentence vectors come
from the disk cache (bot.ranking.embedding_cache), so a start or reload encodes only new text.

A sentence is also read with its neighbour: each two adjacent sentences of a paragraph are
encoded together, and a sentence scores the best of its own cosine and those of the pairs it is
in. An answer often leans on the sentence before it ("He helped secure the 1994 Agreed
Framework" after the one naming Gallucci) or after it, and a pair holds what neither says alone.
Measured leaving each question set out (README, "How it answers"): the first quote right for
more questions than the sentence alone, the mean of the three, or the article's title added. A
pair is one more vector per adjacent pair (about 1.5 vectors per sentence, since the pair of a
sentence and the next is the next's pair with the one before), one matrix-vector product still.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.ranking.embedding_cache import EmbeddingCache, default_cache_folder
from bot.ranking.minilm import ModelUnavailable, Vectors, shared_model
from bot.ranking.protocol import Asked, Ranking

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase

logger = logging.getLogger(__name__)

# The meaning ranker's list for fusion: its best this many sentences.
DEPTH = 100
_QUESTIONS_REMEMBERED = 2048


@dataclass(frozen=True, eq=False)
class SemanticRanker:
    vectors: Vectors  # (distinct texts: sentences and adjacent pairs, 384), unit rows; read-only
    rows: np.ndarray  # each sentence's row of `vectors`
    # The row of each sentence read with the sentence before / after it in its paragraph (its own
    # row when it has no such neighbour).
    before_rows: np.ndarray
    after_rows: np.ndarray
    articles: np.ndarray  # the article id of each sentence, for answers restricted to some articles
    quotable: np.ndarray  # False for subheads, which are never quoted on their own
    name: str = "meaning"

    @classmethod
    def build(cls, knowledge: KnowledgeBase, cache_folder: Path | None = None) -> SemanticRanker | None:
        """None when the model cannot be loaded: the bot then answers on words alone, and says so once."""
        try:
            model = shared_model()
        except ModelUnavailable as error:
            _warn_once(str(error))
            return None
        texts, pairs = _texts_and_pairs(knowledge)
        # One vector per distinct text: a sentence repeated across articles (a stock phrase, a wire
        # story run twice) is held and multiplied once.
        row_of: dict[str, int] = {}
        rows = np.fromiter((row_of.setdefault(text, len(row_of)) for text in texts), dtype=np.int64, count=len(texts))
        pair_rows = [row_of.setdefault(pair, len(row_of)) if pair is not None else None for pair in pairs]
        # Pair i joins sentence i and i + 1: the "after" pair of i and the "before" pair of i + 1.
        after_rows = np.array([row if row is not None else rows[i] for i, row in enumerate(pair_rows)], dtype=np.int64)
        before_rows = rows.copy()
        for i, row in enumerate(pair_rows):
            if row is not None:
                before_rows[i + 1] = row
        distinct = list(row_of)
        texts_key = _texts_digest(model.digest, distinct)
        vectors = _LAST_VECTORS.reused(texts_key)
        if vectors is None:
            cache = EmbeddingCache(cache_folder or default_cache_folder(), model.digest)
            vectors = cache.vectors(distinct, model.encode, model.dimensions)
            vectors.setflags(write=False)
            _LAST_VECTORS.remember(texts_key, vectors)
        for array in (rows, before_rows, after_rows):
            array.setflags(write=False)
        articles = np.array([knowledge.passages[s.passage].article_id for s in knowledge.sentences], dtype=object)
        quotable = np.array([not knowledge.passages[s.passage].heading for s in knowledge.sentences], dtype=bool)
        return cls(vectors, rows, before_rows, after_rows, articles, quotable)

    def similarities(self, question: str) -> Vectors:
        """Each sentence's best cosine with the question: alone, or read with either neighbour."""
        every = self.vectors @ question_vector(question)
        return np.maximum(np.maximum(every[self.rows], every[self.before_rows]), every[self.after_rows])

    def similarity(self, text: str, sentence: int) -> float:
        """Cosine similarity of a text with one sentence alone (a position in KnowledgeBase.sentences)."""
        return float(self.vectors[self.rows[sentence]] @ question_vector(text))

    def rank(self, knowledge: KnowledgeBase, asked: Asked) -> Ranking:
        # The texts the caller compares after ranking, in the same forward pass as the question:
        # the weights are read once for both, so two texts cost far less than two passes.
        question_vectors((asked.text, *asked.alongside))
        similarity = self.similarities(asked.text)
        eligible = self.quotable if asked.only_articles is None else self.quotable & np.isin(self.articles, list(asked.only_articles))
        masked = np.where(eligible, similarity, -np.inf)
        depth = min(DEPTH, int(eligible.sum()))
        if depth == 0:
            return Ranking(self.name, (), lambda position: float(similarity[position]))
        top = np.argpartition(-masked, depth - 1)[:depth]
        order = tuple(int(i) for i in top[np.argsort(-masked[top], kind="stable")])
        # Nearly every sentence is somewhat similar to any question (cosines of 0.1 to 0.3 are
        # common), so the floor is the last listed sentence's similarity, not zero.
        return Ranking(self.name, order, lambda position: float(similarity[position]), floor=float(similarity[order[-1]]))


class _LastBuildsVectors:
    """The last build's sentence vectors, reused by a build over the same distinct texts (a
    restart in the same process, a reload that changed no sentence's text): the knowledge bases
    alive side by side then share one read-only matrix (133 MB at 3,000 articles) instead of each
    holding its own, and the cache file is not read again. The texts are remembered by a digest,
    not held."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[bytes, Vectors] | None = None

    def reused(self, texts_key: bytes) -> Vectors | None:
        with self._lock:
            last = self._last
        return last[1] if last is not None and last[0] == texts_key else None

    def remember(self, texts_key: bytes, vectors: Vectors) -> None:
        with self._lock:
            self._last = (texts_key, vectors)


def _texts_digest(model_digest: str, texts: list[str]) -> bytes:
    """What the vectors are of: the model and the distinct texts in order."""
    digest = hashlib.sha256(model_digest.encode())
    for text in texts:
        encoded = text.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return digest.digest()


_LAST_VECTORS = _LastBuildsVectors()


def _texts_and_pairs(knowledge: KnowledgeBase) -> tuple[list[str], list[str | None]]:
    """Each sentence's text, and for each sentence the text of it and the next one of its
    paragraph, as the article writes them (None for a paragraph's last sentence)."""
    sentences = knowledge.sentences
    texts: list[str] = []
    pairs: list[str | None] = []
    for i, sentence in enumerate(sentences):
        body = knowledge.article_of(sentence.passage).body
        texts.append(body[sentence.span.start : sentence.span.end])
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        together = following is not None and following.passage == sentence.passage
        pairs.append(body[sentence.span.start : following.span.end] if together and following is not None else None)
    return texts, pairs


class RememberedVectors:
    """The vectors of the last texts asked about, so a question asked again (a follow-up's anchor)
    is not encoded twice. Not functools.lru_cache: that remembers one call's result, and here one
    forward pass encodes several texts, each remembered on its own. Shared by answering threads."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._held: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def vectors(self, texts: Sequence[str]) -> list[Vectors]:
        """Each text's vector, in order; those not remembered are encoded together, in one pass."""
        with self._lock:
            found = {text: self._held[text] for text in texts if text in self._held}
            for text in found:
                self._held.move_to_end(text)
        missing = list(dict.fromkeys(text for text in texts if text not in found))
        if missing:  # encoded outside the lock: other threads' questions need not wait for this one
            for text, vector in zip(missing, shared_model().encode(missing), strict=True):
                vector.setflags(write=False)
                found[text] = vector
            with self._lock:
                for text in missing:
                    self._held[text] = found[text]
                while len(self._held) > self._size:
                    self._held.popitem(last=False)
        return [found[text] for text in texts]

    def cache_clear(self) -> None:
        """Forget every vector, as a new process starts (benchmarks, tests)."""
        with self._lock:
            self._held.clear()


remembered_questions = RememberedVectors(_QUESTIONS_REMEMBERED)


def question_vectors(texts: Sequence[str]) -> list[Vectors]:
    """The texts' vectors; those not remembered are encoded in one pass."""
    return remembered_questions.vectors(texts)


def question_vector(question: str) -> Vectors:
    """A question's vector; the same question asked again is not encoded twice."""
    return question_vectors((question,))[0]


_warned: set[str] = set()


def _warn_once(reason: str) -> None:
    if reason not in _warned:
        _warned.add(reason)
        logger.warning("Answering on words alone, without the meaning signal: %s", reason)
