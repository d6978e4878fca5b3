""""oh" and "ah" are interjections only when English sets them off; otherwise they are a name
("Oh" is a surname), and a knowledge folder about someone called Oh keeps its questions about them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Declined, answer, answer_follow_up
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.store import KnowledgeStore
from bot.search.answer_type import without_opening
from bot.search.normalise import without_set_off_interjections
from tests.conftest import write_article

PROFILE = "Oh Min-su is the chief negotiator for the Ruritanian delegation."
TALKS_ENDED = "The harbour talks in Brelvik ended on Tuesday without an agreement on quotas."


@pytest.fixture(scope="module")
def about_oh(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("k")
    body = f"{PROFILE} Oh joined the foreign service in 1990 and has led three rounds of talks on fishing rights.\n\n{TALKS_ENDED}"
    write_article(folder, "oh-profile", body)
    return KnowledgeStore(folder).current


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("oh", ""),
        ("Ah!", ""),
        ("Oh?", ""),
        ("Oh, why?", "why?"),
        ("oh! when did the talks end?", "when did the talks end?"),
        ("oh ok", "ok"),
        ("Thanks. Oh, and why?", "Thanks. and why?"),
        ("who is Oh?", "who is Oh?"),
        ("Oh joined when?", "Oh joined when?"),
        ("Oh Min-su said what?", "Oh Min-su said what?"),
        ("who is Oh, the negotiator?", "who is Oh, the negotiator?"),
        ("Oh. Why?", "Why?"),
        ("Dr. Oh, what did he say?", "Dr. Oh, what did he say?"),  # after a title: no sentence opens
        ("Gen. Oh! When did the talks end?", "Gen. Oh! When did the talks end?"),
    ],
)
def test_only_an_oh_or_ah_set_off_is_an_interjection(typed: str, read: str) -> None:
    assert without_set_off_interjections(typed) == read


def test_a_question_opening_with_the_name_keeps_it() -> None:
    assert without_opening("Oh joined the foreign service when?") == "oh joined the foreign service when?"
    assert without_opening("Oh, who joined the foreign service?") == "who joined the foreign service?"


def test_who_is_oh_is_answered_about_oh(about_oh: KnowledgeBase) -> None:
    result = answer(about_oh, "who is Oh?")
    assert result.answered and any(PROFILE in q.text for q in result.quotes)


@pytest.mark.parametrize("message", ["oh", "Ah!", "oh ok", "Oh?"])
def test_interjections_alone_are_small_talk(about_oh: KnowledgeBase, message: str) -> None:
    assert answer(about_oh, message).declined is Declined.SMALL_TALK


def test_an_interjection_before_a_follow_up_is_not_the_name(about_oh: KnowledgeBase) -> None:
    """"Oh, why?" after a question asks why of it; read as the name, it answered with Oh's profile."""
    result = answer_follow_up(about_oh, "Oh, why?", ["when did the harbour talks end?"])
    assert result.follows == "when did the harbour talks end?"
    assert not any(PROFILE in q.text for q in result.quotes)


def test_an_interjection_asked_before_a_question_is_not_the_message(about_oh: KnowledgeBase) -> None:
    """"Oh? When did …?": the first sentence that asks with words of its own is the question."""
    result = answer(about_oh, "Oh? When did the harbour talks end?")
    assert result.answered and any(TALKS_ENDED in q.text for q in result.quotes)
