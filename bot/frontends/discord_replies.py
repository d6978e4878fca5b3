"""Each command result as a Discord message: one renderer per result type (see bot.command_table).

A renderer returns the keyword arguments of a send (content or embeds, buttons, no pings);
whether the reply is ephemeral is decided by the command table, not here.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from bot import messages
from bot.answers import Answer
from bot.command_table.model import BadValue, HelpList, NotAllowed, UnknownCommand
from bot.command_table.said import Said
from bot.command_table.sources import NoSuchArticle, OneSource, Sources
from bot.compare import Comparison
from bot.command_table.timeline import TOPIC_MAX, Timeline
from bot.frontends.discord_buttons import NO_PINGS, answer_message, timeline_view
from bot.knowledge.store import ReloadReport
from bot.render import discord_render as render

Reply = dict[str, Any]


def _text(text: str) -> Reply:
    return {"content": render.content(text), "allowed_mentions": NO_PINGS}


@singledispatch
def reply(result: object) -> Reply:
    raise TypeError(f"no Discord renderer for {type(result).__name__}; register one in {__name__}")


@reply.register
def _(result: Answer) -> Reply:
    return answer_message(result)


@reply.register
def _(result: Timeline) -> Reply:
    note = messages.timeline_dates_swapped(result.swapped) if result.swapped else None
    if not result.events and result.outside_dates:  # the topic's events all lie outside the dates
        empty = messages.timeline_empty(result.topic, result.outside_dates)
        return _text(f"{note}\n{empty}" if note else empty)
    message: Reply = {"embed": render.timeline_embed(result.events, 1), "allowed_mentions": NO_PINGS}
    if note:
        message["content"] = render.content(note)  # above the embed: how the dates were read
    if render.page_count(result.events) > 1:
        # The page buttons' custom_id template: one line, ":" separates its fields.
        topic = " ".join((result.topic or "").replace(":", " ").split())[:TOPIC_MAX]
        start, end = (d.isoformat() if d else "" for d in (result.date_from, result.date_to))
        message["view"] = timeline_view(1, len(result.events), (start, end, topic))
    return message


@reply.register
def _(result: Said) -> Reply:
    return {"embed": render.said_embed(result.lookup, result.name), "allowed_mentions": NO_PINGS}


@reply.register
def _(result: Comparison) -> Reply:
    return {"embed": render.compare_embed(result), "allowed_mentions": NO_PINGS}


@reply.register
def _(result: Sources) -> Reply:
    return {"embed": render.sources_embed(result.articles), "allowed_mentions": NO_PINGS}


@reply.register
def _(result: OneSource) -> Reply:
    return {"embed": render.article_embed(result.article), "allowed_mentions": NO_PINGS}


@reply.register
def _(result: NoSuchArticle) -> Reply:
    return _text(messages.DISCORD_NO_ARTICLE.format(text=result.text))


@reply.register
def _(result: HelpList) -> Reply:
    return {"embed": render.help_embed(result), "allowed_mentions": NO_PINGS}


@reply.register
def _(result: ReloadReport) -> Reply:
    return _text(result.summary())


@reply.register
def _(result: NotAllowed) -> Reply:
    return _text(messages.DISCORD_NOT_ALLOWED.format(command=result.command))


@reply.register
def _(result: BadValue) -> Reply:
    return _text(result.problem)


@reply.register
def _(result: UnknownCommand) -> Reply:
    return _text(messages.UNKNOWN_COMMAND.format(command=result.name))
