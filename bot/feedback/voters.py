"""A voter as a salted hash: the same person gives the same value on every copy of the bot and
after a restart, and the log never holds a user id, even as a plain digest anyone could recompute.

The salt is BOT_FEEDBACK_SALT, else a random one in a file beside the feedback log, created once
by whichever copy of the bot gets there first.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

VOTER_CHARS = 32


def voter_hash(salt: bytes, platform: str, user: str) -> str:
    """`user` is the platform's id for the person (on Slack, team and user); never logged as such."""
    return hmac.new(salt, f"{platform}:{user}".encode(), hashlib.sha256).hexdigest()[:VOTER_CHARS]


def salt_file_beside(log: Path) -> Path:
    return log.with_name(log.stem + ".salt")


def read_or_create_salt(path: Path) -> bytes:
    """The salt in `path`, created if missing. Creation writes a temporary file and links it into
    place, so a copy of the bot starting at the same moment reads a whole salt or makes none.
    Raises OSError when the folder cannot be written."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, secrets.token_hex(32).encode("ascii"))
        finally:
            os.close(descriptor)
        try:
            os.link(temporary, path)  # fails if another copy made it first: theirs is kept
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_bytes().strip()
