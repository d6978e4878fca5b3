"""The command line as scripts and users run it: its output and exit codes.

Most run `main(argv)` in this process; a few run `python -m bot` as a real subprocess, for what
only a real process shows: the entry point, real pipes, a terminal, Ctrl-C.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
import tomllib
from pathlib import Path

from bot.answers import PIPELINE
from bot.ranking.answer_check import FLOOR_COVERAGE
from tests.cli_helpers import at_a_terminal, run_bot, run_bot_process
from tests.conftest import FIXTURE_KNOWLEDGE, write_article
from tests.patience import WAIT_SECONDS

DEV_SET = Path(__file__).resolve().parent.parent / "eval" / "dev_qa.jsonl"


def test_ask_json_has_the_documented_shape() -> None:
    result = run_bot_process("ask", "--json", "Who was Trump's choice to replace Tillerson?")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["question"] == "Who was Trump's choice to replace Tillerson?"
    assert data["answered"] is True
    quote = data["quotes"][0]
    assert set(quote) >= {"text", "start", "end", "score", "article"}
    article = quote["article"]
    assert set(article) >= {"id", "title", "publisher", "author", "published", "url", "path"}
    assert article["published"] == "2018-03-13"
    body = (FIXTURE_KNOWLEDGE / "articles" / Path(article["path"]).name).read_text(encoding="utf-8")
    assert quote["text"] in body


def test_ask_text_names_the_source() -> None:
    result = run_bot("ask", "What did Trump tell the Washington Post about his gut?")
    assert result.returncode == 0
    assert "my gut tells me more sometimes than anybody else’s brain" in " ".join(result.stdout.split())
    assert "Vox" in result.stdout and "February 28, 2019" in result.stdout


def test_declined_question_says_so_plainly() -> None:
    result = run_bot("ask", "--json", "How do I reset my wifi router password?")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["answered"] is False and data["quotes"] == []
    assert "do not cover" in data["message"] and data["near_miss"] is False
    text = run_bot("ask", "How do I reset my wifi router password?").stdout
    assert "do not cover" in text


def test_explain_shows_each_word_its_weight_and_what_was_found() -> None:
    """A maintainer asking why "confab" found nothing is told no article uses it, and what to do."""
    result = run_bot("ask", "--explain", "why did the hanoi confab end so early?")
    assert result.returncode == 0, result.stderr
    reading = result.stdout.split("How I read the question", 1)[1]
    assert "hanoi (alias group 'Hanoi')" in reading
    confab = next(line for line in reading.splitlines() if "confab" in line)
    assert confab.split()[1] == "no" and "no article uses it" in confab
    assert "knowledge/aliases.yaml" in reading


def test_explain_in_json_accounts_for_the_coverage() -> None:
    result = run_bot("ask", "--json", "--explain", "Did Kim offer to shut the Yongbyon complex?")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    reading = data["reading"]
    concepts = {c["said"]: c for c in reading["concepts"]}
    assert concepts["shut"]["found_through"] == "close" and 0 < concepts["shut"]["found"] < 1
    weighted = sum(c["weight"] * c["found"] for c in concepts.values()) / sum(c["weight"] for c in concepts.values())
    assert abs(weighted - reading["coverage"]) < 0.01
    assert reading["typed_answer_found"] is None  # no kind of answer expected: the fitted check decides
    assert data["answered"] == (reading["answer_probability"] >= reading["answer_probability_needed"])
    assert "reading" not in json.loads(run_bot("ask", "--json", "Did Kim offer to shut the Yongbyon complex?").stdout)


def test_explain_says_what_kind_of_answer_is_wanted_and_how_close_the_meaning_is() -> None:
    # A trap: the words are there (Pompeo, confirmation), the date is not.
    result = run_bot("ask", "--explain", "On what date was Mike Pompeo confirmed as secretary of state?")
    assert result.returncode == 0, result.stderr
    assert "I found no passage" in result.stdout or "do not cover" in result.stdout
    assert "expects a day in the answering sentence" in result.stdout
    assert "the best sentence's similarity to the question" in result.stdout


def test_explain_names_the_fitted_model_when_it_decided() -> None:
    """"coverage 0.19; an answer needs 0.45" headed the reading of a question then answered: the
    fitted answer check had decided, and the coverage threshold never applied."""
    question = "what did gallucci pull off with the north koreans back in the nineties"
    data = json.loads(run_bot("ask", "--json", "--explain", question).stdout)
    reading = data["reading"]
    assert data["answered"] and reading["coverage"] < 0.45  # answered under the rule's coverage threshold
    shown = run_bot("ask", "--explain", question).stdout.split("How I read the question", 1)[1]
    first, second = shown.splitlines()[:2]
    assert first == (
        f" (the answer check's fitted model decided: it gives {reading['answer_probability']:.2f} that the articles answer it,"
        f" and answers from {reading['answer_probability_needed']:.2f}):"
    )
    assert f"coverage {reading['coverage']:.2f}" in second
    assert "needs" not in shown and "answers from 0.55" not in shown


def test_explain_says_when_neither_words_nor_meaning_reached_the_floor() -> None:
    """Under the floor the fitted model's probability did not decide: the reading says what did."""
    for question in ("how do i make kimchi at home?", "kimchi recipes"):  # similarity 0.28 and 0.37
        data = json.loads(run_bot("ask", "--json", "--explain", question).stdout)
        reading = data["reading"]
        assert not data["answered"] and reading["below_floor"] is True, question
        assert reading["coverage"] < FLOOR_COVERAGE and reading["similarity"] < PIPELINE.check.min_similarity
        first = run_bot("ask", "--explain", question).stdout.split("How I read the question", 1)[1].splitlines()[0]
        assert "too little to answer from" in first and f"holds {reading['coverage']:.2f}" in first
        assert "fitted model decided" not in first
    answered = json.loads(run_bot("ask", "--json", "--explain", "Why did the Hanoi summit collapse?").stdout)
    assert answered["answered"] and answered["reading"]["below_floor"] is False


