"""Events, not sentences: the grammar of a dated sentence decides whether it reports an event,
a plan, or a state; and the headline comes from its main clause."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.knowledge.models import Span
from bot.timeline.found import find_mentions
from bot.timeline.grammar import Role
from bot.timeline.models import EventDate

PUBLISHED = dt.date(2019, 3, 15)  # a Friday


def roles(text: str) -> list[tuple[str, str]]:
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    return [(text[m.phrase.start : m.phrase.end], m.role.value) for m in mentions]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Something happened: simple past, passive, past perfect, reporting verbs, irregular forms.
        ("The mayor opened the bridge on 2 March.", Role.EVENT),
        ("The bridge was opened on 2 March.", Role.EVENT),
        ("The two ministers had met in Oslo in January.", Role.EVENT),
        ("The union said on Tuesday that it would strike.", Role.EVENT),
        ("A fire broke out at the depot last week.", Role.EVENT),
        ("The final was on March 2.", Role.EVENT),  # the date is what the copula says
        ("In a speech last November, the minister defended the budget.", Role.EVENT),
        ("Anna Berg, the chief engineer, resigned on Monday.", Role.EVENT),
        # A relative clause inside the subject's apposition lends no verb to it: "arrived" is the subject's.
        ("Anna Berg, the engineer who will chair the board, arrived in Oslo on Monday, where talks are held, and met the mayor.", Role.EVENT),
        ("Prices rose on Wednesday, and shares fell a day later.", Role.EVENT),
        ("On May 10, the mayor announced that she would resign.", Role.EVENT),  # the month, not the modal
        ("The council on Wednesday rejected the offer.", Role.EVENT),
        # A date as the subject names a period; it is not the time of an action.
        ("The year 2017 set the tone.", Role.STATE),
        # A relative clause of a negative subject says nothing happened.
        ("Nothing that happened on Monday changed the plan.", Role.STATE),
        # A verb in another clause after a comma is not the date's verb.
        ("The mayor, who took office in 2015, resigned the same day, saying she would teach.", Role.EVENT),
        ("The minister fired his deputy on 2 March, and officials have since praised him.", Role.EVENT),
        # States: the present perfect, durations, negation.
        ("The company hasn't paid a dividend in over a year.", Role.STATE),
        ("The port has been closed since February.", Role.STATE),
        ("Nobody has stood for the seat since 2016.", Role.STATE),
        ("The council did not vote on Tuesday.", Role.STATE),
        ("The mill has run at a loss for the past two years.", Role.STATE),
        # An adverb inside the verb group leaves it one group: "has personally opened" is a present perfect.
        ("The mayor, who has personally opened every bridge this year, was absent.", Role.STATE),
        # Conjecture and judgment: modals, copulas with a complement, comparisons.
        ("The storm could have been worse on Sunday.", Role.STATE),
        ("Tensions may have peaked last summer.", Role.STATE),
        ("The harvest was better in 2017 than in any year before.", Role.STATE),
        ("The deal was a mistake in 2016.", Role.STATE),
        # A verb of seeming with a word of degree says how someone came across: a judgment.
        ("In February, the mayor had sounded less patient.", Role.STATE),
        # A verbless segment a coordinator opens begins the next conjunct: its verb is after it.
        ("The mayor said the bridge could open, and on June 1, after meeting the union, she confirmed it would.", Role.EVENT),
        ("On Monday the mayor seemed more willing to talk.", Role.STATE),
        ("On Monday the mayor looked into the case.", Role.EVENT),
        # The date names a noun's time, not an action of the clause.
        ("Tuesday's vote should not be dismissed.", Role.STATE),
        ("The calm of the last eight months is fragile.", Role.STATE),
        # Plans: future, intention, a date after publication.
        ("The board will meet on 20 March.", Role.ANNOUNCED),
        ("The minister is set to visit Lima next month.", Role.ANNOUNCED),
        ("The envoy is due to arrive in Oslo in December.", Role.ANNOUNCED),
        ("Engineers plan to reopen the line in two weeks.", Role.ANNOUNCED),
        ("The firm must repay the loan by the end of the year.", Role.ANNOUNCED),
        # "be", "been", "being" continue the group a modal or auxiliary heads: the plan is the modal's.
        ("The regatta will be held in Bergen on 20 March.", Role.ANNOUNCED),
        ("The final could be played in Lyon on 20 March.", Role.ANNOUNCED),
        ("The bridge has been closed since 2 March.", Role.STATE),
        ("The prisoners were being moved to Oslo on 2 March.", Role.EVENT),
        ("The mayor said the city would consult the unions before the end of the month.", Role.ANNOUNCED),
        # A participle that makes its noun a plan, timed by the date.
        ("The union warned that strikes expected in August would hurt exports.", Role.ANNOUNCED),
        # A comparison: "than" opens no event, unless its clause has a past deed of its own.
        ("The mayor is stronger than she was a year ago.", Role.STATE),
        ("Sales were higher than they were in 2016.", Role.STATE),
        ("The new treaty is no stronger than what the council signed in 1992.", Role.EVENT),
        ("The talks ran far longer than the handshake the envoy had offered on Monday.", Role.EVENT),
        # A date's noun that names the occasion of the deed ("at", "during") dates the deed.
        ("The mayor told the council at Thursday's meeting that taxes would rise.", Role.EVENT),
        ("The union took a hard line at the Oslo talks of 12-13 February.", Role.EVENT),
        ("The mayor praised Thursday's vote.", Role.STATE),  # no occasion: praised when?
        # After "and", a date before a verb opens the subject's second deed, not a subject of its own.
        ("The envoy met the minister on 4 March and the following day carried a letter to Oslo.", Role.EVENT),
        # A negative subject: nothing happened.
        ("Nothing about the tariffs changed on Sunday.", Role.STATE),
        ("No agreement was reached on Tuesday.", Role.STATE),
        # A relative clause after the date says what happened then.
        ("The minister was replying to an interview on Monday in which the mayor said the port would close.", Role.EVENT),
        # "before" a noun does not say it happened; the clause before lends its nearest auxiliary.
        ("Analysts said the union was unlikely to strike before the election on 3 November.", Role.STATE),
        # A past form after a comma that follows a clause with its own verb is a participle.
        ("The two navies are due to hold a drill, known as Sea Star, from March 20 to 24.", Role.ANNOUNCED),
        # A speaker's words after a later comma are theirs: "said" stays the subject's verb.
        ('The minister, speaking in Oslo on Tuesday afternoon, said the dam "held, frankly, better than we had hoped".', Role.EVENT),
    ],
)
def test_a_dated_sentence_is_read_by_its_grammar(text: str, role: Role) -> None:
    assert roles(text)[0][1] == role.value


def test_each_date_of_a_sentence_is_read_in_its_own_clause() -> None:
    text = "Analysts said the strike could have ended last month, and the union signed a deal on 1 March."
    assert roles(text) == [("last month", "state"), ("1 March", "event")]


def test_a_date_after_a_relative_clause_goes_with_that_clause() -> None:
    """Of the clauses of a segment before a verbless date, the nearest: the relative clause's plan,
    not the main clause's deed; a colon instead lists what the main clause says."""
    text = "The envoys signed a pact on Monday under which both fleets will halt patrols on land, at sea and in the air from April 1."
    assert roles(text) == [("on Monday", "event"), ("April 1", "announced")]
    listed = "For most of 2018 the truce produced a calm that was itself an achievement: no raids, the reopening of the port in May."
    assert roles(listed)[-1] == ("in May", "event")


