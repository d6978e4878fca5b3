"""Finds the dated mentions in an article's text and resolves them against its publication date.

Our own regular expressions pick the candidate spans: a general date parser run over every word
turns "may", "to", "one" and "second" into dates and costs seconds on its first call. Only
forms with a clear meaning match: month and weekday names must be capitalised, "May" needs a
day or a year, and a bare number is a year only when it looks like one (1800-2099, not "2,000").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import takewhile
from dataclasses import dataclass

from bot.knowledge.models import Span
from bot.search.normalise import terms
from bot.timeline import grammar, referring, relative
from bot.timeline.grammar import Role
from bot.timeline.models import EventDate
from bot.timeline.relative import Resolved
from bot.timeline.sentence_memo import SentenceMemo, SentenceReader

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")  # each written with a full stop
_MONTH = rf"(?:{'|'.join(_MONTH_NAMES)}|(?:{'|'.join(_MONTH_ABBREVIATIONS)})\.)"
_MONTH_NO_MAY = _MONTH.replace("May|", "")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = rf"(?:{'|'.join(_WEEKDAY_NAMES)})"
_NUMBER = r"(?:\d{1,2}|(?i:a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several))"
_UNIT = r"(?i:(?:day|week|month|year)s?)"
_SEASON = r"(?i:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# The day of a month a weekday may stand before: "13 June", "4th of June", "4-5 May", "12.06.2018".
_DAY_OF_A_MONTH = rf"[0-3]?\d(?:st|nd|rd|th)?(?:\s*(?:[–-]|to|and)\s*[0-3]?\d)?\s+(?:of\s+)?{_MONTH}|[0-3]?\d[./]\d"
# "12.06.2018" (day first, as most of Europe and Asia write it) and "6/30/2019" or "30/6/2019" (read
# only when one number is over 12, so that which is the day is not a guess): all numbers, a full year.
_NUMERIC_DATE = rf"(?<![\d,.$£€/-])\b(?P<num_first>[0-3]?\d)(?P<num_sep>[./])(?P<num_second>[0-3]?\d)(?P=num_sep)(?P<num_year>{_YEAR})\b(?![.,/]?\d)"

# The words of time that are triggers (below), in any case.
_TIME_WORDS = (
    "days?", "weeks?", "months?", "years?", "morning", "spring", "summer", "fall", "autumn", "winter", "hours?", "minutes?",
    "afternoon", "evening", "night", "noon", "midday", "midnight", "afterwards?",
)  # fmt: skip


def _trigger_pattern() -> str:
    """The triggers, as one pattern that opens with the class of every character a trigger can
    start with, so that the regex engine's search skips in C to where one stands (a pattern that
    opens with a look-ahead or look-behind is tried at every character, twice the instructions).
    Each trigger goes on from its second character, filed under its first one (read again by a
    look-behind): triggers with different first letters never match at one place, and those with
    one first letter keep their order (the first that matches wins), so the triggers found are
    those of the plain alternation (one character stands at a place). A lower-case letter right
    after a word character is passed at once: a trigger in lower case is a word of time, which
    starts a word."""
    number = (
        r"(?<![\d,.$£€].)(?:\d?|(?<=1)[89]\d\d|(?<=2)0\d\d)(?![\d%]|[,.:]\d)",  # \d{1,2} or a year (_YEAR), alone
        rf"(?<![\d,.$£€/-].)\d?[./]\d{{1,2}}[./]{_YEAR}(?!\d)",  # 6/30/2019, 12.06.2018
    )
    rests: dict[str, list[str]] = {"\\d": list(number)}  # first character (a class) -> what may follow it, in order
    at_word_start = r"(?<!\w.)"  # no word character before the letter just read: \b before it
    words = [
        *((name[0], name[1:]) for name in _MONTH_NAMES),
        *((name[0], rf"{name[1:]}\.") for name in _MONTH_ABBREVIATIONS),
        *((name[0], rf"{at_word_start}{name[1:]}\b") for name in _WEEKDAY_NAMES),
        # A word of time in any case ("days", "Summer", "DAYS").
        *((first, rf"{at_word_start}(?i:{word[1:]})\b") for word in _TIME_WORDS for first in (word[0], word[0].upper())),
        ("E", rf"{at_word_start}ve\b"),
    ]
    for first, rest in words:
        rests.setdefault(first, []).append(rest)
    firsts = "0-9" + "".join(first for first in rests if first != "\\d")
    lower = "".join(first for first in rests if first.isalpha() and first.islower())
    return rf"[{firsts}](?<!\w[{lower}])(?:" + "|".join(f"(?<={first})(?:{'|'.join(alternatives)})" for first, alternatives in rests.items()) + ")"


# Every date phrase holds one of these words, and starts at most TRIGGER_REACH characters before
# it ("within the past several weeks"): a number (not part of a larger one or of an amount, one
# or two digits or a year), a date written in numbers, a month, a weekday, a word of time, "Eve".
_TRIGGER = re.compile(_trigger_pattern())
TRIGGER_REACH = 25
# The index terms (bot.search.normalise.terms) of those words: a sentence whose terms hold none of
# them has no date to find.
TRIGGER_TERMS = frozenset(
    terms(
        " ".join(relative.MONTHS) + " " + " ".join(relative.MONTH_ABBREVIATIONS) + " " + " ".join(relative.WEEKDAYS)
        + " spring summer fall autumn winter day days week weeks month months year years morning hour hours minute minutes afternoon evening night noon midday midnight afterwards eve"
    )
) | frozenset(f"{n}" for n in range(32)) | frozenset(f"{n:02d}" for n in range(10)) | frozenset(f"{n}" for n in range(1800, 2100))
# How every date phrase begins, lowercased: its first word or the start of it (`_PATTERN`'s
# alternatives: a modifier, a number, a month, a weekday, a season). A word that begins otherwise
# cannot start a match, so the pattern is not tried there; the test that the fast scan finds what
# a full scan finds guards this list.
_PHRASE_STARTS = tuple(
    """in during over for within the a one two three four five six seven eight nine ten eleven twelve
    its several more nearly early earlier late mid last this next spring summer fall winter on since
    until by of throughout that hour minute at after before shortly just soon about around days weeks noon midday midnight monday tuesday wednesday thursday friday saturday sunday jan feb mar apr
    may jun jul aug sep oct nov dec new christmas 0 1 2 3 4 5 6 7 8 9""".split()
)
_LONGEST_PHRASE_START = max(map(len, _PHRASE_STARTS))


def _word_start_pattern(starts: Sequence[str]) -> str:
    """A regular expression finding a word start whose first letters are one of `starts`
    (lowercased letters or digits). Only where a match starts is read, and inside a word no other
    can start, so a start another one begins with ("mid", "midday") stands for both, and the rest
    is a tree of letters ("[tT](?:[hH](?:[eE]|[iI][sS]|…)|…)") that the engine walks once instead of
    trying each start in turn. The first letter is one class, so that the engine's search skips in C
    to where one stands (a pattern that opens with a look-behind is tried at every character);
    the look-behinds that follow read the character before it and the letter itself. Letters'
    cases are spelt out ("[iI]") because re.IGNORECASE would also take "ſ" for "s" and "K"
    (Kelvin) for "k", which str.lower() does not."""

    def letter(c: str) -> str:
        return f"[{c}{c.upper()}]" if c.isalpha() else c

    def tree(rests: set[str]) -> str:
        if "" in rests:
            return ""  # a start ends here: whatever follows begins with it too
        branches = [letter(c) + tree({r[1:] for r in rests if r[0] == c}) for c in sorted({r[0] for r in rests})]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    firsts = sorted({start[0] for start in starts})
    after_first = "|".join(f"(?<={letter(c)}){tree({s[1:] for s in starts if s[0] == c})}" for c in firsts)
    return "[" + "".join(letter(c).strip("[]") for c in firsts) + r"](?<![\w'’.].)(?:" + after_first + ")"


# A word start whose first letters are one of _PHRASE_STARTS, found by the regex engine in C
# instead of a Python test at each word.
_PHRASE_START = re.compile(_word_start_pattern(_PHRASE_STARTS))
# "April 27 of last year", "on June 30 this year": a day's year named from publication.
_RELATIVE_YEAR = r"\s+(?:of\s+)?(?P<{}>(?i:last|this))\s+(?i:year)\b"
# "Nov. 29 of that year": the year of the date written before it in its sentence (found.py's _years_from_context).
_THAT_YEAR = r"(?P<{}>\s+of\s+that\s+year\b)"
_PART_WORDS = r"(?i:early|late|mid-?|earlier|later|the end of|the beginning of|the start of|the middle of)"

# Leftmost match wins, so every form that starts with a modifier ("in the last", "last") is
# tried at the modifier's position before the bare month or weekday after it.
_FORMS = (
    rf"(?P<span_lead>(?i:in|during|over|for|within)\s+)?(?i:the)\s+(?i:last|past)\s+(?P<span_n>{_NUMBER})\s+(?P<span_unit>{_UNIT})\b",
    rf"(?i:the)\s+(?i:last|past)\s+(?P<span_one>(?i:week|month|year))\b",
    rf"\b(?P<ago_n>{_NUMBER})\s+(?P<ago_unit>{_UNIT})\s+(?i:ago)\b(?P<ago_today>\s+(?i:today))?",
    rf"\b(?i:over|more than|nearly|almost)\s+(?P<over_n>{_NUMBER})\s+(?P<over_unit>{_UNIT})\b",
    # "the day before", "three days after", "a week later", "the next day", "the same day": from another date.
    # "Days later": a count with no number, a few of them: the month it lands in.
    # "the night before", "the morning after": a part of the day before or after, the day's.
    rf"\b(?:(?P<anchor_n>{_NUMBER}|(?i:the))\s+|(?P<anchor_few>)(?=(?i:days|weeks)\b))(?P<anchor_unit>{_UNIT}|(?<=[Tt]he )(?:morning|afternoon|evening|night))\s+(?P<anchor_dir>(?i:before|after|later|earlier))\b"
    # "The day after that, …": a demonstrative alone is the event just told, part of the phrase.
    r"(?:\s+(?i:that|this)(?=\s*[,.;:!?]))?",
    rf"\b(?i:the)\s+(?P<anchor_next>(?i:next|following|previous))\s+(?P<anchor_next_unit>(?i:day|morning|week|month|(?<!next )year)|{_WEEKDAY})\b",
    rf"\b(?i:the|that)\s+(?P<anchor_same>(?i:same))\s+(?P<anchor_same_unit>(?i:day|morning|afternoon|evening|night|week|month))\b",
    # "that day": the day of the date it refers to.
    rf"\b(?P<anchor_that>(?i:that)\s+(?i:day|morning|afternoon|evening|night))\b",
    # "within hours", "within an hour of", "within the hour", "hours later", "six minutes after": the same day.
    # "over the next five hours": the hours after the event just told, its day.
    # A bare singular is no count ("hour after hour, a throng stayed": an idiom of duration).
    # "Within about five hours": a hedge before the number.
    rf"\b(?P<anchor_clock>(?:{_NUMBER}\s+(?i:hours?|minutes?)|(?i:hours|minutes))\s+(?P<anchor_clock_dir>(?i:after|later|before|earlier))|(?i:within|in)\s+(?:{_NUMBER}\s+)?(?i:hours?|minutes?)"
    rf"|(?i:within)\s+(?i:about|around|roughly|some|nearly|almost|just)\s+{_NUMBER}\s+(?i:hours?|minutes?)|(?i:within\s+the\s+hour)"
    rf"|(?i:over|in|during|within)\s+(?i:the)\s+(?i:next|following)\s+(?:{_NUMBER}\s+)?(?i:hours|minutes))\b",
    # "at 9:30 a.m.", "shortly after 10 a.m.", "in the late afternoon": a time of the day the story is at.
    rf"(?P<anchor_time>(?:(?i:shortly|just|soon)\s+)?(?:(?i:at|after|before|around|by)\s+)?(?:(?i:about|around|roughly)\s+)?(?:\b\d{{1,2}}(?::\d\d)?\s*[ap]\.m\.(?!\w)|\b(?i:noon|midday|midnight)\b)"
    rf"|\b(?i:in|during)\s+(?i:the)\s+(?:(?i:early|late)\s+)?(?i:morning|afternoon|evening)\b|\b(?i:early|late)\s+(?i:in)\s+(?i:the)\s+(?i:morning|afternoon|evening)\b)",
    # "afterwards": after the event just told, on its day.
    rf"\b(?P<anchor_afterwards>(?i:afterwards?))\b",
    # "on the second day", "the final day", "on its second day": a day of the span of days it refers to.
    rf"\b(?i:the|its)\s+(?P<anchor_ordinal>(?i:first|second|third|fourth|fifth|final|last))\s+(?i:day)\b",
    rf"\b(?i:in|within)\s+(?P<future_n>{_NUMBER})\s+(?P<future_unit>{_UNIT})\b(?!\s+(?i:ago|of|in|before|after|earlier|later))",
    rf"\b(?P<part>{_PART_WORDS})\s*(?P<part_mod>(?i:last|this|next|the))\s+(?P<part_unit>(?i:year|month|week))\b",
    rf"\b(?P<part_y>{_PART_WORDS})\s*(?P<part_year>{_YEAR})\b(?!\d|,\d|%|s\b|-\d)",
    rf"\b(?P<season_mod>(?i:last|this|next))\s+(?P<season>{_SEASON})\b",
    rf"\b(?P<season_alone>{_SEASON})\s+(?:of\s+)?(?P<season_year>{_YEAR})\b",
    rf"\b(?P<unit_mod>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))\b",
    # A weekday right before the date it falls on ("Sunday, June 30", "Saturday 13 June", "Tuesday,
    # the 4th of June") defers to that date; before a number that is no day of a month ("On Monday,
    # the 15-member council voted") it is the date.
    rf"\b(?P<wd_mod>(?i:last|early|late|on)\s+)?(?P<weekday>{_WEEKDAY})\b(?:\s+(?P<wd_part>morning|afternoon|evening|night))?(?!,?\s+(?:the\s+)?(?:{_MONTH}|{_DAY_OF_A_MONTH}))",
    # "March 31–April 1", "Dec. 30 to Jan. 2, 2019": a span of days across a month's end.
    rf"\b(?P<cross_month>{_MONTH})\s+(?P<cross_first>[0-3]?\d)\s*(?:[–-]|to)\s*(?P<cross_month_last>{_MONTH})\s+(?P<cross_last>[0-3]?\d)\b(?:,?\s+(?P<cross_year>{_YEAR})\b)?",
    rf"\b(?P<range_month>{_MONTH})\s+(?P<range_first>[0-3]?\d)\s*(?:[–-]|to|and)\s*(?P<range_last>[0-3]?\d)\b(?:,?\s+(?P<range_year>{_YEAR})\b|{_RELATIVE_YEAR.format('range_rel')})?",
    rf"(?<![\d,.$£€])\b(?P<range_first_dm>[0-3]?\d)\s*(?:[–-]|to|and)\s*(?P<range_last_dm>[0-3]?\d)\s+(?P<range_month_dm>{_MONTH})(?:,?\s+(?P<range_year_dm>{_YEAR})\b|{_RELATIVE_YEAR.format('range_rel_dm')})?",
    rf"\b(?P<md_month>{_MONTH})\s+(?P<md_day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,\d|\.\d|:)(?:,?\s+(?P<md_year>{_YEAR})\b|{_RELATIVE_YEAR.format('md_rel')}|{_THAT_YEAR.format('md_that')})?",
    rf"(?<![\d,.$£€])\b(?P<dm_day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>{_YEAR})\b|{_RELATIVE_YEAR.format('dm_rel')}|{_THAT_YEAR.format('dm_that')})?",
    rf"\b(?P<my_month>{_MONTH}),?\s+(?P<my_year>{_YEAR})\b",
    _NUMERIC_DATE,
    # "New Year's Day", "Christmas Eve": a day of the calendar by its name; its year written right
    # after it ("New Year's Day 2018") or after the noun it modifies ("his New Year's Day address in
    # 2018": read ahead, not taken into the phrase, which the title leaves out).
    rf"\b(?P<holiday>(?:New\s+Year['’]s|Christmas)\s+(?:Day|Eve))\b(?:,?\s+(?P<holiday_year>{_YEAR})\b(?!\d|,\d|%|s\b|-\d)"
    rf"|(?=(?:\s+[a-z]+)?\s+(?:in|of)\s+(?P<holiday_later_year>{_YEAR})\b(?!\d|,\d|%|s\b|-\d)))?",
    rf"\b(?P<rel_mod>(?i:last|this|next|early|late|mid-?|in|since|until|by|of|during|throughout))\s*(?P<rel_month>{_MONTH_NO_MAY})\b(?!\s*\d)(?:{_RELATIVE_YEAR.format('rel_year')}|{_THAT_YEAR.format('rel_that')})?",
    rf"\b(?P<rel_may_mod>(?i:last|next|in|early|late|mid-?))\s*(?P<rel_may>May)\b(?!\s*\d)(?:{_RELATIVE_YEAR.format('rel_may_year')})?",
    # "between 1990 and 1994", "from 1996 to 2005": a span of years (the word before is not part of the date).
    rf"(?:(?<=[Bb]etween )|(?<=[Ff]rom ))(?P<years_first>{_YEAR})\s+(?i:and|to|through|until)\s+(?P<years_last>{_YEAR})\b(?!\d|,\d|%|s\b|-\d)",
    # "the 1950-53 war", "the 2003–2011 war": a span of years written with a dash, the first with its last as its end.
    rf"(?<![\d,.$£€/-])\b(?P<dashed_first>{_YEAR})[-–](?P<dashed_last>\d\d|{_YEAR})\b(?![-–.,]?\d|%)",
    rf"(?<![\d,.$£€/-])\b(?P<year>{_YEAR})\b(?!\d|,\d|%|s\b|-\d|\s*(?:GMT|UTC|[ap]\.m\.|hours\b|hrs\b))",
)
_PATTERN = re.compile("|".join(_FORMS))
# The same forms with the span across months never matching (its groups kept, so a match reads
# alike): for the ends of a "from March 3 to April 20, 2019" that is no span of days, each a day.
_DAYS_APART = re.compile("|".join(f"(?!){form}" if "?P<cross_month>" in form else form for form in _FORMS))


def _groups_of_each_form() -> tuple[list[tuple[tuple[str, ...], tuple[int, ...]]], dict[int, int]]:
    """Each form's group names and their numbers in _PATTERN (and _DAYS_APART, numbered alike),
    and the form each group number is in."""
    forms, form_of_group = [], {}
    for number, form in enumerate(_FORMS):
        names = tuple(re.compile(form).groupindex)
        numbers = tuple(_PATTERN.groupindex[name] for name in names)
        forms.append((names, numbers))
        form_of_group.update(dict.fromkeys(numbers, number))
    return forms, form_of_group


_FORM_GROUPS, _FORM_OF_GROUP = _groups_of_each_form()
_NO_GROUPS: dict[str, str | None] = dict.fromkeys(_PATTERN.groupindex)


# A match's groups by name, made once: each match is read by five passes of find_mentions.
# Only the groups of the form that matched are read (the last group closed, lastindex, is one of
# its own; every other group is None): groupdict() of all ~90 cost three times as much. Matches
# are hashed by identity; the cache holds only the last few hundred (one article's).
@functools.lru_cache(maxsize=1024)
def _groups(match: re.Match[str]) -> dict[str, str | None]:
    if match.lastindex is None:
        return match.groupdict()
    names, numbers = _FORM_GROUPS[_FORM_OF_GROUP[match.lastindex]]
    groups = _NO_GROUPS.copy()
    groups.update(zip(names, match.group(*numbers) if len(numbers) > 1 else (match.group(numbers[0]),)))
    return groups


# Days of the calendar named, not numbered: (month, day).
_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24)}

# Parts of a year a phrase like "late last year" or "early 2019" means.
_PART_MONTHS = {"early": (1, 4), "the beginning of": (1, 3), "the start of": (1, 3), "mid": (5, 8), "mid-": (5, 8), "the middle of": (5, 8), "late": (9, 12)}


@dataclass(frozen=True, slots=True)
class Mention:
    """One dated phrase in an article, resolved, with the sentence it stands in and what it dates."""

    article_id: str
    phrase: Span  # the date words, e.g. "early Wednesday morning"
    sentence: Span  # the sentence the phrase is in: the quote
    resolved: Resolved
    role: Role = Role.EVENT  # whether the sentence says something happened at the date
    title: str = ""  # a headline from the sentence's main clause
    extent: tuple[EventDate, EventDate] | None = None  # first and last day of an event of several days
    # The index terms of its sentence without the date words, which say nothing about which event
    # it is ("early Wednesday morning" twice): what merging compares. Empty for a state (never merged).
    context_terms: tuple[str, ...] = ()

    @property
    def date(self) -> EventDate:
        return self.resolved.date


def find_mentions(
    article_id: str,
    body: str,
    published: dt.date,
    sentences: Sequence[Span],
    may_hold_dates: Sequence[bool] | None = None,
    memo: SentenceMemo | None = None,
) -> list[Mention]:
    """Every dated mention in one article, in text order, with the sentence that holds it, its
    role (event, announced, state) and a title. `may_hold_dates[i]` False skips sentence i: the
    build passes what the sentence's index terms say (TRIGGER_TERMS), which is much cheaper
    than reading every sentence. `memo`: what reading a sentence gave, by its text, shared by
    the articles of one build (bot.timeline.sentence_memo)."""
    located: list[tuple[int, re.Match[str], Resolved | None]] = []  # sentence number, match, date
    flags = may_hold_dates if may_hold_dates is not None else [True] * len(sentences)
    ordered = sorted(zip(sentences, flags), key=lambda pair: pair[0].start)
    for number, (span, worth_reading) in enumerate(ordered):
        if worth_reading:
            located.extend((number, match, resolved) for match, resolved in _resolved_matches(body, span.start, span.end, published))
    # What each phrase says alone, before the passes below date it from its context (by the
    # match's start: matches of one text never overlap).
    as_written = {match.start(): resolved for _, match, resolved in located}
    paragraph_of = _paragraph_numbers(body, [span for span, _ in ordered])
    # A dateline ("SEOUL, July 2 (Reuters) -") is when the story was filed: no event, nor a date to count from.
    located = [(n, m, r) for n, m, r in located if not _is_dateline(body, ordered[n][0], m)]
    reader = SentenceReader(body, memo)  # each sentence's tokens made once, only if needed
    tokens_of = reader.tokens

    def dates_an_event(number: int, match: re.Match[str], resolved: Resolved) -> bool:
        span = ordered[number][0]
        start, end = match.start() - span.start, match.end() - span.start
        reading = reader.read(span, start, end, future=resolved.first > published, open_ended=resolved.last >= published)
        return reading.role is Role.EVENT

    placed: dict[int, frozenset[str]] = {}  # match start -> the noun's terms, made once

    def placed_noun_terms(number: int, match: re.Match[str]) -> frozenset[str]:
        if match.start() not in placed:
            placed[match.start()] = _placed_noun_terms(number, match)
        return placed[match.start()]

    def _placed_noun_terms(number: int, match: re.Match[str]) -> frozenset[str]:
        # The index terms of the noun the date places ("since the test on Sunday, Sept. 3": the
        # test was then), none when it places none.
        span = ordered[number][0]
        tokens = tokens_of(span)
        noun = grammar.placed_noun(tokens, match.start() - span.start)
        return frozenset(terms(body[span.start + tokens[noun[0]].start : span.start + tokens[noun[1] - 1].end])) if noun else frozenset()

    def dates_a_known_event(number: int, match: re.Match[str], resolved: Resolved) -> bool:
        # What a counted date may count from: an event's date, or the date it gives an event a noun
        # names; not the standard of a comparison ("more powerful than the fifth test on 9
        # September 2016"), a look back: "eight minutes after the blast" is not a year before.
        span = ordered[number][0]
        if grammar.in_a_comparison(tokens_of(span), match.start() - span.start):
            return False
        return dates_an_event(number, match, resolved) or bool(placed_noun_terms(number, match))

    def looks_back(number: int, match: re.Match[str]) -> bool:
        # A date that places a noun ("after the test on Sept. 3") or dates background (a relative
        # clause, a past perfect, a participle after a noun: "the declaration signed on June 15,
        # 2000"): what a count after its sentence does not count from, on ties, and what carries
        # no year to the dates after it.
        if placed_noun_terms(number, match):
            return True
        span = ordered[number][0]
        reading = reader.read(span, match.start() - span.start, match.end() - span.start, future=False, open_ended=False)
        return grammar.in_background(tokens_of(span), reading.clause) or grammar.modifies_a_noun(tokens_of(span), match.start() - span.start)

    def describes_a_noun(number: int, match: re.Match[str]) -> bool:
        # "the clerk who resigned on Feb. 2", "the pact the two mayors signed in Oslo on June 12,
        # 2018": the date tells what a person or a thing of the sentence is, background the story
        # does not move to. Not a past perfect, which also looks back but often moves it ("She
        # had landed on Monday. Two days later she met the mayor"), nor a clause of "which" or
        # "that", which often goes on with the story ("requested a hearing, which was held on
        # March 8. The members issued a statement afterwards").
        span = ordered[number][0]
        reading = reader.read(span, match.start() - span.start, match.end() - span.start, future=False, open_ended=False)
        tokens = tokens_of(span)
        return grammar.in_a_relative_clause(tokens, reading.clause, ("who",)) or grammar.modifies_a_noun(tokens, match.start() - span.start)

    terms_of: dict[int, frozenset[str]] = {}  # sentence number -> its index terms, made as needed

    def sentence_terms(number: int) -> frozenset[str]:
        if number not in terms_of:
            span = ordered[number][0]
            terms_of[number] = frozenset(terms(referring.without_ideas_of_acts(body[span.start : span.end])))
        return terms_of[number]

    def looks_back_at(number: int, match: re.Match[str]) -> bool:
        # "after the test on Sept. 3", "since the summit on June 12": a noun placed before the story's time.
        span = ordered[number][0]
        tokens = tokens_of(span)
        noun = grammar.placed_noun(tokens, match.start() - span.start)
        return noun is not None and tokens[noun[0] - 1].lower in ("after", "since", "following")

    located = _years_from_paragraph(located, paragraph_of, published)
    located = _years_from_story(_years_from_context(located, published, looks_back_at), paragraph_of, published, looks_back)
    located = [(n, m, _infinitive_ahead(m, r, as_written, published, lambda: tokens_of(ordered[n][0]), ordered[n][0].start)) for n, m, r in located]
    from_the_news = {m.start(): subject for n, m, r in located if r is None and (subject := _counted_from_the_news(body, ordered[n][0], m)) is not None}
    located, counted_back, news_days = _anchored(
        located, _story_paragraphs(body, [span for span, _ in ordered], paragraph_of, located, describes_a_noun), dates_a_known_event, sentence_terms, placed_noun_terms, looks_back, describes_a_noun, from_the_news, published
    )  # fmt: skip
    located = _years_after_counting(located, paragraph_of, published)
    located = _years_of_restated_counts(located)
    bounds = _sentence_bounds(located)
    mentions = []
    read_before: dict[int, tuple[int, grammar.Reading]] = {}  # sentence number -> where its last date read ends, and how
    for position, (number, match, resolved) in enumerate(located):
        if resolved is None or resolved.date.year > published.year + 10:
            continue
        if _restated_precisely(located, position):
            continue  # "late last year, on Nov. 29": the day that follows says when
        span = ordered[number][0]
        text = body[span.start : span.end]
        start, end = match.start() - span.start, match.end() - span.start
        if _restates_a_clock_time(text, start, end):
            continue
        if match.group("year") and any(m.start("holiday_later_year") == match.start() for n, m, _ in located if n == number and m.group("holiday_later_year")):
            continue  # "New Year's Day address in 2018": the year of that day, no date of its own
        if match.group("holiday") and any(n == number and r is not None and (r.date.month, r.date.day) == (resolved.date.month, resolved.date.day) and not m.group("holiday") for n, m, r in located):
            continue  # "his New Year's Day address on Jan. 1": one day, which the written date gives
        if match.group("future_n") and _RANKED_BEFORE.search(text, 0, start):
            continue  # "the first talks in seven months": the span up to publication, no plan
        future, open_ended = resolved.first > published, resolved.last >= published
        if match.start() in counted_back:
            # "…, the day after Choe announced the talks": the clause its "after" opens is what it dates.
            opener = match.start("anchor_dir") - span.start
            reading = reader.read(span, opener, end, future=future, open_ended=open_ended)
            if not _introduces(reading, tokens_of(span), opener):
                continue  # "…, three weeks before the summit": it dates a noun, told elsewhere
            news_day = news_days.get(match.start())
            if news_day is not None and (clause := grammar.past_deed(tokens_of(span))) is not None:
                # "The breakdown came three days after …": the subject, the news, happened on its day.
                news = grammar.Reading(Role.EVENT, clause)
                phrase = Span(span.start, span.start)
                mentions.append(Mention(article_id, phrase, span, news_day, Role.EVENT, reader.title(span, news, start, end), None, reader.context(span, 0, 0)))
        else:
            reading = reader.read(span, start, end, future=future, open_ended=open_ended)
            if future and (_is_anchor(match) or _restates_a_count(located, position)) and reader.read(span, start, end, future=False, open_ended=False).role is Role.EVENT:
                # "Two months later, Kim met Xi", counted past publication (or "Two days later, on
                # Sunday, the council met", the weekday the count set): a past deed, so the count went wrong.
                continue
            listed = read_before.get(number)
            if listed is not None and reading.role is Role.STATE and listed[1].role is Role.EVENT and _LISTED.fullmatch(text, listed[0], start):
                reading = listed[1]  # "after meetings in Pyongyang in June 2000 and October 2007": both, alike
            if reading.role is Role.ANNOUNCED and resolved.last < published and _PAST_PLAN.search(body, max(span.start, match.start() - _PLAN_REACH), match.start()):
                # "had been scheduled to meet Kim in New York on Nov. 8, but …": a plan told in the
                # past perfect was one before a past time, its day the last before publication, as
                # news dates any past day; nothing says it was carried out, so it is no event.
                reading = grammar.Reading(Role.STATE, None)
            elif reading.role is Role.ANNOUNCED and resolved.last < published:
                # "is due to attend … on June 8-9", "will meet … on Monday": a plan's date without a
                # year (or a weekday) is the next such day after publication, not the last before it.
                ahead = _next_after(match, resolved, published)
                if ahead is None:
                    continue
                resolved = ahead
            elif reading.role is Role.STATE and (ahead := _plan_day(match, resolved, as_written[match.start()], published)) is not None:
                # "Pence would receive the remains … on 1 August", "Troops are to begin … on 1
                # October": a plan's date without a year is the next such day after publication.
                # A plan reported on a day may have been carried out by publication ("said on
                # Monday he would meet Ri on Friday"); a relative clause in the present describes
                # its noun at publication's time ("agreed on Monday to field teams at the Games,
                # which run from Aug. 18"). Its span is the plan's only when the main clause is not
                # in the past ("Xi will meet Trump at the G20 summit, which takes place on June
                # 28–29"): the title is the main clause's, and "Officers held talks" is no plan on
                # the Games' days, so then the span stays unshown.
                words = tokens_of(span)
                if grammar.looks_ahead(text, words, start, end):
                    if grammar.describes_in_the_present(words, start):
                        plan = not grammar.tells_the_past(words)
                    else:
                        plan = not _dates_a_report(located, position, bounds[number], dates_an_event)
                    if plan:
                        resolved, reading = ahead, grammar.Reading(Role.ANNOUNCED, reading.clause)
        read_before[number] = (end, reading)
        if reading.role is Role.STATE:
            mentions.append(Mention(article_id, Span(match.start(), match.end()), span, resolved, reading.role))
            continue  # never shown: no title needed
        title = reader.title(span, reading, start, end)
        extent = _extent(lambda: tokens_of(span), reading, resolved, text)
        context = reader.context(span, start, end)
        mentions.append(Mention(article_id, Span(match.start(), match.end()), span, resolved, reading.role, title, extent, context))
    if any(m.role is Role.EVENT for m in mentions):
        spans = [s for s, _ in ordered]
        mentions = mentions + _referring_back(article_id, body, spans, paragraph_of, mentions, reader)
        mentions = sorted(mentions + _continuing(article_id, body, spans, paragraph_of, mentions, reader), key=lambda m: m.phrase.start)
    return mentions


# A count of time right before a referring phrase ("Three days | after the meeting").
_COUNT_BEFORE = re.compile(rf"\b(?:{_NUMBER}|(?i:the))\s+{_UNIT}\s+$")


def _referring_back(
    article_id: str,
    body: str,
    sentences: Sequence[Span],
    paragraph_of: Sequence[int],
    mentions: Sequence[Mention],
    reader: SentenceReader,
) -> list[Mention]:
    """Events of sentences with no date of their own, dated by a definite noun pointing back at an
    event the article dated ("Speaking to reporters after the meeting, Trump said …", "told
    reporters at the same appearance"): one per sentence, when its clause reports a past event."""
    dated_sentences = {m.sentence.start for m in mentions}
    starts = [s.start for s in sentences]
    number_of = {start: number for number, start in enumerate(starts)}
    events = [m for m in mentions if m.role is Role.EVENT]
    found: list[Mention] = []
    terms_of: dict[int, frozenset[str]] = {}

    def sentence_terms(mention: Mention) -> frozenset[str]:
        # Its terms, less a gerund after "of" ("the idea of meeting Kim" was no meeting), as for a count.
        if mention.sentence.start not in terms_of:
            terms_of[mention.sentence.start] = frozenset(terms(referring.without_ideas_of_acts(body[mention.sentence.start : mention.sentence.end])))
        return terms_of[mention.sentence.start]

    # A phrase refers back only after the first dated event, in a sentence with no date.
    first_event = number_of[events[0].sentence.start]
    news = next((m for m in events if m.date.day is not None), None)  # the day the article leads with
    undated_starts = [start for start in starts[first_event + 1 :] if start not in dated_sentences]
    for start in referring.openings(body, undated_starts):
        number = bisect.bisect_right(starts, start) - 1
        span = sentences[number] if number >= 0 else None
        if span is None or span.start in dated_sentences or (phrase := referring.phrase_at(body, start)) is None:
            continue
        end, noun, same = phrase
        if end > span.end or _COUNT_BEFORE.search(body, max(span.start, start - 30), start):
            continue  # "Three days after the meeting": the count's date or none (_anchored), never the meeting's
        before = [m for m in events if m.sentence.start < span.start]
        if same:  # "at the same appearance": the event just told, on its day
            target = next((m for m in reversed(before) if m.date.day is not None), None)
        else:
            paragraph = paragraph_of[number]
            target = referring.referent(
                before,
                lambda m: sentence_terms(m).issuperset(noun),
                lambda m: paragraph_of[number_of[m.sentence.start]] >= paragraph - ANCHOR_PARAGRAPHS,
            )
            if target is None and news is not None:
                # "Haley told the council after the vote." before any sentence names a vote: a
                # definite noun the reader is not yet told of is the news the article leads with,
                # when a later sentence names it on that day ("The vote came 23 days after …").
                later = next((m for m in events if m.sentence.start > span.end and sentence_terms(m).issuperset(noun)), None)
                target = later if later is not None and later.resolved == news.resolved else None
        if target is None:
            continue
        reading = reader.read(span, start - span.start, end - span.start, future=False, open_ended=False)
        if reading.role is not Role.EVENT:
            continue
        title = reader.title(span, reading, start - span.start, end - span.start)
        context = reader.context(span, start - span.start, end - span.start)
        found.append(Mention(article_id, Span(start, end), span, target.resolved, Role.EVENT, title, None, context))
        dated_sentences.add(span.start)
    return found


def _continuing(
    article_id: str,
    body: str,
    sentences: Sequence[Span],
    paragraph_of: Sequence[int],
    mentions: Sequence[Mention],
    reader: SentenceReader,
) -> list[Mention]:
    """Events of sentences with no date of their own that go on telling the day a paragraph opens
    with ("In Beijing on Monday, Pompeo received a chillier welcome. Wang Yi told him … Pompeo
    replied …"): a date that opens its sentence before the first comma sets the scene for what
    follows in its paragraph, as a reader takes it, for as long as each next sentence has no date
    of its own, reports a past deed in the simple past (not "had", a look further back) and
    is no quotation."""
    dated_sentences = {m.sentence.start for m in mentions}
    number_of = {span.start: number for number, span in enumerate(sentences)}
    found: list[Mention] = []
    for frame in mentions:
        if frame.role is not Role.EVENT or frame.date.day is None or not _opens_its_sentence(body, frame):
            continue
        number = number_of.get(frame.sentence.start)
        while number is not None and number + 1 < len(sentences) and paragraph_of[number + 1] == paragraph_of[number]:
            number += 1
            span = sentences[number]
            if span.start in dated_sentences or body[span.start] in _QUOTE_MARKS:
                break
            tokens = reader.tokens(span)
            clause = grammar.past_deed(tokens)
            if clause is None or grammar.finite_verb(tokens, *grammar.segments(tokens)[0]) is None:
                break  # no deed, or an opening phrase of its own ("Days later, …") sets another scene
            reading = grammar.Reading(Role.EVENT, clause)
            title = reader.title(span, reading, 0, 0)
            found.append(Mention(article_id, Span(span.start, span.start), span, frame.resolved, Role.EVENT, title, None, reader.context(span, 0, 0)))
            dated_sentences.add(span.start)
    return found


_QUOTE_MARKS = "“\"‘'"


def _opens_its_sentence(body: str, mention: Mention) -> bool:
    """Whether the date stands in its sentence's opening phrase, right before its first comma
    ("In Beijing on Monday, …", "On Friday morning, …"): the scene the sentence, and its
    paragraph, is set in."""
    return "," not in body[mention.sentence.start : mention.phrase.start] and body.startswith(",", mention.phrase.end) and body[mention.sentence.start] not in _QUOTE_MARKS


def _matches(body: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The date phrases of body[start:end], leftmost first, as `_PATTERN.finditer` would find
    them, but tried only at the few words before each word a date needs (a number, a month, a
    weekday, a season, a unit of time): eight times faster over long texts."""
    done = start  # word starts before it are settled: inside a phrase found, or tried in vain
    for trigger in _TRIGGER.finditer(body, start, end):
        if trigger.end() <= done:
            continue
        match = None
        # Word starts up to the trigger's end; a start's letters may run past it.
        for word in _PHRASE_START.finditer(body, max(done, trigger.start() - TRIGGER_REACH), trigger.end() + _LONGEST_PHRASE_START):
            if word.start() >= trigger.end() or (match := _PATTERN.match(body, word.start(), end)) is not None:
                break
        if match is None:
            # Every word start before the trigger's end was tried in vain: the next trigger's reach,
            # which may overlap this one's, starts after them (a tenth of the tries were such again).
            done = trigger.end()
        else:
            yield match
            done = match.end()


def names_a_time(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] holds a date phrase of any form ("last summer", "the next day")."""
    return next(_matches(body, start, end), None) is not None


def _resolved_matches(body: str, start: int, end: int, published: dt.date) -> Iterator[tuple[re.Match[str], Resolved | None]]:
    """Each date phrase of body[start:end] with the date it means. "from March 3 to April 20,
    2019" is no span of days this form writes (more than a month, or its ends out of order):
    each end is a day of its own, found as a month and day."""
    for match in _matches(body, start, end):
        resolved = resolve(match, published)
        if resolved is None and match.group("cross_month"):
            for end_match in _DAYS_APART.finditer(body, match.start(), match.end()):
                yield end_match, resolve(end_match, published)
        else:
            yield match, resolved


def _anchored(
    located: list[tuple[int, re.Match[str], Resolved | None]],
    paragraph_of: Sequence[int],
    dates_an_event: DatesAnEvent,
    sentence_terms: Callable[[int], frozenset[str]],
    placed_noun_terms: Callable[[int, re.Match[str]], frozenset[str]],
    looks_back: Callable[[int, re.Match[str]], bool],
    describes_a_noun: Callable[[int, re.Match[str]], bool],
    from_the_news: dict[int, frozenset[str]],
    published: dt.date,
) -> tuple[list[tuple[int, re.Match[str], Resolved | None]], set[int], dict[int, Resolved]]:
    """"the day before", "three days after the test": counted from the date it refers to, the
    nearest event date before it: in its own sentence, else in the sentences before it in its
    paragraph or the one before. A date counted forward counts as much as one written out (not
    one counted back, which dates a look back), and only a date of an event counts (not "since August 2016", not "sanctions imposed in 2016"). "the
    day before the March 1 deadline" counts from the date right after it.

    "X on Wednesday, the day after Y announced …" dates Y, not X: a counted phrase after the date
    of its own sentence, with no date after it, counts back to the clause it introduces. Returns
    the positions (match starts) of such phrases too: the clause after them is theirs.

    "The breakdown came three days after the North test-fired …" (`from_the_news`: the match
    starts of such counts) in a sentence with no date: news copy's way of placing its own story,
    whose subject, a definite noun, is the news the article leads with; the count goes back from
    the first day the article dates an event on, unless the subject names an event the article
    dated ("The speech came the day after Trump hosted Moon" after "a speech Kim delivered … on 12
    April": the count goes back from 12 April), as a definite noun names an event the story has
    told. Returns those days too, by match start."""
    result = list(located)
    inverted: set[int] = set()
    news_days: dict[int, Resolved] = {}
    # Each sentence's dates are result[first:end] (result is in text order). An earlier sentence's
    # are final, counted ones too, so the date it gives a counted phrase is found once and kept:
    # looking through every earlier date for each counted phrase made a long article's work grow
    # with its length squared (or cubed, through _noun_date).
    bounds = _sentence_bounds(result)
    earlier_dates = _EarlierDates(result, bounds, dates_an_event, inverted, sentence_terms, placed_noun_terms, looks_back)
    for position, (number, match, resolved) in enumerate(result):
        g = _groups(match)
        if resolved is not None or not _is_anchor(match):
            continue
        first, end = bounds[number]
        if g["anchor_time"] and _has_a_day(result, position, first, end, looks_back):
            continue  # "at 3:17 a.m. on Wednesday": the time of that day, no date of its own
        pointing = (g["anchor_dir"] or "").lower() in ("before", "after")
        # A date right after the phrase, or inside the clause it opens ("23 days after the North
        # fired its missile in the early hours of Nov. 29"): the date it counts from.
        close_after = [
            r for n, m, r in result[position + 1 : end]
            if r is not None and not _is_anchor(m) and (m.start() - match.end() <= ANCHOR_REACH or _in_the_clause_it_opens(match, m))
        ]  # fmt: skip
        # A day counted from a month or a year is no day: "the next day" after "in 2017" looks further back.
        needs_day = _counts_days(g)
        # In its own sentence a count goes on from background as well ("saying she had offered to
        # resign on Monday night and that the chair would talk about it the next day": Tuesday);
        # only a noun placed before the story's time is passed over on ties. `looks_back` passes
        # background over too, for a count in a later sentence, which goes on from the main deed.
        same_before = _event_dates(result[first:position], dates_an_event, needs_day, inverted, lambda n, m: bool(placed_noun_terms(n, m)))
        # "within hours of the blast on Sunday": a count of hours around a noun the date right after places.
        around = bool(g["anchor_clock"]) and not g["anchor_clock_dir"] and _OF_NEXT.match(match.string, match.end()) is not None
        # "hours after Thursday's launches": a count of hours pointing at a date right after it counts from it.
        clock_pointing = (g["anchor_clock_dir"] or "").lower() in ("before", "after")
        anchor = close_after[0] if (pointing or around or clock_pointing) and close_after else None
        if anchor is None and not pointing:
            # "agreed to hold a contact on Oct. 4 and negotiations the following day": a count in
            # the plan that dates it counts from the plan's day, not from when it was agreed.
            anchor = next((r for _, m, r in reversed(result[first:position]) if r is not None and r.first > published and not _CLAUSE_STOP.search(match.string, m.end(), match.start())), None)
        # "…, the day after Choe announced": the phrase opens what it dates; "…the day before." does not.
        opens = _WORD_NEXT.match(match.string, match.end()) is not None
        backwards = anchor is None and pointing and opens and same_before is not None
        if match.start() in from_the_news and anchor is None and same_before is None and not close_after and (
            referring.noun_after_count(match.string, match.end()) is None or _opens_a_clause(match)
        ):  # a clause after the count, not a noun ("three days after that warning": the event it names)
            named = earlier_dates.named_date(from_the_news[match.start()], number, paragraph_of, needs_day)
            news_day = named if named is not None else earlier_dates.news_day(first)
            if news_day is not None:
                anchor, backwards = news_day, True
                news_days[match.start()] = news_day
        if anchor is None and same_before is None and g["anchor_same"] and opens and _opens_a_clause(match):
            # "The same day the images were published, …": the clause names the day's event, dated
            # where the article tells it, not the last date before.
            anchor = earlier_dates.noun_date(match, number, paragraph_of, needs_day)
        if anchor is None and same_before is None and (pointing or g["anchor_clock"]):
            # "the day before the summit", "within an hour of the launch": the date the article
            # gave that event. In a sentence dated before it ("met on 15 July, three days after the
            # missed meeting") it is a look back, read below.
            anchor = earlier_dates.noun_date(match, number, paragraph_of, needs_day)
            if anchor is None and pointing and opens and not close_after and _opens_a_clause(match):
                # "a day after Trump pulled out of the deal", "two months after his second summit
                # with Trump ended in Hanoi": from that deed, which nothing here dates. A noun
                # alone ("two days after the failure") is the event just told, and so is a count
                # before a phrase with no verb ("a warning issued the day before by Mattis": an adverb).
                continue
        if anchor is None and same_before is None and pointing and not opens:
            # "A meeting that had been set for Nov. 8 was called off the day before.": a count
            # closing its sentence after a plan's day counts from that day, which dates no deed.
            anchor = next((r for _, m, r in reversed(result[first:position]) if r is not None and (r.date.day is not None or not needs_day) and _plans(match.string, m.start())), None)
        if anchor is None:
            anchor = same_before
        earlier = number - 1
        if anchor is None and g["anchor_time"]:
            anchor = earlier_dates.story_day(result[first:position], paragraph_of, number)
        background: Resolved | None = None
        while anchor is None and earlier >= 0 and paragraph_of[earlier] >= paragraph_of[number] - ANCHOR_PARAGRAPHS:
            anchor = earlier_dates.of_sentence(earlier, needs_day)
            if anchor is not None and earlier_dates.only_describes(earlier, needs_day, describes_a_noun):
                # "… the clerk who resigned on Feb. 2, ten days after …" then "The union followed
                # the next day": a sentence whose dates only describe its nouns moved the story to
                # no other day; the count goes on from the one before, if any is in reach.
                background, anchor = background or anchor, None
            earlier -= 1
        anchor = anchor or background
        if anchor is None and (pointing or (g["anchor_clock_dir"] or "").lower() in ("before", "after")) and referring.noun_after_count(match.string, match.end()) is not None:
            # "about eight minutes after the blast", a noun no dated sentence holds, with no event
            # dated in its paragraph or the one before: the news last told, as a reader takes it.
            anchor = earlier_dates.latest_news(number, paragraph_of, needs_day)
        if anchor is None and g["anchor_clock"]:
            # "Washington responded within hours." after paragraphs of background, "In a second
            # tweet minutes later" after a quoted tweet that dates only a plan: hours from the
            # news last told, however far up, as a reader takes it.
            anchor = earlier_dates.latest_news(number, paragraph_of, needs_day)
        if anchor is None:
            continue
        if g["anchor_same"] or g["anchor_that"] or g["anchor_clock"] or g["anchor_time"] or g["anchor_afterwards"]:
            # "the same day", "the same evening", "within hours": the date it refers to
            amount, unit = 0, g["anchor_same_unit"] if (g["anchor_same_unit"] or "").lower() in ("week", "month") else "day"
            if g["anchor_clock"] and (g["anchor_clock_dir"] or "after").lower() in ("after", "later"):
                anchor = _last_day(anchor)  # "hours after Pompeo left" a visit of two days: its last
        elif g["anchor_ordinal"]:
            ordinal = g["anchor_ordinal"].lower()
            if ordinal in ("final", "last"):
                amount, unit, anchor = 0, "day", _last_day(anchor)
            else:
                amount, unit = _ORDINALS.index(ordinal), "day"
        elif g["anchor_next"]:
            amount = -1 if g["anchor_next"].lower() == "previous" else 1
            unit = g["anchor_next_unit"]
            if unit.lower() == "year":  # "the following year" names a calendar year, not a day a year on
                anchor = relative.exact(EventDate(anchor.date.year), anchor.approximate)
            elif unit.lower() in relative.WEEKDAYS:  # "the following Sunday": the first Sunday after it
                anchor = _last_day(anchor) if amount > 0 else anchor
                amount, unit = relative.weekday_from(anchor.first, relative.WEEKDAYS.index(unit.lower()), forward=amount > 0), "day"
        else:
            count = (g["anchor_n"] or "a few").lower()
            amount = 1 if count == "the" else relative.number_value(count)
            amount *= -1 if g["anchor_dir"].lower() in ("before", "earlier") else 1
            unit = g["anchor_unit"]
            if unit.lower().startswith("week") and count not in ("a few", "few", "several") and not _HEDGED.search(match.string, max(0, match.start() - 20), match.start()):
                amount, unit = amount * 7, "days"  # "two weeks later" than a day is a day; "less than a week later" is not
        if backwards:
            amount = -amount
            inverted.add(match.start())
        if amount > 0 and not g["anchor_ordinal"]:
            anchor = _last_day(anchor)  # "three days after" a span of days counts from its end
        try:
            counted = relative.shifted(anchor, amount, unit)
        except ValueError:
            continue  # February 29 a year on
        if g["anchor_few"] is not None and counted.date.month is not None:
            counted = relative.exact(EventDate(counted.date.year, counted.date.month), approximate=True)  # "Days later": about then
        result[position] = (number, match, counted)
        if (weekday := _weekday_restating(result, position)) is not None:
            result[position + 1] = weekday
    return result, inverted, news_days


def _restates_a_count(located: Sequence[tuple[int, re.Match[str], Resolved | None]], position: int) -> bool:
    """Whether the date at `position` restates a count of time right before it in its sentence
    ("Two days later, on Sunday"): its day is the count's, so as sure as the count is."""
    if position == 0:
        return False
    number, match, _ = located[position]
    earlier_number, earlier, _ = located[position - 1]
    return earlier_number == number and _is_anchor(earlier) and _restates(earlier, match)


def _weekday_restating(located: Sequence[tuple[int, re.Match[str], Resolved | None]], position: int) -> tuple[int, re.Match[str], Resolved] | None:
    """"Two days later, on Monday": a weekday alone right after a counted day and a comma restates
    it, so it is the day of that weekday nearest the day counted (the count says which week; the
    writer names the day), not the last such weekday before publication. None when the next date is
    no such weekday, or when the count is in weeks, months or years ("A year later, on Monday"):
    a weekday names a day within a week of the day counted only when the count is that precise."""
    number, match, counted = located[position]
    if counted is None or counted.date.day is None or position + 1 >= len(located):
        return None
    counted_g = _groups(match)
    written_unit = (counted_g["anchor_unit"] or counted_g["anchor_next_unit"] or counted_g["anchor_same_unit"] or "day").lower()
    if written_unit.rstrip("s") in ("week", "month", "year"):
        return None
    next_number, next_match, weekday = located[position + 1]
    g = _groups(next_match)
    if next_number != number or weekday is None or not g["weekday"] or (g["wd_mod"] or "").strip().lower() == "last":
        return None
    if not _restates(match, next_match):
        return None
    days = (relative.WEEKDAYS.index(g["weekday"].lower()) - counted.first.weekday() + 3) % 7 - 3  # -3 to 3
    return next_number, next_match, relative.shifted(relative.exact(counted.date, weekday.approximate), days, "day")


# "The breakdown came", "Trump's decision to tie the trip to his trade fight came", "The move comes":
# a definite noun as subject of "came", right before a count of time ("That came two months after"
# is a pronoun: the event just told).
_NEWS_CAME = re.compile(r"(?P<subject>(?:The|This|That|Its|His|Her|Their|[A-Z][\w.-]*['’]s)\s+(?:[^\s,;:()“”\"]+\s+){1,12}?)(?:came|comes)\s+$")


def _counted_from_the_news(body: str, sentence: Span, match: re.Match[str]) -> frozenset[str] | None:
    """The index terms of the definite subject before "came" when a count "after" opens its
    sentence's predicate after it ("The release came a day after Trump pulled the United States
    out of the nuclear deal": "release"), none when a date in it says when it was; None when the
    count is not so placed."""
    direction = match.group("anchor_dir")
    if direction is None or direction.lower() != "after":
        return None
    came = _NEWS_CAME.fullmatch(body, sentence.start, match.start())
    if came is None:
        return None
    # A subject dated by its own words ("Thursday's launches came") names no event told elsewhere.
    return frozenset() if _PATTERN.search(came.group("subject")) else frozenset(terms(came.group("subject")))


def _in_the_clause_it_opens(match: re.Match[str], later: re.Match[str]) -> bool:
    """Whether `later` dates the clause a counted phrase opens ("three days after the plant failed
    on Sunday"): no punctuation mark between them, no "since" or "until" before it, and that
    clause has a verb of its own."""
    text = match.string
    if _CLAUSE_STOP.search(text, match.end(), later.start()) or _BOUND_BEFORE.search(text, max(0, later.start() - 10), later.start()):
        return False  # "…, on Sunday"; "a day after it blew up the office in its worst act since 2017": a bound, no date of the deed
    return _opens_a_clause(match)


def _opens_a_clause(match: re.Match[str]) -> bool:
    """Whether the words after a counted phrase, up to the next punctuation mark or subordinating
    word, are a clause with a finite verb of its own ("two months after his summit with Trump ended in Hanoi"),
    not a noun alone ("two days after the failure")."""
    text = match.string
    stop = _CLAUSE_STOP.search(text, match.end())
    tokens = grammar.tokens_of(text[match.end() : stop.start() if stop else len(text)])
    # Up to a word that opens another clause: "the day after the summit that there was …" is a noun.
    last = next((i for i, t in enumerate(tokens) if i > 0 and t.lower in grammar.SUBORDINATORS), len(tokens))
    return grammar.finite_verb(tokens, 0, last) is not None


_CLAUSE_STOP = re.compile(r"[,.;:!?()“”\"]")
# A day a plan was set for: "had been set for Nov. 8", "scheduled for 3 May" (grammar.PLANNED's participles, and "set").
_PLANNED_FOR = re.compile(rf"\b(?:{'|'.join(sorted(grammar.PLANNED | {'set'}))})\s+(?:(?:originally|initially|first|tentatively)\s+)?for\s+(?:(?i:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?$")
# A plan told in the past perfect, up to its date ("had been scheduled to meet Kim in New York on"):
# the plan as it stood before a past time, no plan still ahead.
_PAST_PLAN = re.compile(
    rf"\bhad\s+(?:been\s+)?(?:{'|'.join(sorted(grammar.PLANNED | grammar.INTENTION | {'planned', 'intended', 'hoped', 'meant', 'aimed', 'wanted'}))})\s+to\s+[^,.;:!?()“”\"]*$"
)
_PLAN_REACH = 80  # characters before a date looked through for its plan's words


def _plans(body: str, date_start: int) -> bool:
    """Whether the date at `date_start` is a plan's day ("had been set for Nov. 8", "had been
    scheduled to meet … on Nov. 8"), which dates no deed but is what a count after it counts from."""
    return bool(_PLANNED_FOR.search(body, max(0, date_start - 30), date_start) or _PAST_PLAN.search(body, max(0, date_start - _PLAN_REACH), date_start))


_OF_NEXT = re.compile(r"\s+of\s")


def _sentence_bounds(located: list[tuple[int, re.Match[str], Resolved | None]]) -> dict[int, tuple[int, int]]:
    """Each sentence number's run of positions in `located` (in text order): first, one past the last."""
    bounds: dict[int, tuple[int, int]] = {}
    for position, (number, _, _) in enumerate(located):
        bounds[number] = (bounds.get(number, (position, position))[0], position + 1)
    return bounds


class _EarlierDates:
    """What the sentences before a counted phrase date, for _anchored. It walks the dates in text
    order, so every sentence before the current one is final: what each dates is found once, and
    the looks over all of them (_noun_date, _story_day) keep what they found, so a long article
    costs in proportion to its length."""

    def __init__(
        self,
        located: list[tuple[int, re.Match[str], Resolved | None]],
        bounds: dict[int, tuple[int, int]],
        dates_an_event: DatesAnEvent,
        counted_back: set[int],
        sentence_terms: Callable[[int], frozenset[str]],
        placed_noun_terms: Callable[[int, re.Match[str]], frozenset[str]],
        looks_back: Callable[[int, re.Match[str]], bool],
    ) -> None:
        self.located, self.bounds, self.dates_an_event, self.counted_back = located, bounds, dates_an_event, counted_back
        self.sentence_terms, self.placed_noun_terms, self.looks_back = sentence_terms, placed_noun_terms, looks_back
        self._of_sentence: dict[tuple[int, bool], Resolved | None] = {}
        self._numbers = sorted(bounds)  # the sentences holding a date, in order
        self._first_day: tuple[int, Resolved | None] = (0, None)  # positions looked at, the day found
        # Grown as the walk passes them, each earlier date or sentence taken in once: the positions
        # of resolved dates by each term of the noun they place, and per `needs_day` the sentences
        # that date an event (number, date), in order, with their numbers by each of their terms.
        self._placing: dict[str, list[int]] = {}
        self._placing_until = 0  # positions taken into _placing
        self._dated: dict[bool, list[tuple[int, Resolved]]] = {False: [], True: []}
        self._dated_by_term: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}  # term -> indexes in _dated
        self._dated_until = {False: 0, True: 0}  # indexes of _numbers taken in

    def of_sentence(self, number: int, needs_day: bool) -> Resolved | None:
        """_event_dates of an earlier sentence's dates (None for a sentence with none)."""
        key = (number, needs_day)
        if key not in self._of_sentence:
            first, end = self.bounds.get(number, (0, 0))
            self._of_sentence[key] = _event_dates(self.located[first:end], self.dates_an_event, needs_day, self.counted_back, self.looks_back)
        return self._of_sentence[key]

    def only_describes(self, number: int, needs_day: bool, describes_a_noun: Callable[[int, re.Match[str]], bool]) -> bool:
        """Whether every date of an earlier sentence that a count may go on from (see _event_dates)
        describes a noun of it (`describes_a_noun`), and none tells its news."""
        first, end = self.bounds.get(number, (0, 0))
        return all(
            describes_a_noun(n, m) for n, m, r in self.located[first:end]
            if r is not None and (r.date.day is not None or not needs_day) and m.start() not in self.counted_back and self.dates_an_event(n, m, r)
        )  # fmt: skip

    def noun_date(self, match: re.Match[str], number: int, paragraph_of: Sequence[int], needs_day: bool) -> Resolved | None:
        """The date of the event a definite noun or clause right after a counted phrase names ("two
        days after the launch", "six minutes after the North fired"): the nearest date the article
        gave a noun holding its words ("since the North's sixth nuclear test on Sunday, Sept. 3", so
        "eight days after the test" is Sept. 11), as the noun names that very event; else, of the
        sentence referring.referent picks among the earlier ones that date an event (with a day, when
        `needs_day`), the date _event_dates picks. None when no such phrase follows or the article
        dates no such event."""
        noun = referring.noun_after_count(match.string, match.end())
        return self.named_date(frozenset(noun), number, paragraph_of, needs_day) if noun is not None else None

    def named_date(self, wanted: frozenset[str], number: int, paragraph_of: Sequence[int], needs_day: bool) -> Resolved | None:
        """The date of the event a noun with the index terms `wanted`, in sentence `number`, names
        (see noun_date); None when the article dates no such event before it, or `wanted` is empty."""
        if not wanted:
            return None
        self._take_in_placing(self.bounds[number][0])
        # The nearest earlier date placing a noun with every word: looked for among the positions
        # placing the word fewest do.
        rarest = min(wanted, key=lambda term: len(self._placing.get(term, ())), default=None)
        for position in reversed(self._placing.get(rarest, []) if rarest is not None else range(self.bounds[number][0])):
            n, m, r = self.located[position]
            if r is not None and (r.date.day is not None or not needs_day) and self.placed_noun_terms(n, m).issuperset(wanted):
                return r
        dated = self._take_in_dated(number, needs_day)
        # referring.referent over the sentences before that date an event, without a pass over all of
        # them: the nearest holding the words among those nearby (paragraphs only grow, so the scan
        # back stops at the first not nearby), else the first holding them.
        oldest_nearby = paragraph_of[number] - ANCHOR_PARAGRAPHS
        for n, date in reversed(dated):
            if paragraph_of[n] < oldest_nearby:
                break
            if self.sentence_terms(n).issuperset(wanted):
                return date
        by_term = self._dated_by_term[needs_day]
        rarest = min(wanted, key=lambda term: len(by_term.get(term, ())), default=None)
        for index in by_term.get(rarest, []) if rarest is not None else range(len(dated)):
            if self.sentence_terms(dated[index][0]).issuperset(wanted):
                return dated[index][1]
        return None

    def latest_news(self, number: int, paragraph_of: Sequence[int], needs_day: bool) -> Resolved | None:
        """The news told last before sentence `number`: of the events dated in the last paragraph
        before it that dates one, however far up, the latest. Not simply the last date: that is
        often a look back ("… signed on Wednesday. It also says … in line with the statement they
        signed on June 12")."""
        dated = self._take_in_dated(number, needs_day)
        if not dated:
            return None
        paragraph = paragraph_of[dated[-1][0]]
        return max((date for n, date in reversed(dated) if paragraph_of[n] == paragraph), key=lambda date: date.last)

    def _take_in_placing(self, until: int) -> None:
        """Index the resolved dates before position `until` (final by then) by the noun they place."""
        for position in range(self._placing_until, until):
            n, m, r = self.located[position]
            if r is not None:
                for term in self.placed_noun_terms(n, m):
                    self._placing.setdefault(term, []).append(position)
        self._placing_until = max(self._placing_until, until)

    def _take_in_dated(self, number: int, needs_day: bool) -> list[tuple[int, Resolved]]:
        """The sentences before `number` that date an event, each taken in once, when finished."""
        dated, by_term = self._dated[needs_day], self._dated_by_term[needs_day]
        until = bisect.bisect_left(self._numbers, number)
        for n in self._numbers[self._dated_until[needs_day] : until]:
            if self._holds_a_date(n) and (date := self.of_sentence(n, needs_day)) is not None:
                for term in self.sentence_terms(n):
                    by_term.setdefault(term, []).append(len(dated))
                dated.append((n, date))
        self._dated_until[needs_day] = max(self._dated_until[needs_day], until)
        return dated

    def _holds_a_date(self, number: int) -> bool:
        first, end = self.bounds[number]
        return any(r is not None for _, _, r in self.located[first:end])

    def story_day(self, same_sentence: list[tuple[int, re.Match[str], Resolved | None]], paragraph_of: Sequence[int], number: int) -> Resolved | None:
        """The day a time of day with no day of its own ("In the afternoon, the two leaders planted …",
        "It returned at about 11 a.m.") is on: the day its paragraph is about, the first its earlier
        sentences date an event on; else the day the story is about, the first day the article dates
        an event on (its lead's). Not the last day named before it: that is often a look back ("a
        hotline … was connected a week ago, on 20 April") from which the story returns.
        `same_sentence`: the dates before the phrase in its own sentence."""
        paragraph = paragraph_of[number]
        # The last sentence with a date before the paragraph: the paragraph's dates come after it.
        index = bisect.bisect_left(self._numbers, number) - 1
        while index >= 0 and paragraph_of[self._numbers[index]] >= paragraph:
            index -= 1
        start = self.bounds[self._numbers[index]][1] if index >= 0 else 0
        in_paragraph = [*self.located[start : self.bounds[number][0]], *same_sentence]
        found = next((r for n, m, r in in_paragraph if self._a_story_day(n, m, r)), None)
        if found is not None:
            return found
        return self._first_story_day(self.bounds[number][0] + len(same_sentence))

    def news_day(self, until: int) -> Resolved | None:
        """The day of the news the article leads with: the first it dates an event on before position `until`."""
        return self._first_story_day(until)

    def _a_story_day(self, n: int, m: re.Match[str], r: Resolved | None) -> bool:
        return r is not None and r.date.day is not None and not _is_anchor(m) and self.dates_an_event(n, m, r)

    def _first_story_day(self, until: int) -> Resolved | None:
        """The first day the article dates an event on before position `until`; kept once found
        (what comes before it never changes)."""
        looked, found = self._first_day
        while found is None and looked < until:
            n, m, r = self.located[looked]
            if self._a_story_day(n, m, r):
                found = r
            looked += 1
        self._first_day = (looked, found)
        return found


def _plan_day(match: re.Match[str], resolved: Resolved, as_written: Resolved | None, published: dt.date) -> Resolved | None:
    """For a date without a year that only news's convention placed (the last such day before
    publication), the next such day after publication: the day it means if its clause looks ahead.
    None when its year is written, or comes from the story ("In 2017 … on Nov. 7": `resolved`
    differs from `as_written`, resolve(match, published)), or it says "last"."""
    if resolved.last >= published or resolved != as_written or (_groups(match)["wd_mod"] or "").strip().lower() == "last":
        return None
    return _next_after(match, resolved, published)


def _infinitive_ahead(
    match: re.Match[str], resolved: Resolved | None, as_written: dict[int, Resolved | None], published: dt.date, tokens: Callable[[], list[grammar.Token]], sentence_start: int
) -> Resolved | None:
    """A day without a year in an infinitive after the verb ("On Tuesday the envoy announced that
    they had agreed to hold talks on Oct. 4", published on Oct. 3) is the next such day in the year
    of publication when that is within a month: the infinitive names what comes after the
    agreement, so news, which leaves out only the current year, means this year's, not the last
    such day before publication, a year ago."""
    if resolved is None or resolved.date.day is None or resolved.last >= published or _groups(match)["weekday"]:
        return resolved  # a weekday names no year to leave out
    ahead = _plan_day(match, resolved, as_written[match.start()], published)
    if ahead is None or ahead.date.year != published.year or ahead.first - published > _DAYS_JUST_AHEAD:
        return resolved  # a day months ahead may be what the agreement was about, long past ("argued over which venue to use on June 12")
    return ahead if grammar.in_an_infinitive(tokens(), match.start() - sentence_start) else resolved


_DAYS_JUST_AHEAD = dt.timedelta(days=31)


def _dates_a_report(
    located: list[tuple[int, re.Match[str], Resolved | None]], position: int, bounds: tuple[int, int], dates_an_event: DatesAnEvent
) -> bool:
    """Whether another date of the sentence of located[position] (its dates: located[first:end] for
    `bounds`) dates an event on a day: the report of a plan ("said on Wednesday that he would meet
    Ri on Friday"), which may have been carried out by publication."""
    first, end = bounds
    return any(p != position and r is not None and r.date.day is not None and dates_an_event(n, m, r) for p, (n, m, r) in enumerate(located[first:end], first))


def _is_dateline(body: str, sentence: Span, match: re.Match[str]) -> bool:
    return bool(_DATELINE.match(body[sentence.start : match.start()]) and _DATELINE_END.match(body[match.end() : sentence.end]))


def _has_a_day(
    located: list[tuple[int, re.Match[str], Resolved | None]], position: int, first: int, end: int, looks_back: Callable[[int, re.Match[str]], bool]
) -> bool:
    """Whether the sentence of located[position] (its dates: located[first:end]) names a day by
    another of its dates (written or counted); not a day in brackets that restate the clock time
    in another zone ("at 7:11 a.m. (2211 GMT Tuesday)": the day before, in GMT), nor one of
    background (`looks_back`: "arrived shortly before 3 a.m. with Pompeo, who had collected them
    in Pyongyang on Wednesday": the arrival is on the day the story is at, not Wednesday), unless
    it is the clock time's own day, written right after it ("shortly before 3:45 p.m. on Sunday"
    in a relative clause: the time is that Sunday's whatever the clause)."""
    clock = located[position][1]
    return any(
        p != position
        and (_is_anchor(m) or (r is not None and r.date.day is not None))
        and not _restates_a_clock_time(m.string, m.start(), m.end())
        and not (r is not None and looks_back(n, m) and not (p == position + 1 and _CLOCK_S_DAY.fullmatch(m.string, clock.end(), m.start())))
        for p, (n, m, r) in enumerate(located[first:end], first)
    )  # fmt: skip


# Between a clock time and the day it is on: "3:45 p.m. on Sunday", "7 a.m. Wednesday".
_CLOCK_S_DAY = re.compile(r",?\s*(?:on\s+)?")


def _introduces(reading: grammar.Reading, tokens: list[grammar.Token], phrase_start: int) -> bool:
    """Whether the clause the reading found for a date is the one right after its phrase ("the
    day after Choe announced the talks"), not a verb elsewhere in the sentence."""
    clause = reading.clause
    return clause is not None and clause.verb is not None and tokens[clause.first].start >= phrase_start


DatesAnEvent = Callable[[int, re.Match[str], Resolved], bool]


def _event_dates(
    dated: list[tuple[int, re.Match[str], Resolved | None]],
    dates_an_event: DatesAnEvent,
    needs_day: bool,
    counted_back: set[int],
    looks_back: Callable[[int, re.Match[str]], bool],
) -> Resolved | None:
    """Of one sentence's dates (in text order), the one a counted date refers to: of those that
    date an event (with a day, when `needs_day`), the most precise, the last on ties, counted ones
    too: the story has moved on to them ("on Sept. 5 and said the next day …" then "Four days after
    that briefing" counts from Sept. 6). Not one counted back (`counted_back`: "On Wednesday, the
    day after Choe announced the talks, it test-fired …" then "Three days after the test"): that
    dates a look back, not where the story is. Of ties, one that dates the clause before one that
    places a noun after "after" or "since" ("on Sept. 11 it capped imports after the test on Sept.
    3", then "Twelve days later": from Sept. 11), a look back too, or dates background (`looks_back`:
    a relative clause, a past perfect: "On 16 May, Pyongyang called off talks …, citing an exercise
    that began on May 11", then "Hours later": from 16 May)."""
    usable = [
        (n, m, r) for n, m, r in dated
        if r is not None and (r.date.day is not None or not needs_day) and m.start() not in counted_back and dates_an_event(n, m, r)
    ]  # fmt: skip
    if not usable:
        return None
    # "on June 30 last year": the most precise of them, the last on ties.
    precision = max(len(r.date.iso()) for _, _, r in usable)
    ties = [(n, m, r) for n, m, r in reversed(usable) if len(r.date.iso()) == precision]
    if len(ties) > 1:
        return next((r for n, m, r in ties if not looks_back(n, m)), ties[0][2])
    return ties[0][2]


_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _counts_days(g: dict[str, str | None]) -> bool:
    """Whether a counted phrase counts days or less ("the next day", "hours later", "that
    morning"), so that only a date with a day can be what it counts from."""
    unit = (g["anchor_unit"] or g["anchor_next_unit"] or g["anchor_same_unit"] or "").lower()
    return unit in relative.WEEKDAYS or bool(g["anchor_that"] or g["anchor_clock"] or g["anchor_ordinal"] or g["anchor_time"] or g["anchor_afterwards"] or unit.startswith(_PARTS_OF_A_DAY))


_PARTS_OF_A_DAY = ("day", "morning", "afternoon", "evening", "night")


def _last_day(resolved: Resolved) -> Resolved:
    """A span of days' last day (a single date is its own)."""
    return relative.exact(resolved.end, resolved.approximate) if resolved.end is not None else resolved


# "the first …", "the only …", "the biggest …" with no clause break before the date: "in seven
# months" after it measures back from publication.
_RANKED_BEFORE = re.compile(r"\b[Tt]he\s+(?:first|only|last|\w+est)\b[^,.;:]*$")
_WORD_NEXT = re.compile(r"\s+[\w“\"‘']")
# How far after "before"/"after" a date may stand and still be what they count from.
ANCHOR_REACH = 40
# How many paragraphs before its own a counted date looks back for the date it counts from (two
# was measured: it found one more event on one training set and a wrong date on another).
ANCHOR_PARAGRAPHS = 1
# Between two dates of one list: "in June 2000 and October 2007", "on July 4, or on July 28".
_LISTED = re.compile(r",?\s*(?:and|or)\s+(?:(?:in|on|at)\s+)?")
# A count that is no exact number: "less than a week later", "about two weeks after".
_HEDGED = re.compile(r"\b(?i:less|more|nearly|almost|about|some|over|around|roughly|under)\s+(?:(?i:than)\s+)?$")
# A dateline ("SEOUL, July 2 (Reuters) -", "WASHINGTON/SEOUL, May 25 -"): when the story was filed, not an event.
_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]+,[^.]{0,40}$")
_DATELINE_END = re.compile(r"^\s*(?:\(|[-–—]\s)")
# A clock time: "3:17 a.m.", "1817 GMT", "11 p.m.".
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d\d\b|\b\d{3,4}\s*(?:GMT|UTC)\b|\b\d{1,2}\s*[ap]\.m\.")


