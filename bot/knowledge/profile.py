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

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError

from bot.knowledge.errors import problems_from_validation
from bot.knowledge.models import Problem
from bot.knowledge.yaml_text import at_field_lines, entry_at, entry_lines, read_yaml_file, whole_file_left_out

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
    # Read group by group (_outlet_groups), so that a bad group costs only itself.
    same_outlets: tuple[OutletNames, ...] = ()


# A broken bot.yaml changes what /help and the greeting say: tell the maintainer it did.
_DEFAULTS_SERVE = "every field takes its default (the bot's name, topic, examples, outlets) until it is fixed"


def load_profile(folder: Path) -> tuple[BotProfile, list[Problem]]:
    """The folder's bot.yaml (defaults for a missing file or field), and one problem per bad field
    or outlet group, each with the file line of what it names."""
    path = folder / BOT_FILE
    data, problems = read_yaml_file(path)
    if data is None:
        return BotProfile(), whole_file_left_out(problems, _DEFAULTS_SERVE)
    if not isinstance(data, dict):
        top_level = Problem(str(path), "(top level)", "must be a mapping of fields (name, topic, example_questions, …)")
        return BotProfile(), whole_file_left_out([top_level], _DEFAULTS_SERVE)
    groups, group_problems = _outlet_groups(path, data.get(_SAME_OUTLETS))
    fields = {name: value for name, value in data.items() if name != _SAME_OUTLETS}
    try:
        profile = BotProfile.model_validate(fields)
    except ValidationError as error:
        problems.extend(problems_from_validation(str(path), error, model=BotProfile))
        profile = _without_bad_values(fields, error)
    return profile.model_copy(update={_SAME_OUTLETS: groups}), at_field_lines(path, [*problems, *group_problems])


_SAME_OUTLETS = "same_outlets"
_GROUP = TypeAdapter(OutletNames)


def _outlet_groups(path: Path, given: object) -> tuple[tuple[tuple[str, ...], ...], list[Problem]]:
    """The good groups of `same_outlets`, and one problem per bad one: a group is checked on its
    own, so a bad group (one name, a number) never hides another's problem, and a group naming an
    outlet an earlier group already names is left out (the earlier one serves), as aliases.yaml's are."""
    file = str(path)
    if given is None:
        return (), []
    if not isinstance(given, list):
        return (), [Problem(file, _SAME_OUTLETS, "must be a list of groups, each a list of names: [[Associated Press, AP News]]")]
    groups: list[tuple[str, ...]] = []
    problems: list[Problem] = []
    group_of: dict[str, int] = {}  # each name (folded) a good group gives -> that group's number
    for number, raw in enumerate(given):
        field = f"{_SAME_OUTLETS}[{number}]"
        try:
            names = _GROUP.validate_python(raw)
        except ValidationError as error:
            problems.extend(problems_from_validation(file, error, prefix=field))
            continue
        problem = _named_twice(names, group_of, path)
        if problem is not None:
            problems.append(Problem(file, field, problem))
            continue
        group_of.update((name.casefold(), number) for name in names)
        groups.append(names)
    return tuple(groups), problems


def _named_twice(names: tuple[str, ...], group_of: dict[str, int], path: Path) -> str | None:
    """Why a group cannot serve when one of its names is another group's (named by its line, as
    aliases.yaml's keeper is), or twice in it: one publisher would be two outlets' at once."""
    seen: set[str] = set()
    for name in names:
        if name.casefold() in group_of:
            keeper = entry_at("group", group_of[name.casefold()], entry_lines(path, _SAME_OUTLETS))
            return f"“{name}” is already in {keeper}: an outlet's names stand in one group only"
        if name.casefold() in seen:
            return f"“{name}” is twice in this group"
        seen.add(name.casefold())
    return None


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
