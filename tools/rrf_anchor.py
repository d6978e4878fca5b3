"""The issue's second anchor: reciprocal rank fusion of stemmed BM25 and MiniLM over sentences.

    .venv/bin/python tools/rrf_anchor.py ../shared/eval/dev_qa.jsonl eval/heldout_k.jsonl

Sentences are the bot's own (bot.knowledge.sentences); BM25 is rank-bm25's BM25Okapi over their
stemmed terms (bot.search.normalise: folding, stop words out, Snowball stems; no aliases,
synonyms or typo correction); MiniLM is the bot's encoder (bot.ranking.minilm) with cosine
similarity. The two rankings are fused by reciprocal rank, k = 60, equal weights, and nothing is
ever declined. A question counts for R@1 when the best sentence and a gold span overlap (one holds
the other), for R@3 when one of the best three does. This is what an off-the-shelf hybrid gets on
the same questions, apart from everything the bot adds (the README's quality table).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from bot.config import BUNDLED_KNOWLEDGE
from bot.evaluation import EvalQuestion, read_questions
from bot.knowledge.articles import read_articles
from bot.knowledge.models import Article
from bot.knowledge.passages import split_passages
from bot.ranking.embedding_cache import EmbeddingCache, default_cache_folder
from bot.ranking.minilm import shared_model
from bot.search.normalise import comparable, terms

RRF_K = 60


def _matches(article: Article, sentence: str, question: EvalQuestion) -> bool:
    names = {article.id, article.path.name, article.path.stem, article.meta.source_file or ""}
    said = comparable(sentence)
    return any(
        (gold.article in names or Path(gold.article).stem in names) and (comparable(gold.span) in said or said in comparable(gold.span))
        for gold in question.answers
    )


def recall(articles: list[Article], questions: list[EvalQuestion]) -> tuple[float, float, float]:
    """R@1, R@1 on the paraphrased questions, and R@3, over the answerable questions."""
    sentences = [
        (article, article.body[span.start : span.end])
        for article in articles
        for passage in split_passages(article.id, article.body)
        if not passage.heading
        for span in passage.sentences
    ]
    bm25 = BM25Okapi([terms(text) or ["\0"] for _, text in sentences])
    model = shared_model()
    vectors = EmbeddingCache(default_cache_folder(), model.digest).vectors([text for _, text in sentences], model.encode, model.dimensions)
    answerable = [q for q in questions if q.answers]
    first = three = paraphrased = 0
    for question in answerable:
        lexical = np.argsort(-bm25.get_scores(terms(question.question)), kind="stable")
        meaning = np.argsort(-(vectors @ model.encode([question.question])[0]), kind="stable")
        fused = np.zeros(len(sentences))
        for order in (lexical, meaning):
            fused[order] += 1.0 / (RRF_K + np.arange(1, len(order) + 1))
        best = np.argsort(-fused, kind="stable")[:3]
        hits = [_matches(*sentences[i], question) for i in best]
        first += hits[0]
        paraphrased += hits[0] and question.kind == "paraphrase"
        three += any(hits)
    count = len(answerable) or 1
    paraphrases = sum(q.kind == "paraphrase" for q in answerable) or 1
    return first / count, paraphrased / paraphrases, three / count


def main(files: list[str]) -> int:
    articles, problems = read_articles(BUNDLED_KNOWLEDGE)
    for problem in problems:
        print(problem, file=sys.stderr)
    for file in files:
        r_at_1, paraphrases, r_at_3 = recall(articles, read_questions(Path(file)))
        print(f"{file}: RRF of stemmed BM25 + MiniLM over sentences R@1 {r_at_1:.2f} (paraphrases {paraphrases:.2f})  R@3 {r_at_3:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
