"""What kind of answer a question wants, and whether a sentence has one.

"How many troops?" wants a number of troops and "Who was named?" wants a name: a sentence on
the right topic without one does not answer, and quoting it would mislead. This is the classic
answer-type check of question answering, kept to the types that can be seen in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum

from bot.search.normalise import (
    ADDRESSING_THE_BOT,
    PLEASANTRIES,
    STOP_WORDS,
    fold,
    is_stop_word,
    spell_out_shorthand,
    stem,
    without_set_off_interjections,
)


class AnswerType(str, Enum):
    NUMBER = "number"
    AMOUNT = "amount"
    DURATION = "duration"
    AGE = "age"  # "how old …": an age ("72-year-old", "aged 35"), not any number
    PERSON = "person"
    PLACE = "place"
    DATE = "date"
    YEAR = "year"  # "what year …": a weekday or a month does not say which year
    DAY = "day"  # "on what date …", "the exact date": a year or "last summer" is not a date


@dataclass(frozen=True, slots=True)
class Expectation:
    type: AnswerType
    # Words that only say what kind of answer is wanted ("name", "long"): not topics to match.
    phrasing: frozenset[str]
    # For "how many X": the words naming the thing counted; a number must stand right before one.
    counted: frozenset[str] = frozenset()


_HOW_MANY = re.compile(r"\bhow many\b((?:\s+[a-z]+)*)")
_HOW_MUCH = re.compile(r"\bhow much\b")
_NUMBER_QUESTION = re.compile(r"\bwhat (?:number|percentage|share|amount)\b")
_AGE_QUESTION = re.compile(r"\bhow old\b|\bwhat age\b")
_DURATION_QUESTION = re.compile(r"\b(?:how long|how many (?:years|months|weeks|days|hours|minutes))\b(?! ago)")
_PERSON_QUESTION = re.compile(
    r"^(?:who|whom|whose)\b|\bwho (?:is|was|were|did|does|will|would|could)\b|\bwhat (?:is|was) (?:the|his|her|their) names?\b|\bnames? of\b"
)
# "Who is Stephen Biegun?" / "who was rex tillerson": a name after "who is", no article or possessive.
_WHO_IS_NAMED = re.compile(r"^who(?:s| is| was| are| were) (?!(?:the|a|an|his|her|their|its|our|this|that)\b)[\w.-]+(?: [\w.-]+){0,3}\s*[?.!]*$")
# "Which city/hotel" asks where; "which country helped" more often asks who (a country acting), so
# a country counts as a place only after a preposition ("in which country").
_PLACE_QUESTION = re.compile(
    r"^where\b|\b(?:in|at|to) (?:which|what) (?:city|country|town|place|venue|hotel|location)\b"
    r"|\bwhat (?:city|country|town|venue|hotel)\b|\bwhich (?:city|town|venue|hotel)\b"
)
# "Where was the summit held / located", "where did it take place / occur": verbs that say only
# that something was somewhere, which the place in the answer says by itself ("the Hanoi summit").
# Not "hold" itself: "where did the envoys hold their talks?" looks for the sentence that says so.
_WHERE_IT_WAS = frozenset("held take takes took taken taking located situated occur occurs occurred staged".split())
_YEAR_QUESTION = re.compile(r"\b(?:what|which) year\b(?!-)")
# "Has an exact date been set?" asks yes or no; "what was the exact date" asks for one.
# "on what date", "what exact day", "what was the exact date", and a terse "exact date of the
# summit?"; not "has an exact date been set?", which asks yes or no.
_DAY_QUESTION = re.compile(
    r"\b(?:what|which)(?: exact| precise)? (?:date|day)\b(?!-)"
    r"|^(?:(?:what|when|on what|on which)\b.*\b|(?:the )?)(?:exact|precise) (?:date|day)\b"
)
_DATE_QUESTION = re.compile(r"^when\b|\bwhat month\b|\bin which month\b")

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred "
    "hundreds thousand thousands million millions billion billions trillion dozen dozens single half several few "
    "once twice thrice"
).split()
_NUMBER = r"(?:\d[\d,.]*|" + "|".join(_NUMBER_WORDS) + r")"
_HAS_NUMBER = re.compile(rf"\b{_NUMBER}\b|[$€£¥]\s?\d", re.IGNORECASE)
_DIGIT_OR_CURRENCY = re.compile(r"[\d$€£¥]")
_JOINING_MARKS = ("'", "’", "‘", "ʼ", "`", ".")
# The words _counts reads: a number may carry its currency sign ("$2") and its commas ("7,000").
_COUNTED_WORD = re.compile(r"[$€£¥]?[\w,.]+")
# "six months ago" dates something (a point in time), it is no span: not how long anything lasted.
_HAS_DURATION = re.compile(
    rf"\b(?:{_NUMBER}|a|an|several|many|few)[\s-]+(?:more\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b(?!\s+ago\b)"
    r"|\b(?:years|months|weeks|days|hours|minutes|decades)\b(?!\s+ago\b)|\bovernight\b",
    re.IGNORECASE,
)
_HAS_AGE = re.compile(
    rf"\b{_NUMBER}[\s-]+years?[\s-]+old\b|\baged {_NUMBER}\b|\bat (?:the )?age (?:of )?{_NUMBER}\b|\bin (?:his|her|their) (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|\d0s)\b",
    re.IGNORECASE,
)
_HAS_AMOUNT = re.compile(r"\b(?:none|little|nothing|plenty|no \w+(?: \w+)? at all)\b", re.IGNORECASE)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_HAS_DATE = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d)\b|\b(?:{_MONTHS})\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:yesterday|today|last (?:week|month|year|summer|winter|spring|fall|autumn))\b|\bago\b"
)
# "last June" or "last summer" names a year too, read against the article's date, which every quote shows.
_HAS_YEAR = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:last|this|next) (?:year|summer|winter|spring|fall|autumn|{_MONTHS})\b|\byears? ago\b",
    re.IGNORECASE,
)
_MONTH_ABBREVIATIONS = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
_HAS_DAY = re.compile(
    rf"\b(?:{_MONTHS}|{_MONTH_ABBREVIATIONS}) {_DAY_NUMBER}\b|\b{_DAY_NUMBER} (?:of )?(?:{_MONTHS})\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?i:yesterday|today|tomorrow)\b"
)
# Two capitalised words in a row: "Stephen Hadley", "Mike Pompeo".
# Overlapping (a lookahead), so "Whether Mike Pompeo" yields "Mike Pompeo" as well as "Whether Mike".
_NAME = re.compile(r"\b(?=([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\s+([A-Z][a-z]+)\b)")
_PLACE = re.compile(r"(?<!according )\b(?:[Ii]n|[Aa]t|[Tt]o|[Ff]rom|[Nn]ear) (?:the )?([A-Z][a-z]+)")
# A capitalised word (not opening the sentence, not a possessive) before a lower-case noun.
_MODIFIER = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+) ([a-z]+)\b")
_NOT_A_PLACE = frozenset(f"{_MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday".lower().split("|"))
# Head words that make a capitalised pair a place, a body or a title in any English text, not a
# person's name ("United States", "Foreign Ministry"). A story's own such words ("Iberian Peninsula")
# are in its knowledge/bot.yaml (not_person_words) and come in through `satisfies`.
NOT_A_PERSON = frozenset(
    """states nations union department house council agency initiative center centre committee
    office ministry senate congress post times news street address university institute foundation
    party army navy force forces administration government assembly court bank fund treaty accord
    agreement city island islands sea ocean river war control""".split()
)


_EXPLANATION_QUESTION = re.compile(
    r"\bwhy\b|\bhow come\b|\bwhat (?:\w+ )?(?:did|does|do|would|could) .{0,60}\b(?:say|said|mean|argue|think|raise|ask|claim|write|tell|suggest|recommend|warn|propose|find)\b|\bexplain\b"
    r"|\baccording to\b|^how (?:does|did|do|would|could|can|is|was|are|were|will)\b"
)


# A greeting or a word to the bot before the question ("hey bot, who is Biegun?"): not part of
# it, and left in, it hides the question's first word from the patterns anchored there.
_OPENING = re.compile(
    r"^(?:(?:thank you|" + "|".join(sorted(PLEASANTRIES - ADDRESSING_THE_BOT)) + r"|so|and|but|then|well|there|please|quick question)\b[\s,!.:;-]*)+"
)


def without_opening(text: str) -> str:
    """Lower-case text without the greeting or words to the bot before the question ("hey bot, …")."""
    return _OPENING.sub("", without_set_off_interjections(text).casefold())


def wants_explanation(question: str) -> bool:
    """"Why …?", "What did Gallucci say about …?": the answer is a reason or a statement, which
    tends to follow the sentence that names the topic."""
    return bool(_EXPLANATION_QUESTION.search(spell_out_shorthand(fold(question))))


_ASKS_WHY = re.compile(r"^(?:why|how come|what (?:was|is) the reason)\b")


def asks_why(question: str) -> bool:
    """"Why …?", "how come …", "what was the reason …": the answer is a cause (narrower than
    wants_explanation, which takes "what did X say" too)."""
    return bool(_ASKS_WHY.match(without_opening(question)))


def expected_answer(question: str) -> Expectation | None:
    text = _OPENING.sub("", spell_out_shorthand(fold(question)).strip())
    if _AGE_QUESTION.search(text):
        return Expectation(AnswerType.AGE, frozenset({"old", "age", "years"}))
    if _DURATION_QUESTION.search(text):
        return Expectation(AnswerType.DURATION, frozenset({"long", "years", "months", "weeks", "days", "hours", "minutes"}))
    if how_many := _HOW_MANY.search(text):
        counted = _counted_words(how_many.group(1))
        # "how many times" asks for a count, and "once" or "a single round" answers it.
        return Expectation(AnswerType.NUMBER, frozenset({"times"}), frozenset() if counted == {"time"} else counted)
    if _HOW_MUCH.search(text):
        return Expectation(AnswerType.AMOUNT, frozenset())
    if _NUMBER_QUESTION.search(text):
        return Expectation(AnswerType.NUMBER, frozenset({"number", "percentage", "share", "amount"}))
    # "Who is James McKeon?" asks what the named person is, not for a name.
    if _PERSON_QUESTION.search(text) and not _WHO_IS_NAMED.match(text):
        return Expectation(AnswerType.PERSON, frozenset({"name", "names"}))
    if _PLACE_QUESTION.search(text):
        return Expectation(AnswerType.PLACE, frozenset({"city", "country", "town", "place", "location", *_WHERE_IT_WAS}))
    if _YEAR_QUESTION.search(text):
        return Expectation(AnswerType.YEAR, frozenset({"year"}))
    if _DAY_QUESTION.search(text):
        return Expectation(AnswerType.DAY, frozenset({"date", "day", "exact", "precise"}))
    if _DATE_QUESTION.search(text):
        return Expectation(AnswerType.DATE, frozenset({"year", "date", "day", "month"}))
    return None


def satisfies(
    sentence: str, expectation: Expectation, question: str, not_a_person: frozenset[str] = frozenset(), index_terms: Collection[str] | None = None
) -> bool:
    """Whether the sentence holds the kind of answer expected. `not_a_person`: the story's words
    that make a capitalised pair something other than a person (knowledge/bot.yaml). `index_terms`:
    the sentence's index terms when known, which spare reading most sentences for a count."""
    if expectation.type is AnswerType.NUMBER:
        return _counts(sentence, expectation.counted, index_terms)
    if expectation.type is AnswerType.AMOUNT:
        # "How much experience?" — "no diplomatic experience at all" answers it as well as "$2 billion".
        return bool(_HAS_NUMBER.search(sentence) or _HAS_AMOUNT.search(sentence))
    if expectation.type is AnswerType.DURATION:
        return bool(_HAS_DURATION.search(sentence))
    if expectation.type is AnswerType.AGE:
        return bool(_HAS_AGE.search(sentence))
    if expectation.type is AnswerType.DATE:
        return bool(_HAS_DATE.search(sentence))
    if expectation.type is AnswerType.YEAR:
        return bool(_HAS_YEAR.search(sentence))
    if expectation.type is AnswerType.DAY:
        return bool(_HAS_DAY.search(sentence))
    asked = re.findall(r"[a-z]+", fold(question))
    if expectation.type is AnswerType.PLACE:
        # "in Hanoi", "at the Metropole": a capitalised place after a preposition, not one asked about.
        # "his Vietnam summit", "the Geneva talks": a place named as what the question asks where
        # about ("where was the second summit held?"), the capitalised word before its noun.
        named_by_place = (
            place for place, noun in _MODIFIER.findall(sentence) if any(stem(noun.casefold()) == stem(word) for word in asked if not is_stop_word(word))
        )
        places = (*_PLACE.findall(sentence), *named_by_place)
        return any(not _asked(place, asked) and fold(place) not in _NOT_A_PLACE for place in places)
    # A name counts when the question does not already name that person ("Biegun" names "Stephen Biegun").
    not_names = NOT_A_PERSON | not_a_person
    return any(
        not (_asked(first, asked) or _asked(last, asked))
        for first, last in _NAME.findall(sentence)
        if fold(last) not in not_names and fold(first) not in not_names and not is_stop_word(fold(first))
    )


