"""Influence networks: networkx graphs of the relation stream, collapsed sums and scores on them.

Every edge ``u -> v`` means **u gains influence over v** (see
:mod:`centralasia.edges`); the graph stores the convention as
``G.graph["direction"]``.
"""

from __future__ import annotations

import importlib.util
import inspect
import math
import numbers
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal, TypeVar, Unpack

import networkx as nx

from centralasia._actors import central_asian_states, is_grouping
from centralasia._rows import attribute_maker, within
from centralasia._stream import FineTable, relation_rows
from centralasia._sums import Sum
from centralasia._tables import member
from centralasia._text import WIDTH, printable, shown
from centralasia.errors import ArgumentError, DataError, DescriptiveOnlyWarning, MissingDependencyError
from centralasia.model import Dataset, DateLike, Domain, Organization, PartialDate, State
from centralasia.query import Query, QueryOptions
from centralasia.sums import PairSums, given, pair_sums
from centralasia.weights import Layer

__all__ = [
    "DIRECTION",
    "MEASURES",
    "Measure",
    "collapse",
    "influence_network",
    "influence_scores",
    "weighted_network",
]

#: The direction convention, also stored as ``G.graph["direction"]``.
DIRECTION = "u->v: u gains influence over v"

#: The measures :func:`influence_scores` computes.
Measure = Literal["strength", "in_strength", "pagerank", "betweenness", "eigenvector"]

_G = TypeVar("_G", bound="nx.Graph[str]")
#: A fine key, (source, target, domain, layer), the domain and layer as enums (pair sums) or as edge attributes (collapse).
_FK = TypeVar("_FK", bound=tuple[str, str, object, object])


def _node_attributes(actor: State | Organization, central_asia: frozenset[str]) -> dict[str, str | bool]:
    if isinstance(actor, State):
        out: dict[str, str | bool] = {"type": "state", "kind": "state", "name": actor.name}
        if actor.region is not None:
            out["region"] = actor.region.value
    else:
        out = {"type": "organization", "kind": actor.kind.value, "name": actor.name}
        if actor.acronym is not None:
            out["acronym"] = actor.acronym
    out["central_asian"] = actor.id in central_asia
    return out


def influence_network(
    ds: Dataset,
    **options: Unpack[QueryOptions],
) -> nx.MultiDiGraph[str]:
    """The influence network: a :class:`networkx.MultiDiGraph` with one edge per record and actor pair.

    Nodes are the states and organisations of *ds* (state groupings such as
    ``"central-asia"`` are not nodes: relations naming them are expanded to
    their members), with the attributes ``type`` (``"state"`` or
    ``"organization"``), ``kind``, ``name``, ``central_asian`` and, where
    known, ``region`` and ``acronym``. An edge ``u -> v`` means u gains
    influence over v; its key is the record id (with ``#2``, ``#3``... when one
    record gives the same pair twice) and its attributes are ``layer``,
    ``domain``, ``weight``, ``certainty``, ``date`` (ISO text or ``None``),
    ``record`` and, for edges a scenario made or changed, ``scenario``.
    Zero-weight edges (attacks, threats) are kept so that they can be seen;
    :func:`collapse` drops them.

    The options are the fields of :class:`~centralasia.Query` (see
    :func:`~centralasia.relations`). With ``records=`` the records
    are streamed, but the graph keeps an edge for each relation, so its
    memory grows with the records; to aggregate a stream use
    :func:`~centralasia.roles.role_summary` or sum :func:`relations` per pair.

    Examples
    --------
    >>> import centralasia as ca
    >>> G = influence_network(ca.load(), domain="security", as_of="2016-12-31")
    >>> G.graph["direction"]
    'u->v: u gains influence over v'
    >>> sorted(k for _, _, k in G.edges("CHN", keys=True) if k.startswith("at-"))
    ['at-chn-tkm-hq9-2015', 'at-chn-uzb-hq9-2015', 'at-chn-uzb-pterodactyl']
    >>> G.edges["CHN", "UZB", "at-chn-uzb-hq9-2015"]["weight"]  # shares its claims with the other transfers and a role
    1.125
    """
    query = Query.of(options)
    rows = relation_rows(ds, query)
    G = _empty_network(nx.MultiDiGraph, ds, query)
    add = _edge_adder(G)
    attributes = attribute_maker()
    # Only one record can give the same pair twice, and a record's edges come together.
    record: str | None = None
    used: dict[tuple[str, str], int] = {}
    for row in rows:
        u, v, rid = row.source, row.target, row.record
        if rid != record:
            record = rid
            used.clear()
        n = used[u, v] = used.get((u, v), 0) + 1
        key = rid if n == 1 else f"{rid}#{n}"
        if "#" in key:  # a record id may itself look like "x#2": never overwrite an edge
            while G.has_edge(u, v, key):
                n += 1
                key = f"{rid}#{n}"
        add(u, v, key, attributes(row))
    return G