def test_dates_listed_after_a_present_perfect_are_its_past_events() -> None:
    """The present perfect takes no definite past date: dates listed after its colon are the times it counts."""
    text = "The two mayors have met twice: in Lima on 2 June 2017 and in Quito in February last year."
    assert roles(text) == [("2 June 2017", "event"), ("in February last year", "event")]
    assert roles("Prices have risen in over a year.") == [("over a year", "state")]


def test_dates_listed_between_dashes_after_a_present_perfect_are_its_past_events() -> None:
    """A dash sets off the list as a colon does, the perfect in a relative clause too; a dash
    inside a word or a span of years opens no list, and a date after the list's closing dash is its
    own clause's."""
    text = "The mayor, who has visited the plant twice - on 4 February and again on 6 March - has praised it since."
    assert roles(text) == [("4 February", "event"), ("6 March", "event")]
    assert titles(text) == ["The mayor has visited the plant twice"] * 2
    assert roles("The mayor has visited the plant twice - and has praised it since 6 March.") == [("6 March", "state")]


def test_dates_included_in_what_a_present_perfect_counts_are_its_past_events() -> None:
    text = "The yard has launched a dozen ships so far this year, including two tankers on July 4 and July 28."
    assert roles(text) == [("this year", "state"), ("July 4", "event"), ("July 28", "event")]


def test_a_second_verb_after_and_takes_the_first_verb_s_subject() -> None:
    """No subject ends in "and": past a span's last day, "carried" shares "met"'s subject."""
    assert titles("The envoy met the minister on 4–5 March and the following day carried a letter to Oslo.")[1] == "The envoy carried a letter to Oslo"


def test_a_when_clause_after_a_date_says_what_happened_then() -> None:
    """"since June 30, when the ministers met" bounds a span, but the "when" clause is an event of June 30."""
    text = "Trade has grown since 30 June, when the ministers signed the Hwasong-15 accord in Oslo."
    [mention] = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert (mention.role, mention.date.iso(), mention.title) == (Role.EVENT, "2018-06-30", "The ministers signed the Hwasong-15 accord in Oslo")



@pytest.mark.parametrize(
    ("text", "role"),
    [
        # The subject's apposition between commas, then the verb of the "when" clause…
        ("The mill has been idle since 2 March, when Anna Berg, then its owner, sold it to a bank.", "event"),
        # …but no verb after the apposition: no clause, the span's bound alone.
        ("The mill has been idle since 2 March, when Anna Berg, then its owner, and her son, a lawyer.", "state"),
    ],
)
def test_a_when_clause_reads_past_its_subject_s_apposition(text: str, role: str) -> None:
    assert roles(text) == [("2 March", role)]

