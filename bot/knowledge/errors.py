"""Turns pydantic validation errors into `file: field: problem` lines."""

from __future__ import annotations

from pydantic import ValidationError

from bot.knowledge.models import Problem


def problems_from_validation(file: str, error: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        location = ".".join(str(part) for part in detail["loc"]) or "(top level)"
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = "is not a known field"
        elif detail["type"] == "missing":
            message = "is required"
        problems.append(Problem(file=file, field=f"{prefix}{location}", message=message))
    return problems
