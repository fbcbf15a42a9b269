"""Integrity and fidelity of the bundled article dataset."""

from __future__ import annotations

import re
from collections import Counter

import pycountry
import pytest

import centralasia as ca
from centralasia.actors import central_asian_states
from centralasia.model import ARTICLE_PARAGRAPHS

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

#: The claims of the statements the reviewers want as records (corrections.md, section F):
#: they are Claim records themselves, and no other record need rest on them.
SECTION_F_CLAIMS = (
    "c-p01-kaz-most-stable",
    "c-p01-security-vulnerability",
    "c-p03-activation-challenges",
    "c-p03-adapt-roles",
    "c-p06-moscow-concerns",
    "c-p08-chn-arms-market",
    "c-p09-rus-stagnation",
    "c-p10-detente",
    "c-p11-dol-mismatch",
    "c-p11-soft-rapprochement",
)

#: Claims the reread (review/reread.md, section 2b) keeps as statements with no record resting on them:
#: a past dominance ("used to be") is no present role, and an attempt ("trying to sell") no partnership.
CLAIMS_WITHOUT_RECORDS = (
    "c-p04-rus-sells-ct-experience",
    "c-p08-rus-arms-market-past",
)


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


def _section_text(text: str, section: ca.Section) -> str:
    """The article's title, photo caption, byline or author note."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    last = next(i for i, b in enumerate(blocks) if b.startswith("For Central Asian republics"))
    found = {
        ca.Section.TITLE: blocks[0],
        ca.Section.CAPTION: next(b for b in blocks if b.startswith("The chiefs of staff")),
        ca.Section.BYLINE: next(b for b in blocks if b.startswith("By ")),
        ca.Section.AUTHOR_NOTE: blocks[last + 1],
    }
    return found[section]


def _article_evidence_of_records(ds: ca.Dataset) -> list[tuple[str, ca.Evidence]]:
    """The article evidence of every record but the claims, and of every membership."""
    return [(rid, e) for rid, e in _all_evidence(ds) if not isinstance(ds.get(rid), ca.Claim) and not e.is_background]


def test_every_collection_is_filled(ds: ca.Dataset) -> None:
    """The bundled data holds records of every kind the model has."""
    for name in ca.Dataset.COLLECTIONS:
        assert getattr(ds, name), name


def test_ids_are_unique_across_collections(ds: ca.Dataset) -> None:
    """No two records share an id, whatever their collections."""
    counts = Counter(ds.ids)
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
        # The gatekeeper roles read an understanding and a declaration; no gate is said to be kept.
        ("role-rus-gatekeeper", ca.Certainty.ASSESSED),
        ("role-chn-gatekeeper", ca.Certainty.ASSESSED),
        # "the established division of labour": stated, like the two roles of the same clause.
        ("agr-rus-chn-division-of-labour", ca.Certainty.STATED),
        ("c-p01-kaz-most-stable", ca.Certainty.REPORTED),
        ("c-p01-security-vulnerability", ca.Certainty.ASSESSED),
        ("c-p03-adapt-roles", ca.Certainty.PROJECTED),
        # "growing domestic economic stagnation": the authors' reading of a state's course, like China's slowdown.
        ("c-p09-rus-stagnation", ca.Certainty.ASSESSED),
        ("c-p10-chn-slowdown-relations", ca.Certainty.ASSESSED),
        # The Taliban threat is read from an assessed claim and is no surer than it.
        ("role-taliban-threat", ca.Certainty.ASSESSED),
        # "will continue", "will not necessarily", "will need": forecasts, like "will frame".
        ("c-p08-rus-key-player", ca.Certainty.PROJECTED),
        ("c-p08-beijing-allows-russia", ca.Certainty.PROJECTED),
        ("c-p08-chn-not-overt", ca.Certainty.PROJECTED),
        ("c-p09-chn-protect-interests", ca.Certainty.PROJECTED),
        ("c-p09-assertive-chinese-policy", ca.Certainty.PROJECTED),
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
    """Every scenario is projected and has at least one effect; the roles-adapted one (P3) is the seventh."""
    assert len(ds.scenarios) == 7
    assert "scn-roles-adapted" in {s.id for s in ds.scenarios}
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
    date = ds[record_id].date
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
    assert "BRA" not in article.ids and "KAZ" in article.ids
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


# --------------------------------------------------------------------------
# Claims: every article evidence item rests on one statement of the article
# --------------------------------------------------------------------------


def test_claims_by_kind(ds: ca.Dataset) -> None:
    """The data holds the 62 claims of the analysis, by kind as it cut them (the "will" forecasts are projections)."""
    assert Counter(c.kind.value for c in ds.claims) == {"act": 19, "assessment": 15, "tie": 10, "projection": 14, "intent": 4}


def test_claim_kind_and_certainty_agree(ds: ca.Dataset) -> None:
    """A projection is projected and only a projection is; an assessment is assessed, or reported where the article passes it on."""
    for c in ds.claims:
        assert (c.kind is ca.ClaimKind.PROJECTION) == (c.certainty is ca.Certainty.PROJECTED), c.id
        if c.kind is ca.ClaimKind.ASSESSMENT:
            assert c.certainty in (ca.Certainty.ASSESSED, ca.Certainty.REPORTED), c.id


def test_no_record_is_surer_than_the_claims_it_rests_on(ds: ca.Dataset) -> None:
    """A record or membership resting only on assessed or projected claims is not stated itself."""
    claims = {c.id: c for c in ds.claims}
    hedged = {ca.Certainty.ASSESSED, ca.Certainty.PROJECTED}
    records: list[tuple[str, object]] = [(r.id, r) for r in ds if not isinstance(r, ca.Claim) and hasattr(r, "certainty")]
    records += [(f"{o.id}/{m.member}", m) for o in ds.organizations for m in o.members]
    for rid, r in records:
        resting = [claims[e.claim] for e in r.evidence if e.claim is not None]  # type: ignore[attr-defined]
        if resting and all(c.certainty in hedged for c in resting):
            assert r.certainty is not ca.Certainty.STATED, rid  # type: ignore[attr-defined]


def test_every_article_evidence_of_every_record_carries_a_claim(ds: ca.Dataset) -> None:
    """Each article evidence item of a record or membership names the claim it rests on; background names none."""
    missing = [(rid, e.quote) for rid, e in _article_evidence_of_records(ds) if e.claim is None]
    assert missing == []
    assert not [rid for rid, e in _all_evidence(ds) if e.is_background and e.claim is not None]


def test_claims_rest_on_no_other_claim(ds: ca.Dataset) -> None:
    """A claim's own evidence is the article's words, not another claim."""
    assert not [c.id for c in ds.claims for e in c.evidence if e.claim is not None or e.is_background]


def test_every_claim_is_cited_or_a_section_f_statement(ds: ca.Dataset) -> None:
    """Each claim has a record resting on it, unless it is a statement the reviewers want as a record itself or one kept without records."""
    cited = {e.claim for _, e in _article_evidence_of_records(ds)}
    claims = {c.id for c in ds.claims}
    assert set(SECTION_F_CLAIMS) <= claims
    assert set(CLAIMS_WITHOUT_RECORDS) <= claims
    assert sorted(claims - cited - set(SECTION_F_CLAIMS) - set(CLAIMS_WITHOUT_RECORDS)) == []
    assert not cited & set(CLAIMS_WITHOUT_RECORDS)


def test_no_claim_anchor_holds_another_claims_anchor(ds: ca.Dataset) -> None:
    """One statement, one claim: no claim's anchor contains another claim's anchor from the same paragraph or section."""
    anchors = [(c.id, e) for c in ds.claims for e in c.evidence]
    for a, ea in anchors:
        for b, eb in anchors:
            if a != b and (ea.section, ea.paragraph) == (eb.section, eb.paragraph):
                assert eb.quote not in (ea.quote or ""), (a, b, eb.quote)


def test_record_quotes_stay_in_their_claims_clause(ds: ca.Dataset) -> None:
    """A record's quote holds no other claim's whole anchor; the Taliban role, of weight 0, reads subject and predicate together."""
    anchors = [(c.id, e) for c in ds.claims for e in c.evidence]
    for rid, e in _article_evidence_of_records(ds):
        if e.quote is None:
            continue
        spilled = [c for c, ce in anchors if c != e.claim and (ce.section, ce.paragraph) == (e.section, e.paragraph) and (ce.quote or "") in e.quote]
        assert spilled == ([] if rid != "role-taliban-threat" else ["c-p01-taliban-activity"]), (rid, spilled)


@pytest.mark.parametrize(
    ("record_id", "claim_id", "quote"),
    [
        ("evt-taliban-afghan-tajik-border", "c-p01-taliban-activity", "Taliban activity near the Afghan-Tajik border"),
        ("scn-chinese-security-challenge", "c-p09-chn-protect-interests", "indicating that China will need to protect its interests"),
        (
            "scn-regional-security-integration",
            "c-p11-inter-regional-cooperation",
            "has the potential to enhance more robust inter-regional security cooperation",
        ),
    ],
)
def test_trimmed_quotes_keep_to_their_claim(ds: ca.Dataset, record_id: str, claim_id: str, quote: str) -> None:
    """The three quotes that spilled into another claim's clause (reread section 1) now hold their own claim's words only."""
    quotes = [e.quote for e in ds[record_id].evidence if e.claim == claim_id]
    assert quotes == [quote]
    assert any(quote in (e.quote or "") for e in ds[claim_id].evidence)


def test_claim_quotes_appear_verbatim_in_their_paragraph(ds: ca.Dataset, article_text: str) -> None:
    """Every claim's anchor is copied exactly (curly quotes too) from the paragraph or section it cites, in at most 25 words."""
    paragraphs = _body_paragraphs(article_text)
    for c in ds.claims:
        for e in c.evidence:
            assert e.quote is not None, c.id
            where = paragraphs[e.paragraph - 1] if e.paragraph is not None else _section_text(article_text, e.section)
            assert e.quote in where, (c.id, e.paragraph, e.quote)
            assert len(e.quote.split()) <= 25, c.id


