"""The quotation marks a renderer puts around a quote, never doubling the article's own."""

from __future__ import annotations

# Double marks only: an article's ‘…’ inside our “…” is already how an editor nests a quotation.
_DOUBLE_MARKS = '“”"„'
_CLOSING_PUNCTUATION = ".,;:!?…)"


def in_quote_marks(text: str) -> str:
    """“text”, or text as it is when it opens or closes with a quotation mark of its own.

    A quote such as `“We are ready,” she said.` already shows where the words are someone's; wrapping
    it gives `““We are ready,” she said.”`. Turning the article's marks into single ones (the editor's
    nesting) would change its characters, and a quote is always shown verbatim, so the renderer's
    marks go instead — both of them, so they never stand unpaired.
    """
    first = text.lstrip()[:1]
    last = text.rstrip().rstrip(_CLOSING_PUNCTUATION)[-1:]
    if (first and first in _DOUBLE_MARKS) or (last and last in _DOUBLE_MARKS):
        return text
    return f"“{text}”"
