"""Slack's HTTP mode under faults: a Web API that rate-limits or fails, and requests that do not parse.

The real app and the real slack_sdk client against the fake Slack, which answers 429 with
Retry-After and `ratelimited` as Slack does, and 5xx with an HTML page.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.config import Settings
from bot.errors import StartupError
from bot.frontends import slack_app, slack_socket
from bot.frontends.slack_retries import LONGEST_RETRY_AFTER
from bot.knowledge.store import KnowledgeStore
from bot.service.in_flight import InFlight
from bot.service.readiness import readiness
from tests.bot_process import TIMEOUT, running_bot
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack, Refusal, refuse_first
from tests.slack_checks import all_text
from tests.test_slack_events import ROOT, TILLERSON, posts_in_thread
from tests.slack_fixtures import (  # noqa: F401  (fixtures)
    SIGNING_SECRET,
    HttpBot,
    event_callback,
    fake_slack,
    free_port,
    http_bot,
    mention_event,
    serve_http,
    slack_settings,
    slash_command_body,
)



def refusals_of(fake: FakeSlack, status: int) -> list[dict]:
    return [call.args for call, refusal in fake.refused if refusal.status == status]


async def test_a_rate_limited_answer_is_sent_again_after_retry_after(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    fake_slack.refuse = refuse_first("chat.postMessage", Refusal(429, retry_after=1))
    await http_bot.event(event_callback(mention_event(TILLERSON, ROOT), "EvLIMIT"))
    (answer,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert "Pompeo" in all_text(answer)
    (refused,) = refusals_of(fake_slack, 429)
    assert refused["thread_ts"] == ROOT and refused["text"] == answer["text"]  # the same answer, sent again


@pytest.mark.parametrize("status", [500, 503])
async def test_a_server_error_is_retried(fake_slack: FakeSlack, http_bot: HttpBot, status: int) -> None:
    fake_slack.refuse = refuse_first("chat.postMessage", Refusal(status), Refusal(status))
    await http_bot.event(event_callback(mention_event(TILLERSON, ROOT), f"Ev{status}"))
    (answer,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert "Pompeo" in all_text(answer)
    assert len(refusals_of(fake_slack, status)) == 2


async def test_a_retry_after_longer_than_the_bound_is_not_waited_for(
    fake_slack: FakeSlack, http_bot: HttpBot, caplog: pytest.LogCaptureFixture
) -> None:
    # The answer is refused; the apology that follows goes through, within seconds.
    fake_slack.refuse = refuse_first("chat.postMessage", Refusal(429, retry_after=LONGEST_RETRY_AFTER + 50))
    await http_bot.event(event_callback(mention_event(TILLERSON, ROOT), "EvLONG"))
    (apology,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT), timeout=5)
    assert "Pompeo" not in all_text(apology)
    assert len(fake_slack.refused) == 1
    assert "longer than the" in caplog.text


@pytest.mark.parametrize("refusal", [Refusal(429, retry_after=1), Refusal(503)], ids=["429", "503"])
async def test_a_refused_slash_command_reply_is_sent_again_and_arrives_once(
    fake_slack: FakeSlack, bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture, refusal: Refusal
) -> None:
    """`/ask` is answered through bolt's respond() (the response_url), which retries as Web API calls do."""
    fake_slack.refuse = refuse_first("response_url", refusal)
    in_flight = InFlight()
    with caplog.at_level(logging.INFO):
        async for bot in serve_http(slack_settings(fake_slack), bundled_store, in_flight):
            assert (await bot.command(slash_command_body(fake_slack, "/ask", TILLERSON, hook="retried"))).status == 200
            assert await in_flight.wait_idle(30)  # the listener is done: every reply it made has arrived
    (reply,) = fake_slack.of("response_url")
    assert "Pompeo" in all_text(reply.args)
    ((refused, _),) = fake_slack.refused
    assert refused.args == reply.args  # the same reply, sent again
    assert "a reply through a response_url" in caplog.text and "retrying" in caplog.text
    assert fake_slack.response_url("retried") not in caplog.text  # whoever holds it can post in the channel


async def test_a_reply_refused_for_longer_than_the_bound_is_one_warning_without_the_url(
    fake_slack: FakeSlack, bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture
) -> None:
    fake_slack.refuse = refuse_first("response_url", Refusal(429, retry_after=LONGEST_RETRY_AFTER + 50))
    in_flight = InFlight()
    async for bot in serve_http(slack_settings(fake_slack), bundled_store, in_flight):
        assert (await bot.command(slash_command_body(fake_slack, "/ask", TILLERSON, hook="refused"))).status == 200
        assert await in_flight.wait_idle(5)  # not held for the 60 s Slack asked for
    assert fake_slack.of("response_url") == [] and len(fake_slack.refused) == 1
    (warning,) = [r for r in caplog.records if "refused a reply through its response_url: 429" in r.getMessage()]
    assert warning.levelname == "WARNING" and not any(r.exc_info for r in caplog.records)
    assert fake_slack.response_url("refused") not in caplog.text


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"type": "event_callback", "event": ', "application/json"),  # cut short
        ("[1, 2, 3]", "application/json"),  # JSON, but not an object
        ("payload=%7Bnot+json", "application/x-www-form-urlencoded"),  # a button payload that is not JSON
        ('{"team": 5, "event": "x", "authorizations": 7}', "application/json"),  # an object bolt cannot read
    ],
)
async def test_a_malformed_body_gets_400_or_401_and_one_log_line(
    fake_slack: FakeSlack, http_bot: HttpBot, caplog: pytest.LogCaptureFixture, body: str, content_type: str
) -> None:
    with caplog.at_level(logging.INFO):
        signed = await http_bot.send(body, content_type)
        forged = await http_bot.send(body, content_type, headers={"X-Slack-Signature": "v0=" + "0" * 64})
        bad_timestamp = await http_bot.send(body, content_type, headers={"X-Slack-Request-Timestamp": "yesterday"})
    assert (signed.status, forged.status, bad_timestamp.status) == (400, 401, 401)
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 3
    assert not any(r.exc_info for r in caplog.records)  # no traceback anywhere
    # The server is still answering.
    assert (await http_bot.command(slash_command_body(fake_slack, "/help", ""))).status == 200


