"""Invariants of the domain model: partial dates, evidence, records and the dataset."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from builders import EV, two_states

import centralasia as ca


@pytest.mark.parametrize("text", ["2016", "2016-02", "2016-02-29", "0001", "9999-12-31"])
def test_partial_date_round_trips_its_iso_text(text: str) -> None:
    """Parsing an ISO date of year, month or day precision and printing it gives it back."""
    assert str(ca.PartialDate.parse(text)) == text


@pytest.mark.parametrize("text", ["2016-13", "2016-02-30", "2015-02-29", "16", "2016-2", "2016/02", "", "2016-00", "2016-01-00", "0000"])
def test_partial_date_refuses_impossible_dates(text: str) -> None:
    """Impossible or malformed dates raise our FieldError, which is a ValueError."""
    with pytest.raises(ca.FieldError) as info:
        ca.PartialDate.parse(text)
    assert isinstance(info.value, ValueError)


def test_partial_date_needs_month_for_day() -> None:
    """A day without a month is refused rather than guessed."""
    with pytest.raises(ca.FieldError, match="a day needs a month"):
        ca.PartialDate(2016, None, 5)


def test_partial_date_precision_and_bounds() -> None:
    """A partial date knows its precision and the first and last day it can mean."""
    d = ca.PartialDate(2015)
    assert d.precision is ca.Precision.YEAR
    assert (d.earliest, d.latest) == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    feb = ca.PartialDate(2016, 2)
    assert feb.latest == dt.date(2016, 2, 29)


def test_partial_dates_order_like_their_iso_strings() -> None:
    """Sorting partial dates sorts them like their ISO strings: coarser first within a period."""
    texts = ["2016-06-08", "2016", "2015", "2016-02", "2016-06", "2016-06-07"]
    dates = [ca.PartialDate.parse(t) for t in texts]
    assert [str(d) for d in sorted(dates)] == sorted(texts)
    assert ca.PartialDate(2016) < ca.PartialDate(2016, 1) <= ca.PartialDate(2016, 1)
    assert ca.PartialDate(2017) > ca.PartialDate(2016, 12, 31) >= ca.PartialDate(2016, 12)


def test_partial_date_comparison_with_other_types_is_refused() -> None:
    """Comparing with a string is a TypeError, not a silent answer."""
    with pytest.raises(TypeError):
        assert ca.PartialDate(2016) < "2017"  # type: ignore[operator]


@pytest.mark.parametrize("value", ["2016-12-31", dt.date(2016, 12, 31), dt.datetime(2016, 12, 31, 10), ca.PartialDate(2016, 12, 31)])
def test_partial_date_coerce_accepts_dates_strings_and_itself(value: ca.DateLike) -> None:
    """Every accepted form of a date becomes the same partial date."""
    assert ca.PartialDate.coerce(value) == ca.PartialDate(2016, 12, 31)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"paragraph": 12}, "paragraph"),
        ({"paragraph": 0}, "paragraph"),
        ({}, "paragraph"),
        ({"section": ca.Section.CAPTION, "paragraph": 3}, "paragraph"),
        ({"paragraph": 1, "source": "somewhere"}, "source"),
        ({"paragraph": 1, "fields": ("date",)}, "fields"),
        ({"paragraph": 1, "kind": ca.EvidenceKind.BACKGROUND}, "source"),
        ({"paragraph": 1, "kind": ca.EvidenceKind.BACKGROUND, "source": "A public source", "quote": "x"}, "quote"),
        ({"paragraph": 1, "quote": "  "}, "quote"),
    ],
)
def test_evidence_refuses_misplaced_citations(kwargs: dict[str, object], field: str) -> None:
    """Evidence must point inside the article, or name a public source, consistently."""
    with pytest.raises(ca.FieldError) as info:
        ca.Evidence(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.problems[0].path == f"$.{field}"


def test_records_need_evidence() -> None:
    """A record with no evidence is refused on construction."""
    with pytest.raises(ca.FieldError, match="evidence must not be empty"):
        ca.State(id="KAZ", name="Kazakhstan", evidence=())


def test_records_are_frozen() -> None:
    """Records cannot be changed after construction."""
    kaz = ca.State(id="KAZ", name="Kazakhstan", evidence=EV)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        kaz.name = "Qazaqstan"  # type: ignore[misc]


def test_id_sequences_become_tuples_and_refuse_bare_strings() -> None:
    """Lists of ids are stored as tuples; a bare string is not mistaken for a list of letters but refused at its field."""
    agreement = two_states().agreements[0]
    assert agreement.parties == ("KAZ", "CHN")
    with pytest.raises(ca.FieldError) as info:
        ca.Agreement(id="a", title="t", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=ca.Domain.SECURITY, parties="KAZ", evidence=EV)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.parties"]
    assert "expected a sequence of strings, got str 'KAZ'" in info.value.problems[0].message


def test_dataset_lookup_by_id() -> None:
    """``ds[id]`` finds a record; an unknown id raises our LookupError; ``get`` returns a default."""
    ds = two_states()
    assert ds["agr"].id == "agr"
    assert ds.get("nope") is None
    assert ds.get("nope", "fallback") == "fallback"
    with pytest.raises(ca.UnknownIdError) as info:
        ds["nope"]
    assert isinstance(info.value, LookupError) and not isinstance(info.value, KeyError)
    assert str(info.value) == "unknown record id 'nope'"


def test_dataset_get_with_unhashable_key_is_default() -> None:
    """An unhashable key names no record: ``get`` gives the default, ``in`` says no."""
    ds = two_states()
    assert ds.get([]) is None  # type: ignore[call-overload]
    assert [] not in ds


def test_dataset_refuses_duplicate_ids_and_dangling_references() -> None:
    """Every problem of a dataset is reported at once, each with its JSON path."""
    with pytest.raises(ca.DataError) as info:
        ca.Dataset(
            states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV)],
            agreements=[
                ca.Agreement(id="KAZ", title="t", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=ca.Domain.SECURITY, parties=["KAZ", "XYZ"], evidence=EV),
            ],
        )
    assert [p.path for p in info.value.problems] == ["$.agreements[0].id", "$.agreements[0].parties[1]"]


def test_dataset_refuses_references_to_the_wrong_kind() -> None:
    """A statement's speaker must be a person, not a state."""
    with pytest.raises(ca.DataError, match=r"'KAZ' is a State, not a person @ \$\.statements\[0\]\.speakers\[0\]"):
        ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV)], statements=[ca.Statement(id="s", speakers=["KAZ"], summary="x", evidence=EV)])