def test_empty_question_exits_2_with_a_message() -> None:
    for args in (["ask"], ["ask", "   "]):
        result = run_bot(*args)
        assert result.returncode == 2
        assert "Please ask a question" in result.stderr


def test_a_json_command_line_that_fails_prints_one_json_object_with_the_error_and_keeps_its_exit_code(tmp_path: Path) -> None:
    empty = run_bot("ask", "--json", "")
    assert empty.returncode == 2
    assert json.loads(empty.stdout) == {"error": "Please ask a question about what the articles describe."}
    missing = run_bot("timeline", "--json", "--knowledge", str(tmp_path / "nowhere"))
    assert missing.returncode == 1
    assert "does not exist" in json.loads(missing.stdout)["error"]
    unreadable = run_bot("ask", "--batch", str(tmp_path / "no-such-file"))
    assert unreadable.returncode == 1
    assert "cannot be read" in json.loads(unreadable.stdout)["error"]
    plain = run_bot("ask", "")
    assert plain.returncode == 2 and plain.stdout == ""
    # Empty once its mention is taken out: it exited 0 with "declined": "empty".
    for only_mentions in ("@everyone", "<@123456789> @here"):
        mentions = run_bot("ask", "--json", only_mentions)
        assert mentions.returncode == 2
        assert json.loads(mentions.stdout) == {"error": "Please ask a question about what the articles describe."}


def test_huge_question_is_refused_with_a_message() -> None:
    result = run_bot("ask", "--json", "x" * 10_000)
    assert result.returncode == 2
    # The same shape as an empty question's: one {"error"} object (the walkthrough found an empty
    # one an error and an over-long one a declined answer).
    data = json.loads(result.stdout)
    assert list(data) == ["error"] and "10,000 characters" in data["error"]
    assert data["error"] == result.stderr.strip()


def test_batch_answers_each_line_in_order_as_json_lines(tmp_path: Path) -> None:
    questions = ["Who was Trump's choice to replace Tillerson?", "", "Can you recommend a good sci-fi novel?", "What was the 1994 Agreed Framework?"]
    (tmp_path / "questions.txt").write_text("\n".join(questions) + "\n", encoding="utf-8")
    for source, stdin in (("questions.txt", None), ("-", "\n".join(questions))):
        result = run_bot("ask", "--json", "--batch", source, stdin=stdin)
        assert result.returncode == 0, result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [line["question"] for line in lines] == questions  # line N answers line N
        assert [line["answered"] for line in lines] == [True, False, False, True]
        assert lines[1]["declined"] == "empty"


