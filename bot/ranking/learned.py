"""A learned re-ranking of the fused list's head: a few per-sentence features, weighed by a fitted model.

Score fusion adds two scaled scores with one hand-set weight. Each of the fused list's first
`depth` sentences is described here by a handful of numbers the stages have already computed or
can compute in microseconds (its fused score and rank, each ranker's score and rank among the
candidates, how much of the question's weight the sentence and its paragraph hold, whether it
opens its paragraph, how well its neighbours did, whether it holds the words of the speaker the
question names: bot.quotations.speaker_index), and a linear model fitted by
tools/fit_learned_ranking.py (pairwise logistic regression: the sentence whose quote holds the
gold answer against each other candidate, leaving one question set out at a time) orders them.

The head keeps the fused scores it had, handed out again in the new order (the best learned
sentence gets the best fused score, and so on): the quote stage ("a later quote needs half the
best") and the answer check read those scores, and their meaning must not change with the order.
The coefficients live in learned_ranking.json beside this module; without the file the fused
order stands.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

import numpy as np

from bot.ranking.fusion import FusedList
from bot.ranking.lexical import LexicalRanker
from bot.ranking.protocol import Ranking
from bot.ranking.standardised import Matrix, StandardisedLinear, linear_fields, load_model
from bot.search.bm25 import Bm25Index

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase
    from bot.search.query import Query

logger = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("learned_ranking.json")
# The fused list's head that is re-ranked: the right sentence is in the first 50 for nearly every
# question the fusion can answer at all, and 50 candidates cost microseconds.
DEPTH = 50

# Every feature the bot computes, by name, each a column of candidate_features.
FEATURES = (
    "fused",  # fused score over the best fused score
    "fused_rank",  # log(1 + rank in the fused list)
    "words",  # the word ranker's score over its best among the candidates
    "words_rank",  # log(1 + rank by the word ranker among the candidates)
    "meaning",  # the meaning ranker's cosine (sentence or pair)
    "meaning_gap",  # that cosine minus the best candidate's
    "meaning_rank",  # log(1 + rank by the meaning ranker among the candidates)
    "sentence_share",  # share of the question's term weight the sentence holds
    "passage_share",  # share of the question's term weight its paragraph holds
    "opens_passage",  # 1: the paragraph's first sentence
    "neighbour",  # the better fused score of its neighbours in the paragraph, over the best
    "speaker_asked",  # 1: it holds the words of a speaker the question names as the one speaking ("what did X say")
)

# The ranker each ranker-made feature reads. Without that ranker (words only, the model missing)
# they would be constants the model never saw while fitted: the fused order stands instead.
RANKER_OF_FEATURE = MappingProxyType({
    "words": "words", "words_rank": "words",
    "meaning": "meaning", "meaning_gap": "meaning", "meaning_rank": "meaning",
})  # fmt: skip


def candidate_features(
    knowledge: KnowledgeBase, rankings: Sequence[Ranking], fused: FusedList, query: Query, depth: int = DEPTH, question: str = ""
) -> tuple[list[int], Matrix]:
    """The fused list's first `depth` sentences, best fused first, and their features (rows, in FEATURES' order).
    `question`: as asked, without markup, for the speaker it names ("": none, as for a timeline topic)."""
    head = fused[:depth]
    positions = [f.sentence for f in head]
    count = len(positions)
    if count == 0:
        return positions, np.zeros((0, len(FEATURES)))
    fused_scores = np.array([f.score for f in head])
    best = fused_scores[0] or 1.0
    by_ranker = {r.ranker: r for r in rankings}
    words = _scores(by_ranker.get("words"), positions)
    meaning = _scores(by_ranker.get("meaning"), positions)
    weights = query.weights
    total = sum(weights.values()) or 1.0
    sentences = knowledge.sentences
    passage_of = [sentences[p].passage for p in positions]
    lexical = next((r for r in knowledge.rankers if isinstance(r, LexicalRanker)), None)
    # Fifty candidates come from fewer paragraphs (about half as many): each paragraph's share is found once.
    passages = list(dict.fromkeys(passage_of))
    passage_shares = _shares(weights, total, passages, knowledge.passage_terms, lexical.passage_index if lexical is not None else None)
    passage_share = dict(zip(passages, passage_shares.tolist()))
    columns = {
        "fused": fused_scores / best,
        "fused_rank": np.log1p(np.arange(count)),
        "words": words / (words.max() or 1.0),
        "words_rank": _log_rank(words),
        "meaning": meaning,
        "meaning_gap": meaning - meaning.max(),
        "meaning_rank": _log_rank(meaning),
        "sentence_share": _shares(weights, total, positions, knowledge.sentence_terms, lexical.sentence_index if lexical is not None else None),
        "passage_share": np.array([passage_share[passage] for passage in passage_of]),
        "opens_passage": np.array([float(p == 0 or sentences[p - 1].passage != passage) for p, passage in zip(positions, passage_of)]),
        "neighbour": _best_neighbours(knowledge, positions, passage_of, fused_scores.tolist()) / best,
        "speaker_asked": _spoken_by_the_asked(knowledge, positions, question),
    }
    return positions, np.column_stack([columns[name] for name in FEATURES])


def _scores(ranking: Ranking | None, positions: list[int]) -> Matrix:
    if ranking is None:
        return np.zeros(len(positions))
    return np.array([ranking.score(p) for p in positions], dtype=np.float64)


def _log_rank(scores: Matrix) -> Matrix:
    """log(1 + each score's rank among these, best 0; ties by order)."""
    ranks = np.empty(len(scores))
    ranks[np.argsort(-scores, kind="stable")] = np.arange(len(scores))
    return np.log1p(ranks)


def _share(weights: dict[str, float], terms: Sequence[str], total: float) -> float:
    held = set(terms)
    return sum(w for term, w in weights.items() if term in held) / total


def _shares(weights: dict[str, float], total: float, candidates: list[int], terms: Sequence[Sequence[str]], index: Bm25Index | None) -> Matrix:
    """_share of each candidate text (a position in `terms`), from the index's postings of the
    question's few terms when there is one (built from those very terms) rather than a set made
    of each text's. Added term by term in the question's order, as _share adds them: the same floats."""
    if index is None:
        return np.array([_share(weights, terms[c], total) for c in candidates])
    wanted = np.array(candidates, dtype=np.int64)
    held = np.zeros(len(wanted), dtype=np.float64)
    for term, weight in weights.items():
        holding = index.holding(term)
        if len(holding):
            at = np.minimum(np.searchsorted(holding, wanted), len(holding) - 1)
            held += np.where(holding[at] == wanted, weight, 0.0)
    return held / total


def _best_neighbours(knowledge: KnowledgeBase, positions: list[int], passage_of: list[int], fused_scores: list[float]) -> Matrix:
    """Each candidate's better fused score of its neighbours in its paragraph (0.0 for one not among the candidates)."""
    sentences = knowledge.sentences
    fused_of = dict(zip(positions, fused_scores))
    last = len(sentences) - 1
    best = []
    for position, passage in zip(positions, passage_of):
        around = [
            fused_of.get(neighbour, 0.0)
            for neighbour in (position - 1, position + 1)
            if 0 <= neighbour <= last and sentences[neighbour].passage == passage
        ]
        best.append(max(around, default=0.0))
    return np.array(best)


def _spoken_by_the_asked(knowledge: KnowledgeBase, positions: list[int], question: str) -> Matrix:
    """1 for each sentence holding words of a speaker the question names as the one speaking; all 0
    when it names no one so (most questions: found without reading a sentence)."""
    if not question:
        return np.zeros(len(positions))
    index = knowledge.speaker_index
    asked = index.asked_about(question, knowledge.aliases)
    if not asked:
        return np.zeros(len(positions))
    return np.array([float(not asked.isdisjoint(index.spoken_in(p))) for p in positions])


class Reranking(Protocol):
    """What the pipeline asks of a re-ranking (bot.answers.Pipeline): the fused list, re-ordered."""

    def reranked(
        self, knowledge: KnowledgeBase, rankings: Sequence[Ranking], fused: FusedList, query: Query, question: str = ""
    ) -> FusedList: ...


@dataclass(frozen=True)
class LearnedRanking(StandardisedLinear):
    """A linear score over standardised features; higher ranks first."""

    depth: int = DEPTH
    notes: dict[str, object] = field(default_factory=dict, compare=False)  # how and on what it was fitted

    @property
    def rankers_needed(self) -> frozenset[str]:
        return frozenset(RANKER_OF_FEATURE[name] for name in self.features if name in RANKER_OF_FEATURE)

    def scores(self, matrix: Matrix) -> Matrix:
        """Scores of candidate_features' rows (every feature the bot computes, in FEATURES' order)."""
        return super().scores(matrix[:, [FEATURES.index(name) for name in self.features]])

    def reranked(
        self, knowledge: KnowledgeBase, rankings: Sequence[Ranking], fused: FusedList, query: Query, question: str = ""
    ) -> FusedList:
        """The fused list with its head in the model's order, holding the head's fused scores best
        first; the fused list as it is when a ranker the model's features read did not rank."""
        missing = self.rankers_needed - {ranking.ranker for ranking in rankings}
        if missing:
            _say_the_fused_order_stands(frozenset(missing))
            return fused
        positions, matrix = candidate_features(knowledge, rankings, fused, query, self.depth, question)
        if len(positions) < 2:
            return fused
        order = np.argsort(-self.scores(matrix), kind="stable")
        return fused.with_head(np.array(positions, dtype=np.int64)[order])

    def to_json(self) -> str:
        return json.dumps({**self.linear_json(), "depth": self.depth, "notes": self.notes}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> LearnedRanking:
        data = json.loads(text)
        return cls(**linear_fields(data, FEATURES), depth=int(data["depth"]), notes=data.get("notes", {}))


@cache  # once a process for each set of missing rankers: every question would say it again
def _say_the_fused_order_stands(missing: frozenset[str]) -> None:
    logger.info("Learned ranking: its features need the %s ranking, which did not rank; the fused order stands", " and ".join(sorted(missing)))


@cache
def shipped_ranking(path: Path = MODEL_FILE) -> LearnedRanking | None:
    """The fitted re-ranking the bot ships; None (the fused order stands) if it is missing or broken."""
    return load_model(path, LearnedRanking.from_json, "Learned ranking", "the fused order stands")
