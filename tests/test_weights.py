"""Weights, magnitudes and tiers: bounded numbers that no analysis can overflow, read-only tables, and keys checked against the dataset."""

from __future__ import annotations

import copy
import decimal
import fractions
import math
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from builders import EV, extended, small

import centralasia as ca
from centralasia._tables import MAX_FACTOR, Table

# -- numbers: every one bounded, refused with its path ------------------------------------------

#: Each numeric entry of a table, as (a call making the table with the value, the path of the entry).
NUMBER_FIELDS: list[tuple[Callable[[object], object], str]] = [
    (lambda v: ca.Weights(layers={"role": v}), "$.layers['role']"),
    (lambda v: ca.Weights(certainty={"reported": v}), "$.certainty['reported']"),
    (lambda v: ca.Weights(roles={"investor": v}), "$.roles['investor']"),
    (lambda v: ca.Weights(statuses={"observer": v}), "$.statuses['observer']"),
    (lambda v: ca.Weights(background=v), "$.background"),
    (lambda v: ca.Weights(repeated=v), "$.repeated"),
    (lambda v: ca.DEFAULT_WEIGHTS.override(layers={"visit": v}), "$.layers['visit']"),
    (lambda v: ca.Magnitudes(increase=v), "$.increase"),
    (lambda v: ca.Magnitudes(decrease=v), "$.decrease"),
    (lambda v: ca.Magnitudes(scale={"scn-x": v}), "$.scale['scn-x']"),
    (lambda v: ca.Magnitudes(strengths={"full": v}), "$.strengths['full']"),
    (lambda v: ca.Tiers(lead=v), "$.lead"),
    (lambda v: ca.Tiers(engagement=v), "$.engagement"),
]
#: Values no table takes: too large (one that is no float at all among them), not finite, negative, or no number.
BAD_NUMBERS: list[Any] = [10**400, -(10**400), 1e7, 1e308, math.inf, -math.inf, math.nan, -1, -1e-9, True, False, "1", None, [1.0], decimal.Decimal("1")]


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=lambda v: repr(v)[:12])
@pytest.mark.parametrize(("make", "path"), NUMBER_FIELDS, ids=[p for _, p in NUMBER_FIELDS])
def test_a_number_out_of_range_or_of_the_wrong_type_is_a_field_error_at_its_path(make: Callable[[object], object], path: str, value: Any) -> None:
    """Huge (10**400 included: no OverflowError), infinite, NaN, negative, bool or non-numeric entries raise FieldError naming the entry."""
    with pytest.raises(ca.FieldError) as info:
        make(value)
    assert [p.path for p in info.value.problems] == [path]


@pytest.mark.parametrize(("make", "path"), NUMBER_FIELDS[:-2], ids=[p for _, p in NUMBER_FIELDS[:-2]])
def test_numbers_of_other_real_types_are_taken_as_floats(make: Callable[[object], object], path: str) -> None:
    """A fraction or an int within range is a number like any float (only the bool is refused); the tiers' own order aside."""
    make(fractions.Fraction(1, 4))
    make(0)


def _largest() -> ca.Weights:
    big = MAX_FACTOR
    return ca.Weights(
        layers={layer: big for layer in ca.DEFAULT_WEIGHTS.layers},
        certainty={c: big for c in ca.Certainty},
        roles={k: big for k in ca.RoleKind},
        statuses={s: big for s in ca.MembershipStatus},
        background=big,
        repeated=big,
    )


def test_the_largest_weights_and_magnitudes_give_finite_totals_and_shares() -> None:
    """Every factor and magnitude at its bound: influences, shares, balances and strengths stay finite (shares sum to 1), never NaN."""
    ds = ca.load()
    magnitudes = ca.Magnitudes(increase=MAX_FACTOR, scale={"scn-detente-with-west": MAX_FACTOR}, strengths={s: MAX_FACTOR for s in ca.Strength})
    s = ca.role_summary(ds, weights=_largest(), scenario="scn-detente-with-west", magnitudes=magnitudes)
    for row in s:
        assert all(math.isfinite(x) for x in (row.influence, row.total, row.share))
    for domain in ca.Domain:
        assert sum(s.shares(domain).values()) == pytest.approx(1.0)
        assert 0.0 <= s.balance(domain=domain) <= 1.0
    H = ca.weighted_network(ds, weights=_largest(), scenario="scn-detente-with-west", magnitudes=magnitudes)
    assert all(math.isfinite(d["weight"]) and math.isfinite(d["distance"]) for _, _, d in H.edges(data=True))
    assert all(math.isfinite(x) for x in ca.influence_scores(ca.influence_network(ds, weights=_largest()), "strength").values())
    shift = ca.scenario_shifts(ds, "scn-detente-with-west", magnitudes=magnitudes)
    assert all(0.0 <= r.p_change <= 1.0 for r in shift.rows)


