"""The date scan's two quick patterns, written so that the regex engine skips in C to the
characters they can start at, find what their plain alternations find: the triggers (each span,
in finditer's order) and the word starts where a date phrase may begin."""

from __future__ import annotations

import re
from pathlib import Path

from bot.knowledge.articles import read_article
from bot.timeline import found

ROOT = Path(__file__).parent.parent

# The plain forms, as they were written before they were rearranged for speed.
_PLAIN_TRIGGER = re.compile(
    r"(?=[0-9JFMASONDTWYEH]|\b[dwmysfahen])"
    r"(?:(?<![\d,.$£€])(?:\d{1,2}|(?:1[89]\d\d|20\d\d))(?![\d%]|[,.:]\d)|(?<![\d,.$£€/-])\d{1,2}[./]\d{1,2}[./](?:1[89]\d\d|20\d\d)(?!\d)"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?i:days?|weeks?|months?|years?|morning|spring|summer|fall|autumn|winter|hours?|minutes?|afternoon|evening|night|noon|midday|midnight|afterwards?)\b|\bEve\b)"
)
_PLAIN_PHRASE_START = re.compile(
    r"(?<![\w'’.])(?:"
    + "|".join("".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in start) for start in sorted(found._PHRASE_STARTS, key=len, reverse=True))
    + ")"
)

# Edges: case, a letter or digit or sign before, letters that fold to others under IGNORECASE.
_EDGES = [
    "DAYS later", "dAys", "SUMMER of 2018", "G20 summit", "B-52", "$20", "€20 2018", "x20", "Eve.", "Christmas Eve", "EVE", "eve",
    "Evening", "evening", "Mondays", "Monday's", "12.06.2018", "6/30/2019", "a6/30/2019", "-6/30/2019", "/6/30/2019", "20%", "20,5",
    "2018s", "18:30", "1999", "2099", "2100", "Sept. 5", "Sep.", "Sept", "Mayday", "xMay", "ſummer", "Kin", "afterward", "Afterwards",
    "noon", "Noon", "midnight", "nights", "year's", "yEaRs", "HOURS", "Jan.", "January", "Jan", "TUESDAY", "Tuesdays", "11 p.m.",
    "ťdays", "éDays", "_days", "1days", "'in", "’in", ".in", "_in", "éin", "9in", "Mid-", "midday", "Christmas", "christ",
]  # fmt: skip


def _texts() -> list[str]:
    paths = [*(ROOT / "knowledge" / "articles").glob("*.md"), *(ROOT / "tests" / "timeline_gold").glob("*.md"), *(ROOT / "eval").glob("articles*/*.md")]
    bodies = []
    for path in paths:
        article, _ = read_article(path)
        assert article is not None, path.name
        bodies.append(article.body)
    return [*bodies, *_EDGES, " ".join(_EDGES)]


def test_triggers_are_those_of_the_plain_alternation() -> None:
    texts = _texts()
    found_any = 0
    for text in texts:
        for start in range(0, len(text), 101 if len(text) > 200 else 1):  # pos inside the text: look-behinds read before it
            expected = [m.span() for m in _PLAIN_TRIGGER.finditer(text, start, start + 300)]
            assert [m.span() for m in found._TRIGGER.finditer(text, start, start + 300)] == expected, (text[start : start + 60], start)
            found_any += len(expected)
    assert found_any > 300


def test_phrase_starts_are_those_of_the_plain_alternation() -> None:
    # Only where a word start stands is read (found._matches), not how far its letters reach.
    for text in _texts():
        for start in range(0, len(text), 101 if len(text) > 200 else 1):
            expected = [m.start() for m in _PLAIN_PHRASE_START.finditer(text, start, start + 60)]
            assert [m.start() for m in found._PHRASE_START.finditer(text, start, start + 60)] == expected, (text[start : start + 60], start)
