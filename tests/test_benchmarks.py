"""The benchmark script runs: a quick pass at 1,000 records prints every row and target, and agrees with pandas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

ROWS = (
    "input: build the synthetic Dataset (held by all below)",
    "centralasia: influence_network + collapse + role_summary",
    "  of which influence_network",
    "  of which collapse",
    "  of which role_summary",
    "centralasia streamed: weighted_network + role_summary",
    "  of which weighted_network",
    "role_summary alone, over the Dataset",
    "pandas by hand: rows, groupby, from_pandas_edgelist, shares",
    "role_summary(records=generator), generation included",
    "  of which generating the records",
    "import centralasia",
    "import attrs, cattrs, networkx",
    "load() of the bundled data, first call",
)


def test_quick_run_prints_every_row_and_target_and_writes_json(tmp_path: Path) -> None:
    """``run.py --quick --max-n 1000`` prints a row per measurement and target; the library and pandas give the same numbers.

    Nothing here is timed: the smoke test only checks that the script runs and reports.
    """
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--max-n", "1000", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    measurements = [line.split(" | ")[0].removeprefix("| ") for line in lines if line.startswith("| ")]
    for row in ROWS:
        assert any(m.startswith(row) for m in measurements), row
    assert "| import loads no pandas, scipy, matplotlib | none loaded | met |" in lines
    assert any(line.startswith("| same numbers: library, pandas by hand, stream |") and line.endswith("| met |") for line in lines)
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [size["n"] for size in results["sizes"]] == [1000]
    assert results["sizes"][0]["stream_same_as_dataset"] is True
    assert {t["target"] for t in results["targets"]} >= {"import loads no pandas, scipy, matplotlib"}
