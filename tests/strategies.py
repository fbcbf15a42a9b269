"""Hypothesis strategies for centralasia, in one place.

Valid values of every model class (``partial_dates()``, ``evidence()``,
``states()``...), whole valid datasets whose references resolve
(``datasets()``), and JSON for the bad-input properties (``json_values()``,
``json_texts()``, ``mutated_documents()``, ``damaged_documents()``).

Record strategies take the ids they may refer to (``actors``, ``people``,
``events``); left out, references are arbitrary ids, which is right for a
record on its own but not inside a :class:`~centralasia.Dataset`.

Add strategies here rather than in test modules, so that every test draws
from the same ones.
"""

from __future__ import annotations

import calendar
import copy
import functools
import json
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st

import centralasia as ca
from centralasia.convert import converter
from centralasia.model import ARTICLE, ARTICLE_PARAGRAPHS

__all__ = [
    "CENTRAL_ASIAN",
    "INFLUENCE_STATES",
    "POWERS",
    "RECORD_STRATEGIES",
    "VALUE_STRATEGIES",
    "actor_ids",
    "agreements",
    "arms_transfers",
    "conditions",
    "damaged_documents",
    "datasets",
    "document_texts",
    "effects",
    "events",
    "evidence",
    "evidence_lists",
    "influence_datasets",
    "json_texts",
    "json_values",
    "memberships",
    "mutated_documents",
    "optional_fields",
    "organizations",
    "other_ids",
    "partial_dates",
    "people",
    "places",
    "roles",
    "scenarios",
    "state_ids",
    "statements",
    "states",
    "texts",
]

T = TypeVar("T")

# -- building blocks -------------------------------------------------------

#: Characters the model's text fields accept: no lone surrogates, no control characters but tab,
#: newline and carriage return, no U+FFFE or U+FFFF (what UTF-8, XML and terminals cannot take).
_writable = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r", exclude_characters="\ufffe\uffff")
#: Any text a text field accepts.
texts = st.text(_writable, max_size=12)
#: Text a non-empty field accepts.
nonempty_texts = st.text(_writable, min_size=1, max_size=12)
#: Text that is not blank, as quotes and background sources must be.
nonblank_texts = nonempty_texts.filter(lambda s: bool(s.strip()))
#: State numbers (Correlates of War, Gleditsch-Ward): 1 to 999.
small_ints = st.integers(min_value=1, max_value=999)


