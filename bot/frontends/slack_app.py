"""The Slack front end: builds slack-bolt's AsyncApp and serves it over Socket Mode or HTTP.

Socket Mode when SLACK_APP_TOKEN is set (no public URL needed); otherwise an aiohttp server on
SLACK_PORT at /slack/events that verifies each request's signature. The listeners live in
`slack_listeners`; this module only wires transport, settings and the retry filter.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages
from bot.errors import StartupError
from bot.config import Settings
from bot.frontends import slack_listeners
from bot.knowledge.store import KnowledgeStore

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
SEEN_EVENTS_KEPT = 2048  # event ids remembered per process; retries come within minutes
# x-slack-retry-reason values that mean the first delivery reached the bot and only its ack was
# late: `http_timeout` over HTTP, `timeout` in Socket Mode envelopes (bolt copies an envelope's
# retry_reason into this header). Slack's other reasons (http_error, connection_failed,
# ssl_error, too_many_redirects, too_many_requests, unknown_error) are answered: the first
# attempt may have reached no copy at all.
DELIVERED_RETRY_REASONS = frozenset({"http_timeout", "timeout"})


class SeenEvents:
    """A bounded set of event ids, so one process answers an event once even if Slack resends it.

    Only a second line of defence: copies of the bot behind a load balancer do not share it, so
    dropping `http_timeout` retries (which every copy does alike) is what stops cross-process repeats.
    """

    def __init__(self, size: int = SEEN_EVENTS_KEPT) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def first_time(self, event_id: str) -> bool:
        if event_id in self._ids:
            return False
        self._ids[event_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


def retry_number(req: AsyncBoltRequest) -> int:
    """Slack's delivery attempt: absent over HTTP at first, "0" from Socket Mode envelopes."""
    values = req.headers.get("x-slack-retry-num") or ["0"]
    try:
        return int(values[0])
    except ValueError:
        return 0


def retry_reason(req: AsyncBoltRequest) -> str:
    """Why Slack resent: `http_timeout`, `http_error`, `connection_failed`, … ("" when not said)."""
    values = req.headers.get("x-slack-retry-reason") or [""]
    return values[0]


def first_delivery_reached_us(req: AsyncBoltRequest) -> bool:
    """True for a retry whose first delivery some copy of the bot received (and so is answering).

    Only a timeout says so: Slack resends after 3 seconds without waiting for our ack. Every
    other reason (a failed connection, an error status, a TLS failure, …) means no copy may have
    seen the event, and dropping the retry would leave the question unanswered.
    """
    return retry_number(req) > 0 and retry_reason(req) in DELIVERED_RETRY_REASONS


def answer_once(seen: SeenEvents) -> Callable[..., Awaitable[BoltResponse]]:
    """Global middleware: acknowledge Slack's retries of deliveries we already have without running anything again."""

    async def skip_retries(req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[None]]) -> BoltResponse:
        event_id = req.body.get("event_id") if isinstance(req.body, dict) else None
        if first_delivery_reached_us(req):
            # Our listeners ack at once, so the first delivery is already being answered (by this
            # copy or another); answering again would post the answer twice.
            logger.info("ignoring Slack's retry %s (%s) of event %s", retry_number(req), retry_reason(req), event_id)
            return BoltResponse(status=200, body="")
        if isinstance(event_id, str) and not seen.first_time(event_id):
            logger.info("ignoring event %s: already answered by this process", event_id)
            return BoltResponse(status=200, body="")
        await next()
        return resp

    return skip_retries


def _secret(value: Any, variable: str, purpose: str) -> str:
    if value is None:
        raise StartupError(messages.missing_setting(variable, purpose))
    return str(value.get_secret_value())


def build_app(settings: Settings, store: KnowledgeStore) -> AsyncApp:
    """The app as production runs it; HTTP mode needs the signing secret, Socket Mode does not."""
    token = _secret(settings.slack_bot_token, "SLACK_BOT_TOKEN", messages.SLACK_BOT_TOKEN_PURPOSE)
    socket_mode = settings.slack_app_token is not None
    signing_secret = None
    if not socket_mode:
        signing_secret = _secret(settings.slack_signing_secret, "SLACK_SIGNING_SECRET", messages.SLACK_SIGNING_SECRET_PURPOSE)
    app = AsyncApp(
        client=AsyncWebClient(token=token, base_url=settings.slack_api_base),
        signing_secret=signing_secret,
        # Socket Mode envelopes arrive over an authenticated websocket and carry no signature.
        request_verification_enabled=not socket_mode,
        name="talks-bot",
    )
    app.middleware(answer_once(SeenEvents()))
    slack_listeners.register(app, store, frozenset(settings.slack_admin_user_ids))

    app.error(slack_listeners.report_failure)
    return app


async def start_http(app: AsyncApp, host: str, port: int) -> web.AppRunner:
    """Serve the app at EVENTS_PATH with bolt's own aiohttp server; port 0 picks a free port."""
    runner = web.AppRunner(app.web_app(path=EVENTS_PATH, port=port), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


async def start_socket_mode(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """Connect to Slack's websocket; apps.connections.open goes through the app's client (SLACK_API_BASE)."""
    handler = AsyncSocketModeHandler(app, app_token=app_token)
    await handler.connect_async()
    return handler


async def serve(settings: Settings, store: KnowledgeStore, *, host: str = "0.0.0.0") -> None:
    """Run until cancelled. `host` is where HTTP mode listens: every interface, unless a test says 127.0.0.1."""
    app = build_app(settings, store)
    if settings.slack_app_token is not None:
        handler = await start_socket_mode(app, settings.slack_app_token.get_secret_value())
        logger.info("Slack: connected in Socket Mode")
        try:
            await asyncio.Event().wait()
        finally:
            await handler.close_async()
        return
    runner = await start_http(app, host, settings.slack_port)
    logger.info("Slack: listening for HTTP requests on port %d at %s", settings.slack_port, EVENTS_PATH)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
