"""`python -m bot [COMMAND]`: parses arguments, builds settings and the knowledge, runs one command.

Each command lives in its own module with `add_parser(subparsers)` and `run(args) -> int`, so
adding one never means editing a file every command shares beyond the list below.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from bot.cli import (
    ask_cmd,
    chat_cmd,
    check_cmd,
    compare_cmd,
    discord_cmd,
    eval_cmd,
    feedback_cmd,
    import_cmd,
    said_cmd,
    serve_cmd,
    slack_cmd,
    slack_manifest_cmd,
    sources_cmd,
    timeline_cmd,
    unanswered_cmd,
)

COMMAND_MODULES: tuple[ModuleType, ...] = (
    serve_cmd,
    chat_cmd,
    ask_cmd,
    timeline_cmd,
    said_cmd,
    compare_cmd,
    sources_cmd,
    check_cmd,
    eval_cmd,
    import_cmd,
    unanswered_cmd,
    feedback_cmd,
    discord_cmd,
    slack_cmd,
    slack_manifest_cmd,
)


def _installed_version() -> str:
    try:
        return importlib.metadata.version("talks-bot")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Answers questions with verbatim, attributed quotes from the news articles in a knowledge folder.",
    )
    parser.add_argument("--version", action="version", version=f"talks-bot {_installed_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    # No command means `serve`, options included: `python -m bot --knowledge DIR`.
    if "--version" in words:  # wherever it stands, as in `python -m bot --knowledge DIR --version`
        words = ["--version"]
    if not words or (words[0].startswith("-") and words[0] not in ("-h", "--help", "--version")):
        words = ["serve", *words]
    args = parser.parse_args(words)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        if sys.stdout.isatty():
            print(file=sys.stdout)  # Ctrl-C at a prompt: the shell's prompt starts on a line of its own
        return 130
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
