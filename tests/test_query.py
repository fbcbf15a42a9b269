"""The dataset's queries (filter, involving, between, of_kind) and the timeline of dated records."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
import strategies as cs
from builders import EV, extended, small
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia.model._dataset import references
from centralasia.timelines import COLUMNS

EVENT_AT_VISIT = ca.Statement(id="st-at-visit", speakers=["envoy"], summary="Said at the visit", evidence=EV, occasion="visit")


def _ids(ds: ca.Dataset) -> list[str]:
    return list(ds.ids)


# -- filter ------------------------------------------------------------------------------


def test_filter_keeps_what_the_kept_records_name() -> None:
    """A kept record comes whole: the actors it names come along, and nothing else does."""
    kept = small().filter(lambda r: r.id == "at-rus-kaz")
    assert _ids(kept) == ["RUS", "KAZ", "at-rus-kaz"]
    assert kept["at-rus-kaz"] == small()["at-rus-kaz"]


def test_filter_follows_references_however_far() -> None:
    """A statement brings its speaker, the speaker's state, its occasion and the occasion's actors and host."""
    ds = extended(small(), statements=[EVENT_AT_VISIT])
    assert _ids(ds.filter(lambda r: r.id == "st-at-visit")) == ["RUS", "CHN", "TJK", "envoy", "visit", "st-at-visit"]


def test_filter_brings_the_claims_evidence_rests_on(ds: ca.Dataset) -> None:
    """Every claim a kept record's evidence cites is kept, and the result is a valid dataset for the analyses."""
    kept = ds.filter(lambda r: isinstance(r, ca.Role))
    cited = {e.claim for r in ds.roles for e in r.evidence if e.claim is not None}
    assert cited and cited <= {c.id for c in kept.claims}
    assert len(kept.roles) == len(ds.roles)
    assert ca.role_summary(kept).rows()


def test_filter_not_closed_refuses_a_dangling_reference() -> None:
    """``closed=False`` keeps only what *keep* accepts, and a dangling reference is a DataError at its path."""
    with pytest.raises(ca.DataError) as info:
        small().filter(lambda r: r.id == "at-rus-kaz", closed=False)
    assert [p.path for p in info.value.problems] == ["$.arms_transfers[0].supplier", "$.arms_transfers[0].recipient"]
    assert _ids(small().filter(lambda r: isinstance(r, ca.State), closed=False)) == ["RUS", "CHN", "KAZ", "TJK", "USA"]


def test_filter_refuses_a_closed_that_is_not_a_bool() -> None:
    """``closed`` is True or False: anything else is an ArgumentError at $.closed."""
    with pytest.raises(ca.ArgumentError, match=r"\$\.closed"):
        small().filter(lambda r: True, closed="no")  # type: ignore[arg-type]


@given(cs.datasets(max_per_collection=2), st.data())
def test_filter_keeps_exactly_the_accepted_records_and_their_references(ds: ca.Dataset, data: st.DataObject) -> None:
    """Every accepted record is kept unchanged; every other record kept is named by a kept one; the result checks."""
    chosen = set(data.draw(st.sets(st.sampled_from(_ids(ds)))) if len(ds) else set())
    kept = ds.filter(lambda r: r.id in chosen)
    assert chosen <= set(kept.ids)
    assert all(kept[i] == ds[i] for i in kept.ids)
    named = {ref for r in kept for _, ref, _ in references(r)} | {e.claim for r in kept for e in r.evidence if e.claim}
    assert set(kept.ids) - chosen <= named


# -- involving ---------------------------------------------------------------------------


def test_involving_an_actor_keeps_the_records_it_takes_part_in() -> None:
    """Kazakhstan: its transfers, the attack on it, and (through the grouping Central Asia) the guarantor role and the statement about the region."""
    kaz = small().involving("KAZ")
    assert [r.id for r in kaz if not isinstance(r, (ca.State, ca.Organization, ca.Person))] == ["at-rus-kaz", "at-chn-kaz", "attack", "st", "guarantor"]
    assert "visit" not in kaz.ids and "ag-chn-tjk" not in kaz.ids


