"""The house keeps its shape: read every module's imports with ``ast`` (module-level and inside
functions alike) and check that no two files import each other, even through others; that
every import points to the module's own layer or one below (:data:`LAYERS`); and that no
module passes :data:`MAX_LINES` lines.

Importing ``l10n.a.b`` runs ``l10n/a/__init__.py`` first, so a module outside ``l10n.a`` that
imports ``l10n.a.b`` depends on the package ``l10n.a`` too; the checks count that.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "l10n"
MAX_LINES = 800

# Bottom to top. A module may import from its own layer and the layers below; a name stands
# for a module or a package with everything in it (the longest name that matches decides).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base: no pages, no catalogs", (
        "l10n.errors", "l10n.version", "l10n.prose", "l10n.charsets", "l10n.files",
        "l10n.cache", "l10n.locales",
    )),
    ("model: pages, datelines, dates", (
        "l10n.dateline", "l10n.timestamps", "l10n.dates", "l10n.dateline_styles",
        "l10n.languages", "l10n.page", "l10n.datetext",
    )),
    ("the PO format", ("l10n.po",)),
    ("readers", ("l10n.readers",)),
    ("what chrome and placeholders mean", ("l10n.chrome", "l10n.placeholders")),
    ("check", ("l10n.check",)),
    ("catalog workflows", ("l10n.catalogs", "l10n.align")),
    ("render", ("l10n.render",)),
    ("faces: build, inspect, preview, configuration", (
        "l10n.build", "l10n.inspect", "l10n.preview", "l10n.config",
    )),
    ("the command line and the package's public names", ("l10n.cli", "l10n.__main__", "l10n")),
)


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _resolve(name: str) -> str | None:
    """The module ``name`` is (or lies in: ``l10n.po.Catalog`` is in ``l10n.po``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str, *, top_level_only: bool = False) -> Iterator[tuple[str, int]]:
    """(imported module, line) for every import of ``module`` into the package."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    if top_level_only:  # what runs when the module is imported
        nodes = [n for n in tree.body if not _type_checking(n)]
    else:
        nodes = list(ast.walk(tree))
    package = module if _is_package(module) else module.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            if target == "l10n" or target.startswith("l10n."):
                resolved = _resolve(target)
                if resolved is not None and resolved != module:
                    yield resolved, node.lineno


def _edges() -> dict[str, dict[str, int]]:
    """module → {module it imports: line}, with the packages an import runs on the way in
    (``l10n.render.localize`` runs ``l10n.render``) when the importer is outside them (a
    namespace package, ``l10n.check``, runs nothing)."""
    edges: dict[str, dict[str, int]] = {name: {} for name in MODULES}
    for module in MODULES:
        for target, line in _imports(module):
            edges[module].setdefault(target, line)
            parent = target.rpartition(".")[0]
            while parent and parent != "l10n":
                if parent in MODULES and not (module == parent
                                              or module.startswith(parent + ".")):
                    edges[module].setdefault(parent, line)
                parent = parent.rpartition(".")[0]
    return edges


def _layer(module: str) -> int:
    best, depth = -1, -1
    for number, (_, names) in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > depth:
                best, depth = number, len(name)
    return best


def _cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if _layer(m) < 0] == []


def test_no_import_cycles_between_files() -> None:
    edges = _edges()
    described = []
    for component in _cycles(edges):
        arrows = [f"{a} -> {b} (line {edges[a][b]})" for a in component for b in edges[a]
                  if b in component]
        described.append("; ".join(arrows))
    assert described == []


def test_imports_point_down_the_layers() -> None:
    upward = [
        f"{module} ({LAYERS[_layer(module)][0]}) imports {target} ({LAYERS[_layer(target)][0]})"
        f" at line {line}"
        for module, targets in _edges().items()
        for target, line in targets.items()
        if _layer(target) > _layer(module)
    ]
    assert upward == []


def test_importing_the_package_loads_only_the_base() -> None:
    """Every ``l10n.*`` import runs ``l10n/__init__.py`` first: it must stay that cheap."""
    loaded = [target for target, _ in _imports("l10n", top_level_only=True)
              if _layer(target) != 0]
    assert loaded == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_over_the_limit(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[module].relative_to(ROOT)}: {lines} lines"


def test_the_checks_see_a_cycle_and_an_upward_import() -> None:
    """The checks themselves: a circle through three modules is found, and so is an arrow
    from a lower layer to a higher one."""
    assert _cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [
        ["a", "b", "c"]]
    assert _layer("l10n.po.read") < _layer("l10n.check.run") < _layer("l10n.cli")
    assert _layer("l10n.readers.html") > _layer("l10n.po")
