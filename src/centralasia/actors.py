"""The actors of a dataset: state groupings and their members, and the Central Asian states."""

from __future__ import annotations

from centralasia import _actors
from centralasia._actors import central_asian_states, is_grouping

__all__ = ["CENTRAL_ASIA_GROUPING", "DEFAULT_POWERS", "central_asian_states", "is_grouping"]

# Re-exported by assignment: Sphinx documents a module's data from the #: comments
# of its own assignments. The comments repeat those of the definitions; keep the two in step.

#: The outside powers the article weighs against each other, compared unless told otherwise.
DEFAULT_POWERS = _actors.DEFAULT_POWERS

#: The grouping whose members are the Central Asian states when no state has a region.
CENTRAL_ASIA_GROUPING = _actors.CENTRAL_ASIA_GROUPING
