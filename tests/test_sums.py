"""Pair sums: one pass over the relation stream, and the networks, summaries and scores built from it."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
import pytest
import strategies as cs
from builders import EV, claimed, small, split
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia.network import _edge_adder
from centralasia.weights import Layer

SEC, ECO, DIP = ca.Domain.SECURITY, ca.Domain.ECONOMIC, ca.Domain.DIPLOMATIC

#: Options of the relation stream that change what is summed.
OPTIONS: list[dict[str, Any]] = [
    {},
    {"domain": "security"},
    {"as_of": "2016-03"},
    {"as_of": "2015", "include_undated": False},
    {"scenario": "scn-detente-with-west"},
    {"share_claims": False},
    {"weights": ca.Weights(layers={"visit": 2.0, "role": 1.0}, certainty={"reported": 0.25})},
]


def summed(relations: Iterable[ca.Relation]) -> tuple[dict[tuple[object, ...], float], dict[tuple[object, ...], int]]:
    """The relations summed per (source, target, domain, layer) in their order, with how many made each sum."""
    totals: dict[tuple[object, ...], float] = {}
    counts: dict[tuple[object, ...], int] = {}
    for r in relations:
        key = (r.source, r.target, r.domain, r.layer)
        totals[key] = totals.get(key, 0.0) + r.weight
        counts[key] = counts.get(key, 0) + 1
    return totals, counts


def same_graph(H: nx.DiGraph, expected: nx.DiGraph) -> None:
    """*H* and *expected* have the same graph attributes, nodes and edges, attributes and order included."""
    assert type(H) is type(expected) is nx.DiGraph
    assert H.graph == expected.graph
    assert list(H.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(H.edges(data=True)) == list(expected.edges(data=True))


def same_summary(s: ca.RoleSummary, expected: ca.RoleSummary) -> None:
    """*s* and *expected* hold the same table, in the same order, and give the same rows."""
    assert list(s.influence_table.items()) == list(expected.influence_table.items())
    assert s == expected
    assert s.rows() == expected.rows()


# -- the one pass ------------------------------------------------------------------


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or "default")
def test_pair_sums_are_the_relations_summed_per_key_in_their_order(options: dict[str, Any]) -> None:
    """Each total and count is that of summing relations() with the same options key by key, keys in first-seen order."""
    ds = ca.load()
    s = ca.pair_sums(ds, **options)
    totals, counts = summed(ca.relations(ds, **options))
    assert list(s.totals.items()) == list(totals.items())
    assert list(s.counts.items()) == list(counts.items())
    assert all(isinstance(key[2], ca.Domain) and isinstance(key[3], Layer) for key in s.totals)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or "default")
def test_one_pass_gives_the_network_and_summary_of_two(options: dict[str, Any]) -> None:
    """weighted_network and role_summary built from one pass's sums equal those that stream the records themselves."""
    ds = ca.load()
    s = ca.pair_sums(ds, **options)
    same_graph(ca.weighted_network(ds, sums=s), ca.weighted_network(ds, **options))
    if "domain" not in options:
        same_summary(ca.role_summary(ds, sums=s), ca.role_summary(ds, **options))
        same_summary(
            ca.role_summary(ds, sums=s, powers=("RUS", "CHN", "USA"), over="TJK"), ca.role_summary(ds, powers=("RUS", "CHN", "USA"), over="TJK", **options)
        )


def test_a_summary_from_sums_explains_and_reads_as_one_that_streamed() -> None:
    """explain(), readings() and str() of a summary built from sums re-read the dataset with its query, as today's do."""
    ds = ca.load()
    for options in ({}, {"scenario": "scn-detente-with-west", "as_of": "2016"}):
        one, two = ca.role_summary(ds, sums=ca.pair_sums(ds, **options)), ca.role_summary(ds, **options)  # type: ignore[arg-type]
        assert one.query == two.query
        assert one.explain("CHN", "security", over="TJK") == two.explain("CHN", "security", over="TJK")
        assert str(one) == str(two)


