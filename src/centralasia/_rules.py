"""The relation rules: one rule per record kind, found by type, sharing one prelude.

A rule turns one record into the relations it gives, as :class:`~centralasia._rows.Row` s.
To add a record kind: write a factory ``_<kind>(ctx)`` here that returns the rule for one
record, using :meth:`Context.weigh` (the date cut, the layer and certainty weights and
the background factor) and :meth:`Context.pairs` (the rows of each source and target),
and add it to :data:`RULES`. To add a weight factor: add it to :class:`~centralasia.Weights` and apply it
in :meth:`Context.weigh` (all kinds) or in the one rule it concerns.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from centralasia._actors import expand, is_grouping
from centralasia._rows import Row, within
from centralasia.model import (
    ARTICLE_TIME,
    Agreement,
    AgreementKind,
    ArmsTransfer,
    Certainty,
    Dataset,
    Domain,
    Event,
    EventKind,
    Evidence,
    EvidenceKind,
    Organization,
    PartialDate,
    Record,
    Role,
    Statement,
)
from centralasia.weights import Layer, Weights

__all__ = ["RULES", "Context", "Emit", "record_rows", "record_rule_rows"]

AGREEMENT_LAYERS = MappingProxyType(
    {
        AgreementKind.BILATERAL_AGREEMENT: Layer.AGREEMENT,
        AgreementKind.MULTILATERAL_MECHANISM: Layer.MECHANISM,
        AgreementKind.TACIT_UNDERSTANDING: Layer.UNDERSTANDING,
    }
)
EVENT_LAYERS = MappingProxyType({kind: Layer(kind.value) for kind in EventKind})

_BACKGROUND = EvidenceKind.BACKGROUND
# A tuple subclass's own constructor costs several times tuple.__new__; rows are made on the hot path.
_new_row = tuple.__new__


def claims_of(evidence: Sequence[Evidence]) -> tuple[str, ...]:
    """The distinct claims *evidence* rests on, in order."""
    if len(evidence) == 1:
        claim = evidence[0].claim
        return () if claim is None else (claim,)
    return tuple(dict.fromkeys(e.claim for e in evidence if e.claim is not None))


def background_only(evidence: Sequence[Evidence]) -> bool:
    """Whether only background evidence supports a record (none at all: no)."""
    if not evidence:
        return False
    for e in evidence:
        if e.kind is not _BACKGROUND:
            return False
    return True


#: What a rule hands a record's relations to, ``(sources, targets, layer, domain, weight, record, date)``.
#: :meth:`Context.pairs` makes rows of them; a summing route adds them up and returns no rows.
Emit = Callable[
    [Sequence[str], Sequence[str], Layer, Domain, float, "Agreement | ArmsTransfer | Event | Statement | Role", "PartialDate | None"],
    Sequence[Row],
]


class Context:
    """What turning records into relations needs to know about the whole dataset, the weights and the date cut."""

    def __init__(self, ds: Dataset, weights: Weights, cut: PartialDate | None, include_undated: bool, emit: Emit | None = None) -> None:
        self.ds = ds
        #: What the rules hand each record's sources and targets to, :meth:`pairs` (rows) unless a summing route gives its own.
        self.emit: Emit = Context.pairs if emit is None else emit
        self.weights = weights
        self.cut = cut
        self.latest = None if cut is None else cut.latest
        self.include_undated = include_undated
        # Undated records count from the article's own time, not from the beginning of time.
        self.undated_out = not include_undated or (self.latest is not None and ARTICLE_TIME.earliest > self.latest)
        self.background = weights.background
        self.repeated = weights.repeated
        # A plain dict: looked up once per record.
        self.record_domains = dict(weights.record_domains)
        # Keyed by the certainty's value, as the rules look it up.
        certainty = {c._value_: f for c, f in weights.certainty.items()}
        self.base = {layer: {c: weights.layers[layer] * f for c, f in certainty.items()} for layer in weights.layers}
        # Keyed by single ids, so that it grows with the actors and not with the records streamed.
        self.expanded: dict[str, tuple[str, ...]] = {}
        self.groupings = frozenset(o.id for o in ds.organizations if is_grouping(o))
        self.states = frozenset(state.id for state in ds.states)
        # Statements made at an event tell its domain (when they agree).
        occasion: dict[str, set[Domain]] = {}
        for st in ds.statements:
            if st.occasion is not None:
                occasion.setdefault(st.occasion, set()).add(st.domain)
        self.event_domains = {k: next(iter(v)) for k, v in occasion.items() if len(v) == 1}
        self.event_dates = {ev.id: ev.date for ev in ds.events if ev.date is not None}
        self.established: dict[str, Domain] = {}
        for agreement in ds.agreements:
            if agreement.establishes is not None:
                self.established.setdefault(agreement.establishes, weights.record_domains.get(agreement.id, agreement.domain))

    # -- the prelude every rule shares ----------------------------------------

    def weigh(
        self, record: Agreement | ArmsTransfer | Event | Statement | Role, date: PartialDate | None, layer: Layer, factor: float | None = None
    ) -> float | None:
        """The weight of each of *record*'s relations, or ``None`` when its *date* falls after the cut.

        ``layers[layer] * certainty[certainty]``, times *factor* where the
        rule has one, times ``background`` when only background evidence
        supports the record: the product :class:`~centralasia.Weights` documents.
        """
        if date is None:
            if self.undated_out:
                return None
        elif self.latest is not None and date.earliest > self.latest:
            return None
        weight: float = self.base[layer][record.certainty._value_]
        if factor is not None:
            weight = weight * factor
        evidence = record.evidence
        if evidence and evidence[0].kind is _BACKGROUND and background_only(evidence):
            weight *= self.background
        return weight

    def weigher(self) -> Callable[[Agreement | ArmsTransfer | Event | Statement | Role, PartialDate | None, Layer], float | None]:
        """:meth:`weigh` without a factor, as a function of local names: what the rules call once per record."""
        undated_out, latest, base, background = self.undated_out, self.latest, self.base, self.background
        # Each distinct date compared with the cut once (a date's earliest day is worked out anew each time it is asked).
        after: dict[tuple[int, int | None, int | None], bool] = {}

        def weigh(record: Agreement | ArmsTransfer | Event | Statement | Role, date: PartialDate | None, layer: Layer) -> float | None:
            if date is None:
                if undated_out:
                    return None
            elif latest is not None:
                parts = (date.year, date.month, date.day)  # a tuple of ints hashes in C, a date in Python
                late = after.get(parts)
                if late is None:
                    late = after[parts] = date.earliest > latest
                if late:
                    return None
            weight: float = base[layer][record.certainty._value_]
            evidence = record.evidence
            if evidence and evidence[0].kind is _BACKGROUND and background_only(evidence):
                weight *= background
            return weight

        return weigh

    def expander(self) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
        """:meth:`actors` as a function of local names: what the rules call once or twice per record."""
        cached, actor, groupings, fromkeys = self.expanded.get, self.actor, self.groupings, dict.fromkeys

        def actors(ids: tuple[str, ...]) -> tuple[str, ...]:
            if len(ids) == 1:
                return cached(ids[0]) or actor(ids[0])
            if groupings.isdisjoint(ids):
                return tuple(fromkeys(ids))
            return tuple(fromkeys(a for i in ids for a in actor(i)))

        return actors

    def actor(self, id: str) -> tuple[str, ...]:
        """``_actors.expand`` of one id, from a cache."""
        cached = self.expanded.get(id)
        if cached is None:
            cached = self.expanded[id] = expand(self.ds, (id,))
        return cached

    def actors(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """``_actors.expand`` of *ids*, from a cache of each id's expansion."""
        if len(ids) == 1:
            # The hot path: one id, already expanded.
            return self.expanded.get(ids[0]) or self.actor(ids[0])
        if self.groupings.isdisjoint(ids):
            # No grouping among them: each id stands for itself (the dataset checked they are actors).
            return tuple(dict.fromkeys(ids))
        return tuple(dict.fromkeys(actor for i in ids for actor in self.actor(i)))

    @staticmethod
    def pairs(
        sources: Sequence[str],
        targets: Sequence[str],
        layer: Layer,
        domain: Domain,
        weight: float,
        record: Agreement | ArmsTransfer | Event | Statement | Role,
        date: PartialDate | None,
    ) -> list[Row]:
        """A row of *record* for each source and each target other than itself, sources first."""
        evidence = record.evidence
        # One piece of evidence without a claim is the common case: no call for it.
        claims = () if len(evidence) == 1 and evidence[0].claim is None else claims_of(evidence)
        rid, certainty = record.id, record.certainty
        if len(sources) == 1 and len(targets) == 1:  # the common case, without a comprehension
            u, v = sources[0], targets[0]
            return [] if u == v else [_new_row(Row, (u, v, layer, domain, weight, certainty, rid, date, None, claims))]
        return [_new_row(Row, (u, v, layer, domain, weight, certainty, rid, date, None, claims)) for u in sources for v in targets if u != v]


