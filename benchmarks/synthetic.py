"""Synthetic centralasia data for the benchmarks: valid records of every kind, N of them, deterministic by seed."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

import centralasia as ca
from centralasia.model import Record

__all__ = [
    "CENTRAL_ASIAN",
    "FLOW_MIX",
    "POWERS",
    "dataset",
    "index",
    "occasion_domain",
    "stream",
]

#: The powers every benchmark summary compares.
POWERS = ("RUS", "CHN")
#: The Central Asian states (region Central Asia, members of the "central-asia" grouping).
CENTRAL_ASIAN = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
_NAMED = (*POWERS, *CENTRAL_ASIAN, "USA", "AFG", "PAK", "IND", "IRN", "TUR")
#: The record kinds after the index, and the share of each: events and statements dominate, as in news-derived event data.
FLOW_MIX: dict[str, float] = {"event": 0.40, "statement": 0.25, "arms_transfer": 0.15, "agreement": 0.10, "role": 0.10}

_STATES = 100
_ORGANIZATIONS = 30
_PEOPLE = 100
_OCCASIONS = 20

_CERTAINTY = (ca.Certainty.STATED,) * 12 + (ca.Certainty.REPORTED,) * 4 + (ca.Certainty.ASSESSED,) * 3 + (ca.Certainty.PROJECTED,)
_EVENT_KINDS = (
    (ca.EventKind.VISIT,) * 5
    + (ca.EventKind.MEETING,) * 4
    + (ca.EventKind.TALKS,) * 2
    + (ca.EventKind.SUMMIT,) * 2
    + (ca.EventKind.EXERCISE,) * 2
    + (ca.EventKind.ANNOUNCEMENT,) * 2
    + (ca.EventKind.ATTACK,) * 2
    + (ca.EventKind.MILITANT_ACTIVITY,)
)
_ORG_KINDS = (
    (ca.OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION,) * 4
    + (ca.OrganizationKind.SECURITY_MECHANISM,) * 3
    + (ca.OrganizationKind.FORUM,) * 2
    + (ca.OrganizationKind.CONTACT_GROUP,)
    + (ca.OrganizationKind.RESEARCH_INSTITUTE,)
)


def _state_ids() -> tuple[str, ...]:
    """Named states first, then made-up alpha-3 codes starting with X (no real country's)."""
    made_up = ("X" + a + b for a, b in itertools.product("ABCDEFGHIJKLMNOPQRSTUVWXYZ", repeat=2))
    return (*_NAMED, *itertools.islice(made_up, _STATES - len(_NAMED)))


def _evidence(rng: random.Random) -> tuple[ca.Evidence, ...]:
    """Fresh article evidence, as a parser would make for each record."""
    return (ca.Evidence(paragraph=rng.randint(1, 11)),)


def _date(rng: random.Random) -> ca.PartialDate | None:
    r = rng.random()
    if r < 0.1:
        return None
    year = rng.randint(1995, 2016)
    return ca.PartialDate(year) if r < 0.4 else ca.PartialDate(year, rng.randint(1, 12))


def index(seed: int = 0) -> ca.Dataset:
    """The records every other record refers to: 100 states, 30 organisations, 100 people, 20 occasions.

    Organisations are 29 bodies with 3 to 15 member states each (statuses and
    certainties drawn; security mechanisms set up by an agreement, which is
    here too) and the state grouping ``"central-asia"``. The occasions are
    summits and meetings at which streamed statements are made; each has a
    communiqué here whose domain every statement made at it shares, so the
    occasion's domain is the same whether the other records are streamed or
    in the dataset.

    Examples
    --------
    >>> ix = index()
    >>> len(ix.states), len(ix.organizations), len(ix.people), len(ix.events), len(ix.statements)
    (100, 30, 100, 20, 20)
    """
    rng = random.Random(f"index-{seed}")
    ids = _state_ids()
    regions = [r for r in ca.Region if r is not ca.Region.CENTRAL_ASIA]
    states = [
        ca.State(
            id=s,
            name=f"State {s}",
            evidence=_evidence(rng),
            region=ca.Region.CENTRAL_ASIA if s in CENTRAL_ASIAN else rng.choice([*regions, None]),
        )
        for s in ids
    ]
    grouping = ca.Organization(
        id="central-asia",
        name="Central Asia",
        kind=ca.OrganizationKind.STATE_GROUPING,
        evidence=_evidence(rng),
        members=[ca.Membership(member=m, evidence=_evidence(rng)) for m in CENTRAL_ASIAN],
    )
    organizations = [grouping]
    agreements = []
    for i in range(1, _ORGANIZATIONS):
        kind = rng.choice(_ORG_KINDS)
        members = rng.sample(ids, rng.randint(3, 15))
        memberships = [
            ca.Membership(
                member=m,
                evidence=_evidence(rng),
                status=rng.choice(list(ca.MembershipStatus)),
                since=_date(rng),
                certainty=rng.choice(_CERTAINTY),
            )
            for m in members
        ]
        organizations.append(ca.Organization(id=f"org-{i}", name=f"Organisation {i}", kind=kind, evidence=_evidence(rng), members=memberships))
        if kind is ca.OrganizationKind.SECURITY_MECHANISM:
            agreements.append(
                ca.Agreement(
                    id=f"founding-{i}",
                    title=f"Founding of organisation {i}",
                    kind=ca.AgreementKind.MULTILATERAL_MECHANISM,
                    domain=rng.choice(list(ca.Domain)),
                    parties=members,
                    evidence=_evidence(rng),
                    date=_date(rng),
                    establishes=f"org-{i}",
                )
            )
    people = [ca.Person(id=f"person-{i}", name=f"Person {i}", position="official", evidence=_evidence(rng), state=rng.choice(ids)) for i in range(_PEOPLE)]
    occasions = [
        ca.Event(
            id=f"occasion-{i}",
            kind=rng.choice((ca.EventKind.SUMMIT, ca.EventKind.MEETING)),
            title=f"Occasion {i}",
            evidence=_evidence(rng),
            date=_date(rng),
            actors=tuple(rng.sample(ids, rng.randint(2, 5))),
            host=rng.choice(ids),
        )
        for i in range(_OCCASIONS)
    ]
    communiques = [
        ca.Statement(
            id=f"communique-{i}",
            speakers=[rng.choice(people).id],
            summary=f"Communiqué of occasion {i}",
            evidence=_evidence(rng),
            on_behalf_of=e.actors,
            occasion=e.id,
            about=(e.host,) if e.host is not None and e.host not in e.actors else (),
            domain=occasion_domain(e.id),
        )
        for i, e in enumerate(occasions)
    ]
    return ca.Dataset(states=states, organizations=organizations, people=people, agreements=agreements, events=occasions, statements=communiques)


def occasion_domain(event: str) -> ca.Domain:
    """The domain of the statements made at the occasion *event* (fixed by its number)."""
    domains = list(ca.Domain)
    return domains[int(event.rpartition("-")[2]) % len(domains)]


def stream(n: int, seed: int = 0, *, ix: ca.Dataset | None = None) -> Iterator[Record]:
    """*n* flow records (events, statements, arms transfers, agreements, roles) naming the actors of *ix*.

    The kinds follow :data:`FLOW_MIX`; every reference resolves in *ix*
    (:func:`index` of *seed* by default), so ``ix.merge(Dataset(...))`` of
    them is valid. Records are made one at a time: nothing is kept.

    Examples
    --------
    >>> from collections import Counter
    >>> Counter(type(r).__name__ for r in stream(1000)).most_common(2)
    [('Event', 388), ('Statement', 249)]
    """
    ix = index(seed) if ix is None else ix
    rng = random.Random(f"stream-{seed}")
    states = tuple(s.id for s in ix.states)
    bodies = tuple(o.id for o in ix.organizations if o.kind is not ca.OrganizationKind.STATE_GROUPING)
    targets = (*states, "central-asia")
    people = tuple(p.id for p in ix.people)
    occasions = tuple(e.id for e in ix.events)
    # Powers and named states act more often than the rest: a skewed, realistic actor distribution.
    weights = [20.0 if s in POWERS else 8.0 if s in _NAMED else 1.0 for s in states]
    suppliers = ("RUS", "CHN", "USA", "TUR", "IND")
    kinds = list(FLOW_MIX)
    shares = list(FLOW_MIX.values())

    def actors(k: int) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rng.choices(states, weights, k=k)))

    def over(k: int) -> tuple[str, ...]:
        return ("central-asia",) if rng.random() < 0.2 else tuple(rng.sample(targets, k))

    for i in range(n):
        kind = rng.choices(kinds, shares)[0]
        certainty = rng.choice(_CERTAINTY)
        if kind == "event":
            ekind = rng.choice(_EVENT_KINDS)
            host = rng.choice(states) if ekind in (ca.EventKind.VISIT, ca.EventKind.MEETING, ca.EventKind.SUMMIT) else None
            hit = over(rng.randint(1, 2)) if ekind in (ca.EventKind.ATTACK, ca.EventKind.ANNOUNCEMENT) else ()
            yield ca.Event(
                id=f"ev-{i}",
                kind=ekind,
                title=f"Event {i}",
                evidence=_evidence(rng),
                date=_date(rng),
                actors=actors(rng.randint(1, 3)),
                targets=hit,
                host=host,
                organization=rng.choice(bodies) if rng.random() < 0.2 else None,
                certainty=certainty,
            )
        elif kind == "statement":
            occasion = rng.choice(occasions) if rng.random() < 0.2 else None
            yield ca.Statement(
                id=f"st-{i}",
                speakers=rng.sample(people, rng.randint(1, 2)),
                summary=f"Statement {i}",
                evidence=_evidence(rng),
                on_behalf_of=actors(1) if rng.random() < 0.6 else (),
                occasion=occasion,
                date=None if occasion is not None else _date(rng),
                about=over(rng.randint(1, 3)),
                domain=rng.choice(list(ca.Domain)) if occasion is None else occasion_domain(occasion),
                repeated=rng.random() < 0.1,
                certainty=certainty,
            )
        elif kind == "arms_transfer":
            supplier = rng.choice(suppliers)
            recipient = rng.choice([s for s in rng.sample(states, 3) if s != supplier])
            yield ca.ArmsTransfer(
                id=f"at-{i}",
                supplier=supplier,
                recipient=recipient,
                designation=f"System {i % 97}",
                description="",
                category=rng.choice(list(ca.SipriCategory)),
                evidence=_evidence(rng),
                year=rng.randint(1995, 2016),
                number=rng.randint(1, 50),
                certainty=certainty,
            )
        elif kind == "agreement":
            yield ca.Agreement(
                id=f"ag-{i}",
                title=f"Agreement {i}",
                kind=rng.choice((ca.AgreementKind.BILATERAL_AGREEMENT,) * 4 + (ca.AgreementKind.TACIT_UNDERSTANDING,)),
                domain=rng.choice(list(ca.Domain)),
                parties=actors(2) if rng.random() < 0.8 else actors(rng.randint(3, 5)),
                evidence=_evidence(rng),
                date=_date(rng),
                certainty=certainty,
            )
        else:
            actor = actors(1)[0]
            kind_of_role, domain = rng.choice(list(ca.RoleKind)), rng.choice(list(ca.Domain))
            yield ca.Role(
                id=f"ro-{i}",
                actor=actor,
                role=kind_of_role,
                domain=domain,
                over=tuple(t for t in over(rng.randint(1, 3)) if t != actor) or ("central-asia",),  # a role is over others
                summary=f"Role {i}",
                evidence=_evidence(rng),
                since=_date(rng),
                certainty=certainty,
            )


def dataset(n: int, seed: int = 0) -> ca.Dataset:
    """A checked :class:`~centralasia.Dataset` of *n* records: :func:`index` and ``n - len(index)`` streamed ones.

    Examples
    --------
    >>> ds = dataset(1000)
    >>> len(ds), len(ds.events) > len(ds.statements) > len(ds.roles)
    (1000, True)
    """
    ix = index(seed)
    if n < len(ix):
        raise ValueError(f"n must be at least the {len(ix)} records of the index, not {n}")
    flow: dict[str, list[Record]] = {name: [] for name in ca.Dataset.COLLECTIONS}
    names = {ca.Event: "events", ca.Statement: "statements", ca.ArmsTransfer: "arms_transfers", ca.Agreement: "agreements", ca.Role: "roles"}
    for record in stream(n - len(ix), seed, ix=ix):
        flow[names[type(record)]].append(record)
    return ca.Dataset(**{name: list(getattr(ix, name)) + flow[name] for name in ca.Dataset.COLLECTIONS})
