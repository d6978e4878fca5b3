"""The Discord bot's start-up and the rest of its commands, against the fake Discord: command sync,
tokens, intents, DISCORD_API_BASE, and /timeline paging."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import threading
from pathlib import Path

import pytest

from bot import messages
from bot.cli import main
from bot.errors import StartupError
from bot.frontends import discord_app
from bot.knowledge.store import KnowledgeStore
from bot.quotes import Quote
from bot.timeline.models import EventDate, TimelineEvent
from tests.conftest import write_talks_with_a_plan
from tests.discord_fixtures import EPHEMERAL, answered, assert_pings_no_one, fake_discord, running_bot, settings_for  # noqa: F401
from tests.fakes.discord_server import MESSAGE_CONTENT_INTENT, TOKEN, Call, FakeDiscord
from tests.patience import WAIT_SECONDS


def syncs(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method == "PUT" and "/commands" in c.path]


async def test_login_uses_the_api_base_and_the_gateway_url_it_is_given(
    fake_discord: FakeDiscord, bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        async with running_bot(fake_discord, bundled_store):
            paths = [(c.method, c.path) for c in fake_discord.calls]
    assert caplog.records and not any(TOKEN in r.getMessage() for r in caplog.records)  # never log a token
    assert paths[:3] == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me"), ("GET", f"/applications/{fake_discord.app_id}/guilds/{fake_discord.guild_id}/commands")]
    assert ("GET", "/gateway/bot") in paths
    [query] = fake_discord.gateway_queries
    assert query["v"] == "10" and query["encoding"] == "json"
    [identify] = fake_discord.identifies
    assert identify["token"] == TOKEN
    assert identify["shard"] == [0, 1]  # sharded from the start


async def test_commands_sync_to_the_guild_only_when_they_changed_or_when_forced(fake_discord: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    async with running_bot(fake_discord, bundled_store):
        pass
    assert [c.path for c in syncs(fake_discord.calls)] == [f"/applications/{fake_discord.app_id}/guilds/{fake_discord.guild_id}/commands"]
    names = {c["name"] for c in fake_discord.commands[fake_discord.guild_id]}
    assert names == {"ask", "timeline", "said", "compare", "sources", "help", "reload"}

    async with running_bot(fake_discord, bundled_store):  # same commands: compared, not synced
        pass
    assert len(syncs(fake_discord.calls)) == 1

    fake_discord.commands[fake_discord.guild_id][0]["description"] = "an older description"
    async with running_bot(fake_discord, bundled_store):
        pass
    assert len(syncs(fake_discord.calls)) == 2

    async with running_bot(fake_discord, bundled_store, force_sync=True):
        pass
    assert len(syncs(fake_discord.calls)) == 3


async def test_commands_sync_globally_without_guild_ids(fake_discord: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    task = asyncio.create_task(discord_app.serve(settings_for(fake_discord, guilds=False), bundled_store))
    try:
        await fake_discord.wait_ready()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert [c.path for c in syncs(fake_discord.calls)] == [f"/applications/{fake_discord.app_id}/commands"]


async def test_without_the_message_content_intent_granted_it_runs_without_it(bundled_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import discord

    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    fake = FakeDiscord(grant_message_content=False)
    await fake.start()
    try:
        async with running_bot(fake, bundled_store):
            pass
    finally:
        await fake.stop()
    first, second = fake.identifies
    assert first["intents"] & MESSAGE_CONTENT_INTENT and not second["intents"] & MESSAGE_CONTENT_INTENT


async def test_a_rejected_token_is_one_sentence(fake_discord: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    with pytest.raises(StartupError) as failure:
        await asyncio.wait_for(discord_app.serve(settings_for(fake_discord, token="wrong"), bundled_store), WAIT_SECONDS)
    assert str(failure.value) == messages.DISCORD_TOKEN_REJECTED
    assert "wrong" not in str(failure.value)


def test_missing_token_exits_1_naming_the_variable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["discord"]) == 1
    err = capsys.readouterr().err
    assert err.count("DISCORD_TOKEN") >= 1 and err.strip().count("\n") == 0


def test_rejected_token_from_the_command_line_exits_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import discord

    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    # The fake runs on its own loop in a thread: the command line starts its own with asyncio.run.
    loop = asyncio.new_event_loop()
    fake = FakeDiscord.__new__(FakeDiscord)
    started = threading.Event()

    def run_fake() -> None:
        asyncio.set_event_loop(loop)
        FakeDiscord.__init__(fake)
        loop.run_until_complete(fake.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run_fake, daemon=True)
    thread.start()
    assert started.wait(10)
    try:
        monkeypatch.setenv("DISCORD_TOKEN", "not-the-token")
        monkeypatch.setenv("DISCORD_API_BASE", fake.api_base)
        assert main(["discord"]) == 1
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
    err = capsys.readouterr().err.strip()
    assert err == messages.DISCORD_TOKEN_REJECTED


# --- /timeline ---


def hand_built_events(store: KnowledgeStore, count: int) -> tuple[TimelineEvent, ...]:
    article = next(iter(store.current.articles.values()))
    sentences = [s.span for s in store.current.sentences if store.current.article_of(s.passage) is article]
    return tuple(
        TimelineEvent(
            date=EventDate(2019, 1 + n % 12, 1 + n), approximate=n % 3 == 0, title=f"Event number {n}",
            quotes=(Quote(article, sentences[n % len(sentences)].start, sentences[n % len(sentences)].end),),
        )
        for n in range(count)
    )


@pytest.fixture
def timeline_store(knowledge_copy: Path) -> KnowledgeStore:
    store = KnowledgeStore(knowledge_copy)
    store.current = dataclasses.replace(store.current, timeline=hand_built_events(store, 12))
    return store


async def test_timeline_pages_with_stateless_buttons(fake_discord: FakeDiscord, timeline_store: KnowledgeStore) -> None:
    async with running_bot(fake_discord, timeline_store):
        interaction = await fake_discord.slash("timeline")
        calls = await fake_discord.wait_for(answered(interaction, follow_ups=1))
        [follow_up] = [c for c in calls if c.path.startswith("/webhooks/") and interaction["token"] in c.path]
        embed = follow_up.body["embeds"][0]
        assert embed["footer"]["text"] == "Page 1 of 3"
        assert [f["name"] for f in embed["fields"]][0].startswith("January 1, 2019 (approximate date): Event number 0")
        previous, following = follow_up.body["components"][0]["components"]
        assert previous["disabled"] and not following.get("disabled", False)

        message = fake_discord.messages[fake_discord.channel_id][-1]
        press = await fake_discord.press(message, following["custom_id"])
        calls = await fake_discord.wait_for(answered(press))
        [callback] = [c for c in calls if c.path == f"/interactions/{press['id']}/{press['token']}/callback"]
        assert callback.body["type"] == 7  # the message is edited in place
        page_two = callback.body["data"]["embeds"][0]
        assert page_two["footer"]["text"] == "Page 2 of 3"
        assert page_two["fields"][0]["name"].startswith("June 6, 2019")
        assert_pings_no_one(calls)


async def test_timeline_with_a_date_range_and_a_bad_date(fake_discord: FakeDiscord, timeline_store: KnowledgeStore) -> None:
    async with running_bot(fake_discord, timeline_store):
        # Partial dates cover their whole month: "to 2019-03" ends on March 31.
        ranged = await fake_discord.slash("timeline", {"from": "2019-02", "to": "2019-03"})
        calls = await fake_discord.wait_for(answered(ranged, follow_ups=1))
        [follow_up] = [c for c in calls if c.path.startswith("/webhooks/") and ranged["token"] in c.path]
        names = [f["name"] for f in follow_up.body["embeds"][0]["fields"]]
        assert [n.split(":")[0] for n in names] == ["February 2, 2019", "March 3, 2019"]
        assert "components" not in follow_up.body or not follow_up.body["components"]  # one page: no buttons

        # The wrong way round is read the right way round, as on the command line and in chat.
        backwards = await fake_discord.slash("timeline", {"from": "2019-03", "to": "2019-02"})
        calls = await fake_discord.wait_for(answered(backwards, follow_ups=1))
        [follow_up] = [c for c in calls if c.path.startswith("/webhooks/") and backwards["token"] in c.path]
        assert [f["name"] for f in follow_up.body["embeds"][0]["fields"]] == names

        bad = await fake_discord.slash("timeline", {"from": "last week"})
        calls = await fake_discord.wait_for(answered(bad))
        [callback] = [c for c in calls if c.path == f"/interactions/{bad['id']}/{bad['token']}/callback"]
        assert callback.body["data"]["content"] == messages.TIMELINE_BAD_DATE.format(value="last week")
        assert callback.body["data"]["flags"] & EPHEMERAL


async def test_timeline_empty_says_so(fake_discord: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    async with running_bot(fake_discord, bundled_store):
        interaction = await fake_discord.slash("timeline", {"topic": "banana bread"})
        calls = await fake_discord.wait_for(answered(interaction, follow_ups=1))
    [follow_up] = [c for c in calls if c.path.startswith("/webhooks/") and interaction["token"] in c.path]
    assert follow_up.body["embeds"][0]["description"] == messages.TIMELINE_NONE


async def test_timeline_shows_announced_plans_after_what_happened_and_marked(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    store = KnowledgeStore(write_talks_with_a_plan(tmp_path / "knowledge"))
    async with running_bot(fake_discord, store):
        interaction = await fake_discord.slash("timeline")
        calls = await fake_discord.wait_for(answered(interaction, follow_ups=1))
    [follow_up] = [c for c in calls if c.path.startswith("/webhooks/") and interaction["token"] in c.path]
    happened, planned = follow_up.body["embeds"][0]["fields"]
    assert happened["name"] == "March 12, 2019: The trade ministers met in Oslo and failed to agree on tariffs"
    when = f"March 2019 ({messages.DISCORD_APPROXIMATE})"
    assert planned["name"] == f"{messages.timeline_announced(when)}: The ministers will return to Oslo"
    assert "The ministers will return to Oslo in two weeks, a spokesman said." in planned["value"]
    assert_pings_no_one(calls)



async def test_timeline_page_buttons_build_the_page_off_the_event_loop(
    fake_discord: FakeDiscord, timeline_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Our own command is wrapped to see where it runs; discord.py itself is untouched.
    from bot import commands

    threads: list[threading.Thread] = []
    build = commands.timeline

    def recording(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(commands, "timeline", recording)
    async with running_bot(fake_discord, timeline_store):
        interaction = await fake_discord.slash("timeline")
        calls = await fake_discord.wait_for(answered(interaction, follow_ups=1))
        [follow_up] = [c for c in calls if c.path.startswith("/webhooks/") and interaction["token"] in c.path]
        following = follow_up.body["components"][0]["components"][1]
        press = await fake_discord.press(fake_discord.messages[fake_discord.channel_id][-1], following["custom_id"])
        await fake_discord.wait_for(answered(press))
    loop_thread = threading.current_thread()  # this test runs on the bot's event loop
    assert len(threads) == 2  # the command, then the press
    assert loop_thread not in threads  # both pages were built off the loop