def test_claim_modality_is_the_articles_own_word(ds: ca.Dataset, article_text: str) -> None:
    """A claim's hedge word stands in the paragraph of its anchor, as the article writes it."""
    paragraphs = _body_paragraphs(article_text)
    hedged = [c for c in ds.claims if c.modality is not None]
    assert hedged
    for c in hedged:
        word = c.modality
        assert word is not None
        assert any(e.paragraph is not None and word in paragraphs[e.paragraph - 1] for e in c.evidence), c.id


@pytest.mark.parametrize(
    ("record_id", "claim_id"),
    [
        # One sentence, one claim: the records restating it share it.
        ("agr-chn-tjk-ct-centre-2016", "c-p07-ct-centre"),
        ("role-chn-ct-partner-tjk", "c-p07-ct-centre"),
        ("chn-tjk-ct-centre", "c-p07-ct-centre"),
        ("agr-qccm-2016", "c-p07-urumqi-mechanism"),
        ("evt-brics-summit-2016", "c-p02-brics-no-interference"),
        ("st-xi-putin-brics-2016", "c-p02-brics-no-interference"),
        ("role-rus-gatekeeper", "c-p02-limit-us-presence"),
        ("role-chn-gatekeeper", "c-p02-limit-us-presence"),
        # The agenda clause follows "Kazakhstan (June 8)": that visit only.
        ("evt-russian-visit-kaz-2016", "c-p05-kaz-visit-agenda"),
        ("scn-roles-adapted", "c-p03-adapt-roles"),
        # P8's verdict on Russia's present role rests on the guarantor role too.
        ("role-rus-security-guarantor", "c-p08-rus-key-player"),
        ("role-rus-security-guarantor", "c-p08-beijing-allows-russia"),
        # China's slowdown and worse relations (P10): the detente conditions and the actors the words name.
        ("scn-detente-with-west", "c-p10-chn-slowdown-relations"),
        ("USA", "c-p10-chn-slowdown-relations"),
        ("asia-pacific-neighbours", "c-p10-chn-slowdown-relations"),
    ],
)
def test_records_cite_the_claim_of_their_sentence(ds: ca.Dataset, record_id: str, claim_id: str) -> None:
    """Records encoding one statement of the article rest on the same claim."""
    assert claim_id in {e.claim for e in ds[record_id].evidence}


