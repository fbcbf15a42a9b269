"""Exports: tables, the dataset as JSON, and networks read back by networkx's own readers."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import centralasia as ca
from centralasia import export
from centralasia.model import Domain, PartialDate, RoleKind


def _sample_graph() -> nx.MultiDiGraph:
    """A small influence-like network whose attributes networkx's writers refuse as they are."""
    g = nx.MultiDiGraph(name="sample", as_of=PartialDate(2016, 10))
    g.add_node("RUS", name="Russia", power=True, region=ca.Region.EASTERN_EUROPE, cow_code=365, type="state")
    g.add_node("KAZ", name="Kazakhstan", power=False, region=ca.Region.CENTRAL_ASIA, aliases=("Astana",))
    g.add_node("CHN", name="China", power=True, region=ca.Region.EASTERN_ASIA, cow_code=None)
    g.add_edge(
        "RUS",
        "KAZ",
        key="role-a",
        domain=Domain.SECURITY,
        weight=2,
        roles={RoleKind.SECURITY_GUARANTOR, RoleKind.ARMS_SUPPLIER},
        since=PartialDate(2016, 6, 8),
        records=["role-a", "role-b"],
        type="role",
        start=dt.date(2016, 6, 8),
    )
    g.add_edge("RUS", "KAZ", key="role-c", domain=Domain.DIPLOMATIC, weight=0.5, roles=frozenset(), certainty=ca.Certainty.ASSESSED)
    g.add_edge("CHN", "KAZ", key="role-d", domain=Domain.ECONOMIC, weight=1.25, roles={RoleKind.INVESTOR}, until=None)
    return g


def _edges(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, object]]:
    return {(str(u), str(v), str(k)): dict(d) for u, v, k, d in graph.edges(keys=True, data=True)}


# --------------------------------------------------------------------------
# Plain values
# --------------------------------------------------------------------------


def test_plain_value_flattens_what_writers_refuse() -> None:
    """Enums, dates, sets, tuples and records become strings and numbers; None stays None."""
    assert export.plain_value(Domain.SECURITY) == "security"
    assert export.plain_value(dt.date(2016, 6, 8)) == "2016-06-08"
    assert export.plain_value({"b", "a"}) == "a;b"
    assert export.plain_value(("KAZ", "KGZ"), lists=True) == ["KAZ", "KGZ"]
    assert json.loads(str(export.plain_value(ca.Evidence(paragraph=3)))) == {"paragraph": 3}
    assert export.plain_value(None) is None


def test_plain_graph_gives_each_attribute_one_type() -> None:
    """Mixed ints and floats become floats (weight always), and empty sets are left out."""
    plain = export.plain_graph(_sample_graph())
    weights = [d["weight"] for _, _, d in plain.edges(data=True)]
    assert weights == [2.0, 0.5, 1.25] and all(type(w) is float for w in weights)
    assert "roles" not in plain.edges["RUS", "KAZ", "role-c"]
    assert "cow_code" not in plain.nodes["CHN"]
    assert plain.graph == {"name": "sample", "as_of": "2016-10"}


def test_plain_graph_leaves_the_original_alone() -> None:
    """Flattening copies: the caller's graph keeps its enums and sets."""
    g = _sample_graph()
    export.plain_graph(g)
    assert g.edges["RUS", "KAZ", "role-a"]["domain"] is Domain.SECURITY


# --------------------------------------------------------------------------
# Round trips through networkx's readers
# --------------------------------------------------------------------------


