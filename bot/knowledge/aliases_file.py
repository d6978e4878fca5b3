"""`knowledge/aliases.yaml`: groups of names that mean the same thing, validated like the articles."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.knowledge.errors import problems_from_validation
from bot.knowledge.models import Problem
from bot.knowledge.yaml_text import read_yaml_file
from bot.search.normalise import terms

ALIASES_FILE = "aliases.yaml"


class AliasesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    groups: list[list[str]] = Field(default_factory=list)

    @field_validator("groups")
    @classmethod
    def _groups_are_meaningful(cls, groups: list[list[str]]) -> list[list[str]]:
        seen: dict[tuple[str, ...], int] = {}
        for number, group in enumerate(groups):
            if len(group) < 2:
                raise ValueError(f"group {number} ({group!r}) needs at least two names")
            for name in group:
                phrase = tuple(terms(name))
                if not phrase:
                    raise ValueError(f"group {number}: {name!r} is only stop words, so it can never match")
                if phrase in seen and seen[phrase] != number:
                    raise ValueError(f"group {number}: {name!r} is already in group {seen[phrase]}")
                seen[phrase] = number
        return groups


def load_aliases(folder: Path) -> tuple[list[list[str]], list[Problem]]:
    """The alias groups, or none with a problem when the file is unusable: retrieval still works."""
    path = folder / ALIASES_FILE
    data, problems = read_yaml_file(path)
    if problems:
        return [], problems
    try:
        return AliasesFile.model_validate(data or {}).groups, []
    except ValidationError as error:
        return [], problems_from_validation(str(path), error)
