"""The merge's shortcuts leave its result as the plain rule gives it: the index finds every draft
whose dates can agree, once a word, and scoring only drafts that share a deciding word changes
no event."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random

import pytest

from bot.knowledge.store import KnowledgeStore
from bot.timeline import merge as merging
from bot.timeline.remembered import find_all_mentions
from bot.timeline.curated import load_curated
from bot.timeline.grammar import Role
from bot.timeline.models import EventDate
from bot.timeline.remembered import concepts_of


def test_a_draft_is_found_once_exactly_when_its_quarters_meet_the_mentions() -> None:
    for first, last, start, end in itertools.product(range(6), repeat=4):
        if first > last or start > end:
            continue
        filed = set(merging._Index.filing_slots(range(first, last + 1)))
        looked = merging._Index.looking_slots(range(start, end + 1))
        meets = first <= end and start <= last
        assert sum(slot in filed for slot in looked) == (1 if meets else 0), (first, last, start, end)


def test_words_left_out_of_the_deciding_ones_never_weigh_enough_to_match() -> None:
    chosen = random.Random(7)
    for _ in range(300):
        weights = {f"w{i}": chosen.choice([0.5, 1.0, chosen.uniform(0.1, 12.0)]) for i in range(chosen.randint(1, 9))}
        source = merging._Source(EventDate(2018), False, dt.date(2018, 1, 1), dt.date(2018, 12, 31), None)  # type: ignore[arg-type]
        mentioned = merging._Mentioned(source, "a", frozenset(weights), weights, math.fsum(weights.values()))
        light = [term for term in weights if term not in merging._deciding_words(mentioned)]
        for size in range(1, len(light) + 1):
            for subset in itertools.combinations(light, size):
                assert math.fsum(weights[t] for t in subset) / mentioned.total < merging.AGREEING_OVERLAP


def test_scoring_only_drafts_sharing_a_deciding_word_changes_no_event(bundled_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = bundled_store.current
    curated, _ = load_curated(knowledge.folder, knowledge.articles)
    mentions = find_all_mentions(knowledge)
    concepts = concepts_of([m for m in mentions if m.role is not Role.STATE], knowledge.aliases)

    def merged() -> list[object]:
        return [
            merging.merge(kept, [m for m in mentions if m.role is role], knowledge.articles, concepts, knowledge.sentence_frequencies.idf)
            for role, kept in ((Role.EVENT, curated), (Role.ANNOUNCED, []))
        ]

    shortcut = merged()
    monkeypatch.setattr(merging, "_deciding_words", lambda mentioned: list(mentioned.words))
    assert shortcut == merged()
    assert sum(map(len, shortcut)) > 5


def test_a_mention_joins_an_event_by_one_source_not_by_words_spread_over_several() -> None:
    """An event's words grow with every mention it takes; weighed against their union, a mention
    sharing a little with each of two sources joined a year-long event it shares too little with
    any one of (one "2017" event took 1,119 mentions at 3,000 synthetic articles). It is weighed
    against its closest source: together enough, one by one too little, it stays apart."""
    year = (EventDate(2017), False, dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    draft = merging._Draft("An event", False, *year, set())
    draft.take(merging._Source(*year, None), "first", frozenset({"a", "b", *(f"x{i}" for i in range(8))}))  # type: ignore[arg-type]
    draft.take(merging._Source(*year, None), "second", frozenset({"c", "d", *(f"y{i}" for i in range(8))}))  # type: ignore[arg-type]
    words = frozenset("abcdefghij")
    weights = dict.fromkeys(words, 1.0)
    spread = merging._Mentioned(merging._Source(*year, None), "third", words, weights, 10.0)  # type: ignore[arg-type]
    assert 4 / 10 >= merging.AGREEING_OVERLAP > 2 / 10  # together enough, each source alone too little
    assert merging._match(draft, spread) == 0.0
    close = merging._Mentioned(merging._Source(*year, None), "third", frozenset({"a", "b", "x0", "e"}), dict.fromkeys(("a", "b", "x0", "e"), 1.0), 4.0)  # type: ignore[arg-type]
    assert merging._match(draft, close) == merging.SAME_DATE + 0.75  # three of its four words in the first source, on its date


def test_sources_filed_by_date_score_as_each_source_weighed_with_its_own_date() -> None:
    """An event's sources are filed by their date, so that the date's agreement with a mention is
    worked out once for all of them: the score is still the best over the sources, each weighed
    with its own date's agreement (a word set under the wrong date would score with another's)."""
    chosen = random.Random(11)
    days = [(EventDate(2018, 6, d), False, dt.date(2018, 6, d), dt.date(2018, 6, d)) for d in (10, 12, 13, 20)]
    month = (EventDate(2018, 6), False, dt.date(2018, 6, 1), dt.date(2018, 6, 30))
    year = (EventDate(2018), True, dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    dates = [*days, month, year]
    vocabulary = [f"w{i}" for i in range(12)]
    compared = 0
    for _ in range(300):
        first = chosen.choice(dates)
        draft = merging._Draft("An event", False, *first, set())
        sources = [(chosen.choice(dates), frozenset(chosen.sample(vocabulary, chosen.randint(2, 6)))) for _ in range(chosen.randint(1, 6))]
        for number, (date, words) in enumerate(sources):
            draft.take(merging._Source(*date, None), f"article {number}", words)  # type: ignore[arg-type]
        words = frozenset(chosen.sample(vocabulary, chosen.randint(2, 8)))
        weights = {term: chosen.uniform(0.5, 3.0) for term in words}
        source = merging._Source(*chosen.choice(dates), None)  # type: ignore[arg-type]
        mentioned = merging._Mentioned(source, "another article", words, weights, math.fsum(weights.values()))
        plain = 0.0
        for date, source_words in sources:
            agreed = merging._agreement(merging._Source(*date, None).dated, source.dated)  # type: ignore[arg-type]
            if agreed is None or len(words & draft.terms) < merging.MIN_SHARED_TERMS:
                continue
            share = math.fsum(weights[t] for t in words & source_words) / mentioned.total
            if share >= agreed[0]:
                plain = max(plain, share + agreed[1])
        first_agrees = merging._gap(draft.window, source.window) <= 0 or (
            merging._gap(draft.window, source.window) <= merging.CONFLICT_GAP.days and not draft.approximate and not source.approximate
        )
        if first_agrees:
            assert merging._match(draft, mentioned) == plain
            compared += plain > 0
    assert compared > 30


def test_a_draft_sharing_too_little_weight_is_passed_over_before_its_sources_are_weighed() -> None:
    """Most drafts a mention is weighed against share two of its words but little of its weight
    (88,000 of 106,000 at 3,000 synthetic articles): they are passed over on what the mention shares
    with the whole event, never weighing its sources' dates one by one; a draft sharing enough
    still is, and scores as before."""
    day = (EventDate(2018, 6, 12), False, dt.date(2018, 6, 12), dt.date(2018, 6, 12))
    draft = merging._Draft("An event", False, *day, set())
    draft.take(merging._Source(*day, None), "first", frozenset({"a", "b", "c", "d"}))  # type: ignore[arg-type]
    weights = {"a": 1.0, "b": 1.0, "c": 1.0, "x": 4.0, "y": 4.0}
    weighed: list[object] = []

    def agreement(dated: merging._SourceDate, mentioned: merging._SourceDate) -> tuple[float, float] | None:
        weighed.append(dated)
        return merging._agreement(dated, mentioned)

    def score(words: frozenset[str]) -> float:
        mentioned = merging._Mentioned(merging._Source(*day, None), "second", words, {t: weights[t] for t in words}, math.fsum(weights[t] for t in words))  # type: ignore[arg-type]
        return merging._score(draft, mentioned, words & draft.terms, agreement)

    assert 3 / 11 < min(merging.AGREEING_OVERLAP, merging.CONFLICTING_OVERLAP, merging.COARSER_OVERLAP)  # "a", "b", "c": 3 of 11
    assert score(frozenset({"a", "b", "c", "x", "y"})) == 0.0
    assert weighed == []
    assert score(frozenset({"a", "b", "c", "x"})) == merging.SAME_DATE + 3 / 7  # shares three sevenths: enough
    assert len(weighed) == 1


def test_passing_drafts_over_on_the_event_s_shared_weight_changes_no_score(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scores with the shortcut and without it (no share is below a least overlap of zero) are the
    same over random events of several sources and dates, light words and heavy."""
    chosen = random.Random(5)
    dates = [(EventDate(2018, 6, d), False, dt.date(2018, 6, d), dt.date(2018, 6, d)) for d in (10, 12, 13)]
    dates.append((EventDate(2018, 6), True, dt.date(2018, 6, 1), dt.date(2018, 6, 30)))
    vocabulary = [f"w{i}" for i in range(10)]
    scored = []
    for _ in range(400):
        draft = merging._Draft("An event", False, *chosen.choice(dates), set())
        for number in range(chosen.randint(1, 5)):
            draft.take(merging._Source(*chosen.choice(dates), None), f"article {number}", frozenset(chosen.sample(vocabulary, chosen.randint(2, 6))))  # type: ignore[arg-type]
        words = frozenset(chosen.sample(vocabulary, chosen.randint(2, 8)))
        weights = {term: chosen.choice([0.05, chosen.uniform(0.5, 3.0), 9.0]) for term in words}
        mentioned = merging._Mentioned(merging._Source(*chosen.choice(dates), None), "another", words, weights, math.fsum(weights.values()))  # type: ignore[arg-type]
        scored.append((draft, mentioned))
    with_shortcut = [merging._match(draft, mentioned) for draft, mentioned in scored]
    monkeypatch.setattr(merging, "LEAST_OVERLAP", 0.0)
    assert with_shortcut == [merging._match(draft, mentioned) for draft, mentioned in scored]
    assert 30 < sum(score > 0 for score in with_shortcut) < len(scored) - 30
