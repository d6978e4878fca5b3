"""Dated mentions: each form resolved against a publication date, and the non-dates left alone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.knowledge.models import Span
from bot.timeline.found import find_mentions
from bot.timeline.grammar import Role
from bot.timeline.sentence_memo import SentenceMemo
from bot.timeline.models import EventDate
from tests.conftest import FIXTURE_KNOWLEDGE, fast_and_full_date_scans_agree

PUBLISHED = dt.date(2019, 2, 28)  # a Thursday, like the WIRED and Vox articles


def found(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, bool]]:
    """(phrase, resolved date, approximate) for every mention in one sentence of text."""
    mentions = find_mentions("a", text, published, [Span(0, len(text))])
    return [(text[m.phrase.start : m.phrase.end], m.date.iso(), m.resolved.approximate) for m in mentions]


@pytest.mark.parametrize(
    ("text", "phrase", "date", "approximate"),
    [
        ("They met on February 28, 2019, in Hanoi.", "February 28, 2019", "2019-02-28", False),
        ("It began on 12 June 2018 in Singapore.", "12 June 2018", "2018-06-12", False),
        ("The 1994 Agreed Framework held.", "1994", "1994", False),
        ("The talks began in June 2018.", "June 2018", "2018-06", False),
        ("The summit on June 12 was brief.", "June 12", "2018-06-12", False),
        ("He met Kim last June to start talks.", "last June", "2018-06", False),
        ("In an interview last November, he said so.", "last November", "2018-11", False),
        ("He met Kim in Singapore last summer.", "last summer", "2018", True),
        ("He was appointed six months ago.", "six months ago", "2018-08", True),
        ("That came only in the last three weeks.", "in the last three weeks", "2019-02", True),
        ("No missile has flown in over a year.", "over a year", "2018", True),
        ("The calm of the last eight months holds.", "the last eight months", "2018-06", True),
        ("Talks collapsed Thursday, as expected.", "Thursday", "2019-02-28", False),
        ("It hit a roadblock early Wednesday morning.", "early Wednesday morning", "2019-02-27", False),
        ("They spoke last Thursday.", "last Thursday", "2019-02-21", False),
        ("Sanctions tightened last year.", "last year", "2018", False),
        ("Prices rose last month.", "last month", "2019-01", False),
        ("A deal may come next May.", "next May", "2019-05", True),
        # Day first, with and without a year or an ordinal.
        ("The vote was held on 27 April.", "27 April", "2018-04-27", False),
        ("Talks resumed on 5 October 2017 in Geneva.", "5 October 2017", "2017-10-05", False),
        ("The fleet sailed on the 3rd of January.", "3rd of January", "2019-01-03", False),
        ("It rained on Jan. 9.", "Jan. 9", "2019-01-09", False),
        ("A ceasefire began Sept. 12, 2017.", "Sept. 12, 2017", "2017-09-12", False),
        # All in numbers: dots day first; slashes only where one number is over 12, so either order is sure.
        ("The ferry sank on 24.04.2017 off the coast.", "24.04.2017", "2017-04-24", False),
        ("The ferry sank on 3.11.2017 off the coast.", "3.11.2017", "2017-11-03", False),
        ("The ferry sank on 6/30/2017 off the coast.", "6/30/2017", "2017-06-30", False),
        ("The ferry sank on 30/6/2017 off the coast.", "30/6/2017", "2017-06-30", False),
        # A day whose year is named from publication; a day so many years ago today.
        ("The dam opened on April 27 of last year.", "April 27 of last year", "2018-04-27", False),
        # A leap day without a year: the last one before publication, not none.
        ("The ferry sank on 29 February off the coast.", "29 February", "2016-02-29", False),
        ("The ferry sank on Feb. 29 off the coast.", "Feb. 29", "2016-02-29", False),
        ("The fair ran on Feb. 11 and 12 last year.", "Feb. 11 and 12 last year", "2018-02-11", False),
        ("She took office three years ago today.", "three years ago today", "2016-02-28", False),
        ("Talks were held in February last year.", "in February last year", "2018-02", False),
        # Spans of years.
        ("Crews cleared 208 mines between 1990 and 1994.", "1990 and 1994", "1990", False),
        # Parts of months and years.
        ("Envoys met in mid-October.", "mid-October", "2018-10", True),
        ("The plant closed late last year.", "late last year", "2018", True),
        # The end of a year is its last month: a deadline "until the end of the year" is December.
        ("Repairs will be done by the end of the year.", "the end of the year", "2019-12", True),
        ("The plant closed at the end of 2017.", "the end of 2017", "2017-12", True),
        ("Exports fell early this year.", "early this year", "2019", True),
        ("Inflation peaked in early 2017.", "early 2017", "2017", True),
        ("The pact was signed at the end of June.", "of June", "2018-06", True),
        # Spans of days.
        ("The forum ran on February 11-13, 2019.", "February 11-13, 2019", "2019-02-11", False),
        ("The forum ran from 11 to 13 February.", "11 to 13 February", "2019-02-11", False),
        ("The forum ran on January 30-February 2.", "January 30-February 2", "2019-01-30", False),
        ("The envoy flew in over the weekend of Dec. 30 to Jan. 2, 2019.", "Dec. 30 to Jan. 2, 2019", "2018-12-30", False),
        # A plan after publication.
        ("They will return in two weeks.", "in two weeks", "2019-03", True),
        ("Leaders meet again next week.", "next week", "2019-03", True),
    ],
)
def test_each_form_resolves_against_publication(text: str, phrase: str, date: str, approximate: bool) -> None:
    assert found(text) == [(phrase, date, approximate)]


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("An interview last November.", dt.date(2019, 1, 10), "2018-11"),
        ("An interview last January.", dt.date(2019, 1, 10), "2018-01"),  # "last" is never this month
        ("A meeting last December.", dt.date(2019, 1, 2), "2018-12"),
        ("It happened on Friday.", dt.date(2019, 1, 2), "2018-12-28"),  # a Wednesday, looking back past New Year
        ("It happened three weeks ago.", dt.date(2019, 1, 10), "2018-12-20"),  # weeks counted in days, as "two weeks later"
        ("It happened a week ago.", dt.date(2019, 1, 10), "2019-01-03"),
        ("It happened over a week ago.", dt.date(2019, 1, 10), "2019-01"),  # hedged: about then
        ("He left two months ago.", dt.date(2019, 1, 10), "2018-11"),
        ("Talks moved last summer.", dt.date(2018, 9, 15), "2018"),
        ("Tensions grew last winter.", dt.date(2019, 1, 10), "2018"),  # winter 2017-18 (mostly 2018) ended before publication
        ("The plan from December 30 held.", dt.date(2019, 1, 2), "2018-12-30"),
        ("Talks resumed in the last three weeks.", dt.date(2019, 1, 10), "2018-12"),
    ],
)
def test_relative_dates_cross_the_turn_of_a_year(text: str, published: dt.date, date: str) -> None:
    assert [d for _, d, _ in found(text, published)] == [date]


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # A Friday: this week's Tuesday is "Tuesday"; "last Tuesday" is the week before's.
        ("The envoy resigned on Tuesday.", dt.date(2021, 3, 12), "2021-03-09"),
        ("The envoy resigned last Tuesday.", dt.date(2021, 3, 12), "2021-03-02"),
        # A Sunday opens a week: "last Tuesday" is the Tuesday of the week just ended.
        ("The envoy resigned last Tuesday.", dt.date(2021, 3, 14), "2021-03-09"),
        # The day of publication itself: a week back.
        ("The envoy resigned last Friday.", dt.date(2021, 3, 12), "2021-03-05"),
        # Across New Year (a Thursday: the week before ran from Sunday, December 27).
        ("The envoy resigned last Monday.", dt.date(2021, 1, 7), "2020-12-28"),
    ],
)
def test_last_weekday_is_that_day_of_the_week_before_publication_s(text: str, published: dt.date, date: str) -> None:
    assert [d for _, d, _ in found(text, published)] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Kim may have escalated tensions.",
        "Talks are set to resume.",
        "Their second summit came to nothing.",
        "Only one working-level meeting took place.",
        "It cost 2,000 dollars and 38 North saw it.",
        "A two-hour meeting, step by step, over 1,500 miles.",
        "The march to talks was long; may it end well.",
        "He spent $2019 on it.",
        "The Korean War of the 1950s.",
        "It happened on February 30, 2019.",
        "The ferry sank on 6/11/2017, one way or the other.",  # June 11 in the US, 6 November elsewhere
        "The ferry sank on 31.13.2017.",
        "It scored 1.2.2017.5 points.",
    ],
)
def test_non_dates_produce_nothing(text: str) -> None:
    assert found(text) == []


def test_a_counted_date_carries_its_year_on_through_its_paragraph() -> None:
    """"Less than four weeks later" than August 8, 2017: "on 3 September" and "19 September" after
    it are in 2017."""
    text = "The year 2017 set the tone. On August 8, the envoy warned the council.\n\nLess than four weeks later, on 3 September, the council voted. The envoy resigned on 19 September."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.(?!\s*\d)", text)]
    mentions = find_mentions("a", text, dt.date(2020, 1, 20), sentences)
    dated = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in mentions}
    assert (dated["August 8"], dated["3 September"], dated["19 September"]) == ("2017-08-08", "2017-09-03", "2017-09-19")


def test_a_counted_date_counts_from_the_last_event_date_not_from_a_span() -> None:
    """"since August 2016" bounds a span: "three days after the opening" counts from 4 May."""
    text = "The plant reopened on 4 May. It was its first opening since August 2016.\n\nThree days after the opening, the board met."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    mentions = find_mentions("a", text, dt.date(2018, 6, 1), sentences)
    assert [(text[m.phrase.start : m.phrase.end], m.date.iso()) for m in mentions][-1] == ("Three days after", "2018-05-07")


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # Counted from the date in the same sentence, or the sentence before.
        ("The ship sank on 4 May. Divers reached it three days later.", ["2018-05-04", "2018-05-07"]),
        ("The ship sank on 4 May. The crew had been warned the day before.", ["2018-05-04", "2018-05-03"]),
        # A part of the day before or after is that day: "the night before", "the morning after".
        ("The ship sank on 4 May. The crew had been warned the night before.", ["2018-05-04", "2018-05-03"]),
        ("The ship sank on 4 May. The mayor resigned the morning after.", ["2018-05-04", "2018-05-05"]),
        ("Rescuers arrived two days after the sinking on 4 May.", ["2018-05-06", "2018-05-04"]),
        ("The ship sank on 4 May. The next day, the port closed.", ["2018-05-04", "2018-05-05"]),
        ("The ship sank on 4 May. The port closed that day.", ["2018-05-04", "2018-05-04"]),
        # "that same day" is "the same day", and the story moves on from it.
        ("The ship sank on 4 May. That same day, the port closed.", ["2018-05-04", "2018-05-04"]),
        ("The ship sank on 4 May. Divers reached it that same morning.", ["2018-05-04", "2018-05-04"]),
        ("The ship sank on 4 May. Divers reached it the same evening.", ["2018-05-04", "2018-05-04"]),
        ("The ship sank on 4 May. The port closed the same afternoon.", ["2018-05-04", "2018-05-04"]),
        ("The ship sank on 4 May. The owners responded within hours.", ["2018-05-04", "2018-05-04"]),
        ("The ship sank on 4 May. The owners issued a statement afterwards.", ["2018-05-04", "2018-05-04"]),
        ("The port closed in March. A week later the strike ended.", ["2018-03", "2018-03"]),
        ("The ship sank on 4 May. Divers were sent six minutes after the sinking.", ["2018-05-04", "2018-05-04"]),
        ("The ship sank on 4 May. Hours after it sank, the owners apologised.", ["2018-05-04", "2018-05-04"]),
        # After a span of days, counted from its last day; "the second day" is a day of it.
        ("The talks ran on 4-5 May. Two days later the envoy left.", ["2018-05-04", "2018-05-07"]),
        ("The talks ran on 4-5 May. They collapsed on the second day.", ["2018-05-04", "2018-05-05"]),
        # A day counted from a year is no day.
        ("The port was built in 2016. The next day, the crew left.", ["2016"]),
        # "X on Wednesday, the day after Y happened" dates Y the day before; a noun alone is no event.
        ("The plant reopened on Wednesday, the day after the regulator approved it.", ["2018-05-30", "2018-05-29"]),
        ("Talks were held from 6 to 8 May, three weeks before the summit.", ["2018-05-06"]),
        ("The ships met on 30 May, arranged after the admiral proposed it the day before.", ["2018-05-30", "2018-05-29"]),
        # The story moves on to a date counted forward: "that report" is the day after 4 May…
        ("The envoy arrived on 4 May and reported the next day. Two days after that report, the board met.", ["2018-05-04", "2018-05-05", "2018-05-07"]),
        # …but not to one counted back, which dates a look back ("the day after the mayor resigned").
        ("On Wednesday, the day after the mayor resigned, the dam failed. Two days after the failure, the inquiry opened.", ["2018-05-30", "2018-05-29", "2018-06-01"]),
        # "the following year" names the calendar year after the date it counts from.
        ("The treaty was signed on 2 October 2007. It lapsed the following year.", ["2007-10-02", "2008"]),
        # A count from a deed its own clause dates counts from that date, however far along it…
        ("The inquiry opened 12 days after the ferry struck the rocks off the northern cape on 4 May.", ["2018-05-16", "2018-05-04"]),
        # …but not from a bound ("since 2016") or a date past a comma.
        ("The inquiry opened on Monday, a day after the ferry struck the rocks in the worst wreck since 2016.", ["2018-05-28", "2018-05-27", "2016"]),
        ("The inquiry opened 12 days after the ferry struck the rocks off the northern cape, on 4 May.", ["2018-05-04"]),
        # Of a sentence's days, the one its clause happened on, not a noun's after "after": a look back.
        ("The board fined the firm on 11 May after the spill on 3 May. Twelve days later the firm paid.", ["2018-05-11", "2018-05-03", "2018-05-23"]),
        # Nothing to count from: no date at all rather than a guess.
        ("Divers reached it three days later.", []),
    ],
)
def test_dates_relative_to_another_date(text: str, dates: list[str]) -> None:
    sentences = [Span(0, text.index(".") + 1), Span(text.index(".") + 2, len(text))] if text.count(".") > 1 else [Span(0, len(text))]
    mentions = find_mentions("a", text, dt.date(2018, 6, 1), sentences)
    assert [m.date.iso() for m in mentions] == dates


def paragraphs_found(text: str, published: dt.date) -> list[tuple[str, str, str]]:
    """(phrase, date, role) of every mention in text, whose sentences end with a full stop before a capital."""
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"\S.*?\.(?=\s+[A-Z]|\s*$)", text, re.DOTALL)]
    return [(text[m.phrase.start : m.phrase.end], m.date.iso(), m.role.value) for m in find_mentions("a", text, published, sentences)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time of day with no day of its own is on the day its paragraph is about…
        (
            "The ferry sank near the cape on Sunday. Divers reached the hull at 7:15 a.m. and found air.",
            [("on Sunday", "2018-05-27", "event"), ("at 7:15 a.m.", "2018-05-27", "event")],
        ),
        # …the first day the paragraph names, not a later one it looks back to…
        (
            "The vote, held on 20 May, followed a hearing on Friday. The mayor spoke in the evening.",
            [("20 May", "2018-05-20", "event"), ("on Friday", "2018-05-25", "event"), ("in the evening", "2018-05-20", "event")],
        ),
        # …else the day the story is about, the lead's, not the last day named before it.
        (
            "The ferry sank near the cape on Sunday.\n\nA similar boat had been inspected a year ago, on 12 May 2017."
            "\n\nIn the afternoon, divers reached the hull.",
            [("on Sunday", "2018-05-27", "event"), ("12 May 2017", "2017-05-12", "event"), ("In the afternoon", "2018-05-27", "event")],
        ),
        # Noon and midnight are times of day as a clock time is.
        (
            "The ferry sank near the cape on Sunday. The owners named the captain shortly before noon.",
            [("on Sunday", "2018-05-27", "event"), ("shortly before noon", "2018-05-27", "event")],
        ),
        # A day in brackets that restate the time in another zone is not the day of the time.
        (
            "The ferry sank near the cape on Sunday. Divers reached the hull at 7:15 a.m. (2215 GMT Saturday) and found air.",
            [("on Sunday", "2018-05-27", "event"), ("at 7:15 a.m.", "2018-05-27", "event")],
        ),
        # A time of a day the sentence names is no second date.
        ("The ferry sank at 3:17 a.m. on Sunday near the cape.", [("on Sunday", "2018-05-27", "event")]),
        ("The ferry sank after midnight on Sunday near the cape.", [("on Sunday", "2018-05-27", "event")]),
        # A dateline gives no day to count from: with nothing else, no date rather than a guess.
        ("OSLO, May 30 (Test Wire) - Divers reached the hull at 7:15 a.m. and found air.", []),
        # A habit in the present tense is no event.
        (
            "The ferry sank near the cape on Sunday. Ferries usually leave in the morning.",
            [("on Sunday", "2018-05-27", "event"), ("in the morning", "2018-05-27", "state")],
        ),
    ],
)
def test_a_time_of_day_is_on_the_day_the_story_is_at(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A paragraph whose dates only describe its people ("the clerk who resigned on Feb. 2")
        # moves the story to no other day: "the next day" goes on from the story's last day…
        (
            "The council adopted the budget on Monday, March 4.\n\nCritics pointed to the case of Anna Berg,"
            " the clerk who resigned on Feb. 2, ten days after the audit began.\n\nThe union followed the next day with a strike.",
            [("March 4", "2019-03-04", "event"), ("Feb. 2", "2019-02-02", "event"), ("ten days after", "2019-01-23", "event"), ("the next day", "2019-03-05", "event")],
        ),
        # …and so does one whose date tells what a thing is ("the statement the two mayors signed …").
        (
            "The mayor spoke to reporters on March 12.\n\nThe pact he praised was the statement the two mayors"
            " signed in Oslo on June 12, 2018.\n\nTwo days earlier, the mayor had met the union.",
            [("March 12", "2019-03-12", "event"), ("June 12, 2018", "2018-06-12", "event"), ("Two days earlier", "2019-03-10", "event")],
        ),
        # A clause of "which" often goes on with the story: its day is where the story is.
        (
            "The council adopted the budget on Monday, March 4.\n\nThe members then requested a hearing,"
            " which was held on March 8. The three members issued a statement afterwards.",
            [("March 4", "2019-03-04", "event"), ("March 8", "2019-03-08", "event"), ("afterwards", "2019-03-08", "event")],
        ),
    ],
)
def test_a_count_goes_on_from_the_story_past_dates_that_describe_a_noun(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2019, 3, 15)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "within hours" after paragraphs of background: the news last told, not a look back in
        # its paragraph to an older day…
        (
            "The treaty, signed by both mayors on Tuesday, opens the bridge. It follows a plan they"
            " agreed on 3 March.\n\nIt was the first such deal.\n\nThe governor replied within hours.",
            [("on Tuesday", "2018-05-29", "event"), ("3 March", "2018-03-03", "event"), ("within hours", "2018-05-29", "event")],
        ),
        # …and "within the hour" alike.
        (
            "The council approved the budget on Friday.\n\nIts terms cut spending by a tenth.\n\n"
            "The mayor welcomed the vote within the hour.",
            [("on Friday", "2018-05-25", "event"), ("within the hour", "2018-05-25", "event")],
        ),
    ],
)
def test_within_hours_counts_from_the_news_last_told(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A definite noun after a counted phrase is the event the article dated: the first such,
        # when none is near, not the last date told before the phrase…
        (
            "Leaders held a summit in Oslo on 12 March.\n\nA report was published on 20 March.\n\n"
            "The minister had resigned the day after the summit.",
            [("12 March", "2018-03-12", "event"), ("20 March", "2018-03-20", "event"), ("the day after", "2018-03-13", "event")],
        ),
        (
            "The rocket was launched on Tuesday.\n\nThe last launch had been on 4 April.\n\nA year ago, the bay froze.\n\n"
            "The navy put out to sea within an hour of the launch.",
            [("on Tuesday", "2018-05-29", "event"), ("4 April", "2018-04-04", "event"), ("A year ago", "2017", "event"), ("within an hour", "2018-05-29", "event")],
        ),
        # …the nearest in its paragraph or the one before, as a reader still has it in mind…
        (
            "The plant failed a test on 2 March.\n\nIt carried out a second test on 3 May. The regulator acted eight days after the test.",
            [("2 March", "2018-03-02", "event"), ("3 May", "2018-05-03", "event"), ("eight days after", "2018-05-11", "event")],
        ),
        # …and in a sentence dated before it, a look back that dates nothing of its own.
        (
            "The generals missed a meeting on 12 May.\n\nThey finally met on 15 May, three days after the missed meeting.",
            [("12 May", "2018-05-12", "event"), ("15 May", "2018-05-15", "event")],
        ),
        # A sentence with no date, whose past event happened at or after an event the article dated.
        (
            "The two leaders met in Oslo on Sunday.\n\nSpeaking to reporters after the meeting, the minister said talks would go on.",
            [("on Sunday", "2018-05-27", "event"), ("after the meeting", "2018-05-27", "event")],
        ),
        (
            "The mayor opened the bridge on 4 May.\n\nAt the ceremony, which drew a crowd, she cut a ribbon.",
            [("4 May", "2018-05-04", "event")],
        ),
        (
            "The mayor opened the bridge on 4 May.\n\nShe had spoken at the opening ceremony and thanked the builders.",
            [("4 May", "2018-05-04", "event")],
        ),
        (
            "The mayor opened the new bridge on 4 May, and a ceremony was held.\n\nAt that ceremony she cut a ribbon.",
            [("4 May", "2018-05-04", "event"), ("At that ceremony", "2018-05-04", "event")],
        ),
        # A clause of time whose subject is the event as it opened or closed ("as the talks began"):
        # what the sentence tells was on that event's day; a clause of another verb is no such frame.
        (
            "The two leaders held talks in Oslo on Sunday.\n\nThe minister told his guest that they were friends as the talks began.",
            [("on Sunday", "2018-05-27", "event"), ("as the talks began", "2018-05-27", "event")],
        ),
        (
            "The two leaders held talks in Oslo on Sunday.\n\nThe minister was hopeful as the talks dragged on.",
            [("on Sunday", "2018-05-27", "event")],
        ),
        # A name before the noun's own word ("the Lyon summit") still points back at an event …
        (
            "The Lyon summit opened on Sunday.\n\nSpeaking to reporters after the Lyon summit, the minister said talks would go on.",
            [("on Sunday", "2018-05-27", "event"), ("after the Lyon summit", "2018-05-27", "event")],
        ),
        # … but a name and then a verb's past form is a body's name and its verb.
        (
            "The White Tower hosted the talks on 4 May.\n\nA guide at the White Tower said the talks went well.",
            [("4 May", "2018-05-04", "event")],
        ),
        # "the same …" is the event just told.
        (
            "The mayor opened the bridge on 4 May and spoke at noon on 6 May.\n\nShe thanked the builders at the same appearance.",
            [("4 May", "2018-05-04", "event"), ("6 May", "2018-05-06", "event"), ("at the same appearance", "2018-05-06", "event")],
        ),
        # "in the same …" too ("In the same speech, …"); "in the …" alone is a place or a time.
        (
            "The mayor spoke to the council on 6 May.\n\nIn the same speech, she thanked the builders.",
            [("6 May", "2018-05-06", "event"), ("In the same speech", "2018-05-06", "event")],
        ),
        ("The mayor spoke to the council on 6 May.\n\nIn the speech, she thanked the builders.", [("6 May", "2018-05-06", "event")]),
        ("The mayor spoke to the council on 6 May.\n\n“We owe them,” she said in the same statement.", [("6 May", "2018-05-06", "event")]),
        # Not a place or body (a capital head), a time, a present tense, or a noun no dated sentence holds.
        ("The mayor opened the bridge on 4 May.\n\nAt the Bridge Institute, engineers cheered.", [("4 May", "2018-05-04", "event")]),
        # …nor the words after a capitalised run, which are the next clause's, not a noun of its (no comma to end it).
        (
            "Engineers from the Bridge Institute cheered as the mayor opened the bridge on 4 May.\n\nAt the Bridge Institute engineers cheered.",
            [("4 May", "2018-05-04", "event")],
        ),
        (
            "The Town Hall said on 4 May that the works would go on.\n\nOfficials at the Town Hall said the works would go on.",
            [("4 May", "2018-05-04", "event")],
        ),
        (
            "The Town Hall hosted the builders on 4 May.\n\nSpeaking at the Town Hall on the eve of the works, the mayor smiled.",
            [("4 May", "2018-05-04", "event")],
        ),
        ("The mayor opened the bridge in May.\n\nTraffic slowed during the summer.", [("in May", "2018-05", "event")]),
        ("The mayor opened the bridge on 4 May.\n\nEngineers at the bridge say it is safe.", [("4 May", "2018-05-04", "event")]),
        ("The mayor opened the bridge on 4 May.\n\nAfter the storm, engineers closed it.", [("4 May", "2018-05-04", "event")]),
        # "that" before a clause is a pronoun, not a determiner.
        ("The mayor opened the bridge on 4 May.\n\nAfter that the mayor opened a school.", [("4 May", "2018-05-04", "event")]),
    ],
)
def test_a_definite_noun_is_dated_by_the_event_it_points_back_at(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A date without a year in a clause that looks ahead is a plan for the next such day.
        ("Officials said the minister would open the bridge on 4 June.", [("4 June", "2018-06-04", "announced")]),
        ("Crews are to begin repairs on Saturday.", [("on Saturday", "2018-06-02", "announced")]),
        ("The mayor is also due at the fair in mid-July.", [("mid-July", "2018-07", "announced")]),
        ("She expects to visit the plant in June.", [("in June", "2018-06", "announced")]),
        # Not when the sentence dates the report itself: the plan's day may have passed by publication.
        ("The minister said on Monday that he would open the bridge on 4 June.", [("on Monday", "2018-05-28", "event"), ("4 June", "2017-06-04", "state")]),
        # Not a modal's perfect, a negation, a year written out, or a past tense.
        ("He could have opened the bridge on 4 June.", [("4 June", "2017-06-04", "state")]),
        ("He would not open the bridge on 4 June.", [("4 June", "2017-06-04", "state")]),
        ("She did not expect to visit the plant in June.", [("in June", "2017-06", "state")]),
        ("He would open the bridge on 4 June 2017.", [("4 June 2017", "2017-06-04", "state")]),
        ("The bridge opened on 4 June.", [("4 June", "2017-06-04", "event")]),
        # A plan told in the past perfect was one of the past: its day the last before publication,
        # no plan ahead, and a count after it goes from it.
        (
            "The mayor had been scheduled to open the bridge on 4 May, but the union called off the ceremony the day before.",
            [("4 May", "2018-05-04", "state"), ("the day before", "2018-05-03", "event")],
        ),
    ],
)
def test_a_plan_without_a_year_is_announced_for_the_next_such_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected  # a Wednesday


def test_a_date_without_a_year_takes_the_year_written_before_it_in_its_sentence() -> None:
    text = "The plant flooded in January 2016 and again in September. In October, it closed."
    sentences = [Span(0, text.index(".") + 1), Span(text.index(".") + 2, len(text))]
    mentions = find_mentions("a", text, dt.date(2019, 2, 28), sentences)
    # The next sentence is news's own convention: the latest October before publication.
    assert [m.date.iso() for m in mentions] == ["2016-01", "2016-09", "2018-10"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month listed right before one with its year shares it; "of that year" is the year just written.
        ("The mill closed in March and November 2016.", [("in March", "2016-03"), ("November 2016", "2016-11")]),
        ("The mill closed in November 2016 and reopened on June 3 of that year.", [("November 2016", "2016-11"), ("June 3 of that year", "2016-06-03")]),
        # A day placed on a noun after "after" looks back: the year written, not the next.
        ("The mill closed in November 2016, after the flood on 3 June.", [("November 2016", "2016-11"), ("3 June", "2016-06-03")]),
        # Else a month earlier in the year than the one written before it is the next year's.
        ("The mill closed in November 2016 and reopened in March.", [("November 2016", "2016-11"), ("in March", "2017-03")]),
    ],
)
def test_a_date_without_a_year_takes_the_year_of_its_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(phrase, date) for phrase, date, _ in found(text)] == expected


def test_a_subject_placed_on_a_day_before_a_present_verb_is_the_news_of_that_day() -> None:
    """A report weighs its news in the present ("Her resignation on Monday leaves …"): the subject
    happened that day, and the story's times of day with no day of their own are on it."""
    text = "Her resignation on Monday leaves the board without a chair. She announced it shortly before noon."
    assert paragraphs_found(text, dt.date(2019, 9, 11)) == [("on Monday", "2019-09-09", "event"), ("shortly before noon", "2019-09-09", "event")]
    # With an auxiliary the verb group reads it: a plan, the next Monday.
    assert paragraphs_found("The vote on Monday will decide the seat.", dt.date(2019, 9, 11)) == [("on Monday", "2019-09-16", "announced")]


