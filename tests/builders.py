"""Hand-built test data, in one place: small datasets and documents whose numbers are known.

``small()``
    The analysis tests' dataset: two powers, two Central Asian states and one
    record of each kind, with every edge weight worked out by hand (in
    ``test_network.EXPECTED``).
``claimed()``
    The readings tests' dataset: records resting on claims of each kind.
``two_states()``
    The model tests' dataset: Kazakhstan, China and one agreement between them.
``BASE_DOCUMENT``
    The bad-input tests' valid JSON document using every collection; each of
    their cases breaks a fresh copy (``base_document()``), and
    ``base_dataset()`` is the document loaded.

Add builders here rather than in test modules (and hypothesis strategies to
``strategies.py``): a test module imports these two, never another test module.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import centralasia as ca

#: Article evidence: paragraph 1.
EV = (ca.Evidence(paragraph=1),)
#: Background evidence only (a public source, not the article).
BG = (ca.Evidence(paragraph=1, kind=ca.EvidenceKind.BACKGROUND, source="a public source"),)


def state(id: str, central: bool = False) -> ca.State:
    """A state named by its id; ``central=True`` puts it in Central Asia."""
    return ca.State(id=id, name=id, evidence=EV, region=ca.Region.CENTRAL_ASIA if central else None)


def small() -> ca.Dataset:
    """Two powers, two Central Asian states and one record of each kind, weights known by hand."""
    return ca.Dataset(
        states=[state("RUS"), state("CHN"), state("KAZ", True), state("TJK", True), state("USA")],
        organizations=[
            ca.Organization(
                id="ca",
                name="Central Asia",
                kind=ca.OrganizationKind.STATE_GROUPING,
                evidence=EV,
                members=[ca.Membership(member="KAZ", evidence=EV), ca.Membership(member="TJK", evidence=EV)],
            ),
            ca.Organization(
                id="club",
                name="A club",
                kind=ca.OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION,
                evidence=EV,
                members=[
                    ca.Membership(member="RUS", evidence=EV, since=ca.PartialDate(2001)),
                    ca.Membership(member="KAZ", evidence=EV, status=ca.MembershipStatus.OBSERVER, since=ca.PartialDate(2005)),
                ],
            ),
            ca.Organization(id="isis", name="ISIS", kind=ca.OrganizationKind.NON_STATE_ARMED_GROUP, evidence=EV),
        ],
        people=[ca.Person(id="envoy", name="An envoy", position="envoy", evidence=EV, state="CHN")],
        arms_transfers=[
            ca.ArmsTransfer(
                id="at-rus-kaz",
                supplier="RUS",
                recipient="KAZ",
                designation="S-300",
                description="air defence",
                category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS,
                evidence=EV,
                year=2015,
            ),
            ca.ArmsTransfer(
                id="at-chn-kaz",
                supplier="CHN",
                recipient="KAZ",
                designation="HQ-9",
                description="air defence",
                category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS,
                evidence=EV,
                year=2016,
                certainty=ca.Certainty.REPORTED,
            ),
        ],
        agreements=[
            ca.Agreement(
                id="ag-chn-tjk",
                title="A centre",
                kind=ca.AgreementKind.BILATERAL_AGREEMENT,
                domain=ca.Domain.SECURITY,
                parties=["CHN", "TJK"],
                evidence=EV,
                date=ca.PartialDate(2016, 2),
            )
        ],
        events=[
            ca.Event(id="visit", kind=ca.EventKind.VISIT, title="A visit", evidence=EV, date=ca.PartialDate(2016, 4, 6), actors=["RUS"], host="TJK"),
            ca.Event(id="attack", kind=ca.EventKind.ATTACK, title="An attack", evidence=EV, date=ca.PartialDate(2016, 6, 5), actors=["isis"], targets=["KAZ"]),
        ],
        statements=[ca.Statement(id="st", speakers=["envoy"], summary="Words", evidence=EV, about=["ca"], domain=ca.Domain.ECONOMIC, repeated=True)],
        roles=[
            ca.Role(id="guarantor", actor="RUS", role=ca.RoleKind.SECURITY_GUARANTOR, domain=ca.Domain.SECURITY, over=["ca"], summary="Guarantor", evidence=EV)
        ],
    )


def _cited(paragraph: int, claim: str) -> list[ca.Evidence]:
    return [ca.Evidence(paragraph=paragraph, quote="words", claim=claim)]


def claimed() -> ca.Dataset:
    """The readings tests' dataset: claims of each kind, numbers worked out by hand.

    assessments, security: RUS leads over the region (``c-lead``, stated, regional, a
    guarantor role: weight 2); CHN takes part over TJK (``c-part``, assessed: weight 1).
    acts, security: over KAZ one RUS transfer (``c-rus-arms``) and two CHN transfers on one
    claim (``c-chn-arms``: one vote); over TJK only a RUS visit (``c-visit``: a tie).
    momentum, security: CHN up (``c-up``), RUS down (``c-down``); a projection (``c-proj``) left out.
    """
    claims = [
        ca.Claim(
            id="c-lead",
            kind=ca.ClaimKind.ASSESSMENT,
            summary="RUS guarantees.",
            evidence=_cited(3, "c-lead"),
            actors=["RUS"],
            about=["ca"],
            scope=ca.Scope.REGIONAL,
        ),
        ca.Claim(
            id="c-part",
            kind=ca.ClaimKind.ASSESSMENT,
            summary="CHN helps TJK.",
            evidence=_cited(4, "c-part"),
            actors=["CHN"],
            about=["TJK"],
            certainty=ca.Certainty.ASSESSED,
        ),
        ca.Claim(id="c-rus-arms", kind=ca.ClaimKind.ACT, summary="RUS armed KAZ.", evidence=_cited(5, "c-rus-arms"), actors=["RUS"], about=["KAZ"]),
        ca.Claim(
            id="c-chn-arms",
            kind=ca.ClaimKind.ACT,
            summary="CHN armed KAZ twice.",
            evidence=_cited(8, "c-chn-arms"),
            actors=["CHN"],
            about=["KAZ"],
            certainty=ca.Certainty.REPORTED,
        ),
        ca.Claim(id="c-visit", kind=ca.ClaimKind.ACT, summary="RUS visited TJK.", evidence=_cited(5, "c-visit"), actors=["RUS", "TJK"]),
        ca.Claim(
            id="c-up",
            kind=ca.ClaimKind.ASSESSMENT,
            summary="CHN grows.",
            evidence=_cited(6, "c-up"),
            actors=["CHN"],
            about=["ca"],
            domain=ca.Domain.SECURITY,
            trend=ca.Direction.INCREASE,
        ),
        ca.Claim(
            id="c-down",
            kind=ca.ClaimKind.TIE,
            summary="RUS shrinks.",
            evidence=_cited(6, "c-down"),
            actors=["RUS"],
            about=["ca"],
            domain=ca.Domain.SECURITY,
            trend=ca.Direction.DECREASE,
        ),
        ca.Claim(
            id="c-proj",
            kind=ca.ClaimKind.PROJECTION,
            summary="CHN may grow.",
            evidence=_cited(9, "c-proj"),
            actors=["CHN"],
            about=["ca"],
            domain=ca.Domain.SECURITY,
            trend=ca.Direction.INCREASE,
        ),
    ]
    transfer = functools.partial(ca.ArmsTransfer, designation="X", description="", category=ca.SipriCategory.OTHER)
    return ca.Dataset(
        states=[state("RUS"), state("CHN"), state("KAZ", True), state("TJK", True), state("USA")],
        organizations=[
            ca.Organization(
                id="ca",
                name="Central Asia",
                kind=ca.OrganizationKind.STATE_GROUPING,
                evidence=EV,
                members=[ca.Membership(member="KAZ", evidence=EV), ca.Membership(member="TJK", evidence=EV)],
            )
        ],
        claims=claims,
        roles=[
            ca.Role(
                id="guarantor",
                actor="RUS",
                role=ca.RoleKind.SECURITY_GUARANTOR,
                domain=ca.Domain.SECURITY,
                over=["ca"],
                summary="Guarantor",
                evidence=_cited(3, "c-lead"),
            ),
            ca.Role(
                id="partner",
                actor="CHN",
                role=ca.RoleKind.SECURITY_PARTNER,
                domain=ca.Domain.SECURITY,
                over=["TJK"],
                summary="Partner",
                evidence=_cited(4, "c-part"),
                certainty=ca.Certainty.ASSESSED,
            ),
        ],
        arms_transfers=[
            transfer(id="at-rus", supplier="RUS", recipient="KAZ", evidence=_cited(5, "c-rus-arms")),
            transfer(id="at-chn-1", supplier="CHN", recipient="KAZ", evidence=_cited(8, "c-chn-arms"), certainty=ca.Certainty.REPORTED),
            transfer(id="at-chn-2", supplier="CHN", recipient="KAZ", evidence=_cited(8, "c-chn-arms"), certainty=ca.Certainty.REPORTED),
        ],
        events=[
            ca.Event(
                id="visit", kind=ca.EventKind.VISIT, title="A visit", evidence=_cited(5, "c-visit"), date=ca.PartialDate(2016, 4), actors=["RUS"], host="TJK"
            )
        ],
    )


def extended(ds: ca.Dataset, **extra: list[ca.Record]) -> ca.Dataset:
    """*ds* with the records *extra* adds to its collections (checked as one dataset)."""
    return ca.Dataset(**{name: (*getattr(ds, name), *extra.get(name, ())) for name in ca.Dataset.COLLECTIONS})


def split(ds: ca.Dataset) -> tuple[ca.Dataset, list[ca.Record]]:
    """*ds* as an index and a stream: the records no other record names (nor tells the domain of) go to the stream."""
    occasions = {s.occasion for s in ds.statements}
    streamed = [
        r
        for r in ds
        if isinstance(r, (ca.ArmsTransfer, ca.Role))
        or (isinstance(r, ca.Agreement) and r.establishes is None)
        or (isinstance(r, ca.Event) and r.id not in occasions)
    ]
    ids = {r.id for r in streamed}
    return ds.filter(lambda r: r.id not in ids), streamed


def two_states() -> ca.Dataset:
    """Kazakhstan and China (ids ``KAZ``, ``CHN``) and one security agreement ``agr`` between them."""
    return ca.Dataset(
        states=[ca.State(id="KAZ", name="Kazakhstan", evidence=EV), ca.State(id="CHN", name="China", evidence=EV)],
        agreements=[
            ca.Agreement(id="agr", title="t", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=ca.Domain.SECURITY, parties=["KAZ", "CHN"], evidence=EV)
        ],
    )


_EV_JSON = [{"paragraph": 1}]

#: A small valid document using every collection: three states (KAZ, CHN, RUS),
#: the SCO, a person, four agreements ag0-ag3, a transfer, an event, a statement,
#: a role and a scenario ``sc``. Change a copy (:func:`base_document`), never this.
BASE_DOCUMENT: dict[str, Any] = {
    "states": [
        {"id": "KAZ", "name": "Kazakhstan", "evidence": _EV_JSON},
        {"id": "CHN", "name": "China", "evidence": _EV_JSON},
        {"id": "RUS", "name": "Russia", "evidence": _EV_JSON, "aliases": ["Moscow", "the Kremlin"]},
    ],
    "organizations": [
        {
            "id": "SCO",
            "name": "Shanghai Cooperation Organisation",
            "kind": "intergovernmental-organization",
            "evidence": _EV_JSON,
            "founded": "2001-06-15",
            "seat": {"name": "Beijing", "state": "CHN"},
            "members": [
                {"member": "KAZ", "evidence": _EV_JSON},
                {"member": "CHN", "evidence": _EV_JSON, "status": "founding-member"},
                {"member": "RUS", "evidence": _EV_JSON},
            ],
        }
    ],
    "people": [{"id": "xi", "name": "Xi Jinping", "position": "President", "evidence": _EV_JSON, "state": "CHN", "affiliations": ["SCO"]}],
    "agreements": [
        {"id": f"ag{i}", "title": "Agreement", "kind": "bilateral-agreement", "domain": "security", "parties": ["KAZ", "CHN"], "evidence": _EV_JSON}
        for i in range(4)
    ],
    "arms_transfers": [
        {
            "id": "at",
            "supplier": "RUS",
            "recipient": "KAZ",
            "designation": "S-300",
            "description": "",
            "category": "air-defence-systems",
            "evidence": _EV_JSON,
            "number": 5,
        }
    ],
    "events": [{"id": "ev", "kind": "visit", "title": "A visit", "evidence": _EV_JSON, "date": "2016-02", "actors": ["CHN"], "host": "KAZ"}],
    "statements": [{"id": "st", "speakers": ["xi"], "summary": "Said something", "evidence": _EV_JSON, "occasion": "ev", "about": ["KAZ"]}],
    "roles": [{"id": "ro", "actor": "CHN", "role": "investor", "domain": "economic", "over": ["KAZ"], "summary": "Invests", "evidence": _EV_JSON}],
    "scenarios": [
        {
            "id": "sc",
            "title": "A future",
            "horizon": "long-term",
            "outcome": "Something",
            "evidence": _EV_JSON,
            "conditions": [{"description": "A driver", "actors": ["RUS"]}],
            "effects": [{"actor": "CHN", "domain": "security", "direction": "increase", "description": "More", "over": ["KAZ"]}],
        }
    ],
}


def base_document() -> dict[str, Any]:
    """A fresh copy of :data:`BASE_DOCUMENT`, no list or dict shared with it or between its records."""
    return json.loads(json.dumps(BASE_DOCUMENT))  # a deepcopy would keep the evidence list shared between records


def base_dataset() -> ca.Dataset:
    """:data:`BASE_DOCUMENT` loaded: RUS, CHN and KAZ, one scenario ``sc``."""
    return ca.loads(json.dumps(BASE_DOCUMENT))
