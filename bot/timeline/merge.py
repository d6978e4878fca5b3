"""Merges curated entries and found mentions into events: curated wins, the same event is folded once.

"The same event" is decided by one general rule, never by naming events: the dates must agree
(their windows overlap, widened when a date is approximate) or be close enough to be two
reports of one day ("Thursday" vs "early Wednesday morning"), and the words around them must
overlap, weighted by how rare each word is in the articles. A mention inside a curated quote's
own text needs no word evidence. Close but different dates are kept as `other_dates`, each with
its sources, so a reader sees the disagreement instead of a silent choice.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from bot.knowledge.models import Article
from bot.quotes import Quote
from bot.search.normalise import terms
from bot.timeline.found import Mention
from bot.timeline.merge_memory import Decided, DraftId, MergeMemory, MergeRecord, Replay
from bot.timeline.models import DatedSource, EventDate, Precision, TimelineEvent

# An approximate date ("six months ago") agrees with any date this close to it.
APPROXIMATE_SLACK = dt.timedelta(days=31)
# Two exact dates this far apart can still be one event told from two time zones or two days.
CONFLICT_GAP = dt.timedelta(days=3)
# Share of a mention's word weight (IDF) that must also describe the event.
AGREEING_OVERLAP = 0.3
CONFLICTING_OVERLAP = 0.35  # a different date needs more evidence that it is the same event
# A date of another precision ("early July" beside "July 6") agrees with every day inside it, so the
# words alone must show the mentions tell one event: most of the mention's word weight, not a third.
COARSER_OVERLAP = 0.5
# The least share any agreement of dates asks for (_agreement): a mention sharing less of its word
# weight with the whole event than this matches none of the event's sources.
LEAST_OVERLAP = min(AGREEING_OVERLAP, CONFLICTING_OVERLAP, COARSER_OVERLAP)
# _match's score: a share of word weight (at most 1) plus how closely the dates agree, so that the
# same date wins over a vaguer or a nearby one before the words are weighed. A sentence of two dates
# ("On 5 August, in response to two launches in July, …") gives two mentions of the same words:
# another article's "Aug. 5" must join the first, not the July one found earlier.
SAME_DATE, SAME_PRECISION = 2.0, 1.0
QUOTED = 4.0
# One shared word is chance (Snowball stems "relative" and "relations" alike); two is a topic.
MIN_SHARED_TERMS = 2

Concepts = Callable[[Sequence[str]], frozenset[str]]
Weight = Callable[[str], float]
Agreement = Callable[["_SourceDate", "_SourceDate"], "tuple[float, float] | None"]


@dataclass
class _Source:
    date: EventDate
    approximate: bool
    first: dt.date
    last: dt.date
    quote: Quote
    extent: tuple[EventDate, EventDate] | None = None
    window: tuple[int, int] = field(init=False)  # the days (ordinals) the date can mean, worked out once
    quarters: range = field(init=False)  # the quarters the date can reach (_Index), worked out once
    looking_slots: tuple[int, ...] = field(init=False)  # where _Index files the drafts it may join
    dated: _SourceDate = field(init=False)  # what _agreement compares of it

    def __post_init__(self) -> None:
        self.window, self.quarters = _reach(self.first, self.last, self.approximate)
        self.looking_slots = _Index.looking_slots(self.quarters)
        self.dated = _SourceDate(self.date.precision, self.approximate, self.window)


@dataclass
class _Draft:
    """An event being assembled: its first source fixes the date it is compared by."""

    title: str
    curated: bool
    date: EventDate
    approximate: bool
    first: dt.date
    last: dt.date
    terms: set[str]  # every word of its sources: what the index files it under
    quotes: list[Quote] = field(default_factory=list)  # the curated quotes
    # Each source's own words (a curated event's title and quotes being one), filed by the source's
    # date. A mention is weighed against its closest source, not against the union, which grows
    # with every mention taken, so that a year-long event of many sources would take nearly any
    # mention of that year sharing two words (seen: one "2017" event of 1,119 mentions at 3,000
    # synthetic articles); and it must agree with the date of the source it is weighed against,
    # not only with the event's first source (a year-long first source let every day of that year
    # in, by way of any later source of another day). Filed by date, the agreement is worked out
    # once for every source of one date (_score).
    words_by_date: dict[_SourceDate, list[frozenset[str]]] = field(default_factory=dict)
    found: list[_Source] = field(default_factory=list)
    dates_by_article: dict[str, set[EventDate]] = field(default_factory=dict)  # of the found sources and curated quotes (_quoted_dates)
    window: tuple[int, int] = field(init=False)  # its date's days (ordinals): compared with every candidate
    quarters: range = field(init=False)  # the quarters its date can reach (_Index)
    filing_slots: tuple[int, ...] = field(init=False)  # where _Index files it under each of its words

    def __post_init__(self) -> None:
        self.window, self.quarters = _reach(self.first, self.last, self.approximate)
        self.filing_slots = _Index.filing_slots(self.quarters)

    def take(self, source: _Source, article_id: str, words: frozenset[str]) -> None:
        self.found.append(source)
        self.dates_by_article.setdefault(article_id, set()).add(source.date)
        self.terms |= words
        self.add_words(source.dated, words)

    def add_words(self, dated: _SourceDate, words: frozenset[str]) -> None:
        """One source's words, under its date."""
        same_date = self.words_by_date.get(dated)
        if same_date is None:
            self.words_by_date[dated] = [words]
        else:
            same_date.append(words)