def state_ids() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-3 shaped ids, as :class:`~centralasia.State` requires."""
    return st.from_regex(r"[A-Z]{3}", fullmatch=True)


def other_ids() -> st.SearchStrategy[str]:
    """Ids of non-state records; they start lower case, so never clash with a state id."""
    return st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)


def actor_ids() -> st.SearchStrategy[str]:
    """Any id an actor reference may hold."""
    return state_ids() | other_ids()


def _ref(pool: Sequence[str] | None) -> st.SearchStrategy[str]:
    """One reference into *pool* (any id when *pool* is ``None``)."""
    return actor_ids() if pool is None else st.sampled_from(pool)


def _maybe_ref(pool: Sequence[str] | None) -> st.SearchStrategy[str | None]:
    if pool is not None and not pool:
        return st.none()
    return st.none() | _ref(pool)


def _refs(pool: Sequence[str] | None, min_size: int = 0, max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    if pool is not None and not pool:
        return st.just(())
    return st.lists(_ref(pool), min_size=min_size, max_size=max_size, unique=True).map(tuple)


def _name_tuples() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts, max_size=3).map(tuple)


def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _until(since: ca.PartialDate | None) -> st.SearchStrategy[ca.PartialDate | None]:
    """An end date that is not before *since*."""
    return _maybe(partial_dates()) if since is None else _maybe(partial_dates().filter(lambda until: until.latest >= since.earliest))


# -- values ------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn) -> ca.PartialDate:
    """Valid partial dates of every precision, years 1 to 9999."""
    year = draw(st.integers(min_value=1, max_value=9999))
    month = draw(_maybe(st.integers(min_value=1, max_value=12)))
    if month is None:
        return ca.PartialDate(year)
    last = calendar.monthrange(year, month)[1]
    return ca.PartialDate(year, month, draw(_maybe(st.integers(min_value=1, max_value=last))))


@functools.cache
def optional_fields(kind: type) -> tuple[str, ...]:
    """The fields of record class *kind* that background evidence may name."""
    return tuple(f.name for f in attrs.fields(kind) if f.default is not attrs.NOTHING and f.name not in ("id", "evidence"))


@functools.cache
def _field_names(kind: type) -> st.SearchStrategy[str]:
    return st.sampled_from(optional_fields(kind))


@st.composite
def evidence(draw: st.DrawFn, record: type | None = None, background: bool | None = None, name_fields: bool = True) -> ca.Evidence:
    """Valid evidence: article or background, in any section.

    With *record*, background evidence names only optional fields of that
    record class (as :class:`~centralasia.Dataset` requires); without it, any
    field names; with *name_fields* false, none. *background* forces the kind.
    """
    section = draw(st.sampled_from(ca.Section))
    paragraph = draw(st.integers(1, ARTICLE_PARAGRAPHS)) if section is ca.Section.BODY else None
    note = draw(_maybe(texts))
    if background is None:
        background = draw(st.booleans())
    if background:
        source = draw(nonblank_texts.filter(lambda s: s != ARTICLE))
        names = _field_names(record) if record is not None else texts
        fields = tuple(draw(st.lists(names, max_size=2 if name_fields else 0, unique=True)))
        return ca.Evidence(paragraph=paragraph, quote=None, section=section, kind=ca.EvidenceKind.BACKGROUND, source=source, fields=fields, note=note)
    quote = draw(_maybe(nonblank_texts))
    return ca.Evidence(paragraph=paragraph, quote=quote, section=section, kind=ca.EvidenceKind.ARTICLE, source=ARTICLE, fields=(), note=note)


@functools.cache
def evidence_lists(record: type | None = None) -> st.SearchStrategy[tuple[ca.Evidence, ...]]:
    """The non-empty evidence of a record of class *record*."""
    return st.lists(evidence(record), min_size=1, max_size=3).map(tuple)


@st.composite
def places(draw: st.DrawFn, actors: Sequence[str] | None = None) -> ca.Place:
    """A named place, in one of *actors* or in none."""
    return ca.Place(name=draw(nonempty_texts), state=draw(_maybe_ref(actors)))


@st.composite
def memberships(draw: st.DrawFn, actors: Sequence[str] | None = None) -> ca.Membership:
    """A membership of one of *actors* (its evidence names no fields: they would be the organisation's)."""
    since = draw(_maybe(partial_dates()))
    return ca.Membership(
        member=draw(_ref(actors)),
        evidence=draw(st.lists(evidence(name_fields=False), min_size=1, max_size=2)),
        status=draw(st.sampled_from(ca.MembershipStatus)),
        since=since,
        until=draw(_until(since)),
        certainty=draw(st.sampled_from(ca.Certainty)),
    )


@st.composite
def conditions(draw: st.DrawFn, actors: Sequence[str] | None = None) -> ca.Condition:
    """A scenario condition involving some of *actors*."""
    return ca.Condition(description=draw(nonempty_texts), actors=draw(_refs(actors)))


@st.composite
def effects(draw: st.DrawFn, actors: Sequence[str] | None = None) -> ca.Effect:
    """A scenario effect on one of *actors* (requires at least one actor in *actors*)."""
    return ca.Effect(
        actor=draw(_ref(actors)),
        domain=draw(st.sampled_from(ca.Domain)),
        direction=draw(st.sampled_from(ca.Direction)),
        description=draw(nonempty_texts),
        over=draw(_refs(actors)),
    )


# -- records -------------------------------------------------------------------


@st.composite
def states(draw: st.DrawFn, id: str | None = None) -> ca.State:
    """A valid state (with *id*, or a drawn one)."""
    return ca.State(
        id=draw(state_ids()) if id is None else id,
        name=draw(nonempty_texts),
        evidence=draw(evidence_lists(ca.State)),
        cow_code=draw(_maybe(small_ints)),
        gw_code=draw(_maybe(small_ints)),
        wikidata=draw(_maybe(st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True))),
        region=draw(_maybe(st.sampled_from(ca.Region))),
        aliases=draw(_name_tuples()),
    )


