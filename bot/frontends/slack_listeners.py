"""The Slack listeners: slash commands, mentions, DMs, thread follow-ups and buttons.

Each listener acknowledges first (Slack waits at most 3 seconds), then asks the core in a thread
and posts what `bot.render.slack_render` builds. Nothing is remembered between requests: a
follow-up's earlier question is read back from the thread with conversations.replies.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from contextlib import asynccontextmanager
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import command_table, commands, messages
from bot.command_table import rate
from bot.command_table.model import Call, Platform, UnknownCommand
from bot.context import ContextRef, context_around
from bot.feedback.shown import from_button_value
from bot.feedback.votes import Vote
from bot.knowledge.store import KnowledgeStore
from bot.render import slack_render, slack_replies
from bot.render.slack_render import SlackMessage, TimelinePage, unescape
from bot.thread_history import HISTORY_LIMIT, ThreadMessage, earlier_questions

logger = logging.getLogger(__name__)

FRONTEND: Platform = "slack"
# conversations.replies: Slack advises pages of at most 200; a thread is read up to the message
# being answered, at most this many pages (a follow-up needs only the last HISTORY_LIMIT).
REPLIES_PAGE_SIZE = 200
REPLIES_PAGES = 5
# Slack's markup for people, channels, user groups and broadcasts: <@U…>, <#C…|name>,
# <!subteam^S…|@handle>, <!here>, <!channel>, <!everyone>. None of it is part of a question, and
# ids and names must not reach the unanswered log. Text the user typed as "<" arrives as "&lt;".
_MARKUP = re.compile(r"<([@#!])([^<>|]*)(?:\|([^<>]*))?>")


def _markup_replacement(match: re.Match[str]) -> str:
    kind, target, label = match.groups()
    if kind == "!" and target.startswith("date^") and label:
        return label  # <!date^…|Feb 18, 2019>: the date as the asker's client showed it
    return " "


def plain_text(text: str) -> str:
    """What a user typed, as the core should see it: mentions taken out, Slack's escaping undone."""
    return unescape(_MARKUP.sub(_markup_replacement, text))


def split_private(text: str) -> tuple[str, bool]:
    """`private` as the first or last word asks for an answer only the asker sees.

    Only at the ends, so a question about "the private meeting" keeps its word.
    """
    words = plain_text(text).split()
    if words and words[0].lower() == messages.SLACK_PRIVATE_WORD:
        return " ".join(words[1:]), True
    if words and words[-1].lower() == messages.SLACK_PRIVATE_WORD:
        return " ".join(words[:-1]), True
    return " ".join(words), False


def question_of(message_text: str) -> str:
    """A message's question: Slack's escaping undone, mentions (the bot's included), channels and groups removed."""
    return " ".join(plain_text(message_text).split())


async def _respond(respond: AsyncRespond, message: SlackMessage, *, private: bool, thread_ts: str | None = None) -> None:
    """Through the response_url: works in any channel, even ones the bot has not joined."""
    await respond(
        **message.as_kwargs(),
        response_type="ephemeral" if private else "in_channel",
        replace_original=False,
        unfurl_links=False,
        unfurl_media=False,
        thread_ts=thread_ts,
    )


def _is_from_a_bot(message: dict[str, Any]) -> bool:
    return bool(message.get("bot_id")) or message.get("subtype") == "bot_message"


async def _earlier_questions(
    client: AsyncWebClient, event: dict[str, Any], bot_user_id: str | None, *, addressed: bool = False
) -> list[str] | None:
    """The thread's earlier human messages, oldest first; None when the thread is not one with the bot.

    A thread is the bot's when it was addressed (a mention, a DM) or its root mentions the bot.
    """
    mention = f"<@{bot_user_id}>" if bot_user_id else None

    def ours(root: dict[str, Any] | None) -> bool:
        return addressed or (root is not None and mention is not None and mention in root.get("text", "") and not _is_from_a_bot(root))

    try:
        root, latest = await _thread_before(client, event["channel"], event["thread_ts"], event["ts"], ours)
    except SlackApiError as error:
        # No history (a missing scope, a deleted thread): answer a question put to the bot on its
        # own, and stay out of threads we cannot tell are ours rather than post an error in them.
        logger.warning("conversations.replies failed: %s", error.response.get("error"))
        return [] if addressed else None
    if not ours(root):
        return None
    history = [root, *latest] if root is not None else latest
    return earlier_questions((ThreadMessage(m.get("text", ""), _is_from_a_bot(m)) for m in history), question_of)