class _SourceDate(NamedTuple):
    """What _match compares of a source's date: its precision and the days it can mean (a tuple:
    hashed in C, as the drafts' sources are filed by it)."""

    precision: Precision
    approximate: bool
    window: tuple[int, int]


@dataclass(frozen=True)
class _Mentioned:
    """What merging needs of one mention, worked out once: its words, their weights, its article."""

    source: _Source
    article_id: str
    words: frozenset[str]
    weights: dict[str, float]
    total: float


class _Index:
    """Drafts filed under each of their words and each quarter their date could reach, so that a
    mention is compared only with events of nearby dates that share at least two of its words
    (or, for curated events, that quote it): merging stays near-linear in the number of mentions.
    Filed by word first: most of a mention's words name no draft yet, and are passed over with one
    look-up instead of one per quarter (a year's date reaches five).

    Under a word, a draft is filed once under the quarter its date's reach starts in and once
    under each later quarter it reaches as one "continuing" there. The drafts reaching any of a
    mention's quarters are then those starting in one of them and those continuing into its
    first, each listed once a word, gathered in C."""

    def __init__(self) -> None:
        # term -> slot -> draft positions; a quarter q's slot 2q lists the drafts starting there,
        # 2q + 1 those continuing into it from an earlier quarter.
        self._by_term: dict[str, dict[int, list[int]]] = {}
        self._curated_by_month: dict[int, list[int]] = {}

    @staticmethod
    def quarters_of(first: dt.date, last: dt.date, approximate: bool) -> range:
        """The quarters (not months: a year-long date files under 5, not 14) the date can reach."""
        low, high = _window(first, last, approximate)
        low, high = low - CONFLICT_GAP, high + CONFLICT_GAP
        return range((low.year * 12 + low.month - 1) // 3, (high.year * 12 + high.month - 1) // 3 + 1)

    @staticmethod
    @functools.cache  # a few hundred ranges of quarters; each mention and draft asks for one
    def filing_slots(quarters: range) -> tuple[int, ...]:
        """Where a draft reaching these quarters is filed under each of its words."""
        return (2 * quarters.start, *(2 * q + 1 for q in quarters[1:]))

    @staticmethod
    @functools.cache
    def looking_slots(quarters: range) -> tuple[int, ...]:
        """Where the drafts reaching any of these quarters are filed, each under exactly one of them."""
        return (2 * quarters.start + 1, *(2 * q for q in quarters))

    def add(self, position: int, draft: _Draft, new_terms: Iterable[str]) -> None:
        slots = draft.filing_slots
        by_term = self._by_term
        for term in new_terms:
            filed = by_term.get(term)
            if filed is None:
                filed = by_term[term] = {}
            for slot in slots:
                drafts = filed.get(slot)
                if drafts is None:
                    filed[slot] = [position]
                else:
                    drafts.append(position)
        if draft.curated and not draft.found:
            for month in draft.quarters:
                self._curated_by_month.setdefault(month, []).append(position)

    def near(self, source: _Source, deciding: Iterable[str]) -> Counter[int]:
        """The drafts reaching the source's quarters that share one of its deciding words
        (_deciding_words: a draft sharing none of those cannot match), and every curated draft
        there, each with how many of the deciding words it shares (a draft is listed once a word:
        counted in C). With the count, whether a draft shares two of the mention's words needs
        only its lightest words looked at (_best_draft). Counting every word's drafts here walked
        five times as many entries as the deciding words' drafts are."""
        slots = source.looking_slots
        by_term = self._by_term
        found = Counter(
            chain.from_iterable(drafts for term in deciding if (lists := by_term.get(term)) is not None for slot in slots if (drafts := lists.get(slot)) is not None)
        )
        for month in source.quarters:
            for position in self._curated_by_month.get(month, ()):
                found[position] += 0  # there, sharing a deciding word or not
        return found


def merge(
    curated: Iterable[TimelineEvent],
    mentions: Iterable[Mention],
    articles: Mapping[str, Article],
    concepts: Concepts,
    weight: Weight,
    memory: MergeMemory | None = None,
    context: Hashable = None,
) -> tuple[TimelineEvent, ...]:
    """Curated events with the found mentions folded into them, plus one event per other found event.
    `memory`: the last merge's decisions (bot.timeline.merge_memory), kept for the next; a mention
    whose decision no change can have moved takes it again without being weighed, and the events
    come out as a merge without memory makes them. `context`: what the mentions' words were read
    with besides their own terms (the alias table's phrases): another context weighs everything."""
    curated = tuple(curated)
    # A mention meets the same few dates in draft after draft (8,532 pairs of dates in 450,000
    # looks at 3,000 articles): each pair's agreement is worked out once a merge.
    agreement = functools.cache(_agreement)
    drafts = [
        _Draft(
            title=c.title,
            curated=True,
            date=c.date,
            approximate=c.approximate,
            first=c.date.first_day(),
            last=c.date.last_day(),
            terms=set(concepts(terms(" ".join([c.title, *(q.text for q in c.quotes)])))),
            quotes=list(c.quotes),
            dates_by_article=_quoted_dates(c),
        )
        for c in curated
    ]
    ordered = sorted(mentions, key=lambda m: (m.date.sort_key(), m.article_id, m.phrase.start))
    replay = Replay.of(memory.last() if memory is not None else None, context, curated, articles, weight)
    identities = list(replay.last.curated_ids) if replay is not None else [DraftId(("curated", position)) for position in range(len(drafts))]
    curated_ids = tuple(identities)
    index = _Index()
    for position, draft in enumerate(drafts):
        draft.add_words(_SourceDate(draft.date.precision, draft.approximate, draft.window), frozenset(draft.terms))
        index.add(position, draft, draft.terms)
    if replay is not None:
        # The first mention of each key is the one weighed (below); one of an article that changed is not the same.
        now: dict[Hashable, Mention] = {}
        for m in ordered:
            if replay.same_article(m.article_id):
                now.setdefault((m.article_id, m.sentence.start, m.date), m)
        replay.mark_left(now)
    position_of = {identity: position for position, identity in enumerate(identities)}
    changed_positions: set[int] = set()  # drafts of this merge changed from the last (Replay.changed)
    decided: dict[Hashable, Decided] = {}
    weights_now: dict[str, float] = replay.weights if replay is not None else {}
    seen: set[tuple[str, int, EventDate]] = set()
    for mention in ordered:
        key = (mention.article_id, mention.sentence.start, mention.date)
        if key in seen:
            continue  # one sentence naming one date twice is one source
        seen.add(key)
        article = articles[mention.article_id]
        words = concepts(mention.context_terms)
        resolved = mention.resolved
        quote = Quote(article, mention.sentence.start, mention.sentence.end)
        source = _Source(resolved.date, resolved.approximate, resolved.first, resolved.last, quote, mention.extent)
        last = replay.last_of(key, mention) if replay is not None and replay.same_article(mention.article_id) else None
        kept = replay.still_decided(last, words) if last is not None else None  # (replay is set when last is)
        # An unchanged draft was made again by the mention that began it, before this one: a kept
        # decision names one made, or one this mention begins.
        if kept is not None and (any(_may_meet(drafts[p], source, words) for p in changed_positions) or (kept.joined not in position_of and kept.joined.key != key)):
            kept = None
        if kept is not None:
            replay.replayed += 1
            best = position_of.get(kept.joined)
            joined = kept.joined
            decided[key] = kept
        else:
            weights = {t: weight(t) for t in words}
            weights_now.update(weights)
            # fsum: exactly rounded, so the total does not depend on the set's (hash-seeded) order.
            mentioned = _Mentioned(source, mention.article_id, words, weights, math.fsum(weights.values()))
            deciding = _deciding_words(mentioned)
            light = words.difference(deciding)
            near = index.near(source, deciding)
            best, margin = _best_draft(drafts, near, mentioned, light, agreement)
            if mentioned.total:
                # No draft left out of `near` can match while the light words' share stays under the least asked.
                margin = min(margin, LEAST_OVERLAP - math.fsum(weights[t] for t in light) / mentioned.total)
            # A draft this mention begins keeps the identity it had in the last merge, if it began one then.
            joined = identities[best] if best is not None else last.joined if last is not None and last.joined.key == key else DraftId(key)
            decided[key] = Decided(mention, joined, tuple(identities[p] for p in near), margin, mentioned.total)
            if replay is not None and (last is None or last.joined is not joined):
                for identity in (joined, *((last.joined,) if last is not None else ())):
                    replay.changed.add(identity)
                    if identity in position_of:
                        changed_positions.add(position_of[identity])
        if best is None:
            drafts.append(_Draft(mention.title, False, source.date, source.approximate, source.first, source.last, set()))
            best = len(drafts) - 1
            identities.append(joined)
            position_of[joined] = best
            if replay is not None and joined in replay.changed:
                changed_positions.add(best)
        draft = drafts[best]
        index.add(best, draft, words - draft.terms)
        draft.take(source, mention.article_id, words)
    last_events = replay.last.events if replay is not None else {}
    changed = replay.changed if replay is not None else set()
    events = {
        identity: last_events[identity] if identity in last_events and identity not in changed else _finish(draft)
        for identity, draft in zip(identities, drafts, strict=True)
    }
    if memory is not None:
        replayed = replay.replayed if replay is not None else 0
        memory.keep(MergeRecord(context, curated, curated_ids, dict(articles), decided, weights_now, events, replayed))
    return tuple(sorted(events.values(), key=lambda e: (e.date.sort_key(), not e.curated, e.title)))


def _may_meet(draft: _Draft, source: _Source, words: frozenset[str]) -> bool:
    """Whether the draft could be weighed for this source (merge, _best_draft): its dates reach the
    source's quarters, and it shares two words with it or is curated (and may quote it)."""
    return (
        draft.quarters.start < source.quarters.stop
        and source.quarters.start < draft.quarters.stop
        and (bool(draft.quotes) or len(words & draft.terms) >= MIN_SHARED_TERMS)
    )


def _quoted_dates(event: TimelineEvent) -> dict[str, set[EventDate]]:
    """The date a curated event's quotes give it, by their article: one writer gives one event one
    date (_score), so another date (a day, or a vaguer one) in an article the curator quoted for an
    exact day is another event ("met on Sunday" quoted, "invited him on Saturday" in the same
    story), as among found sources. A curated month or
    year, or an approximate date, says no day: that article's days may still make it precise
    (_finer_date)."""
    if event.date.day is None or event.approximate:
        return {}
    return {quote.article.id: {event.date} for quote in event.quotes}


def _deciding_words(mentioned: _Mentioned) -> list[str]:
    """The mention's words one of which any draft it matches must share, unless the draft is
    curated (and may quote it): all but its lightest words, as many as together weigh less than
    AGREEING_OVERLAP of its words' weight. Their drafts are most of the index (the words most
    events share) and need not be looked at: a draft sharing only them shares too little weight
    to match (_match), however many of them it shares. Weights are positive and fsum exactly
    rounded, so a subset of the lightest never sums above them as _match sums it."""
    ordered = sorted(mentioned.weights.items(), key=itemgetter(1))
    total = mentioned.total
    if not total:
        return [term for term, _ in ordered]  # no weight at all: nothing matches but a quote (_match)
    weights = [weight for _, weight in ordered]

    def reaches(count: int) -> bool:
        return math.fsum(weights[: count + 1]) / total >= AGREEING_OVERLAP

    # The first run of the lightest that weighs enough, found by bisection: the runs' sums only
    # grow (positive weights, an exactly rounded sum), and summing each run in turn made a long
    # sentence cost its length squared (a quarter of the merge's time).
    lightest = bisect.bisect_left(range(len(weights)), True, key=reaches)
    return [term for term, _ in ordered[lightest:]]


def _best_draft(
    drafts: list[_Draft], near: Counter[int], mentioned: _Mentioned, light: frozenset[str], agreement: Agreement
) -> tuple[int | None, float]:
    """The position of the event the mention belongs to most strongly, if any (curated drafts
    come first on ties), and how far the weighing was from deciding otherwise (its margin:
    bot.timeline.merge_memory). `near`: the drafts and how many deciding words each shares
    (_Index.near); `light`: the mention's other words."""
    best, best_score, second = None, 0.0, 0.0
    margin = math.inf
    words = mentioned.words
    for position in sorted(near):  # in ascending order: a later draft must score strictly higher
        draft = drafts[position]
        deciding = near[position]
        # _score's first test (two shared words), which most drafts fail, made here without a
        # call, and for most of them on the few light words alone.
        if deciding < MIN_SHARED_TERMS and deciding + len(light & draft.terms) < MIN_SHARED_TERMS and not draft.quotes:
            continue
        score, score_margin = _scored(draft, mentioned, words & draft.terms, agreement)
        margin = min(margin, score_margin)
        if score > best_score:
            best, best_score, second = position, score, best_score
        elif score > second:
            second = score
    if second:  # the best against the next: both may move
        margin = min(margin, (best_score - second) / 2)
    return best, margin


@functools.lru_cache(maxsize=4096)  # the articles' distinct dates are few; each mention and draft asks for one
def _reach(first: dt.date, last: dt.date, approximate: bool) -> tuple[tuple[int, int], range]:
    """A date's days as ordinals (_window_days) and the quarters it can reach (_Index.quarters_of)."""
    return _window_days(first, last, approximate), _Index.quarters_of(first, last, approximate)


def _window(date_first: dt.date, date_last: dt.date, approximate: bool) -> tuple[dt.date, dt.date]:
    slack = APPROXIMATE_SLACK if approximate else dt.timedelta(0)
    return date_first - slack, date_last + slack


def _window_days(date_first: dt.date, date_last: dt.date, approximate: bool) -> tuple[int, int]:
    """_window as day ordinals: comparing whole days as integers is what merging does most."""
    low, high = _window(date_first, date_last, approximate)
    return low.toordinal(), high.toordinal()


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two date windows (_window_days); zero or less when they overlap (the dates agree)."""
    return max(a[0], b[0]) - min(a[1], b[1])


def _match(draft: _Draft, mentioned: _Mentioned) -> float:
    """How strongly the mention belongs to the draft event; 0 when it does not."""
    return _score(draft, mentioned, mentioned.words & draft.terms, _agreement)


def _score(draft: _Draft, mentioned: _Mentioned, shared: frozenset[str], agreement: Agreement) -> float:
    """_match, given the words the mention shares with the draft, and _agreement (or a memo of it)."""
    return _scored(draft, mentioned, shared, agreement)[0]


def _scored(draft: _Draft, mentioned: _Mentioned, shared: frozenset[str], agreement: Agreement) -> tuple[float, float]:
    """_score, and the least distance of any share it weighed from the share it was held to (inf
    when it weighed none): how far the words' weights must move to change it."""
    source = mentioned.source
    quoted = bool(draft.quotes) and any(_overlaps(q, source.quote) for q in draft.quotes)
    if len(shared) < MIN_SHARED_TERMS and not quoted:
        return 0.0, math.inf  # checked first: it is the cheapest test and the one most mentions fail
    weight_of = mentioned.weights.__getitem__
    margin = math.inf
    if not quoted and mentioned.total:
        whole = math.fsum(map(weight_of, shared)) / mentioned.total
        margin = abs(whole - LEAST_OVERLAP)
    if not quoted and (not mentioned.total or whole < LEAST_OVERLAP):
        # What the mention shares with any one source is part of what it shares with the event, and
        # weights are positive and fsum exactly rounded, so no source's share is larger: the event
        # cannot take it. Most drafts weighed end here (88,000 of 106,000 at 3,000 articles), before
        # their sources are weighed one by one.
        return 0.0, margin
    gap = _gap(draft.window, source.window)
    agrees = gap <= 0
    if not agrees and (gap > CONFLICT_GAP.days or draft.approximate or source.approximate):
        return 0.0, margin
    if quoted:
        return QUOTED, margin  # the curator quoted this very sentence for the event
    dates = draft.dates_by_article.get(mentioned.article_id)
    if dates is not None and (len(dates) != 1 or source.date not in dates):
        return 0.0, margin  # one writer gives one event one date: another date in the same article is another event
    best = 0.0
    for dated, word_sets in draft.words_by_date.items():
        agreed = agreement(dated, source.dated)
        if agreed is None:
            continue
        needed, bonus = agreed
        for words in word_sets:
            share = math.fsum(map(weight_of, shared & words)) / mentioned.total
            margin = min(margin, abs(share - needed))
            if share >= needed and share + bonus > best:
                best = share + bonus
    return best, margin


def _agreement(dated: _SourceDate, mentioned: _SourceDate) -> tuple[float, float] | None:
    """How one source of an event and the mention agree on the date: the share of the mention's
    word weight the source must hold for the mention to join the event by it, and what the
    agreement adds to the score (_match); None when the dates cannot be one event's."""
    gap = _gap(dated.window, mentioned.window)
    if gap > 0:
        # Two days told from two time zones or two vantage points; two months side by side are not.
        close = gap <= CONFLICT_GAP.days and dated.precision == mentioned.precision == "day" and not dated.approximate and not mentioned.approximate
        return (CONFLICTING_OVERLAP, 0.0) if close else None
    if dated.precision != mentioned.precision:
        return COARSER_OVERLAP, 0.0
    return AGREEING_OVERLAP, SAME_DATE if dated.window == mentioned.window else SAME_PRECISION


def _overlaps(a: Quote, b: Quote) -> bool:
    return a.article.id == b.article.id and a.start < b.end and b.start < a.end


def _finish(draft: _Draft) -> TimelineEvent:
    """The event's date, its quotes, and the sources that give another date."""
    if draft.curated:
        date, approximate = draft.date, draft.approximate
        if (finer := _finer_date(draft)) is not None:
            date, approximate = finer.date, False
    else:
        # With no curator, the date most sources give leads; ties go to the more precise, then earlier.
        counts: dict[EventDate, list[_Source]] = {}
        for source in draft.found:
            counts.setdefault(source.date, []).append(source)
        lead = min(counts.values(), key=lambda s: (-len(s), -len(s[0].date.iso()), s[0].date.sort_key()))[0]
        date, approximate = lead.date, all(s.approximate for s in counts[lead.date])
    quotes = _Unique(draft.quotes)
    others: dict[EventDate, list[_Source]] = {}
    for source in draft.found:
        if _gives_the_date(source, date, draft.quotes):
            quotes.add(source.quote)
        else:
            others.setdefault(source.date, []).append(source)
    other_dates = tuple(
        DatedSource(d, all(s.approximate for s in sources), _Unique(s.quote for s in sources).quotes())
        for d, sources in sorted(others.items(), key=lambda item: item[0].sort_key())
    )
    # An event of several days: the span a source giving the event's own date gives with it (a
    # source of another date is listed under that date, above). A curated date stays as the curator wrote it.
    extent = next((s.extent for s in draft.found if s.extent is not None and s.date == date), None)
    if extent is not None and extent[0] != extent[1] and not draft.curated:
        return TimelineEvent(extent[0], approximate, draft.title, quotes.quotes(), draft.curated, other_dates, end=extent[1])
    return TimelineEvent(date, approximate, draft.title, quotes.quotes(), draft.curated, other_dates)


def _gives_the_date(source: _Source, date: EventDate, curated_quotes: Sequence[Quote]) -> bool:
    """Whether the source's quote may stand under the event's date: it gives that very date, or
    the curator quoted it for the event. A source giving another date, a vaguer one ("early July"
    beside "July 6") or a day inside a longer one included, is listed under its own date with
    its article, so that no quote is shown with a date its writer did not give."""
    return source.date == date or any(_overlaps(q, source.quote) for q in curated_quotes)


def _finer_date(draft: _Draft) -> _Source | None:
    """A curated date written as a month or a year ("2018-06") that the found sources make
    precise: the one day every exact source inside it gives (new articles may say "June 12",
    which the curator's did not). None when they give none, or disagree."""
    if draft.date.day is not None:
        return None
    inside = [
        s for s in draft.found
        if not s.approximate and s.date.day is not None and s.extent is None and draft.first <= s.first and s.last <= draft.last
    ]  # fmt: skip
    return inside[0] if inside and len({s.date for s in inside}) == 1 else None


class _Unique:
    """Quotes in the order given, leaving out one that overlaps a quote kept before it. Each is
    compared with the kept quotes of its own article only: an event of a thousand sources stays
    linear."""

    def __init__(self, quotes: Iterable[Quote] = ()) -> None:
        self._kept: list[Quote] = []
        self._spans: dict[str, list[tuple[int, int]]] = {}
        for quote in quotes:
            self.add(quote)

    def add(self, quote: Quote) -> None:
        spans = self._spans.setdefault(quote.article.id, [])
        if not any(start < quote.end and quote.start < end for start, end in spans):
            spans.append((quote.start, quote.end))
            self._kept.append(quote)

    def quotes(self) -> tuple[Quote, ...]:
        return tuple(self._kept)
