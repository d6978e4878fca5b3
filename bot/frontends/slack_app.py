"""The Slack front end: builds slack-bolt's AsyncApp and serves it over Socket Mode or HTTP.

Socket Mode when SLACK_APP_TOKEN is set (no public URL needed); otherwise an aiohttp server on
SLACK_HOST:SLACK_PORT at /slack/events that verifies each request's signature (`slack_http`). The
listeners live in `slack_listeners`; this module only wires transport, settings, retries (Web API
calls and respond()), the redelivery filter, readiness and draining on shutdown.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_bolt.listener.async_listener_completion_handler import AsyncListenerCompletionHandler
from slack_bolt.listener.async_listener_start_handler import AsyncListenerStartHandler
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages
from bot.errors import StartupError
from bot.config import Settings
from bot.frontends import slack_auth, slack_http, slack_listeners, slack_respond
from bot.frontends.slack_retries import CALL_TIMEOUT, web_api_retry_handlers
from bot.frontends.slack_socket import SocketModeConnection
from bot.knowledge.store import KnowledgeStore
from bot.service.in_flight import DRAIN_SECONDS, InFlight
from bot.service.listening import SLACK_ADDRESS, listen
from bot.service.readiness import ReadyWithNote, readiness

logger = logging.getLogger(__name__)

EVENTS_PATH = slack_http.EVENTS_PATH
READINESS_CHECK = "slack"
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


class _Started(AsyncListenerStartHandler):
    def __init__(self, in_flight: InFlight) -> None:
        self.in_flight = in_flight

    async def handle(self, request: AsyncBoltRequest, response: BoltResponse | None) -> None:
        self.in_flight.started()


class _Finished(AsyncListenerCompletionHandler):
    def __init__(self, in_flight: InFlight) -> None:
        self.in_flight = in_flight

    async def handle(self, request: AsyncBoltRequest, response: BoltResponse | None) -> None:
        self.in_flight.finished()


def count_listeners(app: AsyncApp, in_flight: InFlight) -> None:
    """Count each listener run, from start to completion, with bolt's listener runner hooks.

    After its ack a listener runs on as a task of its own; these hooks are the one place bolt
    reports both its start and its end (errors included), so shutdown can wait for it.
    """
    app.listener_runner.listener_start_handler = _Started(in_flight)
    app.listener_runner.listener_completion_handler = _Finished(in_flight)


def configure_web_client(client: AsyncWebClient, settings: Settings, session: aiohttp.ClientSession | None = None) -> None:
    """Point bolt's Web API client at SLACK_API_BASE, bound each attempt by CALL_TIMEOUT and retry
    rate limits, server errors and dropped connections, bounded (slack_retries).

    bolt builds this client itself from `token` (see build_app) and copies these same attributes
    into the client it gives each request. With `session`, every call reuses its connections (it
    should carry the CALL_TIMEOUT); without, slack_sdk opens a session per call.
    """
    client.base_url = settings.slack_api_base if settings.slack_api_base.endswith("/") else f"{settings.slack_api_base}/"
    client.timeout = CALL_TIMEOUT
    client.session = session
    client.retry_handlers = web_api_retry_handlers()


def client_session() -> aiohttp.ClientSession:
    """One connection pool for a serving process's Web API calls, each call bounded by CALL_TIMEOUT."""
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=CALL_TIMEOUT))


def signing_secret(settings: Settings) -> str:
    return _secret(settings.slack_signing_secret, "SLACK_SIGNING_SECRET", messages.SLACK_SIGNING_SECRET_PURPOSE)


def check_settings(settings: Settings) -> None:
    """What serving Slack needs of the settings alone: the bot token, and in HTTP mode the signing
    secret (StartupError naming the one missing)."""
    _secret(settings.slack_bot_token, "SLACK_BOT_TOKEN", messages.SLACK_BOT_TOKEN_PURPOSE)
    if settings.slack_app_token is None:
        signing_secret(settings)


