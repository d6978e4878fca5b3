"""A fake Discord on 127.0.0.1: the REST routes discord.py calls, and a gateway websocket.

The real discord.py client logs in here (DISCORD_API_BASE points at it), connects to the gateway
URL that GET /gateway/bot returns, and gets HELLO, READY and GUILD_CREATE; tests then dispatch
INTERACTION_CREATE and MESSAGE_CREATE and read back every REST call the bot made.

Faults: `drop_gateway` closes the gateway connections as Discord does when it restarts a node
(close code 4000, resumable) and answers the RESUME that follows with RESUMED; `gateway_url`
sends the client to another gateway address, `gateway_bot_status` fails GET /gateway/bot.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes import discord_payloads as p
from tests.fakes.loopback import LoopbackSite
from tests.patience import WAIT_SECONDS

TOKEN = "fake-discord-token"
MESSAGE_CONTENT_INTENT = 1 << 15
HEARTBEAT_ACK, HELLO, RESUME, IDENTIFY, HEARTBEAT, DISPATCH = 11, 10, 6, 2, 1, 0


@dataclass
class Call:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any


@dataclass
class FakeDiscord:
    grant_message_content: bool = True
    app_id: str = field(default_factory=p.snowflake)
    guild_id: str = field(default_factory=p.snowflake)
    channel_id: str = field(default_factory=p.snowflake)
    bot: dict[str, Any] = field(init=False)
    calls: list[Call] = field(default_factory=list)
    identifies: list[dict[str, Any]] = field(default_factory=list)
    gateway_queries: list[dict[str, str]] = field(default_factory=list)
    commands: dict[str | None, list[dict[str, Any]]] = field(default_factory=dict)  # guild id (None: global) -> commands
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # channel id -> messages, oldest first
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: list[dict[str, Any]] = field(default_factory=list)
    gateway_url: str | None = None  # what GET /gateway/bot answers; None: this fake's own gateway
    resumes: int = 0

    def __post_init__(self) -> None:
        self.bot = p.user(p.snowflake(), "TalksBot", bot=True)
        self.owner = p.user(p.snowflake(), "Owner")
        self.channels[self.channel_id] = p.text_channel(self.channel_id, self.guild_id)
        self.members = [p.member(self.bot), p.member(self.owner)]
        self._changed = asyncio.Condition()
        self._site = LoopbackSite()
        self._sequence = 0
        self._ready = asyncio.Event()
        self.port = 0

    # --- lifecycle ---

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self.port = await self._site.start(app)

    async def stop(self) -> None:
        await self._site.stop()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    def expect_connection(self) -> None:
        """Forget an earlier READY, so wait_ready waits for the next client to connect."""
        self._ready.clear()

    async def wait_ready(self, timeout: float = WAIT_SECONDS) -> None:
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = WAIT_SECONDS) -> list[Call]:
        """Waits until the recorded calls satisfy predicate; returns them."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: predicate(self.calls)), timeout)
        return list(self.calls)

    # --- the gateway ---

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        self._sequence += 1
        frame = {"op": DISPATCH, "t": event, "s": self._sequence, "d": data}
        for socket in self._site.sockets:
            await socket.send_str(json.dumps(frame))

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        self.gateway_queries.append(dict(request.query))
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        # Text frames: discord.py decompresses binary frames only, so zlib-stream needs no work here.
        await socket.send_str(json.dumps({"op": HELLO, "d": {"heartbeat_interval": 45000}}))
        async for frame in socket:
            if frame.type is not WSMsgType.TEXT:
                break
            payload = json.loads(frame.data)
            if payload["op"] == HEARTBEAT:
                await socket.send_str(json.dumps({"op": HEARTBEAT_ACK}))
            elif payload["op"] == IDENTIFY:
                self.identifies.append(payload["d"])
                if payload["d"].get("intents", 0) & MESSAGE_CONTENT_INTENT and not self.grant_message_content:
                    await socket.close(code=4014, message=b"Disallowed intent(s).")
                    break
                self._site.sockets.append(socket)
                await self._send_ready()
            elif payload["op"] == RESUME:
                self.resumes += 1
                self._site.sockets.append(socket)
                await self.dispatch("RESUMED", {})
        if socket in self._site.sockets:
            self._site.sockets.remove(socket)
        return socket

    async def drop_gateway(self, code: int = 4000) -> None:
        """Close every gateway connection with `code` (4000: unknown error, which clients resume)."""
        for socket in list(self._site.sockets):
            self._site.sockets.remove(socket)
            await socket.close(code=code, message=b"Unknown error.")

    async def _send_ready(self) -> None:
        ws_url = f"ws://127.0.0.1:{self.port}/gateway"
        await self.dispatch("READY", {
            "v": 10, "user": self.bot, "guilds": [{"id": self.guild_id, "unavailable": True}], "session_id": "fake-session",
            "resume_gateway_url": ws_url, "shard": [0, 1], "application": {"id": self.app_id, "flags": 0},
        })
        threads = [c for c in self.channels.values() if c["type"] == 11]
        text = [c for c in self.channels.values() if c["type"] == 0]
        await self.dispatch("GUILD_CREATE", p.guild(self.guild_id, self.owner["id"], text, self.members, threads))
        self._ready.set()

    # --- REST ---

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        body: Any = None
        if request.content_type == "application/json":
            body = await request.json()
        elif request.content_type.startswith("multipart/"):
            form = await request.post()
            body = json.loads(str(form["payload_json"])) if "payload_json" in form else {}
        if request.headers.get("Authorization") != f"Bot {TOKEN}" and not path.startswith(("/interactions/", "/webhooks/")):
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        self.calls.append(Call(request.method, path, dict(request.query), body))
        try:
            for method, pattern, handler in self._routes():
                match = re.fullmatch(pattern, path)
                if match and method == request.method:
                    result, status = await handler(body, request.query, *match.groups())
                    return _json(result, status) if result is not None else web.Response(status=status)
            return _json({"message": f"fake Discord has no route {request.method} {path}", "code": 0}, 404)
        finally:
            async with self._changed:
                self._changed.notify_all()

    def _routes(self) -> list[tuple[str, str, Callable[..., Awaitable[tuple[Any, int]]]]]:
        return [
            ("GET", r"/users/@me", self._me),
            ("GET", r"/oauth2/applications/@me", self._application),
            ("GET", r"/gateway/bot", self._gateway_bot),
            ("GET", r"/applications/\d+(?:/guilds/(\d+))?/commands", self._get_commands),
            ("PUT", r"/applications/\d+(?:/guilds/(\d+))?/commands", self._put_commands),
            ("POST", r"/interactions/(\d+)/([^/]+)/callback", self._callback),
            ("POST", r"/webhooks/\d+/([^/]+)", self._follow_up),
            ("PATCH", r"/webhooks/\d+/([^/]+)/messages/@original", self._follow_up),
            ("POST", r"/channels/(\d+)/messages", self._create_message),
            ("GET", r"/channels/(\d+)/messages", self._history),
            ("GET", r"/channels/(\d+)/messages/(\d+)", self._get_message),
            ("POST", r"/channels/(\d+)/messages/(\d+)/threads", self._create_thread),
            ("GET", r"/channels/(\d+)", self._get_channel),
        ]

    async def _me(self, body: Any, query: Any) -> tuple[Any, int]:
        return self.bot, 200

    async def _application(self, body: Any, query: Any) -> tuple[Any, int]:
        return {
            "id": self.app_id, "name": "TalksBot", "icon": None, "description": "", "summary": "", "verify_key": "0" * 64,
            "flags": 0, "owner": self.owner, "bot_public": True, "bot_require_code_grant": False,
        }, 200

    async def _gateway_bot(self, body: Any, query: Any) -> tuple[Any, int]:
        limits = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        url = self.gateway_url or f"ws://127.0.0.1:{self.port}/gateway"
        return {"url": url, "shards": 1, "session_start_limit": limits}, 200

    async def _get_commands(self, body: Any, query: Any, guild: str | None) -> tuple[Any, int]:
        return self.commands.get(guild, []), 200

    async def _put_commands(self, body: Any, query: Any, guild: str | None) -> tuple[Any, int]:
        stored = []
        for command in body:
            entry = {**command, "id": p.snowflake(), "application_id": self.app_id, "version": p.snowflake()}
            if entry.get("default_member_permissions") is not None:
                entry["default_member_permissions"] = str(entry["default_member_permissions"])  # Discord answers strings
            if guild is not None:
                entry["guild_id"] = guild
            stored.append(entry)
        self.commands[guild] = stored
        return stored, 200

    def command_id(self, name: str) -> str:
        for commands in self.commands.values():
            for command in commands:
                if command["name"] == name:
                    return str(command["id"])
        raise KeyError(f"command {name!r} was never synced")

    async def _callback(self, body: Any, query: Any, interaction_id: str, token: str) -> tuple[Any, int]:
        return {"interaction": {"id": interaction_id, "type": 2}}, 200

    async def _follow_up(self, body: Any, query: Any, token: str) -> tuple[Any, int]:
        return self._store_message(self.channel_id, body), 200

    async def _create_message(self, body: Any, query: Any, channel_id: str) -> tuple[Any, int]:
        return self._store_message(channel_id, body), 200

    def _store_message(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """What the bot sent, as the message Discord would return (components included, for button presses)."""
        guild_id = self.guild_id if self.channels.get(channel_id, {}).get("guild_id") else None
        sent = p.message(
            p.snowflake(), channel_id, self.bot, body.get("content") or "", guild_id=guild_id,
            embeds=body.get("embeds"), components=body.get("components"), flags=body.get("flags", 0),
        )
        self.messages.setdefault(channel_id, []).append(sent)
        return sent

    async def _history(self, body: Any, query: Any, channel_id: str) -> tuple[Any, int]:
        found = self.messages.get(channel_id, [])
        if "before" in query:
            found = [m for m in found if int(m["id"]) < int(query["before"])]
        return list(reversed(found))[: int(query.get("limit", 50))], 200

    async def _get_message(self, body: Any, query: Any, channel_id: str, message_id: str) -> tuple[Any, int]:
        found = next((m for m in self.messages.get(channel_id, []) if m["id"] == message_id), None)
        return (found, 200) if found else ({"message": "Unknown Message", "code": 10008}, 404)

    async def _create_thread(self, body: Any, query: Any, channel_id: str, message_id: str) -> tuple[Any, int]:
        # A thread started from a message takes the message's id, as on Discord.
        created = p.thread(message_id, self.guild_id, channel_id, self.bot["id"], body["name"])
        self.channels[message_id] = created
        await self.dispatch("THREAD_CREATE", {**created, "newly_created": True})
        return created, 201

    async def _get_channel(self, body: Any, query: Any, channel_id: str) -> tuple[Any, int]:
        found = self.channels.get(channel_id)
        return (found, 200) if found else ({"message": "Unknown Channel", "code": 10003}, 404)

    # --- what people do ---

    def person(self, name: str = "Alice") -> dict[str, Any]:
        return p.user(p.snowflake(), name)

    async def post_message(self, channel_id: str, author: dict[str, Any], content: str, *, mention_bot: bool) -> dict[str, Any]:
        """A person's message: stored (for history) and dispatched as MESSAGE_CREATE."""
        guild_id = self.channels[channel_id].get("guild_id") if channel_id in self.channels else None
        text = f"<@{self.bot['id']}> {content}" if mention_bot else content
        sent = p.message(p.snowflake(), channel_id, author, text, guild_id=guild_id, mentions=[self.bot] if mention_bot else [])
        self.messages.setdefault(channel_id, []).append(sent)
        await self.dispatch("MESSAGE_CREATE", sent)
        return sent

    async def slash(self, name: str, options: dict[str, str] | None = None, *, invoker: dict[str, Any] | None = None,
                    permissions: int = p.SEND_AND_READ, kind: int = 2, focused: str | None = None) -> dict[str, Any]:
        data = p.command_data(self.command_id(name), name, options or {}, guild_id=self.guild_id, focused=focused)
        payload = p.interaction(
            kind, data, application_id=self.app_id, channel=self.channels[self.channel_id],
            invoker=invoker or self.person(), guild_id=self.guild_id, permissions=permissions,
        )
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def press(self, message: dict[str, Any], custom_id: str, *, invoker: dict[str, Any] | None = None) -> dict[str, Any]:
        payload = p.interaction(
            3, {"custom_id": custom_id, "component_type": 2}, application_id=self.app_id,
            channel=self.channels[self.channel_id], invoker=invoker or self.person(), guild_id=self.guild_id, message_payload=message,
        )
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload


def _json(data: Any, status: int) -> web.Response:
    # Exactly application/json, no charset: discord.py parses a body as JSON only then.
    return web.Response(body=json.dumps(data).encode("utf-8"), status=status, headers={"Content-Type": "application/json"})
