"""Integrity and fidelity of the bundled article dataset."""

from __future__ import annotations

import re
from collections import Counter

import pycountry
import pytest

import centralasia as ca
from centralasia.model import ARTICLE_PARAGRAPHS

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


def _all_evidence(ds: ca.Dataset) -> list[tuple[str, ca.Evidence]]:
    out = [(r.id, e) for r in ds for e in r.evidence]
    out += [(f"{o.id}/{m.member}", e) for o in ds.organizations for m in o.members for e in m.evidence]
    return out


def _body_paragraphs(text: str) -> list[str]:
    """The article's body paragraphs, 1 to 11, as the data numbers them."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    first = next(i for i, b in enumerate(blocks) if b.startswith("The recent terrorist attacks"))
    last = next(i for i, b in enumerate(blocks) if b.startswith("For Central Asian republics"))
    return blocks[first : last + 1]


def test_every_collection_is_filled(ds: ca.Dataset) -> None:
    """The bundled data holds records of every kind the model has."""
    for name in ca.Dataset.COLLECTIONS:
        assert getattr(ds, name), name


def test_ids_are_unique_across_collections(ds: ca.Dataset) -> None:
    """No two records share an id, whatever their collections."""
    counts = Counter(ds.ids())
    assert [i for i, n in counts.items() if n > 1] == []
    assert len(ds) == sum(counts.values())


def test_every_record_and_membership_has_evidence(ds: ca.Dataset) -> None:
    """Each record, and each membership, cites at least one piece of evidence."""
    assert all(r.evidence for r in ds)
    assert all(m.evidence for o in ds.organizations for m in o.members)


def test_only_background_records_lack_article_evidence(ds: ca.Dataset) -> None:
    """Records that no article evidence supports are exactly the marked background states."""
    background_only = sorted(r.id for r in ds if all(e.is_background for e in r.evidence))
    assert background_only == ["BRA", "IND", "ZAF"]


def test_paragraphs_are_within_the_body(ds: ca.Dataset) -> None:
    """Body evidence cites paragraphs 1 to 11, and only body evidence has a paragraph."""
    for rid, e in _all_evidence(ds):
        if e.section is ca.Section.BODY:
            assert e.paragraph is not None and 1 <= e.paragraph <= ARTICLE_PARAGRAPHS, rid
        else:
            assert e.paragraph is None, rid


def test_every_paragraph_is_cited(ds: ca.Dataset) -> None:
    """Each of the eleven body paragraphs and the caption is cited by article evidence."""
    cited = {e.paragraph for _, e in _all_evidence(ds) if not e.is_background}
    assert set(range(1, ARTICLE_PARAGRAPHS + 1)) <= cited
    assert any(e.section is ca.Section.CAPTION for _, e in _all_evidence(ds))


def test_background_evidence_names_a_public_source(ds: ca.Dataset) -> None:
    """Background evidence says where the fact comes from and quotes nothing."""
    for rid, e in _all_evidence(ds):
        if e.is_background:
            assert e.source != ca.ARTICLE and len(e.source) > 20, rid
            assert e.quote is None, rid


def test_quotes_are_short_anchors(ds: ca.Dataset) -> None:
    """Anchor phrases stay short: at most 25 words each."""
    for rid, e in _all_evidence(ds):
        if e.quote is not None:
            assert len(e.quote.split()) <= 25, rid


def test_quotes_appear_verbatim_in_their_paragraph(ds: ca.Dataset, article_text: str) -> None:
    """Every anchor phrase is copied exactly from the paragraph (or caption) it cites."""
    paragraphs = _body_paragraphs(article_text)
    assert len(paragraphs) == ARTICLE_PARAGRAPHS
    for rid, e in _all_evidence(ds):
        if e.quote is None:
            continue
        if e.section is ca.Section.BODY:
            assert e.paragraph is not None
            assert e.quote in paragraphs[e.paragraph - 1], (rid, e.paragraph, e.quote)
        else:
            assert e.quote in article_text, (rid, e.quote)


def test_official_quotes_appear_verbatim(ds: ca.Dataset, article_text: str) -> None:
    """The officials' own words in statements are exactly what the article quotes."""
    quoted = [s for s in ds.statements if s.quote is not None]
    assert quoted
    for s in quoted:
        assert f"“{s.quote}”" in article_text, s.id


def test_state_codes_agree_with_pycountry(ds: ca.Dataset) -> None:
    """State ids are ISO 3166-1 alpha-3 codes of the states they name."""
    for s in ds.states:
        country = pycountry.countries.get(alpha_3=s.id)
        assert country is not None, s.id
        names = {country.name, getattr(country, "common_name", country.name), getattr(country, "official_name", country.name)}
        assert any(s.name in n or n.startswith(s.name) for n in names), (s.id, s.name, names)


