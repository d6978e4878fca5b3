"""Builds the timeline of a knowledge base: curated entries, dated mentions in every article, merged."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.knowledge.models import Problem, Span
from bot.search.normalise import terms
from bot.timeline.curated import load_curated
from bot.timeline.found import TRIGGER_TERMS, Mention, find_mentions
from bot.timeline.grammar import Role
from bot.timeline.merge import merge
from bot.timeline.models import TimelineEvent

if TYPE_CHECKING:  # base.py calls us at the end of its build, so only the type is needed here
    from bot.knowledge.base import KnowledgeBase


def build_timeline(knowledge: KnowledgeBase) -> tuple[tuple[TimelineEvent, ...], list[Problem]]:
    """The events, oldest first, then the announced ones (plans not yet carried out when
    reported), oldest first, and the problems of timeline.yaml (bad entries are left out)."""
    curated, problems = load_curated(knowledge.folder, knowledge.articles)
    mentions = find_all_mentions(knowledge)

    def term_set(text: str) -> frozenset[str]:
        return frozenset(knowledge.aliases.concepts(terms(text)))

    def merged(role: Role, curated: list[TimelineEvent]) -> tuple[TimelineEvent, ...]:
        chosen = [m for m in mentions if m.role is role]
        return merge(curated, chosen, knowledge.articles, term_set, knowledge.sentence_frequencies.idf)

    # Plans are merged among themselves: a plan is not the event that later carried it out.
    announced = tuple(replace(event, announced=True) for event in merged(Role.ANNOUNCED, []))
    return (*merged(Role.EVENT, curated), *announced), problems


def find_all_mentions(knowledge: KnowledgeBase) -> list[Mention]:
    """Every dated mention of every article, events, plans and states alike."""
    sentences: dict[str, list[Span]] = defaultdict(list)
    may_hold_dates: dict[str, list[bool]] = defaultdict(list)
    passages, sentence_terms = knowledge.passages, knowledge.sentence_terms
    for position, sentence in enumerate(knowledge.sentences):
        article_id = passages[sentence.passage].article_id
        sentences[article_id].append(sentence.span)
        # The sentence's index terms, already made, say cheaply whether it can hold a date at all.
        may_hold_dates[article_id].append(not TRIGGER_TERMS.isdisjoint(sentence_terms[position]))
    mentions: list[Mention] = []
    for article in knowledge.articles.values():
        mentions.extend(find_mentions(article.id, article.body, article.meta.published, sentences[article.id], may_hold_dates[article.id]))
    return mentions
