"""The fast road of the JSON conversion: orjson, structure hooks without error paths, shared strings; any doubt goes the detailed road."""

from __future__ import annotations

import contextlib
import enum
import gc
import re
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import orjson

from centralasia.model import Dataset, PartialDate
from centralasia.model._checks import FIELD_TYPES_CHECKED, checked_just_now, text_problem

# The collections' types as classes, not the strings of their annotations (PEP 563).
attrs.resolve_types(Dataset)

__all__ = ["FAILED", "collecting_paused", "dump_text", "key_ends", "parse", "read", "structure"]

_T = TypeVar("_T")

#: What :func:`parse` and :func:`structure` give when the fast road cannot decide, so that the detailed one decides.
FAILED: Final = object()

#: The end of a key in JSON text, a quote, JSON whitespace and a colon. In valid JSON every key ends so;
#: besides, only a string's quote with a colon inside it (``":x"``, ``\\":``) matches, so the count is never too low.
_KEY_END = re.compile(r'"[ \t\n\r]*:')
_KEY_END_BYTES = re.compile(rb'"[ \t\n\r]*:')
_SPACED_KEY_END = re.compile(r'"[ \t\n\r]+:')
_SPACED_KEY_END_BYTES = re.compile(rb'"[ \t\n\r]+:')

#: Strings up to this long (ids, references, short names) are interned, so that a loaded dataset shares them.
_INTERNED_LENGTH = 64
#: The most dates and evidence values kept for sharing between records.
_SHARED_MOST = 1 << 14

_intern = sys.intern
_PLAIN = frozenset({str, int, type(None)})


@contextlib.contextmanager
def collecting_paused() -> Iterator[None]:
    """Within this block the cyclic garbage collector does not run (it is turned back on after, if it was on).

    Reading or writing a dataset makes millions of objects and no garbage cycles:
    the collector's passes over the growing heap would otherwise take most of the time.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def key_ends(text: str | bytes | bytearray) -> int:
    """How many key ends *text* has: at least as many as its keys, exactly as many unless a string starts with ``:`` or holds ``\\":``."""
    if isinstance(text, str):
        plain, spaced, every = '":', _SPACED_KEY_END, _KEY_END
        if spaced.search(text) is None:
            return text.count(plain)
        return sum(1 for _ in every.finditer(text))
    if _SPACED_KEY_END_BYTES.search(text) is None:
        return text.count(b'":')
    return sum(1 for _ in _KEY_END_BYTES.finditer(text))


def parse(text: object) -> Any:
    """*text* parsed by orjson, or :data:`FAILED` (for the strict parser to say why, or to read what orjson reads otherwise)."""
    if not isinstance(text, (str, bytes, bytearray)):
        return FAILED
    try:
        return orjson.loads(text)
    except (orjson.JSONDecodeError, TypeError, ValueError):
        return FAILED


# -- structure functions that raise without saying where --------------------------------
#
# Each model class gets one generated function that reads its object as the class's
# attrs ``__init__`` would be given it and does what that ``__init__`` does: each field
# set in order (converters and factories as declared), then each field's own validator,
# then ``__attrs_post_init__``. The field type checks that ``typed_fields`` puts first
# are left out: the hooks below let through nothing but values of the declared types,
# and strings only if ``text_problem`` passes them.

#: Checked short strings, each its own canonical object (interned), so that a loaded dataset shares its ids.
_strings: dict[str, str] = {}


def _str(value: object) -> str:
    found = _strings.get(value) if type(value) is str else None
    if found is not None:
        return found
    if type(value) is not str or text_problem(value) is not None:
        raise TypeError
    if len(value) <= _INTERNED_LENGTH:
        if len(_strings) >= _SHARED_MOST * 4:
            _strings.clear()
        _strings[value] = value
    return value


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError
    return value


