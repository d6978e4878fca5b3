"""Where the bot keeps what it can make again but would rather not: sentence vectors and the
model's unpacked weights. Losing the folder costs the next start some time, never an answer.
Every file the bot writes is written whole here (write_atomically), imported articles too."""

from __future__ import annotations

import os
import secrets
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
    """Write a file through a temporary file in the same folder and one rename: another process
    starting at the same moment reads the old file or the new one, never half of either, and the
    live-reload watcher never sees the temporary one (a dot file). Serves the caches and `import`'s
    articles alike. The file gets the mode any new file of the user's gets (tempfile.mkstemp's is
    the owner's alone: a cache shared by two users, or an article the bot's service user reads,
    could not be read). Raises OSError (a read-only or full disk) for the caller to shrug off."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.stem}.{secrets.token_hex(6)}.tmp")  # unique: two writers never share one
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
