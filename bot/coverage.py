"""How much of a question a passage holds: each concept's weight, and the credit it earns there.

A concept counts by how specific its words are in everyday English and how few passages share it
("North Korea" is in nearly every passage here, so finding it proves little). It earns full credit
when the passage says it (its alias group, or every word it was said with), part of it through a
synonym. The answerer compares the weighted share with its threshold; the timeline's topic filter
uses the same weights.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.indexing import index_terms
from bot.search.query import Concept, Query, said_in_articles

# A concept found only through a synonym of the question's word counts for this much of it.
SYNONYM_CREDIT = 0.75
UBIQUITY_FLOOR = 0.1


@dataclass(frozen=True, slots=True)
class ConceptCredit:
    """One concept of the question, how much it counts, and how much of it the best passage held."""

    concept: Concept
    group: str | None  # the alias group's first name ("North Korea"), when the concept is one
    weight: float
    credit: float  # 1.0 found as said, less through a synonym, 0.0 missing
    synonym: str | None  # the synonym stem that was found, when credit came through one
    in_articles: bool  # False: no passage says it at all, so only an alias or synonym can bridge it


def concept_found(concept: Concept, present: frozenset[str] | set[str]) -> bool:
    """Whether terms hold the concept: its alias group, or every word it was said with."""
    return concept.key in present or all(term in present for term in concept.terms)


def concept_weight(knowledge: KnowledgeBase, concept: Concept) -> float:
    """How much finding this concept says a passage answers: specific words count, and so do
    words few passages share. "North Korea" is in nearly every passage here, so finding it proves
    little; it still counts for some, because an article about the talks must mention it."""
    rarity = knowledge.passage_frequencies.idf(concept.key) / knowledge.passage_frequencies.idf("\0unseen")
    return concept.specificity * (UBIQUITY_FLOOR + (1 - UBIQUITY_FLOOR) * min(1.0, rarity))


def concept_credits(knowledge: KnowledgeBase, query: Query, present: frozenset[str]) -> tuple[ConceptCredit, ...]:
    """Each concept of the question with its weight and how much of it `present` holds."""
    credits = []
    for concept in query.concepts:
        in_articles = said_in_articles(knowledge, concept)
        if concept_found(concept, present):
            credit, synonym = 1.0, None
        else:
            credit, synonym = _synonym_credit(knowledge, concept, present)
        group = knowledge.aliases.labels.get(concept.group_term) if concept.group_term else None
        credits.append(ConceptCredit(concept, group, concept_weight(knowledge, concept), credit, synonym, in_articles))
    return tuple(credits)


def credits_in_text(knowledge: KnowledgeBase, query: Query, text: str) -> tuple[ConceptCredit, ...]:
    """Each concept of the question and how much of it a text holds, its words read as a passage's
    are indexed (their terms and alias groups): a curated event's title, a follow-up's quotes."""
    return concept_credits(knowledge, query, frozenset(index_terms(text, knowledge.aliases)))


def weighted_coverage(credits: tuple[ConceptCredit, ...]) -> float:
    """Share of the question's concepts, weighed by how specific each is, that was found."""
    total = sum(c.weight for c in credits)
    return sum(c.weight * c.credit for c in credits) / total if total else 0.0


def _synonym_credit(knowledge: KnowledgeBase, concept: Concept, present: frozenset[str]) -> tuple[float, str | None]:
    """How much a synonym in `present` stands for the concept, and which synonym. A synonym far
    commoner in the articles than the question's word ("deal" for "handled") is found nearly
    everywhere, so finding it proves little. A question word the articles lack counts as rare as
    one passage's word, so a synonym that one passage has stands for it in full."""
    frequencies = knowledge.passage_frequencies
    rarity = min(frequencies.idf(concept.key), frequencies.single_document_idf)
    found = [(SYNONYM_CREDIT * min(1.0, frequencies.idf(synonym) / rarity), synonym) for synonym in concept.synonyms if synonym in present]
    return max(found, default=(0.0, None))
