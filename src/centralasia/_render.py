"""Text for people: summaries, comparisons, explanations, records and their evidence, as printed and drawn.

One place for every rendering, so that ``str()``, the command line and the plots say
the same things the same way. The functions read the analysis objects; they compute
nothing of their own.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from centralasia._text import printable
from centralasia.model import (
    ARTICLE_TIME,
    Condition,
    Dataset,
    Domain,
    Effect,
    Evidence,
    Membership,
    Place,
    Record,
)

if TYPE_CHECKING:
    from centralasia.checks import ArticleCheck
    from centralasia.comparison import Comparison
    from centralasia.model import PartialDate
    from centralasia.reader import ParagraphEffect, Robustness, ScenarioShift
    from centralasia.roles import Explanation, RoleSummary
    from centralasia.tracks import Cell, Readings

__all__ = [
    "MISSING",
    "article_check_text",
    "cell_text",
    "cite",
    "comparison_table",
    "comparison_text",
    "domain_table",
    "evidence_line",
    "explanation_text",
    "label",
    "name_of",
    "paragraph_table",
    "readings_text",
    "record_text",
    "robustness_text",
    "shift_lines",
    "shift_text",
    "summary_table",
    "track_table",
]

#: Changes smaller than this read as no change.
TOLERANCE = 1e-9

_LABEL_WIDTH = 14
_WIDTH = 88
_REFERENCE_FIELDS = frozenset(
    {
        "actor",
        "actors",
        "over",
        "targets",
        "host",
        "organization",
        "parties",
        "establishes",
        "supplier",
        "recipient",
        "state",
        "affiliations",
        "speakers",
        "on_behalf_of",
        "occasion",
        "about",
        "member",
    }
)


# -- names and evidence ----------------------------------------------------------


def name_of(record: Record) -> str:
    """What a person calls *record*: its name, title, designation or summary, else its id."""
    for attribute in ("name", "title", "designation"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    summary = getattr(record, "summary", None)
    return summary if isinstance(summary, str) else record.id


def label(summary: RoleSummary) -> str:
    """``"baseline"`` or the id of the scenario a summary applies."""
    return "baseline" if summary.scenario is None else summary.scenario.id


def cite(evidence: Iterable[Evidence]) -> str:
    """Short citations of *evidence*, once each: ``"para. 7; background: SIPRI"``."""
    parts = []
    for e in evidence:
        if e.is_background:
            parts.append(f"background: {e.source}")
        elif e.paragraph is not None:
            parts.append(f"para. {e.paragraph}")
        else:
            parts.append(e.section.value)
    return "; ".join(dict.fromkeys(parts))


def evidence_line(e: Evidence) -> str:
    """One piece of evidence in full: where it stands, its anchor quote and its note."""
    if e.is_background:
        where = f"background: {e.source}"
        if e.fields:
            where += f" (for {', '.join(e.fields)})"
    elif e.paragraph is not None:
        where = f"article, paragraph {e.paragraph}"
    else:
        where = f"article, {e.section.value}"
    text = where
    if e.quote:
        text += f": \u201c{e.quote}\u201d"
    if e.note:
        text += f" \u2014 {e.note}"
    return text


# -- records ------------------------------------------------------------------------


def _plain(value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _ref(ds: Dataset, key: str) -> str:
    """An id, with the name of the record it names."""
    record = ds.get(key)
    if record is None or record.id == name_of(record):
        return key
    return f"{key} ({name_of(record)})"


def _wrap(name: str, text: str, indent: int = 2) -> list[str]:
    import textwrap  # on first use: record pages only, not every analysis that imports this module

    first = " " * indent + f"{name:<{_LABEL_WIDTH}}"
    rest = " " * len(first)
    return textwrap.wrap(text, _WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False) or [first.rstrip()]


def _field_lines(ds: Dataset, name: str, value: object) -> list[str]:
    if value is None or value == ():
        return []
    if isinstance(value, Place):
        return _wrap(name, value.name + (f", {_ref(ds, value.state)}" if value.state else ""))
    if isinstance(value, tuple) and value and isinstance(value[0], (Membership, Condition, Effect)):
        import textwrap  # on first use, as in _wrap

        lines = [f"  {name}"]
        for item in value:
            if isinstance(item, Membership):
                text = f"{_ref(ds, item.member)}: {item.status.value}"
                if item.since:
                    text += f" since {item.since}"
                if item.until:
                    text += f" until {item.until}"
                text += "; " + "; ".join(evidence_line(e) for e in item.evidence)
            elif isinstance(item, Condition):
                text = item.description + (f" ({', '.join(item.actors)})" if item.actors else "")
            else:
                assert isinstance(item, Effect)
                text = f"{item.actor} {item.domain.value} {item.direction.value}: {item.description}"
            lines += textwrap.wrap(text, _WIDTH, initial_indent="    - ", subsequent_indent="      ")
        return lines
    if isinstance(value, tuple):
        items = [_ref(ds, v) if name in _REFERENCE_FIELDS else _plain(v) for v in value]
        return _wrap(name, ", ".join(items))
    if name in _REFERENCE_FIELDS and isinstance(value, str):
        return _wrap(name, _ref(ds, value))
    return _wrap(name, _plain(value))


def record_text(ds: Dataset, record: Record) -> str:
    """*record* as text: its fields, the names of the records it names, and its evidence."""
    lines = [f"{type(record).__name__} {record.id}"]
    for field in attrs.fields(type(record)):
        if field.name in ("id", "evidence"):
            continue
        lines += _field_lines(ds, field.name, getattr(record, field.name))
    import textwrap  # on first use, as in _wrap

    lines.append("  evidence")
    for e in record.evidence:
        lines += textwrap.wrap(evidence_line(e), _WIDTH, initial_indent="    - ", subsequent_indent="      ")
    return "\n".join(lines)


# -- summaries ------------------------------------------------------------------------


def _heading(summary: RoleSummary) -> str:
    what = "baseline" if summary.scenario is None else f"scenario {summary.scenario.id}"
    when = "" if summary.as_of is None else f", as of {summary.as_of}"
    return f"{what}{when}"


def summary_table(summary: RoleSummary) -> str:
    """Every power's share per domain and state, the pooled row, each row's balance and each domain's leader."""
    lines = [f"Influence shares of {', '.join(summary.powers)} ({_heading(summary)})"]
    cell = max(6, *(len(p) + 1 for p in summary.powers))
    block = cell * len(summary.powers) + 2
    width = max(5, *(len(s) for s in summary.states)) + 2
    lines.append(" " * width + "".join(f"{d.value:<{block}}" for d in Domain) + "balance")
    lines.append((" " * width + "".join("".join(f"{p:>{cell}}" for p in summary.powers) + "  " for _ in Domain)).rstrip())
    for over, name in [*((s, s) for s in summary.states), (None, "all")]:
        row = f"{name:<{width}}"
        for d in Domain:
            shares = summary.shares(d, over)
            row += "".join(f"{shares[p]:>{cell}.2f}" for p in summary.powers) + "  "
        row += f"{summary.balance(over):>7.2f}"
        lines.append(row)
    leaders = "".join(f"{(summary.leader(d) or 'tie'):<{block}}" for d in Domain)
    lines.append(f"{'lead':<{width}}{leaders}".rstrip())
    lines += _time_caveat(summary)
    return "\n".join(lines)