@pytest.mark.parametrize(
    "dateline",
    ["OSLO, March 3 (Test Wire) -", "OSLO/BERGEN, March 3 (Test Wire) -", "LIMA/NEW YORK, March 3 -", "TROMSO, Norway, March 3 (Test Wire) -"],
)
def test_a_dateline_is_not_an_event(dateline: str) -> None:
    """A dateline, of one place or several ("OSLO/BERGEN"), is when the report was filed."""
    text = f"{dateline} The committee met on Friday to choose a winner."
    assert [(phrase, date) for phrase, date, _ in found(text, dt.date(2019, 3, 3))] == [("on Friday", "2019-03-01")]


def test_a_weekday_before_an_explicit_date_defers_to_it() -> None:
    assert found("Voting ended on Sunday, June 30, with a record turnout.", dt.date(2019, 7, 10)) == [("June 30", "2019-06-30", False)]


def test_a_weekday_before_a_number_that_is_no_day_of_a_month_is_the_date() -> None:
    """"On Monday, the 15-member board voted": the number counts members, so Monday dates the vote."""
    assert found("On Monday, the 15-member board voted to close the plant.", dt.date(2019, 7, 10)) == [("On Monday", "2019-07-08", False)]


def test_every_mention_names_its_sentence() -> None:
    text = "First one. Then on Thursday it failed. After that, nothing."
    sentences = [Span(0, 10), Span(11, 38), Span(39, len(text))]
    (mention,) = find_mentions("a", text, PUBLISHED, sentences)
    assert text[mention.sentence.start : mention.sentence.end] == "Then on Thursday it failed."


