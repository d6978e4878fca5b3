"""Live reload seen from Discord through the real entry point: `python -m bot discord` in a
subprocess, logged in to the fake Discord, while an article is added to and removed from its
knowledge folder."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from tests.conftest import write_article
from tests.discord_fixtures import answered, fake_discord, interaction_calls  # noqa: F401  (fixtures)
from tests.fakes.discord_server import TOKEN, FakeDiscord

ARTICLE_ID = "zanzibar-2019-03-01"
QUESTION = "What did the Zanzibar accord on plutonium reprocessing require?"
NEW_TEXT = "The Zanzibar accord on plutonium reprocessing required every reactor to close by winter."
TIMEOUT = 20.0


class BotProcess:
    """The bot as an operator starts it, with its stderr read line by line as it comes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self._new_line = asyncio.Condition()
        self._reader = asyncio.create_task(self._read_stderr())

    @classmethod
    async def start(cls, fake: FakeDiscord, knowledge: Path) -> BotProcess:
        env = {
            **os.environ,
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_GUILD_IDS": fake.guild_id,
            "BOT_LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "discord", "--knowledge", str(knowledge),
            env=env, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )
        return cls(process)

    async def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        async for raw in self.process.stderr:
            async with self._new_line:
                self.lines.append(raw.decode("utf-8", "replace"))
                self._new_line.notify_all()
        async with self._new_line:  # the process closed stderr: wake any waiter to fail now, not at its timeout
            self._new_line.notify_all()

    async def wait_for_line(self, *needles: str, after: int = 0, timeout: float = TIMEOUT) -> int:
        """Index of the first stderr line from `after` on containing every needle."""

        def found() -> int | None:
            return next((n for n in range(after, len(self.lines)) if all(x in self.lines[n] for x in needles)), None)

        async with self._new_line:
            try:
                await asyncio.wait_for(self._new_line.wait_for(lambda: found() is not None or self._reader.done()), timeout)
            except TimeoutError:
                raise AssertionError(f"no stderr line with {needles} within {timeout}s:\n{''.join(self.lines)}") from None
        index = found()
        assert index is not None, f"the bot exited ({self.process.returncode}) before logging {needles}:\n{''.join(self.lines)}"
        return index

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 10)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader


async def ask(fake: FakeDiscord) -> str:
    """/ask through the gateway; the description of the follow-up the bot posts."""
    interaction = await fake.slash("ask", {"question": QUESTION})
    calls = await fake.wait_for(answered(interaction, follow_ups=1), timeout=TIMEOUT)
    [follow_up] = [c for c in interaction_calls(calls, interaction) if c.path.startswith("/webhooks/")]
    embeds: list[dict[str, Any]] = follow_up.body["embeds"]
    return "\n".join(e.get("description", "") for e in embeds)


async def test_an_article_added_and_removed_while_python_m_bot_discord_serves(fake_discord: FakeDiscord, knowledge_copy: Path) -> None:
    fake_discord.expect_connection()
    bot = await BotProcess.start(fake_discord, knowledge_copy)
    try:
        ready = asyncio.create_task(fake_discord.wait_ready(timeout=TIMEOUT))
        watching = asyncio.create_task(bot.wait_for_line("watching", str(knowledge_copy)))
        await asyncio.gather(ready, watching)  # logged in (IDENTIFY, READY) and the folder watch in place
        assert fake_discord.identifies[-1]["token"] == TOKEN
        before = await ask(fake_discord)

        path = write_article(knowledge_copy, ARTICLE_ID, NEW_TEXT, publisher="Test Wire")
        seen = await bot.wait_for_line("Reloaded in", f"added {ARTICLE_ID}")
        added = await ask(fake_discord)

        path.unlink()
        await bot.wait_for_line("Reloaded in", f"removed {ARTICLE_ID}", after=seen + 1)
        removed = await ask(fake_discord)
    finally:
        await bot.stop()
    assert NEW_TEXT not in before
    assert f"> {NEW_TEXT}" in added and "Test Wire" in added
    assert NEW_TEXT not in removed and "Test Wire" not in removed
