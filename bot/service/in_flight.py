"""Counts work in flight (answers being built and posted), so shutdown can wait for it to finish."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

logger = logging.getLogger(__name__)

DRAIN_SECONDS = 10.0  # how long shutdown waits for answers in flight before closing anyway


class InFlight:
    """A counter of started-but-unfinished pieces of work on one event loop."""

    def __init__(self) -> None:
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def count(self) -> int:
        return self._count

    def started(self) -> None:
        self._count += 1
        self._idle.clear()

    def finished(self) -> None:
        self._count -= 1
        if self._count <= 0:
            self._count = 0
            self._idle.set()

    @contextlib.asynccontextmanager
    async def track(self) -> AsyncIterator[None]:
        self.started()
        try:
            yield
        finally:
            self.finished()

    async def wait_idle(self, timeout: float) -> bool:
        """True when nothing is in flight any more, False if work remains after `timeout` seconds."""
        await asyncio.sleep(0)  # let work scheduled just now (a listener after its ack) register first
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def drain(self, timeout: float, what: str) -> None:
        """Wait for work in flight to finish, saying in one line what is waited for and what was left."""
        await asyncio.sleep(0)  # a listener acknowledged just now registers in its first step
        if self._count:
            logger.info("%s: finishing %d answers in flight (at most %.0f s)", what, self._count, timeout)
        if not await self.wait_idle(timeout):
            logger.warning("%s: stopped with %d answers unfinished after %.0f s", what, self._count, timeout)
