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
    """The reported Chinese transfers (inclusion 0.5) are left out in about half the draws: China then has no share over KAZ."""
    r = ca.robustness(claimed(), draws=200, seed=1, structural=False)
    c = r.cell(SEC, over="KAZ", track="acts")
    assert (c.shares["CHN"].low, c.shares["CHN"].high) == (0.5, 0.5)  # a tie whenever a claim speaks for China
    assert 0.35 < c.present["CHN"] < 0.65 and c.present["RUS"] == 1.0
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
    assert row.definitional and row.breakeven is None and row.p_change == 1.0  # a role replaced is gone at any shift


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
    gone = ca.make_scenario(
        "gone", [ca.Effect(actor="CHN", domain=ECO, direction=ca.Direction.DECREASE, description="China leaves.", strength=ca.Strength.FULL)]
    )
    r = ca.readings(ca.load(), scenario=gone)
    assert r.cell(ECO).shares == {} and r.leader(ECO) is None
    assert r.cell(ECO).support == ca.readings(ca.load()).cell(ECO).support  # a shift adds and removes no claim


# -- hostile input: one error of ours, naming the place ---------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: ca.leave_one_paragraph_out(ca.load(), scenario="scn-beijing-replaces-moscow"), ca.ArgumentError, "unknown option 'scenario'"),
        (lambda: ca.scenario_shifts(ca.load(), "scn-detente-with-west", tiers=ca.Tiers()), ca.ArgumentError, "unknown option 'tiers'"),
        (lambda: ca.robustness(ca.load(), draws=5, tiers=ca.Tiers()), ca.ArgumentError, "unknown option 'tiers'"),
        (lambda: ca.readings(ca.load(), records=5), ca.ArgumentError, "records"),
        (lambda: ca.readings(ca.load(), records=[5]), ca.DataError, r"\$\.records\[0\]"),
        (lambda: ca.readings(ca.load(), scenario="scn-detente-with-west", magnitudes=None), ca.ArgumentError, "magnitudes"),
        (lambda: ca.readings(ca.load(), powers=None), ca.ArgumentError, "powers"),
        (lambda: ca.readings(ca.load(), over=5), ca.ArgumentError, "over"),
        (lambda: ca.readings(None), ca.ArgumentError, "Dataset"),  # type: ignore[arg-type]
        (lambda: ca.readings(ca.load(), powers=["RUS", "sco"]), ca.UnknownIdError, "sco"),
        (lambda: ca.readings(ca.load(), powers=["RUS", "KAZ"]), ca.ArgumentError, "compared power"),
        (lambda: ca.readings(ca.load(), over="the-west"), ca.ArgumentError, "over"),
        (lambda: ca.robustness(ca.load(), draws=5, progress=5), ca.ArgumentError, "progress"),
        (lambda: ca.robustness(ca.load(), draws=5, structural="no"), ca.ArgumentError, "structural"),
        (lambda: ca.robustness(claimed(), draws=5).p_leader("USA", "security"), ca.UnknownIdError, "USA"),
        (lambda: ca.scenario_shifts(ca.load(), "scn-detente-with-west").row("securty"), ca.FieldError, "securty"),
        (lambda: ca.scenario_shifts(ca.load(), "scn-detente-with-west").row("security", "KAZX"), ca.UnknownIdError, "KAZX"),
        (lambda: ca.Tiers(lead="3"), ca.FieldError, "lead must be a number"),
        (lambda: ca.Tiers(lead=1e160), ca.FieldError, "between"),
        (lambda: ca.Tiers().weight("boss"), ca.ArgumentError, "unknown tier"),
    ],
)
def test_bad_arguments_raise_one_error_of_ours(call: object, error: type[Exception], match: str) -> None:
    """Every bad argument to the readings raises the package's error naming it, never a bare builtin."""
    with pytest.raises(error, match=match):
        call()  # type: ignore[operator]


def test_a_dataset_without_central_asian_states_needs_over() -> None:
    """Without Central Asian states there is nothing to read over by default: the error says to name states."""
    ds = ca.Dataset(
        states=[ca.State(id="RUS", name="Russia", evidence=[ca.Evidence(paragraph=1)]), ca.State(id="CHN", name="China", evidence=[ca.Evidence(paragraph=1)])]
    )
    with pytest.raises(ca.ArgumentError, match="over="):
        ca.readings(ds)


def test_readings_do_not_depend_on_the_order_of_states_or_records() -> None:
    """The same states in another order, or the same records streamed in another order, give the same cells and draws."""
    ds = ca.load()
    states = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
    forward, backward = ca.readings(ds, over=states), ca.readings(ds, over=states[::-1])
    assert forward.cell("security", track="acts").ties == backward.cell("security", track="acts").ties
    kept = ds.filter(lambda r: not isinstance(r, ca.ArmsTransfer))
    streamed = list(ds.arms_transfers)
    a = ca.robustness(kept, draws=200, seed=3, records=streamed)
    b = ca.robustness(kept, draws=200, seed=3, records=streamed[::-1])
    assert a.cell("security", track="acts").leaders == b.cell("security", track="acts").leaders


def test_an_effect_over_no_state_read_is_unmeasured() -> None:
    """An effect on a power's role over a state outside the readings is listed as not measured, not as 'unchanged'."""
    outside = ca.make_scenario(
        "usa", [ca.Effect(actor="CHN", domain=ca.Domain.SECURITY, direction=ca.Direction.INCREASE, description="China in the US.", over=["USA"])]
    )
    s = ca.scenario_shifts(ca.load(), outside)
    assert s.rows == () and s.unmeasured == outside.effects


def test_the_shift_scan_covers_twice_a_large_default() -> None:
    """With a default shift of 10 the scan reaches 20, so P(change) is over the range it states."""
    s = ca.scenario_shifts(ca.load(), "scn-chinese-security-challenge", magnitudes=ca.Magnitudes(increase=10.0))
    assert s.limit == 20.0 and s.row("security").p_change > 0.9
