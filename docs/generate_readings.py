"""Write the methodology's tables from the bundled data, so that no number in the docs can drift.

Run ``python docs/generate_readings.py`` to regenerate ``docs/_generated/``;
``python docs/generate_readings.py --check`` exits with status 1, naming the stale
files, when what is on disk differs from what the library computes now.

Every table is a pure function of :func:`centralasia.load` and the library's
documented defaults (robustness: :data:`DRAWS` draws, seed :data:`SEED`), so the
output is the same on every run. ``docs/methodology.md`` includes each file with a
MyST ``{include}`` directive that starts after :data:`MARKER`; the front matter above
the marker only tells Sphinx that the file is not a page of its own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import centralasia as ca
from centralasia.model import ActorId, Certainty, ClaimKind, Dataset, Domain
from centralasia.reader import SCANNED_SHIFTS, TIER_RATIO, ParagraphEffect, Robustness, ScenarioShift, ShiftRow
from centralasia.tracks import LAYER_TIERS, NOT_INFLUENCE, Cell, Readings, Support, Tier, Track
from centralasia.weights import Layer

__all__ = [
    "DRAWS",
    "GENERATED",
    "MARKER",
    "SEED",
    "agreement_table",
    "Computed",
    "build",
    "check",
    "compute",
    "choices_table",
    "main",
    "momentum_table",
    "paragraphs_table",
    "quoted_numbers",
    "readings_table",
    "robustness_table",
    "scenarios_table",
    "sensitivity_table",
    "stated_facts",
    "write",
]

#: Where the tables are written.
GENERATED = Path(__file__).resolve().parent / "_generated"
#: The robustness sampling behind the documented intervals.
DRAWS = 2000
SEED = 0
#: Draws per row of the table of structural choices (eight rows).
GRID_DRAWS = 500
#: The line after which ``{include}`` starts reading a generated file.
MARKER = "<!-- generated-content -->"
_HEADER = f"---\norphan: true\n---\n\n<!-- Written by docs/generate_readings.py from the bundled data: do not edit by hand. -->\n{MARKER}\n\n"
#: How a number that does not exist is printed.
NONE = "—"
_TRACKS = (Track.ASSESSMENTS, Track.ACTS)

#: Why each relation layer has its tier on the acts track (the edge-sum weights of the networks have no such reason: see the methodology).
LAYER_REASONS: Mapping[Layer, str] = {
    Layer.ARMS_TRANSFER: "Directed: a supplier equips a recipient's forces. Leverage only in direction; the article gives no quantities, so one transfer is one claim, whatever its size.",
    Layer.ANNOUNCEMENT: "A declared commitment of resources on another state's soil (the border outposts): directed, though not yet carried out.",
    Layer.AGREEMENT: "A written tie between parties: engagement both ways, not one party's hold over the other.",
    Layer.MECHANISM: "An agreement setting up a multilateral mechanism: engagement shared among its parties.",
    Layer.UNDERSTANDING: "A tacit understanding the article reads into conduct: engagement, unwritten.",
    Layer.MEMBERSHIP: "A seat in an organisation: access, not leverage over anyone.",
    Layer.CO_MEMBERSHIP: "Two states in the same organisation: a shared forum, counted as a tie, never as leverage.",
    Layer.VISIT: "Officials meeting their hosts: interaction, which says nothing of who moves whom.",
    Layer.MEETING: "A multilateral occasion: presence among others.",
    Layer.SUMMIT: "A multilateral occasion at the top: presence among others; its host is a venue, not a target.",
    Layer.EXERCISE: "Joint exercises: operational cooperation, an interaction rather than a hold.",
    Layer.TALKS: "Negotiations: interaction between the parties.",
    Layer.STATEMENT: "Words about others: what a power says it will do, or what it says of a threat, is attention.",
    Layer.ATTACK: "Violence by armed groups: an event in a state, not a power's hold over it.",
    Layer.TRANSITION: "A domestic change of leader: context, not influence.",
    Layer.MILITANT_ACTIVITY: "Armed groups' activity: context, not influence.",
    Layer.ROLE: "The authors' verdicts: votes on the assessments track, ranked by role kind (lead or part), not on the acts track.",
    Layer.SCENARIO: "A scenario's effect: never a vote; scenarios are read as shifts of the assessments.",
}


# -- formatting -------------------------------------------------------------------------


def number(x: float | None, signed: bool = False) -> str:
    """*x* to two decimals (never ``-0.00``), or the missing mark."""
    if x is None:
        return NONE
    text = f"{x:+.2f}" if signed else f"{x:.2f}"
    return text.replace("-0.00", "0.00").replace("+0.00", "0.00")


def interval(iv: ca.Interval | None) -> str:
    """A sampled spread as ``median [5%, 95%]``."""
    return NONE if iv is None else f"{number(iv.median)} [{number(iv.low)}, {number(iv.high)}]"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Iterable[int] = ()) -> str:
    """A Markdown pipe table; the columns in *right* are right-aligned."""
    aligned = set(right)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if i in aligned else "---" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _code(ids: Iterable[str]) -> str:
    found = [f"`{i}`" for i in ids]
    return ", ".join(found) if found else NONE


def _shares(values: Mapping[ActorId, float], powers: Sequence[ActorId], signed: bool = False) -> str:
    found = [f"{p} {number(values[p], signed)}" for p in powers if p in values]
    return ", ".join(found) if found else NONE


def _leader(leader: ActorId | None) -> str:
    return leader or "none"


def _over(r: Readings, cell: Cell) -> str:
    if cell.over is not None:
        return cell.over
    return f"region ({r.pooling.value} of {len(cell.states)} of {len(r.states)} states)"


# -- (a) the three-track readings -----------------------------------------------------------


def readings_table(r: Readings) -> str:
    """Per track and domain, the region row and each state: shares, support, status, leader, balance, marks."""
    parts = []
    titles = {
        Track.ASSESSMENTS: "**Assessments**: the authors' role verdicts, a leading role above any other.",
        Track.ACTS: "**Acts**: leverage makes the shares; engagement ties are counted beside them, not in them.",
    }
    for track in _TRACKS:
        headers = ["domain", "over", *(f"{p} share" for p in r.powers), "claims", "effective", "status", "leader", "balance", "inherited", "co-engaged"]
        if track is Track.ACTS:
            headers.append("ties " + " / ".join(r.powers))
        rows = []
        for domain in Domain:
            for over in (None, *r.states):
                c = r.cell(domain, over, track)
                row = [
                    domain.value,
                    _over(r, c),
                    *(number(c.share(p)) for p in r.powers),
                    str(c.support),
                    number(c.effective) if c.support else NONE,
                    c.status.value,
                    _leader(c.leader),
                    number(c.balance),
                    "n/a" if over is None else (NONE if c.status is Support.MISSING else "yes" if c.inherited else "no"),
                    "yes" if c.co_engaged else "no",
                ]
                if track is Track.ACTS:
                    row.append(" / ".join(str(c.ties[p]) for p in r.powers))
                rows.append(row)
        right = [*range(2, 2 + len(r.powers)), 2 + len(r.powers), 3 + len(r.powers), 6 + len(r.powers)]
        parts.append(titles[track] + "\n\n" + table(headers, rows, right))
    legend = (
        f"*claims*: the distinct claims behind the cell; *effective*: `(sum w)² / sum w²` over their weights; "
        f"*status*: supported (two claims or more), insufficient (one: no leader named), missing (none: {NONE}); "
        "*balance*: 1 minus the normalised Herfindahl index over the powers with a positive score; "
        "*inherited*: no claim behind the cell names the state; *co-engaged*: two powers or more active there, ties included."
    )
    return "\n\n".join([*parts, legend])


# -- (b) robustness ------------------------------------------------------------------------


def _present(c: ca.CellRobustness, power: ActorId) -> str:
    """A power's interval, and the fraction of draws it rests on when a claim spoke for the power in only some of them."""
    share = interval(c.shares.get(power))
    fraction = c.present.get(power, 0.0)
    return share if not c.shares.get(power) or fraction >= 0.995 else f"{share} in {fraction:.0%}"


