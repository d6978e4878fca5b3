"""What each part of the ranking pipeline buys: each ranker alone, fused two ways, and the check.

    .venv/bin/python tools/ablation.py eval/*.jsonl

On the same questions, every line answers with the bot's own stages (query analysis, quotes),
changing one thing:
- words alone / meaning alone / fused by rank / fused by score: which rankers rank the sentences
  and how their lists are fused, answering every question (no check, no gate), so the numbers
  are the ranking's alone;
- fused by score, head re-ranked: the fused list's first 50 ordered by the learned model
  (bot/ranking/learned.py), still answering every question;
- the bot as shipped: fused by score, re-ranked, then the answer check (bot/answers.py's PIPELINE).
Each set is one line per setting, then all sets pooled. The re-ranking's and the check's models
were fitted on these sets: their numbers here are fitted-on numbers; tools/fit_learned_ranking.py
and tools/fit_answer_check.py give held-out ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.answers import PIPELINE, Pipeline
from bot.config import BUNDLED_KNOWLEDGE
from bot.evaluation import EvalReport, evaluate, read_questions
from bot.knowledge.base import build_knowledge_base
from bot.ranking.answer_check import AnswerCheck, Evidence
from bot.ranking.fusion import FusionWeights


class AnswersEverything(AnswerCheck):
    """No check and no gate: every question gets its best quotes, for measuring the ranking."""

    def answers(self, evidence: Evidence) -> bool:
        return True


EVERYTHING = AnswersEverything()
SETTINGS = {
    "words alone": Pipeline(fusion=FusionWeights(weights={"meaning": 0.0}, by_score=True), check=EVERYTHING, reranking=None),
    "meaning alone": Pipeline(fusion=FusionWeights(weights={"words": 0.0}, by_score=True), check=EVERYTHING, reranking=None),
    "fused by rank (RRF, k=60)": Pipeline(fusion=FusionWeights(60.0), check=EVERYTHING, reranking=None),
    "fused by score": Pipeline(fusion=PIPELINE.fusion, check=EVERYTHING, reranking=None),
    "fused by score, head re-ranked (learned)": Pipeline(fusion=PIPELINE.fusion, check=EVERYTHING),
    "fused by score, re-ranked, checked (shipped)": PIPELINE,
}


def summary(report: EvalReport) -> str:
    answerable, unanswerable = len(report.answerable), len(report.unanswerable)
    paraphrase = report.recall_at_1_by_kind().get("paraphrase", float("nan"))
    return (
        f"R@1 {report.recall_at(1):.3f} (paraphrase {paraphrase:.3f})  R@3 {report.recall_at(3):.3f}  "
        f"unanswerable declined {report.unanswerable_declined}/{unanswerable}  "
        f"answerable declined {report.answerable_declined}/{answerable}  median quote {report.median_quote_chars:.0f}"
    )


def main(files: list[str]) -> int:
    knowledge = build_knowledge_base(BUNDLED_KNOWLEDGE)
    sets = {Path(file).stem: read_questions(Path(file)) for file in files}
    width = max(len(name) for name in (*sets, "all, pooled"))
    for label, pipeline in SETTINGS.items():
        print(f"== {label}")
        pooled = EvalReport()
        for name, questions in sets.items():
            report = evaluate(knowledge, questions, pipeline=pipeline)
            pooled.results += report.results
            print(f"  {name:>{width}}: {summary(report)}")
        print(f"  {'all, pooled':>{width}}: {summary(pooled)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
