"""Three readings of the article side by side: its assessments, the acts it reports, and their momentum.

The unit is the **claim** (one statement of the article), never the record: a claim
votes once in each cell it reaches, however many records rest on it.

* **Assessments**: the authors' own verdicts on roles, from the ``Role`` records.
  A leading role (:data:`~centralasia.checks.LEADING_ROLES`) outranks any other
  role. A role's claims that report acts count on the acts track instead, through
  the records of those acts.
* **Acts**: the records of what was done, split by meaning (:class:`Tier`).
  Directed *leverage* (arms supplies, an announced basing) makes the track's shares;
  undirected *engagement* (agreements, mechanisms, visits, meetings, co-membership)
  is reported beside it as ties; *attention* (statements about, threats) is not influence.
* **Momentum**: per power and domain, the claims of increase against those of decrease
  (projections are left to the scenarios, and an intent is not a change).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from centralasia import _frames, _panels, _render
from centralasia._tables import coerce_domain, lookup, number
from centralasia._text import shown
from centralasia.checks import ArticleCheck, ClaimCheck
from centralasia.errors import ArgumentError, FieldError, UnknownIdError
from centralasia.model import ActorId, Certainty, Domain, RoleKind, Scenario
from centralasia.model._vocab import Vocabulary
from centralasia.weights import Layer

if TYPE_CHECKING:
    import pandas

__all__ = [
    "DEFAULT_TIERS",
    "INCLUSION",
    "LAYER_TIERS",
    "NOT_INFLUENCE",
    "Cell",
    "Momentum",
    "Pooling",
    "Readings",
    "Regional",
    "Support",
    "Tier",
    "Tiers",
    "Track",
    "Vote",
    "coerce_track",
]


class Track(Vocabulary):
    """The three readings of the article."""

    #: The authors' verdicts on roles.
    ASSESSMENTS = "assessments"
    #: The acts the article reports.
    ACTS = "acts"
    #: The claims of increase against those of decrease.
    MOMENTUM = "momentum"


class Tier(Vocabulary):
    """What one vote means: its rank within its track."""

    #: A leading role ("security guarantor", "economic developer").
    LEAD = "lead"
    #: Any other role of a power (partner, supplier, gatekeeper...).
    PART = "part"
    #: A directed act (an arms supply, an announced basing).
    LEVERAGE = "leverage"
    #: An undirected tie (an agreement, a mechanism, a visit, a meeting, a shared membership).
    ENGAGEMENT = "engagement"
    #: Words about others, threats, intentions; reported, never influence.
    ATTENTION = "attention"


class Support(Vocabulary):
    """How many claims stand behind a cell."""

    #: Two votes or more (an act two claims describe is one vote).
    SUPPORTED = "supported"
    #: Under two votes; the shares are shown, but no leader is named.
    INSUFFICIENT = "insufficient"
    #: No share at all (``None``, printed "—").
    MISSING = "missing"


class Pooling(Vocabulary):
    """How the region row is made from the states' cells."""

    #: The equal-weight mean of the states' shares; each state counts once, however much the article wrote about it.
    MEAN = "mean"
    #: The states' scores summed; a region-wide claim counts once per state.
    SUM = "sum"


class Regional(Vocabulary):
    """What a region-wide claim weighs in each state's cell."""

    #: Its full weight in every state.
    FULL = "full"
    #: Its weight divided among the states it reaches.
    SHARED = "shared"