def test_background_fields_must_be_optional_fields() -> None:
    """Background evidence may only name fields the article view can reset."""
    bg = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A public source", fields=("name",))
    with pytest.raises(ca.DataError, match=r"'name' is not an optional field of State @ \$\.states\[0\]\.evidence\[0\]\.fields\[0\]"):
        ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=(bg,))])


def test_article_only_resets_background_fields() -> None:
    """The article view resets fields that only background supports and drops background records."""
    bg = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A public source", fields=("cow_code",))
    ds = ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=(EV[0], bg), cow_code=705), ca.State(id="BRA", name="Brazil", evidence=(bg,))])
    article = ds.article_only()
    assert [s.id for s in article.states] == ["KAZ"]
    assert article["KAZ"].cow_code is None  # type: ignore[union-attr]
    assert article["KAZ"].evidence == EV


def test_organization_member_ids_as_of() -> None:
    """Members count from their ``since`` date; undated members count always."""
    org = ca.Organization(
        id="o",
        name="Org",
        kind=ca.OrganizationKind.FORUM,
        evidence=EV,
        members=[ca.Membership(member="KAZ", evidence=EV, since=ca.PartialDate(2016, 1)), ca.Membership(member="CHN", evidence=EV)],
    )
    assert org.member_ids() == ("KAZ", "CHN")
    assert org.member_ids("2015-12-31") == ("CHN",)
    assert org.member_ids("2016-01") == ("KAZ", "CHN")


def test_iteration_order_and_of_type() -> None:
    """A dataset iterates collection by collection and filters by class."""
    ds = two_states()
    assert list(ds.ids) == ["KAZ", "CHN", "agr"]
    assert ds.of_type(ca.State) == ds.states
    assert ds.actors == ds.states


def test_merge_checks_the_result_as_one_dataset() -> None:
    """Merging checks references across both parts and refuses clashing ids."""
    ds = two_states()
    extra = ca.Dataset(states=[ca.State(id="TJK", name="Tajikistan", evidence=EV)])
    assert "TJK" in ds.merge(extra).ids
    with pytest.raises(ca.DataError, match="duplicate id 'KAZ'"):
        ds.merge(ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV)]))


def test_filter_keeps_what_the_predicate_accepts() -> None:
    """``filter`` builds a checked dataset of the records kept."""
    ds = two_states().filter(lambda r: isinstance(r, ca.State))
    assert list(ds.ids) == ["KAZ", "CHN"]


def test_background_may_name_a_nested_field() -> None:
    """``place.state`` names the state inside a place; an unknown nested field is refused."""
    bg = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A gazetteer", fields=("place.state",))
    event = ca.Event(id="e", kind=ca.EventKind.MEETING, title="m", evidence=(EV[0], bg), place=ca.Place(name="Astana", state="KAZ"))
    ds = ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV)], events=[event])
    assert ds.article_only()["e"].place == ca.Place(name="Astana")  # type: ignore[union-attr]
    wrong = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A gazetteer", fields=("place.country",))
    with pytest.raises(ca.DataError, match=r"'country' is not an optional field of Place @ \$\.events\[0\]\.evidence\[1\]\.fields\[0\]"):
        ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV)], events=[attrs.evolve(event, evidence=(EV[0], wrong))])


# -- types checked at construction (issue 11, cause 13) ----------------------------------------

_ROLE = {"id": "r", "actor": "CHN", "role": ca.RoleKind.INVESTOR, "domain": ca.Domain.ECONOMIC, "over": ["KAZ"], "summary": "s", "evidence": EV}
_TRANSFER = {"id": "t", "supplier": "RUS", "recipient": "KAZ", "designation": "S-300", "description": "", "category": ca.SipriCategory.MISSILES, "evidence": EV}
_MEMBER = {"member": "KAZ", "evidence": EV}

