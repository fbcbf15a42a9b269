"""The public API type-checks as dependents write it: mypy --strict and pyright --strict over a user's code, and no unknown public types."""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import get_args

import pytest

import centralasia as ca
from centralasia.export import TABLES, TableName

#: The source tree of the centralasia under test (not necessarily the one installed).
SRC = Path(ca.__file__).resolve().parents[1]
#: The typing test package: the code a dependent would write.
USAGE = Path(__file__).resolve().parent / "typed_usage"
#: The mark of a line in typed_usage/negative.py that both checkers must find wrong.
EXPECTED = "# expected error"

SNIPPET = """
import centralasia as ca

ev = [ca.Evidence(paragraph=1)]
kaz = ca.State(id="KAZ", name="Kazakhstan", evidence=ev, aliases=["Qazaqstan"])
visit = ca.Event(id="e", kind=ca.EventKind.VISIT, title="A visit", evidence=ev, actors=["KAZ"], host="KAZ")
ds = ca.Dataset(states=[kaz], events=[visit])
record: ca.Record = ds["KAZ"]
maybe: ca.Record | None = ds.get("nope")
leader: str | None = ca.role_summary(ds).leader("security")
graph = ca.influence_network(ds, as_of="2016-12-31")
version: str = ca.__version__
"""

WRONG = """
import centralasia as ca

ca.State(id="KAZ", name=705, evidence=[ca.Evidence(paragraph=1)])
"""


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module: later checks reuse the analysis of centralasia."""
    return tmp_path_factory.mktemp("mypy-cache")


def _mypy(cache_dir: Path, *files: Path) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    # The source under test comes first, before any installed copy of the package.
    previous = os.environ.get("MYPYPATH")
    os.environ["MYPYPATH"] = str(SRC)
    try:
        out, err, status = api.run(["--strict", "--cache-dir", str(cache_dir), "--no-error-summary", *map(str, files)])
    finally:
        if previous is None:
            del os.environ["MYPYPATH"]
        else:
            os.environ["MYPYPATH"] = previous
    return out + err, status


def _snippet(tmp_path: Path, source: str) -> Path:
    file = tmp_path / "usage.py"
    file.write_text(textwrap.dedent(source), encoding="utf-8")
    return file


def _expected_lines() -> set[int]:
    lines = (USAGE / "negative.py").read_text(encoding="utf-8").splitlines()
    return {i for i, line in enumerate(lines, 1) if line.rstrip().endswith(EXPECTED)}


def test_users_code_type_checks(tmp_path: Path, cache_dir: Path) -> None:
    """Lists for tuple fields, lazy package names and lookups are all typed for a user's mypy --strict."""
    out, status = _mypy(cache_dir, _snippet(tmp_path, SNIPPET))
    assert status == 0, out


def test_wrong_types_are_caught_by_mypy(tmp_path: Path, cache_dir: Path) -> None:
    """A wrong argument type is a type error for the user, not silently accepted."""
    out, status = _mypy(cache_dir, _snippet(tmp_path, WRONG))
    assert status == 1 and 'Argument "name" to "State" has incompatible type "int"' in out, out


def test_the_typing_package_is_clean_under_mypy(cache_dir: Path) -> None:
    """typed_usage/usage.py (every record kind, Dataset, JSON, extend, networks, summaries, scenarios, readings, exports) passes mypy --strict, every assert_type holding."""
    out, status = _mypy(cache_dir, USAGE / "usage.py")
    assert status == 0, out


def test_mypy_finds_every_mistake_of_the_negative_cases(cache_dir: Path) -> None:
    """mypy --strict reports an error on each marked line of typed_usage/negative.py, and on no other line."""
    out, _ = _mypy(cache_dir, USAGE / "negative.py")
    found = {int(m) for m in re.findall(r"negative\.py:(\d+): error", out)}
    assert found == _expected_lines(), out


# -- pyright -----------------------------------------------------------------------------


def _pyright() -> str:
    """The pyright command (the PyPI ``pyright`` package); skipped where it is not installed, a failure in CI."""
    found = shutil.which("pyright", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if found is None:
        message = "pyright is not installed (pip install pyright): the pyright checks are skipped"
        if os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}:
            pytest.fail(f"{message}; CI must run them", pytrace=False)
        pytest.skip(message)
    return found


