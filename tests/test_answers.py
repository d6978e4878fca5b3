"""Answers are verbatim, attributed quotes; uncovered questions are declined; bad input is harmless."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot import messages
from bot.answers import MAX_QUESTION_CHARS, MAX_QUOTES, MIN_COVERAGE, Declined, answer, answer_follow_up, clean_question
from bot.compare import outlets
from bot.feedback.shown import can_be_rated
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.quotation_marks import unbalanced
from bot.knowledge.store import KnowledgeStore
from bot.render.json_out import answer_dict
from bot.render.text import answer_text
from bot.search.query import analyse
from bot.unanswered.log import UnansweredLog, is_recorded
from tests.conftest import words_only, write_article

DEV_SET = Path(__file__).resolve().parent.parent / "eval" / "dev_qa.jsonl"
MORE_QUESTIONS = [
    "Why did the Hanoi summit collapse?",
    "Who is Stephen Biegun?",
    "What did Joseph Yun say about working-level meetings?",
    "Trump’s “gut” — what did he say?",
    "sanctions relief",
]


def all_questions() -> list[str]:
    dev = [json.loads(line)["question"] for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return dev + MORE_QUESTIONS


def test_every_quote_is_an_exact_slice_of_its_article_file(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    quoted = 0
    for question in all_questions():
        result = answer(knowledge, question)
        for quote in (*result.quotes, *result.closest):
            article = knowledge.articles[quote.article.id]
            assert quote.text == article.body[quote.start : quote.end]
            assert quote.text in article.path.read_text(encoding="utf-8")
            assert quote.text == quote.text.strip() and quote.text
            quoted += 1
    assert quoted > 20


def test_answer_quotes_sentences_with_their_source(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "Who was Trump's choice to replace Tillerson?")
    assert result.answered
    first = result.quotes[0]
    assert "Mike Pompeo, Trump’s choice to replace Tillerson" in first.text
    assert first.article.meta.publisher == "The Washington Post (Global Opinions)"
    assert str(first.article.meta.published) == "2018-03-13"
    assert len(first.text) < 300  # a sentence, not the paragraph


def test_at_most_three_quotes_best_first_none_repeated(bundled_store: KnowledgeStore) -> None:
    for question in all_questions():
        result = answer(bundled_store.current, question)
        assert len(result.quotes) <= MAX_QUOTES
        scores = [q.score for q in result.quotes]
        assert scores == sorted(scores, reverse=True)
        spans = [(q.article.id, q.start, q.end) for q in result.quotes]
        for i, (article, start, end) in enumerate(spans):
            for other_article, other_start, other_end in spans[i + 1 :]:
                overlaps = article == other_article and start < other_end and other_start < end
                assert not overlaps, f"{question!r} quotes overlapping text twice"


@pytest.mark.parametrize(
    "question",
    ["Can you recommend a good sci-fi novel?", "What is the recipe for banana bread?", "Who won the 2018 World Cup?"],
)
def test_off_topic_questions_are_declined(bundled_store: KnowledgeStore, question: str) -> None:
    result = answer(bundled_store.current, question)
    assert not result.answered
    assert result.declined is Declined.NOT_COVERED
    assert result.quotes == ()


def test_a_number_question_is_not_answered_by_a_sentence_without_that_number(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "How many US troops are stationed in South Korea?")
    assert not result.answered


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "\x00\x07"])
def test_empty_question_is_declined_as_empty(bundled_store: KnowledgeStore, question: str) -> None:
    assert answer(bundled_store.current, question).declined is Declined.EMPTY


def test_huge_question_is_refused_quickly(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "Why did the Hanoi summit fail? " * 400)
    assert result.declined is Declined.TOO_LONG


def test_question_at_the_limit_is_still_answered(bundled_store: KnowledgeStore) -> None:
    question = ("Who was Trump's choice to replace Tillerson? " * 60)[:MAX_QUESTION_CHARS]
    result = answer(bundled_store.current, question)
    assert result.declined is not Declined.TOO_LONG


def test_control_characters_and_markdown_are_harmless(bundled_store: KnowledgeStore) -> None:
    plain = answer(bundled_store.current, "Who was Trump's choice to replace Tillerson?")
    noisy = answer(bundled_store.current, "**Who** was `Trump's`\x00 choice\u200b to _replace_ Tillerson?\x1b[31m")
    assert noisy.answered
    assert noisy.quotes[0].text == plain.quotes[0].text
    assert "\x00" not in noisy.question and "\x1b" not in noisy.question
    assert clean_question("\x1b[31mbiegun\x1b[0m and \x1b]0;title\x07kim") == "biegun and kim"
    assert clean_question("\x1b(B\x1b[mbiegun \x1b7kim\x1b8 \x9b1mpompeo\x9b0m") == "biegun kim pompeo"
    assert clean_question("why \x1b] did the talks fail") == "why did the talks fail"  # nothing swallowed


def test_follow_up_uses_the_earlier_question_when_too_short(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    assert not answer(knowledge, "and why?").answered
    follow_up = answer_follow_up(knowledge, "and why?", ["Who was Trump's choice to replace Tillerson?"])
    assert follow_up.answered
    assert any("Tillerson" in q.text for q in follow_up.quotes)
    assert follow_up.question == "and why?"
    assert follow_up.follows == "Who was Trump's choice to replace Tillerson?"


def test_who_s_with_a_new_name_is_a_question_of_its_own_not_a_follow_up(bundled_store: KnowledgeStore) -> None:
    """"who's" is "who is" (never a possessive): asked after a question about someone else, it is
    answered about the person it names, with a quote that names them, not leaned on the thread."""
    knowledge = bundled_store.current
    result = answer_follow_up(knowledge, "who's robert galucci", ["who is joseph yun"])
    assert result.answered and result.follows is None
    assert any("Gallucci" in quote.text for quote in result.quotes)
    assert not any("Yun" in quote.text for quote in result.quotes)


def test_a_follow_up_leans_on_the_thread_s_last_question_of_its_own(bundled_store: KnowledgeStore) -> None:
    """Discord and Slack pass every earlier message of the thread; "thanks" or an earlier
    follow-up is not something to lean on, the question before them is."""
    knowledge = bundled_store.current
    question = "Who was Trump's choice to replace Tillerson?"
    for thread in ([question, "ok thanks!"], [question, "and why?"], ["hello", question, "great"]):
        follow_up = answer_follow_up(knowledge, "how so?", thread)
        assert follow_up.answered and follow_up.follows == question
    # Words the articles use make a short message lean too, when alone it is not answered.
    assert not answer(knowledge, "when did that happen?").answered
    assert answer_follow_up(knowledge, "when did that happen?", ["why did hanoi fail?"]).follows == "why did hanoi fail?"
    noisy = answer_follow_up(knowledge, "and why?", [f"\x1b[31m{question}\x1b]0;title\x07"])
    assert noisy.follows == question  # shown to the user: cleaned like any question


@pytest.mark.parametrize(
    ("earlier", "message"),
    [("why did hanoi fail?", "when was tillerson fired?"), ("why did hanoi fail?", "when did pompeo meet kim?")],
)
def test_a_short_question_naming_its_own_subject_is_not_read_with_the_thread(bundled_store: KnowledgeStore, earlier: str, message: str) -> None:
    """Every word of it is in the articles and, read with the thread's question, it would be
    "answered" with that question's quotes; but it has its own verb and subject, so it is
    declined as itself (issue 15, item 5)."""
    knowledge = bundled_store.current
    assert not answer(knowledge, message).answered
    # Read with the thread's question it was once "answered" with that question's quotes; the
    # answer check now declines that too (what it asks is not what the quote says), so what is
    # held here is that the message is not read as leaning on the thread at all.
    result = answer_follow_up(knowledge, message, [earlier])
    assert not result.answered and result.follows is None


@pytest.mark.parametrize("message", ["when was that?", "what did he say then?", "how so?", "oh, when?", "hmm, how?"])
def test_an_elliptical_question_is_read_with_the_thread(bundled_store: KnowledgeStore, message: str) -> None:
    knowledge = bundled_store.current
    assert not answer(knowledge, message).answered
    result = answer_follow_up(knowledge, message, ["why did hanoi fail?"])
    assert result.answered and result.follows == "why did hanoi fail?"


def test_a_follow_up_of_a_new_question_word_asks_it_of_the_earlier_subject(bundled_store: KnowledgeStore) -> None:
    """"and why?" after "When did the Hanoi summit collapse?" is "why did the Hanoi summit
    collapse?", said as a follow-up; it once read the two together and repeated the dates."""
    knowledge = bundled_store.current
    direct = answer(knowledge, "why did the Hanoi summit collapse?")
    follow_up = answer_follow_up(knowledge, "and why?", ["When did the Hanoi summit collapse?"])
    assert direct.answered and follow_up.quotes == direct.quotes
    assert follow_up.question == "and why?" and follow_up.follows == "When did the Hanoi summit collapse?"