def test_involving_a_grouping_asks_for_any_member() -> None:
    """Central Asia involves Tajikistan's agreement and visit as well as Kazakhstan's records."""
    region = small().involving("ca")
    assert {"visit", "ag-chn-tjk", "attack", "at-rus-kaz"} <= set(region.ids)
    assert set(region.ids) == set(small().involving("KAZ", "TJK").ids)


def test_an_organisation_is_an_actor_of_its_own() -> None:
    """A record naming the club does not involve the club's members; the club's own record involves them."""
    meeting = ca.Event(id="meeting", kind=ca.EventKind.MEETING, title="A meeting", evidence=EV, organization="club")
    ds = extended(small(), events=[meeting])
    assert "meeting" in ds.involving("club").ids and "meeting" not in ds.involving("KAZ").ids
    assert "club" in ds.involving("KAZ").ids


def test_places_do_not_involve_their_state() -> None:
    """An event in Kazakhstan naming no Kazakh actor does not involve Kazakhstan."""
    far = ca.Event(id="far", kind=ca.EventKind.MEETING, title="Far", evidence=EV, actors=["USA"], place=ca.Place(name="Astana", state="KAZ"))
    ds = extended(small(), events=[far])
    assert "far" not in ds.involving("KAZ").ids and "far" in ds.involving("USA").ids


def test_a_statement_involves_its_speakers_states() -> None:
    """China's envoy speaking makes the statement involve China."""
    assert "st" in small().involving("CHN").ids
    assert "st" not in small().involving("RUS").ids


def test_involving_on_the_bundled_data(ds: ca.Dataset) -> None:
    """Every attack on Kazakhstan is in its records; the result is a dataset role_summary reads."""
    kaz = ds.involving("KAZ")
    assert {"evt-aktobe-attacks-2016", "evt-almaty-attack-2016", "evt-russian-visit-kaz-2016"} <= {e.id for e in kaz.events}
    assert "evt-russian-visit-tjk-2016" not in kaz.ids
    assert ca.role_summary(kaz).states == ("KAZ", "KGZ", "TJK", "TKM", "UZB")


@pytest.mark.parametrize(
    ("actors", "error", "path"),
    [
        pytest.param(("XYZ",), ca.UnknownIdError, None, id="unknown"),
        pytest.param(("envoy",), ca.UnknownIdError, None, id="a-person"),
        pytest.param((), ca.ArgumentError, "$.actors", id="none"),
        pytest.param(("KAZ", 5), ca.ArgumentError, "$.actors[1]", id="a-number"),
    ],
)
def test_involving_refuses_what_is_no_actor(actors: tuple[object, ...], error: type[Exception], path: str | None) -> None:
    """An id naming no state or organisation is an UnknownIdError; no actor or a non-string an ArgumentError at its place."""
    with pytest.raises(error) as info:
        small().involving(*actors)  # type: ignore[arg-type]
    if path is not None:
        assert path in str(info.value)


def _reach(ds: ca.Dataset, actor: str) -> set[str]:
    """*actor* and everything reached from it through state groupings' memberships."""
    out, stack = set(), [actor]
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            record = ds.get(current)
            if isinstance(record, ca.Organization) and record.kind is ca.OrganizationKind.STATE_GROUPING:
                stack.extend(record.member_ids())
    return out


def _named(ds: ca.Dataset, record: ca.Record) -> set[str]:
    """The actors *record* names, from the reference walk: places aside, speakers by their state."""
    named = {
        ref for path, ref, _ in references(record) if ".place" not in path and ".seat" not in path and isinstance(ds.get(ref), (ca.State, ca.Organization))
    }
    if isinstance(record, ca.Statement):
        named |= {p.state for p in map(ds.get, record.speakers) if isinstance(p, ca.Person) and p.state is not None}
    return named | ({record.id} if isinstance(record, (ca.State, ca.Organization)) else set())


@given(cs.datasets(max_per_collection=2), st.data())
def test_involving_keeps_every_record_naming_the_actor_and_no_unrelated_one(ds: ca.Dataset, data: st.DataObject) -> None:
    """A record naming the actor (or a grouping reaching it) is kept; one naming nothing that reaches it is kept only when another kept record names it."""
    if not ds.actors:
        return
    members = [m.member for o in ds.organizations for m in o.members]  # the actors groupings and organisations make interesting
    actor = data.draw(st.sampled_from(members or [a.id for a in ds.actors]))
    result = ds.involving(actor)
    target = _reach(ds, actor)
    for record in ds:
        reaches = any(_reach(ds, n) & target for n in _named(ds, record))
        if reaches:
            assert record.id in result.ids, record.id
        elif record.id in result.ids:
            assert any(record.id == ref for r in result for _, ref, _ in references(r)), record.id