def test_summary_from_sums_of_a_one_shot_stream_refuses_to_read_it_again() -> None:
    """Sums of a generator keep no reference to it: the summary built from them refuses explain(); a list is read again."""
    index, streamed = split(small())
    s = ca.pair_sums(index, records=iter(streamed))
    assert s.one_shot and s.query.records is None
    summary = ca.role_summary(index, sums=s)
    with pytest.raises(ca.ArgumentError, match="one-shot"):
        summary.explain("RUS", "security")
    again = ca.role_summary(index, sums=ca.pair_sums(index, records=streamed))
    assert again.explain("RUS", "security") == ca.role_summary(index, records=streamed).explain("RUS", "security")


def test_pair_sums_of_claimed_records_share_each_claim_as_the_stream_does() -> None:
    """Records resting on claims are held back and settled together, so the sums equal those of the shared relations."""
    ds = claimed()
    for share in (True, False):
        s = ca.pair_sums(ds, share_claims=share)
        totals, counts = summed(ca.relations(ds, share_claims=share))
        assert list(s.totals.items()) == list(totals.items()) and list(s.counts.items()) == list(counts.items())


@given(
    st.one_of(cs.influence_datasets(), cs.claimed_datasets()),
    st.sampled_from([None, *ca.Domain]),
    st.one_of(st.none(), cs.partial_dates()),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_one_pass_equals_two_on_any_dataset(
    ds: ca.Dataset, domain: ca.Domain | None, as_of: ca.PartialDate | None, include_undated: bool, with_scenario: bool, share_claims: bool
) -> None:
    """For any dataset, domain, cut, scenario and claim sharing, the network and summary from pair_sums equal those streamed (and the collapsed multigraph)."""
    scenario = ds.scenarios[0].id if with_scenario and ds.scenarios else None
    q: dict[str, Any] = {"as_of": as_of, "include_undated": include_undated, "scenario": scenario, "share_claims": share_claims}
    s = ca.pair_sums(ds, domain=domain, **q)
    totals, counts = summed(ca.relations(ds, domain=domain, **q))
    assert list(s.totals.items()) == list(totals.items()) and list(s.counts.items()) == list(counts.items())
    H = ca.weighted_network(ds, sums=s)
    same_graph(H, ca.weighted_network(ds, domain=domain, **q))
    same_graph(H, ca.collapse(ca.influence_network(ds, domain=domain, **q)))
    if ca.actors.central_asian_states(ds) and all(p in ds.ids for p in ("RUS", "CHN")):
        same_summary(ca.role_summary(ds, sums=ca.pair_sums(ds, **q)), ca.role_summary(ds, **q))


@given(cs.influence_datasets())
def test_pair_sums_of_streamed_records_are_those_of_the_stream(ds: ca.Dataset) -> None:
    """With ``records=`` the sums are those of relations() of the same stream."""
    index, streamed = split(ds)
    s = ca.pair_sums(index, records=iter(streamed))
    totals, counts = summed(ca.relations(index, records=iter(streamed)))
    assert list(s.totals.items()) == list(totals.items()) and list(s.counts.items()) == list(counts.items())


# -- bad sums= ------------------------------------------------------------------


def test_sums_argument_must_be_pair_sums_given_alone() -> None:
    """``sums=`` that is no PairSums, or beside query options, is an ArgumentError naming it; a summary refuses sums of one domain."""
    ds = small()
    s = ca.pair_sums(ds)
    with pytest.raises(ca.ArgumentError, match=r"sums must be PairSums") as info:
        ca.weighted_network(ds, sums={"x": 1.0})  # type: ignore[arg-type]
    assert info.value.problems[0].path == "$.sums"
    with pytest.raises(ca.ArgumentError, match="sums must be PairSums"):
        ca.role_summary(ds, sums=ca.weighted_network(ds))  # type: ignore[arg-type]
    with pytest.raises(ca.ArgumentError, match="cannot be given with sums=") as info:
        ca.weighted_network(ds, sums=s, as_of="2016")
    assert info.value.problems[0].path == "$.as_of"
    with pytest.raises(ca.ArgumentError, match="cannot be given with sums="):
        ca.role_summary(ds, sums=s, scenario="anything")
    with pytest.raises(ca.ArgumentError, match="covers every domain"):
        ca.role_summary(ds, sums=ca.pair_sums(ds, domain="security"))
    with pytest.raises(ca.DataError, match="no count for"):  # refused when made, before any network reads it
        ca.PairSums(query=s.query, totals=s.totals, counts={})
    with pytest.raises(ca.ArgumentError):
        ca.pair_sums(ds, domian="security")  # type: ignore[call-arg]
    with pytest.raises(ca.ArgumentError):
        ca.pair_sums("not a dataset")  # type: ignore[arg-type]


# -- from_rows ------------------------------------------------------------------


def test_from_rows_coerces_strings_and_numbers() -> None:
    """Domain and layer strings become enums, NumPy numbers plain ones; rows() gives the rows back."""
    np = pytest.importorskip("numpy")
    s = ca.PairSums.from_rows([("RUS", "KAZ", "security", "role", np.float64(2.5), np.int64(2)), ("CHN", "KAZ", ECO, Layer.AGREEMENT, 1, 1)])
    key = ("RUS", "KAZ", SEC, Layer.ROLE)
    assert s.totals[key] == 2.5 and type(s.totals[key]) is float
    assert s.counts[key] == 2 and type(s.counts[key]) is int
    assert list(s.rows()) == [("RUS", "KAZ", SEC, Layer.ROLE, 2.5, 2), ("CHN", "KAZ", ECO, Layer.AGREEMENT, 1.0, 1)]
    assert s.query == ca.Query()
    assert ca.PairSums.from_rows(s.rows(), query=s.query) == s
    assert repr(s).startswith("PairSums(2 keys of 3 relations, query=Query(")


def test_from_rows_of_pair_sums_builds_the_same_network_and_summary() -> None:
    """Sums read back from their rows (as a dataframe's groupby gives them) build the same network and summary."""
    ds = ca.load()
    s = ca.pair_sums(ds)
    back = ca.PairSums.from_rows(s.rows(), query=s.query)
    same_graph(ca.weighted_network(ds, sums=back), ca.weighted_network(ds))
    same_summary(ca.role_summary(ds, sums=back), ca.role_summary(ds))


@pytest.mark.parametrize(
    ("row", "path", "message"),
    [
        (("RUS", "KAZ", "military", "role", 1.0, 1), "$.rows[1].domain", "unknown Domain 'military'"),
        (("RUS", "KAZ", "security", "roles", 1.0, 1), "$.rows[1].layer", "unknown Layer 'roles'"),
        (("RUS", "KAZ", "security", "role", -1.0, 1), "$.rows[1].weight", "finite number >= 0"),
        (("RUS", "KAZ", "security", "role", math.nan, 1), "$.rows[1].weight", "finite number >= 0"),
        (("RUS", "KAZ", "security", "role", "1.0", 1), "$.rows[1].weight", "finite number >= 0"),
        (("RUS", "KAZ", "security", "role", 10**400, 1), "$.rows[1].weight", "finite number >= 0"),
        (("RUS", "KAZ", "security", "role", 1.0, 0), "$.rows[1].count", "whole number >= 1"),
        (("RUS", "KAZ", "security", "role", 1.0, True), "$.rows[1].count", "whole number >= 1"),
        (("RUS", "KAZ", "security", "role", 1.0, 1.5), "$.rows[1].count", "whole number >= 1"),
        ((None, "KAZ", "security", "role", 1.0, 1), "$.rows[1].source", "source must be an actor id"),
        (("RUS", "", "security", "role", 1.0, 1), "$.rows[1].target", "target must be an actor id"),
        (("RUS", "RUS", "security", "role", 1.0, 1), "$.rows[1].target", "two ends"),
        (("RUS", "KAZ", "security", "role", 1.0), "$.rows[1]", "6 columns"),
        ("RUS,KAZ", "$.rows[1]", "6 columns"),
        (("CHN", "KAZ", "economic", "agreement", 2.0, 1), "$.rows[1]", "each key comes once"),
    ],
)
def test_from_rows_refuses_a_bad_row_naming_its_place(row: object, path: str, message: str) -> None:
    """A bad row is a DataError at ``$.rows[i]`` (and its column), saying what is wrong."""
    good = ("CHN", "KAZ", "economic", "agreement", 2.0, 1)
    with pytest.raises(ca.DataError, match=message) as info:
        ca.PairSums.from_rows([good, row])  # type: ignore[list-item]
    assert [p.path for p in info.value.problems] == [path]


def test_from_rows_refuses_arguments_of_the_wrong_kind() -> None:
    """Rows that are no iterable of rows, or a query that is no Query, are ArgumentErrors naming the argument."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.PairSums.from_rows("RUS,KAZ")  # type: ignore[arg-type]
    assert info.value.problems[0].path == "$.rows"
    with pytest.raises(ca.ArgumentError) as info:
        ca.PairSums.from_rows([], query={"domain": "security"})  # type: ignore[arg-type]
    assert info.value.problems[0].path == "$.query"


KEY = ("RUS", "KAZ", SEC, Layer.ROLE)


@pytest.mark.parametrize(
    ("totals", "counts", "path"),
    [
        ({("RUS", "KAZ", "security", "role"): 1.0}, {KEY: 1}, "$.counts[0]"),
        ({KEY: math.nan}, {KEY: 1}, "$.rows[0].weight"),
        ({KEY: 1.0}, {KEY: 0}, "$.rows[0].count"),
        ({KEY: 1.0}, {KEY: 1, ("RUS", "TJK", SEC, Layer.ROLE): 1}, "$.totals"),
        ({"RUS": 1.0}, {"RUS": 1}, "$.totals[0]"),
    ],
)
def test_pair_sums_made_by_hand_are_checked_as_rows_are(totals: dict[Any, Any], counts: dict[Any, Any], path: str) -> None:
    """PairSums built directly from mappings are checked as from_rows checks rows: no KeyError or NaN later, in the network."""
    with pytest.raises(ca.DataError) as info:
        ca.PairSums(query=ca.Query(), totals=totals, counts=counts)
    assert info.value.problems[0].path == path


def test_pair_sums_made_by_hand_coerce_keys_and_are_read_only() -> None:
    """Sums made by hand with string keys get enum keys and read-only tables, as from_rows gives them."""
    s = ca.PairSums(query=ca.Query(), totals={("RUS", "KAZ", "security", "role"): 1}, counts={("RUS", "KAZ", "security", "role"): 1})
    assert s == ca.PairSums.from_rows([("RUS", "KAZ", "security", "role", 1.0, 1)])
    with pytest.raises(TypeError):
        s.totals[KEY] = 2.0  # type: ignore[index]


def test_sums_given_with_a_dataset_refuse_ids_it_lacks() -> None:
    """Sums naming an actor the dataset lacks (sums of another dataset) are refused at the row, not drawn as new nodes."""
    from centralasia.sums import given as given_sums

    ds = small()
    s = ca.PairSums.from_rows([("XXX", "KAZ", "security", "role", 1.0, 1)])
    with pytest.raises(ca.DataError) as info:
        given_sums(s, {}, ds)
    assert info.value.problems[0].path == "$.rows[0].source"
    assert given_sums(ca.pair_sums(ds), {}, ds).totals == ca.pair_sums(ds).totals


def test_to_frame_has_the_pair_sums_columns() -> None:
    """to_frame gives one typed row per key: source, target, domain, layer, weight, count."""
    pytest.importorskip("pandas")
    s = ca.pair_sums(ca.load())
    frame = s.to_frame()
    assert list(frame.columns) == ["source", "target", "domain", "layer", "weight", "count"]
    assert len(frame) == len(s.totals) and int(frame["count"].sum()) == sum(s.counts.values())
    assert [str(t) for t in frame.dtypes] == ["string", "string", "string", "string", "Float64", "Int64"]


# -- scores from sums ----------------------------------------------------------------


@pytest.mark.parametrize("measure", ["strength", "in_strength", "pagerank", "betweenness"])
def test_influence_scores_of_sums_score_the_actors_they_name(measure: ca.network.Measure) -> None:
    """Scores of pair sums are those of the network weighted_network builds from them (the actors they name)."""
    ds = ca.load()
    s = ca.pair_sums(ds)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ca.DescriptiveOnlyWarning)
        mine = ca.influence_scores(s, measure, domain="security")
        H = ca.weighted_network(ds, domain="security")
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
        theirs = ca.influence_scores(H, measure)
    assert mine.keys() == theirs.keys()
    assert mine == pytest.approx(theirs)
    if measure == "strength":
        everyone = ca.influence_scores(ca.influence_network(ds), measure, domain="security")
        assert {k: v for k, v in everyone.items() if k in mine} == mine


def test_influence_scores_of_sums_refuse_a_date_cut() -> None:
    """Sums carry no dates: as_of or include_undated beside them is an ArgumentError naming it."""
    s = ca.pair_sums(small())
    with pytest.raises(ca.ArgumentError, match="carry no dates") as info:
        ca.influence_scores(s, "strength", as_of="2016")
    assert info.value.problems[0].path == "$.as_of"
    with pytest.raises(ca.ArgumentError, match="carry no dates"):
        ca.influence_scores(s, "strength", include_undated=False)


# -- the graph builder ----------------------------------------------------------


def test_edge_adder_adds_what_add_edge_adds() -> None:
    """The fast edge adder of influence_network gives the graph add_edge gives, on a MultiDiGraph and on a subclass of one."""

    class Sub(nx.MultiDiGraph):  # type: ignore[type-arg]
        pass

    edges = [("a", "b", "r1", {"weight": 1.0}), ("a", "b", "r2", {"weight": 2.0}), ("b", "a", "r1", {"weight": 3.0}), ("a", "c", "r3", {"weight": 0.5})]
    for kind in (nx.MultiDiGraph, Sub):
        G, expected = kind(), nx.MultiDiGraph()
        G.add_nodes_from("ab")
        expected.add_nodes_from("ab")
        add = _edge_adder(G)
        for u, v, k, d in edges:
            add(u, v, k, dict(d))
            expected.add_edge(u, v, k, **d)
        assert list(G.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
        assert list(G.pred["b"].items()) == list(expected.pred["b"].items()) and list(G) == list(expected)


def test_influence_network_of_a_streamed_record_reusing_an_id_keeps_one_edge() -> None:
    """Two streamed records with one id, apart, give one edge key, its attributes those of the later, as add_edge did."""

    def feed() -> Iterator[ca.Record]:
        for rid, certainty in (("dup", ca.Certainty.STATED), ("other", ca.Certainty.STATED), ("dup", ca.Certainty.REPORTED)):
            yield ca.ArmsTransfer(
                id=rid, supplier="RUS", recipient="KAZ", designation="x", description="", category=ca.SipriCategory.AIRCRAFT, certainty=certainty, evidence=EV
            )

    G = ca.influence_network(small(), records=feed())
    assert G.edges["RUS", "KAZ", "dup"]["certainty"] == "reported"
    assert not G.has_edge("RUS", "KAZ", "dup#2")
