"""The fusion the bot ships, as tools/fit_fusion.py fitted it: fusion.json beside this module.

The fusion (score or reciprocal rank fusion, each ranker's weight) and the share of the best
score a later quote needs are chosen together by tools/fit_fusion.py on every question set, and
the learned order and the answer check are fitted over them afterwards. Keeping the choice in a
file the script writes (`--write`), as the other two keep theirs, lets the three be refitted in
order by their scripts alone: none is left fitted over a fusion the bot no longer uses.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from bot.ranking.fusion import FusionWeights
from bot.ranking.standardised import load_model

FUSION_FILE = Path(__file__).with_name("fusion.json")


@dataclass(frozen=True)
class FittedFusion:
    fusion: FusionWeights
    # Later quotes must score at least this share of the first, or they are noise.
    following_quote_ratio: float
    notes: dict[str, object] = field(default_factory=dict, compare=False)  # how and on what it was fitted

    def __post_init__(self) -> None:
        weights = dict(self.fusion.weights or {})
        # A hand-edited file must not turn into NaN scores or a list that never ends its quotes.
        if not all(isinstance(name, str) and math.isfinite(w) and w >= 0 for name, w in weights.items()):
            raise ValueError(f"a ranker's weight must be a number of at least 0: {weights}")
        if not (math.isfinite(self.fusion.k) and self.fusion.k > 0):
            raise ValueError(f"k must be a number above 0: {self.fusion.k}")
        if not 0 < self.following_quote_ratio <= 1:
            raise ValueError(f"following_quote_ratio must be above 0 and at most 1: {self.following_quote_ratio}")

    def to_json(self) -> str:
        fusion = self.fusion
        data = {"by_score": fusion.by_score, "k": fusion.k, "weights": dict(fusion.weights or {}), "following_quote_ratio": self.following_quote_ratio}
        return json.dumps({**data, "notes": self.notes}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> FittedFusion:
        data: dict[str, Any] = json.loads(text)
        if not isinstance(data["by_score"], bool):
            raise ValueError(f"by_score must be true or false: {data['by_score']}")
        weights = {str(name): float(w) for name, w in dict(data["weights"]).items()}
        fusion = FusionWeights(k=float(data["k"]), weights=weights, by_score=data["by_score"])
        return cls(fusion, float(data["following_quote_ratio"]), notes=data.get("notes", {}))


# Without the file: the fusion fitted before it was kept in one (score fusion, the meaning weighed
# as much as the words, later quotes at half the best).
UNFITTED = FittedFusion(FusionWeights(weights={"meaning": 1.0}, by_score=True), 0.5)


@cache
def shipped_fusion(path: Path = FUSION_FILE) -> FittedFusion:
    """The fitted fusion the bot ships; UNFITTED (said once) if the file is missing or broken."""
    return load_model(path, FittedFusion.from_json, "Fusion", "score fusion with the meaning weighed 1 stands") or UNFITTED
