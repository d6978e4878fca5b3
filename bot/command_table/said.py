"""/said [NAME]: what a person is quoted as saying, or everyone quoted with their counts."""

from __future__ import annotations

from dataclasses import dataclass

from bot import commands
from bot.command_table.model import Call, Command, Option
from bot.knowledge.store import KnowledgeStore
from bot.quotations.names import name_key
from bot.quotations.speakers import SpeakerLookup

NAME_MAX = 100  # a name, not a question
SUGGESTIONS = 25  # Discord shows at most 25 autocomplete choices


@dataclass(frozen=True, slots=True)
class Said:
    name: str | None  # as asked
    lookup: SpeakerLookup


def run(store: KnowledgeStore, call: Call) -> Said:
    name = call.text("name") or None
    return Said(name, commands.said(store, name))


def suggest(store: KnowledgeStore, typed: str) -> list[tuple[str, str]]:
    wanted = name_key(typed)
    speakers = commands.said(store).candidates
    return [(s.name, s.name) for s in speakers if wanted in name_key(s.name)][:SUGGESTIONS]


COMMAND = Command(
    name="said",
    description="What a person is quoted as saying in the articles, or everyone quoted.",
    help="What a person is quoted as saying (any part of the name), oldest first; alone: everyone quoted.",
    options=(Option("name", "Any part of a person's name; leave it out to list everyone quoted", max_length=NAME_MAX, suggest=suggest),),
    handler=run,
)
