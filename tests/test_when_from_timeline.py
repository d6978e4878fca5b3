"""A when-question about something the articles report without writing its date ("So Rex Tillerson
is gone.") is answered by the sentence when the timeline dates it to its article's date, the date
every quote shows: /timeline listed the event while the same question asked was declined."""

from __future__ import annotations

import json
from pathlib import Path

from bot.answers import answer
from bot.knowledge.store import KnowledgeStore
from tests.cli_helpers import run_bot
from tests.conftest import write_article

GONE = "So Rex Tillerson is gone."


def test_a_when_question_is_answered_as_the_timeline_dates_its_event() -> None:
    events = json.loads(run_bot("timeline", "--json").stdout)["events"]
    [listed] = [event for event in events if any(GONE in quote["text"] for quote in event["quotes"])]
    data = json.loads(run_bot("ask", "--json", "when did tillerson leave?").stdout)
    assert data["answered"], data.get("message")
    first = data["quotes"][0]
    assert GONE in first["text"]
    assert listed["date"].startswith(first["article"]["published"])  # the date the reply shows is the event's


def _folder(tmp_path: Path, event_date: str) -> KnowledgeStore:
    body = """
        The Orsk dam talks went on without their chief negotiator. So Marta Kell is leaving the talks.

        Her deputy, Tomas Vrann, now leads the delegation to the dam talks in Orsk.
        """
    write_article(tmp_path, "herald-kell", body, published="2019-03-01", title="The Orsk dam talks lose their negotiator")
    write_article(tmp_path, "daily-dam", "The Orsk dam opened on 4 May 2018 after years of delay and cost overruns.", published="2019-03-02")
    entry = f'events:\n  - date: "{event_date}"\n    title: Marta Kell leaves the Orsk dam talks\n    quotes:\n      - article: herald-kell\n        text: "So Marta Kell is leaving the talks."\n'
    (tmp_path / "timeline.yaml").write_text(entry, encoding="utf-8")
    return KnowledgeStore(tmp_path)


def test_the_timeline_answers_when_only_with_the_date_the_quote_shows(tmp_path: Path) -> None:
    question = "when did marta kell leave the orsk dam talks?"
    same_day = answer(_folder(tmp_path / "same", "2019-03-01").current, question)
    assert same_day.answered and "Marta Kell is leaving" in same_day.quotes[0].text
    # Dated by a maintainer to another month than its article's: the reply would show a date the event never had.
    other_month = answer(_folder(tmp_path / "other", "2019-01").current, question)
    assert not other_month.answered
