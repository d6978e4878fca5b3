"""Fits the learned re-ranking of the fused list's head (bot/ranking/learned.py), leaving one question set out at a time.

    .venv/bin/python tools/fit_learned_ranking.py eval/*.jsonl            # held-out numbers only
    .venv/bin/python tools/fit_learned_ranking.py --write eval/*.jsonl    # and ship the fit on all sets

Each answerable question is answered once with the shipped fusion and no re-ranking, keeping the
features of the fused list's first DEPTH sentences (bot.ranking.learned.candidate_features) and,
for each, whether the quote the bot makes from that sentence holds a gold span. Then, for each set
in turn (one file = one fold), a pairwise logistic regression (numpy, Newton's method, L2; each
question weighs the same, however many pairs it gives) is fitted on the other sets' questions:
a sentence whose quote holds the answer against each candidate whose quote does not, on the
differences of their standardised features. The set left out is answered again by the bot with
that fold's model (every question answered, no check: the ranking alone), and its first right
quote's rank is compared with the shipped fusion's: the numbers docs/measurements.md reports.

Settings (feature sets, the L2 strength) are compared the same way on a cheap stand-in first:
the held-out rank of the first right candidate in the re-ranked head, no quotes made. Since a
quote takes in the neighbour holding the question's words, many candidates are "right" and the
stand-in no longer follows the quotes (session 10, 33 files: every fitted order below the fused
one on it, 0.653-0.682 against 0.685, while the bot's quotes gain 0.716 -> 0.738): compare
settings on the bot's quotes. Refitted on those 33 files the order gained nothing held out over
the shipped one (R@1 0.738 / R@3 0.851 against 0.739 / 0.861; L2 100: 0.734 / 0.856), so
learned_ranking.json stays as fitted on 27.

Session 12 (issue 15), on all 39 files (1,248 answerable), held out: the eleven refitted R@1 0.727
(own words 0.589) / R@3 0.848, and with speaker_asked (the sentence holds the words of the speaker
the question names) 0.735 (0.593) / 0.850; but the eleven as shipped (fitted on 27) do better on
the 12 files they never saw than refitted (R@1 275 against 270 of 384). So --write kept the
eleven's weights and fitted speaker_asked's beside them: 0.732 -> 0.740 pooled, a question
naming no speaker ordered as before. Measured and taken out (docs/measurements.md): whether the
sentence or its quote holds the kind of answer wanted (0.726 refitted: the answer keeps only such
sentences for a typed question anyway), and any quotation when the question asks what someone
said (one question more).

Session 16 (issue 15): --write refits every feature, over the fusion bot/ranking/fusion.json holds
(tools/fit_fusion.py --write, run first). The eleven's kept weights were fitted over the fusion of
their time: once the fusion is refitted they describe candidates the bot no longer ranks, and the
pipeline could not be refitted in order by its scripts alone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answers import PIPELINE, Pipeline, answer, clean_question, quotes_from
from bot.config import BUNDLED_KNOWLEDGE
from bot.evaluation import EvalQuestion, first_hit_rank, holds_span, read_questions
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.ranking.fitted_fusion import shipped_fusion
from bot.ranking.fusion import Fused, FusedList, FusionWeights
from bot.ranking.learned import DEPTH, FEATURES, MODEL_FILE, LearnedRanking, candidate_features, shipped_ranking
from bot.ranking.protocol import Ranking
from bot.search.answer_type import wants_explanation
from bot.search.query import Query
from fit_fusion import EVERYTHING, NO_HIT, remember_every_question  # a sibling script's: the ranking alone, every question answered

L2_GRID = (1.0, 10.0, 100.0)
SHIPPED_L2 = 10.0
# Feature sets compared on the stand-in; the shipped one is the last line's pick.
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "all": FEATURES,
    "scores and ranks": ("fused", "fused_rank", "words", "words_rank", "meaning", "meaning_gap", "meaning_rank"),
    "scores, shares": ("fused", "fused_rank", "words", "meaning", "meaning_gap", "sentence_share", "passage_share"),
    "all but neighbour, position": tuple(f for f in FEATURES if f not in ("neighbour", "opens_passage")),
}


def settings(o: Observed, shipped: LearnedRanking) -> dict[str, Callable[[np.ndarray], LearnedRanking]]:
    """The orders compared on the bot's own quotes, each fitted on a training mask; SHIPPED is written.
    The order as shipped is fitted on most of the sets: its numbers are fitted-on, beside the
    refit's held-out ones."""
    return {
        BASELINE: lambda train: shipped,
        SHIPPED: lambda train: fit_pairwise(o, train, FEATURES, SHIPPED_L2),
    }


BASELINE = "the order as shipped (fitted-on)"
SHIPPED = "every feature refitted"


