"""The influence network: edges from records, weights, as_of, collapse and scores with backends."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points

import networkx as nx
import pytest
import strategies as cs
from builders import BG, EV, extended, small, split, state
from hypothesis import given
from hypothesis import strategies as st
from networkx.utils import backends as nx_backends

import centralasia as ca
from centralasia._actors import central_asian_states, expand
from centralasia.network import DIRECTION
from centralasia.weights import Layer, Weights

SEC, ECO, DIP = ca.Domain.SECURITY, ca.Domain.ECONOMIC, ca.Domain.DIPLOMATIC


def edge_set(G: nx.MultiDiGraph) -> set[tuple[object, ...]]:
    return {(u, v, k, d["layer"], d["domain"], d["weight"], d["certainty"], d["date"], d["record"]) for u, v, k, d in G.edges(keys=True, data=True)}


EXPECTED = {
    ("RUS", "KAZ", "at-rus-kaz", "arms-transfer", "security", 3.0, "stated", "2015", "at-rus-kaz"),
    ("CHN", "KAZ", "at-chn-kaz", "arms-transfer", "security", 1.5, "reported", "2016", "at-chn-kaz"),
    ("CHN", "TJK", "ag-chn-tjk", "agreement", "security", 2.0, "stated", "2016-02", "ag-chn-tjk"),
    ("TJK", "CHN", "ag-chn-tjk", "agreement", "security", 2.0, "stated", "2016-02", "ag-chn-tjk"),
    ("RUS", "TJK", "visit", "visit", "security", 1.0, "stated", "2016-04-06", "visit"),
    ("isis", "KAZ", "attack", "attack", "security", 0.0, "stated", "2016-06-05", "attack"),
    ("CHN", "KAZ", "st", "statement", "economic", 0.75, "stated", None, "st"),
    ("CHN", "TJK", "st", "statement", "economic", 0.75, "stated", None, "st"),
    ("RUS", "KAZ", "guarantor", "role", "security", 2.0, "stated", None, "guarantor"),
    ("RUS", "TJK", "guarantor", "role", "security", 2.0, "stated", None, "guarantor"),
    ("RUS", "club", "club", "membership", "diplomatic", 0.5, "stated", "2001", "club"),
    ("KAZ", "club", "club", "membership", "diplomatic", 0.25, "stated", "2005", "club"),
    ("RUS", "KAZ", "club", "co-membership", "diplomatic", 0.25, "stated", "2005", "club"),
    ("KAZ", "RUS", "club", "co-membership", "diplomatic", 0.25, "stated", "2005", "club"),
}


# -- edges ----------------------------------------------------------------------


def test_every_record_gives_the_edges_and_weights_worked_out_by_hand() -> None:
    """Each record gives one edge per actor pair, with the documented direction, layer, domain and weight."""
    G = ca.influence_network(small())
    assert edge_set(G) == EXPECTED


def test_nodes_are_actors_with_attributes_and_groupings_are_not_nodes() -> None:
    """States and organisations are nodes with their attributes; state groupings are expanded, not nodes."""
    G = ca.influence_network(small())
    assert set(G) == {"RUS", "CHN", "KAZ", "TJK", "USA", "club", "isis"}
    assert G.nodes["KAZ"] == {"type": "state", "kind": "state", "name": "KAZ", "region": "Central Asia", "central_asian": True}
    assert G.nodes["isis"]["kind"] == "non-state-armed-group"
    assert G.graph["direction"] == DIRECTION == "u->v: u gains influence over v"


def test_domain_filter_keeps_only_that_domain() -> None:
    """``domain=`` keeps the edges of one domain, given as a Domain or its string value."""
    G = ca.influence_network(small(), domain="economic")
    assert {(u, v) for u, v in G.edges()} == {("CHN", "KAZ"), ("CHN", "TJK")}
    assert edge_set(ca.influence_network(small(), domain=ECO)) == edge_set(G)


@pytest.mark.parametrize("bad", ["military", "Security", 3])
def test_bad_domain_raises_a_field_error_before_any_work(bad: object) -> None:
    """An unknown domain raises FieldError (a ValueError) at once, also from the lazy relations stream."""
    with pytest.raises(ca.FieldError, match="unknown domain"):
        ca.influence_network(small(), domain=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ca.relations(small(), domain=bad)  # type: ignore[arg-type]


def test_relations_stream_lazily() -> None:
    """``relations`` returns an iterator, not a list: edges are made one record at a time."""
    stream = ca.relations(small())
    assert iter(stream) is stream
    first = next(stream)
    assert isinstance(first, ca.Relation)


def test_event_domain_comes_from_record_override_then_statements_then_kind() -> None:
    """An event's domain: the record override, else the statements made at it, else its kind."""
    base = small()
    said = ca.Statement(id="said", speakers=["envoy"], summary="At the visit", evidence=EV, occasion="visit", about=["TJK"], domain=DIP)
    ds = extended(base, statements=[said])
    visit = [r for r in ca.relations(ds) if r.record == "visit"]
    assert [r.domain for r in visit] == [DIP]
    # The statement is dated by its occasion.
    assert [r.date for r in ca.relations(ds) if r.record == "said"] == [ca.PartialDate(2016, 4, 6)]
    w = ca.DEFAULT_WEIGHTS.override(record_domains={"visit": "economic"})
    assert [r.domain for r in ca.relations(ds, weights=w) if r.record == "visit"] == [ECO]


