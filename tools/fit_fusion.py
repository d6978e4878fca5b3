"""Fits the ranking pipeline's fusion, leaving one question set out at a time.

    .venv/bin/python tools/fit_fusion.py eval/*.jsonl            # held-out numbers only
    .venv/bin/python tools/fit_fusion.py --write eval/*.jsonl    # and ship the fit on all sets

Every fusion setting below (score fusion with the meaning ranker's weight and the share of the best
score a later quote needs; reciprocal rank fusion with its k and weight) answers every question
with the bot's own stages and no answer check, so what is measured is the ranking alone: the rank
of the first quote holding a gold span. Then, for each set in turn (one file = one fold), the
setting that does best on the other sets is measured on the set left out, beside the shipped
setting: the cross-validated numbers docs/measurements.md reports. The last line is the setting that does
best on all the sets together, which --write keeps in bot/ranking/fusion.json for the bot to ship
(then refit the learned order and the check over it, in that order: each is fitted over the
stages before it). The fusion is measured alone, without
the learned re-ranking of its head that the bot adds (fitted afterwards, on the shipped fusion,
by tools/fit_learned_ranking.py); the answer check is fitted last, over both, by
tools/fit_answer_check.py.

A setting is worth, on the training sets, one per question whose first quote is right and half
for a right second or third quote (the same worth tools/fit_answer_check.py uses). Unanswerable
questions do not enter: without the check every question is answered.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

from bot.answers import PIPELINE, Pipeline, answer
from bot.config import BUNDLED_KNOWLEDGE
from bot.evaluation import EvalQuestion, first_hit_rank, read_questions
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.ranking.answer_check import AnswerCheck, Evidence
from bot.ranking.fitted_fusion import FUSION_FILE, FittedFusion
from bot.ranking import semantic
from bot.ranking.fusion import FusionWeights

SECOND_OR_THIRD = 0.5
NO_HIT = 99


class AnswersEverything(AnswerCheck):
    """No check and no gate: every question gets its best quotes, for measuring the ranking."""

    def answers(self, evidence: Evidence) -> bool:
        return True


EVERYTHING = AnswersEverything()
SETTINGS: dict[str, Pipeline] = {
    "shipped": Pipeline(fusion=PIPELINE.fusion, check=EVERYTHING, following_quote_ratio=PIPELINE.following_quote_ratio, reranking=None),
    **{
        f"score, meaning {weight:g}, later quotes {ratio:g}": Pipeline(
            fusion=FusionWeights(weights={"meaning": weight}, by_score=True), check=EVERYTHING, following_quote_ratio=ratio, reranking=None
        )
        for weight, ratio in itertools.product((0.5, 0.75, 1.0, 1.5, 2.0), (0.5, 0.6, 0.7))
    },
    **{
        f"rank, k {k:g}, meaning {weight:g}": Pipeline(fusion=FusionWeights(k, {"meaning": weight}), check=EVERYTHING, reranking=None)
        for k, weight in itertools.product((5.0, 20.0, 60.0), (1.0, 1.5, 2.0))
    },
}


def remember_every_question() -> None:
    """Remember every text's vector for the rest of the run. These scripts answer each question
    once a setting, fold or block; the bot remembers the last 2,048 texts, fewer than one pass
    asks, so each pass encoded every question again (most of a pass's CPU time)."""
    semantic.remembered_questions = semantic.RememberedVectors(1_000_000)


def first_hit_ranks(knowledge: KnowledgeBase, questions: list[EvalQuestion], pipeline: Pipeline) -> np.ndarray:
    """The rank of the first quote holding a gold span, per answerable question (NO_HIT: none)."""
    return np.array([first_hit_rank(answer(knowledge, q.question, pipeline=pipeline), q.answers) or NO_HIT for q in questions])


def worth(ranks: np.ndarray) -> np.ndarray:
    """Per setting (rows), per question: 1 for a right first quote, SECOND_OR_THIRD for a second or third."""
    return (ranks == 1) + SECOND_OR_THIRD * ((ranks > 1) & (ranks <= 3))


def line(ranks: np.ndarray, paraphrase: np.ndarray) -> str:
    return f"R@1 {(ranks == 1).mean():.3f} (paraphrase {(ranks[paraphrase] == 1).mean():.3f})  R@3 {(ranks <= 3).mean():.3f}"


def main(arguments: list[str]) -> int:
    write = "--write" in arguments
    files = [a for a in arguments if not a.startswith("-")]
    remember_every_question()
    knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)
    names = [Path(f).stem for f in files]
    questions = [(i, q) for i, f in enumerate(files) for q in read_questions(Path(f)) if q.answerable]
    set_id = np.array([i for i, _ in questions])
    paraphrase = np.array([q.kind == "paraphrase" for _, q in questions])
    labels = list(SETTINGS)
    ranks = np.array([first_hit_ranks(knowledge, [q for _, q in questions], SETTINGS[label]) for label in labels])
    print("== every setting, on all sets (answering every question)")
    for label, row in zip(labels, ranks):
        print(f"  {label:>36}: {line(row, paraphrase)}")
    print("\n== leave one set out: shipped -> the setting fitted on the other sets")
    held = np.zeros(len(questions), dtype=int)
    values = worth(ranks)
    for fold, name in enumerate(names):
        out = set_id == fold
        pick = int(np.argmax(values[:, ~out].sum(axis=1)))
        held[out] = ranks[pick, out]
        print(f"  {name:>12}: shipped {line(ranks[0, out], paraphrase[out])}  ->  {line(held[out], paraphrase[out])}  [{labels[pick]}]")
    print(f"  {'all, pooled':>12}: shipped {line(ranks[0], paraphrase)}  ->  {line(held, paraphrase)}")
    fitted = labels[int(np.argmax(values.sum(axis=1)))]
    print(f"\nfitted on all: {fitted}")
    if write:
        chosen = SETTINGS[fitted]
        notes = {"fitted_by": "tools/fit_fusion.py", "setting": fitted, "sets": names, "held_out_pooled": line(held, paraphrase)}
        FUSION_FILE.write_text(FittedFusion(chosen.fusion, chosen.following_quote_ratio, notes).to_json() + "\n", encoding="utf-8")
        print(f"written: {FUSION_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
