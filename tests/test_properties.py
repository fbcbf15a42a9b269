"""Properties that hold for every valid value, and for every bad input: round trips, errors, immutability."""

from __future__ import annotations

import copy
import json
import math
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import pytest
import strategies as cs
from hypothesis import given, settings
from hypothesis import strategies as st

import centralasia as ca
from centralasia import loader
from centralasia.actors import central_asian_states
from centralasia.network import influence_network
from centralasia.roles import role_summary

#: Datasets of up to two records a collection (three states): every kind of reference, quickly.
small_datasets = cs.datasets(max_per_collection=2)

ALL_CLASSES = {**cs.VALUE_STRATEGIES, **cs.RECORD_STRATEGIES}


# -- round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ALL_CLASSES), ids=lambda k: k.__name__)
@given(data=st.data())
def test_every_class_round_trips_through_json(kind: type, data: st.DataObject) -> None:
    """``loads(dumps(x), type(x)) == x`` for any valid value of every model class."""
    value = data.draw(ALL_CLASSES[kind])
    text = ca.dumps(value)
    assert ca.loads(text, kind) == value
    assert ca.dumps(ca.loads(text, kind)) == text


@given(cs.datasets())
def test_whole_datasets_round_trip_through_json(ds: ca.Dataset) -> None:
    """A valid dataset survives ``dumps`` then ``loads`` unchanged, as text or as UTF-8 bytes, and its text is canonical."""
    text = ca.dumps(ds)
    again = ca.loads(text)
    assert again == ds
    assert list(again.ids) == list(ds.ids)
    assert ca.dumps(again) == text
    assert ca.loads(text.encode("utf-8")) == ds


@given(cs.partial_dates())
def test_partial_dates_keep_their_iso_text_and_bounds(date: ca.PartialDate) -> None:
    """A partial date parses back from its text, and its earliest day is not after its latest."""
    assert ca.PartialDate.parse(str(date)) == date
    assert date.earliest <= date.latest
    assert ca.PartialDate.coerce(date.earliest) >= date


@given(cs.partial_dates(), cs.partial_dates())
def test_partial_dates_order_like_their_iso_text(a: ca.PartialDate, b: ca.PartialDate) -> None:
    """Partial dates compare as their ISO strings do."""
    assert (a < b) == (str(a) < str(b))
    assert (a == b) == (str(a) == str(b))


# -- invariants of valid datasets -------------------------------------------------------------


@given(small_datasets)
def test_dataset_lookup_iteration_and_length_agree(ds: ca.Dataset) -> None:
    """Every record is found by its id, iterated once in collection order, and counted once."""
    records = [r for name in ca.Dataset.COLLECTIONS for r in getattr(ds, name)]
    assert list(ds) == records
    assert len(ds) == len(records) == len(set(ds.ids))
    for record in records:
        assert ds[record.id] is record
        assert record.id in ds.ids and record in ds
    for kind in cs.RECORD_STRATEGIES:
        assert ds.of_type(kind) == tuple(r for r in records if type(r) is kind)


@given(small_datasets)
def test_rebuilding_a_dataset_gives_an_equal_one(ds: ca.Dataset) -> None:
    """``filter`` keeping everything, ``merge`` with nothing and rebuilding from its parts change nothing."""
    assert ds.filter(lambda r: True) == ds
    assert ds.merge(ca.Dataset()) == ds == ca.Dataset().merge(ds)
    assert ca.Dataset(**{name: list(getattr(ds, name)) for name in ca.Dataset.COLLECTIONS}) == ds


@given(small_datasets)
def test_merging_a_dataset_with_itself_reports_every_id_twice(ds: ca.Dataset) -> None:
    """Merging a non-empty dataset with itself is refused with one duplicate-id problem per record."""
    if len(ds) == 0:
        assert ds.merge(ds) == ds
        return
    with pytest.raises(ca.DataError) as info:
        ds.merge(ds)
    duplicates = [p for p in info.value.problems if p.message.startswith("duplicate id")]
    assert len(duplicates) == len(ds)


