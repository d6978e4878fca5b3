"""A follow-up whose pronoun stands for what the earlier question asked about is read as about
that, in the terminal chat as a new user types it; a pronoun the question names stays its own."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest

from bot import messages
from bot.answers import answer, answer_follow_up
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.store import KnowledgeStore
from bot.person_named import may_be_a_person, not_told_apart_from_a_person
from bot.search.ellipsis import asks_whether, with_the_earlier_person, with_the_earlier_subject
from bot.search.normalise import words
from tests.cli_helpers import run_bot
from tests.conftest import write_article

# (earlier question, follow-up with a pronoun, the follow-up with the earlier subject named)
CONVERSATIONS = [
    ("who's robert galucci", "what did he pull off back in the nineties", "what did robert galucci pull off back in the nineties"),
    ("who is jenny town?", "what did she say", "what did jenny town say"),
    ("whats the agreed framework", "who negotiated it", "who negotiated the agreed framework"),
]


def _replies(output: str) -> list[str]:
    """Each echoed message with the reply under it."""
    return re.split(r"^> ", output, flags=re.MULTILINE)[1:]


def _quotes_of(reply: str) -> str:
    return re.split(r"[Ff]rom the articles:", reply, maxsplit=1)[1].strip()


def test_a_pronoun_follow_up_is_answered_about_what_the_earlier_question_asked() -> None:
    """The README's own example ("who's robert galucci", then "what did he pull off back in the
    nineties") answered about unrelated things: its own words found quotes about no one. When the
    question with the subject named has an answer, that is the answer; else the two questions are
    read together, and the reply still says which earlier question it leaned on."""
    chat = run_bot("chat", stdin="".join(f"{earlier}\n{follow_up}\n" for earlier, follow_up, _ in CONVERSATIONS))
    named = run_bot("chat", stdin="".join(f"{asked}\n" for _, _, asked in CONVERSATIONS))
    assert chat.returncode == named.returncode == 0, chat.stderr
    replies = _replies(chat.stdout)
    assert len(replies) == 2 * len(CONVERSATIONS)
    for (earlier, follow_up, _), reply, named_reply in zip(CONVERSATIONS, replies[1::2], _replies(named.stdout), strict=True):
        assert reply.startswith(f"{follow_up}\n{messages.FOLLOW_UP_INTRO.format(question=earlier)}"), reply[:200]
        if messages.ANSWER_INTRO in named_reply:
            assert _quotes_of(reply) == _quotes_of(named_reply)
    assert "Gallucci" in replies[1] and "1994" in replies[1]
    assert "Jenny Town" in replies[3]


def test_a_question_whose_pronoun_it_names_itself_stays_a_new_question() -> None:
    chat = run_bot("chat", stdin="who is jenny town?\ndid Kim say he would denuclearise?\n")
    alone = run_bot("chat", stdin="did Kim say he would denuclearise?\n")
    assert chat.returncode == alone.returncode == 0, chat.stderr
    _, reply = _replies(chat.stdout)
    assert "earlier question" not in reply
    assert reply == _replies(alone.stdout)[0]


def test_a_name_the_articles_give_is_a_name_however_it_ends(tmp_path: Path) -> None:
    """"who is ted marlow" typed in lower case: "ted" ends like a past participle, so the question
    was read as a clause and "what did he say" after it as any follow-up, the two read together.
    A word of a name the articles give is a name: "he" is Ted Marlow, whose own words answer."""
    body = (
        "Talks on the disputed harbour resumed on Tuesday after a month of silence.\n\n"
        "“We came to listen, and we will stay as long as it takes,” said Foreign Minister Petra Vosk.\n\n"
        "Ted Marlow, the mediator, arrived a day late. “Nobody leaves this table until the harbour is open,” Marlow said.\n"
    )
    write_article(tmp_path, "test-2021-05-04-harbour-talks", body, publisher="Harbour Courier", published="2021-05-04")
    knowledge = build_knowledge_base(tmp_path)
    result = answer_follow_up(knowledge, "what did he say", ["who is ted marlow"])
    assert result.follows == "who is ted marlow" and result.reading is not None and result.reading.speaker == "Ted Marlow"
    assert [quote.text for quote in result.quotes] == ["“Nobody leaves this table until the harbour is open,” Marlow said."]
    # "and vosk?" asks the same of Vosk: "who is vosk", answered with Vosk's sentence alone (read
    # with "who is ted marlow" instead, the two questions together, Marlow's words would come in).
    vosk = answer_follow_up(knowledge, "and vosk?", ["who is ted marlow"])
    assert vosk.follows == "who is ted marlow"
    vosks_sentence = "“We came to listen, and we will stay as long as it takes,” said Foreign Minister Petra Vosk."
    assert [quote.text for quote in vosk.quotes] == [vosks_sentence]
    assert [quote.text for quote in vosk.quotes] == [quote.text for quote in answer(knowledge, "who is vosk").quotes]


def test_a_yes_no_follow_up_is_answered_with_what_it_asks_not_the_earlier_kind() -> None:
    """The walkthrough asked "who did trump pick to replace tillerson?", then "does he have
    diplomatic experience?", and got the first answer's quotes again: read with the earlier
    question, the follow-up inherited its "who" and wanted a name. A yes-no question wants none,
    so the quote that says whether comes first, and it is not the earlier answer's."""
    chat = run_bot("chat", stdin="who did trump pick to replace tillerson?\ndoes he have diplomatic experience?\n")
    assert chat.returncode == 0, chat.stderr
    earlier, follow_up = _replies(chat.stdout)
    first_quote = re.search(r"1\. “(.*?)”", _quotes_of(follow_up), flags=re.DOTALL)
    assert first_quote is not None, follow_up
    said = " ".join(first_quote.group(1).split())
    assert "diplomatic experience" in said, follow_up
    assert said not in " ".join(_quotes_of(earlier).split()), (earlier, follow_up)


