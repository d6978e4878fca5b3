"""Questions about someone or something no article names: "what did Mike Pence say about the
summit?", "who is john bolton", "did moon jae-in go to the singapore summit?", "what happened at the DMZ?".

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

The same holds of the subject of any question's clause ("did Moon Jae-in go to …", "how did X
react", "what happened when X met …"): the articles cannot say what someone they never mention
did. There a name is read more strictly, as a reader would: capitalised words, not in capitals
alone (an acronym, "POTUS", may stand for what the articles write in full), or in a question in
one case two words or more that no article says, ending in one that is no English word ("moon
jae-in"; a word alone, "potus", "hashing", may be an abbreviation or an everyday word). And a name the folder's alias
groups list ("DMZ", "Japan") that no article says is a name the articles never mention, wherever
the question names it; so is a place (a country or a capital, bot.search.demonyms) no article says,
in capitals or in lower case ("why did the stockholm talks break down?", "why did the talks in
sweden fail?"): a reader's lower case must not turn a question about Stockholm into one about the
talks the articles report. A place written in lower case that is also an everyday English word
("cook a turkey") is read as a name only when capitalised, as English writes the place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.search.demonyms import people_words, places_said
from bot.search.ellipsis import written_after_auxiliary
from bot.search.english import is_english_word, specificity
from bot.search.name_case import writes_names_capitalised
from bot.search.normalise import SENTENCE_BREAK, STOP_WORDS, stem, words
from bot.search.query import ArticleWords, Query, article_word, said_in_articles
from bot.search.speaker_frame import speaker_frame

# "Who is X?", "who's X", "whos X" (the whole rest of the question).
_WHO_IS = re.compile(r"\bwho(?:\s+(?:is|was)|['’]s|s)\s+(?P<who>[^?.!,;:]+?)\s*[?.!]*$", re.IGNORECASE)
# A word of a name as written: letters, and the hyphens and dots of "Jae-in", "J.D.".
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# How rare in everyday English a word of a question in one case must be to be read as a name:
# first names and family names ("mike" 0.87, "john" 0.92) are, subjects written as common nouns
# ("responsible" 0.60, "leader" 0.67) are not.
NAME_SPECIFICITY = 0.85
# A name is at most this many words ("Kim Jong Un", "Moon Jae-in").
_MAX_NAME_WORDS = 4


def unknown_name(knowledge: ArticleWords, question: str, query: Query) -> str | None:
    """The name of the person or thing the question asks about, as typed (or as the alias group
    writes it), when no article mentions it: the X of "what did X say" or "who is X", the subject
    of its clause, a name of an alias group no article says, or a place no article says. None for
    any other question."""
    asked = _asked_about(question)
    if asked is not None:
        who, names = asked
        cased = writes_names_capitalised(question)
        if names and all(_is_name(name, cased) for name in names) and not any(_mentioned(knowledge, query, name) for name in names):
            return who
    subject = subject_name(question, lambda word: not article_word(knowledge, stem(word)))
    if subject is not None and not _mentioned(knowledge, query, subject):
        return subject
    # The folder's own name for a group first ("Japan" of "tokyo disneyland"), then any place.
    group = _named_group_no_article_says(knowledge, query)
    if group is not None or all(concept.synonyms or said_in_articles(knowledge, concept) for concept in query.concepts):
        return group  # every word of the question is one some article says: no place it names is missing
    return next((place for place in places_named(question) if not _mentioned(knowledge, query, place)), None)


def _people_said(knowledge: ArticleWords, place: str) -> bool:
    """Whether some article names the place by its people's word ("the Swedish government" for
    "what did sweden offer?"): the place is then mentioned, only not by its name."""
    return any(all(article_word(knowledge, stem(word)) for word in form.split()) for form in people_words(place))


# A place's name is at most this many words ("Papua New Guinea", "Port of Spain").
_MAX_PLACE_WORDS = 4
_TYPED_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def places_named(question: str) -> list[str]:
    """The places (countries and capitals) the question names, as typed, longest first where two
    overlap ("new zealand", not "zealand"): capitalised, or in lower case when the place is no
    everyday English word ("sweden", "stockholm"; not "turkey", which lower case makes a bird).
    In a message that tells and then asks, the sentences with a question mark: "I'm in London. Why
    did the Hanoi summit fail?" asks nothing of London."""
    sentences = SENTENCE_BREAK.split(question)
    typed = _TYPED_WORD.findall(" ".join([sentence for sentence in sentences if "?" in sentence] or sentences))
    folded = [words(token) for token in typed]  # each typed word read once (3 ms a long question read per run)
    found: list[str] = []
    start = 0
    while start < len(typed):
        length = next((n for n in range(min(_MAX_PLACE_WORDS, len(typed) - start), 0, -1) if _names_a_place(typed[start : start + n], folded[start : start + n])), 0)
        if length:
            found.append(_POSSESSIVE_END.sub("", " ".join(typed[start : start + length])))  # "Japan's" names Japan
        start += max(length, 1)
    return found


