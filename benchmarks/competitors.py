"""Hand-written competitors of the library: pair sums and role shares by vectorised pandas, polars lazy, a plain-dict loop and the old row loop.

Each applies the library's rules and default weights (read once from
:data:`centralasia.DEFAULT_WEIGHTS`) to the record kinds and features the
synthetic data has: groupings expanded, an event's domain from the
statements made at it, statements spoken for by their speakers' states,
memberships and co-memberships, the repeated, role and background factors.
(Claims, scenarios and date cuts are not exercised by the default query.)

Every competitor returns a :class:`Result`: the sums per (source, target,
domain, layer) with their counts, the weight per actor pair (pairs of a
positive total) and the shares of the powers over each state per domain.
:func:`compare` checks two results equal.

The vectorised ones start from record tables in the columnar form of
``centralasia.columnar`` (``records``: one row per record; ``participants``:
``record, slot, actor``, one row per id named). :func:`record_tables` makes
them from a :class:`~centralasia.Dataset` in one pass over the records: on the
object route that pass is part of their time; on the columnar route the
tables are the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

import centralasia as ca

__all__ = [
    "Lookups",
    "Result",
    "compare",
    "dict_loop",
    "lookups",
    "pandas_from_tables",
    "pandas_vectorised",
    "polars_from_tables",
    "polars_lazy",
    "record_tables",
    "row_loop_pandas",
]

_W = ca.DEFAULT_WEIGHTS
_LAYER = {layer.value: f for layer, f in _W.layers.items()}
_CERTAINTY = {c.value: f for c, f in _W.certainty.items()}
_STATUS = {s.value: f for s, f in _W.statuses.items()}
_ROLE = {r.value: f for r, f in _W.roles.items()}
_EVENT_DOMAIN = {k.value: d.value for k, d in _W.event_domains.items()}
_ORG_DOMAIN = {k.value: d.value for k, d in _W.organization_domains.items() if d is not None}
_AGREEMENT_LAYER = {"bilateral-agreement": "agreement", "multilateral-mechanism": "mechanism", "tacit-understanding": "understanding"}
_VENUES = ("summit", "meeting")

Key = tuple[str, str, str, str]


@attrs.frozen(kw_only=True)
class Result:
    """What each contender gives: sums and counts per (source, target, domain, layer), pair weights, shares per (domain, state, power)."""

    sums: Mapping[Key, float] | None
    counts: Mapping[Key, int] | None
    pairs: Mapping[tuple[str, str], float]
    shares: Mapping[tuple[str, str, str], float]


def _shares(sums: Iterable[tuple[Key, float]], powers: Iterable[str], states: Iterable[str]) -> dict[tuple[str, str, str], float]:
    """Each power's share of the powers' summed weight over each state per domain, where it is positive."""
    powers_, states_ = set(powers), set(states)
    influence: dict[tuple[str, str, str], float] = {}
    for (u, v, d, _), w in sums:
        if u in powers_ and v in states_:
            influence[d, v, u] = influence.get((d, v, u), 0.0) + w
    totals: dict[tuple[str, str], float] = {}
    for (d, v, _), w in influence.items():
        totals[d, v] = totals.get((d, v), 0.0) + w
    return {k: w / totals[k[:2]] for k, w in influence.items() if w > 0}


def _pairs(sums: Iterable[tuple[Key, float]]) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for (u, v, _, _), w in sums:
        out[u, v] = out.get((u, v), 0.0) + w
    return {k: w for k, w in out.items() if w > 0}


def compare(library: Result, competitor: Result) -> float:
    """The largest relative difference between two results; :class:`AssertionError` when they disagree on which keys there are.

    The sums and counts are compared where both results have them.
    """
    worst = 0.0

    def close(a: Mapping[Any, float], b: Mapping[Any, float], what: str) -> None:
        nonlocal worst
        assert a.keys() == b.keys(), f"{what}: {len(a.keys() ^ b.keys())} keys differ"
        for k, x in a.items():
            worst = max(worst, abs(x - b[k]) / max(abs(x), 1e-12))

    close(library.pairs, competitor.pairs, "pairs")
    close(library.shares, competitor.shares, "shares")
    if library.sums is not None and competitor.sums is not None:
        close(library.sums, competitor.sums, "sums")
    if library.counts is not None and competitor.counts is not None:
        assert dict(library.counts) == dict(competitor.counts), "counts differ"
    return worst


# --------------------------------------------------------------------------
# What every competitor learns from the (small) index once
# --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Lookups:
    """Index-level lookups, computed once per call from the records every other record names."""

    members: dict[str, tuple[str, ...]]  # each actor id -> the actors it stands for
    person_state: dict[str, str]
    states: frozenset[str]
    said_at: dict[str, str]  # event id -> the one domain of the statements made at it
    memberships: list[tuple[str, str, str, str, float]]  # the organisations' rows: source, target, domain, layer, weight


def lookups(ds: ca.Dataset) -> Lookups:
    """The :class:`Lookups` of *ds*: grouping members, people's states, states, event domains, and the membership rows."""
    groupings = {o.id: tuple(dict.fromkeys(m.member for m in o.members)) for o in ds.organizations if o.kind.value == "state-grouping"}
    members: dict[str, tuple[str, ...]] = {s.id: (s.id,) for s in ds.states}
    members.update({o.id: groupings.get(o.id, (o.id,)) for o in ds.organizations})
    said: dict[str, set[str]] = {}
    for st in ds.statements:
        if st.occasion is not None:
            said.setdefault(st.occasion, set()).add(st.domain.value)
    established: dict[str, str] = {}
    for ag in ds.agreements:
        if ag.establishes is not None:
            established.setdefault(ag.establishes, ag.domain.value)
    rows: list[tuple[str, str, str, str, float]] = []
    for o in ds.organizations:
        domain = established.get(o.id) or _ORG_DOMAIN.get(o.kind.value)
        if domain is None or o.id in groupings:
            continue
        standing = {m.member: (_STATUS[m.status.value], _CERTAINTY[m.certainty.value]) for m in o.members}
        for a, (status, certainty) in standing.items():
            rows.append((a, o.id, domain, "membership", _LAYER["membership"] * (status * certainty)))
            for b, (status_b, certainty_b) in standing.items():
                if a != b:
                    rows.append((a, b, domain, "co-membership", _LAYER["co-membership"] * min(status, status_b) * min(certainty, certainty_b)))
    return Lookups(
        members=members,
        person_state={p.id: p.state for p in ds.people if p.state is not None},
        states=frozenset(s.id for s in ds.states),
        said_at={k: next(iter(v)) for k, v in said.items() if len(v) == 1},
        memberships=rows,
    )


