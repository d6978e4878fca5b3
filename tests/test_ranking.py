"""The ranking pipeline: rankers behind one protocol, fused by reciprocal rank, then the answer check."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from bot import answers
from bot.answers import PIPELINE, Declined, Pipeline, answer
from bot.knowledge.base import KnowledgeBase, build_knowledge_base
from bot.knowledge.store import KnowledgeStore
from bot.ranking.answer_check import SIGNAL_FEATURES, AnswerCheck, DeclineModel, Evidence, Signals, features, shipped_model
from bot.ranking import semantic
from bot.ranking.fusion import FusionWeights, reciprocal_rank_fusion, score_fusion
from bot.ranking.int8_vectors import COSINE_TOLERANCE
from bot.ranking.lexical import LexicalRanker
from bot.ranking.protocol import Asked, Ranker, Ranking
from bot.ranking.minilm import shared_model
from bot.ranking.semantic import RememberedVectors, SemanticRanker, question_vector
from bot.ranking.signals import content_of, gives_reason, names_no_dictionary_has, without_names, written_as_names
from bot.search.answer_type import asks_why
from bot.search.english import is_english_word
from bot.search.query import analyse
from tests.conftest import best_with_neighbours, sentence_texts_and_pairs, write_article


def ranking(name: str, order: tuple[int, ...]) -> Ranking:
    return Ranking(name, order, lambda position: 0.0)


def test_a_sentence_both_rankers_place_high_beats_one_only_one_places_first() -> None:
    fused = reciprocal_rank_fusion([ranking("words", (7, 3, 5)), ranking("meaning", (9, 3, 5))])
    assert [f.sentence for f in fused] == [3, 5, 7, 9]  # 7 and 9 tie: the earlier sentence first


def test_a_ranker_weighed_zero_is_left_out() -> None:
    fused = reciprocal_rank_fusion([ranking("words", (1, 2)), ranking("meaning", (3, 4))], FusionWeights(60.0, {"meaning": 0.0}))
    assert [f.sentence for f in fused] == [1, 2]


def test_the_check_answers_on_meaning_alone_and_declines_far_meaning_even_with_the_words() -> None:
    check = AnswerCheck(min_coverage=0.5, min_similarity=0.7, trap_similarity=0.2)
    assert check.answers(Evidence(coverage=0.0, similarity=0.75, typed_answer_found=True))
    assert not check.answers(Evidence(coverage=0.9, similarity=0.1, typed_answer_found=True))
    assert check.answers(Evidence(coverage=0.9, similarity=0.3, typed_answer_found=True))
    assert not check.answers(Evidence(coverage=0.9, similarity=0.9, typed_answer_found=False))
    assert check.answers(Evidence(coverage=0.6, similarity=None, typed_answer_found=True))  # no model: words decide


def test_the_bundled_knowledge_is_served_with_the_meaning_signal(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    assert knowledge.model_loaded
    assert [ranker.name for ranker in knowledge.rankers] == ["words", "meaning"]


def test_without_the_model_the_bot_answers_on_words_alone(bundled_store: KnowledgeStore) -> None:
    words_only = replace(bundled_store.current, rankers=(LexicalRanker.build(bundled_store.current),))
    assert not words_only.model_loaded
    result = answer(words_only, "Who was Trump's choice to replace Tillerson?")
    assert result.answered and "Mike Pompeo" in result.quotes[0].text
    assert result.reading is not None and result.reading.similarity is None


def test_an_answer_restricted_to_one_article_quotes_only_it(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    for article_id in knowledge.articles:
        result = answer(knowledge, "Why did the Hanoi summit fail?", only_articles=frozenset({article_id}))
        assert {quote.article.id for quote in (*result.quotes, *result.closest)} <= {article_id}


def test_an_answer_restricted_to_unknown_articles_has_no_articles(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "Why did the Hanoi summit fail?", only_articles=frozenset({"no-such-article"}))
    assert result.declined is Declined.NO_ARTICLES


@dataclass(frozen=True)
class FavouriteSentence:
    """A third ranker, written only against the protocol: it ranks one chosen sentence first."""

    sentence: int
    name: str = "favourite"

    def rank(self, knowledge: KnowledgeBase, asked: Asked) -> Ranking:
        return Ranking(self.name, (self.sentence,), lambda position: float(position == self.sentence))


def test_a_third_ranker_joins_the_fusion_through_the_protocol(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    question = "Who was Trump's choice to replace Tillerson?"
    usual = answer(knowledge, question).quotes[0]
    elsewhere = next(
        i for i, s in enumerate(knowledge.sentences) if knowledge.passages[s.passage].article_id != usual.article.id and not knowledge.passages[s.passage].heading
    )
    favourite: Ranker = FavouriteSentence(elsewhere)
    with_it = replace(knowledge, rankers=(*knowledge.rankers, favourite))
    pipeline = Pipeline(fusion=FusionWeights(60.0, {"favourite": 10.0}), check=AnswerCheck(0.0, -1.0, -1.0))
    first = answer(with_it, question, pipeline=pipeline).quotes[0]
    sentence = knowledge.sentences[elsewhere]
    assert first.article.id == knowledge.passages[sentence.passage].article_id
    assert first.start <= sentence.span.start < first.end


def test_sentence_vectors_are_encoded_once_and_then_read_from_the_cache(tmp_path: Path, embedding_cache: Path) -> None:
    write_article(tmp_path, "cached", "A sentence written only for this test about quiet lighthouses. Another one about kelp.")
    build_knowledge_base(tmp_path)
    cache_file = next(embedding_cache.glob("minilm-*.npz"))
    written = cache_file.stat().st_mtime_ns
    rebuilt = build_knowledge_base(tmp_path)
    assert rebuilt.model_loaded
    assert cache_file.stat().st_mtime_ns == written  # nothing new to encode, so nothing written


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_questions_never_reach_the_rankers(bundled_store: KnowledgeStore, question: str) -> None:
    assert answer(bundled_store.current, question).declined is Declined.EMPTY


def test_explain_says_when_no_sentence_has_the_kind_of_answer_asked_for(bundled_store: KnowledgeStore) -> None:
    from bot.render.reading_text import reading_text
    from tests.conftest import words_only

    result = answer(words_only(bundled_store.current), "On what date was Mike Pompeo confirmed as secretary of state?")
    assert not result.answered and result.reading is not None and not result.reading.typed_answer_found
    assert "no sentence among those found holds a day" in reading_text(result)
    assert "the sentence-embedding model is not loaded" in reading_text(result)


def test_a_question_naming_someone_the_articles_never_mention_is_declined(bundled_store: KnowledgeStore) -> None:
    """The rule answered it (its other words, Hanoi and the summit, are everywhere); the fitted
    check weighs a name no article says as evidence the articles cannot answer (besides the gate
    for who-said questions about someone no article names, bot.search.unknown_name, and the speaker
    route that "what did Vladimir Putin think of …" now takes: bot.speaker_words)."""
    knowledge = bundled_store.current
    result = answer(knowledge, "Why did Vladimir Putin criticise the Hanoi summit?")
    assert result.declined is Declined.NOT_COVERED
    assert result.reading is not None and result.reading.evidence is not None
    evidence = result.reading.evidence
    assert AnswerCheck().answers(evidence) and not PIPELINE.check.answers(evidence)
    assert evidence.signals is not None and evidence.signals.unknown_names == 2


@pytest.mark.parametrize(
    "question", ["What is Donald Trump's favourite colour?", "Where did Lynn Rusten grow up?", "What is the weather like in Singapore?"]
)
def test_an_off_topic_question_naming_someone_the_articles_name_is_declined(bundled_store: KnowledgeStore, question: str) -> None:
    """The name is found (and both rankers agree on a sentence holding it); what is asked about it
    is not. None of these is in the question sets the check was fitted on."""
    result = answer(bundled_store.current, question)
    assert result.declined is Declined.NOT_COVERED
    assert result.reading is not None and result.reading.evidence is not None and result.reading.evidence.signals is not None
    assert result.reading.evidence.signals.content_similarity < result.reading.evidence.similarity  # type: ignore[operator]


@pytest.mark.parametrize("question", ["Where does Lynn Rusten work?", "What did Kim Jong Un want in exchange for closing Yongbyon?"])
def test_a_question_about_someone_the_articles_name_that_they_answer_is_answered(bundled_store: KnowledgeStore, question: str) -> None:
    assert answer(bundled_store.current, question).answered


def test_texts_encoded_in_one_pass_are_each_remembered_as_encoded_alone() -> None:
    remembered = RememberedVectors(size=2)
    first, second = remembered.vectors(["Who met Kim in Hanoi?", "Who met in?"])
    assert remembered.vectors(["Who met in?"])[0] is second  # asked again: not encoded again
    assert abs(float(first @ shared_model().encode(["Who met Kim in Hanoi?"])[0]) - 1) < 1e-6
    remembered.vectors(["A third text"])
    assert remembered.vectors(["Who met in?"])[0] is second  # used last, so kept
    assert remembered.vectors(["Who met Kim in Hanoi?"])[0] is not first  # the oldest was let go


def test_the_check_compares_the_question_without_the_names_its_best_paragraph_gives() -> None:
    # Before ranking only the question's own names are known; the paragraph can add one it writes in lower case.
    assert content_of("What did kim say to Trump?") == "What did kim say to"
    assert content_of("What did kim say to Trump?", "The leader Kim Jong Un met Donald Trump.") == "What did say to"


def test_a_name_no_dictionary_has_is_a_name_in_a_question_typed_in_lower_case() -> None:
    """"whats the weather in hanoi": a word the article capitalises as a name (not where a sentence
    opens, where any word is capitalised) that the word list lacks is taken out of a question typed
    in lower case; a name that is a common word too ("Town") may be asked as the word, and a letter
    alone ("s" of "U.S.") is no name."""
    article = "Xyloquent was anything but. The envoy Brumbelow met Jenny Town in the U.S. in Xyloquent."
    names = names_no_dictionary_has(article)
    assert not is_english_word("brumbelow") and not is_english_word("xyloquent") and is_english_word("town")
    assert {"brumbelow", "xyloquent"} <= names and "town" not in names
    assert not any(len(name) < 2 for name in names)
    assert without_names("whats the weather like in xyloquent in february?", names) == "whats the weather like in in february?"
    assert without_names("what town did brumbelow visit?", names) == "what town did visit?"


def test_the_names_a_question_gives_are_taken_out_as_written_possessives_and_all() -> None:
    names = written_as_names("North Korean leader Kim Jong Un said")
    assert without_names("what music does kim jong un's band play?", names) == "what music does band play?"
    assert without_names("Kim Jong Un?", names) == "Kim Jong Un?"  # nothing else asked: the question stays


def test_the_shipped_check_model_loads_and_a_broken_one_leaves_the_rule(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    model = shipped_model()
    assert model is not None and 0 < model.threshold < 1
    # Each feature is a signal the bot computes, or the product of two ("coverage*similarity").
    assert all(set(name.split("*")) <= {"coverage", "similarity", *SIGNAL_FEATURES} for name in model.features)
    assert DeclineModel.from_json(model.to_json()) == model
    broken = tmp_path / "answer_check.json"
    broken.write_text(model.to_json().replace('"coverage"', '"shoe size"'), encoding="utf-8")
    assert shipped_model(broken) is None
    assert "shoe size" in caplog.text and "threshold rule decides" in caplog.text
    check = AnswerCheck(min_coverage=0.5, min_similarity=0.7, trap_similarity=0.2, model=None)
    assert check.answers(Evidence(coverage=0.6, similarity=0.3, typed_answer_found=True, signals=None))


def test_a_why_question_is_told_from_its_wording_and_a_reason_from_the_words_that_give_one() -> None:
    assert asks_why("hey bot, why was the envoy recalled?") and asks_why("How come they left?")
    assert not asks_why("What did the envoy say about why it failed?")  # asks what was said
    assert gives_reason("The summit ended abruptly because they couldn't reach a deal.")
    assert gives_reason("Leaders send aides first so that failures stay out of view.")
    assert not gives_reason("So the envoy is gone. Yet amid the speculation, talks go on.")


def _signals(knowledge: KnowledgeBase, question: str) -> Signals:
    result = answer(knowledge, question)
    assert result.reading is not None and result.reading.evidence is not None and result.reading.evidence.signals is not None
    return result.reading.evidence.signals


def test_the_signals_read_what_a_question_asks_beyond_its_names_and_whether_a_why_gets_a_reason(bundled_store: KnowledgeStore) -> None:
    # why_without_reason is computed for tools/fit_answer_check.py and left out of the shipped model
    # (it did not help on the sealed sets S13-S15): it must still read what it says it reads.
    knowledge = bundled_store.current
    # Off-topic about someone the articles name: what it asks (car, drive) no article says.
    assert _signals(knowledge, "What car does Stephen Biegun drive?").unsaid_content == 1.0
    assert _signals(knowledge, "What did Stephen Biegun do?").unsaid_content == 0.0
    assert answer(knowledge, "What did Stephen Biegun do?").answered
    # A why-question the articles tell the event of, not the cause: the best sentence gives no reason.
    assert _signals(knowledge, "Why was Rex Tillerson fired?").why_without_reason == 1.0
    abruptly = "Why did Trump's Vietnam summit with Kim end abruptly?"  # "… ended abruptly because …"
    assert _signals(knowledge, abruptly).why_without_reason == 0.0


def test_the_signals_read_which_names_asked_the_best_sentence_s_article_never_says(knowledge_copy: Path) -> None:
    # A sentence from an article about something else matches what is asked but not whom or where:
    # over a large folder such sentences are many (docs/measurements.md, session 12).
    write_article(knowledge_copy, "test-garrison", "The old fort stands above the river.\n\n"
                  "If fully garrisoned, the fort would require 26,000 troops to be stationed there, the ministry said.")  # fmt: skip
    knowledge = build_knowledge_base(knowledge_copy)
    elsewhere = "How many US troops are stationed in South Korea?"
    never_declining = Pipeline(check=AnswerCheck(0.0, -1.0, -1.0))
    assert answer(knowledge, elsewhere, pipeline=never_declining).quotes[0].article.id == "test-garrison"
    assert _signals(knowledge, elsewhere).names_not_in_article > 0.3  # "South Korea" is the weightier name
    assert _signals(knowledge, "How many troops would the fort require if fully garrisoned?").names_not_in_article == 0.0
    # A weekday or a month is capitalised but names nothing: the article that answers need not say it.
    for when in ("on Thursday", "in February"):
        asked = f"How many troops would the fort require {when} if fully garrisoned?"
        assert answer(knowledge, asked, pipeline=never_declining).quotes[0].article.id == "test-garrison"
        assert _signals(knowledge, asked).names_not_in_article == 0.0
    # An alias group of ordinary words ("summit", "meeting") is no name, whoever grouped them.
    after_the_summit = "How many troops would the fort require if fully garrisoned after the summit?"
    assert answer(knowledge, after_the_summit, pipeline=never_declining).quotes[0].article.id == "test-garrison"
    assert _signals(knowledge, after_the_summit).names_not_in_article == 0.0


def _harbour_folder(knowledge_copy: Path) -> KnowledgeBase:
    """The tests' folder with a made-up envoy's article, and another that alone says "football"."""
    write_article(knowledge_copy, "test-harbour", """
        The envoy Marla Quist led the delegation to the harbour talks on Tuesday.

        Quist said the talks on fishing quotas would resume in the spring, after both fleets had counted their catch.

        Officials from both sides called the harbour talks a modest success.
        """)  # fmt: skip
    write_article(knowledge_copy, "test-league", "The city's football team won the league on Saturday, and thousands of fans filled the square.")
    return build_knowledge_base(knowledge_copy)


NOT_IN_ARTICLE = ("content_not_in_article", "heaviest_unsaid_content", "unsaid_content")


def test_a_question_about_someone_named_that_asks_what_their_article_never_says_is_declined(knowledge_copy: Path) -> None:
    # Off-topic about a person the articles name: the name is found, what is asked is not. "football"
    # is another article's word, "married" and "car" no article's (docs/measurements.md, session 13).
    knowledge = _harbour_folder(knowledge_copy)
    model = shipped_model()
    assert model is not None and set(NOT_IN_ARTICLE) <= set(model.features)
    # The same model without these signals (alone or in a product), to show that they decide.
    weighs_them = [bool(set(name.split("*")) & set(NOT_IN_ARTICLE)) for name in model.features]
    blind = replace(model, weights=tuple(0.0 if blinded else w for blinded, w in zip(weighs_them, model.weights, strict=True)))
    football = "Which football team does Marla Quist support?"
    assert _signals(knowledge, football).content_not_in_article == 1.0
    assert _signals(knowledge, football).unsaid_content == 0.0  # the league's article says it
    for asked in (football, "Is Marla Quist married?", "What car does Marla Quist drive?"):
        result = answer(knowledge, asked)
        assert result.declined is Declined.NOT_COVERED, asked
        values = features(result.reading.evidence) if result.reading and result.reading.evidence else {}
        assert model.probability(values) < model.threshold <= blind.probability(values), asked


def test_a_question_whose_words_the_best_sentence_s_article_says_is_answered(knowledge_copy: Path) -> None:
    knowledge = _harbour_folder(knowledge_copy)
    for asked, said in (
        ("Who led the delegation to the harbour talks?", "The envoy Marla Quist led the delegation"),
        ("What did the officials think of the harbour talks?", "called the harbour talks a modest success"),
    ):
        result = answer(knowledge, asked)
        assert result.answered and said in result.quotes[0].text, asked
        signals = _signals(knowledge, asked)
        assert (signals.content_not_in_article, signals.unsaid_content, signals.heaviest_unsaid_content) == (0.0, 0.0, 0.0)


def test_a_model_feature_may_be_the_product_of_two_signals_the_bot_computes() -> None:
    # The signals weigh each other: the product of coverage and similarity decides here, where
    # each alone is the same in both rows (one high, one low) and only their product differs.
    model = DeclineModel(("coverage*similarity",), (0.25,), (0.1,), (1.0,), 0.0, 0.5)
    signals = Signals(expects_type=0.0, fused_best=1.0, fused_margin=0.1, unknown_names=0.0)
    both = Evidence(coverage=0.8, similarity=0.8, typed_answer_found=True, signals=signals)
    one = Evidence(coverage=0.8, similarity=0.1, typed_answer_found=True, signals=signals)
    assert model.probability(features(both)) > 0.5 > model.probability(features(one))
    check = AnswerCheck(model=model)
    assert check.answers(both) and not check.answers(one)
    assert DeclineModel.from_json(model.to_json()) == model
    squared = DeclineModel(("fused_margin*fused_margin",), (0.0,), (1.0,), (1.0,), 0.0, 0.5)
    assert squared.probability(features(both)) == pytest.approx(1 / (1 + math.exp(-0.01)))
    # A product of something the bot does not compute is refused like any unknown feature.
    with pytest.raises(ValueError, match="shoe size"):
        DeclineModel.from_json(model.to_json().replace("coverage*similarity", "coverage*shoe size"))


def test_the_model_decides_only_with_its_signals_and_the_gates_still_hold() -> None:
    model = DeclineModel(("coverage",), (0.5,), (0.1,), (1.0,), 0.0, 0.5)
    check = AnswerCheck(min_coverage=0.0, min_similarity=-1.0, trap_similarity=-1.0, model=model)
    signals = Signals(expects_type=0.0, fused_best=1.0, fused_margin=0.1, unknown_names=0.0)
    assert not check.answers(Evidence(coverage=0.3, similarity=0.9, typed_answer_found=True, signals=signals))
    assert check.answers(Evidence(coverage=0.7, similarity=0.1, typed_answer_found=True, signals=signals))
    assert not check.answers(Evidence(coverage=0.9, similarity=0.9, typed_answer_found=False, signals=signals))
    assert check.answers(Evidence(coverage=0.3, similarity=0.9, typed_answer_found=True))  # no signals: the rule


def _meaning(knowledge: KnowledgeBase) -> SemanticRanker:
    return next(r for r in knowledge.rankers if isinstance(r, SemanticRanker))


def test_a_reload_that_changes_no_sentence_shares_the_vectors_and_a_new_sentence_gets_its_own(knowledge_copy: Path) -> None:
    # Two knowledge bases are alive during a reload: over the same sentences they hold one matrix.
    first = build_knowledge_base(knowledge_copy)
    again = build_knowledge_base(knowledge_copy)
    assert _meaning(again).vectors is _meaning(first).vectors
    assert _meaning(again).product is _meaning(first).product  # and its packed copy in onnxruntime
    added = "The envoys agreed to meet again after the harvest festival."
    write_article(knowledge_copy, "test-envoys", added)
    grown = build_knowledge_base(knowledge_copy)
    meaning = _meaning(grown)
    assert meaning.vectors is not _meaning(first).vectors
    position = next(i for i, s in enumerate(grown.sentences) if grown.article_of(s.passage).id == "test-envoys")
    assert meaning.similarity(added, position) == pytest.approx(1.0, abs=COSINE_TOLERANCE)


def test_the_meaning_ranker_reads_each_sentence_with_its_neighbours(bundled_store: KnowledgeStore) -> None:
    """A sentence scores the best of its own cosine and those of it read with the sentence before
    or after it in its paragraph, so an answer that leans on its neighbour is found."""
    knowledge = bundled_store.current
    meaning = _meaning(knowledge)
    question = "what did gallucci pull off back in the nineties"
    texts, pairs = sentence_texts_and_pairs(knowledge)
    vectors = shared_model().encode([*texts, *pairs.values()])
    cosines = vectors @ question_vector(question)
    alone = cosines[: len(texts)]
    expected = best_with_neighbours(cosines, len(texts), pairs)
    scores = meaning.similarities(question)
    assert scores == pytest.approx(expected, abs=COSINE_TOLERANCE)  # the matrix is held in 8 bits
    assert sum(score > own + 0.01 for score, own in zip(scores, alone)) > 10  # pairs do raise sentences


def test_in_a_large_folder_the_meaning_list_reaches_a_share_of_it_and_scales_from_there(
    bundled_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fixed count of best sentences is a sliver of a large folder, and its last one's similarity,
    the floor fusion scales from, is nearly the best's: the meaning signal then counted nothing for
    a sentence just past it. Past DEPTH / FOLDER_SHARE sentences the list is that share of them."""
    monkeypatch.setattr(semantic, "DEPTH", 3)  # the bundled folder's sentences stand for a large folder's
    knowledge = bundled_store.current
    meaning = _meaning(knowledge)
    question = "what did gallucci pull off back in the nineties"
    ranking = meaning.rank(knowledge, Asked(question, analyse(knowledge, question)))
    listed = int(semantic.FOLDER_SHARE * int(meaning.quotable.sum()))
    assert listed > semantic.DEPTH and len(ranking.order) == listed
    best_first = sorted(meaning.similarities(question)[meaning.quotable].tolist(), reverse=True)
    assert [ranking.score(p) for p in ranking.order] == pytest.approx(best_first[:listed])
    assert ranking.floor == pytest.approx(best_first[listed - 1])
    fused = score_fusion([ranking], FusionWeights(by_score=True))
    past_the_count = ranking.order[semantic.DEPTH]
    assert next(f.score for f in fused if f.sentence == past_the_count) > 0.0



