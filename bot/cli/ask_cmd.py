"""`python -m bot ask [--json] [--explain] QUESTION` and `ask --json --batch FILE`."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator
from enum import Enum
from typing import BinaryIO
from pathlib import Path

from bot import commands, messages
from bot.answers import Answer, cannot_be_asked, clean_question
from bot.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CommandFailed, add_command, load_settings, open_store
from bot.knowledge.encoding import encoding_of
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


def _batch_lines(source: str) -> Iterator[str]:
    """The lines as text, each without its line end: \n, \r\n or an old Mac's lone \r (universal
    newlines). Bytes that are not UTF-8 are kept as surrogates (surrogateescape), so one such line
    spoils only itself; input that starts with a UTF-16 byte order mark is read as UTF-16."""
    if source == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # a text stream with no bytes under it: already decoded
            yield from (line.removesuffix("\n").removesuffix("\r") for line in sys.stdin)
            return
        yield from _text_lines(stdin)
        return
    try:
        with Path(source).open("rb") as binary:
            yield from _text_lines(binary)
    except OSError as error:
        raise CommandFailed(f"{source}: cannot be read: {error}") from None


def _text_lines(binary: BinaryIO) -> Iterator[str]:
    buffered = binary if isinstance(binary, io.BufferedReader) else io.BufferedReader(binary)  # type: ignore[arg-type]
    text = io.TextIOWrapper(buffered, encoding=encoding_of(buffered.peek(2)), errors="surrogateescape", newline=None)
    try:
        yield from (line.removesuffix("\n") for line in text)
    finally:
        text.detach()  # standard input stays open for whoever reads it next


def _undecodable(text: str) -> tuple[int, int] | None:
    """The first byte surrogateescape kept (it is not UTF-8) and its column, None when there is none."""
    for index, character in enumerate(text):
        if "\udc80" <= character <= "\udcff":
            return ord(character) - 0xDC00, index + 1
    return None


class _BadLine(Enum):
    NOT_JSON = messages.BATCH_LINE_NOT_JSON
    NO_QUESTION = messages.BATCH_LINE_NO_QUESTION


def _batch_question(text: str) -> str | _BadLine:
    """The question on a line: the line itself, or the "question" of a JSON object (the form of
    the answers' own lines). A line opening with "{" is meant as JSON (no question about the
    articles opens with a brace): one that is not, or an object without a question, is reported."""
    if not text.lstrip().startswith("{"):
        return text
    try:
        line = json.loads(text)
    except ValueError:
        return _BadLine.NOT_JSON
    question = line.get("question") if isinstance(line, dict) else None
    return question if isinstance(question, str) else _BadLine.NO_QUESTION


def _batch_answer(store: KnowledgeStore, source: str, number: int, line: str, explain: bool) -> dict[str, object]:
    """Line `number`'s answer, or its error when it is not text, not valid JSON after its "{", or a
    JSON object without a question (reported on stderr too)."""
    named = messages.STANDARD_INPUT if source == "-" else source
    if (bad := _undecodable(line)) is not None:
        problem = messages.BATCH_LINE_NOT_TEXT.format(source=named, line=number, byte=f"0x{bad[0]:02x}", column=bad[1])
    else:
        question = _batch_question(line)
        if isinstance(question, str):
            return answer_dict(commands.ask(store, question, frontend=FRONTEND, logged=not explain), explain=explain)
        problem = question.value.format(source=named, line=number)
    print(problem, file=sys.stderr)
    return {"line": number, "error": problem}


def run(args: argparse.Namespace) -> int:
    question = " ".join(args.question)
    if args.batch is not None and question:
        raise CommandFailed(messages.QUESTION_OR_BATCH, EXIT_USAGE)
    if args.batch is None:
        # A question that cannot be asked is a usage error, before anything loads, and with --json
        # one {"error"} object like every command's (batch lines are answered "declined" instead,
        # so that output line N pairs with input line N). "@everyone" alone is empty once its
        # mention is taken out, as the question is read.
        cleaned = clean_question(question)
        if (unaskable := cannot_be_asked(cleaned)) is not None:
            raise CommandFailed(messages.decline_message(Answer(cleaned, declined=unaskable)), EXIT_USAGE)
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
    result = commands.ask(store, question, frontend=FRONTEND, logged=not args.explain)
    if args.json:
        print(json.dumps(answer_dict(result, explain=args.explain), ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(filter(None, [answer_text(result, messages.ON_THE_COMMAND_LINE), reading_text(result) if args.explain else ""])))
    return EXIT_OK