@st.composite
def organizations(draw: st.DrawFn, id: str | None = None, actors: Sequence[str] | None = None) -> ca.Organization:
    """A valid organisation whose members (never itself) and seat are among *actors*."""
    org_id = draw(other_ids()) if id is None else id
    pool = None if actors is None else [a for a in actors if a != org_id]
    members: list[ca.Membership] = [] if pool is not None and not pool else draw(st.lists(memberships(pool).filter(lambda m: m.member != org_id), max_size=3))
    return ca.Organization(
        id=org_id,
        name=draw(nonempty_texts),
        kind=draw(st.sampled_from(ca.OrganizationKind)),
        evidence=draw(evidence_lists(ca.Organization)),
        acronym=draw(_maybe(texts)),
        members=members,
        founded=draw(_maybe(partial_dates())),
        seat=draw(_maybe(places(actors))),
        aliases=draw(_name_tuples()),
    )


@st.composite
def people(draw: st.DrawFn, id: str | None = None, actors: Sequence[str] | None = None) -> ca.Person:
    """A valid person serving one of *actors* or none."""
    return ca.Person(
        id=draw(other_ids()) if id is None else id,
        name=draw(nonempty_texts),
        position=draw(texts),
        evidence=draw(evidence_lists(ca.Person)),
        state=draw(_maybe_ref(actors)),
        affiliations=draw(_refs(actors)),
        aliases=draw(_name_tuples()),
    )


@st.composite
def agreements(draw: st.DrawFn, id: str | None = None, actors: Sequence[str] | None = None) -> ca.Agreement:
    """A valid agreement between some of *actors* (at least one needed)."""
    return ca.Agreement(
        id=draw(other_ids()) if id is None else id,
        title=draw(nonempty_texts),
        kind=draw(st.sampled_from(ca.AgreementKind)),
        domain=draw(st.sampled_from(ca.Domain)),
        parties=draw(_refs(actors, min_size=1)),
        evidence=draw(evidence_lists(ca.Agreement)),
        date=draw(_maybe(partial_dates())),
        place=draw(_maybe(places(actors))),
        establishes=draw(_maybe_ref(actors)),
        certainty=draw(st.sampled_from(ca.Certainty)),
    )


@st.composite
def arms_transfers(draw: st.DrawFn, id: str | None = None, actors: Sequence[str] | None = None) -> ca.ArmsTransfer:
    """A valid arms transfer between two of *actors* (at least two needed: none supplies itself)."""
    supplier = draw(_ref(actors))
    return ca.ArmsTransfer(
        id=draw(other_ids()) if id is None else id,
        supplier=supplier,
        recipient=draw(_ref(actors).filter(lambda recipient: recipient != supplier)),
        designation=draw(nonempty_texts),
        description=draw(texts),
        category=draw(st.sampled_from(ca.SipriCategory)),
        evidence=draw(evidence_lists(ca.ArmsTransfer)),
        year=draw(_maybe(st.integers(min_value=1900, max_value=2100))),
        number=draw(_maybe(st.integers(min_value=1, max_value=10**4))),
        first_from_supplier=draw(st.booleans()),
        certainty=draw(st.sampled_from(ca.Certainty)),
    )


@st.composite
def events(draw: st.DrawFn, id: str | None = None, actors: Sequence[str] | None = None) -> ca.Event:
    """A valid event among *actors*."""
    return ca.Event(
        id=draw(other_ids()) if id is None else id,
        kind=draw(st.sampled_from(ca.EventKind)),
        title=draw(nonempty_texts),
        evidence=draw(evidence_lists(ca.Event)),
        date=draw(_maybe(partial_dates())),
        place=draw(_maybe(places(actors))),
        actors=draw(_refs(actors)),
        targets=draw(_refs(actors)),
        host=draw(_maybe_ref(actors)),
        organization=draw(_maybe_ref(actors)),
        ongoing=draw(st.booleans()),
        certainty=draw(st.sampled_from(ca.Certainty)),
    )


