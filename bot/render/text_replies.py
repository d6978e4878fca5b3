"""Each command result as the terminal chat shows it: one renderer per result type."""

from __future__ import annotations

from functools import singledispatch

from bot import messages
from bot.answers import Answer
from bot.command_table.model import BadValue, HelpList, Leave, NotAllowed, UnknownCommand
from bot.command_table.rate import NothingToRate, Voted
from bot.command_table.said import Said
from bot.command_table.sources import NoSuchArticle, OneSource, Sources
from bot.command_table.timeline import Timeline
from bot.compare import Comparison
from bot.knowledge.store import ReloadReport
from bot.render.said_text import compare_text, said_text
from bot.render.text import answer_text, help_text, sources_text
from bot.render.timeline_text import timeline_text


@singledispatch
def reply_text(result: object) -> str:
    raise TypeError(f"no terminal renderer for {type(result).__name__}; register one in {__name__}")


@reply_text.register
def _(result: Answer) -> str:
    return answer_text(result)


@reply_text.register
def _(result: Timeline) -> str:
    shown = timeline_text(result.events, result.topic, result.outside_dates)
    return f"{messages.timeline_dates_swapped(result.swapped)}\n\n{shown}" if result.swapped else shown


@reply_text.register
def _(result: Said) -> str:
    return said_text(result.lookup, result.name, messages.AT_THE_TERMINAL)


@reply_text.register
def _(result: Comparison) -> str:
    return compare_text(result, messages.AT_THE_TERMINAL)


@reply_text.register
def _(result: Sources) -> str:
    return sources_text(result.articles)


@reply_text.register
def _(result: OneSource) -> str:
    return sources_text([result.article])


@reply_text.register
def _(result: NoSuchArticle) -> str:
    return messages.NO_ARTICLE.format(text=result.text)


@reply_text.register
def _(result: HelpList) -> str:
    return help_text(result)


@reply_text.register
def _(result: ReloadReport) -> str:
    return result.summary()


@reply_text.register
def _(result: Voted) -> str:
    return result.reply()


@reply_text.register
def _(result: NothingToRate) -> str:
    return messages.FEEDBACK_NOTHING_TO_RATE


@reply_text.register
def _(result: Leave) -> str:
    return ""


@reply_text.register
def _(result: NotAllowed) -> str:
    return messages.NOT_ALLOWED.format(command=result.command)


@reply_text.register
def _(result: BadValue) -> str:
    return result.problem


@reply_text.register
def _(result: UnknownCommand) -> str:
    return messages.UNKNOWN_COMMAND.format(command=result.name)