#: (id, class, keyword arguments, the path of the refused field).
WRONG_TYPES: list[tuple[str, type, dict[str, Any], str]] = [
    ("date-year-a-bool", ca.PartialDate, {"year": True}, "$.year"),
    ("date-year-a-float", ca.PartialDate, {"year": 2016.0}, "$.year"),
    ("date-year-a-string", ca.PartialDate, {"year": "2016"}, "$.year"),
    ("date-month-a-bool", ca.PartialDate, {"year": 2016, "month": True}, "$.month"),
    ("date-day-a-string", ca.PartialDate, {"year": 2016, "month": 2, "day": "1"}, "$.day"),
    ("evidence-paragraph-a-bool", ca.Evidence, {"paragraph": True}, "$.paragraph"),
    ("evidence-paragraph-a-string", ca.Evidence, {"paragraph": "1"}, "$.paragraph"),
    ("evidence-section-a-string", ca.Evidence, {"paragraph": 1, "section": "body"}, "$.section"),
    ("evidence-kind-a-string", ca.Evidence, {"paragraph": 1, "kind": "article"}, "$.kind"),
    ("evidence-quote-a-number", ca.Evidence, {"paragraph": 1, "quote": 5}, "$.quote"),
    ("evidence-fields-a-string", ca.Evidence, {"paragraph": 1, "fields": "cow_code"}, "$.fields"),
    ("evidence-claim-a-list", ca.Evidence, {"paragraph": 1, "claim": ["c"]}, "$.claim"),
    ("role-kind-a-string", ca.Role, {**_ROLE, "role": "investor"}, "$.role"),
    ("role-domain-a-string", ca.Role, {**_ROLE, "domain": "economic"}, "$.domain"),
    ("role-certainty-a-string", ca.Role, {**_ROLE, "certainty": "stated"}, "$.certainty"),
    ("role-trend-a-string", ca.Role, {**_ROLE, "trend": "increase"}, "$.trend"),
    ("role-since-a-string", ca.Role, {**_ROLE, "since": "2016"}, "$.since"),
    ("role-over-a-number", ca.Role, {**_ROLE, "over": 5}, "$.over"),
    ("role-over-item-a-number", ca.Role, {**_ROLE, "over": ["KAZ", 5]}, "$.over[1]"),
    ("role-evidence-a-dict", ca.Role, {**_ROLE, "evidence": {"paragraph": 1}}, "$.evidence"),
    ("role-evidence-item-a-dict", ca.Role, {**_ROLE, "evidence": [{"paragraph": 1}]}, "$.evidence[0]"),
    ("state-name-a-number", ca.State, {"id": "KAZ", "name": 5, "evidence": EV}, "$.name"),
    ("state-cow-code-a-bool", ca.State, {"id": "KAZ", "name": "K", "evidence": EV, "cow_code": True}, "$.cow_code"),
    ("state-cow-code-a-string", ca.State, {"id": "KAZ", "name": "K", "evidence": EV, "cow_code": "705"}, "$.cow_code"),
    ("state-region-a-string", ca.State, {"id": "KAZ", "name": "K", "evidence": EV, "region": "Central Asia"}, "$.region"),
    ("state-id-a-number", ca.State, {"id": 5, "name": "K", "evidence": EV}, "$.id"),
    ("transfer-year-a-bool", ca.ArmsTransfer, {**_TRANSFER, "year": True}, "$.year"),
    ("transfer-first-a-string", ca.ArmsTransfer, {**_TRANSFER, "first_from_supplier": "yes"}, "$.first_from_supplier"),
    ("transfer-first-an-int", ca.ArmsTransfer, {**_TRANSFER, "first_from_supplier": 1}, "$.first_from_supplier"),
    ("transfer-category-a-string", ca.ArmsTransfer, {**_TRANSFER, "category": "missiles"}, "$.category"),
    ("membership-status-a-string", ca.Membership, {**_MEMBER, "status": "member"}, "$.status"),
    ("membership-member-a-number", ca.Membership, {**_MEMBER, "member": 5}, "$.member"),
    (
        "organization-members-of-ids",
        ca.Organization,
        {"id": "o", "name": "O", "kind": ca.OrganizationKind.FORUM, "evidence": EV, "members": ["KAZ"]},
        "$.members[0]",
    ),
    ("organization-seat-a-string", ca.Organization, {"id": "o", "name": "O", "kind": ca.OrganizationKind.FORUM, "evidence": EV, "seat": "Astana"}, "$.seat"),
    (
        "effect-assumed-an-int",
        ca.Effect,
        {"actor": "CHN", "domain": ca.Domain.SECURITY, "direction": ca.Direction.INCREASE, "description": "d", "assumed": 1},
        "$.assumed",
    ),
    (
        "effect-strength-a-string",
        ca.Effect,
        {"actor": "CHN", "domain": ca.Domain.SECURITY, "direction": ca.Direction.INCREASE, "description": "d", "strength": "full"},
        "$.strength",
    ),
    (
        "scenario-effects-a-number",
        ca.Scenario,
        {"id": "s", "title": "t", "horizon": ca.Horizon.LONG_TERM, "outcome": "o", "evidence": EV, "effects": 5},
        "$.effects",
    ),
    (
        "scenario-conditions-of-strings",
        ca.Scenario,
        {"id": "s", "title": "t", "horizon": ca.Horizon.LONG_TERM, "outcome": "o", "evidence": EV, "conditions": ["c"]},
        "$.conditions[0]",
    ),
    ("place-name-a-number", ca.Place, {"name": 5}, "$.name"),
    ("condition-actors-a-string", ca.Condition, {"description": "d", "actors": "KAZ"}, "$.actors"),
    ("claim-kind-a-string", ca.Claim, {"id": "c", "kind": "act", "summary": "s", "evidence": EV}, "$.kind"),
    ("statement-repeated-a-string", ca.Statement, {"id": "s", "speakers": ["p"], "summary": "s", "evidence": EV, "repeated": "no"}, "$.repeated"),
    ("event-ongoing-none", ca.Event, {"id": "e", "kind": ca.EventKind.VISIT, "title": "t", "evidence": EV, "ongoing": None}, "$.ongoing"),
]


@pytest.mark.parametrize(("kind", "kwargs", "path"), [c[1:] for c in WRONG_TYPES], ids=[c[0] for c in WRONG_TYPES])
def test_constructors_refuse_values_of_the_wrong_type(kind: type, kwargs: dict[str, Any], path: str) -> None:
    """A bool for an int, a string for an enum or a date, a lone string for a list: FieldError at the field, when built."""
    with pytest.raises(ca.FieldError) as info:
        kind(**kwargs)
    assert [p.path for p in info.value.problems] == [path]
    assert isinstance(info.value, ValueError) and not isinstance(info.value, TypeError)


