"""Each article's derived data (passages and terms, quotations, the timeline's dated mentions) kept on disk between processes,
so a restart over the same folder reads it back instead of working it out again.

One file per article and kind, named by a digest of everything the data depends on: the
article's text, the other inputs the caller names (the alias table for terms), and the code
that derives it (bot.knowledge.code_digest: the modules the deriving module imports, however
indirectly, their word tables and the stemmer's version). An edit to any of them names another
file, so nothing stale is ever read; old files are only unused. An edit elsewhere (the timeline's
merge, the rankers, the knowledge base's assembly) keeps the files in use: the first start after
it reads every article back instead of working all of them out again. The files hold plain
values (tuples, strings, numbers) in `marshal`'s format: the fastest the standard library reads,
and unlike pickle it runs no code when read. A file that cannot be read or decoded (cut short,
corrupt, from another Python) costs only working the article out again; a cache that cannot be
written costs only the next start's time.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Generic, TypeVar

from bot.knowledge.code_digest import code_version
from bot.ranking.cache_folder import write_atomically

logger = logging.getLogger(__name__)

Value = TypeVar("Value")
FOLDER_NAME = "articles"


class ArticleCache(Generic[Value]):
    """One kind of per-article data on disk. `encode` turns a value into plain values marshal
    can write (tuples, strings, numbers, None); `decode` makes the value again from them.
    `derived_by` names the modules whose code (with what they import) derives the value: the
    module that makes it and any that makes data it reads and is not keyed by (bot.knowledge.code_digest)."""

    def __init__(
        self,
        folder: Path | None,
        kind: str,
        encode: Callable[[Value], object],
        decode: Callable[[object], Value],
        derived_by: tuple[str, ...],
    ) -> None:
        self._folder = folder / FOLDER_NAME / kind if folder is not None else None
        self._kind = kind
        self._derived_by = derived_by
        self._encode = encode
        self._decode = decode
        self._writable = True  # set False at the first failed write: one warning, not one per article

    def get_or_make(self, inputs: tuple[str, ...], make: Callable[[], Value]) -> Value:
        """The value derived from `inputs` (the article's text first), read from disk when a
        build before made it, else made now and written for the next start."""
        if self._folder is None:
            return make()
        path = self._folder / f"{self._file_name(inputs)}.marshal"
        try:
            return self._decode(marshal.loads(path.read_bytes()))
        except FileNotFoundError:
            pass
        except Exception as error:  # noqa: BLE001 -- any unreadable file only costs making the value again
            logger.warning("Article cache file %s could not be read (%s); working the article out again", path.name, type(error).__name__)
        value = make()
        if self._writable:
            self._write(path, value)
        return value

    def _write(self, path: Path, value: Value) -> None:
        encoded = marshal.dumps(self._encode(value))

        def write(out: BinaryIO) -> None:
            out.write(encoded)

        try:
            write_atomically(path, write)
        except OSError as error:
            self._writable = False
            logger.warning("Article cache %s could not be written (%s); the next start works the articles out again", self._folder, error)

    def _file_name(self, inputs: tuple[str, ...]) -> str:
        digest = hashlib.sha256(f"{self._kind}\0{' '.join(code_version(module) for module in self._derived_by)}".encode())
        for value in inputs:
            encoded = value.encode("utf-8", "surrogatepass")
            digest.update(f"\0{len(encoded)}\0".encode())
            digest.update(encoded)
        return digest.hexdigest()
