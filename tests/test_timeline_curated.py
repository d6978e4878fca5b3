"""knowledge/timeline.yaml: each bad entry is one problem naming it; the good ones still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.base import build_knowledge_base

VOX = "vox-2019-02-28-approach-didnt-work"
GOOD_QUOTE = "So Rex Tillerson is gone."


def write_timeline(folder: Path, text: str) -> None:
    (folder / "timeline.yaml").write_text(text, encoding="utf-8")


BAD_ENTRIES = f"""
events:
  - date: "2018-03-13"
    title: Tillerson leaves
    quotes:
      - article: wapo-2018-03-13-talks-havent-started
        text: "{GOOD_QUOTE}"
  - date: "2018-06"
    title: Unknown article
    quotes:
      - article: no-such-article
        text: "anything"
  - date: "2019-02-28"
    title: Misquoted
    quotes:
      - article: {VOX}
        text: "Trump walked out of Hanoi in anger."
  - date: "2019-02-30"
    title: Not a real day
    quotes:
      - article: {VOX}
        text: "Dealing with North Korea is hard"
  - date: "Feb 2019"
    title: Not the format
    quotes:
      - article: {VOX}
        text: "Dealing with North Korea is hard"
  - date: "2019"
    title: No quotes
    quotes: []
    colour: red
"""


def test_each_bad_entry_is_one_problem_naming_it(knowledge_copy: Path) -> None:
    write_timeline(knowledge_copy, BAD_ENTRIES)
    knowledge = build_knowledge_base(knowledge_copy)
    lines = [str(p) for p in knowledge.problems]
    file = str(knowledge_copy / "timeline.yaml")
    # A quote's problem names the quote's own line, not its entry's "- date:" line.
    assert f"{file}, line 11: event 2, quote 1, article: is not a known article id: 'no-such-article'" in lines
    assert f"{file}, line 17: event 3, quote 1, text: is not in article '{VOX}' (copy it exactly)" in lines
    assert f"{file}, line 18: event 4, date: '2019-02-30' is not a day of the calendar: February 2019 has 28 days" in lines
    assert any(line.startswith(f"{file}, line 23: event 5, date: ") and "YYYY" in line for line in lines)
    assert f"{file}, line 31: event 6, colour: is not a known field" in lines
    assert any(line.startswith(f"{file}, line 30: event 6, quotes: ") for line in lines)
    assert len(lines) == 6
    # The good entry still loads, with its quote found in the article.
    curated = [e for e in knowledge.timeline if e.curated]
    assert [e.title for e in curated] == ["Tillerson leaves"]
    assert curated[0].quotes[0].text == GOOD_QUOTE


def test_a_retyped_quote_and_a_repeated_entry_are_named(knowledge_copy: Path) -> None:
    entry = f"""
  - date: "2018-03-13"
    title: Tillerson leaves
    quotes:
      - article: wapo-2018-03-13-talks-havent-started
        text: "{GOOD_QUOTE}"
"""
    retyped = """
  - date: "2019"
    title: Retyped
    quotes:
      - article: vox-2019-02-28-approach-didnt-work
        text: "Dealing with North Korea is hard - many administrations have tried and not gotten far."
"""
    other_words = retyped.replace("Retyped", "Other words").replace("Dealing with", "dealing with")
    write_timeline(knowledge_copy, "events:" + entry + entry + retyped + other_words)
    knowledge = build_knowledge_base(knowledge_copy)
    file = str(knowledge_copy / "timeline.yaml")
    assert [str(p) for p in knowledge.problems] == [
        f"{file}, line 8: event 2: repeats the entry at line 2: same date and quotes",
        f"{file}, line 18: event 3, quote 1, text: is not in article '{VOX}' as written: its quotation marks, apostrophes, "
        "dashes or spaces differ (copy it from the article file)",
        # A letter differs, not a mark: the sentence it most likely was is named.
        f"{file}, line 24: event 4, quote 1, text: is not in article '{VOX}' (copy it exactly); the closest sentence there: "
        "'Dealing with North Korea is hard — many administrations have tried and not gotten far.'",
    ]
    assert [e.title for e in knowledge.timeline if e.curated] == ["Tillerson leaves"]  # once


def test_every_problem_of_an_entry_is_named_at_once(knowledge_copy: Path) -> None:
    write_timeline(
        knowledge_copy,
        f"""
