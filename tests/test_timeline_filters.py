"""/timeline's dates as people type them: "from … to …", flags in a chat, seasons and months,
and a topic the dates left out."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import commands
from bot.command_table.timeline import Timeline
from bot.frontends.discord_replies import reply as discord_reply
from bot.frontends.terminal import reply_to
from bot.knowledge.store import KnowledgeStore
from bot.render.slack_replies import reply as slack_reply


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("from 2018 to 2019", (None, dt.date(2018, 1, 1), dt.date(2019, 12, 31))),
        ("--from 2018", (None, dt.date(2018, 1, 1), None)),
        ("pompeo --to 2018-06", ("pompeo", None, dt.date(2018, 6, 30))),
        ("summer 2018", (None, dt.date(2018, 6, 1), dt.date(2018, 8, 31))),
        ("winter 2018", (None, dt.date(2018, 12, 1), dt.date(2019, 2, 28))),
        ("talks since june 2018", ("talks", dt.date(2018, 6, 1), None)),
        ("hanoi feb 2019", ("hanoi", dt.date(2019, 2, 1), dt.date(2019, 2, 28))),
        # As before: up to two dates at the end; a date in the middle is a word of the topic.
        ("talks 2019 2018-06 2019-02", ("talks 2019", dt.date(2018, 6, 1), dt.date(2019, 2, 28))),
        ("from hanoi", ("from hanoi", None, None)),
    ],
)
def test_dates_are_read_as_english_writes_them(typed: str, read: tuple[str | None, dt.date | None, dt.date | None]) -> None:
    assert commands.parse_timeline_text(typed).astuple() == read


def test_a_chat_timeline_with_a_span_in_words_filters_by_it(bundled_store: KnowledgeStore) -> None:
    reply = reply_to(bundled_store, "/timeline summer 2018") or ""
    assert "Singapore" in reply and "about 'summer" not in reply
    assert "No dated events" not in (reply_to(bundled_store, "/timeline --from 2018") or "")


def test_a_topic_the_dates_left_out_is_said_to_be_outside_them(bundled_store: KnowledgeStore) -> None:
    # Pompeo's event is in March 2018.
    assert commands.timeline(bundled_store, "pompeo")
    reply = reply_to(bundled_store, "/timeline pompeo 2019") or ""
    assert reply == (
        "No dated events in the articles match 'pompeo' in those dates; 1 dated event about it falls outside them "
        "(ask without the dates to see them)."
    )
    assert (reply_to(bundled_store, "/timeline recipes 2019") or "") == "No dated events in the articles match 'recipes'."


def test_discord_and_slack_say_the_dates_left_the_topic_s_events_out() -> None:
    result = Timeline([], "pompeo", dt.date(2019, 1, 1), dt.date(2019, 12, 31), outside_dates=1)
    expected = "1 dated event about it falls outside them"
    assert expected in discord_reply(result)["content"]
    assert expected in slack_reply(result).text