def test_agenda_clause_belongs_to_the_kazakhstan_visit_only(ds: ca.Dataset) -> None:
    """Only the Kazakhstan visit rests on the agenda clause, and only its title speaks of an agenda."""
    resting = sorted(rid for rid, e in _article_evidence_of_records(ds) if e.claim == "c-p05-kaz-visit-agenda")
    assert resting == ["evt-russian-visit-kaz-2016"]
    for rid in ("evt-russian-visit-tjk-2016", "evt-russian-visit-tkm-2016"):
        assert "agenda" not in ds[rid].title  # type: ignore[union-attr]


def test_agenda_claim_notes_the_other_reading(ds: ca.Dataset) -> None:
    """The agenda claim says that the "where" clause can also be read as covering all three visits."""
    notes = " ".join(e.note or "" for e in ds["c-p05-kaz-visit-agenda"].evidence)
    assert "all three visits" in notes


# --------------------------------------------------------------------------
# Dates and time words the article gives, on their records (corrections.md, section J)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "paragraph", "record_id", "field", "year", "month", "day"),
    [
        ("hosted in October 2016", 2, "evt-brics-summit-2016", "date", 2016, 10, None),
        ("hosted in October 2016", 2, "st-xi-putin-brics-2016", "date", 2016, 10, None),
        ("on June 8, 2016", 4, "evt-sco-defence-ministers-2016", "date", 2016, 6, 8),
        ("on June 8, 2016", 4, "st-shoigu-astana-2016", "date", 2016, 6, 8),
        ("since the beginning of 2016", 5, "evt-russian-visit-tjk-2016", "date", 2016, None, None),
        ("since the beginning of 2016", 5, "evt-russian-visit-tkm-2016", "date", 2016, None, None),
        ("since the beginning of 2016", 5, "evt-russian-visit-kaz-2016", "date", 2016, None, None),
        ("Tajikistan (April 6)", 5, "evt-russian-visit-tjk-2016", "date", None, 4, 6),
        ("Turkmenistan (June 8)", 5, "evt-russian-visit-tkm-2016", "date", None, 6, 8),
        ("Kazakhstan (June 8)", 5, "evt-russian-visit-kaz-2016", "date", None, 6, 8),
        ("In February 2016", 7, "agr-chn-tjk-ct-centre-2016", "date", 2016, 2, None),
        ("In February 2016", 7, "role-chn-ct-partner-tjk", "since", 2016, 2, None),
        ("While in August", 7, "agr-qccm-2016", "date", None, 8, None),
        ("While in August", 7, "qccm", "founded", None, 8, None),
        ("in 2015 Beijing for the first time provided", 8, "at-chn-tkm-hq9-2015", "date", 2015, None, None),
        ("in 2015 Beijing for the first time provided", 8, "at-chn-uzb-hq9-2015", "date", 2015, None, None),
        ("in 2015 Beijing for the first time provided", 8, "role-chn-arms-supplier", "since", 2015, None, None),
    ],
)
def test_dates_the_article_gives_are_on_their_records(
    ds: ca.Dataset, article_text: str, words: str, paragraph: int, record_id: str, field: str, year: int | None, month: int | None, day: int | None
) -> None:
    """Every date the article gives (year, month or day, as far as it goes) is on the records it dates."""
    assert words in _body_paragraphs(article_text)[paragraph - 1]
    date = getattr(ds[record_id], field)
    assert isinstance(date, ca.PartialDate), (record_id, field)
    for part, expected in (("year", year), ("month", month), ("day", day)):
        if expected is not None:
            assert getattr(date, part) == expected, (record_id, part)


