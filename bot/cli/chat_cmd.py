"""`python -m bot chat`: the terminal chat over the knowledge folder."""

from __future__ import annotations

import argparse
import asyncio

from bot.cli.common import EXIT_OK, add_common_options, load_settings, open_store, run_guarded
from bot.frontends import terminal
from bot.knowledge.watch import serve_with_watcher


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("chat", help="chat in the terminal (also reads questions piped to stdin)")
    add_common_options(parser)
    parser.set_defaults(run=lambda args: run_guarded(args, run))


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    store = open_store(settings)
    asyncio.run(serve_with_watcher(store, [terminal.serve(settings, store)]))
    return EXIT_OK
