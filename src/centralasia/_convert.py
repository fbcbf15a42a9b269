"""The JSON conversion behind :mod:`centralasia.convert`: hooks, the package's converter, strict parsing and error paths."""

from __future__ import annotations

import enum
import json
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast, get_args, get_origin, overload

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote, StructureHandlerNotFoundError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import configure_converter as configure_json_converter

from centralasia import _fastjson
from centralasia._files import text_problems
from centralasia.errors import ArgumentError, DataError, FieldError, Problem
from centralasia.model import Dataset, PartialDate, Record
from centralasia.model._checks import FIELD_TYPES_CHECKED, checked_just_now

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
    "unstructure",
]

_T = TypeVar("_T")

#: Any value :func:`json.loads` returns.
JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]


def _strict(kind: type[_T], name: str) -> Callable[[object, type], _T]:
    # cattrs would turn 5 into "5" and "5" into 5; data files must say what they mean.
    def structure(value: object, _: type) -> _T:
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


def _tuple_structure_factory(kind: object, conv: cattrs.BaseConverter) -> Callable[[object, type], tuple[object, ...]]:
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


def _shown(key: str) -> str:
    """A key of the user's document as a message shows it: plain if a short ASCII name, else escaped and cut."""
    return key if key.isidentifier() and key.isascii() and len(key) <= 40 else f"{key!r:.40}"


def _key_path(parent: str, key: str) -> str:
    """The JSON path of *key* in the object at *parent*: ``$.states`` or ``$['odd key']``."""
    return f"{parent}.{key}" if key.isidentifier() and key.isascii() else f"{parent}[{key!r:.40}]"


def _format_exception(exc: BaseException, kind: type | None) -> str:
    """Say what went wrong in words a data author can act on."""
    if isinstance(exc, FieldError):
        # Raised by a record's own check, which knows the field but not the path:
        # _problems appends the field to the path cattrs reports.
        return f"{_FIELD_MARK}{exc.field or ''}{_FIELD_MARK}{exc.message}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown fields: {', '.join(_shown(k) for k in sorted(exc.extra_fields))}"
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


# The collections' types as classes, not the strings of their annotations (PEP 563).
attrs.resolve_types(Dataset)


def structure_collections(data: object, conv: cattrs.BaseConverter | None = None) -> dict[str, tuple[Record, ...]]:
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
    conv = _package if conv is None else conv
    unknown = sorted(set(map(str, data)) - set(Dataset.COLLECTIONS))
    problems: list[Problem] = []
    if unknown:
        expected = ", ".join(Dataset.COLLECTIONS)
        problems.append(Problem.at("$", f"unknown collections: {', '.join(map(_shown, unknown))}; expected some of {expected}"))
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


def _dataset_of(data: object, conv: cattrs.BaseConverter) -> Dataset:
    # Each collection holds its own kind: structured as the field's type.
    collections = cast("dict[str, Any]", structure_collections(data, conv))
    if conv is not _package:
        return Dataset(**collections)
    # Built from JSON by the package's own hooks a moment ago: each record's construction checked it.
    with checked_just_now():
        return Dataset(**collections)


def _is_model_class(kind: object) -> bool:
    return isinstance(kind, type) and attrs.has(kind) and bool(getattr(kind, FIELD_TYPES_CHECKED, False))


class _Configured:
    """A type only :func:`configure_converter` gives a hook: a converter with it (or a copy of one) was configured for centralasia."""


def _configured_hook(value: object, _: type) -> object:
    return value


def configure_converter(conv: cattrs.BaseConverter) -> None:
    """Teach *conv* the centralasia JSON schema, with exactly the package's strictness.

    Partial dates become ISO 8601 strings of their precision, enums their
    values, tuples lists; primitive fields are strict (no ``"5"`` for ``5``),
    fields at their default are left out, and unknown fields are refused,
    whatever options *conv* was made with.

    Raises
    ------
    ArgumentError
        If *conv* is no cattrs converter, or is the package's own (read-only) :data:`converter`.
    """
    if not isinstance(conv, cattrs.BaseConverter):
        raise ArgumentError("conv", f"expected a cattrs converter, got {type(conv).__name__} {conv!r:.40}")
    configure_json_converter(conv)
    conv.register_structure_hook(_Configured, _configured_hook)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_factory(_is_enum, _enum_structure_factory)
    # The factories take the converter they serve, so that a copy (``conv.copy()``) uses its own hooks.
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure_factory)
    # The model classes are read and written the package's way whatever the converter's own options.
    conv.register_structure_hook_factory(_is_model_class, _model_structure_factory)
    conv.register_unstructure_hook_factory(_is_model_class, _model_unstructure_factory)
    # The records are checked one by one first; Dataset checks how they hang together.
    conv.register_structure_hook_factory(_is_dataset, _dataset_structure_factory)
    conv.register_unstructure_hook_factory(_is_dataset, _dataset_unstructure_factory)


