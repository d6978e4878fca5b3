"""pydantic's validation messages in the words of someone editing a YAML file or a .env line.

pydantic speaks to programmers ("Input should be a valid boolean, unable to interpret input",
"relative URL without a base"); a maintainer fixing `approximate: maybe` or an operator fixing
SLACK_PORT wants to read what the field takes. The wording is chosen by pydantic's error *type*,
which is stable across its releases, never by matching its English; a type not listed keeps
pydantic's own message with "Input should be" read as "should be".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Detail = Mapping[str, Any]

_BY_TYPE: dict[str, Callable[[Detail], str]] = {
    "bool_parsing": lambda _: "should be true or false",
    "bool_type": lambda _: "should be true or false",
    "url_parsing": lambda _: "is not a web address; write it in full, starting with https://",
    "url_scheme": lambda _: "is not a web address; write it in full, starting with https://",
    "url_type": lambda _: "is not a web address; write it in full, starting with https://",
    # YAML reads 1994 or yes as a number or a boolean: quotes make them text. A list or a mapping
    # given for text needs rewriting, not quotes.
    "string_type": lambda detail: "should be text: put it in quotes" if isinstance(detail.get("input"), int | float) else "should be text",
    "list_type": lambda _: "should be a list, one '- item' a line",
    "tuple_type": lambda _: "should be a list, one '- item' a line",
    "dict_type": lambda _: "should be fields written 'name: value', one a line",
    "model_type": lambda _: "should be fields written 'name: value', one a line",
    "model_attributes_type": lambda _: "should be fields written 'name: value', one a line",
    "int_parsing": lambda _: "should be a whole number",
    "int_type": lambda _: "should be a whole number",
    "int_from_float": lambda _: "should be a whole number",
    "float_parsing": lambda _: "should be a number",
    "float_type": lambda _: "should be a number",
    "literal_error": lambda detail: f"should be {detail['ctx']['expected']}",
    "less_than_equal": lambda detail: f"should be at most {detail['ctx']['le']}",
    "less_than": lambda detail: f"should be less than {detail['ctx']['lt']}",
    "greater_than_equal": lambda detail: f"should be at least {detail['ctx']['ge']}",
    "greater_than": lambda detail: f"should be more than {detail['ctx']['gt']}",
    "string_too_short": lambda detail: "should not be empty" if detail["ctx"].get("min_length") == 1 else f"should be at least {detail['ctx']['min_length']} characters long",
    "string_too_long": lambda detail: f"should be at most {detail['ctx']['max_length']} characters long",
    "too_short": lambda detail: "should not be empty" if detail["ctx"].get("min_length") == 1 else f"should have at least {detail['ctx']['min_length']} items",
    "too_long": lambda detail: f"should have at most {detail['ctx']['max_length']} items",
}


def plain_problem(detail: Mapping[str, Any]) -> str:
    """The problem one of `ValidationError.errors()`'s entries describes, as a phrase that reads
    after the field or value it is about ("approximate: 'maybe' should be true or false")."""
    wording = _BY_TYPE.get(str(detail.get("type", "")))
    if wording is not None:
        try:
            return wording(detail)
        except KeyError:  # a pydantic release without this context: its own words below
            pass
    message = str(detail.get("msg", "")).removeprefix("Value error, ")
    message = message.replace(", unable to interpret input", "")
    return "should be" + message.removeprefix("Input should be") if message.startswith("Input should be") else message


def reads_after_subject(phrase: str) -> bool:
    """Whether the phrase is a predicate ("should be …", "is not …") that reads straight after what it
    is about ("'maybe' should be true or false"), rather than a sentence of its own."""
    return phrase.startswith(("should ", "is not "))
