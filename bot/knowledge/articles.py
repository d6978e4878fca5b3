"""Reads article files: front matter validated, body checked, every problem named by file and field."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from bot.knowledge.encoding import escaped_letters, utf8_text
from bot.knowledge.errors import problems_from_validation
from bot.knowledge.frontmatter import FrontMatterError, NoFrontMatter, normalise_text, split_front_matter
from bot.knowledge.models import Article, ArticleMeta, Problem
from bot.knowledge.same_story import one_per_story

ARTICLES_FOLDER = "articles"
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_ARTICLE_BYTES = 2_000_000


def article_files(folder: Path) -> list[Path]:
    articles = folder / ARTICLES_FOLDER
    if not articles.is_dir():
        return []
    # scandir knows each entry's kind from the listing, and names sort as their paths in one
    # folder do: a stat and a Path comparison per file were a fifth of reading 3,000 articles.
    with os.scandir(articles) as entries:
        names = sorted(
            (entry.name
            for entry in entries
            if entry.name.lower().endswith(ARTICLE_SUFFIXES) and not entry.name.startswith(".") and _may_be_file(entry)),
            key=os.path.normcase,  # as paths compare: case aside where the system sets case aside
        )
    return [articles / name for name in names]


def _may_be_file(entry: os.DirEntry[str]) -> bool:
    """A file, or an entry whose kind cannot be told (a link to itself: ELOOP), kept so that reading
    it names the file and its problem instead of the listing failing or skipping it unseen."""
    try:
        return entry.is_file()
    except OSError:
        return True


def read_article(path: Path) -> tuple[Article | None, list[Problem]]:
    """One article, or None and the reasons it cannot be served."""
    raw, unreadable = _file_bytes(path)
    return (None, unreadable) if raw is None else parse_article(path, raw)


def _file_bytes(path: Path) -> tuple[bytes | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(str(path), "(file)", f"cannot be read: {error.strerror}")]
    if len(raw) > MAX_ARTICLE_BYTES:
        return None, [Problem(str(path), "(file)", f"is {len(raw):,} bytes; the limit is {MAX_ARTICLE_BYTES:,}")]
    return raw, []


def parse_article(path: Path, raw: bytes) -> tuple[Article | None, list[Problem]]:
    """The article a file's bytes hold, or None and the reasons it cannot be served."""
    name = str(path)
    text, not_text = utf8_text(name, raw)
    if text is None:
        return None, not_text
    if not text.strip():
        # An empty file is a fact to state; "is not an article … must start with '---'" sends the
        # maintainer looking for front matter in a file that has nothing at all.
        return None, [Problem(name, "(file)", "is empty: an article starts with a line '---', then YAML, then a line '---', then its text")]
    try:
        split = split_front_matter(text)
    except NoFrontMatter as error:
        # Every file with an article suffix is read, so notes left in the folder land here: say
        # what an article is rather than only what this file lacks.
        return None, [Problem(name, "(file)", f"is not an article: {_suffixes()} files in {ARTICLES_FOLDER}/ are read as articles, and {error}; move other files out of {ARTICLES_FOLDER}/")]
    except FrontMatterError as error:
        return None, [Problem(name, "front matter", str(error))]
    try:
        meta = ArticleMeta.model_validate(split.front_matter)
    except ValidationError as error:
        problems = problems_from_validation(name, error, model=ArticleMeta, given=split.front_matter)
        return None, [replace(problem, line=split.field_lines.get(problem.field)) for problem in problems]
    if not split.body:
        return None, [Problem(name, "body", "is empty: the article text goes after the closing '---'")]
    # The body ends the file: its first line is counted back from the end of the text.
    through_body = normalise_text(text).rstrip()
    escaped = escaped_letters(name, split.body, first_line=through_body.count("\n", 0, len(through_body) - len(split.body)) + 1)
    if escaped:
        return None, escaped
    return Article(meta=meta, body=split.body, path=path), []


def _suffixes() -> str:
    """".md, .markdown or .txt": the suffixes read, as a sentence names them."""
    *others, last = ARTICLE_SUFFIXES
    return f"{', '.join(others)} or {last}" if others else last


