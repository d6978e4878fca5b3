"""`knowledge/aliases.yaml`: groups of names that mean the same thing, validated like the articles.

A bad group is reported and left out; the other groups still serve. When two groups claim one
name, the group the running bot already served keeps it: an edit that adds a clashing group is
the one left out, and changes nothing, wherever in the file it was put. With nothing served yet
(start-up, `check`) the earlier group in the file keeps it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import StrictStr, TypeAdapter, ValidationError

from bot.knowledge.errors import problems_from_validation
from bot.knowledge.models import Problem
from bot.knowledge.yaml_text import at_entry_lines, entry_at, entry_lines, read_yaml_list
from bot.search.english import specificity
from bot.search.normalise import is_stop_word, terms, words

ALIASES_FILE = "aliases.yaml"


# One group: a list of names, each a string. Checked group by group, so a bad one costs only itself.
_GROUP = TypeAdapter(list[StrictStr])


# A several-word name that shrinks to one everyday word ("set off" -> "set") would match that word
# everywhere; a rare word left alone ("hashing out" -> "hash") is fine.
MIN_LONE_WORD_SPECIFICITY = 0.5


def _group_problem(group: list[str], seen: dict[tuple[str, ...], int], number: int, served: frozenset[int], lines: Callable[[], list[int]]) -> str | None:
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
            keeper = seen[phrase]
            kept_because = ", which the bot already serves" if keeper in served and number not in served else ""
            return f"{name!r} is already in {entry_at('group', keeper, lines())}{kept_because}"
    return None


def _left_out(problem: Problem) -> Problem:
    """A group's problem said with its consequence: a maintainer reading only "item 2: should be
    text" or one clashing name could think just that name is dropped, while none of the group's
    names match until the group is fixed."""
    return dataclasses.replace(problem, message=f"{problem.message}; this whole group is left out")


def _key(group: list[str]) -> frozenset[tuple[str, ...]]:
    """A group as the phrases it matches: the same group however its names are spelt or ordered."""
    return frozenset(tuple(terms(name)) for name in group)


def load_aliases(folder: Path, served: Sequence[Sequence[str]] = ()) -> tuple[list[list[str]], list[Problem]]:
    """The good alias groups, and one problem per bad group or for an unusable file. `served`: the
    groups the running bot serves now (a reload), which keep their names against a clashing group."""
    path = folder / ALIASES_FILE
    entries, problems = read_yaml_list(path, "groups")
    lines = functools.cache(lambda: entry_lines(path, "groups"))  # read again only to name a clash
    numbered: list[tuple[int, Problem]] = []  # each group's problems, to be given its file line
    valid: dict[int, list[str]] = {}
    for number, raw in enumerate(entries):
        try:
            valid[number] = _GROUP.validate_python(raw)
        except ValidationError as error:
            if isinstance(raw, str):  # "- Hanoi summit": pydantic would say "Input should be a valid list"
                numbered.append((number, _left_out(Problem(str(path), f"groups[{number}]", f"{raw!r} is one name, not a group: write the names that mean the same thing as a list, [{raw}, another name]"))))
                continue
            numbered.extend((number, _left_out(problem)) for problem in problems_from_validation(str(path), error, prefix=f"groups[{number}]"))
    served_keys = {_key(list(group)) for group in served}
    was_served = frozenset(number for number, group in valid.items() if _key(group) in served_keys)
    seen: dict[tuple[str, ...], int] = {}
    good: set[int] = set()
    # The served groups claim their names first, then the rest in file order.
    for number in sorted(valid, key=lambda n: (n not in was_served, n)):
        group = valid[number]
        problem = _group_problem(group, seen, number, was_served, lines)
        if problem is not None:
            numbered.append((number, _left_out(Problem(str(path), f"groups[{number}]", problem))))
            continue
        seen.update((tuple(terms(name)), number) for name in group)
        good.add(number)
    numbered.sort(key=lambda item: item[0])
    return [valid[number] for number in sorted(good)], [*problems, *at_entry_lines(path, "groups", numbered)]
