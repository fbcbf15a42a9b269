"""Roles over time: the same question asked ``as_of`` successive dates.

Every record that has a date counts from that date on, so the shares move as
2015's arms deliveries and 2016's agreements and visits come in. Undated records
(most role claims, the article's standing picture) count from the article's own
time, October 2016 (``ca.ARTICLE_TIME``): before it, the shares show only what is
dated, which is mostly China's recent activity, and are marked "dated only". They
are not the article's reading of those dates.

Run it with ``python examples/roles_over_time.py``.
"""

from __future__ import annotations

import centralasia as ca

ds = ca.load()
dates = ["2001", "2015", "2016-02", "2016-06", "2016-08", "2016-12"]

print("China's share of the powers' security influence, by date")
print(f"{'as of':<11}{'all':>6}" + "".join(f"{s:>6}" for s in ("KAZ", "KGZ", "TJK", "TKM", "UZB")) + "  leader")
for date in dates:
    summary = ca.role_summary(ds, as_of=date)
    shares = [summary.share("CHN", "security")] + [summary.share("CHN", "security", over=s) for s in summary.states]
    dated_only = ca.PartialDate.parse(date).latest < ca.ARTICLE_TIME.earliest
    note = "  (dated only)" if dated_only else ""
    print(f"{date:<11}" + "".join(f"{x:>6.2f}" for x in shares) + f"  {summary.leader('security') or 'tie'}{note}")

# What came in between two dates: the network's edges, compared.
before = ca.influence_network(ds, domain="security", as_of="2015-12")
after = ca.influence_network(ds, domain="security", as_of="2016-12")
new = sorted({d["record"] for _, _, d in after.edges(data=True)} - {d["record"] for _, _, d in before.edges(data=True)})
print(f"security records that began in 2016: {len(new)}")
for record in new:
    print(f"  {record}: {type(ds[record]).__name__}")

# Undated records count at any date unless you leave them out.
dated_only = ca.role_summary(ds, as_of="2016-12", include_undated=False)
print(f"dated records only, end of 2016: China's security share {dated_only.share('CHN', 'security'):.2f}")
