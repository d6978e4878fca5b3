"""Property-style checks: every Discord embed stays within Discord's limits for any article metadata
the front matter allows (title up to 300 characters, publisher up to 200, url up to 2083), and a
shortened quote is always an exact prefix of the article text plus an ellipsis."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import discord
import pytest

from bot.answers import MAX_QUOTES, Answer, Declined
from bot.knowledge.models import Article, ArticleMeta
from bot.quotes import Quote
from bot.render import discord_render as render
from bot.render.shorten import ELLIPSIS
from bot.timeline.models import EventDate, TimelineEvent

CASES = 150
WORDS = "Kim Trump Hanoi summit sanctions [talks] denuclearisation Yongbyon — (reactor) envoy Pyongyang".split()
URL_MAX = 2083  # pydantic's HttpUrl


def words(rng: random.Random, length: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(length // 4 + 1))
    return text[:length].strip() or "x"


def body(rng: random.Random, length: int) -> str:
    """Sentences, sometimes split into paragraphs (each becomes a line of the block quote)."""
    paragraphs = [words(rng, rng.randint(1, max(1, length // rng.randint(1, 8)))) + "." for _ in range(rng.randint(1, 8))]
    return "\n\n".join(paragraphs)[:length].strip() or "x."


def url(rng: random.Random) -> str | None:
    kind = rng.choice(["none", "short", "long", "max"])
    if kind == "none":
        return None
    base = "https://example.com/"
    length = {"short": 40, "long": rng.randint(200, URL_MAX), "max": URL_MAX}[kind]
    return base + "a" * (length - len(base))


def article(rng: random.Random, n: int) -> Article:
    extreme = rng.random() < 0.5  # half the cases at the largest values the models allow
    meta = ArticleMeta(
        id=f"a{n}-" + "x" * (60 if extreme else rng.randint(0, 20)),
        title=words(rng, 300 if extreme else rng.randint(1, 300)),
        publisher=words(rng, 200 if extreme else rng.randint(1, 200)),
        published=dt.date(2019, 2, 28),
        url=url(rng),
        author=words(rng, rng.randint(1, 3000)) if rng.random() < 0.5 else None,
        standfirst=words(rng, rng.randint(1, 8000)) if rng.random() < 0.5 else None,
    )
    assert meta.url is None or len(str(meta.url)) <= URL_MAX
    return Article(meta=meta, body=body(rng, rng.choice([20, 500, 3000, 20000])), path=Path(f"a{n}.md"))


def quote_of(rng: random.Random, a: Article) -> Quote:
    start = rng.randint(0, len(a.body) // 2)
    return Quote(a, start, rng.randint(start + 1, len(a.body)))


def unquoted(block: str) -> str:
    """The text a block quote shows, back out of its `> ` lines (an empty line is a bare `>`)."""
    return "\n".join(line[2:] if line.startswith("> ") else "" for line in block.split("\n") if line.startswith(">"))


def assert_exact_or_prefix(shown: str, quote: Quote) -> None:
    if shown != quote.text:
        assert shown.endswith(ELLIPSIS), shown[-40:]
        assert quote.text.startswith(shown[: -len(ELLIPSIS)])


def assert_source_line(line: str, meta: ArticleMeta) -> None:
    """The source names the publisher, and links the whole url or none of it."""
    assert line.startswith("— ")
    if meta.url is not None and "](" in line:
        assert f"]({meta.url})" in line
    else:
        assert "](" not in line


def blocks_of(description: str, quotes: tuple[Quote, ...]) -> list[str]:
    return description.split("\n\n")[-len(quotes):]


@pytest.mark.parametrize("seed", range(CASES))
def test_every_embed_stays_within_limits_for_any_article(seed: int) -> None:
    rng = random.Random(seed)
    articles = [article(rng, n) for n in range(MAX_QUOTES)]
    quotes = tuple(quote_of(rng, a) for a in articles)

    embeds: list[discord.Embed] = []
    for answer in (Answer("q", quotes=quotes), Answer("q", declined=Declined.NOT_COVERED, closest=quotes)):
        [embed] = render.answer_embeds(answer)
        embeds.append(embed)
        for quote, block in zip(quotes, blocks_of(embed.description or "", quotes), strict=True):
            shown, _, source = block.rpartition("\n")
            assert_exact_or_prefix(unquoted(shown), quote)
            assert_source_line(source, quote.article.meta)

    for quote in quotes:
        embed = render.context_embed(quote)
        embeds.append(embed)
        shown, _, source = (embed.description or "").rpartition("\n")
        assert_exact_or_prefix(unquoted(shown), quote)
        assert_source_line(source, quote.article.meta)

    embeds.append(render.sources_embed(articles * 40))
    embeds.extend(render.article_embed(a) for a in articles)

    events = [TimelineEvent(EventDate(2019, 2, 1 + n), n % 2 == 0, words(rng, rng.randint(1, 500)), (quotes[n % len(quotes)],)) for n in range(12)]
    for page in (1, 2, 3):
        embed = render.timeline_embed(events, page)
        embeds.append(embed)
        for field, event in zip(embed.fields, events[(page - 1) * render.EVENTS_PER_PAGE :], strict=False):
            shown, _, source = (field.value or "").rpartition("\n")
            assert_exact_or_prefix(unquoted(shown), event.quotes[0])
            assert_source_line(source, event.quotes[0].article.meta)

    for embed in embeds:
        assert render.within_limits([embed]), embed.to_dict()


def test_three_quotes_from_an_article_with_a_2000_character_url() -> None:
    """The reviewer's case: the url alone would take half the description three times over."""
    long_url = "https://example.com/" + "a" * 1980
    meta = ArticleMeta(id="long-url", title="T" * 300, publisher="P" * 200, published=dt.date(2019, 2, 28), url=long_url)
    a = Article(meta=meta, body="The talks in Hanoi ended early without any agreement at all. " * 40, path=Path("long-url.md"))
    quotes = tuple(Quote(a, n * 61, (n + 1) * 61 - 1) for n in range(3))
    [embed] = render.answer_embeds(Answer("q", quotes=quotes))
    description = embed.description or ""
    assert render.within_limits([embed]), len(description)
    assert long_url not in description  # dropped, not cut: half a link is a broken link
    for quote in quotes:
        assert f"> {quote.text}\n" in description  # short quotes are still whole
    assert description.count("— " + "P" * 200 + ", “" + "T" * 300 + "”, February 28, 2019") == 3  # named in full, unlinked


def test_a_source_line_keeps_its_link_while_it_fits() -> None:
    meta = ArticleMeta(id="a", title="A long headline about the summit in Hanoi", publisher="Vox", published=dt.date(2019, 2, 28), url="https://example.com/a")
    full = render.source_markdown(meta)
    assert full == "— Vox, [A long headline about the summit in Hanoi](https://example.com/a), February 28, 2019"
    shorter = render.source_markdown(meta, len(full) - 10)
    assert len(shorter) <= len(full) - 10 and "(https://example.com/a)" in shorter and ELLIPSIS + "]" in shorter
    unlinked = render.source_markdown(meta, 60)
    assert len(unlinked) <= 60 and "https://" not in unlinked
    assert len(render.source_markdown(meta, 10)) <= 10
