"""The example notebook runs top to bottom against the real kernel (its cells assert too)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.bpf

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "syscall_sequences.ipynb"


def test_syscall_sequences_notebook_executes(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("duckdb")
    before = set(Path(tempfile.gettempdir()).glob("observer-nb-*"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells), "store it without outputs"
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    figures = [out for cell in notebook.cells for out in cell.get("outputs", [])
               if "image/png" in out.get("data", {})]
    assert len(figures) >= 4
    errors = [out for cell in notebook.cells for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]
    assert errors == []
    # Everything it wrote was in its own temporary directory, removed by its last cell. (A
    # directory of another run that ended meanwhile may be gone: only new ones count.)
    assert set(Path(tempfile.gettempdir()).glob("observer-nb-*")) - before == set()
