"""pytest-benchmark timings at 10^4 records, on demand only: ``pytest -n 0 benchmarks/test_bench.py`` (the test suite never collects them; ``-n 0``, as pytest-benchmark times nothing under xdist).

For the figures at scale, with memory, import time and the targets, run
``python benchmarks/run.py`` instead.
"""

from __future__ import annotations

from typing import Any

import pytest
import run
import synthetic

import centralasia as ca

__all__: list[str] = []

N = 10_000


@pytest.fixture(scope="module")
def ds() -> ca.Dataset:
    """A synthetic dataset of N records, built once for the module."""
    return synthetic.dataset(N)


@pytest.mark.benchmark(group="network")
def test_influence_network(benchmark: Any, ds: ca.Dataset) -> None:
    """The multigraph of N records: one edge per relation."""
    G = benchmark(ca.influence_network, ds)
    assert G.number_of_edges() > N


@pytest.mark.benchmark(group="network")
def test_collapse(benchmark: Any, ds: ca.Dataset) -> None:
    """Collapsing that multigraph to one weighted edge per pair."""
    G = ca.influence_network(ds)
    H = benchmark(ca.collapse, G)
    assert 0 < H.number_of_edges() < G.number_of_edges()


@pytest.mark.benchmark(group="pipeline")
def test_centralasia_pipeline(benchmark: Any, ds: ca.Dataset) -> None:
    """influence_network, collapse and role_summary of N records."""
    benchmark(run.centralasia_pipeline, ds)


@pytest.mark.benchmark(group="pipeline")
def test_pandas_by_hand(benchmark: Any, ds: ca.Dataset) -> None:
    """The hand-written pandas pipeline over the same records, with the same numbers."""
    states = ca.actors.central_asian_states(ds)
    by_hand = benchmark(run.pandas_pipeline, ds, synthetic.POWERS, states)
    assert run.check_same_results(run.centralasia_pipeline(ds), by_hand) < 1e-9


@pytest.mark.benchmark(group="summary")
def test_role_summary(benchmark: Any, ds: ca.Dataset) -> None:
    """The role summary of a Dataset of N records."""
    benchmark(ca.role_summary, ds)


@pytest.mark.benchmark(group="summary")
def test_role_summary_of_a_stream(benchmark: Any) -> None:
    """The role summary of N records generated one at a time and never kept (generation included)."""
    ix = synthetic.index()
    benchmark(run.streamed_summary, ix, N)