# -- between -----------------------------------------------------------------------------


def test_between_keeps_what_can_fall_in_the_range() -> None:
    """February to April 2016 overlaps the agreement, the visit and the transfer dated only "2016"; within it, not the transfer."""
    ds = small()
    assert [r.id for r in ds.between("2016-02", "2016-04") if isinstance(r, (ca.Agreement, ca.ArmsTransfer, ca.Event))] == ["ag-chn-tjk", "at-chn-kaz", "visit"]
    assert [r.id for r in ds.between("2016-02", "2016-04", match="within") if isinstance(r, (ca.Agreement, ca.ArmsTransfer, ca.Event))] == [
        "ag-chn-tjk",
        "visit",
    ]


def test_between_a_year_is_every_day_of_it() -> None:
    """ "2016" to "2016" runs from 1 January to 31 December; an open bound leaves that side open."""
    ds = small()
    year = {r.id for r in ds.between("2016", "2016") if isinstance(r, (ca.ArmsTransfer, ca.Event, ca.Agreement))}
    assert year == {"at-chn-kaz", "ag-chn-tjk", "visit", "attack"}
    assert {t.id for t in ds.between(end="2015-12-31").arms_transfers} == {"at-rus-kaz"}
    assert {t.id for t in ds.between(start=dt.date(2016, 6, 5)).events} == {"attack"}


def test_between_leaves_undated_records_out_unless_asked() -> None:
    """The undated statement and role are out by default, in with ``undated=True``."""
    ds = small()
    assert "st" not in ds.between("2016").ids and "guarantor" not in ds.between("2016").ids
    assert {"st", "guarantor", "visit"} <= set(ds.between("2016-04", "2016-04", undated=True).ids)
    assert "attack" not in ds.between("2016-04", "2016-04", undated=True).ids


def test_a_statement_is_dated_by_its_occasion() -> None:
    """An undated statement made at the visit falls in April 2016, as the visit does."""
    ds = extended(small(), statements=[EVENT_AT_VISIT])
    assert "st-at-visit" in ds.between("2016-04", "2016-04").ids and "st-at-visit" not in ds.between("2016-05").ids


def test_a_role_is_dated_by_its_beginning() -> None:
    """A role since 2016-02 is in February 2016 and not in 2015."""
    role = ca.Role(
        id="partner",
        actor="CHN",
        role=ca.RoleKind.SECURITY_GUARANTOR,
        domain=ca.Domain.SECURITY,
        over=["TJK"],
        summary="Partner",
        evidence=EV,
        since=ca.PartialDate(2016, 2),
    )
    ds = extended(small(), roles=[role])
    assert "partner" in ds.between("2016-02", "2016-02").ids and "partner" not in ds.between("2015", "2015").ids


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        pytest.param({"start": "2016-13"}, "$.start", id="bad-start"),
        pytest.param({"end": 2016}, "$.end", id="a-number"),
        pytest.param({"start": "2016-06", "end": "2016-05"}, "$.end", id="ends-before-it-starts"),
        pytest.param({"match": "inside"}, "$.match", id="bad-match"),
        pytest.param({"undated": "yes"}, "$.undated", id="undated-not-a-bool"),
    ],
)
def test_between_refuses_bad_bounds(kwargs: dict[str, object], path: str) -> None:
    """A bound that is no date, a range ending before it starts, an unknown match: ArgumentError at the argument."""
    with pytest.raises(ca.ArgumentError) as info:
        small().between(**kwargs)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == [path]


_DATED = (ca.Agreement, ca.ArmsTransfer, ca.Role)  # dated kinds no record of cs.datasets() names


def _chosen(ds: ca.Dataset) -> set[str]:
    return {r.id for r in ds if isinstance(r, _DATED)}


