"""`python -m bot slack`: runs only the Slack front end (Socket Mode or HTTP, from the settings)."""

from __future__ import annotations

import argparse
import asyncio

from bot.cli.common import EXIT_OK, add_common_options, load_settings, open_store, run_guarded
from bot.knowledge.watch import serve_with_watcher


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("slack", help="run the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP on SLACK_PORT)")
    add_common_options(parser)
    parser.set_defaults(run=lambda args: run_guarded(args, run))


def run(args: argparse.Namespace) -> int:
    # Imported here: other commands should not pay for loading slack-bolt.
    from bot.frontends import slack_app

    settings = load_settings(args)
    store = open_store(settings)
    # The knowledge watcher runs beside it, as for every long-running front end.
    asyncio.run(serve_with_watcher(store, [slack_app.serve(settings, store)]))
    return EXIT_OK
