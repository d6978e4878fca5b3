"""Shared fixtures: the tests' knowledge, temporary knowledge folders, and isolation from the machine.

The suite never reads the maintainers' knowledge/ folder, which changes whenever an article is added,
corrected or swapped: it reads FIXTURE_KNOWLEDGE, a frozen copy of the story the tests were written
for, and every test (in this process or a `python -m bot` subprocess) gets it as BOT_KNOWLEDGE_DIR.
In these tests "bundled" (bundled_store, knowledge_copy) means that copy. Only
test_shipped_knowledge.py reads knowledge/ itself, to check what ships.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from dataclasses import replace
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.store import KnowledgeStore
from bot.ranking.lexical import LexicalRanker
from bot.ranking.embedding_cache import CACHE_ENV as EMBEDDING_CACHE_ENV

# The tests' own story: a copy of knowledge/ as it was when the tests were written, never updated
# with it (a test that needs other articles writes them, or changes knowledge_copy).
FIXTURE_KNOWLEDGE = Path(__file__).resolve().parent / "fixtures" / "knowledge"
# The raw scraped text of the bundled articles, chrome and all: what cleaning must turn into knowledge/.
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
PLATFORM_VARIABLES = (
    "DISCORD_TOKEN",
    "DISCORD_GUILD_IDS",
    "DISCORD_API_BASE",
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_PORT",
    "SLACK_HOST",
    "BOT_HEALTH_PORT",
    "BOT_HEALTH_HOST",
    "BOT_LOG_FORMAT",
    "DISCORD_SHARD_COUNT",
    "DISCORD_SHARD_IDS",
    "SLACK_API_BASE",
    "SLACK_ADMIN_USER_IDS",
    "BOT_FEEDBACK_LOG",
    "BOT_ASKED_LOG",
    "BOT_FEEDBACK_SALT",
)


@pytest.fixture(scope="session", autouse=True)
def embedding_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One embedding cache for the whole run, never the developer's: the suite builds knowledge
    bases many times, and after the first build only new sentences are encoded. Set in the
    environment so the bot's subprocesses share it, and shared by pytest-xdist's workers (the
    folder above each worker's base temp is the run's): the cache replaces its file in one
    rename, so workers writing at once lose nothing but a few sentences encoded twice.
    Warmed here with the tests' knowledge, so a test that starts the bot as a subprocess never
    waits for a cold encode, whichever test ran first."""
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent
    folder = run_folder / "embedding-cache"
    folder.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get(EMBEDDING_CACHE_ENV)
    os.environ[EMBEDDING_CACHE_ENV] = str(folder)
    KnowledgeStore(FIXTURE_KNOWLEDGE)
    yield folder
    if previous is None:
        os.environ.pop(EMBEDDING_CACHE_ENV, None)
    else:
        os.environ[EMBEDDING_CACHE_ENV] = previous


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads the developer's .env, tokens or knowledge/, or writes outside its temporary folder."""
    for variable in PLATFORM_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("BOT_KNOWLEDGE_DIR", str(FIXTURE_KNOWLEDGE))  # the default knowledge, for subprocesses too
    monkeypatch.setenv("BOT_UNANSWERED_LOG", str(tmp_path / "data" / "unanswered.jsonl"))
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture(scope="session")
def bundled_store() -> KnowledgeStore:
    return KnowledgeStore(FIXTURE_KNOWLEDGE)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A private copy of the tests' knowledge folder that a test may change."""
    target = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, target)
    return target


def words_only(knowledge: KnowledgeBase) -> KnowledgeBase:
    """The knowledge with the lexical ranker alone: for tests of a stage that words decide
    (quote shaping, synonym credit), apart from what the meaning signal adds."""
    return replace(knowledge, rankers=(LexicalRanker.build(knowledge),))


def write_article(folder: Path, article_id: str, body: str, **meta: str) -> Path:
    """Write a knowledge article file with front matter; fields default to plausible values."""
    fields = {"id": article_id, "title": f"Title of {article_id}", "publisher": "Test Gazette", "published": "2019-03-01"}
    fields.update(meta)
    front = "".join(f"{key}: {value}\n" for key, value in fields.items())
    path = folder / "articles" / f"{article_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n{textwrap.dedent(body).strip()}\n", encoding="utf-8")
    return path


PLAN_ARTICLE_ID = "test-oslo-talks"


def write_talks_with_a_plan(folder: Path) -> Path:
    """A knowledge folder whose one article reports a meeting that happened and a plan that had
    not happened by publication: a timeline with one event and one announced."""
    body = """
        The trade ministers met in Oslo on Tuesday and failed to agree on tariffs.

        The ministers will return to Oslo in two weeks, a spokesman said.
    """
    write_article(folder, PLAN_ARTICLE_ID, body, published="2019-03-15")
    return folder


def fast_and_full_date_scans_agree(paths: list[Path]) -> int:
    """Asserts that the timeline's trigger scan and cheap first-word test (found._PHRASE_STARTS),
    which skip positions where no date phrase can start, find in each article's body the phrases a
    scan of every position finds; the number of phrases found."""
    from bot.knowledge.articles import read_article
    from bot.timeline import found

    phrases = 0
    for path in paths:
        article, _ = read_article(path)
        assert article is not None, path.name
        body = article.body
        full = [m.span() for m in found._PATTERN.finditer(body)]
        assert [m.span() for m in found._matches(body, 0, len(body))] == full, path.name
        phrases += len(full)
    return phrases


def sentence_texts_and_pairs(knowledge: KnowledgeBase) -> tuple[list[str], dict[int, str]]:
    """Each sentence's text, and each sentence read with the next one of its paragraph (keyed by
    the first's position), as the article writes them: what the meaning ranker encodes."""
    sentences = knowledge.sentences
    texts = [knowledge.article_of(s.passage).body[s.span.start : s.span.end] for s in sentences]
    pairs = {
        i: knowledge.article_of(s.passage).body[s.span.start : sentences[i + 1].span.end]
        for i, s in enumerate(sentences[:-1])
        if sentences[i + 1].passage == s.passage
    }
    return texts, pairs


def best_with_neighbours(cosines: Sequence[float], count: int, pairs: dict[int, str]) -> list[float]:
    """Each of `count` sentences' best cosine alone or read with either neighbour, from the cosines of
    the texts and then the pairs of `sentence_texts_and_pairs`, in that order."""
    with_next = dict(zip(pairs, cosines[count:]))
    return [max(cosines[i], with_next.get(i, -1.0), with_next.get(i - 1, -1.0)) for i in range(count)]
