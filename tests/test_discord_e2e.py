"""End to end: the real discord.py client, started as in production, against a fake Discord on 127.0.0.1.

Each test acts as people would (slash commands, button presses, mentions, DMs, thread replies)
through the fake's gateway, then checks the REST calls the bot made.
"""

from __future__ import annotations

import logging

import pytest

from bot import commands, messages
from bot.knowledge.store import KnowledgeStore
from bot.render.discord_render import source_markdown, user_text
from tests.discord_fixtures import (  # noqa: F401 - fixtures
    EPHEMERAL,
    answered,
    assert_pings_no_one,
    bot,
    fake_discord,
    interaction_calls,
    messages_in,
    posted_to,
    running_bot,
)
from tests.conftest import FIXTURE_KNOWLEDGE
from tests.fakes import discord_payloads as p
from tests.fakes.discord_server import Call, FakeDiscord

HANOI = "Why did the Hanoi summit collapse?"
TILLERSON = "Who was Trump's choice to replace Tillerson?"
ROLE_ID = "123456789012345678"  # a real snowflake's length: shorter ids are not mentions


def callbacks(calls: list[Call], interaction: dict) -> list[Call]:
    return [c for c in interaction_calls(calls, interaction) if c.path.endswith("/callback")]


def follow_ups(calls: list[Call], interaction: dict) -> list[Call]:
    return [c for c in interaction_calls(calls, interaction) if c.path.startswith("/webhooks/")]


def assert_quotes_answer(description: str, store: KnowledgeStore, question: str, earlier: tuple[str, ...] = ()) -> None:
    expected = commands.ask(store, question, frontend="test", earlier_questions=earlier)
    assert expected.answered
    assert description.startswith(messages.answer_intro(expected, user_text))
    for quote in expected.quotes:
        assert f"> {quote.text[:60]}" in description
        assert source_markdown(quote.article.meta) in description


