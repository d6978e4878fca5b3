"""What `check` (and `import`) finds wrong across the articles that loading lets through: a file
not named after its id, and one story in two files (the same text, or the same URL, under
different ids), which the bot would quote twice as if two outlets had said it.

The rule, as the README's "Maintaining the knowledge" gives it: an article lives in
`articles/<id>.<suffix>`, and each story is one article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Article, Problem


def folder_problems(knowledge: KnowledgeBase) -> list[Problem]:
    """What `check` reports: the problems loading found, then those across the articles it kept."""
    return [*knowledge.problems, *audit(knowledge.articles.values())]


def audit(articles: Iterable[Article]) -> list[Problem]:
    """Every file named other than its id, and every story held under more than one id."""
    articles = sorted(articles, key=lambda a: a.id)
    return [*_misnamed(articles), *_same_story_twice(articles)]


def story_keys(url: object | None, body: str) -> set[tuple[str, str]]:
    """What makes two articles one story: the same text (white space aside) or the same URL."""
    keys = {("text", " ".join(body.split()))}
    if url is not None:
        keys.add(("url", canonical_url(str(url))))
    return keys


def canonical_url(url: str) -> str:
    """The URL as a page's address: host case, a trailing slash and the #fragment make no other page."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))


def _misnamed(articles: list[Article]) -> list[Problem]:
    return [
        Problem(str(a.path), "id", f"{a.id!r} differs from the file name {a.path.stem!r}: rename the file to {a.id}{a.path.suffix} or set id: {a.path.stem}")
        for a in articles
        if a.path.stem != a.id
    ]


def _same_story_twice(articles: list[Article]) -> list[Problem]:
    holders: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        for key in story_keys(article.meta.url, article.body):
            holders[key].append(article)
    problems: dict[tuple[str, str], Problem] = {}  # one line per pair: the same text, else the same url
    for (kind, _), same in sorted(holders.items(), key=lambda item: item[0]):
        first = same[0]
        for other in same[1:]:
            what = "the same text" if kind == "text" else "the same url"
            problems.setdefault(
                (first.id, other.id),
                Problem(str(other.path), "body" if kind == "text" else "url", f"{what} as {first.id!r} ({first.path}): one story, two ids; remove one of them"),
            )
    return list(problems.values())