@pytest.mark.parametrize(
    ("text", "published", "label"),
    [
        ("He met Kim in Singapore last summer.", PUBLISHED, "summer 2018"),
        ("Tensions grew last winter.", dt.date(2019, 1, 10), "winter 2017–18"),
        ("Talks stalled in the fall of 2018.", PUBLISHED, "fall 2018"),
        ("The talks began in June 2018.", PUBLISHED, "June 2018"),
    ],
)
def test_a_season_is_shown_as_the_season_not_a_bare_year(text: str, published: dt.date, label: str) -> None:
    [mention] = find_mentions("a", text, published, [Span(0, len(text))])
    assert mention.date.label(mention.resolved.approximate) == label


def test_a_season_sorts_where_it_starts_not_before_the_year_s_months() -> None:
    summer = EventDate(2018, season="summer")
    winter = EventDate(2018, season="winter")  # winter 2017–18
    assert EventDate(2018, 3).sort_key() < summer.sort_key() < EventDate(2018, 7).sort_key()
    assert EventDate(2018, 6, 30).sort_key() < summer.sort_key()  # a date in its first month says more
    assert EventDate(2017, 11).sort_key() < winter.sort_key() < EventDate(2018, 1).sort_key()
    assert EventDate(2018).sort_key() < EventDate(2018, 1).sort_key()  # a bare year still leads its months