# Between a date and the more precise one that restates it: "late last year, on Nov. 29",
# "last week, when on May 16", "Less than four weeks later, on 3 September", "Six days later, on
# the night of Friday, Dec. 13" (a part of the day, and a weekday the written date goes with).
_APPOSITION = re.compile(rf",\s*(?:when\s+)?(?:on\s+|in\s+)?(?:(?i:the)\s+(?i:{'|'.join(_PARTS_OF_A_DAY)})\s+of\s+)?(?:{_WEEKDAY},?\s+)?$")


# "Five days after the first overflight, on 3 September": the noun a count points at, then the
# written day that restates the count.
_COUNTED_FROM_THEN_APPOSITION = re.compile(rf"\s+(?i:the|his|her|its|their|this|that)\s+[^,.;:!?()“”\"]{{1,60}}?{_APPOSITION.pattern}")


def _restates(match: re.Match[str], later: re.Match[str]) -> bool:
    """Whether date phrase `later` follows `match` in apposition: after only a comma ("late last
    year, on Nov. 29"), or after the noun a count points at ("Five days after the first
    overflight, on 3 September"): the same time said again."""
    between = match.string[match.end() : later.start()]
    pointing = (match.group("anchor_dir") or "").lower() in ("before", "after")
    return bool(_APPOSITION.match(between) or (pointing and _COUNTED_FROM_THEN_APPOSITION.match(between)))


