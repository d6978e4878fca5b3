"""Questions that ask what one outlet says: "what did Vox say about China", "according to WIRED, why
did the talks fail", "how did the Washington Post describe the summit", "the Post's take on Hanoi".

Such a question names its outlet where English names a speaker (bot.search.speaker_frame's frames),
and the words there name articles and nothing else (a publisher, its short name "the Post", an
alias of it in knowledge/aliases.yaml, or a kind such as "the op-ed"). It is answered as /compare
answers each outlet: the question without the frame is asked of the whole folder, and the named
outlet's part of that is kept (bot.answers.answer_of_outlet), so the named outlet's answer is never
another outlet's quote. Nothing here knows an outlet: the names are the articles' publishers.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase, publisher_name
from bot.search.query import analyse
from bot.search.speaker_frame import speaker_frames
from bot.short_outlet_names import with_whole_outlet_names


@dataclass(frozen=True, slots=True)
class OutletAsked:
    """The outlets a question asks the words of, their articles, and what it asks of them."""

    publishers: tuple[str, ...]  # as the articles name them, sections aside ("The Washington Post")
    ids: frozenset[str]  # the articles the outlet's name names
    rest: str  # what it asks of them, in its words (SpeakerFrame.topic): "china" of "what did vox say about china"


def outlet_asked(knowledge: KnowledgeBase, question: str) -> OutletAsked | None:
    """The outlet the question asks the words of, by a speaker frame whose speaker names articles and
    nothing else; None when it names none, names something besides ("vox's article on kim's
    letter"), or asks nothing of them but their words ("what did vox say?": a follow-up's business)."""
    for frame in speaker_frames(question):
        ids = articles_named_alone(knowledge, frame.who)
        if not ids:
            continue
        rest = frame.topic
        if not analyse(knowledge, rest).concepts:
            return None
        publishers = tuple(sorted({publisher_name(knowledge.articles[i]) for i in ids}))
        return OutletAsked(publishers, ids, rest)
    return None


def articles_named_alone(knowledge: KnowledgeBase, words: str) -> frozenset[str]:
    """The ids of the articles the words name (a publisher, its short name "the Post", an alias of
    it, a kind such as "the op-ed") when they name nothing else; empty otherwise. Both a question's
    outlet ("what did Vox say about China") and a follow-up naming only outlets ("and Vox?") are
    read so (bot.answers._outlets_named_alone)."""
    query = analyse(knowledge, with_whole_outlet_names(words, knowledge.publishers))
    if query.concepts:
        return frozenset()
    return frozenset(i for i in query.named_articles if i in knowledge.articles)

