"""Normalisation, the BM25 guards, aliases and typo tolerance."""

from __future__ import annotations

from pathlib import Path

from bot.answers import answer
from bot.knowledge.base import build_knowledge_base
from bot.search.bm25 import Bm25Index
from bot.search.normalise import terms
from bot.search.typos import SpellingIndex
from tests.conftest import write_article


def test_normalisation_folds_quotes_case_and_word_forms() -> None:
    assert terms("Trump’s NEGOTIATIONS") == terms("trump's negotiating") == ["trump", "negoti"]
    assert terms("The U.S. and the US") == ["us", "us"]
    assert terms("what is the of and") == []


def test_term_in_exactly_half_the_documents_still_scores() -> None:
    """rank-bm25's Okapi IDF gives such a term zero; ours must not."""
    index = Bm25Index([["summit", "hanoi"], ["summit", "singapore"], ["envoy"], ["sanctions"]])
    scores = index.scores({"summit": 1.0})
    assert set(scores) == {0, 1}
    assert all(score > 0 for score in scores.values())


def test_term_in_most_documents_is_positive_but_weaker_than_a_rare_one() -> None:
    index = Bm25Index([["korea", "a"], ["korea", "b"], ["korea", "c"], ["envoy"]])
    assert 0 < index.idf("korea") < index.idf("envoy")


def test_empty_corpus_scores_nothing_without_error() -> None:
    assert Bm25Index([]).scores({"anything": 1.0}) == {}
    assert Bm25Index([[], []]).scores({"anything": 1.0}) == {}


def test_only_documents_sharing_a_term_are_scored() -> None:
    index = Bm25Index([["hanoi"], ["singapore"], ["envoy", "hanoi"]])
    assert set(index.scores({"hanoi": 1.0, "unknown": 1.0})) == {0, 2}


def test_spelling_correction_only_when_unambiguous() -> None:
    spelling = SpellingIndex(["sanctions", "singapore", "pompeo", "summit", "submit"])
    assert spelling.correct("santions") == "sanctions"
    assert spelling.correct("singapour") == "singapore"
    assert spelling.correct("sumit") is None  # summit or submit: ambiguous, no guess
    assert spelling.correct("xyz") is None


def test_misspelt_question_finds_its_passage(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The Yongbyon reactor produced plutonium for decades.")
    write_article(tmp_path, "two", "The envoy met his counterparts in Stockholm.")
    write_article(tmp_path, "three", "Sanctions relief was the main demand.")
    knowledge = build_knowledge_base(tmp_path)
    result = answer(knowledge, "What did the Yongbion reactor produce?")
    assert result.answered
    assert result.quotes[0].article.id == "one"


def test_real_words_are_not_corrected_into_article_words(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "North Korea tested missiles in the north.")
    knowledge = build_knowledge_base(tmp_path)
    from bot.search.query import analyse

    assert analyse(knowledge, "how much is it worth").corrections == {}


def test_aliases_find_passages_that_use_another_name(tmp_path: Path) -> None:
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [North Korea, DPRK, Pyongyang]\n", encoding="utf-8")
    write_article(tmp_path, "one", "The DPRK rejected the offer of talks outright.")
    write_article(tmp_path, "two", "Weather in Oslo was mild in spring.")
    write_article(tmp_path, "three", "Bananas are rich in potassium.")
    knowledge = build_knowledge_base(tmp_path)
    result = answer(knowledge, "Did North Korea reject the offer of talks?")
    assert result.answered and result.quotes[0].article.id == "one"


def test_a_misspelt_stop_word_is_not_corrected_into_an_article_word(bundled_store) -> None:  # type: ignore[no-untyped-def]
    from bot.search.query import analyse

    query = analyse(bundled_store.current, "did pompeo actualy do diplomacy becuase")
    assert query.corrections == {}
    assert all(c.terms not in {("actual",), ("becuas",)} for c in query.concepts)
