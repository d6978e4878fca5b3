"""`said` and `compare` as plain text for the terminal chat and the command line."""

from __future__ import annotations

from bot import messages
from bot.compare import Comparison, date_readings
from bot.quotations.speakers import SpeakerLookup
from bot.render.text import quote_block


def said_text(lookup: SpeakerLookup, name: str | None, way: messages.WayToAsk) -> str:
    """`way`: the terminal chat's or the command line's, which the hints under a heading name."""
    speaker = lookup.speaker
    if speaker is not None:
        blocks = [quote_block(q.quote, n) for n, q in enumerate(speaker.quotations, 1)]
        heading = messages.said_intro(speaker.name, speaker.role, speaker.count)
        heading = "\n".join([heading, *messages.said_notes(lookup, way)])
        return "\n\n".join([heading, *blocks])
    if not lookup.candidates:
        return messages.said_no_candidates(name, way)
    intro = messages.said_candidates_intro(name, lookup.ambiguous, way)
    return "\n".join([intro, *(f"  {messages.speaker_line(s.name, s.count)}" for s in lookup.candidates)])


def compare_text(comparison: Comparison, way: messages.WayToAsk) -> str:
    missing = [messages.compare_no_article_from(comparison.no_articles)] if comparison.no_articles else []
    if comparison.declined is not None:
        return "\n".join([*missing, messages.compare_declined(comparison.topic, comparison.declined, way)])
    if not comparison.outlets:
        return "\n".join([*missing, messages.COMPARE_NONE_COVER, *(messages.outlet_nothing(p) for p in comparison.no_coverage)])
    blocks = [*missing, messages.compare_intro(comparison.topic)]
    for outlet in comparison.outlets:
        quotes = "\n\n".join(_indent(quote_block(q, n)) for n, q in enumerate(outlet.quotes, 1))
        blocks.append(f"{outlet.publisher}:\n{quotes}")
    blocks.extend(messages.outlet_nothing(p) for p in comparison.no_coverage)
    blocks.extend(messages.dated_differently(e.title, date_readings(e)) for e in comparison.date_differences)
    return "\n\n".join(blocks)


def _indent(block: str) -> str:
    return "\n".join(f"  {line}" for line in block.splitlines())
