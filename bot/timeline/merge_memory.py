"""What the last merge decided, and how close each decision came to going the other way, so that a
reload merges again only the mentions whose decision could have moved (bot.timeline.merge).

Why the last merge's decisions cannot simply be kept: a mention's words are weighed by their IDF
over every sentence, and an edit that adds or drops a sentence moves every word's weight, so any
comparison of a share with its threshold may flip. But it moves them by a known amount. A share is
A / B, the mention's words shared with a source over all its words; if the weights of its words
move by at most D in all (the sum of each word's move), the share moves by at most 2D / (B − D)
(|(A + a)/(B + b) − A/B| = |aB − Ab| / (B(B + b)) with |a|, |b| ≤ D and A ≤ B). Each merge
records, for each mention, the least distance of any weighed comparison from its edge (its
*margin*): a share against LEAST_OVERLAP and against the share its source's date asks, the best
score against the next best (halved: both move), and the share of the words left out of the
index's look-up (merge._deciding_words) against AGREEING_OVERLAP, which is what keeps every draft
not looked at from matching. When the margin is larger than the bound, every comparison falls the
same way under the new weights, so the mention joins the same event — provided the events it was
compared with are as they were then.

That is the other half: a draft (an event being built) is *unchanged* while it has taken exactly
the sources it took in the last merge, in the same order. A mention of the last merge that is
gone, or is not the very object now (its article changed, or the rules that find mentions),
marks the draft it joined changed from the start; a mention weighed again that decides
differently marks both the draft it left and the one it joined. A mention is taken as decided
before only if it is the very mention decided, none of the drafts it was compared with is
changed, and no changed draft could now be compared with it (its dates reach the mention's and it shares two words with it, or it is a
curated event, which may quote it). Everything else is weighed as a first build weighs it. A draft
never changed ends with the sources it had, so its event is the last merge's very object.

Nothing here is kept from the knowledge base but the articles (the served ones) and each word's
weight, so a memory from any earlier build is safe to use: every check is against its own record.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.knowledge.remembered import LastBuild

if TYPE_CHECKING:
    from bot.knowledge.models import Article
    from bot.timeline.models import TimelineEvent

# Float slack on the bound: shares are an exactly rounded sum divided once, so they are within a few
# units in the last place (about 1e-16) of the real share; this is far above that and far below any margin that matters.
SLACK = 1e-9


class DraftId:
    """A draft's identity across merges, made when a merge first makes the draft and handed on to
    the next: compared and hashed as an object (a mention's decisions are checked by the hundred
    thousand, and a key tuple is hashed again at each look-up). `key`: ("curated", its position),
    or the key of the mention that began it."""

    __slots__ = ("key",)

    def __init__(self, key: Hashable) -> None:
        self.key = key

    def __repr__(self) -> str:
        return f"DraftId({self.key!r})"


@dataclass(frozen=True)
class Decided:
    """One mention's decision in a merge: the mention, the draft it joined (or began), the drafts it
    was compared with, its margin (module docstring) and its words' total weight then."""

    mention: object  # the very mention weighed (an unchanged article's are the last build's objects)
    joined: DraftId
    compared: tuple[DraftId, ...]
    margin: float
    total: float


@dataclass(frozen=True)
class MergeRecord:
    """A whole merge: what it was given that the decisions depend on besides the mentions and
    weights, each mention's decision by its key, each word's weight, and each draft's event."""

    context: Hashable  # the alias table's phrases: a mention's words depend on them
    curated: tuple[TimelineEvent, ...]
    curated_ids: tuple[DraftId, ...]
    articles: Mapping[str, Article]
    decided: Mapping[Hashable, Decided]
    weights: Mapping[str, float]
    events: Mapping[DraftId, TimelineEvent]
    replayed: int = 0  # mentions that took their last decision again, unweighed (tests, measurements)


# The last merge's record for one role (events or plans): a record from another thread's build
# only costs reuse, never a wrong event.
MergeMemory = LastBuild[MergeRecord]


@dataclass
class Replay:
    """The state of one merge replaying the last: which drafts are changed, and each word's weight now."""

    last: MergeRecord
    articles: Mapping[str, Article]
    weight: Callable[[str], float]
    changed: set[DraftId] = field(default_factory=set)
    weights: dict[str, float] = field(default_factory=dict)  # this merge's, for the next
    moves: dict[str, float] = field(default_factory=dict)  # each word's weight now less its last, in absolute value
    replayed: int = 0  # mentions taken as decided before

    @staticmethod
    def of(last: MergeRecord | None, context: Hashable, curated: Sequence[TimelineEvent], articles: Mapping[str, Article], weight: Callable[[str], float]) -> Replay | None:
        """A replay of `last`, or None when it cannot be one (other aliases or curated events)."""
        if last is None or last.context != context or last.curated != tuple(curated):
            return None
        return Replay(last, articles, weight)

    def same_article(self, article_id: str) -> bool:
        return self.articles.get(article_id) is self.last.articles.get(article_id)

    def last_of(self, key: Hashable, mention: object) -> Decided | None:
        """The last merge's decision for this very mention (the same object, of the same article
        object), if it made one."""
        decided = self.last.decided.get(key)
        return decided if decided is not None and decided.mention is mention else None

    def mark_left(self, now: Mapping[Hashable, object]) -> None:
        """Every draft a mention of the last merge joined that this merge will not replay (it is
        gone, or another mention object stands under its key: its article or the rules changed)
        is changed from the start. `now`: this merge's mentions by key."""
        for key, decided in self.last.decided.items():
            if now.get(key) is not decided.mention:
                self.changed.add(decided.joined)

    def still_decided(self, decided: Decided, words: frozenset[str]) -> Decided | None:
        """A mention's last decision with its margin and total moved to the weights now, when no
        change of weight can have moved it; None when it must be weighed again. (Whether a changed
        draft could now meet it is the caller's check: it holds the drafts.)"""
        if decided.joined in self.changed or not self.changed.isdisjoint(decided.compared):
            return None
        moves = self.moves
        if not moves.keys() >= words:
            old = self.last.weights
            if not old.keys() >= words:
                return None  # not weighed then (cannot happen for a mention of the last merge; kept safe)
            for word in [word for word in words if word not in moves]:  # (words - moves.keys() walks every key)
                now = self.weights[word] = self.weight(word)
                moves[word] = abs(now - old[word])
        moved = math.fsum(map(moves.__getitem__, words))
        if not moved:
            return decided
        room = decided.total - moved  # the total now is at least this
        if room <= 0 or 2 * moved / room + SLACK >= decided.margin:
            return None
        return Decided(decided.mention, decided.joined, decided.compared, decided.margin - 2 * moved / room - SLACK, room)
