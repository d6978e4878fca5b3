"""Normalisation, the BM25 guards, aliases, synonyms and typo tolerance."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from bot.answers import answer
from bot.knowledge.base import build_knowledge_base
from bot.search.aliases import AliasTable
from bot.search.answer_type import wants_explanation
from bot.search.bm25 import Bm25Index
from bot.search.normalise import terms
from bot.search.query import analyse, words_in_no_article
from bot.search.synonyms import SYNONYM_TABLE, synonym_stems
from bot.search.typos import SpellingIndex
from tools.build_synonyms import WORDNET
from tests.conftest import words_only, write_article


def test_normalisation_folds_quotes_case_and_word_forms() -> None:
    assert terms("Trump’s NEGOTIATIONS") == terms("trump's negotiating") == ["trump", "negoti"]
    assert terms("The U.S. and the US") == ["us", "us"]
    assert terms("what is the of and") == []


def test_term_in_exactly_half_the_documents_still_scores() -> None:
    """rank-bm25's Okapi IDF gives such a term zero; ours must not."""
    index = Bm25Index([["summit", "hanoi"], ["summit", "singapore"], ["envoy"], ["sanctions"]])
    scores = index.scores({"summit": 1.0})
    assert set(scores) == {0, 1}
    assert all(score > 0 for score in scores.values())


def test_term_in_most_documents_is_positive_but_weaker_than_a_rare_one() -> None:
    index = Bm25Index([["korea", "a"], ["korea", "b"], ["korea", "c"], ["envoy"]])
    assert 0 < index.frequencies.idf("korea") < index.frequencies.idf("envoy")


def test_empty_corpus_scores_nothing_without_error() -> None:
    assert Bm25Index([]).scores({"anything": 1.0}) == {}
    assert Bm25Index([[], []]).scores({"anything": 1.0}) == {}


def test_only_documents_sharing_a_term_are_scored() -> None:
    index = Bm25Index([["hanoi"], ["singapore"], ["envoy", "hanoi"]])
    assert set(index.scores({"hanoi": 1.0, "unknown": 1.0})) == {0, 2}


def test_spelling_correction_only_when_unambiguous() -> None:
    spelling = SpellingIndex(["sanctions", "singapore", "pompeo", "summit", "submit"])
    assert spelling.correct("santions") == "sanctions"
    assert spelling.correct("singapour") == "singapore"
    assert spelling.correct("sumit") is None  # summit or submit: ambiguous, no guess
    assert spelling.correct("xyz") is None


def test_a_misspelling_nearest_forms_of_one_word_is_corrected() -> None:
    """"negotiatons" is one edit from "negotiations" and from "negotiators": forms of one word, one
    index term, so no guess between two words (it was left uncorrected and the question declined)."""
    spelling = SpellingIndex(["negotiations", "negotiators", "happened", "happens", "summit", "submit"])
    assert spelling.correct("negotiatons") in {"negotiations", "negotiators"}
    assert spelling.correct("happend") in {"happened", "happens"}
    assert spelling.correct("sumit") is None  # still two words


def test_a_misspelling_of_an_english_form_of_an_article_word_is_corrected(bundled_store) -> None:  # type: ignore[no-untyped-def]
    """"replced": the articles say "replace", not "replaced", two edits away; the English word one
    edit away whose index term they use is meant ("replied" is one edit away too, but no article's)."""
    knowledge = bundled_store.current
    assert analyse(knowledge, "who replced tillerson").corrections == {"replced": "replaced"}
    for question in ("who replced tillerson", "wat happend in hanoi", "what did rusten say about negotiatons"):
        assert answer(knowledge, question).answered, question
    # Corrected, the word is no longer listed by `unanswered` as one an alias could bridge.
    assert "negotiatons" not in words_in_no_article(knowledge, "what did rusten say about negotiatons")


def _answering_article(folder: Path, question: str, **bodies: str) -> str | None:
    """Writes one article per body (id = keyword) and returns the id of the first quote's article.
    Words alone rank and decide here: these tests are about how words are matched."""
    for article_id, body in bodies.items():
        write_article(folder, article_id, body)
    result = answer(words_only(build_knowledge_base(folder)), question)
    return result.quotes[0].article.id if result.answered else None


def test_misspelt_question_finds_its_passage(tmp_path: Path) -> None:
    assert (
        _answering_article(
            tmp_path,
            "What did the Yongbion reactor produce?",
            one="The Yongbyon reactor produced plutonium for decades.",
            two="The envoy met his counterparts in Stockholm.",
            three="Sanctions relief was the main demand.",
        )
        == "one"
    )


def test_real_words_are_not_corrected_into_article_words(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "North Korea tested missiles in the north.")
    knowledge = build_knowledge_base(tmp_path)
    assert analyse(knowledge, "how much is it worth").corrections == {}