def _model_structure_factory(kind: type, conv: cattrs.BaseConverter) -> Callable[[Any, Any], Any]:
    # Every option pinned: a converter made to prefer attrs converters or to use aliases reads as the package does.
    return make_dict_structure_fn(
        kind,
        conv,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        _cattrs_prefer_attrib_converters=False,
        _cattrs_use_alias=False,
    )


def _model_unstructure_factory(kind: type, conv: cattrs.BaseConverter) -> Callable[[object], object]:
    return make_dict_unstructure_fn(kind, conv, _cattrs_omit_if_default=True, _cattrs_use_alias=False)


def _is_dataset(kind: object) -> bool:
    return kind is Dataset


def _dataset_structure_factory(kind: type, conv: cattrs.BaseConverter) -> Callable[[object, type], Dataset]:
    return lambda data, _: _dataset_of(data, conv)


def _dataset_unstructure_factory(kind: type, conv: cattrs.BaseConverter) -> Callable[[Dataset], object]:
    return make_dict_unstructure_fn(Dataset, conv, _cattrs_omit_if_default=True, _cattrs_use_alias=False, _index=cattrs.override(omit=True))


def make_converter() -> JsonConverter:
    """A new converter configured for centralasia, for users who want to extend one.

    It is the caller's own: hooks registered on it change nothing for anyone else.

    Examples
    --------
    >>> from centralasia.model import PartialDate
    >>> make_converter().unstructure(PartialDate(2016, 2))
    '2016-02'
    """
    conv = JsonConverter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