def test_one_record_giving_the_same_pair_twice_gets_distinct_keys() -> None:
    """Edge keys stay unique (record id, then ``#2``...) so no edge overwrites another."""
    ds = small()
    # A co-membership RUS->KAZ and a second organisation with the same pair.
    club2 = ca.Organization(
        id="club2",
        name="B",
        kind=ca.OrganizationKind.SECURITY_MECHANISM,
        evidence=EV,
        members=[ca.Membership(member="RUS", evidence=EV), ca.Membership(member="KAZ", evidence=EV)],
    )
    G = ca.influence_network(extended(ds, organizations=[club2]))
    assert set(G["RUS"]["KAZ"]) == {"at-rus-kaz", "guarantor", "club", "club2"}
    sc = ca.make_scenario(
        "twice",
        [
            ca.Effect(actor="RUS", domain=SEC, direction=ca.Direction.INCREASE, description="up"),
            ca.Effect(actor="RUS", domain=ECO, direction=ca.Direction.INCREASE, description="up"),
        ],
    )
    G = ca.influence_network(ds, scenario=sc)
    assert {"twice", "twice#2"} <= set(G["RUS"]["KAZ"])


def test_a_member_listed_twice_gets_one_edge_with_its_earliest_date_and_best_standing() -> None:
    """Memberships of one member (left and rejoined, say) merge: one edge, the earliest date, the strongest standing."""
    club = ca.Organization(
        id="club",
        name="A club",
        kind=ca.OrganizationKind.SECURITY_MECHANISM,
        evidence=EV,
        members=[
            ca.Membership(member="RUS", evidence=EV, status=ca.MembershipStatus.OBSERVER, since=ca.PartialDate(2001)),
            ca.Membership(member="RUS", evidence=EV, since=ca.PartialDate(2010)),
            ca.Membership(member="KAZ", evidence=EV),
        ],
    )
    ds = ca.Dataset(states=[state("RUS"), state("KAZ", True)], organizations=[club])
    edges = {(r.source, r.target, r.layer.value): (r.weight, r.date) for r in ca.relations(ds)}
    assert edges == {
        ("RUS", "club", "membership"): (0.5, ca.PartialDate(2001)),
        ("KAZ", "club", "membership"): (0.5, None),
        ("RUS", "KAZ", "co-membership"): (0.5, ca.PartialDate(2001)),
        ("KAZ", "RUS", "co-membership"): (0.5, ca.PartialDate(2001)),
    }


def test_expand_replaces_groupings_by_members_and_rejects_unknown_ids() -> None:
    """Groupings expand to their members, once each, in order; unknown ids raise UnknownIdError."""
    ds = small()
    assert expand(ds, ["TJK", "ca", "RUS"]) == ("TJK", "KAZ", "RUS")
    assert central_asian_states(ds) == ("KAZ", "TJK")
    with pytest.raises(ca.UnknownIdError):
        expand(ds, ["nowhere"])
    with pytest.raises(LookupError):
        expand(ds, ["envoy"])  # a person is not an actor


# -- streamed records -----------------------------------------------------------


def relation_keys(relations: Iterable[ca.Relation]) -> list[tuple[object, ...]]:
    return sorted((r.source, r.target, r.layer.value, r.domain.value, r.weight, r.record, str(r.date)) for r in relations)


@given(cs.influence_datasets())
def test_streamed_records_give_the_relations_and_network_of_a_dataset_holding_them(ds: ca.Dataset) -> None:
    """``relations(index, records=stream)`` and ``influence_network`` equal those of the dataset of both."""
    index, streamed = split(ds)
    assert relation_keys(ca.relations(index, records=iter(streamed))) == relation_keys(ca.relations(ds))
    assert edge_set(ca.influence_network(index, records=iter(streamed))) == edge_set(ca.influence_network(ds))


def test_streamed_records_are_read_once_lazily_and_groupings_expand() -> None:
    """A generator of records is read once, one record at a time; groupings in streamed records expand to members once each."""
    read: list[str] = []

    def feed() -> Iterator[ca.Record]:
        for i in range(3):
            read.append(f"ag-{i}")
            yield ca.Agreement(id=f"ag-{i}", title="A pact", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=SEC, parties=["ca", "KAZ", "RUS"], evidence=EV)

    stream = ca.relations(small(), records=feed())
    assert read == []
    rest = list(stream)
    assert read == ["ag-0", "ag-1", "ag-2"]
    pairs = [(r.source, r.target) for r in rest if r.record == "ag-0"]
    assert sorted(pairs) == sorted((u, v) for u in ("KAZ", "TJK", "RUS") for v in ("KAZ", "TJK", "RUS") if u != v)


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (
            ca.Role(id="r", actor="RUS", role=ca.RoleKind.MEDIATOR, domain=DIP, over=["KAZ", "KAZZ"], summary="x", evidence=EV),
            "unknown id 'KAZZ' @ $.records[1].over[1]",
        ),
        (ca.Statement(id="s", speakers=["RUS"], summary="x", evidence=EV), "'RUS' is a State, not a person @ $.records[1].speakers[0]"),
        (
            ca.ArmsTransfer(id="visit", supplier="RUS", recipient="KAZ", designation="x", description="", category=ca.SipriCategory.OTHER, evidence=EV),
            "id 'visit' is already a record of the dataset @ $.records[1].id",
        ),
        (state("UZB"), "expected an Agreement, ArmsTransfer, Event, Statement or Role"),
        ("at-rus-kaz", "got str @ $.records[1]"),
    ],
)
def test_a_bad_streamed_record_raises_a_data_error_at_its_place_in_the_stream(record: object, problem: str) -> None:
    """Each streamed record is checked against the dataset when its turn comes; the relations before it were already yielded."""
    good = ca.Event(id="ok", kind=ca.EventKind.VISIT, title="A visit", evidence=EV, actors=["CHN"], host="KAZ")
    seen: list[str] = []
    with pytest.raises(ca.DataError, match="invalid streamed record") as caught:
        for r in ca.relations(small(), records=[good, record]):  # type: ignore[list-item]
            seen.append(r.record)
    assert problem in str(caught.value)
    assert "ok" in seen


