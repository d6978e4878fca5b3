"""Each article's derived data (passages and terms, quotations, the timeline's dated mentions) is read back from the article
cache by a new process exactly as working it out gives it; a broken cache file costs only a
rebuild; and a reload reuses every unchanged article's work as the very same objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.knowledge.aliases_file import load_aliases
from bot.knowledge.article_cache import FOLDER_NAME
from bot.knowledge.articles import read_articles
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.knowledge.indexing import ArticleIndexer, index_article
from bot.knowledge.models import Article
from bot.knowledge.store import KnowledgeStore
from bot.quotations.find import find_quotations
from bot.quotations.remembered import RememberedQuotations
from bot.search.aliases import AliasTable
from bot.search.normalise import is_stop_word, words
from bot.timeline import remembered as remembered_mentions
from bot.timeline.build import build_timeline
from bot.timeline.remembered import find_all_mentions
from bot.timeline.found import Mention
from tests.conftest import FIXTURE_KNOWLEDGE


def _bundled() -> tuple[list[Article], AliasTable]:
    articles, _ = read_articles(FIXTURE_KNOWLEDGE)
    groups, _ = load_aliases(FIXTURE_KNOWLEDGE)
    return articles, AliasTable.from_groups(groups)


def _cache_files(cache: Path) -> list[Path]:
    return sorted((cache / FOLDER_NAME).rglob("*.marshal"))


def test_a_new_process_reads_back_what_working_each_article_out_gives(tmp_path: Path) -> None:
    articles, aliases = _bundled()
    # Fresh memories stand for a new process: the first fills the cache, the second only reads it.
    ArticleIndexer().index(articles, aliases, tmp_path)
    RememberedQuotations().quotations(articles, tmp_path)
    written = {path: path.stat().st_mtime_ns for path in _cache_files(tmp_path)}
    assert len(written) == 2 * len(articles)

    read_back = ArticleIndexer().index(articles, aliases, tmp_path)
    quotations = RememberedQuotations().quotations(articles, tmp_path)

    assert read_back == [index_article(article, aliases) for article in articles]
    assert quotations == [tuple(find_quotations(article)) for article in articles]
    assert sum(len(found) for found in quotations) > 0
    assert {path: path.stat().st_mtime_ns for path in _cache_files(tmp_path)} == written  # nothing made again


def test_a_corrupt_or_cut_short_cache_file_costs_only_working_the_article_out_again(tmp_path: Path) -> None:
    articles, aliases = _bundled()
    ArticleIndexer().index(articles, aliases, tmp_path)
    RememberedQuotations().quotations(articles, tmp_path)
    files = _cache_files(tmp_path)
    for number, path in enumerate(files):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if number % 2 else b"not a cache file")

    assert ArticleIndexer().index(articles, aliases, tmp_path) == [index_article(article, aliases) for article in articles]
    assert RememberedQuotations().quotations(articles, tmp_path) == [tuple(find_quotations(article)) for article in articles]
    # Written again whole: the next start reads them.
    assert ArticleIndexer().index(articles, aliases, tmp_path) == [index_article(article, aliases) for article in articles]


def test_another_alias_table_never_reads_terms_made_with_the_old_one(tmp_path: Path) -> None:
    articles, aliases = _bundled()
    ArticleIndexer().index(articles, aliases, tmp_path)
    groups, _ = load_aliases(FIXTURE_KNOWLEDGE)
    # A word of the first article, given an alias: its passages gain the group's term.
    word = next(w for w in words(articles[0].body) if not is_stop_word(w) and aliases.group_of(w) is None)
    wider = AliasTable.from_groups([*groups, [word, "zyxwv alias"]])

    indexed = ArticleIndexer().index(articles, wider, tmp_path)

    assert indexed == [index_article(article, wider) for article in articles]
    assert indexed != [index_article(article, aliases) for article in articles]


def test_a_cache_folder_that_cannot_be_written_still_serves(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the cache folder would go", encoding="utf-8")
    articles, aliases = _bundled()

    assert ArticleIndexer().index(articles, aliases, not_a_folder) == [index_article(article, aliases) for article in articles]
    assert RememberedQuotations().quotations(articles, not_a_folder) == [tuple(find_quotations(article)) for article in articles]


def test_a_reload_shares_every_unchanged_articles_work_with_the_knowledge_before(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    before = store.current
    changed = sorted(before.articles)[0]
    path = before.articles[changed].path
    path.write_text(path.read_text(encoding="utf-8") + "\n\n“We will meet again,” said Jane Doe.\n", encoding="utf-8")
    store.reload()
    after = store.current

    for article_id, article in after.articles.items():
        assert (article is before.articles[article_id]) == (article_id != changed)
    old_passages = {(p.article_id, p.index): p for p in before.passages}
    for passage in after.passages:
        assert (passage is old_passages.get((passage.article_id, passage.index))) == (passage.article_id != changed)
    old_quotations = {id(q) for s in before.speakers for q in s.quotations}
    for speaker in after.speakers:
        for quotation in speaker.quotations:
            assert (id(quotation) in old_quotations) == (quotation.quote.article.id != changed)
    assert any(s.name == "Jane Doe" for s in after.speakers)


def _mentions_found_anew(knowledge: KnowledgeBase) -> list[Mention]:
    remembered_mentions.forget()
    return find_all_mentions(knowledge)


def _finding_mentions_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any) -> list[Mention]:
        raise AssertionError("an article's mentions were found again instead of read from the cache")

    monkeypatch.setattr(remembered_mentions, "find_mentions", fail)


def test_a_new_process_reads_back_the_timelines_mentions_as_finding_them_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = build_knowledge_base(FIXTURE_KNOWLEDGE)
    found = _mentions_found_anew(knowledge)
    events, _ = build_timeline(knowledge)
    remembered_mentions.forget()  # forgotten: a new process, which fills the cache
    find_all_mentions(knowledge, tmp_path)
    files = sorted((tmp_path / FOLDER_NAME / "mentions").glob("*.marshal"))
    assert len(files) == len(knowledge.articles)

    remembered_mentions.forget()
    _finding_mentions_fails(monkeypatch)
    read_back = find_all_mentions(knowledge, tmp_path)

    # repr too: a date's season is left out of its equality, not out of what the timeline shows.
    assert read_back == found and repr(read_back) == repr(found) and found
    remembered_mentions.forget()
    assert build_timeline(knowledge, tmp_path)[0] == events


def test_a_corrupt_mentions_file_costs_only_finding_the_articles_mentions_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = build_knowledge_base(FIXTURE_KNOWLEDGE)
    found = _mentions_found_anew(knowledge)
    remembered_mentions.forget()
    find_all_mentions(knowledge, tmp_path)
    for number, path in enumerate(sorted((tmp_path / FOLDER_NAME / "mentions").glob("*.marshal"))):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if number % 2 else b"not a cache file")

    remembered_mentions.forget()
    assert repr(find_all_mentions(knowledge, tmp_path)) == repr(found)
    # Written again whole: the next start reads them without finding anything.
    remembered_mentions.forget()
    _finding_mentions_fails(monkeypatch)
    assert repr(find_all_mentions(knowledge, tmp_path)) == repr(found)
