"""What every command shares: the --knowledge option, settings, logging and loading the knowledge."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from pydantic import ValidationError

from bot import messages
from bot.config import Settings
from bot.errors import StartupError
from bot.knowledge.base import KnowledgeFolderMissing
from bot.knowledge.store import KnowledgeStore
from bot.plain_validation import plain_problem, reads_after_subject
from bot.feedback.asked import AskedLog
from bot.feedback.votes import FeedbackLog
from bot.service import log_format as log_format_module
from bot.settings_notes import misspelt_setting_notes, settings_notes
from bot.unanswered.log import UnansweredLog

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandFailed(Exception):
    """Stops a command with one sentence for the user and an exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.exit_code = exit_code


Run = Callable[[argparse.Namespace], int]
# Whether, with these settings, the command is a server: a process whose standard output nothing
# else uses, so its log lines go there (where log shippers and 12-factor platforms look). Every
# other command prints its result on standard output, which scripts parse: logs go to stderr.
IsServer = Callable[[Settings], bool]


def always_a_server(settings: Settings) -> bool:
    return True


def never_a_server(settings: Settings) -> bool:
    return False


def add_command(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    run: Run,
    *,
    help: str,  # noqa: A002 - argparse's own word
    knowledge: bool = True,
) -> argparse.ArgumentParser:
    """A subcommand whose `run` turns CommandFailed into its sentence and exit code; with --knowledge."""
    parser = subparsers.add_parser(name, help=help)
    if knowledge:
        add_common_options(parser)
    parser.set_defaults(run=lambda args: run_guarded(args, run))
    return parser


def serve_front_ends(
    args: argparse.Namespace,
    front_ends: Callable[[Settings, KnowledgeStore], list[Awaitable[None]]],
    *,
    is_server: IsServer,
    check_settings: Callable[[Settings], None] = lambda settings: None,
) -> int:
    """Run long-running front ends on one knowledge store, with the knowledge watcher and health
    checks beside them, until they stop or SIGTERM drains them (exit 0). `check_settings` raises
    StartupError for a setting the front ends need and lack, before the knowledge loads: loading
    takes seconds at size, and the log said "serving" before the missing setting stopped it."""
    from bot.service.lifecycle import serve_until_stopped  # watchfiles and aiohttp are for serving commands only

    settings = load_settings(args, is_server=is_server, notes=settings_notes)
    check_settings(settings)
    asyncio.run(serve_until_stopped(settings, lambda: open_store(settings), front_ends))
    return EXIT_OK


def day_argument(text: str) -> dt.date:
    """An argparse type for a day written YYYY-MM-DD, with a message that shows the form."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # argparse prints "argument --since: " and this, and exits 2.
        raise argparse.ArgumentTypeError(messages.NOT_A_DAY.format(value=text)) from None


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        metavar="DIR",
        type=Path,
        default=None,
        help="the knowledge folder (default: $BOT_KNOWLEDGE_DIR, else the bundled knowledge/)",
    )


def load_settings(
    args: argparse.Namespace, *, is_server: IsServer = never_a_server, notes: Callable[[], list[str]] = misspelt_setting_notes
) -> Settings:
    """The settings, with logging set up for them and the start-up `notes` logged (settings given but
    not read), before anything the command says of its own."""
    try:
        settings = Settings()
    except ValidationError as error:
        raise CommandFailed(_setting_problem(error)) from None
    if getattr(args, "knowledge", None) is not None:
        settings = settings.model_copy(update={"bot_knowledge_dir": args.knowledge})
    log_stream = sys.stdout if is_server(settings) else sys.stderr
    log_format_module.configure(settings.bot_log_level, settings.bot_log_format, log_stream)
    for note in notes():
        logger.warning("%s", note)
    return settings


def open_store(settings: Settings, *, warn: bool = True) -> KnowledgeStore:
    """The knowledge being served; problems in it are warnings, the good articles still serve."""
    folder = settings.bot_knowledge_dir
    try:
        store = KnowledgeStore(folder, embedding_cache=settings.bot_embedding_cache)
    except KnowledgeFolderMissing:
        raise CommandFailed(messages.knowledge_missing(str(folder))) from None
    store.unanswered_log = UnansweredLog(settings.bot_unanswered_log)
    store.asked_log = AskedLog(settings.asked_log)
    salt = settings.bot_feedback_salt.get_secret_value().encode("utf-8") if settings.bot_feedback_salt else None
    store.feedback_log = FeedbackLog(settings.feedback_log, salt)
    if warn:
        for problem in store.current.problems:
            logger.warning("knowledge problem: %s", problem)
        if not store.current.articles:
            logger.warning(messages.knowledge_empty(str(folder)))
    return store


def _setting_problem(error: ValidationError) -> str:
    """One sentence for the first bad setting; a secret's value is never echoed."""
    detail = error.errors(include_url=False)[0]
    problem = plain_problem(detail)
    if not detail["loc"]:  # a rule across settings: its message names them
        return messages.settings_conflict(problem)
    variable = str(detail["loc"][0]).upper() if detail["loc"] else "a setting"
    value = "(hidden)" if Settings.is_secret(variable) else detail.get("input")
    field = Settings.model_fields.get(str(detail["loc"][0]))
    if len(detail["loc"]) > 1 and isinstance(detail["loc"][1], int) and field is not None and field.description:
        # DISCORD_SHARD_IDS='0-x': pydantic judges a list's items one by one, and "should be a valid
        # integer" is wrong of a setting that takes ranges too; what the setting takes is right.
        problem = f"it takes {field.description}"
    elif reads_after_subject(problem):
        problem = f"it {problem}"
    return messages.bad_setting(variable, value, problem)


def run_guarded(args: argparse.Namespace, body: Run) -> int:
    """Runs a command body, turning CommandFailed into its sentence on stderr and its exit code.

    The sentence that stops a command goes to stderr whatever the command, a server included:
    a failing program's one line is where scripts, shells and `2>` look for it (the journal and
    container runtimes collect stderr beside a server's stdout)."""
    try:
        return int(body(args))
    except CommandFailed as failure:
        print(failure, file=sys.stderr)
        _json_error(args, str(failure))
        return failure.exit_code
    except StartupError as failure:
        print(log_format_module.failure_line(str(failure)), file=sys.stderr)
        _json_error(args, str(failure))
        return EXIT_PROBLEM


def _json_error(args: argparse.Namespace, sentence: str) -> None:
    """With --json (or ask's --batch, whose output is JSON Lines anyway), the sentence as one JSON
    object on stdout too: a script that parses stdout gets something to parse whatever went wrong
    (the exit code still says what kind)."""
    if getattr(args, "json", False) or getattr(args, "batch", None) is not None:
        print(json.dumps({"error": sentence}, ensure_ascii=False), flush=True)
