"""The bundled articles: clean of page chrome, faithful to the source text, valid."""

from __future__ import annotations

import re

import pytest

from bot.knowledge.store import KnowledgeStore
from tests.conftest import SEEDS

CHROME = ("More Great WIRED Stories", "clock menu more-arrow", "Getty Images", "Vietnam News Agency/Handout")


def test_bundled_knowledge_loads_without_problems(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    assert knowledge.problems == ()
    assert len(knowledge.articles) == 3
    assert {a.meta.publisher for a in knowledge.articles.values()} == {"The Washington Post (Global Opinions)", "WIRED", "Vox"}


@pytest.mark.parametrize("chrome", CHROME)
def test_no_page_chrome_in_any_article(bundled_store: KnowledgeStore, chrome: str) -> None:
    # The scraped text has it, so its absence from the articles is the cleaning's doing.
    assert any(chrome in seed.read_text(encoding="utf-8") for seed in SEEDS.glob("*.txt"))
    for article in bundled_store.current.articles.values():
        assert chrome not in article.path.read_text(encoding="utf-8")


def test_photo_captions_are_not_article_text(bundled_store: KnowledgeStore) -> None:
    vox = next(a for a in bundled_store.current.articles.values() if a.meta.publisher == "Vox")
    assert "during their second summit meeting on February 28" not in vox.body


def test_every_paragraph_is_verbatim_source_text(bundled_store: KnowledgeStore) -> None:
    """Cleaning removes chrome; it never edits a word of the article."""
    for article in bundled_store.current.articles.values():
        assert article.meta.source_file is not None
        seed = (SEEDS / article.meta.source_file).read_text(encoding="utf-8")
        for paragraph in re.split(r"\n\s*\n", article.body):
            assert paragraph.strip() in seed, f"{article.id}: {paragraph[:60]!r} is not in the source"


def test_authors_left_empty_rather_than_guessed(bundled_store: KnowledgeStore) -> None:
    assert all(a.meta.author is None for a in bundled_store.current.articles.values())