@pytest.mark.parametrize("bad", ["at-rus-kaz", b"x", {"events": []}, 3, small()])
def test_records_must_be_an_iterable_of_records_and_are_refused_at_once(bad: object) -> None:
    """``records=`` that is text, a mapping, a number or a whole Dataset raises FieldError before anything is read."""
    with pytest.raises(ca.FieldError, match=r"records must be an iterable of records") as caught:
        ca.relations(small(), records=bad)  # type: ignore[arg-type]
    if isinstance(bad, ca.Dataset):
        assert "Dataset.merge" in str(caught.value)
    with pytest.raises(ca.FieldError):
        ca.influence_network(small(), records=bad)  # type: ignore[arg-type]


# -- weights --------------------------------------------------------------------


def test_weights_merge_partial_tables_into_the_defaults() -> None:
    """A Weights table names only what changes; strings and enum members both work."""
    w = Weights(layers={"arms-transfer": 5.0}, certainty={ca.Certainty.REPORTED: 0.2}, roles={"security-guarantor": 0.5})
    assert w.layers[Layer.ARMS_TRANSFER] == 5.0
    assert w.layers[Layer.VISIT] == ca.DEFAULT_WEIGHTS.layers[Layer.VISIT]
    assert w.certainty[ca.Certainty.REPORTED] == 0.2
    assert Weights() == ca.DEFAULT_WEIGHTS
    assert hash(Weights()) == hash(ca.DEFAULT_WEIGHTS)
    assert w.override(layers={"visit": 9}).layers[Layer.ARMS_TRANSFER] == 5.0


def test_analyst_can_change_one_weight_and_see_it_in_the_edges() -> None:
    """Changing one number of the table changes exactly the edges of that kind."""
    w = ca.DEFAULT_WEIGHTS.override(layers={"arms-transfer": 4.0}, certainty={"reported": 0.25})
    G = ca.influence_network(small(), weights=w)
    assert G.edges["RUS", "KAZ", "at-rus-kaz"]["weight"] == 4.0
    assert G.edges["CHN", "KAZ", "at-chn-kaz"]["weight"] == 1.0
    assert G.edges["RUS", "TJK", "visit"]["weight"] == 1.0


def test_default_weights_count_reported_and_projected_claims_less_than_stated() -> None:
    """Stated claims weigh most; assessed, reported and projected ones progressively less."""
    c = ca.DEFAULT_WEIGHTS.certainty
    assert c[ca.Certainty.STATED] > c[ca.Certainty.ASSESSED] > c[ca.Certainty.REPORTED] > c[ca.Certainty.PROJECTED] > 0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"layers": {"bribe": 1.0}}, "unknown Layer 'bribe'"),
        ({"layers": {"scenario": 1.0}}, "Magnitudes"),
        ({"layers": {"visit": -1}}, ">= 0"),
        ({"layers": {"visit": math.nan}}, "finite"),
        ({"layers": {"visit": "1"}}, "must be a number"),
        ({"certainty": {"rumoured": 1}}, "unknown Certainty"),
        ({"roles": {"king": 1}}, "unknown RoleKind"),
        ({"background": -0.5}, ">= 0"),
        ({"event_domains": {"visit": "military"}}, "unknown domain"),
        ({"record_domains": {"": "security"}}, "record ids"),
        ({"layers": ["visit"]}, "must be a mapping"),
    ],
)
def test_bad_weights_raise_field_errors_naming_the_problem(kwargs: dict[str, object], message: str) -> None:
    """Unknown relation kinds, negative or non-finite numbers raise FieldError (a ValueError), never KeyError."""
    with pytest.raises(ca.FieldError, match=message):
        Weights(**kwargs)  # type: ignore[arg-type]


def test_without_zeroes_layers_but_keeps_their_edges() -> None:
    """``Weights.without`` sets layers to 0; the edges stay in the network, at weight 0."""
    G = ca.influence_network(small(), weights=ca.DEFAULT_WEIGHTS.without("role"))
    assert G.edges["RUS", "KAZ", "guarantor"]["weight"] == 0.0


def test_background_only_records_take_the_background_factor() -> None:
    """A record only background evidence supports is weighted by ``background``."""
    extra = ca.ArmsTransfer(
        id="at-bg", supplier="RUS", recipient="TJK", designation="T-72", description="tanks", category=ca.SipriCategory.ARMOURED_VEHICLES, evidence=BG
    )
    ds = extended(small(), arms_transfers=[extra])
    w = ca.DEFAULT_WEIGHTS.override(background=0.5)
    assert ca.influence_network(ds, weights=w).edges["RUS", "TJK", "at-bg"]["weight"] == 1.5
    assert ca.influence_network(ds, weights=w).edges["RUS", "KAZ", "at-rus-kaz"]["weight"] == 3.0


def test_weights_are_read_only_hashable_and_picklable() -> None:
    """A Weights table cannot be changed in place, hashes by value and survives pickling."""
    import pickle

    with pytest.raises(TypeError, match="read-only"):
        ca.DEFAULT_WEIGHTS.layers[Layer.VISIT] = 9.0  # type: ignore[index]
    copy = pickle.loads(pickle.dumps(ca.DEFAULT_WEIGHTS))
    assert copy == ca.DEFAULT_WEIGHTS and hash(copy) == hash(ca.DEFAULT_WEIGHTS)
    assert {ca.DEFAULT_WEIGHTS: 1}[Weights()] == 1


def test_weights_print_as_a_readable_table() -> None:
    """``str(Weights)`` lists every layer and certainty factor."""
    text = str(ca.DEFAULT_WEIGHTS)
    assert "arms-transfer" in text and "reported" in text and "security-threat" in text


