"""Each article's sentences numbered by their passage's place in the knowledge base, remembered.

A sentence names its passage by position in KnowledgeBase.passages, so an article's sentence
objects hold only while its passages are the last build's very objects at the same place. A
reload after one article changes keeps every article before it as it was: their objects are the
last build's, not made again (155,000 objects at 3,000 articles, a twentieth of a reload's CPU
with the collector's pass over them), and the articles after it, moved along, are made again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from bot.knowledge.models import Passage, Span

Numbered = TypeVar("Numbered")


class NumberedSentences(Generic[Numbered]):
    """`make(passage position, span)` for every sentence, articles' passages one after the other."""

    def __init__(self, make: Callable[[int, Span], Numbered]) -> None:
        self._make = make
        self._lock = threading.Lock()  # builds may run in several threads; the memory is swapped whole
        # id of an article's passages -> those passages (held, so the id is never reused), where
        # the first stood, and its sentences as made then.
        self._last: dict[int, tuple[Sequence[Passage], int, tuple[Numbered, ...]]] = {}

    def of(self, articles: Sequence[Sequence[Passage]]) -> list[Numbered]:
        with self._lock:
            last = self._last
        now: dict[int, tuple[Sequence[Passage], int, tuple[Numbered, ...]]] = {}
        sentences: list[Numbered] = []
        first = 0
        make = self._make
        for passages in articles:
            known = last.get(id(passages))
            if known is not None and known[0] is passages and known[1] == first:
                own = known[2]
            else:
                own = tuple(make(position, span) for position, passage in enumerate(passages, first) for span in passage.sentences)
            now[id(passages)] = (passages, first, own)
            sentences.extend(own)
            first += len(passages)
        with self._lock:
            self._last = now
        return sentences
