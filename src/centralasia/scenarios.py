"""Scenario what-ifs: apply a scenario's effects to the influence network and compare with the baseline."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from centralasia.errors import ArgumentError, FieldError, UnknownIdError
from centralasia.model import (
    ActorId,
    Certainty,
    Dataset,
    Direction,
    Domain,
    Effect,
    EvidenceKind,
    Evidence,
    Horizon,
    Scenario,
    Section,
)
from centralasia.network import Layer, Relation, _Row, central_asian_states, expand, relations

if TYPE_CHECKING:
    from centralasia.roles import RoleSummary

__all__ = [
    "DEFAULT_MAGNITUDES",
    "BalanceChange",
    "Change",
    "Comparison",
    "LeaderChange",
    "Magnitudes",
    "apply_scenario",
    "compare",
    "make_scenario",
    "resolve_scenario",
]


def _fraction(name: str, upper: float | None) -> Callable[[object, attrs.Attribute[float], float], None]:
    def check(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0 or (upper is not None and value > upper):
            bound = "" if upper is None else f" and <= {upper:g}"
            raise FieldError(name, f"{name} must be a finite number >= 0{bound}, not {value!r:.40}", "Magnitudes")

    return check


def _scales(value: Mapping[str, float]) -> Mapping[str, float]:
    from centralasia.network import _Table

    if not isinstance(value, Mapping):
        raise FieldError("scale", f"scale must be a mapping of scenario ids to numbers, not {type(value).__name__}", "Magnitudes")
    out: dict[str, float] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key:
            raise FieldError("scale", f"scale keys are scenario ids, not {key!r:.40}", "Magnitudes")
        if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number) or number < 0:
            raise FieldError("scale", f"scale[{key!r}] must be a finite number >= 0, not {number!r:.40}", "Magnitudes")
        out[key] = float(number)
    return _Table(out)


@attrs.frozen
class Magnitudes:
    """How far a scenario moves the network: explicit assumptions, since the article gives none.

    For each effect ``(actor, domain, direction, over)`` of a scenario and
    each state *s* it is over (an empty ``over`` means the Central Asian states):

    * **increase**: a new edge ``actor -> s`` of layer ``scenario`` whose weight is
      ``increase`` times the total weight of all edges into *s* in that domain
      at baseline (``increase`` itself when there are none). With the default
      0.5 the actor gains half as much influence as all actors together hold
      over *s* today.
    * **decrease**: every edge ``actor -> s`` in that domain is multiplied by
      ``1 - decrease`` (the default 0.5 halves it).
    * **shift** and **unchanged**: no change. The article gives no direction for
      a shift, and the comparison says so.

    ``scale`` multiplies both numbers for one scenario by id (a decrease is
    capped at 1, removing the influence), for scenarios an analyst reads as
    stronger or weaker than the others.

    Examples
    --------
    >>> m = Magnitudes(increase=0.25, scale={"scn-beijing-replaces-moscow": 2.0})
    >>> m.factor("scn-beijing-replaces-moscow", Direction.INCREASE), m.factor("other", Direction.DECREASE)
    (0.5, 0.5)
    >>> Magnitudes(decrease=1.5)
    Traceback (most recent call last):
    ...
    centralasia.errors.FieldError: invalid Magnitudes: 1 problem
      - decrease must be a finite number >= 0 and <= 1, not 1.5 @ $.decrease
    """

    increase: float = attrs.field(default=0.5, validator=_fraction("increase", None))
    decrease: float = attrs.field(default=0.5, validator=_fraction("decrease", 1.0))
    scale: Mapping[str, float] = attrs.field(factory=dict, converter=_scales)

    def factor(self, scenario: str, direction: Direction) -> float:
        """The magnitude of an effect of *direction* in the scenario *scenario* (0 for shift and unchanged)."""
        k = self.scale.get(scenario, 1.0)
        if direction is Direction.INCREASE:
            return self.increase * k
        if direction is Direction.DECREASE:
            return min(1.0, self.decrease * k)
        return 0.0


#: The documented default magnitudes.
DEFAULT_MAGNITUDES = Magnitudes()


def resolve_scenario(ds: Dataset, scenario: Scenario | str) -> Scenario:
    """The scenario *scenario* names (by id) or is, with every actor it names checked against *ds*.

    Raises :class:`~centralasia.UnknownIdError` (a :class:`LookupError`) for an
    id that names no scenario, or an effect naming an unknown actor.

    Examples
    --------
    >>> import centralasia as ca
    >>> resolve_scenario(ca.load(), "scn-detente-with-west").horizon
    <Horizon.UNSPECIFIED: 'unspecified'>
    >>> resolve_scenario(ca.load(), "KAZ")
    Traceback (most recent call last):
    ...
    centralasia.errors.UnknownIdError: unknown scenario id 'KAZ'
    """
    if isinstance(scenario, str):
        record = ds.get(scenario)
        if not isinstance(record, Scenario):
            raise UnknownIdError(scenario, "scenario")
        return record
    if not isinstance(scenario, Scenario):
        raise ArgumentError("scenario", f"scenario must be a Scenario or a scenario id, not {type(scenario).__name__}")
    for effect in scenario.effects:
        expand(ds, (effect.actor, *effect.over))
    return scenario


def make_scenario(
    id: str,
    effects: Iterable[Effect],
    *,
    title: str | None = None,
    outcome: str | None = None,
    horizon: Horizon = Horizon.UNSPECIFIED,
    source: str = "user assumption",
) -> Scenario:
    """A scenario of your own, with background evidence naming *source* instead of the article.

    Examples
    --------
    >>> import centralasia as ca
    >>> mine = make_scenario("usa-returns", [ca.Effect("USA", ca.Domain.SECURITY, ca.Direction.INCREASE, "The US returns.")])
    >>> mine.evidence[0].is_background, mine.effects[0].actor
    (True, 'USA')
    """
    evidence = Evidence(section=Section.TITLE, kind=EvidenceKind.BACKGROUND, source=source, note="A scenario written by a user, not the article's.")
    return Scenario(
        id=id,
        title=title or id,
        horizon=horizon,
        outcome=outcome or "As its effects say.",
        evidence=(evidence,),
        effects=tuple(effects),  # type: ignore[arg-type]  # the attrs plugin reads the converter ``tuple`` as Iterable[_T_co]
    )


def apply_scenario(
    ds: Dataset,
    scenario: Scenario | str,
    baseline: Iterable[Relation] | None = None,
    *,
    magnitudes: Magnitudes | None = None,
) -> Iterator[Relation]:
    """The relations of *baseline* as *scenario* changes them, then the edges it adds.

    The rules and their numbers are those of :class:`Magnitudes`. Relations
    pass through one at a time (a decrease rescales them and marks them with
    the scenario id); the edges for increases come last, once the baseline
    totals they are measured against are known. An effect over a state
    grouping applies to its members; one by a grouping applies to each member.

    Parameters
    ----------
    ds : Dataset
        The dataset (to resolve ids, groupings and the Central Asian states).
    scenario : Scenario or str
        A scenario or the id of one in *ds*.
    baseline : iterable of Relation, optional
        The relations to change; ``relations(ds)`` by default.
    magnitudes : Magnitudes, optional
        :data:`DEFAULT_MAGNITUDES` by default.

    Examples
    --------
    >>> import centralasia as ca
    >>> ds = ca.load()
    >>> added = [r for r in apply_scenario(ds, "scn-detente-with-west") if r.layer is Layer.SCENARIO]
    >>> sorted({(r.source, r.domain.value) for r in added}), len(added)
    ([('RUS', 'security')], 5)
    """
    scenario_id, scaled, added = _plan(ds, scenario, magnitudes)
    stream = relations(ds) if baseline is None else baseline
    return _apply(stream, scenario_id, scaled, added)


def _plan(
    ds: Dataset, scenario: Scenario | str, magnitudes: Magnitudes | None
) -> tuple[str, dict[tuple[str, Domain, str], float], list[tuple[str, Domain, str, float]]]:
    """What *scenario* does: its id, the factor of each rescaled (actor, domain, target) and the edges it adds."""
    chosen = resolve_scenario(ds, scenario)
    mags = DEFAULT_MAGNITUDES if magnitudes is None else magnitudes
    if not isinstance(mags, Magnitudes):
        raise ArgumentError("magnitudes", f"magnitudes must be a Magnitudes table, not {type(mags).__name__}")
    region = central_asian_states(ds)
    scaled: dict[tuple[str, Domain, str], float] = {}
    added: list[tuple[str, Domain, str, float]] = []
    for effect in chosen.effects:
        m = mags.factor(chosen.id, effect.direction)
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
    return chosen.id, scaled, added


def _scenario_rows(ds: Dataset, scenario: Scenario | str, rows: Iterable[_Row], magnitudes: Magnitudes | None) -> Iterator[_Row]:
    """:func:`apply_scenario` on relations given as rows (see :func:`centralasia.network._relation_rows`).

    The scenario is resolved at the call; the rows are then read one at a time.
    """
    return _apply_rows(rows, *_plan(ds, scenario, magnitudes))


def _apply_rows(
    rows: Iterable[_Row],
    scenario: str,
    scaled: Mapping[tuple[str, Domain, str], float],
    added: Sequence[tuple[str, Domain, str, float]],
) -> Iterator[_Row]:
    """:func:`_apply` on rows: the same sums in the same order, keyed by the domains' values (strings hash faster)."""
    factors = {(source, domain._value_, target): f for (source, domain, target), f in scaled.items()}
    watched = {(domain._value_, target) for _, domain, target, _ in added}
    totals: dict[tuple[str, str], float] = {}
    for row in rows:
        if watched or factors:
            domain = row[3]._value_
            if (domain, row[1]) in watched:
                totals[domain, row[1]] = totals.get((domain, row[1]), 0.0) + row[4]
            factor = factors.get((row[0], domain, row[1]))
            if factor is not None:
                u, v, layer, domain_of, weight, certainty, record, date, _ = row
                row = (u, v, layer, domain_of, weight * factor, certainty, record, date, scenario)
        yield row
    for actor, domain_, target, m in added:
        total = totals.get((domain_._value_, target), 0.0)
        weight = m * total if total > 0 else m
        yield (actor, target, Layer.SCENARIO, domain_, weight, Certainty.PROJECTED, scenario, None, scenario)


