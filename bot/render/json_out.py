"""The JSON shapes of the command line: one answer, one article."""

from __future__ import annotations

from bot import messages
from bot.answers import Answer
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


def answer_dict(answer: Answer) -> dict[str, object]:
    result: dict[str, object] = {
        "question": answer.question,
        "answered": answer.answered,
        "quotes": [quote_dict(q) for q in answer.quotes],
    }
    if answer.declined is not None:
        result["declined"] = answer.declined.value
        result["message"] = messages.decline_message(answer.declined, len(answer.question))
        result["closest"] = [quote_dict(q) for q in answer.closest]
    return result
