"""Where quotations open and close in a piece of text, so a quote never cuts one in half."""

from __future__ import annotations

import re

# “ opens and ” closes; a ” right before a word is a misprinted “ ("”When we first"). A straight
# " opens at the start or after white space or a bracket, and closes anywhere else.
_MARK = re.compile(r'[“”"]')


def _opens(text: str, position: int) -> bool:
    mark = text[position]
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if mark == "“":
        return True
    at_word_start = (before.isspace() or before in "([—") and not after.isspace()
    return at_word_start


def unbalanced(text: str) -> tuple[int, int]:
    """(quotations closed in the text but opened before it, quotations opened but not closed in it)."""
    opened_before = depth = 0
    for match in _MARK.finditer(text):
        if _opens(text, match.start()):
            depth += 1
        elif depth:
            depth -= 1
        else:
            opened_before += 1
    return opened_before, depth


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """The double-quoted stretches of text[start:end] as (first character inside, end inside,
    closed). A quotation still open at `end` runs to it (closed=False): news style leaves a
    quotation open at a paragraph's end when the next paragraph goes on with it."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for match in _MARK.finditer(text, start, end):
        position = match.start()
        if _opens(text, position):
            if opened is not None and text[position] != "“":
                # A straight or misprinted mark while one is open closes it ("a",  "b").
                spans.append((opened, position, True))
                opened = None
                continue
            opened = position + 1  # a curly “ inside an open quotation restarts it: nesting uses single marks
        elif opened is not None:
            spans.append((opened, position, True))
            opened = None
    if opened is not None and opened < end:
        spans.append((opened, end, False))
    return spans
