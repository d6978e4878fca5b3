"""Benchmark: what reading the question's speaker costs the learned order (bot/ranking/learned.py).

    .venv/bin/python bench/learned_features.py [eval/*.jsonl]

For each question (every question of the files given, the dev set by default) the fused list's
first fifty sentences are described twice, without and with the question (whose speaker
`speaker_asked` reads), each timed with time.process_time over several rounds; the difference is
the feature's cost. Reported for all questions and for those naming a speaker, which also look up
fifty sentences' speakers.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def main(files: list[str]) -> None:
    from bot.answers import rank_sentences
    from bot.config import BUNDLED_KNOWLEDGE
    from bot.evaluation import read_questions
    from bot.knowledge.base import build_knowledge_base
    from bot.quotations.speaker_index import build_speaker_index
    from bot.ranking.learned import candidate_features
    from bot.search.query import read_question

    knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)
    started = time.process_time()
    index = build_speaker_index(knowledge.speakers, knowledge.passages, knowledge.sentences, knowledge.aliases)
    print(f"speaker index: {len(knowledge.speakers)} speakers, {len(index.of_sentence)} sentences, made in {(time.process_time() - started) * 1000:.2f} ms")
    questions = [q.question for f in files or [str(ROOT / "eval" / "dev_qa.jsonl")] for q in read_questions(Path(f))]
    added: list[float] = []
    paying: list[float] = []
    for question in questions:
        _, query = read_question(knowledge, question)
        rankings, fused = rank_sentences(knowledge, question, query)
        timings = []
        for read in ("", question):
            before = time.process_time()
            for _ in range(ROUNDS):
                candidate_features(knowledge, rankings, fused, query, question=read)
            timings.append((time.process_time() - before) / ROUNDS * 1000)
        added.append(timings[1] - timings[0])
        if index.asked_about(question, knowledge.aliases):
            paying.append(added[-1])
    for label, values in (("all questions", added), ("naming a speaker", paying)):
        if values:
            ordered = sorted(values)
            print(f"{label} ({len(values)}): added median {statistics.median(values):.3f} ms, p90 {ordered[int(0.9 * (len(ordered) - 1))]:.3f}, max {ordered[-1]:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="question files (default: eval/dev_qa.jsonl)")
    main(parser.parse_args().files)
