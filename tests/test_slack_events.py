"""Mentions, DMs, thread follow-ups, retries and other bots: signed Events API requests over HTTP."""

from __future__ import annotations

from typing import cast

import pytest

from bot import messages
from bot.answers import answer
from bot.compare import outlets
from bot.knowledge.store import KnowledgeStore
from tests.conftest import FIXTURE_KNOWLEDGE
from tests.fakes.slack_server import BOT_ID, BOT_USER_ID, FakeSlack
from tests.slack_checks import all_text, assert_no_pings, assert_valid_blocks
from tests.slack_fixtures import (  # noqa: F401  (fixtures)
    CHANNEL_ID,
    USER_ID,
    HttpBot,
    event_callback,
    fake_slack,
    http_bot,
    mention_event,
    message_event,
    serve_http,
    slack_settings,
    slash_command_body,
)

TILLERSON = "Who was Trump's choice to replace Tillerson?"
ROOT = "1700000100.000100"


def posts_in_thread(fake: FakeSlack, thread_ts: str) -> list[dict]:
    return [c.args for c in fake.of("chat.postMessage") if c.args.get("thread_ts") == thread_ts]


async def test_a_mention_is_answered_in_a_thread(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    response = await http_bot.event(event_callback(mention_event(TILLERSON, ROOT), "Ev001"))
    assert response.status == 200
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert post["channel"] == CHANNEL_ID
    assert "Mike Pompeo, Trump’s choice to replace Tillerson" in all_text(post)
    assert post["unfurl_links"] is False
    assert_valid_blocks(post["blocks"])


async def test_a_direct_message_is_answered_in_a_thread(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    await http_bot.event(event_callback(message_event(TILLERSON, ROOT, channel_type="im"), "Ev002"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert post["channel"] == "D0DIRECT"
    assert "Pompeo" in all_text(post)


async def test_a_follow_up_in_the_thread_uses_the_earlier_question(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    follow_up = "1700000300.000300"
    fake_slack.threads[(CHANNEL_ID, ROOT)] = [
        {"type": "message", "user": USER_ID, "text": f"<@{BOT_USER_ID}> Why did the Hanoi summit collapse?", "ts": ROOT, "thread_ts": ROOT},
        {"type": "message", "bot_id": BOT_ID, "user": BOT_USER_ID, "text": "From the articles:", "ts": "1700000200.000200", "thread_ts": ROOT},
        {"type": "message", "user": USER_ID, "text": "when?", "ts": follow_up, "thread_ts": ROOT},
    ]
    # "when?" alone is declined; with the thread's question it is answered. No mention needed.
    await http_bot.event(event_callback(message_event("when?", follow_up, channel_type="channel", thread_ts=ROOT), "Ev003"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    (history,) = fake_slack.of("conversations.replies")
    assert (history.args["channel"], history.args["ts"]) == (CHANNEL_ID, ROOT)
    # The reply names the thread's question it read "when?" with: the history reached the answer.
    assert "Reading this with your earlier question “Why did the Hanoi summit collapse?”" in all_text(post)
    assert "Hanoi" in all_text(post)


@pytest.mark.parametrize("outlet", ["Vox", "WIRED"])
async def test_a_follow_up_naming_an_outlet_asks_the_thread_s_question_of_its_articles(
    fake_slack: FakeSlack, http_bot: HttpBot, bundled_store: KnowledgeStore, outlet: str
) -> None:
    """"and Vox?" once answered the thread's question from every outlet, Vox merely lifted."""
    follow_up = "1700000300.000300"
    fake_slack.threads[(CHANNEL_ID, ROOT)] = [
        {"type": "message", "user": USER_ID, "text": f"<@{BOT_USER_ID}> Why did the Hanoi summit collapse?", "ts": ROOT, "thread_ts": ROOT},
        {"type": "message", "bot_id": BOT_ID, "user": BOT_USER_ID, "text": "From the articles:", "ts": "1700000200.000200", "thread_ts": ROOT},
        {"type": "message", "user": USER_ID, "text": f"and {outlet}?", "ts": follow_up, "thread_ts": ROOT},
    ]
    await http_bot.event(event_callback(message_event(f"and {outlet}?", follow_up, channel_type="channel", thread_ts=ROOT), "Ev030"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    lead, *quoted = post["text"].splitlines()  # the fallback text: the lead, then "“quote” (publisher)" a line
    assert lead == f"Reading this with your earlier question “Why did the Hanoi summit collapse?”, from the articles of {outlet}:"
    assert quoted and all(line.endswith(f"” ({outlet})") for line in quoted)
    expected = answer(bundled_store.current, "Why did the Hanoi summit collapse?", only_articles=outlets(bundled_store.current)[outlet])
    assert [line.split("” (")[0][1:61] for line in quoted] == [quote.text[:60] for quote in expected.quotes]
    assert_valid_blocks(post["blocks"])
    assert_no_pings(post)


async def test_a_question_of_its_own_in_the_thread_is_not_read_with_the_thread(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    own, elliptical = "1700000300.000300", "1700000400.000400"
    fake_slack.threads[(CHANNEL_ID, ROOT)] = [
        {"type": "message", "user": USER_ID, "text": f"<@{BOT_USER_ID}> Why did the Hanoi summit collapse?", "ts": ROOT, "thread_ts": ROOT},
        {"type": "message", "bot_id": BOT_ID, "user": BOT_USER_ID, "text": "From the articles:", "ts": "1700000200.000200", "thread_ts": ROOT},
        {"type": "message", "user": USER_ID, "text": "when was tillerson fired?", "ts": own, "thread_ts": ROOT},
        {"type": "message", "user": USER_ID, "text": "when was that?", "ts": elliptical, "thread_ts": ROOT},
    ]
    await http_bot.event(event_callback(message_event("when was tillerson fired?", own, channel_type="channel", thread_ts=ROOT), "Ev030"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert fake_slack.of("conversations.replies")  # the thread was read, and not leaned on
    assert messages.NOT_COVERED in all_text(post) and "earlier question" not in all_text(post)
    await http_bot.event(event_callback(message_event("when was that?", elliptical, channel_type="channel", thread_ts=ROOT), "Ev031"))
    (_, post) = await fake_slack.wait_for(lambda f: len(posts_in_thread(f, ROOT)) == 2 and posts_in_thread(f, ROOT))
    # A declined question of its own is what the next follow-up leans on, as an answered one is.
    assert "with your earlier question “when was tillerson fired?”" in all_text(post)


async def test_a_follow_up_in_a_long_thread_reads_its_latest_messages(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    """Slack pages a thread forward from its root: the question a follow-up leans on is the latest
    one, hundreds of messages in, not one of the first messages."""
    def message(n: int, text: str, **extra: str) -> dict:
        return {"type": "message", "user": USER_ID, "text": text, "ts": f"1700001{n:03d}.000100", "thread_ts": ROOT, **extra}

    chatter = [message(n, "thanks") for n in range(1, 300)]
    latest_question = message(300, "Why did the Hanoi summit collapse?")
    bot_answer = message(301, "From the articles:", bot_id=BOT_ID, user=BOT_USER_ID)
    follow_up = message(302, "when?")
    later = message(303, "Who was Trump's choice to replace Tillerson?")  # posted after the follow-up
    fake_slack.threads[(CHANNEL_ID, ROOT)] = [
        {"type": "message", "user": USER_ID, "text": f"<@{BOT_USER_ID}> {TILLERSON}", "ts": ROOT, "thread_ts": ROOT},
        *chatter, latest_question, bot_answer, follow_up, later,
    ]
    await http_bot.event(event_callback(message_event("when?", follow_up["ts"], channel_type="channel", thread_ts=ROOT), "Ev020"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert "Reading this with your earlier question “Why did the Hanoi summit collapse?”" in all_text(post)
    pages = fake_slack.of("conversations.replies")
    assert len(pages) > 1  # the thread did not fit one page: the cursor was followed


async def test_a_mention_inside_a_thread_replies_to_the_root(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    reply = "1700000400.000400"
    fake_slack.threads[(CHANNEL_ID, ROOT)] = [
        {"type": "message", "user": USER_ID, "text": "Why did the Hanoi summit collapse?", "ts": ROOT},
        {"type": "message", "user": USER_ID, "text": f"<@{BOT_USER_ID}> when?", "ts": reply, "thread_ts": ROOT},
    ]
    await http_bot.event(event_callback(mention_event("when?", reply, thread_ts=ROOT), "Ev004"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert "Hanoi" in all_text(post)


async def test_replies_in_threads_not_started_with_the_bot_are_ignored(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    other_root = "1700000500.000500"
    fake_slack.threads[(CHANNEL_ID, other_root)] = [
        {"type": "message", "user": USER_ID, "text": "lunch anyone?", "ts": other_root},
        {"type": "message", "user": USER_ID, "text": TILLERSON, "ts": "1700000501.000501", "thread_ts": other_root},
    ]
    await http_bot.event(
        event_callback(message_event(TILLERSON, "1700000501.000501", channel_type="channel", thread_ts=other_root), "Ev005")
    )
    # A top-level channel message without a mention is not for the bot either.
    await http_bot.event(event_callback(message_event(TILLERSON, "1700000502.000502", channel_type="channel"), "Ev006"))
    await http_bot.settled()
    assert not fake_slack.of("chat.postMessage")


async def test_a_long_thread_not_started_with_the_bot_costs_one_history_page(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    other_root = "1700000600.000600"
    replies = [{"type": "message", "user": USER_ID, "text": "lunch?", "ts": f"1700000{601 + n}.000100", "thread_ts": other_root} for n in range(399)]
    fake_slack.threads[(CHANNEL_ID, other_root)] = [{"type": "message", "user": USER_ID, "text": "lunch anyone?", "ts": other_root}, *replies]
    await http_bot.event(event_callback(message_event(TILLERSON, "1700001001.000100", channel_type="channel", thread_ts=other_root), "Ev021"))
    await http_bot.settled()
    assert len(fake_slack.of("conversations.replies")) == 1 and not fake_slack.of("chat.postMessage")


def retry_headers(number: int, reason: str) -> dict[str, str]:
    return {"X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": reason}


async def test_a_retried_event_is_answered_once(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    payload = event_callback(mention_event(TILLERSON, ROOT), "Ev007")
    first = await http_bot.event(payload)
    retry = await http_bot.event(payload, headers=retry_headers(1, "http_timeout"))
    # A retry for another reason is processed, and then caught by this process's event ids.
    errored = await http_bot.event(payload, headers=retry_headers(2, "http_error"))
    again = await http_bot.event(payload)  # the same event id without the header: caught by the id
    assert (first.status, retry.status, errored.status, again.status) == (200, 200, 200, 200)
    await http_bot.settled()
    assert len(posts_in_thread(fake_slack, ROOT)) == 1


async def test_a_timeout_retry_is_dropped_by_a_copy_that_never_saw_the_first_delivery(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    # Behind a load balancer the first delivery went to another copy, which is answering it.
    payload = event_callback(mention_event(TILLERSON, ROOT), "EvOTHERCOPY")
    assert (await http_bot.event(payload, headers=retry_headers(1, "http_timeout"))).status == 200
    await http_bot.settled()
    assert not posts_in_thread(fake_slack, ROOT)


@pytest.mark.parametrize(
    "reason", ["http_error", "connection_failed", "ssl_error", "too_many_redirects", "too_many_requests", "unknown_error"]
)
async def test_a_retry_of_a_delivery_that_never_arrived_is_answered(fake_slack: FakeSlack, http_bot: HttpBot, reason: str) -> None:
    # The first attempt reached no copy of the bot; this retry is the only chance to answer.
    payload = event_callback(mention_event(TILLERSON, ROOT), f"EvLOST-{reason}")
    assert (await http_bot.event(payload, headers=retry_headers(1, reason))).status == 200
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert "Pompeo" in all_text(post)


async def test_bots_and_the_bot_itself_are_ignored(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    other_bot = message_event(TILLERSON, "1700000601.000601", channel_type="im", bot_id="BOTHER", subtype="bot_message")
    own = message_event(TILLERSON, "1700000602.000602", channel_type="im", bot_id=BOT_ID, user=BOT_USER_ID)
    edited = message_event(TILLERSON, "1700000603.000603", channel_type="im", subtype="message_changed")
    for n, event in enumerate((other_bot, own, edited)):
        assert (await http_bot.event(event_callback(event, f"EvBOT{n}"))).status == 200
    await http_bot.settled()
    assert not fake_slack.of("chat.postMessage")


async def test_pings_in_a_question_are_not_repeated(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    question = f"<!channel> <!subteam^S0123|everyone> &lt;!here&gt; {TILLERSON}"
    await http_bot.event(event_callback(mention_event(question, ROOT), "Ev008"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert_no_pings(post)
    assert "Pompeo" in all_text(post)


async def test_url_verification_is_answered(http_bot: HttpBot) -> None:
    response = await http_bot.event({"token": "verification_token", "challenge": "abc123", "type": "url_verification"})
    assert response.status == 200


class BrokenStore:
    """A store that fails on every read: what the user sees when answering crashes."""

    @property
    def current(self):  # type: ignore[no-untyped-def]
        raise RuntimeError("index is broken")


async def test_a_failure_is_logged_and_the_asker_told_briefly(fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture) -> None:
    async for bot in serve_http(slack_settings(fake_slack), cast(KnowledgeStore, BrokenStore())):
        assert (await bot.command(slash_command_body(fake_slack, "/ask", TILLERSON))).status == 200
        (reply,) = await fake_slack.wait_for(lambda f: f.of("response_url"))
        await bot.event(event_callback(mention_event(TILLERSON, ROOT), "EvFAIL"))
        (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert reply.args["text"] == messages.INTERNAL_ERROR and reply.args["response_type"] == "ephemeral"
    assert post["text"] == messages.INTERNAL_ERROR
    assert "index is broken" in caplog.text


async def test_a_follow_up_in_a_direct_message_thread(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    follow_up = "1700000900.000900"
    fake_slack.threads[("D0DIRECT", ROOT)] = [
        {"type": "message", "user": USER_ID, "text": "Why did the Hanoi summit collapse?", "ts": ROOT},
        {"type": "message", "bot_id": BOT_ID, "user": BOT_USER_ID, "text": "From the articles:", "ts": "1700000800.000800"},
        {"type": "message", "user": USER_ID, "text": "when?", "ts": follow_up, "thread_ts": ROOT},
    ]
    await http_bot.event(event_callback(message_event("when?", follow_up, channel_type="im", thread_ts=ROOT), "Ev010"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    assert post["channel"] == "D0DIRECT" and "Hanoi" in all_text(post)


async def test_a_thread_the_bot_cannot_read_is_left_alone(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    # No entry in fake_slack.threads: conversations.replies answers thread_not_found.
    unknown = "1700001100.000100"
    await http_bot.event(event_callback(message_event("why?", "1700001101.000100", channel_type="channel", thread_ts=unknown), "Ev011"))
    await http_bot.event(event_callback(mention_event(TILLERSON, "1700001102.000100", thread_ts=unknown), "Ev012"))
    (post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, unknown))  # the mention, answered on its own
    assert "Pompeo" in all_text(post)
    await fake_slack.wait_for(lambda f: len(f.of("conversations.replies")) == 2)
    await http_bot.settled()
    assert len(posts_in_thread(fake_slack, unknown)) == 1


async def test_a_follow_up_after_a_restart_reads_its_question_from_the_thread(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    """Nothing a follow-up needs lives in the bot: the copy that answered the thread's question
    stops, another starts with a knowledge store of its own, and "and why?" is read with the
    question Slack holds in the thread."""
    question = "When did the Hanoi summit collapse?"
    async for first in serve_http(slack_settings(fake_slack), bundled_store):
        await first.event(event_callback(mention_event(question, ROOT), "Ev040"))
        (answer_post,) = await fake_slack.wait_for(lambda f: posts_in_thread(f, ROOT))
    follow_up = "1700000300.000300"
    fake_slack.threads[(CHANNEL_ID, ROOT)] = [
        {"type": "message", "user": USER_ID, "text": f"<@{BOT_USER_ID}> {question}", "ts": ROOT, "thread_ts": ROOT},
        {"type": "message", "bot_id": BOT_ID, "user": BOT_USER_ID, "text": answer_post["text"], "ts": "1700000200.000200", "thread_ts": ROOT},
        {"type": "message", "user": USER_ID, "text": "and why?", "ts": follow_up, "thread_ts": ROOT},
    ]
    async for second in serve_http(slack_settings(fake_slack), KnowledgeStore(FIXTURE_KNOWLEDGE)):
        await second.event(event_callback(message_event("and why?", follow_up, channel_type="channel", thread_ts=ROOT), "Ev041"))
        (_, post) = await fake_slack.wait_for(lambda f: len(posts_in_thread(f, ROOT)) == 2 and posts_in_thread(f, ROOT))
    assert f"Reading this with your earlier question “{question}”" in all_text(post), all_text(post)
    # The reason the articles give, as WIRED wrote it: the why of the thread's question, not its when.
    reason = "Trump says Kim asked for the lifting of all economic sanctions in exchange for closing the Yongbyon Nuclear Scientific Research Complex"
    assert reason in (FIXTURE_KNOWLEDGE / "articles" / "wired-2019-02-28-cant-make-deal-on-his-own.md").read_text(encoding="utf-8")
    assert reason in all_text(post), all_text(post)
