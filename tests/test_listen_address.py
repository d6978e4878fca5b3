"""An address the bot cannot listen on (a port in use, an address not of this machine) is one
sentence naming the setting to change and exit 1, through the real entry point — never a traceback."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.bot_process import TIMEOUT, running_bot
from tests.discord_fixtures import fake_discord  # noqa: F401  (fixtures)
from tests.fakes.discord_server import TOKEN, FakeDiscord
from tests.fakes.slack_server import BOT_TOKEN, FakeSlack
from tests.slack_fixtures import SIGNING_SECRET, fake_slack, free_port  # noqa: F401  (fixtures)

# TEST-NET-1 (RFC 5737): never an address of this machine, and binding to it sends no traffic.
NOT_THIS_MACHINE = "192.0.2.1"


@contextmanager
def port_taken() -> Iterator[int]:
    """A port on 127.0.0.1 another program is listening on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def slack_env(fake: FakeSlack, **address: str) -> dict[str, str]:
    return {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE": fake.api_base, **address}


async def one_sentence_and_exit_1(*args: str, env: dict[str, str], cwd: Path) -> str:
    async with running_bot(*args, env=env, cwd=cwd) as bot:
        assert await asyncio.wait_for(bot.process.wait(), TIMEOUT) == 1
    assert "Traceback" not in bot.output() and BOT_TOKEN not in bot.output()
    (sentence,) = bot.stderr
    return sentence


async def test_a_slack_port_in_use_names_slack_port(fake_slack: FakeSlack, tmp_path: Path) -> None:
    with port_taken() as port:
        sentence = await one_sentence_and_exit_1("slack", env=slack_env(fake_slack, SLACK_HOST="127.0.0.1", SLACK_PORT=str(port)), cwd=tmp_path)
    assert sentence.startswith(f"SLACK_PORT={port}: port {port} is already in use")


async def test_a_slack_host_not_of_this_machine_names_slack_host(fake_slack: FakeSlack, tmp_path: Path) -> None:
    env = slack_env(fake_slack, SLACK_HOST=NOT_THIS_MACHINE, SLACK_PORT=str(free_port()))
    sentence = await one_sentence_and_exit_1("slack", env=env, cwd=tmp_path)
    assert sentence.startswith(f"SLACK_HOST='{NOT_THIS_MACHINE}' is not an address of this machine")


async def test_a_health_port_in_use_names_bot_health_port(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    with port_taken() as port:
        env = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": fake_discord.api_base, "BOT_HEALTH_HOST": "127.0.0.1", "BOT_HEALTH_PORT": str(port)}
        sentence = await one_sentence_and_exit_1("discord", env=env, cwd=tmp_path)
    assert sentence.startswith(f"BOT_HEALTH_PORT={port}: port {port} is already in use")
    assert TOKEN not in sentence