def test_sources_lists_the_articles() -> None:
    data = json.loads(run_bot("sources", "--json").stdout)
    publishers = {a["publisher"] for a in data["articles"]}
    assert publishers == {"The Washington Post (Global Opinions)", "WIRED", "Vox"}
    assert "WIRED" in run_bot("sources").stdout


def test_version_is_the_installed_release_and_starts_nothing() -> None:
    release = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    installed = run_bot_process("--version")
    assert installed.returncode == 0
    assert installed.stdout.strip() == f"talks-bot {release}"
    for argv in (["--version"], ["--knowledge", "knowledge", "--version"]):
        result = run_bot(*argv)
        assert result.returncode == 0
        assert result.stdout.strip() == f"talks-bot {release}"


def test_check_passes_on_the_bundled_knowledge() -> None:
    result = run_bot("check")
    assert result.returncode == 0, result.stdout
    assert "no problems" in result.stdout


def test_check_names_file_field_and_problem(knowledge_copy: Path) -> None:
    articles = knowledge_copy / "articles"
    (articles / "bad-date.md").write_text("---\nid: bad-date\ntitle: T\npublisher: P\npublished: 2019-13-45\n---\n\nText.\n", encoding="utf-8")
    (articles / "latin1.md").write_bytes("---\nid: latin1\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    (articles / "extra.md").write_text("---\nid: extra\ntitle: T\npublisher: P\npublished: 2019-01-01\nmood: happy\n---\n\nText.\n", encoding="utf-8")
    (articles / "zz-duplicate.md").write_text(
        "---\nid: vox-2019-02-28-approach-didnt-work\ntitle: Dup\npublisher: P\npublished: 2019-01-01\n---\n\nA duplicate id.\n", encoding="utf-8"
    )
    result = run_bot("check", "--knowledge", str(knowledge_copy))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # The field's line and the bad value, not pydantic's "Input should be a valid date".
    assert any("bad-date.md, line 5: published: '2019-13-45' has no month 13: months run from 01 to 12" in line for line in lines), lines
    assert any("latin1.md, line 3: (file): is not UTF-8 text: byte 0xe9 at offset 25, column 11" in line for line in lines)
    assert any("extra.md, line 6: mood: is not a known field" in line for line in lines)
    assert any("zz-duplicate.md, line 2: id: 'vox-2019-02-28-approach-didnt-work' is already used by" in line for line in lines)
    assert len(lines) == 4


def _latin1_line(path: Path, line: str) -> int:
    """Append a line saved as Latin-1 (not UTF-8) to a file; the line number it lands on."""
    before = path.read_bytes()
    path.write_bytes(before + line.encode("latin-1"))
    return before.count(b"\n") + 1


def test_a_knowledge_file_that_is_not_utf8_is_named_with_its_line_and_left_out_everywhere(knowledge_copy: Path) -> None:
    """Articles, timeline.yaml and aliases.yaml alike: `check` names the file, the byte, its offset
    and line, and start-up says the same while the rest of the folder still answers. A walkthrough
    found a file whose accented letters were written as escapes ("caf\\xe9", as a shell's printf
    without \\x support writes them) served, its quotes showing the escapes."""
    articles = knowledge_copy / "articles"
    latin1 = articles / "latin1-one.md"
    latin1.write_bytes("---\nid: latin1-one\ntitle: Talks\npublisher: Le Monde\npublished: 2019-03-01\n---\n\nKim et Trump à Hanoi, café crème.\n".encode("latin-1"))
    escaped = articles / "escaped-one.md"
    escaped.write_text(
        '---\nid: escaped-one\ntitle: "Caf\\xe9 talks"\npublisher: Le Monde\npublished: 2019-03-01\n---\n\nKim and Trump met in Hanoi.\n\nKim et Trump \\xe0 Hanoi, caf\\xe9 cr\\xe8me.\n',
        encoding="utf-8",
    )
    timeline_line = _latin1_line(knowledge_copy / "timeline.yaml", '  - date: "2019-03-01"\n    title: Café\n')
    aliases_line = _latin1_line(knowledge_copy / "aliases.yaml", "  - [Café, coffee house]\n")
    result = run_bot("check", "--knowledge", str(knowledge_copy))
    assert result.returncode == 1
    expected = [
        f"{escaped}, line 10: (file): holds '\\xe0', a letter written as an escape code (a file saved without its accented letters): save it as UTF-8 with the letters themselves",
        f"{latin1}, line 8: (file): is not UTF-8 text: byte 0xe0 at offset 92, column 14; save it as UTF-8",
        f"{knowledge_copy / 'aliases.yaml'}, line {aliases_line}: (file): is not UTF-8 text: byte 0xe9",
        f"{knowledge_copy / 'timeline.yaml'}, line {timeline_line + 1}: (file): is not UTF-8 text: byte 0xe9",
    ]
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected), result.stdout
    for line, start in zip(lines, expected):
        assert line.startswith(start), (line, start)
    asked = run_bot("ask", "--json", "--knowledge", str(knowledge_copy), "what happened in Hanoi, café crème?")
    assert asked.returncode == 0
    for start in expected:
        assert f"knowledge problem: {start}" in asked.stderr
    shown = json.loads(asked.stdout)
    assert {quote["article"]["id"] for quote in [*shown["quotes"], *shown.get("closest", [])]}.isdisjoint({"latin1-one", "escaped-one"})


