""""What did X say?" answered with X's own words, or plainly declined (bot.speaker_words).

A walkthrough asked "what did kim say?" of articles that never quote Kim and got Trump's "Chairman
Kim and myself …"; "what did the north koreans say about the sanctions?" got Trump's claim first.
The article below is made up: one speaker quoted, one reported without quotation marks, one named
and never quoted, and a country's ministry speaking.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from bot import messages
from bot.answers import PIPELINE, answer
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.knowledge.store import KnowledgeStore
from bot.knowledge.articles import read_article
from bot.knowledge.frontmatter import normalise_text, split_front_matter
from bot.quotations.find import find_quotations
from bot.quotations.speakers import Speaker
from bot.ranking.fusion import FusedList
from bot.ranking.protocol import Ranking
from bot.search.query import Query
from bot.render.reading_text import reading_text
from bot.render.text import answer_text
from bot.speaker_words import another_speaker, speaker_asked, who_is_asked, with_speaker_swapped
from tests.cli_helpers import run_bot
from tests.conftest import write_article

ARTICLE_ID = "test-2021-05-04-harbour-talks"
BODY = """
VALDORA — Talks on the disputed harbour resumed on Tuesday after a month of silence, with envoys from Ruritania and Lavonia meeting at a lakeside hotel.

“We came to listen, and we will stay as long as it takes,” said Lavonian Foreign Minister Petra Vosk. “The harbour belongs to the fishermen, not to the generals.”

Ruritania's foreign ministry said on Wednesday that the blockade of the harbour would be lifted within weeks. Ruritania reportedly says it had asked for a joint patrol, not a withdrawal.

The mediator, Anselm Grieve, arrived a day late and has not spoken publicly. Observers expect him to chair the second round.
"""


def _knowledge(folder: Path) -> KnowledgeBase:
    write_article(folder, ARTICLE_ID, BODY, publisher="Harbour Courier", published="2021-05-04")
    return build_knowledge_base(folder)


@pytest.fixture
def knowledge(tmp_path: Path) -> KnowledgeBase:
    return _knowledge(tmp_path)


def _texts(knowledge: KnowledgeBase, positions: tuple[int, ...]) -> list[str]:
    sentences = [knowledge.sentences[p] for p in positions]
    return [knowledge.article_of(s.passage).body[s.span.start : s.span.end] for s in sentences]


def test_the_question_names_its_speaker_in_any_wording() -> None:
    assert who_is_asked("What did Petra Vosk say about the harbour?") is not None
    assert who_is_asked("wat did vosk say abt the generals").who == "vosk"  # type: ignore[union-attr]
    assert who_is_asked("what was lynn rusten's reaction to the summit").who == "lynn rusten"  # type: ignore[union-attr]
    assert who_is_asked("according to vosk, who owns the harbour?").who == "vosk"  # type: ignore[union-attr]
    assert who_is_asked("what did he say?") is None  # a pronoun: the follow-up rules' to read
    assert who_is_asked("why did the talks resume?") is None


def test_a_quoted_speakers_sentences_are_their_own_words(knowledge: KnowledgeBase) -> None:
    asked = speaker_asked(knowledge, "what did vosk say about the harbour?")
    assert asked is not None and asked.name == "Petra Vosk"
    texts = _texts(knowledge, asked.sentences)
    assert texts and all("Ruritania" not in text for text in texts)
    assert any("We came to listen" in text for text in texts)


def test_a_people_noun_finds_its_countrys_reported_speech(knowledge: KnowledgeBase) -> None:
    """"the ruritanians" is Ruritania: its ministry's statement and what it "reportedly says",
    neither in quotation marks; Vosk's words are not theirs."""
    asked = speaker_asked(knowledge, "what did the ruritanians say about the blockade?")
    assert asked is not None and asked.quoted
    texts = _texts(knowledge, asked.sentences)
    assert any(text.startswith("Ruritania's foreign ministry said") for text in texts)
    assert any(text.startswith("Ruritania reportedly says") for text in texts)
    assert all("We came to listen" not in text for text in texts)


