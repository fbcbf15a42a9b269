"""The relation stream: records through their rules, streamed records checked, a scenario applied, a domain kept."""

from __future__ import annotations

import itertools
import math
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

import attrs

from centralasia._actors import central_asian_states, expand
from centralasia._rows import Row
from centralasia._rules import Context, Emit, record_rows
from centralasia._tables import dataset
from centralasia._text import shown
from centralasia.errors import ArgumentError, DataError, Problem
from centralasia.model import (
    ActorId,
    Agreement,
    ArmsTransfer,
    Certainty,
    Dataset,
    Direction,
    Domain,
    Event,
    PartialDate,
    Record,
    Role,
    Scenario,
    Statement,
)
from centralasia.query import Query
from centralasia.scenarios import Magnitudes, check_scales, resolve_scenario
from centralasia.weights import Layer

__all__ = ["FineKey", "FineSums", "FineTable", "PlainKey", "ScenarioPlan", "relation_rows", "relation_sums", "share_claims", "streamed"]

#: The record kinds a query streams with ``records=``, those no other record refers to.
STREAMED = (Agreement, ArmsTransfer, Event, Statement, Role)


def streamed(ds: Dataset, records: Iterable[object]) -> Iterator[Record]:
    """*records*, each checked against *ds* as :class:`Dataset` checks its own, when its turn comes.

    Only what one record and *ds* show is checked: that it is an agreement,
    arms transfer, event, statement or role, that its id is not one of *ds*,
    that every id it names is a record of *ds* of the right kind, and that its
    evidence names fields it has. Ids are not compared between streamed
    records: that would keep every id.
    """
    for i, record in enumerate(records):
        path = f"$.records[{i}]"
        if not isinstance(record, STREAMED):
            what = "states, organisations, people and scenarios belong in the dataset"
            raise DataError(
                [Problem.at(path, f"expected an Agreement, ArmsTransfer, Event, Statement or Role ({what}), got {type(record).__name__}")],
                "invalid streamed record",
            )
        # Its own field checks ran when it was made; re-running them per record would triple the cost of a stream.
        problems = ds.problems_with(record, path, recheck=False)
        if problems:
            raise DataError(problems, "invalid streamed record")
        yield record


_Key = tuple[ActorId, Domain, ActorId]


@attrs.frozen
class ScenarioPlan:
    """What a scenario does to the relations, worked out once: the one application of :class:`~centralasia.Magnitudes`.

    For each effect and each state it is over, a decrease rescales the
    ``actor -> state`` relations of its domain (``scaled``), and an increase
    adds an edge measured against the baseline total into the state
    (``added``).
    """

    scenario: Scenario
    #: The factor of each rescaled (actor, domain, target).
    scaled: Mapping[_Key, float]
    #: The (actor, domain, target, magnitude) of each edge the scenario adds.
    added: Sequence[tuple[ActorId, Domain, ActorId, float]]

    @classmethod
    def of(cls, ds: Dataset, scenario: Scenario | str, magnitudes: Magnitudes) -> ScenarioPlan:
        """The plan of *scenario* (an id in *ds* or a scenario object) under *magnitudes*."""
        chosen = resolve_scenario(ds, scenario)
        check_scales(ds, magnitudes, chosen)
        region = central_asian_states(ds)
        scaled: dict[_Key, float] = {}
        added: list[tuple[ActorId, Domain, ActorId, float]] = []
        for effect in chosen.effects:
            m = magnitudes.factor(chosen.id, effect.direction, effect.strength)
            if m == 0.0:
                continue
            over = expand(ds, effect.over) if effect.over else region
            for actor in expand(ds, (effect.actor,)):
                for target in over:
                    if target == actor:
                        continue
                    if effect.direction is Direction.DECREASE:
                        key = (actor, effect.domain, target)
                        scaled[key] = scaled.get(key, 1.0) * (1.0 - m)
                    else:
                        added.append((actor, effect.domain, target, m))
        return cls(chosen, scaled, tuple(added))

    def apply(self, rows: Iterable[Row]) -> Iterator[Row]:
        """The rows as the scenario changes them, one at a time, then the edges it adds.

        A rescaled row is marked with the scenario id; the added edges come
        last, once the baseline totals they are measured against are known.
        """
        scenario = self.scenario.id
        # Keyed by the domains' values, as the rows are matched below.
        factors = {(source, domain._value_, target): f for (source, domain, target), f in self.scaled.items()}
        watched = {(domain._value_, target) for _, domain, target, _ in self.added}
        totals: dict[tuple[str, str], float] = {}
        for row in rows:
            if watched or factors:
                domain = row.domain._value_
                if (domain, row.target) in watched:
                    totals[domain, row.target] = totals.get((domain, row.target), 0.0) + row.weight
                factor = factors.get((row.source, domain, row.target))
                if factor is not None:
                    row = row._replace(weight=row.weight * factor, scenario=scenario)
            yield row
        for actor, domain_, target, m in self.added:
            total = totals.get((domain_._value_, target), 0.0)
            weight = m * total if total > 0 else m
            if not math.isfinite(weight):  # only relations a caller built can weigh this much
                raise ArgumentError("baseline", f"the weights into {shown(target)} in {domain_.value} overflow: they are too large to add up")
            yield Row(actor, target, Layer.SCENARIO, domain_, weight, Certainty.PROJECTED, scenario, None, scenario)


