"""Read the article three ways, and say how far each reading can be trusted: sampling, paragraphs left out, scenarios as shifts."""

from __future__ import annotations

import inspect
import math
import random
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, TextIO, TypedDict, Unpack

import attrs

from centralasia import _frames, _panels, _render
from centralasia._actors import DEFAULT_POWERS, central_asian_states, expand
from centralasia._readings import Options, chosen, collect_votes, evaluate, leader_of, momentum_of, prepare, shifted
from centralasia._tables import Table, coerce_domain, lookup
from centralasia._text import WIDTH, printable, shown
from centralasia.errors import ArgumentError, UnknownIdError
from centralasia.model import ActorId, Certainty, Dataset, DateLike, Direction, Domain, Effect, PartialDate, Record, Scenario, Strength
from centralasia.scenarios import DEFAULT_MAGNITUDES, Magnitudes, check_scales, resolve_scenario
from centralasia.tracks import (
    DEFAULT_TIERS,
    INCLUSION,
    Cell,
    Momentum,
    Pooling,
    Readings,
    Regional,
    Support,
    Tiers,
    Track,
    Vote,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "MAX_DRAWS",
    "SCANNED_SHIFTS",
    "TIER_RATIO",
    "CellRobustness",
    "Interval",
    "MomentumRobustness",
    "ParagraphEffect",
    "ReadingOptions",
    "Robustness",
    "ScenarioShift",
    "ShiftRow",
    "leave_one_paragraph_out",
    "readings",
    "robustness",
    "scenario_shifts",
    "votes",
]

_Key = tuple[Track, Domain, ActorId | None]


class ReadingOptions(TypedDict, total=False):
    """What every reading takes: whom it compares, over whom, as of when, and streamed records."""

    #: The powers compared (Russia and China by default). A power with no claims changes no share and no balance.
    powers: Iterable[ActorId]
    #: The states (groupings expand); the Central Asian states by default.
    over: ActorId | Iterable[ActorId] | None
    #: The date cut, as for :class:`~centralasia.Query`.
    as_of: DateLike | PartialDate | None
    #: Whether undated records count (from the article's time), as for :class:`~centralasia.Query`.
    include_undated: bool
    #: More records, streamed after the dataset's own, as for :class:`~centralasia.Query`.
    records: Iterable[Record] | None
    #: The certainty of a projection a role rests on, for the present it presupposes; ``assessed`` by default
    #: (the authors' judgement); ``projected`` reads it as a forecast (it then drops out of more draws).
    presupposed: Certainty


#: The shifts :func:`scenario_shifts` scans for a change of leader, in units of a moderate effect, 0.01 to 4 of the cell's base total.
SCANNED_SHIFTS = tuple(i / 100 for i in range(1, 401))


def votes(ds: Dataset, **options: Unpack[ReadingOptions]) -> tuple[Vote, ...]:
    """Every claim's votes: for which power, over which state, in which domain and track, on which records.

    A claim votes once per (track, power, state, domain), whatever number of records
    rest on it there. Records only background evidence supports are not the article's
    and cast no vote; a record citing no claim votes as its own claim ``record:<id>``.

    Examples
    --------
    >>> import centralasia as ca
    >>> vs = [v for v in votes(ca.load()) if v.claim == "c-p08-hq9"]
    >>> sorted({(v.track.value, v.tier.value, v.over) for v in vs})
    [('acts', 'leverage', 'TKM'), ('acts', 'leverage', 'UZB')]
    """
    picked, states = _checked(ds, options)
    return _collect(ds, picked, states, options)


def _checked(ds: Dataset, options: Mapping[str, object]) -> tuple[tuple[ActorId, ...], tuple[ActorId, ...]]:
    """The powers and states of *options*, every option checked: unknown ones refused by name."""
    _only_reading_options(options)
    if not isinstance(options.get("presupposed", Certainty.ASSESSED), Certainty):
        raise ArgumentError("presupposed", f"presupposed must be a Certainty, not {shown(options['presupposed'])}")
    return chosen(ds, options.get("powers", DEFAULT_POWERS), options.get("over"))


def _only_reading_options(options: Mapping[str, object]) -> None:
    """Refuse any option that is not one of :class:`ReadingOptions` (``readings`` takes more, these functions do not)."""
    unknown = sorted(set(options) - set(ReadingOptions.__annotations__))
    if unknown:
        raise ArgumentError(
            printable(unknown[0], WIDTH), f"unknown option {shown(unknown[0])}; expected one of {', '.join(sorted(ReadingOptions.__annotations__))}"
        )


