"""`knowledge/aliases.yaml`: groups of names that mean the same thing, validated like the articles.

A bad group is reported and left out; the other groups still serve.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import StrictStr, TypeAdapter, ValidationError

from bot.knowledge.errors import problems_from_validation
from bot.knowledge.models import Problem
from bot.knowledge.yaml_text import at_entry_lines, read_yaml_list
from bot.search.english import specificity
from bot.search.normalise import is_stop_word, terms, words

ALIASES_FILE = "aliases.yaml"


# One group: a list of names, each a string. Checked group by group, so a bad one costs only itself.
_GROUP = TypeAdapter(list[StrictStr])


# A several-word name that shrinks to one everyday word ("set off" -> "set") would match that word
# everywhere; a rare word left alone ("hashing out" -> "hash") is fine.
MIN_LONE_WORD_SPECIFICITY = 0.5


def _group_problem(group: list[str], seen: dict[tuple[str, ...], int], number: int) -> str | None:
    if len(group) < 2:
        return f"{group!r} needs at least two names"
    for name in group:
        phrase = tuple(terms(name))
        if not phrase:
            return f"{name!r} is only stop words, so it can never match"
        left = [word for word in words(name) if not is_stop_word(word)]
        if len(words(name)) > 1 and len(left) == 1 and specificity(left[0]) < MIN_LONE_WORD_SPECIFICITY:
            return f"{name!r} is just {left[0]!r} once small words are ignored, so it would match every {left[0]!r}"
        if seen.get(phrase, number) != number:
            return f"{name!r} is already in group {seen[phrase]}"
    return None


def load_aliases(folder: Path) -> tuple[list[list[str]], list[Problem]]:
    """The good alias groups, and one problem per bad group or for an unusable file."""
    path = folder / ALIASES_FILE
    entries, problems = read_yaml_list(path, "groups")
    good: list[list[str]] = []
    seen: dict[tuple[str, ...], int] = {}
    numbered: list[tuple[int, Problem]] = []  # each group's problems, to be given its file line
    for number, raw in enumerate(entries):
        try:
            group = _GROUP.validate_python(raw)
        except ValidationError as error:
            numbered.extend((number, problem) for problem in problems_from_validation(str(path), error, prefix=f"groups[{number}]"))
            continue
        problem = _group_problem(group, seen, number)
        if problem is not None:
            numbered.append((number, Problem(str(path), f"groups[{number}]", problem)))
            continue
        seen.update((tuple(terms(name)), number) for name in group)
        good.append(group)
    return good, [*problems, *at_entry_lines(path, "groups", numbered)]
