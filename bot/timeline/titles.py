"""A short title for a found event, cut from its sentence: the clause around the date, never reworded."""

from __future__ import annotations

import re

from bot.render.shorten import ELLIPSIS

TITLE_LIMIT = 90
# A clause shorter than this says too little on its own ("Thursday's failure"), so it takes its neighbour.
MIN_CLAUSE = 30
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:(){}\[\]]|\s[—–-]\s|—|–)\s*")
_EDGE = " \t\n\"'“”‘’.,;:—–-"


def title_from(sentence: str, date_start: int, date_end: int, limit: int = TITLE_LIMIT) -> str:
    """The clause of `sentence` holding the date at [date_start, date_end), shortened with ellipses."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence)]
    bounds = [0, *(b for pair in breaks for b in pair), len(sentence)]
    clauses = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if bounds[i] < bounds[i + 1]]
    index = next((i for i, (s, e) in enumerate(clauses) if s <= date_start < e or date_start < s), len(clauses) - 1)
    start, end = clauses[index]
    start, end = min(start, date_start), max(end, date_end)
    # Grow a short clause with its neighbours, the following one first: it usually says what happened.
    low, high = index, index
    while end - start < MIN_CLAUSE and (low > 0 or high < len(clauses) - 1):
        if high < len(clauses) - 1:
            high += 1
            end = clauses[high][1]
        else:
            low -= 1
            start = clauses[low][0]
    return _fit(sentence, start, end, date_start, date_end, limit)


def _fit(sentence: str, start: int, end: int, date_start: int, date_end: int, limit: int) -> str:
    """sentence[start:end] cut at word boundaries to `limit`, always keeping the date words."""
    text = sentence[start:end].strip(_EDGE)
    # A clause is part of its sentence: the ellipsis says so ("In an interview with CNN early
    # Wednesday morning…" is not the whole of what the article says).
    cut_before, cut_after = _has_words(sentence[:start]), _has_words(sentence[end:])
    if len(text) <= limit:
        return _marked(text, cut_before, cut_after)
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", sentence[start:end])]
    first = next(i for i, (s, e) in enumerate(words) if e > date_start)
    last = first
    while last + 1 < len(words) and words[last + 1][0] < date_end:
        last += 1
    # Widen around the date, keeping the clause's start when it fits: subjects come first in English.
    while True:
        grew = False
        if first > 0 and words[last][1] - words[first - 1][0] <= limit - 2:
            first -= 1
            grew = True
        elif last + 1 < len(words) and words[last + 1][1] - words[first][0] <= limit - 2:
            last += 1
            grew = True
        if not grew:
            break
    piece = sentence[words[first][0] : words[last][1]].strip(_EDGE)
    return _marked(piece, cut_before or first > 0, cut_after or last < len(words) - 1)


def _marked(piece: str, cut_before: bool, cut_after: bool) -> str:
    return f"{ELLIPSIS if cut_before else ''}{piece}{ELLIPSIS if cut_after else ''}"


def _has_words(text: str) -> bool:
    return any(character.isalnum() for character in text)