def _time_caveat(summary: RoleSummary) -> list[str]:
    """A warning when the summary is of a date before the article's: its standing roles, undated, do not count yet."""
    if summary.as_of is None or summary.as_of.latest >= ARTICLE_TIME.earliest:
        return []
    return [
        f"note: {summary.as_of} is before the article's time ({ARTICLE_TIME}): only records dated by then count,",
        "      not the roles the article describes as standing (undated). These shares are not the article's reading of that date.",
    ]


def domain_table(summary: RoleSummary, domain: Domain) -> str:
    """One domain's shares per state and pooled, with the leader of each row."""
    cell = max(7, *(len(p) + 2 for p in summary.powers))
    width = max(5, *(len(s) for s in summary.states)) + 2
    lines = [f"{domain.value} shares of {', '.join(summary.powers)} ({_heading(summary)})"]
    lines.append(" " * width + "".join(f"{p:>{cell}}" for p in summary.powers) + "  lead")
    for over, name in [*((s, s) for s in summary.states), (None, "all")]:
        shares = summary.shares(domain, over)
        lead = summary.leader(domain, over) or "tie"
        lines.append(f"{name:<{width}}" + "".join(f"{shares[p]:>{cell}.2f}" for p in summary.powers) + f"  {lead}")
    lines += _time_caveat(summary)
    return "\n".join(lines)