@pytest.mark.parametrize(
    ("words", "paragraph", "record_id", "field", "expected"),
    [
        ("the ongoing power transition in Uzbekistan", 1, "evt-uzbekistan-transition-2016", "ongoing", True),
        ("has become more active", 5, "role-rus-securitizer", "trend", ca.Direction.INCREASE),
        ("has stated many times", 5, "st-kabulov-isis", "repeated", True),
        ("on-going deadlock in Afghan peace talks", 7, "evt-afghan-peace-talks", "ongoing", True),
        ("periodically inviting its members for talks in Beijing", 7, "evt-chinese-taliban-talks-beijing", "ongoing", True),
        ("used to be dominated by Moscow", 8, "c-p08-rus-arms-market-past", "trend", ca.Direction.DECREASE),
        ("in the short and medium-term perspective", 8, "scn-russia-stays-dominant", "horizon", ca.Horizon.SHORT_TO_MEDIUM_TERM),
        ("in the long-term", 9, "scn-chinese-security-challenge", "horizon", ca.Horizon.LONG_TERM),
    ],
)
def test_time_words_of_the_article_are_on_their_records(
    ds: ca.Dataset, article_text: str, words: str, paragraph: int, record_id: str, field: str, expected: object
) -> None:
    """The article's words for duration, repetition, trend and horizon are on the records they qualify."""
    assert words in _body_paragraphs(article_text)[paragraph - 1]
    assert getattr(ds[record_id], field) == expected