def test_article_only_of_a_record_on_background_alone_that_others_cite() -> None:
    """An article record citing a background-only record makes ``article_only`` say so, with paths."""
    background = ca.Evidence(section=ca.Section.TITLE, kind=ca.EvidenceKind.BACKGROUND, source="SIPRI")
    article = ca.Evidence(paragraph=3)
    ds = ca.Dataset(
        states=[ca.State(id="KAZ", name="Kazakhstan", evidence=[article]), ca.State(id="RUS", name="Russia", evidence=[background])],
        arms_transfers=[
            ca.ArmsTransfer(
                id="t", supplier="RUS", recipient="KAZ", designation="S-300", description="", category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS, evidence=[article]
            )
        ],
    )
    with pytest.raises(ca.DataError, match="no article view") as info:
        ds.article_only()
    assert [p.path for p in info.value.problems] == ["$.arms_transfers[0].supplier"]


# -- bad input never escapes as anything but our error ----------------------------------------

_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _resolves(document: Any, path: str) -> bool:
    """Whether JSON *path* (``$.a[0].b``) names a value in *document*."""
    assert path.startswith("$"), path
    rest = path[1:]
    node = document
    position = 0
    while position < len(rest):
        match = _PATH_PART.match(rest, position)
        if match is None:
            return False
        name, index = match.groups()
        if name is not None:
            if not isinstance(node, dict) or name not in node:
                return False
            node = node[name]
        else:
            if not isinstance(node, list) or int(index) >= len(node):
                return False
            node = node[int(index)]
        position = match.end()
    return True


def _parent(path: str) -> str:
    parts = list(_PATH_PART.finditer(path))
    return path if not parts else path[: parts[-1].start()]


def _load_or_problems(text: str | bytes) -> ca.Dataset | ca.DataError:
    try:
        return ca.loads(text)
    except ca.DataError as exc:
        return exc


@given(cs.json_texts())
def test_any_text_is_a_dataset_or_a_data_error(text: str | bytes) -> None:
    """``loads`` of arbitrary text or bytes returns a dataset or raises DataError, never anything else."""
    outcome = _load_or_problems(text)
    if isinstance(outcome, ca.DataError):
        assert outcome.problems and all(p.path.startswith("$") for p in outcome.problems)


@given(cs.json_values())
def test_any_json_value_is_a_dataset_or_a_data_error(value: Any) -> None:
    """``loads`` of any JSON value gives a dataset or DataError, whose problems name places in the value."""
    outcome = _load_or_problems(json.dumps(value))
    if isinstance(outcome, ca.DataError):
        for problem in outcome.problems:
            assert _resolves(value, _parent(problem.path)), problem


@given(cs.mutated_documents())
def test_a_damaged_document_is_a_dataset_or_names_where_it_is_damaged(document: Any) -> None:
    """A valid document with one random change loads, or raises DataError whose paths lie in the document.

    A path may name a field the document lacks (a missing field), but its
    parent is always there; what loads round-trips like any dataset.
    """
    outcome = _load_or_problems(json.dumps(document))
    if isinstance(outcome, ca.DataError):
        assert type(outcome) is ca.DataError
        assert outcome.problems
        for problem in outcome.problems:
            assert _resolves(document, _parent(problem.path)), problem
            assert problem.message, problem
    else:
        assert ca.loads(ca.dumps(outcome)) == outcome


@given(small_datasets, st.data())
def test_a_dangling_reference_anywhere_is_reported_where_it_is(ds: ca.Dataset, data: st.DataObject) -> None:
    """Pointing any one reference of a valid document at an unknown id gives exactly that path."""
    document = json.loads(ca.dumps(ds))
    references = [
        f"$.{name}[{i}]{rel}" for name in ca.Dataset.COLLECTIONS for i, record in enumerate(getattr(ds, name)) for rel, _, _ in _references_of(record)
    ]
    if not references:
        return
    path = data.draw(st.sampled_from(references))
    _replace(document, path, "NO-SUCH-ID")
    with pytest.raises(ca.DataError) as info:
        ca.loads(json.dumps(document))
    assert [p.path for p in info.value.problems] == [path]
    assert "unknown id 'NO-SUCH-ID'" in info.value.problems[0].message


def _references_of(record: ca.Record) -> Iterator[tuple[str, str, str]]:
    from centralasia.model._dataset import references

    return references(record)


def _replace(document: Any, path: str, value: Any) -> None:
    parts = list(_PATH_PART.finditer(path))
    node = document
    for match in parts[:-1]:
        name, index = match.groups()
        node = node[name] if name is not None else node[int(index)]
    name, index = parts[-1].groups()
    node[name if name is not None else int(index)] = value


# -- immutability ----------------------------------------------------------------------------