async def test_ask_defers_then_follows_up_with_the_quoted_answer(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    interaction = await bot.slash("ask", {"question": HANOI})
    calls = await bot.wait_for(answered(interaction, follow_ups=1))
    assert [c.body["type"] for c in callbacks(calls, interaction)] == [5]  # deferred once
    [follow_up] = follow_ups(calls, interaction)
    assert_quotes_answer(follow_up.body["embeds"][0]["description"], bundled_store, HANOI)
    rows = [[b["custom_id"].split(":")[0] for b in row["components"]] for row in follow_up.body["components"]]
    assert rows[0] and set(rows[0]) == {"ctx"} and rows[1] == ["fb", "fb"]  # "More context" per quote, then 👍 👎
    assert follow_up.body["embeds"][0]["footer"]["text"] == f"{messages.QUESTION_LABEL}: {HANOI}"
    assert_pings_no_one(calls)


async def test_ask_not_covered_says_so(bot: FakeDiscord) -> None:
    interaction = await bot.slash("ask", {"question": "What is a good recipe for banana bread?"})
    calls = await bot.wait_for(answered(interaction, follow_ups=1))
    [follow_up] = follow_ups(calls, interaction)
    assert follow_up.body["embeds"][0]["description"].startswith(messages.NOT_COVERED)
    buttons = [b["custom_id"] for row in follow_up.body["components"] for b in row["components"]]
    # "More context" under each closest passage shown, then 👍 and 👎.
    assert [b.split(":")[:2] for b in buttons[-2:]] == [["fb", "good"], ["fb", "bad"]]
    assert all(b.startswith("ctx:") for b in buttons[:-2])


async def test_more_context_button_answers_ephemerally_with_the_wider_passage(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    interaction = await bot.slash("ask", {"question": TILLERSON})
    calls = await bot.wait_for(answered(interaction, follow_ups=1))
    [follow_up] = follow_ups(calls, interaction)
    sent = bot.messages[bot.channel_id][-1]  # the follow-up as Discord stored it, buttons included
    custom_id = follow_up.body["components"][0]["components"][0]["custom_id"]
    press = await bot.press(sent, custom_id)
    calls = await bot.wait_for(answered(press))
    [callback] = callbacks(calls, press)
    assert callback.body["type"] == 4 and callback.body["data"]["flags"] & EPHEMERAL
    quote = commands.ask(bundled_store, TILLERSON, frontend="test").quotes[0]
    description = callback.body["data"]["embeds"][0]["description"]
    assert quote.text in description.replace("> ", "")
    assert len(description) > len(quote.text)
    assert_pings_no_one(calls)


async def test_mention_in_a_channel_is_answered_in_a_thread_and_a_reply_there_is_a_follow_up(
    bot: FakeDiscord, bundled_store: KnowledgeStore
) -> None:
    alice = bot.person("Alice")
    question = await bot.post_message(bot.channel_id, alice, f"{TILLERSON} @everyone <@&{ROLE_ID}>", mention_bot=True)
    thread_id = question["id"]  # a thread started from a message takes its id
    calls = await bot.wait_for(posted_to(thread_id))
    [create] = [c for c in calls if c.path == f"/channels/{bot.channel_id}/messages/{thread_id}/threads"]
    assert create.body["name"].startswith(TILLERSON)
    assert not messages_in(calls, bot.channel_id)  # the answer goes in the thread, not the channel
    [reply] = messages_in(calls, thread_id)
    assert_quotes_answer(reply.body["embeds"][0]["description"], bundled_store, TILLERSON)

    # A short reply in the bot's thread, no mention: answered using the thread's first question.
    assert not commands.ask(bundled_store, "why?", frontend="test").answered
    await bot.post_message(thread_id, alice, "why?", mention_bot=False)
    calls = await bot.wait_for(posted_to(thread_id, 2))
    assert any(c.method == "GET" and c.path == f"/channels/{bot.channel_id}/messages/{thread_id}" for c in calls)
    assert any(c.method == "GET" and c.path == f"/channels/{thread_id}/messages" for c in calls)
    follow_up = messages_in(calls, thread_id)[1]
    # It names the thread's question it leaned on, read back from Discord: neither the role's
    # mention markup nor @everyone, typed as a word, is a word of it.
    description = follow_up.body["embeds"][0]["description"]
    assert_quotes_answer(description, bundled_store, "why?", (f"{TILLERSON} @everyone <@&{ROLE_ID}>",))
    assert f"question “{TILLERSON}”" in description
    assert "@everyone" not in description and f"<@&{ROLE_ID}>" not in description
    assert_pings_no_one(calls)


async def test_a_follow_up_after_a_restart_reads_its_question_from_the_thread(fake_discord: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    """Nothing a follow-up needs lives in the bot: answered by a copy started after the thread's
    question was answered (its caches empty, a knowledge store of its own), "and why?" is read
    with the question Discord holds in the thread."""
    alice = fake_discord.person("Alice")
    async with running_bot(fake_discord, bundled_store):
        question = await fake_discord.post_message(fake_discord.channel_id, alice, "When did the Hanoi summit collapse?", mention_bot=True)
        thread_id = question["id"]
        await fake_discord.wait_for(posted_to(thread_id))
    async with running_bot(fake_discord, KnowledgeStore(FIXTURE_KNOWLEDGE)):
        await fake_discord.post_message(thread_id, alice, "and why?", mention_bot=False)
        calls = await fake_discord.wait_for(posted_to(thread_id, 2))
    follow_up = messages_in(calls, thread_id)[1]
    description = follow_up.body["embeds"][0]["description"]
    assert "question “When did the Hanoi summit collapse?”" in description, description
    assert_quotes_answer(description, bundled_store, "and why?", ("When did the Hanoi summit collapse?",))


async def test_direct_message_is_a_question(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    dm = p.snowflake()
    await bot.post_message(dm, bot.person("Bob"), HANOI, mention_bot=False)
    calls = await bot.wait_for(posted_to(dm))
    [reply] = messages_in(calls, dm)
    assert_quotes_answer(reply.body["embeds"][0]["description"], bundled_store, HANOI)
    assert not any("/threads" in c.path for c in calls)
    assert_pings_no_one(calls)


async def test_messages_from_bots_and_plain_channel_chatter_are_ignored(bot: FakeDiscord) -> None:
    other_bot = p.user(p.snowflake(), "OtherBot", bot=True)
    await bot.post_message(bot.channel_id, other_bot, HANOI, mention_bot=True)
    await bot.post_message(bot.channel_id, bot.bot, HANOI, mention_bot=True)
    await bot.post_message(bot.channel_id, bot.person("Carol"), HANOI, mention_bot=False)
    # A DM sent after them is answered; gateway events are handled in order, so by then the others were seen.
    dm = p.snowflake()
    await bot.post_message(dm, bot.person("Dan"), HANOI, mention_bot=False)
    calls = await bot.wait_for(posted_to(dm))
    assert [c.path for c in calls if c.method == "POST" and c.path.startswith("/channels/")] == [f"/channels/{dm}/messages"]


async def test_reload_is_refused_to_members_without_manage_server(bot: FakeDiscord) -> None:
    interaction = await bot.slash("reload", permissions=p.SEND_AND_READ)
    calls = await bot.wait_for(answered(interaction))
    [callback] = callbacks(calls, interaction)
    assert callback.body["type"] == 4
    assert callback.body["data"]["content"] == messages.DISCORD_NOT_ALLOWED.format(command="reload")
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert not follow_ups(calls, interaction)


async def test_reload_runs_for_a_member_with_manage_server(bot: FakeDiscord) -> None:
    interaction = await bot.slash("reload", permissions=p.SEND_AND_READ | p.MANAGE_GUILD)
    calls = await bot.wait_for(answered(interaction, follow_ups=1))
    [callback] = callbacks(calls, interaction)
    assert callback.body["type"] == 5 and callback.body["data"]["flags"] & EPHEMERAL
    [follow_up] = follow_ups(calls, interaction)
    assert follow_up.body["content"].startswith("Reloaded in ")
    assert follow_up.body["flags"] & EPHEMERAL
    assert_pings_no_one(calls)


async def test_reload_command_is_hidden_from_non_admins_by_default(bot: FakeDiscord) -> None:
    [reload] = [c for c in bot.commands[bot.guild_id] if c["name"] == "reload"]
    assert reload["default_member_permissions"] == str(p.MANAGE_GUILD)


async def test_help(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    interaction = await bot.slash("help")
    calls = await bot.wait_for(answered(interaction))
    [callback] = callbacks(calls, interaction)
    assert callback.body["type"] == 4 and callback.body["data"]["flags"] & EPHEMERAL
    description = callback.body["data"]["embeds"][0]["description"]
    about = bundled_store.current.profile  # the bundled knowledge/bot.yaml: topic, examples, the tip's names
    assert messages.help_intro(about) in description and "/timeline" in description and messages.help_tip(about) in description
    assert about.example_questions and all(example in description for example in about.example_questions)
    assert_pings_no_one(calls)


async def test_sources_lists_every_article(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    interaction = await bot.slash("sources")
    calls = await bot.wait_for(answered(interaction))
    [callback] = callbacks(calls, interaction)
    description = callback.body["data"]["embeds"][0]["description"]
    for article in commands.sources(bundled_store):
        assert article.id in description
    assert_pings_no_one(calls)


async def test_sources_autocompletes_titles_and_shows_the_chosen_article(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    typing = await bot.slash("sources", {"article": "north korea"}, kind=4, focused="article")
    calls = await bot.wait_for(answered(typing))
    [callback] = callbacks(calls, typing)
    assert callback.body["type"] == 8
    choices = callback.body["data"]["choices"]
    assert choices and all("north korea" in c["name"].casefold() for c in choices)

    chosen = await bot.slash("sources", {"article": choices[0]["value"]})
    calls = await bot.wait_for(answered(chosen))
    [callback] = callbacks(calls, chosen)
    article = bundled_store.current.articles[choices[0]["value"]]
    assert callback.body["data"]["embeds"][0]["title"] == article.meta.title.strip('"“”')


async def test_an_error_gets_one_short_ephemeral_reply_and_a_logged_traceback(
    bot: FakeDiscord, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index on fire")

    monkeypatch.setattr(commands, "ask", broken)  # our core breaking, not discord.py
    interaction = await bot.slash("ask", {"question": HANOI})
    with caplog.at_level(logging.ERROR):
        calls = await bot.wait_for(answered(interaction, follow_ups=1))
    [follow_up] = follow_ups(calls, interaction)
    assert follow_up.body["content"] == messages.INTERNAL_ERROR and follow_up.body["flags"] & EPHEMERAL
    assert any("index on fire" in (r.exc_text or "") or (r.exc_info and "index on fire" in str(r.exc_info[1])) for r in caplog.records)


async def test_a_message_that_fails_gets_a_short_reply(bot: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index on fire")

    monkeypatch.setattr(commands, "ask", broken)
    dm = p.snowflake()
    await bot.post_message(dm, bot.person("Erin"), HANOI, mention_bot=False)
    calls = await bot.wait_for(posted_to(dm))
    [reply] = messages_in(calls, dm)
    assert reply.body["content"] == messages.INTERNAL_ERROR
    assert_pings_no_one(calls)
