"""What reading a dated sentence gives, kept by the sentence's text for one timeline build.

The grammar's reading of a date in its sentence (its role and clause), the title made from it,
and the sentence's words around the date depend on the sentence's text and the
date's place in it alone: grammar.read, titles.headline and the rest are given nothing else. So a
text is read once: within an article, where a date's clause is read both when a counted phrase
("the next day") looks for an event to count from and when its mention is made, and across
articles, where the same sentences recur (syndicated wire copy, an outlet's boilerplate; the
generated folders of bench/, where 155,584 sentences are 86,727 texts). Kept for one build and
dropped with it: the values are small (a reading, a title, a tuple of terms), the texts the keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from bot.knowledge.models import Span
from bot.search.normalise import terms
from bot.timeline import grammar
from bot.timeline.titles import headline

K = TypeVar("K")
T = TypeVar("T")


@dataclass
class SentenceMemo:
    """Each kind of result by the sentence's text and what else it is given (never its article)."""

    readings: dict[tuple[str, int, int, bool, bool], grammar.Reading] = field(default_factory=dict)
    titles: dict[tuple[str, grammar.Reading, int, int], str] = field(default_factory=dict)
    contexts: dict[tuple[str, int, int], tuple[str, ...]] = field(default_factory=dict)


class SentenceReader:
    """One article's sentences read through the build's memo; a sentence is tokenised only when
    something about it is not remembered, and once per article."""

    def __init__(self, body: str, memo: SentenceMemo | None = None) -> None:
        self._body = body
        self._memo = memo if memo is not None else SentenceMemo()
        self._tokens: dict[int, list[grammar.Token]] = {}  # sentence start -> its tokens

    def tokens(self, span: Span) -> list[grammar.Token]:
        if span.start not in self._tokens:
            self._tokens[span.start] = grammar.tokens_of(self._body[span.start : span.end])
        return self._tokens[span.start]

    def read(self, span: Span, start: int, end: int, *, future: bool, open_ended: bool) -> grammar.Reading:
        """grammar.read of the date at [start, end) of the sentence (offsets in the sentence)."""
        text = self._body[span.start : span.end]
        return _remembered(
            self._memo.readings, (text, start, end, future, open_ended),
            lambda: grammar.read(text, self.tokens(span), start, end, future=future, open_ended=open_ended),
        )  # fmt: skip

    def title(self, span: Span, reading: grammar.Reading, start: int, end: int) -> str:
        text = self._body[span.start : span.end]
        return _remembered(self._memo.titles, (text, reading, start, end), lambda: headline(text, self.tokens(span), reading, start, end))

    def context(self, span: Span, start: int, end: int) -> tuple[str, ...]:
        """The sentence's index terms without the date's words at [start, end)."""
        text = self._body[span.start : span.end]
        return _remembered(self._memo.contexts, (text, start, end), lambda: tuple(terms(f"{text[:start]} {text[end:]}")))


def _remembered(table: dict[K, T], key: K, make: Callable[[], T]) -> T:
    if key in table:
        return table[key]
    found = table[key] = make()
    return found