def _restated_precisely(located: Sequence[tuple[int, re.Match[str], Resolved | None]], position: int) -> bool:
    """Whether the next date of the sentence, after only a comma, says the same time more
    precisely: then it is the date, and this one no second mention. A count of time ("Hours
    later, on Tuesday morning", "Five weeks later, on Sept. 11") is restated by a written date
    of the same precision too: the writer names the day the count only approximates, also after
    the noun the count points at ("Five days after the first overflight, on 3 September": the
    written day wins over a count from a day the article may have placed wrongly)."""
    number, match, resolved = located[position]
    if position + 1 >= len(located) or resolved is None:
        return False
    next_number, next_match, next_resolved = located[position + 1]
    if next_number != number or next_resolved is None:
        return False
    more_precise = len(next_resolved.date.iso()) > len(resolved.date.iso())
    counted = _is_anchor(match) or match.group("ago_n") is not None  # "a week ago, on 20 April"
    if not more_precise and not (len(next_resolved.date.iso()) == len(resolved.date.iso()) and counted and not _is_anchor(next_match)):
        return False
    if not _restates(match, next_match):
        return False
    slack = dt.timedelta(days=31)
    return resolved.first - slack <= next_resolved.first and next_resolved.last <= resolved.last + slack


def _restates_a_clock_time(sentence: str, start: int, end: int) -> bool:
    """A date in brackets that hold a clock time restates the time outside them in another zone
    ("fired at 3:17 a.m. on Wednesday (1817 GMT on Tuesday)"): it is no second date."""
    opening, closing = sentence.rfind("(", 0, start), sentence.find(")", end)
    if opening < 0 or closing < 0 or ")" in sentence[opening:start]:
        return False
    return _CLOCK_TIME.search(sentence, opening, closing) is not None


