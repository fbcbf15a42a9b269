"""Notebook displays: short one-line reprs, escaped HTML tables, and computed results as typed DataFrames."""

from __future__ import annotations

import html as html_text
import subprocess
import sys
from collections.abc import Callable

import attrs
import pytest
from builders import EV

import centralasia as ca
from centralasia._display import cell
from centralasia.model import Record

#: The longest a repr may be: one line a notebook shows whole.
SHORT = 200


def _short(text: str) -> str:
    assert len(text) <= SHORT and "\n" not in text, text
    return text


def _html(value: object) -> str:
    html: str = value._repr_html_()  # type: ignore[attr-defined]
    assert "<table" in html and "<script" not in html.lower()
    return html


@pytest.fixture(scope="module")
def summary(ds: ca.Dataset) -> ca.RoleSummary:
    """The role summary of the bundled data."""
    return ca.role_summary(ds)


# -- the dataset and its records --------------------------------------------------------


def test_the_bundled_dataset_shows_counts_and_source_in_one_line(ds: ca.Dataset) -> None:
    """``repr(ds)`` is one short line of counts per kind and the source, not every record."""
    text = _short(repr(ds))
    assert text.startswith("<Dataset: ") and f"{len(ds.states)} states" in text and f"{len(ds.claims)} claims" in text
    assert "(bundled article data)" in text


def test_a_dataset_of_ones_own_is_not_called_bundled() -> None:
    """A dataset built by hand says its counts and no bundled source; an empty one says it has no records."""
    ds = ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV)])
    assert repr(ds) == "<Dataset: 1 states>"
    assert repr(ca.Dataset()) == "<Dataset: no records>"


def test_the_dataset_html_is_a_table_of_kinds_and_sources(ds: ca.Dataset) -> None:
    """The HTML has a row per kind with its count, how many rest on the article, and the background sources."""
    html = _html(ds)
    assert f"<tr><td>states</td><td>{len(ds.states)}</td>" in html
    assert "bundled article data" in html and "Background sources:" in html


def test_str_of_a_dataset_and_its_records_is_unchanged(ds: ca.Dataset) -> None:
    """``str()`` still gives every field (the command line and the docs print it); only the repr is short."""
    record = ds["KAZ"]
    assert str(record).startswith("State(id='KAZ', name='Kazakhstan', evidence=(Evidence(") and len(str(record)) > len(repr(record))
    assert str(ds).startswith("Dataset(states=(State(id='KAZ', name='Kazakhstan', evidence=(")
    assert str(ds).count("Evidence(") == sum(len(r.evidence) for r in ds) + sum(len(m.evidence) for o in ds.organizations for m in o.members)


def _first_of_each_kind(ds: ca.Dataset) -> list[Record]:
    return [getattr(ds, name)[0] for name in ds.COLLECTIONS]


@pytest.mark.parametrize("index", range(len(ca.Dataset.COLLECTIONS)), ids=list(ca.Dataset.COLLECTIONS))
def test_every_record_kind_has_a_short_repr_and_a_cited_html_table(ds: ca.Dataset, index: int) -> None:
    """A record's repr names its kind and id in one short line; its HTML lists its fields and cites its evidence by paragraph and anchor."""
    record = _first_of_each_kind(ds)[index]
    assert _short(repr(record)).startswith(f"{type(record).__name__}(id={record.id!r}")
    html = _html(record)
    assert f"<caption>{type(record).__name__}</caption>" in html and "<th>evidence</th>" in html
    cited = next(e for e in record.evidence if not e.is_background)
    assert (f"\u00b6{cited.paragraph}" if cited.paragraph is not None else cited.section.value) in html
    if cited.quote:
        assert html_text.escape(cited.quote[:20], quote=True) in html


def test_a_long_record_repr_is_cut_to_one_short_line() -> None:
    """Long values are cut: a statement with a huge summary still shows in one short line."""
    statement = ca.Statement(id="st", speakers=["p"], summary="x" * 10_000, evidence=EV)
    assert _short(repr(statement)).startswith("Statement(id='st', speakers=('p',), summary='xxx")


def test_text_in_record_html_is_escaped() -> None:
    """A name holding markup shows as text: no tag of it reaches the HTML."""
    state = ca.State(id="KAZ", name="<script>alert('x')</script>", evidence=[ca.Evidence(paragraph=1, quote="<b>bold</b>")])
    html = _html(state)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>" not in html


