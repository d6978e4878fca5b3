"""Assertions shared by the Slack tests: Block Kit limits and "nobody is pinged"."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.render.slack_render import MAX_BLOCKS, SECTION_LIMIT

# What would notify people if Slack saw it unescaped in a message.
PING = re.compile(r"<!(channel|here|everyone)|<!subteam\^|<@U")


def assert_valid_blocks(blocks: list[dict[str, Any]]) -> None:
    assert 0 < len(blocks) <= MAX_BLOCKS
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_LIMIT


def all_text(args: dict[str, Any]) -> str:
    """The fallback text and every string in the blocks, as one string."""
    return args.get("text", "") + "\n" + json.dumps(args.get("blocks", []), ensure_ascii=False)


def assert_no_pings(args: dict[str, Any]) -> None:
    found = PING.search(all_text(args))
    assert found is None, f"message would ping: {found.group(0)!r}"
