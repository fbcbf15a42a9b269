"""The three readings: exact cells on hand-built claims, their rules, and the article's reading on the bundled data."""

from __future__ import annotations

import math

import pytest
import strategies as cs
from builders import claimed, extended, small
from hypothesis import given

import centralasia as ca

SEC, ECO, DIP = ca.Domain.SECURITY, ca.Domain.ECONOMIC, ca.Domain.DIPLOMATIC
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


# -- exact cells on the hand-built claims (see builders.claimed) -----------------------


def test_assessment_cells_rank_a_leading_role_above_a_part() -> None:
    """Over TJK the guarantor claim (lead, 2) and the partner claim (part, 1) give Russia 2/3; both claims are counted."""
    cell = ca.readings(claimed()).cell(SEC, over="TJK")
    assert cell.share("RUS") == pytest.approx(2 / 3)
    assert cell.support == 2 and cell.status is ca.Support.SUPPORTED and cell.leader == "RUS"
    assert cell.effective == pytest.approx((2 + 1) ** 2 / (2**2 + 1**2))
    assert cell.claims == {"RUS": ("c-lead",), "CHN": ("c-part",)}


def test_one_claim_is_insufficient_and_names_no_leader() -> None:
    """Over KAZ only the region-wide guarantor claim speaks: shares are shown, marked insufficient and inherited, with no leader."""
    cell = ca.readings(claimed()).cell(SEC, over="KAZ")
    assert cell.share("RUS") == 1.0 and cell.support == 1
    assert cell.status is ca.Support.INSUFFICIENT and cell.leader is None and cell.inherited


def test_a_cell_without_claims_is_missing_never_zero_or_one() -> None:
    """Where no claim speaks every share is ``None``, the cell prints "—" and has no leader or balance."""
    r = ca.readings(claimed())
    cell = r.cell(ECO, over="KAZ", track="acts")
    assert cell.status is ca.Support.MISSING and cell.shares == {}
    assert r.share("RUS", ECO, over="KAZ", track="acts") is None
    assert cell.leader is None and cell.balance is None
    assert "— (no claim)" in str(r)


def test_one_claim_resting_under_two_records_votes_once() -> None:
    """Two Chinese transfers rest on one claim: over KAZ China's acts score equals Russia's single transfer (a tie)."""
    cell = ca.readings(claimed()).cell(SEC, over="KAZ", track="acts")
    assert cell.scores == {"RUS": 1.0, "CHN": 1.0}
    assert cell.support == 2 and cell.leader is None and cell.balance == pytest.approx(1.0)
    votes = [v for v in ca.votes(claimed()) if v.claim == "c-chn-arms"]
    assert len(votes) == 1 and votes[0].records == ("at-chn-1", "at-chn-2")


def test_engagement_is_a_tie_reported_beside_the_acts_not_a_share() -> None:
    """A visit is a tie: counted in ``ties`` and ``co_engaged``, no share, unless ties are counted as influence."""
    r = ca.readings(claimed())
    tjk = r.cell(SEC, over="TJK", track="acts")
    assert tjk.status is ca.Support.MISSING and tjk.ties == {"RUS": 1, "CHN": 0}
    counted = ca.readings(claimed(), ties=True).cell(SEC, over="TJK", track="acts")
    assert counted.share("RUS") == 1.0 and counted.scores["RUS"] == pytest.approx(ca.DEFAULT_TIERS.engagement)


def test_the_region_row_is_the_mean_of_the_states_by_default_and_the_sum_as_an_option() -> None:
    """Mean: each state counts once (RUS (1 + 2/3) / 2); sum: the scores are added (RUS 4 of 5)."""
    assert ca.readings(claimed()).share("RUS", SEC) == pytest.approx((1 + 2 / 3) / 2)
    assert ca.readings(claimed(), pooling="sum").share("RUS", SEC) == pytest.approx(4 / 5)


def test_a_shared_region_wide_claim_is_divided_among_the_states() -> None:
    """With ``regional="shared"`` the guarantor claim weighs 2/2 in each of the two states: over TJK Russia has 1 of 2."""
    cell = ca.readings(claimed(), regional="shared").cell(SEC, over="TJK")
    assert cell.share("RUS") == pytest.approx(0.5)


