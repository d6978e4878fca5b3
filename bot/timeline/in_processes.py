"""Finding many articles' dated mentions in more than one process: a cold timeline build (a first
start, or the first after the rules changed) finds them in every article, which is four fifths of
the build and, one article at a time, work no other article's result feeds.

The articles are cut into contiguous shares; this process finds the first while each other share
goes to a Python process of its own (`python -m bot.timeline.in_processes`), started afresh rather
than forked: forking a process whose threads (answers, the embedding model's) may hold a lock
leaves that lock held in the child. What crosses is plain values in marshal's format (an
article's inputs in, `plain_mentions` out, as the article cache writes them), so the mentions
that come back are equal to the ones this process would have found. A helper that fails to start,
dies or answers with something unreadable only costs the time: its share is found here.
"""

from __future__ import annotations

import datetime as dt
import logging
import marshal
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.knowledge.models import Span
from bot.timeline.found import Mention, find_mentions
from bot.timeline.plain import mentions_from_plain, plain_mentions
from bot.timeline.sentence_memo import SentenceMemo

logger = logging.getLogger(__name__)

# What one article's mentions are found from: its id, body, publication date, sentences and which
# of them may hold a date (find_mentions' arguments).
Inputs = tuple[str, str, dt.date, tuple[Span, ...], tuple[bool, ...]]
Found = tuple[Mention, ...]

# Below this many articles a helper's start (about half a second of imports) costs more than its
# share saves: a reload reads a few articles, a cold build thousands (2.5 ms an article at 3,000).
LEAST_ARTICLES = 400
MOST_PROCESSES = 4
# The helper's start, in articles' worth of finding, given to this process's share instead.
_START_IN_ARTICLES = 150
# The bot's own package, wherever the interpreter was started from: the helper imports it.
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def processes(articles: int) -> int:
    """How many processes find `articles` articles' mentions: one each of the CPUs this process
    may run on (at most MOST_PROCESSES), and one alone below LEAST_ARTICLES."""
    if articles < LEAST_ARTICLES:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, MOST_PROCESSES))


def find_all(articles: Sequence[Inputs], find: Callable[[Inputs], Found], count: int | None = None) -> list[Found]:
    """Each article's mentions, in order: `find` here for the first share, helper processes for
    the others (`count` processes in all; processes() when not given)."""
    count = min(processes(len(articles)) if count is None else count, len(articles))
    if count <= 1:
        return [find(item) for item in articles]
    shares = _shares(articles, count)
    with ThreadPoolExecutor(count - 1) as pool:  # each thread only waits on its helper's pipes
        helped = [pool.submit(_in_a_helper, share) for share in shares[1:]]
        found = [find(item) for item in shares[0]]
        for share, future in zip(shares[1:], helped, strict=True):
            from_helper = future.result()
            found.extend(from_helper if from_helper is not None else (find(item) for item in share))
    return found


def _shares(articles: Sequence[Inputs], count: int) -> list[Sequence[Inputs]]:
    """Contiguous shares that take about as long (work counted in sentences worth reading), this
    process's the first and larger by what a helper's start costs, since only helpers pay it."""
    work = [sum(flags) + 1 for *_, flags in articles]
    start = _START_IN_ARTICLES * sum(work) / len(work)
    mine = (sum(work) + (count - 1) * start) / count
    ends = [mine + k * max(mine - start, 0.0) for k in range(count - 1)]  # where each share's work ends
    cuts, done = [], 0.0
    for position, amount in enumerate(work):
        done += amount
        while len(cuts) < count - 1 and done >= ends[len(cuts)]:
            cuts.append(position + 1)
    bounds = [0, *cuts, *[len(articles)] * (count - len(cuts))]
    return [articles[a:b] for a, b in zip(bounds, bounds[1:])]


def _in_a_helper(share: Sequence[Inputs]) -> list[Found] | None:
    """The share's mentions found by a new Python process, or None when it did not give them."""
    if not share:
        return []
    plain = marshal.dumps(
        [(id_, body, published.toordinal(), [(s.start, s.end) for s in spans], list(flags)) for id_, body, published, spans, flags in share]
    )
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (_PACKAGE_ROOT, os.environ.get("PYTHONPATH"))))}
    try:
        done = subprocess.run(
            [sys.executable, "-m", __name__], input=plain, capture_output=True, env=environment, check=False, timeout=600
        )
        if done.returncode != 0:
            raise RuntimeError(f"exit status {done.returncode}: {done.stderr.decode(errors='replace')[-300:]}")
        found = [mentions_from_plain(article) for article in marshal.loads(done.stdout)]
        if len(found) != len(share) or any(m.article_id != item[0] for item, mentions in zip(share, found) for m in mentions):
            raise ValueError("answered for other articles")
        return found
    except Exception as error:  # noqa: BLE001 -- any failure only costs finding the share in this process
        logger.warning("A helper process finding dated mentions failed (%s); its %d articles are read here", error, len(share))
        return None


def _helper(stdin: bytes) -> bytes:
    """What the helper process does: the articles' mentions as plain values, one memo for them all."""
    memo = SentenceMemo()
    found = []
    for id_, body, published, spans, flags in marshal.loads(stdin):
        sentences = tuple(Span(start, end) for start, end in spans)
        found.append(plain_mentions(tuple(find_mentions(id_, body, dt.date.fromordinal(published), sentences, flags, memo))))
    return marshal.dumps(found)


if __name__ == "__main__":
    sys.stdout.buffer.write(_helper(sys.stdin.buffer.read()))
