"""Filters events by topic with the retrieval /ask uses: the same query analysis, rankers (words
and the meaning signal), fusion and answer check, over the sentences each event quotes."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers import PIPELINE, points_back, rank_sentences, similarity_of
from bot.coverage import concept_credits, weighted_coverage
from bot.knowledge.base import KnowledgeBase
from bot.quotes import Quote
from bot.ranking.answer_check import Evidence
from bot.search.normalise import terms
from bot.search.query import Query, analyse
from bot.search.title_context import title_terms
from bot.ranking.fusion import Fused
from bot.ranking.protocol import Ranking
from bot.ranking.semantic import question_vectors
from bot.timeline.models import AskedEvent, TimelineEvent


def events_on_topic(knowledge: KnowledgeBase, events: Sequence[TimelineEvent], topic: str) -> list[TimelineEvent]:
    """The events on the topic, in their order, read as /ask reads a question: the same query
    analysis (aliases, spelling), rankers and fusion, and the same answer check. The event's
    evidence is its best sentence by the fused ranking (its similarity to the topic) and the
    coverage of its quotes with the sentence after each in its paragraph (and the one before when
    the quote points back at it): "Kim asked for the lifting of all economic sanctions" is what
    the sentence dated Thursday is about. A topic said in other words than the articles' is
    found by its meaning."""
    query = analyse(knowledge, topic)
    if query.named_articles:  # "vox", "hanoi according to vox": events a named source tells
        events = [e for e in events if any(q.article.id in query.named_articles for q in _all_quotes(e))]
    if not query.concepts:
        # Only small words ("the", "???"): nothing matches, and saying so beats listing every
        # event under the heading "about 'the'". A source's name alone keeps its events (with a
        # single article the query names none, as there is nothing to choose between).
        return list(events) if query.named_articles or _names_a_source(knowledge, topic) else []
    reading = _TopicReading(knowledge, query, *rank_sentences(knowledge, topic, query))
    return [event for event in events if reading.on_topic(event)]


def event_asked_about(
    knowledge: KnowledgeBase,
    question: str,
    query: Query,
    rankings: list[Ranking],
    ranked: Sequence[Fused],
    *,
    coverage_needed: float = 0.0,
    to_the_day: bool = False,
) -> AskedEvent | None:
    """The timeline event a question asking when something happened is about, found with the
    question's own rankings (`ranked`: its fused order) as the topic filter finds events.

    An event's own quotes and title must pass the answer check by themselves, without the
    sentences around them that put it on the topic, and hold at least `coverage_needed` of the
    question (the answer's: as much as the passage it was accepted on). An event only near what is
    asked is no answer to when it happened: "when did kim say he would denuclearise?" is not
    "Trump commits to a summit with Kim Jong Un", whose quotes name Kim and mean much the same but
    say nothing of denuclearising. Of those, the one whose name says most of what is asked leads (a curated
    title is its curator's name for it: "Trump and Kim meet at the Singapore summit" for "when did
    trump and kim first meet?"); among names saying as much, the one nearer in meaning, by its
    title and its best quote ("Trump commits to a summit with Kim Jong Un" names as much, and its
    quote "Trump's first negotiating mistake was giving away … a presidential meeting" holds more
    of the question's words, but means less of it); then whose quotes say most; then whose best
    quote ranks higher. `to_the_day`: the question asks for a day ("on what date …?"), which an
    event the timeline dates only to its month or year does not tell. None when no event passes,
    or the one that leads does not tell what is asked."""
    if not query.concepts:
        return None
    reading = _TopicReading(knowledge, query, rankings, ranked)
    named = _title_meanings(question, [event for event in knowledge.timeline if reading.on_topic(event)], rankings)
    best: tuple[tuple[float, float, float, float], AskedEvent] | None = None
    for event, meaning in named:
        own = reading.quoted(_all_quotes(event))
        # As the answer's coverage reads its best passage: with its article's title, what the whole article is about.
        articles = {quote.article.id: quote.article for quote in _all_quotes(event)}.values()
        context = set().union(*(title_terms(article.meta.title, knowledge.aliases) for article in articles))
        present = set().union(*(knowledge.sentence_terms[position] for position in own)) | _title_terms(knowledge, event.title) | context
        coverage = weighted_coverage(concept_credits(knowledge, query, frozenset(present)))
        lead = max(own, key=reading.order, default=None)
        similarity = None if lead is None else similarity_of(rankings, lead)
        if coverage < coverage_needed - _SAME_COVERAGE or not PIPELINE.check.answers(Evidence(coverage, similarity, typed_answer_found=True, has_topic=True)):
            continue
        # The quote shown backs the date shown: one of the event's own quotes, the best ranked.
        quote = max(event.quotes, key=lambda q: max((reading.order(p) for p in reading.quoted([q])), default=(0.0, 0.0)), default=None)
        if quote is None:
            continue
        title = weighted_coverage(concept_credits(knowledge, query, frozenset(_title_terms(knowledge, event.title))))
        key = (title, meaning + (similarity or 0.0), coverage, reading.order(lead)[0] if lead is not None else 0.0)
        if best is None or key > best[0]:
            best = (key, AskedEvent(event, quote))
    if best is None or (to_the_day and best[1].event.precision != "day"):
        return None  # not another event in its place: "the exact date of the Singapore summit" is not Hanoi's
    return best[1]


# Coverages computed from the same concepts' weights: equal up to the floats' rounding.
_SAME_COVERAGE = 1e-9


def _title_meanings(question: str, events: list[TimelineEvent], rankings: list[Ranking]) -> list[tuple[TimelineEvent, float]]:
    """Each event and its title's cosine with the question, by the meaning signal when it runs
    (0.0 for all without it): the titles are encoded in one pass."""
    if not events or similarity_of(rankings, 0) is None:
        return [(event, 0.0) for event in events]
    asked, *titles = question_vectors((question, *(event.title for event in events)))
    return [(event, float(asked @ title)) for event, title in zip(events, titles, strict=True)]


class _TopicReading:
    """One question's (or topic's) rankings read for the timeline's events: whether an event is on
    its topic, and which of an event's sentences rank best for it."""

    def __init__(self, knowledge: KnowledgeBase, query: Query, rankings: list[Ranking], fused: Sequence[Fused]) -> None:
        self._knowledge, self._query, self._rankings = knowledge, query, rankings
        self._fused_score = {candidate.sentence: candidate.score for candidate in fused}
        self._by_article: dict[str, list[tuple[int, int, int]]] = {}  # article id -> (start, end, sentence)
        for position, sentence in enumerate(knowledge.sentences):
            self._by_article.setdefault(knowledge.passages[sentence.passage].article_id, []).append((sentence.span.start, sentence.span.end, position))

    def quoted(self, quotes: Sequence[Quote]) -> set[int]:
        """The sentences the quotes overlap."""
        return {position for quote in quotes for start, end, position in self._by_article.get(quote.article.id, ()) if start < quote.end and quote.start < end}

    def order(self, position: int) -> tuple[float, float]:
        """A sentence's place in the ranking: its fused score, then its similarity to what is asked."""
        return self._fused_score.get(position, 0.0), similarity_of(self._rankings, position) or 0.0

    def on_topic(self, event: TimelineEvent) -> bool:
        knowledge, query = self._knowledge, self._query
        # A curated entry is named by its curator: a title that says all the topic does ("Trump
        # and Kim meet at the DMZ" for "dmz", an alias of it too) puts it on the topic even when
        # no article sentence uses the word.
        if event.curated and _says_all_of(knowledge, query, event.title):
            return True
        # The quoted sentences and their neighbours in their paragraphs.
        around = set().union(*(_window(knowledge, position) for position in self.quoted(_all_quotes(event))))
        present = set().union(*(knowledge.sentence_terms[position] for position in around))
        if event.curated:
            present |= _title_terms(knowledge, event.title)
        coverage = weighted_coverage(concept_credits(knowledge, query, frozenset(present)))
        best = max(around, key=self.order, default=None)
        similarity = None if best is None else similarity_of(self._rankings, best)
        return PIPELINE.check.answers(Evidence(coverage, similarity, typed_answer_found=True, has_topic=True))


def events_titled(knowledge: KnowledgeBase, topic: str) -> list[TimelineEvent]:
    """The curated events whose title says all the topic does (in its words or an alias of them):
    their curator named them so, and each of their quotes tells of the topic whatever words it
    uses ("last June" for "the Singapore summit")."""
    query = analyse(knowledge, topic)
    if not query.concepts:
        return []
    return [event for event in knowledge.timeline if event.curated and _says_all_of(knowledge, query, event.title)]


def _title_terms(knowledge: KnowledgeBase, title: str) -> set[str]:
    return set(knowledge.aliases.expand(terms(title)))


def _says_all_of(knowledge: KnowledgeBase, query: Query, title: str) -> bool:
    """Whether the title holds every concept of the topic, in its words or an alias of them."""
    credits = concept_credits(knowledge, query, frozenset(_title_terms(knowledge, title)))
    return all(credit.credit >= 1.0 for credit in credits)


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


def _all_quotes(event: TimelineEvent) -> list[Quote]:
    """The event's quotes and those of the other dates sources give it."""
    return [*event.quotes, *(q for other in event.other_dates for q in other.quotes)]


def _names_a_source(knowledge: KnowledgeBase, topic: str) -> bool:
    said = set(knowledge.aliases.expand(terms(topic)))
    return any(said & names for names in knowledge.article_names.values())
