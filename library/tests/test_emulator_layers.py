"""The emulator's modules import only modules below them."""

from __future__ import annotations

import ast
from graphlib import TopologicalSorter
from pathlib import Path

from qbittorrent_tooling import emulator

PACKAGE = Path(emulator.__file__).parent
HANDLERS = {"digest", "legacy", "modern"}


def _imports() -> dict[str, set[str]]:
    """Module -> the package's modules it imports, type-checking imports included."""
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level != 1:
                continue
            if node.module is not None:
                imported.add(node.module.partition(".")[0])
            else:  # ``from . import x``: a module, or a name of the package
                imported |= {
                    alias.name if alias.name in modules else "__init__"
                    for alias in node.names
                }
        graph[path.stem] = imported - {path.stem}
    return graph


def test_imports_form_no_cycle() -> None:
    """Even imports made only for type checking point downwards."""
    TopologicalSorter(_imports()).prepare()  # raises CycleError on a cycle


def test_generation_handlers_know_only_the_shared_server() -> None:
    """The handlers see a ``Server``, never the emulator or one another."""
    graph = _imports()
    for handler in HANDLERS:
        assert "server" in graph[handler]
        assert not graph[handler] & (HANDLERS | {"emulator", "__init__"})
