"""/compare TOPIC: each outlet's best quotes on a topic side by side, and the outlets with nothing on it."""

from __future__ import annotations

from bot import commands
from bot.answers import MAX_QUESTION_CHARS
from bot.command_table.model import Call, Command, Option
from bot.compare import Comparison
from bot.knowledge.store import KnowledgeStore


def run(store: KnowledgeStore, call: Call) -> Comparison:
    return commands.compare(store, call.text("topic"))


COMMAND = Command(
    name="compare",
    description="How each outlet covers a topic: their best quotes side by side.",
    help="Each outlet's best quotes on a question or topic, side by side, and the outlets with nothing on it.",
    options=(Option("topic", "A question or topic the articles may tell differently", required=True, max_length=MAX_QUESTION_CHARS),),
    handler=run,
    slow=True,
)
