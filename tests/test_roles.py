"""Role summaries: exact shares on hand-built data, their properties, and the article's reading."""

from __future__ import annotations

import datetime as dt

import pytest
import strategies as cs
from builders import EV, extended, small, split
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia.roles import RoleSummary, ShareRow

SEC, ECO, DIP = ca.Domain.SECURITY, ca.Domain.ECONOMIC, ca.Domain.DIPLOMATIC


# -- exact numbers on the hand-built dataset ------------------------------------------
#
# security: RUS->KAZ 3 (arms) + 2 (role) = 5, CHN->KAZ 1.5 (reported arms)
#           RUS->TJK 1 (visit) + 2 (role) = 3, CHN->TJK 2 (agreement)
# economic: CHN->KAZ 0.75, CHN->TJK 0.75 (repeated statement)
# diplomatic: RUS->KAZ 0.25 (co-membership with an observer); nothing over TJK


def test_shares_per_state_are_the_hand_computed_fractions() -> None:
    """Each share is the power's summed weight over the powers' summed weight."""
    s = ca.role_summary(small())
    assert s.share("RUS", "security", over="KAZ") == pytest.approx(5 / 6.5)
    assert s.share("CHN", "security", over="KAZ") == pytest.approx(1.5 / 6.5)
    assert s.share("RUS", "security", over="TJK") == pytest.approx(3 / 5)
    assert s.share("CHN", "economic", over="TJK") == 1.0
    assert s.share("RUS", "diplomatic", over="KAZ") == 1.0
    assert s.influence("RUS", "security", over="KAZ") == pytest.approx(5.0)


def test_pooled_shares_sum_influence_over_the_states_first() -> None:
    """Over several states (or none given: all) the influences are summed, then divided."""
    s = ca.role_summary(small())
    assert s.share("RUS", "security") == pytest.approx(8 / 11.5)
    assert s.share("RUS", "security", over=["KAZ", "TJK"]) == pytest.approx(8 / 11.5)
    assert s.share("RUS", "security", over="ca") == pytest.approx(8 / 11.5)


def test_leader_per_domain_and_none_without_evidence_or_on_a_tie() -> None:
    """The leader has the largest share; no evidence or a tie gives ``None`` and even shares."""
    s = ca.role_summary(small())
    assert s.leaders() == {SEC: "RUS", ECO: "CHN", DIP: "RUS"}
    assert s.leader("diplomatic", over="TJK") is None
    assert s.shares("diplomatic", over="TJK") == {"RUS": 0.5, "CHN": 0.5}
    # CHN's visit to TJK (1) matches RUS over TJK: 1 + 2 = 2 + 1.
    tie = extended(small(), events=[ca.Event(id="chn-visit", kind=ca.EventKind.VISIT, title="A visit", evidence=EV, actors=["CHN"], host="TJK")])
    assert ca.role_summary(tie).leader("security", over="TJK") is None


def test_balance_is_one_minus_normalised_herfindahl_per_domain_then_averaged() -> None:
    """Balance in a domain is 4*s1*s2 for two powers; without a domain, the mean over domains with evidence."""
    s = ca.role_summary(small())
    kaz_security = 4 * (5 / 6.5) * (1.5 / 6.5)
    assert s.balance("KAZ", domain="security") == pytest.approx(kaz_security)
    assert s.balance("KAZ", domain="economic") == 0.0
    assert s.balance("KAZ") == pytest.approx((kaz_security + 0 + 0) / 3)
    # TJK has no diplomatic evidence: only security and economic count.
    assert s.balance("TJK") == pytest.approx((4 * 0.6 * 0.4 + 0) / 2)
    assert s.balances()["KAZ"] == s.balance("KAZ")