def explanation_text(e: Explanation) -> str:
    """The share, the sum it divides and every record behind it, heaviest first, with citations."""
    denominator = sum(e.totals.values())
    head = (
        f"{e.power} {e.domain.value} share over {', '.join(e.over)}: {e.share:.3f}"
        f" = {e.influence:g} / {denominator:g} (" + ", ".join(f"{p} {t:g}" for p, t in e.totals.items()) + ")"
    )
    lines = [head]
    for c in e.contributions:
        date = "undated" if c.date is None else str(c.date)
        scenario = "" if c.scenario is None else f" [scenario {c.scenario}]"
        lines.append(f"  {c.weight:>7.3f}  {c.layer.value:<15} {c.record} -> {c.target} ({c.certainty.value}, {date}){scenario}; {cite(c.evidence)}")
    shared = e.shared_claims
    if shared:
        lines.append("  one claim, one vote: these records rest on one statement of the article and share its weight")
        lines += [f"    {claim}: {', '.join(records)}" for claim, records in shared.items()]
    return "\n".join(lines)


def article_check_text(check: ArticleCheck) -> str:
    """Each assessment claim beside the acts: agrees, diverges or n/a, and why."""
    lines = ["The article's assessments beside the acts it reports, claim by claim:"]
    for c in check.checks:
        mark = {True: "agrees  ", False: "DIVERGES", None: "n/a     "}[c.agrees]
        momentum = "" if c.momentum is None else f"; momentum {c.momentum:+.2f}"
        lines.append(f"  {mark} {c.claim}: {c.power} {'leads' if c.tier == 'lead' else 'takes part in'} {c.domain.value}; {c.reason}{momentum}")
    if check.diverging:
        lines.append("Where the two part, the acts the article reports challenge the division of labour it describes; the article")
        lines.append("weighs them and keeps its verdict for the short and medium term. The acts are few: see their support above.")
    if any(c.reason.startswith("untestable") for c in check.checks):
        lines.append("untestable: the article reports no act of that power at the compared tier, so its acts cannot bear the verdict out or not.")
    return "\n".join(lines)


# -- the three readings -----------------------------------------------------------------

#: How a missing number is printed.
MISSING = "—"


def cell_text(cell: Cell, powers: tuple[str, ...]) -> str:
    """One cell: each power's share ("—" for a power no claim speaks for), the claims behind it, and its marks (* one claim, ~ inherited)."""
    if cell.status.value == "missing":
        return f"{MISSING} (no claim)"
    if not cell.shares:  # claims stand behind it, but a scenario removed every power's score
        return f"no power keeps a share  n={cell.support}"
    shares = "  ".join(f"{p} {cell.shares[p]:.2f}" if p in cell.shares else f"{p} {MISSING:>4}" for p in powers)
    marks = ("*" if cell.status.value == "insufficient" else "") + ("~" if cell.inherited else "")
    return f"{shares}  n={cell.support}{marks}"


def _coverage(cell: Cell, states: tuple[str, ...]) -> str:
    return "" if not cell.states or len(cell.states) == len(states) else f" ({len(cell.states)}/{len(states)} states)"


def readings_text(r: Readings) -> str:
    """The three readings side by side: per domain, the assessments and the acts per state and for the region, then momentum."""
    assessments, acts = dict.fromkeys(k[0] for k in r.cells)  # the tracks with cells, in order
    heading = "baseline" if r.scenario is None else f"scenario {r.scenario.id} (as shifts of the assessments)"
    lines = [f"The article read three ways ({heading}): each power's share, n = the claims behind it"]
    width = max(17, *(len(s) + 2 for s in r.states))
    column = max(len(cell_text(c, r.powers) + _coverage(c, r.states)) for c in r.cells.values()) + 2
    for domain in Domain:
        lines.append("")
        lines.append(f"{domain.value:<{width}}{'assessments (verdicts)':<{column}}{'acts (leverage)':<{column}}ties " + "/".join(r.powers))
        for over in (*r.states, None):
            a, b = r.cells[assessments, domain, over], r.cells[acts, domain, over]
            name = over or f"region ({r.pooling.value})"
            ties = "/".join(f"{b.ties[p]:g}" for p in r.powers)
            left, right = cell_text(a, r.powers), cell_text(b, r.powers)
            if over is None:  # a region row pools only the states with claims: say how many
                left, right = (text + _coverage(c, r.states) for text, c in ((left, a), (right, b)))
            lines.append(f"  {name:<{width - 2}}{left:<{column}}{right:<{column}}{ties}")
        a, b = r.cells[assessments, domain, None], r.cells[acts, domain, None]
        verdict = "" if a.leader is None or b.leader is None or a.leader == b.leader else "   <- the tracks name different leaders"
        lines.append(f"  {'leader':<{width - 2}}{(a.leader or 'none'):<{column}}{(b.leader or 'none'):<{column}}{verdict}".rstrip())
    lines.append("")
    lines.append("momentum (claims of increase against decrease; projections and intents left out):")
    for (power, domain), m in r.momentum.items():
        if m.net is not None:
            mark = "*" if m.status.value == "insufficient" else ""
            lines.append(f"  {power} {domain.value:<11} +{len(m.increase)} -{len(m.decrease)}  net {m.net:+.2f}{mark}")
    lines.append(
        f"* under two votes (one claim, or one act two claims describe): no leader named; ~ inherited: no claim names the state; {MISSING}: no claim at all."
    )
    return "\n".join(lines)


