"""Where the bot keeps what it can make again but would rather not: sentence vectors and the
model's unpacked weights. Losing the folder costs the next start some time, never an answer."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

CACHE_ENV = "BOT_EMBEDDING_CACHE"


def default_cache_folder() -> Path:
    """BOT_EMBEDDING_CACHE, else the user's cache folder (XDG_CACHE_HOME or ~/.cache)/talks-bot."""
    if configured := os.environ.get(CACHE_ENV, "").strip():
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return Path(base) / "talks-bot"


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a cache file through a temporary file in the same folder and one rename: another
    process starting at the same moment reads the old file or the new one, never half of either.
    Raises OSError (a read-only or full disk) for the caller to shrug off."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
