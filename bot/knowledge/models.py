"""The shapes of what maintainers write in `knowledge/`, validated at the edge with pydantic."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ARTICLE_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"


class ArticleMeta(BaseModel):
    """The YAML front matter of one article file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Stable id, lower case, used in quotes and timeline entries.")
    title: str = Field(min_length=1, max_length=300)
    publisher: str = Field(min_length=1, max_length=200)
    published: dt.date
    author: str | None = None
    url: HttpUrl | None = None
    kind: Literal["news", "analysis", "opinion"] = "news"
    standfirst: str | None = None
    source_file: str | None = Field(default=None, description="The file the article was imported from, if any.")

    @field_validator("id")
    @classmethod
    def _id_is_a_plain_name(cls, value: str) -> str:
        # Said in words: pydantic's own message shows the regular expression.
        if not re.fullmatch(ARTICLE_ID_PATTERN, value):  # fullmatch: "$" alone lets "id\n" through
            raise ValueError(f"{value!r} is not an id: use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
        return value

    @field_validator("title", "publisher", "author", "standfirst")
    @classmethod
    def _no_surrounding_space(cls, value: str | None) -> str | None:
        if value is not None and value != value.strip():
            raise ValueError("must not start or end with white space")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _published_is_a_plain_date(cls, value: object) -> object:
        # pydantic alone would take "2019-02-28T00:00" or a number of seconds; a file says a day.
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, bool):  # YAML reads yes, no, on, off, true and false as a boolean
            raise ValueError("must be a date written YYYY-MM-DD, not a yes or no")
        if not (isinstance(value, str) and ISO_DATE.match(value.strip())):
            raise ValueError(f"must be a date written YYYY-MM-DD, not {value!r}")
        return value.strip()


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its metadata and its cleaned body, the text every quote is a slice of."""

    meta: ArticleMeta
    body: str
    path: Path

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of an article body."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph-aware chunk of one article, with its sentences, all as offsets into the body."""

    article_id: str
    index: int
    start: int
    end: int
    sentences: tuple[Span, ...] = field(default_factory=tuple)
    # A subhead ("Failing to prepare is preparing to fail"): indexed, but never quoted on its own.
    heading: bool = False


# The fields a problem names when it is about the file, not an entry or a value in it.
WHOLE_FILE_FIELDS = frozenset({"(file)", "(top level)", "front matter"})


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the knowledge folder, named by file and field."""

    file: str
    field: str
    message: str
    line: int | None = None  # the file line where the entry starts, when the file has entries
    # Set for a problem that stops its whole file (yaml_text.whole_file_left_out): nothing else in
    # the file is read while it stands, so its other problems are neither there nor fixed.
    stops_its_file: bool = False

    @property
    def reads_nothing_of_its_file(self) -> bool:
        """Whether the file could not be read as what it is at all (undecodable, unparsable, empty,
        not a mapping), so that no field of it was checked."""
        return self.stops_its_file or self.field in WHOLE_FILE_FIELDS

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        return f"{where}: {shown_field(self.field)}: {self.message}"


# One step of a field path: "events[8].quotes[0].text" is events, [8], quotes, [0], text.
# One step of a problem's field path: "events[8].quotes[0].text" is events, 8, quotes, 0, text.
FIELD_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _one_of(plural: str) -> str:
    """A list's name said of one entry: "quotes" -> "quote", "entries" -> "entry"."""
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


def shown_field(field: str) -> str:
    """A field path as a maintainer counts the entries of a list, from 1 and by name:
    "events[8].quotes[0].text" -> "event 9, quote 1, text"; "groups[2][1]" -> "group 3, item 2";
    "same_outlets[2]" -> "same_outlets item 3".
    The path itself counts from 0 (it indexes the parsed file); people reading the file do not."""
    parts: list[str] = []
    for name, index in FIELD_STEP.findall(field):
        if not index:
            parts.append(name)
        elif parts and parts[-1] and not parts[-1][-1].isdigit() and "_" not in parts[-1]:
            # "events" then 8: "event 9", the list's name said of one entry ("quotes" -> "quote").
            key = parts.pop()
            parts.append(f"{_one_of(key)} {int(index) + 1}")
        elif parts and parts[-1] and not parts[-1][-1].isdigit():
            # A compound key ("same_outlets", "example_questions") is what the maintainer types in
            # the file: kept whole, since "same_outlet 3" names no field anyone can find.
            parts.append(f"{parts.pop()} item {int(index) + 1}")
        else:
            parts.append(f"item {int(index) + 1}")  # an entry of an entry ("groups[2][1]")
    return ", ".join(parts) if parts else field
