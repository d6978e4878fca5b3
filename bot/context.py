""""More context": the sentences around a quote, found again from a reference a button carries.

The reference holds the article id, the quote's offsets and a checksum of its text, so any copy
of the bot can serve the button press with no local state, and a quote whose text has since been
edited or removed is found again by its text or reported gone, never shown from stale offsets.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase
from bot.quotes import Quote

PREFIX = "ctx"
SENTENCES_AROUND = 2


@dataclass(frozen=True, slots=True)
class ContextRef:
    article_id: str
    start: int
    end: int
    checksum: str

    def encode(self) -> str:
        """At most 100 characters (Discord's custom_id limit): article ids are at most 64."""
        return f"{PREFIX}:{self.article_id}:{self.start}:{self.end}:{self.checksum}"

    @classmethod
    def decode(cls, value: str) -> ContextRef | None:
        parts = value.split(":")
        if len(parts) != 5 or parts[0] != PREFIX or not parts[2].isdigit() or not parts[3].isdigit():
            return None
        return cls(parts[1], int(parts[2]), int(parts[3]), parts[4])


def checksum(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def reference_for(quote: Quote) -> ContextRef:
    return ContextRef(quote.article.id, quote.start, quote.end, checksum(quote.text))


def find_quote(knowledge: KnowledgeBase, ref: ContextRef) -> Quote | None:
    """The quote in the current knowledge: at its offsets if unchanged, else wherever its text moved."""
    article = knowledge.articles.get(ref.article_id)
    if article is None:
        return None
    if checksum(article.body[ref.start : ref.end]) == ref.checksum:
        return Quote(article, ref.start, ref.end)
    length = ref.end - ref.start
    position = 0
    # The article was edited: the same text may still be there at another offset.
    for sentence in (s for s in knowledge.sentences if knowledge.article_of(s.passage) is article):
        position = sentence.span.start
        if checksum(article.body[position : position + length]) == ref.checksum:
            return Quote(article, position, position + length)
    return None


def context_around(knowledge: KnowledgeBase, ref: ContextRef, sentences: int = SENTENCES_AROUND) -> Quote | None:
    """The quote with up to `sentences` sentences either side from its article; None if it is gone."""
    quote = find_quote(knowledge, ref)
    if quote is None:
        return None
    spans = [s.span for s in knowledge.sentences if knowledge.article_of(s.passage) is quote.article]
    first = next((i for i, span in enumerate(spans) if span.end > quote.start), 0)
    last = next((i for i in range(len(spans) - 1, -1, -1) if spans[i].start < quote.end), len(spans) - 1)
    start = spans[max(0, first - sentences)].start
    end = spans[min(len(spans) - 1, last + sentences)].end
    return Quote(quote.article, min(start, quote.start), max(end, quote.end))
