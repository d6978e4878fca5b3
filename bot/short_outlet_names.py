"""English names a newspaper by "the" and the last word of its name: "the Post" for The Washington
Post, "the Times", "the Journal". A follow-up naming an outlet so ("what about the Post?") is read
with the outlet's whole name.

Derived from the publishers in the articles, nothing listed by hand, and only where the short name
is capitalised and follows "the" in the message ("the post office" names no outlet), and only
when one publisher's name ends in that word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "The Washington Post": the words before the last, and the last, capitalised.
_NAME = re.compile(r"^(?:the\s+)?(?P<rest>.+?)\s+(?P<last>[A-Z][\w'’-]*)$", re.IGNORECASE)


def short_names(publishers: Iterable[str]) -> dict[str, str]:
    """Each last word that ends exactly one publisher's name of several words, and that name
    without a leading "The": {"Post": "Washington Post"}."""
    found: dict[str, set[str]] = {}
    for publisher in set(publishers):
        match = _NAME.match(publisher.strip())
        if match and match.group("last")[0].isupper():
            found.setdefault(match.group("last"), set()).add(f"{match.group('rest')} {match.group('last')}")
    return {last: next(iter(names)) for last, names in found.items() if len(names) == 1}


def with_whole_outlet_names(message: str, publishers: Iterable[str]) -> str:
    """The message with "the Post" written "the Washington Post", for each short name it uses."""
    names = short_names(publishers)
    if not names:
        return message
    pattern = re.compile(r"\b([Tt]he\s+)(" + "|".join(re.escape(last) for last in sorted(names, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: m.group(1) + names[m.group(2)], message)
