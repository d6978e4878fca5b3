"""Watches the knowledge folder and swaps in a rebuilt knowledge base shortly after a change settles.

Every long-running front end gets this from one place (`serve_with_watcher`), so the front-end
modules never start a watcher of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from pathlib import Path

from watchfiles import Change, DefaultFilter, awatch

from bot.knowledge.articles import ARTICLE_SUFFIXES
from bot.knowledge.store import KnowledgeStore

logger = logging.getLogger(__name__)

# A save is often a burst (temporary file, rename, metadata): wait until nothing has moved for
# SETTLE_MS, but never hold a change back longer than MAX_WAIT_MS.
SETTLE_MS = 300
MAX_WAIT_MS = 2_000
# How often the watcher wakes with no change, to notice that the folder itself was deleted
# (inotify stops reporting once the watched folder is gone).
WAKE_MS = 1_000
WATCHED_SUFFIXES = frozenset({*ARTICLE_SUFFIXES, ".yaml", ".yml"})
# Editors and our own importer write beside the file first; those are not knowledge yet.
TEMPORARY_SUFFIXES = (".tmp", ".part", ".swp", ".swx", "~")


class KnowledgeFilter(DefaultFilter):
    """Only changes that can alter the knowledge: article and YAML files, and folders themselves."""

    def __call__(self, change: Change, path: str) -> bool:
        name = Path(path).name
        if name.startswith(".") or name.endswith(TEMPORARY_SUFFIXES) or not super().__call__(change, path):
            return False
        suffix = Path(path).suffix.lower()
        # A deleted folder has no suffix and can no longer be asked whether it was a folder.
        return suffix in WATCHED_SUFFIXES or suffix == ""


async def reload_now(store: KnowledgeStore) -> None:
    """Rebuild in a thread beside the serving knowledge; questions keep being answered meanwhile."""
    try:
        await asyncio.to_thread(store.reload)
    except Exception:
        # The watcher must outlive any one bad rebuild; the last good knowledge keeps serving.
        logger.exception("reloading %s failed; the last good knowledge keeps serving", store.folder)


def _changes(
    path: Path,
    settle_ms: int,
    max_wait_ms: int,
    wake_ms: int,
    *,
    watch_filter: Callable[[Change, str], bool],
    recursive: bool = True,
) -> AsyncGenerator[set[tuple[Change, str]], None]:
    """Settled bursts of changes under path, and an empty set every wake_ms when nothing happens."""
    return awatch(
        path,
        watch_filter=watch_filter,
        debounce=max_wait_ms,
        step=settle_ms,
        rust_timeout=wake_ms,
        yield_on_timeout=True,
        recursive=recursive,
    )


async def _watch_folder(store: KnowledgeStore, settle_ms: int, max_wait_ms: int, wake_ms: int) -> None:
    """Reload on each settled burst of changes; returns when the folder disappears."""
    announced = False
    watching = _changes(store.folder, settle_ms, max_wait_ms, wake_ms, watch_filter=KnowledgeFilter())
    # aclosing: leaving the loop early must release the OS watch now, not when the generator is collected.
    async with contextlib.aclosing(watching):
        async for changes in watching:
            if not announced:
                # The first wake-up means the OS watch is in place: changes from now on are seen.
                logger.info("watching %s for changes", store.folder)
                store.watching.set()
                announced = True
            if changes:
                logger.debug("knowledge changed: %s", sorted(path for _, path in changes))
                await reload_now(store)
            if not store.folder.is_dir():
                if not changes:
                    await reload_now(store)  # logs that the last good knowledge keeps serving
                return


async def _wait_for_folder(folder: Path, settle_ms: int, max_wait_ms: int, wake_ms: int) -> bool:
    """Wait (watching the parent) until the folder exists again; False if even the parent is gone."""
    parent = folder.parent
    if not parent.is_dir():
        logger.error("cannot watch for %s to come back: %s does not exist either; restart the bot once it does", folder, parent)
        return False
    watching = _changes(parent, settle_ms, max_wait_ms, wake_ms, watch_filter=lambda _, path: Path(path) == folder, recursive=False)
    async with contextlib.aclosing(watching):
        async for _ in watching:
            if folder.is_dir():
                return True
    return False


async def watch_knowledge(
    store: KnowledgeStore,
    *,
    settle_ms: int = SETTLE_MS,
    max_wait_ms: int = MAX_WAIT_MS,
    wake_ms: int = WAKE_MS,
) -> None:
    """Run until cancelled: reload after every settled change, survive the folder going and coming back."""
    while True:
        if store.folder.is_dir():
            try:
                await _watch_folder(store, settle_ms, max_wait_ms, wake_ms)
            except FileNotFoundError:
                pass  # deleted between the check and the watch; handled below like any deletion
            if store.folder.is_dir():
                continue
        logger.warning("the knowledge folder %s is gone; still serving the last good knowledge until it is back", store.folder)
        if not await _wait_for_folder(store.folder, settle_ms, max_wait_ms, wake_ms):
            return
        logger.info("the knowledge folder %s is back", store.folder)
        await reload_now(store)


async def _watch_and_log_failure(store: KnowledgeStore) -> None:
    # Nobody awaits the watcher until shutdown, so a failure would otherwise go unseen while serving.
    try:
        await watch_knowledge(store)
    except Exception:
        logger.exception("the knowledge watcher stopped; changes to %s need /reload or a restart", store.folder)


async def serve_with_watcher(store: KnowledgeStore, front_ends: Iterable[Awaitable[None]]) -> None:
    """Run the front ends with the knowledge watcher beside them; the watcher stops when they finish."""
    watcher = asyncio.create_task(_watch_and_log_failure(store), name="knowledge-watcher")
    try:
        await asyncio.gather(*front_ends)
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
