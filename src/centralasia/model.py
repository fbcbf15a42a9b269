"""The typed, immutable domain model: records, their vocabularies and the dataset.

This module does no I/O: reading and writing JSON lives in
:mod:`centralasia.convert` and :mod:`centralasia.loader`.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from typing import Any, ClassVar, TypeVar, cast, overload

import attrs

from centralasia.errors import DataError, FieldError, Problem, UnknownIdError

__all__ = [
    "ARTICLE",
    "ActorId",
    "Agreement",
    "AgreementKind",
    "ArmsTransfer",
    "Certainty",
    "Condition",
    "Dataset",
    "DateLike",
    "Direction",
    "Domain",
    "Effect",
    "Event",
    "EventKind",
    "Evidence",
    "EvidenceKind",
    "Horizon",
    "Membership",
    "MembershipStatus",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Person",
    "Place",
    "Precision",
    "Record",
    "Region",
    "Role",
    "RoleKind",
    "Scenario",
    "Section",
    "SipriCategory",
    "State",
    "Statement",
]

#: The id of the source article, as :attr:`Evidence.source` of article evidence.
ARTICLE = "kosnazarov-akylbayev-2016"

#: The article's body paragraphs are numbered 1 to this.
ARTICLE_PARAGRAPHS = 11

#: Any id of a :class:`State` or :class:`Organization` (the actors).
ActorId = str


# --------------------------------------------------------------------------
# Closed vocabularies
# --------------------------------------------------------------------------


class Certainty(enum.Enum):
    """How sure the article is of a claim, in its own words."""

    #: The article states it as fact.
    STATED = "stated"
    #: The article passes it on as reported ("it has been reported that...").
    REPORTED = "reported"
    #: The authors' own judgement or reading of events.
    ASSESSED = "assessed"
    #: A projection: what a scenario of the article would bring.
    PROJECTED = "projected"


class Domain(enum.Enum):
    """The fields of influence the article tells apart ("division of labour")."""

    SECURITY = "security"
    ECONOMIC = "economic"
    DIPLOMATIC = "diplomatic"


class EvidenceKind(enum.Enum):
    """Whether a piece of evidence is the article or public background to it."""

    ARTICLE = "article"
    #: A public fact the article relies on but does not state; the source is named.
    BACKGROUND = "background"


class Section(enum.Enum):
    """Where in the article a piece of evidence stands."""

    TITLE = "title"
    #: The photo caption above the byline; not a body paragraph.
    CAPTION = "caption"
    BYLINE = "byline"
    #: Body paragraphs 1 to 11, from "The recent terrorist attacks..." on.
    BODY = "body"
    #: The note on the authors after the last paragraph.
    AUTHOR_NOTE = "author-note"


class Region(enum.Enum):
    """UN M49 sub-regions of the states in the dataset (background)."""

    CENTRAL_ASIA = "Central Asia"
    EASTERN_ASIA = "Eastern Asia"
    EASTERN_EUROPE = "Eastern Europe"
    SOUTHERN_ASIA = "Southern Asia"
    WESTERN_ASIA = "Western Asia"
    NORTHERN_AMERICA = "Northern America"
    LATIN_AMERICA_AND_THE_CARIBBEAN = "Latin America and the Caribbean"
    SUB_SAHARAN_AFRICA = "Sub-Saharan Africa"


class OrganizationKind(enum.Enum):
    """What kind of organisation, mechanism or group an :class:`Organization` is."""

    INTERGOVERNMENTAL_ORGANIZATION = "intergovernmental-organization"
    #: A grouping that meets at summits without a charter body (BRICS).
    FORUM = "forum"
    #: A standing security or counter-terrorism mechanism or centre.
    SECURITY_MECHANISM = "security-mechanism"
    #: A contact group for negotiations (the QCG on Afghanistan).
    CONTACT_GROUP = "contact-group"
    NON_STATE_ARMED_GROUP = "non-state-armed-group"
    GOVERNMENT_AGENCY = "government-agency"
    RESEARCH_INSTITUTE = "research-institute"
    UNIVERSITY = "university"
    #: States the article speaks of together ("Central Asia", "the West").
    STATE_GROUPING = "state-grouping"


class MembershipStatus(enum.Enum):
    """A member's standing in an :class:`Organization`."""

    MEMBER = "member"
    FOUNDING_MEMBER = "founding-member"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue-partner"
    PARTICIPANT = "participant"


