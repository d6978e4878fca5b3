"""Filters events by topic with the retrieval /ask uses: the same query analysis, rankers (words
and the meaning signal), fusion and answer check, over the sentences each event quotes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.answers import PIPELINE, points_back, rank_sentences, similarity_of
from bot.coverage import concept_credits, credits_in_text, weighted_coverage
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.indexing import index_terms
from bot.quotes import Quote
from bot.ranking.answer_check import Evidence
from bot.search.query import Query, analyse
from bot.timeline.found import names_a_time
from bot.timeline.models import EventDate, TimelineEvent


def events_on_topic(knowledge: KnowledgeBase, events: Sequence[TimelineEvent], topic: str) -> list[TimelineEvent]:
    """The events on the topic, in their order, read as /ask reads a question: the same query
    analysis (aliases, spelling), rankers and fusion, and the same answer check. The event's
    evidence is its best sentence by the fused ranking (its similarity to the topic) and the
    coverage of its quotes with the sentence after each in its paragraph while it stays at the
    event's time (_another_time), and the one before when the quote points back at it: "Kim asked
    for the lifting of all economic sanctions" is what the sentence dated Thursday is about. A topic said in other words than the articles' is
    found by its meaning."""
    query = analyse(knowledge, topic)
    if query.named_articles:  # "vox", "hanoi according to vox": events a named source tells
        events = [e for e in events if any(q.article.id in query.named_articles for q in _all_quotes(e))]
    if not query.concepts:
        # Only small words ("the", "???"): nothing matches, and saying so beats listing every
        # event under the heading "about 'the'". A source's name alone keeps its events (with a
        # single article the query names none, as there is nothing to choose between).
        return list(events) if query.named_articles or _names_a_source(knowledge, topic) else []
    rankings, fused = rank_sentences(knowledge, topic, query)
    fused_score = {candidate.sentence: candidate.score for candidate in fused}
    dated = _sentence_dates(knowledge, knowledge.timeline)

    def on_topic(event: TimelineEvent) -> bool:
        # A curated entry is named by its curator: a title that says all the topic does ("Trump
        # and Kim meet at the DMZ" for "dmz", an alias of it too) puts it on the topic even when
        # no article sentence uses the word.
        if event.curated and _says_all_of(knowledge, query, event.title):
            return True
        own = _quoted_sentences(knowledge, _all_quotes(event))
        dates = _dates_of(event)
        around: set[int] = set(own)  # the quoted sentences and their neighbours in their paragraphs
        for position in own:
            # The sentence after tells more of the event only when it stays at the event's time; the
            # one before is taken only when the quote points back at it (_window), whatever its time.
            around |= {n for n in _window(knowledge, position) if n <= position or n in own or not _another_time(knowledge, n, dated.get(n), dates)}
        present = set().union(*(knowledge.sentence_terms[position] for position in around))
        if event.curated:
            present.update(index_terms(event.title, knowledge.aliases))
        coverage = weighted_coverage(concept_credits(knowledge, query, frozenset(present)))
        best = max(around, key=lambda position: (fused_score.get(position, 0.0), similarity_of(rankings, position) or 0.0), default=None)
        similarity = None if best is None else similarity_of(rankings, best)
        return PIPELINE.check.answers(Evidence(coverage, similarity, typed_answer_found=True, has_topic=True))

    return [event for event in events if on_topic(event)]


def events_titled(knowledge: KnowledgeBase, topic: str) -> list[TimelineEvent]:
    """The curated events whose title says all the topic does (in its words or an alias of them):
    their curator named them so, and each of their quotes tells of the topic whatever words it
    uses ("last June" for "the Singapore summit")."""
    query = analyse(knowledge, topic)
    if not query.concepts:
        return []
    return [event for event in knowledge.timeline if event.curated and _says_all_of(knowledge, query, event.title)]


def _says_all_of(knowledge: KnowledgeBase, query: Query, title: str) -> bool:
    """Whether the title holds every concept of the topic, in its words or an alias of them."""
    return all(credit.credit >= 1.0 for credit in credits_in_text(knowledge, query, title))


def _window(knowledge: KnowledgeBase, sentence: int) -> set[int]:
    """A dated sentence and the one after it in its paragraph, which tells more of the same
    event ("The talks collapsed on Thursday. Kim had asked for the lifting of all sanctions."). The
    one before only when the dated sentence points back at it ("He …", "That …", "Yet …", as /ask's
    quotes start there): otherwise it leads in from elsewhere, and the event is not about it
    ("Hanoi was anything but. Trump appointed Biegun as envoy six months ago" is not about Hanoi)."""
    passage = knowledge.sentences[sentence].passage
    span = knowledge.sentences[sentence].span
    first = sentence - 1 if points_back(knowledge.article_of(passage).body[span.start : span.end]) else sentence
    around = range(max(0, first), min(len(knowledge.sentences), sentence + 2))
    return {i for i in around if knowledge.sentences[i].passage == passage}


def _quoted_sentences(knowledge: KnowledgeBase, quotes: Iterable[Quote]) -> set[int]:
    """The sentences (positions in knowledge.sentences) the quotes overlap."""
    sentences = knowledge.sentences
    return {
        position
        for quote in quotes
        for position in knowledge.sentences_of_article.get(quote.article.id, ())
        if sentences[position].span.start < quote.end and quote.start < sentences[position].span.end
    }


def _another_time(knowledge: KnowledgeBase, sentence: int, its_dates: set[EventDate] | None, event_dates: set[EventDate]) -> bool:
    """Whether a sentence after an event's quote tells of another time than the event's, and so
    says nothing of what the event is about: one the timeline dates on another date ("The council
    approved the budget on Monday. Its chair had resigned in May over a port deal." is not about
    the port), or one naming a time the timeline dates no event on ("She helped negotiate the
    1998 treaty. And while she says the quarrel may have peaked last summer, when the harbour was
    blockaded, …": the 1998 event is not about the harbour). A time of the event's own day ("At a
    briefing that afternoon, …") is dated with it, so it stays."""
    if its_dates is not None:
        return not its_dates & event_dates
    span = knowledge.sentences[sentence].span
    return names_a_time(knowledge.article_of(knowledge.sentences[sentence].passage).body, span.start, span.end)


def _dates_of(event: TimelineEvent) -> set[EventDate]:
    """The dates the event's sources give it."""
    return {event.date, *(other.date for other in event.other_dates)}


def _sentence_dates(knowledge: KnowledgeBase, events: Iterable[TimelineEvent]) -> dict[int, set[EventDate]]:
    """Each sentence an event quotes (announced plans included) with the dates the events give it."""
    dated: dict[int, set[EventDate]] = {}
    for event in events:
        for quote_set, date in ((event.quotes, event.date), *((other.quotes, other.date) for other in event.other_dates)):
            for position in _quoted_sentences(knowledge, quote_set):
                dated.setdefault(position, set()).add(date)
    return dated


def _all_quotes(event: TimelineEvent) -> list[Quote]:
    """The event's quotes and those of the other dates sources give it."""
    return [*event.quotes, *(q for other in event.other_dates for q in other.quotes)]


def _names_a_source(knowledge: KnowledgeBase, topic: str) -> bool:
    said = set(index_terms(topic, knowledge.aliases))
    return any(said & names for names in knowledge.article_names.values())
