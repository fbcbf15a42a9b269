"""A dependent's use of the public API, every type stated with ``assert_type`` (checked, not run, by the tests)."""

from __future__ import annotations

from typing import assert_type

import networkx as nx

import centralasia as ca
from centralasia.export import TABLES, TableName
from centralasia.network import Measure

ev = [ca.Evidence(paragraph=1, quote="Central Asia")]
background = [ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="a public source", fields=["cow_code"])]

# -- every record kind, by keyword, lists where tuples are stored -------------------------------

kaz = ca.State(id="KAZ", name="Kazakhstan", evidence=ev, cow_code=705, region=ca.Region.CENTRAL_ASIA, aliases=["Astana"])
rus = ca.State(id="RUS", name="Russia", evidence=ev + background, cow_code=365)
chn = ca.State(id="CHN", name="China", evidence=ev)
membership = ca.Membership(member="KAZ", evidence=ev, since=ca.PartialDate(2001, 6))
sco = ca.Organization(
    id="sco",
    name="Shanghai Cooperation Organisation",
    kind=ca.OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION,
    evidence=ev,
    members=[membership],
    seat=ca.Place(name="Beijing", state="CHN"),
)
person = ca.Person(id="putin", name="Vladimir Putin", position="President", evidence=ev, state="RUS", affiliations=["RUS"])
agreement = ca.Agreement(
    id="agr",
    title="A treaty",
    kind=ca.AgreementKind.BILATERAL_AGREEMENT,
    domain=ca.Domain.SECURITY,
    parties=["KAZ", "RUS"],
    evidence=ev,
    date=ca.PartialDate.parse("2016-02"),
)
transfer = ca.ArmsTransfer(
    id="hq9",
    supplier="CHN",
    recipient="KAZ",
    designation="HQ-9",
    description="air defence",
    category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS,
    evidence=ev,
    year=2016,
)
event = ca.Event(id="visit", kind=ca.EventKind.VISIT, title="A visit", evidence=ev, actors=["RUS"], host="KAZ")
statement = ca.Statement(id="said", speakers=["putin"], summary="Said so.", evidence=ev, on_behalf_of=["RUS"], occasion="visit")
role = ca.Role(id="role", actor="RUS", role=ca.RoleKind.SECURITY_GUARANTOR, domain=ca.Domain.SECURITY, over=["KAZ"], summary="Protects.", evidence=ev)
claim = ca.Claim(id="claim", kind=ca.ClaimKind.ASSESSMENT, summary="Russia leads.", evidence=ev, actors=["RUS"], certainty=ca.Certainty.ASSESSED)
effect = ca.Effect(actor="CHN", domain=ca.Domain.SECURITY, direction=ca.Direction.INCREASE, description="China gains.", over=["KAZ"])
condition = ca.Condition(description="If China moves.", actors=["CHN"])
scenario = ca.Scenario(
    id="scn",
    title="China moves",
    horizon=ca.Horizon.LONG_TERM,
    outcome="China leads.",
    evidence=[ca.Evidence(section=ca.Section.TITLE)],
    conditions=[condition],
    effects=[effect],
)
assert_type(scenario.effects, tuple[ca.Effect, ...])
assert_type(kaz.aliases, tuple[str, ...])
assert_type(sco.members, tuple[ca.Membership, ...])

# -- Dataset: typed collections, lookup by kind, the container protocol -----------------------

ds = ca.Dataset(
    states=[kaz, rus, chn],
    organizations=[sco],
    people=[person],
    agreements=[agreement],
    arms_transfers=[transfer],
    events=[event],
    statements=[statement],
    roles=[role],
    scenarios=[scenario],
    claims=[claim],
)
assert_type(ds.states, tuple[ca.State, ...])
assert_type(ds.lookup(ca.State, "KAZ"), ca.State)
assert_type(ds.lookup(ca.State, "KAZ").cow_code, int | None)
assert_type(ds["KAZ"], ca.Record)
assert_type(ds.get("nope"), ca.Record | None)
assert_type(ds.of_type(ca.Event), tuple[ca.Event, ...])
assert_type("KAZ" in ds.ids, bool)
assert_type(kaz in ds, bool)
assert_type(list(ds), list[ca.Record])
assert_type(ds.actors, tuple[ca.State | ca.Organization, ...])
assert_type(ds.merge(ca.Dataset()).article_only(), ca.Dataset)
bundled: ca.Dataset = ca.load()

