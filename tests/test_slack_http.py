"""The real Slack app served over HTTP on 127.0.0.1: signed slash commands and buttons, end to end."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from pathlib import Path
from typing import cast

from bot import messages
from bot.context import ContextRef
from bot.knowledge.store import KnowledgeStore
from bot.render.slack_render import MORE_CONTEXT_ACTION, TIMELINE_MORE_ACTION
from tests.conftest import write_talks_with_a_plan
from tests.fakes.slack_server import FakeSlack
from tests.slack_checks import all_text, assert_no_pings, assert_valid_blocks
from tests.slack_fixtures import (  # noqa: F401  (fixtures)
    ADMIN_ID,
    HttpBot,
    block_action_body,
    fake_slack,
    http_bot,
    serve_http,
    slack_settings,
    slash_command_body,
)
from tests.test_slack_render import make_events

TILLERSON = "Who was Trump's choice to replace Tillerson?"
GATE_TIMEOUT = 20.0  # only reached when the test fails


class GatedStore:
    """A store whose knowledge read waits until the test opens the gate: answering cannot finish before then."""

    unanswered_log = asked_log = feedback_log = None

    def __init__(self, inner: KnowledgeStore) -> None:
        self._inner = inner
        self.reading = threading.Event()  # set once the bot has started answering
        self.gate = threading.Event()  # opened by the test

    @property
    def current(self):  # type: ignore[no-untyped-def]
        self.reading.set()
        # Runs in the worker thread the bot answers in. Bounded, so a broken test cannot hang the run.
        if not self.gate.wait(timeout=GATE_TIMEOUT):
            raise AssertionError("the test never opened the gate")
        return self._inner.current


def replies(fake: FakeSlack, hook: str) -> list[dict]:
    return [c.args for c in fake.of("response_url") if c.path.endswith("/" + hook)]


async def test_ask_is_acknowledged_at_once_and_answered_in_the_channel(fake_slack: FakeSlack, bundled_store: KnowledgeStore) -> None:
    gated = GatedStore(bundled_store)
    async for bot in serve_http(slack_settings(fake_slack), cast(KnowledgeStore, gated)):
        try:
            # The answer is held back until the gate opens, so the 200 can only come from an ack
            # sent before the answering finished; a bot that answered first would time out here.
            response = await asyncio.wait_for(bot.command(slash_command_body(fake_slack, "/ask", TILLERSON)), GATE_TIMEOUT / 2)
            assert response.status == 200
            assert await asyncio.to_thread(gated.reading.wait, GATE_TIMEOUT)  # the answering is under way…
            assert not replies(fake_slack, "cmd")  # …and nothing has been posted yet
        finally:
            gated.gate.set()
        (answer,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))  # the answer comes after the ack

    assert answer["response_type"] == "in_channel"
    assert_valid_blocks(answer["blocks"])
    text = all_text(answer)
    assert "Mike Pompeo, Trump’s choice to replace Tillerson" in text
    assert "The Washington Post (Global Opinions)" in text and "March 13, 2018" in text
    assert "<https://www.washingtonpost.com/news/global-opinions/wp/2018/03/13/" in text
    buttons = [e for b in answer["blocks"][:-1] if b["type"] == "actions" for e in b["elements"]]
    assert buttons and all(b["action_id"].startswith(MORE_CONTEXT_ACTION) for b in buttons)
    assert [e["action_id"] for e in answer["blocks"][-1]["elements"]] == ["feedback_good", "feedback_bad"]  # 👍 👎 last
    assert ContextRef.decode(buttons[0]["value"]) is not None
    assert "Pompeo" in answer["text"]  # the plain-text fallback for notifications


async def test_private_answers_only_the_asker(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/ask", f"private {TILLERSON}", hook="first"))
    await http_bot.command(slash_command_body(fake_slack, "/ask", f"{TILLERSON} private", hook="last"))
    for hook in ("first", "last"):
        (answer,) = await fake_slack.wait_for(lambda f, hook=hook: replies(f, hook))
        assert answer["response_type"] == "ephemeral"
        assert "Pompeo" in all_text(answer)
    assert not fake_slack.of("chat.postMessage")


async def test_uncovered_question_is_declined(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/ask", "What is the weather in Paris?"))
    (answer,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))
    # A place no article names: the reply says so (session 21), not only "do not cover that".
    assert messages.NEVER_MENTIONED.format(name="Paris") in all_text(answer)


async def test_forged_or_stale_requests_get_401_and_run_nothing(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    body = slash_command_body(fake_slack, "/ask", TILLERSON, hook="forged")
    forged = await http_bot.command(body, headers={"X-Slack-Signature": "v0=" + "0" * 64})
    stale = await http_bot.command(body, timestamp=int(time.time()) - 6 * 60)
    tampered = body.replace("Tillerson", "Pompeo")
    signed_other = await http_bot.send(tampered, "application/x-www-form-urlencoded", headers={
        "X-Slack-Signature": "v0=" + "f" * 64,
    })
    assert (forged.status, stale.status, signed_other.status) == (401, 401, 401)
    # A good request sent afterwards is answered; once it is, the bad ones would have been too.
    await http_bot.command(slash_command_body(fake_slack, "/help", "", hook="good"))
    await fake_slack.wait_for(lambda f: replies(f, "good"))
    assert not replies(fake_slack, "forged")
    assert not fake_slack.of("chat.postMessage")


async def test_help_documents_private_and_the_commands(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/help", ""))
    (reply,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))
    text = all_text(reply)
    for needed in ("/ask", "/timeline", "/sources", "/help", "`private`", "name the people, places and events"):
        assert needed in text
    assert_valid_blocks(reply["blocks"])


async def test_sources_lists_the_articles(fake_slack: FakeSlack, http_bot: HttpBot, bundled_store: KnowledgeStore) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/sources", ""))
    (reply,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))
    for article in bundled_store.current.articles.values():
        assert article.meta.id in all_text(reply)


async def test_reload_is_refused_to_others_and_runs_for_admins(fake_slack: FakeSlack, knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    async for bot in serve_http(slack_settings(fake_slack), store):
        await bot.command(slash_command_body(fake_slack, "/reload", "", hook="someone"))
        (refusal,) = await fake_slack.wait_for(lambda f: replies(f, "someone"))
        assert refusal["response_type"] == "ephemeral"
        assert "Only the bot's admins" in refusal["text"]

        (knowledge_copy / "articles" / "vox-2019-02-28-approach-didnt-work.md").unlink()
        await bot.command(slash_command_body(fake_slack, "/reload", "", user_id=ADMIN_ID, hook="admin"))
        (summary,) = await fake_slack.wait_for(lambda f: replies(f, "admin"))
    assert summary["response_type"] == "ephemeral"
    assert "Reloaded in" in summary["text"] and "removed vox-2019-02-28-approach-didnt-work" in summary["text"]
    assert "vox-2019-02-28-approach-didnt-work" not in store.current.articles


async def test_more_context_is_shown_only_to_the_presser(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/ask", TILLERSON))
    (answer,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))
    button = next(e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"])
    await http_bot.action(block_action_body(fake_slack, button["action_id"], button["value"]))
    (context,) = await fake_slack.wait_for(lambda f: replies(f, "action"))
    assert context["response_type"] == "ephemeral" and context["replace_original"] is False
    text = all_text(context)
    # The wider passage holds the quote and the sentences around it.
    assert "Mike Pompeo, Trump’s choice to replace Tillerson" in text
    assert len(context["blocks"][1]["text"]["text"]) > len(answer["blocks"][2]["text"]["text"])


async def test_timeline_pages_with_a_more_button(fake_slack: FakeSlack, knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    events = make_events(store.current, 11)
    store.current = dataclasses.replace(store.current, timeline=tuple(events))
    async for bot in serve_http(slack_settings(fake_slack), store):
        await bot.command(slash_command_body(fake_slack, "/timeline", ""))
        (first,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))
        assert first["response_type"] == "in_channel"
        assert "(1–8 of 11)" in first["text"]
        button = first["blocks"][-1]["elements"][0]
        assert button["action_id"] == TIMELINE_MORE_ACTION
        await bot.action(block_action_body(fake_slack, TIMELINE_MORE_ACTION, button["value"], hook="more"))
        (second,) = await fake_slack.wait_for(lambda f: replies(f, "more"))
    assert "(9–11 of 11)" in second["text"]
    assert "Event number 8 &lt;!here&gt;" in all_text(second) and "Event number 0 " not in all_text(second)
    assert second["blocks"][-1]["type"] != "actions"  # the last page has no More button
    assert_valid_blocks(second["blocks"])
    assert_no_pings(second)


async def test_timeline_shows_announced_plans_after_what_happened_and_marked(fake_slack: FakeSlack, tmp_path: Path) -> None:
    store = KnowledgeStore(write_talks_with_a_plan(tmp_path / "knowledge"))
    async for bot in serve_http(slack_settings(fake_slack), store):
        await bot.command(slash_command_body(fake_slack, "/timeline", ""))
        (reply,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))
    text = all_text(reply)
    announced = messages.timeline_announced(f"{messages.SLACK_TIMELINE_APPROXIMATE} March 2019")
    assert text.index("*March 12, 2019* The trade ministers met in Oslo") < text.index(f"*{announced}* The ministers will return to Oslo")
    assert "The ministers will return to Oslo in two weeks, a spokesman said." in text
    assert f"{announced}: The ministers will return to Oslo" in reply["text"]  # the notification's fallback
    assert_valid_blocks(reply["blocks"])
    assert_no_pings(reply)


async def test_empty_timeline_says_so(fake_slack: FakeSlack, http_bot: HttpBot) -> None:
    await http_bot.command(slash_command_body(fake_slack, "/timeline", "banana bread 2019-01-01 2019-12-31"))
    (reply,) = await fake_slack.wait_for(lambda f: replies(f, "cmd"))
    assert reply["text"] == messages.TIMELINE_NONE
