"""`python -m bot said [NAME] [--json]`: who said what."""

from __future__ import annotations

import argparse
import json

from bot import commands, messages
from bot.cli.common import EXIT_OK, add_command, load_settings, open_store
from bot.render.json_out import said_dict
from bot.render.said_text import said_text


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "said", run, help="what a person is quoted as saying, or everyone quoted")
    parser.add_argument("name", nargs="*", help="any unambiguous part of the name (none: list the speakers)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    name = " ".join(args.name).strip() or None
    store = open_store(load_settings(args))
    lookup = commands.said(store, name)
    if args.json:
        print(json.dumps(said_dict(lookup, name), ensure_ascii=False, indent=2))
    else:
        print(said_text(lookup, name, messages.ON_THE_COMMAND_LINE))
    return EXIT_OK
