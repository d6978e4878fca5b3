"""Answers, sources, help and timeline pages as Discord embeds, and plain notes, within Discord's limits.

Quotes are shortened only by `shorten` (a cut plus an ellipsis), never reworded. Quote text is not
Markdown-escaped: article bodies are Markdown already, and escaping would change the characters.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot import messages
from bot.answers import Answer
from bot.command_table.model import HelpList
from bot.compare import Comparison, date_readings
from bot.knowledge.models import Article, ArticleMeta
from bot.quotations.speakers import SpeakerLookup
from bot.quotes import Quote
from bot.render.shorten import shorten
from bot.render.source import display_date, display_title
from bot.timeline.models import TimelineEvent

# Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
FIELDS_LIMIT = 25
TOTAL_LIMIT = 6000
EMBEDS_LIMIT = 10

COLOUR = discord.Colour.blurple()
DECLINED_COLOUR = discord.Colour.light_grey()
EVENTS_PER_PAGE = 5
MIN_TITLE = 20  # a linked title shorter than this says too little: drop the link instead
SOURCES_LINE_LIMIT = 400  # one article in /sources, so a long link does not push the others out
# Not in the table of embed limits, but Discord rejects longer embed urls (discord-api-docs #6531).
EMBED_URL_LIMIT = 2048


def content(text: str) -> str:
    """Plain message text (ephemeral notes, reload reports) cut to the 2000-character limit."""
    return shorten(text, CONTENT_LIMIT)


def user_text(text: str) -> str:
    """What a user typed, shown as they typed it: markdown inert, mentions unable to ping."""
    return discord.utils.escape_markdown(discord.utils.escape_mentions(text))


def source_markdown(meta: ArticleMeta, limit: int = TOTAL_LIMIT) -> str:
    """`— Publisher, [Title](url), February 28, 2019`, at most `limit` characters.

    When it does not fit, the title is shortened first; when even a short title leaves no room for
    the link (an article url may be 2000 characters), the link is dropped and the title kept plain.
    """
    title = display_title(meta).replace("[", "(").replace("]", ")")  # brackets would break the link
    date = display_date(meta)
    if meta.url is not None:
        # Brackets in a url would end the Markdown link early; %-escaped they mean the same.
        url = str(meta.url).replace("(", "%28").replace(")", "%29")
        room = limit - len(f"— {meta.publisher}, []({url}), {date}")
        if room >= min(len(title), MIN_TITLE):
            return f"— {meta.publisher}, [{shorten(title, room)}]({url}), {date}"
    room = limit - len(f"— {meta.publisher}, “”, {date}")
    if room >= min(len(title), MIN_TITLE):
        return f"— {meta.publisher}, “{shorten(title, room)}”, {date}"
    return shorten(f"— {meta.publisher}, “{title}”, {date}", limit)  # plain text: safe to cut anywhere


def block_quote(text: str) -> str:
    """Every line prefixed with `> ` so a quote of several paragraphs stays one block quote."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))


def _fitted_block_quote(text: str, limit: int) -> str:
    """The longest shortening of text whose block quote is at most `limit` characters (at least "> …")."""
    room = limit
    while True:
        block = block_quote(shorten(text, max(1, room)))
        if len(block) <= limit or room <= 1:
            return block
        room -= len(block) - limit  # the "> " prefixes cost more than planned: give that back


