"""Which ranking generalises: every fitted piece fitted only on question sets written before the block it is measured on.

    .venv/bin/python tools/time_ordered_eval.py eval/*.jsonl
    .venv/bin/python tools/time_ordered_eval.py --only shipped --only "meaning's weight fitted +" eval/*.jsonl

A new sealed set meets code fitted on the sets written before it. This measures each ranking that
way: the sealed sets are taken in blocks of three, in the order they were written (S1-S3, S4-S6,
..., S28-S30), and for each block every fitted piece is fitted on the files written before it
(older sealed sets, heldout_*, dev_qa, and train_offtopic from session 6 on): the fusion's weight
where it is fitted, the learned order of the fused list's head (tools/fit_learned_ranking.py's
pairwise fit), and the answer check (tools/fit_answer_check.py's fit, threshold included). Then
the block is answered: R@1, R@1 of the questions in a reader's own words (paraphrase), R@3, each
with the ranking alone (every question answered, as tools/ablation.py does) and with the check.

Each fusion is one pass over every question with a check that answers everything, which gives the
ranking's own ranks, the check's evidence (its gates read afterwards) and, for the fusions a
learned order is fitted over, the head's features and which candidates' quotes hold the answer.
A learned order is one more pass, each set answered with the model of its block (a set outside
the blocks, with the first block's written after it, whose fit includes it). The check over a
learned order is fitted on rows each answered with their own block's order, as the code met them.

The shipped line (learned order and check as in the repository) is fitted on most of these sets:
its numbers are fitted-on, beside the held-out ones. "score, meaning's weight fitted + learned
order" is the whole pipeline refitted by its scripts in order (tools/fit_fusion.py's choice of
weight, its worth, on the earlier files; the learned order over that fusion; the check over both,
on the earlier files answered with that fusion and order: one pass a block), held out. --only
TEXT (repeatable) measures only the lines whose label holds TEXT, answering only the passes they
need. Every question's vectors are remembered for the run (each pass asks more texts than the
bot remembers): eight passes over the 51 files of session 16 took about 4 minutes at load
average 10, where the whole tool took 30 over 45 files in session 14 at load average 17. The
numbers and what they say are in docs/measurements.md ("Which ranking generalises").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answers import PIPELINE, Pipeline, answer
from bot.config import BUNDLED_KNOWLEDGE
from bot.evaluation import EvalQuestion, read_questions
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.ranking.answer_check import shipped_model
from bot.ranking.fusion import FusionWeights
from bot.ranking.learned import FEATURES, LearnedRanking, shipped_ranking
from fit_answer_check import Observed, fit_model, measure, model_answers, observed_rows  # sibling scripts' fits, reused as they are
from fit_fusion import EVERYTHING, remember_every_question, worth
from fit_learned_ranking import Observed as Candidates
from fit_learned_ranking import Recording, fit_pairwise

BLOCK = 3
# train_offtopic.jsonl was written in session 6, after S4-S6 (eval/README.md).
OFFTOPIC_AFTER_SEALED = 6
# train_everyday.jsonl was written in session 19, after S43-S45.
EVERYDAY_AFTER_SEALED = 45
# train_ownwords.jsonl was written in session 21, after S49-S51.
OWNWORDS_AFTER_SEALED = 51
# The blocks pooled as "later": the sets written once the learned pieces had most of their data.
LATER_FROM_SEALED = 16


def written(stem: str) -> float:
    """When a file of eval/ was written, as a number that orders them: dev and A-M first, then the
    sealed sets by number, the off-topic training set between S6 and S7, the everyday one after S45,
    the own-words one after S51."""
    if stem == "dev_qa":
        return 0.0
    if stem.startswith("heldout_"):
        return 1.0
    if stem == "train_offtopic":
        return 2.0 + OFFTOPIC_AFTER_SEALED + 0.5
    if stem == "train_everyday":
        return 2.0 + EVERYDAY_AFTER_SEALED + 0.5
    if stem == "train_ownwords":
        return 2.0 + OWNWORDS_AFTER_SEALED + 0.5
    if match := re.fullmatch(r"sealed_s(\d+)", stem):
        return 2.0 + int(match.group(1))
    raise SystemExit(f"{stem}: not a file of eval/ this tool knows when it was written (dev_qa, heldout_*, sealed_sN, train_offtopic, train_everyday, train_ownwords)")


def block_of(stem: str) -> int | None:
    """The block of three sealed sets a file belongs to (0: S1-S3), None for the others."""
    match = re.fullmatch(r"sealed_s(\d+)", stem)
    return (int(match.group(1)) - 1) // BLOCK if match else None


@dataclass
class Sets:
    names: list[str]
    questions: list[tuple[int, EvalQuestion]]  # (file index, question), every question
    set_id: np.ndarray
    blocks: list[int]  # the blocks measured, oldest first

    def before(self, block: int) -> np.ndarray:
        """Questions of the files written before the block's first set."""
        start = min(written(n) for n in self.names if block_of(n) == block)
        return np.array([written(self.names[i]) < start for i in self.set_id])

    def of_block(self, block: int) -> np.ndarray:
        return np.array([block_of(self.names[i]) == block for i in self.set_id])

    def model_block(self, set_index: int) -> int:
        """The block whose fitted pieces answer this file: its own, or the first written after it (the
        newest when none is: train_ownwords, written after every sealed set so far)."""
        name = self.names[set_index]
        own = block_of(name)
        if own is not None:
            return own
        later = [b for b in self.blocks if written(name) < min(written(n) for n in self.names if block_of(n) == b)]
        return min(later) if later else max(self.blocks)


