"""The terminal chat's edges a new user met: input arriving after the chat has ended, and the
echo of piped questions."""

from __future__ import annotations

import asyncio
import gc
import io
import os
import re
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot import messages
from bot.frontends.prompt_logs import PromptLine
from bot.frontends.terminal import PROMPT, _converse, chat
from bot.knowledge import store as store_module
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.store import KnowledgeStore
from bot.search.chat_markup import MENTION, ZERO_WIDTH_SPACE
from tests.cli_helpers import run_bot
from tests.conftest import write_article
from tests.patience import WAIT_SECONDS


def test_input_that_ends_after_the_chat_has_stopped_leaves_no_warning(bundled_store: KnowledgeStore) -> None:
    """SIGTERM printed "RuntimeWarning: coroutine 'Queue.put' was never awaited": the end of the
    input came after the chat's event loop had closed, and the line handed over never ran."""
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "r", encoding="utf-8") as stdin, os.fdopen(write_end, "w", encoding="utf-8") as writer:
        writer.write("/quit\n")
        writer.flush()
        before = set(threading.enumerate())
        asyncio.run(chat(bundled_store, stdin, io.StringIO()))  # ends, its loop closed; the reader still waits
        [reader] = [thread for thread in set(threading.enumerate()) - before if thread.name == "stdin"]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            writer.close()  # the end of the input, now that the chat has stopped
            reader.join(WAIT_SECONDS)
            gc.collect()
    assert not reader.is_alive()
    assert not [w for w in caught if "never awaited" in str(w.message)]


def test_the_piped_echo_shows_what_was_typed_with_its_mentions_unable_to_ping() -> None:
    """"<@&123> @here ping everyone pls" was echoed as "> @here ping everyone pls": rewritten, and
    what was left could still ping if the transcript were pasted into a chat."""
    typed = "<@&123> @here ping everyone pls"
    result = run_bot("chat", stdin=f"{typed}\n\x1b[31mwho is biegun\n")
    assert result.returncode == 0, result.stderr
    echoes = [line for line in result.stdout.splitlines() if line.startswith("> ")]
    assert echoes == [f"> <{ZERO_WIDTH_SPACE}@&123> @{ZERO_WIDTH_SPACE}here ping everyone pls", "> who is biegun"]
    assert echoes[0].replace(ZERO_WIDTH_SPACE, "") == f"> {typed}"  # reads as typed
    assert not MENTION.search(echoes[0])  # but holds no mention


def test_a_message_with_no_words_gets_the_reply_about_the_bot() -> None:
    """"tl;dr" and a bare "?" were answered "The articles I have do not cover that" with the
    closest passages to nothing, and logged as questions nobody could answer."""
    chatted = run_bot("chat", stdin="tl;dr\n?\n...\nNK?\n")
    assert chatted.returncode == 0
    replies = chatted.stdout.split("\n> ")
    for typed in ("tl;dr", "?", "..."):
        reply = next(r for r in replies if r.startswith(f"{typed}\n") or r.startswith(f"> {typed}\n"))
        assert reply.split("\n", 1)[1].strip() == messages.SMALL_TALK_ABOUT, reply
    short_name = next(r for r in replies if r.startswith("NK?\n"))
    assert short_name.split("\n", 1)[1].startswith("From the articles"), short_name  # a short name the articles use is a question


def test_a_farewell_gets_a_farewell() -> None:
    """"good night" at the terminal was answered "Hello! I answer questions …" (walkthrough)."""
    chatted = run_bot("chat", stdin="why did the hanoi summit fail?\ngood night\n")
    assert chatted.returncode == 0, chatted.stderr
    reply = chatted.stdout.split("\n> good night\n", 1)[1].strip()
    assert reply == messages.SMALL_TALK_FAREWELL and not reply.startswith("Hello"), reply


def test_a_follow_up_asking_when_answers_with_a_date_or_declines() -> None:
    """"hmm, when?" after "Did Kim say he would denuclearise?" repeated the same three quotes, none
    with a date: read as "when did Kim say he would denuclearise?", it answers with a date, or, like
    the full question when the articles hold none, declines."""
    chatted = run_bot("chat", stdin="Did Kim say he would denuclearise?\nhmm, when?\n")
    assert chatted.returncode == 0
    first, follow_up = chatted.stdout.split("\n> ")[-2:]
    assert follow_up.startswith("hmm, when?\n")
    reply = follow_up.split("\n", 1)[1]
    if "from the articles:" in reply.casefold():
        # The first quote's text, without its attribution line (which dates the article, not the event).
        opening = " ".join(line for line in reply.split("\n\n")[1].splitlines() if not line.lstrip().startswith("— "))
        assert re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", opening), reply
        assert reply.split("\n\n")[1] != first.split("\n\n")[1]
    else:
        assert messages.NOT_COVERED in reply or "I found no passage" in reply, reply


def test_at_the_prompt_a_reload_runs_beside_the_chat_which_keeps_answering(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user's /reload during a rebuild for a 1.8 MB article gave no reply, and the questions
    typed after it waited minutes. At the prompt, /reload now runs beside the chat: questions are
    answered from the knowledge being served, and the report shows when the new one is ready."""
    store = KnowledgeStore(knowledge_copy)
    release = threading.Event()
    real_build = store_module.build_knowledge_base

    def slow_build(*args: Any, **kwargs: Any) -> KnowledgeBase:
        assert release.wait(WAIT_SECONDS)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(store_module, "build_knowledge_base", slow_build)
    write_article(knowledge_copy, "test-2019-03-01-new", "A brand new article about quince diplomacy.")
    stdout = io.StringIO()
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "r", encoding="utf-8") as stdin, os.fdopen(write_end, "w", encoding="utf-8") as writer:

        async def converse() -> None:
            talking = asyncio.create_task(_converse(store, stdin, stdout, PromptLine(stdout, PROMPT)))
            writer.write("/reload\nWho was Trump's choice to replace Tillerson?\n/reload\n")
            writer.flush()
            await _until(lambda: "A reload is already running" in stdout.getvalue())
            assert "Pompeo" in stdout.getvalue() and "Reloaded in" not in stdout.getvalue()
            release.set()
            await _until(lambda: "Reloaded in" in stdout.getvalue())
            writer.write("/quit\n")
            writer.flush()
            await asyncio.wait_for(talking, WAIT_SECONDS)

        asyncio.run(converse())
    shown = stdout.getvalue()
    assert shown.count(messages.RUNNING_IN_THE_BACKGROUND) == 2
    assert shown.index("Pompeo") < shown.index("Reloaded in") and "added test-2019-03-01-new" in shown


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(int(WAIT_SECONDS / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("waited in vain")
