"""/good and /bad: the terminal's 👍 and 👎 for the answer just shown (Discord and Slack have buttons)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot import messages
from bot.command_table.model import Call, Command, Platform, Refusal
from bot.feedback.shown import Shown, can_be_rated, shown_by
from bot.feedback.votes import Vote
from bot.knowledge.store import KnowledgeStore


@dataclass(frozen=True, slots=True)
class Voted:
    vote: Vote
    saved: bool

    def reply(self) -> str:
        """What the voter is told, on every platform."""
        return messages.FEEDBACK_THANKS[self.vote] if self.saved else messages.FEEDBACK_NOT_SAVED


@dataclass(frozen=True, slots=True)
class NothingToRate(Refusal):
    """No answer about the articles was shown last (none yet, or small talk): nothing to rate."""


def _rate(vote: Vote) -> Callable[[KnowledgeStore, Call], Voted | NothingToRate]:
    def run(store: KnowledgeStore, call: Call) -> Voted | NothingToRate:
        if call.last_answer is None or not can_be_rated(call.last_answer):
            return NothingToRate()
        shown = shown_by(call.last_answer)
        return record(store, call.platform, call.user, shown, vote, shown.key())

    return run


def record(store: KnowledgeStore, platform: Platform, user: str, shown: Shown, vote: Vote, answer_key: str) -> Voted:
    """One vote into the feedback log, if the bot keeps one: the path /good, /bad and every 👍/👎
    press take. `user` is the platform's id for the voter, logged only as a salted hash."""
    log = store.feedback_log
    return Voted(vote, log is not None and log.record(platform, user, shown, vote, answer_key))


GOOD = Command(
    name="good",
    description="Tell the maintainers the last answer helped (again to change your vote).",
    handler=_rate(Vote.GOOD),
    platforms=frozenset({"terminal"}),
)
BAD = Command(
    name="bad",
    description="Tell the maintainers the last answer did not help (again to change your vote).",
    handler=_rate(Vote.BAD),
    platforms=frozenset({"terminal"}),
)
