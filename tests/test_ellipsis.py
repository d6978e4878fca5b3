"""A message leans on the conversation when its grammar leaves out what it is about, never because it is short."""

from __future__ import annotations

import pytest

from bot.search.ellipsis import (
    another_subject,
    asked_again,
    asked_anew,
    leans_on_earlier,
    personal_pronoun_pointing_back,
    with_another_subject,
    with_the_earlier_person,
    with_the_earlier_subject,
)
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
        "is it true?",  # "it" stands for what was said before
        "did it work?",
        "is it about the sanctions?",
        "who negotiated it",  # the verb after "who" names nothing "it" could stand for
        "what did she say",
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
        "is it true that kim lied?",  # "it" holds the place of a clause with its own subject and verb
        "was it hard to agree on sanctions relief?",
        "why is it that the talks failed?",
        "",
        "hello",
    ],
)
def test_a_question_of_its_own_stands_alone(message: str) -> None:
    assert not leans_on_earlier(words(message))


@pytest.mark.parametrize(
    ("follow_up", "earlier", "asked"),
    [
        ("and why?", "When did the Hanoi summit collapse?", "why did the Hanoi summit collapse?"),
        ("ok, when?", "Why did the envoy resign?", "when did the envoy resign?"),
        ("but where?", "How was the deal signed?", "where was the deal signed?"),
        ("and why?", "Who was the envoy's choice for the post?", "why was the envoy's choice for the post?"),
    ],
)
def test_a_follow_up_of_one_question_word_asks_the_earlier_question_with_it(follow_up: str, earlier: str, asked: str) -> None:
    assert asked_anew(words(follow_up), earlier) == asked


@pytest.mark.parametrize(
    ("follow_up", "earlier"),
    [
        ("and why?", "Why did the Hanoi summit collapse?"),  # the same question again
        ("and why?", "who met Kim?"),  # "who" is the clause's subject: no clause is left to ask why of
        ("and who?", "When did the envoy resign?"),  # "who" needs a gap in the clause
        ("why did he go?", "When did the envoy resign?"),  # asks more than a question word
        ("and why?", "tell me about the envoy"),
    ],
)
def test_no_question_is_made_up_when_the_grammar_does_not_give_one(follow_up: str, earlier: str) -> None:
    assert asked_anew(words(follow_up), earlier) is None


@pytest.mark.parametrize(
    ("follow_up", "earlier", "again"),
    [
        ("and why?", "Why did the Hanoi summit collapse?", True),
        ("hmm, why?", "why did it fail", True),
        ("who?", "Who met Kim?", True),
        ("and when?", "Why did the Hanoi summit collapse?", False),  # a new question word: asked_anew
        ("why not?", "Why did the envoy resign?", False),  # asks more than the word
        ("and why?", "tell me why the envoy resigned", False),
        ("and how?", "How long did the Hanoi summit last?", False),  # "how long" is another question word
        ("what?", "What deal did they sign?", False),
        ("and how?", "How did the talks end?", True),
    ],
)
def test_a_follow_up_of_the_earlier_question_s_own_word_asks_it_again(follow_up: str, earlier: str, again: bool) -> None:
    assert asked_again(words(follow_up), earlier) is again


@pytest.mark.parametrize(
    ("message", "points_back"),
    [
        ("what did he pull off back in the nineties", True),
        ("who negotiated it", True),
        ("well, what did she say?", True),
        ("did they sign anything?", True),
        ("who met him?", True),
        ("did Kim say he would denuclearise?", False),  # "he" can stand for Kim, named before it
        ("what did Trump say about his gut?", False),  # a possessive, and Trump is named
        ("is it true that kim lied?", False),  # a placeholder "it"
        ("what is his role?", False),  # a possessive: leans on the conversation, but no person pronoun
        ("when did the summit end?", False),
    ],
)
def test_a_person_or_thing_pronoun_points_back_unless_the_question_names_what_it_stands_for(message: str, points_back: bool) -> None:
    assert personal_pronoun_pointing_back(words(message)) is points_back


