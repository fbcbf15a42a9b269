"""Comparisons: one role summary against another (a scenario, another date, other weights), as numbers and text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from centralasia import _frames, _panels, _render
from centralasia._tables import coerce_domain
from centralasia.errors import ArgumentError, FieldError, UnknownIdError
from centralasia.model import ActorId, Direction, Domain
from centralasia.roles import RoleSummary

if TYPE_CHECKING:
    import pandas

__all__ = ["BalanceChange", "Change", "Comparison", "LeaderChange", "compare"]


@attrs.frozen
class Change:
    """One power's share in one domain, at baseline and under the other summary.

    ``over`` is a state id, or ``None`` for all the summary's states pooled.
    """

    power: ActorId
    domain: Domain
    over: ActorId | None
    before: float
    after: float

    @property
    def delta(self) -> float:
        """``after - before``."""
        return self.after - self.before


@attrs.frozen
class LeaderChange:
    """The leader of one domain over the pooled states, before and after (``None``: a tie)."""

    domain: Domain
    before: ActorId | None
    after: ActorId | None


@attrs.frozen
class BalanceChange:
    """The balance of one state (``None``: all pooled) over all domains, before and after."""

    over: ActorId | None
    before: float
    after: float

    @property
    def delta(self) -> float:
        """``after - before``."""
        return self.after - self.before


@attrs.frozen
class Comparison:
    """Baseline against another role summary (a scenario, another date or other weights).

    Examples
    --------
    >>> import centralasia as ca
    >>> ds = ca.load()
    >>> c = compare(ca.role_summary(ds), ca.role_summary(ds, scenario="scn-detente-with-west"))
    >>> c.change("RUS", "security").delta > 0
    True
    >>> print(c.text().splitlines()[0])
    scn-detente-with-west against baseline, shares over KAZ, KGZ, TJK, TKM, UZB:
    >>> c.titles[1]
    'Détente between Russia and the West'
    """

    baseline: str
    other: str
    powers: tuple[ActorId, ...]
    states: tuple[ActorId, ...]
    changes: tuple[Change, ...]
    leaders: tuple[LeaderChange, ...]
    balances: tuple[BalanceChange, ...]
    notes: tuple[str, ...] = ()
    #: The titles of the baseline's and the other's scenarios (``None`` for one without a scenario).
    titles: tuple[str | None, str | None] = (None, None)

    def change(self, power: ActorId, domain: Domain | str, over: ActorId | None = None) -> Change:
        """The :class:`Change` of *power* in *domain* over one state (``None``: pooled).

        Examples
        --------
        >>> import centralasia as ca
        >>> ds = ca.load()
        >>> c = compare(ca.role_summary(ds), ca.role_summary(ds, scenario="scn-russia-stays-dominant"))
        >>> c.change("RUS", "security", over="KAZ").delta
        0.0
        """
        d = coerce_domain(domain)
        for c in self.changes:
            if c.power == power and c.domain is d and c.over == over:
                return c
        if power not in self.powers:
            raise UnknownIdError(power, "power")
        raise UnknownIdError(str(over), "state")

    def text(self) -> str:
        """The comparison in sentences: one per power and domain, then leaders and balance.

        Examples
        --------
        >>> import centralasia as ca
        >>> ds = ca.load()
        >>> text = compare(ca.role_summary(ds), ca.role_summary(ds, scenario="scn-all-inclusive-responsibility")).text()
        >>> "RUS's economic share rises" in text
        True
        """
        return _render.comparison_text(self)

    def __str__(self) -> str:
        return _render.comparison_table(self)

    def __repr__(self) -> str:
        return _panels.comparison_repr(self)

    def _repr_html_(self) -> str:
        return _panels.comparison_html(self)

    def to_frame(self) -> pandas.DataFrame:
        """The :attr:`changes` as a DataFrame: power, domain, over (missing: pooled), before, after, delta (needs pandas).

        Examples
        --------
        >>> import centralasia as ca
        >>> ds = ca.load()
        >>> frame = compare(ca.role_summary(ds), ca.role_summary(ds, scenario="scn-detente-with-west")).to_frame()
        >>> list(frame.columns), len(frame) == len(ca.Domain) * 6 * 2
        (['power', 'domain', 'over', 'before', 'after', 'delta'], True)
        """
        return _frames.comparison_frame(self)


def compare(baseline: RoleSummary, other: RoleSummary) -> Comparison:
    """Compare two role summaries of the same powers and states, as numbers and as text.

    Every power's share in every domain, pooled and per state; the leader
    of each domain; each state's balance; and, when *other* applies a
    scenario, a note for each effect the magnitudes leave without change.

    Raises :class:`~centralasia.FieldError` (a :class:`ValueError`) when the
    summaries are of different powers or states, and
    :class:`~centralasia.ArgumentError` when either is no
    :class:`~centralasia.RoleSummary` or they are over no state.

    Examples
    --------
    >>> import centralasia as ca
    >>> ds = ca.load()
    >>> c = compare(ca.role_summary(ds), ca.role_summary(ds, scenario="scn-chinese-security-challenge"))
    >>> c.change("CHN", "security").after > c.change("CHN", "security").before
    True
    >>> [(lc.domain.value, lc.before, lc.after) for lc in c.leaders][0]
    ('security', 'RUS', 'CHN')
    """
    for name, value in (("baseline", baseline), ("other", other)):
        if not isinstance(value, RoleSummary):
            raise ArgumentError(name, f"{name} must be a RoleSummary, not {type(value).__name__}")
    if baseline.powers != other.powers or baseline.states != other.states:
        raise FieldError("other", "compare summaries of the same powers and states", "comparison")
    if not baseline.states or not baseline.powers:
        # role_summary makes none; a summary built by hand could be of nothing.
        raise ArgumentError("baseline", "compare summaries over one state or more, of one power or more")
    changes: list[Change] = []
    for domain in Domain:
        for over in (None, *baseline.states):
            for power in baseline.powers:
                changes.append(Change(power, domain, over, baseline.share(power, domain, over), other.share(power, domain, over)))
    leaders = tuple(LeaderChange(d, baseline.leader(d), other.leader(d)) for d in Domain)
    balances = tuple(BalanceChange(over, baseline.balance(over), other.balance(over)) for over in (None, *baseline.states))
    notes: list[str] = []
    if other.scenario is not None:
        for effect in other.scenario.effects:
            if effect.direction in (Direction.SHIFT, Direction.UNCHANGED):
                why = "the article gives no direction" if effect.direction is Direction.SHIFT else "the article says it stays"
                notes.append(
                    f"{effect.actor} {effect.domain.value}: {effect.direction.value}, not applied ({why});"
                    " its share moves only with the scenario's other effects."
                )
    titles = (baseline.scenario.title if baseline.scenario else None, other.scenario.title if other.scenario else None)
    return Comparison(_render.label(baseline), _render.label(other), baseline.powers, baseline.states, tuple(changes), leaders, balances, tuple(notes), titles)
