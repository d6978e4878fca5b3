"""Questions that ask only what happened at a time: "what happened in March 2018?", "anything happen
on February 27, 2019?", "news from October 2018".

Such a question names nothing to look for but its time, so the ranking can only match the time's
words and quotes loosely related sentences, while the timeline (bot.timeline) holds exactly the
dated events of that time. A question is one of these when, the time taken out, every word left is
a small word (bot.search.normalise's stop words: "what", "did", "anything", "in") or a verb or noun
of happening; any other word ("Pompeo", "summit", "sanctions") makes it a question about that, for
the ranking as before. Nothing here knows a story: the words are English's for "something happened".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.search.normalise import terms_of_words, words
from bot.timeline.asked_time import AskedTime
from bot.timeline.models import EventDate, TimelineEvent

# Chat front ends show this many events (Discord's /timeline page), then point to /timeline for the rest.
EVENTS_SHOWN = 5
# English's words for "something happened" (happen and its forms are stop words already; "go on"
# is "go", whose "on" is a stop word): their index terms, so every inflection counts.
HAPPENING_TERMS = frozenset(terms_of_words(words("happen occur go went gone news event events")))


@dataclass(frozen=True, slots=True)
class WhatHappened:
    """A question asking only what happened in `time`, and the timeline's events in it."""

    time: AskedTime
    events: tuple[TimelineEvent, ...]

    @property
    def shown(self) -> tuple[TimelineEvent, ...]:
        """The events a chat message shows (the rest are counted and left to /timeline)."""
        return self.events[:EVENTS_SHOWN]

    @property
    def when(self) -> str:
        """The time with its preposition: "in March 2018", "on February 27, 2019", "from March 2018 to February 2019"."""
        first, last = _ends(self.time)
        if first != last:
            return f"from {time_label(self.time)}"
        return f"{'on' if first.day is not None else 'in'} {time_label(self.time)}"

    @property
    def timeline_arguments(self) -> str:
        """The time as /timeline's FROM and TO ("2018-03", "2018-03 2019-02")."""
        first, last = _ends(self.time)
        return first.iso() if first == last else f"{first.iso()} {last.iso()}"


def time_label(time: AskedTime) -> str:
    """The time as a reply writes it: "2018", "March 2018", "February 27, 2019", or its two ends
    ("March 2018 to February 2019"), however the question wrote it ("mar 2018")."""
    first, last = _ends(time)
    return first.label() if first == last else f"{first.label()} to {last.label()}"


def _ends(time: AskedTime) -> tuple[EventDate, EventDate]:
    """The time as one year, month or day when it is one (the same date twice), else its first and
    last day each as a whole month where it is one ("March 2018", "February 2019")."""
    first, last = time.first, time.last
    for whole in (EventDate(first.year), EventDate(first.year, first.month), EventDate(first.year, first.month, first.day)):
        if (whole.first_day(), whole.last_day()) == (first, last):
            return whole, whole
    month_of_first, month_of_last = EventDate(first.year, first.month), EventDate(last.year, last.month)
    start = month_of_first if month_of_first.first_day() == first else EventDate(first.year, first.month, first.day)
    end = month_of_last if month_of_last.last_day() == last else EventDate(last.year, last.month, last.day)
    return start, end


# Closed classes of English: prepositions ordering one time after another, negations, question
# words other than "what".
_REASKS = re.compile(
    r"\b(?:before|after|since|until|till|prior|following|by|not|never|no|n['’]t|who|whom|whose|where|when|why|how|which)\b|n['’]t\b",
    re.IGNORECASE,
)


def asks_only_what_happened(question: str, asked: Sequence[AskedTime]) -> AskedTime | None:
    """The one time the question asks about when it asks nothing else, else None."""
    if len(asked) != 1:
        return None
    time = asked[0]
    rest = re.sub(re.escape(time.said), " ", question, count=1, flags=re.IGNORECASE)
    if rest == question:
        return None
    # Stop words pass as the question's frame ("what happened in …"), but not those that change what
    # is asked: an order in time ("before", "since"), a negation, or another question word ("who",
    # "how many"): those questions go on to the rankers.
    if _REASKS.search(rest):
        return None
    left = set(terms_of_words(words(rest))) - HAPPENING_TERMS
    return time if not left else None


def events_in(timeline: Iterable[TimelineEvent], first: dt.date, last: dt.date) -> tuple[TimelineEvent, ...]:
    """The events that overlap the days first to last, in the timeline's order (oldest first)."""
    return tuple(e for e in timeline if (e.end or e.date).last_day() >= first and e.date.first_day() <= last)


def dated_then(timeline: Iterable[TimelineEvent], time: AskedTime) -> tuple[TimelineEvent, ...]:
    """The events some source dates within the time asked, in the timeline's order: by the event's
    own date (or span), or by another source's date of it (the summit one article dates February 28
    and another February 27 is listed for either day). A date is within the time when all of it is:
    an event dated only "about February 2019" may not have been on February 27, so it is no answer
    to "on February 27", while one of several days is when it starts, ends or runs through the time."""

    def within(date: EventDate) -> bool:
        return date.first_day() >= time.first and date.last_day() <= time.last

    def then(date: EventDate, end: EventDate | None) -> bool:
        if end is None:
            return within(date)
        return within(date) or within(end) or (date.first_day() <= time.first and end.last_day() >= time.last)

    return tuple(event for event in timeline if then(event.date, event.end) or any(within(other.date) for other in event.other_dates))


def what_happened(question: str, asked: Sequence[AskedTime], timeline: Iterable[TimelineEvent]) -> WhatHappened | None:
    """The time the question asks only about and its events (none is an answer too), else None."""
    time = asks_only_what_happened(question, asked)
    if time is None:
        return None
    return WhatHappened(time, dated_then(timeline, time))
