"""Conversion of records and datasets to and from JSON, with one package-owned converter."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from typing import TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_unstructure_fn
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import configure_converter as configure_json_converter

from centralasia.errors import DataError, FieldError, Problem
from centralasia.model import Dataset, PartialDate, Record

__all__ = [
    "JSONValue",
    "configure_converter",
    "converter",
    "dumps",
    "loads",
    "make_converter",
    "parse_json",
    "structure",
    "structure_collections",
    "to_text",
]

T = TypeVar("T")

#: Any value :func:`json.loads` returns.
JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]


def _strict(kind: type[T], name: str) -> Callable[[object, type], T]:
    # cattrs would turn 5 into "5" and "5" into 5; data files must say what they mean.
    def structure(value: object, _: type) -> T:
        if isinstance(value, kind) and not (kind is not bool and isinstance(value, bool)):
            return value
        raise TypeError(f"expected {name}, got {type(value).__name__} {value!r:.40}")

    return structure


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"expected a number, got {type(value).__name__} {value!r:.40}")


def _structure_partial_date(value: object, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date string, got {type(value).__name__} {value!r:.40}")
    try:
        return PartialDate.parse(value)
    except FieldError as exc:
        # The date string is the value at fault, not a part of it.
        raise ValueError(exc.message) from None


def _is_homogeneous_tuple(kind: object) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_structure_factory(kind: object, conv: cattrs.Converter) -> Callable[[object, type], tuple[object, ...]]:
    item_type = get_args(kind)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[object, ...]:
        # A string or an object is iterable too, but never what a list field means.
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        items: list[object] = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # gathered and re-raised below, with their indices
                exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"Structuring item @ index {i}", i, item_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, tuple)
        return tuple(items)

    return structure


def _is_enum(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _enum_structure_factory(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    allowed = ", ".join(repr(m.value) for m in kind)

    def structure(value: object, _: type) -> enum.Enum:
        for member in kind:
            if member.value == value and type(member.value) is type(value):
                return member
        raise ValueError(f"unknown {kind.__name__} {value!r:.40}, expected one of {allowed}")

    return structure


_FIELD_MARK = "\x00"


def _format_exception(exc: BaseException, kind: type | None) -> str:
    """Say what went wrong in words a data author can act on."""
    if isinstance(exc, FieldError):
        # Raised by a record's own check, which knows the field but not the path:
        # _problems appends the field to the path cattrs reports.
        return f"{_FIELD_MARK}{exc.field or ''}{_FIELD_MARK}{exc.message}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown fields: {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, AttributeError) and ("has no attribute 'items'" in str(exc) or "has no attribute 'keys'" in str(exc)):
        # cattrs reads an attrs class from a mapping; a list or a string has neither.
        return "expected an object"
    if isinstance(exc, TypeError) and "object is not iterable" in str(exc):
        return "expected a list"
    if isinstance(exc, TypeError) and str(exc).startswith("argument of type"):
        return "expected an object"
    if isinstance(exc, (TypeError, ValueError)):
        # Our hooks and validators write messages that already say what is wrong.
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _problems(exc: BaseException, path: str) -> list[Problem]:
    problems = []
    for message in cattrs.transform_error(exc, path, _format_exception):
        text, _, where = message.rpartition(" @ ")
        if text.startswith(_FIELD_MARK):
            _, field, text = text.split(_FIELD_MARK, 2)
            if field:
                where = f"{where}.{field}"
        problems.append(Problem.at(where, text))
    return problems


def structure_collections(data: object, conv: cattrs.Converter | None = None) -> dict[str, tuple[Record, ...]]:
    """The records of a dataset document, each checked on its own, by collection.

    How the records hang together (unique ids, references) is not checked
    here: :class:`Dataset` does that.

    Raises
    ------
    DataError
        With the problems of every record of every collection, each at its JSON path.
    """
    if not isinstance(data, Mapping):
        raise DataError([Problem.at("$", f"expected an object of collections, got {type(data).__name__}")], "invalid dataset")
    conv = converter if conv is None else conv
    unknown = sorted(set(map(str, data)) - set(Dataset.COLLECTIONS))
    problems: list[Problem] = []
    if unknown:
        expected = ", ".join(Dataset.COLLECTIONS)
        problems.append(Problem.at("$", f"unknown collections: {', '.join(unknown)}; expected some of {expected}"))
    collections: dict[str, tuple[Record, ...]] = {}
    types = attrs.fields_dict(Dataset)
    for name in Dataset.COLLECTIONS:
        if name not in data:
            continue
        path = f"$.{name}"
        if not isinstance(data[name], list):
            problems.append(Problem.at(path, f"expected a list, got {type(data[name]).__name__}"))
            continue
        try:
            collections[name] = conv.structure(data[name], types[name].type)  # type: ignore[arg-type]
        except (ClassValidationError, IterableValidationError) as exc:
            problems.extend(_problems(exc, path))
    if problems:
        raise DataError(problems, "invalid dataset")
    return collections


def configure_converter(conv: cattrs.Converter) -> None:
    """Teach *conv* the centralasia JSON schema.

    Partial dates become ISO 8601 strings of their precision, enums their
    values, tuples lists; primitive fields are strict (no ``"5"`` for ``5``),
    fields at their default are left out, and unknown fields are refused.
    """
    configure_json_converter(conv)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_factory(_is_enum, _enum_structure_factory)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda kind: _tuple_structure_factory(kind, conv))
    # The records are checked one by one first; Dataset checks how they hang together.
    conv.register_structure_hook(Dataset, lambda data, _: Dataset(**structure_collections(data, conv)))
    conv.register_unstructure_hook(
        Dataset,
        make_dict_unstructure_fn(Dataset, conv, _cattrs_omit_if_default=True, _index=cattrs.override(omit=True)),
    )


def make_converter() -> JsonConverter:
    """A new converter configured for centralasia, for users who want to extend one.

    Examples
    --------
    >>> from centralasia.model import PartialDate
    >>> make_converter().unstructure(PartialDate(2016, 2))
    '2016-02'
    """
    conv = JsonConverter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


#: The converter the package owns; the global cattrs converter is left alone.
converter = make_converter()


def to_text(value: object) -> str:
    """Format an unstructured value as the package's canonical JSON text."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def dumps(obj: object) -> str:
    """The canonical JSON text of a record, a value or a whole :class:`Dataset`.

    Examples
    --------
    >>> from centralasia.model import Evidence
    >>> print(dumps(Evidence(paragraph=7, quote="In February 2016")), end="")
    {
      "paragraph": 7,
      "quote": "In February 2016"
    }
    """
    return to_text(converter.unstructure(obj))