# -- as_of ----------------------------------------------------------------------


def test_as_of_leaves_out_later_relations_and_undated_ones_before_the_articles_time() -> None:
    """Relations dated after ``as_of`` are left out; undated ones count from the article's time (ARTICLE_TIME) on, unless ``include_undated=False``."""
    G = ca.influence_network(small(), as_of="2015-12-31")
    assert {k for _, _, k in G.edges(keys=True)} == {"at-rus-kaz", "club"}
    G = ca.influence_network(small(), as_of=ca.ARTICLE_TIME)
    assert {"st", "guarantor"} <= {k for _, _, k in G.edges(keys=True)}
    before = ca.PartialDate.coerce(ca.ARTICLE_TIME.earliest - dt.timedelta(days=1))
    assert not {"st", "guarantor"} & {k for _, _, k in ca.influence_network(small(), as_of=before).edges(keys=True)}
    G = ca.influence_network(small(), as_of="2016-12-31", include_undated=False)
    assert not {"st", "guarantor"} & {k for _, _, k in G.edges(keys=True)}
    assert G.graph["as_of"] == "2016-12-31"


def test_as_of_accepts_strings_dates_and_partial_dates_alike() -> None:
    """``as_of`` takes an ISO string, a datetime.date or a PartialDate with the same result."""
    a = edge_set(ca.influence_network(small(), as_of="2016-04-06"))
    assert a == edge_set(ca.influence_network(small(), as_of=dt.date(2016, 4, 6)))
    assert a == edge_set(ca.influence_network(small(), as_of=ca.PartialDate(2016, 4, 6)))
    with pytest.raises(ValueError):
        ca.influence_network(small(), as_of="April 2016")


def test_as_of_counts_a_relation_that_could_have_begun_by_the_cut() -> None:
    """A month-precise relation counts from the month's first day; a partial cut means its last day."""
    keys = lambda as_of: {k for _, _, k in ca.influence_network(small(), as_of=as_of).edges(keys=True)}  # noqa: E731
    assert "ag-chn-tjk" in keys("2016-02-01")
    assert "ag-chn-tjk" not in keys("2016-01-31")
    assert "visit" in keys("2016-04")
    assert "at-chn-kaz" in keys("2016")


# -- collapse -------------------------------------------------------------------


def test_collapse_sums_parallel_edges_and_drops_zero_weight_pairs() -> None:
    """The collapsed weight is the sum over layers; zero-weight pairs get no edge; distance is 1/weight."""
    H = ca.collapse(ca.influence_network(small()))
    assert isinstance(H, nx.DiGraph) and not H.is_multigraph()
    assert H.edges["RUS", "KAZ"] == {"weight": 5.25, "count": 3, "layers": "arms-transfer,co-membership,role", "distance": pytest.approx(1 / 5.25)}
    assert not H.has_edge("isis", "KAZ")
    assert H.nodes["KAZ"]["central_asian"] is True


def test_collapse_filters_by_domain_layers_and_as_of() -> None:
    """``collapse`` applies the same domain, layer and date filters as the network builder."""
    G = ca.influence_network(small())
    assert ca.collapse(G, domain="security").edges["RUS", "KAZ"]["weight"] == 5.0
    assert ca.collapse(G, layers=["role"]).edges["RUS", "KAZ"]["weight"] == 2.0
    # the 2015 transfer and the co-membership dated 2005; not the undated role
    assert ca.collapse(G, as_of="2015", include_undated=False).edges["RUS", "KAZ"]["weight"] == 3.25
    with pytest.raises(ca.FieldError):
        ca.collapse(G, layers=["bribe"])


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
def test_eigenvector_centrality_runs_on_the_collapsed_graph_only() -> None:
    """networkx refuses multigraphs for eigenvector centrality; the collapsed graph works."""
    G = ca.influence_network(ca.load())
    with pytest.raises(nx.NetworkXException):
        nx.eigenvector_centrality(G)
    scores = ca.influence_scores(G, "eigenvector", max_iter=1000)
    assert set(scores) == set(G)


# -- scores ---------------------------------------------------------------------


def test_strengths_are_the_sums_worked_out_by_hand() -> None:
    """Out-strength is the influence held, in-strength the influence received."""
    G = ca.influence_network(small())
    out = ca.influence_scores(G, "strength")
    assert out["RUS"] == pytest.approx(3.0 + 1.0 + 2.0 + 2.0 + 0.5 + 0.25)
    assert out["CHN"] == pytest.approx(1.5 + 2.0 + 0.75 + 0.75)
    assert ca.influence_scores(G, "in_strength")["KAZ"] == pytest.approx(3.0 + 1.5 + 0.75 + 2.0 + 0.25)


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
def test_pagerank_ranks_the_influencer_above_those_it_influences() -> None:
    """PageRank runs on the reversed graph: a hub that influences many ranks first; scores sum to 1."""
    ev = EV
    ds = ca.Dataset(
        states=[state("RUS"), state("KAZ", True), state("KGZ", True), state("TJK", True)],
        arms_transfers=[
            ca.ArmsTransfer(id=f"at-{s}", supplier="RUS", recipient=s, designation="X", description="x", category=ca.SipriCategory.OTHER, evidence=ev)
            for s in ("KAZ", "KGZ", "TJK")
        ],
    )
    rank = ca.influence_scores(ca.influence_network(ds), "pagerank")
    assert sum(rank.values()) == pytest.approx(1.0)
    assert max(rank, key=rank.__getitem__) == "RUS"
    assert rank["KAZ"] == pytest.approx(rank["KGZ"])


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
def test_pagerank_ranks_influencers_on_the_reversed_graph() -> None:
    """PageRank is networkx's, run against the influence direction: it matches networkx's reference iteration."""
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as reference

    G = ca.influence_network(ca.load())
    theirs = reference(ca.collapse(G).reverse(copy=False), weight="weight")
    assert ca.influence_scores(G, "pagerank") == pytest.approx(theirs, abs=1e-6)


