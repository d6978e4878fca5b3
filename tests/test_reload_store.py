"""KnowledgeStore.reload: the diff it reports, the one-assignment swap, and a vanished folder."""

from __future__ import annotations

import re
import shutil
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from watchfiles import Change

from bot import answers, commands
from bot.context import context_around, reference_for
from bot.frontends import terminal
from bot.knowledge.base import KnowledgeBase
from bot.knowledge import store as store_module
from bot.knowledge.models import Problem
from bot.knowledge.store import KnowledgeStore
from bot.knowledge.watch import KnowledgeFilter
from tests.conftest import write_article

WAPO = "wapo-2018-03-13-talks-havent-started"
VOX = "vox-2019-02-28-approach-didnt-work"


def test_the_diff_names_added_changed_and_removed_ids(knowledge_copy: Path) -> None:
    (knowledge_copy / "timeline.yaml").unlink()  # its entries quote the article removed here
    store = KnowledgeStore(knowledge_copy)
    write_article(knowledge_copy, "test-2019-03-01-new", "A brand new article about quince diplomacy.")
    wapo = knowledge_copy / "articles" / f"{WAPO}.md"
    wapo.write_text(wapo.read_text(encoding="utf-8").replace("So Rex Tillerson is gone.", "So Rex Tillerson has gone."), encoding="utf-8")
    (knowledge_copy / "articles" / f"{VOX}.md").unlink()

    report = store.reload()

    assert report.added == ("test-2019-03-01-new",)
    assert report.changed == (WAPO,)
    assert report.removed == (VOX,)
    assert report.articles == 3
    assert report.passages == len(store.current.passages)
    assert report.warnings == ()
    line = report.summary()
    assert f"added test-2019-03-01-new; changed {WAPO}; removed {VOX}; 3 articles" in line
    assert "0 warnings" in line


def test_a_front_matter_edit_and_its_undoing_each_show_after_a_reload(knowledge_copy: Path) -> None:
    # An unchanged file is not parsed again at a reload: what is reused must follow the file's bytes.
    store = KnowledgeStore(knowledge_copy)
    wapo = knowledge_copy / "articles" / f"{WAPO}.md"
    original = wapo.read_text(encoding="utf-8")
    title = store.current.articles[WAPO].meta.title
    wapo.write_text(re.sub(r"(?m)^title: .*$", "title: A title edited in place", original, count=1), encoding="utf-8")
    assert store.reload().changed == (WAPO,)
    assert store.current.articles[WAPO].meta.title == "A title edited in place"
    wapo.write_text(original, encoding="utf-8")
    assert store.reload().changed == (WAPO,)
    assert store.current.articles[WAPO].meta.title == title


def test_edits_to_the_alias_and_timeline_files_show_in_the_report(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    assert store.reload().files_changed == ()
    # An article the curated entries quote changes elsewhere: timeline.yaml itself did not.
    wapo = knowledge_copy / "articles" / f"{WAPO}.md"
    wapo.write_text(wapo.read_text(encoding="utf-8") + "\nA closing paragraph added later.\n", encoding="utf-8")
    report = store.reload()
    assert report.changed == (WAPO,) and report.files_changed == ()
    aliases = knowledge_copy / "aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "  - [quince, membrillo]\n", encoding="utf-8")
    timeline = knowledge_copy / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("title: The Agreed Framework", "title: Edited: The Agreed Framework"), encoding="utf-8")
    report = store.reload()
    assert report.files_changed == ("aliases.yaml", "timeline.yaml")
    assert "changed none (aliases.yaml, timeline.yaml changed)" in report.summary()
    assert f"{len(store.current.timeline)} timeline events now" in report.summary()


def test_a_broken_file_is_named_and_its_old_good_version_is_not_kept(knowledge_copy: Path) -> None:
    (knowledge_copy / "timeline.yaml").unlink()  # its entries quote the article broken here
    store = KnowledgeStore(knowledge_copy)
    (knowledge_copy / "articles" / f"{VOX}.md").write_bytes(b"---\nid: x\n---\n\xff\xfe broken")
    report = store.reload()
    assert report.removed == (VOX,)
    assert VOX not in store.current.articles
    assert len(report.warnings) == 1 and "is not UTF-8" in report.warnings[0] and f"{VOX}.md" in report.warnings[0]
    assert "warning: " in report.summary()


