"""Readers' votes on answers, appended to the feedback log (BOT_FEEDBACK_LOG) one JSON object a line.

A line holds the time (UTC), the platform, the question, the quotes shown (article id and
offsets), the vote, the answer's key and the voter as a salted hash (bot.feedback.voters); no
names, user ids or channel ids. The log only grows: pressing again appends a new vote, and
readers of the log keep each voter's last vote on an answer (`latest_votes`), so a change of
mind counts once wherever and whenever it was made.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.context import ContextRef
from bot.feedback.shown import Shown, is_key
from bot.feedback.voters import read_or_create_salt, salt_file_beside, voter_hash
from bot.jsonl import AppendOnlyLog, read_records, utc_now_text, utc_time
from bot.unanswered.log import without_mentions

logger = logging.getLogger(__name__)


class Vote(enum.StrEnum):
    GOOD = "good"
    BAD = "bad"


@dataclass(frozen=True, slots=True)
class VoteRecord:
    time: dt.datetime
    frontend: str
    question: str
    quotes: tuple[ContextRef, ...]
    vote: Vote
    voter: str
    answer: str  # the answer's key (bot.feedback.shown)
    # The earlier question a follow-up was read with: not in the vote's line (a button carries no
    # more than the answer's key and quotes) but in the asked log's line for the same answer key.
    follows: str | None = None


class FeedbackLog:
    """The feedback log of one running bot; several copies may append to the same file."""

    def __init__(self, path: Path, salt: bytes | None = None) -> None:
        """`salt`: BOT_FEEDBACK_SALT; without it, the file beside the log (read or made at the first vote)."""
        self.path = path
        self._file = AppendOnlyLog(path, name="the feedback log", lost="votes are not recorded")
        self._salt = salt
        self._salt_lock = threading.Lock()

    def salt(self) -> bytes:
        with self._salt_lock:
            if self._salt is None:
                self._salt = read_or_create_salt(salt_file_beside(self.path))
            return self._salt

    def record(self, platform: str, user: str, shown: Shown, vote: Vote, answer_key: str, now: dt.datetime | None = None) -> bool:
        """Append one vote; True when it was written. `answer_key` is the one the button carried."""
        try:
            voter = voter_hash(self.salt(), platform, user)
        except OSError as error:
            self._file.warn_once(error)
            return False
        record = {
            "time": utc_now_text(now),
            "platform": platform,
            "question": without_mentions(shown.question),  # whoever read it back, no names in the log
            "quotes": shown.quotes_json(),
            "vote": vote.value,
            "voter": voter,
            "answer": answer_key,
        }
        return self._file.append(record)


def read_votes(path: Path) -> tuple[list[VoteRecord], int]:
    """Every vote in the log, in the order written, and how many lines could not be read."""
    return read_records(path, _parse)


def _parse(data: dict[str, Any]) -> VoteRecord | None:
    try:
        quotes = tuple(ContextRef(str(q["article"]), int(q["start"]), int(q["end"]), str(q.get("checksum", ""))) for q in data.get("quotes") or ())
        answer = str(data["answer"])
        if not is_key(answer):
            return None
        return VoteRecord(
            utc_time(data["time"]), str(data.get("platform", "?")), str(data["question"]), quotes, Vote(data["vote"]), str(data["voter"]), answer
        )
    except (ValueError, KeyError, TypeError):
        return None


def latest_votes(votes: Iterable[VoteRecord]) -> list[VoteRecord]:
    """Each voter's last vote on each answer: a second press replaces the first."""
    last: dict[tuple[str, str], VoteRecord] = {}
    for vote in sorted(votes, key=lambda v: v.time):  # stable: same-second votes keep the log's order
        last[(vote.answer, vote.voter)] = vote
    return list(last.values())
