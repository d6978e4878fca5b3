"""`GET /healthz` (the process answers) and `GET /readyz` (every readiness check passes) over aiohttp.

Slack's HTTP mode adds these routes to its own server; otherwise `BOT_HEALTH_PORT` starts this
small server on its own. Both answer JSON; /readyz answers 503 until every check is ready.
"""

from __future__ import annotations

from aiohttp import web

from bot.service.listening import HEALTH_ADDRESS, listen
from bot.service.readiness import Readiness, readiness

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


def add_health_routes(app: web.Application, checks: Readiness = readiness) -> None:
    async def alive(_: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def ready(_: web.Request) -> web.Response:
        is_ready, report = checks.status()
        return web.json_response({"ready": is_ready, "checks": report}, status=200 if is_ready else 503)

    app.router.add_get(HEALTH_PATH, alive)
    app.router.add_get(READY_PATH, ready)


async def start_health_server(host: str, port: int, checks: Readiness = readiness) -> web.AppRunner:
    """The two endpoints alone on host:port; the caller cleans the runner up. An address that cannot
    be used is a StartupError naming BOT_HEALTH_HOST or BOT_HEALTH_PORT."""
    app = web.Application()
    add_health_routes(app, checks)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await listen(runner, host, port, HEALTH_ADDRESS)
    return runner
