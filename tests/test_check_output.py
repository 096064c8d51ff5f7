"""observer._files.check_output: every output problem the writers would meet, found before anything is
launched or attached. Pure Python, no BPF."""

from __future__ import annotations

from pathlib import Path

import pytest

from observer._files import check_output
from observer._errors import OutputError

SYMLINK = "it is a symbolic link, which observer does not follow"


def check(output: Path | str, fmt: str = "log", per_process: bool = False) -> None:
    check_output(str(output), fmt, per_process)


@pytest.fixture
def link(tmp_path: Path) -> Path:
    """A symlink to a directory."""
    target = tmp_path / "target"
    target.mkdir()
    path = tmp_path / "link"
    path.symlink_to(target)
    return path


@pytest.mark.parametrize(("fmt", "per_process"), [("parquet", False), ("log", True)],
                         ids=["parquet", "ff-log"])
@pytest.mark.parametrize("slash", ["", "/", "//"])
def test_a_symlinked_output_directory_is_refused(link: Path, fmt: str, per_process: bool,
                                                 slash: str) -> None:
    # A trailing slash would make open(2) follow it: the writers drop it, and so does the check.
    with pytest.raises(OutputError) as caught:
        check(f"{link}{slash}", fmt, per_process)
    assert str(caught.value) == f"open {link}{slash}: {SYMLINK}"


def test_per_process_files_beside_a_symlink_are_fine(link: Path) -> None:
    # -ff --format jsonl -o LINK writes LINK.PID files: LINK itself is never opened.
    check(link, "jsonl", per_process=True)


@pytest.mark.parametrize(("fmt", "per_process"), [("parquet", False), ("log", True)],
                         ids=["parquet", "ff-log"])
def test_a_file_given_as_an_output_directory_is_refused(tmp_path: Path, fmt: str,
                                                         per_process: bool) -> None:
    file = tmp_path / "file"
    file.write_text("")
    with pytest.raises(OutputError, match=r"Not a directory \(ENOTDIR\)"):
        check(file, fmt, per_process)


def test_an_output_file_named_as_a_directory_is_refused(tmp_path: Path) -> None:
    # open("new/", O_CREAT) fails with EISDIR: so does the check, before the command runs.
    with pytest.raises(OutputError, match=r"Is a directory \(EISDIR\)"):
        check(f"{tmp_path}/new/")


@pytest.mark.parametrize(("fmt", "per_process"), [("parquet", False), ("log", True),
                                                  ("log", False), ("jsonl", True)])
def test_outputs_that_can_be_written_pass(tmp_path: Path, fmt: str, per_process: bool) -> None:
    check(tmp_path / "new", fmt, per_process)
    existing = tmp_path / "existing"
    if fmt == "parquet" or (per_process and fmt == "log"):
        existing.mkdir()
    else:
        existing.write_text("")
    check(existing, fmt, per_process)
