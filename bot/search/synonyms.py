"""General English synonyms: a question's everyday word finds the article's word for the same thing.

The table (made by tools/build_synonyms.py from WordNet) maps a word to the stems of the words
that share one of its commonest senses: "shut" -> "close", "errors" -> "mistak", "hand" -> "give".
Domain names ("the DPRK", "the Vietnam summit") are knowledge/aliases.yaml's job, not this table's.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

SYNONYM_TABLE = Path(__file__).with_name("synonyms.txt.gz")


@cache
def _table() -> dict[str, str]:
    """Word -> its synonym stems, space-separated: loading the table this way costs about 9 MB,
    where a tuple of strings a word cost 16 MB."""
    table = {}
    for line in gzip.decompress(SYNONYM_TABLE.read_bytes()).decode("ascii").split("\n"):
        word, _, stems = line.partition("\t")
        table[word] = stems
    return table


def synonym_stems(word: str) -> tuple[str, ...]:
    """Stems of the word's synonyms, commonest sense first; () for a word the table lacks."""
    return tuple(_table().get(word, "").split())
