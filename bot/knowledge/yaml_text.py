"""Safe YAML for knowledge files: dates stay text until pydantic checks them.

PyYAML turns `2019-02-28` into a date itself and raises a bare ValueError on `2019-13-45`; left
as a string, the date is validated by the model, whose error names the field.
"""

from __future__ import annotations

import yaml


class _TextDatesLoader(yaml.SafeLoader):
    pass


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> object:
    """Parse YAML safely, leaving timestamps as strings. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_TextDatesLoader)  # noqa: S506 - a SafeLoader subclass
