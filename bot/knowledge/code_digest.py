"""A digest of the code that derives an article's cached data (bot.knowledge.article_cache): the
module that makes it and every module of the bot it imports, however indirectly, read from their
import statements, with the word tables beside them and the stemmer's version.

Only this code: a digest of whole packages named every article's files anew after an edit to any
module in them, so the first start after a change to the timeline's merge or the knowledge base's
assembly worked every article out again (at 3,000 articles most of a 20 s start), though neither
changes what an article gives. An import made only for type checking (`if TYPE_CHECKING:`) runs
no code and is not followed. A module handed code from outside what it imports (a function as an
argument) must import that code's module itself, or its digest misses it; the tests trace every
function an article's derivation calls and check its module is digested.
"""

from __future__ import annotations

import ast
import hashlib
import marshal
import sys
from collections.abc import Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

# The directory holding the bot's package: module "bot.a.b" is bot/a/b.py or bot/a/b/__init__.py in it.
SOURCE_ROOT = Path(__file__).resolve().parent.parent.parent
_STEMMER_DISTRIBUTIONS = ("snowballstemmer", "PyStemmer")
# Read by modules beside them (bot.search.word_forms' forms table): each module's folder's tables count.
_TABLES = "*.txt.gz"


@cache
def code_version(module: str) -> str:
    """A digest of the code that derives data made by `module`, so a changed rule never reads old results."""
    digest = hashlib.sha256(f"{sys.version_info[:2]} marshal {marshal.version}".encode())
    for source in deriving_sources(module, SOURCE_ROOT):
        digest.update(str(source.relative_to(SOURCE_ROOT)).encode())
        digest.update(source.read_bytes())
    for distribution in _STEMMER_DISTRIBUTIONS:
        try:
            digest.update(f"{distribution} {metadata.version(distribution)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{distribution} absent".encode())
    return digest.hexdigest()


def deriving_sources(module: str, root: Path) -> list[Path]:
    """The source files of `module` and of the modules of its top package it imports (and the
    packages' __init__ each import runs), followed through their imports, with the word tables
    in their folders; sorted."""
    top = module.split(".", 1)[0]
    found: dict[str, Path] = {}
    pending = [module]
    while pending:
        name = pending.pop()
        if name in found or (path := _source(name, root)) is None:
            continue  # seen, or a name imported from a module rather than a module
        found[name] = path
        parents = [name.rsplit(".", depth)[0] for depth in range(1, name.count(".") + 1)]
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        pending.extend([*parents, *(imported for imported in _imports(path, package) if imported.split(".", 1)[0] == top)])
    tables = {table for path in found.values() for table in path.parent.glob(_TABLES)}
    return sorted({*found.values(), *tables})


def _source(module: str, root: Path) -> Path | None:
    base = root.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imports(path: Path, package: str) -> Iterator[str]:
    """The modules a source file (of `package`) may import when it runs: `import a.b` gives a.b,
    `from a import b` gives a and a.b (b may be a module), `from . import b` is read in `package`;
    imports under `if TYPE_CHECKING:` are left out."""
    pending: list[ast.AST] = [ast.parse(path.read_bytes(), filename=str(path))]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module) if part)
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)
        pending.extend(ast.iter_child_nodes(node))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