_DAYS_LONG = re.compile(rf"\b(?P<days>{_NUMBER})-day\b", re.IGNORECASE)
# The day a meeting ends, fails or collapses is its last; the day it opens, its first.
_ENDING_VERBS = frozenset({"ended", "concluded", "closed", "finished", "collapsed", "failed", "wrapped", "broke"})
_OPENING_VERBS = frozenset({"began", "opened", "started", "kicked", "launched", "convened"})


def _extent(
    tokens: Callable[[], list[grammar.Token]], reading: grammar.Reading, resolved: Resolved, sentence: str
) -> tuple[EventDate, EventDate] | None:
    """First and last day of an event of several days: a written span ("February 27-28"), or a
    "two-day" meeting said to end (or open) on a day. `tokens` gives the sentence's tokens, made
    only when the sentence says how many days."""
    if resolved.end is not None:
        return resolved.date, resolved.end
    if resolved.date.day is None or reading.clause is None or reading.clause.verb is None:
        return None
    long = _DAYS_LONG.search(sentence)
    if long is None:
        return None
    days = relative.number_value(long.group("days")) - 1
    words = tokens()
    verb = words[reading.clause.verb].lower
    day = resolved.first
    if verb in _ENDING_VERBS:
        if not _describes_its_noun(words, reading.clause):
            # "The two-day forum closed on Thursday": the closing is the deed, done that day; the
            # event is shown on it, not from the forum's first day. A relative clause ("at a
            # four-day meeting that ended on Dec. 31, the chief declared …") tells when its noun,
            # the occasion of another deed, took place: that noun's days.
            return None
        first, last = day - dt.timedelta(days=days), day
    elif verb in _OPENING_VERBS:
        first, last = day, day + dt.timedelta(days=days)
    else:
        return None
    return EventDate(first.year, first.month, first.day), EventDate(last.year, last.month, last.day)


