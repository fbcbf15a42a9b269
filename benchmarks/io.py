"""JSON I/O benchmark: ``ca.loads`` and ``ca.dumps`` beside json, orjson (and msgspec if installed) on the same text, and ``load()`` cold.

Run ``python benchmarks/io.py --n 100000 --repeats 7 --json out.json``. The
synthetic dataset of *n* records (``synthetic.dataset(n, 0)``) is written once
by ``ca.dumps``; every reader then reads that same text and every writer
writes the same unstructured object. Runs are interleaved (each repeat runs
every contender once, in turn) and timed in CPU time (:func:`time.process_time`,
robust to other processes on a shared machine) and wall time; the tables show
medians with the min-max spread, in microseconds per record. The competitors
run as a user calls them, with the garbage collector on; ``json.loads`` is
shown with the collector off too, since ``ca.loads`` pauses it while it reads.

``load()`` of the bundled data is timed in fresh processes (cold: nothing
imported, nothing cached), beside ``import attrs, cattrs, networkx`` and the
first analysis call (``role_summary(load())``, import included).

The goals of issue 13 are printed last, each met or not met:
``ca.loads`` at most 2.5 x ``json.loads``, ``ca.dumps`` at most 0.6 x
``json.dumps(indent=2)``, the first analysis call at most 1.25 x the import.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import machine  # noqa: E402  (the one description of the machine, beside run.py's own)

#: The rows every run prints, in order (the smoke test checks each is there).
LOADS_ROWS = ("ca.loads", "json.loads", "json.loads, GC off", "orjson.loads", "msgspec.json.decode")
DUMPS_ROWS = ("ca.dumps", "json.dumps(indent=2)", "orjson.dumps(OPT_INDENT_2)")
COLD_ROWS = ("load(), cold", "import attrs, cattrs, networkx", "role_summary(load()), cold, import included")

_COLD_LOAD = """
import time
import centralasia as ca
t = time.process_time(); w = time.perf_counter()
ca.load()
print(time.process_time() - t, time.perf_counter() - w)
"""
_COLD_IMPORT = """
import time
t = time.process_time(); w = time.perf_counter()
import attrs, cattrs, networkx
print(time.process_time() - t, time.perf_counter() - w)
"""
_COLD_FIRST_CALL = """
import time
t = time.process_time(); w = time.perf_counter()
import centralasia as ca
ca.role_summary(ca.load())
print(time.process_time() - t, time.perf_counter() - w)
"""


def _no_gc(run: Callable[[], object]) -> Callable[[], object]:
    def paused() -> object:
        gc.disable()
        try:
            return run()
        finally:
            gc.enable()

    return paused


def _interleaved(contenders: dict[str, Callable[[], object]], repeats: int) -> dict[str, list[tuple[float, float]]]:
    """(CPU, wall) seconds of each contender per repeat, each repeat running every contender once in turn."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, run in contenders.items():
            gc.collect()
            cpu, wall = time.process_time(), time.perf_counter()
            run()
            times[name].append((time.process_time() - cpu, time.perf_counter() - wall))
    return times


def _cold(code: str, repeats: int) -> list[tuple[float, float]]:
    out = []
    for _ in range(repeats):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        cpu, wall = map(float, done.stdout.split())
        out.append((cpu, wall))
    return out


def _row(group: str, name: str, times: list[tuple[float, float]], per: int, unit: str) -> dict[str, Any]:
    scale = 1e6 / per if unit == "us/record" else 1e3
    cpu = [c * scale for c, _ in times]
    wall = [w * scale for _, w in times]
    return {
        "group": group,
        "name": name,
        "unit": unit,
        "n": len(times),
        "cpu_median": statistics.median(cpu),
        "cpu_min": min(cpu),
        "cpu_max": max(cpu),
        "wall_median": statistics.median(wall),
        "wall_min": min(wall),
        "wall_max": max(wall),
    }


