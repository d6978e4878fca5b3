"""Benchmark: how long building the timeline takes on large knowledge folders.

A manual script, not part of the tests or CI: it needs synthetic folders made first with the
project's scale generator (standard-library Python, in the shared tools next to the checkout):

    python3 ../shared/scale/make_corpus.py 300 /tmp/k300
    python3 ../shared/scale/make_corpus.py 3000 /tmp/k3000
    .venv/bin/python bench/timeline_build.py /tmp/k300 /tmp/k3000

For each folder it builds the knowledge base once, words only (not timed: that is the search index's cost),
then times `build_timeline` alone, best of ROUNDS, twice: cold (each article's mentions found anew,
as at the first start) and remembered (as a reload finds the articles it read before: only the
merge runs again, and it runs whole: the merge's own memory of its decisions, which a reload
after a change uses, is forgotten each round), and splits the cold build into finding dated mentions (dates, grammar, titles)
and merging them into events. The numbers go in the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROUNDS = 3


def bench(folder: Path) -> None:
    from bot.knowledge import base
    from bot.ranking.lexical import LexicalRanker
    from bot.timeline import remembered
    from bot.timeline.build import build_timeline, forget_merges
    from bot.timeline.remembered import find_all_mentions
    from bot.timeline.models import TimelineEvent

    # The meaning signal plays no part in the timeline, and encoding 155,000 sentences of a cold
    # folder would take hours here: the knowledge is built with the word ranker alone.
    base.build_rankers = lambda knowledge, embedding_cache=None: (LexicalRanker.build(knowledge),)  # type: ignore[assignment]
    started = time.perf_counter()
    knowledge = base.build_knowledge_base(folder)
    built = time.perf_counter() - started

    def timed(cold: bool) -> tuple[float, float, tuple[TimelineEvent, ...]]:
        whole, cpu = [], []
        for _ in range(ROUNDS):
            if cold:
                remembered.forget()
            forget_merges()
            before, before_cpu = time.perf_counter(), time.process_time()
            events, _ = build_timeline(knowledge)
            whole.append(time.perf_counter() - before)
            cpu.append(time.process_time() - before_cpu)
        return min(whole), min(cpu), events

    cold_wall, cold_cpu, events = timed(cold=True)
    # The largest event, in quotes under every date it has: a merge that chains grows one event.
    largest = max((len(e.quotes) + sum(len(o.quotes) for o in e.other_dates) for e in events), default=0)
    warm_wall, warm_cpu, _ = timed(cold=False)
    remembered.forget()
    before = time.process_time()
    mentions = find_all_mentions(knowledge)
    finding = time.process_time() - before

    roles: dict[str, int] = defaultdict(int)
    for mention in mentions:
        roles[mention.role.value] += 1
    print(
        f"{folder}: {len(knowledge.articles)} articles, knowledge built in {built:.1f} s; "
        f"timeline built cold in {cold_wall:.2f} s wall, {cold_cpu:.2f} s CPU (finding mentions {finding:.2f} s CPU, "
        f"merging the rest), remembered in {warm_wall:.2f} s wall, {warm_cpu:.2f} s CPU (best of {ROUNDS} each); "
        f"{len(mentions)} dated mentions ({dict(roles)}), {len(events)} events, the largest of {largest} quotes; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores"
    )


def main(folders: list[str]) -> None:
    for folder in folders:
        path = Path(folder)
        if not (path / "articles").is_dir():
            sys.exit(f"{folder}: no articles/ folder here; make one with ../shared/scale/make_corpus.py N {folder}")
        bench(path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", help="knowledge folders (make them with ../shared/scale/make_corpus.py N DIR)")
    main(parser.parse_args().folders)
