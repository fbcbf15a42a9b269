"""``extend``: records added to a dataset by collection name, every key and value checked, none dropped silently."""

from __future__ import annotations

from typing import Any

import pytest
from builders import EV, small

import centralasia as ca
from centralasia.additions import read_additions

ROLE = ca.Role(id="r-new", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=EV)


def test_ca_extend_is_the_function() -> None:
    """``ca.extend`` is the documented function, not the module that holds it."""
    assert callable(ca.extend) and ca.extend.__name__ == "extend"


@pytest.mark.parametrize("value", [[ROLE], (ROLE,)], ids=["list", "tuple"])
def test_records_by_collection_are_added_from_a_list_or_a_tuple(value: Any) -> None:
    """A list of records is as good as a tuple: the records come after the base's own."""
    extended = ca.extend(small(), {"roles": value})
    assert extended.roles[-1] == ROLE and len(extended.roles) == len(small().roles) + 1


@pytest.mark.parametrize("name", ["role", "Roles", "roles ", "arms-transfers", "records", "", "states\n"])
def test_a_misspelt_collection_name_is_an_error_naming_it_and_the_valid_names(name: str) -> None:
    """A key that is no collection would drop its records: it is an ArgumentError naming the key and listing the collections."""
    with pytest.raises(ca.ArgumentError, match="unknown collection") as info:
        ca.extend(small(), {name: [ROLE]})
    assert [p.path for p in info.value.problems] == ["$.additions"]
    assert "arms_transfers" in str(info.value) and repr(name)[1:-1].strip() in str(info.value)


@pytest.mark.parametrize("key", [5, None, ("roles",), ca.Domain.SECURITY], ids=repr)
def test_a_key_that_is_no_string_is_an_error(key: Any) -> None:
    """Keys are collection names: anything else is an ArgumentError."""
    with pytest.raises(ca.ArgumentError, match="unknown collection"):
        ca.extend(small(), {key: [ROLE]})


@pytest.mark.parametrize(
    "value", [ROLE, "r-new", b"x", {"id": "r-new"}, {ROLE}, 5, None, iter([ROLE])], ids=["a-record", "str", "bytes", "dict", "set", "int", "none", "iterator"]
)
def test_a_collection_that_is_no_list_of_records_is_an_error_at_its_name(value: Any) -> None:
    """A value that is no list or tuple (one record, text, a mapping, a set...) is an ArgumentError at ``$.additions.<name>``."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.extend(small(), {"roles": value})
    assert [p.path for p in info.value.problems] == ["$.additions.roles"]


@pytest.mark.parametrize(
    "value", [5, None, [ROLE], [("roles", [ROLE])], b"data.json", 2.5, object()], ids=["int", "none", "list", "pairs", "bytes", "float", "object"]
)
def test_additions_that_are_neither_a_path_nor_a_mapping_are_an_error(value: Any) -> None:
    """``extend(base, 5)`` or a list of records is an ArgumentError at ``$.additions``, not a bare TypeError."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.extend(small(), value)
    assert [p.path for p in info.value.problems] == ["$.additions"]


@pytest.mark.parametrize("base", [None, 5, {"roles": []}, "data.json", [ROLE]], ids=repr)
def test_a_base_that_is_no_dataset_is_an_error(base: Any) -> None:
    """The base must be a Dataset: anything else is an ArgumentError at ``$.base``."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.extend(base, {"roles": [ROLE]})
    assert [p.path for p in info.value.problems] == ["$.base"]


@pytest.mark.parametrize(
    ("records", "path"),
    [
        ({"roles": [small().states[0]]}, "$.roles[0]"),
        ({"roles": [ROLE, 5]}, "$.roles[1]"),
        ({"states": [ROLE]}, "$.states[0]"),
    ],
    ids=["a-state-among-roles", "a-number-among-roles", "a-role-among-states"],
)
def test_a_record_of_the_wrong_kind_is_a_data_error_at_its_path(records: dict[str, list[Any]], path: str) -> None:
    """A value that is no record of its collection's kind is a DataError at its place in the additions."""
    with pytest.raises(ca.DataError) as info:
        ca.extend(small(), records)
    assert [p.path for p in info.value.problems] == [path]


def test_read_additions_refuses_a_misspelt_collection_too() -> None:
    """A JSON document of additions with a misspelt collection is refused, as the mapping is."""
    with pytest.raises(ca.DataError, match="rolez"):
        read_additions('{"rolez": []}')
