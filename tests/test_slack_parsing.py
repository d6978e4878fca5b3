"""What the Slack front end reads out of command and message text."""

from __future__ import annotations

from bot import command_table
from bot.frontends.slack_app import SeenEvents
from bot.frontends.slack_listeners import question_of, split_private


def test_private_is_a_first_or_last_word_only() -> None:
    assert split_private("private Why did Hanoi fail?") == ("Why did Hanoi fail?", True)
    assert split_private("Why did Hanoi fail? PRIVATE") == ("Why did Hanoi fail?", True)
    assert split_private("What was said in the private meeting?") == ("What was said in the private meeting?", False)
    assert split_private("  ") == ("", False)


def test_slack_escaping_and_mentions_are_taken_out_of_questions() -> None:
    assert question_of("<@UBOT> Did Q&amp;A &lt;really&gt; happen?") == "Did Q&A <really> happen?"
    assert question_of("<@UBOT|talksbot>   why?") == "why?"


def test_timeline_arguments() -> None:
    """Typed `/timeline` text (Slack, terminal) fills the same options Discord's box does."""
    timeline = command_table.named("timeline", "slack")
    assert timeline is not None
    assert timeline.values_from_text("hanoi summit 2019-01-01 2019-03-01") == {"topic": "hanoi summit", "from": "2019-01-01", "to": "2019-03-01"}
    assert timeline.values_from_text("") == {}
    # Written like a date but none: still a bound, so the option's check says it is not a date.
    assert timeline.values_from_text("hanoi 2019-13") == {"topic": "hanoi", "from": "2019-13", "to": "2019-13"}
    assert timeline.values_from_text("talks 2019 2018-06 2019-02") == {"topic": "talks 2019", "from": "2018-06", "to": "2019-02"}
    assert timeline.values_from_text("2018") == {"from": "2018", "to": "2018"}  # one date is that whole year


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
