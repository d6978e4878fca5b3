"""Names that mean the same thing (the DPRK, Pyongyang ~ North Korea), matched as phrases of terms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from bot.search.normalise import terms

GROUP_MARK = "≈"  # cannot come out of the tokenizer, so a group term never collides with a word


@dataclass(frozen=True, slots=True)
class AliasMatch:
    start: int
    length: int
    group_term: str


@dataclass(frozen=True)
class AliasTable:
    """Maps each alias phrase (as index terms) to the term standing for its whole group."""

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 0
    labels: dict[str, str] = field(default_factory=dict)  # group term -> its first name, as written
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group term -> every name, as written, in order

    @classmethod
    def from_groups(cls, groups: Sequence[Sequence[str]]) -> AliasTable:
        phrases: dict[tuple[str, ...], str] = {}
        labels: dict[str, str] = {}
        names: dict[str, tuple[str, ...]] = {}
        for group in groups:
            if any(tuple(terms(name)) in phrases for name in group):
                continue  # already grouped: the first group to name a phrase keeps it
            group_terms = [tuple(terms(name)) for name in group]
            group_term = GROUP_MARK + "_".join(next((t for t in group_terms if t), ("empty",)))
            labels[group_term] = next((name for name, t in zip(group, group_terms) if t), group_term)
            names[group_term] = tuple(name for name, t in zip(group, group_terms) if t)
            for phrase in group_terms:
                if phrase:
                    phrases[phrase] = group_term
        return cls(phrases=phrases, longest=max((len(p) for p in phrases), default=0), labels=labels, names=names)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every term that is part of some alias phrase (made on first use, then kept: every
        question's every word is looked up in it, and making it walked every phrase each time)."""
        return frozenset(term for phrase in self.phrases for term in phrase)

    def group_of(self, name: str) -> str | None:
        return self.phrases.get(tuple(terms(name)))

    @cached_property
    def first_terms(self) -> frozenset[str]:
        """The terms some phrase starts with: every other position of a text is skipped at once."""
        return frozenset(phrase[0] for phrase in self.phrases)

    def matches(self, sequence: Sequence[str]) -> list[AliasMatch]:
        """Every alias phrase found in the terms, overlapping ones included."""
        found: list[AliasMatch] = []
        first_terms = self.first_terms
        if first_terms.isdisjoint(sequence):  # most texts: no phrase can start anywhere (one test in C)
            return found
        for start, term in enumerate(sequence):
            if term not in first_terms:
                continue
            for length in range(1, min(self.longest, len(sequence) - start) + 1):
                group_term = self.phrases.get(tuple(sequence[start : start + length]))
                if group_term is not None:
                    found.append(AliasMatch(start, length, group_term))
        return found

    def longest_matches(self, sequence: Sequence[str]) -> list[AliasMatch]:
        """Non-overlapping matches covering as many of the terms as possible, in as few phrases as
        possible, ties going to the longest phrase that starts first. "North Korean leader" is one
        name, not two; "Chairman Kim Jong Un" is Kim Jong Un, not "Chairman Kim" and two stray
        words; "Washington Post op-ed" is the Post and an op-ed, not Washington and a "Post op-ed"."""
        starting: dict[int, list[AliasMatch]] = {}
        for match in self.matches(sequence):
            starting.setdefault(match.start, []).append(match)
        if not starting:
            return []  # nothing to choose: the walk below would choose nothing, term by term
        # best[i]: (terms covered, -phrases used, chosen matches) for the terms from position i on.
        best: list[tuple[int, int, tuple[AliasMatch, ...]]] = [(0, 0, ())] * (len(sequence) + 1)
        for position in range(len(sequence) - 1, -1, -1):
            options = []
            for match in sorted(starting.get(position, []), key=lambda m: -m.length):
                covered, phrases, chosen = best[position + match.length]
                options.append((covered + match.length, phrases - 1, (match, *chosen)))
            options.append(best[position + 1])  # no phrase starting here
            # max() keeps the first of equals: a phrase here beats one further on, a longer one a shorter one.
            best[position] = max(options, key=lambda option: option[:2])
        return list(best[0][2])

    def concepts(self, sequence: Sequence[str]) -> list[str]:
        """Each alias phrase replaced by its group term, other terms kept: one entry per concept, so
        "relations" and its group never count as two things shared."""
        matches = self.longest_matches(sequence)
        covered = {p for m in matches for p in range(m.start, m.start + m.length)}
        return [term for i, term in enumerate(sequence) if i not in covered] + [m.group_term for m in matches]

    def expand(self, sequence: Sequence[str]) -> list[str]:
        """The terms plus one group term for every alias phrase found in them (for indexing)."""
        return [*sequence, *(match.group_term for match in self.matches(sequence))]
