"""The article's assessments set beside the acts it reports, claim by claim: where the two readings agree and where they part."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from centralasia import _render
from centralasia.model import ActorId, Domain, RoleKind

__all__ = ["LEADING_ROLES", "ArticleCheck", "ClaimCheck"]

#: Role kinds that claim the lead in their domain (the "division of labour").
LEADING_ROLES = frozenset({RoleKind.SECURITY_GUARANTOR, RoleKind.ECONOMIC_DEVELOPER})


@attrs.frozen
class ClaimCheck:
    """One assessment claim of the article beside what the reported acts and their momentum show.

    A claim that a power *leads* a domain agrees when the acts track names the
    power as leader in every state it covers where the acts name one; a claim
    that it *takes part* agrees when the power has acts (leverage or ties) there.
    ``agrees`` is ``None`` when the acts say nothing either way, and when the article
    reports no act of the power at the compared tier anywhere (leverage for a leading
    role, any act for a part): the acts cannot test a verdict on a power they never show.
    """

    claim: str
    power: ActorId
    domain: Domain
    #: What the claim says of the power's role, ``"lead"`` or ``"part"``.
    tier: str
    #: The states the claim covers.
    states: tuple[ActorId, ...]
    #: The leaders the acts track names over those states (``None`` where it names none).
    acts_leaders: tuple[ActorId | None, ...]
    #: The power's net momentum in the domain (claims of increase against decrease), ``None`` without claims.
    momentum: float | None
    agrees: bool | None
    reason: str


@attrs.frozen
class ArticleCheck:
    """The article's assessments beside its reported acts, claim by claim."""

    checks: tuple[ClaimCheck, ...]

    def __iter__(self) -> Iterator[ClaimCheck]:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)

    @property
    def agreeing(self) -> tuple[ClaimCheck, ...]:
        """The assessments the acts bear out."""
        return tuple(c for c in self.checks if c.agrees is True)

    @property
    def diverging(self) -> tuple[ClaimCheck, ...]:
        """The assessments the acts contradict, the article's argument that the division of labour is under strain."""
        return tuple(c for c in self.checks if c.agrees is False)

    def __str__(self) -> str:
        return _render.article_check_text(self)