@st.composite
def statements(
    draw: st.DrawFn,
    id: str | None = None,
    actors: Sequence[str] | None = None,
    speakers: Sequence[str] | None = None,
    occasions: Sequence[str] | None = None,
) -> ca.Statement:
    """A valid statement by some of *speakers* (person ids; at least one needed)."""
    speaker_ids = (
        st.lists(other_ids(), min_size=1, max_size=2, unique=True)
        if speakers is None
        else st.lists(st.sampled_from(speakers), min_size=1, max_size=2, unique=True)
    )
    occasion = _maybe(other_ids()) if occasions is None else _maybe_ref(occasions)
    return ca.Statement(
        id=draw(other_ids()) if id is None else id,
        speakers=tuple(draw(speaker_ids)),
        summary=draw(nonempty_texts),
        evidence=draw(evidence_lists(ca.Statement)),
        on_behalf_of=draw(_refs(actors)),
        occasion=draw(occasion),
        date=draw(_maybe(partial_dates())),
        quote=draw(_maybe(texts)),
        about=draw(_refs(actors)),
        domain=draw(st.sampled_from(ca.Domain)),
        repeated=draw(st.booleans()),
        certainty=draw(st.sampled_from(ca.Certainty)),
    )


@st.composite
def roles(draw: st.DrawFn, id: str | None = None, actors: Sequence[str] | None = None) -> ca.Role:
    """A valid role of one of *actors* over some of them (at least one needed)."""
    since = draw(_maybe(partial_dates()))
    actor = draw(_ref(actors))
    others = None if actors is None else [a for a in actors if a != actor]
    assume(others is None or others)  # a role is over others, never over its own actor
    return ca.Role(
        id=draw(other_ids()) if id is None else id,
        actor=actor,
        role=draw(st.sampled_from(ca.RoleKind)),
        domain=draw(st.sampled_from(ca.Domain)),
        over=draw(_refs(others, min_size=1).filter(lambda over: actor not in over)),
        summary=draw(nonempty_texts),
        evidence=draw(evidence_lists(ca.Role)),
        since=since,
        until=draw(_until(since)),
        trend=draw(_maybe(st.sampled_from(ca.Direction))),
        certainty=draw(st.sampled_from(ca.Certainty)),
    )


@st.composite
def scenarios(draw: st.DrawFn, id: str | None = None, actors: Sequence[str] | None = None) -> ca.Scenario:
    """A valid scenario whose conditions and effects name *actors*."""
    no_actors = actors is not None and not actors
    return ca.Scenario(
        id=draw(other_ids()) if id is None else id,
        title=draw(nonempty_texts),
        horizon=draw(st.sampled_from(ca.Horizon)),
        outcome=draw(nonempty_texts),
        evidence=draw(evidence_lists(ca.Scenario)),
        conditions=draw(st.lists(conditions(actors), max_size=2)),
        effects=[] if no_actors else draw(st.lists(effects(actors), max_size=3)),
        certainty=draw(st.sampled_from(ca.Certainty)),
    )


#: A strategy for each value class, for tests that go over all of them.
VALUE_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    ca.PartialDate: partial_dates(),
    ca.Evidence: evidence(),
    ca.Place: places(),
    ca.Membership: memberships(),
    ca.Condition: conditions(),
    ca.Effect: effects(),
}

#: A strategy for each record class, for tests that go over all of them.
RECORD_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    ca.State: states(),
    ca.Organization: organizations(),
    ca.Person: people(),
    ca.Agreement: agreements(),
    ca.ArmsTransfer: arms_transfers(),
    ca.Event: events(),
    ca.Statement: statements(),
    ca.Role: roles(),
    ca.Scenario: scenarios(),
}


# -- datasets --------------------------------------------------------------------


