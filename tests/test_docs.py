"""The documentation site builds with Sphinx, warnings as errors, and documents every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from centralasia.cli import make_parser

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    """sphinx-build -W -b html docs succeeds: every page, toctree entry and autodoc docstring is sound."""
    pytest.importorskip("sphinx")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr or result.stdout
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    for page in ("getting-started", "data-model", "methodology", "sources", "cli", "guarantees", "cookbook", "walkthrough", "performance", "api"):
        assert f'href="{page}.html"' in index, page
    api = (tmp_path / "html" / "api.html").read_text(encoding="utf-8")
    for name in ("centralasia.model.Dataset", "centralasia.export.to_frame", "centralasia.plot.influence_map", "centralasia.roles.role_summary"):
        assert f'id="{name}"' in api, name


def test_cli_page_documents_every_command() -> None:
    """docs/cli.md names every subcommand the parser has."""
    parser = make_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in action.choices:  # type: ignore[union-attr]
        assert f"| `{name}" in text, name