async def _thread_before(
    client: AsyncWebClient, channel: str, thread_ts: str, before: str, wanted: Callable[[dict[str, Any] | None], bool]
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """A thread's root and its latest HISTORY_LIMIT replies before the message `before`, oldest first.

    conversations.replies pages forward from the root, so the latest replies are on its last page:
    the pages up to `before` are read (`latest`), at most REPLIES_PAGES of them, keeping the last
    HISTORY_LIMIT (a thread longer than that many pages is read to the end of the last page read).
    The first page holds the root: when `wanted(root)` is False (a thread that is not the bot's)
    no further page is read. Whether a later page repeats the root or not, it is taken once.
    """
    root: dict[str, Any] | None = None
    latest: deque[dict[str, Any]] = deque(maxlen=HISTORY_LIMIT)
    cursor: str | None = None
    for _ in range(REPLIES_PAGES):
        response = await client.conversations_replies(
            channel=channel, ts=thread_ts, latest=before, inclusive=False, limit=REPLIES_PAGE_SIZE, cursor=cursor
        )
        for message in response.get("messages") or []:
            ts = message.get("ts")
            if ts == thread_ts:
                root = message
            elif ts and float(ts) < float(before):  # `latest` is a bound we ask for; checked, not trusted
                latest.append(message)
        cursor = (response.get("response_metadata") or {}).get("next_cursor")
        if not cursor or not wanted(root):
            break
    return root, list(latest)


async def answer_in_thread(
    store: KnowledgeStore, client: AsyncWebClient, event: dict[str, Any], earlier: list[str] | None = None
) -> None:
    question = question_of(event.get("text", ""))
    answer = await asyncio.to_thread(commands.ask, store, question, frontend=FRONTEND, earlier_questions=earlier or ())
    message = slack_render.answer_message(answer)
    await client.chat_postMessage(
        channel=event["channel"],
        thread_ts=event.get("thread_ts") or event["ts"],  # the root, so replies stay in one thread
        unfurl_links=False,
        unfurl_media=False,
        **message.as_kwargs(),
    )


async def report_failure(error: Exception, body: dict[str, Any], client: AsyncWebClient, respond: AsyncRespond | None) -> None:
    """The one error hook: the traceback to the log, a short apology to the person who asked."""
    logger.error("Slack request (%s) failed", body.get("command") or body.get("type"), exc_info=error)
    try:
        if respond is not None and body.get("response_url"):
            await respond(text=messages.INTERNAL_ERROR, response_type="ephemeral", replace_original=False)
        elif (event := body.get("event")) and event.get("channel") and event.get("ts"):
            thread_ts = event.get("thread_ts") or event["ts"]
            await client.chat_postMessage(channel=event["channel"], thread_ts=thread_ts, text=messages.INTERNAL_ERROR)
    except Exception:  # noqa: BLE001  (Slack unreachable: the log line above is all we can do)
        logger.exception("could not tell the user about the failure")


@asynccontextmanager
async def failures_reported(body: dict[str, Any], client: AsyncWebClient, respond: AsyncRespond | None) -> AsyncIterator[None]:
    """Catch failures inside a listener after its ack.

    Left to bolt, an error raised within ~10 ms of ack() can undo the ack (its runner then answers
    Slack 404), so listeners report their own failures and bolt's error hook only sees the rest.
    """
    try:
        yield
    except Exception as error:  # noqa: BLE001  (one hook for every failure, as discord.py's on_error)
        await report_failure(error, body, client, respond)


async def _command_reply(store: KnowledgeStore, body: dict[str, Any], admin_user_ids: Collection[str]) -> tuple[SlackMessage, bool]:
    """What a slash command answers, and whether only the asker should see it."""
    text, private = split_private(body.get("text", ""))
    command = command_table.named(body.get("command", ""), FRONTEND)
    if command is None:  # registered from the table, so only a command the table lost since
        return slack_replies.reply(UnknownCommand(body.get("command", ""))), True
    call = Call(command, command.values_from_text(text), FRONTEND, admin=body.get("user_id") in admin_user_ids)
    # Off the event loop: answering and reloading are CPU work, and other requests keep flowing.
    result = await asyncio.to_thread(command_table.run, store, call)
    return slack_replies.reply(result), private or command_table.is_private(call, result)


async def _on_message(store: KnowledgeStore, client: AsyncWebClient, event: dict[str, Any], bot_user_id: str | None) -> None:
    # Edits, joins and bot posts carry a subtype; only people's new messages are questions.
    if _is_from_a_bot(event) or event.get("subtype"):
        return
    in_thread = bool(event.get("thread_ts")) and event.get("thread_ts") != event.get("ts")
    if event.get("channel_type") == "im":
        earlier = await _earlier_questions(client, event, bot_user_id, addressed=True) if in_thread else None
        await answer_in_thread(store, client, event, earlier)
        return
    mentioned = bot_user_id is not None and f"<@{bot_user_id}>" in event.get("text", "")
    if not in_thread or mentioned:  # a mention is answered by the app_mention listener
        return
    earlier = await _earlier_questions(client, event, bot_user_id)
    if earlier is not None:
        await answer_in_thread(store, client, event, earlier)


def register(app: AsyncApp, store: KnowledgeStore, admin_user_ids: Collection[str]) -> None:
    """Attach every listener to the app; the app and its transport are built in slack_app."""

    async def slash_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient) -> None:
        await ack()  # first: Slack gives up on a command after 3 seconds
        async with failures_reported(command, client, respond):
            message, private = await _command_reply(store, command, admin_user_ids)
            await _respond(respond, message, private=private)

    for command in command_table.for_platform(FRONTEND):
        app.command("/" + command.name)(slash_command)

    @app.event("app_mention")
    async def mention(body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext) -> None:
        if _is_from_a_bot(event):
            return
        async with failures_reported(body, client, None):
            earlier = None
            if event.get("thread_ts") and event["thread_ts"] != event["ts"]:
                earlier = await _earlier_questions(client, event, context.bot_user_id, addressed=True)
            await answer_in_thread(store, client, event, earlier)

    @app.event("message")
    async def message(body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext) -> None:
        async with failures_reported(body, client, None):
            await _on_message(store, client, event, context.bot_user_id)

    async def more_context(action: dict[str, Any], body: dict[str, Any]) -> SlackMessage:
        ref = ContextRef.decode(action.get("value", ""))
        quote = await asyncio.to_thread(context_around, store.current, ref) if ref else None
        return slack_render.context_message(quote)

    async def feedback(action: dict[str, Any], body: dict[str, Any]) -> SlackMessage:
        vote = Vote(action["action_id"].removeprefix(slack_render.FEEDBACK_ACTION))
        pressed = from_button_value(action.get("value", ""))
        if pressed is None:  # a value this bot did not make
            return slack_replies.reply(rate.Voted(vote, saved=False))
        shown, key = pressed
        user = body.get("user") or {}
        voter = f"{user.get('team_id') or (body.get('team') or {}).get('id', '')}:{user.get('id', '')}"  # ids are per workspace
        return slack_replies.reply(await asyncio.to_thread(rate.record, store, FRONTEND, voter, shown, vote, key))

    async def timeline_more(action: dict[str, Any], body: dict[str, Any]) -> SlackMessage:
        page = TimelinePage.decode(action.get("value", "")) or TimelinePage()
        events = await asyncio.to_thread(commands.timeline, store, page.topic, page.date_from, page.date_to)
        return slack_render.timeline_message(events, page)

    buttons: tuple[tuple[str | re.Pattern[str], ButtonReply], ...] = (
        (re.compile(f"^{slack_render.MORE_CONTEXT_ACTION}"), more_context),
        (re.compile(f"^{slack_render.FEEDBACK_ACTION}(good|bad)$"), feedback),
        (slack_render.TIMELINE_MORE_ACTION, timeline_more),
    )
    for action_id, reply in buttons:
        app.action(action_id)(_button_listener(reply))


ButtonReply = Callable[[dict[str, Any], dict[str, Any]], Awaitable[SlackMessage]]


def _button_listener(reply: ButtonReply) -> Callable[..., Awaitable[None]]:
    """A press is acknowledged at once and answered only to whoever pressed, in the message's thread."""

    async def pressed(ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient) -> None:
        await ack()
        async with failures_reported(body, client, respond):
            message = await reply(action, body)
            # Ephemeral through the response_url: only the person who pressed the button sees it.
            await _respond(respond, message, private=True, thread_ts=(body.get("message") or {}).get("thread_ts"))

    return pressed
