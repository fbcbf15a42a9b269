"""The catalogue of bad input: each gives our own error, with the JSON path of every problem.

Entry points covered here: ``loads`` (text and documents), ``load(path)``
(files), ``Dataset(...)`` built directly, the records' own checks,
``_convert.structure``, and the analysis (``influence_network``,
``role_summary``, ``Weights``). Every case asserts the exact error class, the built-in
it also is, and the exact list of problem paths (so a problem missed or
reported twice fails the case as surely as a wrong path).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from builders import BASE_DOCUMENT, base_dataset, base_document

import centralasia as ca
from centralasia import loader
from centralasia._convert import structure
from centralasia.network import influence_network
from centralasia.roles import role_summary
from centralasia.weights import Weights

Doc = dict[str, Any]

EV = [{"paragraph": 1}]


def test_the_base_document_is_valid() -> None:
    """The document every case breaks loads as it is, so each case's error is the case's own."""
    ds = ca.loads(json.dumps(BASE_DOCUMENT))
    assert len(ds) == sum(len(v) for v in BASE_DOCUMENT.values())


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation setting the value at a dotted path like ``states.0.name``."""

    def mutate(doc: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str) -> Callable[[Doc], None]:
    """A mutation removing the value at a dotted path."""

    def mutate(doc: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        del node[int(last) if isinstance(node, list) else last]

    return mutate


def _all(*mutations: Callable[[Doc], None]) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        for m in mutations:
            m(doc)

    return mutate


def _append(path: str, value: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        node: Any = doc
        for key in path.split("."):
            node = node[int(key)] if isinstance(node, list) else node[key]
        node.append(value)

    return mutate


BACKGROUND = {"kind": "background", "source": "SIPRI", "section": "body", "paragraph": 2}

#: (id, mutation of BASE_DOCUMENT, [(path, part of the message)] in the order reported).
DOCUMENT_CASES: list[tuple[str, Callable[[Doc], None], list[tuple[str, str]]]] = [
    # -- wrong types
    ("name-is-a-number", _set("states.0.name", 5), [("$.states[0].name", "expected a string")]),
    ("id-is-a-number", _set("events.0.id", 7), [("$.events[0].id", "expected a string")]),
    ("int-is-a-string", _set("states.0.cow_code", "705"), [("$.states[0].cow_code", "expected an integer")]),
    ("int-is-a-bool", _set("states.0.cow_code", True), [("$.states[0].cow_code", "expected an integer")]),
    ("int-is-a-float", _set("states.0.cow_code", 705.0), [("$.states[0].cow_code", "expected an integer")]),
    ("bool-is-a-string", _set("arms_transfers.0.first_from_supplier", "yes"), [("$.arms_transfers[0].first_from_supplier", "expected true or false")]),
    ("list-is-a-string", _set("agreements.0.parties", "KAZ"), [("$.agreements[0].parties", "expected a list")]),
    ("list-is-an-object", _set("states.0.evidence", {"paragraph": 1}), [("$.states[0].evidence", "expected a list")]),
    ("list-is-null", _set("roles.0.over", None), [("$.roles[0].over", "expected a list")]),
    ("list-item-wrong-type", _set("states.2.aliases.1", 5), [("$.states[2].aliases[1]", "expected a string")]),
    ("record-is-a-number", _set("states.1", 5), [("$.states[1]", "expected an object")]),
    ("record-is-null", _set("states.1", None), [("$.states[1]", "expected an object")]),
    ("record-is-a-list", _set("states.1", ["CHN"]), [("$.states[1]", "expected an object")]),
    ("record-is-a-string", _set("states.1", "CHN"), [("$.states[1]", "expected an object")]),
    ("nested-object-is-a-string", _set("organizations.0.seat", "Beijing"), [("$.organizations[0].seat", "expected an object")]),
    ("evidence-item-is-a-number", _set("people.0.evidence.0", 1), [("$.people[0].evidence[0]", "expected an object")]),
    ("date-is-a-number", _set("events.0.date", 2016), [("$.events[0].date", "expected an ISO 8601 date string")]),
    ("collection-is-an-object", _set("states", {}), [("$.states", "expected a list")]),
    ("collection-is-null", _set("roles", None), [("$.roles", "expected a list")]),
    # -- unknown enum values
    ("unknown-region", _set("states.0.region", "Mars"), [("$.states[0].region", "unknown Region 'Mars'")]),
    ("unknown-domain", _set("agreements.2.domain", "cyber"), [("$.agreements[2].domain", "unknown Domain 'cyber'")]),
    ("enum-in-wrong-case", _set("roles.0.domain", "Economic"), [("$.roles[0].domain", "unknown Domain")]),
    ("enum-as-a-number", _set("organizations.0.kind", 1), [("$.organizations[0].kind", "unknown OrganizationKind")]),
    ("unknown-membership-status", _set("organizations.0.members.1.status", "boss"), [("$.organizations[0].members[1].status", "unknown MembershipStatus")]),
    ("unknown-evidence-kind", _set("events.0.evidence.0", {"paragraph": 1, "kind": "rumour"}), [("$.events[0].evidence[0].kind", "unknown EvidenceKind")]),
    ("unknown-effect-direction", _set("scenarios.0.effects.0.direction", "up"), [("$.scenarios[0].effects[0].direction", "unknown Direction")]),
    # -- impossible dates
    ("month-13", _set("organizations.0.founded", "2016-13"), [("$.organizations[0].founded", "month must be 1 to 12")]),
    ("february-30", _set("events.0.date", "2016-02-30"), [("$.events[0].date", "day must be 1 to 29")]),
    ("february-29-not-leap", _set("events.0.date", "2015-02-29"), [("$.events[0].date", "day must be 1 to 28")]),
    ("year-zero", _set("events.0.date", "0000"), [("$.events[0].date", "year must be 1 to 9999")]),
    ("month-zero", _set("events.0.date", "2016-00"), [("$.events[0].date", "month must be 1 to 12")]),
    ("one-digit-month", _set("events.0.date", "2016-2"), [("$.events[0].date", "not an ISO 8601 date")]),
    ("date-with-time", _set("events.0.date", "2016-02-01T10:00"), [("$.events[0].date", "not an ISO 8601 date")]),
    ("membership-date", _set("organizations.0.members.0.since", "2016-02-30"), [("$.organizations[0].members[0].since", "day must be")]),
    # -- missing and extra fields
    ("missing-name", _delete("states.0.name"), [("$.states[0].name", "required field missing")]),
    (
        "missing-two-fields",
        _all(_delete("agreements.1.kind"), _delete("agreements.1.domain")),
        [("$.agreements[1].kind", "required field missing"), ("$.agreements[1].domain", "required field missing")],
    ),
    ("missing-evidence", _delete("roles.0.evidence"), [("$.roles[0].evidence", "required field missing")]),
    ("missing-nested-field", _delete("scenarios.0.effects.0.actor"), [("$.scenarios[0].effects[0].actor", "required field missing")]),
    ("extra-field", _set("states.0.colour", "blue"), [("$.states[0]", "unknown fields: colour")]),
    ("extra-nested-field", _set("organizations.0.members.2.role", "x"), [("$.organizations[0].members[2]", "unknown fields: role")]),
    ("extra-evidence-field", _set("events.0.evidence.0", {"paragraph": 1, "page": 3}), [("$.events[0].evidence[0]", "unknown fields: page")]),
    ("unknown-collection", _set("countries", []), [("$", "unknown collections: countries")]),
    # -- record checks
    ("state-id-not-alpha-3", _set("states.0.id", "kaz"), [("$.states[0].id", "ISO 3166-1 alpha-3")]),
    ("wikidata-malformed", _set("states.0.wikidata", "232"), [("$.states[0].wikidata", "Wikidata item id")]),
    ("empty-title", _set("events.0.title", ""), [("$.events[0].title", "must not be empty")]),
    ("empty-place-name", _set("organizations.0.seat", {"name": ""}), [("$.organizations[0].seat.name", "must not be empty")]),
    ("empty-parties", _set("agreements.3.parties", []), [("$.agreements[3].parties", "must not be empty")]),
    ("number-zero", _set("arms_transfers.0.number", 0), [("$.arms_transfers[0].number", "must be 1 to 1000000, not 0")]),
    # -- evidence
    ("empty-evidence", _set("states.0.evidence", []), [("$.states[0].evidence", "must not be empty")]),
    ("empty-membership-evidence", _set("organizations.0.members.2.evidence", []), [("$.organizations[0].members[2].evidence", "must not be empty")]),
    ("paragraph-12", _set("states.1.evidence.0", {"paragraph": 12}), [("$.states[1].evidence[0].paragraph", "1 to 11")]),
    ("body-without-paragraph", _set("states.1.evidence.0", {"section": "body"}), [("$.states[1].evidence[0].paragraph", "1 to 11")]),
    ("paragraph-outside-body", _set("states.1.evidence.0", {"section": "title", "paragraph": 1}), [("$.states[1].evidence[0].paragraph", "only the body")]),
    ("article-with-other-source", _set("states.1.evidence.0", {"paragraph": 1, "source": "SIPRI"}), [("$.states[1].evidence[0].source", "article evidence")]),
    (
        "background-without-source",
        _set("states.1.evidence.0", {"paragraph": 1, "kind": "background"}),
        [("$.states[1].evidence[0].source", "names its public source")],
    ),
    ("background-with-quote", _set("states.1.evidence.0", {**BACKGROUND, "quote": "words"}), [("$.states[1].evidence[0].quote", "verbatim")]),
    ("blank-quote", _set("states.1.evidence.0", {"paragraph": 1, "quote": "  "}), [("$.states[1].evidence[0].quote", "must not be blank")]),
    ("article-naming-fields", _set("states.1.evidence.0", {"paragraph": 1, "fields": ["cow_code"]}), [("$.states[1].evidence[0].fields", "only background")]),
    (
        "background-naming-bad-fields",
        _append("states.1.evidence", {**BACKGROUND, "fields": ["cow_code", "colour", "name", "id"]}),
        [
            ("$.states[1].evidence[1].fields[1]", "'colour' is not an optional field of State"),
            ("$.states[1].evidence[1].fields[2]", "'name' is not an optional field"),
            ("$.states[1].evidence[1].fields[3]", "'id' is not an optional field"),
        ],
    ),
    # -- duplicate ids
    (
        "duplicate-id-in-collection",
        _append("states", {"id": "KAZ", "name": "Again", "evidence": EV}),
        [("$.states[3].id", "duplicate id 'KAZ', first at $.states[0]")],
    ),
    ("duplicate-id-across-collections", _set("roles.0.id", "ag1"), [("$.roles[0].id", "duplicate id 'ag1', first at $.agreements[1]")]),
    ("empty-id", _set("people.0.id", ""), [("$.people[0].id", "id '' must not be empty")]),
    # -- dangling references
    ("dangling-party", _set("agreements.3.parties", ["KAZ", "XYZ"]), [("$.agreements[3].parties[1]", "unknown id 'XYZ'")]),
    (
        "dangling-everywhere",
        _all(
            _set("organizations.0.members.1.member", "XYZ"),
            _set("organizations.0.seat.state", "XYZ"),
            _set("people.0.affiliations", ["SCO", "XYZ"]),
            _set("arms_transfers.0.recipient", "XYZ"),
            _set("events.0.host", "XYZ"),
            _set("statements.0.occasion", "nope"),
            _set("roles.0.over", ["XYZ"]),
            _set("scenarios.0.conditions.0.actors", ["XYZ"]),
            _set("scenarios.0.effects.0.over", ["KAZ", "XYZ"]),
        ),
        [
            ("$.organizations[0].members[1].member", "unknown id 'XYZ'"),
            ("$.organizations[0].seat.state", "unknown id 'XYZ'"),
            ("$.people[0].affiliations[1]", "unknown id 'XYZ'"),
            ("$.arms_transfers[0].recipient", "unknown id 'XYZ'"),
            ("$.events[0].host", "unknown id 'XYZ'"),
            ("$.statements[0].occasion", "unknown id 'nope'"),
            ("$.roles[0].over[0]", "unknown id 'XYZ'"),
            ("$.scenarios[0].conditions[0].actors[0]", "unknown id 'XYZ'"),
            ("$.scenarios[0].effects[0].over[1]", "unknown id 'XYZ'"),
        ],
    ),
    (
        "reference-to-the-wrong-kind",
        _all(_set("statements.0.speakers", ["KAZ"]), _set("statements.0.occasion", "ag0"), _set("roles.0.actor", "xi")),
        [
            ("$.statements[0].speakers[0]", "'KAZ' is a State"),
            ("$.statements[0].occasion", "'ag0' is an Agreement"),
            ("$.roles[0].actor", "'xi' is a Person"),
        ],
    ),
    # -- numbers out of range and dates in other digits (issue 11: causes 3, 17)
    ("transfer-year-zero", _set("arms_transfers.0.year", 0), [("$.arms_transfers[0].year", "year must be 1 to 9999, not 0")]),
    ("transfer-year-negative", _set("arms_transfers.0.year", -2016), [("$.arms_transfers[0].year", "year must be 1 to 9999")]),
    ("transfer-year-absurd", _set("arms_transfers.0.year", 10**30), [("$.arms_transfers[0].year", "year must be 1 to 9999")]),
    ("transfer-year-a-bool", _set("arms_transfers.0.year", True), [("$.arms_transfers[0].year", "expected an integer")]),
    ("transfer-number-absurd", _set("arms_transfers.0.number", 10**30), [("$.arms_transfers[0].number", "number must be 1 to 1000000")]),
    ("cow-code-negative", _set("states.0.cow_code", -705), [("$.states[0].cow_code", "cow_code must be 1 to 999")]),
    ("cow-code-zero", _set("states.0.cow_code", 0), [("$.states[0].cow_code", "cow_code must be 1 to 999")]),
    ("cow-code-absurd", _set("states.0.cow_code", 10**30), [("$.states[0].cow_code", "cow_code must be 1 to 999")]),
    ("gw-code-negative", _set("states.1.gw_code", -1), [("$.states[1].gw_code", "gw_code must be 1 to 999")]),
    ("wikidata-full-width-digits", _set("states.0.wikidata", "Q２３２"), [("$.states[0].wikidata", "Wikidata item id")]),
    ("date-full-width-digits", _set("events.0.date", "２０１６-02"), [("$.events[0].date", "not an ISO 8601 date")]),
    ("date-arabic-indic-digits", _set("events.0.date", "٢٠١٦"), [("$.events[0].date", "not an ISO 8601 date")]),
    ("date-five-digit-year", _set("organizations.0.founded", "10000"), [("$.organizations[0].founded", "not an ISO 8601 date")]),
    (
        "membership-until-before-since",
        _all(_set("organizations.0.members.0.since", "2016-06"), _set("organizations.0.members.0.until", "2016-05")),
        [("$.organizations[0].members[0].until", "until 2016-05 is before since 2016-06")],
    ),
    (
        "role-until-before-since",
        _all(_set("roles.0.since", "2016"), _set("roles.0.until", "2015-12-31")),
        [("$.roles[0].until", "until 2015-12-31 is before since 2016")],
    ),
    # -- actors related to themselves (cause 17)
    (
        "organisation-its-own-member",
        _append("organizations.0.members", {"member": "SCO", "evidence": EV}),
        [("$.organizations[0].members[3].member", "not its own member")],
    ),
    (
        "organisation-its-own-member-through-another",
        _all(
            _append("organizations.0.members", {"member": "club", "evidence": EV}),
            _append("organizations", {"id": "club", "name": "A club", "kind": "forum", "evidence": EV, "members": [{"member": "SCO", "evidence": EV}]}),
        ),
        [("$.organizations[1].members[0].member", "'SCO' is a member of itself: 'SCO' > 'club' > 'SCO'")],
    ),
    ("state-supplying-itself", _set("arms_transfers.0.recipient", "RUS"), [("$.arms_transfers[0].recipient", "does not supply arms to itself")]),
    # -- text that cannot be written out, ids that are no ids (causes 4, 11, 12)
    ("name-with-a-lone-surrogate", _set("states.0.name", "Ka\ud800z"), [("$.states[0].name", "lone surrogate '\\ud800' at index 2")]),
    ("alias-with-an-escape-sequence", _set("states.2.aliases.1", "\x1b[2J"), [("$.states[2].aliases[1]", "control character '\\x1b'")]),
    ("quote-with-a-nul", _set("events.0.evidence.0", {"paragraph": 1, "quote": "a\x00b"}), [("$.events[0].evidence[0].quote", "control character '\\x00'")]),
    ("place-name-with-u-fffe", _set("organizations.0.seat.name", "Bei\ufffejing"), [("$.organizations[0].seat.name", "non-character")]),
    ("reference-with-a-control-character", _set("agreements.0.parties.1", "CHN\x07"), [("$.agreements[0].parties[1]", "control character")]),
    ("id-with-a-space", _set("roles.0.id", "r o"), [("$.roles[0].id", "has the character ' ' (Zs) at index 1")]),
    ("id-all-whitespace", _set("roles.0.id", "   "), [("$.roles[0].id", "(Zs)")]),
    ("id-with-zero-width-space", _set("roles.0.id", "ro\u200b"), [("$.roles[0].id", "(Cf)")]),
    ("id-with-bidi-override", _set("roles.0.id", "\u202eor"), [("$.roles[0].id", "(Cf)")]),
    ("id-with-a-nul", _set("roles.0.id", "ro\x00"), [("$.roles[0].id", "control character")]),
    ("id-not-nfc", _set("people.0.id", "xi\u0301"), [("$.people[0].id", "not NFC-normalised")]),
    (
        "ids-equal-under-nfkc",
        _append("organizations", {"id": "ＳＣＯ", "name": "Full-width SCO", "kind": "forum", "evidence": EV}),
        [("$.organizations[1].id", "differs from 'SCO' at $.organizations[0] only by Unicode normalisation")],
    ),
    ("unknown-field-with-escapes", _set("states.0.bad\nkey\x1b[2J", 1), [("$.states[0]", "unknown fields: 'bad\\nkey\\x1b[2J'")]),
    # -- several problems in several collections, all reported
    (
        "problems-in-several-collections",
        _all(_set("states.0.region", "Mars"), _delete("people.0.name"), _set("agreements.2.date", "2016-13"), _set("scenarios.0.horizon", "soon")),
        [
            ("$.states[0].region", "unknown Region"),
            ("$.people[0].name", "required field missing"),
            ("$.agreements[2].date", "month must be 1 to 12"),
            ("$.scenarios[0].horizon", "unknown Horizon"),
        ],
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in DOCUMENT_CASES], ids=[c[0] for c in DOCUMENT_CASES])
def test_loads_reports_each_problem_at_its_path(mutate: Callable[[Doc], None], expected: list[tuple[str, str]]) -> None:
    """A broken document raises exactly DataError (a ValueError) listing every problem at its JSON path."""
    doc = base_document()
    mutate(doc)
    with pytest.raises(ca.DataError) as info:
        ca.loads(json.dumps(doc))
    error = info.value
    assert type(error) is ca.DataError
    assert isinstance(error, ValueError) and isinstance(error, ca.CentralAsiaError)
    assert [p.path for p in error.problems] == [path for path, _ in expected]
    for problem, (_, fragment) in zip(error.problems, expected, strict=True):
        assert fragment in problem.message
        assert str(problem) in str(error)


# -- text that is not a dataset document -----------------------------------------

TEXT_CASES: list[tuple[str, str | bytes, str]] = [
    ("empty", "", "not JSON"),
    ("whitespace", "  \n\t", "not JSON"),
    ("truncated", '{"states": [', "not JSON"),
    ("single-quotes", "{'states': []}", "not JSON"),
    ("trailing-comma", '{"states": [],}', "not JSON"),
    ("python-literal", "None", "not JSON"),
    ("prose", "The recent terrorist attacks", "not JSON"),
    ("two-documents", "{} {}", "not JSON"),
    ("latin-1-bytes", '{"states": [{"name": "Köln"}]}'.encode("latin-1"), "not JSON"),
    ("binary-bytes", b"\x89PNG\r\n\x1a\n\x00\x00", "not JSON"),
    ("number-too-long-for-python", '{"states": [{"cow_code": ' + "7" * 5000 + "}]}", "not JSON"),
    ("nested-too-deeply", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("top-level-list", "[]", "expected an object of collections, got list"),
    ("top-level-null", "null", "expected an object of collections, got NoneType"),
    ("top-level-number", "705", "expected an object of collections, got int"),
    ("top-level-string", '"states"', "expected an object of collections, got str"),
]


@pytest.mark.parametrize(("text", "fragment"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_loads_refuses_text_that_is_no_dataset_document(text: str | bytes, fragment: str) -> None:
    """Text that is not JSON, or JSON that is no object of collections, is one DataError at ``$``."""
    with pytest.raises(ca.DataError) as info:
        ca.loads(text)
    assert type(info.value) is ca.DataError and isinstance(info.value, ValueError)
    assert [p.path for p in info.value.problems] == ["$"]
    assert fragment in info.value.problems[0].message


def test_not_json_is_chained_to_the_parsers_error() -> None:
    """The JSON parser's own error stays reachable as the cause, with its line and column."""
    with pytest.raises(ca.DataError) as info:
        ca.loads('{\n  "states": [\n    oops\n  ]\n}')
    assert isinstance(info.value.__cause__, json.JSONDecodeError)
    assert "line 3" in info.value.problems[0].message


# -- single values through loads ---------------------------------------------------

VALUE_CASES: list[tuple[str, str, type, list[str]]] = [
    ("date-month-13", '"2016-13"', ca.PartialDate, ["$"]),
    ("date-february-30", '"2016-02-30"', ca.PartialDate, ["$"]),
    ("date-as-number", "2016", ca.PartialDate, ["$"]),
    ("evidence-as-list", "[1]", ca.Evidence, ["$"]),
    ("evidence-as-string", '"p1"', ca.Evidence, ["$"]),
    ("evidence-bad-paragraph", '{"paragraph": 0}', ca.Evidence, ["$.paragraph"]),
    ("state-missing-fields", '{"id": "KAZ"}', ca.State, ["$.name", "$.evidence"]),
    ("state-unknown-field", '{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "capital": "Astana"}', ca.State, ["$"]),
    ("evidence-list-second-bad", '[{"paragraph": 1}, {"paragraph": 99}]', tuple[ca.Evidence, ...], ["$[1].paragraph"]),
    (
        "role-two-unknown-enums",
        '{"id": "r", "actor": "CHN", "role": "overlord", "domain": "cyber", "over": ["KAZ"], "summary": "s", "evidence": [{"paragraph": 1}]}',
        ca.Role,
        ["$.role", "$.domain"],
    ),
]


@pytest.mark.parametrize(("text", "kind", "paths"), [c[1:] for c in VALUE_CASES], ids=[c[0] for c in VALUE_CASES])
def test_loads_of_one_value_reports_paths_from_that_value(text: str, kind: type, paths: list[str]) -> None:
    """``loads(text, kind)`` roots problem paths at the value itself."""
    with pytest.raises(ca.DataError) as info:
        ca.loads(text, kind)
    assert isinstance(info.value, ValueError)
    assert sorted(p.path for p in info.value.problems) == sorted(paths)


def test_structure_roots_dataset_paths_at_the_given_path() -> None:
    """``structure(data, Dataset, path)`` reports a dataset's problems under *path*, as for any other kind."""
    doc = base_document()
    doc["states"].append({"id": "KAZ", "name": "Again", "evidence": EV})
    doc["agreements"][3]["parties"] = ["KAZ", "XYZ"]
    with pytest.raises(ca.DataError) as info:
        structure(doc, ca.Dataset, path="$.data")
    assert [p.path for p in info.value.problems] == ["$.data.states[3].id", "$.data.agreements[3].parties[1]"]
    with pytest.raises(ca.DataError) as info:
        structure({"states": {}}, ca.Dataset, path="$.data")
    assert [p.path for p in info.value.problems] == ["$.data.states"]


def test_structure_never_lets_a_builtin_error_escape() -> None:
    """``structure`` turns whatever the converter raises on bad data into DataError."""
    for data, kind in [(None, ca.State), ([], ca.Evidence), ({"year": 2016}, ca.PartialDate), ("x", tuple[str, ...]), (3, ca.Domain)]:
        with pytest.raises(ca.DataError):
            structure(data, kind)


# -- files through load(path) --------------------------------------------------------


def _write(tmp_path: Path, content: str | bytes, name: str = "data.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


FILE_CASES: list[tuple[str, str | bytes, str]] = [
    ("empty-file", b"", "not JSON"),
    ("not-json", "states: [KAZ, KGZ]\n", "not JSON"),
    ("truncated", json.dumps(BASE_DOCUMENT)[:-40], "not JSON"),
    ("latin-1", json.dumps({"people": [{"name": "Nazarbaev Universitet Ö"}]}, ensure_ascii=False).encode("latin-1"), "not JSON"),
    ("cp1251", '{"states": [{"name": "Казахстан"}]}'.encode("cp1251"), "not JSON"),
    ("nul-bytes", b"\x00" * 64, "not JSON"),
    ("a-list", "[]", "expected an object of collections"),
]


@pytest.mark.parametrize(("content", "fragment"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_load_refuses_files_that_are_no_dataset(tmp_path: Path, content: str | bytes, fragment: str) -> None:
    """A file that is empty, not JSON or not UTF-8 is one DataError at ``$``."""
    with pytest.raises(ca.DataError) as info:
        ca.load(_write(tmp_path, content))
    assert type(info.value) is ca.DataError and isinstance(info.value, ValueError)
    assert [p.path for p in info.value.problems] == ["$"]
    assert fragment in info.value.problems[0].message


@pytest.mark.parametrize("as_str", [False, True], ids=["pathlib", "str"])
def test_load_of_a_directory_or_missing_file(tmp_path: Path, as_str: bool) -> None:
    """A path that is a directory, or names nothing, is a DataError naming the path; the OSError is its cause."""
    for target in (tmp_path, tmp_path / "nope.json"):
        path: str | Path = str(target) if as_str else target
        with pytest.raises(ca.DataError) as info:
            ca.load(path)
        assert [p.path for p in info.value.problems] == ["$"]
        assert str(target) in info.value.problems[0].message
        assert isinstance(info.value.__cause__, OSError)


def test_load_of_a_broken_file_reports_what_loads_reports(tmp_path: Path) -> None:
    """Reading a file and loading its text give the same problems."""
    doc = base_document()
    doc["agreements"][3]["parties"] = ["KAZ", "XYZ"]
    doc["events"][0]["date"] = "2016-02-30"
    text = json.dumps(doc, indent=2)
    with pytest.raises(ca.DataError) as from_text:
        ca.loads(text)
    with pytest.raises(ca.DataError) as from_file:
        ca.load(_write(tmp_path, text))
    assert from_file.value.problems == from_text.value.problems
    assert [p.path for p in from_file.value.problems] == ["$.events[0].date"]


def _huge_document(n: int) -> Doc:
    doc = base_document()
    template = doc["agreements"][0]
    doc["agreements"] = [{**template, "id": f"ag{i}", "parties": ["KAZ", "CHN", "RUS"]} for i in range(n)]
    return doc


@pytest.mark.parametrize(
    ("mutate", "paths"),
    [
        (_set("agreements.19990.parties.1", "XYZ"), ["$.agreements[19990].parties[1]"]),
        (_set("agreements.19997.domain", "cyber"), ["$.agreements[19997].domain"]),
        (_set("agreements.19999.id", "ag3"), ["$.agreements[19999].id"]),
        (_all(_set("agreements.5.date", "2016-13"), _set("agreements.19998.evidence", [])), ["$.agreements[5].date", "$.agreements[19998].evidence"]),
    ],
    ids=["dangling", "unknown-enum", "duplicate-id", "two-far-apart"],
)
def test_load_of_a_huge_file_finds_the_bad_record_near_the_end(tmp_path: Path, mutate: Callable[[Doc], None], paths: list[str]) -> None:
    """A file of 20,000 records with bad ones near the end names exactly those, by index."""
    doc = _huge_document(20_000)
    mutate(doc)
    with pytest.raises(ca.DataError) as info:
        ca.load(_write(tmp_path, json.dumps(doc)))
    assert [p.path for p in info.value.problems] == paths


def test_load_of_a_huge_valid_file(tmp_path: Path) -> None:
    """The same 20,000 records without the fault load, all of them."""
    ds = ca.load(_write(tmp_path, json.dumps(_huge_document(20_000))))
    assert len(ds.agreements) == 20_000
    assert ds["ag19999"].parties == ("KAZ", "CHN", "RUS")


def _nested_groupings(depth: int) -> Doc:
    """The base document with *depth* state groupings ``g0``..., each a member of the next, ``g0`` holding KAZ."""
    doc = base_document()
    doc["organizations"] += [
        {"id": f"g{i}", "name": f"G{i}", "kind": "state-grouping", "evidence": EV, "members": [{"member": f"g{i - 1}" if i else "KAZ", "evidence": EV}]}
        for i in range(depth)
    ]
    return doc


@pytest.mark.parametrize("as_file", [False, True], ids=["loads", "load"])
def test_three_thousand_nested_groupings_are_refused_at_load(tmp_path: Path, as_file: bool) -> None:
    """The issue's 3,000 nested groupings are one DataError at the outermost grouping's members (no RecursionError later in ``expand``)."""
    text = json.dumps(_nested_groupings(3000))
    with pytest.raises(ca.DataError) as info:
        ca.load(_write(tmp_path, text)) if as_file else ca.loads(text)
    assert [p.path for p in info.value.problems] == ["$.organizations[3000].members"]
    assert "nest 3000 deep below 'g2999'; at most 100 levels" in info.value.problems[0].message


def test_a_failed_load_leaves_the_bundled_dataset_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading a bad file neither caches nor replaces anything: the bundled dataset is untouched."""
    bundled = base_dataset()
    monkeypatch.setattr(loader, "_bundled", bundled)
    with pytest.raises(ca.DataError):
        ca.load(_write(tmp_path, "{"))
    assert ca.load() is bundled


def test_bad_bundled_files_are_a_data_error_and_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken bundled data file is a DataError at its collection, and the next load tries again."""
    package = tmp_path / "brokendata"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "states.json").write_text('[{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}]}]', encoding="utf-8")
    (package / "roles.json").write_text("[{", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(loader, "_DATA_PACKAGE", "brokendata")
    monkeypatch.setattr(loader, "_bundled", None)
    with pytest.raises(ca.DataError) as info:
        ca.load()
    assert [p.path for p in info.value.problems] == ["$.roles"]
    assert "roles.json" in info.value.problems[0].message
    assert loader._bundled is None
    (package / "roles.json").write_text('[{"id": "r", "actor": "KAZ"}]', encoding="utf-8")
    with pytest.raises(ca.DataError) as info:
        ca.load()
    assert [p.path for p in info.value.problems] == ["$.roles[0].role", "$.roles[0].domain", "$.roles[0].over", "$.roles[0].summary", "$.roles[0].evidence"]
    (package / "roles.json").write_text("[]", encoding="utf-8")
    assert [s.id for s in ca.load().states] == ["KAZ"]


# -- Dataset(...) built directly --------------------------------------------------------

E = (ca.Evidence(paragraph=1),)
KAZ = ca.State(id="KAZ", name="Kazakhstan", evidence=E)
CHN = ca.State(id="CHN", name="China", evidence=E)
SCO = ca.Organization(id="SCO", name="SCO", kind=ca.OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION, evidence=E)


def _unchecked(record: Any, **changes: Any) -> Any:
    """A copy of *record* with *changes*, bypassing its checks (as a careless caller might build it)."""
    copy_ = copy.copy(record)
    for name, value in changes.items():
        object.__setattr__(copy_, name, value)
    return copy_


def _agreement(id: str, *parties: Any) -> ca.Agreement:
    return ca.Agreement(id=id, title="An agreement", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=ca.Domain.SECURITY, parties=parties, evidence=E)


DATASET_CASES: list[tuple[str, Callable[[], ca.Dataset], list[tuple[str, str]]]] = [
    ("collection-is-none", lambda: ca.Dataset(states=None), [("$.states", "expected a sequence of State records, got NoneType")]),  # type: ignore[arg-type]
    ("collection-is-a-number", lambda: ca.Dataset(roles=5), [("$.roles", "got int")]),  # type: ignore[arg-type]
    ("collection-is-a-string", lambda: ca.Dataset(states="KAZ"), [("$.states", "got str")]),
    ("collection-is-a-dict", lambda: ca.Dataset(states={"KAZ": KAZ}), [("$.states", "got dict")]),
    ("record-of-the-wrong-class", lambda: ca.Dataset(states=[KAZ, SCO]), [("$.states[1]", "expected a State, got Organization")]),
    ("record-is-a-dict", lambda: ca.Dataset(states=[{"id": "KAZ"}]), [("$.states[0]", "expected a State, got dict")]),
    (
        "duplicate-id",
        lambda: ca.Dataset(states=[KAZ, CHN], organizations=[_unchecked(SCO, id="CHN")]),
        [("$.organizations[0].id", "duplicate id 'CHN', first at $.states[1]")],
    ),
    ("empty-id", lambda: ca.Dataset(organizations=[_unchecked(SCO, id="")]), [("$.organizations[0].id", "empty id")]),
    ("id-not-a-string", lambda: ca.Dataset(organizations=[_unchecked(SCO, id=5)]), [("$.organizations[0].id", "expected an id string, got int")]),
    ("id-unhashable", lambda: ca.Dataset(organizations=[_unchecked(SCO, id=["SCO"])]), [("$.organizations[0].id", "expected an id string, got list")]),
    (
        "dangling-reference",
        lambda: ca.Dataset(states=[KAZ], agreements=[_agreement("a", "KAZ"), _agreement("b", "KAZ", "XYZ")]),
        [("$.agreements[1].parties[1]", "unknown id 'XYZ'")],
    ),
    (
        "reference-unhashable",
        lambda: ca.Dataset(states=[KAZ], agreements=[_unchecked(_agreement("a", "KAZ"), parties=("KAZ", ["KAZ"]))]),
        [("$.agreements[0].parties[1]", "expected a string, got list")],
    ),
    (
        "evidence-item-not-evidence",
        lambda: ca.Dataset(states=[_unchecked(KAZ, evidence=(E[0], "p1"))]),
        [("$.states[0].evidence[1]", "expected an Evidence, got str")],
    ),
    (
        "evidence-field-unhashable",
        lambda: ca.Dataset(states=[_unchecked(KAZ, evidence=(_unchecked(E[0], kind=ca.EvidenceKind.BACKGROUND, source="x", fields=(["cow_code"],)),))]),
        [("$.states[0].evidence[0].fields[0]", "expected a string, got list")],
    ),
    (
        "members-a-list",
        lambda: ca.Dataset(states=[KAZ], organizations=[_unchecked(SCO, members=["KAZ"])]),
        [("$.organizations[0].members", "expected a sequence of Membership, got list")],
    ),
    (
        "member-not-a-membership",
        lambda: ca.Dataset(states=[KAZ], organizations=[_unchecked(SCO, members=("KAZ",))]),
        [("$.organizations[0].members[0]", "expected a Membership, got str")],
    ),
    ("seat-not-a-place", lambda: ca.Dataset(organizations=[_unchecked(SCO, seat="Beijing")]), [("$.organizations[0].seat", "expected a Place, got str")]),
    (
        "problems-everywhere-at-once",
        lambda: ca.Dataset(states=[KAZ, KAZ], organizations=None, agreements=[_agreement("a", "XYZ")]),  # type: ignore[arg-type]
        [("$.states[1].id", "duplicate id"), ("$.organizations", "got NoneType"), ("$.agreements[0].parties[0]", "unknown id 'XYZ'")],
    ),
]


@pytest.mark.parametrize(("build", "expected"), [c[1:] for c in DATASET_CASES], ids=[c[0] for c in DATASET_CASES])
def test_dataset_construction_reports_each_problem_at_its_path(build: Callable[[], ca.Dataset], expected: list[tuple[str, str]]) -> None:
    """``Dataset(...)`` with bad records raises exactly DataError, listing every problem with its path."""
    with pytest.raises(ca.DataError) as info:
        build()
    error = info.value
    assert type(error) is ca.DataError and isinstance(error, ValueError)
    assert [p.path for p in error.problems] == [path for path, _ in expected]
    for problem, (_, fragment) in zip(error.problems, expected, strict=True):
        assert fragment in problem.message


def test_derived_datasets_are_checked_like_new_ones() -> None:
    """``filter(closed=False)`` and ``merge`` that would break references or ids raise DataError, leaving the originals whole."""
    ds = ca.Dataset(states=[KAZ, CHN], agreements=[_agreement("a", "KAZ", "CHN")])
    with pytest.raises(ca.DataError) as info:
        ds.filter(lambda r: r.id != "CHN", closed=False)
    assert [p.path for p in info.value.problems] == ["$.agreements[0].parties[1]"]
    with pytest.raises(ca.DataError) as info:
        ds.merge(ca.Dataset(states=[CHN]))
    assert [p.path for p in info.value.problems] == ["$.states[2].id"]
    assert len(ds) == 3 and ds["CHN"] is CHN


# -- the records' own checks ---------------------------------------------------------------

FIELD_CASES: list[tuple[str, Callable[[], object], str]] = [
    ("date-month-13", lambda: ca.PartialDate(2016, 13), "$.month"),
    ("date-february-30", lambda: ca.PartialDate(2016, 2, 30), "$.day"),
    ("date-day-without-month", lambda: ca.PartialDate(2016, None, 3), "$.day"),
    ("date-year-zero", lambda: ca.PartialDate(0), "$.year"),
    ("parse-month-13", lambda: ca.PartialDate.parse("2016-13"), "$.month"),
    ("parse-february-30", lambda: ca.PartialDate.parse("2016-02-30"), "$.day"),
    ("parse-not-iso", lambda: ca.PartialDate.parse("Feb 2016"), "$"),
    ("coerce-none", lambda: ca.PartialDate.coerce(None), "$"),  # type: ignore[arg-type]
    ("evidence-paragraph-12", lambda: ca.Evidence(paragraph=12), "$.paragraph"),
    ("evidence-background-no-source", lambda: ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND), "$.source"),
    ("state-empty-evidence", lambda: ca.State(id="KAZ", name="K", evidence=[]), "$.evidence"),
    ("state-bad-id", lambda: ca.State(id="Kazakhstan", name="K", evidence=E), "$.id"),
    ("place-empty-name", lambda: ca.Place(name=""), "$.name"),
    ("role-empty-over", lambda: ca.Role(id="r", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=[], summary="s", evidence=E), "$.over"),
    (
        "transfer-number-zero",
        lambda: ca.ArmsTransfer(
            id="t", supplier="RUS", recipient="KAZ", designation="S-300", description="", category=ca.SipriCategory.MISSILES, evidence=E, number=0
        ),
        "$.number",
    ),
]


@pytest.mark.parametrize(("build", "path"), [c[1:] for c in FIELD_CASES], ids=[c[0] for c in FIELD_CASES])
def test_record_checks_raise_field_errors(build: Callable[[], object], path: str) -> None:
    """A record's own check raises FieldError (a DataError and ValueError) with the field's path."""
    with pytest.raises(ca.FieldError) as info:
        build()
    assert isinstance(info.value, ca.DataError) and isinstance(info.value, ValueError)
    assert [p.path for p in info.value.problems] == [path]


# -- lookups ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["XYZ", "", "kaz", ["KAZ"], None], ids=["unknown", "empty", "wrong-case", "unhashable", "none"])
def test_lookup_of_an_unknown_id_is_an_unknown_id_error(key: Any) -> None:
    """``ds[key]`` for no record raises UnknownIdError, a LookupError but not a KeyError's bare self."""
    ds = ca.Dataset(states=[KAZ])
    with pytest.raises(ca.UnknownIdError) as info:
        ds[key]
    assert isinstance(info.value, LookupError) and isinstance(info.value, ca.CentralAsiaError)
    assert not isinstance(info.value, ValueError)
    assert ds.get(key) is None and key not in ds.ids


# -- the analysis functions: influence_network, role_summary, Weights ----------------------------


@pytest.fixture(scope="module")
def base() -> ca.Dataset:
    """The valid base document as a dataset: RUS, CHN and KAZ, one scenario ``sc``."""
    return base_dataset()


ANALYSIS_CASES: list[Any] = [
    # unknown scenario: a LookupError, not a ValueError
    pytest.param(lambda ds: influence_network(ds, scenario="nope"), ca.UnknownIdError, None, id="network-unknown-scenario"),
    pytest.param(lambda ds: influence_network(ds, scenario="KAZ"), ca.UnknownIdError, None, id="network-scenario-id-of-a-state"),
    pytest.param(lambda ds: role_summary(ds, scenario="nope"), ca.UnknownIdError, None, id="summary-unknown-scenario"),
    pytest.param(lambda ds: role_summary(ds, scenario="ag0"), ca.UnknownIdError, None, id="summary-scenario-id-of-an-agreement"),
    pytest.param(lambda ds: influence_network(ds, scenario=5), ca.ArgumentError, ["$.scenario"], id="network-scenario-not-an-id"),
    # unknown domain
    pytest.param(lambda ds: influence_network(ds, domain="military"), ca.ArgumentError, ["$.domain"], id="network-unknown-domain"),
    pytest.param(lambda ds: influence_network(ds, domain="Security"), ca.ArgumentError, ["$.domain"], id="network-domain-in-wrong-case"),
    pytest.param(lambda ds: influence_network(ds, domain=["security"]), ca.ArgumentError, ["$.domain"], id="network-domain-a-list"),
    pytest.param(lambda ds: role_summary(ds, over="KAZ").shares("military"), ca.ArgumentError, ["$.domain"], id="summary-shares-unknown-domain"),
    pytest.param(lambda ds: role_summary(ds, over="KAZ").leader("cyber"), ca.ArgumentError, ["$.domain"], id="summary-leader-unknown-domain"),
    # weights naming unknown relation kinds, or not weights at all
    pytest.param(lambda ds: influence_network(ds, weights=Weights(layers={"bribe": 1.0})), ca.FieldError, ["$.layers"], id="weights-unknown-layer"),
    pytest.param(
        lambda ds: role_summary(ds, weights=Weights(layers={"visit": 1.0, "coup": 2.0})), ca.FieldError, ["$.layers"], id="weights-one-unknown-among-known"
    ),
    pytest.param(lambda ds: Weights(certainty={"sure": 1.0}), ca.FieldError, ["$.certainty"], id="weights-unknown-certainty"),
    pytest.param(lambda ds: Weights(roles={"king": 1.0}), ca.FieldError, ["$.roles"], id="weights-unknown-role-kind"),
    pytest.param(lambda ds: Weights(statuses={"boss": 1.0}), ca.FieldError, ["$.statuses"], id="weights-unknown-status"),
    pytest.param(lambda ds: Weights(event_domains={"party": "security"}), ca.FieldError, ["$.event_domains"], id="weights-unknown-event-kind"),
    pytest.param(lambda ds: Weights(layers={"visit": -1.0}), ca.FieldError, ["$.layers['visit']"], id="weights-negative"),
    pytest.param(lambda ds: Weights(layers={"visit": "1"}), ca.FieldError, ["$.layers['visit']"], id="weights-string-number"),
    pytest.param(lambda ds: Weights().override(layers={"bribe": 1.0}), ca.FieldError, ["$.layers"], id="weights-override-unknown-layer"),
    pytest.param(lambda ds: Weights().without("bribe"), ca.FieldError, ["$.layers"], id="weights-without-unknown-layer"),
    pytest.param(lambda ds: influence_network(ds, weights={"visit": 1.0}), ca.ArgumentError, ["$.weights"], id="network-weights-a-dict"),
    pytest.param(lambda ds: role_summary(ds, weights="default"), ca.ArgumentError, ["$.weights"], id="summary-weights-a-string"),
    pytest.param(lambda ds: Weights(event_domains=5), ca.FieldError, ["$.event_domains"], id="weights-event-domains-not-a-mapping"),
    pytest.param(lambda ds: Weights(record_domains=["x"]), ca.FieldError, ["$.record_domains"], id="weights-record-domains-not-a-mapping"),
    # unknown powers and states
    pytest.param(lambda ds: role_summary(ds, powers=("RUS", "XYZ")), ca.UnknownIdError, None, id="summary-unknown-power"),
    pytest.param(lambda ds: role_summary(ds, over="XYZ"), ca.UnknownIdError, None, id="summary-unknown-state"),
    pytest.param(lambda ds: role_summary(ds, powers=()), ca.ArgumentError, ["$.powers"], id="summary-no-powers"),
    pytest.param(lambda ds: role_summary(ds, over="KAZ").share("USA", "security"), ca.UnknownIdError, None, id="summary-share-of-unknown-power"),
    pytest.param(lambda ds: role_summary(ds, powers=5), ca.ArgumentError, ["$.powers"], id="summary-powers-a-number"),
    pytest.param(lambda ds: role_summary(ds, over=5), ca.ArgumentError, ["$.over"], id="summary-over-a-number"),
    # bad as_of
    pytest.param(lambda ds: influence_network(ds, as_of=[2016]), ca.ArgumentError, None, id="network-as-of-a-list"),
    pytest.param(lambda ds: influence_network(ds, as_of="2016-13"), ca.ArgumentError, None, id="network-as-of-month-13"),
    pytest.param(lambda ds: role_summary(ds, as_of="2016-02-30"), ca.ArgumentError, None, id="summary-as-of-february-30"),
    pytest.param(lambda ds: role_summary(ds, as_of="yesterday"), ca.ArgumentError, None, id="summary-as-of-not-a-date"),
    pytest.param(lambda ds: influence_network(ds, as_of="2016-13"), ca.ArgumentError, ["$.as_of"], id="network-as-of-month-13-path"),
    pytest.param(lambda ds: role_summary(ds, as_of="2016-02-30"), ca.ArgumentError, ["$.as_of"], id="summary-as-of-february-30-path"),
]


@pytest.mark.parametrize(("call", "error", "paths"), ANALYSIS_CASES)
def test_analysis_refuses_bad_arguments_with_our_errors(
    base: ca.Dataset, call: Callable[[ca.Dataset], object], error: type[Exception], paths: list[str] | None
) -> None:
    """Unknown scenarios, powers and states are UnknownIdError (LookupError); bad domains, weights and dates ArgumentError (a FieldError, a ValueError) at the argument's path, and a bad Weights table FieldError."""
    with pytest.raises(ca.CentralAsiaError) as info:
        call(base)
    assert type(info.value) is error
    if error is ca.UnknownIdError:
        assert isinstance(info.value, LookupError) and not isinstance(info.value, ValueError)
    else:
        assert isinstance(info.value, ValueError) and not isinstance(info.value, LookupError)
    if paths is not None:
        assert isinstance(info.value, ca.DataError)
        assert [p.path for p in info.value.problems] == paths


def test_an_unknown_scenario_is_named_in_the_error(base: ca.Dataset) -> None:
    """The UnknownIdError of an unknown scenario says which id and that it was wanted as a scenario."""
    with pytest.raises(ca.UnknownIdError) as info:
        role_summary(base, scenario="scn-nope")
    assert info.value.key == "scn-nope"
    assert "scenario" in str(info.value) and "scn-nope" in str(info.value)
