"""Pictures (the ``plot`` extra, matplotlib): the influence map, role shares by domain, and how far the readings hold.

matplotlib is imported inside the functions, never when :mod:`centralasia` is
imported. The figures are made without pyplot, so drawing to a file never
changes the global backend and works without a display; in a notebook, the
returned :class:`~matplotlib.figure.Figure` shows itself.
"""

from __future__ import annotations

import io
import os
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Literal, TypeVar

import networkx as nx

from centralasia import _figures
from centralasia._files import checked_path, quoted, write_file
from centralasia._sums import sum_by
from centralasia._tables import coerce_domain
from centralasia.errors import ArgumentError, MissingDependencyError
from centralasia.model import Dataset, Domain

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from centralasia.reader import Robustness
    from centralasia.roles import RoleSummary
    from centralasia.timelines import Timeline
    from centralasia.tracks import Track

__all__ = [
    "DOMAIN_COLORS",
    "IMAGE_SUFFIXES",
    "POWERS",
    "POWER_COLORS",
    "image_format",
    "influence_map",
    "robustness_chart",
    "role_shares",
    "save",
    "timeline_chart",
]

_N = TypeVar("_N", bound=Hashable)

#: The colour of each domain's edges and bars (colour-blind safe, Okabe and Ito).
DOMAIN_COLORS: Mapping[str, str] = {
    Domain.SECURITY.value: "#D55E00",
    Domain.ECONOMIC.value: "#009E73",
    Domain.DIPLOMATIC.value: "#0072B2",
}

#: The file suffixes :func:`save` writes, each naming its image format.
IMAGE_SUFFIXES: tuple[str, ...] = (".png", ".svg", ".pdf")

#: The outside powers the article weighs against each other, in drawing order.
POWERS: tuple[str, ...] = _figures.POWERS

_GROUP_STYLE: Mapping[str, tuple[str, str]] = {
    # group: (face colour, label in the legend)
    "power": ("#F0E442", "outside power"),
    "central-asia": ("#56B4E9", "Central Asian state"),
    "other-state": ("#DDDDDD", "other state"),
    "organization": ("#FFFFFF", "organisation or group"),
}


def _require_matplotlib(what: str) -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError("matplotlib", "plot", what) from exc


def _title(title: object) -> None:
    if title is not None and not isinstance(title, str):
        raise ArgumentError("title", f"title is a str (or None for the default), not {type(title).__name__} {title!r:.40}")


def _flag(value: object, field: str) -> None:
    # Only the two bools: "no", 0, None or a numpy bool would otherwise be read by their truth.
    if value is not True and value is not False:
        raise ArgumentError(field, f"{field} is True or False, not {type(value).__name__} {value!r:.40}")


def _given_axes(ax: object, what: str) -> None:
    """Refuse an *ax* that is neither ``None`` nor matplotlib axes (importing matplotlib only when *ax* is given)."""
    if ax is None:
        return
    _require_matplotlib(what)
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise ArgumentError("ax", f"ax is matplotlib Axes (such as fig.add_subplot()) or None, not {type(ax).__name__} {ax!r:.40}")