# -- one rule per record kind ----------------------------------------------------
#
# Each entry of RULES is a factory: given the context, it binds what its rule needs
# (the prelude, the row maker, the caches) once, and returns the rule for one record.
# The rule then reads local names, not the context's attributes: it runs once per
# record, millions of times on large data.

_Rule = Callable[[Any], Sequence[Row]]


def _arms_transfer(ctx: Context) -> _Rule:
    """Supplier -> recipient."""
    weigh, pairs, domain_of, cached, actor = ctx.weigher(), ctx.emit, ctx.record_domains.get, ctx.expanded.get, ctx.actor
    layer, security = Layer.ARMS_TRANSFER, Domain.SECURITY
    # A transfer's date is its year: one PartialDate per year, not one per record.
    years: dict[int, PartialDate] = {}

    def rule(t: ArmsTransfer) -> Sequence[Row]:
        year = t.year
        date = None if year is None else (years.get(year) or years.setdefault(year, PartialDate(year)))
        weight = weigh(t, date, layer)
        if weight is None:
            return ()
        sources = cached(t.supplier) or actor(t.supplier)
        targets = cached(t.recipient) or actor(t.recipient)
        return pairs(sources, targets, layer, domain_of(t.id, security), weight, t, date)

    return rule


def _agreement(ctx: Context) -> _Rule:
    """Each party -> each other party."""
    weigh, pairs, domain_of, actors = ctx.weigher(), ctx.emit, ctx.record_domains.get, ctx.expander()

    def rule(a: Agreement) -> Sequence[Row]:
        layer = AGREEMENT_LAYERS[a.kind]
        weight = weigh(a, a.date, layer)
        if weight is None:
            return ()
        parties = actors(a.parties)
        return pairs(parties, parties, layer, domain_of(a.id, a.domain), weight, a, a.date)

    return rule


