"""`python -m bot import FILE [--id ID] [--publisher ...] ...`: a saved page or plain text -> knowledge article."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from bot import messages
from bot.cli.common import EXIT_OK, EXIT_PROBLEM, CommandFailed, add_command, day_argument, load_settings
from bot.importer.article_file import article_path, distinct_id, render, slug, write_article
from bot.importer.changes import changed_lines, read_before
from bot.importer.extract import Extracted, from_html, from_plain_text, looks_like_html
from bot.knowledge.articles import readable_articles
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.encoding import encoding_of
from bot.knowledge.errors import problems_from_validation
from bot.knowledge.frontmatter import normalise_text
from bot.knowledge.models import Article, ArticleMeta
from bot.knowledge.same_story import story_keys
from bot.search.normalise import words

REQUIRED = (("title", "--title TITLE"), ("publisher", "--publisher NAME"), ("published", "--published YYYY-MM-DD"))
OPTIONAL = (("author", "--author NAME"), ("url", "--url URL"))
# When a page holds no article, trafilatura's fallbacks return whatever text is left ("Home World");
# fewer words than this is a menu, not an article.
MIN_ARTICLE_WORDS = 8


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "import", run, help="turn a saved web page (HTML) or a plain-text article into a knowledge file")
    parser.add_argument("file", type=Path, help="the saved page (.html) or the article text (.txt)")
    parser.add_argument("--id", help="the article id (default: publisher-date-title)")
    parser.add_argument("--publisher", help="who published it (default: the page's site name)")
    parser.add_argument("--title", help="the headline (default: the page's title)")
    parser.add_argument("--published", metavar="YYYY-MM-DD", type=day_argument, help="the day it was published")
    parser.add_argument("--url", help="where it was published")
    parser.add_argument("--author", help="who wrote it")
    parser.add_argument("--kind", choices=("news", "analysis", "opinion"), default="news", help="default: news")
    parser.add_argument("--replace", action="store_true", help="overwrite the article that already has this id")
    parser.add_argument("--clean", action="store_true", help="plain text: leave out whole lines that look like page chrome (kept by default)")


def read_source(args: argparse.Namespace) -> Extracted:
    try:
        raw = args.file.read_bytes()
    except OSError as error:
        raise CommandFailed(messages.IMPORT_UNREADABLE.format(path=args.file, reason=error.strerror or error)) from None
    # Read as `ask --batch` reads its file: UTF-16 after its byte order mark (Windows tools), else UTF-8.
    encoding = encoding_of(raw)
    if looks_like_html(raw[:2000].decode(encoding, errors="replace"), args.file.suffix):
        # Bytes, so trafilatura reads the page's own charset declaration; UTF-16 it cannot guess.
        return from_html(raw if encoding != "utf-16" else _decoded(args, raw, encoding))
    return from_plain_text(_decoded(args, raw, encoding), args.title, None, clean=args.clean)


def _decoded(args: argparse.Namespace, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        # Name the encoding it was read as: a file with a UTF-16 byte order mark is not "not UTF-8".
        read_as = "UTF-16" if encoding == "utf-16" else "UTF-8"
        where = f"byte 0x{raw[error.start]:02x} at offset {error.start}"
        reason = f"it is not {read_as} text ({where}); save it as UTF-8"
        raise CommandFailed(messages.IMPORT_UNREADABLE.format(path=args.file, reason=reason)) from None


def merged_fields(args: argparse.Namespace, found: Extracted) -> dict[str, object]:
    """The page's metadata with every flag given taking precedence."""
    fields: dict[str, object | None] = {
        "title": args.title or found.title,
        "publisher": args.publisher or found.publisher,
        "published": args.published or found.published,
        "author": args.author or found.author,
        "url": args.url or found.url,
        "kind": args.kind,
        "standfirst": found.standfirst,
        "source_file": args.file.name,
    }
    return {name: value for name, value in fields.items() if value is not None}


@dataclass(frozen=True, slots=True)
class Held:
    """An article already in the folder that the import would duplicate, and why."""

    path: Path
    id: str
    what: str  # "the same id", "the same url", "the same text"


def already_held(folder: Path, articles: Sequence[Article], meta: ArticleMeta, body: str) -> list[Held]:
    """The files that hold this article already: under its id (named after it or not), or under
    another id with the same URL or the same text (bot.knowledge.same_story: one story, one article),
    the copies loading leaves out included (`articles`: the folder's readable_articles), so
    --replace leaves no copy behind."""
    keys = story_keys(meta.url, normalise_text(body))
    held: dict[Path, Held] = {}
    candidate = article_path(folder, meta.id)
    if candidate.exists():
        held[candidate] = Held(candidate, meta.id, "the same id")
    for article in articles:
        if article.id == meta.id:
            held[article.path] = Held(article.path, article.id, "the same id")
        elif shared := keys & story_keys(article.meta.url, article.body):
            # The url before the text: it says more plainly why.
            what = "the same url" if any(kind == "url" for kind, _ in shared) else "the same text"
            held.setdefault(article.path, Held(article.path, article.id, what))
    return list(held.values())


