"""`python -m bot` / `python -m bot serve`: runs every configured platform, else the terminal chat."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
from collections.abc import Awaitable, Callable

from bot.cli.common import EXIT_OK, add_common_options, load_settings, open_store, run_guarded
from bot.config import Settings
from bot.knowledge.store import KnowledgeStore
from bot.knowledge.watch import serve_with_watcher

logger = logging.getLogger(__name__)

Serve = Callable[[Settings, KnowledgeStore], Awaitable[None]]


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="run the configured platforms (Discord, Slack), else the terminal chat")
    add_common_options(parser)
    parser.set_defaults(run=lambda args: run_guarded(args, run))


def configured_front_ends(settings: Settings) -> list[str]:
    """Module names under bot.frontends for the platforms whose token is set."""
    names = []
    if settings.discord_token is not None:
        names.append("discord_app")
    if settings.slack_bot_token is not None:
        names.append("slack_app")
    return names or ["terminal"]


def _serve_function(name: str) -> Serve:
    # Imported on demand: the terminal chat should not pay for loading discord.py or slack-bolt.
    module = importlib.import_module(f"bot.frontends.{name}")
    return module.serve  # type: ignore[no-any-return]


async def serve_all(settings: Settings, store: KnowledgeStore, names: list[str]) -> None:
    # One watcher for every front end: they share the store, so one swap reaches them all.
    await serve_with_watcher(store, [_serve_function(name)(settings, store) for name in names])


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    store = open_store(settings)
    names = configured_front_ends(settings)
    logger.info("serving %d articles on: %s", len(store.current.articles), ", ".join(names))
    asyncio.run(serve_all(settings, store, names))
    return EXIT_OK
