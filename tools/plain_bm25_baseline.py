"""The issue's yardstick: plain rank-bm25 over the articles' raw paragraphs, on question files.

    .venv/bin/python tools/plain_bm25_baseline.py eval/dev_qa.jsonl eval/heldout_k.jsonl

Words are lower-cased runs of letters and digits: no stop words, stemming, aliases or synonyms,
and no decision to decline. R@1 counts a question when the best paragraph holds a gold span,
R@3 when one of the best three does. Comparing it with `python -m bot eval` on the same file
says how hard a question set is, apart from what the bot adds (the README's quality table).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rank_bm25 import BM25Okapi

from bot.config import BUNDLED_KNOWLEDGE
from bot.evaluation import EvalQuestion, holds_span, read_questions
from bot.knowledge.articles import read_articles
from bot.knowledge.models import Article

_WORD = re.compile(r"\w+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def recall(articles: list[Article], questions: list[EvalQuestion]) -> tuple[float, float]:
    """R@1 and R@3 over the answerable questions."""
    paragraphs = [(article, text) for article in articles for text in _PARAGRAPH_BREAK.split(article.body) if text.strip()]
    index = BM25Okapi([_tokens(text) for _, text in paragraphs])
    answerable = [q for q in questions if q.answers]
    first = three = 0
    for question in answerable:
        scores = index.get_scores(_tokens(question.question))
        best = sorted(range(len(paragraphs)), key=lambda i: -scores[i])[:3]
        hits = [any(holds_span(*paragraphs[i], gold) for gold in question.answers) for i in best]
        first += hits[0]
        three += any(hits)
    count = len(answerable) or 1
    return first / count, three / count


def main(files: list[str]) -> int:
    articles, problems = read_articles(BUNDLED_KNOWLEDGE)
    for problem in problems:
        print(problem, file=sys.stderr)
    for file in files:
        r_at_1, r_at_3 = recall(articles, read_questions(Path(file)))
        print(f"{file}: plain BM25 over paragraphs R@1 {r_at_1:.2f}  R@3 {r_at_3:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
