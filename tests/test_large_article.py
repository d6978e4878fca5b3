"""One long article costs in proportion to its length: who said what and the dates it gives.

A new user's 1.8 MB article (3,800 paragraphs) took minutes to load, part of it in steps that
walked every earlier name or date for each quotation, pronoun or counted date ("two days after
the test"). These tests build a made-up article of repeated paragraphs and count the work done
(the lines the module runs, every loop step among them, and calls of the grammar it repeated) at
one length and at a multiple of it: the work must grow about as the text does, and every
paragraph must still be read right.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from bot.knowledge.articles import read_articles
from bot.knowledge.models import Article
from bot.knowledge.passages import split_passages
from bot.quotations import find as quotations_find
from bot.quotations.find import find_quotations
from bot.timeline import found as timeline_found
from bot.timeline import grammar
from bot.timeline.found import find_mentions
from tests.conftest import write_article

# One block of a made-up story: names given in full then by surname, a pronoun, a role, a
# description, dated events and dates counted from them.
_BLOCK = """\
Ana Silva, the foreign minister, arrived in Oslo on March 3, 2019, for talks with envoy Piet Brandt.

“We are ready to talk,” Silva said. “Nothing is settled yet,” she said.

Two days after the arrival, Brandt met Silva again, and the army held a test on March 9, 2019.

“The test was a warning,” the foreign minister said, three days after the test.

Brandt said on March 12, 2019, that the talks would resume, and in the afternoon he left Oslo.
"""

_SHORT, _LONG = 12, 24


def _article(tmp_path: Path, blocks: int) -> Article:
    folder = tmp_path / f"knowledge-{blocks}"
    write_article(folder, "long-story", "\n".join([_BLOCK] * blocks), published="2019-04-01", title="A long story")
    articles, problems = read_articles(folder)
    assert problems == []
    return articles[0]


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Count the calls of module.name from now on (the function still runs)."""
    calls = [0]
    original: Callable[..., Any] = getattr(module, name)

    @functools.wraps(original)
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_every_quotation_of_a_long_article_has_its_speaker_and_role(tmp_path: Path) -> None:
    article = _article(tmp_path, _LONG)
    found = find_quotations(article)
    assert len(found) == 3 * _LONG
    assert {(q.text, q.speaker) for q in found} == {
        ("We are ready to talk", "Ana Silva"),
        ("Nothing is settled yet", "Ana Silva"),
        ("The test was a warning", "Ana Silva"),
    }
    assert all(article.body[q.quote.start : q.quote.end] == q.text for q in found)
    assert {q.role for q in found} == {"the foreign minister"}


def _lines_run(module: Any, work: Callable[[], object]) -> int:
    """How many lines of `module` run while `work` does: every step of its loops and
    comprehensions counts, so no cache of a call hides a walk over what came before."""
    filename = module.__file__
    count = [0]

    def local(frame: FrameType, event: str, arg: object) -> Any:
        if event == "line":
            count[0] += 1
        return local

    def on_call(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count[0]


def test_the_work_of_finding_quotations_grows_with_the_length_not_its_square(tmp_path: Path) -> None:
    # A step that copied every earlier name for each description grew with the number of
    # descriptions times the number of names: four times the text took 4.35 times the steps.
    # (Line counts are exact, so the bound can be close to four.)
    articles = {blocks: _article(tmp_path, blocks) for blocks in (_SHORT, 4 * _SHORT)}
    work = [_lines_run(quotations_find, lambda: find_quotations(articles[blocks])) for blocks in (_SHORT, 4 * _SHORT)]
    assert work[1] <= 4.2 * work[0], work


def _mentions(article: Article) -> list[timeline_found.Mention]:
    spans = [span for passage in split_passages(article.id, article.body) for span in passage.sentences]
    return find_mentions(article.id, article.body, article.meta.published, spans)


def test_every_counted_date_of_a_long_article_is_counted_from_its_own_paragraphs_event(tmp_path: Path) -> None:
    article = _article(tmp_path, _LONG)
    dates = [m.date.iso() for m in _mentions(article) if article.body[m.phrase.start : m.phrase.end].startswith(("Two days", "three days"))]
    assert dates == ["2019-03-05", "2019-03-12"] * _LONG


def test_the_work_of_dating_a_long_article_grows_with_the_length_not_its_square(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # grammar.read reads one date's sentence; a counted date used to read every earlier sentence's
    # dates again to find the one it counts from, and to walk back over every earlier date.
    reads = _counting(monkeypatch, grammar, "read")
    nouns = _counting(monkeypatch, grammar, "placed_noun")
    articles = {blocks: _article(tmp_path, blocks) for blocks in (_SHORT, _LONG)}
    work = []
    for blocks in (_SHORT, _LONG):
        reads[0] = nouns[0] = 0
        steps = _lines_run(timeline_found, lambda: _mentions(articles[blocks]))
        work.append((reads[0] + nouns[0], steps))
    assert work[1][0] <= 2.2 * work[0][0] and work[1][1] <= 2.2 * work[0][1], work
