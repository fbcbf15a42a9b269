"""Pair sums: the relation stream summed per source, target, domain and layer in one pass, what the networks and summaries are built from."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Unpack

import attrs

from centralasia import _frames
from centralasia._stream import FineKey, relation_sums
from centralasia._tables import Table, dataset, lookup
from centralasia._text import shown
from centralasia.errors import ArgumentError, DataError, Problem
from centralasia.model import ActorId, Dataset, Domain
from centralasia.query import Query, QueryOptions
from centralasia.scenarios import resolve_scenario
from centralasia.weights import Layer

if TYPE_CHECKING:
    import pandas

__all__ = ["PairSums", "pair_sums"]

#: The columns of a pair-sums table, in order (as :meth:`PairSums.to_frame` gives them).
COLUMNS = ("source", "target", "domain", "layer", "weight", "count")


@attrs.frozen(kw_only=True, repr=False)
class PairSums:
    """Relation weights summed per source, target, domain and layer: one pass's result.

    Make it with :func:`pair_sums` (one pass over the relation stream), or
    with :meth:`from_rows` from sums computed elsewhere (a dataframe's
    ``groupby``; :func:`centralasia.columnar.to_pair_sums` collects a
    dataframe's). :func:`~centralasia.weighted_network` and
    :func:`~centralasia.role_summary` take it as ``sums=`` and build their
    result from it without reading the records again;
    :func:`~centralasia.influence_scores` takes it in place of a graph.

    Attributes
    ----------
    query : Query
        What the relations were summed under (its scenario resolved).
    totals : Mapping
        The summed weight of each ``(source, target, domain, layer)``, read-only, in first-seen order.
    counts : Mapping
        How many relations made each sum.

    Examples
    --------
    >>> import centralasia as ca
    >>> s = ca.pair_sums(ca.load(), as_of="2016")
    >>> s.totals["CHN", "UZB", ca.Domain.SECURITY, ca.Layer.ARMS_TRANSFER], s.counts["CHN", "UZB", ca.Domain.SECURITY, ca.Layer.ARMS_TRANSFER]
    (2.25, 2)
    """

    query: Query
    totals: Mapping[FineKey, float]
    counts: Mapping[FineKey, int]
    #: Whether the query's streamed records were a one-shot iterator, spent by the pass (they cannot be read again).
    _one_shot: bool = attrs.field(default=False, repr=False, eq=False, alias="one_shot")

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, Domain | str, Layer | str, float, int]], *, query: Query | None = None) -> PairSums:
        """Pair sums from ``(source, target, domain, layer, total, count)`` rows, e.g. collected from a dataframe.

        Strings are coerced to :class:`~centralasia.Domain` and
        :class:`~centralasia.Layer`; numbers from NumPy are accepted. Each key
        may come once. A bad row is a :class:`~centralasia.DataError` at
        ``$.rows[i].<column>``; *query* (what the sums were computed under,
        ``Query()`` by default) that is no :class:`~centralasia.Query` an
        :class:`~centralasia.ArgumentError`.

        Examples
        --------
        >>> s = PairSums.from_rows([("RUS", "KAZ", "security", "role", 2.0, 1), ("CHN", "KAZ", "economic", "agreement", 3.0, 2)])
        >>> s.totals["RUS", "KAZ", Domain.SECURITY, Layer.ROLE], s.counts["CHN", "KAZ", Domain.ECONOMIC, Layer.AGREEMENT]
        (2.0, 2)
        >>> PairSums.from_rows([("RUS", "KAZ", "military", "role", 2.0, 1)])
        Traceback (most recent call last):
        ...
        centralasia.errors.DataError: invalid pair sums: 1 problem
          - unknown Domain 'military'; expected one of 'security', 'economic', 'diplomatic' @ $.rows[0].domain
        """
        if query is None:
            query = Query()
        elif not isinstance(query, Query):
            raise ArgumentError("query", f"query must be a Query, not {type(query).__name__}")
        if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
            raise ArgumentError("rows", f"rows must be an iterable of (source, target, domain, layer, weight, count) rows, not {type(rows).__name__}")
        totals: dict[FineKey, float] = {}
        counts: dict[FineKey, int] = {}
        for i, row in enumerate(rows):
            key, total, count = _checked_row(row, f"$.rows[{i}]")
            if key in totals:
                raise _bad(f"$.rows[{i}]", f"a second row for {shown(key[0])} -> {shown(key[1])} in {key[2].value}, {key[3].value}: each key comes once")
            totals[key] = total
            counts[key] = count
        return cls(query=query, totals=Table(totals), counts=Table(counts))

    def __attrs_post_init__(self) -> None:
        # pair_sums and from_rows give read-only tables of checked rows; sums built by hand are checked here, as from_rows checks them.
        if type(self.totals) is Table and type(self.counts) is Table:
            return
        if not isinstance(self.query, Query):
            raise ArgumentError("query", f"query must be a Query, not {type(self.query).__name__}")
        for name, value in (("totals", self.totals), ("counts", self.counts)):
            if not isinstance(value, Mapping):
                raise ArgumentError(name, f"{name} must be a mapping of (source, target, domain, layer) keys, not {type(value).__name__}")
        rows: list[object] = []
        for i, (key, total) in enumerate(self.totals.items()):
            if not isinstance(key, tuple) or len(key) != 4:
                raise _bad(f"$.totals[{i}]", f"a key is (source, target, domain, layer), not {shown(key)}")
            if key not in self.counts:
                raise _bad(f"$.counts[{i}]", f"no count for {shown(key)}")
            rows.append((*key, total, self.counts[key]))
        if len(self.counts) != len(rows):
            extra = next(key for key in self.counts if key not in self.totals)
            raise _bad("$.totals", f"no total for {shown(extra)}")
        made = PairSums.from_rows(rows, query=self.query)  # type: ignore[arg-type]  # each row checked there
        object.__setattr__(self, "totals", made.totals)
        object.__setattr__(self, "counts", made.counts)

    def __repr__(self) -> str:
        return f"PairSums({len(self.totals)} keys of {sum(self.counts.values())} relations, query={self.query!r})"

    @property
    def one_shot(self) -> bool:
        """Whether the query's streamed records were a one-shot iterator, spent by the pass (what reads them again refuses then)."""
        return self._one_shot

    def rows(self) -> Iterator[tuple[ActorId, ActorId, Domain, Layer, float, int]]:
        """The ``(source, target, domain, layer, weight, count)`` rows, in first-seen order: what :meth:`from_rows` takes back.

        Examples
        --------
        >>> s = PairSums.from_rows([("RUS", "KAZ", "security", "role", 2.0, 1)])
        >>> PairSums.from_rows(s.rows()) == s
        True
        """
        counts = self.counts
        return ((*key, total, counts[key]) for key, total in self.totals.items())

    def to_frame(self) -> pandas.DataFrame:
        """The sums as a DataFrame with the columns source, target, domain, layer, weight, count (needs pandas).

        Examples
        --------
        >>> import centralasia as ca
        >>> frame = ca.pair_sums(ca.load()).to_frame()
        >>> list(frame.columns), str(frame["weight"].dtype)
        (['source', 'target', 'domain', 'layer', 'weight', 'count'], 'Float64')
        """
        columns = list(zip(COLUMNS, ("string", "string", "string", "string", "Float64", "Int64"), strict=True))
        return _frames.frame(columns, [(u, v, d.value, layer.value, w, n) for u, v, d, layer, w, n in self.rows()], "PairSums.to_frame")


def _bad(path: str, message: str) -> DataError:
    return DataError([Problem.at(path, message)], "invalid pair sums")


def _checked_row(row: object, path: str) -> tuple[FineKey, float, int]:
    """One row of :meth:`PairSums.from_rows`, each column checked and coerced."""
    if isinstance(row, (str, bytes, Mapping)) or not isinstance(row, Sequence) or len(row) != len(COLUMNS):
        raise _bad(path, f"expected a row of {len(COLUMNS)} columns ({', '.join(COLUMNS)}), not {shown(row)}")
    source, target, domain_, layer_, weight, count = row
    for name, actor in (("source", source), ("target", target)):
        if not isinstance(actor, str) or not actor:
            raise _bad(f"{path}.{name}", f"{name} must be an actor id, not {shown(actor)}")
    if source == target:
        raise _bad(f"{path}.target", f"a relation has two ends: {shown(source)} -> itself")
    domain = lookup(Domain, domain_)
    if domain is None:
        raise _bad(f"{path}.domain", f"unknown Domain {shown(domain_)}; expected one of {', '.join(repr(d.value) for d in Domain)}")
    layer = lookup(Layer, layer_)
    if layer is None:
        raise _bad(f"{path}.layer", f"unknown Layer {shown(layer_)}; expected one of {', '.join(repr(x.value) for x in Layer)}")
    try:
        total = float(weight) if isinstance(weight, numbers.Real) and not isinstance(weight, bool) else math.nan
    except (OverflowError, TypeError, ValueError):  # an int past float's range, a Real whose __float__ fails
        total = math.nan
    if not (math.isfinite(total) and total >= 0):
        raise _bad(f"{path}.weight", f"weight must be a finite number >= 0, not {shown(weight)}")
    if not isinstance(count, numbers.Integral) or isinstance(count, bool) or int(count) < 1:
        raise _bad(f"{path}.count", f"count must be a whole number >= 1, not {shown(count)}")
    return (source, target, domain, layer), total, int(count)


def pair_sums(ds: Dataset, **options: Unpack[QueryOptions]) -> PairSums:
    """The relations of *ds* summed per (source, target, domain, layer), in one pass over the relation stream.

    The totals are those of summing :func:`~centralasia.relations` with the
    same options key by key, in its order. Build both the collapsed network
    and the role summary from one pass::

        s = pair_sums(ds)
        H = weighted_network(ds, sums=s)
        R = role_summary(ds, sums=s)

    Memory grows with the keys, not with the records (``records=`` may be a
    generator). Relations resting on no claim are summed without a row
    being made for each.

    Parameters
    ----------
    ds : Dataset
        The records; with ``records=``, also the index they are checked against.
    **options
        The fields of :class:`~centralasia.Query`, as for :func:`~centralasia.relations`.

    Examples
    --------
    >>> import centralasia as ca
    >>> ds = ca.load()
    >>> s = pair_sums(ds)
    >>> sum(s.counts.values()) == sum(1 for _ in ca.relations(ds))
    True
    >>> ca.weighted_network(ds, sums=s).edges["CHN", "UZB"] == ca.weighted_network(ds).edges["CHN", "UZB"]
    True
    """
    dataset(ds)
    query = Query.of(options)
    if query.scenario is not None:
        query = attrs.evolve(query, scenario=resolve_scenario(ds, query.scenario))
    sums = relation_sums(ds, query)
    one_shot = query.one_shot
    if one_shot:
        query = attrs.evolve(query, records=None)  # spent: keep no reference to it
    return PairSums(query=query, totals=sums.totals, counts=sums.counts, one_shot=one_shot)


def given(sums: object, options: Mapping[str, object], ds: Dataset | None = None) -> PairSums:
    """*sums* checked as the ``sums=`` argument: a :class:`PairSums`, with no query options beside it (they are the sums').

    With *ds*, every source and target must be an id of *ds* (sums of another dataset are refused, not drawn).
    """
    if not isinstance(sums, PairSums):
        raise ArgumentError("sums", f"sums must be PairSums (pair_sums() gives them), not {type(sums).__name__}")
    if len(sums.totals) != len(sums.counts):
        raise ArgumentError("sums", f"sums must have a count for each total, not {len(sums.counts)} counts for {len(sums.totals)} totals")
    if options:
        name = next(iter(options))
        raise ArgumentError(name, f"{shown(name)} cannot be given with sums=: the sums were made under their own query (pass it to pair_sums)")
    if ds is not None:
        foreign(sums, ds, "sums")
    return sums


def foreign(sums: PairSums, ds: Dataset, argument: str) -> None:
    """Refuse *sums* naming a source or target that is no record of *ds* (sums made of another dataset)."""
    ids = ds.ids
    for i, (source, target, *_) in enumerate(sums.totals):
        for end, actor in (("source", source), ("target", target)):
            if actor not in ids:
                raise DataError(
                    [Problem.at(f"$.rows[{i}].{end}", f"{shown(actor)} is no record of the dataset: sums of another dataset?")], f"invalid {argument}"
                )
