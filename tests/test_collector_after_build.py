"""A knowledge build pauses the cycle collector and leaves it as found; a reload freezes nothing.

The first build freezes what is alive (the knowledge served from start-up); a later build only
collects, so what a live server holds at a reload stays collectable, and a knowledge base that is
dropped leaves no cyclic garbage behind.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.knowledge import collection
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from tests.conftest import write_article

BODY = """
    The envoys met in Geneva on March 3, 2019, and agreed to meet again.

    "We made progress," the chief negotiator said after the talks.
"""


@pytest.fixture
def collector_running() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.enable()
    yield
    if not enabled:
        gc.disable()


def _build(folder: Path, cache: Path) -> KnowledgeBase:
    return build_knowledge_base(folder, embedding_cache=cache)


def test_a_build_leaves_the_collector_as_found(tmp_path: Path, collector_running: None) -> None:
    write_article(tmp_path / "knowledge", "geneva-talks", BODY, published="2019-03-04")
    _build(tmp_path / "knowledge", tmp_path / "cache")
    assert gc.isenabled()
    gc.disable()
    try:
        _build(tmp_path / "knowledge", tmp_path / "cache")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_reload_freezes_nothing_and_a_dropped_knowledge_base_leaves_no_cycles(tmp_path: Path, collector_running: None) -> None:
    write_article(tmp_path / "knowledge", "geneva-talks", BODY, published="2019-03-04")
    _build(tmp_path / "knowledge", tmp_path / "cache")  # a start (or an earlier test's) froze then
    frozen = gc.get_freeze_count()
    # Something a front end holds at a reload, in a cycle (a task and its traceback, say): once it
    # becomes garbage, the collector must still find it.
    held = _InACycle()
    gone = weakref.ref(held)
    write_article(tmp_path / "knowledge", "geneva-talks", BODY + "\n    The talks ended on March 5, 2019.", published="2019-03-06")
    reloaded = _build(tmp_path / "knowledge", tmp_path / "cache")
    assert gc.get_freeze_count() == frozen
    assert "geneva-talks" in reloaded.articles
    gc.collect()
    del reloaded
    assert gc.collect() == 0  # the knowledge base leaves no cyclic garbage
    del held
    gc.collect()
    assert gone() is None


class _InACycle:
    def __init__(self) -> None:
        self.itself = self


def test_a_start_freezes_without_walking_the_heap(tmp_path: Path, collector_running: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # A full collection at the end of the first build walked every object the build made (a
    # million containers at 3,000 articles, 0.9 s CPU of a start) to find only the imports'
    # leftovers; the start freezes what is alive at once.
    monkeypatch.setattr(collection, "_frozen", False)  # as in a new process, whatever earlier tests built
    collections: list[tuple[int, ...]] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *generation: collections.append(generation) or collect(*generation))
    write_article(tmp_path / "knowledge", "geneva-talks", BODY, published="2019-03-04")
    frozen = gc.get_freeze_count()
    knowledge = _build(tmp_path / "knowledge", tmp_path / "cache")
    assert collections == []
    assert gc.get_freeze_count() > frozen
    assert gc.isenabled()
    # A reload after it collects as before (what a live server holds then stays collectable).
    _build(tmp_path / "knowledge", tmp_path / "cache")
    assert collections == [()]
    assert "geneva-talks" in knowledge.articles