def robustness_table(structural: Robustness, fixed: Robustness) -> str:
    """Every region reading with its spread over the draws and each power's chance to lead, with and without the structural toggles."""
    powers = structural.point.powers
    blocks = []
    for rob, title in (
        (structural, "**All choices sampled**: tier weights (order kept), claims by certainty, pooling, regional expansion, ties."),
        (fixed, "**Weights and certainty only**: pooling, regional expansion and ties kept at their defaults."),
    ):
        headers = ["track", "domain", *(f"{p} point" for p in powers), *(f"{p} median [5%, 95%]" for p in powers)]
        headers += [*(f"P({p} leads) ± s.e." for p in powers), "P(no leader)", "P(2+ votes)", "P(missing)"]
        rows = []
        for track in _TRACKS:
            for domain in Domain:
                c = rob.cell(domain, None, track)
                rows.append(
                    [
                        track.value,
                        domain.value,
                        *(number(c.point.share(p)) for p in powers),
                        *(_present(c, p) for p in powers),
                        *(f"{number(c.p_leader(p))} ± {c.standard_error(p):.3f}" for p in powers),
                        number(c.p_leader(None)),
                        number(c.supported),
                        number(c.missing),
                    ]
                )
        blocks.append(f"{title} {rob.draws} draws, seed {rob.seed}.\n\n" + table(headers, rows, range(2, len(headers))))
    momentum_rows = [
        [m.point.power, m.point.domain.value, number(m.point.net, signed=True), "" if m.net is None else interval(m.net)]
        for m in structural.momentum.values()
        if m.point.net is not None
    ]
    blocks.append("**Momentum** (net of the claims of increase against decrease, claims sampled by certainty).\n\n")
    blocks[-1] += table(["power", "domain", "point", "median [5%, 95%]"], momentum_rows, (2, 3))
    legend = (
        "*point*: the reading at the defaults; a power's interval is over the draws in which a claim spoke for it ('in N%': in N% of the "
        "draws; in the others it has no share, as at the point); *± s.e.*: the Monte Carlo standard error; *P(no leader)* counts the draws "
        "with a tie or under two votes; *P(2+ votes)*: the draws with two votes or more, the only ones in which a leader can be named; "
        "*P(missing)*: the draws with no claim at all."
    )
    return "\n\n".join([*blocks, legend])


