"""A found event's title is a headline, who did what, never a clipped fragment: the rules of
bot/timeline/titles.py for the fragments tools/title_fragments.py counts (issue 13), each on a
made-up sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.models import Span
from bot.timeline.found import find_mentions
from bot.timeline.grammar import Role

PUBLISHED = dt.date(2019, 3, 15)


def titles(text: str) -> list[str]:
    return [m.title for m in find_mentions("a", text, PUBLISHED, [Span(0, len(text))]) if m.role is Role.EVENT]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The verdict came on 2 March.", "The verdict"),
        ("The council's final vote on the budget, delayed twice, took place on 2 March.", "The council's final vote on the budget"),
        ("The hearing was held on 2 March.", "The hearing"),
        # Counted from another event: the subject is this one ("came two days after …").
        ("The union rejected the offer on 2 March. The vote came two days later.", "The vote"),
        # A bare noun's "when" clause tells what happened then; a subject that names it fully stays.
        ("The breakthrough came on 2 March, when the union accepted the offer.", "The union accepted the offer"),
        ("The first test of the new engine, of the B-2 type, took place on 2 March, when a truck fitted with it drove 500 km.", "The first test of the new engine"),
    ],
)
def test_a_verb_that_only_places_its_subject_in_time_leaves_the_subject_as_the_event(text: str, title: str) -> None:
    """"The vote came", "The hearing was held": the verb says when, not what; the event is the subject."""
    assert titles(text)[-1] == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Anna Berg came on 2 March.", "Anna Berg came"),  # a person who came: the deed is hers
        ("The mayor took office on 2 March.", "The mayor took office"),  # "took" without "place"
        ("The council held a hearing on 2 March.", "The council held a hearing"),  # active: an object follows
    ],
)
def test_a_deed_with_a_named_doer_or_an_object_keeps_its_verb(text: str, title: str) -> None:
    assert titles(text) == [title]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("I believe the strike ended on 2 March.", "The strike ended"),
        ("We think the mayor resigned on 2 March.", "The mayor resigned"),
    ],
)
def test_a_speaker_s_belief_is_titled_by_the_clause_believed(text: str, title: str) -> None:
    assert titles(text) == [title]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An object clause without "that", cut off at its verb or at a quotation mark.
        ("On 2 March, a spokesman for the union said the strike was “over for now”.", "A spokesman for the union said the strike was over for now"),
        ('Speaking on 2 March, the mayor said there was "no doubt" that the bridge would open.', "The mayor said there was no doubt that the bridge would open"),
        # Too long, the saying's own phrases go before what was said does.
        (
            "The mayor told the visiting envoys during their long tour of the northern provinces on 2 March that she hoped to open the bridge within a year.",
            "The mayor told the visiting envoys that she hoped to open the bridge…",
        ),
        # A quotation is what was said, after a colon or before the sayer.
        ('Speaking to reporters on 2 March, the mayor said: "Nobody wins a strike like this one."', "The mayor said nobody wins a strike like this one"),
        ('"The strike is over for this year," the mayor said on 2 March.', "The mayor said the strike is over for this year"),
    ],
)
def test_a_verb_of_saying_takes_what_was_said(text: str, title: str) -> None:
    """"said the union", "said there", "The mayor said": a saying cut off before what it says is no headline."""
    assert titles(text) == [title]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # "but said …" is another conjunct, not what "warned" says.
        ("The envoy warned the union against further strikes on 2 March but said the city was ready to talk.", "The envoy warned the union against further strikes"),
        # A quotation in the first person would read as the title's own words out of its marks,
        # and a question is no statement.
        ('"I would be very, very disappointed," the mayor told reporters on 2 March.', "The mayor told reporters"),
        ('"Is the strike over for good?" the mayor asked on 2 March.', "The mayor asked"),
    ],
)
def test_what_was_said_is_taken_only_where_it_can_be_told(text: str, title: str) -> None:
    assert titles(text) == [title]


def test_a_clause_may_end_on_an_adverb_particle() -> None:
    """"was over", "called the vote off": the clause's own last word, no preposition that lost its object."""
    assert titles("The mayor said on 2 March the strike was over.") == ["The mayor said the strike was over"]
    assert titles("The council called the vote off on 2 March.") == ["The council called the vote off"]


def test_that_after_an_aside_stands_for_the_noun_before_the_aside() -> None:
    """"a meeting between A and B, B's chief aide, that had been set for 2 March was called off the
    day before": the meeting was set and called off, not the aide; each date tells its own verb."""
    called_off = "A meeting between the mayor and Anna Berg, the union's chief negotiator, that had been set for 2 March in Oslo was called off by the council the day before, with no reason given."
    assert titles(called_off) == ["A meeting between the mayor and Anna Berg was called off by the council"]
    planned = "The strike ended late last year, and a meeting between the mayor and Anna Berg, the union's chief negotiator, that had been planned for Oslo in November was called off at a day's notice."
    assert titles(planned) == ["The strike ended", "A meeting between the mayor and Anna Berg had been planned for Oslo"]
    # "that" opening a clause with its own subject is no relative pronoun: the clause's verbs stay its own.
    said = "The mayor gave a different account, saying on the radio that she had offered to resign on Monday night and that the council had told her they would talk."
    assert titles(said)[0].startswith("The mayor had offered to resign")


def test_a_long_subject_is_not_cut_inside_between_a_and_b() -> None:
    """"a meeting between the negotiator of the union and the mayor": "between" needs both, so a
    subject too long is cut before "between", not at "and" ("… between the negotiator of the
    union was called off") nor at the "of" inside it."""
    text = "A long-planned meeting between the chief negotiator of the dockworkers' union and the mayor of the northern port city was called off by the council on 2 March."
    assert titles(text) == ["A long-planned meeting was called off by the council"]
