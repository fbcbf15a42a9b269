"""The weights table: what one relation of each kind is worth, as a typed, overridable value."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from centralasia import _panels
from centralasia._tables import Table, coerce_domain, id_key, member, number
from centralasia.errors import FieldError
from centralasia.model import Certainty, Domain, EventKind, MembershipStatus, OrganizationKind, RoleKind
from centralasia.model._vocab import Vocabulary

__all__ = ["DEFAULT_WEIGHTS", "Layer", "Weights"]

_E = TypeVar("_E", bound=enum.Enum)


class Layer(Vocabulary):
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
    #: A statement (those on whose behalf it was made -> the states it is about).
    STATEMENT = "statement"
    #: A role claim (the actor -> those the role is over).
    ROLE = "role"
    #: An edge a scenario adds (weighted by :class:`~centralasia.scenarios.Magnitudes`).
    SCENARIO = "scenario"


def _factors(
    kind: type[_E], defaults: Mapping[_E, float], field: str, value: Mapping[_E | str, float] | Mapping[_E, float] | Mapping[str, float]
) -> Mapping[_E, float]:
    _mapping(value, field)
    merged = dict(defaults)
    for key, value_ in value.items():
        found = member(kind, key, field, defaults)
        merged[found] = number(value_, f"{field}[{found.value!r}]")
    return Table(merged)


#: Layer weights, how much one relation of each kind is worth (see docs/methodology.md).
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
# A threat holds no influence over those it threatens, nor does a balancer over the powers it
# seeks as partners ("striving to become an indispensable partner"): both stay visible at weight 0.
_ROLES: dict[RoleKind, float] = {kind: 1.0 for kind in RoleKind} | {RoleKind.SECURITY_THREAT: 0.0, RoleKind.BALANCER: 0.0}
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
        merged[member(EventKind, key, "event_domains")] = coerce_domain(domain, "event_domains", "Weights")
    return Table(merged)


def _organization_domains(
    value: Mapping[OrganizationKind | str, Domain | str | None] | Mapping[OrganizationKind, Domain | None] | Mapping[str, str | None],
) -> Mapping[OrganizationKind, Domain | None]:
    _mapping(value, "organization_domains")
    merged = dict(_ORGANIZATION_DOMAINS)
    for key, domain in value.items():
        merged[member(OrganizationKind, key, "organization_domains")] = None if domain is None else coerce_domain(domain, "organization_domains", "Weights")
    return Table(merged)


def _record_domains(value: Mapping[str, Domain | str] | Mapping[str, Domain] | Mapping[str, str]) -> Mapping[str, Domain]:
    _mapping(value, "record_domains")
    out: dict[str, Domain] = {}
    for key, domain in value.items():
        # Whether each names a record is known only against a dataset: the analyses check it there.
        out[id_key(key, "record_domains", "record ids", "Weights")] = coerce_domain(domain, "record_domains", "Weights")
    return Table(out)


def _merged(old: Mapping[Any, Any], new: Mapping[Any, Any] | None, field: str) -> Mapping[Any, Any]:
    """*old* with the entries of *new* on top (``None``: *old* itself)."""
    if new is None:
        return old
    _mapping(new, field)
    return {**old, **new}


def _background_number(value: float) -> float:
    return number(value, "background")


def _repeated_number(value: float) -> float:
    return number(value, "repeated")


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
    Every number is from 0 to ``1e6``: far beyond any
    reading, and far below where the products and sums of the analyses could
    overflow, so that no total or share is ever infinite or NaN. Unknown keys,
    and numbers that are not numbers (a bool is not), negative, non-finite or
    too large raise :class:`~centralasia.FieldError` (a :class:`ValueError`)
    naming the entry (``$.layers['role']``). ``record_domains`` keys must look
    like record ids; the analyses refuse, with
    :class:`~centralasia.ArgumentError`, one that names no record of their dataset.

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
        organization_domains: Mapping[OrganizationKind | str, Domain | str | None]
        | Mapping[OrganizationKind, Domain | None]
        | Mapping[str, str | None]
        | None = None,
        record_domains: Mapping[str, Domain | str] | Mapping[str, Domain] | Mapping[str, str] | None = None,
    ) -> Weights:
        """A copy with the given entries changed and every other entry kept from *self*.

        Examples
        --------
        >>> w = DEFAULT_WEIGHTS.override(layers={"visit": 2.0}).override(certainty={"assessed": 0.5})
        >>> w.layers[Layer.VISIT], w.certainty[Certainty.ASSESSED], w.layers[Layer.ROLE]
        (2.0, 0.5, 2.0)
        """
        # Each merged table is checked again by its field's converter, keys given as strings included.
        return attrs.evolve(
            self,
            layers=_merged(self.layers, layers, "layers"),
            certainty=_merged(self.certainty, certainty, "certainty"),
            roles=_merged(self.roles, roles, "roles"),
            statuses=_merged(self.statuses, statuses, "statuses"),
            background=self.background if background is None else background,
            repeated=self.repeated if repeated is None else repeated,
            event_domains=_merged(self.event_domains, event_domains, "event_domains"),
            organization_domains=_merged(self.organization_domains, organization_domains, "organization_domains"),
            record_domains=_merged(self.record_domains, record_domains, "record_domains"),
        )

    def without(self, *layers: Layer | str) -> Weights:
        """A copy in which the given layers weigh nothing (their edges stay, at weight 0).

        Examples
        --------
        >>> DEFAULT_WEIGHTS.without("role").layers[Layer.ROLE]
        0.0
        """
        return self.override(layers={member(Layer, layer, "layers", _LAYERS): 0.0 for layer in layers})

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

    def __repr__(self) -> str:
        return _panels.weights_repr(self, DEFAULT_WEIGHTS)

    def _repr_html_(self) -> str:
        return _panels.weights_html(self, DEFAULT_WEIGHTS)


#: The documented default weights; ``Weights()`` equals it.
DEFAULT_WEIGHTS = Weights()