def test_someone_named_but_never_quoted_has_no_words(knowledge: KnowledgeBase) -> None:
    asked = speaker_asked(knowledge, "what did grieve say?")
    assert asked is not None and not asked.quoted and asked.name == "Anselm Grieve"


def test_a_description_is_left_to_the_rankers(knowledge: KnowledgeBase) -> None:
    assert speaker_asked(knowledge, "what did the observers say?") is None


def test_and_who_asks_the_earlier_question_of_another_speaker() -> None:
    assert another_speaker("and grieve?") == "grieve"
    assert with_speaker_swapped("grieve", "what did vosk say about the harbour?") == "what did grieve say about the harbour?"
    assert another_speaker("and why?") is None
    assert with_speaker_swapped("grieve", "when did the talks resume?") is None


def test_title_before_a_name_is_the_title_and_an_ing_verb_is_no_role(tmp_path: Path) -> None:
    """"Secretary of State Mike Pompeo" made "of State Mike Pompeo" a speaker; "the idea of meeting
    Kim" gave Kim the role "meeting"."""
    body = (
        'Trump floated the idea of meeting Ilse Marr in a post. Marr said the talks were "historic."\n\n'
        'Valdoran Secretary of State Tomas Brel said the talks would resume "sometime in mid-July."\n'
    )
    write_article(tmp_path, "test-titles", body)
    article, _ = read_article(tmp_path / "articles" / "test-titles.md")
    assert article is not None
    found = {q.speaker: q.role for q in find_quotations(article)}
    assert found == {"Ilse Marr": None, "Tomas Brel": "Valdoran Secretary of State"}


def _asked(folder: Path, *questions: str) -> list[dict[str, object]]:
    result = run_bot("ask", "--json", "--batch", "-", "--knowledge", str(folder), stdin="".join(q + "\n" for q in questions))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_replies_quote_the_speaker_or_decline_naming_them(tmp_path: Path) -> None:
    """JSON lines, one a question: the quotes are exact slices holding the speaker's words; the
    never-quoted mediator's question is declined with his name and no one else's quote."""
    _knowledge(tmp_path)  # writes the article
    body = split_front_matter(normalise_text((tmp_path / "articles" / f"{ARTICLE_ID}.md").read_text(encoding="utf-8"))).body
    vosk, grieve, ruritania = _asked(tmp_path, "what did vosk say?", "what did grieve say about the harbour?", "what did the ruritanians say about the patrol?")
    assert vosk["answered"]
    for quote in vosk["quotes"]:  # type: ignore[attr-defined]
        assert body[quote["start"] : quote["end"]] == quote["text"]
        assert "We came to listen" in quote["text"] or "The harbour belongs" in quote["text"]
    assert not grieve["answered"] and grieve["closest"] == []
    assert grieve["message"] == messages.SPEAKER_NOT_QUOTED.format(said_command="/said", name="Anselm Grieve")
    assert ruritania["answered"] and str(ruritania["quotes"][0]["text"]).startswith("Ruritania's foreign ministry said")  # type: ignore[index]


