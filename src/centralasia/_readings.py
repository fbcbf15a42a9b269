"""The engine of the three readings: records to claim votes, votes to cells, cells shifted by a scenario.

Everything here is indexed by claim, so that sampling (:func:`~centralasia.robustness`)
evaluates the same votes again under other weights without reading the records again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

import attrs

from centralasia._actors import central_asian_states, expand
from centralasia._rows import Row
from centralasia._rules import background_only
from centralasia._stream import STREAMED, relation_rows
from centralasia._tables import Table
from centralasia._text import shown
from centralasia.checks import LEADING_ROLES
from centralasia.errors import ArgumentError, UnknownIdError
from centralasia.model import (
    ActorId,
    Certainty,
    Claim,
    ClaimKind,
    Dataset,
    DateLike,
    Direction,
    Domain,
    Evidence,
    Organization,
    PartialDate,
    Record,
    Role,
    Scenario,
    Scope,
    State,
    Strength,
)
from centralasia.query import Query
from centralasia.scenarios import Magnitudes
from centralasia.tracks import LAYER_TIERS, NOT_INFLUENCE, Cell, Momentum, Pooling, Regional, Support, Tier, Tiers, Track, Vote
from centralasia.weights import Layer

__all__ = [
    "Options",
    "Prepared",
    "StateCell",
    "chosen",
    "collect_votes",
    "evaluate",
    "ids_of",
    "leader_of",
    "momentum_of",
    "prepare",
    "region_cell",
    "shares_of",
    "shifted",
    "state_cell",
]


class Options(NamedTuple):
    tiers: Tiers
    pooling: Pooling
    regional: Regional
    ties: bool
    #: The claims counted (``None`` for all).
    included: frozenset[str] | None


class Prepared(NamedTuple):
    """The votes indexed for repeated evaluation: per cell, per claim, each power's vote."""

    cells: dict[tuple[Track, Domain, ActorId], dict[str, dict[ActorId, Vote]]]
    regional: dict[str, bool]
    #: The (claim, state) pairs in which the claim names the state.
    named: set[tuple[str, ActorId]]
    reach: dict[str, int]
    certainty: dict[str, Certainty]
    paragraphs: dict[str, tuple[int, ...]]
    momentum: dict[tuple[ActorId, Domain], tuple[dict[str, None], dict[str, None]]]


def status_of(votes: float) -> Support:
    """Missing without votes, insufficient under two (one act described by two claims is one), supported from two."""
    return Support.MISSING if votes <= 0 else Support.INSUFFICIENT if votes < 2 - 1e-9 else Support.SUPPORTED


def hhi_balance(values: Iterable[float]) -> float | None:
    xs = [x for x in values if x > 0]
    if len(xs) < 2:
        return None
    total = sum(xs)
    hhi = sum((x / total) ** 2 for x in xs)
    return max(0.0, min(1.0, (1.0 - hhi) / (1.0 - 1.0 / len(xs))))


def leader_of(scores: Mapping[ActorId, float], status: Support) -> ActorId | None:
    if status is not Support.SUPPORTED:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] <= 1e-9 * ranked[0][1]):
        return None
    return ranked[0][0]


def shares_of(scores: Mapping[ActorId, float], claims: Mapping[ActorId, Iterable[str]], status: Support) -> dict[ActorId, float]:
    """Each power's share of the scores, for the powers with a claim here: a power no claim speaks for has no share (not 0)."""
    denominator = sum(scores.values())
    if status is Support.MISSING or denominator <= 0:
        return {}
    return {p: s / denominator for p, s in scores.items() if s > 0 or any(True for _ in claims.get(p, ()))}


def effective_number(weights: Iterable[float]) -> float:
    ws = [w for w in weights if w > 0]
    squares = sum(w * w for w in ws)
    return 0.0 if squares == 0 else sum(ws) ** 2 / squares


class StateCell(NamedTuple):
    """A state's cell with what the region row pools from it: each claim's weight and each power's tie claims."""

    cell: Cell
    weights: dict[str, float]
    #: Each counted claim's vote (1, or a part of one act's vote).
    votes: dict[str, float]
    #: Each power's engagement claims with their vote weights (a visit and its agenda make one tie between them).
    ties: dict[ActorId, dict[str, float]]