def test_undated_in_the_article_stays_undated_in_its_view(ds: ca.Dataset) -> None:
    """Dates the article does not give come from named background and are gone in the article view."""
    article = ds.article_only()
    for rid in ("evt-chinese-outposts-announcement", "evt-urumqi-exercises", "evt-bishkek-embassy-attack-2016"):
        assert ds[rid].date is not None, rid  # type: ignore[union-attr]
        assert article[rid].date is None, rid  # type: ignore[union-attr]
    assert ds["at-chn-uzb-pterodactyl"].year is None  # type: ignore[union-attr]


# --------------------------------------------------------------------------
# The article's view keeps what the article says (corrections.md, sections C and G)
# --------------------------------------------------------------------------


def test_article_view_keeps_turkmenistan_in_the_region(ds: ca.Dataset) -> None:
    """Without background regions, the article view still counts all five republics, Turkmenistan by an assessed reading of P5."""
    assert central_asian_states(ds.article_only()) == CENTRAL_ASIA
    grouping = ds.article_only()["central-asia"]
    assert isinstance(grouping, ca.Organization)
    tkm = next(m for m in grouping.members if m.member == "TKM")
    assert tkm.certainty is ca.Certainty.ASSESSED


def test_article_view_keeps_the_almaty_chronology_note(ds: ca.Dataset) -> None:
    """The note that public reports date the Almaty shooting after the 8 June meeting survives article_only()."""
    for view in (ds, ds.article_only()):
        notes = [e.note or "" for e in view["evt-almaty-attack-2016"].evidence if not e.is_background]
        assert any("18 July 2016" in n for n in notes)
    assert ds["evt-aktobe-attacks-2016"].date < ca.PartialDate(2016, 6, 8)  # type: ignore[union-attr, operator]


def test_article_view_keeps_the_state_of_the_embassy_attack(ds: ca.Dataset) -> None:
    """The article places the embassy assault in Kyrgyzstan; only the date is background."""
    place = ds.article_only()["evt-bishkek-embassy-attack-2016"].place  # type: ignore[union-attr]
    assert place is not None and place.state == "KGZ"


def test_caption_exercise_names_no_actors(ds: ca.Dataset) -> None:
    """The chiefs of staff watch the exercise: no actors, and the tie to the Urumqi mechanism is background only."""
    exercise = ds["evt-urumqi-exercises"]
    assert isinstance(exercise, ca.Event)
    assert exercise.actors == () and exercise.organization == "qccm"
    assert ds.article_only()["evt-urumqi-exercises"].organization is None  # type: ignore[union-attr]


def test_inferred_memberships_are_assessed(ds: ca.Dataset) -> None:
    """Memberships the article implies rather than states carry the assessed certainty; Kazakhstan, "in Central Asia" (P1), stays stated."""
    inferred = (
        ("qcg", "USA"),
        ("brics", "RUS"),
        ("brics", "CHN"),
        # P8's "in the region" reading places all four, as P5's places Turkmenistan.
        ("central-asia", "KGZ"),
        ("central-asia", "TJK"),
        ("central-asia", "UZB"),
        ("central-asia", "TKM"),
    )
    for org, member in inferred:
        grouping = ds[org]
        assert isinstance(grouping, ca.Organization)
        m = next(m for m in grouping.members if m.member == member)
        assert m.certainty is ca.Certainty.ASSESSED, (org, member)
    kaz = next(m for m in ds["central-asia"].members if m.member == "KAZ")  # type: ignore[union-attr]
    assert kaz.certainty is ca.Certainty.STATED


