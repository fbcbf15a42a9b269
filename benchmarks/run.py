"""Benchmarks at scale: the library's routes beside competent hand-written competitors, cold start and I/O, 10^3 to 10^6 records.

Run ``python benchmarks/run.py --json out.json`` (``--max-n`` stops earlier,
``--quick`` runs everything once). Each N runs in a fresh worker process;
within it the contenders are timed round-robin (the starting contender
rotating each round), so that a noisy neighbour hits them all alike. Each
timing records CPU time (:func:`time.process_time`, all threads) and wall
time; the JSON keeps the median, minimum and maximum of each. Every
contender's result is checked equal to the library's (pair weights, shares
and, where both have them, the sums and counts per source, target, domain
and layer) before anything is reported.

A Dataset's size is what stays allocated after building it
(:mod:`tracemalloc`, in a build of its own); its rise of the resident set is
recorded too. Peak memory is the rise of the process's peak resident set above its
resident set before the run (Linux: the peak is reset through
``/proc/self/clear_refs``; freed memory is handed back with ``gc.collect()``
and ``malloc_trim`` between runs); ``null`` where the peak cannot be reset.

``docs/generate_performance.py`` makes ``docs/performance.md`` from the JSON;
this script prints the same page.
"""

from __future__ import annotations

import argparse
import compileall
import ctypes
import ctypes.util
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
for _path in (HERE, HERE.parent / "docs"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

__all__ = ["CONTENDERS", "SIZES", "cold_start", "goals", "io_results", "machine", "main", "worker"]

#: The numbers of records measured.
SIZES = (10**3, 10**4, 10**5, 10**6)
#: The goals of issue 13 (limits as ratios; memory in bytes per record).
LIMITS = {"loads": 2.5, "dumps": 0.6, "streamed": 1.0, "multigraph": 2.0, "columnar": 1.0, "dataset_bytes": 400, "cold": 1.25}
#: Modules ``import centralasia`` must not import.
HEAVY = ("pandas", "polars", "narwhals", "scipy", "matplotlib")

#: key -> (job, label). Job "objects" starts from a Dataset; job "columnar" from record tables.
CONTENDERS: dict[str, tuple[str, str]] = {
    "streamed": ("objects", "centralasia, streamed route (pair sums → network + role summary)"),
    "multigraph": ("objects", "centralasia, multigraph route (influence_network + collapse + role_summary)"),
    "pandas_vectorised": ("objects", "pandas vectorised (one pass to columns, then merge/groupby)"),
    "polars_lazy": ("objects", "polars lazy (one pass to columns, then a lazy query)"),
    "dict_loop": ("objects", "plain-dict one-pass loop"),
    "row_loop": ("objects", "row-loop baseline (a Python row per relation, then pandas groupby)"),
    "columnar_polars": ("columnar", "centralasia columnar route on polars"),
    "columnar_pandas": ("columnar", "centralasia columnar route on pandas"),
    "polars_tables": ("columnar", "polars lazy, hand-written, from the tables"),
    "pandas_tables": ("columnar", "pandas vectorised, hand-written, from the tables"),
}


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------


def _status_kib(field: str) -> int:
    """A field of ``/proc/self/status`` (``VmRSS``, ``VmHWM``) in KiB."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    """Reset this process's peak resident set to its current one (Linux 4.0 and later)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
        handle.write("5")


def _can_reset_peak() -> bool:
    try:
        _reset_peak()
        _status_kib("VmHWM")
    except OSError:
        return False
    return True


def _release() -> None:
    """Collect garbage and hand freed heap memory back to the system, so the next run starts clean."""
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc is not None and hasattr(ctypes.CDLL(libc), "malloc_trim"):
        ctypes.CDLL(libc).malloc_trim(0)


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def _round_robin(runs: dict[str, Callable[[], Any]], repeats: int, rss: bool, first: Callable[[str, Any], None]) -> dict[str, dict[str, Any]]:
    """Time each of *runs* *repeats* times, round-robin; *first* gets each one's first result (then it is dropped)."""
    keys = list(runs)
    cpu: dict[str, list[float]] = {k: [] for k in keys}
    wall: dict[str, list[float]] = {k: [] for k in keys}
    peak: dict[str, list[int]] = {k: [] for k in keys}
    for rep in range(repeats):
        for key in keys[rep % len(keys) :] + keys[: rep % len(keys)]:
            _release()
            before = _status_kib("VmRSS") if rss else 0
            if rss:
                _reset_peak()
            c0, w0 = time.process_time(), time.perf_counter()
            result = runs[key]()
            w1, c1 = time.perf_counter(), time.process_time()
            cpu[key].append(c1 - c0)
            wall[key].append(w1 - w0)
            if rss:
                peak[key].append(max(0, _status_kib("VmHWM") - before) * 1024)
            if rep == 0:
                first(key, result)
            del result
    return {k: {"cpu_s": _spread(cpu[k]), "wall_s": _spread(wall[k]), "peak_bytes": max(peak[k]) if peak[k] else None} for k in keys}


def worker(n: int, repeats: int, seed: int) -> dict[str, Any]:
    """Every measurement at one size *n*, in this (fresh) process; progress goes to stderr."""
    import competitors as comp
    import routes
    import synthetic

    import centralasia as ca

    started = time.perf_counter()

    def log(phase: str) -> None:
        print(f"  N={n:,}: {phase} ({time.perf_counter() - started:.0f} s in all)", file=sys.stderr, flush=True)

    rss = _can_reset_peak()
    out: dict[str, Any] = {"n": n, "repeats": repeats, "memory": "peak RSS" if rss else None}
    ix = synthetic.index(seed)
    powers, states = synthetic.POWERS, ca.actors.central_asian_states(ix)
    for warm in (comp.dict_loop, comp.row_loop_pandas, comp.pandas_vectorised, comp.polars_lazy):
        warm(ix, powers, states)
    routes.streamed_route(ix), routes.multigraph_route(ix)
    log("warmed up")

    _release()
    before = _status_kib("VmRSS") if rss else 0
    c0 = time.process_time()
    ds = synthetic.dataset(n, seed)
    out["dataset_cpu_s"] = time.process_time() - c0
    _release()
    out["dataset_rss_bytes"] = (_status_kib("VmRSS") - before) * 1024 if rss else None
    # What the Dataset holds, exactly: the blocks still allocated after building it (a build of its own, traced).
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    again = synthetic.dataset(n, seed)
    out["dataset_bytes"] = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del again
    log("dataset built")

    checks: dict[str, float] = {}
    reference: dict[str, comp.Result] = {}

    def check(key: str, raw: Any) -> None:
        result = routes.library_result(raw, powers) if isinstance(raw, tuple) else raw
        if key == "streamed":
            reference["library"] = result
        else:
            checks[key] = comp.compare(reference["library"], result)

    # The reference first, outside the timings.
    check("streamed", routes.streamed_route(ds))
    objects: dict[str, Callable[[], Any]] = {
        "streamed": lambda: routes.streamed_route(ds),
        "multigraph": lambda: routes.multigraph_route(ds),
        "pandas_vectorised": lambda: comp.pandas_vectorised(ds, powers, states),
        "polars_lazy": lambda: comp.polars_lazy(ds, powers, states),
        "dict_loop": lambda: comp.dict_loop(ds, powers, states),
        "row_loop": lambda: comp.row_loop_pandas(ds, powers, states),
    }
    out["contenders"] = _round_robin(objects, repeats, rss, check)
    log("object route and its competitors")

    import pandas as pd
    import polars as pl

    records, participants = comp.record_tables(ds)
    frames = {"polars": (pl.DataFrame(records), pl.DataFrame(participants)), "pandas": (pd.DataFrame(records), pd.DataFrame(participants))}
    del records, participants
    columnar: dict[str, Callable[[], Any]] = {
        "polars_tables": lambda: comp.polars_from_tables(*frames["polars"], comp.lookups(ix), powers, states),
        "pandas_tables": lambda: comp.pandas_from_tables(*frames["pandas"], comp.lookups(ix), powers, states),
    }
    out["columnar_available"] = routes.columnar_available()
    if out["columnar_available"]:
        inputs = {engine: routes.columnar_inputs(ds, ix, engine) for engine in ("polars", "pandas")}
        columnar["columnar_polars"] = lambda: routes.columnar_route(inputs["polars"], ix)
        columnar["columnar_pandas"] = lambda: routes.columnar_route(inputs["pandas"], ix)
    out["contenders"].update(_round_robin(columnar, repeats, rss, check))
    log("columnar route and its competitors")
    for key, worst in checks.items():
        out["contenders"][key]["max_difference"] = worst
    out["contenders"]["streamed"]["max_difference"] = 0.0
    return out


def _child(code: str) -> str:
    """Run *code* in a fresh interpreter with this environment; its stdout."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env, cwd=HERE).stdout


_COLD = """
import sys, time
w, c = time.perf_counter(), time.process_time()
{body}
print(time.perf_counter() - w, time.process_time() - c, ",".join(m for m in {heavy!r} if m in sys.modules) or "-")
"""
_FIRST_CALL = "import centralasia as ca\nca.role_summary(ca.load())"
_BARE = "import attrs, cattrs, networkx"
_IMPORT = "import centralasia"


def cold_start(runs: int) -> dict[str, Any]:
    """``role_summary(load())`` in a fresh interpreter beside ``import attrs, cattrs, networkx``, and ``import centralasia``: interleaved, *runs* each."""
    codes = {"first_call": _FIRST_CALL, "bare": _BARE, "import": _IMPORT}
    # As an install does (pip compiles what it installs; attrs, cattrs and networkx come compiled): both
    # sides read cached bytecode, else an editable checkout under PYTHONDONTWRITEBYTECODE compiles every module each start.
    import centralasia

    compileall.compile_dir(str(Path(centralasia.__file__).parent), quiet=1)
    wall: dict[str, list[float]] = {k: [] for k in codes}
    cpu: dict[str, list[float]] = {k: [] for k in codes}
    loaded: set[str] = set()
    for _ in range(runs):
        for key, body in codes.items():
            took, cpu_took, heavy = _child(_COLD.format(body=body, heavy=HEAVY)).split()
            wall[key].append(float(took))
            cpu[key].append(float(cpu_took))
            if key == "import":
                loaded.update(h for h in heavy.split(",") if h != "-")
    out: dict[str, Any] = {k: {"cpu_s": _spread(cpu[k]), "wall_s": _spread(wall[k])} for k in codes}
    out.update(runs=runs, heavy_loaded_by_import=sorted(loaded))
    return out


def io_results(quick: bool) -> dict[str, Any]:
    """``benchmarks/io.py``'s measurements (``loads``, ``dumps`` and ``load()`` cold beside json and orjson), run as a subprocess.

    Its document, with ``"measurements"``: one flat row per timing for the
    page, and each goal's ``"measured"`` text for the goals table.
    """
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "io.json"
        size = ["--n", "2000", "--repeats", "1", "--cold-repeats", "3"] if quick else []
        subprocess.run([sys.executable, str(HERE / "io.py"), *size, "--json", str(out)], check=True, stdout=subprocess.DEVNULL, cwd=HERE)
        document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    document["measurements"] = [
        {
            "group": r["group"],
            "what": r["name"],
            "unit": r["unit"],
            "CPU median (min-max)": f"{r['cpu_median']:.2f} ({r['cpu_min']:.2f}-{r['cpu_max']:.2f})",
            "wall median (min-max)": f"{r['wall_median']:.2f} ({r['wall_min']:.2f}-{r['wall_max']:.2f})",
        }
        for r in document["results"]
    ]
    for goal in document["goals"]:
        goal["measured"] = f"{goal['ours']:.2f} vs {goal['competitor']:.2f} at N={document['n']:,}"
    return document


# --------------------------------------------------------------------------
# The goals
# --------------------------------------------------------------------------


def _cpu(size: dict[str, Any], key: str) -> float | None:
    c = size["contenders"].get(key)
    return None if c is None else float(c["cpu_s"]["median"])


def _goal(goal: str, measured: str, ratio: float | None, limit: float, met: bool | None) -> dict[str, Any]:
    return {"goal": goal, "measured": measured, "ratio": ratio, "limit": limit, "met": met}


def _ratio_goal(goal: str, sizes: dict[int, dict[str, Any]], n: int, ours: str, theirs: str, limit: float, strict: bool = False) -> dict[str, Any]:
    size = sizes.get(n)
    if size is None:
        return _goal(goal, f"N={n:,} not run", None, limit, None)
    a, b = _cpu(size, ours), _cpu(size, theirs)
    if a is None or b is None:
        return _goal(goal, f"{CONTENDERS[ours if a is None else theirs][1]} not available in this version", None, limit, None)
    ratio = a / b
    return _goal(goal, f"{a:.3f} s vs {b:.3f} s CPU at N={n:,}", ratio, limit, ratio < limit if strict else ratio <= limit)


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each goal of issue 13 with what was measured, the ratio (CPU-time medians) and whether it is met (``None``: not measured)."""
    sizes = {s["n"]: s for s in results["sizes"]}
    largest = max(sizes)
    out: list[dict[str, Any]] = []
    io = results.get("io")
    io_goals = (io or {}).get("goals", [])
    for key, limit, text in (
        ("loads", "loads", "ca.loads ≤ 2.5× json.loads"),
        ("loads_gc_paused", "loads", "ca.loads ≤ 2.5× json.loads with the GC paused for both (ca.loads pauses it)"),
        ("dumps", "dumps", "ca.dumps ≤ 0.6× json.dumps(indent=2)"),
    ):
        found = next((g for g in io_goals if g.get("key") == key), None)
        if found is None:
            out.append(_goal(text, "benchmarks/io.py gave no such goal" if io else "benchmarks/io.py not present", None, LIMITS[limit], None))
            continue
        ratio = found.get("ratio")
        met = found.get("met", None if ratio is None else ratio <= LIMITS[limit])
        out.append(_goal(text, str(found.get("measured", "")), ratio, LIMITS[limit], met))
    for n in (10**5, 10**6):
        out.append(_ratio_goal(f"streamed route ≤ 1.0× pandas vectorised at N={n:,}", sizes, n, "streamed", "pandas_vectorised", LIMITS["streamed"]))
    n = 10**6 if 10**6 in sizes else largest
    out.append(_ratio_goal(f"multigraph route ≤ 2× pandas vectorised at N={n:,}", sizes, n, "multigraph", "pandas_vectorised", LIMITS["multigraph"]))
    out.append(_ratio_goal("columnar route on polars ≤ 1.0× polars lazy at N=1,000,000", sizes, 10**6, "columnar_polars", "polars_tables", LIMITS["columnar"]))
    out.append(
        _ratio_goal("columnar route on polars ahead of pandas vectorised at N=1,000,000", sizes, 10**6, "columnar_polars", "pandas_tables", 1.0, strict=True)
    )
    per_record = sizes[largest]["dataset_bytes"] / largest
    limit = LIMITS["dataset_bytes"]
    out.append(_goal("a Dataset ≤ 400 B per record", f"{per_record:,.0f} B per record at N={largest:,} (tracemalloc)", per_record, limit, per_record <= limit))
    cold = results["cold_start"]
    a, b = cold["first_call"]["cpu_s"]["median"], cold["bare"]["cpu_s"]["median"]
    out.append(
        _goal(
            "cold start: role_summary(load()) ≤ 1.25× import attrs, cattrs, networkx",
            f"{a * 1000:.0f} ms vs {b * 1000:.0f} ms CPU",
            a / b,
            LIMITS["cold"],
            a / b <= LIMITS["cold"],
        )
    )
    worst = max((c.get("max_difference", 0.0) for s in results["sizes"] for c in s["contenders"].values()), default=0.0)
    out.append(
        _goal("every competitor gives the library's numbers (relative difference ≤ 1e-9)", f"largest difference {worst:.1e}", worst, 1e-9, worst <= 1e-9)
    )
    loaded = cold["heavy_loaded_by_import"]
    out.append(_goal("import centralasia loads no pandas, polars, narwhals, SciPy, matplotlib", ", ".join(loaded) or "none loaded", None, 0, not loaded))
    return out


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    from importlib.metadata import PackageNotFoundError, version

    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") if hasattr(os, "sysconf") else 0
    versions: dict[str, str | None] = {}
    for name in ("centralasia", "attrs", "cattrs", "networkx", "orjson", "msgspec", "pandas", "pyarrow", "polars", "narwhals", "dask", "numpy"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory / 2**30, 1),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "versions": versions,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the performance page and write the JSON; see ``--help``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--max-n", type=int, default=SIZES[-1], help="largest N to run (default 10^6)")
    parser.add_argument("--quick", action="store_true", help="one repeat of everything, three interpreter starts")
    parser.add_argument("--json", type=Path, help="write every measurement to this JSON file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(worker(args.worker, args.repeats or 1, args.seed)))
        return 0
    import generate_performance

    results: dict[str, Any] = {"machine": machine(), "command": " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]), "sizes": []}
    for n in (n for n in SIZES if n <= args.max_n):
        repeats = 1 if args.quick else 3 if n >= 10**6 else 5
        print(f"N={n:,}...", file=sys.stderr, flush=True)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(n), "--repeats", str(repeats), "--seed", str(args.seed)]
        done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)  # its progress goes to our stderr
        results["sizes"].append(json.loads(done.stdout))
    if not results["sizes"]:
        parser.error(f"--max-n must be at least {SIZES[0]}")
    print("cold start...", file=sys.stderr, flush=True)
    results["cold_start"] = cold_start(3 if args.quick else 11)
    print("I/O...", file=sys.stderr, flush=True)
    results["io"] = io_results(args.quick)
    results["contenders"] = {k: {"job": job, "label": label} for k, (job, label) in CONTENDERS.items()}
    import routes

    results["streamed_route"] = routes.STREAMED_ROUTE
    results["goals"] = goals(results)
    print(generate_performance.render(results), end="")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
