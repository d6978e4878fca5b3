"""Fixtures and helpers for the Discord tests: a fake Discord, and the real bot running against it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

import discord
import pytest

from bot.config import Settings
from bot.frontends import discord_app
from bot.knowledge.store import KnowledgeStore
from tests.fakes.discord_server import TOKEN, Call, FakeDiscord
from tests.patience import WAIT_SECONDS

NO_PINGS = {"parse": []}
EPHEMERAL = 1 << 6


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    # serve() sets Route.BASE for the process; put it back after each test.
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.stop()


def settings_for(fake: FakeDiscord, *, token: str = TOKEN, guilds: bool = True) -> Settings:
    return Settings(
        discord_token=token,
        discord_api_base=fake.api_base,
        discord_guild_ids=[int(fake.guild_id)] if guilds else [],
    )


@contextlib.asynccontextmanager
async def running_bot(fake: FakeDiscord, store: KnowledgeStore, *, force_sync: bool = False) -> AsyncIterator[asyncio.Task[None]]:
    """The production serve() in a task, until the fake has sent READY and GUILD_CREATE; cancelled after."""
    fake.expect_connection()
    task = asyncio.create_task(discord_app.serve(settings_for(fake), store, force_sync=force_sync))
    ready = asyncio.create_task(fake.wait_ready())
    done, _ = await asyncio.wait({task, ready}, timeout=WAIT_SECONDS, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        if task in done:
            task.result()  # raises what stopped the bot
        raise TimeoutError("the bot did not connect to the fake gateway")
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@pytest.fixture
async def bot(fake_discord: FakeDiscord, bundled_store: KnowledgeStore) -> AsyncIterator[FakeDiscord]:
    async with running_bot(fake_discord, bundled_store):
        yield fake_discord


# --- reading the recorded calls ---


def interaction_calls(calls: list[Call], interaction: dict[str, Any]) -> list[Call]:
    """The callback and the follow-ups of one interaction (they carry its id or token in the path)."""
    token = interaction["token"]
    return [c for c in calls if f"/interactions/{interaction['id']}/" in c.path or c.path.startswith("/webhooks/") and token in c.path]


def answered(interaction: dict[str, Any], *, follow_ups: int = 0) -> Callable[[list[Call]], bool]:
    """Predicate: the interaction got its callback and at least `follow_ups` follow-up messages."""

    def check(calls: list[Call]) -> bool:
        mine = interaction_calls(calls, interaction)
        return any(c.path.endswith("/callback") for c in mine) and sum(c.path.startswith("/webhooks/") for c in mine) >= follow_ups

    return check


def posted_to(channel_id: str, count: int = 1) -> Callable[[list[Call]], bool]:
    return lambda calls: len(messages_in(calls, channel_id)) >= count


def messages_in(calls: list[Call], channel_id: str) -> list[Call]:
    return [c for c in calls if c.method == "POST" and c.path == f"/channels/{channel_id}/messages"]


def sent_messages(calls: list[Call]) -> list[dict[str, Any]]:
    """Every message body the bot sent: channel messages, interaction replies and follow-ups."""
    bodies = []
    for call in calls:
        if call.method == "POST" and call.path.endswith("/messages") and call.path.startswith("/channels/"):
            bodies.append(call.body)
        elif call.method == "POST" and call.path.startswith("/webhooks/"):
            bodies.append(call.body)
        elif call.path.endswith("/callback") and call.body.get("type") in (4, 7):
            bodies.append(call.body["data"])
    return bodies


def assert_pings_no_one(calls: list[Call]) -> None:
    bodies = sent_messages(calls)
    assert bodies, "the bot sent no message"
    for body in bodies:
        assert body.get("allowed_mentions") == NO_PINGS, body
