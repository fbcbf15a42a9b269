"""The walkthrough notebook runs from top to bottom in a real Jupyter kernel."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "notebooks" / "walkthrough.py"


def test_walkthrough_runs_in_a_kernel(tmp_path: Path) -> None:
    """The jupytext file converts to a notebook that executes without errors and shows its pictures and tables."""
    jupytext = pytest.importorskip("jupytext")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = jupytext.read(NOTEBOOK)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2, "the influence map and the robustness chart"
    tables = [o for o in outputs if "text/html" in o.get("data", {})]
    assert tables, "the roles DataFrame"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "The article read three ways (baseline)" in text
    assert "leader RUS -> CHN" in text and "Robustness over 1000 draws" in text
