"""The fitted models' shared file format (bot/ranking/standardised.py): a hand-edited file that
would score inf or NaN is refused in one line naming the file, and the bot keeps its rule."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from bot.ranking.answer_check import DeclineModel, shipped_model
from bot.ranking.learned import LearnedRanking, shipped_ranking
from bot.ranking.standardised import StandardisedLinear

Loader = Callable[..., DeclineModel | LearnedRanking | None]

SHIPPED = [(shipped_model, "answer_check.json", "threshold rule decides"), (shipped_ranking, "learned_ranking.json", "fused order stands")]


@pytest.mark.parametrize(("load", "name", "instead"), SHIPPED)
@pytest.mark.parametrize("scale", [0.0, -1.0, "NaN"])
def test_a_scale_that_is_no_positive_number_leaves_the_rule(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, load: Loader, name: str, instead: str, scale: object
) -> None:
    model = load()
    assert model is not None
    data = json.loads(model.to_json())
    data["scale"][0] = scale
    edited = tmp_path / name
    edited.write_text(json.dumps(data), encoding="utf-8")
    assert load(edited) is None
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 1 and "\n" not in lines[0]
    assert str(edited) in lines[0] and "scale must be a number above 0" in lines[0] and instead in lines[0]


@pytest.mark.parametrize(("load", "name", "instead"), SHIPPED)
def test_a_missing_model_file_is_said_in_one_line(tmp_path: Path, caplog: pytest.LogCaptureFixture, load: Loader, name: str, instead: str) -> None:
    assert load(tmp_path / name) is None
    (line,) = [record.getMessage() for record in caplog.records]
    assert line.endswith(f": {tmp_path / name} is missing; the {instead}")


def test_the_shared_model_scores_rows_and_named_values_alike() -> None:
    model = StandardisedLinear(("a", "b"), (1.0, 0.0), (2.0, 0.5), (1.0, -1.0))
    assert model.score({"a": 3.0, "b": 1.0}) == pytest.approx(1.0 - 2.0)
    assert model.scores(np.array([[3.0, 1.0], [1.0, 0.0]])).tolist() == pytest.approx([-1.0, 0.0])
    with pytest.raises(ValueError, match="differ in length"):
        StandardisedLinear(("a",), (1.0, 0.0), (2.0,), (1.0,))
