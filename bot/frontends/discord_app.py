"""The Discord front end: a sharded client, its slash commands, and mentions, DMs and thread follow-ups.

A page of translation: Discord events in, `bot.commands` calls, embeds out. Nothing is kept
between messages; a follow-up's earlier question is read back from the thread's history.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any, Literal

import aiohttp
import discord
import yarl

from bot import commands, messages, thread_history
from bot.errors import StartupError
from bot.config import Settings
from bot.frontends.discord_commands import DYNAMIC_ITEMS, FRONTEND, NO_PINGS, TalksTree, answer_message, register
from bot.frontends.discord_sync import sync_commands
from bot.knowledge.store import KnowledgeStore
from bot.render.shorten import shorten
from bot.search.chat_markup import without_mention_markup
from bot.service.in_flight import DRAIN_SECONDS, InFlight
from bot.service.logs import one_line_logger
from bot.service.readiness import readiness
from bot.thread_history import HISTORY_LIMIT, ThreadMessage

logger = logging.getLogger(__name__)

THREAD_NAME_LIMIT = 100
THREAD_ARCHIVE_MINUTES: Literal[1440] = 1440  # one day; Discord allows only 60, 1440, 4320 or 10080
READINESS_CHECK = "discord"
# discord.py logs a failed shard connect and each reconnect wait with a traceback; the message
# names the error, so one line each is kept.
one_line_logger("discord.shard")


def intents(*, message_content: bool) -> discord.Intents:
    """Default intents (no privileged ones). Message content is asked for only as an extra:
    without it Discord still sends the text of DMs and of messages that mention the bot."""
    chosen = discord.Intents.default()
    chosen.message_content = message_content
    return chosen


class TalksClient(discord.AutoShardedClient):
    """AutoSharded so a bot in thousands of servers shards without code changes."""

    def __init__(
        self,
        store: KnowledgeStore,
        *,
        guild_ids: Sequence[int],
        force_sync: bool,
        intents: discord.Intents,
        shard_count: int | None = None,
        shard_ids: Sequence[int] | None = None,
    ) -> None:
        # No shard settings: Discord's recommended count, all shards in this process.
        shards: dict[str, Any] = {"shard_count": shard_count, "shard_ids": list(shard_ids)} if shard_ids else {"shard_count": shard_count}
        # The bot never joins voice, so discord.py's start-up warnings that its voice libraries
        # (PyNaCl, davey) are missing only bury the lines that matter; these flags are its own
        # warn-once switches.
        for warning in ("warn_nacl", "warn_dave"):
            if hasattr(discord.VoiceClient, warning):
                setattr(discord.VoiceClient, warning, False)
        super().__init__(intents=intents, allowed_mentions=NO_PINGS, **shards)
        self.in_flight = InFlight()
        self._launched: set[int] = set()
        self._draining = False
        self.store = store
        self.guild_ids = list(guild_ids)
        self.force_sync = force_sync
        self.tree = TalksTree(self)
        register(self.tree, store)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        await sync_commands(self.tree, self.guild_ids, force=self.force_sync)

    async def on_ready(self) -> None:
        logger.info("logged in to Discord as %s in %d servers", self.user, len(self.guilds))

    async def launch_shard(self, gateway: yarl.URL, shard_id: int, *, initial: bool = False) -> None:
        """discord.py's shard launch, which retries a failed connect forever: at start-up, once is enough.

        A second launch of the same shard means its first connect failed (discord.py has logged
        why); with no gateway reachable at start, stopping with one sentence beats waiting.
        """
        if shard_id in self._launched:
            raise StartupError(messages.discord_gateway_unreachable(f"shard {shard_id} could not connect to {gateway.host}"))
        self._launched.add(shard_id)
        await super().launch_shard(gateway, shard_id, initial=initial)

    async def on_shard_disconnect(self, shard_id: int) -> None:
        if not self._draining:
            logger.warning("Discord: shard %d lost its gateway connection; discord.py is reconnecting", shard_id)

    async def on_shard_resumed(self, shard_id: int) -> None:
        logger.info("Discord: shard %d reconnected (session resumed)", shard_id)

    def readiness(self) -> str | None:
        """None when logged in with every shard connected; else why not (for /readyz)."""
        if self.is_closed():
            return "closed"
        if not self.is_ready():
            return "connecting to Discord"
        down = [shard.id for shard in self.shards.values() if shard.is_closed()]
        return f"shards {down} reconnecting" if down else None

    async def drain(self) -> None:
        """Stop receiving (close every shard's gateway connection), then let the handlers running
        finish, at most DRAIN_SECONDS; leaving `async with client` then closes the client.

        Each of our handlers (messages, slash commands, buttons) counts itself in `in_flight` as it
        starts, so no discord.py task is looked for by name: its names are not an API (button
        presses run in tasks named otherwise than the prefix once looked for, and were not waited for).
        """
        self._draining = True
        for shard in self.shards.values():
            await shard.disconnect()
        await self.in_flight.drain(DRAIN_SECONDS, "Discord")

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None:  # other bots, and our own answers
            return
        async with self.in_flight.track():  # shutdown waits for it
            try:
                await self._answer_message(message)
            except Exception:
                logger.exception("failed to answer message %s in channel %s", message.id, message.channel.id)
                with contextlib.suppress(discord.HTTPException):  # the failure may have been Discord itself
                    await message.channel.send(messages.INTERNAL_ERROR, allowed_mentions=NO_PINGS)

    async def _answer_message(self, message: discord.Message) -> None:
        assert self.user is not None
        mentioned = self.user.id in message.raw_mentions  # not mentioned_in: @everyone is no question
        if message.guild is None:
            await self._reply(message.channel, message, strip_mentions(message.content))
            return
        thread = await self._own_thread(message.channel)
        if thread is not None:
            question = strip_mentions(message.content)
            if not question and not mentioned:
                return  # without the message content intent a plain reply arrives empty
            earlier = await earlier_questions(self, thread, message)
            await self._reply(thread, message, question, earlier)
            return
        if not mentioned:
            return
        question = strip_mentions(message.content)
        target: discord.abc.Messageable = message.channel
        if not isinstance(message.channel, discord.Thread):
            try:
                target = await message.create_thread(name=thread_name(question), auto_archive_duration=THREAD_ARCHIVE_MINUTES)
            except discord.HTTPException:
                logger.warning("could not start a thread in channel %s; answering in the channel", message.channel.id)
        await self._reply(target, message, question)

    async def _own_thread(self, channel: Any) -> discord.Thread | None:
        """The channel if it is a thread this bot started; a thread missing from the cache is fetched."""
        if isinstance(channel, discord.PartialMessageable):
            try:
                channel = await self.fetch_channel(channel.id)
            except discord.HTTPException:
                return None
        if isinstance(channel, discord.Thread) and self.user is not None and channel.owner_id == self.user.id:
            return channel
        return None

    async def _reply(self, target: discord.abc.Messageable, message: discord.Message, question: str, earlier: Sequence[str] = ()) -> None:
        answer = await asyncio.to_thread(commands.ask, self.store, question, frontend=FRONTEND, earlier_questions=earlier)
        await target.send(**answer_message(answer))


def strip_mentions(text: str) -> str:
    """The question without mentions (the bot's own, mostly); the words stay as typed."""
    return " ".join(without_mention_markup(text).split())


def thread_name(question: str) -> str:
    return shorten(question, THREAD_NAME_LIMIT) or "Question"


async def earlier_questions(client: discord.Client, thread: discord.Thread, current: discord.Message) -> list[str]:
    """The thread's starter question and people's later messages, oldest first, read from Discord."""
    found: list[ThreadMessage] = []
    try:
        # A thread started from a message shares that message's id; it lives in the parent channel.
        starter = await client.get_partial_messageable(thread.parent_id).fetch_message(thread.id)
        found.append(ThreadMessage(starter.content, starter.author.bot))
    except discord.HTTPException:
        logger.info("thread %s has no starter message to read", thread.id)
    later = [m async for m in thread.history(limit=HISTORY_LIMIT, before=current)]
    found.extend(ThreadMessage(m.content, m.author.bot) for m in reversed(later))
    return thread_history.earlier_questions(found, strip_mentions)


def build_client(settings: Settings, store: KnowledgeStore, *, force_sync: bool = False, message_content: bool = True) -> TalksClient:
    return TalksClient(
        store,
        guild_ids=settings.discord_guild_ids,
        force_sync=force_sync,
        intents=intents(message_content=message_content),
        shard_count=settings.discord_shard_count,
        shard_ids=settings.discord_shard_ids,
    )


async def run_client(client: TalksClient, token: str, api_base: str) -> None:
    """Log in and run until cancelled; a network failure at start is one sentence (StartupError)."""
    readiness.register(READINESS_CHECK, client.readiness)
    try:
        async with client:
            try:
                await client.start(token)
            except asyncio.CancelledError:
                readiness.register(READINESS_CHECK, lambda: "shutting down")
                await client.drain()
                raise
            except discord.GatewayNotFound as error:
                raise StartupError(messages.discord_gateway_unreachable(str(error.__cause__ or error))) from None
            except (aiohttp.ClientError, OSError, TimeoutError) as error:
                if client.is_ready():
                    raise  # not a start-up failure; discord.py's own reconnects gave up
                raise StartupError(messages.discord_unreachable(api_base, str(error) or type(error).__name__)) from None
    finally:
        readiness.unregister(READINESS_CHECK)


async def serve(settings: Settings, store: KnowledgeStore, *, force_sync: bool = False) -> None:
    """Log in and run until cancelled, then finish answers in flight. A missing or rejected token,
    or Discord unreachable at start, is one sentence (StartupError)."""
    if settings.discord_token is None:
        raise StartupError(messages.missing_setting("DISCORD_TOKEN", messages.DISCORD_TOKEN_PURPOSE))
    # Every REST route, the webhook follow-ups included, is built on this base: set it before login.
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    token = settings.discord_token.get_secret_value()
    # The message content intent lets thread replies without a mention be read; it is privileged,
    # so when the application has not been granted it, run without it rather than fail.
    for message_content in (True, False):
        client = build_client(settings, store, force_sync=force_sync, message_content=message_content)
        try:
            await run_client(client, token, settings.discord_api_base)
            return
        except discord.LoginFailure:
            raise StartupError(messages.DISCORD_TOKEN_REJECTED) from None
        except discord.PrivilegedIntentsRequired:
            logger.warning("the Message Content intent is not enabled for this application; thread replies need a mention")
