"""General English synonyms: a question's everyday word finds the article's word for the same thing.

The table (made by tools/build_synonyms.py from WordNet) maps a word to the stems of the words
that share one of its commonest senses: "shut" -> "close", "errors" -> "mistak", "hand" -> "give".
Domain names ("the DPRK", "the Vietnam summit") are knowledge/aliases.yaml's job, not this table's.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from bot.search.english import specificity
from bot.search.normalise import STOP_WORDS, stem

SYNONYM_TABLE = Path(__file__).with_name("synonyms.txt.gz")
# Everyday words ("first", "bring", "make") have so many senses that their synonyms are mostly noise.
MIN_SYNONYM_SPECIFICITY = 0.4


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


def synonyms_pointing_at(vocabulary: Iterable[str]) -> dict[str, frozenset[str]]:
    """For the articles' words: stem of a synonym -> stems of the article words that list it.

    The table is not symmetric (each word keeps only its commonest senses), so "making" may not
    list "produce" while "produce" lists "make": a question saying "making" still finds it.
    """
    pointing: defaultdict[str, set[str]] = defaultdict(set)
    for word in vocabulary:
        if word in STOP_WORDS or specificity(word) < MIN_SYNONYM_SPECIFICITY:
            continue
        for synonym in synonym_stems(word):
            pointing[synonym].add(stem(word))
    return {synonym: frozenset(stems) for synonym, stems in pointing.items()}
