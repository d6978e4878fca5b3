"""JSON Lines files the bot appends to while it serves (unanswered, asked, feedback), and reading them back.

Several threads and several copies of the bot may append to one file: each line is one `write`
on a descriptor opened with O_APPEND, so lines never interleave. A failed write never fails the
reply it belongs to; it is logged once per file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


class AppendOnlyLog:
    def __init__(self, path: Path, *, name: str, lost: str) -> None:
        """`name` ("the feedback log") and `lost` ("votes are not recorded") make the one warning."""
        self.path = path
        self._name = name
        self._lost = lost
        # Taken once and never released: the first failure warns, once, whichever answering
        # thread hits it first (a full disk would otherwise log a warning per question).
        self._warning_given = threading.Lock()

    def append(self, record: Mapping[str, object]) -> bool:
        """Write one line; True when it was written."""
        line = json.dumps(record, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(descriptor, line.encode("utf-8"))
            finally:
                os.close(descriptor)
        except OSError as error:
            self.warn_once(error)
            return False
        return True

    def warn_once(self, error: OSError) -> None:
        if self._warning_given.acquire(blocking=False):
            logger.warning("cannot write %s %s (%s); replies go on, %s", self._name, self.path, error.strerror or error, self._lost)


def utc_time(value: object) -> dt.datetime:
    """A logged ISO 8601 time; one without a zone is UTC. Raises ValueError or TypeError."""
    time = dt.datetime.fromisoformat(str(value))
    return time if time.tzinfo is not None else time.replace(tzinfo=dt.timezone.utc)


def utc_now_text(now: dt.datetime | None = None) -> str:
    """The time a record is written, as logged: UTC, to the second."""
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def read_records(path: Path, parse: Callable[[dict[str, Any]], T | None]) -> tuple[list[T], int]:
    """The file's records in order (each JSON object a line, through `parse`), and how many lines
    were not one (a torn write, a hand edit: not JSON, or None from `parse`)."""
    found: list[T] = []
    skipped = 0
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError:
                value = None
            record = parse(value) if isinstance(value, dict) else None
            if record is None:
                skipped += 1
            else:
                found.append(record)
    return found, skipped
