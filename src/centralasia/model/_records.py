"""The record classes and the value objects they are built of.

Every record (:data:`Record`) has an id unique across its dataset and
non-empty evidence; the value objects (:class:`Evidence`, :class:`Place`,
:class:`Membership`, :class:`Condition`, :class:`Effect`) have neither id
nor place in a dataset of their own.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from centralasia import _display
from centralasia.errors import ArgumentError, FieldError
from centralasia.model._checks import distinct, identifier, in_range, nonempty, pattern, shared, to_tuple, tuple_of_str, typed_fields
from centralasia.model._dates import DateLike, PartialDate
from centralasia.model._vocab import (
    ARTICLE,
    ARTICLE_PARAGRAPHS,
    ActorId,
    AgreementKind,
    Certainty,
    ClaimKind,
    Direction,
    Domain,
    EventKind,
    EvidenceKind,
    Horizon,
    MembershipStatus,
    OrganizationKind,
    Region,
    RoleKind,
    Scope,
    Section,
    SipriCategory,
    Strength,
)

__all__ = [
    "Agreement",
    "ArmsTransfer",
    "Claim",
    "Condition",
    "Effect",
    "Event",
    "Evidence",
    "Membership",
    "Organization",
    "Person",
    "Place",
    "Record",
    "Role",
    "Scenario",
    "State",
    "Statement",
]

#: The years a record may give (an arms transfer's ``year``), those of :class:`PartialDate`.
YEARS = (1, 9999)
#: Correlates of War and Gleditsch-Ward state numbers are 2 to 990; any 1 to 999 is accepted.
STATE_NUMBERS = (1, 999)
#: The most items one arms transfer may count.
MAX_ITEMS = 10**6


def _not_before_since(instance: Membership | Role, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None) -> None:
    """``until`` must not end before ``since`` begins."""
    since = instance.since
    if value is not None and since is not None and value.latest < since.earliest:
        raise FieldError(attribute.name, f"until {value} is before since {since}", type(instance).__name__)


# --------------------------------------------------------------------------
# Value objects
# --------------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Evidence:
    """Where a record's claim stands: a place in the article, or a named public source.

    Attributes
    ----------
    source : str
        :data:`ARTICLE` for the article; for background, the public source by name.
    kind : EvidenceKind
        Article evidence or background.
    section : Section
        The part of the article (for background: the part that relies on it).
    paragraph : int or None
        Body paragraph 1 to 11; ``None`` outside the body.
    quote : str or None
        A short anchor phrase copied verbatim from the article (article evidence only).
    fields : tuple of str
        For background evidence: the record fields whose values come from it.
        ``Dataset.article_only()`` resets these fields to their defaults.
    note : str or None
        Why the evidence supports the record, where that is not obvious.
    claim : str or None
        For article evidence: the id of the :class:`Claim` (the statement of
        the article) the record rests on. Records resting on one claim share
        its weight: one claim, one vote.

    Examples
    --------
    >>> e = Evidence(paragraph=7, quote="In February 2016")
    >>> e.is_background, e.section
    (False, <Section.BODY: 'body'>)
    """

    paragraph: int | None = None
    quote: str | None = None
    section: Section = Section.BODY
    kind: EvidenceKind = EvidenceKind.ARTICLE
    source: str = ARTICLE
    fields: tuple[str, ...] = attrs.field(factory=tuple, converter=tuple_of_str)
    note: str | None = None
    claim: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.section is Section.BODY:
            if self.paragraph is None or not 1 <= self.paragraph <= ARTICLE_PARAGRAPHS:
                raise FieldError("paragraph", f"a body paragraph is 1 to {ARTICLE_PARAGRAPHS}, not {self.paragraph}", "Evidence")
        elif self.paragraph is not None:
            raise FieldError("paragraph", f"only the body has paragraphs, not the {self.section.value}", "Evidence")
        if self.kind is EvidenceKind.ARTICLE:
            if self.source != ARTICLE:
                raise FieldError("source", f"article evidence has source {ARTICLE!r}", "Evidence")
            if self.fields:
                raise FieldError("fields", "only background evidence names fields", "Evidence")
        else:
            if self.source == ARTICLE or not self.source.strip():
                raise FieldError("source", "background evidence names its public source", "Evidence")
            if self.quote is not None:
                raise FieldError("quote", "a quote is verbatim article text; background evidence has none", "Evidence")
            if self.claim is not None:
                raise FieldError("claim", "a claim is a statement of the article; background evidence rests on none", "Evidence")
        if self.quote is not None and not self.quote.strip():
            raise FieldError("quote", "a quote must not be blank", "Evidence")

    @property
    def is_background(self) -> bool:
        """Whether this is background rather than the article."""
        return self.kind is EvidenceKind.BACKGROUND


# Records cite the same few places of the article again and again: equal evidence
# lists and dates are one object each (at most 4096 of each remembered), not one per
# record, which halves the memory a large dataset holds. They are immutable values,
# so nothing can tell a shared one from its own copy but ``is``.
_SHARED_EVIDENCE = shared(4096, tuple, of=Evidence)
_SHARED_DATE = shared(4096, PartialDate)


def _evidences(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return _SHARED_EVIDENCE(to_tuple(value))


def _date(value: PartialDate | None) -> PartialDate | None:
    return _SHARED_DATE(value)


@functools.lru_cache(maxsize=1024)
def _year(year: int) -> PartialDate:
    """The year *year* as a date: one object per year, not one per call (the analyses ask per relation)."""
    return PartialDate(year)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Place:
    """A named place, in a state where the article or background says which.

    Examples
    --------
    >>> Place(name="Dushanbe", state="TJK")
    Place(name='Dushanbe', state='TJK')
    """

    name: str = attrs.field(validator=nonempty)
    state: ActorId | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Membership:
    """One actor's standing in an organisation, with its own evidence."""

    member: ActorId
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    status: MembershipStatus = MembershipStatus.MEMBER
    since: PartialDate | None = attrs.field(default=None, converter=_date)
    until: PartialDate | None = attrs.field(default=None, converter=_date, validator=_not_before_since)
    certainty: Certainty = Certainty.STATED


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return to_tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Condition:
    """A driver of a scenario: what has to happen for it to come about."""

    description: str = attrs.field(validator=nonempty)
    actors: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Effect:
    """What a scenario does to one actor's role in one domain.

    ``over`` names whom the role is over (empty: the Central Asian states).
    """

    actor: ActorId
    domain: Domain
    direction: Direction
    description: str = attrs.field(validator=nonempty)
    over: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    #: How strongly the article says the role moves.
    strength: Strength = Strength.MODERATE
    #: The article's words the effect rests on, verbatim.
    quote: str | None = None
    #: Whether the effect is our reading of the article rather than its words (a symmetric reading of "both").
    assumed: bool = False


