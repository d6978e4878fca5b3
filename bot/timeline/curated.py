"""`knowledge/timeline.yaml`: events maintainers write by hand, each backed by exact quotes.

Every entry is validated on its own, so one bad entry is one problem naming it
(`knowledge/timeline.yaml: events[3].quotes[0].text: is not in article 'vox-…'`) and the
other entries still load.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from bot.knowledge.errors import problems_from_validation
from bot.knowledge.models import Article, Problem
from bot.knowledge.yaml_text import at_entry_lines, entry_at, entry_lines, read_yaml_list
from bot.quotes import Quote
from bot.render.shorten import shorten
from bot.search.normalise import plain_marks
from bot.timeline.models import EventDate, TimelineEvent

TIMELINE_FILE = "timeline.yaml"
class CuratedQuote(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    article: str = Field(min_length=1, description="The id of the article quoted.")
    text: str = Field(min_length=1, description="Exact text of the article, copied character for character.")


class CuratedEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD: only as precise as is known.")
    approximate: bool = False
    title: str = Field(min_length=1, max_length=120)
    quotes: list[CuratedQuote] = Field(min_length=1)

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        # YAML reads an unquoted 1994 as a number (dates stay text: bot.knowledge.yaml_text).
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("date")
    @classmethod
    def _date_is_valid(cls, value: str) -> str:
        EventDate.parse(value)
        return value


def load_curated(folder: Path, articles: Mapping[str, Article], left_out: frozenset[str] = frozenset()) -> tuple[list[TimelineEvent], list[Problem]]:
    """The good entries of timeline.yaml, and one problem per bad one. No file means no curated events.
    `left_out`: the ids of article files left out for a problem of their own, which an entry citing
    them is told (not that the id is unknown: the maintainer can see the file is there)."""
    path = folder / TIMELINE_FILE
    file = str(path)
    entries, problems = read_yaml_list(path, "events")
    lines = functools.cache(lambda: entry_lines(path, "events"))  # read again only to name a repeat
    events: list[TimelineEvent] = []
    seen: dict[tuple[object, ...], int] = {}  # an entry's date and quotes -> its number
    numbered: list[tuple[int, Problem]] = []  # each entry's problems, to be given its file line
    for number, raw in enumerate(entries):
        event, entry_problems = _load_entry(file, f"events[{number}]", raw, articles, left_out)
        numbered.extend((number, problem) for problem in entry_problems)
        if event is None:
            continue
        key = (event.date.iso(), *((q.article.id, q.start, q.end) for q in event.quotes))
        if key in seen:  # a pasted twice entry would show the same event twice
            numbered.append((number, Problem(file, f"events[{number}]", f"repeats {entry_at('entry', seen[key], lines())}: same date and quotes")))
            continue
        seen[key] = number
        events.append(event)
    return events, [*problems, *at_entry_lines(path, "events", numbered)]


def _not_found(quoted: CuratedQuote, article: Article) -> str:
    """Why a quote is not in its article; most often it was retyped, with straight quotation
    marks or apostrophes where the article has curly ones, and saying so saves a hunt."""
    if plain_marks(quoted.text) in plain_marks(article.body):
        return f"is not in article {quoted.article!r} as written: its quotation marks, apostrophes, dashes or spaces differ (copy it from the article file)"
    closest = _closest_sentence(quoted.text, article.body)
    if closest is not None:
        # An edited or misremembered quote: the sentence it most likely was saves reading the article.
        return f"is not in article {quoted.article!r} (copy it exactly); the closest sentence there: {shorten(closest, CLOSEST_SHOWN_CHARS)!r}"
    return f"is not in article {quoted.article!r} (copy it exactly)"


# The likeness (difflib's ratio) from which a sentence of the article is offered as the one a quote
# meant: an edited quote keeps most of its letters; under it the sentence would be a guess.
CLOSEST_LIKENESS = 0.6
CLOSEST_SHOWN_CHARS = 160
_SENTENCE_END = re.compile(r"(?<=[.!?…”\"])\s+|\n+")


def _closest_sentence(text: str, body: str) -> str | None:
    """The article's sentence most like the quote (split at sentence ends and line breaks), if any
    is like enough; only a maintainer's check pays for reading them all."""
    sentences = [sentence.strip() for sentence in _SENTENCE_END.split(body) if sentence.strip()]
    found = difflib.get_close_matches(text.strip(), sentences, n=1, cutoff=CLOSEST_LIKENESS)
    return found[0] if found else None


# An entry's quotes on their own, to check them when the rest of the entry is broken.
_QUOTES = TypeAdapter(list[CuratedQuote])


def _load_entry(
    file: str, name: str, raw: object, articles: Mapping[str, Article], left_out: frozenset[str]
) -> tuple[TimelineEvent | None, list[Problem]]:
    try:
        entry = CuratedEntry.model_validate(raw)
    except ValidationError as error:
        problems = problems_from_validation(file, error, prefix=name, model=CuratedEntry)
        # Its quotes too, when they are well formed: one `check` names every problem of the entry
        # (a bad date must not hide a misquote until the date is fixed).
        if isinstance(raw, dict) and not any(p.field.startswith(f"{name}.quotes") for p in problems):
            try:
                problems += _find_quotes(file, name, _QUOTES.validate_python(raw.get("quotes", [])), articles, left_out)[1]
            except ValidationError:
                pass  # not well formed after all: the entry's own problems stand
        return None, problems
    quotes, problems = _find_quotes(file, name, entry.quotes, articles, left_out)
    if problems:
        return None, problems  # a half-backed entry would show a claim without all its sources
    return TimelineEvent(EventDate.parse(entry.date), entry.approximate, entry.title, tuple(quotes), curated=True), []


def _find_quotes(
    file: str, name: str, quoted: list[CuratedQuote], articles: Mapping[str, Article], left_out: frozenset[str]
) -> tuple[list[Quote], list[Problem]]:
    """Each quote found in its article, and a problem for each that is not."""
    quotes: list[Quote] = []
    problems: list[Problem] = []
    for position, one in enumerate(quoted):
        field = f"{name}.quotes[{position}]"
        article = articles.get(one.article)
        if article is None and one.article in left_out:
            problems.append(Problem(file, f"{field}.article", f"{one.article!r} is left out for a problem in its own file; fix that and this entry returns"))
            continue
        if article is None:
            problems.append(Problem(file, f"{field}.article", f"is not a known article id: {one.article!r}"))
            continue
        start = article.body.find(one.text)
        if start < 0:
            problems.append(Problem(file, f"{field}.text", _not_found(one, article)))
            continue
        quotes.append(Quote(article, start, start + len(one.text)))
    return quotes, problems
