"""Scored sentences read best first, sorted only as far as anyone reads.

At 3,000 articles a question's words are in tens of thousands of sentences, and fusion, the
answer check and the quotes read the first few. Sorting them all, and making a Python object for
each, was most of an answer's time. A `BestFirst` holds positions and scores as two arrays and
sorts a head big enough for what was asked (found with np.partition, so every sentence tied with
the head's last is in it, and the head is exactly the start of the full order); reading further
sorts a head twice as big, and past half of them, everything.

The order is by score, best first, ties broken by the lower position: what
`sorted(…, key=lambda item: (-score, position))` gives, so answers do not depend on how far was sorted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt

Positions = npt.NDArray[np.int64]
Scores = npt.NDArray[np.float64]

# The first head sorted: more than the quotes and the answer check ever read for most questions.
FIRST_HEAD = 64
# Items made into Python values at a time when iterating (a reader usually stops early).
_CHUNK = 64


class BestFirst(Sequence[int]):
    """Positions (each once, any order) with their scores, read as a sequence of positions best first.

    Not shared between threads: each answer makes its own (sorting further changes its state)."""

    __slots__ = ("positions", "scores", "_order")

    def __init__(self, positions: Positions, scores: Scores) -> None:
        self.positions = positions  # as given: fusion reads every score at once, in no order
        self.scores = scores
        self._order: Positions = np.zeros(0, dtype=np.int64)  # indexes into the arrays, best first, for a head

    @classmethod
    def of(cls, order: Sequence[int], score_of: Sequence[float] | npt.ArrayLike) -> BestFirst:
        """From positions already best first and their scores."""
        return cls(np.asarray(order, dtype=np.int64), np.asarray(score_of, dtype=np.float64))

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return self.head_positions(index).tolist()
        return int(self.positions[self._index(index)])

    def __iter__(self) -> Iterator[int]:
        for start in range(0, len(self), _CHUNK):
            yield from self.head_positions(slice(start, start + _CHUNK)).tolist()

    def score_at(self, rank: int) -> float:
        """The score of the item at this rank (0: the best)."""
        return float(self.scores[self._index(rank)])

    def head_positions(self, ranks: slice) -> Positions:
        return self.positions[self._indexes(ranks)]

    def head_scores(self, ranks: slice) -> Scores:
        return self.scores[self._indexes(ranks)]

    def _index(self, rank: int) -> int:
        if rank < 0:
            rank += len(self)
        if not 0 <= rank < len(self):
            raise IndexError(rank)
        self._sort(rank + 1)
        return int(self._order[rank])

    def _indexes(self, ranks: slice) -> Positions:
        start, stop, step = ranks.indices(len(self))
        if step != 1 or start < 0:
            self._sort(len(self))
        else:
            self._sort(stop)
        return self._order[ranks]

    def _sort(self, count: int) -> None:
        """Make sure at least the first `count` items are in order."""
        if count <= len(self._order):
            return
        total = len(self.positions)
        wanted = min(total, max(count, 2 * len(self._order), FIRST_HEAD))
        negated = -self.scores
        if wanted >= total // 2:
            candidates = np.arange(total)
        else:
            # Every item scoring at least the wanted-th best: the head of the full order, ties included.
            threshold = np.partition(negated, wanted - 1)[wanted - 1]
            candidates = np.flatnonzero(negated <= threshold)
        self._order = candidates[np.lexsort((self.positions[candidates], negated[candidates]))]