def _run_pyright(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.11", "extraPaths": [str(SRC)]}), encoding="utf-8")
    # PYTHONPATH puts the source under test first for --verifytypes too (pyright asks the interpreter for its path).
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    command = [_pyright(), "--pythonpath", sys.executable, "--project", str(config), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600, check=False)


def _pyright_errors(tmp_path: Path, file: Path) -> list[tuple[int, str]]:
    done = _run_pyright(tmp_path, "--outputjson", str(file))
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright gave no report: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    return [(d["range"]["start"]["line"] + 1, d["message"]) for d in report["generalDiagnostics"] if d["severity"] == "error"]


def test_the_typing_package_is_clean_under_pyright(tmp_path: Path) -> None:
    """typed_usage/usage.py passes pyright --strict: no error, no unknown type, every assert_type holding."""
    errors = _pyright_errors(tmp_path, USAGE / "usage.py")
    assert errors == []


def test_pyright_finds_every_mistake_of_the_negative_cases(tmp_path: Path) -> None:
    """pyright --strict reports an error on each marked line of typed_usage/negative.py, and on no other line."""
    errors = _pyright_errors(tmp_path, USAGE / "negative.py")
    assert {line for line, _ in errors} == _expected_lines(), errors


def test_pyright_verifytypes_finds_no_unknown_public_type(tmp_path: Path) -> None:
    """``pyright --verifytypes centralasia --ignoreexternal``: every public symbol has a known type."""
    done = _run_pyright(tmp_path, "--verifytypes", "centralasia", "--ignoreexternal", "--outputjson")
    report = json.loads(done.stdout)
    completeness = report["typeCompleteness"]
    assert Path(completeness["packageRootDirectory"]).resolve() == SRC / "centralasia"
    unknown = [d["message"] for d in report["generalDiagnostics"] if d["severity"] == "error"]
    unsure = [s["name"] for s in completeness["symbols"] if not s["isTypeKnown"] or s["isTypeAmbiguous"]]
    assert unknown == [] and unsure == [] and completeness["completenessScore"] == 1, (unknown[:20], unsure[:20], done.stderr[-2000:])


# -- what the package declares to type checkers is what it gives at run time -------------------


def _declared() -> dict[str, tuple[str, str]]:
    """Each name ``centralasia/__init__.py`` imports (at run time or under ``TYPE_CHECKING``): its module and name there."""
    tree = ast.parse(Path(ca.__file__).read_text(encoding="utf-8"))
    out: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None and node.module.startswith("centralasia"):
            for alias in node.names:
                out[alias.asname or alias.name] = (node.module, alias.name)
    return out


def test_every_exported_name_is_what_type_checkers_are_told() -> None:
    """Each name of ``centralasia.__all__`` is declared by an import in ``__init__.py`` and is, at run time, that module's object of that name."""
    declared = _declared()
    assert sorted(set(ca.__all__) - set(declared)) == []
    for name in ca.__all__:
        module, original = declared[name]
        target = importlib.import_module(module)
        expected = getattr(target, original)
        assert getattr(ca, name) is expected, f"ca.{name} is not {module}.{original}"


def test_submodules_declared_to_type_checkers_are_the_modules() -> None:
    """``ca.export`` and the other submodules declared under ``TYPE_CHECKING`` are those modules at run time, not a function of the same name."""
    for name, (module, original) in _declared().items():
        if module == "centralasia":
            assert getattr(ca, name) is importlib.import_module(f"centralasia.{original}")


def test_table_names_are_the_tables() -> None:
    """The ``TableName`` literal lists exactly the tables ``to_frame`` makes, the collections first."""
    assert get_args(TableName) == TABLES
    assert TABLES[: len(ca.Dataset.COLLECTIONS)] == ca.Dataset.COLLECTIONS


def test_the_readme_first_example_type_checks(tmp_path: Path, cache_dir: Path) -> None:
    """The README's "Use it" block (the first a user copies) passes mypy --strict: lookups are typed by kind."""
    readme = (SRC.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Use it", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    out, status = _mypy(cache_dir, _snippet(tmp_path, block))
    assert status == 0, out
