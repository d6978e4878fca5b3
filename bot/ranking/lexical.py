"""The lexical ranker: BM25 of each sentence on its own terms plus a share of its passage's.

The terms are the question's as bot.search.query reads them (stems, aliases, corrected typos,
synonyms at a discount). The ranker holds its two BM25 indexes, over the knowledge base's
passage and sentence terms. Only sentences whose passage shares a term are ranked (the indexes'
postings), and subheads are never ranked: they are not quoted on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.ranking.protocol import Asked, Ranking
from bot.search.bm25 import Bm25Index

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase

# A sentence that answers often leans on the paragraph around it for the words the question uses.
PASSAGE_SHARE = 0.5
# Sentences vary from five words to sixty; full BM25 length normalisation (b=0.75) would let a
# short sentence that shares one rare word beat the long one that answers.
SENTENCE_LENGTH_NORMALISATION = 0.3


@dataclass(frozen=True, eq=False)
class LexicalRanker:
    passage_index: Bm25Index
    sentence_index: Bm25Index
    sentences_of: tuple[tuple[int, ...], ...]  # each passage's sentence positions
    name: str = "words"

    @classmethod
    def build(cls, knowledge: KnowledgeBase) -> LexicalRanker:
        # Grouping sentences by passage lets a question visit only the passages that share a
        # term with it, never every sentence of a large folder.
        grouped: list[list[int]] = [[] for _ in knowledge.passages]
        for position, sentence in enumerate(knowledge.sentences):
            grouped[sentence.passage].append(position)
        return cls(
            Bm25Index(knowledge.passage_terms),
            Bm25Index(knowledge.sentence_terms, b=SENTENCE_LENGTH_NORMALISATION),
            tuple(tuple(positions) for positions in grouped),
        )

    def rank(self, knowledge: KnowledgeBase, asked: Asked) -> Ranking:
        weights = asked.query.weights
        passage_scores = self.passage_index.scores(weights)
        sentence_scores = self.sentence_index.scores(weights)
        top_passage = max(passage_scores.values(), default=0.0) or 1.0
        top_sentence = max(sentence_scores.values(), default=0.0) or 1.0
        scores: dict[int, float] = {}
        for passage_position, passage_score in passage_scores.items():
            passage = knowledge.passages[passage_position]
            if passage.heading:
                continue
            if asked.only_articles is not None and passage.article_id not in asked.only_articles:
                continue
            for position in self.sentences_of[passage_position]:
                scores[position] = sentence_scores.get(position, 0.0) / top_sentence + PASSAGE_SHARE * passage_score / top_passage
        order = tuple(sorted(scores, key=lambda position: (-scores[position], position)))
        return Ranking(self.name, order, lambda position: scores.get(position, 0.0))