def test_a_season_covers_its_months_when_filtering_by_date() -> None:
    summer, winter = EventDate(2018, season="summer"), EventDate(2018, season="winter")
    assert (summer.first_day(), summer.last_day()) == (dt.date(2018, 6, 1), dt.date(2018, 8, 31))
    assert (winter.first_day(), winter.last_day()) == (dt.date(2017, 12, 1), dt.date(2018, 2, 28))


def test_reading_only_near_the_words_dates_need_finds_what_a_full_scan_finds() -> None:
    """find_mentions tries the date pattern only a few words before a number, month, weekday,
    season or unit of time: it must find exactly the phrases a scan of every position finds."""
    from bot.timeline import found as found_module

    text = (
        "In the last three weeks, within the past several months and more than a few years ago, the "
        "council met on 3rd of January, on Sunday, June 30, in mid-October 2018, late last year, early "
        "2019, the day before, three days after the vote, the next morning, in two weeks, last summer, "
        "the spring of 2018, February 11-13, 2019, 11 to 13 February, Sept. 12, 2017, next May, in May, "
        "1994 and 2,000 people in the 1950s paid $2019 at 10:30 on 5 percent of 38 North's maps, shortly "
        "after 9:30 a.m., at about 11 a.m., before noon and in the late afternoon, the following Sunday, days later, the day after that, the night before and afterwards."
    )
    full = [m.span() for m in found_module._PATTERN.finditer(text)]
    assert [m.span() for m in found_module._matches(text, 0, len(text))] == full
    assert len(full) >= 20


def test_the_fast_scan_finds_what_a_full_scan_finds_in_the_fixture_gold_and_measurement_articles() -> None:
    """Every sentence of the frozen fixture's articles, the made-up gold articles and the
    measurement articles gives the same date phrases as a scan of every position (the shipped
    folder's articles: tests/test_shipped_knowledge.py)."""
    root = Path(__file__).parent.parent
    paths = [*(FIXTURE_KNOWLEDGE / "articles").glob("*.md"), *(root / "tests" / "timeline_gold").glob("*.md"), *(root / "eval" / "articles").glob("*.md")]
    assert len(paths) >= 9
    assert fast_and_full_date_scans_agree(paths) >= 100


def test_a_match_reads_its_groups_as_groupdict_reads_them() -> None:
    """find_mentions reads only the groups of the form that matched (found._groups): every group
    of every date phrase in the fixture's and the gold articles reads as groupdict() gives it."""
    from bot.knowledge.articles import read_article
    from bot.timeline import found as found_module

    root = Path(__file__).parent.parent
    checked = 0
    for path in [*(FIXTURE_KNOWLEDGE / "articles").glob("*.md"), *(root / "tests" / "timeline_gold").glob("*.md")]:
        article, _ = read_article(path)
        assert article is not None, path.name
        for pattern in (found_module._PATTERN, found_module._DAYS_APART):
            for match in pattern.finditer(article.body):
                groups = found_module._groups(match)
                assert {name: groups[name] for name in match.groupdict()} == match.groupdict(), match.group(0)
                checked += 1
    assert checked >= 100


def test_a_year_written_alone_sets_the_year_of_the_rest_of_its_paragraph() -> None:
    text = (
        "The year 2016 was loud. On July 4, the plant flooded, and it closed on 28 July.\n\n"
        "It reopened on 3 September. The works began in October 2017. Ships returned on 16 October."
    )
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)]
    mentions = find_mentions("a", text, dt.date(2019, 2, 28), sentences)
    dates = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in mentions}
    # Its paragraph tells of 2016; the next paragraph, and a sentence after a full date, keep
    # news's convention: the latest such day before publication.
    assert dates == {"2016": "2016", "July 4": "2016-07-04", "28 July": "2016-07-28", "3 September": "2018-09-03", "October 2017": "2017-10", "16 October": "2018-10-16"}


def test_a_year_that_bounds_a_span_sets_no_year_for_its_paragraph() -> None:
    """"has not tested a missile since 2017": the story is not told in 2017, so "in mid-June" after
    it is the latest June before publication; "before 2016" and "until 2015" likewise."""
    for bound in ("since 2017", "before 2016", "until 2015"):
        text = f"The North has not tested a missile {bound}. The envoy disclosed in mid-June that a letter had come."
        sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
        dated = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in find_mentions("a", text, dt.date(2019, 8, 11), sentences)}
        assert dated["mid-June"] == "2019-06"


def test_the_same_day_is_the_day_of_the_date_before_it() -> None:
    text = "The leaders met on June 12, 2018. At a news conference the same day, the president announced a pause."
    sentences = [Span(0, 33), Span(34, len(text))]
    mentions = find_mentions("a", text, dt.date(2020, 1, 20), sentences)
    assert [(text[m.phrase.start : m.phrase.end], m.date.iso()) for m in mentions] == [("June 12, 2018", "2018-06-12"), ("the same day", "2018-06-12")]


def test_a_date_in_brackets_with_a_clock_time_restates_the_time_outside_them() -> None:
    """"at 3:17 a.m. on Wednesday (1817 GMT on Tuesday)": one time in two zones, and 1817 is no year."""
    assert found("The rocket was fired at 3:17 a.m. on Wednesday (1817 GMT on Tuesday) from the coast.") == [
        ("on Wednesday", "2019-02-27", False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Its last launch came late last year, on 29 November.",
        "The port had closed last week, when on 21 February the union struck.",
    ],
)
def test_a_vague_date_restated_precisely_after_a_comma_is_one_date(text: str) -> None:
    """"late last year, on 29 November": the day is the date, the vaguer phrase no second mention."""
    dates = [date for _, date, _ in found(text)]
    assert len(dates) == 1 and dates[0].count("-") == 2  # one date, with a day


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, who phoned the king in the early hour of Dec. 7, resigned.",
        "The mayor, who met the king over the two days of Dec. 7-8, resigned.",
        "The mayor phoned the king at the start of June 2019.",
    ],
)
def test_of_after_any_noun_of_time_singular_or_plural_names_that_time(text: str) -> None:
    """"the hour of", "the two days of", "the start of": a time the date names, as "the night of"
    is, so the clause's past verb dates an event there (not a span the date measures)."""
    assert [role for _, _, role in paragraphs_found(text, dt.date(2019, 12, 16))] == ["event"]