class AgreementKind(enum.Enum):
    """What kind of agreement an :class:`Agreement` is."""

    BILATERAL_AGREEMENT = "bilateral-agreement"
    #: An agreement that sets up a standing multilateral mechanism.
    MULTILATERAL_MECHANISM = "multilateral-mechanism"
    #: An unwritten understanding the article reads into the parties' conduct.
    TACIT_UNDERSTANDING = "tacit-understanding"


class SipriCategory(enum.Enum):
    """SIPRI Arms Transfers Database weapon categories."""

    AIRCRAFT = "aircraft"
    AIR_DEFENCE_SYSTEMS = "air-defence-systems"
    ANTI_SUBMARINE_WARFARE = "anti-submarine-warfare"
    ARMOURED_VEHICLES = "armoured-vehicles"
    ARTILLERY = "artillery"
    ENGINES = "engines"
    MISSILES = "missiles"
    NAVAL_WEAPONS = "naval-weapons"
    SATELLITES = "satellites"
    SENSORS = "sensors"
    SHIPS = "ships"
    OTHER = "other"


class EventKind(enum.Enum):
    """What kind of thing happened in an :class:`Event`."""

    ATTACK = "attack"
    VISIT = "visit"
    MEETING = "meeting"
    SUMMIT = "summit"
    EXERCISE = "exercise"
    #: A transfer of power at the top of a state.
    TRANSITION = "transition"
    TALKS = "talks"
    ANNOUNCEMENT = "announcement"
    #: Armed or militant activity that is not a single attack.
    MILITANT_ACTIVITY = "militant-activity"


class RoleKind(enum.Enum):
    """The roles the article gives actors in Central Asia."""

    SECURITY_GUARANTOR = "security-guarantor"
    ECONOMIC_DEVELOPER = "economic-developer"
    INVESTOR = "investor"
    ARMS_SUPPLIER = "arms-supplier"
    SECURITY_PARTNER = "security-partner"
    COUNTER_TERRORISM_PARTNER = "counter-terrorism-partner"
    MEDIATOR = "mediator"
    #: Keeping other powers out of the region.
    GATEKEEPER = "gatekeeper"
    #: Framing a threat to win a security role ("discourse of danger").
    SECURITIZER = "securitizer"
    #: A state seeking to be a partner of both powers at once.
    BALANCER = "balancer"
    SECURITY_THREAT = "security-threat"


class Direction(enum.Enum):
    """Which way a scenario moves an actor's role."""

    INCREASE = "increase"
    DECREASE = "decrease"
    #: The article says the role shifts but not which way.
    SHIFT = "shift"
    UNCHANGED = "unchanged"


class Horizon(enum.Enum):
    """The time horizon of a :class:`Scenario`, as the article gives it."""

    SHORT_TO_MEDIUM_TERM = "short-to-medium-term"
    LONG_TERM = "long-term"
    UNSPECIFIED = "unspecified"


class Precision(enum.Enum):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


# --------------------------------------------------------------------------
# Value objects
# --------------------------------------------------------------------------

_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 9999:
        raise FieldError("year", f"year must be 1 to 9999, not {value}", "PartialDate")


