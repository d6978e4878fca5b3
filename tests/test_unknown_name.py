"""A question about someone no article names is declined, never answered with someone else's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import answer
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.store import KnowledgeStore
from bot.messages import IN_CHAT, as_a_name, decline_message
from bot.render.reading_text import reading_text
from bot.render.text import answer_text
from tests.cli_helpers import run_bot
from tests.conftest import write_article


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
    assert "'Mike Pence', whom or which no article names" in explained
    assert "fitted model decided" not in explained  # the gate did, before the model


# A question whose subject, or a name of the folder's alias groups, no article mentions: each was
# answered with quotes about the Singapore summit or Hanoi, which a reader takes for an answer.
ABSENT_SUBJECT = {
    "did moon jae-in go to the singapore summit?": "Moon Jae-in",
    "Did Moon Jae-in go to the Singapore summit?": "Moon Jae-in",
    "did john bolton take part in the talks in hanoi?": "John Bolton",
    "What role did Japan play in the Hanoi negotiations?": "Japan",
    "what happened when trump met kim at the dmz?": "DMZ",
}


@pytest.mark.parametrize(("question", "named"), ABSENT_SUBJECT.items())
def test_a_subject_no_article_mentions_is_declined_naming_it(bundled_store: KnowledgeStore, question: str, named: str) -> None:
    result = answer(bundled_store.current, question)
    assert not result.answered and not result.closest and result.withheld  # nothing about someone else shown
    for render in (answer_text, lambda reply: decline_message(reply, way=IN_CHAT)):
        assert f"The articles never mention {named}, so I won't guess." in " ".join(render(result).split())


@pytest.mark.parametrize(
    "question",
    [
        "did the talks go well?",  # a description
        "did the president's envoy meet kim?",  # a description
        "did potus bring home anything from vietnam",  # one word in a question in one case: an abbreviation, maybe
        "Did POTUS bring anything home from Vietnam?",  # an acronym may stand for what the articles spell out
        "did tilersn get fired?",  # misspelt: read as the articles' Tillerson
        "did steve biegun meet kim in hanoi?",  # the articles' Stephen Biegun
        "is mike pompeo married?",  # named by the articles
        "how long would hashing out a disarmament agreement take?",  # an everyday word no article uses
    ],
)
def test_a_subject_the_articles_name_or_a_description_is_not_declined_for_it(bundled_store: KnowledgeStore, question: str) -> None:
    result = answer(bundled_store.current, question)
    assert result.reading is not None and result.reading.unknown_name is None


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("why did the stockholm talks break down?", "Stockholm"),
        ("why did the Stockholm talks break down?", "Stockholm"),
        ("why did the talks in sweden fail?", "Sweden"),
        ("Why did the talks in Sweden fail?", "Sweden"),
    ],
)
def test_a_place_no_article_mentions_is_declined_in_either_case(question: str, named: str) -> None:
    """"why did the stockholm talks break down?" was answered with "So Rex Tillerson is gone…" and
    "why did the talks in sweden fail?" with a Hanoi quote, while capitalised they were declined
    (walkthrough): a reader's lower case must not turn them into questions about other talks."""
    asked = run_bot("ask", question)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.startswith(f"The articles never mention {named}, so I won't guess."), asked.stdout


@pytest.mark.parametrize(
    "question",
    [
        "did trump fly to hanoi from washington?",  # places the articles mention
        "what did the north koreans want in singapore?",
        "how long do i cook a turkey?",  # an everyday word in lower case: the bird, not the country
        "I'm in London this week. Why did the Hanoi summit fail?",  # told, not asked: the sentence that asks names Hanoi
    ],
)
def test_a_place_the_articles_mention_or_an_everyday_word_is_not_read_as_an_unknown_place(bundled_store: KnowledgeStore, question: str) -> None:
    result = answer(bundled_store.current, question)
    assert result.reading is not None and result.reading.unknown_name is None


def test_a_place_an_article_names_by_its_people_word_is_not_declined_as_never_mentioned(tmp_path: Path) -> None:
    """Review: "what did sweden offer?" was declined "The articles never mention Sweden" while the
    article says "the Swedish government offered to host another round"."""
    write_article(tmp_path, "envoy", "The Swedish government offered to host another round of talks in the spring.")
    result = answer(build_knowledge_base(tmp_path), "what did sweden offer?")
    assert result.reading is not None and result.reading.unknown_name is None
    assert result.answered and "Swedish government offered" in result.quotes[0].text


@pytest.mark.parametrize(("typed", "shown"), [("port of spain", "Port of Spain"), ("moon jae-in", "Moon Jae-in"), ("the hague", "The Hague"), ("DMZ", "DMZ")])
def test_a_name_typed_in_lower_case_is_shown_as_english_writes_names(typed: str, shown: str) -> None:
    assert as_a_name(typed) == shown
