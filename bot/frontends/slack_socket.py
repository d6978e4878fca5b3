"""Slack's Socket Mode: bolt's aiohttp handler with one log line per failed connect and a growing wait.

slack_sdk's client retries a failed connect every ping interval and logs each failure with a
traceback. Its logger here drops tracebacks (the message names the error: one line per failed
connect), and each new connection URL after a failure is asked for only after a wait that
doubles up to LONGEST_WAIT. slack_sdk also retries forever when Slack refuses the app token;
here a refusal stops the connection with one sentence (StartupError), at start or on a reconnect.
"""

from __future__ import annotations

import asyncio
from typing import Any, NoReturn

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.aiohttp import SocketModeClient

from bot import messages
from bot.errors import StartupError
from bot.frontends.slack_auth import refused_token
from bot.service.logs import one_line_logger

PING_INTERVAL = 10  # seconds, bolt's default: also slack_sdk's wait between two connect attempts
FIRST_WAIT = 1.0  # seconds before asking for a new connection after the first failure
LONGEST_WAIT = 120.0
socket_logger = one_line_logger(f"{__name__}.client")


def backoff_seconds(failures: int) -> float:
    """0 before the first attempt, then FIRST_WAIT doubling with each failure, at most LONGEST_WAIT."""
    return 0.0 if failures <= 0 else min(FIRST_WAIT * 2 ** (failures - 1), LONGEST_WAIT)


class BackoffSocketModeClient(SocketModeClient):
    """slack_sdk's aiohttp client; a connect that keeps failing waits longer each time, and one
    Slack refuses the token for stops (`refusal` says why, `refused` is set)."""

    failures: int = 0
    refusal: str | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refused = asyncio.Event()

    async def issue_new_wss_url(self) -> str:
        # Not slack_sdk's own: it logs a failure itself before connect() logs it again, and its
        # rate-limit wait is unbounded; the web client's retry handlers cover 429s here.
        await asyncio.sleep(backoff_seconds(self.failures))
        try:
            response = await self.web_client.apps_connections_open(app_token=self.app_token)
        except Exception as error:
            self.failures += 1
            if (code := refused_token(error)) is not None:
                self.refusal = code
                # slack_sdk's connect and reconnect loops end quietly once the client is closed.
                self.closed = True
                self.refused.set()
            raise
        self.failures = 0
        return str(response["url"])

    @property
    def connected(self) -> bool:
        session = self.current_session
        return session is not None and not session.closed and not self.stale


class SocketModeConnection(AsyncSocketModeHandler):
    """bolt's handler (its `handle` dispatches each envelope to the app) over the client above."""

    client: BackoffSocketModeClient

    def __init__(self, app: AsyncApp, app_token: str) -> None:  # noqa: D107  (replaces bolt's, to choose the client)
        self.app = app
        self.app_token = app_token
        self.client = BackoffSocketModeClient(
            app_token=app_token, logger=socket_logger, web_client=app.client, ping_interval=PING_INTERVAL
        )
        self.client.socket_mode_request_listeners.append(self.handle)  # type: ignore[arg-type]

    async def connect_async(self) -> None:
        """Connect, retrying what may pass with one log line and a longer wait each time; a token
        Slack refuses raises StartupError."""
        await super().connect_async()
        if self.client.refusal is not None:
            raise StartupError(messages.slack_app_token_refused(self.client.refusal))

    async def until_refused(self) -> NoReturn:
        """Wait while connected (slack_sdk reconnects a lost connection) until Slack refuses the
        token on a reconnect, then raise StartupError; cancel it to stop."""
        await self.client.refused.wait()
        raise StartupError(messages.slack_app_token_refused(str(self.client.refusal)))
