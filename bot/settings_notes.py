"""Settings given but not used, and names close to a setting's that the bot does not read.

Without a platform token the bot starts the terminal chat, so a setting that cannot work (Slack's
app token without its bot token, a blank DISCORD_TOKEN, DISCORD_BOT_TOKEN for DISCORD_TOKEN) did
nothing and said nothing. These notes are logged once at start; they name settings, never values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from dotenv import dotenv_values

from bot.close_names import did_you_mean
from bot.config import Settings, is_slack_user_id

# (platform, the setting that starts it, the prefix of its other settings)
PLATFORMS = (("Discord", "DISCORD_TOKEN", "DISCORD_"), ("Slack", "SLACK_BOT_TOKEN", "SLACK_"))
# Environment names the bot's own could be mistyped as: only these prefixes, since the environment
# holds every other program's settings too (a .env file holds the bot's alone: all of its names).
OUR_PREFIXES = ("BOT_", "DISCORD_", "SLACK_")

def setting_names() -> list[str]:
    return [name.upper() for name in Settings.model_fields]


def given_settings(env_file: Path | None = None) -> dict[str, str]:
    """The names and raw values Settings reads (the .env file, the environment over it), upper-cased
    as Settings matches them."""
    path = Path(env_file or str(Settings.model_config.get("env_file") or ".env"))
    from_file = {name.upper(): value or "" for name, value in dotenv_values(path).items()} if path.is_file() else {}
    # "DISCORD_TOKEN=   " unquoted: python-dotenv strips the spaces, and the token read as left empty
    # on purpose (as .env.example leaves them), not as blanked by mistake, which is worth a note.
    from_file |= {name: " " for name in _only_spaces(path) if from_file.get(name) == ""}
    from_environment = {name.upper(): value for name, value in os.environ.items() if name.upper().startswith(OUR_PREFIXES)}
    return from_file | from_environment


# A .env line whose value is spaces or tabs only, unquoted: "DISCORD_TOKEN=   ".
_SPACES_ONLY = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=[ \t]+$")


def _only_spaces(path: Path) -> set[str]:
    """The names (upper-cased) the file sets to spaces alone; none when it cannot be read (Settings says so)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    except (OSError, UnicodeDecodeError):
        return set()
    return {match.group(1).upper() for line in lines if (match := _SPACES_ONLY.match(line))}


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def platform_notes(given: Mapping[str, str]) -> list[str]:
    """A platform whose token is blank, or whose other settings are set without its token."""
    notes = []
    known = setting_names()
    for platform, token, prefix in PLATFORMS:
        value = given.get(token, "")
        if value and not value.strip():
            notes.append(f"{token} is blank (only spaces): {platform} is not started.")
        elif not value:
            others = [name for name in known if name.startswith(prefix) and name != token and given.get(name, "").strip()]
            if others:
                verb = "is" if len(others) == 1 else "are"
                notes.append(f"{_listed(others)} {verb} set but {token} is not: {platform} is not started.")
    return notes


def unknown_name_notes(given: Mapping[str, str]) -> list[str]:
    """Names the bot does not read that are close to one it does: a misspelt setting is ignored."""
    known = setting_names()
    notes = []
    for name in sorted(set(given) - set(known)):
        if meant := did_you_mean(name, known):
            notes.append(f"{name} is not a setting this bot reads; {meant}")
    return notes


def admin_id_notes(given: Mapping[str, str]) -> list[str]:
    """Items of SLACK_ADMIN_USER_IDS that are no Slack user id (Settings drops them): by position,
    since a mistyped id may still be someone's."""
    items = [item.strip() for item in given.get("SLACK_ADMIN_USER_IDS", "").split(",") if item.strip()]
    bad = [str(number) for number, item in enumerate(items, start=1) if not is_slack_user_id(item)]
    if not bad:
        return []
    which = "item" if len(bad) == 1 else "items"
    return [
        f"SLACK_ADMIN_USER_IDS {which} {_listed(bad)} of {len(items)} {'is' if len(bad) == 1 else 'are'} not a Slack user id "
        "(they look like U… or W…: a profile's ⋮ menu → Copy member ID); ignored."
    ]


def settings_notes(env_file: Path | None = None) -> list[str]:
    """Every note: what the serving commands say at start."""
    given = given_settings(env_file)
    return platform_notes(given) + unknown_name_notes(given) + admin_id_notes(given)


def misspelt_setting_notes(env_file: Path | None = None) -> list[str]:
    """The notes every other command says too (ask, timeline, check…): a misspelt setting is ignored
    by them as well, while which platforms start is the serving commands' business."""
    return unknown_name_notes(given_settings(env_file))