def _without_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    """PageRank as on an install without SciPy: networkx's pure-Python route."""
    import centralasia.network as network

    monkeypatch.setattr(network, "_has_scipy", lambda: False)


PAGERANK_OPTIONS = [
    {},
    {"alpha": 0.6, "max_iter": 500, "tol": 1e-10},
    # Partial mappings, and keys that are no node: nx.pagerank reads 0 for a missing node and ignores the rest.
    {"personalization": {"RUS": 1, "CHN": 3, "NOPE": 5}},
    {"nstart": {"KAZ": 2, "RUS": 1}},
    {"dangling": {"sco": 1, "brics": 1, "NOPE": 9}},
]


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
@pytest.mark.parametrize("options", PAGERANK_OPTIONS, ids=["defaults", "alpha-tol", "personalization", "nstart", "dangling"])
@pytest.mark.parametrize("domain", [None, "security", "economic", "diplomatic"])
def test_pagerank_without_scipy_gives_networkx_pagerank_scores(monkeypatch: pytest.MonkeyPatch, domain: str | None, options: dict[str, object]) -> None:
    """Without SciPy, PageRank is networkx's pure-Python iteration: the same scores as nx.pagerank (SciPy's), to rounding."""
    pytest.importorskip("scipy")
    G = ca.influence_network(ca.load())
    theirs = nx.pagerank(ca.collapse(G, domain=domain).reverse(copy=False), weight="weight", **options)  # type: ignore[arg-type]
    _without_scipy(monkeypatch)
    ours = ca.influence_scores(G, "pagerank", domain=domain, **options)
    assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_iter": 1, "tol": 1e-30}, "pagerank failed .*PowerIterationFailedConvergence"),
        ({"personalization": {"NOPE": 1}}, "pagerank failed .*ZeroDivisionError"),
        ({"alpha": "x"}, "pagerank failed .*TypeError"),
        ({"personalization": [1, 2]}, "personalization must be a mapping of node to number, not list"),
        ({"nstart": "KAZ"}, "nstart must be a mapping of node to number, not str"),
    ],
    ids=["no-convergence", "personalization-unknown", "alpha-text", "personalization-list", "nstart-text"],
)
@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
def test_pagerank_without_scipy_refuses_what_networkx_refuses(monkeypatch: pytest.MonkeyPatch, options: dict[str, object], message: str) -> None:
    """Without SciPy, bad PageRank options are still our ArgumentError naming PageRank or the option, never a bare builtin."""
    _without_scipy(monkeypatch)
    G = ca.influence_network(ca.load())
    with pytest.raises(ca.ArgumentError, match=message):
        ca.influence_scores(G, "pagerank", **options)


def test_pagerank_without_scipy_or_networkx_reference_asks_for_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a networkx drop its private pure-Python PageRank, PageRank without SciPy says to install the scipy extra."""
    from networkx.algorithms.link_analysis import pagerank_alg

    _without_scipy(monkeypatch)
    monkeypatch.delattr(pagerank_alg, "_pagerank_python")
    cycle = nx.MultiDiGraph([("A", "B", {"weight": 1.0, "domain": "security"}), ("B", "A", {"weight": 1.0, "domain": "security"})])
    with pytest.raises(ca.MissingDependencyError, match=r"pip install 'centralasia\[scipy\]'"):
        ca.influence_scores(cycle, "pagerank")


def test_path_measures_warn_that_they_describe_ties_on_a_graph_not_strongly_connected() -> None:
    """PageRank on the bundled security graph warns (it is not strongly connected); strength never does; a cycle does not."""
    G = ca.influence_network(ca.load())
    with pytest.warns(ca.DescriptiveOnlyWarning, match="not strongly connected"):
        ca.influence_scores(G, "pagerank", domain="security")
    ca.influence_scores(G, "strength", domain="security")  # filterwarnings=error: a warning would fail here
    cycle = nx.MultiDiGraph([("A", "B", {"weight": 1.0, "domain": "security"}), ("B", "A", {"weight": 1.0, "domain": "security"})])
    assert ca.influence_scores(cycle, "pagerank") == pytest.approx({"A": 0.5, "B": 0.5})


def test_unknown_measure_raises_a_field_error() -> None:
    """A measure the function does not know raises FieldError, a ValueError."""
    with pytest.raises(ca.FieldError, match="unknown measure"):
        ca.influence_scores(ca.influence_network(small()), "closeness")  # type: ignore[arg-type]


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
def test_backend_is_passed_to_networkx() -> None:
    """``backend=`` reaches networkx's dispatcher: an uninstalled backend, refused by networkx, is our ArgumentError naming it."""
    G = ca.influence_network(small())
    with pytest.raises(ca.ArgumentError, match="betweenness: the networkx backend 'no_such_backend' is not installed") as info:
        ca.influence_scores(G, "betweenness", backend="no_such_backend")
    assert [p.path for p in info.value.problems] == ["$.backend"]
    with pytest.raises(ca.ArgumentError, match="no_such_backend"):
        ca.influence_scores(G, "pagerank", backend="no_such_backend")


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
def test_backend_routes_the_algorithm_to_that_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """With networkx's test backend nx_loopback registered, the call is converted and run by that backend.

    The registration is undone after the test; ``networkx.config`` is never touched.
    """
    found = entry_points(name="nx_loopback", group="networkx.backends")
    if "nx_loopback" not in found.names:
        pytest.skip("this networkx does not ship its nx_loopback test backend")
    if not hasattr(nx_backends._dispatchable, "_call_if_any_backends_installed"):
        pytest.skip("this networkx (< 3.5) has not the dispatcher hook the test routes through")
    from networkx.classes.tests import dispatch_interface

    config_before = repr(nx.config)
    monkeypatch.setitem(nx_backends.backends, "nx_loopback", found["nx_loopback"])
    monkeypatch.setitem(nx_backends.backend_info, "nx_loopback", {})
    monkeypatch.setattr(nx_backends, "_loaded_backends", {})
    monkeypatch.setattr(nx_backends._dispatchable, "__call__", nx_backends._dispatchable._call_if_any_backends_installed)
    converted: list[tuple[str, str | None]] = []
    original = dispatch_interface.LoopbackBackendInterface.convert_from_nx

    def spy(graph: nx.Graph, **kwargs: object) -> nx.Graph:
        converted.append((type(graph).__name__, kwargs.get("name")))  # type: ignore[arg-type]
        return original(graph, **kwargs)

    monkeypatch.setattr(dispatch_interface.LoopbackBackendInterface, "convert_from_nx", staticmethod(spy))
    G = ca.influence_network(ca.load())
    routed = ca.influence_scores(G, "betweenness", backend="nx_loopback")
    assert converted == [("DiGraph", "betweenness_centrality")]
    assert routed == ca.influence_scores(G, "betweenness")
    assert repr(nx.config) == config_before


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
def test_scores_never_change_networkx_config() -> None:
    """The library leaves ``networkx.config`` exactly as it found it."""
    before = repr(nx.config)
    G = ca.influence_network(ca.load())
    for measure in ("strength", "in_strength", "pagerank", "betweenness"):
        ca.influence_scores(G, measure)  # type: ignore[arg-type]
    assert repr(nx.config) == before


