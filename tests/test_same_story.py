"""One story held under two ids is served once: the copy is left out with one problem naming both
files, at start-up, in `check` and on every reload; the bot keeps serving everything else."""

from __future__ import annotations

import json
from pathlib import Path

from bot.knowledge.articles import read_articles
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.same_story import story_keys
from bot.knowledge.store import KnowledgeStore
from tests.cli_helpers import run_bot
from tests.conftest import write_article

STORY = """
The zeppelin delegation from Ulaanbaatar carried eleven crates of pickled turnips to the negotiating table.

Nobody else at the summit had ever tasted a turnip pickled in mare's milk before that afternoon.
"""
QUESTION = "What did the zeppelin delegation from Ulaanbaatar carry?"
OTHER = "The harbour authority in Valparaiso reopened the northern pier after the storm damage was repaired."


def _folder_with_one_story(folder: Path) -> Path:
    original = write_article(folder, "gazette-zeppelin", STORY, publisher="Test Gazette")
    write_article(folder, "harbour-news", OTHER, publisher="Harbour News")
    return original


def _copy(folder: Path, article_id: str, *, publisher: str = "Copy Courier", body: str = STORY, **meta: str) -> Path:
    """The same story under another id, in a file named after that id; the body's line breaks differ."""
    return write_article(folder, article_id, body.replace("\n\nNobody", "\n\n  Nobody"), publisher=publisher, **meta)


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2].lstrip("\n")


def test_ask_quotes_the_story_once_from_the_copy_kept(tmp_path: Path) -> None:
    original = _folder_with_one_story(tmp_path)
    copy = _copy(tmp_path, "zz-courier-zeppelin")
    result = run_bot("ask", "--json", "--knowledge", str(tmp_path), QUESTION)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["answered"] is True
    quotes = answer["quotes"]
    assert [q["article"]["id"] for q in quotes] == ["gazette-zeppelin"] * len(quotes)
    assert len({q["text"] for q in quotes}) == len(quotes)  # no quote twice
    crates = [q for q in quotes if "eleven crates of pickled turnips" in q["text"]]
    assert len(crates) == 1
    assert _body(original)[crates[0]["start"] : crates[0]["end"]] == crates[0]["text"]
    # The start-up log says which file is left out and which one serves the story.
    assert f"knowledge problem: {copy}: body: the same text as 'gazette-zeppelin' ({original}): one story, two ids" in result.stderr


def test_check_reports_the_copy_once_naming_both_files(tmp_path: Path) -> None:
    original = _folder_with_one_story(tmp_path)
    copy = _copy(tmp_path, "zz-courier-zeppelin", url="https://example.org/zeppelin")
    # Same text, and the same url written differently: still one line.
    write_article(tmp_path, "gazette-zeppelin", STORY, publisher="Test Gazette", url="https://EXAMPLE.org/zeppelin/")
    result = run_bot("check", "--knowledge", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{copy}: body: the same text as 'gazette-zeppelin' ({original}): one story, two ids; this file is not served; remove one of them"
    ]


def test_the_file_named_after_its_id_is_served_else_the_first_id(tmp_path: Path) -> None:
    original = _folder_with_one_story(tmp_path)
    # An earlier id, but in a file not named after it: the original keeps the story.
    stray = _copy(tmp_path, "aa-stray").rename(tmp_path / "articles" / "stray-copy.md")
    knowledge = build_knowledge_base(tmp_path)
    assert set(knowledge.articles) == {"gazette-zeppelin", "harbour-news"}
    assert [p.file for p in knowledge.problems] == [str(stray)]
    # Both named after their ids: the first id serves, whatever order the files appeared in.
    stray.unlink()
    earlier = _copy(tmp_path, "aa-courier-zeppelin")
    knowledge = build_knowledge_base(tmp_path)
    assert set(knowledge.articles) == {"aa-courier-zeppelin", "harbour-news"}
    assert [(p.file, str(original) in p.message) for p in knowledge.problems] == [(str(original), False)]
    assert f"'aa-courier-zeppelin' ({earlier})" in knowledge.problems[0].message