def test_node_link_json_round_trip(tmp_path: Path) -> None:
    """networkx's node_link_graph reads back the same nodes, edges, keys and attributes (lists kept)."""
    g = _sample_graph()
    path = tmp_path / "g.json"
    assert export.write_network(g, path) == "json"
    data = json.loads(path.read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    expected = export.plain_graph(g, lists=True)
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert _edges(back) == _edges(expected)
    assert back.edges["RUS", "KAZ", "role-a"]["roles"] == ["arms-supplier", "security-guarantor"]
    assert back.graph == {"name": "sample", "as_of": "2016-10"}


def test_graphml_round_trip(tmp_path: Path) -> None:
    """networkx's read_graphml gives back the same nodes, edges, keys and typed attributes."""
    g = _sample_graph()
    path = tmp_path / "g.graphml"
    export.write_network(g, path)
    back = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
    expected = export.plain_graph(g)
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert _edges(back) == _edges(expected)
    assert back.nodes["RUS"]["cow_code"] == 365 and back.nodes["KAZ"]["power"] is False


def test_gexf_round_trip(tmp_path: Path) -> None:
    """networkx's read_gexf gives back the same nodes, edges and attributes, with Gephi's labels and ids."""
    g = _sample_graph()
    path = tmp_path / "g.gexf"
    export.write_network(g, path)
    back = nx.read_gexf(path)
    expected = export.plain_graph(g)
    for node, data in expected.nodes(data=True):
        assert back.nodes[node] == {**data, "label": data["name"]}
    assert back.nodes["RUS"]["type"] == "state"  # only edges give "type" a GEXF meaning
    got = _edges(back)
    assert set(got) == set(_edges(expected))
    for (u, v, k), data in _edges(expected).items():
        # GEXF's own names ("type", "start") are kept with a trailing underscore.
        renamed = {f"{name}_" if name in ("type", "start") else name: value for name, value in data.items()}
        assert got[u, v, k] == {**renamed, "id": f"{u}->{v}#{k}"}


def test_csv_edge_list_round_trip(tmp_path: Path) -> None:
    """networkx's from_pandas_edgelist reads the CSV back: same edges, keys and attributes."""
    pd = pytest.importorskip("pandas")
    g = _sample_graph()
    path = tmp_path / "g.csv"
    export.write_network(g, path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns[:3]) == ["source", "target", "key"]
    back = nx.from_pandas_edgelist(frame, edge_attr=True, edge_key="key", create_using=nx.MultiDiGraph)
    expected = export.plain_graph(g)
    got = {e: {k: v for k, v in d.items() if v != ""} for e, d in _edges(back).items()}
    assert got == {e: {k: str(v) for k, v in d.items()} for e, d in _edges(expected).items()}


def test_read_network_reads_every_format_back(tmp_path: Path) -> None:
    """read_network gives a MultiDiGraph of the same edges whatever the format."""
    g = _sample_graph()
    for suffix in export.FORMATS:
        path = tmp_path / f"g{suffix}"
        export.write_network(g, path)
        back = export.read_network(path)
        assert isinstance(back, nx.MultiDiGraph)
        assert set(map(str, back.edges(keys=True))) == set(map(str, g.edges(keys=True))), suffix


def test_write_network_refuses_an_unknown_format(tmp_path: Path) -> None:
    """A format that cannot be guessed, or is unknown, is a ValueError naming the formats."""
    g = _sample_graph()
    with pytest.raises(ValueError, match="graphml"):
        export.write_network(g, tmp_path / "g.txt")
    with pytest.raises(ValueError, match="unknown network format"):
        export.write_network(g, tmp_path / "g.json", format="dot")  # type: ignore[arg-type]


def test_simple_graphs_are_written_too(tmp_path: Path) -> None:
    """A DiGraph (for instance a collapsed network) also round-trips through GraphML."""
    g = nx.DiGraph()
    g.add_edge("RUS", "KAZ", weight=3, domains={Domain.SECURITY})
    path = tmp_path / "d.graphml"
    export.write_graphml(g, path)
    back = nx.read_graphml(path)
    assert list(back.edges(data=True)) == [("RUS", "KAZ", {"weight": 3.0, "domains": "security"})]


# --------------------------------------------------------------------------
# Tables and the dataset
# --------------------------------------------------------------------------


def test_rows_of_every_table_have_its_columns(ds: ca.Dataset) -> None:
    """Every row of every table has exactly the columns the table declares."""
    for table in export.TABLES:
        for row in export.rows(ds, table):
            assert list(row) == export.columns(table), table


def test_rows_count_records_and_their_parts(ds: ca.Dataset) -> None:
    """Record tables have a row per record; part tables one per membership, effect or piece of evidence."""
    assert len(export.rows(ds, "roles")) == len(ds.roles)
    assert len(export.rows(ds, "memberships")) == sum(len(o.members) for o in ds.organizations)
    assert len(export.rows(ds, "effects")) == sum(len(s.effects) for s in ds.scenarios)
    assert len(export.rows(ds, "evidence")) == sum(len(r.evidence) for r in ds)


def test_unknown_table_is_an_unknown_id_error(ds: ca.Dataset) -> None:
    """Asking for a table that does not exist raises UnknownIdError naming it."""
    with pytest.raises(ca.UnknownIdError, match="'rolez'"):
        export.rows(ds, "rolez")


def test_to_frame_of_an_unknown_table_lists_the_tables(ds: ca.Dataset) -> None:
    """``to_frame(ds, "event")`` raises UnknownIdError listing every valid table name, and the error pickles with them."""
    import pickle

    with pytest.raises(ca.UnknownIdError) as info:
        export.to_frame(ds, "event")
    assert str(info.value).startswith("unknown table id 'event'; expected one of states, organizations, ")
    assert all(name in str(info.value) for name in export.TABLES)
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)


