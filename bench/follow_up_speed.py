"""Benchmark: what a follow-up in a long thread costs, on the bundled knowledge.

A Discord or Slack thread passes every earlier message to `answer_follow_up`; this times the last
answer of ten-message threads (nine earlier messages) and the whole thread answered in turn, as
the bot answers it. It also prints each reply's reading (what it followed, declined or the quotes'
offsets) and a checksum of them all, so a change meant to make follow-ups cheaper can show it
changed no reply.

The bundled knowledge has three articles, so a full answer is cheap here; how many full answers
(`bot.answers.answer` calls, the ranking pipeline run once each) the last message costs is
printed too, which grows with nothing but the thread.

Run with `.venv/bin/python bench/follow_up_speed.py [ROUNDS] [KNOWLEDGE_FOLDER]`. Numbers go in the README, never
into timed tests.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

# Threads of ten messages as people write them: a question, follow-ups leaning on it, a question
# of its own, small talk, and follow-ups leaning past the ones that leaned.
THREADS = [
    [
        "When did the Hanoi summit collapse?",
        "and why?",
        "what did trump say about it?",
        "and kim?",
        "is that true?",
        "who is Stephen Biegun?",
        "what did he say?",
        "and Vox?",
        "thanks",
        "when?",
    ],
    [
        "how old is kim jong un",
        "and trump?",
        "hmm",
        "what did moon jae-in say about the summit?",
        "and the north koreans?",
        "who said that?",
        "why did the talks in hanoi fail?",
        "and why?",
        "ok, when?",
        "what about Yongbyon?",
    ],
]
ROUNDS = 3


def _reading(result: object) -> str:
    from bot.answers import Answer

    assert isinstance(result, Answer)
    quotes = ",".join(f"{q.article.id}:{q.start}-{q.end}" for q in result.quotes)
    closest = ",".join(f"{q.article.id}:{q.start}-{q.end}" for q in result.closest)
    declined = result.declined.value if result.declined else "answered"
    return f"{declined} follows={result.follows!r} tried_with={result.tried_with!r} outlets={result.outlets} quotes=[{quotes}] closest=[{closest}]"


def _counting(function: Callable[..., object], calls: list[int]) -> Callable[..., object]:
    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return function(*args, **kwargs)

    return counted


def main() -> None:
    from bot import answers
    from bot.answers import answer_follow_up
    from bot.config import BUNDLED_KNOWLEDGE
    from bot.knowledge.base import build_knowledge_base

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", type=int, nargs="?", default=ROUNDS, help=f"timed rounds (default {ROUNDS})")
    parser.add_argument("folder", type=Path, nargs="?", default=BUNDLED_KNOWLEDGE, help="the knowledge folder (default: the bundled knowledge/)")
    args = parser.parse_args()
    rounds = args.rounds
    knowledge = build_knowledge_base(args.folder)
    calls = [0]
    answers.answer = _counting(answers.answer, calls)  # type: ignore[assignment]  # counted, not changed
    answer_follow_up(knowledge, THREADS[0][0], [])  # anything still loaded lazily
    digest = hashlib.sha256()
    for thread in THREADS:
        last_times, whole_times, last_calls = [], [], 0
        for round_ in range(rounds):
            started = time.perf_counter()
            for position, message in enumerate(thread):
                before, calls[0] = time.perf_counter(), 0
                result = answer_follow_up(knowledge, message, thread[:position])
                if position == len(thread) - 1:
                    last_times.append(time.perf_counter() - before)
                    last_calls = calls[0]
                if round_ == 0:
                    reading = _reading(result)
                    digest.update(reading.encode("utf-8"))
                    print(f"  {message!r}: {reading}")
            whole_times.append(time.perf_counter() - started)
        print(
            f"thread opening {thread[0]!r}: last answer median {statistics.median(last_times) * 1000:.0f} ms "
            f"({last_calls} full answers), "
            f"whole thread median {statistics.median(whole_times) * 1000:.0f} ms ({rounds} rounds)"
        )
    print(f"replies checksum {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
