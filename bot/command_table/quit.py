"""/quit: leave the terminal chat (so does Ctrl-D)."""

from __future__ import annotations

from bot.command_table.model import Call, Command, Leave
from bot.knowledge.store import KnowledgeStore


def run(store: KnowledgeStore, call: Call) -> Leave:
    return Leave()


COMMAND = Command(
    name="quit",
    description="Leave the chat (so does Ctrl-D).",
    handler=run,
    platforms=frozenset({"terminal"}),
)
