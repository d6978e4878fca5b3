"""Sentence boundaries survive the traps of news prose."""

from __future__ import annotations

import pytest

from bot.knowledge.passages import split_passages
from bot.knowledge.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. and North Korea met. Talks failed.",
            ["The U.S. and North Korea met.", "Talks failed."],
        ),
        (
            "Mr. Kim arrived in Washington, D.C. on Monday. He left later.",
            ["Mr. Kim arrived in Washington, D.C. on Monday.", "He left later."],
        ),
        (
            "The talks involved the U.S. The North refused.",
            ["The talks involved the U.S.", "The North refused."],
        ),
        (
            "John F. Kennedy faced a crisis. Trump faced another.",
            ["John F. Kennedy faced a crisis.", "Trump faced another."],
        ),
        (
            "“Speed is not important.” But within that assessment lies the impediment.",
            ["“Speed is not important.”", "But within that assessment lies the impediment."],
        ),
        (
            "“Have we done our homework?” he asked. Nobody answered.",
            ["“Have we done our homework?” he asked.", "Nobody answered."],
        ),
        (
            "Diplomacy is hard work — and nuclear diplomacy especially so. It takes time.",
            ["Diplomacy is hard work — and nuclear diplomacy especially so.", "It takes time."],
        ),
        ("No final punctuation here", ["No final punctuation here"]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_passages_follow_paragraphs_and_keep_offsets() -> None:
    body = "First paragraph. Two sentences.\n\nA heading\n\nSecond paragraph here."
    passages = split_passages("a", body)
    assert [body[p.start : p.end] for p in passages] == ["First paragraph. Two sentences.", "A heading", "Second paragraph here."]
    assert [p.heading for p in passages] == [False, True, False]
    for passage in passages:
        for span in passage.sentences:
            assert passage.start <= span.start < span.end <= passage.end


def test_long_paragraph_is_cut_between_sentences() -> None:
    sentence = "This sentence is about the nuclear talks and it goes on for a while. "
    body = (sentence * 40).strip()
    passages = split_passages("a", body)
    assert len(passages) > 1
    for passage in passages:
        text = body[passage.start : passage.end]
        assert text.startswith("This sentence") and text.endswith("while.")
