"""Pictures: the influence map and the role-share chart are written as valid PNGs, labelled."""

from __future__ import annotations

import enum
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import pytest
from builders import EV, extended, small

import centralasia as ca

pytest.importorskip("matplotlib")

from centralasia import plot  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """The width and height in a PNG's header, after checking its signature and IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_influence_map_is_written_as_a_png(ds: ca.Dataset, tmp_path: Path) -> None:
    """The default map of the bundled network is a PNG of a sensible size, one panel per domain."""
    fig = plot.influence_map(ca.influence_network(ds), ds)
    assert [a.get_title() for a in fig.axes] == ["security roles", "economic roles", "diplomatic roles"]
    assert fig.get_suptitle() == "Influence in Central Asia by domain"
    path = tmp_path / "map.png"
    plot.save(fig, path, dpi=60)
    width, height = png_size(path)
    assert width > height > 200


def test_influence_map_draws_the_powers_and_the_region(ds: ca.Dataset) -> None:
    """By default the map labels Russia, China and the five Central Asian states, and nothing else."""
    fig = plot.influence_map(ca.influence_network(ds), ds, domains=["security"])
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"RUS", "CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"} <= texts
    assert "SCO" not in texts and "AFG" not in texts


def test_influence_map_of_every_actor(ds: ca.Dataset) -> None:
    """actors='all' also draws the organisations and other states that have edges."""
    fig = plot.influence_map(ca.influence_network(ds), ds, actors="all", panels=False)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert "SCO" in texts and "AFG" in texts


def test_influence_map_titles_the_date_and_scenario(ds: ca.Dataset) -> None:
    """A network built as of a date, under a scenario, says so in the title."""
    g = ca.influence_network(ds, as_of="2016-06", scenario="scn-chinese-security-challenge")
    fig = plot.influence_map(g, ds)
    assert fig.get_suptitle() == "Influence in Central Asia by domain (as of 2016-06, scenario scn-chinese-security-challenge)"


def test_influence_map_into_given_axes() -> None:
    """Given axes, the map draws every domain into them and returns their figure."""
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    g = nx.MultiDiGraph()
    g.add_edge("RUS", "KAZ", domain="security", weight=1.0)
    g.add_edge("CHN", "KAZ", domain="economic", weight=1.0)
    assert plot.influence_map(g, ax=ax, actors="all") is fig
    assert ax.get_legend() is not None


def test_influence_map_refuses_an_unknown_actor(ds: ca.Dataset) -> None:
    """Asking to draw a node the graph lacks raises UnknownIdError."""
    with pytest.raises(ca.UnknownIdError, match="XYZ"):
        plot.influence_map(ca.influence_network(ds), ds, actors=["RUS", "XYZ"])


def test_role_shares_is_written_as_a_png(ds: ca.Dataset, tmp_path: Path) -> None:
    """The role-share chart has a panel per domain, a bar per summary and the baseline labelled."""
    base = ca.role_summary(ds)
    other = ca.role_summary(ds, scenario="scn-chinese-security-challenge")
    fig = plot.role_shares(base, other)
    assert [a.get_title() for a in fig.axes] == ["security", "economic", "diplomatic"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "baseline" and "China challenges" in labels[1]
    leaders = {t.get_text() for t in fig.axes[0].texts}
    assert {"RUS", "CHN"} <= leaders  # the security lead passes from one to the other
    path = tmp_path / "roles.png"
    plot.save(fig, path, dpi=60)
    png_size(path)


def test_role_shares_refuses_mismatched_summaries(ds: ca.Dataset) -> None:
    """Summaries of different powers cannot share a chart."""
    with pytest.raises(ValueError, match="same powers"):
        plot.role_shares(ca.role_summary(ds), ca.role_summary(ds, powers=("RUS", "CHN", "USA")))
    with pytest.raises(ca.ArgumentError, match="at least one"):
        plot.role_shares()


def test_importing_the_package_loads_no_matplotlib() -> None:
    """import centralasia (and centralasia.plot) imports neither matplotlib, pandas nor scipy."""
    code = "import sys, centralasia, centralasia.plot; print(sorted(m for m in ('matplotlib', 'pandas', 'scipy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_plotting_without_matplotlib_names_the_extra() -> None:
    """Where matplotlib is missing, drawing raises MissingDependencyError naming the plot extra."""
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import networkx as nx\n"
        "from centralasia.plot import influence_map\n"
        "try:\n    influence_map(nx.MultiDiGraph())\n"
        "except ImportError as exc:\n    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "influence_map needs matplotlib: pip install 'centralasia[plot]'"


@pytest.fixture(scope="module")
def rob(ds: ca.Dataset) -> ca.Robustness:
    """A small robustness sample of the bundled data (50 draws keep the tests fast)."""
    return ca.robustness(ds, draws=50, seed=1)


def test_robustness_draws_each_tracks_region_readings(rob: ca.Robustness, tmp_path: Path) -> None:
    """One panel per track; per domain, each power's median share with its 5-95% bar, P(lead) above it, and "no claim" where no draw had one."""
    from matplotlib.container import ErrorbarContainer

    fig = plot.robustness_chart(rob)
    assert [a.get_title() for a in fig.axes] == ["assessments", "acts"]
    for axes, track in zip(fig.axes, (ca.Track.ASSESSMENTS, ca.Track.ACTS), strict=True):
        cells = [rob.cells[track, d, None] for d in ca.Domain]
        bars = [c for c in axes.containers if isinstance(c, ErrorbarContainer)]
        expected = [(p, iv) for c in cells for p, iv in c.shares.items()]
        assert len(bars) == len(expected)
        for bar, (_, iv) in zip(bars, expected, strict=True):
            assert list(bar.lines[0].get_ydata()) == pytest.approx([iv.median])
            caps = sorted(y for line in bar.lines[1] for y in line.get_ydata())
            assert caps == pytest.approx([iv.low, iv.high])
        texts = [t.get_text() for t in axes.texts]
        assert texts.count("no claim") == sum(1 for c in cells if not c.shares)
        assert sorted(t for t in texts if t != "no claim") == sorted(f"{c.p_leader(p):.2f}" for c in cells for p in c.shares)
        ticks = [t.get_text() for t in axes.get_xticklabels()]
        for tick, cell in zip(ticks, cells, strict=True):
            assert tick.startswith(cell.point.domain.value)
            assert (f"no leader {cell.p_leader(None):.0%}" in tick) == bool(cell.shares)
    assert any("no claim" in t.get_text() for t in fig.axes[1].texts)  # the acts report no economic leverage
    assert "50 draws, seed 1" in fig.get_suptitle()
    path = tmp_path / "robustness.png"
    plot.save(fig, path, dpi=60)
    width, height = png_size(path)
    assert width > height > 100


