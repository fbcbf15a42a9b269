"""The one aggregator: weights summed by key, with how many relations and which layers made each sum."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

__all__ = ["Sum", "sum_by"]

_K = TypeVar("_K", bound=Hashable)


class Sum:
    """The running total of one key: ``total`` weight, ``count`` relations, the ``layers`` they came from."""

    __slots__ = ("count", "layers", "total")

    def __init__(self, weight: float, layer: str) -> None:
        self.total = 0.0 + weight
        self.count = 1
        self.layers = {layer}

    def __repr__(self) -> str:
        return f"Sum(total={self.total!r}, count={self.count}, layers={sorted(self.layers)})"


def sum_by(items: Iterable[tuple[_K, float, str]]) -> dict[_K, Sum]:
    """Sum ``(key, weight, layer)`` items per key, keys in first-seen order.

    Sums are taken in the order the items come, so that a multigraph's
    parallel edges (kept in insertion order) and the relation stream they
    were made from give the same floating-point totals.

    Examples
    --------
    >>> sums = sum_by([(("RUS", "KAZ"), 2.0, "role"), (("CHN", "KAZ"), 1.5, "visit"), (("RUS", "KAZ"), 0.5, "visit")])
    >>> sums[("RUS", "KAZ")]
    Sum(total=2.5, count=2, layers=['role', 'visit'])
    >>> list(sums)
    [('RUS', 'KAZ'), ('CHN', 'KAZ')]
    """
    sums: dict[_K, Sum] = {}
    for key, weight, layer in items:
        entry = sums.get(key)
        if entry is None:
            sums[key] = Sum(weight, layer)
        else:
            entry.total += weight
            entry.count += 1
            entry.layers.add(layer)
    return sums