def test_explain_lists_the_records_behind_a_share_with_weights_and_evidence() -> None:
    """``explain`` gives every edge behind the number; their weights sum to the influence."""
    e = ca.role_summary(small()).explain("RUS", "security", over="KAZ")
    assert [(c.record, c.weight, c.layer.value) for c in e.contributions] == [("at-rus-kaz", 3.0, "arms-transfer"), ("guarantor", 2.0, "role")]
    assert e.influence == pytest.approx(5.0) and e.share == pytest.approx(5 / 6.5)
    assert dict(e.totals) == {"RUS": 5.0, "CHN": 1.5}
    assert all(c.evidence == EV for c in e.contributions)
    assert "at-rus-kaz" in str(e) and "0.769" in str(e)


def test_explain_of_a_co_membership_cites_the_memberships() -> None:
    """A co-membership edge is explained by the evidence of the two memberships."""
    e = ca.role_summary(small()).explain("RUS", "diplomatic", over="KAZ")
    assert [(c.record, c.record_type, c.layer.value) for c in e.contributions] == [("club", "Organization", "co-membership")]
    assert len(e.contributions[0].evidence) == 2


def test_rows_are_typed_one_per_power_domain_and_state() -> None:
    """Iterating a summary gives ShareRow records for exports, shares summing to 1 per state and domain."""
    s = ca.role_summary(small())
    rows = list(s)
    assert len(rows) == 2 * 3 * 2 and all(isinstance(r, ShareRow) for r in rows)
    first = rows[0]
    assert (first.power, first.domain, first.over, first.leader) == ("RUS", SEC, "KAZ", True)
    assert first.share == pytest.approx(5 / 6.5) and first.total == pytest.approx(6.5)


def test_str_is_a_readable_table_with_leaders() -> None:
    """``str(summary)`` shows the three readings, then shares per state and domain, the pooled row and the leaders."""
    text = str(ca.role_summary(small()))
    assert "security" in text and "economic" in text and "diplomatic" in text
    assert text.startswith("The article read three ways")
    lines = text.splitlines()
    assert lines[-1].split() == ["lead", "RUS", "CHN", "RUS"]
    assert any(line.startswith("all") for line in lines)


def test_other_powers_and_states_can_be_chosen() -> None:
    """``powers`` and ``over`` are parameters: the USA can be added, any states summarised."""
    s = ca.role_summary(small(), powers=("RUS", "CHN", "USA"))
    assert s.share("USA", "security") == 0.0
    assert sum(s.shares("security").values()) == pytest.approx(1.0)
    only = ca.role_summary(small(), over="TJK")
    assert only.states == ("TJK",)
    with pytest.raises(ca.UnknownIdError):
        only.share("RUS", "security", over="KAZ")


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda s: s.share("USA", "security"), ca.UnknownIdError),
        (lambda s: s.share("RUS", "military"), ca.FieldError),
        (lambda s: s.share("RUS", "security", over="nowhere"), ca.UnknownIdError),
        (lambda s: s.share("RUS", "security", over="USA"), ca.UnknownIdError),
        (lambda s: s.explain("XXX", "security"), ca.UnknownIdError),
        (lambda s: s.balance("KAZ", domain="trade"), ca.FieldError),
    ],
)
def test_bad_arguments_raise_our_errors_never_key_error(call: object, error: type[Exception]) -> None:
    """Unknown powers and states raise UnknownIdError (a LookupError); bad domains FieldError (a ValueError)."""
    s = ca.role_summary(small())
    with pytest.raises(error) as info:
        call(s)  # type: ignore[operator]
    assert not isinstance(info.value, KeyError)


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"powers": ("RUS", "XXX")}, ca.UnknownIdError),
        ({"powers": ("ca",)}, ca.UnknownIdError),
        ({"powers": ()}, ca.FieldError),
        ({"powers": ("RUS", "RUS")}, ca.FieldError),
        ({"scenario": "nowhere"}, ca.UnknownIdError),
        ({"scenario": "KAZ"}, ca.UnknownIdError),
        ({"as_of": "someday"}, ca.FieldError),
        ({"over": "nowhere"}, ca.UnknownIdError),
    ],
)
def test_bad_summary_arguments_raise_our_errors(kwargs: dict[str, object], error: type[Exception]) -> None:
    """``role_summary`` checks its arguments up front and raises the package's errors."""
    with pytest.raises(error):
        ca.role_summary(small(), **kwargs)  # type: ignore[arg-type]


