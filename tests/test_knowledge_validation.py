"""Each problem in the knowledge folder is one message naming the file and field; the rest serves."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.commands import BadDate, date_range
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.models import ArticleMeta, shown_field
from bot.knowledge.profile import BotProfile
from tests.cli_helpers import run_bot
from tests.conftest import write_article


def problems_of(folder: Path) -> list[str]:
    return [str(p) for p in build_knowledge_base(folder).problems]


def test_alias_file_errors_name_the_group(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "Some text about the talks.")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("groups:\n  - [North Korea, DPRK]\n  - [Pyongyang, dprk]\n", encoding="utf-8")
    [problem] = problems_of(tmp_path)
    assert problem == f"{aliases}, line 3: group 2: 'dprk' is already in the group at line 2; this whole group is left out"  # both counted as the file reads
    aliases.write_text("groups:\n  - [Hanoi]\n", encoding="utf-8")
    assert "needs at least two names" in problems_of(tmp_path)[0]
    aliases.write_text("groups:\n  - [the, of]\n", encoding="utf-8")
    assert "only stop words" in problems_of(tmp_path)[0]
    aliases.write_text("synonyms: []\ngroups:\n  - [North Korea, DPRK]\n", encoding="utf-8")
    assert problems_of(tmp_path) == [f"{aliases}: synonyms: is not a known field"]  # and the groups serve
    assert build_knowledge_base(tmp_path).aliases.group_of("DPRK") is not None
    # A misspelt key is told the one it is close to, as a misspelt field of bot.yaml is.
    aliases.write_text("grups:\n  - [North Korea, DPRK]\n", encoding="utf-8")
    assert problems_of(tmp_path) == [f"{aliases}: grups: is not a known field; did you mean groups?"]


def test_a_bad_alias_group_is_left_out_and_the_others_serve(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The DPRK rejected the offer of talks outright.")
    write_article(tmp_path, "two", "Weather in Oslo was mild in spring.")
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [of, the]\n  - [North Korea, DPRK]\n", encoding="utf-8")
    knowledge = build_knowledge_base(tmp_path)
    assert [str(p) for p in knowledge.problems] == [f"{tmp_path / 'aliases.yaml'}, line 2: group 1: 'of' is only stop words, so it can never match; this whole group is left out"]
    assert knowledge.aliases.group_of("North Korea") == knowledge.aliases.group_of("DPRK") is not None


def test_a_group_that_is_not_a_list_of_names_costs_only_itself(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The DPRK rejected the offer of talks outright.")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("groups:\n  - just a string\n  - [North Korea, DPRK]\n  - [Hanoi, 1994]\n  - [the, of]\n", encoding="utf-8")
    knowledge = build_knowledge_base(tmp_path)
    assert [str(p) for p in knowledge.problems] == [
        # The bad value quoted back, and what a group is (pydantic said "Input should be a valid list").
        f"{aliases}, line 2: group 1: 'just a string' is one name, not a group: write the names that mean the same thing as a list, [just a string, another name]; this whole group is left out",
        f"{aliases}, line 4: group 3, item 2: '1994' should be text: put it in quotes; this whole group is left out",
        f"{aliases}, line 5: group 4: 'the' is only stop words, so it can never match; this whole group is left out",
    ]
    assert knowledge.aliases.group_of("North Korea") == knowledge.aliases.group_of("DPRK") is not None


def test_a_groups_key_that_is_not_a_list_is_named(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The DPRK rejected the offer of talks outright.")
    aliases = tmp_path / "aliases.yaml"
    for value in ("0", "false", "{}", "just words"):
        aliases.write_text(f"groups: {value}\n", encoding="utf-8")
        assert problems_of(tmp_path) == [f"{aliases}: groups: must be a list; nothing in this file is used until it is fixed"]
    aliases.write_text("groups:\n", encoding="utf-8")  # nothing under it yet: no groups, no problem
    assert problems_of(tmp_path) == []
    aliases.write_text("groups:\n  - [North Korea, DPRK\x07]\n", encoding="utf-8")
    [problem] = problems_of(tmp_path)
    assert problem == f"{aliases}: (file): is not valid YAML: character 31: special characters are not allowed (#x0007); nothing in this file is used until it is fixed"


def test_a_broken_alias_file_is_one_line_naming_where_and_retrieval_still_works(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The envoy met his counterparts in Stockholm.")
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [North Korea, DPRK]\n  - [unclosed\n", encoding="utf-8")
    knowledge = build_knowledge_base(tmp_path)
    [problem] = [str(p) for p in knowledge.problems]
    assert problem.startswith(f"{tmp_path / 'aliases.yaml'}: (file): is not valid YAML: line 4, column 1: ")
    # Found at the file's end, the mistake is where the "[" opened: the message says that line too.
    assert "(in the flow sequence that starts on line 3, column 5)" in problem
    assert "\n" not in problem
    assert len(knowledge.articles) == 1


def test_a_key_given_twice_is_named_with_both_lines(tmp_path: Path) -> None:
    """PyYAML keeps a repeated key's last value without a word: a second `date:` typed under an
    event moved it to another year, and a second `example_questions: []` emptied /help's examples."""
    write_article(tmp_path, "one", "The envoy met his counterparts in Stockholm on Saturday.")
    timeline = tmp_path / "timeline.yaml"
    timeline.write_text(
        'events:\n  - date: "2019-10-05"\n    title: Talks in Stockholm\n    date: "2017-01-01"\n'
        "    quotes:\n      - article: one\n        text: The envoy met his counterparts in Stockholm on Saturday.\n",
        encoding="utf-8",
    )
    bot_file = tmp_path / "bot.yaml"
    bot_file.write_text("topic: talks\nexample_questions: ['Who met in Stockholm?']\nexample_questions: []\n", encoding="utf-8")
    articles = tmp_path / "articles"
    (articles / "twice.md").write_text("---\nid: twice\ntitle: T\npublisher: P\npublished: 2019-01-01\npublished: 2017-01-01\n---\n\nBody.\n", encoding="utf-8")
    problems = problems_of(tmp_path)
    assert f"{timeline}: (file): is not valid YAML: line 4, column 5: 'date' is given twice in one mapping (first on line 2); nothing in this file is used until it is fixed" in problems
    assert any(p.startswith(f"{bot_file}: (file): is not valid YAML: line 3, column 1: 'example_questions' is given twice in one mapping (first on line 2)") for p in problems)
    # Front matter lines are the file's: the fence is line 1.
    assert f"{articles / 'twice.md'}: front matter: is not valid YAML: line 6, column 1: 'published' is given twice in one mapping (first on line 5)" in problems
    knowledge = build_knowledge_base(tmp_path)
    assert set(knowledge.articles) == {"one"}
    assert all(event.date.first_day().year != 2017 for event in knowledge.timeline)