def record_tables(ds: ca.Dataset) -> tuple[dict[str, list[Any]], dict[str, list[str]]]:
    """The ``records`` and ``participants`` tables of *ds*'s agreements, arms transfers, events, statements and roles, as column lists."""
    rid: list[str] = []
    kind: list[str] = []
    subkind: list[str | None] = []
    domain: list[str | None] = []
    certainty: list[str] = []
    background: list[bool] = []
    repeated: list[bool] = []
    p_record: list[str] = []
    p_slot: list[str] = []
    p_actor: list[str] = []

    def record(r: Any, k: str, sub: str | None, dom: str | None, rep: bool = False) -> None:
        rid.append(r.id)
        kind.append(k)
        subkind.append(sub)
        domain.append(dom)
        certainty.append(r.certainty.value)
        ev = r.evidence
        background.append(bool(ev) and all(e.kind.value == "background" for e in ev))
        repeated.append(rep)

    def named(r: str, slot: str, ids: Iterable[str]) -> None:
        for a in ids:
            p_record.append(r)
            p_slot.append(slot)
            p_actor.append(a)

    for ag in ds.agreements:
        record(ag, "agreement", ag.kind.value, ag.domain.value)
        named(ag.id, "party", ag.parties)
    for at in ds.arms_transfers:
        record(at, "arms-transfer", None, None)
        named(at.id, "supplier", (at.supplier,))
        named(at.id, "recipient", (at.recipient,))
    for ev in ds.events:
        record(ev, "event", ev.kind.value, None)
        named(ev.id, "actor", ev.actors)
        named(ev.id, "target", ev.targets)
        if ev.host is not None:
            named(ev.id, "host", (ev.host,))
    for st in ds.statements:
        record(st, "statement", None, st.domain.value, st.repeated)
        named(st.id, "on_behalf_of", st.on_behalf_of)
        named(st.id, "speaker", st.speakers)
        named(st.id, "about", st.about)
    for ro in ds.roles:
        record(ro, "role", ro.role.value, ro.domain.value)
        named(ro.id, "actor", (ro.actor,))
        named(ro.id, "over", ro.over)
    records = {"id": rid, "kind": kind, "subkind": subkind, "domain": domain, "certainty": certainty, "background_only": background, "repeated": repeated}
    return records, {"record": p_record, "slot": p_slot, "actor": p_actor}


