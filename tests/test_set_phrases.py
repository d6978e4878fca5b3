"""A message that is only a set phrase ("of course", "no way") asks nothing of the articles."""

from __future__ import annotations

from bot import messages
from bot.search.normalise import without_set_phrases, words
from tests.cli_helpers import run_bot

SET_PHRASES_ALONE = ("of course", "for sure", "In fact.", "No way!")


def test_a_set_phrase_alone_is_small_talk_and_never_a_follow_ups_earlier_question() -> None:
    """"of course" alone got three quotes that happen to say it, and a following "and why?" was read
    "with your earlier question 'of course'" (walkthrough)."""
    typed = ["why did the hanoi summit fail?", *SET_PHRASES_ALONE, "and why?"]
    chatted = run_bot("chat", stdin="\n".join(typed) + "\n")
    assert chatted.returncode == 0, chatted.stderr
    replies = {reply.split("\n", 1)[0]: reply.split("\n", 1)[1].strip() for reply in chatted.stdout.split("\n> ")[1:]}
    for phrase in SET_PHRASES_ALONE:
        assert replies[phrase] == messages.SMALL_TALK_ABOUT, replies[phrase]
    follow_up = replies["and why?"]
    assert "of course" not in follow_up.casefold() and "no way" not in follow_up.casefold(), follow_up
    assert "why did the hanoi summit fail?" in follow_up.casefold(), follow_up  # the question it leans on


def test_a_set_phrase_inside_a_question_is_its_phrasing() -> None:
    chatted = run_bot("chat", stdin="of course, but why did the hanoi summit fail?\nno way trump said that about kim?\n")
    assert chatted.returncode == 0, chatted.stderr
    assert messages.SMALL_TALK_ABOUT not in chatted.stdout, chatted.stdout
    assert words("of course, but why?") != without_set_phrases(words("of course, but why?")) == ["but", "why"]