def run(n: int, repeats: int, cold_repeats: int) -> dict[str, Any]:
    """Every measurement at *n* records, as the JSON document ``--json`` writes."""
    import orjson
    import synthetic

    import centralasia as ca

    try:
        import msgspec
    except ImportError:  # optional: left out of the table
        msgspec = None

    ds = synthetic.dataset(n, 0)
    records = len(ds)
    text = ca.dumps(ds)
    value = ca.convert.converter.unstructure(ds)
    if ca.loads(text) != ds or ca.dumps(ca.loads(text)) != text:
        raise SystemExit("ca.loads does not read back what ca.dumps wrote")
    if json.loads(text) != value or orjson.loads(text) != value:
        raise SystemExit("the competitors do not read the text as ca.dumps's value")
    loads: dict[str, Callable[[], object]] = {
        "ca.loads": lambda: ca.loads(text),
        "json.loads": lambda: json.loads(text),
        "json.loads, GC off": _no_gc(lambda: json.loads(text)),
        "orjson.loads": lambda: orjson.loads(text),
    }
    if msgspec is not None:
        loads["msgspec.json.decode"] = lambda: msgspec.json.decode(text)
    dumps: dict[str, Callable[[], object]] = {
        "ca.dumps": lambda: ca.dumps(ds),
        "json.dumps(indent=2)": lambda: json.dumps(value, indent=2),
        "orjson.dumps(OPT_INDENT_2)": lambda: orjson.dumps(value, option=orjson.OPT_INDENT_2),
    }
    results = [_row("loads", name, t, records, "us/record") for name, t in _interleaved(loads, repeats).items()]
    results += [_row("dumps", name, t, records, "us/record") for name, t in _interleaved(dumps, repeats).items()]
    cold: dict[str, list[tuple[float, float]]] = {name: [] for name in COLD_ROWS}
    for _ in range(cold_repeats):
        for name, code in zip(COLD_ROWS, (_COLD_LOAD, _COLD_IMPORT, _COLD_FIRST_CALL), strict=True):
            cold[name] += _cold(code, 1)
    results += [_row("cold", name, t, 1, "ms") for name, t in cold.items()]
    median = {r["name"]: r["cpu_median"] for r in results}
    goals = [
        _goal("loads", "ca.loads <= 2.5 x json.loads (CPU, us/record)", median["ca.loads"], median["json.loads"], 2.5),
        # ca.loads pauses the cyclic GC while it builds records; json.loads given the same pause is the like-for-like bar.
        _goal(
            "loads_gc_paused", "ca.loads <= 2.5 x json.loads, the GC paused for both (CPU, us/record)", median["ca.loads"], median["json.loads, GC off"], 2.5
        ),
        _goal("dumps", "ca.dumps <= 0.6 x json.dumps(indent=2) (CPU, us/record)", median["ca.dumps"], median["json.dumps(indent=2)"], 0.6),
        _goal("cold", "role_summary(load()) cold <= 1.25 x import attrs, cattrs, networkx (CPU, ms)", median[COLD_ROWS[2]], median[COLD_ROWS[1]], 1.25),
    ]
    return {"machine": machine(), "n": records, "repeats": repeats, "text_bytes": len(text.encode()), "results": results, "goals": goals}


def _goal(key: str, name: str, ours: float, theirs: float, limit: float) -> dict[str, Any]:
    ratio = ours / theirs
    return {"key": key, "goal": name, "ours": ours, "competitor": theirs, "ratio": ratio, "limit": limit, "met": ratio <= limit}


def table(document: dict[str, Any]) -> str:
    """The results and goals as Markdown."""
    lines = [
        f"n = {document['n']} records ({document['text_bytes'] / 1e6:.1f} MB of JSON), {document['repeats']} interleaved repeats",
        "",
        "| group | what | unit | CPU median (min-max) | wall median (min-max) |",
        "|---|---|---|---|---|",
    ]
    for r in document["results"]:
        lines.append(
            f"| {r['group']} | {r['name']} | {r['unit']} | {r['cpu_median']:.2f} ({r['cpu_min']:.2f}-{r['cpu_max']:.2f}) "
            f"| {r['wall_median']:.2f} ({r['wall_min']:.2f}-{r['wall_max']:.2f}) |"
        )
    lines += ["", "| goal | ours | competitor | ratio | limit | |", "|---|---|---|---|---|---|"]
    for g in document["goals"]:
        lines.append(f"| {g['goal']} | {g['ours']:.2f} | {g['competitor']:.2f} | {g['ratio']:.2f} | {g['limit']} | {'met' if g['met'] else 'not met'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the tables, write ``--json``; see ``--help``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic records (default 100000)")
    parser.add_argument("--repeats", type=int, default=7, help="interleaved repeats of each timing (default 7)")
    parser.add_argument("--cold-repeats", type=int, default=None, help="fresh processes per cold timing (default: --repeats)")
    parser.add_argument("--json", type=Path, help="write the results to this JSON file")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeats < 1:
        parser.error("--n and --repeats are at least 1")
    document = run(args.n, args.repeats, args.repeats if args.cold_repeats is None else args.cold_repeats)
    print(table(document))
    if args.json is not None:
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