def _small_tables(lk: Lookups) -> dict[str, dict[str, list[Any]]]:
    """The lookups as column lists: the expansion, the layer of each kind, the weight of each layer and certainty, the factors, the event domains."""
    expand = {"actor": [a for a, ms in lk.members.items() for _ in ms], "member": [m for ms in lk.members.values() for m in ms]}
    expand["actor"] += list(lk.person_state)  # a speaker stands for their state
    expand["member"] += [lk.members.get(s, (s,))[0] for s in lk.person_state.values()]
    kinds: dict[str, list[Any]] = {"kind": [], "subkind": [], "layer": [], "factor": [], "default_domain": []}

    def kind(k: str, sub: str | None, layer: str, factor: float, dom: str | None) -> None:
        for col, x in zip(kinds, (k, sub, layer, factor, dom), strict=True):
            kinds[col].append(x)

    kind("arms-transfer", None, "arms-transfer", 1.0, "security")
    kind("statement", None, "statement", 1.0, None)
    for sub, layer in _AGREEMENT_LAYER.items():
        kind("agreement", sub, layer, 1.0, None)
    for sub, dom in _EVENT_DOMAIN.items():
        kind("event", sub, sub, 1.0, dom)
    for sub, f in _ROLE.items():
        kind("role", sub, "role", f, None)
    base = {"layer": [layer for layer in _LAYER for _ in _CERTAINTY], "certainty": [c for _ in _LAYER for c in _CERTAINTY]}
    base["base"] = [_LAYER[layer] * _CERTAINTY[c] for layer, c in zip(base["layer"], base["certainty"], strict=True)]
    said = {"id": list(lk.said_at), "said": list(lk.said_at.values())}
    members = {"source": [r[0] for r in lk.memberships], "target": [r[1] for r in lk.memberships]}
    members.update(domain=[r[2] for r in lk.memberships], layer=[r[3] for r in lk.memberships], weight=[r[4] for r in lk.memberships])
    return {"expand": expand, "kinds": kinds, "base": base, "said": said, "members": members, "states": {"actor": sorted(lk.states)}}


def _result(rows: Iterable[tuple[str, str, str, str, float, int]], powers: Iterable[str], states: Iterable[str]) -> Result:
    sums: dict[Key, float] = {}
    counts: dict[Key, int] = {}
    for u, v, d, layer, w, c in rows:
        sums[u, v, d, layer] = w
        counts[u, v, d, layer] = c
    return Result(sums=sums, counts=counts, pairs=_pairs(sums.items()), shares=_shares(sums.items(), powers, states))


# Which slots give sources and targets, per record kind; an event's actors are targets too (each -> each other).
_SOURCES = (("agreement", "party"), ("arms-transfer", "supplier"), ("event", "actor"), ("statement", "on_behalf_of"), ("role", "actor"))
_TARGETS = (
    ("agreement", "party"),
    ("arms-transfer", "recipient"),
    ("event", "actor"),
    ("event", "target"),
    ("event", "host"),
    ("statement", "about"),
    ("role", "over"),
)
_ROLES = {"kind": [k for k, _ in _SOURCES] + [k for k, _ in _TARGETS], "slot": [s for _, s in _SOURCES] + [s for _, s in _TARGETS]}
_ROLES["end"] = ["source"] * len(_SOURCES) + ["target"] * len(_TARGETS)


