"""The columnar route: records as tables, the relation rules as dataframe expressions on polars, pandas, Dask and the other engines narwhals runs.

Needs the ``columnar`` extra (``pip install 'centralasia[columnar]'``: narwhals
and polars); Dask frames need the ``dask`` extra. Nothing here is imported by
``import centralasia``.
"""

from __future__ import annotations

import math
import numbers
import operator
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Unpack, overload

import attrs

from centralasia._columnar import RELATION_COLUMNS, SUM_COLUMNS, frame_of, import_narwhals, quiet, relation_frame, sum_frame
from centralasia._columnar_tables import RecordTables, read_tables
from centralasia._columnar_tables import record_tables as _record_tables
from centralasia._tables import dataset
from centralasia.errors import ArgumentError, DataError, Problem
from centralasia.model import Dataset
from centralasia.query import Query, QueryOptions
from centralasia.scenarios import resolve_scenario

if TYPE_CHECKING:
    import polars as pl

    from centralasia.sums import PairSums

__all__ = [
    "RELATION_COLUMNS",
    "SUM_COLUMNS",
    "RecordTables",
    "pair_sum_rows",
    "pair_sums",
    "read_record_tables",
    "record_tables",
    "relation_table",
    "to_pair_sums",
]

FrameT = TypeVar("FrameT")


def record_tables(records: Iterable[object], *, index: Dataset | None = None) -> RecordTables:
    """Streamed records (agreements, arms transfers, events, statements, roles) as three polars tables.

    ``records``: one row per record (``id``, ``kind``, ``subkind``,
    ``domain``, ``certainty``, ``date`` as ``str(PartialDate)``,
    ``date_earliest``, ``date_latest``, ``background_only``, ``repeated``,
    ``occasion``, ``claims`` ';'-joined); ``participants``: one row per id
    a record names (``record``, ``slot``, ``actor``); ``claims``: one row per
    distinct claim a record's evidence cites. With *index*, each record is
    checked against it as ``records=`` checks streamed records.

    Examples
    --------
    >>> import centralasia as ca
    >>> ev = [ca.Evidence(paragraph=1)]
    >>> t = record_tables([ca.Role(id="r1", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["central-asia"], summary="Invests.", evidence=ev)])
    >>> t.records.select("id", "kind", "subkind", "domain").row(0)
    ('r1', 'role', 'investor', 'economic')
    >>> t.participants.rows()
    [('r1', 'actor', 'CHN'), ('r1', 'over', 'central-asia')]
    """
    return _record_tables(records, index)


def read_record_tables(directory: str | os.PathLike[str], format: str = "parquet") -> dict[str, pl.LazyFrame]:
    """The tables :meth:`RecordTables.write` wrote to *directory*, scanned lazily with polars (``pl.scan_parquet``, ``pl.scan_ndjson``).

    Dask reads the same files with ``dd.read_parquet(f"{directory}/records.parquet")`` and so on.

    Examples
    --------
    >>> import tempfile, centralasia as ca
    >>> ev = [ca.Evidence(paragraph=1)]
    >>> t = record_tables([ca.Role(id="r1", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=ev)])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = t.write(folder, "ndjson")
    ...     read_record_tables(folder, "ndjson")["records"].collect().equals(t.records)
    True
    """
    scanned = read_tables(directory, format, lazy=True)
    return scanned  # type: ignore[return-value]  # lazy=True gives lazy frames


@overload
def relation_table(tables: RecordTables, *, index: Dataset, check: bool = ..., **options: Unpack[QueryOptions]) -> pl.DataFrame: ...
@overload
def relation_table(tables: Mapping[str, FrameT], *, index: Dataset, check: bool = ..., **options: Unpack[QueryOptions]) -> FrameT: ...
def relation_table(tables: RecordTables | Mapping[str, Any], *, index: Dataset, check: bool = True, **options: Unpack[QueryOptions]) -> Any:
    """The relations of *index* and of the records in *tables*, as a frame of the tables' engine (lazy where it is lazy).

    The columnar twin of :func:`centralasia.relations` with
    ``records=`` the records of *tables*: the same rows (in another
    order), with the columns :data:`RELATION_COLUMNS` (strings; the date
    as ``str(PartialDate)``; claims ';'-joined). *tables* is a
    :class:`RecordTables` or a mapping of ``records``, ``participants`` and
    ``claims`` frames of one engine: polars (eager or lazy), pandas, Dask,
    or any other narwhals supports. The index's own relations come from
    the object route; claim sharing, the scenario and the domain are
    applied to all rows as expressions. *options* are those of
    :func:`centralasia.relations` but ``records``. With *check* (the
    default) the tables are checked against the index first (kinds, ids
    named, dates, claims), a :class:`~centralasia.DataError` at
    ``$.participants.actor`` and so on naming the record.

    Examples
    --------
    >>> import centralasia as ca
    >>> ev = [ca.Evidence(paragraph=1)]
    >>> t = record_tables([ca.Role(id="r1", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=ev)])
    >>> rel = relation_table(t, index=ca.load(), domain="economic")
    >>> rel.filter(rel["record"] == "r1").select("source", "target", "layer", "weight").rows()
    [('CHN', 'KAZ', 'role', 2.0)]
    """
    query = Query.of(options)
    mapping = tables.as_mapping() if isinstance(tables, RecordTables) else tables
    with quiet():
        frame, eager = relation_frame(mapping, index, query, check=check)
        return (frame.collect() if eager else frame).to_native()


