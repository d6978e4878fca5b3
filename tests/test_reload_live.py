"""A real `python -m bot chat` subprocess over a temporary knowledge folder that changes while it runs."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write_article
from tests.patience import WAIT_SECONDS

TIMEOUT = WAIT_SECONDS

ZEPPELIN_BODY = """
The zeppelin delegation from Ulaanbaatar carried eleven crates of pickled turnips to the negotiating table.

Nobody else at the summit had ever tasted a turnip pickled in mare's milk before that afternoon.
"""
ZEPPELIN_QUESTION = "What did the zeppelin delegation from Ulaanbaatar carry?"


def _first_line_with(lines: queue.Queue[str | None], needle: str, seen: list[str], timeout: float) -> str | None:
    """Take lines (appending each to seen) until one contains needle; None when the timeout passes
    first or the stream ends (None in the queue: the process closed it, most likely by exiting)."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            return None
        if line is None:
            lines.put(None)  # the end stays the end for whoever waits next
            return None
        seen.append(line)
        if needle in line:
            return line
    return None


class Chat:
    """The chat process, with stdout and stderr read in threads so a test can wait on either with a timeout."""

    def __init__(self, knowledge: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "BOT_LOG_LEVEL": "INFO"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "chat", "--knowledge", str(knowledge)],
            cwd=knowledge.parent,  # not the project: a developer's .env must not leak into the test
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.stdout: queue.Queue[str | None] = queue.Queue()
        self.stderr: queue.Queue[str | None] = queue.Queue()
        self.stderr_seen: list[str] = []
        self._replies = 0
        for stream, target in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr)):
            threading.Thread(target=self._drain, args=(stream, target), daemon=True).start()

    @staticmethod
    def _drain(stream: object, target: queue.Queue[str | None]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            target.put(line)
        target.put(None)

    def _state(self) -> str:
        """Whether the chat still runs, and what it logged: a wait that fails says which it was,
        a slow chat or one that exited (and then its last words on stderr)."""
        while True:
            try:
                line = self.stderr.get_nowait()
            except queue.Empty:
                break
            if line is None:
                self.stderr.put(None)
                break
            self.stderr_seen.append(line)
        code = self.process.poll()
        status = "still running" if code is None else f"exited with status {code}"
        return f"the chat {status}; its stderr:\n{''.join(self.stderr_seen)}"

    def wait_stderr(self, needle: str, timeout: float = TIMEOUT) -> str:
        """The first stderr line (from now on) containing needle."""
        line = _first_line_with(self.stderr, needle, self.stderr_seen, timeout)
        if line is None:
            raise AssertionError(f"no stderr line with {needle!r} within {timeout}s; {self._state()}")
        return line

    def ask(self, text: str, timeout: float = TIMEOUT) -> str:
        """Everything the chat prints for one line, delimited by an unknown command sent after it.
        Piped, the chat echoes each line ("> …") before its reply: the reply is what lies between
        the echo of the question and the echo of the marker."""
        self._replies += 1
        marker = f"/end-of-reply-{self._replies}"
        assert self.process.stdin is not None
        self.process.stdin.write(f"{text}\n{marker}\n")
        self.process.stdin.flush()
        lines: list[str] = []
        if _first_line_with(self.stdout, f"{marker!r}", lines, timeout) is None:  # the marker's own reply
            raise AssertionError(f"no reply to {text!r} within {timeout}s; got:\n{''.join(lines)}\n{self._state()}")
        reply = "".join(lines).split(f"> {marker}\n")[0].lstrip("\n")  # the blank line after the last reply
        assert reply.startswith("> "), reply  # the question's echo
        return reply.split("\n", 1)[1]

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def chat(knowledge_copy: Path) -> Iterator[Chat]:
    running = Chat(knowledge_copy)
    try:
        # Changes made before the OS watch is in place would be missed, so wait for it.
        running.wait_stderr("watching")
        yield running
    finally:
        running.close()


def test_an_added_article_is_quoted_after_the_reload(chat: Chat, knowledge_copy: Path) -> None:
    assert "pickled turnips" not in chat.ask(ZEPPELIN_QUESTION)
    write_article(knowledge_copy, "test-2019-03-01-zeppelin", ZEPPELIN_BODY)
    line = chat.wait_stderr("Reloaded")
    assert "added test-2019-03-01-zeppelin" in line
    reply = chat.ask(ZEPPELIN_QUESTION)
    assert "eleven crates of pickled turnips" in reply
    assert "Test Gazette" in reply


def test_a_deleted_article_is_never_quoted_again(chat: Chat, knowledge_copy: Path) -> None:
    path = write_article(knowledge_copy, "test-2019-03-01-zeppelin", ZEPPELIN_BODY)
    chat.wait_stderr("added test-2019-03-01-zeppelin")
    assert "pickled turnips" in chat.ask(ZEPPELIN_QUESTION)
    path.unlink()
    assert "removed test-2019-03-01-zeppelin" in chat.wait_stderr("Reloaded")
    for question in (ZEPPELIN_QUESTION, "pickled turnips in mare's milk", "zeppelin Ulaanbaatar turnip"):
        reply = chat.ask(question)
        assert "turnip" not in reply.casefold()
        assert "zeppelin" not in reply.casefold() or "do not cover" in reply


def test_a_copy_saved_under_another_id_is_not_quoted_until_the_served_one_is_removed(chat: Chat, knowledge_copy: Path) -> None:
    original = write_article(knowledge_copy, "test-2019-03-01-zeppelin", ZEPPELIN_BODY)
    chat.wait_stderr("added test-2019-03-01-zeppelin")
    copy = write_article(knowledge_copy, "test-2019-03-02-zeppelin-again", ZEPPELIN_BODY, publisher="Copy Courier")
    line = chat.wait_stderr("Reloaded")
    assert "added none" in line and "1 warning" in line
    # Each warning on its own line under the summary, not joined to it.
    assert chat.wait_stderr("warning: ").strip().startswith(f"warning: {copy}: body: the same text as 'test-2019-03-01-zeppelin' ({original})")
    reply = chat.ask(ZEPPELIN_QUESTION)
    assert reply.count("eleven crates of pickled turnips") == 1
    assert "Test Gazette" in reply and "Copy Courier" not in reply
    original.unlink()
    line = chat.wait_stderr("Reloaded")
    assert "added test-2019-03-02-zeppelin-again" in line and "removed test-2019-03-01-zeppelin" in line
    reply = chat.ask(ZEPPELIN_QUESTION)
    assert "eleven crates of pickled turnips" in reply and "Copy Courier" in reply


def test_a_malformed_file_is_reported_and_the_rest_still_answers(chat: Chat, knowledge_copy: Path) -> None:
    broken = knowledge_copy / "articles" / "broken-upload.md"
    broken.write_text("---\nid: broken-upload\ntitle: [unclosed\n---\n\nSome text.\n", encoding="utf-8")
    line = chat.wait_stderr("Reloaded")
    assert "1 warning" in line and "warning: " not in line
    assert "broken-upload.md: front matter: is not valid YAML" in chat.wait_stderr("warning: ")
    reply = chat.ask("Who was Trump's choice to replace Tillerson?")
    assert "Mike Pompeo" in reply


def test_reload_command_prints_the_report(chat: Chat, knowledge_copy: Path) -> None:
    reply = chat.ask("/reload")
    assert "Reloaded in" in reply
    assert "added none; changed none; removed none; 3 articles" in reply


def test_a_vanished_folder_keeps_the_last_good_knowledge(chat: Chat, knowledge_copy: Path) -> None:
    parked = knowledge_copy.with_name("parked")
    knowledge_copy.rename(parked)
    chat.wait_stderr("still serving the last good knowledge")
    assert "Mike Pompeo" in chat.ask("Who was Trump's choice to replace Tillerson?")
    write_article(parked, "test-2019-03-01-zeppelin", ZEPPELIN_BODY)
    parked.rename(knowledge_copy)
    chat.wait_stderr("is back")
    assert "added test-2019-03-01-zeppelin" in chat.wait_stderr("Reloaded")
    assert "pickled turnips" in chat.ask(ZEPPELIN_QUESTION)


def test_an_article_that_is_not_utf8_is_named_on_reload_and_never_quoted(chat: Chat, knowledge_copy: Path) -> None:
    """A walkthrough saw "added latin1-one" and quotes reading "caf\\xe9": a file saved as Latin-1,
    or with its accented letters written as escapes, is named with its line and left out."""
    latin1 = knowledge_copy / "articles" / "test-latin1.md"
    latin1.write_bytes(f"---\nid: test-latin1\ntitle: T\npublisher: Le Monde\npublished: 2019-03-01\n---\n\n{ZEPPELIN_BODY.strip()} Café.\n".encode("latin-1"))
    line = chat.wait_stderr("Reloaded")
    assert "added none" in line
    assert f"{latin1}, line 10: (file): is not UTF-8 text: byte 0xe9" in chat.wait_stderr("warning: ")  # under the summary
    escaped = write_article(knowledge_copy, "test-escaped", f"{ZEPPELIN_BODY} Caf\\xe9 cr\\xe8me.")
    line = chat.wait_stderr(f"{escaped}")  # the first write may have been reloaded twice
    assert f"{escaped}, line 11: (file): holds '\\xe9', a letter written as an escape code" in line
    assert "added none" in next(seen for seen in reversed(chat.stderr_seen) if "Reloaded" in seen)
    assert "turnip" not in chat.ask(ZEPPELIN_QUESTION)


def test_reload_at_the_terminal_shows_the_report_once(chat: Chat, knowledge_copy: Path) -> None:
    """The terminal printed the report twice, as a log line and as the reply, on one screen. A
    reload the watcher starts is still logged (nothing else shows it)."""
    reply = chat.ask("/reload")
    assert reply.count("Reloaded in") == 1
    write_article(knowledge_copy, "test-2019-03-01-zeppelin", ZEPPELIN_BODY)
    assert "added test-2019-03-01-zeppelin" in chat.wait_stderr("Reloaded")
    assert not any("Reloaded in" in line and "added none" in line for line in chat.stderr_seen)


def test_an_alias_group_that_clashes_with_a_served_one_changes_nothing(chat: Chat, knowledge_copy: Path) -> None:
    """A walkthrough put "[Hanoi, Hanoi talks]" above the served "[Hanoi, Vietnam, …]" group: the
    file-order check left out the served group instead, and the answers and the timeline changed.
    The group the bot serves keeps its names; the new one is reported and has no effect."""
    question = "What happened at the Vietnam summit?"
    before = chat.ask(question)
    timeline_before = chat.ask("/timeline")
    aliases = knowledge_copy / "aliases.yaml"
    text = aliases.read_text(encoding="utf-8")
    served = next(line for line in text.splitlines() if line.startswith("  - [Hanoi, "))
    aliases.write_text(text.replace(served, f"  - [Hanoi, Hanoi talks]\n{served}", 1), encoding="utf-8")
    chat.wait_stderr("aliases.yaml changed")
    line = chat.wait_stderr("aliases.yaml, line")  # its warning, on its own line under the summary
    clash = text.splitlines().index(served) + 1
    assert f"aliases.yaml, line {clash}: group " in line and f"'Hanoi' is already in the group at line {clash + 1}, which the bot already serves" in line
    assert chat.ask(question) == before
    assert chat.ask("/timeline") == timeline_before
