"""One outlet under several spellings: the publishers bot.yaml's `same_outlets` declares one
outlet ("AP News" and "Associated Press") are given the outlet's first name, so every command that
groups articles by publisher (/compare, /sources, "and Vox?", "what did Vox say about …") sees one
outlet. Done once when the articles are read; a section in brackets is kept ("AP News (Politics)"
-> "Associated Press (Politics)").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.knowledge.models import Article


def with_one_name_per_outlet(
    articles: Sequence[Article], same_outlets: Sequence[Sequence[str]], publisher_of: Callable[[Article], str]
) -> list[Article]:
    """The articles, each publisher that a group names otherwise written as the group's first name
    (`publisher_of`: an article's publisher, sections aside: bot.knowledge.base.publisher_name)."""
    named = {other.casefold(): group[0] for group in same_outlets for other in group[1:]}
    if not named:
        return list(articles)
    renamed = []
    for article in articles:
        publisher = publisher_of(article)
        outlet = named.get(publisher.casefold())
        if outlet is None:
            renamed.append(article)
            continue
        written = article.meta.publisher.replace(publisher, outlet, 1)
        renamed.append(replace(article, meta=article.meta.model_copy(update={"publisher": written})))
    return renamed