# -- (c) leave one paragraph out --------------------------------------------------------------


def paragraphs_table(effects: Sequence[ParagraphEffect], powers: Sequence[ActorId]) -> str:
    """Which paragraphs carry each region reading: the readings without each paragraph's claims."""
    rows = []
    for e in effects:
        signed = e.track is Track.MOMENTUM
        leader = (
            NONE if signed else (f"{_leader(e.leader_before)} → {_leader(e.leader_after)}" if e.changes_leader else f"{_leader(e.leader_before)}, unchanged")
        )
        rows.append(
            [
                str(e.paragraph),
                f"{e.track.value} {e.domain.value}",
                _code(e.claims),
                _shares(e.before, powers, signed),
                _shares(e.after, powers, signed),
                number(e.largest_shift),
                leader,
            ]
        )
    legend = (
        "*before* and *after*: each power's region share (momentum: net) with every paragraph and without this one; "
        f"{NONE}: no reading; *largest shift*: the largest change of any power's value, 1 where a reading appears or vanishes."
    )
    headers = ["paragraph", "reading", "claims left out", "before", "after", "largest shift", "leader"]
    return table(headers, rows, (0, 5)) + "\n\n" + legend


# -- (d) scenarios as shifts ------------------------------------------------------------------


def _breakeven(row: ShiftRow, limit: float) -> str:
    if row.definitional:
        return "by definition"
    return f"none up to {limit:g}" if row.breakeven is None else number(row.breakeven)


def _p_change(row: ShiftRow) -> str:
    return NONE if row.definitional else number(row.p_change)


