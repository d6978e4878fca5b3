"""Reads the unanswered-questions log and folds near-duplicates, most frequent first.

Two questions are one when they ask with the same words after normalising (case, punctuation,
stop words, stemming, and, with the knowledge at hand, the typos the answerer corrects), when
their words overlap almost entirely, or when only everyday words tell them apart: "what's a good
recipe for kimchi" is "recipe for kimchi", but "did Kim die" is not "did Kim marry".
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from bot.jsonl import read_records, utc_time
from bot.knowledge.base import KnowledgeBase
from bot.render.shorten import shorten
from bot.search.english import is_english_word, specificity
from bot.search.name_case import writes_names_capitalised
from bot.search.normalise import fold, is_stop_word, stem, without_accents, words
from bot.search.query import question_terms, words_in_no_article
from bot.search.unknown_name import names_asked_about
from bot.timeline.asked_time import times_asked

logger = logging.getLogger(__name__)

# "why did the hanoi summit fail" and "why did the hanoi summit fail so badly" are one gap;
# 0.75 keeps a four-word question apart from a different four-word one sharing three words.
FOLD_SIMILARITY = 0.75
# Words this unspecific ("good", "new", "ever") never make two questions different ones.
EVERYDAY_SPECIFICITY = 0.3


# The longest wording a report line shows of a question (the rest is cut at a word, with an ellipsis).
REPORT_QUESTION_CHARS = 120


@dataclass(frozen=True, slots=True)
class Entry:
    time: dt.datetime
    frontend: str
    question: str
    best_score: float
    follows: str | None = None  # the earlier question a follow-up was read with


class Asked(Protocol):
    """A logged question: what folding needs (the unanswered, asked and feedback logs all have it)."""

    @property
    def time(self) -> dt.datetime: ...
    @property
    def frontend(self) -> str: ...
    @property
    def question(self) -> str: ...
    @property
    def follows(self) -> str | None: ...


E = TypeVar("E", bound=Asked)


@dataclass
class Group(Generic[E]):
    """Questions asking the same thing; `example` is the most recent wording."""

    words: Mapping[str, float]  # term -> how specific the word was (bot.search.english)
    entries: list[E] = field(default_factory=list)
    # A follow-up's earlier question, read the same way: "and why?" after two different questions
    # asks two different things, so it is a row each (empty for a question asked on its own).
    follows_words: Mapping[str, float] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def last_asked(self) -> dt.datetime:
        return max(entry.time for entry in self.entries)

    @property
    def example(self) -> str:
        latest = max(self.entries, key=lambda entry: entry.time).question
        return usual_shapes(self.entries)[_wording(latest)]

    @property
    def example_follows(self) -> str | None:
        """The earlier question the latest wording was read with, when it was a follow-up."""
        return max(self.entries, key=lambda entry: entry.time).follows

    def example_line(self) -> str:
        """The latest wording as a report shows it: a follow-up with the question it was read with,
        each cut to REPORT_QUESTION_CHARS (a pasted 1,200-character question ran over many terminal
        lines; --json keeps it whole)."""
        follows = self.example_follows
        example = shorten(self.example, REPORT_QUESTION_CHARS)
        return example if follows is None else f"{example}  (follows: {shorten(follows, REPORT_QUESTION_CHARS)})"

    @property
    def wordings(self) -> list[str]:
        """Each wording asked once, case and white space aside, as readers write it (usual_shapes)."""
        return sorted(usual_shapes(self.entries).values())

    @property
    def frontends(self) -> list[str]:
        return sorted({entry.frontend for entry in self.entries})

    def report_line(self) -> str:
        """The group's row in the unanswered and feedback reports: how often, when last, the wording."""
        return f"{self.count:>4}  last {utc_minute(self.last_asked)} UTC  {self.example_line()}"

    def as_dict(self) -> dict[str, object]:
        return {
            "count": self.count,
            "last_asked": self.last_asked.isoformat(timespec="seconds"),
            "example": self.example,
            "questions": self.wordings,
            "frontends": self.frontends,
            "follows": self.example_follows,
        }


def utc_minute(time: dt.datetime) -> str:
    """A time as the reports show it: to the minute, in UTC."""
    return time.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")


def _wording(question: str) -> str:
    """What tells two wordings of a question apart: not their case nor their runs of white space."""
    return " ".join(question.casefold().split())


def shouted(text: str) -> bool:
    """Written in capitals only ("WHY DID THE SUMMIT FAIL"): its case says nothing of which words are names."""
    return text.upper() == text != text.lower()


