"""Live reload seen from Slack: `python -m bot slack` in HTTP mode, a real subprocess, while its knowledge changes.

The process is the production entry point (settings from the environment, the knowledge watcher
that `serve_with_watcher` starts beside the app); it talks only to the fake Slack on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp

from tests.conftest import write_article
from tests.fakes.slack_server import BOT_TOKEN, FakeSlack
from tests.slack_checks import all_text
from tests.slack_fixtures import SIGNING_SECRET, HttpBot, fake_slack, free_port, slash_command_body  # noqa: F401  (fixtures)

TIMEOUT = 20.0  # for each wait; only reached when something is wrong
QUESTION = "What did the Zanzibar accord on plutonium reprocessing require?"
NEW_TEXT = "The Zanzibar accord on plutonium reprocessing required every reactor to close by winter."
ARTICLE_ID = "zanzibar-2019-03-01"


class SlackProcess:
    """The running bot, with its stderr read line by line so a test can wait for a log line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self._read = 0  # lines before this index were already matched by a wait
        self._changed = asyncio.Condition()
        self._reader = asyncio.create_task(self._drain())

    async def _drain(self) -> None:
        assert self.process.stderr is not None
        async for raw in self.process.stderr:
            async with self._changed:
                self.lines.append(raw.decode("utf-8", "replace"))
                self._changed.notify_all()
        async with self._changed:
            self._changed.notify_all()  # the process ended: waiters fail now rather than at their timeout

    async def wait_stderr(self, matches: Callable[[str], bool], what: str) -> str:
        """The first stderr line after the last one waited for that matches."""

        async def until() -> str:
            async with self._changed:
                while True:
                    for index in range(self._read, len(self.lines)):
                        if matches(self.lines[index]):
                            self._read = index + 1
                            return self.lines[index]
                    if self._reader.done():
                        raise AssertionError(f"the bot exited ({self.process.returncode}) before logging {what}")
                    await self._changed.wait()

        try:
            return await asyncio.wait_for(until(), TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"no stderr line with {what} within {TIMEOUT}s; saw:\n{''.join(self.lines)}") from None

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 10)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        self._reader.cancel()
        await asyncio.gather(self._reader, return_exceptions=True)


@asynccontextmanager
async def start_slack_bot(fake: FakeSlack, knowledge: Path, port: int, cwd: Path) -> AsyncIterator[SlackProcess]:
    env = {
        **os.environ,  # conftest has removed the developer's platform settings from it
        "PYTHONUNBUFFERED": "1",
        "BOT_LOG_LEVEL": "INFO",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_BASE": fake.api_base,
        "SLACK_PORT": str(port),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "slack", "--knowledge", str(knowledge),
        cwd=cwd,  # a folder without a .env
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    running = SlackProcess(process)
    try:
        yield running
    finally:
        await running.stop()


async def ask(fake: FakeSlack, bot: HttpBot, hook: str) -> str:
    response = await bot.command(slash_command_body(fake, "/ask", QUESTION, hook=hook))
    assert response.status == 200
    (reply,) = await fake.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/" + hook)], TIMEOUT)
    return all_text(reply)


def reload_line(change: str) -> Callable[[str], bool]:
    return lambda line: "Reloaded in" in line and change in line


async def test_an_article_added_and_removed_while_python_m_bot_slack_serves(fake_slack: FakeSlack, knowledge_copy: Path, tmp_path: Path) -> None:
    port = free_port()
    async with start_slack_bot(fake_slack, knowledge_copy, port, tmp_path) as bot_process:
        await bot_process.wait_stderr(lambda line: f"listening for HTTP requests on port {port}" in line, "the HTTP startup line")
        # Changes made before the OS watch is in place would be missed, so wait for it too.
        await bot_process.wait_stderr(lambda line: f"watching {knowledge_copy} for changes" in line, "the watcher's startup line")
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as session:
            bot = HttpBot(f"http://127.0.0.1:{port}/slack/events", session)
            before = await ask(fake_slack, bot, "before")

            path = write_article(knowledge_copy, ARTICLE_ID, NEW_TEXT, publisher="Test Wire")
            await bot_process.wait_stderr(reload_line(f"added {ARTICLE_ID}"), f"a reload that added {ARTICLE_ID}")
            added = await ask(fake_slack, bot, "added")

            path.unlink()
            await bot_process.wait_stderr(reload_line(f"removed {ARTICLE_ID}"), f"a reload that removed {ARTICLE_ID}")
            removed = await ask(fake_slack, bot, "removed")

    assert NEW_TEXT not in before and "do not cover that" in before
    assert NEW_TEXT in added and "Test Wire" in added
    assert NEW_TEXT not in removed and "do not cover that" in removed
