"""Write docs/performance.md from the benchmark's JSON, so that no number on the page is typed by hand.

``python benchmarks/run.py --json benchmarks/results.json`` measures;
``python docs/generate_performance.py benchmarks/results.json > docs/performance.md``
writes the page. Every number on it comes from the JSON; the prose here is the
template: the machine and the method, the tables, the goals (met or not, plainly),
then how to reproduce and the sections on streaming and going beyond one machine.
``tests/test_benchmarks.py`` checks that the committed page is what this script
makes of the committed JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["main", "render"]

_MiB = 2**20


def _s(spread: dict[str, float]) -> str:
    """A median and its min–max, in seconds."""
    return f"{spread['median']:.3f} ({spread['min']:.3f}–{spread['max']:.3f})"


def _machine(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v is not None)
    missing = ", ".join(k for k, v in m["versions"].items() if v is None)
    load = m.get("load_average")
    lines = [
        "## The machine and the method",
        "",
        f"{m['cpu'] or 'CPU not named'}, {m['cores']} cores, {m['memory_gib']} GiB; {m['platform']}; "
        f"{m.get('implementation', 'CPython')} {m['python']}. Versions: {versions}" + (f" (not installed: {missing})" if missing else "") + ".",
    ]
    if load:
        lines[-1] += f" Load average when the run started: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}."
    lines += [
        "",
        f"Command: `python {results['command']}`. The library's streamed route called {results['streamed_route']}.",
        "",
        "Each size runs in a fresh worker process on the synthetic data (`benchmarks/synthetic.py`, seed 0). "
        "Within it the contenders are timed **round-robin** (the first contender rotating each round), "
        "so that a busy neighbour slows them all alike; a size's repeats are given in its table. "
        "Each timing records **CPU time** (`time.process_time`: every thread of the process, so a "
        "multi-threaded engine's CPU time can exceed its wall time) and **wall time**. The tables give "
        "the **median and the min–max**. The goals are judged on CPU-time medians: on a shared machine "
        "they are the steadier measure, and they do not credit an engine for cores it takes from others.",
        "",
        "**Peak memory** is the rise of the process's peak resident set above the resident set before the "
        "run (reset through `/proc/self/clear_refs`; garbage collected and `malloc_trim`med between runs), "
        "the largest over the repeats; the input (the `Dataset`, or the record tables) is not counted. "
        "**Dataset** is what the synthetic `Dataset` keeps allocated (`tracemalloc`, in a build of its own), "
        "and the rise of the resident set when it is built.",
        "",
        "Before any number is reported, **every contender's result is checked equal to the library's**: "
        "the weight of each actor pair, each power's share over each Central Asian state per domain and, "
        "where both give them, the sums and counts per source, target, domain and layer "
        "(`competitors.compare`; the largest relative difference is in the tables).",
        "",
    ]
    return lines


_WHAT = """## The contenders

The job of every contender is the same: *N* records → the summed weight per actor pair (per source,
target, domain and layer) and the shares of Russia and China over each Central Asian state per
domain. The code is in `benchmarks/routes.py` (the library) and `benchmarks/competitors.py` (the rest).

- **centralasia, streamed route**: one pass over the relation stream, `ca.pair_sums(ds)`, then
  `weighted_network(ds, sums=s)` and `role_summary(ds, sums=s)`.
- **centralasia, multigraph route**: `influence_network` (an edge per relation), `collapse`, `role_summary`.
- **pandas vectorised**: one Python pass pulls the records' columns out of the `Dataset` objects
  (a `records` table and a `participants` table, `record, slot, actor`; counted in its time),
  then only merges, filters and a `groupby`: groupings expanded by a merge, sources and targets by
  slot, pairs by a self-merge per record. No Python loop over relations.
- **polars lazy**: the same tables, then one lazy polars query (`collect` once).
- **plain-dict one-pass loop**: one tight loop over the records summing into a dict, no pandas.
- **row-loop baseline**: the benchmark's earlier "pandas by hand": a Python loop appending a row
  per relation, then a pandas `groupby`. Kept for comparison; most of its time is the loop.