@dataclass
class Pass:
    """One answer to every question: the check's rows (the rank the ranking's alone) and, when kept, the head's candidates."""

    rows: Observed
    candidates: Candidates | None


def answer_all(
    knowledge: KnowledgeBase, sets: Sets, fusion: FusionWeights, keep_candidates: bool = False, order_of_block: dict[int, LearnedRanking] | None = None
) -> Pass:
    """Every question answered with `fusion`, the head in the order of its file's block (None: the fused order), no check."""
    recording = Recording() if keep_candidates else None
    answered, xs, rights = [], [], []
    for set_index, question in sets.questions:
        reranking = recording if recording is not None else (order_of_block[sets.model_block(set_index)] if order_of_block else None)
        pipeline = Pipeline(fusion=fusion, check=EVERYTHING, following_quote_ratio=PIPELINE.following_quote_ratio, reranking=reranking)
        result = answer(knowledge, question.question, pipeline=pipeline)
        answered.append((set_index, question, result))
        if recording is not None:
            matrix, right = recording.candidates(knowledge, question)
            xs.append(matrix)
            rights.append(right)
    rows = observed_rows(answered)
    candidates = Candidates(rows.set_id, rows.paraphrase, rows.rank, xs, rights) if recording is not None else None
    return Pass(rows, candidates)


@dataclass(frozen=True)
class Order:
    """A learned order fitted per block over one fusion's candidates."""

    over: str  # the fusion pass it re-ranks
    features: tuple[str, ...]
    l2: float


