"""Who said what: every quotation in the articles with its speaker, found by general patterns."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from bot.knowledge.models import Article, ArticleMeta
from bot.knowledge.store import KnowledgeStore
from bot.quotations.accuracy import Marked, measure, read_marked
from bot.quotations.find import Quotation, find_quotations
from bot.search.aliases import AliasTable

MARKED = Path(__file__).resolve().parent / "data" / "quotations_bundled.yaml"


def article(body: str, author: str | None = None) -> Article:
    meta = ArticleMeta(id="made-up", title="Made up", publisher="Test Gazette", published=dt.date(2019, 3, 1), author=author)
    return Article(meta, textwrap.dedent(body).strip(), Path("made-up.md"))


def said(body: str, author: str | None = None) -> list[tuple[str, str]]:
    """(speaker, words) of every quotation found, each checked to be an exact slice of the body."""
    found = find_quotations(article(body, author))
    for quotation in found:
        assert quotation.text == quotation.quote.article.body[quotation.quote.start : quotation.quote.end]
    return [(q.speaker, q.text) for q in found]


def roles(body: str) -> dict[str, str | None]:
    return {q.speaker: q.role for q in find_quotations(article(body))}


# --- the bundled articles, against quotations marked by hand ---


def test_every_marked_quotation_is_found_with_its_speaker_and_none_is_misattributed(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    marked = read_marked(MARKED)
    for item in marked:  # the list itself must quote the articles exactly
        assert item.text in knowledge.articles[item.article].body, item
    found = [q for speaker in knowledge.speakers for q in speaker.quotations]
    accuracy = measure(found, marked, knowledge.aliases)
    assert accuracy.misattributed == ()
    assert accuracy.missed == ()
    assert accuracy.wrong == ()
    assert (accuracy.precision, accuracy.recall) == (1.0, 1.0)


def test_roles_are_the_articles_own_words(bundled_store: KnowledgeStore) -> None:
    marked_roles = {(m.speaker, m.article): m.role for m in read_marked(MARKED) if m.role}
    assert len(marked_roles) == 6
    quotations = [q for s in bundled_store.current.speakers for q in s.quotations]
    for (speaker, article_id), role in marked_roles.items():
        assert role in bundled_store.current.articles[article_id].body
        given = {q.role for q in quotations if q.speaker == speaker and q.quote.article.id == article_id}
        assert given == {role}


def test_quotes_are_exact_slices_of_the_article_files(bundled_store: KnowledgeStore) -> None:
    quotations: list[Quotation] = [q for s in bundled_store.current.speakers for q in s.quotations]
    assert len(quotations) >= 18
    for quotation in quotations:
        body = quotation.quote.article.body
        assert quotation.text == body[quotation.quote.start : quotation.quote.end]
        assert quotation.text in quotation.quote.article.path.read_text(encoding="utf-8")
        assert quotation.text == quotation.text.strip() and not quotation.text.endswith(",")


# --- each attribution pattern, on made-up paragraphs ---


def test_speech_verb_before_the_name_with_an_apposition() -> None:
    body = "“The talks will take years, not months,” says Maria Lopez, a historian at Example University."
    assert said(body) == [("Maria Lopez", "The talks will take years, not months")]
    assert roles(body) == {"Maria Lopez": "historian at Example University"}


def test_role_words_before_the_name() -> None:
    body = "“Nobody reads the fine print,” said former senator Tom Baker in a call with reporters."
    assert said(body) == [("Tom Baker", "Nobody reads the fine print")]
    assert roles(body) == {"Tom Baker": "former senator"}


@pytest.mark.parametrize("before", ["would like to meet", "had invited", "greeted"])
def test_a_verb_before_the_name_is_no_role(before: str) -> None:
    """/said showed "Kim Jong Un (meet)" for "… to meet Kim Jong Un": one lower-case word after "to"
    or an auxiliary, or ending in -ed, is a verb and its object; "to envoy" stays a title."""
    body = f"Mr. Ode said he {before} Tarek Amin on Sunday. “We agreed on the date,” Amin said."
    assert roles(body) == {"Tarek Amin": None}


@pytest.mark.parametrize("opening", ["said in a statement", "told reporters", "said"])
def test_a_name_that_labels_the_office_is_part_of_the_role(opening: str) -> None:
    # The name of an office before its title ("White House press secretary") opens the role, and the
    # person named after it speaks; the quotation after goes on in the same speaker's words.
    body = f"“We are aware of the launch tonight,” White House press secretary Sarah Sanders {opening}. \"We will continue to monitor as necessary.\""
    assert said(body) == [("Sarah Sanders", "We are aware of the launch tonight"), ("Sarah Sanders", "We will continue to monitor as necessary.")]
    assert roles(body) == {"Sarah Sanders": "White House press secretary"}


def test_a_surname_points_back_to_the_full_name() -> None:
    body = """
    Maria Lopez has studied the region for decades.

    “Patience wins,” Lopez said. “It always has.”
    """
    assert said(body) == [("Maria Lopez", "Patience wins"), ("Maria Lopez", "It always has.")]


def test_a_pronoun_points_back_to_the_person_named_most_recently() -> None:
    body = """
    Tom Baker, a retired diplomat, was hopeful. Maria Lopez, who advised two presidents, was not.

    “There had been one meeting. Only one,” she said.
    """
    assert said(body) == [("Maria Lopez", "There had been one meeting. Only one")]


def test_a_pronoun_skips_names_used_as_labels() -> None:
    body = """
    In an interview, Tom Baker, formerly the envoy, questioned the Lopez administration's approach.

    “We were not ready,” he said.
    """
    assert said(body) == [("Tom Baker", "We were not ready")]


def test_a_pronoun_never_points_at_a_place_named_after_a_preposition() -> None:
    body = """
    On the way home, Envoy Tom Baker struck a softer tone.

    In a talk aboard Ocean Star One, reported by the Gazette the next day, he said that nothing would change "until the harbour is open".
    """
    assert said(body) == [("Tom Baker", "until the harbour is open")]


def test_a_pronoun_points_at_the_subject_after_an_opening_phrase_that_names_others() -> None:
    """"Asked about tours to Mount Kumgang, joint projects suspended …, Trump was noncommittal.
    “…,” he said." gave Trump's words to Mount Kumgang, and "In his New Year's address, …, Kim
    said … and he urged …" gave Kim's to New Year: the first name of the sentence was taken for
    its subject. The subject is the name a verb follows, not a preposition's object or a possessive."""
    body = """
    President Tom Baker flew home on Sunday, and Envoy Maria Lopez stayed behind.

    Asked about tours to Port Halden, joint projects suspended under sanctions, Baker was noncommittal. "This isn't the right time," he said.

    In her Founders' Day address, broadcast at noon, Lopez said the talks had stalled, and she urged the north to take "practical steps" in return.
    """
    assert said(body) == [("Tom Baker", "This isn't the right time"), ("Maria Lopez", "practical steps")]


