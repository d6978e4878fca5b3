"""Questions about someone no article names: "what did Mike Pence say about the summit?", "who is john bolton".

Such a question finds the other words it uses ("summit", "Hanoi") in someone else's sentences,
and a reader takes the quote for the words of the person asked about. When the person a
who-said or who-is question asks about is a name no article mentions (nor an alias of one),
the articles cannot answer it, whatever else matches.

A name is what the question writes as one: capitalised words inside a question that writes its
other words in lower case ("Mike Pence"), or, in a question all in one case ("john bolton",
"WHO IS JOHN BOLTON", "Who Is John Bolton"), words rare in everyday English (bot.search.english:
"john", "bolton"; not "officials", "responsible"). A phrase with a determiner or a possessive
("the vice president", "Kim's sister") is a description, not a name, and is left to the answer
check. The name is unknown when its last word, the family name that tells people apart ("Steve
Biegun" is the articles' Stephen Biegun), is no word, alias or synonym any article uses.
"""

from __future__ import annotations

import re

from bot.search.english import is_english_word, specificity
from bot.search.name_case import writes_names_capitalised
from bot.search.normalise import STOP_WORDS, stem, words
from bot.search.query import ArticleWords, Query, said_in_articles
from bot.search.speaker_frame import speaker_frame

# "Who is X?", "who's X", "whos X" (the whole rest of the question).
_WHO_IS = re.compile(r"\bwho(?:\s+(?:is|was)|['’]s|s)\s+(?P<who>[^?.!,;:]+?)\s*[?.!]*$", re.IGNORECASE)
# A word of a name as written: letters, and the hyphens and dots of "Jae-in", "J.D.".
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# How rare in everyday English a word of a question in one case must be to be read as a name:
# first names and family names ("mike" 0.87, "john" 0.92) are, subjects written as common nouns
# ("responsible" 0.60, "leader" 0.67) are not.
NAME_SPECIFICITY = 0.85


def unknown_name(knowledge: ArticleWords, question: str, query: Query) -> str | None:
    """The name of the person the question asks about ("what did X say", "who is X"), as typed,
    when no article mentions it; None for any other question."""
    asked = _asked_about(question)
    if asked is None:
        return None
    who, names = asked
    cased = writes_names_capitalised(question)
    if not names or not all(_is_name(name, cased) for name in names):
        return None
    if any(_mentioned(knowledge, query, name) for name in names):
        return None
    return who


def names_asked_about(question: str) -> tuple[str, ...]:
    """The names, as typed, of the people a who-said or who-is question asks about, each written
    as a name (a description, "the vice president", is not one): "WHO IS JOHN SMITH" ->
    ("JOHN SMITH",). Whether or not any article mentions them."""
    asked = _asked_about(question)
    if asked is None:
        return ()
    cased = writes_names_capitalised(question)
    return tuple(name for name in asked[1] if _is_name(name, cased))


def _asked_about(question: str) -> tuple[str, tuple[str, ...]] | None:
    """The phrase naming whom a who-said question (bot.search.speaker_frame: "what did X say",
    "X's reaction", "according to X") or a who-is question asks about, and each name in it."""
    framed = speaker_frame(question)
    if framed is not None:
        return framed.who, framed.names
    who_is = _WHO_IS.search(question)
    return None if who_is is None else (who_is.group("who").strip(), (who_is.group("who").strip(),))


def _is_name(phrase: str, cased: bool) -> bool:
    """Whether every word of the phrase is written as a name; a determiner or a possessive makes it a description."""
    parts = phrase.split()
    if not parts or len(parts) > 6 or any(not _NAME_WORD.fullmatch(part) or re.search(r"['’]s?$", part) for part in parts):
        return False
    return all(written_as_a_name(part, cased) for part in parts)


def written_as_a_name(written: str, cased: bool) -> bool:
    said = words(written)
    if not said or all(word in STOP_WORDS for word in said):
        return False
    if cased:
        return written[:1].isupper()
    return all(specificity(word) >= NAME_SPECIFICITY and not plural_of_a_word(word) for word in said if word not in STOP_WORDS)


def plural_of_a_word(word: str) -> bool:
    """'officials', 'analysts': a common noun in the plural, which a name in one case seldom is."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and is_english_word(word[:-1])


def _mentioned(knowledge: ArticleWords, query: Query, name: str) -> bool:
    """Whether some article says the name's last word, or an alias or synonym of it. A word the
    question's reading left out (a source's name, phrasing) cannot be told unknown: mentioned."""
    last = [word for word in words(name) if word not in STOP_WORDS][-1]
    term = stem(last)
    concept = next((c for c in query.concepts if term in c.terms), None)
    if concept is None:
        # A misspelt name was read as the articles' word ("galucci" as "gallucci").
        corrected = query.corrections.get(last)
        concept = next((c for c in query.concepts if corrected and stem(corrected) in c.terms), None)
    return concept is None or concept.group_term is not None or bool(concept.synonyms) or said_in_articles(knowledge, concept)
