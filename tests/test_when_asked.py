"""A question asking when something happened leads with the timeline's event it asks about.

"when did trump and kim first meet?" quoted the Hanoi summit's collapse first and "when was the
singapore summit?" the 1994 Agreed Framework, while /timeline dates the Singapore summit June 2018
with a quote that backs it. The answer now leads with that event (its date as the timeline has
it, labelled, and a verbatim quote), then its usual quotes; without a matching event it is as before.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from bot import commands, messages
from bot.answers import Answer, answer
from bot.context import ContextRef, reference_for
from bot.frontends.discord_buttons import answer_view
from bot.frontends.terminal import Conversation, reply_to
from bot.knowledge.store import KnowledgeStore
from bot.quotes import Quote
from bot.render import discord_render, slack_render
from bot.search.answer_type import asks_about_the_past
from bot.timeline.models import AskedEvent, EventDate, TimelineEvent
from tests.cli_helpers import run_bot
from tests.slack_checks import assert_no_pings, assert_valid_blocks

FIRST_MEETING = "when did trump and kim first meet?"


def _singapore(store: KnowledgeStore) -> TimelineEvent:
    """The fixture's curated entry for the first summit (June 2018, its month only)."""
    return next(e for e in store.current.timeline if e.curated and e.date == EventDate(2018, 6) and "Singapore" in e.title)


def _holds_a_quote_of(quote: Quote, event: TimelineEvent) -> bool:
    return any(q.article.id == quote.article.id and quote.start <= q.start and q.end <= quote.end for q in event.quotes)


@pytest.mark.parametrize("question", [FIRST_MEETING, "when was the singapore summit?"])
def test_a_when_question_leads_with_the_event_its_date_and_a_verbatim_quote_backing_it(bundled_store: KnowledgeStore, question: str) -> None:
    result = commands.ask(bundled_store, question, frontend="test")
    assert result.answered and result.asked_event is not None
    assert result.asked_event.event == _singapore(bundled_store)
    quote = result.asked_event.quote
    assert quote.article.body[quote.start : quote.end] == quote.text  # an exact slice of the article
    assert _holds_a_quote_of(quote, result.asked_event.event)  # the quote is one that backs the date
    assert result.shown_quotes[0] == quote and result.quotes  # the usual quotes follow


def test_the_command_line_shows_the_timelines_date_labelled_then_the_quote_then_the_usual_quotes(bundled_store: KnowledgeStore) -> None:
    printed = run_bot("ask", FIRST_MEETING)
    assert printed.returncode == 0
    event = _singapore(bundled_store)
    lead, first_quote, *rest = printed.stdout.strip().split("\n\n")
    assert lead == f"On the timeline: June 2018 — {event.title} (the date of an entry the maintainers curated). The quote that backs it:"
    assert first_quote.startswith("1. ")
    assert rest[0] == messages.ASKED_EVENT_MORE and rest[1].startswith("2. ")
    data = json.loads(run_bot("ask", "--json", FIRST_MEETING).stdout)
    shown = data["asked_event"]
    assert (shown["label"], shown["title"], shown["curated"]) == ("June 2018", event.title, True)
    article = bundled_store.current.articles[shown["quote"]["article"]["id"]]
    assert article.body[shown["quote"]["start"] : shown["quote"]["end"]] == shown["quote"]["text"]
    assert data["quotes"]  # the usual quotes, as before


