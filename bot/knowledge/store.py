"""Holds the knowledge base being served and swaps in a rebuilt one in a single assignment."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.knowledge.base import KnowledgeBase, build_knowledge_base

logger = logging.getLogger(__name__)


class KnowledgeStore:
    """Front ends read `store.current` once per question, so a question never mixes two versions."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.current: KnowledgeBase = build_knowledge_base(folder)

    def reload(self) -> KnowledgeBase:
        rebuilt = build_knowledge_base(self.folder)
        self.current = rebuilt  # the swap: one assignment, atomic for every reader
        return rebuilt
