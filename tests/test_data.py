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
        # The gatekeeper roles read an understanding and a declaration; no gate is said to be kept.
        ("role-rus-gatekeeper", ca.Certainty.ASSESSED),
        ("role-chn-gatekeeper", ca.Certainty.ASSESSED),
        # "the established division of labour": stated, like the two roles of the same clause.
        ("agr-rus-chn-division-of-labour", ca.Certainty.STATED),
        ("c-p01-kaz-most-stable", ca.Certainty.REPORTED),
        ("c-p01-security-vulnerability", ca.Certainty.ASSESSED),
        ("c-p03-adapt-roles", ca.Certainty.PROJECTED),
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


# --------------------------------------------------------------------------
# Claims: every article evidence item rests on one statement of the article
# --------------------------------------------------------------------------


def test_claims_by_kind(ds: ca.Dataset) -> None:
    """The data holds the 61 claims of the analysis, by kind as it cut them."""
    assert Counter(c.kind.value for c in ds.claims) == {"act": 19, "assessment": 16, "tie": 10, "projection": 10, "intent": 6}


def test_every_article_evidence_of_every_record_carries_a_claim(ds: ca.Dataset) -> None:
    """Each article evidence item of a record or membership names the claim it rests on; background names none."""
    missing = [(rid, e.quote) for rid, e in _article_evidence_of_records(ds) if e.claim is None]
    assert missing == []
    assert not [rid for rid, e in _all_evidence(ds) if e.is_background and e.claim is not None]


def test_claims_rest_on_no_other_claim(ds: ca.Dataset) -> None:
    """A claim's own evidence is the article's words, not another claim."""
    assert not [c.id for c in ds.claims for e in c.evidence if e.claim is not None or e.is_background]


def test_every_claim_is_cited_or_a_section_f_statement(ds: ca.Dataset) -> None:
    """Each claim has a record resting on it, unless it is a statement the reviewers want as a record itself."""
    cited = {e.claim for _, e in _article_evidence_of_records(ds)}
    claims = {c.id for c in ds.claims}
    assert set(SECTION_F_CLAIMS) <= claims
    assert sorted(claims - cited - set(SECTION_F_CLAIMS)) == []


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
        ("used to be dominated by Moscow", 8, "role-rus-arms-supplier", "trend", ca.Direction.DECREASE),
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
    """Memberships the article implies rather than states carry the assessed certainty."""
    for org, member in (("qcg", "USA"), ("brics", "RUS"), ("brics", "CHN"), ("central-asia", "TKM")):
        grouping = ds[org]
        assert isinstance(grouping, ca.Organization)
        m = next(m for m in grouping.members if m.member == member)
        assert m.certainty is ca.Certainty.ASSESSED, (org, member)


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
        # "may gradually increase", "could still challenge": gradual.
        ("scn-chinese-security-challenge", {("CHN", "security", "increase", "gradual"), ("RUS", "security", "decrease", "gradual")}),
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
