"""`python -m bot check`: validates the knowledge folder, one line per problem."""

from __future__ import annotations

import argparse

from bot import messages
from bot.cli.common import EXIT_OK, EXIT_PROBLEM, add_command, load_settings, open_store


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add_command(subparsers, "check", run, help="validate the knowledge folder (exit 1 when anything is wrong)")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    knowledge = open_store(settings, warn=False).current
    problems = [str(p) for p in knowledge.problems]
    if not knowledge.articles:
        problems.append(messages.knowledge_empty(str(settings.bot_knowledge_dir)))
    for line in problems:
        print(line)
    if problems:
        return EXIT_PROBLEM
    print(messages.check_ok(len(knowledge.articles), len(knowledge.passages), len(knowledge.timeline)))
    return EXIT_OK
