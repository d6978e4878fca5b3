"""Discord rendering: embeds inside every Discord limit, quotes shortened only with an ellipsis."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot import command_table, messages
from bot.answers import Answer, Declined
from bot.context import ContextRef, reference_for
from bot.frontends.discord_app import strip_mentions, thread_name
from bot.frontends.discord_buttons import answer_view, timeline_view
from bot.knowledge.models import Article, ArticleMeta
from bot.quotes import Quote
from bot.render import discord_render as render
from bot.render.shorten import ELLIPSIS
from bot.timeline.models import EventDate, TimelineEvent


def article(body: str, *, n: int = 0, url: str | None = "https://example.com/a", title: str = "A title") -> Article:
    meta = ArticleMeta(
        id=f"article-{n}", title=title, publisher="Test Gazette", published=dt.date(2019, 2, 28), url=url,
    )
    return Article(meta=meta, body=body, path=Path(f"article-{n}.md"))


def whole(a: Article) -> Quote:
    return Quote(a, 0, len(a.body))


def quoted_text(markdown: str) -> str:
    """The quote back out of a block quote: the lines after "> ", joined."""
    return "\n".join(line[2:] for line in markdown.split("\n") if line.startswith("> "))


def test_a_follow_up_names_its_earlier_question_without_markdown_or_pings() -> None:
    a = article("Kim and Trump met in Hanoi. The talks ended early.")
    [embed] = render.answer_embeds(Answer("and why?", quotes=(whole(a),), follows="did @everyone see **Hanoi** fail?"))
    intro = embed.description.split("\n")[0]
    assert intro.startswith("Reading this with your earlier question “did @\u200beveryone see \\*\\*Hanoi\\*\\* fail?”")
    assert "@everyone" not in embed.description


def test_a_short_quote_is_shown_whole_with_its_linked_source() -> None:
    a = article("Kim and Trump met in Hanoi. The talks ended early.")
    [embed] = render.answer_embeds(Answer("q", quotes=(whole(a),)))
    assert embed.description is not None
    assert f"> {a.body}" in embed.description
    assert "— Test Gazette, [A title](https://example.com/a), February 28, 2019" in embed.description


def test_a_source_without_a_link_names_the_title_in_quotes() -> None:
    assert render.source_markdown(article("x", url=None).meta) == "— Test Gazette, “A title”, February 28, 2019"


@pytest.mark.parametrize("length", [5000, 20000])
def test_a_long_quote_is_cut_to_an_exact_prefix_plus_an_ellipsis(length: int) -> None:
    body = ("The summit ended without a deal because sanctions relief was asked for first. " * 400)[:length]
    a = article(body)
    [embed] = render.answer_embeds(Answer("q", quotes=(whole(a),)))
    assert render.within_limits([embed])
    shown = quoted_text(embed.description or "")
    assert shown.endswith(ELLIPSIS)
    assert body.startswith(shown[: -len(ELLIPSIS)])
    assert len(shown) > 3000  # cut to the room there is, not to a token amount


def test_three_long_quotes_share_the_description_and_each_stays_a_prefix() -> None:
    quotes = tuple(whole(article(f"Quote {n} says something about the talks. " * 300, n=n)) for n in range(3))
    [embed] = render.answer_embeds(Answer("q", quotes=quotes))
    assert render.within_limits([embed])
    blocks = (embed.description or "").split("\n\n")[1:]
    assert len(blocks) == 3
    for quote, block in zip(quotes, blocks, strict=True):
        shown = quoted_text(block)
        assert shown.endswith(ELLIPSIS) and quote.text.startswith(shown[: -len(ELLIPSIS)])


def test_a_quote_of_several_paragraphs_stays_one_block_quote() -> None:
    a = article("First paragraph.\n\nSecond paragraph.")
    [embed] = render.answer_embeds(Answer("q", quotes=(whole(a),)))
    assert "> First paragraph.\n>\n> Second paragraph." in (embed.description or "")


def test_mentions_in_a_quote_are_kept_verbatim() -> None:
    a = article("Someone wrote @everyone and <@123> and <@&456> in the article.")
    [embed] = render.answer_embeds(Answer("q", quotes=(whole(a),)))
    assert a.body in (embed.description or "")  # no pings comes from allowed_mentions, not from rewording


def test_a_declined_answer_says_so_and_marks_the_closest_passages() -> None:
    closest = (whole(article("Loosely related text.")),)
    [embed] = render.answer_embeds(Answer("q", declined=Declined.NOT_COVERED, closest=closest))
    description = embed.description or ""
    assert description.startswith(messages.NOT_COVERED)
    assert messages.CLOSEST_INTRO in description and "> Loosely related text." in description
    # The closest passages have "More context" too, as on Slack; then 👍 and 👎.
    ids = [item.custom_id for item in answer_view(Answer("q", declined=Declined.NOT_COVERED, closest=closest)).children]  # type: ignore[attr-defined]
    assert [i.split(":")[0] for i in ids] == ["ctx", "fb", "fb"]


def test_too_long_question_is_declined_in_plain_words() -> None:
    [embed] = render.answer_embeds(Answer("x" * 3000, declined=Declined.TOO_LONG))
    assert embed.description == messages.too_long(3000)


def test_more_context_buttons_carry_a_reference_under_100_characters() -> None:
    long_id = "a" * 64
    a = Article(
        meta=ArticleMeta(id=long_id, title="T", publisher="P", published=dt.date(2019, 1, 1)), body="x" * 200000, path=Path("a.md")
    )
    quotes = (Quote(a, 199000, 199999), Quote(a, 0, 10))
    view = answer_view(Answer("q", quotes=quotes))
    assert view is not None
    custom_ids = [item.custom_id for item in view.children]  # type: ignore[attr-defined]
    assert all(len(c) <= 100 for c in custom_ids)
    assert ContextRef.decode(custom_ids[0]) == reference_for(quotes[0])


def test_sources_of_many_articles_stay_within_limits() -> None:
    articles = [article("x", n=n, title=("A rather long headline about the summit in Hanoi " * 5).strip()) for n in range(300)]
    embed = render.sources_embed(articles)
    assert render.within_limits([embed])
    assert (embed.description or "").splitlines()[-1].startswith("…and ")


def test_an_article_embed_stays_within_limits() -> None:
    a = article("x", title="T" * 300)
    embed = render.article_embed(a)
    assert render.within_limits([embed]) and (embed.title or "").endswith(ELLIPSIS)


def test_a_timeline_page_of_long_quotes_stays_within_the_6000_total() -> None:
    a = article("A very long sentence about the talks. " * 200)
    events = [
        TimelineEvent(EventDate(2018, 6, 12), False, "Singapore summit " * 30, (whole(a),)),
        *(TimelineEvent(EventDate(2019, 2, n), n % 2 == 0, f"Event {n}", (whole(a),)) for n in range(1, 12)),
    ]
    for page in (1, 2, 3):
        embed = render.timeline_embed(events, page)
        assert render.within_limits([embed]), page
        assert len(embed.fields) <= render.EVENTS_PER_PAGE
        for field in embed.fields:
            shown = quoted_text(field.value or "")
            assert shown.endswith(ELLIPSIS) and a.body.startswith(shown[: -len(ELLIPSIS)])
    assert render.timeline_embed(events, 1).footer.text == "Page 1 of 3"
    assert render.timeline_embed(events, 99).footer.text == "Page 3 of 3"  # a stale page number still renders


def test_a_month_precision_event_is_labelled_by_its_month() -> None:
    event = TimelineEvent(EventDate(2018, 6), True, "Talks resume", ())
    embed = render.timeline_embed([event], 1)
    assert embed.fields[0].name == "June 2018 (approximate date): Talks resume"


def test_timeline_buttons_fit_custom_id_and_disable_at_the_ends() -> None:
    view = timeline_view(1, 12, ("2018-01-01", "2019-12-31", "t" * 60))
    previous, following = view.children
    assert previous.item.disabled and not following.item.disabled  # type: ignore[attr-defined]
    assert all(len(item.custom_id) <= 100 for item in view.children)  # type: ignore[attr-defined]


def test_help_and_content_stay_within_limits() -> None:
    assert render.within_limits([render.help_embed(command_table.help_list("discord"))])
    text = render.content("line\n" * 1000)
    assert len(text) <= render.CONTENT_LIMIT and text.endswith(ELLIPSIS)


def test_within_limits_notices_each_limit() -> None:
    import discord

    assert not render.within_limits([], "x" * 2001)
    assert not render.within_limits([discord.Embed(description="x" * 4097)])
    assert not render.within_limits([discord.Embed(description="x" * 4000), discord.Embed(description="x" * 2001)])
    too_many = discord.Embed()
    for n in range(26):
        too_many.add_field(name=str(n), value="v")
    assert not render.within_limits([too_many])


def test_mentions_are_stripped_from_questions_and_thread_names_fit() -> None:
    assert strip_mentions("<@123> why did <@!456> Hanoi fail?") == "why did Hanoi fail?"
    assert len(thread_name("why " * 100)) <= 100
    assert thread_name("") == "Question"


def test_brackets_in_a_url_do_not_break_the_link() -> None:
    meta = ArticleMeta(id="a", title="T", publisher="P", published="2019-02-28", url="https://example.org/wiki/Summit_(2019)")
    line = render.source_markdown(meta, 500)
    assert "[T](https://example.org/wiki/Summit_%282019%29)" in line
