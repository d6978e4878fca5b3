"""Running in production: the systemd unit, JSON log lines, and shard ranges for several processes."""

from __future__ import annotations

import json
import logging
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.frontends import discord_app
from bot.knowledge.store import KnowledgeStore
from bot.service.log_format import MASK, JsonLines, TextLines, configure
from tests.bot_process import TIMEOUT, running_bot
from tests.cli_helpers import run_bot_process
from tests.fakes.slack_server import BOT_TOKEN, FakeSlack
from tests.slack_fixtures import SIGNING_SECRET, fake_slack, free_port  # noqa: F401  (fixtures)

UNIT = PROJECT_ROOT / "deploy" / "talks-bot.service"
INSTALLED_AT = "/opt/talks-bot"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    # systemd checks that ExecStart exists, so point the unit at this checkout and its virtualenv.
    text = UNIT.read_text(encoding="utf-8")
    assert f"ExecStart={INSTALLED_AT}/.venv/bin/python -m bot serve" in text
    assert "EnvironmentFile=/etc/talks-bot/env" in text and "KillSignal=SIGTERM" in text
    local = tmp_path / UNIT.name
    here = text.replace(f"{INSTALLED_AT}/.venv/bin/python", sys.executable).replace(INSTALLED_AT, str(PROJECT_ROOT))
    local.write_text(here, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(local)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def record(message: str, *args: object, error: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(error), error, error.__traceback__) if error else None
    return logging.LogRecord("bot.test", logging.WARNING, __file__, 1, message, args, exc_info)


def test_json_lines_are_one_object_a_line_with_secrets_and_user_ids_masked() -> None:
    try:
        raise ValueError("token xoxb-1234-5678-abcdef rejected")
    except ValueError as error:
        failure = error
    line = JsonLines().format(record("asked by %s with %s", "U012AB3CD", "xapp-1-A0-123-abc", error=failure))
    assert "\n" not in line
    parsed = json.loads(line)
    assert set(parsed) == {"time", "level", "logger", "message", "error"}
    assert parsed["message"] == f"asked by {MASK} with {MASK}"
    assert "Traceback" in parsed["error"] and "xoxb-" not in parsed["error"]
    discord_token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789"
    assert discord_token not in TextLines().format(record("token %s", discord_token))
    assert "UNAUTHORIZED and USA are words" in TextLines().format(record("UNAUTHORIZED and USA are words"))
    hook = "https://hooks.slack.com/commands/T0TEST/1234567890/AbCdEf123456"
    assert TextLines().format(record("posting to %s.", hook)).endswith(f"posting to {MASK}.")


def test_debug_logging_keeps_the_libraries_that_log_payloads_at_info() -> None:
    """discord.py logs every gateway event at DEBUG, user ids and message text included."""
    # The root logger at DEBUG, as configure's basicConfig leaves it in a real process (under
    # pytest the root already has handlers, and basicConfig leaves it alone).
    loggers = [logging.getLogger(name) for name in ("", "discord", "slack_sdk", "slack_bolt")]
    before = [logger.level for logger in loggers]
    try:
        logging.getLogger().setLevel(logging.DEBUG)
        configure("DEBUG", "text", sys.stderr)
        assert logging.getLogger("bot.frontends.slack_app").isEnabledFor(logging.DEBUG)
        for name in ("discord.gateway", "discord.http", "slack_sdk.web.async_base_client", "slack_bolt.App"):
            assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
        configure("WARNING", "text", sys.stderr)
        assert not logging.getLogger("discord.gateway").isEnabledFor(logging.INFO)  # a higher level still applies
    finally:
        for logger, level in zip(loggers, before, strict=True):
            logger.setLevel(level)


async def test_a_server_logs_json_lines_on_stdout_without_a_secret(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """`python -m bot` with a platform configured is a server: its log is its standard output."""
    port = free_port()
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE": fake_slack.api_base,
           "SLACK_PORT": str(port), "BOT_LOG_FORMAT": "json"}  # fmt: skip
    async with running_bot(env=env, cwd=tmp_path) as bot:
        await bot.wait_for_line("listening for HTTP requests on port")
        bot.process.send_signal(signal.SIGTERM)
        await bot.process.wait()
        await bot.wait_for_line("stopped", timeout=TIMEOUT)
    lines = [json.loads(line) for line in bot.lines]  # every line on stdout parses
    assert {"INFO"} <= {line["level"] for line in lines}
    assert not any(BOT_TOKEN in json.dumps(line) or SIGNING_SECRET in json.dumps(line) for line in lines)
    assert bot.stderr == []


def test_commands_whose_stdout_is_their_result_log_on_stderr(knowledge_copy: Path) -> None:
    """Scripts parse `ask --json`; the terminal chat's stdout is the chat (`python -m bot` with no
    platform configured). A knowledge problem's warning must not land in either."""
    (knowledge_copy / "articles" / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    question = "Who was Trump's choice to replace Tillerson?"
    asked = run_bot_process("ask", "--json", "--knowledge", str(knowledge_copy), question)
    assert json.loads(asked.stdout)["answered"] is True  # stdout is the answer and nothing else
    assert "broken.md" in asked.stderr
    chat = run_bot_process("--knowledge", str(knowledge_copy), stdin=question + "\n")
    assert chat.stdout.startswith(f"> {question}\nFrom the articles:") and "broken.md" not in chat.stdout
    assert "broken.md" in chat.stderr


def test_shard_ranges_reach_discord_py(bundled_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch) -> None:
    unsharded = discord_app.build_client(Settings(), bundled_store)
    monkeypatch.setenv("DISCORD_SHARD_COUNT", "4")
    monkeypatch.setenv("DISCORD_SHARD_IDS", "2-3")
    client = discord_app.build_client(Settings(), bundled_store)
    assert (client.shard_count, client.shard_ids) == (4, [2, 3])
    assert (unsharded.shard_count, unsharded.shard_ids) == (None, None)  # Discord's recommended count, all here


def test_shard_ids_without_a_count_is_one_sentence(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    monkeypatch.setenv("DISCORD_SHARD_IDS", "0-3")
    assert main(["check"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT") and "\n" not in err


def test_a_reversed_shard_range_is_one_sentence(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    monkeypatch.setenv("DISCORD_SHARD_COUNT", "8")
    monkeypatch.setenv("DISCORD_SHARD_IDS", "0,7-4")
    assert main(["check"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("DISCORD_SHARD_IDS='0,7-4' is not valid: the range 7-4 runs backwards") and "(4-7)" in err
    assert "\n" not in err


def test_a_health_port_that_is_slacks_port_in_http_mode_is_one_sentence(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Both servers on one port: the second to start blamed 'another program' (review)."""
    from bot.cli import main

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-not-checked")
    monkeypatch.setenv("SLACK_PORT", "3100")
    monkeypatch.setenv("BOT_HEALTH_PORT", "3100")
    assert main(["check"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("BOT_HEALTH_PORT and SLACK_PORT are both 3100") and "\n" not in err and "xoxb" not in err
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-not-checked")  # Socket Mode: Slack listens on no port
    assert main(["check"]) == 0


def test_a_start_up_failure_in_json_mode_is_one_json_line() -> None:
    result = run_bot_process("slack", env={"BOT_LOG_FORMAT": "json", "SLACK_BOT_TOKEN": "xoxb-not-checked"})
    assert result.returncode == 1
    [line] = [json.loads(line) for line in result.stderr.splitlines()]
    assert line["level"] == "ERROR" and line["message"].startswith("SLACK_SIGNING_SECRET is not set")
