"""The columnar route: record tables, the rules as dataframe expressions, the same numbers as the object route on every engine."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pytest
import strategies as cs
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca

pl = pytest.importorskip("polars")
pytest.importorskip("narwhals")
pd = pytest.importorskip("pandas")

from centralasia import columnar  # noqa: E402  # after the skips: it needs the extra

_Row = tuple[str, str, str, str, str, str, str | None, str | None, str | None]


def _split(ds: ca.Dataset) -> tuple[ca.Dataset, list[ca.Record]]:
    """*ds* as an index and a stream: agreements setting up nothing, transfers, roles, statements and the events no statement was made at."""
    occasions = {s.occasion for s in ds.statements}
    streamed = [
        r
        for r in ds
        if isinstance(r, (ca.ArmsTransfer, ca.Role, ca.Statement))
        or (isinstance(r, ca.Agreement) and r.establishes is None)
        or (isinstance(r, ca.Event) and r.id not in occasions)
    ]
    ids = {r.id for r in streamed}
    index = ds.filter(lambda r: r.id not in ids)  # what the index names comes along: it stays in the index
    return index, [r for r in streamed if r.id not in index.ids]


def _object_rows(index: ca.Dataset, records: list[ca.Record], options: Mapping[str, Any]) -> list[tuple[_Row, float]]:
    rows = []
    for r in ca.relations(index, records=records, **options):
        key = (
            r.source,
            r.target,
            r.layer.value,
            r.domain.value,
            r.certainty.value,
            r.record,
            None if r.date is None else str(r.date),
            r.scenario,
            ";".join(r.claims) or None,
        )
        rows.append((key, r.weight))
    return sorted(rows, key=lambda kv: tuple("" if v is None else v for v in kv[0]))


def _table_rows(frame: Any) -> list[tuple[_Row, float]]:
    data = frame if isinstance(frame, pl.DataFrame) else pl.from_pandas(frame)
    rows = []
    for d in data.iter_rows(named=True):
        key = (d["source"], d["target"], d["layer"], d["domain"], d["certainty"], d["record"], d["date"], d["scenario"], d["claims"])
        rows.append((key, d["weight"]))
    return sorted(rows, key=lambda kv: tuple("" if v is None else v for v in kv[0]))


def _object_sums(index: ca.Dataset, records: list[ca.Record], options: Mapping[str, Any]) -> dict[tuple[str, str, str, str], tuple[float, int]]:
    sums: dict[tuple[str, str, str, str], tuple[float, int]] = {}
    for r in ca.relations(index, records=records, **options):
        key = (r.source, r.target, r.domain.value, r.layer.value)
        total, count = sums.get(key, (0.0, 0))
        sums[key] = (total + r.weight, count + 1)
    return sums


def _assert_same(objects: list[tuple[_Row, float]], table: list[tuple[_Row, float]]) -> None:
    assert [key for key, _ in table] == [key for key, _ in objects]
    assert [w for _, w in table] == pytest.approx([w for _, w in objects], rel=1e-9, abs=1e-12)


def _assert_same_sums(expected: Mapping[tuple[str, str, str, str], tuple[float, int]], rows: Iterable[tuple[str, str, str, str, float, int]]) -> None:
    got = {(s, t, d, layer): (w, c) for s, t, d, layer, w, c in rows}
    assert got.keys() == expected.keys()
    for key, (weight, count) in expected.items():
        assert got[key][1] == count
        assert got[key][0] == pytest.approx(weight, rel=1e-9, abs=1e-12)


@st.composite
def _queries(draw: st.DrawFn, ds: ca.Dataset, streamed: list[ca.Record]) -> dict[str, Any]:
    """Random options: a date cut, undated in or out, a domain, a scenario of the index, a weights table of changed factors and record domains."""
    options: dict[str, Any] = {}
    if draw(st.booleans()):
        options["as_of"] = draw(cs.partial_dates())
    options["include_undated"] = draw(st.booleans())
    if draw(st.booleans()):
        options["domain"] = draw(st.sampled_from(list(ca.Domain)))
    if ds.scenarios and draw(st.booleans()):
        options["scenario"] = draw(st.sampled_from([s.id for s in ds.scenarios]))
    options["share_claims"] = draw(st.booleans())
    if draw(st.booleans()):
        factor = st.floats(0.0, 3.0, allow_nan=False)
        chosen = draw(st.lists(st.sampled_from([r.id for r in (*ds.agreements, *ds.events, *streamed)] or ["-"]), max_size=3, unique=True))
        options["weights"] = ca.DEFAULT_WEIGHTS.override(
            layers={
                layer: draw(factor) for layer in draw(st.lists(st.sampled_from([x for x in ca.Layer if x is not ca.Layer.SCENARIO]), max_size=4, unique=True))
            },
            certainty={c: draw(factor) for c in draw(st.lists(st.sampled_from(list(ca.Certainty)), max_size=2, unique=True))},
            roles={k: draw(factor) for k in draw(st.lists(st.sampled_from(list(ca.RoleKind)), max_size=2, unique=True))},
            background=draw(factor),
            repeated=draw(factor),
            event_domains={k: draw(st.sampled_from(list(ca.Domain))) for k in draw(st.lists(st.sampled_from(list(ca.EventKind)), max_size=2, unique=True))},
            record_domains={i: draw(st.sampled_from(list(ca.Domain))) for i in chosen if i != "-"},
        )
    return options


def _check_engine(ds: ca.Dataset, options: Mapping[str, Any], engine: str) -> None:
    index, streamed = _split(ds)
    tables = columnar.record_tables(streamed, index=index)
    mapping: Mapping[str, Any] = tables.as_mapping()
    if engine == "pandas":
        mapping = {name: frame.to_pandas() for name, frame in mapping.items()}
    elif engine == "polars-lazy":
        mapping = {name: frame.lazy() for name, frame in mapping.items()}
    table = columnar.relation_table(mapping, index=index, **options)
    if engine == "polars-lazy":
        assert isinstance(table, pl.LazyFrame)
        table = table.collect()
    _assert_same(_object_rows(index, streamed, options), _table_rows(table))
    _assert_same_sums(_object_sums(index, streamed, options), columnar.pair_sum_rows(columnar.pair_sums(table)))


@given(st.data(), st.sampled_from(["polars", "polars-lazy", "pandas"]))
def test_the_columnar_route_gives_the_object_routes_relations(data: st.DataObject, engine: str) -> None:
    """On random datasets, split into an index and streamed records, and random queries, every engine gives the object route's rows and sums."""
    ds = data.draw(cs.influence_datasets())
    _, streamed = _split(ds)
    _check_engine(ds, data.draw(_queries(ds, streamed)), engine)


