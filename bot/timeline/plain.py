"""An article's dated mentions as plain values (tuples, strings, numbers, None) for the article
cache (bot.knowledge.article_cache, which writes them with marshal), and the mentions again from them."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.models import Span
from bot.timeline.found import Mention
from bot.timeline.grammar import Role
from bot.timeline.models import EventDate
from bot.timeline.relative import Resolved

PlainDate = tuple[int, int | None, int | None, str | None]


def _plain_date(date: EventDate) -> PlainDate:
    return date.year, date.month, date.day, date.season


def _date(plain: PlainDate) -> EventDate:
    year, month, day, season = plain
    return EventDate(year, month, day, season)


def plain_mentions(mentions: tuple[Mention, ...]) -> tuple[tuple[object, ...], ...]:
    return tuple(
        (
            m.article_id,
            m.phrase.start,
            m.phrase.end,
            m.sentence.start,
            m.sentence.end,
            _plain_date(m.resolved.date),
            m.resolved.approximate,
            m.resolved.first.toordinal(),
            m.resolved.last.toordinal(),
            None if m.resolved.end is None else _plain_date(m.resolved.end),
            m.role.value,
            m.title,
            None if m.extent is None else (_plain_date(m.extent[0]), _plain_date(m.extent[1])),
            m.context_terms,
        )
        for m in mentions
    )


def mentions_from_plain(data: object) -> tuple[Mention, ...]:
    return tuple(
        Mention(
            article_id,
            Span(phrase_start, phrase_end),
            Span(sentence_start, sentence_end),
            Resolved(
                _date(date),
                approximate,
                dt.date.fromordinal(first),
                dt.date.fromordinal(last),
                None if end is None else _date(end),
            ),
            Role(role),
            title,
            None if extent is None else (_date(extent[0]), _date(extent[1])),
            tuple(context_terms),
        )
        for (
            article_id,
            phrase_start,
            phrase_end,
            sentence_start,
            sentence_end,
            date,
            approximate,
            first,
            last,
            end,
            role,
            title,
            extent,
            context_terms,
        ) in data  # type: ignore[attr-defined]
    )