#: The tier of each relation layer on the acts track (role claims are ranked by their kind).
LAYER_TIERS: Mapping[Layer, Tier] = MappingProxyType(
    {
        Layer.ARMS_TRANSFER: Tier.LEVERAGE,
        Layer.ANNOUNCEMENT: Tier.LEVERAGE,
        Layer.AGREEMENT: Tier.ENGAGEMENT,
        Layer.MECHANISM: Tier.ENGAGEMENT,
        Layer.UNDERSTANDING: Tier.ENGAGEMENT,
        Layer.MEMBERSHIP: Tier.ENGAGEMENT,
        Layer.CO_MEMBERSHIP: Tier.ENGAGEMENT,
        Layer.VISIT: Tier.ENGAGEMENT,
        Layer.MEETING: Tier.ENGAGEMENT,
        Layer.SUMMIT: Tier.ENGAGEMENT,
        Layer.EXERCISE: Tier.ENGAGEMENT,
        Layer.TALKS: Tier.ENGAGEMENT,
        Layer.STATEMENT: Tier.ATTENTION,
        Layer.ATTACK: Tier.ATTENTION,
        Layer.TRANSITION: Tier.ATTENTION,
        Layer.MILITANT_ACTIVITY: Tier.ATTENTION,
    }
)
#: Roles that hold no influence over those they name, such as a threat over its targets, a balancer over the powers it courts.
NOT_INFLUENCE = frozenset({RoleKind.SECURITY_THREAT, RoleKind.BALANCER})

#: The probability that a claim of each certainty holds, used when sampling (:func:`~centralasia.robustness`).
INCLUSION: Mapping[Certainty, float] = MappingProxyType({Certainty.STATED: 1.0, Certainty.ASSESSED: 0.75, Certainty.REPORTED: 0.5, Certainty.PROJECTED: 0.25})


#: The range a tier weight may take, wide enough for any order, narrow enough that no sum overflows or vanishes.
_TIER_RANGE = (1e-6, 1e6)


def _tier_weight(value: object, name: str) -> float:
    low, high = _TIER_RANGE
    result = number(value, name, "Tiers", upper=math.inf)
    if not low <= result <= high and not (name == "engagement" and result == 0):
        raise FieldError(name, f"{name} must be between {low:g} and {high:g}, not {shown(value)}", "Tiers")
    return result


def _lead(value: object) -> float:
    return _tier_weight(value, "lead")


def _part(value: object) -> float:
    return _tier_weight(value, "part")


def _leverage(value: object) -> float:
    return _tier_weight(value, "leverage")


def _engagement(value: object) -> float:
    return _tier_weight(value, "engagement")


@attrs.frozen
class Tiers:
    """What a vote of each tier weighs: an order, not a size (sampling keeps only the order).

    ``lead > part`` ranks the assessments; ``leverage >= engagement`` the acts, where
    engagement counts only when ties are counted as influence (``ties=True``).

    Examples
    --------
    >>> Tiers().lead, Tiers().part
    (2.0, 1.0)
    >>> Tiers(lead=1.0, part=2.0)
    Traceback (most recent call last):
    ...
    centralasia.errors.FieldError: invalid Tiers: 1 problem
      - a leading role must outrank any other (lead > part), not 1.0 <= 2.0 @ $.lead
    """

    lead: float = attrs.field(default=2.0, converter=_lead)
    part: float = attrs.field(default=1.0, converter=_part)
    leverage: float = attrs.field(default=1.0, converter=_leverage)
    #: May be 0, and engagement then never counts, even with ``ties=True``.
    engagement: float = attrs.field(default=0.5, converter=_engagement)

    def __attrs_post_init__(self) -> None:
        if not self.lead > self.part:
            raise FieldError("lead", f"a leading role must outrank any other (lead > part), not {self.lead} <= {self.part}", "Tiers")
        if not self.leverage >= self.engagement:
            raise FieldError("leverage", f"leverage must weigh at least engagement, not {self.leverage} < {self.engagement}", "Tiers")

    def weight(self, tier: Tier | str) -> float:
        """The weight of one vote of *tier* (attention: 0).

        Examples
        --------
        >>> Tiers().weight("lead"), Tiers().weight(Tier.ATTENTION)
        (2.0, 0.0)
        """
        found = lookup(Tier, tier)
        if found is None:
            raise ArgumentError("tier", f"unknown tier {shown(tier)}; expected one of {', '.join(repr(t.value) for t in Tier)}")
        return _TIER_WEIGHT[found](self)


