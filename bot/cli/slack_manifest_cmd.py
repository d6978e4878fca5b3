"""`python -m bot slack-manifest [--url URL] [--socket-mode] [--app-name NAME]`: the Slack app manifest to paste."""

from __future__ import annotations

import argparse
import logging
import sys

from bot import messages
from bot.cli.common import EXIT_OK, EXIT_USAGE, CommandFailed, add_command, load_settings
from bot.knowledge.profile import load_profile

logger = logging.getLogger(__name__)

DEFAULT_APP_NAME = "Quote Bot"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "slack-manifest", run, help="print the Slack app manifest for this knowledge folder's story")
    parser.add_argument("--url", default=None, help="the bot's public https address for HTTP mode, with or without /slack/events (default: a placeholder to replace)")
    parser.add_argument("--socket-mode", action="store_true", help="for Socket Mode (SLACK_APP_TOKEN): no public address needed")
    parser.add_argument("--app-name", default=DEFAULT_APP_NAME, help=f"the app's name in Slack, at most 35 characters (default: {DEFAULT_APP_NAME})")


def run(args: argparse.Namespace) -> int:
    # Imported here: the other commands need not load Slack's libraries.
    from bot.frontends.slack_manifest import PLACEHOLDER_URL, BadManifestValue, manifest_yaml

    settings = load_settings(args)
    profile, problems = load_profile(settings.bot_knowledge_dir)
    for problem in problems:  # the manifest still comes out, with that field's default
        logger.warning("%s", problem)
    try:
        text = manifest_yaml(profile, app_name=args.app_name, url=args.url, socket_mode=args.socket_mode)
    except BadManifestValue as error:
        raise CommandFailed(str(error), EXIT_USAGE) from None
    print(text, end="")
    if args.url is None and not args.socket_mode:
        # Exit 0 with placeholder URLs read as done; the YAML comment saying so was easy to miss.
        print(messages.slack_manifest_placeholder(PLACEHOLDER_URL), file=sys.stderr)
    return EXIT_OK