def test_and_who_at_the_terminal_is_the_same_question(tmp_path: Path) -> None:
    _knowledge(tmp_path)
    shown = run_bot("chat", "--knowledge", str(tmp_path), stdin="what did vosk say about the harbour?\nand grieve?\n").stdout
    assert messages.SPEAKER_INTRO.format(name="Petra Vosk") in shown
    assert messages.SPEAKER_NOT_QUOTED.format(said_command="/said", name="Anselm Grieve") in shown
    assert shown.count("We came to listen") == 1


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("what would pompeo have said", "pompeo"),  # the perfect's auxiliary is no part of the name
        ("what will happen if trump says no", None),  # a clause, not a speaker
        ("what did kim and trump say about hanoi", None),  # two speakers: the rankers answer it
        ("what did kim actually promise", "kim"),
        ("What's Kim's view?", "Kim"),  # "what's" is "what is", never part of a name (the README's example)
        ("how’s Pompeo's reaction?", "Pompeo"),
        ("that's kim's view?", "kim"),
    ],
)
def test_the_speaker_asked_about_is_a_name_not_a_clause(question: str, who: str | None) -> None:
    found = who_is_asked(question)
    assert (found.who if found else None) == who


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("what did vosk think about the harbour?", "Petra Vosk"),  # a verb of holding a view: the route read none
        ("how does vosk feel about the generals?", "Petra Vosk"),
        ("what was Vosk's take on the harbour?", "Petra Vosk"),  # the learned order's nouns, now the route's too
        ("according to vosk what happens to the harbour?", "Petra Vosk"),  # no comma: the clause opens at "what"
        ("what does the harbour mean?", None),  # a word's meaning is asked, not anyone's words
        ("what did the ruritanians ask for?", None),  # a verb of doing: what happened, whoever reports it
        ("why let's take a partial step on the harbour?", None),  # "let's" is "let us", not someone's take
    ],
)
def test_the_route_and_the_learned_order_read_one_speaker(knowledge: KnowledgeBase, question: str, who: str | None) -> None:
    """The speaker route, the learned order's speaker feature and the unknown-name gate read who a
    question asks about in one place (bot.search.speaker_frame); "what did kim think" had skipped
    the route while the learned order read Kim as the speaker."""
    asked = speaker_asked(knowledge, question)
    numbers = knowledge.speaker_index.asked_about(question, knowledge.aliases)
    assert (asked.name if asked else None) == who
    assert sorted(knowledge.speakers[n].name for n in numbers) == ([who] if who else [])


def test_a_people_noun_is_no_topic_of_its_own(knowledge: KnowledgeBase) -> None:
    """"ruritanians" is read as the concept "ruritania", which every sentence of Ruritania's holds:
    it made their words touch any question (the hotel is in the opening paragraph, not theirs)."""
    result = answer(knowledge, "what did the ruritanians say about the hotel?")
    assert result.declined is not None and result.reading is not None and not result.reading.speaker_on_topic


@dataclass
class _HeardQuestions:
    """A re-ranking that keeps the fused order and notes the question it was given."""

    heard: list[str] = field(default_factory=list)

    def reranked(self, knowledge: KnowledgeBase, rankings: Sequence[Ranking], fused: FusedList, query: Query, question: str = "") -> FusedList:
        self.heard.append(question)
        return fused


def test_the_learned_order_hears_the_question_the_route_answers(knowledge: KnowledgeBase) -> None:
    """The route ranked the speaker's words without the question, so the learned order's speaker
    feature was 0 exactly where the route answers."""
    heard = _HeardQuestions()
    result = answer(knowledge, "what did vosk say about the harbour?", pipeline=replace(PIPELINE, reranking=heard))
    assert result.answered and result.reading is not None and result.reading.speaker == "Petra Vosk"
    assert heard.heard == ["what did vosk say about the harbour?"]


PEOPLES_BODY = """
BERLIN — Envoys met again on Friday over the harbour, the third round this year.

“The harbour must stay open to every flag,” said German Chancellor Ute Brandt. “We will send a ship,” said German Foreign Minister Jonas Albrecht.

The United States said it would send an observer to the harbour talks.

The old lighthouse at the harbour mouth was repainted in the spring, to the delight of the fishermen.
"""


@pytest.fixture
def peoples(tmp_path: Path) -> KnowledgeBase:
    write_article(tmp_path, "test-2021-06-01-harbour-round", PEOPLES_BODY, publisher="Harbour Courier", published="2021-06-01")
    return build_knowledge_base(tmp_path)


def test_a_people_noun_finds_its_country_by_the_country_data(peoples: KnowledgeBase) -> None:
    """"the americans" is the United States (no article says "America"): the common endings had
    given "america", which no article names, and the question went to the rankers unread."""
    result = answer(peoples, "what did the americans say about the harbour talks?")
    assert result.answered and result.reading is not None and result.reading.speaker == "the Americans"
    assert result.quotes[0].text.startswith("The United States said it would send an observer")