def test_check_reports_a_file_not_named_after_its_id_and_one_story_under_two_ids(knowledge_copy: Path) -> None:
    """A copy of an article under a new id was once accepted, and the bot quoted it twice."""
    articles = knowledge_copy / "articles"
    vox = articles / "vox-2019-02-28-approach-didnt-work.md"
    copy = articles / "vox-again.md"
    copy.write_text(vox.read_text(encoding="utf-8").replace("id: vox-2019-02-28-approach-didnt-work", "id: vox-again"), encoding="utf-8")
    wired = articles / "wired-2019-02-28-cant-make-deal-on-his-own.md"
    misnamed = wired.rename(articles / "wired-by-hand.md")
    result = run_bot("check", "--knowledge", str(knowledge_copy))
    assert result.returncode == 1
    # The copy is found by loading, which leaves it out; the misnamed file still serves.
    assert result.stdout.splitlines() == [
        f"{copy}: body: the same text as 'vox-2019-02-28-approach-didnt-work' ({vox}): one story, two ids; this file is not served; remove one of them",
        f"{misnamed}: id: 'wired-2019-02-28-cant-make-deal-on-his-own' differs from the file name 'wired-by-hand': "
        "rename the file to wired-2019-02-28-cant-make-deal-on-his-own.md or set id: wired-by-hand",
    ]
    # The running bot says the same at start-up, not only `check`: a walkthrough once found it silent.
    asked = run_bot("ask", "--json", "--knowledge", str(knowledge_copy), "Why did Hanoi fail?")
    assert f"knowledge problem: {misnamed}: id: 'wired-2019-02-28-cant-make-deal-on-his-own' differs from the file name" in asked.stderr


