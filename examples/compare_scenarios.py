"""Comparing scenarios: what each of the article's futures does to the division of labour.

Each scenario's effects (``increase``, ``decrease``...) are applied to the
influence network with the documented magnitudes, and the role summary is
computed again, so the baseline and the scenario can be compared number by number.

Run it with ``python examples/compare_scenarios.py [OUTPUT_DIRECTORY]``; with
the ``plot`` extra it also draws ``scenarios.png`` there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import centralasia as ca

ds = ca.load()
baseline = ca.role_summary(ds)

print(f"{'scenario':<36}{'security':>10}{'economic':>10}{'diplomatic':>12}   China's security share")
summaries = []
for scenario in ds.scenarios:
    summary = ca.role_summary(ds, scenario=scenario.id)
    summaries.append(summary)
    leaders = [summary.leader(d) or "tie" for d in ca.Domain]
    change = ca.compare(baseline, summary).change("CHN", "security")
    print(f"{scenario.id:<36}{leaders[0]:>10}{leaders[1]:>10}{leaders[2]:>12}   {change.before:.2f} -> {change.after:.2f}")

# The full comparison for the article's long-term scenario, in words.
print()
print(ca.compare(baseline, ca.role_summary(ds, scenario="scn-chinese-security-challenge")).text())

# A scenario of your own: the same machinery, your effects.
mine = ca.make_scenario(
    "my-russian-retreat",
    [ca.Effect("RUS", ca.Domain.SECURITY, ca.Direction.DECREASE, "Russia withdraws.", strength=ca.Strength.FULL)],
    title="Russia withdraws from the region's security",
)
print()
print(f"my scenario: security leader {ca.role_summary(ds, scenario=mine).leader('security')}")

try:
    from centralasia.plot import role_shares, save

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    save(role_shares(baseline, *summaries), out / "scenarios.png")
    print(f"wrote {out / 'scenarios.png'}")
except ImportError as exc:
    print(f"no picture: {exc}")
