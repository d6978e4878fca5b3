"""`python -m bot ask [--json] [--explain] QUESTION` and `ask --json --batch FILE`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bot import commands, messages
from bot.answers import Declined
from bot.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CommandFailed, add_command, load_settings, open_store
from bot.knowledge.store import KnowledgeStore
from bot.render.json_out import answer_dict
from bot.render.reading_text import reading_text
from bot.render.text import answer_text

FRONTEND = "cli"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "ask", run, help="answer one question (or a batch) and exit")
    parser.add_argument("question", nargs="*", help="the question (quote it, or just type the words)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--batch", metavar="FILE", help="answer every line of FILE ('-' for stdin) as JSON Lines")
    parser.add_argument(
        "--explain", action="store_true", help="also show how the question was read: its words, their weights, what was found"
    )


def _batch_lines(source: str) -> Iterator[bytes]:
    """The lines as bytes: each is decoded on its own, so one that is not UTF-8 spoils only itself."""
    if source == "-":
        stdin = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        yield from stdin if stdin is not None else (line.encode("utf-8") for line in sys.stdin)
        return
    try:
        with Path(source).open("rb") as lines:
            yield from lines
    except OSError as error:
        raise CommandFailed(f"{source}: cannot be read: {error}") from None


def _batch_answer(store: KnowledgeStore, source: str, number: int, line: bytes, explain: bool) -> dict[str, object]:
    """Line `number`'s answer, or its error when it is not UTF-8 text (reported on stderr too)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        named = messages.STANDARD_INPUT if source == "-" else source
        problem = messages.BATCH_LINE_NOT_TEXT.format(source=named, line=number, byte=f"0x{line[error.start]:02x}", column=error.start + 1)
        print(problem, file=sys.stderr)
        return {"line": number, "error": problem}
    return answer_dict(commands.ask(store, text.removesuffix("\n").removesuffix("\r"), frontend=FRONTEND), explain=explain)


def run(args: argparse.Namespace) -> int:
    question = " ".join(args.question)
    if args.batch is not None and question:
        raise CommandFailed(messages.QUESTION_OR_BATCH, EXIT_USAGE)
    if args.batch is None and not question.strip():
        raise CommandFailed(messages.EMPTY_QUESTION, EXIT_USAGE)
    store = open_store(load_settings(args))
    if args.batch is not None:
        # One object for every line, a blank one included ("declined": "empty") and one that is not
        # text ("error"), so a script can pair output line N with input line N.
        unreadable = 0
        for number, line in enumerate(_batch_lines(args.batch), start=1):
            result = _batch_answer(store, args.batch, number, line, args.explain)
            unreadable += "error" in result
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return EXIT_PROBLEM if unreadable else EXIT_OK
    result = commands.ask(store, question, frontend=FRONTEND)
    if args.json:
        print(json.dumps(answer_dict(result, explain=args.explain), ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(filter(None, [answer_text(result), reading_text(result) if args.explain else ""])))
    if result.declined in (Declined.EMPTY, Declined.TOO_LONG):
        return EXIT_USAGE
    return EXIT_OK
