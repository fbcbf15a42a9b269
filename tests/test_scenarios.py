"""Scenarios: exact effects on hand-built data, every article scenario in its direction, comparisons."""

from __future__ import annotations

import pytest
import strategies as cs
from builders import extended, small
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia._actors import expand
from centralasia.comparison import Change
from centralasia.scenarios import resolve_scenario

SEC, ECO, DIP = ca.Domain.SECURITY, ca.Domain.ECONOMIC, ca.Domain.DIPLOMATIC
UP, DOWN, SHIFT, SAME = ca.Direction.INCREASE, ca.Direction.DECREASE, ca.Direction.SHIFT, ca.Direction.UNCHANGED

#: The bundled scenarios, read once when the tests are collected.
BUNDLED = ca.load()


#: An effect for scenarios whose other arguments a test is about.
ONE_EFFECT = ca.Effect(actor="RUS", domain=ca.Domain.SECURITY, direction=ca.Direction.INCREASE, description="Russia does more.")


def scenario(*effects: ca.Effect, id: str = "what-if") -> ca.Scenario:
    return ca.make_scenario(id, effects)


# -- exact effects ----------------------------------------------------------------
#
# Baseline security edges into KAZ: RUS 3 + 2, CHN 1.5, ISIS attack 0  -> total 6.5
#                          into TJK: RUS 1 + 2, CHN 2                  -> total 5


def test_increase_adds_an_edge_worth_a_share_of_all_influence_on_the_state() -> None:
    """An increase adds ``increase * total`` from the actor to each state (empty ``over``: Central Asia)."""
    sc = scenario(ca.Effect(actor="RUS", domain=SEC, direction=UP, description="more"))
    added = [r for r in ca.apply_scenario(small(), sc) if r.layer is ca.Layer.SCENARIO]
    assert sorted((r.source, r.target, r.weight) for r in added) == [("RUS", "KAZ", 0.5 * 6.5), ("RUS", "TJK", 0.5 * 5)]
    assert all(r.certainty is ca.Certainty.PROJECTED and r.record == r.scenario == "what-if" and r.date is None for r in added)
    s = ca.role_summary(small(), scenario=sc)
    assert s.share("RUS", "security", over="KAZ") == pytest.approx(8.25 / 9.75)
    assert s.share("RUS", "security", over="TJK") == pytest.approx(5.5 / 7.5)


def test_decrease_scales_the_actors_edges_down() -> None:
    """A decrease multiplies the actor's edges in the domain by ``1 - decrease`` and marks them."""
    sc = scenario(ca.Effect(actor="RUS", domain=SEC, direction=DOWN, description="less", over=["KAZ"]))
    changed = {r.record: r for r in ca.apply_scenario(small(), sc) if r.scenario == "what-if"}
    assert {k: r.weight for k, r in changed.items()} == {"at-rus-kaz": 1.5, "guarantor": 1.0}
    s = ca.role_summary(small(), scenario=sc)
    assert s.share("RUS", "security", over="KAZ") == pytest.approx(2.5 / 4.0)
    assert s.share("RUS", "security", over="TJK") == pytest.approx(3 / 5)  # not in ``over``


def test_increase_from_nothing_uses_the_magnitude_itself() -> None:
    """Where no actor has influence yet, an increase adds an edge of weight ``increase``."""
    sc = scenario(ca.Effect(actor="RUS", domain=ECO, direction=UP, description="trade"), id="trade")
    s = ca.role_summary(small(), scenario=sc, magnitudes=ca.Magnitudes(increase=0.25))
    # economic into KAZ: CHN 0.75 only -> RUS gets 0.25 * 0.75
    assert s.share("RUS", "economic", over="KAZ") == pytest.approx(0.1875 / 0.9375)
    # diplomatic into TJK was empty: an increase there adds exactly the magnitude
    s = ca.role_summary(small(), scenario=scenario(ca.Effect(actor="CHN", domain=DIP, direction=UP, description="talk", over=["TJK"])))
    assert s.influence("CHN", "diplomatic", over="TJK") == 0.5


def test_shift_and_unchanged_change_nothing_and_are_noted() -> None:
    """Effects without a direction leave the numbers alone; the comparison says why."""
    sc = scenario(
        ca.Effect(actor="CHN", domain=SEC, direction=SHIFT, description="rebalanced"), ca.Effect(actor="RUS", domain=SEC, direction=SAME, description="stays")
    )
    base, other = ca.role_summary(small()), ca.role_summary(small(), scenario=sc)
    assert list(base) == list(other)
    c = ca.compare(base, other)
    assert all(ch.delta == 0 for ch in c.changes)
    assert len(c.notes) == 2 and "no direction" in c.notes[0]