def test_a_span_of_years_ends_in_its_last_year() -> None:
    text = "Teams recovered 229 sets of remains from 1996 to 2005."
    (mention,) = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert mention.extent == (EventDate(1996), EventDate(2005))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("The envoy met the king over the weekend of March 31–April 1, to prepare the talks.", "2018-03-31", "2018-04-01"),
        ("The forum ran on Dec. 30 to Jan. 2, 2018.", "2017-12-30", "2018-01-02"),
    ],
)
def test_a_span_of_days_across_a_month_s_end_is_one_event_from_its_first_day_to_its_last(text: str, first: str, last: str) -> None:
    """"over the weekend of March 31–April 1": one event (not March 31 and April 1 apart), dated
    by that weekend: "of" after a noun of time names the time, not a span it measures."""
    (mention,) = find_mentions("a", text, dt.date(2018, 7, 8), [Span(0, len(text))])
    assert (mention.role.value, mention.extent) == ("event", (EventDate.parse(first), EventDate.parse(last)))


def test_a_span_of_days_within_one_month_written_with_the_month_twice_is_one_event() -> None:
    text = "The leaders met in Singapore on June 12 to June 14, 2018."
    (mention,) = find_mentions("a", text, dt.date(2019, 7, 8), [Span(0, len(text))])
    assert (text[mention.phrase.start : mention.phrase.end], mention.extent) == ("June 12 to June 14, 2018", (EventDate(2018, 6, 12), EventDate(2018, 6, 14)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ran from March 3 to April 20, 2019.", [("March 3", "2019-03-03", False), ("April 20, 2019", "2019-04-20", False)]),
        ("Inspectors stayed from May 30 to July 2 2018.", [("May 30", "2019-05-30", False), ("July 2 2018", "2018-07-02", False)]),
        ("They met on June 12 - June 3, 2018.", [("June 12", "2019-06-12", False), ("June 3, 2018", "2018-06-03", False)]),
    ],
)
def test_two_days_that_are_no_span_of_days_are_each_a_date(text: str, expected: list[tuple[str, str, bool]]) -> None:
    """More than a month apart, or out of order: not one event over the days between, but each
    end still a date (not the whole phrase dropped)."""
    assert found(text, dt.date(2019, 7, 8)) == expected


def test_of_after_a_noun_of_time_names_that_time() -> None:
    """"on the night of Dec. 7" dates the call; "the calm of the last eight months" still measures a span."""
    assert paragraphs_found("The mayor, who phoned the king on the night of Dec. 7, resigned.", dt.date(2019, 12, 16)) == [("Dec. 7", "2019-12-07", "event")]
    assert paragraphs_found("The calm of the last eight months held.", dt.date(2019, 12, 16)) == [("the last eight months", "2019", "state")]


def test_a_date_given_a_noun_is_what_later_counted_dates_count_from() -> None:
    """"since the port's worst flood on Sunday, 3 May" dates the flood, an event of that day (a
    noun "since" places on a day happened then): "the same day" is that day, and "eight days after
    the flood" counts from it, not from an earlier sentence that only names a flood."""
    text = (
        "The council on Friday warned of a second flood.\n\nExports have fallen since the port's worst flood on Sunday, 3 May."
        "\n\nThe mayor spoke on the radio the same day.\n\nEight days after the flood, the council voted."
    )
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    mentions = find_mentions("a", text, dt.date(2018, 6, 1), sentences)
    dated = {text[m.phrase.start : m.phrase.end]: (m.date.iso(), m.role.value) for m in mentions}
    assert dated["the same day"] == ("2018-05-03", "event")
    assert dated["Eight days after"] == ("2018-05-11", "event")
    assert dated["3 May"] == ("2018-05-03", "event")


@pytest.mark.parametrize(
    ("text", "phrase", "date"),
    [
        ("The strike ended on New Year's Day.", "New Year's Day", "2019-01-01"),
        ("The ferry sank on Christmas Eve.", "Christmas Eve", "2018-12-24"),
        ("The ferry sank on Christmas Day 2015.", "Christmas Day 2015", "2015-12-25"),
        # The year after the noun the day modifies is that day's: one date, not two.
        ("She spoke in her New Year’s Day address in 2016, in which she offered talks.", "New Year’s Day", "2016-01-01"),
    ],
)
def test_a_day_of_the_calendar_named_is_that_day(text: str, phrase: str, date: str) -> None:
    assert [(p, d) for p, d, _ in found(text)] == [(phrase, date)]


def test_a_named_day_restated_as_a_date_is_one_mention() -> None:
    assert [(p, d) for p, d, _ in found("She spoke in her New Year's Day address on Jan. 1, 2016.")] == [("Jan. 1, 2016", "2016-01-01")]


def test_counting_back_passes_over_a_paragraph_of_quoted_words() -> None:
    """A paragraph that only quotes or reports a speaker's words takes the story to no other time:
    "the next day" after it counts from the date before it. A paragraph of narrative with no date does not."""
    quoted = "The mayor opened the bridge on 4 May.\n\n“It will carry ten thousand cars a day,” she said.\n\nThe governor praised it the next day."
    narrative = "The mayor opened the bridge on 4 May.\n\nIt was the longest in the region.\n\nThe governor praised it the next day."
    # A paragraph that reports a speaker's words in every sentence is one of quoted words too.
    reported = "The mayor opened the bridge on 4 May.\n\nShe said it was “a great day”. “It is,” he said.\n\nThe governor praised it the next day."
    part_quoted = "The mayor opened the bridge on 4 May.\n\nShe said it was “a great day”. It was the longest.\n\nThe governor praised it the next day."
    for text, date in ((quoted, "2018-05-05"), (narrative, None), (reported, "2018-05-05"), (part_quoted, None)):
        sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.(?:”[^.]*\.)?", text)]
        mentions = find_mentions("a", text, dt.date(2018, 6, 1), sentences)
        dated = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in mentions}
        assert dated.get("the next day") == date


def test_a_date_listed_after_another_is_read_as_that_one() -> None:
    """"after meetings in Oslo in June 2000 and October 2007": the second date dates the same noun."""
    text = "A visit by the mayor would produce the third summit, after meetings in Oslo in June 2000 and October 2007."
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert [(text[m.phrase.start : m.phrase.end], m.role.value) for m in mentions] == [("June 2000", "event"), ("October 2007", "event")]


def test_weeks_counted_from_a_day_are_a_day_unless_hedged() -> None:
    exact_count = "The plant reopened on 4 May. The manager was arrested two weeks later."
    hedged = "The plant reopened on 4 May. The manager was arrested less than a week later."
    for text, date in ((exact_count, "2018-05-18"), (hedged, "2018-05")):
        sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
        assert find_mentions("a", text, dt.date(2018, 6, 1), sentences)[-1].date.iso() == date


def test_a_count_from_an_undated_deed_gives_no_date() -> None:
    """"a day after Berg sacked the manager": counted from that deed, which nothing dates; not from
    the last date before the sentence. (After "The strike came …" it is counted from the news the
    article leads with: test_a_definite_subject_that_came_a_count_after_a_deed_is_the_news….)"""
    text = "The plant reopened on 4 May.\n\nThe strike was called a day after Berg sacked the manager."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    assert [text[m.phrase.start : m.phrase.end] for m in find_mentions("a", text, dt.date(2018, 6, 1), sentences)] == ["4 May"]


def test_a_count_from_a_deed_the_article_does_not_date_gives_no_date() -> None:
    """"two months after her first strike ended in Lyon": counted from that deed, which nothing here
    dates; not from the last date before it. A noun alone ("two days after the vote") is the event
    the story has just told."""
    sentences_of = lambda text: [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]  # noqa: E731
    text = "The union voted on 4 April.\n\nTwo months after her first strike ended in Lyon, Berg resigned."
    assert [text[m.phrase.start : m.phrase.end] for m in find_mentions("a", text, dt.date(2018, 9, 1), sentences_of(text))] == ["4 April"]
    text = "The union voted on 4 April. Two days after the ballot, Berg resigned."
    assert [m.date.iso() for m in find_mentions("a", text, dt.date(2018, 9, 1), sentences_of(text))] == ["2018-04-04", "2018-04-06"]


def test_a_past_deed_counted_past_publication_is_no_plan() -> None:
    """"Two months later, Berg resigned" in an article of May: a past verb says it happened, so a
    count that lands after publication went wrong, and gives no date rather than a plan; "will
    resign" is one."""
    for counted, expected in (("Berg resigned", ["2019-04"]), ("Berg will resign", ["2019-04", "2019-06 announced"])):
        text = f"In April, the union struck. Two months later, {counted}."
        sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
        mentions = find_mentions("a", text, dt.date(2019, 5, 10), sentences)
        assert [m.date.iso() + (" announced" if m.role.value == "announced" else "") for m in mentions] == expected


def test_articles_sharing_a_sentence_each_read_it_against_their_own_publication_date() -> None:
    """A build reads a sentence text once for every article holding it (bot.timeline.sentence_memo):
    wire copy runs in several outlets, published on different days. The same words are a plan in
    the article published before the day and an event in the one published after it, with the
    same title, and each article's mentions are what it gives read alone."""
    text = "Trump and Kim met in Singapore on June 12, 2018. Trump said it went well."
    sentences = [Span(0, 48), Span(49, len(text))]
    before, after = dt.date(2018, 6, 1), dt.date(2018, 6, 20)
    memo = SentenceMemo()
    shared = [find_mentions(article, text, published, sentences, memo=memo) for article, published in (("early", before), ("late", after))]
    alone = [find_mentions(article, text, published, sentences) for article, published in (("early", before), ("late", after))]
    assert shared == alone
    (plan,), (event,) = shared
    assert (plan.role, event.role) == (Role.ANNOUNCED, Role.EVENT)
    assert plan.date.iso() == event.date.iso() == "2018-06-12"
    assert plan.title == event.title


