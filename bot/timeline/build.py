"""Builds the timeline of a knowledge base: curated entries, dated mentions in every article, merged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.knowledge.articles import left_out_ids
from bot.knowledge.collection import collector_paused
from bot.knowledge.models import Problem
from bot.timeline import remembered
from bot.timeline.curated import load_curated
from bot.timeline.grammar import Role
from bot.timeline.merge import merge
from bot.timeline.merge_memory import MergeMemory
from bot.timeline.models import TimelineEvent

if TYPE_CHECKING:  # base.py calls us at the end of its build, so only the type is needed here
    from bot.knowledge.base import KnowledgeBase

# Each role's last merge, so that a reload weighs again only the mentions its change can have moved.
LAST_MERGES = {Role.EVENT: MergeMemory(), Role.ANNOUNCED: MergeMemory()}


def forget_merges() -> None:
    """No merge remembered: the next merges weigh every mention (benches time the whole merge with it)."""
    for role in LAST_MERGES:
        LAST_MERGES[role] = MergeMemory()


def build_timeline(knowledge: KnowledgeBase, cache_folder: Path | None = None) -> tuple[tuple[TimelineEvent, ...], list[Problem]]:
    """The events, oldest first, then the announced ones (plans not yet carried out when
    reported), oldest first, and the problems of timeline.yaml (bad entries are left out).
    Each article's mentions are kept in the article cache in `cache_folder` when one is given.
    The cycle collector is paused as for the knowledge base's build (bot.knowledge.collection):
    at 3,000 articles it walked the heap for cycles that are not there for a tenth of the build's time."""
    with collector_paused():
        return _build_timeline(knowledge, cache_folder)


def _build_timeline(knowledge: KnowledgeBase, cache_folder: Path | None) -> tuple[tuple[TimelineEvent, ...], list[Problem]]:
    left_out = left_out_ids(knowledge.folder, knowledge.problems, knowledge.articles)
    curated, problems = load_curated(knowledge.folder, knowledge.articles, left_out)
    mentions = remembered.find_all_mentions(knowledge, cache_folder)
    concepts = remembered.concepts_of([m for m in mentions if m.role is not Role.STATE], knowledge.aliases)
    context = frozenset(knowledge.aliases.phrases.items())  # what the mentions' words were read with

    def merged(role: Role, curated: list[TimelineEvent]) -> tuple[TimelineEvent, ...]:
        chosen = [m for m in mentions if m.role is role]
        return merge(curated, chosen, knowledge.articles, concepts, knowledge.sentence_frequencies.idf, LAST_MERGES[role], context)

    # Plans are merged among themselves: a plan is not the event that later carried it out.
    announced = tuple(replace(event, announced=True) for event in merged(Role.ANNOUNCED, []))
    return (*merged(Role.EVENT, curated), *announced), problems