def test_words_a_country_or_a_capital_says_are_no_one_s() -> None:
    """"“…,” Seoul said" listed Seoul among the people quoted, and "… the United States must
    continue, and that he had “…”" gave the words to the United States: a country or a capital
    stands for a government whose speaker the article does not name, as "officials said"."""
    body = """
    Envoy Maria Lopez landed in Seoul on Monday.

    "Those weapons flew between 70 km and 200 km," Seoul said. "We are watching closely," she said.

    North Korea warned that the United States could expect a "Christmas gift" at the year's end.
    """
    assert said(body) == []


def test_a_titled_name_inside_a_speaker_s_role_is_not_the_speaker() -> None:
    """"“…,” said U.S. President Donald Trump spokeswoman Sarah Sanders." was no one's: the cue
    after the words found Trump (his title opens the phrase) and no speech verb after him."""
    body = """
    "We are hopeful," said U.S. President Tomas Brel spokeswoman Ilse Marr.

    "We are very pleased," U.S. President Tomas Brel spokeswoman Ilse Marr told reporters.
    """
    assert said(body) == [("Ilse Marr", "We are hopeful"), ("Ilse Marr", "We are very pleased")]


def test_the_subject_is_the_name_before_a_phrase_set_off_by_commas() -> None:
    body = """
    Foreign Minister Ana Silva, on a tour of Westmark, told reporters that "we are far from an agreement" with the north.
    """
    assert said(body) == [("Ana Silva", "we are far from an agreement")]


def test_a_paragraph_of_quotation_alone_goes_on_with_the_speaker_before() -> None:
    body = """
    "The harbour talks are stalled, and nobody in the capital expects a breakthrough," said Ana Silva, a historian at Westmark University.

    "But there is room for a smaller deal. Both sides want the ferries running again.

    "That alone would be worth a summit."

    "We will not sign anything this year," a ministry official said.
    """
    assert said(body) == [
        ("Ana Silva", "The harbour talks are stalled, and nobody in the capital expects a breakthrough"),
        ("Ana Silva", "But there is room for a smaller deal. Both sides want the ferries running again."),
        ("Ana Silva", "That alone would be worth a summit."),
    ]


def test_a_bare_surname_is_the_person_the_article_named_first_not_a_relative_named_since() -> None:
    body = """
    Governor Tom Baker flew to the coast on Friday to greet the returning sailors.

    Baker and his wife, Ann Baker, met the ship at the pier.

    Baker thanked the crew, saying they "were braver than anyone had a right to ask".
    """
    assert said(body) == [("Tom Baker", "were braver than anyone had a right to ask")]


