"""Cuts an article body into paragraph-aware passages, each knowing its sentences."""

from __future__ import annotations

import re

from bot.knowledge.models import Passage, Span
from bot.knowledge.sentences import sentence_spans

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Long paragraphs are cut between sentences so a passage stays about one idea long.
MAX_PASSAGE_CHARS = 900
MAX_HEADING_WORDS = 14
SENTENCE_END = tuple(".!?…\"'”’)")


def is_heading(text: str) -> bool:
    """A short single line with no closing punctuation: a subhead or a label, not a sentence."""
    return "\n" not in text and len(text.split()) <= MAX_HEADING_WORDS and not text.rstrip().endswith(SENTENCE_END)


def paragraph_spans(body: str) -> list[Span]:
    spans = []
    cursor = 0
    for match in PARAGRAPH_BREAK.finditer(body):
        spans.append(Span(cursor, match.start()))
        cursor = match.end()
    spans.append(Span(cursor, len(body)))
    return [span for span in spans if body[span.start : span.end].strip()]


def split_passages(article_id: str, body: str) -> list[Passage]:
    passages: list[Passage] = []
    for paragraph in paragraph_spans(body):
        sentences = sentence_spans(body, paragraph.start, paragraph.end)
        group: list[Span] = []
        for sentence in sentences:
            if group and sentence.end - group[0].start > MAX_PASSAGE_CHARS:
                passages.append(_passage(article_id, len(passages), group, body))
                group = []
            group.append(sentence)
        if group:
            passages.append(_passage(article_id, len(passages), group, body))
    return passages


def _passage(article_id: str, index: int, sentences: list[Span], body: str) -> Passage:
    start, end = sentences[0].start, sentences[-1].end
    return Passage(
        article_id=article_id,
        index=index,
        start=start,
        end=end,
        sentences=tuple(sentences),
        heading=is_heading(body[start:end]),
    )
