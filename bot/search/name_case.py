"""Whether a question's capitals mark its names: English capitalises a name and not the words
around it, so capitals tell names only where the writer uses both cases inside a sentence.

One reading for every place that takes names from a question's case: the unknown-name check,
/compare's missing outlets, a follow-up's earlier subject (bot.search.ellipsis) and the
unanswered report's missing words (bot.unanswered.report)."""

from __future__ import annotations


def writes_names_capitalised(question: str) -> bool:
    """Whether the question writes some words in lower case and capitalises others inside its
    sentences: then its capitals mark names. All lower case, all capitals or every word
    capitalised ("Who Is John Bolton", "What Is A Good Kimchi Recipe?") say nothing of which
    words are names."""
    written = question.split()
    inside = [word for word in written[1:] if word[:1].isalpha()]
    return any(word[:1].islower() for word in written if word[:1].isalpha()) and any(word[:1].isupper() for word in inside)