def test_a_people_is_offered_its_quoted_members_not_said_by_its_own_name(peoples: KnowledgeBase) -> None:
    """"/said the Germans" finds no one: a people's reply names the speakers /said shows instead."""
    result = answer(peoples, "what did the germans say about the lighthouse?")
    assert result.declined is not None and result.reading is not None and not result.reading.speaker_person
    assert messages.decline_message(result) == messages.SPEAKER_GROUP_NOT_ON_THAT.format(said_command="/said", name="the Germans", members="Jonas Albrecht, Ute Brandt")
    person = answer(peoples, "what did ute brandt say about the lighthouse?")
    assert messages.decline_message(person) == messages.SPEAKER_NOT_ON_THAT.format(said_command="/said", name="Ute Brandt", said="Ute Brandt")


class _ReadOneByOne(tuple[Speaker, ...]):
    """The speakers, which may be looked up by number but not gone through (as a route that scans
    every speaker per answer would: 16,098 of them at 3,000 articles)."""

    def __iter__(self) -> Iterator[Speaker]:
        raise AssertionError("every speaker read for one answer")


def test_the_route_reads_no_list_of_speakers_per_answer(peoples: KnowledgeBase) -> None:
    """A people's speakers (role "German Chancellor" for "the germans") and a named speaker come from
    the index made with the knowledge (KnowledgeBase.speaker_index), not from a scan of them all."""
    indexed = replace(peoples, speakers=_ReadOneByOne(peoples.speakers))
    germans = speaker_asked(indexed, "what did the germans say about the harbour?")
    assert germans is not None and germans.said_as == ("Jonas Albrecht", "Ute Brandt")
    brandt = speaker_asked(indexed, "what did ute brandt say?")
    assert brandt is not None and brandt.name == "Ute Brandt"
    assert peoples.speaker_index.opening_with("germany") == frozenset()  # no speaker's role opens with the country
    assert len(peoples.speaker_index.opening_with("german")) == 2


# --- someone the question names is who it asks about, or no one quoted (walkthrough, issue 15) ---


@pytest.mark.parametrize(
    ("question", "named"),
    [
        # A title and a surname no speaker has: not the speaker who holds the title.
        ("what did president moon say about the harbour?", "President Moon"),
        ("what did foreign minister tarvo say?", "Foreign Minister Tarvo"),
        # A name of which some word is in no article, though another ("moon") is an English word.
        ("what did moon jae-in say about the harbour?", "Moon Jae-in"),
        # A relation of someone quoted is someone else.
        ("what did vosk's lawyer say?", "Petra Vosk's lawyer"),
        ("what did petra vosk's sister say about the harbour?", "Petra Vosk's sister"),
    ],
)
def test_someone_the_articles_never_quote_gets_no_namesakes_words(knowledge: KnowledgeBase, question: str, named: str) -> None:
    asked = speaker_asked(knowledge, question)
    assert asked is not None and not asked.quoted and asked.name == named
    result = answer(knowledge, question)
    assert result.declined is not None and result.quotes == ()
    assert messages.decline_message(result) == messages.SPEAKER_NOT_QUOTED.format(said_command="/said", name=named)


def test_a_title_with_the_speakers_own_name_is_that_speaker(knowledge: KnowledgeBase) -> None:
    asked = speaker_asked(knowledge, "what did foreign minister vosk say?")
    assert asked is not None and asked.name == "Petra Vosk" and asked.quoted


def test_a_name_shared_with_another_speaker_gives_only_the_one_chosen_words(tmp_path: Path) -> None:
    """The aliases make "vosk" Petra Vosk; Karl Vosk Andersen's words (reported with his full name)
    are not hers, so the reply named Petra Vosk holds none of his."""
    body = BODY + "\n“We will not sign,” Vosk Andersen told reporters outside the embassy in Valdora.\n"
    write_article(tmp_path, ARTICLE_ID, body, publisher="Harbour Courier", published="2021-05-04")
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [Petra Vosk, Vosk]\n", encoding="utf-8")
    knowledge = build_knowledge_base(tmp_path)
    asked = speaker_asked(knowledge, "what did vosk say about the embassy?")
    assert asked is not None and asked.name == "Petra Vosk"
    texts = _texts(knowledge, asked.sentences)
    assert texts and all("Andersen" not in text for text in texts)


