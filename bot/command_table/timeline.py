"""/timeline [TOPIC] [FROM] [TO]: the dated events in the articles, each backed by a quote."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot import commands, messages
from bot.command_table.model import Call, Command, Option
from bot.knowledge.store import KnowledgeStore
from bot.timeline.models import TimelineEvent

# A Discord page button carries the topic in its custom_id, which Discord caps at 100 characters.
TOPIC_MAX = 60


@dataclass(frozen=True, slots=True)
class Timeline:
    events: list[TimelineEvent]
    topic: str | None
    date_from: dt.date | None
    date_to: dt.date | None
    outside_dates: int = 0  # events on the topic the dates left out, counted when none is left
    swapped: tuple[str, str] | None = None  # the dates as typed, the earlier first, when typed the other way round


def check_date(option: str, value: str) -> str | None:
    """The problem with a FROM or TO value. It does not name the option: in a chat the dates are
    the command's last words ("/timeline 2019-13"), and no one typed "from"."""
    try:
        commands.date_range(value, None)
    except commands.BadDate:
        return messages.timeline_bad_date(value)
    return None


def from_text(text: str) -> dict[str, str]:
    topic, start, end = commands.split_timeline_text(text)
    given = {"topic": topic, "from": start, "to": end}
    return {name: value for name, value in given.items() if value}


def run(store: KnowledgeStore, call: Call) -> Timeline:
    # The dates were checked (Option.check); two the wrong way round are read the right way round,
    # and every front end's reply says so (Timeline.swapped).
    typed = (call.text("from") or None, call.text("to") or None)
    start, end = commands.date_range(*typed)
    topic = call.text("topic") or None
    events = commands.timeline(store, topic, start, end)
    left_out = commands.left_out_by_dates(store, topic, start, end, len(events))
    return Timeline(events, topic, start, end, left_out, commands.swapped_dates(*typed))


COMMAND = Command(
    name="timeline",
    description="The dated events in the articles, each backed by a quote.",
    help=(
        "The dated events in the articles, each with a quote. One date (YYYY, YYYY-MM or YYYY-MM-DD) "
        "is that year, month or day; two are a span."
    ),
    options=(
        Option("topic", "Only events about this (optional)", max_length=TOPIC_MAX),
        Option("from", "From this date: YYYY, YYYY-MM or YYYY-MM-DD", min_length=4, max_length=10, check=check_date),
        Option("to", "Up to this date: YYYY, YYYY-MM or YYYY-MM-DD", min_length=4, max_length=10, check=check_date),
    ),
    handler=run,
    from_text=from_text,
    slow=True,
)
