"""`knowledge/bot.yaml`: what the bot is about, so the same code serves another story.

Everything the bot says about its subject (the topic in /help and the greeting, the example
questions, the heading of a published timeline) and the few word lists that belong to the story
rather than to English come from here. Validated like the other knowledge files: a bad field is
reported as `file: field: problem` and falls back to its default; the other fields still serve.
With no bot.yaml the bot describes itself in general terms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from bot.knowledge.errors import problems_from_validation
from bot.knowledge.models import Problem
from bot.knowledge.yaml_text import at_field_lines, read_yaml_file

BOT_FILE = "bot.yaml"

Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
Word = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, to_lower=True, pattern=r"^[^\W\d_]+$")]


def _two_names_at_least(names: tuple[str, ...]) -> tuple[str, ...]:
    # Said plainly: pydantic's own length message ("Tuple should have at least 2 items after
    # validation") reads as library output to a maintainer.
    if len(names) < 2:
        raise ValueError("a group lists the outlet's name, then at least one other name its articles give as their publisher")
    return names


# One outlet's names: the one the bot uses, then the others its articles give as their publisher.
OutletNames = Annotated[tuple[Text, ...], AfterValidator(_two_names_at_least)]


class BotProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # The story as a heading: the title of an exported timeline.
    name: Text = "Events in the articles"
    # The story as it reads in a sentence: "I answer questions about {topic} …".
    topic: Text = "the stories my articles tell"
    # Shown in /help under "For example"; questions the articles answer well.
    example_questions: tuple[Text, ...] = ()
    # Names in the help's tip ("name the people, places and events (…)").
    example_names: tuple[Text, ...] = ()
    # Words that make a capitalised pair in the articles a place, a body or a nickname rather than a
    # person's name ("Iberian Peninsula", "Middle Kingdom"), beyond the general English ones the
    # code knows ("University", "Committee"): a "who" question is not answered by them.
    not_person_words: frozenset[Word] = Field(default_factory=frozenset)
    # Publishers that are one outlet under several spellings ("AP News" and "Associated Press"):
    # each group's articles are that outlet's, named by its first name, in /compare, /sources and
    # questions naming an outlet. Declared, never guessed: two names alike may be two outlets.
    same_outlets: tuple[OutletNames, ...] = ()

    @field_validator("same_outlets")
    @classmethod
    def _each_name_in_one_group(cls, groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        seen: set[str] = set()
        for group in groups:
            for name in group:
                if name.casefold() in seen:
                    raise ValueError(f"“{name}” is in two groups (or twice in one): an outlet's names stand in one group only")
                seen.add(name.casefold())
        return groups


def load_profile(folder: Path) -> tuple[BotProfile, list[Problem]]:
    """The folder's bot.yaml (defaults for a missing file or field), and one problem per bad field."""
    path = folder / BOT_FILE
    data, problems = read_yaml_file(path)
    if data is None:
        return BotProfile(), problems
    if not isinstance(data, dict):
        return BotProfile(), [Problem(str(path), "(top level)", "must be a mapping of fields (name, topic, example_questions, …)")]
    try:
        return BotProfile.model_validate(data), problems
    except ValidationError as error:
        problems.extend(at_field_lines(path, problems_from_validation(str(path), error, model=BotProfile)))
        return _without_bad_values(data, error), problems


def _without_bad_values(data: dict[str, object], error: ValidationError) -> BotProfile:
    """The profile from the file's good values: a bad item of a list (a number among the example
    questions) is left out alone, the rest of its list kept; any other bad field takes its default."""
    bad_items: dict[str, set[int]] = {}
    bad_fields: set[str] = set()
    for detail in error.errors():
        loc = detail["loc"]
        if not loc:
            continue
        field = str(loc[0])
        if len(loc) == 2 and isinstance(loc[1], int) and isinstance(data.get(field), list):
            bad_items.setdefault(field, set()).add(loc[1])
        else:
            bad_fields.add(field)
    good: dict[str, object] = {}
    for field, value in data.items():
        if field in bad_fields:
            continue
        if field in bad_items and isinstance(value, list):
            value = [item for index, item in enumerate(value) if index not in bad_items[field]]
        good[field] = value
    try:
        return BotProfile.model_validate(good)
    except ValidationError:  # a value bad in a way its items do not show: every field named goes
        named = bad_fields | bad_items.keys()
        return BotProfile.model_validate({field: value for field, value in data.items() if field not in named})