_STOP_WORD_STEMS = frozenset(stem(word) for word in STOP_WORDS)
_NUMBER_WORD_TERMS = frozenset(stem(word) for word in _NUMBER_WORDS if not is_stop_word(word))
_NUMBER_STOP_WORDS = tuple(word for word in _NUMBER_WORDS if is_stop_word(word))


def terms_required(expectation: Expectation) -> frozenset[str] | None:
    """Index terms of which a sentence must hold one to satisfy the expectation, or None when
    there are none: the cheap test that spares reading most sentences of a large folder.

    "How many X" needs a word stemming to a counted stem; such a word is a plain run of letters
    (the counted stems are), so it is one of the words the sentence's index terms were made of
    (bot.search.normalise.terms) unless it is a stop word, which the terms leave out."""
    if expectation.type is not AnswerType.NUMBER or not expectation.counted:
        return None
    if not expectation.counted.isdisjoint(_STOP_WORD_STEMS):
        return None
    return expectation.counted


def _counted_words(after: str) -> frozenset[str]:
    """"how many US troops are ..." -> {us, troop}: the words up to the first function word."""
    counted = []
    for word in after.split():
        if is_stop_word(word):
            break
        counted.append(stem(word))
    return frozenset(counted)


def _counts(sentence: str, counted: frozenset[str], index_terms: Collection[str] | None = None) -> bool:
    """A number, and for "how many X" a number within three words before X ("7,000 US troops")."""
    if not counted:
        return bool(_HAS_NUMBER.search(sentence))
    if index_terms is not None and not _may_hold_a_number(sentence, index_terms):
        return False  # most of a large folder's sentences that name X: no folding, no stemming
    words = _COUNTED_WORD.findall(fold(sentence))
    for position, word in enumerate(words):
        if stem(word.strip(",.")) in counted:
            before = words[max(0, position - 3) : position]
            if any(_HAS_NUMBER.fullmatch(w.strip(",.")) or w[:1] in "$€£¥" for w in before):
                return True
    return False


