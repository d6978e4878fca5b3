"""BM25 built from term ids remembered per article scores exactly as an index built afresh,
however the articles changed in between (a term gone from every document scores nothing)."""

from __future__ import annotations

import pytest

from bot.search import postings
from bot.search.bm25 import Bm25Index
from bot.search.token_ids import RememberedTokenIds, TokenIds

QUERIES = [{"summit": 1.0}, {"envoy": 1.0, "hanoi": 0.5}, {"yongbyon": 1.0}, {"singapore": 1.0, "summit": 2.0}, {"unheard": 1.0}]


def _runs(articles: dict[str, list[tuple[str, ...]]]) -> list[tuple[str, int]]:
    """Each article and how many documents it has, as the knowledge base's indexes are given them."""
    return [(owner, len(documents)) for owner, documents in articles.items()]


def _same_as_afresh(remembered: RememberedTokenIds, articles: dict[str, list[tuple[str, ...]]]) -> None:
    documents = [document for passages in articles.values() for document in passages]
    built = Bm25Index.of_ids(remembered.of(documents, _runs(articles)), b=0.3)
    afresh = Bm25Index(documents, b=0.3)
    for query in QUERIES:
        assert built.scores(query) == afresh.scores(query)
    assert {t: built.frequencies.idf(t) for t in ("summit", "yongbyon", "hanoi")} == {t: afresh.frequencies.idf(t) for t in ("summit", "yongbyon", "hanoi")}


def test_ids_remembered_across_changes_score_as_a_fresh_index() -> None:
    remembered = RememberedTokenIds()
    kept = [("summit", "hanoi", "summit"), ("envoy",)]
    articles = {"kept": kept, "changed": [("yongbyon", "reactor"), ("summit", "singapore")]}
    _same_as_afresh(remembered, articles)
    # The changed article loses "yongbyon" (its only document) and gains a word and a passage.
    articles = {"kept": kept, "changed": [("reactor", "envoy", "envoy")], "new": [("singapore",), ("hanoi", "envoy")]}
    _same_as_afresh(remembered, articles)
    assert Bm25Index.of_ids(remembered.of([d for p in articles.values() for d in p], _runs(articles))).scores({"yongbyon": 1.0}) == {}
    _same_as_afresh(remembered, {"new": articles["new"], "kept": kept})  # order changed, one gone


def test_ids_of_unchanged_articles_are_the_last_builds_object_and_a_change_makes_new_ones() -> None:
    """A restart in the same process shares the last index (bot.ranking.lexical) only while no
    article changed."""
    remembered = RememberedTokenIds()
    articles = [("summit", "hanoi"), ("envoy",)], [("yongbyon",)]
    documents, owners = [*articles[0], *articles[1]], [("a", 2), ("b", 1)]
    first = remembered.of(documents, owners)
    assert remembered.of(list(documents), list(owners)) is first
    changed = remembered.of([*articles[0], ("yongbyon", "reactor")], owners)
    assert changed is not first
    assert Bm25Index.of_ids(changed).scores({"reactor": 1.0}) == Bm25Index([*articles[0], ("yongbyon", "reactor")]).scores({"reactor": 1.0})


def _postings(index: Bm25Index) -> tuple[list[int], list[int], list[int], list[float]]:
    postings = index.postings
    return postings.documents.tolist(), postings.frequencies.tolist(), postings.document_frequency.tolist(), index.matches({"summit": 1.0, "envoy": 2.0, "reactor": 1.0})[1].tolist()


def _no_sort_of_everything(ids: TokenIds) -> postings.Postings:
    raise AssertionError("the update fell back to sorting every token")


def _documents_and_owners(articles: dict[str, list[tuple[str, ...]]]) -> tuple[list[tuple[str, ...]], list[tuple[str, int]]]:
    return [document for passages in articles.values() for document in passages], _runs(articles)


def test_postings_updated_from_the_last_index_are_those_built_afresh_after_a_change_an_addition_and_a_removal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reload reuses the last index's postings of the articles that did not change (bot.search.postings);
    a restart sorts every token. Both must hold the same postings and score alike."""
    remembered = RememberedTokenIds()
    # Most tokens in articles that do not change, as in a reload (else the postings are sorted afresh).
    many = [("summit", "envoy", f"word{i}", "envoy") for i in range(30)]
    articles = {
        "a": [("summit", "hanoi", "summit"), ("envoy",), *many],
        "b": [("yongbyon", "reactor", "reactor", "reactor")],
        "c": [("envoy", "summit"), ("singapore",)],
        "d": [("reactor", "envoy"), *many],
    }

    def built(last: Bm25Index | None) -> tuple[Bm25Index, Bm25Index, Bm25Index]:
        """Updated from `last`, sorted afresh from the same term ids, and from the terms themselves."""
        documents, owners = _documents_and_owners(articles)
        ids = remembered.of(documents, owners)
        return Bm25Index.of_ids(ids, b=0.3, last=last), Bm25Index.of_ids(ids, b=0.3), Bm25Index(documents, b=0.3)

    last, _, _ = built(None)
    articles["b"] = [("yongbyon", "reactor"), ("summit", "summit", "envoy")]  # changed: one more passage
    articles = {"a0": [("hanoi", "envoy")], **articles}  # added, ahead of every kept one
    del articles["c"]  # removed
    with monkeypatch.context() as patched:
        patched.setattr(postings, "postings_of", _no_sort_of_everything)  # "a" and "d" are reused, not sorted again
        updated = Bm25Index.of_ids(remembered.of(*_documents_and_owners(articles)), b=0.3, last=last)
    _, sorted_afresh, afresh = built(last)
    assert _postings(updated) == _postings(sorted_afresh)
    for query in [*QUERIES, {"reactor": 1.0, "singapore": 1.0}]:
        assert updated.scores(query) == afresh.scores(query)
    assert updated.scores({"singapore": 1.0}) == {}  # gone with "c"


def test_an_index_of_a_later_larger_vocabulary_is_not_updated_into_an_earlier_one() -> None:
    """Two knowledge builds in one process may finish out of order: the ids made first are indexed
    with the index of the ids made after them (more terms) as the last one, and are sorted afresh."""
    remembered = RememberedTokenIds()
    many = [("summit", "envoy", f"word{i}") for i in range(30)]
    earlier_articles = {"a": many, "b": [("yongbyon",)]}
    earlier = remembered.of(*_documents_and_owners(earlier_articles))
    later = remembered.of(*_documents_and_owners({"a": many, "b": [("reactor", "singapore")]}))
    assert len(later.vocabulary) > len(earlier.vocabulary)
    index = Bm25Index.of_ids(earlier, b=0.3, last=Bm25Index.of_ids(later, b=0.3))
    assert _postings(index) == _postings(Bm25Index.of_ids(earlier, b=0.3))
    assert index.scores({"yongbyon": 1.0}) == Bm25Index(_documents_and_owners(earlier_articles)[0], b=0.3).scores({"yongbyon": 1.0})
