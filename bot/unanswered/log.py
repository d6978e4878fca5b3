"""Appends each declined question to a JSON Lines file, without ever failing the reply it belongs to.

A record holds the time (UTC), the front end, the question and how close the nearest passage came;
never a user id, name or channel, so the file can be shared with whoever curates the articles.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bot.answers import Answer, Declined
from bot.jsonl import AppendOnlyLog, utc_now_text
from bot.search.chat_markup import MENTION


# Platform mention markup names people, roles and channels: <@U123|ann>, <@!123>, <@&456>,
# <#C789|secret-merger>, <#789>, <!subteam^S1|@team>, <!channel>; and @everyone, @here.
# Slack slash commands pass names as plain text ("@ann", "#secret-merger"), and anyone may type
# an e-mail address: those name people and channels too.
_MENTION_MARKUP = re.compile(
    MENTION.pattern
    + r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    + r"|(?<![\w&])[@#][a-z][\w.-]*",  # @ann, @everyone, #secret-merger; not "mistake #1" or "AT&T"
    re.IGNORECASE,
)


def without_mentions(question: str) -> str:
    """The question with every mention of a user, role or channel taken out, for a log others read."""
    return " ".join(_MENTION_MARKUP.sub(" ", question).split())


def is_recorded(answer: Answer) -> bool:
    """Only questions the articles did not cover; empty or too long ones are usage mistakes, not gaps."""
    return not answer.answered and answer.declined is Declined.NOT_COVERED


def record_for(answer: Answer, frontend: str, now: dt.datetime) -> dict[str, object]:
    # A plain decline shows no passage, but how close the nearest came is the maintainer's measure all the same.
    nearest = answer.closest or answer.withheld
    closest = nearest[0].score if nearest else 0.0
    return {
        "time": utc_now_text(now),
        "frontend": frontend,
        "question": without_mentions(answer.question),
        "best_score": round(closest, 4),
        "coverage": round(answer.coverage, 4),
        # "and why?" alone says nothing: the earlier question it was read with says what was asked.
        **({"follows": without_mentions(answer.read_with)} if answer.read_with else {}),
    }


class UnansweredLog:
    """The log file of one running bot; several copies of the bot may append to the same file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = AppendOnlyLog(path, name="the unanswered-questions log", lost="declined questions are not logged")

    def record(self, answer: Answer, frontend: str, now: dt.datetime | None = None) -> bool:
        """Append the answer if it was declined as not covered; True when a line was written."""
        if not is_recorded(answer):
            return False
        return self._file.append(record_for(answer, frontend, now or dt.datetime.now(dt.timezone.utc)))
