"""The benchmark runs and reports: a quick pass at 1,000 records prints every contender and goal, checked equal to the library; the page is generated from the JSON."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
DOCS = ROOT / "docs"


def _module(name: str, path: Path) -> ModuleType:
    """A script imported from its file (benchmarks/ and docs/ are not packages)."""
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    """docs/generate_performance.py."""
    return _module("generate_performance", DOCS / "generate_performance.py")


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """What ``run.py --quick --max-n 1000 --json`` prints, and the JSON it writes (nothing here is timed)."""
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--max-n", "1000", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_quick_run_measures_every_contender_and_checks_it_equal(quick: tuple[str, dict[str, Any]]) -> None:
    """Every contender of the object route ran at N=1,000 with CPU and wall medians and min–max, and gave the library's numbers."""
    _, results = quick
    (size,) = results["sizes"]
    assert size["n"] == 1000
    expected = {"streamed", "multigraph", "pandas_vectorised", "polars_lazy", "dict_loop", "row_loop", "polars_tables", "pandas_tables"}
    if size["columnar_available"]:
        expected |= {"columnar_polars", "columnar_pandas"}
    assert set(size["contenders"]) == expected
    for key, c in size["contenders"].items():
        assert c["max_difference"] <= 1e-9, key
        for clock in ("cpu_s", "wall_s"):
            assert c[clock]["min"] <= c[clock]["median"] <= c[clock]["max"], (key, clock)
    assert {"python", "cpu", "cores", "versions"} <= results["machine"].keys()
    assert {"polars", "narwhals", "orjson", "pandas"} <= results["machine"]["versions"].keys()


def test_quick_run_prints_every_contender_and_goal(quick: tuple[str, dict[str, Any]]) -> None:
    """The printed page has a row per contender (or says it is not available) and a row per goal, with met, NOT MET or not measured."""
    page, results = quick
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    for meta in results["contenders"].values():
        assert any(row.startswith(f"| {meta['label']} |") for row in rows), meta["label"]
    goals = [g["goal"] for g in results["goals"]]
    issue = (
        "ca.loads",
        "ca.dumps",
        "streamed route",
        "multigraph route",
        "columnar route on polars ≤",
        "columnar route on polars ahead",
        "a Dataset",
        "cold start",
    )
    for prefix in issue:
        assert any(goal.startswith(prefix) for goal in goals), prefix
    for goal in goals:
        (row,) = [row for row in rows if row.startswith(f"| {goal} |")]
        assert row.endswith(("| met |", "| **NOT MET** |", "| not measured |")), row
    assert "| every competitor gives the library's numbers (relative difference ≤ 1e-9) | largest difference 0.0e+00 | 0 | 1e-09 | met |" in rows
    assert any(row.startswith("| import centralasia loads no pandas") and row.endswith("| met |") for row in rows)


def test_the_page_is_generated_from_the_json(quick: tuple[str, dict[str, Any]], generator: ModuleType) -> None:
    """run.py prints exactly what docs/generate_performance.py makes of the JSON it writes."""
    page, results = quick
    assert generator.render(results) == page


def test_the_goals_table_says_which_goals_are_not_met(quick: tuple[str, dict[str, Any]], generator: ModuleType) -> None:
    """A goal not met is in bold and named in the summary line; one not measured says so."""
    _, results = quick
    results = copy.deepcopy(results)
    results["goals"][0].update(met=False, measured="9.0 µs vs 1.0 µs", ratio=9.0)
    results["goals"][2].update(met=None, measured="benchmarks/io.py not present", ratio=None)
    lines = generator.render(results).splitlines()
    first, third = results["goals"][0]["goal"], results["goals"][2]["goal"]
    assert f"| {first} | 9.0 µs vs 1.0 µs | 9 | 2.5 | **NOT MET** |" in lines
    assert f"| {third} | benchmarks/io.py not present |  | 0.6 | not measured |" in lines
    summary = next(line for line in lines if "**not met**" in line)
    assert first in summary.split("**not measured in this run**")[0]


def test_the_committed_page_is_the_committed_json_rendered(generator: ModuleType) -> None:
    """docs/performance.md is what docs/generate_performance.py makes of benchmarks/results.json: page and data cannot drift."""
    results = json.loads((BENCHMARKS / "results.json").read_text(encoding="utf-8"))
    assert (DOCS / "performance.md").read_text(encoding="utf-8") == generator.render(results)


def test_io_goals_are_folded_in_from_io_py_output() -> None:
    """The loads goals (plain, and with the GC paused for both) and the dumps goal come from benchmarks/io.py's JSON by key (met judged from the ratio when io.py does not say); without it, not measured."""
    run = _module("run", BENCHMARKS / "run.py")
    results = json.loads((BENCHMARKS / "results.json").read_text(encoding="utf-8"))
    results["io"] = None
    assert [g["met"] for g in run.goals(results)[:3]] == [None, None, None]
    results["io"] = {
        "goals": [
            {"key": "loads", "measured": "2.0× json.loads", "ratio": 2.0},
            {"key": "loads_gc_paused", "measured": "6.0× json.loads, GC off", "ratio": 6.0},
            {"key": "dumps", "ratio": 0.9, "met": False},
        ]
    }
    first, paused, dumps = run.goals(results)[:3]
    assert (first["met"], first["ratio"], first["measured"]) == (True, 2.0, "2.0× json.loads")
    assert (paused["met"], paused["ratio"]) == (False, 6.0)
    assert (dumps["met"], dumps["ratio"]) == (False, 0.9)