def test_background_sources_are_escaped_in_the_dataset_html() -> None:
    """A background source's name is text in the dataset's HTML, never markup."""
    background = ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="<img src=x onerror=alert(1)>")
    ds = ca.Dataset(states=[ca.State(id="KAZ", name="Kazakhstan", evidence=[background])])
    html = _html(ds)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert "<tr><td>states</td><td>1</td><td>0</td><td>1</td></tr>" in html


def test_background_sources_are_an_escaped_list_not_a_comma_joined_line() -> None:
    """Each background source is one ``<li>`` of the dataset's HTML: a source's own commas and semicolons never blur where it ends."""
    sources = ["Reuters, 5 June 2016; RFE/RL", "SIPRI <arms> & trade"]
    states = [
        ca.State(id=i, name=i, evidence=[ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source=s)])
        for i, s in zip(("KAZ", "KGZ"), sources, strict=True)
    ]
    html = _html(ca.Dataset(states=states))
    assert "<ul><li>Reuters, 5 June 2016; RFE/RL</li><li>SIPRI &lt;arms&gt; &amp; trade</li></ul>" in html
    assert "RFE/RL, SIPRI" not in html and "<arms>" not in html


# -- computed results -------------------------------------------------------------------------


def test_a_timeline_shows_in_one_short_line_and_an_escaped_table(ds: ca.Dataset) -> None:
    """A timeline and its entries have short reprs (not every entry's attrs text); its HTML lists the entries, labels escaped."""
    line = ca.timeline(ds)
    assert _short(repr(line)) == "<Timeline: 19 dated records, 2015 to 2016-10; 17 undated>"
    assert _short(repr(line.entries[0])) == "<TimelineEntry 2015 arms_transfer at-chn-tkm-hq9-2015 (reported)>"
    event = ca.Event(id="e", kind=ca.EventKind.VISIT, title="<script>x</script>" + "y" * 100_000, evidence=EV, date=ca.PartialDate(2016))
    hostile = ca.timeline(ca.Dataset(events=[event]))
    assert _short(repr(hostile)) and _short(repr(hostile.entries[0]))
    html = _html(hostile)
    assert "&lt;script&gt;x&lt;/script&gt;" in html and len(html) < 2_000
    assert html.count("<tr>") == 2 and "at-chn-tkm-hq9-2015" in _html(line)


def test_a_role_summary_shows_its_leaders_and_a_shares_table(summary: ca.RoleSummary) -> None:
    """The summary's repr names its leaders per domain; its HTML is the shares table with leader and support."""
    assert _short(repr(summary)) == "<RoleSummary RUS, CHN over KAZ, KGZ, TJK, TKM, UZB: leaders security RUS, economic CHN, diplomatic \u2014>"
    html = _html(summary)
    assert "<th>share RUS</th><th>share CHN</th><th>leader</th>" in html
    assert "<tr><td>security</td><td>all</td>" in html and "<td>KAZ</td>" in html


def test_a_comparison_shows_before_and_after(ds: ca.Dataset, summary: ca.RoleSummary) -> None:
    """The comparison's repr gives each domain's leader before and after; its HTML the shares before and after."""
    c = ca.compare(summary, ca.role_summary(ds, scenario="scn-chinese-security-challenge"))
    assert "security RUS\u2192CHN" in _short(repr(c)) and repr(c).startswith("<Comparison scn-chinese-security-challenge against baseline")
    html = _html(c)
    assert "<th>baseline</th><th>scn-chinese-security-challenge</th>" in html and "<caption>leaders (all states pooled)</caption>" in html


def test_an_explanation_shows_its_contributions_with_claims_and_citations(summary: ca.RoleSummary) -> None:
    """The explanation's repr is its share in one line; its HTML lists the records with their claims and paragraphs."""
    e = summary.explain("CHN", "security", over="UZB")
    assert _short(repr(e)).startswith("<Explanation CHN security over UZB: share ")
    html = _html(e)
    assert "<td>at-chn-uzb-hq9-2015</td>" in html and "\u00b6" in html and "c-p08-hq9" in html


def test_weights_show_what_differs_from_the_defaults() -> None:
    """The default weights say so in their repr; changed ones name the changed entries, and the HTML shows the default beside them."""
    assert repr(ca.DEFAULT_WEIGHTS) == "<Weights: the defaults>"
    changed = ca.DEFAULT_WEIGHTS.override(layers={"visit": 2.0})
    assert _short(repr(changed)) == "<Weights: 1 entry changed from the defaults (layers visit)>"
    html = _html(changed)
    assert "<tr><td>layers</td><td>visit</td><td>2.000</td>" in html
    two = changed.override(layers={"meeting": 3.0})
    assert _short(repr(two)).startswith("<Weights: 2 entries changed from the defaults (")


