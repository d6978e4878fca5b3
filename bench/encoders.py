"""Benchmark: the bot's MiniLM encoder (onnxruntime) against the numpy forward pass it replaced.

Both run on the same weights, the same tokens, one thread, in the same process at the same moment,
alternating rounds so a busy machine slows both alike. Reported in CPU time (the machine is
shared; wall time also counts other jobs), best of ROUNDS, per question: one question alone, and a
question with its form without names in one padded pass (what the answer check encodes). Run with
`.venv/bin/python bench/encoders.py`; the numbers go in the README and in bot/ranking/minilm.py.

The numpy forward pass below is the one bot/ranking/minilm.py ran until session 7, kept only here.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from safetensors.numpy import load as load_safetensors

from bot.ranking.minilm import WEIGHTS_FILE, Vectors, model_archive, shared_model
from bot.ranking.signals import content_of

DEV_SET = Path(__file__).resolve().parent.parent / "eval" / "dev_qa.jsonl"
ROUNDS = 7


class NumpyEncoder:
    """BERT's forward pass in numpy: x @ W per dense layer, an A&S 7.1.26 erf for the GELU."""

    def __init__(self) -> None:
        with zipfile.ZipFile(model_archive()) as bundle:
            config = json.loads(bundle.read("config.json"))
            tensors = {name.removeprefix("bert."): value.astype(np.float32) for name, value in load_safetensors(bundle.read(WEIGHTS_FILE)).items()}
        self.t = tensors
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.tokenizer = shared_model()._tokenizer  # the same tokens as the bot's encoder

    def dense(self, x: Vectors, prefix: str) -> Vectors:
        flat = x.reshape(-1, x.shape[-1]) @ self.t[f"{prefix}.weight"].T
        flat += self.t[f"{prefix}.bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def norm(self, x: Vectors, prefix: str) -> Vectors:
        mean = x.mean(axis=-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(variance + self.eps) * self.t[f"{prefix}.weight"] + self.t[f"{prefix}.bias"]

    @staticmethod
    def gelu(x: Vectors) -> Vectors:
        z = np.abs(x) / np.float32(np.sqrt(2.0))
        t = 1.0 / (1.0 + 0.3275911 * z)
        polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        return (0.5 * x * (1.0 + np.sign(x) * (1.0 - polynomial * np.exp(-z * z)))).astype(np.float32)

    def encode(self, texts: list[str]) -> Vectors:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        t = self.t
        hidden = t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][: ids.shape[1]] + t["embeddings.token_type_embeddings.weight"][0]
        hidden = self.norm(hidden, "embeddings.LayerNorm")
        blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
        batch, length, width = hidden.shape
        head = width // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}"

            def split(x: Vectors) -> Vectors:
                return x.reshape(batch, length, self.heads, head).transpose(0, 2, 1, 3)

            query, key, value = (split(self.dense(hidden, f"{p}.attention.self.{part}")) for part in ("query", "key", "value"))
            scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            context = (scores / scores.sum(axis=-1, keepdims=True) @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
            hidden = self.norm(hidden + self.dense(context, f"{p}.attention.output.dense"), f"{p}.attention.output.LayerNorm")
            hidden = self.norm(hidden + self.dense(self.gelu(self.dense(hidden, f"{p}.intermediate.dense")), f"{p}.output.dense"), f"{p}.output.LayerNorm")
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)


def cpu_ms_each(encode: Callable[[list[str]], Vectors], batches: list[list[str]]) -> float:
    started = time.process_time()
    for batch in batches:
        encode(batch)
    return 1000 * (time.process_time() - started) / len(batches)


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")  # as the bot runs numpy
    questions = [json.loads(line)["question"] for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    alone = [[question] for question in questions]
    pairs = [[question, content_of(question)] for question in questions]
    runtime, numpy_pass = shared_model(), NumpyEncoder()
    worst = max(1 - float(runtime.encode(q)[0] @ numpy_pass.encode(q)[0]) for q in alone)
    results: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        for name, encode in (("onnxruntime", runtime.encode), ("numpy", numpy_pass.encode)):
            results.setdefault(f"{name}, one question", []).append(cpu_ms_each(encode, alone))
            results.setdefault(f"{name}, question + its form without names, one pass", []).append(cpu_ms_each(encode, pairs))
    print(f"load average {os.getloadavg()[0]:.1f}; {len(questions)} dev questions; CPU ms per question, best / median of {ROUNDS} rounds")
    for name, times in results.items():
        print(f"  {name}: {min(times):.1f} / {statistics.median(times):.1f}")
    print(f"largest 1 - cosine between the two encoders' vectors: {worst:.1e}")


if __name__ == "__main__":
    main()
