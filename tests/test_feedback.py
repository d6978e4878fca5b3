"""Readers' 👍 and 👎: the buttons under every answer on the real discord.py and slack-bolt apps,
/good and /bad at the terminal, the feedback log (one line a press, each voter's last vote counts,
no ids in clear) and `python -m bot feedback`."""

from __future__ import annotations

import hashlib
import json
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from bot import commands, messages
from bot.answers import Answer, Declined
from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.context import reference_for
from bot.feedback.asked import AskedLog, read_asked
from bot.feedback.shown import Shown, button_value, from_button_value, shown_by
from bot.feedback.votes import FeedbackLog, Vote, latest_votes, read_votes
from bot.feedback.voters import salt_file_beside
from bot.frontends.discord_buttons import answer_view
from bot.frontends.terminal import Conversation, reply_to
from bot.knowledge.store import KnowledgeStore
from bot.unanswered.log import UnansweredLog
from bot.render.slack_render import FEEDBACK_ACTION
from tests.discord_fixtures import EPHEMERAL, answered, bot, fake_discord, interaction_calls  # noqa: F401 - fixtures
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.slack_server import FakeSlack
from tests.patience import WAIT_SECONDS
from tests.slack_fixtures import USER_ID, HttpBot, block_action_body, fake_slack, http_bot, slash_command_body  # noqa: F401 - fixtures

TILLERSON = "Who was Trump's choice to replace Tillerson?"
NOT_COVERED = "What is the price of pickled herring in Oslo fish markets?"