def robustness_text(rob: Robustness) -> str:
    """Each region reading with its spread over the draws and each power's chance to lead."""
    what = "tier weights (order kept), claims by certainty" + (", pooling, regional expansion, ties" if rob.structural else "")
    scenario = "" if rob.point.scenario is None else f"; scenario {rob.point.scenario.id}, its shift drawn from 0 to twice the default"
    lines = [f"Robustness over {rob.draws} draws (seed {rob.seed}; sampled: {what}){scenario}"]
    lines.append("  share: median [5%, 95%]; P(lead): the fraction of draws in which the power led (± its Monte Carlo standard error);")
    lines.append("  P(2+): the fraction in which two votes or more stood behind the reading, the only draws in which a leader can be named;")
    lines.append("  'in N%': a power's share is over the draws in which a claim spoke for it (N% of them); in the others it has none")
    for track in dict.fromkeys(k[0] for k in rob.cells):
        for domain in Domain:
            c = rob.cells[track, domain, None]
            if not c.shares:
                lines.append(f"  {track.value:<12}{domain.value:<11} {MISSING} (no claim in any draw)")
                continue
            shares = "  ".join(f"{p} {c.shares[p]}" + ("" if c.present[p] >= 0.995 else f" in {c.present[p]:.0%}") for p in rob.point.powers if p in c.shares)
            lead = "  ".join(f"P({p} leads) {c.p_leader(p):.2f}±{c.standard_error(p):.2f}" for p in rob.point.powers)
            lines.append(f"  {track.value:<12}{domain.value:<11} {shares}   {lead}   P(none) {c.p_leader(None):.2f}   P(2+) {c.supported:.2f}")
    for (power, domain), m in rob.momentum.items():
        if m.net is not None:
            lines.append(f"  {'momentum':<12}{domain.value:<11} {power} net {m.net}")
    return "\n".join(lines)


def paragraph_table(effects: Iterable[ParagraphEffect]) -> str:
    """Which paragraphs carry each region reading: the largest shift and any change of leader without them."""
    lines = [f"{'para':<6}{'reading':<24}{'largest shift':>14}  leader without it"]
    for e in effects:
        change = f"{e.leader_before or 'none'} -> {e.leader_after or 'none'}" if e.changes_leader else "unchanged"
        lines.append(f"{e.paragraph:<6}{e.track.value + ' ' + e.domain.value:<24}{e.largest_shift:>14.2f}  {change}")
    lines.append("largest shift: the largest change of a power's share (of its net, for momentum), 1 when the reading appears or")
    lines.append("vanishes; a leader can change with no shift, when the reading falls under two votes and so names none")
    return "\n".join(lines)


def track_table(r: Readings, domain: Domain, track: str, as_of: PartialDate | None) -> str:
    """One domain's cells on one track, per state and for the region: shares, claims and marks, with the leader."""
    acts = track == "acts"
    if r.scenario is None:
        heading = "baseline"
    else:
        heading = f"scenario {r.scenario.id}, " + ("which shifts the assessments only" if acts else "as shifts of the assessments")
    if as_of is not None:
        heading += f", as of {as_of}"
    rows = [(over or f"region ({r.pooling.value})", r.cell(domain, over, track)) for over in (*r.states, None)]
    width = max(len(name) for name, _ in rows) + 2
    column = max(len(cell_text(c, r.powers) + _coverage(c, r.states)) for _, c in rows) + 2
    lines = [f"{domain.value} on the {track} track ({heading}): each power's share, n = the claims behind it"]
    if acts:
        lines.append(f"  {'':<{width}}{'':<{column}}ties " + "/".join(r.powers))
    for name, c in rows:
        ties = "/".join(f"{c.ties.get(p, 0):g}" for p in r.powers) if acts else ""
        text = cell_text(c, r.powers) + (_coverage(c, r.states) if c.over is None else "")
        lines.append(f"  {name:<{width}}{text:<{column}}{ties}".rstrip())
    lines.append(f"  {'leader':<{width}}{r.cell(domain, None, track).leader or 'none'}")
    lines.append(
        f"* under two votes (one claim, or one act two claims describe): no leader named; ~ inherited: no claim names the state; {MISSING}: no claim at all."
    )
    return "\n".join(lines)