@st.composite
def datasets(draw: st.DrawFn, max_per_collection: int = 3) -> ca.Dataset:
    """A valid dataset: ids unique across collections and every reference resolving.

    Ids are drawn first (states upper case, the rest lower case, so they
    never clash), then records that refer only to ids of the right kind.
    Collections that need an actor (or a person) stay empty without one.
    """
    n = max_per_collection
    state_list = draw(st.lists(state_ids(), max_size=n + 1, unique=True))
    sizes = {name: draw(st.integers(0, n)) for name in ca.Dataset.COLLECTIONS if name != "states"}
    pool = draw(st.lists(other_ids(), min_size=sum(sizes.values()), max_size=sum(sizes.values()), unique=True))
    ids: dict[str, list[str]] = {"states": state_list}
    for name, size in sizes.items():
        ids[name], pool = pool[:size], pool[size:]
    actors = ids["states"] + ids["organizations"]
    if not actors:
        for name in ("agreements", "arms_transfers", "roles"):
            ids[name] = []
    if len(actors) < 2:
        ids["arms_transfers"] = []
    if not ids["people"]:
        ids["statements"] = []
    return ca.Dataset(
        states=[draw(states(i)) for i in ids["states"]],
        # An organisation's members are states and the organisations before it: no one is its own member through others.
        organizations=[draw(organizations(i, ids["states"] + ids["organizations"][:k])) for k, i in enumerate(ids["organizations"])],
        people=[draw(people(i, actors)) for i in ids["people"]],
        agreements=[draw(agreements(i, actors)) for i in ids["agreements"]],
        arms_transfers=[draw(arms_transfers(i, actors)) for i in ids["arms_transfers"]],
        events=[draw(events(i, actors)) for i in ids["events"]],
        statements=[draw(statements(i, actors, ids["people"], ids["events"])) for i in ids["statements"]],
        roles=[draw(roles(i, actors)) for i in ids["roles"]],
        scenarios=[draw(scenarios(i, actors)) for i in ids["scenarios"]],
    )


# -- JSON ------------------------------------------------------------------------

# Any text here, control characters included: these values test what the reader refuses.
_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)

#: Scalars that look almost right: field names, enum values, odd dates and numbers.
_near_misses = st.sampled_from(
    [
        "",
        " ",
        "KAZ",
        "XYZ",
        "kaz",
        "2016",
        "2016-13",
        "2016-02-30",
        "2016-2",
        "0000",
        "security",
        "Security",
        "member",
        "background",
        "body",
        "id",
        "evidence",
        ARTICLE,
        0,
        -1,
        12,
        True,
        1.5,
        None,
        [],
        {},
        [None],
        {"paragraph": 1},
    ]
)


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any JSON value: scalars, lists and objects nested a few levels."""
    return st.recursive(
        _scalars | _near_misses,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(texts | _near_misses.filter(lambda v: isinstance(v, str)), children, max_size=4),
        max_leaves=max_leaves,
    )


def json_texts() -> st.SearchStrategy[str | bytes]:
    """Text that may or may not be JSON: dumped values, arbitrary text, arbitrary bytes."""
    return json_values().map(json.dumps) | st.text(max_size=40) | st.binary(max_size=40)


def _slots(node: Any) -> list[tuple[Any, Any]]:
    """Every ``(container, key)`` in the JSON tree *node*, depth first."""
    out: list[tuple[Any, Any]] = []
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return out
    for key, child in items:
        out.append((node, key))
        out.extend(_slots(child))
    return out


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid dataset's JSON document with one random change: a value replaced, removed or added.

    The result may still be valid (a change to a free-text field) or break
    anything from one field to the whole document.
    """
    document: Any = copy.deepcopy(converter.unstructure(draw(datasets(max_per_collection=2))))
    slots = _slots(document)
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if not slots or draw(st.integers(0, 20)) == 0:
        return draw(json_values()) if action == "replace" else document
    container, key = draw(st.sampled_from(slots))
    if action == "replace":
        container[key] = draw(json_values(max_leaves=5))
    elif action == "remove":
        del container[key]
    else:
        target = container[key]
        if isinstance(target, dict):
            target[draw(nonempty_texts)] = draw(json_values(max_leaves=5))
        elif isinstance(target, list):
            target.insert(draw(st.integers(0, len(target))), draw(json_values(max_leaves=5)))
        else:
            container[key] = [target]
    return document


# -- datasets for the analysis layer (network, roles, scenarios) ------------------

#: The outside powers of :func:`influence_datasets`.
POWERS = ("RUS", "CHN")
#: Its Central Asian states, which are also the members of its grouping ``"ca"``.
CENTRAL_ASIAN = ("KAZ", "KGZ", "TJK")
#: Every state it holds: the powers, the Central Asian states and one outsider.
INFLUENCE_STATES = (*POWERS, *CENTRAL_ASIAN, "USA")


