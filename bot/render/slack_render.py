"""Answers, sources, help, the timeline and "More context" as Slack Block Kit messages.

Every piece of text from an article or a user is escaped here (`&`, `<`, `>`), which also turns
`<!channel>`, `<!here>`, `<@U…>` and `<!subteam^…>` into plain text, so nothing the bot quotes
can ping anyone. Quotes are shortened with an ellipsis to fit Slack's limits, never reworded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot import messages
from bot.answers import Answer
from bot.command_table.model import HelpList
from bot.compare import Comparison, date_readings
from bot.context import reference_for
from bot.feedback.shown import button_value, can_be_rated, shown_by
from bot.knowledge.models import Article, ArticleMeta
from bot.quotations.speakers import SpeakerLookup
from bot.quotes import Quote
from bot.render.quote_marks import in_quote_marks
from bot.render.shorten import shorten
from bot.render.source import display_date, display_title
from bot.timeline.models import TimelineEvent

Block = dict[str, Any]

SECTION_LIMIT = 3000  # characters in a section's text
MAX_BLOCKS = 50  # blocks in one message
FALLBACK_LIMIT = 3000  # the notification text: long enough to read, short enough to skim
FALLBACK_QUOTE_CHARS = 280
TIMELINE_PAGE_SIZE = 8  # 3 blocks an event + heading + button stays far below MAX_BLOCKS
MORE_CONTEXT_ACTION = "more_context"  # a prefix: each button gets its own action_id
FEEDBACK_ACTION = "feedback_"  # a prefix: feedback_good, feedback_bad
BUTTON_VALUE_LIMIT = 2000  # characters in a button's value
TIMELINE_MORE_ACTION = "timeline_more"


def escape(text: str) -> str:
    """Slack's three control characters; `&` first so the others are not double-escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """What a user typed: Slack sends `&`, `<`, `>` escaped in message and command text."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@dataclass(frozen=True, slots=True)
class SlackMessage:
    text: str  # plain fallback for notifications and clients without blocks
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def _mrkdwn(text: str) -> dict[str, Any]:
    # verbatim: Slack must not turn channel names or URLs in a quote into links or mentions.
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text[:SECTION_LIMIT])}


def _link(url: str, label: str) -> str:
    # `|` and `>` end a link's URL; percent-encoding keeps the address the same for browsers.
    safe_url = escape(url).replace("|", "%7C")
    return f"<{safe_url}|{escape(label)}>"


def _quoted(text: str) -> str:
    return "\n".join(f">{line}" if line else ">" for line in escape(text).split("\n"))


def fit(text: str, limit: int, render: Callable[[str], str] = escape) -> str:
    """render(text), shortened (ellipsis only) until the rendered form, escapes included, fits `limit`."""
    allowed = limit
    while True:
        rendered = render(shorten(text, allowed))
        if len(rendered) <= limit or allowed <= 1:
            return rendered[:limit]
        allowed -= max(1, len(rendered) - limit)


def quote_text(text: str, limit: int = SECTION_LIMIT) -> str:
    """A quote as mrkdwn block-quote lines that fit `limit`."""
    return fit(text, limit, _quoted)


def source_mrkdwn(meta: ArticleMeta) -> str:
    title = _link(str(meta.url), display_title(meta)) if meta.url is not None else escape(display_title(meta))
    return f"{escape(meta.publisher)} · {title} · {display_date(meta)}"


def quote_blocks(quote: Quote, button_id: str | None = None) -> list[Block]:
    """The quote, its source line and (optionally) a "More context" button: three blocks."""
    blocks: list[Block] = [
        {"type": "section", "text": _mrkdwn(quote_text(quote.text))},
        {"type": "context", "elements": [_mrkdwn(source_mrkdwn(quote.article.meta))]},
    ]
    if button_id is not None:
        button = {
            "type": "button",
            "action_id": button_id,
            "text": {"type": "plain_text", "text": messages.MORE_CONTEXT},
            "value": reference_for(quote).encode(),
        }
        blocks.append({"type": "actions", "elements": [button]})
    return blocks


