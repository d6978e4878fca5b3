"""A voter as a salted hash: the same person gives the same value on every copy of the bot and
after a restart, and the log never holds a user id, even as a plain digest anyone could recompute.

The salt is BOT_FEEDBACK_SALT, else a random one in a file beside the feedback log, created once
by whichever copy of the bot gets there first.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import secrets
from pathlib import Path

VOTER_CHARS = 32
# A salt this short or shorter could be found by trying every one against a voter whose id is
# known (one's own vote), and with it every other voter's hash: the file's is 64 characters.
SHORTEST_SALT = 16


def voter_hash(salt: bytes, platform: str, user: str) -> str:
    """`user` is the platform's id for the person (on Slack, team and user); never logged as such."""
    return hmac.new(salt, f"{platform}:{user}".encode(), hashlib.sha256).hexdigest()[:VOTER_CHARS]


def salt_file_beside(log: Path) -> Path:
    return log.with_name(log.stem + ".salt")


def read_or_create_salt(path: Path) -> bytes:
    """The salt in `path`, created if missing. Creation writes a temporary file and links it into
    place, so a copy of the bot starting at the same moment reads a whole salt or makes none.
    Raises OSError when the folder cannot be written, or the file holds a salt too short to hide
    anyone (emptied by hand, say): votes are then not recorded rather than weakly hashed."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            try:
                content = secrets.token_hex(32).encode("ascii")
                if os.write(descriptor, content) != len(content):  # a full disk writes part
                    raise OSError(errno.ENOSPC, "the salt could not be written whole")
            finally:
                os.close(descriptor)
            os.link(temporary, path)  # fails if another copy made it first: theirs is kept
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
    salt = path.read_bytes().strip()
    if len(salt) < SHORTEST_SALT:
        raise OSError(errno.EINVAL, f"the salt in {path} is shorter than {SHORTEST_SALT} characters; delete the file to make a new one")
    return salt
