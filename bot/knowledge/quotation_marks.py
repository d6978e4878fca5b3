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