def test_to_frame_indexes_records_by_id(ds: ca.Dataset) -> None:
    """A record table is a DataFrame indexed by id, with values flattened and nullable integers."""
    pytest.importorskip("pandas")
    frame = export.to_frame(ds, "states")
    assert frame.index.name == "id" and frame.loc["KAZ", "name"] == "Kazakhstan"
    assert str(frame["cow_code"].dtype) == "Int64"
    roles = export.to_frame(ds, "roles")
    assert set(roles["domain"]) <= {d.value for d in Domain}
    assert all(isinstance(v, tuple) for v in roles["over"])


def test_to_frame_of_an_empty_table_keeps_its_columns() -> None:
    """An empty dataset still gives frames with the table's columns."""
    pytest.importorskip("pandas")
    frame = export.to_frame(ca.Dataset(), "arms_transfers")
    assert len(frame) == 0 and "designation" in frame.columns and str(frame["year"].dtype) == "Int64"


def test_to_frame_without_pandas_names_the_extra(ds: ca.Dataset) -> None:
    """Where pandas is missing, to_frame raises MissingDependencyError (an ImportError) naming the extra."""
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import centralasia as ca\n"
        "from centralasia.export import to_frame\nfrom centralasia import MissingDependencyError\n"
        "try:\n    to_frame(ca.load(), 'roles')\n"
        "except MissingDependencyError as exc:\n    print(isinstance(exc, ImportError), exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True to_frame needs pandas: pip install 'centralasia[pandas]'"


def test_write_table_is_csv_with_the_columns(ds: ca.Dataset, tmp_path: Path) -> None:
    """write_table writes one CSV row per record, tuples joined by ';'."""
    import csv

    path = tmp_path / "roles.csv"
    export.write_table(ds, "roles", path)
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["id"] for r in table] == [r.id for r in ds.roles]
    assert table[0]["over"] == ";".join(ds.roles[0].over)


def test_write_dataset_round_trips(ds: ca.Dataset, tmp_path: Path) -> None:
    """The dataset written as JSON loads back equal."""
    path = tmp_path / "all.json"
    export.write_dataset(ds, path)
    assert ca.load(path) == ds


