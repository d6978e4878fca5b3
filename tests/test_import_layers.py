"""The bot's modules import in layers, so none depends on itself through another.

bot.search (reading text and questions: normalising, stemming, aliases, spelling, BM25) is the
bottom: the knowledge base is built with it, so it must never import the knowledge base, the
rankers or anything above them. It once did (bot.search.query read questions against a
KnowledgeBase), a knowledge <-> search cycle. And no module may import itself through others
when it loads, whichever module a program imports first.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"


def _module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(BOT.rglob("*.py"))}


def _imports(tree: ast.AST, *, at_load_only: bool) -> set[str]:
    """The bot modules a module imports. `at_load_only`: leave out imports inside functions and
    under `if TYPE_CHECKING:`, which run later or never."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if at_load_only and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if at_load_only and isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.add(child.module)
                found.update(f"{child.module}.{alias.name}" for alias in child.names)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            visit(child)

    visit(tree)
    return {name for name in found if name in MODULES}


def _graph(*, at_load_only: bool) -> dict[str, set[str]]:
    """Each module and the bot modules it imports (a package importing its own modules is no cycle)."""
    return {
        name: _imports(ast.parse(path.read_text(encoding="utf-8")), at_load_only=at_load_only) - {name}
        for name, path in MODULES.items()
    }


def test_the_import_graph_sees_the_bots_imports() -> None:
    """The check below can only fail if the graph holds the imports that matter."""
    graph = _graph(at_load_only=False)
    assert "bot.search.normalise" in graph["bot.knowledge.indexing"]
    assert "bot.knowledge.base" in graph["bot.ranking.lexical"]  # under TYPE_CHECKING: counted here
    assert "bot.knowledge.base" not in _graph(at_load_only=True)["bot.ranking.lexical"]


def test_text_reading_never_imports_the_knowledge_base_or_what_is_built_on_it() -> None:
    graph = _graph(at_load_only=False)  # type-only imports too: a cycle of types is still a cycle
    outside = {
        f"{module} imports {target}"
        for module, imported in graph.items()
        if module.startswith("bot.search")
        for target in imported
        if not target.startswith("bot.search")
    }
    assert not outside


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as the modules on it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_module_imports_itself_through_others_when_it_loads() -> None:
    assert _cycle(_graph(at_load_only=True)) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


# Each module imported first, with no bot module loaded yet; the entry point runs the bot, so it is left out.
_IMPORT_EACH_FIRST = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "bot" or m.startswith("bot.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {type(error).__name__}: {error}")
print("\\n".join(failed))
"""


@pytest.mark.parametrize("layer", ["bot.search", "bot.knowledge", "bot.ranking", "bot.quotations", "bot.timeline"])
def test_each_module_imports_first_in_a_fresh_interpreter(layer: str) -> None:
    names = [name for name in MODULES if name.startswith(layer)]
    run = subprocess.run([sys.executable, "-c", _IMPORT_EACH_FIRST, *names], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""