@pytest.mark.parametrize(
    ("text", "date", "end"),
    [
        ("The minister is due to attend the forum in Lima on March 20-21.", "2019-03-20", "2019-03-21"),
        ("The ministers met in Oslo on 12 March and are due to meet again on 8 April.", "2019-04-08", None),
        ("The envoys will meet in Oslo on Monday.", "2019-03-18", None),  # published on a Friday
    ],
)
def test_a_plan_s_date_without_a_year_is_the_next_such_day(text: str, date: str, end: str | None) -> None:
    """News's convention (the last such day before publication) is for what happened; a plan is ahead."""
    planned = [m for m in find_mentions("a", text, PUBLISHED, [Span(0, len(text))]) if m.role is Role.ANNOUNCED]
    assert [(m.date.iso(), m.resolved.end.iso() if m.resolved.end else None) for m in planned] == [(date, end)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The city is counting on the festival, which opens on March 20, to fill its hotels.", "2019-03-20"),
        ("The fair, which they open on 2 April, will run for a week.", "2019-04-02"),
        ("Officials said prices would fall when she signs the bill on Tuesday.", "2019-03-19"),
    ],
)
def test_a_day_without_a_year_in_a_present_tense_clause_is_a_plan(text: str, date: str) -> None:
    """A clause in the present tense ("which opens on March 20", "when she signs the bill on
    Tuesday") reports no past deed: written before that day, it is the next such day, a plan,
    whatever verb another clause of the sentence has."""
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert [(m.date.iso(), m.role) for m in mentions] == [(date, Role.ANNOUNCED)]


def test_a_day_without_a_year_is_not_moved_a_year_ahead_past_the_nearer_day() -> None:
    """News leaves out the current year: a day without one that has just passed is not next year's
    (that plan would carry its year), but a day just ahead in January, in an article of December,
    is next year's."""
    for text in ("The ministers met in Oslo on 12 March and are due to meet again on 8 March.", "The sanctions, which date back to March 2, remain in force."):
        mentions = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
        assert all(m.date.year == 2019 for m in mentions), text
        assert all(m.role is not Role.ANNOUNCED for m in mentions), text
    text = "The ministers met in Oslo on 12 December and will meet again on Jan. 5."
    mentions = find_mentions("a", text, dt.date(2018, 12, 20), [Span(0, len(text))])
    assert [(m.date.iso(), m.role) for m in mentions] == [("2018-12-12", Role.EVENT), ("2019-01-05", Role.ANNOUNCED)]


@pytest.mark.parametrize(
    "text",
    [
        # The present verb of a relative clause that mentions a dated noun is not the date's verb.
        "Kim welcomed the statement, which refers to the meeting on June 12.",
        "Trump met Kim in Singapore, which hosts the talks on June 12.",
        # "which" after a preposition asks which; it opens no clause with a verb of its own.
        "The two sides argued over which venue to use on June 12.",
    ],
)
def test_a_present_verb_dates_only_what_its_own_clause_does(text: str) -> None:
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert [(m.date.iso(), m.role) for m in mentions] == [("2018-06-12", Role.EVENT)]


def test_a_relative_verb_agrees_with_its_noun() -> None:
    """"the festival, which open" is no singular noun's present (the -s is missing), so it is no plan."""
    assert roles("The city is counting on the festival, which opens on March 20, to fill its hotels.") == [("March 20", "announced")]
    assert roles("The city is counting on the festival, which open on March 20, to fill its hotels.") != [("March 20", "announced")]
    assert roles("The city is counting on the games, which open on March 20, to fill its hotels.") == [("March 20", "announced")]
    # The noun before a phrase of place: "the games in Lima, which open".
    assert roles("The city is counting on the games in Lima, which open on March 20, to fill its hotels.") == [("March 20", "announced")]


def test_a_present_tense_is_read_only_after_a_subject_at_its_clause_s_start() -> None:
    """The verb after a subject pronoun opening its clause is the clause's ("when she opens it"); "it"
    later in a clause may be its object ("broadcast it only hours later"), so the clause takes the
    sentence's past verb. A plan reported beside a dated deed may have happened by publication."""
    assert roles("The mayor, who took office on May 10, praised the bridge when she opens it on June 29.") == [("May 10", "event"), ("June 29", "state")]
    text = "The rocket fell on 2 March. The station broadcast it only hours later, but viewers saw the footage."
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, 27), Span(28, len(text))])
    assert [(m.date.iso(), m.role) for m in mentions] == [("2019-03-02", Role.EVENT), ("2019-03-02", Role.EVENT)]


def test_the_first_in_some_months_measures_back_and_is_no_plan() -> None:
    assert roles("It was the first meeting of the two sides in seven months.") == []


def test_a_date_that_cannot_exist_leaves_the_sentence_s_real_date() -> None:
    text = "The envoys met on February 30, 2019, and signed the accord on March 2, 2019."
    assert roles(text) == [("March 2, 2019", "event")]


def test_a_noun_placed_by_after_is_the_event() -> None:
    """"after the flood in May" says the flood happened then: the flood is the dated event."""
    text = "Trade slowed after the flood in May."
    [mention] = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert (mention.role, mention.date.iso(), mention.title) == (Role.EVENT, "2018-05", "The flood")


