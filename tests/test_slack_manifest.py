"""slack-manifest.yaml matches what the app listens for, so setting up the app is one paste."""

from __future__ import annotations

import yaml

from bot.config import PROJECT_ROOT
from bot.frontends.slack_app import EVENTS_PATH


def test_manifest_declares_the_commands_scopes_and_events_the_app_uses() -> None:
    manifest = yaml.safe_load((PROJECT_ROOT / "slack-manifest.yaml").read_text(encoding="utf-8"))
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert commands == {"/ask", "/timeline", "/said", "/compare", "/sources", "/help", "/reload"}
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "channels:history"} <= scopes
    settings = manifest["settings"]
    assert {"app_mention", "message.im", "message.channels"} <= set(settings["event_subscriptions"]["bot_events"])
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is False
    urls = [settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"]]
    urls += [c["url"] for c in manifest["features"]["slash_commands"]]
    assert all(url.endswith(EVENTS_PATH) for url in urls)
