"""The meaning ranker's product: a question's cosine with every row of an Int8Vectors, by
onnxruntime's DynamicQuantizeMatMul.

numpy has no fast routine for 8-bit (or 16-bit float) matrices: its int8 product took 55 ms and
float16 400 ms over the 148,052 rows at 3,000 articles, against float32's 17-23 ms. onnxruntime,
already the encoder's runtime, runs DynamicQuantizeMatMul with MLAS's integer kernels (SSE4.1,
AVX2, AVX-512 and VNNI, ARM): the question rounded to 8 bits, times the 8-bit matrix (its unsigned
codes less their offset: bot.ranking.int8_vectors says why unsigned), times each row's scale: 10 ms there. It is that fast only over a matrix held as a constant of the graph, which
onnxruntime packs for its kernel once when the session opens (0.13 s at that size; fed as an
input the matrix is packed again for every question: 30 ms). The packed copy is the session's own,
so the matrix is held twice in 8 bits: half the memory of float32 still.

A graph's constant must have the shape the graph declares, so the graph is written for each matrix
(bot.ranking.onnx_messages: protobuf, without importing onnx). One product serves every knowledge
base built over the very same matrix (a reload that changed no sentence shares it).
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

import numpy as np

from bot.ranking.int8_vectors import CODE_OFFSET, Int8Vectors
from bot.ranking.minilm import ModelUnavailable, Vectors
from bot.ranking.onnx_messages import onnx_enum, onnx_message

if TYPE_CHECKING:
    import onnxruntime

# Where the graph says its matrix is: nowhere on disk; the product supplies it in memory.
_SUPPLIED = "supplied-by-bot.ranking.int8_product"
_OPSET = 17
_CONTRIB_OPSET = 1  # DynamicQuantizeMatMul's version in onnxruntime's own ("com.microsoft") operators


class Int8Product:
    """Cosines of a question with every row of one Int8Vectors. Read-only once made: onnxruntime's
    run may be called from several answering threads at once."""

    def __init__(self, vectors: Int8Vectors) -> None:
        self._texts = len(vectors)
        self._session = _session(vectors) if self._texts else None

    def cosines(self, question: Vectors) -> Vectors:
        """The unit question's cosine with each row, within int8_vectors.COSINE_TOLERANCE of float32's."""
        if self._session is None:
            return np.zeros(0, dtype=np.float32)
        (cosines,) = self._session.run(["cosines"], {"question": question.reshape(1, -1)})
        return np.asarray(cosines[0])


_products: weakref.WeakKeyDictionary[Int8Vectors, Int8Product] = weakref.WeakKeyDictionary()
_making = threading.Lock()


def product_of(vectors: Int8Vectors) -> Int8Product:
    """The product over this very matrix, made once: two knowledge bases sharing a matrix share its
    packed copy too. Let go with the matrix (the product holds none of its arrays)."""
    with _making:
        made = _products.get(vectors)
        if made is None:
            made = _products[vectors] = Int8Product(vectors)
        return made


def _session(vectors: Int8Vectors) -> onnxruntime.InferenceSession:
    try:
        import onnxruntime  # as in bot.ranking.minilm: a broken install costs the meaning signal, not the bot
    except ImportError as error:
        raise ModelUnavailable(f"onnxruntime cannot be imported ({error}); reinstall the bot (make run does)") from error
    options = onnxruntime.SessionOptions()
    # One thread per question, as the encoder (bot.ranking.minilm._session): answers run in parallel threads.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    supplied = {"codes": vectors.codes, "scales": vectors.scales, "offset": np.array([CODE_OFFSET], dtype=np.uint8)}
    try:
        options.add_external_initializers(list(supplied), [onnxruntime.OrtValue.ortvalue_from_numpy(array) for array in supplied.values()])
        return onnxruntime.InferenceSession(_graph(vectors.dimensions, len(vectors)), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own untyped errors; one sentence, not a traceback
        raise ModelUnavailable(f"onnxruntime cannot run the meaning ranker's 8-bit product ({error})") from error


def _graph(dimensions: int, texts: int) -> bytes:
    """question (1 × dimensions, float) · (codes (dimensions × texts, uint8) - offset) × scales (texts) -> cosines (1 × texts)."""
    model = onnx_message("ModelProto")(ir_version=8, producer_name="bot.ranking.int8_product")
    model.opset_import.add(domain="", version=_OPSET)
    model.opset_import.add(domain="com.microsoft", version=_CONTRIB_OPSET)
    graph = model.graph
    graph.name = "int8_product"
    graph.node.add(op_type="DynamicQuantizeMatMul", domain="com.microsoft", input=["question", "codes", "scales", "offset"], output=["cosines"])
    data_type = "TensorProto.DataType"
    for name, shape, kind in (("codes", (dimensions, texts), "UINT8"), ("scales", (texts,), "FLOAT"), ("offset", (1,), "UINT8")):
        declared = graph.initializer.add(name=name, dims=shape, data_type=onnx_enum(data_type, kind), data_location=onnx_enum("TensorProto.DataLocation", "EXTERNAL"))
        declared.external_data.add(key="location", value=_SUPPLIED)
    for values, name, shape in ((graph.input, "question", (1, dimensions)), (graph.output, "cosines", (1, texts))):
        tensor = values.add(name=name).type.tensor_type
        tensor.elem_type = onnx_enum(data_type, "FLOAT")
        for size in shape:
            tensor.shape.dim.add(dim_value=size)
    return bytes(model.SerializeToString())
