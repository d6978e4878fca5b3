"""A month or day the question names prefers the articles published in it: a news article is
about the days around its publication, and its body seldom says their month or year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.answers import answer
from bot.knowledge.base import build_knowledge_base
from bot.timeline.asked_time import reported_by, times_asked
from tests.conftest import write_article

# A report published on June 30, 2019 that says "on Sunday", never "June" or "2019"; the bundled
# WIRED article says "last June" (2018).
BODY = """
    Donald Trump became the first sitting U.S. president to set foot in North Korea on Sunday, when he met Kim Jong Un at the demilitarized zone and the two leaders agreed to restart stalled nuclear talks.

    "Stepping across that line was a great honor," Trump told reporters after the meeting at Panmunjom, which lasted about an hour.

    The two sides will form teams to resume working-level negotiations within two to three weeks, Secretary of State Mike Pompeo said.
"""
ARTICLE_ID = "reuters-2019-06-30-border"


@pytest.mark.parametrize("question", ["what did trump and kim agree to in june 2019?", "What did Trump and Kim agree on June 30, 2019?", "what did trump and kim agree in jun 2019"])
def test_the_article_published_in_the_month_asked_answers(knowledge_copy: Path, question: str) -> None:
    path = write_article(knowledge_copy, ARTICLE_ID, BODY, title='"Trump steps into North Korea, agrees with Kim to restart talks"', publisher="Reuters", published="2019-06-30")
    result = answer(build_knowledge_base(knowledge_copy), question)
    assert result.answered and result.quotes[0].article.id == ARTICLE_ID
    assert result.quotes[0].text in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("question", "published", "reported"),
    [
        ("what happened in june 2019", dt.date(2019, 6, 30), ("june 2019",)),
        ("what happened on June 30, 2019", dt.date(2019, 7, 1), ("June 30, 2019",)),  # yesterday's events
        ("what happened on June 29, 2019", dt.date(2019, 7, 1), ()),
        ("what happened in june 2019", dt.date(2019, 2, 28), ()),  # before it: "last June" is 2018
        ("what happened in 2019", dt.date(2019, 6, 30), ()),  # a year is not the days around one article
        ("what happened in the summer of 2019", dt.date(2019, 6, 30), ()),
    ],
)
def test_an_article_reports_the_month_or_day_it_is_published_in(question: str, published: dt.date, reported: tuple[str, ...]) -> None:
    assert tuple(time.said for time in reported_by(published, times_asked(question))) == reported
