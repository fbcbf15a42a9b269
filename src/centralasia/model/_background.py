"""The article's view of a record: background evidence, and the fields it names, taken away."""

from __future__ import annotations

from typing import TypeVar, cast

import attrs

from centralasia.model._records import Membership, Organization, Record

__all__ = ["reset_field", "strip_background", "strip_memberships"]

_FACTORY: type = type(attrs.Factory(tuple))  # attrs.Factory is typed as a function

_A = TypeVar("_A")


def reset_field(owner: _A, field: str) -> _A:
    """*owner* with *field* (``name`` or dotted ``place.state``) back at its default."""
    head, _, rest = field.partition(".")
    if rest:
        value = getattr(owner, head)
        return owner if value is None else attrs.evolve(owner, **{head: reset_field(value, rest)})  # type: ignore[misc]
    default: object = attrs.fields_dict(type(owner))[head].default  # type: ignore[arg-type]
    # A Factory default (tuple fields) is called, as attrs does on init.
    value = default.factory() if isinstance(default, _FACTORY) else default  # type: ignore[attr-defined]  # attrs types Factory as a function
    return attrs.evolve(owner, **{head: value})  # type: ignore[misc]


_E = TypeVar("_E", bound=Record | Membership)


def strip_background(owner: _E) -> _E | None:
    """The article's view of a record or membership: ``None`` if only background supports it."""
    article = tuple(e for e in owner.evidence if not e.is_background)
    if not article:
        return None
    out = attrs.evolve(owner, evidence=article)
    for e in owner.evidence:
        if e.is_background:
            for field in e.fields:
                out = reset_field(out, field)
    if isinstance(out, Organization):
        return cast(_E, strip_memberships(out))
    return out


def strip_memberships(org: Organization) -> Organization:
    views = (strip_background(m) for m in org.members)
    return attrs.evolve(org, members=tuple(m for m in views if m is not None))
