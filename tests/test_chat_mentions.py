"""Chat mention markup (<@123>, <#C1|general>, <!here> …) in what a user types is never a word of
the question: every command reads its text without it, on every front end."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import messages
from bot.answers import clean_question
from bot.knowledge.store import KnowledgeStore
from bot.frontends.terminal import reply_to
from tests.cli_helpers import run_bot
from tests.discord_fixtures import answered, assert_pings_no_one, bot, fake_discord, interaction_calls, messages_in, posted_to  # noqa: F401 - fixtures
from tests.fakes.discord_server import FakeDiscord

DISCORD_MENTIONS = "<@123> <@!456> <@&789> <#101112> </ask:131415> <:hanoi:161718> <a:wave:192021>"
SLACK_MENTIONS = "<@U123> <@U456|ann> <#C789|general> <!here> <!subteam^S1|@team>"


@pytest.mark.parametrize("mentions", [DISCORD_MENTIONS, SLACK_MENTIONS])
@pytest.mark.parametrize(
    "command",
    ["/compare {} Hanoi summit", "/ask Why did the Hanoi summit {} collapse?", "/said {} rusten", "/timeline {} hanoi 2019"],
)
def test_every_command_reads_its_text_without_mentions(bundled_store: KnowledgeStore, command: str, mentions: str) -> None:
    plain = reply_to(bundled_store, " ".join(command.format("").split()))
    with_mentions = reply_to(bundled_store, command.format(mentions))
    assert with_mentions == plain
    assert plain is not None and "nothing on this" not in plain.splitlines()[0]


async def test_discord_compare_with_a_mention_in_the_topic_compares_the_topic(bot: FakeDiscord) -> None:
    """`/compare topic:<@123> summit` once found nothing: "123" was read as a word of the topic."""
    embeds = []
    for topic in ("<@123> summit", "summit"):
        interaction = await bot.slash("compare", {"topic": topic})
        calls = await bot.wait_for(answered(interaction, follow_ups=1))
        [follow_up] = [c for c in interaction_calls(calls, interaction) if c.path.startswith("/webhooks/")]
        embeds.append(follow_up.body["embeds"])
        assert_pings_no_one(calls)
    with_mention, plain = embeds
    assert with_mention == plain
    assert {"WIRED", "Vox"} <= {field["name"] for field in plain[0]["fields"]}


@pytest.mark.parametrize("command", [["compare", "{}", "Hanoi", "summit"], ["timeline", "{}", "hanoi"], ["said", "{}", "rusten"], ["ask", "{}", "why did hanoi fail?"]])
def test_the_command_line_reads_its_text_without_mentions(command: list[str]) -> None:
    plain = run_bot(*[part for part in command if part != "{}"])
    with_mentions = run_bot(*[DISCORD_MENTIONS if part == "{}" else part for part in command])
    assert plain.returncode == with_mentions.returncode == 0
    assert with_mentions.stdout == plain.stdout


# @everyone and @here are typed as words (Discord keeps them so, Slack's slash commands too).
BROADCASTS = ["@everyone who is biegun", "who is biegun @everyone", "@here who is stephen biegun", "<!channel> who is biegun <@U123>"]


def test_a_broadcast_mention_typed_in_the_chat_leaves_the_question_as_it_was(tmp_path: Path) -> None:
    """"@everyone who is biegun" was declined as not covered ("who is" no longer opened it, so a
    name was wanted) while "who is biegun" was answered, and it went into the unanswered report."""
    with_mentions = run_bot("chat", stdin="".join(f"{question}\n" for question in BROADCASTS))
    plain = run_bot("chat", stdin="who is biegun\nwho is biegun\nwho is stephen biegun\nwho is biegun\n")
    assert with_mentions.returncode == plain.returncode == 0
    assert with_mentions.stdout.count(messages.ANSWER_INTRO) == len(BROADCASTS)
    assert _without_echoes(with_mentions.stdout) == _without_echoes(plain.stdout)
    assert not (tmp_path / "data" / "unanswered.jsonl").exists()  # nothing declined, nothing logged


def _without_echoes(output: str) -> list[str]:
    return [line for line in output.splitlines() if not line.startswith("> ")]


def test_the_explanation_finds_the_name_beside_a_broadcast_mention() -> None:
    result = run_bot("ask", "--explain", "@everyone who is biegun")
    assert result.returncode == 0
    [concept] = [line.split() for line in result.stdout.splitlines() if line.strip().endswith("biegun")]
    assert concept[1:] == ["yes", "biegun"]
    assert "expects a person's name" not in result.stdout


@pytest.mark.parametrize("text", ["mail me@here.com about it", "@everyones favourite", "@hereafter"])
def test_only_the_broadcast_mentions_themselves_are_taken_out(text: str) -> None:
    assert clean_question(text) == text


async def test_discord_answers_a_mention_with_at_everyone_in_it_and_pings_no_one(bot: FakeDiscord) -> None:
    alice = bot.person("Alice")
    question = await bot.post_message(bot.channel_id, alice, "@everyone who is biegun", mention_bot=True)
    calls = await bot.wait_for(posted_to(question["id"]))
    [reply] = messages_in(calls, question["id"])
    assert not reply.body["embeds"][0]["description"].startswith(messages.NOT_COVERED)
    assert "Biegun" in reply.body["embeds"][0]["description"]
    assert_pings_no_one(calls)