def test_a_yes_no_question_is_told_by_its_opening_auxiliary() -> None:
    assert asks_whether(words("does he have diplomatic experience?"))
    assert asks_whether(words("and did the talks work?"))
    assert not asks_whether(words("is that true?"))  # about the earlier answer itself
    assert asks_whether(words("ok so was he confirmed in time"))
    assert not asks_whether(words("who did trump pick?"))
    assert not asks_whether(words("is it?"))  # too short to ask anything of its own
    assert not asks_whether(words("when was he confirmed?"))


@pytest.mark.parametrize("earlier", ["who did trump pick to replace tillerson?", "Who was Trump's choice to replace Tillerson?"])
def test_a_yes_no_follow_up_whose_own_words_no_quote_holds_is_declined(earlier: str) -> None:
    """"is he married?" after "who did trump pick to replace tillerson?" was answered with the
    quotes naming the choice (review): the earlier question's words carried the answer check, but
    a quote holding nothing of what the follow-up asks cannot say whether it is so. After "Who was
    Trump's choice to replace Tillerson?" it was read as "is trump's choice to replace tillerson
    married?", whose quotes name the choice, and skipped the check (review): every reading keeps it."""
    chat = run_bot("chat", stdin=f"{earlier}\nis he married?\n{earlier}\ndoes he have diplomatic experience?\n")
    assert chat.returncode == 0, chat.stderr
    _, married, _, experience = _replies(chat.stdout)
    assert married.splitlines()[1] in (
        messages.FOLLOW_UP_TRIED.format(question=earlier),
        messages.FOLLOW_UP_TRIED_NEAR_MISS.format(question=earlier),
    ), married
    assert "diplomatic experience" in " ".join(_quotes_of(experience).split()), experience


