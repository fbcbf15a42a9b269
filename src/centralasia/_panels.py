"""Notebook displays of computed results: a one-line repr and an escaped HTML table for each (no script)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from centralasia._display import cell, citation, one_line, panel, table
from centralasia.model import Domain

if TYPE_CHECKING:
    from centralasia.comparison import Comparison
    from centralasia.model import ActorId
    from centralasia.reader import CellRobustness, Robustness, ScenarioShift
    from centralasia.roles import Explanation, RoleSummary
    from centralasia.timelines import Timeline, TimelineEntry
    from centralasia.tracks import Readings
    from centralasia.weights import Weights

__all__ = [
    "comparison_html",
    "comparison_repr",
    "explanation_html",
    "explanation_repr",
    "readings_html",
    "readings_repr",
    "robustness_html",
    "robustness_repr",
    "shift_html",
    "shift_repr",
    "timeline_entry_repr",
    "timeline_html",
    "timeline_repr",
    "summary_html",
    "summary_repr",
    "weights_html",
    "weights_repr",
]

#: How a role summary's pooled row (every state's edges summed) shows where a state would.
_ALL = "all"
#: How a reading's region row shows where a state would, when the pooling is not known (a scenario shift).
_REGION = "region"
#: The tracks with cells (momentum has none), by value.
_CELL_TRACKS = ("assessments", "acts")


def _over(over: ActorId | None) -> str:
    return _ALL if over is None else over


def _region(r: Readings) -> str:
    """The region row's label, as the text says it: ``region (mean)`` or ``region (sum)`` after the readings' pooling."""
    return f"{_REGION} ({r.pooling.value})"


def _leaders(pairs: list[tuple[str, str | None]]) -> str:
    return ", ".join(f"{d} {cell(leader)}" for d, leader in pairs)


# -- role summaries and comparisons -----------------------------------------------------


def _summary_title(s: RoleSummary) -> str:
    parts = [f"{', '.join(s.powers)} over {', '.join(s.states)}"]
    if s.scenario is not None:
        parts.append(f"scenario {s.scenario.id}")
    if s.as_of is not None:
        parts.append(f"as of {s.as_of}")
    return "; ".join(parts)


def summary_repr(s: RoleSummary) -> str:
    """``<RoleSummary RUS, CHN over KAZ, …: leaders security RUS, economic CHN, diplomatic —>``."""
    leaders = _leaders([(d.value, s.leader(d)) for d in Domain])
    return one_line(f"<RoleSummary {_summary_title(s)}: leaders {leaders}>")


def summary_html(s: RoleSummary) -> str:
    """The shares per domain over all the states pooled (summed) and over each, with the leader and the total weight behind them."""
    rows = []
    for domain in Domain:
        for over in (None, *s.states):
            shares = s.shares(domain, over)
            total = sum(s.influence(p, domain, over) for p in s.powers)
            rows.append([domain.value, _over(over), *(shares[p] for p in s.powers), s.leader(domain, over), total])
    header = ["domain", "over", *(f"share {p}" for p in s.powers), "leader", "total weight"]
    notes = [
        "Every record's edges summed (the networks' construct): 'all' sums every state's edges, and 'total weight' is the compared powers' summed"
        " edge weight, not a count of claims. A leader is named only without a tie and with some influence."
    ]
    return panel(f"Role summary: {_summary_title(s)}", table(header, rows), notes=notes)


def comparison_repr(c: Comparison) -> str:
    """``<Comparison scn-x against baseline: leaders security RUS→CHN, …>``."""
    leaders = ", ".join(f"{lc.domain.value} {cell(lc.before)}\u2192{cell(lc.after)}" for lc in c.leaders)
    return one_line(f"<Comparison {c.other} against {c.baseline}: leaders {leaders}>")


def comparison_html(c: Comparison) -> str:
    """Before and after: every share pooled and per state, the leaders and the balances."""
    changes = table(
        ["domain", "over", "power", c.baseline, c.other, "change"],
        ([x.domain.value, _over(x.over), x.power, x.before, x.after, x.delta] for x in c.changes),
        caption="shares",
    )
    leaders = table(["domain", c.baseline, c.other], ([lc.domain.value, lc.before, lc.after] for lc in c.leaders), caption="leaders (all states pooled)")
    balances = table(["over", c.baseline, c.other, "change"], ([_over(b.over), b.before, b.after, b.delta] for b in c.balances), caption="balance")
    return panel(f"Comparison: {c.other} against {c.baseline}", changes, leaders, balances, notes=c.notes)


# -- explanations ---------------------------------------------------------------------------


def explanation_repr(e: Explanation) -> str:
    """``<Explanation CHN security over TJK: share 0.421, influence 3.100, 12 contributions>``."""
    over = ", ".join(e.over) if len(e.over) <= 5 else f"{len(e.over)} states"
    return one_line(
        f"<Explanation {e.power} {e.domain.value} over {over}: share {e.share:.3f}, influence {e.influence:.3f}, {len(e.contributions)} contributions>"
    )


def explanation_html(e: Explanation) -> str:
    """The share, each power's total, and the records behind the share with their weights, claims and citations."""
    totals = table(["power", "influence"], list(e.totals.items()), caption="each power's summed weight")
    rows = [
        [c.record, c.record_type, c.layer.value, c.target, c.weight, c.certainty, c.date, c.scenario, c.claims, "; ".join(citation(x) for x in c.evidence)]
        for c in e.contributions
    ]
    header = ["record", "type", "layer", "over", "weight", "certainty", "date", "scenario", "claims", "evidence"]
    shared = [f"{claim} is behind {', '.join(records)} (one claim, one vote)" for claim, records in e.shared_claims.items()]
    title = f"{e.power} in {e.domain.value} over {', '.join(e.over)}: share {e.share:.3f}, influence {e.influence:.3f}"
    return panel(title, totals, table(header, rows, caption="contributions, heaviest first"), notes=shared)