# --------------------------------------------------------------------------
# Records: each has an id unique across the dataset and non-empty evidence
# --------------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Claim:
    """One statement of the article: the unit of evidence, whatever records rest on it.

    Records cite a claim through their evidence (``Evidence(claim=...)``); all
    records resting on one claim share its weight, so one sentence of the
    article counts once. A claim with no records resting on it still says
    something the article says (an assessment, a condition) and can be queried.

    Attributes
    ----------
    kind : ClaimKind
        An act, a tie, an assessment, an intent or a projection.
    summary : str
        What the statement says, in our words.
    evidence : tuple of Evidence
        Where it stands: article evidence with a verbatim anchor.
    actors : tuple of str
        Whom it is about (the subject).
    about : tuple of str
        Whom or what else it concerns.
    domain : Domain or None
        The domain it speaks to, where one.
    modality : str or None
        The article's own hedge, verbatim ("may", "could", "reported").
    trend : Direction or None
        The article's own direction words ("increasingly", "used to be"): increase or decrease.
    scope : Scope
        About named states, or region-wide.
    certainty : Certainty
        As the article puts it.

    Examples
    --------
    >>> c = Claim(id="c-p08-hq9", kind=ClaimKind.ACT, summary="China supplied HQ-9s.", evidence=[Evidence(paragraph=8, quote="provided Turkmenistan and Uzbekistan the HQ-9")], certainty=Certainty.REPORTED)
    >>> c.kind.value, c.scope.value
    ('act', 'bilateral')
    """

    id: str = attrs.field(validator=identifier)
    kind: ClaimKind
    summary: str = attrs.field(validator=nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    actors: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    about: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    domain: Domain | None = None
    modality: str | None = None
    trend: Direction | None = None
    scope: Scope = Scope.BILATERAL
    certainty: Certainty = Certainty.STATED


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class State:
    """A sovereign state. Its ``id`` is the ISO 3166-1 alpha-3 code.

    Examples
    --------
    >>> kaz = State(id="KAZ", name="Kazakhstan", evidence=[Evidence(paragraph=1)], cow_code=705)
    >>> kaz.cow_code
    705
    """

    id: str = attrs.field(validator=pattern(r"[A-Z]{3}", "an ISO 3166-1 alpha-3 code"))
    name: str = attrs.field(validator=nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    #: Correlates of War state number (1 to 999).
    cow_code: int | None = attrs.field(default=None, validator=in_range(*STATE_NUMBERS))
    #: Gleditsch and Ward state number (1 to 999).
    gw_code: int | None = attrs.field(default=None, validator=in_range(*STATE_NUMBERS))
    #: Wikidata item, e.g. ``"Q232"``.
    wikidata: str | None = attrs.field(default=None, validator=pattern(r"Q[1-9][0-9]*", "a Wikidata item id such as 'Q232'"))
    region: Region | None = None
    #: How the article names the state or its government ("Moscow", "the Kremlin").
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=tuple_of_str)


def _no_self_membership(instance: Organization, attribute: attrs.Attribute[tuple[Membership, ...]], value: tuple[Membership, ...]) -> None:
    for i, membership in enumerate(value):
        if membership.member == instance.id:
            raise FieldError(f"members[{i}].member", f"an organisation is not its own member: {instance.id!r:.40}", "Organization")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Organization:
    """An organisation, mechanism, group or non-state actor."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=nonempty)
    kind: OrganizationKind
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    acronym: str | None = None
    members: tuple[Membership, ...] = attrs.field(factory=tuple, converter=_memberships, validator=_no_self_membership)
    founded: PartialDate | None = attrs.field(default=None, converter=_date)
    seat: Place | None = None
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=tuple_of_str)

    def member_ids(self, as_of: DateLike | None = None) -> tuple[ActorId, ...]:
        """The ids of the members, optionally only those that had joined by *as_of*.

        A membership without ``since`` counts at any date.
        """
        if as_of is None:
            return tuple(m.member for m in self.members)
        try:
            cut = PartialDate.coerce(as_of)
        except FieldError as exc:
            raise ArgumentError("as_of", exc.message) from None
        return tuple(m.member for m in self.members if (m.since is None or m.since <= cut) and (m.until is None or m.until > cut))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Person:
    """A person the article names: an official, an envoy, an author."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=nonempty)
    position: str
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    #: The state the person serves, where the article says so.
    state: ActorId | None = None
    affiliations: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=tuple_of_str)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Agreement:
    """An agreement between actors, formal or tacit."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=nonempty)
    kind: AgreementKind
    domain: Domain
    parties: tuple[ActorId, ...] = attrs.field(converter=tuple_of_str, validator=[nonempty, distinct])
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    date: PartialDate | None = attrs.field(default=None, converter=_date)
    place: Place | None = None
    #: The organisation or mechanism the agreement sets up, if any.
    establishes: ActorId | None = None
    certainty: Certainty = Certainty.STATED


def _not_the_supplier(instance: ArmsTransfer, attribute: attrs.Attribute[str], value: str) -> None:
    if value == instance.supplier:
        raise FieldError("recipient", f"an actor does not supply arms to itself: supplier and recipient are both {value!r:.40}", "ArmsTransfer")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ArmsTransfer:
    """A supply of weapons from one actor to another (never to itself).

    ``year`` is 1 to 9999 (as every date), ``number`` 1 to a million.
    """

    id: str = attrs.field(validator=identifier)
    supplier: ActorId
    recipient: ActorId = attrs.field(validator=_not_the_supplier)
    designation: str = attrs.field(validator=nonempty)
    description: str
    category: SipriCategory
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    #: The year of delivery, where known.
    year: int | None = attrs.field(default=None, validator=in_range(*YEARS))
    number: int | None = attrs.field(default=None, validator=in_range(1, MAX_ITEMS))
    #: The article says this was the supplier's first such supply to the recipient.
    first_from_supplier: bool = False
    certainty: Certainty = Certainty.STATED

    @property
    def date(self) -> PartialDate | None:
        """The year as a :class:`PartialDate`, for date filters."""
        return None if self.year is None else _year(self.year)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Event:
    """Something that happened: an attack, a visit, a meeting, talks..."""

    id: str = attrs.field(validator=identifier)
    kind: EventKind
    title: str = attrs.field(validator=nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    date: PartialDate | None = attrs.field(default=None, converter=_date)
    place: Place | None = None
    #: Who acted (visitors, attackers where known, parties to talks).
    actors: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    #: Whom an attack struck or whom an announcement concerns.
    targets: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    host: ActorId | None = None
    #: The organisation under whose roof it took place.
    organization: ActorId | None = None
    #: Whether it is described as going on, or as happening again and again.
    ongoing: bool = False
    certainty: Certainty = Certainty.STATED


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Statement:
    """Something officials said, with their own words where the article quotes them."""

    id: str = attrs.field(validator=identifier)
    speakers: tuple[str, ...] = attrs.field(converter=tuple_of_str, validator=[nonempty, distinct])
    summary: str = attrs.field(validator=nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    on_behalf_of: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    #: The event at which it was said.
    occasion: str | None = None
    date: PartialDate | None = attrs.field(default=None, converter=_date)
    #: The speaker's own words, verbatim, where the article quotes them.
    quote: str | None = None
    #: Whom or what it concerns.
    about: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=tuple_of_str, validator=distinct)
    domain: Domain = Domain.SECURITY
    #: Said more than once ("has stated many times").
    repeated: bool = False
    certainty: Certainty = Certainty.STATED


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Role:
    """A claim that an actor plays a role, in a domain, for some actors, over a period."""

    id: str = attrs.field(validator=identifier)
    actor: ActorId
    role: RoleKind
    domain: Domain
    over: tuple[ActorId, ...] = attrs.field(converter=tuple_of_str, validator=[nonempty, distinct])
    summary: str = attrs.field(validator=nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    since: PartialDate | None = attrs.field(default=None, converter=_date)
    until: PartialDate | None = attrs.field(default=None, converter=_date, validator=_not_before_since)
    #: Growing, shrinking or steady, where the article says.
    trend: Direction | None = None
    certainty: Certainty = Certainty.STATED

    def __attrs_post_init__(self) -> None:
        if self.actor in self.over:  # a role over oneself gives no relation: it would count for nothing, silently
            raise FieldError(f"over[{self.over.index(self.actor)}]", f"a role is over others, not over its own actor {self.actor!r:.40}", "Role")


# Typed converters (not ``tuple`` or a generic one): type checkers read a field's
# parameter type from its converter's, so ``effects=[Effect(...)]`` checks and a list of
# anything else does not.
def _conditions(value: Iterable[Condition]) -> tuple[Condition, ...]:
    return to_tuple(value)


def _effects(value: Iterable[Effect]) -> tuple[Effect, ...]:
    return to_tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Scenario:
    """A future the article sketches: its drivers, its effects and its outcome."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=nonempty)
    horizon: Horizon
    outcome: str = attrs.field(validator=nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=nonempty)
    conditions: tuple[Condition, ...] = attrs.field(factory=tuple, converter=_conditions)
    effects: tuple[Effect, ...] = attrs.field(factory=tuple, converter=_effects)
    certainty: Certainty = Certainty.PROJECTED


#: Any record of a dataset.
Record = State | Organization | Person | Agreement | ArmsTransfer | Event | Statement | Role | Scenario | Claim

# A short repr and an HTML table of its fields with citations, for notebooks; ``str()`` keeps every field.
_display.show_records(
    {
        State: ("id", "name"),
        Organization: ("id", "name", "kind"),
        Person: ("id", "name", "state"),
        Agreement: ("id", "title", "domain", "date"),
        ArmsTransfer: ("id", "supplier", "recipient", "designation", "year"),
        Event: ("id", "kind", "title", "date"),
        Statement: ("id", "speakers", "summary", "date"),
        Role: ("id", "actor", "role", "domain", "over"),
        Scenario: ("id", "title", "horizon"),
        Claim: ("id", "kind", "summary"),
    }
)