def test_agreed_centre_memberships_are_assessed(ds: ca.Dataset, article_text: str) -> None:
    """China and Tajikistan "agreed to form" the centre (P7): their memberships of it are assessed, and say why."""
    assert "agreed to form a bilateral counter-terrorism centre" in _body_paragraphs(article_text)[6]
    centre = ds["chn-tjk-ct-centre"]
    assert isinstance(centre, ca.Organization)
    assert sorted(m.member for m in centre.members) == ["CHN", "TJK"]
    for m in centre.members:
        assert m.certainty is ca.Certainty.ASSESSED, m.member
        assert any("Agreed to form" in (e.note or "") for e in m.evidence), m.member


# --------------------------------------------------------------------------
# Records that said more than the article (review/reread.md, section 2b)
# --------------------------------------------------------------------------


def test_no_present_role_from_a_past_or_an_attempt(ds: ca.Dataset, article_text: str) -> None:
    """ "used to be dominated by Moscow" and "Moscow is trying to sell" stay claims: Russia has no arms-supplier or counter-terrorism-partner role."""
    p4, p8 = _body_paragraphs(article_text)[3], _body_paragraphs(article_text)[7]
    assert "used to be dominated by Moscow" in p8 and "Moscow is trying to sell" in p4
    assert "role-rus-arms-supplier" not in ds.ids and "role-rus-ct-partner" not in ds.ids
    kinds = {r.role for r in ds.roles if r.actor == "RUS"}
    assert not kinds & {ca.RoleKind.ARMS_SUPPLIER, ca.RoleKind.COUNTER_TERRORISM_PARTNER}
    past, attempt = ds["c-p08-rus-arms-market-past"], ds["c-p04-rus-sells-ct-experience"]
    assert isinstance(past, ca.Claim) and isinstance(attempt, ca.Claim)
    assert (past.kind, past.trend) == (ca.ClaimKind.TIE, ca.Direction.DECREASE)
    assert attempt.kind is ca.ClaimKind.INTENT
    resting = {e.claim for _, e in _article_evidence_of_records(ds)}
    assert not resting & {past.id, attempt.id}


def test_mediator_is_our_word_for_the_articles(ds: ca.Dataset, article_text: str) -> None:
    """The mediator role keeps its kind but says that "mediator" is our word for P7's negotiation channels and willingness to engage."""
    p7 = _body_paragraphs(article_text)[6]
    assert "mediat" not in p7
    role = ds["role-chn-afghan-mediator"]
    assert isinstance(role, ca.Role) and role.role is ca.RoleKind.MEDIATOR
    assert "our word" in role.summary
    notes = " ".join(e.note or "" for e in role.evidence)
    for words in ("its own channels for negotiation with the Taliban", "willingness to engage with other significant powers"):
        assert words in p7 and f'"{words}"' in notes, words


def test_p8_verdict_rests_on_russias_security_role(ds: ca.Dataset) -> None:
    """P8's "Russia will continue to be the key military and security player" and "Beijing will continue to allow Russia the dominant security role" rest on the guarantor role."""
    role = ds["role-rus-security-guarantor"]
    assert isinstance(role, ca.Role) and role.certainty is ca.Certainty.STATED
    cited = {e.claim: e.quote for e in role.evidence if e.paragraph == 8}
    assert cited == {
        "c-p08-rus-key-player": "Russia will continue to be the key military and security player in Central Asia",
        "c-p08-beijing-allows-russia": "Beijing will continue to allow Russia the dominant security role in the region",
    }
    # Still stated: P3 states the present role the two forecasts presuppose.
    assert "c-p03-division-of-labour" in {e.claim for e in role.evidence}


def test_will_forecasts_are_projections_like_will_frame(ds: ca.Dataset) -> None:
    """The "will" forecasts are projections, projected, as "will frame" is, and each says why in a note."""
    reference = ds["c-p09-assertive-chinese-policy"]
    assert isinstance(reference, ca.Claim)
    for cid in ("c-p08-rus-key-player", "c-p08-beijing-allows-russia", "c-p08-chn-not-overt", "c-p09-chn-protect-interests"):
        claim = ds[cid]
        assert isinstance(claim, ca.Claim)
        assert (claim.kind, claim.certainty) == (reference.kind, reference.certainty), cid
        assert any(reference.id in (e.note or "") for e in claim.evidence), cid