@pytest.mark.parametrize(
    "since",
    [
        "Plans for a meeting with Park Dae-il, his envoy, were called off last month.",  # an object, just before
        "Park Dae-il, the envoy, flew to the capital last month.\n\nTrade talks stalled over the summer.",  # two paragraphs back
    ],
)
def test_a_family_name_first_is_the_person_named_first_not_one_named_since(since: str) -> None:
    # Family name first ("Park Sung-ho"): many share one, and news style names the others in full
    # every time, so a bare "Park" later is the person introduced first.
    body = f"""President Park Sung-ho of Ruritania spoke to parliament on Monday.\n\n{since}\n\nPark said the country would "never bargain away its defences"."""
    assert said(body) == [("Park Sung-ho", "never bargain away its defences")]


def test_a_family_name_first_right_after_another_of_that_name_as_subject_is_that_one() -> None:
    body = """
    President Park Sung-ho met the press on Monday.

    Park Dae-il, the envoy, flew to the capital on Tuesday.

    Park said the talks were "going nowhere".
    """
    assert said(body) == [("Park Dae-il", "going nowhere")]


def test_a_colon_after_a_second_clause_is_that_clauses_speakers() -> None:
    body = "President Ana Silva had said in March that the port would reopen, and Tom Baker had replied the next day: “It will not.”"
    assert said(body) == [("Tom Baker", "It will not.")]


def test_he_points_past_the_object_of_an_ing_verb_to_the_subject_before() -> None:
    body = """
    Governor Tom Baker reopened the port in May.

    At a dinner after meeting President Ana Silva in the capital, he said the harbour was "open for good".
    """
    assert said(body) == [("Tom Baker", "open for good")]


def test_a_name_before_an_adverb_and_a_verb_is_a_subject_not_a_label() -> None:
    body = """
    Ana Silva, a trade envoy, flew home on Monday.

    Governor Tom Baker first announced the deal in a speech on Tuesday.

    “We have a deal,” he told reporters.
    """
    assert said(body) == [("Tom Baker", "We have a deal")]


def test_a_name_in_apposition_after_a_title_word_is_a_person_for_she() -> None:
    body = """
    “We are ready,” said Tom Baker, a port official.

    A ministry spokeswoman, Ana Silva, told a briefing that talks would go on. “Nothing is decided,” she said.
    """
    assert said(body) == [("Tom Baker", "We are ready"), ("Ana Silva", "Nothing is decided")]


def test_she_after_a_broadcaster_and_its_newsreader_is_the_newsreader() -> None:
    # A role headed by an organisation's noun ("state broadcaster") shows a body, not a person;
    # a newsreader named in apposition is a person.
    body = """
    “We will wait,” said Tom Baker, a port official.

    An hour later, state broadcaster Ruritania Radio interrupted its programming with an announcement read by its newsreader, Ana Silva. She said the launch had been “a complete success”.
    """
    assert said(body) == [("Tom Baker", "We will wait"), ("Ana Silva", "a complete success")]


def test_a_role_headed_by_a_person_noun_before_a_relative_clause_still_shows_a_person() -> None:
    body = """
    The reply came from Ana Silva, the former envoy who twice carried letters to the foreign ministry. She called the plan “a waste of time”.
    """
    assert said(body) == [("Ana Silva", "a waste of time")]


def test_an_organisation_after_a_datelines_dash_is_named_without_its_the() -> None:
    # The same speaker as in a sentence of its own, not a second one called "The Harbour Board".
    body = "RIVERTON, May 2 (Test Wire) – The Harbour Board said the port would stay “shut until spring”."
    assert said(body) == [("Harbour Board", "shut until spring")]


def test_a_speech_noun_after_a_possessive_is_no_verb() -> None:
    body = "On Monday, Ana Silva, a deputy minister, called Governor Tom Baker's remarks about the port “reckless and wrong”."
    assert said(body) == [("Ana Silva", "reckless and wrong")]


def test_an_apposition_opening_with_a_possessive_name_is_a_role() -> None:
    body = "“We have no deadline,” Tom Baker, Ruritania's chief negotiator, told reporters on Monday."
    assert said(body) == [("Tom Baker", "We have no deadline")]
    assert roles(body) == {"Tom Baker": "Ruritania's chief negotiator"}


def test_a_colon_after_a_pronoun_an_adverb_and_a_verb() -> None:
    body = "Tom Baker, a port official, spoke first. He then turned to the crews: “Go home and rest.”"
    assert said(body) == [("Tom Baker", "Go home and rest.")]


def test_quoted_as_saying_after_the_quotation_is_the_one_quoted() -> None:
    body = """
    Governor Tom Baker met President Ana Silva on Monday.

    “The port will open in spring,” Silva was quoted as saying.

    “We are ready to trade again,” RNA quoted Baker as saying.
    """
    assert said(body) == [("Ana Silva", "The port will open in spring"), ("Tom Baker", "We are ready to trade again")]