def test_a_role_built_with_strings_for_enums_never_reaches_the_analysis() -> None:
    """The issue's case: a Role with strings for its enums is refused when built, not by an AttributeError in ``role_summary``."""
    with pytest.raises(ca.FieldError, match=r"expected a RoleKind .*got str 'security-guarantor' @ \$\.role"):
        ca.Role(id="r", actor="RUS", role="security-guarantor", domain="security", over=["KAZ"], summary="s", evidence=EV)  # type: ignore[arg-type]


# -- text that cannot be written out, and ids that are not ids (causes 4, 11, 12) --------------

UNWRITABLE = [
    pytest.param("Ka\ud800z", "lone surrogate", id="lone-surrogate"),
    pytest.param("\udfff", "lone surrogate", id="low-surrogate-alone"),
    pytest.param("bad\x1b[2J", "control character '\\x1b'", id="escape-sequence"),
    pytest.param("nul\x00", "control character '\\x00'", id="nul"),
    pytest.param("form\x0cfeed", "control character", id="form-feed"),
    pytest.param("del\x7f", "control character '\\x7f'", id="delete"),
    pytest.param("csi\x9b2J", "control character '\\x9b'", id="c1-csi"),
    pytest.param("\ufffe", "non-character", id="u-fffe"),
    pytest.param("x\uffff", "non-character", id="u-ffff"),
]


@pytest.mark.parametrize(("text", "fragment"), UNWRITABLE)
@pytest.mark.parametrize(
    ("build", "path"),
    [
        pytest.param(lambda t: ca.State(id="KAZ", name=t, evidence=EV), "$.name", id="name"),
        pytest.param(lambda t: ca.State(id="KAZ", name="K", evidence=EV, aliases=["Qazaqstan", t]), "$.aliases[1]", id="alias"),
        pytest.param(lambda t: ca.Evidence(paragraph=1, quote=t), "$.quote", id="quote"),
        pytest.param(lambda t: ca.Evidence(section=ca.Section.TITLE, kind=ca.EvidenceKind.BACKGROUND, source=t), "$.source", id="source"),
        pytest.param(lambda t: ca.Place(name=t), "$.name", id="place"),
        pytest.param(lambda t: ca.Person(id="p", name="P", position=t, evidence=EV), "$.position", id="possibly-empty-text"),
        pytest.param(
            lambda t: ca.Agreement(id="a", title="t", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=ca.Domain.SECURITY, parties=["KAZ", t], evidence=EV),
            "$.parties[1]",
            id="reference",
        ),
    ],
)
def test_text_that_cannot_be_written_out_is_refused_at_its_field(build: Any, path: str, text: str, fragment: str) -> None:
    """Lone surrogates, control characters (but tab, newline, CR) and U+FFFE/U+FFFF in any text field: FieldError at the field."""
    with pytest.raises(ca.FieldError) as info:
        build(text)
    assert [p.path for p in info.value.problems] == [path]
    assert fragment in info.value.problems[0].message
    assert info.value.problems[0].message.isprintable()


@pytest.mark.parametrize("text", ["Détente", "Қазақстан", "中华人民共和国", "Line one\nline two\ttabbed\r", "د\u200cا", "🇰🇿", "e\u0301"])
def test_writable_unicode_text_is_kept_as_given(text: str) -> None:
    """Any other Unicode, non-NFC and zero-width joiners included, is a valid name and round-trips through JSON."""
    state = ca.State(id="KAZ", name=text, evidence=EV, aliases=[text])
    assert state.name == text
    assert ca.loads(ca.dumps(state), ca.State) == state


BAD_IDS = [
    pytest.param("", "must not be empty", id="empty"),
    pytest.param(" ", "' ' (Zs)", id="space"),
    pytest.param("a b", "' ' (Zs) at index 1", id="inner-space"),
    pytest.param("ab\t", "(Cc)", id="tab"),
    pytest.param("a\u00a0b", "(Zs)", id="no-break-space"),
    pytest.param("a\x00", "control character", id="nul"),
    pytest.param("a\u200bb", "(Cf)", id="zero-width-space"),
    pytest.param("\u202ezak", "(Cf)", id="bidi-override"),
    pytest.param("a\u2066b", "(Cf)", id="bidi-isolate"),
    pytest.param("\ufeffa", "(Cf)", id="byte-order-mark"),
    pytest.param("a\ue000", "(Co)", id="private-use"),
    pytest.param("a\u2028", "(Zl)", id="line-separator"),
    pytest.param("de\u0301tente", "not NFC-normalised", id="not-nfc"),
    pytest.param("Ka\ud800z", "lone surrogate", id="lone-surrogate"),
]


@pytest.mark.parametrize(("value", "fragment"), BAD_IDS)
@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda i: ca.Organization(id=i, name="O", kind=ca.OrganizationKind.FORUM, evidence=EV), id="organization"),
        pytest.param(lambda i: ca.Claim(id=i, kind=ca.ClaimKind.ACT, summary="s", evidence=EV), id="claim"),
        pytest.param(
            lambda i: ca.Role(id=i, actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="s", evidence=EV), id="role"
        ),
    ],
)
def test_ids_have_no_whitespace_control_or_format_characters_and_are_nfc(build: Any, value: str, fragment: str) -> None:
    """An id that is blank, holds whitespace, a control, format (zero-width, bidi) or private character, or is not NFC: FieldError at ``$.id``."""
    with pytest.raises(ca.FieldError) as info:
        build(value)
    assert [p.path for p in info.value.problems] == ["$.id"]
    assert fragment in info.value.problems[0].message


def test_ids_that_differ_only_by_normalisation_are_refused_together() -> None:
    """A full-width 'ＫＡＺ' beside 'KAZ' (equal under NFKC) is refused at the second, naming the first."""
    org = ca.Organization(id="ＫＡＺ", name="Full width", kind=ca.OrganizationKind.FORUM, evidence=EV)
    with pytest.raises(ca.DataError) as info:
        ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV)], organizations=[org])
    assert [p.path for p in info.value.problems] == ["$.organizations[0].id"]
    assert "only by Unicode normalisation" in info.value.problems[0].message and "$.states[0]" in info.value.problems[0].message


