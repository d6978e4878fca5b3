"""How a message in a conversation is read: a question of its own, or one leaning on the last."""

from __future__ import annotations

import re
from dataclasses import replace

from bot import messages
from bot.answers import Declined, _leans_on_earlier, _points_past_itself, _question_of_its_own, answer, answer_follow_up, clean_question
from bot.frontends import terminal
from bot.knowledge.store import KnowledgeStore
from bot.search.ellipsis import another_phrase, demonstrative_pointing_back, leaves_its_noun_out, with_another_phrase
from bot.search.normalise import words
from tests.cli_helpers import run_bot

HANOI = "Why did the Hanoi summit collapse?"


def test_a_question_naming_an_outlet_with_its_own_kind_of_answer_is_a_new_question(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    message = "who is the author of the vox article"
    result = answer_follow_up(knowledge, message, [HANOI])
    assert result == answer(knowledge, message)
    assert result.follows is None and result.outlets == ()
    # "what does Vox say?" asks for no kind of answer: the earlier question, of Vox's articles.
    assert answer_follow_up(knowledge, "what does vox say?", [HANOI]).outlets == ("Vox",)


def test_a_bare_follow_up_the_articles_do_not_answer_names_the_question_it_was_read_with(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    earlier = "who is james mckeon"
    assert answer(knowledge, earlier).answered
    result = answer_follow_up(knowledge, "when?", [earlier, "what does he do", "and what did he say?"])
    assert result.declined is Declined.NOT_COVERED and result.follows == earlier
    assert messages.decline_message(result) == (
        f"Read with your earlier question “{earlier}”, the articles I have do not cover that, so I won't guess."
    )
    for quote in result.closest:
        assert quote.text == quote.article.body[quote.start : quote.end]


def test_is_that_true_leans_on_the_earlier_question(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    earlier = "how many working level meetings were there before hanoi"
    assert answer(knowledge, earlier).answered
    result = answer_follow_up(knowledge, "is that true tho", [earlier, "who said that"])
    assert result.answered and result.follows == earlier
    assert messages.answer_intro(result).startswith(f"Reading this with your earlier question “{earlier}”")


def test_a_demonstrative_points_back_after_an_auxiliary_or_at_the_end_only() -> None:
    for message in ("is that true tho", "was this before hanoi", "who said that", "ok, is that right?"):
        assert demonstrative_pointing_back(words(message)), message
    for message in ("is it true that kim lied", "did he say that kim lied", "who negotiated the deal"):
        assert not demonstrative_pointing_back(words(message)), message


def _chat(store: KnowledgeStore, *lines: str) -> list[str]:
    """The terminal chat's replies to the lines typed in turn, in one conversation."""
    talk = terminal.Conversation()
    return [terminal.reply_to(store, line, talk) or "" for line in lines]


def test_a_declined_question_is_what_the_next_follow_up_leans_on(bundled_store: KnowledgeStore) -> None:
    """"and trump?" after a declined "how old is kim jong un" was answered as a new question with
    Trump quotes about anything: it asks how old Trump is, and says which question it was read with."""
    knowledge = bundled_store.current
    earlier = "how old is kim jong un"
    assert answer(knowledge, earlier).declined is Declined.NOT_COVERED
    _, reply = _chat(bundled_store, earlier, "and trump?")
    assert reply.startswith(f"Read with your earlier question “{earlier}” as “how old is trump”, the articles I have do not cover that"), reply
    # In a Discord or Slack thread, with an answered question and a "thanks" around it.
    result = answer_follow_up(knowledge, "and trump?", ["who is joseph yun", earlier, "thanks"])
    assert result.declined is Declined.NOT_COVERED and result.follows == earlier and result.read_with == earlier
    # A follow-up that leaned on it is no question of its own: the next one leans past it.
    assert answer_follow_up(knowledge, "and biegun?", ["who is joseph yun", "and why?", "when?"]).follows == "who is joseph yun"


def test_a_follow_up_after_a_declined_speaker_question_asks_it_of_the_new_speaker(bundled_store: KnowledgeStore) -> None:
    """After a declined "what did kim say about that?", "and the north koreans?" was read as new."""
    earlier = "what did kim say about that?"
    replies = _chat(bundled_store, "why did the talks in hanoi collapse", earlier, "and the north koreans?")
    assert replies[1].startswith(messages.SPEAKER_NOT_QUOTED.format(said_command="/said", name="Kim Jong Un")), replies[1]
    assert replies[2].startswith(f"Reading this with your earlier question “{earlier}”"), replies[2]


def test_a_declined_follow_up_names_the_question_it_was_read_with(bundled_store: KnowledgeStore) -> None:
    """"is that true?" and "what hotel did he stay in?" were declined as if read alone, though they
    were read with the earlier question too (the unanswered log said `follows: …`)."""
    replies = _chat(bundled_store, "who is joseph yun", "is that true?", "how many meetings?", "what hotel did he stay in?")
    for reply, earlier in ((replies[1], "who is joseph yun"), (replies[3], "how many meetings?")):
        first_line = reply.splitlines()[0]
        assert first_line in (
            messages.FOLLOW_UP_TRIED.format(question=earlier),
            messages.FOLLOW_UP_TRIED_NEAR_MISS.format(question=earlier),
        ), reply


def test_words_to_the_bot_in_between_do_not_hide_the_speaker_asked_before(bundled_store: KnowledgeStore) -> None:
    """The terminal passes every message now, as a thread does: "and kim?" after "thanks" still asks
    the question before it of Kim (it was read as a new question about Kim)."""
    earlier = "what did trump say about hanoi?"
    for thread in ([earlier], [earlier, "thanks"], [earlier, "thanks", "?"]):
        result = answer_follow_up(bundled_store.current, "and kim?", thread)
        assert result.follows == earlier and result.reading is not None and result.reading.speaker is not None, thread


def test_a_speaker_swap_asks_the_last_question_of_its_own_not_one_that_leaned_on_it(bundled_store: KnowledgeStore) -> None:
    """"and kim?" after "what did trump say about hanoi?" and "is that true?" was answered with Kim's
    quotes about anything: "is that true?" finds quotes of its own, but was read with the question
    before it, so it is no question to ask of Kim."""
    knowledge = bundled_store.current
    earlier = "what did trump say about hanoi?"
    assert answer(knowledge, "is that true?").answered
    result = answer_follow_up(knowledge, "and kim?", [earlier, "is that true?"])
    assert result.follows == earlier and result.reading is not None and result.reading.speaker == "Kim Jong Un"
    assert result == answer_follow_up(knowledge, "and kim?", [earlier])


def test_another_thing_is_not_swapped_in_for_a_subject_that_is_more_than_a_name(bundled_store: KnowledgeStore) -> None:
    """"and south korea?" after "who is the leader of north korea" was answered as "who is south
    korea"; "and hanoi?" after "where was the summit held" as "where was hanoi". With no subject to
    swap, a follow-up its own words answer is read as after any such question (on its own)."""
    knowledge = bundled_store.current
    for earlier, follow_up in (
        ("who is the leader of north korea", "and south korea?"),
        ("what is the capital of north korea", "and south korea?"),
        ("where was the summit held", "and hanoi?"),
        ("what was said in hanoi", "and singapore?"),
    ):
        result = answer_follow_up(knowledge, follow_up, [earlier])
        assert result == answer_follow_up(knowledge, follow_up, [HANOI]), (earlier, follow_up)
        assert result.answered and result.follows is None, (earlier, follow_up)


def test_too_is_no_part_of_the_thing_a_follow_up_asks_about(bundled_store: KnowledgeStore) -> None:
    """"and biegun too?" after "who is joseph yun" asked "who is biegun too"."""
    knowledge = bundled_store.current
    earlier = "who is joseph yun"
    result = answer_follow_up(knowledge, "and biegun too?", [earlier])
    assert result.follows == earlier
    assert replace(result, question="and biegun?") == answer_follow_up(knowledge, "and biegun?", [earlier])


def test_a_pronoun_stands_for_an_earlier_subject_holding_a_preposition(bundled_store: KnowledgeStore) -> None:
    """"what did he say" after "who is the envoy to north korea" asks what that envoy said; a "to"
    in the subject had made it a clause, and the two questions were read together instead."""
    knowledge = bundled_store.current
    earlier = "who is the envoy to north korea"
    result = answer_follow_up(knowledge, "what did he say", [earlier])
    assert result.follows == earlier
    assert result.quotes == answer(knowledge, "what did the envoy to north korea say").quotes


def test_a_declined_follow_up_that_was_rewritten_shows_the_question_asked(bundled_store: KnowledgeStore) -> None:
    """"and trump?" after "how old is kim jong un?" is asked as "how old is trump": the decline said
    only "read with your earlier question", and the reader could not tell what was asked."""
    result = answer_follow_up(bundled_store.current, "and trump?", ["how old is kim jong un?"])
    assert result.declined is not None and result.read_as is not None and "trump" in result.read_as
    assert messages.decline_message(result) == messages.FOLLOW_UP_READ_AS_NOT_COVERED.format(earlier="how old is kim jong un?", question=result.read_as)


def test_telling_a_question_of_its_own_without_answering_it_agrees_with_answering_it(bundled_store: KnowledgeStore) -> None:
    """The thread is read back by a shortcut that answers an earlier message only where its words
    cannot tell whether it was a question of its own; the shortcut copies none of answer()'s first
    steps but shares them. If answer() gained a decline or a route the shortcut missed, a follow-up
    would lean on a message that is no question (or skip one that is): this pins the shortcut to the
    definition from answer() itself."""
    knowledge = bundled_store.current

    def by_answering(message: str) -> bool:
        alone = answer(knowledge, message)
        cleaned = clean_question(message)
        if alone.answered:
            return not _points_past_itself(knowledge, cleaned)
        return alone.declined is Declined.NOT_COVERED and not (_points_past_itself(knowledge, cleaned) or _leans_on_earlier(knowledge, cleaned))

    messages_in_threads = [
        "", "   ", "thanks!", "hello", "x" * 2001, "and why?", "wow, why?", "hmm, when?", "Biegun?", "is that true?",
        "what does Vox say?", "and the Washington Post?", "what happened in March 2018?", "what did kim say?",
        "what did he say?", "how old is kim jong un", "who is joseph yun", "when was that?", "and trump?",
        "Who was Trump's choice to replace Tillerson?", "why did hanoi fail?", "what about the weather?",
    ]  # fmt: skip
    for message in messages_in_threads:
        assert _question_of_its_own(knowledge, message) == by_answering(message), message


def test_an_elliptic_follow_up_borrows_the_earlier_question_and_one_naming_its_own_subject_does_not() -> None:
    """"which was the worst?" after a question about mistakes, and "and since Hanoi?" after one
    asking since Singapore, were answered as new questions from their own words (walkthrough):
    English leaves out the noun a superlative picks from, and all of a question but the phrase it
    changes, when the conversation gave them. The terminal chat is one thread, as the README says;
    "which was the worst mistake Trump made?" names its own subject and starts afresh."""
    mistakes, singapore = "What mistakes did Trump make before the talks?", "Has North Korea tested missiles since Singapore?"
    own = "which was the worst mistake Trump made?"
    chat = run_bot("chat", stdin=f"{mistakes}\nwhich was the worst?\n{singapore}\nand since Hanoi?\n{own}\n")
    assert chat.returncode == 0, chat.stderr
    replies = re.split(r"^> ", chat.stdout, flags=re.MULTILINE)[1:]
    assert len(replies) == 5, chat
    for reply, earlier in ((replies[1], mistakes), (replies[3], singapore)):
        assert reply.split("\n", 1)[1].startswith(messages.FOLLOW_UP_INTRO.format(question=earlier)), reply
    assert "mistake" in replies[1].split("\n", 2)[2]  # the worst of the mistakes asked about
    assert "earlier question" not in replies[4], replies[4]


def test_a_phrase_alone_is_asked_in_the_earlier_question_in_place_of_its_own(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    singapore = "Has North Korea tested missiles since Singapore?"
    for follow_up in ("and since Hanoi?", "since Hanoi?", "what about since Hanoi?"):
        result = answer_follow_up(knowledge, follow_up, [singapore])
        assert (result.follows, result.read_as) == (singapore, "has north korea tested missiles since hanoi"), follow_up
    # No such phrase in the earlier question: the phrase is added to it.
    assert with_another_phrase(["in", "2018"], "what did trump say about kim?") == "what did trump say about kim in 2018"
    assert another_phrase(words("and after that?")) is None and another_phrase(words("and why?")) is None
    # A superlative with its noun names its own subject; without one, it points back.
    assert leaves_its_noun_out(words("which was the worst?")) and leaves_its_noun_out(words("ok, who was the most effective?"))
    assert not leaves_its_noun_out(words("which was the worst mistake?")) and not leaves_its_noun_out(words("what is the forest?"))


def test_a_set_phrase_is_no_phrase_to_ask_the_earlier_question_with(bundled_store: KnowledgeStore) -> None:
    """"for sure", "of course", "in fact" are English's set phrases (a preposition and a bare common
    word): they name no time, place or thing to ask the earlier question of again (review: "for sure"
    after "Who replaced Tillerson?" was read as "who replaced tillerson for sure")."""
    for set_phrase in ("for sure", "of course", "in fact", "at least", "for example?", "for real?", "in my opinion"):
        assert another_phrase(words(set_phrase)) is None, set_phrase
    for phrase in ("and since Hanoi?", "in 2018?", "and after the talks?", "what about in March?", "since yongbyon?"):
        assert another_phrase(words(phrase)) is not None, phrase
    result = answer_follow_up(bundled_store.current, "for sure", ["Who replaced Tillerson?"])
    assert result.follows is None


def test_a_follow_up_read_with_the_thread_is_not_the_next_one_s_earlier_question(bundled_store: KnowledgeStore) -> None:
    """"and after the talks?" is read with "What mistakes …?": the next follow-up leans on that
    question too, not on "and after the talks?" (review: "which was the worst?" was read with it)."""
    knowledge = bundled_store.current
    mistakes = "What mistakes did Trump make before the talks?"
    assert _points_past_itself(knowledge, "and after the talks?") and _points_past_itself(knowledge, "which was the worst?")
    result = answer_follow_up(knowledge, "which was the worst?", [mistakes, "and after the talks?"])
    assert result.follows == mistakes


def test_a_phrase_alone_is_not_read_as_a_speaker(bundled_store: KnowledgeStore) -> None:
    # "and in 2018?" after a question asking someone's words was read as asking the words of "in 2018".
    result = answer_follow_up(bundled_store.current, "and in 2018?", ["what did trump say about kim?"])
    assert not result.declined or "in 2018" not in messages.decline_message(result), messages.decline_message(result)
