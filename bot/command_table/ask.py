"""/ask QUESTION: verbatim quotes that answer it, or a plain "not covered"."""

from __future__ import annotations

from bot import commands
from bot.answers import MAX_QUESTION_CHARS, Answer
from bot.command_table.model import Call, Command, Option
from bot.knowledge.store import KnowledgeStore


def run(store: KnowledgeStore, call: Call) -> Answer:
    return commands.ask(store, call.text("question"), frontend=call.platform, earlier_questions=call.earlier_questions)


COMMAND = Command(
    name="ask",
    description="Answer a question with verbatim quotes from the articles.",
    options=(
        Option(
            "question",
            "Your question about what the articles describe",
            required=True,
            max_length=MAX_QUESTION_CHARS,
        ),
    ),
    handler=run,
    slow=True,
)
