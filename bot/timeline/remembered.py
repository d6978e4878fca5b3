"""Each article's dated mentions, and the concepts of their words, reused from the last timeline
build while the article (and the alias table) is the same.

Finding dates, reading their grammar and making titles is most of a timeline build and depends on
one article alone: its id, text, publication date and sentences. A reload after adding a few
articles reads only those. Same pattern as bot.knowledge.indexing.REMEMBERED: answers and reloads
run in worker threads, so the memory is swapped whole under a lock; two builds racing only cost
each other some reuse, never a wrong timeline.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence

from bot.knowledge.models import Article, Span
from bot.search.aliases import AliasTable
from bot.timeline.found import Mention

# What an article's mentions depend on: id, text, publication date and its sentences.
Key = tuple[str, str, dt.date, tuple[Span, ...]]
Find = Callable[[Article, tuple[Span, ...]], list[Mention]]


Concepts = Callable[[Sequence[str]], frozenset[str]]


class RememberedMentions:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_article: dict[Key, tuple[Mention, ...]] = {}
        self._aliases_key: frozenset[tuple[tuple[str, ...], str]] = frozenset()
        self._concepts: dict[tuple[str, ...], frozenset[str]] = {}

    def mentions(self, articles: Sequence[tuple[Article, tuple[Span, ...]]], find: Find) -> list[Mention]:
        """Every mention of the articles, in their order, found anew only for articles not seen
        in the last build (the memory keeps the articles of the last build only)."""
        with self._lock:
            known = self._by_article
        found: dict[Key, tuple[Mention, ...]] = {}
        for article, sentences in articles:
            key = (article.id, article.body, article.meta.published, sentences)
            remembered = known.get(key)
            found[key] = remembered if remembered is not None else tuple(find(article, sentences))
        with self._lock:
            self._by_article = found
        return [mention for mentions in found.values() for mention in mentions]

    def concepts(self, aliases: AliasTable) -> tuple[Concepts, Callable[[], None]]:
        """`aliases.concepts` of a sentence's terms as a set, remembered from the last build while
        the alias table is the same, and a function to call when the build is done: it keeps the
        terms this build asked for, so the memory does not grow with every reload."""
        aliases_key = frozenset(aliases.phrases.items())
        with self._lock:
            known = self._concepts if aliases_key == self._aliases_key else {}
        used: dict[tuple[str, ...], frozenset[str]] = {}

        def concepts(plain_terms: Sequence[str]) -> frozenset[str]:
            key = tuple(plain_terms)
            found = used.get(key)
            if found is None:
                found = known.get(key)
                used[key] = found = found if found is not None else frozenset(aliases.concepts(key))
            return found

        def keep() -> None:
            with self._lock:
                self._aliases_key, self._concepts = aliases_key, used

        return concepts, keep


REMEMBERED = RememberedMentions()