def test_the_smallest_weights_give_no_infinite_distance() -> None:
    """Factors so small that their products are subnormal never give an edge an infinite distance: such a sum gets no edge."""
    tiny = 1e-160
    w = ca.Weights(layers={layer: tiny for layer in ca.DEFAULT_WEIGHTS.layers}, certainty={c: tiny for c in ca.Certainty})
    for H in (ca.weighted_network(ca.load(), weights=w), ca.collapse(ca.influence_network(ca.load(), weights=w))):
        assert all(math.isfinite(d["distance"]) and d["weight"] > 0 for _, _, d in H.edges(data=True))
    s = ca.role_summary(ca.load(), weights=w)
    assert all(math.isfinite(r.share) for r in s)


# -- read-only tables ------------------------------------------------------------------------------

SHARED_TABLES: list[tuple[str, Callable[[], Any]]] = [
    ("DEFAULT_WEIGHTS.layers", lambda: ca.DEFAULT_WEIGHTS.layers),
    ("DEFAULT_WEIGHTS.certainty", lambda: ca.DEFAULT_WEIGHTS.certainty),
    ("DEFAULT_WEIGHTS.roles", lambda: ca.DEFAULT_WEIGHTS.roles),
    ("DEFAULT_WEIGHTS.statuses", lambda: ca.DEFAULT_WEIGHTS.statuses),
    ("DEFAULT_WEIGHTS.event_domains", lambda: ca.DEFAULT_WEIGHTS.event_domains),
    ("DEFAULT_WEIGHTS.organization_domains", lambda: ca.DEFAULT_WEIGHTS.organization_domains),
    ("DEFAULT_WEIGHTS.record_domains", lambda: ca.DEFAULT_WEIGHTS.record_domains),
    ("DEFAULT_MAGNITUDES.scale", lambda: ca.DEFAULT_MAGNITUDES.scale),
    ("DEFAULT_MAGNITUDES.strengths", lambda: ca.DEFAULT_MAGNITUDES.strengths),
    ("INCLUSION", lambda: ca.INCLUSION),
    ("readings cells", lambda: _readings().cells),
    ("summary influence_table", lambda: _summary().influence_table),
]

#: Every way a caller could try to change a mapping in place, dict's own methods applied to it included.
MUTATIONS: list[tuple[str, Callable[[Any], object]]] = [
    ("__init__", lambda t: t.__init__({"role": 99.0})),
    ("dict.__init__", lambda t: dict.__init__(t, {"role": 99.0})),
    ("dict.__setitem__", lambda t: dict.__setitem__(t, "role", 99.0)),
    ("dict.update", lambda t: dict.update(t, {"role": 99.0})),
    ("dict.clear", lambda t: dict.clear(t)),
    ("__setitem__", lambda t: t.__setitem__(next(iter(t), "x"), 99.0)),
    ("__delitem__", lambda t: t.__delitem__(next(iter(t), "x"))),
    ("update", lambda t: t.update({"x": 99.0})),
    ("__ior__", lambda t: t.__ior__({"x": 99.0})),
    ("clear", lambda t: t.clear()),
    ("setdefault", lambda t: t.setdefault("x", 99.0)),
    ("pop", lambda t: t.pop(next(iter(t), "x"))),
    ("popitem", lambda t: t.popitem()),
    ("setattr", lambda t: setattr(t, "_items", {})),
    ("delattr", lambda t: delattr(t, "_items")),
]


def _readings() -> ca.Readings:
    return ca.readings(ca.load())


def _summary() -> Any:
    return ca.role_summary(small())


