"""What every ranker takes and gives: the question as read, and its sentences best first.

A ranker is one signal over the knowledge's sentences (the lexical BM25 scores, the meaning
signal of sentence embeddings, ...). Each holds its own index, built once per knowledge base by
`build(knowledge)`, and never changes afterwards, so answering threads can share it. A third
ranker is a new module with a class like these and one line in bot.ranking.registry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase
    from bot.search.query import Query


@dataclass(frozen=True)
class Asked:
    """A question as the rankers see it."""

    text: str  # as the user typed it (cleaned), for rankers that read whole sentences
    query: Query  # its weighted terms and concepts, for lexical rankers
    only_articles: frozenset[str] | None = None  # rank only these articles' sentences (None: all)
    # Texts the caller will compare with sentences after ranking: a ranker that encodes the question
    # encodes them in the same pass (one pass for two texts costs much less than two).
    alongside: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ranking:
    """One ranker's view: its best sentences first, and its score for any sentence."""

    ranker: str
    # Positions in KnowledgeBase.sentences, best first: a tuple, or a BestFirst (bot.ranking.best_first)
    # when the ranker scores many sentences, which fusion then reads as arrays, sorted only as far as read.
    order: Sequence[int]
    score: Callable[[int], float]  # this ranker's score of any sentence (0.0 for one it does not rank)
    floor: float = 0.0  # a score that says nothing (score fusion scales from here to the best)


class Ranker(Protocol):
    name: str

    def rank(self, knowledge: KnowledgeBase, asked: Asked) -> Ranking: ...
