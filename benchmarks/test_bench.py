"""pytest-benchmark timings at 10^4 records, on demand only: ``pytest -n 0 benchmarks/test_bench.py`` (the test suite never collects them; ``-n 0``, as pytest-benchmark times nothing under xdist).

For the figures at scale, interleaved, with memory, cold start and the goals,
run ``python benchmarks/run.py`` instead.
"""

from __future__ import annotations

from typing import Any

import competitors as comp
import pytest
import routes
import synthetic

import centralasia as ca

__all__: list[str] = []

N = 10_000


@pytest.fixture(scope="module")
def ds() -> ca.Dataset:
    """A synthetic dataset of N records, built once for the module."""
    return synthetic.dataset(N)


@pytest.fixture(scope="module")
def library(ds: ca.Dataset) -> comp.Result:
    """The library's numbers, which every competitor must give."""
    return routes.library_result(routes.streamed_route(ds), synthetic.POWERS)


@pytest.mark.benchmark(group="route")
def test_streamed_route(benchmark: Any, ds: ca.Dataset) -> None:
    """The streamed route: pair sums, the network and the role summary of N records."""
    benchmark(routes.streamed_route, ds)


@pytest.mark.benchmark(group="route")
def test_multigraph_route(benchmark: Any, ds: ca.Dataset) -> None:
    """The multigraph route: influence_network, collapse and role_summary of N records."""
    benchmark(routes.multigraph_route, ds)


@pytest.mark.benchmark(group="route")
@pytest.mark.parametrize("name", ["pandas_vectorised", "polars_lazy", "dict_loop", "row_loop_pandas"])
def test_competitor(benchmark: Any, ds: ca.Dataset, library: comp.Result, name: str) -> None:
    """A hand-written competitor over the same records, with the same numbers."""
    states = ca.actors.central_asian_states(ds)
    result = benchmark(getattr(comp, name), ds, synthetic.POWERS, states)
    assert comp.compare(library, result) <= 1e-9