def test_a_noun_placed_by_since_or_before_is_no_event_of_its_sentence() -> None:
    """"since the flood in May" is the start of a state the sentence reports (the three training
    sets' writers marked each such sentence a non-event); "before the vote on 3 November" may not
    have happened at all."""
    assert roles("Trade has slowed since the flood in May.") == [("in May", "state")]
    assert roles("The union was unlikely to strike before the vote on 3 November.") == [("3 November", "state")]


def test_a_date_placed_on_a_noun_titles_that_noun_not_the_reporting_clause() -> None:
    """"the first such crossing since the closure of the coastal road in February": February is
    when the closure happened, not when the authority spoke. A capitalised head is a body or
    place the date does not belong to ("before the Senate Finance Committee on Monday")."""
    text = (
        "The ferry sailed from the northern port on Saturday, the harbour authority said, "
        "the first such crossing since the closure of the coastal road in February."
    )
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert [(m.date.iso(), m.role, m.title) for m in mentions] == [
        ("2019-03-09", Role.EVENT, "The ferry sailed from the northern port"),
        ("2019-02", Role.EVENT, "The closure of the coastal road"),
    ]
    assert titles("The minister testified before the Senate Finance Committee on Monday.") == ["The minister testified"]


def test_a_counted_date_after_its_subject_is_an_adverb_not_the_subject() -> None:
    """"The summit two days later produced …": "two days later" is when, not who; a date is a
    subject only as a noun ("The year 2017 set the tone")."""
    text = "The envoys arrived on 10 June.\n\nThe summit two days later produced a joint statement."
    sentences = [Span(0, 30), Span(32, len(text))]
    mentions = find_mentions("a", text, dt.date(2018, 6, 20), sentences)
    assert [(m.date.iso(), m.role, m.title) for m in mentions][1] == ("2018-06-12", Role.EVENT, "The summit produced a joint statement")
    assert [m.role for m in find_mentions("a", "The year 2017 set the tone.", PUBLISHED, [Span(0, 27)])] == [Role.STATE]


def test_an_abbreviated_title_before_a_name_is_no_subject_of_its_own() -> None:
    """"Gen. Kim, the force's commander, gave …": the title's dot ends no segment a subject stands in."""
    assert titles("On Monday, Gen. Kim Rak Gyom, the force's commander, gave details.") == ["Kim Rak Gyom gave details"]
    assert titles("On Monday, Dr. Alvarez, the lab's director, resigned.") == ["Alvarez resigned"]


def test_a_time_of_day_before_a_date_is_no_event_s_noun() -> None:
    """"after noon on Monday", "during the night on Dec. 7": a time of the day, not an event the
    date places, so the clause is the title, not "Noon"."""
    assert titles("The council met after noon on Monday.") == ["The council met"]
    assert titles("The mayor resigned before midnight on 2 February.") == ["The mayor resigned"]


def test_a_month_s_abbreviation_ends_no_segment_a_subject_stands_in() -> None:
    """"and on Aug. 24 Smith called off …": the abbreviation's full stop is no break, so the
    subject is Smith, not "24 Smith", and the first clause is no fragment of the second."""
    text = "The first visit, on July 6 and 7, ended with the council accusing the mayor of lying, and on Aug. 24 Smith abruptly called off a second visit by his deputy."
    assert titles(text) == ["The first visit ended with the council accusing the mayor of lying", "Smith abruptly called off a second visit by his deputy"]


def test_another_date_s_abbreviated_month_ends_the_headline() -> None:
    """"More launches followed on July 31 and Aug. 2": the other date is no part of July 31's
    headline (a guard: the abbreviation's full stop no longer ends the clause, which had cut it there)."""
    assert titles("More launches followed on July 31 and Aug. 2.")[0] == "More launches followed"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An opening phrase before the subject, with no comma: the subject is the pronoun after it.
        ("In his speech on Monday he had called for talks.", "He had called for talks"),
        # Unless the main clause follows a comma: then the pronoun's clause is a relative one
        # without "that", and its noun is the object the verb would otherwise lack.
        ("In the accord he signed with the mayor on 19 September, Smith went further.", "The accord he signed with the mayor"),
        # "Later", "Earlier" before the subject are connectives, as "Then" is.
        ("The council voted on Monday. Earlier that morning the mayor met the envoy of Oslo.", "The mayor met the envoy of Oslo"),
    ],
)
def test_a_headline_leaves_out_what_opens_the_clause_before_its_subject(text: str, title: str) -> None:
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    assert [m.title for m in find_mentions("a", text, PUBLISHED, sentences) if m.role is Role.EVENT][-1] == title


