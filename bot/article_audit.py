"""What `check` (and `import`) finds wrong across the articles that loading lets through: a file
not named after its id. (One story in two files is found by loading itself, which serves one
copy and reports the other: bot.knowledge.same_story.)

The rule, as the README's "Maintaining the knowledge" gives it: an article lives in
`articles/<id>.<suffix>`.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Article, Problem


def folder_problems(knowledge: KnowledgeBase) -> list[Problem]:
    """What `check` reports: the problems loading found, then those across the articles it kept."""
    return [*knowledge.problems, *audit(knowledge.articles.values())]


def audit(articles: Iterable[Article]) -> list[Problem]:
    """Every file named other than its id."""
    return [
        Problem(str(a.path), "id", f"{a.id!r} differs from the file name {a.path.stem!r}: rename the file to {a.id}{a.path.suffix} or set id: {a.path.stem}")
        for a in sorted(articles, key=lambda a: a.id)
        if a.path.stem != a.id
    ]
