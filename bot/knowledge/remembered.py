"""Work done for each article, remembered from the build before while its inputs are the same.

A reload rebuilds the whole knowledge base, but the work for an article that did not change
(its passages and terms, its quotations) is taken from the last build, so a reload after one
edit reads one article, not thousands; the unchanged results are the very same objects, so the
old and the new knowledge base share them in memory while both are alive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class PerArticleMemory(Generic[Item, Result]):
    """Each item's result from the last build, reused while its key and the shared context (say
    the alias table, which every article's terms depend on) are the same. Builds run one at a time
    per store, but tests and benches build several folders in one process, even from several
    threads (answers run in worker threads): the whole memory is swapped in one assignment under
    a lock, and two builds racing only cost each other some reuse, never a wrong result."""

    def __init__(self, key: Callable[[Item], Hashable]) -> None:
        self._key = key
        self._lock = threading.Lock()
        self._context: Hashable = None
        self._known: dict[Hashable, Result] = {}

    def results(self, items: Sequence[Item], make: Callable[[Item], Result], context: Hashable = None) -> list[Result]:
        """Each item's result, in order: remembered when its key was seen in the last build under
        the same context, else made now."""
        with self._lock:
            known = self._known if context == self._context else {}
        made: dict[Hashable, Result] = {}
        # Each key hashed once: a key holding an article's sentence spans hashes each span, and a
        # tuple does not keep its hash (five look-ups a key were a tenth of a reload's timeline).
        keys = [_Hashed(self._key(item)) for item in items]
        for item, key in zip(items, keys, strict=True):
            if key not in made:
                found = known.get(key, _MISSING)
                made[key] = make(item) if found is _MISSING else found
        with self._lock:
            self._context, self._known = context, made
        return [made[key] for key in keys]


class LastBuild(Generic[Result]):
    """The last build's record of one kind (a merge's decisions, the meaning ranker's matrix),
    which the next build reuses what it can of. Builds of several folders may run in one process,
    even from several threads: the record is swapped whole under a lock, and two builds racing only
    cost each other some reuse, never a wrong result."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: Result | None = None

    def last(self) -> Result | None:
        with self._lock:
            return self._last

    def keep(self, record: Result) -> None:
        with self._lock:
            self._last = record


_MISSING: Any = object()


class _Hashed:
    """A key with its hash worked out once."""

    __slots__ = ("key", "_hash")

    def __init__(self, key: Hashable) -> None:
        self.key = key
        self._hash = hash(key)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Hashed) and self._hash == other._hash and self.key == other.key
