"""Writes bot/ranking/onnx_schema.pb: the protobuf schema of ONNX models (onnx-ml.proto, as the
pinned onnx release compiles it), for bot.ranking.onnx_messages.

The meaning ranker's product (bot.ranking.int8_product) is an ONNX graph whose sizes are the
folder's: its matrix's shape is known only when the knowledge is built, and onnxruntime checks a
supplied matrix against the shape the graph declares. So that graph is written at run time. onnx's
own message classes would do it, but importing onnx takes a second of CPU (its ml_dtypes
dependency) and the bot needs only onnxruntime; protobuf, which onnxruntime already depends on,
writes the same bytes from this schema. tests/test_int8_product.py checks that the shipped file is
what this tool writes.

Run: `.venv/bin/python -m tools.write_onnx_schema` (needs the test extra's onnx).
"""

from __future__ import annotations

from onnx import onnx_ml_pb2

from bot.ranking.onnx_messages import SCHEMA


def installed_schema() -> bytes:
    """onnx-ml.proto's file descriptor, serialized, as the installed onnx compiled it."""
    return onnx_ml_pb2.DESCRIPTOR.serialized_pb


def main() -> None:
    SCHEMA.write_bytes(installed_schema())
    print(f"wrote {SCHEMA} ({SCHEMA.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
