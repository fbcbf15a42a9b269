"""The package's converter: JSON schema, round trips and error paths."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import cattrs
import pytest
from cattrs.errors import ClassValidationError
from cattrs.preconf.json import JsonConverter
from hypothesis import given
from strategies import damaged_documents, datasets, document_texts, mutated_documents

import centralasia as ca
from centralasia import _convert, _fastjson
from centralasia.loader import _bundled_files


def test_bundled_data_redumps_byte_for_byte(ds: ca.Dataset) -> None:
    """Dumping the bundled dataset reproduces its data files exactly."""
    root = resources.files("centralasia.data")
    for name, text in _bundled_files(ds).items():
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
    state = ca.State(id="KAZ", name="Kazakhstan", evidence=[ca.Evidence(paragraph=1)], region=ca.Region.CENTRAL_ASIA)
    assert json.loads(ca.dumps(state)) == {
        "id": "KAZ",
        "name": "Kazakhstan",
        "evidence": [{"paragraph": 1}],
        "region": "Central Asia",
    }


def test_package_converter_is_not_the_global_one() -> None:
    """The package owns its converter and leaves cattrs' global converter alone."""
    assert ca.converter is not cattrs.global_converter
    assert isinstance(ca.converter, JsonConverter) and isinstance(ca.make_converter(), JsonConverter)
    assert ca.make_converter() is not ca.converter
    assert ca.make_converter() is not ca.make_converter()


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


# -- strict JSON: every key once, no NaN (issue 11, cause 2) ------------------------------------

_STATE = '{"id": "KAZ", "name": "Kazakhstan", "evidence": [{"paragraph": 1}]}'

DUPLICATE_KEYS = [
    pytest.param('{"states": [' + _STATE + '], "states": []}', ["$.states"], id="collection-twice"),
    pytest.param('{"states": [{"id": "KAZ", "id": "KGZ", "name": "K", "evidence": [{"paragraph": 1}]}]}', ["$.states[0].id"], id="field-twice"),
    pytest.param(
        '{"states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1, "paragraph": 2}]}]}', ["$.states[0].evidence[0].paragraph"], id="nested-twice"
    ),
    pytest.param('{"states": [{"id": "KAZ", "name": "A", "name": "B", "name": "C", "evidence": [{"paragraph": 1}]}]}', ["$.states[0].name"], id="three-times"),
    pytest.param('{"states": [], "roles": [], "states": [], "roles": []}', ["$.states", "$.roles"], id="two-keys-twice"),
    pytest.param('{"states": [{"a b": 1, "a b": 2}]}', ["$.states[0]['a b']"], id="odd-key-twice"),
    pytest.param('{"states": [{"x": {"y": 1, "y": 1}}], "claims": [{"z": 0, "z": 0}]}', ["$.states[0].x.y", "$.claims[0].z"], id="equal-values-twice"),
]


@pytest.mark.parametrize(("text", "paths"), DUPLICATE_KEYS)
def test_a_key_written_twice_is_an_error_at_its_path(text: str, paths: list[str]) -> None:
    """JSON objects with a repeated key (which the parser would keep the last of) are one DataError listing each at its path."""
    with pytest.raises(ca.DataError) as info:
        ca.loads(text)
    assert [p.path for p in info.value.problems] == paths
    assert all("duplicate key" in p.message for p in info.value.problems)


def test_a_key_written_twice_in_a_file_or_a_value_is_refused(tmp_path: Any) -> None:
    """``load(path)`` and ``loads(text, kind)`` read JSON as strictly as ``loads(text)``."""
    path = tmp_path / "twice.json"
    path.write_text('{"states": [' + _STATE + '], "states": []}', encoding="utf-8")
    with pytest.raises(ca.DataError) as info:
        ca.load(path)
    assert [p.path for p in info.value.problems] == ["$.states"]
    with pytest.raises(ca.DataError) as info:
        ca.loads('{"paragraph": 1, "paragraph": 2}', ca.Evidence)
    assert [p.path for p in info.value.problems] == ["$.paragraph"]


