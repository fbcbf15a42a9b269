"""The actor walks behind :mod:`centralasia.actors`: groupings expanded to their members (``expand``), the Central Asian states."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeGuard

from centralasia.errors import ArgumentError, UnknownIdError
from centralasia.model import ActorId, Dataset, Organization, OrganizationKind, Record, Region, State

__all__ = ["CENTRAL_ASIA_GROUPING", "DEFAULT_POWERS", "central_asian_states", "expand", "is_grouping"]

#: The outside powers the article weighs against each other, compared unless told otherwise.
DEFAULT_POWERS: tuple[ActorId, ...] = ("RUS", "CHN")

#: The grouping whose members are the Central Asian states when no state has a region.
CENTRAL_ASIA_GROUPING = "central-asia"


def is_grouping(record: Record | None) -> TypeGuard[Organization]:
    """Whether *record* is a state grouping ("Central Asia", "the West"): a name for its members, not a node.

    Examples
    --------
    >>> import centralasia as ca
    >>> is_grouping(ca.load()["central-asia"]), is_grouping(ca.load()["KAZ"])
    (True, False)
    """
    return isinstance(record, Organization) and record.kind is OrganizationKind.STATE_GROUPING


def expand(ds: Dataset, ids: Iterable[ActorId]) -> tuple[ActorId, ...]:
    """The actor ids *ids* with every state grouping replaced by its members, in order, once each.

    Raises :class:`~centralasia.UnknownIdError` for an id that names no actor,
    and :class:`~centralasia.ArgumentError` if *ids* is a single string or no
    sequence. Groupings nested however deep are walked without recursion.

    Examples
    --------
    >>> import centralasia as ca
    >>> expand(ca.load(), ["central-asia", "KAZ", "RUS"])
    ('KAZ', 'KGZ', 'TJK', 'UZB', 'TKM', 'RUS')
    """
    _check_dataset(ds)
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Iterable):
        raise ArgumentError("ids", f"expected a sequence of actor ids, got {type(ids).__name__} {ids!r:.40}")
    out: dict[str, None] = {}
    seen: set[str] = set()
    # A stack of member lists, walked depth first: the order a recursive walk would give.
    stack: list[Iterator[ActorId]] = [iter(ids)]
    while stack:
        for actor in stack[-1]:
            record = ds.get(actor)
            if not isinstance(record, (State, Organization)):
                raise UnknownIdError(str(actor), "actor")
            if not is_grouping(record):
                out.setdefault(actor, None)
            elif actor not in seen:
                seen.add(actor)
                stack.append(iter(record.member_ids()))
                break
        else:
            stack.pop()
    return tuple(out)


def _check_dataset(ds: object) -> None:
    if not isinstance(ds, Dataset):
        raise ArgumentError("ds", f"expected a Dataset, got {type(ds).__name__} {ds!r:.40}")


def central_asian_states(ds: Dataset) -> tuple[ActorId, ...]:
    """The ids of the Central Asian states, in dataset order.

    These are the states whose ``region`` is Central Asia; where no state has
    that region (``Dataset.article_only()`` drops the background regions),
    the members of the state grouping :data:`CENTRAL_ASIA_GROUPING`.

    Examples
    --------
    >>> import centralasia as ca
    >>> central_asian_states(ca.load())
    ('KAZ', 'KGZ', 'TJK', 'TKM', 'UZB')
    >>> article = ca.load().article_only()  # background regions dropped: the grouping's members
    >>> [s.region for s in article.states if s.id == "KAZ"], set(central_asian_states(article)) <= set(central_asian_states(ca.load()))
    ([None], True)
    """
    _check_dataset(ds)
    found = tuple(s.id for s in ds.states if s.region is Region.CENTRAL_ASIA)
    if found or not is_grouping(ds.get(CENTRAL_ASIA_GROUPING)):
        return found
    members = frozenset(expand(ds, (CENTRAL_ASIA_GROUPING,)))
    return tuple(s.id for s in ds.states if s.id in members)