# -- weights --------------------------------------------------------------------------------


def _weight_rows(w: Weights) -> list[tuple[str, str, object]]:
    rows: list[tuple[str, str, object]] = []
    for name in ("layers", "certainty", "roles", "statuses", "event_domains", "organization_domains", "record_domains"):
        for key, value in getattr(w, name).items():
            rows.append((name, cell(key), value))
    rows += [("background", "", w.background), ("repeated", "", w.repeated)]
    return rows


def weights_repr(w: Weights, default: Weights) -> str:
    """``<Weights: the defaults>`` or ``<Weights: 2 entries changed (layers visit, certainty reported)>``."""
    changed = [f"{t} {k}".strip() for (t, k, v), (_, _, d) in zip(_weight_rows(w), _weight_rows(default), strict=False) if v != d]
    extra = {(t, k) for t, k, _ in _weight_rows(w)} ^ {(t, k) for t, k, _ in _weight_rows(default)}
    changed += sorted(f"{t} {k}" for t, k in extra if f"{t} {k}" not in changed)
    if not changed and w == default:
        return "<Weights: the defaults>"
    shown = ", ".join(changed[:6]) + (", …" if len(changed) > 6 else "")
    return one_line(f"<Weights: {len(changed)} {'entry' if len(changed) == 1 else 'entries'} changed from the defaults ({shown})>")


def weights_html(w: Weights, default: Weights) -> str:
    """Every entry of the table, with the default beside it where it differs."""
    defaults = {(t, k): v for t, k, v in _weight_rows(default)}
    rows = [[t, k, v, None if defaults.get((t, k)) == v else defaults.get((t, k))] for t, k, v in _weight_rows(w)]
    return panel("Weights", table(["table", "entry", "value", "default (where it differs)"], rows))


