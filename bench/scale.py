"""Benchmark at size: start-up, answer time and memory over a large knowledge folder, and our BM25
against rank-bm25, bm25s and tantivy on the same passages.

    python3 ../shared/scale/make_corpus.py 300 /tmp/k300 --questions /tmp/q300.txt
    .venv/bin/python bench/scale.py /tmp/k300 --questions /tmp/q300.txt [--cache DIR] [--words-only]

The folder comes from the synthetic-corpus generator (../shared/scale/, standard-library Python);
this script only reads it. Start-up is measured twice in one process: first with the embedding
cache in --cache as it is (cold when the folder is new: every sentence is encoded), then again
with the cache just written (warm, as a restart). A reload after one article changes is measured
on a copy of the folder (in a temporary folder) through KnowledgeStore.reload, as the watcher and
/reload run it. The machine may be shared, so every time is given as wall time and as this
process's CPU time, with the load average when it was taken. --words-only switches the meaning signal off,
for folders whose cold encoding would take too long on the machine at hand. The other BM25
libraries are optional (`pip install -e '.[bench]'`); one that is missing is skipped.
Tests check correctness, never timings: the numbers go in the README.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answers import answer  # noqa: E402
from bot.config import BUNDLED_KNOWLEDGE  # noqa: E402
from bot.knowledge import base  # noqa: E402
from bot.knowledge.base import KnowledgeBase, build_knowledge_base  # noqa: E402
from bot.knowledge.store import KnowledgeStore  # noqa: E402
from bot.ranking.lexical import LexicalRanker  # noqa: E402
from bot.ranking.protocol import Ranker  # noqa: E402
from bot.search.bm25 import Bm25Index  # noqa: E402
from bot.search.query import analyse  # noqa: E402

DEV_SET = ROOT / "eval" / "dev_qa.jsonl"
LIBRARY_ROUNDS = 2  # each question's terms scored this many times by each library
# Per query, rank-bm25 loops in Python over every document holding each term (seconds a query at
# 80,000 passages): it is timed on the first questions only.
SLOW_LIBRARY_QUERIES = 20
T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a knowledge folder (from make_corpus.py)")
    parser.add_argument("--questions", type=Path, required=True, help="questions, one a line")
    parser.add_argument("--cache", type=Path, help="embedding cache folder (default: a new temporary one, so cold)")
    parser.add_argument("--words-only", action="store_true", help="switch the meaning signal off")
    parser.add_argument("--skip-libraries", action="store_true", help="do not compare with other BM25 libraries")
    args = parser.parse_args()
    questions = [line.strip() for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.words_only:
        # The bench's one switch: build the knowledge with the lexical ranker alone (no model, no encoding).
        base.build_rankers = _words_only_rankers  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as temporary:
        cache = args.cache or Path(temporary)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {_load()}, "
              f"meaning signal {'off' if args.words_only else 'on'}, embedding cache {cache}")
        knowledge = _start_up(args.folder, cache)
        _answer_times(knowledge, questions)
        print(f"peak resident memory (two knowledge bases alive during the second start): {_peak_mb():.0f} MB")
        _same_first_article(knowledge, cache)
        _reload_after_one_change(knowledge, Path(temporary), cache)
    print(f"peak resident memory at the end: {_peak_mb():.0f} MB")
    if not args.skip_libraries:
        _compare_libraries(knowledge, questions)
    print(f"load average at the end {_load()}")


def _words_only_rankers(knowledge: KnowledgeBase, embedding_cache: Path | None = None) -> tuple[Ranker, ...]:
    return (LexicalRanker.build(knowledge),)


def _start_up(folder: Path, cache: Path) -> KnowledgeBase:
    had_cache = any(cache.glob("minilm-*.npz"))
    first = _timed(lambda: build_knowledge_base(folder, embedding_cache=cache))
    knowledge = first.result
    print(f"{len(knowledge.articles)} articles, {len(knowledge.passages)} passages, {len(knowledge.sentences)} sentences "
          f"({len({knowledge.sentence_text(i) for i in range(len(knowledge.sentences))})} distinct)")
    state = "no model" if base.build_rankers is _words_only_rankers else "warm embedding cache" if had_cache else "cold embedding cache"
    print(f"start-up, first in this process ({state}, model loaded on the way): {first}")
    second = _timed(lambda: build_knowledge_base(folder, embedding_cache=cache))
    print(f"start-up, again (warm cache, model loaded, modules imported): {second}")
    return second.result


def _answer_times(knowledge: KnowledgeBase, questions: Sequence[str]) -> None:
    answer(knowledge, questions[0])  # the first question of a process: anything still loaded lazily
    timed = [_timed(lambda q=question: answer(knowledge, q)) for question in questions]
    for name, values in (("wall", sorted(t.wall * 1000 for t in timed)), ("CPU", sorted(t.cpu * 1000 for t in timed))):
        print(f"answer time ({name}) over {len(values)} questions, each asked once: p50 {statistics.median(values):.1f} ms, "
              f"p99 {_percentile(values, 0.99):.1f} ms, max {values[-1]:.1f} ms")
    print(f"  load average then {_load()}")


def _reload_after_one_change(knowledge: KnowledgeBase, temporary: Path, cache: Path) -> None:
    """A copy of the folder, served by a store; one article gains a sentence; the store reloads."""
    copy = temporary / "knowledge"
    shutil.copytree(knowledge.folder, copy)
    store = KnowledgeStore(copy, embedding_cache=cache)
    article = sorted(store.current.articles.values(), key=lambda a: a.id)[len(store.current.articles) // 2]
    edited = article.path  # in the copy
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA sentence added to measure a reload.\n", encoding="utf-8")
    reload = _timed(store.reload)
    print(f"reload after one article changed ({article.id}): {reload} ({reload.result.summary().splitlines()[0][:80]}…)")


def _same_first_article(knowledge: KnowledgeBase, cache: Path) -> None:
    """Interference: does the dev set's first quote still come from the article it came from with
    the bundled folder alone? (Issue #15's target: 22 of 25 at 3,000 articles.)"""
    if not DEV_SET.exists():
        return
    differing = _settings_differing(knowledge.folder, BUNDLED_KNOWLEDGE)
    if differing:
        # A folder made before the bundled folder's aliases changed reads the questions differently:
        # its articles' answers then differ for that alone (make the folder again from knowledge/).
        print(f"  note: {', '.join(differing)} of {knowledge.folder} differ from the bundled folder's")
    alone = build_knowledge_base(BUNDLED_KNOWLEDGE, embedding_cache=cache)
    questions = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    changed = [q["id"] for q in questions if _first_article(alone, q["question"]) != _first_article(knowledge, q["question"])]
    print(f"dev questions whose first quote comes from the same article as with the bundled folder alone: "
          f"{len(questions) - len(changed)} of {len(questions)}" + (f" (changed: {', '.join(changed)})" if changed else ""))


def _settings_differing(folder: Path, bundled: Path) -> list[str]:
    """The folder's files beside its articles (aliases, the bot's settings) that are not the bundled folder's."""
    names = sorted({p.name for p in (*folder.glob("*.yaml"), *bundled.glob("*.yaml"))})
    return [name for name in names if _read(folder / name) != _read(bundled / name)]


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def _first_article(knowledge: KnowledgeBase, question: str) -> str | None:
    """The article of the first quote, None when the question is declined."""
    reply = answer(knowledge, question)
    return reply.quotes[0].article.id if reply.answered else None


def _compare_libraries(knowledge: KnowledgeBase, questions: Sequence[str]) -> None:
    """Query time of each library over the same tokenised passages and the same question terms."""
    documents = [list(terms) for terms in knowledge.passage_terms]
    queries = [terms for question in questions if (terms := sorted(analyse(knowledge, question).weights))]
    ours_built = _timed(lambda: Bm25Index(documents))
    ours = ours_built.result
    print(f"  our index built in {ours_built}")
    print(f"BM25 over {len(documents)} passages, {len(queries)} queries; ours scores every matching passage; CPU time a query:")
    for name, build, asked in (
        ("rank-bm25 BM25Okapi.get_scores", _rank_bm25, queries[:SLOW_LIBRARY_QUERIES]),
        ("bm25s (top 10)", _bm25s, queries),
        ("tantivy (top 10)", _tantivy, queries),
    ):
        try:
            built = _timed(lambda build=build: build(documents))
        except ImportError as missing:
            print(f"  {name}: skipped ({missing})")
            continue
        theirs = _per_query_ms(built.result, asked)
        ours_ms = _per_query_ms(lambda terms: ours.scores(dict.fromkeys(terms, 1.0)), asked)
        print(f"  {name}: {theirs:.2f} ms against ours {ours_ms:.2f} ms over the same {len(asked)} queries = "
              f"{theirs / ours_ms:.2f}x ours (index built in {built})")


def _rank_bm25(documents: list[list[str]]) -> Callable[[list[str]], object]:
    from rank_bm25 import BM25Okapi

    index = BM25Okapi(documents, k1=1.2, b=0.75)
    return index.get_scores


def _bm25s(documents: list[list[str]]) -> Callable[[list[str]], object]:
    import bm25s

    index = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    vocabulary = {term: i for i, term in enumerate(sorted({t for d in documents for t in d}))}
    index.index(bm25s.tokenization.Tokenized(ids=[[vocabulary[t] for t in d] for d in documents], vocab=vocabulary), show_progress=False)

    def search(terms: list[str]) -> object:
        ids = [vocabulary[t] for t in terms if t in vocabulary]  # bm25s's own vocabulary, built from ours
        return index.get_scores(ids).argsort()[-10:] if ids else None

    return search


def _tantivy(documents: list[list[str]]) -> Callable[[list[str]], object]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace")
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer()
    for document in documents:
        writer.add_document(tantivy.Document(body=" ".join(document)))
    writer.commit()
    index.reload()
    searcher = index.searcher()

    def search(terms: list[str]) -> object:
        query = tantivy.Query.boolean_query([(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in terms])
        return searcher.search(query, 10).hits

    return search


def _per_query_ms(search: Callable[[list[str]], object], queries: Sequence[list[str]]) -> float:
    """CPU milliseconds a query: the libraries are compared by work done, whatever else the machine runs."""
    search(queries[0])
    started = time.process_time()
    for _ in range(LIBRARY_ROUNDS):
        for terms in queries:
            search(terms)
    return (time.process_time() - started) * 1000 / (LIBRARY_ROUNDS * len(queries))


@dataclass(frozen=True)
class Timed(Generic[T]):
    wall: float
    cpu: float  # this process's CPU time: what the work cost, whatever else the machine was doing
    load: float  # the one-minute load average at the end
    result: T

    def __str__(self) -> str:
        return f"{self.wall:.2f} s wall, {self.cpu:.2f} s CPU (load average {self.load:.1f})"


def _timed(work: Callable[[], T]) -> Timed[T]:
    started, started_cpu = time.perf_counter(), time.process_time()
    result = work()
    return Timed(time.perf_counter() - started, time.process_time() - started_cpu, os.getloadavg()[0], result)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentile(sorted_values: Sequence[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * fraction))]


if __name__ == "__main__":
    main()