def _collect(ds: Dataset, picked: tuple[ActorId, ...], states: tuple[ActorId, ...], options: ReadingOptions) -> tuple[Vote, ...]:
    return collect_votes(
        ds,
        picked,
        states,
        as_of=options.get("as_of"),
        include_undated=options.get("include_undated", True),
        records=options.get("records"),
        presupposed=options.get("presupposed", Certainty.ASSESSED),
    )


def _options(pooling: Pooling | str, regional: Regional | str, ties: bool, tiers: Tiers) -> Options:
    if not isinstance(tiers, Tiers):
        raise ArgumentError("tiers", f"tiers must be a Tiers, not {type(tiers).__name__}")
    pool = lookup(Pooling, pooling)
    if pool is None:
        raise ArgumentError("pooling", f"unknown pooling {shown(pooling)}; expected 'mean' or 'sum'")
    reg = lookup(Regional, regional)
    if reg is None:
        raise ArgumentError("regional", f"unknown regional {shown(regional)}; expected 'full' or 'shared'")
    if not isinstance(ties, bool):
        raise ArgumentError("ties", f"ties must be True or False, not {shown(ties)}")
    return Options(tiers, pool, reg, ties, None)


def readings(
    ds: Dataset,
    *,
    pooling: Pooling | str = Pooling.MEAN,
    regional: Regional | str = Regional.FULL,
    ties: bool = False,
    tiers: Tiers = DEFAULT_TIERS,
    scenario: Scenario | str | None = None,
    magnitudes: Magnitudes = DEFAULT_MAGNITUDES,
    **options: Unpack[ReadingOptions],
) -> Readings:
    """Read the article three ways: its assessments, the acts it reports, and their momentum.

    Parameters
    ----------
    ds : Dataset
        The records and their claims.
    pooling : Pooling or str
        The region row: the mean of the states' shares (``"mean"``, the default) or their summed scores (``"sum"``).
    regional : Regional or str
        A region-wide claim at full weight in each state (``"full"``, the default) or divided among them (``"shared"``).
    ties : bool
        Count engagement ties as influence on the acts track (at ``tiers.engagement``).
    tiers : Tiers
        The weight of each tier.
    scenario : Scenario or str, optional
        Apply its effects to the assessments as shifts (see :func:`scenario_shifts`).
    magnitudes : Magnitudes
        The size of those shifts.
    **options
        :class:`ReadingOptions`: the powers, the states, the date cut and streamed records.

    Examples
    --------
    >>> import centralasia as ca
    >>> r = readings(ca.load())
    >>> c = r.cell("security")
    >>> round(c.share("RUS"), 2), c.support, c.status.value
    (0.69, 9, 'supported')
    >>> r.cell("security", over="TKM").inherited
    True
    >>> m = r.momentum["CHN", ca.Domain.SECURITY]
    >>> len(m.increase), len(m.decrease)
    (4, 0)
    """
    picked, states = _checked(ds, options)
    opts = _options(pooling, regional, ties, tiers)
    resolved = None if scenario is None else resolve_scenario(ds, scenario)
    _magnitudes(ds, magnitudes, resolved)
    all_votes = _collect(ds, picked, states, options)
    prep = prepare(ds, all_votes, picked, states)
    cells = evaluate(prep, picked, states, opts)
    if resolved is not None:
        cells = shifted(cells, ds, resolved, picked, states, magnitudes, None, opts.pooling)
    return Readings(picked, states, Table(cells), Table(momentum_of(prep, picked, None)), all_votes, opts.pooling, opts.regional, opts.ties, tiers, resolved)


def _magnitudes(ds: Dataset, magnitudes: object, scenario: Scenario | None) -> Magnitudes:
    """*magnitudes*, checked: a :class:`Magnitudes` whose ``scale`` names scenarios of *ds* (or *scenario*)."""
    if not isinstance(magnitudes, Magnitudes):
        raise ArgumentError("magnitudes", f"magnitudes must be a Magnitudes, not {type(magnitudes).__name__}")
    check_scales(ds, magnitudes, scenario)
    return magnitudes


