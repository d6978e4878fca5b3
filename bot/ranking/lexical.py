"""The lexical ranker: BM25 of each sentence on its own terms plus a share of its passage's.

The terms are the question's as bot.search.query reads them (stems, aliases, corrected typos,
synonyms at a discount). The ranker holds its two BM25 indexes, over the knowledge base's
passage and sentence terms. Only sentences whose passage shares a term are ranked (the indexes'
postings), and subheads are never ranked: they are not quoted on their own.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from bot.knowledge.models import Article
from bot.knowledge.remembered import PerArticleMemory
from bot.ranking.best_first import BestFirst
from bot.ranking.protocol import Asked, Ranking
from bot.search.bm25 import Bm25Index
from bot.search.title_context import title_terms
from bot.search.token_ids import RememberedTokenIds, TokenIds

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase

# A sentence that answers often leans on the paragraph around it for the words the question uses.
PASSAGE_SHARE = 0.5
# Sentences vary from five words to sixty; full BM25 length normalisation (b=0.75) would let a
# short sentence that shares one rare word beat the long one that answers.
SENTENCE_LENGTH_NORMALISATION = 0.3
# The article's title, a field of each of its passages weighed less than the passage itself
# (BM25F-style): it says what the whole article is about, not what this paragraph says.
TITLE_SHARE = 0.2


class _SameIndex:
    """The last BM25 index built at one level, shared by a build whose term ids are the last build's
    very object (no article changed: a restart in the same process): two knowledge bases alive at
    once then hold one index, and the second build skips its postings' sort (the bench's peak
    memory was the second start building them beside the first knowledge base)."""

    def __init__(self, **options: float) -> None:
        self._options = options  # Bm25Index's k1 and b, where not its defaults
        self._ids = RememberedTokenIds()
        self._lock = threading.Lock()
        self._last: tuple[TokenIds, Bm25Index] | None = None

    def of(self, documents: Sequence[Sequence[str]], runs: Sequence[tuple[str, int]]) -> Bm25Index:
        ids = self._ids.of(documents, runs)
        with self._lock:
            last = self._last
        if last is not None and last[0] is ids:
            return last[1]
        # The last index's postings of the articles that did not change are reused.
        index = Bm25Index.of_ids(ids, **self._options, last=last[1] if last is not None else None)
        with self._lock:
            self._last = (ids, index)
        return index


_PASSAGE_INDEX = _SameIndex()
_SENTENCE_INDEX = _SameIndex(b=SENTENCE_LENGTH_NORMALISATION)
# Each article's title terms, from the last build while its title and the alias table are the same.
_TITLE_TERMS: PerArticleMemory[Article, tuple[str, ...]] = PerArticleMemory(key=lambda article: article.meta.title)


@dataclass(frozen=True, eq=False)
class LexicalRanker:
    passage_index: Bm25Index
    sentence_index: Bm25Index
    # Where each passage's sentences start in KnowledgeBase.sentences (one more than passages): the
    # sentences are the passages' in order. Read-only, shared by answering threads.
    passage_starts: npt.NDArray[np.int64]
    heading: npt.NDArray[np.bool_]  # subheads, never ranked
    # One document per article, in article number order (KnowledgeBase.numbering): its title's terms.
    title_index: Bm25Index | None = None
    name: str = "words"

    @classmethod
    def build(cls, knowledge: KnowledgeBase) -> LexicalRanker:
        # A passage's sentences are one run of positions, so a question visits only the passages
        # that share a term with it, never every sentence of a large folder.
        passages = knowledge.passages
        counts = np.fromiter((len(p.sentences) for p in passages), dtype=np.int64, count=len(passages))
        starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        heading = np.fromiter((p.heading for p in passages), dtype=bool, count=len(passages))
        for array in (starts, heading):
            array.setflags(write=False)
        # Term ids are looked up only for the articles that changed since the last build: each
        # article's passages (and sentences) are one run of the documents.
        numbering = knowledge.numbering
        in_order = sorted(numbering.numbers, key=numbering.numbers.__getitem__)
        passage_runs = np.bincount(numbering.of_passage, minlength=len(in_order)).tolist()
        sentence_runs = np.bincount(numbering.of_sentence, minlength=len(in_order)).tolist()
        titles = _TITLE_TERMS.results(
            [knowledge.articles[article_id] for article_id in in_order],
            lambda article: title_terms(article.meta.title, knowledge.aliases),
            context=tuple(knowledge.aliases.phrases.items()),
        )
        return cls(
            _PASSAGE_INDEX.of(knowledge.passage_terms, list(zip(in_order, passage_runs, strict=True))),
            _SENTENCE_INDEX.of(knowledge.sentence_terms, list(zip(in_order, sentence_runs, strict=True))),
            starts,
            heading,
            Bm25Index(titles) if titles else None,
        )

    def rank(self, knowledge: KnowledgeBase, asked: Asked) -> Ranking:
        """Each sentence of a passage sharing a term: its BM25 over the best sentence's plus a share of
        its passage's over the best passage's, computed for all of them at once in numpy."""
        weights = asked.query.weights
        passages, passage_scores = self.passage_index.matches(weights)
        sentences, sentence_scores = self.sentence_index.matches(weights)
        top_passage = float(passage_scores.max()) if len(passages) else 0.0
        top_sentence = float(sentence_scores.max()) if len(sentences) else 0.0
        top_passage, top_sentence = top_passage or 1.0, top_sentence or 1.0
        title_of_passage = self._title_scores(knowledge, weights)
        if title_of_passage is not None:
            # The passages of an article whose title shares a term are ranked too, on it alone if need be.
            every = np.zeros(len(knowledge.passages), dtype=np.float64)
            every[passages] = passage_scores
            # Both sets as one mask: the passages in order, each once (np.union1d sorted them, a
            # millisecond when a common term is in tens of thousands of passages).
            ranked = title_of_passage != 0
            ranked[passages] = True
            passages = np.flatnonzero(ranked)
            passage_scores = every[passages] + TITLE_SHARE * title_of_passage[passages] * top_passage
        kept = ~self.heading[passages]
        if asked.only_articles is not None:
            numbering = knowledge.numbering
            kept &= numbering.chosen(asked.only_articles)[numbering.of_passage[passages]]
        passages, passage_scores = passages[kept], passage_scores[kept]
        sentence_score = np.zeros(len(knowledge.sentences), dtype=np.float64)  # 0.0 for a sentence sharing no term
        sentence_score[sentences] = sentence_scores
        counts = self.passage_starts[passages + 1] - self.passage_starts[passages]
        # Each kept passage's sentences, one run after the other.
        positions = np.repeat(self.passage_starts[passages] - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        scores = sentence_score[positions] / top_sentence + PASSAGE_SHARE * np.repeat(passage_scores, counts) / top_passage
        score_of = np.zeros(len(knowledge.sentences), dtype=np.float64)
        score_of[positions] = scores
        return Ranking(self.name, BestFirst(positions, scores), lambda position: float(score_of[position]))

    def sentences_holding(self, terms: frozenset[str], sentences: int) -> npt.NDArray[np.bool_]:
        """True for each of the knowledge's `sentences` that holds one of the terms, from the postings."""
        holding = np.zeros(sentences, dtype=bool)
        for term in terms:
            holding[self.sentence_index.holding(term)] = True
        return holding

    def articles_about(self, knowledge: KnowledgeBase, asked: Asked, count: int) -> frozenset[str] | None:
        """The `count` articles most about the question: their paragraphs' BM25 added up (None when
        the folder has no more articles than that, or none shares a term: nothing to tell apart).
        Over the whole folder, even when the question is asked of some of its articles only."""
        numbering = knowledge.numbering
        if len(numbering.numbers) <= count:
            return None
        passages, scores = self.passage_index.matches(asked.query.weights)
        if not len(passages):
            return None
        by_article = np.bincount(numbering.of_passage[passages], weights=scores, minlength=len(numbering.numbers))
        best = np.argpartition(-by_article, count - 1)[:count]
        return frozenset(numbering.ids[int(number)] for number in best if by_article[number] > 0)

    def _title_scores(self, knowledge: KnowledgeBase, weights: dict[str, float]) -> npt.NDArray[np.float64] | None:
        """Each passage's article's title BM25 over the best title's (0 where the title shares no
        term), or None. A term counts only for a title whose body never says it: the body's own
        words already rank its passages, and a title's "deal" or "summit" lifting every paragraph of
        its article drowned the one that answers (R@1 0.725 -> 0.721 on eval/ with every title term).
        Found per question from the postings, so a build reads no article's words again."""
        if self.title_index is None:
            return None
        by_article = np.zeros(self.title_index.size, dtype=np.float64)
        for term, weight in weights.items():
            articles, scores = self.title_index.matches({term: weight})
            if not len(articles):
                continue
            body_says = np.zeros(self.title_index.size, dtype=bool)
            body_says[knowledge.numbering.of_passage[self.passage_index.holding(term)]] = True
            unsaid = ~body_says[articles]
            by_article[articles[unsaid]] += scores[unsaid]
        best = float(by_article.max()) if len(by_article) else 0.0
        if not best > 0:
            return None
        return (by_article / best)[knowledge.numbering.of_passage]
