"""Plain text of how a question was read: its concepts, their weights, what the best passage held."""

from __future__ import annotations

import textwrap

from bot import messages
from bot.answers import MIN_COVERAGE, PIPELINE, Answer, Reading
from bot.ranking.answer_check import FLOOR_COVERAGE
from bot.plain_decline import PLAIN_CONTENT_SIMILARITY, PLAIN_UNSAID_CONTENT, names_held
from bot.render.text import quote_block
from bot.speaker_words import SPEAKER_TOPIC_SIMILARITY
from bot.timeline.asked_time import describe


def reading_text(answer: Answer) -> str:
    """Empty when the question was never read (empty, too long, no articles)."""
    reading = answer.reading
    if reading is None:
        return ""
    if (beyond := reading.after_articles) is not None:  # declined before ranking: nothing else was weighed
        return messages.READING_AFTER_ARTICLES.format(asked=repr(beyond.asked), newest=describe(beyond.newest))
    if reading.speaker is not None and (not reading.speaker_quoted or not reading.speaker_on_topic):
        return _speaker_declined(reading)
    check, evidence = PIPELINE.check, reading.evidence
    # The model decides where it has its inputs (bot.ranking.answer_check.AnswerCheck.answers), once
    # the question names a topic and some sentence holds the kind of answer it wants.
    # A question about someone or something no article names is declined before it (bot.search.unknown_name).
    decided_by_model = reading.unknown_name is None and evidence is not None and evidence.typed_answer_found and evidence.has_topic and check.model is not None
    probability = check.probability(evidence) if decided_by_model and evidence is not None else None
    if decided_by_model and reading.similarity is not None and check.below_floor(answer.coverage, reading.similarity):
        lines = [
            messages.READING_INTRO_FLOOR.format(coverage=answer.coverage, floor_coverage=FLOOR_COVERAGE, similarity=reading.similarity, floor_similarity=check.min_similarity)
        ]
    elif probability is not None and check.model is not None and reading.similarity is not None:
        lines = [
            messages.READING_INTRO_MODEL.format(probability=probability, needed=check.model.threshold),
            messages.READING_MODEL_INPUTS.format(coverage=answer.coverage, similarity=reading.similarity),
        ]
    else:
        lines = [messages.READING_INTRO.format(coverage=answer.coverage, needed=MIN_COVERAGE)]
        if reading.similarity is None:
            lines.append(messages.READING_NO_MODEL)
        else:
            lines.append(messages.READING_SIMILARITY.format(similarity=reading.similarity, needed=check.min_similarity, trap=check.trap_similarity))
    if reading.expected is not None:
        kind = messages.EXPECTED_KINDS[reading.expected.value]
        lines.append(messages.READING_EXPECTED.format(kind=kind))
        if not reading.typed_answer_found:
            lines.append(messages.READING_NO_TYPED_ANSWER.format(kind=kind))
    if reading.unknown_name is not None:
        lines.append(messages.READING_UNKNOWN_NAME.format(name=reading.unknown_name))
    lines += _plain_decline(answer)
    if reading.speaker is not None:
        lines.append(messages.reading_speaker(reading.speaker, quoted=reading.speaker_quoted, on_topic=reading.speaker_on_topic))
        if reading.speaker_lacks and reading.speaker_meaning is not None:
            # Answered though no word of the topic is in their paragraphs: the meaning signal let it
            # through, which the coverage line alone would contradict (late review).
            lines += _topic_in_their_words(reading)
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


def _plain_decline(answer: Answer) -> list[str]:
    """Why a declined question was shown no passage (bot.plain_decline), each of the three things
    with its bound, and the passages it was not shown; nothing for any other answer."""
    signals = answer.plain_decline_signals
    if signals is None:
        # Declined for a name no article mentions (READING_UNKNOWN_NAME says so): only what was withheld.
        return [messages.READING_WITHHELD, *_withheld(answer)] if answer.withheld else []
    held = ", ".join(repr(name) for name in names_held(signals))
    names = messages.READING_PLAIN_NAMES.format(names=held, shown=len(answer.withheld), s="" if len(answer.withheld) == 1 else "s") if held else messages.READING_PLAIN_NO_NAMES
    why = messages.READING_PLAIN_DECLINE.format(
        unsaid=signals.unsaid_content, needed_unsaid=PLAIN_UNSAID_CONTENT,
        similarity=signals.content_similarity, needed_similarity=PLAIN_CONTENT_SIMILARITY, names=names,
    )  # fmt: skip
    if not answer.withheld:
        return [why]
    return [why, messages.READING_WITHHELD, *_withheld(answer)]


def _withheld(answer: Answer) -> list[str]:
    return [textwrap.indent(quote_block(quote, n), "    ") for n, quote in enumerate(answer.withheld, 1)]


def _speaker_declined(reading: Reading) -> str:
    """A what-did-X-say question the speaker route declined before any ranking or answer check: its
    real reason (no words of theirs, or none holding the topic's words nor near it in meaning), not
    a coverage, a missing model or a lack of words to look for, none of which was weighed."""
    assert reading.speaker is not None
    lines = [messages.reading_speaker(reading.speaker, quoted=reading.speaker_quoted, on_topic=reading.speaker_on_topic)]
    if reading.unknown_name is not None:
        lines.append(messages.READING_UNKNOWN_NAME.format(name=reading.unknown_name))
    if reading.speaker_quoted and reading.speaker_lacks:
        lines += _topic_in_their_words(reading)
    elif reading.speaker_quoted:
        lines.append(messages.READING_SPEAKER_NO_KIND)
    lines += [messages.READING_CORRECTED.format(typed=typed, read=read) for typed, read in reading.corrections]
    return "\n".join(lines)


def _topic_in_their_words(reading: Reading) -> list[str]:
    """The topic's words no paragraph of the speaker's holds, and how near their words come in meaning."""
    lacks = messages.READING_SPEAKER_LACKS.format(words=", ".join(repr(word) for word in reading.speaker_lacks))
    if reading.speaker_meaning is None:
        return [lacks, messages.READING_SPEAKER_NO_MEANING]
    return [lacks, messages.READING_SPEAKER_MEANING.format(similarity=reading.speaker_meaning, needed=SPEAKER_TOPIC_SIMILARITY)]
