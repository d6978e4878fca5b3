"""The answer check's evidence besides coverage and similarity, gathered from the ranking stages.

Each signal is general: it reads the question, the fused list, the concepts' credits and the best
sentence's paragraph, never a word of any story. bot.ranking.answer_check weighs them with the
fitted model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from bot.coverage import ConceptCredit, concept_found
from bot.ranking.answer_check import Signals
from bot.ranking.fusion import Fused
from bot.search.answer_type import Expectation, asks_why
from bot.search.english import is_english_word
from bot.timeline.relative import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

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
    window: str = "",
    article: str = "",
    article_terms: frozenset[str] | None = None,
    article_credits: Sequence[ConceptCredit] = (),
) -> Signals:
    """`context`: the text the best sentence stands in (its paragraph), where names show as names;
    `similarity_to_best`: the meaning signal's cosine of a text with the best sentence; `window`:
    the best sentence with its neighbours (the paragraph when not given); `article`: the whole
    text of the best sentence's article, whose names no dictionary has count as names too;
    `article_terms`: that article's index terms (its passages' and its title's); `article_credits`:
    the question's concepts credited over those terms, in the order of `credits`."""
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    # A word of the question that no passage says, and no alias or synonym stands for, written as
    # a name ("Moon Jae-in", "IAEA"): a name the articles never mention says they cannot answer.
    unknown = [c for c in credits if not c.in_articles and c.credit == 0]
    asked_names = written_as_names(question)
    names_of_context = _names_of_context(question, context, article)
    # Concepts that are not names: no named alias group, no word the question, the paragraph or the
    # article writes as a name; the question's names below are read by the same definition.
    is_content = [not _names_something(c, names_of_context) for c in credits]
    not_names = [c for c, content in zip(credits, is_content, strict=True) if content]
    content_weight = sum(c.weight for c in not_names)
    rarest = max(credits, key=lambda c: c.weight, default=None)
    # The question's names: a named alias group, or a word it writes as a name.
    names = [c for c in credits if _names_something(c, asked_names)]
    names_weight = sum(c.weight for c in names)
    names_elsewhere = sum(c.weight for c in names if article_terms is not None and not concept_found(c.concept, article_terms))
    unsaid = [c.weight for c in not_names if not c.in_articles and c.credit == 0]
    # How much of each concept that is not a name the best sentence's article lacks (none when not
    # given): `article_credits` is in the order of `credits`.
    in_article = zip(credits, article_credits, is_content, strict=True) if article_credits else None
    lacking = sum(c.weight * (1.0 - a.credit) for c, a, content in in_article if content) if in_article is not None else 0.0
    return Signals(
        expects_type=float(expectation is not None),
        fused_best=ranked[0].score if ranked else 0.0,
        fused_margin=(ranked[0].score - runner_up) if ranked else 0.0,
        unknown_names=float(sum(any(_is_name(word, asked_names) for word in c.concept.said.split()) for c in unknown)),
        # What the question asks about its names, not the names: a question naming someone the
        # articles quote and asking what they never say matches the name and nothing else.
        content_similarity=similarity_to_best(without_names(question, names_of_context)) if similarity_to_best else 0.0,
        rarest_missing=1.0 - rarest.credit if rarest is not None else 0.0,
        unsaid_content=sum(unsaid) / content_weight if content_weight else 0.0,
        why_without_reason=float(asks_why(question) and not gives_reason(window or context)),
        names_not_in_article=names_elsewhere / names_weight if names_weight else 0.0,
        content_not_in_article=lacking / content_weight if content_weight else 0.0,
        heaviest_unsaid_content=max(unsaid, default=0.0),
        # The names content_similarity left out that the passage credited holds.
        names_held=tuple(c for c, content in zip(credits, is_content, strict=True) if not content and c.credit > 0),
    )


def _names_of_context(question: str, context: str, article: str) -> frozenset[str]:
    """The words that are names: as the question, the best sentence's paragraph or its article
    writes them, or in the article and no English word (bot.search.english)."""
    return written_as_names(question) | written_as_names(context) | names_no_dictionary_has(article)


def _names_something(credit: ConceptCredit, names: frozenset[str]) -> bool:
    """Whether a concept of the question is a name: an alias group whose first name aliases.yaml
    writes as a name ("North Korea", not "summit": a folder's maintainer groups ordinary words too),
    or a word written as a name in `names`; never a time ("on Thursday", "in February"),
    capitalised but naming nothing, which an article reporting it may well not say
    (bot.timeline.asked_time.reported_by)."""
    words = credit.concept.said.casefold().split()
    if all(word.rstrip(".") in _CALENDAR_WORDS for word in words):
        return False
    named_group = credit.group is not None and any(word[:1].isupper() for word in credit.group.split())
    return named_group or any(_is_name(word, names) for word in words)


_CALENDAR_WORDS = frozenset((*MONTHS, *WEEKDAYS, *MONTH_ABBREVIATIONS))


# Words that give a reason, a cause or a condition in any English text ("why" covers "that's why", "which is why").
_GIVES_REASON = re.compile(
    r"\b(?i:because|since|so that|in order to|due to|as a result|thanks to|reasons?|in part|caus(?:e|ed|es)|led to|leads? to"
    r"|result(?:s|ed)? in|therefore|why|if|so as to|for fear)\b"
)


def gives_reason(text: str) -> bool:
    """Whether the text gives a reason ("because", "so that", "due to", "if" …)."""
    return bool(_GIVES_REASON.search(text))


def content_of(question: str, context: str = "") -> str:
    """The guess before ranking of what content_similarity compares with the best sentence (encoded
    with the question): the question without the words that are names in it or in `context`.
    Without the context it is the usual guess; after ranking gather_signals takes out the names of
    the best sentence's paragraph and article too."""
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


# An article's names are read once (1-3 ms a bundled article), not again for each question it answers.
@lru_cache(maxsize=1024)
def names_no_dictionary_has(text: str) -> frozenset[str]:
    """The words the text writes as names that the English frequency list lacks ("Hanoi", "Biegun";
    bot.search.english): names wherever they stand, also in a question typed in lower case ("whats
    the weather in hanoi"). "No English word" means only that: the list holds common names too
    ("Singapore", "Korea", "Trump"), and those, like a name that is a word ("Town", "Post"), are
    not counted. A letter alone is no name ("s" of "U.S.")."""
    return frozenset(name for name in written_as_names(text) if len(bare := _bare(name)) >= _MIN_NAME_LETTERS and not is_english_word(bare))


# "U.S." writes "U" and "S" as names: a single letter says nothing of a question's subject.
_MIN_NAME_LETTERS = 2


def written_as_names(text: str) -> frozenset[str]:
    """The text's words written as names (capitalised inside a sentence, or in capitals), folded."""
    return frozenset(m.casefold() for pair in _CAPITALISED.findall(text) for m in pair if m)


def _is_name(word: str, names: frozenset[str]) -> bool:
    # "jae" of "Jae-in": the concept holds a word's first part.
    return any(name == word or name.startswith(word) for name in names)
