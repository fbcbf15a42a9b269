"""Loading: the bundled data lazily and once, a user's file, and a light import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import centralasia as ca


def test_load_returns_the_same_dataset_each_time() -> None:
    """The bundled dataset is read once and then shared."""
    assert ca.load() is ca.load()


def test_load_reads_a_users_file(tmp_path: Path, ds: ca.Dataset) -> None:
    """A JSON file of the library's schema loads as a dataset equal to what was dumped."""
    path = tmp_path / "mine.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    assert ca.load(path) == ds
    assert ca.load(str(path)) == ds


def test_load_of_a_partial_document(tmp_path: Path) -> None:
    """A user's file may hold only some collections; the others are empty."""
    path = tmp_path / "states.json"
    path.write_text(json.dumps({"states": [{"id": "KAZ", "name": "Kazakhstan", "evidence": [{"paragraph": 1}]}]}), encoding="utf-8")
    mine = ca.load(path)
    assert [s.id for s in mine.states] == ["KAZ"] and mine.roles == ()


def test_load_of_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    """A file that cannot be read raises our DataError naming it, not an OSError."""
    with pytest.raises(ca.DataError, match="cannot read") as info:
        ca.load(tmp_path / "absent.json")
    assert "absent.json" in str(info.value)


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def test_import_loads_no_data_and_no_heavy_modules() -> None:
    """``import centralasia`` reads no data and imports neither networkx, pandas, scipy nor matplotlib."""
    out = _run(
        "import sys, centralasia, centralasia.loader as l;"
        "print(l._bundled is None, [m for m in ('networkx', 'pandas', 'scipy', 'matplotlib') if m in sys.modules])"
    )
    assert out == "True []"


def test_analysis_names_load_on_first_use() -> None:
    """The analysis functions and submodules are reachable from the package, loaded when first named."""
    out = _run(
        "import sys, centralasia as ca;"
        "f = ca.role_summary; from centralasia import influence_network;"
        "print(f.__module__, influence_network.__module__, ca.network.__name__, 'networkx' in sys.modules, 'role_summary' in dir(ca))"
    )
    assert out == "centralasia.roles centralasia.network centralasia.network True True"


def test_unknown_package_attribute_is_an_attribute_error() -> None:
    """A name the package does not have raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        ca.nope  # type: ignore[attr-defined]  # noqa: B018


def test_every_public_name_resolves() -> None:
    """Every name in ``__all__`` can be looked up, and ``__all__`` is sorted."""
    assert ca.__all__ == sorted(ca.__all__)
    for name in ca.__all__:
        assert getattr(ca, name) is not None, name


def test_version_is_the_installed_distributions() -> None:
    """``__version__`` comes from the installed package metadata."""
    from importlib.metadata import version

    assert ca.__version__ == version("centralasia")