def _describes_its_noun(tokens: list[grammar.Token], clause: grammar.Clause) -> bool:
    """Whether the clause is a relative clause whose pronoun is its subject ("that ended …",
    ", which closed …"): it says when the noun before it took place."""
    return clause.verb == clause.first + 1 and tokens[clause.first].lower in ("that", "which")


_WRITTEN_YEARS = ("num_year", "holiday_year", "holiday_later_year", "md_year", "dm_year", "my_year", "year", "range_year", "range_year_dm", "cross_year", "season_year", "part_year")


def _back_from(located: Sequence[tuple[int, re.Match[str], Resolved | None]], position: int) -> Iterator[tuple[int, re.Match[str], Resolved | None]]:
    """The entries before `position`, nearest first. Read with takewhile, a look back stops at its
    sentence's or paragraph's start (entries are in text order) instead of walking the whole article."""
    return (located[p] for p in range(position - 1, -1, -1))


def _years_from_context(
    located: list[tuple[int, re.Match[str], Resolved | None]], published: dt.date, looks_back_at: Callable[[int, re.Match[str]], bool]
) -> list[tuple[int, re.Match[str], Resolved | None]]:
    """A month or day written without a year takes the year of a date written before it in the
    same sentence ("a test in January 2016 and another in September" is September 2016), as a
    reader takes it: the next year when its month comes earlier ("in December 2016 and again in
    March"), but not when it places a noun after "after" or "since" (`looks_back_at`: "adopted in
    December 2017 after the test on Sept. 3" looks back, to 2017) nor when it says "of that year".
    With no such date before it, a month listed right before one with its year shares that year
    ("in September and December 2017"). Otherwise, as news writes, a date without a year is the
    latest such date before publication, even after a sentence about another year."""
    result = list(located)
    for position, (number, match, resolved) in enumerate(result):
        g = _groups(match)
        if resolved is None or resolved.end is not None or not _lacks_year(g) or resolved.date.month is None:
            continue
        same_sentence = takewhile(lambda entry: entry[0] == number, _back_from(result, position))
        context = next((r for _, m, r in same_sentence if r is not None and any(m.group(k) for k in _WRITTEN_YEARS)), None)
        month = resolved.date.month
        if context is not None:
            later_in_the_year = context.date.month is not None and month < context.date.month
            said_that_year = any(g[k] for k in ("md_that", "dm_that", "rel_that"))
            year = context.date.year + (later_in_the_year and not said_that_year and not looks_back_at(number, match))
        elif (shared := _listed_year(result, position)) is not None:
            year = shared.date.year - (shared.date.month is not None and month > shared.date.month)
        else:
            continue
        if (moved := _in_year(resolved, year, published)) is not None:
            result[position] = (number, match, moved)
    return result


