"""Text for people: summaries, comparisons, explanations, records and their evidence, as printed and drawn.

One place for every rendering, so that ``str()``, the command line and the plots say
the same things the same way. The functions read the analysis objects; they compute
nothing of their own.
"""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

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
    from centralasia.roles import Explanation, RoleSummary

__all__ = [
    "article_check_text",
    "cite",
    "comparison_table",
    "comparison_text",
    "domain_table",
    "evidence_line",
    "explanation_text",
    "label",
    "name_of",
    "record_text",
    "summary_table",
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
    first = " " * indent + f"{name:<{_LABEL_WIDTH}}"
    rest = " " * len(first)
    return textwrap.wrap(text, _WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False) or [first.rstrip()]


def _field_lines(ds: Dataset, name: str, value: object) -> list[str]:
    if value is None or value == ():
        return []
    if isinstance(value, Place):
        return _wrap(name, value.name + (f", {_ref(ds, value.state)}" if value.state else ""))
    if isinstance(value, tuple) and value and isinstance(value[0], (Membership, Condition, Effect)):
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
    lines.append(" " * width + "".join("".join(f"{p:>{cell}}" for p in summary.powers) + "  " for _ in Domain))
    for over, name in [*((s, s) for s in summary.states), (None, "all")]:
        row = f"{name:<{width}}"
        for d in Domain:
            shares = summary.shares(d, over)
            row += "".join(f"{shares[p]:>{cell}.2f}" for p in summary.powers) + "  "
        row += f"{summary.balance(over):>7.2f}"
        lines.append(row)
    leaders = "".join(f"{(summary.leader(d) or 'tie'):<{block}}" for d in Domain)
    lines.append(f"{'lead':<{width}}{leaders}")
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
    """Each of the article's role claims beside the computed roles: agrees, diverges or n/a, and why."""
    mode = "without the role claims themselves" if check.independent else "with the role claims counted"
    lines = [f"The article's roles beside the computed ones ({mode}):"]
    for c in check.checks:
        mark = {True: "agrees  ", False: "DIVERGES", None: "n/a     "}[c.agrees]
        value = "" if c.computed is None else f" {c.computed:.3f}"
        lines.append(f"  {mark} {c.role} ({c.actor} {c.kind.value}, {c.domain.value}): {c.claim}{value}; {c.reason}")
    return "\n".join(lines)


# -- comparisons ----------------------------------------------------------------------


def comparison_text(c: Comparison) -> str:
    """A comparison in sentences: one per power and domain (pooled), then leaders, balance and notes."""
    lines = [f"{c.other} against {c.baseline}, shares over {', '.join(c.states)}:"]
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
    rows = [f"{'domain':<11}{'power':<7}{'over':<{width + 2}}{c.baseline[:10]:>10}{c.other[:10]:>12}{'change':>9}"]
    for ch in c.changes:
        rows.append(f"{ch.domain.value:<11}{ch.power:<7}{(ch.over or 'all'):<{width + 2}}{ch.before:>10.3f}{ch.after:>12.3f}{ch.delta:>+9.3f}")
    return "\n".join(rows) + "\n\n" + comparison_text(c)
