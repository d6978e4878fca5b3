"""Irregular word forms: "held" is found by "hold", "met" by "meet", "mice" by "mouse"."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from bot.answers import answer
from bot.knowledge.base import build_knowledge_base
from bot.search.normalise import terms
from bot.search.word_forms import WORD_FORMS
from tests.conftest import words_only, write_article


def test_irregular_inflections_share_their_lemma_term() -> None:
    assert terms("held") == terms("hold") == terms("holds") == terms("holding")
    assert terms("the envoys met") == terms("the envoys meet")
    assert terms("they fled") == terms("they flee")
    assert terms("mice") == terms("mouse")
    assert terms("the largest") == terms("larger") == terms("large")


def test_words_that_are_also_base_forms_keep_their_own_term() -> None:
    # "left" is the side as well as "leave"; "saw" the tool as well as "see"; "found" is "to found".
    assert terms("left") == ["left"] and terms("leave") != ["left"]
    assert terms("saw") == ["saw"]
    assert terms("found") == ["found"]


def _answering_article(folder: Path, question: str, **bodies: str) -> str | None:
    for article_id, body in bodies.items():
        write_article(folder, article_id, body)
    result = answer(words_only(build_knowledge_base(folder)), question)
    return result.quotes[0].article.id if result.answered else None


def test_a_question_in_the_base_form_finds_the_irregular_form(tmp_path: Path) -> None:
    answering = _answering_article(
        tmp_path,
        "Where did the envoys hold their talks?",
        one="The envoys praised their talks at a lakeside villa near Oslo.",
        two="The envoys held their talks at a lakeside villa near Oslo.",
        three="Bananas are rich in potassium and grow in the tropics.",
    )
    assert answering == "two"


def test_a_question_in_the_irregular_form_quotes_only_the_base_form(tmp_path: Path) -> None:
    """"mice" is "mouse" itself, not a looser word for it: the cat is not offered as well."""
    write_article(tmp_path, "one", "A cat escaped from the laboratory at night.")
    write_article(tmp_path, "two", "A mouse escaped from the laboratory at night.")
    write_article(tmp_path, "three", "Bananas are rich in potassium and grow in the tropics.")
    result = answer(words_only(build_knowledge_base(tmp_path)), "Did the mice escape from the laboratory?")
    assert [quote.article.id for quote in result.quotes] == ["two"]


@pytest.mark.skipif(importlib.util.find_spec("lemminflect") is None, reason="the lemmatiser is a test extra")
def test_the_shipped_table_is_the_one_the_lemmatiser_gives() -> None:
    from tools.build_word_forms import table_text

    assert gzip.decompress(WORD_FORMS.read_bytes()).decode("ascii") == table_text()
