"""Finds the dated mentions in an article's text and resolves them against its publication date.

Our own regular expressions pick the candidate spans: a general date parser run over every word
turns "may", "to", "one" and "second" into dates and costs seconds on its first call. Only
forms with a clear meaning match: month and weekday names must be capitalised, "May" needs a
day or a year, and a bare number is a year only when it looks like one (1800-2099, not "2,000").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.knowledge.models import Span
from bot.timeline import relative
from bot.timeline.models import EventDate
from bot.timeline.relative import Resolved

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_MONTH_NO_MAY = _MONTH.replace("May|", "")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER = r"(?:\d{1,2}|(?i:a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several))"
_UNIT = r"(?i:(?:day|week|month|year)s?)"
_SEASON = r"(?i:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# Leftmost match wins, so every form that starts with a modifier ("in the last", "last") is
# tried at the modifier's position before the bare month or weekday after it.
_PATTERN = re.compile(
    "|".join(
        (
            rf"(?P<span_lead>(?i:in|during|over|for|within)\s+)?(?i:the)\s+(?i:last|past)\s+(?P<span_n>{_NUMBER})\s+(?P<span_unit>{_UNIT})\b",
            rf"(?i:the)\s+(?i:last|past)\s+(?P<span_one>(?i:week|month|year))\b",
            rf"\b(?P<ago_n>{_NUMBER})\s+(?P<ago_unit>{_UNIT})\s+(?i:ago)\b",
            rf"\b(?i:over|more than|nearly|almost)\s+(?P<over_n>{_NUMBER})\s+(?P<over_unit>{_UNIT})\b",
            rf"\b(?P<season_mod>(?i:last|this|next))\s+(?P<season>{_SEASON})\b",
            rf"\b(?P<season_alone>{_SEASON})\s+(?:of\s+)?(?P<season_year>{_YEAR})\b",
            rf"\b(?P<unit_mod>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))\b",
            rf"\b(?P<wd_mod>(?i:last|early|late|on)\s+)?(?P<weekday>{_WEEKDAY})\b(?:\s+(?P<wd_part>morning|afternoon|evening|night))?",
            rf"\b(?P<md_month>{_MONTH})\s+(?P<md_day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>{_YEAR})\b)?",
            rf"\b(?P<dm_day>[0-3]?\d)\s+(?P<dm_month>{_MONTH}),?\s+(?P<dm_year>{_YEAR})\b",
            rf"\b(?P<my_month>{_MONTH}),?\s+(?P<my_year>{_YEAR})\b",
            rf"\b(?P<rel_mod>(?i:last|this|next|early|late|mid-?|in|since|until|by))\s*(?P<rel_month>{_MONTH_NO_MAY})\b(?!\s*\d)",
            rf"\b(?P<rel_may_mod>(?i:last|next))\s+(?P<rel_may>May)\b(?!\s*\d)",
            rf"(?<![\d,.$£€/-])\b(?P<year>{_YEAR})\b(?![\d,%]|s\b|-\d)",
        )
    )
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One dated phrase in an article, resolved, with the sentence it stands in."""

    article_id: str
    phrase: Span  # the date words, e.g. "early Wednesday morning"
    sentence: Span  # the sentence the phrase is in: the quote
    resolved: Resolved

    @property
    def date(self) -> EventDate:
        return self.resolved.date


def find_mentions(article_id: str, body: str, published: dt.date, sentences: list[Span]) -> list[Mention]:
    """Every dated mention in one article, in text order, with the sentence that holds it."""
    mentions = []
    sentence_iter = iter(sorted(sentences, key=lambda s: s.start))
    current = next(sentence_iter, None)
    for match, resolved in _resolved_matches(body, published):
        while current is not None and current.end <= match.start():
            current = next(sentence_iter, None)
        if current is None or current.start > match.start():
            continue  # a heading or caption the splitter left out has no sentence to quote
        mentions.append(Mention(article_id, Span(match.start(), match.end()), current, resolved))
    return mentions


def _resolved_matches(body: str, published: dt.date) -> Iterator[tuple[re.Match[str], Resolved]]:
    for match in _PATTERN.finditer(body):
        resolved = resolve(match, published)
        if resolved is not None and resolved.date.year <= published.year + 10:
            yield match, resolved


def resolve(match: re.Match[str], base: dt.date) -> Resolved | None:
    """The date one match means, read from publication date `base`; None when it is not a date."""
    g = match.groupdict()
    try:
        if g["span_n"]:
            return relative.last_span(base, relative.number_value(g["span_n"]), g["span_unit"])
        if g["span_one"]:
            return relative.last_span(base, 1, g["span_one"])
        if g["ago_n"]:
            return relative.ago(base, relative.number_value(g["ago_n"]), g["ago_unit"])
        if g["over_n"]:
            return relative.ago(base, relative.number_value(g["over_n"]), g["over_unit"])
        if g["season"]:
            modifier = g["season_mod"].lower()
            if modifier == "next":
                return None  # a plan, not an event yet
            return relative.season_before(base, g["season"], strictly=modifier == "last")
        if g["season_alone"]:
            return _season_of(g["season_alone"], int(g["season_year"]))
        if g["unit"]:
            offset = {"last": -1, "this": 0, "next": 1}[g["unit_mod"].lower()]
            return relative.previous_unit(base, g["unit"], offset)
        if g["weekday"]:
            modifier = (g["wd_mod"] or "").strip().lower()
            return relative.weekday_before(base, relative.WEEKDAYS.index(g["weekday"].lower()), strictly=modifier == "last")
        if g["md_month"]:
            month, day = relative.month_number(g["md_month"]), int(g["md_day"])
            if g["md_year"]:
                return relative.exact(_checked(int(g["md_year"]), month, day))
            _checked(2000, month, day)  # a leap year: rejects "February 31", allows "February 29"
            return relative.exact(relative.date_before(base, month, day))
        if g["dm_month"]:
            return relative.exact(_checked(int(g["dm_year"]), relative.month_number(g["dm_month"]), int(g["dm_day"])))
        if g["my_month"]:
            return relative.exact(EventDate(int(g["my_year"]), relative.month_number(g["my_month"])))
        if g["rel_month"] or g["rel_may"]:
            modifier = (g["rel_mod"] or g["rel_may_mod"]).lower()
            month = relative.month_number(g["rel_month"] or g["rel_may"])
            if modifier == "next":
                return relative.exact(EventDate(base.year + (month <= base.month), month), approximate=True)
            # "last June" is unambiguous; "in June" or "early June" without a year is the latest one, a guess.
            date = relative.month_before(base, month, strictly=modifier == "last")
            return relative.exact(date, approximate=modifier != "last")
        if g["year"]:
            return relative.exact(EventDate(int(g["year"])))
    except ValueError:
        return None
    return None


def _checked(year: int, month: int, day: int) -> EventDate:
    dt.date(year, month, day)  # raises ValueError for "February 30, 2019"
    return EventDate(year, month, day)


def _season_of(season: str, year: int) -> Resolved:
    return relative.exact(EventDate(year, season=season.lower()), approximate=True)
