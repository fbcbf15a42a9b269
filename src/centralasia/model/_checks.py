"""Validators and converters that the record classes share.

The validators are attrs validators: each raises a
:class:`~centralasia.errors.FieldError` naming the field and the record class.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sized
from typing import TypeVar

import attrs

from centralasia.errors import FieldError

__all__ = ["nonempty", "pattern", "positive", "tuple_of_str"]

_Sized = TypeVar("_Sized", bound=Sized)
_S = TypeVar("_S", bound=str | None)


def nonempty(instance: object, attribute: attrs.Attribute[_Sized], value: _Sized) -> None:
    """Reject an empty string or collection."""
    if not value:
        raise FieldError(attribute.name, f"{attribute.name} must not be empty", type(instance).__name__)


def pattern(regex: str, what: str) -> Callable[[object, attrs.Attribute[_S], _S], None]:
    """A validator that a string, where given, matches *regex*; *what* names the form in the error."""
    compiled = re.compile(regex)

    def check(instance: object, attribute: attrs.Attribute[_S], value: _S) -> None:
        if value is not None and not compiled.fullmatch(value):
            raise FieldError(attribute.name, f"{attribute.name} must be {what}, not {value!r:.40}", type(instance).__name__)

    return check


def positive(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    """Reject a number below 1 (``None`` passes)."""
    if value is not None and value < 1:
        raise FieldError(attribute.name, f"{attribute.name} must be at least 1, not {value}", type(instance).__name__)


def tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    """Convert a sequence of ids to a tuple; refuse a lone string."""
    if isinstance(value, str):
        # A lone string would silently become a tuple of letters.
        raise TypeError("expected a sequence of ids, got a single string")
    return tuple(value)