@pytest.fixture
def feedback_log(bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FeedbackLog:
    log = FeedbackLog(tmp_path / "data" / "feedback.jsonl")
    monkeypatch.setattr(bundled_store, "feedback_log", log)
    return log


def log_lines(log: FeedbackLog) -> list[dict[str, Any]]:
    if not log.path.is_file():
        return []
    return [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]


def counted(log: FeedbackLog) -> list[tuple[str, Vote]]:
    """(voter, vote) for each voter's last vote, as the report counts them."""
    votes, skipped = read_votes(log.path)
    assert skipped == 0
    return sorted((v.voter, v.vote) for v in latest_votes(votes))


def assert_records_the_answer(line: dict[str, Any], answer: Answer, platform: str) -> None:
    assert line["platform"] == platform and line["question"] == answer.question
    assert [(q["article"], q["start"], q["end"]) for q in line["quotes"]] == [(q.article.id, q.start, q.end) for q in answer.quotes]
    assert line["answer"] == shown_by(answer).key()


# --- the log ---


def test_voters_are_salted_hashes_shared_by_every_copy_of_the_bot(tmp_path: Path, bundled_store: KnowledgeStore) -> None:
    path = tmp_path / "logs" / "feedback.jsonl"
    first_copy, second_copy = FeedbackLog(path), FeedbackLog(path)  # two processes, one shared log
    shown = shown_by(bundled_store_answer(bundled_store))
    assert first_copy.record("slack", "T1:U1", shown, Vote.GOOD, shown.key())
    assert second_copy.record("slack", "T1:U1", shown, Vote.BAD, shown.key())  # the same person, another copy
    assert second_copy.record("slack", "T1:U2", shown, Vote.GOOD, shown.key())
    lines = log_lines(first_copy)
    assert len(lines) == 3 and lines[0]["voter"] == lines[1]["voter"] != lines[2]["voter"]
    salt_file = salt_file_beside(path)
    assert salt_file.parent == path.parent and stat.S_IMODE(salt_file.stat().st_mode) == 0o600
    # Not a plain digest anyone could recompute from the id, and no id in clear.
    for plain in ("T1:U1", "slack:T1:U1", "U1"):
        assert lines[0]["voter"] not in (hashlib.sha256(plain.encode()).hexdigest(), hashlib.md5(plain.encode()).hexdigest())
    # The time stamp aside: from 10:00 to 19:59 UTC it holds "T1" ("2026-12-06T10:01:50").
    logged = json.dumps([{field: value for field, value in line.items() if field != "time"} for line in lines])
    assert "U1" not in logged and "T1" not in logged
    assert sorted(vote for _, vote in counted(first_copy)) == sorted([Vote.BAD, Vote.GOOD])


def test_a_salt_setting_is_used_instead_of_a_file(tmp_path: Path, bundled_store: KnowledgeStore) -> None:
    shown = shown_by(bundled_store_answer(bundled_store))
    path = tmp_path / "feedback.jsonl"
    FeedbackLog(path, salt=b"one").record("discord", "42", shown, Vote.GOOD, shown.key())
    FeedbackLog(path, salt=b"two").record("discord", "42", shown, Vote.GOOD, shown.key())
    first, second = log_lines(FeedbackLog(path))
    assert first["voter"] != second["voter"] and not salt_file_beside(path).exists()


def test_a_salt_file_too_short_to_hide_anyone_records_nothing(
    tmp_path: Path, bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture
) -> None:
    shown = shown_by(bundled_store_answer(bundled_store))
    path = tmp_path / "feedback.jsonl"
    salt_file_beside(path).write_text("\n")  # emptied by hand: an HMAC under it is a plain digest
    assert FeedbackLog(path).record("discord", "42", shown, Vote.GOOD, shown.key()) is False
    assert not path.exists() and "shorter than 16 characters" in caplog.text


def test_appends_from_many_threads_stay_whole_lines(tmp_path: Path, bundled_store: KnowledgeStore) -> None:
    shown = shown_by(bundled_store_answer(bundled_store))
    log = FeedbackLog(tmp_path / "feedback.jsonl")

    def vote(thread: int) -> None:
        for n in range(40):
            log.record("slack", f"T:{thread}-{n}", shown, Vote.BAD, shown.key())

    threads = [threading.Thread(target=vote, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    votes, skipped = read_votes(log.path)
    assert skipped == 0 and len(votes) == 320 and len({v.voter for v in votes}) == 320


def test_button_values_carry_the_answer_within_slacks_limit(bundled_store: KnowledgeStore) -> None:
    answer = bundled_store_answer(bundled_store)
    long = Shown('"' * 2000, shown_by(answer).quotes)  # every character escaped in JSON
    value = button_value(long, 2000)
    assert len(value) <= 2000
    decoded = from_button_value(value)
    assert decoded is not None and decoded[0].quotes == long.quotes and decoded[1] == long.key()
    assert from_button_value(button_value(shown_by(answer), 2000)) == (shown_by(answer), shown_by(answer).key())
    assert from_button_value("not json") is None and from_button_value('{"k": "x", "q": "", "r": []}') is None


def test_discord_custom_ids_fit_and_name_the_answer(bundled_store: KnowledgeStore) -> None:
    answer = bundled_store_answer(bundled_store)
    ids = [item.custom_id for item in answer_view(answer).children]  # type: ignore[attr-defined]
    assert all(len(custom_id) <= 100 for custom_id in ids)
    key = shown_by(answer).key()
    assert ids[-2:] == [f"fb:good:{key}", f"fb:bad:{key}"]
    assert ids[:-2] == [reference_for(q).encode() for q in answer.quotes]


def bundled_store_answer(store: KnowledgeStore) -> Answer:
    answer = commands.ask(store, TILLERSON, frontend="test")
    assert answer.answered
    return answer


# --- the terminal ---


def test_terminal_good_and_bad_rate_the_last_answer(bundled_store: KnowledgeStore, feedback_log: FeedbackLog) -> None:
    chat = Conversation(user="ann")
    assert reply_to(bundled_store, "/good", chat) == messages.FEEDBACK_NOTHING_TO_RATE
    reply_to(bundled_store, TILLERSON, chat)
    assert reply_to(bundled_store, "/good", chat) == messages.FEEDBACK_THANKS["good"]
    assert reply_to(bundled_store, "/bad", chat) == messages.FEEDBACK_THANKS["bad"]
    first, second = log_lines(feedback_log)
    assert chat.last_answer is not None
    assert_records_the_answer(first, chat.last_answer, "terminal")
    assert (first["vote"], second["vote"]) == ("good", "bad")
    assert len(counted(feedback_log)) == 1  # changed, not added


def test_terminal_small_talk_is_not_rated_and_does_not_hide_the_answer_before_it(bundled_store: KnowledgeStore, feedback_log: FeedbackLog) -> None:
    """A walkthrough's "thanks" (or "y") after an answer made /good say there was nothing to rate."""
    chat = Conversation(user="ann")
    reply_to(bundled_store, "hello", chat)  # a reply about the bot, not the articles: nothing to rate
    assert reply_to(bundled_store, "/good", chat) == messages.FEEDBACK_NOTHING_TO_RATE
    reply_to(bundled_store, TILLERSON, chat)
    for small_talk in ("thanks", "y", "?"):
        reply_to(bundled_store, small_talk, chat)
        assert reply_to(bundled_store, "/good", chat) == f"{messages.feedback_rates_earlier(TILLERSON)} {messages.FEEDBACK_THANKS['good']}"
    assert {line["question"] for line in log_lines(feedback_log)} == {TILLERSON}


def test_only_questions_about_the_articles_reach_the_asked_log(bundled_store: KnowledgeStore, tmp_path: Path) -> None:
    asked = AskedLog(tmp_path / "asked.jsonl")
    for question in ("hello", "", "thanks!", NOT_COVERED, TILLERSON):
        asked.record(commands.ask(bundled_store, question, frontend="test"), "slack")
    records, skipped = read_asked(asked.path)
    assert skipped == 0 and [r.question for r in records] == [NOT_COVERED, TILLERSON]


# --- Discord ---


async def test_discord_votes_one_per_person_acknowledged_only_to_them(
    bot: FakeDiscord, bundled_store: KnowledgeStore, feedback_log: FeedbackLog
) -> None:
    interaction = await bot.slash("ask", {"question": TILLERSON})
    await bot.wait_for(answered(interaction, follow_ups=1))
    sent = bot.messages[bot.channel_id][-1]
    buttons = {c["custom_id"]: c for row in sent["components"] for c in row["components"]}
    good, bad = (next(i for i in buttons if i.startswith(f"fb:{vote}:")) for vote in ("good", "bad"))
    assert buttons[good]["emoji"]["name"] == "👍" and buttons[bad]["emoji"]["name"] == "👎"
    alice, bob = bot.person("Alice"), bot.person("Bob")

    press = await bot.press(sent, good, invoker=alice)
    calls = await bot.wait_for(answered(press))
    [ack] = [c for c in interaction_calls(calls, press) if c.path.endswith("/callback")]
    assert ack.body["data"]["content"] == messages.FEEDBACK_THANKS["good"] and ack.body["data"]["flags"] & EPHEMERAL
    [line] = log_lines(feedback_log)
    assert_records_the_answer(line, bundled_store_answer(bundled_store), "discord")
    assert line["vote"] == "good"

    await bot.wait_for(answered(await bot.press(sent, bad, invoker=alice)))  # Alice changes her mind
    assert [vote for _, vote in counted(feedback_log)] == [Vote.BAD]
    await bot.wait_for(answered(await bot.press(sent, good, invoker=bob)))  # Bob's is another vote
    assert sorted(vote for _, vote in counted(feedback_log)) == sorted([Vote.BAD, Vote.GOOD])
    text = feedback_log.path.read_text(encoding="utf-8")
    for private in (alice["id"], bob["id"], "Alice", "Bob", bot.channel_id, bot.guild_id):
        assert private not in text


async def test_discord_buttons_only_under_answers_about_the_articles(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    def vote_buttons() -> list[str]:
        sent = bot.messages[bot.channel_id][-1]
        return [c["custom_id"] for row in sent.get("components") or [] for c in row["components"] if c["custom_id"].startswith("fb:")]

    for question, rated in (("hello", False), ("thanks!", False), (NOT_COVERED, True), (TILLERSON, True)):
        interaction = await bot.slash("ask", {"question": question})
        await bot.wait_for(answered(interaction, follow_ups=1))
        assert len(vote_buttons()) == (2 if rated else 0), question


# --- Slack ---


def feedback_buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["action_id"]: e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"] if e["action_id"].startswith(FEEDBACK_ACTION)}


async def test_slack_votes_are_signed_one_per_person_and_acknowledged_only_to_them(
    fake_slack: FakeSlack, http_bot: HttpBot, bundled_store: KnowledgeStore, feedback_log: FeedbackLog
) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/ask", TILLERSON))
    (answer,) = await fake_slack.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/cmd")])
    buttons = feedback_buttons(answer)
    assert set(buttons) == {f"{FEEDBACK_ACTION}good", f"{FEEDBACK_ACTION}bad"}
    good, bad = buttons[f"{FEEDBACK_ACTION}good"], buttons[f"{FEEDBACK_ACTION}bad"]

    forged = block_action_body(fake_slack, good["action_id"], good["value"], hook="forged")
    response = await http_bot.action(forged, headers={"X-Slack-Signature": "v0=" + "0" * 64})
    assert response.status == 401

    acks: list[dict[str, Any]] = []

    async def press(button: dict[str, Any], user: str, hook: str) -> None:
        await http_bot.action(block_action_body(fake_slack, button["action_id"], button["value"], user_id=user, hook=hook))
        (ack,) = await fake_slack.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/" + hook)])
        acks.append(ack)

    await press(good, USER_ID, "first")
    [line] = log_lines(feedback_log)  # the forged press wrote nothing
    assert_records_the_answer(line, bundled_store_answer(bundled_store), "slack")
    await press(bad, USER_ID, "again")
    assert [vote for _, vote in counted(feedback_log)] == [Vote.BAD]
    await press(good, "U0OTHER", "other")
    assert sorted(vote for _, vote in counted(feedback_log)) == sorted([Vote.BAD, Vote.GOOD])
    assert [a["response_type"] for a in acks] == ["ephemeral"] * 3 and all(a["replace_original"] is False for a in acks)
    assert acks[0]["text"] == messages.FEEDBACK_THANKS["good"]
    assert USER_ID not in feedback_log.path.read_text(encoding="utf-8")


async def test_slack_buttons_only_under_answers_about_the_articles(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    for number, (question, rated) in enumerate((("hello", False), ("", False), (NOT_COVERED, True), (TILLERSON, True))):
        hook = f"ask{number}"
        await http_bot.command(slash_command_body(fake_slack, "/ask", question, hook=hook))
        (reply,) = await fake_slack.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/" + hook)])
        assert bool(feedback_buttons(reply)) is rated, question


# --- python -m bot feedback ---


def test_both_reports_list_a_question_asked_in_capitals_and_in_lower_case_once(
    bundled_store: KnowledgeStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The feedback report listed "WHY DID …" and "Why did …" as two wordings of a rated question,
    where the unanswered report (its own copy of the same listing) showed one: both reports read a
    group's wordings, platforms and row from one place."""
    data = tmp_path / "data"
    votes, asked, declined = FeedbackLog(data / "feedback.jsonl"), AskedLog(data / "asked.jsonl"), UnansweredLog(data / "unanswered.jsonl")
    wordings = ("Why did the Hanoi summit collapse?", "WHY DID THE HANOI SUMMIT COLLAPSE?")
    for number, question in enumerate(wordings):
        answer = commands.ask(bundled_store, question, frontend="test")
        asked.record(answer, "slack")
        votes.record("slack", f"user{number}", shown_by(answer), Vote.BAD, shown_by(answer).key())
        asked.record(commands.ask(bundled_store, question.replace("Hanoi summit", "Pompeo trip"), frontend="test"), "discord")
        declined.record(Answer(question.replace("Hanoi summit", "kimchi recipe"), declined=Declined.NOT_COVERED), "discord")

    assert main(["feedback", "--json"]) == 0
    feedback = json.loads(capsys.readouterr().out)
    [rated] = feedback["rated"]
    assert rated["questions"] == [wordings[0]] and rated["platforms"] == ["slack"]
    [unvoted] = feedback["asked_without_votes"]
    assert unvoted["questions"] == ["Why did the Pompeo trip collapse?"] and unvoted["frontends"] == ["discord"]
    assert main(["unanswered", "--json"]) == 0
    [unanswered] = [g for g in json.loads(capsys.readouterr().out)["questions"] if "kimchi" in g["example"]]
    assert unanswered["questions"] == ["Why did the kimchi recipe collapse?"] and unanswered["frontends"] == ["discord"]

    assert main(["feedback"]) == 0
    feedback_text = capsys.readouterr().out
    assert main(["unanswered"]) == 0
    unanswered_text = capsys.readouterr().out
    assert ", 2 wordings" not in feedback_text
    unvoted_row = next(line for line in feedback_text.splitlines() if "Pompeo trip" in line)
    unanswered_row = next(line for line in unanswered_text.splitlines() if "kimchi recipe" in line)
    assert unvoted_row.replace("Pompeo trip", "kimchi recipe") == unanswered_row  # one row format


def test_feedback_report_worst_first_folded_and_the_unvoted_asked_questions(
    bundled_store: KnowledgeStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    votes, asked = FeedbackLog(data / "feedback.jsonl"), AskedLog(data / "asked.jsonl")
    hanoi = commands.ask(bundled_store, "Why did the Hanoi summit collapse?", frontend="test")
    hanoi_again = commands.ask(bundled_store, "why did the Hanoi summit collapse", frontend="test")
    tillerson = bundled_store_answer(bundled_store)
    for answer in (hanoi, hanoi_again, tillerson, tillerson):
        asked.record(answer, "slack")
    for _ in range(3):
        asked.record(commands.ask(bundled_store, "What did Pompeo say?", frontend="test"), "discord")
    asked.record(commands.ask(bundled_store, "ignored: from a script", frontend="test"), "cli")
    for answer, user, vote in ((tillerson, "a", Vote.GOOD), (hanoi, "a", Vote.BAD), (hanoi_again, "b", Vote.BAD), (hanoi, "c", Vote.GOOD), (hanoi, "c", Vote.BAD)):
        shown = shown_by(answer)
        votes.record("slack", user, shown, vote, shown.key())

    assert main(["feedback", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    first, second = report["rated"]
    assert (first["bad"], first["good"]) == (3, 0)  # two wordings folded; c's second press replaced the first
    assert first["questions"] == ["Why did the Hanoi summit collapse?", "why did the Hanoi summit collapse"]
    quote = first["answers"][0]["quotes"][0]
    article = bundled_store.current.articles[quote["article"]]
    assert quote["text"] == article.body[quote["start"] : quote["end"]]
    assert (second["good"], second["bad"], second["example"]) == (1, 0, TILLERSON)
    [unvoted] = report["asked_without_votes"]
    assert (unvoted["count"], unvoted["example"]) == (3, "What did Pompeo say?")

    assert main(["feedback"]) == 0
    text = capsys.readouterr().out
    assert text.index("Why did the Hanoi summit collapse?") < text.index(TILLERSON) < text.index("What did Pompeo say?")
    assert main(["feedback", "--since", "2999-01-01"]) == 0
    assert "No votes logged since 2999-01-01" in capsys.readouterr().out


VOTE_FROM_A_PROCESS = """
import sys
from pathlib import Path
from bot.context import ContextRef
from bot.feedback.shown import Shown
from bot.feedback.votes import FeedbackLog, Vote
log = FeedbackLog(Path(sys.argv[1]))
shown = Shown("Why did the Hanoi summit collapse?", (ContextRef("an-article", 1, 20, "00000000"),))
for n in range(100):
    log.record("slack", "T1:U1" if n == 0 else f"T1:{sys.argv[2]}-{n}", shown, Vote.BAD, shown.key())
"""


def test_copies_of_the_bot_starting_together_agree_on_the_salt_and_never_tear_a_line(tmp_path: Path) -> None:
    """Four processes, one fresh log folder: one salt file wins, every copy hashes alike, every line is whole."""
    path = tmp_path / "shared" / "feedback.jsonl"
    copies = [
        subprocess.Popen([sys.executable, "-c", VOTE_FROM_A_PROCESS, str(path), f"copy{n}"], cwd=PROJECT_ROOT)
        for n in range(4)
    ]
    assert [copy.wait(timeout=WAIT_SECONDS) for copy in copies] == [0, 0, 0, 0]
    votes, skipped = read_votes(path)
    assert skipped == 0 and len(votes) == 400
    assert len({v.voter for v in votes}) == 4 * 99 + 1  # "T1:U1" from every copy is one voter
    assert len(latest_votes(votes)) == 4 * 99 + 1


def test_terminal_vote_after_another_command_names_the_answer_it_rates(bundled_store: KnowledgeStore, feedback_log: FeedbackLog) -> None:
    """/good right after /help quietly rated the answer before the help; now the reply says which."""
    chat = Conversation(user="ann")
    reply_to(bundled_store, TILLERSON, chat)
    reply_to(bundled_store, "/help", chat)
    reply = reply_to(bundled_store, "/good", chat)
    assert reply is not None and f"“{TILLERSON}”" in reply and reply.endswith(messages.FEEDBACK_THANKS["good"])
    assert reply_to(bundled_store, "/bad", chat) == f"{messages.feedback_rates_earlier(TILLERSON)} {messages.FEEDBACK_THANKS['bad']}"
    reply_to(bundled_store, TILLERSON, chat)
    assert reply_to(bundled_store, "/good", chat) == messages.FEEDBACK_THANKS["good"]  # just after the answer: no need to say
    assert [line["vote"] for line in log_lines(feedback_log)] == ["good", "bad", "good"]
