"""Recall and precision of found events on made-up articles with a hand-written gold list.

The articles in tests/timeline_gold/ were written with the code, so these are training numbers,
not a measure on unseen text; they guard what the rules already get right.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.knowledge.base import build_knowledge_base
from bot.timeline.models import TimelineEvent

GOLD = Path(__file__).parent / "timeline_gold"


@dataclass(frozen=True)
class GoldEvent:
    article: str
    date: str
    words: str
    end: str | None = None


def gold_events() -> list[GoldEvent]:
    return [GoldEvent(**entry) for entry in yaml.safe_load((GOLD / "gold.yaml").read_text(encoding="utf-8"))["events"]]


def reports(event: TimelineEvent, gold: GoldEvent) -> bool:
    """The event is the gold one: same date and precision (and last day), a quote with its words."""
    end = event.end.iso() if event.end is not None else None
    quoted = any(q.article.id == gold.article and gold.words in q.text for q in event.quotes)
    return quoted and event.date.iso() == gold.date and end == gold.end


def measure(tmp_path: Path) -> tuple[float, float, list[GoldEvent], list[TimelineEvent]]:
    folder = tmp_path / "knowledge"
    (folder / "articles").mkdir(parents=True)
    for article in GOLD.glob("*.md"):
        shutil.copy(article, folder / "articles" / article.name)
    events = [e for e in build_knowledge_base(folder).timeline if not e.announced]  # plans are shown apart
    gold = gold_events()
    missed = [g for g in gold if not any(reports(e, g) for e in events)]
    wrong = [e for e in events if not any(reports(e, g) for g in gold)]
    return 1 - len(missed) / len(gold), 1 - len(wrong) / len(events), missed, wrong


def test_found_events_match_the_gold_list(tmp_path: Path) -> None:
    recall, precision, missed, wrong = measure(tmp_path)
    assert recall >= 0.9, [g.words for g in missed]
    assert precision >= 0.9, [(e.date.iso(), e.title) for e in wrong]


def test_every_found_event_is_backed_by_an_exact_quote(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    (folder / "articles").mkdir(parents=True)
    for article in GOLD.glob("*.md"):
        shutil.copy(article, folder / "articles" / article.name)
    for event in build_knowledge_base(folder).timeline:
        assert event.quotes
        for quote in event.quotes:
            assert quote.article.body[quote.start : quote.end] == quote.text
