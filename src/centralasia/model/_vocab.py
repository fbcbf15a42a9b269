"""The model's vocabularies: the article's id, the actor id type and the closed enums."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import ClassVar

__all__ = [
    "ARTICLE",
    "ARTICLE_PARAGRAPHS",
    "ActorId",
    "AgreementKind",
    "Certainty",
    "ClaimKind",
    "Direction",
    "Domain",
    "EventKind",
    "EvidenceKind",
    "Horizon",
    "MembershipStatus",
    "OrganizationKind",
    "Precision",
    "Region",
    "RoleKind",
    "Scope",
    "Section",
    "SipriCategory",
    "Strength",
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


class Vocabulary(enum.Enum):
    """Base of every closed vocabulary: members hash by identity.

    :class:`enum.Enum` hashes a member by its name in Python code; members
    compare by identity, so the identity hash agrees with equality and costs
    a C call. The relation rules look enum members up millions of times.
    """

    __hash__: ClassVar[Callable[[object], int]] = object.__hash__


class Certainty(Vocabulary):
    """How sure the article is of a claim, in its own words."""

    #: The article states it as fact.
    STATED = "stated"
    #: The article passes it on as reported ("it has been reported that...").
    REPORTED = "reported"
    #: The authors' own judgement or reading of events.
    ASSESSED = "assessed"
    #: A projection, what a scenario of the article would bring.
    PROJECTED = "projected"


class Domain(Vocabulary):
    """The fields of influence the article tells apart ("division of labour")."""

    SECURITY = "security"
    ECONOMIC = "economic"
    DIPLOMATIC = "diplomatic"


class EvidenceKind(Vocabulary):
    """Whether a piece of evidence is the article or public background to it."""

    ARTICLE = "article"
    #: A public fact the article relies on but does not state; the source is named.
    BACKGROUND = "background"


class Section(Vocabulary):
    """Where in the article a piece of evidence stands."""

    TITLE = "title"
    #: The photo caption above the byline; not a body paragraph.
    CAPTION = "caption"
    BYLINE = "byline"
    #: Body paragraphs 1 to 11, from "The recent terrorist attacks..." on.
    BODY = "body"
    #: The note on the authors after the last paragraph.
    AUTHOR_NOTE = "author-note"


class Region(Vocabulary):
    """UN M49 sub-regions of the states in the dataset (background)."""

    CENTRAL_ASIA = "Central Asia"
    EASTERN_ASIA = "Eastern Asia"
    EASTERN_EUROPE = "Eastern Europe"
    SOUTHERN_ASIA = "Southern Asia"
    WESTERN_ASIA = "Western Asia"
    NORTHERN_AMERICA = "Northern America"
    LATIN_AMERICA_AND_THE_CARIBBEAN = "Latin America and the Caribbean"
    SUB_SAHARAN_AFRICA = "Sub-Saharan Africa"


class OrganizationKind(Vocabulary):
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


class MembershipStatus(Vocabulary):
    """A member's standing in an :class:`Organization`."""

    MEMBER = "member"
    FOUNDING_MEMBER = "founding-member"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue-partner"
    PARTICIPANT = "participant"


class AgreementKind(Vocabulary):
    """What kind of agreement an :class:`Agreement` is."""

    BILATERAL_AGREEMENT = "bilateral-agreement"
    #: An agreement that sets up a standing multilateral mechanism.
    MULTILATERAL_MECHANISM = "multilateral-mechanism"
    #: An unwritten understanding the article reads into the parties' conduct.
    TACIT_UNDERSTANDING = "tacit-understanding"


class SipriCategory(Vocabulary):
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


class EventKind(Vocabulary):
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


class RoleKind(Vocabulary):
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


class Direction(Vocabulary):
    """Which way a scenario moves an actor's role."""

    INCREASE = "increase"
    DECREASE = "decrease"
    #: The article says the role shifts but not which way.
    SHIFT = "shift"
    UNCHANGED = "unchanged"


class Horizon(Vocabulary):
    """The time horizon of a :class:`Scenario`, as the article gives it."""

    SHORT_TO_MEDIUM_TERM = "short-to-medium-term"
    LONG_TERM = "long-term"
    UNSPECIFIED = "unspecified"


class Precision(Vocabulary):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class ClaimKind(Vocabulary):
    """What kind of statement of the article a :class:`~centralasia.Claim` is."""

    #: Something done and reported (a supply, a visit, an attack, an agreement made).
    ACT = "act"
    #: A standing relation (a membership, a mechanism, ties between states).
    TIE = "tie"
    #: The authors' own verdict, on roles, on states, on what matters.
    ASSESSMENT = "assessment"
    #: What an actor wants or tries to do ("is trying to sell", "willingness to engage").
    INTENT = "intent"
    #: What may or could come, in the scenarios and the article's outlook.
    PROJECTION = "projection"


class Scope(Vocabulary):
    """Whom a :class:`~centralasia.Claim` is about: named states, or the whole region."""

    #: Named states (and organisations).
    BILATERAL = "bilateral"
    #: Central Asia as a whole ("the region", "Central Asian states").
    REGIONAL = "regional"


class Strength(Vocabulary):
    """How strongly a scenario's effect moves a role, in the article's words.

    :class:`~centralasia.Magnitudes` turns each into a number; the article gives none.
    """

    #: A gradual or hedged change ("may gradually increase", "could challenge").
    GRADUAL = "gradual"
    #: A change the article states without hedging its size ("take more comprehensive").
    MODERATE = "moderate"
    #: A role taken over or lost whole ("Beijing replaces Moscow").
    FULL = "full"
