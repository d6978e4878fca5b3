"""`serve()` itself, the function `python -m bot slack` runs, in both modes, until cancelled."""

from __future__ import annotations

import asyncio
import time

import aiohttp
from pydantic import SecretStr

from bot.frontends import slack_app
from bot.knowledge.store import KnowledgeStore
from tests.fakes.slack_server import APP_TOKEN, FakeSlack
from tests.slack_checks import all_text
from tests.slack_fixtures import (  # noqa: F401  (fixtures)
    event_callback,
    fake_slack,
    free_port,
    mention_event,
    sign,
    slack_settings,
    slash_command_body,
)


async def test_serve_in_http_mode_on_slack_port(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    port = free_port()
    task = asyncio.create_task(slack_app.serve(slack_settings(fake_slack, slack_port=port), bundled_store))
    body = slash_command_body(fake_slack, "/help", "")
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(200):  # until the server is listening (at most ~2 s)
                try:
                    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body, int(time.time()))}
                    async with session.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers) as response:
                        assert response.status == 200
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.01)
        (reply,) = await fake_slack.wait_for(lambda f: f.of("response_url"))
        assert "/ask" in all_text(reply.args)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_serve_in_socket_mode_when_app_token_is_set(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    settings = slack_settings(fake_slack, slack_app_token=SecretStr(APP_TOKEN), slack_signing_secret=None)
    task = asyncio.create_task(slack_app.serve(settings, bundled_store))
    try:
        await fake_slack.wait_for(lambda f: f.socket_connected)
        payload = event_callback(mention_event("Who was Trump's choice to replace Tillerson?", "1700001000.000100"), "EvSERVE")
        envelope = {"envelope_id": "env-s", "payload": payload, "type": "events_api", "accepts_response_payload": False}
        await fake_slack.send_envelope(envelope)
        (post,) = await fake_slack.wait_for(lambda f: f.of("chat.postMessage"))
        assert post.args["thread_ts"] == "1700001000.000100"
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert not fake_slack.socket_connected  # cancelled: the websocket was closed

