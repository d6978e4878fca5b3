"""The answer check's evidence besides coverage and similarity, gathered from the ranking stages.

Each signal is general: it reads the question, the fused list and the concepts' credits, never a
word of any story. bot.ranking.answer_check weighs them with the fitted model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.coverage import ConceptCredit
from bot.ranking.answer_check import Signals
from bot.ranking.fusion import Fused
from bot.search.answer_type import Expectation

# A capitalised word that does not open a sentence (or a quotation), or a word in capitals
# ("IAEA"): a name, as the question writes it.
_CAPITALISED = re.compile(r"(?<![.?!:]\s)(?<!^)(?<![“\"‘'(])\b([A-Z][\w'’-]*)|\b([A-Z]{2,})\b")


def gather_signals(question: str, expectation: Expectation | None, ranked: Sequence[Fused], credits: Sequence[ConceptCredit]) -> Signals:
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    # A word of the question that no passage says, and no alias or synonym stands for, written as
    # a name ("Moon Jae-in", "IAEA"): a name the articles never mention says they cannot answer.
    unknown = [c for c in credits if not c.in_articles and c.credit == 0]
    names = written_as_names(question)
    return Signals(
        expects_type=float(expectation is not None),
        fused_best=ranked[0].score if ranked else 0.0,
        fused_margin=(ranked[0].score - runner_up) if ranked else 0.0,
        unknown_names=float(sum(any(_is_name(word, names) for word in c.concept.said.split()) for c in unknown)),
    )


def written_as_names(question: str) -> frozenset[str]:
    """The question's words written as names (capitalised inside a sentence, or in capitals), folded."""
    return frozenset(m.casefold() for pair in _CAPITALISED.findall(question) for m in pair if m)


def _is_name(word: str, names: frozenset[str]) -> bool:
    # "jae" of "Jae-in": the concept holds a word's first part.
    return any(name == word or name.startswith(word) for name in names)