@st.composite
def influence_datasets(draw: st.DrawFn, max_records: int = 4) -> ca.Dataset:
    """A dataset for the analysis layer: fixed states, a grouping, random relations among them.

    The states are :data:`INFLUENCE_STATES` (KAZ, KGZ and TJK in Central
    Asia), ``"ca"`` is a state grouping of the three, two people serve RUS
    and CHN, and up to *max_records* agreements, arms transfers, events,
    statements and roles (and up to two organisations and scenarios) are
    drawn with references among these actors, the grouping included.
    """
    ev = (ca.Evidence(paragraph=1),)
    fixed_states = [ca.State(id=i, name=i, evidence=ev, region=ca.Region.CENTRAL_ASIA if i in CENTRAL_ASIAN else None) for i in INFLUENCE_STATES]
    grouping = ca.Organization(
        id="ca",
        name="Central Asia",
        kind=ca.OrganizationKind.STATE_GROUPING,
        evidence=ev,
        members=[ca.Membership(member=m, evidence=ev) for m in CENTRAL_ASIAN],
    )
    people_ = [
        ca.Person(id="p-rus", name="R", position="official", evidence=ev, state="RUS"),
        ca.Person(id="p-chn", name="C", position="official", evidence=ev, state="CHN"),
    ]
    actors = [*INFLUENCE_STATES, "ca"]

    def ids(prefix: str, most: int) -> list[str]:
        return [f"{prefix}{i}" for i in range(draw(st.integers(0, most)))]

    event_list = [draw(events(i, actors)) for i in ids("ev", max_records)]
    return ca.Dataset(
        states=fixed_states,
        organizations=[grouping, *(draw(organizations(i, INFLUENCE_STATES)) for i in ids("org", 2))],
        people=people_,
        agreements=[draw(agreements(i, actors)) for i in ids("ag", max_records)],
        arms_transfers=[draw(arms_transfers(i, actors)) for i in ids("at", max_records)],
        events=event_list,
        statements=[draw(statements(i, actors, ["p-rus", "p-chn"], [e.id for e in event_list])) for i in ids("st", max_records)],
        roles=[draw(roles(i, actors)) for i in ids("ro", max_records)],
        scenarios=[draw(scenarios(i, actors)) for i in ids("scn", 2)],
    )


# -- datasets whose records rest on claims -------------------------------------------


def _claim_evidence(paragraph: int, claim: str | None) -> ca.Evidence:
    return ca.Evidence(paragraph=paragraph, quote="words", claim=claim)


@st.composite
def claimed_datasets(draw: st.DrawFn) -> ca.Dataset:
    """Three states, two claims in paragraphs 3 and 7, and agreements, roles and transfers each resting on no claim, one or both."""
    states = [ca.State(id=code, name=code, evidence=[_claim_evidence(1, None)]) for code in ("AAA", "BBB", "CCC")]
    claims = [ca.Claim(id=f"c{p}", kind=ca.ClaimKind.ACT, summary=f"Statement of paragraph {p}.", evidence=[_claim_evidence(p, None)]) for p in (3, 7)]
    ids = [s.id for s in states]

    def evidence() -> list[ca.Evidence]:
        cited = draw(st.lists(st.sampled_from([None, "c3", "c7"]), min_size=1, max_size=2, unique=True))
        return [_claim_evidence(7 if c == "c7" else 3, c) for c in cited]

    records: dict[str, list[object]] = {"agreements": [], "roles": [], "arms_transfers": []}
    for i in range(draw(st.integers(0, 4))):
        parties = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True))
        domain = draw(st.sampled_from(list(ca.Domain)))
        records["agreements"].append(
            ca.Agreement(id=f"ag{i}", title="An agreement.", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=domain, parties=parties, evidence=evidence())
        )
    for i in range(draw(st.integers(0, 4))):
        actor = draw(st.sampled_from(ids))
        domain = draw(st.sampled_from(list(ca.Domain)))
        kind = draw(st.sampled_from([ca.RoleKind.SECURITY_GUARANTOR, ca.RoleKind.INVESTOR, ca.RoleKind.MEDIATOR]))
        records["roles"].append(
            ca.Role(id=f"ro{i}", actor=actor, role=kind, domain=domain, over=[i_ for i_ in ids if i_ != actor], summary="A role.", evidence=evidence())
        )
    for i in range(draw(st.integers(0, 3))):
        supplier, recipient = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        records["arms_transfers"].append(
            ca.ArmsTransfer(
                id=f"at{i}", supplier=supplier, recipient=recipient, designation="X-1", description="", category=ca.SipriCategory.AIRCRAFT, evidence=evidence()
            )
        )
    return ca.Dataset(states=states, claims=claims, **records)  # type: ignore[arg-type]