# -- the bundled data --------------------------------------------------------------


def test_snippet_network_of_the_issue_works_on_the_bundled_data(ds: ca.Dataset) -> None:
    """The issue's example: a security MultiDiGraph as of 2016-12-31, every edge of the security domain."""
    G = ca.influence_network(ds, domain="security", as_of="2016-12-31")
    assert isinstance(G, nx.MultiDiGraph)
    assert {d["domain"] for _, _, d in G.edges(data=True)} == {"security"}
    assert all(d["record"] in ds.ids for _, _, d in G.edges(data=True))
    # the Chinese arms transfers run supplier -> recipient
    assert G.has_edge("CHN", "UZB") and not any(d["layer"] == "arms-transfer" for d in G.get_edge_data("UZB", "CHN", default={}).values())


@pytest.mark.parametrize("domain", list(ca.Domain), ids=lambda d: d.value)
def test_relations_and_network_agree_edge_for_edge(domain: ca.Domain) -> None:
    """The network holds exactly the streamed relations (same count and total weight per domain)."""
    ds = ca.load()
    rel = list(ca.relations(ds, domain=domain))
    G = ca.influence_network(ds, domain=domain)
    assert G.number_of_edges() == len(rel)
    assert sum(d["weight"] for _, _, d in G.edges(data=True)) == pytest.approx(sum(r.weight for r in rel))


# -- weighted_network: the collapsed network straight from the relation stream ---