_TIER_WEIGHT: Mapping[Tier, Callable[[Tiers], float]] = MappingProxyType(
    {
        Tier.LEAD: lambda t: t.lead,
        Tier.PART: lambda t: t.part,
        Tier.LEVERAGE: lambda t: t.leverage,
        Tier.ENGAGEMENT: lambda t: t.engagement,
        Tier.ATTENTION: lambda t: 0.0,
    }
)

#: The documented default tiers.
DEFAULT_TIERS = Tiers()


@attrs.frozen
class Vote:
    """One claim's vote for one power over one state in one domain, on one track."""

    claim: str
    track: Track
    tier: Tier
    power: ActorId
    over: ActorId
    domain: Domain
    #: The records the vote rests on.
    records: tuple[str, ...]
    certainty: Certainty
    #: Whether the claim is about the region as a whole rather than named states.
    regional: bool
    #: Whether the claim names the state itself (not only through a grouping such as "Central Asia").
    named: bool
    #: The paragraphs of the article the claim stands in.
    paragraphs: tuple[int, ...]
    #: The vote's size, 1, or less on the acts track when each of its records rests on several claims (one act, one vote).
    weight: float = 1.0


@attrs.frozen
class Cell:
    """One reading: the powers' shares in one domain over one state (or pooled), on one track.

    Attributes
    ----------
    shares : Mapping[str, float]
        Each power's share; empty when the cell is :attr:`Support.MISSING`.
    scores : Mapping[str, float]
        Each power's summed vote weight (mean shares for a pooled row).
    claims : Mapping[str, tuple[str, ...]]
        The claims behind each power's score.
    support : int
        The distinct claims behind the cell.
    effective : float
        The effective number of claims, ``(sum w)**2 / sum(w**2)``: support discounted for unequal weights.
    status : Support
        Supported (two claims or more), insufficient (one) or missing (none).
    leader : str or None
        The power with the largest share, when supported and not tied.
    balance : float or None
        1 minus the normalised Herfindahl index over the powers with support; ``None`` unless two have.
    co_engaged : bool
        Whether two powers or more are active here (ties included).
    inherited : bool
        Whether the cell rests only on claims that do not name its state (region-wide ones, or ones about a power alone).
    ties : Mapping[str, float]
        On the acts track: the engagement of each power in claims, each at its vote's weight (reported beside the
        shares, not counted in them unless ``ties=True``).
    states : tuple of str
        The states the cell covers.
    """

    track: Track
    domain: Domain
    #: The state, or ``None`` for the region row.
    over: ActorId | None
    shares: Mapping[ActorId, float]
    scores: Mapping[ActorId, float]
    claims: Mapping[ActorId, tuple[str, ...]]
    support: int
    effective: float
    status: Support
    leader: ActorId | None
    balance: float | None
    co_engaged: bool
    inherited: bool
    ties: Mapping[ActorId, float]
    states: tuple[ActorId, ...]

    def share(self, power: ActorId) -> float | None:
        """*power*'s share, or ``None`` when the cell is missing."""
        return self.shares.get(power)


@attrs.frozen
class Momentum:
    """The claims that a power's standing in a domain grows, against those that it shrinks.

    A claim counts when it has a trend and a domain, names the power among its actors,
    is about the region (or a record over it rests on it), and is neither a projection
    (that is the scenarios' part) nor an intent (trying is not changing).

    ``net`` is ``(increase - decrease) / (increase + decrease)`` in claims, from -1 to 1,
    ``None`` without claims.
    """

    power: ActorId
    domain: Domain
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    net: float | None
    status: Support


