"""/reload: re-read the knowledge folder now; admins only (the terminal's user owns the process)."""

from __future__ import annotations

from bot import commands
from bot.command_table.model import Call, Command
from bot.knowledge.store import KnowledgeStore, ReloadReport


def run(store: KnowledgeStore, call: Call) -> ReloadReport:
    # The terminal's user runs the process and reads its log on the same screen as the reply: the
    # report once, not twice. On Discord and Slack the reply goes to the admin, the log to operators.
    return commands.reload(store, logged=call.platform != "terminal")


COMMAND = Command(
    name="reload",
    description="Re-read the articles from the knowledge folder.",
    help="Re-read the knowledge folder now (it also reloads by itself when files change).",
    handler=run,
    admin_only=True,
    private=True,
    slow=True,  # rebuilding the index is CPU work
    beside_the_chat=True,  # encoding a large new article takes minutes
)