@pytest.mark.parametrize(("name", "mutate"), MUTATIONS, ids=[n for n, _ in MUTATIONS])
@pytest.mark.parametrize(("table", "get"), SHARED_TABLES, ids=[n for n, _ in SHARED_TABLES])
def test_no_caller_can_change_a_shared_table(table: str, get: Callable[[], Any], name: str, mutate: Callable[[Any], object]) -> None:
    """Every in-place change of a shared table, through its own methods or dict's, is refused or does nothing: the table is as it was."""
    found = get()
    before = dict(found)
    try:
        mutate(found)
    except (TypeError, AttributeError):
        pass
    assert dict(found) == before and len(found) == len(before)
    assert ca.Weights() == ca.DEFAULT_WEIGHTS and ca.Magnitudes() == ca.DEFAULT_MAGNITUDES


def test_an_attempt_on_the_default_weights_changes_no_later_analysis() -> None:
    """``DEFAULT_WEIGHTS.layers.__init__({...})``, the issue's example, leaves every later analysis as it was."""
    before = ca.role_summary(small()).influence_table
    ca.DEFAULT_WEIGHTS.layers.__init__({ca.Layer.ROLE: 99.0})  # type: ignore[misc]
    assert ca.DEFAULT_WEIGHTS.layers[ca.Layer.ROLE] == 2.0
    assert ca.role_summary(small()).influence_table == before


def test_a_table_is_a_mapping_that_compares_hashes_copies_and_pickles_as_its_items() -> None:
    """A Table equals a dict of its items (either way round), hashes by value, survives copy, deepcopy and pickle, and prints plain values."""
    t = Table({ca.Layer.ROLE: 2.0, ca.Layer.VISIT: 1.0})
    plain = {ca.Layer.ROLE: 2.0, ca.Layer.VISIT: 1.0}
    assert t == plain and plain == t and t != {ca.Layer.ROLE: 2.0}
    assert not isinstance(t, dict)
    assert hash(t) == hash(Table(dict(plain)))
    for other in (copy.copy(t), copy.deepcopy(t), pickle.loads(pickle.dumps(t))):
        assert other == t and type(other) is Table
    assert repr(t) == "{'role': 2.0, 'visit': 1.0}"
    assert t.get([1]) is None and [1] not in t  # an unhashable key names no entry
    merged = t | {ca.Layer.ROLE: 5.0}
    assert merged == {ca.Layer.ROLE: 5.0, ca.Layer.VISIT: 1.0} and t[ca.Layer.ROLE] == 2.0
    changeable = t.copy()
    changeable[ca.Layer.ROLE] = 0.0
    assert t[ca.Layer.ROLE] == 2.0


# -- keys that must name something of the dataset ------------------------------------------------------

NOT_IDS: list[Any] = ["", " ", "a b", "a\nb", "tab\t", "zero\u200bwidth", "bidi\u202e", "e\u0301", "nul\x00", 5, None, ("x",)]


@pytest.mark.parametrize("key", NOT_IDS, ids=repr)
@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda k: ca.Weights(record_domains={k: "security"}), "$.record_domains"),
        (lambda k: ca.DEFAULT_WEIGHTS.override(record_domains={k: "security"}), "$.record_domains"),
        (lambda k: ca.Magnitudes(scale={k: 2.0}), "$.scale"),
    ],
    ids=["record_domains", "override-record_domains", "scale"],
)
def test_a_key_that_cannot_be_an_id_is_refused_at_construction(make: Callable[[object], object], path: str, key: Any) -> None:
    """Empty, whitespace, control, format (zero-width, bidi), non-NFC or non-string keys of record_domains and scale are a FieldError."""
    with pytest.raises(ca.FieldError) as info:
        make(key)
    assert [p.path for p in info.value.problems] == [path]


TYPO_WEIGHTS = ca.Weights(record_domains={"visti": "economic"})


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: list(ca.relations(ds, weights=TYPO_WEIGHTS)),
        lambda ds: ca.influence_network(ds, weights=TYPO_WEIGHTS),
        lambda ds: ca.weighted_network(ds, weights=TYPO_WEIGHTS),
        lambda ds: ca.role_summary(ds, weights=TYPO_WEIGHTS),
        lambda ds: ca.role_summary(ds, weights=TYPO_WEIGHTS, records=[]),
    ],
    ids=["relations", "influence_network", "weighted_network", "role_summary", "role_summary-streamed"],
)
def test_a_record_domains_key_naming_no_record_is_refused_by_the_analysis(call: Callable[[ca.Dataset], object]) -> None:
    """A typo in ``Weights(record_domains=...)`` is an ArgumentError naming the key, not a silently ignored entry."""
    with pytest.raises(ca.ArgumentError, match="'visti'") as info:
        call(small())
    assert [p.path for p in info.value.problems] == ["$.weights.record_domains"]


