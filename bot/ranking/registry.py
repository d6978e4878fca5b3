"""The rankers every knowledge base is built with. A new ranker: a module, then one line here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.ranking.lexical import LexicalRanker
from bot.ranking.protocol import Ranker
from bot.ranking.semantic import SemanticRanker

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase


def build_rankers(knowledge: KnowledgeBase, embedding_cache: Path | None = None) -> tuple[Ranker, ...]:
    rankers: list[Ranker] = [LexicalRanker.build(knowledge)]
    if (meaning := SemanticRanker.build(knowledge, embedding_cache)) is not None:
        rankers.append(meaning)
    return tuple(rankers)
