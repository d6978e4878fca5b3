"""Start an aiohttp server on a configured address, or fail with one sentence naming the settings.

aiohttp raises OSError from deep in asyncio when the port is taken, the host is not an address of
this machine or cannot be resolved: a 47-line traceback that names no setting (walkthrough,
session 18). The operator needs the variable to change and the reason, nothing else.
"""

from __future__ import annotations

import errno
import socket
from typing import NamedTuple

from aiohttp import web

from bot import messages
from bot.errors import StartupError


class AddressSettings(NamedTuple):
    """The environment variables an address comes from, for the message when it cannot be used."""

    host_variable: str
    port_variable: str


SLACK_ADDRESS = AddressSettings("SLACK_HOST", "SLACK_PORT")
HEALTH_ADDRESS = AddressSettings("BOT_HEALTH_HOST", "BOT_HEALTH_PORT")


def _reason(error: OSError, host: str, port: int, settings: AddressSettings) -> str:
    if isinstance(error, socket.gaierror):
        return messages.address_unknown(settings.host_variable, host)
    if error.errno == errno.EADDRINUSE:
        return messages.port_in_use(settings.port_variable, port)
    if error.errno == errno.EACCES:
        return messages.port_not_permitted(settings.port_variable, port)
    if error.errno == errno.EADDRNOTAVAIL:
        return messages.address_not_here(settings.host_variable, host)
    return messages.cannot_listen(settings.host_variable, settings.port_variable, host, port, error.strerror or str(error))


async def listen(runner: web.AppRunner, host: str, port: int, settings: AddressSettings) -> None:
    """Serve the (set up) runner on host:port; an address that cannot be used cleans the runner up
    and raises StartupError naming the variable to change."""
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as error:
        await runner.cleanup()
        raise StartupError(_reason(error, host, port, settings)) from None