def scenarios_table(shifts: Sequence[ScenarioShift], powers: Sequence[ActorId]) -> str:
    """Each scenario's shifts of the assessments: directions, leader before and at the default shift, breakeven, share of shifts that change the leader."""
    region, states = [], []
    for s in shifts:
        unmeasured = "; ".join(f"{e.actor} {e.direction.value} ({e.domain.value})" for e in s.unmeasured) or NONE
        assumed = "; ".join(f"{e.actor} {e.direction.value} ({e.domain.value})" for e in s.assumed) or NONE
        mine = [r for r in s.rows if r.over is None]
        if not mine:
            region.append([f"`{s.scenario.id}`", NONE, *(NONE for _ in powers), NONE, NONE, NONE, NONE, NONE, assumed, unmeasured])
        for r in mine:
            region.append(
                [
                    f"`{s.scenario.id}`",
                    r.domain.value,
                    *(r.directions[p].value for p in powers),
                    _leader(r.leader_before),
                    _leader(r.leader_after),
                    _leader(r.leader_article_only) if s.assumed else _leader(r.leader_after),
                    _breakeven(r, s.limit),
                    _p_change(r),
                    assumed,
                    unmeasured,
                ]
            )
        for r in s.rows:
            if r.over is not None:
                states.append(
                    [
                        f"`{s.scenario.id}`",
                        r.domain.value,
                        r.over,
                        *(r.directions[p].value for p in powers),
                        _leader(r.leader_before),
                        _leader(r.leader_after),
                        _leader(r.leader_article_only) if s.assumed else _leader(r.leader_after),
                        _breakeven(r, s.limit),
                        _p_change(r),
                    ]
                )
    magnitude = shifts[0].magnitudes.increase if shifts else 0.0
    head = [*(f"{p} share" for p in powers), "leader now", f"leader at shift {magnitude:g}", "the article's own effects only", "breakeven", "P(change)"]
    legend = (
        f"*share*: which way each power's share moves at the default magnitudes; *leader at shift {magnitude:g}*: the leader at those magnitudes; "
        "*breakeven*: the smallest shift *t* at which the leader differs from today's, where an effect of moderate strength adds *t* times the "
        "cell's total to its power's score (an increase) or removes the fraction *t* of it (a decrease), a gradual effect half as much and a full "
        f"one twice; shifts scanned from {SCANNED_SHIFTS[0]:g} to {SCANNED_SHIFTS[-1]:g}, with the article's own effects only; *by definition*: a full "
        "decrease (a role replaced) removes the leader's score at any shift, so no shift is read; *P(change)*: the fraction of the scanned shifts up to "
        "twice the default that change the leader; *assumed*: effects that are our reading, not the article's words (left out of the breakeven and of "
        "*the article's own effects only*); *not measured*: effects with no direction, of an actor that is not a compared power, or over no state read."
    )
    return "\n\n".join(
        [
            "**Region**\n\n" + table(["scenario", "domain", *head, "assumed", "not measured"], region, (len(powers) + 5, len(powers) + 6)),
            "**Per state**\n\n" + table(["scenario", "domain", "state", *head], states, (len(powers) + 6, len(powers) + 7)),
            legend,
        ]
    )


# -- (e) momentum --------------------------------------------------------------------------------


def momentum_table(r: Readings) -> str:
    """Per power and domain, the claims of increase against those of decrease."""
    rows = []
    for (power, domain), m in r.momentum.items():
        rows.append(
            [power, domain.value, str(len(m.increase)), _code(m.increase), str(len(m.decrease)), _code(m.decrease), number(m.net, signed=True), m.status.value]
        )
    legend = "*net*: `(increase - decrease) / (increase + decrease)` in claims; projections are left to the scenarios; one claim is insufficient."
    return table(["power", "domain", "increase", "claims", "decrease", "claims", "net", "status"], rows, (2, 4, 6)) + "\n\n" + legend


# -- (f) one choice at a time -------------------------------------------------------------------


def _variants(ds: Dataset) -> list[tuple[str, Readings]]:
    return [
        ("defaults: mean of states, region-wide claims in full, ties beside", ca.readings(ds)),
        ("region-wide claims shared among the states they reach", ca.readings(ds, regional="shared")),
        ("region row as the states' summed scores", ca.readings(ds, pooling="sum")),
        ("engagement ties counted on the acts track", ca.readings(ds, ties=True)),
        ("a leading role barely above any other (1.01 : 1)", ca.readings(ds, tiers=ca.Tiers(lead=1.01, part=1.0))),
        ("a leading role far above any other (10 : 1)", ca.readings(ds, tiers=ca.Tiers(lead=10.0, part=1.0))),
        ("the United States compared too", ca.readings(ds, powers=(*ca.readings(ds).powers, "USA"))),
        ("dated records only", ca.readings(ds, include_undated=False)),
    ]


def _cell_text(c: Cell, powers: Sequence[ActorId]) -> str:
    if c.status is Support.MISSING:
        return NONE
    return f"{_shares(c.shares, powers)} ({_leader(c.leader)}, n={c.support})"


