"""Names close to one that was not recognised, for a "did you mean …?": a misspelt setting
(DISCORD_BOT_TOKEN for DISCORD_TOKEN) or a misspelt field of a knowledge file (example_nmaes for
example_names) is otherwise ignored or reported without the name meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CLOSE_ENOUGH = 0.8  # difflib's ratio: DISCORD_BOT_TOKEN to DISCORD_TOKEN is 0.87, SLACK_TOKEN to SLACK_BOT_TOKEN 0.85
OFFERED = 3


def close_names(name: str, known: Iterable[str]) -> list[str]:
    """The known names most like `name`, best first, none when none is close enough."""
    return difflib.get_close_matches(name, list(known), n=OFFERED, cutoff=CLOSE_ENOUGH)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """"did you mean example_names?" (or "… A or B?"), or "" when no known name is close."""
    close = close_names(name, known)
    return f"did you mean {' or '.join(close)}?" if close else ""
