"""Fixtures for the Slack tests: the fake Slack, the real app served on 127.0.0.1, signed requests.

Requests are signed here with hmac directly (Slack's documented `v0:{timestamp}:{body}` scheme),
not with slack-sdk's verifier, so a bug in how the library is used cannot hide itself.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import time
from collections.abc import AsyncIterator
from contextlib import closing
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from pydantic import SecretStr

from bot.config import Settings
from bot.frontends import slack_app
from bot.knowledge.store import KnowledgeStore
from bot.service.in_flight import InFlight
from tests.fakes.slack_server import APP_ID, APP_TOKEN, BOT_TOKEN, BOT_USER_ID, TEAM_ID, FakeSlack
from tests.patience import WAIT_SECONDS

SIGNING_SECRET = "test-signing-secret"
ADMIN_ID = "UADMIN01"
USER_ID = "UASKER01"
CHANNEL_ID = "C0TALKS"


def free_port() -> int:
    """A port nobody listens on at the moment, on 127.0.0.1, for a server a test starts."""
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sign(body: str, timestamp: int, secret: str = SIGNING_SECRET) -> dict[str, str]:
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def slack_settings(fake: FakeSlack, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": SecretStr(BOT_TOKEN),
        "slack_signing_secret": SecretStr(SIGNING_SECRET),
        "slack_api_base": fake.api_base,
        "slack_admin_user_ids": [ADMIN_ID],
        "slack_host": "127.0.0.1",
    }
    values.update(changes)
    return Settings(**values)


def slash_command_body(fake: FakeSlack, command: str, text: str, *, user_id: str = USER_ID, hook: str = "cmd") -> str:
    """Form-encoded, with the fields of slack-bolt's own slash-command fixture."""
    return urlencode(
        {
            "token": "verification_token",
            "team_id": TEAM_ID,
            "team_domain": "talks-test",
            "channel_id": CHANNEL_ID,
            "channel_name": "talks",
            "user_id": user_id,
            "user_name": "asker",
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": fake.response_url(hook),
            "trigger_id": "111.222.xxx",
        }
    )


def event_callback(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    """An Events API envelope as in slack-bolt's fixtures (authorizations, event_context, …)."""
    return {
        "token": "verification_token",
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": {"team": TEAM_ID, "event_ts": event["ts"], **event},
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {"enterprise_id": None, "team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True, "is_enterprise_install": False}
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-test",
    }


def mention_event(text: str, ts: str, *, thread_ts: str | None = None, channel: str = CHANNEL_ID) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "app_mention",
        "client_msg_id": f"msg-{ts}",
        "text": f"<@{BOT_USER_ID}> {text}",
        "user": USER_ID,
        "ts": ts,
        "channel": channel,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message_event(text: str, ts: str, *, channel_type: str, thread_ts: str | None = None, **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "message",
        "client_msg_id": f"msg-{ts}",
        "text": text,
        "user": USER_ID,
        "ts": ts,
        "channel": "D0DIRECT" if channel_type == "im" else CHANNEL_ID,
        "channel_type": channel_type,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    event.update(extra)
    return event


def block_action_body(fake: FakeSlack, action_id: str, value: str, *, user_id: str = USER_ID, hook: str = "action") -> dict[str, Any]:
    """A block_actions payload as in slack-bolt's test_block_actions_respond fixture."""
    return {
        "type": "block_actions",
        "user": {"id": user_id, "username": "asker", "name": "asker", "team_id": TEAM_ID},
        "api_app_id": APP_ID,
        "token": "verification_token",
        "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": CHANNEL_ID, "is_ephemeral": False},
        "trigger_id": "111.222.yyy",
        "team": {"id": TEAM_ID, "domain": "talks-test"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": CHANNEL_ID, "name": "talks"},
        "message": {"type": "message", "bot_id": "BBOTTEST", "text": "From the articles:", "ts": "1700000000.000001"},
        "state": {"values": {}},
        "response_url": fake.response_url(hook),
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b1",
                "text": {"type": "plain_text", "text": "More"},
                "value": value,
                "type": "button",
                "action_ts": "1700000001.000001",
            }
        ],
    }


@dataclass
class HttpBot:
    """The production app served over HTTP on 127.0.0.1, and a way to send it signed requests."""

    url: str
    session: aiohttp.ClientSession
    # Counts the app's listener runs from start to end, as shutdown does (slack_app.count_listeners);
    # None for a bot in another process, whose listeners this process cannot see.
    in_flight: InFlight | None = None

    async def settled(self) -> None:
        """Wait until every listener started by the requests sent so far has finished. A listener
        runs on after its ack, and answers run in worker threads in no fixed order, so a later
        request's reply arriving says nothing about an earlier one's: this is the barrier."""
        assert self.in_flight is not None, "only a bot served in this process (serve_http) can be waited for"
        assert await self.in_flight.wait_idle(WAIT_SECONDS), f"listeners still running after {WAIT_SECONDS} s"

    async def send(self, body: str, content_type: str, *, timestamp: int | None = None, headers: dict[str, str] | None = None) -> aiohttp.ClientResponse:
        signed = sign(body, int(time.time()) if timestamp is None else timestamp)
        all_headers = {"Content-Type": content_type, **signed, **(headers or {})}
        async with self.session.post(self.url, data=body.encode(), headers=all_headers) as response:
            await response.read()
            return response

    async def command(self, body: str, **kwargs: Any) -> aiohttp.ClientResponse:
        return await self.send(body, "application/x-www-form-urlencoded", **kwargs)

    async def event(self, payload: dict[str, Any], **kwargs: Any) -> aiohttp.ClientResponse:
        return await self.send(json.dumps(payload), "application/json", **kwargs)

    async def action(self, payload: dict[str, Any], **kwargs: Any) -> aiohttp.ClientResponse:
        return await self.send(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kwargs)


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.stop()


async def serve_http(settings: Settings, store: KnowledgeStore, in_flight: InFlight | None = None) -> AsyncIterator[HttpBot]:
    in_flight = in_flight or InFlight()
    app = slack_app.build_app(settings, store, in_flight)
    runner = await slack_app.start_http(app, SIGNING_SECRET, "127.0.0.1", 0)
    port = runner.addresses[0][1]
    async with aiohttp.ClientSession() as session:
        yield HttpBot(f"http://127.0.0.1:{port}{slack_app.EVENTS_PATH}", session, in_flight)
    await runner.cleanup()


@pytest.fixture
async def http_bot(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> AsyncIterator[HttpBot]:
    async for bot in serve_http(slack_settings(fake_slack), bundled_store):
        yield bot


__all__ = ["APP_TOKEN", "BOT_USER_ID"]