def share_claims(rows: Iterable[Row]) -> Iterator[Row]:
    """One claim, one vote: relations resting on one claim share its weight per source, target and domain.

    The rows of records that cite no claim pass straight through. The rows of
    records that do are held back until the stream ends (they come from the
    article's own records, a handful), then each claim's share is settled:

    * a row resting on *k* claims gives each of them ``weight / k``;
    * a claim's unit for a ``(source, target, domain)`` is the heaviest
      single row resting on it there: what one record reading the statement
      would give;
    * where the parts a claim receives add up to more than its unit, they are
      scaled down to it, each in proportion to its weight.

    So a statement read once keeps its weight, and a statement encoded as an
    agreement, a membership and a role weighs what its heaviest reading
    weighs, however many records rest on it.
    """
    held: list[Row] = []
    for row in rows:
        if row.claims:
            held.append(row)
        else:
            yield row
    if not held:
        return
    _Key = tuple[str, ActorId, ActorId, Domain]
    parts: dict[_Key, float] = {}
    units: dict[_Key, float] = {}
    for row in held:
        part = row.weight / len(row.claims)
        for claim in row.claims:
            key = (claim, row.source, row.target, row.domain)
            parts[key] = parts.get(key, 0.0) + part
            units[key] = max(units.get(key, 0.0), row.weight)
    for row in held:
        part = row.weight / len(row.claims)
        weight = 0.0
        for claim in row.claims:
            key = (claim, row.source, row.target, row.domain)
            total, unit = parts[key], units[key]
            weight += part if total <= unit else part * (unit / total)
        yield row if weight == row.weight else row._replace(weight=weight)


def relation_rows(ds: Dataset, query: Query) -> Iterator[Row]:
    """The relations of *ds* (and of the query's streamed records) as rows: what every aggregation reads.

    The scenario is resolved here, at the call, and the tables' keys checked
    against *ds*; the records are then read one at a time.
    """
    source = _records(ds, query)
    stream = record_rows(source, Context(ds, query.weights, query.as_of, query.include_undated))
    if query.share_claims and ds.claims:  # only records of a dataset with claims can cite one
        stream = share_claims(stream)
    if query.scenario is not None:
        stream = ScenarioPlan.of(ds, query.scenario, query.magnitudes).apply(stream)
    wanted = query.domain
    if wanted is not None:
        return (row for row in stream if row.domain is wanted)
    return stream


def _records(ds: Dataset, query: Query) -> Iterable[Record]:
    """The records *query* reads from *ds* (and its streamed ones), once *ds* and the query's tables are checked against each other."""
    dataset(ds)
    if query.scenario is None:
        check_scales(ds, query.magnitudes, None)
    unknown = [key for key in query.weights.record_domains if key not in ds.ids]
    if unknown and query.records is None:
        raise _no_record(unknown)
    # The dataset's records in its own order (collection by collection), chained in C rather than through its generator.
    own: Iterable[Record] = itertools.chain.from_iterable(getattr(ds, name) for name in ds.COLLECTIONS)
    source = own if query.records is None else itertools.chain(own, streamed(ds, query.records))
    if unknown:
        source = _naming(source, unknown)
    return source


