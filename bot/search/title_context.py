"""An article's title as context for its passages: what the whole article is about.

A paragraph seldom repeats what its headline says ("Trump steps into North Korea at the DMZ" over
a body that writes "the demilitarized zone"), so a question in the headline's words finds nothing
in the body's. The title's terms count as a small extra field of each of its article's passages
(BM25F-style: the word ranker adds a share of the title's BM25, bot.ranking.lexical) and as words
the passage's context holds when the answer check weighs how much of the question it holds
(bot.answers). A title is never quoted: quotes are slices of the body.
"""

from __future__ import annotations

from bot.search.aliases import AliasTable
from bot.search.normalise import terms


def title_terms(title: str, aliases: AliasTable) -> tuple[str, ...]:
    """The title's index terms, as the passages' are made: stemmed, aliases' group terms added."""
    return tuple(aliases.expand(terms(title)))
