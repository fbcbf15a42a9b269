"""Validators and converters that the model classes share, and the field type checks.

The validators are attrs validators: each raises a
:class:`~centralasia.errors.FieldError` naming the field and the class.
:func:`typed_fields` gives every field of a model class a first validator
that checks the value against the field's declared type (a bool is not an
int, a string is not an enum) and that text is writable (no lone
surrogates, no control characters other than tab, newline and carriage
return), so that a value the model accepts every output can write.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from typing import Any, TypeVar

import attrs

from centralasia.errors import FieldError

__all__ = [
    "FIELD_TYPES_CHECKED",
    "check_deeply",
    "checked_just_now",
    "distinct",
    "id_problem",
    "identifier",
    "in_range",
    "nonempty",
    "pattern",
    "rechecking",
    "shared",
    "text_problem",
    "to_tuple",
    "tuple_of_str",
    "typed_fields",
]

_Sized = TypeVar("_Sized", bound=Sized)
_S = TypeVar("_S", bound=str | None)
_T = TypeVar("_T")

#: Where a check failed (relative path, e.g. ``"[2]"``) and why; ``None`` when the value passes.
_Outcome = tuple[str, str] | None

# Characters no output may carry: lone surrogates cannot be encoded, and XML 1.0
# (GraphML, GEXF) has no C0 controls but tab, newline and carriage return, nor
# U+FFFE and U+FFFF; DEL and the C1 controls move terminals (ESC sequences).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def text_problem(text: str) -> str | None:
    """Why *text* cannot be written out as UTF-8, XML or to a terminal, or ``None`` if it can.

    Examples
    --------
    >>> text_problem("Détente") is None
    True
    >>> text_problem("Ka\\ud800z")
    "contains a lone surrogate '\\\\ud800' at index 2"
    """
    found = _UNWRITABLE.search(text)
    if found is None:
        return None
    char = found.group()
    what = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a non-character" if char in "\ufffe\uffff" else "a control character"
    return f"contains {what} {char!r} at index {found.start()}"


def id_problem(text: str) -> str | None:
    """Why *text* cannot be an id, or ``None`` if it can.

    An id is non-empty, has no whitespace, control, format (zero-width,
    bidirectional), private-use or unassigned characters, and is
    NFC-normalised, so that ids that look alike are alike.

    Examples
    --------
    >>> id_problem("agr-chn-tjk") is None
    True
    >>> id_problem("KAZ\\u200b")
    "has the character '\\\\u200b' (Cf) at index 3; an id has no whitespace, control or format characters"
    """
    if not text:
        return "must not be empty"
    if text.isascii() and text.isprintable() and " " not in text:
        return None  # the common case, decided without a look at each character
    for i, char in enumerate(text):
        category = unicodedata.category(char)
        if category[0] in "ZC":
            return f"has the character {char!r} ({category}) at index {i}; an id has no whitespace, control or format characters"
    if not unicodedata.is_normalized("NFC", text):
        return f"is not NFC-normalised Unicode (NFC: {unicodedata.normalize('NFC', text)!r:.40})"
    return None


def identifier(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Reject a string that :func:`id_problem` refuses."""
    problem = id_problem(value)
    if problem is not None:
        raise FieldError(attribute.name, f"{attribute.name} {value!r:.40} {problem}", type(instance).__name__)


def nonempty(instance: object, attribute: attrs.Attribute[_Sized], value: _Sized) -> None:
    """Reject an empty string or collection."""
    if not value:
        raise FieldError(attribute.name, f"{attribute.name} must not be empty", type(instance).__name__)


