"""Retrieval quality on the committed question sets stays above floors well under today's numbers.

The README and docs/measurements.md have the real numbers; these floors catch a change that breaks retrieval, not one
that costs a question or two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import EvalReport, evaluate, read_questions
from bot.knowledge.store import KnowledgeStore
from tools.plain_bm25_baseline import recall as plain_bm25_recall

EVAL = Path(__file__).resolve().parent.parent / "eval"


# R@1 floors: H describes where the others name, and sits far lower (docs/measurements.md).
R_AT_1_FLOORS = {f"heldout_{s}": 0.45 for s in "abcdefgijkl"} | {"heldout_h": 0.3}

# Every set answered once for all the tests here, which pytest-xdist runs on one worker (make
# test: --dist loadgroup): answering the ~800 questions twice was the suite's slowest part. Kept
# per process rather than in a module fixture, which pytest may tear down between the tests.
pytestmark = pytest.mark.xdist_group("quality_floors")
_answered: dict[tuple[int, str], EvalReport] = {}


def report_of(store: KnowledgeStore, name: str) -> EvalReport:
    key = (id(store.current), name)
    if key not in _answered:
        _answered[key] = evaluate(store.current, read_questions(EVAL / f"{name}.jsonl"))
    return _answered[key]


@pytest.fixture
def reports(bundled_store: KnowledgeStore) -> dict[str, EvalReport]:
    return {path.stem: report_of(bundled_store, path.stem) for path in sorted(EVAL.glob("*.jsonl"))}


@pytest.mark.parametrize("name", sorted(R_AT_1_FLOORS))
def test_held_out_sets_stay_above_their_floors(bundled_store: KnowledgeStore, name: str) -> None:
    report = report_of(bundled_store, name)
    assert report.recall_at(1) >= R_AT_1_FLOORS[name]
    # 14 or 20 questions in the articles' words a set: two moving cross a tighter floor; the pooled
    # test below holds them together to a higher one.
    assert report.recall_at_1_by_kind()["lexical"] >= 0.75
    # 4 of 10: the check fitted with the off-topic set declines more off-topic questions and fewer
    # traps (docs/measurements.md, "Fusion and the off-topic check"); C, held out and fitted on alike, declines 4.
    assert report.unanswerable_declined >= 4
    assert report.median_quote_chars < 300
    for result in report.results:
        for quote in result.answer.quotes:
            assert quote.text == quote.article.body[quote.start : quote.end]


def test_over_every_set_pooled_the_bot_beats_plain_bm25_and_declines_as_measured(bundled_store: KnowledgeStore, reports: dict[str, EvalReport]) -> None:
    """The issue's floor: at least the plain-BM25 anchor (tools/plain_bm25_baseline.py) on the same
    questions, every set in eval/ pooled. The declines sit under the held-out numbers of the fitted
    answer check (docs/measurements.md: 4.1% of answerable, 61% of unanswerable declined held out
    over the 27 sets here; 3.8% and 63% fitted on them), with room for a question or two moving."""
    knowledge = bundled_store.current
    report = EvalReport([result for one_set in reports.values() for result in one_set.results])
    questions = [result.question for result in report.results]
    plain_r_at_1, _ = plain_bm25_recall(list(knowledge.articles.values()), questions)
    assert report.recall_at(1) >= plain_r_at_1
    assert report.recall_at_1_by_kind()["lexical"] >= 0.88  # 0.93 today
    assert report.answerable_declined_share <= 0.08
    assert report.unanswerable_declined_share >= 0.6
