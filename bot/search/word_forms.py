"""English irregular inflections and their lemmas: "held" is "hold", "met" "meet", "mice" "mouse".

The stemmer joins regular forms ("holds", "holding") but not these, so a question saying "hold"
missed an article saying "held". The table (made by tools/build_word_forms.py from LemmInflect's
lexicon) lists only the forms that are never a base form themselves and belong to one lemma
("left" and "saw" are not in it), so mapping a word through it never changes what a word means.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

WORD_FORMS = Path(__file__).with_name("word_forms.txt.gz")


@cache
def _table() -> dict[str, str]:
    lines = gzip.decompress(WORD_FORMS.read_bytes()).decode("ascii").splitlines()
    return dict(line.split("\t") for line in lines)


def lemma(word: str) -> str:
    """The lemma of an irregular inflection ("fled" -> "flee"); any other word as it is."""
    return _table().get(word, word)