# -- damaged documents, as text (duplicate keys and deep nesting need the text) ----------------

#: Strings no text field may hold, and ids that look alike but are not.
BAD_STRINGS = (
    "Ka\ud800z",  # a lone surrogate
    "\udfff",
    "bad\nkey\x1b[2J",  # a terminal escape
    "nul\x00",
    "bell\x07",
    "del\x7f",
    "csi\x9b",
    "\ufffe",
    "KAZ\u200b",  # zero-width space
    "\u202eZAK",  # right-to-left override
    "K AZ",
    " KAZ",
    "",
    "e\u0301",  # not NFC
    "ＫＡＺ",  # full-width: NFKC gives KAZ
)
#: Numbers out of every field's range, and values of the wrong type for a number.
BAD_NUMBERS = (0, -1, -(10**30), 10**30, 10**400, 10_000, 1_000_001, True, False, 1.5, 2016.0, "2016")
#: Dates that are no ISO 8601 date of ours.
BAD_DATES = ("２０１６", "٢٠١٦", "2016-0２", "0000", "2016-13", "2016-02-30", "10000", "-2016", "2016-02-01T00:00", "")


class _Twice(dict[str, Any]):
    """An object written with one of its keys twice (the second time with *again*)."""

    def __init__(self, items: dict[str, Any], key: str, again: Any) -> None:
        super().__init__(items)
        self.key, self.again = key, again


class _Raw(str):
    """Text written as it is (punctuation of the document being written)."""


class _Nested:
    """A value written inside *depth* nested lists."""

    def __init__(self, value: Any, depth: int) -> None:
        self.value, self.depth = value, depth


def _write(node: Any) -> str:
    """JSON text of *node*, with :class:`_Twice` keys twice and :class:`_Nested` values deep (iteratively)."""
    out: list[str] = []
    stack: list[Any] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _Raw):
            out.append(item)
        elif isinstance(item, _Nested):
            stack.extend([_Raw("]" * item.depth), item.value, _Raw("[" * item.depth)])
        elif isinstance(item, dict):
            pairs = list(item.items()) + ([(item.key, item.again)] if isinstance(item, _Twice) else [])
            parts: list[Any] = [_Raw("{")]
            for i, (key, value) in enumerate(pairs):
                parts += [_Raw(f"{',' if i else ''}{json.dumps(key)}:"), value]
            stack.extend(reversed([*parts, _Raw("}")]))
        elif isinstance(item, list):
            parts = [_Raw("[")]
            for i, value in enumerate(item):
                parts += [_Raw("," if i else ""), value]
            stack.extend(reversed([*parts, _Raw("]")]))
        else:
            out.append(json.dumps(item))
    return "".join(out)


def _nested_groupings(depth: int, cycle: bool) -> list[dict[str, Any]]:
    """*depth* state groupings, each a member of the next (and the last of the first when *cycle*)."""
    ev = [{"paragraph": 1}]
    chain = [
        {"id": f"g{i}", "name": f"G{i}", "kind": "state-grouping", "evidence": ev, "members": [{"member": f"g{i - 1}" if i else "KAZ", "evidence": ev}]}
        for i in range(depth)
    ]
    if cycle and depth > 1:
        chain[0]["members"].append({"member": f"g{depth - 1}", "evidence": ev})
    return chain