# --------------------------------------------------------------------------
# polars lazy
# --------------------------------------------------------------------------


def polars_from_tables(records: Any, participants: Any, lk: Lookups, powers: Iterable[str], states: Iterable[str]) -> Result:
    """Pair sums and shares by a polars lazy pipeline over the record tables (polars frames, eager or lazy), *lk* the index's lookups."""
    import polars as pl

    small = {name: pl.DataFrame(cols).lazy() for name, cols in _small_tables(lk).items()}
    recs = records.lazy()
    recs = (
        # No subkind is "" on both sides: a join on a null key (nulls_equal) needs polars >= 1.24.
        recs.with_columns(pl.col("subkind").fill_null(""))
        .join(small["kinds"].with_columns(pl.col("subkind").fill_null("")), on=["kind", "subkind"], how="left")
        .join(small["said"], on="id", how="left")
        .join(small["base"], on=["layer", "certainty"], how="left")
        .select(
            pl.col("id").alias("record"),
            "layer",
            pl.coalesce("domain", "said", "default_domain").alias("domain"),
            (
                pl.col("base")
                * pl.col("factor")
                * pl.when(pl.col("repeated")).then(pl.lit(_W.repeated)).otherwise(1.0)
                * pl.when(pl.col("background_only")).then(pl.lit(_W.background)).otherwise(1.0)
            ).alias("weight"),
            "kind",
            "subkind",
        )
    )
    p = participants.lazy().join(recs.select("record", "kind", "subkind"), on="record")
    spoken_for = p.filter(pl.col("slot") == "on_behalf_of").select("record").unique()
    speakers = p.filter(pl.col("slot") == "speaker").join(spoken_for, on="record", how="anti").with_columns(slot=pl.lit("on_behalf_of"))
    p = pl.concat([p.filter(pl.col("slot") != "speaker"), speakers])
    p = p.filter(~((pl.col("slot") == "host") & pl.col("subkind").is_in(_VENUES)))
    p = p.join(small["expand"], on="actor").join(pl.DataFrame(_ROLES).lazy(), on=["kind", "slot"])
    about = (pl.col("slot") == "about") & ~pl.col("member").is_in(sorted(lk.states))
    p = p.filter(~about).select("record", "end", "member").unique()
    src = p.filter(pl.col("end") == "source").select("record", pl.col("member").alias("source"))
    tgt = p.filter(pl.col("end") == "target").select("record", pl.col("member").alias("target"))
    edges = src.join(tgt, on="record").filter(pl.col("source") != pl.col("target")).join(recs, on="record")
    edges = pl.concat([edges.select("source", "target", "domain", "layer", "weight"), small["members"]])
    sums = edges.group_by("source", "target", "domain", "layer").agg(pl.col("weight").sum(), pl.len().alias("count")).collect()
    return _result(sums.iter_rows(), powers, states)


def polars_lazy(ds: ca.Dataset, powers: Iterable[str], states: Iterable[str]) -> Result:
    """The object route by polars: one pass pulls the record tables out of *ds*, then :func:`polars_from_tables`."""
    import polars as pl

    records, participants = record_tables(ds)
    return polars_from_tables(pl.DataFrame(records), pl.DataFrame(participants), lookups(ds), powers, states)


# --------------------------------------------------------------------------
# vectorised pandas
# --------------------------------------------------------------------------