def test_a_record_domains_key_may_name_a_streamed_record() -> None:
    """A key naming a record that comes in the stream is used; one naming none is refused once the stream has ended."""
    extra = ca.Event(id="ev-new", kind=ca.EventKind.VISIT, title="A visit", evidence=EV, actors=["CHN"], host="KAZ")
    w = ca.Weights(record_domains={"ev-new": "economic"})
    found = [r for r in ca.relations(small(), weights=w, records=iter([extra])) if r.record == "ev-new"]
    assert [r.domain for r in found] == [ca.Domain.ECONOMIC]
    with pytest.raises(ca.ArgumentError, match="'ev-other'"):
        list(ca.relations(small(), weights=ca.Weights(record_domains={"ev-other": "economic"}), records=iter([extra])))


TYPO_MAGNITUDES = ca.Magnitudes(scale={"scn-detente-with-wets": 2.0})


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: ca.role_summary(ds, magnitudes=TYPO_MAGNITUDES),
        lambda ds: ca.role_summary(ds, scenario="scn-detente-with-west", magnitudes=TYPO_MAGNITUDES),
        lambda ds: list(ca.relations(ds, scenario="scn-detente-with-west", magnitudes=TYPO_MAGNITUDES)),
        lambda ds: ca.weighted_network(ds, magnitudes=TYPO_MAGNITUDES),
        lambda ds: list(ca.apply_scenario(ds, "scn-detente-with-west", magnitudes=TYPO_MAGNITUDES)),
        lambda ds: ca.readings(ds, magnitudes=TYPO_MAGNITUDES),
        lambda ds: ca.readings(ds, scenario="scn-detente-with-west", magnitudes=TYPO_MAGNITUDES),
        lambda ds: ca.scenario_shifts(ds, "scn-detente-with-west", magnitudes=TYPO_MAGNITUDES),
        lambda ds: ca.robustness(ds, draws=1, scenario="scn-detente-with-west", magnitudes=TYPO_MAGNITUDES),
    ],
    ids=["summary", "summary-scenario", "relations", "weighted_network", "apply_scenario", "readings", "readings-scenario", "scenario_shifts", "robustness"],
)
def test_a_scale_key_naming_no_scenario_is_refused_by_the_analysis(call: Callable[[ca.Dataset], object]) -> None:
    """A typo in ``Magnitudes(scale=...)`` is an ArgumentError naming the key wherever the magnitudes meet a dataset."""
    with pytest.raises(ca.ArgumentError, match="'scn-detente-with-wets'") as info:
        call(ca.load())
    assert [p.path for p in info.value.problems] == ["$.magnitudes.scale"]


def test_a_scale_key_may_name_the_scenario_applied_or_another_of_the_dataset() -> None:
    """Scaling a scenario of one's own (not in the dataset) or another scenario of the dataset is no typo."""
    ds = ca.load()
    mine = ca.make_scenario("mine", [ca.Effect(actor="CHN", domain=ca.Domain.SECURITY, direction=ca.Direction.INCREASE, description="More.")])
    m = ca.Magnitudes(scale={"mine": 2.0, "scn-detente-with-west": 0.5})
    doubled = ca.role_summary(ds, scenario=mine, magnitudes=m).influence("CHN", "security")
    plain = ca.role_summary(ds, scenario=mine).influence("CHN", "security")
    assert doubled > plain
    ca.scenario_shifts(ds, mine, magnitudes=m)
    ca.role_summary(ds, magnitudes=m.__class__(scale={"scn-detente-with-west": 0.5}))


def test_weights_print_without_error_at_their_bounds() -> None:
    """``str()`` of the largest table prints every entry."""
    assert "1e+06" in str(_largest())


def test_streamed_role_summary_is_unchanged_by_a_record_domains_key_of_the_dataset() -> None:
    """A key naming a record of the dataset is used as before (the check refuses only keys naming nothing)."""
    ds = extended(small(), events=[ca.Event(id="ev-x", kind=ca.EventKind.VISIT, title="A visit", evidence=EV, actors=["CHN"], host="KAZ")])
    s = ca.role_summary(ds, weights=ca.Weights(record_domains={"ev-x": "economic"}))
    assert s.influence("CHN", "economic", over="KAZ") > ca.role_summary(ds).influence("CHN", "economic", over="KAZ")
