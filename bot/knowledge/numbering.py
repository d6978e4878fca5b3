"""Which article each passage and sentence belongs to, as arrays of article numbers, and each
article's sentences.

The rankers keep only some articles' sentences ("what does Vox say", each outlet asked in turn)
and the answer stage lifts a named source's: with an array of article numbers that is one
comparison over all of them, not a Python step per sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class ArticleNumbering:
    numbers: Mapping[str, int]  # article id -> its number
    of_passage: npt.NDArray[np.int32]  # each passage's article number
    of_sentence: npt.NDArray[np.int32]  # each sentence's article number

    @classmethod
    def of(cls, passage_articles: Sequence[str], sentence_counts: Sequence[int]) -> ArticleNumbering:
        """From each passage's article id and number of sentences (the sentences are the passages' in order)."""
        numbers: dict[str, int] = {}
        of_passage = np.fromiter((numbers.setdefault(a, len(numbers)) for a in passage_articles), dtype=np.int32, count=len(passage_articles))
        of_sentence = np.repeat(of_passage, np.asarray(sentence_counts, dtype=np.int64))
        for array in (of_passage, of_sentence):
            array.setflags(write=False)  # shared by answering threads
        return cls(numbers, of_passage, of_sentence)

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """Each article number's id: `numbers` was filled in the order of the numbers (of)."""
        return tuple(self.numbers)

    def chosen(self, article_ids: Iterable[str]) -> npt.NDArray[np.bool_]:
        """True at the numbers of these articles (ids it does not know are left out): index it
        with of_passage or of_sentence."""
        chosen = np.zeros(len(self.numbers), dtype=bool)
        chosen[[self.numbers[i] for i in article_ids if i in self.numbers]] = True
        return chosen


def sentences_by_article(passage_articles: Sequence[str], sentence_passages: Iterable[int]) -> Mapping[str, tuple[int, ...]]:
    """Article id -> the positions of its sentences, in order, from each passage's article id and
    each sentence's passage."""
    grouped: dict[str, list[int]] = {}
    for position, passage in enumerate(sentence_passages):
        grouped.setdefault(passage_articles[passage], []).append(position)
    return MappingProxyType({article_id: tuple(positions) for article_id, positions in grouped.items()})
