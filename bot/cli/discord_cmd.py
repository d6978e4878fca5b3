"""`python -m bot discord [--sync]`: runs the Discord front end alone."""

from __future__ import annotations

import argparse

from bot.cli.common import add_command, always_a_server, serve_front_ends


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "discord", run, help="run the Discord bot (needs DISCORD_TOKEN)")
    parser.add_argument("--sync", action="store_true", help="sync slash commands even if they look unchanged")


def run(args: argparse.Namespace) -> int:
    # Imported here: other commands should not pay for loading discord.py.
    from bot.frontends import discord_app

    return serve_front_ends(
        args, lambda settings, store: [discord_app.serve(settings, store, force_sync=args.sync)], is_server=always_a_server
    )