def influence_map(
    graph: nx.Graph[_N],
    ds: Dataset | None = None,
    *,
    actors: Iterable[_N] | Literal["all"] | None = None,
    domains: Iterable[Domain | str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    panels: bool = True,
) -> Figure:
    """Draw an influence network: the powers on top, the Central Asian states below, edges by domain.

    The weights of all edges from one actor to another in one domain are
    added up (as :func:`centralasia.network.collapse` does per domain): each
    such sum is one arrow, in the colour of its domain (see
    :data:`DOMAIN_COLORS`) and as wide as its weight. Arrows bend to the
    right of their direction, so ``u -> v`` and ``v -> u`` stay apart; pairs
    whose weights add up to nothing (attacks, threats) are not drawn.

    Parameters
    ----------
    graph : networkx.Graph
        A network such as :func:`centralasia.network.influence_network` returns;
        any graph whose edges have ``domain`` and ``weight`` attributes will do.
    ds : Dataset, optional
        The dataset the network was built from, to tell states from
        organisations where the nodes do not say (``central_asian``,
        ``region``, ``type``) and to name them.
    actors : iterable of node ids, or "all", optional
        The nodes to draw: by default the outside powers (:data:`POWERS`) and
        the Central Asian states; ``"all"`` draws every node with an edge.
    domains : iterable of Domain or str, optional
        Draw only the edges of these domains.
    ax : matplotlib.axes.Axes, optional
        Draw every domain into these axes; by default a new figure is made
        (without pyplot).
    title : str, optional
        The title; by default one that says what the picture shows.
    panels : bool
        On a new figure, draw each domain in a panel of its own, side by side
        (the default, and far easier to read), or all domains in one.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on; write it with :func:`save` or ``fig.savefig``.

    Raises
    ------
    MissingDependencyError
        If matplotlib is not installed.
    UnknownIdError
        If *actors* names a node the graph does not have.
    ArgumentError
        If *graph* is not a networkx graph, *ds* not a Dataset, *actors*
        neither ``"all"`` nor a list of node ids, *ax* not matplotlib axes,
        *title* not a str or *panels* not ``True`` or ``False``; or if
        *domains* is not a list of domains, is empty, or names one that is
        neither a :class:`~centralasia.model.Domain` nor on an edge of the graph.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("RUS", "KAZ", domain="security", weight=2.0)
    0
    >>> fig = influence_map(g, actors="all", title="Russia and Kazakhstan")
    >>> fig.axes[0].get_title()
    'Russia and Kazakhstan'
    """
    if not isinstance(graph, nx.Graph):
        raise ArgumentError("graph", f"expected a networkx graph such as centralasia.influence_network() returns, not {type(graph).__name__} {graph!r:.40}")
    if ds is not None and not isinstance(ds, Dataset):
        raise ArgumentError("ds", f"ds is the Dataset the graph was built from (or None), not {type(ds).__name__} {ds!r:.40}")
    chosen_actors = _figures.actors(actors)
    _title(title)
    _flag(panels, "panels")
    _given_axes(ax, "influence_map")
    _require_matplotlib("influence_map")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    wanted = None if domains is None else _figures.wanted_domains(graph, domains)
    all_groups = {n: _figures.group(n, d, ds) for n, d in graph.nodes(data=True)}
    nodes = _figures.selection(graph, all_groups, chosen_actors)
    chosen = set(nodes)
    groups = {n: all_groups[n] for n in nodes}
    pos = _figures.layout(groups)

    def edges() -> Iterator[tuple[tuple[str, _N, _N], float, str]]:
        for u, v, data in graph.edges(data=True):
            domain = _figures.edge_domain(data)
            if u in chosen and v in chosen and u != v and (wanted is None or domain in wanted):
                yield (domain, u, v), _figures.edge_weight(data), domain

    # One arrow per actor pair and domain: collapse's sums, per domain.
    totals = {key: s.total for key, s in sum_by(edges()).items() if s.total > 0}
    heaviest = max(totals.values(), default=1.0)
    present = {d for d, _, _ in totals} | (wanted or set())
    order = [d for d in DOMAIN_COLORS if d in present] + sorted(present - set(DOMAIN_COLORS))

    if ax is not None:
        owner = ax.figure
        fig = owner if isinstance(owner, Figure) else owner.figure
        axes_for: list[tuple[Axes, list[str]]] = [(ax, order)]
    elif panels and len(order) > 1:
        fig = Figure(figsize=(6.2 * len(order), 7.2), layout="constrained")
        axes_for = [(fig.add_subplot(1, len(order), i + 1), [d]) for i, d in enumerate(order)]
    else:
        fig = Figure(figsize=(10, 8), layout="constrained")
        axes_for = [(fig.add_subplot(), order)]

    node_size = 1500
    for axes, shown in axes_for:
        for i, domain in enumerate(shown):
            edge_list = [(u, v) for (d, u, v) in totals if d == domain]
            if not edge_list:
                continue
            nx.draw_networkx_edges(
                graph,
                pos,
                edgelist=edge_list,
                width=[0.6 + 6.0 * totals[domain, u, v] / heaviest for u, v in edge_list],
                edge_color=DOMAIN_COLORS.get(domain, "#999999"),
                alpha=0.65,
                arrows=True,
                arrowstyle="-|>",
                arrowsize=11,
                connectionstyle=f"arc3,rad={0.1 + 0.08 * i:.2f}",
                node_size=node_size,
                ax=axes,
            )
        for group, (color, _) in _GROUP_STYLE.items():
            members = [n for n in nodes if groups[n] == group]
            if members:
                nx.draw_networkx_nodes(graph, pos, nodelist=members, node_color=color, edgecolors="#333333", node_size=node_size, linewidths=1.2, ax=axes)
        labels = {n: _figures.label(n, graph.nodes[n], ds) for n in nodes}
        nx.draw_networkx_labels(graph, pos, labels={n: short for n, (short, _) in labels.items()}, font_size=9, font_weight="bold", ax=axes)
        for n, (_, name) in labels.items():
            # Only the powers and the states of the region are named in full: the
            # rest, when drawn, keep their acronyms and ids, which stay legible.
            if name and groups[n] in ("power", "central-asia"):
                # Names away from the edges: above the powers, below everyone else.
                above = groups[n] == "power"
                axes.annotate(
                    name,
                    pos[n],
                    xytext=(0, 24 if above else -24),
                    textcoords="offset points",
                    ha="center",
                    va="bottom" if above else "top",
                    fontsize=8,
                    color="#333333",
                )
        if len(axes_for) > 1:
            axes.set_title(f"{shown[0]} roles", fontsize=12, color=DOMAIN_COLORS.get(shown[0], "#333333"), fontweight="bold")
        axes.set_axis_off()
        axes.margins(0.14)

    handles = [Line2D([], [], color=DOMAIN_COLORS.get(d, "#999999"), linewidth=3, label=d) for d in order]
    handles += [
        Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor=color, markeredgecolor="#333333", label=label)
        for group, (color, label) in _GROUP_STYLE.items()
        if group in groups.values()
    ]
    handles.append(Line2D([], [], color="#555555", linewidth=1, marker=">", label="u \u2192 v: u gains influence over v"))
    handles.append(Line2D([], [], color="#555555", linewidth=5, label="wider: more weight (summed per pair)"))
    if title is None:
        title = "Influence in Central Asia by domain"
        details = [
            f"as of {graph.graph['as_of']}" if graph.graph.get("as_of") else "",
            f"scenario {graph.graph['scenario']}" if graph.graph.get("scenario") else "",
        ]
        details = [d for d in details if d]
        if details:
            title += f" ({', '.join(details)})"
    if len(axes_for) > 1:
        fig.suptitle(title, fontsize=15)
        fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4), frameon=False, fontsize=10)
    else:
        only = axes_for[0][0]
        only.set_title(title, fontsize=14)
        only.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9)
    return fig


