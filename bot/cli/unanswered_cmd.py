"""`python -m bot unanswered [--since DATE] [--json]`: the questions nobody could answer, most frequent first."""

from __future__ import annotations

import argparse
import json

from bot import messages
from bot.cli.common import EXIT_OK, CommandFailed, add_command, day_argument, load_settings, open_store
from bot.config import Settings
from bot.knowledge.base import KnowledgeBase
from bot.unanswered.report import build_report, unanswered_dict


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "unanswered", run, help="list declined questions, near-duplicates folded, most frequent first")
    parser.add_argument("--since", metavar="YYYY-MM-DD", type=day_argument, help="only questions asked on or after this day (UTC)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


ABSENT_WORDS_SHOWN = 20


def _served_knowledge(settings: Settings) -> tuple[KnowledgeBase | None, str | None]:
    """The knowledge the bot serves, to name the words no article uses, or why it cannot: the log
    is still listed without it (the questions are worth having either way)."""
    try:
        knowledge = open_store(settings, warn=False).current
    except CommandFailed as failure:
        return None, messages.UNANSWERED_NO_KNOWLEDGE.format(reason=failure)
    if not knowledge.articles:
        return None, messages.UNANSWERED_NO_ARTICLES  # every word would be "used by no article"
    return knowledge, None


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    path = settings.bot_unanswered_log
    if not path.is_file():
        if args.json:
            print(json.dumps({"log": str(path), "questions": [], "skipped_lines": 0}, indent=2))
        else:
            print(messages.UNANSWERED_NO_LOG.format(path=path))
        return EXIT_OK
    knowledge, no_words_because = _served_knowledge(settings)
    report = build_report(path, args.since, knowledge)
    if args.json:
        words = None if knowledge is None else [{"word": word, "questions": count} for word, count in report.absent_words]
        other = None if knowledge is None else report.other_language
        body = {
            "log": str(path),
            "questions": [unanswered_dict(g) for g in report.groups],
            "words_in_no_article": words,
            "in_another_language": other,
            "skipped_lines": report.skipped_lines,
        }
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not report.groups:
        print(messages.UNANSWERED_NONE.format(since=f" since {args.since}" if args.since else "", path=path))
    else:
        print("count  last asked              example question")
        for group in report.groups:
            print(group.report_line())
    if report.absent_words or report.other_language:
        print()
        print(messages.UNANSWERED_ABSENT_WORDS)
        for word, count in report.absent_words[:ABSENT_WORDS_SHOWN]:
            print(f"{count:>4}  {word}")
        if report.other_language:
            print(f"{len(report.other_language):>4}  {messages.UNANSWERED_OTHER_LANGUAGE}")
    elif no_words_because is not None and report.groups:
        print()
        print(no_words_because)
    if report.skipped_lines:
        print(messages.UNANSWERED_SKIPPED.format(count=report.skipped_lines, s="" if report.skipped_lines == 1 else "s"))
    return EXIT_OK
