"""Invariants of the domain model: partial dates, evidence, records and the dataset."""

from __future__ import annotations

import datetime as dt

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
        ca.State("KAZ", "Kazakhstan", ())


def test_records_are_frozen() -> None:
    """Records cannot be changed after construction."""
    kaz = ca.State("KAZ", "Kazakhstan", EV)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        kaz.name = "Qazaqstan"  # type: ignore[misc]


def test_id_sequences_become_tuples_and_refuse_bare_strings() -> None:
    """Lists of ids are stored as tuples; a bare string is not mistaken for a list of letters."""
    agreement = two_states().agreements[0]
    assert agreement.parties == ("KAZ", "CHN")
    with pytest.raises(TypeError):
        ca.Agreement("a", "t", ca.AgreementKind.BILATERAL_AGREEMENT, ca.Domain.SECURITY, "KAZ", EV)  # type: ignore[arg-type]


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
            states=[ca.State("KAZ", "Kazakhstan", EV)],
            agreements=[
                ca.Agreement("KAZ", "t", ca.AgreementKind.BILATERAL_AGREEMENT, ca.Domain.SECURITY, ["KAZ", "XYZ"], EV),
            ],
        )
    assert [p.path for p in info.value.problems] == ["$.agreements[0].id", "$.agreements[0].parties[1]"]


def test_dataset_refuses_references_to_the_wrong_kind() -> None:
    """A statement's speaker must be a person, not a state."""
    with pytest.raises(ca.DataError, match=r"'KAZ' is a State, not a person @ \$\.statements\[0\]\.speakers\[0\]"):
        ca.Dataset(states=[ca.State("KAZ", "Kazakhstan", EV)], statements=[ca.Statement("s", ["KAZ"], "x", EV)])


def test_background_fields_must_be_optional_fields() -> None:
    """Background evidence may only name fields the article view can reset."""
    bg = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A public source", fields=("name",))
    with pytest.raises(ca.DataError, match=r"'name' is not an optional field of State @ \$\.states\[0\]\.evidence\[0\]\.fields\[0\]"):
        ca.Dataset(states=[ca.State("KAZ", "Kazakhstan", (bg,))])


def test_article_only_resets_background_fields() -> None:
    """The article view resets fields that only background supports and drops background records."""
    bg = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A public source", fields=("cow_code",))
    ds = ca.Dataset(states=[ca.State("KAZ", "Kazakhstan", (EV[0], bg), cow_code=705), ca.State("BRA", "Brazil", (bg,))])
    article = ds.article_only()
    assert [s.id for s in article.states] == ["KAZ"]
    assert article["KAZ"].cow_code is None  # type: ignore[union-attr]
    assert article["KAZ"].evidence == EV


def test_organization_member_ids_as_of() -> None:
    """Members count from their ``since`` date; undated members count always."""
    org = ca.Organization(
        "o",
        "Org",
        ca.OrganizationKind.FORUM,
        EV,
        members=[ca.Membership("KAZ", EV, since=ca.PartialDate(2016, 1)), ca.Membership("CHN", EV)],
    )
    assert org.member_ids() == ("KAZ", "CHN")
    assert org.member_ids("2015-12-31") == ("CHN",)
    assert org.member_ids("2016-01") == ("KAZ", "CHN")


def test_iteration_order_and_of_type() -> None:
    """A dataset iterates collection by collection and filters by class."""
    ds = two_states()
    assert list(ds.ids()) == ["KAZ", "CHN", "agr"]
    assert ds.of_type(ca.State) == ds.states
    assert ds.actors == ds.states


def test_merge_checks_the_result_as_one_dataset() -> None:
    """Merging checks references across both parts and refuses clashing ids."""
    ds = two_states()
    extra = ca.Dataset(states=[ca.State("TJK", "Tajikistan", EV)])
    assert "TJK" in ds.merge(extra)
    with pytest.raises(ca.DataError, match="duplicate id 'KAZ'"):
        ds.merge(ca.Dataset(states=[ca.State("KAZ", "Kazakhstan", EV)]))


def test_filter_keeps_what_the_predicate_accepts() -> None:
    """``filter`` builds a checked dataset of the records kept."""
    ds = two_states().filter(lambda r: isinstance(r, ca.State))
    assert list(ds.ids()) == ["KAZ", "CHN"]


def test_background_may_name_a_nested_field() -> None:
    """``place.state`` names the state inside a place; an unknown nested field is refused."""
    bg = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A gazetteer", fields=("place.state",))
    event = ca.Event("e", ca.EventKind.MEETING, "m", (EV[0], bg), place=ca.Place("Astana", "KAZ"))
    ds = ca.Dataset(states=[ca.State("KAZ", "Kazakhstan", EV)], events=[event])
    assert ds.article_only()["e"].place == ca.Place("Astana")  # type: ignore[union-attr]
    wrong = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="A gazetteer", fields=("place.country",))
    with pytest.raises(ca.DataError, match=r"'country' is not an optional field of Place @ \$\.events\[0\]\.evidence\[1\]\.fields\[0\]"):
        ca.Dataset(states=[ca.State("KAZ", "Kazakhstan", EV)], events=[attrs.evolve(event, evidence=(EV[0], wrong))])
