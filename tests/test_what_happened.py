"""A question asking only what happened at a time is answered with the timeline's events then.

A walkthrough's "what happened in march 2018" quoted loosely related sentences (the ranking had
nothing but the time's words to go on) while `/timeline 2018-03` listed the month's two events;
"anything happen in october 2018?" quoted sentences of 2019 instead of saying there is nothing.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot import commands, messages
from bot.answers import Answer, Declined
from bot.frontends.terminal import Conversation, reply_to
from bot.knowledge.store import KnowledgeStore
from bot.render import discord_render, slack_render
from bot.timeline.asked_time import times_asked
from bot.timeline.models import EventDate
from bot.what_happened import EVENTS_SHOWN, asks_only_what_happened
from tests.cli_helpers import run_bot


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("what happened in march 2018", dt.date(2018, 3, 1), dt.date(2018, 3, 31)),
        ("what happened on february 27 2019", dt.date(2019, 2, 27), dt.date(2019, 2, 27)),
        ("anything happen in october 2018?", dt.date(2018, 10, 1), dt.date(2018, 10, 31)),
        ("What went on in Feb 2019?", dt.date(2019, 2, 1), dt.date(2019, 2, 28)),
        ("any news from 2018?", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
        ("what occurred between March 2018 and February 2019", dt.date(2018, 3, 1), dt.date(2019, 2, 28)),
        # A day in figures: ISO, dots day first, slashes month first unless the day says otherwise.
        ("what happened on 2018-06-12", dt.date(2018, 6, 12), dt.date(2018, 6, 12)),
        ("what happened on 12.06.2018", dt.date(2018, 6, 12), dt.date(2018, 6, 12)),
        ("what happened on 6/12/2018", dt.date(2018, 6, 12), dt.date(2018, 6, 12)),
        ("what happened on 30/6/2019?", dt.date(2019, 6, 30), dt.date(2019, 6, 30)),
    ],
)
def test_a_question_naming_only_a_time_and_a_happening_asks_what_happened_then(question: str, first: dt.date, last: dt.date) -> None:
    time = asks_only_what_happened(question, times_asked(question))
    assert time is not None and (time.first, time.last) == (first, last)


@pytest.mark.parametrize(
    "question",
    [
        "what happened in march 2018 with pompeo",  # a name: a question about him
        "what happened at the summit in february 2019",  # a thing
        "what did trump say in march 2018",  # a verb of its own
        "what happened in march 2018 and february 2019",  # two times: left to the ranking
        "what happened last june",  # no time the question names outright
        "what happened before june 2018",  # an order in time: not the events of June
        "what happened since june 2018",
        "what happened after february 2019",
        "what did not happen in march 2018",  # a negation
        "who was there in june 2018",  # another question word: a person is asked for
        "how many in 2018?",
        "when was june 2018?",
    ],
)
def test_a_question_with_anything_else_to_look_for_is_ranked_as_before(question: str) -> None:
    assert asks_only_what_happened(question, times_asked(question)) is None


def _assert_quotes_are_the_timeline_events_first_quotes(store: KnowledgeStore, answer: Answer, first: dt.date, last: dt.date) -> None:
    events = commands.timeline(store, None, first, last)
    assert events, "the fixture's timeline has events then"
    assert answer.answered and answer.what_happened is not None
    assert answer.what_happened.events == tuple(events)
    assert answer.quotes == tuple(event.quotes[0] for event in events[:EVENTS_SHOWN])
    for quote in answer.quotes:
        assert quote.article.body[quote.start : quote.end] == quote.text  # verbatim


def test_what_happened_in_a_month_is_the_timeline_of_that_month_on_every_path(bundled_store: KnowledgeStore) -> None:
    answer = commands.ask(bundled_store, "what happened in march 2018", frontend="test")
    _assert_quotes_are_the_timeline_events_first_quotes(bundled_store, answer, dt.date(2018, 3, 1), dt.date(2018, 3, 31))
    # In a thread, after another question, it is a question of its own.
    followed = commands.ask(bundled_store, "What happened on February 27, 2019?", frontend="test", earlier_questions=["why did hanoi fail?"])
    assert followed.answered and followed.what_happened is not None and followed.follows is None
    # The terminal shows each event with every quote, as /timeline does.
    shown = reply_to(bundled_store, "what happened in march 2018", Conversation(user="ann"))
    timeline_shown = reply_to(bundled_store, "/timeline 2018-03", Conversation(user="ann"))
    assert shown is not None and timeline_shown is not None
    assert shown.startswith("The articles have 2 dated events in March 2018, oldest first, each with the quote that backs it:")
    assert shown.split("\n\n", 1)[1] == timeline_shown.split("\n\n", 1)[1]


def test_a_time_with_no_events_is_said_plainly_and_a_time_after_the_articles_as_before(bundled_store: KnowledgeStore) -> None:
    none = commands.ask(bundled_store, "anything happen in october 2018?", frontend="test")
    assert none.declined is Declined.NOT_COVERED and none.closest == ()
    assert messages.decline_message(none) == "The articles have no dated events in October 2018."
    later = commands.ask(bundled_store, "what happened in 2020", frontend="test")
    assert messages.decline_message(later) == "The articles run to February 28, 2019, so they cannot tell you about 2020."


def test_a_chat_message_shows_the_first_events_and_names_the_timeline_that_lists_them_all(bundled_store: KnowledgeStore) -> None:
    answer = commands.ask(bundled_store, "what happened between march 2018 and march 2019?", frontend="test")
    assert answer.what_happened is not None and len(answer.what_happened.events) > EVENTS_SHOWN
    assert len(answer.quotes) == EVENTS_SHOWN
    count = len(answer.what_happened.events)
    assert messages.answer_intro(answer) == (
        f"The articles have {count} dated events from March 2018 to March 2019; here are the first {EVENTS_SHOWN}, oldest first, "
        "each with the quote that backs it (/timeline 2018-03 2019-03 lists them all):"
    )
    [embed] = discord_render.answer_embeds(answer)
    assert discord_render.within_limits([embed])
    shown = reply_to(bundled_store, "what happened between march 2018 and march 2019?", Conversation(user="ann"))
    assert shown is not None and all(event.title in shown for event in answer.what_happened.events)  # the terminal shows them all


def test_discord_slack_and_json_show_each_event_over_its_quote(bundled_store: KnowledgeStore) -> None:
    answer = commands.ask(bundled_store, "what happened in march 2018", frontend="test")
    assert answer.what_happened is not None
    titles = [event.title for event in answer.what_happened.events]
    [embed] = discord_render.answer_embeds(answer)
    assert embed.description is not None and all(title in embed.description for title in titles)
    assert discord_render.within_limits([embed])
    message = slack_render.answer_message(answer)
    sections = [block["text"]["text"] for block in message.blocks if block["type"] == "section"]
    assert all(any(title in section for section in sections) for title in titles)
    printed = run_bot("ask", "--json", "what happened in march 2018")
    assert printed.returncode == 0
    data = json.loads(printed.stdout)
    assert data["answered"] is True and [event["title"] for event in data["events"]] == titles
    declined = json.loads(run_bot("ask", "--json", "anything happen in october 2018?").stdout)
    assert declined["events"] == [] and declined["message"] == "The articles have no dated events in October 2018."


def test_a_day_lists_every_event_some_source_dates_that_day_and_none_dated_only_to_its_month(bundled_store: KnowledgeStore) -> None:
    """"anything happen on february 27, 2019?" listed an event dated only "about February 2019" as
    on that day, and left out the summit's end, which one article dates February 28 and another 27."""
    day = dt.date(2019, 2, 27)
    timeline = bundled_store.current.timeline

    def on_the_day(date: EventDate) -> bool:
        return date.first_day() == date.last_day() == day

    dated_that_day = [e for e in timeline if on_the_day(e.date) or any(on_the_day(other.date) for other in e.other_dates)]
    month_only = [e for e in timeline if e.date.day is None and e.date.first_day() <= day <= e.date.last_day()]
    by_another_source = [e for e in dated_that_day if not on_the_day(e.date)]
    assert month_only and by_another_source, "the fixture's timeline has both kinds"
    for question in ("anything happen on february 27, 2019?", "what happened on feb 27 2019"):
        answer = commands.ask(bundled_store, question, frontend="test")
        assert answer.what_happened is not None and answer.what_happened.events == tuple(dated_that_day), question
    shown = reply_to(bundled_store, "anything happen on february 27, 2019?", Conversation(user="ann"))
    assert shown is not None and all(event.title in shown for event in by_another_source)
    assert not any(event.title in shown for event in month_only), shown
