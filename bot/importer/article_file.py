"""Writes a knowledge article file: YAML front matter, then the body, as the bundled articles are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import yaml

from bot.knowledge.articles import ARTICLES_FOLDER
from bot.knowledge.frontmatter import normalise_text
from bot.knowledge.models import ArticleMeta
from bot.ranking.cache_folder import write_atomically

MAX_ID_CHARS = 64
# Front matter fields in the order the bundled articles use.
FIELD_ORDER = ("id", "title", "publisher", "published", "author", "url", "kind", "standfirst", "source_file")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.replace("'", "")).strip("-")


# English words that lean on the word after them (articles, determiners, prepositions,
# conjunctions, auxiliaries): a title cut after one reads as cut mid-phrase ("…-north-korea-at-the").
# Closed classes of English, not this story's words; slug() has already dropped apostrophes.
_LEANING_WORDS = frozenset(
    """a an the this that these those my your his her its our their some any no every each
    of at in on to for from by with into onto upon about over under after before between through
    during without within against among toward towards across behind beyond near than as via per
    and or nor but so yet if because while when where whether although though unless until since
    is are was were be been being am has have had do does did will would shall should can could
    may might must not isnt arent wasnt werent dont doesnt didnt wont cant hasnt havent hadnt""".split()
)


def make_id(publisher: str, published: str, title: str, number: int = 1) -> str:
    """publisher-date-title, cut at a word boundary to 64 characters (ARTICLE_ID_PATTERN), never
    ending on a word that leans on the one cut off, nor on part of a word. `number` > 1 tells apart
    another article whose title cuts to the same id ("-2" after the words that still fit)."""
    publisher_slug = slug(re.sub(r"\(.*?\)", "", publisher)) or "article"
    head = f"{publisher_slug}-{published}"
    full = f"{head}-{slug(title)}".strip("-")
    suffix = f"-{number}" if number > 1 else ""
    limit = MAX_ID_CHARS - len(suffix)
    if len(full) <= limit:
        return full + suffix
    whole = _whole_words_within(full, limit)
    # The title's whole words that fit, then without the small words left dangling at the end. When
    # every one is small ("Of the"), they stay: a whole small word says more than half of a long one.
    fitted = whole[len(head) + 1 :].split("-") if len(whole) > len(head) else []
    words = list(fitted)
    while words and words[-1] in _LEANING_WORDS:
        words.pop()
    kept = words or fitted
    return (f"{head}-{'-'.join(kept)}" if kept else whole) + suffix


def distinct_id(publisher: str, published: str, title: str, held_by_another: Callable[[str], bool]) -> str:
    """make_id's id, numbered when another article already holds it: a cut title (a first word of
    50 letters leaves room for none of it; two headlines alike in every word that fits) is no
    licence for one article to take another's file."""
    number = 1
    while held_by_another(article_id := make_id(publisher, published, title, number)):
        number += 1
    return article_id


def _whole_words_within(text: str, limit: int) -> str:
    """The longest start of a slug (words joined by "-") of at most `limit` characters that ends
    on a whole word; the first `limit` characters when its first word alone is longer."""
    if len(text) <= limit:
        return text
    boundary = text.rfind("-", 0, limit + 1)  # a "-" just past the limit still ends a word within it
    return text[:boundary].rstrip("-") if boundary > 0 else text[:limit]


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


def write_article(path: Path, text: str) -> None:
    """Write beside and rename, as every file of the bot is (cache_folder.write_atomically): the
    live-reload watcher never sees half a file, and two imports at once never share a temporary file."""
    write_atomically(path, lambda out: out.write(text.encode("utf-8")))