# The fusions answered once each. "words alone" and "meaning alone" are the score fusion with the
# other ranker weighed 0; the RRF and score grids are what a fitted weight chooses among.
FUSIONS: dict[str, FusionWeights] = {
    "words alone": FusionWeights(weights={"meaning": 0.0}, by_score=True),
    "meaning alone": FusionWeights(weights={"words": 0.0}, by_score=True),
    **{f"RRF k={k:g}": FusionWeights(k) for k in (5.0, 10.0, 20.0, 60.0)},
    **{f"RRF k={k:g}, meaning {w:g}": FusionWeights(k, {"meaning": w}) for k in (20.0, 60.0) for w in (0.75, 1.5)},
    **{f"score, meaning {w:g}": FusionWeights(weights={"meaning": w}, by_score=True) for w in (0.5, 1.0, 1.5, 2.0)},
}
FIXED = ("words alone", "meaning alone", "RRF k=5", "RRF k=10", "RRF k=20", "RRF k=60", "score, meaning 1")
FITTED_WEIGHT = {
    "RRF, k and weight fitted": tuple(name for name in FUSIONS if name.startswith("RRF")),
    "score, meaning's weight fitted": tuple(name for name in FUSIONS if name.startswith("score")),
}
FEW = ("fused", "fused_rank", "sentence_share", "passage_share", "neighbour", "speaker_asked")
ORDERS: dict[str, Order] = {
    "score + learned order (12, L2 10)": Order("score, meaning 1", FEATURES, 10.0),
    "score + learned order (12, L2 100)": Order("score, meaning 1", FEATURES, 100.0),
    "score + learned order (6, L2 10)": Order("score, meaning 1", FEW, 10.0),
    "score, meaning 1.5 + learned order (12, L2 10)": Order("score, meaning 1.5", FEATURES, 10.0),
    "score, meaning 1.5 + learned order (6, L2 10)": Order("score, meaning 1.5", FEW, 10.0),
    "RRF k=60 + learned order (12, L2 10)": Order("RRF k=60", FEATURES, 10.0),
    "RRF k=60 + learned order (6, L2 10)": Order("RRF k=60", FEW, 10.0),
}
SHIPPED = "shipped order and check (fitted-on)"
# The pipeline as its scripts refit it: the score fusion's weight chosen on the earlier files (as
# tools/fit_fusion.py chooses, by worth), every feature of the learned order fitted over it.
REFITTED = "score, meaning's weight fitted + learned order (12, L2 10)"


@dataclass
class Measured:
    """Per block, which pass answers it and which questions the check fitted before it answers."""

    rows_of_block: dict[int, Observed]
    alone: dict[int, np.ndarray]  # answered by the ranking alone (all but those the unknown-name gate or a route declines)
    checked: dict[int, np.ndarray]


def held_out(sets: Sets, pass_of_block: Callable[[int], Pass], check: Callable[[Observed, int], np.ndarray] | None = None) -> Measured:
    measured = Measured({}, {}, {})
    for block in sets.blocks:
        rows = pass_of_block(block).rows
        measured.rows_of_block[block] = rows
        measured.alone[block] = rows.rank < 99
        measured.checked[block] = check(rows, block) if check else model_answers(fit_model(rows, sets.before(block)), rows)
    return measured


def cells(sets: Sets, m: Measured, checked: bool, blocks: list[int]) -> dict[str, float]:
    """R@1, R@1 of paraphrases and R@3 pooled over `blocks`."""
    total: dict[str, float] = {}
    for block in blocks:
        o = m.rows_of_block[block]
        answered = m.checked[block] if checked else m.alone[block]
        for key, value in measure(o, answered, sets.of_block(block)).items():
            total[key] = total.get(key, 0.0) + value
    return {
        "R@1": total["r1"] / total["answerable"],
        "own words": total["r1_para"] / total["paraphrases"],
        "R@3": total["r3"] / total["answerable"],
        "unanswerable declined": total["unanswerable_declined"] / total["unanswerable"],
        "answerable declined": total["answerable_declined"] / total["answerable"],
    }


def table(sets: Sets, results: dict[str, Measured], checked: bool) -> None:
    later = [b for b in sets.blocks if b * BLOCK + 1 >= LATER_FROM_SEALED]
    heads = [f"S{b * BLOCK + 1}-{b * BLOCK + BLOCK}" for b in sets.blocks]
    for metric in ("R@1", "own words", "R@3", *(("unanswerable declined", "answerable declined") if checked else ())):
        print(f"\n== {metric}, {'with the answer check' if checked else 'the ranking alone (every question answered)'}")
        print(f"{'':>46} " + " ".join(f"{h:>7}" for h in heads) + f" {'S' + str(LATER_FROM_SEALED) + '-':>7} {'all':>7}")
        for label, m in results.items():
            row = [cells(sets, m, checked, [b])[metric] for b in sets.blocks]
            row += [cells(sets, m, checked, later)[metric] if later else float("nan"), cells(sets, m, checked, sets.blocks)[metric]]
            print(f"{label:>46} " + " ".join(f"{v:7.3f}" for v in row))


