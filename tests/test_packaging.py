"""The package as a dependency: declared floors, the lowest-versions constraints, tool groups, URLs, no SciPy needed."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import centralasia as ca

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOWEST = ROOT / ".ci" / "lowest.txt"


def _requirements() -> list[Requirement]:
    """Every requirement a user's install can pull: the dependencies and each extra's."""
    project = PYPROJECT["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        found += [Requirement(r) for r in extra if not r.startswith("centralasia")]
    return found


def _floor(req: Requirement) -> str:
    """The version after ``>=``, the one bound every requirement declares."""
    lower = [s.version for s in req.specifier if s.operator == ">="]
    assert len(lower) == 1, f"{req}: every requirement has exactly one >= floor"
    return lower[0]


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in LOWEST.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{line!r}: the constraints pin with =="
            assert name not in pins, f"{name} is pinned twice"
            pins[name.strip()] = version.strip()
    return pins


def test_the_lowest_constraints_pin_every_declared_floor() -> None:
    """.ci/lowest.txt pins each dependency and extra of pyproject.toml at its floor, and nothing else: the two cannot drift."""
    floors: dict[str, str] = {}
    for req in _requirements():
        floor = _floor(req)
        assert floors.setdefault(req.name, floor) == floor, f"{req.name} has two floors: {floors[req.name]} and {floor}"
    assert _pins() == floors


def test_the_floors_are_the_ones_found_to_work() -> None:
    """The floors found to work hold: cattrs keeps its enum hook from 26.1 (which needs attrs 25.4), networkx refuses unknown backends from 3.4, orjson 3.10.7 has wheels for every Python we support."""
    floors = {req.name: _floor(req) for req in _requirements()}
    assert floors["cattrs"] == "26.1" and floors["attrs"] == "25.4" and floors["networkx"] == "3.4" and floors["orjson"] == "3.10.7"


def test_scipy_is_an_extra_not_a_dependency() -> None:
    """SciPy (and with it NumPy) is only the ``scipy`` extra: the base install pulls attrs, cattrs, networkx and orjson alone."""
    project = PYPROJECT["project"]
    assert sorted(Requirement(r).name for r in project["dependencies"]) == ["attrs", "cattrs", "networkx", "orjson"]
    assert [Requirement(r).name for r in project["optional-dependencies"]["scipy"]] == ["scipy"]


def test_developer_tools_are_dependency_groups_not_extras() -> None:
    """Test, docs, typing and lint tools are PEP 735 groups; users' extras hold none of them; the test group has pyright and the rest."""
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert set(extras) == {"scipy", "pandas", "plot", "dask", "columnar", "notebook"}
    groups = PYPROJECT["dependency-groups"]
    test = groups["test"]
    named = {Requirement(r).name for r in test if isinstance(r, str)}
    assert {"pytest", "pytest-xdist", "hypothesis", "packaging"} <= named
    assert [g["include-group"] for g in test if isinstance(g, dict)] == ["docs", "typing", "lint"]
    assert {Requirement(r).name for r in groups["typing"]} >= {"mypy", "pyright", "types-networkx", "pandas-stubs"}
    assert {Requirement(r).name for r in groups["docs"]} >= {"sphinx", "furo", "myst-parser"}


def test_project_urls_are_declared() -> None:
    """The package index shows where the home page, documentation, source, changelog and issues are."""
    urls = PYPROJECT["project"]["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Source", "Changelog", "Issues"}
    assert all(u.startswith("https://") for u in urls.values())
    assert urls["Changelog"].endswith("/CHANGELOG.md") and urls["Issues"].endswith("/issues")


def test_ci_tests_the_lowest_versions_and_the_readme_command() -> None:
    """.ci/run installs with the lowest constraints and runs the tests there, and still runs the test group's install and pytest."""
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c .ci/lowest.txt" in run
    assert "--group test && python -m pytest" in run


def test_pagerank_and_the_main_command_run_without_scipy_or_numpy() -> None:
    """With SciPy and NumPy unimportable, PageRank and ``centralasia`` (the main command) run, and PageRank gives the same scores."""
    code = (
        "import sys, json, io, contextlib, warnings\n"
        "sys.modules['numpy'] = sys.modules['scipy'] = None  # import numpy / scipy now raise ImportError\n"
        "import centralasia as ca\n"
        "from centralasia import cli\n"
        "warnings.simplefilter('ignore', ca.DescriptiveOnlyWarning)\n"
        "scores = ca.influence_scores(ca.influence_network(ca.load()), 'pagerank', domain='security')\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    code = cli.main([])\n"
        "print(json.dumps({'scores': scores, 'code': code, 'printed': out.getvalue()}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["code"] == 0 and "bundled article dataset" in result["printed"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ca.DescriptiveOnlyWarning)
        here = ca.influence_scores(ca.influence_network(ca.load()), "pagerank", domain="security")
    assert result["scores"] == pytest.approx(here, abs=1e-12)
    assert sum(result["scores"].values()) == pytest.approx(1.0)


#: Modules no ``import centralasia`` may pull in: data-frame engines, numerics, plotting, the graph library, the JSON library.
_HEAVY = ("networkx", "pandas", "polars", "narwhals", "dask", "pyarrow", "scipy", "numpy", "matplotlib", "orjson", "cattrs")


def test_import_reads_no_data_and_imports_only_the_model() -> None:
    """``import centralasia`` in a fresh process reads no data and imports no conversion, analysis or heavy module: only the model and the errors.

    Every public name is still reachable (``dir`` lists them) and loads its module on first use.
    """
    code = (
        "import sys, json, centralasia as ca\n"
        f"heavy = [m for m in {_HEAVY!r} if m in sys.modules]\n"
        "ours = sorted(m for m in sys.modules if m.startswith('centralasia'))\n"
        "listed = set(ca.__all__) <= set(dir(ca))\n"
        "print(json.dumps({'heavy': heavy, 'ours': ours, 'listed': listed}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["heavy"] == [] and result["listed"]
    assert not {"centralasia.loader", "centralasia.convert", "centralasia._convert", "centralasia._files"} & set(result["ours"])
    assert {m.split(".")[1] for m in result["ours"] if "." in m} <= {"model", "errors", "_display", "_text"}


def test_the_first_analysis_imports_neither_networkx_nor_any_data_frame_library() -> None:
    """The first ``role_summary(load())`` in a fresh process (the cold start) imports no networkx, data-frame, numeric or plotting library, and gives the numbers of this process."""
    code = (
        "import sys, json, centralasia as ca\n"
        "summary = ca.role_summary(ca.load())\n"
        f"heavy = [m for m in {_HEAVY!r} if m in sys.modules and m not in ('cattrs', 'orjson')]\n"
        "print(json.dumps({'heavy': heavy, 'shares': {d.value: summary.shares(d) for d in ca.Domain}}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["heavy"] == []
    summary = ca.role_summary(ca.load())
    here = {d.value: summary.shares(d) for d in ca.Domain}
    assert result["shares"].keys() == here.keys()
    for domain, shares in here.items():
        assert result["shares"][domain] == pytest.approx(shares)
