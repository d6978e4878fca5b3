"""Sentence vectors on disk: a second start encodes nothing, a broken file costs only time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.ranking import embedding_cache
from bot.ranking.embedding_cache import EmbeddingCache
from bot.ranking.minilm import Vectors


class CountingEncoder:
    """Stands in for the model's encode: deterministic vectors, and a record of what it was asked."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def __call__(self, texts: list[str]) -> Vectors:
        self.encoded += texts
        return np.array([[len(text), text.count("a"), 1.0] for text in texts], dtype=np.float32)


def test_a_second_run_encodes_only_sentences_it_has_not_seen(tmp_path: Path) -> None:
    first = CountingEncoder()
    EmbeddingCache(tmp_path, "digest").vectors(["one sentence.", "another one."], first, 3)
    later = CountingEncoder()
    vectors = EmbeddingCache(tmp_path, "digest").vectors(["another one.", "a new one.", "one sentence."], later, 3)
    assert later.encoded == ["a new one."]
    assert vectors.tolist() == [[12, 1, 1], [10, 1, 1], [13, 0, 1]]


def test_another_model_digest_does_not_reuse_the_vectors(tmp_path: Path) -> None:
    EmbeddingCache(tmp_path, "digest-a").vectors(["one sentence."], CountingEncoder(), 3)
    other = CountingEncoder()
    EmbeddingCache(tmp_path, "digest-b").vectors(["one sentence."], other, 3)
    assert other.encoded == ["one sentence."]


def test_a_corrupt_cache_file_is_encoded_again_and_replaced(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path, "digest")
    cache.path.write_bytes(b"not a numpy file")
    again = CountingEncoder()
    assert cache.vectors(["one sentence."], again, 3).tolist() == [[13, 0, 1]]
    assert again.encoded == ["one sentence."]
    later = CountingEncoder()
    cache.vectors(["one sentence."], later, 3)
    assert later.encoded == []


def test_an_unwritable_cache_folder_still_gives_vectors(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    assert EmbeddingCache(blocked, "digest").vectors(["one sentence."], CountingEncoder(), 3).tolist() == [[13, 0, 1]]


def test_a_filesystem_without_file_locks_still_gives_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class NoLocks:  # filelock's lock on a filesystem without flock: NotImplementedError on acquiring
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> None:
            raise NotImplementedError("FileSystem does not appear to support flock")

        def __exit__(self, *args: object) -> None:
            pass

    monkeypatch.setattr(embedding_cache, "FileLock", NoLocks)
    assert EmbeddingCache(tmp_path, "digest").vectors(["one sentence."], CountingEncoder(), 3).tolist() == [[13, 0, 1]]


def test_writes_leave_no_temporary_files_behind(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path, "digest")
    for text in ("one.", "two.", "three."):
        cache.vectors([text], CountingEncoder(), 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([cache.path.name, cache.lock_path.name])


def test_a_few_new_sentences_go_to_a_small_file_beside_the_main_one(tmp_path: Path) -> None:
    """Adding one article's sentences must not rewrite every vector (220 MB at 3,000 articles)."""
    cache = EmbeddingCache(tmp_path, "digest")
    many = [f"sentence number {n}." for n in range(20)]
    cache.vectors(many, CountingEncoder(), 3)
    written = cache.path.stat().st_mtime_ns
    cache.vectors([*many, "one more sentence."], CountingEncoder(), 3)
    assert cache.path.stat().st_mtime_ns == written
    assert len(list(tmp_path.glob("minilm-*.added-*.npz"))) == 1
    later = CountingEncoder()
    vectors = EmbeddingCache(tmp_path, "digest").vectors(["one more sentence.", many[3]], later, 3)
    assert later.encoded == []
    assert vectors.tolist() == CountingEncoder()(["one more sentence.", many[3]]).tolist()


def test_additions_are_folded_into_the_main_file_once_they_grow(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path, "digest")
    cache.vectors([f"sentence number {n}." for n in range(6)], CountingEncoder(), 3)
    cache.vectors(["the first addition."], CountingEncoder(), 3)
    cache.vectors(["the second addition."], CountingEncoder(), 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([cache.path.name, cache.lock_path.name])
    later = CountingEncoder()
    texts = ["the second addition.", "sentence number 5.", "the first addition."]
    assert cache.vectors(texts, later, 3).tolist() == CountingEncoder()(texts).tolist()
    assert later.encoded == []


def test_vectors_read_in_blocks_land_in_the_rows_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding_cache, "_ROWS_PER_READ", 2)
    texts = [f"{'a' * n} sentence of {n} letters a." for n in range(7)]
    EmbeddingCache(tmp_path, "digest").vectors(texts, CountingEncoder(), 3)
    asked = [texts[6], texts[0], texts[3], texts[6], texts[1]]
    later = CountingEncoder()
    assert EmbeddingCache(tmp_path, "digest").vectors(asked, later, 3).tolist() == CountingEncoder()(asked).tolist()
    assert later.encoded == []


_WRITER = """
import logging, sys
from pathlib import Path
import numpy as np
from bot.ranking.embedding_cache import EmbeddingCache

logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

def encode(texts):
    return np.array([[len(text), text.count("a"), 1.0] for text in texts], dtype=np.float32)

name, folder, rounds = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
for n in range(rounds):
    # A new sentence of its own each round, and every earlier one: each round looks up all the
    # files while the other process adds, merges and folds them.
    EmbeddingCache(folder, "digest").vectors([f"{name} sentence {k}." for k in range(n + 1)], encode, 3)
"""


def test_two_processes_adding_to_one_cache_lose_none_of_each_others_vectors(tmp_path: Path) -> None:
    """A running bot and `python -m bot check` (or two bots) share the cache folder: neither may
    lose the other's vectors, nor see a file the other merged away as an error."""
    rounds = 60
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, name, str(tmp_path), str(rounds)], stderr=subprocess.PIPE, text=True)
        for name in ("bot", "check")
    ]
    errors = [writer.communicate(timeout=300)[1] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], errors
    assert errors == ["", ""]  # no "unreadable embedding cache", no "cannot add to the embedding cache"
    texts = [f"{name} sentence {k}." for name in ("bot", "check") for k in range(rounds)]
    later = CountingEncoder()
    assert EmbeddingCache(tmp_path, "digest").vectors(texts, later, 3).tolist() == CountingEncoder()(texts).tolist()
    assert later.encoded == []
