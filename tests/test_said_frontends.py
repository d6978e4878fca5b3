"""/said and /compare on every front end: the terminal chat, the real discord.py client and the
real slack-bolt app against the local fakes, and each platform's limits for any article."""

from __future__ import annotations

import json
import random
import shlex
from pathlib import Path

import pytest

from bot import commands, messages
from bot.answers import Answer
from bot.cli import main
from bot.compare import Comparison, OutletQuotes
from bot.frontends.terminal import reply_to
from bot.knowledge.models import Article
from bot.knowledge.store import KnowledgeStore
from bot.quotations.find import Quotation
from bot.quotations.speakers import Speaker, SpeakerLookup
from bot.render import discord_render, slack_render
from bot.render.discord_render import source_markdown
from bot.timeline.models import DatedSource, EventDate, TimelineEvent
from tests.discord_fixtures import answered, assert_pings_no_one, bot, fake_discord, interaction_calls  # noqa: F401 - fixtures
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.slack_server import FakeSlack
from tests.slack_checks import all_text, assert_no_pings, assert_valid_blocks
from tests.slack_fixtures import HttpBot, fake_slack, http_bot, slash_command_body  # noqa: F401 - fixtures
from tests.test_discord_render_limits import article, assert_exact_or_prefix, quote_of, unquoted

HANOI = "Why did the Hanoi summit collapse?"
YUN = "There had not been many working-level meetings. In fact, only one"


def replies(fake: FakeSlack, hook: str) -> list[dict]:  # type: ignore[type-arg]
    return [c.args for c in fake.of("response_url") if c.path.endswith("/" + hook)]


# --- terminal ---


def test_the_terminal_chat_answers_said_and_compare(bundled_store: KnowledgeStore) -> None:
    listing = reply_to(bundled_store, "/said") or ""
    assert listing.startswith(messages.said_candidates_intro(None, False, messages.AT_THE_TERMINAL)) and "Lynn Rusten (6)" in listing
    yun = reply_to(bundled_store, "/said joseph") or ""
    assert yun.startswith("Joseph Yun (formerly America’s top North Korea negotiator): 3 quotations")
    assert f"“{YUN}" in yun.replace("\n   ", " ")
    side_by_side = reply_to(bundled_store, f"/compare {HANOI}") or ""
    assert "WIRED:\n" in side_by_side and "Vox:\n" in side_by_side
    assert "The Washington Post: nothing on this." in side_by_side
    assert "WIRED February 28, 2019; Vox February 27, 2019" in side_by_side
    assert "/said [NAME]" in (reply_to(bundled_store, "/help") or "")
    assert (reply_to(bundled_store, "/compare") or "") == messages.compare_empty(messages.AT_THE_TERMINAL) == "Please give a topic to compare (a question works): /compare TOPIC."
    # A name like no quoted one's gets no names: "/said kim" once offered Trump, McKeon and Gallucci.
    assert reply_to(bundled_store, "/said kim") == messages.said_no_candidates("kim", messages.AT_THE_TERMINAL)
    assert (reply_to(bundled_store, "/said Galuci") or "").splitlines()[1:] == ["  Robert Gallucci (2)"]
    # A name and a topic: the person's quotations, and how to ask for the topic.
    with_topic = (reply_to(bundled_store, "/said rusten sanctions") or "").splitlines()
    assert with_topic[0].startswith("Lynn Rusten (") and with_topic[1] == messages.said_topic_left_out("Lynn Rusten", "sanctions", messages.AT_THE_TERMINAL)



def test_the_hint_for_a_topic_after_a_name_is_each_front_end_s_own_way_of_asking(bundled_store: KnowledgeStore, capsys: pytest.CaptureFixture[str]) -> None:
    """`/said rusten sanctions` pointed to "/ask what did Lynn Rusten say about sanctions?" on the
    command line too, where no slash command runs, and in the terminal chat, where a line is a
    question. Followed as written, each hint answers with Rusten's words."""
    hint_prefix = "ask: "
    assert main(["said", "rusten", "sanctions"]) == 0
    [command] = [line.split(hint_prefix, 1)[1] for line in capsys.readouterr().out.splitlines() if hint_prefix in line]
    assert command.startswith("python -m bot ask ")
    assert main([*shlex.split(command)[3:], "--json"]) == 0
    answered_cli = json.loads(capsys.readouterr().out)
    assert answered_cli["answered"] and all("Rusten" in q["text"] for q in answered_cli["quotes"])

    said = (reply_to(bundled_store, "/said rusten sanctions") or "").splitlines()
    [question] = [line.split(hint_prefix, 1)[1] for line in said if hint_prefix in line]
    assert not question.startswith("/") and said[1].startswith("/said lists")
    answered_chat = reply_to(bundled_store, question) or ""
    assert answered_chat.startswith("What the articles quote or report Lynn Rusten as saying:")

    # The list of everyone quoted, and an unknown name, name the command line's way too.
    assert main(["said"]) == 0
    assert "(python -m bot said NAME shows what one said)" in capsys.readouterr().out
    assert main(["said", "Nobody Atall"]) == 0
    assert capsys.readouterr().out.strip().endswith("python -m bot said alone lists everyone quoted.")
    # So does compare's hint for a missing topic (it said "/compare TOPIC", a command no shell runs).
    assert main(["compare", ""]) == 2
    assert capsys.readouterr().err.strip() == "Please give a topic to compare (a question works): python -m bot compare TOPIC."