def _fallback(lead: str, quotes: Sequence[Quote]) -> str:
    lines = [lead]
    for quote in quotes:
        lines.append(f"{in_quote_marks(shorten(quote.text, FALLBACK_QUOTE_CHARS))} ({quote.article.meta.publisher})")
    return fit("\n".join(lines), FALLBACK_LIMIT)


def answer_message(answer: Answer) -> SlackMessage:
    asked = f"*{messages.QUESTION_LABEL}:* {escape(shorten(answer.question, 300))}"
    question = {"type": "context", "elements": [_mrkdwn(asked)]}
    if answer.answered and answer.what_happened is not None:
        lead, quotes = messages.answer_intro(answer), answer.quotes
        blocks = [question, _section(escape(lead)), *(block for event in answer.what_happened.shown for block in _event_blocks(event))]
        return SlackMessage(_fallback(lead, quotes), [*blocks[: MAX_BLOCKS - 1], feedback_block(answer)])
    if answer.answered:
        lead, quotes = messages.answer_intro(answer), answer.quotes
        blocks = [question, _section(escape(lead))]
    else:
        assert answer.declined is not None
        lead = messages.decline_message(answer)
        quotes = answer.closest
        blocks = [question, _section(escape(lead))]
        if quotes:
            blocks.append(_section(messages.closest_intro(answer)))
    for number, quote in enumerate(quotes, 1):
        blocks.extend(quote_blocks(quote, f"{MORE_CONTEXT_ACTION}_{number}"))
    if not can_be_rated(answer):
        return SlackMessage(_fallback(lead, quotes), blocks[:MAX_BLOCKS])
    return SlackMessage(_fallback(lead, quotes), [*blocks[: MAX_BLOCKS - 1], feedback_block(answer)])


def feedback_block(answer: Answer) -> Block:
    """👍 and 👎; each button's value carries the answer's key, question and quote references, so
    any copy of the bot can take the press (an ephemeral answer's message is not sent back)."""
    value = button_value(shown_by(answer), BUTTON_VALUE_LIMIT)
    buttons = [
        {
            "type": "button",
            "action_id": f"{FEEDBACK_ACTION}{vote}",
            "text": {"type": "plain_text", "text": f"{emoji} {label}", "emoji": True},
            "value": value,
        }
        for vote, emoji, label in (("good", "👍", messages.FEEDBACK_GOOD_LABEL), ("bad", "👎", messages.FEEDBACK_BAD_LABEL))
    ]
    return {"type": "actions", "elements": buttons}


def context_message(quote: Quote | None) -> SlackMessage:
    if quote is None:
        return SlackMessage(messages.CONTEXT_GONE, [_section(escape(messages.CONTEXT_GONE))])
    blocks = [_section(messages.SLACK_CONTEXT_INTRO), *quote_blocks(quote)]
    return SlackMessage(_fallback(messages.SLACK_CONTEXT_INTRO, [quote]), blocks)


def text_message(text: str) -> SlackMessage:
    """One sentence (or a few lines) of the bot's own, e.g. a refusal or a reload summary."""
    return SlackMessage(fit(text, FALLBACK_LIMIT), [_section(fit(text, SECTION_LIMIT))])


def _line_sections(lines: list[str], reserved: int = 0) -> list[Block]:
    """Lines packed into as few sections as fit; at most MAX_BLOCKS - reserved, the rest counted."""
    sections: list[str] = []
    for line in lines:
        if sections and len(sections[-1]) + 1 + len(line) <= SECTION_LIMIT:
            sections[-1] += "\n" + line
        else:
            sections.append(line[:SECTION_LIMIT])
    room = MAX_BLOCKS - reserved
    if len(sections) > room:
        hidden = sum(s.count("\n") + 1 for s in sections[room - 1 :])
        sections = [*sections[: room - 1], messages.SLACK_LIST_TRUNCATED.format(count=hidden)]
    return [_section(s) for s in sections]