def test_keys_twice_deep_in_a_document_are_found_without_recursion() -> None:
    """A repeated key inside arrays nested hundreds deep is reported at its path."""
    text = '{"states": ' + "[" * 500 + '{"k": 1, "k": 2}' + "]" * 500 + "}"
    with pytest.raises(ca.DataError) as info:
        ca.loads(text)
    assert [p.path for p in info.value.problems] == ["$.states" + "[0]" * 500 + ".k"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    """Python's parser takes NaN and Infinity; the package's does not."""
    with pytest.raises(ca.DataError, match="not JSON"):
        ca.loads('{"states": [{"cow_code": ' + constant + "}]}")


# -- the converters: the package's cannot be changed, a user's is as strict (cause 15) ---------------


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda c: c.register_structure_hook(str, lambda v, _: "changed"), id="structure-hook"),
        pytest.param(lambda c: c.register_structure_hook_func(lambda t: t is str, lambda v, _: "changed"), id="structure-hook-func"),
        pytest.param(lambda c: c.register_structure_hook_factory(lambda t: True, lambda t: lambda v, _: v), id="structure-factory"),
        pytest.param(lambda c: c.register_unstructure_hook(ca.PartialDate, lambda v: "changed"), id="unstructure-hook"),
        pytest.param(lambda c: c.register_unstructure_hook_func(lambda t: True, lambda v: "changed"), id="unstructure-hook-func"),
        pytest.param(lambda c: c.register_unstructure_hook_factory(lambda t: True, lambda t: lambda v: v), id="unstructure-factory"),
        pytest.param(lambda c: setattr(c, "forbid_extra_keys", False), id="option"),
        pytest.param(lambda c: delattr(c, "forbid_extra_keys"), id="option-deleted"),
        pytest.param(lambda c: ca.configure_converter(c), id="configured-again"),
    ],
)
def test_the_public_converter_cannot_be_changed(change: Any, ds: ca.Dataset) -> None:
    """Registering a hook on ``ca.converter`` or setting its options is an ArgumentError, and ``load``/``loads`` read as before."""
    with pytest.raises(ca.ArgumentError, match="read-only"):
        change(ca.converter)
    assert ca.converter.structure("KAZ", str) == "KAZ"
    assert ca.converter.unstructure(ca.PartialDate(2016, 2)) == "2016-02"
    assert ca.loads(ca.dumps(ds)) == ds
    with pytest.raises(ca.DataError):
        ca.loads('{"states": [' + _STATE[:-1] + ', "colour": "blue"}]}')


def test_hooks_on_a_users_converter_change_nothing_for_the_package() -> None:
    """``make_converter()`` gives the caller's own converter: its hooks leave ``loads`` and ``dumps`` alone."""
    mine = ca.make_converter()
    mine.register_structure_hook(str, lambda v, _: "changed")
    mine.register_unstructure_hook(ca.PartialDate, lambda v: "changed")
    assert mine.structure({"name": "Astana"}, ca.Place) == ca.Place(name="changed")
    assert ca.loads('{"name": "Astana"}', ca.Place) == ca.Place(name="Astana")
    assert ca.dumps(ca.PartialDate(2016)) == '"2016"\n'


@pytest.mark.parametrize(
    "conv", [cattrs.Converter(), cattrs.BaseConverter(), cattrs.Converter(forbid_extra_keys=False, omit_if_default=False)], ids=["converter", "base", "lenient"]
)
def test_configure_converter_gives_the_packages_strictness(conv: cattrs.BaseConverter, ds: ca.Dataset) -> None:
    """Whatever a user's converter was made with, configured by us it reads and writes records as ``loads``/``dumps`` do."""
    ca.configure_converter(conv)
    kaz = ds["KAZ"]
    assert json.loads(json.dumps(conv.unstructure(kaz))) == json.loads(ca.dumps(kaz))
    assert conv.structure(json.loads(ca.dumps(kaz)), ca.State) == kaz
    with pytest.raises(ClassValidationError) as info:  # cattrs' own error, as the user's converter raises
        conv.structure({**json.loads(ca.dumps(kaz)), "colour": "blue"}, ca.State)
    assert cattrs.transform_error(info.value) == ["extra fields found (colour) @ $"]


