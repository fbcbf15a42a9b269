"""One claim, one vote: records resting on one statement of the article share its weight; undated records count from the article's time."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import attrs
import pytest
import strategies as cs
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca


def _groups(relations: list[ca.Relation]) -> dict[tuple[str, str, str, ca.Domain], list[ca.Relation]]:
    """The relations resting on each claim, per claim, source, target and domain."""
    groups: dict[tuple[str, str, str, ca.Domain], list[ca.Relation]] = defaultdict(list)
    for r in relations:
        for claim in r.claims:
            groups[claim, r.source, r.target, r.domain].append(r)
    return groups


def _assert_no_claim_outweighs_its_unit(ds: ca.Dataset) -> None:
    shared = _groups(list(ca.relations(ds)))
    alone = _groups(list(ca.relations(ds, share_claims=False)))
    assert shared.keys() == alone.keys()
    for key, rows in shared.items():
        unit = max(r.weight for r in alone[key])
        # Rows resting on this claim alone: together no more than the claim's unit.
        assert sum(r.weight for r in rows if len(r.claims) == 1) <= unit + 1e-9, key
        if all(len(r.claims) == 1 for r in rows):
            # ... and exactly their own sum where that stays under it.
            assert sum(r.weight for r in rows) == pytest.approx(min(unit, sum(r.weight for r in alone[key]))), key


def test_no_claims_records_together_weigh_more_than_its_unit_in_the_bundled_data() -> None:
    """On the bundled data, per claim, source, target and domain, the records resting on the claim weigh at most its heaviest reading."""
    ds = ca.load()
    assert any(r.claims for r in ca.relations(ds)), "the bundled data cites claims"
    _assert_no_claim_outweighs_its_unit(ds)


# -- random datasets with claims ------------------------------------------------------


@given(cs.claimed_datasets())
def test_no_claims_records_together_weigh_more_than_its_unit_in_any_dataset(ds: ca.Dataset) -> None:
    """In any dataset, the records resting on one claim weigh together at most its heaviest reading, and exactly their sum when that is less."""
    _assert_no_claim_outweighs_its_unit(ds)


@given(cs.claimed_datasets())
def test_a_record_that_cites_no_claim_keeps_its_full_weight(ds: ca.Dataset) -> None:
    """Relations of records without a claim weigh the same with and without claim sharing."""
    shared = sorted((r.record, r.source, r.target, r.weight) for r in ca.relations(ds) if not r.claims)
    alone = sorted((r.record, r.source, r.target, r.weight) for r in ca.relations(ds, share_claims=False) if not r.claims)
    assert shared == alone


@given(cs.claimed_datasets(), st.data())
def test_a_second_record_on_the_same_claim_changes_no_share(ds: ca.Dataset, data: st.DataObject) -> None:
    """Copying a record that rests on exactly one claim (a second reading of the same sentence) leaves every share as it was."""
    single = [r for r in (*ds.agreements, *ds.roles, *ds.arms_transfers) if len({e.claim for e in r.evidence}) == 1 and r.evidence[0].claim]
    if not single:
        return
    original = data.draw(st.sampled_from(single))
    copy = attrs.evolve(original, id=original.id + "-again")
    name = _collection(copy)
    more = ca.Dataset(**{n: getattr(ds, n) + ((copy,) if n == name else ()) for n in ca.Dataset.COLLECTIONS})
    before = ca.role_summary(ds, powers=("AAA", "BBB"), over=["CCC"])
    after = ca.role_summary(more, powers=("AAA", "BBB"), over=["CCC"])
    for domain in ca.Domain:
        assert after.shares(domain) == pytest.approx(before.shares(domain))
        assert after.influence("AAA", domain) == pytest.approx(before.influence("AAA", domain))


def _collection(record: object) -> str:
    return {ca.Agreement: "agreements", ca.Role: "roles", ca.ArmsTransfer: "arms_transfers"}[type(record)]


def test_the_bundled_claims_are_shared_and_explained() -> None:
    """The Tajik counter-terrorism centre's sentence is one vote: explain() names the records that share it."""
    e = ca.role_summary(ca.load()).explain("CHN", "security", over="TJK")
    assert e.shared_claims, "some of China's security records over Tajikistan rest on one claim"
    assert "one claim, one vote" in str(e)
    for claim, records in e.shared_claims.items():
        weights = [c.weight for c in e.contributions if claim in c.claims and c.target == "TJK"]
        assert len(records) > 1 and weights


# -- the article's time -------------------------------------------------------------


def test_nothing_counts_before_the_articles_time_unless_dated_earlier() -> None:
    """At any date before the article's time, every relation that counts carries a date on or before it."""
    ds = ca.load()
    for cut in ("1900", "2015", "2016-06-08", ca.PartialDate.coerce(ca.ARTICLE_TIME.earliest - dt.timedelta(days=1))):
        cut_date = ca.PartialDate.coerce(cut)
        for r in ca.relations(ds, as_of=cut):
            assert r.date is not None and r.date.earliest <= cut_date.latest, (cut, r)


def test_undated_records_count_from_the_articles_time() -> None:
    """An undated record counts from ARTICLE_TIME on, and not at all with include_undated=False."""
    ds = ca.load()
    undated = {r.record for r in ca.relations(ds) if r.date is None}
    assert undated
    assert undated <= {r.record for r in ca.relations(ds, as_of=ca.ARTICLE_TIME)}
    assert not undated & {r.record for r in ca.relations(ds, as_of="2016-12-31", include_undated=False) if r.date is None}


def test_the_cli_can_leave_out_undated_records(capsys: pytest.CaptureFixture[str]) -> None:
    """``roles --dated-only`` is ``include_undated=False``."""
    from centralasia.cli import main

    assert main(["roles", "--domain", "security", "--dated-only"]) == 0
    dated = capsys.readouterr().out
    assert main(["roles", "--domain", "security"]) == 0
    assert capsys.readouterr().out != dated


# -- scenario strengths ---------------------------------------------------------------


def test_a_full_effect_moves_further_than_a_gradual_one() -> None:
    """The same effect moves a share further when the article words it as full than as gradual."""
    ds = ca.load()
    base = ca.role_summary(ds)
    moved = {}
    for strength in ca.Strength:
        effect = ca.Effect(actor="CHN", domain=ca.Domain.SECURITY, direction=ca.Direction.INCREASE, description="China gains.", strength=strength)
        moved[strength] = ca.role_summary(ds, scenario=ca.make_scenario("mine", [effect])).share("CHN", "security") - base.share("CHN", "security")
    assert 0 < moved[ca.Strength.GRADUAL] < moved[ca.Strength.MODERATE] < moved[ca.Strength.FULL]