def same_graph(H: nx.DiGraph, expected: nx.DiGraph) -> None:
    """*H* and *expected* have the same graph attributes, nodes and edges, attributes and order included."""
    assert type(H) is type(expected) is nx.DiGraph
    assert H.graph == expected.graph
    assert list(H.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(H.edges(data=True)) == list(expected.edges(data=True))


WEIGHTED_ARGUMENTS = [
    {},
    {"domain": "security"},
    {"domain": ca.Domain.ECONOMIC, "as_of": "2016"},
    {"as_of": "2016-03-01"},
    {"as_of": dt.date(2016, 5, 1), "include_undated": False},
    {"scenario": "scn-detente-with-west"},
    {"scenario": "scn-detente-with-west", "domain": "security", "as_of": "2016-12-31"},
    {"weights": Weights().without("role"), "domain": "diplomatic"},
]


@pytest.mark.parametrize("kwargs", WEIGHTED_ARGUMENTS, ids=lambda kwargs: ",".join(f"{k}={v}" for k, v in kwargs.items()) or "defaults")
def test_weighted_network_is_the_collapsed_influence_network_of_the_bundled_data(kwargs: dict[str, object]) -> None:
    """On the bundled data, ``weighted_network(...)`` equals ``collapse(influence_network(...))`` for the same arguments, exactly."""
    ds = ca.load()
    same_graph(ca.weighted_network(ds, **kwargs), ca.collapse(ca.influence_network(ds, **kwargs)))  # type: ignore[arg-type]


def test_weighted_network_of_every_scenario_of_the_bundled_data() -> None:
    """Every scenario of the bundled data, rescaling edges or adding them, gives the collapsed scenario network."""
    ds = ca.load()
    assert ds.scenarios
    for scenario in ds.scenarios:
        same_graph(ca.weighted_network(ds, scenario=scenario), ca.collapse(ca.influence_network(ds, scenario=scenario.id)))


def test_weighted_network_sums_the_small_dataset_by_hand() -> None:
    """Parallel edges are summed per pair with their count and layers, and zero-weight pairs (an attack) get no edge."""
    H = ca.weighted_network(small())
    assert H.edges["RUS", "KAZ"] == {"weight": 5.25, "count": 3, "layers": "arms-transfer,co-membership,role", "distance": 1 / 5.25}
    assert not H.has_edge("isis", "KAZ")
    assert "isis" in H and H.nodes["KAZ"]["central_asian"] is True
    assert H.graph["direction"] == DIRECTION


@given(
    cs.influence_datasets(),
    st.sampled_from([None, *ca.Domain]),
    st.one_of(st.none(), cs.partial_dates()),
    st.booleans(),
    st.booleans(),
)
def test_weighted_network_is_the_collapsed_influence_network_of_any_dataset(
    ds: ca.Dataset, domain: ca.Domain | None, as_of: ca.PartialDate | None, include_undated: bool, with_scenario: bool
) -> None:
    """For any dataset, domain, cut and scenario (the dataset's first, if any), the streamed network equals the collapsed multigraph."""
    scenario = ds.scenarios[0].id if with_scenario and ds.scenarios else None
    kwargs: dict[str, object] = {"domain": domain, "as_of": as_of, "include_undated": include_undated, "scenario": scenario}
    same_graph(ca.weighted_network(ds, **kwargs), ca.collapse(ca.influence_network(ds, **kwargs)))  # type: ignore[arg-type]


@given(cs.influence_datasets())
def test_weighted_network_of_streamed_records_is_that_of_a_dataset_holding_them(ds: ca.Dataset) -> None:
    """With ``records=`` it equals the collapsed streamed multigraph exactly, and the dataset holding both up to the order of the sums.

    The streamed records come after the index's own, so edges are first
    seen, and weights added, in another order than in the merged dataset.
    """
    index, streamed = split(ds)
    H = ca.weighted_network(index, records=iter(streamed))
    same_graph(H, ca.collapse(ca.influence_network(index, records=iter(streamed))))
    merged = ca.weighted_network(ds)
    assert {(u, v): (d["count"], d["layers"]) for u, v, d in H.edges(data=True)} == {(u, v): (d["count"], d["layers"]) for u, v, d in merged.edges(data=True)}
    for u, v, d in merged.edges(data=True):
        assert H.edges[u, v]["weight"] == pytest.approx(d["weight"])


def test_weighted_network_refuses_bad_arguments_at_the_call() -> None:
    """Bad arguments raise at once, as :func:`relations` does, before any record is read."""
    with pytest.raises(ca.FieldError):
        ca.weighted_network(small(), domain="military")
    with pytest.raises(ca.FieldError):
        ca.weighted_network(small(), weights={"role": 1.0})  # type: ignore[arg-type]
    with pytest.raises(ca.FieldError):
        ca.weighted_network(small(), records="not records")  # type: ignore[arg-type]


# -- graphs and options a caller may get wrong --------------------------------------------------


def _graph_with(**attributes: object) -> nx.MultiDiGraph[str]:
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.add_edge("RUS", "KAZ", "r1", layer="role", domain="security", weight=1.0, date=None)
    G.add_edge("RUS", "KAZ", "r2", **({"layer": "role", "domain": "security", "weight": 1.0, "date": None} | attributes))
    return G


@pytest.mark.parametrize(
    "attributes",
    [
        {"weight": "abc"},
        {"weight": math.nan},
        {"weight": math.inf},
        {"weight": -1.0},
        {"weight": True},
        {"weight": None},
        {"weight": [1]},
        {"date": "soon"},
        {"date": 5},
    ],
    ids=["weight-text", "weight-nan", "weight-inf", "weight-negative", "weight-bool", "weight-none", "weight-list", "date-text", "date-number"],
)
def test_collapse_refuses_an_edge_whose_weight_or_date_is_none_naming_it(attributes: dict[str, object]) -> None:
    """A graph of the caller's with a weight that is no finite number >= 0, or a date that is no date, is an ArgumentError naming the edge."""
    with pytest.raises(ca.ArgumentError, match="'RUS' -> 'KAZ'") as info:
        ca.collapse(_graph_with(**attributes), as_of="2016")
    assert [p.path for p in info.value.problems] == ["$.G"]


def test_collapse_refuses_sums_that_overflow() -> None:
    """Two finite weights whose sum is infinite are an ArgumentError naming the pair, never an edge of weight inf."""
    G = _graph_with(weight=1.7e308)
    G.edges["RUS", "KAZ", "r1"]["weight"] = 1.7e308
    with pytest.raises(ca.ArgumentError, match="overflows"):
        ca.collapse(G)
    with pytest.raises(ca.ArgumentError, match="overflows"):
        ca.influence_scores(G, "strength")


@pytest.mark.parametrize("layers", ["role", b"role", Layer.ROLE, {"role": 1}, 5], ids=repr)
def test_collapse_refuses_layers_that_are_no_iterable_of_layers(layers: object) -> None:
    """``collapse(layers="role")`` is an ArgumentError at ``$.layers`` (it used to read the letters as layers)."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.collapse(ca.influence_network(small()), layers=layers)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.layers"]


def test_collapse_refuses_an_unknown_layer_as_an_argument() -> None:
    """An unknown layer among the layers is the caller's ArgumentError naming it."""
    with pytest.raises(ca.ArgumentError, match="'bribe'"):
        ca.collapse(ca.influence_network(small()), layers=["role", "bribe"])


@pytest.mark.parametrize("G", [5, None, nx.Graph(), {"RUS": "KAZ"}], ids=["int", "none", "undirected", "dict"])
def test_collapse_and_scores_refuse_what_is_no_directed_graph(G: object) -> None:
    """Only a directed influence network is collapsed; anything else is an ArgumentError at ``$.G``."""
    for call in (lambda: ca.collapse(G), lambda: ca.influence_scores(G, "strength")):  # type: ignore[arg-type]
        with pytest.raises(ca.ArgumentError) as info:
            call()
        assert [p.path for p in info.value.problems] == ["$.G"]


@pytest.mark.filterwarnings("ignore::centralasia.DescriptiveOnlyWarning")
@pytest.mark.parametrize(
    ("measure", "options", "named"),
    [
        ("eigenvector", {"max_iter": 1}, "eigenvector"),
        ("pagerank", {"max_iter": 1, "tol": 1e-30}, "pagerank"),
        ("pagerank", {"alpha": "x"}, "pagerank"),
        ("pagerank", {"personalization": {"NOPE": 1}}, "pagerank"),
        ("betweenness", {"k": 10**6}, "betweenness"),
    ],
    ids=["eigenvector-no-convergence", "pagerank-no-convergence", "pagerank-alpha-text", "pagerank-personalization-unknown", "betweenness-k-too-large"],
)
def test_a_networkx_failure_is_our_error_naming_the_measure(measure: str, options: dict[str, object], named: str) -> None:
    """networkx's own errors (no convergence, bad option values) are an ArgumentError at ``$.measure`` naming the measure."""
    with pytest.raises(ca.ArgumentError, match=f"{named} failed \\(") as info:
        ca.influence_scores(ca.influence_network(ca.load()), measure, **options)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.measure"]


@pytest.mark.parametrize(
    ("measure", "options", "path"),
    [
        ("pagerank", {"bogus": 1}, "$.bogus"),
        ("betweenness", {"alpha": 0.5}, "$.alpha"),
        ("strength", {"alpha": 0.5}, "$.alpha"),
        ("in_strength", {"backend": "parallel"}, "$.backend"),
    ],
    ids=["pagerank-unknown", "betweenness-pagerank-option", "strength-any-option", "in-strength-backend"],
)
def test_an_option_the_measure_does_not_take_is_refused_by_name(measure: str, options: dict[str, object], path: str) -> None:
    """Options go to the networkx algorithm: one it does not take (any, for the strengths) is an ArgumentError at its name."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.influence_scores(ca.influence_network(small()), measure, **options)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == [path]


@pytest.mark.parametrize("measure", [["pagerank"], None, 5, "PageRank"], ids=repr)
def test_an_unknown_measure_is_refused(measure: object) -> None:
    """A measure that is no name of MEASURES (an unhashable one included) is an ArgumentError at ``$.measure``."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.influence_scores(ca.influence_network(small()), measure)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.measure"]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"weight": math.nan}, "$.baseline[0].weight"),
        ({"weight": -1.0}, "$.baseline[0].weight"),
        ({"weight": "1"}, "$.baseline[0].weight"),
        ({"layer": "role"}, "$.baseline[0].layer"),
        ({"domain": "security"}, "$.baseline[0].domain"),
        ({"certainty": None}, "$.baseline[0].certainty"),
        ({"date": "2016"}, "$.baseline[0].date"),
        ({"claims": ("c", 5)}, "$.baseline[0].claims"),
    ],
    ids=["weight-nan", "weight-negative", "weight-text", "layer-text", "domain-text", "certainty-none", "date-text", "claims-number"],
)
def test_apply_scenario_checks_each_relation_of_the_baseline(changes: dict[str, object], path: str) -> None:
    """A baseline relation built with a field of the wrong type is an ArgumentError at its place, not an AttributeError later."""
    good = ca.Relation("RUS", "KAZ", Layer.ROLE, SEC, 1.0, ca.Certainty.STATED, "r")
    bad = ca.Relation(**{**{f: getattr(good, f) for f in ("source", "target", "layer", "domain", "weight", "certainty", "record")}, **changes})  # type: ignore[arg-type]
    with pytest.raises(ca.ArgumentError) as info:
        list(ca.apply_scenario(ca.load(), "scn-detente-with-west", [bad]))
    assert [p.path for p in info.value.problems] == [path]
    with pytest.raises(ca.ArgumentError):
        bad.attributes()