def sources_message(articles: Sequence[Article]) -> SlackMessage:
    if not articles:
        return text_message(messages.NO_ARTICLES)
    heading = f"{messages.article_count(len(articles))}:"
    lines = [f"• {source_mrkdwn(a.meta)} `{escape(a.meta.id)}`" for a in articles]
    return SlackMessage(heading, [_section(heading), *_line_sections(lines, reserved=1)])


def help_message(help_list: HelpList) -> SlackMessage:
    commands = "\n".join(
        f"`{entry.usage}` {escape(entry.text)}" + (f" ({escape(messages.SLACK_ADMIN_ONLY)})" if entry.admin_only else "")
        for entry in help_list.entries
    )
    about = help_list.about
    examples = "\n".join(f"• {escape(example)}" for example in about.example_questions)
    blocks = [
        _section(escape(messages.help_intro(about))),
        _section(commands),
        _section(escape(messages.SLACK_HELP_PRIVATE)),
        _section(escape(messages.SLACK_HELP_THREADS)),
        *([_section(f"{messages.HELP_EXAMPLES_INTRO}\n{examples}")] if examples else []),
        _section(escape(messages.help_tip(about))),
    ]
    return SlackMessage(escape(messages.help_intro(about)), blocks)


@dataclass(frozen=True, slots=True)
class TimelinePage:
    """A /timeline query and where its next page starts: the whole state a "More" button carries."""

    offset: int = 0
    topic: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def encode(self) -> str:
        # Well under the 2000 characters a button value may hold: topics are cut to 500.
        return json.dumps(
            {
                "o": self.offset,
                "t": (self.topic or "")[:500],
                "f": self.date_from.isoformat() if self.date_from else "",
                "u": self.date_to.isoformat() if self.date_to else "",
            },
            ensure_ascii=False,
        )

    @classmethod
    def decode(cls, value: str) -> TimelinePage | None:
        try:
            data = json.loads(value)
            return cls(
                offset=max(0, int(data["o"])),
                topic=str(data["t"]) or None,
                date_from=dt.date.fromisoformat(data["f"]) if data["f"] else None,
                date_to=dt.date.fromisoformat(data["u"]) if data["u"] else None,
            )
        except (ValueError, KeyError, TypeError):
            return None


def _when(event: TimelineEvent) -> str:
    """The event's date, marked when estimated, and when it was only announced ("Announced for …")."""
    when = event.date_label(approximate=False)
    if event.approximate:
        when = f"{messages.SLACK_TIMELINE_APPROXIMATE} {when}"
    return messages.timeline_announced(when) if event.announced else when


def _event_blocks(event: TimelineEvent) -> list[Block]:
    blocks: list[Block] = [_section(f"*{escape(_when(event))}* {escape(shorten(event.title, 500))}")]
    if event.quotes:
        blocks.extend(quote_blocks(event.quotes[0]))
    return blocks


def timeline_message(events: Sequence[TimelineEvent], page: TimelinePage, note: str | None = None) -> SlackMessage:
    """One page of events from page.offset, with a "More" button when more follow; `note`, a line
    before the heading (how the dates were read)."""
    shown = list(events[page.offset : page.offset + TIMELINE_PAGE_SIZE])
    if not shown:
        return text_message(f"{note}\n{messages.TIMELINE_NONE}" if note else messages.TIMELINE_NONE)
    heading = messages.slack_timeline_heading(page.offset + 1, page.offset + len(shown), len(events))
    if note:
        heading = f"{note}\n{heading}"
    blocks: list[Block] = [_section(escape(heading))]
    for event in shown:
        blocks.extend(_event_blocks(event))
    following = page.offset + len(shown)
    if following < len(events):
        button = {
            "type": "button",
            "action_id": TIMELINE_MORE_ACTION,
            "text": {"type": "plain_text", "text": messages.SLACK_TIMELINE_MORE_BUTTON},
            "value": TimelinePage(following, page.topic, page.date_from, page.date_to).encode(),
        }
        blocks.append({"type": "actions", "elements": [button]})
    lines = [heading, *(f"{_when(e)}: {e.title}" for e in shown)]
    return SlackMessage(fit("\n".join(lines), FALLBACK_LIMIT), blocks[:MAX_BLOCKS])