# -- readings, robustness and scenario shifts ---------------------------------------------------


def readings_repr(r: Readings) -> str:
    """``<Readings RUS, CHN over 5 states: assessments security RUS, …; acts security CHN, …>``."""
    tracks = "; ".join(f"{t} " + _leaders([(d.value, r.leader(d, None, t)) for d in Domain]) for t in _CELL_TRACKS)
    scenario = "" if r.scenario is None else f", scenario {r.scenario.id}"
    return one_line(f"<Readings {', '.join(r.powers)} over {len(r.states)} states{scenario}: {tracks}>")


def readings_html(r: Readings) -> str:
    """Each track's cells (shares, support, status, leader, inherited) for the region and each state, then the momentum.

    The region row is labelled as the text labels it, after the pooling: ``region (mean)`` (the equal-weight mean of the
    states' shares, the default) or ``region (sum)``; a state cell resting only on claims that do not name it is inherited.
    """
    header = ["track", "domain", "over", *(f"share {p}" for p in r.powers), "support (claims)", "status", "leader", "inherited"]
    rows = [
        [
            c.track.value,
            c.domain.value,
            _region(r) if c.over is None else c.over,
            *(c.share(p) for p in r.powers),
            c.support,
            c.status,
            c.leader,
            None if c.over is None else c.inherited,
        ]
        for c in sorted(r, key=lambda c: (_CELL_TRACKS.index(c.track.value), list(Domain).index(c.domain), c.over is not None))
    ]
    momentum = table(
        ["power", "domain", "increase (claims)", "decrease (claims)", "net", "status"],
        ([m.power, m.domain.value, len(m.increase), len(m.decrease), m.net, m.status] for m in r.momentum.values()),
        caption="momentum",
    )
    region = "the equal-weight mean of the states' shares" if r.pooling.value == "mean" else "the states' scores summed"
    notes = [
        "A share is missing (\u2014) where no claim speaks; a leader is named only with two claims or more and no tie.",
        f"{_region(r)}: {region}. inherited: no claim behind the state's cell names the state (it rests on region-wide claims, or on claims about a power alone).",
    ]
    return panel(f"Readings of the article: {', '.join(r.powers)} over {', '.join(r.states)}", table(header, rows, caption="cells"), momentum, notes=notes)


def robustness_repr(rob: Robustness) -> str:
    """``<Robustness: 200 draws, seed 1: P(leader) security RUS 0.83, …>``."""
    parts = []
    for domain in Domain:
        c = rob.cell(domain)
        leader = c.point.leader
        parts.append(f"{domain.value} {cell(leader)} {c.p_leader(leader):.2f}")
    return one_line(f"<Robustness: {rob.draws} draws, seed {rob.seed}{', structural' if rob.structural else ''}: P(point leader) {', '.join(parts)}>")


def _present(c: CellRobustness, power: ActorId) -> str | None:
    """*power*'s share interval, with ``in N%`` where a claim spoke for it in fewer than all the draws (as the text says it)."""
    if power not in c.shares:
        return None
    present = c.present.get(power, 0.0)
    return str(c.shares[power]) + ("" if present >= 0.995 else f" in {present:.0%}")


def robustness_html(rob: Robustness) -> str:
    """Each cell's point leader, how often each power led over the draws, each power's share interval, and how often two votes stood."""
    powers = rob.point.powers
    region = f"{_REGION} (pooling drawn)" if rob.structural else _region(rob.point)
    header = [
        "track",
        "domain",
        "over",
        "point leader",
        *(f"P(lead) {p}" for p in powers),
        "P(none)",
        "P(2+)",
        *(f"share {p}: median [5%, 95%]" for p in powers),
        "missing",
    ]
    rows = []
    for (track, domain, over), c in rob.cells.items():
        intervals = [_present(c, p) for p in powers]
        rows.append(
            [track.value, domain.value, region if over is None else over, c.point.leader, *(c.p_leader(p) for p in powers), c.p_leader(None), c.supported]
            + [*intervals, c.missing]
        )
    title = f"Robustness: {rob.draws} draws, seed {rob.seed}" + (", structural choices varied" if rob.structural else "")
    notes = [
        "P(lead): the fraction of draws in which the power led; P(none): in which nobody did;"
        " P(2+): in which two votes or more stood behind the reading, the only draws in which a leader can be named.",
        "'in N%': a power's share is over the draws in which a claim spoke for it (N% of them); in the others it has none. missing: no claim at all.",
    ]
    return panel(title, table(header, rows), notes=notes)


