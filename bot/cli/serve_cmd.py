"""`python -m bot` / `python -m bot serve`: runs every configured platform, else the terminal chat."""

from __future__ import annotations

import argparse
import importlib
import logging
from collections.abc import Awaitable, Callable

from bot.cli.common import add_command, serve_front_ends
from bot.config import Settings
from bot.knowledge.store import KnowledgeStore
from bot.service.readiness import readiness

logger = logging.getLogger(__name__)

Serve = Callable[[Settings, KnowledgeStore], Awaitable[None]]


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add_command(subparsers, "serve", run, help="run the configured platforms (Discord, Slack), else the terminal chat")


def configured_front_ends(settings: Settings) -> list[str]:
    """Module names under bot.frontends for the platforms whose token is set."""
    names = []
    if settings.discord_token is not None:
        names.append("discord_app")
    if settings.slack_bot_token is not None:
        names.append("slack_app")
    return names or ["terminal"]


def starts_a_platform(settings: Settings) -> bool:
    """A server when a platform is configured; the terminal chat's stdout is the chat itself."""
    return configured_front_ends(settings) != ["terminal"]


def check_front_end_settings(settings: Settings) -> None:
    """Each configured front end's own check of what it needs from the settings, if it has one."""
    for name in configured_front_ends(settings):
        check = getattr(importlib.import_module(f"bot.frontends.{name}"), "check_settings", None)
        if check is not None:
            check(settings)


def _serve_function(name: str) -> Serve:
    # Imported on demand: the terminal chat should not pay for loading discord.py or slack-bolt.
    module = importlib.import_module(f"bot.frontends.{name}")
    check = getattr(module, "READINESS_CHECK", None)
    if check is not None:
        # Not ready from now, not from the front end's first step: the knowledge is ready already,
        # and a probe in between would find no check saying the platform is not connected yet.
        readiness.register(check, lambda: "starting")
    return module.serve  # type: ignore[no-any-return]


def run(args: argparse.Namespace) -> int:
    def front_ends(settings: Settings, store: KnowledgeStore) -> list[Awaitable[None]]:
        names = configured_front_ends(settings)
        logger.info("serving %d articles on: %s", len(store.current.articles), ", ".join(names))
        # One watcher for every front end: they share the store, so one swap reaches them all.
        return [_serve_function(name)(settings, store) for name in names]

    return serve_front_ends(args, front_ends, is_server=starts_a_platform, check_settings=check_front_end_settings)
