"""Read-only tables and the checks that turn user values into enum members, numbers, ids and datasets."""

from __future__ import annotations

import enum
import math
import numbers
import unicodedata
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from types import MappingProxyType
from typing import Literal, NoReturn, TypeVar, overload

from centralasia._text import shown
from centralasia.errors import ArgumentError, FieldError
from centralasia.model import Dataset, Domain

__all__ = ["MAX_FACTOR", "Table", "TableName", "coerce_domain", "dataset", "flag", "id_key", "lookup", "member", "number", "plain_text"]

#: A table name :func:`~centralasia.export.to_frame` and the other table writers take; a
#: collection of :class:`~centralasia.model.Dataset`, or one of four of the records' parts.
TableName = Literal[
    "states",
    "organizations",
    "people",
    "agreements",
    "arms_transfers",
    "events",
    "statements",
    "roles",
    "scenarios",
    "claims",
    "memberships",
    "conditions",
    "effects",
    "evidence",
]

_E = TypeVar("_E", bound=enum.Enum)
_K = TypeVar("_K")
_V = TypeVar("_V")
_D = TypeVar("_D")

#: The largest weight, factor or magnitude a table takes, far beyond any reading of the article, and far
#: below where products and sums of them over any number of records could overflow (or a share become NaN).
MAX_FACTOR = 1e6


