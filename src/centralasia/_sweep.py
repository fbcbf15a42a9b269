"""Every scenario of a dataset read at once: one table of scenarios, domains and powers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from centralasia._frames import frame
from centralasia._tables import dataset
from centralasia.errors import DataError, Problem
from centralasia.model import Dataset, Domain, Scenario
from centralasia.reader import ReadingOptions, readings
from centralasia.scenarios import DEFAULT_MAGNITUDES, Magnitudes
from centralasia.tracks import Readings, Track

if TYPE_CHECKING:
    import pandas

__all__ = ["BASELINE", "scenario_frame"]

#: The ``scenario`` of the rows read without any scenario.
BASELINE = "baseline"


def scenario_frame(ds: Dataset, *, magnitudes: Magnitudes = DEFAULT_MAGNITUDES, **options: Unpack[ReadingOptions]) -> pandas.DataFrame:
    """The article's assessments under every scenario of *ds*, baseline first: one row per scenario, domain and power (needs pandas).

    Each scenario is read as :func:`~centralasia.scenario_shifts` and
    :func:`~centralasia.readings` read it: its effects shift the assessments
    (at *magnitudes*), over the region (the states pooled). The columns are
    ``scenario`` (``"baseline"`` for none), ``title``, ``domain``, ``power``,
    ``share`` (missing where no claim speaks), ``change`` (from the
    baseline's share), ``score``, ``support`` (the claims behind the cell),
    ``status``, ``leader`` and ``balance``.

    Parameters
    ----------
    ds : Dataset
        The records, claims and scenarios.
    magnitudes : Magnitudes
        The size of the scenarios' shifts.
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
    >>> row["leader"].item(), bool(row["change"].item() > 0)
    ('CHN', True)
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
        for domain in Domain:
            cell = read.cell(domain, None, Track.ASSESSMENTS)
            before = baseline.cell(domain, None, Track.ASSESSMENTS)
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
                        cell.scores.get(power, 0.0),
                        cell.support,
                        cell.status.value,
                        cell.leader,
                        cell.balance,
                    )
                )
    columns = [
        ("scenario", "string"),
        ("title", "string"),
        ("domain", "string"),
        ("power", "string"),
        ("share", "Float64"),
        ("change", "Float64"),
        ("score", "Float64"),
        ("support", "Int64"),
        ("status", "string"),
        ("leader", "string"),
        ("balance", "Float64"),
    ]
    return frame(columns, rows, "scenario_frame")