def _check_month(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise FieldError("month", f"month must be 1 to 12, not {value}", "PartialDate")


def _check_day(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise FieldError("day", "a day needs a month", "PartialDate")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise FieldError("day", f"day must be 1 to {last} in {instance.year:04d}-{instance.month:02d}, not {value}", "PartialDate")


@attrs.frozen(eq=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    It keeps the article's precision: "February 2016" is ``PartialDate(2016, 2)``
    and nothing fills in the missing day. In JSON it is the ISO 8601 string of
    that precision. Dates order by ``(year, month or 0, day or 0)``, which is
    also the order of their ISO strings, so ``2016 < 2016-02 < 2016-02-01``.

    Examples
    --------
    >>> d = PartialDate.parse("2016-02")
    >>> d.precision
    <Precision.MONTH: 'month'>
    >>> str(d), d.earliest, d.latest
    ('2016-02', datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    >>> PartialDate.parse("2015") < d < PartialDate.parse("2016-06-08")
    True
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise :class:`ValueError` otherwise."""
        match = _ISO_PARTIAL.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise FieldError(None, f"not an ISO 8601 date of year, month or day precision: {text!r:.40}", "PartialDate")
        year, month, day = match.groups()
        return cls(int(year), None if month is None else int(month), None if day is None else int(day))

    @classmethod
    def coerce(cls, value: DateLike) -> PartialDate:
        """Make a :class:`PartialDate` of a string, a :class:`datetime.date` or itself.

        Examples
        --------
        >>> import datetime
        >>> PartialDate.coerce("2016-12-31") == PartialDate.coerce(datetime.date(2016, 12, 31))
        True
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        return cls.parse(value)

    @property
    def precision(self) -> Precision:
        """The finest part known: year, month or day."""
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    @property
    def earliest(self) -> _dt.date:
        """The first day the date can mean."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> _dt.date:
        """The last day the date can mean."""
        month = self.month or 12
        return _dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


#: What every ``as_of`` and date argument accepts.
DateLike = PartialDate | _dt.date | str


_Sized = TypeVar("_Sized", bound=Sized)
_S = TypeVar("_S", bound=str | None)


def _nonempty(instance: object, attribute: attrs.Attribute[_Sized], value: _Sized) -> None:
    if not value:
        raise FieldError(attribute.name, f"{attribute.name} must not be empty", type(instance).__name__)


def _pattern(regex: str, what: str) -> Callable[[object, attrs.Attribute[_S], _S], None]:
    compiled = re.compile(regex)

    def check(instance: object, attribute: attrs.Attribute[_S], value: _S) -> None:
        if value is not None and not compiled.fullmatch(value):
            raise FieldError(attribute.name, f"{attribute.name} must be {what}, not {value!r:.40}", type(instance).__name__)

    return check


def _positive(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and value < 1:
        raise FieldError(attribute.name, f"{attribute.name} must be at least 1, not {value}", type(instance).__name__)


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        # A lone string would silently become a tuple of letters.
        raise TypeError("expected a sequence of ids, got a single string")
    return tuple(value)


@attrs.frozen
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
    fields: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)
    note: str | None = None

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
        if self.quote is not None and not self.quote.strip():
            raise FieldError("quote", "a quote must not be blank", "Evidence")

    @property
    def is_background(self) -> bool:
        """Whether this is background rather than the article."""
        return self.kind is EvidenceKind.BACKGROUND


def _evidences(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


@attrs.frozen
class Place:
    """A named place, in a state where the article or background says which.

    Examples
    --------
    >>> Place("Dushanbe", "TJK")
    Place(name='Dushanbe', state='TJK')
    """

    name: str = attrs.field(validator=_nonempty)
    state: ActorId | None = None


@attrs.frozen
class Membership:
    """One actor's standing in an organisation, with its own evidence."""

    member: ActorId
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    status: MembershipStatus = MembershipStatus.MEMBER
    since: PartialDate | None = None
    until: PartialDate | None = None
    certainty: Certainty = Certainty.STATED


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return tuple(value)


@attrs.frozen
class Condition:
    """A driver of a scenario: what has to happen for it to come about."""

    description: str = attrs.field(validator=_nonempty)
    actors: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)


@attrs.frozen
class Effect:
    """What a scenario does to one actor's role in one domain.

    ``over`` names whom the role is over (empty: the Central Asian states).
    """

    actor: ActorId
    domain: Domain
    direction: Direction
    description: str = attrs.field(validator=_nonempty)
    over: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)


# --------------------------------------------------------------------------
# Records: each has an id unique across the dataset and non-empty evidence
# --------------------------------------------------------------------------


@attrs.frozen
class State:
    """A sovereign state. Its ``id`` is the ISO 3166-1 alpha-3 code.

    Examples
    --------
    >>> kaz = State("KAZ", "Kazakhstan", evidence=[Evidence(paragraph=1)], cow_code=705)
    >>> kaz.cow_code
    705
    """

    id: str = attrs.field(validator=_pattern(r"[A-Z]{3}", "an ISO 3166-1 alpha-3 code"))
    name: str = attrs.field(validator=_nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    #: Correlates of War state number.
    cow_code: int | None = None
    #: Gleditsch and Ward state number.
    gw_code: int | None = None
    #: Wikidata item, e.g. ``"Q232"``.
    wikidata: str | None = attrs.field(default=None, validator=_pattern(r"Q[1-9]\d*", "a Wikidata item id such as 'Q232'"))
    region: Region | None = None
    #: How the article names the state or its government ("Moscow", "the Kremlin").
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)


@attrs.frozen
class Organization:
    """An organisation, mechanism, group or non-state actor."""

    id: str
    name: str = attrs.field(validator=_nonempty)
    kind: OrganizationKind
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    acronym: str | None = None
    members: tuple[Membership, ...] = attrs.field(factory=tuple, converter=_memberships)
    founded: PartialDate | None = None
    seat: Place | None = None
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)

    def member_ids(self, as_of: DateLike | None = None) -> tuple[ActorId, ...]:
        """The ids of the members, optionally only those that had joined by *as_of*.

        A membership without ``since`` counts at any date.
        """
        if as_of is None:
            return tuple(m.member for m in self.members)
        cut = PartialDate.coerce(as_of)
        return tuple(
            m.member
            for m in self.members
            if (m.since is None or m.since <= cut) and (m.until is None or m.until > cut)
        )


@attrs.frozen
class Person:
    """A person the article names: an official, an envoy, an author."""

    id: str
    name: str = attrs.field(validator=_nonempty)
    position: str
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    #: The state the person serves, where the article says so.
    state: ActorId | None = None
    affiliations: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)


