"""tools/fit_answer_check.py keys each folder by its path: one folder given twice would have its
questions' rows overwrite each other, and is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.fit_answer_check import main

SET = Path(__file__).resolve().parents[1] / "eval" / "dev_qa.jsonl"


def test_a_folder_given_twice_is_refused_before_any_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "same10"
    folder.mkdir()
    with pytest.raises(SystemExit) as refused:
        main([str(SET), "--folder", str(folder), "--measure-at", str(folder / ".." / folder.name)])
    assert refused.value.code == 2
    assert "must be a different folder" in capsys.readouterr().err
