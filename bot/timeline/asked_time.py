"""Questions about a time after the newest article: "what came out of the Stockholm talks in October 2019?"

A news archive cannot report what happened after its newest article was published. A question
that names a time (a year, a month and year, a day) whose first day comes after every article's
publication date asks what the articles cannot know, however well its other words match: the
bot says how far the articles run instead of quoting something older on the same subject.

Only times the question names outright count: a year, month or day in any position ("in May
2019", "his 2020 New Year speech", "the 2020 deadline", "May 2019: what happened?") and a season of
a year ("the summer of 2019"). A time some plan the articles report falls in stays open, however
the question names it: a speech, a deadline ("denuclearization by 2021") or a span a plan starts
("from 2020 onwards") may be reported before it came (`planned`, the timeline's announced events).
Relative times ("later in 2019", "last June") are left to the answer check. The folder's range
comes from the articles' front matter (`published`); nothing here knows a story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.timeline.models import EventDate
from bot.timeline.relative import MONTH_ABBREVIATIONS, MONTHS, month_number

# Month names in any case: a question typed fast writes "oct 2019" (the articles' dates need capitals).
_MONTH = "|".join([*MONTHS, *(rf"{short}\.?" for short in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))])
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
# A part of a year or month before the time ("late 2019", "the end of October 2019"): the part's
# first month decides whether it is after the articles.
_PART = r"(?P<part>early|mid-?|late|the\s+(?:start|beginning|middle|end)\s+of)\s*"
# A season of a year ("the summer of 2019", "fall 2019"): its months in the northern hemisphere,
# where "winter 2019" may be January or December, so its first day is the year's.
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_TIME = re.compile(
    rf"(?<![\w$£€.,/-])(?:{_PART})?(?:"
    rf"(?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY}),?\s+(?P<md_year>{_YEAR})"
    rf"|(?:the\s+)?(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH}),?\s+(?P<dm_year>{_YEAR})"
    rf"|(?P<my_month>{_MONTH}),?\s+(?:of\s+)?(?P<my_year>{_YEAR})"
    rf"|(?:the\s+)?{_SEASON}\s+(?:of\s+)?(?P<season_year>{_YEAR})"
    rf"|(?P<year>{_YEAR})"
    rf")\b(?![-–/]\d)",
    re.IGNORECASE,
)
# A part's first month: "late 2019" starts in September, "mid-2019" in May.
_PART_FIRST_MONTH = {"early": 1, "mid": 5, "mid-": 5, "late": 9, "the start of": 1, "the beginning of": 1, "the middle of": 5, "the end of": 9}


@dataclass(frozen=True, slots=True)
class AfterArticles:
    """A time the question asks about that begins after the newest article was published."""

    asked: str  # the time as the question writes it ("October 2019")
    newest: dt.date  # the newest article's publication date


@dataclass(frozen=True, slots=True)
class AskedTime:
    """A time the question names as when something happened."""

    said: str  # as the question writes it ("October 2019")
    first: dt.date
    last: dt.date


def times_asked(question: str) -> tuple[AskedTime, ...]:
    """The times the question names as when something happened, in order; most questions name none,
    and then nothing about the articles need be looked at."""
    asked = []
    for match in _TIME.finditer(question.strip()):
        span = _span(match)
        if span is not None:
            asked.append(AskedTime(match.group(0).strip(), *span))
    return tuple(asked)


def after_articles(asked: Iterable[AskedTime], newest: dt.date | None, planned: tuple[tuple[dt.date, dt.date], ...] = ()) -> AfterArticles | None:
    """The first time asked (`times_asked`) that begins after `newest`, the newest article's
    publication date; None when there is none, or the articles could cover it. `planned`: the
    first and last days of what the articles report as planned (bot.timeline's announced events):
    a question about a time some plan falls in may ask what was planned."""
    if newest is None:
        return None
    for time in asked:
        if time.first > newest and not any(first <= time.last and time.first <= last for first, last in planned):
            return AfterArticles(time.said, newest)
    return None


def _span(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the time matched ("late 2019": September 1 to December 31; "the
    end of October 2019": a part of a month is still that month)."""
    g = match.groupdict()
    if g["season"]:
        year = int(g["season_year"])
        if g["season"].lower() == "winter":  # January and February, or December into the next year
            return dt.date(year, 1, 1), EventDate(year + 1, 2).last_day()
        first_month, last_month = _SEASON_MONTHS[g["season"].lower()]
        return dt.date(year, first_month, 1), EventDate(year, last_month).last_day()
    year = g["md_year"] or g["dm_year"] or g["my_year"] or g["year"] or ""
    month = g["md_month"] or g["dm_month"] or g["my_month"]
    day = g["md_day"] or g["dm_day"]
    try:
        named = EventDate(int(year), month_number(month) if month else None, int(re.sub(r"\D", "", day)) if day else None)
        first = named.first_day() if month or g["part"] is None else dt.date(named.year, _PART_FIRST_MONTH[" ".join(g["part"].lower().split())], 1)
        return first, named.last_day()
    except ValueError:  # "February 30, 2020": no such day; not a time to decline on
        return None


def describe(day: dt.date) -> str:
    """A day as the reply writes it: "February 28, 2019"."""
    return EventDate(day.year, day.month, day.day).label()
