"""Each article's dated mentions are remembered between timeline builds (a reload re-reads only
the articles that changed), and what is remembered never changes the timeline."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.knowledge.base import build_knowledge_base
from bot.knowledge.models import Article, Span
from bot.timeline import build as timeline_build
from bot.timeline.build import build_timeline
from bot.timeline.found import Mention, find_mentions
from bot.timeline.remembered import RememberedMentions
from tests.conftest import write_article

MEETING = "The trade ministers met in Oslo on Tuesday and failed to agree on tariffs."


def articles_and_sentences(folder: Path) -> list[tuple[Article, tuple[Span, ...]]]:
    knowledge = build_knowledge_base(folder)
    by_article: dict[str, list[Span]] = {}
    for sentence in knowledge.sentences:
        by_article.setdefault(knowledge.passages[sentence.passage].article_id, []).append(sentence.span)
    return [(article, tuple(by_article[article.id])) for article in knowledge.articles.values()]


def test_only_new_or_changed_articles_are_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    write_article(folder, "test-oslo", MEETING, published="2019-03-15")
    write_article(folder, "test-lima", "The summit in Lima ended on Monday without a deal.", published="2019-03-15")
    read: list[str] = []

    def find(article: Article, sentences: tuple[Span, ...]) -> list[Mention]:
        read.append(article.id)
        return find_mentions(article.id, article.body, article.meta.published, sentences)

    memory = RememberedMentions()
    first = memory.mentions(articles_and_sentences(folder), find)
    assert sorted(read) == ["test-lima", "test-oslo"]
    read.clear()
    assert memory.mentions(articles_and_sentences(folder), find) == first and read == []
    # An edited article is read again, and its new date is what the timeline gets.
    write_article(folder, "test-lima", "The summit in Lima ended on Wednesday without a deal.", published="2019-03-15")
    again = memory.mentions(articles_and_sentences(folder), find)
    assert read == ["test-lima"]
    assert "2019-03-13" in {m.date.iso() for m in again} and "2019-03-11" not in {m.date.iso() for m in again}


def test_a_remembered_timeline_is_the_timeline_built_anew(knowledge_copy: Path) -> None:
    knowledge = build_knowledge_base(knowledge_copy)  # fills the memory
    remembered, _ = build_timeline(knowledge)
    saved = timeline_build.REMEMBERED
    try:
        timeline_build.REMEMBERED = RememberedMentions()
        fresh, _ = build_timeline(knowledge)
    finally:
        timeline_build.REMEMBERED = saved
    assert remembered == fresh and remembered


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
