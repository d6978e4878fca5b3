"""Finds sentence boundaries in article prose as character spans.

Rule-based on purpose: news prose has a few traps (U.S., Mr., D.C., initials, quotes that end a
sentence, question marks inside quotes), and a rule we can read beats a model we cannot ship.
"""

from __future__ import annotations

import re

from bot.knowledge.models import Span

# Words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr gen sen rep gov lt col sgt capt cmdr adm prof inc co corp ltd vs etc
    no nos jan feb mar apr aug sept sep oct nov dec fig est approx dept univ mt ft pres amb""".split()
)
# Dotted acronyms (U.S., D.C., U.N.): they end a sentence only when a typical sentence opener follows.
DOTTED_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you this that these those but and so yet or if in on at as
    for his her their its our there here what when why how who while after before since then""".split()
)
# A candidate end: terminal punctuation, any closing quotes or brackets, then white space.
CANDIDATE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S+)")


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "“\"(—":
        start -= 1
    return text[start:end]


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    following = NEXT_START.match(text, match.end())
    if following is None:
        return True
    opening_quote, next_word = following.group(1), following.group(2)
    first = next_word[0]
    if not (first.isupper() or first.isdigit() or opening_quote):
        return False  # "?” he asked", "e.g. something"
    punctuation = match.group(0)
    if not punctuation.startswith(".") or punctuation != ".":
        return True  # ! ? … and a period followed by a closing quote end sentences
    word = _word_before(text, match.start())
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        return False  # an initial: "John F. Kennedy"
    if DOTTED_ACRONYM.search(word + "."):
        return next_word.strip("“\"‘'").lower() in SENTENCE_OPENERS
    return True


def full_stop_ends_sentence(text: str, at: int) -> bool:
    """Whether the full stop at text[at] ends a sentence: not the dots of "U.S. special envoy",
    "Mr. Kim" or an initial, by the same rules sentence_spans splits by."""
    if at + 1 >= len(text):
        return True
    candidate = CANDIDATE_END.match(text, at)
    return candidate is not None and _is_boundary(text, candidate)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end], as spans of `text` with no surrounding white space."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in CANDIDATE_END.finditer(text, start, end):
        if match.end() >= end or not _is_boundary(text, match):
            continue
        spans.append(Span(cursor, match.end()))
        cursor = match.end()
    spans.append(Span(cursor, end))
    return [trimmed for span in spans if (trimmed := _trim(text, span)) is not None]


def _trim(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None
