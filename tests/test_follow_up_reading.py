"""How a message in a conversation is read: a question of its own, or one leaning on the last."""

from __future__ import annotations

from bot import messages
from bot.answers import Declined, answer, answer_follow_up
from bot.knowledge.store import KnowledgeStore
from bot.search.ellipsis import demonstrative_pointing_back
from bot.search.normalise import words

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
