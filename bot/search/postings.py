"""A BM25 index's postings: for each term the documents holding it (ascending) and how often.

Built afresh by sorting one (term, document) key per token: 1.9 million tokens per level at 3,000
articles, most of an index's build. A reload after one article changes has the last build's
postings: an unchanged article's documents are the last build's very run of term ids
(bot.search.token_ids), so its postings are the last ones with its documents renumbered, and
only the changed articles' tokens are sorted, then slotted in among them. Renumbering keeps
each term's documents ascending as long as the unchanged runs keep their order; when they do
not, when more than a quarter of the tokens changed, or when the last index knew terms these ids
do not (a later build's), the postings are built afresh. Either way they are the same arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.search.token_ids import TokenIds, TokenRun

# Slotting in costs a pass over every kept posting; past this share of changed tokens, one sort
# of everything is as quick.
_MOST_CHANGED = 0.25


@dataclass(frozen=True, eq=False)
class Postings:
    """Each term's postings one after the other in term id order, each term's documents ascending."""

    documents: npt.NDArray[np.int32]
    frequencies: npt.NDArray[np.unsignedinteger]  # the term's count in the document
    document_frequency: npt.NDArray[np.int64]  # per term id: how many documents hold it
    size: int  # documents
    runs: tuple[TokenRun, ...]  # what the documents came from, for the next build's update

    @property
    def terms(self) -> npt.NDArray[np.int64]:
        """Each posting's term id."""
        return np.repeat(np.arange(len(self.document_frequency), dtype=np.int64), self.document_frequency)


def postings_of(ids: TokenIds) -> Postings:
    """The postings of every document, by one sort of every token."""
    size = len(ids.lengths)
    documents = np.repeat(np.arange(size, dtype=np.int64), ids.lengths)
    return _of_keys(ids, *_counted(ids.tokens, documents, size), size)


def postings_updated(last: Postings, ids: TokenIds) -> Postings:
    """The postings of `ids`, reusing `last`'s for every run of term ids both hold."""
    at_last = {id(run): position for position, run in enumerate(last.runs)}
    kept = [(position, at_last[id(run)]) for position, run in enumerate(ids.runs) if id(run) in at_last]
    fresh = [position for position, run in enumerate(ids.runs) if id(run) not in at_last]
    fresh_tokens = sum(len(ids.runs[position].tokens) for position in fresh)
    in_order = all(earlier[1] < later[1] for earlier, later in zip(kept, kept[1:]))
    # `last` must come from a vocabulary no larger than this one (Bm25Index.of_ids): two builds in
    # one process may finish out of order, the later-made ids indexed first.
    older_vocabulary = len(last.document_frequency) <= len(ids.vocabulary)
    if not ids.runs or not kept or not in_order or not older_vocabulary or fresh_tokens > _MOST_CHANGED * len(ids.tokens):
        return postings_of(ids)
    size = len(ids.lengths)
    starts, last_starts = _starts(ids.runs), _starts(last.runs)
    now, then = [position for position, _ in kept], [at for _, at in kept]
    # Each of the last build's documents' number now, -1 for a document of a run not kept.
    run_kept = np.zeros(len(last.runs), dtype=bool)
    run_kept[then] = True
    shift = np.zeros(len(last.runs), dtype=np.int64)
    shift[then] = starts[now] - last_starts[then]
    run_sizes = np.diff(last_starts)
    renumbered = np.where(np.repeat(run_kept, run_sizes), np.arange(last.size, dtype=np.int64) + np.repeat(shift, run_sizes), -1).astype(np.int32)
    documents, terms, frequencies = renumbered[last.documents], last.terms, last.frequencies
    document_frequency = np.zeros(len(ids.vocabulary), dtype=np.int64)  # the vocabulary only grows
    document_frequency[: len(last.document_frequency)] = last.document_frequency
    if len(kept) < len(last.runs):
        still = documents >= 0
        document_frequency -= np.bincount(terms[~still], minlength=len(ids.vocabulary))
        documents, terms, frequencies = documents[still], terms[still], frequencies[still]
    # The changed runs' postings, sorted by the same keys, then slotted in where they sort.
    empty = np.zeros(0, dtype=np.int64)
    fresh_documents = np.concatenate([np.repeat(np.arange(starts[p], starts[p + 1], dtype=np.int64), ids.runs[p].lengths) for p in fresh] or [empty])
    fresh_keys, fresh_frequencies = _counted(np.concatenate([ids.runs[p].tokens for p in fresh] or [empty]), fresh_documents, size)
    stride = max(size, 1)
    at = np.searchsorted(terms * stride + documents, fresh_keys)
    document_frequency += np.bincount(fresh_keys // stride, minlength=len(ids.vocabulary))
    most = max(int(fresh_frequencies.max(initial=0)), int(frequencies.max(initial=0)))
    return Postings(
        np.insert(documents, at, (fresh_keys % stride).astype(np.int32)),
        np.insert(frequencies.astype(np.min_scalar_type(most)), at, fresh_frequencies),
        document_frequency,
        size,
        ids.runs,
    )


def _starts(runs: tuple[TokenRun, ...]) -> npt.NDArray[np.int64]:
    """Where each run's documents start, and one past the last."""
    return np.concatenate(([0], np.cumsum([len(run.lengths) for run in runs], dtype=np.int64))).astype(np.int64)


def _counted(tokens: npt.NDArray[np.int64], documents: npt.NDArray[np.int64], size: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """One (term, document) key per distinct pair, sorted, and how many tokens each has."""
    keys, counts = np.unique(tokens * max(size, 1) + documents, return_counts=True)
    return keys, counts


def _of_keys(ids: TokenIds, keys: npt.NDArray[np.int64], counts: npt.NDArray[np.int64], size: int) -> Postings:
    stride = max(size, 1)
    return Postings(
        (keys % stride).astype(np.int32),
        counts.astype(np.min_scalar_type(int(counts.max(initial=0)))),
        np.bincount(keys // stride, minlength=len(ids.vocabulary)),
        size,
        ids.runs,
    )