def read_articles(folder: Path) -> tuple[list[Article], list[Problem]]:
    """Every article the bot serves: each good file, one per id and one per story (bot.knowledge.same_story);
    a bad file or a second copy is reported and left out.

    When two files claim one id, the file named after the id keeps it: dropping a stray copy
    into the folder must not evict the article people are reading.
    """
    readable, problems = readable_articles(folder)
    owners: dict[str, Article] = {}
    for article in sorted(readable, key=lambda a: (a.path.stem != a.id, a.path.name)):
        owners.setdefault(article.id, article)
    for article in readable:
        owner = owners[article.id]
        if owner is not article:
            problems.append(Problem(str(article.path), "id", f"{article.id!r} is already used by {owner.path}; this file is skipped", _id_line(article)))
    articles, copies = one_per_story(a for a in readable if owners[a.id] is a)
    return articles, [*problems, *copies, *misnamed(articles)]


def _id_line(article: Article) -> int | None:
    """The file line of the article's `id:`, read again: only a second copy's problem needs it."""
    try:
        return split_front_matter(article.path.read_text(encoding="utf-8")).field_lines.get("id")
    except (OSError, UnicodeDecodeError, NoFrontMatter, FrontMatterError):
        return None  # changed since it was read: the problem still names the file


def misnamed(articles: list[Article]) -> list[Problem]:
    """Every served file named other than its id. The README's rule is `articles/<id>.<suffix>`;
    such a file still serves, but it is reported at load (start-up, each reload, `check`) so the
    maintainer hears of it from the running bot, not only from `check`."""
    return [
        Problem(str(a.path), "id", f"{a.id!r} differs from the file name {a.path.stem!r}: rename the file to {a.id}{a.path.suffix} or set id: {a.path.stem}")
        for a in sorted(articles, key=lambda a: a.id)
        if a.path.stem != a.id
    ]


def left_out_ids(knowledge_folder: Path, problems: Iterable[Problem], served: Mapping[str, Article]) -> frozenset[str]:
    """The names (file stems, which the README makes the ids) of article files left out for a problem
    of their own: a timeline entry citing one is told so, not that no such article exists."""
    folder = knowledge_folder / ARTICLES_FOLDER
    # A file named other than its id serves under its id: its name is no left-out article (review).
    serving = {article.path for article in served.values()}
    return frozenset(
        path.stem for path in map(Path, (p.file for p in problems)) if path.parent == folder and path.stem not in served and path not in serving
    )


def readable_articles(folder: Path) -> tuple[list[Article], list[Problem]]:
    """Every article file that reads and validates, duplicates included, and the problems of the rest."""
    readable: list[Article] = []
    problems: list[Problem] = []
    for article, found in _PARSED.read(article_files(folder)):
        problems.extend(found)
        if article is not None:
            readable.append(article)
    return readable, problems


Parsed = tuple[Article | None, list[Problem]]


class _ParsedFiles:
    """Each file's article (or problems) from the last read, by its path and a digest of its bytes.
    Every file is read at each reload, but only one whose bytes changed is parsed again: its front
    matter (YAML, then validation) was most of reading a folder of thousands. The memory is swapped
    in one assignment, as bot.knowledge.remembered's is, so builds in several threads only cost
    each other some reuse."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: dict[tuple[str, bytes], Parsed] = {}

    def read(self, paths: list[Path]) -> list[Parsed]:
        with self._lock:
            last = self._last
        now: dict[tuple[str, bytes], Parsed] = {}
        results: list[Parsed] = []
        for path in paths:
            raw, unreadable = _file_bytes(path)
            if raw is None:
                results.append((None, unreadable))
                continue
            # SHA-256 has its own instructions in most processors: quicker here than BLAKE2.
            key = (str(path), hashlib.sha256(raw).digest())
            parsed = now.get(key) or last.get(key) or parse_article(path, raw)
            now[key] = parsed
            results.append(parsed)
        with self._lock:
            self._last = now
        return results


_PARSED = _ParsedFiles()
