"""The timeline as plain text for the terminal chat and the command line."""

from __future__ import annotations

from collections.abc import Sequence

from bot import messages
from bot.render.text import quote_block
from bot.timeline.models import TimelineEvent


def event_text(event: TimelineEvent) -> str:
    """An event with its quotes; an announced one comes under its own heading, so its date is plain."""
    lines = [f"{event.label}: {event.title}"]
    lines.extend(_indent(quote_block(q, n)) for n, q in enumerate(event.quotes, 1))
    for other in event.other_dates:
        lines.append(f"  {messages.timeline_other_date(other.date.label(other.approximate))}")
        lines.extend(_indent(quote_block(q, n)) for n, q in enumerate(other.quotes, 1))
    return "\n".join(lines)


def timeline_text(events: Sequence[TimelineEvent], topic: str | None = None, outside_dates: int = 0, *, intro: str | None = None) -> str:
    """What happened, oldest first, then what was announced, under its own heading.
    `outside_dates`: the events on the topic the dates left out, said when none is left. `intro`:
    the line before the events, when another than /timeline's (an answer to "what happened in 2018?")."""
    if not events:
        return messages.timeline_empty(topic, outside_dates)
    happened = [e for e in events if not e.announced]
    announced = [e for e in events if e.announced]
    parts = [intro or messages.timeline_intro(len(happened), topic, len(announced)), *(event_text(e) for e in happened)]
    if announced:
        parts.extend([messages.TIMELINE_ANNOUNCED_HEADING, *(event_text(e) for e in announced)])
    return "\n\n".join(parts)


def _indent(block: str) -> str:
    return "\n".join(f"  {line}" for line in block.splitlines())
