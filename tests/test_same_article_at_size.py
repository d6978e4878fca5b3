"""tools/same_article_at_size.py: each question's first article over a large folder against the bundled folder's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tools import same_article_at_size
from tools.same_article_at_size import Compared, Reply, main, summary
from tests.conftest import FIXTURE_KNOWLEDGE, write_article

QUESTIONS = [
    {"id": "q1", "question": "Who did Trump pick to replace Tillerson?", "kind": "paraphrase",
     "answers": [{"article": "000_33c6ba0109cc3688.txt", "span": "Mike Pompeo"}]},
    {"id": "q2", "question": "What is a good recipe for banana bread?", "kind": "unanswerable", "answers": []},
    {"id": "q3", "question": "Who wrote the other paper?", "kind": "lexical", "answers": [{"article": "not-bundled.md", "span": "x"}]},
]  # fmt: skip


def _reply(article: str | None, hit: int | None = None) -> Reply:
    return Reply(article, "", hit)


def test_the_summary_counts_each_way_a_question_moves_and_the_first_quotes_right_at_each_size() -> None:
    compared = [
        Compared("f", "a", "lexical", True, "?", _reply("wapo", 1), _reply("wapo", 1)),
        Compared("f", "b", "lexical", True, "?", _reply("wapo", 1), _reply("synthetic", None)),
        Compared("f", "c", "lexical", True, "?", _reply("vox", 2), _reply(None)),
        Compared("f", "d", "unanswerable", False, "?", _reply(None), _reply("synthetic")),
        Compared("f", "e", "unanswerable", False, "?", _reply(None), _reply(None)),
    ]
    text = summary(compared)
    assert "answerable: 3 questions, the same first article (or declined both) at size: 1" in text
    assert "another article at size: 1" in text and "answered alone, declined at size: 1" in text
    assert "R@1 alone 2, at size 1; right alone and wrong at size 1, the reverse 0" in text
    assert "unanswerable: 2 questions, the same first article (or declined both) at size: 1" in text
    assert "declined alone 2, at size 1" in text


def test_over_the_bundled_folder_and_an_unrelated_article_every_bundled_question_keeps_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(same_article_at_size, "BUNDLED_KNOWLEDGE", FIXTURE_KNOWLEDGE)  # the tests' frozen copy of it
    folder = tmp_path / "large"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder)
    write_article(folder, "harvest", "The harvest in the valley was late this year, and the farmers sold less grain.")
    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    details, kept = tmp_path / "details.jsonl", tmp_path / "alone.json"
    arguments = ["same_article_at_size.py", str(folder), str(questions), "--alone-answers", str(kept), "--details", str(details)]
    monkeypatch.setattr("sys.argv", arguments)
    main()
    first = capsys.readouterr().out
    assert "answerable: 1 questions, the same first article (or declined both) at size: 1" in first  # q3's article is not bundled
    rows = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["q1", "q2"] and rows[0]["outcome"] == "same article"
    assert kept.exists()
    main()  # the bundled folder's answers read back from the kept file: the same counts
    assert capsys.readouterr().out == first
