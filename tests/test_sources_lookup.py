"""/sources ARTICLE finds articles by an alias of their publisher and by their date."""

from __future__ import annotations

from bot import commands
from bot.frontends.terminal import reply_to
from bot.knowledge.store import KnowledgeStore


def test_an_alias_of_a_publisher_finds_its_articles(bundled_store: KnowledgeStore) -> None:
    # aliases.yaml groups "Washington Post" with "WaPo".
    found = commands.find_articles(bundled_store, "wapo")
    assert [a.meta.publisher for a in found] == ["The Washington Post (Global Opinions)"]
    assert "No article matches" not in (reply_to(bundled_store, "/sources wapo") or "")


def test_a_year_or_month_lists_the_articles_published_then(bundled_store: KnowledgeStore) -> None:
    found = commands.find_articles(bundled_store, "2019")
    assert found and all(a.meta.published.year == 2019 for a in found)
    assert len(found) == sum(a.meta.published.year == 2019 for a in bundled_store.current.articles.values())
    reply = reply_to(bundled_store, "/sources 2019") or ""
    assert reply.startswith(f"{len(found)} articles:")
    assert all(f"[{a.id}]" in reply for a in found)
    assert [a.meta.published.isoformat()[:7] for a in commands.find_articles(bundled_store, "2018-03")] == ["2018-03"]
    assert commands.find_articles(bundled_store, "1999") == []
