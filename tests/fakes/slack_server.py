"""A local stand-in for Slack: Web API methods, response_url hooks and the Socket Mode websocket.

It listens on 127.0.0.1 only, answers in Slack's real shapes (taken from slack-sdk's and
slack-bolt's test fixtures and the API docs) and records every call, so tests can assert on what
the bot sent. Tests wait for calls with `wait_for`, never with sleeps.

Faults as Slack shows them: `refuse` decides, per Web API call or response_url post, to answer
instead 429 with a Retry-After header and `{"ok": false, "error": "ratelimited"}` (Slack's
rate-limit answer; a response_url says `rate_limited` in plain text, as its other errors are) or
a 5xx with an HTML page (what its load balancers send); refused calls are kept in `refused`, not
in `calls`. `delays` holds a method's answers back (seconds), to keep answers in flight.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from tests.fakes.loopback import LoopbackSite
from tests.patience import WAIT_SECONDS

BOT_TOKEN = "xoxb-test-bot-token"
APP_TOKEN = "xapp-1-test-app-token"
TEAM_ID = "T0TEST"
BOT_USER_ID = "UBOTTEST"
BOT_ID = "BBOTTEST"
APP_ID = "A0TEST"
# The methods the bot may call with its bot token; apps.connections.open needs the app token.
BOT_METHODS = {"auth.test", "chat.postMessage", "chat.postEphemeral", "conversations.replies"}


@dataclass(frozen=True, slots=True)
class Call:
    method: str  # a Web API method, or "response_url"
    args: dict[str, Any]
    path: str = ""


@dataclass(frozen=True, slots=True)
class Refusal:
    status: int  # 429, or a 5xx
    retry_after: int = 1  # seconds, for a 429

    def response(self, *, webhook: bool = False) -> web.Response:
        if self.status == 429:
            headers = {"Retry-After": str(self.retry_after)}
            if webhook:
                return web.Response(status=429, text="rate_limited", headers=headers)
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers=headers)
        return web.Response(status=self.status, text="<html><body>Slack is having trouble.</body></html>", content_type="text/html")


def refuse_first(method: str, *refusals: Refusal) -> Callable[[Call], Refusal | None]:
    """A `refuse` rule: the first calls of `method` get these refusals, in order; later calls pass."""
    queue = list(refusals)

    def rule(call: Call) -> Refusal | None:
        return queue.pop(0) if call.method == method and queue else None

    return rule


@dataclass
class FakeSlack:
    calls: list[Call] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    # conversations.replies answers, by (channel, thread ts): the thread's messages, root first.
    threads: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    base_url: str = ""
    refuse: Callable[[Call], Refusal | None] | None = None
    refused: list[tuple[Call, Refusal]] = field(default_factory=list)
    delays: dict[str, float] = field(default_factory=dict)  # method -> seconds before answering
    app_token: str = APP_TOKEN  # the app-level token apps.connections.open accepts (change it to revoke)
    _site: LoopbackSite = field(default_factory=LoopbackSite)
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))

    # --- lifecycle ---

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._web_api)
        app.router.add_post("/response/{hook}", self._response_url)
        app.router.add_get("/link/", self._socket)
        port = await self._site.start(app)
        self.base_url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        await self._site.stop()

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, hook: str = "hook") -> str:
        return f"{self.base_url}/response/{hook}"

    # --- what tests read ---

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def posts(self) -> list[Call]:
        """Everything the bot showed users: messages, ephemerals and response_url replies."""
        return [c for c in self.calls if c.method in ("chat.postMessage", "chat.postEphemeral", "response_url")]

    async def wait_for(self, check: Callable[[FakeSlack], Any], timeout: float = WAIT_SECONDS) -> Any:
        """Wait until check(self) is truthy and return it; fail after `timeout` seconds."""

        async def until() -> Any:
            async with self._changed:
                while not (result := check(self)):
                    await self._changed.wait()
                return result

        return await asyncio.wait_for(until(), timeout)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # --- Web API ---

    async def _web_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        raw = await request.text()
        if raw:
            if request.content_type == "application/json":
                args.update(json.loads(raw))
            else:
                args.update(parse_qsl(raw))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        expected = self.app_token if method == "apps.connections.open" else BOT_TOKEN
        if method not in BOT_METHODS | {"apps.connections.open"}:
            return web.json_response({"ok": False, "error": "unknown_method"})
        if method == "apps.connections.open" and token.startswith("xoxb-"):
            return web.json_response({"ok": False, "error": "not_allowed_token_type"})  # a bot token where an app token belongs
        if token != expected:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        call = Call(method, args, request.path)
        if method in self.delays:
            await asyncio.sleep(self.delays[method])
        if (refusal := await self._refusal(call)) is not None:
            return refusal.response()
        await self._record(call)
        return web.json_response(self._reply(method, args))

    async def _refusal(self, call: Call) -> Refusal | None:
        """The fault `refuse` chose for this call (kept in `refused`), or None to answer it."""
        if self.refuse is None or (refusal := self.refuse(call)) is None:
            return None
        async with self._changed:
            self.refused.append((call, refusal))
            self._changed.notify_all()
        return refusal

    def _reply(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://talks-test.slack.com/",
                "team": "Talks Test",
                "user": "talksbot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws{self.base_url.removeprefix('http')}/link/?ticket=test-ticket&app_id={APP_ID}"}
        ts = f"1700000000.{next(self._ts):06d}"
        if method == "chat.postMessage":
            message = {"type": "message", "bot_id": BOT_ID, "user": BOT_USER_ID, "ts": ts, "text": args.get("text", "")}
            if args.get("thread_ts"):
                message["thread_ts"] = args["thread_ts"]
            return {"ok": True, "channel": args.get("channel"), "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        return self._replies(args)

    def _replies(self, args: dict[str, Any]) -> dict[str, Any]:
        """conversations.replies as Slack pages it: oldest first from the root, `limit` a page
        (default 1000), `latest`/`oldest` bounding the replies (the root always kept), and an
        opaque `next_cursor` to the next page; only the first page carries the root."""
        thread_ts = args.get("ts", "")
        messages = self.threads.get((args.get("channel", ""), thread_ts))
        if messages is None:
            return {"ok": False, "error": "thread_not_found"}
        inclusive = str(args.get("inclusive", "")).lower() in ("1", "true")
        latest, oldest = args.get("latest"), args.get("oldest")

        def in_window(message: dict[str, Any]) -> bool:
            ts = float(message["ts"])
            if message["ts"] == thread_ts:
                return True
            before_latest = latest is None or ts < float(latest) or (inclusive and ts == float(latest))
            after_oldest = oldest is None or ts > float(oldest) or (inclusive and ts == float(oldest))
            return before_latest and after_oldest

        window = [m for m in messages if in_window(m)]
        cursor = str(args.get("cursor") or "")
        start = int(base64.b64decode(cursor).decode().removeprefix("next:")) if cursor else 0
        end = start + int(args.get("limit") or 1000)
        next_cursor = base64.b64encode(f"next:{end}".encode()).decode() if end < len(window) else ""
        return {"ok": True, "messages": window[start:end], "has_more": bool(next_cursor), "response_metadata": {"next_cursor": next_cursor}}

    async def _response_url(self, request: web.Request) -> web.Response:
        # Slack's response_url answers a plain "ok"; bolt's AsyncRespond sends JSON.
        call = Call("response_url", await request.json(), request.path)
        if (refusal := await self._refusal(call)) is not None:
            return refusal.response(webhook=True)
        await self._record(call)
        return web.Response(text="ok")

    # --- Socket Mode ---

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._site.sockets.append(socket)
        await socket.send_json(
            {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "applink-test", "build_number": 1, "approximate_connection_time": 18060},
                "connection_info": {"app_id": APP_ID},
            }
        )
        async with self._changed:
            self._changed.notify_all()
        async for frame in socket:
            if frame.type == WSMsgType.TEXT:
                async with self._changed:
                    self.acks.append(json.loads(frame.data))
                    self._changed.notify_all()
        return socket

    @property
    def socket_connected(self) -> bool:
        return any(not s.closed for s in self._site.sockets)

    async def drop_sockets(self) -> None:
        """Close every Socket Mode connection from Slack's side, as when it is lost; the client reconnects."""
        for socket in self._site.sockets:
            await socket.close()

    async def send_envelope(self, envelope: dict[str, Any]) -> None:
        await self.wait_for(lambda fake: fake.socket_connected)
        await next(s for s in self._site.sockets if not s.closed).send_json(envelope)
