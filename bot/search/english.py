"""General English word frequencies: which words are real, and how much a word says.

Typo correction leaves real words alone ("worth" is not a typo of "north"). Specificity weighs a
question's words by how rare they are in everyday English, a background the few articles here
cannot give: "take", "time" and "right" say little about what is asked; "sanctions" says a lot.
"""

from __future__ import annotations

import gzip
import math
from functools import cache
from pathlib import Path

WORD_LIST = Path(__file__).with_name("english_words.txt.gz")  # made by tools/build_word_list.py
# Specificity is log(total / count) mapped linearly from [COMMON, COMMON + SPAN] onto [MIN, 1].
COMMON = 5.0
SPAN = 8.0
MIN_SPECIFICITY = 0.15


@cache
def _counts() -> tuple[dict[str, int], int]:
    lines = gzip.decompress(WORD_LIST.read_bytes()).decode("ascii").split("\n")
    total = int(lines[0].split("\t")[1])
    counts = {}
    for line in lines[1:]:
        word, _, count = line.partition("\t")
        counts[word] = int(count)
    return counts, total


def is_english_word(word: str) -> bool:
    return word in _counts()[0]


def is_adverb(word: str) -> bool:
    """"-ly" made from an English adjective ("differently", "lately", "realistically"): manner, not topic."""
    if len(word) < 6 or not word.endswith("ly"):
        return False
    base = word[:-2]
    candidates = (base, base + "e", base[:-1] + "y" if base.endswith("i") else base, base[:-2] if base.endswith("al") else base)
    return any(candidate != word and is_english_word(candidate) for candidate in candidates)


def specificity(word: str) -> float:
    """From MIN_SPECIFICITY (everyday words) to 1.0 (rare words, names, words not in the list)."""
    if is_adverb(word):
        return MIN_SPECIFICITY  # a manner adverb says how, not what: the topic is elsewhere
    counts, total = _counts()
    count = counts.get(word)
    if count is None:
        return 1.0
    information = math.log(total / count)
    return min(1.0, max(MIN_SPECIFICITY, (information - COMMON) / SPAN))