def pandas_from_tables(records: Any, participants: Any, lk: Lookups, powers: Iterable[str], states: Iterable[str]) -> Result:
    """Pair sums and shares by vectorised pandas (merge, filter, groupby; no row loop) over the record tables as pandas frames."""
    import pandas as pd

    small = {name: pd.DataFrame(cols) for name, cols in _small_tables(lk).items()}
    kinds = small["kinds"].astype({"subkind": records["subkind"].dtype})
    recs = records.merge(kinds, on=["kind", "subkind"], how="left").merge(small["said"], on="id", how="left")
    recs = recs.merge(small["base"], on=["layer", "certainty"], how="left")
    weight = recs["base"] * recs["factor"]
    weight = weight.where(~recs["repeated"], weight * _W.repeated).where(~recs["background_only"], weight * _W.background)
    recs = pd.DataFrame(
        {
            "record": recs["id"],
            "layer": recs["layer"],
            "domain": recs["domain"].fillna(recs["said"]).fillna(recs["default_domain"]),
            "weight": weight,
            "kind": recs["kind"],
            "subkind": recs["subkind"],
        }
    )
    p = participants.merge(recs[["record", "kind", "subkind"]], on="record")
    spoken_for = p.loc[p["slot"] == "on_behalf_of", "record"].unique()
    speaker = p["slot"] == "speaker"
    p = p[~speaker | ~p["record"].isin(spoken_for)]
    p = p.assign(slot=p["slot"].where(p["slot"] != "speaker", "on_behalf_of"))
    p = p[~((p["slot"] == "host") & p["subkind"].isin(_VENUES))]
    p = p.merge(small["expand"], on="actor").merge(pd.DataFrame(_ROLES), on=["kind", "slot"])
    p = p[~((p["slot"] == "about") & ~p["member"].isin(lk.states))]
    p = p[["record", "end", "member"]].drop_duplicates()
    src = p.loc[p["end"] == "source", ["record", "member"]].rename(columns={"member": "source"})
    tgt = p.loc[p["end"] == "target", ["record", "member"]].rename(columns={"member": "target"})
    edges = src.merge(tgt, on="record")
    edges = edges[edges["source"] != edges["target"]].merge(recs[["record", "domain", "layer", "weight"]], on="record")
    edges = pd.concat([edges[["source", "target", "domain", "layer", "weight"]], small["members"]], ignore_index=True)
    sums = edges.groupby(["source", "target", "domain", "layer"], sort=False).agg(weight=("weight", "sum"), count=("weight", "size")).reset_index()
    return _result(sums.itertuples(index=False, name=None), powers, states)


def pandas_vectorised(ds: ca.Dataset, powers: Iterable[str], states: Iterable[str]) -> Result:
    """The object route by vectorised pandas: one pass pulls the record tables out of *ds*, then :func:`pandas_from_tables`."""
    import pandas as pd

    records, participants = record_tables(ds)
    return pandas_from_tables(pd.DataFrame(records), pd.DataFrame(participants), lookups(ds), powers, states)


# --------------------------------------------------------------------------
# plain-dict one-pass loop
# --------------------------------------------------------------------------


def dict_loop(ds: ca.Dataset, powers: Iterable[str], states: Iterable[str]) -> Result:
    """Pair sums and shares in one tight pass over the records into a plain dict (no pandas)."""
    lk = lookups(ds)
    members, person_state, state_ids, said_at = lk.members, lk.person_state, lk.states, lk.said_at
    base = {layer: {c: w * f for c, f in _CERTAINTY.items()} for layer, w in _LAYER.items()}
    sums: dict[Key, list[float]] = {}

    def add(us: Iterable[str], vs: Iterable[str], domain: str, layer: str, w: float) -> None:
        for u in us:
            for v in vs:
                if u != v:
                    key = (u, v, domain, layer)
                    s = sums.get(key)
                    if s is None:
                        sums[key] = [w, 1]
                    else:
                        s[0] += w
                        s[1] += 1

    def expand(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m for i in ids for m in members[i]))

    def weigh(r: Any, layer: str, factor: float = 1.0) -> float:
        w = base[layer][r.certainty.value] * factor
        ev = r.evidence
        if ev and all(e.kind.value == "background" for e in ev):
            w *= _W.background
        return w

    for u, v, d, layer, w in lk.memberships:
        add((u,), (v,), d, layer, w)
    for ag in ds.agreements:
        layer = _AGREEMENT_LAYER[ag.kind.value]
        parties = expand(ag.parties)
        add(parties, parties, ag.domain.value, layer, weigh(ag, layer))
    for at in ds.arms_transfers:
        add(members[at.supplier], members[at.recipient], "security", "arms-transfer", weigh(at, "arms-transfer"))
    for ev in ds.events:
        kind = ev.kind.value
        sources = expand(ev.actors)
        sinks = expand(ev.targets if ev.host is None or kind in _VENUES else (*ev.targets, ev.host))
        add(sources, dict.fromkeys((*sinks, *sources)), said_at.get(ev.id) or _EVENT_DOMAIN[kind], kind, weigh(ev, kind))
    for st in ds.statements:
        sources = expand(st.on_behalf_of or [s for p in st.speakers if (s := person_state.get(p))])
        w = weigh(st, "statement") * (_W.repeated if st.repeated else 1.0)
        add(sources, [t for t in expand(st.about) if t in state_ids], st.domain.value, "statement", w)
    for ro in ds.roles:
        add(members[ro.actor], expand(ro.over), ro.domain.value, "role", weigh(ro, "role", _ROLE[ro.role.value]))
    return _result(((*k, s[0], int(s[1])) for k, s in sums.items()), powers, states)


