"""Live reload seen from Slack: `python -m bot slack` in HTTP mode, a real subprocess, while its knowledge changes.

The process is the production entry point (settings from the environment, the knowledge watcher
that `serve_with_watcher` starts beside the app); it talks only to the fake Slack on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp

from tests.bot_process import TIMEOUT, running_bot
from tests.conftest import write_article
from tests.fakes.slack_server import BOT_TOKEN, FakeSlack
from tests.slack_checks import all_text
from tests.slack_fixtures import SIGNING_SECRET, HttpBot, fake_slack, free_port, slash_command_body  # noqa: F401  (fixtures)

QUESTION = "What did the Zanzibar accord on plutonium reprocessing require?"
NEW_TEXT = "The Zanzibar accord on plutonium reprocessing required every reactor to close by winter."
ARTICLE_ID = "zanzibar-2019-03-01"


async def ask(fake: FakeSlack, bot: HttpBot, hook: str) -> str:
    response = await bot.command(slash_command_body(fake, "/ask", QUESTION, hook=hook))
    assert response.status == 200
    (reply,) = await fake.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/" + hook)], TIMEOUT)
    return all_text(reply)


async def test_an_article_added_and_removed_while_python_m_bot_slack_serves(fake_slack: FakeSlack, knowledge_copy: Path, tmp_path: Path) -> None:
    port = free_port()
    settings = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE": fake_slack.api_base, "SLACK_PORT": str(port)}
    async with running_bot("slack", "--knowledge", str(knowledge_copy), env=settings, cwd=tmp_path) as bot_process:
        await bot_process.wait_for_line(f"listening for HTTP requests on port {port}")
        # Changes made before the OS watch is in place would be missed, so wait for it too.
        await bot_process.wait_for_line(f"watching {knowledge_copy} for changes")
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as session:
            bot = HttpBot(f"http://127.0.0.1:{port}/slack/events", session)
            before = await ask(fake_slack, bot, "before")

            path = write_article(knowledge_copy, ARTICLE_ID, NEW_TEXT, publisher="Test Wire")
            await bot_process.wait_for_line("Reloaded in", f"added {ARTICLE_ID}")
            added = await ask(fake_slack, bot, "added")

            path.unlink()
            await bot_process.wait_for_line("Reloaded in", f"removed {ARTICLE_ID}")
            removed = await ask(fake_slack, bot, "removed")

    assert NEW_TEXT not in before and "so I won't guess" in before
    assert NEW_TEXT in added and "Test Wire" in added
    assert NEW_TEXT not in removed and "so I won't guess" in removed