def test_a_timeline_shows_its_span_in_one_line_and_its_records_in_a_table(ds: ca.Dataset) -> None:
    """A timeline's repr gives its count and span (not every entry); its HTML has a row per dated record with date, precision and certainty."""
    line = ca.timeline(ds)
    first, last = line.entries[0], line.entries[-1]
    assert _short(repr(line)) == f"<Timeline: {len(line)} dated records, {first.date} to {last.date}; {len(line.undated)} undated>"
    html = _html(line)
    assert html.count("<tr><td>") == len(line)
    assert f"<td>{first.date}</td><td>{first.precision.value}</td><td>article</td><td>{first.certainty.value}</td>" in html
    aktobe = next(e for e in line if e.id == "evt-aktobe-attacks-2016")
    assert f"<td>{aktobe.date}</td><td>day</td><td>{html_text.escape(aktobe.date_sources[0], quote=False)[:40]}" in html
    assert all(i in html for i in line.undated)


def test_text_in_timeline_html_is_escaped() -> None:
    """A hostile title shows escaped in the timeline's HTML, never as markup."""
    ev = [ca.Evidence(paragraph=1)]
    visit = ca.Event(id="e", kind=ca.EventKind.VISIT, title="<script>x</script>", evidence=ev, date=ca.PartialDate.parse("2016-05"))
    html = _html(ca.timeline(ca.Dataset(events=[visit])))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_readings_show_each_tracks_leaders_and_cells_with_support(ds: ca.Dataset) -> None:
    """The readings' repr gives the leaders per track; the HTML the cells with support and status, and the momentum."""
    r = ca.readings(ds)
    assert "assessments security RUS, economic CHN" in _short(repr(r)) and "acts security CHN" in repr(r)
    html = _html(r)
    assert "<th>support (claims)</th><th>status</th><th>leader</th>" in html and "<caption>momentum</caption>" in html
    assert "<tr><td>assessments</td><td>security</td><td>region (mean)</td><td>0.692</td><td>0.308</td><td>9</td><td>supported</td><td>RUS</td>" in html


def test_robustness_and_scenario_shifts_show_in_one_line_and_a_table(ds: ca.Dataset) -> None:
    """Robustness names its draws and leaders' odds; a scenario shift its leaders before and after; both have tables."""
    rob = ca.robustness(ds, draws=20, seed=1)
    assert _short(repr(rob)).startswith("<Robustness: 20 draws, seed 1")
    assert "<th>P(lead) RUS</th>" in _html(rob)
    shift = ca.scenario_shifts(ds, "scn-beijing-replaces-moscow")
    assert "security RUS\u2192CHN" in _short(repr(shift))
    assert "<th>leader before</th>" in _html(shift)


def test_readings_html_marks_inherited_state_cells_and_labels_the_region_by_its_pooling(ds: ca.Dataset) -> None:
    """A state cell resting only on claims that do not name it says so (``inherited``, the text's ``~``); the region row is
    ``region (mean)`` or ``region (sum)`` as the text has it, never ``all`` (it is the states' mean by default, not all of them)."""
    r = ca.readings(ds)
    html = _html(r)
    assert "<th>inherited</th>" in html and "<td>all</td>" not in html
    inherited = [c for c in r if c.over is not None and c.inherited]
    named = [c for c in r if c.over is not None and not c.inherited and c.status.value != "missing"]
    assert inherited and named
    for c, mark in ((inherited[0], "yes"), (named[0], "no")):
        shares = "".join(f"<td>{cell(c.share(p))}</td>" for p in r.powers)
        leader = cell(c.leader)
        row = f"<tr><td>{c.track.value}</td><td>{c.domain.value}</td><td>{c.over}</td>{shares}<td>{c.support}</td><td>{c.status.value}</td><td>{leader}</td><td>{mark}</td></tr>"
        assert row in html
    assert "<td>region (mean)</td>" in html
    summed = _html(ca.readings(ds, pooling="sum"))
    assert "<td>region (sum)</td>" in summed and "<td>region (mean)</td>" not in summed