@st.composite
def damaged_documents(draw: st.DrawFn) -> str:
    """A valid dataset's JSON text with one to three damages of the kinds bad input takes.

    Damages: a key or item dropped, a key written twice, a value of another
    type, a string no text field may hold, a number out of range, a date in
    another script's digits, a reference to no record, an actor supplying or
    being a member of itself, groupings nested deep or in a cycle, a value
    nested deep in lists. The text may still be a valid dataset.
    """
    from builders import BASE_DOCUMENT  # the helper modules import each other only here

    document: Any = copy.deepcopy(converter.unstructure(draw(datasets(max_per_collection=2))))
    if draw(st.booleans()):
        # The bad-input catalogue's document, with Kazakhstan in Central Asia.
        document = json.loads(json.dumps(BASE_DOCUMENT))
        document["states"][0]["region"] = "Central Asia"
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(document)
        kind = draw(st.sampled_from(["drop", "twice", "type", "string", "number", "date", "dangling", "self", "nesting", "deep"]))
        if kind == "nesting" or not slots:
            groupings = _nested_groupings(draw(st.sampled_from([2, 50, 101, 3000])), cycle=draw(st.booleans()))
            states = document.get("states", [])
            # An earlier damage may have put another value (a nested one, a string) in place of either list.
            if (
                isinstance(states, list)
                and isinstance(document.get("organizations", []), list)
                and any(isinstance(s, dict) and s.get("id") == "KAZ" for s in states)
            ):
                document.setdefault("organizations", []).extend(groupings)
            continue
        container, key = draw(st.sampled_from(slots))
        value = container[key]
        if kind == "drop":
            del container[key]
        elif kind == "twice" and isinstance(value, dict) and value:
            twice = draw(st.sampled_from(sorted(value)))
            container[key] = _Twice(value, twice, draw(json_values(max_leaves=3)))
        elif kind == "type":
            container[key] = draw(_near_misses | json_values(max_leaves=3))
        elif kind == "string" and isinstance(value, str):
            container[key] = draw(st.sampled_from(BAD_STRINGS))
        elif kind == "number" and isinstance(value, int) or kind == "number" and key in ("year", "cow_code", "gw_code", "number", "paragraph"):
            container[key] = draw(st.sampled_from(BAD_NUMBERS))
        elif kind == "date" and isinstance(value, str) and value[:1].isdigit():
            container[key] = draw(st.sampled_from(BAD_DATES))
        elif kind == "dangling" and isinstance(value, str):
            container[key] = "NO-SUCH-ID"
        elif kind == "self" and isinstance(value, dict) and "id" in value:
            if "recipient" in value:
                value["recipient"] = value.get("supplier")
            elif "members" in value:
                value["members"].append({"member": value["id"], "evidence": [{"paragraph": 1}]})
        elif kind == "deep":
            container[key] = _Nested(value, draw(st.sampled_from([2, 50, 1000, 100_000])))
    return _write(document)


#: Values orjson reads otherwise than Python's json, or not at all: huge integers (orjson: a float),
#: 1e400 (json: inf), an escaped lone surrogate, NaN and infinities, and plain numbers both read alike.
ODD_VALUES = ("123456789012345678901234567890", "18446744073709551616", "-9223372036854775809", "1e400", '"\\ud800"', "NaN", "-Infinity", "-0", "1.0", "7")
_ODD = "\x00odd\x00"


@st.composite
def document_texts(draw: st.DrawFn) -> str | bytes:
    """A dataset document (valid, changed or damaged) as JSON text spelt in one of the ways orjson and json may read apart.

    Indented or compact, ASCII-escaped or not, with whitespace before colons, as
    UTF-8 bytes (with or without a byte order mark), with a string holding ``":``
    (a key end inside a string), or with one value of :data:`ODD_VALUES` in place.
    """
    source = draw(st.sampled_from(["valid", "changed", "damaged"]))
    if source == "damaged":
        text = draw(damaged_documents())
    else:
        document: Any = converter.unstructure(draw(datasets(max_per_collection=2))) if source == "valid" else draw(mutated_documents())
        document = copy.deepcopy(document)
        slots = _slots(document)
        change = draw(st.sampled_from(["none", "odd value", "quoted colon"]))
        if slots and change != "none":
            container, key = draw(st.sampled_from(slots))
            if change == "odd value":
                container[key] = _ODD
            elif isinstance(container[key], str):
                container[key] = 'says "so": ' + container[key]
        text = json.dumps(document, indent=draw(st.sampled_from([None, 2])), ensure_ascii=draw(st.booleans()))
        text = text.replace(json.dumps(_ODD), draw(st.sampled_from(ODD_VALUES)))
    spelling = draw(st.sampled_from(["as is", "spaced colons", "bytes", "bytes with a BOM"]))
    if spelling == "spaced colons":
        return text.replace('": ', '" \t: ')
    if spelling == "bytes":
        return text.encode("utf-8", "surrogatepass")
    if spelling == "bytes with a BOM":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    return text
