"""Index terms read once per sentence are the terms of each passage's and sentence's own text,
and a reload that reuses unchanged articles' work indexes exactly what a fresh start would."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.base import KnowledgeBase, Sentence, build_knowledge_base
from bot.knowledge.indexing import index_terms
from bot.knowledge.store import KnowledgeStore
from bot.knowledge.vocabulary import RememberedVocabulary
from bot.quotations import speakers
from bot.quotations.speakers import build_speakers
from bot.ranking.lexical import SENTENCE_LENGTH_NORMALISATION, LexicalRanker
from bot.search.bm25 import Bm25Index
from bot.search.document_frequencies import DocumentFrequencies
from bot.search.normalise import terms_of_words, words
from bot.search.synonyms import synonyms_pointing_at
from bot.search.typos import SpellingIndex
from tests.conftest import FIXTURE_KNOWLEDGE, write_article


def _read_the_long_way(knowledge: KnowledgeBase) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], frozenset[str]]:
    passages = [tuple(index_terms(knowledge.article_of(i).body[p.start : p.end], knowledge.aliases)) for i, p in enumerate(knowledge.passages)]
    sentences = [
        tuple(index_terms(knowledge.article_of(s.passage).body[s.span.start : s.span.end], knowledge.aliases)) for s in knowledge.sentences
    ]
    vocabulary = frozenset(word for article in knowledge.articles.values() for word in words(article.body))
    return passages, sentences, vocabulary


def test_every_passage_and_sentence_of_the_bundled_knowledge_has_the_terms_of_its_own_text() -> None:
    knowledge = build_knowledge_base(FIXTURE_KNOWLEDGE)
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


def test_a_reload_updates_the_spelling_index_and_term_counts_to_what_a_fresh_count_gives(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    before = store.current
    edited = sorted(before.articles)[0]
    # The article loses its second half (words only it had go) and gains a sentence.
    body = before.articles[edited].body
    kept = body[: body.index("\n\n", len(body) // 2)]
    gone_words = set(words(body)) - set(words(kept)) - {w for a in before.articles.values() if a.id != edited for w in words(a.body)}
    path = before.articles[edited].path
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index(body[len(kept) :].lstrip()[:60])] + "The quincewood accord was signed.\n", encoding="utf-8")
    store.reload()
    reloaded = store.current

    vocabulary = {word for article in reloaded.articles.values() for word in words(article.body)}
    fresh = SpellingIndex(vocabulary)
    assert "quincewood" in reloaded.spelling and gone_words and not any(w in reloaded.spelling for w in gone_words)
    misspelt = {word[:i] + word[i + 1 :] for word in vocabulary for i in (0, len(word) // 2)}
    assert {w: reloaded.spelling.correct(w) for w in misspelt} == {w: fresh.correct(w) for w in misspelt}
    for ours, counted in (
        (reloaded.passage_frequencies, DocumentFrequencies.of(reloaded.passage_terms)),
        (reloaded.sentence_frequencies, DocumentFrequencies.of(reloaded.sentence_terms)),
    ):
        terms = {term for document in reloaded.passage_terms for term in document} | {term for w in gone_words for term in terms_of_words([w])}
        assert ours.size == counted.size
        assert {t: (ours.contains(t), ours.idf(t)) for t in terms} == {t: (counted.contains(t), counted.idf(t)) for t in terms}


def test_what_a_reload_keeps_from_the_served_build_is_what_a_fresh_start_makes(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reload reuses the served build's sentences, synonyms and postings for the articles that did
    not change; after one article is removed, one changes (gaining a paragraph, where the removed one
    had two: the articles after them move along) and one is added, each is what a build from
    nothing gives."""
    # An article ahead of the others that keeps its place, long enough that most tokens are kept.
    paragraphs = [f"Envoy {number} met a delegation in the {number}th round. Talks on sanctions ran late." for number in range(150)]
    write_article(knowledge_copy, "aaa-2019-01-01-rounds", "\n\n".join(paragraphs))
    # Removed below: of the same publisher as another, so the alias table (publishers are names) stays.
    removed = write_article(knowledge_copy, "aab-2019-01-02-brief", "A short brief on the talks.\n\nIt said little.")
    store = KnowledgeStore(knowledge_copy)
    first = store.current
    _, _, changed, moved, kept = sorted(first.articles)
    edited = store.current.articles[changed].path
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe quincewood envoy left the summit early.\n", encoding="utf-8")
    removed.unlink()
    write_article(knowledge_copy, "zzz-2019-03-01-new", "Marmalade diplomacy began in Hanoi. The envoy left early.")
    store.reload()
    reloaded = store.current
    assert sorted(reloaded.articles) == ["aaa-2019-01-01-rounds", changed, moved, kept, "zzz-2019-03-01-new"]

    assert list(reloaded.sentences) == [Sentence(position, span) for position, passage in enumerate(reloaded.passages) for span in passage.sentences]
    # The article that kept its place keeps the served build's very sentences; one that moved along gets new ones.
    assert reloaded.sentences[0] is first.sentences[0]
    moved_before, moved_now = _sentences_of(first, moved), _sentences_of(reloaded, moved)
    assert moved_now and len(moved_now) == len(moved_before)
    assert not {id(sentence) for sentence in moved_now} & {id(sentence) for sentence in moved_before}
    vocabulary = {word for article in reloaded.articles.values() for word in words(article.body)}
    assert dict(reloaded.synonyms_pointing_at) == synonyms_pointing_at(vocabulary)
    assert all(word in reloaded.spelling for word in vocabulary)
    assert reloaded.numbering.of_sentence.tolist() == [reloaded.numbering.numbers[reloaded.passages[s.passage].article_id] for s in reloaded.sentences]
    assert reloaded.speakers
    # Each speaker name's group read afresh, not remembered from the served build.
    monkeypatch.setattr(speakers, "_GROUP_KEYS", speakers._GroupKeys())
    assert build_speakers(reloaded.articles.values(), reloaded.aliases) == reloaded.speakers
    words_ranker = next(ranker for ranker in reloaded.rankers if isinstance(ranker, LexicalRanker))
    for index, documents, b in (
        (words_ranker.passage_index, reloaded.passage_terms, 0.75),
        (words_ranker.sentence_index, reloaded.sentence_terms, SENTENCE_LENGTH_NORMALISATION),
    ):
        afresh = Bm25Index(documents, b=b)
        for term in {term for document in documents for term in document} | {"marmalad", "quincewood", "absentword"}:
            assert index.scores({term: 1.0}) == afresh.scores({term: 1.0})


def _sentences_of(knowledge: KnowledgeBase, article_id: str) -> list[Sentence]:
    return [sentence for sentence in knowledge.sentences if knowledge.article_of(sentence.passage).id == article_id]


def test_the_remembered_vocabulary_is_every_articles_words_as_articles_change_come_and_go() -> None:
    remembered = RememberedVocabulary()
    kept, changed, removed = ("hanoi", "summit"), ("summit", "envoy"), ("reactor",)
    assert remembered.of([kept, changed, removed]) == {"hanoi", "summit", "envoy", "reactor"}
    # "reactor" goes with its article; "summit" stays, as the kept article says it too.
    assert remembered.of([kept, ("envoy", "quince"), ("hanoi",)]) == {"hanoi", "summit", "envoy", "quince"}
    assert remembered.of([("envoy",)]) == {"envoy"}