def _no_record(keys: Iterable[str]) -> ArgumentError:
    return ArgumentError("weights.record_domains", f"weights.record_domains names no record of the dataset: {shown(next(iter(keys)))}")


def _naming(records: Iterable[Record], keys: Iterable[str]) -> Iterator[Record]:
    """*records*, passed on; at their end, the ``record_domains`` keys none of them had as id are refused (streamed ids are known only then)."""
    missing = dict.fromkeys(keys)
    for record in records:
        if missing:
            missing.pop(record.id, None)  # a record: the stream checked each before it comes here
        yield record
    if missing:
        raise _no_record(missing)


#: A fine key, (source, target, domain, layer).
FineKey = tuple[ActorId, ActorId, Domain, Layer]
#: A fine key as the one pass keeps it, the domain and layer by value (a tuple of strings, which the garbage collector stops tracking).
PlainKey = tuple[str, str, str, str]

_DOMAINS = {d.value: d for d in Domain}
_LAYERS = {layer.value: layer for layer in Layer}
_V = TypeVar("_V", float, int)


class FineSums:
    """Weights summed per (source, target, domain, layer) as relations come, in first-seen order: the one pass's accumulator.

    :meth:`add` takes one row; :meth:`emitter` gives the rules' ``emit``,
    which takes a record's sources and targets straight from a rule (as
    :meth:`Context.pairs <centralasia._rules.Context.pairs>` would make rows
    of them) and adds them without making a row, but holds back the rows of
    records resting on claims when *sharing* (they are settled together at
    the end, as :func:`share_claims` does). Each key (its domain and layer by
    value) has an index into two flat lists, its total and its count: one
    dict lookup per relation, and nothing per key that the garbage collector
    keeps walking (a full collection over a large dataset costs more than the pass).
    """

    __slots__ = ("held", "index", "sharing", "sums", "tallies", "wanted")

    def __init__(self, wanted: Domain | None, sharing: bool) -> None:
        self.index: dict[PlainKey, int] = {}
        self.sums: list[float] = []
        self.tallies: list[int] = []
        #: Rows resting on claims, held back until the stream ends.
        self.held: list[Row] = []
        self.wanted = wanted
        self.sharing = sharing

    def add(self, row: Row) -> None:
        """Add one row (held back when it rests on claims and claims are shared; left out when of another domain)."""
        if self.wanted is not None and row.domain is not self.wanted:
            return
        if self.sharing and row.claims:
            self.held.append(row)
            return
        key = (row.source, row.target, row.domain._value_, row.layer._value_)
        i = self.index.get(key)
        if i is None:
            self.index[key] = len(self.sums)
            self.sums.append(0.0 + row.weight)
            self.tallies.append(1)
        else:
            self.sums[i] += row.weight
            self.tallies[i] += 1

    @property
    def totals(self) -> FineTable[float]:
        """Each key's summed weight, in first-seen order."""
        return FineTable(self.index, self.sums)

    @property
    def counts(self) -> FineTable[int]:
        """How many relations made each key's sum."""
        return FineTable(self.index, self.tallies)

    def emitter(self) -> Emit:
        """The rules' ``emit``: each source -> each target other than itself, summed; no rows made (held ones aside)."""
        index, sums, tallies, held, wanted, sharing = self.index, self.sums, self.tallies, self.held, self.wanted, self.sharing
        get, append, tally = index.get, sums.append, tallies.append

        def emit(
            sources: Sequence[str],
            targets: Sequence[str],
            layer: Layer,
            domain: Domain,
            weight: float,
            record: Agreement | ArmsTransfer | Event | Statement | Role,
            date: PartialDate | None,
        ) -> Sequence[Row]:
            if wanted is not None and domain is not wanted:
                return ()
            if sharing:
                evidence = record.evidence
                if not (len(evidence) == 1 and evidence[0].claim is None) and any(e.claim is not None for e in evidence):
                    held.extend(Context.pairs(sources, targets, layer, domain, weight, record, date))
                    return ()
            weight = 0.0 + weight
            d, lv = domain._value_, layer._value_
            for u in sources:
                for v in targets:
                    if u != v:
                        key = (u, v, d, lv)
                        i = get(key)
                        if i is None:
                            index[key] = len(sums)
                            append(weight)
                            tally(1)
                        else:
                            sums[i] += weight
                            tallies[i] += 1
            return ()

        return emit


