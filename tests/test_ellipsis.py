"""A message leans on the conversation when its grammar leaves out what it is about, never because it is short."""

from __future__ import annotations

import pytest

from bot.search.ellipsis import leans_on_earlier
from bot.search.normalise import words


@pytest.mark.parametrize(
    "message",
    [
        "and Biegun?",  # carries on
        "what about Moon?",
        "how about the Post?",
        "but why?",
        "ok, and when?",  # after an interjection
        "why?",  # names nothing
        "how so?",
        "what happened?",  # the word after "what" is its verb, not a thing it names
        "who won?",
        "when was that?",  # points back
        "what did he say then?",
        "why did that summit fail?",
        "what did they say about it?",
        "who met him?",  # an object pronoun never stands for its own clause's subject
        "what is his role?",
        "who said so?",
        "who was there?",
        "who else?",
        "Biegun?",  # no verb: a bare name or phrase
        "the sanctions relief?",
        "Vox's advice to Trump for the next round?",
    ],
)
def test_an_elliptical_message_leans_on_the_earlier_question(message: str) -> None:
    assert leans_on_earlier(words(message))


@pytest.mark.parametrize(
    "message",
    [
        "who's robert galucci",  # its own verb and its own subject, however short
        "who is Kim Yong Chol",
        "who is Marta Lindqvist?",
        "when was tillerson fired?",
        "what exact day was the singapore summit?",
        "who met kim?",
        "what did Moon say?",
        "What did Trump tell the Washington Post about his gut?",  # "his" has its antecedent here
        "who said that the envoy resigned?",  # "that" only links a clause
        "what was the deal that the envoy offered?",
        "tell me about the envoy",  # a request is a clause of its own
        "",
        "hello",
    ],
)
def test_a_question_of_its_own_stands_alone(message: str) -> None:
    assert not leans_on_earlier(words(message))