def test_state_identifiers_are_complete(ds: ca.Dataset) -> None:
    """Every state has its COW and G&W numbers and a Wikidata item, distinct across states."""
    for field in ("cow_code", "gw_code", "wikidata"):
        values = [getattr(s, field) for s in ds.states]
        assert None not in values, field
        assert len(set(values)) == len(values), field
    assert ds["KAZ"].cow_code == 705


def test_the_five_central_asian_states(ds: ca.Dataset) -> None:
    """The Central Asian grouping and the M49 region agree on the five republics."""
    grouping = ds["central-asia"]
    assert isinstance(grouping, ca.Organization)
    assert sorted(grouping.member_ids()) == sorted(CENTRAL_ASIA)
    assert sorted(s.id for s in ds.states if s.region is ca.Region.CENTRAL_ASIA) == sorted(CENTRAL_ASIA)


@pytest.mark.parametrize(
    ("record_id", "certainty"),
    [
        ("at-chn-tkm-hq9-2015", ca.Certainty.REPORTED),
        ("at-chn-uzb-hq9-2015", ca.Certainty.REPORTED),
        ("at-chn-uzb-pterodactyl", ca.Certainty.REPORTED),
        ("role-rus-security-guarantor", ca.Certainty.STATED),
        ("role-chn-security-actor", ca.Certainty.ASSESSED),
    ],
)
def test_certainty_follows_the_article(ds: ca.Dataset, record_id: str, certainty: ca.Certainty) -> None:
    """What the article calls reported stays reported; its judgements stay assessed."""
    assert ds[record_id].certainty is certainty  # type: ignore[union-attr]


def test_reported_wording_is_marked_reported(ds: ca.Dataset) -> None:
    """Any record anchored on "reported" wording carries the reported certainty."""
    for r in ds:
        if any(e.quote and re.search(r"\breported\b", e.quote) for e in r.evidence):
            assert getattr(r, "certainty", None) is ca.Certainty.REPORTED, r.id


def test_scenarios_are_projections(ds: ca.Dataset) -> None:
    """Every scenario is projected and has at least one effect."""
    assert len(ds.scenarios) == 6
    for s in ds.scenarios:
        assert s.certainty is ca.Certainty.PROJECTED
        assert s.effects, s.id


@pytest.mark.parametrize(
    ("record_id", "iso", "precision"),
    [
        ("agr-chn-tjk-ct-centre-2016", "2016-02", ca.Precision.MONTH),
        ("evt-brics-summit-2016", "2016-10", ca.Precision.MONTH),
        ("evt-sco-defence-ministers-2016", "2016-06-08", ca.Precision.DAY),
        ("evt-russian-visit-tjk-2016", "2016-04-06", ca.Precision.DAY),
    ],
)
def test_dates_keep_the_article_precision(ds: ca.Dataset, record_id: str, iso: str, precision: ca.Precision) -> None:
    """Dates are as precise as the article makes them, no more."""
    date = getattr(ds[record_id], "date")
    assert str(date) == iso
    assert date.precision is precision


def test_arms_transfer_years_are_the_articles(ds: ca.Dataset) -> None:
    """The HQ-9 deliveries are dated 2015 and the drones are undated, as in the article."""
    years = {t.id: t.year for t in ds.arms_transfers}
    assert years == {"at-chn-tkm-hq9-2015": 2015, "at-chn-uzb-hq9-2015": 2015, "at-chn-uzb-pterodactyl": None}
    assert {t.category for t in ds.arms_transfers} == {ca.SipriCategory.AIR_DEFENCE_SYSTEMS, ca.SipriCategory.AIRCRAFT}


def test_article_view_drops_background(ds: ca.Dataset) -> None:
    """The article-only view has no background evidence, records or field values."""
    article = ds.article_only()
    assert not any(e.is_background for _, e in _all_evidence(article))
    assert "BRA" not in article and "KAZ" in article
    assert article["KAZ"].cow_code is None  # type: ignore[union-attr]
    # The article gives "August" without a year: no date at all in the article view.
    assert article["agr-qccm-2016"].date is None  # type: ignore[union-attr]
    assert str(article["agr-chn-tjk-ct-centre-2016"].date) == "2016-02"  # type: ignore[union-attr]
    assert len(article) < len(ds)


def test_article_view_of_memberships_and_places(ds: ca.Dataset) -> None:
    """Background values inside memberships and places are reset in the article view too."""
    article = ds.article_only()
    sco = article["sco"]
    assert isinstance(sco, ca.Organization)
    # The article shows Russia and China in the SCO, but not since when, nor as founders.
    assert [(m.member, m.status, m.since) for m in sco.members] == [
        ("CHN", ca.MembershipStatus.MEMBER, None),
        ("RUS", ca.MembershipStatus.MEMBER, None),
    ]
    meeting = article["evt-sco-defence-ministers-2016"]
    assert isinstance(meeting, ca.Event) and meeting.place is not None
    assert (meeting.place.name, meeting.place.state, meeting.host) == ("Astana", None, None)
    full = ds["evt-sco-defence-ministers-2016"]
    assert isinstance(full, ca.Event) and full.place is not None and full.place.state == "KAZ"
