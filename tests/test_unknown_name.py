"""A question about someone no article names is declined, never answered with someone else's words."""

from __future__ import annotations

import pytest

from bot.answers import answer
from bot.knowledge.store import KnowledgeStore
from bot.render.reading_text import reading_text


@pytest.mark.parametrize(
    "question",
    [
        "what did Mike Pence say about the summit",
        "what did john bolton say about hanoi",
        "WHAT DID JOHN BOLTON SAY ABOUT HANOI",
        "Who Is John Bolton?",
        "who is john bolton",
        "What did Nikki Haley think of the Hanoi summit?",
        "how did Mike Pence react to the summit",
    ],
)
def test_a_speaker_no_article_names_is_declined(bundled_store: KnowledgeStore, question: str) -> None:
    # Each of these found another speaker's quote on the summit or Hanoi before.
    result = answer(bundled_store.current, question)
    assert not result.answered and result.reading is not None and result.reading.unknown_name is not None


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("who is joseph yun", "Joseph Yun"),
        ("Who is Stephen Biegun?", "Biegun"),
        ("who's robert galucci", "Gallucci"),  # misspelt, read as the articles' name
        ("what did gallucci say about the summit", "summit"),
        ("what did trump say when he left hanoi", "Trump"),
    ],
)
def test_a_person_the_articles_name_is_still_answered(bundled_store: KnowledgeStore, question: str, quoted: str) -> None:
    result = answer(bundled_store.current, question)
    assert result.answered and quoted in " ".join(q.text for q in result.quotes)
    assert result.reading is not None and result.reading.unknown_name is None


@pytest.mark.parametrize(
    "question",
    [
        "what did analysts say about hanoi",  # a common noun in the plural, not a name
        "what did the vice president say about the summit",  # a description: the answer check decides
        "who is responsible for the collapse of the talks",  # an everyday word, not a name
        "What did Steve Biegun say about the talks?",  # the articles' Stephen Biegun: the family name tells him
    ],
)
def test_a_description_or_a_known_family_name_is_not_read_as_an_unknown_name(bundled_store: KnowledgeStore, question: str) -> None:
    result = answer(bundled_store.current, question)
    assert result.reading is not None and result.reading.unknown_name is None


def test_explain_says_who_no_article_names(bundled_store: KnowledgeStore) -> None:
    explained = reading_text(answer(bundled_store.current, "what did Mike Pence say about the summit"))
    assert "'Mike Pence', whom no article names" in explained
    assert "fitted model decided" not in explained  # the gate did, before the model
