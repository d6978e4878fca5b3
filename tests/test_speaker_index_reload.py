"""A reload's speaker index (bot.quotations.speaker_index) works out only the changed article's
quotations and the names it has not read before, and is the index made afresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.store import KnowledgeStore
from bot.quotations import speaker_index
from bot.quotations.speaker_index import SpeakerIndex, build_speaker_index


def _afresh(knowledge: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> SpeakerIndex:
    with monkeypatch.context() as patched:
        patched.setattr(speaker_index, "_LAST_BUILD", speaker_index._LastBuild())  # nothing remembered
        return build_speaker_index(knowledge.speakers, knowledge.passages, knowledge.sentences, knowledge.aliases)


def _quoted_sentences(knowledge: KnowledgeBase, index: SpeakerIndex) -> dict[str, set[str]]:
    """Each speaker's quoted sentences, as text: what the learned order reads."""
    found: dict[str, set[str]] = {}
    for position in range(len(knowledge.sentences)):
        for number in index.spoken_in(position):
            found.setdefault(knowledge.speakers[number].name, set()).add(knowledge.sentence_text(position))
    return found


def test_a_reload_reads_only_the_changed_articles_quotations_and_gives_the_index_made_afresh(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = KnowledgeStore(knowledge_copy)
    before = store.current
    # The first article gains a paragraph: every later article's sentences move along.
    changed = sorted(before.articles)[0]
    path = before.articles[changed].path
    path.write_text(
        path.read_text(encoding="utf-8").replace("\n\n", "\n\n“We will meet again soon,” said Jane Doe, a diplomat.\n\n", 1), encoding="utf-8"
    )
    worked_out: list[Any] = []
    overlapping = speaker_index._overlapping

    def counted(*args: Any) -> Any:
        worked_out.append(args[-2:])  # the quotation's start and end
        return overlapping(*args)

    monkeypatch.setattr(speaker_index, "_overlapping", counted)
    store.reload()
    after = store.current

    quotations_of_changed = [q for s in after.speakers for q in s.quotations if q.quote.article.id == changed]
    assert 0 < len(worked_out) == len(quotations_of_changed) < sum(s.count for s in after.speakers)
    assert after.speaker_index == _afresh(after, monkeypatch)
    quoted = _quoted_sentences(after, after.speaker_index)
    assert quoted["Jane Doe"] == {"“We will meet again soon,” said Jane Doe, a diplomat."}
    # Every other speaker's sentences are the ones they were, though their numbers moved.
    assert {name: sentences for name, sentences in quoted.items() if name != "Jane Doe"} == _quoted_sentences(before, before.speaker_index)


def test_an_index_made_with_another_alias_table_reads_its_names_again(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = KnowledgeStore(knowledge_copy)
    aliases = knowledge_copy / "aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "  - [Joseph Yun, Joe Yun, the envoy from Washington]\n", encoding="utf-8")
    assert store.current.aliases.group_of("Joseph Yun") is None
    store.reload()
    after = store.current
    assert after.aliases.group_of("Joseph Yun") is not None
    assert after.speaker_index == _afresh(after, monkeypatch)
    assert after.speaker_index.named("the envoy from washington", after.aliases) == {next(n for n, s in enumerate(after.speakers) if s.name == "Joseph Yun")}
