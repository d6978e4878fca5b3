"""Recall and precision of the timeline found in articles, against a hand-made list of their dated events.

    .venv/bin/python tools/score_timeline.py GOLD.json KNOWLEDGE_DIR [--misses]

GOLD.json is `{"events": [{"article", "sentence", "date", "end", "kind"}]}` as the writers of the
measurement articles (eval/articles/) mark them: `sentence` verbatim from the article, `date` as
YYYY, YYYY-MM or YYYY-MM-DD (as precise as the text allows), `kind` one of event / announced /
not_event. Only gold entries whose article is in KNOWLEDGE_DIR count.

- recall: gold events ("event") that the timeline shows with a quote overlapping their sentence and
  the same date at the same precision (a date one day off, or a day where the text gives a month, is
  a miss), under the event's date or under another date of it that the quote's source gives;
- precision: shown events whose quotes overlap a sentence marked as an event, and (strict) with
  the date it is marked with.
With --misses it also lists, to read, each marked event not found (with what the timeline showed on
its sentence, if anything) and each shown event that is not a marked event or not on its date.
Written by hand because no library scores a timeline against marked sentences; it reads the same
JSON `python -m bot timeline --json` prints.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.base import build_knowledge_base
from bot.timeline.export import timeline_dict


@dataclass(frozen=True, slots=True)
class GoldEvent:
    article: str
    start: int
    end: int
    date: str
    kind: str


def read_gold(path: Path, bodies: dict[str, str]) -> list[GoldEvent]:
    events: list[GoldEvent] = []
    for item in json.loads(path.read_text(encoding="utf-8"))["events"]:
        body = bodies.get(item["article"])
        if body is None:
            continue
        start = body.find(item["sentence"])
        if start < 0:
            raise SystemExit(f"{path}: the sentence is not in {item['article']}: {item['sentence'][:60]!r}")
        events.append(GoldEvent(item["article"], start, start + len(item["sentence"]), item["date"], item["kind"]))
    return events


def print_misses(missed: list[GoldEvent], wrong: list[dict], shown_on: dict[GoldEvent, list[dict]], bodies: dict[str, str]) -> None:
    """The marked events not found and the shown events not right, for a person to read."""
    for g in missed:
        shown_as = ", ".join(f"{e['date']} {e['title']!r}" for e in shown_on[g]) or "nothing shown"
        print(f"MISS {g.date} [{g.article}] {bodies[g.article][g.start:g.end][:220]!r}\n     shown: {shown_as}")
    for e in wrong:
        quote = e["quotes"][0]
        print(f"WRONG {e['date']} {e['title']!r} [{quote['article']['id']}] {quote['text'][:220]!r}")


def main(argv: list[str]) -> int:
    show_misses = "--misses" in argv
    argv = [arg for arg in argv if arg != "--misses"]
    if len(argv) != 2:
        print(__doc__)
        return 2
    knowledge = build_knowledge_base(Path(argv[1]))
    bodies = {article_id: article.body for article_id, article in knowledge.articles.items()}
    gold = read_gold(Path(argv[0]), bodies)
    shown = timeline_dict(list(knowledge.timeline))["events"]
    shown = [e for e in shown if any(q["article"]["id"] in {g.article for g in gold} for q in e["quotes"])]

    def overlapping(event: dict, kinds: set[str]) -> list[GoldEvent]:
        return [
            g
            for q in event["quotes"]
            for g in gold
            if g.kind in kinds and g.article == q["article"]["id"] and q["start"] < g.end and g.start < q["end"]
        ]

    real_events = [g for g in gold if g.kind == "event"]
    # A quote listed under another date of its event ("Another source dates this …") is shown with that date.
    dated = [*shown, *({"date": o["date"], "quotes": o["quotes"]} for e in shown for o in e["other_dates"])]
    found = [g for g in real_events if any(g in overlapping(e, {"event"}) and e["date"] == g.date for e in dated)]
    is_event = [e for e in shown if overlapping(e, {"event"})]
    right_date = [e for e in shown if any(g.date == e["date"] for g in overlapping(e, {"event"}))]
    print(f"{len(knowledge.articles)} articles, {len(real_events)} marked events, {len(shown)} shown")
    print(f"recall (date and precision right): {len(found)}/{len(real_events)} = {len(found) / max(1, len(real_events)):.2f}")
    print(f"precision (shown that are events):  {len(is_event)}/{len(shown)} = {len(is_event) / max(1, len(shown)):.2f}")
    print(f"precision (and on the marked date): {len(right_date)}/{len(shown)} = {len(right_date) / max(1, len(shown)):.2f}")
    if show_misses:
        shown_on = {g: [e for e in shown if g in overlapping(e, {"event"})] for g in real_events}
        missed = [g for g in real_events if g not in found]
        print_misses(missed, [e for e in shown if e not in right_date], shown_on, bodies)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
