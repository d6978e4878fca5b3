"""What kind of answer a question wants, and whether a sentence has one.

"How many troops?" wants a number and "Who was named?" wants a name: a sentence on the right
topic without one does not answer, and quoting it would mislead. This is the classic
answer-type check of question answering, kept to the types that can be seen in the text.
"""

from __future__ import annotations

import re
from enum import Enum

from bot.knowledge.base import KnowledgeBase
from bot.search.normalise import fold


class AnswerType(str, Enum):
    NUMBER = "number"
    PERSON = "person"
    DATE = "date"


_NUMBER_QUESTION = re.compile(r"\bhow (many|much)\b|\bwhat (number|percentage|share|amount)\b")
_PERSON_QUESTION = re.compile(r"^(who|whom|whose)\b|\bwho (is|was|were|did|does|will|would|could)\b|\bwhat is the name of\b|\bname of the\b")
_DATE_QUESTION = re.compile(r"^when\b|\bwhat (year|date|day|month)\b|\bin which (year|month)\b")

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred "
    "thousand thousands hundreds million millions billion billions trillion dozen dozens single half"
).split()
_HAS_NUMBER = re.compile(r"\d|\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_HAS_DATE = re.compile(
    rf"\b(1[89]\d\d|20\d\d)\b|\b({_MONTHS})\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(yesterday|today|last (week|month|year|summer|winter|spring|fall|autumn))\b|\b(ago)\b"
)
# Two capitalised words in a row, not at the start of the sentence: "Stephen Hadley", "Mike Pompeo".
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\s+([A-Z][a-z]+)\b")


def expected_answer_type(question: str) -> AnswerType | None:
    text = fold(question).strip()
    if _NUMBER_QUESTION.search(text):
        return AnswerType.NUMBER
    if _PERSON_QUESTION.search(text):
        return AnswerType.PERSON
    if _DATE_QUESTION.search(text):
        return AnswerType.DATE
    return None


def satisfies(knowledge: KnowledgeBase, sentence: int, wanted: AnswerType, question: str) -> bool:
    ref = knowledge.sentences[sentence]
    text = knowledge.article_of(ref.passage).body[ref.span.start : ref.span.end]
    if wanted is AnswerType.NUMBER:
        return bool(_HAS_NUMBER.search(text))
    if wanted is AnswerType.DATE:
        return bool(_HAS_DATE.search(text))
    asked = re.findall(r"[a-z]+", fold(question))
    return any(not (_asked(first, asked) and _asked(last, asked)) for first, last in _NAME.findall(text))


def _asked(name_word: str, asked: list[str]) -> bool:
    """Whether the question already uses this word of the name ("Korea" in "South Korean")."""
    word = fold(name_word)
    return any(a.startswith(word) or word.startswith(a) for a in asked if len(a) >= 4 or a == word)