def test_as_of_is_applied_to_the_summary() -> None:
    """A summary as of an earlier date leaves out later relations (here China's 2016 transfer)."""
    s = ca.role_summary(small(), as_of=dt.date(2015, 12, 31))
    assert s.share("RUS", "security", over="KAZ") == 1.0
    assert s.as_of == ca.PartialDate(2015, 12, 31)


# -- properties -----------------------------------------------------------------


@given(
    cs.influence_datasets(),
    st.sampled_from(cs.POWERS),
    st.sampled_from(cs.CENTRAL_ASIAN),
    st.sampled_from(list(ca.Certainty)),
)
def test_more_weight_never_lowers_a_share(ds: ca.Dataset, power: str, target: str, certainty: ca.Certainty) -> None:
    """Adding a relation from a power to a state never lowers that power's share there or pooled."""
    before = ca.role_summary(ds)
    extra = ca.ArmsTransfer(
        id="extra-transfer",
        supplier=power,
        recipient=target,
        designation="X",
        description="x",
        category=ca.SipriCategory.OTHER,
        evidence=EV,
        certainty=certainty,
    )
    after = ca.role_summary(extended(ds, arms_transfers=[extra]))
    assert after.share(power, SEC, target) >= before.share(power, SEC, target) - 1e-12
    assert after.share(power, SEC) >= before.share(power, SEC) - 1e-12
    assert after.influence(power, SEC, target) > before.influence(power, SEC, target)


@given(cs.influence_datasets(), cs.partial_dates(), cs.partial_dates())
def test_a_later_as_of_never_lowers_an_influence(ds: ca.Dataset, a: ca.PartialDate, b: ca.PartialDate) -> None:
    """Relations only accumulate: every influence as of a later date is at least the earlier one."""
    early, late = sorted((a, b), key=lambda d: d.latest)
    s1, s2 = ca.role_summary(ds, as_of=early), ca.role_summary(ds, as_of=late)
    for row1, row2 in zip(s1, s2, strict=True):
        assert row2.influence >= row1.influence - 1e-12


@given(cs.influence_datasets(), st.sampled_from(cs.POWERS), st.sampled_from(list(ca.Domain)))
def test_explain_adds_up_to_the_influence(ds: ca.Dataset, power: str, domain: ca.Domain) -> None:
    """The contributions ``explain`` lists sum to the influence the summary holds."""
    s = ca.role_summary(ds)
    e = s.explain(power, domain)
    assert sum(c.weight for c in e.contributions) == pytest.approx(e.influence)
    assert e.share == pytest.approx(s.share(power, domain))


@given(cs.influence_datasets())
def test_summary_of_streamed_records_equals_that_of_a_dataset_holding_them(ds: ca.Dataset) -> None:
    """``role_summary(index, records=stream)`` holds the same influences, checks and explanations as the dataset of both."""
    index, streamed = split(ds)
    whole, part = ca.role_summary(ds), ca.role_summary(index, records=streamed)
    assert part.influence_table.keys() == whole.influence_table.keys()
    assert all(part.influence_table[k] == pytest.approx(v) for k, v in whole.influence_table.items())
    assert sorted(str(part.agreement_with_article()).splitlines()) == sorted(str(whole.agreement_with_article()).splitlines())
    for power in whole.powers:
        mine, theirs = part.explain(power, SEC), whole.explain(power, SEC)
        assert {(c.record, c.record_type, c.target, c.evidence) for c in mine.contributions} == {
            (c.record, c.record_type, c.target, c.evidence) for c in theirs.contributions
        }