#: Gatherings whose host is only the venue; attending a summit India hosts gives no influence over India.
VENUE_EVENTS = frozenset({EventKind.SUMMIT, EventKind.MEETING})


def _event(ctx: Context) -> _Rule:
    """Actors -> targets and host (but the host of a summit or meeting, a venue); among several actors, each -> each other."""
    weigh, pairs, actors = ctx.weigher(), ctx.emit, ctx.expander()
    record_domains, said_at = ctx.record_domains, ctx.event_domains
    # The layer and default domain of each kind, looked up once.
    kinds = {kind: (layer, ctx.weights.event_domains[kind]) for kind, layer in EVENT_LAYERS.items()}

    def rule(e: Event) -> Sequence[Row]:
        kind, date = e.kind, e.date
        layer, by_kind = kinds[kind]
        weight = weigh(e, date, layer)
        if weight is None:
            return ()
        rid = e.id
        domain = (record_domains.get(rid) if record_domains else None) or said_at.get(rid) or by_kind
        sources = actors(e.actors)
        host, targets = e.host, e.targets
        sinks = actors(targets if host is None or kind in VENUE_EVENTS else (*targets, host)) if targets or host is not None else ()
        rows = pairs(sources, sinks, layer, domain, weight, e, date) if sinks else ()
        if len(sources) > 1:
            among = pairs(sources, [v for v in sources if v not in sinks], layer, domain, weight, e, date)
            if among:
                rows = [*rows, *among]
        return rows

    return rule


def _statement(ctx: Context) -> _Rule:
    """Those on whose behalf it was made (else the speakers' states) -> the states it is about; dated by its occasion."""
    weigh, pairs, domain_of, actors = ctx.weigher(), ctx.emit, ctx.record_domains.get, ctx.expander()
    event_dates, states, repeated, ds = ctx.event_dates, ctx.states, ctx.repeated, ctx.ds
    layer = Layer.STATEMENT
    # Each speaker's state, looked up once (the people are the dataset's, whatever is streamed).
    state_of: dict[str, tuple[str, ...]] = {}

    def rule(s: Statement) -> Sequence[Row]:
        occasion = s.occasion
        date = s.date if s.date is not None or occasion is None else event_dates.get(occasion)
        weight = weigh(s, date, layer)
        if weight is None:
            return ()
        if s.repeated:
            weight *= repeated
        ids = s.on_behalf_of
        if not ids:
            speakers = s.speakers
            if len(speakers) == 1:
                ids = state_of.get(speakers[0]) or state_of.setdefault(speakers[0], _state_of(ds, speakers[0]))
            else:
                ids = tuple(state for person in speakers for state in _state_of(ds, person))
        sources = actors(ids)
        # Speaking of a group (ISIS, a mechanism) gives no sway over it: only the states spoken of are targets.
        about = actors(s.about)
        targets = about if len(about) == 1 and about[0] in states else [t for t in about if t in states]
        return pairs(sources, targets, layer, domain_of(s.id, s.domain), weight, s, date)

    return rule


def _state_of(ds: Dataset, person: str) -> tuple[str, ...]:
    state = getattr(ds.get(person), "state", None)
    return () if state is None else (state,)


def _role(ctx: Context) -> _Rule:
    """The actor -> those the role is over, weighted by the role kind too."""
    weigh, pairs, domain_of, cached, actor, actors = ctx.weigh, ctx.emit, ctx.record_domains.get, ctx.expanded.get, ctx.actor, ctx.expander()
    factors, layer = ctx.weights.roles, Layer.ROLE

    def rule(r: Role) -> Sequence[Row]:
        weight = weigh(r, r.since, layer, factors[r.role])
        if weight is None:
            return ()
        sources = cached(r.actor) or actor(r.actor)
        return pairs(sources, actors(r.over), layer, domain_of(r.id, r.domain), weight, r, r.since)

    return rule


