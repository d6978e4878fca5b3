"""One serving process from start to exit: health probes first, then the knowledge, then the front
ends with the knowledge watcher, until they stop or SIGTERM asks them to.

On SIGTERM the process stops taking new work and lets answers in flight finish: each front end
does that when cancelled (at most DRAIN_SECONDS), then closes its clients; the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.config import Settings
from bot.knowledge.store import KnowledgeStore
from bot.knowledge.watch import serve_with_watcher
from bot.ranking.minilm import MODEL_PACKAGE, load_failure, model_installed
from bot.service.health_http import start_health_server
from bot.service.readiness import Check, ReadyWithNote, readiness

logger = logging.getLogger(__name__)

KNOWLEDGE_CHECK = "knowledge"
MODEL_CHECK = "model"
SHUTDOWN_CHECK = "shutdown"

FrontEnds = Callable[[Settings, KnowledgeStore], list[Awaitable[None]]]


def knowledge_readiness(store: KnowledgeStore) -> Check:
    """Ready while any article is being served; a folder that never loaded one is not."""
    return lambda: None if store.current.articles else "no articles loaded"


def model_readiness(store: KnowledgeStore) -> Check:
    """Ready while the meaning signal serves. Its package left out is a choice (words alone answer,
    with a warning), so that is ready with the reason; installed but failing to load is not ready."""

    def check() -> str | ReadyWithNote | None:
        if store.model_loaded:
            return None
        if not model_installed():
            return ReadyWithNote(f"answering on words alone: the package {MODEL_PACKAGE} is not installed")
        return f"sentence-embedding model not loaded: {load_failure() or 'unknown reason, see the log'}"

    return check


async def serve_until_stopped(settings: Settings, open_store: Callable[[], KnowledgeStore], front_ends: FrontEnds) -> None:
    """Run everything until the front ends return or SIGTERM arrives; errors at start propagate."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    health: web.AppRunner | None = None
    readiness.register(KNOWLEDGE_CHECK, lambda: "loading")
    readiness.register(MODEL_CHECK, lambda: "loading")  # loaded with the knowledge (its sentences' vectors)
    try:
        if settings.bot_health_port is not None:
            health = await start_health_server(settings.bot_health_host, settings.bot_health_port)
            logger.info("health checks on port %d: /healthz and /readyz", settings.bot_health_port)
        store = await asyncio.to_thread(open_store)
        readiness.register(KNOWLEDGE_CHECK, knowledge_readiness(store))
        readiness.register(MODEL_CHECK, model_readiness(store))
        serving = asyncio.create_task(serve_with_watcher(store, front_ends(settings, store)), name="front-ends")
        stopping = asyncio.create_task(stop.wait(), name="sigterm")
        await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if serving.done():
            stopping.cancel()
            serving.result()  # a start-up failure is raised here
            return
        logger.info("SIGTERM: taking no new work; finishing answers in flight, then exiting")
        readiness.register(SHUTDOWN_CHECK, lambda: "shutting down")
        serving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await serving
        logger.info("stopped")
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        readiness.unregister(KNOWLEDGE_CHECK)
        readiness.unregister(MODEL_CHECK)
        readiness.unregister(SHUTDOWN_CHECK)
        if health is not None:
            await health.cleanup()
