"""Extending the data with your own records: a JSON file of new facts, checked and merged.

Your file has the layout of a dataset file (``{"roles": [...], "events": [...]}``)
and its records may name the bundled ids (``KAZ``, ``CHN``, ``sco``...). Facts
that are not in the article are *background* evidence naming their source, so
``article_only()`` still gives the article's own view.

Run it with ``python examples/extend_with_your_own_data.py``; the same check is
``centralasia validate --extends examples/data/my_facts.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import centralasia as ca
from centralasia.additions import extend, read_additions

HERE = Path(__file__).resolve().parent
MY_FACTS = HERE / "data" / "my_facts.json"

base = ca.load()
mine = extend(base, MY_FACTS)  # checked against the bundled data, then merged after it
added = [r for r in mine if r.id not in base.ids]
print(f"bundled records: {len(base)}; with my facts: {len(mine)} ({len(added)} added)")
for record in added:
    print(f"  + {type(record).__name__} {record.id}")

# Your records are ordinary records: look them up, follow their references.
outpost = mine["role-chn-security-partner-tjk-outpost"]
assert isinstance(outpost, ca.Role)
over = ", ".join(getattr(mine[i], "name", i) for i in outpost.over)
print(f"{outpost.actor} is a {outpost.role.value} of {over} ({outpost.certainty.value})")

# Records the article does not support go again in the article-only view.
print(f"article-only view: {len(mine.article_only())} records, as for the bundled data: {len(base.article_only())}")

# A mistake is reported with its place in your file, never half merged.
document = json.loads(MY_FACTS.read_text(encoding="utf-8"))
document["roles"][0]["over"] = ["TJJ"]
try:
    extend(base, read_additions(json.dumps(document)))
except ca.DataError as exc:
    print("a broken copy is refused:")
    for problem in exc.problems:
        print(f"  - {problem}")

# Two datasets that stand on their own combine with Dataset.merge.
own = ca.Dataset(states=[ca.State(id="MNG", name="Mongolia", evidence=[ca.Evidence(paragraph=2, kind=ca.EvidenceKind.BACKGROUND, source="UN M49")])])
print(f"merged with a dataset of its own: {len(mine.merge(own))} records")