def _mutable_parts(value: Any, path: str = "$") -> Iterator[str]:
    """The paths of everything in *value* a caller could change in place."""
    if isinstance(value, (list, dict, set, bytearray)):
        yield path
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _mutable_parts(item, f"{path}[{i}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name.startswith("_"):
                continue
            current = getattr(value, field.name)
            try:
                setattr(value, field.name, current)
            except attrs.exceptions.FrozenInstanceError:
                pass
            else:
                yield f"{path}.{field.name}"
            yield from _mutable_parts(current, f"{path}.{field.name}")


def test_the_bundled_dataset_cannot_be_changed() -> None:
    """What ``load()`` hands out is frozen all the way down: tuples, frozen records, no lists or dicts."""
    ds = ca.load()
    assert list(_mutable_parts(ds)) == []
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ds.states = ()  # type: ignore[misc]
    assert ca.load() is ds


@given(small_datasets)
def test_loaded_datasets_cannot_be_changed(ds: ca.Dataset) -> None:
    """A dataset read from JSON holds only tuples and frozen records."""
    assert list(_mutable_parts(ca.loads(ca.dumps(ds)))) == []


@pytest.mark.parametrize("kind", list(ALL_CLASSES), ids=lambda k: k.__name__)
# Frozenness is a property of the class, not of the value drawn: a few values of each of
# the 15 classes show it, in every profile (this fixed count is not the profile's).
@settings(max_examples=10)
@given(data=st.data())
def test_no_record_or_value_can_be_assigned_to(kind: type, data: st.DataObject) -> None:
    """Assigning any field of any model value raises FrozenInstanceError; sequences are tuples."""
    value = data.draw(ALL_CLASSES[kind])
    for field in attrs.fields(kind):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, field.name, getattr(value, field.name))
    assert list(_mutable_parts(value)) == []


def test_lists_given_to_constructors_are_kept_as_tuples() -> None:
    """Lists passed in become tuples, so changing the caller's list changes nothing in the record."""
    evidence = [ca.Evidence(paragraph=1)]
    aliases = ["Moscow"]
    states = [ca.State(id="RUS", name="Russia", evidence=evidence, aliases=aliases)]
    ds = ca.Dataset(states=states)
    evidence.append(ca.Evidence(paragraph=2))
    aliases.append("the Kremlin")
    states.clear()
    assert ds["RUS"].evidence == (ca.Evidence(paragraph=1),)
    assert ds["RUS"].aliases == ("Moscow",)
    assert len(ds.states) == 1
    assert list(_mutable_parts(ds)) == []


# -- the first load from several threads ---------------------------------------------------------


def test_first_load_from_eight_threads_gives_one_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight threads calling the first ``load()`` at once all get the same dataset, read once."""
    monkeypatch.setattr(loader, "_bundled", None)
    reads: list[int] = []
    read = loader._read_bundled

    def slow_read() -> ca.Dataset:
        reads.append(threading.get_ident())
        time.sleep(0.05)  # widen the window in which an unlocked loader would read twice
        return read()

    monkeypatch.setattr(loader, "_read_bundled", slow_read)
    barrier = threading.Barrier(8, timeout=60)

    def first_load(_: int) -> ca.Dataset:
        barrier.wait()
        return ca.load()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(first_load, range(8)))
    assert all(r is results[0] for r in results)
    assert len(reads) == 1
    assert results[0] == read()
    assert ca.load() is results[0]


def test_first_load_from_eight_threads_without_a_spy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real reader, raced from eight threads behind a barrier, still yields one object."""
    monkeypatch.setattr(loader, "_bundled", None)
    barrier = threading.Barrier(8, timeout=60)

    def first_load(_: int) -> ca.Dataset:
        barrier.wait()
        return ca.load()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(first_load, range(8)))
    assert len({id(r) for r in results}) == 1


# -- the analysis on random datasets ---------------------------------------------------------------


def _powers(ds: ca.Dataset) -> list[str]:
    """The actors that can be powers in a role summary: the states."""
    return [s.id for s in ds.states]


def _edges(G: Any) -> Counter[tuple[Any, ...]]:
    """The edges of a multigraph as a multiset of (source, target, attributes), keys left out."""
    return Counter((u, v, *sorted(d.items())) for u, v, d in G.edges(data=True))