def _bool(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError
    return value


_dates: dict[str, PartialDate] = {}


def _date(value: object) -> PartialDate:
    date = _dates.get(value) if type(value) is str else None
    if date is None:
        if type(value) is not str:
            raise TypeError
        date = PartialDate.parse(value)
        if len(_dates) >= _SHARED_MOST:
            _dates.clear()
        _dates[value] = date
    return date


def _enum_hook(kind: type[enum.Enum]) -> Callable[[object], enum.Enum]:
    # Keyed by type and value, as the detailed hook compares them: 1 is no member whose value is True.
    members = {(type(m.value), m.value): m for m in kind}

    def structure(value: object) -> enum.Enum:
        return members[(type(value), value)]

    return structure


def _strings_hook(value: object) -> tuple[str, ...]:
    if type(value) is not list:
        raise TypeError
    known = _strings.get  # a str seen and checked before is its own canonical object (no key is anything else)
    return tuple([known(item) or _str(item) for item in value])


def _tuple_hook(item_hook: Callable[[object], object]) -> Callable[[object], tuple[object, ...]]:
    def structure(value: object) -> tuple[object, ...]:
        if type(value) is not list:
            raise TypeError
        return tuple([item_hook(item) for item in value])

    return structure


class _Tally(threading.local):
    """The keys of the objects structured so far in this thread's current read."""

    keys = 0


_tally = _Tally()
_hooks: dict[object, Callable[[object], Any]] = {str: _str, int: _int, bool: _bool, PartialDate: _date}
_hooks_lock = threading.RLock()


def _hook(kind: object) -> Callable[[object], Any]:
    """The fast structure function of the declared type *kind*, made on first use."""
    found = _hooks.get(kind)
    if found is not None:
        return found
    with _hooks_lock:
        found = _hooks.get(kind)
        if found is None:
            found = _hooks[kind] = _make_hook(kind)
    return found


def _make_hook(kind: object) -> Callable[[object], Any]:
    args = get_args(kind)
    if get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _strings_hook if args[0] is str else _tuple_hook(_hook(args[0]))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum_hook(kind)
    if isinstance(kind, type) and attrs.has(kind) and getattr(kind, FIELD_TYPES_CHECKED, False):
        return _model_hook(kind)
    raise TypeError(f"no fast structure for {kind!r}")  # the detailed road reads it


def _keeps_tuples(converter: object) -> bool:
    """Whether the field converter *converter* gives back any tuple it is given, the same object (as ``to_tuple`` does)."""
    probes: tuple[tuple[object, ...], ...] = ((), ("b", "a", "a"), (object(), None))
    try:
        return callable(converter) and all(converter(probe) is probe for probe in probes)
    except Exception:  # a converter that refuses a probe converts for real
        return False


def _converting(name: str | None) -> Callable[[str], str]:
    """The code of a value passed through the field's converter *name* (if it has one)."""
    return (lambda value: value) if name is None else (lambda value: f"{name}({value})")


def _model_hook(kind: type) -> Callable[[object], object]:
    hints = typing.get_type_hints(kind)
    names: dict[str, object] = {"_new": object.__new__, "_set": object.__setattr__, "_cls": kind, "_tally": _tally, "_known": _strings.get}
    lines = ["def structure(o):", "    if type(o) is not dict:", "        raise TypeError", "    _tally.keys += len(o)", "    self = _new(_cls)"]
    required = 0
    checks: list[str] = []
    for i, a in enumerate(attrs.fields(kind)):
        declared = hints[a.name]
        inner = [t for t in get_args(declared) if t is not type(None)]
        optional = isinstance(declared, types.UnionType) and len(inner) == 1
        kind_read = inner[0] if optional else declared
        names[f"_h{i}"] = _hook(kind_read)
        # A str seen and checked before is looked up without a call; anything else goes to the hook.
        if optional:
            call = f"(_known(v) or _h{i}(v))" if kind_read is str else f"_h{i}(v)"
            read = f"(None if (v := o[{a.name!r}]) is None else {call})"
        else:
            read = f"(_known(v := o[{a.name!r}]) or _h{i}(v))" if kind_read is str else f"_h{i}(o[{a.name!r}])"
        if a.converter is not None:
            names[f"_c{i}"] = a.converter
        # A converter that gives back the tuple it is given (to_tuple) has nothing to do for the tuple a hook made;
        # a default goes through it always.
        keeps = get_origin(declared) is tuple and _keeps_tuples(a.converter)
        convert = _converting(f"_c{i}" if a.converter is not None and not keeps else None)
        convert_default = _converting(f"_c{i}" if a.converter is not None else None)
        if a.default is attrs.NOTHING:
            required += 1
            lines.append(f"    _set(self, {a.name!r}, {convert(read)})")
        else:
            if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                names[f"_f{i}"] = a.default.factory
                default = f"_f{i}(self)" if a.default.takes_self else f"_f{i}()"
            else:
                names[f"_d{i}"] = a.default
                default = f"_d{i}"
            lines += [f"    if {a.name!r} in o:", f"        _set(self, {a.name!r}, {convert(read)})", "        k += 1"]
            lines += ["    else:", f"        _set(self, {a.name!r}, {convert_default(default)})"]
        then = a.validator
        if then is not None and {"check", "then"} <= set(getattr(type(then), "__slots__", ())):
            then = then.then  # typed_fields' type check first, which the hooks make good: the field's own validator
        if then is not None:
            names[f"_v{i}"], names[f"_a{i}"] = then, a
            checks.append(f"    _v{i}(self, _a{i}, self.{a.name})")
    lines.insert(5, f"    k = {required}")
    lines += ["    if k != len(o):", "        raise TypeError", *checks]
    if hasattr(kind, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    exec(compile("\n".join(lines), f"<centralasia fast structure {kind.__qualname__}>", "exec"), names)  # noqa: S102
    made: Callable[[object], object] = names["structure"]  # type: ignore[assignment]
    if "id" in attrs.fields_dict(kind):
        return made
    # Value objects (no id) of strings and numbers only, such as most evidence: equal ones are one object, made once.
    shared: dict[tuple[tuple[str, object], ...], object] = {}

    def structure_shared(value: object) -> object:
        # Only when every value is a str, an int or null are equal keys the same JSON (True == 1 == 1.0 in Python).
        if type(value) is not dict or not all(type(v) in _PLAIN for v in value.values()):
            return made(value)
        key = tuple(value.items())
        found = shared.get(key)
        if found is None:
            found = made(value)
            if len(shared) >= _SHARED_MOST:
                shared.clear()
            shared[key] = found
        else:
            _tally.keys += len(value)
        return found

    return structure_shared


def _dataset(data: object) -> Dataset:
    if type(data) is not dict:
        raise TypeError
    _tally.keys += len(data)
    fields = attrs.fields_dict(Dataset)
    collections: dict[str, object] = {}
    for name, value in data.items():
        if name not in Dataset.COLLECTIONS:
            raise TypeError
        collections[name] = _hook(fields[name].type)(value)
    with checked_just_now():
        return Dataset(**collections)  # type: ignore[arg-type]


def _is_model_class(kind: object) -> bool:
    return isinstance(kind, type) and attrs.has(kind) and bool(getattr(kind, FIELD_TYPES_CHECKED, False))


def structure(data: object, kind: type[_T], key_ends: int) -> _T | object:
    """*data* as a *kind* (a :class:`Dataset` or a model class), or :data:`FAILED` on any doubt.

    Doubt is any error at all, or fewer keys structured than *key_ends* counted in the
    text (a key orjson kept once of two): the detailed road then reads the text again
    and says what is wrong, exactly as if it had read it first.
    """
    if not (kind is Dataset or _is_model_class(kind)):
        return FAILED
    _tally.keys = 0
    try:
        result: object = _dataset(data) if kind is Dataset else _hook(kind)(data)
    except Exception:  # any failure: the detailed road names it
        return FAILED
    if _tally.keys != key_ends:
        return FAILED
    return result


def read(text: object, kind: type[_T]) -> _T | object:
    """JSON *text* as a *kind* (a :class:`Dataset` or a model class) by the fast road, or :data:`FAILED`."""
    if not (kind is Dataset or _is_model_class(kind)):
        return FAILED
    if not isinstance(text, (str, bytes, bytearray)):
        return FAILED
    data: object = parse(text)
    if data is FAILED:
        return FAILED
    return structure(data, kind, key_ends(text))


def dump_text(value: object) -> str | object:
    """*value* (unstructured) as the package's canonical JSON text, or :data:`FAILED` for :mod:`json` to write or refuse.

    orjson's output equals ``json.dumps(value, ensure_ascii=False, indent=2)`` for
    the values a record unstructures to (strings, ints within 64 bits, booleans,
    lists, objects). It writes NaN as ``null`` where json refuses it, so text
    with a ``null`` goes the json road (records leave ``None`` out).
    """
    try:
        data = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except (orjson.JSONEncodeError, TypeError, ValueError):
        return FAILED
    if b"null" in data:
        return FAILED
    return data.decode("utf-8")
