"""One article's passages, sentences and index terms: read once per article text, and remembered.

Each sentence's words are read once. A passage's terms are its sentences' terms in order (plus the
alias phrases of the whole passage, which may run across a sentence break), and the article's
vocabulary is its sentences' words: folding and word-splitting never cross white space, so this is
what reading the passage or the whole body again would give, whenever the article's sentences are
cut at white space. An article where they are not is read the long way.

A reload rebuilds every index, but the work for an article that did not change is remembered from
the build before (keyed by its id and text, and valid while the alias table is the same), so a
reload after one edit reads one article, not thousands; a new process reads it back from the
article cache on disk (bot.knowledge.article_cache).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.article_cache import ArticleCache
from bot.knowledge.models import Article, Passage, Span
from bot.knowledge.passages import split_passages
from bot.knowledge.remembered import PerArticleMemory
from bot.search.aliases import AliasTable
from bot.search.normalise import terms, terms_of_words, words


@dataclass(frozen=True)
class ArticleIndexing:
    passages: tuple[Passage, ...]
    passage_terms: tuple[tuple[str, ...], ...]  # each passage's index terms, in order, alias group terms after
    sentence_terms: tuple[tuple[str, ...], ...]  # each sentence's, passage by passage
    # The article's surface words, stop words included, each once and interned: a tuple, not a
    # set, as thousands of articles' words are kept side by side (a set's table costs several
    # times the pointers), and the words are shared by every article that uses them.
    vocabulary: tuple[str, ...]


def index_terms(text: str, aliases: AliasTable) -> list[str]:
    return aliases.expand(terms(text))


def index_article(article: Article, aliases: AliasTable) -> ArticleIndexing:
    passages = tuple(split_passages(article.id, article.body))
    body = article.body
    spans = [span for passage in passages for span in passage.sentences]
    if not _cut_at_white_space(body, [(span.start, span.end) for span in spans]):
        return _index_the_long_way(article, passages, aliases)
    sentence_words = [words(body[span.start : span.end]) for span in spans]
    plain_terms = [terms_of_words(said) for said in sentence_words]
    passage_terms: list[list[str]] = []
    sentence_terms: list[list[str]] = []
    position = 0
    for passage in passages:
        own = plain_terms[position : position + len(passage.sentences)]
        position += len(passage.sentences)
        passage_terms.append(aliases.expand([term for sentence in own for term in sentence]))
        sentence_terms.extend(aliases.expand(sentence) for sentence in own)
    return _indexing(passages, passage_terms, sentence_terms, (word for said in sentence_words for word in said))


def _cut_at_white_space(body: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the sentences hold every non-space character of the body and each two are parted by
    white space (so no word or folded form can run across a cut)."""
    if not spans:
        return not body.strip()
    if body[: spans[0][0]].strip() or body[spans[-1][1] :].strip():
        return False
    return all(
        start > previous_end and not body[previous_end:start].strip()
        for (_, previous_end), (start, _) in zip(spans, spans[1:])
    )


def _index_the_long_way(article: Article, passages: tuple[Passage, ...], aliases: AliasTable) -> ArticleIndexing:
    body = article.body
    passage_terms = [index_terms(body[passage.start : passage.end], aliases) for passage in passages]
    sentence_terms = [index_terms(body[span.start : span.end], aliases) for passage in passages for span in passage.sentences]
    return _indexing(passages, passage_terms, sentence_terms, words(body))


def _indexing(
    passages: tuple[Passage, ...], passage_terms: list[list[str]], sentence_terms: list[list[str]], vocabulary: Iterable[str]
) -> ArticleIndexing:
    return ArticleIndexing(
        passages=passages,
        passage_terms=tuple(tuple(terms) for terms in passage_terms),
        sentence_terms=tuple(tuple(terms) for terms in sentence_terms),
        vocabulary=distinct_interned(vocabulary),
    )


def distinct_interned(words: Iterable[str]) -> tuple[str, ...]:
    """Each word once, interned, in a fixed order (so the cache file of the same text is the same)."""
    return tuple(sorted(map(sys.intern, set(words))))


def encode_indexing(indexing: ArticleIndexing) -> object:
    """Plain values for the article cache (bot.knowledge.article_cache): each term written once,
    and every passage's and sentence's terms as numbers into that list, so reading an article
    back makes a few thousand strings, not a string per word."""
    distinct: dict[str, int] = {}
    numbers = array("I")
    for terms in (*indexing.passage_terms, *indexing.sentence_terms):
        numbers.extend(distinct.setdefault(term, len(distinct)) for term in terms)
    lengths = array("I", [len(terms) for terms in (*indexing.passage_terms, *indexing.sentence_terms)])
    passages = tuple(
        (p.article_id, p.index, p.start, p.end, array("I", [bound for span in p.sentences for bound in (span.start, span.end)]).tobytes(), p.heading)
        for p in indexing.passages
    )
    return (passages, tuple(distinct), numbers.tobytes(), lengths.tobytes(), len(indexing.passage_terms), indexing.vocabulary)


def decode_indexing(data: object) -> ArticleIndexing:
    """An article's indexing from the article cache; terms are interned, so each term is one
    string in memory however many passages and articles hold it."""
    raw_passages, distinct, numbers, lengths, passage_count, vocabulary = data  # type: ignore[misc]
    passages = []
    for article_id, index, start, end, raw_bounds, heading in raw_passages:
        bounds = array("I", raw_bounds)
        passages.append(Passage(article_id, index, start, end, tuple(Span(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)), heading))
    names = tuple(map(sys.intern, distinct))
    every_term = list(map(names.__getitem__, array("I", numbers)))
    term_lists: list[tuple[str, ...]] = []
    position = 0
    for length in array("I", lengths):
        term_lists.append(tuple(every_term[position : position + length]))
        position += length
    return ArticleIndexing(
        passages=tuple(passages),
        passage_terms=tuple(term_lists[:passage_count]),
        sentence_terms=tuple(term_lists[passage_count:]),
        vocabulary=tuple(map(sys.intern, vocabulary)),  # written distinct and sorted
    )


class ArticleIndexer:
    """Each article's indexing: remembered from the last build in this process while its text and
    the alias table are the same, else read from the article cache on disk, else worked out."""

    def __init__(self) -> None:
        self._memory: PerArticleMemory[Article, ArticleIndexing] = PerArticleMemory(key=lambda article: (article.id, article.body))

    def index(self, articles: Sequence[Article], aliases: AliasTable, cache_folder: Path | None = None) -> list[ArticleIndexing]:
        aliases_key = frozenset(aliases.phrases.items())
        on_disk = ArticleCache(cache_folder, "indexing", encode_indexing, decode_indexing, derived_by=(__name__,))
        aliases_text = repr(sorted(aliases.phrases.items()))

        def make(article: Article) -> ArticleIndexing:
            return on_disk.get_or_make((article.id, article.body, aliases_text), lambda: index_article(article, aliases))

        return self._memory.results(articles, make, context=aliases_key)


REMEMBERED = ArticleIndexer()
