"""Live reload seen from Discord through the real entry point: `python -m bot discord` in a
subprocess, logged in to the fake Discord, while an article is added to and removed from its
knowledge folder."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from tests.bot_process import TIMEOUT, running_bot
from tests.conftest import write_article
from tests.discord_fixtures import answered, fake_discord, interaction_calls  # noqa: F401  (fixtures)
from tests.fakes.discord_server import TOKEN, FakeDiscord

ARTICLE_ID = "zanzibar-2019-03-01"
QUESTION = "What did the Zanzibar accord on plutonium reprocessing require?"
NEW_TEXT = "The Zanzibar accord on plutonium reprocessing required every reactor to close by winter."


async def ask(fake: FakeDiscord) -> str:
    """/ask through the gateway; the description of the follow-up the bot posts."""
    interaction = await fake.slash("ask", {"question": QUESTION})
    calls = await fake.wait_for(answered(interaction, follow_ups=1), timeout=TIMEOUT)
    [follow_up] = [c for c in interaction_calls(calls, interaction) if c.path.startswith("/webhooks/")]
    embeds: list[dict[str, Any]] = follow_up.body["embeds"]
    return "\n".join(e.get("description", "") for e in embeds)


async def test_an_article_added_and_removed_while_python_m_bot_discord_serves(
    fake_discord: FakeDiscord, knowledge_copy: Path, tmp_path: Path
) -> None:
    fake_discord.expect_connection()
    settings = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": fake_discord.api_base, "DISCORD_GUILD_IDS": fake_discord.guild_id}
    async with running_bot("discord", "--knowledge", str(knowledge_copy), env=settings, cwd=tmp_path) as bot:
        ready = asyncio.create_task(fake_discord.wait_ready(timeout=TIMEOUT))
        watching = asyncio.create_task(bot.wait_for_line("watching", str(knowledge_copy)))
        await asyncio.gather(ready, watching)  # logged in (IDENTIFY, READY) and the folder watch in place
        assert fake_discord.identifies[-1]["token"] == TOKEN
        before = await ask(fake_discord)

        path = write_article(knowledge_copy, ARTICLE_ID, NEW_TEXT, publisher="Test Wire")
        await bot.wait_for_line("Reloaded in", f"added {ARTICLE_ID}")
        added = await ask(fake_discord)

        path.unlink()
        await bot.wait_for_line("Reloaded in", f"removed {ARTICLE_ID}")
        removed = await ask(fake_discord)
    assert NEW_TEXT not in before
    assert f"> {NEW_TEXT}" in added and "Test Wire" in added
    assert NEW_TEXT not in removed and "Test Wire" not in removed
