"""`python -m bot sources [--json]`: the articles the bot quotes, with their metadata."""

from __future__ import annotations

import argparse
import json

from bot import commands
from bot.cli.common import EXIT_OK, add_command, load_settings, open_store
from bot.render.json_out import article_dict
from bot.render.text import sources_text


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "sources", run, help="list the articles and their metadata")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    articles = commands.sources(open_store(load_settings(args)))
    if args.json:
        print(json.dumps({"articles": [article_dict(a) for a in articles]}, ensure_ascii=False, indent=2))
    else:
        print(sources_text(articles))
    return EXIT_OK