@pytest.mark.parametrize("suffix", [".json", ".graphml", ".gexf"])
def test_the_influence_network_round_trips(ds: ca.Dataset, tmp_path: Path, suffix: str) -> None:
    """The bundled influence network comes back from networkx's reader with the same nodes, edges, keys and attributes."""
    g = ca.influence_network(ds)
    path = tmp_path / f"influence{suffix}"
    export.write_network(g, path)
    if suffix == ".json":
        back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), directed=True, multigraph=True, edges="edges")
        expected = export.plain_graph(g, lists=True)
    elif suffix == ".graphml":
        back = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
        expected = export.plain_graph(g)
    else:
        back = nx.read_gexf(path)
        expected = export.plain_graph(g)
        for _, data in expected.nodes(data=True):
            data["label"] = data["name"]
        for u, v, k, data in expected.edges(keys=True, data=True):
            data["id"] = f"{u}->{v}#{k}"
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert _edges(back) == _edges(expected)
    assert back.number_of_edges() == g.number_of_edges()


# --------------------------------------------------------------------------
# Files that can be read back, and our errors only
# --------------------------------------------------------------------------

#: Characters XML 1.0 cannot hold, even escaped: a GraphML or GEXF file with one is not well-formed.
XML_INVALID = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f\x1b", "\ufffe", "\uffff", "\ud800"]


def _graph_with(place: str, text: str) -> nx.MultiDiGraph:
    """A one-edge network holding *text* at *place*: a node id, an edge key, or an attribute name or value."""
    g = nx.MultiDiGraph()
    node = f"K{text}Z" if place == "node-id" else "KAZ"
    key = f"k{text}" if place == "edge-key" else "k"
    g.add_edge("RUS", node, key=key, domain="security", weight=1.0)
    if place == "node-value":
        g.nodes[node]["name"] = f"Kazakh{text}stan"
    elif place == "edge-value":
        g.edges["RUS", node, key]["note"] = f"a{text}b"
    elif place == "attribute-name":
        g.edges["RUS", node, key][f"n{text}"] = "x"
    elif place == "graph-value":
        g.graph["title"] = f"t{text}"
    return g


PLACES = ["node-id", "edge-key", "node-value", "edge-value", "attribute-name", "graph-value"]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("char", XML_INVALID, ids=[repr(c) for c in XML_INVALID])
@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_xml_formats_refuse_text_they_cannot_hold(tmp_path: Path, place: str, char: str, suffix: str) -> None:
    """A character XML cannot hold, anywhere in the graph, is a DataError with its place; nothing is written, an old file is kept."""
    path = tmp_path / f"g{suffix}"
    path.write_bytes(b"old")
    with pytest.raises(ca.DataError) as info:
        export.write_network(_graph_with(place, char), path)
    assert info.value.problems and all(p.path.startswith(("$.nodes[", "$.edges[", "$.graph")) for p in info.value.problems)
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize(
    ("suffix", "place"),
    [(".json", place) for place in PLACES] + [(".csv", place) for place in ("node-id", "edge-key", "edge-value", "attribute-name")],
)
def test_lone_surrogates_are_refused_by_every_format(tmp_path: Path, place: str, suffix: str) -> None:
    """JSON and CSV hold control characters, but no format holds a lone surrogate (where it writes the text at all): a DataError, not a UnicodeEncodeError or a partial file."""
    path = tmp_path / f"g{suffix}"
    with pytest.raises(ca.DataError) as info:
        export.write_network(_graph_with(place, "\udc80"), path)
    assert not isinstance(info.value, UnicodeError) and "surrogate" in str(info.value)
    assert not path.exists()


@pytest.mark.parametrize("place", ["node-id", "node-value", "edge-value"])
@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_control_characters_round_trip_where_the_format_holds_them(tmp_path: Path, place: str, suffix: str) -> None:
    """Node-link JSON and CSV escape or quote control characters: read_network gives the same text back."""
    g = _graph_with(place, "\x1b\n")
    path = tmp_path / f"g{suffix}"
    export.write_network(g, path)
    back = export.read_network(path)
    assert set(back.nodes) == {str(n) for n in g.nodes}
    if place == "edge-value":
        assert [d["note"] for _, _, d in back.edges(data=True)] == ["a\x1b\nb"]