@attrs.frozen
class Agreement:
    """An agreement between actors, formal or tacit."""

    id: str
    title: str = attrs.field(validator=_nonempty)
    kind: AgreementKind
    domain: Domain
    parties: tuple[ActorId, ...] = attrs.field(converter=_tuple_of_str, validator=_nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    date: PartialDate | None = None
    place: Place | None = None
    #: The organisation or mechanism the agreement sets up, if any.
    establishes: ActorId | None = None
    certainty: Certainty = Certainty.STATED


@attrs.frozen
class ArmsTransfer:
    """A supply of weapons from one actor to another."""

    id: str
    supplier: ActorId
    recipient: ActorId
    designation: str = attrs.field(validator=_nonempty)
    description: str
    category: SipriCategory
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    #: The year of delivery, where known.
    year: int | None = None
    number: int | None = attrs.field(default=None, validator=_positive)
    #: The article says this was the supplier's first such supply to the recipient.
    first_from_supplier: bool = False
    certainty: Certainty = Certainty.STATED

    @property
    def date(self) -> PartialDate | None:
        """The year as a :class:`PartialDate`, for date filters."""
        return None if self.year is None else PartialDate(self.year)


@attrs.frozen
class Event:
    """Something that happened: an attack, a visit, a meeting, talks..."""

    id: str
    kind: EventKind
    title: str = attrs.field(validator=_nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    date: PartialDate | None = None
    place: Place | None = None
    #: Who acted: visitors, attackers where known, parties to talks.
    actors: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)
    #: Whom an attack struck or whom an announcement concerns.
    targets: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)
    host: ActorId | None = None
    #: The organisation under whose roof it took place.
    organization: ActorId | None = None
    #: Whether it is described as going on, or as happening again and again.
    ongoing: bool = False
    certainty: Certainty = Certainty.STATED


@attrs.frozen
class Statement:
    """Something officials said, with their own words where the article quotes them."""

    id: str
    speakers: tuple[str, ...] = attrs.field(converter=_tuple_of_str, validator=_nonempty)
    summary: str = attrs.field(validator=_nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    on_behalf_of: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)
    #: The event at which it was said.
    occasion: str | None = None
    date: PartialDate | None = None
    #: The speaker's own words, verbatim, where the article quotes them.
    quote: str | None = None
    #: Whom or what it concerns.
    about: tuple[ActorId, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)
    domain: Domain = Domain.SECURITY
    #: Said more than once ("has stated many times").
    repeated: bool = False
    certainty: Certainty = Certainty.STATED