def test_a_story_told_in_order_carries_its_written_year_on() -> None:
    """After "On March 3, 2017, …", the next paragraph's "on April 9" and "on May 20" and a later
    "in late June" after "on 2 June last year" go on in that year, not the year before publication;
    "on 14 January", earlier in the year than the date before it, keeps news's convention."""
    text = (
        "On March 3, 2017, the council met in Oslo. Two weeks later, the envoy resigned.\n\n"
        "A new envoy was named on April 9 and arrived on May 20.\n\n"
        "On 2 June last year, the talks resumed.\n\n"
        "The parties walked out in late June. The ministers met again on 14 January."
    )
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)]
    dated = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in find_mentions("a", text, dt.date(2018, 7, 1), sentences)}
    assert (dated["April 9"], dated["May 20"], dated["late June"], dated["14 January"]) == ("2017-04-09", "2017-05-20", "2017-06", "2018-01-14")


def test_a_month_with_its_year_or_a_counted_span_sets_no_story_year() -> None:
    """"in April 2016" dates one thing, and "a pause of nearly 18 months" counts a span: a day after
    either is the latest such day before publication."""
    for first in ("The court ruled in April 2016.", "The plant ended a pause of nearly 18 months."):
        text = f"{first} The trader was arrested on 22 April."
        sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)]
        dated = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in find_mentions("a", text, dt.date(2017, 6, 20), sentences)}
        assert dated["22 April"] == "2017-04-22"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A span's last day (Friday 8 March 2019) is what "the following Sunday" counts from.
        ("The ministers met in Rome on March 7-8. In interviews the following Sunday, the envoy rejected the claims.", "2019-03-10"),
        # Never the day itself: the Sunday after a Sunday is a week on.
        ("The ministers met in Rome on Sunday, 3 March. The envoy resigned the next Sunday.", "2019-03-10"),
        ("The envoy resigned on Wednesday, 6 March. The ministers had met the previous Monday.", "2019-03-04"),
    ],
)
def test_the_following_weekday_counts_from_the_event_before_it(text: str, expected: str) -> None:
    """"the following Sunday" is the first Sunday after the date it refers to, not the last Sunday
    before publication."""
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)]
    mentions = find_mentions("a", text, dt.date(2019, 9, 11), sentences)
    dated = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in mentions}
    assert [date for phrase, date in dated.items() if phrase.lower().startswith("the")] == [expected]


def test_a_count_from_that_or_this_counts_from_the_event_just_told() -> None:
    """"The day after that", "a week before this": a demonstrative alone is the event just told
    (as "the next day" is), so the phrase is dated, not left for a noun that never comes."""
    text = "On 9 August, the council voted on the plan.\n\nThe day after that, the mayor gave precise details. A week before this, the mayor had resigned."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)]
    dated = {text[m.phrase.start : m.phrase.end]: m.date.iso() for m in find_mentions("a", text, dt.date(2017, 8, 15), sentences)}
    assert (dated["The day after that"], dated["A week before this"]) == ("2017-08-10", "2017-08-03")


def continued(text: str, published: dt.date = dt.date(2018, 5, 30)) -> list[tuple[str, str]]:
    """(sentence, date) of each event dated by the scene its paragraph opens with: no date phrase of its own."""
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"\S.*?\.(?=\s+[A-Z]|\s*$)", text, re.DOTALL)]
    mentions = find_mentions("a", text, published, sentences)
    return [(text[m.sentence.start : m.sentence.end], m.date.iso()) for m in mentions if m.phrase.start == m.phrase.end]


def test_sentences_that_go_on_telling_the_day_their_paragraph_opens_with_are_dated_by_it() -> None:
    """"In Oslo on Monday, the envoy received a cold welcome." sets the scene: the simple past after
    it in its paragraph, with no date of its own, is that Monday, up to the first sentence that
    does not go on with it."""
    text = (
        "In Oslo on Monday, the envoy received a cold welcome. The foreign minister told him that trust had gone. "
        "The envoy replied that the two sides disagreed, and he was not granted a meeting.\n\n"
        "The envoy flew home."
    )
    assert continued(text) == [
        ("The foreign minister told him that trust had gone.", "2018-05-28"),
        ("The envoy replied that the two sides disagreed, and he was not granted a meeting.", "2018-05-28"),
    ]


@pytest.mark.parametrize(
    "second",
    [
        "The minister had warned him a year before.",  # the past perfect looks further back
        "The officials were among the guests.",  # a copula describes
        "It was a break with custom.",
        "The minister agreed to talk again, an aide said.",  # a claim, its source named at the end
        "The minister said the talks could have gone better.",  # a view: a modal in what is said
        "The minister said he did not believe the account.",
        "Days later, the minister resigned.",  # an opening phrase sets a scene of its own
        "“We are friends,” the minister said.",  # a quotation
        "The minister, also known as the Hawk, has been silent.",
        "It’s unclear what unravelled the talks.",
    ],
)
def test_a_sentence_that_does_not_go_on_with_the_deed_of_its_paragraph_s_day_is_not_dated_by_it(second: str) -> None:
    assert continued(f"In Oslo on Monday, the envoy received a cold welcome. {second}") == []


def test_a_date_inside_its_sentence_sets_no_scene_for_the_next() -> None:
    """Only a date in the sentence's opening phrase, before its first comma, sets the scene."""
    assert continued("The envoy received a cold welcome in Oslo on Monday. The minister told him that trust had gone.") == []


def test_a_count_with_no_number_is_the_month_it_lands_in() -> None:
    """"Days later" after 26 May: a few days, not a day the text gives: May, approximate."""
    text = "On May 25, the envoy spoke. The next day, the president wrote to him. Days later, the ministry called the envoy a liar."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    dated = {text[m.phrase.start : m.phrase.end].strip(): (m.date.iso(), m.resolved.approximate) for m in find_mentions("a", text, dt.date(2019, 9, 11), sentences)}
    assert dated["Days later"] == ("2019-05", True)


def test_a_count_from_a_noun_passes_over_the_idea_of_it() -> None:
    """"floated the idea of meeting them on 7 May" was no meeting that day: "Two days after the
    meeting" counts from the one the ministers held."""
    text = "The two ministers met in Oslo on 3 May. The mayor floated the idea of meeting them on 7 May.\n\nTwo days after the meeting, the treaty was signed."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    mentions = find_mentions("a", text, dt.date(2019, 6, 1), sentences)
    assert [(text[m.phrase.start : m.phrase.end], m.date.iso()) for m in mentions][-1] == ("Two days after", "2019-05-05")

def test_a_count_before_a_referring_phrase_is_the_count_s_date_or_none() -> None:
    """"Three days after the meeting" landing past publication in a past clause gives no date; the
    meeting's own date is not three days after it."""
    text = "The leaders met at the border on 30 June.\n\nThree days after the meeting, the envoy flew home."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    mentions = find_mentions("a", text, dt.date(2019, 7, 2), sentences)
    assert [text[m.phrase.start : m.phrase.end] for m in mentions] == ["30 June"]


def test_after_the_meeting_passes_over_the_idea_of_it() -> None:
    """"told reporters after the meeting" is not dated by "floated the idea of meeting them": no
    sentence dates a meeting here, so it has no date."""
    text = "The mayor floated the idea of meeting them on 7 May.\n\nIt went well, the mayor told reporters after the meeting."
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    mentions = find_mentions("a", text, dt.date(2019, 6, 1), sentences)
    assert [text[m.phrase.start : m.phrase.end] for m in mentions] == ["7 May"]


def test_a_day_without_a_year_in_an_infinitive_is_this_year_s_plan() -> None:
    """"had agreed to hold a meeting on Oct. 4", published on Oct. 3: news leaves out only the
    current year, and the infinitive names what comes after the agreement, so it is this year's
    Oct. 4, a plan, not last year's; a later "the same day" counts from the agreement's day."""
    text = (
        "On Tuesday, the mayor announced that the two towns had agreed to hold a first meeting on Oct. 4"
        " and formal talks the following day. The governor welcomed the plan the same day."
    )
    assert paragraphs_found(text, dt.date(2019, 10, 3)) == [
        ("On Tuesday", "2019-10-01", "event"),
        ("Oct. 4", "2019-10-04", "announced"),
        ("the same day", "2019-10-01", "event"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day already past this year stays a past deed…
        ("The ferry company had promised to resume service on Oct. 4 and kept its word.", [("Oct. 4", "2019-10-04", "event")]),
        # …and a weekday names no year to leave out.
        ("She had flown to Oslo to sign the deal on Tuesday.", [("on Tuesday", "2019-10-01", "event")]),
    ],
)
def test_an_infinitive_moves_no_date_that_is_past_this_year(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2019, 10, 20) if "ferry" in text else dt.date(2019, 10, 3)) == expected


def test_a_count_restated_by_a_written_day_after_a_comma_is_that_day() -> None:
    """"Hours later, on Tuesday morning, …", "Six days later, on the night of Friday, Dec. 13, …":
    the written day says when; the count, which only approximates it, is no second event."""
    text = "The council met on the evening of Monday, 3 June 2019. Hours later, on Tuesday morning, the rebels fired two rockets at the port."
    sentences = [Span(0, 54), Span(55, len(text))]
    mentions = find_mentions("a", text, dt.date(2019, 6, 6), sentences)
    assert [(text[m.phrase.start : m.phrase.end], m.date.iso()) for m in mentions if m.role is Role.EVENT] == [
        ("3 June 2019", "2019-06-03"),
        ("on Tuesday morning", "2019-06-04"),
    ]
    text = "The mill shut on 7 December 2019. Six days later, on the night of Friday, Dec. 13, came a second strike."
    sentences = [Span(0, 33), Span(34, len(text))]
    mentions = find_mentions("a", text, dt.date(2019, 12, 16), sentences)
    assert [m.date.iso() for m in mentions if m.role is Role.EVENT] == ["2019-12-07", "2019-12-13"]