@pytest.mark.parametrize(
    ("follow_up", "earlier", "asked"),
    [
        ("what did he pull off back in the nineties", "who's robert galucci", "what did robert galucci pull off back in the nineties"),
        ("who negotiated it", "whats the agreed framework", "who negotiated the agreed framework"),
        ("and what did she say?", "Who is Jenny Town?", "what did jenny town say"),
        ("when did they meet?", "who are the envoys", "when did the envoys meet"),
        ("why did he resign?", "When did the envoy resign?", None),  # the earlier question asks more than who or what
        ("who negotiated it", "who is Jenny Town?", None),  # "it" cannot stand for a person
        ("what did she say", "what is the agreed framework", None),  # nor "she" for a thing
        ("what did she say", "who was fired by Trump?", None),  # a clause, not a subject
        ("did Kim say he would denuclearise?", "who is Jenny Town?", None),  # "he" is Kim
        ("what did they agree in Singapore?", "who is Jenny Town?", None),  # "they" is not one person
        # A subject's last word or a word of it that could open a clause does not make it one.
        ("what did he say", "who is xi jinping", "what did xi jinping say"),
        ("who attended it", "what was the Hanoi meeting", "who attended the hanoi meeting"),
        ("what did he say", "who is the envoy to pyongyang", "what did the envoy to pyongyang say"),
        ("who proposed it", "what is the road to denuclearization", "who proposed the road to denuclearization"),
    ],
)
def test_a_pronoun_is_read_as_the_subject_the_earlier_question_asked_about(follow_up: str, earlier: str, asked: str | None) -> None:
    assert with_the_earlier_subject(words(follow_up), earlier) == asked


@pytest.mark.parametrize(
    ("follow_up", "thing"),
    [
        ("and trump?", "trump"),
        ("what about the north koreans?", "the north koreans"),
        ("and north korea too?", "north korea"),  # "too" says it is asked of as well; it is no part of it
        ("and kim also?", "kim"),
        ("and what about china?", "china"),  # the walkthrough's: read as a new question from every outlet
        ("so how about the sanctions?", "the sanctions"),
        ("and why?", None),  # a clause
        ("and that?", None),  # points back
        ("and too?", None),
    ],
)
def test_a_follow_up_carrying_on_with_only_a_thing_names_that_thing(follow_up: str, thing: str | None) -> None:
    assert another_subject(words(follow_up)) == thing


@pytest.mark.parametrize(
    ("earlier", "thing", "asked"),
    [
        ("how old is kim jong un", "trump", "how old is trump"),
        ("who is xi jinping", "trump", "who is trump"),  # "-ing" ending a name makes no clause
        ("whats the agreed framework", "the singapore statement", "what is the singapore statement"),
        # A subject holding a preposition is more than a name: swapping all of it changes the question.
        ("who is the leader of north korea", "south korea", None),
        ("what is the capital of north korea", "south korea", None),
        ("who is trumps choice to replace tillerson", "biegun", None),
        # A past participle ends a passive clause, regular or irregular.
        ("when was tillerson fired", "trump", None),
        ("where was the summit held", "hanoi", None),
        ("what was said in hanoi", "singapore", None),
        ("why did the talks fail?", "hanoi", None),  # no subject after "be" ends it
    ],
)
def test_another_thing_stands_in_only_for_a_subject_named_as_a_whole(earlier: str, thing: str, asked: str | None) -> None:
    assert with_another_subject(thing, earlier) == asked


