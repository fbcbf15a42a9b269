"""Streamed records in columnar form: three normalised tables (records, participants, claims), built, written and read."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from centralasia._files import checked_path, write_file
from centralasia._rules import background_only, claims_of
from centralasia.errors import ArgumentError, DataError, MissingDependencyError, Problem
from centralasia.model import Agreement, ArmsTransfer, Dataset, Event, PartialDate, Role, Statement

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "CLAIM_COLUMNS",
    "FORMATS",
    "KINDS",
    "PARTICIPANT_COLUMNS",
    "RECORD_COLUMNS",
    "SLOTS",
    "RecordTables",
    "import_polars",
    "read_tables",
    "record_tables",
]

#: The kind of each streamed record class, as the ``kind`` column names it.
KINDS: Mapping[type, str] = {Agreement: "agreement", ArmsTransfer: "arms-transfer", Event: "event", Statement: "statement", Role: "role"}
#: The slots (``participants.slot``) each kind names ids in.
SLOTS: Mapping[str, tuple[str, ...]] = {
    "agreement": ("party",),
    "arms-transfer": ("supplier", "recipient"),
    "event": ("actor", "target", "host"),
    "statement": ("on_behalf_of", "speaker", "about"),
    "role": ("actor", "over"),
}
#: The columns of each table and their types (narwhals dtype names).
RECORD_COLUMNS: Mapping[str, str] = {
    "id": "String",
    "kind": "String",
    "subkind": "String",
    "domain": "String",
    "certainty": "String",
    "date": "String",
    "date_earliest": "String",
    "date_latest": "String",
    "background_only": "Boolean",
    "repeated": "Boolean",
    "occasion": "String",
    "claims": "String",
}
PARTICIPANT_COLUMNS: Mapping[str, str] = {"record": "String", "slot": "String", "actor": "String"}
CLAIM_COLUMNS: Mapping[str, str] = {"record": "String", "claim": "String"}
#: The file formats the tables are written in, by the file name's extension.
FORMATS = ("parquet", "ndjson")
_TABLES = ("records", "participants", "claims")


def import_polars() -> object:
    """polars, or a :class:`MissingDependencyError` naming the ``columnar`` extra."""
    try:
        import polars as pl
    except ImportError:
        raise MissingDependencyError("polars", "columnar", "the columnar route") from None
    return pl


def _iso(date: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    if date is None:
        return None, None, None
    return str(date), date.earliest.isoformat(), date.latest.isoformat()


def _participants(record: Agreement | ArmsTransfer | Event | Statement | Role) -> Iterator[tuple[str, str]]:
    """(slot, id) of each id *record* names, in the slots :data:`SLOTS` lists."""
    if isinstance(record, Agreement):
        yield from (("party", p) for p in record.parties)
    elif isinstance(record, ArmsTransfer):
        yield ("supplier", record.supplier)
        yield ("recipient", record.recipient)
    elif isinstance(record, Event):
        yield from (("actor", a) for a in record.actors)
        yield from (("target", t) for t in record.targets)
        if record.host is not None:
            yield ("host", record.host)
    elif isinstance(record, Statement):
        yield from (("on_behalf_of", a) for a in record.on_behalf_of)
        yield from (("speaker", s) for s in record.speakers)
        yield from (("about", a) for a in record.about)
    else:
        yield ("actor", record.actor)
        yield from (("over", o) for o in record.over)


@attrs.frozen(kw_only=True)
class RecordTables:
    """Streamed records as three polars tables: ``records``, ``participants`` and ``claims``.

    ``records`` has one row per record (:data:`RECORD_COLUMNS`),
    ``participants`` one per id a record names (``record``, ``slot``,
    ``actor``), ``claims`` one per distinct claim a record's evidence cites
    (``record``, ``claim``). See :func:`centralasia.columnar.record_tables`.
    """

    records: pl.DataFrame
    participants: pl.DataFrame
    claims: pl.DataFrame

    def as_mapping(self) -> dict[str, pl.DataFrame]:
        """The three tables by name, as :func:`~centralasia.columnar.relation_table` takes them."""
        return {"records": self.records, "participants": self.participants, "claims": self.claims}

    def write(self, directory: str | os.PathLike[str], format: str = "parquet") -> list[str]:
        """Write the tables to *directory* as ``records.<format>``, ``participants.<format>`` and ``claims.<format>``, each atomically.

        *format* is ``"parquet"`` or ``"ndjson"``; the directory must exist.
        Returns the paths written.
        """
        if format not in FORMATS:
            raise ArgumentError("format", f"format must be one of {', '.join(FORMATS)}, not {format!r:.40}")
        folder = checked_path(os.fspath(directory) if isinstance(directory, os.PathLike) else directory, "directory")
        if not os.path.isdir(folder):
            raise ArgumentError("directory", f"no directory {folder!r:.80}")
        written = []
        for name, table in self.as_mapping().items():
            buffer = io.BytesIO()
            if format == "parquet":
                table.write_parquet(buffer)
            else:
                table.write_ndjson(buffer)
            path = os.path.join(folder, f"{name}.{format}")
            write_file(path, buffer.getvalue(), field="directory")
            written.append(path)
        return written


def record_tables(records: Iterable[object], ds: Dataset | None = None) -> RecordTables:
    """The tables of *records* (agreements, arms transfers, events, statements, roles); other kinds refused at ``$.records[i]``."""
    import_polars()
    rows: dict[str, list[object]] = {name: [] for name in RECORD_COLUMNS}
    part: dict[str, list[str]] = {"record": [], "slot": [], "actor": []}
    cited: dict[str, list[str]] = {"record": [], "claim": []}
    for i, record in enumerate(records):
        kind = KINDS.get(type(record))
        if kind is None or not isinstance(record, (Agreement, ArmsTransfer, Event, Statement, Role)):
            what = "states, organisations, people and scenarios belong in the index dataset"
            raise DataError(
                [Problem.at(f"$.records[{i}]", f"expected an Agreement, ArmsTransfer, Event, Statement or Role ({what}), got {type(record).__name__}")],
                "invalid streamed record",
            )
        if ds is not None:
            problems = ds.problems_with(record, f"$.records[{i}]", recheck=False)
            if problems:
                raise DataError(problems, "invalid streamed record")
        rid = record.id
        date = record.since if isinstance(record, Role) else record.date
        text, earliest, latest = _iso(date)
        claims = claims_of(record.evidence)
        subkind = record.role if isinstance(record, Role) else getattr(record, "kind", None)
        own = None if isinstance(record, (ArmsTransfer, Event)) else record.domain.value
        values = (
            rid,
            kind,
            None if subkind is None else subkind.value,
            own,
            record.certainty.value,
            text,
            earliest,
            latest,
            background_only(record.evidence),
            isinstance(record, Statement) and record.repeated,
            record.occasion if isinstance(record, Statement) else None,
            ";".join(claims) if claims else None,
        )
        for name, value in zip(RECORD_COLUMNS, values, strict=True):
            rows[name].append(value)
        for slot, actor in _participants(record):
            part["record"].append(rid)
            part["slot"].append(slot)
            part["actor"].append(actor)
        for claim in claims:
            cited["record"].append(rid)
            cited["claim"].append(claim)
    return RecordTables(records=_frame(rows, RECORD_COLUMNS), participants=_frame(part, PARTICIPANT_COLUMNS), claims=_frame(cited, CLAIM_COLUMNS))


def _frame(data: Mapping[str, list[object]] | Mapping[str, list[str]], columns: Mapping[str, str]) -> pl.DataFrame:
    import polars

    schema = {name: getattr(polars, dtype)() for name, dtype in columns.items()}
    return polars.DataFrame(dict(data), schema=schema)


def read_tables(directory: str | os.PathLike[str], format: str = "parquet", *, lazy: bool = True) -> dict[str, pl.LazyFrame] | dict[str, pl.DataFrame]:
    """The three tables written to *directory*, scanned lazily (or read, ``lazy=False``) with polars."""
    import_polars()
    import polars

    if format not in FORMATS:
        raise ArgumentError("format", f"format must be one of {', '.join(FORMATS)}, not {format!r:.40}")
    folder = checked_path(os.fspath(directory) if isinstance(directory, os.PathLike) else directory, "directory")
    paths = {name: os.path.join(folder, f"{name}.{format}") for name in _TABLES}
    for name, path in paths.items():
        if not os.path.isfile(path):
            raise DataError([Problem.at(f"$.{name}", f"no file {path!r:.80}")], "cannot read record tables")
    schemas = {
        "records": RECORD_COLUMNS,
        "participants": PARTICIPANT_COLUMNS,
        "claims": CLAIM_COLUMNS,
    }
    scanned: dict[str, polars.LazyFrame] = {}
    for name, path in paths.items():
        if format == "parquet":
            scanned[name] = polars.scan_parquet(path)
        else:
            schema = {column: getattr(polars, dtype)() for column, dtype in schemas[name].items()}
            scanned[name] = polars.scan_ndjson(path, schema=schema)
    if lazy:
        return scanned
    return {name: frame.collect() for name, frame in scanned.items()}
