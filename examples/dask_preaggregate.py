"""Pre-aggregate an event stream too large for one machine with Dask, then score the network with centralasia.

An event feed (rows of who acted toward whom, what kind of event, how sure
the source is, as in GDELT-style event data) is weighted with the library's
own :data:`centralasia.DEFAULT_WEIGHTS` and summed per source, target,
domain and layer by Dask. Only the sums, one row per actor pair, domain and
layer, reach centralasia, as edges of the shape
:func:`centralasia.influence_network` makes, so that :func:`centralasia.collapse`
and :func:`centralasia.influence_scores` take them beside the article's own
edges. One partition is also streamed through ``centralasia.relations(records=...)``
to show that both routes give the same sums.

Dask's local threaded scheduler stands in for a cluster here; with a
``dask.distributed.Client`` the same code runs on one, and with Spark the
same ``groupBy(...).agg(sum(...))``.

Run:   python examples/dask_preaggregate.py [EVENTS] [PARTITIONS]
Needs: pip install 'centralasia[dask]'
"""

from __future__ import annotations

import sys
import warnings

import dask
import dask.dataframe as dd
import networkx as nx  # type: ignore[import-untyped, unused-ignore]
import numpy as np
import pandas as pd

import centralasia as ca

DS = ca.load()
WEIGHTS = ca.DEFAULT_WEIGHTS
ACTORS = np.array([s.id for s in DS.states])
#: How often each actor acts: the two powers most, as in the article.
ACTIVITY = np.array([6.0 if a in ("RUS", "CHN") else 2.0 if a in ("KAZ", "KGZ", "TJK", "TKM", "UZB", "USA") else 1.0 for a in ACTORS])
KINDS = np.array([k.value for k in ca.EventKind])
CERTAINTIES = np.array([c.value for c in ca.Certainty])
#: Every feed row is background evidence, so its weight takes the background factor.
EVIDENCE = ca.Evidence(section=ca.Section.TITLE, kind=ca.EvidenceKind.BACKGROUND, source="a synthetic event feed")

# The weights table as plain mappings a dataframe engine can apply column-wise.
LAYER_WEIGHT = {k.value: WEIGHTS.layers[ca.Layer(k.value)] for k in ca.EventKind}
CERTAINTY_FACTOR = {c.value: WEIGHTS.certainty[c] for c in ca.Certainty}
DOMAIN = {k.value: WEIGHTS.event_domains[k].value for k in ca.EventKind}


def feed_partition(partition: int, rows: int) -> pd.DataFrame:
    """One partition of the feed (a day's file, say): *rows* events drawn with their own seed."""
    rng = np.random.default_rng(partition)
    source = rng.choice(len(ACTORS), rows, p=ACTIVITY / ACTIVITY.sum())
    target = (source + rng.integers(1, len(ACTORS), rows)) % len(ACTORS)  # never the source
    return pd.DataFrame(
        {
            "source": ACTORS[source],
            "target": ACTORS[target],
            "kind": rng.choice(KINDS, rows),
            "certainty": rng.choice(CERTAINTIES, rows, p=[0.6, 0.2, 0.15, 0.05]),
        }
    )


def feed(events: int, partitions: int) -> dd.DataFrame:
    """The whole feed as a lazy Dask dataframe of *partitions* partitions: nothing is made yet."""
    rows = events // partitions
    lazy: dd.DataFrame = dd.from_map(feed_partition, range(partitions), rows=rows, meta=feed_partition(0, 0), enforce_metadata=False)  # type: ignore[no-untyped-call]
    return lazy


def preaggregate(events: dd.DataFrame) -> dd.DataFrame:
    """Each event's weight by the library's table, summed per source, target, domain and layer (lazy)."""
    weighted = events.assign(
        domain=events["kind"].map(DOMAIN, meta=("kind", "str")),
        weight=events["kind"].map(LAYER_WEIGHT, meta=("kind", "f8")) * events["certainty"].map(CERTAINTY_FACTOR, meta=("certainty", "f8")) * WEIGHTS.background,
    )
    sums = weighted.groupby(["source", "target", "domain", "kind"]).agg(weight=("weight", "sum"), events=("weight", "count"))
    summed: dd.DataFrame = sums.reset_index().rename(columns={"kind": "layer"})
    return summed


