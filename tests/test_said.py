"""`said` and `compare` through the core and the command line: lookups, JSON shapes, live reload."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import commands, messages
from bot.cli import main
from bot.knowledge.store import KnowledgeStore
from bot.render.said_text import compare_text, said_text
from tests.cli_helpers import run_bot
from tests.conftest import write_article

ARTICLE_KEYS = {"id", "title", "publisher", "author", "published", "url", "kind", "path"}
YUN = "There had not been many working-level meetings. In fact, only one"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


# --- said: finding a speaker ---


@pytest.mark.parametrize("name", ["Gallucci", "gallucci", "ROBERT", "Robert Gallucci", "former ambassador Gallucci", "gallu"])
def test_any_unambiguous_part_of_a_name_finds_the_speaker(bundled_store: KnowledgeStore, name: str) -> None:
    lookup = commands.said(bundled_store, name)
    assert lookup.speaker is not None and lookup.speaker.name == "Robert Gallucci"
    assert lookup.speaker.role == "former ambassador"


def test_aliases_name_the_same_speaker_across_articles(bundled_store: KnowledgeStore) -> None:
    # knowledge/aliases.yaml groups Trump with Donald Trump and President Trump.
    for name in ("trump", "President Trump", "Donald Trump"):
        lookup = commands.said(bundled_store, name)
        assert lookup.speaker is not None and lookup.speaker.name == "Donald Trump"
    quotations = commands.said(bundled_store, "trump").speaker.quotations  # type: ignore[union-attr]
    assert {q.quote.article.meta.publisher for q in quotations} == {"Vox", "WIRED"}
    dates = [q.quote.article.meta.published for q in quotations]
    assert dates == sorted(dates)  # oldest article first
    assert commands.said(bundled_store, "trump").speaker.role == "President"  # type: ignore[union-attr]


def test_joseph_yun_s_he_said_quotations_are_his(bundled_store: KnowledgeStore) -> None:
    lookup = commands.said(bundled_store, "yun")
    assert lookup.speaker is not None
    assert [q.text for q in lookup.speaker.quotations][0] == YUN
    assert lookup.speaker.role == "formerly America’s top North Korea negotiator"


def test_an_ambiguous_name_lists_the_speakers_it_could_mean(bundled_store: KnowledgeStore) -> None:
    lookup = commands.said(bundled_store, "j")
    assert lookup.speaker is None and lookup.ambiguous
    assert {s.name for s in lookup.candidates} == {"Joseph Yun", "Jenny Town", "James McKeon"}


def test_an_unknown_name_gets_the_closest_known_speakers(bundled_store: KnowledgeStore) -> None:
    lookup = commands.said(bundled_store, "Galuci")
    assert lookup.speaker is None and not lookup.ambiguous
    assert lookup.candidates[0].name == "Robert Gallucci"


def test_no_name_lists_every_speaker_with_counts_most_quoted_first(bundled_store: KnowledgeStore) -> None:
    lookup = commands.said(bundled_store, None)
    counts = {s.name: s.count for s in lookup.candidates}
    assert counts == {"Lynn Rusten": 6, "Donald Trump": 4, "Joseph Yun": 3, "Jenny Town": 2, "Robert Gallucci": 2, "James McKeon": 1}
    assert [s.count for s in lookup.candidates] == sorted(counts.values(), reverse=True)


def test_accents_and_case_do_not_matter(tmp_path: Path) -> None:
    write_article(tmp_path, "accents", "“Nous verrons,” said José Núñez, a retired envoy.")
    store = KnowledgeStore(tmp_path)
    for name in ("jose nunez", "NÚÑEZ", "Nunez"):
        lookup = commands.said(store, name)
        assert lookup.speaker is not None and lookup.speaker.name == "José Núñez"


def test_a_new_article_s_speakers_appear_after_a_reload(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    assert commands.said(store, "Okafor").speaker is None
    write_article(knowledge_copy, "new-voice", "“The summit was only a start,” says Ada Okafor, a researcher at a think tank.")
    store.reload()
    lookup = commands.said(store, "Okafor")
    assert lookup.speaker is not None and lookup.speaker.name == "Ada Okafor"
    assert lookup.speaker.quotations[0].text == "The summit was only a start"


def test_a_place_a_pronoun_follows_is_no_speaker(tmp_path: Path) -> None:
    # "he" goes back to the person, not to the country or capital in between that a pronoun follows.
    body = """
        President Trump spoke to reporters at the White House on Friday.

        He said he had held back new sanctions, and struck a softer tone toward Sweden than the one he had used in the spring. “We are getting along,” he said.

        Later he struck a softer tone toward Pyongyang than the one he had used before. “It is a start,” he said.
    """
    write_article(tmp_path, "places", body)
    store = KnowledgeStore(tmp_path)
    listed = {speaker.name for speaker in commands.said(store, "").candidates}
    assert "Sweden" not in listed and "Pyongyang" not in listed
    trump = commands.said(store, "trump").speaker
    assert trump is not None and [q.text for q in trump.quotations] == ["We are getting along", "It is a start"]


def test_a_name_two_quoted_people_share_never_silently_picks_one(tmp_path: Path) -> None:
    body = """
        “We will meet again soon,” said North Korean leader Kim Jong Un.

        “The letter is a very interesting letter,” said Kim Yong Chol, a senior North Korean official.
    """
    write_article(tmp_path, "two-kims", body)
    # Without an alias group, "kim" fits both: /said asks which, listing them.
    store = KnowledgeStore(tmp_path)
    lookup = commands.said(store, "kim")
    assert lookup.speaker is None and lookup.ambiguous
    assert {s.name for s in lookup.candidates} == {"Kim Jong Un", "Kim Yong Chol"}
    # With "Kim" declared Kim Jong Un's (aliases.yaml), his words show, and the other Kim is named with them.
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [Kim Jong Un, Kim]\n", encoding="utf-8")
    store.reload()
    lookup = commands.said(store, "kim")
    assert lookup.speaker is not None and lookup.speaker.name == "Kim Jong Un"
    assert [s.name for s in lookup.also_fitting] == ["Kim Yong Chol"]
    assert messages.said_also_fitting([("Kim Yong Chol", 1)], messages.AT_THE_TERMINAL) in said_text(lookup, "kim", messages.AT_THE_TERMINAL)
    assert commands.said(store, "kim jong un").also_fitting == ()


# --- said on the command line ---


def test_a_name_set_off_by_a_role_that_opens_with_a_possessive_name_is_the_speaker(tmp_path: Path) -> None:
    """"Kim Myong Gil, North Korea's chief negotiator, told reporters that the talks “…”" was
    quoted as no one's, and `said kim` answered that no one called 'kim' is quoted (walkthrough):
    the owner in an apposition may be a name of several words, as of one ("Ruritania's")."""
    body = """
        North Korean negotiators walked out of working-level talks in Stockholm on Saturday.

        Kim Myong Gil, North Korea's chief negotiator, told reporters that the talks “have not fulfilled our expectation and finally broke down.”
    """
    write_article(tmp_path, "stockholm", body)
    said = run_bot("said", "kim", "--knowledge", str(tmp_path))
    assert said.returncode == 0, said.stderr
    assert said.stdout.startswith("Kim Myong Gil (North Korea's chief negotiator): 1 quotation"), said.stdout  # the role from the apposition
    assert "have not fulfilled our expectation and finally broke down" in said.stdout



def test_said_json_shape_for_a_speaker(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "said", "Jenny", "--json")
    assert set(data) >= {"speaker", "role", "quotes", "speakers"}
    assert data["speaker"] == "Jenny Town" and data["role"] == "analyst at North Korea watchdog 38 North"
    assert data["speakers"] == []
    assert len(data["quotes"]) == 2
    for quote in data["quotes"]:
        assert set(quote) >= {"text", "start", "end", "article"}
        assert set(quote["article"]) == ARTICLE_KEYS
        body = Path(quote["article"]["path"]).read_text(encoding="utf-8")
        assert quote["text"] in body
        assert quote["end"] - quote["start"] == len(quote["text"])


def test_said_json_without_a_name_or_a_match_lists_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    everyone = run_json(capsys, "said", "--json")
    assert everyone["speaker"] is None and everyone["quotes"] == []
    assert {"name": "Lynn Rusten", "count": 6} in everyone["speakers"]
    unknown = run_json(capsys, "said", "Nobody Atall", "--json")
    # No quoted name is like it: none offered (the most quoted once were, as if close).
    assert unknown["speaker"] is None and unknown["quotes"] == [] and unknown["speakers"] == []
    # The text form's sentence, which the JSON lacked: a script could not tell why nothing came back.
    assert unknown["message"] == messages.said_no_candidates("Nobody Atall", messages.ON_THE_COMMAND_LINE) and "message" not in everyone


def test_said_text_names_speaker_role_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["said", "gallucci"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Robert Gallucci (former ambassador): 2 quotations")
    assert "— WIRED, “Trump Can't Make a North Korea Deal on His Own”, February 28, 2019" in out
    assert main(["said", "Nobody"]) == 0
    assert "No one called 'Nobody' is quoted" in capsys.readouterr().out


# --- compare ---


def test_compare_quotes_each_outlet_that_answers_and_names_the_ones_that_do_not(bundled_store: KnowledgeStore) -> None:
    comparison = commands.compare(bundled_store, "What did Joseph Yun say about working-level meetings?")
    assert comparison.no_coverage == ("The Washington Post", "WIRED")  # neither mentions Yun
    by_outlet = {o.publisher: o for o in comparison.outlets}
    assert any(YUN in q.text for q in by_outlet["Vox"].quotes)
    for outlet in comparison.outlets:
        assert {publisher for publisher in (q.article.meta.publisher for q in outlet.quotes)} == {outlet.publisher}
        for quote in outlet.quotes:
            assert quote.text == quote.article.body[quote.start : quote.end]


@pytest.mark.parametrize(
    ("topic", "named", "compared_on"),
    [
        ("what did reuters say about hanoi", ("reuters",), "hanoi"),
        ("The New York Times on sanctions", ("The New York Times",), "sanctions"),
        ("according to Reuters, why did the Hanoi summit collapse?", ("Reuters",), "why did the Hanoi summit collapse?"),
        ("reuters and vox on hanoi", ("reuters",), "hanoi"),  # Vox has articles: compared with the others
    ],
)
def test_compare_says_which_named_outlet_has_no_article_and_compares_the_others(bundled_store: KnowledgeStore, topic: str, named: tuple[str, ...], compared_on: str) -> None:
    comparison = commands.compare(bundled_store, topic)
    assert comparison.no_articles == named and comparison.topic == compared_on
    assert {o.publisher for o in comparison.outlets} >= {"WIRED", "Vox"}  # both cover Hanoi and sanctions
    text = compare_text(comparison, messages.AT_THE_TERMINAL)
    assert text.startswith(f"No article here is from {named[0]}, nor names it.\n")
    assert messages.COMPARE_NONE_COVER not in text


@pytest.mark.parametrize("topic", ["Vox on sanctions", "Trump on sanctions", "what did trump say about hanoi", "focus on sanctions", "the effect of sanctions on north korea"])
def test_compare_names_no_missing_outlet_for_a_publisher_a_person_quoted_or_everyday_words(bundled_store: KnowledgeStore, topic: str) -> None:
    assert commands.compare(bundled_store, topic).no_articles == ()


def test_compare_says_when_sources_date_an_event_differently(bundled_store: KnowledgeStore) -> None:
    comparison = commands.compare(bundled_store, "Why did the Hanoi summit collapse?")
    assert {o.publisher for o in comparison.outlets} == {"Vox", "WIRED"}
    assert [e.title for e in comparison.date_differences] == ["The Hanoi summit ends without a deal"]
    unrelated = commands.compare(bundled_store, "Who was Trump's choice to replace Tillerson?")
    assert unrelated.date_differences == ()


def test_compare_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "compare", "--json", "Why", "did", "the", "Hanoi", "summit", "collapse?")
    assert set(data) >= {"topic", "outlets", "no_coverage"}
    assert data["topic"] == "Why did the Hanoi summit collapse?"
    assert data["no_coverage"] == ["The Washington Post"]
    for outlet in data["outlets"]:
        assert set(outlet) == {"publisher", "quotes"} and outlet["quotes"]
        for quote in outlet["quotes"]:
            assert set(quote) == {"text", "start", "end", "score", "article"}
            assert quote["article"]["publisher"].startswith(outlet["publisher"])
    assert data["dated_differently"][0]["dates"] == [
        {"label": "February 28, 2019", "publishers": ["WIRED"]},
        {"label": "February 27, 2019", "publishers": ["Vox"]},
    ]


def test_compare_text_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "Pompeo"]) == 0
    out = capsys.readouterr().out
    assert "The Washington Post:\n" in out and "Vox: nothing on this." in out and "WIRED: nothing on this." in out
    assert main(["compare"]) == 2
    assert "give a topic" in capsys.readouterr().err
    assert main(["compare", "x" * 3000]) == 2
    assert "under 2,000" in capsys.readouterr().err