# -- values out of range, and actors related to themselves (cause 17) ----------------------------

OUT_OF_RANGE = [
    pytest.param(lambda: ca.State(id="KAZ", name="K", evidence=EV, cow_code=0), "$.cow_code", id="cow-code-zero"),
    pytest.param(lambda: ca.State(id="KAZ", name="K", evidence=EV, cow_code=-705), "$.cow_code", id="cow-code-negative"),
    pytest.param(lambda: ca.State(id="KAZ", name="K", evidence=EV, cow_code=10**30), "$.cow_code", id="cow-code-absurd"),
    pytest.param(lambda: ca.State(id="KAZ", name="K", evidence=EV, gw_code=0), "$.gw_code", id="gw-code-zero"),
    pytest.param(lambda: ca.State(id="KAZ", name="K", evidence=EV, gw_code=1000), "$.gw_code", id="gw-code-four-digits"),
    pytest.param(lambda: ca.State(id="KAZ", name="K", evidence=EV, wikidata="Q２３２"), "$.wikidata", id="wikidata-full-width-digits"),
    pytest.param(lambda: ca.State(id="KAZ", name="K", evidence=EV, wikidata="Q٢٣"), "$.wikidata", id="wikidata-arabic-indic-digits"),
    pytest.param(lambda: ca.ArmsTransfer(**{**_TRANSFER, "year": 0}), "$.year", id="transfer-year-zero"),
    pytest.param(lambda: ca.ArmsTransfer(**{**_TRANSFER, "year": -2016}), "$.year", id="transfer-year-negative"),
    pytest.param(lambda: ca.ArmsTransfer(**{**_TRANSFER, "year": 10_000}), "$.year", id="transfer-year-five-digits"),
    pytest.param(lambda: ca.ArmsTransfer(**{**_TRANSFER, "year": 10**30}), "$.year", id="transfer-year-absurd"),
    pytest.param(lambda: ca.ArmsTransfer(**{**_TRANSFER, "number": 10**30}), "$.number", id="transfer-number-absurd"),
    pytest.param(lambda: ca.ArmsTransfer(**{**_TRANSFER, "number": -3}), "$.number", id="transfer-number-negative"),
    pytest.param(lambda: ca.ArmsTransfer(**{**_TRANSFER, "recipient": "RUS"}), "$.recipient", id="transfer-to-itself"),
    pytest.param(lambda: ca.Membership(**_MEMBER, since=ca.PartialDate(2016), until=ca.PartialDate(2015, 12)), "$.until", id="membership-until-before-since"),
    pytest.param(lambda: ca.Role(**{**_ROLE, "since": ca.PartialDate(2016, 6), "until": ca.PartialDate(2016, 5, 31)}), "$.until", id="role-until-before-since"),
    pytest.param(
        lambda: ca.Organization(
            id="o",
            name="O",
            kind=ca.OrganizationKind.FORUM,
            evidence=EV,
            members=[ca.Membership(member="KAZ", evidence=EV), ca.Membership(member="o", evidence=EV)],
        ),
        "$.members[1].member",
        id="organization-its-own-member",
    ),
    pytest.param(lambda: ca.PartialDate(10_000), "$.year", id="date-year-five-digits"),
    pytest.param(lambda: ca.PartialDate(-1), "$.year", id="date-year-negative"),
]


@pytest.mark.parametrize(("build", "path"), OUT_OF_RANGE)
def test_values_out_of_range_and_actors_related_to_themselves_are_refused(build: Any, path: str) -> None:
    """Codes not 1 to 999, years not 1 to 9999, absurd counts, non-ASCII digits, ``until`` before ``since``, self-membership and self-supply: FieldError at the field."""
    with pytest.raises(ca.FieldError) as info:
        build()
    assert [p.path for p in info.value.problems] == [path]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"since": ca.PartialDate(2016), "until": ca.PartialDate(2016)},
        {"since": ca.PartialDate(2016, 2), "until": ca.PartialDate(2016)},  # the year 2016 ends after February
        {"since": ca.PartialDate(2016, 2, 3), "until": ca.PartialDate(2016, 2, 3)},
        {"since": None, "until": ca.PartialDate(1)},
    ],
    ids=["same-year", "month-inside-year", "same-day", "open-start"],
)
def test_until_may_end_when_since_begins(kwargs: dict[str, Any]) -> None:
    """``until`` that may end on or after ``since`` begins is accepted."""
    assert ca.Membership(**_MEMBER, **kwargs).until == kwargs["until"]


@pytest.mark.parametrize("text", ["２０１６", "٢٠١٦", "२०१६", "2016-０２", "2016-02-٠١"])
def test_dates_in_other_scripts_digits_are_not_iso(text: str) -> None:
    """Only ASCII digits make an ISO 8601 date (``\\d`` would read '２０１６' as 2016)."""
    with pytest.raises(ca.FieldError, match="not an ISO 8601 date"):
        ca.PartialDate.parse(text)


# -- organisations nested in themselves or too deep (causes 3, 17) -------------------------------


def _groupings(depth: int, cycle: bool = False) -> list[ca.Organization]:
    """*depth* state groupings ``g0``... each a member of the next, ``g0`` holding KAZ (and ``g0`` holding the last when *cycle*)."""
    chain = []
    for i in range(depth):
        members = [ca.Membership(member=f"g{i - 1}" if i else "KAZ", evidence=EV)]
        if cycle and i == 0:
            members.append(ca.Membership(member=f"g{depth - 1}", evidence=EV))
        chain.append(ca.Organization(id=f"g{i}", name=f"G{i}", kind=ca.OrganizationKind.STATE_GROUPING, evidence=EV, members=members))
    return chain