def test_notes_left_in_the_articles_folder_are_named_not_an_article(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The envoy met his counterparts in Stockholm.")
    notes = tmp_path / "articles" / "notes.txt"
    notes.write_text("Things to check before Monday.\n", encoding="utf-8")
    (tmp_path / "articles" / "notes.json").write_text("{}", encoding="utf-8")  # not an article suffix: never read
    assert problems_of(tmp_path) == [
        f"{notes}: (file): is not an article: .md, .markdown or .txt files in articles/ are read as articles, "
        "and the file must start with a line '---', then YAML, then a line '---'; move other files out of articles/"
    ]


def test_front_matter_problems(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "no-fence.md").write_text("id: x\n\nBody.\n", encoding="utf-8")
    (articles / "no-close.md").write_text("---\nid: y\n\nBody.\n", encoding="utf-8")
    (articles / "bad-yaml.md").write_text("---\nid: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    (articles / "missing.md").write_text("---\nid: missing\n---\n\nBody.\n", encoding="utf-8")
    (articles / "empty-body.md").write_text("---\nid: e\ntitle: T\npublisher: P\npublished: 2019-01-01\n---\n\n", encoding="utf-8")
    (articles / "bad-id.md").write_text("---\nid: Has Spaces\ntitle: T\npublisher: P\npublished: 2019-01-01\n---\n\nBody.\n", encoding="utf-8")
    problems = problems_of(tmp_path)
    assert f"{articles / 'no-fence.md'}: (file): is not an article: .md, .markdown or .txt files in articles/ are read as articles, and the file must start with a line '---', then YAML, then a line '---'; move other files out of articles/" in problems
    assert f"{articles / 'no-close.md'}: front matter: the front matter has no closing '---' line" in problems
    # One line, counted in the file: the fence is line 1, so "id: [unclosed" is line 2.
    assert any(p.startswith(f"{articles / 'bad-yaml.md'}: front matter: is not valid YAML: line 2, column 14: ") for p in problems)
    assert f"{articles / 'missing.md'}: title: is required" in problems
    assert f"{articles / 'missing.md'}: publisher: is required" in problems
    assert f"{articles / 'missing.md'}: published: is required" in problems
    assert any(p.startswith(f"{articles / 'empty-body.md'}: body: is empty") for p in problems)
    # Said in words, not as pydantic's regular expression.
    assert f"{articles / 'bad-id.md'}, line 2: id: 'Has Spaces' is not an id: use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit" in problems


def test_good_articles_serve_beside_bad_ones(tmp_path: Path) -> None:
    write_article(tmp_path, "good", "The Stockholm talks ended without agreement.")
    (tmp_path / "articles" / "bad.md").write_bytes(b"---\nid: bad\n---\n\n\x80\x81")
    knowledge = build_knowledge_base(tmp_path)
    assert list(knowledge.articles) == ["good"]
    assert len(knowledge.problems) == 1 and "not UTF-8" in str(knowledge.problems[0])


def test_crlf_and_bom_are_normalised_so_offsets_match_the_text(tmp_path: Path) -> None:
    path = tmp_path / "articles" / "windows.md"
    path.parent.mkdir(parents=True)
    path.write_bytes("\ufeff---\r\nid: windows\r\ntitle: T\r\npublisher: P\r\npublished: 2019-01-01\r\n---\r\n\r\nFirst line.\r\n\r\nSecond.\r\n".encode())
    article = build_knowledge_base(tmp_path).articles["windows"]
    assert article.body == "First line.\n\nSecond."


def test_unreadable_yaml_files_are_problems_not_crashes(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The envoy met his counterparts in Stockholm.")
    (tmp_path / "timeline.yaml").mkdir()  # a folder where a file should be
    (tmp_path / "aliases.yaml").symlink_to(tmp_path / "nowhere.yaml")  # a broken link
    knowledge = build_knowledge_base(tmp_path)
    problems = [str(p) for p in knowledge.problems]
    assert any(p.startswith(f"{tmp_path / 'timeline.yaml'}: (file): cannot be read") for p in problems)
    assert any(p.startswith(f"{tmp_path / 'aliases.yaml'}: (file): cannot be read") for p in problems)
    assert list(knowledge.articles) == ["one"]


def test_a_stray_copy_with_a_taken_id_does_not_evict_the_article(tmp_path: Path) -> None:
    original = write_article(tmp_path, "vox-piece", "The original article text about Hanoi.")
    stray = tmp_path / "articles" / "aaa-copy.md"
    stray.write_text(original.read_text(encoding="utf-8").replace("original", "stray"), encoding="utf-8")
    knowledge = build_knowledge_base(tmp_path)
    assert knowledge.articles["vox-piece"].path == original
    id_line = 1 + original.read_text(encoding="utf-8").splitlines().index("id: vox-piece")
    assert [str(p) for p in knowledge.problems] == [f"{stray}, line {id_line}: id: 'vox-piece' is already used by {original}; this file is skipped"]


def test_a_name_that_shrinks_to_an_everyday_word_is_refused(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "Some text about the talks.")
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [test, set off]\n  - [hammering out, hashing out]\n", encoding="utf-8")
    knowledge = build_knowledge_base(tmp_path)
    assert [str(p) for p in knowledge.problems] == [
        f"{tmp_path / 'aliases.yaml'}, line 2: group 1: 'set off' is just 'set' once small words are ignored, so it would match every 'set'; this whole group is left out"
    ]
    assert knowledge.aliases.group_of("hashing out") == knowledge.aliases.group_of("hammering out") is not None


def test_an_id_with_a_trailing_line_break_is_refused() -> None:
    meta = {"title": "T", "publisher": "P", "published": "2019-01-01"}
    with pytest.raises(ValidationError):
        ArticleMeta.model_validate({"id": "good-id\n", **meta})
    assert ArticleMeta.model_validate({"id": "good-id", **meta}).id == "good-id"


def test_bot_file_problems_name_the_field_and_the_good_fields_still_serve(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The orchard talks ended without a deal.")
    bot_file = tmp_path / "bot.yaml"
    bot_file.write_text(
        "topic: the quince orchard talks\nexample_questions: [3]\nmood: happy\nnot_person_words: [Orchard, two words]\n",
        encoding="utf-8",
    )
    problems = problems_of(tmp_path)
    assert f"{bot_file}, line 3: mood: is not a known field" in problems
    assert any(p.startswith(f"{bot_file}, line 2: example_questions item 1: ") for p in problems)  # the bad item's line, counted from 1
    assert any(p.startswith(f"{bot_file}, line 4: not_person_words item 2: ") and "should match pattern" in p for p in problems)
    assert len(problems) == 3
    profile = build_knowledge_base(tmp_path).profile
    assert profile.topic == "the quince orchard talks"  # the good field serves; the bad ones fall back
    # A bad item of a list is left out alone: "Orchard" serves, "two words" does not.
    assert profile.example_questions == () and profile.not_person_words == frozenset({"orchard"})


def test_a_bot_file_that_is_not_a_mapping_is_one_problem(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The orchard talks ended without a deal.")
    (tmp_path / "bot.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    assert problems_of(tmp_path) == [f"{tmp_path / 'bot.yaml'}: (top level): must be a mapping of fields (name, topic, example_questions, …); every field takes its default (the bot's name, topic, examples, outlets) until it is fixed"]


def test_without_a_bot_file_the_bot_describes_itself_in_general_terms(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The orchard talks ended without a deal.")
    knowledge = build_knowledge_base(tmp_path)
    assert knowledge.problems == ()
    assert knowledge.profile == BotProfile()
    assert knowledge.profile.example_questions == ()


def test_check_names_the_file_line_where_an_unclosed_quote_starts_and_where_a_bad_timeline_entry_is(knowledge_copy: Path) -> None:
    """An unclosed quote in `title:` (file line 3) was reported at "line 5, column 22", where
    the text ran out; timeline entries were named only as events[N], counted from 0."""
    article = knowledge_copy / "articles" / "unclosed.md"
    article.write_text(
        '---\nid: unclosed\ntitle: "Trump steps into North Korea\npublisher: Reuters\npublished: 2019-07-01\n---\n\nBody text.\n',
        encoding="utf-8",
    )
    timeline = knowledge_copy / "timeline.yaml"
    good = timeline.read_text(encoding="utf-8").rstrip("\n")
    bad_entry_line = good.count("\n") + 2
    timeline.write_text(good + '\n  - date: "2019-13-45"\n    title: Not a day\n    quotes:\n      - article: no-such\n        text: "x"\n', encoding="utf-8")
    result = run_bot("check", "--knowledge", str(knowledge_copy))
    assert result.returncode == 1
    assert f"{article}: front matter: is not valid YAML: line 3, column 8: found unexpected end of stream in a quoted scalar that starts here" in result.stdout
    # The date's problem at the entry's line, the quote's at its own `article:` line.
    dated = [line for line in result.stdout.splitlines() if line.startswith(f"{timeline}, line {bad_entry_line}: event ")]
    quoted = [line for line in result.stdout.splitlines() if line.startswith(f"{timeline}, line {bad_entry_line + 3}: event ")]
    assert len(dated) == 1 and "has no month 13" in dated[0] and len(quoted) == 1 and "no-such" in quoted[0]


def test_an_article_linked_to_itself_is_named_and_the_others_served(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The envoy met his counterparts in Stockholm.")
    loop = tmp_path / "articles" / "loop.md"
    loop.symlink_to(loop)  # ln -s loop.md loop.md: asking its kind raises ELOOP
    knowledge = build_knowledge_base(tmp_path)
    assert [str(p).startswith(f"{loop}: (file): cannot be read") for p in knowledge.problems] == [True]
    assert list(knowledge.articles) == ["one"]


def test_a_misspelt_field_is_told_the_field_it_is_close_to_as_a_misspelt_setting_is(knowledge_copy: Path) -> None:
    """`example_nmaes` in bot.yaml got "is not a known field" and no "did you mean", unlike a
    misspelt environment variable; a field inside a list (a timeline quote's) is told its own."""
    bot_file = knowledge_copy / "bot.yaml"
    bot_file.write_text(bot_file.read_text(encoding="utf-8") + "\nexample_nmaes: [Pompeo]\nmood: happy\n", encoding="utf-8")
    write_article(knowledge_copy, "test-2019-03-01-new", "A brand new article about quince diplomacy.")
    article = knowledge_copy / "articles" / "test-2019-03-01-new.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    timeline = knowledge_copy / "timeline.yaml"
    timeline.write_text(
        timeline.read_text(encoding="utf-8").rstrip("\n") + '\n  - date: "2019-02-28"\n    title: Misspelt\n    quotes:\n      - artcle: x\n        text: "x"\n',
        encoding="utf-8",
    )
    result = run_bot("check", "--knowledge", str(knowledge_copy))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{bot_file}, line ") and line.endswith(": example_nmaes: is not a known field; did you mean example_names?") for line in lines), lines
    assert any(line.startswith(f"{bot_file}, line ") and line.endswith(": mood: is not a known field") for line in lines), lines  # nothing close: nothing offered
    assert any(line.startswith(f"{article}, line ") and line.endswith(": titel: is not a known field; did you mean title?") for line in lines), lines
    assert any(line.startswith(f"{timeline}, line ") and line.endswith("quote 1, artcle: is not a known field; did you mean article?") for line in lines), lines


def test_a_misspelt_field_is_not_offered_a_field_the_file_already_has(tmp_path: Path) -> None:
    """"publsher" beside a `published:` was told "did you mean publisher or published?"; only the
    field it lacks fits. The walkthrough's file, with its bad date quoted back on its own line."""
    articles = tmp_path / "articles"
    articles.mkdir()
    path = articles / "bad-front.md"
    path.write_text("---\nid: bad-front\npublsher: AP\npublished: 2019-02-30\ntitle: T\n---\n\nBody.\n", encoding="utf-8")
    problems = problems_of(tmp_path)
    assert f"{path}, line 3: publsher: is not a known field; did you mean publisher?" in problems
    assert f"{path}, line 4: published: '2019-02-30' is not a day of the calendar: February 2019 has 28 days" in problems


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2019-02-30", "February 2019 has 28 days"),
        ("2020-02-30", "February 2020 has 29 days"),  # a leap year
        ("2018-06-31", "June 2018 has 30 days"),
        ("2019-13-01", "has no month 13: months run from 01 to 12"),
    ],
)
def test_a_date_written_right_that_the_calendar_lacks_says_what_is_wrong(tmp_path: Path, written: str, why: str) -> None:
    """`published: 2019-02-30` was told to "write it as YYYY-MM-DD", which it is; a timeline date too."""
    write_article(tmp_path, "one", "The talks resumed.", published=written)
    (tmp_path / "timeline.yaml").write_text(f'events:\n  - date: "{written}"\n    title: T\n    quotes:\n      - article: one\n        text: "The talks resumed."\n', encoding="utf-8")
    problems = problems_of(tmp_path)
    said = f"'{written}' {'is not a day of the calendar: ' if why.endswith('days') else ''}{why}"
    assert any(p.endswith(f"published: {said}") for p in problems), problems
    assert any(p.endswith(f"date: {said}") for p in problems), problems
    assert not any("write it as YYYY-MM-DD" in p for p in problems)


@pytest.mark.parametrize(("written", "why"), [("2018-00", "has no month 00: months run from 01 to 12"), ("2018-06-00", "is not a day of the calendar: June 2018 has 30 days")])
def test_a_timeline_date_with_a_zero_month_or_day_is_reported_not_read_as_the_first(tmp_path: Path, written: str, why: str) -> None:
    """A written "00" once stood for the first month or day: `check` passed "2018-00" and /timeline
    then failed with a traceback; it is a problem with its line, and the entry is left out."""
    write_article(tmp_path, "one", "The talks resumed.")
    (tmp_path / "timeline.yaml").write_text(f'events:\n  - date: "{written}"\n    title: T\n    quotes:\n      - article: one\n        text: "The talks resumed."\n', encoding="utf-8")
    knowledge = build_knowledge_base(tmp_path)
    assert any(str(p).endswith(f"date: '{written}' {why}") for p in knowledge.problems), knowledge.problems
    with pytest.raises(BadDate):
        date_range(None, written)


@pytest.mark.parametrize(
    ("path", "shown"),
    [("events[8].quotes[0].text", "event 9, quote 1, text"), ("entries[0]", "entry 1"), ("groups[2][1]", "group 3, item 2"), ("address[1]", "address 2"), ("same_outlets[2]", "same_outlets item 3")],
)
def test_a_field_path_is_shown_counting_from_1_with_each_list_named_for_one_entry(path: str, shown: str) -> None:
    assert shown_field(path) == shown


def test_a_bad_value_is_told_in_the_words_of_the_file_not_pydantics(tmp_path: Path) -> None:
    # A maintainer editing YAML reads what the field takes; "Input should be a valid URL, relative URL
    # without a base" or "unable to interpret input" is the validation library talking to a programmer.
    article = write_article(tmp_path, "one", "The envoys talked again.", url="notaurl", kind="editorial")
    write_article(tmp_path, "two", "The envoys met in Oslo on Tuesday.")
    timeline = tmp_path / "timeline.yaml"
    timeline.write_text(
        'events:\n  - date: "2019-02-26"\n    approximate: maybe\n    title: Envoys meet\n'
        '    quotes:\n      - article: two\n        text: "The envoys met in Oslo on Tuesday."\n',
        encoding="utf-8",
    )
    yes = write_article(tmp_path, "three", "The envoys talked once more.", published="yes")
    assert problems_of(tmp_path) == [
        f"{article}, line 6: url: 'notaurl' is not a web address; write it in full, starting with https://",
        f"{article}, line 7: kind: 'editorial' should be 'news', 'analysis' or 'opinion'",
        # YAML reads "yes" as True: "not True" named a value the file does not hold.
        f"{yes}, line 5: published: must be a date written YYYY-MM-DD, not a yes or no",
        f"{timeline}, line 3: event 1, approximate: 'maybe' should be true or false",
    ]
