"""The terminal chat: type a question or a command of bot.command_table (/help lists them), read quoted answers.

Works at a prompt and with piped stdin (no prompt, one reply per line of input).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import getpass
import logging
import sys
import threading
from dataclasses import dataclass, field
from typing import TextIO, TypeGuard

from bot import command_table, messages
from bot.answers import Answer, as_typed
from bot.command_table.model import Call, Leave, Platform, UnknownCommand
from bot.command_table.rate import Voted
from bot.config import Settings
from bot.feedback.shown import can_be_rated
from bot.frontends.prompt_logs import PromptLine, logs_around
from bot.knowledge.store import KnowledgeStore
from bot.render.shorten import shorten
from bot.search.chat_markup import unable_to_ping
from bot.render.text_replies import reply_text
from bot.thread_history import HISTORY_LIMIT

logger = logging.getLogger(__name__)

FRONTEND: Platform = "terminal"
PROMPT = "> "
QUIT_WORDS = frozenset({"/exit", "quit", "exit"})  # besides /quit, a command of the table
# The watcher logs its start-up line about a second in; waiting for it keeps that line above the
# greeting instead of after the prompt, where it would sit in the middle of what the user types.
WATCHER_START_WAIT_SECONDS = 2.0
ECHO_CHARS = 200


@dataclass
class Conversation:
    """What the terminal chat remembers: it plays the part a thread's history plays on Discord and Slack."""

    # The questions asked so far, oldest first, as a thread's messages are: a follow-up ("and why?")
    # leans on the last that was a question of its own, answered or not (bot.answers.answer_follow_up).
    asked: list[str] = field(default_factory=list)
    last_answer: Answer | None = None  # what /good and /bad rate
    # Whether another reply (/help, /sources, …; votes aside) came after last_answer: a vote then
    # says which answer it rates, since "the last answer" is no longer what the user just read.
    replied_since_answer: bool = False
    user: str = field(default_factory=lambda: _login_name())  # the voter, logged only as a salted hash


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without USER): one voter for all
        return ""


def reply_to(store: KnowledgeStore, text: str, conversation: Conversation | None = None) -> str | None:
    """The reply to one line typed at the chat; None when it ends the chat (/quit)."""
    talk = conversation or Conversation()
    return _reply_to_call(store, _read_line(text, talk), talk)


def _read_line(text: str, talk: Conversation) -> Call | UnknownCommand:
    """The command a typed line asks for, read once, with what the conversation knows."""
    # Anyone at the terminal already owns the process, so admin-only commands are theirs too.
    return command_table.call_from_text(
        text, FRONTEND, admin=True, user=talk.user, earlier_questions=tuple(talk.asked), last_answer=talk.last_answer
    )


def _reply_to_call(store: KnowledgeStore, call: Call | UnknownCommand, talk: Conversation) -> str | None:
    result = call if isinstance(call, UnknownCommand) else command_table.run(store, call)
    if isinstance(result, Leave):
        return None
    if isinstance(result, Answer):
        talk.asked[:] = [*talk.asked, result.question][-HISTORY_LIMIT:]
    if isinstance(result, Answer) and can_be_rated(result):
        talk.last_answer = result
        talk.replied_since_answer = False
    elif isinstance(result, Voted):
        if talk.replied_since_answer and talk.last_answer is not None:
            return f"{messages.feedback_rates_earlier(shorten(talk.last_answer.question, ECHO_CHARS))} {reply_text(result)}"
    else:  # another command's reply, or one about the bot ("thanks"): the last answer stays rateable
        talk.replied_since_answer = True
    return reply_text(result)


async def chat(store: KnowledgeStore, stdin: TextIO, stdout: TextIO) -> None:
    if not stdin.isatty():
        await _converse(store, stdin, stdout, None)
        return
    await asyncio.to_thread(store.watching.wait, WATCHER_START_WAIT_SECONDS)
    print(messages.terminal_greeting(store.current.profile), file=stdout)
    prompt = PromptLine(stdout, PROMPT)
    with logs_around(prompt):
        await _converse(store, stdin, stdout, prompt)