def _names_a_place(typed: list[str], folded: list[list[str]]) -> bool:
    said = [word for token in folded for word in token]
    if not places_said(said):
        return False
    content = [word for word in said if word not in STOP_WORDS]
    return bool(content) and (typed[-1][:1].isupper() or specificity(content[-1]) >= NAME_SPECIFICITY)


def subject_name(question: str, unsaid: Callable[[str], bool]) -> str | None:
    """The name the question's clause has for its subject, as typed ("did moon jae-in go …" ->
    "moon jae-in", "How did Japan react" -> "Japan"); None when the subject is no name: a
    description ("the talks", "Kim's sister"), a pronoun, an acronym or one word of a question in
    one case. `unsaid`: whether no article says a word. In a question in one case every word of
    the name is one no article says ("moon", "jae"), which tells "moon jae-in" from "trump meet
    bolton", whose verb the articles say, and from "hanoi mtg", shorthand after a name they say."""
    written = written_after_auxiliary(question)[:_MAX_NAME_WORDS + 1]
    cased = writes_names_capitalised(question)
    run: list[str] = []
    for token in written:
        if not _NAME_WORD.fullmatch(token) or all(word in STOP_WORDS for word in words(token)):
            break
        if cased and not (token[:1].isupper() and not token.isupper()):
            break
        if re.search(r"['’]s?$", token):
            return None  # a possessive: "Kim's sister" is a description
        if not cased and not all(unsaid(word) for word in words(token) if word not in STOP_WORDS):
            break
        run.append(token)
    if cased:
        return " ".join(run) if 0 < len(run) <= _MAX_NAME_WORDS else None
    # In one case: the longest run of two words or more ending in one that is no English word.
    while len(run) >= 2 and not _no_english_word(run[-1]):
        run.pop()
    return " ".join(run) if 2 <= len(run) <= _MAX_NAME_WORDS else None


def _no_english_word(token: str) -> bool:
    """Whether a word as written ends in one the English word list lacks ("jae-in": "jae")."""
    content = [word for word in words(token) if word not in STOP_WORDS]
    return bool(content) and len(content[-1]) >= 2 and not is_english_word(content[-1])


def _named_group_no_article_says(knowledge: ArticleWords, query: Query) -> str | None:
    """The first name of an alias group the question names that no article says, when the group
    is a name (its first name capitalised, as aliases.yaml writes "DMZ", not "downside")."""
    for concept in query.concepts:
        label = knowledge.aliases.labels.get(concept.group_term or "")
        if label is not None and any(word[:1].isupper() for word in label.split()) and not said_in_articles(knowledge, concept):
            return label
    return None


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
    # An alias group is mentioned when an article says any of its names (said_in_articles reads its group term).
    return concept is None or bool(concept.synonyms) or said_in_articles(knowledge, concept) or _people_said(knowledge, name)
