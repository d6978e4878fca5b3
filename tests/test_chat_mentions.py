"""Chat mention markup (<@123>, <#C1|general>, <!here> …) in what a user types is never a word of
the question: every command reads its text without it, on every front end."""

from __future__ import annotations

import pytest

from bot.knowledge.store import KnowledgeStore
from bot.frontends.terminal import reply_to
from tests.cli_helpers import run_bot
from tests.discord_fixtures import answered, assert_pings_no_one, bot, fake_discord, interaction_calls  # noqa: F401 - fixtures
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
