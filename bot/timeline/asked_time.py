"""Questions about a time after the newest article: "what came out of the Stockholm talks in October 2019?"

A news archive cannot report what happened after its newest article was published. A question
that names a time (a year, a month and year, a day) whose first day comes after every article's
publication date asks what the articles cannot know, however well its other words match: the
bot says how far the articles run instead of quoting something older on the same subject.

Only times the question names outright count: a year, month or day in any position ("in May
2019", "his 2020 New Year speech", "the 2020 deadline", "May 2019: what happened?"), a day in
figures ("2018-06-12", "12.06.2018", "6/12/2018": see _figures) and a season of a year ("the
summer of 2019"). A time some plan the articles report falls in stays open, however
the question names it: a speech, a deadline ("denuclearization by 2021") or a span a plan starts
("from 2020 onwards") may be reported before it came (`planned`, the timeline's announced events).
A range ("from 2017 to 2020", "between 2017 and 2020", "2018–2020") is one time that starts at
its first end, which the articles may cover. A bare number is a year only where English writes one:
after a preposition, a determiner, a possessive or nothing ("in 2020", "the 2020 deadline",
"Kim's 2020 speech"), not as a label after a noun ("resolution 2094", "flight 2020", "#2020") nor
as a count or clock time before a plural or a unit ("2030 rockets", "at 2030 GMT"). Relative times
("later in 2019", "last June") are left to the answer check. The folder's range comes from the
articles' front matter (`published`); nothing here knows a story.

The same times say which articles report them (`reported_by`): one published within a month or a
day asked, or the day after, is about it, and the ranking prefers it (bot.answers).
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
# Before the time: not part of a word, an amount, a number or a label ("#2020"); after it, not a
# date written with figures ("2019-10-05", "2018-19"). A dash between two years joins a range
# ("2018–2020"), read as one time by times_asked.
_TIME = re.compile(
    rf"(?:(?<![\w$£€.,/#№\-–—])|(?<=\d\d\d\d[-–—]))(?:{_PART})?(?:"
    rf"(?P<iso_year>{_YEAR})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)"
    rf"|(?P<num_first>[0-3]?\d)(?P<num_sep>[./])(?P<num_second>[0-3]?\d)(?P=num_sep)(?P<num_year>{_YEAR})"
    rf"|(?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY}),?\s+(?P<md_year>{_YEAR})"
    rf"|(?:the\s+)?(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH}),?\s+(?P<dm_year>{_YEAR})"
    rf"|(?P<my_month>{_MONTH}),?\s+(?:of\s+)?(?P<my_year>{_YEAR})"
    rf"|(?:the\s+)?{_SEASON}\s+(?:of\s+)?(?P<season_year>{_YEAR})"
    rf"|(?P<year>{_YEAR})"
    rf")\b(?!/\d)(?![-–—](?!{_YEAR}\b)\d)",
    re.IGNORECASE,
)
# What joins two times into one range: a dash, "to", "until", "through" ("and" only after "between").
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|until|till|through|thru)\s*", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# The word before a bare number (its trailing dot dropped: "No. 2020" reads "No"), or none after
# punctuation that ends a phrase or at the start; the word after it.
_WORD_BEFORE = re.compile(r"(?:(?P<word>[^\W\d_][\w'’]*)\.?|[(\[\"“‘:;,!?]|^)\s*$")
_WORD_AFTER = re.compile(r"\s+(?P<word>[^\W\d_]+)")
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)$")
# Closed classes of English words before a year (general English, nothing about a story).
# Prepositions of time: a plural after the year is still a year's ("since 2020 talks ...").
_TIME_PREPOSITIONS = frozenset(
    "in by from since until till til through throughout during before after to between within into beyond past circa".split()
)
_DETERMINERS = frozenset("the a an this that these those his her its their our my your whose each every year".split())
_OTHER_FUNCTION_WORDS = frozenset("of and or nor but than about around at for on over as vs versus like including".split())
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
    and then nothing about the articles need be looked at. A range is one time from its first end's
    first day to its last end's last day."""
    text = question.strip()
    matches = list(_TIME.finditer(text))
    asked = []
    at = 0
    while at < len(matches):
        start = matches[at]
        end = matches[at + 1] if at + 1 < len(matches) and _joins_a_range(text, start, matches[at + 1]) else start
        at += 2 if end is not start else 1
        if start.group("year") and not start.group("part") and not _is_a_year(text, start, ranged=end is not start):
            continue
        first, last = _span(start), _span(end)
        if first is not None and last is not None:
            between = _BETWEEN.search(text, 0, start.start()) if end is not start else None
            said_from = between.start() if between is not None and _AND.fullmatch(text, start.end(), end.start()) else start.start()
            asked.append(AskedTime(text[said_from : end.end()].strip(), first[0], last[1]))
    return tuple(asked)