def _keyed_edges(G: Any) -> set[tuple[Any, ...]]:
    """The edges of a multigraph as a set of (source, target, key, attributes)."""
    return {(u, v, k, *sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True)}


@given(st.one_of(cs.influence_datasets(), small_datasets), st.data())
def test_role_shares_sum_to_one_per_state_and_domain(ds: ca.Dataset, data: st.DataObject) -> None:
    """Any one to three states as powers over every other state, and Russia and China over Central Asia: shares in [0, 1] summing to 1, balances in [0, 1].

    Per state and pooled, in every domain. The datasets are the analysis
    layer's (relations among fixed powers and Central Asian states) or any
    valid dataset.
    """
    summaries = []
    candidates = _powers(ds)
    if len(candidates) >= 2:  # a summary is over one state or more, none of them a power
        powers = data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=min(3, len(candidates) - 1), unique=True))
        summaries.append(role_summary(ds, powers=powers, over=[s for s in candidates if s not in powers]))
    if all(isinstance(ds.get(p), ca.State) for p in cs.POWERS) and central_asian_states(ds):
        summaries.append(role_summary(ds, powers=cs.POWERS))  # over the Central Asian states, the default
    for summary in summaries:
        for domain in ca.Domain:
            for state in summary.states:
                shares = summary.shares(domain, over=state)
                assert set(shares) == set(summary.powers)
                assert sum(shares.values()) == pytest.approx(1.0)
                assert all(0.0 <= x <= 1.0 for x in shares.values())
            if summary.states:
                pooled = summary.shares(domain.value)
                assert sum(pooled.values()) == pytest.approx(1.0)
                assert all(0.0 <= x <= 1.0 for x in pooled.values())
                assert 0.0 <= summary.balance(domain=domain) <= 1.0


@given(cs.datasets(), cs.partial_dates(), cs.partial_dates())
def test_a_later_as_of_never_removes_an_edge(ds: ca.Dataset, a: ca.PartialDate, b: ca.PartialDate) -> None:
    """The network as of a date whose last day is later holds every edge of the earlier one, key included, and the undated view holds all."""
    early, late = sorted((a, b), key=lambda d: d.latest)
    G_early, G_late, G_all = influence_network(ds, as_of=early), influence_network(ds, as_of=late), influence_network(ds)
    assert _keyed_edges(G_early) <= _keyed_edges(G_late)
    assert _edges(G_early) <= _edges(G_late) <= _edges(G_all)


@given(cs.datasets())
def test_edges_join_distinct_actors_with_sound_weights(ds: ca.Dataset) -> None:
    """Every edge joins two different actors of the dataset, with all its attributes, a finite weight >= 0, a domain and a record of the dataset that its key names."""
    G = influence_network(ds)
    domains = {d.value for d in ca.Domain}
    for u, v, key, data in G.edges(keys=True, data=True):
        assert u != v
        assert isinstance(ds.get(u), (ca.State, ca.Organization)) and isinstance(ds.get(v), (ca.State, ca.Organization))
        assert set(data) >= {"layer", "domain", "weight", "certainty", "date", "record"}
        assert math.isfinite(data["weight"]) and data["weight"] >= 0
        assert data["domain"] in domains
        assert data["record"] in ds.ids and str(key).startswith(data["record"])
        # Both ends are nodes with attributes: never a bare node, never a state grouping.
        assert u in G and v in G
        assert G.nodes[u] and G.nodes[v], (u, v)


def test_state_groupings_are_never_nodes() -> None:
    """Groupings are expanded to their members, so no edge ends at one, even when an agreement establishes it."""
    e = [ca.Evidence(paragraph=1)]
    ds = ca.Dataset(
        states=[ca.State(id="KAZ", name="Kazakhstan", evidence=e), ca.State(id="KGZ", name="Kyrgyzstan", evidence=e)],
        organizations=[
            ca.Organization(
                id="central-asia",
                name="Central Asia",
                kind=ca.OrganizationKind.STATE_GROUPING,
                evidence=e,
                members=[ca.Membership(member="KAZ", evidence=e), ca.Membership(member="KGZ", evidence=e)],
            )
        ],
        agreements=[
            ca.Agreement(
                id="ag",
                title="A mechanism",
                kind=ca.AgreementKind.MULTILATERAL_MECHANISM,
                domain=ca.Domain.SECURITY,
                parties=["KAZ", "KGZ"],
                evidence=e,
                establishes="central-asia",
            )
        ],
    )
    G = influence_network(ds)
    assert "central-asia" not in G


