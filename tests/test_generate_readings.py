"""docs/generate_readings.py: the methodology's tables are current, all included, and its prose quotes only computed numbers."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _generator() -> ModuleType:
    """docs/generate_readings.py, imported from its file (docs/ is not a package)."""
    name = "generate_readings"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, DOCS / "generate_readings.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def computed() -> Any:
    """The readings, robustness, shifts and paragraph effects of the bundled data, computed once for this file."""
    return _generator().compute()


def _methodology() -> str:
    return (DOCS / "methodology.md").read_text(encoding="utf-8")


#: A MyST include directive and its options.
_INCLUDE = re.compile(r"^```\{include\}[ \t]+(?P<path>\S+)[ \t]*\n(?P<options>(?::[^\n]*\n)*)", re.MULTILINE)


def test_generated_tables_are_current(computed: Any) -> None:
    """docs/_generated holds exactly what docs/generate_readings.py computes now (run it to update)."""
    generator = _generator()
    files = generator.build(computed)
    on_disk = {p.name for p in generator.GENERATED.glob("*.md")}
    assert on_disk == set(files), f"generated files differ in name: run python docs/generate_readings.py ({sorted(on_disk ^ set(files))})"
    stale = [name for name, text in files.items() if (generator.GENERATED / name).read_text(encoding="utf-8") != text]
    assert not stale, f"stale generated tables {stale}: run python docs/generate_readings.py"


def test_methodology_includes_the_generated_tables() -> None:
    """Every {include} in methodology.md names a generated file, reads it from the marker on, and every generated file is included."""
    generator = _generator()
    text = _methodology()
    found = list(_INCLUDE.finditer(text))
    assert found, "methodology.md includes no generated table"
    included = set()
    for match in found:
        path = (DOCS / match["path"]).resolve()
        assert path.parent == generator.GENERATED, f"{match['path']} is not under docs/_generated"
        assert path.is_file(), f"{match['path']} does not exist: run python docs/generate_readings.py"
        assert f":start-after: {generator.MARKER}" in match["options"], f"{match['path']} must be included from the marker on"
        assert generator.MARKER in path.read_text(encoding="utf-8"), path.name
        included.add(path.name)
    assert included == {p.name for p in generator.GENERATED.glob("*.md")}, "every generated table is included once at least"


def _prose(text: str) -> str:
    """methodology.md without its fenced blocks (includes, code) and inline code, whitespace collapsed."""
    text = re.sub(r"^```.*?^```[ \t]*$", " ", text, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"`[^`\n]*`", " ", text)
    return " ".join(text.split())


def test_methodology_quotes_only_computed_numbers(computed: Any) -> None:
    """Each number the prose quotes reads as the generator computes it, and the prose quotes no other decimal number."""
    prose = _prose(_methodology())
    for label, phrase in _generator().quoted_numbers(computed).items():
        assert phrase in prose, f"{label}: the prose must read {phrase!r}"
        prose = prose.replace(phrase, " ")
    unasserted = re.findall(r"(?<![\w.])\d+\.\d+", prose)
    assert not unasserted, f"numbers quoted in the prose that no test asserts: {unasserted} (add them to quoted_numbers in docs/generate_readings.py)"


def test_methodology_statements_about_the_data_hold(computed: Any) -> None:
    """What the prose says of the bundled data without a number (every state cell inherited, no Russian leverage...) still holds."""
    failed = [label for label, holds in _generator().stated_facts(computed).items() if not holds]
    assert not failed, f"docs/methodology.md states what no longer holds: {failed}"