@pytest.mark.parametrize("depth", [2, 3, 50])
def test_an_organisation_member_of_itself_through_others_is_refused(depth: int) -> None:
    """A cycle of memberships between organisations is one DataError at the membership that closes it, naming the chain from the first."""
    with pytest.raises(ca.DataError) as info:
        ca.Dataset(states=[ca.State(id="KAZ", name="K", evidence=EV)], organizations=_groupings(depth, cycle=True))
    assert [p.path for p in info.value.problems] == ["$.organizations[1].members[0].member"]
    assert info.value.problems[0].message.startswith(f"'g0' is a member of itself: 'g0' > 'g{depth - 1}' > ")
    assert len(str(info.value)) < 400


@pytest.mark.parametrize("depth", [101, 3000])
def test_organisations_nested_too_deep_are_refused_once_at_the_top(depth: int) -> None:
    """More than MAX_NESTING levels is one DataError at the outermost organisation's members, never a RecursionError."""
    with pytest.raises(ca.DataError) as info:
        ca.Dataset(states=[ca.State(id="KAZ", name="K", evidence=EV)], organizations=_groupings(depth))
    assert [p.path for p in info.value.problems] == [f"$.organizations[{depth - 1}].members"]
    assert f"nest {depth} deep" in info.value.problems[0].message


def test_organisations_nested_to_the_limit_are_expanded_without_recursion() -> None:
    """A hundred nested groupings load and expand to their one state, also with a recursion limit below their depth."""
    import sys

    from centralasia._actors import expand

    ds = ca.Dataset(states=[ca.State(id="KAZ", name="K", evidence=EV)], organizations=_groupings(100))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(60)
    try:
        assert expand(ds, ["g99", "KAZ"]) == ("KAZ",)
    finally:
        sys.setrecursionlimit(limit)


def test_expand_keeps_depth_first_order_and_refuses_a_single_string() -> None:
    """Groupings expand in order, each member once; a bare string is an ArgumentError, not a walk over its letters."""
    from centralasia._actors import expand

    ds = ca.Dataset(
        states=[ca.State(id=i, name=i, evidence=EV) for i in ("KAZ", "KGZ", "TJK")],
        organizations=[
            ca.Organization(
                id="inner",
                name="I",
                kind=ca.OrganizationKind.STATE_GROUPING,
                evidence=EV,
                members=[ca.Membership(member="KGZ", evidence=EV), ca.Membership(member="KAZ", evidence=EV)],
            ),
            ca.Organization(
                id="outer",
                name="O",
                kind=ca.OrganizationKind.STATE_GROUPING,
                evidence=EV,
                members=[ca.Membership(member="TJK", evidence=EV), ca.Membership(member="inner", evidence=EV)],
            ),
        ],
    )
    assert expand(ds, ["KAZ", "outer", "inner", "TJK"]) == ("KAZ", "TJK", "KGZ")
    with pytest.raises(ca.ArgumentError) as info:
        expand(ds, "KAZ")
    assert [p.path for p in info.value.problems] == ["$.ids"]
    with pytest.raises(ca.ArgumentError):
        expand("not a dataset", ["KAZ"])  # type: ignore[arg-type]
    with pytest.raises(ca.UnknownIdError):
        expand(ds, ["KAZ", None])  # type: ignore[list-item]


# -- a Dataset checks its records again, and hands out nothing it could be changed through ---------


def _changed(record: Any, **changes: Any) -> Any:
    """A copy of *record* with *changes* made behind its checks."""
    import copy

    out = copy.copy(record)
    for name, value in changes.items():
        object.__setattr__(out, name, value)
    return out


CHANGED_RECORDS = [
    pytest.param(lambda: _changed(ca.State(id="KAZ", name="K", evidence=EV), name=5), "$.states[0].name", id="name-a-number"),
    pytest.param(lambda: _changed(ca.State(id="KAZ", name="K", evidence=EV), name="Ka\ud800z"), "$.states[0].name", id="name-with-a-surrogate"),
    pytest.param(lambda: _changed(ca.State(id="KAZ", name="K", evidence=EV), cow_code=-1), "$.states[0].cow_code", id="code-negative"),
    pytest.param(lambda: _changed(ca.State(id="KAZ", name="K", evidence=EV), region="Central Asia"), "$.states[0].region", id="enum-a-string"),
    pytest.param(
        lambda: _changed(ca.State(id="KAZ", name="K", evidence=EV), evidence=(_changed(EV[0], paragraph=True),)),
        "$.states[0].evidence[0].paragraph",
        id="nested-bool",
    ),
    pytest.param(
        lambda: _changed(ca.State(id="KAZ", name="K", evidence=EV), evidence=(_changed(EV[0], paragraph=40),)),
        "$.states[0].evidence[0].paragraph",
        id="nested-own-check",
    ),
    pytest.param(lambda: _changed(ca.State(id="KAZ", name="K", evidence=EV), evidence=()), "$.states[0].evidence", id="evidence-emptied"),
]


@pytest.mark.parametrize(("build", "path"), CHANGED_RECORDS)
def test_a_record_changed_behind_its_checks_is_refused_by_the_dataset(build: Any, path: str) -> None:
    """``Dataset`` runs every field check again, nested values included: a record changed since construction is a problem at its path."""
    with pytest.raises(ca.DataError) as info:
        ca.Dataset(states=[build()])
    assert [p.path for p in info.value.problems] == [path]


def test_the_dataset_index_cannot_be_changed() -> None:
    """The id index is a read-only mapping: nothing handed out can add, replace or remove a record."""
    ds = two_states()
    index = ds._index
    with pytest.raises(TypeError):
        index["XYZ"] = ds["KAZ"]  # type: ignore[index]
    assert not isinstance(index, dict)
    assert ds.get("XYZ") is None and len(ds) == 3


