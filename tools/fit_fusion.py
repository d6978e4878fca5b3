"""Fits the ranking pipeline's fusion weights and answer-check thresholds, leaving one set out.

    .venv/bin/python tools/fit_fusion.py [--cache DIR] ../shared/eval/dev_qa.jsonl eval/heldout_[a-l].jsonl

For every fusion setting (k, the meaning ranker's weight), each question is answered once with
a check that never declines, keeping what the check would look at (coverage, similarity, whether
a sentence has the kind of answer wanted) and the rank of the first quote holding a gold span.
Thresholds are then tried offline. For each set in turn, the setting and thresholds that do best
on the other sets (questions with the first quote right or, at half the worth, the second or
third, plus unanswerable ones declined) are measured on the set left out: the cross-validated numbers the README reports,
for the words alone, the meaning alone, and both fused. The last lines are the setting fitted on
all the sets together, which bot/answers.py ships.
"""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answers import Pipeline, answer
from bot.config import BUNDLED_KNOWLEDGE
from bot.evaluation import EvalQuestion, first_hit_rank, read_questions
from bot.knowledge.base import build_knowledge_base
from bot.ranking.answer_check import AnswerCheck
from bot.ranking.fusion import FusionWeights

NEVER_DECLINE = AnswerCheck(min_coverage=0.0, min_similarity=-1.0, trap_similarity=-1.0)
# (fusion, the share of the best score a later quote needs): rank fusion squeezes scores
# together, so later quotes need a larger share than BM25's 0.6.
FUSIONS = {
    "words alone": [(FusionWeights(0, {"meaning": 0.0}, by_score=True), 0.6)],
    "meaning alone": [(FusionWeights(0, {"words": 0.0}, by_score=True), 0.6)],
    "fused by rank": [(FusionWeights(k, {"meaning": w}), 0.6) for k, w in itertools.product((5.0, 20.0), (1.0, 2.0))],
    "fused by score": [(FusionWeights(0, {"meaning": w}, by_score=True), r) for w, r in ((0.5, 0.6), (1.0, 0.6), (2.0, 0.6), (1.0, 0.7))],
}
MIN_COVERAGE = np.round(np.arange(0.25, 0.71, 0.05), 2)
MIN_SIMILARITY = np.round(np.concatenate([np.arange(0.4, 0.86, 0.05), [9.0]]), 2)  # 9: never on similarity alone
TRAP_SIMILARITY = np.round(np.arange(-0.1, 0.46, 0.05), 2)


@dataclass
class Observed:
    """Per question, for one fusion setting: arrays over the questions of all sets."""

    rank: np.ndarray  # rank of the first gold quote (99: none)
    coverage: np.ndarray
    similarity: np.ndarray
    typed: np.ndarray
    answerable: np.ndarray
    paraphrase: np.ndarray
    set_id: np.ndarray


def observe(knowledge: object, questions: list[tuple[int, EvalQuestion]], fusion: FusionWeights, ratio: float) -> Observed:
    pipeline = Pipeline(fusion=fusion, check=NEVER_DECLINE, following_quote_ratio=ratio)
    columns: dict[str, list[float]] = {name: [] for name in Observed.__dataclass_fields__}
    for set_id, question in questions:
        result = answer(knowledge, question.question, pipeline=pipeline)  # type: ignore[arg-type]
        reading = result.reading
        shown = result if result.answered else None
        rank = first_hit_rank(shown, question.answers) if shown is not None else None
        columns["rank"].append(rank or 99)
        columns["coverage"].append(result.coverage)
        columns["similarity"].append(reading.similarity if reading and reading.similarity is not None else -1.0)
        columns["typed"].append(bool(reading and reading.typed_answer_found) and result.answered)
        columns["answerable"].append(question.answerable)
        columns["paraphrase"].append(question.kind == "paraphrase")
        columns["set_id"].append(set_id)
    return Observed(**{name: np.array(values) for name, values in columns.items()})


def decisions(o: Observed) -> tuple[list[tuple[float, float, float]], np.ndarray]:
    """Every threshold triple, and whether each answers each question (triples x questions)."""
    triples = list(itertools.product(MIN_COVERAGE, MIN_SIMILARITY, TRAP_SIMILARITY))
    cov = np.array([t[0] for t in triples])[:, None]
    sim = np.array([t[1] for t in triples])[:, None]
    trap = np.array([t[2] for t in triples])[:, None]
    answered = o.typed[None, :] & ((o.similarity[None, :] >= sim) | ((o.coverage[None, :] >= cov) & (o.similarity[None, :] >= trap)))
    return triples, answered


# A right first quote counts one; a right quote second or third half, so the check does not
# decline answers a reader would still find; a declined unanswerable question counts
# DECLINE_WORTH, since quoting something loosely related as an answer misleads the reader.
SECOND_OR_THIRD = 0.5
DECLINE_WORTH = float(os.environ.get("FIT_DECLINE_WORTH", "2"))


def objective(o: Observed, answered: np.ndarray, mask: np.ndarray) -> np.ndarray:
    shown = answered & o.answerable[None, :] & mask[None, :]
    right = (shown & (o.rank[None, :] == 1)).sum(axis=1) + SECOND_OR_THIRD * (shown & (o.rank[None, :] > 1) & (o.rank[None, :] <= 3)).sum(axis=1)
    declined = (~answered & ~o.answerable[None, :] & mask[None, :]).sum(axis=1)
    return right + DECLINE_WORTH * declined


