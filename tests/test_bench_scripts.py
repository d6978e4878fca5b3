"""Every bench script reads its command line with argparse: `--help` says what it measures and
what it takes, and a bad argument is one line of usage, never a traceback or a run."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

SCRIPTS = sorted((PROJECT_ROOT / "bench").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_help_describes_the_script_and_runs_nothing(script: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # `bench/said_accuracy.py --help` read "--help" as the marked file and printed a traceback;
    # others ran their whole measurement (review).
    monkeypatch.setattr(sys, "argv", [str(script), "--help"])
    with pytest.raises(SystemExit) as stopped:
        runpy.run_path(str(script), run_name="__main__")
    assert stopped.value.code == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"usage: {script.name}")
    assert (script.read_text(encoding="utf-8").split('"""')[1].split()[0]) in printed  # the docstring's first words


def test_said_accuracy_names_a_marked_file_that_is_not_there(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "marked.yaml"
    monkeypatch.setattr(sys, "argv", ["said_accuracy.py", str(missing)])
    with pytest.raises(SystemExit) as stopped:
        runpy.run_path(str(PROJECT_ROOT / "bench" / "said_accuracy.py"), run_name="__main__")
    assert stopped.value.code == 2
    assert f"{missing}: no such file" in capsys.readouterr().err