- **columnar route** (job "columnar"): `centralasia.columnar` on polars and on pandas from record
  tables, beside the hand-written polars lazy and vectorised pandas queries starting from tables
  (the tables are the input: not timed): `relation_table` (checking the tables against the index
  first, as it does by default), `pair_sums` and `to_pair_sums` in one lazy query, then the
  network and the summary from the sums. Shown as *not available* without the `columnar` extra.
- **`ca.loads`** pauses the cyclic garbage collector while it builds records; the reading-and-writing
  table shows `json.loads` both as called (the collector on) and with the same pause, and the goals
  judge `loads` against both.

Every competitor applies the library's default weights (read from `ca.DEFAULT_WEIGHTS`) and the
rules the synthetic data exercises: groupings, event domains from the statements made at them,
statements spoken for by their speakers' states, a summit's or meeting's host being a venue,
memberships and co-memberships, and the repeated, role and background factors. The synthetic data
has no claims or scenarios, and the default query no date cut.

The data: an index of 260 records that everything else names (100 states, 30 organisations among
them the `central-asia` grouping, 100 people, 20 occasions with a communiqué each, and the agreements
setting up the security mechanisms), then *N* − 260 records: 40% events, 25% statements, 15% arms
transfers, 10% agreements, 10% role claims. Powers and named states act more often than the rest.
"""


def _sizes(results: dict[str, Any]) -> list[str]:
    labels = results["contenders"]
    lines = ["## Results", ""]
    for size in results["sizes"]:
        n = size["n"]
        contenders = size["contenders"]
        base = {job: contenders.get(key) for job, key in (("objects", "pandas_vectorised"), ("columnar", "pandas_tables"))}
        per, rss = size["dataset_bytes"], size.get("dataset_rss_bytes")
        lines += [
            f"### N = {n:,} records ({size['repeats']} repeat{'s' if size['repeats'] != 1 else ''})",
            "",
            f"Dataset: {per / _MiB:,.1f} MiB allocated, {per / n:,.0f} B per record (tracemalloc); "
            f"{'' if rss is None else f'the resident set rose {rss / _MiB:,.1f} MiB; '}built in {size['dataset_cpu_s']:.3f} s CPU.",
            "",
            "| contender | job | CPU s, median (min–max) | wall s, median (min–max) | × pandas vectorised (CPU) | peak MiB | peak B/record | checked: largest difference |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for key, meta in labels.items():
            c = contenders.get(key)
            if c is None:
                lines.append(f"| {meta['label']} | {meta['job']} | not available | | | | | |")
                continue
            ref = base[meta["job"]]
            ratio = c["cpu_s"]["median"] / ref["cpu_s"]["median"] if ref else None
            peak = c["peak_bytes"]
            lines.append(
                f"| {meta['label']} | {meta['job']} | {_s(c['cpu_s'])} | {_s(c['wall_s'])} | "
                f"{'' if ratio is None else f'{ratio:.2f}×'} | {'' if peak is None else f'{peak / _MiB:,.1f}'} | "
                f"{'' if peak is None else f'{peak / n:,.0f}'} | {c.get('max_difference', 0.0):.1e} |"
            )
        lines.append("")
    lines += ["The × column divides by the vectorised pandas pipeline of the same job (from the `Dataset`, or from the tables).", ""]
    return lines


def _cold(results: dict[str, Any]) -> list[str]:
    cold = results["cold_start"]
    names = {
        "first_call": "`import centralasia; ca.role_summary(ca.load())`",
        "bare": "`import attrs, cattrs, networkx`",
        "import": "`import centralasia`",
    }
    lines = [
        "## Cold start",
        "",
        f"Each line in a fresh interpreter, the three interleaved, {cold['runs']} times each; the time from the "
        "first statement of the script (the interpreter's own start-up not counted).",
        "",
        "| what | CPU s, median (min–max) | wall s, median (min–max) |",
        "|---|---:|---:|",
    ]
    lines += [f"| {names[k]} | {_s(cold[k]['cpu_s'])} | {_s(cold[k]['wall_s'])} |" for k in names]
    lines += ["", f"Heavy modules loaded by `import centralasia`: {', '.join(cold['heavy_loaded_by_import']) or 'none'}.", ""]
    return lines


def _io(results: dict[str, Any]) -> list[str]:
    io = results.get("io")
    lines = ["## Reading and writing", ""]
    if not io:
        return [*lines, "Not measured in this run: `benchmarks/io.py` is not in this version.", ""]
    rows = io.get("measurements", [])
    if rows:
        keys = list(dict.fromkeys(k for row in rows for k in row))
        lines += ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
        lines += ["| " + " | ".join(_cell(row.get(k)) for k in keys) + " |" for row in rows]
    else:
        lines.append("```json\n" + json.dumps({k: v for k, v in io.items() if k != "goals"}, indent=2, ensure_ascii=False) + "\n```")
    return [*lines, "", "From `python benchmarks/io.py --json`, run by `benchmarks/run.py` as a subprocess.", ""]


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return "; ".join(f"{k} {_cell(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _goals(results: dict[str, Any]) -> list[str]:
    goals = results["goals"]
    met = sum(g["met"] is True for g in goals)
    missed = [g["goal"] for g in goals if g["met"] is False]
    unmeasured = [g["goal"] for g in goals if g["met"] is None]
    lines = [
        "## The goals",
        "",
        f"{met} of {len(goals)} met; **not met**: {'; '.join(missed) or 'none'}; **not measured in this run**: {'; '.join(unmeasured) or 'none'}.",
        "",
        "| goal | measured | ratio | limit | met |",
        "|---|---|---:|---:|---|",
    ]
    for g in goals:
        status = {True: "met", False: "**NOT MET**", None: "not measured"}[g["met"]]
        ratio = g["ratio"]
        lines.append(f"| {g['goal']} | {g['measured']} | {'' if ratio is None else f'{ratio:.3g}'} | {g['limit']:g} | {status} |")
    return [*lines, ""]


_REPRODUCE = """## Reproducing the figures