def test_a_date_after_an_aside_and_before_and_ends_the_first_conjunct() -> None:
    """"He met Lee, his counterpart, on Thursday and was scheduled to …": Thursday is the meeting's
    day, a past deed, not the plan after "and" (it had been moved to next Thursday)."""
    text = "He met his counterpart, Lee Do-hoon, on Thursday and was scheduled to meet the minister later on Friday."
    (thursday, *_) = find_mentions("a", text, dt.date(2019, 5, 10), [Span(0, len(text))])
    assert (thursday.date.iso(), thursday.role, thursday.title) == ("2019-05-09", Role.EVENT, "He met his counterpart")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # "and" inside a subject after the date opens no second conjunct.
        ("This year the mayor and I opened the bridge.", "The mayor and I opened the bridge"),
        # Nor does a first segment: the date has no clause before it to close.
        ("Last year the mayor and then the council approved the plan.", "The mayor and then the council approved the plan"),
    ],
)
def test_a_date_before_and_keeps_its_clause_s_verb_when_no_conjunct_ends(text: str, title: str) -> None:
    """Guards for the rule above: only a date opening a segment after a comma, right before "and"
    and a verb, closes the conjunct before it."""
    assert titles(text) == [title]


def test_a_date_placed_on_a_bare_name_is_titled_by_the_clause() -> None:
    """"after Lisbon on 12.05.2016 and Madrid in late May": the names say nothing as a title;
    the sentence's clause does."""
    text = "The final was the club's third, after Lisbon on 12.05.2016 and Madrid in late May."
    assert titles(text) == ["The final was the club's third"] * 2


def test_a_span_of_years_before_a_noun_dates_that_noun() -> None:
    """"the 1950-53 war" names the years the war lasted: it happened then, whatever the clause
    says of it, and the noun is its title; a span as an adverb or before a noun of time is a period."""
    text = "The garrison is a legacy of the 1870-71 Franco-Prussian War, which ended in a treaty."
    (mention,) = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert (mention.role, mention.date.iso(), mention.extent) == (Role.EVENT, "1870", (EventDate(1870), EventDate(1871)))
    assert mention.title == "Franco-Prussian War"
    assert roles("Few had seen such floods since the 1926–1927 flood, and the town rebuilt.")[0] == ("1926–1927", "event")
    assert roles("Output in 2017-18 rose.") == [("2017-18", "state")]
    assert roles("The talks of 2018-19 failed.") == [("2018-19", "state")]  # a period measured, never shown
    assert roles("The club's 2017-18 season was its worst.") == [("2017-18", "state")]


def test_a_noun_placed_on_a_day_after_since_happened_that_day() -> None:
    """"since the collapse of the dam on 3 March": a span bounded by a day starts with what
    happened then, titled by the noun; bounded by a month or a year, it is a period."""
    text = "The valley has flooded twice since the collapse of the dam on 3 March."
    assert roles(text) == [("3 March", "event")]
    assert titles(text) == ["The collapse of the dam"]
    assert roles("The valley has flooded twice since the collapse of the dam in March.") == [("in March", "state")]
    assert roles("The valley has flooded twice since 3 March.") == [("3 March", "state")]


def test_a_date_in_an_opening_participle_phrase_dates_the_subject_s_deed() -> None:
    """"Asked on Monday what would happen, he was blunter": the date is the participle's, whose
    deed was the subject's, in the main clause's tense; the question's "would" is no plan, and a
    copula there says how the subject was then. A name ending in "-ing" with its verb is no participle."""
    text = "Asked in Oslo on Monday what would happen if the dam failed, the engineer was blunter."
    assert roles(text) == [("on Monday", "event")]
    assert titles(text) == ["The engineer was blunter"]
    assert roles("Speaking in Oslo on Monday, the engineer will say more.") == [("on Monday", "announced")]
    assert roles("Reading on Monday rejected the offer, saying it was late.") == [("on Monday", "event")]


def test_a_subject_placed_on_a_day_is_titled_by_its_noun() -> None:
    assert titles("Her sudden resignation on Monday leaves the board without a chair.") == ["Her sudden resignation"]
    assert titles("The White House on Monday rejects the plan.") == []  # a name: a body, not a deed


