"""The outlets side by side (`compare`): each publisher's best quotes on a topic, and who has nothing.

Each outlet is answered on its own articles with the answer pipeline's ranking and answer check
(bot.answers.answer_of_outlet): an outlet whose best passage does not answer the topic is
listed as having nothing on it rather than quoted loosely, unless the whole folder's answer to the
topic quotes it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.answers import Answer, Declined, WholeRankings, answer, answer_of_outlet
from bot.compare_sources import missing_outlets
from bot.knowledge.base import KnowledgeBase, publisher_name
from bot.quotes import Quote
from bot.search.speaker_frame import without_opening_about
from bot.timeline.models import TimelineEvent
from bot.timeline.topic import events_on_topic, events_titled

# Side by side, two quotes an outlet are enough to show its take; more crowds the others out.
MAX_QUOTES_PER_OUTLET = 2


@dataclass(frozen=True)
class OutletQuotes:
    publisher: str
    answer: Answer  # answered, from this outlet's articles only

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.answer.quotes[:MAX_QUOTES_PER_OUTLET]


@dataclass(frozen=True)
class Comparison:
    topic: str
    outlets: tuple[OutletQuotes, ...] = ()  # best answering first
    no_coverage: tuple[str, ...] = ()  # publishers with nothing on the topic, by name
    # Events on the topic that the outlets date differently (bot.timeline's other_dates).
    date_differences: tuple[TimelineEvent, ...] = ()
    declined: Declined | None = None  # the topic itself cannot be compared: empty, too long, no articles
    no_articles: tuple[str, ...] = ()  # outlets the topic names that no article is from, as typed (bot.compare_sources)

    @property
    def compared(self) -> bool:
        return self.declined is None


def outlets(knowledge: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Publisher (sections aside: "The Washington Post") -> the ids of its articles."""
    ids: dict[str, set[str]] = defaultdict(set)
    for article in knowledge.articles.values():
        ids[publisher_name(article)].add(article.id)
    return {publisher: frozenset(articles) for publisher, articles in sorted(ids.items())}


def compare(knowledge: KnowledgeBase, topic: str) -> Comparison:
    # "what did Reuters say about Hanoi" with no Reuters article: say so, and compare the outlets
    # there are on Hanoi (the unknown name left in made every outlet's answer look off-topic).
    missing = missing_outlets(knowledge, topic)
    no_articles = missing.names if missing is not None else ()
    # "about sanctions" (or "abt sanctions") is compared on sanctions, read as an outlet question's topic is.
    asked = missing.topic if missing is not None else without_opening_about(topic)
    # Each outlet keeps its sentences in the whole folder's order (as /ask ranks them): ranked once.
    whole_rankings: WholeRankings = {}
    whole = answer(knowledge, asked, whole_rankings=whole_rankings)
    if whole.declined in (Declined.EMPTY, Declined.TOO_LONG, Declined.NO_ARTICLES, Declined.SMALL_TALK):
        return Comparison(whole.question, declined=whole.declined, no_articles=no_articles)
    answered: list[OutletQuotes] = []
    nothing: list[str] = []
    titled = events_titled(knowledge, whole.question)
    for publisher, ids in outlets(knowledge).items():
        result = answer_of_outlet(knowledge, asked, ids, whole, whole_rankings)
        if not result.answered:
            result = _from_events(whole.question, titled, ids)
        if result.answered:
            answered.append(OutletQuotes(publisher, result))
        else:
            nothing.append(publisher)
    answered.sort(key=lambda outlet: -outlet.answer.quotes[0].score)
    return Comparison(whole.question, tuple(answered), tuple(nothing), _dated_differently(knowledge, whole.question) if answered else (), no_articles=no_articles)


def _from_events(topic: str, events: list[TimelineEvent], ids: frozenset[str]) -> Answer:
    """An outlet's quotes backing the timeline entries named by the topic ("Trump and Kim meet at
    the Singapore summit" for "singapore summit"), as its answer when its ranking had none: a
    quote that says "last June" tells of the summit though it never names it."""
    quotes = tuple(dict.fromkeys(quote for event in events for quote in event.quotes if quote.article.id in ids))
    return Answer(topic, quotes=quotes) if quotes else Answer(topic, declined=Declined.NOT_COVERED)


def _dated_differently(knowledge: KnowledgeBase, topic: str) -> tuple[TimelineEvent, ...]:
    disputed = [event for event in knowledge.timeline if event.other_dates and not event.announced]
    return tuple(events_on_topic(knowledge, disputed, topic)) if disputed else ()


def date_readings(event: TimelineEvent) -> list[tuple[str, list[str]]]:
    """Each date the sources give an event, with the publishers that give it, the event's own first."""
    readings = [(event.date.label(event.approximate), _publishers(event.quotes))]
    readings.extend((other.date.label(other.approximate), _publishers(other.quotes)) for other in event.other_dates)
    return readings


def _publishers(quotes: tuple[Quote, ...]) -> list[str]:
    return list(dict.fromkeys(publisher_name(q.article) for q in quotes))
