"""Quotes from an article a maintainer adds: each holds what the question asked about, and is the
article's exact text. A walkthrough added a four-paragraph news story and found every quote from it
one sentence off the one that answered."""

from __future__ import annotations

import json
from pathlib import Path

from bot.knowledge.frontmatter import normalise_text, split_front_matter
from tests.cli_helpers import run_bot
from tests.conftest import write_article

ARTICLE_ID = "test-2019-06-30-border"
BODY = """
PANMUNJOM, Korea — Donald Trump on Sunday became the first sitting U.S. president to set foot in North Korea, shaking hands with Kim Jong Un at the border village of Panmunjom in the demilitarized zone.

The two leaders met for about 50 minutes in the Freedom House on the South Korean side of the line. Trump said afterwards that they had agreed to restart working-level talks within weeks, led on the U.S. side by special envoy Stephen Biegun.

“Stepping across that line was a great honor,” Trump told reporters. The meeting was arranged after Trump invited Kim on Twitter a day earlier.

South Korean President Moon Jae-in joined the two leaders briefly before they went inside.
"""


def _quotes(knowledge: Path, question: str) -> list[dict[str, object]]:
    result = run_bot("ask", "--json", "--knowledge", str(knowledge), question)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["answered"], shown
    return shown["quotes"]


def _from_the_added_article(knowledge: Path, question: str) -> list[str]:
    """The texts of the answer's quotes from the added article, each checked to be its exact slice."""
    path = knowledge / "articles" / f"{ARTICLE_ID}.md"
    body = split_front_matter(normalise_text(path.read_text(encoding="utf-8"))).body
    texts = []
    for quote in _quotes(knowledge, question):
        if quote["article"]["id"] == ARTICLE_ID:  # type: ignore[index]
            assert body[quote["start"] : quote["end"]] == quote["text"]  # type: ignore[misc]
            texts.append(str(quote["text"]))
    return texts


def test_a_quote_holds_the_sentence_that_names_what_was_asked(knowledge_copy: Path) -> None:
    """"who is biegun" quoted only the sentence before the one naming him (the learned re-ranking
    lifts a sentence for its neighbour's score; the quote now takes that neighbour in)."""
    write_article(knowledge_copy, ARTICLE_ID, BODY, publisher="Reuters", published="2019-06-30")
    texts = _from_the_added_article(knowledge_copy, "who is biegun")
    assert texts and all("Biegun" in text for text in texts)


def test_how_long_is_answered_by_the_sentence_with_the_minutes(knowledge_copy: Path) -> None:
    """"how long did the two leaders meet" was answered by "… within weeks …": minutes were no
    span of time to the answer-type check."""
    write_article(knowledge_copy, ARTICLE_ID, BODY, publisher="Reuters", published="2019-06-30")
    texts = _from_the_added_article(knowledge_copy, "how long did the two leaders meet")
    assert texts and "about 50 minutes" in texts[0]
