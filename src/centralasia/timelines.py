"""The timeline of a dataset: its dated records in date order, with their precision and certainty."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, TypedDict

import attrs

from centralasia import _frames, _panels
from centralasia.errors import ArgumentError
from centralasia.model import Agreement, ArmsTransfer, Certainty, Dataset, Event, PartialDate, Precision, Role, Statement
from centralasia.model._selection import DatedBy, date_of, participants

if TYPE_CHECKING:
    import pandas

__all__ = ["COLUMNS", "DateFrom", "DatedBy", "DatedKind", "Timeline", "TimelineEntry", "TimelineRow", "timeline"]

#: Who gives a record's date, the article itself or only a background source.
DateFrom = Literal["article", "background"]

#: The kinds of record that bear a date, by their collection's singular name.
DatedKind = Literal["agreement", "arms_transfer", "event", "statement", "role"]

_KINDS: tuple[tuple[type, DatedKind], ...] = (
    (Agreement, "agreement"),
    (ArmsTransfer, "arms_transfer"),
    (Event, "event"),
    (Statement, "statement"),
    (Role, "role"),
)


class TimelineRow(TypedDict):
    """One row of :meth:`Timeline.rows`: plain values, dates as ISO strings and :class:`datetime.date`."""

    id: str
    kind: DatedKind
    date: str
    precision: str
    earliest: _dt.date
    latest: _dt.date
    dated_by: DatedBy
    date_from: DateFrom
    date_sources: tuple[str, ...]
    certainty: str
    actors: tuple[str, ...]
    paragraphs: tuple[int, ...]
    label: str


#: The columns of :meth:`Timeline.rows` and :meth:`Timeline.to_frame`, in order.
COLUMNS: tuple[str, ...] = tuple(TimelineRow.__annotations__)
# Each column's dtype in the frame. Dates in seconds, not pandas' default nanoseconds,
# which end in 2262 and begin in 1677; a record's year may be 1 to 9999.
_DTYPES = {"earliest": "datetime64[s]", "latest": "datetime64[s]", "date_sources": "object", "actors": "object", "paragraphs": "object"}
_FRAME_COLUMNS = [(name, _DTYPES.get(name, "string")) for name in COLUMNS]


@attrs.frozen(repr=False)
class TimelineEntry:
    """One dated record on a timeline.

    Attributes
    ----------
    id : str
        The record's id.
    kind : DatedKind
        ``"agreement"``, ``"arms_transfer"``, ``"event"``, ``"statement"`` or ``"role"``.
    date : PartialDate
        Its date, to the precision its source gives: the article's, or a
        background source's where :attr:`date_sources` names one.
    dated_by : DatedBy
        Where the date comes from: the record's ``date``, an arms transfer's
        ``year``, a statement's ``occasion`` (the event it was made at), or a
        role's ``since`` (when it began).
    certainty : Certainty
        How sure the article is of it.
    actors : tuple of str
        The actors taking part, as the record names them (see :meth:`Dataset.involving <centralasia.Dataset.involving>`).
    paragraphs : tuple of int
        The body paragraphs of its article evidence (none for background only).
    label : str
        Its title, designation or summary.
    date_sources : tuple of str
        The background sources that give the date, where the article does not
        (its text says "recent" or nothing); empty when the article gives it.
        ``ds.article_only()`` drops these dates.
    """

    id: str
    kind: DatedKind
    date: PartialDate
    dated_by: DatedBy
    certainty: Certainty
    actors: tuple[str, ...]
    paragraphs: tuple[int, ...]
    label: str
    date_sources: tuple[str, ...] = ()

    @property
    def date_from(self) -> DateFrom:
        """``"article"`` when the article gives the date, ``"background"`` when only a background source does."""
        return "background" if self.date_sources else "article"

    def __repr__(self) -> str:
        """One short line: date, kind, id and certainty."""
        return _panels.timeline_entry_repr(self)

    @property
    def precision(self) -> Precision:
        """Whether the date is known to the day, month or year."""
        return self.date.precision

    @property
    def earliest(self) -> _dt.date:
        """The first day the date can mean."""
        return self.date.earliest

    @property
    def latest(self) -> _dt.date:
        """The last day the date can mean."""
        return self.date.latest


@attrs.frozen(repr=False)
class Timeline:
    """The dated records of a dataset, by their first possible day, then their last, then id.

    Attributes
    ----------
    entries : tuple of TimelineEntry
        One per dated record.
    undated : tuple of str
        The ids of the agreements, arms transfers, events, statements and roles without a date, in dataset order.

    Examples
    --------
    >>> import centralasia as ca
    >>> line = timeline(ca.load())
    >>> first = line.entries[0]
    >>> first.id, str(first.date), first.precision.value, first.certainty.value, first.dated_by
    ('at-chn-tkm-hq9-2015', '2015', 'year', 'reported', 'year')
    >>> len(line), line.undated[:2]
    (19, ('agr-rus-chn-stable-central-asia', 'agr-rus-chn-division-of-labour'))
    """

    entries: tuple[TimelineEntry, ...]
    undated: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        """One short line: how many records are dated, from when to when, and how many are not."""
        return _panels.timeline_repr(self)

    def _repr_html_(self) -> str:
        """The entries as an escaped HTML table (Jupyter shows it for a cell ending in a timeline)."""
        return _panels.timeline_html(self)

    def __iter__(self) -> Iterator[TimelineEntry]:
        return iter(self.entries)

    def rows(self) -> list[TimelineRow]:
        """One plain row per entry (the columns :data:`COLUMNS`), for tables and CSV.

        Examples
        --------
        >>> import centralasia as ca
        >>> row = timeline(ca.load()).rows()[-1]
        >>> row["id"], row["date"], row["precision"], row["earliest"], row["paragraphs"]
        ('st-xi-putin-brics-2016', '2016-10', 'month', datetime.date(2016, 10, 1), (2,))
        """
        return [
            TimelineRow(
                id=e.id,
                kind=e.kind,
                date=str(e.date),
                precision=e.precision.value,
                earliest=e.earliest,
                latest=e.latest,
                dated_by=e.dated_by,
                date_from=e.date_from,
                date_sources=e.date_sources,
                certainty=e.certainty.value,
                actors=e.actors,
                paragraphs=e.paragraphs,
                label=e.label,
            )
            for e in self.entries
        ]

    def to_frame(self) -> pandas.DataFrame:
        """The rows as a :class:`pandas.DataFrame` indexed by ``id`` (needs the ``pandas`` extra).

        ``earliest`` and ``latest`` are pandas timestamps to the second (so
        that every year a date can have, 1 to 9999, fits), and the frame sorts
        and filters by date; ``date`` keeps the article's precision.

        Raises
        ------
        MissingDependencyError
            If pandas is not installed.

        Examples
        --------
        >>> import centralasia as ca
        >>> frame = timeline(ca.load()).to_frame()
        >>> frame.loc["evt-aktobe-attacks-2016", ["date", "precision", "certainty"]].tolist()
        ['2016-06-05', 'day', 'stated']
        >>> str(frame["earliest"].dtype)
        'datetime64[s]'
        """
        rows = [tuple(row.values()) for row in self.rows()]
        return _frames.frame(_FRAME_COLUMNS, rows, "Timeline.to_frame").set_index("id")


_Dated = Agreement | ArmsTransfer | Event | Statement | Role


def _kind(record: _Dated) -> DatedKind:
    return next(name for cls, name in _KINDS if isinstance(record, cls))


def _label(record: _Dated) -> str:
    if isinstance(record, (Agreement, Event)):
        return record.title
    if isinstance(record, ArmsTransfer):
        return f"{record.designation} ({record.supplier} \u2192 {record.recipient})"
    return record.summary


def _date_sources(record: _Dated, dated_by: DatedBy, ds: Dataset) -> tuple[str, ...]:
    """The background sources naming the field the date comes from (the occasion's ``date`` for a statement dated by it)."""
    owner: object = ds.get(record.occasion) if isinstance(record, Statement) and dated_by == "occasion" and record.occasion is not None else record
    field = "date" if dated_by == "occasion" else dated_by
    evidence = owner.evidence if isinstance(owner, (Agreement, ArmsTransfer, Event, Statement, Role)) else ()
    return tuple(dict.fromkeys(e.source for e in evidence if e.is_background and field in e.fields))


def timeline(ds: Dataset) -> Timeline:
    """The timeline of *ds*: each dated record with its date, precision, certainty, actors and paragraphs.

    Records are dated as :meth:`Dataset.between <centralasia.Dataset.between>`
    dates them. Compose with the queries: ``timeline(ds.involving("KAZ"))``.
    A date the article does not give (it says "recent", or nothing) but a
    background source does is kept and marked: ``date_from`` is
    ``"background"`` and ``date_sources`` names the source;
    ``timeline(ds.article_only())`` has the article's dates alone.

    Raises
    ------
    ArgumentError
        If *ds* is not a :class:`~centralasia.Dataset`.

    Examples
    --------
    >>> import centralasia as ca
    >>> [(e.id, str(e.date)) for e in timeline(ca.load().between("2016-08", "2016-08"))]
    [('agr-qccm-2016', '2016-08-03'), ('evt-urumqi-exercises', '2016-08-03'), ('evt-bishkek-embassy-attack-2016', '2016-08-30')]
    >>> [e.date_from for e in timeline(ca.load().between("2016-08", "2016-08"))]
    ['background', 'background', 'background']
    >>> [(e.id, str(e.date)) for e in timeline(ca.load().article_only().between("2016-08", "2016-08"))]
    []
    """
    if not isinstance(ds, Dataset):
        raise ArgumentError("ds", f"expected a Dataset, got {type(ds).__name__} {ds!r:.40}")
    entries: list[TimelineEntry] = []
    undated: list[str] = []
    for record in ds:
        if not isinstance(record, (Agreement, ArmsTransfer, Event, Statement, Role)):
            continue
        dated = date_of(record, ds.get)
        if dated is None:
            undated.append(record.id)
            continue
        entries.append(
            TimelineEntry(
                id=record.id,
                kind=_kind(record),
                date=dated[0],
                dated_by=dated[1],
                certainty=record.certainty,
                actors=tuple(participants(record, ds.get)),
                paragraphs=tuple(sorted({e.paragraph for e in record.evidence if e.paragraph is not None and not e.is_background})),
                label=_label(record),
                date_sources=_date_sources(record, dated[1], ds),
            )
        )
    entries.sort(key=lambda e: (e.earliest, e.latest, e.id))
    return Timeline(entries=tuple(entries), undated=tuple(undated))
