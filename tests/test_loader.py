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


def test_load_takes_any_path_like_and_any_file_name(tmp_path: Path, ds: ca.Dataset) -> None:
    """A path-like object of the caller's, and names with spaces and non-ASCII letters, load as a str path does."""

    class Where:
        def __init__(self, path: Path) -> None:
            self.path = path

        def __fspath__(self) -> str:
            return str(self.path)

    path = tmp_path / "Қазақстан data.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    assert ca.load(Where(path)) == ds  # type: ignore[arg-type]
    assert ca.load(str(path)) == ds


def test_the_bundled_data_takes_no_size_cap() -> None:
    """max_bytes limits a file of the caller's; with the bundled data it is an ArgumentError, not silently ignored."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.load(max_bytes=10)
    assert info.value.field == "max_bytes"


def test_a_file_loaded_and_written_back_in_place_is_whole(tmp_path: Path, ds: ca.Dataset) -> None:
    """Loading a file and writing the dataset over it (the same path) never truncates it: it loads back equal."""
    from centralasia.export import write_dataset

    path = tmp_path / "mine.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    write_dataset(ca.load(path), path)
    assert ca.load(path) == ds


def test_the_bundled_files_are_read_with_the_strict_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundled file that is not JSON is a DataError at that collection's path, not a JSONDecodeError."""
    from centralasia import loader

    class Broken:
        def joinpath(self, name: str) -> Broken:
            return self

        def is_file(self) -> bool:
            return True

        def read_bytes(self) -> bytes:
            return b"{nope"

    monkeypatch.setattr(loader.resources, "files", lambda package: Broken())
    with pytest.raises(ca.DataError) as info:
        loader._read_bundled()
    assert info.value.summary == "invalid bundled data"
    assert info.value.problems[0].path == f"$.{ca.Dataset.COLLECTIONS[0]}"
