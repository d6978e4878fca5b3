"""respond() (replies through a request's response_url) retrying as the Web API calls do.

bolt builds each request's respond() as an AsyncRespond whose AsyncWebhookClient keeps
slack_sdk's default retry handlers, which retry a dropped connection only: a response_url
answering 429 or 503 would lose the answer to a slash command or a button. bolt offers no
setting for that client, but it hands listeners (and the error handler) the respond() found in
the request's context; a global middleware puts there one whose webhook client has the same
bounded retry handlers as the Web API client (`slack_retries`) and the process's connection pool.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.context.respond.internals import _build_message  # bolt's own: the same message its respond() sends
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.models.attachments import Attachment
from slack_sdk.models.blocks import Block
from slack_sdk.webhook.async_client import AsyncWebhookClient, WebhookResponse

from bot.frontends.slack_retries import CALL_TIMEOUT, response_url_retry_handlers

logger = logging.getLogger(__name__)


def webhook_client_logger() -> logging.Logger:
    """The logger for slack_sdk's webhook client, with a level of its own.

    That client logs each retry at INFO with the URL it posts to whenever its logger's own level
    is DEBUG or unset (as every library logger's is): the response_url, which must not reach the log.
    """
    quiet = logging.getLogger(f"{__name__}.webhook")
    quiet.setLevel(logging.INFO)
    return quiet


class RetryingRespond(AsyncRespond):
    """bolt's respond(), with the same arguments, through a webhook client that retries (bounded)."""

    def __init__(self, *, response_url: str, session: aiohttp.ClientSession | None) -> None:
        super().__init__(response_url=response_url)
        self._webhook = AsyncWebhookClient(
            url=response_url,
            timeout=CALL_TIMEOUT,
            session=session,
            retry_handlers=response_url_retry_handlers(),
            logger=webhook_client_logger(),
        )

    async def __call__(
        self,
        text: str | dict[str, Any] = "",
        blocks: Sequence[dict[str, Any] | Block] | None = None,
        attachments: Sequence[dict[str, Any] | Attachment] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        if isinstance(text, dict):  # a whole message, as bolt's respond() accepts
            message = _build_message(**text)
        else:
            message = _build_message(
                text=text,
                blocks=blocks,
                attachments=attachments,
                response_type=response_type,
                replace_original=replace_original,
                delete_original=delete_original,
                unfurl_links=unfurl_links,
                unfurl_media=unfurl_media,
                thread_ts=thread_ts,
                metadata=metadata,
            )
        response = await self._webhook.send_dict(message)
        if response.status_code != 200:
            # Retries are spent (or the reply itself was refused). The URL is not logged: whoever
            # holds it can post in the channel for half an hour.
            logger.warning("Slack refused a reply through its response_url: %d %s", response.status_code, response.body[:100])
        return response


def retrying_replies(session: aiohttp.ClientSession | None) -> Callable[..., Awaitable[BoltResponse]]:
    """Global middleware: a request with a response_url gets a RetryingRespond as its respond()."""

    async def with_retrying_respond(req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[None]]) -> BoltResponse:
        if req.context.response_url is not None:
            req.context["respond"] = RetryingRespond(response_url=req.context.response_url, session=session)
        await next()
        return resp

    return with_retrying_respond
