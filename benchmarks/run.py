"""Benchmarks at scale: centralasia beside a hand-written pandas pipeline, import time and load(), from 10^3 to 10^6 records.

Run ``python benchmarks/run.py --json out.json`` (a few minutes; ``--max-n``
stops earlier and ``--quick`` runs everything once). Each N runs in a fresh
worker process, so one size's memory never lingers into the next; it prints
a Markdown table of every measurement, then the targets of the issue with
met or not met, and writes everything to ``--json``.

Times are :func:`time.perf_counter` medians over repeats, with the garbage
collector on as in real use. Peak memory is the growth of the process's
peak resident set during the step, above what it held before (the input
included), in a run of its own: on Linux the peak is reset through
``/proc/self/clear_refs`` before each step, and freed memory is handed back
(``gc.collect()``, ``malloc_trim``) between steps, so that one step does not
reuse what another freed. It counts everything the step allocates, the
Arrow buffers pandas keeps its strings in too. Elsewhere :mod:`tracemalloc`
is used instead (slower: it slows these steps down several times), with the
Arrow pool's peak added.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import itertools
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

__all__ = [
    "SIZES",
    "centralasia_pipeline",
    "check_same_results",
    "import_times",
    "load_times",
    "main",
    "pandas_pipeline",
    "streamed_pipeline",
    "streamed_summary",
]

#: The numbers of records measured.
SIZES = (10**3, 10**4, 10**5, 10**6)
#: "Within a few hundred bytes" per record, read as at most this.
BYTES_PER_RECORD_TARGET = 500
#: Modules ``import centralasia`` must not import.
HEAVY = ("pandas", "scipy", "matplotlib")

_T = TypeVar("_T")


# --------------------------------------------------------------------------
# The pipelines
# --------------------------------------------------------------------------


def centralasia_pipeline(ds: Any, parts: dict[str, float] | None = None) -> tuple[Any, Any]:
    """The library: the influence network of *ds*, collapsed to one weighted edge per pair, and the role summary.

    Returns the collapsed :class:`networkx.DiGraph` and the
    :class:`~centralasia.RoleSummary`; the multigraph goes when it returns.
    *parts* receives the time of each step.
    """
    import centralasia as ca

    t0 = time.perf_counter()
    G = ca.influence_network(ds)
    t1 = time.perf_counter()
    H = ca.collapse(G)
    t2 = time.perf_counter()
    summary = ca.role_summary(ds)
    t3 = time.perf_counter()
    if parts is not None:
        parts.update(influence_network=t1 - t0, collapse=t2 - t1, role_summary=t3 - t2, relations=G.number_of_edges())
    return H, summary


# What a user writes by hand: the documented default weights, copied as plain dicts.
_LAYER = {
    "arms-transfer": 3.0,
    "agreement": 2.0,
    "mechanism": 1.5,
    "understanding": 1.0,
    "membership": 0.5,
    "co-membership": 0.5,
    "attack": 0.0,
    "visit": 1.0,
    "meeting": 0.5,
    "summit": 0.5,
    "exercise": 1.5,
    "transition": 0.0,
    "talks": 0.5,
    "announcement": 1.0,
    "militant-activity": 0.0,
    "statement": 0.5,
    "role": 2.0,
}
_CERTAINTY = {"stated": 1.0, "assessed": 0.75, "reported": 0.5, "projected": 0.25}
_STATUS = {"member": 1.0, "founding-member": 1.0, "participant": 1.0, "observer": 0.5, "dialogue-partner": 0.5}
_AGREEMENT_LAYER = {"bilateral-agreement": "agreement", "multilateral-mechanism": "mechanism", "tacit-understanding": "understanding"}
_EVENT_DOMAIN = {
    "attack": "security",
    "visit": "security",
    "meeting": "security",
    "summit": "diplomatic",
    "exercise": "security",
    "transition": "security",
    "talks": "diplomatic",
    "announcement": "security",
    "militant-activity": "security",
}
_ORG_DOMAIN = {"intergovernmental-organization": "diplomatic", "forum": "diplomatic", "security-mechanism": "security", "contact-group": "diplomatic"}


def pandas_pipeline(ds: Any, powers: Iterable[str], states: Iterable[str]) -> tuple[Any, Any]:
    """What a user would write by hand: edge rows from the records, pandas groupby, ``nx.from_pandas_edgelist``, shares.

    It applies the same rules and default weights as the library to the
    record kinds the synthetic data has (groupings expanded, an event's
    domain from the statements made at it, memberships and co-memberships),
    so that :func:`check_same_results` can compare the numbers. Returns the
    weighted :class:`networkx.DiGraph` and the shares as a Series indexed by
    (domain, state, power).
    """
    import networkx as nx  # type: ignore[import-untyped, unused-ignore]
    import pandas as pd

    groupings = {o.id: [m.member for m in o.members] for o in ds.organizations if o.kind.value == "state-grouping"}

    def expand(ids: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(a for i in ids for a in groupings.get(i, (i,))))

    person_state = {p.id: p.state for p in ds.people}
    state_ids = {s.id for s in ds.states}
    said_at: dict[str, set[str]] = {}
    for st in ds.statements:
        if st.occasion is not None:
            said_at.setdefault(st.occasion, set()).add(st.domain.value)
    established: dict[str, str] = {}
    for ag in ds.agreements:
        if ag.establishes is not None:
            established.setdefault(ag.establishes, ag.domain.value)

    cols: dict[str, list[Any]] = {"source": [], "target": [], "domain": [], "layer": [], "weight": []}
    source, target, domain_, layer_, weight_ = cols.values()

    def add(us: Iterable[str], vs: Iterable[str], domain: str, layer: str, weight: float) -> None:
        for u in us:
            for v in vs:
                if u != v:
                    source.append(u)
                    target.append(v)
                    domain_.append(domain)
                    layer_.append(layer)
                    weight_.append(weight)

    for o in ds.organizations:
        domain = established.get(o.id) or _ORG_DOMAIN.get(o.kind.value)
        if domain is None:
            continue
        standing = {m.member: (_STATUS[m.status.value], m.certainty.value) for m in o.members}
        for a, (status, certainty) in standing.items():
            add([a], [o.id], domain, "membership", 0.5 * status * _CERTAINTY[certainty])
            for b, (status_b, certainty_b) in standing.items():
                weakest = min(_CERTAINTY[certainty], _CERTAINTY[certainty_b])
                add([a], [b], domain, "co-membership", 0.5 * min(status, status_b) * weakest)
    for ag in ds.agreements:
        parties = expand(ag.parties)
        layer = _AGREEMENT_LAYER[ag.kind.value]
        add(parties, parties, ag.domain.value, layer, _LAYER[layer] * _CERTAINTY[ag.certainty.value])
    for at in ds.arms_transfers:
        add([at.supplier], [at.recipient], "security", "arms-transfer", 3.0 * _CERTAINTY[at.certainty.value])
    for ev in ds.events:
        domains = said_at.get(ev.id, ())
        domain = next(iter(domains)) if len(domains) == 1 else _EVENT_DOMAIN[ev.kind.value]
        actors = expand(ev.actors)
        venue = ev.kind.value in ("summit", "meeting")  # a gathering's host is its venue, not a sink
        sinks = expand([*ev.targets, *([] if ev.host is None or venue else [ev.host])])
        pairs = dict.fromkeys([*((u, v) for u in actors for v in sinks), *((u, v) for u in actors for v in actors)])
        w = _LAYER[ev.kind.value] * _CERTAINTY[ev.certainty.value]
        for u, v in pairs:
            add([u], [v], domain, ev.kind.value, w)
    for st in ds.statements:
        speakers = expand(st.on_behalf_of) if st.on_behalf_of else expand(s for p in st.speakers if (s := person_state.get(p)))
        w = 0.5 * _CERTAINTY[st.certainty.value] * (1.5 if st.repeated else 1.0)
        add(speakers, [t for t in expand(st.about) if t in state_ids], st.domain.value, "statement", w)
    for ro in ds.roles:
        factor = 0.0 if ro.role.value in ("security-threat", "balancer") else 1.0
        add([ro.actor], expand(ro.over), ro.domain.value, "role", 2.0 * _CERTAINTY[ro.certainty.value] * factor)

    edges = pd.DataFrame(cols)
    pairs_ = edges.groupby(["source", "target"], as_index=False, sort=False)["weight"].sum()
    pairs_ = pairs_[pairs_["weight"] > 0]
    H = nx.from_pandas_edgelist(pairs_, "source", "target", edge_attr="weight", create_using=nx.DiGraph)
    mine = edges[edges["source"].isin(list(powers)) & edges["target"].isin(list(states))]
    influence = mine.groupby(["domain", "target", "source"])["weight"].sum()
    shares = influence / influence.groupby(level=["domain", "target"]).transform("sum")
    return H, shares


def streamed_pipeline(ds: Any, parts: dict[str, float] | None = None) -> tuple[Any, Any]:
    """The library's scalable route: :func:`~centralasia.weighted_network` (summed from the relation stream, no multigraph) and the role summary.

    Returns what :func:`centralasia_pipeline` returns, and the same graph;
    *parts* receives the time of each step.
    """
    import centralasia as ca

    t0 = time.perf_counter()
    H = ca.weighted_network(ds)
    t1 = time.perf_counter()
    summary = ca.role_summary(ds)
    t2 = time.perf_counter()
    if parts is not None:
        parts.update(weighted_network=t1 - t0, role_summary=t2 - t1)
    return H, summary


def streamed_summary(ix: Any, n: int, seed: int = 0) -> Any:
    """The role summary of the index *ix* and the rest of *n* synthetic records, generated one at a time and never kept."""
    import synthetic

    import centralasia as ca

    return ca.role_summary(ix, records=synthetic.stream(n - len(ix), seed, ix=ix))


def check_same_results(library: tuple[Any, Any], by_hand: tuple[Any, Any]) -> float:
    """The largest relative difference between the library's and the pandas pipeline's edge weights and shares.

    Raises :class:`AssertionError` when the two disagree on which pairs have an edge.
    """
    H, summary = library
    H2, shares = by_hand
    mine = {(u, v): d["weight"] for u, v, d in H.edges(data=True)}
    theirs = {(u, v): d["weight"] for u, v, d in H2.edges(data=True)}
    assert mine.keys() == theirs.keys(), f"{len(mine.keys() ^ theirs.keys())} pairs differ"
    worst = max((abs(mine[k] - theirs[k]) / max(abs(mine[k]), 1e-12) for k in mine), default=0.0)
    for (domain, state, power), share in shares.items():
        if not math.isnan(share):  # NaN where no power has influence
            worst = max(worst, abs(summary.share(power, domain, over=state) - share))
    return float(worst)


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
    """Whether this system lets a process read and reset its peak resident set."""
    try:
        _reset_peak()
        _status_kib("VmHWM")
    except OSError:
        return False
    return True


def _release() -> None:
    """Collect garbage and hand freed heap memory back to the system, so the next step starts clean."""
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc is not None and hasattr(ctypes.CDLL(libc), "malloc_trim"):
        ctypes.CDLL(libc).malloc_trim(0)


def _measure(fn: Callable[[], _T], repeats: int, rss: bool) -> tuple[float, int | None, _T]:
    """The median time of *repeats* calls of *fn*, the largest rise of the peak RSS above the RSS before (with *rss*), and the last result.

    Reading the peak costs nothing while *fn* runs, so both come from the
    same runs; the collection and trimming before each run are not timed.
    """
    times: list[float] = []
    peaks: list[int] = []
    result: _T | None = None
    for _ in range(repeats):
        result = None
        _release()
        before = _status_kib("VmRSS") if rss else 0
        if rss:
            _reset_peak()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if rss:
            peaks.append(max(0, _status_kib("VmHWM") - before) * 1024)
    assert result is not None
    return statistics.median(times), max(peaks) if peaks else None, result


def _arrow_peak() -> int:
    """The peak of the Arrow memory pool so far (0 without pyarrow loaded)."""
    pa = sys.modules.get("pyarrow")
    return int(pa.default_memory_pool().max_memory()) if pa is not None else 0


def _traced_peak(fn: Callable[[], object]) -> int:
    """Peak bytes allocated while *fn* runs, above what was allocated before (plus the Arrow pool's growth).

    The fallback where the peak RSS cannot be reset: a run of its own, since
    tracing slows these steps down several times.
    """
    _release()
    arrow_before = _arrow_peak()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    result = fn()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    del result
    return peak + max(0, _arrow_peak() - arrow_before)


def worker(n: int, repeats: int, seed: int) -> dict[str, Any]:
    """Every measurement at one size *n*, in this (fresh) process; each phase's wall time goes to stderr."""
    import synthetic

    import centralasia as ca

    started = last = time.perf_counter()

    def log(phase: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"  N={n:,}: {phase} ({now - last:.1f} s, {now - started:.0f} s in all)", file=sys.stderr, flush=True)
        last = now

    rss = _can_reset_peak()
    out: dict[str, Any] = {"n": n, "repeats": repeats, "memory": "peak RSS" if rss else "tracemalloc"}
    ix = synthetic.index(seed)
    powers, states = synthetic.POWERS, ca.actors.central_asian_states(ix)
    # Warm up on the index alone: imports and first-call caches are not what is measured.
    pandas_pipeline(ix, powers, states), centralasia_pipeline(ix), streamed_pipeline(ix), streamed_summary(ix, len(ix) + 10, seed)
    log("warmed up")

    if rss:
        _release()
        before = _status_kib("VmRSS")
        out["dataset_s"], _, ds = _measure(lambda: synthetic.dataset(n, seed), 1, False)
        _release()
        out["dataset_bytes"] = (_status_kib("VmRSS") - before) * 1024
    else:
        tracemalloc.start()
        ds = synthetic.dataset(n, seed)
        out["dataset_bytes"] = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
    log("dataset built")

    # Smallest first, so that a step cannot reuse memory a bigger one freed (and the Arrow pool's peak starts from nothing).
    out["stream_s"], out["stream_peak_bytes"], streamed = _measure(lambda: streamed_summary(ix, n, seed), repeats, rss)
    log("streamed role_summary")
    out["summary_s"], out["summary_peak_bytes"], _ = _measure(lambda: ca.role_summary(ds), repeats, rss)
    log("role_summary")
    out["pandas_s"], out["pandas_peak_bytes"], by_hand = _measure(lambda: pandas_pipeline(ds, powers, states), repeats, rss)
    log("pandas")
    parts: list[dict[str, float]] = []

    def library() -> tuple[Any, Any]:
        parts.append({})
        return centralasia_pipeline(ds, parts[-1])

    out["centralasia_s"], out["centralasia_peak_bytes"], result = _measure(library, repeats, rss)
    log("centralasia")
    streamed_parts: list[dict[str, float]] = []

    def scalable() -> tuple[Any, Any]:
        streamed_parts.append({})
        return streamed_pipeline(ds, streamed_parts[-1])

    out["streamed_s"], out["streamed_peak_bytes"], fast = _measure(scalable, repeats, rss)
    out["weighted_network_s"] = statistics.median(p["weighted_network"] for p in streamed_parts)
    log("centralasia streamed")
    for step in ("influence_network", "collapse", "role_summary", "relations"):
        out[f"{step}_s" if step != "relations" else step] = statistics.median(p[step] for p in parts)
    out["relations"] = int(out["relations"])
    out["generate_s"], _, _ = _measure(lambda: sum(1 for _ in synthetic.stream(n - len(ix), seed, ix=ix)), repeats, False)
    log("generation")
    if not rss:
        out["stream_peak_bytes"] = _traced_peak(lambda: streamed_summary(ix, n, seed))
        out["summary_peak_bytes"] = _traced_peak(lambda: ca.role_summary(ds))
        out["pandas_peak_bytes"] = _traced_peak(lambda: pandas_pipeline(ds, powers, states))
        out["centralasia_peak_bytes"] = _traced_peak(lambda: centralasia_pipeline(ds))
        out["streamed_peak_bytes"] = _traced_peak(lambda: streamed_pipeline(ds))
        log("memory, traced")

    out["max_difference"] = check_same_results(result, by_hand)
    out["streamed_max_difference"] = check_same_results(fast, by_hand)
    # weighted_network is collapse(influence_network) exactly: the same edges, attributes and order.
    out["streamed_same_as_collapse"] = list(fast[0].edges(data=True)) == list(result[0].edges(data=True))
    table = result[1].influence_table
    out["stream_same_as_dataset"] = streamed.influence_table.keys() == table.keys() and all(
        abs(streamed.influence_table[k] - v) <= 1e-9 * max(1.0, abs(v)) for k, v in table.items()
    )
    return out


def _child(code: str) -> str:
    """Run *code* in a fresh interpreter with this environment; its stdout."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env, cwd=HERE).stdout


_IMPORT = """
import sys, time
start = time.perf_counter()
import {modules}
took = time.perf_counter() - start
print(took, ",".join(m for m in {heavy!r} if m in sys.modules))
"""


def import_times(runs: int) -> dict[str, Any]:
    """Median import time of centralasia and of its bare dependencies, each in fresh interpreters, alternating."""
    ours: list[float] = []
    bare: list[float] = []
    loaded: set[str] = set()
    for _ in range(runs):
        took, heavy = (_child(_IMPORT.format(modules="centralasia", heavy=HEAVY)).split() + [""])[:2]
        ours.append(float(took))
        loaded.update(h for h in heavy.split(",") if h)
        bare.append(float(_child(_IMPORT.format(modules="attrs, cattrs, networkx", heavy=HEAVY)).split()[0]))
    return {"centralasia_s": statistics.median(ours), "bare_s": statistics.median(bare), "heavy_loaded": sorted(loaded), "runs": runs}


_LOAD = """
import time
import centralasia as ca
start = time.perf_counter()
ds = ca.load()
print(time.perf_counter() - start, len(ds))
"""


def load_times(runs: int) -> dict[str, Any]:
    """Median time of the first ``load()`` of the bundled data, each in a fresh interpreter (import not counted)."""
    times, sizes = [], set()
    for _ in range(runs):
        took, size = _child(_LOAD).split()
        times.append(float(took))
        sizes.add(int(size))
    return {"load_s": statistics.median(times), "records": sizes.pop(), "runs": runs}


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------


def _mib(n: float) -> str:
    return f"{n / 2**20:,.1f}"


def _rows(results: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(measurement, N, time, peak memory, bytes per record) for the table."""
    rows: list[tuple[str, str, str, str, str]] = []

    def row(name: str, n: int, seconds: float | None, peak: float | None) -> None:
        rows.append(
            (
                name,
                f"{n:,}",
                "" if seconds is None else f"{seconds:.3f}",
                "" if peak is None else _mib(peak),
                "" if peak is None else f"{peak / n:,.0f}",
            )
        )

    for r in results["sizes"]:
        n = r["n"]

        row("input: build the synthetic Dataset (held by all below)", n, r.get("dataset_s"), r["dataset_bytes"])
        row("centralasia: influence_network + collapse + role_summary", n, r["centralasia_s"], r["centralasia_peak_bytes"])
        row("  of which influence_network", n, r["influence_network_s"], None)
        row("  of which collapse", n, r["collapse_s"], None)
        row("  of which role_summary", n, r["role_summary_s"], None)
        if "streamed_s" in r:
            row("centralasia streamed: weighted_network + role_summary", n, r["streamed_s"], r["streamed_peak_bytes"])
            row("  of which weighted_network", n, r["weighted_network_s"], None)
        row("role_summary alone, over the Dataset", n, r["summary_s"], r["summary_peak_bytes"])
        row("pandas by hand: rows, groupby, from_pandas_edgelist, shares", n, r["pandas_s"], r["pandas_peak_bytes"])
        row("role_summary(records=generator), generation included", n, r["stream_s"], r["stream_peak_bytes"])
        row("  of which generating the records", n, r["generate_s"], None)
    imp = results["import"]
    rows.append(("import centralasia", "", f"{imp['centralasia_s']:.3f}", "", ""))
    rows.append(("import attrs, cattrs, networkx", "", f"{imp['bare_s']:.3f}", "", ""))
    load = results["load"]
    rows.append((f"load() of the bundled data, first call ({load['records']} records)", "", f"{load['load_s']:.3f}", "", ""))
    return rows


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(target, what was measured, met) for each target of the issue."""
    sizes = results["sizes"]
    largest = sizes[-1]
    out: list[tuple[str, str, bool]] = []
    ratio = largest["centralasia_s"] / largest["pandas_s"]
    out.append(
        (
            f"at N={largest['n']:,} no slower than the pandas pipeline",
            f"{largest['centralasia_s']:.2f} s vs {largest['pandas_s']:.2f} s ({ratio:.1f}x)",
            ratio <= 1.0,
        )
    )
    if "streamed_s" in largest:
        ratio = largest["streamed_s"] / largest["pandas_s"]
        out.append(
            (
                f"at N={largest['n']:,} no slower than the pandas pipeline (centralasia streamed)",
                f"{largest['streamed_s']:.2f} s vs {largest['pandas_s']:.2f} s ({ratio:.1f}x)",
                ratio <= 1.0,
            )
        )
    for key, name in (("centralasia_s", "centralasia"), ("streamed_s", "centralasia streamed"), ("stream_s", "streamed role_summary")):
        steps = [(a["n"], b["n"], b[key] / a[key]) for a, b in itertools.pairwise(sizes) if b["n"] == 10 * a["n"] and key in a and key in b]
        if steps:
            text = ", ".join(f"{a:,}->{b:,}: {g:.1f}x" for a, b, g in steps)
            out.append((f"linear growth, 10x data <= 11x time ({name})", text, all(g <= 11 for _, _, g in steps)))
    imp = results["import"]
    over = imp["centralasia_s"] / imp["bare_s"] - 1
    out.append(
        (
            "import <= 15% over attrs+cattrs+networkx",
            f"{imp['centralasia_s'] * 1000:.0f} ms vs {imp['bare_s'] * 1000:.0f} ms (+{over:.0%})",
            over <= 0.15,
        )
    )
    out.append(
        (
            "import loads no pandas, scipy, matplotlib",
            ", ".join(imp["heavy_loaded"]) or "none loaded",
            not imp["heavy_loaded"],
        )
    )
    for key, name in (
        ("dataset_bytes", "the records in a Dataset"),
        ("centralasia_peak_bytes", "centralasia pipeline peak"),
        ("streamed_peak_bytes", "centralasia streamed pipeline peak"),
        ("summary_peak_bytes", "role_summary peak (Dataset)"),
        ("stream_peak_bytes", "role_summary peak (stream)"),
        ("pandas_peak_bytes", "pandas pipeline peak (for reference)"),
    ):
        if key not in largest:
            continue
        per = largest[key] / largest["n"]
        out.append((f"memory per record <= {BYTES_PER_RECORD_TARGET} B: {name}", f"{per:,.0f} B at N={largest['n']:,}", per <= BYTES_PER_RECORD_TARGET))
    if len(sizes) > 1:
        # Flat: at most twice the smallest size's peak (or 1 MiB, below which RSS pages and arenas blur it).
        first = sizes[0]
        floor = max(first["stream_peak_bytes"], 2**20)
        out.append(
            (
                "streamed aggregation grows with actor pairs, not records",
                ", ".join(f"{_mib(r['stream_peak_bytes'])} MiB at N={r['n']:,}" for r in sizes),
                largest["stream_peak_bytes"] <= 2 * floor,
            )
        )
    worst = max(max(r["max_difference"], r.get("streamed_max_difference", 0.0)) for r in sizes)
    same = worst < 1e-9 and all(r["stream_same_as_dataset"] for r in sizes) and all(r.get("streamed_same_as_collapse", True) for r in sizes)
    out.append(("same numbers: library, pandas by hand, stream", f"largest difference {worst:.1e}", same))
    return out


def markdown(results: dict[str, Any]) -> str:
    """The measurements and the targets as Markdown tables."""
    lines = ["| measurement | N | time (s) | peak (MiB) | bytes/record |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {' | '.join(row)} |" for row in _rows(results)]
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {measured} | {'met' if met else 'NOT MET'} |" for name, measured, met in targets(results)]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    from importlib.metadata import version

    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") if hasattr(os, "sysconf") else 0
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory / 2**30, 1),
        "versions": {name: version(name) for name in ("attrs", "cattrs", "networkx", "pandas", "pyarrow", "dask")},
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the tables; see ``--help``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
    results: dict[str, Any] = {"machine": machine(), "sizes": []}
    for n in (n for n in SIZES if n <= args.max_n):
        repeats = 1 if args.quick or n >= 10**6 else 3
        print(f"N={n:,}...", file=sys.stderr, flush=True)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(n), "--repeats", str(repeats), "--seed", str(args.seed)]
        done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)  # its progress goes to our stderr
        results["sizes"].append(json.loads(done.stdout))
    if not results["sizes"]:
        parser.error(f"--max-n must be at least {SIZES[0]}")
    runs = 3 if args.quick else 11
    print("import and load()...", file=sys.stderr, flush=True)
    results["import"] = import_times(runs)
    results["load"] = load_times(runs)
    results["targets"] = [{"target": t, "measured": m, "met": ok} for t, m, ok in targets(results)]
    print(markdown(results))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
