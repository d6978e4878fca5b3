"""Benchmark: ways to share the Snowball stemmer between answering threads, and what each costs.

A snowballstemmer object keeps the word it is stemming in its own fields, so one object used by
several threads at once stems words wrongly or raises IndexError. The candidates:

- shared:    one object for every thread, no guard (the old code: wrong, shown for the count)
- lock:      one object, a lock around each call
- per-thread: one object per thread (threading.local)
- per-call:  a new object for every word (pure, nothing shared)

Each stems a fixed list of distinct words (every word of the bundled articles and of the eval
questions, so no memo helps) from 1 thread and from 8 threads at once, with the interpreter's
default thread switch interval, in CPU time (best of several rounds), so other programs on a
busy machine count for little. The bot puts an lru_cache in front of whichever is chosen; the
last line is the cost of a cache hit, which is what most calls are once a bot has run a while.

Run: `.venv/bin/python bench/stemmer_threads.py`. The numbers go in the README.
"""

from __future__ import annotations

import argparse
import functools
import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import snowballstemmer

from bot.search.normalise import words

ROOT = Path(__file__).resolve().parent.parent
THREADS = 8
ROUNDS = 9


def distinct_words() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "knowledge" / "articles").glob("*.md"))]
    for path in sorted((ROOT / "eval").glob("*.jsonl")):
        texts += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted({word for text in texts for word in words(text)})


def shared() -> Callable[[str], str]:
    stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord  # type: ignore[no-any-return]


def locked() -> Callable[[str], str]:
    stemmer = snowballstemmer.stemmer("english")
    lock = threading.Lock()

    def stem(word: str) -> str:
        with lock:
            return stemmer.stemWord(word)  # type: ignore[no-any-return]

    return stem


def per_thread() -> Callable[[str], str]:
    local = threading.local()

    def stem(word: str) -> str:
        try:
            stemmer = local.stemmer
        except AttributeError:
            stemmer = local.stemmer = snowballstemmer.stemmer("english")
        return stemmer.stemWord(word)  # type: ignore[no-any-return]

    return stem


def per_call() -> Callable[[str], str]:
    def stem(word: str) -> str:
        return snowballstemmer.stemmer("english").stemWord(word)  # type: ignore[no-any-return]

    return stem


CANDIDATES = {"shared": shared, "lock": locked, "per-thread": per_thread, "per-call": per_call}


def run(stem: Callable[[str], str], vocabulary: list[str], threads: int) -> tuple[float, int]:
    """CPU seconds to stem every word once per thread, all threads at once; wrong stems seen."""
    reference = {word: snowballstemmer.stemmer("english").stemWord(word) for word in vocabulary}
    start = threading.Barrier(threads)

    def work(_: int) -> int:
        start.wait()
        wrong = 0
        for word in vocabulary:
            try:
                wrong += stem(word) != reference[word]
            except (IndexError, AssertionError):  # the shared object's fields changed mid-word
                wrong += 1
        return wrong

    began = time.process_time()  # CPU time: other programs on the machine do not count
    with ThreadPoolExecutor(max_workers=threads) as pool:
        wrong = sum(pool.map(work, range(threads)))
    return time.process_time() - began, wrong


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    vocabulary = distinct_words()
    print(f"{len(vocabulary)} distinct words; CPU time, best of {ROUNDS} rounds")
    print(f"{'':12} {'1 thread, µs/word':>18} {f'{THREADS} threads, µs/word':>20} {'wrong stems':>12}")
    for name, make in CANDIDATES.items():
        alone = min(run(make(), vocabulary, 1)[0] for _ in range(ROUNDS))
        together = [run(make(), vocabulary, THREADS) for _ in range(ROUNDS)]
        seconds = min(t for t, _ in together)
        wrong = sum(w for _, w in together)
        calls = len(vocabulary)
        print(f"{name:12} {1e6 * alone / calls:18.2f} {1e6 * seconds / (calls * THREADS):20.2f} {wrong:12}")

    cached = functools.lru_cache(maxsize=65536)(per_thread())
    for word in vocabulary:
        cached(word)
    began = time.process_time()
    for _ in range(ROUNDS):
        for word in vocabulary:
            cached(word)
    print(f"lru_cache hit in front of any of them: {1e6 * (time.process_time() - began) / (ROUNDS * len(vocabulary)):.2f} µs/word")


if __name__ == "__main__":
    main()
