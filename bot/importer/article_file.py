"""Writes a knowledge article file: YAML front matter, then the body, as the bundled articles are."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import yaml

from bot.knowledge.articles import ARTICLES_FOLDER
from bot.knowledge.frontmatter import normalise_text
from bot.knowledge.models import ArticleMeta

MAX_ID_CHARS = 64
# Front matter fields in the order the bundled articles use.
FIELD_ORDER = ("id", "title", "publisher", "published", "author", "url", "kind", "standfirst", "source_file")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.replace("'", "")).strip("-")


def make_id(publisher: str, published: str, title: str) -> str:
    """publisher-date-title, cut at a word boundary to 64 characters (ARTICLE_ID_PATTERN)."""
    publisher_slug = slug(re.sub(r"\(.*?\)", "", publisher)) or "article"
    full = f"{publisher_slug}-{published}-{slug(title)}".strip("-")
    if len(full) <= MAX_ID_CHARS:
        return full
    cut = full[: MAX_ID_CHARS + 1]
    # Drop the word the limit cut in half, unless that would leave nothing of the title.
    at_word = cut[: cut.rfind("-")] if "-" in cut else ""
    return at_word if len(at_word) > len(publisher_slug) + len(published) + 1 else full[:MAX_ID_CHARS].rstrip("-")


def article_path(folder: Path, article_id: str) -> Path:
    return folder / ARTICLES_FOLDER / f"{article_id}.md"


def render(meta: ArticleMeta, body: str) -> str:
    data = meta.model_dump(exclude_none=True)
    if "url" in data:
        data["url"] = str(data["url"])
    lines = []
    for name in FIELD_ORDER:
        if name in data:
            # yaml.safe_dump quotes only what needs quoting; dates stay bare like the bundled files.
            value = yaml.safe_dump({name: data[name]}, allow_unicode=True, width=10_000, sort_keys=False).strip()
            lines.append(value)
    return "---\n" + "\n".join(lines) + "\n---\n\n" + normalise_text(body).strip() + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write beside and rename: the live-reload watcher never sees half a file (it ignores dot files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
