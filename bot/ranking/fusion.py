"""Fusion: one list of sentences from several rankers' lists.

Two ways, both fitted and compared by tools/fit_fusion.py (leave-one-set-out over the training
question sets; the numbers are in docs/measurements.md):
- reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009) adds, for each ranker, its weight
  over (k + the sentence's rank in that ranker's list): ranks, not scores, so BM25's unbounded
  scores and cosines need no common scale. Its scores are squeezed together (1/6, 1/7, 1/8 …),
  which says little about how far behind the second sentence is;
- score fusion (CombSUM over min-max normalised scores) adds each ranker's weight times the
  sentence's score scaled to [0, 1] within that ranker's list. The quote stage reads these
  scores ("a later quote needs half the best"), so their gaps must mean something.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np
import numpy.typing as npt

from bot.ranking.best_first import BestFirst, Positions, Scores
from bot.ranking.protocol import Ranking

# Lists deeper than this add nothing a reader would be shown.
FUSION_DEPTH = 100
# Fused candidates made into Python objects at a time when iterating (readers stop early).
FIRST_READ = 64


@dataclass(frozen=True, slots=True)
class Fused:
    sentence: int
    score: float


class FusedList(Sequence[Fused]):
    """The fused sentences, best first (ties: the earlier sentence first). They are held as arrays
    and sorted only as far as read (bot.ranking.best_first); a `Fused` is made for each one read."""

    __slots__ = ("_ranked",)

    def __init__(self, positions: Positions, scores: Scores) -> None:
        self._ranked = BestFirst(positions, scores)

    def __len__(self) -> int:
        return len(self._ranked)

    @overload
    def __getitem__(self, index: int) -> Fused: ...
    @overload
    def __getitem__(self, index: slice) -> list[Fused]: ...
    def __getitem__(self, index: int | slice) -> Fused | list[Fused]:
        if isinstance(index, slice):
            return [Fused(p, s) for p, s in zip(self._ranked.head_positions(index).tolist(), self._ranked.head_scores(index).tolist())]
        return Fused(self._ranked[index], self._ranked.score_at(index))

    def __iter__(self) -> Iterator[Fused]:
        for start in range(0, len(self), FIRST_READ):
            yield from self[start : start + FIRST_READ]

    def keeping(self, keep: Callable[[int], bool]) -> FusedList:
        """The sentences for which `keep` is true, in the same order."""
        positions, scores = self._ranked.positions, self._ranked.scores
        kept = np.fromiter((keep(position) for position in positions.tolist()), dtype=bool, count=len(positions))
        return FusedList(positions[kept], scores[kept])

    def among(self, chosen: npt.NDArray[np.bool_]) -> FusedList:
        """The sentences whose entry in `chosen` (one per sentence of the folder) is true, in the same order."""
        positions, scores = self._ranked.positions, self._ranked.scores
        kept = chosen[positions]
        return FusedList(positions[kept], scores[kept])

    def with_head(self, head: Positions) -> FusedList:
        """The same sentences and scores with the first len(head) in `head`'s order, holding the
        head's scores best first (a re-ranking of the head that leaves the scores' meaning alone)."""
        count = len(head)
        scores = self._ranked.head_scores(slice(0, count)) - 1e-12 * np.arange(count)  # apart, so ties keep this order
        positions = self._ranked.positions
        rest = ~_among(positions, np.asarray(head, dtype=np.int64))
        return FusedList(
            np.concatenate([np.asarray(head, dtype=np.int64), positions[rest]]),
            np.concatenate([scores, self._ranked.scores[rest]]),
        )

    def lifted(self, chosen: npt.NDArray[np.bool_], factor: float) -> FusedList:
        """The same sentences with the scores of those `chosen` (indexed by sentence position) times `factor`."""
        positions, scores = self._ranked.positions, self._ranked.scores
        return FusedList(positions, np.where(chosen[positions], scores * factor, scores))


def _among(positions: Positions, head: Positions) -> npt.NDArray[np.bool_]:
    """Whether each position is one of the head's. The head is a few sentences and the list a few
    hundred: each position is looked up in the sorted head (np.isin would sort both arrays, and a
    mark per sentence of the folder would be as long as the folder, 150,000 at 3,000 articles)."""
    if not len(head):
        return np.zeros(len(positions), dtype=bool)
    ordered = np.sort(head)
    at = np.minimum(np.searchsorted(ordered, positions), len(ordered) - 1)
    return ordered[at] == positions


@dataclass(frozen=True)
class FusionWeights:
    k: float = 60.0  # reciprocal rank fusion's constant: how fast a lower rank stops counting
    weights: Mapping[str, float] | None = None  # ranker name -> weight; a ranker not named weighs 1
    by_score: bool = False  # True: score fusion; False: reciprocal rank fusion

    def weight(self, ranker: str) -> float:
        return 1.0 if self.weights is None else self.weights.get(ranker, 1.0)


def reciprocal_rank_fusion(rankings: Sequence[Ranking], fusion: FusionWeights = FusionWeights()) -> FusedList:
    """Sentences of any list, best fused score first (ties: the earlier sentence first)."""
    parts = []
    for ranking in rankings:
        weight = fusion.weight(ranking.ranker)
        if weight == 0:
            continue
        head = _positions(ranking.order, FUSION_DEPTH)
        parts.append((head, weight / (fusion.k + np.arange(1, len(head) + 1, dtype=np.float64))))
    return _summed(parts)


def score_fusion(rankings: Sequence[Ranking], fusion: FusionWeights) -> FusedList:
    """Each ranker's scores scaled to [0, 1] between its floor and its best, weighed and added;
    best first (ties: the earlier sentence first)."""
    parts = []
    for ranking in rankings:
        weight = fusion.weight(ranking.ranker)
        if weight == 0 or not ranking.order:
            continue
        positions, scores = _scored(ranking)
        top = ranking.score(ranking.order[0])
        span = (top - ranking.floor) or 1.0
        parts.append((positions, weight * np.maximum(0.0, (scores - ranking.floor) / span)))
    return _summed(parts)


def fuse(rankings: Sequence[Ranking], fusion: FusionWeights) -> FusedList:
    return score_fusion(rankings, fusion) if fusion.by_score else reciprocal_rank_fusion(rankings, fusion)


def _positions(order: Sequence[int], depth: int) -> Positions:
    if isinstance(order, BestFirst):
        return order.head_positions(slice(0, depth))
    return np.asarray(order[:depth], dtype=np.int64)


def _scored(ranking: Ranking) -> tuple[Positions, Scores]:
    """Every sentence the ranking lists and its score, as arrays (in any order)."""
    if isinstance(ranking.order, BestFirst):
        return ranking.order.positions, ranking.order.scores
    positions = np.asarray(ranking.order, dtype=np.int64)
    return positions, np.fromiter((ranking.score(p) for p in ranking.order), dtype=np.float64, count=len(positions))


def _summed(parts: Sequence[tuple[Positions, npt.NDArray[np.float64]]]) -> FusedList:
    """Each sentence's contributions added in the rankers' order (so the sums are those of adding
    them one by one in Python), as a list best first."""
    if not parts:
        return FusedList(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))
    size = 1 + max((int(positions.max()) for positions, _ in parts if len(positions)), default=-1)
    totals = np.zeros(size, dtype=np.float64)
    listed = np.zeros(size, dtype=bool)
    for positions, contributions in parts:
        totals[positions] += contributions  # a ranker lists a sentence once, so the add is exact
        listed[positions] = True
    candidates = np.flatnonzero(listed)
    return FusedList(candidates, totals[candidates])
