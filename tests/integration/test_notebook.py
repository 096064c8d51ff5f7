"""The example notebook runs top to bottom against the real kernel (its cells assert too)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.bpf

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "syscall_sequences.ipynb"


def test_syscall_sequences_notebook_executes(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("duckdb")
    # The kernel's temporary files go to a directory of this test's own: other runs of the
    # suite on the machine make and remove theirs in the shared one meanwhile.
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
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
    # Everything it wrote was in its own temporary directory, removed by its last cell.
    assert list(private.glob("observer-nb-*")) == []