def test_the_same_url_with_other_text_is_one_story(tmp_path: Path) -> None:
    _folder_with_one_story(tmp_path)
    write_article(tmp_path, "gazette-zeppelin", STORY, publisher="Test Gazette", url="https://example.org/zeppelin")
    copy = _copy(tmp_path, "zz-corrected", body=STORY.replace("eleven", "twelve"), url="https://example.org/zeppelin#top")
    knowledge = build_knowledge_base(tmp_path)
    assert set(knowledge.articles) == {"gazette-zeppelin", "harbour-news"}
    [problem] = knowledge.problems
    assert str(problem).startswith(f"{copy}: url: the same url as 'gazette-zeppelin'")


def test_a_reread_finds_a_story_when_an_article_s_url_or_text_changes(tmp_path: Path) -> None:
    # Each article's story keys are remembered between reads while its url and text are the same;
    # a change to either is read again.
    _folder_with_one_story(tmp_path)
    other = write_article(tmp_path, "zz-other", OTHER.replace("northern", "southern"), publisher="Other Post")
    assert {a.id for a in read_articles(tmp_path)[0]} == {"gazette-zeppelin", "harbour-news", "zz-other"}
    write_article(tmp_path, "zz-other", STORY, publisher="Other Post")  # now the same text
    articles, problems = read_articles(tmp_path)
    assert {a.id for a in articles} == {"gazette-zeppelin", "harbour-news"}
    assert [str(p) for p in problems] == [f"{other}: body: the same text as 'gazette-zeppelin' ({tmp_path / 'articles' / 'gazette-zeppelin.md'}): one story, two ids; this file is not served; remove one of them"]
    write_article(tmp_path, "zz-other", OTHER.replace("northern", "southern"), publisher="Other Post", url="https://example.org/pier")
    assert {a.id for a in read_articles(tmp_path)[0]} == {"gazette-zeppelin", "harbour-news", "zz-other"}
    write_article(tmp_path, "harbour-news", OTHER, publisher="Harbour News", url="https://example.org/pier/")  # now the same url
    articles, problems = read_articles(tmp_path)
    assert {a.id for a in articles} == {"gazette-zeppelin", "harbour-news"}
    assert [str(p).split(": ", 2)[:2] for p in problems] == [[str(other), "url"]]


def test_story_keys_keep_no_copy_of_the_text() -> None:
    # Remembered for every article between reads: the joined text would be a second copy of the folder.
    keys = story_keys(None, STORY)
    assert keys == story_keys(None, STORY.replace("\n\n", "\n  \n "))  # white space aside
    assert keys != story_keys(None, STORY.replace("eleven", "twelve"))
    assert all(len(value) < 64 for _, value in keys)


def test_a_copy_added_while_running_is_not_quoted_and_removing_the_kept_one_brings_it_back(tmp_path: Path) -> None:
    original = _folder_with_one_story(tmp_path)
    store = KnowledgeStore(tmp_path)
    copy = _copy(tmp_path, "zz-courier-zeppelin")
    report = store.reload()
    assert (report.added, report.removed) == ((), ())
    assert report.warnings == (
        f"{copy}: body: the same text as 'gazette-zeppelin' ({original}): one story, two ids; this file is not served; remove one of them",
    )
    assert f"warning: {copy}: body: the same text" in report.summary()
    assert set(store.current.articles) == {"gazette-zeppelin", "harbour-news"}  # the rest still serves

    original.unlink()
    report = store.reload()
    assert (report.added, report.removed, report.warnings) == (("zz-courier-zeppelin",), ("gazette-zeppelin",), ())
    result = run_bot("ask", "--json", "--knowledge", str(tmp_path), QUESTION)
    quotes = json.loads(result.stdout)["quotes"]
    assert quotes and {q["article"]["publisher"] for q in quotes} == {"Copy Courier"}
    assert all(_body(copy)[q["start"] : q["end"]] == q["text"] for q in quotes)


def test_import_replace_removes_the_copies_loading_left_out_too(tmp_path: Path) -> None:
    original = _folder_with_one_story(tmp_path)
    copy = _copy(tmp_path, "zz-courier-zeppelin")
    source = tmp_path / "story.txt"
    source.write_text(STORY.strip() + "\n", encoding="utf-8")
    result = run_bot(
        "import", str(source), "--knowledge", str(tmp_path), "--id", "gazette-zeppelin-corrected", "--replace",
        "--title", "Corrected", "--publisher", "Test Gazette", "--published", "2019-03-01",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not original.exists() and not copy.exists()
    assert set(build_knowledge_base(tmp_path).articles) == {"gazette-zeppelin-corrected", "harbour-news"}
