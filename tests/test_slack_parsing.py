"""What the Slack front end reads out of command and message text."""

from __future__ import annotations

import datetime as dt

from bot.frontends.slack_app import SeenEvents
from bot.frontends.slack_listeners import parse_timeline, question_of, split_private
from bot.render.slack_render import TimelinePage


def test_private_is_a_first_or_last_word_only() -> None:
    assert split_private("private Why did Hanoi fail?") == ("Why did Hanoi fail?", True)
    assert split_private("Why did Hanoi fail? PRIVATE") == ("Why did Hanoi fail?", True)
    assert split_private("What was said in the private meeting?") == ("What was said in the private meeting?", False)
    assert split_private("  ") == ("", False)


def test_slack_escaping_and_mentions_are_taken_out_of_questions() -> None:
    assert question_of("<@UBOT> Did Q&amp;A &lt;really&gt; happen?") == "Did Q&A <really> happen?"
    assert question_of("<@UBOT|talksbot>   why?") == "why?"


def test_timeline_arguments() -> None:
    assert parse_timeline("hanoi summit 2019-01-01 2019-03-01") == TimelinePage(
        0, "hanoi summit", dt.date(2019, 1, 1), dt.date(2019, 3, 1)
    )
    assert parse_timeline("") == TimelinePage()
    assert parse_timeline("2019-02-30") == TimelinePage(0, "2019-02-30")  # not a date: part of the topic
    # Months cover their whole span; a bare year stays a topic word.
    assert parse_timeline("talks 2019 2018-06 2019-02") == TimelinePage(0, "talks 2019", dt.date(2018, 6, 1), dt.date(2019, 2, 28))


def test_seen_events_forget_the_oldest() -> None:
    seen = SeenEvents(size=2)
    assert seen.first_time("a") and seen.first_time("b") and not seen.first_time("a")
    assert seen.first_time("c") and seen.first_time("a")  # "a" was forgotten to keep the set bounded


def test_channels_groups_and_broadcasts_are_taken_out_of_questions() -> None:
    text = "<!here> Why did <#C024BE7LR|secret> <!subteam^S0123|@oncall> <!channel> hear of Hanoi on <!date^1551312000^{date}|Feb 28, 2019>?"
    assert question_of(text) == "Why did hear of Hanoi on Feb 28, 2019?"
    assert split_private("<#C024BE7LR> private <!everyone|everyone> Why did Hanoi fail?") == ("Why did Hanoi fail?", True)
    # Typed by the user as text (Slack escapes it), not markup: kept as the words they wrote.
    assert question_of("Was &lt;!here&gt; used?") == "Was <!here> used?"