def network(aggregates: pd.DataFrame) -> nx.MultiDiGraph:
    """The article's influence network plus one edge per aggregate row, keyed ``feed:<layer>``."""
    G = ca.influence_network(DS)
    columns = (aggregates[c] for c in ("source", "target", "layer", "domain", "weight", "events"))
    G.add_edges_from(
        (
            source,
            target,
            f"feed:{layer}",
            {
                "layer": layer,
                "domain": domain,
                "weight": float(weight),
                "events": int(events),
                "certainty": None,
                "date": None,
                "record": "feed",
            },
        )
        for source, target, layer, domain, weight, events in zip(*columns, strict=True)
    )
    return G


def library_sums(rows: pd.DataFrame) -> dict[tuple[str, str, str, str], float]:
    """The same sums by streaming *rows* through ``ca.relations`` as Event records, checked against the bundled data."""
    records = (
        ca.Event(
            id=f"feed-{i}",
            kind=ca.EventKind(kind),
            title="A feed event",
            evidence=(EVIDENCE,),
            actors=(source,),
            targets=(target,),
            certainty=ca.Certainty(certainty),
        )
        for i, (source, target, kind, certainty) in enumerate(rows.itertuples(index=False))
    )
    sums: dict[tuple[str, str, str, str], float] = {}
    for r in ca.relations(DS, records=records):
        if r.record.startswith("feed-"):
            key = (r.source, r.target, r.domain.value, r.layer.value)
            sums[key] = sums.get(key, 0.0) + r.weight
    return sums


def main(events: int = 1_000_000, partitions: int = 20) -> None:
    """Aggregate the feed, check one partition against the library, print the security scores."""
    lazy = feed(events, partitions)
    # The local scheduler, for this block only: nothing global changes.
    with dask.config.set(scheduler="threads"):
        aggregates: pd.DataFrame = preaggregate(lazy).compute()  # type: ignore[no-untyped-call]
        first: pd.DataFrame = preaggregate(lazy.partitions[0]).compute()  # type: ignore[no-untyped-call]
    print(f"feed: {events:,} events in {partitions} partitions, summed by Dask to {len(aggregates):,} rows (source, target, domain, layer)")

    ours = library_sums(feed_partition(0, events // partitions))
    keys = zip(first["source"], first["target"], first["domain"], first["layer"], strict=True)
    theirs = {key: float(weight) for key, weight in zip(keys, first["weight"], strict=True)}
    agree = ours.keys() == theirs.keys() and all(abs(ours[k] - theirs[k]) <= 1e-9 * max(1.0, theirs[k]) for k in ours)
    print(f"check: partition 0 streamed through ca.relations(records=...): {len(ours):,} sums, {'all agree' if agree else 'DISAGREE'} with Dask")

    G = network(aggregates)
    with warnings.catch_warnings():  # PageRank describes ties here, not influence: printed as such below
        warnings.simplefilter("ignore", ca.DescriptiveOnlyWarning)
        rank = ca.influence_scores(G, "pagerank", domain="security")
    strength = ca.influence_scores(G, "strength", domain="security")
    print(f"security ties, article and feed together: descriptive, not influence (pagerank sums to {sum(rank.values()):.3f}):")
    print(f"  {'actor':<8}{'pagerank':>10}{'strength':>12}")
    for actor in sorted(rank, key=rank.__getitem__, reverse=True)[:8]:
        print(f"  {actor:<8}{rank[actor]:>10.3f}{strength[actor]:>12,.1f}")
    if not agree:
        raise SystemExit("the library and Dask disagree")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
