"""`python -m bot chat`: the terminal chat over the knowledge folder."""

from __future__ import annotations

import argparse

from bot.cli.common import add_command, never_a_server, serve_front_ends
from bot.frontends import terminal


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add_command(subparsers, "chat", run, help="chat in the terminal (also reads questions piped to stdin)")


def run(args: argparse.Namespace) -> int:
    return serve_front_ends(args, lambda settings, store: [terminal.serve(settings, store)], is_server=never_a_server)
