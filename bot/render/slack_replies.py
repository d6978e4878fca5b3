"""Each command result as a Slack message: one renderer per result type (see bot.command_table)."""

from __future__ import annotations

from functools import singledispatch

from bot import messages
from bot.answers import Answer
from bot.command_table.model import BadValue, HelpList, NotAllowed, UnknownCommand
from bot.command_table.rate import Voted
from bot.command_table.said import Said
from bot.command_table.sources import NoSuchArticle, OneSource, Sources
from bot.compare import Comparison
from bot.command_table.timeline import Timeline
from bot.knowledge.store import ReloadReport
from bot.render import slack_render
from bot.render.slack_render import SlackMessage, TimelinePage


@singledispatch
def reply(result: object) -> SlackMessage:
    raise TypeError(f"no Slack renderer for {type(result).__name__}; register one in {__name__}")


@reply.register
def _(result: Answer) -> SlackMessage:
    return slack_render.answer_message(result)


@reply.register
def _(result: Timeline) -> SlackMessage:
    note = messages.timeline_dates_swapped(result.swapped) if result.swapped else None
    if not result.events and result.outside_dates:  # the topic's events all lie outside the dates
        empty = messages.timeline_empty(slack_render.escape(result.topic or ""), result.outside_dates)
        return slack_render.text_message(f"{note}\n{empty}" if note else empty)
    return slack_render.timeline_message(result.events, TimelinePage(0, result.topic, result.date_from, result.date_to), note=note)


@reply.register
def _(result: Said) -> SlackMessage:
    return slack_render.said_message(result.lookup, result.name)


@reply.register
def _(result: Comparison) -> SlackMessage:
    return slack_render.compare_message(result)


@reply.register
def _(result: Sources) -> SlackMessage:
    return slack_render.sources_message(result.articles)


@reply.register
def _(result: OneSource) -> SlackMessage:
    return slack_render.sources_message([result.article])


@reply.register
def _(result: NoSuchArticle) -> SlackMessage:
    return slack_render.text_message(messages.SLACK_NO_SUCH_ARTICLE.format(text=repr(result.text)))


@reply.register
def _(result: HelpList) -> SlackMessage:
    return slack_render.help_message(result)


@reply.register
def _(result: ReloadReport) -> SlackMessage:
    return slack_render.text_message(result.summary())


@reply.register
def _(result: Voted) -> SlackMessage:
    return slack_render.text_message(result.reply())


@reply.register
def _(result: NotAllowed) -> SlackMessage:
    return slack_render.text_message(messages.NOT_ALLOWED.format(command=result.command))


@reply.register
def _(result: BadValue) -> SlackMessage:
    return slack_render.text_message(result.problem)


@reply.register
def _(result: UnknownCommand) -> SlackMessage:
    return slack_render.text_message(messages.UNKNOWN_COMMAND.format(command=result.name))