def measure(o: Observed, answered: np.ndarray, mask: np.ndarray) -> dict[str, float]:
    a = o.answerable & mask
    u = ~o.answerable & mask
    p = a & o.paraphrase
    lexical = a & ~o.paraphrase
    hit1 = answered & (o.rank == 1)
    hit3 = answered & (o.rank <= 3)
    return {
        "n": int(mask.sum()),
        "r1": hit1[a].mean(),
        "r1_para": hit1[p].mean() if p.any() else float("nan"),
        "r1_lex": hit1[lexical].mean() if lexical.any() else float("nan"),
        "r3": hit3[a].mean(),
        "unans_declined": int((~answered[u]).sum()),
        "unans": int(u.sum()),
        "ans_declined": int((~answered[a]).sum()),
        "ans": int(a.sum()),
    }


def cached_observe(knowledge: object, questions: list[tuple[int, EvalQuestion]], fusion: FusionWeights, ratio: float, cache: Path | None) -> Observed:
    """Observations are kept in `cache` (a folder) when given, so trying another objective is quick."""
    if cache is None:
        return observe(knowledge, questions, fusion, ratio)
    path = cache / f"{'score' if fusion.by_score else 'rank'}-k{fusion.k:g}-{'-'.join(f'{n}{w:g}' for n, w in sorted((fusion.weights or {}).items()))}-r{ratio:g}-{len(questions)}.npz"
    if path.exists():
        with np.load(path) as saved:
            return Observed(**{name: saved[name] for name in Observed.__dataclass_fields__})
    observed = observe(knowledge, questions, fusion, ratio)
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, **{name: getattr(observed, name) for name in Observed.__dataclass_fields__})
    return observed


def main(arguments: list[str]) -> int:
    cache = Path(arguments[arguments.index("--cache") + 1]) if "--cache" in arguments else None
    files = [a for i, a in enumerate(arguments) if a != "--cache" and (i == 0 or arguments[i - 1] != "--cache")]
    knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)
    questions = [(i, q) for i, file in enumerate(files) for q in read_questions(Path(file))]
    names = [Path(f).stem for f in files]
    for label, fusions in FUSIONS.items():
        observed = [cached_observe(knowledge, questions, fusion, ratio, cache) for fusion, ratio in fusions]
        for (fusion, ratio), o in zip(fusions, observed):
            ranking_only = (o.rank[o.answerable] == 1).mean(), (o.rank[o.answerable & o.paraphrase] == 1).mean(), (o.rank[o.answerable] <= 3).mean()
            print(
                f"{label}, k={fusion.k:g} {dict(fusion.weights or {})} ratio {ratio:g}: never declining: "
                f"R@1 {ranking_only[0]:.3f} (paraphrase {ranking_only[1]:.3f}) R@3 {ranking_only[2]:.3f}"
            )
        grids = [decisions(o) for o in observed]
        totals: dict[str, float] = {}
        print(f"\n== {label} (leave one set out)")
        for held, name in enumerate(names):
            best = None
            for f, (o, (triples, answered)) in enumerate(zip(observed, grids)):
                train = o.set_id != held
                scores = objective(o, answered, train)
                t = int(np.argmax(scores))
                if best is None or scores[t] > best[0]:
                    best = (scores[t], f, t)
            assert best is not None
            _, f, t = best
            o, (triples, answered) = observed[f], grids[f]
            m = measure(o, answered[t], o.set_id == held)
            fitted, ratio = fusions[f]
            print(
                f"{name:>14}: R@1 {m['r1']:.2f} (paraphrase {m['r1_para']:.2f}, lexical {m['r1_lex']:.2f})  R@3 {m['r3']:.2f}  "
                f"unanswerable declined {m['unans_declined']}/{m['unans']}  answerable declined {m['ans_declined']}/{m['ans']}  "
                f"[k={fitted.k:g} w={dict(fitted.weights or {})} ratio={ratio:g} cov={triples[t][0]} sim={triples[t][1]} trap={triples[t][2]}]"
            )
            for key in ("r1", "r1_para", "r3"):
                totals[key] = totals.get(key, 0.0) + m[key] * (m["ans"] if key != "r1_para" else (o.answerable & o.paraphrase & (o.set_id == held)).sum())
            for key in ("unans_declined", "unans", "ans_declined", "ans"):
                totals[key] = totals.get(key, 0.0) + m[key]
        paraphrases = sum((o.answerable & o.paraphrase).sum() for o in observed[:1])
        print(
            f"{'all, pooled':>14}: R@1 {totals['r1'] / totals['ans']:.3f} (paraphrase {totals['r1_para'] / paraphrases:.3f})  R@3 {totals['r3'] / totals['ans']:.3f}  "
            f"unanswerable declined {totals['unans_declined']:.0f}/{totals['unans']:.0f}  answerable declined {totals['ans_declined']:.0f}/{totals['ans']:.0f}"
        )
        everything = np.ones_like(observed[0].set_id, dtype=bool)
        best_all = max(((objective(o, answered, everything)[t], f, t) for f, (o, (triples, answered)) in enumerate(zip(observed, grids)) for t in range(len(triples))))
        _, f, t = best_all
        print(f"{'fitted on all':>14}: k={fusions[f][0].k:g} weights={dict(fusions[f][0].weights or {})} ratio={fusions[f][1]:g} check: cov={grids[f][0][t][0]} sim={grids[f][0][t][1]} trap={grids[f][0][t][2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
