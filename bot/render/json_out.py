"""The JSON shapes of the command line: one answer, one article."""

from __future__ import annotations

from bot import messages
from bot.answers import MIN_COVERAGE, Answer
from bot.knowledge.models import Article
from bot.quotes import Quote


def article_dict(article: Article) -> dict[str, object]:
    meta = article.meta
    return {
        "id": meta.id,
        "title": meta.title,
        "publisher": meta.publisher,
        "author": meta.author,
        "published": meta.published.isoformat(),
        "url": str(meta.url) if meta.url is not None else None,
        "kind": meta.kind,
        "path": str(article.path),
    }


def quote_dict(quote: Quote) -> dict[str, object]:
    return {"text": quote.text, "start": quote.start, "end": quote.end, "score": quote.score, "article": article_dict(quote.article)}


def answer_dict(answer: Answer, *, explain: bool = False) -> dict[str, object]:
    result: dict[str, object] = {
        "question": answer.question,
        "answered": answer.answered,
        "quotes": [quote_dict(q) for q in answer.quotes],
    }
    if answer.declined is not None:
        result["declined"] = answer.declined.value
        result["message"] = messages.decline_message(answer)
        result["closest"] = [quote_dict(q) for q in answer.closest]
        result["near_miss"] = answer.near_miss  # the closest passages may answer it after all
    if explain and answer.reading is not None:
        result["reading"] = reading_dict(answer)
    return result


def reading_dict(answer: Answer) -> dict[str, object]:
    """How the question was read (`ask --explain`): what a maintainer needs to see why."""
    assert answer.reading is not None
    reading = answer.reading
    return {
        "coverage": round(answer.coverage, 4),
        "needed": MIN_COVERAGE,
        "expects": reading.expected.value if reading.expected else None,
        "typed_answer_found": reading.typed_answer_found if reading.expected else None,
        "corrections": dict(reading.corrections),
        "named_articles": list(reading.named_articles),
        "concepts": [
            {
                "said": item.concept.said,
                "terms": list(item.concept.terms),
                "alias_group": item.group,
                "synonyms": list(item.concept.synonyms),
                "weight": round(item.weight, 4),
                "found": round(item.credit, 4),
                "found_through": item.synonym,
                "in_articles": item.in_articles,
            }
            for item in reading.concepts
        ],
    }