def test_aliases_find_passages_that_use_another_name(tmp_path: Path) -> None:
    (tmp_path / "aliases.yaml").write_text("groups:\n  - [North Korea, DPRK, Pyongyang]\n", encoding="utf-8")
    write_article(tmp_path, "one", "The DPRK rejected the offer of talks outright.")
    write_article(tmp_path, "two", "Weather in Oslo was mild in spring.")
    write_article(tmp_path, "three", "Bananas are rich in potassium.")
    knowledge = build_knowledge_base(tmp_path)
    result = answer(knowledge, "Did North Korea reject the offer of talks?")
    assert result.answered and result.quotes[0].article.id == "one"


def test_a_misspelt_stop_word_is_not_corrected_into_an_article_word(bundled_store) -> None:  # type: ignore[no-untyped-def]
    query = analyse(bundled_store.current, "did pompeo actualy do diplomacy becuase")
    assert query.corrections == {}
    assert all(c.terms not in {("actual",), ("becuas",)} for c in query.concepts)


def test_synonym_table_maps_everyday_words_to_the_stems_of_their_synonyms() -> None:
    assert "close" in synonym_stems("shut")
    assert "mistak" in synonym_stems("errors")
    # Keyed by word, not stem: "officials" brings "functionary", never "officious" meddling.
    assert "meddl" not in synonym_stems("officials")
    assert synonym_stems("zzzz") == ()


@pytest.mark.skipif(not WORDNET.exists(), reason="WordNet is a build input: apt-get install wordnet-base")
def test_the_shipped_synonym_table_holds_the_stems_stem_gives_today() -> None:
    """A table of stems made before stem() mapped irregular forms to their lemma holds "lost",
    "grown" and "larger", which no index term equals any more (stem gives "lose", "grow", "larg"):
    those synonyms silently stop working. Not checked as "stem(s) == s" for each stored stem:
    Snowball is not idempotent ("accidental" -> "accident" -> "accid")."""
    from tools.build_synonyms import table_text

    assert gzip.decompress(SYNONYM_TABLE.read_bytes()).decode("ascii") == table_text()


def test_a_question_in_other_words_finds_the_passage_through_synonyms(tmp_path: Path) -> None:
    assert (
        _answering_article(
            tmp_path,
            "Did Kim offer to shut the reactor?",
            one="Kim offered to open the reactor for sanctions relief.",
            two="Kim offered to close the reactor in exchange for sanctions relief.",
            three="Bananas are rich in potassium and grow in the tropics.",
        )
        == "two"
    )


def test_the_question_own_word_outranks_a_synonym(tmp_path: Path) -> None:
    assert (
        _answering_article(
            tmp_path,
            "Could the talks shut the reactor?",
            one="Officials said the talks could close the reactor within a year.",
            two="Officials said the talks could shut the reactor within a year.",
            three="Bananas are rich in potassium and grow in the tropics.",
        )
        == "two"
    )


def test_a_synonym_listed_only_by_the_article_word_still_counts(tmp_path: Path) -> None:
    """"achieve" lists "reach" but "reach" does not list "achieve": synonymy goes both ways."""
    assert "achiev" not in synonym_stems("reach") and "reach" in synonym_stems("achieve")
    assert (
        _answering_article(
            tmp_path,
            "Did the envoys reach denuclearization?",
            one="The envoys hoped to discuss denuclearization.",
            two="The envoys hoped to achieve denuclearization.",
            three="Bananas are rich in potassium and grow in the tropics.",
        )
        == "two"
    )