def test_a_summary_of_a_one_shot_stream_keeps_nothing_and_cannot_explain_itself() -> None:
    """After a generator, the shares are there but explain() and agreement_with_article() raise ArgumentError at $.records saying why."""
    feed = (
        ca.ArmsTransfer(
            id=f"at-{i}", supplier="CHN", recipient="TJK", designation="HQ-9", description="", category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS, evidence=EV
        )
        for i in range(4)
    )
    s = ca.role_summary(small(), records=feed)
    assert s.influence("CHN", "security", over="TJK") == pytest.approx(2.0 + 4 * 3.0)
    with pytest.raises(ca.ArgumentError, match=r"explain\(\) reads the records again.*one-shot iterator") as info:
        s.explain("CHN", "security")
    assert [p.path for p in info.value.problems] == ["$.records"]
    with pytest.raises(ca.ArgumentError, match=r"readings\(\) reads the records again"):
        s.agreement_with_article()
    again = [
        ca.ArmsTransfer(
            id=f"at-{i}", supplier="CHN", recipient="TJK", designation="HQ-9", description="", category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS, evidence=EV
        )
        for i in range(4)
    ]
    explained = ca.role_summary(small(), records=again).explain("CHN", "security", over="TJK")
    assert [(c.record, c.record_type) for c in explained.contributions][:4] == [(f"at-{i}", "ArmsTransfer") for i in range(4)]
    assert explained.contributions[0].evidence == EV


def test_summary_is_a_frozen_value() -> None:
    """A RoleSummary cannot be changed, and equal inputs give equal summaries."""
    import attrs

    s = ca.role_summary(small())
    assert isinstance(s, RoleSummary)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.powers = ("USA",)  # type: ignore[misc]
    assert s == ca.role_summary(small())


# -- the bundled data: the article's reading ----------------------------------------


def test_issue_snippet_works_as_shown(ds: ca.Dataset) -> None:
    """The issue's example runs: Russia leads security, China the economy, with explanations and a table."""
    s = ca.role_summary(ds)
    assert s.leader("security") == "RUS"
    assert s.leader("economic") == "CHN"
    assert 0.0 <= s.share("CHN", "economic", over="TJK") <= 1.0
    e = s.explain("CHN", "security", over="UZB")
    assert e.contributions and all(c.evidence for c in e.contributions)
    assert "security" in str(s)
    first = ds.scenarios[0].id
    assert ca.role_summary(ds, scenario=first).leader("security") in ("RUS", "CHN", None)


@pytest.mark.parametrize("as_of", [None, "2016-12-31"])
def test_bundled_data_gives_the_article_reading(ds: ca.Dataset, as_of: str | None) -> None:
    """Security is led by Russia and the economy by China over the five Central Asian states."""
    s = ca.role_summary(ds, as_of=as_of)
    assert s.states == ("KAZ", "KGZ", "TJK", "TKM", "UZB")
    assert s.leader("security") == "RUS"
    assert s.leader("economic") == "CHN"
    assert s.share("RUS", "security") > 0.5 > s.share("RUS", "economic")


def test_the_article_view_alone_gives_the_same_reading(ds: ca.Dataset) -> None:
    """Without background facts (``article_only``) the division of labour still shows."""
    s = ca.role_summary(ds.article_only())
    assert (s.leader("security"), s.leader("economic")) == ("RUS", "CHN")


# -- degenerate inputs: never an even split of nothing ----------------------------------------


