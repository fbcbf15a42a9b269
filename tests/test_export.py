"""Exports: tables, the dataset as JSON, and networks read back by networkx's own readers."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

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
