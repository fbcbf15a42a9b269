"""Influence networks: who gains influence over whom, in which domain, from which record.

Direction convention
--------------------
Every edge ``u -> v`` means **u gains influence over v**: the supplier of
arms over the recipient, the visitor over the host, the actor of a role over
the actors the role is over. Records between equals (the parties of an
agreement, the co-members of an organisation, the actors of a joint
exercise) give an edge each way. The same convention holds in every helper
of this module, in :mod:`centralasia.roles` and in :mod:`centralasia.scenarios`.

The weight of an edge comes from :class:`Weights`, a typed table that
:data:`DEFAULT_WEIGHTS` fills with documented defaults; ``docs/methodology.md``
gives the reason for each number.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import networkx as nx  # type: ignore[import-untyped, unused-ignore]

from centralasia.errors import ArgumentError, DataError, FieldError, Problem, UnknownIdError
from centralasia.model import (
    ActorId,
    Agreement,
    AgreementKind,
    ArmsTransfer,
    Certainty,
    Dataset,
    DateLike,
    Domain,
    Event,
    EventKind,
    Evidence,
    EvidenceKind,
    MembershipStatus,
    Organization,
    OrganizationKind,
    PartialDate,
    Record,
    Region,
    Role,
    RoleKind,
    Scenario,
    State,
    Statement,
)

if TYPE_CHECKING:
    from centralasia.scenarios import Magnitudes

__all__ = [
    "CENTRAL_ASIA_GROUPING",
    "DEFAULT_WEIGHTS",
    "DIRECTION",
    "Layer",
    "Measure",
    "Relation",
    "Weights",
    "central_asian_states",
    "coerce_domain",
    "collapse",
    "expand",
    "influence_network",
    "influence_scores",
    "relations",
    "weighted_network",
]

#: The direction convention, also stored as ``G.graph["direction"]``.
DIRECTION = "u->v: u gains influence over v"

#: The measures :func:`influence_scores` computes.
Measure = Literal["strength", "in_strength", "pagerank", "betweenness", "eigenvector"]

_E = TypeVar("_E", bound=enum.Enum)
_G = TypeVar("_G", bound=nx.Graph)
_K = TypeVar("_K")
_V = TypeVar("_V")


class Layer(enum.Enum):
    """The kind of relation an edge stands for: its layer in the multiplex network.

    Event layers share their values with :class:`~centralasia.EventKind`.
    """

    #: A supply of weapons (supplier -> recipient).
    ARMS_TRANSFER = "arms-transfer"
    #: A bilateral agreement (each party -> each other party).
    AGREEMENT = "agreement"
    #: An agreement setting up a multilateral mechanism (each party -> each other).
    MECHANISM = "mechanism"
    #: A tacit understanding the article reads into the parties' conduct.
    UNDERSTANDING = "understanding"
    #: Membership of an organisation (member -> organisation).
    MEMBERSHIP = "membership"
    #: Shared membership of an organisation (each member -> each other member).
    CO_MEMBERSHIP = "co-membership"
    ATTACK = "attack"
    #: A visit (visitors -> host).
    VISIT = "visit"
    MEETING = "meeting"
    SUMMIT = "summit"
    EXERCISE = "exercise"
    TRANSITION = "transition"
    TALKS = "talks"
    ANNOUNCEMENT = "announcement"
    MILITANT_ACTIVITY = "militant-activity"
    #: A statement (those on whose behalf it was made -> those it is about).
    STATEMENT = "statement"
    #: A role claim (the actor -> those the role is over).
    ROLE = "role"
    #: An edge a scenario adds (weighted by :class:`~centralasia.scenarios.Magnitudes`).
    SCENARIO = "scenario"


_AGREEMENT_LAYERS = {
    AgreementKind.BILATERAL_AGREEMENT: Layer.AGREEMENT,
    AgreementKind.MULTILATERAL_MECHANISM: Layer.MECHANISM,
    AgreementKind.TACIT_UNDERSTANDING: Layer.UNDERSTANDING,
}
_EVENT_LAYERS = {kind: Layer(kind.value) for kind in EventKind}


# --------------------------------------------------------------------------
# The weights table
# --------------------------------------------------------------------------


class _Table(dict[_K, _V]):
    """A read-only, hashable dict (so that :class:`Weights` stays hashable and lookups stay fast)."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError(f"{type(self).__name__} is read-only; make a new table instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[type[_Table[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (dict(self),))

    def __repr__(self) -> str:
        def plain(value: object) -> object:
            return value.value if isinstance(value, enum.Enum) else value

        return repr({plain(k): plain(v) for k, v in self.items()})


def _member(kind: type[_E], value: _E | str, field: str, allowed: Iterable[_E] | None = None) -> _E:
    """*value* as a member of the enum *kind* (among *allowed*), or a :class:`FieldError` naming the choices."""
    members = tuple(kind) if allowed is None else tuple(allowed)
    try:
        member = value if isinstance(value, kind) else kind(value)
    except ValueError:
        member = None
    if member is None or member not in members:
        choices = ", ".join(repr(m.value) for m in members)
        raise FieldError(field, f"unknown {kind.__name__} {value!r:.40}; expected one of {choices}", "Weights")
    return member


def coerce_domain(value: Domain | str, field: str = "domain") -> Domain:
    """A :class:`~centralasia.Domain` from itself or its string value.

    Raises :class:`~centralasia.FieldError` (a :class:`ValueError`) for
    anything else, naming the valid values.

    Examples
    --------
    >>> coerce_domain("security")
    <Domain.SECURITY: 'security'>
    >>> coerce_domain("military")
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - unknown domain 'military'; expected one of 'security', 'economic', 'diplomatic' @ $.domain
    """
    if isinstance(value, Domain):
        return value
    try:
        return Domain(value)
    except ValueError:
        choices = ", ".join(repr(d.value) for d in Domain)
        raise ArgumentError(field, f"unknown domain {value!r:.40}; expected one of {choices}") from None


def _number(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(field, f"{field} must be a number, not {type(value).__name__}", "Weights")
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise FieldError(field, f"{field} must be a finite number >= 0, not {value!r}", "Weights")
    return number


def _factors(kind: type[_E], defaults: Mapping[_E, float], field: str, value: Mapping[_E | str, float] | Mapping[_E, float] | Mapping[str, float]) -> Mapping[_E, float]:
    _mapping(value, field)
    merged = dict(defaults)
    for key, number in value.items():
        member = _member(kind, key, field, defaults)
        merged[member] = _number(number, f"{field}[{member.value!r}]")
    return _Table(merged)


#: Layer weights: how much one relation of each kind is worth (see docs/methodology.md).
_LAYERS: dict[Layer, float] = {
    Layer.ARMS_TRANSFER: 3.0,
    Layer.AGREEMENT: 2.0,
    Layer.MECHANISM: 1.5,
    Layer.UNDERSTANDING: 1.0,
    Layer.MEMBERSHIP: 0.5,
    Layer.CO_MEMBERSHIP: 0.5,
    Layer.ATTACK: 0.0,
    Layer.VISIT: 1.0,
    Layer.MEETING: 0.5,
    Layer.SUMMIT: 0.5,
    Layer.EXERCISE: 1.5,
    Layer.TRANSITION: 0.0,
    Layer.TALKS: 0.5,
    Layer.ANNOUNCEMENT: 1.0,
    Layer.MILITANT_ACTIVITY: 0.0,
    Layer.STATEMENT: 0.5,
    Layer.ROLE: 2.0,
}
_CERTAINTY: dict[Certainty, float] = {
    Certainty.STATED: 1.0,
    Certainty.ASSESSED: 0.75,
    Certainty.REPORTED: 0.5,
    Certainty.PROJECTED: 0.25,
}
_ROLES: dict[RoleKind, float] = {kind: 1.0 for kind in RoleKind} | {RoleKind.SECURITY_THREAT: 0.0}
_STATUSES: dict[MembershipStatus, float] = {
    MembershipStatus.MEMBER: 1.0,
    MembershipStatus.FOUNDING_MEMBER: 1.0,
    MembershipStatus.PARTICIPANT: 1.0,
    MembershipStatus.OBSERVER: 0.5,
    MembershipStatus.DIALOGUE_PARTNER: 0.5,
}
_EVENT_DOMAINS: dict[EventKind, Domain] = {
    EventKind.ATTACK: Domain.SECURITY,
    EventKind.VISIT: Domain.SECURITY,
    EventKind.MEETING: Domain.SECURITY,
    EventKind.SUMMIT: Domain.DIPLOMATIC,
    EventKind.EXERCISE: Domain.SECURITY,
    EventKind.TRANSITION: Domain.SECURITY,
    EventKind.TALKS: Domain.DIPLOMATIC,
    EventKind.ANNOUNCEMENT: Domain.SECURITY,
    EventKind.MILITANT_ACTIVITY: Domain.SECURITY,
}
_ORGANIZATION_DOMAINS: dict[OrganizationKind, Domain | None] = {
    OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION: Domain.DIPLOMATIC,
    OrganizationKind.FORUM: Domain.DIPLOMATIC,
    OrganizationKind.SECURITY_MECHANISM: Domain.SECURITY,
    OrganizationKind.CONTACT_GROUP: Domain.DIPLOMATIC,
    OrganizationKind.NON_STATE_ARMED_GROUP: None,
    OrganizationKind.GOVERNMENT_AGENCY: None,
    OrganizationKind.RESEARCH_INSTITUTE: None,
    OrganizationKind.UNIVERSITY: None,
    OrganizationKind.STATE_GROUPING: None,
}


def _layers(value: Mapping[Layer | str, float] | Mapping[Layer, float] | Mapping[str, float]) -> Mapping[Layer, float]:
    if isinstance(value, Mapping) and any(k is Layer.SCENARIO or k == Layer.SCENARIO.value for k in value):
        raise FieldError("layers", "scenario edges are weighted by Magnitudes, not by Weights", "Weights")
    return _factors(Layer, _LAYERS, "layers", value)


def _certainty(value: Mapping[Certainty | str, float] | Mapping[Certainty, float] | Mapping[str, float]) -> Mapping[Certainty, float]:
    return _factors(Certainty, _CERTAINTY, "certainty", value)


def _roles(value: Mapping[RoleKind | str, float] | Mapping[RoleKind, float] | Mapping[str, float]) -> Mapping[RoleKind, float]:
    return _factors(RoleKind, _ROLES, "roles", value)


def _statuses(value: Mapping[MembershipStatus | str, float] | Mapping[MembershipStatus, float] | Mapping[str, float]) -> Mapping[MembershipStatus, float]:
    return _factors(MembershipStatus, _STATUSES, "statuses", value)


def _mapping(value: object, field: str) -> None:
    if not isinstance(value, Mapping):
        raise FieldError(field, f"{field} must be a mapping, not {type(value).__name__}", "Weights")


def _event_domains(value: Mapping[EventKind | str, Domain | str] | Mapping[EventKind, Domain] | Mapping[str, str]) -> Mapping[EventKind, Domain]:
    _mapping(value, "event_domains")
    merged = dict(_EVENT_DOMAINS)
    for key, domain in value.items():
        merged[_member(EventKind, key, "event_domains")] = coerce_domain(domain, "event_domains")
    return _Table(merged)


def _organization_domains(
    value: Mapping[OrganizationKind | str, Domain | str | None] | Mapping[OrganizationKind, Domain | None] | Mapping[str, str | None],
) -> Mapping[OrganizationKind, Domain | None]:
    _mapping(value, "organization_domains")
    merged = dict(_ORGANIZATION_DOMAINS)
    for key, domain in value.items():
        merged[_member(OrganizationKind, key, "organization_domains")] = None if domain is None else coerce_domain(domain, "organization_domains")
    return _Table(merged)


def _record_domains(value: Mapping[str, Domain | str] | Mapping[str, Domain] | Mapping[str, str]) -> Mapping[str, Domain]:
    _mapping(value, "record_domains")
    out: dict[str, Domain] = {}
    for key, domain in value.items():
        if not isinstance(key, str) or not key:
            raise FieldError("record_domains", f"record_domains keys are record ids, not {key!r:.40}", "Weights")
        out[key] = coerce_domain(domain, "record_domains")
    return _Table(out)


def _background_number(value: float) -> float:
    return _number(value, "background")


def _repeated_number(value: float) -> float:
    return _number(value, "repeated")


@attrs.frozen
class Weights:
    """The weight of every relation, as a typed table any analyst can override.

    The weight of an edge is the product

    ``layers[layer] * certainty[certainty] * extra``

    where *extra* is ``roles[kind]`` for a role claim, the smaller
    ``statuses[status]`` of the memberships for (co-)membership edges,
    ``repeated`` for a statement made more than once, and ``background`` for a
    record that only background evidence supports (each 1 otherwise).
    Mappings given to the constructor are merged into the defaults, so name
    only what you change; keys may be enum members or their string values.
    Unknown keys and negative or non-finite numbers raise
    :class:`~centralasia.FieldError` (a :class:`ValueError`).

    The domain of an event comes from ``record_domains`` (by record id),
    else from the statements made at it (when they agree on one domain),
    else from ``event_domains`` by kind: the model has no domain field on
    events. The domain of an organisation's (co-)membership edges comes from
    ``record_domains``, else from the agreement that establishes it, else
    from ``organization_domains`` by kind (``None``: no edges).

    Attributes
    ----------
    layers : Mapping[Layer, float]
        The base weight of one relation of each kind.
    certainty : Mapping[Certainty, float]
        Factor by the certainty of the claim: reported and projected count less.
    roles : Mapping[RoleKind, float]
        Factor by role kind (a security threat holds no influence: 0).
    statuses : Mapping[MembershipStatus, float]
        Factor by membership status (observers count half).
    background : float
        Factor for records only background evidence supports.
    repeated : float
        Factor for statements made again and again.
    event_domains, organization_domains, record_domains
        Where the domain of a record comes from when the model has none.

    Examples
    --------
    >>> w = Weights(layers={"visit": 2.0}, certainty={Certainty.REPORTED: 0.25})
    >>> w.layers[Layer.VISIT], w.layers[Layer.ARMS_TRANSFER], w.certainty[Certainty.REPORTED]
    (2.0, 3.0, 0.25)
    >>> w.override(layers={"role": 0}).layers[Layer.ROLE], w.layers[Layer.ROLE]
    (0.0, 2.0)
    >>> Weights(layers={"bribe": 1.0})
    Traceback (most recent call last):
    ...
    centralasia.errors.FieldError: invalid Weights: 1 problem
      - unknown Layer 'bribe'; expected one of 'arms-transfer', 'agreement', 'mechanism', 'understanding', 'membership', 'co-membership', 'attack', 'visit', 'meeting', 'summit', 'exercise', 'transition', 'talks', 'announcement', 'militant-activity', 'statement', 'role' @ $.layers
    """

    layers: Mapping[Layer, float] = attrs.field(factory=dict, converter=_layers)
    certainty: Mapping[Certainty, float] = attrs.field(factory=dict, converter=_certainty)
    roles: Mapping[RoleKind, float] = attrs.field(factory=dict, converter=_roles)
    statuses: Mapping[MembershipStatus, float] = attrs.field(factory=dict, converter=_statuses)
    background: float = attrs.field(default=1.0, converter=_background_number)
    repeated: float = attrs.field(default=1.5, converter=_repeated_number)
    event_domains: Mapping[EventKind, Domain] = attrs.field(factory=dict, converter=_event_domains)
    organization_domains: Mapping[OrganizationKind, Domain | None] = attrs.field(factory=dict, converter=_organization_domains)
    record_domains: Mapping[str, Domain] = attrs.field(factory=dict, converter=_record_domains)

    def override(
        self,
        *,
        layers: Mapping[Layer | str, float] | Mapping[Layer, float] | Mapping[str, float] | None = None,
        certainty: Mapping[Certainty | str, float] | Mapping[Certainty, float] | Mapping[str, float] | None = None,
        roles: Mapping[RoleKind | str, float] | Mapping[RoleKind, float] | Mapping[str, float] | None = None,
        statuses: Mapping[MembershipStatus | str, float] | Mapping[MembershipStatus, float] | Mapping[str, float] | None = None,
        background: float | None = None,
        repeated: float | None = None,
        event_domains: Mapping[EventKind | str, Domain | str] | Mapping[EventKind, Domain] | Mapping[str, str] | None = None,
        organization_domains: Mapping[OrganizationKind | str, Domain | str | None] | Mapping[OrganizationKind, Domain | None] | Mapping[str, str | None] | None = None,
        record_domains: Mapping[str, Domain | str] | Mapping[str, Domain] | Mapping[str, str] | None = None,
    ) -> Weights:
        """A copy with the given entries changed and every other entry kept from *self*.

        Examples
        --------
        >>> w = DEFAULT_WEIGHTS.override(layers={"visit": 2.0}).override(certainty={"assessed": 0.5})
        >>> w.layers[Layer.VISIT], w.certainty[Certainty.ASSESSED], w.layers[Layer.ROLE]
        (2.0, 0.5, 2.0)
        """

        def merge(old: Iterable[tuple[object, object]], new: Iterable[tuple[object, object]] | None) -> dict[object, object]:
            out = dict(old)
            out.update(() if new is None else new)
            return out

        def items(table: object) -> Iterable[tuple[object, object]] | None:
            if table is None:
                return None
            if not isinstance(table, Mapping):
                raise FieldError(None, f"expected a mapping, not {type(table).__name__}", "Weights")
            return tuple(table.items())

        # Each merged dict is checked again by the field converters.
        return Weights(
            layers=merge(self.layers.items(), items(layers)),  # type: ignore[arg-type]
            certainty=merge(self.certainty.items(), items(certainty)),  # type: ignore[arg-type]
            roles=merge(self.roles.items(), items(roles)),  # type: ignore[arg-type]
            statuses=merge(self.statuses.items(), items(statuses)),  # type: ignore[arg-type]
            background=self.background if background is None else background,
            repeated=self.repeated if repeated is None else repeated,
            event_domains=merge(self.event_domains.items(), items(event_domains)),  # type: ignore[arg-type]
            organization_domains=merge(self.organization_domains.items(), items(organization_domains)),  # type: ignore[arg-type]
            record_domains=merge(self.record_domains.items(), items(record_domains)),  # type: ignore[arg-type]
        )

    def without(self, *layers: Layer | str) -> Weights:
        """A copy in which the given layers weigh nothing (their edges stay, at weight 0).

        Examples
        --------
        >>> DEFAULT_WEIGHTS.without("role").layers[Layer.ROLE]
        0.0
        """
        return self.override(layers={_member(Layer, layer, "layers", _LAYERS): 0.0 for layer in layers})

    def __str__(self) -> str:
        lines = ["layer               weight"]
        lines += [f"  {layer.value:<18}{value:>6g}" for layer, value in self.layers.items()]
        lines.append("certainty factor")
        lines += [f"  {c.value:<18}{value:>6g}" for c, value in self.certainty.items()]
        changed = {k: v for k, v in self.roles.items() if v != 1.0}
        lines.append("role factor (others 1)")
        lines += [f"  {k.value:<18}{v:>6g}" for k, v in changed.items()]
        lines.append("membership status factor")
        lines += [f"  {k.value:<18}{v:>6g}" for k, v in self.statuses.items()]
        lines.append(f"background factor   {self.background:>6g}")
        lines.append(f"repeated factor     {self.repeated:>6g}")
        return "\n".join(lines)


#: The documented default weights; ``Weights()`` equals it.
DEFAULT_WEIGHTS = Weights()


# --------------------------------------------------------------------------
# Relations: the edges, as typed values
# --------------------------------------------------------------------------


#: One relation as a plain tuple, in the order of :class:`Relation`'s fields. The
#: aggregations (:func:`weighted_network`, :func:`~centralasia.roles.role_summary`)
#: read these; :func:`relations` wraps each in a :class:`Relation`.
_Row = tuple[ActorId, ActorId, Layer, Domain, float, Certainty, str, PartialDate | None, str | None]


@attrs.frozen
class Relation:
    """One edge of the influence network: *source* gains influence over *target*.

    Attributes
    ----------
    source, target : str
        Actor ids (states or organisations; groupings are expanded to members).
    layer : Layer
        The kind of relation.
    domain : Domain
        The field of influence.
    weight : float
        From :class:`Weights` (or, for scenario edges, from the scenario's magnitudes).
    certainty : Certainty
        The certainty of the claim behind the edge.
    record : str
        The id of the record the edge comes from (the organisation for
        memberships, the scenario for scenario edges).
    date : PartialDate or None
        When the relation began, where known.
    scenario : str or None
        The scenario that added or rescaled the edge, if any.
    """

    source: ActorId
    target: ActorId
    layer: Layer
    domain: Domain
    weight: float
    certainty: Certainty
    record: str
    date: PartialDate | None = None
    scenario: str | None = None

    def attributes(self) -> dict[str, str | float | None]:
        """The edge attributes :func:`influence_network` stores, as plain values.

        Examples
        --------
        >>> r = Relation("CHN", "UZB", Layer.ARMS_TRANSFER, Domain.SECURITY, 1.5, Certainty.REPORTED, "at-1", PartialDate(2015))
        >>> r.attributes()
        {'layer': 'arms-transfer', 'domain': 'security', 'weight': 1.5, 'certainty': 'reported', 'date': '2015', 'record': 'at-1'}
        """
        return _row_attributes((self.source, self.target, self.layer, self.domain, self.weight, self.certainty, self.record, self.date, self.scenario))

def _row_attributes(row: _Row) -> dict[str, str | float | None]:
    """The edge attributes of a relation given as a row (see :meth:`Relation.attributes`)."""
    date = row[7]
    out: dict[str, str | float | None] = {
        "layer": row[2]._value_,
        "domain": row[3]._value_,
        "weight": row[4],
        "certainty": row[5]._value_,
        "date": None if date is None else str(date),
        "record": row[6],
    }
    scenario = row[8]
    if scenario is not None:
        out["scenario"] = scenario
    return out


def _background_only(evidence: tuple[Evidence, ...]) -> bool:
    return bool(evidence) and all(e.is_background for e in evidence)


def _is_grouping(record: Record | None) -> bool:
    return isinstance(record, Organization) and record.kind is OrganizationKind.STATE_GROUPING


def expand(ds: Dataset, ids: Iterable[ActorId]) -> tuple[ActorId, ...]:
    """The actor ids *ids* with every state grouping replaced by its members, in order, once each.

    Raises :class:`~centralasia.UnknownIdError` for an id that names no actor.

    Examples
    --------
    >>> import centralasia as ca
    >>> expand(ca.load(), ["central-asia", "KAZ", "RUS"])
    ('KAZ', 'KGZ', 'TJK', 'UZB', 'TKM', 'RUS')
    """
    out: dict[str, None] = {}
    seen: set[str] = set()

    def visit(actor: str) -> None:
        record = ds.get(actor)
        if not isinstance(record, (State, Organization)):
            raise UnknownIdError(str(actor), "actor")
        if _is_grouping(record):
            if actor in seen:
                return
            seen.add(actor)
            assert isinstance(record, Organization)
            for member in record.member_ids():
                visit(member)
        else:
            out.setdefault(actor, None)

    for actor in ids:
        visit(actor)
    return tuple(out)


#: The grouping whose members are the Central Asian states when no state has a region.
CENTRAL_ASIA_GROUPING = "central-asia"


def central_asian_states(ds: Dataset) -> tuple[ActorId, ...]:
    """The ids of the Central Asian states, in dataset order.

    These are the states whose ``region`` is Central Asia; where no state has
    that region (``Dataset.article_only()`` drops the background regions),
    the members of the state grouping :data:`CENTRAL_ASIA_GROUPING`.

    Examples
    --------
    >>> import centralasia as ca
    >>> central_asian_states(ca.load())
    ('KAZ', 'KGZ', 'TJK', 'TKM', 'UZB')
    >>> article = ca.load().article_only()  # background regions dropped: the grouping's members
    >>> [s.region for s in article.states if s.id == "KAZ"], set(central_asian_states(article)) <= set(central_asian_states(ca.load()))
    ([None], True)
    """
    found = tuple(s.id for s in ds.states if s.region is Region.CENTRAL_ASIA)
    if found or not _is_grouping(ds.get(CENTRAL_ASIA_GROUPING)):
        return found
    members = frozenset(expand(ds, (CENTRAL_ASIA_GROUPING,)))
    return tuple(s.id for s in ds.states if s.id in members)


class _Context:
    """What turning records into relations needs to know about the whole dataset."""

    def __init__(self, ds: Dataset, weights: Weights) -> None:
        self.ds = ds
        self.weights = weights
        # Keyed by single ids, so that it grows with the actors and not with the records streamed.
        self._expanded: dict[str, tuple[str, ...]] = {}
        # Statements made at an event tell its domain (when they agree).
        occasion: dict[str, set[Domain]] = {}
        occasion_date: dict[str, PartialDate] = {}
        for st in ds.statements:
            if st.occasion is not None:
                occasion.setdefault(st.occasion, set()).add(st.domain)
        for ev in ds.events:
            if ev.date is not None:
                occasion_date[ev.id] = ev.date
        self.event_domains = {k: next(iter(v)) for k, v in occasion.items() if len(v) == 1}
        self.event_dates = occasion_date
        self.established: dict[str, Domain] = {}
        for agreement in ds.agreements:
            if agreement.establishes is not None:
                self.established.setdefault(agreement.establishes, weights.record_domains.get(agreement.id, agreement.domain))

    def expand(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """:func:`expand` of *ids*, from a cache of each id's expansion."""
        if len(ids) == 1:
            return self._one(ids[0])
        return tuple(dict.fromkeys(actor for i in ids for actor in self._one(i)))

    def _one(self, id: str) -> tuple[str, ...]:
        cached = self._expanded.get(id)
        if cached is None:
            cached = self._expanded[id] = expand(self.ds, (id,))
        return cached

    def state_of(self, person: str) -> tuple[str, ...]:
        record = self.ds.get(person)
        state = getattr(record, "state", None)
        return () if state is None else (state,)


_BACKGROUND = EvidenceKind.BACKGROUND


def _bg_only(evidence: tuple[Evidence, ...]) -> bool:
    """:func:`_background_only` without a generator: the first article evidence ends it."""
    if not evidence:
        return False
    for e in evidence:
        if e.kind is not _BACKGROUND:
            return False
    return True


class _Constants:
    """What turning one record into relations needs from the weights, computed once per call.

    Tables are keyed by the enum members' values: a string hashes from its
    cache, an :class:`enum.Enum` member through Python code. Each weight is
    the product ``layers[layer] * certainty[certainty]`` (``* roles[kind]``
    for roles) taken in the order :class:`Weights` documents, so that the
    per-record factors multiply in afterwards exactly as before.
    """

    def __init__(self, w: Weights) -> None:
        certainty = {c._value_: f for c, f in w.certainty.items()}

        def by_certainty(layer: Layer) -> dict[str, float]:
            base = w.layers[layer]
            return {c: base * f for c, f in certainty.items()}

        self.background = w.background
        self.repeated = w.repeated
        self.record_domains = w.record_domains
        self.arms = by_certainty(Layer.ARMS_TRANSFER)
        self.statement = by_certainty(Layer.STATEMENT)
        base = w.layers[Layer.ROLE]
        self.role = {c: {k._value_: base * f * r for k, r in w.roles.items()} for c, f in certainty.items()}
        self.agreement = {kind._value_: (layer, by_certainty(layer)) for kind, layer in _AGREEMENT_LAYERS.items()}
        self.event = {kind._value_: (layer, by_certainty(layer), w.event_domains[kind]) for kind, layer in _EVENT_LAYERS.items()}


def _record_rows(records: Iterable[Record], ctx: _Context, cut: PartialDate | None, include_undated: bool) -> Iterator[_Row]:
    """The relations *records* give (none for states, people and scenarios), as rows, those dated after *cut* left out.

    One generator for the whole stream, the hot paths written out: a
    record's relations share its date, so the *cut* is checked once per
    record (per member for organisations); a single id is expanded from the
    cache without a call; evidence is background only when its first piece
    is. Weights are those of :class:`Weights`, multiplied in the same order.
    """
    k = _Constants(ctx.weights)
    background = k.background
    record_domains = k.record_domains
    cache = ctx._expanded
    one = ctx._one
    expand_ = ctx.expand
    event_domains = ctx.event_domains
    latest = None if cut is None else cut.latest
    security = Domain.SECURITY
    for record in records:
        date: PartialDate | None
        if isinstance(record, Event):
            date = record.date
            if latest is not None and (not include_undated if date is None else date.earliest > latest):
                continue
            rid = record.id
            certainty = record.certainty
            layer, weights, by_kind = k.event[record.kind._value_]
            domain = (record_domains.get(rid) if record_domains else None) or event_domains.get(rid) or by_kind
            weight = weights[certainty._value_]
            evidence = record.evidence
            if evidence and evidence[0].kind is _BACKGROUND and _bg_only(evidence):
                weight *= background
            ids = record.actors
            sources = (cache.get(ids[0]) or one(ids[0])) if len(ids) == 1 else expand_(ids)
            ids = record.targets if record.host is None else record.targets + (record.host,)
            sinks = (cache.get(ids[0]) or one(ids[0])) if len(ids) == 1 else expand_(ids)
            for u in sources:
                for v in sinks:
                    if u != v:
                        yield (u, v, layer, domain, weight, certainty, rid, date, None)
            if len(sources) > 1:
                # Pairs among the actors, but for those already given as actor -> sink.
                for u in sources:
                    for v in sources:
                        if u != v and v not in sinks:
                            yield (u, v, layer, domain, weight, certainty, rid, date, None)
        elif isinstance(record, Statement):
            occasion = record.occasion
            date = record.date if record.date is not None or occasion is None else ctx.event_dates.get(occasion)
            if latest is not None and (not include_undated if date is None else date.earliest > latest):
                continue
            rid = record.id
            certainty = record.certainty
            domain = record_domains.get(rid, record.domain) if record_domains else record.domain
            weight = k.statement[certainty._value_]
            evidence = record.evidence
            if evidence and evidence[0].kind is _BACKGROUND and _bg_only(evidence):
                weight *= background
            if record.repeated:
                weight *= k.repeated
            ids = record.on_behalf_of
            if not ids:
                ids = tuple(s for p in record.speakers for s in ctx.state_of(p))
            sources = (cache.get(ids[0]) or one(ids[0])) if len(ids) == 1 else expand_(ids)
            ids = record.about
            targets = (cache.get(ids[0]) or one(ids[0])) if len(ids) == 1 else expand_(ids)
            for u in sources:
                for v in targets:
                    if u != v:
                        yield (u, v, Layer.STATEMENT, domain, weight, certainty, rid, date, None)
        elif isinstance(record, ArmsTransfer):
            date = record.date
            if latest is not None and (not include_undated if date is None else date.earliest > latest):
                continue
            rid = record.id
            certainty = record.certainty
            domain = record_domains.get(rid, security) if record_domains else security
            weight = k.arms[certainty._value_]
            evidence = record.evidence
            if evidence and evidence[0].kind is _BACKGROUND and _bg_only(evidence):
                weight *= background
            supplier, recipient = record.supplier, record.recipient
            sources = cache.get(supplier) or one(supplier)
            targets = cache.get(recipient) or one(recipient)
            for u in sources:
                for v in targets:
                    if u != v:
                        yield (u, v, Layer.ARMS_TRANSFER, domain, weight, certainty, rid, date, None)
        elif isinstance(record, Agreement):
            date = record.date
            if latest is not None and (not include_undated if date is None else date.earliest > latest):
                continue
            rid = record.id
            certainty = record.certainty
            layer, weights = k.agreement[record.kind._value_]
            domain = record_domains.get(rid, record.domain) if record_domains else record.domain
            weight = weights[certainty._value_]
            evidence = record.evidence
            if evidence and evidence[0].kind is _BACKGROUND and _bg_only(evidence):
                weight *= background
            ids = record.parties
            parties = (cache.get(ids[0]) or one(ids[0])) if len(ids) == 1 else expand_(ids)
            for u in parties:
                for v in parties:
                    if u != v:
                        yield (u, v, layer, domain, weight, certainty, rid, date, None)
        elif isinstance(record, Role):
            date = record.since
            if latest is not None and (not include_undated if date is None else date.earliest > latest):
                continue
            rid = record.id
            certainty = record.certainty
            domain = record_domains.get(rid, record.domain) if record_domains else record.domain
            weight = k.role[certainty._value_][record.role._value_]
            evidence = record.evidence
            if evidence and evidence[0].kind is _BACKGROUND and _bg_only(evidence):
                weight *= background
            actor = record.actor
            sources = cache.get(actor) or one(actor)
            ids = record.over
            targets = (cache.get(ids[0]) or one(ids[0])) if len(ids) == 1 else expand_(ids)
            for u in sources:
                for v in targets:
                    if u != v:
                        yield (u, v, Layer.ROLE, domain, weight, certainty, rid, date, None)
        elif isinstance(record, Organization):
            for row in _organization_rows(record, ctx):
                if _within(row[7], cut, include_undated):
                    yield row


def _later(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _earlier(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


@attrs.frozen
class _Standing:
    """One member's standing in an organisation, merged over its memberships."""

    status: float
    certainty: Certainty
    background: bool
    date: PartialDate | None


def _organization_rows(org: Organization, ctx: _Context) -> Iterator[_Row]:
    """Membership and co-membership edges: one per member (or pair of members) of *org*.

    A member listed more than once (joined, left, joined again) gets one
    edge: its earliest known date and its strongest standing.
    """
    w = ctx.weights
    if org.kind is OrganizationKind.STATE_GROUPING:
        return  # groupings are not nodes: relations naming them reach their members instead
    domain = w.record_domains.get(org.id) or ctx.established.get(org.id) or w.organization_domains[org.kind]
    if domain is None:
        return
    def strength(s: _Standing) -> float:
        return s.status * w.certainty[s.certainty] * (w.background if s.background else 1.0)

    standing: dict[str, _Standing] = {}
    for m in org.members:
        here = _Standing(w.statuses[m.status], m.certainty, _background_only(m.evidence), m.since or org.founded)
        for actor in ctx.expand((m.member,)):
            if actor == org.id:
                continue
            old = standing.get(actor)
            if old is None:
                standing[actor] = here
                continue
            date = _earlier(old.date, here.date)
            best = here if strength(here) > strength(old) else old
            standing[actor] = attrs.evolve(best, date=date)
    base = w.layers[Layer.MEMBERSHIP]
    for actor, st in standing.items():
        weight = base * strength(st)
        yield (actor, org.id, Layer.MEMBERSHIP, domain, weight, st.certainty, org.id, st.date, None)
    base = w.layers[Layer.CO_MEMBERSHIP]
    for u, su in standing.items():
        for v, sv in standing.items():
            if u == v:
                continue
            certainty = min(su.certainty, sv.certainty, key=lambda c: w.certainty[c])
            background = w.background if su.background or sv.background else 1.0
            weight = base * min(su.status, sv.status) * w.certainty[certainty] * background
            yield (u, v, Layer.CO_MEMBERSHIP, domain, weight, certainty, org.id, _later(su.date, sv.date), None)


def _cut(as_of: DateLike | None) -> PartialDate | None:
    """*as_of* as a :class:`PartialDate`; a :class:`FieldError` at ``$.as_of`` for anything else."""
    if as_of is None:
        return None
    try:
        return PartialDate.coerce(as_of)
    except FieldError as exc:
        raise ArgumentError("as_of", f"bad as_of {as_of!r:.40}: {exc.message}") from None
    except (TypeError, AttributeError):
        raise ArgumentError("as_of", f"as_of must be a date, an ISO date string or a PartialDate, not {type(as_of).__name__}") from None


def _within(date: PartialDate | None, cut: PartialDate | None, include_undated: bool) -> bool:
    """Whether a relation dated *date* counts at *cut*: it could have begun by the cut's last day."""
    if cut is None:
        return True
    if date is None:
        return include_undated
    return date.earliest <= cut.latest


#: The record kinds :func:`relations` streams with ``records=``: those no other record refers to.
_STREAMED = (Agreement, ArmsTransfer, Event, Statement, Role)


def _check_stream(records: object) -> None:
    """Refuse, before anything is read, a *records* argument that is not a stream of records."""
    if isinstance(records, (str, bytes, Mapping, Dataset)) or not isinstance(records, Iterable):
        hint = " (merge datasets with Dataset.merge)" if isinstance(records, Dataset) else ""
        raise ArgumentError("records", f"records must be an iterable of records, not {type(records).__name__}{hint}")


def _streamed(ds: Dataset, records: Iterable[object]) -> Iterator[Record]:
    """*records*, each checked against *ds* as :class:`Dataset` checks its own, when its turn comes.

    Only what one record and *ds* show is checked: that it is an agreement,
    arms transfer, event, statement or role, that its id is not one of *ds*,
    that every id it names is a record of *ds* of the right kind, and that its
    evidence names fields it has. Ids are not compared between streamed
    records: that would keep every id.
    """
    for i, record in enumerate(records):
        path = f"$.records[{i}]"
        if not isinstance(record, _STREAMED):
            what = "states, organisations, people and scenarios belong in the dataset"
            raise DataError([Problem.at(path, f"expected an Agreement, ArmsTransfer, Event, Statement or Role ({what}), got {type(record).__name__}")], "invalid streamed record")
        problems = ds.problems_with(record, path)
        if problems:
            raise DataError(problems, "invalid streamed record")
        yield record


def relations(
    ds: Dataset,
    *,
    records: Iterable[Record] | None = None,
    domain: Domain | str | None = None,
    as_of: DateLike | None = None,
    weights: Weights | None = None,
    scenario: Scenario | str | None = None,
    magnitudes: Magnitudes | None = None,
    include_undated: bool = True,
) -> Iterator[Relation]:
    """Stream the edges of the influence network, one record at a time.

    Memory stays flat: nothing is collected, so aggregations over this
    stream (as :func:`~centralasia.roles.role_summary` does) grow with the
    actor pairs they keep, not with the records. With *records* the records
    need not be in memory at all: they can come from a file, a database
    cursor or a generator, one at a time, and *ds* need only hold the
    actors, people and events they name.

    Parameters
    ----------
    ds : Dataset
        The records; with *records*, also the index the streamed records are
        checked and resolved against.
    records : iterable of Agreement, ArmsTransfer, Event, Statement or Role, optional
        More records, streamed after *ds*'s own and never kept: the result
        is that of a dataset of both (``ds.merge(Dataset(...))``) without
        building it. Each is checked against *ds* when its turn comes, as
        :class:`~centralasia.Dataset` checks its records (its kind, an id not
        in *ds*, every id it names a record of *ds* of the right kind); a bad
        one raises :class:`~centralasia.DataError` at ``$.records[i]``, after
        the relations before it have been yielded. Ids are not compared
        between streamed records (that would keep them all), and what the
        whole dataset tells about a record (an event's domain from the
        statements made at it, a statement's date from its occasion, an
        organisation's domain from the agreement setting it up) comes from
        *ds* alone. Chunks stream as ``itertools.chain.from_iterable(chunks)``.
    domain : Domain or str, optional
        Keep only edges of this domain.
    as_of : str, datetime.date or PartialDate, optional
        Leave out relations that began after this date: a relation counts when
        its date could fall on or before the last day *as_of* can mean
        (``"2016"`` means up to 2016-12-31; a relation dated ``"2016-06"``
        counts at ``"2016-06-01"``). A relation that ended stays in: the
        network is what one could know by the date, so a later *as_of*
        never removes an edge.
    weights : Weights, optional
        The weights table; :data:`DEFAULT_WEIGHTS` by default.
    scenario : Scenario or str, optional
        Apply this scenario (see :func:`centralasia.scenarios.apply_scenario`).
    magnitudes : Magnitudes, optional
        The scenario magnitudes; :data:`~centralasia.scenarios.DEFAULT_MAGNITUDES` by default.
    include_undated : bool
        Whether relations without a date count when *as_of* is given. They
        do by default: an undated record (a membership, a role claim, a
        background fact) describes the standing state of affairs of the
        article's time. Scenario edges are undated and always count.

    Examples
    --------
    >>> import centralasia as ca
    >>> arms = [r for r in relations(ca.load(), domain="security") if r.layer is Layer.ARMS_TRANSFER]
    >>> sorted((r.source, r.target, r.weight, r.certainty.value) for r in arms)
    [('CHN', 'TKM', 1.5, 'reported'), ('CHN', 'UZB', 1.5, 'reported'), ('CHN', 'UZB', 1.5, 'reported')]

    Records streamed from elsewhere, checked against the bundled dataset:

    >>> feed = (ca.ArmsTransfer(f"feed-{i}", "RUS", "KAZ", "Su-30SM", "", ca.SipriCategory.AIRCRAFT, [ca.Evidence(paragraph=8)]) for i in range(3))
    >>> [(r.source, r.target, r.record) for r in relations(ca.load(), records=feed) if r.record.startswith("feed-")]
    [('RUS', 'KAZ', 'feed-0'), ('RUS', 'KAZ', 'feed-1'), ('RUS', 'KAZ', 'feed-2')]
    >>> typo = [ca.Role("mine", "RUS", ca.RoleKind.MEDIATOR, ca.Domain.DIPLOMATIC, ["KAZZ"], "A mediator.", [ca.Evidence(paragraph=9)])]
    >>> list(relations(ca.load(), records=typo))
    Traceback (most recent call last):
    ...
    centralasia.errors.DataError: invalid streamed record: 1 problem
      - unknown id 'KAZZ' @ $.records[0].over[0]
    """
    return itertools.starmap(Relation, _relation_rows(
        ds,
        records=records,
        domain=domain,
        as_of=as_of,
        weights=weights,
        scenario=scenario,
        magnitudes=magnitudes,
        include_undated=include_undated,
    ))


def _relation_rows(
    ds: Dataset,
    *,
    records: Iterable[Record] | None = None,
    domain: Domain | str | None = None,
    as_of: DateLike | None = None,
    weights: Weights | None = None,
    scenario: Scenario | str | None = None,
    magnitudes: Magnitudes | None = None,
    include_undated: bool = True,
) -> Iterator[_Row]:
    """:func:`relations` as plain tuples (:data:`_Row`): what the aggregations read.

    The arguments are checked here, at the call, before anything is read.
    """
    if records is not None:
        _check_stream(records)
    wanted = None if domain is None else coerce_domain(domain)
    cut = _cut(as_of)
    table = DEFAULT_WEIGHTS if weights is None else weights
    if not isinstance(table, Weights):
        raise ArgumentError("weights", f"weights must be a Weights table, not {type(table).__name__}")
    ctx = _Context(ds, table)
    source: Iterable[Record] = ds if records is None else itertools.chain(ds, _streamed(ds, records))
    stream = _record_rows(source, ctx, cut, include_undated)
    if scenario is not None:
        from centralasia.scenarios import Magnitudes, _scenario_rows

        if magnitudes is not None and not isinstance(magnitudes, Magnitudes):
            raise ArgumentError("magnitudes", f"magnitudes must be a Magnitudes table, not {type(magnitudes).__name__}")
        stream = _scenario_rows(ds, scenario, stream, magnitudes)
    if wanted is not None:
        return (row for row in stream if row[3] is wanted)
    return stream


# --------------------------------------------------------------------------
# Graphs
# --------------------------------------------------------------------------


def _node_attributes(actor: State | Organization, central_asia: frozenset[str]) -> dict[str, str | bool]:
    if isinstance(actor, State):
        out: dict[str, str | bool] = {"type": "state", "kind": "state", "name": actor.name}
        if actor.region is not None:
            out["region"] = actor.region.value
    else:
        out = {"type": "organization", "kind": actor.kind.value, "name": actor.name}
        if actor.acronym is not None:
            out["acronym"] = actor.acronym
    out["central_asian"] = actor.id in central_asia
    return out


def influence_network(
    ds: Dataset,
    *,
    records: Iterable[Record] | None = None,
    domain: Domain | str | None = None,
    as_of: DateLike | None = None,
    weights: Weights | None = None,
    scenario: Scenario | str | None = None,
    magnitudes: Magnitudes | None = None,
    include_undated: bool = True,
) -> nx.MultiDiGraph:
    """The influence network: a :class:`networkx.MultiDiGraph` with one edge per record and actor pair.

    Nodes are the states and organisations of *ds* (state groupings such as
    ``"central-asia"`` are not nodes: relations naming them are expanded to
    their members), with the attributes ``type`` (``"state"`` or
    ``"organization"``), ``kind``, ``name``, ``central_asian`` and, where
    known, ``region`` and ``acronym``. An edge ``u -> v`` means u gains
    influence over v; its key is the record id (with ``#2``, ``#3``... when one
    record gives the same pair twice) and its attributes are ``layer``,
    ``domain``, ``weight``, ``certainty``, ``date`` (ISO text or ``None``),
    ``record`` and, for edges a scenario made or changed, ``scenario``.
    Zero-weight edges (attacks, threats) are kept so that they can be seen;
    :func:`collapse` drops them.

    The parameters are those of :func:`relations`. With *records* the records
    are streamed, but the graph keeps an edge for each relation, so its
    memory grows with the records; to aggregate a stream use
    :func:`~centralasia.roles.role_summary` or sum :func:`relations` per pair.

    Examples
    --------
    >>> import centralasia as ca
    >>> G = influence_network(ca.load(), domain="security", as_of="2016-12-31")
    >>> G.graph["direction"]
    'u->v: u gains influence over v'
    >>> sorted(k for _, _, k in G.edges("CHN", keys=True) if k.startswith("at-"))
    ['at-chn-tkm-hq9-2015', 'at-chn-uzb-hq9-2015', 'at-chn-uzb-pterodactyl']
    >>> G.edges["CHN", "UZB", "at-chn-uzb-hq9-2015"]["weight"]
    1.5
    """
    rows = _relation_rows(
        ds,
        records=records,
        domain=domain,
        as_of=as_of,
        weights=weights,
        scenario=scenario,
        magnitudes=magnitudes,
        include_undated=include_undated,
    )
    G = _empty_network(nx.MultiDiGraph, ds, domain, as_of, scenario)
    # Only one record can give the same pair twice, and a record's edges come together.
    record: str | None = None
    used: dict[tuple[str, str], int] = {}
    for row in rows:
        u, v, rid = row[0], row[1], row[6]
        if rid != record:
            record = rid
            used = {}
        n = used[u, v] = used.get((u, v), 0) + 1
        key = rid if n == 1 else f"{rid}#{n}"
        if "#" in key:  # a record id may itself look like "x#2": never overwrite an edge
            while G.has_edge(u, v, key):
                n += 1
                key = f"{rid}#{n}"
        G.add_edge(u, v, key, **_row_attributes(row))
    return G


def _empty_network(kind: type[_G], ds: Dataset, domain: Domain | str | None, as_of: DateLike | None, scenario: Scenario | str | None) -> _G:
    """A graph of *kind* with the graph attributes of an influence network and its actor nodes, but no edges."""
    wanted = None if domain is None else coerce_domain(domain)
    scenario_id = scenario if isinstance(scenario, str) or scenario is None else scenario.id
    G: _G = kind(
        direction=DIRECTION,
        domain=None if wanted is None else wanted.value,
        as_of=None if as_of is None else str(PartialDate.coerce(as_of)),
        scenario=scenario_id,
    )
    central_asia = frozenset(central_asian_states(ds))
    G.add_nodes_from((a.id, _node_attributes(a, central_asia)) for a in ds.actors if not _is_grouping(a))
    return G


def _edge_date(value: object) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, PartialDate):
        return value
    return PartialDate.parse(str(value))


def collapse(
    G: nx.MultiDiGraph | nx.DiGraph,
    *,
    weight: str = "weight",
    domain: Domain | str | None = None,
    layers: Iterable[Layer | str] | None = None,
    as_of: DateLike | None = None,
    include_undated: bool = True,
) -> nx.DiGraph:
    """Collapse the layers into a weighted :class:`networkx.DiGraph`.

    The rule: the weight of ``u -> v`` is the **sum** of the weights of
    all parallel ``u -> v`` edges that pass the filters, that is the total
    influence u gains over v. Pairs whose sum is 0 (only attacks or threats,
    say) get no edge, so that weight-as-strength algorithms are not misled.
    Each edge also holds ``count`` (how many records), ``layers`` (the layer
    names, comma-separated and sorted) and ``distance`` (``1 / weight``, the
    length that shortest-path algorithms such as betweenness need: strong ties
    are short). Nodes keep their attributes. networkx's eigenvector centrality
    refuses multigraphs; the collapsed graph is what it takes.

    Parameters
    ----------
    G : networkx.MultiDiGraph or networkx.DiGraph
        An influence network, e.g. from :func:`influence_network`.
    weight : str
        The edge attribute to sum.
    domain, layers : optional
        Keep only edges of this domain, or of these layers.
    as_of : str, datetime.date or PartialDate, optional
        Keep only edges whose ``date`` attribute could fall on or before it
        (the rule of :func:`relations`); scenario edges always stay.
    include_undated : bool
        Whether undated edges stay when *as_of* is given.

    Examples
    --------
    >>> import centralasia as ca
    >>> H = collapse(influence_network(ca.load()), domain="security", layers=["arms-transfer"])
    >>> H.edges["CHN", "UZB"]
    {'weight': 3.0, 'count': 2, 'layers': 'arms-transfer', 'distance': 0.3333333333333333}
    """
    wanted = None if domain is None else coerce_domain(domain).value
    keep = None if layers is None else {_member(Layer, layer, "layers").value for layer in layers}
    cut = _cut(as_of)
    H = nx.DiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))

    def edges() -> Iterator[tuple[str, str, float, str]]:
        for u, v, data in G.edges(data=True):
            if wanted is not None and data.get("domain") != wanted:
                continue
            layer = data.get("layer")
            if keep is not None and layer not in keep:
                continue
            if cut is not None and layer != Layer.SCENARIO.value and not _within(_edge_date(data.get("date")), cut, include_undated):
                continue
            yield u, v, float(data.get(weight, 1.0)), str(layer)

    return _add_pair_sums(H, _pair_sums(edges()), weight)


def _pair_sums(edges: Iterable[tuple[str, str, float, str]]) -> dict[str, dict[str, list[Any]]]:
    """The one aggregator behind :func:`collapse` and :func:`weighted_network`: sum ``(u, v, weight, layer)`` per pair.

    Sums are taken in the order the edges come, so that a multigraph's
    parallel edges (kept in insertion order) and the relation stream they
    were made from give the same floating-point totals. Returns, per source
    and then per target in first-seen order, ``[total, count, layers]``.
    """
    sums: dict[str, dict[str, list[Any]]] = {}
    for u, v, value, layer in edges:
        out = sums.get(u)
        if out is None:
            out = sums[u] = {}
        entry = out.get(v)
        if entry is None:
            out[v] = [0.0 + value, 1, {layer}]
        else:
            entry[0] += value
            entry[1] += 1
            entry[2].add(layer)
    return sums


def _add_pair_sums(H: nx.DiGraph, sums: Mapping[str, Mapping[str, list[Any]]], weight: str) -> nx.DiGraph:
    """Add to *H* an edge per pair of *sums* whose total is above 0, sources in *H*'s node order: :func:`collapse`'s rule."""
    sources = [u for u in H if u in sums]
    if len(sources) != len(sums):
        sources += [u for u in sums if u not in H]
    H.add_edges_from(
        (u, v, {weight: total, "count": count, "layers": ",".join(sorted(layers)), "distance": 1.0 / total})
        for u in sources
        for v, (total, count, layers) in sums[u].items()
        if total > 0
    )
    return H


def weighted_network(
    ds: Dataset,
    *,
    records: Iterable[Record] | None = None,
    domain: Domain | str | None = None,
    as_of: DateLike | None = None,
    weights: Weights | None = None,
    scenario: Scenario | str | None = None,
    magnitudes: Magnitudes | None = None,
    include_undated: bool = True,
) -> nx.DiGraph:
    """The collapsed influence network, summed straight from the relation stream.

    The result equals ``collapse(influence_network(ds, ...))`` with the
    same arguments: the same graph attributes, the same nodes with their
    attributes, and an edge ``u -> v`` for each actor pair whose summed
    weight is above 0, holding ``weight`` (the sum), ``count`` (how many
    relations), ``layers`` (their names, comma-separated and sorted) and
    ``distance`` (``1 / weight``); see :func:`collapse`. The multigraph is
    never built: the relations are summed per pair as they stream, so memory
    grows with the actor pairs and not with the records, and it takes a
    fraction of the time. Use :func:`influence_network` when you need the
    records behind each edge.

    Parameters
    ----------
    ds : Dataset
        The records; with *records*, also the index they are checked against.
    records, domain, as_of, weights, scenario, magnitudes, include_undated
        As for :func:`relations`.

    Returns
    -------
    networkx.DiGraph
        The weighted actor network (``u -> v``: u gains influence over v).

    See Also
    --------
    collapse : the same rule applied to a network already built, with filters.
    influence_scores : measures of influence on the result.

    Examples
    --------
    >>> import networkx as nx
    >>> import centralasia as ca
    >>> H = weighted_network(ca.load(), domain="security")
    >>> H.edges["CHN", "UZB"]["count"] >= 2, H.graph["direction"]
    (True, 'u->v: u gains influence over v')
    >>> H2 = collapse(influence_network(ca.load(), domain="security"))
    >>> nx.utils.graphs_equal(H, H2) and list(H.edges(data=True)) == list(H2.edges(data=True))
    True

    Streamed records are summed as they come and never kept:

    >>> feed = (ca.ArmsTransfer(f"feed-{i}", "RUS", "KAZ", "Su-30SM", "", ca.SipriCategory.AIRCRAFT, [ca.Evidence(paragraph=8)]) for i in range(1000))
    >>> weighted_network(ca.load(), records=feed, domain="security").edges["RUS", "KAZ"]["count"] > 1000
    True
    """
    rows = _relation_rows(
        ds,
        records=records,
        domain=domain,
        as_of=as_of,
        weights=weights,
        scenario=scenario,
        magnitudes=magnitudes,
        include_undated=include_undated,
    )
    H = _empty_network(nx.DiGraph, ds, domain, as_of, scenario)
    sums = _pair_sums((row[0], row[1], row[4], row[2]._value_) for row in rows)
    return _add_pair_sums(H, sums, "weight")


def influence_scores(
    G: nx.MultiDiGraph | nx.DiGraph,
    measure: Measure = "pagerank",
    *,
    weight: str = "weight",
    domain: Domain | str | None = None,
    as_of: DateLike | None = None,
    include_undated: bool = True,
    backend: str | None = None,
    **options: object,
) -> dict[str, float]:
    """A score of each actor's influence in the network, by one of several measures.

    The network is first collapsed with :func:`collapse` (the *domain*,
    *as_of* and *include_undated* filters are passed to it). Then:

    ``"strength"``
        The total weight of a node's outgoing edges: the influence it holds.
    ``"in_strength"``
        The total weight of its incoming edges: the influence it is exposed to.
    ``"pagerank"``
        :func:`networkx.pagerank` on the **reversed** graph: an actor scores
        high when actors that themselves score high are under its influence.
    ``"betweenness"``
        :func:`networkx.betweenness_centrality` with ``distance = 1 / weight``:
        brokerage between other actors.
    ``"eigenvector"``
        :func:`networkx.eigenvector_centrality` on the reversed graph (it may
        fail to converge on a graph that is not strongly connected).

    Parameters
    ----------
    backend : str, optional
        Passed to the networkx algorithm (``"parallel"`` for nx-parallel,
        ``"cugraph"`` for nx-cugraph...). The library never changes
        ``networkx.config``. The strengths are sums computed here.
    **options
        Passed to the networkx algorithm (``alpha``, ``max_iter``...).

    Notes
    -----
    :func:`networkx.pagerank` needs SciPy, a dependency of this package;
    networkx imports it only when PageRank runs, so ``import centralasia``
    stays light.

    Examples
    --------
    >>> import centralasia as ca
    >>> G = influence_network(ca.load(), as_of="2016-12-31")
    >>> strength = influence_scores(G, "strength", domain="security")
    >>> strength["RUS"] > strength["CHN"] > strength["KAZ"]
    True
    >>> rank = influence_scores(G, "pagerank", domain="security")
    >>> round(sum(rank.values()), 6), rank["CHN"] > rank["KAZ"]
    (1.0, True)
    """
    H = collapse(G, weight=weight, domain=domain, as_of=as_of, include_undated=include_undated)
    if measure == "strength":
        return {u: float(s) for u, s in H.out_degree(weight=weight)}
    if measure == "in_strength":
        return {u: float(s) for u, s in H.in_degree(weight=weight)}
    if measure == "pagerank":
        scores = nx.pagerank(H.reverse(copy=False), weight=weight, backend=backend, **options)
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(H, weight="distance", backend=backend, **options)
    elif measure == "eigenvector":
        scores = nx.eigenvector_centrality(H.reverse(copy=False), weight=weight, backend=backend, **options)
    else:
        raise ArgumentError("measure", f"unknown measure {measure!r:.40}; expected one of 'strength', 'in_strength', 'pagerank', 'betweenness', 'eigenvector'")
    return {str(u): float(s) for u, s in scores.items()}
