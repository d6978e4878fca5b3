"""Benchmark: start-up (cold and warm embedding cache), answer time and peak memory on the
bundled knowledge, with the meaning signal (all-MiniLM-L6-v2 run by onnxruntime).

Run with `make bench` (or `.venv/bin/python bench/answer_speed.py`). The numbers go in the
README; tests check correctness, never timings. The cold start encodes every sentence into an
empty temporary cache; the warm one reads them back, as a restart does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "eval" / "dev_qa.jsonl"
EXTRA_QUESTIONS = [
    "Did Kim offer to shut the reactor?",  # first: a word with synonyms, so anything loaded lazily shows
    "Why did the Hanoi summit collapse?",
    "Who is Stephen Biegun?",
    "What did the Singapore accord say?",
    "Is North Korea still testing missiles?",
    "What is the weather in Pyongyang today?",
    "santions relief for Yongbyon?",
]
ROUNDS = 40


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    started = time.perf_counter()
    from bot.answers import answer
    from bot.config import BUNDLED_KNOWLEDGE
    from bot.knowledge.base import build_knowledge_base
    from bot.ranking.minilm import shared_model

    imported = time.perf_counter()
    model = shared_model()
    model_loaded = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["BOT_EMBEDDING_CACHE"] = cache
        build_knowledge_base(BUNDLED_KNOWLEDGE)  # cold: every sentence encoded
        cold = time.perf_counter()
        knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)  # warm: read from the cache
        built = time.perf_counter()

    questions = list(EXTRA_QUESTIONS)
    if DEV_SET.exists():
        questions += [json.loads(line)["question"] for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    answer(knowledge, questions[0])  # the first question of a process: anything still loaded lazily
    first_answer = time.perf_counter() - built

    encodings = []
    for question in questions:
        before = time.perf_counter()
        model.encode([question])
        encodings.append((time.perf_counter() - before) * 1000)

    # Each question once as new (encoded), then again as asked before (its vector remembered).
    from bot.ranking.semantic import remembered_questions

    timings, new_cpu = [], []
    for round_ in range(ROUNDS):
        for question in questions:
            if round_ == 0:
                remembered_questions.cache_clear()
            before, before_cpu = time.perf_counter(), time.thread_time()
            answer(knowledge, question)
            timings.append((time.perf_counter() - before) * 1000)
            if round_ == 0:  # this thread's CPU time: what other jobs on a shared machine do not inflate
                new_cpu.append((time.thread_time() - before_cpu) * 1000)
    new_questions = sorted(timings[: len(questions)])
    new_cpu.sort()
    timings.sort()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"python {sys.version.split()[0]}, {len(knowledge.articles)} articles, {len(knowledge.passages)} passages, {len(knowledge.sentences)} sentences")
    print(f"start-up: import {1000 * (imported - started):.0f} ms + model {1000 * (model_loaded - imported):.0f} ms")
    print(f"  load/validate/index, cold embedding cache (encode every sentence): {1000 * (cold - model_loaded):.0f} ms")
    print(f"  load/validate/index, warm embedding cache: {1000 * (built - cold):.0f} ms; warm start-up in all {1000 * (built - cold + model_loaded - started):.0f} ms")
    print(f"question encoding: median {statistics.median(encodings):.1f} ms, max {max(encodings):.1f} ms")
    print(f"answer time, first asking of each question (encoded): median {statistics.median(new_questions):.2f} ms, p99 {new_questions[int(len(new_questions) * 0.99) - 1]:.2f} ms")
    print(f"  the same in CPU time: median {statistics.median(new_cpu):.2f} ms, p99 {new_cpu[int(len(new_cpu) * 0.99) - 1]:.2f} ms (load average {os.getloadavg()[0]:.1f})")
    print(f"first answer: {1000 * first_answer:.1f} ms")
    print(f"answer time over {len(timings)} answers: median {statistics.median(timings):.2f} ms, p99 {timings[int(len(timings) * 0.99) - 1]:.2f} ms, max {timings[-1]:.2f} ms")
    print(f"peak resident memory (terminal chat / CLI): {peak_mb:.0f} MB")
    # A Discord or Slack process also holds its platform library.
    import discord  # noqa: F401
    import slack_bolt.async_app  # noqa: F401

    platform_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory with discord.py and slack-bolt loaded: {platform_mb:.0f} MB")


if __name__ == "__main__":
    main()
