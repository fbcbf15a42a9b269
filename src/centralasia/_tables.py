"""Read-only tables and the checks that turn user values into enum members and numbers."""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable
from typing import TypeVar

from centralasia.errors import ArgumentError, FieldError
from centralasia.model import Domain

__all__ = ["Table", "coerce_domain", "member", "number"]

_E = TypeVar("_E", bound=enum.Enum)
_K = TypeVar("_K")
_V = TypeVar("_V")


class Table(dict[_K, _V]):
    """A read-only, hashable dict (so that the frozen classes holding one stay hashable and lookups stay fast)."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError(f"{type(self).__name__} is read-only; make a new table instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[type[Table[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (dict(self),))

    def __repr__(self) -> str:
        def plain(value: object) -> object:
            return value.value if isinstance(value, enum.Enum) else value

        return repr({plain(k): plain(v) for k, v in self.items()})


def member(kind: type[_E], value: _E | str, field: str, allowed: Iterable[_E] | None = None, owner: str = "Weights") -> _E:
    """*value* as a member of the enum *kind* (among *allowed*), or a :class:`FieldError` naming the choices."""
    members = tuple(kind) if allowed is None else tuple(allowed)
    try:
        found = value if isinstance(value, kind) else kind(value)
    except ValueError:
        found = None
    if found is None or found not in members:
        choices = ", ".join(repr(m.value) for m in members)
        raise FieldError(field, f"unknown {kind.__name__} {value!r:.40}; expected one of {choices}", owner)
    return found


def number(value: object, field: str, owner: str = "Weights") -> float:
    """*value* as a finite float >= 0, or a :class:`FieldError` at ``$.<field>`` (a bool is not a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(field, f"{field} must be a number, not {type(value).__name__}", owner)
    result = float(value)
    if not math.isfinite(result) or result < 0:
        raise FieldError(field, f"{field} must be a finite number >= 0, not {value!r}", owner)
    return result


def coerce_domain(value: Domain | str, field: str = "domain", owner: str | None = None) -> Domain:
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
    if isinstance(value, Domain):
        return value
    try:
        return Domain(value)
    except ValueError:
        choices = ", ".join(repr(d.value) for d in Domain)
        message = f"unknown domain {value!r:.40}; expected one of {choices}"
        raise (ArgumentError(field, message) if owner is None else FieldError(field, message, owner)) from None