def _progress(progress: object) -> Callable[[int, int], None] | None:
    """The progress report: a bar on standard error for ``True``, the caller's callable (taking ``(done, total)``), or none."""
    if progress is True:
        return _Bar(sys.stderr)
    if progress is False:
        return None
    if callable(progress):
        try:
            inspect.signature(progress).bind(0, 0)
        except TypeError:
            raise ArgumentError("progress", f"progress must take two arguments, (done, total): {shown(progress)} does not") from None
        except ValueError:  # no signature to read (some builtins): trust it
            pass
        return progress
    raise ArgumentError("progress", f"progress must be True, False or a callable taking (done, total), not {shown(progress)}")


# -- robustness ---------------------------------------------------------------------


@attrs.frozen
class Interval:
    """The spread of a number over sampled draws: its 5th percentile, median and 95th percentile."""

    low: float
    median: float
    high: float
    #: The draws in which the number existed (a missing cell has none).
    draws: int

    def __str__(self) -> str:
        return f"{self.median:.2f} [{self.low:.2f}, {self.high:.2f}]"


@attrs.frozen
class CellRobustness:
    """One cell's point reading with its spread over the draws and how often each power led."""

    point: Cell
    #: Each power's share over the draws in which a claim spoke for it there (as at the point, a power no claim
    #: speaks for has no share, not a share of 0); absent for a power no claim spoke for in any draw.
    shares: Mapping[ActorId, Interval]
    #: The fraction of draws each power led in; ``None`` for no leader (a tie, one claim or none).
    leaders: Mapping[ActorId | None, float]
    #: The number of draws.
    draws: int
    #: The fraction of draws in which no claim stood behind the cell.
    missing: float
    #: The fraction of draws in which two votes or more stood behind it (a leader can be named only then).
    supported: float = 1.0
    #: The fraction of draws in which each power had a share (a claim spoke for it).
    present: Mapping[ActorId, float] = attrs.field(factory=dict)

    def p_leader(self, power: ActorId | None) -> float:
        """The fraction of draws in which *power* led (``None``: nobody did)."""
        return self.leaders.get(power, 0.0)

    def p_leader_if_supported(self, power: ActorId) -> float | None:
        """The fraction of the supported draws in which *power* led: ``p_leader / supported`` (``None`` without any)."""
        return None if self.supported == 0 else self.leaders.get(power, 0.0) / self.supported

    def standard_error(self, power: ActorId | None) -> float:
        """The Monte Carlo standard error of :meth:`p_leader`, ``sqrt(p (1 - p) / draws)``."""
        p = self.p_leader(power)
        return math.sqrt(p * (1.0 - p) / self.draws)


@attrs.frozen
class MomentumRobustness:
    """One power's momentum in one domain, with the spread of its net over the draws."""

    point: Momentum
    net: Interval | None


@attrs.frozen
class Robustness:
    """How far each reading holds when the choices behind it vary: make it with :func:`robustness`.

    Each draw samples the tier weights keeping their order (a leading role above any
    other, leverage above engagement), includes each claim with the probability of its
    certainty (:data:`~centralasia.INCLUSION`), and, with ``structural``, toggles the
    pooling, the regional expansion and whether ties count on the acts track.
    """

    point: Readings = attrs.field(repr=False)
    cells: Mapping[tuple[Track, Domain, ActorId | None], CellRobustness] = attrs.field(repr=False)
    momentum: Mapping[tuple[ActorId, Domain], MomentumRobustness] = attrs.field(repr=False)
    draws: int
    seed: int
    structural: bool

    def cell(self, domain: Domain | str, over: ActorId | None = None, track: Track | str = Track.ASSESSMENTS) -> CellRobustness:
        """The robustness of one cell (``over=None``: the region row)."""
        key = self.point.cell(domain, over, track)
        return self.cells[key.track, key.domain, key.over]

    def p_leader(self, power: ActorId | None, domain: Domain | str, over: ActorId | None = None, track: Track | str = Track.ASSESSMENTS) -> float:
        """The fraction of draws in which *power* led *domain* over *over* on *track* (``None``: nobody did)."""
        if power is not None:
            self._power(power)
        return self.cell(domain, over, track).p_leader(power)

    def _power(self, power: object) -> ActorId:
        if not isinstance(power, str) or power not in self.point.powers:
            raise UnknownIdError(str(power), "power")
        return power

    def interval(self, power: ActorId, domain: Domain | str, over: ActorId | None = None, track: Track | str = Track.ASSESSMENTS) -> Interval | None:
        """*power*'s share over the draws, or ``None`` when no claim spoke for it in any draw."""
        return self.cell(domain, over, track).shares.get(self._power(power))

    def __str__(self) -> str:
        return _render.robustness_text(self)

    def __repr__(self) -> str:
        return _panels.robustness_repr(self)

    def _repr_html_(self) -> str:
        return _panels.robustness_html(self)

    def to_frame(self) -> pandas.DataFrame:
        """One row per cell and power: point share, its 5%/50%/95% interval, p_leader, present, missing, supported (needs pandas)."""
        return _frames.robustness_frame(self)


