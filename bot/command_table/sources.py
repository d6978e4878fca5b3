"""/sources [ARTICLE]: the articles quoted from, or the ones whose id, title, publisher (or an alias of it) or date matches."""

from __future__ import annotations

from dataclasses import dataclass

from bot import commands
from bot.command_table.model import Call, Command, Option, Refusal
from bot.knowledge.models import Article
from bot.knowledge.store import KnowledgeStore
from bot.render.shorten import shorten

SUGGESTIONS = 25  # Discord shows at most 25 autocomplete choices
LABEL_LIMIT = 100  # and each label at most 100 characters


@dataclass(frozen=True, slots=True)
class Sources:
    articles: list[Article]


@dataclass(frozen=True, slots=True)
class OneSource:
    article: Article


@dataclass(frozen=True, slots=True)
class NoSuchArticle(Refusal):
    text: str


def run(store: KnowledgeStore, call: Call) -> Sources | OneSource | NoSuchArticle:
    wanted = call.text("article")
    if not wanted:
        return Sources(commands.sources(store))
    found = commands.find_articles(store, wanted)
    if not found:
        return NoSuchArticle(wanted)
    return OneSource(found[0]) if len(found) == 1 else Sources(found)


def suggest(store: KnowledgeStore, typed: str) -> list[tuple[str, str]]:
    needle = typed.casefold().strip()
    matching = [a for a in commands.sources(store) if needle in a.meta.title.casefold() or needle in a.id]
    return [(shorten(a.meta.title, LABEL_LIMIT), a.id) for a in matching[:SUGGESTIONS]]


COMMAND = Command(
    name="sources",
    description="List the articles I quote from, or show one.",
    options=(Option("article", "An article's title (start typing to choose)", suggest=suggest),),
    handler=run,
)
