"""Benchmark: what the /reload report costs when a folder has many problems and all of them moved.

A reload's report names only the problems that are new or fixed (bot.knowledge.store.ReloadReport).
A line added at the top of a shared file (timeline.yaml) moves every problem in it down a line:
each is then matched by file, field and message rather than by line. This times the summary for
N problems unchanged and N problems all moved by one edit, and prints how many were reported new
or fixed (0 in both: nothing changed but the lines).

Run with `.venv/bin/python bench/reload_report.py [N ...]` (default 3000 10000). Numbers go in the
README or docs, never into timed tests.
"""

from __future__ import annotations

import argparse
import time

from bot.knowledge.models import Problem
from bot.knowledge.store import ReloadReport


def problems(count: int, first_line: int) -> tuple[Problem, ...]:
    """A folder's problems as one file gives them: a few messages, repeated, one entry per line."""
    return tuple(Problem("timeline.yaml", "events", f"quote not found in article {i % 7}", first_line + i) for i in range(count))


def timed_summary(now: tuple[Problem, ...], before: tuple[Problem, ...]) -> tuple[float, str]:
    report = ReloadReport((), (), (), 3, 40, tuple(str(p) for p in now), 0.1, problems=now, earlier_problems=before)
    start = time.perf_counter()
    summary = report.summary()
    return time.perf_counter() - start, summary.splitlines()[0].rsplit("; ", 1)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("counts", type=int, nargs="*", default=[3000, 10000], help="how many problems (default 3000 10000)")
    for count in parser.parse_args().counts:
        before = problems(count, 1)
        for case, now in (("unchanged", before), ("all moved a line", problems(count, 2))):
            seconds, said = timed_summary(now, before)
            print(f"{count:>6} problems, {case:<16} {seconds * 1000:8.1f} ms  ({said})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