def test_robustness_into_given_axes(rob: ca.Robustness) -> None:
    """Given axes and one track, the chart draws that track into them and returns their figure."""
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert plot.robustness_chart(rob, ax=ax, track="acts") is fig
    assert fig.axes == [ax] and ax.get_title() == "acts"
    assert ax.get_legend() is not None


@pytest.mark.parametrize(
    ("track", "given_axes", "needle"),
    [(None, True, "one track at a time"), ("momentum", False, "momentum has no shares"), ("verdicts", False, "unknown track")],
)
def test_robustness_refuses_what_it_cannot_draw(rob: ca.Robustness, track: str | None, given_axes: bool, needle: str) -> None:
    """Given axes without a track, the momentum track or an unknown one: ArgumentError naming the problem."""
    from matplotlib.figure import Figure

    ax = Figure().add_subplot() if given_axes else None
    with pytest.raises(ca.ArgumentError, match=needle):
        plot.robustness_chart(rob, ax=ax, track=track)


@pytest.mark.parametrize("rob", [None, "robustness"])
def test_robustness_chart_refuses_what_is_not_a_robustness(rob: object) -> None:
    """Anything but a Robustness is refused with an ArgumentError naming it."""
    pytest.importorskip("matplotlib")
    with pytest.raises(ca.ArgumentError, match="Robustness"):
        plot.robustness_chart(rob)  # type: ignore[arg-type]


# -- wrong-typed arguments: every public function answers them with an ArgumentError naming the argument --------


class Good(enum.Enum):
    """Stand-ins, in the parameter lists below, for the valid values each test builds (a graph, a summary...)."""

    GRAPH = "graph"
    DATASET = "dataset"
    SUMMARY = "summary"
    ROBUSTNESS = "robustness"
    FIGURE = "figure"
    AXES = "axes"
    PATH = "path"


