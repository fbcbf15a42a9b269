"""Russian and Chinese roles in Central Asian security, as typed data to compute with."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from centralasia.convert import configure_converter, converter, dumps, loads, make_converter
from centralasia.errors import (
    ArgumentError,
    CentralAsiaError,
    DataError,
    FieldError,
    MissingDependencyError,
    Problem,
    UnknownIdError,
)
from centralasia.loader import load
from centralasia.model import (
    ARTICLE,
    Agreement,
    AgreementKind,
    ArmsTransfer,
    Certainty,
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
    Section,
    SipriCategory,
    State,
    Statement,
)

if TYPE_CHECKING:
    from centralasia.export import network_to_json, to_frame, write_network
    from centralasia.extend import extend
    from centralasia.network import DEFAULT_WEIGHTS, Layer, Relation, Weights, collapse, influence_network, influence_scores, relations, weighted_network
    from centralasia.plot import influence_map, role_shares
    from centralasia.roles import RoleSummary, role_summary
    from centralasia.scenarios import DEFAULT_MAGNITUDES, Comparison, Magnitudes, apply_scenario, compare, make_scenario

    __version__: str

# The analysis, export and plotting modules import networkx (and, when used,
# SciPy, pandas or matplotlib): they load on first use, so that `import centralasia`
# costs no more than the data model (PEP 562).
_LAZY: dict[str, str] = {
    "network_to_json": "centralasia.export",
    "to_frame": "centralasia.export",
    "write_network": "centralasia.export",
    "extend": "centralasia.extend",
    "DEFAULT_WEIGHTS": "centralasia.network",
    "Layer": "centralasia.network",
    "Relation": "centralasia.network",
    "Weights": "centralasia.network",
    "collapse": "centralasia.network",
    "influence_network": "centralasia.network",
    "influence_scores": "centralasia.network",
    "relations": "centralasia.network",
    "weighted_network": "centralasia.network",
    "influence_map": "centralasia.plot",
    "role_shares": "centralasia.plot",
    "RoleSummary": "centralasia.roles",
    "role_summary": "centralasia.roles",
    "DEFAULT_MAGNITUDES": "centralasia.scenarios",
    "Comparison": "centralasia.scenarios",
    "Magnitudes": "centralasia.scenarios",
    "apply_scenario": "centralasia.scenarios",
    "compare": "centralasia.scenarios",
    "make_scenario": "centralasia.scenarios",
}
#: Submodules reachable as attributes (``centralasia.network``) before their first import.
_SUBMODULES = frozenset({"cli", "export", "extend", "network", "plot", "roles", "scenarios"})

__all__ = [
    "ARTICLE",
    "Agreement",
    "AgreementKind",
    "ArgumentError",
    "ArmsTransfer",
    "CentralAsiaError",
    "Certainty",
    "Comparison",
    "Condition",
    "DEFAULT_MAGNITUDES",
    "DEFAULT_WEIGHTS",
    "DataError",
    "Dataset",
    "DateLike",
    "Direction",
    "Domain",
    "Effect",
    "Event",
    "EventKind",
    "Evidence",
    "EvidenceKind",
    "FieldError",
    "Horizon",
    "Layer",
    "Magnitudes",
    "Membership",
    "MembershipStatus",
    "MissingDependencyError",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Person",
    "Place",
    "Precision",
    "Problem",
    "Record",
    "Region",
    "Relation",
    "Role",
    "RoleKind",
    "RoleSummary",
    "Scenario",
    "Section",
    "SipriCategory",
    "State",
    "Statement",
    "UnknownIdError",
    "Weights",
    "apply_scenario",
    "collapse",
    "compare",
    "configure_converter",
    "converter",
    "dumps",
    "extend",
    "influence_map",
    "influence_network",
    "influence_scores",
    "load",
    "loads",
    "make_converter",
    "make_scenario",
    "network_to_json",
    "relations",
    "role_shares",
    "role_summary",
    "to_frame",
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
