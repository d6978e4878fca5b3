"""Slack's HTTP mode: an aiohttp server that checks each request before bolt sees it.

bolt's own aiohttp adapter parses the body as it builds the request, before its signature
middleware runs, so a malformed body (signed or forged) ended in a 500 and a traceback. Here the
signature is checked on the raw bytes first (slack_sdk's SignatureVerifier, as bolt's middleware
uses), then the body is parsed (bolt's parse_body): a bad signature gets 401, a body that does not
parse gets 400, each with one log line. What passes is dispatched exactly as bolt's adapter does.
The same server answers the health probes.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

from bot.service.health_http import add_health_routes
from bot.service.readiness import Readiness, readiness

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


def signature_ok(verifier: SignatureVerifier, body: bytes, headers: Any) -> bool:
    """Slack's v0 signature over the raw body, within five minutes; any malformed header is False."""
    try:
        return verifier.is_valid(body, headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature"))
    except ValueError:  # a timestamp that is not a number
        return False


def parsed_body(raw: bytes, content_type: str | None) -> dict[str, Any] | None:
    """The body as bolt reads it, or None when it is not UTF-8, not JSON/form data, or not an object."""
    try:
        body = parse_body(raw.decode("utf-8"), content_type)
    except ValueError:  # UnicodeDecodeError and json.JSONDecodeError are both ValueErrors
        return None
    return body if isinstance(body, dict) else None


def events_handler(app: AsyncApp, signing_secret: str) -> Any:
    verifier = SignatureVerifier(signing_secret)

    async def handle(request: web.Request) -> web.Response:
        raw = await request.read()
        if not signature_ok(verifier, raw, request.headers):
            logger.warning("refused a Slack request: signature missing, wrong or more than five minutes old (401)")
            return web.json_response({"error": "invalid request"}, status=401)
        if parsed_body(raw, request.content_type) is None:
            logger.warning("refused a signed Slack request: its %s body does not parse (400)", request.content_type)
            return web.json_response({"error": "malformed body"}, status=400)
        try:
            bolt_request = AsyncBoltRequest(body=raw.decode("utf-8"), query=request.query_string, headers=request.headers)  # type: ignore[arg-type]
        except Exception as error:  # noqa: BLE001  (an object of the wrong shape: bolt's context building fails)
            logger.warning("refused a signed Slack request: bolt cannot read its body (%s, 400)", type(error).__name__)
            return web.json_response({"error": "malformed body"}, status=400)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    return handle


def web_app(app: AsyncApp, signing_secret: str, checks: Readiness = readiness) -> web.Application:
    """Slack's events at EVENTS_PATH and the health probes, on one aiohttp application."""
    server = web.Application()
    server.router.add_post(EVENTS_PATH, events_handler(app, signing_secret))
    add_health_routes(server, checks)
    return server
