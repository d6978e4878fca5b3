"""What an answer showed (the question and its quotes' article ids and offsets), and a short key
naming that answer, so votes on it can be told apart from votes on any other.

Buttons carry the key (and, where there is room, the rest), so any copy of the bot can take a
press with no memory of the answer it is under.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from bot.answers import Answer, Declined
from bot.context import ContextRef, reference_for
from bot.render.shorten import shorten
from bot.unanswered.log import without_mentions

KEY_CHARS = 16  # 64 bits: two different answers sharing a key is not a worry at this scale


@dataclass(frozen=True, slots=True)
class Shown:
    question: str  # as logged: mentions of people and channels taken out
    quotes: tuple[ContextRef, ...]

    def key(self) -> str:
        """The same for the same question (spacing and case aside) answered with the same quotes."""
        quotes = [[q.article_id, q.start, q.end] for q in self.quotes]
        canonical = json.dumps([" ".join(self.question.casefold().split()), quotes])
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:KEY_CHARS]

    def quotes_json(self) -> list[dict[str, object]]:
        # The checksum lets a report tell whether the text at those offsets is still the quote.
        return [{"article": q.article_id, "start": q.start, "end": q.end, "checksum": q.checksum} for q in self.quotes]


def can_be_rated(answer: Answer) -> bool:
    """Whether readers may vote on the answer: one about the articles, quoted or declined because
    they do not cover it. Small talk, an empty or too long question, and "no articles loaded" are
    replies about the bot, with nothing a maintainer could improve in the articles or the ranking."""
    return answer.answered or answer.declined is Declined.NOT_COVERED


def shown_by(answer: Answer) -> Shown:
    """The quotes an answer showed: its quotes, or for a declined one the closest passages."""
    quotes = answer.quotes if answer.answered else answer.closest
    return Shown(without_mentions(answer.question), tuple(reference_for(q) for q in quotes))


def is_key(text: str) -> bool:
    return len(text) == KEY_CHARS and all(c in "0123456789abcdef" for c in text)


def button_value(shown: Shown, limit: int) -> str:
    """Everything a vote needs (key, question, quote references) as one string of at most `limit`
    characters, for platforms whose buttons carry that much (Slack: 2000); the question is
    shortened until it fits."""
    refs = [ref.encode() for ref in shown.quotes]
    question = shown.question
    while True:
        value = json.dumps({"k": shown.key(), "q": question, "r": refs}, ensure_ascii=False)
        if len(value) <= limit or not question:
            return value
        question = shorten(question, max(0, len(question) - (len(value) - limit)))


def from_button_value(value: str) -> tuple[Shown, str] | None:
    """The Shown and the answer key of `button_value`, or None for a value it did not make."""
    try:
        data = json.loads(value)
        refs = tuple(ContextRef.decode(str(ref)) for ref in data["r"])
        key, question = str(data["k"]), str(data["q"])
    except (ValueError, KeyError, TypeError):
        return None
    if not is_key(key) or any(ref is None for ref in refs):
        return None
    return Shown(question, tuple(ref for ref in refs if ref is not None)), key
