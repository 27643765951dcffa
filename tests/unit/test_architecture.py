"""The architecture holds (ARCHITECTURE.md): no import circles between modules, arrows only
from outer rooms to inner ones, no source file over 400 lines, MkDocs imported by the plugin
and the serve adapter only, and an import inside a function only with the reason beside it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import REPO

PACKAGE = REPO / "scripts" / "undersigned"
# a room may import from rooms after it in this list, never from rooms before it
ROOMS = ["cli", "plugin", "devtools", "serve", "outputs", "pages", "audit", "ingest", "convert",
         "core"]
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "cli"


def _imports(path: Path, top_level_only: bool, type_only: bool = False) -> list[tuple[str, int]]:
    """(module imported, line) of the package's own modules; ``type_only``: with those of
    ``if TYPE_CHECKING:`` (a circle of annotations is still a circle)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: list[ast.AST] = []
    if top_level_only:
        for node in tree.body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test) \
                    and not type_only:
                continue  # for annotations only: never run
            nodes.extend(ast.walk(node))
    else:
        nodes = list(ast.walk(tree))
    found = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "undersigned"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((full if full in MODULES else node.module, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names
                      if a.name.startswith("undersigned")]
    return found


def _function_level(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    out += [(inner.lineno, a.name) for a in inner.names]
                elif isinstance(inner, ast.ImportFrom):
                    out.append((inner.lineno, inner.module or "."))
    return out


def test_no_import_circles():
    """Not even one of annotations (``if TYPE_CHECKING:``)."""
    graph = {m: {i for i, _ in _imports(p, True, type_only=True) if i in MODULES and i != m}
             for m, p in MODULES.items()}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_imports_point_inward():
    """cli and plugin use everything; nothing in core imports pages, outputs or serve."""
    wrong = []
    for module, path in MODULES.items():
        here = ROOMS.index(_room(module))
        for imported, line in _imports(path, True):
            there = ROOMS.index(_room(imported)) if imported.startswith("undersigned.") else 0
            if there < here:
                wrong.append(f"{path.relative_to(REPO)}:{line}: {module} -> {imported}")
    assert wrong == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_source_files_stay_short(module):
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_only_the_adapters_import_mkdocs():
    allowed = {"plugin", "serve"}
    found = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("mkdocs", "properdocs") for n in names) \
                    and _room(module) not in allowed:
                found.append(f"{module}:{node.lineno}")
    assert found == []


def test_an_import_inside_a_function_says_why():
    """Allowed where a cost or an optional dependency requires it, with the reason in a
    comment on the line or the line above."""
    silent = []
    for path in MODULES.values():
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, imported in _function_level(path):
            near = lines[line - 1] + (lines[line - 2] if line > 1 else "")
            if "#" not in near:
                silent.append(f"{path.relative_to(REPO)}:{line}: {imported}")
    assert silent == []
