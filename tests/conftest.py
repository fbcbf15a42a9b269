"""Shared fixtures (the bundled dataset and, where present, the source article) and the hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import centralasia as ca

# The typing test package is checked by mypy and pyright (tests/test_typing.py), never imported:
# its negative cases are errors and its usage would write files.
collect_ignore = ["typed_usage"]

#: The article as shipped beside the project (absent outside this workplace).
ARTICLE_PATH = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_44f84c857bfe33cf.txt"

# -- hypothesis profiles ----------------------------------------------------------------
#
# ``quick`` is the default: the README's test command runs it, and it keeps the whole
# suite within its time budget. ``ci`` draws many more examples; .ci/run runs the
# property tests again with it after the README command:
#
#     HYPOTHESIS_PROFILE=ci python -m pytest -m hypothesis
#
# Whole datasets take tens of milliseconds to draw and check, so there is no deadline,
# and the health checks that only say "slow" or "large" are off.
_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("quick", max_examples=20, deadline=None, suppress_health_check=_SLOW_DATA)
# Hypothesis' own "ci" profile (derandomized, no example database, reproduction blobs
# printed) with more examples and the same health checks off.
settings.register_profile("ci", settings.get_profile("ci"), max_examples=200, suppress_health_check=_SLOW_DATA)
# Loaded explicitly: hypothesis itself would load its "ci" profile whenever CI is set.
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "quick")


def _in_ci() -> bool:
    """Whether the CI environment variable says this is a CI run (``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


@pytest.fixture(scope="session")
def ds() -> ca.Dataset:
    """The bundled article dataset."""
    return ca.load()


@pytest.fixture(scope="session")
def article_text() -> str:
    """The article's text; tests that need it are skipped where it is not shipped, and fail under ``CI=true``."""
    if not ARTICLE_PATH.is_file():
        message = f"the source article is not at {ARTICLE_PATH}"
        if _in_ci():
            pytest.fail(f"{message} (CI=true: CI must check the quotes against the article)", pytrace=False)
        pytest.skip(message)
    return ARTICLE_PATH.read_text(encoding="utf-8")
