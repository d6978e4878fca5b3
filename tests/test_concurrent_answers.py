"""Many people asking at once: each question gets, from a busy bot, the answer it gets alone.

Front ends answer in worker threads, so everything the answering code shares (the stemmer, the
memoised word tables, the indexes) is used by several threads at the same moment.
"""

from __future__ import annotations

import itertools
import json
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot import commands
from bot.answers import Answer
from bot.knowledge.store import KnowledgeStore

EVAL = Path(__file__).resolve().parent.parent / "eval"
QUESTION_COUNT = 1000
# Each distinct question comes back several times, as popular ones do: the threads then race on
# the memoised question vectors and word tables as well as on fresh work. Every fifth question of
# the sets keeps all their kinds in the mix.
DISTINCT_QUESTIONS = 125
THREADS = 8
# Switch threads every 100 microseconds instead of every 5 ms: dozens of switches inside each
# answer, so threads interleave inside the answering code as they would, far more rarely, over
# months of real traffic (every microsecond found nothing more and took half as long again).
SWITCH_INTERVAL_SECONDS = 1e-4

# What someone reads: each quote's article and place in it, and why a question was declined.
Seen = tuple[str | None, tuple[tuple[str, int, int], ...], tuple[tuple[str, int, int], ...]]


def what_is_seen(answer: Answer | BaseException) -> Seen | str:
    if isinstance(answer, BaseException):
        return f"{type(answer).__name__}: {answer}"
    quotes = tuple((q.article.id, q.start, q.end) for q in answer.quotes)
    closest = tuple((q.article.id, q.start, q.end) for q in answer.closest)
    return (answer.declined.value if answer.declined else None, quotes, closest)


def eval_questions() -> list[str]:
    questions = list(
        dict.fromkeys(
            json.loads(line)["question"]
            for path in sorted(EVAL.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
    )
    spread = questions[:: max(1, len(questions) // DISTINCT_QUESTIONS)][:DISTINCT_QUESTIONS]
    return list(itertools.islice(itertools.cycle(spread), QUESTION_COUNT))


def forget_everything_memoised() -> None:
    """The state of a bot that has just started: every cache in the bot emptied (the stems, the
    English word counts, the synonym table, the stop-word spelling index, the questions' vectors …);
    a class with a cache_clear method is not a cache, its instances are."""
    for name, module in list(sys.modules.items()):
        if name == "bot" or name.startswith("bot."):
            for value in vars(module).values():
                if not isinstance(value, type) and callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                    value.cache_clear()


@pytest.fixture
def fast_thread_switches() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def ask(store: KnowledgeStore, question: str) -> Answer | BaseException:
    try:
        return commands.ask(store, question, frontend="test")
    except Exception as error:  # counted as a wrong answer below, with the others
        return error


def test_a_thousand_questions_from_eight_threads_get_the_answers_they_get_alone(
    bundled_store: KnowledgeStore, fast_thread_switches: None
) -> None:
    questions = eval_questions()
    forget_everything_memoised()
    alone = {question: what_is_seen(ask(bundled_store, question)) for question in dict.fromkeys(questions)}

    forget_everything_memoised()
    start = threading.Barrier(THREADS)

    def ask_when_all_are_ready(question: str) -> Seen | str:
        if threading.current_thread().name not in started:
            started.add(threading.current_thread().name)
            start.wait(timeout=30)  # every worker begins at the same moment, on a cold start
        return what_is_seen(ask(bundled_store, question))

    started: set[str] = set()
    with ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="asker") as pool:
        together = list(pool.map(ask_when_all_are_ready, questions))

    different = [(q, alone[q], seen) for q, seen in zip(questions, together, strict=True) if seen != alone[q]]
    assert not different, f"{len(different)} of {len(questions)} answers differ from the same question asked alone, e.g. {different[:3]}"
