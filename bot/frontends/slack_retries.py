"""How the Slack clients retry: slack_sdk's own retry handlers, bounded in count and time.

The same for Web API calls and for replies through a response_url (`slack_respond`). Slack
answers a busy method or response_url with 429 and a Retry-After header, and now and then with a
500 or 503; a connection can drop. Each is retried by slack_sdk's built-in handler for it. All
handlers share one attempt counter per call, so a call makes at most 1 + MAX_RETRIES attempts,
and a Retry-After longer than LONGEST_RETRY_AFTER is not waited for: the call fails (and the
failure is reported or logged) rather than holding an answer for minutes. So one call lasts at most
    (1 + MAX_RETRIES) × CALL_TIMEOUT + MAX_RETRIES × (LONGEST_RETRY_AFTER + 1)  =  52 seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

logger = logging.getLogger(__name__)

MAX_RETRIES = 2
CALL_TIMEOUT = 10  # seconds for one attempt (slack_sdk's own default is 30)
LONGEST_RETRY_AFTER = 10  # seconds; slack_sdk adds up to one second of jitter
# What a retried request is called in the log: a Web API method's URL, but never a response_url,
# which lets whoever holds it post in the channel for half an hour.
Describe = Callable[[HttpRequest], str]


def web_api_method(request: HttpRequest) -> str:
    return request.url


def a_response_url(request: HttpRequest) -> str:
    return "a reply through a response_url"


def retry_after_seconds(response: HttpResponse) -> int | None:
    """The Retry-After header as whole seconds, None when absent or not a number."""
    for name, values in response.headers.items():
        if name.lower() == "retry-after" and values:
            try:
                return int(values[0])
            except ValueError:
                return None
    return None


class BoundedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's 429 handler (it sleeps for Retry-After), refusing waits longer than a bound."""

    def __init__(self, *, max_retry_count: int, describe: Describe) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.describe = describe

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not await super()._can_retry_async(state=state, request=request, response=response, error=error):
            return False
        assert response is not None  # a 429 is a response
        wait = retry_after_seconds(response)
        if wait is not None and wait > LONGEST_RETRY_AFTER:
            logger.warning(
                "Slack rate-limited %s for %d s, longer than the %d s we wait; giving up", self.describe(request), wait, LONGEST_RETRY_AFTER
            )
            return False
        logger.info("Slack rate-limited %s; retrying after %s s (attempt %d)", self.describe(request), wait, state.current_attempt + 2)
        return True


class LoggedServerErrorRetryHandler(AsyncServerErrorRetryHandler):
    """slack_sdk's 500/503 handler (exponential backoff with jitter), with one log line per retry."""

    def __init__(self, *, max_retry_count: int, describe: Describe) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.describe = describe

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        retry = await super()._can_retry_async(state=state, request=request, response=response, error=error)
        if retry and response is not None:
            logger.info("Slack answered %s with %d; retrying (attempt %d)", self.describe(request), response.status_code, state.current_attempt + 2)
        return retry


def retry_handlers(describe: Describe) -> list[AsyncRetryHandler]:
    """A fresh set of handlers for one client; order matters only for which logs."""
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=MAX_RETRIES),
        BoundedRateLimitRetryHandler(max_retry_count=MAX_RETRIES, describe=describe),
        LoggedServerErrorRetryHandler(max_retry_count=MAX_RETRIES, describe=describe),
    ]


def web_api_retry_handlers() -> list[AsyncRetryHandler]:
    """The handlers for every AsyncWebClient the bot builds."""
    return retry_handlers(web_api_method)


def response_url_retry_handlers() -> list[AsyncRetryHandler]:
    """The handlers for the webhook client behind each respond() (`slack_respond`)."""
    return retry_handlers(a_response_url)
