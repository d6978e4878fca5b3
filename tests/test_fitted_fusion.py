"""The fusion the bot ships is the one tools/fit_fusion.py --write keeps in bot/ranking/fusion.json,
so the three fitted pieces (fusion, learned order, answer check) are refitted in order by their
scripts alone; a file that is missing or hand-edited into nonsense leaves the fusion fitted before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.answers import PIPELINE
from bot.knowledge.store import KnowledgeStore
from bot.ranking.fitted_fusion import UNFITTED, FittedFusion, shipped_fusion

TOOLS = Path(__file__).resolve().parents[1] / "tools"
EVAL = Path(__file__).resolve().parents[1] / "eval"


def test_the_bot_ranks_with_the_fusion_the_file_holds() -> None:
    fitted = shipped_fusion()
    assert fitted.notes["fitted_by"] == "tools/fit_fusion.py"
    assert (PIPELINE.fusion, PIPELINE.following_quote_ratio) == (fitted.fusion, fitted.following_quote_ratio)
    assert FittedFusion.from_json(fitted.to_json()) == fitted


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({"weights": {"meaning": -1.0}}, "weight must be a number of at least 0"),
        ({"weights": {"meaning": "NaN"}}, "weight must be a number of at least 0"),
        ({"following_quote_ratio": 0.0}, "following_quote_ratio must be above 0"),
        ({"k": 0}, "k must be a number above 0"),
        ({"by_score": "yes"}, "by_score must be true or false"),
    ],
)
def test_a_hand_edited_file_that_cannot_rank_leaves_the_fusion_before_in_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, edit: dict[str, object], said: str
) -> None:
    edited = tmp_path / "fusion.json"
    edited.write_text(json.dumps({**json.loads(shipped_fusion().to_json()), **edit}), encoding="utf-8")
    assert shipped_fusion(edited) == UNFITTED
    (line,) = [record.getMessage() for record in caplog.records]
    assert str(edited) in line and said in line and "score fusion with the meaning weighed 1 stands" in line


def test_a_missing_file_is_said_in_one_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert shipped_fusion(tmp_path / "fusion.json") == UNFITTED
    (line,) = [record.getMessage() for record in caplog.records]
    assert line.endswith(f": {tmp_path / 'fusion.json'} is missing; score fusion with the meaning weighed 1 stands")


def test_fit_fusion_writes_the_setting_it_fitted_for_the_bot_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], bundled_store: KnowledgeStore
) -> None:
    """Two settings on the dev set: --write keeps the one the script says it fitted on all the
    sets, in a file the bot's loader reads back as that setting's fusion and later quotes' share."""
    monkeypatch.syspath_prepend(str(TOOLS))
    import fit_fusion

    kept = {label: fit_fusion.SETTINGS[label] for label in ("score, meaning 0.5, later quotes 0.7", "rank, k 60, meaning 2")}
    monkeypatch.setattr(fit_fusion, "SETTINGS", kept)
    monkeypatch.setattr(fit_fusion, "build_knowledge_base", lambda folder: bundled_store.current)  # the tests' frozen story
    written = tmp_path / "fusion.json"
    monkeypatch.setattr(fit_fusion, "FUSION_FILE", written)
    assert fit_fusion.main(["--write", str(EVAL / "dev_qa.jsonl")]) == 0
    chosen = capsys.readouterr().out.split("fitted on all: ")[1].splitlines()[0]
    fitted = shipped_fusion(written)
    assert fitted.notes["setting"] == chosen and fitted.notes["sets"] == ["dev_qa"]
    assert (fitted.fusion, fitted.following_quote_ratio) == (kept[chosen].fusion, kept[chosen].following_quote_ratio)
