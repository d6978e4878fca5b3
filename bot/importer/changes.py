"""What an import with --replace changes in a file it replaces: the lines that differ, so a
maintainer sees a correction, or an article that was not the one meant, before the bot quotes it."""

from __future__ import annotations

import difflib
from pathlib import Path

# The changed lines shown at the most; a whole new article is hundreds, and the count says the rest.
MOST_CHANGED_LINES = 20


def changed_lines(before: str, after: str, most: int = MOST_CHANGED_LINES) -> tuple[list[str], int]:
    """The lines (front matter and paragraphs) that went ("- …") and came ("+ …"), in file order,
    at most `most` of them, and how many more there were. Blank lines are left out: they only
    separate paragraphs."""
    old = [line for line in before.splitlines() if line.strip()]
    new = [line for line in after.splitlines() if line.strip()]
    changed = [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "-+" and not line.startswith(("---", "+++"))
    ]
    return [f"{line[0]} {line[1:]}" for line in changed[:most]], max(0, len(changed) - most)


def read_before(path: Path) -> str | None:
    """The replaced file's text as it was, or None when it cannot be read (then no change is shown)."""
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
