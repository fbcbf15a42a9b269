"""One relation as a named tuple: what the rules produce and every aggregation reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from centralasia.model import ARTICLE_TIME, ActorId, Certainty, Domain, PartialDate
from centralasia.weights import Layer

__all__ = ["Row", "attribute_maker", "row_attributes", "within"]


class Row(NamedTuple):
    """One relation: *source* gains influence over *target* (the fields of :class:`~centralasia.Relation`)."""

    source: ActorId
    target: ActorId
    layer: Layer
    domain: Domain
    weight: float
    certainty: Certainty
    record: str
    date: PartialDate | None
    scenario: str | None
    #: The claims (statements of the article) the record rests on; records on one claim share its weight.
    claims: tuple[str, ...] = ()


def row_attributes(row: Row) -> dict[str, str | float | None]:
    """The edge attributes :func:`~centralasia.influence_network` stores for *row*, as plain values."""
    return attribute_maker()(row)


def attribute_maker() -> Callable[[Row], dict[str, str | float | None]]:
    """:func:`row_attributes` for many rows: each distinct date formatted once, not once per edge."""
    # Keyed by the date's parts, not the date: its own hash and equality are Python code, a tuple of ints' are not.
    texts: dict[tuple[int, int | None, int | None], str] = {}

    def attributes(row: Row) -> dict[str, str | float | None]:
        date = row.date
        if date is None:
            text = None
        else:
            parts = (date.year, date.month, date.day)
            text = texts.get(parts)
            if text is None:
                text = texts[parts] = str(date)
        out: dict[str, str | float | None] = {
            "layer": row.layer._value_,
            "domain": row.domain._value_,
            "weight": row.weight,
            "certainty": row.certainty._value_,
            "date": text,
            "record": row.record,
        }
        if row.scenario is not None:
            out["scenario"] = row.scenario
        if row.claims:
            out["claims"] = ";".join(row.claims)
        return out

    return attributes


def within(date: PartialDate | None, cut: PartialDate | None, include_undated: bool) -> bool:
    """Whether a relation dated *date* counts at *cut*: it could have begun by the cut's last day.

    An undated relation counts from the article's own time (:data:`~centralasia.ARTICLE_TIME`)
    when *include_undated*, and never otherwise (with or without a cut).
    """
    if date is None:
        return include_undated and (cut is None or ARTICLE_TIME.earliest <= cut.latest)
    return cut is None or date.earliest <= cut.latest