class _ReadOnlyConverter(JsonConverter):
    """A converter configured for centralasia whose hooks and options no caller can change."""

    __slots__ = ("_sealed",)

    def __init__(self) -> None:
        super().__init__(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
        configure_converter(self)
        self._sealed = True

    def _refuse(self, what: str) -> None:
        if getattr(self, "_sealed", False):
            raise ArgumentError(None, f"{what}: centralasia's converter is read-only; make_converter() gives one of your own", "converter")

    def __setattr__(self, name: str, value: object) -> None:
        self._refuse(f"cannot set {name}")
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        self._refuse(f"cannot delete {name}")
        super().__delattr__(name)

    def copy(self, *args: Any, **kwargs: Any) -> Any:
        """A converter of the caller's own, configured as this one, with cattrs' ``copy`` options."""
        return make_converter().copy(*args, **kwargs)

    # Every way of adding a hook is refused once configured (mypy: the arguments are the base's).
    def register_structure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("cannot register a structure hook")
        return super().register_structure_hook(*args, **kwargs)

    def register_structure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("cannot register a structure hook")
        return super().register_structure_hook_func(*args, **kwargs)

    def register_structure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("cannot register a structure hook factory")
        return super().register_structure_hook_factory(*args, **kwargs)

    def register_unstructure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("cannot register an unstructure hook")
        return super().register_unstructure_hook(*args, **kwargs)

    def register_unstructure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("cannot register an unstructure hook")
        return super().register_unstructure_hook_func(*args, **kwargs)

    def register_unstructure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("cannot register an unstructure hook factory")
        return super().register_unstructure_hook_factory(*args, **kwargs)


class _PublicConverter(_ReadOnlyConverter):
    """The read-only converter handed out, which reads and writes as :func:`structure` and :func:`unstructure` do, with our errors."""

    __slots__ = ()

    def structure(self, obj: Any, cl: Any) -> Any:
        return structure(obj, cl)

    def unstructure(self, obj: Any, unstructure_as: Any = None) -> Any:
        return unstructure(obj) if unstructure_as is None else super().unstructure(obj, unstructure_as)


# What load(), loads() and dumps() use: no caller can reach it, so none can change what another reads.
_package = _ReadOnlyConverter()

#: A converter configured for centralasia, read-only; registering a hook on it or
#: setting an option raises :class:`~centralasia.ArgumentError`, and ``structure``
#: raises :class:`~centralasia.DataError` with paths, as :func:`loads` does. It is
#: not the one :func:`~centralasia.load` reads with; :func:`make_converter` (or
#: ``converter.copy()``) gives one of the caller's own to extend.
converter: JsonConverter = _PublicConverter()


def to_text(value: object, *, records: bool = False) -> str:
    """Format an unstructured value as the package's canonical JSON text.

    With *records*, *value* is what records unstructure to (no floats): orjson writes it.

    Raises
    ------
    ArgumentError
        If *value* is no JSON value (a set, NaN, a lone surrogate cannot be written).
    """
    return _text(value, "value", fast=records)


def _text(value: object, argument: str, *, fast: bool = False) -> str:
    if fast:
        # orjson formats floats its own way (0.00001 for 1e-05): only values without floats go its road.
        written = _fastjson.dump_text(value)
        if isinstance(written, str):
            return written
    try:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ArgumentError(argument, f"cannot be written as JSON: {str(exc)[:200]}") from exc
    try:
        text.encode("utf-8")  # a lone surrogate would only fail later, where the text is written
    except UnicodeEncodeError:
        # Name the field that holds it (the value changed after every check, as data built in code may be).
        found = text_problems(value)
        where = found[0].path.removeprefix("$.") if found and found[0].path.startswith("$.") else argument
        raise ArgumentError(where, "holds a lone surrogate, which cannot be written as UTF-8") from None
    return text + "\n"


def unstructure(obj: object, conv: cattrs.BaseConverter | None = None) -> JSONValue:
    """The JSON value of a record, a value or a whole :class:`Dataset`, as :func:`dumps` writes it.

    Examples
    --------
    >>> from centralasia.model import PartialDate
    >>> unstructure(PartialDate(2016, 2))
    '2016-02'
    """
    try:
        value: JSONValue = (_package if conv is None else conv).unstructure(obj)
    except (TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise ArgumentError("obj", f"cannot be written as JSON: {type(obj).__name__} {obj!r:.40}") from exc
    return value


def dumps(obj: object, *, converter: cattrs.BaseConverter | None = None) -> str:
    """The canonical JSON text of a record, a value or a whole :class:`Dataset`.

    Parameters
    ----------
    obj : object
        What to write.
    converter : cattrs.BaseConverter, optional
        A converter of your own, made by :func:`make_converter` (or configured by
        :func:`configure_converter`) and extended with your hooks; by default the
        package's own.

    Raises
    ------
    ArgumentError
        If *obj* cannot be written as JSON, or *converter* is no cattrs converter configured for centralasia.

    Examples
    --------
    >>> from centralasia.model import Evidence
    >>> print(dumps(Evidence(paragraph=7, quote="In February 2016")), end="")
    {
      "paragraph": 7,
      "quote": "In February 2016"
    }
    >>> dumps(Evidence(paragraph=7), converter=make_converter()) == dumps(Evidence(paragraph=7))
    True
    """
    conv = _chosen(converter)
    with _fastjson.collecting_paused():
        # A record or a dataset unstructures to strings, ints, booleans, lists and objects, never a float.
        return _text(unstructure(obj, conv), "obj", fast=isinstance(obj, Dataset) or _is_model_class(type(obj)))


def _chosen(conv: object) -> cattrs.BaseConverter | None:
    """The converter a ``converter=`` argument names: ``None`` (and the read-only :data:`converter`) for the package's own."""
    if conv is None or conv is converter:
        return None
    if not isinstance(conv, cattrs.BaseConverter):
        raise ArgumentError("converter", f"expected a cattrs converter from make_converter(), got {type(conv).__name__} {conv!r:.40}")
    if not _is_configured(conv):
        # It would read "705" as 705 and write JSON (nulls, dates as objects) that the package cannot read back.
        raise ArgumentError("converter", "a cattrs converter never configured for centralasia: use make_converter(), or call configure_converter(conv) first")
    return conv


def _is_configured(conv: cattrs.BaseConverter) -> bool:
    try:
        return conv.get_structure_hook(_Configured) is _configured_hook
    except StructureHandlerNotFoundError:
        return False


def _kind_name(kind: object) -> str:
    return str(getattr(kind, "__name__", kind))[:60]


def structure(data: object, kind: type[_T], path: str = "$", conv: cattrs.BaseConverter | None = None) -> _T:
    """Structure already-parsed JSON *data* as *kind* with *conv* (the package's own by default), raising :class:`DataError`."""
    try:
        return (_package if conv is None else conv).structure(data, kind)
    except DataError as exc:
        if path == "$":
            raise
        # Dataset checks write paths from the document root "$"; root them at *path*.
        moved = [Problem.at(path + p.path[1:], p.message) if p.path.startswith("$") else p for p in exc.problems]
        raise DataError(moved, exc.summary) from exc
    except (ClassValidationError, IterableValidationError) as exc:
        raise DataError(_problems(exc, path), f"invalid {_kind_name(kind)}") from exc
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise DataError([Problem.at(path, _format_exception(exc, kind))], f"invalid {_kind_name(kind)}") from exc


def _refuse_constant(name: str) -> float:
    # json accepts NaN and Infinity, which are not JSON and which no field of ours can hold.
    raise ValueError(f"{name} is not a JSON number")


def _duplicate_keys(data: JSONValue, objects: list[tuple[dict[str, JSONValue], list[str]]]) -> list[Problem]:
    """The problems of the objects in *objects* (each with its repeated keys), at their paths in *data*."""
    repeated = {id(obj): keys for obj, keys in objects}
    problems: list[Problem] = []
    stack: list[tuple[JSONValue, str]] = [(data, "$")]
    while stack:  # iterative: the document may nest as deep as the parser allows
        node, path = stack.pop()
        if isinstance(node, dict):
            problems.extend(Problem.at(_key_path(path, k), f"duplicate key {_shown(k)}: JSON objects have each key once") for k in repeated.get(id(node), ()))
            stack.extend((v, _key_path(path, k)) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(node))))
    return problems


