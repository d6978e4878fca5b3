"""`python -m bot discord [--sync]`: runs the Discord front end alone."""

from __future__ import annotations

import argparse
import asyncio

from bot.cli.common import EXIT_OK, add_common_options, load_settings, open_store, run_guarded
from bot.knowledge.watch import serve_with_watcher


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("discord", help="run the Discord bot (needs DISCORD_TOKEN)")
    parser.add_argument("--sync", action="store_true", help="sync slash commands even if they look unchanged")
    add_common_options(parser)
    parser.set_defaults(run=lambda args: run_guarded(args, run))


def run(args: argparse.Namespace) -> int:
    # Imported here: other commands should not pay for loading discord.py.
    from bot.frontends import discord_app

    settings = load_settings(args)
    store = open_store(settings)
    # The knowledge watcher runs beside it, as for every long-running front end.
    asyncio.run(serve_with_watcher(store, [discord_app.serve(settings, store, force_sync=args.sync)]))
    return EXIT_OK
