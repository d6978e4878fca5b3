"""What the answer path keeps or looks up instead of working out again for each question
(issue 15, answer speed): each shortcut gives the very values the longer way gave."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bot import answers
from bot.answers import rank_sentences
from bot.compare import compare
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.store import KnowledgeStore
from bot.ranking.fusion import FusedList
from bot.ranking.learned import _share, _shares, candidate_features
from bot.ranking.lexical import LexicalRanker
from bot.ranking.protocol import Ranking
from bot.search.query import read_question
from bot.speaker_words import _speech_subjects

QUESTIONS = (
    "why did the hanoi summit collapse?",
    "did kim offer to shut the reactor at yongbyon?",
    "what did trump say about sanctions relief for north korea?",
    "who is stephen biegun?",
)


@pytest.fixture(scope="module")
def knowledge(bundled_store: KnowledgeStore) -> KnowledgeBase:
    return bundled_store.current


def _lexical(knowledge: KnowledgeBase) -> LexicalRanker:
    return next(r for r in knowledge.rankers if isinstance(r, LexicalRanker))


@pytest.mark.parametrize("question", QUESTIONS)
def test_shares_from_the_postings_are_the_floats_the_texts_terms_give(knowledge: KnowledgeBase, question: str) -> None:
    _, query = read_question(knowledge, question)
    weights = query.weights
    total = sum(weights.values())
    lexical = _lexical(knowledge)
    for terms, index in ((knowledge.sentence_terms, lexical.sentence_index), (knowledge.passage_terms, lexical.passage_index)):
        every = list(range(len(terms)))
        looked_up = _shares(weights, total, every, terms, index)
        assert looked_up.tolist() == [_share(weights, terms[i], total) for i in every]  # exactly, not approximately
        assert looked_up.any()  # the questions' words are in some text: the comparison is not of zeros


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_learned_orders_features_are_the_same_without_the_word_index(knowledge: KnowledgeBase, question: str) -> None:
    """Without the word ranker (its postings) the shares come from each text's terms: the same matrix."""
    _, query = read_question(knowledge, question)
    rankings, fused = rank_sentences(knowledge, question, query)
    # Reversed, so neighbours and paragraph openings are read for a head the fusion did not make.
    reversed_head = FusedList(np.array([f.sentence for f in fused][::-1], dtype=np.int64), np.linspace(1.0, 0.1, len(fused)))
    without_words = replace(knowledge, rankers=tuple(r for r in knowledge.rankers if not isinstance(r, LexicalRanker)))
    for head in (fused, reversed_head):
        positions, matrix = candidate_features(knowledge, rankings, head, query, question=question)
        same_positions, same_matrix = candidate_features(without_words, rankings, head, query, question=question)
        assert positions == same_positions and np.array_equal(matrix, same_matrix)


def test_the_alias_words_are_made_once_per_table(knowledge: KnowledgeBase) -> None:
    aliases = knowledge.aliases
    assert aliases.words is aliases.words
    assert aliases.words == frozenset(term for phrase in aliases.phrases for term in phrase)


def test_a_sentences_speech_subjects_are_remembered_and_bounded(knowledge: KnowledgeBase) -> None:
    sentence = next(s for i, s in enumerate(knowledge.sentences) if " said" in knowledge.sentence_text(i))
    body = knowledge.article_of(sentence.passage).body
    first = _speech_subjects(body, sentence.span.start, sentence.span.end)
    assert _speech_subjects(body, sentence.span.start, sentence.span.end) is first  # read once, not again
    assert _speech_subjects.cache_info().maxsize is not None  # at most so many sentences held


@pytest.fixture
def rankings_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the folder's sentences are ranked for, one entry each time."""
    made: list[str] = []

    def counted(knowledge: KnowledgeBase, text: str, *args: object, **kwargs: object) -> tuple[list[Ranking], FusedList]:
        made.append(text)
        return rank_sentences(knowledge, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(answers, "rank_sentences", counted)
    return made


def test_a_question_of_an_outlets_words_ranks_the_folder_once_for_its_topic(knowledge: KnowledgeBase, rankings_made: list[str]) -> None:
    """The whole folder's answer and the outlet's own read the same ranking (only the kept sentences differ)."""
    outlet = answers.answer(knowledge, "what did vox say about the hanoi summit?")
    assert outlet.outlets and outlet.topic is not None
    assert rankings_made and len(rankings_made) == len(set(rankings_made)), rankings_made  # no text ranked twice


def test_compare_ranks_the_folder_once(knowledge: KnowledgeBase, rankings_made: list[str]) -> None:
    compare(knowledge, "sanctions relief")
    assert rankings_made == ["sanctions relief"]
