"""Splits a knowledge file into its YAML front matter and its body."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from bot.knowledge.yaml_text import load_yaml, yaml_problem

FENCE = "---"


class FrontMatterError(ValueError):
    """The file does not start with a readable `---` fenced YAML block."""


class NoFrontMatter(FrontMatterError):
    """The file's first line is not `---`: most likely not an article at all (notes, a README)."""


@dataclass(frozen=True, slots=True)
class SplitFile:
    front_matter: dict[str, object]
    body: str
    # The file line (from 1) of each top-level field the front matter writes, so a problem names it.
    field_lines: dict[str, int] = field(default_factory=dict)


def normalise_text(text: str) -> str:
    """The one text form every offset refers to: no BOM, `\\n` line ends, NFC."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str) -> SplitFile:
    text = normalise_text(text)
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise NoFrontMatter("the file must start with a line '---', then YAML, then a line '---'")
    try:
        closing = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise FrontMatterError("the front matter has no closing '---' line") from None
    try:
        data = load_yaml("\n".join(lines[1:closing]))
    except yaml.YAMLError as error:
        raise FrontMatterError(yaml_problem(error, first_line=2)) from None  # line 1 is the fence
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("must be a YAML mapping of field: value")
    body = "\n".join(lines[closing + 1 :]).strip()
    field_lines = {}
    for number in range(1, closing):
        written = _TOP_LEVEL_FIELD.match(lines[number])
        if written is not None:
            field_lines.setdefault(written.group(1).strip(), number + 1)
    return SplitFile(front_matter=data, body=body, field_lines=field_lines)


# "published: 2019-02-30" at the start of a line: a top-level field of the front matter.
_TOP_LEVEL_FIELD = re.compile(r"([^\s#:'\"-][^:]*):(?:\s|$)")