def test_a_count_counts_from_the_main_deed_not_from_a_relative_clause_s_date() -> None:
    """"On 16 May, the union called off talks, citing a strike that began on 11 May." then "Hours
    later, …": the story is at the main clause's day; the relative clause's is background."""
    text = "On 16 May, the union called off talks with the board, citing a strike that began on 11 May. Hours later, the mayor resigned."
    sentences = [Span(0, 91), Span(92, len(text))]
    mentions = find_mentions("a", text, dt.date(2018, 5, 24), sentences)
    assert [(text[m.phrase.start : m.phrase.end], m.date.iso()) for m in mentions if m.role is Role.EVENT][-1] == ("Hours later", "2018-05-16")


def test_a_definite_subject_that_came_a_count_after_a_deed_is_the_news_the_article_leads_with() -> None:
    """"The walkout came three days after the union voted …": news copy places its own story so;
    the subject is the news of the lead (Saturday, 5 May), and the deed the count goes back to is 2 May."""
    lead = "The dock workers walked out of the port on Saturday, halting all shipping."
    later = "The walkout came three days after the union voted to reject the offer."
    text = f"{lead}\n\nThe mayor urged both sides to talk.\n\n{later}"
    assert _events_of(text, later, dt.date(2018, 5, 6)) == [("2018-05-02", "The union voted to reject the offer"), ("2018-05-05", "The walkout")]


def test_a_subject_that_came_a_count_after_a_deed_is_the_event_the_article_dated_by_that_noun() -> None:
    """"The speech came a day after the governor visited …" after "gave a speech … on 3 May": the
    subject names that speech, so the visit is 2 May, not a day before the news the article leads with (20 May)."""
    later = "The speech came a day after the governor visited the port."
    text = f"The ferry sank near the cape on 20 May, the port said.\n\nThe mayor gave a speech to the council on 3 May.\n\n{later}"
    assert _events_of(text, later, dt.date(2018, 5, 30)) == [("2018-05-02", "The governor visited the port"), ("2018-05-03", "The speech")]


def _events_of(text: str, sentence: str, published: dt.date) -> list[tuple[str, str]]:
    """(date, title) of the events dated in `sentence` of `text`, whose sentences end with a full stop."""
    spans = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    mentions = find_mentions("a", text, published, spans)
    return sorted((m.date.iso(), m.title) for m in mentions if m.role is Role.EVENT and sentence in text[m.sentence.start : m.sentence.end])


def test_a_clock_time_is_on_the_story_s_day_not_on_a_relative_clause_s_day() -> None:
    """"arrived shortly before 3 a.m. with Berg, who had collected them on Wednesday": Wednesday is
    background; the arrival is on the day the story is at (its lead's, Thursday)."""
    text = "The three sailors landed in Oslo early on Thursday.\n\nThey arrived shortly before 3 a.m. with Berg, who had collected them in Bergen on Wednesday."
    sentences = [Span(0, 51), Span(53, len(text))]
    mentions = find_mentions("a", text, dt.date(2018, 5, 10), sentences)
    assert sorted((text[m.phrase.start : m.phrase.end], m.date.iso()) for m in mentions if m.sentence.start > 51) == [
        ("on Wednesday", "2018-05-09"),
        ("shortly before 3 a.m.", "2018-05-10"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The standard of a comparison ("than the flood in March 2015") is a look back: a count
        # after it is from the news last told, not from that older day…
        (
            "The new bridge collapsed on Sunday.\n\nEngineers rated the damage far worse than the flood in"
            " March 2015.\n\nA second crack appeared about ten minutes after the disaster.",
            [("on Sunday", "2018-05-27", "event"), ("March 2015", "2015-03", "event"), ("ten minutes after", "2018-05-27", "event")],
        ),
        # …and "hours later" after it counts on from that day.
        (
            "The new bridge collapsed on Sunday.\n\nEngineers rated the damage far worse than the flood in"
            " March 2015.\n\nA second crack appeared ten minutes after the disaster.\n\nAbout three hours"
            " later, the mayor closed the river.",
            [
                ("on Sunday", "2018-05-27", "event"),
                ("March 2015", "2015-03", "event"),
                ("ten minutes after", "2018-05-27", "event"),
                ("three hours later", "2018-05-27", "event"),
            ],
        ),
        # "within hours of the fire on Sunday": the day right after the noun it counts around.
        (
            "The council last met on 5 May.\n\nThe mayor called the police within hours of the fire on Sunday.",
            [("5 May", "2018-05-05", "event"), ("within hours", "2018-05-27", "event"), ("on Sunday", "2018-05-27", "event")],
        ),
    ],
)
def test_a_count_does_not_count_from_the_standard_of_a_comparison(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A definite noun no earlier sentence explains is the news the article leads with, when a
        # later sentence names it on the lead's day…
        (
            "The board on Friday approved the merger.\n\nThe chairman thanked the staff after the vote.\n\n"
            "The vote came a week after the rival bid collapsed.",
            [("on Friday", "2018-05-25", "event"), ("after the vote", "2018-05-25", "event"), ("", "2018-05-25", "event"), ("a week after", "2018-05-18", "event")],
        ),
        # …not when that later sentence dates it on another day.
        (
            "The board on Friday approved the merger.\n\nThe chairman thanked the staff after the vote.\n\n"
            "The vote was held on 3 May.",
            [("on Friday", "2018-05-25", "event"), ("3 May", "2018-05-03", "event")],
        ),
    ],
)
def test_a_definite_noun_told_only_later_is_the_lead_news(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Minutes later" after a paragraph that dates only a plan: minutes from the news last told.
        (
            "The mayor on Friday announced the plan.\n\nHe wrote that the bridge will open on June 3.\n\nMinutes later, he deleted the post.",
            [("on Friday", "2018-05-25", "event"), ("June 3", "2018-06-03", "announced"), ("Minutes later", "2018-05-25", "event")],
        ),
        # "over the next five hours": the hours after the event just told, on its day, when the deed was done.
        (
            "The dam burst on Sunday morning. Floods over the next five hours destroyed two villages.",
            [("on Sunday morning", "2018-05-27", "event"), ("over the next five hours", "2018-05-27", "event")],
        ),
    ],
)
def test_hours_count_from_the_news_last_told(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected


def test_a_leap_day_in_the_story_year_carries_the_story_on() -> None:
    """"… on Jan. 2, 2016. … on 29 February. On 16 March, …": the leap day is 2016's by news's
    convention, the story's year, so the day after it is in that year too, not this March."""
    text = "The ferry left port on Jan. 2, 2016. Its captain confessed on 29 February. On 16 March, a court jailed him."
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == [
        ("Jan. 2, 2016", "2016-01-02", "event"),
        ("29 February", "2016-02-29", "event"),
        ("16 March", "2016-03-16", "event"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count before a phrase with no verb is an adverb ("issued the day before by the police
        # chief"): from the date before it, not from a deed it would open.
        (
            "The mayor spoke to the council on Monday.\n\nHis words echoed a warning issued the day before by the police chief.",
            [("on Monday", "2018-05-28", "event"), ("the day before", "2018-05-27", "event")],
        ),
        # A paragraph quoting a speaker over several sentences, one of them with no quotation mark
        # of its own, takes the story to no other time: "The next day" counts from Monday.
        (
            "The mayor opened the bridge on Monday.\n\nHe said: “We are proud. It took years. Nobody believed us,”"
            " and he left.\n\nThe next day, the first trucks crossed.",
            [("on Monday", "2018-05-28", "event"), ("The next day", "2018-05-29", "event")],
        ),
    ],
)
def test_counts_past_a_phrase_or_a_quotation(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == expected


def test_a_bare_singular_hour_is_no_count() -> None:
    """"Hour after hour" is how long, not a count of hours from the day before it."""
    text = "The gates opened on Monday. Hour after hour, the crowd waited in the rain."
    assert paragraphs_found(text, dt.date(2018, 5, 30)) == [("on Monday", "2018-05-28", "event")]


def test_a_count_in_its_own_sentence_goes_on_from_the_background_it_follows() -> None:
    """A count of time after a past perfect in its own sentence counts from that date: the
    chair's reported promise to talk "the next day" is Tuesday, from Monday night, not the day
    after the story's Wednesday; a plan for a day already past when reported is not shown. A
    count in a later sentence still goes on from the main deed (test above: "Hours later")."""
    text = (
        "The treasurer resigned on Wednesday. "
        "She gave her own account within minutes, saying that she had offered to resign on Monday night "
        "and that the chair had told her they would talk about it the next day."
    )
    sentences = [Span(0, text.index(".") + 1), Span(text.index(".") + 2, len(text))]
    mentions = find_mentions("a", text, PUBLISHED, sentences)
    [next_day] = [m for m in mentions if text[m.phrase.start : m.phrase.end] == "the next day"]
    assert next_day.date.iso() == "2019-02-26"
    assert next_day.role is not Role.ANNOUNCED


def test_hours_after_a_dated_noun_count_from_its_date() -> None:
    """"hours after Tuesday's vote": the count starts on the day written right after it, not on an
    earlier sentence's date of a like noun."""
    text = "The ferry last sank in 2017, in a storm. Speaking hours after Tuesday's vote, the mayor praised the council."
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, 39), Span(40, len(text))])
    counted = [(text[m.phrase.start : m.phrase.end], m.date.iso()) for m in mentions if m.role is Role.EVENT and m.sentence.start == 40]
    assert counted == [("hours after", "2019-02-26")]


