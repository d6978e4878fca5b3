"""A first start reads the spelling index an earlier start kept for the same words and code, and
corrects exactly as one made afresh; other words, other code or a broken file make it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import spelling_cache
from bot.knowledge.articles import read_articles
from bot.knowledge.spelling_cache import kept_spelling_index
from bot.search import typos
from bot.search.normalise import words
from bot.search.typos import SpellingIndex
from tests.conftest import FIXTURE_KNOWLEDGE


def _vocabulary() -> frozenset[str]:
    articles, _ = read_articles(FIXTURE_KNOWLEDGE)
    return frozenset(word for article in articles for word in words(article.body))


def _corrections(index: SpellingIndex, vocabulary: frozenset[str]) -> dict[str, list[str]]:
    """What the index makes of each word with a letter dropped or two swapped (one edit, two for long words)."""
    misspelt = {word[:i] + word[i + 1 :] for word in vocabulary for i in (0, len(word) // 2)}
    misspelt |= {word[:2] + word[3] + word[2] + word[4:] for word in vocabulary if len(word) > 4}
    return {word: index.nearest(word) for word in sorted(misspelt)}


def _making_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(word: str, edits: int) -> set[str]:
        raise AssertionError("the index was made again")

    monkeypatch.setattr(typos, "_deletes", refuse)


def test_a_start_reads_the_index_the_last_start_kept_and_it_corrects_as_one_made_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary = _vocabulary()
    kept_spelling_index(vocabulary, FIXTURE_KNOWLEDGE, tmp_path)
    with monkeypatch.context() as patched:
        _making_forbidden(patched)
        read_back = kept_spelling_index(vocabulary, FIXTURE_KNOWLEDGE, tmp_path)

    fresh = SpellingIndex(vocabulary)
    assert all(word in read_back for word in vocabulary)
    corrections = _corrections(read_back, vocabulary)
    assert corrections == _corrections(fresh, vocabulary)
    assert sum(1 for nearest in corrections.values() if nearest) > len(vocabulary) // 2  # the check reads real corrections


def test_other_words_other_code_or_a_broken_file_make_the_index_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary = _vocabulary()
    kept_spelling_index(vocabulary, FIXTURE_KNOWLEDGE, tmp_path)

    grown = vocabulary | {"quincewood"}
    index = kept_spelling_index(grown, FIXTURE_KNOWLEDGE, tmp_path)  # another article's words: never the old index
    assert "quincewood" in index and index.correct("quincewod") == "quincewood"
    # That start's words are kept now, in the folder's one file.
    [kept] = (tmp_path / spelling_cache.FOLDER_NAME).iterdir()
    with monkeypatch.context() as patched:
        _making_forbidden(patched)
        read_back = kept_spelling_index(grown, FIXTURE_KNOWLEDGE, tmp_path)
    assert read_back.correct("quincewod") == "quincewood"

    monkeypatch.setattr(spelling_cache, "code_version", lambda module: "the deletions' code, edited")
    made: list[frozenset[str]] = []
    monkeypatch.setattr(spelling_cache, "SpellingIndex", _Recording(made))
    kept_spelling_index(grown, FIXTURE_KNOWLEDGE, tmp_path)
    assert made == [grown]

    kept.write_bytes(kept.read_bytes()[:1000])  # cut short
    made.clear()
    assert kept_spelling_index(grown, FIXTURE_KNOWLEDGE, tmp_path).correct("quincewod") == "quincewood"
    assert made == [grown]


class _Recording:
    """SpellingIndex, noting each vocabulary an index is made from."""

    def __init__(self, made: list[frozenset[str]]) -> None:
        self._made = made

    def __call__(self, vocabulary: frozenset[str]) -> SpellingIndex:
        self._made.append(vocabulary)
        return SpellingIndex(vocabulary)

    def from_deletions(self, vocabulary: frozenset[str], by_delete: dict[str, tuple[str, ...]]) -> SpellingIndex:
        return SpellingIndex.from_deletions(vocabulary, by_delete)


def test_a_folder_with_no_cache_it_can_write_still_gets_its_index(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    vocabulary = _vocabulary()
    assert _corrections(kept_spelling_index(vocabulary, FIXTURE_KNOWLEDGE, blocked), vocabulary) == _corrections(SpellingIndex(vocabulary), vocabulary)


def test_a_second_start_of_a_folder_serves_the_index_the_first_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.knowledge import base

    monkeypatch.setattr(base, "REMEMBERED_SPELLING", typos.RememberedSpelling())  # a new process
    first = base.build_knowledge_base(FIXTURE_KNOWLEDGE, embedding_cache=tmp_path)
    monkeypatch.setattr(base, "REMEMBERED_SPELLING", typos.RememberedSpelling())  # and another
    with monkeypatch.context() as patched:
        _making_forbidden(patched)
        second = base.build_knowledge_base(FIXTURE_KNOWLEDGE, embedding_cache=tmp_path)

    vocabulary = _vocabulary()
    assert _corrections(second.spelling, vocabulary) == _corrections(first.spelling, vocabulary)