def shift_repr(s: ScenarioShift) -> str:
    """``<ScenarioShift scn-x: security RUS→CHN (region), …>``."""
    moves = ", ".join(f"{r.domain.value} {cell(r.leader_before)}\u2192{cell(r.leader_after)}" for r in s.rows if r.over is None)
    return one_line(f"<ScenarioShift {s.scenario.id}: leaders over the region {moves or 'none read'}; {len(s.unmeasured)} effects unmeasured>")


def shift_html(s: ScenarioShift) -> str:
    """Per domain and state: which way each share moves, the leaders before and after, and the breakeven shift."""
    powers = sorted({p for r in s.rows for p in r.directions})
    header = [
        "domain",
        "over",
        *(f"{p} moves" for p in powers),
        "leader before",
        "leader after",
        "article's effects only",
        "by definition",
        "breakeven",
        "P(change)",
    ]
    rows = [
        [
            r.domain.value,
            _REGION if r.over is None else r.over,
            *(r.directions.get(p) for p in powers),
            r.leader_before,
            r.leader_after,
            r.leader_article_only,
            r.definitional,
            r.breakeven,
            r.p_change,
        ]
        for r in s.rows
    ]
    notes = []
    if any(r.definitional for r in s.rows):
        notes.append("by definition: the scenario removes today's leader's role whole (a full decrease), so the lead changes whatever the shift.")
    notes += [f"Not measured: {e.actor} {e.domain.value} {e.direction.value}: {e.description}" for e in s.unmeasured]
    notes += [f"Assumed (our reading, not the article's words): {e.actor} {e.domain.value} {e.direction.value}" for e in s.assumed]
    return panel(f"Scenario {s.scenario.id}: {s.scenario.title}", table(header, rows), notes=notes)


# -- timelines ----------------------------------------------------------------------------------


def timeline_repr(line: Timeline) -> str:
    """``<Timeline: 19 dated records, 2015 to 2016-10; 23 undated>``."""
    span = f", {line.entries[0].date} to {max(line.entries, key=lambda e: e.latest).date}" if line.entries else ""
    return one_line(f"<Timeline: {len(line.entries)} dated records{span}; {len(line.undated)} undated>")


def timeline_entry_repr(e: TimelineEntry) -> str:
    """``<TimelineEntry 2016-06-05 event evt-aktobe-attacks-2016 (stated)>``."""
    return one_line(f"<TimelineEntry {e.date} {e.kind} {e.id} ({e.certainty.value})>")


def timeline_html(line: Timeline) -> str:
    """One row per dated record: its date and precision, who gives the date (the article or a background source), certainty, kind, actors, paragraphs."""
    header = ["date", "precision", "date from", "certainty", "kind", "id", "actors", "paragraphs", "label"]
    rows = [
        [
            str(e.date),
            e.precision.value,
            "; ".join(e.date_sources) or "article",
            e.certainty.value,
            e.kind,
            e.id,
            ", ".join(e.actors),
            ", ".join(map(str, e.paragraphs)),
            e.label,
        ]
        for e in line.entries
    ]
    notes = [f"Undated ({len(line.undated)}): {', '.join(line.undated)}"] if line.undated else []
    return panel(f"Timeline: {len(line.entries)} dated records", table(header, rows), notes=notes)
