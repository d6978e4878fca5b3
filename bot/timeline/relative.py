"""Resolves date expressions against an article's publication date, keeping their precision.

Each function returns a `Resolved`: the date as precise as the words allow, whether it is an
estimate, and the window of days it could mean (used to decide whether two sources agree).
Pure functions over `datetime.date`, so every rule is testable without an article.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from types import MappingProxyType

from bot.timeline.models import EventDate

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
MONTH_ABBREVIATIONS = MappingProxyType({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Resolved:
    date: EventDate
    approximate: bool
    first: dt.date  # the window of days the expression can mean
    last: dt.date
    end: EventDate | None = None  # the last day of a span of days ("February 27-28"); date is the first


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else MONTH_ABBREVIATIONS[key]


def number_value(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def exact(date: EventDate, approximate: bool = False) -> Resolved:
    return Resolved(date, approximate, date.first_day(), date.last_day())


def add_months(day: dt.date, months: int) -> dt.date:
    """day moved by whole months, clamped to the month's length (March 31 - 1 month = February 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    length = EventDate(year, month + 1).last_day().day
    return dt.date(year, month + 1, min(day.day, length))


def month_before(base: dt.date, month: int, *, strictly: bool) -> EventDate:
    """The latest `month` before base ("last June"); `strictly=False` allows base's own month ("in June")."""
    year = base.year if (month < base.month or (month == base.month and not strictly)) else base.year - 1
    return EventDate(year, month)


def date_before(base: dt.date, month: int, day: int) -> EventDate:
    """"February 28" with no year: the latest such day on or before publication ("29 February"
    in the last leap year)."""
    year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
    while (month, day) == (2, 29) and not calendar.isleap(year):
        year -= 1
    return EventDate(year, month, day)


def weekday_before(base: dt.date, weekday: int, *, strictly: bool = False) -> Resolved:
    """"Thursday" in a news story is the nearest Thursday on or before publication. "last
    Thursday" (`strictly`) is the Thursday of the calendar week before publication's, its weeks
    starting on Sunday, as news style writes a day of the current week by its name alone: on a
    Friday, "Tuesday" is three days back and "last Tuesday" ten; on a Sunday, "last Tuesday" is
    five days back, in the week that has just ended."""
    if strictly:
        sunday = base - dt.timedelta(days=(base.weekday() + 1) % 7)
        day = sunday - dt.timedelta(days=7) + dt.timedelta(days=(weekday + 1) % 7)
    else:
        day = base - dt.timedelta(days=(base.weekday() - weekday) % 7)
    return exact(EventDate(day.year, day.month, day.day))


def weekday_from(anchor: dt.date, weekday: int, *, forward: bool) -> int:
    """Days from `anchor` to "the following Sunday" (forward) or "the previous Sunday": the first
    such weekday after it (or before it), never the anchor's own day."""
    days = ((weekday - anchor.weekday()) if forward else (anchor.weekday() - weekday)) % 7 or 7
    return days if forward else -days


def season_before(base: dt.date, season: str, *, strictly: bool = True) -> Resolved:
    """"last summer": the latest whole season that ended before publication, as its year, approximate.

    A season is no month, so the date keeps the year and the season's name; its window, the
    season's months (EventDate.first_day/last_day), is what merging compares.
    """
    end_year = base.year  # a season's year is the year it ends in (winter 2018 is December 2017 on)
    while True:
        date = EventDate(end_year, season=season.lower())
        if (date.last_day() < base) if strictly else (date.first_day() <= base):
            return exact(date, approximate=True)
        end_year -= 1


def window(first: dt.date, last: dt.date) -> Resolved:
    """A span of days as one approximate date: its month if it fits in one, else its year if it fits
    in one, else (it crosses New Year) its first month."""
    if (first.year, first.month) == (last.year, last.month) or first.year != last.year:
        return Resolved(EventDate(first.year, first.month), True, first, last)
    return Resolved(EventDate(first.year), True, first, last)


def ago(base: dt.date, amount: int, unit: str, *, hedged: bool = False) -> Resolved:
    """"six months ago": a point in the past, approximate, as precise as the unit. Weeks are
    counted in days, as "two weeks later" is ("The standoff erupted a week ago": that day of the
    week before), unless `hedged` ("over a week", "nearly two weeks"): then the month."""
    unit = unit.lower().rstrip("s")
    if unit == "day" or (unit == "week" and not hedged):
        day = base - dt.timedelta(days=amount * (7 if unit == "week" else 1))
        return exact(EventDate(day.year, day.month, day.day), approximate=True)
    if unit == "week":
        day = base - dt.timedelta(weeks=amount)
        return Resolved(EventDate(day.year, day.month), True, day - dt.timedelta(days=3), day + dt.timedelta(days=3))
    if unit == "month":
        day = add_months(base, -amount)
        return exact(EventDate(day.year, day.month), approximate=True)
    return exact(EventDate(base.year - amount), approximate=True)


def last_span(base: dt.date, amount: int, unit: str) -> Resolved:
    """"in the last three weeks": some time between then and publication."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "week"):
        first = base - dt.timedelta(days=amount * (7 if unit == "week" else 1))
    else:
        first = add_months(base, -amount * (12 if unit == "year" else 1))
    return window(first, base)


def previous_unit(base: dt.date, unit: str, offset: int) -> Resolved:
    """"last month" / "this year" / "next year": the calendar unit `offset` away from publication."""
    unit = unit.lower()
    if unit == "year":
        return exact(EventDate(base.year + offset))
    if unit == "month":
        day = add_months(base.replace(day=1), offset)
        return exact(EventDate(day.year, day.month))
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
    return window(monday, monday + dt.timedelta(days=6))


def ahead(base: dt.date, amount: int, unit: str) -> Resolved:
    """"in two weeks": a point after publication, approximate, as precise as the unit."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "week"):
        day = base + dt.timedelta(days=amount * (7 if unit == "week" else 1))
        date = EventDate(day.year, day.month, day.day) if unit == "day" else EventDate(day.year, day.month)
        return Resolved(date, True, day, day)
    if unit == "month":
        day = add_months(base, amount)
        return exact(EventDate(day.year, day.month), approximate=True)
    return exact(EventDate(base.year + amount), approximate=True)


def shifted(anchor: Resolved, amount: int, unit: str) -> Resolved:
    """"three days after" a date: the anchor moved by whole units, as precise as both allow."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "morning", "afternoon", "evening", "night", "week"):
        days = amount * (7 if unit == "week" else 1)
        first, last = anchor.first + dt.timedelta(days=days), anchor.last + dt.timedelta(days=days)
        if anchor.date.day is not None and unit != "week":
            return exact(EventDate(first.year, first.month, first.day), anchor.approximate)
        if anchor.date.month is not None:  # "a week later" than a month: about that month
            return Resolved(EventDate(first.year, first.month), True, first, last)
        return exact(EventDate(first.year), True)
    if unit == "month":
        first = add_months(anchor.first, amount)
        if anchor.date.month is not None:
            return exact(EventDate(first.year, first.month), anchor.approximate or anchor.date.day is not None)
        return exact(EventDate(first.year), True)
    return exact(EventDate(anchor.date.year + amount, anchor.date.month, anchor.date.day), anchor.approximate)
