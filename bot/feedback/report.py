"""The feedback report for maintainers: the answers readers rated, most 👎 first, with their quotes,
and the questions asked often that nobody voted on. Near-identical questions are folded as the
unanswered report folds them (bot.unanswered.report)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from bot.context import ContextRef, find_quote
from bot.feedback.asked import AskedRecord, read_asked
from bot.feedback.votes import Vote, VoteRecord, latest_votes, read_votes
from bot.knowledge.base import KnowledgeBase
from bot.unanswered.report import Group, fold_questions, since


@dataclass(frozen=True)
class RatedAnswer:
    """One answer (a question's wording and the quotes it showed) with each voter's last vote."""

    votes: list[VoteRecord]

    @property
    def good(self) -> int:
        return sum(vote.vote is Vote.GOOD for vote in self.votes)

    @property
    def bad(self) -> int:
        return sum(vote.vote is Vote.BAD for vote in self.votes)

    @property
    def quotes(self) -> tuple[ContextRef, ...]:
        return max(self.votes, key=lambda vote: vote.time).quotes


@dataclass(frozen=True)
class RatedQuestion:
    """Near-identical questions and the answers they got, worst rated first."""

    group: Group[VoteRecord]
    answers: list[RatedAnswer]

    @property
    def good(self) -> int:
        return sum(answer.good for answer in self.answers)

    @property
    def bad(self) -> int:
        return sum(answer.bad for answer in self.answers)


@dataclass(frozen=True)
class FeedbackReport:
    rated: list[RatedQuestion]  # most 👎 first, then fewest 👍
    unrated: list[Group[AskedRecord]]  # asked most often first, never voted on
    skipped_lines: int


def build_feedback_report(
    feedback_log: Path, asked_log: Path, day: dt.date | None = None, knowledge: KnowledgeBase | None = None
) -> FeedbackReport:
    """Missing logs are empty ones. `knowledge` lets typos fold as the answerer reads them."""
    votes, skipped = read_votes(feedback_log) if feedback_log.is_file() else ([], 0)
    asked, skipped_asked = read_asked(asked_log) if asked_log.is_file() else ([], 0)
    follows = {record.answer: record.follows for record in asked if record.follows}
    counted = [replace(vote, follows=follows.get(vote.answer)) for vote in latest_votes(since(votes, day))]
    rated = [_rated(group) for group in fold_questions(counted, knowledge)]
    rated.sort(key=lambda question: (-question.bad, question.good, -question.group.last_asked.timestamp()))
    voted = {vote.answer for vote in counted}
    unrated = [g for g in fold_questions(since(asked, day), knowledge) if not any(a.answer in voted for a in g.entries)]
    return FeedbackReport(rated, unrated, skipped + skipped_asked)


def _rated(group: Group[VoteRecord]) -> RatedQuestion:
    by_answer: dict[str, list[VoteRecord]] = {}
    for vote in group.entries:
        by_answer.setdefault(vote.answer, []).append(vote)
    answers = sorted((RatedAnswer(v) for v in by_answer.values()), key=lambda a: (-a.bad, a.good))
    return RatedQuestion(group, answers)


def quote_text(knowledge: KnowledgeBase | None, ref: ContextRef) -> str | None:
    """The quote's words in the articles now served, wherever its text moved; None when it is gone
    (or the knowledge is unknown)."""
    if knowledge is None:
        return None
    quote = find_quote(knowledge, ref)
    return quote.text if quote is not None else None