def test_he_after_a_question_about_someone_named_is_that_person() -> None:
    """"what did he say about it?" after "Why did Trump walk out in Hanoi?" answered with any
    commentator's sentences on Hanoi ("There's no question Trump has already made progress …"):
    the two questions were read together as written, and "he" named no one. "he" is the earlier
    clause's subject, Trump, so his words on it answer; after "Was Tillerson fired?", whom the
    articles never quote, the reply says so by name rather than quoting anyone."""
    chat = run_bot("chat", stdin="Why did Trump walk out in Hanoi?\nwhat did he say about it?\nWas Tillerson fired?\nwhat did he say?\n")
    assert chat.returncode == 0, chat.stderr
    _, trump, _, tillerson = _replies(chat.stdout)
    assert trump.startswith(f"what did he say about it?\n{messages.FOLLOW_UP_INTRO.format(question='Why did Trump walk out in Hanoi?')}"), trump
    quotes = re.findall(r"^\d+\. (“.*?)\n   —", _quotes_of(trump), flags=re.MULTILINE | re.DOTALL)
    assert quotes and all(re.search(r"Trump (?:said|says)|said Trump", " ".join(quote.split())) for quote in quotes), trump
    assert "Rex Tillerson" in tillerson.splitlines()[1] and "From the articles" not in tillerson, tillerson


def test_he_or_she_never_stands_for_an_outlet_a_body_or_a_place(bundled_store: KnowledgeStore) -> None:
    """"what did she say?" after "Did Reuters report the talks?" replied that the articles quote no
    words of Reuters, and after "Did The Washington Post report it?" it was read as "what did the
    washington post say" (review): the earlier subject was taken for a person whatever it named.
    A person quoted or only named by the articles still is one."""
    chat = run_bot("chat", stdin="Did Reuters report the talks?\nwhat did she say?\n")
    assert chat.returncode == 0, chat.stderr
    _, reuters = _replies(chat.stdout)
    # Read with the earlier question as written (the reply says so), not as asking for Reuters' words as a person's.
    first = reuters.splitlines()[1]
    assert "“Did Reuters report the talks?”" in first and not first.startswith(messages.SPEAKER_NOT_QUOTED.split("{name}")[0]), reuters
    knowledge = bundled_store.current
    person = partial(may_be_a_person, knowledge)
    for earlier in ("Did The Washington Post report it?", "Did Reuters report the talks?", "Did Trump Tower host talks?", "Did North Korea agree?"):
        assert with_the_earlier_person(words("what did she say?"), earlier, knowledge.speaker_index.by_word, person) is None, earlier
    for earlier, read in (("Why did Trump walk out in Hanoi?", "what did trump say"), ("Was Tillerson fired?", "what did tillerson say")):
        assert with_the_earlier_person(words("what did he say?"), earlier, knowledge.speaker_index.by_word, person) == read
    # The same after a question asking who something is (with_the_earlier_subject): "she" after "who is
    # the Washington Post?" was read "what did the washington post say"; "it" still stands for a thing.
    # A name asked about as someone's is one's unless the articles tell it apart ("galucci", misspelt, is no name they give).
    someone = partial(not_told_apart_from_a_person, knowledge)
    for earlier in ("who is the Washington Post?", "who is North Korea?", "who is the Foreign Ministry?"):
        assert with_the_earlier_subject(words("what did she say?"), earlier, knowledge.speaker_index.by_word, someone) is None, earlier
    for earlier, follow_up, read in (
        ("who is jenny town?", "what did she say?", "what did jenny town say"),
        ("who's robert galucci", "what did he say?", "what did robert galucci say"),
    ):
        assert with_the_earlier_subject(words(follow_up), earlier, knowledge.speaker_index.by_word, someone) == read, earlier
    assert with_the_earlier_subject(words("who wrote it?"), "what is the Washington Post?", knowledge.speaker_index.by_word, someone) == "who wrote the washington post"
    chat = run_bot("chat", stdin="who is the Washington Post?\nwhat did she say?\n")
    assert chat.returncode == 0, chat.stderr
    _, post = _replies(chat.stdout)
    assert "“who is the Washington Post?”" in post.splitlines()[1], post  # read with the earlier question as written
