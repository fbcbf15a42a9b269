"""The examples run as a user would run them, each saying what it should."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_example(name: str, *args: str) -> str:
    """Run examples/NAME with this environment's python; fail with its stderr if it fails."""
    result = subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_example_is_tested() -> None:
    """Each example script in examples/ has a test here (a new one cannot be forgotten)."""
    tested = {"quickstart.py", "roles_over_time.py", "compare_scenarios.py", "extend_with_your_own_data.py", "dask_preaggregate.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_quickstart(tmp_path: Path) -> None:
    """The quickstart cites the article, reads Russia leading security and China the economy in the assessments and China in the acts, and writes a Gephi file."""
    out = run_example("quickstart.py", str(tmp_path))
    assert "RUS is the security-guarantor (security)" in out
    assert "paragraph 3: \u201cRussia primarily acts as security guarantor\u201d" in out
    assert "security   leader: RUS" in out and "economic   leader: CHN" in out
    assert "the acts name: CHN" in out and "Russia leads the assessed security reading in" in out
    graph = nx.read_gexf(tmp_path / "influence.gexf")
    assert {"RUS", "CHN", "KAZ"} <= set(graph)
    assert (tmp_path / "influence.png").read_bytes()[:4] == b"\x89PNG"


def test_roles_over_time() -> None:
    """roles_over_time prints a row per date, marks those before the article's time as dated only, and lists the security records that began in 2016."""
    out = run_example("roles_over_time.py")
    rows = [line.split() for line in out.splitlines() if line[:4].isdigit()]
    assert [r[0] for r in rows] == ["2001", "2015", "2016-02", "2016-06", "2016-08", "2016-12"]
    assert all(r[1] in ("RUS", "CHN", "none") and r[3] in ("RUS", "CHN", "none") for r in rows)
    assert [" ".join(r[6:]) for r in rows] == ["(dated only)"] * 5 + [""]
    assert rows[-1][1:5] == ["RUS", "n=9", "CHN", "n=3"]  # at the article's time: its verdict, and the acts it reports
    assert "security records that began in 2016:" in out
    assert "agr-chn-tjk-ct-centre-2016: Agreement" in out


def test_compare_scenarios(tmp_path: Path) -> None:
    """compare_scenarios reads each scenario as shifts (leaders and breakevens), a user's scenario in which Russia withdraws, and draws the chart."""
    out = run_example("compare_scenarios.py", str(tmp_path))
    row = next(line.split() for line in out.splitlines() if line.startswith("scn-beijing-replaces-moscow "))
    assert row[1:5] == ["security", "RUS", "->", "CHN"] and " ".join(row[5:]) == "by definition"  # Moscow replaced whole
    challenge = next(line.split() for line in out.splitlines() if line.startswith("scn-chinese-security-challenge "))
    assert challenge[2:5] == ["RUS", "->", "RUS"] and float(challenge[5]) > 0.5  # gradual: the lead holds at the default shift
    assert "my scenario: security leader CHN" in out
    assert (tmp_path / "scenario-robustness.png").read_bytes()[:4] == b"\x89PNG"


def test_extend_with_your_own_data() -> None:
    """extend_with_your_own_data adds the two facts, drops them from the article view, and refuses a typo with its path."""
    out = run_example("extend_with_your_own_data.py")
    assert "(2 added)" in out
    assert "+ Role role-chn-security-partner-tjk-outpost" in out
    assert "CHN is a security-partner of Tajikistan (reported)" in out
    view = next(line for line in out.splitlines() if line.startswith("article-only view"))
    assert view.split(": ")[1].split()[0] == view.split(": ")[-1]
    assert "unknown id 'TJJ' @ $.roles[0].over[0]" in out


def test_example_data_validates_on_the_command_line() -> None:
    """The example's data file passes 'centralasia validate --extends', as its docstring says."""
    result = subprocess.run(
        [sys.executable, "-m", "centralasia", "validate", "--extends", str(EXAMPLES / "data" / "my_facts.json")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "valid additions: 2 records" in result.stdout


def test_dask_preaggregate() -> None:
    """dask_preaggregate sums a partitioned feed with Dask's local scheduler, agrees with the library on a partition, and scores the result."""
    out = run_example("dask_preaggregate.py", "200000", "8")  # no skip: the test extra installs dask, and CI must run it
    assert "feed: 200,000 events in 8 partitions, summed by Dask to" in out
    assert "all agree with Dask" in out
    assert "pagerank sums to 1.000" in out
    scores = {line.split()[0]: float(line.split()[1]) for line in out.splitlines() if line.startswith("  ") and line.split()[0].isupper()}
    assert {"RUS", "CHN"} <= set(scores)
