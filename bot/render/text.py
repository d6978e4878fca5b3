"""Plain text for the terminal chat and the command line."""

from __future__ import annotations

import textwrap

from bot import messages
from bot.answers import Answer
from bot.command_table.model import HelpList
from bot.knowledge.models import Article
from bot.quotes import Quote
from bot.render.quote_marks import in_quote_marks
from bot.render.source import display_date, display_title, source_line


def quote_block(quote: Quote, number: int) -> str:
    body = textwrap.fill(in_quote_marks(quote.text), width=88, initial_indent=f"{number}. ", subsequent_indent="   ")
    return f"{body}\n   — {source_line(quote.article.meta)}"


def answer_text(answer: Answer, way: messages.WayToAsk = messages.AT_THE_TERMINAL) -> str:
    if answer.answered and answer.what_happened is not None:
        # Imported here: the timeline's text is made of this module's quote blocks.
        from bot.render.timeline_text import timeline_text

        return timeline_text(answer.what_happened.events, intro=messages.what_happened_intro(answer.what_happened))
    if answer.answered:
        blocks = [quote_block(q, n) for n, q in enumerate(answer.quotes, 1)]
        return "\n\n".join([messages.answer_intro(answer), *blocks])
    assert answer.declined is not None
    lines = [messages.decline_message(answer, way=way)]
    if answer.closest:
        lines.append(messages.closest_intro(answer))
        lines.extend(quote_block(q, n) for n, q in enumerate(answer.closest, 1))
    return "\n\n".join(lines)


def sources_text(articles: list[Article]) -> str:
    if not articles:
        return messages.NO_ARTICLES
    lines = [f"{messages.article_count(len(articles))}:"]
    for article in articles:
        meta = article.meta
        lines.append(f"- {meta.publisher}: “{display_title(meta)}” ({display_date(meta)}) [{meta.id}]")
        if meta.url is not None:
            lines.append(f"  {meta.url}")
    return "\n".join(lines)


def help_text(commands: HelpList) -> str:
    about = commands.about
    lines = [messages.help_intro(about), "", "Commands:"]
    lines.extend(f"  {entry.usage:<30} {entry.text}" for entry in commands.entries)
    lines.append("")
    lines.append(f"Or just type a question. {messages.HELP_EXAMPLES_INTRO if about.example_questions else ''}".rstrip())
    lines.extend(f"  {example}" for example in about.example_questions)
    lines.extend(["", messages.help_tip(about)])
    return "\n".join(lines)