def _listed_year(located: Sequence[tuple[int, re.Match[str], Resolved | None]], position: int) -> Resolved | None:
    """The date right after located[position] in one list of its sentence, when that one writes its
    year ("in September and December 2017": December 2017), else None."""
    if position + 1 >= len(located):
        return None
    number, match, _ = located[position]
    next_number, next_match, next_resolved = located[position + 1]
    if next_number != number or next_resolved is None or not any(next_match.group(k) for k in _WRITTEN_YEARS):
        return None
    return next_resolved if _LISTED.fullmatch(match.string, match.end(), next_match.start()) else None


def _in_year(resolved: Resolved, year: int, published: dt.date) -> Resolved | None:
    """The same month (and day) in `year`, when that is a real date no later than publication."""
    try:
        date = EventDate(year, resolved.date.month, resolved.date.day)
        first = date.first_day()
    except ValueError:
        return None  # February 29 in another year
    return relative.exact(date, resolved.approximate) if first <= published else None


def _paragraph_numbers(body: str, sentences: Sequence[Span]) -> list[int]:
    """The paragraph each sentence (in text order) stands in: a blank line starts a new one."""
    numbers, paragraph, previous_end = [], 0, 0
    for span in sentences:
        if "\n\n" in body[previous_end : span.start]:
            paragraph += 1
        numbers.append(paragraph)
        previous_end = span.end
    return numbers


