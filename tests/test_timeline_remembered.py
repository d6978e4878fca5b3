"""Each article's dated mentions are remembered between timeline builds (a reload re-reads only
the articles that changed), and what is remembered never changes the timeline."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.knowledge import article_cache
from bot.knowledge.base import build_knowledge_base
from bot.timeline import remembered
from bot.timeline.build import build_timeline
from bot.timeline.found import Mention, find_mentions
from bot.timeline.grammar import Role
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

    monkeypatch.setattr(remembered, "find_mentions", counting)
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


def _events(folder: Path, cache: Path) -> list[tuple[str, str]]:
    return [(e.date.iso(), e.title) for e in build_knowledge_base(folder, embedding_cache=cache).timeline]


@pytest.mark.parametrize("change", ["text", "publication date", "rules"])
def test_what_an_article_s_mentions_depend_on_is_in_their_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    """A build after the article's text, its publication date ("on Tuesday" is another day) or the
    rules (the code's digest) changed gives what finding the mentions afresh gives, whether the
    last build's mentions are remembered in memory or in the article cache on disk."""
    folder, cache = tmp_path / "knowledge", tmp_path / "cache"
    write_article(folder, "test-oslo", MEETING, published="2019-03-15")
    remembered.forget()
    before = _events(folder, cache)
    assert [date for date, _ in before] == ["2019-03-12"]
    if change == "text":
        write_article(folder, "test-oslo", MEETING.replace("Tuesday", "Wednesday"), published="2019-03-15")
    elif change == "publication date":
        write_article(folder, "test-oslo", MEETING, published="2019-03-22")
    else:

        def new_rules(*args: Any) -> list[Mention]:
            return [m if m.role is Role.STATE else replace(m, title=f"{m.title} (new rules)") for m in find_mentions(*args)]

        monkeypatch.setattr(remembered, "find_mentions", new_rules)
        monkeypatch.setattr(article_cache, "code_version", lambda module: "the new rules' digest")
        remembered.forget()  # new code runs in a new process: only the cache on disk is left
    remembered_build = _events(folder, cache)
    remembered.forget()
    from_disk = _events(folder, cache)
    remembered.forget()
    fresh = _events(folder, tmp_path / "no cache yet")
    assert remembered_build == from_disk == fresh != before
