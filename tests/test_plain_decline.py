"""A question the articles do not cover, whose closest passages share only a name with it, is declined
plainly in every front end: no quote, but what the articles are about and where to read them. A
declined question whose closest passage may answer it still shows it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answers import Answer, answer
from bot.evaluation import EvalQuestion, evaluate
from bot.frontends.discord_buttons import answer_view
from bot.knowledge.store import KnowledgeStore
from bot.render import discord_render, slack_render
from bot.render.json_out import answer_dict
from bot.render.text import answer_text
from bot.search.document_frequencies import DocumentFrequencies
from bot.unanswered.log import UnansweredLog
from tests.cli_helpers import run_bot

# Off topic, naming the man most passages name: two of them would answer nothing about food.
OFF_TOPIC = "What is Kim Jong Un's favourite food?"
# Declined, but the one passage naming her says what she does, in other words than "job".
NEAR_MISS = "what is jenny town's job"
NEAR_MISS_ANSWER = "Jenny Town, analyst at North Korea watchdog 38 North"


def _text(reply: Answer) -> str:
    return answer_text(reply)


def _discord(reply: Answer) -> str:
    return "\n".join(embed.description or "" for embed in discord_render.answer_embeds(reply))


def _slack(reply: Answer) -> str:
    message = slack_render.answer_message(reply)
    return f"{message.text}\n{json.dumps(message.blocks, ensure_ascii=False)}"


def _json(reply: Answer) -> str:
    return json.dumps(answer_dict(reply), ensure_ascii=False)


RENDERERS: dict[str, Callable[[Answer], str]] = {"text": _text, "discord": _discord, "slack": _slack, "json": _json}


def _flat(text: str) -> str:
    """White space folded: the terminal wraps quotes, Slack escapes nothing in these words."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def off_topic(bundled_store: KnowledgeStore) -> Answer:
    return answer(bundled_store.current, OFF_TOPIC)


@pytest.mark.parametrize("front_end", RENDERERS)
def test_an_off_topic_question_naming_someone_gets_no_quote(off_topic: Answer, bundled_store: KnowledgeStore, front_end: str) -> None:
    shown = _flat(RENDERERS[front_end](off_topic))
    # What the articles are about, and where to read them ...
    assert bundled_store.current.profile.topic in shown
    assert "/sources" in shown and "/timeline" in shown
    # ... and none of the passages it found, which name Kim Jong Un and say nothing of food.
    assert not off_topic.answered and off_topic.declined_plainly and not off_topic.closest
    assert off_topic.withheld
    for passage in off_topic.withheld:
        assert _flat(passage.text)[:60] not in shown


def test_a_plain_decline_offers_no_passage_to_open_on_discord(off_topic: Answer) -> None:
    ids = [item.custom_id for item in answer_view(off_topic).children]  # type: ignore[attr-defined]
    assert not any(i.startswith("ctx:") for i in ids)  # no "More context" button: no passage shown


def test_a_plain_decline_is_logged_with_how_close_the_nearest_passage_came(off_topic: Answer, tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "unanswered.jsonl")
    assert log.record(off_topic, "terminal", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    [record] = [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]
    assert record["question"] == OFF_TOPIC
    assert record["best_score"] == round(off_topic.withheld[0].score, 4) > 0


@pytest.mark.parametrize("front_end", RENDERERS)
def test_a_declined_question_whose_closest_passage_answers_it_still_shows_it(bundled_store: KnowledgeStore, front_end: str) -> None:
    near = answer(bundled_store.current, NEAR_MISS)
    assert not near.answered
    assert NEAR_MISS_ANSWER in _flat(RENDERERS[front_end](near))
    assert not near.declined_plainly


def test_at_most_counts_the_documents_holding_a_term() -> None:
    frequencies = DocumentFrequencies.of([["kim", "food"], ["kim"], ["kim", "town"]])
    assert frequencies.held_by_at_most("town", 1) and frequencies.held_by_at_most("food", 2)
    assert not frequencies.held_by_at_most("kim", 2) and frequencies.held_by_at_most("kim", 3)
    assert frequencies.held_by_at_most("weather", 0)  # no document holds it


def test_eval_counts_the_declines_that_show_passages(bundled_store: KnowledgeStore) -> None:
    """`eval` says how many unanswerable questions were declined with passages shown, and how many
    answerable ones showed their answer among them: what a plain decline spares and costs readers."""
    trap = "Why did Trump fire Rex Tillerson?"  # on the topic, the reason never given: its passages are shown
    questions = [
        EvalQuestion(id="off", question=OFF_TOPIC, kind="unanswerable"),
        EvalQuestion(id="trap", question=trap, kind="unanswerable"),
        EvalQuestion.model_validate(
            {"id": "near", "question": NEAR_MISS, "kind": "lexical", "answers": [{"article": "001_2fa055a3e9108648.txt", "span": NEAR_MISS_ANSWER}]}
        ),
    ]
    report = evaluate(bundled_store.current, questions)
    assert report.unanswerable_declined == 2 and report.unanswerable_shown_closest == 1
    assert report.answerable_declined == 1 and report.declined_with_answer_shown == 1
    assert report.as_dict()["unanswerable_shown_closest"] == 1


def test_explain_says_why_a_question_was_declined_plainly_and_what_it_withheld() -> None:
    """`ask --explain` on a plain decline gave the model's reading alone: nothing of why no passage
    was shown, nor which passages were found and not shown."""
    data = json.loads(run_bot("ask", "--json", "--explain", OFF_TOPIC).stdout)
    plain = data["reading"]["plain_decline"]
    assert data["closest"] == [] and plain is not None
    assert plain["unsaid_content"] >= plain["unsaid_content_from"] and plain["content_similarity"] < plain["content_similarity_under"]
    assert plain["names_held"] == ["kim jong un"]
    withheld = [quote["text"] for quote in plain["withheld"]]
    assert len(withheld) == 2 and all("Kim Jong Un" in text for text in withheld)

    reply, reading = run_bot("ask", "--explain", OFF_TOPIC).stdout.split("How I read the question", 1)
    why = next(line for line in reading.splitlines() if "declined plainly" in line)
    cosine = float(why.split("without its names has a cosine of ", 1)[1].split()[0])
    assert abs(cosine - plain["content_similarity"]) <= 0.006 and "'kim jong un'" in why and "more than 2 passages" in why
    for text in withheld:  # shown to the maintainer, after the reader's reply, which holds none of them
        assert _flat(text)[:60] in _flat(reading) and _flat(text)[:60] not in _flat(reply)


def test_explain_says_nothing_of_a_plain_decline_for_a_decline_that_shows_its_passages() -> None:
    data = json.loads(run_bot("ask", "--json", "--explain", NEAR_MISS).stdout)
    assert data["closest"] and data["reading"]["plain_decline"] is None
    assert "declined plainly" not in run_bot("ask", "--explain", NEAR_MISS).stdout


def test_a_new_question_in_a_thread_is_declined_plainly_as_on_its_own() -> None:
    """Asked after a question it does not lean on, the off-topic question is declined as when asked
    alone: no passage, no word of the earlier question, what the articles are about instead."""
    earlier = "Why did the Hanoi summit fail?"
    replies = run_bot("chat", stdin=f"{earlier}\n{OFF_TOPIC}\n").stdout.split(f"> {OFF_TOPIC}")
    assert len(replies) == 2
    follow_up = _flat(replies[1])
    assert "do not cover that" in follow_up and "/sources lists them" in follow_up
    assert earlier not in follow_up and "closest passages" not in follow_up and "“" not in follow_up
