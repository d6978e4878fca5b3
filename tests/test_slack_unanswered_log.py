"""A question declined on Slack reaches the unanswered log without the ids and names Slack wraps around it."""

from __future__ import annotations

import json
from pathlib import Path

from bot import messages
from bot.cli.common import open_store
from bot.config import Settings
from tests.fakes.slack_server import BOT_USER_ID, FakeSlack
from tests.slack_checks import all_text
from tests.slack_fixtures import (  # noqa: F401  (fixtures)
    CHANNEL_ID,
    USER_ID,
    event_callback,
    fake_slack,
    mention_event,
    serve_http,
    slack_settings,
    slash_command_body,
)

NOT_COVERED = "What is the price of pickled herring in Oslo fish markets?"
PRIVATE_BITS = ("C0SECRET", "secret-ops", "S0ONCALL", "oncall", "U0OTHER", "bob", BOT_USER_ID, USER_ID, CHANNEL_ID, "<", "&lt;")


async def test_a_declined_slack_question_is_logged_without_mentions(fake_slack: FakeSlack, knowledge_copy: Path, tmp_path: Path) -> None:
    store = open_store(Settings(bot_knowledge_dir=knowledge_copy))  # the log comes from BOT_UNANSWERED_LOG (conftest)
    assert store.unanswered_log is not None
    mention = f"<#C0SECRET|secret-ops> <!subteam^S0ONCALL|@oncall> <!channel> <@U0OTHER|bob> {NOT_COVERED}"
    command = "What is the price of pickled herring in <#C0SECRET|secret-ops> Oslo fish markets? <!here> <@U0OTHER|bob>"
    async for bot in serve_http(slack_settings(fake_slack), store):
        await bot.event(event_callback(mention_event(mention, "1700002000.000100"), "EvLOGGED"))
        await bot.command(slash_command_body(fake_slack, "/ask", command))
        await fake_slack.wait_for(lambda f: f.of("chat.postMessage") and f.of("response_url"))
    for reply in (fake_slack.of("chat.postMessage")[0], fake_slack.of("response_url")[0]):
        assert messages.NEVER_MENTIONED.format(name="Oslo") in all_text(reply.args)  # declined, naming the place

    raw = store.unanswered_log.path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in raw.splitlines()]
    assert [(r["frontend"], r["question"]) for r in records] == [("slack", NOT_COVERED), ("slack", NOT_COVERED)]
    for private in PRIVATE_BITS:
        assert private not in raw
