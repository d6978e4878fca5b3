"""`python -m bot feedback [--since DATE] [--json]`: readers' votes, the answers with the most 👎 first,
and the questions asked often that nobody voted on."""

from __future__ import annotations

import argparse
import json

from bot import messages
from bot.cli.common import EXIT_OK, CommandFailed, add_command, day_argument, load_settings, open_store
from bot.feedback.report import FeedbackReport, RatedAnswer, RatedQuestion, build_feedback_report, quote_text
from bot.config import Settings
from bot.knowledge.base import KnowledgeBase
from bot.render.quote_marks import in_quote_marks
from bot.render.shorten import shorten
from bot.unanswered.report import utc_minute

UNRATED_SHOWN = 20
QUOTE_SHOWN = 160  # characters of each quote in the text report; --json has them whole


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "feedback", run, help="readers' votes: the answers with the most 👎 first, and questions asked often with no vote")
    parser.add_argument("--since", metavar="YYYY-MM-DD", type=day_argument, help="only votes and questions on or after this day (UTC)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _served_knowledge(settings: Settings) -> KnowledgeBase | None:
    """The articles now served, to show each quote's words; without them the references still show."""
    try:
        return open_store(settings, warn=False).current
    except CommandFailed:
        return None


def answer_dict(answer: RatedAnswer, knowledge: KnowledgeBase | None) -> dict[str, object]:
    return {
        "bad": answer.bad,
        "good": answer.good,
        "quotes": [
            {"article": q.article_id, "start": q.start, "end": q.end, "text": quote_text(knowledge, q)} for q in answer.quotes
        ],
    }


def rated_dict(question: RatedQuestion, knowledge: KnowledgeBase | None) -> dict[str, object]:
    group = question.group
    return {
        "bad": question.bad,
        "good": question.good,
        "example": group.example,
        "follows": group.example_follows,
        "questions": group.wordings,
        "platforms": group.frontends,
        "last_vote": group.last_asked.isoformat(timespec="seconds"),
        "answers": [answer_dict(answer, knowledge) for answer in question.answers],
    }


def report_json(report: FeedbackReport, knowledge: KnowledgeBase | None, logs: dict[str, str]) -> str:
    body = {
        **logs,
        "rated": [rated_dict(question, knowledge) for question in report.rated],
        "asked_without_votes": [group.as_dict() for group in report.unrated],
        "skipped_lines": report.skipped_lines,
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def rated_lines(question: RatedQuestion, knowledge: KnowledgeBase | None) -> list[str]:
    group = question.group
    wordings = len(group.wordings)
    also = f", {wordings} wordings" if wordings > 1 else ""
    lines = [f"👎 {question.bad:>3}  👍 {question.good:>3}  {group.example_line()}  (last vote {utc_minute(group.last_asked)} UTC{also})"]
    for answer in question.answers:
        if len(question.answers) > 1:
            lines.append(f"      this answer: 👎 {answer.bad}  👍 {answer.good}")
        for number, ref in enumerate(answer.quotes, 1):
            text = quote_text(knowledge, ref)
            shown = in_quote_marks(shorten(text, QUOTE_SHOWN)) if text is not None else messages.FEEDBACK_QUOTE_GONE
            lines.append(f"      {number}. {ref.article_id} [{ref.start}:{ref.end}] {shown}")
        if not answer.quotes:
            lines.append(f"      {messages.FEEDBACK_NO_QUOTES}")
    return lines


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    knowledge = _served_knowledge(settings)
    report = build_feedback_report(settings.feedback_log, settings.asked_log, args.since, knowledge)
    if args.json:
        print(report_json(report, knowledge, {"feedback_log": str(settings.feedback_log), "asked_log": str(settings.asked_log)}))
        return EXIT_OK
    window = f" since {args.since}" if args.since else ""
    if report.rated:
        print(messages.FEEDBACK_RATED_HEADING)
        for question in report.rated:
            print("\n".join(rated_lines(question, knowledge)))
    else:
        print(messages.FEEDBACK_NO_VOTES.format(since=window, path=settings.feedback_log))
    print()
    if report.unrated:
        print(messages.FEEDBACK_UNRATED_HEADING)
        for group in report.unrated[:UNRATED_SHOWN]:
            print(group.report_line())
    else:
        print(messages.FEEDBACK_NO_UNRATED.format(since=window, path=settings.asked_log))
    if report.skipped_lines:
        print(messages.UNANSWERED_SKIPPED.format(count=report.skipped_lines, s="" if report.skipped_lines == 1 else "s"))
    return EXIT_OK
