"""Reads a saved page or a plain-text article into body text and whatever metadata the file carries."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from bot.importer.chrome import drop_chrome

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p[\s>])", re.I)


@dataclass(frozen=True)
class Extracted:
    """What a file says about itself; every field may be missing and filled from the flags."""

    body: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    author: str | None = None
    url: str | None = None
    standfirst: str | None = None
    dropped: tuple[str, ...] = field(default_factory=tuple)  # chrome lines left out of the body
    chrome_kept: tuple[str, ...] = field(default_factory=tuple)  # lines that look like chrome, kept as asked
    is_html: bool = False


def looks_like_html(text: str, suffix: str) -> bool:
    return suffix.lower() in (".html", ".htm", ".xhtml") or bool(_HTML_START.match(text[:2000]))


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def from_html(html: str | bytes) -> Extracted:
    """trafilatura finds the article body and the page's own metadata (meta tags, JSON-LD, markup).

    Precision over recall: a sidebar quoted as if it were the article is worse than a paragraph
    the maintainer has to paste in. Dates come only from the page's markup, never guessed from a
    date that happens to appear in a caption.
    """
    # Imported here, not at the top: it takes a quarter of the CLI's start-up, and only `import` uses it.
    import trafilatura

    # Its own complaints ("empty HTML tree: None") would come before ours, which name the file
    # and say what to do; a page it cannot read comes back as None and is reported by us.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return Extracted(body="", is_html=True)
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    title, standfirst = _clean(data.get("title")), _clean(data.get("description"))
    # trafilatura gives one element per line; the knowledge format separates paragraphs by a blank line.
    raw = "\n\n".join(line.strip() for line in str(data.get("text") or "").split("\n") if line.strip())
    cleaned = drop_chrome(raw, title, standfirst)
    return Extracted(
        body=cleaned.text,
        title=title,
        publisher=_clean(data.get("sitename")),
        published=_date(data.get("date")),
        author=_clean(data.get("author")),
        url=_clean(data.get("url")),
        standfirst=standfirst,
        dropped=cleaned.dropped,
        is_html=True,
    )


def from_plain_text(text: str, title: str | None, standfirst: str | None, *, clean: bool) -> Extracted:
    """Plain text is the article as it is; with `clean`, whole lines that look like page chrome go.
    Kept, they are still named, so the maintainer can decide."""
    cleaned = drop_chrome(text, title, standfirst)
    if clean:
        return Extracted(body=cleaned.text, dropped=cleaned.dropped)
    return Extracted(body=text.strip(), chrome_kept=cleaned.dropped)