events:
  - date: "2019-13"
    title: Two problems
    quotes:
      - article: {VOX}
        text: "Trump walked out of Hanoi in anger."
""",
    )
    file = str(knowledge_copy / "timeline.yaml")
    lines = [str(p) for p in build_knowledge_base(knowledge_copy).problems]
    assert len(lines) == 2 and lines[0].startswith(f"{file}, line 3: event 1, date: ")
    assert lines[1] == f"{file}, line 7: event 1, quote 1, text: is not in article '{VOX}' (copy it exactly)"


def test_unreadable_yaml_is_one_problem_and_found_events_still_show(knowledge_copy: Path) -> None:
    write_timeline(knowledge_copy, "events: [unclosed\n")
    knowledge = build_knowledge_base(knowledge_copy)
    assert len(knowledge.problems) == 1 and "is not valid YAML" in str(knowledge.problems[0])
    assert knowledge.timeline and not any(e.curated for e in knowledge.timeline)


def test_unquoted_yaml_dates_and_years_are_accepted(knowledge_copy: Path) -> None:
    write_timeline(
        knowledge_copy,
        f"events:\n  - date: 2018-03-13\n    title: A\n    quotes: [{{article: wapo-2018-03-13-talks-havent-started, text: {GOOD_QUOTE}}}]\n"
        f"  - date: 2018\n    title: B\n    quotes: [{{article: wapo-2018-03-13-talks-havent-started, text: {GOOD_QUOTE}}}]\n",
    )
    knowledge = build_knowledge_base(knowledge_copy)
    assert knowledge.problems == ()
    assert {e.date.iso() for e in knowledge.timeline if e.curated} == {"2018-03-13", "2018"}


def test_check_command_reports_timeline_problems(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_timeline(knowledge_copy, BAD_ENTRIES)
    assert main(["check", "--knowledge", str(knowledge_copy)]) == 1
    assert "event 3, quote 1, text: is not in article" in capsys.readouterr().out


def test_bundled_timeline_file_is_valid() -> None:
    assert main(["check"]) == 0


def test_the_topic_filter_finds_a_curated_entry_by_a_word_only_its_title_uses(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"/timeline dmz" found nothing though an entry's title said "DMZ": no article sentence
    uses the word. The title is matched through the same words and aliases as the quotes."""
    title = "Tillerson leaves Foggy Bottom"
    write_timeline(
        knowledge_copy,
        f"""
events:
  - date: "2018-03-13"
    title: {title}
    quotes:
      - article: wapo-2018-03-13-talks-havent-started
        text: "{GOOD_QUOTE}"
""",
    )
    aliases = knowledge_copy / "aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "  - [Foggy Bottom, State Department headquarters]\n", encoding="utf-8")
    for topic in (["foggy", "bottom"], ["state", "department", "headquarters"]):
        assert main(["timeline", "--knowledge", str(knowledge_copy), "--json", *topic]) == 0
        titles = [event["title"] for event in json.loads(capsys.readouterr().out)["events"]]
        assert title in titles, topic
    assert main(["timeline", "--knowledge", str(knowledge_copy), "--json", "foggy", "marsh"]) == 0
    assert title not in [event["title"] for event in json.loads(capsys.readouterr().out)["events"]]  # all of the topic, not part


def test_an_edited_quote_is_shown_the_sentence_it_most_likely_was(knowledge_copy: Path) -> None:
    """"is not in article … (copy it exactly)" left the maintainer to hunt through the article for a
    quote edited by one word (walkthrough): the closest sentence is named; an invented one has none."""
    edited = GOOD_QUOTE.replace("is gone", "has gone")
    write_timeline(
        knowledge_copy,
        f"""
events:
  - date: "2018-03-13"
    title: Tillerson leaves
    quotes:
      - article: wapo-2018-03-13-talks-havent-started
        text: "{edited}"
""",
    )
    [problem] = [str(p) for p in build_knowledge_base(knowledge_copy).problems]
    assert problem.endswith(f"(copy it exactly); the closest sentence there: {GOOD_QUOTE!r}")
    write_timeline(knowledge_copy, BAD_ENTRIES)
    lines = [str(p) for p in build_knowledge_base(knowledge_copy).problems]
    assert any(line.endswith(f"is not in article '{VOX}' (copy it exactly)") for line in lines)
