"""The Slack tokens checked at start: the kind each setting takes, and Slack's own word on the bot token.

Before, `SLACK_BOT_TOKEN=garbage` (or an xapp- token) with a signing secret started the HTTP
server, /readyz said Slack was ready and every request then failed; an xoxb- token given as
SLACK_APP_TOKEN was sent to apps.connections.open over and over.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import aiohttp
import pytest
from pydantic import SecretStr

from bot.cli import main
from bot.errors import StartupError
from bot.frontends import slack_app
from bot.knowledge.store import KnowledgeStore
from bot.service.readiness import readiness
from tests.bot_process import TIMEOUT, running_bot
from tests.fakes.slack_server import BOT_TOKEN, FakeSlack
from tests.slack_fixtures import SIGNING_SECRET, fake_slack, free_port, slack_settings  # noqa: F401  (fixtures)


@pytest.mark.parametrize(("token", "kind"), [("garbage-token-1234", "does not start like any Slack token"), ("xapp-1-A0-secret", "an app-level token (xapp-…)")])
def test_a_bot_token_of_the_wrong_kind_is_named_at_start_without_its_value(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], token: str, kind: str
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    assert main(["slack"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("SLACK_BOT_TOKEN=") and "xoxb-" in error and kind in error and "\n" not in error
    assert token not in error and token.removeprefix("xapp-") not in error


def test_a_bot_token_given_as_the_app_token_is_named_before_anything_connects(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_APP_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_API_BASE", f"http://127.0.0.1:{free_port()}/api/")  # nothing listens: no retries may start
    assert main(["slack"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("SLACK_APP_TOKEN=") and "xapp-" in error and "a bot token (xoxb-…)" in error
    assert BOT_TOKEN not in error and "\n" not in error


async def test_a_bot_token_slack_refuses_stops_http_mode_before_it_listens(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    port = free_port()
    revoked = "xoxb-revoked-token"  # the fake accepts only BOT_TOKEN, as Slack answers any other: invalid_auth
    settings = slack_settings(fake_slack, slack_bot_token=SecretStr(revoked), slack_port=port)
    with pytest.raises(StartupError) as stopped:
        await asyncio.wait_for(slack_app.serve(settings, bundled_store), TIMEOUT)
    message = str(stopped.value)
    assert message.startswith("Slack refused SLACK_BOT_TOKEN") and "(invalid_auth)" in message and revoked not in message
    assert slack_app.READINESS_CHECK not in readiness.report()  # never said ready
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.ClientConnectionError):  # the HTTP server never listened
            await session.post(f"http://127.0.0.1:{port}{slack_app.EVENTS_PATH}", data=b"{}")


async def test_a_refused_bot_token_is_one_sentence_and_exit_1(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """The README's promise for "a missing or rejected setting", from the command line."""
    env = {"SLACK_BOT_TOKEN": "xoxb-revoked-token", "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE": fake_slack.api_base, "SLACK_PORT": str(free_port())}
    async with running_bot("slack", env=env, cwd=tmp_path) as bot:
        assert await asyncio.wait_for(bot.process.wait(), TIMEOUT) == 1
    (sentence,) = bot.stderr
    assert sentence.startswith("Slack refused SLACK_BOT_TOKEN") and "(invalid_auth)" in sentence
    assert "xoxb-revoked-token" not in bot.output() and "Traceback" not in bot.output()
    assert not any("listening for HTTP requests" in line for line in bot.lines)


async def test_an_accepted_bot_token_is_checked_once_and_then_the_bot_listens(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    port = free_port()
    serving = asyncio.create_task(slack_app.serve(slack_settings(fake_slack, slack_port=port), bundled_store))
    try:
        await fake_slack.wait_for(lambda f: f.of("auth.test"))
        while readiness.report().get(slack_app.READINESS_CHECK) != "ready":
            assert not serving.done(), serving
            await asyncio.sleep(0.01)
    finally:
        serving.cancel()
        await asyncio.gather(serving, return_exceptions=True)
    assert len(fake_slack.of("auth.test")) == 1


async def test_the_app_is_built_without_bolts_token_will_be_unused_warning(
    fake_slack: FakeSlack, bundled_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """bolt reads SLACK_BOT_TOKEN from the environment itself; beside a `client` it warned that the
    token "will be unused", which read as if the bot ignored it."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)  # as in production, where the setting comes from the environment
    caplog.set_level(logging.WARNING)
    app = slack_app.build_app(slack_settings(fake_slack), bundled_store)
    assert not [r for r in caplog.records if r.name.startswith("slack_bolt")]
    # The client bolt built carries the bot's own settings: the fake Slack and the retries.
    assert app.client.base_url == fake_slack.api_base and app.client.token == BOT_TOKEN
    await app.client.auth_test()
    assert fake_slack.of("auth.test")