def _talks_and_lone_mentions(folder: Path) -> None:
    """An article about the Hanoi summit's collapse, and three about other things that each hold one
    short sentence with the question's words (as a large mixed folder's articles do)."""
    write_article(folder, "about-the-talks", """
        The Hanoi summit between the two leaders ended early on Thursday without any agreement being signed.

        The Hanoi summit collapsed over sanctions: the North wanted most of them lifted before it would dismantle its main nuclear site.

        Diplomats said the two sides would need many more rounds of working-level talks before another summit.
    """)
    for number in range(3):
        write_article(folder, f"other-{number}", f"""
            The harvest in the valley was late this year, and the farmers sold less grain at the market.

            A local writer has published a book on why the Hanoi summit collapsed.

            The town council met on Monday number {number} to discuss the roads and the new school.
        """)


def test_the_articles_most_about_a_question_are_those_whose_paragraphs_hold_its_words(tmp_path: Path) -> None:
    _talks_and_lone_mentions(tmp_path)
    knowledge = build_knowledge_base(tmp_path)
    words = next(r for r in knowledge.rankers if isinstance(r, LexicalRanker))
    asked = Asked("why did the hanoi summit collapse", analyse(knowledge, "why did the hanoi summit collapse"))
    assert words.articles_about(knowledge, asked, 1) == {"about-the-talks"}
    assert words.articles_about(knowledge, asked, 4) is None  # every article: nothing told apart


def test_a_sentence_of_an_article_about_the_question_outranks_a_lone_one_sharing_its_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lone short sentence holds every word of the question and would come first; the articles
    most about the question count in full and the others less, as in a large folder (ARTICLES_ABOUT of its thousands)."""
    _talks_and_lone_mentions(tmp_path)
    monkeypatch.setattr(answers, "ARTICLES_ABOUT", 1)  # four articles stand for a large folder
    knowledge = build_knowledge_base(tmp_path)
    result = answer(knowledge, "why did the hanoi summit collapse")
    assert result.quotes and result.quotes[0].article.id == "about-the-talks"