class FineTable(Mapping[FineKey, _V]):
    """A read-only, hashable view of the one pass's totals or counts, keyed by (source, target, Domain, Layer), in first-seen order.

    It keeps the pass's plain keys and list of values and makes each key
    with its enums when asked: so the sums stay out of the garbage
    collector's sight. :meth:`plain` gives the plain keys with their values,
    for those that read them all.
    """

    __slots__ = ("_hash", "_index", "_values")

    _index: Mapping[PlainKey, int]
    _values: Sequence[_V]
    _hash: int | None

    def __init__(self, index: Mapping[PlainKey, int], values: Sequence[_V]) -> None:
        self._index = index
        self._values = values
        self._hash = None

    def __getitem__(self, key: FineKey) -> _V:
        try:
            u, v, domain, layer = key
            if type(domain) is Domain and type(layer) is Layer:
                value: _V = self._values[self._index[u, v, domain.value, layer.value]]
                return value
        except (KeyError, TypeError, ValueError):  # no such key, no key of four, or one that cannot be hashed
            pass
        raise KeyError(key)

    def __iter__(self) -> Iterator[FineKey]:
        domains, layers = _DOMAINS, _LAYERS
        return ((u, v, domains[d], layers[lv]) for u, v, d, lv in self._index)

    def __len__(self) -> int:
        return len(self._index)

    def plain(self) -> Iterator[tuple[PlainKey, _V]]:
        """The ``((source, target, domain value, layer value), value)`` items, in first-seen order."""
        values = self._values
        return ((key, values[i]) for key, i in self._index.items())

    def indexed(self) -> tuple[Mapping[PlainKey, int], Sequence[_V]]:
        """The plain keys with each one's index into the values, and the values: for those that read every entry."""
        return self._index, self._values

    def same_keys(self, other: FineTable[float] | FineTable[int]) -> bool:
        """Whether *other* holds the same pass's keys (its totals and its counts do)."""
        return other._index is self._index

    def items(self) -> ItemsView[FineKey, _V]:
        return _FineItems(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FineTable) and other._index is self._index and other._values is self._values:
            return True
        if isinstance(other, Mapping):
            return len(other) == len(self) and dict(self.items()) == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self.plain()))
        return self._hash

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self.items())!r})"


class _FineItems(ItemsView[FineKey, _V]):
    """A :class:`FineTable`'s items, each key made once (not made, then looked up again)."""

    _mapping: FineTable[_V]

    def __iter__(self) -> Iterator[tuple[FineKey, _V]]:
        domains, layers = _DOMAINS, _LAYERS
        return (((u, v, domains[d], layers[lv]), value) for (u, v, d, lv), value in self._mapping.plain())


def relation_sums(ds: Dataset, query: Query) -> FineSums:
    """The relations :func:`relation_rows` gives, summed per (source, target, domain, layer) in one pass, in first-seen order.

    The totals and counts are those of summing :func:`relation_rows` in its
    order, key by key; but without a scenario no row is made for a relation
    that rests on no claim: the rules hand their sources and targets
    straight to the sums. A scenario (whose increases are measured against
    the baseline totals, after the stream) takes the rows' route.
    """
    sharing = query.share_claims and bool(ds.claims)
    if query.scenario is not None:
        sums = FineSums(None, sharing=False)
        add = sums.add
        for row in relation_rows(ds, query):
            add(row)
        return sums
    sums = FineSums(query.domain, sharing)
    source = _records(ds, query)  # checked before the context is made, as relation_rows does
    ctx = Context(ds, query.weights, query.as_of, query.include_undated, sums.emitter())
    add = sums.add
    for row in record_rows(source, ctx):  # the rows the rules still make (memberships)
        add(row)
    if sums.held:
        held, sums.held, sums.sharing = sums.held, [], False
        for row in share_claims(held):
            add(row)
    return sums
