"""Pre-aggregate an event stream too large for one machine with Dask, through the library's own rules, then score the network.

An event feed (rows of who acted toward whom, what kind of event, how sure
the source is, as in GDELT-style event data) arrives as record tables in
columnar form (:func:`centralasia.columnar.record_tables` describes them:
one ``records`` row per event, one ``participants`` row per actor and
target), partition by partition. :func:`centralasia.columnar.relation_table`
runs the library's relation rules on them as dataframe expressions (the same
rules as the object route: weights, groupings, dates, domains, scenarios),
and :func:`centralasia.columnar.pair_sums` sums them per source, target,
domain and layer, all lazily in Dask. Only the sums reach Python, as edges
beside the article's own, for :func:`centralasia.influence_scores`. One
partition is also streamed through ``centralasia.relations(records=...)``
to show that both routes give the same sums.

Dask's local threaded scheduler stands in for a cluster here (the
``dask.config.set(scheduler="threads")`` block in :func:`main`). To run on a
cluster, create a ``dask.distributed.Client("scheduler-address:8786")``
(``pip install distributed``) before calling :func:`main` and leave that block
out: the Client is then Dask's default scheduler, and the same graph runs on
its workers (a ``scheduler=`` set in a block overrides the Client there).
For your own files, ``dd.read_parquet`` tables take the place of
:func:`feed`; the cookbook's "With Dask" recipe shows that route to a
``ca.PairSums`` and a role summary.

Run:   python examples/dask_preaggregate.py [EVENTS] [PARTITIONS]
Needs: pip install 'centralasia[dask,columnar]'
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
from centralasia import columnar

DS = ca.load()
WEIGHTS = ca.DEFAULT_WEIGHTS
ACTORS = np.array([s.id for s in DS.states])
#: How often each actor acts: the two powers most, as in the article.
ACTIVITY = np.array([6.0 if a in ("RUS", "CHN") else 2.0 if a in ("KAZ", "KGZ", "TJK", "TKM", "UZB", "USA") else 1.0 for a in ACTORS])
KINDS = np.array([k.value for k in ca.EventKind])
CERTAINTIES = np.array([c.value for c in ca.Certainty])
#: Every feed row is background evidence, so its weight takes the background factor.
EVIDENCE = ca.Evidence(section=ca.Section.TITLE, kind=ca.EvidenceKind.BACKGROUND, source="a synthetic event feed")

#: The string dtype Dask gives text columns: the tables' join keys must share it.
TEXT = "string[pyarrow]"


def feed_partition(partition: int, rows: int) -> pd.DataFrame:
    """One partition of the feed (a day's file, say): *rows* events drawn with their own seed, one row each."""
    rng = np.random.default_rng(partition)
    source = rng.choice(len(ACTORS), rows, p=ACTIVITY / ACTIVITY.sum())
    target = (source + rng.integers(1, len(ACTORS), rows)) % len(ACTORS)  # never the source
    return pd.DataFrame(
        {
            "id": [f"feed-{partition}-{i}" for i in range(rows)],
            "source": ACTORS[source],
            "target": ACTORS[target],
            "kind": rng.choice(KINDS, rows),
            "certainty": rng.choice(CERTAINTIES, rows, p=[0.6, 0.2, 0.15, 0.05]),
        }
    )


def records_partition(partition: int, rows: int) -> pd.DataFrame:
    """The feed partition's ``records`` table: undated events, each supported by background evidence only."""
    feed = feed_partition(partition, rows)
    none = pd.Series([None] * len(feed), dtype="str")
    return pd.DataFrame(
        {
            "id": feed["id"],
            "kind": "event",
            "subkind": feed["kind"],
            "domain": none,
            "certainty": feed["certainty"],
            "date": none,
            "date_earliest": none,
            "date_latest": none,
            "background_only": True,
            "repeated": False,
            "occasion": none,
            "claims": none,
        }
    ).astype(dict.fromkeys(("id", "kind", "subkind", "domain", "certainty", "date", "date_earliest", "date_latest", "occasion", "claims"), TEXT))


def participants_partition(partition: int, rows: int) -> pd.DataFrame:
    """The feed partition's ``participants`` table: each event's actor and its target."""
    feed = feed_partition(partition, rows)
    actors = pd.DataFrame({"record": feed["id"], "slot": "actor", "actor": feed["source"]})
    targets = pd.DataFrame({"record": feed["id"], "slot": "target", "actor": feed["target"]})
    return pd.concat([actors, targets], ignore_index=True).astype(TEXT)


def feed(events: int, partitions: int) -> dict[str, dd.DataFrame]:
    """The whole feed as lazy Dask record tables of *partitions* partitions: nothing is made yet."""
    rows = events // partitions
    tables: dict[str, dd.DataFrame] = {
        "records": dd.from_map(records_partition, range(partitions), rows=rows, meta=records_partition(0, 0), enforce_metadata=False),  # type: ignore[no-untyped-call]
        "participants": dd.from_map(participants_partition, range(partitions), rows=rows, meta=participants_partition(0, 0), enforce_metadata=False),  # type: ignore[no-untyped-call]
        "claims": dd.from_pandas(pd.DataFrame({"record": pd.Series([], dtype=TEXT), "claim": pd.Series([], dtype=TEXT)}), npartitions=1),
    }
    return tables


def preaggregate(tables: dict[str, dd.DataFrame]) -> dd.DataFrame:
    """The feed's relations by the library's rules, summed per source, target, domain and layer (lazy)."""
    # The feed cites no claim of the article, so sharing claims changes none of its sums: left out here
    # (on Dask's query optimiser of 2026.8 the claim-sharing joins fail on partitions made by from_map).
    relations: dd.DataFrame = columnar.relation_table(tables, index=DS, weights=WEIGHTS, share_claims=False)
    from_feed = relations[relations["record"].str.startswith("feed-")]
    summed: dd.DataFrame = columnar.pair_sums(from_feed)
    return summed


def network(aggregates: pd.DataFrame) -> nx.MultiDiGraph:
    """The article's influence network plus one edge per aggregate row, keyed ``feed:<layer>``."""
    G = ca.influence_network(DS)
    columns = (aggregates[c] for c in ("source", "target", "layer", "domain", "weight", "count"))
    G.add_edges_from(
        (
            source,
            target,
            f"feed:{layer}",
            {
                "layer": layer,
                "domain": domain,
                "weight": float(weight),
                "events": int(events),  # relations summed: one per feed event
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
            id=rid,
            kind=ca.EventKind(kind),
            title="A feed event",
            evidence=(EVIDENCE,),
            actors=(source,),
            targets=(target,),
            certainty=ca.Certainty(certainty),
        )
        for rid, source, target, kind, certainty in rows.itertuples(index=False)
    )
    sums: dict[tuple[str, str, str, str], float] = {}
    for r in ca.relations(DS, records=records, weights=WEIGHTS, share_claims=False):
        if r.record.startswith("feed-"):
            key = (r.source, r.target, r.domain.value, r.layer.value)
            sums[key] = sums.get(key, 0.0) + r.weight
    return sums


def main(events: int = 1_000_000, partitions: int = 20) -> None:
    """Aggregate the feed, check one partition against the library, print the security scores."""
    lazy = feed(events, partitions)
    # The local scheduler, for this block only: nothing global changes (leave the block out to use a distributed Client).
    with dask.config.set(scheduler="threads"):
        aggregates: pd.DataFrame = preaggregate(lazy).compute()  # type: ignore[no-untyped-call]
        first: pd.DataFrame = preaggregate({name: table.partitions[0] for name, table in lazy.items()}).compute()  # type: ignore[no-untyped-call]
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
