"""Documents as term ids for the BM25 index, each article's remembered from the last build.

Turning every token into a term id is the one Python step of building a BM25 index (a dictionary
look-up per token: 3.9 million at 3,000 articles, most of a reload's lexical ranker). An article
whose documents are the last build's very objects (bot.knowledge.remembered) keeps its ids, so a
reload looks up only the changed articles' tokens. For that the ids must mean the same term from
build to build: the vocabulary only grows (a term no document holds any more keeps its id and
simply has no postings). Each index gets its own copy of the vocabulary, never changed after.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Ids = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class TokenRun:
    """One owner's documents as ids; the very object again in the next build while they are the
    same objects, so an index can tell the runs it already holds (bot.search.postings)."""

    documents: tuple[Sequence[str], ...]  # held so that their identities are never reused
    tokens: Ids
    lengths: Ids


@dataclass(frozen=True)
class TokenIds:
    tokens: Ids  # every document's terms as ids, the documents one after the other
    lengths: Ids  # each document's number of terms
    vocabulary: dict[str, int]  # term -> id, for every id below len(vocabulary); a copy, never changed
    # The runs the documents came in, in order (none for documents not remembered per owner).
    runs: tuple[TokenRun, ...] = ()


class RememberedTokenIds:
    """Term ids of documents that come in runs (each article's, named by an owner such as its id)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # builds may run in several threads; the vocabulary grows under it
        self._vocabulary: dict[str, int] = {}
        self._runs: dict[Hashable, TokenRun] = {}
        self._last: tuple[list[TokenRun], TokenIds] | None = None

    def of(self, documents: Sequence[Sequence[str]], owners: Sequence[tuple[Hashable, int]]) -> TokenIds:
        """`owners`: each owner and how many of the documents, in order, are its run."""
        with self._lock:
            runs: list[TokenRun] = []
            remembered: dict[Hashable, TokenRun] = {}
            start = 0
            for owner, count in owners:
                run = self._run(tuple(documents[start : start + count]), self._runs.get(owner))
                runs.append(run)
                remembered[owner] = run
                start += count
            self._runs = remembered
            last = self._last
            if last is not None and same_objects(last[0], runs):
                # No article changed: the last ids, the very object, so the index built from them
                # can be shared too (bot.ranking.lexical).
                return last[1]
            vocabulary = dict(self._vocabulary)
            empty = np.zeros(0, dtype=np.int64)
            ids = TokenIds(
                np.concatenate([run.tokens for run in runs]) if runs else empty,
                np.concatenate([run.lengths for run in runs]) if runs else empty,
                vocabulary,
                tuple(runs),
            )
            self._last = (runs, ids)
        return ids

    def _run(self, documents: tuple[Sequence[str], ...], last: TokenRun | None) -> TokenRun:
        if last is not None and same_objects(last.documents, documents):
            return last
        return TokenRun(documents, *as_ids(documents, self._vocabulary))


def as_ids(documents: Sequence[Sequence[str]], vocabulary: dict[str, int]) -> tuple[Ids, Ids]:
    """Every token's id (a term new to the vocabulary gets the next one, added there) and each
    document's length. One dictionary look-up a token is the only Python step; a Counter per
    document took 1.5 s per 100,000 passages."""
    tokens = np.fromiter((vocabulary.setdefault(term, len(vocabulary)) for document in documents for term in document), dtype=np.int64)
    lengths = np.fromiter((len(document) for document in documents), dtype=np.int64, count=len(documents))
    return tokens, lengths


def same_objects(first: Sequence[object], second: Sequence[object]) -> bool:
    """Whether two sequences hold the very same objects in the same order: what a build kept from
    the last one is known by identity, which equal but rebuilt objects do not share (also
    bot.ranking.sentence_rows')."""
    return len(first) == len(second) and all(a is b for a, b in zip(first, second, strict=True))