@attrs.frozen
class _Standing:
    """One member's standing in an organisation, merged over its memberships."""

    status: float
    certainty: Certainty
    background: bool
    date: PartialDate | None
    claims: tuple[str, ...]


def _pick(a: PartialDate | None, b: PartialDate | None, choose: Callable[[PartialDate, PartialDate], PartialDate]) -> PartialDate | None:
    """*choose* of two dates where both are known, else the known one."""
    if a is None:
        return b
    return a if b is None else choose(a, b)


def _organization(ctx: Context) -> _Rule:
    """The rule of organisations: see :func:`_organization_rows`."""
    return functools.partial(_organization_rows, ctx=ctx)


def _organization_rows(org: Organization, ctx: Context) -> Sequence[Row]:
    """Member -> organisation, and each member -> each other member (co-membership).

    A member listed more than once (joined, left, joined again) gets one
    edge: its earliest known date and its strongest standing. Each edge is
    dated by its member(s), so the date cut applies per edge.
    """
    w = ctx.weights
    if is_grouping(org):
        return ()  # groupings are not nodes: relations naming them reach their members instead
    domain = w.record_domains.get(org.id) or ctx.established.get(org.id) or w.organization_domains[org.kind]
    if domain is None:
        return ()

    def strength(s: _Standing) -> float:
        return s.status * w.certainty[s.certainty] * (w.background if s.background else 1.0)

    standing: dict[str, _Standing] = {}
    for m in org.members:
        here = _Standing(w.statuses[m.status], m.certainty, background_only(m.evidence), m.since or org.founded, claims_of(m.evidence))
        for actor in ctx.actor(m.member):
            if actor == org.id:
                continue
            old = standing.get(actor)
            if old is None:
                standing[actor] = here
                continue
            best = here if strength(here) > strength(old) else old
            standing[actor] = attrs.evolve(best, date=_pick(old.date, here.date, min), claims=tuple(dict.fromkeys(old.claims + here.claims)))
    rows: list[Row] = []
    base = w.layers[Layer.MEMBERSHIP]
    for actor, st in standing.items():
        rows.append(Row(actor, org.id, Layer.MEMBERSHIP, domain, base * strength(st), st.certainty, org.id, st.date, None, st.claims))
    base = w.layers[Layer.CO_MEMBERSHIP]
    for u, su in standing.items():
        for v, sv in standing.items():
            if u == v:
                continue
            certainty = min(su.certainty, sv.certainty, key=lambda c: w.certainty[c])
            background = w.background if su.background or sv.background else 1.0
            weight = base * min(su.status, sv.status) * w.certainty[certainty] * background
            rows.append(
                Row(
                    u,
                    v,
                    Layer.CO_MEMBERSHIP,
                    domain,
                    weight,
                    certainty,
                    org.id,
                    _pick(su.date, sv.date, max),
                    None,
                    tuple(dict.fromkeys(su.claims + sv.claims)),
                )
            )
    return [row for row in rows if within(row.date, ctx.cut, ctx.include_undated)]


#: The rule factory of each record kind; kinds without one (states, people, scenarios, claims) give no relations.
RULES: MappingProxyType[type, Callable[[Context], _Rule]] = MappingProxyType(
    {
        ArmsTransfer: _arms_transfer,
        Agreement: _agreement,
        Event: _event,
        Statement: _statement,
        Role: _role,
        Organization: _organization,
    }
)


_MISSING: Any = object()


def _factory_of(kind: type) -> Callable[[Context], _Rule] | None:
    """The rule factory of *kind* or of the record kind it subclasses."""
    return next((RULES[base] for base in kind.__mro__ if base in RULES), None)


def record_rows(records: Iterable[Record], ctx: Context) -> Iterator[Row]:
    """The relations *records* give, one record at a time, those dated after the cut left out."""
    for rows in record_rule_rows(records, ctx):
        yield from rows


def record_rule_rows(records: Iterable[Record], ctx: Context) -> Iterator[Sequence[Row]]:
    """The rows of each of *records* that makes any, a sequence per record: for a summing ``emit``, which takes most relations without rows."""
    rules: dict[type, _Rule | None] = {kind: make(ctx) for kind, make in RULES.items()}
    rule_of = rules.get
    for record in records:
        rule = rule_of(type(record), _MISSING)
        if rule is _MISSING:
            make = _factory_of(type(record))
            rule = rules[type(record)] = None if make is None else make(ctx)
        if rule is not None:
            rows = rule(record)
            if rows:
                yield rows
