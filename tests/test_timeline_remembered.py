"""Each article's dated mentions are remembered between timeline builds (a reload re-reads only
the articles that changed), and what is remembered never changes the timeline."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from bot.knowledge.base import build_knowledge_base
from bot.timeline import build as timeline_build
from bot.timeline import remembered
from bot.timeline.build import build_timeline
from bot.timeline.found import Mention, find_mentions
from tests.conftest import write_article

MEETING = "The trade ministers met in Oslo on Tuesday and failed to agree on tariffs."


def test_only_new_or_changed_articles_are_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "knowledge"
    write_article(folder, "test-oslo", MEETING, published="2019-03-15")
    write_article(folder, "test-lima", "The summit in Lima ended on Monday without a deal.", published="2019-03-15")
    read: list[str] = []

    def counting(article_id: str, *args: Any) -> list[Mention]:
        read.append(article_id)
        return find_mentions(article_id, *args)

    monkeypatch.setattr(timeline_build, "find_mentions", counting)
    remembered.forget()
    build_knowledge_base(folder)
    assert sorted(read) == ["test-lima", "test-oslo"]
    read.clear()
    build_knowledge_base(folder)  # a reload with nothing changed
    assert read == []
    # An edited article is read again, and its new date is what the timeline gets.
    write_article(folder, "test-lima", "The summit in Lima ended on Wednesday without a deal.", published="2019-03-15")
    events = build_knowledge_base(folder).timeline
    assert read == ["test-lima"]
    assert "2019-03-13" in {e.date.iso() for e in events} and "2019-03-11" not in {e.date.iso() for e in events}


def test_a_remembered_timeline_is_the_timeline_built_anew(knowledge_copy: Path) -> None:
    knowledge = build_knowledge_base(knowledge_copy)  # fills the memory
    reused, _ = build_timeline(knowledge)
    remembered.forget()
    fresh, _ = build_timeline(knowledge)
    assert reused == fresh and reused


def test_builds_in_several_threads_agree(knowledge_copy: Path) -> None:
    """Answers and reloads run in worker threads: builds racing on the memory give the same events."""
    knowledge = build_knowledge_base(knowledge_copy)
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(build_timeline(knowledge)[0])) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and all(result == results[0] for result in results)