class Recording:
    """Keeps the head's features and leaves the fused order alone: the shipped ranking, observed."""

    depth = DEPTH

    def __init__(self) -> None:
        self.seen: list[tuple[list[int], np.ndarray]] = []
        self.asked: list[dict[str, float]] = []  # each question's terms, which the bot's quotes take in

    def reranked(self, knowledge: KnowledgeBase, rankings: Sequence[Ranking], fused: FusedList, query: Query, question: str = "") -> FusedList:
        self.seen.append(candidate_features(knowledge, rankings, fused, query, self.depth, question))
        self.asked.append(query.weights)
        return fused

    def candidates(self, knowledge: KnowledgeBase, question: EvalQuestion) -> tuple[np.ndarray, np.ndarray]:
        """The first head seen since the last call (the question's own; an answer may re-rank more
        than once) as features, and whether each candidate's quote holds a gold span; then forgets."""
        positions, matrix = self.seen[0] if self.seen else ([], np.zeros((0, len(FEATURES))))
        asked = self.asked[0] if self.asked else None
        self.seen.clear()
        self.asked.clear()
        explain = wants_explanation(clean_question(question.question))
        # Each candidate's quote as the bot makes it, taking in the neighbour holding the question's words.
        quotes = [quotes_from(knowledge, [Fused(p, 1.0)], explain=explain, asked=asked)[0] for p in positions]
        return matrix, np.array([any(holds_span(q.article, q.text, g) for g in question.answers) for q in quotes], dtype=bool)


@dataclass
class Observed:
    set_id: np.ndarray  # per question
    paraphrase: np.ndarray
    shipped_rank: np.ndarray  # first right quote's rank with the shipped fusion (NO_HIT: none)
    x: list[np.ndarray]  # per question: candidates x FEATURES
    right: list[np.ndarray]  # per question: whether each candidate's quote holds a gold span


def observe(knowledge: KnowledgeBase, questions: list[tuple[int, EvalQuestion]], fusion: FusionWeights = PIPELINE.fusion) -> Observed:
    """Each question answered with `fusion` and no re-ranking: its first right quote's rank and its head's candidates."""
    recording = Recording()
    pipeline = Pipeline(fusion=fusion, check=EVERYTHING, following_quote_ratio=PIPELINE.following_quote_ratio, reranking=recording)
    ranks, xs, rights = [], [], []
    for _, question in questions:
        result = answer(knowledge, question.question, pipeline=pipeline)
        ranks.append(first_hit_rank(result, question.answers) or NO_HIT)
        matrix, right = recording.candidates(knowledge, question)
        xs.append(matrix)
        rights.append(right)
    return Observed(
        np.array([i for i, _ in questions]), np.array([q.kind == "paraphrase" for _, q in questions]), np.array(ranks), xs, rights
    )


def fit_pairwise(o: Observed, train: np.ndarray, features: tuple[str, ...], l2: float) -> LearnedRanking:
    """Pairwise logistic regression without a bias (a difference of equals is even odds), each
    question's pairs weighing one question in all. Written here, not with fit_answer_check's
    fit_logistic: that one fits a bias and weighs every row the same."""
    columns = [FEATURES.index(f) for f in features]
    stacked = np.vstack([o.x[i][:, columns] for i in np.flatnonzero(train) if len(o.x[i])])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-9
    differences, weights = [], []
    for i in np.flatnonzero(train):
        right = o.right[i]
        if not right.any() or right.all():
            continue
        x = (o.x[i][:, columns] - mean) / scale
        pairs = (x[right][:, None, :] - x[~right][None, :, :]).reshape(-1, len(columns))
        differences.append(pairs)
        weights.append(np.full(len(pairs), 1.0 / len(pairs)))
    d, w = np.vstack(differences), np.concatenate(weights)
    # Each pair both ways (label 1 for right-minus-wrong, 0 for its negation): the likelihood is then
    # that of the pairs, and Newton's method needs no bias.
    design, y, w = np.vstack([d, -d]), np.concatenate([np.ones(len(d)), np.zeros(len(d))]), np.concatenate([w, w])
    beta = np.zeros(len(columns))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (w * (p - y)) + l2 * beta
        hessian = design.T @ (design * (w * p * (1 - p))[:, None]) + l2 * np.eye(len(columns))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return LearnedRanking(features, tuple(map(float, mean)), tuple(map(float, scale)), tuple(map(float, beta)), DEPTH)


def stand_in_ranks(o: Observed, model: LearnedRanking, mask: np.ndarray) -> np.ndarray:
    """Per masked question, the rank of the first right candidate once the model orders the head (NO_HIT: none)."""
    ranks = []
    for i in np.flatnonzero(mask):
        if not o.right[i].any():
            ranks.append(NO_HIT)
            continue
        order = np.argsort(-model.scores(o.x[i]), kind="stable")
        ranks.append(1 + int(np.flatnonzero(o.right[i][order])[0]))
    return np.array(ranks)