def test_magnitudes_are_adjustable_and_scaled_per_scenario() -> None:
    """Users set the magnitudes; ``scale`` strengthens one scenario; a decrease is capped at removal."""
    sc = scenario(ca.Effect(actor="RUS", domain=SEC, direction=DOWN, description="gone"), id="gone")
    s = ca.role_summary(small(), scenario=sc, magnitudes=ca.Magnitudes(decrease=0.6, scale={"gone": 5}))
    assert s.influence("RUS", "security") == 0.0
    assert ca.Magnitudes(increase=0.2, scale={"x": 3}).factor("x", UP) == pytest.approx(0.6)
    assert ca.Magnitudes().factor("x", SHIFT) == 0.0


@pytest.mark.parametrize(
    "kwargs",
    [{"increase": -0.1}, {"decrease": 1.01}, {"increase": float("inf")}, {"decrease": True}, {"scale": {"x": -1}}, {"scale": {"": 1}}, {"scale": [1]}],
)
def test_bad_magnitudes_raise_field_errors(kwargs: dict[str, object]) -> None:
    """Magnitudes must be finite, non-negative numbers (a decrease at most 1)."""
    with pytest.raises(ca.FieldError):
        ca.Magnitudes(**kwargs)  # type: ignore[arg-type]


def test_scenarios_by_id_or_object_and_unknown_ones_raise() -> None:
    """A scenario is given by id or object; unknown ids and actors raise UnknownIdError."""
    sc = scenario(ca.Effect(actor="RUS", domain=SEC, direction=UP, description="more"))
    ds = extended(small(), scenarios=[sc])
    assert list(ca.role_summary(ds, scenario="what-if")) == list(ca.role_summary(ds, scenario=sc))
    with pytest.raises(ca.UnknownIdError, match="scenario"):
        ca.role_summary(ds, scenario="nowhere")
    with pytest.raises(ca.UnknownIdError):
        ca.role_summary(small(), scenario=scenario(ca.Effect(actor="XYZ", domain=SEC, direction=UP, description="who?")))
    with pytest.raises(ca.FieldError):
        resolve_scenario(small(), 42)  # type: ignore[arg-type]


def test_effects_of_a_grouping_apply_to_each_member() -> None:
    """An effect by a grouping acts for each member; one over a grouping reaches each member."""
    sc = scenario(ca.Effect(actor="ca", domain=DIP, direction=UP, description="engage", over=["RUS", "CHN"]))
    G = ca.influence_network(small(), scenario=sc)
    added = {(u, v) for u, v, d in G.edges(data=True) if d["layer"] == "scenario"}
    assert added == {("KAZ", "RUS"), ("KAZ", "CHN"), ("TJK", "RUS"), ("TJK", "CHN")}
    assert G.graph["scenario"] == "what-if"


def test_scenario_network_respects_the_domain_filter() -> None:
    """Scenario edges of other domains do not leak into a one-domain network."""
    sc = scenario(ca.Effect(actor="RUS", domain=ECO, direction=UP, description="trade"))
    G = ca.influence_network(small(), domain="security", scenario=sc)
    assert {d["domain"] for _, _, d in G.edges(data=True)} == {"security"}


def test_compare_gives_numbers_and_text() -> None:
    """``compare`` lists each power's share before and after, the leaders, balances and sentences."""
    sc = scenario(
        ca.Effect(actor="CHN", domain=SEC, direction=UP, description="more"), ca.Effect(actor="RUS", domain=SEC, direction=DOWN, description="less"), id="swap"
    )
    c = ca.compare(ca.role_summary(small()), ca.role_summary(small(), scenario=sc))
    ch = c.change("CHN", "security")
    assert isinstance(ch, Change) and ch.before == pytest.approx(3.5 / 11.5)
    assert ch.after > ch.before and c.change("RUS", SEC).delta == pytest.approx(-ch.delta)
    assert c.change("CHN", "security", over="KAZ").after > c.change("CHN", "security", over="KAZ").before
    assert c.baseline == "baseline" and c.other == "swap"
    assert c.titles == (None, sc.title)
    text = c.text()
    assert f"  swap: {sc.title}" in text.splitlines()[1]  # the id heads the table, the title says what it is
    assert "CHN's security share rises" in text and "RUS's security share falls" in text
    assert "the lead passes from RUS to CHN" in text
    assert "security" in str(c) and "change" in str(c).splitlines()[0]
    with pytest.raises(ca.UnknownIdError):
        c.change("USA", "security")