def _interval(values: list[float]) -> Interval | None:
    if not values:
        return None
    xs = sorted(values)

    def q(p: float) -> float:
        pos = p * (len(xs) - 1)
        lo = int(pos)
        hi = min(lo + 1, len(xs) - 1)
        return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)

    return Interval(q(0.05), q(0.5), q(0.95), len(xs))


#: The most draws :func:`robustness` makes; beyond it the Monte Carlo error is far below any reading's, and the run takes hours.
MAX_DRAWS = 1_000_000

#: The largest ratio of an upper tier's weight to the lower's that sampling draws.
TIER_RATIO = 4.0


def _ordered(rng: random.Random) -> tuple[float, float]:
    """An upper and a lower tier weight: the order kept, their ratio drawn log-uniformly in (1, TIER_RATIO] (median 2, the default)."""
    return TIER_RATIO ** (1.0 - rng.random()), 1.0


class _Bar:
    """A progress bar on a text stream, redrawn at each whole percent."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = done * 100 // total
        if percent != self.shown:
            self.shown = percent
            filled = percent // 4
            self.stream.write(f"\r  sampling [{'#' * filled}{'.' * (25 - filled)}] {done}/{total}")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()


def robustness(
    ds: Dataset,
    *,
    draws: int = 1000,
    seed: int = 0,
    scenario: Scenario | str | None = None,
    magnitudes: Magnitudes = DEFAULT_MAGNITUDES,
    structural: bool = True,
    pooling: Pooling | str = Pooling.MEAN,
    regional: Regional | str = Regional.FULL,
    ties: bool = False,
    progress: bool | Callable[[int, int], None] = False,
    **options: Unpack[ReadingOptions],
) -> Robustness:
    """Sample the choices behind the readings and report each share's spread and each power's chance to lead.

    The same *seed* gives the same result. The records are read once; each draw
    re-weighs the claims' votes.

    Parameters
    ----------
    draws : int
        The number of draws, from 1 to :data:`MAX_DRAWS` (a million).
    seed : int
        The seed of the random numbers.
    scenario : Scenario or str, optional
        Apply it in each draw, its shifts drawn uniformly between 0 and twice *magnitudes*.
    structural : bool
        Also toggle pooling (mean or sum), regional expansion (full or shared) and ties (counted or not),
        each with even odds; without it they keep the values given.
    pooling, regional, ties
        As for :func:`readings`: the point reading's, and every draw's without ``structural``.
    progress : bool or callable
        ``True`` draws a progress bar on standard error; a callable gets ``(done, total)`` after each draw.
    magnitudes
        As for :func:`readings`.
    **options
        :class:`ReadingOptions`: ``powers``, ``over``, ``as_of``, ``include_undated``, ``records``.

    Examples
    --------
    >>> import centralasia as ca
    >>> rob = robustness(ca.load(), draws=200, seed=1)
    >>> rob.p_leader("RUS", "security") > 0.5, rob.p_leader("CHN", "economic") > 0.5
    (True, True)
    >>> rob.interval("RUS", "security").low < rob.point.share("RUS", "security") < rob.interval("RUS", "security").high
    True
    """
    if not isinstance(draws, int) or isinstance(draws, bool) or not 1 <= draws <= MAX_DRAWS:
        raise ArgumentError("draws", f"draws must be a whole number from 1 to {MAX_DRAWS:,}, not {shown(draws)}")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ArgumentError("seed", f"seed must be a whole number, not {shown(seed)}")
    if not isinstance(structural, bool):
        raise ArgumentError("structural", f"structural must be True or False, not {shown(structural)}")
    report = _progress(progress)
    _only_reading_options(options)
    point = readings(ds, pooling=pooling, regional=regional, ties=ties, **options)
    prep = prepare(ds, point.votes, point.powers, point.states)
    resolved = None if scenario is None else resolve_scenario(ds, scenario)
    _magnitudes(ds, magnitudes, resolved)
    if resolved is not None:
        point = attrs.evolve(
            point, cells=Table(shifted(dict(point.cells), ds, resolved, point.powers, point.states, magnitudes, None, point.pooling)), scenario=resolved
        )
    rng = random.Random(seed)
    ordered = sorted(prep.certainty.items())  # by claim id: the same draws whatever order the records come in
    shares: dict[_Key, dict[ActorId, list[float]]] = {k: {p: [] for p in point.powers} for k in point.cells}
    leaders: dict[_Key, dict[ActorId | None, int]] = {k: {} for k in point.cells}
    missing: dict[_Key, int] = dict.fromkeys(point.cells, 0)
    supported: dict[_Key, int] = dict.fromkeys(point.cells, 0)

    nets: dict[tuple[ActorId, Domain], list[float]] = {k: [] for k in point.momentum}
    for i in range(draws):
        lead, part = _ordered(rng)
        leverage, engagement = _ordered(rng)
        included = frozenset(c for c, certainty in ordered if rng.random() < INCLUSION[certainty])
        pooling, regional, ties = point.pooling, point.regional, point.ties
        if structural:
            pooling = rng.choice(list(Pooling))
            regional = rng.choice(list(Regional))
            ties = rng.random() < 0.5
        cells = evaluate(prep, point.powers, point.states, Options(Tiers(lead, part, leverage, engagement), pooling, regional, ties, included))
        if resolved is not None:
            sampled = attrs.evolve(magnitudes, increase=rng.uniform(0, 2 * magnitudes.increase), decrease=rng.uniform(0, min(1.0, 2 * magnitudes.decrease)))
            cells = shifted(cells, ds, resolved, point.powers, point.states, sampled, None, pooling)
        for key, cell in cells.items():
            supported[key] += cell.status is Support.SUPPORTED
            if cell.status is Support.MISSING or not cell.shares:
                missing[key] += cell.status is Support.MISSING
            else:
                for p, share in cell.shares.items():
                    shares[key][p].append(share)
            leaders[key][cell.leader] = leaders[key].get(cell.leader, 0) + 1
        for pair, m in momentum_of(prep, point.powers, included).items():
            if m.net is not None:
                nets[pair].append(m.net)
        if report is not None:
            report(i + 1, draws)
    cell_robustness = {
        key: CellRobustness(
            point.cells[key],
            Table({p: iv for p, xs in shares[key].items() if (iv := _interval(xs)) is not None}),
            Table({leader: n / draws for leader, n in leaders[key].items()}),
            draws,
            missing[key] / draws,
            supported[key] / draws,
            Table({p: len(xs) / draws for p, xs in shares[key].items()}),
        )
        for key in point.cells
    }
    momentum = {key: MomentumRobustness(m, _interval(nets[key])) for key, m in point.momentum.items()}
    return Robustness(point, Table(cell_robustness), Table(momentum), draws, seed, structural)


# -- leave one paragraph out ---------------------------------------------------------


@attrs.frozen
class ParagraphEffect:
    """What leaving one paragraph of the article out does to one region reading."""

    paragraph: int
    track: Track
    domain: Domain
    #: The paragraph's claims that vote in this reading.
    claims: tuple[str, ...]
    #: Each power's share (or net momentum) with every paragraph, and without this one; missing powers are absent.
    before: Mapping[ActorId, float]
    after: Mapping[ActorId, float]
    leader_before: ActorId | None
    leader_after: ActorId | None

    @property
    def changes_leader(self) -> bool:
        """Whether the reading's leader differs without the paragraph."""
        return self.leader_before != self.leader_after

    @property
    def largest_shift(self) -> float:
        """The largest change of any power's share (or net momentum), a power without claims at 0; a reading that appears or vanishes counts 1."""
        if bool(self.before) != bool(self.after):
            return 1.0
        keys = set(self.before) | set(self.after)
        return max((abs(self.after.get(k, 0.0) - self.before.get(k, 0.0)) for k in keys), default=0.0)


