"""One article's passages, sentences and index terms: read once per article text, and remembered.

Each sentence's words are read once. A passage's terms are its sentences' terms in order (plus the
alias phrases of the whole passage, which may run across a sentence break), and the article's
vocabulary is its sentences' words: folding and word-splitting never cross white space, so this is
what reading the passage or the whole body again would give, whenever the article's sentences are
cut at white space. An article where they are not is read the long way.

A reload rebuilds every index, but the work for an article that did not change is remembered from
the build before (keyed by its id and text, and valid while the alias table is the same), so a
reload after one edit reads one article, not thousands.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from bot.knowledge.models import Article, Passage
from bot.knowledge.passages import split_passages
from bot.search.aliases import AliasTable
from bot.search.normalise import terms, terms_of_words, words


@dataclass(frozen=True)
class ArticleIndexing:
    passages: tuple[Passage, ...]
    passage_terms: tuple[tuple[str, ...], ...]  # each passage's index terms, in order, alias group terms after
    sentence_terms: tuple[tuple[str, ...], ...]  # each sentence's, passage by passage
    vocabulary: frozenset[str]  # the article's surface words, stop words included


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
    vocabulary = frozenset(word for said in sentence_words for word in said)
    return _indexing(passages, passage_terms, sentence_terms, vocabulary)


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
    return _indexing(passages, passage_terms, sentence_terms, frozenset(words(body)))


def _indexing(
    passages: tuple[Passage, ...], passage_terms: list[list[str]], sentence_terms: list[list[str]], vocabulary: frozenset[str]
) -> ArticleIndexing:
    return ArticleIndexing(
        passages=passages,
        passage_terms=tuple(tuple(terms) for terms in passage_terms),
        sentence_terms=tuple(tuple(terms) for terms in sentence_terms),
        vocabulary=vocabulary,
    )


class RememberedIndexing:
    """Each article's indexing, reused from the last build while its text and the alias table are
    the same. Builds run one at a time per store, but tests and benches build several folders in one
    process, even from several threads: the whole memory is swapped in one assignment, and two
    builds racing only cost each other some reuse, never a wrong answer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._aliases_key: frozenset[tuple[tuple[str, ...], str]] = frozenset()
        self._by_article: dict[tuple[str, str], ArticleIndexing] = {}

    def index(self, articles: Sequence[Article], aliases: AliasTable) -> list[ArticleIndexing]:
        aliases_key = frozenset(aliases.phrases.items())
        with self._lock:
            known = self._by_article if aliases_key == self._aliases_key else {}
        indexed = {(a.id, a.body): known.get((a.id, a.body)) or index_article(a, aliases) for a in articles}
        with self._lock:
            self._aliases_key, self._by_article = aliases_key, indexed
        return [indexed[(a.id, a.body)] for a in articles]


REMEMBERED = RememberedIndexing()
