"""The words of every article as one set, made from the last build's by the articles that changed.

Each article's words are a tuple remembered with its indexing (bot.knowledge.indexing): an
unchanged article's is the last build's very object. Joining 3,000 articles' words afresh was a
fortieth of a reload; counting in how many articles each word is lets a changed article's words
be taken off and added without looking at the others.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence


class RememberedVocabulary:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        # The last build's articles' words (held, so their identities are never reused), how many
        # of those articles hold each word, and the set.
        self._last: tuple[list[tuple[str, ...]], Counter[str], frozenset[str]] | None = None

    def of(self, articles: Sequence[tuple[str, ...]]) -> frozenset[str]:
        """Every word some article's tuple holds (each tuple holds a word at most once)."""
        with self._lock:
            last = self._last
        if last is None:
            counts = Counter(word for words in articles for word in words)
            vocabulary = frozenset(counts)
        else:
            last_articles, counts, vocabulary = last
            were, are = Counter(map(id, last_articles)), Counter(map(id, articles))
            gone = [words for words in last_articles if were[id(words)] > are[id(words)]]
            new = [words for words in articles if are[id(words)] > were[id(words)]]
            counts = counts.copy()
            counts.subtract(word for words in gone for word in words)
            counts.update(word for words in new for word in words)
            dropped = {word for words in gone for word in words if counts[word] <= 0}
            for word in dropped:
                del counts[word]
            added = {word for words in new for word in words} - vocabulary
            if dropped or added:
                vocabulary = (vocabulary - dropped) | added
        with self._lock:
            self._last = (list(articles), counts, vocabulary)
        return vocabulary
