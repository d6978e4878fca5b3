"""A sequence whose items are taken from an iterator only as far as anyone reads them.

Finding the sentences with the kind of answer a question wants (a number before "troops") means
reading each ranked sentence's text, and at 3,000 articles thousands of them hold the question's
words; the answer reads the first few (its best sentence and up to three quotes). Not shared
between threads: each answer makes its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class ReadAsNeeded(Sequence[T]):
    __slots__ = ("_source", "_read")

    def __init__(self, source: Iterator[T]) -> None:
        self._source: Iterator[T] | None = source  # None once it has run out
        self._read: list[T] = []

    def _read_to(self, count: int | None) -> None:
        """Take items until `count` are read (None: all of them) or the source runs out."""
        while self._source is not None and (count is None or len(self._read) < count):
            item = next(self._source, _END)
            if item is _END:
                self._source = None
            else:
                self._read.append(item)  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        self._read_to(1)
        return bool(self._read)

    def __len__(self) -> int:
        self._read_to(None)
        return len(self._read)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice) or index < 0:
            self._read_to(None)
        else:
            self._read_to(index + 1)
        return self._read[index]

    def __iter__(self) -> Iterator[T]:
        position = 0
        while True:
            self._read_to(position + 1)
            if position >= len(self._read):
                return
            yield self._read[position]
            position += 1


_END = object()
