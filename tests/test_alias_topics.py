"""A one-word topic reached only through an alias finds its article in /ask, /timeline and /compare alike."""

from __future__ import annotations

from pathlib import Path

from bot import commands
from bot.answers import answer
from bot.knowledge.store import KnowledgeStore
from tests.conftest import write_article

# The body writes "the demilitarized zone" and "Panmunjom", never "DMZ"; the headline neither.
BODY = """
    Donald Trump became the first sitting U.S. president to set foot in North Korea on Sunday, when he met Kim Jong Un at the demilitarized zone and the two leaders agreed to restart stalled nuclear talks.

    "Stepping across that line was a great honor," Trump told reporters after the meeting at Panmunjom, which lasted about an hour.

    The two sides will form teams to resume working-level negotiations within two to three weeks, Secretary of State Mike Pompeo said.
"""
ARTICLE_ID = "reuters-2019-06-30-border"


def _store_with_the_alias(knowledge_copy: Path) -> KnowledgeStore:
    write_article(knowledge_copy, ARTICLE_ID, BODY, title='"Trump steps into North Korea, agrees with Kim to restart talks"', publisher="Reuters", published="2019-06-30")
    aliases = knowledge_copy / "aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8").replace("groups:\n", "groups:\n  - [DMZ, demilitarized zone, Panmunjom]\n", 1), encoding="utf-8")
    return KnowledgeStore(knowledge_copy)


def test_a_one_word_alias_finds_its_article_everywhere(knowledge_copy: Path) -> None:
    store = _store_with_the_alias(knowledge_copy)
    for topic in ("dmz", "the DMZ", "what happened at the dmz"):
        result = answer(store.current, topic)
        assert result.answered and result.quotes[0].article.id == ARTICLE_ID, topic
        assert result.quotes[0].text in store.current.articles[ARTICLE_ID].body
    events = commands.timeline(store, "dmz")
    assert events and all(any(q.article.id == ARTICLE_ID for q in e.quotes) for e in events)
    comparison = commands.compare(store, "dmz")
    assert "Reuters" in {o.publisher for o in comparison.outlets}