@given(cs.datasets(max_per_collection=3), st.data())
def test_between_splits_at_a_day(ds: ca.Dataset, data: st.DataObject) -> None:
    """Before and after a day: ``within`` never keeps a record on both sides, ``overlaps`` keeps every dated one on one side at least."""
    line = ca.timeline(ds)
    dated = {e.id for e in line if isinstance(ds[e.id], _DATED)}
    spans = [(e.earliest, e.latest) for e in line] or [(dt.date(2016, 1, 1), dt.date(2016, 12, 31))]
    first, last = data.draw(st.sampled_from(spans))  # split inside a record's span: where the two matches differ
    day = first + dt.timedelta(days=data.draw(st.integers(0, (last - first).days)))
    if day > dt.date.min:
        before = day - dt.timedelta(days=1)
        within = _chosen(ds.between(end=before, match="within")), _chosen(ds.between(start=day, match="within"))
        overlapping = _chosen(ds.between(end=before)), _chosen(ds.between(start=day))
        assert not within[0] & within[1]
        assert overlapping[0] | overlapping[1] == dated
        assert within[0] <= overlapping[0] and within[1] <= overlapping[1]
    assert _chosen(ds.between(match="within")) == dated == _chosen(ds.between())
    assert _chosen(ds.between(undated=True)) == _chosen(ds)


# -- of_kind -----------------------------------------------------------------------------


def test_of_kind_keeps_the_records_of_those_classes() -> None:
    """Events, with the actors they name; events and roles together."""
    events = small().of_kind(ca.Event)
    assert _ids(events) == ["RUS", "KAZ", "TJK", "isis", "visit", "attack"]
    assert {r.id for r in small().of_kind(ca.Event, ca.Role) if isinstance(r, (ca.Event, ca.Role))} == {"visit", "attack", "guarantor"}


@pytest.mark.parametrize("kinds", [(), ("Event",), (int,), (ca.Evidence,)], ids=["none", "a-name", "int", "a-value-class"])
def test_of_kind_refuses_what_is_no_record_class(kinds: tuple[object, ...]) -> None:
    """No kind, a name or a class that is no record class: ArgumentError."""
    with pytest.raises(ca.ArgumentError):
        small().of_kind(*kinds)  # type: ignore[arg-type]


def test_queries_compose() -> None:
    """Kazakhstan's records of 2016 are the same asked either way round, and their events are the attack only."""
    ds = small()
    one, other = ds.involving("KAZ").between("2016"), ds.between("2016").involving("KAZ")
    assert one == other
    assert [e.id for e in one.of_kind(ca.Event).events] == ["attack"]


# -- the timeline ------------------------------------------------------------------------


def test_timeline_of_the_bundled_data(ds: ca.Dataset) -> None:
    """Every dated record once, in date order, with its own date and certainty; the undated ones listed apart."""
    line = ca.timeline(ds)
    assert [e.earliest for e in line] == sorted(e.earliest for e in line)
    assert len({e.id for e in line}) == len(line) == 19
    for entry in line:
        record = ds[entry.id]
        assert isinstance(record, (ca.Agreement, ca.ArmsTransfer, ca.Event, ca.Statement, ca.Role))
        assert entry.certainty is record.certainty
        assert entry.date == getattr(record, "date", None) or entry.date == getattr(record, "since", None)
    assert {"evt-taliban-afghan-tajik-border", "role-rus-security-guarantor"} <= set(line.undated)
    assert not set(line.undated) & {e.id for e in line}


def test_timeline_entries_say_their_precision_and_source() -> None:
    """An arms transfer is dated by its year, a statement by its occasion, an event by its day."""
    line = ca.timeline(extended(small(), statements=[EVENT_AT_VISIT]))
    by_id = {e.id: e for e in line}
    assert (by_id["at-rus-kaz"].dated_by, by_id["at-rus-kaz"].precision) == ("year", ca.Precision.YEAR)
    assert (by_id["st-at-visit"].dated_by, str(by_id["st-at-visit"].date)) == ("occasion", "2016-04-06")
    assert (by_id["attack"].kind, by_id["attack"].actors, by_id["attack"].paragraphs) == ("event", ("isis", "KAZ"), (1,))
    assert by_id["at-chn-kaz"].certainty is ca.Certainty.REPORTED
    assert line.undated == ("st", "guarantor")