def _plain_pairs(totals: FineTable[float], counts: FineTable[int]) -> dict[tuple[str, str], Sum]:
    """:func:`_pairs` of the one pass's own sums, read by their plain keys (the layer's value at hand)."""
    pairs: dict[tuple[str, str], Sum] = {}
    index, sums = totals.indexed()
    tallies = counts.indexed()[1]
    get = pairs.get
    for (u, v, _, layer), i in index.items():
        entry = get((u, v))
        if entry is None:
            entry = pairs[u, v] = Sum(sums[i], layer)
            entry.count = tallies[i]
        else:
            entry.total += sums[i]
            entry.count += tallies[i]
            entry.layers.add(layer)
    return pairs


def _edge_adder(G: nx.MultiDiGraph[str]) -> Callable[[str, str, str, dict[str, str | float | None]], None]:
    """``G.add_edge(u, v, key, **data)`` for a graph this module made, without the keyword dict and checks per edge.

    networkx keeps a multigraph's edges as ``G._succ[u][v][key] = data``, with
    ``G._pred[v][u]`` the same key dict (the layout its documentation describes
    for subclasses). Where *G* is not a plain :class:`networkx.MultiDiGraph`
    laid out so, or an end is not yet a node, ``add_edge`` itself is called.
    """
    succ: object = getattr(G, "_succ", None)
    pred: object = getattr(G, "_pred", None)
    if (
        type(G) is not nx.MultiDiGraph
        or type(succ) is not dict
        or type(pred) is not dict
        or getattr(nx.MultiDiGraph, "edge_key_dict_factory", None) is not dict
    ):

        def add_edge(u: str, v: str, key: str, data: dict[str, str | float | None]) -> None:
            G.add_edge(u, v, key, **data)

        return add_edge
    out: dict[str, dict[str, dict[str, dict[str, str | float | None]]]] = succ
    into: dict[str, dict[str, dict[str, dict[str, str | float | None]]]] = pred

    def add(u: str, v: str, key: str, data: dict[str, str | float | None]) -> None:
        targets = out.get(u)
        if targets is None or v not in into:
            G.add_edge(u, v, key, **data)
            return
        keys = targets.get(v)
        if keys is None:
            keys = targets[v] = into[v][u] = {}
        old = keys.get(key)
        if old is None:
            keys[key] = data
        else:
            old.update(data)

    return add


def _empty_network(kind: type[_G], ds: Dataset, query: Query) -> _G:
    """A graph of *kind* with the graph attributes of an influence network and its actor nodes, but no edges."""
    scenario = query.scenario
    G: _G = kind(
        direction=DIRECTION,
        domain=None if query.domain is None else query.domain.value,
        as_of=None if query.as_of is None else str(query.as_of),
        scenario=scenario if isinstance(scenario, str) or scenario is None else scenario.id,
    )
    central_asia = frozenset(central_asian_states(ds))
    G.add_nodes_from((a.id, _node_attributes(a, central_asia)) for a in ds.actors if not is_grouping(a))
    return G