# --- Discord, through the real client ---


async def test_discord_said_shows_a_speaker_s_quotes_with_sources(bot: FakeDiscord, bundled_store: KnowledgeStore) -> None:
    interaction = await bot.slash("said", {"name": "rusten"})
    calls = await bot.wait_for(answered(interaction))
    [callback] = [c for c in interaction_calls(calls, interaction) if c.path.endswith("/callback")]
    [embed] = callback.body["data"]["embeds"]
    assert embed["title"].startswith("Lynn Rusten (who served as senior director")
    speaker = commands.said(bundled_store, "rusten").speaker
    assert speaker is not None
    for quotation in speaker.quotations:
        assert f"> {quotation.text[:60]}" in embed["description"]
    assert source_markdown(speaker.quotations[0].quote.article.meta) in embed["description"]
    assert_pings_no_one(calls)


async def test_discord_said_with_a_topic_after_the_name_says_how_to_ask_for_it(bot: FakeDiscord) -> None:
    interaction = await bot.slash("said", {"name": "rusten sanctions"})
    calls = await bot.wait_for(answered(interaction))
    [callback] = [c for c in interaction_calls(calls, interaction) if c.path.endswith("/callback")]
    [embed] = callback.body["data"]["embeds"]
    assert embed["title"].startswith("Lynn Rusten (")
    assert messages.said_topic_left_out("Lynn Rusten", "sanctions", messages.IN_CHAT) in embed["description"]
    assert_pings_no_one(calls)


async def test_discord_said_autocompletes_speakers_and_lists_them_alone(bot: FakeDiscord) -> None:
    typing = await bot.slash("said", {"name": "j"}, kind=4, focused="name")
    calls = await bot.wait_for(answered(typing))
    [callback] = [c for c in interaction_calls(calls, typing) if c.path.endswith("/callback")]
    assert {c["value"] for c in callback.body["data"]["choices"]} == {"Joseph Yun", "Jenny Town", "James McKeon"}
    everyone = await bot.slash("said")
    calls = await bot.wait_for(answered(everyone))
    [callback] = [c for c in interaction_calls(calls, everyone) if c.path.endswith("/callback")]
    assert "• Lynn Rusten (6)" in callback.body["data"]["embeds"][0]["description"]


async def test_discord_said_offers_no_names_when_none_is_like_the_one_asked(bot: FakeDiscord) -> None:
    """"/said kim" offered Trump, McKeon and Gallucci as the closest names."""
    unknown = await bot.slash("said", {"name": "kim"})
    calls = await bot.wait_for(answered(unknown))
    [callback] = [c for c in interaction_calls(calls, unknown) if c.path.endswith("/callback")]
    [embed] = callback.body["data"]["embeds"]
    assert embed["description"] == messages.said_no_candidates("kim", messages.IN_CHAT)
    assert_pings_no_one(calls)


