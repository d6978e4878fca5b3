"""`python -m bot …` as an operator starts it, in a subprocess whose log lines a test can wait for.

A server logs on standard output; standard error carries only the sentence that stops it.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

from tests.patience import WAIT_SECONDS

TIMEOUT = WAIT_SECONDS  # for each wait; only reached when something is wrong


class BotProcess:
    """The running bot, its log (stdout) read line by line as it comes, and its stderr."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []  # the log
        self.stderr: list[str] = []
        self._next = 0  # lines before this index were matched by an earlier wait
        self._changed = asyncio.Condition()
        self._reader = asyncio.create_task(self._drain())
        self._stderr_reader = asyncio.create_task(self._drain_stderr())

    async def _drain(self) -> None:
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            async with self._changed:
                self.lines.append(raw.decode("utf-8", "replace"))
                self._changed.notify_all()
        await self._stderr_reader  # so a failure's message below has the sentence that stopped it
        async with self._changed:
            self._changed.notify_all()  # the process ended: waiters fail now rather than at their timeout

    async def _drain_stderr(self) -> None:
        assert self.process.stderr is not None
        async for raw in self.process.stderr:
            self.stderr.append(raw.decode("utf-8", "replace"))

    async def wait_for_line(self, *needles: str, timeout: float = TIMEOUT) -> str:
        """The first log line after the last one waited for that contains every needle."""

        async def until() -> str:
            async with self._changed:
                while True:
                    for index in range(self._next, len(self.lines)):
                        if all(needle in self.lines[index] for needle in needles):
                            self._next = index + 1
                            return self.lines[index]
                    if self._reader.done():
                        raise AssertionError(f"the bot exited ({self.process.returncode}) before logging {needles}:\n{self.output()}")
                    await self._changed.wait()

        try:
            return await asyncio.wait_for(until(), timeout)
        except TimeoutError:
            raise AssertionError(f"no log line with {needles} within {timeout}s:\n{self.output()}") from None

    def output(self) -> str:
        return "".join(self.lines) + ("stderr:\n" + "".join(self.stderr) if self.stderr else "")

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), TIMEOUT)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        # The process has ended: read what it wrote to the end (its pipes close with it).
        readers = (self._reader, self._stderr_reader)
        await asyncio.wait(readers, timeout=TIMEOUT)
        for reader in readers:
            reader.cancel()
        await asyncio.gather(*readers, return_exceptions=True)


@asynccontextmanager
async def running_bot(*args: str, env: Mapping[str, str], cwd: Path) -> AsyncIterator[BotProcess]:
    """`python -m bot ARGS` with these settings added to the (test-isolated) environment.

    `cwd` should be a folder without a .env, so a developer's own settings cannot leak in.
    """
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args,
        cwd=cwd,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "BOT_LOG_LEVEL": "INFO", "SLACK_HOST": "127.0.0.1", "BOT_HEALTH_HOST": "127.0.0.1", **env},
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    running = BotProcess(process)
    try:
        yield running
    finally:
        await running.stop()
