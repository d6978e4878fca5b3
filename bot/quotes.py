"""A quote: an exact slice of an article body, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.models import Article


@dataclass(frozen=True, slots=True)
class Quote:
    article: Article
    start: int
    end: int
    score: float = 0.0

    @property
    def text(self) -> str:
        # Derived, never stored: a quote cannot drift from the article it cites.
        return self.article.body[self.start : self.end]
