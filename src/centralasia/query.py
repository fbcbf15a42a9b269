"""One analysis query: which relations to stream, checked once and passed through every step."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypedDict

import attrs

from centralasia._tables import coerce_domain, flag
from centralasia._text import WIDTH, printable, shown
from centralasia.errors import ArgumentError, FieldError
from centralasia.model import Dataset, DateLike, Domain, PartialDate, Record, Scenario
from centralasia.scenarios import DEFAULT_MAGNITUDES, Magnitudes
from centralasia.weights import DEFAULT_WEIGHTS, Weights

__all__ = ["Query", "QueryOptions", "StreamOptions"]


class StreamOptions(TypedDict, total=False):
    """The keyword arguments of :func:`~centralasia.role_summary`: the fields of :class:`Query` but the domain."""

    records: Iterable[Record] | None
    as_of: DateLike | None
    weights: Weights | None
    scenario: Scenario | str | None
    magnitudes: Magnitudes | None
    include_undated: bool
    share_claims: bool


class QueryOptions(StreamOptions, total=False):
    """The keyword arguments of the functions that stream relations: every field of :class:`Query`."""

    domain: Domain | str | None


def _records(value: Iterable[Record] | None) -> Iterable[Record] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes, Mapping, Dataset)) or not isinstance(value, Iterable):
        hint = " (merge datasets with Dataset.merge)" if isinstance(value, Dataset) else ""
        raise ArgumentError("records", f"records must be an iterable of records, not {type(value).__name__}{hint}")
    return value


def _domain(value: Domain | str | None) -> Domain | None:
    return None if value is None else coerce_domain(value)


def _as_of(value: DateLike | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.coerce(value)
    except FieldError as exc:
        raise ArgumentError("as_of", f"bad as_of {shown(value)}: {exc.message}") from None
    except (TypeError, AttributeError, ValueError, OverflowError):
        raise ArgumentError("as_of", f"as_of must be a date, an ISO date string or a PartialDate, not {type(value).__name__}") from None


def _weights(value: Weights | None) -> Weights:
    table = DEFAULT_WEIGHTS if value is None else value
    if not isinstance(table, Weights):
        raise ArgumentError("weights", f"weights must be a Weights table, not {type(table).__name__}")
    return table


def _scenario(value: Scenario | str | None) -> Scenario | str | None:
    if value is not None and not isinstance(value, (Scenario, str)):
        raise ArgumentError("scenario", f"scenario must be a Scenario or a scenario id, not {type(value).__name__}")
    return value


def _magnitudes(value: Magnitudes | None) -> Magnitudes:
    table = DEFAULT_MAGNITUDES if value is None else value
    if not isinstance(table, Magnitudes):
        raise ArgumentError("magnitudes", f"magnitudes must be a Magnitudes table, not {type(table).__name__}")
    return table


def _include_undated(value: bool) -> bool:
    return flag(value, "include_undated")


def _share_claims(value: bool) -> bool:
    return flag(value, "share_claims")


@attrs.frozen
class Query:
    """Which relations an analysis streams: every argument checked once, at construction.

    Every analysis function (:func:`~centralasia.relations`,
    :func:`~centralasia.influence_network`, :func:`~centralasia.weighted_network`,
    :func:`~centralasia.role_summary`) takes these fields as keyword
    arguments (:class:`QueryOptions`) and makes a query of them, so a bad
    argument is refused at the call, before anything is read, with
    :class:`~centralasia.ArgumentError` at its path (``$.as_of``).

    Attributes
    ----------
    records : iterable of Agreement, ArmsTransfer, Event, Statement or Role, optional
        More records, streamed after the dataset's own and never kept: the
        result is that of a dataset of both (``ds.merge(Dataset(...))``)
        without building it. Each is checked against the dataset when its
        turn comes, as :class:`~centralasia.Dataset` checks its records (its
        kind, an id not in the dataset, every id it names a record of the
        dataset of the right kind); a bad one raises
        :class:`~centralasia.DataError` at ``$.records[i]``, after the
        relations before it have been yielded. Ids are not compared between
        streamed records (that would keep them all), and what the whole
        dataset tells about a record (an event's domain from the statements
        made at it, a statement's date from its occasion, an organisation's
        domain from the agreement setting it up) comes from the dataset
        alone. Chunks stream as ``itertools.chain.from_iterable(chunks)``.
    domain : Domain or None
        Keep only relations of this domain (a string value is accepted).
    as_of : PartialDate or None
        Leave out relations that began after this date: a relation counts
        when its date could fall on or before the last day *as_of* can mean
        (``"2016"`` means up to 2016-12-31; a relation dated ``"2016-06"``
        counts at ``"2016-06-01"``). A relation that ended stays in: the
        network is what one could know by the date, so a later *as_of* never
        removes an edge. Strings and :class:`datetime.date` are accepted.
    weights : Weights
        The weights table; :data:`~centralasia.DEFAULT_WEIGHTS` by default.
    scenario : Scenario, str or None
        Apply this scenario, by id or object (see :func:`~centralasia.apply_scenario`).
    magnitudes : Magnitudes
        The scenario magnitudes; :data:`~centralasia.DEFAULT_MAGNITUDES` by default.
    include_undated : bool
        Whether relations without a date count. They do by default, from the
        article's own time (:data:`~centralasia.ARTICLE_TIME`, October 2016)
        on: an undated record (a membership, a role claim) describes the
        standing state of affairs of the article's time, not of all time.
        ``False`` keeps dated relations only, with or without *as_of*.
        Scenario edges are undated and always count.
    share_claims : bool
        One claim, one vote (the default): all relations resting on one
        statement of the article (:class:`~centralasia.Claim`) share its
        weight per source, target and domain, so that a sentence encoded as an
        agreement, a membership and a role counts once. ``False`` counts every
        record in full, as if each were a statement of its own.

    Examples
    --------
    >>> q = Query(domain="security", as_of="2016")
    >>> q.domain, str(q.as_of), q.weights is DEFAULT_WEIGHTS
    (<Domain.SECURITY: 'security'>, '2016', True)
    >>> Query(as_of="2016-13")
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - bad as_of '2016-13': month must be 1 to 12, not 13 @ $.as_of
    """

    records: Iterable[Record] | None = attrs.field(default=None, converter=_records)
    domain: Domain | None = attrs.field(default=None, converter=_domain)
    as_of: PartialDate | None = attrs.field(default=None, converter=_as_of)
    weights: Weights = attrs.field(default=None, converter=_weights)
    scenario: Scenario | str | None = attrs.field(default=None, converter=_scenario)
    magnitudes: Magnitudes = attrs.field(default=None, converter=_magnitudes)
    include_undated: bool = attrs.field(default=True, converter=_include_undated)
    share_claims: bool = attrs.field(default=True, converter=_share_claims)

    @classmethod
    def of(cls, options: Mapping[str, object], *, domain: bool = True) -> Query:
        """The query of a function's keyword *options*: unknown names are an :class:`~centralasia.ArgumentError`.

        With ``domain=False`` (a summary covers every domain) a ``domain`` option is refused too.

        Examples
        --------
        >>> Query.of({"as_of": "2016"}).as_of
        PartialDate(year=2016, month=None, day=None)
        >>> Query.of({"asof": "2016"})
        Traceback (most recent call last):
        ...
        centralasia.errors.ArgumentError: invalid argument: 1 problem
          - unknown option 'asof'; expected one of as_of, domain, include_undated, magnitudes, records, scenario, share_claims, weights @ $.asof
        """
        if not isinstance(options, Mapping):
            raise ArgumentError("options", f"options must be a mapping of option names to values, not {type(options).__name__}")
        allowed = {f.name for f in attrs.fields(cls)} - (set() if domain else {"domain"})
        for name in options:
            if name not in allowed:
                raise ArgumentError(printable(str(name), WIDTH), f"unknown option {shown(name)}; expected one of {', '.join(sorted(allowed))}")
        return cls(**options)  # type: ignore[arg-type]  # each field's converter checks its value

    @property
    def one_shot(self) -> bool:
        """Whether the streamed records are a one-shot iterator (a generator), which cannot be read twice."""
        return isinstance(self.records, Iterator)
