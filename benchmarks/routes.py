"""The library's routes as the benchmark calls them: one adapter per route, so that a changed API is switched in one place.

- :func:`streamed_route`: one pass, ``ca.pair_sums`` then ``weighted_network`` and
  ``role_summary`` from the sums.
- :func:`multigraph_route`: ``influence_network`` + ``collapse`` + ``role_summary``.
- :func:`columnar_route`: ``centralasia.columnar`` on a dataframe engine (polars
  lazy or pandas), from record tables: one lazy query from the tables to the pair
  sums, then the network and summary from them.

:func:`library_result` turns what a route gives into a
:class:`competitors.Result` to compare with the competitors (not timed).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from typing import Any

from competitors import Result

import centralasia as ca

__all__ = [
    "STREAMED_ROUTE",
    "columnar_available",
    "columnar_inputs",
    "columnar_route",
    "library_result",
    "multigraph_route",
    "streamed_route",
]

#: What :func:`streamed_route` calls, for the record.
STREAMED_ROUTE = "pair_sums(ds), then weighted_network(ds, sums=s) and role_summary(ds, sums=s)"


def streamed_route(ds: ca.Dataset) -> tuple[Any, Any, Any]:
    """The streamed route: the collapsed network, the role summary and the pair sums, from one pass."""
    s = ca.pair_sums(ds)
    return ca.weighted_network(ds, sums=s), ca.role_summary(ds, sums=s), s


def multigraph_route(ds: ca.Dataset) -> tuple[Any, Any, Any]:
    """The multigraph route: ``collapse(influence_network(ds))`` and the role summary; the multigraph goes when it returns."""
    G = ca.influence_network(ds)
    H = ca.collapse(G)
    del G
    return H, ca.role_summary(ds), None


def columnar_available() -> bool:
    """Whether the columnar extra (narwhals, polars) is installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("narwhals", "polars"))


def columnar_inputs(ds: ca.Dataset, ix: ca.Dataset, engine: str) -> Any:
    """The record tables of *ds*'s records beyond the index *ix*, for *engine* (``"polars"`` or ``"pandas"``): the columnar route's input."""
    from centralasia import columnar

    kinds = ("agreements", "arms_transfers", "events", "statements", "roles")
    known = {r.id for name in kinds for r in getattr(ix, name)}
    flow = [r for name in kinds for r in getattr(ds, name) if r.id not in known]
    tables = columnar.record_tables(flow).as_mapping()
    if engine == "pandas":
        return {name: frame.to_pandas() for name, frame in tables.items()}
    return {name: frame.lazy() for name, frame in tables.items()}


def columnar_route(tables: Any, ix: ca.Dataset) -> tuple[Any, Any, Any]:
    """The columnar route from record *tables* over the index *ix*: the relation table, its pair sums, the network and summary from them."""
    from centralasia import columnar

    s = columnar.to_pair_sums(columnar.pair_sums(columnar.relation_table(tables, index=ix)), index=ix)
    return ca.weighted_network(ix, sums=s), ca.role_summary(ix, sums=s), s


def _value(x: object) -> str:
    return str(getattr(x, "value", x))


def library_result(route: tuple[Any, Any, Any], powers: Iterable[str]) -> Result:
    """A route's (network, summary, sums) as a :class:`~competitors.Result`: pair weights from the network, shares from the summary."""
    H, summary, s = route
    pairs = {(u, v): float(d["weight"]) for u, v, d in H.edges(data=True) if d["weight"] > 0}
    powers_ = set(powers)
    keys = {(_value(d), st, p) for p, d, st, _ in summary.influence_table if p in powers_}
    shares = {k: summary.share(k[2], k[0], over=k[1]) for k in keys}
    sums = counts = None
    if s is not None:
        sums = {(u, v, _value(d), _value(la)): float(w) for (u, v, d, la), w in s.totals.items()}
        counts = {(u, v, _value(d), _value(la)): int(c) for (u, v, d, la), c in s.counts.items()}
    return Result(sums=sums, counts=counts, pairs=pairs, shares={k: v for k, v in shares.items() if v > 0})