class Passes:
    """Each fusion's pass answered once, when a line first needs it (with the head's candidates
    when a learned order is fitted over it)."""

    def __init__(self, knowledge: KnowledgeBase, sets: Sets) -> None:
        self.knowledge, self.sets = knowledge, sets
        self.done: dict[str, Pass] = {}

    def __call__(self, label: str, candidates: bool = False) -> Pass:
        known = self.done.get(label)
        if known is None or (candidates and known.candidates is None):
            known = self.done[label] = answer_all(self.knowledge, self.sets, FUSIONS[label], keep_candidates=candidates)
        return known


def weight_chosen(sets: Sets, passes: Passes, grid: tuple[str, ...], label: str) -> dict[int, str]:
    """Per block, the fusion of `grid` worth most on the answerable questions of the earlier files."""
    answerable = np.array([q.answerable for _, q in sets.questions])
    chosen = {}
    for block in sets.blocks:
        values = [worth(passes(g).rows.rank[sets.before(block) & answerable]).sum() for g in grid]
        chosen[block] = grid[int(np.argmax(values))]
        print(f"{label}, S{block * BLOCK + 1}-: {chosen[block]}", flush=True)
    return chosen


def main(arguments: list[str]) -> int:
    only = [arguments[i + 1] for i, a in enumerate(arguments) if a == "--only"]
    files = [a for i, a in enumerate(arguments) if not a.startswith("--") and (i == 0 or arguments[i - 1] != "--only")]

    def wanted(label: str) -> bool:
        return not only or any(text in label for text in only)

    names = [Path(f).stem for f in files]
    order = sorted(range(len(files)), key=lambda i: (written(names[i]), names[i]))
    names = [names[i] for i in order]
    questions = [(i, q) for i, j in enumerate(order) for q in read_questions(Path(files[j]))]
    blocks = sorted({b for n in names if (b := block_of(n)) is not None})
    sets = Sets(names, questions, np.array([i for i, _ in questions]), blocks)
    remember_every_question()
    knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)
    passes = Passes(knowledge, sets)
    results: dict[str, Measured] = {label: held_out(sets, lambda b, p=passes(label): p) for label in FIXED if wanted(label)}
    for label, grid in FITTED_WEIGHT.items():
        if wanted(label):
            picks = weight_chosen(sets, passes, grid, label)
            results[label] = held_out(sets, lambda b, picks=picks: passes(picks[b]))
    for label, fitted in ORDERS.items():
        if wanted(label):
            over = passes(fitted.over, candidates=True).candidates
            assert over is not None
            models = {b: fit_pairwise(over, sets.before(b), fitted.features, fitted.l2) for b in blocks}
            reordered = answer_all(knowledge, sets, FUSIONS[fitted.over], order_of_block=models)
            results[label] = held_out(sets, lambda b, p=reordered: p)
    if wanted(REFITTED):
        picks = weight_chosen(sets, passes, FITTED_WEIGHT["score, meaning's weight fitted"], REFITTED)
        models = {}
        for b in blocks:
            over = passes(picks[b], candidates=True).candidates
            assert over is not None
            models[b] = fit_pairwise(over, sets.before(b), FEATURES, 10.0)
        # Each block's check is fitted on the earlier files answered with that block's fusion and
        # order, as fit_answer_check.py fits over the pipeline it ships: the check weighs the best
        # fused score, whose scale is the fusion's weight (1 + the meaning's), so rows answered
        # with another block's weight would teach it another scale.
        own = {b: answer_all(knowledge, sets, FUSIONS[picks[b]], order_of_block=dict.fromkeys(blocks, models[b])) for b in blocks}
        results[REFITTED] = held_out(sets, lambda b: own[b])
    as_shipped = shipped_ranking()
    decline = shipped_model()
    if as_shipped is not None and decline is not None and (wanted("shipped order, check held out") or wanted(SHIPPED)):
        shipped = answer_all(knowledge, sets, PIPELINE.fusion, order_of_block=dict.fromkeys(blocks, as_shipped))
        results["shipped order, check held out"] = held_out(sets, lambda b: shipped)
        results[SHIPPED] = held_out(sets, lambda b: shipped, check=lambda rows, b: model_answers(decline, rows))
    table(sets, results, checked=False)
    table(sets, results, checked=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