@pytest.mark.parametrize("baseline", [5, "relations", {"a": 1}, [5]], ids=repr)
def test_apply_scenario_refuses_a_baseline_that_is_no_iterable_of_relations(baseline: object) -> None:
    """A baseline that is no iterable of Relation is an ArgumentError (the iterable itself at the call)."""
    with pytest.raises(ca.ArgumentError, match="baseline"):
        list(ca.apply_scenario(ca.load(), "scn-detente-with-west", baseline))  # type: ignore[arg-type]


def test_apply_scenario_refuses_baseline_weights_that_overflow() -> None:
    """Huge weights a caller built, summed into one state, are an ArgumentError rather than an added edge of weight inf."""
    huge = [ca.Relation("CHN", "KAZ", Layer.ROLE, SEC, 1.7e308, ca.Certainty.STATED, f"r{i}") for i in range(2)]
    with pytest.raises(ca.ArgumentError, match="overflow"):
        list(ca.apply_scenario(ca.load(), "scn-detente-with-west", huge))


def test_weighted_network_from_pair_sums_is_the_streamed_one() -> None:
    """``weighted_network(ds, sums=pair_sums(ds, ...))`` is ``weighted_network(ds, ...)``, graph attributes, nodes and edge order included."""
    for options in ({}, {"domain": "security"}, {"as_of": "2016-03", "include_undated": False}, {"records": split(small())[1]}):
        ds = split(small())[0] if "records" in options else small()
        same_graph(ca.weighted_network(ds, sums=ca.pair_sums(ds, **options)), ca.weighted_network(ds, **options))  # type: ignore[arg-type]


def test_influence_network_formats_each_date_as_relations_do() -> None:
    """Edge dates are the ISO text of each relation's date (formatted once per distinct date, never shared wrongly)."""
    ds = ca.load()
    G = ca.influence_network(ds)
    dates = {(r.source, r.target, r.record): None if r.date is None else str(r.date) for r in ca.relations(ds)}
    assert {(u, v, d["record"]): d["date"] for u, v, d in G.edges(data=True)} == dates