def _region_values(
    cells: Mapping[_Key, Cell], momentum: Mapping[tuple[ActorId, Domain], Momentum], powers: tuple[ActorId, ...]
) -> dict[tuple[Track, Domain], tuple[dict[ActorId, float], ActorId | None, frozenset[str]]]:
    out = {}
    for (track, domain, over), cell in cells.items():
        if over is None:
            out[track, domain] = (dict(cell.shares), cell.leader, frozenset(c for cs in cell.claims.values() for c in cs))
    for domain in Domain:
        ms = {p: momentum[p, domain] for p in powers}
        nets = {p: m.net for p, m in ms.items() if m.net is not None}
        claims = frozenset(c for m in ms.values() for c in (*m.increase, *m.decrease))
        out[Track.MOMENTUM, domain] = (nets, None, claims)
    return out


def leave_one_paragraph_out(ds: Dataset, **options: Unpack[ReadingOptions]) -> tuple[ParagraphEffect, ...]:
    """The region readings recomputed without each paragraph's claims in turn: which paragraphs carry each reading.

    One :class:`ParagraphEffect` per paragraph and reading the paragraph has claims in.

    Examples
    --------
    >>> import centralasia as ca
    >>> effects = leave_one_paragraph_out(ca.load())
    >>> sorted({e.paragraph for e in effects if e.changes_leader and e.track is ca.Track.ACTS})
    [8]
    """
    _only_reading_options(options)
    point = readings(ds, **options)
    prep = prepare(ds, point.votes, point.powers, point.states)
    base = _region_values(point.cells, point.momentum, point.powers)
    out = []
    for paragraph in sorted({p for ps in prep.paragraphs.values() for p in ps}):
        dropped = frozenset(c for c, ps in prep.paragraphs.items() if paragraph in ps)
        included = frozenset(prep.paragraphs) - dropped
        opts = Options(point.tiers, point.pooling, point.regional, point.ties, included)
        after = _region_values(evaluate(prep, point.powers, point.states, opts), momentum_of(prep, point.powers, included), point.powers)
        for key, (values, leader, claims) in base.items():
            mine = tuple(sorted(claims & dropped))
            if mine:
                values_after, leader_after, _ = after[key]
                out.append(ParagraphEffect(paragraph, key[0], key[1], mine, Table(values), Table(values_after), leader, leader_after))
    return tuple(out)


