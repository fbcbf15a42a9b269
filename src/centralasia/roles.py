"""Role summaries: each outside power's influence share by domain and state, beside the article's claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Unpack

import attrs

from centralasia import _frames, _panels, _render
from centralasia._actors import DEFAULT_POWERS, expand
from centralasia._readings import chosen, ids_of
from centralasia._rows import Row
from centralasia._stream import FineTable, relation_rows, relation_sums
from centralasia._tables import Table, coerce_domain, dataset
from centralasia.checks import ArticleCheck
from centralasia.errors import ArgumentError, UnknownIdError
from centralasia.model import (
    ActorId,
    Certainty,
    Dataset,
    Domain,
    Evidence,
    Organization,
    PartialDate,
    Record,
    Scenario,
)
from centralasia.query import Query, StreamOptions
from centralasia.reader import readings
from centralasia.scenarios import Magnitudes, resolve_scenario
from centralasia.sums import PairSums, given
from centralasia.tracks import Readings
from centralasia.weights import Layer, Weights

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Contribution",
    "Explanation",
    "RoleSummary",
    "ShareRow",
    "role_summary",
]

#: Shares closer than this are a tie.
_TIE = 1e-9

_Key = tuple[ActorId, Domain, ActorId, Layer]


@attrs.frozen
class ShareRow:
    """One power's influence in one domain over one state: a row for tables and exports.

    Attributes
    ----------
    power, over : str
        The power and the state.
    domain : Domain
        The domain.
    influence : float
        The summed weight of the power's edges to the state in the domain.
    total : float
        The same summed over all the summary's powers.
    share : float
        ``influence / total`` (an even split when *total* is 0).
    leader : bool
        Whether the power alone has the largest share.
    """

    power: ActorId
    domain: Domain
    over: ActorId
    influence: float
    total: float
    share: float
    leader: bool


@attrs.frozen
class Contribution:
    """One edge behind a share: the record, its weight and its evidence."""

    record: str
    #: The record's class name (``"Role"``, ``"ArmsTransfer"``...), or ``"Scenario"``.
    record_type: str
    layer: Layer
    source: ActorId
    target: ActorId
    domain: Domain
    weight: float
    certainty: Certainty
    date: PartialDate | None
    #: The scenario that added or rescaled the edge, if any.
    scenario: str | None
    evidence: tuple[Evidence, ...]
    #: The claims the record rests on (its weight is its share of theirs).
    claims: tuple[str, ...] = ()


@attrs.frozen
class Explanation:
    """The records and weights behind one share.

    ``share == influence / sum(totals.values())`` (an even split when that
    sum is 0) and ``influence == sum(c.weight for c in contributions)``.
    """

    power: ActorId
    domain: Domain
    over: tuple[ActorId, ...]
    share: float
    influence: float
    #: Each power's summed weight over the same states and domain.
    totals: Mapping[ActorId, float]
    #: The power's edges, heaviest first.
    contributions: tuple[Contribution, ...]

    @property
    def shared_claims(self) -> dict[str, tuple[str, ...]]:
        """Each claim that several of the contributing records rest on, with those records (one claim, one vote).

        Examples
        --------
        >>> import centralasia as ca
        >>> e = role_summary(ca.load()).explain("CHN", "security", over="TJK")
        >>> all(len(records) > 1 for records in e.shared_claims.values())
        True
        """
        records: dict[str, dict[str, None]] = {}
        for c in self.contributions:
            for claim in c.claims:
                records.setdefault(claim, {})[c.record] = None
        return {claim: tuple(ids) for claim, ids in records.items() if len(ids) > 1}

    def __str__(self) -> str:
        return _render.explanation_text(self)

    def __repr__(self) -> str:
        return _panels.explanation_repr(self)

    def _repr_html_(self) -> str:
        return _panels.explanation_html(self)

    def to_frame(self) -> pandas.DataFrame:
        """The contributions as a DataFrame, one row each, heaviest first (needs pandas).

        Examples
        --------
        >>> import centralasia as ca
        >>> frame = role_summary(ca.load()).explain("CHN", "security", over="UZB").to_frame()
        >>> list(frame.columns[:3]), str(frame["weight"].dtype)
        (['record', 'record_type', 'layer'], 'Float64')
        """
        return _frames.explanation_frame(self)


def _hhi_balance(values: Iterable[float]) -> float:
    """1 minus the normalised Herfindahl-Hirschman index of *values* (1: even, 0: one alone)."""
    xs = list(values)
    n = len(xs)
    total = sum(xs)
    if n < 2 or total <= 0:
        return 1.0
    hhi = sum((x / total) ** 2 for x in xs)
    return max(0.0, min(1.0, (1.0 - hhi) / (1.0 - 1.0 / n)))


@attrs.frozen
class RoleSummary:
    """Each power's influence share per domain and Central Asian state, and what lies behind it.

    Make it with :func:`role_summary`. Iterating gives :class:`ShareRow` s,
    one per power, domain and state; ``str()`` gives a table.

    Methods that take ``over`` accept a state id, a grouping id (such as
    ``"central-asia"``: its members), several ids, or ``None`` for all the
    summary's states. Over several states the influences are **pooled**
    (summed) before the shares are taken. Unknown powers or states raise
    :class:`~centralasia.UnknownIdError`; bad domains
    :class:`~centralasia.FieldError`.

    Examples
    --------
    >>> import centralasia as ca
    >>> s = role_summary(ca.load())
    >>> s.powers, s.states
    (('RUS', 'CHN'), ('KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'))
    >>> row = next(iter(s))
    >>> row.power, row.domain.value, row.over, round(row.share + next(r for r in s if r.power == "CHN").share, 12)
    ('RUS', 'security', 'KAZ', 1.0)
    """

    powers: tuple[ActorId, ...]
    states: tuple[ActorId, ...]
    #: The query the relations were streamed with (its scenario resolved; its records kept only when they can be read again).
    query: Query = attrs.field(repr=False)
    #: Summed weight by (power, domain, state, layer).
    influence_table: Mapping[_Key, float] = attrs.field(repr=False)
    _dataset: Dataset = attrs.field(repr=False, eq=False, alias="dataset")
    #: Whether the streamed records were a one-shot iterator (they cannot be read again).
    _one_shot: bool = attrs.field(default=False, repr=False, eq=False, alias="one_shot")

    @property
    def as_of(self) -> PartialDate | None:
        """The date cut; only relations that had begun by then count."""
        return self.query.as_of

    @property
    def scenario(self) -> Scenario | None:
        """The scenario applied, if any."""
        scenario = self.query.scenario
        return scenario if isinstance(scenario, Scenario) else None

    @property
    def weights(self) -> Weights:
        """The weights table."""
        return self.query.weights

    @property
    def magnitudes(self) -> Magnitudes:
        """The scenario magnitudes."""
        return self.query.magnitudes

    @property
    def include_undated(self) -> bool:
        """Whether undated relations count when there is a date cut."""
        return self.query.include_undated

    # -- lookups --------------------------------------------------------------

    def _over(self, over: ActorId | Iterable[ActorId] | None) -> tuple[ActorId, ...]:
        if over is None:
            return self.states
        out: dict[str, None] = {}
        ids = ids_of(over, "over")
        if not ids:
            raise ArgumentError("over", "name one state or more (None: all the summary's states)")
        for key in ids:
            if key in self.states:
                out[key] = None
                continue
            try:
                members = expand(self._dataset, (key,))
            except UnknownIdError:
                raise UnknownIdError(str(key), "summary state") from None
            if not members or any(m not in self.states for m in members):
                raise UnknownIdError(str(key), "summary state")
            out.update(dict.fromkeys(members))
        return tuple(out)

    def _power(self, power: ActorId) -> ActorId:
        if power not in self.powers:
            raise UnknownIdError(str(power), "power")
        return power

    def _totals(self, domains: Iterable[Domain], over: tuple[ActorId, ...], exclude: frozenset[Layer] = frozenset()) -> dict[ActorId, float]:
        wanted = frozenset(domains)
        states = frozenset(over)
        totals = dict.fromkeys(self.powers, 0.0)
        for (power, domain, state, layer), weight in self.influence_table.items():
            if domain in wanted and state in states and layer not in exclude:
                totals[power] += weight
        return totals

    @staticmethod
    def _shares(totals: Mapping[ActorId, float]) -> dict[ActorId, float]:
        denominator = sum(totals.values())
        if denominator <= 0:
            return {p: 1.0 / len(totals) for p in totals}
        return {p: t / denominator for p, t in totals.items()}

    @staticmethod
    def _leader(totals: Mapping[ActorId, float]) -> ActorId | None:
        if sum(totals.values()) <= 0:
            return None
        ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] <= _TIE * max(1.0, ranked[0][1]):
            return None
        return ranked[0][0]

    # -- the numbers ------------------------------------------------------------

    def influence(self, power: ActorId, domain: Domain | str, over: ActorId | Iterable[ActorId] | None = None) -> float:
        """The summed weight of *power*'s edges in *domain* to the states *over*.

        Examples
        --------
        >>> import centralasia as ca
        >>> s = role_summary(ca.load())
        >>> s.influence("CHN", "economic", over="KAZ") > 0 == s.influence("RUS", "economic")
        True
        """
        return self._totals((coerce_domain(domain),), self._over(over))[self._power(power)]

    def shares(self, domain: Domain | str, over: ActorId | Iterable[ActorId] | None = None) -> dict[ActorId, float]:
        """Every power's share in *domain* over *over*; they sum to 1.

        When no power has any influence there, the shares are even (and
        :meth:`leader` is ``None``).

        Examples
        --------
        >>> import centralasia as ca
        >>> s = role_summary(ca.load())
        >>> {p: round(x, 3) for p, x in s.shares("economic").items()}
        {'RUS': 0.0, 'CHN': 1.0}
        """
        return self._shares(self._totals((coerce_domain(domain),), self._over(over)))

    def share(self, power: ActorId, domain: Domain | str, over: ActorId | Iterable[ActorId] | None = None) -> float:
        """*power*'s share of the powers' influence in *domain* over *over*.

        Examples
        --------
        >>> import centralasia as ca
        >>> s = role_summary(ca.load())
        >>> s.share("CHN", "economic", over="TJK")
        1.0
        >>> round(s.share("RUS", "security") + s.share("CHN", "security"), 12)
        1.0
        """
        return self.shares(domain, over)[self._power(power)]

    def leader(self, domain: Domain | str, over: ActorId | Iterable[ActorId] | None = None) -> ActorId | None:
        """The power with the largest share in *domain* over *over*; ``None`` on a tie or without evidence.

        Examples
        --------
        >>> import centralasia as ca
        >>> s = role_summary(ca.load())
        >>> s.leader("security"), s.leader("economic")
        ('RUS', 'CHN')
        """
        return self._leader(self._totals((coerce_domain(domain),), self._over(over)))

    def leaders(self, over: ActorId | Iterable[ActorId] | None = None) -> dict[Domain, ActorId | None]:
        """The leader of every domain over *over*.

        Examples
        --------
        >>> import centralasia as ca
        >>> leaders = role_summary(ca.load()).leaders()
        >>> leaders[ca.Domain.SECURITY], leaders[ca.Domain.ECONOMIC]
        ('RUS', 'CHN')
        """
        return {d: self.leader(d, over) for d in Domain}

    def balance(self, over: ActorId | Iterable[ActorId] | None = None, domain: Domain | str | None = None) -> float:
        """How evenly the states *over* are engaged by the powers: 1 even, 0 one power alone.

        In one domain it is 1 minus the normalised Herfindahl-Hirschman index
        of the powers' shares, ``(1 - sum(s_i**2)) / (1 - 1/n)``; for two
        powers, ``4 * s_RUS * s_CHN``. Without *domain* it is the mean of
        that over the domains in which any power has influence, so a strict
        "division of labour" (one power per domain) scores low even when the
        powers' totals are equal: the article's "balanced manner" means
        engaging both powers in each field. Without any influence it is 1.

        Examples
        --------
        >>> import centralasia as ca
        >>> s = role_summary(ca.load())
        >>> s.balance("KAZ", domain="economic"), s.balance("KAZ", domain="diplomatic")
        (0.0, 1.0)
        >>> 0 < s.balance("TJK") < 1
        True
        """
        return self._balance(self._over(over), None if domain is None else coerce_domain(domain))

    def _balance(self, over: tuple[ActorId, ...], domain: Domain | None, exclude: frozenset[Layer] = frozenset()) -> float:
        if domain is not None:
            return _hhi_balance(self._totals((domain,), over, exclude).values())
        values = [_hhi_balance(totals.values()) for totals in (self._totals((d,), over, exclude) for d in Domain) if sum(totals.values()) > 0]
        return sum(values) / len(values) if values else 1.0

    def balances(self, domain: Domain | str | None = None) -> dict[ActorId, float]:
        """The :meth:`balance` of each state.

        Examples
        --------
        >>> import centralasia as ca
        >>> b = role_summary(ca.load()).balances()
        >>> sorted(b), all(0 <= x <= 1 for x in b.values())
        (['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'], True)
        """
        return {state: self.balance(state, domain) for state in self.states}

    # -- behind the numbers -----------------------------------------------------

    def _reread(self, method: str) -> Iterable[Record] | None:
        """The streamed records, to read again; an :class:`~centralasia.ArgumentError` at ``$.records`` when they were a one-shot iterator."""
        if self._one_shot:
            raise ArgumentError(
                "records",
                f"{method}() reads the records again, but the summary was made from a one-shot iterator of records;"
                " pass role_summary a sequence (or another iterable that gives the same records each time)",
            )
        return self.query.records

    def _rows(self, domain: Domain, records: Iterable[Record] | None) -> Iterator[Row]:
        return relation_rows(self._dataset, attrs.evolve(self.query, domain=domain, records=records))

    def _evidence(self, r: Row, streamed: Mapping[str, Record]) -> tuple[str, tuple[Evidence, ...]]:
        if r.layer is Layer.SCENARIO and self.scenario is not None:
            return "Scenario", self.scenario.evidence
        record: Record | None = self._dataset.get(r.record)
        if record is None:
            record = streamed.get(r.record)
        if record is None:
            return "Scenario", () if self.scenario is None else self.scenario.evidence
        evidence = record.evidence
        if isinstance(record, Organization) and r.layer in (Layer.MEMBERSHIP, Layer.CO_MEMBERSHIP):
            ends = {r.source, r.target}
            evidence = tuple(e for m in record.members if ends.intersection(expand(self._dataset, (m.member,))) for e in m.evidence)
        if r.scenario is not None and self.scenario is not None:
            evidence = evidence + self.scenario.evidence
        return type(record).__name__, evidence

    def explain(self, power: ActorId, domain: Domain | str, over: ActorId | Iterable[ActorId] | None = None) -> Explanation:
        """The records behind *power*'s share in *domain* over *over*, with weights and evidence.

        It reads the dataset again (nothing per record is kept in the
        summary), and the streamed records if there were any: an
        :class:`~centralasia.ArgumentError` when they were a one-shot iterator.

        Examples
        --------
        >>> import centralasia as ca
        >>> e = role_summary(ca.load()).explain("CHN", "security", over="UZB")
        >>> [c.record for c in e.contributions if c.layer.value == "arms-transfer"]
        ['at-chn-uzb-hq9-2015', 'at-chn-uzb-pterodactyl']
        >>> abs(sum(c.weight for c in e.contributions) - e.influence) < 1e-9
        True
        """
        p = self._power(power)
        d = coerce_domain(domain)
        states = self._over(over)
        wanted = frozenset(states)
        records = self._reread("explain")
        matching = [r for r in self._rows(d, records) if r.source == p and r.target in wanted]
        # The streamed records behind the edges, found in one more pass (only those are kept).
        missing = {r.record for r in matching if r.record not in self._dataset.ids}
        streamed = {rec.id: rec for rec in records if rec.id in missing} if records is not None and missing else {}
        contributions = []
        for r in matching:
            kind, evidence = self._evidence(r, streamed)
            contributions.append(
                Contribution(r.record, kind, r.layer, r.source, r.target, r.domain, r.weight, r.certainty, r.date, r.scenario, evidence, r.claims)
            )
        contributions.sort(key=lambda c: (-c.weight, c.record, c.target))
        totals = self._totals((d,), states)
        return Explanation(p, d, states, self._shares(totals)[p], totals[p], Table(totals), tuple(contributions))

    # -- against the article ----------------------------------------------------

    def readings(self) -> Readings:
        """The article read three ways over the summary's powers and states (see :func:`~centralasia.readings`).

        The summary's shares sum every record's edges (the construct the networks
        use); the readings keep the article's assessments apart from the acts it
        reports, count each claim once and say how many stand behind each number.
        Like :meth:`explain`, it reads the records again: an
        :class:`~centralasia.ArgumentError` after a one-shot iterator.

        Examples
        --------
        >>> import centralasia as ca
        >>> r = role_summary(ca.load()).readings()
        >>> r.leader("security"), r.leader("security", track="acts")
        ('RUS', 'CHN')
        """
        return readings(
            self._dataset,
            powers=self.powers,
            over=self.states,
            as_of=self.as_of,
            include_undated=self.include_undated,
            records=self._reread("readings"),
            scenario=self.scenario,
            magnitudes=self.magnitudes,
        )

    def agreement_with_article(self) -> ArticleCheck:
        """The article's assessments beside the acts it reports, claim by claim (see :meth:`Readings.agreement_with_article`).

        Examples
        --------
        >>> import centralasia as ca
        >>> check = role_summary(ca.load()).agreement_with_article()
        >>> sorted(c.claim for c in check.agreeing)[:2]
        ['c-p03-activation-challenges', 'c-p04-chn-transformation']
        """
        return self.readings().agreement_with_article()

    # -- rows and text ----------------------------------------------------------

    def rows(self) -> tuple[ShareRow, ...]:
        """One :class:`ShareRow` per power, domain and state (domains, then states, then powers).

        Examples
        --------
        >>> import centralasia as ca
        >>> rows = role_summary(ca.load()).rows()
        >>> len(rows), rows[0].power, rows[0].domain.value, rows[0].over
        (30, 'RUS', 'security', 'KAZ')
        """
        out = []
        for domain in Domain:
            for state in self.states:
                totals = self._totals((domain,), (state,))
                shares = self._shares(totals)
                leader = self._leader(totals)
                total = sum(totals.values())
                for power in self.powers:
                    out.append(ShareRow(power, domain, state, totals[power], total, shares[power], leader == power))
        return tuple(out)

    def __iter__(self) -> Iterator[ShareRow]:
        return iter(self.rows())

    def to_frame(self) -> pandas.DataFrame:
        """The :meth:`rows` as a DataFrame with typed columns: power, domain, over, influence, total, share, leader (needs pandas).

        Examples
        --------
        >>> import centralasia as ca
        >>> frame = role_summary(ca.load()).to_frame()
        >>> frame.shape, frame.loc[frame["leader"], "power"].iloc[0]
        ((30, 7), 'RUS')
        """
        return _frames.summary_frame(self)

    def __repr__(self) -> str:
        return _panels.summary_repr(self)

    def _repr_html_(self) -> str:
        return _panels.summary_html(self)

    def __str__(self) -> str:
        edges = _render.summary_table(self)
        if self._one_shot:
            return edges
        try:
            read = str(self.readings())
        except (ArgumentError, UnknownIdError) as exc:
            # role_summary checks what the readings check; a RoleSummary made by hand may compare what they cannot.
            reason = exc.message if isinstance(exc, ArgumentError) else str(exc)
            return f"{edges}\n\n(no readings of the article for these powers and states: {reason})"
        return f"{read}\n\nEvery record's edges summed (the construct of the networks, not a reading of the article):\n{edges}"


def role_summary(
    ds: Dataset,
    *,
    sums: PairSums | None = None,
    powers: Iterable[ActorId] = DEFAULT_POWERS,
    over: ActorId | Iterable[ActorId] | None = None,
    **options: Unpack[StreamOptions],
) -> RoleSummary:
    """Summarise who plays which role for whom: each power's influence share per domain and state.

    The influence of a power over a state in a domain is the summed weight
    of the edges ``power -> state`` of that domain (see
    :func:`~centralasia.relations`); its share divides that by the
    sum over the powers. The records are streamed once; the summary keeps
    one number per power, domain, state and layer, so its memory grows with
    those and not with the records.

    Parameters
    ----------
    ds : Dataset
        The records; with ``records=``, also the index they are checked against.
    sums : PairSums, optional
        The relations already summed by :func:`~centralasia.pair_sums` (of
        every domain): the summary is built from them, under their query,
        without streaming the records again; :meth:`RoleSummary.explain` and
        the readings still read *ds* (and re-readable streamed records) with
        that query. No query option may be given beside them.
    powers : iterable of str
        The outside powers to compare; Russia and China by default (add ``"USA"``...).
    over : str or iterable of str, optional
        The states to summarise (groupings expand); the Central Asian states by default.
    **options
        The fields of :class:`~centralasia.Query` but ``domain`` (a summary
        covers every domain): ``records``, ``as_of``, ``weights``,
        ``scenario``, ``magnitudes``, ``include_undated``. Streamed
        ``records`` count as if they were in *ds*, and need never be in
        memory together; :meth:`RoleSummary.explain` and
        :meth:`RoleSummary.agreement_with_article` read them again, so they
        need a sequence or another iterable that gives the same records each
        time (the summary holds a reference to it, not a copy); after a
        one-shot iterator such as a generator they raise
        :class:`~centralasia.ArgumentError`.

    Raises
    ------
    ArgumentError
        For an argument of the wrong kind, no powers, ``over`` naming no state
        (``[]``), or a dataset without Central Asian states and no ``over``.
    UnknownIdError
        For a power or state the dataset does not have.

    Examples
    --------
    >>> import centralasia as ca
    >>> s = role_summary(ca.load(), as_of="2016-12-31")
    >>> s.leader("security"), s.leader("economic")
    ('RUS', 'CHN')
    >>> s3 = role_summary(ca.load(), powers=("RUS", "CHN", "USA"))
    >>> round(sum(s3.shares("security", over="TJK").values()), 12)
    1.0

    Records streamed one at a time, from a generator here, count as if they were in the dataset:

    >>> feed = (ca.ArmsTransfer(id=f"feed-{i}", supplier="CHN", recipient="KAZ", designation="HQ-9", description="", category=ca.SipriCategory.AIR_DEFENCE_SYSTEMS, evidence=[ca.Evidence(paragraph=8)]) for i in range(10))
    >>> role_summary(ca.load(), records=feed).leader("security", over="KAZ")
    'CHN'

    Built from one pass's sums, as the network can be too:

    >>> s = ca.pair_sums(ca.load(), as_of="2016-12-31")
    >>> role_summary(ca.load(), sums=s) == role_summary(ca.load(), as_of="2016-12-31")
    True
    """
    dataset(ds)
    if sums is None:
        query = Query.of(options, domain=False)
        if query.scenario is not None:
            query = attrs.evolve(query, scenario=resolve_scenario(ds, query.scenario))
    else:
        query = given(sums, options, ds).query
        if query.domain is not None:
            raise ArgumentError("sums", f"a summary covers every domain, but the sums were made with domain={query.domain.value!r}")
    # After the options (a bad one is named whatever the dataset); the readings' own check: powers and states are states, apart.
    chosen_powers, states = chosen(ds, powers, over)
    wanted_powers = frozenset(chosen_powers)
    wanted_states = frozenset(states)
    totals = relation_sums(ds, query).totals if sums is None else sums.totals
    one_shot = query.one_shot if sums is None else sums.one_shot
    # Each (source, target, domain, layer) sum is the sum of that key's relations in stream order: the summary's (power, domain, state, layer) one.
    table: dict[_Key, float]
    if isinstance(totals, FineTable):  # the one pass's own: only the keys kept are made with their enums
        domains, layers = {d.value: d for d in Domain}, {x.value: x for x in Layer}
        table = {(u, domains[d], v, layers[x]): total for (u, v, d, x), total in totals.plain() if u in wanted_powers and v in wanted_states}
    else:
        table = {(u, d, v, x): total for (u, v, d, x), total in totals.items() if u in wanted_powers and v in wanted_states}
    if one_shot:
        query = attrs.evolve(query, records=None)  # spent: keep no reference to it
    return RoleSummary(chosen_powers, states, query, Table(table), dataset=ds, one_shot=one_shot)
