"""The Slack app manifest, made from the command table and the knowledge folder's bot.yaml.

Pasted once when the app is created (README, Slack). Made rather than kept as a file so that its
slash commands are always the ones the app answers, and its description is the story being
served: swap knowledge/ and the manifest describes the new story.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.command_table import for_platform
from bot.command_table.model import Command
from bot.frontends.slack_http import EVENTS_PATH
from bot.knowledge.profile import BotProfile

PLACEHOLDER_URL = "https://bot.example.com"
# Slack's limits for these manifest fields.
APP_NAME_LIMIT = 35
_DESCRIPTION_LIMIT = 140
_USAGE_HINT_LIMIT = 1000
# Slack lets anyone ask for an answer only they see by starting or ending with this word.
_PRIVATE_WORD = "[private]"

# Each scope and event with what it is for: the manifest says it to whoever installs the app.
_SCOPES = {
    "app_mentions:read": "app_mention events",
    "chat:write": "answers in threads",
    "commands": "the slash commands",
    "im:history": "message.im: direct messages, and DM thread history",
    "channels:history": "message.channels: follow-ups in public threads, conversations.replies",
    "groups:history": "message.groups: the same in private channels the bot was invited to",
}
_EVENTS = ("app_mention", "message.im", "message.channels", "message.groups")


def _usage_hint(command: Command, profile: BotProfile) -> str:
    options = [option.usage() for option in command.options]
    if command.options and command.options[0].name == "question" and profile.example_questions:
        options[0] = profile.example_questions[0]
    return " ".join([_PRIVATE_WORD, *options])[:_USAGE_HINT_LIMIT]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower()) or "quotebot"


class BadManifestValue(ValueError):
    """An app name or address Slack would refuse, as one sentence."""


def check_app_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > APP_NAME_LIMIT:
        raise BadManifestValue(f"--app-name must be 1 to {APP_NAME_LIMIT} characters (Slack's limit), not {len(name)}: {name!r}")
    return name


def with_events_path(url: str) -> str:
    """The request URL for the bot's public address: the address with EVENTS_PATH, which may
    already be on it (people paste the request URL Slack's settings show)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        raise BadManifestValue(f"--url must be the bot's public https address, such as https://bot.example.org (Slack sends only to https), not {url!r}")
    base = url.rstrip("/")
    return base if base.endswith(EVENTS_PATH) else base + EVENTS_PATH


def request_url(url: str | None, socket_mode: bool) -> str | None:
    """The events URL for HTTP mode (PLACEHOLDER_URL's when no address is given); None for Socket
    Mode, whose manifest has no request URL, so an address given with it is refused, not dropped."""
    if socket_mode:
        if url is not None:
            raise BadManifestValue("--url is for HTTP mode and --socket-mode needs no address: give one or the other")
        return None
    return with_events_path(PLACEHOLDER_URL if url is None else url)


def manifest(profile: BotProfile, *, app_name: str, url: str | None = None, socket_mode: bool = False) -> dict[str, Any]:
    """The manifest as Slack's JSON/YAML structure. url: the bot's public address (HTTP mode; None:
    PLACEHOLDER_URL; Socket Mode needs none, so its manifest has no request URLs)."""
    app_name = check_app_name(app_name)
    events_url = request_url(url, socket_mode)
    description = f"Answers questions about {profile.topic} with quotes from news articles."
    if len(description) > _DESCRIPTION_LIMIT:
        description = "Answers questions with verbatim, attributed quotes from news articles."
    commands = []
    for command in for_platform("slack"):
        entry: dict[str, Any] = {"command": "/" + command.name, "description": command.description}
        if events_url is not None:
            entry["url"] = events_url
        if not command.admin_only:
            entry["usage_hint"] = _usage_hint(command, profile)
        entry["should_escape"] = False
        commands.append(entry)
    return {
        "display_information": {
            "name": app_name,
            "description": description,
            "long_description": (
                f"Ask about {profile.topic}. Every answer is made of verbatim quotes from news articles, "
                "each with its publisher, title, date and link. The bot writes no claims of its own: "
                "when the articles do not cover a question, it says so."
            ),
        },
        "features": {
            "app_home": {"home_tab_enabled": False, "messages_tab_enabled": True, "messages_tab_read_only_enabled": False},
            "bot_user": {"display_name": _slug(app_name), "always_online": True},
            "slash_commands": commands,
        },
        "oauth_config": {"scopes": {"bot": list(_SCOPES)}},
        "settings": {
            "event_subscriptions": {"bot_events": list(_EVENTS)} | ({"request_url": events_url} if events_url else {}),
            # The "More context", "More events" and 👍/👎 buttons.
            "interactivity": {"is_enabled": True} | ({"request_url": events_url} if events_url else {}),
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(profile: BotProfile, *, app_name: str, url: str | None = None, socket_mode: bool = False) -> str:
    header = [
        "# Slack app manifest: https://api.slack.com/apps -> Create New App -> From an app manifest",
        "# -> pick the workspace -> paste this. Made by `python -m bot slack-manifest` (README, Slack).",
        "# Bot scopes: " + "; ".join(f"{scope} ({why})" for scope, why in _SCOPES.items()),
    ]
    if socket_mode:
        header.append("# Socket Mode: also create an app-level token with connections:write and set SLACK_APP_TOKEN.")
    elif url is None:
        header.append(f"# HTTP mode: {PLACEHOLDER_URL} stands for the bot's public address (--url).")
    body = yaml.safe_dump(manifest(profile, app_name=app_name, url=url, socket_mode=socket_mode), sort_keys=False, allow_unicode=True, width=100)
    return "\n".join(header) + "\n" + body
