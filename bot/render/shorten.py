"""Shortens a quote to a limit by cutting it, never by rewording it."""

from __future__ import annotations

ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """text, or its start cut at a word boundary with an ellipsis, at most `limit` characters."""
    if limit < 1:
        return ""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    boundary = cut.rfind(" ")
    if boundary > limit // 2:
        cut = cut[:boundary]
    return cut.rstrip(" ,;:—-") + ELLIPSIS
