"""The eval command's account of declines: how many declined questions had their answer closest."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import answer
from bot.evaluation import EvalFileError, EvalQuestion, evaluate, read_questions
from bot.knowledge.store import KnowledgeStore
from tests.conftest import write_article

BODY = """
The Stockholm talks ended without agreement on the Yongbyon reactor.

Bananas grow in warm climates, and their growers sell them at the harbour market.
"""


def _question(text: str, span: str | None) -> EvalQuestion:
    answers = [{"article": "stockholm", "span": span}] if span else []
    return EvalQuestion.model_validate({"id": "q", "question": text, "kind": "paraphrase", "answers": answers})


def test_a_decline_whose_closest_passage_holds_the_answer_is_counted(tmp_path: Path) -> None:
    write_article(tmp_path, "stockholm", BODY)
    knowledge = KnowledgeStore(tmp_path).current
    # None of this question's words is in the article, so it is declined; the closest passage answers it.
    asked = "did the parley over the plutonium plant produce a pact, zilch, nada?"
    assert not answer(knowledge, asked).answered
    report = evaluate(
        knowledge,
        [
            _question(asked, "ended without agreement"),
            _question(asked, "Bananas grow in warm climates"),  # declined, and the answer is not closest
            _question("What grows in warm climates?", "Bananas grow in warm climates"),  # answered
        ],
    )
    assert report.answerable_declined == 2
    assert report.declined_with_answer_closest == 1
    assert report.as_dict()["declined_with_answer_closest"] == 1


def test_a_bad_question_file_line_is_one_message_naming_line_and_field(tmp_path: Path) -> None:
    no_id = tmp_path / "no-id.jsonl"
    no_id.write_text('{"id": "a", "question": "q", "kind": "lexical", "answers": []}\n{"question": "x", "kind": "lexical", "answers": []}\n', encoding="utf-8")
    with pytest.raises(EvalFileError) as raised:
        read_questions(no_id)
    assert str(raised.value) == f"{no_id}:2: id: is required"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": 1,\n', encoding="utf-8")
    with pytest.raises(EvalFileError) as raised:
        read_questions(broken)
    assert str(raised.value).startswith(f"{broken}:1: is not JSON: ")