def line(ranks: np.ndarray, paraphrase: np.ndarray) -> str:
    return f"R@1 {(ranks == 1).mean():.3f} (paraphrase {(ranks[paraphrase] == 1).mean():.3f})  R@3 {(ranks <= 3).mean():.3f}"


def held_out(o: Observed, fit: Callable[[np.ndarray], LearnedRanking], decide: Callable[[LearnedRanking, np.ndarray], np.ndarray]) -> np.ndarray:
    """Each question's rank under the model fitted without its set (`fit(training mask)`; `decide(model, mask)` gives the masked ranks)."""
    ranks = np.zeros(len(o.set_id), dtype=int)
    for fold in np.unique(o.set_id):
        out = o.set_id == fold
        ranks[out] = decide(fit(~out), out)
    return ranks


def main(arguments: list[str]) -> int:
    write = "--write" in arguments
    files = [a for a in arguments if not a.startswith("-")]
    names = [Path(f).stem for f in files]
    remember_every_question()
    knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)
    questions = [(i, q) for i, f in enumerate(files) for q in read_questions(Path(f)) if q.answerable]
    o = observe(knowledge, questions)
    reachable = np.array([r.any() for r in o.right])
    print(f"{len(questions)} answerable questions; a right candidate in the head of {DEPTH} for {reachable.sum()}")
    everything = np.ones(len(questions), dtype=bool)
    if "--stand-in" in arguments:
        fused_order = LearnedRanking(("fused_rank",), (0.0,), (1.0,), (-1.0,))
        print(f"\n== stand-in (first right candidate in the head), held out\n  {'fused order':>40}: {line(stand_in_ranks(o, fused_order, everything), o.paraphrase)}")
        for label, features in FEATURE_SETS.items():
            for l2 in L2_GRID:
                ranks = held_out(o, lambda train, f=features, c=l2: fit_pairwise(o, train, f, c), lambda model, mask: stand_in_ranks(o, model, mask))
                print(f"  {label + f', L2 {l2:g}':>40}: {line(ranks, o.paraphrase)}")

    def bot_ranks(model: LearnedRanking, mask: np.ndarray) -> np.ndarray:
        pipeline = Pipeline(fusion=PIPELINE.fusion, check=EVERYTHING, following_quote_ratio=PIPELINE.following_quote_ratio, reranking=model)
        return np.array([first_hit_rank(answer(knowledge, q.question, pipeline=pipeline), q.answers) or NO_HIT for (_, q), m in zip(questions, mask) if m])

    print(f"\n== the bot's own quotes (every question answered), shipped fusion -> learned (L2 {SHIPPED_L2:g}), held out")
    shipped = shipped_ranking()
    if shipped is None:
        print(f"{MODEL_FILE} is missing or broken: the order as shipped is compared with the refit")
        return 1
    fits = settings(o, shipped)
    compared = {label: held_out(o, fit, bot_ranks) for label, fit in fits.items()}
    baseline, learned = compared[BASELINE], compared[SHIPPED]
    for fold, name in enumerate(names):
        out = o.set_id == fold
        if out.any():
            print(f"  {name:>16}: {line(o.shipped_rank[out], o.paraphrase[out])}  ->  {line(learned[out], o.paraphrase[out])}")
    print(f"  {'all, pooled':>16}: {line(o.shipped_rank, o.paraphrase)}  ->  {line(learned, o.paraphrase)}")
    for label, ranks in compared.items():
        gained = [int(((ranks == 1) & (o.set_id == fold)).sum() - ((baseline == 1) & (o.set_id == fold)).sum()) for fold in range(len(names))]
        moved = [f"{names[fold]} {gain:+d}" for fold, gain in enumerate(gained) if gain]
        print(f"  {label:>56}: {line(ranks, o.paraphrase)}  R@1 against {BASELINE}: {', '.join(moved) or 'no set moved'}")
    model = fits[SHIPPED](everything)
    print(f"\nfitted on all ({SHIPPED}):", {n: round(w, 3) for n, w in zip(model.features, model.weights)})
    if write:
        fusion = shipped_fusion().notes.get("setting", str(PIPELINE.fusion))
        notes = {"fitted_by": "tools/fit_learned_ranking.py", "sets": names, "l2": SHIPPED_L2, "over_fusion": fusion, "held_out_pooled": line(learned, o.paraphrase)}
        written = LearnedRanking(model.features, model.mean, model.scale, model.weights, model.depth, notes)
        MODEL_FILE.write_text(written.to_json() + "\n", encoding="utf-8")
        print(f"written: {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
