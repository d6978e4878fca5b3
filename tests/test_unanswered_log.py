"""The unanswered-questions log: written on a decline only, folded into a report, never failing a reply."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import commands, messages
from bot.answers import Answer, Declined, answer
from bot.cli import main
from tests.cli_helpers import run_bot
from bot.cli.common import open_store
from bot.config import Settings
from bot.frontends.terminal import reply_to
from bot.knowledge.store import KnowledgeStore
from bot.search.query import words_in_no_article
from bot.search.unknown_name import names_asked_about
from bot.unanswered.log import UnansweredLog, without_mentions
from bot.unanswered.report import Entry, absent_from_articles, fold_questions

ANSWERABLE = "Who was Trump's choice to replace Tillerson?"
NOT_COVERED = "What is the price of pickled herring in Oslo fish markets?"


@pytest.fixture
def store(knowledge_copy: Path, tmp_path: Path) -> KnowledgeStore:
    opened = KnowledgeStore(knowledge_copy)
    opened.unanswered_log = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    return opened


def lines_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_declined_question_is_written_and_an_answered_one_is_not(store: KnowledgeStore, tmp_path: Path) -> None:
    assert commands.ask(store, ANSWERABLE, frontend="discord").answered
    assert not (tmp_path / "data" / "unanswered.jsonl").exists()
    declined = commands.ask(store, NOT_COVERED, frontend="slack")
    assert not declined.answered
    commands.ask(store, "", frontend="slack")  # a usage mistake, not a gap in the articles
    commands.ask(store, "x" * 5000, frontend="slack")
    [record] = lines_of(tmp_path / "data" / "unanswered.jsonl")
    assert set(record) == {"time", "frontend", "question", "best_score", "coverage"}  # no user, name or channel
    assert record["frontend"] == "slack" and record["question"] == NOT_COVERED
    assert isinstance(record["best_score"], float) and 0 <= record["coverage"] < 0.5  # type: ignore[operator]
    assert dt.datetime.fromisoformat(str(record["time"])).utcoffset() == dt.timedelta(0)


def test_ask_explain_is_a_maintainer_s_diagnosis_and_is_not_logged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "data" / "unanswered.jsonl"
    assert main(["ask", "--explain", NOT_COVERED]) == 0
    assert main(["ask", "--json", "--explain", NOT_COVERED]) == 0
    assert not log.exists()
    assert main(["ask", NOT_COVERED]) == 0  # a script's question is a reader's: logged
    assert [record["question"] for record in lines_of(log)] == [NOT_COVERED]


def test_open_store_attaches_the_log_from_settings(knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_UNANSWERED_LOG", str(tmp_path / "elsewhere" / "log.jsonl"))
    opened = open_store(Settings(bot_knowledge_dir=knowledge_copy))
    reply_to(opened, NOT_COVERED)
    assert lines_of(tmp_path / "elsewhere" / "log.jsonl")[0]["frontend"] == "terminal"


def test_an_unwritable_log_never_breaks_a_reply_and_warns_once(knowledge_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A path under a regular file fails even for root, where chmod would not stop the write.
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    store = KnowledgeStore(knowledge_copy)
    store.unanswered_log = UnansweredLog(blocker / "log.jsonl")
    with caplog.at_level(logging.WARNING, logger="bot.unanswered.log"):
        for _ in range(3):
            reply = reply_to(store, NOT_COVERED)
            assert messages.NEVER_MENTIONED.format(name="Oslo") in reply  # declined, naming the place
        assert commands.ask(store, ANSWERABLE, frontend="terminal").answered
    warnings = [r for r in caplog.records if "cannot write the unanswered-questions log" in r.getMessage()]
    assert len(warnings) == 1


def entry(question: str, minute: int, frontend: str = "discord") -> Entry:
    return Entry(dt.datetime(2026, 3, 1, 12, minute, tzinfo=dt.timezone.utc), frontend, question, 0.5)


def test_near_duplicates_fold_and_the_most_frequent_comes_first() -> None:
    groups = fold_questions(
        [
            entry("What did Moon Jae-in say about Hanoi?", 1),
            entry("Who is Stephen Biegun's deputy?", 2),
            entry("what did moon jae in say about hanoi", 3, "slack"),
            entry("What did Moon Jae-in SAY about Hanoi??", 4),
            entry("What did Moon Jae-in say regarding Hanoi?", 5),
            entry("Who is Stephen Biegun's deputy?", 6),
            entry("How many missiles were tested in 2019?", 7),
        ]
    )
    assert [g.count for g in groups] == [4, 2, 1]
    moon = groups[0]
    assert moon.example == "What did Moon Jae-in say regarding Hanoi?"  # the latest wording
    assert moon.last_asked.minute == 5
    assert moon.as_dict()["frontends"] == ["discord", "slack"]
    assert groups[1].example == "Who is Stephen Biegun's deputy?"


def test_the_same_follow_up_of_different_questions_is_a_row_each() -> None:
    def follow_up(question: str, follows: str, minute: int) -> Entry:
        return Entry(dt.datetime(2026, 3, 1, 12, minute, tzinfo=dt.timezone.utc), "discord", question, 0.5, follows)

    groups = fold_questions(
        [
            follow_up("and why?", "When did the Hanoi summit collapse?", 1),
            follow_up("and why?", "Who replaced Tillerson?", 2),
            follow_up("and why?", "when did the hanoi summit collapse", 3),
        ]
    )
    assert sorted((g.count, g.example_follows) for g in groups) == [(1, "Who replaced Tillerson?"), (2, "when did the hanoi summit collapse")]


def test_everyday_words_and_typos_do_not_split_a_question(bundled_store: KnowledgeStore) -> None:
    groups = fold_questions(
        [
            entry("recipe for kimchi", 1),
            entry("what's a good recipe for kimchi", 2),
            entry("why did the tlaks colapse", 3),
            entry("why did the talks colapse", 4),
            entry("when did Kim visit Beijing", 5),
            entry("when did Kim visit Moscow", 6),
            entry("did kim jong un die", 7),
            entry("did kim jong un marry", 8),
            entry("did trump sell weapons to iran", 9),
            entry("did trump buy weapons from iran", 10),
        ],
        bundled_store.current,
    )
    assert sorted(g.count for g in groups) == [1, 1, 1, 1, 1, 1, 2, 2]
    assert {g.example for g in groups if g.count == 2} == {"what's a good recipe for kimchi", "why did the talks colapse"}


def test_the_unanswered_command_lists_folded_questions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "data" / "unanswered.jsonl"  # BOT_UNANSWERED_LOG in every test (conftest)
    recorder = UnansweredLog(log)
    def decline(question: str, day: int) -> None:
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, day, 9, 0, tzinfo=dt.timezone.utc))

    decline("Why did Kim visit Vladivostok?", 1)
    decline("why did kim visit vladivostok", 5)
    decline("What is the Yongbyon reactor's output?", 6)
    with log.open("a", encoding="utf-8") as file:
        file.write("{torn line\n")

    assert main(["unanswered"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if "last 2026" in line]
    assert len(rows) == 2
    assert rows[0].split()[0] == "2" and "why did kim visit vladivostok" in rows[0] and "2026-03-05 09:00" in rows[0]
    assert "1 unreadable line skipped" in out

    assert main(["unanswered", "--json", "--since", "2026-03-05"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Equal counts: the most recently asked first.
    assert [(q["count"], q["example"]) for q in data["questions"]] == [
        (1, "What is the Yongbyon reactor's output?"),
        (1, "why did kim visit vladivostok"),
    ]
    assert data["skipped_lines"] == 1

    with pytest.raises(SystemExit) as exited:
        main(["unanswered", "--since", "yesterday"])
    assert exited.value.code == 2
    assert "argument --since: 'yesterday' is not a day: use YYYY-MM-DD" in capsys.readouterr().err


def test_the_report_names_the_words_no_article_uses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What an alias group could bridge: "confab" in two questions comes first; article words never show."""
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    for question in ("why did the hanoi confab fail", "was the singapore confab useful", "Why did Kim visit Vladivostok?"):
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))

    assert main(["unanswered", "--json"]) == 0
    words = {item["word"]: item["questions"] for item in json.loads(capsys.readouterr().out)["words_in_no_article"]}
    assert words["confab"] == 2 and words["Vladivostok"] == 1  # as typed
    assert not {"hanoi", "singapore", "kim"} & {word.casefold() for word in words}

    assert main(["unanswered"]) == 0
    listed = capsys.readouterr().out.split("an article to add:", 1)[1].splitlines()[1:]
    assert listed[0].split() == ["2", "confab"]