def test_compare_refuses_summaries_of_different_powers() -> None:
    """Only summaries of the same powers and states can be compared."""
    with pytest.raises(ca.FieldError):
        ca.compare(ca.role_summary(small()), ca.role_summary(small(), powers=("RUS", "CHN", "USA")))


@given(
    cs.influence_datasets(),
    st.sampled_from(cs.POWERS),
    st.sampled_from(list(ca.Domain)),
    st.sampled_from([UP, DOWN]),
    st.lists(st.sampled_from(cs.CENTRAL_ASIAN), max_size=2, unique=True),
)
def test_an_effect_moves_its_actors_share_in_its_direction(ds: ca.Dataset, power: str, domain: ca.Domain, direction: ca.Direction, over: list[str]) -> None:
    """For any dataset, an increase never lowers and a decrease never raises the actor's share, per state and pooled."""
    sc = scenario(ca.Effect(actor=power, domain=domain, direction=direction, description="moved", over=over))
    base, moved = ca.role_summary(ds), ca.role_summary(ds, scenario=sc)
    sign = 1 if direction is UP else -1
    for state in over or cs.CENTRAL_ASIAN:
        assert sign * (moved.share(power, domain, state) - base.share(power, domain, state)) >= -1e-12
        assert sum(moved.shares(domain, state).values()) == pytest.approx(1.0)
    if direction is UP:
        assert moved.influence(power, domain, over or None) > base.influence(power, domain, over or None)


# -- the article's scenarios on the bundled data ------------------------------------


def _moves(ds: ca.Dataset, sc: ca.Scenario) -> list[tuple[ca.Effect, tuple[str, ...]]]:
    """The effects of *sc* by one of the powers with a direction, and the Central Asian states they are over."""
    region = ca.role_summary(ds).states
    out = []
    for effect in sc.effects:
        if effect.actor in ("RUS", "CHN") and effect.direction in (UP, DOWN):
            over = tuple(s for s in expand(ds, effect.over) if s in region) if effect.over else region
            out.append((effect, over))
    return out


@pytest.mark.parametrize("scenario_id", [s.id for s in BUNDLED.scenarios])
def test_every_article_scenario_moves_the_summary_in_its_stated_direction(ds: ca.Dataset, scenario_id: str) -> None:
    """Each effect of each article scenario moves its power's influence and share the way the article says."""
    sc = ds[scenario_id]
    assert isinstance(sc, ca.Scenario)
    base, moved = ca.role_summary(ds), ca.role_summary(ds, scenario=scenario_id)
    for effect, over in _moves(ds, sc):
        sign = 1 if effect.direction is UP else -1
        d = effect.domain
        # The power's own influence moves strictly where it had any (or always, for an increase).
        if effect.direction is UP or base.influence(effect.actor, d, over) > 0:
            assert sign * (moved.influence(effect.actor, d, over) - base.influence(effect.actor, d, over)) > 0
        # Its share moves the stated way unless another power of the same scenario is pushed the same way.
        rivals = [e for e, _ in _moves(ds, sc) if e.domain is d and e.actor != effect.actor and e.direction is effect.direction]
        if not rivals:
            assert sign * (moved.share(effect.actor, d, over) - base.share(effect.actor, d, over)) >= 0
    if not _moves(ds, sc):
        # No directed effect of a power: the powers' shares stay where they were.
        assert all(abs(ch.delta) < 1e-12 for ch in ca.compare(base, moved).changes)


def test_detente_with_the_west_grows_russias_security_role(ds: ca.Dataset) -> None:
    """Détente with the West: Russia's security share grows (the article's "solidifying" its status)."""
    sc = next(s for s in ds.scenarios if any(e.actor == "RUS" and e.domain is SEC and e.direction is UP for e in s.effects))
    c = ca.compare(ca.role_summary(ds), ca.role_summary(ds, scenario=sc))
    assert c.change("RUS", "security").delta > 0


def test_a_long_term_chinese_challenge_grows_chinas_security_share(ds: ca.Dataset) -> None:
    """The long-term challenge: China's security share grows."""
    sc = next(
        s for s in ds.scenarios if s.horizon is ca.Horizon.LONG_TERM and any(e.actor == "CHN" and e.domain is SEC and e.direction is UP for e in s.effects)
    )
    c = ca.compare(ca.role_summary(ds), ca.role_summary(ds, scenario=sc))
    assert c.change("CHN", "security").delta > 0


