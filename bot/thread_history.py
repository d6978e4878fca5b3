"""A thread's earlier questions, for follow-ups: the one reader both chat platforms use.

Each front end fetches the last HISTORY_LIMIT messages before the new one in its own way and
hands them here, oldest first; which of them are questions is decided only here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Earlier messages read back from a thread. A short follow-up leans on the last question
# answered on its own; one further back than this is no longer what "and why?" refers to.
HISTORY_LIMIT = 50


@dataclass(frozen=True, slots=True)
class ThreadMessage:
    text: str  # as the platform sends it; `question_of` turns it into the question
    from_bot: bool


def earlier_questions(history: Iterable[ThreadMessage], question_of: Callable[[str], str]) -> list[str]:
    """People's messages as questions, oldest first, at most HISTORY_LIMIT; bots' and empty ones left out."""
    questions = [question for m in history if not m.from_bot and (question := question_of(m.text))]
    return questions[-HISTORY_LIMIT:]