def test_robustness_html_says_in_how_many_draws_a_power_has_a_share_and_how_often_two_votes_stood(ds: ca.Dataset) -> None:
    """A share interval over only some draws carries the text's ``in N%``; P(2+) and P(none) are columns, as in ``str()``."""
    rob = ca.robustness(ds, draws=50, seed=1)
    html = _html(rob)
    assert "<th>P(none)</th><th>P(2+)</th>" in html
    partly = [(k, c, p) for k, c in rob.cells.items() for p in c.shares if c.present[p] < 0.995]
    assert partly
    (track, domain, _), c, power = partly[0]
    assert f"<td>{c.shares[power]} in {c.present[power]:.0%}</td>" in html
    assert f"<td>{c.p_leader(None):.3f}</td><td>{c.supported:.3f}</td>" in html
    region = rob.cells[track, domain, None]
    partial = [p for p in rob.point.powers if p in region.shares and region.present[p] < 0.995]
    assert all(f"{region.shares[p]} in {region.present[p]:.0%}" in html and f"in {region.present[p]:.0%}" in str(rob) for p in partial)


def test_role_summary_html_calls_its_summed_weight_a_total_weight_not_support(summary: ca.RoleSummary) -> None:
    """The role summary's summed edge weight is ``total weight`` (``total`` in its frame): "support" counts claims elsewhere, so it never shows here."""
    html = _html(summary)
    assert "<th>leader</th><th>total weight</th>" in html
    assert "support" not in html.lower()
    total = sum(summary.influence(p, "security") for p in summary.powers)
    assert f"<td>RUS</td><td>{total:.3f}</td></tr>" in html


def test_a_scenario_shift_html_says_when_the_lead_changes_by_definition(ds: ca.Dataset) -> None:
    """A full decrease of today's leader changes the lead by definition: the shift's HTML says so in a column and a note, and labels the region ``region``."""
    html = _html(ca.scenario_shifts(ds, "scn-beijing-replaces-moscow"))
    assert "<th>by definition</th>" in html and "<tr><td>security</td><td>region</td>" in html
    assert "<td>CHN</td><td>CHN</td><td>yes</td><td>\u2014</td>" in html and "removes today&#x27;s leader&#x27;s role whole" in html
    assert "by definition:" not in _html(ca.scenario_shifts(ds, "scn-chinese-security-challenge"))


# -- DataFrames --------------------------------------------------------------------------------


def _typed(frame: object) -> None:
    """No column of a result's frame is of Python objects."""
    pytest.importorskip("pandas")
    dtypes = {str(t) for t in frame.dtypes}  # type: ignore[attr-defined]
    assert "object" not in dtypes, dtypes


def test_a_summary_frame_has_a_typed_row_per_share(summary: ca.RoleSummary) -> None:
    """``to_frame()`` gives the summary's rows with typed columns, the same numbers as the summary."""
    pytest.importorskip("pandas")
    frame = summary.to_frame()
    _typed(frame)
    assert len(frame) == len(summary.rows())
    row = frame[(frame["power"] == "CHN") & (frame["domain"] == "security") & (frame["over"] == "TJK")]
    assert row["share"].item() == pytest.approx(summary.share("CHN", "security", over="TJK"))
    assert str(frame["share"].dtype) == "Float64" and str(frame["leader"].dtype) == "boolean"


def test_a_comparison_frame_pools_with_a_missing_state(ds: ca.Dataset, summary: ca.RoleSummary) -> None:
    """A comparison's frame has before, after and delta; the pooled rows have no state."""
    pytest.importorskip("pandas")
    c = ca.compare(summary, ca.role_summary(ds, scenario="scn-chinese-security-challenge"))
    frame = c.to_frame()
    _typed(frame)
    pooled = frame[frame["over"].isna() & (frame["power"] == "CHN") & (frame["domain"] == "security")]
    assert pooled["after"].item() == pytest.approx(c.change("CHN", "security").after)
    assert (frame["delta"] - (frame["after"] - frame["before"])).abs().max() == pytest.approx(0.0)


def test_an_explanation_frame_sums_to_the_influence(summary: ca.RoleSummary) -> None:
    """An explanation's contributions, as a frame, sum to its influence."""
    pytest.importorskip("pandas")
    e = summary.explain("CHN", "security", over="UZB")
    frame = e.to_frame()
    _typed(frame)
    assert frame["weight"].sum() == pytest.approx(e.influence)
    assert "c-p08-hq9" in ";".join(frame["claims"].tolist())