WRONG_ARGUMENTS = [
    pytest.param(lambda ds: ds.merge(5), "$.other", id="merge-a-number"),
    pytest.param(lambda ds: ds.merge(None), "$.other", id="merge-none"),
    pytest.param(lambda ds: ds.merge([ds]), "$.other", id="merge-a-list"),
    pytest.param(lambda ds: ds.filter(5), "$.keep", id="filter-a-number"),
    pytest.param(lambda ds: ds.of_type("State"), "$.kind", id="of-type-a-string"),
    pytest.param(lambda ds: ds.problems_with(5), "$.record", id="problems-with-a-number"),
    pytest.param(lambda ds: ds.problems_with(ds["KAZ"], path=5), "$.path", id="problems-with-path-a-number"),
    pytest.param(
        lambda ds: ca.Organization(id="o", name="O", kind=ca.OrganizationKind.FORUM, evidence=EV).member_ids(as_of=5), "$.as_of", id="member-ids-as-of-a-number"
    ),
    pytest.param(
        lambda ds: ca.Organization(id="o", name="O", kind=ca.OrganizationKind.FORUM, evidence=EV).member_ids(as_of="soon"),
        "$.as_of",
        id="member-ids-as-of-not-a-date",
    ),
]


@pytest.mark.parametrize(("call", "path"), WRONG_ARGUMENTS)
def test_model_methods_refuse_arguments_of_the_wrong_type(call: Any, path: str) -> None:
    """``merge(5)``, ``filter(5)``, ``of_type("State")``...: ArgumentError at the argument, never a bare TypeError or AttributeError."""
    with pytest.raises(ca.ArgumentError) as info:
        call(two_states())
    assert [p.path for p in info.value.problems] == [path]


def test_datasets_pickle_and_copy_as_checked_datasets(ds: ca.Dataset) -> None:
    """A dataset survives pickling, ``copy`` and ``deepcopy`` equal to itself, rebuilt (and checked) from its records, its index still read-only."""
    import copy
    import pickle

    for again in (pickle.loads(pickle.dumps(ds)), copy.copy(ds), copy.deepcopy(ds)):
        assert again == ds and list(again.ids) == list(ds.ids)
        assert again["KAZ"] == ds["KAZ"]
        with pytest.raises(TypeError):
            again._index["XYZ"] = ds["KAZ"]  # type: ignore[index]


@pytest.mark.parametrize(
    "make",
    [
        lambda: ca.Agreement(id="a", title="t", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=ca.Domain.SECURITY, parties=["KAZ", "KAZ"], evidence=EV),
        lambda: ca.Event(id="e", kind=ca.EventKind.VISIT, title="A visit", evidence=EV, actors=["RUS"], targets=["KAZ", "KAZ"]),
        lambda: ca.Role(id="r", actor="RUS", role=ca.RoleKind.SECURITY_PARTNER, domain=ca.Domain.SECURITY, over=["KAZ", "KAZ"], summary="s", evidence=EV),
        lambda: ca.Statement(id="s", speakers=["p", "p"], summary="Words", evidence=EV),
    ],
    ids=["parties", "targets", "over", "speakers"],
)
def test_an_id_list_names_each_id_once(make: Any) -> None:
    """A party, target, role object or speaker named twice is a typo, refused at the second one with its path."""
    with pytest.raises(ca.FieldError, match=r"named twice .*@ \$\.\w+\[1\]"):
        make()


def test_a_role_is_not_over_its_own_actor() -> None:
    """A role over its own actor gives no relation and would count for nothing: refused at that entry of ``over``."""
    with pytest.raises(ca.FieldError, match=r"own actor .*@ \$\.over\[1\]"):
        ca.Role(id="r", actor="RUS", role=ca.RoleKind.SECURITY_PARTNER, domain=ca.Domain.SECURITY, over=["KAZ", "RUS"], summary="s", evidence=EV)


def test_loads_reads_only_the_packages_types() -> None:
    """``loads(text, kind=int)`` is refused: the reader makes records and values of the package, not any type."""
    with pytest.raises(ca.ArgumentError, match="package's types"):
        ca.loads("5", kind=int)


# -- lookup by kind, the container protocol and the ids view -------------------------------


def test_lookup_gives_the_record_of_its_kind() -> None:
    """``ds.lookup(State, id)`` is the record with that id, typed as the kind asked for."""
    ds = two_states()
    kaz = ds.lookup(ca.State, "KAZ")
    assert kaz is ds["KAZ"] and kaz.name == "Kazakhstan"


def test_lookup_of_an_absent_id_is_an_unknown_id_error() -> None:
    """An id that names no record is our UnknownIdError (a LookupError), whatever the kind asked for."""
    with pytest.raises(ca.UnknownIdError, match="unknown record id 'XYZ'"):
        two_states().lookup(ca.State, "XYZ")


def test_lookup_of_another_kind_names_both_kinds() -> None:
    """An id of another kind is an ArgumentError saying what the record is and what was asked for."""
    with pytest.raises(ca.ArgumentError, match="'KAZ' is a State, not an Event") as info:
        two_states().lookup(ca.Event, "KAZ")
    assert [p.path for p in info.value.problems] == ["$.key"]


@pytest.mark.parametrize("kind", [str, ca.Evidence, "State", None])
def test_lookup_refuses_what_is_no_record_class(kind: Any) -> None:
    """A kind that is no record class (a value class, a name, None) is an ArgumentError naming ``kind``."""
    with pytest.raises(ca.ArgumentError, match=r"\$\.kind"):
        two_states().lookup(kind, "KAZ")