def test_a_weekday_restating_a_count_is_in_the_week_counted() -> None:
    """"Two days later, on Monday" after Saturday 13 June is Monday 15 June, not the last Monday
    before publication."""
    text = "The mayor resigned on Saturday 13 June. Two days later, on Monday, the council met."
    assert ("on Monday", "2020-06-15", "event") in paragraphs_found(text, dt.date(2020, 6, 24))


@pytest.mark.parametrize(
    ("text", "published", "weekday", "date"),
    [
        ("The envoys fell out on Friday. A year later, on Monday, the envoys met at the border.", dt.date(2019, 3, 5), "on Monday", "2019-03-04"),
        ("The leaders met on 12 June 2018. Three years later, on Friday, the two leaders met again.", dt.date(2019, 3, 5), "on Friday", "2019-03-01"),
        ("The satellite flew over the site on Tuesday. A week later, on Wednesday, the images were confirmed.", dt.date(2019, 1, 10), "on Wednesday", "2019-01-09"),
    ],
)
def test_a_weekday_restates_only_a_count_in_days(text: str, published: dt.date, weekday: str, date: str) -> None:
    """"A year later, on Monday": a count in weeks or years says no week, so the weekday is the last
    one before publication, as alone, and a deed told in the past is never dated after publication."""
    assert (weekday, date, "event") in paragraphs_found(text, published)


def test_a_weekday_restating_a_count_never_dates_a_past_deed_after_publication() -> None:
    """"Two days later, on Sunday, the council met" counted past a Saturday's publication: the deed
    is told in the past, so the count went wrong and the day is no plan; a plan keeps it."""
    published = dt.date(2020, 6, 20)
    assert [role for phrase, _, role in paragraphs_found("The mayor resigned on Friday. Two days later, on Sunday, the council met.", published) if phrase == "on Sunday"] == []
    assert ("on Sunday", "2020-06-21", "announced") in paragraphs_found("The mayor resigned on Friday. Two days later, on Sunday, the council will meet.", published)


def test_a_date_of_background_carries_no_year_to_the_story() -> None:
    """The charter's 1990 is not the story's year: "on June 16" the next afternoon is this June's."""
    text = (
        "On Monday, June 15, the governor gave a speech marking the anniversary of the charter signed at"
        " the first assembly on June 15, 1990. The next afternoon, at 2 p.m. on June 16, the dam burst."
    )
    assert ("June 16", "2020-06-16", "event") in paragraphs_found(text, dt.date(2020, 6, 24))


def test_a_day_written_after_the_noun_a_count_points_at_wins_over_the_count() -> None:
    """"Six days after the storm, on 3 September": the writer names the day; the count (Sept. 4
    from Aug. 29) is no second date."""
    text = "The storm hit on 29 August. Six days after the storm, on 3 September, the dam burst."
    assert paragraphs_found(text, dt.date(2017, 9, 15)) == [("29 August", "2017-08-29", "event"), ("3 September", "2017-09-03", "event")]


def test_a_relative_clause_in_the_present_lends_its_dates_no_deed_of_the_main_clause() -> None:
    """"the games, which run from Aug. 18 to Sept. 2" describes the games, not the deed on Monday:
    its span is never listed with the main clause's title ("The two cities agreed …" as a plan on
    the games' days), whichever day the main clause gives its deed."""
    for text in (
        "On Monday the two cities agreed to field joint teams at the regional games, which run from Aug. 18 to Sept. 2.",
        "The officers held their first talks in a decade at the regional games, which run from Aug. 18 to Sept. 2.",
        "The minister said in late May that there were no plans to cancel the regional games, which run from Aug. 18 to Sept. 2.",
    ):
        shown = [(phrase, role) for phrase, _, role in paragraphs_found(text, dt.date(2018, 6, 20)) if role != "state"]
        assert ("Aug. 18 to Sept. 2", "announced") not in shown and ("Aug. 18 to Sept. 2", "event") not in shown


def test_a_relative_clause_in_the_present_dates_a_plan_the_main_clause_tells() -> None:
    """"The mayor will meet the envoy at the games, which run from Aug. 18": the games' days are
    the meeting's, a plan, though the sentence tells of no deed on them."""
    text = "The mayor will meet the envoy at the regional games, which run from Aug. 18 to Sept. 2."
    assert ("Aug. 18 to Sept. 2", "2018-08-18", "announced") in paragraphs_found(text, dt.date(2018, 6, 20))


def test_that_before_a_noun_of_time_is_a_date_not_a_that_clause() -> None:
    """"said that day she would …": the report was that day; "that" opens no clause of what was said."""
    text = "The council voted on 17 June. The mayor said that day she would close the bridge."
    assert ("that day", "2020-06-17", "event") in paragraphs_found(text, dt.date(2020, 6, 24))


def test_the_same_day_before_a_clause_is_the_day_that_clause_names() -> None:
    """"The same day the report was published" is the day the article dated the publishing, not
    the last date before it; the story goes on from there ("Two days later")."""
    text = (
        "On 5 March, the agency published a report on the dam.\n\nThe data, collected on 2 March, showed a leak.\n\n"
        "The same day the report was published, the minister resigned.\n\nTwo days later, the plant closed."
    )
    found_dates = paragraphs_found(text, dt.date(2019, 3, 18))
    assert ("The same day", "2019-03-05", "event") in found_dates and ("Two days later", "2019-03-07", "event") in found_dates


def test_a_day_restating_a_count_is_in_the_counted_day_s_year() -> None:
    """"in four days, on July 12" written on July 8: the count sets the time, so July 12 is this
    year's, a plan, not last July's."""
    text = (
        "When the two men sat down again on Saturday morning, the host joked about the talks of the day before.\n\n"
        "The envoy said the two sides had agreed to set up working groups, including one on audits, and that officials would meet"
        " at the border in four days, on July 12, to discuss returning the remains of soldiers killed in the war."
    )
    assert ("July 12", "2018-07-12", "announced") in paragraphs_found(text, dt.date(2018, 7, 8))


def test_a_count_closing_its_sentence_after_a_plan_s_day_counts_from_that_day() -> None:
    """"… that had been set for 8 May was called off the day before.": the plan's day dates no deed,
    but it is the day the count is from (7 May), not the last event told before (1 April)."""
    text = "The two ministers met in Oslo on 2 April.\n\nA second meeting, which had been set for 8 May, was called off by the host the day before."
    assert [(phrase, date) for phrase, date, role in paragraphs_found(text, dt.date(2018, 5, 30)) if phrase == "the day before"] == [("the day before", "2018-05-07")]


def test_a_count_of_hours_hedged_after_within_counts_from_the_event_just_told() -> None:
    """"Within about five hours, …": a hedge before the number is still hours from the event told."""
    text = "The mayor wrote on Saturday that she would visit the port.\n\nWithin about five hours, the council replied."
    assert ("Within about five hours", "2018-05-26", "event") in paragraphs_found(text, dt.date(2018, 5, 30))


def test_a_clock_time_is_on_the_day_written_right_after_it_even_in_a_relative_clause() -> None:
    """"… the line that marks the border shortly before 3:45 p.m. on Sunday": the time is that
    Sunday's, not the day the story leads with (Monday), though a relative clause holds the day."""
    text = "Officials said on Monday that talks would resume.\n\nThe leaders shook hands across the line that marks the border shortly before 3:45 p.m. on Sunday."
    found_here = paragraphs_found(text, dt.date(2018, 5, 30))
    assert [date for phrase, date, role in found_here if phrase != "on Monday" and role == "event"] == ["2018-05-27"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The date a verb of rescheduling gives is the plan's new time, ahead of publication,
        # whatever the tense of the moving; a participle set off by commas included.
        ("The third summit, delayed until June, remains in doubt.", [("until June", "2019-06", "announced")]),
        ("The summit was postponed until June.", [("until June", "2019-06", "announced")]),
        ("The drills were put off until August.", [("until August", "2019-08", "announced")]),
        ("The next round, postponed to April 10, will be held in the capital.", [("April 10", "2019-04-10", "announced")]),
        # A new time already past by publication is no plan this rule can place, and no event either.
        ("The summit was postponed until June 2018.", []),
        # The moving is dated when the sentence dates it, and is then an event.
        ("The summit was postponed on Monday.", [("on Monday", "2019-03-04", "event")]),
    ],
)
def test_a_date_a_plan_is_moved_to_is_the_plan_s_new_time_not_a_past_event(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2019, 3, 6)) == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "until" after a deed or a state ends its span: no plan of that time.
        ("Sanctions, imposed until 2020 by the council, hurt the economy.", [("2020", "2020", "state")]),
        ("Sanctions were imposed until 2020.", [("2020", "2020", "state")]),
        # A plan's verb makes the end a plan.
        ("The talks will continue until Friday.", [("Friday", "2019-03-08", "announced")]),
    ],
)
def test_until_a_time_after_publication_ends_a_span_unless_a_plan_s_verb_says_so(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert paragraphs_found(text, dt.date(2019, 3, 6)) == expected


def test_a_date_in_an_aside_about_the_subject_does_not_date_the_main_verb() -> None:
    text = "The envoy, angry about the collapse on Wednesday, flew home on Friday."
    mentions = find_mentions("a", text, dt.date(2019, 3, 6), [Span(0, len(text))])
    shown = [(text[m.phrase.start : m.phrase.end], m.date.iso(), m.title) for m in mentions if m.role is Role.EVENT]
    assert shown == [("on Friday", "2019-03-01", "The envoy flew home")]


def test_an_aside_opened_by_a_preposition_still_times_the_main_verb() -> None:
    assert paragraphs_found("Kim, in the capital on Thursday, said little.", dt.date(2019, 3, 6)) == [("on Thursday", "2019-02-28", "event")]
