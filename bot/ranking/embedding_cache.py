"""Sentence vectors kept on disk, keyed by the sentence's text and the model's digest.

Start-up and reloads encode only sentences the cache has not seen: encoding is the slow part
(about 500 sentences a second here), reading a cached vector is not. One main file per model
digest, `minilm-<digest>.npz`, holding text keys and vectors, and beside it the vectors added
since, in `minilm-<digest>.added-<unique>.npz` files.

Memory and reloads are why it is not one file rewritten on every addition: at 3,000 articles the
main file holds 148,000 vectors (220 MB). Reading it whole and then picking the wanted rows held
both copies at once (the largest part of a start's peak memory), and adding the few vectors of one
changed article rewrote all of it. Now only the keys are read whole; the vectors are read a block
of rows at a time straight into the rows wanted; an addition writes a small file (the additions so
far, merged), and the additions are folded into the main file only once they reach a quarter of it.

Two processes may start at once, so every write replaces or creates a file in one rename
(cache_folder.write_atomically) and a writer deletes only the addition files it read. The last
writer wins; both wrote correct vectors, so at worst a later start encodes a few sentences again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.ranking.cache_folder import CACHE_ENV, default_cache_folder, write_atomically  # noqa: F401 (callers import the first two from here)
from bot.ranking.minilm import Vectors

logger = logging.getLogger(__name__)

_KEY_BYTES = 16
# Additions are folded into the main file once they hold this share of its vectors: rewriting the
# main file costs reading and writing all of it, keeping many additions costs a file per start.
_FOLD_SHARE = 0.25
_ROWS_PER_READ = 4096  # 6 MB of 384-dimensional vectors: memory held while reading a file


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:_KEY_BYTES]


@dataclass(frozen=True)
class _CacheFile:
    path: Path
    keys: list[bytes]


class EmbeddingCache:
    """Vectors for texts, from the cache files where they have them, from `encode` where they have not."""

    def __init__(self, folder: Path, model_digest: str) -> None:
        self.path = folder / f"minilm-{model_digest[:16]}.npz"

    def vectors(self, texts: Sequence[str], encode: Callable[[list[str]], Vectors], dimensions: int) -> Vectors:
        main = self._keys_of(self.path, dimensions)
        additions = [found for path in self._addition_paths() if (found := self._keys_of(path, dimensions)) is not None]
        files = [found for found in (main, *additions) if found is not None]
        # Where each key is: (file, row); the first file holding it wins.
        where: dict[bytes, tuple[int, int]] = {}
        for number, found in enumerate(files):
            for row, key in enumerate(found.keys):
                where.setdefault(key, (number, row))
        wanted = [text_key(text) for text in texts]
        out = np.zeros((len(texts), dimensions), dtype=np.float32)
        missing_at: list[int] = []
        picked: list[list[tuple[int, int]]] = [[] for _ in files]  # per file: (its row, row of out)
        for position, key in enumerate(wanted):
            if (found_at := where.get(key)) is None:
                missing_at.append(position)
            else:
                picked[found_at[0]].append((found_at[1], position))
        for found, rows in zip(files, picked, strict=True):
            if rows and not _copy_rows(found.path, rows, out):
                # The file went bad since its keys were read (another process replaced it): encode its rows.
                missing_at += [position for _, position in rows]
        if missing_at:
            missing = list(dict.fromkeys(texts[position] for position in missing_at))
            fresh = encode(missing)
            fresh_row = {text: row for row, text in enumerate(missing)}
            for position in missing_at:
                out[position] = fresh[fresh_row[texts[position]]]
            self._add([text_key(text) for text in missing], fresh, main, additions, dimensions)
        return out

    def _add(self, keys: list[bytes], fresh: Vectors, main: _CacheFile | None, additions: list[_CacheFile], dimensions: int) -> None:
        """Write the fresh vectors: into the main file when there is none or the additions have grown
        to a share of it, else into one addition file merged with the additions there were."""
        added = sum(len(found.keys) for found in additions) + len(keys)
        folded = main is None or added > _FOLD_SHARE * len(main.keys)
        kept = [found for found in (main, *additions) if found is not None] if folded else additions
        try:
            vectors = _stacked(kept, fresh, dimensions)
        except OSError as error:  # a file replaced since it was read: keep the files as they are
            logger.warning("cannot add to the embedding cache (%s); a later start encodes these again", error)
            return
        target = self.path if folded else self._new_addition_path()
        if not self._write(target, [key for found in kept for key in found.keys] + keys, vectors):
            return
        for found in additions:  # only those read: another process's newer addition stays
            found.path.unlink(missing_ok=True)

    def _addition_paths(self) -> list[Path]:
        return sorted(self.path.parent.glob(f"{self.path.stem}.added-*.npz"))

    def _new_addition_path(self) -> Path:
        return self.path.parent / f"{self.path.stem}.added-{time.time_ns()}-{os.getpid()}.npz"

    def _keys_of(self, path: Path, dimensions: int) -> _CacheFile | None:
        """A cache file's keys (its vectors are read later, only the rows wanted); None when it is
        missing or unusable, which costs encoding again, never an answer."""
        try:
            with np.load(path, allow_pickle=False) as saved:
                keys = saved["keys"]
                shape, dtype = _vectors_header(saved.zip)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            logger.warning("%s: unreadable embedding cache, encoding again (%s)", path, error)
            return None
        if len(shape) != 2 or shape[1] != dimensions or keys.shape != (shape[0], _KEY_BYTES) or dtype != np.float32:
            logger.warning("%s: embedding cache has the wrong shape, encoding again", path)
            return None
        return _CacheFile(path, [key.tobytes() for key in keys])

    def _write(self, path: Path, keys: list[bytes], vectors: Vectors) -> bool:
        """Whether the file was written."""
        # Keys as raw bytes (uint8 rows): a numpy bytes string would drop trailing zero bytes.
        key_rows = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(-1, _KEY_BYTES)
        try:
            write_atomically(path, lambda out: np.savez(out, keys=key_rows, vectors=vectors))
        except OSError as error:
            # A read-only or full disk costs the next start some encoding, never an answer.
            logger.warning("%s: cannot write the embedding cache (%s); answering without it", path, error)
            return False
        return True


def _vectors_header(archive: zipfile.ZipFile) -> tuple[tuple[int, ...], np.dtype[np.generic]]:
    with archive.open("vectors.npy") as stream:
        shape, _, dtype = _read_header(stream)
    return shape, dtype


def _read_header(stream: zipfile.ZipExtFile) -> tuple[tuple[int, ...], bool, np.dtype[np.generic]]:
    version = np.lib.format.read_magic(stream)
    if version == (1, 0):
        return np.lib.format.read_array_header_1_0(stream)  # type: ignore[no-any-return]
    return np.lib.format.read_array_header_2_0(stream)  # type: ignore[no-any-return]


def _copy_rows(path: Path, picked: list[tuple[int, int]], out: Vectors) -> bool:
    """Copy rows of a cache file's vectors into `out`: (row in the file, row of out) pairs. The file
    is read a block of rows at a time, so it is never held whole. False when it cannot be read."""
    order = sorted(picked)
    sources = np.array([source for source, _ in order], dtype=np.int64)
    targets = np.array([target for _, target in order], dtype=np.int64)
    try:
        with zipfile.ZipFile(path) as archive, archive.open("vectors.npy") as stream:
            shape, fortran, dtype = _read_header(stream)
            if fortran or len(shape) != 2 or shape[1] != out.shape[1] or dtype != np.float32 or sources[-1] >= shape[0]:
                return False
            row_bytes = shape[1] * dtype.itemsize
            for start in range(0, int(sources[-1]) + 1, _ROWS_PER_READ):
                first, last = np.searchsorted(sources, [start, start + _ROWS_PER_READ])
                rows = min(_ROWS_PER_READ, shape[0] - start)
                block = stream.read(rows * row_bytes)
                if len(block) != rows * row_bytes:
                    return False
                if first < last:
                    read: npt.NDArray[np.float32] = np.frombuffer(block, dtype=np.float32).reshape(rows, shape[1])
                    out[targets[first:last]] = read[sources[first:last] - start]
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        logger.warning("%s: unreadable embedding cache, encoding again (%s)", path, error)
        return False
    return True


def _stacked(files: Sequence[_CacheFile], fresh: Vectors, dimensions: int) -> Vectors:
    """Every vector of the files, in their key order, then the fresh ones."""
    out = np.zeros((sum(len(found.keys) for found in files) + len(fresh), dimensions), dtype=np.float32)
    start = 0
    for found in files:
        count = len(found.keys)
        if count and not _copy_rows(found.path, [(row, start + row) for row in range(count)], out):
            raise OSError(f"{found.path} could not be read again")
        start += count
    out[start:] = fresh
    return out