def _story_paragraphs(
    body: str,
    sentences: Sequence[Span],
    paragraph_of: Sequence[int],
    located: Sequence[tuple[int, re.Match[str], Resolved | None]],
    describes_a_noun: Callable[[int, re.Match[str]], bool],
) -> list[int]:
    """Paragraph numbers for counting back, where a paragraph with no date that quotes a speaker
    in every sentence ("“The entire United States is within range …,” Kim said."; "Kim, speaking
    through an interpreter, said he had not expected to see Trump at “this place”.") is one with
    the paragraph before it: a speaker's words take the story to no other time, so "the next day"
    after them still counts from the date before them. A paragraph of narrative with no date moves
    the story on. Not so a paragraph whose every date describes a noun (`describes_a_noun`:
    "Critics pointed to Anna Berg, the clerk who resigned on Feb. 2, ten days after …"): it tells
    what its nouns are, background, and the story stays where it was."""
    dated = {paragraph_of[n] for n, _, _ in located}
    describing = dated - {paragraph_of[n] for n, m, r in located if r is not None and not _is_anchor(m) and not describes_a_noun(n, m)}
    # A count in it must follow a date of its sentence, which it counts from ("…, six days after North
    # Korea released him"); one that opens a sentence ("Two days later, …") moves the story.
    earliest: dict[int, int] = {}  # sentence number -> where its first date starts (one pass, not one a count)
    for n, m, _ in located:
        earliest[n] = min(earliest.get(n, m.start()), m.start())
    describing -= {paragraph_of[n] for n, m, r in located if r is None and not earliest[n] < m.start()}
    # Whether a paragraph is all quotes matters only when it has no date; one sentence without a
    # quotation mark, outside a quotation, settles it (each sentence searched took a fiftieth of finding mentions).
    unquoted: set[int] = set()
    paragraph_opens = 0  # where the paragraph of the sentence looked at starts
    for number, (span, paragraph) in enumerate(zip(sentences, paragraph_of)):
        if number == 0 or paragraph_of[number - 1] != paragraph:
            paragraph_opens = span.start
        if paragraph in dated or paragraph in unquoted or _QUOTING.search(body, span.start, span.end):
            continue
        # A sentence inside a quotation that runs over several ("“War is never something we
        # want. We don't want it now. But …”") is the speaker's too.
        if not _inside_a_quotation(body, paragraph_opens, span.start):
            unquoted.add(paragraph)
    numbers, story, previous = [], -1, -1
    for paragraph in paragraph_of:
        if paragraph != previous:
            quoted = (paragraph not in unquoted and paragraph not in dated) or paragraph in describing
            story += story < 0 or not quoted
            previous = paragraph
        numbers.append(story)
    return numbers


_QUOTING = re.compile("[“\"‘]")


def _inside_a_quotation(body: str, start: int, at: int) -> bool:
    """Whether a quotation opened in body[start:at] (a paragraph up to a sentence) is still open
    at `at`: more “ than ”, or an odd number of straight double quotes."""
    text = body[start:at]
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


# A year after these bounds a span that reaches past it ("has not tested … since 2017"): the story is not told in it.
_BOUND_BEFORE = re.compile(r"\b(?i:since|until|before)\s+$")


def _years_from_paragraph(
    located: list[tuple[int, re.Match[str], Resolved | None]], paragraph_of: Sequence[int], published: dt.date
) -> list[tuple[int, re.Match[str], Resolved | None]]:
    """A year written alone ("The year 2017 set the tone.", "For most of 2018 …") sets the year of
    the story its paragraph tells from there on: "On July 4, the North launched …" in that
    paragraph is July 4 of that year, as a reader takes it. A full date ("in mid-October 2018")
    dates one thing and sets no year for the next sentence (a day with its year carries it only to
    the dates after it that go forward: `_years_from_story`); news's own convention (the latest such
    date before publication) holds outside such a paragraph, and after a year that bounds a span
    ("has not tested a missile since 2017. Trump disclosed in mid-June …" is this June)."""
    result = list(located)
    for position, (number, match, resolved) in enumerate(result):
        g = _groups(match)
        if resolved is None or resolved.end is not None or resolved.date.month is None or not _lacks_year(g):
            continue
        same_paragraph = takewhile(lambda entry: paragraph_of[entry[0]] == paragraph_of[number], _back_from(result, position))
        frame = next(
            (m for _, m, r in same_paragraph if r is not None and m.group("year") and not _BOUND_BEFORE.search(m.string, max(0, m.start() - 8), m.start())),
            None,
        )
        if frame is not None and (moved := _in_year(resolved, int(frame.group("year")), published)) is not None:
            result[position] = (number, match, moved)
    return result


def _years_from_story(
    located: list[tuple[int, re.Match[str], Resolved | None]],
    paragraph_of: Sequence[int],
    published: dt.date,
    looks_back: Callable[[int, re.Match[str]], bool],
) -> list[tuple[int, re.Match[str], Resolved | None]]:
    """A story told in order carries its written year on: after "On Feb. 28, 2018, he published …",
    "Bolton was named on March 22 and took office on April 9" in the next paragraph is 2018, as a
    reader takes it, not the March 22 before publication a year later. A month or day without a
    year takes the year of the date just before it (in its paragraph or the one before) when that
    date writes its year and day ("Feb. 28, 2018", "16 May last year"; not "in April 2016", a month
    that dates one thing) or was placed so in the same paragraph, that year is earlier than news's convention gives, and the date falls on or after
    that one within it: the story moved forward. A date earlier in the year than the one before is
    a look back or a new year; a year counted from a span ("a pause of nearly 18 months") or one
    that bounds it ("since Nov. 29, 2017") is written by no one as the story's: news's convention
    holds. Nor does background carry its year (`looks_back`: "a speech marking the anniversary of
    the declaration signed on June 15, 2000. The next afternoon, on June 16, …" is the story's June
    16, not 2000's): the nearest date before that is not background is the story's."""
    result = list(located)
    placed: set[int] = set()
    for position, (number, match, resolved) in enumerate(result):
        if resolved is None or resolved.end is not None or resolved.date.month is None or not _lacks_year(_groups(match)):
            continue
        earlier = (p for p in range(position - 1, -1, -1) if result[p][2] is not None and not looks_back(result[p][0], result[p][1]))
        before = next(earlier, None)
        if before is None or paragraph_of[result[before][0]] < paragraph_of[number] - 1:
            continue
        n, m, r = result[before]
        if r is None:
            continue
        story = (before in placed and paragraph_of[n] == paragraph_of[number]) or (_writes_year(m) and r.date.day is not None)
        if not story or _BOUND_BEFORE.search(m.string, max(0, m.start() - 8), m.start()) or r.date.year > resolved.date.year:
            continue
        if r.date.year == resolved.date.year:
            # Already in the story's year ("… on Jan. 2, 2016. He confessed on 29 February …",
            # the last leap day before publication): it carries the story on as a moved date does.
            if resolved.date.last_day() >= r.date.first_day():
                placed.add(position)
            continue
        moved = _in_year(resolved, r.date.year, published)
        if moved is not None and moved.date.last_day() >= r.date.first_day():  # "in late May" after "16 May": forward
            result[position] = (number, match, moved)
            placed.add(position)
    return result


def _writes_year(match: re.Match[str]) -> bool:
    """Whether a date phrase names its year: written ("Feb. 28, 2018") or from publication ("16 May last year")."""
    g = match.group
    return any(g(k) for k in _WRITTEN_YEARS) or any(g(k) for k in ("md_rel", "dm_rel", "range_rel", "range_rel_dm", "rel_year", "rel_may_year"))