def test_words_quoted_in_a_sentence_opened_by_according_to_are_that_persons() -> None:
    body = "According to Ana Silva, a historian at Riverton University, the accord “settled nothing that mattered”."
    assert said(body) == [("Ana Silva", "settled nothing that mattered")]


def test_a_colon_after_a_speech_verb_and_a_title() -> None:
    body = "In an interview last year, President Ana Silva explained why she trusts herself: “I have a feeling, and it is right.”"
    assert said(body) == [("Ana Silva", "I have a feeling, and it is right.")]
    assert roles(body) == {"Ana Silva": "President"}


def test_speech_over_several_sentences_and_a_later_addition() -> None:
    body = """
    Tom Baker, a retired diplomat, spoke first.

    “There was no plan,” he said. “So the question is: did anyone prepare? Did we?” He then added: “Not yet.”
    """
    assert said(body) == [
        ("Tom Baker", "There was no plan"),
        ("Tom Baker", "So the question is: did anyone prepare? Did we?"),
        ("Tom Baker", "Not yet."),
    ]


def test_a_quotation_that_ends_its_sentence_takes_the_cue_that_follows() -> None:
    body = "Ana Silva and Tom Baker met. “Is it over?” Baker asked in an interview. Silva replied, “Not yet.”"
    assert said(body) == [("Tom Baker", "Is it over?"), ("Ana Silva", "Not yet.")]


def test_organisations_named_with_the_are_their_speakers() -> None:
    body = """
    In a statement, the Riverside Centre for Justice Studies said: “The ruling stands.”

    “We will appeal,” the Harbour Workers’ Union said.

    “We will not,” the Council on Energy said.
    """
    assert said(body) == [
        ("Riverside Centre for Justice Studies", "The ruling stands."),
        ("Harbour Workers’ Union", "We will appeal"),
        ("Council on Energy", "We will not"),
    ]


def test_an_organisation_described_by_its_owner_or_by_an_acronym_speaks() -> None:
    body = """
    Hours after the envoy left, Ruritania’s foreign ministry accused the visitors of “reckless” demands, the state news agency RNA said.

    Ruritania’s official RNA news agency on Monday hailed the meeting as “a new dawn” and said the two sides had agreed to “keep talking”.

    “We are ready,” the interior ministry said.

    Ruritania’s defence ministry on Tuesday met the envoys and said the visit was “useful”.
    """
    assert said(body) == [
        ("Ruritania’s foreign ministry", "reckless"),
        ("RNA", "a new dawn"),
        ("RNA", "keep talking"),
        ("interior ministry", "We are ready"),
        ("Ruritania’s defence ministry", "useful"),
    ]


def test_a_thing_or_an_unnamed_official_is_still_no_one() -> None:
    body = """
    “The border stays shut,” a ministry official said.

    The statement said the talks were “over for now”.

    “We will see,” the ministry said.
    """
    assert said(body) == []


def test_a_description_is_the_person_the_article_gave_that_role() -> None:
    body = """
    Ruritanian leader Ana Silva met Prime Minister Tom Baker in the capital on Monday.

    Later the Ruritanian leader called the deal “a triumph for both peoples”.
    """
    assert said(body) == [("Ana Silva", "a triumph for both peoples")]


def test_a_description_no_person_fits_is_no_one() -> None:
    body = """
    Prime Minister Tom Baker arrived on Monday. The regional governor called the visit “a waste of time”.
    """
    assert said(body) == []


def test_words_a_news_source_reports_are_the_person_s_when_it_reports_her_speech() -> None:
    body = """
    President Ana Silva has written to the council twice.

    RNA reported on June 23 that Silva had called the reply “excellent”, and the state news agency reported that Silva said the talks were “useful”.

    The council said in a statement that the handover was “a first step”.
    """
    assert said(body) == [("Ana Silva", "excellent"), ("Ana Silva", "useful")]


def test_a_news_source_s_words_about_what_a_person_did_are_no_one_s() -> None:
    # The reporter's words about Silva, not Silva's; whether they quote her cannot be told.
    body = """
    President Ana Silva met Tom Baker.

    Reuters reported that Silva was “livid” about the leak.

    The state news agency reported that Silva had inspected “a new-type weapon”.

    RNA reported on June 23 that Silva had received a reply with “excellent content” that she would “study closely”.
    """
    assert said(body) == []


def test_an_organisation_and_a_spokesperson_for_one_are_read_back_to_the_same_phrase_start() -> None:
    """The organisation saying something and the one a spokesperson speaks for are one noun phrase
    read back from its last word to its determiner (cues._subject_phrase_start, shared by both):
    every word of it, a possessive's owner too."""
    body = """
    “The border stays shut,” the border security ministry said.

    A spokesman for Ruritania's border security ministry said the crossing was “closed for now”.
    """
    assert said(body) == [
        ("border security ministry", "The border stays shut"),
        ("Ruritania's border security ministry spokesman", "closed for now"),
    ]