def sensitivity_table(ds: Dataset) -> str:
    """Each region reading under one choice changed at a time, and the edge sums of the networks beside them."""
    variants = _variants(ds)
    keys = [(t, d) for t in _TRACKS for d in Domain if any(r.cell(d, None, t).status is not Support.MISSING for _, r in variants)]
    rows = [[label, *(_cell_text(r.cell(d, None, t), r.powers) for t, d in keys)] for label, r in variants]
    main = table(["choice", *(f"{t.value} {d.value}" for t, d in keys)], rows)
    summary = ca.role_summary(ds)
    edge_rows = [[d.value, *(number(summary.share(p, d)) for p in summary.powers), _leader(summary.leader(d))] for d in Domain]
    edges = table(["domain", *(f"{p} share" for p in summary.powers), "leader"], edge_rows, range(1, 1 + len(summary.powers)))
    legend = "Each cell: the powers' region shares (the leader, the claims behind it); the United States row adds a power that no claim names as acting."
    return "\n\n".join(
        [
            main,
            legend,
            "**Every record's edges summed** (`ca.role_summary`, pooled over the states): the construct of the networks, "
            "shown for comparison only. It is not a reading of the article.",
            edges,
        ]
    )


# -- (g) the assessments beside the acts -------------------------------------------------------


def agreement_table(r: Readings) -> str:
    """Each assessment claim beside the acts over the same states and the power's momentum."""
    rows = []
    for c in r.agreement_with_article():
        leaders = ", ".join(f"{s} {leader or NONE}" for s, leader in zip(c.states, c.acts_leaders, strict=True))
        verdict = {True: "agrees", False: "diverges", None: "n/a"}[c.agrees]
        rows.append([f"`{c.claim}`", c.power, c.domain.value, c.tier, leaders, number(c.momentum, signed=True), verdict, c.reason])
    return table(["claim", "power", "domain", "tier", "acts leader per state", "momentum", "verdict", "why"], rows, (5,))


# -- (h) the choices behind the numbers ----------------------------------------------------------


def choices_table(point: Readings) -> str:
    """The documented defaults: tier weights, inclusion probabilities, structural defaults, magnitudes, and each layer's tier."""
    t = ca.DEFAULT_TIERS
    tiers = table(
        ["tier", "track", "default weight", "in each draw"],
        [
            ["lead", "assessments", number(t.lead), f"part × a ratio drawn log-uniformly in (1, {TIER_RATIO:g}] (median 2)"],
            ["part", "assessments", number(t.part), "1 (only the ratio matters to a share)"],
            ["leverage", "acts", number(t.leverage), f"engagement × a ratio drawn log-uniformly in (1, {TIER_RATIO:g}]"],
            ["engagement", "acts", number(t.engagement), "1; counted only when ties count"],
            ["attention", "acts", number(t.weight(Tier.ATTENTION)), "never counted"],
        ],
        (2,),
    )
    inclusion = table(["certainty", "probability a claim is kept in a draw"], [[c.value, number(p)] for c, p in ca.INCLUSION.items()], (1,))
    structure = table(
        ["choice", "default", "in each draw"],
        [
            ["region row", point.pooling.value, "mean or sum, even odds"],
            ["region-wide claims", point.regional.value, "full or shared, even odds"],
            ["engagement ties on the acts track", "counted" if point.ties else "beside the shares", "counted or not, even odds"],
        ],
    )
    m = ca.DEFAULT_MAGNITUDES
    magnitudes = table(
        ["magnitude", "default"],
        [
            ["shift of an increase (share of the cell's total added)", number(m.increase)],
            ["shift of a decrease (share of the power's score removed)", number(m.decrease)],
            *([f"strength `{s.value}`", number(f)] for s, f in m.strengths.items()),
            ["shifts scanned for the breakeven", f"{SCANNED_SHIFTS[0]:g} to {SCANNED_SHIFTS[-1]:g}"],
        ],
        (1,),
    )
    missing = [layer.value for layer in Layer if layer not in LAYER_REASONS]
    if missing:
        raise ValueError(f"give each layer a reason in LAYER_REASONS: {', '.join(missing)}")
    weights = ca.DEFAULT_WEIGHTS.layers
    layers = table(
        ["layer", "tier in the readings", "edge weight (networks only)", "why this tier"],
        [
            [
                f"`{layer.value}`",
                LAYER_TIERS[layer].value if layer in LAYER_TIERS else ("lead / part" if layer is Layer.ROLE else NONE),
                number(weights[layer]) if layer in weights else NONE,
                LAYER_REASONS[layer],
            ]
            for layer in Layer
        ],
        (2,),
    )
    not_influence = ", ".join(f"`{k.value}`" for k in sorted(NOT_INFLUENCE, key=lambda k: k.value))
    return "\n\n".join(
        [
            "**Tiers**: an order, not a size; sampling keeps only the order.",
            tiers,
            "**Certainty**: used only when sampling, as the chance that a claim is kept; the point readings count every claim.",
            inclusion,
            "**Structure**",
            structure,
            "**Scenario magnitudes**: assumptions; the article gives none.",
            magnitudes,
            f"**Layers**: the tier of each kind of record on the acts track. Roles that hold no influence cast no vote: {not_influence}.",
            layers,
        ]
    )


