"""What kind of answer a question wants, and which sentences have one; quotation marks."""

from __future__ import annotations

import pytest

from bot.knowledge.profile import load_profile
from bot.knowledge.quotation_marks import unbalanced
from bot.search.answer_type import AnswerType, expected_answer, satisfies
from tests.conftest import FIXTURE_KNOWLEDGE


def kind(question: str) -> AnswerType | None:
    expectation = expected_answer(question)
    return expectation.type if expectation else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many US troops are in South Korea?", AnswerType.NUMBER),
        ("How much did the summit cost?", AnswerType.AMOUNT),
        ("How long would a deal take?", AnswerType.DURATION),
        ("How old is Kim Jong Un?", AnswerType.AGE),
        ("At what age did he take power?", AnswerType.AGE),
        ("Who was Trump's choice to replace Tillerson?", AnswerType.PERSON),
        ("Who is James McKeon?", None),  # asks what he is, not for a name
        ("Where did Trump fly after Hanoi?", AnswerType.PLACE),
        ("which hotel did the leaders meet at?", AnswerType.PLACE),
        ("In which country did they meet?", AnswerType.PLACE),
        ("Which country helped negotiate the Iran deal?", None),  # a country acting: asks who, not where
        ("When did Biegun become envoy?", AnswerType.DATE),
        ("What year was the Yongbyon complex built?", AnswerType.YEAR),
        ("On what date did the summit open?", AnswerType.DAY),
        ("What was the exact date of the Singapore summit?", AnswerType.DAY),
        ("what exact day was the singapore summit?", AnswerType.DAY),
        ("exact date of the singapore summit?", AnswerType.DAY),  # terse: no question word
        ("Has an exact date been set for a third summit?", None),  # asks yes or no
        ("Which day-to-day issues did the envoy raise?", None),
        ("Which year-end deadline did Trump set?", None),
        ("Why did the talks fail?", None),
        ("whn did biegun become envoy", AnswerType.DATE),  # chat shorthand asks like the word it stands for
        ("hw many troops r in korea", AnswerType.NUMBER),
        ("thank you, when was the Singapore summit?", AnswerType.DATE),  # a pleasantry first changes nothing
        ("cool, who was Trump's choice to replace Tillerson?", AnswerType.PERSON),
    ],
)
def test_question_kinds(question: str, expected: AnswerType | None) -> None:
    assert kind(question) == expected


# The bundled story's own words that make a pair of capitalised words not a name (tests/fixtures/knowledge/bot.yaml).
STORY_NOT_NAMES = load_profile(FIXTURE_KNOWLEDGE)[0].not_person_words


def check(sentence: str, question: str, not_names: frozenset[str] = STORY_NOT_NAMES) -> bool:
    expectation = expected_answer(question)
    assert expectation is not None
    return satisfies(sentence, expectation, question, not_names)


def test_a_number_must_count_the_thing_asked_about() -> None:
    assert check("About 28,500 US troops are stationed there.", "How many US troops are stationed there?")
    assert not check("The two sides met for two days.", "How many US troops are stationed there?")


def test_an_amount_may_be_none_but_not_just_any_word() -> None:
    assert check("Pompeo has no diplomatic experience at all.", "How much diplomatic experience does Pompeo have?")
    assert not check("It is not clear at all whether talks resume.", "How much did the summit cost?")


def test_a_duration_is_a_span_not_a_time_ago() -> None:
    """"How long did the Hanoi meeting last?" was once answered with "… special envoy six months
    ago …": when something happened, not how long anything lasted."""
    question = "How long did the meeting last?"
    assert check("The two-day summit ended early.", question)
    assert check("They talked for years.", question)
    assert not check("He was appointed special envoy six months ago.", question)
    assert not check("The accord was signed years ago.", question)


def test_an_age_is_not_any_number() -> None:
    """"How old is Kim Jong Un?" was once answered with sentences that merely named him."""
    question = "How old is the envoy?"
    assert check("The 72-year-old envoy arrived.", question)
    assert check("The envoy, aged 35, arrived.", question)
    assert check("He became envoy at the age of 40.", question)
    assert not check("The envoy held two rounds of talks in 2019.", question)
    assert not check("The envoy is a respected diplomat.", question)


def test_a_place_is_not_a_month_a_weekday_or_a_person_quoted() -> None:
    question = "Where did the envoy meet his counterparts?"
    assert check("In Stockholm, the envoy met them.", question)
    assert not check("The envoy met them in February.", question)
    assert not check("The envoy met them, according to Trump.", question)


def test_a_place_may_name_the_event_asked_about() -> None:
    # "his Vietnam summit" says where the summit was; "held" and "take place" only ask where.
    assert check("It ended when his Geneva summit with the envoy collapsed.", "Where was the second summit held?")
    assert not check("It ended when his Monday summit with the envoy collapsed.", "Where was the second summit held?")
    assert not check("It ended when his Geneva trip was cut short.", "Where was the second summit held?")
    assert {"held", "take", "place"} <= expected_answer("where did the summit take place, and where was it held?").phrasing


def test_a_name_is_not_a_place_or_a_pair_starting_with_a_small_word() -> None:
    question = "Who leads the talks for the North?"
    assert check("Whether Mike Pompeo can lead them is unclear.", question)
    assert not check("But Pompeo said so at the Arms Control Association.", question)
    assert not check("Talks resumed in South Korea.", question)


def test_the_storys_own_not_a_name_words_come_from_its_knowledge_folder() -> None:
    question = "Who leads the talks for the North?"
    assert check("Talks resumed in South Korea.", question, frozenset())  # without the story's words it looks like a name
    assert not check("Talks resumed in South Korea.", question, frozenset({"korea"}))
    assert not check("The University Council met.", question, frozenset())  # general English needs no list


def test_a_year_question_wants_a_year_and_a_date_question_a_day() -> None:
    year = "What year was the reactor built?"
    assert check("The reactor was built in 1986.", year)
    assert check("It was finished two years ago.", year)
    assert check("Trump met Kim last June.", year)  # the quote's date says which June
    assert not check("The talks collapsed on Thursday.", year)  # a weekday names no year
    day = "On what date did the talks collapse?"
    for dated in ("on Thursday", "on June 12", "on Feb. 27", "on June 12th", "on the 12th of June"):
        assert check(f"The talks collapsed {dated}.", day), dated
    assert check("Yesterday, the talks collapsed.", day)
    assert not check("They met in 2018.", day)
    assert not check("They met last summer.", day)
    assert not check("Half (1/2) of the sanctions stayed.", day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A. B,” said X.", (0, 0)),
        ("B,” said X. “C", (1, 1)),
        ("”When we first were looking", (0, 1)),  # a misprinted opening mark
        ('he said "yes" loudly', (0, 0)),
        ("it’s Trump’s call", (0, 0)),
    ],
)
def test_quotation_marks(text: str, expected: tuple[int, int]) -> None:
    assert unbalanced(text) == expected
