"""Scenarios: the explicit magnitude assumptions, resolving a scenario by id, and scenarios of your own."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

import attrs

from centralasia._tables import Table, member, number
from centralasia.actors import expand
from centralasia.errors import ArgumentError, FieldError, UnknownIdError
from centralasia.model import (
    Dataset,
    Direction,
    Effect,
    Evidence,
    EvidenceKind,
    Horizon,
    Scenario,
    Section,
    Strength,
)

__all__ = [
    "DEFAULT_MAGNITUDES",
    "Magnitudes",
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
    if not isinstance(value, Mapping):
        raise FieldError("scale", f"scale must be a mapping of scenario ids to numbers, not {type(value).__name__}", "Magnitudes")
    out: dict[str, float] = {}
    for key, factor in value.items():
        if not isinstance(key, str) or not key:
            raise FieldError("scale", f"scale keys are scenario ids, not {key!r:.40}", "Magnitudes")
        if isinstance(factor, bool) or not isinstance(factor, (int, float)) or not math.isfinite(factor) or factor < 0:
            raise FieldError("scale", f"scale[{key!r}] must be a finite number >= 0, not {factor!r:.40}", "Magnitudes")
        out[key] = float(factor)
    return Table(out)


#: How much each strength multiplies the magnitudes: gradual half of moderate, full twice it.
_STRENGTHS: dict[Strength, float] = {Strength.GRADUAL: 0.5, Strength.MODERATE: 1.0, Strength.FULL: 2.0}


def _strengths(value: Mapping[Strength | str, float] | Mapping[Strength, float] | Mapping[str, float]) -> Mapping[Strength, float]:
    if not isinstance(value, Mapping):
        raise FieldError("strengths", f"strengths must be a mapping of strengths to numbers, not {type(value).__name__}", "Magnitudes")
    merged = dict(_STRENGTHS)
    for key, factor in value.items():
        found = member(Strength, key, "strengths", owner="Magnitudes")
        merged[found] = number(factor, f"strengths[{found.value!r}]", "Magnitudes")
    return Table(merged)


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

    Each effect's :class:`~centralasia.Strength`, as the article words it,
    multiplies both numbers by ``strengths[strength]``: by default a
    *gradual* change ("may gradually increase", "could challenge") half the
    *moderate* one, a *full* one ("Beijing replaces Moscow") twice it. A
    decrease is capped at 1, which removes the influence: a full decrease at
    the default 0.5 does.

    ``scale`` multiplies both numbers for one scenario by id, for scenarios
    an analyst reads as stronger or weaker than the others.

    Examples
    --------
    >>> m = Magnitudes(increase=0.25, scale={"scn-beijing-replaces-moscow": 2.0})
    >>> m.factor("scn-beijing-replaces-moscow", Direction.INCREASE), m.factor("other", Direction.DECREASE)
    (0.5, 0.5)
    >>> DEFAULT_MAGNITUDES.factor("x", Direction.INCREASE, Strength.GRADUAL), DEFAULT_MAGNITUDES.factor("x", Direction.DECREASE, Strength.FULL)
    (0.25, 1.0)
    >>> Magnitudes(decrease=1.5)
    Traceback (most recent call last):
    ...
    centralasia.errors.FieldError: invalid Magnitudes: 1 problem
      - decrease must be a finite number >= 0 and <= 1, not 1.5 @ $.decrease
    """

    increase: float = attrs.field(default=0.5, validator=_fraction("increase", None))
    decrease: float = attrs.field(default=0.5, validator=_fraction("decrease", 1.0))
    scale: Mapping[str, float] = attrs.field(factory=dict, converter=_scales)
    strengths: Mapping[Strength, float] = attrs.field(factory=dict, converter=_strengths)

    def factor(self, scenario: str, direction: Direction, strength: Strength = Strength.MODERATE) -> float:
        """The magnitude of an effect of *direction* and *strength* in the scenario *scenario* (0 for shift and unchanged)."""
        k = self.scale.get(scenario, 1.0) * self.strengths[strength]
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
