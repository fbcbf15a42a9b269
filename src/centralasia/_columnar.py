"""The record->relation rules as narwhals expressions: one code path for polars, pandas, Dask and the other engines narwhals runs."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from centralasia._actors import expand, is_grouping
from centralasia._columnar_tables import CLAIM_COLUMNS, PARTICIPANT_COLUMNS, RECORD_COLUMNS, SLOTS
from centralasia._rules import AGREEMENT_LAYERS, EVENT_LAYERS, VENUE_EVENTS, Context, record_rows
from centralasia._stream import ScenarioPlan
from centralasia._tables import dataset
from centralasia._text import shown
from centralasia.errors import ArgumentError, DataError, MissingDependencyError, Problem
from centralasia.model import AgreementKind, Certainty, Dataset, Domain, EventKind, Organization, RoleKind, State
from centralasia.query import Query
from centralasia.scenarios import check_scales
from centralasia.weights import Layer

if TYPE_CHECKING:
    pass

__all__ = ["RELATION_COLUMNS", "SUM_COLUMNS", "frame_of", "quiet", "relation_frame", "sum_frame"]

#: The relation table's columns in order, the shared contract of the object and columnar routes.
RELATION_COLUMNS = ("source", "target", "layer", "domain", "weight", "certainty", "record", "date", "scenario", "claims")
#: The pair-sums table's columns.
SUM_COLUMNS = ("source", "target", "domain", "layer", "weight", "count")
_KEY = ["record", "source", "target", "layer"]
_Frame = Any  # a narwhals LazyFrame: narwhals' own types are generic in the native frame


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Narwhals' notice that its Dask support moves to a plugin package is for Dask users at large, not a problem of this call."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*narwhals-dask.*", category=FutureWarning)
        yield


def import_narwhals() -> Any:
    try:
        import narwhals
    except ImportError:
        raise MissingDependencyError("narwhals", "columnar", "the columnar route") from None
    return narwhals


class _Engine:
    """Makes the small frames (weights, groupings, the index's own rows) on the engine of the records: joins need one engine."""

    def __init__(self, like: _Frame) -> None:
        nw = import_narwhals()
        self.nw = nw
        self.impl = like.implementation
        impl = nw.Implementation
        if self.impl is impl.POLARS:
            self.eager: object = impl.POLARS
        elif self.impl is impl.PYARROW:
            self.eager = impl.PYARROW
        else:
            self.eager = impl.PANDAS

    def frame(self, data: Mapping[str, Sequence[object]], schema: Mapping[str, str]) -> _Frame:
        nw = self.nw
        columns = {name: list(data.get(name, ())) for name in schema}
        if self.eager is nw.Implementation.PANDAS:
            # pandas' own string dtype ("str": object before pandas 3), as its frames of strings have: joins on mixed string dtypes warn.
            import pandas as pd

            # Before pandas 3, dtype "str" turns None into the text "None": object keeps it missing.
            text: type[str] | type[object] = str if int(pd.__version__.split(".", 1)[0]) >= 3 else object
            pandas_types: dict[str, type[str] | type[object] | str] = {"String": text, "Float64": "float64", "Boolean": "bool"}
            native = pd.DataFrame({name: pd.Series(columns[name], dtype=pandas_types[dtype]) for name, dtype in schema.items()})
            eager = nw.from_native(native, eager_only=True)
        else:
            eager = nw.from_dict(columns, schema={name: getattr(nw, dtype)() for name, dtype in schema.items()}, backend=self.eager)
        if self.impl in (nw.Implementation.POLARS, nw.Implementation.PANDAS, nw.Implementation.PYARROW):
            return eager.lazy()
        return eager.lazy(backend=self.impl)


def frame_of(nw: Any, native: object, argument: str) -> Any:
    """*native* as a narwhals frame (eager or lazy, as given); anything else an :class:`ArgumentError` naming *argument*."""
    try:
        return nw.from_native(native)
    except TypeError:
        raise ArgumentError(argument, f"{argument} must be a dataframe (polars, pandas, Dask, ...), not {type(native).__name__}") from None


def _lazy(nw: Any, native: object, name: str) -> _Frame:
    frame = frame_of(nw, native, f"tables.{name}")
    return frame.lazy() if isinstance(frame, nw.DataFrame) else frame


def _columns(frame: _Frame, name: str, wanted: Mapping[str, str]) -> None:
    """Refuse a table missing a column of *wanted*, or holding one of another type (an engine's error later, or a wrong join)."""
    nw = import_narwhals()
    schema = frame.collect_schema()
    missing = [column for column in wanted if column not in schema]
    if missing:
        raise DataError([Problem.at(f"$.{name}.{column}", f"missing column {column!r}") for column in missing], f"invalid {name} table")
    # Object (pandas' strings may be) and Unknown (a column of nulls only) are checked row by row, as their values are read.
    unsure = (nw.Object, nw.Unknown)
    bad = [
        Problem.at(f"$.{name}.{column}", f"column {column!r} must be of type {dtype}, not {schema[column]}")
        for column, dtype in wanted.items()
        if not (schema[column] == getattr(nw, dtype) or any(schema[column] == kind for kind in unsure))
    ]
    if bad:
        raise DataError(bad, f"invalid {name} table")


# -- index-level lookups, computed once in Python from the (small) index -------------------


def _expansions(ds: Dataset) -> dict[str, list[str]]:
    """actor -> the members it stands for (itself, or a grouping's members); person -> its state's."""
    out: dict[str, list[str]] = {}
    for record in ds:
        if isinstance(record, State) or (isinstance(record, Organization) and not is_grouping(record)):
            out[record.id] = [record.id]
        elif isinstance(record, Organization):
            out[record.id] = list(expand(ds, (record.id,)))
    for person in ds.people:
        if person.state is not None and person.state in out:
            out[person.id] = out[person.state]
    return out


def _rule_table(ctx: Context) -> dict[str, list[object]]:
    """(kind, subkind, certainty) -> layer, default domain and ``layers x certainty x factor``, as ``Context.weigh`` computes it."""
    w = ctx.weights
    entries: list[tuple[str, str, Layer, Domain | None, float | None]] = [
        *(("agreement", k.value, AGREEMENT_LAYERS[k], None, None) for k in AgreementKind),
        ("arms-transfer", "", Layer.ARMS_TRANSFER, Domain.SECURITY, None),
        *(("event", k.value, EVENT_LAYERS[k], w.event_domains[k], None) for k in EventKind),
        ("statement", "", Layer.STATEMENT, None, None),
        *(("role", k.value, Layer.ROLE, None, w.roles[k]) for k in RoleKind),
    ]
    table: dict[str, list[object]] = {name: [] for name in ("kind", "_sub", "certainty", "layer", "_default", "_base")}
    for kind, sub, layer, default, factor in entries:
        for certainty in Certainty:
            base = ctx.base[layer][certainty.value]
            for name, value in zip(
                table,
                (kind, sub, certainty.value, layer.value, None if default is None else default.value, base if factor is None else base * factor),
                strict=True,
            ):
                table[name].append(value)
    return table


# -- checks: what ``Dataset.problems_with`` checks of a streamed record, as expressions ------------

_DATE = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _check(nw: Any, eng: _Engine, records: _Frame, participants: _Frame, claims: _Frame, ds: Dataset, limit: int = 10) -> None:
    col, lit = nw.col, nw.lit
    kinds = list(SLOTS)
    subkinds = {
        "agreement": [k.value for k in AgreementKind],
        "event": [k.value for k in EventKind],
        "role": [k.value for k in RoleKind],
    }
    sub, kind = col("subkind"), col("kind")
    # Plain boolean algebra, not a chained when/then (narwhals has that only in later releases); "" is no subkind.
    good_sub = ~kind.is_in(list(subkinds)) & sub.is_null()
    for name, values in subkinds.items():
        good_sub = good_sub | ((kind == name) & sub.fill_null("").is_in(values))
    own = col("kind").is_in(["agreement", "statement", "role"])
    good_domain = nw.when(own).then(col("domain").is_in([d.value for d in Domain])).otherwise(col("domain").is_null())
    # Filled, not null: Dask's pandas cannot filter on a missing boolean.
    text, first, last = (col(name).fill_null("") for name in ("date", "date_earliest", "date_latest"))
    date_bad = ~col("date").is_null() & ~(text.str.contains(_DATE) & first.str.contains(_DAY) & last.str.contains(_DAY) & (first <= last))
    ids = list(ds.ids)
    record_checks = [
        ("kind", col("kind").is_null() | ~col("kind").is_in(kinds), f"unknown kind; expected one of {', '.join(kinds)}"),
        ("id", col("id").is_null(), "a record without an id"),
        ("id", col("id").is_in(ids), "id is already a record of the index dataset"),
        ("subkind", ~good_sub.fill_null(False), "not a kind of this record kind"),
        ("domain", ~good_domain.fill_null(False), "not a domain this record kind has"),
        ("certainty", col("certainty").is_null() | ~col("certainty").is_in([c.value for c in Certainty]), "unknown certainty"),
        ("date", date_bad, "not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) with its earliest and latest days"),
        ("occasion", ~col("occasion").is_null() & ~col("occasion").is_in([e.id for e in ds.events]), "no event of the index dataset"),
    ]
    bad = [
        records.filter(test).select(lit(f"$.records.{field}").alias("path"), col("id").cast(nw.String()).alias("id"), lit(message).alias("message"))
        for field, test, message in record_checks
    ]
    slots = eng.frame({"kind": [k for k in SLOTS for _ in SLOTS[k]], "slot": [s for k in SLOTS for s in SLOTS[k]]}, {"kind": "String", "slot": "String"})
    named = participants.join(records.select(col("id").alias("record"), "kind"), on="record", how="left")
    expansions = _expansions(ds)
    people = [p.id for p in ds.people]
    actors = eng.frame({"actor": [a for a in expansions if a not in set(people)]}, {"actor": "String"})
    persons = eng.frame({"actor": people}, {"actor": "String"})
    speaker = col("slot") == "speaker"
    bad += [
        named.filter(col("kind").is_null()).select(
            lit("$.participants.record").alias("path"), "record", lit("no record of the records table").alias("message")
        ),
        named.filter(~col("kind").is_null())
        .join(slots, on=["kind", "slot"], how="anti")
        .select(lit("$.participants.slot").alias("path"), "record", lit("not a slot of this record kind").alias("message")),
        participants.filter(~speaker)
        .join(actors, on="actor", how="anti")
        .select(lit("$.participants.actor").alias("path"), "record", lit("names no actor of the index dataset").alias("message")),
        participants.filter(speaker)
        .join(persons, on="actor", how="anti")
        .select(lit("$.participants.actor").alias("path"), "record", lit("a speaker names no person of the index dataset").alias("message")),
        records.group_by("id")
        .agg(nw.len().alias("_n"))
        .filter(col("_n") > 1)
        .select(lit("$.records.id").alias("path"), col("id").alias("record"), lit("id in more than one row").alias("message")),
        claims.filter(col("claim").is_null() | ~col("claim").is_in([c.id for c in ds.claims])).select(
            lit("$.claims.claim").alias("path"), "record", lit("no claim of the index dataset").alias("message")
        ),
    ]
    bad = [frame.rename({"record": "id"}) if "record" in frame.collect_schema().names() else frame for frame in bad]
    found = nw.concat(bad, how="vertical").head(limit).collect()
    if len(found):
        problems = [Problem.at(path, f"{message} (record {shown(rid)})") for path, rid, message in found.iter_rows()]
        raise DataError(problems, "invalid record tables")


# -- the rules ------------------------------------------------------------------------------------


def _streamed_rows(nw: Any, eng: _Engine, ctx: Context, records: _Frame, participants: _Frame) -> _Frame:
    """The relations of the streamed records: the rules of ``_rules`` over the three tables."""
    col, lit = nw.col, nw.lit
    ds, w = ctx.ds, ctx.weights
    # A statement without a date takes its occasion's (an event of the index).
    occasions = eng.frame(
        {
            "occasion": list(ctx.event_dates),
            "_odate": [str(d) for d in ctx.event_dates.values()],
            "_oearliest": [d.earliest.isoformat() for d in ctx.event_dates.values()],
        },
        {"occasion": "String", "_odate": "String", "_oearliest": "String"},
    )
    kept = records.join(occasions, on="occasion", how="left").with_columns(
        nw.coalesce("date", "_odate").alias("date"), nw.coalesce("date_earliest", "_oearliest").alias("_earliest")
    )
    dated = ~col("_earliest").is_null()
    keep = dated if ctx.undated_out else ~dated | dated
    if ctx.latest is not None:
        keep = keep & (~dated | (col("_earliest") <= lit(ctx.latest.isoformat())))
    kept = kept.filter(keep).with_columns(col("subkind").fill_null("").alias("_sub"))
    kept = kept.join(
        eng.frame(_rule_table(ctx), dict.fromkeys(("kind", "_sub", "certainty", "layer", "_default"), "String") | {"_base": "Float64"}),
        on=["kind", "_sub", "certainty"],
    )
    domains: list[Any] = ["_default", "domain"]
    if ctx.record_domains:
        chosen = eng.frame({"id": list(ctx.record_domains), "_chosen": [d.value for d in ctx.record_domains.values()]}, {"id": "String", "_chosen": "String"})
        kept = kept.join(chosen, on="id", how="left")
        domains.insert(0, "_chosen")
    # weigh(): layers x certainty (x factor), x background where only background evidence supports it; a repeated statement x repeated.
    background = nw.when(col("background_only").fill_null(False)).then(lit(w.background)).otherwise(lit(1.0))
    repeated = nw.when(col("repeated").fill_null(False) & (col("kind") == "statement")).then(lit(w.repeated)).otherwise(lit(1.0))
    kept = kept.select(
        col("id").alias("record"),
        "kind",
        "_sub",
        "layer",
        nw.coalesce(*domains).alias("domain"),
        (col("_base") * background * repeated).alias("weight"),
        "certainty",
        "date",
        "claims",
    )
    # Who each record's relations run from (src) and to (tgt): one row per slot and side.
    sides = [("party", "src"), ("party", "tgt"), ("supplier", "src"), ("recipient", "tgt"), ("actor", "src"), ("actor", "tgt")]
    sides += [("target", "tgt"), ("host", "tgt"), ("on_behalf_of", "src"), ("speaker", "src"), ("about", "tgt"), ("over", "tgt")]
    side_map = [(kind, slot, side) for kind, slots in SLOTS.items() for slot, side in sides if slot in slots]
    # A role's actor is its source only; an event's actors are sources and, among several, targets of each other.
    side_map = [entry for entry in side_map if entry != ("role", "actor", "tgt")]
    slot_sides = eng.frame(
        {"kind": [k for k, _, _ in side_map], "slot": [s for _, s, _ in side_map], "_side": [d for _, _, d in side_map]},
        {"kind": "String", "slot": "String", "_side": "String"},
    )
    named = participants.join(kept.select("record", "kind", "_sub"), on="record").join(slot_sides, on=["kind", "slot"])
    # The host of a summit or a meeting is only the venue.
    named = named.filter(~((col("slot") == "host") & col("_sub").is_in([k.value for k in VENUE_EVENTS])))
    # The speakers stand for their states only when the statement names no one it was made for.
    behalf = participants.filter(col("slot") == "on_behalf_of").group_by("record").agg(nw.len().alias("_behalf"))
    named = named.join(behalf, on="record", how="left").filter((col("slot") != "speaker") | col("_behalf").is_null()).drop("_behalf")
    expansions = _expansions(ds)
    members = eng.frame(
        {"actor": [a for a, ms in expansions.items() for _ in ms], "_member": [m for ms in expansions.values() for m in ms]},
        {"actor": "String", "_member": "String"},
    )
    named = named.join(members, on="actor")
    # Speaking of a group gives no sway over it: only the states spoken of are targets.
    states = sorted(ctx.states)
    about = named.filter(col("slot") == "about").filter(col("_member").is_in(states))
    named = nw.concat([named.filter(col("slot") != "about"), about], how="vertical").select("record", "_side", "_member").unique()
    source = named.filter(col("_side") == "src").select("record", col("_member").alias("source"))
    target = named.filter(col("_side") == "tgt").select("record", col("_member").alias("target"))
    pairs = source.join(target, on="record").filter(col("source") != col("target"))
    rows = pairs.join(kept, on="record").with_columns(lit(None, dtype=nw.String()).alias("scenario"))
    return rows.select(*RELATION_COLUMNS)


def _index_rows(eng: _Engine, ctx: Context) -> tuple[_Frame, _Frame]:
    """The index's own relations (by the object route), and the claims each rests on, as frames."""
    data: dict[str, list[object]] = {name: [] for name in RELATION_COLUMNS}
    cited: dict[str, list[object]] = {name: [] for name in (*_KEY, "claim")}
    for row in record_rows(ctx.ds, ctx):
        values = (
            row.source,
            row.target,
            row.layer.value,
            row.domain.value,
            row.weight,
            row.certainty.value,
            row.record,
            None if row.date is None else str(row.date),
            None,
            ";".join(row.claims) if row.claims else None,
        )
        for name, value in zip(RELATION_COLUMNS, values, strict=True):
            data[name].append(value)
        for claim in row.claims:
            for name, value in zip(cited, (row.record, row.source, row.target, row.layer.value, claim), strict=True):
                cited[name].append(value)
    schema = dict.fromkeys(RELATION_COLUMNS, "String") | {"weight": "Float64"}
    return eng.frame(data, schema), eng.frame(cited, dict.fromkeys(cited, "String"))


def _share_claims(nw: Any, rows: _Frame, cited: _Frame) -> _Frame:
    """``_stream.share_claims`` as joins: per (claim, source, target, domain) the parts and the unit; a row's weight its settled parts."""
    col = nw.col
    # One key column per row: Dask's group_by on several string keys fails here.
    row = nw.concat_str([col(name) for name in _KEY], separator="\x1f").alias("_row")
    rows = rows.with_columns(row)
    cited = cited.with_columns(row).select("_row", "claim")
    held = rows.filter(~col("claims").is_null()).select("_row", "source", "target", "domain", "weight").join(cited, on="_row")
    held = held.join(cited.group_by("_row").agg(col("claim").count().alias("_k")), on="_row").with_columns((col("weight") / col("_k")).alias("_part"))
    held = held.with_columns(nw.concat_str([col(name) for name in ("claim", "source", "target", "domain")], separator="\x1f").alias("_cell"))
    stats = held.group_by("_cell").agg(col("_part").sum().alias("_total"), col("weight").max().alias("_unit"))
    shares = held.join(stats, on="_cell").with_columns(
        nw.when(col("_total") <= col("_unit")).then(col("_part")).otherwise(col("_part") * (col("_unit") / col("_total"))).alias("_share")
    )
    settled = shares.group_by("_row").agg(col("_share").sum().alias("_settled"))
    return rows.join(settled, on="_row", how="left").with_columns(nw.coalesce("_settled", "weight").alias("weight")).select(*RELATION_COLUMNS)


def _scenario(nw: Any, eng: _Engine, rows: _Frame, plan: ScenarioPlan) -> _Frame:
    """``ScenarioPlan.apply`` as joins: rescaled rows marked with the scenario; added edges measured against the baseline totals."""
    col, lit = nw.col, nw.lit
    sid = plan.scenario.id
    out = rows
    if plan.added:
        added = eng.frame(
            {
                "source": [a for a, _, _, _ in plan.added],
                "domain": [d.value for _, d, _, _ in plan.added],
                "target": [t for _, _, t, _ in plan.added],
                "_m": [m for _, _, _, m in plan.added],
            },
            {"source": "String", "domain": "String", "target": "String", "_m": "Float64"},
        )
        watched = added.select("domain", "target").unique()
        totals = rows.join(watched, on=["domain", "target"]).group_by("domain", "target").agg(col("weight").sum().alias("_total"))
        total = col("_total").fill_null(0.0)
        added = (
            added.join(totals, on=["domain", "target"], how="left")
            .with_columns(
                nw.when(total > 0).then(col("_m") * total).otherwise(col("_m")).alias("weight"),
                lit(Layer.SCENARIO.value).alias("layer"),
                lit(Certainty.PROJECTED.value).alias("certainty"),
                lit(sid).alias("record"),
                lit(None, dtype=nw.String()).alias("date"),
                lit(sid).alias("scenario"),
                lit(None, dtype=nw.String()).alias("claims"),
            )
            .select(*RELATION_COLUMNS)
        )
    if plan.scaled:
        scaled = eng.frame(
            {
                "source": [s for s, _, _ in plan.scaled],
                "domain": [d.value for _, d, _ in plan.scaled],
                "target": [t for _, _, t in plan.scaled],
                "_factor": list(plan.scaled.values()),
            },
            {"source": "String", "domain": "String", "target": "String", "_factor": "Float64"},
        )
        factor = col("_factor")
        out = (
            out.join(scaled, on=["source", "domain", "target"], how="left")
            .with_columns(
                (col("weight") * factor.fill_null(1.0)).alias("weight"),
                nw.when(~factor.is_null()).then(lit(sid)).otherwise(col("scenario")).alias("scenario"),
            )
            .select(*RELATION_COLUMNS)
        )
    if plan.added:
        out = nw.concat([out, added], how="vertical")
    return out


def relation_frame(tables: Mapping[str, object], ds: Dataset, query: Query, *, check: bool = True) -> tuple[_Frame, bool]:
    """The relation table of the index *ds* and the record *tables* under *query*, lazy; and whether the records came eager."""
    nw = import_narwhals()
    dataset(ds, "index")
    if query.records is not None:
        raise ArgumentError("records", "the columnar route reads its records from the tables: pass no records=")
    if not isinstance(tables, Mapping):
        raise ArgumentError("tables", f"tables must be a RecordTables or a mapping of records, participants and claims, not {type(tables).__name__}")
    missing = [name for name in ("records", "participants", "claims") if name not in tables]
    if missing:
        raise ArgumentError("tables", f"tables has no {missing[0]} table")
    eager = isinstance(nw.from_native(tables["records"]), nw.DataFrame) if _is_frame(nw, tables["records"]) else False
    records, participants, claims = (_lazy(nw, tables[name], name) for name in ("records", "participants", "claims"))
    for frame, name, wanted in ((records, "records", RECORD_COLUMNS), (participants, "participants", PARTICIPANT_COLUMNS), (claims, "claims", CLAIM_COLUMNS)):
        _columns(frame, name, wanted)
    engines = {frame.implementation for frame in (records, participants, claims)}
    if len(engines) > 1:
        raise ArgumentError("tables", f"tables must be frames of one engine, not of {', '.join(sorted(str(e) for e in engines))}")
    eng = _Engine(records)
    if check:
        _check(nw, eng, records, participants, claims, ds)
    if query.scenario is None:
        check_scales(ds, query.magnitudes, None)
    ctx = Context(ds, query.weights, query.as_of, query.include_undated)
    unknown = [key for key in query.weights.record_domains if key not in ds.ids]
    if unknown:
        found = set(records.filter(nw.col("id").is_in(unknown)).select("id").collect().get_column("id").to_list())
        if any(key not in found for key in unknown):
            first = next(key for key in unknown if key not in found)
            raise ArgumentError("weights.record_domains", f"weights.record_domains names no record of the dataset: {shown(first)}")
    own, own_claims = _index_rows(eng, ctx)
    rows = nw.concat([own, _streamed_rows(nw, eng, ctx, records, participants)], how="vertical")
    if query.share_claims and ds.claims:
        streamed_claims = rows.filter(~nw.col("claims").is_null() & nw.col("scenario").is_null()).select(*_KEY).join(claims, on="record").select(*_KEY, "claim")
        cited = nw.concat([own_claims, streamed_claims], how="vertical").unique()
        rows = _share_claims(nw, rows, cited)
    if query.scenario is not None:
        rows = _scenario(nw, eng, rows, ScenarioPlan.of(ds, query.scenario, query.magnitudes))
    if query.domain is not None:
        rows = rows.filter(nw.col("domain") == query.domain.value)
    return rows, eager


def _is_frame(nw: Any, native: object) -> bool:
    try:
        nw.from_native(native)
    except TypeError:
        return False
    return True


def sum_frame(relations: _Frame) -> _Frame:
    """Weights summed per source, target, domain and layer, with how many relations made each sum."""
    nw = import_narwhals()
    return relations.group_by("source", "target", "domain", "layer").agg(nw.col("weight").sum().alias("weight"), nw.len().alias("count")).select(*SUM_COLUMNS)
