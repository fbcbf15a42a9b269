"""The actors of a dataset: state groupings expanded to their members, and the Central Asian states."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeGuard

from centralasia.errors import UnknownIdError
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

    Raises :class:`~centralasia.UnknownIdError` for an id that names no actor.

    Examples
    --------
    >>> import centralasia as ca
    >>> expand(ca.load(), ["central-asia", "KAZ", "RUS"])
    ('KAZ', 'KGZ', 'TJK', 'UZB', 'TKM', 'RUS')
    """
    out: dict[str, None] = {}
    seen: set[str] = set()

    def visit(actor: str) -> None:
        record = ds.get(actor)
        if not isinstance(record, (State, Organization)):
            raise UnknownIdError(str(actor), "actor")
        if is_grouping(record):
            if actor in seen:
                return
            seen.add(actor)
            for member in record.member_ids():
                visit(member)
        else:
            out.setdefault(actor, None)

    for actor in ids:
        visit(actor)
    return tuple(out)


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
    found = tuple(s.id for s in ds.states if s.region is Region.CENTRAL_ASIA)
    if found or not is_grouping(ds.get(CENTRAL_ASIA_GROUPING)):
        return found
    members = frozenset(expand(ds, (CENTRAL_ASIA_GROUPING,)))
    return tuple(s.id for s in ds.states if s.id in members)