def test_a_dataset_built_in_code_with_unwritable_text_is_refused(tmp_path: Path) -> None:
    """write_dataset and write_table name the field holding a lone surrogate; an existing file survives."""
    state = ca.State(id="KAZ", name="Kazakhstan", evidence=[ca.Evidence(paragraph=1)])
    ds = ca.Dataset(states=[state])
    object.__setattr__(state, "name", "Ka\ud800z")  # changed after every check, as data built in code may be
    path = tmp_path / "out.json"
    path.write_bytes(b"old")
    with pytest.raises(ca.DataError) as info:
        export.write_dataset(ds, path)
    assert [p.path for p in info.value.problems] == ["$.states[0].name"]
    with pytest.raises(ca.DataError) as info:
        export.write_table(ds, "states", path)
    assert [p.path for p in info.value.problems] == ["$[0].name"]
    assert path.read_bytes() == b"old"


READ_CASES = [
    ("json-not-json", ".json", b"{nope"),
    ("json-empty", ".json", b""),
    ("json-a-list", ".json", b"[1, 2]"),
    ("json-nodes-not-a-list", ".json", b'{"nodes": 5, "edges": []}'),
    ("json-edge-without-ends", ".json", b'{"directed": true, "multigraph": true, "nodes": [], "edges": [{"x": 1}]}'),
    ("json-deep", ".json", b"[" * 100_000),
    ("json-not-utf8", ".json", b'{"nodes": ["\xff"]}'),
    ("graphml-truncated", ".graphml", b"<?xml version='1.0'?><graphml><graph"),
    ("graphml-not-xml", ".graphml", b"not xml"),
    (
        "graphml-int-that-is-not",
        ".graphml",
        b"<graphml xmlns='http://graphml.graphdrawing.org/xmlns'><key id='d0' for='node' attr.name='x' attr.type='int'/>"
        b"<graph edgedefault='directed'><node id='a'><data key='d0'>abc</data></node></graph></graphml>",
    ),
    (
        "graphml-undeclared-key",
        ".graphml",
        b"<graphml xmlns='http://graphml.graphdrawing.org/xmlns'><graph edgedefault='directed'><node id='a'><data key='d9'>1</data></node></graph></graphml>",
    ),
    ("gexf-empty", ".gexf", b""),
    ("gexf-wrong-root", ".gexf", b"<?xml version='1.0'?><nope/>"),
    ("csv-empty", ".csv", b""),
    ("csv-no-source-column", ".csv", b"a,b\n1,2\n"),
    ("csv-row-too-long", ".csv", b"source,target\nRUS,KAZ,extra\n"),
    ("csv-row-too-short", ".csv", b"source,target\nRUS\n"),
    ("csv-not-utf8", ".csv", b"source,target\n\xff,KAZ\n"),
]


@pytest.mark.parametrize(("suffix", "content"), [c[1:] for c in READ_CASES], ids=[c[0] for c in READ_CASES])
def test_read_network_of_a_malformed_file_names_it(tmp_path: Path, suffix: str, content: bytes) -> None:
    """A file networkx cannot make a graph of is one DataError naming the file, never a parser's or networkx's own error."""
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(ca.DataError) as info:
        export.read_network(path)
    assert type(info.value) is ca.DataError and str(path) in str(info.value)


@pytest.mark.parametrize("suffix", list(export.FORMATS))
def test_read_network_of_a_missing_file_or_a_folder(tmp_path: Path, suffix: str) -> None:
    """A missing file, or a folder, is a DataError naming the path, with the OSError as its cause."""
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    for path in (tmp_path / f"absent{suffix}", folder):
        with pytest.raises(ca.DataError) as info:
            export.read_network(path)
        assert str(path) in str(info.value) and isinstance(info.value.__cause__, OSError)