def _call(fn: Callable[..., object], args: tuple[Any, ...], kwargs: dict[str, Any], field: str, good: dict[Good, object]) -> ca.ArgumentError:
    """Call *fn* with the stand-ins replaced; it must raise an ArgumentError at ``$.<field>`` whose message is one short line."""

    def real(value: object) -> object:
        if isinstance(value, Good):
            return good[value]
        return [real(v) for v in value] if isinstance(value, list) else value

    with pytest.raises(ca.ArgumentError) as info:
        fn(*(real(a) for a in args), **{k: real(v) for k, v in kwargs.items()})
    err = info.value
    assert isinstance(err, ca.FieldError) and isinstance(err, ValueError)
    assert err.field == field, str(err)
    assert len(err.problems) == 1 and len(err.problems[0]) < 240, str(err)
    return err


@pytest.fixture
def good(ds: ca.Dataset, rob: ca.Robustness, tmp_path: Path) -> dict[Good, object]:
    """Valid values for each argument the hostile calls leave alone."""
    from matplotlib.figure import Figure

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_edge("RUS", "KAZ", domain="security", weight=1.0)
    fig = Figure()
    return {
        Good.GRAPH: graph,
        Good.DATASET: ds,
        Good.SUMMARY: ca.role_summary(ds),
        Good.ROBUSTNESS: rob,
        Good.FIGURE: fig,
        Good.AXES: fig.add_subplot(),
        Good.PATH: tmp_path / "out.png",
    }


G, DS, RS, ROB, FIG, AX, PATH = Good.GRAPH, Good.DATASET, Good.SUMMARY, Good.ROBUSTNESS, Good.FIGURE, Good.AXES, Good.PATH

#: (function, positional arguments, keyword arguments, the argument the error must name)
Case = tuple[Callable[..., object], tuple[Any, ...], dict[str, Any], str]

NONE_CASES: list[Case] = [
    (plot.influence_map, (None,), {}, "graph"),
    (plot.role_shares, (None,), {}, "summaries"),
    (plot.role_shares, (RS, None), {}, "summaries"),
    (plot.robustness_chart, (None,), {}, "rob"),
    (plot.save, (None, PATH), {}, "fig"),
    (plot.save, (FIG, None), {}, "path"),
    (plot.save, (FIG, PATH), {"dpi": None}, "dpi"),
    (plot.image_format, (None,), {}, "path"),
]

NUMBER_CASES: list[Case] = [
    (plot.influence_map, (5,), {}, "graph"),
    (plot.influence_map, (G, 5), {}, "ds"),
    (plot.influence_map, (G,), {"actors": 5}, "actors"),
    (plot.influence_map, (G,), {"domains": 5}, "domains"),
    (plot.influence_map, (G,), {"domains": [5]}, "domains"),
    (plot.influence_map, (G,), {"ax": 5}, "ax"),
    (plot.influence_map, (G,), {"title": 5}, "title"),
    (plot.role_shares, (5,), {}, "summaries"),
    (plot.role_shares, (RS,), {"over": 5}, "over"),
    (plot.role_shares, (RS,), {"over": [5]}, "over"),
    (plot.role_shares, (RS,), {"domains": 5}, "domains"),
    (plot.role_shares, (RS,), {"domains": [5]}, "domains"),
    (plot.role_shares, (RS,), {"domains": ["security"], "ax": 5}, "ax"),
    (plot.role_shares, (RS,), {"title": 5}, "title"),
    (plot.robustness_chart, (5,), {}, "rob"),
    (plot.robustness_chart, (ROB,), {"track": "acts", "ax": 5}, "ax"),
    (plot.robustness_chart, (ROB,), {"track": 5}, "track"),
    (plot.save, (5, PATH), {}, "fig"),
    (plot.save, (FIG, 5), {}, "path"),
    (plot.save, (FIG, PATH), {"dpi": -5}, "dpi"),
    (plot.image_format, (5,), {}, "path"),
]

STRING_CASES: list[Case] = [
    (plot.influence_map, ("x",), {}, "graph"),
    (plot.influence_map, (G, "x"), {}, "ds"),
    (plot.influence_map, (G,), {"ax": "x"}, "ax"),
    (plot.role_shares, ("x",), {}, "summaries"),
    (plot.role_shares, (RS,), {"domains": ["x"]}, "domains"),
    (plot.role_shares, (RS,), {"domains": ["security"], "ax": "x"}, "ax"),
    (plot.robustness_chart, ("x",), {}, "rob"),
    (plot.robustness_chart, (ROB,), {"track": "x"}, "track"),
    (plot.robustness_chart, (ROB,), {"track": "acts", "ax": "x"}, "ax"),
    (plot.save, ("x", PATH), {}, "fig"),
    (plot.save, (FIG, "x"), {}, "path"),
    (plot.save, (FIG, PATH), {"dpi": "x"}, "dpi"),
    (plot.image_format, ("x",), {}, "path"),
]

