"""Benchmark: how long building the timeline takes on large knowledge folders.

A manual script, not part of the tests or CI: it needs synthetic folders made first with the
project's scale generator (standard-library Python, in the shared tools next to the checkout):

    python3 ../shared/scale/make_corpus.py 300 /tmp/k300
    python3 ../shared/scale/make_corpus.py 3000 /tmp/k3000
    .venv/bin/python bench/timeline_build.py /tmp/k300 /tmp/k3000

For each folder it builds the knowledge base once (not timed: that is the search index's cost),
then times `build_timeline` alone, best of ROUNDS, and splits it into finding dated mentions
(dates, grammar, titles) and merging them into events. The numbers go in the README.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROUNDS = 3


def bench(folder: Path) -> None:
    from bot.knowledge.base import build_knowledge_base
    from bot.knowledge.models import Span
    from bot.timeline.build import build_timeline
    from bot.timeline.found import Mention, find_mentions

    started = time.perf_counter()
    knowledge = build_knowledge_base(folder)
    built = time.perf_counter() - started

    whole = []
    for _ in range(ROUNDS):
        before = time.perf_counter()
        events, _ = build_timeline(knowledge)
        whole.append(time.perf_counter() - before)

    sentences: dict[str, list[Span]] = defaultdict(list)
    for sentence in knowledge.sentences:
        sentences[knowledge.passages[sentence.passage].article_id].append(sentence.span)
    before = time.perf_counter()
    mentions: list[Mention] = []
    for article in knowledge.articles.values():
        mentions.extend(find_mentions(article.id, article.body, article.meta.published, sentences[article.id]))
    finding = time.perf_counter() - before

    roles: dict[str, int] = defaultdict(int)
    for mention in mentions:
        roles[mention.role.value] += 1
    print(
        f"{folder}: {len(knowledge.articles)} articles, knowledge built in {built:.1f} s; "
        f"timeline built in {min(whole):.2f} s (best of {ROUNDS}; finding mentions {finding:.2f} s, "
        f"merging the rest); {len(mentions)} dated mentions ({dict(roles)}), {len(events)} events"
    )


def main(folders: list[str]) -> None:
    if not folders:
        sys.exit("usage: bench/timeline_build.py FOLDER [FOLDER ...]  (make folders with ../shared/scale/make_corpus.py N DIR)")
    for folder in folders:
        path = Path(folder)
        if not (path / "articles").is_dir():
            sys.exit(f"{folder}: no articles/ folder here; make one with ../shared/scale/make_corpus.py N {folder}")
        bench(path)


if __name__ == "__main__":
    main(sys.argv[1:])
