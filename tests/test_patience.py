"""The suite's waits on other processes: generous, settable, and never endless."""

from __future__ import annotations

import pytest

from tests.patience import DEFAULT_WAIT_SECONDS, _wait_seconds


def test_the_wait_is_generous_by_default_and_settable() -> None:
    assert _wait_seconds(None) == _wait_seconds("") == DEFAULT_WAIT_SECONDS >= 60
    assert _wait_seconds("240") == 240.0


@pytest.mark.parametrize("setting", ["inf", "0", "-5", "nan", "a minute"])
def test_a_wait_that_could_never_end_or_is_no_number_is_refused_by_name(setting: str) -> None:
    with pytest.raises(ValueError, match="BOT_TEST_WAIT_SECONDS="):
        _wait_seconds(setting)