def test_all_inclusive_is_the_central_asians_preference(ds: ca.Dataset) -> None:
    """ "It is more important to have ... 'all-inclusive' responsibility" (P11) is a verdict of the Central Asians or the authors about Russia and China, not their intent."""
    claim = ds["c-p11-all-inclusive"]
    assert isinstance(claim, ca.Claim)
    assert claim.kind is ca.ClaimKind.ASSESSMENT
    assert claim.actors == ("central-asia",)
    assert set(claim.about) == {"RUS", "CHN"}


def test_moscow_concerns_hold_p6_only(ds: ca.Dataset) -> None:
    """P8's "More worrying for Moscow ..." sentence is held by c-p08-chn-arms-market alone; c-p06-moscow-concerns keeps P6."""
    concerns = ds["c-p06-moscow-concerns"]
    assert {e.paragraph for e in concerns.evidence} == {6}
    sentence = "More worrying for Moscow is that China may also be gradually moving into the arms market"
    holders = sorted(c.id for c in ds.claims for e in c.evidence if e.quote is not None and sentence in e.quote)
    assert holders == ["c-p08-chn-arms-market"]


# --------------------------------------------------------------------------
# Coverage of the article's clauses (review/reread.md, section 2a)
# --------------------------------------------------------------------------


def test_chinas_slowdown_has_a_claim_like_russias_stagnation(ds: ca.Dataset, article_text: str) -> None:
    """P10's "gradual slowdown" and worse relations have their own claim, treated as Russia's stagnation is, and the rebalance no longer holds them."""
    p10 = _body_paragraphs(article_text)[9]
    slowdown, stagnation = ds["c-p10-chn-slowdown-relations"], ds["c-p09-rus-stagnation"]
    assert isinstance(slowdown, ca.Claim) and isinstance(stagnation, ca.Claim)
    (anchor,) = slowdown.evidence
    assert anchor.paragraph == 10 and anchor.quote is not None and anchor.quote in p10
    assert anchor.quote.startswith("the gradual slowdown of the Chinese economy") and "Washington" in anchor.quote
    assert slowdown.actors == ("CHN",) and {"USA", "asia-pacific-neighbours"} <= set(slowdown.about)
    assert slowdown.trend is ca.Direction.DECREASE
    assert (slowdown.kind, slowdown.certainty) == (stagnation.kind, stagnation.certainty)
    assert not any("slowdown" in (e.quote or "") or "Washington" in (e.quote or "") for e in ds["c-p10-rebalance"].evidence)


def test_following_moscows_steps_is_noted(ds: ca.Dataset) -> None:
    """P9's "rather than following Moscow's steps" is anchored on the assertive-policy claim with a note on what it presupposes."""
    items = [e for e in ds["c-p09-assertive-chinese-policy"].evidence if e.quote == "rather than following Moscow’s steps"]
    assert len(items) == 1 and "Presupposes" in (items[0].note or "")


def test_not_overt_keeps_its_condition(ds: ca.Dataset) -> None:
    """ "if the status quo is altered" (P8) is in the claim of China's reluctance, words and summary."""
    claim = ds["c-p08-chn-not-overt"]
    assert isinstance(claim, ca.Claim)
    assert "if the status quo is altered" in claim.summary
    assert any((e.quote or "").endswith("if the status quo is altered") for e in claim.evidence)


def test_qcg_founding_date_is_noted_as_the_first_meeting(ds: ca.Dataset) -> None:
    """The QCG's "founded" is its first meeting (January 2016); the note says the group was agreed in December 2015."""
    qcg = ds["qcg"]
    assert isinstance(qcg, ca.Organization) and str(qcg.founded) == "2016-01"
    notes = " ".join(e.note or "" for e in qcg.evidence if e.is_background and "founded" in e.fields)
    assert "first meeting" in notes and "December 2015" in notes


# --------------------------------------------------------------------------
# Scenario effects: the article's words and how strongly they move a role
# --------------------------------------------------------------------------