def titles(text: str, published: dt.date = PUBLISHED) -> list[str]:
    return [m.title for m in find_mentions("a", text, published, [Span(0, len(text))]) if m.role is Role.EVENT]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The mayor opened the bridge on 2 March.", "The mayor opened the bridge"),
        # A title never ends on a preposition whose object it lost: an object pronoun stays; an
        # object two verbs share comes after the aside.
        ("The envoy sat near her on Friday.", "The envoy sat near her"),
        ("On Friday, the envoy sat near, but did not greet, the rival delegation.", "The envoy sat near the rival delegation"),
        # Openers, asides and the date are left out.
        ("But in a speech last November, the minister defended the budget.", "The minister defended the budget"),
        ("Anna Berg, the chief engineer, resigned on Monday.", "Anna Berg resigned"),
        # The date's clause, not the clause it hangs from.
        ("The talks stalled early Wednesday when the envoy walked out.", "The talks stalled"),
        # A verb sharing the subject before it; a relative clause's noun.
        ("Prices rose on 4 May, and fell again two days later.", "Prices rose"),
        ("The mayor, who resigned on Monday, denied wrongdoing.", "The mayor resigned"),
        ("The board approved a two-year plan that ended on Monday.", "A two-year plan ended"),
        # A participle phrase is no verb; a segment less its date can be the subject.
        ("The summit, held on 27 February in Oslo, ended early.", "The summit ended early"),
        ("Kim's speech on Jan. 1, 2018, opened the door to talks.", "Kim's speech opened the door to talks"),
        # A pronoun takes the name the sentence began with.
        ("Anna Berg would know; in 2016 she founded the firm.", "Anna Berg founded the firm"),
        # A verb with nothing after it in its clause takes its "that" clause, through quotation
        # marks, as far as the clause has its verb…
        ("The mayor announced on Monday that the bridge would close.", "The mayor announced that the bridge would close"),
        ('The mayor warned on Monday that the city "cannot afford" the repairs.', "The mayor warned that the city cannot afford the repairs"),
        # …or only whom it told: what was said is the news, not "The mayor told reporters".
        ("The mayor told reporters on Sunday that the bridge would reopen.", "The mayor told reporters that the bridge would reopen"),
        # …else it stays a verb alone, not a clause without its verb.
        ('The mayor warned on Monday that before long, "the bridge will fall".', "The mayor warned"),
        # "of" between capitals is part of a name, never where a long title is cut.
        (
            "Minister of Transport Anna Berg announced on Monday that the bridge would close for repairs in the spring.",
            "Minister of Transport Anna Berg announced that the bridge would close…",
        ),
        # "that" before a noun is its determiner: the noun is the object.
        ("The council disputed that account on Monday, saying it was wrong.", "The council disputed that account"),
        # A clause with no subject takes one: the noun its relative pronoun stands for, past the
        # date ("The blast on Monday, which …"), or a determiner's noun ("That vote, …, came"),
        # which is the event itself when its verb only says it happened (test_titles_name_the_event_…).
        ("The blast on Monday, which shook the harbour, was heard for miles.", "The blast shook the harbour"),
        ("That vote, on Monday, came after a long debate.", "That vote"),
        # A comparison's standard, the quoted words that are a verb's object, the occasion a
        # date's noun names: the first two stay, the third goes with its date.
        ("The yard has launched more than a dozen ships so far this year, including one on 4 July.", "The yard has launched more than a dozen ships so far this year"),
        ('The envoy had taken "a very hard line" at the Oslo talks of 12-13 February.', "The envoy had taken a very hard line at the Oslo talks"),
        # (and what was told, the "that" clause, is the news: test_a_verb_of_saying_takes_…)
        ("The mayor told the council at Thursday's meeting that taxes would rise.", "The mayor told the council that taxes would rise"),
        # Too long: the subject's trailing phrase goes first, then the predicate's, which an
        # ellipsis marks: the end shown is not the clause's (a leading phrase left out is not).
        (
            "A long-awaited three-day conference between the finance ministers of the northern provinces "
            "collapsed on Thursday over a dispute about the sharing of river water.",
            "A long-awaited three-day conference collapsed over a dispute…",
        ),
    ],
)
def test_titles_are_the_main_clause_in_the_sentence_s_words(text: str, title: str) -> None:
    assert titles(text)[0] == title


def test_a_title_cut_short_ends_on_a_whole_word_with_an_ellipsis() -> None:
    """An imported article's "President Donald Trump became the first sitting American president to
    set foot" read as whole (walkthrough): cut before "in North Korea", it now says it was cut."""
    text = (
        "President Donald Trump became the first sitting American president to set foot in North Korea on Sunday, "
        "June 30, 2019, when he crossed the military demarcation line at Panmunjom and shook hands with Kim Jong Un."
    )
    (title,) = titles(text, dt.date(2019, 7, 1))
    assert title == "President Donald Trump became the first sitting American president to set foot…"
    assert title[:-1] in text and len(title) <= 81


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number joined to a word by a hyphen is one word: never cut inside, nor a segment's end.
        (
            "Berg met Kim for about two hours in the morning and then joined him for a 90-minute lunch, on his fourth trip to the northern capital this year.",
            ["Berg met Kim for about two hours in the morning and then joined him…"],
        ),
        ("The 140-strong choir had arrived at the port on 2 March.", ["The 140-strong choir had arrived at the port"]),
        # A relative clause's noun runs back past "of": the tour ended, not Spain.
        ("During a 12-day tour of Spain that ended on 2 March, the mayor gave a speech.", ["A 12-day tour of Spain ended"]),
        # A second verb after "and" takes its clause's subject; a past form after a verb's object is a participle.
        (
            "Anna Berg, an engineer, was detained in October 2015 and sentenced to ten years in April 2016.",
            ["Anna Berg was detained and sentenced to ten years in April 2016", "Anna Berg sentenced to ten years"],
        ),
        ("The mayor spoke of the old war, which was ended by a treaty signed on 2 March 1921.", ["The old war was ended by a treaty signed"]),
        # An infinitive is no subject: the main clause says who.
        ("The towns agreed to open a joint office, to hold a fair for families parted by the flood on 2 March.", ["The towns agreed to open a joint office"]),
        # No clause read: the sentence's words, cut before a phrase, never on "and".
        (
            "The treaty requires all member states to repatriate the foreign workers and the officials who supervise them by 22 December 2019.",
            ["The treaty requires all member states to repatriate the foreign workers…"],
        ),
        # "in which he …": the pronoun is the sentence's subject; an opening phrase is no subject.
        (
            "Berg laid out her plan in a speech at the club on 2 March, in which she named Kim as her deputy and said the firm had agreed, during the mayor's visit to the port in October, to close the old mill.",
            ["Berg laid out her plan in a speech at the club", "Berg said the firm had agreed"],
        ),
        ("In a statement carried by the radio, Anna Berg, the mayor, said Kim had resigned on Monday.", ["Anna Berg said Kim had resigned"]),
        # "whose" makes its noun the owner; the relative clause's aside is no subject of the main verb.
        ("He cited the example of Norway, whose king gave up his throne in 1905.", ["Norway’s king gave up his throne"]),
        # A name placing the noun before it is no antecedent when a determiner opens that noun:
        # the fair ended, not Oslo; after a verb's object ("met Kim in Oslo, which …") the place stays.
        ("The three-day fair in Oslo, which ended on Sunday, drew large crowds.", ["The three-day fair in Oslo ended"]),
        ("The envoy met Berg in Oslo, which hosted the talks on Sunday.", ["Oslo hosted the talks"]),
        ("Anna Berg, whose firm is in Oslo, arrived on a late train on Monday.", ["Anna Berg arrived on a late train"]),
    ],
)
def test_a_title_is_a_whole_clause_with_its_subject(text: str, expected: list[str]) -> None:
    found = [m.title for m in find_mentions("a", text, PUBLISHED, [Span(0, len(text))]) if m.role is not Role.STATE]
    assert found == expected


