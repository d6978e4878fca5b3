"""Each article's quotations, found once: remembered from the last build in this process while the
article is the same, else read back from the article cache on disk, else found now.

Finding quotations reads every name of every paragraph, the largest part of a start at thousands
of articles; a reload after one edit finds one article's.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.knowledge.article_cache import ArticleCache
from bot.knowledge.models import Article
from bot.knowledge.remembered import PerArticleMemory
from bot.quotations.find import Quotation, find_quotations
from bot.quotes import Quote

# One quotation as plain values for the cache: start, end, speaker, role.
Found = tuple[int, int, str, str | None]


def _found(quotations: list[Quotation]) -> tuple[Found, ...]:
    return tuple((q.quote.start, q.quote.end, q.speaker, q.role) for q in quotations)


def _read_found(data: object) -> tuple[Found, ...]:
    return tuple((start, end, speaker, role) for start, end, speaker, role in data)  # type: ignore[attr-defined]


class RememberedQuotations:
    def __init__(self) -> None:
        # The whole article is the key: a quotation's role comes from the author, and its quote
        # cites the article itself.
        self._memory: PerArticleMemory[Article, tuple[Quotation, ...]] = PerArticleMemory(key=lambda article: article)

    def quotations(self, articles: Sequence[Article], cache_folder: Path | None = None) -> list[tuple[Quotation, ...]]:
        """Each article's quotations, in reading order."""
        on_disk = ArticleCache(cache_folder, "quotations", lambda found: found, _read_found, derived_by=(__name__,))

        def make(article: Article) -> tuple[Quotation, ...]:
            found = on_disk.get_or_make((article.id, article.body, repr(article.meta.author)), lambda: _found(find_quotations(article)))
            return tuple(Quotation(Quote(article, start, end), speaker, role) for start, end, speaker, role in found)

        return self._memory.results(articles, make)


REMEMBERED = RememberedQuotations()
