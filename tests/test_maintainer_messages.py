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
    assert [(p.field, p.message) for p in problems] == [("example_questions[1]", "'42' should be text: put it in quotes")]


def test_an_empty_article_file_is_reported_as_empty(knowledge_copy: Path) -> None:
    empty = knowledge_copy / "articles" / "empty.md"
    empty.write_text("", encoding="utf-8")
    problems = [p for p in build_knowledge_base(knowledge_copy).problems if p.file == str(empty)]
    assert [(p.field, p.message.split(":")[0]) for p in problems] == [("(file)", "is empty")]


def test_a_bot_yaml_that_is_not_yaml_says_every_field_takes_its_default(tmp_path: Path) -> None:
    """One unclosed bracket turns off the whole file: /help then names no topic, so the warning
    must say what it costs, not only where the typo is (walkthrough)."""
    (tmp_path / "bot.yaml").write_text("topic: the talks\nexample_names: [Hanoi\n", encoding="utf-8")
    profile, [problem] = load_profile(tmp_path)
    assert profile.topic != "the talks"
    assert problem.message.startswith("is not valid YAML: ") and problem.message.endswith("every field takes its default (the bot's name, topic, examples, outlets) until it is fixed")


def test_an_alias_file_that_is_not_yaml_says_no_group_is_used(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [wapo, washington post]\n  - [dmz, demilitarized zone\n", encoding="utf-8")
    [problem] = build_knowledge_base(tmp_path).problems
    assert problem.message.startswith("is not valid YAML: line 4") and problem.message.endswith("; nothing in this file is used until it is fixed")


def test_a_timeline_entry_citing_an_article_left_out_for_its_own_problem_says_so(knowledge_copy: Path) -> None:
    """The id is there in the folder: 'is not a known article id' sent the maintainer looking for a
    typo in the entry when the article's front matter was what needed fixing (walkthrough)."""
    article = knowledge_copy / "articles" / "vox-2019-02-28-approach-didnt-work.md"
    article.write_text(article.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitel: ", 1), encoding="utf-8")
    problems = [str(p) for p in build_knowledge_base(knowledge_copy).problems]
    cited = [p for p in problems if p.startswith(str(knowledge_copy / "timeline.yaml"))]
    assert cited and all(p.endswith("article: 'vox-2019-02-28-approach-didnt-work' is left out for a problem in its own file; fix that and this entry returns") for p in cited)
    assert any(p.startswith(f"{article}") and "title: is required" in p for p in problems)


def test_an_entry_citing_the_name_of_a_file_that_serves_under_another_id_is_told_the_id_is_unknown(knowledge_copy: Path) -> None:
    """A file named other than its id still serves (under its id, with a warning): its file name
    is not an article left out, and the entry citing that name cites no article (review)."""
    articles = knowledge_copy / "articles"
    (articles / "vox-2019-02-28-approach-didnt-work.md").rename(articles / "vox-renamed.md")
    timeline = knowledge_copy / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("article: vox-2019-02-28-approach-didnt-work", "article: vox-renamed", 1), encoding="utf-8")
    problems = [str(p) for p in build_knowledge_base(knowledge_copy).problems if p.file == str(timeline)]
    assert len(problems) == 1 and problems[0].endswith("article: is not a known article id: 'vox-renamed'")