def _edge_number(value: object, u: object, v: object, weight: str) -> float:
    """An edge's *weight* attribute as a float, or an :class:`ArgumentError` naming the edge: a graph of the caller's may hold anything."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        try:
            result = float(value)
        except (OverflowError, ValueError):
            result = math.inf
        if math.isfinite(result) and result >= 0:
            return result
    raise ArgumentError("G", f"edge {shown(u)} -> {shown(v)}: {shown(weight)} must be a finite number >= 0, not {shown(value)}")


def _edge_date(value: object, u: object, v: object) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.parse(str(value))
    except (DataError, TypeError, ValueError):
        raise ArgumentError("G", f"edge {shown(u)} -> {shown(v)}: date must be an ISO date or None, not {shown(value)}") from None


def _graph(G: object) -> nx.DiGraph[str]:
    if not isinstance(G, nx.DiGraph):  # a MultiDiGraph is one
        kind = "an undirected graph" if isinstance(G, nx.Graph) else type(G).__name__
        raise ArgumentError("G", f"G must be a directed influence network (influence_network() gives one), not {kind}")
    return G


def _layers(layers: object) -> frozenset[str] | None:
    if layers is None:
        return None
    if isinstance(layers, (str, bytes, Mapping, Layer)) or not isinstance(layers, Iterable):
        hint = f" (one layer is [{shown(layers)}])" if isinstance(layers, (str, Layer)) else ""
        raise ArgumentError("layers", f"layers must be an iterable of layers, not {type(layers).__name__}{hint}")
    return frozenset(member(Layer, layer, "layers", owner=None).value for layer in layers)


def collapse(
    G: nx.MultiDiGraph[str] | nx.DiGraph[str],
    *,
    weight: str = "weight",
    domain: Domain | str | None = None,
    layers: Iterable[Layer | str] | None = None,
    as_of: DateLike | None = None,
    include_undated: bool = True,
) -> nx.DiGraph[str]:
    """Collapse the layers into a weighted :class:`networkx.DiGraph`.

    The rule: the weight of ``u -> v`` is the **sum** of the weights of
    all parallel ``u -> v`` edges that pass the filters, that is the total
    influence u gains over v. Pairs whose sum is 0 (only attacks or threats,
    say), or so small that its distance would be infinite (under about
    ``1e-308``), get no edge, so that weight-as-strength algorithms are not misled.
    Each edge also holds ``count`` (how many records), ``layers`` (the layer
    names, comma-separated and sorted) and ``distance`` (``1 / weight``, the
    length that shortest-path algorithms such as betweenness need: strong ties
    are short). Nodes keep their attributes. networkx's eigenvector centrality
    refuses multigraphs; the collapsed graph is what it takes.

    Parameters
    ----------
    G : networkx.MultiDiGraph or networkx.DiGraph
        An influence network, e.g. from :func:`influence_network`. Its edges'
        weights must be finite numbers >= 0 and their dates ISO dates or ``None``.
    weight : str
        The edge attribute to sum.
    domain, layers : optional
        Keep only edges of this domain, or of these layers (an iterable: ``["role"]``, not ``"role"``).
    as_of : str, datetime.date or PartialDate, optional
        Keep only edges whose ``date`` attribute could fall on or before it
        (the rule of :func:`relations`); scenario edges always stay.
    include_undated : bool
        Whether undated edges stay when *as_of* is given.

    Raises
    ------
    ArgumentError
        For an argument of the wrong kind, an edge whose weight or date is
        not one, or sums that overflow; each names what is wrong.

    Examples
    --------
    >>> import centralasia as ca
    >>> H = collapse(influence_network(ca.load()), domain="security", layers=["arms-transfer"])
    >>> H.edges["CHN", "UZB"]
    {'weight': 2.25, 'count': 2, 'layers': 'arms-transfer', 'distance': 0.4444444444444444}
    """
    graph = _graph(G)
    if not isinstance(weight, str):
        raise ArgumentError("weight", f"weight must be the name of an edge attribute, not {type(weight).__name__}")
    query = Query(domain=domain, as_of=as_of, include_undated=include_undated)
    wanted = None if query.domain is None else query.domain.value
    keep = _layers(layers)
    cut = query.as_of
    H: nx.DiGraph[str] = nx.DiGraph()
    H.graph.update(graph.graph)
    H.add_nodes_from(graph.nodes(data=True))

    include_undated = query.include_undated
    scenario = Layer.SCENARIO.value
    # Each distinct date text read once (an influence network has a few hundred dates, and millions of edges).
    counted: dict[str, bool] = {}
    # Summed per (source, target, domain, layer) first, then per pair: the order weighted_network sums in, so the two agree exactly.
    # Keyed by plain strings, as the one pass keeps its sums: an index per key into two flat lists.
    index: dict[tuple[str, str, str, str], int] = {}
    totals: list[float] = []
    counts: list[int] = []
    for u, v, data in graph.edges(data=True):
        domain = data.get("domain")
        if wanted is not None and domain != wanted:
            continue
        layer = data.get("layer")
        if keep is not None and layer not in keep:
            continue
        if layer != scenario:
            date = data.get("date")
            if date is None or type(date) is not str:
                if not within(_edge_date(date, u, v), cut, include_undated):
                    continue
            else:
                ok = counted.get(date)
                if ok is None:
                    ok = counted[date] = within(_edge_date(date, u, v), cut, include_undated)
                if not ok:
                    continue
        value = data.get(weight, 1.0)
        number = value if type(value) is float and 0.0 <= value < math.inf else _edge_number(value, u, v, weight)
        key = (u, v, domain if type(domain) is str else repr(domain), layer if type(layer) is str else str(layer))
        i = index.get(key)
        if i is None:
            index[key] = len(totals)
            totals.append(0.0 + number)
            counts.append(1)
        else:
            totals[i] += number
            counts[i] += 1
    return _add_pair_sums(H, _plain_pairs(FineTable(index, totals), FineTable(index, counts)), weight, "G")


#: The smallest sum that gets an edge; its distance, ``1 / weight``, must be a finite number.
_SMALLEST = 1.0 / sys.float_info.max


def _add_pair_sums(H: nx.DiGraph[str], sums: Mapping[tuple[str, str], Sum], weight: str, field: str) -> nx.DiGraph[str]:
    """Add to *H* an edge per pair of *sums* whose total is above 0, sources in *H*'s node order: :func:`collapse`'s rule.

    A sum that overflows is an :class:`ArgumentError` at ``$.<field>`` naming the pair, never an infinite weight.
    """
    by_source: dict[str, list[tuple[str, Sum]]] = {}
    for (u, v), total in sums.items():
        if not math.isfinite(total.total):
            raise ArgumentError(field, f"the summed weight of {shown(u)} -> {shown(v)} overflows: the weights are too large to add up")
        by_source.setdefault(u, []).append((v, total))
    sources = [u for u in H if u in by_source]
    if len(sources) != len(by_source):
        sources += [u for u in by_source if u not in H]
    H.add_edges_from(
        (u, v, {weight: s.total, "count": s.count, "layers": ",".join(sorted(s.layers)), "distance": 1.0 / s.total})
        for u in sources
        for v, s in by_source[u]
        if s.total >= _SMALLEST
    )
    return H


def weighted_network(
    ds: Dataset,
    *,
    sums: PairSums | None = None,
    **options: Unpack[QueryOptions],
) -> nx.DiGraph[str]:
    """The collapsed influence network, summed straight from the relation stream.

    The result equals ``collapse(influence_network(ds, ...))`` with the
    same arguments: the same graph attributes, the same nodes with their
    attributes, and an edge ``u -> v`` for each actor pair whose summed
    weight is above 0, holding ``weight`` (the sum), ``count`` (how many
    relations), ``layers`` (their names, comma-separated and sorted) and
    ``distance`` (``1 / weight``); see :func:`collapse`. The multigraph is
    never built: the relations are summed per pair as they stream, so memory
    grows with the actor pairs and not with the records, and it takes a
    fraction of the time. Use :func:`influence_network` when you need the
    records behind each edge.

    Parameters
    ----------
    ds : Dataset
        The records; with ``records=``, also the index they are checked against.
    sums : PairSums, optional
        The relations already summed (:func:`~centralasia.pair_sums`, or
        :meth:`PairSums.from_rows <centralasia.PairSums.from_rows>` of sums
        computed elsewhere): the network is built from them, under their
        query, without reading the records again. No query option may be
        given beside them (:class:`~centralasia.ArgumentError`).
    **options
        The fields of :class:`~centralasia.Query`, as for :func:`~centralasia.relations`.

    Returns
    -------
    networkx.DiGraph
        The weighted actor network (``u -> v``: u gains influence over v).
        Each pair's weight is the sum of its (domain, layer) sums in the
        order they were first seen, as :func:`collapse` sums.

    See Also
    --------
    collapse : the same rule applied to a network already built, with filters.
    influence_scores : measures of influence on the result.

    Examples
    --------
    >>> import networkx as nx
    >>> import centralasia as ca
    >>> H = weighted_network(ca.load(), domain="security")
    >>> H.edges["CHN", "UZB"]["count"] >= 2, H.graph["direction"]
    (True, 'u->v: u gains influence over v')
    >>> H2 = collapse(influence_network(ca.load(), domain="security"))
    >>> nx.utils.graphs_equal(H, H2) and list(H.edges(data=True)) == list(H2.edges(data=True))
    True

    Streamed records are summed as they come and never kept:

    >>> feed = (ca.ArmsTransfer(id=f"feed-{i}", supplier="RUS", recipient="KAZ", designation="Su-30SM", description="", category=ca.SipriCategory.AIRCRAFT, evidence=[ca.Evidence(paragraph=8)]) for i in range(1000))
    >>> weighted_network(ca.load(), records=feed, domain="security").edges["RUS", "KAZ"]["count"] > 1000
    True

    One pass for the network and the role summary:

    >>> s = ca.pair_sums(ca.load())
    >>> weighted_network(ca.load(), sums=s).edges["CHN", "UZB"] == weighted_network(ca.load()).edges["CHN", "UZB"]
    True
    """
    sums = pair_sums(ds, **options) if sums is None else given(sums, options, ds)
    H = _empty_network(nx.DiGraph, ds, sums.query)
    return _add_pair_sums(H, _pairs(sums.totals, sums.counts), "weight", "weights")


def _pairs(totals: Mapping[_FK, float], counts: Mapping[_FK, int]) -> dict[tuple[str, str], Sum]:
    """Fine sums per (source, target, domain, layer) summed per pair, in first-seen order: the one order both :func:`weighted_network` and :func:`collapse` sum in."""
    if isinstance(totals, FineTable) and isinstance(counts, FineTable) and totals.same_keys(counts):
        return _plain_pairs(totals, counts)
    pairs: dict[tuple[str, str], Sum] = {}
    names: dict[object, str] = {}  # each layer's name, worked out once
    # The counts come in the totals' order (pair sums and collapse make them so); a key out of step is looked up.
    for (key, total), (counted, count) in zip(totals.items(), counts.items(), strict=True):
        if counted is not key and counted != key:
            count = counts[key]
        u, v, _, layer = key
        name = names.get(layer)
        if name is None:
            name = names[layer] = str(getattr(layer, "_value_", layer))
        entry = pairs.get((u, v))
        if entry is None:
            entry = pairs[u, v] = Sum(total, name)
            entry.count = count
        else:
            entry.total += total
            entry.count += count
            entry.layers.add(name)
    return pairs


def influence_scores(
    G: nx.MultiDiGraph[str] | nx.DiGraph[str] | PairSums,
    measure: Measure = "pagerank",
    *,
    weight: str = "weight",
    domain: Domain | str | None = None,
    as_of: DateLike | None = None,
    include_undated: bool = True,
    backend: str | None = None,
    **options: object,
) -> dict[str, float]:
    """A descriptive statistic of each actor's ties in the network, by one of several measures.

    These describe how the records link actors; they are not readings of
    influence (those are :func:`~centralasia.readings`, which keep the article's
    assessments apart from the acts it reports). PageRank, betweenness and
    eigenvector centrality warn with :class:`~centralasia.DescriptiveOnlyWarning`
    when the collapsed graph is not strongly connected, where they rank
    actors by the shape of the records rather than by anything the article says.

    The network is first collapsed with :func:`collapse` (the *domain*,
    *as_of* and *include_undated* filters are passed to it). Then:

    ``"strength"``
        The total weight of a node's outgoing edges: the influence it holds.
    ``"in_strength"``
        The total weight of its incoming edges: the influence it is exposed to.
    ``"pagerank"``
        :func:`networkx.pagerank` on the **reversed** graph: an actor scores
        high when actors that themselves score high are under its influence.
    ``"betweenness"``
        :func:`networkx.betweenness_centrality` with ``distance = 1 / weight``:
        brokerage between other actors.
    ``"eigenvector"``
        :func:`networkx.eigenvector_centrality` on the reversed graph (it may
        fail to converge on a graph that is not strongly connected).

    Parameters
    ----------
    G : networkx.MultiDiGraph, networkx.DiGraph or PairSums
        An influence network, or the :class:`~centralasia.PairSums` of one
        (:func:`~centralasia.pair_sums`): the network is then the one
        :func:`weighted_network` builds from them, on the actors they name
        (pass ``weighted_network(ds, sums=s)`` to score every actor of *ds*,
        those without ties too). Sums carry no dates: with them *as_of* and
        *include_undated* are refused (give them to ``pair_sums``).
    backend : str, optional
        Passed to the networkx algorithm (``"parallel"`` for nx-parallel,
        ``"cugraph"`` for nx-cugraph...). The library never changes
        ``networkx.config``. The strengths are sums computed here.
    **options
        Passed to the networkx algorithm (``alpha``, ``max_iter``...); the
        strengths take none.

    Raises
    ------
    ArgumentError
        For an unknown measure, an option the measure does not take, a backend
        that is not installed, or when the networkx algorithm fails (PageRank or
        eigenvector centrality not converging, a bad option value), naming the measure.

    Notes
    -----
    PageRank needs no SciPy: with SciPy installed (``pip install
    'centralasia[scipy]'``) it is :func:`networkx.pagerank`; without it,
    networkx's pure-Python implementation of the same iteration, whose scores
    agree with it to rounding (about 1e-15). Neither is imported before
    PageRank runs, so ``import centralasia`` stays light.

    Examples
    --------
    >>> import centralasia as ca
    >>> G = influence_network(ca.load(), as_of="2016-12-31")
    >>> strength = influence_scores(G, "strength", domain="security")
    >>> strength["RUS"] > strength["CHN"] > strength["KAZ"]
    True
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     rank = influence_scores(G, "pagerank", domain="security")
    >>> caught[0].category.__name__, round(sum(rank.values()), 6)
    ('DescriptiveOnlyWarning', 1.0)
    """
    compute = MEASURES.get(measure) if isinstance(measure, str) else None
    if compute is None:
        choices = ", ".join(repr(m) for m in MEASURES)
        raise ArgumentError("measure", f"unknown measure {shown(measure)}; expected one of {choices}")
    if backend is not None and not isinstance(backend, str):
        raise ArgumentError("backend", f"backend must be the name of a networkx backend, not {type(backend).__name__}")
    _check_options(measure, options, backend)
    if isinstance(G, PairSums):
        H = _sums_network(G, weight, domain, as_of, include_undated)
    else:
        H = collapse(G, weight=weight, domain=domain, as_of=as_of, include_undated=include_undated)
    if measure in _PATH_MEASURES and len(H) > 1 and not nx.is_strongly_connected(H):
        parts = nx.number_strongly_connected_components(H)
        warnings.warn(
            f"{measure}: the graph is not strongly connected ({parts} components); the scores describe ties, not influence (see centralasia.readings)",
            DescriptiveOnlyWarning,
            stacklevel=2,
        )
    # The library never changes networkx.config; a backend is passed only when asked for.
    passed: dict[str, Any] = dict(options) if backend is None else {**options, "backend": backend}
    try:
        scores = {str(u): float(s) for u, s in compute(H, weight, passed).items()}
    except MissingDependencyError:
        raise
    except ImportError as exc:  # networkx's word for a backend it does not have
        if backend is None:
            raise ArgumentError("measure", f"{measure} failed ({printable(f'ImportError: {exc}', 200)})") from exc
        raise ArgumentError("backend", f"{measure}: the networkx backend {shown(backend)} is not installed") from None
    except (nx.NetworkXException, ArithmeticError, LookupError, TypeError, ValueError, RuntimeError) as exc:
        # networkx's own failures (no convergence, a bad option value) as ours, naming the measure.
        why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise ArgumentError("measure", f"{measure} failed ({printable(why, 200)})") from exc
    bad = next((u for u, x in scores.items() if not math.isfinite(x)), None)
    if bad is not None:
        raise ArgumentError("measure", f"{measure} gave no finite score for {shown(bad)}: the weights are too large or too uneven for it")
    return scores


def _sums_network(sums: PairSums, weight: str, domain: Domain | str | None, as_of: DateLike | None, include_undated: bool) -> nx.DiGraph[str]:
    """The weighted network of *sums* (of one *domain*, if given) on the actors they name: :func:`influence_scores` of pair sums."""
    if not isinstance(weight, str):
        raise ArgumentError("weight", f"weight must be the name of an edge attribute, not {type(weight).__name__}")
    if as_of is not None or include_undated is not True:
        name = "as_of" if as_of is not None else "include_undated"
        raise ArgumentError(name, f"pair sums carry no dates: give {name} to pair_sums(), not to influence_scores()")
    wanted = Query(domain=domain).domain
    totals, counts = given(sums, {}).totals, sums.counts
    if wanted is not None:
        totals = {key: total for key, total in totals.items() if key[2] is wanted}
        counts = {key: counts[key] for key in totals}
    H: nx.DiGraph[str] = nx.DiGraph()
    H.graph.update(_empty_network(nx.DiGraph, Dataset(), sums.query).graph)
    return _add_pair_sums(H, _pairs(totals, counts), weight, "sums")


def _check_options(measure: str, options: Mapping[str, object], backend: str | None) -> None:
    """Refuse options the measure does not take: the strengths take none, the networkx measures their own."""
    algorithm = _ALGORITHMS.get(measure)
    if algorithm is None:
        if options or backend is not None:
            given = "backend" if backend is not None else next(iter(options))
            raise ArgumentError(given, f"{measure} is a sum computed here: it takes no options or backend, not {shown(given)}")
        return
    taken = set(inspect.signature(algorithm).parameters) - {"G", "weight", "backend"}
    for name in options:
        if name not in taken:
            raise ArgumentError(printable(name, WIDTH), f"{measure} takes no option {shown(name)}; it takes {', '.join(sorted(taken))} (and backend=)")


def _strength(H: nx.DiGraph[str], weight: str, options: dict[str, Any]) -> Mapping[str, float]:
    return {u: float(d) for u, d in H.out_degree(weight=weight)}


def _in_strength(H: nx.DiGraph[str], weight: str, options: dict[str, Any]) -> Mapping[str, float]:
    return {u: float(d) for u, d in H.in_degree(weight=weight)}


def _pagerank(H: nx.DiGraph[str], weight: str, options: dict[str, Any]) -> Mapping[str, float]:
    """PageRank on the reversed graph: networkx's SciPy implementation when SciPy is installed (or a backend is named), else its pure-Python one."""
    R = H.reverse(copy=False)
    if "backend" in options or _has_scipy():
        return nx.pagerank(R, weight=weight, **options)
    return _pagerank_without_scipy(R, weight, options)