def test_a_plan_reported_by_someone_s_office_is_titled_by_whom_the_pronoun_names() -> None:
    """"The mayor's office said that she would open …": "she" is the mayor, not her office."""
    text = "The mayor's office said on Monday that she would open the bridge next month."
    planned = [m.title for m in find_mentions("a", text, PUBLISHED, [Span(0, len(text))]) if m.role is Role.ANNOUNCED]
    assert planned == ["The mayor would open the bridge"]


def test_a_title_does_not_end_on_another_date_s_month() -> None:
    """The clause a plan is titled by may end at another date's abbreviated month ("around Oct. 10"):
    the title leaves that date out, as it does its own."""
    text = "Officials warned that the city could hold another vote around Oct. 10, and the council, which opens its session on Oct. 18, may delay it."
    planned = [m.title for m in find_mentions("a", text, dt.date(2019, 9, 22), [Span(0, len(text))]) if m.role is Role.ANNOUNCED]
    assert all(not title.endswith(("Oct", "around")) for title in planned) and planned[0] == "The city could hold another vote"


def test_words_that_blur_the_date_go_with_it() -> None:
    """"less than a week later": the title keeps neither the date nor "less than"."""
    assert titles("The mayor left on 2 March, and the envoy walked out less than a week later.") == ["The mayor left", "The envoy walked out"]


def test_a_title_is_short_and_whole() -> None:
    text = (
        "The regional water authority of the three northern provinces and their many municipalities "
        "announced on Monday a sweeping plan for the renovation of every reservoir in the mountains."
    )
    [title] = titles(text)
    assert len(title) <= 80 and not title.endswith(("of", "the", "for", "in"))
    assert title.startswith("The regional water authority announced")


def test_an_event_of_several_days_has_a_start_and_an_end() -> None:
    text = "The two-day summit opened on Wednesday with a call for lower tariffs."
    [mention] = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert mention.extent is not None
    assert [d.iso() for d in mention.extent] == ["2019-03-13", "2019-03-14"]
    # A relative clause says when its noun, the occasion of another deed, took place: its days.
    text = "At a four-day congress that ended on Thursday, the party elected a new chair."
    [mention] = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert mention.extent is not None
    assert [d.iso() for d in mention.extent] == ["2019-03-11", "2019-03-14"]
    text = "The forum opened on 11 March and ran for three days."
    [mention] = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert mention.extent is None  # "three days" is no "three-day" meeting: no span is guessed


@pytest.mark.parametrize(
    "text",
    [
        "The two-day summit ended on Thursday without a deal.",
        "The ministers, speaking as the three-day forum closed on Thursday, said tariffs would fall.",
    ],
)
def test_a_meeting_of_several_days_said_to_close_on_a_day_closed_that_day(text: str) -> None:
    """The closing is what the clause tells: it happened on Thursday, and the event is shown
    then, not from the meeting's first day."""
    [mention] = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert (mention.role, mention.date.iso(), mention.extent) == (Role.EVENT, "2019-03-14", None)