LIST_FOR_SCALAR_CASES: list[Case] = [
    (plot.influence_map, ([G],), {}, "graph"),
    (plot.influence_map, (G, [DS]), {}, "ds"),
    (plot.influence_map, (G,), {"ax": [AX]}, "ax"),
    (plot.influence_map, (G,), {"title": ["a title"]}, "title"),
    (plot.influence_map, (G,), {"panels": [True]}, "panels"),
    (plot.role_shares, ([RS],), {}, "summaries"),
    (plot.role_shares, (RS,), {"domains": ["security"], "ax": [AX]}, "ax"),
    (plot.role_shares, (RS,), {"title": ["a title"]}, "title"),
    (plot.robustness_chart, ([ROB],), {}, "rob"),
    (plot.robustness_chart, (ROB,), {"track": ["acts"]}, "track"),
    (plot.robustness_chart, (ROB,), {"track": "acts", "ax": [AX]}, "ax"),
    (plot.save, ([FIG], PATH), {}, "fig"),
    (plot.save, (FIG, [PATH]), {}, "path"),
    (plot.save, (FIG, PATH), {"dpi": [100]}, "dpi"),
    (plot.image_format, (["map.png"],), {}, "path"),
]

STRING_FOR_ITERABLE_CASES: list[Case] = [
    (plot.influence_map, (G,), {"domains": "security"}, "domains"),
    (plot.influence_map, (G,), {"domains": ca.Domain.SECURITY}, "domains"),
    (plot.influence_map, (G,), {"actors": "RUS"}, "actors"),
    (plot.influence_map, (G,), {"actors": b"RUS"}, "actors"),
    (plot.role_shares, (RS,), {"domains": "security"}, "domains"),
    (plot.role_shares, (RS,), {"domains": ca.Domain.SECURITY}, "domains"),
    (plot.role_shares, (RS,), {"over": b"KAZ"}, "over"),
]

FLAG_CASES: list[Case] = [(plot.influence_map, (G,), {"panels": flag}, "panels") for flag in ("no", "", 1, 0, 1.0, None)]


def _case_id(case: Case) -> str:
    fn, args, kwargs, field = case
    return f"{fn.__name__}-{field}-{args!r:.30}-{kwargs!r:.40}"


@pytest.mark.parametrize("case", NONE_CASES, ids=_case_id)
def test_none_for_a_required_argument_is_an_argument_error(case: Case, good: dict[Good, object]) -> None:
    """None where a graph, summary, robustness, figure, path or dpi is required raises ArgumentError naming it."""
    _call(*case, good)


@pytest.mark.parametrize("case", NUMBER_CASES, ids=_case_id)
def test_a_number_for_any_argument_is_an_argument_error(case: Case, good: dict[Good, object]) -> None:
    """A number where a graph, dataset, list, axes, title, track, figure or path is expected raises ArgumentError naming it."""
    _call(*case, good)


@pytest.mark.parametrize("case", STRING_CASES, ids=_case_id)
def test_a_wrong_string_is_an_argument_error(case: Case, good: dict[Good, object]) -> None:
    """The string "x" where an object, a known name or a number is expected raises ArgumentError naming the argument."""
    _call(*case, good)


@pytest.mark.parametrize("case", LIST_FOR_SCALAR_CASES, ids=_case_id)
def test_a_list_for_a_single_value_is_an_argument_error(case: Case, good: dict[Good, object]) -> None:
    """A list wrapping an otherwise valid single value raises ArgumentError naming the argument."""
    _call(*case, good)


@pytest.mark.parametrize("case", STRING_FOR_ITERABLE_CASES, ids=_case_id)
def test_a_lone_string_for_a_list_is_an_argument_error(case: Case, good: dict[Good, object]) -> None:
    """A lone str, bytes or Domain where a list is expected is refused, never read letter by letter."""
    err = _call(*case, good)
    assert "is a list" in str(err) or "list of" in str(err)