@attrs.frozen
class Role:
    """A claim that an actor plays a role, in a domain, for some actors, over a period."""

    id: str
    actor: ActorId
    role: RoleKind
    domain: Domain
    over: tuple[ActorId, ...] = attrs.field(converter=_tuple_of_str, validator=_nonempty)
    summary: str = attrs.field(validator=_nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    since: PartialDate | None = None
    until: PartialDate | None = None
    #: Growing, shrinking or steady, where the article says.
    trend: Direction | None = None
    certainty: Certainty = Certainty.STATED


@attrs.frozen
class Scenario:
    """A future the article sketches: its drivers, its effects and its outcome."""

    id: str
    title: str = attrs.field(validator=_nonempty)
    horizon: Horizon
    outcome: str = attrs.field(validator=_nonempty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidences, validator=_nonempty)
    conditions: tuple[Condition, ...] = attrs.field(factory=tuple, converter=tuple)
    effects: tuple[Effect, ...] = attrs.field(factory=tuple, converter=tuple)
    certainty: Certainty = Certainty.PROJECTED


#: Any record of a dataset.
Record = State | Organization | Person | Agreement | ArmsTransfer | Event | Statement | Role | Scenario

_R = TypeVar("_R", bound=Record)
_FACTORY: type = type(attrs.Factory(tuple))  # attrs.Factory is typed as a function
_T = TypeVar("_T")

# Which fields of which record kinds name which kind of record; the single source
# for reference checking (and for anyone else that walks references).
_ACTOR = "actor"
_PERSON = "person"
_EVENT = "event"


def _references(record: Record) -> Iterator[tuple[str, str, str]]:
    """Yield ``(relative path, id, expected kind)`` for every id *record* names."""

    def many(name: str, ids: tuple[str, ...], kind: str) -> Iterator[tuple[str, str, str]]:
        for i, ref in enumerate(ids):
            yield f".{name}[{i}]", ref, kind

    def one(name: str, ref: str | None, kind: str) -> Iterator[tuple[str, str, str]]:
        if ref is not None:
            yield f".{name}", ref, kind

    def place(name: str, value: Place | None) -> Iterator[tuple[str, str, str]]:
        if value is not None:
            yield from one(f"{name}.state", value.state, _ACTOR)

    if isinstance(record, Organization):
        for i, m in enumerate(record.members):
            yield f".members[{i}].member", m.member, _ACTOR
        yield from place("seat", record.seat)
    elif isinstance(record, Person):
        yield from one("state", record.state, _ACTOR)
        yield from many("affiliations", record.affiliations, _ACTOR)
    elif isinstance(record, Agreement):
        yield from many("parties", record.parties, _ACTOR)
        yield from place("place", record.place)
        yield from one("establishes", record.establishes, _ACTOR)
    elif isinstance(record, ArmsTransfer):
        yield from one("supplier", record.supplier, _ACTOR)
        yield from one("recipient", record.recipient, _ACTOR)
    elif isinstance(record, Event):
        yield from place("place", record.place)
        yield from many("actors", record.actors, _ACTOR)
        yield from many("targets", record.targets, _ACTOR)
        yield from one("host", record.host, _ACTOR)
        yield from one("organization", record.organization, _ACTOR)
    elif isinstance(record, Statement):
        yield from many("speakers", record.speakers, _PERSON)
        yield from many("on_behalf_of", record.on_behalf_of, _ACTOR)
        yield from one("occasion", record.occasion, _EVENT)
        yield from many("about", record.about, _ACTOR)
    elif isinstance(record, Role):
        yield from one("actor", record.actor, _ACTOR)
        yield from many("over", record.over, _ACTOR)
    elif isinstance(record, Scenario):
        for i, c in enumerate(record.conditions):
            yield from many(f"conditions[{i}].actors", c.actors, _ACTOR)
        for i, e in enumerate(record.effects):
            yield f".effects[{i}].actor", e.actor, _ACTOR
            yield from many(f"effects[{i}].over", e.over, _ACTOR)


def _a(noun: str) -> str:
    """*noun* with its indefinite article: "an Agreement", "a State"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _kind_of(record: Record) -> str:
    if isinstance(record, (State, Organization)):
        return _ACTOR
    if isinstance(record, Person):
        return _PERSON
    if isinstance(record, Event):
        return _EVENT
    return "other"


def _evidence_lists(record: Record) -> Iterator[tuple[str, Record | Membership, tuple[Evidence, ...]]]:
    """Yield ``(relative path, owner, evidence)`` for the record and its memberships."""
    yield ".evidence", record, record.evidence
    if isinstance(record, Organization):
        for i, m in enumerate(record.members):
            yield f".members[{i}].evidence", m, m.evidence


def _background_field_problem(owner: object, field: str) -> str | None:
    """Why *field* (``name`` or dotted ``place.state``) cannot be reset on *owner*, or None."""
    head, _, rest = field.partition(".")
    owner_type = type(owner)
    fields = attrs.fields_dict(owner_type) if attrs.has(owner_type) else {}
    if head not in fields or fields[head].default is attrs.NOTHING or head in ("id", "evidence"):
        return f"{field!r} is not an optional field of {type(owner).__name__}"
    value = getattr(owner, head)
    if rest and value is not None:
        return _background_field_problem(value, rest)
    return None


_A = TypeVar("_A")


def _reset_field(owner: _A, field: str) -> _A:
    """*owner* with *field* (``name`` or dotted ``place.state``) back at its default."""
    head, _, rest = field.partition(".")
    if rest:
        value = getattr(owner, head)
        return owner if value is None else attrs.evolve(owner, **{head: _reset_field(value, rest)})  # type: ignore[misc]
    default: object = attrs.fields_dict(type(owner))[head].default  # type: ignore[arg-type]
    # A Factory default (tuple fields) is called, as attrs does on init.
    value = getattr(default, "factory")() if isinstance(default, _FACTORY) else default
    return attrs.evolve(owner, **{head: value})  # type: ignore[misc]


_E = TypeVar("_E", bound=Record | Membership)


def _strip_background(owner: _E) -> _E | None:
    """The article's view of a record or membership: ``None`` if only background supports it."""
    article = tuple(e for e in owner.evidence if not e.is_background)
    if not article:
        return None
    out = attrs.evolve(owner, evidence=article)
    for e in owner.evidence:
        if e.is_background:
            for field in e.fields:
                out = _reset_field(out, field)
    if isinstance(out, Organization):
        return cast(_E, _strip_memberships(out))
    return out


def _strip_memberships(org: Organization) -> Organization:
    views = (_strip_background(m) for m in org.members)
    return attrs.evolve(org, members=tuple(m for m in views if m is not None))


class _NotRecords(tuple[object, ...]):
    """A collection given as something other than a sequence; holds it for the report."""


def _records(value: Iterable[object]) -> tuple[Any, ...]:
    """Convert a dataset collection to a tuple; :class:`Dataset` reports what is not a sequence."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return _NotRecords((value,))
    return tuple(value)


def _record_problems(path: str, record: Record, index: Mapping[str, Record]) -> Iterator[Problem]:
    """The problems of *record* at *path* that only the whole dataset shows."""
    for rel, ref, expected in _references(record):
        if not isinstance(ref, str):
            yield Problem.at(path + rel, f"expected an id string, got {type(ref).__name__}")
            continue
        target = index.get(ref)
        if target is None:
            yield Problem.at(path + rel, f"unknown id {ref!r}")
        elif _kind_of(target) != expected:
            yield Problem.at(path + rel, f"{ref!r} is {_a(type(target).__name__)}, not {_a(expected)}")
    for rel, owner, evidence in _evidence_lists(record):
        for j, e in enumerate(evidence):
            if not isinstance(e, Evidence):
                yield Problem.at(f"{path}{rel}[{j}]", f"expected an Evidence, got {type(e).__name__}")
                continue
            for k, field in enumerate(e.fields):
                why = _background_field_problem(owner, field) if isinstance(field, str) else f"expected a field name, got {type(field).__name__}"
                if why is not None:
                    yield Problem.at(f"{path}{rel}[{j}].fields[{k}]", why)


def _only(kind: type[_T], records: Iterable[object]) -> tuple[_T, ...]:
    return tuple(r for r in records if isinstance(r, kind))


@attrs.frozen
class Dataset:
    """All records, checked: ids unique, every reference resolves, evidence well placed.

    Look records up by id with ``ds[id]`` (raises :class:`UnknownIdError`, a
    :class:`LookupError`) or ``ds.get(id, default=None)``. Construction checks
    the whole dataset and raises one :class:`DataError` listing every problem.

    Examples
    --------
    >>> ev = [Evidence(paragraph=1)]
    >>> ds = Dataset(states=[State("KAZ", "Kazakhstan", ev, cow_code=705)])
    >>> ds["KAZ"].name, ds.get("nope"), "KAZ" in ds, len(ds)
    ('Kazakhstan', None, True, 1)
    """

    #: The collections, in the order of the JSON document and of iteration.
    COLLECTIONS: ClassVar[tuple[str, ...]] = (
        "states",
        "organizations",
        "people",
        "agreements",
        "arms_transfers",
        "events",
        "statements",
        "roles",
        "scenarios",
    )

    states: tuple[State, ...] = attrs.field(factory=tuple, converter=_records)
    organizations: tuple[Organization, ...] = attrs.field(factory=tuple, converter=_records)
    people: tuple[Person, ...] = attrs.field(factory=tuple, converter=_records)
    agreements: tuple[Agreement, ...] = attrs.field(factory=tuple, converter=_records)
    arms_transfers: tuple[ArmsTransfer, ...] = attrs.field(factory=tuple, converter=_records)
    events: tuple[Event, ...] = attrs.field(factory=tuple, converter=_records)
    statements: tuple[Statement, ...] = attrs.field(factory=tuple, converter=_records)
    roles: tuple[Role, ...] = attrs.field(factory=tuple, converter=_records)
    scenarios: tuple[Scenario, ...] = attrs.field(factory=tuple, converter=_records)
    _index: dict[str, Record] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Record] = {}
        where: dict[str, str] = {}
        problems: list[Problem] = []
        expected_types = attrs.fields_dict(Dataset)
        checked: list[tuple[str, Record]] = []
        for name in self.COLLECTIONS:
            kind = expected_types[name].type
            records = self._collection(name)
            if isinstance(records, _NotRecords):
                got = type(records[0]).__name__
                problems.append(Problem.at(f"$.{name}", f"expected a sequence of {_COLLECTION_TYPES[name].__name__} records, got {got}"))
                continue
            for i, record in enumerate(records):
                path = f"$.{name}[{i}]"
                if not isinstance(record, _COLLECTION_TYPES[name]):
                    problems.append(Problem.at(path, f"expected a {_COLLECTION_TYPES[name].__name__}, got {type(record).__name__} ({kind})"))
                    continue
                checked.append((path, record))
                if not isinstance(record.id, str):
                    problems.append(Problem.at(f"{path}.id", f"expected an id string, got {type(record.id).__name__}"))
                elif not record.id:
                    problems.append(Problem.at(f"{path}.id", "empty id"))
                elif record.id in index:
                    problems.append(Problem.at(f"{path}.id", f"duplicate id {record.id!r}, first at {where[record.id]}"))
                else:
                    index[record.id] = record
                    where[record.id] = path
        for path, record in checked:
            found: list[Problem] = []
            try:
                found.extend(_record_problems(path, record, index))
            except (AttributeError, TypeError) as exc:
                # A record built directly with values of the wrong types (a list for a
                # Place, a string for a Membership...): say which record, not crash.
                found.append(Problem.at(path, f"malformed {type(record).__name__}: {exc}"))
            problems.extend(found)
        if problems:
            raise DataError(problems, "invalid dataset")
        object.__setattr__(self, "_index", index)

    def _collection(self, name: str) -> tuple[Record, ...]:
        records: tuple[Record, ...] = getattr(self, name)
        return records

    # -- lookup -------------------------------------------------------------

    def __getitem__(self, key: str) -> Record:
        try:
            return self._index[key]
        except (KeyError, TypeError):
            raise UnknownIdError(str(key)) from None

    @overload
    def get(self, key: str) -> Record | None: ...
    @overload
    def get(self, key: str, default: _T) -> Record | _T: ...

    def get(self, key: str, default: object = None) -> object:
        """The record with id *key*, or *default* when there is none."""
        try:
            return self._index.get(key, default)
        except TypeError:  # an unhashable key names no record either
            return default

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._index
        except TypeError:
            return False

    def __iter__(self) -> Iterator[Record]:
        """Every record, collection by collection in :attr:`COLLECTIONS` order."""
        for name in self.COLLECTIONS:
            yield from getattr(self, name)

    def __len__(self) -> int:
        return len(self._index)

    def ids(self) -> Iterator[str]:
        """Every id, in iteration order."""
        return (r.id for r in self)

    def of_type(self, kind: type[_R]) -> tuple[_R, ...]:
        """The records of one class, e.g. ``ds.of_type(Event)``."""
        return _only(kind, self)

    @property
    def actors(self) -> tuple[State | Organization, ...]:
        """States and organisations: everything that can hold influence."""
        return self.states + self.organizations

    def problems_with(self, record: Record, path: str = "$") -> list[Problem]:
        """The problems *record* would bring if it were added to this dataset.

        Its id must be new, every id it names must be a record of this
        dataset of the right kind, and its background evidence must name
        fields it has; *path* is where the record stands in the caller's data.

        Examples
        --------
        >>> ev = [Evidence(paragraph=1)]
        >>> ds = Dataset(states=[State("KAZ", "Kazakhstan", ev)])
        >>> role = Role("r", "KAZ", RoleKind.BALANCER, Domain.DIPLOMATIC, ["RUS"], "Balances.", ev)
        >>> ds.problems_with(role, "$.roles[0]")
        ["unknown id 'RUS' @ $.roles[0].over[0]"]
        """
        problems: list[Problem] = []
        if not isinstance(record.id, str) or not record.id:
            problems.append(Problem.at(f"{path}.id", f"expected a non-empty id string, got {record.id!r:.40}"))
        elif record.id in self:
            problems.append(Problem.at(f"{path}.id", f"id {record.id!r} is already a record of the dataset"))
        try:
            problems.extend(_record_problems(path, record, self._index))
        except (AttributeError, TypeError) as exc:
            # A record built with values of the wrong types: say which record, not crash.
            problems.append(Problem.at(path, f"malformed {type(record).__name__}: {exc}"))
        return problems

    # -- derived datasets ---------------------------------------------------

    def filter(self, keep: Callable[[Record], bool]) -> Dataset:
        """A dataset of the records for which *keep* is true (references must still resolve)."""
        return Dataset(**{name: [r for r in getattr(self, name) if keep(r)] for name in self.COLLECTIONS})

    def article_only(self) -> Dataset:
        """The article's view: background records, memberships and field values removed.

        Records that only background supports are dropped; on the others,
        fields that background evidence names are reset to their defaults
        and the background evidence itself goes.

        Raises
        ------
        DataError
            If a record the article supports names one that only background
            supports: the data should then cite the article for both (or name
            the reference among the background fields).
        """
        out: dict[str, list[Record]] = {}
        for name in self.COLLECTIONS:
            kept = (_strip_background(r) for r in getattr(self, name))
            out[name] = [r for r in kept if r is not None]
        try:
            return Dataset(**out)
        except DataError as exc:
            raise DataError(exc.problems, "no article view: article records cite background-only records") from None

    def merge(self, other: Dataset) -> Dataset:
        """This dataset with *other*'s records added (checked as one dataset).

        Examples
        --------
        >>> ev = [Evidence(paragraph=1)]
        >>> a = Dataset(states=[State("KAZ", "Kazakhstan", ev)])
        >>> b = Dataset(states=[State("KGZ", "Kyrgyzstan", ev)])
        >>> [s.id for s in a.merge(b).states]
        ['KAZ', 'KGZ']
        """
        return Dataset(**{name: getattr(self, name) + getattr(other, name) for name in self.COLLECTIONS})


_COLLECTION_TYPES: dict[str, type] = {
    "states": State,
    "organizations": Organization,
    "people": Person,
    "agreements": Agreement,
    "arms_transfers": ArmsTransfer,
    "events": Event,
    "statements": Statement,
    "roles": Role,
    "scenarios": Scenario,
}