#: The colour of each power's bars in :func:`role_shares`.
POWER_COLORS: Mapping[str, str] = {"RUS": "#4477AA", "CHN": "#EE6677", "USA": "#228833"}
_SPARE_COLORS = ("#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")


def _state_ids(over: object) -> tuple[str, ...]:
    """The states *over* lists, as a tuple (read more than once): an :class:`ArgumentError` unless they are one or more ids."""
    states = _figures.listed(over, "over", "a state id or a list of them, such as ['KAZ', 'UZB']")
    for state in states:
        if not isinstance(state, str):
            raise ArgumentError("over", f"over names states by their ids, not {type(state).__name__} {state!r:.40}")
    if not states:
        raise ArgumentError("over", "name one state or more (None: all the summaries' states)")
    return tuple(str(state) for state in states)


def _summary_label(summary: RoleSummary) -> str:
    if summary.scenario is None:
        label = "baseline"
    else:
        label = summary.scenario.title
    if summary.as_of is not None:
        label += f" (as of {summary.as_of})"
    return _figures.wrap_label(label, 26)


def role_shares(
    *summaries: RoleSummary,
    over: str | Iterable[str] | None = None,
    domains: Iterable[Domain | str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Draw each power's share of influence per domain: the baseline beside scenarios.

    One panel per domain; in it, one bar per summary, split into the powers'
    shares (which add up to 100%), with the leader named at the end of the
    bar. Pass the baseline first and then the scenarios (or dates, or other
    weights) to compare with it.

    Parameters
    ----------
    *summaries : RoleSummary
        Summaries of the same powers, e.g. ``role_summary(ds)`` and
        ``role_summary(ds, scenario="scn-chinese-security-challenge")``.
    over : str or iterable of str, optional
        The states whose influence is pooled; all of each summary's states by default.
    domains : iterable of Domain or str, optional
        The domains to draw; all by default.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes; only when one domain is drawn.
    title : str, optional
        The title; by default one that says what is compared.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ArgumentError
        Without summaries, with anything but a RoleSummary among them, with
        summaries of different powers, with *over* neither a state id nor a
        list of them, with *domains* not a non-empty list of domains, with
        *ax* not matplotlib axes or with more than one domain, or with *title*
        not a str.
    UnknownIdError
        If *over* names a state a summary does not know.
    MissingDependencyError
        If matplotlib is not installed.

    Examples
    --------
    >>> import centralasia as ca
    >>> ds = ca.load()
    >>> fig = role_shares(ca.role_summary(ds), ca.role_summary(ds, scenario="scn-chinese-security-challenge"))
    >>> [a.get_title() for a in fig.axes]
    ['security', 'economic', 'diplomatic']
    """
    from centralasia.roles import RoleSummary as _RoleSummary

    if not summaries:
        raise ArgumentError("summaries", "role_shares needs at least one role summary, such as role_summary(ds)")
    for i, s in enumerate(summaries):
        if not isinstance(s, _RoleSummary):
            raise ArgumentError("summaries", f"summary {i + 1} is not the RoleSummary that centralasia.role_summary() returns but {type(s).__name__} {s!r:.40}")
    powers = summaries[0].powers
    if any(s.powers != powers for s in summaries):
        raise ArgumentError("summaries", "role_shares compares summaries of the same powers")
    pooled: str | tuple[str, ...] | None = over if over is None or isinstance(over, str) else _state_ids(over)
    shown = [coerce_domain(d, "domains") for d in _figures.listed(domains, "domains", _figures.DOMAINS_WANTED)] if domains is not None else list(Domain)
    if not shown:
        raise ArgumentError("domains", f"name at least one domain of {', '.join(d.value for d in Domain)}")
    _title(title)
    _given_axes(ax, "role_shares")
    if ax is not None and len(shown) != 1:
        raise ArgumentError("domains", "draw into given axes one domain at a time (domains=[...])")
    _require_matplotlib("role_shares")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    labels = [_summary_label(s) for s in summaries]
    colors = {p: POWER_COLORS.get(p, _SPARE_COLORS[i % len(_SPARE_COLORS)]) for i, p in enumerate(powers)}

    if ax is not None:
        owner = ax.figure
        fig = owner if isinstance(owner, Figure) else owner.figure
        panels = [ax]
    else:
        height = 1.6 + 0.62 * len(summaries)
        fig = Figure(figsize=(4.4 * len(shown) + 2.4, height), layout="constrained")
        first = fig.add_subplot(1, len(shown), 1)
        panels = [first] + [fig.add_subplot(1, len(shown), i + 1, sharey=first) for i in range(1, len(shown))]

    rows = list(range(len(summaries)))[::-1]  # the first summary on top
    for axes, domain in zip(panels, shown, strict=True):
        left = [0.0] * len(summaries)
        for power in powers:
            values = [100.0 * s.share(power, domain, pooled) for s in summaries]
            bars = axes.barh(rows, values, left=left, color=colors[power], edgecolor="white", height=0.7, label=power)
            for bar, value in zip(bars, values, strict=True):
                if value >= 9:
                    axes.text(
                        bar.get_x() + bar.get_width() / 2,
                        bar.get_y() + bar.get_height() / 2,
                        f"{value:.0f}%",
                        ha="center",
                        va="center",
                        fontsize=9,
                        color="white",
                        fontweight="bold",
                    )
            left = [a + b for a, b in zip(left, values, strict=True)]
        for row, summary in zip(rows, summaries, strict=True):
            leader = summary.leader(domain, pooled)
            axes.text(
                101.5, row, leader or "tie", va="center", ha="left", fontsize=9, color=colors.get(leader, "#555555") if leader else "#555555", fontweight="bold"
            )
        axes.set_xlim(0, 100)
        axes.set_title(domain.value, fontsize=12, fontweight="bold", color=DOMAIN_COLORS.get(domain.value, "#333333"))
        axes.set_xlabel("share of the powers' influence (%)")
        axes.set_xticks([0, 25, 50, 75, 100])
        axes.spines[["top", "right"]].set_visible(False)
        if len(summaries) > 1:
            axes.axhline(rows[0] - 0.5, color="#999999", linewidth=0.8, linestyle="--")
        if axes is panels[0]:
            axes.set_yticks(rows, labels)
            axes.get_yticklabels()[0].set_fontweight("bold")
        axes.tick_params(axis="y", length=0, labelleft=axes is panels[0])
    handles = [Patch(facecolor=colors[p], label=p) for p in powers]
    if pooled is None:
        where = "over " + ", ".join(summaries[0].states)
    else:
        where = "over " + (pooled if isinstance(pooled, str) else ", ".join(pooled))
    if title is None:
        if len(summaries) == 1:
            what = labels[0].replace("\n", " ")
        elif len(summaries) == 2:
            what = " vs ".join(label.replace("\n", " ") for label in labels)
        else:
            what = "baseline and scenarios" if summaries[0].scenario is None else "compared"
        # The summaries sum every record's edges: a construct of the networks, not the article's verdicts (ca.readings).
        title = f"Summed record weights per domain: {what}"
    if ax is None:
        fig.suptitle(f"{title}\n{where}; the leader by weight is named right of each bar (not a reading of the article)", fontsize=12)
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False, title="power")
    else:
        ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    return fig


def robustness_chart(rob: Robustness, *, ax: Axes | None = None, track: Track | str | None = None) -> Figure:
    """Draw how far each region reading holds: each power's median share with its 5–95% interval, and its chance to lead.

    One panel per track (the article's assessments, then the acts it reports), one
    group per domain. For each power, a point at its median share over the draws and
    a bar from the 5th to the 95th percentile, with ``P(lead)`` above it: the fraction
    of draws in which it led. Under each domain, the fraction of draws in which no
    power led (a tie, or one claim only) and, where some draws left the cell without
    a claim, how many. A cell no claim stands behind in any draw reads "no claim".

    Parameters
    ----------
    rob : Robustness
        The sampled readings, from :func:`centralasia.robustness`.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes; only with one *track*.
    track : Track or str, optional
        ``"assessments"`` or ``"acts"``; both by default.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on (that of *ax* when given).

    Raises
    ------
    ArgumentError
        For *rob* not a Robustness, an unknown track or the momentum track (it
        has no shares), *ax* not matplotlib axes, or *ax* without *track*.
    MissingDependencyError
        If matplotlib is not installed.

    Examples
    --------
    >>> import centralasia as ca
    >>> fig = robustness_chart(ca.robustness(ca.load(), draws=50))
    >>> [a.get_title() for a in fig.axes]
    ['assessments', 'acts']
    """
    from centralasia.reader import Robustness as _Robustness
    from centralasia.tracks import Track, coerce_track

    if not isinstance(rob, _Robustness):
        raise ArgumentError("rob", f"expected the Robustness that centralasia.robustness() returns, not {type(rob).__name__} {rob!r:.40}")
    _given_axes(ax, "robustness_chart")
    if track is None:
        if ax is not None:
            raise ArgumentError("track", "draw into given axes one track at a time (track='assessments' or 'acts')")
        tracks = list(dict.fromkeys(t for t, _, _ in rob.cells))
    else:
        chosen = coerce_track(track)
        if chosen is Track.MOMENTUM:
            raise ArgumentError("track", "momentum has no shares to draw; draw 'assessments' or 'acts'")
        tracks = [chosen]
    _require_matplotlib("robustness_chart")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    powers = rob.point.powers
    colors = {p: POWER_COLORS.get(p, _SPARE_COLORS[i % len(_SPARE_COLORS)]) for i, p in enumerate(powers)}
    if ax is not None:
        owner = ax.figure
        fig = owner if isinstance(owner, Figure) else owner.figure
        panels = [ax]
    else:
        fig = Figure(figsize=(5.2 * len(tracks) + 1.0, 4.8), layout="constrained")
        first = fig.add_subplot(1, len(tracks), 1)
        panels = [first] + [fig.add_subplot(1, len(tracks), i + 1, sharey=first) for i in range(1, len(tracks))]

    step = 0.7 / len(powers)
    domains = list(Domain)
    for axes, shown in zip(panels, tracks, strict=True):
        labels = []
        for x, domain in enumerate(domains):
            cell = rob.cells[shown, domain, None]
            label = domain.value
            if not cell.shares:
                axes.text(x, 0.5, "no claim", ha="center", va="center", fontsize=9, color="#777777", style="italic")
                labels.append(label)
                continue
            for j, power in enumerate(powers):
                interval = cell.shares.get(power)
                if interval is None:
                    continue
                at = x + (j - (len(powers) - 1) / 2) * step
                axes.errorbar(
                    [at],
                    [interval.median],
                    yerr=[[interval.median - interval.low], [interval.high - interval.median]],
                    fmt="o",
                    color=colors[power],
                    ecolor=colors[power],
                    elinewidth=2,
                    capsize=4,
                    markersize=6,
                )
                axes.text(at, interval.high + 0.03, f"{cell.p_leader(power):.2f}", ha="center", va="bottom", fontsize=8, color=colors[power])
            label += f"\nno leader {cell.p_leader(None):.0%}"
            if cell.missing > 0:
                label += f"\nno claim in {cell.missing:.0%}"
            labels.append(label)
        axes.set_xticks(range(len(domains)), labels)
        axes.set_xlim(-0.6, len(domains) - 0.4)
        axes.set_ylim(-0.05, 1.15)
        axes.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
        axes.set_title(shown.value, fontsize=12, fontweight="bold")
        axes.spines[["top", "right"]].set_visible(False)
        axes.tick_params(axis="x", length=0)
        if axes is panels[0]:
            axes.set_ylabel("share of the powers' influence (region)")
    handles = [Line2D([], [], color=colors[p], marker="o", linewidth=2, label=p) for p in powers]
    details = [f"{rob.draws} draws, seed {rob.seed}"]
    if rob.point.scenario is not None:
        details.append(f"scenario {rob.point.scenario.id}")
    if not rob.structural:
        details.append("weights and claims only")
    title = f"How far each reading holds ({', '.join(details)})"
    if ax is None:
        fig.suptitle(f"{title}\nmedian share, 5–95% of the draws; above each: P(lead), the fraction of draws it led", fontsize=12)
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False, title="power")
    else:
        ax.legend(handles=handles, loc="upper right", fontsize=8, frameon=False, title="P(lead) above each", title_fontsize=8)
    return fig


def timeline_chart(data: Dataset | Timeline, *, ax: Axes | None = None, title: str | None = None) -> Figure:
    """Draw the dated records in date order: one line each, its marker the certainty, a bar for a month or year.

    Each record is one :class:`~matplotlib.lines.Line2D` (its ``gid`` the record's id),
    coloured by kind: a marker on its day, or a bar over every day a date
    known to the month or year can mean, marked at its middle. The marker
    tells the certainty: filled circle stated, hollow square reported, hollow
    diamond assessed, hollow triangle projected.

    Parameters
    ----------
    data : Dataset or Timeline
        A dataset (its :func:`~centralasia.timeline`) or a timeline; compose
        with the queries, e.g. ``ds.involving("KAZ")``.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes; by default a new figure (without pyplot).
    title : str, optional
        The title; by default "Dated records". Dates only a background source gives are drawn faint and marked ``†``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on (that of *ax* when given).

    Raises
    ------
    ArgumentError
        If *data* is neither a Dataset nor a Timeline, *ax* not matplotlib axes or *title* not a str.
    MissingDependencyError
        If matplotlib is not installed.

    Examples
    --------
    >>> import centralasia as ca
    >>> fig = timeline_chart(ca.load().between("2016-06", "2016-07"))
    >>> [line.get_gid() for line in fig.axes[0].lines][:2]
    ['evt-aktobe-attacks-2016', 'evt-russian-visit-kaz-2016']
    """
    from centralasia.timelines import Timeline, timeline

    if not isinstance(data, (Dataset, Timeline)):
        raise ArgumentError("data", f"expected a Dataset or the Timeline centralasia.timeline() returns, not {type(data).__name__} {data!r:.40}")
    _title(title)
    _given_axes(ax, "timeline_chart")
    _require_matplotlib("timeline_chart")
    from centralasia import _timechart

    return _timechart.draw(timeline(data) if isinstance(data, Dataset) else data, ax, title)


def image_format(path: str | os.PathLike[str]) -> str:
    """The image format :func:`save` writes to *path*, from its suffix: ``"png"``, ``"svg"`` or ``"pdf"``.

    Raises
    ------
    ArgumentError
        If *path* is not a ``str`` or ``os.PathLike``, or its suffix is none of ``.png``, ``.svg``, ``.pdf``.

    Examples
    --------
    >>> image_format("map.PNG")
    'png'
    >>> image_format("map.docx")
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - cannot tell the image format of 'map.docx': name the file .png, .svg or .pdf @ $.path
    """
    name = checked_path(path)
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ArgumentError("path", f"cannot tell the image format of {quoted(name)}: name the file {', '.join(IMAGE_SUFFIXES[:-1])} or {IMAGE_SUFFIXES[-1]}")
    return suffix[1:]


def save(fig: Figure, path: str | os.PathLike[str], *, dpi: int = 150) -> None:
    """Write *fig* to *path* (PNG, SVG or PDF by the suffix) with the Agg renderer, atomically.

    The whole image is drawn first, then written to a temporary file beside
    *path* and renamed over it: on any failure an existing file is left as it was.

    Raises
    ------
    ArgumentError
        If the suffix of *path* is not ``.png``, ``.svg`` or ``.pdf`` (see
        :func:`image_format`), *fig* is not a figure or *dpi* not a positive number.
    DataError
        If the file cannot be written (a directory, a missing folder...), naming it.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("CHN", "TJK", domain="security")
    0
    >>> path = Path(tempfile.mkdtemp()) / "map.png"
    >>> save(influence_map(g), path)
    >>> path.read_bytes()[:4]
    b'\\x89PNG'
    """
    fmt = image_format(path)
    _require_matplotlib("save")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise ArgumentError("fig", f"expected a matplotlib Figure, not {type(fig).__name__} {fig!r:.40}")
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or not 0 < dpi <= 10_000:
        raise ArgumentError("dpi", f"dpi is a number of dots per inch above 0 and at most 10000, not {dpi!r:.40}")
    if fig.canvas is None or not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)  # attaches itself: file output never needs a display
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi, bbox_inches="tight")
    write_file(path, buffer.getvalue())