@pytest.mark.parametrize("case", FLAG_CASES, ids=_case_id)
def test_a_flag_is_only_true_or_false(case: Case, good: dict[Good, object]) -> None:
    """panels takes True or False only: a truthy or falsy stand-in ("no", 1, None...) raises ArgumentError."""
    err = _call(*case, good)
    assert "True or False" in str(err)


@pytest.mark.parametrize(
    ("kwargs", "field", "needle"),
    [
        ({"domains": ["cyber"]}, "domains", "unknown domain 'cyber'"),
        ({"domains": []}, "domains", "at least one domain"),
        ({"over": []}, "over", "one state or more"),
        ({"ax": AX}, "domains", "one domain at a time"),
    ],
)
def test_role_shares_refuses_what_it_cannot_draw(kwargs: dict[str, Any], field: str, needle: str, good: dict[Good, object]) -> None:
    """role_shares with an unknown domain, no domains, no states, or axes for several domains raises ArgumentError saying why."""
    err = _call(plot.role_shares, (RS,), kwargs, field, good)
    assert needle in str(err)


def test_role_shares_needs_a_summary() -> None:
    """role_shares() without a summary raises ArgumentError at $.summaries, still a ValueError."""
    with pytest.raises(ca.ArgumentError, match="at least one role summary") as info:
        plot.role_shares()
    assert info.value.field == "summaries" and isinstance(info.value, ValueError)


def test_a_long_bad_value_is_cut_in_the_message(good: dict[Good, object]) -> None:
    """A huge wrong value is quoted in at most 40 characters of its repr, not whole."""
    err = _call(plot.influence_map, (G,), {"title": ["x" * 10_000]}, "title", good)
    assert "x" * 40 not in str(err) and "xxxxxxxxxx" in str(err)


def test_role_shares_draws_into_given_axes_over_chosen_states(ds: ca.Dataset) -> None:
    """Valid arguments still work: one domain (a tuple of Domain) into given axes, over a tuple of states."""
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    summary = ca.role_summary(ds)
    assert plot.role_shares(summary, over=("KAZ", "UZB"), domains=(ca.Domain.SECURITY,), ax=ax) is fig
    assert ax.get_title() == "security" and ax.get_legend() is not None


# -- timeline_chart ----------------------------------------------------------------------


def test_timeline_chart_draws_one_line_per_dated_record(ds: ca.Dataset, tmp_path: Path) -> None:
    """The bundled timeline: one line per dated record, in timeline order, each named by its record's id; saved as a PNG."""
    fig = plot.timeline_chart(ds)
    (axes,) = fig.axes
    assert [line.get_gid() for line in axes.lines] == [e.id for e in ca.timeline(ds)]
    assert axes.get_title() == "Dated records"
    path = tmp_path / "timeline.png"
    plot.save(fig, path, dpi=50)
    assert png_size(path)[1] > 100


def test_timeline_chart_marks_certainty_and_precision(ds: ca.Dataset) -> None:
    """A day is one point, a month or year a bar over its days marked at the middle; stated is a filled circle, reported a hollow square."""
    import matplotlib.dates as mdates

    lines = {line.get_gid(): line for line in plot.timeline_chart(ds).axes[0].lines}
    attack, transition, hq9 = lines["evt-aktobe-attacks-2016"], lines["evt-uzbekistan-transition-2016"], lines["at-chn-tkm-hq9-2015"]
    days: Any = attack.get_xdata()  # matplotlib types data loosely
    spanned: Any = transition.get_xdata()
    assert len(days) == 1 and attack.get_marker() == "o" and attack.get_markerfacecolor() != "white"
    start, _, end = (mdates.date2num(x) for x in spanned)  # type: ignore[no-untyped-call]
    assert end - start == pytest.approx(30)  # September 2016: thirty days
    assert hq9.get_marker() == "s" and hq9.get_markerfacecolor() == "white"