```console
$ pip install -e '.[pandas,columnar,dask]' --group test
$ python benchmarks/run.py --json benchmarks/results.json    # 10^3 to 10^6 records
$ python benchmarks/run.py --quick --max-n 100000             # once each, up to 10^5
$ python docs/generate_performance.py benchmarks/results.json > docs/performance.md
$ pytest -n 0 benchmarks/test_bench.py                        # pytest-benchmark timings at 10^4, one process
```

`run.py` prints this page and writes every measurement, with the machine, to `--json`. The test
suite never runs the benchmarks at scale: `tests/test_benchmarks.py` runs a quick pass at 1,000
records (every contender runs and is checked equal to the library, every goal is reported, nothing
is timed) and checks that this page is what `docs/generate_performance.py` makes of
`benchmarks/results.json`. Run on a quiet machine for figures to quote: the goals compare medians,
but two cores shared with other work still move them.
"""

#: The sections after the figures: unchanged by a run.
_BEYOND = """## Streaming records

{func}`~centralasia.edges.relations`,
{func}`~centralasia.network.influence_network` and
{func}`~centralasia.roles.role_summary` take `records=`: an iterable of
agreements, arms transfers, events, statements and roles, streamed after
the dataset's own records and never kept. The dataset is the index the
streamed records name: actors, people, occasions. It can be the bundled one
or a small `Dataset` of your own actors.

```python
import itertools

import centralasia as ca

index = ca.load()  # or a Dataset of the actors, people and events your records name


def feed(day: int):  # records from a file, a database cursor, a message queue...
    for i in range(100_000):
        yield ca.ArmsTransfer(
            id=f"feed-{day}-{i}",
            supplier="RUS",
            recipient="KAZ",
            designation="Su-30SM",
            description="",
            category=ca.SipriCategory.AIRCRAFT,
            evidence=[ca.Evidence(paragraph=8)],
        )


summary = ca.role_summary(index, records=feed(1))  # memory: one number per power, domain, state and layer
H = ca.weighted_network(index, records=feed(1))  # memory: one weighted edge per actor pair
by_pair: dict[tuple[str, str], float] = {}
for r in ca.relations(index, records=feed(1)):  # any aggregation of your own
    by_pair[r.source, r.target] = by_pair.get((r.source, r.target), 0.0) + r.weight
days = (feed(day) for day in range(1, 31))  # chunks stream one after another
ca.role_summary(index, records=itertools.chain.from_iterable(days))
```

