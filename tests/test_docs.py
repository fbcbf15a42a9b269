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
    for page in ("getting-started", "data-model", "methodology", "sources", "cli", "cookbook", "walkthrough", "performance", "api"):
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


def test_methodology_numbers_are_the_computed_ones() -> None:
    """Every share in the methodology's table of readings is what the library computes on the bundled data."""
    import centralasia as ca

    ds = ca.load()
    base = ca.role_summary(ds)
    rows = {
        "pooled over the five states": base.share("RUS", "security"),
        "over Kazakhstan": base.share("RUS", "security", over="KAZ"),
        "over Kyrgyzstan": base.share("RUS", "security", over="KGZ"),
        "over Tajikistan": base.share("RUS", "security", over="TJK"),
        "over Turkmenistan": base.share("RUS", "security", over="TKM"),
        "over Uzbekistan": base.share("RUS", "security", over="UZB"),
        "pooled, every record counted in full (`share_claims=False`)": ca.role_summary(ds, share_claims=False).share("RUS", "security"),
        "pooled, without the role claims": ca.role_summary(ds, weights=ca.DEFAULT_WEIGHTS.without("role")).share("RUS", "security"),
        "pooled, dated records only": ca.role_summary(ds, include_undated=False).share("RUS", "security"),
    }
    text = (Path(__file__).parent.parent / "docs" / "methodology.md").read_text(encoding="utf-8")
    for label, value in rows.items():
        assert f"| {label} | {value:.2f} |" in text, label
    in_full = ca.role_summary(ds, share_claims=False).share("RUS", "security", over="TJK")
    assert f"{in_full:.2f} over Tajikistan" in text
    assert base.share("CHN", "economic") == 1.0 and base.leader("diplomatic") is None
