"""The stateless buttons under answers and timeline pages, and the one error path for interactions.

Buttons carry everything they need in their custom_id (a quote reference, a timeline page), so
any shard or copy of the bot can serve a press with no memory of the message it is under.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Sequence
from typing import Any

import discord

from bot import commands, messages
from bot.answers import Answer
from bot.command_table import rate
from bot.command_table.model import Platform
from bot.context import ContextRef, context_around, reference_for
from bot.feedback.shown import Shown, can_be_rated, shown_by
from bot.feedback.votes import Vote
from bot.knowledge.store import KnowledgeStore
from bot.render import discord_render as render
from bot.service.in_flight import InFlight
from bot.timeline.models import range_bound

logger = logging.getLogger(__name__)

FRONTEND: Platform = "discord"
NO_PINGS = discord.AllowedMentions.none()
FEEDBACK_ROW = 1  # under the "More context" buttons (row 0: at most 3 quotes, Discord allows 5 a row)


def store_of(interaction: discord.Interaction[Any]) -> KnowledgeStore:
    store: KnowledgeStore = interaction.client.store  # set by TalksClient; read per press, so reloads show
    return store


def in_flight_of(interaction: discord.Interaction[Any]) -> InFlight:
    """The client's count of work in flight, which shutdown waits for (set by TalksClient)."""
    in_flight: InFlight = interaction.client.in_flight
    return in_flight


@contextlib.asynccontextmanager
async def answering(interaction: discord.Interaction[Any]) -> AsyncIterator[None]:
    """Around a button's handler: counted as work in flight while it runs, and a failure goes to
    the one error path (slash commands have the tree's on_error for that)."""
    async with in_flight_of(interaction).track():
        try:
            yield
        except Exception as error:  # noqa: BLE001 - handed to the one error path
            await report_error(interaction, error)


