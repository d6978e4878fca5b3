"""Socket Mode against a local fake of Slack's websocket, and the settings the Slack bot needs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import SecretStr

from bot.cli import main
from bot.frontends import slack_app
from bot.knowledge.store import KnowledgeStore
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.slack_checks import all_text
from tests.slack_fixtures import (  # noqa: F401  (fixtures)
    CHANNEL_ID,
    SIGNING_SECRET,
    USER_ID,
    event_callback,
    fake_slack,
    mention_event,
    slack_settings,
)

TILLERSON = "Who was Trump's choice to replace Tillerson?"
ROOT = "1700000700.000700"


@pytest.fixture
async def socket_bot(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> AsyncIterator[FakeSlack]:
    settings = slack_settings(fake_slack, slack_app_token=SecretStr(APP_TOKEN), slack_signing_secret=None)
    handler = await slack_app.start_socket_mode(slack_app.build_app(settings, bundled_store), APP_TOKEN)
    try:
        await fake_slack.wait_for(lambda f: f.socket_connected)
        yield fake_slack
    finally:
        await handler.close_async()


def events_envelope(envelope_id: str, payload: dict[str, Any], retry_attempt: int = 0) -> dict[str, Any]:
    """As Slack sends it (slack-sdk's socket-mode fixtures): retry_attempt is 0 on first delivery,
    and a retry of an envelope that was not acked in time says `timeout`."""
    return {
        "envelope_id": envelope_id,
        "payload": payload,
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": retry_attempt,
        "retry_reason": "" if retry_attempt == 0 else "timeout",
    }


def acked(fake: FakeSlack, envelope_id: str) -> bool:
    return any(ack.get("envelope_id") == envelope_id for ack in fake.acks)


async def test_connects_through_apps_connections_open(socket_bot: FakeSlack) -> None:
    (opened,) = socket_bot.of("apps.connections.open")
    assert opened.path == "/api/apps.connections.open"  # with the app token, checked by the fake


async def test_a_mention_is_acked_and_answered_in_its_thread(socket_bot: FakeSlack) -> None:
    await socket_bot.send_envelope(events_envelope("env-1", event_callback(mention_event(TILLERSON, ROOT), "EvS1")))
    await socket_bot.wait_for(lambda f: acked(f, "env-1"))
    post = await socket_bot.wait_for(lambda f: [c.args for c in f.of("chat.postMessage") if c.args.get("thread_ts") == ROOT])
    assert post[0]["channel"] == CHANNEL_ID
    assert "Pompeo" in all_text(post[0])


async def test_a_retried_envelope_is_acked_but_answered_once(socket_bot: FakeSlack) -> None:
    payload = event_callback(mention_event(TILLERSON, ROOT), "EvS2")
    await socket_bot.send_envelope(events_envelope("env-2", payload))
    await socket_bot.wait_for(lambda f: f.of("chat.postMessage"))
    await socket_bot.send_envelope(events_envelope("env-3", payload, retry_attempt=1))
    await socket_bot.wait_for(lambda f: acked(f, "env-3"))
    # A later, different question is answered; by then a second answer to the retry would be there too.
    await socket_bot.send_envelope(events_envelope("env-4", event_callback(mention_event(TILLERSON, "1700000800.000800"), "EvS3")))
    await socket_bot.wait_for(lambda f: len(f.of("chat.postMessage")) == 2)
    assert len([c for c in socket_bot.of("chat.postMessage") if c.args["thread_ts"] == ROOT]) == 1


async def test_a_slash_command_over_the_socket(socket_bot: FakeSlack) -> None:
    payload = {
        "token": "verification_token",
        "team_id": "T0TEST",
        "team_domain": "talks-test",
        "channel_id": CHANNEL_ID,
        "channel_name": "talks",
        "user_id": USER_ID,
        "user_name": "asker",
        "command": "/ask",
        "text": f"private {TILLERSON}",
        "api_app_id": "A0TEST",
        "is_enterprise_install": "false",
        "response_url": socket_bot.response_url("socket"),
        "trigger_id": "111.222.zzz",
    }
    envelope = {"envelope_id": "env-5", "payload": payload, "type": "slash_commands", "accepts_response_payload": True}
    await socket_bot.send_envelope(envelope)
    await socket_bot.wait_for(lambda f: acked(f, "env-5"))
    (reply,) = await socket_bot.wait_for(lambda f: f.of("response_url"))
    assert reply.args["response_type"] == "ephemeral"
    assert "Pompeo" in all_text(reply.args)


async def test_tokens_never_reach_the_log(socket_bot: FakeSlack, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    await socket_bot.send_envelope(events_envelope("env-6", event_callback(mention_event(TILLERSON, ROOT), "EvS6")))
    await socket_bot.wait_for(lambda f: f.of("chat.postMessage"))
    assert caplog.records
    assert BOT_TOKEN not in caplog.text and APP_TOKEN not in caplog.text


def test_http_mode_without_signing_secret_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    assert main(["slack"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("SLACK_SIGNING_SECRET is not set") and error.count("\n") == 0
    assert BOT_TOKEN not in error
    assert main([]) == 1  # `python -m bot` with SLACK_BOT_TOKEN set serves Slack: same sentence
    stopped = capsys.readouterr()
    assert stopped.err.startswith("SLACK_SIGNING_SECRET is not set")
    # Before the knowledge loads: the log once said "serving 3 articles on: slack_app" first.
    assert not [record for record in caplog.records if record.getMessage().startswith("serving")]


def test_slack_command_without_bot_token_names_the_variable(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    assert main(["slack"]) == 1
    assert capsys.readouterr().err.startswith("SLACK_BOT_TOKEN is not set")
