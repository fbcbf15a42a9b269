"""Quickstart: the dataset, one record and its evidence, the article read three ways, and the influence network.

Run it with ``python examples/quickstart.py [OUTPUT_DIRECTORY]``; it writes
``influence.gexf`` (open it in Gephi) and, with the ``plot`` extra installed,
``influence.png`` there (by default in the current directory).
"""

from __future__ import annotations

import sys
from pathlib import Path

import centralasia as ca

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
out.mkdir(parents=True, exist_ok=True)

# 1. The data: immutable, checked records, each citing the article.
ds = ca.load()
print(f"{len(ds)} records: {len(ds.states)} states, {len(ds.roles)} roles, {len(ds.scenarios)} scenarios")

guarantor = ds["role-rus-security-guarantor"]
assert isinstance(guarantor, ca.Role)
print(f"{guarantor.actor} is the {guarantor.role.value} ({guarantor.domain.value}): {guarantor.summary}")
for e in guarantor.evidence:
    print(f"  paragraph {e.paragraph}: \u201c{e.quote}\u201d")

# 2. The division of labour, read three ways: the authors' verdicts, the acts they report, and the momentum.
r = ca.readings(ds)
for domain in ca.Domain:
    cell = r.cell(domain)
    shares = ", ".join(f"{p} {s:.0%}" for p, s in cell.shares.items()) or "no claim"
    acts = r.leader(domain, track="acts") or "none"
    print(
        f"{domain.value:<10} leader: {cell.leader or 'none'}  ({shares}; {cell.support} claim{'s' if cell.support != 1 else ''}, {cell.status.value}); the acts name: {acts}"
    )
rob = ca.robustness(ds, draws=500, seed=0)
print(f"Russia leads the assessed security reading in {rob.p_leader('RUS', 'security'):.0%} of 500 sampled draws")

# 3. The influence network: a networkx MultiDiGraph, one edge per record and pair.
G = ca.influence_network(ds)
print(f"influence network: {G.number_of_nodes()} actors, {G.number_of_edges()} edges")
ca.write_network(G, out / "influence.gexf")
print(f"wrote {out / 'influence.gexf'}")

# 4. A picture of it (needs the plot extra: pip install 'centralasia[plot]').
try:
    from centralasia.plot import influence_map, save

    save(influence_map(G, ds), out / "influence.png")
    print(f"wrote {out / 'influence.png'}")
except ImportError as exc:
    print(f"no picture: {exc}")
