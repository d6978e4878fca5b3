"""Measures answers on a question file in the dev_qa.jsonl format: R@1 (all and by kind), R@3, MRR,
declines of either kind, and the quotes' length."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.answers import PIPELINE, Answer, Pipeline, answer
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.errors import problems_from_validation
from bot.knowledge.models import Article
from bot.quotes import Quote
from bot.search.normalise import comparable


class GoldSpan(BaseModel):
    model_config = ConfigDict(extra="ignore")
    article: str
    span: str


class EvalQuestion(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    question: str
    kind: str = "unknown"
    answers: list[GoldSpan] = []
    # The set writer's note: for an unanswerable question it says which kind it is ("trap: …",
    # "off-topic: …"), which tools/fit_answer_check.py counts apart.
    note: str = ""

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


class EvalFileError(ValueError):
    pass


@dataclass
class QuestionResult:
    question: EvalQuestion
    answer: Answer
    rank: int | None  # 1-based rank of the first quote holding a gold span


@dataclass
class EvalReport:
    results: list[QuestionResult] = field(default_factory=list)

    @property
    def answerable(self) -> list[QuestionResult]:
        return [r for r in self.results if r.question.answerable]

    @property
    def unanswerable(self) -> list[QuestionResult]:
        return [r for r in self.results if not r.question.answerable]

    def recall_at(self, k: int) -> float:
        hits = [r for r in self.answerable if r.rank is not None and r.rank <= k]
        return len(hits) / len(self.answerable) if self.answerable else 0.0

    @property
    def mrr(self) -> float:
        ranks = [1 / r.rank if r.rank else 0.0 for r in self.answerable]
        return sum(ranks) / len(ranks) if ranks else 0.0

    @property
    def unanswerable_declined(self) -> int:
        return sum(not r.answer.answered for r in self.unanswerable)

    @property
    def answerable_declined(self) -> int:
        return sum(not r.answer.answered for r in self.answerable)

    @property
    def declined_with_answer_closest(self) -> int:
        """Answerable questions declined although the first closest passage offered held the
        answer: what the decision to decline costs, as against answering everything."""
        return sum(not r.answer.answered and _first_hit(r.answer.closest[:1], r.question.answers) == 1 for r in self.answerable)

    @property
    def unanswerable_shown_closest(self) -> int:
        """Unanswerable questions declined with passages shown: none of them holds an answer, and a
        plain decline (bot.plain_decline) shows none."""
        return sum(not r.answer.answered and bool(r.answer.closest) for r in self.unanswerable)

    @property
    def declined_with_answer_shown(self) -> int:
        """Answerable questions declined with the answer in one of the closest passages shown: the
        readers a plain decline would fail."""
        return sum(not r.answer.answered and _first_hit(r.answer.closest, r.question.answers) is not None for r in self.answerable)

    @property
    def answerable_declined_share(self) -> float:
        return self.answerable_declined / len(self.answerable) if self.answerable else 0.0

    @property
    def unanswerable_declined_share(self) -> float:
        return self.unanswerable_declined / len(self.unanswerable) if self.unanswerable else 0.0

    @property
    def median_quote_chars(self) -> float:
        lengths = [len(q.text) for r in self.results for q in r.answer.quotes]
        return statistics.median(lengths) if lengths else 0.0

    def recall_at_1_by_kind(self) -> dict[str, float]:
        """R@1 of the answerable questions of each kind (paraphrase, lexical, …)."""
        kinds: dict[str, list[QuestionResult]] = {}
        for result in self.answerable:
            kinds.setdefault(result.question.kind, []).append(result)
        return {kind: round(sum(r.rank == 1 for r in results) / len(results), 4) for kind, results in sorted(kinds.items())}

    def as_dict(self) -> dict[str, object]:
        return {
            "questions": len(self.results),
            "answerable": len(self.answerable),
            "r_at_1": round(self.recall_at(1), 4),
            "r_at_3": round(self.recall_at(3), 4),
            "mrr": round(self.mrr, 4),
            "unanswerable": len(self.unanswerable),
            "unanswerable_declined": self.unanswerable_declined,
            "answerable_declined": self.answerable_declined,
            "unanswerable_declined_share": round(self.unanswerable_declined_share, 4),
            "answerable_declined_share": round(self.answerable_declined_share, 4),
            "declined_with_answer_closest": self.declined_with_answer_closest,
            "declined_with_answer_shown": self.declined_with_answer_shown,
            "unanswerable_shown_closest": self.unanswerable_shown_closest,
            "median_quote_chars": self.median_quote_chars,
            "r_at_1_by_kind": self.recall_at_1_by_kind(),
            "misses": [r.question.id for r in self.answerable if r.rank != 1],
            "wrongly_answered": [r.question.id for r in self.unanswerable if r.answer.answered],
        }


def read_questions(path: Path) -> list[EvalQuestion]:
    questions = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalFileError(f"{path}: cannot be read: {error}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate(json.loads(line)))
        except json.JSONDecodeError as error:
            raise EvalFileError(f"{path}:{number}: is not JSON: {error.msg} (column {error.colno})") from None
        except ValidationError as error:
            # One line naming each field, as `check` does: "id: is required", not pydantic's dump.
            fields = "; ".join(f"{p.field}: {p.message}" for p in problems_from_validation(str(path), error, model=EvalQuestion))
            raise EvalFileError(f"{path}:{number}: {fields}") from None
    return questions


def _matches_article(gold: str, article: Article) -> bool:
    """Whether a gold span's article name (a seed file name or an id) is this article."""
    names = {article.id, article.path.name, article.path.stem, article.meta.source_file or ""}
    return gold in names or Path(gold).stem in names


def holds_span(article: Article, text: str, gold: GoldSpan) -> bool:
    """Whether text of this article holds the gold span, white space and quotation marks aside."""
    return _matches_article(gold.article, article) and comparable(gold.span) in comparable(text)


def _holds(quote: Quote, gold: GoldSpan) -> bool:
    return holds_span(quote.article, quote.text, gold)


def first_hit_rank(answer_: Answer, gold: list[GoldSpan]) -> int | None:
    return _first_hit(answer_.quotes, gold)


def _first_hit(quotes: Sequence[Quote], gold: list[GoldSpan]) -> int | None:
    for rank, quote in enumerate(quotes, 1):
        if any(_holds(quote, span) for span in gold):
            return rank
    return None


def evaluate(knowledge: KnowledgeBase, questions: list[EvalQuestion], pipeline: Pipeline = PIPELINE) -> EvalReport:
    """Each question answered as the bot answers it (or with another pipeline, for tools/ablation.py)."""
    report = EvalReport()
    for question in questions:
        result = answer(knowledge, question.question, pipeline=pipeline)
        report.results.append(QuestionResult(question, result, first_hit_rank(result, question.answers)))
    return report