def test_an_exclamation_names_nothing_but_a_pleasantry_may_be_what_is_asked(bundled_store: KnowledgeStore) -> None:
    """"wow, why?" names nothing to find; "right" and "great" are pleasantries that may also be what a
    question asks about: "who was right?" was declined as naming nothing."""
    knowledge = bundled_store.current
    for message in ("wow, why?", "hmm, why?"):
        result = answer(knowledge, message)
        assert not result.answered and result.reading.evidence is not None and not result.reading.evidence.has_topic, message
    for question in ("who was right?", "what was great?"):
        result = answer(knowledge, question)
        assert result.reading.evidence is not None and result.reading.evidence.has_topic, question
        assert result.answered, question


@pytest.mark.parametrize("message", ["and why?", "why?", "ok, why?", "wow, why?"])
def test_a_follow_up_asking_only_what_the_earlier_question_asked_says_so(bundled_store: KnowledgeStore, message: str) -> None:
    """"and why?" right after "Why did the Hanoi summit fail?" once repeated that answer word for
    word under "Reading this with your earlier question", as if it were a further answer."""
    knowledge = bundled_store.current
    earlier = "Why did the Hanoi summit fail?"
    assert answer(knowledge, earlier).answered
    again = answer_follow_up(knowledge, message, [earlier])
    assert again.declined is Declined.ASKED_AGAIN and not again.quotes and not again.closest
    assert again.follows == earlier
    reply = messages.decline_message(again)
    assert f"your earlier question “{earlier}” asked" in reply and "ask about one part of it" in reply
    # Not a gap in the articles: nothing for the unanswered log, no buttons to vote with.
    assert not is_recorded(again) and not can_be_rated(again)


