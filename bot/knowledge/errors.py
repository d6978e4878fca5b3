"""Turns pydantic validation errors into `file: field: problem` lines."""

from __future__ import annotations

from pydantic import ValidationError

from bot.knowledge.models import Problem


def field_path(prefix: str, location: tuple[int | str, ...]) -> str:
    """("quotes", 0, "text") under "events[3]" -> "events[3].quotes[0].text"."""
    path = prefix
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def problems_from_validation(file: str, error: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = "is not a known field"
        elif detail["type"] == "missing":
            message = "is required"
        problems.append(Problem(file=file, field=field_path(prefix, detail["loc"]), message=message))
    return problems