def test_a_user_scenario_runs_on_the_bundled_data(ds: ca.Dataset) -> None:
    """A scenario of one's own (the US returns to Central Asian security) runs and moves the USA up."""
    mine = ca.make_scenario("usa-returns", [ca.Effect(actor="USA", domain=SEC, direction=UP, description="The US returns.")])
    powers = ("RUS", "CHN", "USA")
    c = ca.compare(ca.role_summary(ds, powers=powers), ca.role_summary(ds, powers=powers, scenario=mine))
    assert c.change("USA", "security").before == 0.0 < c.change("USA", "security").after


# -- arguments of the wrong kind ------------------------------------------------------------


@pytest.mark.parametrize("effects", ["abc", b"abc", {"actor": "RUS"}, 5, None], ids=repr)
def test_make_scenario_refuses_effects_that_are_no_iterable_of_effects(effects: object) -> None:
    """A string (which would be split into letters), bytes, a mapping or a non-iterable is an ArgumentError at ``$.effects``."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.make_scenario("mine", effects)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.effects"]


@pytest.mark.parametrize("effect", ["RUS", ("RUS", "security", "increase"), {"actor": "RUS"}, None], ids=repr)
def test_make_scenario_refuses_an_effect_that_is_no_effect(effect: object) -> None:
    """Each effect must be an Effect: anything else is an ArgumentError at ``$.effects[i]``."""
    good = ca.Effect(actor="RUS", domain=SEC, direction=UP, description="More.")
    with pytest.raises(ca.ArgumentError) as info:
        ca.make_scenario("mine", [good, effect])  # type: ignore[list-item]
    assert [p.path for p in info.value.problems] == ["$.effects[1]"]


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ({"title": 5}, "$.title"),
        ({"title": ""}, "$.title"),
        ({"outcome": "a\nb"}, "$.outcome"),
        ({"horizon": "soon"}, "$.horizon"),
        ({"source": 5}, "$.source"),
    ],
    ids=["title-a-number", "title-empty", "outcome-two-lines", "horizon-unknown", "source-a-number"],
)
def test_make_scenario_checks_its_other_arguments(options: dict[str, object], path: str) -> None:
    """Titles, outcomes and sources are non-empty printable text, and the horizon one of Horizon's values."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.make_scenario("mine", [ONE_EFFECT], **options)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == [path]


def test_make_scenario_takes_a_horizon_by_its_value() -> None:
    """A horizon given as its string value becomes the member."""
    assert ca.make_scenario("mine", [ONE_EFFECT], horizon="long-term").horizon is ca.Horizon.LONG_TERM


def test_make_scenario_needs_an_effect() -> None:
    """A scenario without effects changes nothing: refused, naming ``effects``."""
    with pytest.raises(ca.ArgumentError, match="one effect or more"):
        ca.make_scenario("mine", [])


@pytest.mark.parametrize(
    "call",
    [
        lambda: ca.DEFAULT_MAGNITUDES.factor(["x"], UP),
        lambda: ca.DEFAULT_MAGNITUDES.factor("x", "up"),
        lambda: ca.DEFAULT_MAGNITUDES.factor("x", UP, "strong"),
        lambda: ca.DEFAULT_MAGNITUDES.factor("x", None),
    ],
    ids=["scenario-a-list", "direction-unknown", "strength-unknown", "direction-none"],
)
def test_magnitudes_factor_refuses_arguments_of_the_wrong_kind(call: object) -> None:
    """``Magnitudes.factor`` raises ArgumentError, not TypeError or KeyError, for a bad scenario id, direction or strength."""
    with pytest.raises(ca.ArgumentError):
        call()  # type: ignore[operator]


def test_magnitudes_factor_takes_values_by_their_strings() -> None:
    """Directions and strengths may be given by their values."""
    assert ca.DEFAULT_MAGNITUDES.factor("x", "increase", "full") == ca.DEFAULT_MAGNITUDES.factor("x", UP, ca.Strength.FULL) == 1.0


def test_compare_refuses_summaries_of_no_state() -> None:
    """Summaries over no state (only a hand-built one can be) are an ArgumentError, not a comparison of nothing."""
    import attrs

    s = ca.role_summary(small())
    empty = attrs.evolve(s, states=())
    with pytest.raises(ca.ArgumentError, match="one state or more"):
        ca.compare(empty, empty)


@pytest.mark.parametrize("other", [5, None, "baseline", {"RUS": 0.5}], ids=repr)
def test_compare_refuses_what_is_no_summary(other: object) -> None:
    """``compare(s, 5)`` is an ArgumentError at ``$.other``."""
    s = ca.role_summary(small())
    with pytest.raises(ca.ArgumentError) as info:
        ca.compare(s, other)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.other"]