def usual_shapes(entries: Iterable[Asked]) -> dict[str, str]:
    """Each wording asked (case and white space aside, "WHY DID …" is "why did …"), in the shape it
    was last asked in, not in capitals only when anyone asked it otherwise: a maintainer reads one
    question once, as readers write it."""
    shapes: dict[str, tuple[tuple[bool, dt.datetime], str]] = {}
    for entry in entries:
        rank = (not shouted(entry.question), entry.time)
        key = _wording(entry.question)
        if key not in shapes or rank > shapes[key][0]:
            shapes[key] = (rank, entry.question)
    return {key: question for key, (_, question) in shapes.items()}


def unanswered_dict(group: Group[Entry]) -> dict[str, object]:
    return {**group.as_dict(), "best_score": max(entry.best_score for entry in group.entries)}


@dataclass(frozen=True)
class Report:
    groups: list[Group[Entry]]
    skipped_lines: int
    # Words the questions asked with that no article uses, with how many questions used each,
    # most used first: what an alias group in knowledge/aliases.yaml could bridge.
    absent_words: list[tuple[str, int]] = field(default_factory=list)
    # Questions most of whose words neither the articles nor English use: one row, not their words.
    other_language: list[str] = field(default_factory=list)


def read_entries(path: Path) -> tuple[list[Entry], int]:
    """The log's entries and how many lines could not be read (a torn write, a hand edit)."""
    return read_records(path, _parse)


def _parse(data: dict[str, Any]) -> Entry | None:
    try:
        follows = str(data["follows"]) if data.get("follows") else None
        return Entry(utc_time(data["time"]), str(data.get("frontend", "?")), str(data["question"]), float(data.get("best_score", 0.0)), follows)
    except (ValueError, KeyError, TypeError):
        return None


def question_words(question: str, knowledge: KnowledgeBase | None = None) -> dict[str, float]:
    """What a question asks: its index terms (typos corrected when the knowledge is known), each
    with how specific its word is; its folded words when all are stop words."""
    if knowledge is not None:
        stems, surfaces, _ = question_terms(knowledge, question)
    else:
        surfaces = [word for word in words(question) if not is_stop_word(word)]
        stems = [stem(word) for word in surfaces]
    weights: dict[str, float] = {}
    for term, word in zip(stems, surfaces):
        weights[term] = max(weights.get(term, 0.0), specificity(word))
    return weights or dict.fromkeys(fold(question).split(), 1.0)


