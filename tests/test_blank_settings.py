"""A setting left blank is unset, as `.env.example` writes "unset" (`DISCORD_TOKEN=`): every setting,
not only the tokens. Before, `BOT_UNANSWERED_LOG=` ended every command in a traceback, `SLACK_PORT=`
and `BOT_LOG_LEVEL=` stopped the bot, and `BOT_KNOWLEDGE_DIR=` served the working folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings

EVERY_SETTING = [name.upper() for name in Settings.model_fields]


def _defaults(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    for name in EVERY_SETTING:
        monkeypatch.delenv(name, raising=False)
    return Settings().model_dump()


@pytest.mark.parametrize("blank", ["", "  "])
def test_every_setting_left_blank_in_the_environment_is_its_default(blank: str, monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = _defaults(monkeypatch)
    for name in EVERY_SETTING:
        monkeypatch.setenv(name, blank)
    assert Settings().model_dump() == defaults


def test_every_setting_left_blank_in_the_env_file_is_its_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = _defaults(monkeypatch)
    (tmp_path / ".env").write_text("".join(f"{name}=\n" for name in EVERY_SETTING), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert Settings().model_dump() == defaults


def test_a_blank_setting_in_the_environment_still_overrides_the_env_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment comes first: `SLACK_BOT_TOKEN=` there unsets the token `.env` holds."""
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-from-the-file\nSLACK_PORT=4000\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "")
    monkeypatch.setenv("SLACK_PORT", "")
    settings = Settings()
    assert settings.slack_bot_token is None and settings.slack_port == 3000


def test_check_with_a_blank_log_setting_reports_the_folder_not_a_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BOT_UNANSWERED_LOG", "")
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("OK:") and "Traceback" not in err
