"""Where a sentence says something happened: the names English places after "in" and "at".

Two reports of one day's event in two articles often share little but the day, the place and the
people ("Trump and Kim met in Singapore on June 12" beside "the goal agreed in Singapore on 12 June
last year"). The place is read from the grammar of locative phrases, never from a list of names: a
capitalised word after "in"/"at", directly ("in Singapore"), after "the" ("at the White House"),
or at the end of a noun of place ("at the border village of Panmunjom", "in the North's border
city of Kaesong"). "in talks with Trump" names no place: lowercase words end the phrase unless
"of" joins them to the name.
"""

from __future__ import annotations

import functools
import re

_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:[A-Z][a-z]+['’]s\s+)?(?:(?:[a-z][a-z\-]*\s+){1,3}of\s+(?:the\s+)?)?"
    r"([A-Z][a-z][A-Za-z\-]*(?:\s+[A-Z][a-z][A-Za-z\-]*)*)(?![A-Za-z'’])"
)


@functools.lru_cache(maxsize=65536)  # a sentence quoted by several articles is read once
def place_names(sentence: str) -> tuple[str, ...]:
    """The names the sentence places something in or at, as written ("Singapore", "White House").
    Calendar words after "in" ("in June") are listed too: merging compares only the words it
    keeps of a sentence, which leave the date out."""
    return tuple(match.group(1) for match in _PLACE.finditer(sentence))