class Table(Mapping[_K, _V]):
    """A read-only, hashable mapping (so that the frozen classes holding one stay hashable and cannot be changed).

    It is no :class:`dict`: ``dict.__init__``, ``dict.__setitem__`` and the like
    cannot reach its entries, which live in a read-only view of a private dict.
    It compares equal to any mapping with the same items, pickles and copies
    as itself, and prints like a dict of plain values.

    Examples
    --------
    >>> t = Table({"a": 1})
    >>> t["a"], t == {"a": 1}, dict(t)
    (1, True, {'a': 1})
    >>> t["b"] = 2
    Traceback (most recent call last):
    ...
    TypeError: Table is read-only; make a new table instead
    """

    __slots__ = ("_hash", "_items")
    _items: Mapping[_K, _V]
    _hash: int | None

    def __new__(cls, items: Mapping[_K, _V] | Iterable[tuple[_K, _V]] = ()) -> Table[_K, _V]:
        # Set once, here: __init__ (which a caller may call again) has nothing to set.
        self = super().__new__(cls)
        object.__setattr__(self, "_items", MappingProxyType(dict(items)))
        object.__setattr__(self, "_hash", None)
        return self

    def __getitem__(self, key: _K) -> _V:
        return self._items[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._items
        except TypeError:  # an unhashable key names no entry
            return False

    @overload
    def get(self, key: _K, /) -> _V | None: ...
    @overload
    def get(self, key: _K, default: _V | _D, /) -> _V | _D: ...
    def get(self, key: _K, default: object = None, /) -> object:
        try:
            return self._items.get(key, default)
        except TypeError:  # an unhashable key names no entry
            return default

    # The views of the private dict itself: the aggregations iterate tables often.
    def keys(self) -> KeysView[_K]:
        return self._items.keys()

    def values(self) -> ValuesView[_V]:
        return self._items.values()

    def items(self) -> ItemsView[_K, _V]:
        return self._items.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        found = self._hash
        if found is None:
            found = hash(frozenset(self._items.items()))
            object.__setattr__(self, "_hash", found)
        return found

    def __or__(self, other: Mapping[_K, _V]) -> dict[_K, _V]:
        """A new plain dict of both (as ``dict | dict`` gives): the table itself is left as it is."""
        if not isinstance(other, Mapping):
            return NotImplemented
        return {**self._items, **other}

    def __ror__(self, other: Mapping[_K, _V]) -> dict[_K, _V]:
        if not isinstance(other, Mapping):
            return NotImplemented
        return {**other, **self._items}

    def copy(self) -> dict[_K, _V]:
        """A plain, changeable dict of the entries."""
        return dict(self._items)

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is read-only; make a new table instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse

    def __setattr__(self, name: str, value: object) -> NoReturn:
        self._refuse()

    def __delattr__(self, name: str) -> NoReturn:
        self._refuse()

    def __reduce__(self) -> tuple[type[Table[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (dict(self._items),))

    def __repr__(self) -> str:
        def plain(value: object) -> object:
            return value.value if isinstance(value, enum.Enum) else value

        return repr({plain(k): plain(v) for k, v in self._items.items()})


def lookup(kind: type[_E], value: object) -> _E | None:
    """The member of the enum *kind* that *value* is or names, or ``None``: never an error of the enum's own.

    (The enum's own :class:`ValueError` quotes the value's repr, which a hostile value may make raise anything.)
    """
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        return None  # the vocabularies' values are strings
    try:
        return kind(value)
    except ValueError:
        return None


def member(kind: type[_E], value: object, field: str, allowed: Iterable[_E] | None = None, owner: str | None = "Weights") -> _E:
    """*value* as a member of the enum *kind* (among *allowed*), or an error naming the choices.

    A :class:`FieldError` of the table *owner*, or an :class:`ArgumentError` when *owner* is ``None``.
    """
    members = tuple(kind) if allowed is None else tuple(allowed)
    found = lookup(kind, value)
    if found is None or found not in members:
        choices = ", ".join(repr(m.value) for m in members)
        message = f"unknown {kind.__name__} {shown(value)}; expected one of {choices}"
        raise ArgumentError(field, message) if owner is None else FieldError(field, message, owner)
    return found


def number(value: object, field: str, owner: str | None = "Weights", upper: float = MAX_FACTOR) -> float:
    """*value* as a float from 0 to *upper* (:data:`MAX_FACTOR`), or a :class:`FieldError` at ``$.<field>`` (an :class:`ArgumentError` when *owner* is ``None``).

    A bool is not a number, and no number is too large to be refused with its
    path (``10**400`` included).

    Examples
    --------
    >>> number(2, "layers['role']")
    2.0
    >>> number(10**400, "layers['role']")
    Traceback (most recent call last):
    ...
    centralasia.errors.FieldError: invalid Weights: 1 problem
      - layers['role'] must be a finite number >= 0 and <= 1e+06, not 1000000000000000000000000000000000000000… @ $.layers['role']
    """

    def refuse(message: str) -> NoReturn:
        raise ArgumentError(field, message) if owner is None else FieldError(field, message, owner)

    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        refuse(f"{field} must be a number, not {type(value).__name__}")
    try:
        result = float(value)
    except (OverflowError, ValueError, TypeError):
        result = math.inf
    if not (math.isfinite(result) and 0 <= result <= upper):
        bound = "" if upper == math.inf else f" and <= {upper:g}"
        refuse(f"{field} must be a finite number >= 0{bound}, not {shown(value)}")
    return result


def flag(value: object, field: str) -> bool:
    """*value* if it is ``True`` or ``False``; an :class:`ArgumentError` at ``$.<field>`` otherwise (``"no"`` is not false)."""
    if not isinstance(value, bool):
        raise ArgumentError(field, f"{field} must be True or False, not {shown(value)}")
    return value


def plain_text(value: object, field: str, owner: str | None = None) -> str:
    """*value* if it is a non-empty string of printable text; an :class:`ArgumentError` (or the *owner*'s :class:`FieldError`) otherwise."""
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        message = f"{field} must be non-empty printable text, not {shown(value)}"
        raise ArgumentError(field, message) if owner is None else FieldError(field, message, owner)
    return value


def id_key(value: object, field: str, what: str, owner: str | None = None) -> str:
    """*value* if it can be an id: a non-empty string without whitespace, control or format characters, NFC-normalised.

    Raises an :class:`ArgumentError` (or the *owner*'s :class:`FieldError`) at
    ``$.<field>`` saying that its keys are *what* (``"record ids"``).
    """
    if isinstance(value, str) and value.isprintable() and unicodedata.is_normalized("NFC", value) and value and not any(c.isspace() for c in value):
        return value
    message = f"{field} keys are {what}, not {shown(value)}"
    raise ArgumentError(field, message) if owner is None else FieldError(field, message, owner)


def dataset(value: object, field: str = "ds") -> Dataset:
    """*value* if it is a :class:`~centralasia.Dataset`; an :class:`ArgumentError` at ``$.<field>`` otherwise."""
    if not isinstance(value, Dataset):
        raise ArgumentError(field, f"{field} must be a Dataset (centralasia.load() gives one), not {type(value).__name__}")
    return value


def coerce_domain(value: object, field: str = "domain", owner: str | None = None) -> Domain:
    """A :class:`~centralasia.Domain` from itself or its string value.

    Raises :class:`~centralasia.ArgumentError` for anything else (a
    :class:`~centralasia.FieldError` when *owner* names the table the value
    belongs to), naming the valid values.

    Examples
    --------
    >>> coerce_domain("security")
    <Domain.SECURITY: 'security'>
    >>> coerce_domain("military")
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - unknown domain 'military'; expected one of 'security', 'economic', 'diplomatic' @ $.domain
    """
    found = lookup(Domain, value)
    if found is None:
        choices = ", ".join(repr(d.value) for d in Domain)
        message = f"unknown domain {shown(value)}; expected one of {choices}"
        raise ArgumentError(field, message) if owner is None else FieldError(field, message, owner)
    return found