# -- JSON ------------------------------------------------------------------------------------

text = ca.dumps(ds)
assert_type(text, str)
assert_type(ca.loads(text), ca.Dataset)
assert_type(ca.loads(ca.dumps(kaz), ca.State), ca.State)
mine = ca.make_converter()
assert_type(ca.loads(text, converter=mine), ca.Dataset)
assert_type(ca.dumps(kaz, converter=mine), str)
ca.configure_converter(mine)
assert_type(ca.load("mine.json", converter=mine), ca.Dataset)

# -- extend with records of one's own ----------------------------------------------------------

mng = ca.State(id="MNG", name="Mongolia", evidence=ev)
assert_type(ca.extend(bundled, {"states": [mng]}), ca.Dataset)

# -- networks: typed graphs -------------------------------------------------------------------

graph = ca.influence_network(ds, as_of="2016-12-31")
assert_type(graph, nx.MultiDiGraph[str])
assert_type(ca.weighted_network(ds), nx.DiGraph[str])
assert_type(ca.collapse(graph, domain=ca.Domain.SECURITY), nx.DiGraph[str])
measure: Measure = "pagerank"
assert_type(ca.influence_scores(graph, measure), dict[str, float])
for u, v in graph.edges():
    assert_type((u, v), tuple[str, str])
relations = list(ca.relations(bundled))
assert_type(relations, list[ca.Relation])

# -- role summaries and what comes of them ---------------------------------------------------

summary = ca.role_summary(bundled)
assert_type(summary, ca.RoleSummary)
assert_type(summary.leader("security"), str | None)
assert_type(summary.shares(ca.Domain.ECONOMIC), dict[str, float])
assert_type(summary.share("RUS", "security", over="KAZ"), float)
assert_type(summary.balance(), float)
assert_type(summary.leaders(), dict[ca.Domain, str | None])
explanation = summary.explain("CHN", "security")
assert_type(summary.readings(), ca.Readings)
assert_type(summary.agreement_with_article(), ca.ArticleCheck)

# -- scenarios ---------------------------------------------------------------------------------

own = ca.make_scenario("scn-mine", [effect], title="Mine")
assert_type(own, ca.Scenario)
shifted = ca.role_summary(bundled, scenario="scn-detente-with-west")
comparison = ca.compare(summary, shifted)
assert_type(comparison, ca.Comparison)
assert_type(comparison.text(), str)
assert_type(list(ca.apply_scenario(bundled, "scn-detente-with-west", ca.relations(bundled))), list[ca.Relation])

# -- readings ---------------------------------------------------------------------------------

reading = ca.readings(bundled, pooling=ca.Pooling.MEAN)
assert_type(reading, ca.Readings)
assert_type(reading.leader("security", track=ca.Track.ASSESSMENTS), str | None)
assert_type(reading.cell("security"), ca.Cell)
assert_type(ca.votes(bundled), tuple[ca.Vote, ...])
assert_type(ca.robustness(bundled, draws=10, seed=1), ca.Robustness)
assert_type(ca.leave_one_paragraph_out(bundled), tuple[ca.ParagraphEffect, ...])
assert_type(ca.scenario_shifts(bundled, "scn-detente-with-west"), ca.ScenarioShift)

# -- exports ----------------------------------------------------------------------------------

table: TableName = "roles"
assert_type(TABLES, tuple[TableName, ...])
frame = ca.to_frame(bundled, table)
fmt = ca.write_network(graph, "graph.graphml")
assert_type(fmt, ca.export.Format)
assert_type(ca.network_to_json(graph), dict[str, ca.convert.JSONValue])