def test_bad_article_is_reported_and_the_others_still_answer(knowledge_copy: Path) -> None:
    (knowledge_copy / "articles" / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    result = run_bot("ask", "--json", "--knowledge", str(knowledge_copy), "Who was Trump's choice to replace Tillerson?")
    assert result.returncode == 0
    assert json.loads(result.stdout)["answered"] is True
    assert "broken.md" in result.stderr and "not UTF-8" in result.stderr


def test_missing_knowledge_folder_is_one_clear_sentence(tmp_path: Path) -> None:
    result = run_bot("ask", "--knowledge", str(tmp_path / "nowhere"), "Why?")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == f"The knowledge folder {tmp_path / 'nowhere'} does not exist; set BOT_KNOWLEDGE_DIR or pass --knowledge DIR."


def test_empty_knowledge_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    check = run_bot("check", "--knowledge", str(tmp_path / "empty"))
    assert check.returncode == 1 and "has no articles" in check.stdout
    asked = run_bot("ask", "--json", "--knowledge", str(tmp_path / "empty"), "Why did Hanoi fail?")
    assert json.loads(asked.stdout)["declined"] == "no_articles"


def test_knowledge_folder_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    write_article(folder, "only-one", "The Stockholm talks ended without agreement on the reactor.", publisher="Test Wire")
    write_article(folder, "second", "Bananas grow in warm climates.", publisher="Fruit News")
    result = run_bot("sources", "--json", env={"BOT_KNOWLEDGE_DIR": str(folder)})
    assert {a["id"] for a in json.loads(result.stdout)["articles"]} == {"only-one", "second"}


def test_terminal_chat_with_piped_stdin() -> None:
    result = run_bot_process("chat", stdin="Who was Trump's choice to replace Tillerson?\n/sources\n/help\n/nonsense\n\n/quit\nWho is Stephen Biegun?\n")
    assert result.returncode == 0
    assert "Biegun" not in result.stdout  # /quit ends the chat: the line after it is never answered
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    # Piped questions are not on screen, so each is echoed before its reply, as in a chat.
    assert result.stdout.startswith("> Who was Trump's choice to replace Tillerson?\nFrom the articles:")
    assert "\n> /sources\n3 articles:" in result.stdout
    assert "Mike Pompeo" in result.stdout
    assert "3 articles:" in result.stdout
    assert "/ask QUESTION" in result.stdout and "name the people, places and events" in result.stdout
    assert "Unknown command '/nonsense'" in result.stdout


def test_a_piped_line_that_is_not_utf8_is_answered_as_text_not_a_crash() -> None:
    result = run_bot("chat", stdin=b"\xff\xfe\nWho was Trump's choice to replace Tillerson?\n")
    assert result.returncode == 0
    assert "Mike Pompeo" in result.stdout and "Traceback" not in result.stderr


def test_the_terminal_chat_answers_a_short_follow_up_from_the_question_before() -> None:
    alone = run_bot("chat", stdin="and why?\n")
    assert "From the articles" not in alone.stdout  # nothing to lean on: declined
    result = run_bot("chat", stdin="Who was Trump's choice to replace Tillerson?\nand why?\nhow so?\n")
    assert result.returncode == 0, result.stderr
    replies = result.stdout.split("From the articles:")
    assert len(replies) == 2  # the question; then two follow-ups, each naming what it leaned on
    # The second follow-up leans on the first question too, not on "and why?".
    taken_with = "Reading this with your earlier question “Who was Trump's choice to replace Tillerson?”, from the articles:"
    follow_ups = replies[1].split(taken_with)
    assert len(follow_ups) == 3 and "Tillerson" in follow_ups[1]


def test_the_terminal_chat_asks_a_follow_up_s_new_question_word_and_named_outlet_of_the_earlier_question() -> None:
    """What a new user found: "and the Washington Post?" ignored the outlet, "and why?" repeated
    the dates, "is it true that kim lied?" was read as a follow-up."""
    chat = run_bot("chat", stdin="When did the Hanoi summit collapse?\nand why?\nand Vox?\nis it true that kim lied?\n")
    direct = run_bot("chat", stdin="why did the Hanoi summit collapse?\n")
    assert chat.returncode == 0, chat.stderr
    _, when, why, vox, lied = re.split(r"^> ", chat.stdout, flags=re.MULTILINE)
    assert when.startswith("When did the Hanoi summit collapse?\nFrom the articles:")
    earlier = "Reading this with your earlier question “When did the Hanoi summit collapse?”"
    assert why.startswith(f"and why?\n{earlier}, from the articles:")
    assert why.split(":", 1)[1].strip() == direct.stdout.split("From the articles:", 1)[1].strip()
    assert vox.startswith(f"and Vox?\n{earlier}, from the articles of Vox:")
    sources = [line for line in vox.splitlines() if line.lstrip().startswith("— ")]
    assert sources and all(line.lstrip().startswith("— Vox,") for line in sources)
    assert "earlier question" not in lied


def test_the_terminal_chat_reads_a_question_of_its_own_alone_and_an_elliptical_one_with_the_last() -> None:
    result = run_bot("chat", stdin="why did hanoi fail?\nwhen was tillerson fired?\nwhen was that?\n")
    assert result.returncode == 0, result.stderr
    _, hanoi, tillerson, that = result.stdout.split("> ")
    assert "From the articles:" in hanoi
    # Its own verb and subject: declined as itself, not passed off with the Hanoi quotes.
    assert "earlier question" not in tillerson and "From the articles" not in tillerson
    # A declined question of its own is what the next follow-up leans on, as an answered one is.
    assert "with your earlier question “when was tillerson fired?”" in that


def test_no_platform_configured_runs_the_terminal_chat() -> None:
    result = run_bot(stdin="Who was Trump's choice to replace Tillerson?\n")
    assert result.returncode == 0
    assert "Mike Pompeo" in result.stdout


def test_eval_reports_quality_above_the_floor() -> None:
    """Floors well under what the bot reaches (the README has the real numbers)."""
    result = run_bot("eval", "--json", str(DEV_SET))
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    assert numbers["r_at_1"] >= 0.7
    assert numbers["r_at_3"] >= 0.8
    assert numbers["mrr"] >= 0.7
    assert numbers["unanswerable_declined"] >= 3
    assert numbers["answerable_declined"] <= 2
    assert numbers["median_quote_chars"] < 300
    text = run_bot("eval", str(DEV_SET)).stdout
    assert "R@1:" in text and "MRR:" in text and "unanswerable declined:" in text


def test_eval_of_several_files_reports_each_and_all_pooled(tmp_path: Path) -> None:
    """The issue's measures for each set and pooled: R@1 by kind, R@3, both kinds of decline, quote length."""
    lines = DEV_SET.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:10]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[10:]) + "\n", encoding="utf-8")
    result = run_bot("eval", "--json", str(first), str(second))
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    each, pooled = numbers["sets"], numbers["pooled"]
    assert list(each) == [str(first), str(second)]
    assert pooled["questions"] == len(lines) == sum(s["questions"] for s in each.values())
    assert pooled["answerable_declined"] == sum(s["answerable_declined"] for s in each.values())
    assert pooled["answerable_declined_share"] == round(pooled["answerable_declined"] / pooled["answerable"], 4)
    assert pooled["unanswerable_declined_share"] == round(pooled["unanswerable_declined"] / pooled["unanswerable"], 4)
    assert {"paraphrase", "lexical"} <= set(pooled["r_at_1_by_kind"])
    text = run_bot("eval", str(first), str(second)).stdout
    assert f"== {first}" in text and "== all 2 files pooled" in text and "R@1 paraphrase:" in text


