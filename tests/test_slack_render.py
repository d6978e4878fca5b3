"""Block Kit rendering: quotes verbatim or cut with an ellipsis, Slack's limits, escaping, no pings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.answers import Answer, Declined
from bot.context import ContextRef
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.store import KnowledgeStore
from bot.quotes import Quote
from bot.render import slack_render
from bot.render.shorten import ELLIPSIS
from bot.render.slack_render import MAX_BLOCKS, SECTION_LIMIT, TimelinePage
from bot.timeline.models import EventDate, TimelineEvent
from tests.conftest import write_article
from tests.slack_checks import assert_no_pings, assert_valid_blocks

HOSTILE = (
    "Attention <!channel> and <!here> and <!everyone>: <@U024BE7LH> told <!subteam^S012ABC|team> "
    "that talks & sanctions <b>collapsed</b> in Hanoi."
)


def make_events(knowledge: KnowledgeBase, count: int) -> list[TimelineEvent]:
    """Hand-built events (the real timeline is built elsewhere), each backed by a real quote."""
    article = next(iter(knowledge.articles.values()))
    events = []
    for n in range(count):
        start = n * 10
        quote = Quote(article, start, start + 40)
        events.append(TimelineEvent(EventDate(2018, 1 + n % 12, 1 + n), n % 3 == 0, f"Event number {n} <!here>", (quote,)))
    return events


def hostile_quote(tmp_path: Path, body: str = HOSTILE) -> Quote:
    write_article(tmp_path / "k", "hostile", body, title="A <!channel> title & more", url="https://example.com/a?x=1&y=2")
    article = KnowledgeStore(tmp_path / "k").current.articles["hostile"]
    return Quote(article, 0, len(article.body.rstrip()))


def test_mentions_and_markup_in_articles_and_questions_are_escaped(tmp_path: Path) -> None:
    quote = hostile_quote(tmp_path)
    message = slack_render.answer_message(Answer("Why <!here> did <@U1> leave?", quotes=(quote,)))
    assert_valid_blocks(message.blocks)
    assert_no_pings(message.as_kwargs())
    section = message.blocks[2]["text"]["text"]
    assert section.startswith(">Attention &lt;!channel&gt;")
    assert "talks &amp; sanctions &lt;b&gt;collapsed&lt;/b&gt;" in section
    source = message.blocks[3]["elements"][0]["text"]
    assert "<https://example.com/a?x=1&amp;y=2|A &lt;!channel&gt; title &amp; more>" in source
    assert "&lt;!here&gt;" in message.blocks[0]["elements"][0]["text"]


def test_a_follow_up_names_its_earlier_question_escaped(tmp_path: Path) -> None:
    quote = hostile_quote(tmp_path, "The talks collapsed in Hanoi.")
    message = slack_render.answer_message(Answer("and why?", quotes=(quote,), follows="Did <!channel> & <@U1> see Hanoi fail?"))
    assert_no_pings(message.as_kwargs())
    intro = "Reading this with your earlier question “Did &lt;!channel&gt; &amp; &lt;@U1&gt; see Hanoi fail?”, from the articles:"
    assert message.blocks[1]["text"]["text"] == intro
    assert message.as_kwargs()["text"].startswith(intro + "\n")  # the notification text: escaped once


def test_a_long_quote_is_cut_with_an_ellipsis_never_reworded(tmp_path: Path) -> None:
    body = " ".join(f"Sentence {n} says that Kim & Trump met <again>." for n in range(400))
    quote = hostile_quote(tmp_path, body)
    (section, _context, _actions) = slack_render.quote_blocks(quote, "more_context_1")
    text = section["text"]["text"]
    assert len(text) <= SECTION_LIMIT
    assert text.endswith(ELLIPSIS)
    shown = slack_render.unescape(text[1:-1])  # without ">" and the ellipsis
    assert quote.text.startswith(shown.rstrip())


def test_multi_line_quotes_stay_one_block_quote(tmp_path: Path) -> None:
    text = slack_render.quote_text("first line\n\nsecond > line")
    assert text == ">first line\n>\n>second &gt; line"


def test_the_more_context_button_finds_the_quote_again(bundled_store: KnowledgeStore) -> None:
    article = next(iter(bundled_store.current.articles.values()))
    quote = Quote(article, 0, 60)
    (_s, _c, actions) = slack_render.quote_blocks(quote, "more_context_1")
    ref = ContextRef.decode(actions["elements"][0]["value"])
    assert ref is not None and (ref.article_id, ref.start, ref.end) == (article.id, 0, 60)


def test_declined_answer_offers_closest_clearly_marked(bundled_store: KnowledgeStore) -> None:
    article = next(iter(bundled_store.current.articles.values()))
    message = slack_render.answer_message(Answer("q", declined=Declined.NOT_COVERED, closest=(Quote(article, 0, 50),)))
    texts = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert texts[0] == "The articles I have do not cover that, so I won't guess."
    assert "do not answer the question" in texts[1]


def test_timeline_page_with_more_button_and_limits(bundled_store: KnowledgeStore) -> None:
    events = make_events(bundled_store.current, 20)
    message = slack_render.timeline_message(events, TimelinePage(topic="hanoi", date_from=dt.date(2018, 1, 1)))
    assert len(message.blocks) <= MAX_BLOCKS
    assert_no_pings(message.as_kwargs())
    assert "*about January 1, 2018* Event number 0 &lt;!here&gt;" in message.blocks[1]["text"]["text"]
    button = message.blocks[-1]["elements"][0]
    assert TimelinePage.decode(button["value"]) == TimelinePage(8, "hanoi", dt.date(2018, 1, 1), None)
    last = slack_render.timeline_message(events, TimelinePage(offset=16))
    assert last.blocks[-1]["type"] != "actions"


def test_timeline_page_decode_rejects_garbage() -> None:
    assert TimelinePage.decode("not json") is None
    assert TimelinePage.decode('{"o": "x"}') is None


def test_many_sources_fit_in_fifty_blocks(bundled_store: KnowledgeStore) -> None:
    articles = list(bundled_store.current.articles.values()) * 400
    message = slack_render.sources_message(articles)
    assert_valid_blocks(message.blocks)
    assert message.blocks[-1]["text"]["text"].startswith("…and ")


def test_escapes_never_push_text_past_the_limit_or_get_cut_in_half() -> None:
    fitted = slack_render.fit("Q&A " * 2000, SECTION_LIMIT)
    assert len(fitted) <= SECTION_LIMIT and fitted.endswith(ELLIPSIS)
    assert fitted.replace("Q&amp;A", "").strip(" " + ELLIPSIS) == ""
    message = slack_render.text_message("<!channel> " * 1000)
    assert_valid_blocks(message.blocks)
    assert_no_pings(message.as_kwargs())
