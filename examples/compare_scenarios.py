"""Comparing scenarios: what each of the article's futures does to the division of labour.

The article gives no sizes for its futures, so each scenario is read as a *shift* of
the article's own assessments: which way each power's share moves, who leads at the
default shift, and from which shift the lead would change (its breakeven). Only the
direction and the breakeven come from the article's words; the sizes are assumptions
(``ca.DEFAULT_MAGNITUDES``).

Run it with ``python examples/compare_scenarios.py [OUTPUT_DIRECTORY]``; with
the ``plot`` extra it also draws ``scenario-robustness.png`` there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import centralasia as ca

ds = ca.load()

print(f"{'scenario':<36}{'domain':<11}{'leader now -> at default shift':<32}breakeven")
for scenario in ds.scenarios:
    shift = ca.scenario_shifts(ds, scenario)
    for row in shift.rows:
        if row.over is None:
            breakeven = "by definition" if row.definitional else "none up to 4" if row.breakeven is None else f"{row.breakeven:.2f}"
            leaders = f"{row.leader_before or 'none'} -> {row.leader_after or 'none'}"
            print(f"{scenario.id:<36}{row.domain.value:<11}{leaders:<32}{breakeven}")
    if not any(row.over is None for row in shift.rows):
        print(f"{scenario.id:<36}{'-':<11}{'no share of a compared power moves'}")

# The article's long-term scenario in words.
print()
print(ca.scenario_shifts(ds, "scn-chinese-security-challenge"))

# A scenario of your own: the same machinery, your effects.
mine = ca.make_scenario(
    "my-russian-retreat",
    [ca.Effect(actor="RUS", domain=ca.Domain.SECURITY, direction=ca.Direction.DECREASE, description="Russia withdraws.", strength=ca.Strength.FULL)],
    title="Russia withdraws from the region's security",
)
print()
print(f"my scenario: security leader {ca.readings(ds, scenario=mine).leader('security') or 'none'}")

try:
    from centralasia.plot import robustness_chart, save

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    sampled = ca.robustness(ds, draws=300, seed=0, scenario="scn-chinese-security-challenge")
    save(robustness_chart(sampled), out / "scenario-robustness.png")
    print(f"wrote {out / 'scenario-robustness.png'}")
except ImportError as exc:
    print(f"no picture: {exc}")
