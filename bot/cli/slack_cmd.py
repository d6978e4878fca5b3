"""`python -m bot slack`: runs only the Slack front end (Socket Mode or HTTP, from the settings)."""

from __future__ import annotations

import argparse

from bot.cli.common import add_command, always_a_server, serve_front_ends


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add_command(subparsers, "slack", run, help="run the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP on SLACK_PORT)")


def run(args: argparse.Namespace) -> int:
    # Imported here: other commands should not pay for loading slack-bolt.
    from bot.frontends import slack_app

    return serve_front_ends(
        args, lambda settings, store: [slack_app.serve(settings, store)], is_server=always_a_server, check_settings=slack_app.check_settings
    )
