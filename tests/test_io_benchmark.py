"""The JSON I/O benchmark runs: a tiny pass prints every row and goal and writes its JSON document (no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SOURCE = Path(__file__).resolve().parents[1] / "src"


def test_a_tiny_run_prints_every_row_and_goal_and_writes_json(tmp_path: Path) -> None:
    """``benchmarks/io.py --n 500`` prints each reader, writer and cold row and each goal with met or not met, and writes them as JSON."""
    out = tmp_path / "io.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SOURCE), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, str(BENCHMARKS / "io.py"), "--n", "500", "--repeats", "1", "--cold-repeats", "1", "--json", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True, timeout=600)
    document = json.loads(out.read_text(encoding="utf-8"))
    names = [r["name"] for r in document["results"]]
    expected = ["ca.loads", "json.loads", "json.loads, GC off", "orjson.loads", "ca.dumps", "json.dumps(indent=2)", "orjson.dumps(OPT_INDENT_2)"]
    expected += ["load(), cold", "import attrs, cattrs, networkx", "role_summary(load()), cold, import included"]
    assert set(expected) <= set(names)
    for name in names:
        assert f"| {name} |" in done.stdout
    assert document["n"] >= 500 and {"python", "cpu", "cores"} <= set(document["machine"])
    assert [g["key"] for g in document["goals"]] == ["loads", "loads_gc_paused", "dumps", "cold"]
    for goal in document["goals"]:
        assert f"| {goal['goal']} |" in done.stdout
        assert goal["met"] == (goal["ratio"] <= goal["limit"])
        assert ("| met |" in done.stdout) or ("| not met |" in done.stdout)