def _held_by_another(articles: Sequence[Article], title: str, url: object | None, body: str) -> Callable[[str], bool]:
    """Whether an id names another article in the folder: one of another title (as a slug, so a
    corrected apostrophe is the same headline) and another story (bot.knowledge.same_story). The
    same title or story is this article imported again, which keeps its id (refused as held, or
    --replace). A file that cannot be read says neither, and is not taken for another article."""
    keys = story_keys(url, normalise_text(body))
    by_id = {name: article for article in articles for name in (article.id, article.path.stem)}

    def held_by_another(article_id: str) -> bool:
        held = by_id.get(article_id)
        return held is not None and slug(held.meta.title) != slug(title) and not keys & story_keys(held.meta.url, held.body)

    return held_by_another


def run(args: argparse.Namespace) -> int:
    folder = load_settings(args).bot_knowledge_dir
    if not folder.is_dir():
        raise CommandFailed(messages.knowledge_missing(str(folder)))
    found = read_source(args)
    if len(words(found.body)) < MIN_ARTICLE_WORDS:
        raise CommandFailed(messages.IMPORT_NO_BODY.format(path=args.file))
    fields = merged_fields(args, found)
    missing = [(name, flag) for name, flag in REQUIRED if name not in fields]
    if missing:
        raise CommandFailed(messages.import_missing_required(missing))
    articles, _ = readable_articles(folder)
    title = str(fields["title"])
    article_id = args.id or distinct_id(str(fields["publisher"]), str(fields["published"]), title, _held_by_another(articles, title, fields.get("url"), found.body))
    target = article_path(folder, article_id)
    try:
        meta = ArticleMeta.model_validate({"id": article_id, **fields})
    except ValidationError as error:
        raise CommandFailed("\n".join(str(p) for p in problems_from_validation(str(args.file), error, model=ArticleMeta))) from None
    held = already_held(folder, articles, meta, found.body)
    if held and not args.replace:
        first = held[0]
        if first.what == "the same id":
            raise CommandFailed(messages.IMPORT_EXISTS.format(id=article_id, path=first.path))
        raise CommandFailed(messages.IMPORT_SAME_STORY.format(path=first.path, what=first.what, id=first.id))
    # --replace: the new file, named after its id, takes the place of every file that held the
    # article, so a new id (a corrected title) never leaves the old copy to be quoted twice.
    before = {old.path: read_before(old.path) for old in held}
    written = render(meta, found.body)
    write_article(target, written)
    print(messages.IMPORT_WROTE.format(path=target, characters=len(found.body)))
    for old in held:
        if old.path != target:
            old.path.unlink(missing_ok=True)
            print(messages.IMPORT_REPLACED.format(path=old.path, id=old.id, what=old.what))
        else:
            print(messages.IMPORT_OVERWROTE.format(path=old.path, id=old.id))
        print_changes(before[old.path], written)
    for line in found.dropped:
        print(messages.IMPORT_LEFT_OUT.format(line=line))
    if found.chrome_kept:
        print(messages.IMPORT_CHROME_KEPT)
        for line in found.chrome_kept:
            print(messages.IMPORT_KEPT_LINE.format(line=line))
    return report_checks(folder, target, fields)


def print_changes(before: str | None, after: str) -> None:
    """What replacing a file changed in it: an overwrite by --replace was silent, and a different
    article under the same title went unnoticed."""
    if before is None:
        return
    lines, more = changed_lines(before, after)
    if not lines:
        print(messages.IMPORT_UNCHANGED)
        return
    print(messages.IMPORT_CHANGES)
    for line in lines:
        print(messages.IMPORT_CHANGED_LINE.format(line=line))
    if more:
        print(messages.IMPORT_MORE_CHANGES.format(count=more, s="" if more == 1 else "s"))


def report_checks(folder: Path, target: Path, fields: dict[str, object]) -> int:
    """The same checks as `python -m bot check`, on the folder as it now is, for the written file."""
    problems = [p for p in build_knowledge_base(folder).problems if Path(p.file) == target]
    if problems:
        print(messages.IMPORT_CHECK_FAILED)
        for problem in problems:
            print(f"  {problem}")
        return EXIT_PROBLEM
    print(messages.IMPORT_OK)
    optional = [(name, flag) for name, flag in OPTIONAL if name not in fields]
    if optional:
        print(messages.import_missing_optional(optional))
    return EXIT_OK
