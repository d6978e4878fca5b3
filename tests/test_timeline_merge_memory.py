"""A merge given the last merge's decisions (bot.timeline.merge_memory) gives the events a merge
without them gives, whatever changed between the two: the words' weights, an article changed,
removed or added; and after a small change of weights it weighs few mentions again."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from bot.knowledge.base import build_knowledge_base
from bot.knowledge.models import Article
from bot.knowledge.store import KnowledgeStore
from bot.quotes import Quote
from bot.timeline import build as timeline_build
from bot.timeline.curated import load_curated
from bot.timeline.found import Mention
from bot.timeline.grammar import Role
from bot.timeline.merge import merge
from bot.timeline.merge_memory import MergeMemory
from bot.timeline.models import TimelineEvent
from bot.timeline.remembered import concepts_of, find_all_mentions
from tests.conftest import write_article

Weight = Callable[[str], float]
Concepts = Callable[..., frozenset[str]]
Inputs = tuple[tuple[TimelineEvent, ...], list[Mention], Mapping[str, Article], Concepts, Weight]


@pytest.fixture(scope="module")
def inputs(bundled_store: KnowledgeStore) -> Inputs:
    knowledge = bundled_store.current
    curated, _ = load_curated(knowledge.folder, knowledge.articles)
    mentions = [m for m in find_all_mentions(knowledge) if m.role is Role.EVENT]
    concepts = concepts_of(mentions, knowledge.aliases)
    return tuple(curated), mentions, knowledge.articles, concepts, knowledge.sentence_frequencies.idf


def _both(curated: Sequence[TimelineEvent], mentions: list[Mention], articles: Mapping[str, Article], concepts: Concepts, weight: Weight, memory: MergeMemory) -> tuple[TimelineEvent, ...]:
    """The merge with the memory, checked equal to the merge without it."""
    remembered = merge(curated, mentions, articles, concepts, weight, memory, "aliases")
    assert remembered == merge(curated, mentions, articles, concepts, weight)
    return remembered


def _scaled(weight: Weight, factor: float) -> Weight:
    return lambda term: weight(term) * factor + 1e-6


def test_a_small_move_of_every_weight_keeps_the_decisions_and_the_events(inputs: Inputs) -> None:
    curated, mentions, articles, concepts, weight = inputs
    memory = MergeMemory()
    first = _both(curated, mentions, articles, concepts, weight, memory)
    again = _both(curated, mentions, articles, concepts, _scaled(weight, 1 + 1e-7), memory)
    assert again == first and len(first) > 3
    record = memory.last()
    assert record is not None and record.replayed == len(record.decided) >= 5  # none weighed again
    # Events no mention's decision moved are the last merge's very objects.
    assert all(any(event is kept for kept in first) for event in again)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_large_random_moves_of_the_weights_give_the_events_a_fresh_merge_gives(inputs: Inputs, seed: int) -> None:
    curated, mentions, articles, concepts, weight = inputs
    chosen = random.Random(seed)
    memory = MergeMemory()
    _both(curated, mentions, articles, concepts, weight, memory)
    for _ in range(3):
        factors: dict[str, float] = {}
        moved = lambda term, weight=weight, factors=factors: weight(term) * factors.setdefault(term, chosen.choice([1.0, 1.0, 1 + 1e-9, chosen.uniform(0.2, 3.0)]))  # noqa: E731
        _both(curated, mentions, articles, concepts, moved, memory)


def test_an_article_removed_changed_and_added_gives_the_events_a_fresh_merge_gives(inputs: Inputs) -> None:
    curated, mentions, articles, concepts, weight = inputs
    by_article = sorted({m.article_id for m in mentions})
    assert len(by_article) >= 2
    gone = by_article[-1]
    memory = MergeMemory()
    _both(curated, mentions, articles, concepts, weight, memory)
    # Removed: its mentions are gone (the article stays known: a curated quote may cite it).
    without = [m for m in mentions if m.article_id != gone]
    _both(curated, without, articles, concepts, _scaled(weight, 1.001), memory)
    # Added back.
    _both(curated, mentions, articles, concepts, _scaled(weight, 1.002), memory)
    # Changed: another article object under the same id, with one mention fewer.
    changed = {**articles, gone: replace(articles[gone])}
    fewer = [m for m in mentions if m is not next(m for m in mentions if m.article_id == gone)]
    _both(curated, fewer, changed, concepts, _scaled(weight, 1.003), memory)
    # The same articles with other mentions (new rules): none is the mention decided before.
    retitled = [replace(m, title=f"{m.title} (new rules)") for m in fewer]
    _both(curated, retitled, changed, concepts, weight, memory)
    record = memory.last()
    assert record is not None and record.replayed == 0
    # Other curated events or other aliases: nothing of the memory is used, the result is the same.
    _both(curated[1:], fewer, changed, concepts, weight, memory)
    record = memory.last()
    assert record is not None and record.replayed == 0


def test_reloads_serve_the_timeline_a_fresh_build_serves(knowledge_copy: Path, tmp_path: Path) -> None:
    for number in range(4):
        write_article(
            knowledge_copy, f"extra-{number}",
            f"On June 12, 2018, Trump and Kim met in Singapore and signed a statement on denuclearization.\n\n"
            f"In February 2019 the two leaders met again in Hanoi, where talks on sanctions collapsed ({number}).",
            published=f"2019-03-0{number + 1}",
        )  # fmt: skip
    store = KnowledgeStore(knowledge_copy)
    articles = sorted(knowledge_copy.glob("articles/*.md"))
    edits: list[Callable[[], object]] = [
        lambda: articles[0].write_text(articles[0].read_text(encoding="utf-8") + "\n\nOn June 12, 2018, the summit in Singapore began.\n", encoding="utf-8"),
        lambda: articles[-1].unlink(),
        lambda: articles[1].write_text(articles[1].read_text(encoding="utf-8").rsplit("\n\n", 1)[0] + "\n", encoding="utf-8"),
        lambda: write_article(knowledge_copy, "added", "On June 12, 2018, Kim and Trump shook hands in Singapore at the summit.", published="2019-04-01"),
    ]
    replayed = 0
    for edit in edits:
        edit()
        reloaded = store.reload(logged=False)
        assert not reloaded.kept_previous
        served = store.current.timeline
        fresh_copy = tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(knowledge_copy, fresh_copy)
        replayed += sum(record.replayed for memory in timeline_build.LAST_MERGES.values() if (record := memory.last()) is not None)
        kept = dict(timeline_build.LAST_MERGES)
        timeline_build.forget_merges()  # a merge that remembers nothing
        fresh = build_knowledge_base(fresh_copy).timeline
        timeline_build.LAST_MERGES.update(kept)  # the store's next reload replays its own last merge
        assert list(map(_plain, served)) == list(map(_plain, fresh))
        assert len(served) > 3
    assert replayed > 0  # the reloads did replay decisions


def _plain(event: TimelineEvent) -> tuple[object, ...]:
    """The event with each quote as its article's id and offsets (the fresh build reads another folder)."""

    def quotes(found: Sequence[Quote]) -> list[tuple[str, int, int]]:
        return [(q.article.id, q.start, q.end) for q in found]

    others = [(d.date, d.approximate, quotes(d.quotes)) for d in event.other_dates]
    return (event.date, event.approximate, event.title, quotes(event.quotes), event.curated, others, event.end, event.announced)