def distinct(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    """Reject an id list naming one id twice (a party, target or speaker counted twice is a typo, never a second one)."""
    seen: set[str] = set()
    for i, item in enumerate(value):
        if item in seen:
            raise FieldError(f"{attribute.name}[{i}]", f"{item!r:.40} is named twice in {attribute.name}", type(instance).__name__)
        seen.add(item)


def pattern(regex: str, what: str) -> Callable[[object, attrs.Attribute[_S], _S], None]:
    """A validator that a string, where given, matches *regex*; *what* names the form in the error."""
    compiled = re.compile(regex)

    def check(instance: object, attribute: attrs.Attribute[_S], value: _S) -> None:
        if value is not None and not compiled.fullmatch(value):
            raise FieldError(attribute.name, f"{attribute.name} must be {what}, not {value!r:.40}", type(instance).__name__)

    return check


def in_range(low: int, high: int) -> Callable[[object, attrs.Attribute[int | None], int | None], None]:
    """A validator that a number, where given, is *low* to *high*."""

    def check(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and not low <= value <= high:
            raise FieldError(attribute.name, f"{attribute.name} must be {low} to {high}, not {value!r:.40}", type(instance).__name__)

    return check


class _Shared:
    """Equal values, one object each: the first seen stands for every equal one after it.

    A bounded table of immutable values (at most *limit*; when full it starts
    again, so that it follows the data of the moment instead of growing): a
    dataset of many records then holds a few distinct evidence lists and dates,
    not one of each per record. Only values of exactly the type *kind* (tuples
    of exactly *of*, where given) are shared, so that anything else is left as
    it is for the field's type check to report, and an unhashable value (one
    changed since its construction) is kept as it is. Safe across threads: a
    race only leaves two equal values unshared.
    """

    __slots__ = ("_item", "_kind", "_limit", "_table")

    def __init__(self, limit: int, kind: type, of: type | None) -> None:
        self._limit = limit
        self._kind = kind
        self._item = of
        self._table: dict[object, object] = {}

    def __call__(self, value: _T) -> _T:
        if type(value) is not self._kind:
            return value
        item = self._item
        if item is not None:
            for element in value:  # type: ignore[attr-defined]  # a tuple: its type was checked above
                if type(element) is not item:
                    return value
        table = self._table
        try:
            found = table.get(value)
            if found is None:
                if len(table) >= self._limit:
                    table.clear()
                found = table.setdefault(value, value)
        except TypeError:  # unhashable inside
            return value
        return found  # type: ignore[return-value]  # equal to value and of its exact type


def shared(limit: int, kind: type, *, of: type | None = None) -> Callable[[_T], _T]:
    """A converter giving, for a value of exactly *kind* (a tuple of exactly *of*), the first equal one it was given.

    At most *limit* values are remembered; anything else passes through unchanged.

    Examples
    --------
    >>> share = shared(16, tuple, of=str)
    >>> first = share(tuple(["KAZ", "KGZ"]))
    >>> share(tuple(["KAZ", "KGZ"])) is first, share(("KAZ", 1)) == ("KAZ", 1), share(["KAZ"])
    (True, True, ['KAZ'])
    """
    return _Shared(limit, kind, of)


def to_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """Convert a sequence to a tuple; anything else is left for the field's type check to report."""
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        # A lone string would become a tuple of letters, a dict its keys: the type check names them.
        return value  # type: ignore[return-value]  # reported by the field's type check, with its path
    return tuple(value)


#: Equal tuples of ids are one object each, since records name the same few actors again and again.
_SHARED_IDS = shared(4096, tuple, of=str)


def tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    """Convert a sequence of ids or names to a tuple (equal ones shared); a lone string is refused by the field's type check."""
    return _SHARED_IDS(to_tuple(value))


# -- field type checks ------------------------------------------------------------------

_Check = Callable[[object], _Outcome]


def _what(kind: object) -> str:
    """The declared type *kind* in words: "an integer", "a Domain", "a list of Evidence"."""
    if kind is str:
        return "a string"
    if kind is int:
        return "an integer"
    if kind is bool:
        return "true or false"
    args = typing.get_args(kind)
    if typing.get_origin(kind) is tuple:
        return f"a sequence of {_what(args[0]).split(' ', 1)[1]}" + ("s" if args[0] is str else "")
    if isinstance(kind, types.UnionType):
        return " or ".join(_what(a) for a in args if a is not type(None))
    name = getattr(kind, "__name__", str(kind))
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _got(value: object) -> str:
    return f"got {type(value).__name__} {value!r:.40}"


def _compile(kind: object) -> _Check:
    """A check of a value against the declared type *kind*."""
    what = _what(kind)
    if isinstance(kind, types.UnionType):
        args = typing.get_args(kind)
        inner = [a for a in args if a is not type(None)]
        checks = [_compile(a) for a in inner]
        optional = len(inner) < len(args)

        def check_union(value: object) -> _Outcome:
            if value is None and optional:
                return None
            outcomes = [c(value) for c in checks]
            if any(o is None for o in outcomes):
                return None
            # A value of the right type that fails its text check says so, not "expected a string".
            return next((o for o in outcomes if o is not None and not o[1].startswith("expected")), ("", f"expected {what}, {_got(value)}"))

        return check_union
    if typing.get_origin(kind) is tuple:
        item = _compile(typing.get_args(kind)[0])

        def check_tuple(value: object) -> _Outcome:
            if not isinstance(value, tuple):
                return ("", f"expected {what}, {_got(value)}")
            for i, element in enumerate(value):
                outcome = item(element)
                if outcome is not None:
                    return (f"[{i}]{outcome[0]}", outcome[1])
            return None

        return check_tuple
    if kind is str:

        def check_str(value: object) -> _Outcome:
            if not isinstance(value, str):
                return ("", f"expected a string, {_got(value)}")
            problem = text_problem(value)
            return None if problem is None else ("", problem)

        return check_str
    if kind is int:
        return lambda value: None if isinstance(value, int) and not isinstance(value, bool) else ("", f"expected an integer, {_got(value)}")
    if isinstance(kind, type):
        if issubclass(kind, enum.Enum):
            allowed = ", ".join(m.name for m in kind)
            return lambda value: None if isinstance(value, kind) else ("", f"expected {what} ({allowed}), {_got(value)}")
        return lambda value: None if isinstance(value, kind) else ("", f"expected {what}, {_got(value)}")
    raise AssertionError(f"no check for the field type {kind!r}")  # a model class declared a type this module does not know


#: Each model class's resolved annotations, once per class and not once per field, since resolving compiles every annotation.
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(owner: type) -> dict[str, Any]:
    # The annotations are strings (PEP 563) until the class's module is whole: resolved on first use.
    hints = _HINTS.get(owner)
    if hints is None:
        # Each class's own module resolves its own annotations; two threads at once resolve them twice, alike.
        hints = _HINTS[owner] = typing.get_type_hints(owner)
    return hints


class _FieldCheck:
    """The type check of one field, compiled from the class's annotations on first use, then the field's own validator."""

    __slots__ = ("check", "name", "then")

    def __init__(self, name: str, then: Callable[[Any, attrs.Attribute[Any], Any], Any] | None) -> None:
        self.name = name
        self.then = then
        self.check: _Check | None = None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check = self.check
        if check is None:
            check = self.check = _compile(_hints(type(instance))[self.name])
        outcome = check(value)
        if outcome is not None:
            raise FieldError(self.name + outcome[0], outcome[1], type(instance).__name__)
        if self.then is not None:
            self.then(instance, attribute, value)


#: Marks the classes whose fields :func:`typed_fields` checks (for :func:`check_deeply`).
FIELD_TYPES_CHECKED = "__centralasia_typed__"


def typed_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: each field's value is checked against its declared type first."""
    setattr(cls, FIELD_TYPES_CHECKED, True)
    return [field.evolve(validator=_FieldCheck(field.name, field.validator)) for field in fields]


def _holds_checked(kind: object) -> bool:
    """Whether a field of declared type *kind* may hold values of classes :func:`typed_fields` checks."""
    if isinstance(kind, type):
        return bool(getattr(kind, FIELD_TYPES_CHECKED, False))
    return any(_holds_checked(arg) for arg in typing.get_args(kind) if arg is not Ellipsis)


#: Per class, each field's name, attribute, validator and whether it may hold checked values.
_PLANS: dict[type, tuple[tuple[str, attrs.Attribute[Any], Any, bool], ...]] = {}


def _plan(owner: type) -> tuple[tuple[str, attrs.Attribute[Any], Any, bool], ...]:
    plan = _PLANS.get(owner)
    if plan is None:
        hints = _hints(owner)
        plan = _PLANS[owner] = tuple((a.name, a, a.validator, _holds_checked(hints[a.name])) for a in attrs.fields(owner))
    return plan


def check_deeply(value: object) -> FieldError | None:
    """The first problem of *value* and of every model value inside it, or ``None``.

    Runs every field validator and whole-value check again, as construction
    did: a value changed since (``object.__setattr__``, ``copy.copy``) is
    caught before an analysis trips over it. Paths are relative to *value*.
    """
    owner = type(value)
    plan = _plan(owner)
    try:
        for name, attribute, validator, _ in plan:
            if validator is not None:
                validator(value, attribute, getattr(value, name))
        post_init = getattr(owner, "__attrs_post_init__", None)
        if post_init is not None:
            post_init(value)
    except FieldError as exc:
        return exc
    for name, _, _, nested in plan:
        if not nested:
            continue
        inner = getattr(value, name)
        # The type checks above passed: a tuple of checked values, one, or None.
        for i, item in enumerate(inner) if isinstance(inner, tuple) else ((None, inner),):
            if item is None:
                continue
            found = check_deeply(item)
            if found is not None:
                where = name if i is None else f"{name}[{i}]"
                return FieldError(where + ("" if found.field is None else f".{found.field}"), found.message, found.owner)
    return None


# Set while a Dataset is made of records built from JSON a moment before, which
# their construction checked: checking them again would only double the time.
_JUST_CHECKED: contextvars.ContextVar[bool] = contextvars.ContextVar("centralasia_records_just_checked", default=False)


@contextlib.contextmanager
def checked_just_now() -> Iterator[None]:
    """Within this block, :class:`~centralasia.Dataset` trusts that its records' own checks hold (the package's JSON reader only)."""
    token = _JUST_CHECKED.set(True)
    try:
        yield
    finally:
        _JUST_CHECKED.reset(token)


def rechecking() -> bool:
    """Whether a :class:`~centralasia.Dataset` made now checks its records again (always, outside :func:`checked_just_now`)."""
    return not _JUST_CHECKED.get()