def _mutate_graph(G: Any) -> None:
    """Change a graph every way a caller might: attributes, edges, nodes."""
    G.graph["mine"] = True
    for _, data in G.nodes(data=True):
        data["name"] = "changed"
    for _, _, data in G.edges(data=True):
        data["weight"] = -1.0
    G.remove_edges_from(list(G.edges(keys=True))[:1])
    G.add_edge("KAZ", "ZZZ", "mine", weight=99.0)


def _snapshot(G: Any) -> tuple[Any, ...]:
    """A deep copy of everything in *G* (the graph's own attribute dicts would change with it)."""
    return copy.deepcopy((dict(G.graph), sorted(G.nodes(data=True), key=repr), sorted(G.edges(keys=True, data=True), key=repr)))


def test_graphs_of_the_bundled_data_are_fresh_copies() -> None:
    """Changing a graph ``influence_network`` handed out changes neither the next graph nor the dataset."""
    ds = ca.load()
    before = ca.dumps(ds)
    first = influence_network(ds)
    expected = _snapshot(first)
    _mutate_graph(first)
    assert _snapshot(influence_network(ds)) == expected
    assert ca.dumps(ds) == before


@given(small_datasets)
def test_graphs_of_any_dataset_are_fresh_copies(ds: ca.Dataset) -> None:
    """For any dataset, a graph changed by its caller leaves the next graph as it would have been."""
    first = influence_network(ds)
    expected = _snapshot(first)
    _mutate_graph(first)
    assert _snapshot(influence_network(ds)) == expected


def test_shares_handed_out_are_fresh() -> None:
    """Changing the shares dict a summary returned does not change what it returns next."""
    ds = ca.load()
    candidates = _powers(ds)
    summary = role_summary(ds, powers=candidates[:2], over=candidates[2:])
    shares = summary.shares("security")
    expected = dict(shares)
    shares.clear()
    assert summary.shares("security") == expected


# -- valid means usable: a damaged document is a dataset every analysis takes, or our error -------------


def _every_analysis_and_export(ds: ca.Dataset) -> None:
    """Run every analysis and export on *ds*, with powers and states it holds; each must finish without error."""
    import importlib.util
    import os
    import tempfile
    import warnings
    import xml.etree.ElementTree as ET

    from centralasia import export
    from centralasia.actors import central_asian_states

    region = central_asian_states(ds)
    powers = [s.id for s in ds.states if s.id not in region][:2]
    over = list(region) or [s.id for s in ds.states if s.id not in powers][:1]
    with warnings.catch_warnings():
        # The centralities warn on a graph that is not strongly connected: a warning, not a failure.
        warnings.simplefilter("ignore", ca.DescriptiveOnlyWarning)
        if powers and over:
            str(ca.readings(ds, powers=powers, over=over))
            str(role_summary(ds, powers=powers, over=over))
        list(ca.relations(ds))
        G = influence_network(ds)
        assert all(math.isfinite(v) for v in ca.influence_scores(G, "strength").values())
        json.dumps(export.network_to_json(G), allow_nan=False, ensure_ascii=False).encode("utf-8")
        ca.dumps(ds).encode("utf-8")
        if importlib.util.find_spec("pandas") is not None:
            for table in export.TABLES:
                export.to_frame(ds, table)
        with tempfile.TemporaryDirectory() as directory:
            for name in ("network.graphml", "network.gexf"):
                path = os.path.join(directory, name)
                ca.write_network(G, path)
                ET.parse(path)  # well-formed XML: no control character got in


@given(cs.damaged_documents())
def test_a_damaged_document_is_a_usable_dataset_or_our_error_with_a_path(text: str) -> None:
    """A valid document with keys dropped or repeated, wrong types, unwritable text, numbers out of range, dangling or self references, or deep nesting loads as a dataset that every analysis and export handles, or raises DataError naming a ``$`` path."""
    try:
        ds = ca.loads(text)
    except ca.DataError as exc:
        assert exc.problems and all(p.path.startswith("$") for p in exc.problems)
        assert " @ $" in str(exc)
        return
    _every_analysis_and_export(ds)


def test_the_bundled_dataset_is_usable_by_every_analysis_and_export(ds: ca.Dataset) -> None:
    """The bundled data passes the same property: every analysis and export takes it."""
    _every_analysis_and_export(ds)