def _has_scipy() -> bool:
    """Whether SciPy can be imported, found without importing it (``import centralasia`` stays light)."""
    return importlib.util.find_spec("scipy") is not None


def _pagerank_without_scipy(R: nx.DiGraph[str], weight: str, options: dict[str, Any]) -> Mapping[str, float]:
    """networkx's pure-Python PageRank (the reference its tests check ``nx.pagerank`` against), given ``nx.pagerank``'s inputs.

    The same power iteration, start, dangling-node rule and stopping test as
    :func:`networkx.pagerank`: the scores agree to rounding (about 1e-15). It is
    private to networkx (``_pagerank_python``, the same parameters since networkx 3.0),
    so it is looked up when used; without it, PageRank needs SciPy.
    """
    from networkx.algorithms.link_analysis import pagerank_alg

    reference: Callable[..., Mapping[str, float]] | None = getattr(pagerank_alg, "_pagerank_python", None)
    if reference is None:
        raise MissingDependencyError("scipy", "scipy", "PageRank with this networkx")
    passed = dict(options)
    for name in ("personalization", "nstart", "dangling"):
        given = passed.get(name)
        if given is None:
            continue
        if not isinstance(given, Mapping):
            raise ArgumentError(name, f"pagerank: {name} must be a mapping of node to number, not {type(given).__name__}")
        # As nx.pagerank reads them: one value per node, 0 where none is given; other keys are not read.
        passed[name] = {n: given.get(n, 0) for n in R}
    return reference(R, weight=weight, **passed)


