"""Serves a fake platform's aiohttp app on 127.0.0.1, at a free port, and closes it cleanly."""

from __future__ import annotations

from aiohttp import web


class LoopbackSite:
    """One aiohttp app on 127.0.0.1; websockets it accepted are closed on stop, before the runner."""

    def __init__(self) -> None:
        self.port = 0
        self.sockets: list[web.WebSocketResponse] = []
        self._runner: web.AppRunner | None = None

    async def start(self, app: web.Application) -> int:
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self.port

    async def stop(self) -> None:
        for socket in list(self.sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
