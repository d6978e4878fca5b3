"""Sentence vectors kept on disk, keyed by the sentence's text and the model's digest.

Start-up and reloads encode only sentences the cache has not seen: encoding is the slow part
(about 500 sentences a second here), reading a cached vector is not. One main file per model
digest, `minilm-<digest>.npz`, holding text keys and vectors, and beside it the vectors added
since, in `minilm-<digest>.added-<unique>.npz` files.

Memory and reloads are why it is not one file rewritten on every addition: at 3,000 articles the
main file holds 148,000 vectors (220 MB). Reading it whole and then picking the wanted rows held
both copies at once (the largest part of a start's peak memory), and adding the few vectors of one
changed article rewrote all of it. Now only the keys are read whole; the vectors are read a block
of rows at a time straight into the rows wanted (only the blocks holding a wanted row: a reload
wants a few), found by sorting the keys in numpy rather than a dictionary of every key; an addition
writes a small file (the additions so far, merged), and the additions are folded into the main file
only once they reach a quarter of it.

Two processes may share the folder (a running bot and `python -m bot check`, two copies of the
bot), so:
- every write replaces or creates a file in one rename (cache_folder.write_atomically), and a
  writer deletes only the addition files it merged, after the merged file is in place;
- writers take turns (a lock file beside the cache, `filelock`) and list the files again once
  they hold it: two writers folding at once each rewrote the main file from what it held before,
  and the second rename dropped the first's vectors;
- a reader opens the files it uses once and reads rows from that open file: a file replaced by
  another process meanwhile is read as it was (its rows' places move in the new one), and an
  addition deleted between the listing and the opening was merged elsewhere, so the listing is
  read again (the merged file is written before the addition is deleted): no warning, no
  encoding again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import struct
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import numpy as np
import numpy.typing as npt
from filelock import FileLock, Timeout

from bot.ranking.cache_folder import CACHE_ENV, default_cache_folder, write_atomically  # noqa: F401 (callers import the first two from here)
from bot.ranking.minilm import Vectors

logger = logging.getLogger(__name__)

_KEY_BYTES = 16
# Additions are folded into the main file once they hold this share of its vectors: rewriting the
# main file costs reading and writing all of it, keeping many additions costs a file per start.
_FOLD_SHARE = 0.25
_ROWS_PER_READ = 4096  # 6 MB of 384-dimensional vectors: memory held while reading a file
_LOCAL_HEADER_BYTES = 30  # a zip member's local header before its name and extra field
# How long a writer waits for another's turn (folding 150,000 vectors takes seconds) before
# leaving its vectors unwritten (a later start encodes them again).
_WRITE_WAIT_SECONDS = 120.0
# How often the additions are listed again when one vanished while being opened (merged by
# another process meanwhile); each retry lists the files the merge left.
_LISTING_ATTEMPTS = 5


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:_KEY_BYTES]


Keys = npt.NDArray[np.bytes_]  # one 16-byte key a row ("S16": numpy compares all 16 bytes)


class VectorRows(Protocol):
    """Where vectors go as they are read or encoded, a block of rows at a time: a float32 array, or
    a store that holds them in less memory (bot.ranking.int8_vectors.Int8Rows), so that all of a
    folder's float32 vectors are never in memory at once."""

    def __setitem__(self, rows: npt.NDArray[np.int64], vectors: Vectors, /) -> None: ...


@dataclass(frozen=True)
class _CacheFile:
    path: Path
    keys: Keys
    start: int  # where the vectors' rows start in the file (np.savez stores members uncompressed)
    stream: BinaryIO  # the file as opened: rows are read from it, whatever replaces the path meanwhile


class _Vanished(Exception):
    """A listed cache file was gone when opened: another process merged it since the listing."""


