"""Each article's dated mentions, and the concepts of their words, reused from the last timeline
build while the article (and for concepts the alias table) is the same; an article's mentions
not in memory are read from the article cache on disk when an earlier process found them.

Finding dates, reading their grammar and making titles is most of a timeline build and depends on
one article alone: its id, text, publication date and sentences. A reload after adding a few
articles reads only those. The memory is bot.knowledge.remembered's, as for the articles' terms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.knowledge.article_cache import ArticleCache
from bot.knowledge.models import Article, Span
from bot.knowledge.numbering import sentences_by_article
from bot.knowledge.remembered import PerArticleMemory
from bot.search.aliases import AliasTable
from bot.timeline.found import TRIGGER_TERMS, Mention, find_mentions
from bot.timeline.plain import mentions_from_plain, plain_mentions
from bot.timeline.sentence_memo import SentenceMemo

if TYPE_CHECKING:  # base.py builds the timeline at the end of its build, so only the type is needed here
    from bot.knowledge.base import KnowledgeBase

# An article and its sentences: what its mentions depend on.
ArticleSentences = tuple[Article, tuple[Span, ...]]
Concepts = Callable[[Sequence[str]], frozenset[str]]


def _key(item: ArticleSentences) -> tuple[str, str, dt.date, tuple[Span, ...]]:
    article, sentences = item
    return article.id, article.body, article.meta.published, sentences


def _same(terms: tuple[str, ...]) -> tuple[str, ...]:
    return terms


MENTIONS: PerArticleMemory[ArticleSentences, tuple[Mention, ...]] = PerArticleMemory(_key)
# The concepts (alias groups applied) of a mention's sentence terms, while the alias table is the same.
CONCEPTS: PerArticleMemory[tuple[str, ...], frozenset[str]] = PerArticleMemory(_same)


def find_all_mentions(knowledge: KnowledgeBase, cache_folder: Path | None = None) -> list[Mention]:
    """Every dated mention of every article, events, plans and states alike; an article unchanged
    since the last build (or found by an earlier process, in the article cache) gives the mentions found then."""
    sentences, sentence_terms = knowledge.sentences, knowledge.sentence_terms
    # Grouped here rather than read from the knowledge base's kept grouping: code that decides what
    # is read must be in the mentions' digest (bot.knowledge.code_digest), and base.py is not.
    positions = sentences_by_article([p.article_id for p in knowledge.passages], (s.passage for s in sentences))
    memo = SentenceMemo()  # what reading a sentence gave, for every article read now

    def find(article: Article, spans: tuple[Span, ...]) -> list[Mention]:
        # The sentences' index terms, already made, say cheaply whether each can hold a date at all.
        may_hold_dates = [not TRIGGER_TERMS.isdisjoint(sentence_terms[p]) for p in positions.get(article.id, ())]
        return find_mentions(article.id, article.body, article.meta.published, spans, may_hold_dates, memo)

    return mentions([(a, tuple(sentences[p].span for p in positions.get(a.id, ()))) for a in knowledge.articles.values()], find, cache_folder)


# Which sentences are read is decided by their index terms (may_hold_dates in find_all_mentions),
# which bot.knowledge.indexing makes and the cache key does not hold: its code keys the mentions
# too (review: an edit there served mentions found under the old terms).
MENTIONS_DERIVED_BY = (__name__, "bot.knowledge.indexing")


def mentions(
    articles: Sequence[ArticleSentences], find: Callable[[Article, tuple[Span, ...]], list[Mention]], cache_folder: Path | None = None
) -> list[Mention]:
    """Every mention of the articles, in their order, found anew only for articles neither seen in
    the last build nor in the article cache in `cache_folder`."""
    on_disk = ArticleCache(cache_folder, "mentions", plain_mentions, mentions_from_plain, derived_by=MENTIONS_DERIVED_BY)

    def make(item: ArticleSentences) -> tuple[Mention, ...]:
        if cache_folder is None:  # no disk cache: its key (every sentence's bounds as text) would go unused
            return tuple(find(*item))
        article, sentences = item
        inputs = (article.id, article.body, article.meta.published.isoformat(), " ".join(f"{s.start}:{s.end}" for s in sentences))
        return on_disk.get_or_make(inputs, lambda: tuple(find(*item)))

    found = MENTIONS.results(articles, make)
    return [mention for article_mentions in found for mention in article_mentions]


def concepts_of(mentioned: Sequence[Mention], aliases: AliasTable) -> Concepts:
    """`aliases.concepts` as a set, worked out once for the mentions' terms (remembered from the last
    build while the alias table is the same); other terms (curated text) are worked out when asked."""
    plain = list(dict.fromkeys(m.context_terms for m in mentioned))
    known = dict(zip(plain, CONCEPTS.results(plain, lambda terms: frozenset(aliases.concepts(terms)), context=frozenset(aliases.phrases.items()))))

    def concepts(terms: Sequence[str]) -> frozenset[str]:
        found = known.get(tuple(terms))
        return found if found is not None else frozenset(aliases.concepts(terms))

    return concepts


def forget() -> None:
    """Nothing remembered: the next build finds every mention anew (benches time a first start with it)."""
    global MENTIONS, CONCEPTS
    MENTIONS, CONCEPTS = PerArticleMemory(_key), PerArticleMemory(_same)
