"""Unit vectors held as 8-bit integers, a scale each: the meaning ranker's matrix in a quarter
of the memory float32 takes (onnxruntime's packed copy for the product is as large again).

At 3,000 articles the matrix holds 148,000 sentences and pairs × 384 numbers: 227 MB of float32,
read whole for every question (the answer's largest cost, bound by memory bandwidth) and held
twice while a reload builds the next knowledge base beside the current one. Every number of a unit
vector is within [-1, 1], so each row is stored as the nearest integers to it over its own largest
magnitude × 127, and that scale beside it: each number within half a step (a 254th of the row's
largest magnitude), a cosine within COSINE_TOLERANCE of float32's. The float32 vectors stay in the
disk cache (bot.ranking.embedding_cache); only the matrix held in memory is compact.

Held column by column (dimensions × texts) because that is the shape the product's kernel reads
(bot.ranking.int8_product): no turned copy is made for it. Each code is stored unsigned, as its
value + 128 (the product is told that offset): onnxruntime's kernel for signed codes on CPUs with
AVX2 but no VNNI (AMD EPYC and older Intel) adds pairs of products in 16 bits, which overflow and
put cosines 0.01-0.04 off float32's; its kernel for unsigned codes widens first and stays within
the tolerance on every CPU (measured on such a machine: 0.037 signed, 0.0027 unsigned, at
148,000 rows).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.ranking.minilm import Vectors

# How far a cosine with these vectors may be from float32's, for the product (which also rounds
# the question to 8 bits) and for one row. Measured over the 148,052 rows at 3,000 articles, 20
# questions: at most 0.0021-0.0031. The bound a row's rounding allows is far wider (half a step in
# every number at once, about 0.02) and never reached.
COSINE_TOLERANCE = 0.005
_LEVELS = 127  # int8's largest magnitude, kept symmetric so that zero is exact
CODE_OFFSET = 128  # a code's value is its stored byte - 128: the rounded numbers are -127..127
_TINY = np.float32(1e-30)  # divides an all-zero row without overflowing float32
_ROWS_PER_STEP = 1024  # rows rounded at a time: 1.5 MB of float32 temporaries
_ROWS_PER_TURN = 4096  # rows turned into columns at a time
_ROWS_PER_RUN = 8  # consecutive rows on average, at least, to be copied a run at a time


@dataclass(frozen=True, eq=False)
class Int8Vectors:
    codes: npt.NDArray[np.uint8]  # (dimensions, texts): column t is text t's vector over its scale, + CODE_OFFSET
    scales: npt.NDArray[np.float32]  # (texts,)

    @classmethod
    def rounded(cls, vectors: Vectors) -> Int8Vectors:
        """The vectors (texts × dimensions, float32) in 8 bits, a scale per row."""
        filling = Int8Rows(*vectors.shape)
        filling[np.arange(len(vectors))] = vectors
        return filling.held()

    @classmethod
    def empty(cls, dimensions: int) -> Int8Vectors:
        """No texts: what `taken` puts after the rows it takes."""
        return cls._frozen(np.zeros((dimensions, 0), dtype=np.uint8), np.zeros(0, dtype=np.float32))

    @classmethod
    def _frozen(cls, codes: npt.NDArray[np.uint8], scales: npt.NDArray[np.float32]) -> Int8Vectors:
        for array in (codes, scales):
            array.setflags(write=False)  # shared by answering threads and by the next build
        return cls(codes, scales)

    def __len__(self) -> int:
        return int(self.scales.shape[0])

    @property
    def dimensions(self) -> int:
        return int(self.codes.shape[0])

    def taken(self, rows: npt.NDArray[np.int64]) -> Int8Vectors:
        """These texts' vectors, in this order."""
        return self.taken_then(rows, Int8Vectors.empty(self.dimensions))

    def taken_then(self, rows: npt.NDArray[np.int64], after: Int8Vectors) -> Int8Vectors:
        """These texts' vectors, in this order, then after's: one new matrix, written once.

        A reload keeps the last matrix's rows but the changed articles' (bot.ranking.sentence_rows),
        long runs of consecutive rows: those are copied a run at a time. A gather of every column
        (codes[:, rows]) and then a concatenation took 0.41 s at 148,000 rows with 30 dropped, the
        runs 0.02 s. Rows in no such runs (a run each, on average, of fewer than _ROWS_PER_RUN) are
        gathered as before: a slice's copy per row would cost more than the gather."""
        count = len(rows)
        codes = np.empty((self.dimensions, count + len(after)), dtype=np.uint8)
        run_starts = np.flatnonzero(np.diff(rows) != 1) + 1  # where rows stop being consecutive
        if count and len(run_starts) + 1 <= count / _ROWS_PER_RUN:
            for start, end in zip(np.concatenate(([0], run_starts)), np.concatenate((run_starts, [count])), strict=True):
                first = int(rows[start])
                codes[:, start:end] = self.codes[:, first : first + (end - start)]
        elif count:
            codes[:, :count] = self.codes[:, rows]
        codes[:, count:] = after.codes
        return self._frozen(codes, np.concatenate((self.scales[rows], after.scales)))

    def vector(self, row: int) -> Vectors:
        """One text's vector, back in float32 (within half a step of what was rounded)."""
        return ((self.codes[:, row].astype(np.float32) - CODE_OFFSET) * self.scales[row]).astype(np.float32)


class Int8Rows:
    """An Int8Vectors filled a block of rows at a time, in any order, as the embedding cache reads
    them (bot.ranking.embedding_cache.EmbeddingCache.fill): a folder's float32 vectors are never
    all in memory at once (at 3,000 articles they were 227 MB beside the 57 MB of their rounding,
    a start's peak). Filled by rows (a row's numbers side by side: a scattered write of a column
    each took 1.25 s at that size, of a row 0.05 s), turned once at the end."""

    def __init__(self, count: int, dimensions: int) -> None:
        self._codes = np.full((count, dimensions), CODE_OFFSET, dtype=np.uint8)
        self._scales = np.zeros(count, dtype=np.float32)

    def __setitem__(self, rows: npt.NDArray[np.int64], vectors: Vectors) -> None:
        """Round these float32 vectors (one per row, in order) into these rows."""
        for start in range(0, len(rows), _ROWS_PER_STEP):  # temporaries of a block of rows, not of all
            block, at = vectors[start : start + _ROWS_PER_STEP], rows[start : start + _ROWS_PER_STEP]
            largest = np.abs(block).max(axis=1)
            self._scales[at] = largest / _LEVELS
            rounded = np.rint(block * (_LEVELS / np.maximum(largest, _TINY))[:, None])  # an all-zero row stays zero
            self._codes[at] = rounded + CODE_OFFSET

    def held(self) -> Int8Vectors:
        """The rows filled, as the product reads them (dimensions × texts)."""
        count, dimensions = self._codes.shape
        codes = np.empty((dimensions, count), dtype=np.uint8)
        for start in range(0, count, _ROWS_PER_TURN):  # a block at a time stays in the cache: 4 times faster than whole
            codes[:, start : start + _ROWS_PER_TURN] = self._codes[start : start + _ROWS_PER_TURN].T
        return Int8Vectors._frozen(codes, self._scales)
