"""The article cache's files are named by the code that derives them (bot.knowledge.code_digest):
an edit to that code names new files, so nothing stale is read; an edit to other code (the
timeline's merge, the knowledge base's assembly) keeps them, so the next start reads every article
back instead of working it out again."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from bot.knowledge import indexing
from bot.knowledge.aliases_file import load_aliases
from bot.knowledge.articles import read_articles
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.code_digest import SOURCE_ROOT, code_version, deriving_sources
from bot.knowledge.indexing import ArticleIndexer
from bot.quotations import remembered as remembered_quotations
from bot.quotations.remembered import RememberedQuotations
from bot.search.aliases import AliasTable
from bot.timeline import remembered as remembered_mentions
from tests.conftest import FIXTURE_KNOWLEDGE

BOT = SOURCE_ROOT / "bot"


def _package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _digest_changes(root: Path, module: str, edited: str) -> bool:
    before = deriving_sources(module, root)
    contents = [path.read_bytes() for path in before]
    (root / edited).write_text((root / edited).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = deriving_sources(module, root)
    return after != before or [path.read_bytes() for path in after] != contents


def test_the_digest_follows_the_imports_that_run_and_nothing_else(tmp_path: Path) -> None:
    _package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/deriving.py": "from typing import TYPE_CHECKING\nfrom pkg import rules\nfrom .near import helper\n"
                           "if TYPE_CHECKING:\n    from pkg.assembly import Whole\n"
                           "def make():\n    import pkg.lazy.words\n",
        "pkg/rules.py": "import pkg.deeper\n",
        "pkg/deeper.py": "",
        "pkg/near.py": "def helper(): pass\n",
        "pkg/lazy/__init__.py": "",
        "pkg/lazy/words.py": "",
        "pkg/lazy/table.txt.gz": "",
        "pkg/assembly.py": "from pkg import deriving\n",
        "pkg/merge.py": "",
    })  # fmt: skip
    sources = {str(path.relative_to(tmp_path)) for path in deriving_sources("pkg.deriving", tmp_path)}
    assert sources == {
        "pkg/__init__.py", "pkg/deriving.py", "pkg/rules.py", "pkg/deeper.py", "pkg/near.py",
        "pkg/lazy/__init__.py", "pkg/lazy/words.py", "pkg/lazy/table.txt.gz",
    }  # fmt: skip
    for edited in ("pkg/deeper.py", "pkg/near.py", "pkg/lazy/words.py"):
        assert _digest_changes(tmp_path, "pkg.deriving", edited)
    for untouched in ("pkg/assembly.py", "pkg/merge.py"):  # only imported for types, or not at all
        assert not _digest_changes(tmp_path, "pkg.deriving", untouched)


def test_an_edit_to_the_merge_or_the_assembly_keeps_every_kind_of_article_file() -> None:
    for module in ("bot.knowledge.indexing", "bot.quotations.remembered", "bot.timeline.remembered"):
        sources = deriving_sources(module, SOURCE_ROOT)
        for elsewhere in ("timeline/merge.py", "timeline/build.py", "knowledge/base.py", "answers.py", "ranking/lexical.py"):
            assert BOT / elsewhere not in sources, (module, elsewhere)
    assert BOT / "timeline" / "grammar.py" in deriving_sources("bot.timeline.remembered", SOURCE_ROOT)
    assert code_version("bot.timeline.remembered") != code_version("bot.knowledge.indexing")


def test_the_mentions_are_keyed_by_the_code_that_makes_the_terms_deciding_which_sentences_are_read() -> None:
    """find_all_mentions reads only sentences whose index terms may hold a date: those terms come
    from bot.knowledge.indexing, outside the mentions module's imports (review: an edit there kept
    serving mentions found under the old terms)."""
    from bot.timeline.remembered import MENTIONS_DERIVED_BY

    keyed = {source for module in MENTIONS_DERIVED_BY for source in deriving_sources(module, SOURCE_ROOT)}
    assert BOT / "knowledge" / "indexing.py" in keyed and BOT / "timeline" / "grammar.py" in keyed


@contextmanager
def _bot_code_run() -> Iterator[set[Path]]:
    """The source file of every function of the bot that runs inside the block."""
    ran: set[Path] = set()

    def seen(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and (path := Path(frame.f_code.co_filename)).is_relative_to(BOT):
            ran.add(path)

    sys.setprofile(seen)
    try:
        yield ran
    finally:
        sys.setprofile(None)


def _runs_only_digested_code(module: str, derive: Callable[[], object]) -> None:
    with _bot_code_run() as ran:
        derive()
    assert ran, module
    assert ran <= set(deriving_sources(module, SOURCE_ROOT)), sorted(str(p) for p in ran - set(deriving_sources(module, SOURCE_ROOT)))


def test_every_function_that_works_an_article_out_is_in_its_kinds_digest(tmp_path: Path) -> None:
    # A function handed in from a module the deriving module does not import would change the
    # files' contents without changing their names: every function that runs must be digested.
    articles, _ = read_articles(FIXTURE_KNOWLEDGE)
    groups, _ = load_aliases(FIXTURE_KNOWLEDGE)
    aliases = AliasTable.from_groups(groups)
    knowledge = build_knowledge_base(FIXTURE_KNOWLEDGE)
    _runs_only_digested_code(indexing.__name__, lambda: ArticleIndexer().index(articles, aliases, tmp_path / "indexing"))
    _runs_only_digested_code(remembered_quotations.__name__, lambda: RememberedQuotations().quotations(articles, tmp_path / "quotations"))
    remembered_mentions.forget()
    _runs_only_digested_code(remembered_mentions.__name__, lambda: remembered_mentions.find_all_mentions(knowledge, tmp_path / "mentions"))
