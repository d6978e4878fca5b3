"""Filters events by topic with the retriever /ask uses: the same query analysis and sentence index."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers import MIN_COVERAGE
from bot.coverage import concept_credits, weighted_coverage
from bot.knowledge.base import KnowledgeBase
from bot.quotes import Quote
from bot.search.normalise import terms
from bot.search.query import analyse
from bot.timeline.models import TimelineEvent

# Share of the topic's meaning an event's quotes and their neighbours must hold: the bar /ask's answer check sets.
MIN_TOPIC_COVERAGE = MIN_COVERAGE


def events_on_topic(knowledge: KnowledgeBase, events: Sequence[TimelineEvent], topic: str) -> list[TimelineEvent]:
    """The events on the topic, in their order, read as /ask reads a question: the same query
    analysis (aliases, spelling) and the same answer check (bot.coverage), over each quote with
    the sentences next to it in its paragraph, as /ask weighs a sentence: "Kim asked for the
    lifting of all economic sanctions" is what the sentence dated Thursday is about."""
    query = analyse(knowledge, topic)
    if query.named_articles:  # "vox", "hanoi according to vox": events a named source tells
        events = [e for e in events if any(q.article.id in query.named_articles for q in _all_quotes(e))]
    if not query.concepts:
        # Only small words ("the", "???"): nothing matches, and saying so beats listing every
        # event under the heading "about 'the'". A source's name alone keeps its events (with a
        # single article the query names none, as there is nothing to choose between).
        return list(events) if query.named_articles or _names_a_source(knowledge, topic) else []
    by_article: dict[str, list[tuple[int, int, int]]] = {}  # article id -> (start, end, sentence)
    for position, sentence in enumerate(knowledge.sentences):
        by_article.setdefault(knowledge.passages[sentence.passage].article_id, []).append((sentence.span.start, sentence.span.end, position))

    def covers(event: TimelineEvent) -> bool:
        present: set[str] = set()
        for quote in _all_quotes(event):
            for start, end, position in by_article.get(quote.article.id, ()):
                if start < quote.end and quote.start < end:
                    present |= _window_terms(knowledge, position)
        if event.curated:
            present |= set(knowledge.aliases.expand(terms(event.title)))
        return weighted_coverage(concept_credits(knowledge, query, frozenset(present))) >= MIN_TOPIC_COVERAGE

    return [event for event in events if covers(event)]


def _window_terms(knowledge: KnowledgeBase, sentence: int) -> frozenset[str]:
    """Terms of a sentence and its neighbours in its paragraph: what /ask weighs a sentence with."""
    passage = knowledge.sentences[sentence].passage
    around = range(max(0, sentence - 1), min(len(knowledge.sentences), sentence + 2))
    return frozenset().union(*(knowledge.sentence_terms[i] for i in around if knowledge.sentences[i].passage == passage))


def _all_quotes(event: TimelineEvent) -> list[Quote]:
    """The event's quotes and those of the other dates sources give it."""
    return [*event.quotes, *(q for other in event.other_dates for q in other.quotes)]


def _names_a_source(knowledge: KnowledgeBase, topic: str) -> bool:
    said = set(knowledge.aliases.expand(terms(topic)))
    return any(said & names for names in knowledge.article_names.values())
