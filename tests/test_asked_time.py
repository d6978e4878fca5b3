"""A question about a time after the newest article is declined, saying how far the articles run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot import messages
from bot.answers import Declined, answer
from bot.knowledge.store import KnowledgeStore
from bot.render.json_out import answer_dict
from bot.render.reading_text import reading_text
from bot.timeline.asked_time import after_articles, times_asked
from tests.conftest import write_article

NEWEST = dt.date(2019, 2, 28)  # the tests' knowledge folder: its newest article's `published`
PUBLISHED = (dt.date(2018, 3, 13), NEWEST)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What came out of the working-level talks in Stockholm in October 2019?", "October 2019"),
        ("what happened at the stockholm talks in oct 2019", "oct 2019"),
        ("Did North Korea launch missiles in May 2019?", "May 2019"),
        ("what did they agree on March 3, 2019", "March 3, 2019"),
        ("what happened in late 2019", "late 2019"),
        ("Did Kim visit Seoul during 2020?", "2020"),
        ("May 2019: did the talks resume?", "May 2019"),
        ("What happened at the end of 2019?", "the end of 2019"),
        ("What did they sign on the 3rd of March 2019?", "the 3rd of March 2019"),
        ("what happened on 10/5/2019", "10/5/2019"),  # in figures
        ("what happened on 2019-10-05", "2019-10-05"),
        # A year that modifies a noun, a deadline, the start of a span: with no plan the articles
        # report for that time, they cannot have reported it.
        ("what did kim say in his 2020 new year speech", "2020"),
        ("Will Trump win the 2020 election?", "2020"),
        ("what was the 2020 deadline for", "2020"),
        ("Did Pompeo want denuclearization by 2021?", "2021"),
        ("What did Kim promise to do by January 2020?", "January 2020"),
        ("What is the plan from 2020 onwards?", "2020"),
        ("Where were the talks as of mid-March 2019?", "mid-March 2019"),
        # A season of a year.
        ("what did north korea do in the summer of 2019", "the summer of 2019"),
        ("Did the talks resume in spring 2019?", "spring 2019"),
        ("what happened in the fall of 2019", "the fall of 2019"),
        # A range that starts after it; a year before a unit that is no clock time.
        ("What happened between 2020 and 2021?", "between 2020 and 2021"),
        ("What happened in 2020–2021?", "2020–2021"),
        ("What did they agree from March 2019 to June 2020?", "March 2019 to June 2020"),
        ("What did Kim's 2020 speech say?", "2020"),
        ("Did the talks resume in the year 2020?", "2020"),
        ("2020: did the talks resume?", "2020"),
    ],
)
def test_a_time_after_every_article_is_named(question: str, asked: str) -> None:
    beyond = after_articles(times_asked(question), max(PUBLISHED))
    assert beyond is not None and beyond.asked == asked and beyond.newest == NEWEST


@pytest.mark.parametrize(
    "question",
    [
        "What happened at the summit in February 2019?",  # within the articles' range
        "What happened in early 2019?",  # begins before the newest article
        "did trump and kim meet again at the DMZ later in 2019?",  # 2019 began before it: the check decides
        "What did Kim Jong Un say in his 2019 New Year's speech?",  # 2019 began before it
        "What did the 1994 Agreed Framework do?",
        "What did Kim promise in the winter of 2019?",  # January or December: it may have begun before it
        "what did trump declare last june",  # relative, no year named
        "What happened on February 30, 2020?",  # no such day
        "What happened on 2/30/2020?",
        "What was the score, 1.5.2019x?",  # no date in figures inside a word
        "Did the envoy pay $2020 for the hotel?",  # an amount, not a year
        # A range is one time from its first end, which the articles cover.
        "How did relations between Trump and Kim change from 2017 to 2020?",
        "How did relations between Trump and Kim change between 2017 and 2020?",
        "What did the two sides do in 2018–2020?",
        "What did the two sides do in 2018—2020?",
        "What did the two sides do in 2018-2020?",
        "What changed from 2019 to 2020?",
        # A number after a noun is a label; before a plural or a unit of time, a count or a clock time.
        "What does UN resolution 2094 require?",
        "What did Resolution 2087 say?",
        "Where did flight 2020 land?",
        "What happened to #2020?",
        "What was announced at 2030 GMT?",
        "Were 2030 rockets fired?",
        "Did a fleet of 2030 rockets exist?",
    ],
)
def test_a_time_the_articles_may_cover_is_not_named(question: str) -> None:
    assert after_articles(times_asked(question), max(PUBLISHED)) is None


def test_the_reply_says_how_far_the_articles_run(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "What came out of the working-level talks in Stockholm in October 2019?")
    assert result.declined is Declined.NOT_COVERED and not result.quotes and not result.closest
    assert messages.decline_message(result) == "The articles run to February 28, 2019, so they cannot tell you about October 2019."
    assert "after the newest article (February 28, 2019)" in reading_text(result)


def test_a_day_is_named_as_asked(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "What did Trump and Kim sign on June 30, 2019?")
    assert messages.decline_message(result) == "The articles run to February 28, 2019, so they cannot tell you about June 30, 2019."


def test_a_question_about_the_future_is_declined_in_words_that_fit_it(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "will trump and kim meet again in 2020?")
    assert result.declined is Declined.NOT_COVERED and not result.quotes
    assert messages.decline_message(result) == "The articles run to February 28, 2019, so they cannot tell you about 2020."


def test_the_time_asked_is_shown_escaped_by_the_front_end(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "What happened in October 2019?")
    assert messages.decline_message(result, lambda text: f"<{text}>").endswith("tell you about <October 2019>.")


def test_the_range_comes_from_the_folder_s_articles(tmp_path: Path) -> None:
    # The same question is answered once an article published after that time is in the folder.
    body = "The negotiators met in Stockholm on October 5, 2019, and the talks broke down within hours."
    write_article(tmp_path, "talks-2019-10", body, published="2019-10-06")
    write_article(tmp_path, "talks-2019-01", "The envoys met in Hanoi to plan a summit.", published="2019-01-10")
    question = "What happened at the talks in Stockholm in October 2019?"
    knowledge = KnowledgeStore(tmp_path).current
    result = answer(knowledge, question)
    assert result.reading is not None and result.reading.after_articles is None
    assert result.answered and "Stockholm" in result.quotes[0].text
    earlier = answer(knowledge, question, only_articles=frozenset({"talks-2019-01"}))
    assert earlier.reading is not None and earlier.reading.after_articles is not None
    assert "run to January 10, 2019" in messages.decline_message(earlier)


def test_a_time_the_articles_report_a_plan_for_is_not_declined(tmp_path: Path) -> None:
    # What was planned for a later time is reported before it: the answer check decides.
    body = """
        The trade ministers met in Oslo on Tuesday and failed to agree on tariffs.

        The ministers will meet again in Oslo in May 2019, a spokesman said.
    """
    write_article(tmp_path, "oslo-talks", body, published="2019-03-15")
    knowledge = KnowledgeStore(tmp_path).current
    assert any(event.announced for event in knowledge.timeline)
    # However the question names the time: after a preposition, before a noun, as a season.
    for question in ("What will the ministers do in May 2019?", "What is on the agenda of the May 2019 meeting?", "Will the ministers meet in the spring of 2019?"):
        planned = answer(knowledge, question)
        assert planned.reading is not None and planned.reading.after_articles is None, question
    summer = answer(knowledge, "Did the ministers meet in the summer of 2019?")
    assert summer.reading is not None and summer.reading.after_articles is not None
    assert messages.decline_message(summer) == "The articles run to March 15, 2019, so they cannot tell you about the summer of 2019."
    later = answer(knowledge, "What did the ministers agree in June 2019?")
    assert later.reading is not None and later.reading.after_articles is not None


def test_explain_in_json_carries_the_reason(bundled_store: KnowledgeStore) -> None:
    # `ask --explain --json` says why as the text --explain does.
    result = answer(bundled_store.current, "What happened in October 2019?")
    reading = answer_dict(result, explain=True)["reading"]
    assert isinstance(reading, dict)
    assert reading["after_articles"] == {"asked": "October 2019", "newest": "2019-02-28", "reason": reading_text(result)}
    assert "after the newest article (February 28, 2019)" in reading_text(result)
    answered = answer_dict(answer(bundled_store.current, "Where did Trump and Kim meet in February 2019?"), explain=True)["reading"]
    assert isinstance(answered, dict) and answered["after_articles"] is None