@pytest.mark.parametrize("value", [5, None, "converter", cattrs.Converter], ids=["int", "none", "str", "a-class"])
def test_configure_converter_refuses_what_is_no_converter(value: Any) -> None:
    """Only a cattrs converter can be configured: anything else is an ArgumentError at ``$.conv``."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.configure_converter(value)
    assert [p.path for p in info.value.problems] == ["$.conv"]


# -- what cannot be written or read: our error, with a short message (causes 4, 11, 18) ----------------


@pytest.mark.parametrize(
    "value",
    [object(), {1, 2}, float("nan"), float("inf"), {"a": object()}, b"bytes"[:0] or bytearray(b"x"), ca.Place],
    ids=["object", "set", "nan", "inf", "dict-with-object", "bytearray", "a-class"],
)
def test_dumps_of_what_is_no_json_value_is_an_argument_error(value: Any) -> None:
    """``dumps`` of a value JSON cannot hold raises ArgumentError, never TypeError or ValueError from ``json``."""
    with pytest.raises(ca.ArgumentError, match="cannot be written as JSON"):
        ca.dumps(value)


@pytest.mark.parametrize(
    "kind", [5, "State", None, ca.State(id="KAZ", name="K", evidence=[ca.Evidence(paragraph=1)])], ids=["int", "str", "none", "an-instance"]
)
def test_loads_refuses_a_kind_that_is_no_type(kind: Any) -> None:
    """``loads(text, kind)`` with *kind* no type is an ArgumentError at ``$.kind``."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.loads("{}", kind)
    assert [p.path for p in info.value.problems] == ["$.kind"]


@pytest.mark.parametrize(
    "key",
    ["bad\nkey\x1b[2J", "\u202eevil", "k" * 10_000, "Ka\ud800z", "\x00"],
    ids=["escape-sequence", "bidi", "ten-thousand-letters", "lone-surrogate", "nul"],
)
def test_unknown_field_names_are_shown_escaped_and_cut(key: str) -> None:
    """A field or collection name of the user's document is printed escaped and cut, so a message is one short printable line per problem."""
    for document in ({"states": [{**json.loads(_STATE), key: 1}]}, {key: []}):
        with pytest.raises(ca.DataError) as info:
            ca.loads(json.dumps(document))
        (problem,) = info.value.problems
        assert problem.message.isprintable() and len(problem.message) < 300, problem.message


def test_unstructure_gives_the_json_value_dumps_writes(ds: ca.Dataset) -> None:
    """``_convert.unstructure`` is the value ``dumps`` writes, made by the package's own converter."""
    from centralasia._convert import unstructure

    assert unstructure(ds) == json.loads(ca.dumps(ds))


def test_a_copy_of_the_public_converter_is_the_callers_own() -> None:
    """``ca.converter.copy()`` gives a configured converter whose hooks (also on record fields) change nothing for the package."""
    mine = ca.converter.copy()
    mine.register_structure_hook(str, lambda v, _: "changed")
    assert mine.structure({"name": "Astana"}, ca.Place) == ca.Place(name="changed")
    assert ca.converter.structure({"name": "Astana"}, ca.Place) == ca.Place(name="Astana")
    assert ca.loads('{"name": "Astana"}', ca.Place) == ca.Place(name="Astana")


