"""The package's layout rules: imports flow one way, private names stay in their module, modules stay readable."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

import centralasia

PACKAGE = Path(centralasia.__file__).parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
#: A source module past about this many lines is past the size where one reads it whole.
MAX_LINES = 720


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import that runs (at module level or inside functions), leaving out ``if TYPE_CHECKING:`` blocks."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[tuple[str, str | None]]:
    """``(imported module, imported name or None)`` for each centralasia module the import reaches."""
    if isinstance(node, ast.Import):
        return [(a.name, None) for a in node.names if a.name.startswith("centralasia")]
    base = node.module or ""
    if node.level:
        package = module.split(".")[: -node.level] if not module.endswith("__init__") else module.split(".")
        base = ".".join([*package, base]) if base else ".".join(package)
    if not base.startswith("centralasia"):
        return []
    out: list[tuple[str, str | None]] = []
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        if any(_module_name(p) == sub for p in MODULES):
            out.append((sub, None))  # `from centralasia import _render`: a module
        else:
            out.append((base, alias.name))
    return out


def _import_graph() -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    for path in MODULES:
        module = _module_name(path)
        graph.add_node(module)
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target, _ in _targets(module, node):
                if target != module:
                    graph.add_edge(module, target)
    return graph


def test_no_import_cycle_at_run_time() -> None:
    """No chain of run-time imports (function-level ones included) leads from a module back to itself; a package's ``__init__`` may import its own modules."""
    graph = _import_graph()
    # A package imports its own submodules to re-export them; the submodules importing the package back is the only cycle allowed.
    for package in [m for m in graph if any(_module_name(p) == m and p.name == "__init__.py" for p in MODULES)]:
        graph.remove_edges_from([(package, m) for m in list(graph.successors(package)) if m.startswith(package + ".")])
    graph.remove_node("centralasia")  # the lazy re-exports of the top level
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, cycles


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_another_modules_private_names(path: Path) -> None:
    """``from centralasia.x import _name`` is refused: helpers shared inside the package live in underscore modules under public names."""
    module = _module_name(path)
    private = [
        f"{target}.{name}"
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
        for target, name in _targets(module, node)
        if name is not None and name.startswith("_") and not name.startswith("__") and target != module
    ]
    assert not private, private


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_source_module_is_past_reading_size(path: Path) -> None:
    """Every source module stays under :data:`MAX_LINES` lines."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name}: {lines} lines"


def test_no_submodule_shadows_a_name_the_package_exports() -> None:
    """Importing every submodule leaves each name of ``centralasia.__all__`` what it was (a submodule named like a function would replace it)."""
    import importlib
    import types

    for path in MODULES:
        if path.name != "__main__.py":  # running it runs the command line
            importlib.import_module(_module_name(path))
    shadowed = [name for name in centralasia.__all__ if isinstance(getattr(centralasia, name), types.ModuleType)]
    assert not shadowed, shadowed


def test_every_exception_class_lives_in_errors() -> None:
    """The package defines its exception classes in ``centralasia.errors`` only, each under the one root."""
    import inspect

    from centralasia import errors

    for path in MODULES:
        if path.name == "__main__.py":
            continue
        module = __import__(_module_name(path), fromlist=["_"])
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == module.__name__:
                assert module is errors, f"{module.__name__}.{name}"
    assert all(issubclass(getattr(errors, name), errors.CentralAsiaError) for name in errors.__all__ if name != "Problem")


def test_every_event_kind_has_its_layer() -> None:
    """Each EventKind has the Layer of the same value, so a new kind of event cannot be left without a weight."""
    assert {k.value for k in centralasia.EventKind} <= {layer.value for layer in centralasia.Layer}
    assert all(layer in centralasia.DEFAULT_WEIGHTS.layers for layer in centralasia.Layer if layer is not centralasia.Layer.SCENARIO)


def test_a_relation_has_the_fields_of_a_row_in_order() -> None:
    """``Relation`` (public, typed) and the internal row it is made from name the same fields in the same order."""
    import attrs

    from centralasia._rows import Row

    assert [f.name for f in attrs.fields(centralasia.Relation)] == list(Row._fields)