@given(st.data(), st.sampled_from(["polars", "pandas"]))
def test_the_columnar_route_shares_claims_as_the_object_route(data: st.DataObject, engine: str) -> None:
    """Records resting on claims (index and streamed alike) share each claim's weight as ``share_claims`` does."""
    ds = data.draw(cs.claimed_datasets())
    _check_engine(ds, {"share_claims": data.draw(st.booleans())}, engine)


@given(cs.datasets())
def test_the_columnar_route_on_any_valid_dataset(ds: ca.Dataset) -> None:
    """Any valid dataset (groupings nested, people with or without a state, memberships) gives the object route's rows."""
    _check_engine(ds, {}, "polars")


def test_the_bundled_dataset_with_its_records_streamed() -> None:
    """The bundled data, its streamable records as tables, gives the object route's rows under a scenario and a date cut."""
    ds = ca.load()
    for options in ({}, {"as_of": "2015"}, {"scenario": ds.scenarios[0].id, "domain": "security"}):
        _check_engine(ds, options, "polars")


def test_columnar_sums_feed_the_network_and_the_summary_as_the_object_routes_do() -> None:
    """to_pair_sums gives the object route's PairSums (same keys, counts, totals), so weighted_network and role_summary agree with it."""
    ds = ca.load()
    index, streamed = _split(ds)
    tables = columnar.record_tables(streamed, index=index)
    for options in ({}, {"as_of": "2015"}, {"scenario": ds.scenarios[0].id}):
        mine = columnar.to_pair_sums(columnar.relation_table(tables, index=index, **options), index=index, **options)
        theirs = ca.pair_sums(index, records=streamed, **options)
        assert mine.query == attrs.evolve(theirs.query, records=None)  # the tables are the records
        assert dict(mine.counts) == dict(theirs.counts)
        assert dict(mine.totals) == pytest.approx(dict(theirs.totals), rel=1e-12)
        network = ca.weighted_network(index, sums=mine)
        assert {(u, v): d["weight"] for u, v, d in network.edges(data=True)} == pytest.approx(
            {(u, v): d["weight"] for u, v, d in ca.weighted_network(index, sums=theirs).edges(data=True)}, rel=1e-12
        )
        summary, expected = ca.role_summary(index, sums=mine), ca.role_summary(index, sums=theirs)
        assert dict(summary.influence_table) == pytest.approx(dict(expected.influence_table), rel=1e-12)
        assert summary.as_of == expected.as_of and summary.scenario == expected.scenario


