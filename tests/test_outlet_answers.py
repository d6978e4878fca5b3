"""An outlet's answer ("and Vox?", /compare) agrees with the whole folder's answer and the timeline."""

from __future__ import annotations

from bot import commands, messages
from bot.answers import answer, answer_follow_up
from bot.compare import outlets
from bot.knowledge.store import KnowledgeStore

VIETNAM = "so like what went wrong in vietnam lol"


def test_an_outlet_quoted_in_the_answer_answers_its_follow_up_and_compare(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    whole = answer(knowledge, VIETNAM)
    quoted = {q.article.meta.publisher for q in whole.quotes}
    assert whole.answered and {"Vox", "WIRED"} <= quoted
    by_outlet = outlets(knowledge)
    comparison = commands.compare(bundled_store, VIETNAM)
    compared = {o.publisher: o for o in comparison.outlets}
    for outlet in ("Vox", "WIRED"):
        follow_up = answer_follow_up(knowledge, f"and {outlet.lower()}?", [VIETNAM])
        assert follow_up.answered and follow_up.follows == VIETNAM and follow_up.outlets == (outlet,)
        assert {q.article.id for q in follow_up.quotes} <= by_outlet[outlet]
        # /compare gives that outlet the same first quote.
        assert compared[outlet].quotes[0] == follow_up.quotes[0]
        for quote in follow_up.quotes:
            assert quote.text == quote.article.body[quote.start : quote.end]
    # An outlet the answer never quoted still has to pass the check on its own.
    assert "The Washington Post" not in quoted
    assert not answer_follow_up(knowledge, "and the washington post?", [VIETNAM]).answered
    assert "The Washington Post" in comparison.no_coverage


def test_compare_finds_an_outlet_that_ask_answers_from(bundled_store: KnowledgeStore) -> None:
    whole = answer(bundled_store.current, "38 north")
    assert whole.answered and {q.article.meta.publisher for q in whole.quotes} == {"WIRED"}
    comparison = commands.compare(bundled_store, "38 north")
    assert [o.publisher for o in comparison.outlets] == ["WIRED"]


def test_compare_counts_an_outlet_backing_the_timeline_entry_the_topic_names(bundled_store: KnowledgeStore) -> None:
    # timeline.yaml's "Trump and Kim meet at the Singapore summit" is backed by Vox's "last June" sentence.
    comparison = commands.compare(bundled_store, "singapore summit")
    vox = {o.publisher: o for o in comparison.outlets}["Vox"]
    assert any("sit down face to face with the North Korean leader last June" in q.text for q in vox.quotes)
    assert {q.article.meta.publisher for q in vox.quotes} == {"Vox"}
    assert comparison.no_coverage == ("The Washington Post",)
