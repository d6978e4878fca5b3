"""Turns pydantic validation errors into `file: field: problem` lines."""

from __future__ import annotations

import inspect
import typing

from pydantic import BaseModel, ValidationError

from bot.close_names import did_you_mean
from bot.knowledge.calendar_days import not_a_calendar_day
from bot.knowledge.models import Problem
from bot.plain_validation import plain_problem, reads_after_subject


def field_path(prefix: str, location: tuple[int | str, ...]) -> str:
    """("quotes", 0, "text") under "events[3]" -> "events[3].quotes[0].text"."""
    path = prefix
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def problems_from_validation(
    file: str, error: ValidationError, prefix: str = "", *, model: type[BaseModel] | None = None, given: object = None
) -> list[Problem]:
    """One problem per field; `model`, the model validated, lets an unknown field be told the known
    one it is close to ("example_nmaes: is not a known field; did you mean example_names?"), and
    `given`, the data validated, leaves out the known fields it already has ("publsher" is not
    "published" when the file has a `published:`). A bad value is quoted back, as written."""
    problems = []
    for detail in error.errors(include_url=False):
        message = plain_problem(detail)
        if detail["type"] == "extra_forbidden":
            present = _keys_at(given, detail["loc"][:-1])
            known = [name for name in _fields_at(model, detail["loc"][:-1]) if name not in present] if model is not None else []
            message = not_a_known_field(str(detail["loc"][-1]), known) if detail["loc"] else NOT_A_KNOWN_FIELD
        elif detail["type"] == "missing":
            message = "is required"
        elif detail["type"].startswith(("date_", "datetime_")) and isinstance(detail["input"], str | int):
            written = str(detail["input"])
            message = not_a_calendar_day(written) or f"{written!r} is not a real date: write it as YYYY-MM-DD"
        elif isinstance(detail["input"], str | int | float) and not isinstance(detail["input"], bool) and str(detail["input"]) not in message:
            message = f"{str(detail['input'])!r}{' ' if reads_after_subject(message) else ': '}{message}"
        problems.append(Problem(file=file, field=field_path(prefix, detail["loc"]), message=message))
    return problems


def _keys_at(given: object, location: tuple[int | str, ...]) -> frozenset[str]:
    """The keys of the mapping at `location` within the data validated (none when not a mapping)."""
    for part in location:
        if isinstance(given, dict) and part in given:
            given = given[part]
        elif isinstance(given, list) and isinstance(part, int) and part < len(given):
            given = given[part]
        else:
            return frozenset()
    return frozenset(str(key) for key in given) if isinstance(given, dict) else frozenset()


NOT_A_KNOWN_FIELD = "is not a known field"


def not_a_known_field(name: str, known: list[str]) -> str:
    """The problem with a field no model has, with the known one it is close to, if any."""
    meant = did_you_mean(name, known)
    return f"{NOT_A_KNOWN_FIELD}; {meant}" if meant else NOT_A_KNOWN_FIELD


def _fields_at(model: type[BaseModel], location: tuple[int | str, ...]) -> list[str]:
    """The field names (as written in the file) of the model at `location` within `model`: its
    own at the top, a nested model's under one of its fields ("quotes", 0: a quote's)."""
    current = model
    for part in location:
        if isinstance(part, int):
            continue  # an item of a list: the list's model is the field's own
        field = next((f for name, f in current.model_fields.items() if (f.alias or name) == part), None)
        nested = _model_in(field.annotation) if field is not None else None
        if nested is None:
            return []
        current = nested
    return [field.alias or name for name, field in current.model_fields.items()]


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The model a field holds: itself, or inside list[…], … | None and the like."""
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for argument in typing.get_args(annotation) if (found := _model_in(argument)) is not None), None)