class EmbeddingCache:
    """Vectors for texts, from the cache files where they have them, from `encode` where they have not."""

    def __init__(self, folder: Path, model_digest: str) -> None:
        self.path = folder / f"minilm-{model_digest[:16]}.npz"
        self.lock_path = folder / f"minilm-{model_digest[:16]}.lock"

    def vectors(self, texts: Sequence[str], encode: Callable[[list[str]], Vectors], dimensions: int) -> Vectors:
        out = np.zeros((len(texts), dimensions), dtype=np.float32)
        self.fill(texts, encode, dimensions, out)
        return out

    def fill(self, texts: Sequence[str], encode: Callable[[list[str]], Vectors], dimensions: int, out: VectorRows) -> None:
        """Write each text's vector into its row of `out` (text i into row i), a block at a time."""
        with self._opened(dimensions) as (main, additions):
            self._fill(texts, encode, dimensions, main, additions, out)

    @contextlib.contextmanager
    def _opened(self, dimensions: int) -> Iterator[tuple[_CacheFile | None, list[_CacheFile]]]:
        """The main file and the additions, opened; closed on leaving. The additions are opened
        before the main file: one folded into the main file meanwhile is then in the main file opened."""
        opened: list[_CacheFile] = []
        try:
            for attempt in range(_LISTING_ATTEMPTS):
                try:
                    for path in self._addition_paths():
                        if (found := self._file(path, dimensions, listed=True)) is not None:
                            opened.append(found)
                    break
                except _Vanished:
                    _close(opened)
                    opened = []
                    if attempt == _LISTING_ATTEMPTS - 1:
                        logger.debug("%s: the additions kept changing; reading without them", self.path)
            main = self._file(self.path, dimensions)
            try:
                yield main, opened
            finally:
                _close([main] if main is not None else [])
        finally:
            _close(opened)

    def _fill(
        self, texts: Sequence[str], encode: Callable[[list[str]], Vectors], dimensions: int, main: _CacheFile | None, additions: list[_CacheFile], out: VectorRows
    ) -> None:
        wanted = np.array([text_key(text) for text in texts], dtype=f"S{_KEY_BYTES}")
        missing = np.ones(len(texts), dtype=bool)
        for found in (main, *additions):  # the first file holding a key gives its vector
            if found is None or not missing.any():
                continue
            positions = np.flatnonzero(missing)
            rows = _rows_of(found.keys, wanted[positions])
            held = rows >= 0
            if held.any() and _copy_rows(found, rows[held], positions[held], out, dimensions):
                missing[positions[held]] = False
        if missing.any():
            positions = np.flatnonzero(missing)
            new_texts = list(dict.fromkeys(texts[position] for position in positions))
            fresh = encode(new_texts)
            fresh_row = {text: row for row, text in enumerate(new_texts)}
            out[positions] = fresh[np.fromiter((fresh_row[texts[position]] for position in positions), dtype=np.int64, count=len(positions))]
            self._add(np.array([text_key(text) for text in new_texts], dtype=f"S{_KEY_BYTES}"), fresh, dimensions)

    def _add(self, keys: Keys, fresh: Vectors, dimensions: int) -> None:
        """Write the fresh vectors in this writer's turn, from the files as they are then."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(self.lock_path, timeout=_WRITE_WAIT_SECONDS), self._opened(dimensions) as (main, additions):
                self._add_to(keys, fresh, main, additions)
        except Timeout:
            logger.warning("%s: another process held the embedding cache for %.0f s; a later start encodes these again", self.lock_path, _WRITE_WAIT_SECONDS)
        # A read-only or full disk, or a filesystem without file locks (filelock raises
        # NotImplementedError there), costs the next start some encoding, never an answer.
        except (OSError, NotImplementedError) as error:
            logger.warning("%s: cannot write the embedding cache (%s); answering without it", self.path, error)

    def _add_to(self, keys: Keys, fresh: Vectors, main: _CacheFile | None, additions: list[_CacheFile]) -> None:
        """Write the fresh vectors: into the main file when there is none or the additions have grown
        to a share of it, else into one addition file merged with the additions there were."""
        added = sum(len(found.keys) for found in additions) + len(keys)
        folded = main is None or added > _FOLD_SHARE * len(main.keys)
        kept = [found for found in (main, *additions) if found is not None] if folded else additions
        try:
            vectors = _stacked(kept, fresh)
        except OSError as error:  # a file that cannot be read whole: keep the files as they are
            logger.warning("cannot add to the embedding cache (%s); a later start encodes these again", error)
            return
        target = self.path if folded else self._new_addition_path()
        if not self._write(target, np.concatenate([*(found.keys for found in kept), keys]), vectors):
            return
        for found in additions:  # only those read: another process's newer addition stays
            found.path.unlink(missing_ok=True)

    def _addition_paths(self) -> list[Path]:
        return sorted(self.path.parent.glob(f"{self.path.stem}.added-*.npz"))

    def _new_addition_path(self) -> Path:
        return self.path.parent / f"{self.path.stem}.added-{time.time_ns()}-{os.getpid()}.npz"

    def _file(self, path: Path, dimensions: int, *, listed: bool = False) -> _CacheFile | None:
        """A cache file, open, with its keys and where its vectors are (read later, only the rows
        wanted); None when it is missing or unusable, which costs encoding again, never an answer.
        Raises _Vanished for a `listed` file that is gone: merged by another process since the listing."""
        try:
            stream = path.open("rb")
        except FileNotFoundError:
            if listed:
                raise _Vanished(path) from None
            return None
        except OSError as error:
            logger.warning("%s: unreadable embedding cache, encoding again (%s)", path, error)
            return None
        try:
            with np.load(stream, allow_pickle=False) as saved:
                keys = saved["keys"]
                shape, start = _vectors_place(saved.zip, stream)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            stream.close()
            logger.warning("%s: unreadable embedding cache, encoding again (%s)", path, error)
            return None
        if len(shape) != 2 or shape[1] != dimensions or keys.shape != (shape[0], _KEY_BYTES) or keys.dtype != np.uint8:
            stream.close()
            logger.warning("%s: embedding cache has the wrong shape, encoding again", path)
            return None
        return _CacheFile(path, np.ascontiguousarray(keys).view(f"S{_KEY_BYTES}").ravel(), start, stream)

    def _write(self, path: Path, keys: Keys, vectors: Vectors) -> bool:
        """Whether the file was written."""
        # Keys as raw bytes (uint8 rows): a numpy bytes string would drop trailing zero bytes when read back.
        key_rows = np.ascontiguousarray(keys).view(np.uint8).reshape(-1, _KEY_BYTES)
        try:
            write_atomically(path, lambda out: np.savez(out, keys=key_rows, vectors=vectors))
        except OSError as error:
            # A read-only or full disk costs the next start some encoding, never an answer.
            logger.warning("%s: cannot write the embedding cache (%s); answering without it", path, error)
            return False
        return True


def _rows_of(keys: Keys, wanted: Keys) -> npt.NDArray[np.int64]:
    """The row of each wanted key in `keys`, -1 where it is not there."""
    if not len(keys):
        return np.full(len(wanted), -1, dtype=np.int64)
    order = np.argsort(keys, kind="stable")  # stable: of equal keys the first row is found
    at = np.minimum(np.searchsorted(keys[order], wanted), len(keys) - 1)
    return np.where(keys[order[at]] == wanted, order[at], -1)


def _close(files: Sequence[_CacheFile]) -> None:
    for found in files:
        found.stream.close()


def _vectors_place(archive: zipfile.ZipFile, raw: BinaryIO) -> tuple[tuple[int, ...], int]:
    """The vectors' shape and the file offset of their first row, checked to be float32 rows
    stored uncompressed (as np.savez writes them), so that rows can be read where they are."""
    info = archive.getinfo("vectors.npy")
    with archive.open(info) as stream:
        shape, fortran, dtype = _read_header(stream)
        header = stream.tell()
    if info.compress_type != zipfile.ZIP_STORED or fortran or dtype != np.float32:
        raise ValueError("vectors not stored as plain float32 rows")
    raw.seek(info.header_offset)  # the member's own (local) header precedes its data
    local = raw.read(_LOCAL_HEADER_BYTES)
    if len(local) != _LOCAL_HEADER_BYTES or local[:4] != b"PK\x03\x04":
        raise ValueError("no local header where the zip directory says")
    name_bytes, extra_bytes = struct.unpack("<HH", local[26:30])
    return shape, info.header_offset + _LOCAL_HEADER_BYTES + name_bytes + extra_bytes + header


def _read_header(stream: BinaryIO) -> tuple[tuple[int, ...], bool, np.dtype[np.generic]]:
    version = np.lib.format.read_magic(stream)
    if version == (1, 0):
        return np.lib.format.read_array_header_1_0(stream)  # type: ignore[no-any-return]
    return np.lib.format.read_array_header_2_0(stream)  # type: ignore[no-any-return]


def _copy_rows(found: _CacheFile, rows: npt.NDArray[np.int64], targets: npt.NDArray[np.int64], out: VectorRows, width: int) -> bool:
    """Copy rows of a cache file's vectors into `out` (rows[i] into targets[i]), reading only the
    blocks of rows that hold one, a block at a time. False when the file cannot be read."""
    order = np.argsort(rows, kind="stable")
    rows, targets = rows[order], targets[order]
    row_bytes = width * 4
    stream = found.stream
    try:
        for block in np.unique(rows // _ROWS_PER_READ).tolist():
            first, last = np.searchsorted(rows, [block * _ROWS_PER_READ, (block + 1) * _ROWS_PER_READ])
            count = min(_ROWS_PER_READ, len(found.keys) - block * _ROWS_PER_READ)
            stream.seek(found.start + block * _ROWS_PER_READ * row_bytes)
            data = stream.read(count * row_bytes)
            if len(data) != count * row_bytes:
                return False
            read: Vectors = np.frombuffer(data, dtype=np.float32).reshape(count, width)
            out[targets[first:last]] = read[rows[first:last] - block * _ROWS_PER_READ]
    except OSError as error:
        logger.warning("%s: unreadable embedding cache, encoding again (%s)", found.path, error)
        return False
    return True


def _stacked(files: Sequence[_CacheFile], fresh: Vectors) -> Vectors:
    """Every vector of the files, in their key order, then the fresh ones."""
    out = np.zeros((sum(len(found.keys) for found in files) + len(fresh), fresh.shape[1]), dtype=np.float32)
    start = 0
    for found in files:
        count = len(found.keys)
        if count and not _copy_rows(found, np.arange(count), np.arange(start, start + count), out, fresh.shape[1]):
            raise OSError(f"{found.path} could not be read again")
        start += count
    out[start:] = fresh
    return out
