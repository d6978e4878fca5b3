"""The Discord bot when Discord cannot be reached: at start one sentence and exit 1; later,
discord.py's own reconnect, one log line each way. The real discord.py against the fake Discord."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import cast

import pytest

from bot import messages
from bot.cli import main
from bot.errors import StartupError
from bot.frontends import discord_app
from bot.knowledge.store import KnowledgeStore
from tests.discord_fixtures import answered, fake_discord, interaction_calls, running_bot, settings_for  # noqa: F401  (fixtures)
from tests.fakes.discord_server import TOKEN, Call, FakeDiscord
from tests.patience import WAIT_SECONDS
from tests.slack_fixtures import free_port
from tests.test_slack_http import GatedStore


def test_no_reachable_api_at_start_is_one_sentence_and_exit_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import discord

    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    nowhere = f"http://127.0.0.1:{free_port()}/api/v10"
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_API_BASE", nowhere)
    assert main(["discord"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"Discord could not be reached at {nowhere} (Cannot connect to host 127.0.0.1")
    assert "\n" not in err and "Traceback" not in err and TOKEN not in err


async def test_no_reachable_gateway_at_start_is_one_sentence(
    fake_discord: FakeDiscord, bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture
) -> None:
    fake_discord.gateway_url = f"ws://127.0.0.1:{free_port()}/gateway"  # the REST API answers; the gateway does not
    with pytest.raises(StartupError) as failure:
        await asyncio.wait_for(discord_app.serve(settings_for(fake_discord), bundled_store), WAIT_SECONDS)
    assert str(failure.value) == messages.discord_gateway_unreachable("shard 0 could not connect to 127.0.0.1")
    assert not any(r.exc_info for r in caplog.records)  # discord.py's own failure line, without its traceback
    assert [r.name for r in caplog.records if "Failed to connect" in r.getMessage()] == ["discord.shard"]


async def test_a_dropped_gateway_is_resumed_by_discord_py_with_one_line_each_way(
    fake_discord: FakeDiscord, bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        async with running_bot(fake_discord, bundled_store):
            for drop in (1, 2):
                await fake_discord.drop_gateway()
                while fake_discord.resumes < drop:  # the client resumes on its own
                    await asyncio.sleep(0.01)
            interaction = await fake_discord.slash("ask", {"question": "Who was Trump's choice to replace Tillerson?"})
            await fake_discord.wait_for(answered(interaction, follow_ups=1))
    lost = [r for r in caplog.records if "lost its gateway connection" in r.getMessage()]
    back = [r for r in caplog.records if "reconnected" in r.getMessage()]
    assert (len(lost), len(back)) == (2, 2)
    assert not any(r.exc_info for r in caplog.records)


Delivered = Callable[[list[Call]], bool]
TILLERSON = "Who was Trump's choice to replace Tillerson?"


async def ask_by_slash_command(fake: FakeDiscord, gated: GatedStore) -> Delivered:
    close(gated)
    interaction = await fake.slash("ask", {"question": TILLERSON})
    return lambda calls: any("Pompeo" in json.dumps(c.body) for c in interaction_calls(calls, interaction) if c.path.startswith("/webhooks/"))


async def ask_by_mention(fake: FakeDiscord, gated: GatedStore) -> Delivered:
    close(gated)
    await fake.post_message(fake.channel_id, fake.person(), TILLERSON, mention_bot=True)
    return lambda calls: any(c.method == "POST" and c.path.endswith("/messages") and "Pompeo" in json.dumps(c.body) for c in calls)


async def press_a_timeline_button(fake: FakeDiscord, gated: GatedStore) -> Delivered:
    timeline = await fake.slash("timeline")  # a page with its buttons, while the gate is open
    await fake.wait_for(answered(timeline, follow_ups=1))
    page = fake.messages[fake.channel_id][-1]
    close(gated)
    press = await fake.press(page, page["components"][0]["components"][-1]["custom_id"])
    return answered(press)


def close(gated: GatedStore) -> None:
    gated.gate.clear()
    gated.reading.clear()


@pytest.mark.parametrize("start", [ask_by_slash_command, ask_by_mention, press_a_timeline_button])
async def test_stopping_finishes_the_work_in_flight_before_closing(
    fake_discord: FakeDiscord, bundled_store: KnowledgeStore, start: Callable[[FakeDiscord, GatedStore], Awaitable[Delivered]]
) -> None:
    """Every kind of handler the bot runs is waited for: a slash command, a message, a button press."""
    gated = GatedStore(bundled_store)
    gated.gate.set()  # open while the bot starts
    async with running_bot(fake_discord, cast(KnowledgeStore, gated)) as serving:
        delivered = await start(fake_discord, gated)
        assert await asyncio.to_thread(gated.reading.wait, 10)  # the reply is being built
        serving.cancel()  # what SIGTERM does: the gateway closes first, then the work in flight finishes
        await asyncio.sleep(0.1)
        assert not serving.done()  # waiting for the reply, not closed under it
        gated.gate.set()
        await fake_discord.wait_for(delivered)