def test_its_second_day_is_a_day_of_the_span_before_it() -> None:
    """"on its second day" counts as "on the second day" does: the span's first day and the next.
    The span stays its own mention, dated from its first day as written."""
    text = "The summit in Oslo on 13 and 14 March ended abruptly on its second day, with a lunch cancelled."
    found = [(text[m.phrase.start : m.phrase.end], m.date.iso()) for m in find_mentions("a", text, PUBLISHED, [Span(0, len(text))]) if m.role is Role.EVENT]
    assert found == [("13 and 14 March", "2019-03-13"), ("its second day", "2019-03-14")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "until" ends a span: the day it names is no deed's, whatever verb the clause has.
        ("The union called off a strike that began on 4 March and lasts until March 9.", [("4 March", "event")]),
        ("The mill stayed open until 4 March.", []),
        # A "when" clause right after it still says what happened then.
        ("She was the mayor until January 2019, when the council removed her.", [("January 2019", "event")]),
    ],
)
def test_a_date_after_until_bounds_a_span_and_dates_no_deed(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(phrase, role) for phrase, role in roles(text) if role != "state"] == expected


def test_an_emphatic_reflexive_stays_inside_the_verb_group() -> None:
    """"was itself announced": a passive deed, as "was announced" is, not a copula's judgment."""
    assert roles("The ban the mayor lifted was itself imposed at a council meeting, on 3 May 2016, as the river rose.") == [("3 May 2016", "event")]
    assert roles("The mayor had himself signed the order on 3 May 2016.") == [("3 May 2016", "event")]


@pytest.mark.parametrize(
    ("text", "dates", "title"),
    [
        (
            "The navy has not tested a torpedo since May 3, 2017, or fired a cruise missile since Nov. 29 of that year.",
            ["2017-05-03", "2017-11-29"],
            "The navy last tested a torpedo",
        ),
        ("The air force hasn't flown a bomber over the strait since 3 May 2017.", ["2017-05-03"], "The air force had last flown a bomber over the strait"),
    ],
)
def test_a_negated_perfect_since_a_day_dates_the_last_such_deed(text: str, dates: list[str], title: str) -> None:
    """"has not tested … since May 3, 2017": the span with no such deed starts after the last
    one, done that day; the title tells that deed, without the negation."""
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, len(text))])
    assert [(m.role, m.date.iso()) for m in mentions] == [(Role.EVENT, d) for d in dates]
    assert mentions[0].title == title


@pytest.mark.parametrize(
    "text",
    [
        "The port has been closed since May 3, 2017.",  # no negation: a state up to now
        "The navy has not tested a torpedo since 2017.",  # a year bounds the span, no day of a deed
        "Nobody has stood for the seat since May 3, 2016.",
        # A verb of doing again: the day is when it stopped, not the deed's (late review).
        "Working-level talks have not resumed since Oct. 5, 2017.",
        "The North has not returned to the negotiating table since Oct. 5, 2017.",
        "The border crossing has not reopened since Jan. 30, 2018.",
    ],
)
def test_a_span_since_a_date_without_a_negated_perfect_on_a_day_is_no_event(text: str) -> None:
    assert [m.role for m in find_mentions("a", text, PUBLISHED, [Span(0, len(text))])] == [Role.STATE]


def test_a_date_restating_a_weekday_goes_with_the_weekday_s_clause() -> None:
    """"ended in Oslo on Monday, March 11, 2019, with no contract signed": the written day restates
    the weekday before its comma, so it dates "ended", not the participle after the aside."""
    text = "The strike by the port workers ended suddenly in Oslo on Monday, March 11, 2019, with no contract signed."
    assert roles(text) == [("March 11, 2019", "event")]
    assert titles(text) == ["The strike by the port workers ended suddenly in Oslo"]


def test_a_date_in_a_participle_phrase_after_the_verb_does_not_date_the_main_clause() -> None:
    """"cut the ribbon … after inspecting it a day earlier": the date times the inspecting, which
    is the event of that day; the ribbon is not put on that day under the main clause's title."""
    text = "The bridge opened to traffic on Friday, March 15, 2019. The mayor cut the ribbon at its north end after inspecting it a day earlier with engineers."
    mentions = find_mentions("a", text, PUBLISHED, [Span(0, 55), Span(56, len(text))])
    events = [(m.date.iso(), m.title) for m in mentions if m.role is Role.EVENT]
    assert events == [("2019-03-15", "The bridge opened to traffic"), ("2019-03-14", "Inspecting it")]


def test_a_participle_phrase_s_date_keeps_a_finite_clause_and_a_plan_as_they_were() -> None:
    """A clause with its own verb ("after he inspected it on 2 March") is titled by that verb, and
    a participle after a plan ("will stop … before opening it on 20 March") is still a plan."""
    assert titles("The mayor was pleased after he inspected the bridge on 2 March.") == ["The mayor inspected the bridge"]
    assert roles("The mayor will stop in Bergen before opening the bridge on 20 March.") == [("20 March", "announced")]
    assert titles("The mayor left the town without opening the bridge on 2 March.") == ["The mayor left the town without opening the bridge"]  # not done


def test_a_comparison_after_a_counted_date_leaves_the_title_with_the_date() -> None:
    """"flew home two hours earlier than planned": "than planned" goes with the date words, not into the title."""
    text = "The talks in Oslo ended on 12 March. The minister flew home two hours earlier than planned."
    titles_found = [m.title for m in find_mentions("a", text, PUBLISHED, [Span(0, 35), Span(36, len(text))]) if m.role is Role.EVENT]
    assert "The minister flew home" in titles_found