# -- scenarios as shifts ---------------------------------------------------------------


@attrs.frozen
class ShiftRow:
    """What a scenario does to the assessments in one domain over one state (or the region)."""

    domain: Domain
    over: ActorId | None
    #: Which way each power's share moves at the default magnitudes.
    directions: Mapping[ActorId, Direction]
    leader_before: ActorId | None
    #: The leader at the default magnitudes.
    leader_after: ActorId | None
    #: The smallest shift, in units of a moderate effect on the cell's base total, at which the leader differs from today's
    #: under the article's own effects (the assumed ones left out); ``None`` when none up to :attr:`ScenarioShift.limit`
    #: does, or when the change is by definition.
    breakeven: float | None
    #: The fraction of shifts between 0 and twice the default that change the leader, under the article's own effects.
    p_change: float
    #: Whether the leader changes by definition, when the scenario removes today's leader's role whole (a full decrease).
    definitional: bool = False
    #: The leader at the default magnitudes with only the article's own effects (the :attr:`~centralasia.Effect.assumed` ones left out).
    leader_article_only: ActorId | None = None


@attrs.frozen
class ScenarioShift:
    """A scenario read as shifts of the assessments: directions and the shift at which a leader changes."""

    scenario: Scenario
    rows: tuple[ShiftRow, ...]
    #: The effects the shares cannot show, with no direction ("shift", "unchanged"), of an actor not compared, or over no state read.
    unmeasured: tuple[Effect, ...]
    magnitudes: Magnitudes
    #: The effects that are our reading, not the article's words (:attr:`~centralasia.Effect.assumed`).
    assumed: tuple[Effect, ...] = ()
    #: The largest shift scanned for a change of leader.
    limit: float = 4.0

    def row(self, domain: Domain | str, over: ActorId | None = None) -> ShiftRow:
        """The row of *domain* over *over* (``None``: the region); :class:`~centralasia.UnknownIdError` when the scenario moves none there."""
        wanted = coerce_domain(domain)
        for r in self.rows:
            if r.domain is wanted and r.over == over:
                return r
        raise UnknownIdError(f"{wanted.value} over {over or 'the region'}", "row of the scenario's shifts")

    def __str__(self) -> str:
        return _render.shift_text(self)

    def __repr__(self) -> str:
        return _panels.shift_repr(self)

    def _repr_html_(self) -> str:
        return _panels.shift_html(self)

    def to_frame(self) -> pandas.DataFrame:
        """One row per domain, state (missing: the region) and power: direction, leaders, breakeven, p_change (needs pandas)."""
        return _frames.shift_frame(self)