async def test_a_body_that_is_not_utf8_is_refused_without_a_traceback(http_bot: HttpBot, caplog: pytest.LogCaptureFixture) -> None:
    # Signed over its raw bytes; slack_sdk's verifier reads a body as UTF-8, so it cannot verify it.
    raw = b'{"type": "\xff\xfe"}'
    timestamp = int(time.time())
    digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{timestamp}:".encode() + raw, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}
    async with http_bot.session.post(http_bot.url, data=raw, headers=headers) as response:
        assert response.status == 401
    assert [r.levelname for r in caplog.records if "refused" in r.getMessage()] == ["WARNING"]
    assert not any(r.exc_info for r in caplog.records)


def test_slack_host_defaults_to_every_interface_and_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().slack_host == "0.0.0.0"
    monkeypatch.setenv("SLACK_HOST", "127.0.0.1")
    assert Settings().slack_host == "127.0.0.1"


def listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses something listens on at `port`, from the kernel's own table."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, port_hex = local.split(":")
        if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
            found.add(".".join(str(b) for b in reversed(bytes.fromhex(address))))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads the Linux socket table")
async def test_serve_binds_the_address_slack_host_names(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    port = free_port()
    task = asyncio.create_task(slack_app.serve(slack_settings(fake_slack, slack_port=port, slack_host="127.0.0.1"), bundled_store))
    try:
        while readiness.report().get(slack_app.READINESS_CHECK) != "ready" and not task.done():
            await asyncio.sleep(0.01)
        assert not task.done()
        assert listening_addresses(port) == {"127.0.0.1"}  # not 0.0.0.0
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


# --- Socket Mode without a network ---


async def test_socket_mode_without_a_network_logs_one_line_per_failed_connect_and_backs_off(
    bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slack_socket, "PING_INTERVAL", 0.05)  # slack_sdk's wait between attempts, shortened
    monkeypatch.setattr(slack_socket, "FIRST_WAIT", 0.05)
    nowhere = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there
    settings = Settings(slack_bot_token=SecretStr(BOT_TOKEN), slack_app_token=SecretStr(APP_TOKEN), slack_api_base=nowhere)
    task = asyncio.create_task(slack_app.serve(settings, bundled_store))
    try:
        for _ in range(400):
            if len(failed_connects(caplog)) >= 2:
                break
            assert readiness.report().get(slack_app.READINESS_CHECK, "starting") in ("starting", "Socket Mode not connected")
            await asyncio.sleep(0.025)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    lines = failed_connects(caplog)
    assert len(lines) >= 2 and all("Cannot connect to host" in r.getMessage() for r in lines)
    assert not any(r.exc_info for r in caplog.records)  # no traceback
    assert slack_socket.backoff_seconds(1) < slack_socket.backoff_seconds(2) < slack_socket.backoff_seconds(3)
    assert slack_socket.backoff_seconds(50) == slack_socket.LONGEST_WAIT
    assert slack_app.READINESS_CHECK not in readiness.report()  # unregistered when it stopped


def failed_connects(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith(slack_socket.__name__) and "Failed to connect" in r.getMessage()]


async def test_socket_mode_with_a_refused_app_token_is_one_sentence_and_exit_1(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """Slack answering apps.connections.open with ok:false will answer the same token the same way:
    the bot stops, as with a rejected Discord token, instead of retrying forever. (A token of the
    wrong kind never gets that far: tests/test_slack_tokens.py.)"""
    app_token, error = "xapp-1-A0-revoked", "invalid_auth"
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": app_token, "SLACK_API_BASE": fake_slack.api_base}
    async with running_bot("slack", env=env, cwd=tmp_path) as bot:
        assert await asyncio.wait_for(bot.process.wait(), TIMEOUT) == 1
    (sentence,) = bot.stderr
    assert sentence.startswith("Slack refused SLACK_APP_TOKEN") and f"({error})" in sentence
    assert app_token not in bot.output() and "Traceback" not in bot.output()
    assert not any("Failed to connect" in line for line in bot.lines)  # stopped at the first answer, no retry


async def test_an_app_token_refused_on_a_reconnect_stops_socket_mode_with_the_sentence(
    fake_slack: FakeSlack, bundled_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slack_socket, "PING_INTERVAL", 0.05)  # how soon slack_sdk notices a lost connection
    settings = slack_settings(fake_slack, slack_app_token=SecretStr(APP_TOKEN), slack_signing_secret=None)
    serving = asyncio.create_task(slack_app.serve(settings, bundled_store))
    try:
        await fake_slack.wait_for(lambda f: f.socket_connected)
        fake_slack.app_token = "xapp-1-A0-rotated"  # the token was revoked while the bot ran
        await fake_slack.drop_sockets()
        with pytest.raises(StartupError) as stopped:
            await asyncio.wait_for(serving, TIMEOUT)
    finally:
        serving.cancel()
        await asyncio.gather(serving, return_exceptions=True)
    assert str(stopped.value).startswith("Slack refused SLACK_APP_TOKEN") and "(invalid_auth)" in str(stopped.value)
    assert APP_TOKEN not in str(stopped.value)