def test_asking_again_after_a_declined_question_never_claims_it_was_answered(bundled_store: KnowledgeStore) -> None:
    """"and why?" after a question the articles do not cover once replied "its answer is the best
    the articles give" — an answer the reader was never given."""
    knowledge = bundled_store.current
    earlier = "why did the soccer match in london get cancelled?"
    assert not answer(knowledge, earlier).answered
    reply = messages.decline_message(answer_follow_up(knowledge, "and why?", [earlier]))
    assert f"your earlier question “{earlier}” asked" in reply
    assert "answer" not in reply.replace(f"“{earlier}”", "")


def test_a_follow_up_naming_only_an_outlet_asks_the_earlier_question_of_its_articles(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    hanoi = "Why did the Hanoi summit collapse?"
    by_outlet = outlets(knowledge)
    for outlet in ("Vox", "WIRED"):
        within = answer(knowledge, hanoi, only_articles=by_outlet[outlet])
        follow_up = answer_follow_up(knowledge, f"and {outlet}?", [hanoi])
        assert within.answered and follow_up.quotes == within.quotes
        assert follow_up.follows == hanoi and follow_up.outlets == (outlet,)
        assert {q.article.id for q in follow_up.quotes} <= by_outlet[outlet]
    # An outlet whose articles do not answer it says so, with its own closest passages: never another's quotes.
    post = answer_follow_up(knowledge, "and the Washington Post?", [hanoi])
    assert not post.answered and post.follows == hanoi and post.outlets == ("The Washington Post",)
    assert {q.article.id for q in post.closest} <= by_outlet["The Washington Post"]
    # English names a paper by "the" and its name's last word: "the Post", capitalised, is the outlet.
    short = answer_follow_up(knowledge, "what about the Post?", [hanoi])
    assert (short.quotes, short.closest, short.outlets, short.follows) == (post.quotes, post.closest, post.outlets, hanoi)
    assert not answer_follow_up(knowledge, "what about the post?", [hanoi]).outlets  # a post, not the Post
    assert messages.decline_message(post) == (
        f"The articles of The Washington Post do not cover your earlier question “{hanoi}”, so I won't guess."
    )


def test_a_full_question_with_a_placeholder_it_is_not_read_with_the_thread(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    message = "is it true that kim lied?"
    assert answer_follow_up(knowledge, message, ["Why did the Hanoi summit collapse?"]) == answer(knowledge, message)


def test_a_follow_up_asks_for_its_own_kind_of_answer(bundled_store: KnowledgeStore) -> None:
    """"and when?" after "why did hanoi fail?" wants a date, not the reasons again."""
    knowledge = bundled_store.current
    why = answer(knowledge, "why did hanoi fail?")
    when = answer_follow_up(knowledge, "and when?", ["why did hanoi fail?"])
    assert when.answered and when.follow_up
    assert re.search(r"Thursday|Wednesday|February|2019", when.quotes[0].text)
    assert when.quotes[0].text != why.quotes[0].text


@pytest.mark.parametrize(
    "message",
    ["ok thanks!", "hello", "asdfgh", "what about the weather?", "北朝鮮の制裁について", "how are you?", "what can you do?", "but thanks", "ok so"],
)
def test_a_message_that_asks_nothing_of_the_articles_does_not_repeat_the_last_answer(bundled_store: KnowledgeStore, message: str) -> None:
    result = answer_follow_up(bundled_store.current, message, ["Who was Trump's choice to replace Tillerson?"])
    assert not result.answered and not result.follow_up


def test_follow_up_that_stands_alone_ignores_the_thread(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    question = "What did Trump tell the Washington Post about his gut?"
    assert answer_follow_up(knowledge, question, ["Who is Stephen Biegun?"]).quotes == answer(knowledge, question).quotes


def test_a_why_question_gets_the_reason_that_follows_the_restated_claim(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "Why does the op-ed say diplomacy is a team sport?")
    first = result.quotes[0]
    assert "Diplomacy is a team sport." in first.text
    assert first.text.index("interagency team of negotiators") > first.text.index("Diplomacy is a team sport.")  # the next sentence gives the reason
    assert first.text == first.article.body[first.start : first.end]


def test_a_quotation_after_its_attribution_is_part_of_the_quote(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "What did Joseph Yun say in his interview with CNN?")
    first = result.quotes[0]
    assert "Joseph Yun" in first.text and "There had not been many working-level meetings." in first.text


def test_a_where_question_needs_a_place_in_the_answer(bundled_store: KnowledgeStore) -> None:
    question = "In which city did Stephen Biegun hold his working-level talks with his North Korean counterparts?"
    assert not answer(bundled_store.current, question).answered
    located = answer(bundled_store.current, "Where did Trump fly back to after the Hanoi summit?")
    assert located.answered and "Trump flew back to Washington" in located.quotes[0].text


@pytest.mark.parametrize("question", ["where was the second summit held", "where did the second summit take place?"])
def test_where_an_event_was_is_answered_by_the_place_that_names_it(bundled_store: KnowledgeStore, question: str) -> None:
    # The articles call the second summit by its place ("his Vietnam summit"), through aliases.yaml.
    result = answer(bundled_store.current, question)
    assert result.answered and "Vietnam summit" in result.quotes[0].text


def test_a_who_question_is_not_answered_by_the_person_it_names(bundled_store: KnowledgeStore) -> None:
    # "Stephen Biegun" is the person asked about, not an answer to who sat opposite him.
    assert not answer(bundled_store.current, "What is the name of the North Korean official who negotiated opposite Biegun?").answered


def test_a_quote_never_cuts_a_speakers_quotation_in_half(bundled_store: KnowledgeStore) -> None:
    for question in [*all_questions(), "What did Gallucci say about the approach going into the Singapore summit?"]:
        for quote in answer(bundled_store.current, question).quotes:
            assert unbalanced(quote.text) == (0, 0), (question, quote.text)


def test_how_much_is_answered_by_an_amount_even_when_it_is_none(bundled_store: KnowledgeStore) -> None:
    result = answer(bundled_store.current, "How much diplomatic experience does Pompeo have?")
    assert result.answered and "Pompeo has no diplomatic experience at all" in result.quotes[0].text
    assert not answer(bundled_store.current, "How much plutonium does Yongbyon produce a year?").answered


@pytest.mark.parametrize("question", ["who is stephen biegun?", "Who is Stephen Biegun?"])
def test_who_is_a_named_person_gets_what_the_articles_say_of_them(bundled_store: KnowledgeStore, question: str) -> None:
    result = answer(bundled_store.current, question)
    assert result.answered and "Stephen Biegun as special envoy to North Korea" in result.quotes[0].text


def test_a_sentence_close_in_meaning_answers_though_it_shares_few_words(bundled_store: KnowledgeStore) -> None:
    """"pull off … back in the nineties" is "helped secure the 1994 Agreed Framework": the meaning
    signal vouches for it where the words alone fall short."""
    result = answer(bundled_store.current, "what did gallucci pull off with the north koreans back in the nineties")
    assert result.answered and "1994 Agreed Framework" in result.quotes[0].text
    assert result.coverage < MIN_COVERAGE


def test_a_near_miss_does_not_claim_the_articles_lack_the_topic(bundled_store: KnowledgeStore) -> None:
    """Declined with much of the question found: the closest passages may well answer it, so the
    reply says no passage clearly answers, not that the articles do not cover it. (Words alone
    here: with the meaning signal this question is answered, above.)"""
    near = answer(words_only(bundled_store.current), "what did gallucci pull off with the north koreans back in the nineties")
    assert not near.answered and near.near_miss
    text = answer_text(near)
    assert text.startswith(messages.NEAR_MISS) and messages.NEAR_MISS_CLOSEST_INTRO in text
    assert "1994 Agreed Framework" in " ".join(text.split())  # the closest passage does answer it
    far = answer(bundled_store.current, "whats a good recipe for pho")
    assert not far.answered and not far.near_miss
    assert answer_text(far).startswith(messages.NOT_COVERED)
    assert answer_dict(near)["near_miss"] is True and answer_dict(far)["near_miss"] is False


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("hello", messages.SMALL_TALK),
        ("what can you do?", messages.SMALL_TALK_ABOUT),
        ("thanks!", messages.SMALL_TALK_THANKS),
        ("hmm", messages.SMALL_TALK_ABOUT),  # once "not covered", and logged as a question nobody could answer
        ("wow!", messages.SMALL_TALK_ABOUT),
        ("ok", messages.SMALL_TALK_ABOUT),  # once "Hello! …" in the middle of a conversation
        ("good morning everyone!", messages.SMALL_TALK),  # once quoted "early Wednesday morning" back
        ("how are you doing today?", messages.SMALL_TALK),
        # A farewell was answered "Hello! …" (walkthrough): it gets one back; "good evening" still greets.
        ("good night", messages.SMALL_TALK_FAREWELL),
        ("Goodnight!", messages.SMALL_TALK_FAREWELL),
        ("ok bye", messages.SMALL_TALK_FAREWELL),
        ("night!", messages.SMALL_TALK_FAREWELL),
        ("thanks, bye!", messages.SMALL_TALK_THANKS_FAREWELL),
        ("good evening", messages.SMALL_TALK),
    ],
)
def test_a_message_to_the_bot_gets_a_reply_about_the_bot_and_is_not_logged(
    bundled_store: KnowledgeStore, tmp_path: Path, message: str, reply: str
) -> None:
    result = answer(bundled_store.current, message)
    assert result.declined is Declined.SMALL_TALK and not result.quotes and not result.closest
    assert answer_text(result) == reply
    assert not UnansweredLog(tmp_path / "log.jsonl").record(result, "test")
    assert answer(bundled_store.current, "Who are you, Kim?").declined is not Declined.SMALL_TALK  # a name: a question


def test_a_pleasantry_before_a_follow_up_or_a_question_does_not_make_it_small_talk(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    for message in ("ok, and when?", "thanks, and when?"):
        follow_up = answer_follow_up(knowledge, message, ["why did hanoi fail?"])
        assert follow_up.answered and follow_up.follows == "why did hanoi fail?", message
    assert answer(knowledge, "who said it was great?").declined is not Declined.SMALL_TALK
    # "who said so?" finds no name by the thread's topic; the quotes, which name their source, still answer.
    assert answer_follow_up(knowledge, "who said so?", ["why did hanoi fail?"]).answered


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("what happened in hanoi... ?", "what happened in hanoi?"),
        ("Why did the Hanoi summit fail! ?", "Why did the Hanoi summit fail?"),
        ("Tell me about Biegun. :) ?", "Tell me about Biegun."),
    ],
)
def test_a_question_mark_set_apart_still_asks_the_question_before_it(bundled_store: KnowledgeStore, typed: str, plain: str) -> None:
    """A "?" after a space, a "!" or an emoticon is a sentence with no words: the question is what
    came before it, not interjections alone (they were answered as small talk)."""
    knowledge = bundled_store.current
    expected = answer(knowledge, plain)
    result = answer(knowledge, typed)
    assert expected.answered and result.answered
    assert result.quotes[0].text == expected.quotes[0].text