def scenario_shifts(
    ds: Dataset,
    scenario: Scenario | str,
    *,
    magnitudes: Magnitudes = DEFAULT_MAGNITUDES,
    **options: Unpack[ReadingOptions],
) -> ScenarioShift:
    """Read *scenario* as shifts of the article's assessments: which way each share moves, and how far a shift must go to change a leader.

    An effect that increases a power's role adds ``k`` times the compared powers' total
    in a cell; one that decreases it multiplies the power's score by ``1 - k``, where
    ``k`` is the shift times the effect's strength factor. The default shift is
    *magnitudes*' (0.5); ``breakeven`` scans shifts from 0.01 to 4.

    Examples
    --------
    >>> import centralasia as ca
    >>> s = scenario_shifts(ca.load(), "scn-beijing-replaces-moscow")
    >>> row = s.row("security")
    >>> row.leader_before, row.leader_after, row.directions["CHN"].value
    ('RUS', 'CHN', 'increase')
    >>> row.definitional, row.breakeven  # Moscow replaced: its role goes whole, whatever the shift
    (True, None)
    >>> s = scenario_shifts(ca.load(), "scn-chinese-security-challenge")
    >>> 0.5 < s.row("security").breakeven < 1
    True
    """
    _only_reading_options(options)
    point = readings(ds, **options)
    resolved = resolve_scenario(ds, scenario)
    _magnitudes(ds, magnitudes, resolved)
    base = dict(point.cells)
    after = shifted(base, ds, resolved, point.powers, point.states, magnitudes, None, point.pooling)
    in_reading = frozenset(point.states)

    def measured(e: Effect) -> bool:
        targets = expand(ds, e.over) if e.over else central_asian_states(ds)
        return e.actor in point.powers and e.direction in (Direction.INCREASE, Direction.DECREASE) and bool(in_reading.intersection(targets))

    domains = list(dict.fromkeys(e.domain for e in resolved.effects if measured(e)))
    limit = max(SCANNED_SHIFTS[-1], 2 * magnitudes.increase)
    scanned = SCANNED_SHIFTS if limit == SCANNED_SHIFTS[-1] else tuple(limit * i / len(SCANNED_SHIFTS) for i in range(1, len(SCANNED_SHIFTS) + 1))
    assumed = tuple(e for e in resolved.effects if e.assumed)
    own = attrs.evolve(resolved, effects=tuple(e for e in resolved.effects if not e.assumed))
    article_only = shifted(base, ds, own, point.powers, point.states, magnitudes, None, point.pooling) if assumed else after
    # The breakeven is the article's: its own effects only, never our assumed ones.
    scans = [shifted(base, ds, own, point.powers, point.states, magnitudes, t, point.pooling) for t in scanned]
    removed = {(e.actor, e.domain) for e in resolved.effects if e.direction is Direction.DECREASE and e.strength is Strength.FULL}
    twice = 2 * magnitudes.increase
    rows = []
    for domain in domains:
        for state in (None, *point.states):
            key = (Track.ASSESSMENTS, domain, state)
            before, now = base[key], after[key]
            if before.status is Support.MISSING:
                continue
            directions = {p: _direction(before.shares.get(p, 0.0), now.shares.get(p, 0.0)) for p in point.powers}
            changed = [t for t, cells in zip(scanned, scans, strict=True) if leader_of(cells[key].scores, before.status) != before.leader]
            within = [t for t in scanned if t <= twice]
            p_change = sum(1 for t in changed if t <= twice) / len(within) if within else 0.0
            definitional = (before.leader, domain) in removed
            breakeven = None if definitional or not changed else changed[0]
            rows.append(ShiftRow(domain, state, Table(directions), before.leader, now.leader, breakeven, p_change, definitional, article_only[key].leader))
    unmeasured = tuple(e for e in resolved.effects if not measured(e))
    return ScenarioShift(resolved, tuple(rows), unmeasured, magnitudes, assumed, limit)


def _direction(before: float, after: float) -> Direction:
    if abs(after - before) <= 1e-9:
        return Direction.UNCHANGED
    return Direction.INCREASE if after > before else Direction.DECREASE
