"""ReadAsNeeded: the items of an iterator, taken only as far as read, and otherwise a plain sequence.

The answer's search for the kind of answer a question wants ("how many …": a number before the
counted word) reads ranked sentences through it, so that only those the answer reads are read.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.read_as_needed import ReadAsNeeded


def _counted(items: list[int], taken: list[int]) -> Iterator[int]:
    for item in items:
        taken.append(item)
        yield item


def test_items_are_taken_only_as_far_as_read() -> None:
    taken: list[int] = []
    sequence = ReadAsNeeded(_counted([5, 6, 7, 8], taken))
    assert sequence and taken == [5]
    assert sequence[0] == 5 and sequence[1] == 6 and taken == [5, 6]
    for item in sequence:
        if item == 7:
            break
    assert taken == [5, 6, 7]


def test_it_reads_as_the_list_of_its_items() -> None:
    items = [3, 1, 4, 1, 5]
    sequence = ReadAsNeeded(iter(items))
    assert list(sequence) == items and len(sequence) == 5
    assert sequence[-1] == 5 and sequence[1:3] == [1, 4] and sequence.index(4) == 2
    assert list(sequence) == items  # read again: the same items, none lost


def test_an_empty_source_is_false_and_empty() -> None:
    sequence: ReadAsNeeded[int] = ReadAsNeeded(iter([]))
    assert not sequence and len(sequence) == 0 and list(sequence) == []