def pair_sums(relations: FrameT) -> FrameT:
    """A relation table's weights summed per source, target, domain and layer: the columns :data:`SUM_COLUMNS` (``count``: how many relations).

    Lazy where *relations* is lazy; the sums :func:`centralasia.weighted_network`
    and :func:`centralasia.role_summary` make of the object route's relations.

    Examples
    --------
    >>> import centralasia as ca
    >>> ev = [ca.Evidence(paragraph=1)]
    >>> t = record_tables([ca.Role(id="r1", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=ev)])
    >>> sums = pair_sums(relation_table(t, index=ca.load()))
    >>> sums.filter((sums["source"] == "CHN") & (sums["target"] == "KAZ") & (sums["layer"] == "role")).row(0, named=True)["count"] > 0
    True
    """
    nw = import_narwhals()
    with quiet():
        frame = frame_of(nw, relations, "relations")
        eager = isinstance(frame, nw.DataFrame)
        _has(frame, ("source", "target", "domain", "layer", "weight"), "relations")
        summed = sum_frame(frame.lazy() if eager else frame)
        result: FrameT = (summed.collect() if eager else summed).to_native()
        return result


def pair_sum_rows(frame: object) -> list[tuple[str, str, str, str, float, int]]:
    """The (source, target, domain, layer, weight, count) rows of a pair-sums frame, or of a relation table (summed first), collected.

    Examples
    --------
    >>> import centralasia as ca
    >>> ev = [ca.Evidence(paragraph=1)]
    >>> t = record_tables([ca.Role(id="r1", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=ev)])
    >>> rows = pair_sum_rows(relation_table(t, index=ca.load(), domain="economic"))
    >>> ("CHN", "KAZ", "economic", "role") in {row[:4] for row in rows}, all(count >= 1 for *_, count in rows)
    (True, True)
    """
    nw = import_narwhals()
    with quiet():
        native = frame_of(nw, frame, "frame")
        lazy = native.lazy() if isinstance(native, nw.DataFrame) else native
        names = lazy.collect_schema().names()
        if "count" not in names:
            _has(lazy, ("source", "target", "domain", "layer", "weight"), "frame")
            lazy = sum_frame(lazy)
        _has(lazy, SUM_COLUMNS, "frame")
        schema = lazy.collect_schema()
        if not schema["weight"].is_numeric() or not schema["count"].is_integer():
            column = "weight" if not schema["weight"].is_numeric() else "count"
            raise DataError([Problem.at(f"$.frame.{column}", f"column {column!r} must be numeric (count: whole), not {schema[column]}")], "invalid pair sums")
        collected = lazy.select(*SUM_COLUMNS).collect()
        # No str()/float()/int() of what is there: a null or a number where an id belongs is refused row by row (PairSums.from_rows).
        return [(s, t, d, y, _number(w, float), _number(c, int)) for s, t, d, y, w, c in collected.iter_rows()]


def _number(value: Any, kind: type[float] | type[int]) -> Any:
    """*value* as a plain float or int where it is a number of that kind, else as it is (for the row check to name)."""
    if isinstance(value, bool):
        return value
    if kind is int:
        return operator.index(value) if isinstance(value, numbers.Integral) else value
    return float(value) if isinstance(value, numbers.Real) and math.isfinite(value) else value


def _has(frame: Any, columns: Iterable[str], argument: str) -> None:
    names = frame.collect_schema().names()
    missing = [column for column in columns if column not in names]
    if missing:
        raise DataError([Problem.at(f"$.{argument}.{column}", f"missing column {column!r}") for column in missing], f"invalid {argument}")


def to_pair_sums(frame: object, *, index: Dataset, **options: Unpack[QueryOptions]) -> PairSums:
    """A pair-sums frame (or a relation table) of any engine, collected as :class:`centralasia.PairSums` of *index*.

    Give the *options* the table was made under: they become the sums'
    query, so that ``weighted_network(index, sums=...)`` and
    ``role_summary(index, sums=...)`` describe it, and a summary's
    :meth:`~centralasia.RoleSummary.explain` reads *index* again under the
    same query. Bad rows are a :class:`~centralasia.DataError` at
    ``$.rows[i].<column>``.

    Examples
    --------
    >>> import centralasia as ca
    >>> ds = ca.load()
    >>> ev = [ca.Evidence(paragraph=1)]
    >>> t = record_tables([ca.Role(id="r1", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=ev)])
    >>> sums = to_pair_sums(relation_table(t, index=ds, as_of="2016"), index=ds, as_of="2016")
    >>> summary = ca.role_summary(ds, sums=sums)
    >>> str(summary.as_of), summary.leader("economic", over="KAZ")
    ('2016', 'CHN')
    """
    from centralasia.sums import PairSums, foreign

    if "records" in options:
        raise ArgumentError("records", "columnar sums come from their tables: pass no records=")
    dataset(index)
    query = Query.of(options)
    if query.scenario is not None:
        query = attrs.evolve(query, scenario=resolve_scenario(index, query.scenario))
    sums = PairSums.from_rows(pair_sum_rows(frame), query=query)
    foreign(sums, index, "pair sums")
    return sums
