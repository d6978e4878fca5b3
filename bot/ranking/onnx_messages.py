"""ONNX's protobuf messages (ModelProto and the rest) without importing onnx.

Importing onnx costs a second of CPU at start-up (its ml_dtypes dependency) for a few small
messages; protobuf, which onnxruntime depends on, builds the same classes from onnx's schema,
shipped beside this module (tools/write_onnx_schema.py writes it from the pinned onnx).
"""

from __future__ import annotations

import functools
from pathlib import Path

from google.protobuf import descriptor_pool, message_factory
from google.protobuf.message import Message

SCHEMA = Path(__file__).with_name("onnx_schema.pb")


@functools.cache
def _pool() -> descriptor_pool.DescriptorPool:
    """A pool of its own: the default one may already hold onnx's classes, imported by someone else."""
    pool = descriptor_pool.DescriptorPool()
    pool.AddSerializedFile(SCHEMA.read_bytes())
    return pool


def onnx_message(name: str) -> type[Message]:
    """The class of an ONNX message, by its name in onnx-ml.proto ("ModelProto", "TensorProto", …)."""
    return message_factory.GetMessageClass(_pool().FindMessageTypeByName(f"onnx.{name}"))


def onnx_enum(name: str, value: str) -> int:
    """A value of an ONNX enum by its names ("TensorProto.DataType", "INT8")."""
    return int(_pool().FindEnumTypeByName(f"onnx.{name}").values_by_name[value].number)