def test_the_timeline_only_adds_the_lead_and_a_question_no_event_matches_is_answered_as_before(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    without_timeline = dataclasses.replace(knowledge, timeline=())
    led = answer(knowledge, FIRST_MEETING)
    assert led.asked_event is not None and led.quotes == answer(without_timeline, FIRST_MEETING).quotes
    # Answered (loosely), but the timeline has no event its own quotes say this of; and one asking
    # when something will happen, which no past event tells.
    for unmatched in ("when did nk blow up the punggye-ri test site", "when is the next trump-kim summit supposed to happen?"):
        alone = answer(knowledge, unmatched)
        assert alone.answered and alone.asked_event is None, unmatched
        assert alone == answer(without_timeline, unmatched)
        shown = reply_to(bundled_store, unmatched, Conversation(user="ann"))
        assert shown is not None and shown.startswith(messages.ANSWER_INTRO + "\n\n1. ")


@pytest.mark.parametrize(
    ("question", "past"),
    [
        ("when did trump and kim first meet?", True),
        ("What year was the Agreed Framework signed?", True),
        ("hey bot, when didn't they meet?", True),
        ("when trump met kim?", True),  # no auxiliary: the verb carries the tense
        ("the summit in Hanoi failed on which day?", True),
        ("when's the next summit?", False),
        ("When and where is the next Trump-Kim summit scheduled?", False),
        ("when do leaders usually hold a summit?", False),
        ("when will north korea give up its nukes?", False),
    ],
)
def test_a_question_asks_when_something_happened_by_its_first_auxiliarys_tense(question: str, past: bool) -> None:
    assert asks_about_the_past(question) is past


def test_a_day_asked_for_is_not_told_by_an_event_dated_only_to_its_month_nor_by_another_event(bundled_store: KnowledgeStore) -> None:
    asked = commands.ask(bundled_store, "What was the exact date of the Singapore summit between Trump and Kim?", frontend="test")
    assert asked.answered and asked.asked_event is None
    month = commands.ask(bundled_store, "what month did trump and kim first meet?", frontend="test")
    assert month.asked_event is not None and month.asked_event.event == _singapore(bundled_store)


def test_an_event_whose_quotes_say_less_of_the_question_than_the_answer_does_does_not_lead(bundled_store: KnowledgeStore) -> None:
    """"when did kim say he would denuclearise?" was led by "Trump commits to a summit with Kim Jong
    Un", whose quotes name Kim and are near the question in meaning but say nothing of
    denuclearising: the event that leads holds as much of the question as the answer's passage."""
    result = commands.ask(bundled_store, "when did kim say he would denuclearise?", frontend="test")
    assert result.answered and result.asked_event is not None
    assert result.asked_event.event == _singapore(bundled_store)  # its quote: the Singapore accord's "complete denuclearization"


def test_a_date_found_in_the_articles_is_labelled_as_such(bundled_store: KnowledgeStore) -> None:
    result = commands.ask(bundled_store, "when did joseph yun question the trump administration's diplomatic approach?", frontend="test")
    assert result.asked_event is not None and not result.asked_event.event.curated
    assert "(a date found in the articles, not curated)" in messages.asked_event_intro(result)
    assert result.asked_event.event.label in messages.asked_event_intro(result)


def _led(store: KnowledgeStore) -> Answer:
    result = commands.ask(store, FIRST_MEETING, frontend="test")
    assert result.asked_event is not None
    return result


def test_discord_leads_with_the_event_and_gives_each_quote_shown_its_button(bundled_store: KnowledgeStore) -> None:
    result = _led(bundled_store)
    [embed] = discord_render.answer_embeds(result)
    assert embed.description is not None and discord_render.within_limits([embed])
    lead, first = embed.description.split("\n\n")[:2]
    assert lead == messages.asked_event_intro(result, discord_render.user_text)
    assert first.startswith("> ") and result.asked_event is not None
    assert result.asked_event.quote.text.split("\n")[0][:60] in first
    assert embed.description.count(messages.ASKED_EVENT_MORE) == (1 if result.following_quotes else 0)
    # "More context" under each quote shown, the event's first, in the order shown.
    ids = [item.custom_id for item in answer_view(result).children]  # type: ignore[attr-defined]
    assert [ContextRef.decode(i) for i in ids if i.startswith("ctx:")] == [reference_for(q) for q in result.shown_quotes]


def test_a_long_lead_quote_still_fits_discords_limits(bundled_store: KnowledgeStore) -> None:
    result = _led(bundled_store)
    assert result.asked_event is not None
    article = result.asked_event.quote.article
    whole = Quote(article, 0, len(article.body))  # an event quote as long as its article
    long_lead = dataclasses.replace(result, asked_event=AskedEvent(result.asked_event.event, whole))
    assert discord_render.within_limits(discord_render.answer_embeds(long_lead))


def test_slack_leads_with_the_event_over_its_quote_then_the_usual_quotes(bundled_store: KnowledgeStore) -> None:
    result = _led(bundled_store)
    message = slack_render.answer_message(result)
    assert_valid_blocks(message.blocks)
    assert_no_pings(message.as_kwargs())
    sections = [block["text"]["text"] for block in message.blocks if block["type"] == "section"]
    assert sections[0] == slack_render.escape(messages.asked_event_intro(result))
    assert sections[1] == slack_render.quote_text(result.shown_quotes[0].text)
    assert sections[2] == messages.ASKED_EVENT_MORE
    assert sections[3:] == [slack_render.quote_text(q.text) for q in result.following_quotes]
    assert message.text.startswith(messages.asked_event_intro(result))
    action_ids = [e["action_id"] for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert len(action_ids) == len(set(action_ids))