def test_a_readings_frame_keeps_missing_shares_missing(ds: ca.Dataset) -> None:
    """Readings as a frame: one row per cell and power; where no claim speaks the share is missing, not 0."""
    pytest.importorskip("pandas")
    r = ca.readings(ds)
    frame = r.to_frame()
    _typed(frame)
    assert len(frame) == len(list(r)) * len(r.powers)
    kaz = frame[(frame["track"] == "acts") & (frame["domain"] == "security") & (frame["over"] == "KAZ")]
    assert kaz["share"].isna().all() and (kaz["status"] == "missing").all()


def test_robustness_and_shift_frames_are_typed(ds: ca.Dataset) -> None:
    """Robustness and scenario shifts have tidy typed frames with a row per power."""
    pytest.importorskip("pandas")
    rob = ca.robustness(ds, draws=20, seed=1)
    frame = rob.to_frame()
    _typed(frame)
    region = frame[frame["over"].isna() & (frame["track"] == "assessments") & (frame["domain"] == "security") & (frame["power"] == "RUS")]
    assert region["p_leader"].item() == pytest.approx(rob.p_leader("RUS", "security"))
    shift = ca.scenario_shifts(ds, "scn-beijing-replaces-moscow")
    shift_frame = shift.to_frame()
    _typed(shift_frame)
    assert len(shift_frame) == sum(len(r.directions) for r in shift.rows)


RESULTS: list[tuple[str, Callable[[ca.Dataset], object]]] = [
    ("summary", lambda ds: ca.role_summary(ds)),
    ("readings", lambda ds: ca.readings(ds)),
    ("shift", lambda ds: ca.scenario_shifts(ds, "scn-chinese-security-challenge")),
]


@pytest.mark.parametrize("make", [m for _, m in RESULTS], ids=[n for n, _ in RESULTS])
def test_to_frame_of_a_result_is_its_own_frame(ds: ca.Dataset, make: Callable[[ca.Dataset], object]) -> None:
    """``ca.to_frame(result)`` is ``result.to_frame()``; a table name with a result is refused at ``$.table``."""
    pytest.importorskip("pandas")
    result = make(ds)
    assert ca.to_frame(result).equals(result.to_frame())  # type: ignore[arg-type, attr-defined]
    with pytest.raises(ca.ArgumentError) as info:
        ca.to_frame(result, "roles")  # type: ignore[arg-type]
    assert info.value.problems[0].path == "$.table"


