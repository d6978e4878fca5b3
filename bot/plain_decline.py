"""Whether a declined question's closest passages are shown, or it is declined plainly, with no quote.

The closest passages of a declined question help a reader when they may hold its answer in other
words. They cannot when the question asks about something no article mentions and the passages
were found only for a name that many passages share: "What is Kim Jong Un's favourite food?" finds
two passages that name Kim Jong Un, any two of the many that do, and nothing about food. Three
things together say so, all read from the answer check's evidence (bot.ranking.signals):

- nearly all of what the question asks besides its names is words no article says
  (`unsaid_content`: "favourite", "food");
- nor is it close in meaning to the best sentence (`content_similarity`, the meaning signal's
  cosine of the question without its names with that sentence);
- the names the best passage holds are each in more passages than the reply would show. A name
  only a passage or two hold ("What is Jenny Town's job?") makes those passages what the articles
  say of whom it asks, and there they often answer in other words ("analyst at … 38 North").

On the training sets (eval/*.jsonl) 43 answerable questions were declined with a passage holding
their answer among the closest shown: none of them is declined plainly by these three, against
35 of the 103 off-topic questions (docs/measurements.md, session 15).
"""

from __future__ import annotations

from bot.ranking.answer_check import Evidence, Signals
from bot.search.document_frequencies import DocumentFrequencies

# At least this share of the weight of what the question asks besides its names is words no
# article says. Answerable questions declined with their answer among the closest passages reach
# 0.83-0.88 with shorthand the articles never write ("mtg", "whyd"), which the meaning signal reads.
PLAIN_UNSAID_CONTENT = 0.9
# The question without its names is at most this close in meaning to the best sentence. Such
# answerable questions reached 0.13 ("does the lady from the nuclear threat initiative want it all
# at once"); what is asked of a name no article relates to it stays below ("favourite food": -0.01).
PLAIN_CONTENT_SIMILARITY = 0.1


def declines_plainly(evidence: Evidence, frequencies: DocumentFrequencies, shown: int) -> bool:
    """Whether a declined question's closest passages hold nothing a reader could use: what it asks
    besides its names is neither said nor meant in them, and the names they hold (the signals'
    `names_held`: the question's names the best passage holds) are each in more passages than the
    `shown` closest.
    The meaning signal must have weighed it: words alone cannot tell a paraphrase from another topic."""
    signals = evidence.signals
    if signals is None or evidence.similarity is None:
        return False
    if signals.unsaid_content < PLAIN_UNSAID_CONTENT or signals.content_similarity >= PLAIN_CONTENT_SIMILARITY:
        return False
    return not any(frequencies.held_by_at_most(name.concept.key, shown) for name in signals.names_held)


def names_held(signals: Signals) -> list[str]:
    """The question's names the best passage holds, as the question said them: what a plain decline
    found many passages share (--explain's text and JSON name them)."""
    return [name.concept.said or name.concept.key for name in signals.names_held]