def _joins_a_range(text: str, start: re.Match[str], end: re.Match[str]) -> bool:
    """Whether the words between two times make them one range: "2018–2020", "2017 to 2020",
    "between 2017 and 2020" ("in 2018 and 2020" names two times)."""
    between = text[start.end() : end.start()]
    if _RANGE_JOIN.fullmatch(between):
        return True
    return _AND.fullmatch(between) is not None and _BETWEEN.search(text, 0, start.start()) is not None


def _is_a_year(text: str, match: re.Match[str], ranged: bool) -> bool:
    """Whether a bare four-digit number is a year: after a preposition, a determiner, a possessive or
    no word ("in 2020", "the 2020 deadline", "Kim's 2020 speech", "2020: what happened?"); not a label
    after a noun ("resolution 2094", "flight 2020"), nor a count or a clock time before a plural or
    a unit ("of 2030 rockets", "at 2030 GMT"). A range's first end is a year where a range stands."""
    before = _WORD_BEFORE.search(text, 0, match.start())
    word = before.group("word").lower() if before is not None and before.group("word") else None
    if word is None or word in _DETERMINERS or _POSSESSIVE.search(word):
        return True  # "the 2020 elections": a year that modifies a noun, even a plural one
    if word not in _TIME_PREPOSITIONS and word not in _OTHER_FUNCTION_WORDS:
        return False  # "resolution 2094", "were 2030 rockets launched?"
    if ranged:
        return True
    after = _WORD_AFTER.match(text, match.end())
    following = after.group("word") if after is not None else ""
    if _is_a_clock_unit(following, match.group("year"), text):
        return False
    return word in _TIME_PREPOSITIONS or not _is_a_plural(following)


def _is_a_clock_unit(word: str, number: str, text: str) -> bool:
    """An abbreviation in capitals after a number that reads as a 24-hour time ("2030 GMT")."""
    hours, minutes = int(number[:2]), int(number[2:])
    return hours < 24 and minutes < 60 and 2 <= len(word) <= 4 and word.isupper() and not text.isupper()


def _is_a_plural(word: str) -> bool:
    """A plural noun by its ending ("rockets", "troops"; not "class", "bonus", "onwards")."""
    lowered = word.lower()
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "wards"))


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
    if g["iso_year"] or g["num_year"]:
        try:
            day_named = _figures(g)
        except ValueError:  # "2/30/2020": no such day
            return None
        return day_named, day_named
    year = g["md_year"] or g["dm_year"] or g["my_year"] or g["year"] or ""
    month = g["md_month"] or g["dm_month"] or g["my_month"]
    day = g["md_day"] or g["dm_day"]
    try:
        named = EventDate(int(year), month_number(month) if month else None, int(re.sub(r"\D", "", day)) if day else None)
        first = named.first_day() if month or g["part"] is None else dt.date(named.year, _PART_FIRST_MONTH[" ".join(g["part"].lower().split())], 1)
        return first, named.last_day()
    except ValueError:  # "February 30, 2020": no such day; not a time to decline on
        return None


def _figures(g: dict[str, str | None]) -> dt.date:
    """A day written in figures: "2018-06-12" (ISO), "12.06.2018" (dots: day first), "6/30/2018"
    and "30/6/2018" (the only way to read them), "6/12/2018" month first, as the replies write
    dates ("June 12, 2018"), so a reader who meant 6 December sees what was read. The articles'
    own "6/12/2018" dates nothing (bot.timeline.found): there no reply names the reading."""
    if g["iso_year"]:
        return dt.date(int(g["iso_year"]), int(g["iso_month"] or 0), int(g["iso_day"] or 0))
    first, second, year = int(g["num_first"] or 0), int(g["num_second"] or 0), int(g["num_year"] or 0)
    if g["num_sep"] == "." or first > 12:
        return dt.date(year, second, first)
    return dt.date(year, first, second)


def describe(day: dt.date) -> str:
    """A day as the reply writes it: "February 28, 2019"."""
    return EventDate(day.year, day.month, day.day).label()


def reported_by(published: dt.date, asked: Iterable[AskedTime]) -> tuple[AskedTime, ...]:
    """The times asked, a month or shorter, that an article published on `published` reports: a
    news article is about the days around its publication, published within them or the day
    after (a report of yesterday's events), and seldom says their month or year ("on Sunday")."""
    return tuple(time for time in asked if (time.last - time.first).days < 31 and time.first <= published <= time.last + dt.timedelta(days=1))