def test_a_greeting_before_a_question_does_not_change_it(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    plain = answer(knowledge, "who is biegun?")
    assert plain.answered
    assert answer(knowledge, "hey bot, who is biegun?").quotes == plain.quotes
    # The sentence that asks decides: thanks first, then a follow-up that leans on the thread.
    follow_up = answer_follow_up(knowledge, "thank you! and why?", ["Who was Trump's choice to replace Tillerson?"])
    assert follow_up.answered and follow_up.follow_up


def test_chat_shorthand_asks_like_the_words_it_stands_for(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    typed = answer(knowledge, "wat did wired say abt the summit being a mistake")
    spelt = answer(knowledge, "what did wired say about the summit being a mistake")
    assert typed.answered and typed.quotes == spelt.quotes


def test_chatter_before_the_question_does_not_count_against_it(bundled_store: KnowledgeStore) -> None:
    """"Sceptical engineer here." says nothing the articles say: the question after it is answered
    as if asked alone. A sentence after the question still counts: it says more about what is asked."""
    knowledge = bundled_store.current
    alone = answer(knowledge, "Does Pompeo have any diplomatic experience?")
    with_chatter = answer(knowledge, "Sceptical engineer here. Does Pompeo have any diplomatic experience?")
    assert alone.answered and with_chatter.answered
    assert with_chatter.quotes[0].text == alone.quotes[0].text
    said = {c.said for c in analyse(knowledge, "Is Kim willing to disarm? whats the source for that").concepts}
    assert "source" in said
    kept = {c.said for c in analyse(knowledge, "My teacher mentioned Yongbyon. Was it ever closed?").concepts}
    assert "yongbyon" in kept  # a name the articles use keeps the sentence it is in


def test_a_message_that_tells_then_asks_is_answered_on_what_it_asks(tmp_path: Path) -> None:
    """"I remember the handshake at the border in Panmunjom. What did the joint statement commit them
    to?" asks about the statement: the scene set before it counts for less, so the passage that
    only describes the scene, holding more of the message's words, no longer comes first."""
    write_article(tmp_path, "border", "Trump and Kim shook hands at the border in Panmunjom, where cameras waited for the handshake.")
    write_article(tmp_path, "statement", "The joint statement committed North Korea to work toward denuclearization.")
    write_article(tmp_path, "other", "Bananas are rich in potassium and grow in the tropics.")
    knowledge = words_only(build_knowledge_base(tmp_path))
    told = "I remember the handshake at the border in Panmunjom. What did the joint statement commit them to?"
    result = answer(knowledge, told)
    assert result.answered
    assert result.quotes[0].text == "The joint statement committed North Korea to work toward denuclearization."
    # The scene's words still count, for less; a word the asking sentence says too counts in full.
    weight = {c.said: c.specificity for c in analyse(knowledge, "The border was closed. When did the border open?").concepts}
    alone = {c.said: c.specificity for c in analyse(knowledge, "When was the border closed?").concepts}
    assert weight["border"] == alone["border"]
    assert 0 < weight["closed"] < alone["closed"]
    # A sentence that asks with no word of its own leans on the one before: that one is what is asked.
    leaning = {c.said: c.specificity for c in analyse(knowledge, "The border was closed. When?").concepts}
    assert leaning["closed"] == alone["closed"]


def test_a_quote_never_starts_on_a_word_pointing_back(tmp_path: Path) -> None:
    """"That's one concession …" means nothing alone: the sentence it points at comes with it."""
    write_article(
        tmp_path,
        "one",
        "The talks stalled in March. The envoy wanted the sanctions eased first. That is one concession Trump will not make.",
    )
    write_article(tmp_path, "two", "Bananas are rich in potassium and grow in the tropics.")
    result = answer(words_only(build_knowledge_base(tmp_path)), "What concession will Trump not make?")
    assert result.answered
    assert result.quotes[0].text == "The envoy wanted the sanctions eased first. That is one concession Trump will not make."


@pytest.mark.parametrize(
    ("before", "pointing_back", "question"),
    [
        (
            "Marta Lindqvist met the delegation in Geneva on Monday, after a long week of quiet preparation by her small team.",
            "She said the offer on sanctions was far too small.",
            "Was the offer on sanctions far too small?",
        ),
        ("The delegation asked for every sanction to be lifted at once.", "But the envoy offered relief only for a freeze of the reactor.", "What relief did the envoy offer for a freeze of the reactor?"),
        ("The envoy flew home on Friday evening, after a long and tiring week of meetings at the old hotel by the lake.", "It was the third round of talks to end without a joint statement.", "Which round of talks ended without a joint statement?"),
    ],
)
def test_a_quote_opening_with_a_pronoun_or_connective_brings_the_sentence_before(tmp_path: Path, before: str, pointing_back: str, question: str) -> None:
    """"She said …", "But …", "It was …" lean on the sentence before: the quote is both, one verbatim slice."""
    path = write_article(tmp_path, "one", f"The season of talks began in spring.\n\n{before} {pointing_back}")
    write_article(tmp_path, "two", "Bananas are rich in potassium and grow in the tropics.")
    result = answer(words_only(build_knowledge_base(tmp_path)), question)
    assert result.answered
    quote = result.quotes[0]
    assert quote.text == f"{before} {pointing_back}"
    assert path.read_text(encoding="utf-8").split("---\n", 2)[2].strip()[quote.start : quote.end] == quote.text


def test_it_that_only_holds_a_place_does_not_bring_the_sentence_before(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The envoy flew home after the talks. It is unclear whether the reactor at the coast was ever closed.")
    write_article(tmp_path, "two", "Bananas are rich in potassium and grow in the tropics.")
    result = answer(words_only(build_knowledge_base(tmp_path)), "Was the reactor at the coast ever closed?")
    assert result.answered and result.quotes[0].text.startswith("It is unclear whether the reactor")


def test_initials_and_titles_do_not_end_a_sentence_of_the_question(bundled_store: KnowledgeStore) -> None:
    """"the U.S." is not the end of a sentence of chatter: the United States stays in the question."""
    said = {c.said for c in analyse(bundled_store.current, "Why did the U.S. walk away in Hanoi?").concepts}
    assert "us" in said and "hanoi" in said


def test_that_is_why_and_this_week_do_not_point_back(tmp_path: Path) -> None:
    write_article(tmp_path, "one", "The talks stalled in March. That's why the envoy flew to Stockholm in April.")
    write_article(tmp_path, "two", "Bananas are rich in potassium and grow in the tropics.")
    result = answer(words_only(build_knowledge_base(tmp_path)), "Why did the envoy fly to Stockholm?")
    assert result.answered and result.quotes[0].text.startswith("That's why the envoy flew")


def test_an_answer_restricted_to_some_articles_quotes_only_them_or_declines(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    vox, wapo = "vox-2019-02-28-approach-didnt-work", "wapo-2018-03-13-talks-havent-started"
    question = "What did Joseph Yun say about working-level meetings?"
    assert answer(knowledge, question).answered
    restricted = answer(knowledge, question, only_articles=frozenset({vox}))
    assert restricted.answered and {q.article.id for q in restricted.quotes} == {vox}
    # The Post never mentions Yun: its best passage does not answer, so it is declined, not quoted loosely.
    elsewhere = answer(knowledge, question, only_articles=frozenset({wapo}))
    assert elsewhere.declined is Declined.NOT_COVERED and not elsewhere.quotes


def test_the_meaning_signal_reads_a_misspelt_name_as_corrected(bundled_store: KnowledgeStore) -> None:
    """The query analysis corrects "Tilerson"; the model must read the corrected word too, or a
    question of that one word is declined as far off in meaning."""
    knowledge = bundled_store.current
    misspelt, spelt = answer(knowledge, "Tilerson"), answer(knowledge, "tillerson")
    assert misspelt.answered and misspelt.reading is not None and ("tilerson", "tillerson") in misspelt.reading.corrections
    assert spelt.reading is not None and misspelt.reading.similarity == pytest.approx(spelt.reading.similarity)
    assert [q.text for q in misspelt.quotes] == [q.text for q in spelt.quotes]


def test_a_paragraph_opening_with_he_or_she_is_quoted_with_the_sentence_naming_the_person(tmp_path: Path) -> None:
    """"He became the first …" opening a paragraph was quoted alone: quotes stayed in their
    paragraph, and the person was named only at the end of the one before, so a reader could not
    tell who. The quote opens at that sentence, one verbatim slice; a sentence naming no person
    ("… in Geneva.") is not brought, as it would say nothing of who."""
    named = "The ministry then named Marta Lindqvist, a former trade negotiator, as its envoy."
    pointing = "She became the first envoy to visit the reactor site at Yongdam."
    path = write_article(tmp_path, "one", f"The season of talks began in spring.\n\n{named}\n\n{pointing}\n\nTalks resumed in May.")
    write_article(tmp_path, "two", "The delegation met in Geneva.\n\nHe became the first envoy to tour the harbour at Westmark.")
    write_article(tmp_path, "three", "Bananas are rich in potassium and grow in the tropics.")
    knowledge = words_only(build_knowledge_base(tmp_path))
    result = answer(knowledge, "Did an envoy visit the reactor site at Yongdam?")
    assert result.answered
    quote = result.quotes[0]
    assert quote.text == f"{named}\n\n{pointing}"
    assert path.read_text(encoding="utf-8").split("---\n", 2)[2].strip()[quote.start : quote.end] == quote.text
    assert "Marta Lindqvist" in answer_text(result)
    other = answer(knowledge, "Did an envoy tour the harbour at Westmark?")
    assert other.answered and other.quotes[0].text == "He became the first envoy to tour the harbour at Westmark."
