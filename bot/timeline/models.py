"""A timeline event: a date of known precision, a short title, and the quotes that back it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from bot.knowledge.calendar_days import not_a_calendar_day
from bot.quotes import Quote

Precision = Literal["year", "month", "day"]
_WRITTEN_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# Northern-hemisphere meteorological seasons: the months each covers (winter straddles the year).
SEASONS = MappingProxyType({"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)})
AFTER_EVERY_DAY = 32


@dataclass(frozen=True, slots=True, order=True)
class EventDate:
    """A date known to the year, the month or the day. Sorting puts a year before its months."""

    year: int
    month: int | None = None
    day: int | None = None
    # "last summer" is known to the year, but people read it better as the season it said. For
    # winter, `year` is the year the season ends in. Not compared: it only changes the label.
    season: str | None = field(default=None, compare=False)

    @classmethod
    def parse(cls, text: str) -> EventDate:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as an EventDate of that precision; ValueError otherwise."""
        match = _WRITTEN_DATE.match(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            # Only a part not written stands for 1: a written "00" month or day is no date ("2018-00").
            dt.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError:
            raise ValueError(not_a_calendar_day(text) or f"{text!r} is not a real date") from None
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: only the parts the precision allows."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def label(self, approximate: bool = False) -> str:
        """For people: `2019`, `June 2018`, `February 28, 2019`; `about June 2018` when estimated;
        `summer 2018` and `winter 2018–19` for a season, which says by itself that it is vague."""
        if self.season is not None and self.month is None:
            return f"winter {self.year - 1}–{self.year % 100:02d}" if self.season == "winter" else f"{self.season} {self.year}"
        if self.month is None:
            text = str(self.year)
        else:
            month = dt.date(self.year, self.month, 1).strftime("%B")
            text = f"{month} {self.year}" if self.day is None else f"{month} {self.day}, {self.year}"
        return f"about {text}" if approximate else text

    def first_day(self) -> dt.date:
        if self.season_months is not None:
            return self.season_months[0].first_day()
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.season_months is not None:
            return self.season_months[1].last_day()
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def season_months(self) -> tuple[EventDate, EventDate] | None:
        """A season's first and last month ("winter 2018" is December 2017 to February 2018), so
        that filtering by dates and sorting both read it as the months it covers."""
        if self.season is None or self.month is not None:
            return None
        first_month, last_month = SEASONS[self.season]
        return EventDate(self.year - (first_month > last_month), first_month), EventDate(self.year, last_month)

    def sort_key(self) -> tuple[int, int, int]:
        """Year before its months; a season after the days of the month it starts in ("summer
        2018" after "June 12, 2018", "winter 2017–18" after December 2017's): its label tells
        readers when it was, and it says less than a date in that month."""
        if self.season_months is not None:
            first = self.season_months[0]
            return (first.year, first.month or 0, AFTER_EVERY_DAY)
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True, slots=True)
class DatedSource:
    """One source's date for an event, when sources disagree ("Thursday" vs "early Wednesday")."""

    date: EventDate
    approximate: bool
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: EventDate
    approximate: bool
    title: str
    quotes: tuple[Quote, ...]
    curated: bool = False
    # Other dates other sources give for the same event; empty when all sources agree.
    other_dates: tuple[DatedSource, ...] = ()
    # The last day of an event of several days ("a two-day summit"); `date` is its first.
    end: EventDate | None = None
    # A plan, deadline or promise that had not happened when its article was published ("return
    # to Stockholm in two weeks"): shown apart from what happened, after it.
    announced: bool = False

    @property
    def precision(self) -> Precision:
        return self.date.precision

    @property
    def label(self) -> str:
        """The date as people read it, a span for an event of several days ("February 27–28, 2019")."""
        return self.date_label()

    def date_label(self, *, approximate: bool = True) -> str:
        """`approximate=False` leaves out "about", for front ends that mark estimates their own way."""
        return span_label(self.date, self.end) if self.end is not None else self.date.label(approximate and self.approximate)


def span_label(first: EventDate, last: EventDate) -> str:
    """`February 27–28, 2019`, `June 30 – July 1, 2019`, `December 31, 2018 – January 1, 2019`."""
    if first.year != last.year:
        return f"{first.label()} – {last.label()}"
    first_text = first.label().rsplit(",", 1)[0]
    if first.month == last.month and last.day is not None:
        return f"{first_text}–{last.day}, {last.year}"
    return f"{first_text} – {last.label()}"


def range_bound(text: str, *, end: bool) -> dt.date:
    """A /timeline from/to bound: a partial date covers its whole span (to 2018-06 ends June 30)."""
    date = EventDate.parse(text)
    return date.last_day() if end else date.first_day()