def test_a_news_source_reporting_a_thing_speaks_for_itself() -> None:
    body = "The state news agency reported that the launch was “a success”."
    assert said(body) == [("state news agency", "a success")]


def test_a_pronoun_after_an_organisation_s_words_is_no_one_s() -> None:
    body = """
    “We will talk again,” the foreign ministry said. “It was good,” she said.

    President Ana Silva spoke first. “We will talk again,” the foreign ministry said. “It was good,” he said.

    “The border stays open,” the interior ministry said. President Ana Silva agreed. “It will,” she said.
    """
    assert said(body) == [
        ("foreign ministry", "We will talk again"),
        ("foreign ministry", "We will talk again"),
        ("interior ministry", "The border stays open"),
        ("Ana Silva", "It will"),
    ]


def test_he_or_she_never_points_at_a_bare_name_that_is_no_person_s() -> None:
    """A name quoted as speaking is not thereby a person: an acronym, a name with an "its", or one
    word the article never gives as a full name stays the speaker of its own words only."""
    body = """
    President Ana Silva spoke first. “We will talk again,” RNA said. “It was good,” she said.

    “We will talk again,” Ruritania said, adding that its army was ready. “It was good,” he said.

    “We will talk again,” Xandria said. “It was good,” she said.

    “We will talk again,” RNA said. President Ana Silva agreed. “It will,” she said.
    """
    assert said(body) == [
        ("RNA", "We will talk again"),
        ("Ruritania", "We will talk again"),
        ("Xandria", "We will talk again"),
        ("RNA", "We will talk again"),
        ("Ana Silva", "It will"),
    ]


def test_one_its_after_a_name_does_not_undo_a_title_or_a_gendered_pronoun() -> None:
    """"Kim said its missiles …": the "its" is the country's; it outweighs only a name's speaking,
    not its title ("leader", in lower case before the name) or a "her" after it."""
    titled = """
    North Korean leader Kim Jong Un met Moon. Kim said its missiles were a deterrent. “We are ready,” Kim said. “It was good,” he added.
    """
    assert said(titled) == [("Kim Jong Un", "We are ready"), ("Kim Jong Un", "It was good")]
    gendered = """
    Ana Silva set her terms. Silva said its army was ready. “We are ready,” Silva said. “It was good,” she added.
    """
    assert said(gendered) == [("Ana Silva", "We are ready"), ("Ana Silva", "It was good")]


def test_he_or_she_still_points_at_a_person_named_in_full_or_shown_as_one() -> None:
    """An acronym elsewhere ("the UN") is no surname of a person whose name ends with its word."""
    body = """
    “We will talk again,” Marco Doyle said. “It was good,” he said.

    Pak Jo Un took his seat at the UN. “We are ready,” he said.
    """
    assert said(body) == [("Marco Doyle", "We will talk again"), ("Marco Doyle", "It was good"), ("Pak Jo Un", "We are ready")]


def test_a_capitalised_title_after_the_is_a_person_not_an_organisation() -> None:
    body = """
    President Ana Silva met Tom Baker. “We will see,” the President said.

    Supreme Leader Ana Silva met Tom Baker. “We will see,” the Supreme Leader said.

    Secretary of State Tom Baker met Ana Silva. “We will not,” the Secretary of State said.

    “We are waiting,” the Secretary said.
    """
    assert said(body) == [
        ("Ana Silva", "We will see"),
        ("Ana Silva", "We will see"),
        ("Tom Baker", "We will not"),
        ("Tom Baker", "We are waiting"),
    ]


def test_a_title_no_one_named_holds_says_no_one() -> None:
    body = "Ana Silva met Tom Baker. “We will see,” the President said."
    assert said(body) == []


def test_an_acronym_names_an_organisation_only_when_the_article_says_so() -> None:
    body = """
    “We are ready,” the US government said. “We are not,” the US military said.

    “We are waiting,” the official RNA news agency said.
    """
    assert said(body) == [
        ("US government", "We are ready"),
        ("US military", "We are not"),
        ("official RNA news agency", "We are waiting"),
    ]
    given = "The Ruritanian News Agency (RNA) is the state's. “We are waiting,” the official RNA news agency said."
    assert said(given) == [("RNA", "We are waiting")]


def test_according_to_a_source_the_person_who_said_it_speaks() -> None:
    body = """
    According to RNA, President Ana Silva said, “We are ready to talk.”

    State media said Silva had watched the launch, and quoted her as calling it “a stern warning”.
    """
    assert said(body) == [("Ana Silva", "We are ready to talk."), ("Ana Silva", "a stern warning")]