WRONG_ARGUMENTS: list[tuple[str, Any, str]] = [
    ("rows-ds-an-int", lambda ds, p: export.rows(5, "states"), "ds"),
    ("rows-table-an-int", lambda ds, p: export.rows(ds, 5), "table"),
    ("rows-table-a-list", lambda ds, p: export.rows(ds, ["states"]), "table"),
    ("columns-table-a-list", lambda ds, p: export.columns(["states"]), "table"),
    ("to-frame-table-none", lambda ds, p: export.to_frame(ds, None), "table"),
    ("write-table-file-an-int", lambda ds, p: export.write_table(ds, "states", 5), "file"),
    ("write-dataset-not-a-dataset", lambda ds, p: export.write_dataset({"states": []}, p / "x.json"), "ds"),
    ("write-network-graph-a-dict", lambda ds, p: export.write_network({"RUS": "KAZ"}, p / "x.json"), "graph"),
    ("plain-graph-an-int", lambda ds, p: export.plain_graph(5), "graph"),
    ("network-to-json-a-list", lambda ds, p: export.network_to_json([("RUS", "KAZ")]), "graph"),
    ("write-network-format-a-list", lambda ds, p: export.write_network(_sample_graph(), p / "x.json", ["json"]), "format"),
    ("write-network-format-unknown", lambda ds, p: export.write_network(_sample_graph(), p / "x.json", "dot"), "format"),
    ("write-network-no-suffix", lambda ds, p: export.write_network(_sample_graph(), p / "x"), "path"),
    ("read-network-format-unknown", lambda ds, p: export.read_network(p / "x.json", "yaml"), "format"),
]


@pytest.mark.parametrize(("call", "field"), [c[1:] for c in WRONG_ARGUMENTS], ids=[c[0] for c in WRONG_ARGUMENTS])
def test_wrong_arguments_are_argument_errors(tmp_path: Path, call: Any, field: str) -> None:
    """Wrong-type or unknown arguments give an ArgumentError naming the argument, never a bare TypeError or AttributeError."""
    with pytest.raises(ca.ArgumentError) as info:
        call(ca.Dataset(), tmp_path)
    assert info.value.field == field
    assert list(tmp_path.iterdir()) == []


def test_the_format_tables_are_read_only() -> None:
    """FORMATS and WRITERS cannot be changed by a caller, and columns() hands out a fresh list."""
    with pytest.raises(TypeError):
        export.FORMATS[".txt"] = "csv"  # type: ignore[index]
    with pytest.raises(TypeError):
        export.WRITERS["csv"] = export.write_node_link  # type: ignore[index]
    assert isinstance(export.TABLES, tuple)
    export.columns("effects").append("oops")
    assert export.columns("effects") == ["scenario", "actor", "domain", "direction", "over", "description"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b'{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a"}], "nodes": [], "edges": []}', "duplicate key"),
        (b'{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a", "w": NaN}], "edges": []}', "NaN"),
        (b'{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a", "w": -Infinity}], "edges": []}', "Infinity"),
    ],
    ids=["duplicate-key", "nan", "infinity"],
)
def test_read_network_reads_json_as_strictly_as_load(tmp_path: Path, content: bytes, needle: str) -> None:
    """A node-link file with a repeated key or a non-finite number is refused, as ``load`` refuses them, never read with data lost."""
    path = tmp_path / "n.json"
    path.write_bytes(content)
    with pytest.raises(ca.DataError, match=needle):
        export.read_network(path)


@pytest.mark.parametrize("suffix", [".json", ".graphml", ".gexf", ".csv"])
def test_a_network_holding_nan_is_not_written(tmp_path: Path, suffix: str) -> None:
    """NaN or an infinity in a graph's attributes is refused with its place, and an existing file survives, in every format."""
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", weight=float("nan"))
    path = tmp_path / f"n{suffix}"
    path.write_bytes(b"old")
    with pytest.raises(ca.DataError, match=r"\$\.edges\[0\]\.weight"):
        export.write_network(G, path)
    assert path.read_bytes() == b"old"


def test_a_stream_that_fails_is_our_error() -> None:
    """write_table to a caller's stream that cannot be written raises our DataError, not the stream's OSError."""

    class Full:
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(ca.DataError, match="No space left"):
        export.write_table(ca.load(), "states", Full())  # type: ignore[arg-type]
