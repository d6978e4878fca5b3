"""Filters events by topic with the retriever /ask uses: the same query analysis and sentence index."""

from __future__ import annotations

from collections.abc import Sequence

from bot.coverage import concept_found, concept_weight
from bot.knowledge.base import KnowledgeBase
from bot.quotes import Quote
from bot.search.normalise import terms
from bot.search.query import analyse
from bot.timeline.models import TimelineEvent

# Share of the topic's meaning (weighed as /ask's coverage) an event's quotes must hold.
MIN_TOPIC_COVERAGE = 0.5


def events_on_topic(knowledge: KnowledgeBase, events: Sequence[TimelineEvent], topic: str) -> list[TimelineEvent]:
    """The events whose quoted sentences (or curated title) match the topic, in their order."""
    query = analyse(knowledge, topic)
    if query.named_articles:  # "vox", "hanoi according to vox": events a named source tells
        events = [e for e in events if any(q.article.id in query.named_articles for q in _all_quotes(e))]
    if not query.concepts:
        # Only small words ("the", "???"): nothing matches, and saying so beats listing every
        # event under the heading "about 'the'". A source's name alone keeps its events (with a
        # single article the query names none, as there is nothing to choose between).
        return list(events) if query.named_articles or _names_a_source(knowledge, topic) else []
    # Sentences holding each concept, straight from the index postings (aliases and typos included).
    holding = [
        {i for i, present in enumerate(knowledge.sentence_terms) if concept_found(concept, present)} for concept in query.concepts
    ]
    weights = [concept_weight(knowledge, concept) for concept in query.concepts]
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for position, sentence in enumerate(knowledge.sentences):
        article_id = knowledge.passages[sentence.passage].article_id
        by_article.setdefault(article_id, []).append((sentence.span.start, sentence.span.end, position))

    def covers(event: TimelineEvent) -> bool:
        positions = {
            position
            for quote in _all_quotes(event)
            for start, end, position in by_article.get(quote.article.id, ())
            if start < quote.end and quote.start < end
        }
        title_terms = set(knowledge.aliases.expand(terms(event.title))) if event.curated else set()
        found = sum(
            weight
            for concept, sentences, weight in zip(query.concepts, holding, weights)
            if sentences & positions or concept_found(concept, title_terms)
        )
        return found >= MIN_TOPIC_COVERAGE * sum(weights)

    return [event for event in events if covers(event)]


def _all_quotes(event: TimelineEvent) -> list[Quote]:
    """The event's quotes and those of the other dates sources give it."""
    return [*event.quotes, *(q for other in event.other_dates for q in other.quotes)]


def _names_a_source(knowledge: KnowledgeBase, topic: str) -> bool:
    said = set(knowledge.aliases.expand(terms(topic)))
    return any(said & names for names in knowledge.article_names.values())