def quote_markdown(quote: Quote, limit: int) -> str:
    """The quote as a block quote with its source line, at most `limit` characters.

    The source line gets what the quote leaves, but at least half: a 2000-character link cannot
    crowd out the quote. The quote is only ever shortened (an exact prefix and an ellipsis).
    """
    whole_quote = len(block_quote(quote.text)) + 1
    source = source_markdown(quote.article.meta, max(limit // 2, limit - whole_quote))
    return f"{_fitted_block_quote(quote.text, limit - len(source) - 1)}\n{source}"


def _quotes_markdown(quotes: Sequence[Quote], limit: int, intro: str) -> str:
    separator = "\n\n"
    budget = limit - len(intro) - len(separator) * len(quotes)
    share = budget // max(1, len(quotes))
    return separator.join([intro, *(quote_markdown(q, share) for q in quotes)])


def _events_markdown(events: Sequence[TimelineEvent], limit: int, intro: str) -> str:
    """Each event's date and title in bold over its first quote, as /timeline's fields show them."""
    separator = "\n\n"
    names = [f"**{user_text(shorten(_event_name(event), FIELD_NAME_LIMIT))}**" for event in events]
    budget = limit - len(intro) - sum(len(name) + 1 + len(separator) for name in names)
    share = budget // max(1, len(events))
    blocks = [f"{name}\n{quote_markdown(event.quotes[0], share) if event.quotes else '—'}" for name, event in zip(names, events, strict=True)]
    return separator.join([intro, *blocks])


QUESTION_SHOWN = 300  # characters of the question in an answer's footer


def question_footer(question: str) -> str:
    """The question an answer is for, under it: a slash command's options are not shown to the
    channel, and a vote on the answer reads the question back from here (`footer_question`)."""
    return f"{messages.QUESTION_LABEL}: {shorten(question, QUESTION_SHOWN)}"


def footer_question(footer: str | None) -> str:
    prefix = f"{messages.QUESTION_LABEL}: "
    return footer.removeprefix(prefix) if footer and footer.startswith(prefix) else ""


def answer_embeds(answer: Answer) -> list[discord.Embed]:
    """One embed: the quotes, or a plain "not covered" with the closest passages clearly marked;
    the question in the footer (footers show no Markdown and ping no one: no escaping needed)."""
    if answer.answered and answer.what_happened is not None:
        description = _events_markdown(answer.what_happened.shown, DESCRIPTION_LIMIT, messages.answer_intro(answer, user_text))
        embed = discord.Embed(description=description, colour=COLOUR)
    elif answer.answered:
        description = _quotes_markdown(answer.quotes, DESCRIPTION_LIMIT, messages.answer_intro(answer, user_text))
        embed = discord.Embed(description=description, colour=COLOUR)
    else:
        assert answer.declined is not None
        declined = messages.decline_message(answer, user_text)
        if answer.closest:
            intro = f"{declined}\n\n{messages.closest_intro(answer)}"
            description = _quotes_markdown(answer.closest, DESCRIPTION_LIMIT, intro)
        else:
            description = declined
        embed = discord.Embed(description=description, colour=DECLINED_COLOUR)
    if answer.question:
        embed.set_footer(text=question_footer(answer.question))
    return [embed]


def context_embed(quote: Quote) -> discord.Embed:
    return discord.Embed(
        title=messages.DISCORD_CONTEXT_TITLE,
        description=quote_markdown(quote, DESCRIPTION_LIMIT),
        colour=COLOUR,
    )


def sources_embed(articles: Sequence[Article]) -> discord.Embed:
    """Every article on one line; lines that would pass the limit become "…and N more"."""
    if not articles:
        return discord.Embed(description=messages.NO_ARTICLES, colour=DECLINED_COLOUR)
    lines: list[str] = []
    used = 0
    reserve = len(messages.DISCORD_MORE_ARTICLES) + 10
    for position, article in enumerate(articles):
        suffix = f" · `{article.id}`"
        line = f"• {source_markdown(article.meta, SOURCES_LINE_LIMIT - len(suffix))[2:]}{suffix}"
        if used + len(line) + 1 > DESCRIPTION_LIMIT - reserve:
            lines.append(messages.DISCORD_MORE_ARTICLES.format(count=len(articles) - position))
            break
        lines.append(line)
        used += len(line) + 1
    title = messages.article_count(len(articles))
    return discord.Embed(title=title, description="\n".join(lines), colour=COLOUR)


def article_embed(article: Article) -> discord.Embed:
    meta = article.meta
    url = str(meta.url) if meta.url is not None else None
    embed = discord.Embed(
        title=shorten(display_title(meta), TITLE_LIMIT),
        url=url if url is not None and len(url) <= EMBED_URL_LIMIT else None,  # the link is optional, the embed is not
        colour=COLOUR,
    )
    embed.add_field(name="Publisher", value=shorten(meta.publisher, FIELD_VALUE_LIMIT))
    embed.add_field(name="Published", value=display_date(meta))
    if meta.author:
        embed.add_field(name="Author", value=shorten(meta.author, FIELD_VALUE_LIMIT))
    embed.add_field(name="Kind", value=meta.kind)
    embed.add_field(name="Id", value=f"`{meta.id}`")
    if meta.standfirst:
        # The standfirst gets what the title and fields leave of the 6000 total.
        embed.description = shorten(meta.standfirst, min(DESCRIPTION_LIMIT, TOTAL_LIMIT - embed_size(embed)))
    return embed


def help_embed(help_list: HelpList) -> discord.Embed:
    about = help_list.about
    lines = [messages.help_intro(about), ""]
    for entry in help_list.entries:
        only = f" ({messages.DISCORD_ADMIN_ONLY})" if entry.admin_only else ""
        lines.append(f"**{entry.usage}** — {entry.text}{only}")
    lines.extend(["", messages.DISCORD_HELP_MENTION])
    if about.example_questions:
        lines.extend(["", messages.HELP_EXAMPLES_INTRO, *(f"• {example}" for example in about.example_questions)])
    lines.extend(["", messages.help_tip(about)])
    return discord.Embed(description="\n".join(lines), colour=COLOUR)


def page_count(events: Sequence[TimelineEvent]) -> int:
    return max(1, -(-len(events) // EVENTS_PER_PAGE))


def timeline_embed(events: Sequence[TimelineEvent], page: int) -> discord.Embed:
    """One page of events, one field each: date and title as the name, the first quote as the value."""
    pages = page_count(events)
    page = min(max(page, 1), pages)
    shown = events[(page - 1) * EVENTS_PER_PAGE : page * EVENTS_PER_PAGE]
    embed = discord.Embed(title=messages.DISCORD_TIMELINE_TITLE, colour=COLOUR)
    if not shown:
        embed.description = messages.TIMELINE_NONE
        return embed
    footer = messages.DISCORD_PAGE.format(page=page, pages=pages)
    embed.set_footer(text=footer)
    names = [shorten(_event_name(event), FIELD_NAME_LIMIT) for event in shown]
    # The 6000-character total caps the values: share what titles, names and the footer leave.
    room = TOTAL_LIMIT - len(embed.title or "") - len(footer) - sum(len(n) for n in names)
    value_limit = min(FIELD_VALUE_LIMIT, room // len(shown))
    for name, event in zip(names, shown, strict=True):
        value = quote_markdown(event.quotes[0], value_limit) if event.quotes else "—"
        embed.add_field(name=name, value=value, inline=False)
    return embed


def _event_name(event: TimelineEvent) -> str:
    approximate = f" ({messages.DISCORD_APPROXIMATE})" if event.approximate else ""
    when = f"{event.date_label(approximate=False)}{approximate}"
    return f"{messages.timeline_announced(when) if event.announced else when}: {event.title}"


def embed_size(embed: discord.Embed) -> int:
    """Characters Discord counts toward the 6000 total (title, description, fields, footer, author)."""
    return len(embed)


def within_limits(embeds: Sequence[discord.Embed], text: str | None = None) -> bool:
    """Whether a message passes every limit Discord enforces on content and embeds."""
    if text is not None and len(text) > CONTENT_LIMIT:
        return False
    if len(embeds) > EMBEDS_LIMIT or sum(embed_size(e) for e in embeds) > TOTAL_LIMIT:
        return False
    for embed in embeds:
        if len(embed.title or "") > TITLE_LIMIT or len(embed.description or "") > DESCRIPTION_LIMIT:
            return False
        if len(embed.url or "") > EMBED_URL_LIMIT:
            return False
        if len(embed.fields) > FIELDS_LIMIT or len(embed.footer.text or "") > FOOTER_LIMIT:
            return False
        if any(len(f.name or "") > FIELD_NAME_LIMIT or len(f.value or "") > FIELD_VALUE_LIMIT for f in embed.fields):
            return False
    return True


# --- /said and /compare ---

SAID_QUOTES_SHOWN = 10  # a speaker's quotations in one embed; the rest are counted in the footer
OUTLET_NAME_LIMIT = 100  # a publisher's name as a field name
MIN_OUTLET_CHARS = 400  # room for an outlet's quotes and sources, at least: fewer outlets beat unreadable ones
COMPARE_FOOTER_LIMIT = 1000  # the date differences and the count of outlets not shown


def said_embed(lookup: SpeakerLookup, name: str | None) -> discord.Embed:
    """A speaker's quotations, oldest first, each with its source; else the speakers to choose from."""
    speaker = lookup.speaker
    if speaker is None:
        return _speakers_embed(lookup, name)
    title = f"{speaker.name} ({speaker.role})" if speaker.role else speaker.name
    embed = discord.Embed(title=shorten(title, TITLE_LIMIT), colour=COLOUR)
    shown = [q.quote for q in speaker.quotations[:SAID_QUOTES_SHOWN]]
    intro = "\n".join([messages.said_count(speaker.count), *messages.said_notes(lookup, messages.IN_CHAT)])
    if speaker.count > len(shown):
        embed.set_footer(text=messages.SAID_MORE.format(count=speaker.count - len(shown)))
    room = min(DESCRIPTION_LIMIT, TOTAL_LIMIT - len(embed.title or "") - len(embed.footer.text or ""))
    embed.description = _quotes_markdown(shown, room, intro)
    return embed


def _speakers_embed(lookup: SpeakerLookup, name: str | None) -> discord.Embed:
    if not lookup.candidates:
        return discord.Embed(description=user_text(messages.said_no_candidates(name, messages.IN_CHAT)), colour=DECLINED_COLOUR)
    intro = messages.said_candidates_intro(name, lookup.ambiguous, messages.IN_CHAT)
    lines = [user_text(intro), *(f"• {messages.speaker_line(s.name, s.count)}" for s in lookup.candidates)]
    return discord.Embed(description=shorten("\n".join(lines), DESCRIPTION_LIMIT), colour=COLOUR if not name or lookup.ambiguous else DECLINED_COLOUR)


def compare_embed(comparison: Comparison) -> discord.Embed:
    """One embed, a field per outlet: its best quotes, or "nothing on this"; under them, the
    events on the topic that the sources date differently."""
    # The outlets the topic names that no article is from (typed by the user: escaped).
    missing = shorten(user_text(messages.compare_no_article_from(comparison.no_articles)), DESCRIPTION_LIMIT) if comparison.no_articles else ""
    if comparison.declined is not None or not comparison.outlets:
        reason = messages.compare_declined(comparison.topic, comparison.declined) if comparison.declined else messages.COMPARE_NONE_COVER
        lines = [*([missing] if missing else []), reason, *(messages.outlet_nothing(p) for p in comparison.no_coverage)]
        return discord.Embed(description=shorten("\n".join(lines), DESCRIPTION_LIMIT), colour=DECLINED_COLOUR)
    title = shorten(messages.compare_intro(comparison.topic), TITLE_LIMIT)
    embed = discord.Embed(title=title, colour=COLOUR, description=missing or None)
    nothing = "\n".join(messages.outlet_nothing(p) for p in comparison.no_coverage)
    nothing_field = shorten(nothing, FIELD_VALUE_LIMIT) if nothing else ""
    names = [shorten(o.publisher, OUTLET_NAME_LIMIT) for o in comparison.outlets]
    # The 6000 total caps the fields: each outlet shown gets at least MIN_OUTLET_CHARS of what the
    # title, the footer and the outlets with nothing leave; any more are counted in the footer.
    fixed = len(title) + len(missing) + COMPARE_FOOTER_LIMIT + len(nothing_field) + len(messages.COMPARE_NOTHING_TITLE)
    shown = 0
    while shown < min(len(names), FIELDS_LIMIT - 1) and TOTAL_LIMIT - fixed - sum(len(n) for n in names[: shown + 1]) >= (shown + 1) * MIN_OUTLET_CHARS:
        shown += 1
    notes = [messages.dated_differently(e.title, date_readings(e)) for e in comparison.date_differences]
    if shown < len(names):
        notes.insert(0, messages.COMPARE_MORE_OUTLETS.format(count=len(names) - shown))
    if notes:
        embed.set_footer(text=shorten(" ".join(notes), COMPARE_FOOTER_LIMIT))
    room = TOTAL_LIMIT - fixed - sum(len(n) for n in names[:shown])
    value_limit = min(FIELD_VALUE_LIMIT, room // max(1, shown))
    separator = "\n\n"
    for name, outlet in zip(names[:shown], comparison.outlets, strict=False):
        share = (value_limit - len(separator) * (len(outlet.quotes) - 1)) // len(outlet.quotes)
        embed.add_field(name=name, value=separator.join(quote_markdown(q, share) for q in outlet.quotes), inline=True)
    if nothing_field:
        embed.add_field(name=messages.COMPARE_NOTHING_TITLE, value=nothing_field, inline=False)
    return embed
