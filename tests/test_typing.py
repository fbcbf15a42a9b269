"""The public API type-checks as users write it (mypy --strict over a user's snippet)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

USAGE = """
import centralasia as ca

ev = [ca.Evidence(paragraph=1)]
kaz = ca.State("KAZ", "Kazakhstan", ev, aliases=["Qazaqstan"])
visit = ca.Event("e", ca.EventKind.VISIT, "A visit", ev, actors=["KAZ"], host="KAZ")
ds = ca.Dataset(states=[kaz], events=[visit])
record: ca.Record = ds["KAZ"]
maybe: ca.Record | None = ds.get("nope")
leader: str | None = ca.role_summary(ds).leader("security")
graph = ca.influence_network(ds, as_of="2016-12-31")
version: str = ca.__version__
"""

WRONG = """
import centralasia as ca

ca.State("KAZ", 705, [ca.Evidence(paragraph=1)])
"""


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module: the second check reuses the analysis of centralasia."""
    return tmp_path_factory.mktemp("mypy-cache")


def _mypy(tmp_path: Path, cache_dir: Path, source: str) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    file = tmp_path / "usage.py"
    file.write_text(textwrap.dedent(source), encoding="utf-8")
    out, err, status = api.run(["--strict", "--cache-dir", str(cache_dir), str(file)])
    return out + err, status


def test_users_code_type_checks(tmp_path: Path, cache_dir: Path) -> None:
    """Lists for tuple fields, lazy package names and lookups are all typed for a user's mypy --strict."""
    out, status = _mypy(tmp_path, cache_dir, USAGE)
    assert status == 0, out


def test_wrong_types_are_caught_by_mypy(tmp_path: Path, cache_dir: Path) -> None:
    """A wrong argument type is a type error for the user, not silently accepted."""
    out, status = _mypy(tmp_path, cache_dir, WRONG)
    assert status == 1 and 'Argument 2 to "State" has incompatible type "int"' in out, out
