"""Scenarios: the explicit magnitude assumptions, resolving a scenario by id, and scenarios of your own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from centralasia._actors import expand
from centralasia._tables import Table, dataset, id_key, member, number, plain_text
from centralasia._text import shown
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
    "check_scales",
    "make_scenario",
    "resolve_scenario",
]


def _increase(value: object) -> float:
    return number(value, "increase", "Magnitudes")


def _decrease(value: object) -> float:
    return number(value, "decrease", "Magnitudes", upper=1.0)


def _scales(value: Mapping[str, float]) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise FieldError("scale", f"scale must be a mapping of scenario ids to numbers, not {type(value).__name__}", "Magnitudes")
    out: dict[str, float] = {}
    for key, factor in value.items():
        # Whether each names a scenario is known only against a dataset: the analyses check it there.
        scenario = id_key(key, "scale", "scenario ids", "Magnitudes")
        out[scenario] = number(factor, f"scale[{scenario!r}]", "Magnitudes")
    return Table(out)


#: How much each strength multiplies the magnitudes; gradual half of moderate, full twice it.
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
    an analyst reads as stronger or weaker than the others. Its keys must look
    like ids; an analysis refuses, with :class:`~centralasia.ArgumentError`,
    a key that names neither a scenario of its dataset nor the scenario it applies.

    Every number is from 0 to ``1e6`` (``decrease`` to 1), so that no total or
    share of an analysis can overflow; anything else, a bool included, is a
    :class:`~centralasia.FieldError` naming the entry.

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

    increase: float = attrs.field(default=0.5, converter=_increase)
    decrease: float = attrs.field(default=0.5, converter=_decrease)
    scale: Mapping[str, float] = attrs.field(factory=dict, converter=_scales)
    strengths: Mapping[Strength, float] = attrs.field(factory=dict, converter=_strengths)

    def factor(self, scenario: str, direction: Direction | str, strength: Strength | str = Strength.MODERATE) -> float:
        """The magnitude of an effect of *direction* and *strength* in the scenario *scenario* (0 for shift and unchanged).

        Raises :class:`~centralasia.ArgumentError` for an argument of the wrong kind.
        """
        if not isinstance(scenario, str):
            raise ArgumentError("scenario", f"scenario must be a scenario id, not {type(scenario).__name__}")
        direction = member(Direction, direction, "direction", owner=None)
        k = self.scale.get(scenario, 1.0) * self.strengths[member(Strength, strength, "strength", owner=None)]
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
    dataset(ds)
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


def check_scales(ds: Dataset, magnitudes: Magnitudes, scenario: Scenario | str | None = None) -> None:
    """Refuse a ``scale`` key of *magnitudes* that names neither a scenario of *ds* nor *scenario*: a typo would scale nothing.

    Raises :class:`~centralasia.ArgumentError` at ``$.magnitudes.scale`` naming the key.

    Examples
    --------
    >>> import centralasia as ca
    >>> check_scales(ca.load(), Magnitudes(scale={"scn-detente-with-wets": 2.0}))
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - magnitudes.scale names no scenario of the dataset: 'scn-detente-with-wets' @ $.magnitudes.scale
    """
    dataset(ds)
    if not isinstance(magnitudes, Magnitudes):
        raise ArgumentError("magnitudes", f"magnitudes must be a Magnitudes, not {type(magnitudes).__name__}")
    if not magnitudes.scale:
        return
    applied = scenario.id if isinstance(scenario, Scenario) else scenario
    for key in magnitudes.scale:
        if key != applied and not isinstance(ds.get(key), Scenario):
            raise ArgumentError("magnitudes.scale", f"magnitudes.scale names no scenario of the dataset: {shown(key)}")


def make_scenario(
    id: str,
    effects: Iterable[Effect],
    *,
    title: str | None = None,
    outcome: str | None = None,
    horizon: Horizon | str = Horizon.UNSPECIFIED,
    source: str = "user assumption",
) -> Scenario:
    """A scenario of your own, with background evidence naming *source* instead of the article.

    Every argument is checked: *effects* is an iterable of
    :class:`~centralasia.Effect` (a string is not: it would be read letter by
    letter), the texts are non-empty, *horizon* a :class:`~centralasia.Horizon`
    or its value. Anything else raises :class:`~centralasia.ArgumentError` naming it.

    Examples
    --------
    >>> import centralasia as ca
    >>> mine = make_scenario("usa-returns", [ca.Effect(actor="USA", domain=ca.Domain.SECURITY, direction=ca.Direction.INCREASE, description="The US returns.")])
    >>> mine.evidence[0].is_background, mine.effects[0].actor
    (True, 'USA')
    >>> make_scenario("usa-returns", "USA")
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - effects must be an iterable of Effect, not str @ $.effects
    """
    plain_text(id, "id")
    if isinstance(effects, (str, bytes, Mapping)) or not isinstance(effects, Iterable):
        raise ArgumentError("effects", f"effects must be an iterable of Effect, not {type(effects).__name__}")
    chosen = tuple(effects)
    if not chosen:
        raise ArgumentError("effects", "a scenario needs one effect or more: without any it changes nothing")
    for i, effect in enumerate(chosen):
        if not isinstance(effect, Effect):
            raise ArgumentError(f"effects[{i}]", f"effects must be Effect values, not {type(effect).__name__}")
    for name, text in (("title", title), ("outcome", outcome)):
        if text is not None:
            plain_text(text, name)
    plain_text(source, "source")
    evidence = Evidence(section=Section.TITLE, kind=EvidenceKind.BACKGROUND, source=source, note="A scenario written by a user, not the article's.")
    return Scenario(
        id=id,
        title=title or id,
        horizon=member(Horizon, horizon, "horizon", owner=None),
        outcome=outcome or "As its effects say.",
        evidence=(evidence,),
        effects=chosen,
    )
