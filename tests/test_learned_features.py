"""What the learned order reads of a question besides its terms (bot/ranking/learned.py): whether a
sentence holds the words of the speaker the question names (bot/quotations/speaker_index.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.answers import rank_sentences
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.ranking.fusion import FusedList
from bot.ranking.learned import FEATURES, LearnedRanking, candidate_features
from bot.search.query import read_question
from tests.conftest import words_only, write_article

# Made-up people of a made-up story, each paragraph its own quote.
BODY = """
    “We will never give up our reactors,” said Jon Halvorsen, the foreign minister of Freedonia.

    “The talks have failed, and the blame lies in Freedonia,” Mara Quist, a Sylvanian spokeswoman, said.

    The envoys argued for hours over the reactors. That meeting ended without a statement.

    Later the talks stalled over the reactors and the sanctions.
"""


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("story")
    write_article(folder, "freedonia-talks", BODY, published="2018-03-20")
    return words_only(build_knowledge_base(folder))


def speaker_asked(knowledge: KnowledgeBase, question: str) -> dict[str, float]:
    """Each sentence's speaker_asked for the question, by the sentence's opening words."""
    _, query = read_question(knowledge, question)
    rankings, _ = rank_sentences(knowledge, question, query)
    count = len(knowledge.sentences)
    every_sentence = FusedList(np.arange(count), np.linspace(1.0, 0.5, count))
    positions, matrix = candidate_features(knowledge, rankings, every_sentence, query, question=question)
    column = matrix[:, FEATURES.index("speaker_asked")]
    return {" ".join(knowledge.sentence_text(p).split()[:3]): float(value) for p, value in zip(positions, column)}


def test_a_sentence_holding_the_named_speakers_words_is_marked_and_no_other(story: KnowledgeBase) -> None:
    by_surname = speaker_asked(story, "what did Halvorsen say about the reactors?")
    assert by_surname["“We will never"] == 1.0
    assert by_surname["“The talks have"] == 0.0  # someone else's words, on the same topic
    assert by_surname["The envoys argued"] == 0.0  # the reporter's words
    according_to = speaker_asked(story, "according to mara quist, who is to blame?")
    assert according_to["“The talks have"] == 1.0 and according_to["“We will never"] == 0.0
    # A first name said another way, with a surname only one speaker has, as /said reads it.
    assert speaker_asked(story, "what did John Halvorsen tell reporters?")["“We will never"] == 1.0
    assert speaker_asked(story, "what was Quist's reaction?")["“The talks have"] == 1.0


def test_a_question_naming_no_speaker_or_an_unknown_one_marks_nothing(story: KnowledgeBase) -> None:
    assert set(speaker_asked(story, "why did the talks stall?").values()) == {0.0}
    assert set(speaker_asked(story, "what did Pemberton say about the reactors?").values()) == {0.0}


def test_the_order_puts_the_named_speakers_words_first_when_the_model_weighs_them(story: KnowledgeBase) -> None:
    """The question reaches the learned order as the answer asks it: a model weighing only the
    feature lifts Quist's words over Halvorsen's, which the words rank first."""
    question = "what did Quist say about never giving up the reactors?"
    _, query = read_question(story, question)
    rankings, fused = rank_sentences(story, question, query)
    quist = next(p for p in range(len(story.sentences)) if story.sentence_text(p).startswith("“The talks have"))
    assert fused[0].sentence != quist
    model = LearnedRanking(("speaker_asked",), (0.0,), (1.0,), (1.0,))
    assert model.reranked(story, rankings, fused, query, question)[0].sentence == quist
    assert model.reranked(story, rankings, fused, query)[0].sentence == fused[0].sentence  # no question read: no lift


def test_the_speaker_index_is_made_with_each_knowledge_build(story: KnowledgeBase, tmp_path: Path) -> None:
    """A reload's new speaker is found by the next question (each build makes its own index)."""
    write_article(tmp_path, "other", "“Nothing was agreed,” said Ana Lind, a negotiator.")
    other = build_knowledge_base(tmp_path)
    assert [other.speakers[s].name for s in other.speaker_index.asked_about("what did lind say?", other.aliases)] == ["Ana Lind"]
    assert story.speaker_index.asked_about("what did lind say?", story.aliases) == frozenset()