# -- computing once ---------------------------------------------------------------------------


class Computed(NamedTuple):
    """Everything the tables are made of, computed once from one dataset."""

    ds: Dataset
    readings: Readings
    #: Robustness with every choice sampled, and with the structural choices at their defaults.
    structural: Robustness
    fixed: Robustness
    shifts: tuple[ScenarioShift, ...]
    paragraphs: tuple[ParagraphEffect, ...]
    #: All choices sampled, with the role projections read as forecasts (projected) instead of the present they presuppose.
    forecast: Robustness
    #: Each combination of the structural choices, held fixed while the weights and certainty are sampled.
    grid: tuple[tuple[tuple[ca.Pooling, ca.Regional, bool], Robustness], ...]


def compute(ds: Dataset | None = None) -> Computed:
    """The readings, their robustness (:data:`DRAWS` draws, seed :data:`SEED`), the scenarios' shifts and the paragraphs' effects."""
    ds = ca.load() if ds is None else ds
    return Computed(
        ds,
        ca.readings(ds),
        ca.robustness(ds, draws=DRAWS, seed=SEED),
        ca.robustness(ds, draws=DRAWS, seed=SEED, structural=False),
        tuple(ca.scenario_shifts(ds, s.id) for s in ds.scenarios),
        ca.leave_one_paragraph_out(ds),
        ca.robustness(ds, draws=DRAWS, seed=SEED, presupposed=Certainty.PROJECTED),
        tuple(
            ((pooling, regional, ties), ca.robustness(ds, draws=GRID_DRAWS, seed=SEED, structural=False, pooling=pooling, regional=regional, ties=ties))
            for pooling in ca.Pooling
            for regional in ca.Regional
            for ties in (False, True)
        ),
    )


def quoted_numbers(c: Computed) -> dict[str, str]:
    """The phrases of ``docs/methodology.md`` that quote a computed number, each exactly as the prose must read."""
    a = c.structural.cell("security", None, Track.ASSESSMENTS)
    a_fixed = c.fixed.cell("security", None, Track.ASSESSMENTS)
    b = c.structural.cell("security", None, Track.ACTS)
    return {
        "the sampling behind the tables": f"use {c.structural.draws} draws with seed {c.structural.seed}",
        "P(RUS leads assessments security), all choices": f"Russia leads the assessments' security reading in {number(a.p_leader('RUS'))} of the draws",
        "P(RUS leads assessments security), structure fixed": f"in {number(a_fixed.p_leader('RUS'))} when pooling, regional expansion and ties keep their defaults",
        "P(CHN leads acts security), all choices": f"China leads the acts' security reading in {number(b.p_leader('CHN'))} of the draws",
        "P(RUS leads assessments security), projections as forecasts": f"{number(c.forecast.cell('security', None, Track.ASSESSMENTS).p_leader('RUS'))} if the role projections are read as forecasts",
    }


def stated_facts(c: Computed) -> dict[str, bool]:
    """The statements of ``docs/methodology.md`` about the bundled data that carry no number, each with whether it holds."""
    r = c.readings
    russia = "RUS"
    cells = [r.cell(d, s, t) for t in _TRACKS for d in Domain for s in r.states]
    kinds = {c.id: c.kind for c in c.ds.claims}
    future = {v.claim for v in r.votes if v.track is Track.ASSESSMENTS and v.power == russia and kinds.get(v.claim) is ClaimKind.PROJECTION}
    future_assessed = all(v.certainty is Certainty.ASSESSED for v in r.votes if v.claim in future and v.track is Track.ASSESSMENTS)
    return {
        "the per-state assessment cells repeat the region's reading": all(
            {p: round(v, 9) for p, v in r.cell(d, st, Track.ASSESSMENTS).shares.items()}
            == {p: round(v, 9) for p, v in r.cell(d, None, Track.ASSESSMENTS).shares.items()}
            for d in Domain
            for st in r.states
        ),
        "every assessment cell of a state is inherited": all(x.inherited for x in cells if x.track is Track.ASSESSMENTS and x.status is not Support.MISSING),
        "the acts track holds no Russian leverage": all(not x.share(russia) for x in cells if x.track is Track.ACTS),
        "several of the authors' verdicts for Russia are in the future tense, counted as assessed": len(future) >= 2 and future_assessed,
        "the authors' verdicts are mostly undated": sum(1 for x in ca.votes(c.ds, include_undated=False) if x.track is Track.ASSESSMENTS)
        < sum(1 for x in r.votes if x.track is Track.ASSESSMENTS) / 2,
    }


