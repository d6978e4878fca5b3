"""Discord payloads in their real shapes (from discord.py's `discord/types/`), for the fake Discord.

Only what a fake server needs to build: users, members, a guild, channels, threads, messages and
interactions. Ids are strings, timestamps ISO 8601, as Discord sends them.
"""

from __future__ import annotations

import itertools
from typing import Any

Payload = dict[str, Any]

TIMESTAMP = "2026-01-01T00:00:00.000000+00:00"
MANAGE_GUILD = 1 << 5
SEND_AND_READ = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 35) | (1 << 38)  # view, send, embed, history, threads
_ids = itertools.count(1_300_000_000_000_000_000)


def snowflake() -> str:
    return str(next(_ids))


def user(user_id: str, name: str, *, bot: bool = False) -> Payload:
    return {"id": user_id, "username": name, "discriminator": "0", "global_name": name, "avatar": None, "bot": bot, "public_flags": 0}


def member(user_payload: Payload, *, permissions: int | None = None) -> Payload:
    result: Payload = {"user": user_payload, "roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0, "nick": None}
    if permissions is not None:
        result["permissions"] = str(permissions)  # only interaction members carry their computed permissions
    return result


def text_channel(channel_id: str, guild_id: str, name: str = "general") -> Payload:
    return {
        "id": channel_id, "type": 0, "guild_id": guild_id, "name": name, "position": 0, "permission_overwrites": [],
        "nsfw": False, "parent_id": None, "topic": None, "last_message_id": None, "rate_limit_per_user": 0,
    }


def thread(thread_id: str, guild_id: str, parent_id: str, owner_id: str, name: str) -> Payload:
    return {
        "id": thread_id, "type": 11, "guild_id": guild_id, "parent_id": parent_id, "owner_id": owner_id, "name": name,
        "nsfw": False, "last_message_id": None, "rate_limit_per_user": 0, "message_count": 0, "member_count": 1,
        "total_message_sent": 0,
        "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": TIMESTAMP, "locked": False, "create_timestamp": TIMESTAMP},
    }


def dm_channel(channel_id: str, recipient: Payload) -> Payload:
    return {"id": channel_id, "type": 1, "last_message_id": None, "recipients": [recipient]}


def guild(guild_id: str, owner_id: str, channels: list[Payload], members: list[Payload], threads: list[Payload]) -> Payload:
    everyone = {
        "id": guild_id, "name": "@everyone", "permissions": str(SEND_AND_READ), "position": 0, "color": 0,
        "hoist": False, "managed": False, "mentionable": False, "flags": 0,
    }
    return {
        "id": guild_id, "name": "Talks test server", "icon": None, "splash": None, "discovery_splash": None,
        "owner_id": owner_id, "afk_channel_id": None, "afk_timeout": 300, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0, "roles": [everyone], "emojis": [],
        "stickers": [], "features": [], "mfa_level": 0, "application_id": None, "system_channel_id": None,
        "system_channel_flags": 0, "rules_channel_id": None, "vanity_url_code": None, "description": None,
        "banner": None, "premium_tier": 0, "preferred_locale": "en-US", "public_updates_channel_id": None,
        "nsfw_level": 0, "premium_progress_bar_enabled": False, "joined_at": TIMESTAMP, "large": False,
        "unavailable": False, "member_count": len(members), "voice_states": [], "members": members,
        "channels": channels, "threads": threads, "presences": [], "stage_instances": [],
        "guild_scheduled_events": [], "soundboard_sounds": [],
    }


def message(
    message_id: str, channel_id: str, author: Payload, content: str, *,
    guild_id: str | None = None, mentions: list[Payload] | None = None, embeds: list[Payload] | None = None,
    components: list[Payload] | None = None, flags: int = 0,
) -> Payload:
    result: Payload = {
        "id": message_id, "channel_id": channel_id, "author": author, "content": content, "timestamp": TIMESTAMP,
        "edited_timestamp": None, "tts": False, "mention_everyone": "@everyone" in content,
        "mentions": mentions or [], "mention_roles": [], "attachments": [], "embeds": embeds or [], "pinned": False,
        "type": 0, "flags": flags, "components": components or [],
    }
    if guild_id is not None:
        result["guild_id"] = guild_id
        result["member"] = member(author)
    return result


def interaction(
    kind: int, data: Payload, *, application_id: str, channel: Payload, invoker: Payload,
    guild_id: str | None, permissions: int = SEND_AND_READ, message_payload: Payload | None = None,
) -> Payload:
    """An INTERACTION_CREATE payload; `attachment_size_limit` and the context fields are required by discord.py."""
    result: Payload = {
        "id": snowflake(), "application_id": application_id, "type": kind, "data": data, "token": f"itoken-{snowflake()}",
        "version": 1, "channel_id": channel["id"], "channel": channel, "app_permissions": str(SEND_AND_READ),
        "locale": "en-US", "entitlements": [], "attachment_size_limit": 8 * 1024 * 1024,
    }
    if guild_id is not None:
        result.update(guild_id=guild_id, guild_locale="en-US", context=0, authorizing_integration_owners={"0": guild_id})
        result["member"] = member(invoker, permissions=permissions)
    else:
        result.update(context=1, authorizing_integration_owners={"0": "0"}, user=invoker)
    if message_payload is not None:
        result["message"] = message_payload
    return result


def command_data(command_id: str, name: str, options: dict[str, str], *, guild_id: str | None, focused: str | None = None) -> Payload:
    """A slash command's interaction data; a guild command must name its guild_id or the tree finds nothing."""
    data: Payload = {
        "id": command_id, "name": name, "type": 1,
        "options": [{"name": k, "type": 3, "value": v, **({"focused": True} if k == focused else {})} for k, v in options.items()],
    }
    if guild_id is not None:
        data["guild_id"] = guild_id
    return data
