"""Reads a question into weighted index terms: typos corrected, aliases added, source names noticed."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase
from bot.search.normalise import STOP_WORDS, stem, words

# An alias group term stands for a whole phrase the question already scores on, so it counts less.
ALIAS_WEIGHT = 0.6
CORRECTED_WEIGHT = 0.8
MAX_QUERY_TERMS = 48


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the question asks about: a term, and the alias groups that also express it."""

    term: str
    group_terms: frozenset[str]


@dataclass(frozen=True)
class Query:
    weights: dict[str, float]
    concepts: tuple[Concept, ...]
    named_articles: frozenset[str]  # ids of the articles the question names ("does Vox think")
    corrections: dict[str, str]


def analyse(knowledge: KnowledgeBase, question: str) -> Query:
    stems: list[str] = []
    corrections: dict[str, str] = {}
    for word in words(question):
        if word in STOP_WORDS:
            continue
        term = stem(word)
        if not knowledge.passage_index.contains(term):
            corrected = knowledge.spelling.correct(word)
            if corrected is not None and corrected not in STOP_WORDS:
                corrections[word] = corrected
                term = stem(corrected)
        if term not in stems:
            stems.append(term)
        if len(stems) >= MAX_QUERY_TERMS:
            break

    expanded = knowledge.aliases.expand(stems)
    group_terms = expanded[len(stems) :]
    corrected_terms = {stem(c) for c in corrections.values()}

    named = frozenset(
        article_id
        for article_id, names in knowledge.article_names.items()
        if names & set(expanded) and len(knowledge.article_names) > 1
    )
    naming_terms = set().union(*(knowledge.article_names[a] for a in named)) if named else set()

    weights: dict[str, float] = {}
    for term in stems:
        weights[term] = CORRECTED_WEIGHT if term in corrected_terms else 1.0
    for term in group_terms:
        weights.setdefault(term, ALIAS_WEIGHT)

    concepts = tuple(
        Concept(term, frozenset(g for g in group_terms if _group_covers(knowledge, g, term)))
        for term in stems
        if term not in naming_terms
    )
    return Query(weights=weights, concepts=concepts, named_articles=named, corrections=corrections)


def _group_covers(knowledge: KnowledgeBase, group_term: str, term: str) -> bool:
    return any(term in phrase and g == group_term for phrase, g in knowledge.aliases.phrases.items())