def test_the_public_converter_reads_with_our_errors() -> None:
    """``ca.converter.structure`` of bad data raises DataError with every problem's path, as ``loads`` does, not cattrs' own errors."""
    with pytest.raises(ca.DataError) as info:
        ca.converter.structure({"id": 5}, ca.State)
    assert [p.path for p in info.value.problems] == ["$.id", "$.name", "$.evidence"]
    assert ca.converter.structure({"name": "Astana"}, ca.Place) == ca.Place(name="Astana")


# -- a converter of the user's own reads and writes exactly as the package's ---------------


def _converters() -> list[cattrs.BaseConverter]:
    """Converters of a user's own: made by us, and plain cattrs ones (of lax options) that we configured."""
    lax = cattrs.Converter(forbid_extra_keys=False, omit_if_default=False, detailed_validation=False, prefer_attrib_converters=True, use_alias=True)
    out: list[cattrs.BaseConverter] = [ca.make_converter(), cattrs.Converter(), lax, ca.make_converter().copy()]
    for conv in out[1:3]:
        ca.configure_converter(conv)
    return out


def _outcome(text: str | bytes, kind: type[object], conv: cattrs.BaseConverter | None) -> tuple[str, object]:
    try:
        return "read", ca.loads(text, kind, converter=conv)
    except ca.DataError as exc:
        return "refused", str(exc)


def _same_as_the_package(text: str | bytes, kind: type[object] = ca.Dataset) -> None:
    expected = _outcome(text, kind, None)
    for conv in _converters():
        assert _outcome(text, kind, conv) == expected, type(conv).__name__


@given(mutated_documents())
def test_a_users_converter_accepts_and_refuses_what_the_package_does(document: Any) -> None:
    """A changed dataset document is read, or refused with the same problems, by the package and by any converter we made or configured."""
    _same_as_the_package(json.dumps(document))


@given(damaged_documents())
def test_a_users_converter_refuses_damaged_documents_with_the_same_errors(text: str) -> None:
    """Bad input (wrong types, duplicate keys, dangling ids, deep nesting) gives the same DataError whichever converter reads it."""
    _same_as_the_package(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "cow_code": "705"}', ca.State),
        ('{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "colour": "red"}', ca.State),
        ('{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "aliases": "Qazaqstan"}', ca.State),
        ('{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "region": "Mars"}', ca.State),
        ('{"paragraph": 1.0}', ca.Evidence),
        ('{"paragraph": true}', ca.Evidence),
        ('"2016-13"', ca.PartialDate),
        ("2016", ca.PartialDate),
        ('{"paragraph": 1}', ca.Evidence),
    ],
)
def test_a_users_converter_is_as_strict_as_the_package_on_records(text: str, kind: type[object]) -> None:
    """Strings for numbers, unknown fields, a string for a list, unknown enum values: refused alike; a good record read alike."""
    _same_as_the_package(text, kind)


def test_dumps_with_a_users_converter_writes_the_same_text(ds: ca.Dataset) -> None:
    """``dumps(obj, converter=...)`` with a converter we made or configured writes the package's canonical text."""
    expected = ca.dumps(ds)
    assert all(ca.dumps(ds, converter=conv) == expected for conv in _converters())


def test_a_users_converter_hooks_are_used_by_loads_and_dumps() -> None:
    """A hook the user registers on their converter is what ``loads``/``dumps`` with ``converter=`` use; the package's reading is unchanged."""
    conv = ca.make_converter()
    conv.register_unstructure_hook(ca.PartialDate, lambda d: f"date:{d}")
    conv.register_structure_hook(ca.PartialDate, lambda v, _: ca.PartialDate.parse(v.removeprefix("date:")))
    assert ca.dumps(ca.PartialDate(2016, 2), converter=conv) == '"date:2016-02"\n'
    assert ca.loads('"date:2016-02"', ca.PartialDate, converter=conv) == ca.PartialDate(2016, 2)
    with pytest.raises(ca.DataError):
        ca.loads('"date:2016-02"', ca.PartialDate)