def test_a_pronoun_clause_before_a_colon_introduces_the_person_s_words() -> None:
    body = """
    President Ana Silva wrote to the council on Monday. She ended the letter with a prediction: “Peace will come!”
    """
    assert said(body) == [("Ana Silva", "Peace will come!")]


def test_a_possessive_and_a_speech_noun() -> None:
    body = "Despite Ana Silva’s promise last week that “the border stays open,” trade slowed."
    assert said(body) == [("Ana Silva", "the border stays open")]


def test_words_of_someone_not_named_are_no_one_s_and_end_the_speaker_s_turn() -> None:
    body = """
    Ana Silva spoke at noon. “We will sign,” Silva said. Then the treaty affirmed only that “the parties commit to talks.”

    “It will work,” a senior official said. “Everyone knows it, every single one of them.”
    """
    assert said(body) == [("Ana Silva", "We will sign")]


def test_scare_quotes_are_not_quotations() -> None:
    body = """
    His “gut” guided him. It is not right to say Silva “failed” in her efforts, nor that an “Obama holdover” ran the office.

    “It went well,” said Ana Silva. Critics called it a “bloody nose” strategy.
    """
    assert said(body) == [("Ana Silva", "It went well")]


def test_straight_quotation_marks_and_according_to() -> None:
    body = """
    "We need more time," said Tom Baker.

    "The deadline is real," according to Ana Silva.
    """
    assert said(body) == [("Tom Baker", "We need more time"), ("Ana Silva", "The deadline is real")]


def test_a_quotation_inside_a_quotation_is_the_inner_speaker_s_when_the_text_says_so() -> None:
    body = "“When we met, Kim Yong-su told me, ‘We will never give up our weapons,’ and I believed him,” said Maria Lopez."
    assert said(body) == [
        ("Maria Lopez", "When we met, Kim Yong-su told me, ‘We will never give up our weapons,’ and I believed him"),
        ("Kim Yong-su", "We will never give up our weapons"),
    ]
    # Without a cue the inner words are only part of the outer quotation.
    plain = "“People keep saying ‘next year’ and nothing happens,” said Maria Lopez."
    assert said(plain) == [("Maria Lopez", "People keep saying ‘next year’ and nothing happens")]


def test_a_quotation_left_open_goes_on_in_the_next_paragraph() -> None:
    body = """
    “We tried everything that summer,” said Tom Baker. “Every channel, every envoy.

    “In the end none of it mattered.”
    """
    assert said(body) == [
        ("Tom Baker", "We tried everything that summer"),
        ("Tom Baker", "Every channel, every envoy."),
        ("Tom Baker", "In the end none of it mattered."),
    ]


def test_i_is_the_article_s_author_and_they_is_no_one() -> None:
    body = """
    “It is late,” I said to the minister.

    “We are leaving,” they said.
    """
    assert said(body, author="Sam Writer") == [("Sam Writer", "It is late")]
    assert said(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "“A quote with nothing after it.”",
        "The report's title, “Beyond the Summit,” says little.",
    ],
)
def test_quotations_with_no_speaker_are_left_out(body: str) -> None:
    assert said(body) == []


# --- attribution forms of news English beyond "…,” X said." ---


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Foreign Minister Ri Yong Ho said at a news conference, “The United States must change course.”",
            [("Ri Yong Ho", "The United States must change course.")],
        ),
        (
            "Deputy Minister Choe Son Hui told reporters in Pyongyang on Monday, “We are ready to listen.”",
            [("Choe Son Hui", "We are ready to listen.")],
        ),
        (
            "Senator Mary Okafor told reporters in Hanoi that day that “sometimes you have to walk away.”",
            [("Mary Okafor", "sometimes you have to walk away.")],
        ),
        (
            "Samuel Okafor, a former diplomat, said the talks were “doomed from the very start.”",
            [("Samuel Okafor", "doomed from the very start.")],
        ),
        (
            "Chairman Kim Jong Un was quoted by state media as saying “we will wait until the end of the year.”",
            [("Kim Jong Un", "we will wait until the end of the year.")],
        ),
        (
            "Ambassador Laura Chen walked out of the meeting, saying “there is nothing more to discuss today.”",
            [("Laura Chen", "there is nothing more to discuss today.")],
        ),
        (
            "Mr. Harlan took the podium at the assembly on Sept. 19 and declared that “the era of patience is over.”",
            [("Harlan", "the era of patience is over.")],
        ),
        (
            "Ambassador Laura Chen left the room early, saying “there is nothing more to discuss today.”",
            [("Laura Chen", "there is nothing more to discuss today.")],
        ),
    ],
)
def test_news_attribution_forms(body: str, expected: list[tuple[str, str]]) -> None:
    assert said(body) == expected