@pytest.mark.parametrize(
    ("earlier", "thing", "asked"),
    [
        ("how old is Ahmed?", "trump", "how old is trump"),
        ("who is Ted?", "kim", "who is kim"),
        ("what is the Fed", "the treasury", "what is the treasury"),  # "fed" is a participle too
        ("When was Tillerson fired?", "pompeo", None),  # a capitalised subject leaves "fired" a verb
        ("where was the summit held", "hanoi", None),
        # Capitals on every word tell nothing of names: "fired", "held" stay participles.
        ("WHEN WAS TILLERSON FIRED?", "mattis", None),
        ("When Was Tillerson Fired?", "mattis", None),
        ("WHERE WAS THE SUMMIT HELD", "hanoi", None),
    ],
)
def test_a_name_written_with_a_capital_is_a_subject_not_a_verb_form(earlier: str, thing: str, asked: str | None) -> None:
    """Names ending like a past participle (Ahmed, Ted, the Fed) were read as a passive clause's
    verb, so "and trump?" after "how old is Ahmed?" was not asked of Trump. A word written with a
    capital inside a question is a name, whatever it ends in."""
    assert with_another_subject(thing, earlier) == asked


@pytest.mark.parametrize(
    ("follow_up", "earlier", "asked"),
    [
        ("what did he say", "who is Ted Cruz?", "what did ted cruz say"),
        ("and what did he say?", "Who is Ahmed?", "what did ahmed say"),
        ("what did she say", "who was fired by Trump?", None),  # "fired" is written as a verb
        ("what did he say", "WHO WAS FIRED BY TRUMP?", None),  # all capitals: no word marked a name
        ("what did they say", "Who Were Arrested?", None),
        ("what did he say", "Who Was Fired By Trump?", None),
        ("what is it", "What Is Happening?", None),
    ],
)
def test_a_pronoun_stands_for_a_name_that_ends_like_a_participle(follow_up: str, earlier: str, asked: str | None) -> None:
    assert with_the_earlier_subject(words(follow_up), earlier) == asked


def test_a_word_of_a_name_the_articles_give_is_a_name_in_lower_case_too() -> None:
    known = frozenset({"ted", "marlow"})
    assert with_the_earlier_subject(words("what did he say"), "who is ted marlow", known) == "what did ted marlow say"
    assert with_the_earlier_subject(words("what did he say"), "who is ted marlow") is None  # "ted" read as a participle
    assert with_another_subject("vosk", "how old is ted", known) == "how old is vosk"
    assert with_another_subject("hanoi", "where was the summit held", known) is None


@pytest.mark.parametrize(
    ("follow_up", "earlier", "asked"),
    [
        ("what did he say about it?", "Why did Trump walk out in Hanoi?", "what did trump say about it"),
        ("and what did she say?", "Was Tillerson fired?", "what did tillerson say"),
        ("what did he say", "What did Kim Jong Un promise in Singapore?", "what did kim jong un say"),  # a place is no one
        ("what did he say", "How many times did Moon Jae-in go to Pyongyang?", "what did moon jae in say"),
        ("what did he say", "How many times did Moon Jae-in meet Mr. Pence?", None),  # two people: "he" may be either
        ("when did he leave?", "Why did Trump fire Tillerson?", None),
        ("what did Kim tell him", "Why did Trump walk out?", "what did kim tell trump"),
        ("what did he say", "why did trump walk out", None),  # in lower case, no word is marked a name…
        ("what did he say", "Who did Trump pick to replace Tillerson?", None),  # "he" may be the one asked for
        ("what did he say", "Why did Trump's team leave?", None),  # a possessive: the team is the subject
        ("what did he say", "Did Kim and Trump meet?", None),  # two people
        ("what did he say", "Did North Korea agree?", None),  # a place is no "he"
        ("what did he say", "Why did the talks fail?", None),  # no one named
        ("what did it say", "Why did Trump walk out?", None),  # "it" is no person
        ("did Kim say he would go", "Why did Trump walk out?", None),  # the follow-up names its own "he"
    ],
)
def test_he_or_she_stands_for_the_person_the_earlier_question_is_about(follow_up: str, earlier: str, asked: str | None) -> None:
    assert with_the_earlier_person(words(follow_up), earlier) == asked


def test_a_name_the_articles_give_is_the_earlier_subject_in_lower_case_too() -> None:
    """…but a word of a name the articles give is a name however it is typed."""
    assert with_the_earlier_person(words("what did he say"), "why did trump walk out", frozenset({"trump"})) == "what did trump say"