def test_to_frame_of_something_else_is_an_argument_error() -> None:
    """Neither a dataset nor a result: our ArgumentError at ``$.ds``."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.to_frame([1, 2], "states")  # type: ignore[arg-type]
    assert info.value.problems[0].path == "$.ds"


def test_a_scenario_frame_reads_every_scenario_in_one_table(ds: ca.Dataset) -> None:
    """``scenario_frame`` has one row per scenario (baseline first), domain and power, with support, leaders and change from baseline."""
    pytest.importorskip("pandas")
    frame = ca.scenario_frame(ds)
    _typed(frame)
    assert len(frame) == (1 + len(ds.scenarios)) * len(ca.Domain) * 2
    assert list(dict.fromkeys(frame["scenario"])) == ["baseline", *(s.id for s in ds.scenarios)]
    base = ca.readings(ds).cell("security")
    row = frame[(frame["scenario"] == "baseline") & (frame["domain"] == "security") & (frame["power"] == "RUS")]
    assert row["share"].item() == pytest.approx(base.share("RUS")) and row["support"].item() == base.support
    shifted = ca.readings(ds, scenario="scn-beijing-replaces-moscow").cell("security")
    row = frame[(frame["scenario"] == "scn-beijing-replaces-moscow") & (frame["domain"] == "security") & (frame["power"] == "CHN")]
    assert row["leader"].item() == shifted.leader == "CHN"
    assert row["change"].item() == pytest.approx(shifted.share("CHN") - base.share("CHN"))


def test_a_scenario_frame_refuses_a_scenario_named_like_the_baseline(ds: ca.Dataset) -> None:
    """A scenario whose id is "baseline" would be told apart from the baseline rows by nothing: a DataError at its id, not a mixed table."""
    pytest.importorskip("pandas")
    renamed = [s if i else attrs.evolve(s, id="baseline") for i, s in enumerate(ds.scenarios)]
    data = ca.Dataset(**{**{name: getattr(ds, name) for name in ds.COLLECTIONS}, "scenarios": renamed})
    with pytest.raises(ca.DataError) as info:
        ca.scenario_frame(data)
    assert [p.path for p in info.value.problems] == ["$.scenarios[0].id"]


def test_a_readings_frame_has_one_unit_per_column(ds: ca.Dataset) -> None:
    """``score`` is a summed tier weight only: on state rows, and on the region row with ``pooling="sum"``; a mean-pooled region
    row, whose numbers are mean shares, has ``score`` missing and its share in ``share``."""
    pytest.importorskip("pandas")
    r = ca.readings(ds)
    frame = r.to_frame()
    region = frame[frame["over"].isna()]
    assert region["score"].isna().all() and region["share"].notna().any()
    kaz = frame[(frame["track"] == "assessments") & (frame["domain"] == "security") & (frame["over"] == "KAZ")].set_index("power")
    assert kaz["score"].to_dict() == pytest.approx(dict(r.cell("security", "KAZ").scores))
    assert kaz["score"].sum() > 1.0  # weights, not shares
    summed = ca.readings(ds, pooling="sum")
    row = summed.to_frame()
    row = row[row["over"].isna() & (row["track"] == "assessments") & (row["domain"] == "security")].set_index("power")
    assert row["score"].to_dict() == pytest.approx(dict(summed.cell("security").scores))
    assert row["score"].sum() == pytest.approx(sum(sum(summed.cell("security", s).scores.values()) for s in summed.states))


def test_a_scenario_frame_flags_assumed_effects_and_changes_by_definition(ds: ca.Dataset) -> None:
    """Rows a scenario's assumed effects touch say so; a leader that changes by definition (the old leader's role removed whole)
    is ``definitional`` with status ``by definition``, not ``supported`` by claims that name the old leader; the docstring says
    the region row is the states' mean and the magnitudes are assumptions, the breakeven what to read."""
    pytest.importorskip("pandas")
    frame = ca.scenario_frame(ds)
    _typed(frame)
    assumed = {(s.id, e.domain.value) for s in ds.scenarios for e in s.effects if e.assumed}
    assert assumed
    flagged = set(zip(frame.loc[frame["assumed_effects"], "scenario"], frame.loc[frame["assumed_effects"], "domain"], strict=True))
    assert flagged == assumed
    row = frame[(frame["scenario"] == "scn-beijing-replaces-moscow") & (frame["domain"] == "security") & (frame["power"] == "CHN")]
    assert row["leader"].item() == "CHN" and row["status"].item() == "by definition" and bool(row["definitional"].item())
    assert ca.scenario_shifts(ds, "scn-beijing-replaces-moscow").row("security").definitional
    rest = frame[~frame["definitional"]]
    assert set(rest["status"]) <= {"supported", "insufficient", "missing"}
    assert not frame.loc[frame["scenario"] == "baseline", ["assumed_effects", "definitional"]].any().any()
    assert "score" not in frame.columns  # the region row is a mean of shares: no summed weight to show
    doc = " ".join((ca.scenario_frame.__doc__ or "").split())
    assert "the states pooled" not in doc and "equal-weight mean" in doc
    assert "DEFAULT_MAGNITUDES" in doc and "illustrations" in doc and "breakeven" in doc


def test_result_frames_without_pandas_name_the_extra() -> None:
    """Where pandas is missing, a result's to_frame raises MissingDependencyError naming the extra."""
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import centralasia as ca\n"
        "try:\n    ca.role_summary(ca.load()).to_frame()\n"
        "except ca.MissingDependencyError as exc:\n    print(isinstance(exc, ImportError), exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True RoleSummary.to_frame needs pandas: pip install 'centralasia[pandas]'"


# -- the summary's records ------------------------------------------------------------------------


def test_a_summary_keeps_a_reference_to_streamed_records_not_a_copy(ds: ca.Dataset) -> None:
    """A summary holds the caller's sequence itself (no copy) and still explains and reads through it."""
    feed = [
        ca.ArmsTransfer(
            id=f"feed-{i}",
            supplier="CHN",
            recipient="KAZ",
            designation="HQ-9",
            description="",
            category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS,
            evidence=[ca.Evidence(paragraph=8)],
        )
        for i in range(3)
    ]
    s = ca.role_summary(ds, records=feed)
    assert s.query.records is feed
    assert {c.record for c in s.explain("CHN", "security", over="KAZ").contributions} >= {"feed-0", "feed-1", "feed-2"}
    assert s.readings().powers == ("RUS", "CHN")