async def test_discord_compare_is_one_embed_with_a_field_per_outlet(bot: FakeDiscord) -> None:
    interaction = await bot.slash("compare", {"topic": HANOI})
    calls = await bot.wait_for(answered(interaction, follow_ups=1))
    [follow_up] = [c for c in interaction_calls(calls, interaction) if c.path.startswith("/webhooks/")]
    [embed] = follow_up.body["embeds"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert {"WIRED", "Vox"} <= set(fields)
    assert fields[messages.COMPARE_NOTHING_TITLE] == "The Washington Post: nothing on this."
    assert fields["Vox"].startswith("> ")
    assert "Trump’s initiative hit a major roadblock early Wednesday morning" in fields["Vox"]
    assert "WIRED February 28, 2019; Vox February 27, 2019" in embed["footer"]["text"]
    assert_pings_no_one(calls)


async def test_discord_compare_says_which_named_outlet_has_no_article(bot: FakeDiscord) -> None:
    interaction = await bot.slash("compare", {"topic": "what did reuters say about hanoi"})
    calls = await bot.wait_for(answered(interaction, follow_ups=1))
    [follow_up] = [c for c in interaction_calls(calls, interaction) if c.path.startswith("/webhooks/")]
    [embed] = follow_up.body["embeds"]
    assert embed["description"] == "No article here is from reuters, nor names it."
    assert {"WIRED", "Vox"} <= {f["name"] for f in embed["fields"]}
    assert_pings_no_one(calls)


# --- Slack, through the real app ---


async def test_slack_said_and_compare(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/said", "gallucci", hook="said"))
    await http_bot.command(slash_command_body(fake_slack, "/compare", f"private {HANOI}", hook="compare"))
    await http_bot.command(slash_command_body(fake_slack, "/said", "Nobody Known", hook="unknown"))
    (said,) = await fake_slack.wait_for(lambda f: replies(f, "said"))
    (compared,) = await fake_slack.wait_for(lambda f: replies(f, "compare"))
    (unknown,) = await fake_slack.wait_for(lambda f: replies(f, "unknown"))
    for reply in (said, compared, unknown):
        assert_valid_blocks(reply["blocks"])
        assert_no_pings(reply)
    assert said["response_type"] == "in_channel"
    assert said["blocks"][0]["text"]["text"].startswith("Robert Gallucci (former ambassador): 2 quotations")
    assert ">You don’t start with the summit." in all_text(said)
    assert compared["response_type"] == "ephemeral"  # asked with `private`
    sections = [b["text"]["text"] for b in compared["blocks"] if b["type"] == "section"]
    assert any(s.startswith("*WIRED*\n>") for s in sections) and any(s.startswith("*Vox*\n>") for s in sections)
    assert "The Washington Post: nothing on this." in sections
    assert "No one called 'Nobody Known' is quoted" in all_text(unknown)
    await http_bot.command(slash_command_body(fake_slack, "/compare", "what did reuters say about <hanoi>", hook="no-article"))
    (no_article,) = await fake_slack.wait_for(lambda f: replies(f, "no-article"))
    assert_valid_blocks(no_article["blocks"])
    assert no_article["blocks"][0]["text"]["text"] == "No article here is from reuters, nor names it."
    await http_bot.command(slash_command_body(fake_slack, "/said", "kim", hook="none-close"))
    (none_close,) = await fake_slack.wait_for(lambda f: replies(f, "none-close"))
    assert_valid_blocks(none_close["blocks"])
    assert none_close["text"] == messages.said_no_candidates("kim", messages.IN_CHAT)


# --- limits, for any article the front matter allows ---


@pytest.mark.parametrize("seed", range(40))
def test_said_and_compare_stay_within_both_platforms_limits(seed: int) -> None:
    rng = random.Random(seed)
    articles: list[Article] = [article(rng, n) for n in range(30)]
    quotes = [quote_of(rng, a) for a in articles]
    speaker = Speaker("Ana Silva " * rng.randint(1, 40), tuple(Quotation(q, "Ana Silva", "role " * rng.randint(0, 80) or None) for q in quotes))
    outlets = tuple(OutletQuotes(a.meta.publisher + str(n), Answer("q", quotes=(q, q))) for n, (a, q) in enumerate(zip(articles, quotes)))
    event = TimelineEvent(EventDate(2019, 2, 28), False, "t " * rng.randint(1, 600), (quotes[0],), other_dates=(DatedSource(EventDate(2019, 2, 27), False, (quotes[1],)),))
    comparisons = [
        Comparison("topic " * rng.randint(1, 300), outlets[: rng.randint(1, 30)], tuple(a.meta.publisher for a in articles[:5]), (event,)),
        Comparison("topic", (), tuple(a.meta.publisher for a in articles)),
    ]
    lookups = [SpeakerLookup(speaker), SpeakerLookup(None, (speaker,) * 60), SpeakerLookup(None, (speaker,) * 3, ambiguous=True)]

    for lookup in lookups:
        embed = discord_render.said_embed(lookup, "a" * rng.randint(0, 100))
        assert discord_render.within_limits([embed]), embed.to_dict()
        message = slack_render.said_message(lookup, "a" * rng.randint(0, 100))
        assert_valid_blocks(message.blocks)
    for comparison in comparisons:
        embed = discord_render.compare_embed(comparison)
        assert discord_render.within_limits([embed]), embed.to_dict()
        for field in embed.fields:
            if field.name != messages.COMPARE_NOTHING_TITLE:
                first = (field.value or "").split("\n\n")[0]
                shown, _, _source = first.rpartition("\n")
                outlet = next(o for o in comparison.outlets if o.publisher.startswith((field.name or "").rstrip("…")))
                if outlet.quotes[0].text.strip():  # a real quote is never blank; a random slice may be
                    assert_exact_or_prefix(unquoted(shown), outlet.quotes[0])
        message = slack_render.compare_message(comparison)
        assert_valid_blocks(message.blocks)


def test_a_speaker_s_quotes_on_discord_are_exact_prefixes(tmp_path: Path, bundled_store: KnowledgeStore) -> None:
    speaker = commands.said(bundled_store, "rusten").speaker
    assert speaker is not None
    embed = discord_render.said_embed(SpeakerLookup(speaker), "rusten")
    blocks = (embed.description or "").split("\n\n")[1:]
    for quotation, block in zip(speaker.quotations, blocks, strict=True):
        shown, _, _source = block.rpartition("\n")
        assert_exact_or_prefix(unquoted(shown), quotation.quote)


def test_the_topic_typed_into_compare_is_shown_as_text_on_slack(bundled_store: KnowledgeStore) -> None:
    # Slack unescapes what users type; shown back unescaped, "<https://…|…>" would become a link
    # the bot seems to post, and "&" would start an entity.
    comparison = commands.compare(bundled_store, "hanoi summit <https://example.org|press here> & more")
    assert comparison.outlets
    message = slack_render.compare_message(comparison)
    for shown in (message.blocks[0]["text"]["text"], message.text):
        assert "&lt;https://example.org|press here&gt; &amp; more" in shown
        assert "<https://" not in shown
