"""Roles over time: the same question asked ``as_of`` successive dates.

Every record that has a date counts from that date on, so the acts come in as
2015's arms deliveries and 2016's announcements do. The authors' verdicts (the
assessments) are undated and count from the article's own time, October 2016
(``ca.ARTICLE_TIME``): before it, only what is dated counts, mostly China's recent
activity, and the rows are marked "dated only". They are not the article's reading
of those dates.

Run it with ``python examples/roles_over_time.py``.
"""

from __future__ import annotations

import centralasia as ca

ds = ca.load()
dates = ["2001", "2015", "2016-02", "2016-06", "2016-08", "2016-12"]

print("Security, by date: the authors' assessments and the acts they report (n: the claims behind each)")
print(f"{'as of':<11}{'assessments':<16}{'acts':<16}China's acts share")
for date in dates:
    r = ca.readings(ds, as_of=date)
    a, b = r.cell("security"), r.cell("security", track="acts")
    dated_only = ca.PartialDate.parse(date).latest < ca.ARTICLE_TIME.earliest
    note = "  (dated only)" if dated_only else ""
    share = b.share("CHN")
    print(
        f"{date:<11}{(a.leader or 'none') + f' n={a.support}':<16}{(b.leader or 'none') + f' n={b.support}':<16}{'—' if share is None else f'{share:.2f}'}{note}"
    )

# What came in between two dates: the network's edges, compared.
before = ca.influence_network(ds, domain="security", as_of="2015-12")
after = ca.influence_network(ds, domain="security", as_of="2016-12")
new = sorted({d["record"] for _, _, d in after.edges(data=True)} - {d["record"] for _, _, d in before.edges(data=True)})
print(f"security records that began in 2016: {len(new)}")
for record in new:
    print(f"  {record}: {type(ds[record]).__name__}")

# Undated records count at any date unless you leave them out: the verdicts, being undated, go.
dated_only = ca.readings(ds, as_of="2016-12", include_undated=False)
print(
    f"dated records only, end of 2016: {dated_only.cell('security').support} assessment claims, {dated_only.cell('security', track='acts').support} act claims"
)
