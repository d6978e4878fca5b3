"""`python -m bot unanswered [--since DATE] [--json]`: the questions nobody could answer, most frequent first."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from bot import messages
from bot.cli.common import EXIT_OK, add_command, load_settings
from bot.unanswered.report import Group, build_report


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "unanswered", run, help="list declined questions, near-duplicates folded, most frequent first", knowledge=False)
    parser.add_argument("--since", metavar="YYYY-MM-DD", type=dt.date.fromisoformat, help="only questions asked on or after this day (UTC)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def group_line(group: Group) -> str:
    last = group.last_asked.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    return f"{group.count:>4}  last {last} UTC  {group.example}"


def run(args: argparse.Namespace) -> int:
    path = load_settings(args).bot_unanswered_log
    if not path.is_file():
        if args.json:
            print(json.dumps({"log": str(path), "questions": [], "skipped_lines": 0}, indent=2))
        else:
            print(messages.UNANSWERED_NO_LOG.format(path=path))
        return EXIT_OK
    report = build_report(path, args.since)
    if args.json:
        body = {"log": str(path), "questions": [g.as_dict() for g in report.groups], "skipped_lines": report.skipped_lines}
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not report.groups:
        print(messages.UNANSWERED_NONE.format(since=f" since {args.since}" if args.since else "", path=path))
    else:
        print("count  last asked              example question")
        for group in report.groups:
            print(group_line(group))
    if report.skipped_lines:
        print(messages.UNANSWERED_SKIPPED.format(count=report.skipped_lines, s="" if report.skipped_lines == 1 else "s"))
    return EXIT_OK
