"""Outlets a /compare topic names that have no article: "what did Reuters say about Hanoi" over
articles none of which is from Reuters.

A topic that names its source by an English frame ("what did X say about Y", "according to X,
Y", "X on Y") and whose X names no article's publisher and holds a name no article says
("Reuters", "York"; a name as bot.search.unknown_name reads one: capitalised in a question
that writes other words in lower case, else rare in everyday English, so "focus on sanctions"
names no outlet) asks for an outlet the folder lacks. The reply says so plainly and compares
the outlets there are on Y; left in the topic, the unknown name made every outlet's answer look
off-topic ("None of the outlets has anything on this"). Nothing here knows an outlet: the
publishers and words are the articles'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase
from bot.search.name_case import writes_names_capitalised
from bot.search.query import analyse, said_in_articles
from bot.search.speaker_frame import speaker_frame
from bot.search.unknown_name import written_as_a_name

_ON = re.compile(r"^(?P<source>[^,?]+?)\s+on\s+(?P<rest>.+)$", re.IGNORECASE)  # "the Times on sanctions"
# Several sources in one frame: "Reuters and Vox", "CNN, Fox & Vox".
_BETWEEN_SOURCES = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.IGNORECASE)
# A source is a name, a few words at most ("The New York Times"); more is a clause, not a name.
MAX_SOURCE_WORDS = 5


@dataclass(frozen=True, slots=True)
class MissingOutlets:
    """Outlets the topic names that have no article, as typed, and the topic without them."""

    names: tuple[str, ...]
    topic: str


def missing_outlets(knowledge: KnowledgeBase, topic: str) -> MissingOutlets | None:
    """The outlets the topic names by a source frame that no article is from; None when it names
    none, or only outlets that have articles (those the comparison already reads)."""
    framed = _framed(" ".join(topic.split()))
    if framed is None:
        return None
    source, rest = framed
    sources = [s for s in _BETWEEN_SOURCES.split(source) if s]
    if any(len(s.split()) > MAX_SOURCE_WORDS for s in sources):
        return None
    cased = writes_names_capitalised(topic)
    missing = tuple(s for s in sources if _names_no_article(knowledge, s, cased))
    return MissingOutlets(missing, rest) if missing else None


def _framed(text: str) -> tuple[str, str] | None:
    """The source and the rest of the topic by the frame that opens the text, if one does ("what did
    X say about Y", "according to X, Y": the reading bot.search.speaker_frame gives every speaker
    frame; "X on Y")."""
    framed = speaker_frame(text)
    if framed is not None and framed.opens:
        return framed.who, framed.topic
    match = _ON.match(text)
    return (match.group("source"), match.group("rest").strip()) if match is not None else None


def _names_no_article(knowledge: KnowledgeBase, source: str, cased: bool) -> bool:
    """Whether the words name no article's publisher and hold a name no article says."""
    query = analyse(knowledge, source)
    return not query.named_articles and any(not said_in_articles(knowledge, c) and written_as_a_name(_as_typed(c.said, source), cased) for c in query.concepts)


def _as_typed(said: str, source: str) -> str:
    """The concept's words as the topic wrote them, capitals and all (analysis reads them in lower case)."""
    found = re.search(rf"(?<!\w){re.escape(said)}(?!\w)", source, re.IGNORECASE)
    return found.group(0) if found else said