def test_to_pair_sums_refuses_records_and_bad_rows() -> None:
    """to_pair_sums takes no records= (the tables are the records) and refuses a sums frame with a bad layer at its row."""
    pl_ = pytest.importorskip("polars")
    ds = ca.load()
    good = pl_.DataFrame({"source": ["RUS"], "target": ["KAZ"], "domain": ["security"], "layer": ["role"], "weight": [1.0], "count": [1]})
    with pytest.raises(ca.ArgumentError, match="records"):
        columnar.to_pair_sums(good, index=ds, records=[])
    with pytest.raises(ca.DataError) as caught:
        columnar.to_pair_sums(good.with_columns(layer=pl_.lit("rumour")), index=ds)
    assert "$.rows[0].layer" in str(caught.value)


def test_dask_with_the_local_scheduler() -> None:
    """Dask frames (a few partitions, the local threaded scheduler) give the object route's sums."""
    dd = pytest.importorskip("dask.dataframe")
    dask = pytest.importorskip("dask")
    ds = ca.load()
    index, streamed = _split(ds)
    tables = columnar.record_tables(streamed, index=index)
    mapping = {name: dd.from_pandas(frame.to_pandas(), npartitions=2) for name, frame in tables.as_mapping().items()}
    options = {"as_of": "2016", "scenario": ds.scenarios[0].id}
    sums = columnar.pair_sums(columnar.relation_table(mapping, index=index, **options))
    assert isinstance(sums, dd.DataFrame)
    with dask.config.set(scheduler="threads"):
        rows = columnar.pair_sum_rows(sums)
    _assert_same_sums(_object_sums(index, streamed, options), rows)


@pytest.mark.parametrize("fmt", ["parquet", "ndjson"])
def test_record_tables_round_trip_through_files(tmp_path: Any, fmt: str) -> None:
    """Tables written as Parquet or NDJSON read back equal, and scanned lazily they give the same relations."""
    ds = ca.load()
    index, streamed = _split(ds)
    tables = columnar.record_tables(streamed)
    written = tables.write(tmp_path, fmt)
    assert sorted(p.rsplit("/", 1)[-1] for p in written) == sorted(f"{n}.{fmt}" for n in ("claims", "participants", "records"))
    scanned = columnar.read_record_tables(tmp_path, fmt)
    for name, frame in tables.as_mapping().items():
        assert scanned[name].collect().equals(frame)
    lazy = columnar.relation_table(scanned, index=index)
    assert isinstance(lazy, pl.LazyFrame)
    _assert_same(_object_rows(index, streamed, {}), _table_rows(lazy.collect()))


def test_a_bad_format_is_refused(tmp_path: Any) -> None:
    """Only parquet and ndjson are written: another format is an ArgumentError naming it."""
    with pytest.raises(ca.ArgumentError, match=r"\$\.format"):
        columnar.record_tables([]).write(tmp_path, "csv")


def _bad(change: str) -> tuple[dict[str, Any], ca.Dataset]:
    index, streamed = _split(ca.load())
    t = columnar.record_tables(streamed[:20])
    frames = dict(t.as_mapping())
    col = pl.col
    if change == "missing column":
        frames["records"] = frames["records"].drop("certainty")
    elif change == "kind":
        frames["records"] = frames["records"].with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("treaty")).otherwise(col("kind")).alias("kind"))
    elif change == "actor":
        frames["participants"] = frames["participants"].with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("XXX")).otherwise(col("actor")).alias("actor")
        )
    elif change == "date":
        frames["records"] = frames["records"].with_columns(pl.lit("2016-13-45x").alias("date"))
    elif change == "id":
        frames["records"] = frames["records"].with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("KAZ")).otherwise(col("id")).alias("id"))
    elif change == "claim":
        frames["claims"] = pl.DataFrame({"record": [frames["records"]["id"][0]], "claim": ["no-such-claim"]})
    return frames, index


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ("missing column", r"\$\.records\.certainty"),
        ("kind", r"\$\.records\.kind"),
        ("actor", r"\$\.participants\.actor"),
        ("date", r"\$\.records\.date"),
        ("id", r"\$\.records\.id"),
        ("claim", r"\$\.claims\.claim"),
    ],
)
def test_bad_tables_are_refused_with_their_place(change: str, path: str) -> None:
    """Missing columns, unknown kinds, ids not in the index (or already in it), bad dates and unknown claims are DataErrors at their column."""
    frames, index = _bad(change)
    with pytest.raises(ca.DataError, match=path):
        columnar.relation_table(frames, index=index)


def test_records_of_other_kinds_are_refused() -> None:
    """A state is no streamed record: record_tables refuses it at its place."""
    with pytest.raises(ca.DataError, match=r"\$\.records\[0\]"):
        columnar.record_tables([ca.load().states[0]])


