"""Sentence vectors kept on disk, keyed by the sentence's text and the model's digest.

Start-up and reloads encode only sentences the cache has not seen: encoding is the slow part
(about 500 sentences a second here), reading a cached vector is not. One file per model digest,
`minilm-<digest>.npz`, holding text keys and vectors. Two processes may start at once, so a
write replaces the file in one rename (cache_folder.write_atomically). The last writer wins;
both wrote correct vectors, so at worst a later start encodes a few sentences again.
"""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bot.ranking.cache_folder import CACHE_ENV, default_cache_folder, write_atomically  # noqa: F401 (callers import the first two from here)
from bot.ranking.minilm import Vectors

logger = logging.getLogger(__name__)

_KEY_BYTES = 16


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:_KEY_BYTES]


class EmbeddingCache:
    """Vectors for texts, from the cache file where it has them, from `encode` where it has not."""

    def __init__(self, folder: Path, model_digest: str) -> None:
        self.path = folder / f"minilm-{model_digest[:16]}.npz"

    def vectors(self, texts: Sequence[str], encode: Callable[[list[str]], Vectors], dimensions: int) -> Vectors:
        keys, stored = self._read(dimensions)
        row = {key: i for i, key in enumerate(keys)}
        wanted = [text_key(text) for text in texts]
        missing = list(dict.fromkeys(text for text, key in zip(texts, wanted) if key not in row))
        if missing:
            fresh = encode(missing)
            new_keys = [text_key(text) for text in missing]
            keys = keys + new_keys
            stored = np.concatenate([stored, fresh]) if len(stored) else fresh
            row.update({key: len(keys) - len(new_keys) + i for i, key in enumerate(new_keys)})
            self._write(keys, stored)
        if not texts:
            return np.zeros((0, dimensions), dtype=np.float32)
        return np.ascontiguousarray(stored[[row[key] for key in wanted]])

    def _read(self, dimensions: int) -> tuple[list[bytes], Vectors]:
        empty: tuple[list[bytes], Vectors] = ([], np.zeros((0, dimensions), dtype=np.float32))
        try:
            with np.load(self.path, allow_pickle=False) as saved:
                keys, vectors = saved["keys"], saved["vectors"]
        except FileNotFoundError:
            return empty
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            logger.warning("%s: unreadable embedding cache, encoding again (%s)", self.path, error)
            return empty
        if vectors.ndim != 2 or vectors.shape[1] != dimensions or keys.shape != (len(vectors), _KEY_BYTES):
            logger.warning("%s: embedding cache has the wrong shape, encoding again", self.path)
            return empty
        return [key.tobytes() for key in keys], vectors.astype(np.float32, copy=False)

    def _write(self, keys: list[bytes], vectors: Vectors) -> None:
        # Keys as raw bytes (uint8 rows): a numpy bytes string would drop trailing zero bytes.
        key_rows = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(-1, _KEY_BYTES)
        try:
            write_atomically(self.path, lambda out: np.savez(out, keys=key_rows, vectors=vectors))
        except OSError as error:
            # A read-only or full disk costs the next start some encoding, never an answer.
            logger.warning("%s: cannot write the embedding cache (%s); answering without it", self.path, error)
