"""`python -m bot compare TOPIC [--json]`: the outlets side by side on a topic."""

from __future__ import annotations

import argparse
import json

from bot import commands, messages
from bot.answers import Declined
from bot.cli.common import EXIT_OK, EXIT_USAGE, CommandFailed, add_command, load_settings, open_store
from bot.render.json_out import compare_dict
from bot.render.said_text import compare_text


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "compare", run, help="each outlet's best quotes on a topic, side by side")
    parser.add_argument("topic", nargs="*", help="a question or topic (quote it, or just type the words)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    topic = " ".join(args.topic)
    if not topic.strip():
        raise CommandFailed(messages.compare_empty(messages.ON_THE_COMMAND_LINE), EXIT_USAGE)
    store = open_store(load_settings(args))
    comparison = commands.compare(store, topic)
    if comparison.declined is Declined.TOO_LONG:
        raise CommandFailed(messages.compare_declined(comparison.topic, comparison.declined, messages.ON_THE_COMMAND_LINE), EXIT_USAGE)
    if args.json:
        print(json.dumps(compare_dict(comparison), ensure_ascii=False, indent=2))
    else:
        print(compare_text(comparison, messages.ON_THE_COMMAND_LINE))
    return EXIT_OK
