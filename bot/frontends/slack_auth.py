"""Whether Slack accepts the bot's tokens: which of its answers refuse a token, and the start-up check.

An `ok: false` answer (HTTP 200) about the token itself (invalid_auth, not_allowed_token_type,
token_revoked, …) will be the same however often the same token asks, so the bot stops with one
sentence; Slack's own trouble (the network, a 429 or 5xx after the retries, PASSING_ERRORS) may
pass, so it does not.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages
from bot.errors import StartupError

logger = logging.getLogger(__name__)

# ok:false answers worth asking again: Slack's own trouble, not the token's.
PASSING_ERRORS = frozenset({"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"})


def refused_token(error: Exception) -> str | None:
    """Slack's error code when it answered ok:false about the token itself; None for a failure
    worth retrying (the network, a 429 or 5xx after their retries, PASSING_ERRORS)."""
    if not isinstance(error, SlackApiError) or error.response.status_code != 200:
        return None
    code = str(error.response.get("error") or "no reason given")
    return None if code in PASSING_ERRORS else code


async def verify_bot_token(client: AsyncWebClient) -> bool:
    """Ask auth.test whether Slack accepts the client's bot token, before the bot takes any request.

    A refusal raises StartupError naming SLACK_BOT_TOKEN and Slack's answer (without it every
    request would fail later, one by one, while /readyz said ready). A failure that may pass is one
    warning line and the bot starts: bolt asks auth.test again at the first request. True when Slack
    accepted the token, False when it could not be asked (/readyz says so)."""
    try:
        await client.auth_test()
    except (SlackApiError, aiohttp.ClientError, asyncio.TimeoutError) as error:
        if (code := refused_token(error)) is not None:
            raise StartupError(messages.slack_bot_token_refused(code)) from None
        logger.warning("could not check SLACK_BOT_TOKEN with Slack's auth.test (%s); starting anyway", error or type(error).__name__)
        return False
    return True