def _years_after_counting(
    located: list[tuple[int, re.Match[str], Resolved | None]], paragraph_of: Sequence[int], published: dt.date
) -> list[tuple[int, re.Match[str], Resolved | None]]:
    """A date counted from another ("Less than four weeks later", from August 8, 2017) carries the
    story's year on: a month or day without a year after it in its paragraph ("on 3 September",
    then "on Sept. 19") is in that year, or the next when its month comes earlier."""
    result = list(located)
    for position, (number, match, resolved) in enumerate(result):
        if resolved is None or resolved.end is not None or resolved.date.month is None or not _lacks_year(_groups(match)):
            continue
        same_paragraph = takewhile(lambda entry: paragraph_of[entry[0]] == paragraph_of[number], _back_from(result, position))
        counted = next((r for _, m, r in same_paragraph if r is not None and _is_anchor(m)), None)
        if counted is None or counted.date.month is None or counted.date.year == resolved.date.year:
            continue
        year = counted.date.year + (resolved.date.month < counted.date.month)
        if (moved := _in_year(resolved, year, published)) is not None:
            result[position] = (number, match, moved)
    return result


def _years_of_restated_counts(located: list[tuple[int, re.Match[str], Resolved | None]]) -> list[tuple[int, re.Match[str], Resolved | None]]:
    """A day without a year that restates a count of time right before it ("would meet in four
    days, on July 12", "Two weeks later, on 3 March") is in the year of the day counted (the one of
    three around it nearest that day), not the last such day before publication: the count sets
    the time, the writer names its day."""
    result = list(located)
    for position in range(1, len(result)):
        number, match, resolved = result[position]
        before_number, before, counted = result[position - 1]
        if resolved is None or counted is None or before_number != number or resolved.date.day is None or not _lacks_year(_groups(match)):
            continue
        if not (_is_anchor(before) or before.group("future_n") or before.group("ago_n")) or counted.date.day is None:
            continue
        if not _restates(before, match):
            continue
        days = []
        for year in (counted.date.year - 1, counted.date.year, counted.date.year + 1):
            try:
                days.append(relative.exact(EventDate(year, resolved.date.month, resolved.date.day), resolved.approximate))
            except ValueError:
                continue  # February 29
        result[position] = (number, match, min(days, key=lambda day: abs(day.first - counted.first)))
    return result


def _next_after(match: re.Match[str], resolved: Resolved, published: dt.date) -> Resolved | None:
    """The same weekday or the same month (and day) after publication, when the phrase names no
    year; None when it does (a plan dated in the past is no plan this rule can place), or when the
    day a year on falls in a later calendar year than publication and farther from it than the day
    before it: news leaves out only the current year (and the next one's for a day just ahead),
    so "the sanctions, which date back to March 2" in an article of March 15 is not next March 2
    ("in December" is this December, "on Jan. 5" in late December next January)."""
    g = _groups(match)
    if g["weekday"]:
        return relative.shifted(resolved, 7, "day")  # it was the last such day on or before publication
    written = g["range_year"] or g["range_year_dm"] or g["range_rel"] or g["range_rel_dm"] or g["cross_year"]
    if not (_lacks_year(g) or ((g["range_month"] or g["range_month_dm"] or g["cross_month"]) and not written)):
        return None
    date, end = resolved.date, resolved.end
    try:
        moved = EventDate(date.year + 1, date.month, date.day)
        moved_end = EventDate(end.year + 1, end.month, end.day) if end is not None else None
        moved.first_day()  # raises for February 29 a year on, as making a date does
    except ValueError:
        return None  # February 29
    if moved.year > published.year and moved.first_day() - published >= published - resolved.last:
        return None
    return Resolved(moved, resolved.approximate, moved.first_day(), (moved_end or moved).last_day(), end=moved_end)


def _lacks_year(g: dict[str, str | None]) -> bool:
    """A month, or a month and day, with no year and no "last"/"next"/"this" to place it."""
    if g["rel_month"] or g["rel_may"]:
        named = g["rel_year"] or g["rel_may_year"]
        return not named and (g["rel_mod"] or g["rel_may_mod"] or "").lower() not in ("last", "next", "this")
    if g["holiday"]:
        return not (g["holiday_year"] or g["holiday_later_year"])
    return bool((g["md_month"] and not (g["md_year"] or g["md_rel"])) or (g["dm_month"] and not (g["dm_year"] or g["dm_rel"])))


def _is_anchor(match: re.Match[str]) -> bool:
    g = match.group
    return bool(g("anchor_n") or g("anchor_few") is not None or g("anchor_next") or g("anchor_same") or g("anchor_that") or g("anchor_clock") or g("anchor_ordinal") or g("anchor_time") or g("anchor_afterwards"))


def resolve(match: re.Match[str], base: dt.date) -> Resolved | None:
    """The date one match means, read from publication date `base`; None when it is not a date."""
    g = _groups(match)
    try:
        if g["span_n"]:
            return relative.last_span(base, relative.number_value(g["span_n"]), g["span_unit"])
        if g["span_one"]:
            return relative.last_span(base, 1, g["span_one"])
        if g["ago_n"] and g["ago_today"]:  # "three years ago today": that very day
            return relative.exact(relative.shifted(relative.exact(EventDate(base.year, base.month, base.day)), -relative.number_value(g["ago_n"]), g["ago_unit"]).date)
        if g["ago_n"]:
            return relative.ago(base, relative.number_value(g["ago_n"]), g["ago_unit"])
        if g["over_n"]:
            return relative.ago(base, relative.number_value(g["over_n"]), g["over_unit"], hedged=True)
        if _is_anchor(match):
            return None  # resolved from the date it counts from, in find_mentions
        if g["future_n"]:
            return relative.ahead(base, relative.number_value(g["future_n"]), g["future_unit"])
        if g["part"] or g["part_y"]:
            return _part(base, g)
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
        if g["range_month"] or g["range_month_dm"]:
            return _range(base, g)
        if g["cross_month"]:
            return _across_months(base, g)
        if g["holiday"]:
            month, day = _HOLIDAYS[" ".join(g["holiday"].replace("’", "'").lower().split())]
            if written := g["holiday_year"] or g["holiday_later_year"]:
                return relative.exact(EventDate(int(written), month, day))
            return relative.exact(relative.date_before(base, month, day))
        if g["md_month"]:
            month, day = relative.month_number(g["md_month"]), int(g["md_day"])
            if g["md_year"] or g["md_rel"]:
                return relative.exact(_checked(_year_of(g["md_year"], g["md_rel"], base), month, day))
            _checked(2000, month, day)  # a leap year: rejects "February 31", allows "February 29"
            return relative.exact(relative.date_before(base, month, day))
        if g["dm_month"]:
            month, day = relative.month_number(g["dm_month"]), int(g["dm_day"])
            if g["dm_year"] or g["dm_rel"]:
                return relative.exact(_checked(_year_of(g["dm_year"], g["dm_rel"], base), month, day))
            _checked(2000, month, day)
            return relative.exact(relative.date_before(base, month, day))
        if g["num_year"]:
            return _numeric(g)
        if g["my_month"]:
            return relative.exact(EventDate(int(g["my_year"]), relative.month_number(g["my_month"])))
        if g["rel_month"] or g["rel_may"]:
            modifier = (g["rel_mod"] or g["rel_may_mod"]).lower()
            month = relative.month_number(g["rel_month"] or g["rel_may"])
            if named := g["rel_year"] or g["rel_may_year"]:  # "in February last year"
                return relative.exact(EventDate(_year_of(None, named, base), month), approximate=modifier not in ("last", "in"))
            if modifier == "next":
                return relative.exact(EventDate(base.year + (month <= base.month), month), approximate=True)
            # "last June" is unambiguous; "in June" or "early June" without a year is the latest one, a guess.
            date = relative.month_before(base, month, strictly=modifier == "last")
            return relative.exact(date, approximate=modifier != "last")
        if g["years_first"] or g["dashed_first"]:
            first_year, last_year = int(g["years_first"] or g["dashed_first"]), _last_year(g)
            if first_year >= last_year:
                return None
            return Resolved(EventDate(first_year), False, dt.date(first_year, 1, 1), dt.date(last_year, 12, 31), end=EventDate(last_year))
        if g["year"]:
            return relative.exact(EventDate(int(g["year"])))
    except ValueError:
        return None
    return None


def _last_year(g: dict[str, str | None]) -> int:
    """The last year of a span of years: written in full, or by its last two digits in the first's century ("1950-53")."""
    if g["years_last"]:
        return int(g["years_last"])
    last, first = g["dashed_last"] or "", g["dashed_first"] or ""
    return int(last) if len(last) == 4 else int(first[:2] + last)


def _numeric(g: dict[str, str | None]) -> Resolved | None:
    """"12.06.2018" is 12 June (day first); "6/30/2019" and "30/6/2019" are 30 June, the only way
    to read them; "6/12/2018" gives no date, as it is June 12 in the US and 6 December elsewhere."""
    first, second, year = int(g["num_first"] or 0), int(g["num_second"] or 0), int(g["num_year"] or 0)
    if g["num_sep"] == ".":
        return relative.exact(_checked(year, second, first))
    if (first > 12) == (second > 12):
        return None
    day, month = (first, second) if first > 12 else (second, first)
    return relative.exact(_checked(year, month, day))


def _range(base: dt.date, g: dict[str, str | None]) -> Resolved | None:
    """"February 27-28, 2019", "27 to 28 February": the first day, with the last as its end."""
    month = relative.month_number(g["range_month"] or g["range_month_dm"] or "")
    first_day, last_day = int(g["range_first"] or g["range_first_dm"] or 0), int(g["range_last"] or g["range_last_dm"] or 0)
    if not first_day < last_day:
        return None  # "June 12 and 3": not a span of days
    year_text, named = g["range_year"] or g["range_year_dm"], g["range_rel"] or g["range_rel_dm"]
    if year_text or named:
        last = _checked(_year_of(year_text, named, base), month, last_day)
    else:
        last = relative.date_before(base, month, last_day)
    first = _checked(last.year, month, first_day)
    return Resolved(first, False, first.first_day(), last.first_day(), end=last)


def _across_months(base: dt.date, g: dict[str, str | None]) -> Resolved | None:
    """"March 31–April 1", "June 12 to June 14, 2018": the first day, with the last as its end;
    without a year, the last day is the latest such day on or before publication, and the first
    is before it. None for ends out of order ("June 12 - June 3") or more than a month apart."""
    first_month, last_month = relative.month_number(g["cross_month"] or ""), relative.month_number(g["cross_month_last"] or "")
    first_day, last_day = int(g["cross_first"] or 0), int(g["cross_last"] or 0)
    if g["cross_year"]:
        last = _checked(int(g["cross_year"]), last_month, last_day)
    else:
        _checked(2000, last_month, last_day)
        last = relative.date_before(base, last_month, last_day)
    first = _checked(last.year - (first_month > last_month), first_month, first_day)  # "Dec. 30 to Jan. 2": the year before
    if first.first_day() >= last.first_day() or (last.first_day() - first.first_day()).days > 31:
        return None
    return Resolved(first, False, first.first_day(), last.first_day(), end=last)


def _part(base: dt.date, g: dict[str, str | None]) -> Resolved:
    """"late last year", "early 2019", "the end of the month": a part of a year or month, approximate."""
    part = (g["part"] or g["part_y"] or "").lower().strip()
    if g["part_year"]:
        year, unit = int(g["part_year"]), "year"
    else:
        modifier, unit = (g["part_mod"] or "").lower(), (g["part_unit"] or "").lower()
        offset = {"last": -1, "this": 0, "next": 1, "the": 0}[modifier]
        whole = relative.previous_unit(base, unit, offset)
        if unit != "year":
            return Resolved(whole.date, True, whole.first, whole.last)
        year = whole.date.year
    if part in ("earlier", "later"):  # "earlier this year": up to publication; "later": after it
        first_month, last_month = (1, base.month) if part == "earlier" else (base.month, 12)
        if year != base.year:
            first_month, last_month = 1, 12
    elif part == "the end of":  # "until the end of the year", "the end of 2019": its last month, a deadline's
        return relative.exact(EventDate(year, 12), approximate=True)
    else:
        first_month, last_month = _PART_MONTHS.get(part, (1, 12))
    first, last = dt.date(year, first_month, 1), EventDate(year, last_month).last_day()
    return Resolved(EventDate(year), True, first, last)


def _year_of(written: str | None, named: str | None, base: dt.date) -> int:
    """The year written out ("2018"), or named from publication ("last year", "this year")."""
    if written:
        return int(written)
    return base.year - (named is not None and named.lower() == "last")


def _checked(year: int, month: int, day: int) -> EventDate:
    dt.date(year, month, day)  # raises ValueError for "February 30, 2019"
    return EventDate(year, month, day)


def _season_of(season: str, year: int) -> Resolved:
    return relative.exact(EventDate(year, season=season.lower()), approximate=True)