def state_cell(prep: Prepared, key: tuple[Track, Domain, ActorId], powers: tuple[ActorId, ...], opts: Options) -> StateCell:
    track, domain, state = key
    scores = dict.fromkeys(powers, 0.0)
    claims: dict[ActorId, list[str]] = {p: [] for p in powers}
    ties: dict[ActorId, dict[str, float]] = {p: {} for p in powers}
    active: set[ActorId] = set()
    claim_weights: dict[str, float] = {}
    claim_votes: dict[str, float] = {}
    included = opts.included
    for claim, cast in prep.cells.get(key, {}).items():
        if included is not None and claim not in included:
            continue
        # Shared: a claim that does not name this state (region-wide, or about a power alone) is divided among the states it reaches.
        scale = 1.0 / prep.reach[claim] if opts.regional is Regional.SHARED and (claim, state) not in prep.named else 1.0
        weights: dict[ActorId, float] = {}
        for power, vote in cast.items():
            tier = vote.tier
            if tier is Tier.ENGAGEMENT:
                ties[power][claim] = vote.weight
            if tier is not Tier.ATTENTION:
                active.add(power)
            w = 0.0 if tier is Tier.ENGAGEMENT and not opts.ties else opts.tiers.weight(tier) * vote.weight
            if w > 0:
                weights[power] = w
        # One claim, one vote: a claim speaking for several powers here divides its vote among them.
        total = 0.0
        for power, w in weights.items():
            part = w * scale / len(weights)
            scores[power] += part
            claims[power].append(claim)
            total += part
        if total > 0:
            claim_weights[claim] = total
            claim_votes[claim] = max(cast[p].weight for p in weights)
    status = status_of(sum(claim_votes.values()))
    cell = Cell(
        track,
        domain,
        state,
        Table(shares_of(scores, claims, status)),
        Table(scores),
        Table({p: tuple(c) for p, c in claims.items()}),
        len(claim_weights),
        effective_number(claim_weights.values()),
        status,
        leader_of(scores, status),
        hhi_balance(scores.values()) if status is Support.SUPPORTED else None,
        len(active) >= 2,
        bool(claim_weights) and not any((c, state) in prep.named for c in claim_weights),
        Table({p: sum(t.values()) for p, t in ties.items()}),
        (state,),
    )
    return StateCell(cell, claim_weights, claim_votes, ties)


def region_cell(track: Track, domain: Domain, cells: list[StateCell], powers: tuple[ActorId, ...], pooling: Pooling) -> Cell:
    present = [(sc.cell, sc.weights) for sc in cells if sc.cell.status is not Support.MISSING and sc.cell.shares]
    union: dict[str, float] = {}
    votes: dict[str, float] = {}
    for sc in cells:
        if sc.cell.status is not Support.MISSING and sc.cell.shares:
            for claim, w in sc.weights.items():
                union[claim] = max(union.get(claim, 0.0), w)
                votes[claim] = max(votes.get(claim, 0.0), sc.votes.get(claim, 1.0))
    status = status_of(sum(votes.values()))
    if pooling is Pooling.MEAN:
        scores = {p: sum(c.shares.get(p, 0.0) for c, _ in present) / len(present) if present else 0.0 for p in powers}
    else:
        scores = {p: sum(c.scores[p] for c, _ in present) for p in powers}
    claims = {p: tuple(dict.fromkeys(x for c, _ in present for x in c.claims[p])) for p in powers}
    spoken = {p: (p,) if any(p in c.shares for c, _ in present) else () for p in powers}
    shares = shares_of(scores, spoken, status)
    return Cell(
        track,
        domain,
        None,
        Table(shares),
        Table(scores),
        Table(claims),
        len(union),
        effective_number(union.values()),
        status,
        leader_of(scores, status),
        hhi_balance(scores.values()) if status is Support.SUPPORTED else None,
        any(sc.cell.co_engaged for sc in cells),
        False,  # region-wide claims are at home in the region row: it never inherits
        Table({p: sum(_max_by_claim(sc.ties.get(p, {}) for sc in cells).values()) for p in powers}),
        tuple(c.states[0] for c, _ in present),
    )


