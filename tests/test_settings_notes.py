"""Settings given but unused, and misspelt names, are named at start; before, the terminal chat
started in their place without a word. Never a value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import Settings
from bot.settings_notes import settings_notes
from tests.cli_helpers import run_bot


@pytest.mark.parametrize(
    ("env", "note"),
    [
        ({"SLACK_APP_TOKEN": "xapp-1-A0-secret"}, "SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Slack is not started."),
        ({"SLACK_SIGNING_SECRET": "s3cret-value"}, "SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: Slack is not started."),
        ({"DISCORD_TOKEN": "   "}, "DISCORD_TOKEN is blank (only spaces): Discord is not started."),
        ({"DISCORD_BOT_TOKEN": "abc-secret"}, "DISCORD_BOT_TOKEN is not a setting this bot reads; did you mean DISCORD_TOKEN?"),
        ({"SLACK_TOKEN": "xoxb-secret"}, "SLACK_TOKEN is not a setting this bot reads; did you mean SLACK_BOT_TOKEN or SLACK_APP_TOKEN?"),
    ],
)
def test_a_setting_that_starts_nothing_is_named_before_the_terminal_chat(env: dict[str, str], note: str) -> None:
    ran = run_bot(stdin="/quit\n", env=env)
    assert ran.returncode == 0
    assert note in ran.stderr
    assert all(value.strip() not in ran.stderr + ran.stdout for value in env.values() if value.strip())


def test_a_misspelt_setting_is_named_by_ask_and_the_other_commands_too_never_its_value() -> None:
    env = {"DISCORD_BOT_TOKEN": "abc-secret", "SLACK_APP_TOKEN": "xapp-1-A0-secret"}
    note = "DISCORD_BOT_TOKEN is not a setting this bot reads; did you mean DISCORD_TOKEN?"
    for args in (["ask", "--json", "Why did the Hanoi summit fail?"], ["timeline", "--json"]):
        ran = run_bot(*args, env=env)
        assert ran.returncode == 0
        assert ran.stderr.count(note) == 1
        assert "Slack is not started" not in ran.stderr  # which platforms start is the servers' business
        assert "secret" not in ran.stderr + ran.stdout
        json.loads(ran.stdout)  # stdout is the result alone


def test_settings_that_start_a_platform_or_are_left_empty_say_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # .env.example's empty lines are how "unset" is written: no note for them.
    env_file = tmp_path / ".env"
    env_file.write_text("DISCORD_TOKEN=\nSLACK_BOT_TOKEN=\nSLACK_APP_TOKEN=\nSLACK_SIGNING_SECRET=\nSLACK_ADMIN_USER_IDS=\n", encoding="utf-8")
    assert settings_notes(env_file) == []
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    monkeypatch.setenv("BOT_TEST_UNRELATED_THING", "1")  # ours by prefix, close to no setting
    assert settings_notes(env_file) == []


def test_a_token_of_spaces_unquoted_in_the_env_file_is_named_as_blank(tmp_path: Path) -> None:
    """python-dotenv reads "DISCORD_TOKEN=   " as empty, as if left unset on purpose: it said nothing."""
    env_file = tmp_path / ".env"
    env_file.write_text("DISCORD_TOKEN=   \nSLACK_BOT_TOKEN=\n", encoding="utf-8")
    assert settings_notes(env_file) == ["DISCORD_TOKEN is blank (only spaces): Discord is not started."]


def test_a_misspelt_name_in_the_env_file_is_named(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("discord_guild_id=123\n", encoding="utf-8")
    assert settings_notes(env_file) == ["DISCORD_GUILD_ID is not a setting this bot reads; did you mean DISCORD_GUILD_IDS?"]


def test_an_admin_that_is_no_slack_user_id_is_dropped_and_named_by_position(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_ADMIN_USER_IDS", "bob, UADMIN01,W0GRID2")
    assert Settings().slack_admin_user_ids == ["UADMIN01", "W0GRID2"]  # bob can run no /reload
    (note,) = settings_notes(tmp_path / "no.env")
    assert note.startswith("SLACK_ADMIN_USER_IDS item 1 of 3 is not a Slack user id") and "bob" not in note
