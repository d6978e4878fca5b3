"""Precision and recall of the quotations found against a hand-made list (a YAML file of
`quotations: [{article, speaker, text}]`), for the tests and `bench/said_accuracy.py`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.quotations.find import Quotation
from bot.quotations.names import name_key
from bot.search.aliases import AliasTable


@dataclass(frozen=True, slots=True)
class Marked:
    article: str
    speaker: str
    text: str
    role: str | None = None  # marked on a speaker's first quotation in an article


@dataclass(frozen=True)
class Accuracy:
    found: int
    expected: int
    right: int
    missed: tuple[Marked, ...]
    wrong: tuple[Marked, ...]  # found but not marked: a speaker mistaken, or words no one said
    misattributed: tuple[Marked, ...]  # the marked words, given to someone else

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def read_marked(path: Path) -> list[Marked]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Marked(item["article"], item["speaker"], item["text"], item.get("role")) for item in data["quotations"]]


# Punctuation at a quotation's ends is the writer's house style, not the speaker's words: American
# style puts the comma of '"We will see," he said' inside the marks, and a marker may copy it or not.
_END_PUNCTUATION = " \t\n,.;:!?\"'\u201c\u201d\u2018\u2019\u2026"


def _words_of(text: str) -> str:
    return text.strip(_END_PUNCTUATION)


def measure(found: Iterable[Quotation], expected: Sequence[Marked], aliases: AliasTable) -> Accuracy:
    """`aliases`: the folder's alias groups, whose names are one person, as /said lists them: a
    speaker the article writes "Trump" is right where the marker wrote "Donald Trump"."""

    def key(item: Marked) -> tuple[str, str, str]:
        return item.article, aliases.group_of(item.speaker) or name_key(item.speaker), _words_of(item.text)

    found_marks = [Marked(q.quote.article.id, q.speaker, q.text) for q in found]
    expected_keys = {key(m) for m in expected}
    found_keys = {key(m) for m in found_marks}
    said_by_someone = {(m.article, _words_of(m.text)) for m in expected}
    wrong = tuple(m for m in found_marks if key(m) not in expected_keys)
    return Accuracy(
        found=len(found_marks),
        expected=len(expected),
        right=len(expected_keys & found_keys),
        missed=tuple(m for m in expected if key(m) not in found_keys),
        wrong=wrong,
        misattributed=tuple(m for m in wrong if (m.article, _words_of(m.text)) in said_by_someone),
    )
