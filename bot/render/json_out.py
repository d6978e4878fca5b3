"""The JSON shapes of the command line: one answer, one article, who said what, the outlets side by side."""

from __future__ import annotations

from bot import messages
from bot.answers import MIN_COVERAGE, PIPELINE, Answer
from bot.ranking.answer_check import Evidence
from bot.compare import Comparison, date_readings
from bot.knowledge.models import Article
from bot.plain_decline import PLAIN_CONTENT_SIMILARITY, PLAIN_UNSAID_CONTENT, names_held
from bot.quotations.speakers import SpeakerLookup
from bot.quotes import Quote
from bot.render.reading_text import reading_text


def article_dict(article: Article) -> dict[str, object]:
    meta = article.meta
    return {
        "id": meta.id,
        "title": meta.title,
        "publisher": meta.publisher,
        "author": meta.author,
        "published": meta.published.isoformat(),
        "url": str(meta.url) if meta.url is not None else None,
        "kind": meta.kind,
        "path": str(article.path),
    }


def quote_dict(quote: Quote, *, score: bool = True) -> dict[str, object]:
    result: dict[str, object] = {"text": quote.text, "start": quote.start, "end": quote.end}
    if score:
        result["score"] = quote.score
    result["article"] = article_dict(quote.article)
    return result


def said_dict(lookup: SpeakerLookup, name: str | None = None) -> dict[str, object]:
    """`said --json`: one speaker's quotations (each with the role its article gives), or the
    speakers to choose from when no name, or no one name, was given; a name that found no one
    speaker carries the text form's sentence as `message` ("No one called 'nobody' is quoted …")."""
    speaker = lookup.speaker
    result: dict[str, object] = {
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "quotes": [{**quote_dict(q.quote, score=False), "role": q.role} for q in speaker.quotations] if speaker else [],
        "speakers": [{"name": s.name, "count": s.count} for s in lookup.candidates],
        "ambiguous": lookup.ambiguous,
        "also": [{"name": s.name, "count": s.count} for s in lookup.also_fitting],  # others the name fits besides
        "topic_left_out": lookup.topic,  # "/said rusten sanctions": the words after the name, for /ask
    }
    if speaker is None and name is not None:
        result["message"] = messages.said_candidates_intro(name, lookup.ambiguous, messages.ON_THE_COMMAND_LINE) if lookup.candidates else messages.said_no_candidates(name, messages.ON_THE_COMMAND_LINE)
    return result


def compare_dict(comparison: Comparison) -> dict[str, object]:
    """`compare --json`: each outlet's quotes (as in ask), the outlets with nothing on the topic,
    and the events on it that the sources date differently."""
    result: dict[str, object] = {
        "topic": comparison.topic,
        "outlets": [{"publisher": o.publisher, "quotes": [quote_dict(q) for q in o.quotes]} for o in comparison.outlets],
        "no_coverage": list(comparison.no_coverage),
        "no_articles": list(comparison.no_articles),  # outlets the topic names that no article is from
        "dated_differently": [
            {"title": e.title, "dates": [{"label": label, "publishers": publishers} for label, publishers in date_readings(e)]}
            for e in comparison.date_differences
        ],
    }
    if comparison.declined is not None:
        result["declined"] = comparison.declined.value
    return result


def answer_dict(answer: Answer, *, explain: bool = False) -> dict[str, object]:
    result: dict[str, object] = {
        "question": answer.question,
        "answered": answer.answered,
        "quotes": [quote_dict(q) for q in answer.quotes],
    }
    if answer.read_as is not None:
        result["read_as"] = answer.read_as  # the question a follow-up was rewritten as ("how old is trump")
    if answer.what_happened is not None:
        # Imported here: the timeline's JSON is made of this module's quotes.
        from bot.timeline.export import timeline_dict

        # A question asking only what happened then: the timeline's events then, as `timeline --json` gives them.
        result.update(timeline_dict(answer.what_happened.events))
    if answer.outlets:
        result["outlets"] = list(answer.outlets)  # the outlets it was answered from, by name
    if answer.declined is not None:
        result["declined"] = answer.declined.value
        result["message"] = messages.decline_message(answer)
        result["closest"] = [quote_dict(q) for q in answer.closest]
        result["near_miss"] = answer.near_miss  # the closest passages may answer it after all
    if explain and answer.reading is not None:
        result["reading"] = reading_dict(answer)
    return result


def reading_dict(answer: Answer) -> dict[str, object]:
    """How the question was read (`ask --explain`): what a maintainer needs to see why."""
    assert answer.reading is not None
    reading = answer.reading
    beyond = reading.after_articles
    return {
        # Declined before ranking as asking about a time after the newest article (the text
        # --explain's only line then); None when that gate let the question through.
        "after_articles": None
        if beyond is None
        else {"asked": beyond.asked, "newest": beyond.newest.isoformat(), "reason": reading_text(answer)},
        # Whose words a what-did-X-say question asked for (bot.speaker_words), and whether there were any.
        "speaker": None
        if reading.speaker is None
        else {"name": reading.speaker, "quoted": reading.speaker_quoted, "on_topic": reading.speaker_on_topic, "said": list(reading.speaker_said), "person": reading.speaker_person, "closest": list(reading.speaker_closest)},
        "coverage": round(answer.coverage, 4),
        "needed": MIN_COVERAGE,
        "similarity": None if reading.similarity is None else round(reading.similarity, 4),
        "similarity_answers_from": PIPELINE.check.min_similarity,
        # The fitted answer check's probability that the articles answer, and where it answers from
        # (None: the threshold rule decided, as without the meaning signal).
        "answer_probability": _probability(reading.evidence),
        "answer_probability_needed": PIPELINE.check.model.threshold if PIPELINE.check.model is not None else None,
        # Declined under the check's floor (neither words nor meaning), whatever the probability says.
        "below_floor": reading.similarity is not None and PIPELINE.check.below_floor(answer.coverage, reading.similarity),
        "expects": reading.expected.value if reading.expected else None,
        "typed_answer_found": reading.typed_answer_found if reading.expected else None,
        "corrections": dict(reading.corrections),
        "named_articles": list(reading.named_articles),
        # Declined with no passage shown (bot.plain_decline): why, and the passages withheld; None otherwise.
        "plain_decline": _plain_decline(answer),
        "concepts": [
            {
                "said": item.concept.said,
                "terms": list(item.concept.terms),
                "alias_group": item.group,
                "synonyms": list(item.concept.synonyms),
                "weight": round(item.weight, 4),
                "found": round(item.credit, 4),
                "found_through": item.synonym,
                "in_articles": item.in_articles,
            }
            for item in reading.concepts
        ],
    }


def _probability(evidence: Evidence | None) -> float | None:
    probability = PIPELINE.check.probability(evidence) if evidence is not None else None
    return None if probability is None else round(probability, 4)


def _plain_decline(answer: Answer) -> dict[str, object] | None:
    signals = answer.plain_decline_signals
    if signals is None:
        return None
    return {
        "unsaid_content": round(signals.unsaid_content, 4),
        "unsaid_content_from": PLAIN_UNSAID_CONTENT,
        "content_similarity": round(signals.content_similarity, 4),
        "content_similarity_under": PLAIN_CONTENT_SIMILARITY,
        # The question's names the best passage holds, each in more passages than were withheld.
        "names_held": names_held(signals),
        "withheld": [quote_dict(q) for q in answer.withheld],
    }
