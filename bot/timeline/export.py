"""The timeline as JSON: the command line's own shape, and TimelineJS3's for publishing as a web page."""

from __future__ import annotations

import html
from collections.abc import Sequence

from bot import messages
from bot.knowledge.base import publisher_name
from bot.render.json_out import quote_dict
from bot.render.quote_marks import in_quote_marks
from bot.render.source import source_line
from bot.timeline.models import DatedSource, EventDate, TimelineEvent

TIMELINEJS_INTRO = "Dated events from news articles, each with the quote that backs it and its source."


def event_dict(event: TimelineEvent) -> dict[str, object]:
    return {
        "date": event.date.iso(),
        "precision": event.precision,
        "approximate": event.approximate,
        "season": event.date.season,  # "summer" for "summer 2018", whose date is the year: null otherwise
        "label": event.label,  # the date as people read it
        "end": event.end.iso() if event.end is not None else None,  # the last day of an event of several days
        "title": event.title,
        "quotes": [quote_dict(q) for q in event.quotes],
        "other_dates": [_other_date_dict(o) for o in event.other_dates],
        "curated": event.curated,
    }


def _other_date_dict(other: DatedSource) -> dict[str, object]:
    return {
        "date": other.date.iso(),
        "precision": other.date.precision,
        "approximate": other.approximate,
        "quotes": [quote_dict(q) for q in other.quotes],
    }


def timeline_dict(events: Sequence[TimelineEvent]) -> dict[str, object]:
    """What happened under "events"; plans, deadlines and promises not yet carried out when
    their article appeared under "announced", each as an event, by the date they name."""
    return {"events": [event_dict(e) for e in events if not e.announced], "announced": [event_dict(e) for e in events if e.announced]}


def timelinejs_date(date: EventDate, approximate: bool, *, end: bool = False) -> dict[str, str]:
    """A TimelineJS3 date object with only the parts the precision allows (strings, as its examples).
    A season runs from its first month to its last (`end`), so it stands where it happened, not at
    New Year, and keeps its own label ("summer 2018")."""
    label = date.label(approximate)
    if date.season_months is not None:
        date = date.season_months[1 if end else 0]
    parts = {"year": str(date.year)}
    if date.month is not None:
        parts["month"] = str(date.month)
    if date.day is not None:
        parts["day"] = str(date.day)
    parts["display_date"] = label
    return parts


def _end_date(event: TimelineEvent) -> dict[str, object]:
    """A season ends at its last month, an event of several days on its last day."""
    if event.end is not None:
        return {"end_date": timelinejs_date(event.end, False)}
    if event.date.season_months:
        return {"end_date": timelinejs_date(event.date, event.approximate, end=True)}
    return {}


def _quote_html(event: TimelineEvent) -> str:
    # TimelineJS renders `text` as HTML, so article text is escaped: a quote never becomes markup.
    blocks = [f"<blockquote>{html.escape(in_quote_marks(q.text))}</blockquote><p>— {html.escape(source_line(q.article.meta))}</p>" for q in event.quotes]
    for other in event.other_dates:
        for quote in other.quotes:
            blocks.append(
                f"<p>{html.escape(messages.timeline_other_date(other.date.label(other.approximate)))}</p>"
                f"<blockquote>{html.escape(in_quote_marks(quote.text))}</blockquote><p>— {html.escape(source_line(quote.article.meta))}</p>"
            )
    return "".join(blocks)


def timelinejs(events: Sequence[TimelineEvent], headline: str) -> dict[str, object]:
    """TimelineJS3's JSON: one slide per event, grouped by the publisher of its first quote.
    `headline`: the title slide's, the story's name (knowledge/bot.yaml). Announced plans are
    left out: a published timeline shows what happened."""
    slides = []
    for number, event in enumerate(e for e in events if not e.announced):
        slide: dict[str, object] = {
            "start_date": timelinejs_date(event.date, event.approximate),
            **_end_date(event),
            "display_date": event.label,
            "text": {"headline": html.escape(event.title), "text": _quote_html(event)},
            "unique_id": f"event-{number}-{event.date.iso()}",
        }
        if event.quotes:
            slide["group"] = publisher_name(event.quotes[0].article)
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(headline), "text": TIMELINEJS_INTRO}}, "events": slides}
