"""Health probes and SIGTERM, through the real entry point (`python -m bot …` in a subprocess)
against the fake Slack and the fake Discord on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import signal
import zipfile
from pathlib import Path
from typing import Any

import aiohttp

from bot import messages
from bot.cli.serve_cmd import _serve_function
from bot.frontends import discord_app, slack_app
from bot.ranking.minilm import MODEL_ARCHIVE, MODEL_PACKAGE
from bot.service.lifecycle import MODEL_CHECK
from bot.service.readiness import READY, Readiness, ReadyWithNote, readiness
from tests.bot_process import TIMEOUT, BotProcess, running_bot
from tests.discord_fixtures import fake_discord  # noqa: F401  (fixtures)
from tests.fakes.discord_server import TOKEN, FakeDiscord
from tests.fakes.slack_server import BOT_TOKEN, BOT_USER_ID, FakeSlack, Refusal
from tests.slack_fixtures import CHANNEL_ID, SIGNING_SECRET, USER_ID, HttpBot, event_callback, fake_slack, free_port, mention_event  # noqa: F401

BURST = 30
QUESTIONS = ("Who was Trump's choice to replace Tillerson?", "Why did the Hanoi summit end early?", "What did Kim say about denuclearization?")


def slack_env(fake: FakeSlack, port: int, **extra: str) -> dict[str, str]:
    return {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE": fake.api_base, "SLACK_PORT": str(port), **extra}


async def probe(session: aiohttp.ClientSession, url: str) -> tuple[int, dict[str, Any]]:
    async with session.get(url) as response:
        return response.status, await response.json()


async def exit_code_after_sigterm(bot: BotProcess) -> int:
    bot.process.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(bot.process.wait(), TIMEOUT)


# --- the registry ---


def test_readiness_is_every_named_check_and_a_broken_check_is_not_ready() -> None:
    checks = Readiness()
    assert checks.ready()  # nothing to wait for
    checks.register("knowledge", lambda: None)
    checks.register("model", lambda: "loading")
    assert not checks.ready() and checks.report() == {"knowledge": READY, "model": "loading"}
    checks.register("model", lambda: None)  # the same name replaces its check
    assert checks.ready()
    checks.register("broken", lambda: 1 / 0)  # type: ignore[arg-type,return-value]
    assert checks.report()["broken"] == "check failed (ZeroDivisionError)"
    checks.unregister("broken")
    assert checks.ready()
    checks.register("model", lambda: ReadyWithNote("answering on words alone"))  # left out on purpose
    assert checks.ready() and checks.report()["model"] == "ready: answering on words alone"


# --- Slack's HTTP mode: the probes on the Slack port ---


def test_a_platform_is_not_ready_from_the_moment_it_is_chosen_to_serve() -> None:
    """The knowledge is ready before a front end's first step registers its own check: in between,
    /readyz must not say ready for a platform that is not connected yet."""
    try:
        for name in ("discord_app", "slack_app", "terminal"):
            _serve_function(name)  # the coroutines are not started: no front end has run a step
        report = readiness.report()
        assert report[discord_app.READINESS_CHECK] == report[slack_app.READINESS_CHECK] == "starting"
        assert not readiness.ready()
    finally:
        readiness.unregister(discord_app.READINESS_CHECK)
        readiness.unregister(slack_app.READINESS_CHECK)


async def test_slack_http_serves_healthz_and_readyz_and_exits_0_on_sigterm(fake_slack: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    async with running_bot("slack", env=slack_env(fake_slack, port), cwd=tmp_path) as bot:
        await bot.wait_for_line(f"listening for HTTP requests on port {port}")
        async with aiohttp.ClientSession() as session:
            assert await probe(session, f"http://127.0.0.1:{port}/healthz") == (200, {"status": "alive"})
            status, body = await probe(session, f"http://127.0.0.1:{port}/readyz")
        assert (status, body["checks"]) == (200, {"knowledge": READY, MODEL_CHECK: READY, "slack": READY})
        assert await exit_code_after_sigterm(bot) == 0
    assert "Traceback" not in bot.output()


async def test_readyz_says_when_slack_could_not_check_the_bot_token_at_start(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """Slack unreachable for auth.test: the bot starts (the first request checks the token), and
    /readyz says the token was not checked rather than a plain "ready" (walkthrough)."""
    fake_slack.refuse = lambda call: Refusal(503) if call.method == "auth.test" else None
    port = free_port()
    async with running_bot("slack", env=slack_env(fake_slack, port), cwd=tmp_path) as bot:
        await bot.wait_for_line(f"listening for HTTP requests on port {port}")
        async with aiohttp.ClientSession() as session:
            status, body = await probe(session, f"http://127.0.0.1:{port}/readyz")
    assert status == 200 and body["checks"]["slack"] == f"ready: {messages.SLACK_BOT_TOKEN_UNCHECKED}"
    assert any("could not check SLACK_BOT_TOKEN" in line for line in bot.lines)


async def test_readyz_is_503_when_the_knowledge_folder_loaded_nothing(fake_slack: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    (tmp_path / "empty").mkdir()
    async with running_bot("slack", "--knowledge", str(tmp_path / "empty"), env=slack_env(fake_slack, port), cwd=tmp_path) as bot:
        await bot.wait_for_line(f"listening for HTTP requests on port {port}")
        async with aiohttp.ClientSession() as session:
            assert (await probe(session, f"http://127.0.0.1:{port}/healthz"))[0] == 200
            status, body = await probe(session, f"http://127.0.0.1:{port}/readyz")
    assert status == 503 and body["checks"]["knowledge"] == "no articles loaded"


# --- the sentence-embedding model ---


def with_python_path(folder: Path) -> dict[str, str]:
    """PYTHONPATH with this folder first, so what it holds is found before the installed packages."""
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH", "")]))}


async def readyz_of_slack_bot(fake: FakeSlack, tmp_path: Path, python_path: Path) -> tuple[int, dict[str, Any]]:
    port = free_port()
    async with running_bot("slack", env=slack_env(fake, port, **with_python_path(python_path)), cwd=tmp_path) as bot:
        await bot.wait_for_line(f"listening for HTTP requests on port {port}")
        async with aiohttp.ClientSession() as session:
            return await probe(session, f"http://127.0.0.1:{port}/readyz")


async def test_readyz_is_503_while_an_installed_model_does_not_load(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """The model's package is installed but broken (its archive lacks the weights): the bot answers
    on words alone, and the probe must not call that ready."""
    broken = tmp_path / "site" / MODEL_PACKAGE
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("")
    with zipfile.ZipFile(broken / MODEL_ARCHIVE, "w") as bundle:
        bundle.writestr("config.json", "{}")
    status, body = await readyz_of_slack_bot(fake_slack, tmp_path, tmp_path / "site")
    assert status == 503 and body["ready"] is False
    assert body["checks"]["knowledge"] == READY
    assert body["checks"][MODEL_CHECK].startswith("sentence-embedding model not loaded: ") and "has no model.safetensors" in body["checks"][MODEL_CHECK]


async def test_readyz_is_200_with_the_reason_when_the_model_package_is_left_out(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """Without the package the bot answers on words alone on purpose: ready, saying so in the body."""
    site = tmp_path / "site"
    site.mkdir()
    # Makes the installed package unimportable in that process, as if it had never been installed.
    (site / "sitecustomize.py").write_text(f"import sys\nsys.modules[{MODEL_PACKAGE!r}] = None\n")
    status, body = await readyz_of_slack_bot(fake_slack, tmp_path, site)
    assert status == 200 and body["ready"] is True
    assert body["checks"][MODEL_CHECK] == f"ready: answering on words alone: the package {MODEL_PACKAGE} is not installed"


# --- Discord only: BOT_HEALTH_PORT ---


async def test_bot_health_port_serves_the_probes_beside_discord(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    health = free_port()
    env = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": fake_discord.api_base, "DISCORD_GUILD_IDS": fake_discord.guild_id, "BOT_HEALTH_PORT": str(health), "BOT_HEALTH_HOST": "127.0.0.1"}
    fake_discord.expect_connection()
    async with running_bot("discord", env=env, cwd=tmp_path) as bot:
        await bot.wait_for_line(f"health checks on port {health}")
        async with aiohttp.ClientSession() as session:
            assert (await probe(session, f"http://127.0.0.1:{health}/healthz"))[0] == 200
            await bot.wait_for_line("logged in to Discord")  # on_ready: discord.py counts itself ready
            status, body = await probe(session, f"http://127.0.0.1:{health}/readyz")
        assert (status, body["checks"]) == (200, {"discord": READY, "knowledge": READY, MODEL_CHECK: READY})
        assert await exit_code_after_sigterm(bot) == 0
    assert "Traceback" not in bot.output()
    # The bot never joins voice: discord.py's warnings about its missing voice libraries are noise.
    assert "voice will NOT be supported" not in bot.output()


# --- SIGTERM during a burst of Slack requests ---


async def test_sigterm_during_a_burst_finishes_every_acknowledged_answer(fake_slack: FakeSlack, tmp_path: Path) -> None:
    # Each question is asked in a thread, so its answer starts by reading the thread back; that read
    # is slow, so answers are still in flight at SIGTERM and none is posted before it returns.
    fake_slack.delays["conversations.replies"] = 1.0
    roots = [f"1700002000.{n:06d}" for n in range(BURST)]
    for root in roots:
        fake_slack.threads[(CHANNEL_ID, root)] = [{"type": "message", "user": USER_ID, "text": f"<@{BOT_USER_ID}> hello", "ts": root}]
    port = free_port()
    async with running_bot("slack", env=slack_env(fake_slack, port), cwd=tmp_path) as bot:
        await bot.wait_for_line(f"listening for HTTP requests on port {port}")
        async with aiohttp.ClientSession() as session:
            http = HttpBot(f"http://127.0.0.1:{port}/slack/events", session)

            async def ask(n: int) -> int:
                event = mention_event(QUESTIONS[n % len(QUESTIONS)], f"1700003000.{n:06d}", thread_ts=roots[n])
                try:
                    return (await http.event(event_callback(event, f"EvBURST{n}"))).status
                except aiohttp.ClientError:
                    return 0  # refused: the server had stopped listening

            first_half = await asyncio.gather(*(ask(n) for n in range(BURST // 2)))
            assert first_half == [200] * (BURST // 2)
            second_half = asyncio.gather(*(ask(n) for n in range(BURST // 2, BURST)))
            bot.process.send_signal(signal.SIGTERM)
            statuses = first_half + list(await second_half)
            assert await asyncio.wait_for(bot.process.wait(), TIMEOUT) == 0
    acknowledged = {roots[n] for n, status in enumerate(statuses) if status == 200}
    answered = [c.args["thread_ts"] for c in fake_slack.of("chat.postMessage")]
    assert sorted(answered) == sorted(acknowledged)  # every acknowledged question answered, once
    assert len(acknowledged) >= BURST // 2
    assert any("finishing" in line and "answers in flight" in line for line in bot.lines)
    assert "Traceback" not in bot.output()