def _betweenness(H: nx.DiGraph[str], weight: str, options: dict[str, Any]) -> Mapping[str, float]:
    return nx.betweenness_centrality(H, weight="distance", **options)


def _eigenvector(H: nx.DiGraph[str], weight: str, options: dict[str, Any]) -> Mapping[str, float]:
    return nx.eigenvector_centrality(H.reverse(copy=False), weight=weight, **options)


#: The networkx algorithm behind each measure that has one, with the options it takes.
_ALGORITHMS: Mapping[str, Callable[..., object]] = MappingProxyType(
    {"pagerank": nx.pagerank, "betweenness": nx.betweenness_centrality, "eigenvector": nx.eigenvector_centrality}
)

#: The measures that follow paths through the graph, meaningless as influence on a graph that is not strongly connected.
_PATH_MEASURES = frozenset({"pagerank", "betweenness", "eigenvector"})

#: How :func:`influence_scores` computes each measure on the collapsed network.
MEASURES: Mapping[str, Callable[[nx.DiGraph[str], str, dict[str, Any]], Mapping[str, float]]] = MappingProxyType(
    {
        "strength": _strength,
        "in_strength": _in_strength,
        "pagerank": _pagerank,
        "betweenness": _betweenness,
        "eigenvector": _eigenvector,
    }
)