def test_effect_quotes_stand_in_a_paragraph_their_scenario_cites(ds: ca.Dataset, article_text: str) -> None:
    """Every effect quotes, verbatim, words of a paragraph its scenario cites."""
    paragraphs = _body_paragraphs(article_text)
    for s in ds.scenarios:
        cited = {e.paragraph for e in s.evidence if e.paragraph is not None}
        for effect in s.effects:
            assert effect.quote is not None, (s.id, effect.actor, effect.domain)
            assert len(effect.quote.split()) <= 25
            assert any(effect.quote in paragraphs[p - 1] for p in cited), (s.id, effect.quote)


@pytest.mark.parametrize(
    ("scenario_id", "expected"),
    [
        # "may gradually increase": gradual. "could still challenge" is China's gain, not a Russian loss.
        ("scn-chinese-security-challenge", {("CHN", "security", "increase", "gradual")}),
        # "Beijing replaces Moscow": the role taken over whole.
        ("scn-beijing-replaces-moscow", {("CHN", "security", "increase", "full"), ("RUS", "security", "decrease", "full")}),
        # "both Russian and China take more comprehensive": both powers, both fields, read symmetrically.
        (
            "scn-all-inclusive-responsibility",
            {(a, d, "increase", "moderate") for a in ("RUS", "CHN") for d in ("security", "economic")},
        ),
        (
            "scn-detente-with-west",
            {("RUS", "security", "increase", "moderate"), ("CHN", "security", "shift", "moderate"), ("CHN", "economic", "shift", "moderate")},
        ),
        ("scn-russia-stays-dominant", {("RUS", "security", "unchanged", "moderate"), ("CHN", "security", "unchanged", "moderate")}),
        ("scn-roles-adapted", {("RUS", "security", "shift", "moderate"), ("CHN", "economic", "shift", "moderate")}),
    ],
)
def test_effect_strength_follows_the_article_words(ds: ca.Dataset, scenario_id: str, expected: set[tuple[str, str, str, str]]) -> None:
    """Each scenario moves the roles the article names, as strongly as its words say."""
    scenario = ds[scenario_id]
    assert isinstance(scenario, ca.Scenario)
    got = {(e.actor, e.domain.value, e.direction.value, e.strength.value) for e in scenario.effects}
    assert got == expected
    assert len(scenario.effects) == len(expected)


def test_the_chinese_challenge_cuts_no_russian_role(ds: ca.Dataset) -> None:
    """ "could still challenge Moscow's monopoly" moves China only; Russia's stagnation stays a condition, not an effect."""
    scenario = ds["scn-chinese-security-challenge"]
    assert isinstance(scenario, ca.Scenario)
    assert {e.actor for e in scenario.effects} == {"CHN"}
    assert any("stagnat" in c.description and c.actors == ("RUS",) for c in scenario.conditions)


def test_all_inclusive_effects_say_whose_words_they_are(ds: ca.Dataset, article_text: str) -> None:
    """Each all-inclusive effect says whether it reads the article's "take more comprehensive" or is our symmetric reading of "both"."""
    assert "take more comprehensive" in _body_paragraphs(article_text)[10]
    scenario = ds["scn-all-inclusive-responsibility"]
    assert isinstance(scenario, ca.Scenario)
    for e in scenario.effects:
        crossing = (e.actor, e.domain.value) in {("RUS", "economic"), ("CHN", "security")}
        if crossing:
            assert '"take more comprehensive"' in e.description and "Our reading" in e.description, (e.actor, e.domain)
        else:
            assert 'Our symmetric reading of "both", not the article\'s words' in e.description, (e.actor, e.domain)


def test_bundled_files_are_strict_json() -> None:
    """Each bundled data file passes the package's strict JSON reader: no key twice in any object, no NaN."""
    from importlib import resources

    from centralasia._convert import parse_json

    root = resources.files("centralasia.data")
    for name in ca.Dataset.COLLECTIONS:
        parse_json(root.joinpath(f"{name}.json").read_text(encoding="utf-8"))


def test_bundled_data_passes_every_record_check_again(ds: ca.Dataset) -> None:
    """Rebuilt from its records outside the JSON reader, the bundled dataset passes every check again (types, text, ranges, nesting)."""
    assert ca.Dataset(**{name: getattr(ds, name) for name in ca.Dataset.COLLECTIONS}) == ds
