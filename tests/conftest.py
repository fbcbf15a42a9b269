"""Shared fixtures: the bundled dataset and, where present, the source article."""

from __future__ import annotations

from pathlib import Path

import pytest

import centralasia as ca

#: The article as shipped beside the project (absent outside this workplace).
ARTICLE_PATH = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_44f84c857bfe33cf.txt"


@pytest.fixture(scope="session")
def ds() -> ca.Dataset:
    """The bundled article dataset."""
    return ca.load()


@pytest.fixture(scope="session")
def article_text() -> str:
    """The article's text; tests that need it are skipped where it is not shipped."""
    if not ARTICLE_PATH.is_file():
        pytest.skip(f"the source article is not at {ARTICLE_PATH}")
    return ARTICLE_PATH.read_text(encoding="utf-8")
