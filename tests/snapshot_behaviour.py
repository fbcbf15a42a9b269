"""The public behaviour of the analysis as plain JSON: what a restructure must leave unchanged.

``python tests/snapshot_behaviour.py`` rewrites ``tests/snapshots/behaviour.json``: one
SHA-256 digest of canonical JSON per item, so the file stays small;
``python tests/snapshot_behaviour.py --dump DIR`` writes the items themselves, to diff
two versions. ``tests/test_snapshot.py`` compares the live behaviour with the digests.
Regenerate only when a change of behaviour is intended, and say so in the changelog.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

import networkx as nx

import centralasia as ca
from centralasia import cli, export

SNAPSHOT = Path(__file__).parent / "snapshots" / "behaviour.json"
sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))


def _edges(G: nx.Graph) -> list[Any]:
    if G.is_multigraph():
        return [[u, v, k, d] for u, v, k, d in G.edges(keys=True, data=True)]
    return [[u, v, d] for u, v, d in G.edges(data=True)]


def _summary(s: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "str": str(s),
        "rows": [[r.power, r.domain.value, r.over, r.influence, r.total, r.share, r.leader] for r in s.rows()],
        "balance": [s.balance(o) for o in (None, *s.states)],
        "checks": [str(s.agreement_with_article())],
    }
    out["explain"] = [str(s.explain(p, d)) for p in s.powers for d in ca.Domain]
    return out


def _files(write: Any, suffixes: list[str]) -> dict[str, str]:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in suffixes:
            path = os.path.join(tmp, "out" + suffix)
            write(path)
            # GEXF stamps the day and the networkx version: not behaviour of ours.
            text = Path(path).read_text(encoding="utf-8")
            text = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate=""', text)
            out[suffix] = re.sub(r"<creator>NetworkX [^<]*</creator>", "<creator>NetworkX</creator>", text)
    return out


def _cli(*argv: str) -> list[Any]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return [code, out.getvalue(), err.getvalue()]


def behaviour() -> dict[str, Any]:
    """Everything the snapshot holds, computed now."""
    import synthetic

    ds = ca.load()
    synth = synthetic.dataset(400, seed=3)
    snap: dict[str, Any] = {}
    weights = ca.Weights(layers={"visit": 2.0, "role": 1.0}, certainty={"reported": 0.25})
    mags = ca.Magnitudes(increase=0.25, decrease=0.75)
    for name, data in (("bundled", ds), ("article_only", ds.article_only()), ("synthetic", synth)):
        part: dict[str, Any] = {}
        scenarios = [None, *(s.id for s in data.scenarios)]
        base = None
        for scenario in scenarios:
            for as_of in (None, "2015", "2016-06"):
                key = f"{scenario}|{as_of}"
                s = ca.role_summary(data, scenario=scenario, as_of=as_of)
                part[f"summary|{key}"] = _summary(s)
                if as_of is None:
                    if scenario is None:
                        base = s
                    else:
                        assert base is not None
                        part[f"compare|{scenario}"] = str(ca.compare(base, s))
                        part[f"compare-mags|{scenario}"] = str(ca.compare(base, ca.role_summary(data, scenario=scenario, magnitudes=mags)))
                part[f"weighted|{key}"] = _edges(ca.weighted_network(data, scenario=scenario, as_of=as_of))
        part["summary|weights"] = _summary(ca.role_summary(data, weights=weights, powers=("RUS", "CHN", "USA")))
        part["summary|undated-off"] = _summary(ca.role_summary(data, as_of="2016", include_undated=False))
        G = ca.influence_network(data)
        part["network"] = _edges(G)
        part["network|security|weights"] = _edges(ca.influence_network(data, domain="security", weights=weights))
        part["collapse"] = _edges(ca.collapse(G))
        part["collapse|filters"] = _edges(ca.collapse(G, domain="security", layers=["role", "arms-transfer"], as_of="2016-03", include_undated=False))
        for measure in ("strength", "in_strength", "pagerank", "betweenness"):
            with warnings.catch_warnings():  # the path measures warn that they describe ties: the numbers are what is pinned
                warnings.simplefilter("ignore", ca.DescriptiveOnlyWarning)
                scores = ca.influence_scores(G, measure, domain="security")
            # PageRank's last digits depend on the implementation (SciPy's or networkx's pure-Python one).
            part[f"scores|{measure}"] = {k: round(v, 12) for k, v in scores.items()} if measure == "pagerank" else scores
        part["relations"] = [
            [r.source, r.target, r.layer.value, r.domain.value, r.weight, r.certainty.value, r.record, None if r.date is None else str(r.date), r.scenario]
            for r in ca.relations(data)
        ]
        part["node_link"] = ca.network_to_json(G)
        snap[name] = part
    G = ca.influence_network(ds)
    snap["bundled"]["network_files"] = _files(lambda p: ca.write_network(G, p), [".graphml", ".gexf", ".json", ".csv"])
    snap["bundled"]["tables"] = {t: export.rows(ds, t) for t in export.TABLES}
    snap["cli"] = {
        " ".join(argv): _cli(*argv)
        for argv in (
            ("summary",),
            ("roles",),
            ("roles", "--domain", "security", "--explain", "CHN", "--over", "TJK"),
            ("roles", "--as-of", "2016-03", "--scenario", "scn-detente-with-west"),
            ("roles", "--powers", "RUS,CHN,USA"),
            ("scenarios",),
            ("list",),
            ("show", "role-rus-security-guarantor"),
        )
    }
    return json.loads(json.dumps(snap, default=str))


def canonical(value: Any) -> str:
    """*value* as canonical JSON text (sorted keys, exact floats)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def digests(snap: dict[str, Any]) -> dict[str, str]:
    """``"part/item"`` -> SHA-256 of the item's canonical JSON."""
    return {f"{part}/{key}": hashlib.sha256(canonical(value).encode()).hexdigest() for part, items in snap.items() for key, value in items.items()}


if __name__ == "__main__":
    snap = behaviour()
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        folder = Path(sys.argv[2])
        folder.mkdir(parents=True, exist_ok=True)
        for name in digests(snap):
            part, key = name.split("/", 1)
            item = snap[part][key]
            (folder / (name.replace("/", "__").replace("|", "_").replace(" ", "_") + ".json")).write_text(
                json.dumps(item, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8"
            )
        print(f"dumped {len(snap)} parts to {folder}")
    else:
        SNAPSHOT.write_text(json.dumps(digests(snap), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {SNAPSHOT} ({SNAPSHOT.stat().st_size} bytes)")
