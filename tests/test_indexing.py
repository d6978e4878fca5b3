"""Index terms read once per sentence are the terms of each passage's and sentence's own text,
and a reload that reuses unchanged articles' work indexes exactly what a fresh start would."""

from __future__ import annotations

from pathlib import Path

from bot.config import BUNDLED_KNOWLEDGE
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.knowledge.indexing import index_terms
from bot.knowledge.store import KnowledgeStore
from bot.search.normalise import words
from tests.conftest import write_article


def _read_the_long_way(knowledge: KnowledgeBase) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], frozenset[str]]:
    passages = [tuple(index_terms(knowledge.article_of(i).body[p.start : p.end], knowledge.aliases)) for i, p in enumerate(knowledge.passages)]
    sentences = [
        tuple(index_terms(knowledge.article_of(s.passage).body[s.span.start : s.span.end], knowledge.aliases)) for s in knowledge.sentences
    ]
    vocabulary = frozenset(word for article in knowledge.articles.values() for word in words(article.body))
    return passages, sentences, vocabulary


def test_every_passage_and_sentence_of_the_bundled_knowledge_has_the_terms_of_its_own_text() -> None:
    knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)
    passages, sentences, vocabulary = _read_the_long_way(knowledge)
    assert list(knowledge.passage_terms) == passages
    assert list(knowledge.sentence_terms) == sentences
    assert all(word in knowledge.spelling for word in vocabulary)


def test_an_alias_across_a_sentence_break_and_sentences_not_parted_by_space_are_indexed_as_written(tmp_path: Path) -> None:
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [Cobalt Accord, Blue Pact]\n", encoding="utf-8")
    # "Cobalt." ends one sentence and "Accord" opens the next: the passage holds the phrase, no sentence does.
    write_article(tmp_path, "test-2019-03-01-break", "They met in Cobalt. Accord talks began at noon.\n\nA second paragraph here.")
    # A closing quotation mark runs straight into the next sentence: that article is read the long way.
    write_article(tmp_path, "test-2019-03-02-tight", "“We agreed.”Then the Cobalt Accord was signed. It held.")
    knowledge = build_knowledge_base(tmp_path)
    passages, sentences, _ = _read_the_long_way(knowledge)
    assert list(knowledge.passage_terms) == passages
    assert list(knowledge.sentence_terms) == sentences
    group = knowledge.aliases.group_of("Cobalt Accord")
    assert group is not None
    first = next(i for i, p in enumerate(knowledge.passages) if p.article_id == "test-2019-03-01-break")
    assert group in knowledge.passage_terms[first]
    assert not any(group in knowledge.sentence_terms[i] for i, s in enumerate(knowledge.sentences) if s.passage == first)


def test_a_reload_after_one_article_changes_indexes_what_a_fresh_start_would(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    write_article(knowledge_copy, "test-2019-03-01-new", "Quince diplomacy began in Hanoi. The quince summit ended early.")
    store.reload()
    fresh = build_knowledge_base(knowledge_copy)
    reloaded = store.current
    assert reloaded.passages == fresh.passages
    assert reloaded.passage_terms == fresh.passage_terms
    assert reloaded.sentence_terms == fresh.sentence_terms
    assert reloaded.passage_frequencies.idf("quinc") == fresh.passage_frequencies.idf("quinc") < fresh.passage_frequencies.idf("absentword")
    assert "quince" in reloaded.spelling
