"""Every question readers ask about the articles, appended to the asked log (BOT_ASKED_LOG), so the feedback report
can name what is asked often but never voted on: questions about the articles only (small talk and
empty questions get no buttons). A line holds the time, the platform, the question (mentions
taken out), whether it was answered and the answer's key; nobody's id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.answers import Answer
from bot.feedback.shown import can_be_rated, shown_by
from bot.jsonl import AppendOnlyLog, read_records, utc_now_text, utc_time
from bot.unanswered.log import without_mentions

# Questions from the command line (`python -m bot ask`, scripts and batches) are not readers'.
READER_FRONTENDS = frozenset({"terminal", "discord", "slack"})


@dataclass(frozen=True, slots=True)
class AskedRecord:
    time: dt.datetime
    frontend: str
    question: str
    answered: bool
    answer: str  # the answer's key (bot.feedback.shown)
    follows: str | None = None  # the earlier question a follow-up was read with


class AskedLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = AppendOnlyLog(path, name="the asked-questions log", lost="asked questions are not logged")

    def record(self, answer: Answer, frontend: str, now: dt.datetime | None = None) -> bool:
        # Only answers readers can vote on: "hello" asked often is no gap in the votes.
        if frontend not in READER_FRONTENDS or not can_be_rated(answer):
            return False
        shown = shown_by(answer)
        return self._file.append({
            "time": utc_now_text(now),
            "platform": frontend,
            "question": shown.question,
            "answered": answer.answered,
            "answer": shown.key(),
            **({"follows": without_mentions(answer.read_with)} if answer.read_with else {}),
        })


def read_asked(path: Path) -> tuple[list[AskedRecord], int]:
    """Every asked question in the log, in the order written, and how many lines could not be read."""
    return read_records(path, _parse)


def _parse(data: dict[str, Any]) -> AskedRecord | None:
    try:
        follows = str(data["follows"]) if data.get("follows") else None
        return AskedRecord(
            utc_time(data["time"]), str(data.get("platform", "?")), str(data["question"]), bool(data["answered"]), str(data["answer"]), follows
        )
    except (ValueError, KeyError, TypeError):
        return None