# --------------------------------------------------------------------------
# the row-loop baseline (the benchmark's old "pandas by hand")
# --------------------------------------------------------------------------


def row_loop_pandas(ds: ca.Dataset, powers: Iterable[str], states: Iterable[str]) -> Result:
    """The row-loop baseline: a Python loop appending one row per relation to column lists, then a pandas groupby.

    Most of its time is the loop; kept as the benchmark's earlier "pandas by hand", for comparison.
    """
    import pandas as pd

    lk = lookups(ds)
    cols: dict[str, list[Any]] = {"source": [], "target": [], "domain": [], "layer": [], "weight": []}
    source, target, domain_, layer_, weight_ = cols.values()

    def expand(ids: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(a for i in ids for a in lk.members.get(i, (i,))))

    def add(us: Iterable[str], vs: Iterable[str], domain: str, layer: str, weight: float) -> None:
        for u in us:
            for v in vs:
                if u != v:
                    source.append(u)
                    target.append(v)
                    domain_.append(domain)
                    layer_.append(layer)
                    weight_.append(weight)

    def factor(r: Any) -> float:
        return _W.background if r.evidence and all(e.kind.value == "background" for e in r.evidence) else 1.0

    for u, v, d, layer, w in lk.memberships:
        add([u], [v], d, layer, w)
    for ag in ds.agreements:
        parties = expand(ag.parties)
        layer = _AGREEMENT_LAYER[ag.kind.value]
        add(parties, parties, ag.domain.value, layer, _LAYER[layer] * _CERTAINTY[ag.certainty.value] * factor(ag))
    for at in ds.arms_transfers:
        add([at.supplier], [at.recipient], "security", "arms-transfer", _LAYER["arms-transfer"] * _CERTAINTY[at.certainty.value] * factor(at))
    for ev in ds.events:
        domain = lk.said_at.get(ev.id) or _EVENT_DOMAIN[ev.kind.value]
        actors = expand(ev.actors)
        sinks = expand([*ev.targets, *([] if ev.host is None or ev.kind.value in _VENUES else [ev.host])])
        pairs = dict.fromkeys([*((u, v) for u in actors for v in sinks), *((u, v) for u in actors for v in actors)])
        w = _LAYER[ev.kind.value] * _CERTAINTY[ev.certainty.value] * factor(ev)
        for u, v in pairs:
            add([u], [v], domain, ev.kind.value, w)
    for st in ds.statements:
        speakers = expand(st.on_behalf_of) if st.on_behalf_of else expand(s for p in st.speakers if (s := lk.person_state.get(p)))
        w = _LAYER["statement"] * _CERTAINTY[st.certainty.value] * (_W.repeated if st.repeated else 1.0) * factor(st)
        add(speakers, [t for t in expand(st.about) if t in lk.states], st.domain.value, "statement", w)
    for ro in ds.roles:
        add([ro.actor], expand(ro.over), ro.domain.value, "role", _LAYER["role"] * _CERTAINTY[ro.certainty.value] * _ROLE[ro.role.value] * factor(ro))
    edges = pd.DataFrame(cols)
    sums = edges.groupby(["source", "target", "domain", "layer"], sort=False).agg(weight=("weight", "sum"), count=("weight", "size")).reset_index()
    return _result(sums.itertuples(index=False, name=None), powers, states)
