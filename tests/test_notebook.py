"""The walkthrough notebook runs from top to bottom in a real Jupyter kernel, and as a script prints what the docs say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "notebooks" / "walkthrough.py"
PAGE = ROOT / "docs" / "walkthrough.md"

#: What docs/walkthrough.md says the script prints, and a line of that output which shows it.
PRINTED = {
    "the number of records and the five Central Asian states": "records; the five Central Asian states: KAZ, KGZ, TJK, TKM, UZB",
    "the article read three ways": "The article read three ways (baseline)",
    "each assessment beside the acts over the same states": "c-p08-chn-arms-market: CHN takes part in security",
    "the claims behind China's acts over Uzbekistan": "c-p08-hq9 leverage reported ('at-chn-uzb-hq9-2015',)",
    "the robustness over 1000 draws": "Robustness over 1000 draws (seed 0;",
    "the paragraphs without which a leader changes": "without paragraph 8: acts security leader CHN -> none",
    "each scenario's shifts": "scn-chinese-security-challenge: the article's assessments shifted by its effects",
    "the balance in each domain": "security: balance 0.85",
}


def _env() -> dict[str, str]:
    """This process's environment with the source tree importable and matplotlib drawing off screen."""
    src = str(ROOT / "src")
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, path]) if path else src, "MPLBACKEND": "Agg"}


def test_walkthrough_runs_in_a_kernel(tmp_path: Path) -> None:
    """``jupyter nbconvert --execute`` (the notebook extra's command) runs the converted notebook without errors, with its pictures and tables."""
    jupytext = pytest.importorskip("jupytext")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("nbconvert")
    pytest.importorskip("ipykernel")
    notebook = jupytext.read(NOTEBOOK)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    source = tmp_path / "walkthrough.ipynb"
    nbformat.write(notebook, source)
    command = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", str(source), "--output", "walkthrough-run.ipynb"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path, env=_env())
    assert result.returncode == 0, result.stderr
    executed = nbformat.read(tmp_path / "walkthrough-run.ipynb", as_version=4)
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2, "the influence map and the robustness chart"
    tables = [o for o in outputs if "text/html" in o.get("data", {})]
    assert tables, "the roles DataFrame"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "The article read three ways (baseline)" in text
    assert "leader RUS -> CHN" in text and "Robustness over 1000 draws" in text


def test_notebook_extra_opens_a_notebook() -> None:
    """The notebook extra installs a notebook UI: ``jupyter lab`` runs (here: prints its version)."""
    pytest.importorskip("jupyterlab")
    result = subprocess.run([sys.executable, "-m", "jupyterlab", "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()[0].isdigit()


def test_script_prints_what_the_docs_say() -> None:
    """``python docs/notebooks/walkthrough.py`` prints each thing docs/walkthrough.md lists, and the page lists each of them."""
    page = " ".join(PAGE.read_text(encoding="utf-8").split())
    result = subprocess.run([sys.executable, str(NOTEBOOK)], capture_output=True, text=True, timeout=300, env=_env())
    assert result.returncode == 0, result.stderr
    for said, printed in PRINTED.items():
        assert said in page, said
        assert printed in result.stdout, printed