def test_records_option_is_refused() -> None:
    """The records come from the tables: ``records=`` is an ArgumentError."""
    with pytest.raises(ca.ArgumentError, match="records"):
        columnar.relation_table(columnar.record_tables([]), index=ca.load(), records=[])


def test_importing_the_package_imports_no_dataframe_engine() -> None:
    """``import centralasia`` (and using it) leaves narwhals, polars and dask unimported: the columnar route is imported on demand."""
    code = "import sys, centralasia as ca; ca.role_summary(ca.load()); print(sorted(m for m in ('narwhals', 'polars', 'dask') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- hostile tables -------------------------------------------------------------


def _role_tables() -> dict[str, Any]:
    ev = [ca.Evidence(paragraph=1)]
    role = ca.Role(id="r1", actor="CHN", role=ca.RoleKind.INVESTOR, domain=ca.Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=ev)
    return columnar.record_tables([role]).as_mapping()


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda t: {**t, "records": pl.concat([t["records"], t["records"]])}, "$.records.id"),
        (lambda t: {**t, "records": t["records"].with_columns(pl.lit(None, dtype=pl.String).alias("certainty"))}, "$.records.certainty"),
        (lambda t: {**t, "records": t["records"].with_columns(pl.lit(None, dtype=pl.String).alias("id"))}, "$.records.id"),
        (lambda t: {**t, "claims": pl.DataFrame({"record": ["r1"], "claim": [None]}, schema={"record": pl.String, "claim": pl.String})}, "$.claims.claim"),
        (lambda t: {**t, "records": t["records"].with_columns(pl.lit(5).alias("id"))}, "$.records.id"),
        (lambda t: {**t, "records": t["records"].with_columns(pl.lit("yes").alias("background_only"))}, "$.records.background_only"),
    ],
)
def test_relation_table_refuses_duplicated_null_or_mistyped_columns(change: Any, path: str) -> None:
    """A record twice, a null certainty, id or claim, or a column of the wrong type is a DataError at its column: never a duplicated or dropped relation, never an engine's error."""
    with pytest.raises(ca.DataError) as info:
        columnar.relation_table(change(_role_tables()), index=ca.load())
    assert info.value.problems[0].path == path


def test_relation_table_refuses_tables_of_two_engines() -> None:
    """Tables of two engines (pandas records, polars participants) are an ArgumentError naming tables, not an engine's TypeError."""
    tables = _role_tables()
    with pytest.raises(ca.ArgumentError) as info:
        columnar.relation_table({**tables, "records": tables["records"].to_pandas()}, index=ca.load())
    assert info.value.problems[0].path == "$.tables"


SUMS = {"source": ["RUS"], "target": ["KAZ"], "domain": ["security"], "layer": ["role"], "weight": [1.0], "count": [1]}


@pytest.mark.parametrize(
    ("frame", "path"),
    [
        (pl.DataFrame(SUMS | {"source": [None]}, schema_overrides={"source": pl.String}), "$.rows[0].source"),
        (pl.DataFrame(SUMS | {"source": [5]}), "$.rows[0].source"),
        (pl.DataFrame(SUMS | {"weight": [None]}, schema_overrides={"weight": pl.Float64}), "$.rows[0].weight"),
        (pl.DataFrame(SUMS | {"weight": ["1.0"]}), "$.frame.weight"),
        (pl.DataFrame(SUMS | {"count": [1.7]}), "$.frame.count"),
        (pl.DataFrame(SUMS).drop("layer"), "$.frame.layer"),
        (pl.DataFrame(SUMS | {"source": ["XXX"]}), "$.rows[0].source"),
    ],
)
def test_to_pair_sums_refuses_nulls_wrong_types_missing_columns_and_foreign_ids(frame: Any, path: str) -> None:
    """Nulls, numbers where ids belong, text weights, fractional counts, a missing column or an id the index lacks are DataErrors at their place, never coerced ('None', '5', 1.7 -> 1)."""
    with pytest.raises(ca.DataError) as info:
        columnar.to_pair_sums(frame, index=ca.load())
    assert info.value.problems[0].path == path


def test_pair_sums_refuses_what_is_no_relation_table() -> None:
    """pair_sums of no dataframe is an ArgumentError, of a frame without the relation columns a DataError naming them."""
    with pytest.raises(ca.ArgumentError):
        columnar.pair_sums(None)
    with pytest.raises(ca.DataError) as info:
        columnar.pair_sums(pl.DataFrame({"a": [1]}))
    assert info.value.problems[0].path == "$.relations.source"