def same_question(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Nearly the same words, or the same words but for everyday ones."""
    union, shared = a.keys() | b.keys(), a.keys() & b.keys()
    if not union or len(shared) / len(union) >= FOLD_SIMILARITY:
        return True
    differing = [a.get(term, b.get(term, 0.0)) for term in union - shared]
    return bool(shared) and all(weight <= EVERYDAY_SPECIFICITY for weight in differing)


def _same_earlier(a: Group[E], b: Group[E]) -> bool:
    """Both asked on their own, or both following the same earlier question."""
    if not a.follows_words or not b.follows_words:
        return not a.follows_words and not b.follows_words
    return same_question(a.follows_words, b.follows_words)


def fold_questions(entries: Iterable[E], knowledge: KnowledgeBase | None = None) -> list[Group[E]]:
    """Groups, most frequent first (then most recent); identical word sets first, then near ones."""
    exact: dict[tuple[frozenset[str], frozenset[str]], Group[E]] = {}
    for entry in entries:
        weights = question_words(entry.question, knowledge)
        follows = question_words(entry.follows, knowledge) if entry.follows else {}
        exact.setdefault((frozenset(weights), frozenset(follows)), Group(weights, follows_words=follows)).entries.append(entry)
    folded: list[Group[E]] = []
    # Bigger groups absorb smaller ones, so a rare wording joins the common one, not the reverse.
    for group in sorted(exact.values(), key=lambda g: (-g.count, -g.last_asked.timestamp())):
        home = next((kept for kept in folded if same_question(kept.words, group.words) and _same_earlier(kept, group)), None)
        if home is None:
            folded.append(group)
        else:
            home.entries.extend(group.entries)
    folded.sort(key=lambda g: (-g.count, -g.last_asked.timestamp()))
    return folded


def since(entries: Iterable[E], day: dt.date | None) -> Iterator[E]:
    for entry in entries:
        if day is None or entry.time.astimezone(dt.timezone.utc).date() >= day:
            yield entry


def absent_from_articles(knowledge: KnowledgeBase, question: str) -> list[str]:
    """The question's words no article uses, read with accents taken off first, so "Hanói" is
    "Hanoi" and found in the articles rather than read as "han" and "i". The words of a time the
    question names ("March 2019") are left out: the time gate and the timeline read those as
    dates, no alias can bridge one, and the articles' own dates are in their front matter."""
    text = without_accents(question)
    time_words = {word.casefold() for asked in times_asked(text) for word in asked.said.split()}
    return [phrase for phrase in words_in_no_article(knowledge, text) if not all(word.casefold() in time_words for word in phrase.split())]


def in_another_language(knowledge: KnowledgeBase, question: str) -> bool:
    """Most of the question's words (small ones included) are in no article, and most of those
    are not English words either: "¿Por qué fracasó la cumbre de Hanói?". Listing its words one by
    one ("de", "la", "Por") would bury the words an alias could bridge; "recipe for kimchi", all
    English, still is listed word by word."""
    every = words(without_accents(question))
    absent = [word for phrase in absent_from_articles(knowledge, question) for word in phrase.split()]
    foreign = [word for word in absent if not is_english_word(word)]
    return len(absent) * 2 > len(every) and len(foreign) * 2 >= len(absent)


def count_absent_words(knowledge: KnowledgeBase, entries: Iterable[Entry]) -> list[tuple[str, int]]:
    """Each word no article uses, as readers typed it (its most common form), with the number of
    questions that used it, most first. Questions in another language are left out (their own row)."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for entry in entries:
        if in_another_language(knowledge, entry.question):
            continue
        typed = set(typed_phrases(entry.question, absent_from_articles(knowledge, entry.question)))
        for form in typed:
            forms.setdefault(_word_key(form), Counter())[form] += 1
        counts.update({_word_key(form) for form in typed})
    # A reader's capitals ("KIMCHI") are shown only when no one typed the word otherwise.
    shown = {key: max(forms[key].items(), key=lambda item: (not shouted(item[0]), item[1]))[0] for key in counts}
    return sorted(((shown[key], count) for key, count in counts.items()), key=lambda item: (-item[1], item[0].casefold()))


def _word_key(form: str) -> str:
    """One row for a word's forms and capitals ("fire", "FIRED", "fired"): an alias added for one
    serves them all, since the articles' words are matched by stem."""
    return " ".join(stem(word) for word in form.casefold().split())


# A word as a reader types it, in any script: letters and digits, with apostrophes or hyphens
# inside ("Qu'a", "Jae-in").
_TYPED_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def typed_phrases(question: str, absent: list[str]) -> list[str]:
    """The words of the question that the absent words (or phrases) were read from, as typed; side
    by side in one name, they are one name. Reading folds a word to ASCII letters and splits it at
    a hyphen, so "négociations" is read as "n" and "gociations", "Gespräche" as "gespr" and "Moon
    Jae-in" as "moon" and "jae": a maintainer should see what the reader wrote, a name whole."""
    read_from = {part for phrase in absent for part in phrase.split()}
    name_of = _name_reader(question)
    phrases: list[list[str]] = []
    name_before: int | None = None  # which name the word before was in, when it was absent
    for typed in _TYPED_WORD.finditer(question):
        word = typed.group()
        absent_word = bool(read_from & set(words(without_accents(word))))
        name = name_of(typed.start(), word) if absent_word else None
        if name is not None and name == name_before:
            phrases[-1].append(word)
        elif absent_word:
            phrases.append([word])
        name_before = name
    return list(dict.fromkeys(" ".join(phrase) for phrase in phrases))


def _name_reader(question: str) -> Callable[[int, str], int | None]:
    """Which name a word of the question (at its offset) is part of, or None. Where the question
    capitalises words inside it, not all, they are names ("Moon Jae-in"), each run one name.
    Written all in one case ("WHO IS JOHN SMITH", "what did mary jones say") or with every word
    capitalised ("What Is A Good Kimchi Recipe?") its case tells nothing, and joining every run
    of absent words made one name of "KIMCHI RECIPE": there the names are those of the people a
    who-is or who-said question asks about (bot.search.unknown_name)."""
    if writes_names_capitalised(question):
        return lambda start, word: 0 if word[0].isupper() else None
    spans = []
    for name in names_asked_about(question):
        start = question.find(name)
        if start >= 0:
            spans.append((start, start + len(name)))
    return lambda start, word: next((index for index, (first, end) in enumerate(spans) if first <= start < end), None)


def build_report(path: Path, day: dt.date | None = None, knowledge: KnowledgeBase | None = None) -> Report:
    """`knowledge`: the articles now served, to name the words in the questions that none uses."""
    entries, skipped = read_entries(path)
    kept = list(since(entries, day))
    absent = count_absent_words(knowledge, kept) if knowledge is not None else []
    other = sorted(usual_shapes(e for e in kept if in_another_language(knowledge, e.question)).values()) if knowledge is not None else []
    return Report(fold_questions(kept, knowledge), skipped, absent, other)
