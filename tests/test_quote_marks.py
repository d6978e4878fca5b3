"""A quote that opens or closes with the article's own quotation mark is shown without doubled marks
(““President …”), and every renderer still shows the article's characters unchanged."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from bot.answers import Answer
from bot.knowledge.store import KnowledgeStore
from bot.quotes import Quote
from bot.render import discord_render, slack_render
from bot.render.text import answer_text
from bot.timeline.export import timelinejs
from bot.timeline.models import EventDate, TimelineEvent
from tests.conftest import write_article

# Made-up sentences: quotations at the start, at the end (before and after the full stop), none.
SPOKEN_FIRST = "“We are ready to talk at any time,” the envoy said on Monday."
SPOKEN_LAST = "The envoy said the offer was “final and generous.”"
MARK_BEFORE_STOP = "The envoy called the offer “final and generous”."
NO_MARKS = "The envoys met for two hours on Monday."
BODY = " ".join([SPOKEN_FIRST, SPOKEN_LAST, MARK_BEFORE_STOP, NO_MARKS])
DOUBLED = re.compile(r"[“\"]{2}|[”\"]{2}|”\.”")


def quote_of(tmp_path: Path, sentence: str) -> Quote:
    write_article(tmp_path / "k", "talks", BODY)
    article = KnowledgeStore(tmp_path / "k").current.articles["talks"]
    start = article.body.index(sentence)
    return Quote(article, start, start + len(sentence))


def terminal(quote: Quote) -> str:
    block = answer_text(Answer("what did the envoy say?", quotes=(quote,))).split("\n\n")[1]
    shown = block.split("\n   — ")[0].removeprefix("1. ")
    return " ".join(shown.split("\n   "))  # the wrapped lines joined again


def slack_fallback(quote: Quote) -> str:
    message = slack_render.answer_message(Answer("what did the envoy say?", quotes=(quote,)))
    return slack_render.unescape(message.text.splitlines()[1]).removesuffix(" (Test Gazette)")


def timeline_page(quote: Quote) -> str:
    event = TimelineEvent(EventDate(2019, 3, 1), False, "The envoy speaks", (quote,))
    slide_text = timelinejs([event], "Talks")["events"][0]["text"]["text"]  # type: ignore[index]
    return html.unescape(re.search(r"<blockquote>(.*?)</blockquote>", slide_text).group(1))  # type: ignore[union-attr]


RENDERERS = [terminal, slack_fallback, timeline_page]


@pytest.mark.parametrize("render", RENDERERS)
@pytest.mark.parametrize("sentence", [SPOKEN_FIRST, SPOKEN_LAST, MARK_BEFORE_STOP])
def test_the_article_s_own_marks_are_not_doubled_and_its_text_is_unchanged(tmp_path: Path, render, sentence: str) -> None:
    shown = render(quote_of(tmp_path, sentence))
    assert not DOUBLED.search(shown), shown
    assert shown == sentence  # the verbatim slice, marks and all: the renderer adds none to it


@pytest.mark.parametrize("render", RENDERERS)
def test_a_quote_without_marks_of_its_own_is_put_in_quotation_marks(tmp_path: Path, render) -> None:
    assert render(quote_of(tmp_path, NO_MARKS)) == f"“{NO_MARKS}”"


@pytest.mark.parametrize("sentence", [SPOKEN_FIRST, SPOKEN_LAST, NO_MARKS])
def test_discord_block_quotes_show_the_slice_as_it_is(tmp_path: Path, sentence: str) -> None:
    (embed,) = discord_render.answer_embeds(Answer("what did the envoy say?", quotes=(quote_of(tmp_path, sentence),)))
    assert f"> {sentence}\n" in (embed.description or "")
