"""What the dataset's queries read of a record: the actors taking part in it, and the date it bears."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Literal

from centralasia.errors import ArgumentError, FieldError, UnknownIdError
from centralasia.model._dates import DateLike, PartialDate
from centralasia.model._records import (
    Agreement,
    ArmsTransfer,
    Claim,
    Event,
    Organization,
    Person,
    Record,
    Role,
    Scenario,
    State,
    Statement,
)
from centralasia.model._vocab import OrganizationKind

__all__ = ["DatedBy", "Match", "bounds", "covering", "date_of", "in_bounds", "participants"]

#: Where a record's date comes from (its ``date``, an arms transfer's ``year``,
#: a statement's occasion for an undated statement made at a dated event, a role's ``since``).
DatedBy = Literal["date", "year", "occasion", "since"]

#: How a date known to the month or year meets a range; it ``"overlaps"`` the
#: range when some day it can mean is in it, it lies ``"within"`` when every day is.
Match = Literal["overlaps", "within"]

_MATCHES: tuple[Match, ...] = ("overlaps", "within")


def participants(record: Record, lookup: Callable[[str], Record | None]) -> Iterator[str]:
    """The ids of the actors taking part in *record*, as it names them (groupings not expanded), each once.

    A state or organisation takes part in itself; an organisation's members,
    a person's state and affiliations, an agreement's parties and what it
    establishes, an arms transfer's supplier and recipient, an event's actors,
    targets, host and organisation, a statement's principals, what it is about
    and its speakers' states, a role's actor and those it is over, a claim's
    actors and what it is about, a scenario's condition and effect actors take
    part. Places do not: an event in a state does not involve it unless the
    event names it. *lookup* finds a statement's speakers.
    """
    named: dict[str, None] = {}

    def add(ids: Iterable[str | None]) -> None:
        for i in ids:
            if i is not None:
                named.setdefault(i, None)

    if isinstance(record, (State, Organization)):
        add([record.id])
    if isinstance(record, Organization):
        add(m.member for m in record.members)
    elif isinstance(record, Person):
        add([record.state, *record.affiliations])
    elif isinstance(record, Agreement):
        add([*record.parties, record.establishes])
    elif isinstance(record, ArmsTransfer):
        add([record.supplier, record.recipient])
    elif isinstance(record, Event):
        add([*record.actors, *record.targets, record.host, record.organization])
    elif isinstance(record, Statement):
        speakers = (lookup(s) for s in record.speakers)
        add([*record.on_behalf_of, *record.about, *(p.state for p in speakers if isinstance(p, Person))])
    elif isinstance(record, Role):
        add([record.actor, *record.over])
    elif isinstance(record, Claim):
        add([*record.actors, *record.about])
    elif isinstance(record, Scenario):
        add(a for c in record.conditions for a in c.actors)
        add(a for e in record.effects for a in (e.actor, *e.over))
    return iter(named)


def covering(actors: Iterable[object], index: Mapping[str, Record]) -> frozenset[str]:
    """The ids whose naming involves one of *actors*: the actors, the members of those that are groupings, and every grouping holding one of them.

    Groupings ("Central Asia") are names for their members, as in
    :func:`centralasia.actors.expand`: naming one names each member, however
    deep; other organisations are actors of their own. Raises
    :class:`~centralasia.ArgumentError` for no actor or one that is not a
    string, :class:`~centralasia.UnknownIdError` for one naming no state or
    organisation of the dataset.
    """
    wanted = list(actors)
    if not wanted:
        raise ArgumentError("actors", "name at least one actor, such as 'KAZ'")
    groupings = {r.id: r for r in index.values() if isinstance(r, Organization) and r.kind is OrganizationKind.STATE_GROUPING}
    covered: set[str] = set()
    stack: list[str] = []
    for i, actor in enumerate(wanted):
        if not isinstance(actor, str):
            raise ArgumentError(f"actors[{i}]", f"an actor is a state or organisation id such as 'KAZ', not {type(actor).__name__} {actor!r:.40}")
        if not isinstance(index.get(actor), (State, Organization)):
            raise UnknownIdError(actor, "actor")
        stack.append(actor)
    while stack:  # the actors and, through groupings, their members
        actor = stack.pop()
        if actor not in covered:
            covered.add(actor)
            group = groupings.get(actor)
            if group is not None:
                stack.extend(m.member for m in group.members)
    grown = True
    while grown:  # and the groupings that hold any of them
        grown = False
        for group in groupings.values():
            if group.id not in covered and any(m.member in covered for m in group.members):
                covered.add(group.id)
                grown = True
    return frozenset(covered)


def date_of(record: Record, lookup: Callable[[str], Record | None]) -> tuple[PartialDate, DatedBy] | None:
    """The date *record* bears and where it comes from, or ``None`` for an undated record.

    Agreements and events are dated by their ``date``, arms transfers by their
    ``year``, statements by their ``date`` or else their occasion's (found
    with *lookup*), roles by their ``since`` (when the role began). States,
    organisations, people, claims and scenarios bear no date.
    """
    if isinstance(record, (Agreement, Event)):
        return None if record.date is None else (record.date, "date")
    if isinstance(record, ArmsTransfer):
        return None if record.year is None else (PartialDate(record.year), "year")
    if isinstance(record, Statement):
        if record.date is not None:
            return record.date, "date"
        occasion = lookup(record.occasion) if record.occasion is not None else None
        return (occasion.date, "occasion") if isinstance(occasion, Event) and occasion.date is not None else None
    if isinstance(record, Role):
        return None if record.since is None else (record.since, "since")
    return None


def _bound(value: DateLike | None, field: str) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.coerce(value)
    except FieldError as exc:
        raise ArgumentError(field, f"bad {field} {value!r:.40}: {exc.message}") from None
    except (TypeError, AttributeError, ValueError, OverflowError):
        raise ArgumentError(field, f"{field} is a date, an ISO date string or a PartialDate, not {type(value).__name__}") from None


def bounds(start: DateLike | None, end: DateLike | None, match: object) -> tuple[_dt.date, _dt.date, Match]:
    """The first and last day of the range from *start* to *end* (each inclusive, either open), and the match checked."""
    first, last = _bound(start, "start"), _bound(end, "end")
    if match not in _MATCHES:
        raise ArgumentError("match", f"match is 'overlaps' or 'within', not {match!r:.40}")
    lo = _dt.date.min if first is None else first.earliest
    hi = _dt.date.max if last is None else last.latest
    if lo > hi:
        raise ArgumentError("end", f"the range ends ({last}) before it starts ({first})")
    return lo, hi, "within" if match == "within" else "overlaps"


def in_bounds(date: PartialDate, lo: _dt.date, hi: _dt.date, match: Match) -> bool:
    """Whether *date* meets the days *lo* to *hi* as *match* says."""
    if match == "within":
        return lo <= date.earliest and date.latest <= hi
    return date.earliest <= hi and date.latest >= lo