def test_everyday_words_bring_no_synonyms(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The talks begin in Hanoi and start again in spring.")
    knowledge = build_knowledge_base(tmp_path)
    first = next(c for c in analyse(knowledge, "what was the first step").concepts if c.terms == ("first",))
    assert first.synonyms == ()  # "first" -> "begin", "start" would be noise


def test_a_synonym_one_passage_has_covers_the_question_word(tmp_path: Path) -> None:
    """"Shut" is met only by "close", which one passage has: without full credit for it the
    question would be declined, since "old" is nowhere and "reactor" everywhere."""
    assert (
        _answering_article(
            tmp_path,
            "Was the old reactor shut?",
            one="The reactor was built long ago.",
            two="Kim offered to close the reactor.",
            three="The reactor uses graphite.",
        )
        == "two"
    )


def test_a_synonym_every_passage_has_proves_little(tmp_path: Path) -> None:
    """"Handled" -> "deal", which every passage says: that is no answer to how it was handled."""
    assert "deal" in synonym_stems("handled")
    answering = _answering_article(
        tmp_path,
        "How was the reactor handled?",
        one="The deal includes the reactor.",
        two="The deal on the reactor stalled in spring.",
        three="The deal may return the reactor to service.",
    )
    assert answering is None


def test_alias_phrases_cover_the_most_words_longest_first() -> None:
    """"the Washington Post op-ed" names the Post and an op-ed, not Washington (the US) and a "Post
    op-ed"; "Chairman Kim Jong Un" is Kim Jong Un, not "Chairman Kim" and two stray words."""
    table = AliasTable.from_groups(
        [["United States", "Washington"], ["Washington Post", "Post op-ed"], ["op-ed", "column"], ["Kim Jong Un", "Chairman Kim"]]
    )

    def read(text: str) -> list[tuple[int, int, str | None]]:
        return [(m.start, m.length, m.group_term) for m in table.longest_matches(terms(text))]

    assert read("the Washington Post op-ed") == [(0, 2, table.group_of("Washington Post")), (2, 2, table.group_of("op-ed"))]
    assert read("Chairman Kim Jong Un") == [(1, 3, table.group_of("Kim Jong Un"))]


def test_a_misspelt_name_is_never_read_as_an_english_word(tmp_path: Path) -> None:
    """The English-word fallback is for a typo no article word is near: a tie the articles'
    spelling index refuses to guess ("beigun": begun or Biegun; "biegan": began or Biegun) is not
    handed to it, which picked the English word, so a misspelt name was read as "begun"."""
    write_article(tmp_path, "envoy", "Stephen Biegun began the talks in Stockholm. Talks had begun there before. Biegun said they began well.")
    knowledge = build_knowledge_base(tmp_path)
    assert analyse(knowledge, "who is beigun?").corrections == {}
    assert "began" not in analyse(knowledge, "why was biegan appointed?").corrections.values()
    assert analyse(knowledge, "who replced tillerson").corrections == {}  # no article says replace
    long_junk = "q" * 1900
    assert analyse(knowledge, f"what about {long_junk}").corrections == {}


@pytest.mark.parametrize(
    ("question", "written_out"),
    [
        ("what could've made the hanoi talks collapse", "what could have made the hanoi talks collapse"),
        ("what couldve made the hanoi talks collapse", "what could have made the hanoi talks collapse"),
        ("why'd the hanoi talks collapse", "why did the hanoi talks collapse"),
        ("the hanoi talks coulda gone better, why did they collapse", "the hanoi talks could have gone better, why did they collapse"),
    ],
)
def test_a_contraction_is_phrasing_not_a_word_no_article_uses(bundled_store, question: str, written_out: str) -> None:  # type: ignore[no-untyped-def]
    """Reading drops a contraction's apostrophe ("could've" is "couldve"), and the word, in no
    article and in no English word list, counted as the question's most specific: a topic every
    passage lacked, listed by --explain and the unanswered report as a word no article uses. And
    "why'd" was no why-question."""
    knowledge = bundled_store.current
    assert words_in_no_article(knowledge, question) == []
    assert [c.key for c in analyse(knowledge, question).concepts] == [c.key for c in analyse(knowledge, written_out).concepts]
    assert wants_explanation(question) == wants_explanation(written_out)
    if question.startswith("what could've"):
        assert answer(knowledge, question).coverage == pytest.approx(answer(knowledge, "what made the hanoi talks collapse").coverage)


def test_a_short_name_that_spells_a_stop_word_and_an_ending_is_still_a_name(bundled_store) -> None:  # type: ignore[no-untyped-def]
    """"Noa" is "no" and "a", "Tom" "to" and "m": read as contractions, "what did Noa say about
    sanctions?" lost its person and was answered with others' words (late review)."""
    knowledge = bundled_store.current
    for name in ("Noa", "Ita", "Ona", "Bea", "Mya", "Tom", "Nora", "Thea"):
        assert name.casefold() in words_in_no_article(knowledge, f"what did {name} say about sanctions?"), name
    for phrasing in ("couldve", "whyd", "itll", "theyre", "dont", "im", "shoulda", "whats"):
        assert words_in_no_article(knowledge, f"{phrasing} the hanoi talks collapse") == [], phrasing


def test_a_long_word_with_two_letters_dropped_is_still_corrected(bundled_store) -> None:  # type: ignore[no-untyped-def]
    """"tilersn" (two letters dropped from "tillerson") was looked up within one edit, as its own
    seven letters allow, and stayed a word no article uses: with "pik", the question's second
    unknown word, it declined. The word meant, of nine letters, allows two slips."""
    assert SpellingIndex(["tillerson"]).correct("tilersn") == "tillerson"
    assert SpellingIndex(["reactors"]).correct("reaktrs") is None  # eight letters allow one slip
    question = "who was trumps pik to replace tilersn?"
    assert analyse(bundled_store.current, question).corrections == {"tilersn": "tillerson"}
    assert answer(bundled_store.current, question).answered
