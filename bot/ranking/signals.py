"""The answer check's evidence besides coverage and similarity, gathered from the ranking stages.

Each signal is general: it reads the question, the fused list, the concepts' credits and the best
sentence's paragraph, never a word of any story. bot.ranking.answer_check weighs them with the
fitted model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.coverage import ConceptCredit
from bot.ranking.answer_check import Signals
from bot.ranking.fusion import Fused
from bot.search.answer_type import Expectation

# A capitalised word that does not open a sentence (or a quotation), or a word in capitals
# ("IAEA"): a name, as the question writes it.
_CAPITALISED = re.compile(r"(?<![.?!:]\s)(?<!^)(?<![“\"‘'(])\b([A-Z][\w'’-]*)|\b([A-Z]{2,})\b")


def gather_signals(
    question: str,
    expectation: Expectation | None,
    ranked: Sequence[Fused],
    credits: Sequence[ConceptCredit],
    context: str = "",
    similarity_to_best: Callable[[str], float] | None = None,
) -> Signals:
    """`context`: the text the best sentence stands in (its paragraph), where names show as names;
    `similarity_to_best`: the meaning signal's cosine of a text with the best sentence."""
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    # A word of the question that no passage says, and no alias or synonym stands for, written as
    # a name ("Moon Jae-in", "IAEA"): a name the articles never mention says they cannot answer.
    unknown = [c for c in credits if not c.in_articles and c.credit == 0]
    asked_names = written_as_names(question)
    return Signals(
        expects_type=float(expectation is not None),
        fused_best=ranked[0].score if ranked else 0.0,
        fused_margin=(ranked[0].score - runner_up) if ranked else 0.0,
        unknown_names=float(sum(any(_is_name(word, asked_names) for word in c.concept.said.split()) for c in unknown)),
        # What the question asks about its names, not the names: a question naming someone the
        # articles quote and asking what they never say matches the name and nothing else.
        content_similarity=similarity_to_best(content_of(question, context)) if similarity_to_best else 0.0,
    )


def content_of(question: str, context: str = "") -> str:
    """What content_similarity compares with the best sentence: the question without the words
    that are names in it or in the best sentence's paragraph (`context`). Without the context (before
    ranking) it is the usual guess: a paragraph seldom makes a name of one more of the question's words."""
    return without_names(question, written_as_names(question) | written_as_names(context))


def without_names(question: str, names: frozenset[str]) -> str:
    """The question with the words that are names taken out ("What is 's favourite food?")."""
    bare = {_bare(name) for name in names}
    kept = [word for word in question.split() if _bare(word.casefold()) not in bare]
    return " ".join(kept) or question


def _bare(word: str) -> str:
    """A word without what surrounds it as written: punctuation, a possessive ("Un's")."""
    return _POSSESSIVE.sub("", word.strip(".,;:!?()[]“”\"‘’'"))


_POSSESSIVE = re.compile(r"[’']s$")


def written_as_names(text: str) -> frozenset[str]:
    """The text's words written as names (capitalised inside a sentence, or in capitals), folded."""
    return frozenset(m.casefold() for pair in _CAPITALISED.findall(text) for m in pair if m)


def _is_name(word: str, names: frozenset[str]) -> bool:
    # "jae" of "Jae-in": the concept holds a word's first part.
    return any(name == word or name.startswith(word) for name in names)