def _apply(
    stream: Iterable[Relation],
    scenario: str,
    scaled: Mapping[tuple[str, Domain, str], float],
    added: Sequence[tuple[str, Domain, str, float]],
) -> Iterator[Relation]:
    watched = {(domain, target) for _, domain, target, _ in added}
    totals: dict[tuple[Domain, str], float] = {}
    for r in stream:
        if (r.domain, r.target) in watched:
            totals[r.domain, r.target] = totals.get((r.domain, r.target), 0.0) + r.weight
        factor = scaled.get((r.source, r.domain, r.target))
        if factor is not None:
            r = attrs.evolve(r, weight=r.weight * factor, scenario=scenario)
        yield r
    for actor, domain, target, m in added:
        total = totals.get((domain, target), 0.0)
        weight = m * total if total > 0 else m
        yield Relation(actor, target, Layer.SCENARIO, domain, weight, Certainty.PROJECTED, scenario, None, scenario)


# --------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------


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


def _label(summary: RoleSummary) -> str:
    return "baseline" if summary.scenario is None else summary.scenario.id


_TOLERANCE = 1e-9


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
    """

    baseline: str
    other: str
    powers: tuple[ActorId, ...]
    states: tuple[ActorId, ...]
    changes: tuple[Change, ...]
    leaders: tuple[LeaderChange, ...]
    balances: tuple[BalanceChange, ...]
    notes: tuple[str, ...] = ()

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
        from centralasia.network import coerce_domain

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
        lines = [f"{self.other} against {self.baseline}, shares over {', '.join(self.states)}:"]
        for c in self.changes:
            if c.over is not None:
                continue
            if abs(c.delta) <= _TOLERANCE:
                verb = f"stays at {c.before:.3f}"
            else:
                verb = f"{'rises' if c.delta > 0 else 'falls'} from {c.before:.3f} to {c.after:.3f} ({c.delta:+.3f})"
            lines.append(f"- {c.power}'s {c.domain.value} share {verb}.")
        for lc in self.leaders:
            before = lc.before or "nobody (tie)"
            after = lc.after or "nobody (tie)"
            if lc.before == lc.after:
                lines.append(f"- {lc.domain.value}: {before} leads in both.")
            else:
                lines.append(f"- {lc.domain.value}: the lead passes from {before} to {after}.")
        pooled = next((b for b in self.balances if b.over is None), None)
        if pooled is not None:
            lines.append(f"- Balance between the powers (1 = even): {pooled.before:.3f} -> {pooled.after:.3f}.")
        lines += [f"- Note: {note}" for note in self.notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        width = max(len(s) for s in ("all", *self.states))
        header = f"{'domain':<11}{'power':<7}{'over':<{width + 2}}{self.baseline[:10]:>10}{self.other[:10]:>12}{'change':>9}"
        rows = [header]
        for c in self.changes:
            rows.append(f"{c.domain.value:<11}{c.power:<7}{(c.over or 'all'):<{width + 2}}{c.before:>10.3f}{c.after:>12.3f}{c.delta:>+9.3f}")
        return "\n".join(rows) + "\n\n" + self.text()


def compare(baseline: RoleSummary, other: RoleSummary) -> Comparison:
    """Compare two role summaries of the same powers and states, as numbers and as text.

    Every power's share in every domain, pooled and per state; the leader
    of each domain; each state's balance; and, when *other* applies a
    scenario, a note for each effect the magnitudes leave without change.

    Raises :class:`~centralasia.FieldError` (a :class:`ValueError`) when the
    summaries are of different powers or states.

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
    if baseline.powers != other.powers or baseline.states != other.states:
        raise FieldError("other", "compare summaries of the same powers and states", "comparison")
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
                notes.append(f"{effect.actor} {effect.domain.value}: {effect.direction.value}, left as it is ({why}).")
    return Comparison(_label(baseline), _label(other), baseline.powers, baseline.states, tuple(changes), leaders, balances, tuple(notes))