def _max_by_claim(parts: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Each claim's largest weight over *parts*: the same whatever order the states come in."""
    out: dict[str, float] = {}
    for part in parts:
        for claim, w in part.items():
            out[claim] = max(out.get(claim, 0.0), w)
    return out


def evaluate(prep: Prepared, powers: tuple[ActorId, ...], states: tuple[ActorId, ...], opts: Options) -> dict[tuple[Track, Domain, ActorId | None], Cell]:
    out: dict[tuple[Track, Domain, ActorId | None], Cell] = {}
    for track in (Track.ASSESSMENTS, Track.ACTS):
        for domain in Domain:
            per_state = [state_cell(prep, (track, domain, s), powers, opts) for s in states]
            for sc in per_state:
                out[track, domain, sc.cell.over] = sc.cell
            out[track, domain, None] = region_cell(track, domain, per_state, powers, opts.pooling)
    return out


def momentum_of(prep: Prepared, powers: tuple[ActorId, ...], included: frozenset[str] | None) -> dict[tuple[ActorId, Domain], Momentum]:
    out = {}
    for power in powers:
        for domain in Domain:
            up, down = prep.momentum.get((power, domain), ({}, {}))
            inc = tuple(c for c in up if included is None or c in included)
            dec = tuple(c for c in down if included is None or c in included)
            n = len(inc) + len(dec)
            out[power, domain] = Momentum(power, domain, inc, dec, None if n == 0 else (len(inc) - len(dec)) / n, status_of(n))
    return out


# -- from records to votes ------------------------------------------------------


def tier_of(layer: Layer, record: Record | None) -> Tier | None:
    if layer is Layer.ROLE:
        if not isinstance(record, Role) or record.role in NOT_INFLUENCE:
            return None
        return Tier.LEAD if record.role in LEADING_ROLES else Tier.PART
    return LAYER_TIERS.get(layer)


class _Tap:
    """The streamed records, passed on one at a time; the latest few kept by id for the rows they give.

    The relation stream turns each record into its rows before it reads the next, so the
    records never need to be in memory together. What is not a record goes on unrecorded,
    for the stream's own check to refuse with its path.
    """

    _KEEP = 16

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = records
        self.seen: dict[str, Record] = {}

    def __iter__(self) -> Iterator[Record]:
        for record in self.records:
            if isinstance(record, STREAMED):
                self.seen[record.id] = record
                if len(self.seen) > self._KEEP:
                    del self.seen[next(iter(self.seen))]
            yield record


def collect_votes(
    ds: Dataset,
    powers: tuple[ActorId, ...],
    states: tuple[ActorId, ...],
    *,
    as_of: DateLike | PartialDate | None,
    include_undated: bool,
    records: Iterable[Record] | None,
    presupposed: Certainty = Certainty.ASSESSED,
) -> tuple[Vote, ...]:
    """Every claim's votes for *powers* over *states* (see :func:`~centralasia.votes`)."""
    checked = Query(records=records, as_of=as_of, include_undated=include_undated, share_claims=False)  # refuses what is not a stream
    tap = None if checked.records is None else _Tap(checked.records)
    query = attrs.evolve(checked, records=tap)
    claims = {c.id: c for c in ds.claims}
    wanted_p, wanted_s = frozenset(powers), frozenset(states)
    merged: dict[tuple[str, Track, ActorId, ActorId, Domain], Vote] = {}
    for row in relation_rows(ds, query):
        if row.source not in wanted_p or row.target not in wanted_s or row.layer is Layer.SCENARIO:
            continue
        record = ds.get(row.record)
        if record is None and tap is not None:
            record = tap.seen.get(row.record)
        if record is None or background_only(record.evidence) or not _members_in_article(ds, record, row):
            continue
        tier = tier_of(row.layer, record)
        if tier is None:
            continue
        track = Track.ASSESSMENTS if row.layer is Layer.ROLE else Track.ACTS
        cited = [claims[c] for c in row.claims if c in claims]
        if track is Track.ASSESSMENTS:
            cited = [c for c in cited if c.kind is not ClaimKind.ACT]  # acts count on their own track
            if not cited and row.claims:
                continue
        found = [
            (c.id, _certainty(c, track, presupposed), c.scope is Scope.REGIONAL, row.target in c.actors or row.target in c.about, _paragraphs(c.evidence))
            for c in cited
        ] or [(f"record:{record.id}", row.certainty, False, True, _paragraphs(record.evidence))]
        # An act is one vote however many claims describe it (a visit and its agenda); a verdict is one vote per claim.
        part = 1.0 / len(found) if track is Track.ACTS else 1.0
        for claim, certainty, regional, named, paragraphs in found:
            key = (claim, track, row.source, row.target, row.domain)
            old = merged.get(key)
            if old is None:
                merged[key] = Vote(claim, track, tier, row.source, row.target, row.domain, (row.record,), certainty, regional, named, paragraphs, part)
            elif row.record not in old.records:
                best = old.tier if _RANK[old.tier] <= _RANK[tier] else tier
                merged[key] = attrs.evolve(old, tier=best, records=(*old.records, row.record), weight=min(1.0, old.weight + part))
    # A region-wide verdict speaks of the whole region: it votes over every state, whatever states the role resting on it
    # names (China's move into "the arms market" is the region's, though the role names the two recipients of its arms).
    for vote in list(merged.values()):
        if vote.track is Track.ASSESSMENTS and vote.regional:
            for state in states:
                merged.setdefault((vote.claim, vote.track, vote.power, state, vote.domain), attrs.evolve(vote, over=state, named=False))
    return tuple(merged.values())


_RANK = {tier: i for i, tier in enumerate(Tier)}


def _certainty(claim: Claim, track: Track, presupposed: Certainty) -> Certainty:
    """A claim's certainty as a vote of *track*.

    A role rests on a projection ("Russia will continue to be the key ... player") for the
    present it presupposes, which is the authors' judgement: *presupposed* (assessed by default).
    """
    return presupposed if track is Track.ASSESSMENTS and claim.kind is ClaimKind.PROJECTION else claim.certainty


def _members_in_article(ds: Dataset, record: Record, row: Row) -> bool:
    """Whether the memberships behind a (co-)membership row are the article's (not background facts only)."""
    if not isinstance(record, Organization) or row.layer not in (Layer.MEMBERSHIP, Layer.CO_MEMBERSHIP):
        return True
    for end in (row.source, row.target):
        evidence = [e for m in record.members if end in expand(ds, (m.member,)) for e in m.evidence]
        if evidence and background_only(evidence):
            return False
    return True


def _paragraphs(evidence: Iterable[Evidence]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(e.paragraph for e in evidence if e.paragraph is not None))


def prepare(ds: Dataset, all_votes: Iterable[Vote], powers: tuple[ActorId, ...], states: tuple[ActorId, ...]) -> Prepared:
    cells: dict[tuple[Track, Domain, ActorId], dict[str, dict[ActorId, Vote]]] = {}
    regional: dict[str, bool] = {}
    named: set[tuple[str, ActorId]] = set()
    reach: dict[str, set[ActorId]] = {}
    certainty: dict[str, Certainty] = {}
    paragraphs: dict[str, tuple[int, ...]] = {}
    for v in all_votes:
        cells.setdefault((v.track, v.domain, v.over), {}).setdefault(v.claim, {})[v.power] = v
        regional[v.claim] = v.regional
        if v.named:
            named.add((v.claim, v.over))
        reach.setdefault(v.claim, set()).add(v.over)
        certainty[v.claim] = v.certainty
        paragraphs[v.claim] = v.paragraphs
    in_region = frozenset(states)
    # The claims some record of the article (not a scenario) rests on: their trend words speak of what is, not of a scenario.
    recorded = {e.claim for r in ds if not isinstance(r, Scenario) and not background_only(r.evidence) for e in r.evidence if e.claim is not None}
    momentum: dict[tuple[ActorId, Domain], tuple[dict[str, None], dict[str, None]]] = {}
    for c in ds.claims:
        # Projections belong to the scenarios, and an intent ("trying to increase") is not a change; a trend
        # counts when the claim is about the region or a record rests on it (Russia's growing stagnation is
        # neither: its trend is the stagnation's, not Russia's standing). Trend words carry no date: no date cut.
        if c.trend not in (Direction.INCREASE, Direction.DECREASE) or c.domain is None or c.kind in _NOT_MOMENTUM:
            continue
        if not (in_region.intersection(_expand_known(ds, (*c.actors, *c.about))) or c.id in recorded):
            continue
        for power in powers:
            if power in c.actors:
                up, down = momentum.setdefault((power, c.domain), ({}, {}))
                (up if c.trend is Direction.INCREASE else down)[c.id] = None
                certainty.setdefault(c.id, c.certainty)
                paragraphs.setdefault(c.id, _paragraphs(c.evidence))
    return Prepared(cells, regional, named, {c: len(s) for c, s in reach.items()}, certainty, paragraphs, momentum)


_NOT_MOMENTUM = frozenset({ClaimKind.PROJECTION, ClaimKind.INTENT})


def _expand_known(ds: Dataset, ids: Iterable[ActorId]) -> tuple[ActorId, ...]:
    try:
        return expand(ds, [i for i in ids if i in ds.ids])
    except UnknownIdError:
        return ()


def chosen(ds: Dataset, powers: object, over: object) -> tuple[tuple[ActorId, ...], tuple[ActorId, ...]]:
    """The powers compared and the states read over, checked: an :class:`~centralasia.ArgumentError` or
    :class:`~centralasia.UnknownIdError` naming the option otherwise."""
    if not isinstance(ds, Dataset):
        raise ArgumentError("ds", f"expected a Dataset, not {type(ds).__name__}")
    picked = ids_of(powers, "powers")
    if not picked or len(set(picked)) != len(picked):
        raise ArgumentError("powers", f"name one power or more, each once, not {shown(picked, 60)}")
    for power in picked:
        if not isinstance(ds.get(power), State):
            raise UnknownIdError(str(power), "power (a state of the dataset)")
    if over is None:
        states = central_asian_states(ds)
        if not states:
            raise ArgumentError("over", "the dataset has no Central Asian states: name the states to read over with over=")
    else:
        ids = ids_of(over, "over")
        if not ids:
            raise ArgumentError("over", "name one state or more to read over")
        states = expand(ds, ids)
        if not states:
            raise ArgumentError("over", f"over names no state: {shown(ids[0])} has no members")
        strays = [s for s in states if not isinstance(ds.get(s), State)]
        if strays:
            raise ArgumentError("over", f"over must name states (or groupings of states), not {shown(strays[0])}")
    both = [p for p in picked if p in states]
    if both:
        raise ArgumentError("over", f"{shown(both[0])} is a compared power; it cannot also be a state read over")
    return picked, states


def ids_of(value: object, field: str) -> tuple[ActorId, ...]:
    """One id or several (any iterable, read once) as a tuple of strings."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        ids = tuple(value)
        if all(isinstance(i, str) for i in ids):
            return ids
    raise ArgumentError(field, f"{field} must be an id or an iterable of ids, not {shown(value)}")


# -- scenarios as shifts ----------------------------------------------------------


def shifted(
    cells: dict[tuple[Track, Domain, ActorId | None], Cell],
    ds: Dataset,
    scenario: Scenario,
    powers: tuple[ActorId, ...],
    states: tuple[ActorId, ...],
    magnitudes: Magnitudes,
    shift: float | None,
    pooling: Pooling,
) -> dict[tuple[Track, Domain, ActorId | None], Cell]:
    """The assessment cells with *scenario*'s effects applied as shifts of the compared powers' scores.

    An increase adds ``k * base`` to the actor's score, a decrease multiplies it by
    ``1 - min(1, k)``, where *base* is the powers' total in the cell before the scenario
    and ``k`` the effect's magnitude (``shift`` times its strength factor when *shift* is given).
    """
    out = dict(cells)
    touched: set[Domain] = set()
    scores = {key: dict(c.scores) for key, c in cells.items() if key[0] is Track.ASSESSMENTS and key[2] is not None}
    bases = {key: sum(s.values()) for key, s in scores.items()}
    for effect in scenario.effects:
        if effect.actor not in powers or effect.direction not in (Direction.INCREASE, Direction.DECREASE):
            continue
        if shift is None:
            k = magnitudes.factor(scenario.id, effect.direction, effect.strength)
        else:
            k = shift * magnitudes.strengths[effect.strength] * magnitudes.scale.get(scenario.id, 1.0)
            k = min(1.0, k) if effect.direction is Direction.DECREASE else k
        if effect.direction is Direction.DECREASE and effect.strength is Strength.FULL:
            k = 1.0  # a role replaced ("Beijing replaces Moscow") is gone, whatever the size of the shift
        targets = expand(ds, effect.over) if effect.over else central_asian_states(ds)
        for state in targets:
            key = (Track.ASSESSMENTS, effect.domain, state)
            if key not in scores or cells[key].status is Support.MISSING:
                continue
            touched.add(effect.domain)
            if effect.direction is Direction.INCREASE:
                scores[key][effect.actor] += k * bases[key]
            else:
                scores[key][effect.actor] *= 1.0 - k
    for domain in touched:
        per_state = []
        for state in states:
            key = (Track.ASSESSMENTS, domain, state)
            old = cells[key]
            new = scores[key]
            shares = shares_of(new, old.claims, old.status)
            balance = hhi_balance(new.values()) if old.status is Support.SUPPORTED else None
            cell = attrs.evolve(old, scores=Table(new), shares=Table(shares), leader=leader_of(new, old.status), balance=balance)
            out[key] = cell
            per_state.append(StateCell(cell, dict.fromkeys(dict.fromkeys(x for xs in old.claims.values() for x in xs), 1.0), {}, {}))
        base = cells[Track.ASSESSMENTS, domain, None]
        region = region_cell(Track.ASSESSMENTS, domain, per_state, powers, pooling)
        # A shift adds no claim: the region keeps its support and effective number.
        out[Track.ASSESSMENTS, domain, None] = attrs.evolve(
            region, support=base.support, effective=base.effective, status=base.status, leader=leader_of(region.scores, base.status)
        )
    return out
