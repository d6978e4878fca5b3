"""An article's title is context for its passages in retrieval, never a quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import answer
from bot.knowledge.base import build_knowledge_base
from tests.conftest import write_article

# The body never says "JSA" (the Joint Security Area), which only its headline uses.
BODY = """
    PANMUNJOM, Korea — Donald Trump on Sunday became the first sitting U.S. president to set foot in North Korea, shaking hands with Kim Jong Un at the border village of Panmunjom in the demilitarized zone.

    The two leaders met for about 50 minutes in the Freedom House on the South Korean side of the line.
"""


@pytest.mark.parametrize(("title", "from_it"), [("Trump steps into North Korea at the JSA in meeting with Kim", True), ("Trump steps into North Korea", False)])
def test_a_word_only_the_title_says_finds_its_article(knowledge_copy: Path, title: str, from_it: bool) -> None:
    path = write_article(knowledge_copy, "reuters-2019-06-30-dmz", BODY, title=f'"{title}"', publisher="Reuters", published="2019-06-30")
    result = answer(build_knowledge_base(knowledge_copy), "what happened at the JSA?")
    assert result.answered is from_it
    if from_it:
        first = result.quotes[0]
        assert first.article.id == "reuters-2019-06-30-dmz"
        # Quoted from the body, never the title.
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert first.text in body and "JSA" not in first.text