The result is that of one dataset holding both (`index.merge(Dataset(...))`),
which the tests check on random datasets. Each streamed record is checked
against the index when its turn comes, as a `Dataset` checks its records:
its kind, an id not already in the index, every id it names a record of the
right kind. A bad record raises {class}`~centralasia.DataError` at
`$.records[i]`. The check costs about 3.4 µs per record, what a `Dataset`
pays when it is built. Three things differ from a `Dataset`:

- ids are not compared between streamed records, since that would mean
  keeping them all;
- what the whole dataset tells about a record comes from the index alone:
  an event's domain from the statements made at it, a statement's date from
  its occasion, an organisation's domain from the agreement that sets it up;
- {meth}`~centralasia.roles.RoleSummary.explain` and
  {meth}`~centralasia.roles.RoleSummary.agreement_with_article` read the
  records again. They work when `records` was a list or another iterable
  that gives the same records each time (the summary keeps a reference to
  it, not a copy). After a one-shot iterator such as a generator they raise
  `ArgumentError` at `$.records` and say why.

`weighted_network(index, records=...)` gives the collapsed network of a
stream (one edge per actor pair, summed as the relations come), so its
memory grows with the actor pairs, not the records.
`influence_network(index, records=...)` streams too, but its graph keeps an
edge per relation, so its memory grows with the records. To aggregate a
stream, use `weighted_network`, `role_summary` or sum `relations` as above.

## Beyond one core and one machine

The network measures of {func}`~centralasia.network.influence_scores` run on
the collapsed graph and take `backend=`, which goes to networkx's dispatcher
as it is. The library never changes `networkx.config`. With a backend named
explicitly, networkx runs the algorithm there or raises `NotImplementedError`
("'pagerank' is not implemented by 'parallel' backend"); it does not fall
back. The collapse, and the `strength` and `in_strength` sums, run in the
library whatever the backend. `tests/test_network.py` shows that the routing
works with networkx's own test backend (`nx_loopback`): the collapsed
`DiGraph` is converted to the backend's graph, the backend runs the
algorithm, and the scores match networkx's.

As measured above, the measures are rarely where the time goes: on an actor
network of a hundred or so nodes they take milliseconds to a fraction of a
second. Backends pay off when the actor network itself is large (thousands
of actors, say, from a global event feed), above all for betweenness, whose
cost grows with nodes times edges.

### Several cores: nx-parallel

