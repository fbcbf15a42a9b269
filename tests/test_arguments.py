"""Every public function of the analysis modules refuses an argument of the wrong type with one of our errors, never a builtin."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest

import centralasia as ca
from centralasia import additions, edges, network, query, reader, roles, scenarios, tracks, weights

#: One wrong value of each common kind: each case leaves out those its parameter takes.
WRONG: dict[str, Any] = {
    "none": None,
    "int": 5,
    "float": 1.5,
    "bool": True,
    "str": "nonsense",
    "bytes": b"KAZ",
    "list": [1],
    "dict": {"a": 1},
    "object": object(),
    "huge": 10**400,
    "nan": float("nan"),
}
SCENARIO = "scn-detente-with-west"


@functools.cache
def _ds() -> ca.Dataset:
    return ca.load()


@functools.cache
def _summary() -> roles.RoleSummary:
    return ca.role_summary(_ds())


@functools.cache
def _readings() -> ca.Readings:
    return ca.readings(_ds())


@functools.cache
def _robustness() -> ca.Robustness:
    return ca.robustness(_ds(), draws=2)


@functools.cache
def _shift() -> ca.ScenarioShift:
    return ca.scenario_shifts(_ds(), SCENARIO)


@functools.cache
def _graph() -> Any:
    return ca.influence_network(_ds())


def _relation(**changes: Any) -> ca.Relation:
    fields: dict[str, Any] = {
        "source": "RUS",
        "target": "KAZ",
        "layer": ca.Layer.ROLE,
        "domain": ca.Domain.SECURITY,
        "weight": 1.0,
        "certainty": ca.Certainty.STATED,
        "record": "r",
    }
    return ca.Relation(**(fields | changes))


#: (name, call of the wrong value, the kinds of WRONG the parameter takes).
CASES: list[tuple[str, Callable[[Any], object], frozenset[str]]] = [
    # weights
    *[(f"Weights({f}=)", lambda v, f=f: ca.Weights(**{f: v}), frozenset()) for f in ("layers", "certainty", "roles", "statuses", "event_domains")],
    ("Weights(organization_domains=)", lambda v: ca.Weights(organization_domains=v), frozenset()),
    ("Weights(record_domains=)", lambda v: ca.Weights(record_domains=v), frozenset()),
    ("Weights(layers={'role': x})", lambda v: ca.Weights(layers={"role": v}), frozenset({"int", "float"})),
    ("Weights(layers={x: 1})", lambda v: ca.Weights(layers={v: 1.0} if _hashable(v) else {"x": 1.0}), frozenset()),
    ("Weights(record_domains={x: ...})", lambda v: ca.Weights(record_domains={v if _hashable(v) else "a b": "security"}), frozenset({"str"})),
    ("Weights(record_domains={id: x})", lambda v: ca.Weights(record_domains={"r": v}), frozenset()),
    ("Weights(event_domains={'visit': x})", lambda v: ca.Weights(event_domains={"visit": v}), frozenset()),
    ("Weights(background=)", lambda v: ca.Weights(background=v), frozenset({"int", "float"})),
    ("Weights(repeated=)", lambda v: ca.Weights(repeated=v), frozenset({"int", "float"})),
    ("Weights.override(layers=)", lambda v: ca.DEFAULT_WEIGHTS.override(layers=v), frozenset({"none"})),
    ("Weights.override(background=)", lambda v: ca.DEFAULT_WEIGHTS.override(background=v), frozenset({"none", "int", "float"})),
    ("Weights.without()", lambda v: ca.DEFAULT_WEIGHTS.without(v), frozenset()),
    # scenarios
    ("Magnitudes(increase=)", lambda v: ca.Magnitudes(increase=v), frozenset({"int", "float"})),
    ("Magnitudes(decrease=)", lambda v: ca.Magnitudes(decrease=v), frozenset({"int"})),
    ("Magnitudes(scale=)", lambda v: ca.Magnitudes(scale=v), frozenset({"dict"})),
    ("Magnitudes(scale={id: x})", lambda v: ca.Magnitudes(scale={"s": v}), frozenset({"int", "float"})),
    ("Magnitudes(strengths=)", lambda v: ca.Magnitudes(strengths=v), frozenset()),
    ("Magnitudes.factor(scenario)", lambda v: ca.DEFAULT_MAGNITUDES.factor(v, ca.Direction.INCREASE), frozenset({"str"})),
    ("Magnitudes.factor(direction)", lambda v: ca.DEFAULT_MAGNITUDES.factor("s", v), frozenset()),
    ("Magnitudes.factor(strength)", lambda v: ca.DEFAULT_MAGNITUDES.factor("s", ca.Direction.INCREASE, v), frozenset()),
    ("make_scenario(id)", lambda v: ca.make_scenario(v, []), frozenset({"str"})),
    ("make_scenario(effects)", lambda v: ca.make_scenario("mine", v), frozenset()),
    ("make_scenario(effects=[x])", lambda v: ca.make_scenario("mine", [v]), frozenset()),
    ("make_scenario(title)", lambda v: ca.make_scenario("mine", [], title=v), frozenset({"none", "str"})),
    ("make_scenario(horizon)", lambda v: ca.make_scenario("mine", [], horizon=v), frozenset()),
    ("make_scenario(source)", lambda v: ca.make_scenario("mine", [], source=v), frozenset({"str"})),
    ("resolve_scenario(ds)", lambda v: scenarios.resolve_scenario(v, SCENARIO), frozenset()),
    ("resolve_scenario(scenario)", lambda v: scenarios.resolve_scenario(_ds(), v), frozenset()),
    ("check_scales(magnitudes)", lambda v: scenarios.check_scales(_ds(), v), frozenset()),
    # queries
    *[(f"Query({f}=)", lambda v, f=f: ca.Query(**{f: v}), frozenset({"none"})) for f in ("domain", "as_of", "weights", "magnitudes")],
    # streamed records are checked when their turn comes
    ("Query(records=)", lambda v: ca.Query(records=v), frozenset({"none", "list"})),
    ("relations(records=[x])", lambda v: list(ca.relations(_ds(), records=[v])), frozenset()),
    ("Query(scenario=)", lambda v: ca.Query(scenario=v), frozenset({"none", "str"})),
    ("Query(include_undated=)", lambda v: ca.Query(include_undated=v), frozenset({"bool"})),
    ("Query(share_claims=)", lambda v: ca.Query(share_claims=v), frozenset({"bool"})),
    ("Query.of()", lambda v: query.Query.of(v), frozenset()),
    # relations and networks
    ("relations(ds)", lambda v: ca.relations(v), frozenset()),
    ("relations(include_undated=)", lambda v: ca.relations(_ds(), include_undated=v), frozenset({"bool"})),
    ("influence_network(ds)", lambda v: ca.influence_network(v), frozenset()),
    ("influence_network(domain=)", lambda v: ca.influence_network(_ds(), domain=v), frozenset({"none"})),
    ("weighted_network(ds)", lambda v: ca.weighted_network(v), frozenset()),
    ("weighted_network(as_of=)", lambda v: ca.weighted_network(_ds(), as_of=v), frozenset({"none"})),
    ("apply_scenario(ds)", lambda v: list(ca.apply_scenario(v, SCENARIO)), frozenset()),
    ("apply_scenario(scenario)", lambda v: list(ca.apply_scenario(_ds(), v)), frozenset()),
    ("apply_scenario(baseline)", lambda v: list(ca.apply_scenario(_ds(), SCENARIO, v)), frozenset({"none"})),
    ("apply_scenario(baseline=[x])", lambda v: list(ca.apply_scenario(_ds(), SCENARIO, [v])), frozenset()),
    ("apply_scenario(magnitudes=)", lambda v: list(ca.apply_scenario(_ds(), SCENARIO, magnitudes=v)), frozenset({"none"})),
    ("Relation(weight=).attributes()", lambda v: _relation(weight=v).attributes(), frozenset({"int", "float"})),
    ("Relation(layer=).attributes()", lambda v: _relation(layer=v).attributes(), frozenset()),
    ("Relation(date=).attributes()", lambda v: _relation(date=v).attributes(), frozenset({"none"})),
    ("collapse(G)", lambda v: ca.collapse(v), frozenset()),
    ("collapse(weight=)", lambda v: ca.collapse(_graph(), weight=v), frozenset({"str"})),
    ("collapse(layers=)", lambda v: ca.collapse(_graph(), layers=v), frozenset({"none"})),
    ("collapse(domain=)", lambda v: ca.collapse(_graph(), domain=v), frozenset({"none"})),
    ("collapse(as_of=)", lambda v: ca.collapse(_graph(), as_of=v), frozenset({"none"})),
    ("collapse(include_undated=)", lambda v: ca.collapse(_graph(), include_undated=v), frozenset({"bool"})),
    ("influence_scores(G)", lambda v: ca.influence_scores(v, "strength"), frozenset()),
    ("influence_scores(measure)", lambda v: ca.influence_scores(_graph(), v), frozenset()),
    ("influence_scores(backend=)", lambda v: ca.influence_scores(_graph(), "strength", backend=v), frozenset({"none"})),
    ("influence_scores(option=)", lambda v: ca.influence_scores(_graph(), "strength", alpha=v), frozenset()),
    # summaries and comparisons
    ("role_summary(ds)", lambda v: ca.role_summary(v), frozenset()),
    ("role_summary(powers=)", lambda v: ca.role_summary(_ds(), powers=v), frozenset()),
    ("role_summary(over=)", lambda v: ca.role_summary(_ds(), over=v), frozenset({"none"})),
    ("role_summary(weights=)", lambda v: ca.role_summary(_ds(), weights=v), frozenset({"none"})),
    ("role_summary(include_undated=)", lambda v: ca.role_summary(_ds(), include_undated=v), frozenset({"bool"})),
    ("RoleSummary.share(power)", lambda v: _summary().share(v, "security"), frozenset()),
    ("RoleSummary.share(domain)", lambda v: _summary().share("RUS", v), frozenset()),
    ("RoleSummary.shares(over=)", lambda v: _summary().shares("security", over=v), frozenset({"none"})),
    ("RoleSummary.influence(over=)", lambda v: _summary().influence("RUS", "security", over=v), frozenset({"none"})),
    ("RoleSummary.leader(domain)", lambda v: _summary().leader(v), frozenset()),
    ("RoleSummary.leaders(over=)", lambda v: _summary().leaders(over=v), frozenset({"none"})),
    ("RoleSummary.balance(over=)", lambda v: _summary().balance(v), frozenset({"none"})),
    ("RoleSummary.balance(domain=)", lambda v: _summary().balance(domain=v), frozenset({"none"})),
    ("RoleSummary.balances(domain=)", lambda v: _summary().balances(domain=v), frozenset({"none"})),
    ("RoleSummary.explain(power)", lambda v: _summary().explain(v, "security"), frozenset()),
    ("compare(baseline)", lambda v: ca.compare(v, _summary()), frozenset()),
    ("compare(other)", lambda v: ca.compare(_summary(), v), frozenset()),
    ("Comparison.change(power)", lambda v: ca.compare(_summary(), _summary()).change(v, "security"), frozenset()),
    ("Comparison.change(domain)", lambda v: ca.compare(_summary(), _summary()).change("RUS", v), frozenset()),
    ("Comparison.change(over=)", lambda v: ca.compare(_summary(), _summary()).change("RUS", "security", over=v), frozenset({"none"})),
    # additions
    ("extend(base)", lambda v: ca.extend(v, {}), frozenset()),
    ("extend(additions)", lambda v: ca.extend(_ds(), v), frozenset({"dict"})),
    ("extend({'roles': x})", lambda v: ca.extend(_ds(), {"roles": v}), frozenset({"list"})),
    ("read_additions(text)", lambda v: additions.read_additions(v), frozenset()),
    # readings
    ("votes(ds)", lambda v: ca.votes(v), frozenset()),
    ("votes(as_of=)", lambda v: ca.votes(_ds(), as_of=v), frozenset({"none"})),
    ("votes(records=)", lambda v: ca.votes(_ds(), records=v), frozenset({"none"})),
    ("votes(presupposed=)", lambda v: ca.votes(_ds(), presupposed=v), frozenset()),
    ("readings(ds)", lambda v: ca.readings(v), frozenset()),
    ("readings(pooling=)", lambda v: ca.readings(_ds(), pooling=v), frozenset()),
    ("readings(regional=)", lambda v: ca.readings(_ds(), regional=v), frozenset()),
    ("readings(ties=)", lambda v: ca.readings(_ds(), ties=v), frozenset({"bool"})),
    ("readings(tiers=)", lambda v: ca.readings(_ds(), tiers=v), frozenset()),
    ("readings(scenario=)", lambda v: ca.readings(_ds(), scenario=v), frozenset({"none"})),
    ("readings(magnitudes=)", lambda v: ca.readings(_ds(), magnitudes=v), frozenset()),
    ("readings(powers=)", lambda v: ca.readings(_ds(), powers=v), frozenset()),
    ("readings(over=)", lambda v: ca.readings(_ds(), over=v), frozenset({"none"})),
    ("readings(include_undated=)", lambda v: ca.readings(_ds(), include_undated=v), frozenset({"bool"})),
    ("Readings.cell(domain)", lambda v: _readings().cell(v), frozenset()),
    ("Readings.cell(over=)", lambda v: _readings().cell("security", over=v), frozenset({"none"})),
    ("Readings.cell(track=)", lambda v: _readings().cell("security", track=v), frozenset()),
    ("Readings.share(power)", lambda v: _readings().share(v, "security"), frozenset()),
    ("Readings.leader(domain)", lambda v: _readings().leader(v), frozenset()),
    ("Readings.balance(over=)", lambda v: _readings().balance("security", over=v), frozenset({"none"})),
    ("robustness(draws=)", lambda v: ca.robustness(_ds(), draws=v), frozenset({"int"})),
    ("robustness(seed=)", lambda v: ca.robustness(_ds(), draws=1, seed=v), frozenset({"int", "huge"})),
    ("robustness(structural=)", lambda v: ca.robustness(_ds(), draws=1, structural=v), frozenset({"bool"})),
    ("robustness(progress=)", lambda v: ca.robustness(_ds(), draws=1, progress=v), frozenset({"bool"})),
    ("robustness(progress=callable of no arguments)", lambda v: ca.robustness(_ds(), draws=1, progress=lambda: v), frozenset()),
    ("robustness(magnitudes=)", lambda v: ca.robustness(_ds(), draws=1, magnitudes=v), frozenset()),
    ("Robustness.p_leader(power)", lambda v: _robustness().p_leader(v, "security"), frozenset({"none"})),
    ("Robustness.interval(power)", lambda v: _robustness().interval(v, "security"), frozenset()),
    ("Robustness.cell(over=)", lambda v: _robustness().cell("security", over=v), frozenset({"none"})),
    ("leave_one_paragraph_out(ds)", lambda v: ca.leave_one_paragraph_out(v), frozenset()),
    ("leave_one_paragraph_out(as_of=)", lambda v: ca.leave_one_paragraph_out(_ds(), as_of=v), frozenset({"none"})),
    ("scenario_shifts(ds)", lambda v: ca.scenario_shifts(v, SCENARIO), frozenset()),
    ("scenario_shifts(scenario)", lambda v: ca.scenario_shifts(_ds(), v), frozenset()),
    ("scenario_shifts(magnitudes=)", lambda v: ca.scenario_shifts(_ds(), SCENARIO, magnitudes=v), frozenset()),
    ("ScenarioShift.row(domain)", lambda v: _shift().row(v), frozenset()),
    ("ScenarioShift.row(over=)", lambda v: _shift().row("security", over=v), frozenset({"none"})),
    ("Tiers(lead=)", lambda v: ca.Tiers(lead=v), frozenset({"int", "float"})),
    ("Tiers.weight(tier)", lambda v: ca.DEFAULT_TIERS.weight(v), frozenset()),
    ("coerce_track(value)", lambda v: tracks.coerce_track(v), frozenset()),
]


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


PARAMS = [pytest.param(call, WRONG[kind], id=f"{name}-{kind}") for name, call, takes in CASES for kind in WRONG if kind not in takes]


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
@pytest.mark.parametrize(("call", "value"), PARAMS)
def test_a_wrong_argument_is_our_error(call: Callable[[Any], object], value: Any) -> None:
    """A wrong-typed argument (None, a number, a string where ids or a mapping go, a bool where a number goes...) raises a CentralAsiaError."""
    with pytest.raises(ca.CentralAsiaError):
        call(value)


def test_every_public_function_of_the_analysis_modules_is_in_the_family() -> None:
    """Each public function and class of the analysis modules is called by some case above, so that a new one cannot be left out."""
    modules = (weights, scenarios, query, edges, network, roles, additions, reader, tracks)
    named = " ".join(name for name, _, _ in CASES)
    left_out = [
        f"{m.__name__}.{name}"
        for m in modules
        for name in m.__all__
        if callable(getattr(m, name))
        and name not in _RESULT_TYPES
        and not isinstance(getattr(m, name), type(ca.Layer))  # vocabularies
        and name not in named
    ]
    assert not left_out, left_out


#: Classes the analyses return (or the typed options they take), whose methods the family calls on the values returned.
_RESULT_TYPES = frozenset(
    {
        "Relation",
        "RoleSummary",
        "ShareRow",
        "Contribution",
        "Explanation",
        "Readings",
        "Cell",
        "Momentum",
        "Vote",
        "Robustness",
        "CellRobustness",
        "MomentumRobustness",
        "Interval",
        "ParagraphEffect",
        "ScenarioShift",
        "ShiftRow",
        "QueryOptions",
        "StreamOptions",
        "ReadingOptions",
        "ScenarioPlan",
        "Measure",
    }
)


FLAG_CALLS: list[tuple[str, str, Callable[[str, Any], object]]] = [
    ("Query", "include_undated", lambda name, v: ca.Query(**{name: v})),
    ("Query", "share_claims", lambda name, v: ca.Query(**{name: v})),
    ("relations", "include_undated", lambda name, v: ca.relations(_ds(), **{name: v})),
    ("role_summary", "include_undated", lambda name, v: ca.role_summary(_ds(), **{name: v})),
    ("role_summary", "share_claims", lambda name, v: ca.role_summary(_ds(), **{name: v})),
    ("weighted_network", "include_undated", lambda name, v: ca.weighted_network(_ds(), **{name: v})),
    ("collapse", "include_undated", lambda name, v: ca.collapse(_graph(), **{name: v})),
    ("influence_scores", "include_undated", lambda name, v: ca.influence_scores(_graph(), "strength", **{name: v})),
    ("votes", "include_undated", lambda name, v: ca.votes(_ds(), **{name: v})),
    ("readings", "include_undated", lambda name, v: ca.readings(_ds(), **{name: v})),
    ("readings", "ties", lambda name, v: ca.readings(_ds(), **{name: v})),
    ("robustness", "structural", lambda name, v: ca.robustness(_ds(), draws=1, **{name: v})),
    ("scenario_shifts", "include_undated", lambda name, v: ca.scenario_shifts(_ds(), SCENARIO, **{name: v})),
]


@pytest.mark.parametrize("value", ["no", "False", "", 0, 1, None, 0.0, [False]], ids=repr)
@pytest.mark.parametrize(("function", "name", "call"), FLAG_CALLS, ids=[f"{f}-{n}" for f, n, _ in FLAG_CALLS])
def test_a_flag_is_true_or_false_only(function: str, name: str, call: Callable[[str, Any], object], value: Any) -> None:
    """``include_undated="no"`` (and 0, 1, None...) is an ArgumentError at the flag's path, never read as true or false."""
    with pytest.raises(ca.ArgumentError) as info:
        call(name, value)
    assert [p.path for p in info.value.problems] == [f"$.{name}"]


def test_draws_are_bounded() -> None:
    """``robustness(draws=10**400)`` is refused at once (it would run forever), as is any count above MAX_DRAWS."""
    for draws in (10**400, reader.MAX_DRAWS + 1, 0, -1):
        with pytest.raises(ca.ArgumentError, match="draws"):
            ca.robustness(_ds(), draws=draws)


def test_a_progress_callable_must_take_done_and_total() -> None:
    """A progress callable that cannot take ``(done, total)`` is refused before sampling, not a TypeError mid-run."""
    with pytest.raises(ca.ArgumentError, match="two arguments"):
        ca.robustness(_ds(), draws=1, progress=lambda done: None)
    seen: list[tuple[int, int]] = []
    ca.robustness(_ds(), draws=2, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
