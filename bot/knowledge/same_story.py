"""One story, one article: when two files hold the same story under different ids, one is served.

Two articles are one story when they have the same text (white space aside) or the same URL;
served both, the bot would quote the same words twice as if two outlets had said them.

Which copy is served is decided by the files alone, so `check`, start-up and every reload agree
whatever order files appeared in: the one in a file named after its id, else the first by id.
The other is left out with a problem naming both files; deleting the served one brings it back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bot.knowledge.models import Article, Problem
from bot.knowledge.remembered import PerArticleMemory

# Each article's keys from the last read, while its url and text are the same: joining the words of
# every body again was most of a reload's reading of 3,000 articles (0.43-0.65 s CPU; 0.02 s remembered).
_KEYS: PerArticleMemory[Article, frozenset[tuple[str, str]]] = PerArticleMemory(key=lambda article: (article.meta.url, article.body))


def story_keys(url: object | None, body: str) -> set[tuple[str, str]]:
    """What makes two articles one story: the same text (white space aside) or the same URL. The
    text is kept as a digest of its words: the keys are remembered for every article between reads,
    and the joined text itself would be a second copy of the whole folder for the process's life."""
    keys = {("text", hashlib.blake2b(" ".join(body.split()).encode("utf-8"), digest_size=20).hexdigest())}
    if url is not None:
        keys.add(("url", canonical_url(str(url))))
    return keys


def canonical_url(url: str) -> str:
    """The URL as a page's address: host case, a trailing slash and the #fragment make no other page."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))


def one_per_story(articles: Iterable[Article]) -> tuple[list[Article], list[Problem]]:
    """The articles to serve, one per story (in the order given), and a problem for each copy left out."""
    articles = list(articles)
    served: dict[tuple[str, str], Article] = {}  # story key -> the article served for it
    left_out: dict[Path, Problem] = {}  # by the copy's file
    ordered = sorted(articles, key=lambda a: (a.path.stem != a.id, a.id))
    for article, keys in zip(ordered, _KEYS.results(ordered, lambda a: frozenset(story_keys(a.meta.url, a.body))), strict=True):
        # The same text before the same url: one line per copy, the same every run.
        held = sorted(key for key in keys if key in served)
        if held:
            kind = held[0][0]
            left_out[article.path] = _copy_problem(article, served[held[0]], kind)
            continue
        served.update((key, article) for key in keys)
    return [a for a in articles if a.path not in left_out], [left_out[a.path] for a in articles if a.path in left_out]


def _copy_problem(copy: Article, kept: Article, kind: str) -> Problem:
    what = "the same text" if kind == "text" else "the same url"
    return Problem(
        str(copy.path),
        "body" if kind == "text" else "url",
        f"{what} as {kept.id!r} ({kept.path}): one story, two ids; this file is not served; remove one of them",
    )