def test_words_quoted_inside_reported_speech_are_the_speaker_s() -> None:
    # News style quotes a speaker's own word or phrase inside a paraphrase: it is theirs.
    assert said("President Donald Trump said he trusted his “gut” on the matter.") == [("Donald Trump", "gut")]
    assert said("Samuel Okafor said the plan was “bold” and “timely.”") == [("Samuel Okafor", "bold"), ("Samuel Okafor", "timely.")]
    assert said("Senator Mary Okafor told reporters in Seoul on Monday that there was “no rush” to reach a deal.") == [("Mary Okafor", "no rush")]


def test_a_quoted_label_or_another_clause_is_not_the_speaker_s() -> None:
    body = """
    Tom Baker has said repeatedly that he is in no hurry, and the ministry has dropped the language of “maximum pressure”.

    Ana Silva insisted that any deal must cover everything, not a so-called “big deal” formula.

    Ana Silva said the two sides had agreed to set up teams that would meet “within weeks”.
    """
    assert said(body) == [("Ana Silva", "within weeks")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ana Silva, a vice minister, called Tom Baker a “political dummy” and warned that the North was ready for a “showdown” if talks failed.",
            [("Ana Silva", "political dummy"), ("Ana Silva", "showdown")],
        ),
        (
            "Ana Silva threatened to “totally destroy the plan” and mocked Baker as “Mister Slow” on “a fool’s errand”.",
            [("Ana Silva", "totally destroy the plan"), ("Ana Silva", "Mister Slow"), ("Ana Silva", "a fool’s errand")],
        ),
        (
            "Defense Secretary Tom Baker, speaking alongside the president at the ministry on Tuesday, said the missile “went higher than any before”.",
            [("Tom Baker", "went higher than any before")],
        ),
        (
            "Minister Ana Silva said in a statement hours later that “options remain open, for now”, but added that more was needed.",
            [("Ana Silva", "options remain open, for now")],
        ),
        (
            "A newsreader said Chairman Kim Jong Un had watched the launch and declared with pride that the country had “finished the task”.",
            [("Kim Jong Un", "finished the task")],
        ),
        (
            "Ana Silva backed away a week later, saying she would watch “a little more” before deciding.",
            [("Ana Silva", "a little more")],
        ),
        (
            "The state agency quoted Chairman Kim Jong Un as saying that ties would bring “good results”.",
            [("Kim Jong Un", "good results")],
        ),
        (
            "President Tom Baker used a speech in Seoul to urge Kim to come to the table while warning: “Do not try us.”",
            [("Tom Baker", "Do not try us.")],
        ),
        (
            "Minister Ana Silva floated it in a post on Saturday from Osaka: “If he sees this, I would meet him.”",
            [("Ana Silva", "If he sees this, I would meet him.")],
        ),
        (
            "Chairman Kim Jong Un and President Tom Baker had agreed to “push forward productive dialogues”, the agency said.",
            [],
        ),
    ],
)
def test_reported_speech_forms(body: str, expected: list[tuple[str, str]]) -> None:
    assert said(body) == expected


def test_words_after_a_quotation_that_are_no_attribution() -> None:
    body = """
    Tom Baker spoke first. Baker told supporters on 20 June that the remains had “already been sent back”, a claim officials later acknowledged was premature.

    Ana Silva spoke next. “We are ready,” Silva said. “Nobody has called us yet,” officials said Monday.
    """
    assert said(body) == [("Tom Baker", "already been sent back"), ("Ana Silva", "We are ready")]


def test_a_capitalised_word_opening_a_sentence_is_no_name_unless_written_so_elsewhere() -> None:
    body = """
    Officials said the talks were “productive”. Critics called it a “bloody nose” strategy.

    Ana Silva disagreed. Silva said the talks were “a waste of time”.
    """
    assert said(body) == [("Ana Silva", "a waste of time")]


def test_he_or_she_points_back_to_a_person_a_his_or_her_shows() -> None:
    body = """
    Kim Jong Un has since set his own clock. In a speech to the Supreme People’s Assembly on 12 April, he said he would wait “till the end of this year”.
    """
    assert said(body) == [("Kim Jong Un", "till the end of this year")]


def test_he_points_back_to_the_subject_of_the_sentence_before_not_the_nearest_name() -> None:
    body = """
    Choi Eun-ji, a former foreign ministry official, said the launch was aimed at Washington’s negotiators. “They are telling the Americans that the clock is running,” she said.
    """
    assert said(body) == [("Choi Eun-ji", "They are telling the Americans that the clock is running")]


def test_words_before_a_title_describe_the_person_and_are_not_the_name() -> None:
    body = """
    “We will keep the door open,” South Korean Foreign Minister Lee Soo-jin told lawmakers.

    “It is a dangerous moment,” said U.S. Defense Secretary Paul Hart.

    “It could spiral,” Lee said.
    """
    assert said(body) == [
        ("Lee Soo-jin", "We will keep the door open"),
        ("Paul Hart", "It is a dangerous moment"),
        ("Lee Soo-jin", "It could spiral"),
    ]
    assert roles(body) == {"Lee Soo-jin": "South Korean Foreign Minister", "Paul Hart": "U.S. Defense Secretary"}


