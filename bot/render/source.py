"""How a quote's source is named: publisher, title, date, link."""

from __future__ import annotations

from bot.knowledge.models import ArticleMeta


def display_title(meta: ArticleMeta) -> str:
    return meta.title.strip('"“”')


def display_date(meta: ArticleMeta) -> str:
    return f"{meta.published:%B} {meta.published.day}, {meta.published.year}"


def source_line(meta: ArticleMeta) -> str:
    """`Vox, "Title", February 28, 2019, https://…` (no link when the article has none)."""
    parts = [meta.publisher, f"“{display_title(meta)}”", display_date(meta)]
    if meta.url is not None:
        parts.append(str(meta.url))
    return ", ".join(parts)