@pytest.mark.parametrize("over", [[], (), iter([]), set()], ids=["list", "tuple", "iterator", "set"])
def test_a_summary_over_no_state_is_refused_naming_over(over: object) -> None:
    """``role_summary(ds, over=[])`` is an ArgumentError at ``$.over`` (it used to make a summary whose ``str()`` raised TypeError)."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.role_summary(small(), over=over)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.over"]


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.shares("security", over=[]),
        lambda s: s.share("RUS", "security", over=()),
        lambda s: s.influence("RUS", "security", over=[]),
        lambda s: s.leader("security", over=[]),
        lambda s: s.leaders(over=[]),
        lambda s: s.balance([]),
        lambda s: s.explain("RUS", "security", over=[]),
    ],
    ids=["shares", "share", "influence", "leader", "leaders", "balance", "explain"],
)
def test_a_method_over_no_state_is_refused_naming_over(call: object) -> None:
    """Every method taking ``over`` refuses an empty one with ArgumentError at ``$.over``, rather than shares of nothing."""
    with pytest.raises(ca.ArgumentError) as info:
        call(ca.role_summary(small()))  # type: ignore[operator]
    assert [p.path for p in info.value.problems] == ["$.over"]


def test_a_dataset_without_central_asian_states_needs_over() -> None:
    """Without Central Asian states (and no ``over``) a summary is refused naming ``over``; with ``over`` it is made."""
    ds = ca.Dataset(
        states=[ca.State(id="RUS", name="Russia", evidence=EV), ca.State(id="CHN", name="China", evidence=EV), ca.State(id="MNG", name="Mongolia", evidence=EV)]
    )
    with pytest.raises(ca.ArgumentError, match="no Central Asian states") as info:
        ca.role_summary(ds)
    assert [p.path for p in info.value.problems] == ["$.over"]
    assert ca.role_summary(ds, over="MNG").states == ("MNG",)


def test_a_grouping_without_members_names_no_state() -> None:
    """``over`` naming a grouping of no members is refused, not an empty summary."""
    empty = ca.Organization(id="nobody", name="Nobody", kind=ca.OrganizationKind.STATE_GROUPING, evidence=EV)
    with pytest.raises(ca.ArgumentError, match="no members"):
        ca.role_summary(extended(small(), organizations=[empty]), over="nobody")


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"powers": ("RUS", "club")}, ca.UnknownIdError),
        ({"over": ["RUS", "KAZ"]}, ca.ArgumentError),
        ({"over": ["club"]}, ca.ArgumentError),
    ],
    ids=["an-organisation-as-power", "a-power-among-the-states", "an-organisation-as-state"],
)
def test_a_summary_of_actors_it_cannot_compare_is_refused(options: dict[str, object], error: type[Exception]) -> None:
    """Powers must be states, states must be states, and no power is also a state summarised: never an even split of nothing."""
    with pytest.raises(error):
        ca.role_summary(small(), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("options", [{}, {"powers": ("RUS", "CHN", "USA")}], ids=["default", "three-powers"])
def test_str_of_any_summary_role_summary_makes_never_raises(options: dict[str, object]) -> None:
    """``str()`` of every summary ``role_summary`` makes gives its readings and its table."""
    text = str(ca.role_summary(small(), **options))  # type: ignore[arg-type]
    assert "Influence shares" in text


def test_role_summary_from_pair_sums_is_the_streamed_one() -> None:
    """``role_summary(ds, sums=pair_sums(ds, ...))`` equals ``role_summary(ds, ...)``: table, rows, shares, explain, for other powers and states too."""
    ds = ca.load()
    for options in ({}, {"as_of": "2016"}, {"scenario": "scn-detente-with-west"}):
        s = ca.pair_sums(ds, **options)  # type: ignore[arg-type]
        for powers, over in ((("RUS", "CHN"), None), (("RUS", "CHN", "USA"), "TJK")):
            one = ca.role_summary(ds, sums=s, powers=powers, over=over)
            two = ca.role_summary(ds, powers=powers, over=over, **options)  # type: ignore[arg-type]
            assert list(one.influence_table.items()) == list(two.influence_table.items())
            assert one == two and one.rows() == two.rows()
            assert one.explain("RUS", "security") == two.explain("RUS", "security")
