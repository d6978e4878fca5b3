"""Slash-command sync: only when the command set differs from what Discord has, or when forced.

The comparison is a hash of both sides' payloads (ours from the tree, Discord's from
`fetch_commands`), so no local state file is needed and every shard or copy agrees.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import discord
from discord import app_commands

logger = logging.getLogger(__name__)

# The fields a user can see or that change who may run a command; ids, versions and
# localisation defaults differ between the two sides without meaning a change.
_COMMAND_KEYS = ("name", "description", "type", "options", "default_member_permissions")
_OPTION_KEYS = (
    "type", "name", "description", "required", "autocomplete", "choices", "options",
    "min_value", "max_value", "min_length", "max_length", "channel_types",
)


def _canonical_option(option: Mapping[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in _OPTION_KEYS:
        value = option.get(key)
        if key == "options" and value:
            value = [_canonical_option(o) for o in value]
        if key == "choices" and value:
            value = [{"name": c["name"], "value": c["value"]} for c in value]
        if value not in (None, False, [], {}):  # absent and empty mean the same to Discord
            result[key] = value
    return result


def canonical(command: Mapping[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in _COMMAND_KEYS:
        value = command.get(key)
        if key == "options":
            value = [_canonical_option(o) for o in value or ()]
        if key == "default_member_permissions" and value is not None:
            value = str(value)  # our tree gives an int, Discord a string
        if key == "type" and value is None:
            value = 1
        result[key] = value
    return result


def commands_hash(commands: Iterable[Mapping[str, Any]]) -> str:
    ordered = sorted((canonical(c) for c in commands), key=lambda c: (c["type"], c["name"]))
    return hashlib.sha256(json.dumps(ordered, sort_keys=True).encode("utf-8")).hexdigest()


def remote_payload(command: app_commands.AppCommand) -> dict[str, Any]:
    permissions = command.default_member_permissions
    return {
        **command.to_dict(),
        "default_member_permissions": None if permissions is None else str(permissions.value),
    }


async def sync_commands(tree: app_commands.CommandTree, guild_ids: Sequence[int], *, force: bool) -> list[str]:
    """Sync to each guild in guild_ids (instant), else globally; returns where it synced, for logs and tests."""
    synced = []
    targets: list[discord.Object | None] = [discord.Object(id=g) for g in guild_ids] or [None]
    for guild in targets:
        where = f"guild {guild.id}" if guild else "global"
        if guild is not None:
            tree.copy_global_to(guild=guild)
        local = [command.to_dict(tree) for command in tree.get_commands(guild=guild)]
        if not force:
            remote = [remote_payload(c) for c in await tree.fetch_commands(guild=guild)]
            if commands_hash(local) == commands_hash(remote):
                logger.info("slash commands unchanged (%s); not syncing", where)
                continue
        await tree.sync(guild=guild)
        logger.info("synced %d slash commands (%s)", len(local), where)
        synced.append(where)
    return synced
