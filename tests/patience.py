"""How long a test waits on another process (the bot as a subprocess, a server it starts) or on
a reply through the platform fakes before calling it hung.

The waits are reached only when something is wrong, so they are generous: on a loaded machine
(load above ten on two cores) a new interpreter that loads the model and the knowledge took
over 20 s. BOT_TEST_WAIT_SECONDS sets it for a slower machine; it stays finite, so a hung
process still fails its test instead of stalling the suite.
"""

from __future__ import annotations

import os

DEFAULT_WAIT_SECONDS = 90.0


def _wait_seconds(setting: str | None) -> float:
    if setting is None or not setting.strip():
        return DEFAULT_WAIT_SECONDS
    try:
        seconds = float(setting)
    except ValueError:
        raise ValueError(f"BOT_TEST_WAIT_SECONDS={setting!r} is not a number of seconds") from None
    if not 0 < seconds < float("inf"):
        raise ValueError(f"BOT_TEST_WAIT_SECONDS={setting!r} must be a positive, finite number of seconds")
    return seconds


WAIT_SECONDS = _wait_seconds(os.environ.get("BOT_TEST_WAIT_SECONDS"))