def test_converter_argument_must_be_a_cattrs_converter() -> None:
    """``converter=`` that is no cattrs converter is an ArgumentError naming the argument; the read-only ``ca.converter`` is the package's."""
    with pytest.raises(ca.ArgumentError, match="converter"):
        ca.loads("{}", converter="json")  # type: ignore[call-overload]
    with pytest.raises(ca.ArgumentError, match="converter"):
        ca.dumps(ca.PartialDate(2016), converter=object())  # type: ignore[arg-type]
    assert ca.loads('"2016"', ca.PartialDate, converter=ca.converter) == ca.PartialDate(2016)


@pytest.mark.parametrize("conv", [cattrs.Converter(), cattrs.BaseConverter(), JsonConverter()], ids=["converter", "base", "json"])
def test_converter_argument_must_be_configured_for_centralasia(conv: cattrs.BaseConverter, tmp_path: Path, ds: ca.Dataset) -> None:
    """A cattrs converter never configured for centralasia is an ArgumentError at ``$.converter``: it would read "705" as 705 and write JSON the package cannot read."""
    state = '{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "cow_code": "705"}'
    with pytest.raises(ca.ArgumentError, match=r"configure_converter.*\$\.converter"):
        ca.loads(state, ca.State, converter=conv)
    with pytest.raises(ca.ArgumentError, match=r"\$\.converter"):
        ca.dumps(ds, converter=conv)
    path = tmp_path / "data.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    with pytest.raises(ca.ArgumentError, match=r"\$\.converter"):
        ca.load(path, converter=conv)
    ca.configure_converter(conv)
    assert ca.load(path, converter=conv) == ds and ca.dumps(ds, converter=conv) == ca.dumps(ds)


def test_load_reads_a_users_file_with_a_users_converter(tmp_path: Path, ds: ca.Dataset) -> None:
    """``load(path, converter=mine)`` reads as ``loads`` does with it; the bundled data refuses a converter, naming the argument."""
    path = tmp_path / "data.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    assert ca.load(path, converter=ca.make_converter()) == ds
    with pytest.raises(ca.ArgumentError, match=r"\$\.converter"):
        ca.load(converter=ca.make_converter())


# -- the fast road (orjson, no error paths) and the detailed road agree (issue 13) ------------


def _detailed(text: str | bytes, kind: type[object] = ca.Dataset) -> tuple[str, object]:
    """What the strict parser and the detailed structure (the package's road before issue 13) make of *text*."""
    try:
        return "read", _convert.structure(_convert.parse_json(text), kind)
    except ca.DataError as exc:
        return "refused", str(exc)


@given(document_texts())
def test_the_fast_road_reads_as_the_detailed_road(text: str | bytes) -> None:
    """Valid, changed and damaged documents, however spelt, give from loads the same Dataset or the same error and paths as the detailed road; the fast road alone never accepts what it refuses."""
    expected = _detailed(text)
    assert _outcome(text, ca.Dataset, None) == expected
    fast = _fastjson.read(text, ca.Dataset)
    if fast is not _fastjson.FAILED:
        assert expected == ("read", fast)


def _keys(text: str) -> int:
    """How many keys the objects of JSON *text* have, repeated ones counted."""
    counts: list[int] = []
    json.loads(text, object_pairs_hook=lambda pairs: counts.append(len(pairs)) or dict(pairs))
    return sum(counts)


