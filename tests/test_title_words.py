"""A word only an article's title says is a word of the articles: not a typo, not one "no article
uses", and /compare finds the article by it."""

from __future__ import annotations

from pathlib import Path

from bot import commands
from bot.answers import answer
from bot.knowledge.store import KnowledgeStore
from bot.render.reading_text import reading_text
from bot.search.query import words_in_no_article
from tests.conftest import write_article

# The body says "demilitarized zone"; only the headline says "DMZ".
BODY = """
    Donald Trump on Sunday became the first sitting U.S. president to set foot in North Korea, stepping across the demarcation line at the demilitarized zone to shake hands with Kim Jong Un.

    The two leaders met for about an hour at the truce village of Panmunjom and agreed to restart working-level negotiations within weeks, Trump told reporters afterwards.

    Kim said the meeting was meant to “put an end to an unfortunate past,” according to an interpreter.
"""
TITLE = '"Trump steps into North Korea, meets Kim at the DMZ"'


def _store(folder: Path) -> KnowledgeStore:
    write_article(folder, "reuters-2019-06-30-dmz", BODY, title=TITLE, publisher="Reuters", published="2019-06-30")
    return KnowledgeStore(folder)


def test_a_word_only_a_title_says_is_not_one_no_article_uses(knowledge_copy: Path) -> None:
    knowledge = _store(knowledge_copy).current
    assert words_in_no_article(knowledge, "who met at the dmz") == []
    reading = answer(knowledge, "who met at the dmz").reading
    assert reading is not None
    assert [credit.in_articles for credit in reading.concepts if credit.concept.said == "dmz"] == [True]
    assert "no article uses it" not in reading_text(answer(knowledge, "who met at the dmz"))
    # A word the titles do not say either still is one.
    assert words_in_no_article(knowledge, "who met at the zyxw") == ["zyxw"]


def test_compare_finds_the_article_a_title_word_names(knowledge_copy: Path) -> None:
    comparison = commands.compare(_store(knowledge_copy), "dmz")
    assert [outlet.publisher for outlet in comparison.outlets] == ["Reuters"]
    for quote in comparison.outlets[0].quotes:
        assert quote.text in BODY.replace("\n    ", "\n") and "DMZ" not in quote.text
