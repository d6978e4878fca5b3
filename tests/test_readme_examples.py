"""The README's opening example is what a new user sees first: each question it shows gets the
reply it shows (its first line, and the start of its first quote), from the bundled articles.
The kimchi question was answered with three loose quotes for a session while the README said it
was declined (walkthrough, session 17)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.frontends.terminal import reply_to
from bot.knowledge.store import KnowledgeStore

README = Path(__file__).resolve().parent.parent / "README.md"


def _example_exchanges() -> list[tuple[str, list[str]]]:
    """(question, the reply's lines as shown up to the first elision) from the README's first code block."""
    block = re.search(r"^```\n(.*?)^```", README.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    assert block is not None, "the README opens with an example conversation"
    exchanges: list[tuple[str, list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("> "):
            exchanges.append((line[2:], []))
        elif exchanges and line.strip() and line.strip() != "…":
            exchanges[-1][1].append(line)
    return exchanges


def _words(text: str) -> str:
    return " ".join(text.replace("“", "").split())


def test_the_readme_s_example_questions_get_the_replies_it_shows(bundled_store: KnowledgeStore) -> None:
    exchanges = _example_exchanges()
    assert len(exchanges) >= 2
    for question, shown in exchanges:
        reply = reply_to(bundled_store, question) or ""
        assert reply.splitlines()[0] == shown[0], question
        # The first quote as shown, up to the README's "…": the same words, however lines wrap.
        quoted = next((line for line in shown[1:] if line.lstrip().startswith(("1.",))), None)
        if quoted is not None:
            first_words = _words(quoted.split("1.", 1)[1])[:60]
            assert first_words in _words(reply), question
