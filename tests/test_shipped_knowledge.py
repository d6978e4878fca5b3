"""The knowledge/ folder that ships passes `python -m bot check`.

The one test that reads knowledge/ itself: every other test reads the frozen copy in
tests/fixtures/knowledge (conftest.FIXTURE_KNOWLEDGE), so adding, correcting or swapping articles
never breaks them, and only a knowledge/ that the bot would refuse or half-serve fails here.
"""

from __future__ import annotations

from bot.config import BUNDLED_KNOWLEDGE
from tests.cli_helpers import run_bot


def test_the_shipped_knowledge_folder_passes_check() -> None:
    result = run_bot("check", "--knowledge", str(BUNDLED_KNOWLEDGE))
    assert result.returncode == 0, (
        f"knowledge/ ({BUNDLED_KNOWLEDGE}), the folder the bot serves, fails `python -m bot check`; "
        f"fix what it names (the rest of the suite reads tests/fixtures/knowledge and is unaffected):\n{result.stdout}{result.stderr}"
    )
    assert "no problems" in result.stdout
