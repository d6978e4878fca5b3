"""The operations behind the commands (ask, timeline, sources, said, compare, reload), over the knowledge being served.

The chat commands that use them are declared in `bot.command_table`; the command line calls
them directly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers import MAX_QUESTION_CHARS, Answer, answer, answer_follow_up, clean_question
from bot.compare import Comparison, compare as compare_outlets
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Article
from bot.knowledge.store import KnowledgeStore, ReloadReport
from bot.quotations.speakers import SpeakerLookup, find_speaker, find_speaker_before_topic
from bot.search.normalise import terms
from bot.search.query import article_word
from bot.timeline.models import TimelineEvent, range_bound
from bot.timeline.relative import MONTH_ABBREVIATIONS, MONTHS, month_number
from bot.timeline.topic import events_on_topic
from bot.what_happened import events_in


def ask(store: KnowledgeStore, question: str, *, frontend: str, earlier_questions: Sequence[str] = (), logged: bool = True) -> Answer:
    """Answer one question on the knowledge base being served right now. `logged`: False for a
    maintainer's `ask --explain`, whose questions are diagnostics, not readers' (walkthrough: three
    tries of one question counted three times in the unanswered report)."""
    knowledge = store.current  # read once: a reload mid-question cannot mix two versions
    if earlier_questions:
        result = answer_follow_up(knowledge, question, list(earlier_questions))
    else:
        result = answer(knowledge, question)
    # Every front end comes through here, so this is the one place questions are logged.
    if not logged:
        return result
    if store.unanswered_log is not None:
        store.unanswered_log.record(result, frontend)
    if store.asked_log is not None:
        store.asked_log.record(result, frontend)
    return result


def sources(store: KnowledgeStore) -> list[Article]:
    return sorted(store.current.articles.values(), key=lambda a: (a.meta.published, a.meta.publisher))


def find_articles(store: KnowledgeStore, text: str) -> list[Article]:
    """The article whose id is text, else every one (oldest first) whose title or publisher
    contains it, whose publisher an alias names ("wapo" in knowledge/aliases.yaml's group of
    "Washington Post"), or whose date starts with it ("2019", "2019-02")."""
    knowledge = store.current
    if text in knowledge.articles:
        return [knowledge.articles[text]]
    needle = text.casefold().strip()
    if not needle:
        return []
    group = knowledge.aliases.group_of(needle)
    return [
        a
        for a in sources(store)
        if needle in a.meta.title.casefold()
        or needle in a.meta.publisher.casefold()
        or (group is not None and group in knowledge.article_names.get(a.id, frozenset()))
        or a.meta.published.isoformat().startswith(needle)
    ]


def timeline(
    store: KnowledgeStore,
    topic: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[TimelineEvent]:
    """The dated events, oldest first, overlapping [date_from, date_to], optionally on a topic."""
    knowledge = store.current  # read once, like ask
    events = list(events_in(knowledge.timeline, date_from or dt.date.min, date_to or dt.date.max))
    topic = clean_question(topic or "")[:MAX_QUESTION_CHARS]  # same limits as a question
    if topic:
        events = events_on_topic(knowledge, events, topic)
    return events


def left_out_by_dates(store: KnowledgeStore, topic: str | None, date_from: dt.date | None, date_to: dt.date | None, found: int) -> int:
    """How many events on the topic the dates left out, when they left none: for the message
    that says so. Zero when something was found, or no topic or no dates were given."""
    if found or not topic or (date_from is None and date_to is None):
        return 0
    return len(timeline(store, topic))


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    topic: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    # The two dates as typed, from the earlier, when they were typed the wrong way round ("2019
    # 2018"): read the right way round, and the reply says so (messages.timeline_dates_swapped).
    swapped: tuple[str, str] | None = None

    def astuple(self) -> tuple[str | None, dt.date | None, dt.date | None]:
        return self.topic, self.date_from, self.date_to


_TYPED_BOUND = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR = re.compile(r"^\d{4}$")
# Words before a date that make it one end of the span: "from 2018 to 2019", "--from 2018" (the
# command line's flags, typed in a chat), "since June 2018", "until 2019" (both ends included).
_FROM_WORDS = frozenset({"from", "--from", "since"})
_TO_WORDS = frozenset({"to", "--to", "until", "till", "through"})
# English's seasons as the months they span (meteorological, northern): "summer 2018" is June to
# August 2018; winter runs into the next year ("winter 2018" is December 2018 to February 2019).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def split_timeline_text(text: str) -> tuple[str | None, str | None, str | None]:
    """`[TOPIC] [DATE] [DATE]` as typed in a chat, as (topic, from, to) still as typed: up to two
    dates at the end — YYYY, YYYY-MM or YYYY-MM-DD, a month or a season and a year ("june 2018",
    "summer 2018") — are the span. One date is both ends (that year, month or day: `/timeline
    2018` is 2018); two are a span. A date after "from"/"since"/"--from" is the start, after
    "to"/"until"/"--to" the end, wherever it stands ("from 2018 to 2019", "pompeo --from 2018").
    The rest is the topic ("talks 2019 2018-06 2019-02" is the topic "talks 2019" from June 2018 to
    February 2019). A word written like a date that is none (2019-13, 2019-02-30) is still a bound,
    so date_range says it is not a date, rather than the timeline looking for it as a word of the
    topic."""
    words = text.split()
    start: str | None = None
    end: str | None = None
    kept: list[str] = []
    position = 0
    while position < len(words):
        word = words[position].casefold()
        read = _date_words(words, position + 1) if word in _FROM_WORDS | _TO_WORDS else None
        if read is None:
            kept.append(words[position])
            position += 1
            continue
        (first, last), used = read
        if word in _FROM_WORDS:
            start = first
        else:
            end = last
        position += 1 + used
    spans: list[tuple[str, str]] = []
    while kept and len(spans) < 2 and (read := _date_words_ending(kept)) is not None:
        spans.insert(0, read[0])
        del kept[-read[1] :]
    if spans:
        start, end = start or spans[0][0], end or spans[-1][1]
    return " ".join(kept) or None, start, end


def _date_words(words: list[str], position: int) -> tuple[tuple[str, str], int] | None:
    """The date the words at `position` say, as the (first, last) bounds it covers, and how many
    words it took: "2018-06" (one), "june 2018" or "summer 2018" (two)."""
    if position >= len(words):
        return None
    if _TYPED_BOUND.match(words[position]):
        return (words[position], words[position]), 1
    if position + 1 >= len(words) or not _YEAR.match(words[position + 1]):
        return None
    name, year = words[position].casefold().strip(","), int(words[position + 1])
    if name.rstrip(".") in MONTHS or name.rstrip(".") in MONTH_ABBREVIATIONS:
        month = f"{year}-{month_number(name):02d}"
        return (month, month), 2
    if name in _SEASONS:
        first, last = _SEASONS[name]
        return (f"{year}-{first:02d}", f"{year + (last < first)}-{last:02d}"), 2
    return None


def _date_words_ending(words: list[str]) -> tuple[tuple[str, str], int] | None:
    """The date the last one or two words say (see _date_words)."""
    for used in (2, 1):
        read = _date_words(words, len(words) - used) if len(words) >= used else None
        if read is not None and read[1] == used:
            return read
    return None


def parse_timeline_text(text: str) -> TimelineQuery:
    """split_timeline_text with the dates read as the days they cover (FROM at its start, TO at its
    end: `2019-02 2019-03` ends on March 31); two dates the wrong way round are read the right way round."""
    topic, start, end = split_timeline_text(text)
    return TimelineQuery(topic, *date_range(start, end), swapped_dates(start, end))


class BadDate(ValueError):
    """A timeline bound that is not a date; `which` is "from" or "to", for the message."""

    def __init__(self, which: str, value: str) -> None:
        super().__init__(f"{which} {value!r} is not a date")
        self.which, self.value = which, value


def date_range(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """FROM and TO as typed (YYYY, YYYY-MM or YYYY-MM-DD) as the first day FROM covers and the
    last day TO covers. Two the wrong way round ("2019 2018") are read the right way round, on
    every front end. Raises BadDate naming the one that is not a date."""
    for which, value in (("from", start), ("to", end)):
        if value and not _is_date(value):
            raise BadDate(which, value)
    if (swapped := swapped_dates(start, end)) is not None:
        start, end = swapped  # nothing can lie between them: "2018-06 2018" is June to December
    return (range_bound(start, end=False) if start else None, range_bound(end, end=True) if end else None)


def swapped_dates(start: str | None, end: str | None) -> tuple[str, str] | None:
    """FROM and TO (valid dates, as typed) the right way round, when they were typed the wrong way
    round: nothing can lie between them, so date_range reads them swapped, and the reply says so
    (a silent swap read as a span other than the one typed). None when they are in order, or one
    is missing."""
    if start and end and range_bound(start, end=False) > range_bound(end, end=True):
        return end, start
    return None


def _is_date(word: str) -> bool:
    try:
        range_bound(word, end=False)
    except ValueError:
        return False  # 2019-02-30: not a date, so a word of the topic
    return True


def said(store: KnowledgeStore, name: str | None = None) -> SpeakerLookup:
    """A speaker's quotations (any unambiguous part of the name); with no name, or one that fits
    several or none, the candidates: every speaker, the ones it fits, or the closest names."""
    knowledge = store.current  # read once, like ask: a reload's new speakers show from the next call
    name = clean_question(name or "")[:MAX_QUESTION_CHARS]
    if not name:
        return SpeakerLookup(None, knowledge.speakers)
    lookup = find_speaker(knowledge.speakers, name, knowledge.aliases)
    if lookup.speaker is not None or lookup.ambiguous:
        return lookup
    # "/said rusten sanctions": a name and a topic. The name's quotations, with a pointer to /ask
    # for the topic, beat "no one called 'rusten sanctions'" (a new user's first try, walkthrough).
    return find_speaker_before_topic(knowledge.speakers, name, knowledge.aliases, lambda word: _said_in_articles(knowledge, word)) or lookup


def _said_in_articles(knowledge: KnowledgeBase, word: str) -> bool:
    """Whether the articles use the word (every term it makes; a small word makes none)."""
    word_terms = terms(word)
    return bool(word_terms) and all(article_word(knowledge, term) for term in word_terms)


def compare(store: KnowledgeStore, topic: str) -> Comparison:
    """Each outlet's best quotes on the topic, and the outlets with nothing on it."""
    return compare_outlets(store.current, topic)


def reload(store: KnowledgeStore, *, logged: bool = True) -> ReloadReport:
    """Rebuild the knowledge from its folder and swap it in; for /reload (admins only: bot.command_table checks).
    `logged`: False when the reply is shown where the log goes. One asked for while another reload
    runs says so at once rather than waiting for it, and that one rebuilds again when it ends."""
    return store.reload(logged=logged, wait=False)