def build_app(
    settings: Settings, store: KnowledgeStore, in_flight: InFlight | None = None, session: aiohttp.ClientSession | None = None
) -> AsyncApp:
    """The app as production runs it; HTTP mode needs the signing secret, Socket Mode does not."""
    token = _secret(settings.slack_bot_token, "SLACK_BOT_TOKEN", messages.SLACK_BOT_TOKEN_PURPOSE)
    socket_mode = settings.slack_app_token is not None
    app = AsyncApp(
        # The token, not a client built around it: bolt reads SLACK_BOT_TOKEN from the environment
        # whenever `token` is not given, and warns that it "will be unused" beside a `client`.
        token=token,
        signing_secret=None if socket_mode else signing_secret(settings),
        # Socket Mode envelopes arrive over an authenticated websocket and carry no signature.
        request_verification_enabled=not socket_mode,
        name="talks-bot",
    )
    configure_web_client(app.client, settings, session)
    app.middleware(answer_once(SeenEvents()))
    app.middleware(slack_respond.retrying_replies(session))
    slack_listeners.register(app, store, frozenset(settings.slack_admin_user_ids))

    app.error(slack_listeners.report_failure)
    if in_flight is not None:
        count_listeners(app, in_flight)
    return app


async def start_http(app: AsyncApp, secret: str, host: str, port: int) -> web.AppRunner:
    """Serve the app at EVENTS_PATH, and the health probes, on host:port; port 0 picks a free port.
    An address that cannot be used is a StartupError naming SLACK_HOST or SLACK_PORT."""
    runner = web.AppRunner(slack_http.web_app(app, secret), access_log=None)
    await runner.setup()
    await listen(runner, host, port, SLACK_ADDRESS)
    return runner


async def start_socket_mode(app: AsyncApp, app_token: str) -> SocketModeConnection:
    """Connect to Slack's websocket (retrying until it works, StartupError if Slack refuses the app
    token); apps.connections.open goes through the app's client."""
    handler = SocketModeConnection(app, app_token)
    await handler.connect_async()
    return handler


async def _serve_socket_mode(app: AsyncApp, app_token: str, in_flight: InFlight, token_state: ReadyWithNote | None) -> None:
    handler = SocketModeConnection(app, app_token)
    readiness.register(READINESS_CHECK, lambda: token_state if handler.client.connected else "Socket Mode not connected")
    try:
        await handler.connect_async()  # retries until it connects, one log line per failure; a refused token raises
        logger.info("Slack: connected in Socket Mode")
        await handler.until_refused()  # until cancelled, or Slack refuses the token on a reconnect
    finally:
        readiness.register(READINESS_CHECK, lambda: "shutting down")
        await handler.close_async()  # no new envelopes
        await in_flight.drain(DRAIN_SECONDS, "Slack")


async def _serve_http(app: AsyncApp, settings: Settings, in_flight: InFlight, token_state: ReadyWithNote | None) -> None:
    runner = await start_http(app, signing_secret(settings), settings.slack_host, settings.slack_port)
    readiness.register(READINESS_CHECK, lambda: token_state)
    logger.info("Slack: listening for HTTP requests on port %d at %s (address %s)", settings.slack_port, EVENTS_PATH, settings.slack_host)
    try:
        await asyncio.Event().wait()
    finally:
        readiness.register(READINESS_CHECK, lambda: "shutting down")
        await runner.cleanup()  # no new requests; requests being read are acknowledged first
        await in_flight.drain(DRAIN_SECONDS, "Slack")


async def serve(settings: Settings, store: KnowledgeStore) -> None:
    """Check the bot token, then run until cancelled; then stop taking requests and let answers in
    flight finish (at most DRAIN_SECONDS). A token Slack refuses raises StartupError."""
    in_flight = InFlight()
    readiness.register(READINESS_CHECK, lambda: "starting")
    async with client_session() as session:  # closed last, once answers in flight are done
        app = build_app(settings, store, in_flight, session)
        try:
            checked = await slack_auth.verify_bot_token(app.client)  # before any request is taken, or /readyz says ready
            # Started without Slack's word on the token: ready (bolt checks it at the first request), and /readyz says so.
            token_state = None if checked else ReadyWithNote(messages.SLACK_BOT_TOKEN_UNCHECKED)
            if settings.slack_app_token is not None:
                await _serve_socket_mode(app, settings.slack_app_token.get_secret_value(), in_flight, token_state)
            else:
                await _serve_http(app, settings, in_flight, token_state)
        finally:
            readiness.unregister(READINESS_CHECK)
