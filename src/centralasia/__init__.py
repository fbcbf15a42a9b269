"""Russian and Chinese roles in Central Asian security, as typed data to compute with."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from centralasia.errors import (
    ArgumentError,
    CentralAsiaError,
    DataError,
    DescriptiveOnlyWarning,
    FieldError,
    MissingDependencyError,
    Problem,
    UnknownIdError,
    UsageError,
)
from centralasia.model import (
    ARTICLE,
    ARTICLE_TIME,
    Agreement,
    AgreementKind,
    ArmsTransfer,
    Certainty,
    Claim,
    ClaimKind,
    Condition,
    Dataset,
    DateLike,
    Direction,
    Domain,
    Effect,
    Event,
    EventKind,
    Evidence,
    EvidenceKind,
    Horizon,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
    PartialDate,
    Person,
    Place,
    Precision,
    Record,
    Region,
    Role,
    RoleKind,
    Scenario,
    Scope,
    Section,
    SipriCategory,
    State,
    Statement,
    Strength,
)

if TYPE_CHECKING:
    # The submodules, reachable as attributes (``ca.export.Format``): the lazy ``__getattr__`` imports them.
    from centralasia import actors as actors
    from centralasia import additions as additions
    from centralasia import checks as checks
    from centralasia import citation as citation
    from centralasia import cli as cli
    from centralasia import comparison as comparison
    from centralasia import convert as convert
    from centralasia import edges as edges
    from centralasia import export as export
    from centralasia import loader as loader
    from centralasia import network as network
    from centralasia import plot as plot
    from centralasia import query as query
    from centralasia import reader as reader
    from centralasia import roles as roles
    from centralasia import scenarios as scenarios
    from centralasia import timelines as timelines
    from centralasia import tracks as tracks
    from centralasia import weights as weights
    from centralasia._sweep import scenario_frame
    from centralasia.additions import extend
    from centralasia.checks import ArticleCheck, ClaimCheck
    from centralasia.citation import cite
    from centralasia.comparison import Comparison, compare
    from centralasia.convert import configure_converter, converter, dumps, loads, make_converter
    from centralasia.edges import Relation, apply_scenario, relations
    from centralasia.export import network_to_json, to_frame, write_network
    from centralasia.loader import load
    from centralasia.network import collapse, influence_network, influence_scores, weighted_network
    from centralasia.plot import influence_map, robustness_chart, role_shares, timeline_chart
    from centralasia.query import Query
    from centralasia.reader import (
        CellRobustness,
        Interval,
        MomentumRobustness,
        ParagraphEffect,
        Robustness,
        ScenarioShift,
        ShiftRow,
        leave_one_paragraph_out,
        readings,
        robustness,
        scenario_shifts,
        votes,
    )
    from centralasia.roles import RoleSummary, role_summary
    from centralasia.scenarios import DEFAULT_MAGNITUDES, Magnitudes, make_scenario
    from centralasia.sums import PairSums, pair_sums
    from centralasia.timelines import Timeline, TimelineEntry, timeline
    from centralasia.tracks import DEFAULT_TIERS, INCLUSION, Cell, Momentum, Pooling, Readings, Regional, Support, Tier, Tiers, Track, Vote
    from centralasia.weights import DEFAULT_WEIGHTS, Layer, Weights

    __version__: str

# The analysis, export and plotting modules import networkx (and, when used,
# SciPy, pandas or matplotlib), the JSON conversion cattrs and its JSON library:
# they load on first use, so that `import centralasia` costs no more than the
# data model and reads no data (PEP 562).
_LAZY: dict[str, str] = {
    "configure_converter": "centralasia.convert",
    "converter": "centralasia.convert",
    "dumps": "centralasia.convert",
    "loads": "centralasia.convert",
    "make_converter": "centralasia.convert",
    "load": "centralasia.loader",
    "cite": "centralasia.citation",
    "Comparison": "centralasia.comparison",
    "compare": "centralasia.comparison",
    "network_to_json": "centralasia.export",
    "to_frame": "centralasia.export",
    "write_network": "centralasia.export",
    "extend": "centralasia.additions",
    "collapse": "centralasia.network",
    "influence_network": "centralasia.network",
    "influence_scores": "centralasia.network",
    "weighted_network": "centralasia.network",
    "influence_map": "centralasia.plot",
    "role_shares": "centralasia.plot",
    "robustness_chart": "centralasia.plot",
    "timeline_chart": "centralasia.plot",
    "Query": "centralasia.query",
    "Relation": "centralasia.edges",
    "apply_scenario": "centralasia.edges",
    "relations": "centralasia.edges",
    "RoleSummary": "centralasia.roles",
    "role_summary": "centralasia.roles",
    "DEFAULT_MAGNITUDES": "centralasia.scenarios",
    "Magnitudes": "centralasia.scenarios",
    "make_scenario": "centralasia.scenarios",
    "PairSums": "centralasia.sums",
    "pair_sums": "centralasia.sums",
    "Timeline": "centralasia.timelines",
    "TimelineEntry": "centralasia.timelines",
    "timeline": "centralasia.timelines",
    "ArticleCheck": "centralasia.checks",
    "ClaimCheck": "centralasia.checks",
    "CellRobustness": "centralasia.reader",
    "Interval": "centralasia.reader",
    "MomentumRobustness": "centralasia.reader",
    "ParagraphEffect": "centralasia.reader",
    "Robustness": "centralasia.reader",
    "ScenarioShift": "centralasia.reader",
    "ShiftRow": "centralasia.reader",
    "leave_one_paragraph_out": "centralasia.reader",
    "readings": "centralasia.reader",
    "robustness": "centralasia.reader",
    "scenario_shifts": "centralasia.reader",
    "votes": "centralasia.reader",
    "DEFAULT_TIERS": "centralasia.tracks",
    "INCLUSION": "centralasia.tracks",
    "Cell": "centralasia.tracks",
    "Momentum": "centralasia.tracks",
    "Pooling": "centralasia.tracks",
    "Readings": "centralasia.tracks",
    "Regional": "centralasia.tracks",
    "Support": "centralasia.tracks",
    "Tier": "centralasia.tracks",
    "Tiers": "centralasia.tracks",
    "Track": "centralasia.tracks",
    "Vote": "centralasia.tracks",
    "DEFAULT_WEIGHTS": "centralasia.weights",
    "Layer": "centralasia.weights",
    "Weights": "centralasia.weights",
    "scenario_frame": "centralasia._sweep",
}
#: Submodules reachable as attributes (``centralasia.network``) before their first import.
# No submodule shares a name with a function it exports: importing it would shadow the function.
_SUBMODULES = frozenset(
    {
        "actors",
        "additions",
        "checks",
        "citation",
        "cli",
        "comparison",
        "convert",
        "edges",
        "export",
        "loader",
        "network",
        "plot",
        "query",
        "reader",
        "roles",
        "scenarios",
        "timelines",
        "tracks",
        "weights",
    }
)

__all__ = [
    "ARTICLE",
    "ARTICLE_TIME",
    "Agreement",
    "AgreementKind",
    "ArgumentError",
    "ArmsTransfer",
    "ArticleCheck",
    "Cell",
    "CellRobustness",
    "CentralAsiaError",
    "Certainty",
    "Claim",
    "ClaimCheck",
    "ClaimKind",
    "Comparison",
    "Condition",
    "DEFAULT_MAGNITUDES",
    "DEFAULT_TIERS",
    "DEFAULT_WEIGHTS",
    "DataError",
    "Dataset",
    "DateLike",
    "DescriptiveOnlyWarning",
    "Direction",
    "Domain",
    "Effect",
    "Event",
    "EventKind",
    "Evidence",
    "EvidenceKind",
    "FieldError",
    "Horizon",
    "INCLUSION",
    "Interval",
    "Layer",
    "Magnitudes",
    "Membership",
    "MembershipStatus",
    "MissingDependencyError",
    "Momentum",
    "MomentumRobustness",
    "Organization",
    "OrganizationKind",
    "PairSums",
    "ParagraphEffect",
    "PartialDate",
    "Person",
    "Place",
    "Pooling",
    "Precision",
    "Problem",
    "Query",
    "Readings",
    "Record",
    "Region",
    "Regional",
    "Relation",
    "Robustness",
    "Role",
    "RoleKind",
    "RoleSummary",
    "Scenario",
    "ScenarioShift",
    "Scope",
    "Section",
    "ShiftRow",
    "SipriCategory",
    "State",
    "Statement",
    "Strength",
    "Support",
    "Tier",
    "Tiers",
    "Timeline",
    "TimelineEntry",
    "Track",
    "UnknownIdError",
    "UsageError",
    "Vote",
    "Weights",
    "apply_scenario",
    "cite",
    "collapse",
    "compare",
    "configure_converter",
    "converter",
    "dumps",
    "extend",
    "influence_map",
    "influence_network",
    "influence_scores",
    "leave_one_paragraph_out",
    "load",
    "loads",
    "make_converter",
    "make_scenario",
    "network_to_json",
    "pair_sums",
    "readings",
    "relations",
    "robustness",
    "robustness_chart",
    "role_shares",
    "role_summary",
    "scenario_frame",
    "scenario_shifts",
    "timeline",
    "timeline_chart",
    "to_frame",
    "votes",
    "weighted_network",
    "write_network",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("centralasia")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    if name in _SUBMODULES:
        return importlib.import_module(f"centralasia.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'centralasia' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # look it up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES, "__version__"})