async def report_error(interaction: discord.Interaction[Any], error: Exception) -> None:
    """The one error path: the traceback to the log, one short ephemeral sentence to the user."""
    logger.error("interaction %s failed", interaction.id, exc_info=error)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(messages.INTERNAL_ERROR, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(messages.INTERNAL_ERROR, ephemeral=True, allowed_mentions=NO_PINGS)
    except discord.HTTPException:
        logger.warning("could not tell the user about the error in interaction %s", interaction.id)


class MoreContextButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"ctx:[a-z0-9][a-z0-9._-]{0,63}:\d+:\d+:[0-9a-f]{8}"):
    """Shows the sentences around a quote, ephemerally, found again from the reference in custom_id."""

    def __init__(self, ref: ContextRef, label: str = messages.MORE_CONTEXT) -> None:
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=ref.encode()))
        self.ref = ref

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> MoreContextButton:
        ref = ContextRef.decode(match.string)
        assert ref is not None  # the template only matches what decode accepts
        return cls(ref)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        async with answering(interaction):
            quote = context_around(store_of(interaction).current, self.ref)
            if quote is None:
                await interaction.response.send_message(messages.CONTEXT_GONE, ephemeral=True, allowed_mentions=NO_PINGS)
                return
            embed = render.context_embed(quote)
            await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"fb:(?P<vote>good|bad):(?P<key>[0-9a-f]{16})"):
    """👍 or 👎 under an answer. custom_id holds the vote and the answer's key; the question and the
    quotes are read back from the message it is under (its footer and its "More context" buttons),
    so any copy of the bot can take the press."""

    def __init__(self, vote: Vote, key: str) -> None:
        good = vote is Vote.GOOD
        button: discord.ui.Button[Any] = discord.ui.Button(
            emoji="👍" if good else "👎",
            label=messages.FEEDBACK_GOOD_LABEL if good else messages.FEEDBACK_BAD_LABEL,
            style=discord.ButtonStyle.secondary,
            custom_id=f"fb:{vote.value}:{key}",
            row=FEEDBACK_ROW,
        )
        super().__init__(button)
        self.vote, self.key = vote, key

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> FeedbackButton:
        return cls(Vote(match["vote"]), match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        async with answering(interaction):
            shown = shown_on(interaction.message)
            voted = await asyncio.to_thread(rate.record, store_of(interaction), FRONTEND, str(interaction.user.id), shown, self.vote, self.key)
            await interaction.response.send_message(voted.reply(), ephemeral=True, allowed_mentions=NO_PINGS)


def shown_on(message: discord.Message | None) -> Shown:
    """The question and quote references of the answer in `message`, as the bot rendered it."""
    if message is None:
        return Shown("", ())
    question = render.footer_question(message.embeds[0].footer.text) if message.embeds else ""
    buttons = (child for row in message.components if isinstance(row, discord.ActionRow) for child in row.children)
    refs = (ContextRef.decode(button.custom_id or "") for button in buttons if isinstance(button, discord.Button))
    return Shown(question, tuple(ref for ref in refs if ref is not None))


def answer_view(answer: Answer) -> discord.ui.View:
    """One "More context" button per quote shown (the closest passages of a declined answer too),
    then 👍 and 👎 on a row of their own under an answer that can be rated."""
    view = discord.ui.View(timeout=None)
    quotes = answer.quotes if answer.answered else answer.closest
    numbered = len(quotes) > 1
    for number, quote in enumerate(quotes, 1):
        label = f"{messages.MORE_CONTEXT} ({number})" if numbered else messages.MORE_CONTEXT
        view.add_item(MoreContextButton(reference_for(quote), label))
    if not can_be_rated(answer):
        return view
    key = shown_by(answer).key()
    view.add_item(FeedbackButton(Vote.GOOD, key))
    view.add_item(FeedbackButton(Vote.BAD, key))
    return view


def answer_message(answer: Answer) -> dict[str, Any]:
    """Keyword arguments for any send: the embeds, the buttons, and no pings."""
    return {"embeds": render.answer_embeds(answer), "view": answer_view(answer), "allowed_mentions": NO_PINGS}


# --- /timeline paging ---


def _bound(value: str | None, *, end: bool) -> dt.date | None:
    return range_bound(value, end=end) if value else None


class TimelinePageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"tl:(?P<page>\d+):(?P<start>[0-9-]*):(?P<end>[0-9-]*):(?P<topic>.{0,60})",
):
    """Previous/Next: the page and the query are in custom_id; the page is rebuilt from current knowledge."""

    def __init__(self, page: int, query: tuple[str, str, str], label: str = "", disabled: bool = False) -> None:
        start, end, topic = query
        custom_id = f"tl:{page}:{start}:{end}:{topic}"
        super().__init__(discord.ui.Button(label=label or str(page), custom_id=custom_id, disabled=disabled))
        self.page, self.query = page, query

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> TimelinePageButton:
        return cls(int(match["page"]), (match["start"], match["end"], match["topic"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        async with answering(interaction):
            start, end, topic = self.query
            bounds = _bound(start, end=False), _bound(end, end=True)
            events = await asyncio.to_thread(commands.timeline, store_of(interaction), topic or None, *bounds)  # as /timeline: off the loop
            page = min(max(self.page, 1), render.page_count(events))
            await interaction.response.edit_message(
                embed=render.timeline_embed(events, page), view=timeline_view(page, len(events), self.query), allowed_mentions=NO_PINGS
            )


def timeline_view(page: int, event_count: int, query: tuple[str, str, str]) -> discord.ui.View:
    pages = max(1, -(-event_count // render.EVENTS_PER_PAGE))
    view = discord.ui.View(timeout=None)
    view.add_item(TimelinePageButton(page - 1, query, messages.DISCORD_PREVIOUS, disabled=page <= 1))
    view.add_item(TimelinePageButton(page + 1, query, messages.DISCORD_NEXT, disabled=page >= pages))
    return view


DYNAMIC_ITEMS: Sequence[type[discord.ui.DynamicItem[Any]]] = (MoreContextButton, TimelinePageButton, FeedbackButton)
