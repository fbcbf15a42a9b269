"""The article's role claims set beside the computed roles: what each claim means for the numbers and whether they bear it out."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from centralasia import _render
from centralasia.model import ActorId, Certainty, Domain, Role, RoleKind

__all__ = ["BALANCE_THRESHOLD", "LEADING_ROLES", "ArticleCheck", "Criterion", "RoleCheck", "role_check"]

#: Role kinds that claim the lead in their domain (the "division of labour").
LEADING_ROLES = frozenset({RoleKind.SECURITY_GUARANTOR, RoleKind.ECONOMIC_DEVELOPER})

#: A balancer role agrees with the data when the balance is at least this.
BALANCE_THRESHOLD = 0.5


class Criterion(enum.StrEnum):
    """How :meth:`~centralasia.RoleSummary.agreement_with_article` checks a role claim against the numbers."""

    #: A leading role: the power must lead the role's domain over its states.
    LEADS = "leads"
    #: An arms supplier: the power must have arms-transfer edges there.
    SUPPLIES_ARMS = "supplies arms"
    #: Any other role of a power: it must have influence in the domain there.
    TAKES_PART = "takes part"
    #: A balancer role of Central Asian states: their balance must reach :data:`BALANCE_THRESHOLD`.
    BALANCES = "balances"
    #: Nothing to check: not a role of one of the powers over the summary's states.
    NONE = "-"


@attrs.frozen
class RoleCheck:
    """One role the data claims, beside what the summary computes.

    ``agrees`` is ``True`` or ``False``, or ``None`` when nothing can be compared
    (the role is not a power's role over the summary's states, or there is no
    evidence besides the claim itself).
    """

    role: str
    actor: ActorId
    kind: RoleKind
    domain: Domain
    over: tuple[ActorId, ...]
    certainty: Certainty
    #: What the claim means for the numbers, and so how it is checked.
    claim: Criterion
    #: The computed share (or balance) the claim is checked against.
    computed: float | None
    #: The computed leader in the role's domain over its states.
    leader: ActorId | None
    agrees: bool | None
    reason: str


@attrs.frozen
class ArticleCheck:
    """The article's role claims set beside the computed roles.

    With ``independent`` the computed side leaves out the ``role`` layer,
    so that each claim is tested against the other records rather than
    against itself.
    """

    independent: bool
    checks: tuple[RoleCheck, ...]

    def __iter__(self) -> Iterator[RoleCheck]:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)

    @property
    def agreeing(self) -> tuple[RoleCheck, ...]:
        """The claims the numbers bear out."""
        return tuple(c for c in self.checks if c.agrees is True)

    @property
    def diverging(self) -> tuple[RoleCheck, ...]:
        """The claims the numbers contradict."""
        return tuple(c for c in self.checks if c.agrees is False)

    def __str__(self) -> str:
        return _render.article_check_text(self)


def role_check(
    role: Role, over: tuple[ActorId, ...], claim: Criterion, computed: float | None, leader: ActorId | None, agrees: bool | None, reason: str
) -> RoleCheck:
    """The :class:`RoleCheck` of *role*: the role's own fields, then what the numbers say."""
    return RoleCheck(role.id, role.actor, role.role, role.domain, over, role.certainty, claim, computed, leader, agrees, reason)