def test_momentum_counts_claims_of_increase_against_decrease_and_leaves_projections_out() -> None:
    """China: one claim up (the projection does not count); Russia: one down; nothing else."""
    m = ca.readings(claimed()).momentum
    assert m["CHN", SEC].increase == ("c-up",) and m["CHN", SEC].net == 1.0
    assert m["RUS", SEC].decrease == ("c-down",) and m["RUS", SEC].net == -1.0
    assert m["CHN", SEC].status is ca.Support.INSUFFICIENT
    assert m["RUS", ECO].net is None and m["RUS", ECO].status is ca.Support.MISSING


def test_a_roles_act_claims_count_on_the_acts_track_only() -> None:
    """A role resting only on an act claim casts no assessment vote; the act counts through its own record."""
    role = ca.Role(
        id="supplier",
        actor="CHN",
        role=ca.RoleKind.ARMS_SUPPLIER,
        domain=SEC,
        over=["KAZ"],
        summary="Arms",
        evidence=[ca.Evidence(paragraph=8, quote="words", claim="c-chn-arms")],
    )
    votes = ca.votes(extended(claimed(), roles=[role]))
    assert {v.track for v in votes if v.claim == "c-chn-arms"} == {ca.Track.ACTS}


def test_background_records_cast_no_vote() -> None:
    """Facts not in the article are not part of its readings."""
    bg = (ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="a public source"),)
    extra = ca.ArmsTransfer(id="at-bg", supplier="CHN", recipient="TJK", designation="X", description="", category=ca.SipriCategory.OTHER, evidence=bg)
    assert not [v for v in ca.votes(extended(claimed(), arms_transfers=[extra])) if "at-bg" in v.records]


def test_records_without_claims_vote_as_their_own_claim() -> None:
    """On data without claims each record is one vote, ``record:<id>``."""
    claims = {v.claim for v in ca.votes(small())}
    assert "record:at-rus-kaz" in claims and "record:guarantor" in claims


def test_a_power_with_no_records_changes_no_share_and_no_balance() -> None:
    """Adding the USA (no records) leaves every share and every balance as it was."""
    two, three = ca.readings(ca.load()), ca.readings(ca.load(), powers=("RUS", "CHN", "USA"))
    for key, cell in two.cells.items():
        other = three.cells[key]
        assert {p: other.shares[p] for p in cell.shares} == pytest.approx(dict(cell.shares))
        assert (other.balance is None) == (cell.balance is None)
        if cell.balance is not None:
            assert other.balance == pytest.approx(cell.balance)


def test_tiers_keep_their_order_and_bad_options_raise_our_errors() -> None:
    """A part weighing more than a lead is refused; unknown pooling, regional and track values are ArgumentErrors."""
    with pytest.raises(ca.FieldError, match="lead > part"):
        ca.Tiers(lead=1.0, part=2.0)
    with pytest.raises(ca.ArgumentError, match="pooling"):
        ca.readings(claimed(), pooling="median")
    with pytest.raises(ca.ArgumentError, match="regional"):
        ca.readings(claimed(), regional="half")
    with pytest.raises(ca.ArgumentError, match="track"):
        ca.readings(claimed()).cell(SEC, track="rumours")
    with pytest.raises(ca.UnknownIdError):
        ca.readings(claimed()).cell(SEC, over="XXX")
    with pytest.raises(ca.ArgumentError, match="unknown option 'asof'"):
        ca.readings(claimed(), asof="2016")  # type: ignore[call-arg]


@given(cs.claimed_datasets())
def test_shares_of_a_present_cell_sum_to_one_and_a_claim_votes_once_per_cell(ds: ca.Dataset) -> None:
    """Whatever the records, a cell's shares sum to 1 (or it is missing) and its support counts distinct claims."""
    powers = tuple(s.id for s in ds.states[:2])
    r = ca.readings(ds, powers=powers, over=[s.id for s in ds.states[2:]])
    for cell in r:
        if cell.status is ca.Support.MISSING:
            assert cell.shares == {}
        else:
            assert math.fsum(cell.shares.values()) == pytest.approx(1.0)
        assert cell.support == len({c for cs_ in cell.claims.values() for c in cs_})


# -- the article's reading on the bundled data ------------------------------------------


@pytest.fixture(scope="module")
def article() -> ca.Readings:
    return ca.readings(ca.load())