@attrs.frozen
class Readings:
    """The article read three ways, per domain and state and for the region: make it with :func:`readings`.

    Methods that take ``over`` accept a state id, or ``None`` for the region row;
    ``track`` is ``"assessments"`` (the default: the article's own reading) or ``"acts"``.

    Examples
    --------
    >>> import centralasia as ca
    >>> r = ca.readings(ca.load())
    >>> r.leader("security"), r.leader("economic"), r.leader("security", track="acts")
    ('RUS', 'CHN', 'CHN')
    >>> r.cell("security", over="KAZ", track="acts").status.value
    'missing'
    """

    powers: tuple[ActorId, ...]
    states: tuple[ActorId, ...]
    cells: Mapping[tuple[Track, Domain, ActorId | None], Cell] = attrs.field(repr=False)
    momentum: Mapping[tuple[ActorId, Domain], Momentum] = attrs.field(repr=False)
    votes: tuple[Vote, ...] = attrs.field(repr=False)
    pooling: Pooling = Pooling.MEAN
    regional: Regional = Regional.FULL
    ties: bool = False
    tiers: Tiers = DEFAULT_TIERS
    scenario: Scenario | None = None

    def cell(self, domain: Domain | str, over: ActorId | None = None, track: Track | str = Track.ASSESSMENTS) -> Cell:
        """The cell of *domain* over the state *over* (``None``: the region row) on *track*."""
        t = coerce_track(track)
        if t is Track.MOMENTUM:
            raise ArgumentError("track", "momentum has no cells: see Readings.momentum")
        if over is not None and over not in self.states:
            raise UnknownIdError(str(over), "state of the readings")
        return self.cells[t, coerce_domain(domain), over]

    def share(self, power: ActorId, domain: Domain | str, over: ActorId | None = None, track: Track | str = Track.ASSESSMENTS) -> float | None:
        """*power*'s share, or ``None`` where no claim speaks (never a made-up 0 or 1)."""
        if power not in self.powers:
            raise UnknownIdError(str(power), "power")
        return self.cell(domain, over, track).share(power)

    def leader(self, domain: Domain | str, over: ActorId | None = None, track: Track | str = Track.ASSESSMENTS) -> ActorId | None:
        """The leading power, or ``None`` on a tie or with fewer than two claims."""
        return self.cell(domain, over, track).leader

    def balance(self, domain: Domain | str, over: ActorId | None = None, track: Track | str = Track.ASSESSMENTS) -> float | None:
        """How evenly the powers with support share the cell (``None`` unless two have support).

        Examples
        --------
        >>> import centralasia as ca
        >>> r = ca.readings(ca.load())
        >>> round(r.balance("security"), 3), r.balance("economic")
        (0.852, None)
        """
        return self.cell(domain, over, track).balance

    def disagreements(self) -> tuple[tuple[Cell, Cell], ...]:
        """The (assessment, acts) cell pairs whose leaders differ where both name one.

        A pair says where the verdicts and the reported acts part; it says nothing of the
        region itself, and where the article reports no act of a power at all (Russia's
        leverage here), the acts could not have named it. See :meth:`agreement_with_article`.

        Examples
        --------
        >>> import centralasia as ca
        >>> [(a.domain.value, a.over, a.leader, b.leader) for a, b in ca.readings(ca.load()).disagreements()]
        [('security', 'UZB', 'RUS', 'CHN'), ('security', None, 'RUS', 'CHN')]
        """
        out = []
        for (track, domain, over), cell in self.cells.items():
            if track is Track.ASSESSMENTS:
                other = self.cells[Track.ACTS, domain, over]
                if cell.leader is not None and other.leader is not None and cell.leader != other.leader:
                    out.append((cell, other))
        return tuple(out)

    def agreement_with_article(self) -> ArticleCheck:
        """Each assessment claim beside the acts over the same states and the power's momentum.

        Examples
        --------
        >>> import centralasia as ca
        >>> checks = {(c.claim, c.power): c for c in ca.readings(ca.load()).agreement_with_article()}
        >>> guarantor = checks["c-p08-rus-key-player", "RUS"]
        >>> guarantor.tier, guarantor.agrees, guarantor.reason
        ('lead', None, 'untestable: the article reports no security leverage of RUS at all')
        >>> checks["c-p03-activation-challenges", "CHN"].agrees
        True
        """
        found: dict[tuple[str, ActorId, Domain], tuple[Tier, dict[ActorId, None]]] = {}
        # What acts each power has anywhere, by domain: a verdict on a power the acts never show cannot be tested by them.
        acting: dict[tuple[ActorId, Domain], set[Tier]] = {}
        for v in self.votes:
            if v.track is Track.ASSESSMENTS:
                found.setdefault((v.claim, v.power, v.domain), (v.tier, {}))[1][v.over] = None
            elif v.tier is not Tier.ATTENTION:
                acting.setdefault((v.power, v.domain), set()).add(v.tier)
        checks = []
        for (claim, power, domain), (tier, covered) in found.items():
            states = tuple(s for s in self.states if s in covered)
            acts = [self.cells[Track.ACTS, domain, s] for s in states]
            leaders = tuple(c.leader for c in acts)
            momentum = self.momentum[power, domain].net
            agrees: bool | None
            compared = {Tier.LEVERAGE} if tier is Tier.LEAD else {Tier.LEVERAGE, Tier.ENGAGEMENT}
            if not compared & acting.get((power, domain), set()):
                what = "leverage" if tier is Tier.LEAD else "acts"
                agrees, reason = None, f"untestable: the article reports no {domain.value} {what} of {power} at all"
            elif tier is Tier.LEAD:
                led = [c for c in acts if c.leader is not None]
                if not led:
                    agrees, reason = None, f"the acts name no {domain.value} leader there"
                else:
                    agrees = all(c.leader == power for c in led)
                    against = [c for c in led if c.leader != power]
                    silent = sum(1 for c in acts if c.status is Support.MISSING)
                    where = ", ".join(f"{c.over} ({c.support} claims)" for c in against)
                    others = ", ".join(sorted({str(c.leader) for c in against}))
                    reason = (
                        f"the acts name {power} the leader"
                        if agrees
                        else f"the acts name {others} the leader over {where}; no acts over {silent} of {len(states)} states"
                    )
            else:
                active = any(c.scores.get(power, 0.0) > 0 or c.ties.get(power, 0) > 0 for c in acts)
                anyone = any(c.status is not Support.MISSING or any(c.ties.values()) for c in acts)
                agrees = True if active else (False if anyone else None)
                reason = (
                    f"{power} has reported {domain.value} acts there"
                    if active
                    else (f"no {domain.value} acts of {power} reported there" if anyone else "no acts reported there")
                )
            checks.append(ClaimCheck(claim, power, domain, tier.value, states, leaders, momentum, agrees, reason))
        return ArticleCheck(tuple(checks))

    def __iter__(self) -> Iterator[Cell]:
        return iter(self.cells.values())

    def __str__(self) -> str:
        return _render.readings_text(self)

    def __repr__(self) -> str:
        return _panels.readings_repr(self)

    def _repr_html_(self) -> str:
        return _panels.readings_html(self)

    def to_frame(self) -> pandas.DataFrame:
        """One row per cell and power: track, domain, over (missing: the region), power, share, score, support, status, leader... (needs pandas).

        A share is missing (``<NA>``) where no claim speaks, never a made-up 0. ``share`` is a share on every
        row (on the region row, with the default ``pooling="mean"``, the mean of the states' shares); ``score`` is
        a summed tier weight only: on state rows, and on the region row with ``pooling="sum"``; it is missing on a
        mean-pooled region row.

        Examples
        --------
        >>> import centralasia as ca
        >>> frame = ca.readings(ca.load()).to_frame()
        >>> region = frame[frame["over"].isna() & (frame["track"] == "assessments") & (frame["domain"] == "security")]
        >>> region.set_index("power")["leader"].tolist(), int(region["support"].iloc[0])
        (['RUS', 'RUS'], 9)
        """
        return _frames.readings_frame(self)


def coerce_track(value: Track | str) -> Track:
    """*value* as a :class:`Track`; an :class:`~centralasia.ArgumentError` naming the choices otherwise."""
    found = lookup(Track, value)
    if found is None:
        raise ArgumentError("track", f"unknown track {shown(value)}; expected one of {', '.join(repr(t.value) for t in Track)}")
    return found