def test_a_place_quoted_itself_keeps_its_organisations_words(tmp_path: Path) -> None:
    """When a place is a quoted speaker too ("…,” Ruritania said), its ministry's statement was
    dropped from "what did ruritania say" (late review): a place's name opens its organisations'."""
    write_article(tmp_path, "test-2021-05-05-harbour-reply", "“We will not withdraw,” Ruritania said on Thursday.", publisher="Harbour Courier", published="2021-05-06")
    knowledge = _knowledge(tmp_path)
    asked = speaker_asked(knowledge, "what did ruritania say?")
    assert asked is not None
    texts = _texts(knowledge, asked.sentences)
    assert any(text.startswith("Ruritania's foreign ministry said") for text in texts)
    assert any("We will not withdraw" in text for text in texts)


def test_a_title_and_a_name_only_reported_finds_the_reported_words(tmp_path: Path) -> None:
    """"what did foreign minister tarvo say?" was declined as quoting nothing when the articles only
    report Tarvo's words without quotation marks (late review); a title no one holds by that name
    is still declined naming them."""
    write_article(tmp_path, "test-2021-05-05-tarvo", "Foreign Minister Tarvo said on Thursday that the patrol would begin in June.", publisher="Harbour Courier", published="2021-05-06")
    knowledge = _knowledge(tmp_path)
    asked = speaker_asked(knowledge, "what did foreign minister tarvo say?")
    assert asked is not None and _texts(knowledge, asked.sentences) == ["Foreign Minister Tarvo said on Thursday that the patrol would begin in June."]
    nobody = speaker_asked(knowledge, "what did president hallam say?")
    assert nobody is not None and nobody.sentences == ()


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("what did the united states say about the patrol?", "the united states"),  # not "the united" stating
        ("how did the united states respond?", "the united states"),
        ("what does ruritania says about it", "ruritania"),  # the -s form as typed, when nothing else fits
        ("wat wld vosk say abt the harbour", "vosk"),  # chat shorthand for the auxiliary too (late review)
        ("hw cld grieve respond", "grieve"),
    ],
)
def test_a_name_ending_like_a_verb_of_saying_is_the_speaker(question: str, who: str) -> None:
    asked = who_is_asked(question)
    assert asked is not None and asked.who == who


def test_a_place_before_a_quoted_speakers_name_is_no_relation(knowledge: KnowledgeBase) -> None:
    """"what did lavonia's petra vosk say" was read as someone related to Lavonia and declined (late
    review); a relation no speaker's name fits ("petra vosk's lawyer") still is one."""
    asked = speaker_asked(knowledge, "what did lavonia's petra vosk say?")
    assert asked is not None and asked.name == "Petra Vosk" and asked.sentences
    assert any("The harbour belongs to the fishermen" in text for text in _texts(knowledge, asked.sentences))
    lawyer = speaker_asked(knowledge, "what did petra vosk's lawyer say?")
    assert lawyer is not None and lawyer.sentences == () and "lawyer" in lawyer.name


def test_an_organisation_named_after_its_country_is_the_organisation(tmp_path: Path) -> None:
    """"what does the us state department think" was read as the US thinking ("state" taken for
    the verb of saying), and answered with any of the country's speakers: the State Department's
    words are its own, not its defence ministry's."""
    body = (
        "Talks on the disputed harbour resumed on Tuesday.\n\n"
        "The Ruritanian State Department said on Friday that the harbour talks would go on through the summer.\n\n"
        "Ruritania's defence ministry said the naval patrols would stop within weeks.\n"
    )
    write_article(tmp_path, ARTICLE_ID, body, publisher="Harbour Courier", published="2021-05-04")
    knowledge = build_knowledge_base(tmp_path)
    for question in ("what does the ruritanian state department think about the talks", "What does the Ruritanian State Department think?"):
        asked = speaker_asked(knowledge, question)
        assert asked is not None and asked.name == "Ruritanian State Department", question
        assert _texts(knowledge, asked.sentences) == ["The Ruritanian State Department said on Friday that the harbour talks would go on through the summer."]
    # The country asked about is still every speaker of it.
    country = speaker_asked(knowledge, "what does ruritania think about the talks")
    assert country is not None and country.name == "Ruritania"
    # "state" as the verb stays the verb when no name runs on from it.
    assert who_is_asked("what does the us state about sanctions?").who == "the us"  # type: ignore[union-attr]
    assert who_is_asked("what did trump say kim promised").who == "trump"  # type: ignore[union-attr]


