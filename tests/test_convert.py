"""The package's converter: JSON schema, round trips and error paths."""

from __future__ import annotations

import json
from importlib import resources

import cattrs
import pytest

import centralasia as ca
from centralasia.loader import bundled_files


def test_bundled_data_redumps_byte_for_byte(ds: ca.Dataset) -> None:
    """Dumping the bundled dataset reproduces its data files exactly."""
    root = resources.files("centralasia.data")
    for name, text in bundled_files(ds).items():
        assert root.joinpath(name).read_text(encoding="utf-8") == text, name


def test_bundled_data_round_trips_through_one_document(ds: ca.Dataset) -> None:
    """The whole dataset survives dumps/loads as one JSON document, unchanged."""
    assert ca.loads(ca.dumps(ds)) == ds


def test_partial_dates_are_iso_strings_of_their_precision(ds: ca.Dataset) -> None:
    """In JSON a month-precision date is "YYYY-MM", nothing filled in."""
    document = json.loads(ca.dumps(ds["agr-chn-tjk-ct-centre-2016"]))
    assert document["date"] == "2016-02"


def test_defaults_are_left_out_and_enums_are_values() -> None:
    """Fields at their default are omitted; enums are written as their values."""
    state = ca.State("KAZ", "Kazakhstan", [ca.Evidence(paragraph=1)], region=ca.Region.CENTRAL_ASIA)
    assert json.loads(ca.dumps(state)) == {
        "id": "KAZ",
        "name": "Kazakhstan",
        "evidence": [{"paragraph": 1}],
        "region": "Central Asia",
    }


def test_package_converter_is_not_the_global_one() -> None:
    """The package owns its converter and leaves cattrs' global converter alone."""
    assert ca.converter is not cattrs.global_converter
    assert isinstance(ca.make_converter(), type(ca.converter))
    assert ca.make_converter() is not ca.converter


def test_configure_converter_teaches_another_converter() -> None:
    """A user's converter configured by us reads and writes partial dates."""
    conv = cattrs.Converter()
    ca.configure_converter(conv)
    assert conv.structure("2016-02", ca.PartialDate) == ca.PartialDate(2016, 2)
    assert conv.unstructure(ca.PartialDate(2016)) == "2016"


@pytest.mark.parametrize(
    ("document", "paths"),
    [
        ({"states": [{"id": "KAZ", "name": 5, "evidence": [{"paragraph": 1}]}]}, ["$.states[0].name"]),
        ({"states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "cow_code": "705"}]}, ["$.states[0].cow_code"]),
        ({"states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "region": "Mars"}]}, ["$.states[0].region"]),
        ({"states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "colour": "red"}]}, ["$.states[0]"]),
        ({"states": [{"id": "KAZ", "name": "K", "evidence": []}]}, ["$.states[0].evidence"]),
        (
            {
                "states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}]}],
                "agreements": [
                    {
                        "id": "a",
                        "title": "t",
                        "kind": "bilateral-agreement",
                        "domain": "security",
                        "parties": ["KAZ", "XYZ"],
                        "evidence": [{"paragraph": 1}],
                        "date": "2016-02-30",
                    }
                ],
            },
            ["$.agreements[0].date"],
        ),
        (
            {"agreements": [{"id": "a", "title": "t", "kind": "bilateral-agreement", "domain": "security", "parties": "KAZ", "evidence": [{"paragraph": 1}]}]},
            ["$.agreements[0].parties"],
        ),
        (
            {
                "states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}]}],
                "agreements": [
                    {"id": "a", "title": "t", "kind": "bilateral-agreement", "domain": "security", "parties": ["KAZ", "XYZ"], "evidence": [{"paragraph": 1}]}
                ],
            },
            ["$.agreements[0].parties[1]"],
        ),
        ({"treaties": []}, ["$"]),
    ],
    ids=[
        "wrong-type",
        "string-for-int",
        "unknown-enum",
        "extra-field",
        "empty-evidence",
        "impossible-date",
        "string-for-list",
        "dangling-ref",
        "unknown-collection",
    ],
)
def test_loads_names_the_place_of_each_problem(document: dict[str, object], paths: list[str]) -> None:
    """Bad documents raise one DataError whose problems name their JSON paths."""
    with pytest.raises(ca.DataError) as info:
        ca.loads(json.dumps(document))
    assert [p.path for p in info.value.problems] == paths


def test_loads_reports_every_problem_not_the_first() -> None:
    """Problems in several records and collections are all reported together."""
    document = {
        "states": [{"id": "kaz", "name": "K", "evidence": [{"paragraph": 1}]}, {"id": "KGZ"}],
        "roles": [{"id": "r"}],
    }
    with pytest.raises(ca.DataError) as info:
        ca.loads(json.dumps(document))
    paths = [p.path for p in info.value.problems]
    assert "$.states[0].id" in paths and "$.states[1].name" in paths and "$.roles[0].actor" in paths


def test_loads_of_one_record_type() -> None:
    """``loads`` reads any model type, not only whole datasets."""
    evidence = ca.loads('{"paragraph": 7, "quote": "In February 2016"}', ca.Evidence)
    assert evidence == ca.Evidence(paragraph=7, quote="In February 2016")
