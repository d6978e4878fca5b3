"""The meaning ranker: cosine similarity of the question's MiniLM vector with every sentence's.

Every sentence is scored (one matrix-vector product), not only those sharing a word with the
question: the answers worded differently from the question are the point. Sentence vectors come
from the disk cache (bot.ranking.embedding_cache), so a start or reload encodes only new text, and
are held in 8 bits (bot.ranking.int8_vectors; their product: bot.ranking.int8_product), each
cosine within 0.005 of float32's.

A sentence is also read with its neighbour: each two adjacent sentences of a paragraph are
encoded together, and a sentence scores the best of its own cosine and those of the pairs it is
in. An answer often leans on the sentence before it ("He helped secure the 1994 Agreed
Framework" after the one naming Gallucci) or after it, and a pair holds what neither says alone.
Measured leaving each question set out (docs/measurements.md): the first quote right for
more questions than the sentence alone, the mean of the three, or the article's title added. A
pair is one more vector per adjacent pair (about 1.5 vectors per sentence, since the pair of a
sentence and the next is the next's pair with the one before), one matrix-vector product still.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.ranking.best_first import BestFirst
from bot.ranking.embedding_cache import default_cache_folder
from bot.ranking.int8_product import Int8Product, product_of
from bot.ranking.int8_vectors import Int8Vectors
from bot.ranking.minilm import ModelUnavailable, Vectors, shared_model
from bot.ranking.protocol import Asked, Ranking
from bot.ranking.sentence_rows import sentence_rows

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase

logger = logging.getLogger(__name__)

# The meaning ranker's list for fusion: its best this many sentences, or this share of the
# folder's when that is more. Its last one's similarity is the floor score fusion scales from
# (nothing below it counts), and a fixed count is a sliver of a large folder: at 3,000 articles
# the hundredth best of 155,000 sentences is already within 0.1 of the best, so the meaning
# signal counted nothing for the answer at 0.5 while near-duplicate noise at 0.6 took all of it.
# A share keeps the floor among ordinary sentences whatever the folder's size; the
# bundled folder's 122 sentences keep their hundred (a share of 0.02 to 0.5 gave the same at 3,000
# articles within a dev question or two; a twentieth keeps fusion's arrays short).
DEPTH = 100
FOLDER_SHARE = 0.05
_QUESTIONS_REMEMBERED = 2048


@dataclass(frozen=True, eq=False)
class SemanticRanker:
    vectors: Int8Vectors  # one row per distinct text (sentences and adjacent pairs); read-only
    product: Int8Product  # the question's cosine with every row of `vectors`
    rows: np.ndarray  # each sentence's row of `vectors`
    # The row of each sentence read with the sentence before / after it in its paragraph (its own
    # row when it has no such neighbour).
    before_rows: np.ndarray
    after_rows: np.ndarray
    quotable: np.ndarray  # False for subheads, which are never quoted on their own
    name: str = "meaning"

    @classmethod
    def build(cls, knowledge: KnowledgeBase, cache_folder: Path | None = None) -> SemanticRanker | None:
        """None when the model cannot be loaded: the bot then answers on words alone, and says so once."""
        try:
            model = shared_model()
            found = sentence_rows(knowledge, cache_folder or default_cache_folder(), model.digest, model.encode, model.dimensions)
            product = product_of(found.vectors)
        except ModelUnavailable as error:
            _warn_once(str(error))
            return None
        rows, pair_rows = found.rows, found.pair_rows
        # Pair i joins sentence i and i + 1: the "after" pair of i and the "before" pair of i + 1.
        paired = pair_rows >= 0
        after_rows = np.where(paired, pair_rows, rows)
        before_rows = rows.copy()
        before_rows[1:] = np.where(paired[:-1], pair_rows[:-1], rows[1:])
        for array in (before_rows, after_rows):
            array.setflags(write=False)
        passages = knowledge.passages
        counts = np.fromiter((len(p.sentences) for p in passages), dtype=np.int64, count=len(passages))
        heading = np.fromiter((p.heading for p in passages), dtype=bool, count=len(passages))
        quotable = np.repeat(~heading, counts)  # KnowledgeBase.sentences are the passages' in order
        quotable.setflags(write=False)
        return cls(found.vectors, product, rows, before_rows, after_rows, quotable)

    def similarities(self, question: str) -> Vectors:
        """Each sentence's best cosine with the question: alone, or read with either neighbour."""
        every = self.product.cosines(question_vector(question))
        # In place, into one array the size of the sentences (at 3,000 articles three temporaries of
        # 155,000 floats were made and filled for each question); the maximum is the same either way.
        best = every.take(self.rows)
        np.maximum(best, every.take(self.before_rows), out=best)
        np.maximum(best, every.take(self.after_rows), out=best)
        return best

    def similarity(self, text: str, sentence: int) -> float:
        """Cosine similarity of a text with one sentence alone (a position in KnowledgeBase.sentences)."""
        return float(self.vectors.vector(int(self.rows[sentence])) @ question_vector(text))

    def rank(self, knowledge: KnowledgeBase, asked: Asked) -> Ranking:
        # The texts the caller compares after ranking, in the same forward pass as the question:
        # the weights are read once for both, so two texts cost far less than two passes.
        question_vectors((asked.text, *asked.alongside))
        similarity = self.similarities(asked.text)
        if asked.only_articles is None:
            eligible = self.quotable
        else:
            numbering = knowledge.numbering
            eligible = self.quotable & numbering.chosen(asked.only_articles)[numbering.of_sentence]
        count = int(eligible.sum())
        depth = min(max(DEPTH, int(FOLDER_SHARE * count)), count)
        if depth == 0:
            return Ranking(self.name, (), lambda position: float(similarity[position]))
        listed = np.argpartition(-np.where(eligible, similarity, -np.inf), depth - 1)[:depth]
        scores = similarity[listed].astype(np.float64)
        # Nearly every sentence is somewhat similar to any question (cosines of 0.1 to 0.3 are
        # common), so the floor is the last listed sentence's similarity, not zero. The list is
        # sorted only as far as read (bot.ranking.best_first): at size it is tens of thousands long.
        return Ranking(self.name, BestFirst(listed, scores), lambda position: float(similarity[position]), floor=float(scores.min()))


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
