"""The drawing of :func:`centralasia.plot.timeline_chart`: one line per dated record, marked by its certainty."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from centralasia._figures import literal
from centralasia.model import Certainty, Precision
from centralasia.timelines import DatedKind, Timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["BACKGROUND_ALPHA", "BACKGROUND_MARK", "CERTAINTY_MARKERS", "KIND_COLORS", "draw"]

#: The marker of each certainty, filled for what the article states and hollow for the rest.
CERTAINTY_MARKERS: Mapping[Certainty, str] = {
    Certainty.STATED: "o",
    Certainty.REPORTED: "s",
    Certainty.ASSESSED: "D",
    Certainty.PROJECTED: "^",
}

#: The colour of each kind of record (colour-blind safe, Okabe and Ito).
KIND_COLORS: Mapping[DatedKind, str] = {
    "agreement": "#009E73",
    "arms_transfer": "#D55E00",
    "event": "#0072B2",
    "statement": "#CC79A7",
    "role": "#E69F00",
}

#: How opaque an entry whose date only a background source gives is drawn (the article's are opaque).
BACKGROUND_ALPHA = 0.35
#: The mark after such an entry's date in its label.
BACKGROUND_MARK = "\u2020"

#: The most characters of a record's label shown beside its line.
LABEL_WIDTH = 48


#: Where the bar of a date in the year 9999 ends, as matplotlib draws no later.
_LAST = _dt.datetime(9999, 12, 31, 23, 59)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "\u2026"


def draw(line: Timeline, ax: Axes | None, title: str | None) -> Figure:
    """Draw *line* into *ax* (or a new figure): each entry one :class:`~matplotlib.lines.Line2D` whose gid is its record's id."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if ax is None:
        fig = Figure(figsize=(11, 1.6 + 0.32 * max(len(line), 3)), layout="constrained")
        ax = fig.add_subplot()
    else:
        owner = ax.figure
        fig = owner if isinstance(owner, Figure) else owner.figure
    for y, entry in enumerate(line):
        color = KIND_COLORS[entry.kind]
        marker = CERTAINTY_MARKERS[entry.certainty]
        face = color if entry.certainty is Certainty.STATED else "white"
        # A date only a background source gives is drawn faint: the article does not give it.
        alpha = BACKGROUND_ALPHA if entry.date_sources else 1.0
        style = {"color": color, "marker": marker, "markerfacecolor": face, "markeredgecolor": color, "markersize": 7, "gid": entry.id}
        if entry.precision is Precision.DAY:
            ax.plot([entry.earliest], [y], linestyle="", alpha=alpha, **style)  # type: ignore[arg-type]  # matplotlib converts dates
        else:
            # A bar over every day the date can mean, the marker at its middle.
            start = _dt.datetime.combine(entry.earliest, _dt.time.min)
            end = _LAST if entry.latest == _dt.date.max else _dt.datetime.combine(entry.latest + _dt.timedelta(days=1), _dt.time.min)
            middle = start + (end - start) / 2
            ax.plot([start, middle, end], [y, y, y], linewidth=6, alpha=0.75 * alpha, solid_capstyle="butt", markevery=[1], **style)  # type: ignore[arg-type]
    ax.set_yticks(range(len(line)), [literal(f"{_short(e.label)} ({e.date}{BACKGROUND_MARK if e.date_sources else ''})") for e in line], fontsize=8)
    if len(line):
        ax.set_ylim(len(line) - 0.5, -0.5)  # earliest on top
        # The margins stay within the years matplotlib draws, 1 to 9999, which a date can reach.
        low, high = ax.get_xlim()
        ax.set_xlim(max(low, date2num(_dt.datetime.min)), min(high, date2num(_LAST)))  # type: ignore[no-untyped-call]
        locator = AutoDateLocator()  # type: ignore[no-untyped-call]  # untyped in matplotlib
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    else:
        ax.text(0.5, 0.5, "no dated records", transform=ax.transAxes, ha="center", va="center", color="#777777", style="italic")
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    kinds = [k for k in KIND_COLORS if any(e.kind == k for e in line)]
    certainties = [c for c in CERTAINTY_MARKERS if any(e.certainty is c for e in line)]
    handles = [Line2D([], [], color=KIND_COLORS[k], linewidth=6, label=k.replace("_", " ")) for k in kinds]
    handles += [
        Line2D(
            [], [], color="#333333", marker=CERTAINTY_MARKERS[c], markerfacecolor="#333333" if c is Certainty.STATED else "white", linestyle="", label=c.value
        )
        for c in certainties
    ]
    if any(e.date_sources for e in line):
        handles.append(
            Line2D([], [], color="#333333", marker="o", alpha=BACKGROUND_ALPHA, linestyle="", label=f"faint, {BACKGROUND_MARK}: date from a background source")
        )
    if any(e.precision is not Precision.DAY for e in line):
        handles.append(Line2D([], [], color="#999999", linewidth=6, alpha=0.75, label="a bar: known to the month or year"))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    ax.set_title("Dated records" if title is None else title, fontsize=12)
    return fig