def test_no_command_takes_the_common_options(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    write_article(folder, "stockholm", "The Stockholm talks ended without agreement on the Yongbyon reactor.", publisher="Test Wire")
    write_article(folder, "fruit", "Bananas grow in warm climates.", publisher="Fruit News")
    result = run_bot("--knowledge", str(folder), stdin="What happened at the Stockholm talks?\n")
    assert result.returncode == 0, result.stderr
    assert "Test Wire" in result.stdout and "Stockholm talks ended without agreement" in result.stdout


def test_a_bad_setting_is_one_sentence_naming_it() -> None:
    result = run_bot("check", env={"SLACK_PORT": "99999"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "SLACK_PORT='99999' is not valid: it should be at most 65535. "
        "Fix it in the environment or in .env (see .env.example)."
    )
    secret = run_bot("check", env={"SLACK_BOT_TOKEN": "xoxb-secret", "DISCORD_GUILD_IDS": "abc"})
    assert "DISCORD_GUILD_IDS='abc'" in secret.stderr and "xoxb-secret" not in secret.stderr
    # A list's bad item is told what the list takes, not pydantic's "should be a valid integer"
    # (wrong of DISCORD_SHARD_IDS, whose items may be ranges).
    assert "is not valid: it takes server ids (numbers), comma-separated" in secret.stderr
    shards = run_bot("check", env={"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": "0-x"})
    assert shards.returncode == 1 and "is not valid: it takes shard numbers or ranges, comma-separated: 0-3 or 0,2,4" in shards.stderr
    # An API address that is no web address stopped nothing: every call failed after a start-up warning.
    address = run_bot("check", env={"SLACK_API_BASE": "notaurl"})
    assert address.returncode == 1 and address.stderr.startswith("SLACK_API_BASE='notaurl' is not valid: it is not a web address;")
    # A salt is a secret too, though its name says neither TOKEN nor SECRET.
    short_salt = run_bot("check", env={"BOT_FEEDBACK_SALT": "pepper"})
    assert short_salt.returncode == 1 and short_salt.stderr.startswith("BOT_FEEDBACK_SALT='(hidden)' is not valid: use at least 16")
    assert "pepper" not in short_salt.stderr
    # A misspelt log level was once taken silently (and logged nothing below WARNING).
    level = run_bot("check", env={"BOT_LOG_LEVEL": "verbose"})
    assert level.returncode == 1 and level.stderr.startswith("BOT_LOG_LEVEL='VERBOSE' is not valid: it should be 'DEBUG', 'INFO', 'WARNING' or 'ERROR'")


def test_a_huge_single_word_question_is_answered_or_declined_promptly() -> None:
    """One 1,999-letter 'word' once made spelling correction build millions of variants."""
    result = run_bot_process("ask", "--json", "qwrtzpsdfghjklxcvbnm" * 99)
    assert result.returncode == 0
    assert json.loads(result.stdout)["answered"] is False


def test_chat_sources_finds_an_article_by_publisher() -> None:
    result = run_bot("chat", stdin="/sources vox\n/sources nothing-like-this\n")
    assert "1 article:" in result.stdout and "Vox:" in result.stdout and "WIRED" not in result.stdout
    assert "No article matches 'nothing-like-this'" in result.stdout


def test_the_interactive_chat_greets_after_the_watcher_line_and_answers(knowledge_copy: Path) -> None:
    """At a real terminal (a pty), start-up log lines come before the greeting and the prompt,
    never after the prompt where they would land in the middle of what the user types."""
    with at_a_terminal([sys.executable, "-m", "bot", "chat", "--knowledge", str(knowledge_copy)]) as terminal:
        terminal.read_until(b"\n> ")
        text = terminal.screen.decode(errors="replace")
        assert text.index("watching") < text.index("Ask about the 2018-2019") < text.rindex("> ")
        terminal.type(b"Who was Trump's choice to replace Tillerson?\n")
        terminal.read_until(b"Pompeo")
        terminal.type(b"\x04")  # Ctrl-D at the prompt
        assert terminal.process.wait(timeout=WAIT_SECONDS) == 0
        terminal.read_until(b"> \r\n", 5)  # the line is ended, so the shell's prompt starts on its own


def test_a_reload_logged_at_the_prompt_starts_on_its_own_line_and_the_prompt_comes_back(knowledge_copy: Path) -> None:
    """At a real terminal, the watcher's reload line once landed right after "> ", and the user's
    typing went on below it with no prompt; watchfiles' own "N changes detected" came first."""
    with at_a_terminal([sys.executable, "-m", "bot", "chat", "--knowledge", str(knowledge_copy)]) as terminal:
        terminal.read_until(b"\n> ")
        waiting = len(terminal.screen)
        write_article(knowledge_copy, "test-2019-03-01-new", "A brand new article about quince diplomacy.")
        terminal.read_until(b"Reloaded in")
        terminal.read_until(b"warnings.\r\n> ")
        after_prompt = terminal.screen[waiting:].decode(errors="replace")
        assert after_prompt.startswith("\r\n") and "Reloaded in" in after_prompt.splitlines()[1]
        assert "changes detected" not in after_prompt
        terminal.type(b"Who was Trump's choice to replace Tillerson?\n")
        terminal.read_until(b"Pompeo")


def test_ctrl_c_at_the_prompt_ends_the_chat_at_once(knowledge_copy: Path) -> None:
    """Ctrl-C at the prompt, typed at a real terminal: `script` gives the chat a terminal of its
    own, whose Ctrl-C is a SIGINT, as a user's shell does. The chat must not wait for Enter."""
    command = f"{shlex.quote(sys.executable)} -m bot chat --knowledge {shlex.quote(str(knowledge_copy))}"
    with at_a_terminal(["script", "-q", "-e", "-c", command, "/dev/null"]) as terminal:
        # The prompt is printed after the line reader has started, so from here the chat is
        # waiting for a line: the moment the old code could only leave on Enter.
        terminal.read_until(b"\n> ")
        terminal.type(b"\x03")
        assert terminal.process.wait(timeout=WAIT_SECONDS) == 130  # the chat's exit code for Ctrl-C (script -e passes it on)
        terminal.read_to_the_end()
        assert b"Traceback" not in terminal.screen


def test_another_story_is_described_from_its_own_bot_file(tmp_path: Path) -> None:
    """Swapping the knowledge folder swaps what the bot says it is about; nothing of the bundled story remains."""
    folder = tmp_path / "kb"
    write_article(folder, "orchard", "The quince orchard talks in Tromsø ended without agreement on grafting.", publisher="Fjord Post")
    (folder / "bot.yaml").write_text(
        "name: The quince orchard talks\ntopic: the 2021 quince orchard talks in Tromsø\n"
        "example_questions: ['Why did the orchard talks end?']\nexample_names: [Tromsø, grafting]\n",
        encoding="utf-8",
    )
    help_text = run_bot("chat", "--knowledge", str(folder), stdin="/help\n").stdout
    assert "I answer questions about the 2021 quince orchard talks in Tromsø with verbatim quotes" in help_text
    assert "Why did the orchard talks end?" in help_text and "(Tromsø, grafting)" in help_text
    assert all(word not in help_text for word in ("Korea", "Hanoi", "Trump", "Pompeo"))
    exported = json.loads(run_bot("timeline", "--format", "timelinejs", "--knowledge", str(folder)).stdout)
    assert exported["title"]["text"]["headline"] == "The quince orchard talks"

    (folder / "bot.yaml").write_text("topic: the orchard talks\nexample_questions: oops\n", encoding="utf-8")
    check = run_bot("check", "--knowledge", str(folder))
    assert check.returncode == 1
    assert check.stdout.splitlines() == [f"{folder / 'bot.yaml'}, line 2: example_questions: 'oops' should be a list, one '- item' a line"]


def test_batch_reports_a_line_that_is_not_utf8_by_number_and_answers_the_rest(tmp_path: Path) -> None:
    """One Latin-1 line once stopped the whole batch with no output ("byte position 90")."""
    lines = ["Who was Trump's choice to replace Tillerson?".encode(), "who is m\xfcller".encode("latin-1"), b"What was the 1994 Agreed Framework?"]
    (tmp_path / "questions.txt").write_bytes(b"\n".join(lines) + b"\n")
    # "-" is standard input, so named: "-: line 2" read as a typo in a walkthrough.
    for source, named, stdin in (("questions.txt", "questions.txt", None), ("-", "standard input", b"\n".join(lines))):
        result = run_bot("ask", "--json", "--batch", source, stdin=stdin)
        assert result.returncode == 1  # a script learns that a line went unasked
        first, bad, last = [json.loads(line) for line in result.stdout.splitlines()]
        assert first["answered"] and last["answered"]  # line N still answers line N
        assert last["question"] == "What was the 1994 Agreed Framework?"
        message = f"{named}, line 2 is not UTF-8 text (byte 0xfc at column 9); it was not asked."
        assert bad == {"line": 2, "error": message}
        assert message in result.stderr and "Traceback" not in result.stderr


def test_a_plain_decline_names_the_command_lines_own_commands() -> None:
    """From the command line a plain decline pointed to "/sources" and "/timeline" (review); the
    terminal chat keeps them, as it runs them."""
    question = "how tall is kim jong un?"  # declined plainly: no passage is shown, the commands are
    command_line = run_bot("ask", question).stdout
    assert "python -m bot sources lists them, and python -m bot timeline shows what happened when." in command_line
    chat = run_bot("chat", stdin=question + "\n").stdout
    assert "/sources lists them, and /timeline shows what happened when." in chat
