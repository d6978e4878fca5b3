"""The meaning ranker's vector matrix: which row holds each sentence's text and each adjacent pair's.

One row per distinct text: a sentence repeated across articles (a stock phrase, a wire story run
twice) is held and multiplied once. Vectors come from the disk cache (bot.ranking.embedding_cache),
which knows texts by a digest of each, and are held in 8 bits (bot.ranking.int8_vectors).

A reload after one article changed used to hash every text of every article again (230,000
sentences and pairs at 3,000 articles) to find their vectors in the cache. Now an article that is
the last build's very object, with the same sentences, keeps the rows it had in the last build's
matrix: only the changed articles' texts are looked up, and the matrix is the last one's rows
still in use followed by theirs (the last one itself, shared, when nothing changed, as in a
restart in the same process). A changed article's text that another article also holds may get a
second row with the same vector until the next start; every sentence's vector is the same either
way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from bot.knowledge.models import Article, Passage
from bot.knowledge.remembered import LastBuild
from bot.ranking.embedding_cache import EmbeddingCache
from bot.ranking.int8_vectors import Int8Rows, Int8Vectors
from bot.ranking.minilm import Vectors
from bot.search.token_ids import same_objects

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase

Rows = npt.NDArray[np.int64]
Encode = Callable[[list[str]], Vectors]


@dataclass(frozen=True)
class SentenceRows:
    vectors: Int8Vectors  # one row per distinct text, read-only
    rows: Rows  # each sentence's row
    pair_rows: Rows  # the row of each sentence read with the next one of its paragraph; -1 for a paragraph's last


@dataclass(frozen=True)
class _ArticleRows:
    """An article's rows in one build's matrix: its sentences' in order, then its pairs'."""

    article: Article
    passages: tuple[Passage, ...]  # held so that their identities are never reused
    has_pair: npt.NDArray[np.bool_]  # per sentence: whether the next sentence is in its paragraph
    rows: Rows


@dataclass(frozen=True)
class _Build:
    model_digest: str
    vectors: Int8Vectors
    articles: dict[str, _ArticleRows]


# Builds of several folders may run in one process, even from several threads (LastBuild).
_LAST: LastBuild[_Build] = LastBuild()


def sentence_rows(knowledge: KnowledgeBase, cache_folder: Path, model_digest: str, encode: Encode, dimensions: int) -> SentenceRows:
    last = _LAST.last()
    if last is not None and last.model_digest != model_digest:
        last = None
    passages = knowledge.passages
    # Each article's passages are one run of KnowledgeBase.passages, and their sentences one run
    # of KnowledgeBase.sentences, in the same order (walked by passage: there are half as many).
    sentence_starts = np.concatenate(([0], np.cumsum(np.fromiter((len(p.sentences) for p in passages), dtype=np.int64, count=len(passages)))))
    runs: list[tuple[Article, int, int]] = []  # article, its first passage, one past its last
    start = 0
    for position in range(1, len(passages) + 1):
        if position == len(passages) or passages[position].article_id != passages[start].article_id:
            runs.append((knowledge.articles[passages[start].article_id], start, position))
            start = position

    kept: list[_ArticleRows] = []  # the last build's, in last build's rows
    fresh_texts: dict[str, int] = {}
    fresh: list[_ArticleRows] = []  # rows in the order of fresh_texts
    order: list[tuple[bool, int]] = []  # per run: (kept?, its position in kept or fresh)
    for article, first, end in runs:
        own = passages[first:end]
        known = last.articles.get(article.id) if last is not None else None
        # The same article object with the same passage objects has the same sentences.
        if known is not None and known.article is article and same_objects(known.passages, own):
            order.append((True, len(kept)))
            kept.append(known)
            continue
        texts, has_pair = _texts_of(knowledge, article, int(sentence_starts[first]), int(sentence_starts[end]))
        rows = np.fromiter((fresh_texts.setdefault(text, len(fresh_texts)) for text in texts), dtype=np.int64, count=len(texts))
        order.append((False, len(fresh)))
        fresh.append(_ArticleRows(article, own, has_pair, rows))

    # The last matrix's rows still used, ascending.
    still_used = np.zeros(len(last.vectors) if last is not None else 0, dtype=bool)
    for known in kept:
        still_used[known.rows] = True
    used = np.flatnonzero(still_used)
    filling = Int8Rows(len(fresh_texts), dimensions)  # rounded as read: never all of a folder's float32 at once
    if fresh_texts:
        EmbeddingCache(cache_folder, model_digest).fill(list(fresh_texts), encode, dimensions, filling)
    new_vectors = filling.held()
    if last is not None and not len(new_vectors) and len(used) == len(last.vectors):
        vectors = last.vectors  # nothing changed: the same matrix, shared with the last knowledge base
    elif last is not None and len(used):
        vectors = last.vectors.taken_then(used, new_vectors)
    else:
        vectors = new_vectors

    articles: dict[str, _ArticleRows] = {}
    for is_kept, at in order:
        made = kept[at] if is_kept else fresh[at]
        # Kept rows are renumbered as the rows of the last matrix still used; fresh ones follow them.
        rows = np.searchsorted(used, made.rows) if is_kept else made.rows + len(used)
        articles[made.article.id] = _ArticleRows(made.article, made.passages, made.has_pair, rows)
    _LAST.keep(_Build(model_digest, vectors, articles))
    return _flattened([articles[article.id] for article, _, _ in runs], vectors)


def _texts_of(knowledge: KnowledgeBase, article: Article, start: int, end: int) -> tuple[list[str], npt.NDArray[np.bool_]]:
    """An article's sentence texts in order, then the text of each sentence with the next one of
    its paragraph (as the article writes them), and which sentences have such a pair."""
    sentences, body = knowledge.sentences, article.body
    texts = [body[sentences[p].span.start : sentences[p].span.end] for p in range(start, end)]
    has_pair = np.array([p + 1 < end and sentences[p + 1].passage == sentences[p].passage for p in range(start, end)], dtype=bool)
    texts += [body[sentences[p].span.start : sentences[p + 1].span.end] for p in range(start, end) if has_pair[p - start]]
    return texts, has_pair


def _flattened(in_order: list[_ArticleRows], vectors: Int8Vectors) -> SentenceRows:
    """Every sentence's row and pair row, the articles' one after the other."""
    if not in_order:
        empty = np.zeros(0, dtype=np.int64)
        return SentenceRows(vectors, empty, empty)
    counts = [len(a.has_pair) for a in in_order]
    rows = np.concatenate([a.rows[:n] for a, n in zip(in_order, counts, strict=True)])
    has_pair = np.concatenate([a.has_pair for a in in_order])
    pair_rows = np.full(len(rows), -1, dtype=np.int64)
    pair_rows[has_pair] = np.concatenate([a.rows[n:] for a, n in zip(in_order, counts, strict=True)])
    for array in (rows, pair_rows):
        array.setflags(write=False)
    return SentenceRows(vectors, rows, pair_rows)