def test_the_words_no_article_uses_are_shown_as_readers_typed_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Non-English words were listed as the fragments reading folds them to ("gespr", "n",
    "gociations"): the report shows each as typed, in its most common form, counted once a question."""
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    asked = (
        "Was sagte Merkel über die Gespräche?",
        "Gespräche in Hanoi: warum?",
        "Qu'a dit Macron sur les négociations?",
        "why did the hanoi Confab fail",
        "was the singapore Confab useful",
        "was the confab in singapore useful",
        "WHAT WERE THE CONFABS FOR?",  # another form of the word: the same row
    )
    for question in asked:
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))

    assert main(["unanswered", "--json"]) == 0
    words = {item["word"]: item["questions"] for item in json.loads(capsys.readouterr().out)["words_in_no_article"]}
    assert words["Confab"] == 4  # the form two of the four questions used
    assert "confab" not in words and "Confabs" not in words
    # "Was sagte Merkel über die Gespräche?" is in another language (its own row): its words are not counted.
    assert words["Gespräche"] == 1 and words["Qu'a"] == 1
    for word in words:  # every word listed is one a reader typed, whole
        assert any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", question) for question in asked), word


def test_without_readable_knowledge_the_questions_are_still_listed_and_the_words_are_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    recorder.record(Answer("why did the hanoi confab fail", declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    (tmp_path / "empty").mkdir()

    assert main(["unanswered", "--knowledge", str(tmp_path / "missing")]) == 0
    out = capsys.readouterr().out
    assert "why did the hanoi confab fail" in out and "could not be read" in out and "missing" in out
    assert main(["unanswered", "--knowledge", str(tmp_path / "empty")]) == 0
    assert "has no articles" in capsys.readouterr().out  # not every word listed as missing
    assert main(["unanswered", "--json", "--knowledge", str(tmp_path / "missing")]) == 0
    assert json.loads(capsys.readouterr().out)["words_in_no_article"] is None  # unknown, not "none missing"


def test_words_that_only_say_what_kind_of_answer_is_wanted_are_not_missing_words(bundled_store: KnowledgeStore) -> None:
    assert words_in_no_article(bundled_store.current, "On what exact date did the Vladivostok summit open?") == ["vladivostok"]


def test_no_log_yet_is_a_friendly_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["unanswered"]) == 0
    assert "nothing has been declined" in capsys.readouterr().out


def test_mentions_of_people_roles_and_channels_are_not_logged(tmp_path: Path, bundled_store: KnowledgeStore) -> None:
    log = UnansweredLog(tmp_path / "log.jsonl")
    question = "did <#C024BE7LR|secret-merger> and <@U12345|ann> and <@&987> <!subteam^S1|@team> @everyone <#42> discuss Vladivostok?"
    declined = answer(bundled_store.current, question)
    assert not declined.answered
    assert log.record(declined, "slack")
    [line] = (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()
    logged = json.loads(line)["question"]
    assert logged == "did and and discuss Vladivostok?"


def test_plain_text_names_channels_and_addresses_are_not_logged() -> None:
    """Slack slash commands carry "@ann" and "#channel" as plain text; an address names someone too."""
    question = "did @ann.lee, #secret-merger and bob.k@example.org hear of mistake #1 at AT&T in Vladivostok?"
    assert without_mentions(question) == "did , and hear of mistake #1 at AT&T in Vladivostok?"


def test_a_follow_up_is_logged_and_reported_with_the_question_it_was_read_with(tmp_path: Path) -> None:
    """'how many?' alone tells a maintainer nothing; the question it followed says what was asked.
    Both the unanswered report (declined) and the feedback report (rated and unrated) show it."""
    earlier = "Who was Trump's choice to replace Tillerson?"
    asked_log = tmp_path / "asked.jsonl"
    env = {"BOT_ASKED_LOG": str(asked_log)}
    chat = run_bot("chat", stdin=f"{earlier}\nhow many?\nand why?\n/good\n", env=env)
    assert chat.returncode == 0
    [declined] = [json.loads(line) for line in (tmp_path / "data" / "unanswered.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (declined["question"], declined["follows"]) == ("how many?", earlier)
    unanswered = run_bot("unanswered", env=env).stdout
    assert f"how many?  (follows: {earlier})" in unanswered
    report = json.loads(run_bot("feedback", "--json", env=env).stdout)
    follows = {group["example"]: group["follows"] for group in report["asked_without_votes"]}
    assert follows == {earlier: None, "how many?": earlier}
    # A vote's line holds the answer's key; the report finds the follow-up's question by that key.
    assert [(group["example"], group["follows"]) for group in report["rated"]] == [("and why?", earlier)]
    assert f"and why?  (follows: {earlier})" in run_bot("feedback", env=env).stdout


def test_accents_are_folded_and_a_question_in_another_language_is_one_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A walkthrough found "Hanói" (the articles say "Hanoi") and "de", "la", "Por", "qué" listed as
    words no article uses: read word by word, a question in another language buries the words an
    alias could bridge."""
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    spanish, german = "¿Por qué fracasó la cumbre de Hanói?", "Warum ist der Gipfel in Hanoi gescheitert?"
    for question in (spanish, german, "Was the Hanói confab a failure?", "recipe for kimchi"):
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))

    assert main(["unanswered", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    words = {item["word"] for item in report["words_in_no_article"]}
    assert words == {"confab", "recipe", "kimchi"}  # all English, so still listed word by word
    assert report["in_another_language"] == sorted([spanish, german])

    assert main(["unanswered"]) == 0
    listed = capsys.readouterr().out.split("an article to add:", 1)[1].splitlines()[1:]
    assert listed[-1].split()[:5] == ["2", "(questions", "in", "another", "language?:"]
    assert not any(word in line.split() for line in listed for word in ("de", "la", "Por", "qué", "Hanói", "han"))


def test_a_name_no_article_uses_is_listed_whole_not_as_its_pieces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Who is Moon Jae-in?" was listed as "jae" and "moon": reading splits the name at its hyphen
    and into words. The report shows the words as the reader typed them, a capitalised name as one."""
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    for question in ("Who is Moon Jae-in?", "What did Moon Jae-in say about the summit?", "who is moon jae-in", "recipe for kimchi"):
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    assert main(["unanswered", "--json"]) == 0
    words = {item["word"]: item["questions"] for item in json.loads(capsys.readouterr().out)["words_in_no_article"]}
    # Typed in lower case it could be two words ("recipe", "kimchi"), but never a fragment ("jae").
    assert words == {"Moon Jae-in": 2, "moon": 1, "jae-in": 1, "recipe": 1, "kimchi": 1}


def test_the_words_of_a_time_asked_about_are_not_missing_words(bundled_store: KnowledgeStore) -> None:
    """'2019' and 'march' were listed as words no article uses: a time is read by the time gate
    (and the articles' dates sit in their front matter, not their text); no alias bridges a date."""
    assert absent_from_articles(bundled_store.current, "What did the zorblat do in March 2019?") == ["zorblat"]
    assert absent_from_articles(bundled_store.current, "what happened in 2019") == []
    assert words_in_no_article(bundled_store.current, "what happened in 2019") == ["2019"]  # answering reads it as before


def test_a_long_question_is_cut_in_the_report_line_and_kept_whole_in_json() -> None:
    """A 1,199-character question filled the terminal many times over in `unanswered`'s rows."""
    long_question = " ".join(["why"] * 300)
    (group,) = fold_questions([entry(long_question, 1)])
    shown = group.example_line()
    assert len(shown) <= 120 and shown.endswith("…") and long_question.startswith(shown.removesuffix("…"))
    assert group.as_dict()["example"] == long_question


def test_a_question_asked_in_capitals_and_in_lower_case_is_one_question_in_one_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report showed a question in capitals when its latest asking shouted it, listed each case
    of it as another wording, and a question in another language twice; in capitals every word
    looks like a name, so the words no article uses were joined into one ("KIMCHI RECIPE"). Case
    is no wording: each question once, as readers write it when any wrote it in lower case."""
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    asked = (
        "What is a good kimchi recipe?",
        "what is a good kimchi recipe?",
        "WHAT IS A GOOD KIMCHI RECIPE?",  # the latest
        "¿Por qué fracasó la cumbre de Hanói?",
        "¿POR QUÉ FRACASÓ LA CUMBRE DE HANÓI?",
        "WHO WON THE ZORBLAT CUP",  # only ever shouted: shown as typed
    )
    for day, question in enumerate(asked, 1):
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, day, tzinfo=dt.timezone.utc))

    assert main(["unanswered"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "last 2026" in line]
    assert [row.split("UTC  ", 1)[1] for row in rows] == ["what is a good kimchi recipe?", "¿Por qué fracasó la cumbre de Hanói?", "WHO WON THE ZORBLAT CUP"]
    assert main(["unanswered", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [group["questions"] for group in report["questions"]] == [
        ["what is a good kimchi recipe?"],
        ["¿Por qué fracasó la cumbre de Hanói?"],
        ["WHO WON THE ZORBLAT CUP"],
    ]
    assert report["in_another_language"] == ["¿Por qué fracasó la cumbre de Hanói?"]
    words = {item["word"]: item["questions"] for item in report["words_in_no_article"]}
    assert words["kimchi"] == 3 and words["recipe"] == 3 and "ZORBLAT" in words and "CUP" in words


@pytest.mark.parametrize("shape", [str.lower, str.upper, str.title])
def test_the_report_and_the_unknown_name_check_read_a_questions_case_alike(shape: Callable[[str], str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"What Is A Good Kimchi Recipe?" (every word capitalised) was read by the report as writing
    names with capitals, so "Kimchi Recipe" was listed as one missing name beside "kimchi" and
    "recipe" from the same question in other shapes: three rows for two words. The unknown-name
    check (bot.search.unknown_name) already read such a question as telling no names by its case;
    both now ask bot.search.name_case, so a question reads the same in either, whatever its shape."""
    asked = [shape(question) for question in ("What is a good kimchi recipe?", "Who is John Smith?")]
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    for day, question in enumerate(asked, 1):
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, day, tzinfo=dt.timezone.utc))

    assert main(["unanswered", "--json"]) == 0
    words = {item["word"].casefold(): item["questions"] for item in json.loads(capsys.readouterr().out)["words_in_no_article"]}
    assert words == {"kimchi": 1, "recipe": 1, "john smith": 1}
    # The unknown-name check reads the person asked about from the same question, whole, in every shape.
    assert [name.casefold() for name in names_asked_about(asked[1])] == ["john smith"]


def test_a_name_asked_about_in_one_case_is_listed_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"WHO IS JOHN SMITH" was listed as the words "JOHN" and "SMITH": in capitals (or all in lower
    case) the case tells no name, so every word stood alone. The person a who-is or who-said
    question asks about is a name whatever its case; other words of such a question stay words."""
    recorder = UnansweredLog(tmp_path / "data" / "unanswered.jsonl")
    asked = ("WHO IS JOHN SMITH", "WHAT DID JOHN SMITH SAY ABOUT FRIED CHICKEN?", "who is mary jones", "WHAT IS A GOOD KIMCHI RECIPE?")
    for day, question in enumerate(asked, 1):
        recorder.record(Answer(question, declined=Declined.NOT_COVERED), "terminal", dt.datetime(2026, 3, day, tzinfo=dt.timezone.utc))

    assert main(["unanswered", "--json"]) == 0
    words = {item["word"]: item["questions"] for item in json.loads(capsys.readouterr().out)["words_in_no_article"]}
    assert words["JOHN SMITH"] == 2 and words["mary jones"] == 1
    assert not {"JOHN", "SMITH", "mary", "jones", "FRIED CHICKEN", "KIMCHI RECIPE"} & words.keys()
    assert main(["unanswered"]) == 0
    listed = capsys.readouterr().out.split("an article to add:", 1)[1].splitlines()
    assert any(line.split() == ["2", "JOHN", "SMITH"] for line in listed)