def shift_lines(shift: ScenarioShift) -> list[str]:
    """A scenario's region rows as shifts: each power's direction, the leader today and at the default shift, and where it changes."""
    lines = []
    for row in shift.rows:
        if row.over is not None:
            continue
        moves = ", ".join(f"{p} unchanged" if d.value == "unchanged" else f"{p} {d.value}s" for p, d in row.directions.items())
        whose = "the article's own effects change the lead" if shift.assumed else "the lead changes"
        if row.definitional:
            change = "the lead changes by definition (the leader's role is removed whole)"
        elif row.breakeven is None:
            change = f"no change of leader up to a shift of {shift.limit:g}"
        else:
            change = f"{whose} from a shift of {row.breakeven:.2f}"
        own = f" (with our assumed effects; the article's own give {row.leader_article_only or 'none'})" if shift.assumed else ""
        lines.append(f"  {row.domain.value}: {moves}; leader {row.leader_before or 'none'} -> {row.leader_after or 'none'}{own}; {change}")
    if not lines:
        lines.append("  no share of a compared power moves")
    if shift.assumed:
        effects = ", ".join(f"{e.actor} {e.direction.value} in {e.domain.value}" for e in shift.assumed)
        lines.append(f"  assumed (our reading, not the article's words): {effects}")
    if shift.unmeasured:
        effects = ", ".join(f"{e.actor} {e.direction.value} in {e.domain.value}" for e in shift.unmeasured)
        lines.append(f"  not measured: {effects} (no direction, or not a compared power)")
    return lines


def shift_text(s: ScenarioShift) -> str:
    """A scenario as shifts: which way each share moves, the leader at the default shift, the shift that changes it, and how often it does."""
    lines = [f"{s.scenario.id}: the article's assessments shifted by its effects (default shift {s.magnitudes.increase:g} of the cell's total)"]
    lines += shift_lines(s)
    lines += [f"  {r.domain.value}: over shifts from 0 to twice the default, the leader changes in {r.p_change:.0%} of them" for r in s.rows if r.over is None]
    return "\n".join(lines)


# -- comparisons ----------------------------------------------------------------------


def comparison_text(c: Comparison) -> str:
    """A comparison in sentences: one per power and domain (pooled), then leaders, balance and notes."""
    lines = [f"{c.other} against {c.baseline}, shares over {', '.join(c.states)}:"]
    # The ids head the table; the titles say what each scenario is.
    lines += [f"  {label}: {printable(title, 200)}" for label, title in zip((c.baseline, c.other), c.titles, strict=True) if title]
    for ch in c.changes:
        if ch.over is not None:
            continue
        if abs(ch.delta) <= TOLERANCE:
            verb = f"stays at {ch.before:.3f}"
        else:
            verb = f"{'rises' if ch.delta > 0 else 'falls'} from {ch.before:.3f} to {ch.after:.3f} ({ch.delta:+.3f})"
        lines.append(f"- {ch.power}'s {ch.domain.value} share {verb}.")
    for lc in c.leaders:
        before = lc.before or "nobody (tie)"
        after = lc.after or "nobody (tie)"
        if lc.before == lc.after:
            lines.append(f"- {lc.domain.value}: {before} leads in both.")
        else:
            lines.append(f"- {lc.domain.value}: the lead passes from {before} to {after}.")
    pooled = next((b for b in c.balances if b.over is None), None)
    if pooled is not None:
        lines.append(f"- Balance between the powers (1 = even): {pooled.before:.3f} -> {pooled.after:.3f}.")
    lines += [f"- Note: {note}" for note in c.notes]
    return "\n".join(lines)


def comparison_table(c: Comparison) -> str:
    """Every change as a table row, then :func:`comparison_text`."""
    width = max(len(s) for s in ("all", *c.states))
    before, after = max(10, len(c.baseline)), max(10, len(c.other)) + 2  # the labels whole, never cut
    rows = [f"{'domain':<11}{'power':<7}{'over':<{width + 2}}{c.baseline:>{before}}{c.other:>{after}}{'change':>9}"]
    for ch in c.changes:
        rows.append(f"{ch.domain.value:<11}{ch.power:<7}{(ch.over or 'all'):<{width + 2}}{ch.before:>{before}.3f}{ch.after:>{after}.3f}{ch.delta:>+9.3f}")
    return "\n".join(rows) + "\n\n" + comparison_text(c)