def test_an_inner_quotation_after_a_colon_with_no_speech_verb() -> None:
    body = "Lena Harrow spoke. “Ri Song Chol, a counsellor at the mission, once put it to me this way: ‘We offered the jewel, and they asked for the palace,’” Harrow said."
    assert ("Ri Song Chol", "We offered the jewel, and they asked for the palace") in said(body)


@pytest.mark.parametrize("abbreviation", ["U.S.", "U.N.", "E.U."])
def test_a_dotted_abbreviation_in_a_role_does_not_end_it(abbreviation: str) -> None:
    # "the U.S. special representative": the full stops of an abbreviation followed by a
    # lower-case word end no sentence, so the role reads on past them (it was "the U").
    body = f"“We will wait and see,” said Tom Lindqvist, the {abbreviation} special envoy for the region. The talks resume soon."
    assert roles(body) == {"Tom Lindqvist": f"the {abbreviation} special envoy for the region"}


def test_scoring_counts_a_quotation_marked_with_its_closing_comma_as_found() -> None:
    """American style puts the comma inside the marks; the bot quotes the words without it, and a
    hand-made list may copy it or not: the scorer must not call that a miss."""
    found = find_quotations(article('"We will see how the talks go," Jim Mattis said on Monday.'))
    marked = [Marked("made-up", "Jim Mattis", "We will see how the talks go,")]
    accuracy = measure(found, marked, AliasTable.from_groups([]))
    assert (accuracy.right, accuracy.missed, accuracy.wrong) == (1, (), ())


def test_scoring_counts_a_speaker_written_as_an_alias_of_the_marked_name_as_right() -> None:
    """The scorer compared names as written: "Trump" in an article that never writes "Donald
    Trump" was misattributed against a marker's "Donald Trump", though aliases.yaml makes them one
    person and /said lists the words under him. A name of no shared group is still another person."""
    found = find_quotations(article("“We will see how the talks go,” Trump said on Monday. “Nothing is agreed,” Pompeo said."))
    marked = [Marked("made-up", "Donald Trump", "We will see how the talks go"), Marked("made-up", "Mike Pence", "Nothing is agreed")]
    accuracy = measure(found, marked, AliasTable.from_groups([["Donald Trump", "Trump"], ["Mike Pompeo", "Pompeo"]]))
    assert accuracy.right == 1 and [m.speaker for m in accuracy.misattributed] == ["Pompeo"]
    unaliased = measure(found, marked, AliasTable.from_groups([]))
    assert unaliased.right == 0 and len(unaliased.misattributed) == 2


def test_an_office_of_several_words_after_of_is_the_title_not_the_name() -> None:
    """"Director of National Intelligence Dan Coats told …" made the speaker "Intelligence Dan
    Coats": only the first word after a title's "of" was the title's. An office is named in
    English words, a person by a given name and a surname."""
    body = """
    “We assess that the program will grow,” Director of National Intelligence Paul Hart told the committee.

    “The door stays open,” said U.S. Secretary of Homeland Security Ana Silva.

    “We will see,” Minister of Foreign Affairs Ri Song Chol said. “Perhaps,” Secretary of State Tom Baker said.
    """
    assert [speaker for speaker, _ in said(body)] == ["Paul Hart", "Ana Silva", "Ri Song Chol", "Tom Baker"]
    assert roles(body) == {
        "Paul Hart": "Director of National Intelligence",
        "Ana Silva": "U.S. Secretary of Homeland Security",
        "Ri Song Chol": "Minister of Foreign Affairs",
        "Tom Baker": "Secretary of State",
    }


def test_a_spokesperson_for_an_organisation_speaks_as_its_spokesperson() -> None:
    """"A spokesman for the Strategic Force said the army was “carefully examining” …" gave the
    words to the Strategic Force itself, the object of "for": the subject is its spokesman. A
    spokesman for something no name says ("the academy") is still no one; a named one is theirs."""
    body = """
    On Monday, a spokesman for the Strategic Force said the army was “carefully examining” a plan.

    A spokeswoman for Ruritania's foreign ministry called the demand “gangster-like”.

    A spokesman for the academy said its results would be used for “further bolstering” the deterrent.

    Ana Silva, a spokeswoman for the Council on Energy, told reporters: “We expect nothing.”
    """
    assert said(body) == [
        ("Strategic Force spokesman", "carefully examining"),
        ("Ruritania's foreign ministry spokeswoman", "gangster-like"),
        ("Ana Silva", "We expect nothing."),
    ]