[nx-parallel](https://github.com/networkx/nx-parallel) runs some networkx
algorithms on several cores with joblib. Its current release (0.4) needs
Python 3.12 or later; 0.3 is the last one for Python 3.11.

```console
$ pip install nx-parallel
```

```python
scores = ca.influence_scores(G, "betweenness", backend="parallel")
```

nx-parallel implements `betweenness_centrality` (among others) but not
PageRank or eigenvector centrality, for which networkx then raises as above.
It splits the work into joblib jobs, which pays off on large graphs. On a
network of a few dozen actors, where betweenness takes milliseconds, there
is nothing to gain. nx-parallel is not installed here, so it is documented
but not measured.

### A GPU: nx-cugraph

[nx-cugraph](https://docs.rapids.ai/api/cugraph/stable/nx_cugraph/) runs
networkx algorithms on an NVIDIA GPU (Linux, compute capability 7.0 or
later). It implements `pagerank`, `betweenness_centrality` and
`eigenvector_centrality`: all three network measures of the library.

```console
$ pip install nx-cugraph-cu12 --extra-index-url https://pypi.nvidia.com
```

```python
scores = ca.influence_scores(G, "pagerank", backend="cugraph")
```

This machine has no GPU, so nx-cugraph is documented here but not measured
or tested.

### More events than one machine holds: pre-aggregate in a dataframe engine

When the records are an event stream too large for one machine (years of
news-derived events), do not build records at all. Weight each event with
the library's own table in a dataframe engine, sum per source, target,
domain and layer there, and give centralasia only the sums: one row per actor
pair, domain and layer, a few thousand rows whatever the number of events.
Each row becomes an edge of the shape {func}`~centralasia.network.influence_network`
makes (`layer`, `domain`, `weight`; `date` and `certainty` may be `None`),
so {func}`~centralasia.network.collapse` and
{func}`~centralasia.network.influence_scores` take them, beside the article's
own edges if you like.

`examples/dask_preaggregate.py` does this with Dask, and the test suite runs
it (`tests/test_examples.py`, through the `dask` extra). It builds a
partitioned feed of a million events (`dask.dataframe.from_map`, one
partition per day's file, say). It weights each event with
`DEFAULT_WEIGHTS.layers`, `.certainty` and `.event_domains`, sums with a Dask
`groupby` on the local threaded scheduler (set with `dask.config.set` inside
the example only), adds the sums to the article's network and prints the
security PageRank and strength. It also streams one partition through
`ca.relations(records=...)` as `Event` records, to show that the library and
Dask give the same sums. On this machine the million events take about
4 seconds.

```console
$ pip install -e '.[dask]'
$ python examples/dask_preaggregate.py            # 1,000,000 events in 20 partitions
$ python examples/dask_preaggregate.py 200000 8   # what the test runs
```

On a cluster the same code runs under a `dask.distributed.Client`. With
Spark it is the same `groupBy`, and the sums go to the example's
`network()`. This sketch is not run by the tests:

```python
from itertools import chain

from pyspark.sql import functions as F

import centralasia as ca


def spark_map(table):  # a Python dict as a Spark map column
    return F.create_map(*(F.lit(x) for x in chain.from_iterable(table.items())))


w = ca.DEFAULT_WEIGHTS
layer_weight = spark_map({k.value: w.layers[ca.Layer(k.value)] for k in ca.EventKind})
certainty_factor = spark_map({c.value: f for c, f in w.certainty.items()})
event_domain = spark_map({k.value: d.value for k, d in w.event_domains.items()})

sums = (
    events.withColumn(  # a Spark DataFrame with the columns source, target, kind, certainty
        "weight", F.element_at(layer_weight, F.col("kind")) * F.element_at(certainty_factor, F.col("certainty"))
    )
    .withColumn("domain", F.element_at(event_domain, F.col("kind")))
    .groupBy("source", "target", "domain", "kind")
    .agg(F.sum("weight").alias("weight"), F.count("*").alias("events"))
    .withColumnRenamed("kind", "layer")
    .toPandas()
)
```

What the sums lose is what belongs to single records. `explain()` cannot
cite them, and `as_of` needs a date. Keep the year (or the month) among the
group keys and put it in each edge's `date` as ISO text: `collapse` and
`influence_scores` then filter with `as_of=` as on the record-level network.
"""


def render(results: dict[str, Any]) -> str:
    """The performance page (Markdown) of the benchmark's *results*, as ``benchmarks/run.py --json`` writes them."""
    largest = max(s["n"] for s in results["sizes"])
    lines = [
        "# Performance at scale",
        "",
        "This page is generated by `docs/generate_performance.py` from `benchmarks/results.json`, the output of",
        f"`benchmarks/run.py` (here up to N = {largest:,} records); do not edit it by hand. It sets the library's",
        "routes beside competent hand-written competitors, checked to give the same numbers, and says plainly",
        "which goals of the scale issue are met and which are not.",
        "",
    ]
    lines += _machine(results)
    lines += [_WHAT]
    lines += _sizes(results)
    lines += _cold(results)
    lines += _io(results)
    lines += _goals(results)
    lines += [_REPRODUCE, _BEYOND]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the page of the JSON file named on the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("results", type=Path, help="the JSON file benchmarks/run.py --json wrote")
    args = parser.parse_args(argv)
    sys.stdout.write(render(json.loads(args.results.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