def test_a_peoples_words_include_a_body_an_article_names_as_theirs(tmp_path: Path) -> None:
    # "the U.S. State Department" in one article makes "the State Department" the Americans' in
    # another, though its name says no country; and the people are named as asked, not as one member.
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [United States, US, America, American, Americans]\n", encoding="utf-8")
    write_article(tmp_path, "stockholm", "The U.S. State Department told a very different story. The American delegation left on Sunday.")
    body = """
        “We remain ready to talk about sanctions relief,” the State Department said on Monday.

        “Sanctions must be lifted first,” said North Korean Vice Foreign Minister Choe Son Hui.
    """
    write_article(tmp_path, "sanctions", body, published="2019-10-08")
    knowledge = build_knowledge_base(tmp_path)
    asked = speaker_asked(knowledge, "what did the americans say about sanctions?")
    assert asked is not None and asked.name == "the Americans" and asked.said_as == ("State Department",)
    reply = answer(knowledge, "what did the americans say about sanctions?")
    assert reply.answered and reply.reading is not None and reply.reading.speaker == "the Americans"
    assert "We remain ready to talk about sanctions relief" in reply.quotes[0].text
    assert all("Sanctions must be lifted first" not in q.text for q in reply.quotes)


def test_a_speakers_words_on_the_topic_in_other_words_answer(bundled_store: KnowledgeStore) -> None:
    """Jenny Town's "high-stakes poker at such a high-profile event" is on "the leaders' gamble",
    which no word of her paragraphs says: the meaning signal finds it (it was declined, her quote
    shown as not answering). A thing no article mentions is still declined ("kimchi")."""
    knowledge = bundled_store.current
    gamble = answer(knowledge, "What does Jenny Town think of the leaders' gamble?")
    assert gamble.answered and "high-stakes poker" in gamble.quotes[0].text
    assert gamble.reading is not None and gamble.reading.speaker_lacks == ("leaders", "gamble")
    # --explain says the meaning signal let it through, not only a coverage too low to answer.
    assert "their closest words' similarity to what is asked of them" in reading_text(gamble)
    kimchi = answer(knowledge, "what did trump say about kimchi?")
    assert kimchi.declined is not None and kimchi.reading is not None and not kimchi.reading.speaker_on_topic


def test_explain_gives_the_speaker_routes_real_reason(bundled_store: KnowledgeStore) -> None:
    """--explain said "the sentence-embedding model is not loaded" and "every word is a stop word"
    when the speaker route declined; it names the word their quotes lack and the meaning weighed."""
    result = answer(bundled_store.current, "what does jenny town think of the summit?")
    assert result.declined is not None
    explained = reading_text(result)
    assert "'summit'" in explained and "is not loaded" not in explained and "stop word" not in explained
    assert messages.SPEAKER_CLOSEST_INTRO in answer_text(result)  # her words are not called "no answer"