def test_a_date_only_background_gives_is_marked_and_the_article_view_drops_it(ds: ca.Dataset) -> None:
    """A record whose date field only background evidence supports says so (date_from, date_sources); one the article dates says "article"; article_only() keeps only the article's dates."""
    line = ca.timeline(ds)
    for entry in line:
        record = ds[entry.id]
        owner = ds[record.occasion] if entry.dated_by == "occasion" and isinstance(record, ca.Statement) and record.occasion else record
        field = "date" if entry.dated_by == "occasion" else entry.dated_by
        sources = [e.source for e in owner.evidence if e.is_background and field in e.fields]
        assert entry.date_sources == tuple(dict.fromkeys(sources)), entry.id
        assert entry.date_from == ("background" if sources else "article"), entry.id
    by_id = {e.id: e for e in line}
    assert by_id["evt-aktobe-attacks-2016"].date_from == "background"  # the article calls the attacks "recent"
    assert by_id["evt-brics-summit-2016"].date_from == "article"
    article = ca.timeline(ds.article_only())
    assert all(e.date_from == "article" for e in article)
    assert {e.id for e in article} == {e.id for e in line if e.date_from == "article"}
    row = next(r for r in line.rows() if r["id"] == "evt-aktobe-attacks-2016")
    assert row["date_from"] == "background" and row["date_sources"] and "Aktobe" in row["date_sources"][0]


def test_timeline_rows_and_frame() -> None:
    """The rows have the columns in order; the frame is indexed by id with dates as timestamps."""
    line = ca.timeline(small())
    rows = line.rows()
    assert all(tuple(row) == COLUMNS for row in rows)
    assert rows[0]["date"] == "2015" and rows[0]["earliest"] == dt.date(2015, 1, 1) and rows[0]["latest"] == dt.date(2015, 12, 31)
    pd = pytest.importorskip("pandas")
    frame = line.to_frame()
    assert list(frame.index) == [e.id for e in line]
    assert frame.loc["ag-chn-tjk", "precision"] == "month"
    assert frame.loc["ag-chn-tjk", "latest"] == pd.Timestamp(2016, 2, 29)
    assert frame.loc["ag-chn-tjk", "date_sources"] == () and isinstance(frame.loc["ag-chn-tjk", "actors"], tuple)  # tuples stay tuples
    assert str(frame["precision"].dtype) == "string" and str(frame["earliest"].dtype) == "datetime64[s]"


def test_timeline_frame_needs_pandas() -> None:
    """Where pandas is missing, Timeline.to_frame raises MissingDependencyError naming the extra."""
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import centralasia as ca\n"
        "try:\n    ca.timeline(ca.load()).to_frame()\n"
        "except ca.MissingDependencyError as exc:\n    print(isinstance(exc, ImportError), exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("True") and "pandas" in out


def test_timeline_refuses_what_is_no_dataset() -> None:
    """``timeline([])`` is an ArgumentError at $.ds."""
    with pytest.raises(ca.ArgumentError, match=r"\$\.ds"):
        ca.timeline([])  # type: ignore[arg-type]


def test_an_empty_timeline() -> None:
    """A dataset without dated records has an empty timeline and no rows."""
    line = ca.timeline(ca.Dataset())
    assert len(line) == 0 and line.rows() == [] and line.undated == ()


def test_timeline_frame_holds_every_year_a_date_can_have() -> None:
    """Dates from year 1 to 9999 are valid data: the frame holds them as timestamps, not an out-of-bounds error."""
    pd = pytest.importorskip("pandas")
    far = [
        ca.Event(id="first", kind=ca.EventKind.VISIT, title="Long ago", evidence=EV, date=ca.PartialDate(1, 1, 1), actors=["RUS"]),
        ca.Event(id="last", kind=ca.EventKind.VISIT, title="Far ahead", evidence=EV, date=ca.PartialDate(9999), actors=["RUS"]),
    ]
    frame = ca.timeline(extended(small(), events=far)).to_frame()
    assert frame.loc["first", "earliest"] == pd.Timestamp(1, 1, 1)
    assert frame.loc["last", "latest"] == pd.Timestamp(9999, 12, 31)
    assert frame["earliest"].is_monotonic_increasing
