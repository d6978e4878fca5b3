"""Live reload seen from Slack: the watcher swaps the knowledge while the real app serves."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

import pytest

from bot.knowledge.store import KnowledgeStore
from bot.knowledge.watch import watch_knowledge
from tests.conftest import write_article
from tests.fakes.slack_server import FakeSlack
from tests.slack_checks import all_text
from tests.slack_fixtures import fake_slack, serve_http, slack_settings, slash_command_body  # noqa: F401  (fixtures)

QUESTION = "What did the Zanzibar accord on plutonium reprocessing require?"
NEW_TEXT = "The Zanzibar accord on plutonium reprocessing required every reactor to close by winter."


async def eventually(condition, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


async def test_an_article_added_and_removed_while_serving(fake_slack: FakeSlack, knowledge_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.knowledge")
    store = KnowledgeStore(knowledge_copy)
    watcher = asyncio.create_task(watch_knowledge(store, settle_ms=50, max_wait_ms=500, wake_ms=100))
    try:
        await eventually(lambda: "watching" in caplog.text)
        async for bot in serve_http(slack_settings(fake_slack), store):
            await bot.command(slash_command_body(fake_slack, "/ask", QUESTION, hook="before"))
            (before,) = await fake_slack.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/before")])

            path = write_article(knowledge_copy, "zanzibar-2019-03-01", NEW_TEXT, publisher="Test Wire")
            await eventually(lambda: "zanzibar-2019-03-01" in store.current.articles)
            await bot.command(slash_command_body(fake_slack, "/ask", QUESTION, hook="added"))
            (added,) = await fake_slack.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/added")])

            path.unlink()
            await eventually(lambda: "zanzibar-2019-03-01" not in store.current.articles)
            await bot.command(slash_command_body(fake_slack, "/ask", QUESTION, hook="removed"))
            (removed,) = await fake_slack.wait_for(lambda f: [c.args for c in f.of("response_url") if c.path.endswith("/removed")])
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
    assert NEW_TEXT not in all_text(before)
    assert NEW_TEXT in all_text(added) and "Test Wire" in all_text(added)
    assert NEW_TEXT not in all_text(removed)
    assert "added zanzibar-2019-03-01" in caplog.text and "removed zanzibar-2019-03-01" in caplog.text
