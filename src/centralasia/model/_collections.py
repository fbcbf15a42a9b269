"""The dataset's collections: one typed converter per record kind, and the read-only view of its ids."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import TypeVar

from centralasia.model._records import Agreement, ArmsTransfer, Claim, Event, Organization, Person, Role, Scenario, State, Statement

__all__ = [
    "IdsView",
    "NotRecords",
    "agreements",
    "arms_transfers",
    "claims",
    "events",
    "organizations",
    "people",
    "records_of",
    "roles",
    "scenarios",
    "states",
    "statements",
]

_T = TypeVar("_T")
_S = TypeVar("_S")


class IdsView(AbstractSet[str]):
    """The ids of a dataset, set-like and read-only; calling it (``ds.ids()``, the 0.1 method) is deprecated."""

    __slots__ = ("_index",)

    def __init__(self, index: Mapping[str, object]) -> None:
        self._index = index

    @classmethod
    def _from_iterable(cls, ids: Iterable[_S]) -> AbstractSet[_S]:
        # ``ds.ids & other`` and the other set operations give a plain frozenset.
        return frozenset(ids)

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._index
        except TypeError:  # an unhashable key names no record
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        shown = ", ".join(repr(i)[:40] for i in list(self._index)[:5])
        return f"ids({shown}{', ...' if len(self._index) > 5 else ''}; {len(self._index)} in all)"

    def __call__(self) -> Iterator[str]:
        warnings.warn("dataset.ids() is deprecated: dataset.ids is a set-like view of the ids now (removed in 0.3)", DeprecationWarning, stacklevel=2)
        return iter(self)


class NotRecords(tuple[object, ...]):
    """A collection given as something other than a sequence; holds it for the report."""


def records_of(value: Iterable[_T]) -> tuple[_T, ...]:
    """Convert a dataset collection to a tuple; :class:`Dataset` reports what is not a sequence."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return NotRecords((value,))  # type: ignore[return-value]  # reported by Dataset, with its path
    return tuple(value)


# One typed converter per collection: type checkers read a collection's parameter type
# from its converter's, so ``Dataset(states=[an_agreement])`` is a type error.
def states(value: Iterable[State]) -> tuple[State, ...]:
    return records_of(value)


def organizations(value: Iterable[Organization]) -> tuple[Organization, ...]:
    return records_of(value)


def people(value: Iterable[Person]) -> tuple[Person, ...]:
    return records_of(value)


def agreements(value: Iterable[Agreement]) -> tuple[Agreement, ...]:
    return records_of(value)


def arms_transfers(value: Iterable[ArmsTransfer]) -> tuple[ArmsTransfer, ...]:
    return records_of(value)


def events(value: Iterable[Event]) -> tuple[Event, ...]:
    return records_of(value)


def statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return records_of(value)


def roles(value: Iterable[Role]) -> tuple[Role, ...]:
    return records_of(value)


def scenarios(value: Iterable[Scenario]) -> tuple[Scenario, ...]:
    return records_of(value)


def claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return records_of(value)