# -- building, writing, checking ------------------------------------------------------------------


def structure_table(c: Computed) -> str:
    """Each combination of the structural choices on its own, and the role projections read as forecasts."""
    powers = c.readings.powers
    rows = []
    for (pooling, regional, ties), rob in c.grid:
        a, b = rob.cell("security", None, Track.ASSESSMENTS), rob.cell("security", None, Track.ACTS)
        rows.append(
            [
                pooling.value,
                regional.value,
                "counted" if ties else "beside",
                *(f"{number(a.p_leader(p))} ± {a.standard_error(p):.3f}" for p in powers),
                *(f"{number(b.p_leader(p))} ± {b.standard_error(p):.3f}" for p in powers),
                number(b.supported),
            ]
        )
    headers = [
        "region row",
        "region-wide claims",
        "ties",
        *(f"P({p} leads) assessments security" for p in powers),
        *(f"P({p} leads) acts security" for p in powers),
        "acts security: P(2+ claims)",
    ]
    grid = table(headers, rows, range(3, len(headers)))
    a = c.forecast.cell("security", None, Track.ASSESSMENTS)
    forecast = (
        f"With the role projections read as forecasts (`presupposed=Certainty.PROJECTED`, kept in a quarter of the draws) and every "
        f"choice sampled, Russia leads the assessments' security reading in {number(a.p_leader('RUS'))} of {c.forecast.draws} draws."
    )
    legend = (
        f"Each row: {GRID_DRAWS} draws, seed {SEED}, sampling the tier weights and the claims by certainty with the structural choices "
        "held as shown; ± the Monte Carlo standard error; *P(2+ claims)*: the draws in which the acts' security reading rests on two "
        "claims or more (a leader is named only then)."
    )
    return "\n\n".join([grid, legend, forecast])


def build(c: Computed | None = None) -> dict[str, str]:
    """Every generated file's name and text (from the bundled data unless *c* is given)."""
    c = compute() if c is None else c
    r = c.readings
    makers: dict[str, Callable[[], str]] = {
        "readings.md": lambda: readings_table(r),
        "robustness.md": lambda: robustness_table(c.structural, c.fixed),
        "paragraphs.md": lambda: paragraphs_table(c.paragraphs, r.powers),
        "scenarios.md": lambda: scenarios_table(c.shifts, r.powers),
        "momentum.md": lambda: momentum_table(r),
        "sensitivity.md": lambda: sensitivity_table(c.ds),
        "agreement.md": lambda: agreement_table(r),
        "choices.md": lambda: choices_table(r),
        "structure.md": lambda: structure_table(c),
    }
    return {name: _HEADER + make().rstrip() + "\n" for name, make in makers.items()}


def write(out: Path = GENERATED, files: Mapping[str, str] | None = None) -> list[Path]:
    """Write the generated files into *out*; returns the paths whose text changed."""
    files = build() if files is None else files
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in files.items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def check(out: Path = GENERATED, files: Mapping[str, str] | None = None) -> list[str]:
    """The names of the generated files that are missing from *out* or differ from what the library computes now."""
    files = build() if files is None else files
    return [name for name, text in files.items() if not (out / name).exists() or (out / name).read_text(encoding="utf-8") != text]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the files on disk differ from the computed ones; write nothing")
    parser.add_argument("--out", type=Path, default=GENERATED, help="the directory to write to (default: docs/_generated)")
    args = parser.parse_args(argv)
    if args.check:
        stale = check(args.out)
        for name in stale:
            print(f"stale: {args.out / name} (run: python docs/generate_readings.py)", file=sys.stderr)
        return 1 if stale else 0
    for path in write(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