def test_timeline_chart_draws_background_dates_faint_and_marked(ds: ca.Dataset) -> None:
    """A date the article does not give (only background) is drawn faint and its label marked; the article's dates are opaque."""
    from centralasia._timechart import BACKGROUND_ALPHA, BACKGROUND_MARK

    axes = plot.timeline_chart(ds).axes[0]
    lines = {line.get_gid(): line for line in axes.lines}
    assert lines["evt-aktobe-attacks-2016"].get_alpha() == pytest.approx(BACKGROUND_ALPHA)
    assert lines["evt-russian-visit-kaz-2016"].get_alpha() in (None, pytest.approx(1.0))
    labels = [tick.get_text() for tick in axes.get_yticklabels()]
    marked = {e.id for e, label in zip(ca.timeline(ds), labels, strict=True) if label.endswith(f"{BACKGROUND_MARK})")}
    assert marked == {e.id for e in ca.timeline(ds) if e.date_from == "background"}
    assert any(BACKGROUND_MARK in text.get_text() for text in axes.get_legend().get_texts())


def test_timeline_chart_of_a_query_into_given_axes(ds: ca.Dataset) -> None:
    """A timeline (here of Kazakhstan's records) drawn into given axes returns their figure, with the given title."""
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    line = ca.timeline(ds.involving("KAZ"))
    assert plot.timeline_chart(line, ax=ax, title="Kazakhstan") is fig
    assert len(ax.lines) == len(line) > 0 and ax.get_title() == "Kazakhstan"


def test_timeline_chart_of_nothing_dated_says_so() -> None:
    """A dataset without dated records draws no line and says there is none."""
    axes = plot.timeline_chart(ca.Dataset()).axes[0]
    assert not axes.lines and [t.get_text() for t in axes.texts] == ["no dated records"]


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        pytest.param((nx.MultiDiGraph(),), {}, "data", id="a-graph"),
        pytest.param((ca.Dataset(),), {"title": 5}, "title", id="title-a-number"),
        pytest.param((ca.Dataset(),), {"ax": "axes"}, "ax", id="ax-a-string"),
    ],
)
def test_timeline_chart_refuses_what_it_cannot_draw(args: tuple[object, ...], kwargs: dict[str, object], field: str) -> None:
    """Neither a dataset nor a timeline, a title that is no str, axes that are none: ArgumentError at the argument."""
    with pytest.raises(ca.ArgumentError) as info:
        plot.timeline_chart(*args, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_timeline_chart_draws_the_last_year_a_date_can_have(tmp_path: Path) -> None:
    """A date known to the year 9999 (valid data) is drawn as a bar to its last day, not an OverflowError."""
    far = ca.Event(id="last", kind=ca.EventKind.VISIT, title="Far ahead", evidence=EV, date=ca.PartialDate(9999), actors=["RUS"])
    fig = plot.timeline_chart(extended(small(), events=[far]))
    assert "last" in [line.get_gid() for line in fig.axes[0].lines]
    plot.save(fig, tmp_path / "far.png", dpi=40)


def test_charts_show_dollar_signs_in_the_data_as_text(tmp_path: Path) -> None:
    """A "$" in a record's title or an actor's name is text, not matplotlib mathtext (which fails to draw "$x^$")."""
    ds = small()
    states = [attrs.evolve(s, name="Costs $x^$") if s.id == "KAZ" else s for s in ds.states]
    odd = ca.Event(id="odd", kind=ca.EventKind.VISIT, title="Paid $5^ and $", evidence=EV, date=ca.PartialDate(2016), actors=["RUS"])
    data = ca.Dataset(**{**{name: getattr(ds, name) for name in ds.COLLECTIONS}, "states": states, "events": [*ds.events, odd]})
    chart = plot.timeline_chart(data)
    assert any(t.get_text().startswith("Paid") and "$5^" in t.get_text() for t in chart.axes[0].get_yticklabels())
    plot.save(chart, tmp_path / "timeline.png", dpi=40)
    plot.save(plot.influence_map(ca.influence_network(data), data), tmp_path / "map.png", dpi=40)


def test_influence_map_cuts_a_huge_name(tmp_path: Path) -> None:
    """A valid name of thousands of characters is cut below its node: the map keeps its size and draws without a layout warning."""
    import warnings

    ds = small()
    states = [attrs.evolve(s, name="A" * 6000) if s.id == "KAZ" else s for s in ds.states]
    data = ca.Dataset(**{**{name: getattr(ds, name) for name in ds.COLLECTIONS}, "states": states})
    fig = plot.influence_map(ca.influence_network(data), data)
    names = [t.get_text() for a in fig.axes for t in a.texts if t.get_text().startswith("AAA")]
    assert names and all(len(n) <= 48 for n in names)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot.save(fig, tmp_path / "map.png", dpi=40)
