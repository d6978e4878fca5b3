"""Corrects a misspelt question word to the one index word it can only have meant.

A symmetric-delete lookup (as in SymSpell): every word of the vocabulary is stored under the
strings made by deleting one or two of its letters, so a lookup is a few dictionary hits, not a
scan. A correction is made only when one word is nearest, or the nearest are forms of one word
("negotiatons": "negotiations" and "negotiators", one index term): a guess between two words would
quote the wrong thing.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable

from bot.search.english import is_english_word
from bot.search.normalise import stem

MIN_LENGTH_FOR_ONE_EDIT = 5
MIN_LENGTH_FOR_TWO_EDITS = 9


def allowed_edits(word: str) -> int:
    if len(word) >= MIN_LENGTH_FOR_TWO_EDITS:
        return 2
    return 1 if len(word) >= MIN_LENGTH_FOR_ONE_EDIT else 0


def _deletes(word: str, edits: int) -> set[str]:
    """The word and every string made by deleting up to `edits` of its letters. Deleting two
    letters is deleting one from each one-letter deletion: slicing, not a join per combination,
    because building the index runs this for every word of every article (about 10 times faster)."""
    variants = {word}
    frontier = {word}
    for _ in range(edits):
        frontier = {variant[:i] + variant[i + 1 :] for variant in frontier for i in range(len(variant))}
        variants |= frontier
    return variants


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]


class SpellingIndex:
    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocabulary = frozenset(vocabulary)
        self._longest = max((len(word) for word in self._vocabulary), default=0)
        by_delete: defaultdict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            for variant in _deletes(word, allowed_edits(word)):  # distinct: a word is listed once per variant
                by_delete[variant].append(word)
        # A plain dict, only ever read: answering threads share it, and a defaultdict would grow on a
        # read. Tuples, not sets: most variants come from one word, and at 3,000 articles the index
        # holds over half a million of them (a set of one word is 216 bytes, a tuple 48).
        self._by_delete: dict[str, tuple[str, ...]] = {variant: tuple(listed) for variant, listed in by_delete.items()}

    @classmethod
    def from_deletions(cls, vocabulary: frozenset[str], by_delete: dict[str, tuple[str, ...]]) -> SpellingIndex:
        """The index of `vocabulary` from its deletions (`deletions` of an index of it: kept on disk
        by bot.knowledge.spelling_cache, where reading them back is a quarter of making them)."""
        index = cls(())
        index._vocabulary = vocabulary
        index._longest = max((len(word) for word in vocabulary), default=0)
        index._by_delete = by_delete
        return index

    def deletions(self) -> dict[str, tuple[str, ...]]:
        """Each deletion string -> the vocabulary words it comes from (read only: answers share it)."""
        return self._by_delete

    def for_vocabulary(self, vocabulary: frozenset[str]) -> SpellingIndex:
        """The index of another vocabulary, made from this one by adding and removing the words that
        differ (a reload after one article changed: a few words of a hundred thousand). This index
        is left as it is: answers may still be reading it, so a changed entry is a new tuple, and the
        entries that did not change are shared by both."""
        added, removed = vocabulary - self._vocabulary, self._vocabulary - vocabulary
        if len(added) + len(removed) > len(vocabulary) // 2:
            return SpellingIndex(vocabulary)  # mostly new: building afresh is no slower
        by_delete = dict(self._by_delete)
        index = SpellingIndex.from_deletions(vocabulary, by_delete)
        for word in removed:
            for variant in _deletes(word, allowed_edits(word)):
                if left := tuple(listed for listed in by_delete[variant] if listed != word):
                    by_delete[variant] = left
                else:
                    del by_delete[variant]
        for word in added:
            for variant in _deletes(word, allowed_edits(word)):
                by_delete[variant] = (*by_delete.get(variant, ()), word)
        return index

    def __contains__(self, word: str) -> bool:
        return word in self._vocabulary

    def correct(self, word: str) -> str | None:
        """The single nearest vocabulary word, or None when there is none or it is ambiguous."""
        return one_word(self.nearest(word))

    def nearest(self, word: str) -> list[str]:
        """The vocabulary words nearest the word within the edits it allows, best first; empty when
        none is near (a tie of two different words is not "none": bot.search.query guesses no
        further then)."""
        edits = allowed_edits(word)
        # A word longer than any vocabulary word by more than the edits allowed has no candidate;
        # checking first also keeps a 2,000-letter "word" from building millions of deletions.
        if edits == 0 or word in self._vocabulary or word.isdigit() or len(word) > self._longest + edits:
            return []
        # The word meant decides how many slips it may have suffered, not what they left: two
        # letters dropped from a long word ("tilersn" for "tillerson") leave a shorter one.
        reach = 2 if len(word) + 2 >= MIN_LENGTH_FOR_TWO_EDITS else edits
        candidates: set[str] = set()
        for variant in _deletes(word, reach):
            candidates.update(self._by_delete.get(variant, ()))
        scored = sorted((edit_distance(word, c), c) for c in candidates if abs(len(c) - len(word)) <= reach)
        scored = [(distance, c) for distance, c in scored if distance <= min(reach, allowed_edits(c))]
        if not scored:
            return []
        best = scored[0][0]
        return [c for distance, c in scored if distance == best]


def one_word(candidates: list[str]) -> str | None:
    """The first candidate when all are forms of one word ("negotiations", "negotiators"), else None."""
    return candidates[0] if candidates and len({stem(c) for c in candidates}) == 1 else None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion of a letter away (about 54n + 25)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deleted = {a + b[1:] for a, b in splits if b}
    transposed = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaced = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserted = {a + c + b for a, b in splits for c in _LETTERS}
    return deleted | transposed | replaced | inserted


# No English word is longer: a longer "word" is junk, and its one-edit strings (54n + 25) cost time.
LONGEST_ENGLISH_WORD = 30


def english_correction(word: str, used: Callable[[str], bool], in_articles: Callable[[str], bool]) -> str | None:
    """The English word one edit from a misspelt word whose index term the articles use (`used`),
    when all such words are forms of one: "replced" is "replaced" where an article says "replace"
    (the articles' own spelling index has no form of it one edit away, and "replied" is no word of
    theirs). Read only after that index found nothing near (not after a tie). A word of the articles
    one edit away (`in_articles`), a swap of two letters included, which that index counts as two,
    comes first and is never passed over for an English word: "beigun" is the articles' "biegun",
    never "begun". A few hundred set lookups."""
    if not MIN_LENGTH_FOR_ONE_EDIT <= len(word) <= LONGEST_ENGLISH_WORD or not word.isalpha():
        return None
    near = _one_edit(word) - {word}
    own = sorted(c for c in near if in_articles(c))
    if own:
        return one_word(own)
    return one_word(sorted(c for c in near if is_english_word(c) and used(stem(c))))


class RememberedSpelling:
    """Each build's spelling index, made from the last build's (SpellingIndex.for_vocabulary)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: SpellingIndex | None = None

    def index(self, vocabulary: frozenset[str], make: Callable[[frozenset[str]], SpellingIndex] = SpellingIndex) -> SpellingIndex:
        """The index of `vocabulary`: the last build's changed by the words that differ, or, at the
        first build, `make`'s (bot.knowledge.spelling_cache reads one kept on disk)."""
        with self._lock:
            last = self._last
        index = last.for_vocabulary(vocabulary) if last is not None else make(vocabulary)
        with self._lock:
            self._last = index
        return index


REMEMBERED_SPELLING = RememberedSpelling()
