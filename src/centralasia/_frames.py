"""Computed results as tidy pandas DataFrames with typed columns (pandas imported on first use)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from centralasia.errors import ArgumentError, MissingDependencyError

if TYPE_CHECKING:
    import pandas

    from centralasia.comparison import Comparison
    from centralasia.reader import Robustness, ScenarioShift
    from centralasia.roles import Explanation, RoleSummary
    from centralasia.tracks import Readings

__all__ = [
    "Column",
    "SupportsFrame",
    "comparison_frame",
    "explanation_frame",
    "frame",
    "readings_frame",
    "result_frame",
    "robustness_frame",
    "shift_frame",
    "summary_frame",
]

#: A column and its pandas dtype (``"string"``, ``"Float64"``, ``"Int64"`` and ``"boolean"`` allow missing values).
Column = tuple[str, str]


@runtime_checkable
class SupportsFrame(Protocol):
    """A computed result with a :meth:`to_frame` (a role summary, a comparison, readings...)."""

    def to_frame(self) -> pandas.DataFrame:
        """The result as a tidy table."""
        ...


def frame(columns: Sequence[Column], rows: Sequence[Sequence[object]], what: str) -> pandas.DataFrame:
    """A DataFrame of *rows* with *columns* ``(name, dtype)``: one typed column each, also when there are no rows."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError("pandas", "pandas", what) from exc
    names = [name for name, _ in columns]
    return pd.DataFrame.from_records([tuple(row) for row in rows], columns=names).astype(dict(columns))


def _text(value: object) -> str | None:
    """An enum's value, a date's ISO text, a string; ``None`` stays missing."""
    if value is None:
        return None
    return str(getattr(value, "value", value))


def _joined(values: Sequence[object]) -> str:
    return ";".join(str(v) for v in values)


_STR, _FLOAT, _INT, _BOOL = "string", "Float64", "Int64", "boolean"


def summary_frame(s: RoleSummary) -> pandas.DataFrame:
    """One row per power, domain and state: influence, total, share and whether the power leads."""
    columns = [("power", _STR), ("domain", _STR), ("over", _STR), ("influence", _FLOAT), ("total", _FLOAT), ("share", _FLOAT), ("leader", _BOOL)]
    rows = [(r.power, r.domain.value, r.over, r.influence, r.total, r.share, r.leader) for r in s.rows()]
    return frame(columns, rows, "RoleSummary.to_frame")


def comparison_frame(c: Comparison) -> pandas.DataFrame:
    """One row per power, domain and state (``over`` missing: all the states pooled): the share before, after, and the change."""
    columns = [("power", _STR), ("domain", _STR), ("over", _STR), ("before", _FLOAT), ("after", _FLOAT), ("delta", _FLOAT)]
    rows = [(x.power, x.domain.value, x.over, x.before, x.after, x.delta) for x in c.changes]
    return frame(columns, rows, "Comparison.to_frame")


def explanation_frame(e: Explanation) -> pandas.DataFrame:
    """One row per contribution, heaviest first: record, layer, ends, weight, certainty, date, scenario, claims and paragraphs (``;``-joined)."""
    columns = [
        ("record", _STR),
        ("record_type", _STR),
        ("layer", _STR),
        ("source", _STR),
        ("target", _STR),
        ("domain", _STR),
        ("weight", _FLOAT),
        ("certainty", _STR),
        ("date", _STR),
        ("scenario", _STR),
        ("claims", _STR),
        ("paragraphs", _STR),
    ]
    rows = [
        (
            c.record,
            c.record_type,
            c.layer.value,
            c.source,
            c.target,
            c.domain.value,
            c.weight,
            c.certainty.value,
            _text(c.date),
            c.scenario,
            _joined(c.claims),
            _joined(sorted({x.paragraph for x in c.evidence if x.paragraph is not None and not x.is_background})),
        )
        for c in e.contributions
    ]
    return frame(columns, rows, "Explanation.to_frame")


