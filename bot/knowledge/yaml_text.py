"""Safe YAML for knowledge files: dates stay text until pydantic checks them, and a file that
cannot be read becomes one problem naming it, never an exception.

PyYAML turns `2019-02-28` into a date itself and raises a bare ValueError on `2019-13-45`; left
as a string, the date is validated by the model, whose error names the field.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from bot.knowledge.encoding import utf8_text
from bot.knowledge.errors import not_a_known_field
from bot.knowledge.models import FIELD_STEP, Problem


class _KeyGivenTwice(yaml.constructor.ConstructorError):
    """A mapping's key given again at `problem_mark`, first given at `context_mark`."""

    def __init__(self, key: str, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__("while constructing a mapping", first, f"'{key}' is given twice in one mapping", again)
        self.key = key


class _KeysOnce:
    """A mapping that gives a key twice is refused, as YAML 1.2 says it must be: PyYAML keeps the
    last value silently, so a second `date:` typed under an event moved it to another year with no
    word to the maintainer. Written here, not taken from a library: ruamel.yaml refuses duplicates,
    but replacing the parser would change every message and line the problems quote."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        first_given: dict[tuple[str, str], yaml.Mark] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = (key_node.tag, key_node.value)
            if key in first_given:
                raise _KeyGivenTwice(key_node.value, first_given[key], key_node.start_mark)
            first_given[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class _TextDatesLoader(_KeysOnce, yaml.SafeLoader):
    pass


# libyaml's parser, where PyYAML was built with it: every article's front matter is parsed at each
# start and reload, and the pure-Python parser took about a third of reading 3,000 articles.
_FastTextDatesLoader: type[yaml.SafeLoader] | None = (
    type("_FastTextDatesLoader", (_KeysOnce, yaml.CSafeLoader), {}) if getattr(yaml, "__with_libyaml__", False) else None
)

for _loader in (_TextDatesLoader, _FastTextDatesLoader):
    if _loader is not None:
        _loader.yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }


def load_yaml(text: str) -> object:
    """Parse YAML safely, leaving timestamps as strings. Raises yaml.YAMLError.

    Text libyaml refuses is parsed again by the pure-Python parser, so the error (and its line,
    column and wording, which problems quote) is always the same whichever parser PyYAML has."""
    if _FastTextDatesLoader is not None:
        try:
            return yaml.load(text, Loader=_FastTextDatesLoader)  # noqa: S506 - a CSafeLoader subclass
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=_TextDatesLoader)  # noqa: S506 - a SafeLoader subclass


def read_yaml_file(path: Path) -> tuple[object, list[Problem]]:
    """The parsed file (None when there is no file), or None and the one problem that stops it."""
    if not path.exists() and not path.is_symlink():
        return None, []
    name = str(path)
    try:
        text, not_text = utf8_text(name, path.read_bytes())
        return (None, not_text) if text is None else (load_yaml(text), [])
    except yaml.YAMLError as error:
        return None, [Problem(name, "(file)", yaml_problem(error))]
    except OSError as error:
        # A folder, a broken link, no permission, or removed while we read: say so, keep serving.
        return None, [Problem(name, "(file)", f"cannot be read: {error.strerror or error}")]


def yaml_problem(error: yaml.YAMLError, first_line: int = 1) -> str:
    """PyYAML's message spans several lines with a picture of the text; a problem is one line:
    "is not valid YAML: line 4, column 1: …". `first_line`: the file line the YAML text starts on."""
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses, such as a control code
        return f"is not valid YAML: character {error.position + 1}: {error.reason} (#x{error.character:04x})"
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).split("\n")[0]
    context = getattr(error, "context", None) or ""
    context_mark = getattr(error, "context_mark", None)
    if isinstance(error, _KeyGivenTwice):
        problem = f"{problem} (first on line {error.context_mark.line + first_line})"
    elif context.startswith("while scanning") and context_mark is not None:
        # An unclosed quote is found only at the end of the text: the value starts where it opened.
        mark, problem = context_mark, f"{problem} in {context.removeprefix('while scanning ')} that starts here"
    elif context.startswith("while parsing") and context_mark is not None and mark is not None and context_mark.line != mark.line:
        # An unclosed "[" is found where the next entry or the file's end is: say where it opened too.
        what = context.removeprefix("while parsing ").removeprefix("a ").removeprefix("an ")
        problem = f"{problem} (in the {what} that starts on line {context_mark.line + first_line}, column {context_mark.column + 1})"
    where = f"line {mark.line + first_line}, column {mark.column + 1}: " if mark is not None else ""
    return f"is not valid YAML: {where}{problem}"


# Said of a problem that stops a whole file: the other problems cost one entry each, and a maintainer
# who reads "line 93: expected ','" after one typo would not guess that every alias group is off.
FILE_LEFT_OUT = "nothing in this file is used until it is fixed"


def whole_file_left_out(problems: list[Problem], consequence: str) -> list[Problem]:
    """The problems that stop a whole file, each saying what that costs."""
    return [replace(problem, message=f"{problem.message}; {consequence}", stops_its_file=True) for problem in problems]


def read_yaml_list(path: Path, key: str) -> tuple[list[object], list[Problem]]:
    """The entries of a file that is one key holding a list (`events:`, `groups:`), each still to be
    validated on its own so that one bad entry costs only itself; or [] and the problem that stops
    the whole file. No file means no entries."""
    data, problems = read_yaml_file(path)
    if data is None:
        return [], whole_file_left_out(problems, FILE_LEFT_OUT)
    if not isinstance(data, dict):
        return [], whole_file_left_out([Problem(str(path), "(top level)", f"must be a mapping with one key, {key}: a list")], FILE_LEFT_OUT)
    # "grups:" for "groups:" is told the key it is close to, as a misspelt field of a model is.
    problems = [Problem(str(path), str(other), not_a_known_field(str(other), [key])) for other in data if other != key]
    entries = data.get(key)
    if entries is None:
        return [], problems  # "groups:" with nothing under it: no entries yet
    if not isinstance(entries, list):
        return [], [*problems, *whole_file_left_out([Problem(str(path), key, "must be a list")], FILE_LEFT_OUT)]
    return entries, problems



def _composed(path: Path) -> yaml.Node | None:
    """The file's node tree (each node knows its line), or None when it cannot be read that far."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def entry_lines(path: Path, key: str) -> list[int]:
    """The file line (from 1) each entry of the list under `key` starts on, in order, so a problem
    with entry 9 can name where to look; [] when the file cannot be read that far."""
    root = _composed(path)
    if not isinstance(root, yaml.MappingNode):
        return []
    for name, value in root.value:
        if name.value == key and isinstance(value, yaml.SequenceNode):
            return [entry.start_mark.line + 1 for entry in value.value]
    return []


def entry_at(noun: str, number: int, lines: list[int]) -> str:
    """Entry `number` (from 0) named in a problem about another entry, as the maintainer finds it:
    by its file line ("the group at line 12"), or by its place counted from 1 when the file's lines
    could not be read."""
    return f"the {noun} at line {lines[number]}" if number < len(lines) else f"{noun} {number + 1} of the file"


def field_line(root: yaml.Node | None, field: str) -> int | None:
    """The file line (from 1) of the deepest part of a problem's field path the file holds: the
    quote's own `text:` line for "events[8].quotes[0].text", its entry's when the field is missing."""
    node, line = root, None
    for name, index in FIELD_STEP.findall(field):
        if isinstance(node, yaml.SequenceNode) and index and int(index) < len(node.value):
            node = node.value[int(index)]
            line = node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode) and name:
            found = next(((key, value) for key, value in node.value if key.value == name), None)
            if found is None:
                break
            node, line = found[1], found[0].start_mark.line + 1
        else:
            break
    return line


def at_field_lines(path: Path, problems: list[Problem]) -> list[Problem]:
    """Each problem of a file that is one mapping of fields (bot.yaml) with the file line of its
    field, as deep as the file holds it (`example_questions[2]`: that question's own line)."""
    if not problems:
        return []
    root = _composed(path)
    return [replace(problem, line=field_line(root, problem.field) or problem.line) for problem in problems]


def at_entry_lines(path: Path, key: str, numbered: list[tuple[int, Problem]]) -> list[Problem]:
    """Each problem of entry N (from 0) with the file line of its field (`events[8].quotes[0].text`),
    as deep as the file holds it, else the line that entry starts on."""
    if not numbered:
        return []
    root, lines = _composed(path), entry_lines(path, key)
    placed = []
    for number, problem in numbered:
        line = field_line(root, problem.field) if problem.field.startswith(f"{key}[") else None
        placed.append(replace(problem, line=line or (lines[number] if number < len(lines) else None)))
    return placed