def parse_json(text: str | bytes) -> JSONValue:
    """Parse JSON *text* strictly, raising :class:`DataError` if it is not JSON.

    A key repeated in an object is an error at its path (the parser would keep
    the last value and lose the others); ``NaN`` and ``Infinity`` are not JSON.

    Examples
    --------
    >>> parse_json('{"states": [], "states": []}')
    Traceback (most recent call last):
    ...
    centralasia.errors.DataError: invalid JSON: 1 problem
      - duplicate key states: JSON objects have each key once @ $.states
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise DataError([Problem.at("$", f"expected JSON text, got {type(text).__name__}")], "invalid JSON")
    repeated: list[tuple[dict[str, JSONValue], list[str]]] = []

    def pairs_to_dict(pairs: list[tuple[str, JSONValue]]) -> dict[str, JSONValue]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            repeated.append((obj, [k for k, n in Counter(k for k, _ in pairs).items() if n > 1]))
        return obj

    try:
        data: JSONValue = json.loads(text, object_pairs_hook=pairs_to_dict, parse_constant=_refuse_constant)
    except RecursionError as exc:
        raise DataError([Problem.at("$", "JSON nested too deeply")], "invalid JSON") from exc
    except ValueError as exc:
        # JSONDecodeError, UnicodeDecodeError, NaN, and the int-digit limit on huge numbers.
        raise DataError([Problem.at("$", f"not JSON: {str(exc)[:200]}")], "invalid JSON") from exc
    if repeated:
        raise DataError(_duplicate_keys(data, repeated), "invalid JSON")
    return data


@overload
def loads(text: str | bytes, *, converter: cattrs.BaseConverter | None = None) -> Dataset: ...
@overload
def loads(text: str | bytes, kind: type[_T], *, converter: cattrs.BaseConverter | None = None) -> _T: ...


def loads(text: str | bytes, kind: type[object] = Dataset, *, converter: cattrs.BaseConverter | None = None) -> object:
    """Read JSON *text* as a *kind* (by default a whole :class:`Dataset`).

    Parameters
    ----------
    text : str or bytes
        The JSON text.
    kind : type, optional
        What to read: :class:`Dataset` (the default), a record class or a value class.
    converter : cattrs.BaseConverter, optional
        A converter of your own, made by :func:`make_converter` (or configured by
        :func:`configure_converter`) and extended with your hooks; by default the
        package's own. Either reads with the same strictness.

    Raises
    ------
    DataError
        If the text is not JSON or does not fit *kind*; every problem is listed
        with its JSON path.
    ArgumentError
        If *kind* is no type, or *converter* is no cattrs converter configured for centralasia.

    Notes
    -----
    With the package's converter, a dataset or a record is read by orjson and
    structured without building error paths; if anything is wrong (or orjson
    reads the text otherwise than Python's json would, or a key may be repeated),
    the text is read again the detailed way, so every error is the same.

    Examples
    --------
    >>> from centralasia.model import PartialDate
    >>> loads('"2016-02"', PartialDate)
    PartialDate(year=2016, month=2, day=None)
    >>> loads('"2016-13"', PartialDate, converter=make_converter())
    Traceback (most recent call last):
    ...
    centralasia.errors.DataError: invalid PartialDate: 1 problem
      - month must be 1 to 12, not 13 @ $
    >>> len(loads('{"states": []}'))
    0
    """
    if not isinstance(kind, type) and get_origin(kind) is None:
        raise ArgumentError("kind", f"expected a type such as Dataset or State, got {type(kind).__name__} {kind!r:.40}")
    if isinstance(kind, type) and not kind.__module__.startswith("centralasia."):
        raise ArgumentError("kind", f"expected one of the package's types, such as Dataset or State, not {kind.__name__:.40}")
    conv = _chosen(converter)
    with _fastjson.collecting_paused():
        if conv is None:
            # The fast road (orjson, no error paths); on any doubt the detailed one reads the text again.
            fast = _fastjson.read(text, kind)
            if fast is not _fastjson.FAILED:
                return fast
        data = parse_json(text)
        return structure(data, kind, conv=conv)