_CELL_COLUMNS: list[Column] = [
    ("track", _STR),
    ("domain", _STR),
    ("over", _STR),
    ("power", _STR),
    ("share", _FLOAT),
    ("score", _FLOAT),
    ("support", _INT),
    ("effective", _FLOAT),
    ("status", _STR),
    ("leader", _STR),
    ("balance", _FLOAT),
    ("inherited", _BOOL),
]


def readings_frame(r: Readings) -> pandas.DataFrame:
    """One row per cell and power (``over`` missing: the region row); each column has one meaning on every row.

    ``share`` is the power's share (missing where no claim speaks for it), on state and region rows alike: on the
    region row, the mean of the states' shares with ``pooling="mean"`` (the default). ``score`` is the power's summed
    tier weight (0 where it has no vote): on state rows, and on the region row only with ``pooling="sum"``, where the
    states' scores add up; it is missing on a mean-pooled region row, which has shares but no weights. ``support``
    counts the claims behind the cell and ``effective`` is their effective number; ``status``, ``leader`` and
    ``balance`` are the cell's; ``inherited`` says no claim behind a state's cell names the state (never on a region row).
    """
    summed = r.pooling.value == "sum"
    rows = [
        (
            c.track.value,
            c.domain.value,
            c.over,
            p,
            c.shares.get(p),
            c.scores.get(p, 0.0) if c.over is not None or summed else None,
            c.support,
            c.effective,
            c.status.value,
            c.leader,
            c.balance,
            c.inherited,
        )
        for c in r
        for p in r.powers
    ]
    return frame(_CELL_COLUMNS, rows, "Readings.to_frame")


def robustness_frame(rob: Robustness) -> pandas.DataFrame:
    """One row per cell and power: the point share, its interval over the draws, how often the power led and had a share."""
    columns = [
        ("track", _STR),
        ("domain", _STR),
        ("over", _STR),
        ("power", _STR),
        ("point_share", _FLOAT),
        ("low", _FLOAT),
        ("median", _FLOAT),
        ("high", _FLOAT),
        ("p_leader", _FLOAT),
        ("present", _FLOAT),
        ("missing", _FLOAT),
        ("supported", _FLOAT),
        ("draws", _INT),
    ]
    rows = []
    for (track, domain, over), c in rob.cells.items():
        for p in rob.point.powers:
            iv = c.shares.get(p)
            low, median, high = (None, None, None) if iv is None else (iv.low, iv.median, iv.high)
            rows.append(
                (track.value, domain.value, over, p, c.point.share(p), low, median, high, c.p_leader(p), c.present.get(p, 0.0), c.missing, c.supported, c.draws)
            )
    return frame(columns, rows, "Robustness.to_frame")


def shift_frame(s: ScenarioShift) -> pandas.DataFrame:
    """One row per domain, state (``over`` missing: the region) and power: which way its share moves, the leaders and the breakeven."""
    columns = [
        ("scenario", _STR),
        ("domain", _STR),
        ("over", _STR),
        ("power", _STR),
        ("direction", _STR),
        ("leader_before", _STR),
        ("leader_after", _STR),
        ("leader_article_only", _STR),
        ("breakeven", _FLOAT),
        ("p_change", _FLOAT),
        ("definitional", _BOOL),
    ]
    rows = [
        (s.scenario.id, r.domain.value, r.over, p, _text(d), r.leader_before, r.leader_after, r.leader_article_only, r.breakeven, r.p_change, r.definitional)
        for r in s.rows
        for p, d in r.directions.items()
    ]
    return frame(columns, rows, "ScenarioShift.to_frame")


def result_frame(result: object, table: object = None) -> pandas.DataFrame:
    """*result*'s own :meth:`to_frame`: what :func:`~centralasia.to_frame` does with anything but a dataset."""
    if not isinstance(result, SupportsFrame):
        raise ArgumentError("ds", f"expected a Dataset (with a table name) or a computed result such as a RoleSummary, not {type(result).__name__}")
    if table is not None:
        raise ArgumentError("table", f"a {type(result).__name__} is one table: call to_frame(result) or result.to_frame(), without a table name")
    return result.to_frame()