def _may_hold_a_number(sentence: str, index_terms: Collection[str]) -> bool:
    """False only when no word of fold(sentence) can be a number or start with a currency sign
    (what _counts looks for), told from the sentence's index terms (bot.search.normalise.terms of
    it, aliases' terms added) without folding and stemming it. Folding after the compatibility form
    makes no digit or sign, and a number word standing alone in the folded text is one of the
    ASCII words the terms were made of; "ı", which re.IGNORECASE reads as "i" but the terms split
    at, is let through."""
    plain = sentence if sentence.isascii() else unicodedata.normalize("NFKC", sentence)  # ASCII is its own NFKC form
    if _DIGIT_OR_CURRENCY.search(plain) is not None or "ı" in plain:
        return True
    if not _NUMBER_WORD_TERMS.isdisjoint(index_terms):
        return True
    # Stop words have no term: looked for in the text, with what folding removes between letters
    # (apostrophes, an acronym's dots) removed.
    letters = plain.casefold()
    for mark in _JOINING_MARKS:
        letters = letters.replace(mark, "")
    return any(word in letters for word in _NUMBER_STOP_WORDS)


def _asked(name_word: str, asked: list[str]) -> bool:
    """Whether the question already uses this word of the name ("Korea" in "South Korean")."""
    word = fold(name_word)
    return any(a.startswith(word) or word.startswith(a) for a in asked if len(a) >= 4 or a == word)
