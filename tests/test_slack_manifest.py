"""`python -m bot slack-manifest` matches what the app listens for and the story being served,
so setting up the app is one paste, for this story or another."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import command_table
from bot.cli import main
from bot.frontends.slack_app import EVENTS_PATH
from tests.conftest import FIXTURE_KNOWLEDGE


def manifest_of(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["slack-manifest", *argv]) == 0
    return yaml.safe_load(capsys.readouterr().out)


def test_manifest_declares_the_commands_scopes_and_events_the_app_uses(capsys: pytest.CaptureFixture[str]) -> None:
    manifest = manifest_of(capsys, "--knowledge", str(FIXTURE_KNOWLEDGE), "--url", "https://talks.example.org/")
    declared = {c["command"]: c for c in manifest["features"]["slash_commands"]}  # type: ignore[index]
    assert set(declared) == {"/" + c.name for c in command_table.for_platform("slack")}
    assert {"/ask", "/timeline", "/said", "/compare", "/sources", "/help", "/reload"} <= set(declared)
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])  # type: ignore[index]
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "channels:history"} <= scopes
    settings = manifest["settings"]
    assert {"app_mention", "message.im", "message.channels"} <= set(settings["event_subscriptions"]["bot_events"])  # type: ignore[index]
    assert settings["interactivity"]["is_enabled"] is True  # type: ignore[index]
    assert settings["socket_mode_enabled"] is False  # type: ignore[index]
    urls = [settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"]]  # type: ignore[index]
    urls += [c["url"] for c in declared.values()]
    assert set(urls) == {"https://talks.example.org" + EVENTS_PATH}
    # Slack refuses a manifest whose fields are too long.
    assert len(manifest["display_information"]["name"]) <= 35 and len(manifest["display_information"]["description"]) <= 140  # type: ignore[index]


def test_the_manifest_describes_the_story_in_the_knowledge_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "knowledge"
    (folder / "articles").mkdir(parents=True)
    (folder / "bot.yaml").write_text("topic: the 1969 Moon landing\nexample_questions:\n  - Who stepped out first?\n", encoding="utf-8")
    manifest = manifest_of(capsys, "--knowledge", str(folder), "--socket-mode", "--app-name", "Apollo Quotes")
    about = manifest["display_information"]
    assert "the 1969 Moon landing" in about["description"] and "Korea" not in yaml.safe_dump(manifest)  # type: ignore[index]
    assert about["name"] == "Apollo Quotes" and manifest["features"]["bot_user"]["display_name"] == "apolloquotes"  # type: ignore[index]
    ask = next(c for c in manifest["features"]["slash_commands"] if c["command"] == "/ask")  # type: ignore[index]
    assert ask["usage_hint"] == "[private] Who stepped out first?"
    assert manifest["settings"]["socket_mode_enabled"] is True  # type: ignore[index]
    # Socket Mode needs no public address: no request URL anywhere for someone to fill in.
    assert "bot.example.com" not in yaml.safe_dump(manifest) and "url" not in ask


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["--app-name", ""], "--app-name must be 1 to 35 characters"),
        (["--app-name", "A name far longer than Slack allows for apps"], "--app-name must be 1 to 35 characters"),
        (["--url", "not a url"], "--url must be the bot's public https address"),
        (["--url", "http://bot.example.org"], "--url must be the bot's public https address"),
    ],
)
def test_values_slack_would_refuse_are_one_sentence_and_exit_2(argv: list[str], problem: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["slack-manifest", "--knowledge", str(FIXTURE_KNOWLEDGE), *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and problem in err and "Traceback" not in err


@pytest.mark.parametrize("url", ["https://talks.example.org/slack/events", "https://talks.example.org/slack/events/", "https://talks.example.org"])
def test_an_address_given_with_or_without_the_events_path_gives_one_events_url(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's manifest step names the address; some paste the full request URL Slack shows."""
    manifest = manifest_of(capsys, "--knowledge", str(FIXTURE_KNOWLEDGE), "--url", url)
    settings = manifest["settings"]
    urls = {settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"]}  # type: ignore[index]
    urls |= {c["url"] for c in manifest["features"]["slash_commands"]}  # type: ignore[index]
    assert urls == {"https://talks.example.org" + EVENTS_PATH}


def test_an_empty_address_is_refused_not_replaced_by_the_placeholder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["slack-manifest", "--knowledge", str(FIXTURE_KNOWLEDGE), "--url", ""]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--url must be the bot's public https address" in err and "''" in err


def test_an_address_with_socket_mode_is_refused_rather_than_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["slack-manifest", "--knowledge", str(FIXTURE_KNOWLEDGE), "--socket-mode", "--url", "https://talks.example.org"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--socket-mode" in err and "--url" in err and err.count("\n") == 1


def test_without_an_address_or_socket_mode_the_placeholder_is_said_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 0 with placeholder URLs looked finished to the walkthrough; the note names both ways out."""
    assert main(["slack-manifest", "--knowledge", str(FIXTURE_KNOWLEDGE)]) == 0
    out, err = capsys.readouterr()
    assert "https://bot.example.com" + EVENTS_PATH in out
    assert "placeholder https://bot.example.com" in err and "--url" in err and "--socket-mode" in err
    for chosen in (["--url", "https://talks.example.org"], ["--socket-mode"]):
        assert main(["slack-manifest", "--knowledge", str(FIXTURE_KNOWLEDGE), *chosen]) == 0
        assert "placeholder" not in capsys.readouterr().err