async def _converse(store: KnowledgeStore, stdin: TextIO, stdout: TextIO, prompt: PromptLine | None) -> None:
    """Reads lines and answers them: at a prompt when `prompt` is given, else piped input."""
    interactive = prompt is not None
    conversation = Conversation()
    lines = _read_in_background(stdin)
    while True:
        if prompt is not None:
            prompt.show()
        line = await lines.get()
        if prompt is not None:
            prompt.typed()
        if not line:
            if interactive:
                print(file=stdout)  # Ctrl-D at the prompt: the shell's prompt starts on a line of its own
            break
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT_WORDS:
            break
        call = _read_line(text, conversation)
        if prompt is not None and _runs_long(call):
            # At the prompt, /reload runs beside the chat, which keeps answering from the knowledge
            # being served: a large new article takes minutes to encode.
            prompt.print_text(messages.RUNNING_IN_THE_BACKGROUND)
            _reply_later(store, call, text, conversation, prompt)
            continue
        try:
            # In a thread: /reload rebuilds the knowledge, and the watcher shares this event loop.
            reply = await asyncio.to_thread(_reply_to_call, store, call, conversation)
        except Exception:
            logger.exception("failed to answer %r", text[:200])
            reply = messages.INTERNAL_ERROR
        if reply is None:
            break
        if not interactive:
            # Piped in, the questions are not on screen: echo each as typed so the transcript reads
            # as a chat, its mentions unable to ping if it is pasted into one.
            print(PROMPT + shorten(unable_to_ping(as_typed(text)), ECHO_CHARS), file=stdout)
        if prompt is not None:
            prompt.print_text(reply)  # under the prompt's lock, as a background /reload's report prints
        else:
            print(reply, file=stdout)
            print(file=stdout, flush=True)


def _runs_long(call: Call | UnknownCommand) -> TypeGuard[Call]:
    """Whether the line is a command that can take minutes (bot.command_table: `beside_the_chat`)."""
    return not isinstance(call, UnknownCommand) and call.command.beside_the_chat


def _reply_later(store: KnowledgeStore, call: Call, text: str, conversation: Conversation, prompt: PromptLine) -> None:
    """Run the line in a thread of its own and print its reply around the prompt when done. A
    daemon thread: leaving the chat must not wait for it (the cache writes it may leave are atomic)."""

    def run() -> None:
        try:
            reply = _reply_to_call(store, call, conversation)
        except Exception:
            logger.exception("failed to answer %r", text[:200])
            reply = messages.INTERNAL_ERROR
        if reply is not None:
            prompt.print_text(reply)

    threading.Thread(target=run, name="terminal-slow-command", daemon=True).start()


READ_AHEAD_LINES = 64  # piped input is read this far ahead of the answers, no further


def _read_in_background(stdin: TextIO) -> asyncio.Queue[str]:
    """Lines of stdin as they come, then "" at the end. A daemon thread reads them, so the event
    loop stays free for the knowledge watcher, and Ctrl-C ends the chat at once: a read in the
    loop's default executor would be waited for at shutdown, until the user pressed Enter."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=READ_AHEAD_LINES)
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(errors="replace")  # a stray byte that is not UTF-8 is a character, not a crash

    def put(line: str) -> bool:
        """Hand a line to the chat, waiting while it is READ_AHEAD_LINES behind; False once it has ended."""
        putting = queue.put(line)
        try:
            asyncio.run_coroutine_threadsafe(putting, loop).result()
        except (RuntimeError, concurrent.futures.CancelledError):
            # The chat ended (/quit, Ctrl-C, SIGTERM) and its loop is closed: stop reading. The put
            # never ran, and closing it says so; else Python warns it "was never awaited".
            putting.close()
            return False
        return True

    def read() -> None:
        try:
            for line in iter(stdin.readline, ""):
                if not put(line):
                    return
        except (OSError, ValueError) as error:  # stdin closed or unreadable: end the chat, say why
            logger.warning("cannot read the terminal input any more (%s); ending the chat", error)
        put("")

    threading.Thread(target=read, name="stdin", daemon=True).start()
    return queue


async def serve(settings: Settings, store: KnowledgeStore) -> None:
    await chat(store, sys.stdin, sys.stdout)