def test_a_file_not_named_after_its_id_is_a_reload_warning_and_still_serves(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    write_article(knowledge_copy, "test-2019-03-01-new", "A brand new article about quince diplomacy.")
    written = knowledge_copy / "articles" / "test-2019-03-01-new.md"
    misnamed = written.rename(written.with_name("mismatch-name.md"))
    report = store.reload()
    assert report.added == ("test-2019-03-01-new",)
    assert f"warning: {misnamed}: id: 'test-2019-03-01-new' differs from the file name 'mismatch-name'" in report.summary()
    assert "1 warning (1 new)." in report.summary()


def test_a_reload_at_the_terminal_says_only_which_problems_are_new_or_fixed(knowledge_copy: Path) -> None:
    """Each reload repeated every earlier warning, six of them after six saves, so the new one was
    hard to find: it names the new and the fixed ones, or says in one line that none changed."""
    store = KnowledgeStore(knowledge_copy)
    talk = terminal.Conversation(user="ann")
    articles = knowledge_copy / "articles"
    (articles / "empty.md").write_text("", encoding="utf-8")
    first = terminal.reply_to(store, "/reload", talk) or ""
    assert "1 warning (1 new)." in first and "warning: " in first and "empty.md" in first
    (articles / "latin1.md").write_bytes(b"---\nid: x\n---\ncaf\xe9")
    second = terminal.reply_to(store, "/reload", talk) or ""
    assert "2 warnings (1 new; 1 as before)." in second and "latin1.md" in second
    assert "empty.md" not in second  # said at the reload before
    third = terminal.reply_to(store, "/reload", talk) or ""
    assert third.endswith("2 warnings, unchanged.") and "\n" not in third
    (articles / "empty.md").unlink()
    fourth = terminal.reply_to(store, "/reload", talk) or ""
    # A deleted file's problem was not fixed: the walkthrough read "fixed:" and looked for the fix.
    assert "1 warning (1 gone with its file; 1 as before)." in fourth, fourth
    assert not [line for line in fourth.splitlines() if line.startswith("fixed: ")], fourth
    [gone] = [line for line in fourth.splitlines() if line.startswith("gone with its file: ")]
    assert "empty.md" in gone and "latin1.md" not in fourth


def test_a_problem_fixed_in_a_folder_named_by_a_relative_path_is_fixed_not_gone(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """BOT_KNOWLEDGE_DIR=knowledge, as .env.example has it: a problem names its file by the path it
    was read from ("knowledge/aliases.yaml"), and the report looked for it under the folder again
    ("knowledge/knowledge/aliases.yaml"), so every fix read "gone with its file" (review)."""
    monkeypatch.chdir(knowledge_copy.parent)
    store = KnowledgeStore(Path(knowledge_copy.name))
    aliases = Path(knowledge_copy.name) / "aliases.yaml"
    good = aliases.read_text(encoding="utf-8")
    aliases.write_text("groups:\n  - [North Korea, DPRK]\n  - [Hanoi]\n", encoding="utf-8")
    assert "1 warning (1 new)." in store.reload().summary()
    aliases.write_text(good, encoding="utf-8")
    fixed = store.reload().summary()
    assert "0 warnings (1 fixed)." in fixed and "\nfixed: knowledge/aliases.yaml" in fixed and "gone with its file" not in fixed, fixed


def test_a_problem_hidden_by_its_file_becoming_unreadable_is_not_called_fixed(knowledge_copy: Path) -> None:
    """bot.yaml with a bad example question, then a YAML syntax error in it: the question was not
    fixed, only no longer read (the walkthrough was told "fixed:" and found nothing fixed). Once the
    file reads again the question's problem is new again, and fixed when it is."""
    store = KnowledgeStore(knowledge_copy)
    profile = knowledge_copy / "bot.yaml"
    good = profile.read_text(encoding="utf-8")
    profile.write_text("example_questions:\n  - 42\n", encoding="utf-8")
    assert "1 warning (1 new)." in store.reload().summary()
    profile.write_text("example_questions:\n  - 42\n  - [unclosed\n", encoding="utf-8")
    unreadable = store.reload().summary()
    assert "1 warning (1 new)." in unreadable and "unclosed" not in unreadable, unreadable
    assert not [line for line in unreadable.splitlines() if line.startswith("fixed: ")], unreadable
    profile.write_text(good, encoding="utf-8")
    fixed = store.reload().summary()
    assert "0 warnings (1 fixed)." in fixed and "\nfixed: " in fixed, fixed


def test_a_problem_moved_down_its_file_by_an_edit_above_it_is_neither_fixed_nor_new(knowledge_copy: Path) -> None:
    """A comment written above a bad alias group moved it a line down, and the reload reported the
    one problem as fixed and as a new warning at once."""
    store = KnowledgeStore(knowledge_copy)
    talk = terminal.Conversation(user="ann")
    aliases = knowledge_copy / "aliases.yaml"
    aliases.write_text("groups:\n  - [North Korea, DPRK]\n  - [Hanoi]\n", encoding="utf-8")
    first = terminal.reply_to(store, "/reload", talk) or ""
    assert "1 warning (1 new)." in first and "line 3: group 2" in first
    aliases.write_text("groups:\n  - [North Korea, DPRK]\n  # Cities\n  - [Hanoi]\n", encoding="utf-8")
    second = terminal.reply_to(store, "/reload", talk) or ""
    assert second.endswith("1 warning, unchanged.") and "\n" not in second, second
    aliases.write_text("groups:\n  - [North Korea, DPRK]\n", encoding="utf-8")
    third = terminal.reply_to(store, "/reload", talk) or ""
    assert "0 warnings" in third and "fixed: " in third and "line 4: group 2" in third, third


def test_a_question_during_a_reload_sees_one_version(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = KnowledgeStore(knowledge_copy)
    before = store.current
    wapo = knowledge_copy / "articles" / f"{WAPO}.md"
    wapo.write_text(wapo.read_text(encoding="utf-8").replace("Mike Pompeo", "Michael Pompeo"), encoding="utf-8")
    real_answer = answers.answer

    def answer_with_a_swap_in_the_middle(knowledge: KnowledgeBase, question: str) -> answers.Answer:
        # The swap lands after the question has started: it must finish on what it started with.
        report = store.reload()
        assert report.changed == (WAPO,) and store.current is not knowledge
        return real_answer(knowledge, question)

    monkeypatch.setattr(commands, "answer", answer_with_a_swap_in_the_middle)
    answer = commands.ask(store, "Who was Trump's choice to replace Tillerson?", frontend="test")
    assert answer.answered
    assert all(quote.article is before.articles[quote.article.id] for quote in answer.quotes)
    assert "Mike Pompeo" in answer.quotes[0].text
    monkeypatch.setattr(commands, "answer", real_answer)
    after = commands.ask(store, "Who was Trump's choice to replace Tillerson?", frontend="test")
    assert "Michael Pompeo" in after.quotes[0].text


def test_more_context_for_a_deleted_quote_is_gone_after_the_swap(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    quote = commands.ask(store, "Who was Trump's choice to replace Tillerson?", frontend="test").quotes[0]
    reference = reference_for(quote)
    path = knowledge_copy / "articles" / f"{quote.article.id}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(quote.text, "This sentence was retracted."), encoding="utf-8")
    store.reload()
    assert context_around(store.current, reference) is None


def test_a_vanished_folder_keeps_serving_and_reports_it(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    serving = store.current
    shutil.rmtree(knowledge_copy)
    report = store.reload()
    assert report.kept_previous
    assert store.current is serving
    assert "Reload skipped" in report.summary() and "does not exist" in report.summary()


def test_the_watch_filter_ignores_temporary_and_unrelated_files() -> None:
    keep = KnowledgeFilter()
    assert keep(Change.added, "/k/articles/new.md")
    assert keep(Change.modified, "/k/aliases.yaml")
    assert keep(Change.deleted, "/k/articles")
    assert not keep(Change.added, "/k/articles/.new.md.tmp")
    assert not keep(Change.added, "/k/articles/new.md~")
    assert not keep(Change.added, "/k/articles/notes.docx")


def test_a_reload_asked_while_one_runs_says_so_at_once_and_questions_are_answered_meanwhile(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large new article takes minutes to encode: the one asking /reload then must hear at once,
    # and questions must be answered from the knowledge being served until the new one is ready.
    store = KnowledgeStore(knowledge_copy)
    serving = store.current
    release, building = threading.Event(), threading.Event()
    real_build = store_module.build_knowledge_base

    def slow_build(*args: Any, **kwargs: Any) -> KnowledgeBase:
        building.set()
        assert release.wait(30)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(store_module, "build_knowledge_base", slow_build)
    write_article(knowledge_copy, "test-2019-03-01-new", "A brand new article about quince diplomacy.")
    watcher_reload = threading.Thread(target=store.reload)
    watcher_reload.start()
    try:
        assert building.wait(30)
        asked = commands.reload(store)
        assert asked.running_for is not None and asked.added == ()
        assert re.match(r"A reload is already running, started \d+ s ago", asked.summary())
        answer = commands.ask(store, "Who was Trump's choice to replace Tillerson?", frontend="test")
        assert answer.answered and store.current is serving
    finally:
        release.set()
        watcher_reload.join(60)
    assert "test-2019-03-01-new" in store.current.articles
    assert commands.reload(store).running_for is None  # none running now: this one ran


def test_a_reload_asked_while_one_runs_loads_the_files_as_they_are_when_asked(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The running reload read the folder before the admin's edit; the admin's /reload, answered
    # "already running", must still bring the edit, with no watcher to see it.
    store = KnowledgeStore(knowledge_copy)
    release, built = threading.Event(), threading.Event()
    real_build = store_module.build_knowledge_base
    builds: list[KnowledgeBase] = []

    def build_then_wait(*args: Any, **kwargs: Any) -> KnowledgeBase:
        builds.append(real_build(*args, **kwargs))  # the folder is read here, before the edit
        built.set()
        assert release.wait(30)
        return builds[-1]

    monkeypatch.setattr(store_module, "build_knowledge_base", build_then_wait)
    running = threading.Thread(target=store.reload)
    running.start()
    try:
        assert built.wait(30)
        write_article(knowledge_copy, "test-2019-03-01-edit", "A brand new article about quince diplomacy.")
        assert commands.reload(store).running_for is not None
    finally:
        release.set()
        running.join(60)
    assert "test-2019-03-01-edit" in store.current.articles and len(builds) == 2


def test_one_of_two_identical_problems_fixed_is_reported_fixed() -> None:
    """Two problems alike but for their line (the same mistake twice in a file) were told apart by
    file, field and message only: fixing one was reported as "unchanged", since an identical one
    remained. Each earlier problem now accounts for one problem now."""
    twice = (Problem("timeline.yaml", "events", "a quote must be in its article", 3), Problem("timeline.yaml", "events", "a quote must be in its article", 9))
    report = store_module.ReloadReport((), (), (), 3, 40, ("one",), 0.1, problems=twice[1:], earlier_problems=twice)
    summary = report.summary()
    assert "1 warning (1 fixed; 1 as before)." in summary, summary
    assert [line for line in summary.splitlines() if line.startswith("fixed: ")] == ["fixed: timeline.yaml, line 3: events: a quote must be in its article"]
    # Moved down by an edit above it, the one problem is neither fixed nor new.
    moved = store_module.ReloadReport((), (), (), 3, 40, ("one",), 0.1, problems=(replace(twice[0], line=4),), earlier_problems=twice[:1])
    assert moved.summary().endswith("1 warning, unchanged.")


def test_problems_that_moved_are_matched_one_for_one_among_new_and_fixed_ones() -> None:
    """An edit at the top of a file moved every problem in it while one was fixed and one added:
    only those two are reported (the matching is counted, not searched: bench/reload_report.py)."""
    def at(message: str, line: int) -> Problem:
        return Problem("timeline.yaml", "events", message, line)

    before = (at("a quote must be in its article", 3), at("a quote must be in its article", 9), at("a date is required", 5))
    now = (at("a quote must be in its article", 4), at("a date is required", 6), at("an unknown field", 1))
    summary = store_module.ReloadReport((), (), (), 3, 40, ("", "", ""), 0.1, problems=now, earlier_problems=before).summary()
    assert summary.splitlines()[1:] == [
        "warning: timeline.yaml, line 1: events: an unknown field",
        "fixed: timeline.yaml, line 9: events: a quote must be in its article",
    ]
    assert summary.splitlines()[0].endswith("3 warnings (1 new, 1 fixed; 2 as before).")
