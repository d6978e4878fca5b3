"""A cold timeline build finds its articles' mentions in helper processes when they are many
(bot.timeline.in_processes): the timeline is the one a single process builds, and a helper that
fails costs only time."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from bot.knowledge.article_cache import FOLDER_NAME
from bot.knowledge.base import build_knowledge_base
from bot.timeline import in_processes, remembered
from bot.timeline.build import build_timeline
from bot.timeline.remembered import find_all_mentions
from tests.conftest import FIXTURE_KNOWLEDGE, write_article


@pytest.fixture
def helped(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every build finds its mentions in three processes (two helpers), however few the articles;
    the list records each share's size a helper was given."""
    given: list[int] = []
    real = in_processes._in_a_helper

    def counted(share: object) -> object:
        given.append(len(share))  # type: ignore[arg-type]
        return real(share)  # type: ignore[arg-type]

    monkeypatch.setattr(in_processes, "processes", lambda articles: 3)
    monkeypatch.setattr(in_processes, "_START_IN_ARTICLES", 0)  # a few articles are shared out too
    monkeypatch.setattr(in_processes, "_in_a_helper", counted)
    return given


def test_mentions_found_in_helper_processes_are_those_one_process_finds(tmp_path: Path, helped: list[int]) -> None:
    folder = tmp_path / "knowledge"
    for number in range(8):  # more articles than the bundled three, so that each helper has a share
        write_article(folder, f"test-summit-{number}", f"The envoys met in Oslo on Tuesday, June {number + 3}, and agreed to talk again in {2019 - number}.", published="2019-06-20")
    for source in (FIXTURE_KNOWLEDGE / "articles").iterdir():
        (folder / "articles" / source.name).write_bytes(source.read_bytes())
    knowledge = build_knowledge_base(folder)
    remembered.forget()
    helped.clear()
    events, _ = build_timeline(knowledge)
    assert sum(helped) > 0  # helpers did find some of them
    remembered.forget()
    helped.clear()
    assert repr(find_all_mentions(knowledge)) == _in_one_process_mentions(knowledge)
    assert events and events == _one_process_events(knowledge)


def _in_one_process_mentions(knowledge: object) -> str:
    remembered.forget()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(in_processes, "processes", lambda articles: 1)
        return repr(find_all_mentions(knowledge))  # type: ignore[arg-type]


def _one_process_events(knowledge: object) -> object:
    remembered.forget()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(in_processes, "processes", lambda articles: 1)
        return build_timeline(knowledge)[0]  # type: ignore[arg-type]


def test_mentions_helpers_found_are_kept_in_the_article_cache(tmp_path: Path, helped: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = build_knowledge_base(FIXTURE_KNOWLEDGE)
    remembered.forget()
    found = repr(find_all_mentions(knowledge, tmp_path))
    assert sum(helped) > 0
    assert len(list((tmp_path / FOLDER_NAME / "mentions").glob("*.marshal"))) == len(knowledge.articles)
    # A new process reads every article's mentions back, finding none.
    remembered.forget()
    helped.clear()
    monkeypatch.setattr(remembered, "find_mentions", lambda *args: pytest.fail("found again instead of read back"))
    assert repr(find_all_mentions(knowledge, tmp_path)) == found and helped == []


def test_a_helper_that_fails_costs_only_finding_its_share_here(helped: list[int], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    knowledge = build_knowledge_base(FIXTURE_KNOWLEDGE)
    expected = _one_process_events(knowledge)
    monkeypatch.setattr(sys, "executable", "/bin/false")  # every helper exits at once with status 1
    remembered.forget()
    with caplog.at_level(logging.WARNING, logger=in_processes.__name__):
        events, _ = build_timeline(knowledge)
    assert sum(helped) > 0 and "failed" in caplog.text
    assert events == expected


def test_few_articles_are_found_in_this_process_and_many_in_one_a_cpu() -> None:
    assert in_processes.processes(3) == 1
    assert 1 <= in_processes.processes(3000) <= in_processes.MOST_PROCESSES


def test_each_article_is_in_one_share_and_the_first_share_is_the_largest() -> None:
    articles = [(f"a{n}", "", None, (), (True,) * (n % 7)) for n in range(1000)]
    for count in (2, 3, 4):
        shares = in_processes._shares(articles, count)  # type: ignore[arg-type]
        assert len(shares) == count and [a for share in shares for a in share] == articles
        work = [sum(sum(flags) + 1 for *_, flags in share) for share in shares]
        assert work[0] == max(work) and min(work) > 0