@pytest.mark.parametrize("over", [None, *CENTRAL_ASIA])
def test_on_the_assessments_russia_leads_security(article: ca.Readings, over: str | None) -> None:
    """The article's verdicts give Russia the security lead over the region and over each state (it singles none out)."""
    assert article.leader(SEC, over) == "RUS"


@pytest.mark.parametrize("over", [None, *CENTRAL_ASIA])
def test_on_the_assessments_china_leads_the_economy(article: ca.Readings, over: str | None) -> None:
    """China leads the economy; Russia has no claim there, so no balance is computed."""
    assert article.leader(ECO, over) == "CHN"
    assert article.balance(ECO, over) is None


def test_every_state_cell_of_the_assessments_is_inherited(article: ca.Readings) -> None:
    """No assessment of the article names a Central Asian state: each state's cell inherits the region's claims."""
    assert all(article.cell(d, s).inherited for d in ca.Domain for s in CENTRAL_ASIA if article.cell(d, s).support)


def test_the_acts_name_china_and_disagree_with_the_assessments(article: ca.Readings) -> None:
    """Reported leverage is China's (arms, outposts); where both tracks name a leader they part: the argument of the article."""
    assert article.leader(SEC, track="acts") == "CHN"
    assert article.cell(SEC, "KAZ", track="acts").status is ca.Support.MISSING
    assert [(a.over, a.leader, b.leader) for a, b in article.disagreements()] == [("UZB", "RUS", "CHN"), (None, "RUS", "CHN")]


def test_momentum_favours_china_in_security(article: ca.Readings) -> None:
    """China: four claims of growth in security and none of decline; Russia's one of each (intents and projections left out)."""
    chn, rus = article.momentum["CHN", SEC], article.momentum["RUS", SEC]
    assert (len(chn.increase), len(chn.decrease)) == (4, 0)
    assert "c-p02-bilateral-ties" not in chn.increase  # an intent ("trying to increase") is not a change
    assert rus.net is not None and chn.net is not None and rus.net < chn.net


def test_agreement_with_article_sets_each_assessment_claim_beside_the_acts(article: ca.Readings) -> None:
    """Russia's guarantor claims are untestable (the article reports no Russian leverage); China's security claims agree."""
    checks = {(c.claim, c.power): c for c in article.agreement_with_article()}
    guarantor = checks["c-p08-rus-key-player", "RUS"]
    assert guarantor.agrees is None and guarantor.reason.startswith("untestable")
    assert checks["c-p06-chn-assertive", "CHN"].agrees is True
    assert checks["c-p09-chn-investment", "CHN"].agrees is None
    assert "untestable" in str(article.agreement_with_article())


def test_a_leading_role_diverges_where_the_power_has_leverage_but_another_leads() -> None:
    """Russia has a transfer to KAZ, so its guarantor claim is testable: the tie there names no leader (n/a); a second Chinese claim makes it diverge."""
    r = ca.readings(claimed())
    check = {c.claim: c for c in r.agreement_with_article()}["c-lead"]
    assert check.agrees is None and "no security leader" in check.reason
    more = ca.Claim(
        id="c-chn-arms-2",
        kind=ca.ClaimKind.ACT,
        summary="CHN armed KAZ again.",
        evidence=[ca.Evidence(paragraph=9, quote="words")],
        actors=["CHN"],
        about=["KAZ"],
    )
    again = ca.ArmsTransfer(
        id="at-chn-3",
        supplier="CHN",
        recipient="KAZ",
        designation="X",
        description="",
        category=ca.SipriCategory.OTHER,
        evidence=[ca.Evidence(paragraph=9, quote="words", claim="c-chn-arms-2")],
    )
    r = ca.readings(extended(claimed(), arms_transfers=[again], claims=[more]))
    check = {c.claim: c for c in r.agreement_with_article()}["c-lead"]
    assert r.leader(SEC, "KAZ", track="acts") == "CHN" and check.agrees is False


@pytest.mark.parametrize(
    ("scenario", "power", "rises"),
    [("scn-detente-with-west", "RUS", True), ("scn-chinese-security-challenge", "CHN", True), ("scn-all-inclusive-responsibility", "CHN", True)],
)
def test_scenarios_move_the_assessed_security_share_the_articles_way(article: ca.Readings, scenario: str, power: str, rises: bool) -> None:
    """Détente raises Russia's security share; the long-term challenge and the all-inclusive option raise China's."""
    after = ca.readings(ca.load(), scenario=scenario)
    before_share, after_share = article.share(power, SEC), after.share(power, SEC)
    assert before_share is not None and after_share is not None
    assert (after_share > before_share) is rises


