"""How far each reading holds: sampled robustness, paragraphs left out, and scenarios read as shifts."""

from __future__ import annotations

import pytest
from builders import claimed

import centralasia as ca

SEC, ECO = ca.Domain.SECURITY, ca.Domain.ECONOMIC


@pytest.fixture(scope="module")
def rob() -> ca.Robustness:
    return ca.robustness(ca.load(), draws=300, seed=7)


def test_the_same_seed_gives_the_same_result_and_another_seed_another() -> None:
    """Sampling is reproducible by seed."""
    a, b = ca.robustness(claimed(), draws=50, seed=3), ca.robustness(claimed(), draws=50, seed=3)
    assert a == b
    c = ca.robustness(claimed(), draws=50, seed=4)
    assert a.cells != c.cells


def test_every_headline_reading_has_an_interval_and_a_chance_to_lead(rob: ca.Robustness) -> None:
    """Each supported region cell of both tracks has 5-95% intervals around its median, and P(leader) sums to 1."""
    for track in (ca.Track.ASSESSMENTS, ca.Track.ACTS):
        for domain in ca.Domain:
            c = rob.cell(domain, track=track)
            assert sum(c.leaders.values()) == pytest.approx(1.0)
            for interval in c.shares.values():
                assert 0.0 <= interval.low <= interval.median <= interval.high <= 1.0
    assert rob.interval("CHN", SEC, track="acts") is not None
    assert rob.interval("RUS", ECO, track="acts") is None  # no economic act in any draw


def test_the_acts_and_momentum_are_reported_with_intervals(rob: ca.Robustness) -> None:
    """China's acts lead most draws; China's security momentum has an interval."""
    assert rob.p_leader("CHN", SEC, track="acts") > 0.5
    net = rob.momentum["CHN", SEC].net
    assert net is not None and net.low <= net.median <= net.high


def test_a_claim_that_always_holds_and_no_structure_gives_no_spread() -> None:
    """Without structural toggles, a cell of stated claims all of one power never moves: economic shares stay 1."""
    r = ca.robustness(ca.load(), draws=40, seed=0, structural=False)
    iv = r.interval("CHN", ECO)
    assert iv is not None and (iv.low, iv.high) == (1.0, 1.0)


def test_uncertain_claims_drop_out_in_some_draws() -> None:
    """The reported Chinese transfers (inclusion 0.5) are left out in some draws: China's share over KAZ then falls from 0.5 to 0."""
    r = ca.robustness(claimed(), draws=200, seed=1, structural=False)
    c = r.cell(SEC, over="KAZ", track="acts")
    assert (c.shares["CHN"].low, c.shares["CHN"].high) == (0.0, 0.5)
    assert c.p_leader(None) == 1.0  # a tie, or Russia's lone claim: never a leader


def test_progress_is_reported_after_each_draw() -> None:
    """A progress callable gets (done, total) once per draw."""
    seen: list[tuple[int, int]] = []
    ca.robustness(claimed(), draws=5, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 5) for i in range(1, 6)]


@pytest.mark.parametrize("draws", [0, -1, 1.5, True])
def test_bad_draws_are_refused(draws: object) -> None:
    """Draws must be a whole number of at least 1."""
    with pytest.raises(ca.ArgumentError, match="draws"):
        ca.robustness(claimed(), draws=draws)  # type: ignore[arg-type]


def test_leaving_out_paragraph_8_removes_the_acts_lead() -> None:
    """Paragraph 8 holds the reported transfers: without it the acts name no security leader; other paragraphs leave it."""
    effects = ca.leave_one_paragraph_out(ca.load())
    acts = [e for e in effects if e.track is ca.Track.ACTS and e.domain is SEC]
    assert {e.paragraph for e in acts if e.changes_leader} == {8}
    p8 = next(e for e in acts if e.paragraph == 8)
    assert set(p8.claims) == {"c-p08-hq9", "c-p08-pterodactyl"} and p8.leader_after is None


def test_leaving_out_a_paragraph_is_the_readings_without_its_claims() -> None:
    """Without paragraph 4 (the partner claim), Russia alone speaks over TJK: the region mean becomes 1."""
    effects = {(e.paragraph, e.track, e.domain): e for e in ca.leave_one_paragraph_out(claimed())}
    e = effects[4, ca.Track.ASSESSMENTS, SEC]
    assert e.before["RUS"] == pytest.approx((1 + 2 / 3) / 2) and e.after["RUS"] == pytest.approx(1.0)
    assert e.largest_shift == pytest.approx(1 - (1 + 2 / 3) / 2)


def test_a_full_replacement_changes_the_leader_at_a_small_shift() -> None:
    """ "Beijing replaces Moscow": China rises, Russia falls, and the lead changes well below the default shift."""
    row = ca.scenario_shifts(ca.load(), "scn-beijing-replaces-moscow").row(SEC)
    assert row.directions == {"RUS": ca.Direction.DECREASE, "CHN": ca.Direction.INCREASE}
    assert (row.leader_before, row.leader_after) == ("RUS", "CHN")
    assert row.breakeven == 0.01 and row.p_change == 1.0  # a role replaced is gone at any shift


def test_a_gradual_challenge_needs_a_larger_shift_than_the_default() -> None:
    """The long-term challenge is gradual: at the default shift Russia keeps the lead, which passes only at a larger one."""
    row = ca.scenario_shifts(ca.load(), "scn-chinese-security-challenge").row(SEC)
    assert row.leader_after == "RUS"
    assert row.breakeven is not None and row.breakeven > ca.DEFAULT_MAGNITUDES.increase


def test_effects_without_a_direction_are_listed_as_unmeasured() -> None:
    """Détente's "shift" effects and the region's own effect cannot move a share: they are named, not guessed."""
    detente = ca.scenario_shifts(ca.load(), "scn-detente-with-west")
    assert {e.direction for e in detente.unmeasured} == {ca.Direction.SHIFT}
    integration = ca.scenario_shifts(ca.load(), "scn-regional-security-integration")
    assert integration.rows == () and len(integration.unmeasured) == 1
    assert "not measured" in str(integration)


def test_a_scenario_that_removes_every_score_leaves_the_cells_without_shares() -> None:
    """A full decrease of the only power with economic claims leaves no share (not a division by zero) and no leader."""
    gone = ca.make_scenario("gone", [ca.Effect("CHN", ECO, ca.Direction.DECREASE, "China leaves.", strength=ca.Strength.FULL)])
    r = ca.readings(ca.load(), scenario=gone)
    assert r.cell(ECO).shares == {} and r.leader(ECO) is None
    assert r.cell(ECO).support == ca.readings(ca.load()).cell(ECO).support  # a shift adds and removes no claim
