"""The one command table: every front end offers, lists and runs what it declares, and a command
added to it reaches the terminal, the real slack-bolt app and the real discord.py client with no
edit to any dispatcher, only a renderer per platform for its result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from bot import command_table, messages
from bot.command_table.model import Call, Command, Option
from bot.config import PROJECT_ROOT
from bot.frontends import discord_replies
from bot.frontends.discord_buttons import NO_PINGS
from bot.frontends.terminal import reply_to
from bot.knowledge.store import KnowledgeStore
from bot.render import slack_render, slack_replies, text_replies
from bot.render.slack_render import SlackMessage
from bot.thread_history import HISTORY_LIMIT, ThreadMessage, earlier_questions
from tests.discord_fixtures import EPHEMERAL, answered, fake_discord, interaction_calls, running_bot  # noqa: F401 - fixtures
from tests.fakes import discord_payloads as p
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.slack_server import FakeSlack
from tests.slack_checks import all_text
from tests.slack_fixtures import ADMIN_ID, fake_slack, serve_http, slack_settings, slash_command_body  # noqa: F401 - fixtures


@dataclass(frozen=True)
class Shout:
    """A result type only these tests know: each platform needs a renderer registered for it."""

    words: str


def _shout(store: KnowledgeStore, call: Call) -> Shout:
    return Shout(call.text("words").upper())


SHOUT = Command(
    name="shout",
    description="Say the words louder (a command only the tests add).",
    options=(Option("words", "What to shout", required=True, max_length=100),),
    handler=_shout,
    admin_only=True,
)


@text_replies.reply_text.register
def _(result: Shout) -> str:
    return result.words


@slack_replies.reply.register
def _(result: Shout) -> SlackMessage:
    return slack_render.text_message(result.words)


@discord_replies.reply.register
def _(result: Shout) -> dict[str, Any]:
    return {"content": result.words, "allowed_mentions": NO_PINGS}


@pytest.fixture
def with_shout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(command_table, "COMMANDS", (*command_table.COMMANDS, SHOUT))


def test_help_on_every_platform_lists_exactly_the_commands_it_offers() -> None:
    for platform in ("terminal", "discord", "slack"):
        listed = [entry.usage.split()[0] for entry in command_table.help_list(platform).entries]
        assert listed == ["/" + c.name for c in command_table.for_platform(platform)]
    # Slack registers /reload, so its help says so (it used to leave it out).
    slack_help = all_text(slack_replies.reply(command_table.help_list("slack")).as_kwargs())
    assert "/reload" in slack_help and messages.SLACK_ADMIN_ONLY in slack_help
    assert "/quit" not in slack_help  # a terminal-only command


def test_typed_text_fills_the_same_options_as_discords_box() -> None:
    call = command_table.call_from_text("/timeline hanoi 2019 2018", "terminal")
    assert isinstance(call, Call) and call.values == {"topic": "hanoi", "from": "2019", "to": "2018"}
    question = command_table.call_from_text("Why did Hanoi fail?", "slack")
    assert isinstance(question, Call) and question.command.name == "ask" and question.text("question") == "Why did Hanoi fail?"
    assert command_table.call_from_text("/quit", "slack") == command_table.UnknownCommand("/quit")


def test_timeline_dates_typed_the_wrong_way_round_are_read_in_order_and_every_front_end_says_so(bundled_store: KnowledgeStore) -> None:
    """"/timeline 2019 2018" silently listed 2018 to 2019 (walkthrough): the events are the same as
    for "2018 2019", and the reply on each platform says how the dates were read."""
    note = messages.timeline_dates_swapped(("2018", "2019"))
    for platform in ("terminal", "discord", "slack"):
        swapped, ordered = (command_table.call_from_text(f"/timeline {typed}", platform) for typed in ("2019 2018", "2018 2019"))
        assert isinstance(swapped, Call) and isinstance(ordered, Call)
        result, in_order = command_table.run(bundled_store, swapped), command_table.run(bundled_store, ordered)
        assert result.events == in_order.events and result.events  # type: ignore[attr-defined]
        shown = {
            "terminal": lambda r: text_replies.reply_text(r),
            "discord": lambda r: str(discord_replies.reply(r).get("content", "")),
            "slack": lambda r: all_text(slack_replies.reply(r).as_kwargs()),
        }[platform]
        assert note in shown(result) and note not in shown(in_order), platform
    assert text_replies.reply_text(command_table.run(bundled_store, swapped)).startswith(note)


def test_admin_only_and_bad_values_are_refused_before_the_handler_runs(bundled_store: KnowledgeStore) -> None:
    reload = command_table.named("reload", "slack")
    assert reload is not None
    assert command_table.run(bundled_store, Call(reload, {}, "slack", admin=False)) == command_table.NotAllowed("reload")
    timeline = command_table.named("timeline", "discord")
    assert timeline is not None
    bad = command_table.run(bundled_store, Call(timeline, {"from": "2019-13"}, "discord"))
    assert bad == command_table.BadValue("from", "2019-13", messages.timeline_bad_date("2019-13"))


def test_a_timeline_date_the_calendar_lacks_says_why(bundled_store: KnowledgeStore) -> None:
    """"/timeline 2019-02-30" said to use YYYY-MM-DD, the form it is already in (walkthrough)."""
    timeline = command_table.named("timeline", "discord")
    assert timeline is not None
    bad = command_table.run(bundled_store, Call(timeline, {"from": "2019-02-30"}, "discord"))
    assert isinstance(bad, command_table.BadValue) and "February 2019 has 28 days" in bad.problem
    shape = command_table.run(bundled_store, Call(timeline, {"from": "last week"}, "discord"))
    assert isinstance(shape, command_table.BadValue) and "use YYYY, YYYY-MM or YYYY-MM-DD" in shape.problem


def test_thread_history_keeps_peoples_questions_oldest_first_up_to_the_limit() -> None:
    history = [ThreadMessage(f"<@U1> question {n}", from_bot=False) for n in range(HISTORY_LIMIT + 5)]
    history.insert(3, ThreadMessage("an answer", from_bot=True))
    history.insert(4, ThreadMessage("<@U1>", from_bot=False))  # only a mention: no question
    found = earlier_questions(history, lambda text: text.replace("<@U1>", "").strip())
    assert found == [f"question {n}" for n in range(5, HISTORY_LIMIT + 5)]


@pytest.mark.usefixtures("with_shout")
def test_a_new_command_reaches_the_terminal_and_its_help(bundled_store: KnowledgeStore) -> None:
    assert reply_to(bundled_store, "/shout hello there") == "HELLO THERE"
    assert "/shout WORDS" in (reply_to(bundled_store, "/help") or "")


@pytest.mark.usefixtures("with_shout")
async def test_a_new_command_reaches_the_slack_app_with_its_admin_check(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    async for bot in serve_http(slack_settings(fake_slack), bundled_store):
        await bot.command(slash_command_body(fake_slack, "/shout", "hello", hook="someone"))
        await bot.command(slash_command_body(fake_slack, "/shout", "hello", user_id=ADMIN_ID, hook="admin"))
        await bot.command(slash_command_body(fake_slack, "/help", "", hook="help"))
        await fake_slack.wait_for(lambda f: len(f.of("response_url")) == 3)
    by_hook = {call.path.rsplit("/", 1)[1]: call.args for call in fake_slack.of("response_url")}
    assert by_hook["someone"]["text"] == messages.NOT_ALLOWED.format(command="shout")
    assert by_hook["someone"]["response_type"] == "ephemeral"
    assert by_hook["admin"]["text"] == "HELLO"
    assert "/shout WORDS" in all_text(by_hook["help"])


@pytest.mark.usefixtures("with_shout")
async def test_a_new_command_reaches_discord_with_its_option_and_admin_check(fake_discord: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    async with running_bot(fake_discord, bundled_store):
        [shout] = [c for c in fake_discord.commands[fake_discord.guild_id] if c["name"] == "shout"]
        assert [o["name"] for o in shout["options"]] == ["words"] and shout["options"][0]["required"] is True
        assert shout["default_member_permissions"] is not None  # hidden from members by default
        refused = await fake_discord.slash("shout", {"words": "hello"})
        allowed = await fake_discord.slash("shout", {"words": "hello"}, permissions=p.SEND_AND_READ | p.MANAGE_GUILD)
        calls = await fake_discord.wait_for(lambda calls: answered(refused)(calls) and answered(allowed)(calls))
    [no] = [c for c in interaction_calls(calls, refused) if c.path.endswith("/callback")]
    [yes] = [c for c in interaction_calls(calls, allowed) if c.path.endswith("/callback")]
    assert no.body["data"]["content"] == messages.DISCORD_NOT_ALLOWED.format(command="shout")
    assert no.body["data"]["flags"] & EPHEMERAL
    assert yes.body["data"]["content"] == "HELLO"
