"""The knowledge/ folder that ships passes `python -m bot check`, and no other test reads it.

The one test that reads knowledge/ itself: every other test reads the frozen copy in
tests/fixtures/knowledge (conftest.FIXTURE_KNOWLEDGE), so adding, correcting or swapping articles
never breaks them, and only a knowledge/ that the bot would refuse or half-serve fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from bot.config import BUNDLED_KNOWLEDGE
from tests.cli_helpers import run_bot
from tests.conftest import fast_and_full_date_scans_agree


def test_the_shipped_knowledge_folder_passes_check() -> None:
    result = run_bot("check", "--knowledge", str(BUNDLED_KNOWLEDGE))
    assert result.returncode == 0, (
        f"knowledge/ ({BUNDLED_KNOWLEDGE}), the folder the bot serves, fails `python -m bot check`; "
        f"fix what it names (the rest of the suite reads tests/fixtures/knowledge and is unaffected):\n{result.stdout}{result.stderr}"
    )
    assert "no problems" in result.stdout


def test_the_fast_date_scan_finds_what_a_full_scan_finds_in_the_shipped_articles() -> None:
    """The timeline's date scan skips positions where no date phrase can start; over the articles
    the bot serves it must find every phrase a scan of every position finds."""
    paths = sorted((BUNDLED_KNOWLEDGE / "articles").glob("*.md"))
    assert paths, f"no articles in {BUNDLED_KNOWLEDGE / 'articles'}"
    assert fast_and_full_date_scans_agree(paths) > 0


def _names_the_shipped_folder(path: Path) -> bool:
    """Whether a module imports or uses BUNDLED_KNOWLEDGE (comments and strings do not count)."""
    named = {"Name": "id", "alias": "name", "Attribute": "attr"}  # BUNDLED_KNOWLEDGE, its import, config.BUNDLED_KNOWLEDGE
    return any(
        getattr(node, named.get(type(node).__name__, ""), None) == "BUNDLED_KNOWLEDGE" for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def test_no_other_test_names_the_shipped_folder() -> None:
    """The isolation holds as tests are added: a test naming BUNDLED_KNOWLEDGE would read knowledge/
    again, and turn red the day a maintainer adds an article."""
    here = Path(__file__).resolve()
    offenders = [path.name for path in sorted(here.parent.rglob("*.py")) if path != here and _names_the_shipped_folder(path)]
    assert offenders == [], (
        f"{', '.join(offenders)} name BUNDLED_KNOWLEDGE, the live knowledge/ folder; tests read the frozen copy: "
        "use FIXTURE_KNOWLEDGE from tests.conftest, or the bundled_store / knowledge_copy fixtures"
    )
