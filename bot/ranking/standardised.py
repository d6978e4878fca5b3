"""A linear model over standardised features, as the fitted models beside this module keep it.

The learned re-ranking (learned_ranking.json) and the answer check (answer_check.json) both weigh
named features, each shifted by its mean and divided by its scale as the fitting tool measured
them. This is that model's shared part: its numbers, their validation, its JSON fields, and the
loader that leaves the bot running on its rule when a file is missing or hand-edited into nonsense.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

logger = logging.getLogger(__name__)

Matrix = npt.NDArray[np.float64]
Model = TypeVar("Model")
LINEAR_FIELDS = ("features", "mean", "scale", "weights")


@dataclass(frozen=True)
class StandardisedLinear:
    """sum of weight * (value - mean) / scale over the named features."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]

    def __post_init__(self) -> None:
        if not len(self.mean) == len(self.scale) == len(self.weights) == len(self.features):
            raise ValueError("features, mean, scale and weights differ in length")
        # A scale of 0 (or a hand-edited negative one) divides into inf or NaN, or flips a weight's sign.
        bad = [f"{name} {scale}" for name, scale in zip(self.features, self.scale) if not (math.isfinite(scale) and scale > 0)]
        if bad:
            raise ValueError(f"a scale must be a number above 0: {', '.join(bad)}")

    def score(self, values: dict[str, float]) -> float:
        """The model's sum for one row of named values."""
        return sum(w * (values[name] - m) / s for name, m, s, w in zip(self.features, self.mean, self.scale, self.weights))

    def scores(self, matrix: Matrix) -> Matrix:
        """The model's sum for each row of a matrix whose columns are already in self.features' order."""
        return ((matrix - np.array(self.mean)) / np.array(self.scale)) @ np.array(self.weights)

    def linear_json(self) -> dict[str, Any]:
        return {"features": self.features, "mean": self.mean, "scale": self.scale, "weights": self.weights}


def linear_fields(data: dict[str, Any], known: Collection[str]) -> dict[str, tuple[Any, ...]]:
    """The four fields read from a model file's JSON, its feature names checked against those the bot computes."""
    names = tuple(data["features"])
    unknown = set(names) - set(known)
    if unknown:
        raise ValueError(f"features the bot does not compute: {sorted(unknown)}")
    return {"features": names, **{key: tuple(float(v) for v in data[key]) for key in LINEAR_FIELDS[1:]}}


def load_model(path: Path, parse: Callable[[str], Model], what: str, instead: str) -> Model | None:
    """The model in the file; None, said once in one line naming the file, if it is missing or broken."""
    try:
        return parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        logger.warning("%s: %s is missing; %s", what, path, instead)
    except (OSError, ValueError, KeyError, TypeError) as error:
        logger.warning("%s: %s cannot be used (%s); %s", what, path, error, instead)
    return None

