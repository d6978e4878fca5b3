"""/compare ranks each outlet's sentences as /ask ranks them, not among that outlet's alone."""

from __future__ import annotations

import pytest

from bot.answers import PIPELINE, answer, rank_sentences
from bot.compare import outlets
from bot.knowledge.store import KnowledgeStore
from bot.search.query import read_question


@pytest.mark.parametrize("question", ["why did trump walk away from the vietnam talks, by his own telling?", "What did the Singapore accord affirm?", "why did hanoi fail"])
def test_each_outlet_s_first_quote_is_its_best_sentence_in_the_whole_ranking(bundled_store: KnowledgeStore, question: str) -> None:
    knowledge = bundled_store.current
    _, query = read_question(knowledge, question)
    rankings, ranked = rank_sentences(knowledge, question, query)
    assert PIPELINE.reranking is not None
    whole = list(PIPELINE.reranking.reranked(knowledge, rankings, ranked, query))
    for ids in outlets(knowledge).values():
        within = answer(knowledge, question, only_articles=ids)
        first = (within.quotes or within.closest)[0]
        best = next(f.sentence for f in whole if knowledge.passages[knowledge.sentences[f.sentence].passage].article_id in ids)
        span = knowledge.sentences[best].span
        assert first.article.id == knowledge.passages[knowledge.sentences[best].passage].article_id
        assert first.start <= span.start and span.end <= first.end, (question, first.text)
