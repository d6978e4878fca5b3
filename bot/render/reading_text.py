"""Plain text of how a question was read: its concepts, their weights, what the best passage held."""

from __future__ import annotations

from bot import messages
from bot.answers import MIN_COVERAGE, PIPELINE, Answer


def reading_text(answer: Answer) -> str:
    """Empty when the question was never read (empty, too long, no articles)."""
    reading = answer.reading
    if reading is None:
        return ""
    lines = [messages.READING_INTRO.format(coverage=answer.coverage, needed=MIN_COVERAGE)]
    if reading.similarity is None:
        lines.append(messages.READING_NO_MODEL)
    else:
        check = PIPELINE.check
        lines.append(messages.READING_SIMILARITY.format(similarity=reading.similarity, needed=check.min_similarity, trap=check.trap_similarity))
        if check.model is not None and reading.evidence is not None and (probability := check.probability(reading.evidence)) is not None:
            lines.append(messages.READING_CHECK.format(probability=probability, needed=check.model.threshold))
    if reading.expected is not None:
        kind = messages.EXPECTED_KINDS[reading.expected.value]
        lines.append(messages.READING_EXPECTED.format(kind=kind))
        if not reading.typed_answer_found:
            lines.append(messages.READING_NO_TYPED_ANSWER.format(kind=kind))
    lines += [messages.READING_CORRECTED.format(typed=typed, read=read) for typed, read in reading.corrections]
    if reading.named_articles:
        lines.append(messages.READING_NAMED.format(ids=", ".join(reading.named_articles)))
    if not reading.concepts:
        lines.append(messages.READING_NO_CONCEPTS)
        return "\n".join(lines)
    lines.append(messages.READING_HEADER)
    for item in reading.concepts:
        lines.append(
            messages.reading_concept(
                item.concept.said or " ".join(item.concept.terms),
                item.group,
                item.weight,
                item.credit,
                item.synonym,
                item.in_articles,
            )
        )
    if any(not item.in_articles for item in reading.concepts):
        lines.append(messages.READING_ABSENT_HINT)
    return "\n".join(lines)