def test_beijing_replacing_moscow_gives_china_the_security_lead() -> None:
    """The full shift hands China the lead over the region and every state."""
    r = ca.readings(ca.load(), scenario="scn-beijing-replaces-moscow")
    assert all(r.leader(SEC, over) == "CHN" for over in (None, *CENTRAL_ASIA))


def test_all_inclusive_keeps_russias_security_lead_and_raises_the_balance(article: ca.Readings) -> None:
    """Both powers engage more: Russia still leads security, and the balance there rises."""
    r = ca.readings(ca.load(), scenario="scn-all-inclusive-responsibility")
    assert r.leader(SEC) == "RUS"
    before, after = article.balance(SEC), r.balance(SEC)
    assert before is not None and after is not None and after > before


def test_a_summary_leads_with_the_readings(ds: ca.Dataset) -> None:
    """``str(role_summary(...))`` begins with the three readings, and ``readings()`` is theirs."""
    s = ca.role_summary(ds)
    assert str(s).startswith(str(s.readings()))
    assert s.readings().leader(SEC) == "RUS"


def test_readings_of_a_dataset_with_evidence_ev_only_still_work() -> None:
    """Hand-built data without claims gives cells (each record one vote)."""
    r = ca.readings(small())
    assert r.cell(SEC, over="KAZ", track="acts").support == 2


# -- review fixes: what the article would sign ---------------------------------------------


def test_memberships_known_only_from_background_cast_no_vote(article: ca.Readings) -> None:
    """The article never says which states are SCO members: the co-memberships resting on background evidence are not its ties."""
    assert not [v for v in article.votes if "sco" in v.records]
    assert all(article.cell(DIP, s, track="acts").ties == {"RUS": 0, "CHN": 0} for s in CENTRAL_ASIA)


def test_one_act_described_by_two_claims_is_one_tie(article: ca.Readings) -> None:
    """The Kazakhstan visit and its agenda are two sentences about one act: one tie, each claim half a vote."""
    assert article.cell(SEC, "KAZ", track="acts").ties["RUS"] == pytest.approx(1.0)
    visit = [v for v in article.votes if v.over == "KAZ" and v.track is ca.Track.ACTS and v.tier is ca.Tier.ENGAGEMENT]
    assert sorted(v.weight for v in visit) == [0.5, 0.5]


def test_a_role_resting_on_a_projection_counts_the_present_it_presupposes_as_assessed(article: ca.Readings) -> None:
    """ "Russia will continue to be the key ... player" votes for the present role as an assessment, not a 25%-likely forecast."""
    vote = next(v for v in article.votes if v.claim == "c-p08-rus-key-player")
    assert ca.load()["c-p08-rus-key-player"].certainty is ca.Certainty.PROJECTED
    assert vote.certainty is ca.Certainty.ASSESSED


def test_a_power_no_claim_speaks_for_has_no_share_not_zero(article: ca.Readings) -> None:
    """Russia has no economic claim: its share is missing ("—"), while China's is 1 on two claims."""
    assert article.share("RUS", ECO) is None and article.share("CHN", ECO) == 1.0
    assert "RUS    —  CHN 1.00  n=2" in str(article)


def test_balance_needs_two_claims(article: ca.Readings) -> None:
    """The diplomatic cell rests on one claim shared by both powers: no balance is computed from it."""
    assert article.cell(DIP).status is ca.Support.INSUFFICIENT and article.balance(DIP) is None


def test_a_trend_of_something_else_is_not_momentum(article: ca.Readings) -> None:
    """Russia's "growing" stagnation speaks of its economy, not its standing in the region: it is not counted."""
    assert all("c-p09-rus-stagnation" not in (*m.increase, *m.decrease) for m in article.momentum.values())


def test_momentum_does_not_depend_on_the_date_cut() -> None:
    """Trend words carry no date: the same claims count with or without undated records."""
    assert ca.readings(ca.load(), include_undated=False).momentum == ca.readings(ca.load()).momentum