def test_in_tests_records_and_ids_are_a_set_like_view() -> None:
    """``record in ds`` tests the record (equal under its id); ``ds.ids`` is a read-only set of the ids, in order."""
    ds = two_states()
    kaz = ds.lookup(ca.State, "KAZ")
    assert kaz in ds and attrs.evolve(kaz, name="Qazaqstan") not in ds and ca.Evidence(paragraph=1) not in ds
    assert list(ds.ids) == [r.id for r in ds] and len(ds.ids) == len(ds)
    assert "KAZ" in ds.ids and "XYZ" not in ds.ids and [] not in ds.ids
    assert ds.ids & {"KAZ", "XYZ"} == {"KAZ"} and ds.ids <= {"KAZ", "CHN", "agr", "XYZ"}
    assert not hasattr(ds.ids, "add") and not hasattr(ds.ids, "discard")


def test_an_id_in_a_dataset_is_deprecated_and_names_the_replacement() -> None:
    """``"KAZ" in ds`` still answers, with a DeprecationWarning pointing to ``"KAZ" in ds.ids`` (removal in 0.3)."""
    ds = two_states()
    with pytest.warns(DeprecationWarning, match=r"'KAZ' in dataset\.ids.*0\.3"):
        assert "KAZ" in ds
    with pytest.warns(DeprecationWarning, match="dataset.ids is a set-like view"):
        assert list(ds.ids()) == ["KAZ", "CHN", "agr"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "cls",
    [
        ca.State,
        ca.Organization,
        ca.Person,
        ca.Agreement,
        ca.ArmsTransfer,
        ca.Event,
        ca.Statement,
        ca.Role,
        ca.Scenario,
        ca.Claim,
        ca.Evidence,
        ca.Place,
        ca.Membership,
        ca.Condition,
        ca.Effect,
        ca.Dataset,
    ],
)
def test_record_fields_are_keyword_only(cls: type) -> None:
    """Every record, value object and the dataset take their fields by keyword only: a positional argument is refused."""
    assert attrs.fields(cls) and all(f.kw_only for f in attrs.fields(cls) if f.init)
    with pytest.raises(TypeError, match="positional"):
        cls("x")


# -- shared values: equal evidence, dates and id tuples are one object each --------------


def test_equal_evidence_lists_dates_and_ids_of_records_are_one_object() -> None:
    """Records built from equal (not identical) evidence lists, dates and id lists hold one object of each: a large dataset holds a few, not one per record."""

    def event(i: int) -> ca.Event:
        return ca.Event(
            id=f"ev-{i}",
            kind=ca.EventKind.VISIT,
            title=f"Visit {i}",
            evidence=[ca.Evidence(paragraph=3)],
            date=ca.PartialDate(2016, 2),
            actors=["KAZ", "CHN"],
        )

    a, b = event(1), event(2)
    assert a.evidence is b.evidence and a.date is b.date and a.actors is b.actors
    assert a.evidence == (ca.Evidence(paragraph=3),) and a.date == ca.PartialDate(2016, 2) and a.actors == ("KAZ", "CHN")
    role = ca.Role(
        id="r",
        actor="CHN",
        role=ca.RoleKind.INVESTOR,
        domain=ca.Domain.ECONOMIC,
        over=["KAZ"],
        summary="x",
        evidence=[ca.Evidence(paragraph=3)],
        since=ca.PartialDate(2016, 2),
    )
    assert role.evidence is a.evidence and role.since is a.date


def test_sharing_keeps_different_values_apart_and_leaves_other_types_alone() -> None:
    """Unequal values stay distinct, and a subclass of PartialDate is never replaced by an equal PartialDate."""

    class Later(ca.PartialDate):
        pass

    one = ca.Event(id="a", kind=ca.EventKind.VISIT, title="t", evidence=[ca.Evidence(paragraph=3)], date=ca.PartialDate(2016, 2))
    other = ca.Event(id="b", kind=ca.EventKind.VISIT, title="t", evidence=[ca.Evidence(paragraph=4)], date=Later(2016, 2))
    assert one.evidence != other.evidence and type(other.date) is Later


def test_a_record_changed_to_an_unhashable_value_is_still_reported_not_crashed() -> None:
    """Sharing meets unhashable contents (an evidence changed with object.__setattr__) without failing: the dataset check reports the record."""
    bad = ca.Evidence(paragraph=3)
    object.__setattr__(bad, "fields", ["name"])  # a list: unhashable, and not a tuple
    state = ca.State(id="KAZ", name="Kazakhstan", evidence=[bad])  # converted and shared as far as possible, not crashed
    assert state.evidence[0] is bad
    with pytest.raises(ca.DataError, match=r"\$\.states\[0\]\.evidence\[0\]\.fields"):
        ca.Dataset(states=[state])


def test_arms_transfer_date_is_one_object_per_year() -> None:
    """An arms transfer's date is its year as a PartialDate, the same object on every call and for every transfer of that year."""
    kw: dict[str, Any] = {
        "supplier": "CHN",
        "recipient": "UZB",
        "designation": "HQ-9",
        "description": "",
        "category": ca.SipriCategory.AIR_DEFENCE_SYSTEMS,
        "evidence": EV,
    }
    a = ca.ArmsTransfer(id="a", year=2016, **kw)
    b = ca.ArmsTransfer(id="b", year=2016, **kw)
    assert a.date == ca.PartialDate(2016) and a.date is b.date and ca.ArmsTransfer(id="c", **kw).date is None


def test_the_shared_table_is_bounded_and_starts_again_when_full() -> None:
    """The table of shared values holds at most its limit: when full it starts again, so it follows new data instead of growing."""
    from centralasia.model._checks import shared

    share = shared(2, tuple, of=str)
    first = share(tuple(["a"]))
    assert share(tuple(["a"])) is first
    share(("b",))
    share(("c",))  # the third distinct value: the table starts again
    again = share(tuple(["a"]))
    assert again == first and again is not first and share(tuple(["a"])) is again
