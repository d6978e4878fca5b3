"""Fusion: one list of sentences from several rankers' lists.

Two ways, both fitted and compared by tools/fit_fusion.py (leave-one-set-out over the training
question sets; the numbers are in the README):
- reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009) adds, for each ranker, its weight
  over (k + the sentence's rank in that ranker's list): ranks, not scores, so BM25's unbounded
  scores and cosines need no common scale. Its scores are squeezed together (1/6, 1/7, 1/8 …),
  which says little about how far behind the second sentence is;
- score fusion (CombSUM over min-max normalised scores) adds each ranker's weight times the
  sentence's score scaled to [0, 1] within that ranker's list. The quote stage reads these
  scores ("a later quote needs half the best"), so their gaps must mean something.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.ranking.protocol import Ranking

# Lists deeper than this add nothing a reader would be shown.
FUSION_DEPTH = 100


@dataclass(frozen=True, slots=True)
class Fused:
    sentence: int
    score: float


@dataclass(frozen=True)
class FusionWeights:
    k: float = 60.0  # reciprocal rank fusion's constant: how fast a lower rank stops counting
    weights: Mapping[str, float] | None = None  # ranker name -> weight; a ranker not named weighs 1
    by_score: bool = False  # True: score fusion; False: reciprocal rank fusion

    def weight(self, ranker: str) -> float:
        return 1.0 if self.weights is None else self.weights.get(ranker, 1.0)


def reciprocal_rank_fusion(rankings: Sequence[Ranking], fusion: FusionWeights = FusionWeights()) -> list[Fused]:
    """Sentences of any list, best fused score first (ties: the earlier sentence first)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        weight = fusion.weight(ranking.ranker)
        if weight == 0:
            continue
        for rank, sentence in enumerate(ranking.order[:FUSION_DEPTH], 1):
            scores[sentence] = scores.get(sentence, 0.0) + weight / (fusion.k + rank)
    return [Fused(sentence, score) for sentence, score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]


def score_fusion(rankings: Sequence[Ranking], fusion: FusionWeights) -> list[Fused]:
    """Each ranker's scores scaled to [0, 1] between its floor and its best, weighed and added;
    best first (ties: the earlier sentence first)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        weight = fusion.weight(ranking.ranker)
        if weight == 0 or not ranking.order:
            continue
        top = ranking.score(ranking.order[0])
        span = (top - ranking.floor) or 1.0
        for sentence in ranking.order:
            scaled = max(0.0, (ranking.score(sentence) - ranking.floor) / span)
            scores[sentence] = scores.get(sentence, 0.0) + weight * scaled
    return [Fused(sentence, score) for sentence, score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]


def fuse(rankings: Sequence[Ranking], fusion: FusionWeights) -> list[Fused]:
    return score_fusion(rankings, fusion) if fusion.by_score else reciprocal_rank_fusion(rankings, fusion)
