"""The restructure leaves public behaviour unchanged: summaries, networks, comparisons, exports and CLI output."""

from __future__ import annotations

import json

import snapshot_behaviour


def test_behaviour_matches_the_snapshot() -> None:
    """Every item of the behaviour snapshot (bundled, article-only and synthetic data) is unchanged."""
    expected = json.loads(snapshot_behaviour.SNAPSHOT.read_text(encoding="utf-8"))
    actual = snapshot_behaviour.digests(snapshot_behaviour.behaviour())
    changed = sorted(k for k in expected.keys() | actual.keys() if expected.get(k) != actual.get(k))
    assert not changed, f"behaviour changed in {len(changed)} items (diff with tests/snapshot_behaviour.py --dump): {changed[:20]}"