def test_what_the_speaker_said_someone_else_wanted_comes_first(bundled_store: KnowledgeStore) -> None:
    """"what did trump say kim wanted?" asks Trump's report of Kim's wish: "Trump says Kim asked for
    …" comes first, not Trump's "Chairman Kim and myself, we want …" (first before)."""
    result = answer(bundled_store.current, "what did trump say kim wanted?")
    assert result.answered and "Trump says Kim asked for the lifting of all economic sanctions" in result.quotes[0].text
    # Asked about Kim, not a clause of Kim's: the order is the rankers' as before.
    about = answer(bundled_store.current, "what did trump say about kim?")
    assert about.answered and about.quotes[0].text.startswith("“Chairman Kim and myself")


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("what did trump say north koreans think about the summit?", "trump"),
        ("what did pompeo say experts think about it", "pompeo"),
        ("what did pompeo say analysts believe", "pompeo"),
        ("what did kim say trump think", "kim"),
        ("what do experts say kim think", "experts"),
        ("what does the us state department think", "the us state department"),
        ("what did the press office say", "the press office"),
    ],
)
def test_a_saying_word_joins_a_name_only_when_an_organisation_noun_ends_it(question: str, speaker: str) -> None:
    """"what did trump say north koreans think about the summit?" was read as asking a speaker
    "Trump say North Koreans" and declined: an embedded clause's present plural ("think") looks like
    a base form. Only a name that ends in an organisation noun ("state department") holds a word of
    saying; otherwise the first saying word is the clause's verb."""
    asked = who_is_asked(question)
    assert asked is not None and asked.who.casefold() == speaker


def test_a_spokeswoman_s_words_are_not_the_president_s_named_in_her_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"President Donald Trump spokeswoman Sarah Sanders said …" was reported as Trump's words when
    no quotation of Trump's was there to tell the two apart: a subject phrase's head is its last
    word, Sanders. Asked about her, the sentence is hers."""
    from bot.cli import main

    body = """
    President Tomas Brel spokeswoman Ilse Marr said on Friday that the harbour talks would go ahead in June as first planned.

    Officials in both capitals expect a short meeting.
    """
    write_article(tmp_path, "test-spokeswoman", body)
    replies = {}
    for who in ("Brel", "Ilse Marr"):
        assert main(["ask", "--json", f"What did {who} say about the harbour talks?", "--knowledge", str(tmp_path)]) == 0
        replies[who] = json.loads(capsys.readouterr().out)
    assert not any("Ilse Marr said" in quote["text"] for quote in replies["Brel"]["quotes"])
    assert replies["Ilse Marr"]["answered"] and "Ilse Marr said" in replies["Ilse Marr"]["quotes"][0]["text"]


def test_a_misspelt_speaker_is_offered_the_closest_quoted_name_not_read_as_them(knowledge: KnowledgeBase) -> None:
    """"what did galuci say" was told only that no words of Galuci are quoted, while /said galuci
    offered Robert Gallucci (walkthrough). The reply offers the name; it does not answer as them:
    a close spelling may be someone else."""
    result = answer(knowledge, "what did petra vosc say about the harbour?")
    assert result.declined is not None and result.quotes == ()
    assert messages.decline_message(result) == messages.SPEAKER_NOT_QUOTED_CLOSEST.format(said_command="/said", name="Petra Vosc", closest="Petra Vosk")
    nobody_close = answer(knowledge, "what did zorblax quimby say?")
    assert messages.decline_message(nobody_close) == messages.SPEAKER_NOT_QUOTED.format(said_command="/said", name="Zorblax Quimby")


def test_a_speakers_decline_names_each_front_ends_way_to_run_said(tmp_path: Path) -> None:
    """From the command line "/said …" is no command anyone can run (review): the decline names
    `python -m bot said`; the terminal chat, where /said is typed, keeps /said."""
    _knowledge(tmp_path)
    command_line = run_bot("ask", "--knowledge", str(tmp_path), "what did grieve say about the harbour?")
    assert command_line.stdout.startswith(messages.SPEAKER_NOT_QUOTED.format(name="Anselm Grieve", said_command="python -m bot said"))
    closest = run_bot("ask", "--knowledge", str(tmp_path), "what did petra vosc say about the harbour?").stdout
    assert "Did you mean Petra Vosk? python -m bot said Petra Vosk shows their quotes." in closest
    chat = run_bot("chat", "--knowledge", str(tmp_path), stdin="what did grieve say about the harbour?\n").stdout
    assert messages.SPEAKER_NOT_QUOTED.format(name="Anselm Grieve", said_command="/said") in chat