# --- /said and /compare ---

SAID_QUOTES_SHOWN = 20  # two blocks each plus the heading and the "more" line stay under MAX_BLOCKS


def said_message(lookup: SpeakerLookup, name: str | None) -> SlackMessage:
    """A speaker's quotations, oldest first, each with its source; else the speakers to choose from."""
    speaker = lookup.speaker
    if speaker is None:
        if not lookup.candidates:
            return text_message(escape(messages.said_no_candidates(name, messages.IN_CHAT)))
        intro = messages.said_candidates_intro(name, lookup.ambiguous, messages.IN_CHAT)
        lines = [f"• {escape(messages.speaker_line(s.name, s.count))}" for s in lookup.candidates]
        return SlackMessage(fit(intro, FALLBACK_LIMIT), [_section(escape(intro)), *_line_sections(lines, reserved=1)])
    heading = messages.said_intro(speaker.name, speaker.role, speaker.count)
    shown = [q.quote for q in speaker.quotations[:SAID_QUOTES_SHOWN]]
    blocks: list[Block] = [_section(fit(heading, SECTION_LIMIT))]
    blocks.extend(_section(escape(fit(note, SECTION_LIMIT))) for note in messages.said_notes(lookup, messages.IN_CHAT))
    for quote in shown:
        blocks.extend(quote_blocks(quote))
    if speaker.count > len(shown):
        blocks.append(_section(escape(messages.SAID_MORE.format(count=speaker.count - len(shown)))))
    return SlackMessage(_fallback(heading, shown), blocks[:MAX_BLOCKS])


COMPARE_OUTLETS_SHOWN = 40  # a section each, plus the heading, the outlets with nothing and the dates


def compare_message(comparison: Comparison) -> SlackMessage:
    """A section per outlet (its name, its best quotes, their sources), then the outlets with
    nothing on the topic, then the events on it the sources date differently."""
    # The outlets the topic names that no article is from (typed by the user: escaped).
    missing = [escape(messages.compare_no_article_from(comparison.no_articles))] if comparison.no_articles else []
    if comparison.declined is not None:
        return text_message("\n".join([*missing, messages.compare_declined(comparison.topic, comparison.declined)]))
    nothing = [messages.outlet_nothing(p) for p in comparison.no_coverage]
    if not comparison.outlets:
        text = "\n".join([*missing, messages.COMPARE_NONE_COVER, *nothing])
        return text_message(text)
    heading = messages.compare_intro(shorten(comparison.topic, 300))
    blocks: list[Block] = [*(_section(fit(line, SECTION_LIMIT)) for line in missing), _section(fit(heading, SECTION_LIMIT))]
    for outlet in comparison.outlets[:COMPARE_OUTLETS_SHOWN]:
        blocks.append(_section(_outlet_mrkdwn(outlet.publisher, outlet.quotes)))
    if nothing:
        blocks.append(_section(fit("\n".join(nothing), SECTION_LIMIT)))
    dates = [messages.dated_differently(e.title, date_readings(e)) for e in comparison.date_differences]
    if dates:
        blocks.append({"type": "context", "elements": [_mrkdwn(fit(" ".join(dates), SECTION_LIMIT))]})
    fallback_quotes = [outlet.quotes[0] for outlet in comparison.outlets]
    return SlackMessage(_fallback(heading, fallback_quotes), blocks[:MAX_BLOCKS])


def _outlet_mrkdwn(publisher: str, quotes: Sequence[Quote]) -> str:
    """`*WIRED*` then each quote as a block quote with its source line, within one section's limit."""
    name = f"*{escape(shorten(publisher, 200))}*"
    sources = [source_mrkdwn(q.article.meta)[: SECTION_LIMIT // 4] for q in quotes]
    room = SECTION_LIMIT - len(name) - sum(len(s) + 4 for s in sources)
    share = room // max(1, len(quotes))
    parts = [f"{quote_text(q.text, share)}\n{source}" for q, source in zip(quotes, sources, strict=True)]
    return "\n".join([name, *parts])[:SECTION_LIMIT]
