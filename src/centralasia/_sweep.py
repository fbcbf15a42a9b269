"""Every scenario of a dataset read at once: one table of scenarios, domains and powers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from centralasia._frames import frame
from centralasia._tables import dataset
from centralasia.errors import DataError, Problem
from centralasia.model import Dataset, Domain, Scenario
from centralasia.reader import ReadingOptions, readings, scenario_shifts
from centralasia.scenarios import DEFAULT_MAGNITUDES, Magnitudes
from centralasia.tracks import Readings, Track

if TYPE_CHECKING:
    import pandas

__all__ = ["BASELINE", "BY_DEFINITION", "scenario_frame"]

#: The ``scenario`` of the rows read without any scenario.
BASELINE = "baseline"
#: The ``status`` of a row whose leader changes by definition (the scenario removes today's leader's role whole).
BY_DEFINITION = "by definition"


def scenario_frame(ds: Dataset, *, magnitudes: Magnitudes = DEFAULT_MAGNITUDES, **options: Unpack[ReadingOptions]) -> pandas.DataFrame:
    """The article's assessments under every scenario of *ds*, baseline first: one row per scenario, domain and power (needs pandas).

    Each scenario is read as :func:`~centralasia.scenario_shifts` and
    :func:`~centralasia.readings` read it: its effects shift the assessments
    (at *magnitudes*) over the region row, which is the readings' region row:
    the equal-weight mean of the states' shares (their default pooling,
    ``"mean"``), not their sum.

    The sizes of the shifts are assumptions (:data:`~centralasia.DEFAULT_MAGNITUDES`
    unless *magnitudes* says otherwise): the article names a direction, never a size.
    So the shares under a scenario are illustrations; what to read is where a
    leader would change, the breakeven of :func:`~centralasia.scenario_shifts`.
    Some effects are our reading, not the article's words
    (:attr:`~centralasia.Effect.assumed`): ``assumed_effects`` flags the rows
    they touch.

    The columns are ``scenario`` (``"baseline"`` for none), ``title``,
    ``domain``, ``power``, ``share`` (missing where no claim speaks),
    ``change`` (from the baseline's share; no summed tier weight, since the
    region row holds mean shares), ``support`` (the claims
    behind the cell: the article's, which a scenario never adds to),
    ``status``, ``leader``, ``balance``, ``assumed_effects`` (an effect of the
    scenario in that domain is assumed) and ``definitional`` (the scenario
    removes today's leader's role whole, a full decrease, so the lead changes
    by definition, as :attr:`~centralasia.reader.ShiftRow.definitional` says).
    The status is ``supported``, ``insufficient`` or ``missing`` as in the
    readings, except on a definitional row, where it is ``"by definition"``:
    the claims in ``support`` name today's leader, and the new one leads only
    because the scenario says so.

    Parameters
    ----------
    ds : Dataset
        The records, claims and scenarios.
    magnitudes : Magnitudes
        The size of the scenarios' shifts (an assumption).
    **options
        :class:`~centralasia.reader.ReadingOptions`: the powers, the states, the date cut and streamed records.

    Raises
    ------
    DataError
        If a scenario's id is ``"baseline"``, which names the rows without a scenario.

    Examples
    --------
    >>> import centralasia as ca
    >>> frame = ca.scenario_frame(ca.load())
    >>> len(frame) == (1 + len(ca.load().scenarios)) * len(ca.Domain) * 2
    True
    >>> row = frame[(frame["scenario"] == "scn-beijing-replaces-moscow") & (frame["domain"] == "security") & (frame["power"] == "CHN")]
    >>> row["leader"].item(), bool(row["change"].item() > 0), row["status"].item(), bool(row["definitional"].item())
    ('CHN', True, 'by definition', True)
    """
    dataset(ds)
    for i, s in enumerate(ds.scenarios):
        if s.id == BASELINE:  # its rows would be told apart from the baseline's by nothing
            raise DataError(
                [Problem.at(f"$.scenarios[{i}].id", f"{BASELINE!r} names the rows without a scenario here; rename the scenario")], "no scenario frame"
            )
    baseline = readings(ds, magnitudes=magnitudes, **options)
    runs: list[tuple[Scenario | None, Readings]] = [(None, baseline)]
    runs += [(s, readings(ds, scenario=s, magnitudes=magnitudes, **options)) for s in ds.scenarios]
    rows = []
    for scenario, read in runs:
        definitional: set[Domain] = set()
        if scenario is not None:
            shift = scenario_shifts(ds, scenario, magnitudes=magnitudes, **options)
            definitional = {r.domain for r in shift.rows if r.over is None and r.definitional}
        for domain in Domain:
            cell = read.cell(domain, None, Track.ASSESSMENTS)
            before = baseline.cell(domain, None, Track.ASSESSMENTS)
            assumed = scenario is not None and any(e.assumed and e.domain is domain for e in scenario.effects)
            by_definition = domain in definitional
            for power in baseline.powers:
                share, base = cell.shares.get(power), before.shares.get(power)
                change = None if share is None or base is None else share - base
                rows.append(
                    (
                        BASELINE if scenario is None else scenario.id,
                        BASELINE if scenario is None else scenario.title,
                        domain.value,
                        power,
                        share,
                        change,
                        cell.support,
                        BY_DEFINITION if by_definition else cell.status.value,
                        cell.leader,
                        cell.balance,
                        assumed,
                        by_definition,
                    )
                )
    columns = [
        ("scenario", "string"),
        ("title", "string"),
        ("domain", "string"),
        ("power", "string"),
        ("share", "Float64"),
        ("change", "Float64"),
        ("support", "Int64"),
        ("status", "string"),
        ("leader", "string"),
        ("balance", "Float64"),
        ("assumed_effects", "boolean"),
        ("definitional", "boolean"),
    ]
    return frame(columns, rows, "scenario_frame")