@given(datasets())
def test_valid_documents_take_the_fast_road(ds: ca.Dataset) -> None:
    """A valid dataset's text, str or bytes, is read by the fast road alone, to the same Dataset, unless a string holds what looks like a key end (``":``)."""
    text = ca.dumps(ds)
    if _fastjson.key_ends(text) == _keys(text):
        assert _fastjson.read(text, ca.Dataset) == ds
        assert _fastjson.read(text.encode(), ca.Dataset) == ds
    else:
        assert _fastjson.read(text, ca.Dataset) is _fastjson.FAILED
        assert ca.loads(text) == ds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"paragraph": 1, "quote": "x"}', ca.Evidence),
        ('{"paragraph": true}', ca.Evidence),
        ('{"paragraph": 1.0}', ca.Evidence),
        ('{"paragraph": 1, "paragraph" : 2}', ca.Evidence),
        ('{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "cow_code": 123456789012345678901234567890}', ca.State),
        ('{"id": "KAZ", "name": "K\\ud800", "evidence": [{"paragraph": 1}]}', ca.State),
        ('{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "region": "Central Asia"}', ca.State),
        ('"2016-02"', ca.PartialDate),
        ('"2016-13"', ca.PartialDate),
    ],
)
def test_the_fast_road_reads_records_as_the_detailed_road(text: str, kind: type[object]) -> None:
    """One record or value: the same record, or the same error, whichever road reads it."""
    assert _outcome(text, kind, None) == _detailed(text, kind)


def test_a_key_twice_with_space_before_its_colon_is_still_refused() -> None:
    """orjson keeps the last of two keys silently: the key count sees the lost one, however the colon is spaced, and the detailed road names it."""
    with pytest.raises(ca.DataError) as info:
        ca.loads('{"states" \n: [], "states"\t: []}')
    assert [p.path for p in info.value.problems] == ["$.states"]


def test_a_key_end_inside_a_string_reads_right() -> None:
    """A string holding ``\\":`` (counted as a key end) sends the text the detailed road, which reads it."""
    text = '{"states": [{"id": "KAZ", "name": "says \\"so\\": yes", "evidence": [{"paragraph": 1}]}]}'
    assert _fastjson.read(text, ca.Dataset) is _fastjson.FAILED
    assert ca.loads(text)["KAZ"].name == 'says "so": yes'


def test_a_utf8_file_with_a_byte_order_mark_still_loads() -> None:
    """orjson refuses a BOM that Python's json skips in bytes: such a text reads as before."""
    text = b'\xef\xbb\xbf{"states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}]}]}'
    assert ca.loads(text)["KAZ"].name == "K"


def test_loaded_datasets_share_their_strings(ds: ca.Dataset) -> None:
    """Ids and references read from JSON are one string object each: within a dataset and across reads."""
    text = ca.dumps(ds)
    first, second = ca.loads(text), ca.loads(text)
    assert first == ds
    assert first["KAZ"].id is second["KAZ"].id
    member = next(m for o in first.organizations for m in o.members if m.member == "KAZ")
    assert member.member is first["KAZ"].id


def test_the_garbage_collector_is_on_again_after_reading_and_writing(ds: ca.Dataset) -> None:
    """Reading and writing pause the cyclic collector and turn it back on, also after an error; off stays off."""
    import gc

    ca.loads(ca.dumps(ds))
    assert gc.isenabled()
    with pytest.raises(ca.DataError):
        ca.loads('{"states": 1}')
    assert gc.isenabled()
    gc.disable()
    try:
        ca.loads("{}")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_dumps_writes_what_python_json_writes(ds: ca.Dataset) -> None:
    """orjson writes the dataset and each record exactly as ``json.dumps(..., ensure_ascii=False, indent=2)`` plus a newline."""
    for obj in (ds, *list(ds)[:50]):
        value = ca.convert.converter.unstructure(obj)
        assert ca.dumps(obj) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@given(datasets())
def test_dumps_writes_what_python_json_writes_for_any_dataset(ds: ca.Dataset) -> None:
    """For any dataset (any text, any ids), the fast writer's text is the json module's."""
    value = ca.convert.converter.unstructure(ds)
    assert ca.dumps(ds) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_a_record_changed_to_hold_nan_is_still_refused_by_dumps(ds: ca.Dataset) -> None:
    """orjson would write NaN as null; such text goes the json road, which refuses NaN as before."""
    import copy

    state = copy.copy(ds["KAZ"])
    object.__setattr__(state, "cow_code", float("nan"))
    with pytest.raises(ca.ArgumentError, match="cannot be written as JSON"):
        ca.dumps(state)
