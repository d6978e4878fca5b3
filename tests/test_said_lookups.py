"""/said finds the person a user means: possessives, a first name said another way, a partial
quotation reported after "said the …", and only names close in spelling offered."""

from __future__ import annotations

from pathlib import Path

from bot import commands
from bot.knowledge.store import KnowledgeStore
from tests.conftest import write_article

BODY = """
    Donald Trump on Sunday became the first sitting U.S. president to set foot in North Korea, stepping across the demarcation line to shake hands with Kim Jong Un.

    Kim said the meeting was meant to “put an end to an unfortunate past,” according to an interpreter.
"""


def test_a_partial_quotation_a_named_speaker_reports_is_theirs_not_the_interpreter_s(knowledge_copy: Path) -> None:
    write_article(knowledge_copy, "reuters-2019-06-30-dmz", BODY, publisher="Reuters", published="2019-06-30")
    lookup = commands.said(KnowledgeStore(knowledge_copy), "kim")
    assert lookup.speaker is not None and lookup.speaker.name == "Kim Jong Un"
    assert [q.quote.text for q in lookup.speaker.quotations] == ["put an end to an unfortunate past"]


def test_a_possessive_name_finds_the_speaker(bundled_store: KnowledgeStore) -> None:
    for name in ("lynn rusten's", "Rusten’s", "Trump's"):
        lookup = commands.said(bundled_store, name)
        assert lookup.speaker is not None, name
    assert commands.said(bundled_store, "lynn rusten's").speaker.name == "Lynn Rusten"  # type: ignore[union-attr]


def test_a_first_name_said_another_way_finds_the_one_speaker_with_that_surname(bundled_store: KnowledgeStore) -> None:
    lookup = commands.said(bundled_store, "joe yun")
    assert lookup.speaker is not None and lookup.speaker.name == "Joseph Yun"
    # A first name with another initial is someone else: only names close in spelling are offered.
    other = commands.said(bundled_store, "bob yun")
    assert other.speaker is None


def test_only_names_close_in_spelling_are_offered(bundled_store: KnowledgeStore) -> None:
    lookup = commands.said(bundled_store, "pompeo")
    assert lookup.speaker is None and lookup.candidates == ()
    assert [s.name for s in commands.said(bundled_store, "Galuci").candidates] == ["Robert Gallucci"]


def test_a_bare_title_finds_the_one_speaker_whose_role_it_is(bundled_store: KnowledgeStore) -> None:
    """"/said president" is the speaker whose role is President, as "what did the president say" reads it."""
    lookup = commands.said(bundled_store, "president")
    assert lookup.speaker is not None and lookup.speaker.name == "Donald Trump" and lookup.speaker.role == "President"


def test_a_name_then_a_topic_shows_the_speaker_and_points_to_ask(bundled_store: KnowledgeStore) -> None:
    """"/said rusten sanctions" (a new user's first try) said no one of that name is quoted."""
    lookup = commands.said(bundled_store, "rusten about sanctions")
    assert lookup.speaker is not None and lookup.speaker.name == "Lynn Rusten" and lookup.topic == "sanctions"
    assert lookup.speaker.quotations == commands.said(bundled_store, "rusten").speaker.quotations  # type: ignore[union-attr]


def test_words_after_a_name_that_are_no_article_s_words_are_not_a_topic(bundled_store: KnowledgeStore) -> None:
    # "john smith" is nobody quoted, never John-someone with "smith" left over; nor is a name
    # followed by another quoted person's name ("rusten yun") one of them.
    for typed in ("joseph qwertyzzz", "rusten yun"):
        lookup = commands.said(bundled_store, typed)
        assert lookup.speaker is None, typed
