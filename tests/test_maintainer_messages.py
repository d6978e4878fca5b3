"""What a maintainer is told about a bad bot.yaml item or an empty article file."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.base import build_knowledge_base
from bot.knowledge.profile import load_profile


def test_one_bad_example_question_is_reported_and_the_others_kept(tmp_path: Path) -> None:
    (tmp_path / "bot.yaml").write_text(
        "topic: the talks\nexample_questions:\n  - Why did the summit fail?\n  - 42\n  - Who is Biegun?\nexample_names: [Hanoi]\n",
        encoding="utf-8",
    )
    profile, problems = load_profile(tmp_path)
    assert profile.example_questions == ("Why did the summit fail?", "Who is Biegun?")
    assert profile.example_names == ("Hanoi",) and profile.topic == "the talks"
    assert [(p.field, p.message) for p in problems] == [("example_questions[1]", "'42': Input should be a valid string")]


def test_an_empty_article_file_is_reported_as_empty(knowledge_copy: Path) -> None:
    empty = knowledge_copy / "articles" / "empty.md"
    empty.write_text("", encoding="utf-8")
    problems = [p for p in build_knowledge_base(knowledge_copy).problems if p.file == str(empty)]
    assert [(p.field, p.message.split(":")[0]) for p in problems] == [("(file)", "is empty")]
