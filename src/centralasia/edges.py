"""Relations: the edges of the influence network as typed values, streamed one record at a time.

Direction convention
--------------------
Every relation ``source -> target`` means **source gains influence over
target**: the supplier of arms over the recipient, the visitor over the
host, the actor of a role over the actors the role is over. Records between
equals (the parties of an agreement, the co-members of an organisation, the
actors of a joint exercise) give a relation each way. The same convention
holds in :mod:`centralasia.network`, :mod:`centralasia.roles` and
:mod:`centralasia.comparison`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Unpack

import attrs

from centralasia._rows import Row, row_attributes
from centralasia._stream import ScenarioPlan, relation_rows
from centralasia._tables import dataset, number
from centralasia._text import shown
from centralasia.errors import ArgumentError
from centralasia.model import ActorId, Certainty, Dataset, Domain, PartialDate, Scenario
from centralasia.query import Query, QueryOptions
from centralasia.scenarios import Magnitudes
from centralasia.weights import Layer

__all__ = ["Relation", "apply_scenario", "relations"]


@attrs.frozen
class Relation:
    """One edge of the influence network: *source* gains influence over *target*.

    Attributes
    ----------
    source, target : str
        Actor ids (states or organisations; groupings are expanded to members).
    layer : Layer
        The kind of relation.
    domain : Domain
        The field of influence.
    weight : float
        From :class:`~centralasia.Weights` (or, for scenario edges, from the scenario's magnitudes).
    certainty : Certainty
        The certainty of the claim behind the edge.
    record : str
        The id of the record the edge comes from (the organisation for
        memberships, the scenario for scenario edges).
    date : PartialDate or None
        When the relation began, where known.
    scenario : str or None
        The scenario that added or rescaled the edge, if any.
    claims : tuple of str
        The claims (statements of the article) the record rests on. All
        relations resting on one claim share its weight (see
        :class:`~centralasia.Query`'s ``share_claims``).
    """

    source: ActorId
    target: ActorId
    layer: Layer
    domain: Domain
    weight: float
    certainty: Certainty
    record: str
    date: PartialDate | None = None
    scenario: str | None = None
    claims: tuple[str, ...] = ()

    def attributes(self) -> dict[str, str | float | None]:
        """The edge attributes :func:`~centralasia.influence_network` stores, as plain values.

        Examples
        --------
        >>> r = Relation("CHN", "UZB", Layer.ARMS_TRANSFER, Domain.SECURITY, 1.5, Certainty.REPORTED, "at-1", PartialDate(2015))
        >>> r.attributes()
        {'layer': 'arms-transfer', 'domain': 'security', 'weight': 1.5, 'certainty': 'reported', 'date': '2015', 'record': 'at-1'}
        """
        return row_attributes(_checked(self, "relation"))


def _row(r: Relation) -> Row:
    return Row(r.source, r.target, r.layer, r.domain, r.weight, r.certainty, r.record, r.date, r.scenario, r.claims)


#: The type each field of a relation must have, and its name in messages (the weight is checked as a number).
_FIELD_TYPES: tuple[tuple[str, type | tuple[type, ...], str], ...] = (
    ("source", str, "str"),
    ("target", str, "str"),
    ("layer", Layer, "Layer"),
    ("domain", Domain, "Domain"),
    ("certainty", Certainty, "Certainty"),
    ("record", str, "str"),
    ("date", (PartialDate, type(None)), "PartialDate or None"),
    ("scenario", (str, type(None)), "str or None"),
    ("claims", tuple, "tuple of str"),
)


def _checked(r: object, path: str) -> Row:
    """*r* as a row, every field of it checked: an :class:`~centralasia.ArgumentError` at ``$.<path>.<field>`` otherwise.

    Relations the stream makes are right by construction; one a caller built may hold anything.
    """
    if not isinstance(r, Relation):
        raise ArgumentError(path, f"expected a Relation, not {type(r).__name__}")
    for name, kind, what in _FIELD_TYPES:
        value = getattr(r, name)
        if not isinstance(value, kind) or (name == "claims" and not all(isinstance(c, str) for c in r.claims)):
            raise ArgumentError(f"{path}.{name}", f"{name} must be a {what}, not {shown(value)}")
    number(r.weight, f"{path}.weight", owner=None, upper=math.inf)
    return _row(r)


def _baseline(relations: object) -> Iterator[Row]:
    """The caller's relations as rows, each checked when its turn comes (the iterable itself at once)."""
    if isinstance(relations, (str, bytes, Mapping, Dataset)) or not isinstance(relations, Iterable):
        raise ArgumentError("baseline", f"baseline must be an iterable of Relation (relations() gives one), not {type(relations).__name__}")
    return (_checked(r, f"baseline[{i}]") for i, r in enumerate(relations))


def _relation(row: Row) -> Relation:
    return Relation(*row)


def relations(ds: Dataset, **options: Unpack[QueryOptions]) -> Iterator[Relation]:
    """Stream the edges of the influence network, one record at a time.

    Memory stays flat: nothing is collected, so aggregations over this
    stream (as :func:`~centralasia.role_summary` does) grow with the actor
    pairs they keep, not with the records. With ``records=`` the records
    need not be in memory at all: they can come from a file, a database
    cursor or a generator, one at a time, and *ds* need only hold the
    actors, people and events they name.

    Parameters
    ----------
    ds : Dataset
        The records; with ``records=``, also the index the streamed records
        are checked and resolved against.
    **options
        The fields of :class:`~centralasia.Query`: ``records``, ``domain``,
        ``as_of``, ``weights``, ``scenario``, ``magnitudes``,
        ``include_undated``. Each is checked at the call.

    Examples
    --------
    >>> import centralasia as ca
    >>> arms = [r for r in relations(ca.load(), domain="security") if r.layer is Layer.ARMS_TRANSFER]
    >>> sorted((r.source, r.target, r.weight, r.certainty.value) for r in arms)
    [('CHN', 'TKM', 1.125, 'reported'), ('CHN', 'UZB', 1.125, 'reported'), ('CHN', 'UZB', 1.125, 'reported')]

    Records streamed from elsewhere, checked against the bundled dataset:

    >>> feed = (ca.ArmsTransfer(id=f"feed-{i}", supplier="RUS", recipient="KAZ", designation="Su-30SM", description="", category=ca.SipriCategory.AIRCRAFT, evidence=[ca.Evidence(paragraph=8)]) for i in range(3))
    >>> [(r.source, r.target, r.record) for r in relations(ca.load(), records=feed) if r.record.startswith("feed-")]
    [('RUS', 'KAZ', 'feed-0'), ('RUS', 'KAZ', 'feed-1'), ('RUS', 'KAZ', 'feed-2')]
    >>> typo = [ca.Role(id="mine", actor="RUS", role=ca.RoleKind.MEDIATOR, domain=ca.Domain.DIPLOMATIC, over=["KAZZ"], summary="A mediator.", evidence=[ca.Evidence(paragraph=9)])]
    >>> list(relations(ca.load(), records=typo))
    Traceback (most recent call last):
    ...
    centralasia.errors.DataError: invalid streamed record: 1 problem
      - unknown id 'KAZZ' @ $.records[0].over[0]
    """
    return map(_relation, relation_rows(ds, Query.of(options)))


def apply_scenario(
    ds: Dataset,
    scenario: Scenario | str,
    baseline: Iterable[Relation] | None = None,
    *,
    magnitudes: Magnitudes | None = None,
) -> Iterator[Relation]:
    """The relations of *baseline* as *scenario* changes them, then the edges it adds.

    The rules and their numbers are those of :class:`~centralasia.Magnitudes`.
    Relations pass through one at a time (a decrease rescales them and marks
    them with the scenario id); the edges for increases come last, once the
    baseline totals they are measured against are known. An effect over a
    state grouping applies to its members; one by a grouping applies to each
    member. ``relations(ds, scenario=...)`` gives the same relations.

    Parameters
    ----------
    ds : Dataset
        The dataset (to resolve ids, groupings and the Central Asian states).
    scenario : Scenario or str
        A scenario or the id of one in *ds*.
    baseline : iterable of Relation, optional
        The relations to change; ``relations(ds)`` by default. Each is
        checked when its turn comes: a field of the wrong type, or a weight
        that is not a finite number >= 0, raises
        :class:`~centralasia.ArgumentError` at ``$.baseline[i].<field>``.
    magnitudes : Magnitudes, optional
        :data:`~centralasia.DEFAULT_MAGNITUDES` by default.

    Examples
    --------
    >>> import centralasia as ca
    >>> ds = ca.load()
    >>> added = [r for r in apply_scenario(ds, "scn-detente-with-west") if r.layer is Layer.SCENARIO]
    >>> sorted({(r.source, r.domain.value) for r in added}), len(added)
    ([('RUS', 'security')], 5)
    """
    dataset(ds)
    plan = ScenarioPlan.of(ds, scenario, Query(magnitudes=magnitudes).magnitudes)
    rows = relation_rows(ds, Query()) if baseline is None else _baseline(baseline)
    return map(_relation, plan.apply(rows))
