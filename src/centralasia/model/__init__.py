"""The typed, immutable domain model: records, their vocabularies and the dataset.

This module does no I/O: reading and writing JSON lives in
:mod:`centralasia.convert` and :mod:`centralasia.loader`.
"""

# The package only re-exports. Its modules, each importing only the ones above it:
#   _vocab    the article's id, ActorId and the closed vocabularies (enums)
#   _checks   validators, converters and the field type checks the model classes share
#   _dates    PartialDate and DateLike
#   _records  Evidence and the other value objects, the record classes, Record
#   _dataset  reference walking (references) and Dataset

from __future__ import annotations

from centralasia.model import _dates, _records, _vocab
from centralasia.model._dataset import Dataset
from centralasia.model._dates import PartialDate
from centralasia.model._records import (
    Agreement,
    ArmsTransfer,
    Claim,
    Condition,
    Effect,
    Event,
    Evidence,
    Membership,
    Organization,
    Person,
    Place,
    Role,
    Scenario,
    State,
    Statement,
)
from centralasia.model._vocab import (
    ARTICLE_PARAGRAPHS,
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
    Precision,
    Region,
    RoleKind,
    Scope,
    Section,
    SipriCategory,
    Strength,
)

# Re-exported by assignment rather than import: Sphinx documents a module's data
# from the #: comments of its own assignments, and the API reference documents this
# package. The comments repeat those of the definitions; keep the two in step.

#: The id of the source article, as :attr:`Evidence.source` of article evidence.
ARTICLE = _vocab.ARTICLE

#: Any id of a :class:`State` or :class:`Organization` (the actors).
ActorId = _vocab.ActorId

#: What every ``as_of`` and date argument accepts.
DateLike = _dates.DateLike

#: Any record of a dataset.
Record = _records.Record

#: The article's own time; undated records count from here, not from the beginning of time.
ARTICLE_TIME = _dates.ARTICLE_TIME

__all__ = [
    "ARTICLE",
    "ARTICLE_PARAGRAPHS",
    "ARTICLE_TIME",
    "ActorId",
    "Agreement",
    "AgreementKind",
    "ArmsTransfer",
    "Certainty",
    "Claim",
    "ClaimKind",
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
    "Scope",
    "Section",
    "SipriCategory",
    "State",
    "Statement",
    "Strength",
]