def structure(data: object, kind: type[T], path: str = "$") -> T:
    """Structure already-parsed JSON *data* as *kind*, raising :class:`DataError`."""
    try:
        return converter.structure(data, kind)
    except DataError as exc:
        if path == "$":
            raise
        # Dataset checks write paths from the document root "$"; root them at *path*.
        moved = [Problem.at(path + p.path[1:], p.message) if p.path.startswith("$") else p for p in exc.problems]
        raise DataError(moved, exc.summary) from exc
    except (ClassValidationError, IterableValidationError) as exc:
        raise DataError(_problems(exc, path), f"invalid {getattr(kind, '__name__', kind)}") from exc
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise DataError([Problem.at(path, _format_exception(exc, kind))], f"invalid {getattr(kind, '__name__', kind)}") from exc


def parse_json(text: str | bytes) -> JSONValue:
    """Parse JSON *text*, raising :class:`DataError` (at ``$``) if it is not JSON."""
    if not isinstance(text, (str, bytes, bytearray)):
        raise DataError([Problem.at("$", f"expected JSON text, got {type(text).__name__}")], "invalid JSON")
    try:
        data: JSONValue = json.loads(text)
    except RecursionError as exc:
        raise DataError([Problem.at("$", "JSON nested too deeply")], "invalid JSON") from exc
    except ValueError as exc:
        # JSONDecodeError, UnicodeDecodeError, and the int-digit limit on huge numbers.
        raise DataError([Problem.at("$", f"not JSON: {exc}")], "invalid JSON") from exc
    return data


def loads(text: str | bytes, kind: type[T] = Dataset) -> T:  # type: ignore[assignment]
    """Read JSON *text* as a *kind* (by default a whole :class:`Dataset`).

    Raises
    ------
    DataError
        If the text is not JSON or does not fit *kind*; every problem is listed
        with its JSON path.

    Examples
    --------
    >>> from centralasia.model import PartialDate
    >>> loads('"2016-02"', PartialDate)
    PartialDate(year=2016, month=2, day=None)
    >>> loads('"2016-13"', PartialDate)
    Traceback (most recent call last):
    ...
    centralasia.errors.DataError: invalid PartialDate: 1 problem
      - month must be 1 to 12, not 13 @ $
    """
    data = parse_json(text)
    return structure(data, kind)
