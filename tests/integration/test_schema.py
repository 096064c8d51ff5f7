"""Every format the command line writes reads back into the one record schema (observer.arrow),
from real traces: a log into its four columns, jsonl, strace text and Parquet into all of them,
with the paths, argv, data and errors the kernel captured."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import observer
from observer import arrow

from .helpers import run_observer

pytestmark = pytest.mark.bpf
pa = pytest.importorskip("pyarrow")

# Reads a file it names, fails to open one that does not exist, and runs a child.
SCRIPT = "cat {data} /nonexistent-observer-file; /bin/true first second"


@pytest.fixture(scope="module")
def traces(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("formats")
    data = tmp / "input.txt"
    data.write_text("observer-data\n")
    paths = {}
    for fmt in ("log", "jsonl", "strace", "parquet"):
        out = tmp / f"trace.{fmt}"
        result = run_observer("-q", "-f", "--format", fmt, "-o", str(out), "--", "sh", "-c",
                              SCRIPT.format(data=data))
        assert result.returncode in (0, 1), result.stderr  # cat fails on the missing file
        paths[fmt] = out
    paths["input"] = data
    return paths


def read(path: Path) -> pa.Table:
    if path.is_dir():
        (file,) = path.rglob("*.parquet")
        path = file
    return observer.read_table(path)


@pytest.mark.parametrize("fmt", ["log", "jsonl", "strace", "parquet"])
def test_each_format_reads_back_into_the_schema(traces: dict[str, Path], fmt: str) -> None:
    table = read(traces[fmt])
    expected = arrow.log_schema() if fmt == "log" else arrow.schema()
    if fmt == "parquet":  # and the partition's date, which is no column of the records
        expected = expected.append(pa.field("date", pa.date32()))
    assert table.schema.remove_metadata().equals(expected)
    assert table.schema.metadata[b"malformed"] == b"0"
    syscalls = set(table.column("syscall").to_pylist())
    assert {"execve", "openat", "read"} <= syscalls
    assert "cat" in set(table.column("comm").to_pylist())


@pytest.mark.parametrize("fmt", ["jsonl", "strace", "parquet"])
def test_full_formats_carry_paths_argv_errors_and_data(traces: dict[str, Path],
                                                        fmt: str) -> None:
    table = read(traces[fmt]).to_pydict()
    rows = [dict(zip(table, values)) for values in zip(*table.values())]
    opened = {row["path"]: row for row in rows if row["syscall"] == "openat"}
    data = str(traces["input"])
    assert opened[data]["ret"] >= 0 and opened[data]["error"] is None
    missing = opened["/nonexistent-observer-file"]
    assert missing["ret"] == -2 and missing["error"] == "ENOENT"
    execs = [row for row in rows if row["syscall"] == "execve" and row["ret"] == 0]
    assert ["/bin/true", "first", "second"] in [row["argv"] for row in execs]
    assert any(row["data"] == b"observer-data\n" for row in rows if row["syscall"] == "read")
    # The child that ran /bin/true is its own process, named after the program.
    true = [row for row in execs if row["argv"] == ["/bin/true", "first", "second"]][0]
    assert {row["comm"] for row in rows if row["pid"] == true["pid"] and
            row["syscall"] == "exit_group"} == {"true"}


def test_the_full_formats_agree_on_what_the_command_did(traces: dict[str, Path]) -> None:
    # Three runs of one script: the files it opened and the programs it ran are the same.
    def summary(fmt: str) -> tuple[set[str], list[list[str]]]:
        table = read(traces[fmt])
        opened = {row["path"] for row in table.select(["syscall", "path"]).to_pylist()
                  if row["syscall"] == "openat" and row["path"] and "/tmp" not in row["path"]
                  and not row["path"].startswith(("/proc", "/sys"))}
        # Parquet groups rows by pid, which can wrap between the shell and its children.
        argv = sorted(row["argv"] for row in table.select(["argv"]).to_pylist() if row["argv"])
        return opened, argv

    jsonl = summary("jsonl")
    assert summary("strace") == jsonl
    assert summary("parquet") == jsonl


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "strace", "tracer", "strace itself"])
def test_fd_paths_become_the_fd_path_column(tmp_path: Path, fmt: str) -> None:
    # -y (decode_fds): what the fd of each call named, resolved in the kernel at the call.
    data = tmp_path / "named.txt"
    data.write_text("named\n")
    command = ["dd", f"if={data}", "of=/dev/null", "bs=64", "status=none"]  # read(2) calls
    if fmt == "tracer":
        with observer.Tracer(command=command, capture_exit=True, decode_fds=True) as tracer:
            table = tracer.events()
    elif fmt == "strace itself":  # strace -y's own text reads the same, every line kept
        if shutil.which("strace") is None:
            pytest.fail("strace is needed")
        out = tmp_path / "strace.txt"
        subprocess.run(["strace", "-f", "-y", "-o", str(out), *command], check=True)
        table = read(out)
        assert table.schema.metadata[b"malformed"] == b"0"
    else:
        out = tmp_path / f"trace.{fmt}"
        result = run_observer("-q", "-y", "--format", fmt, "-o", str(out), "--", *command)
        assert result.returncode == 0, result.stderr
        table = read(out)
    assert table.schema.field("fd_path").type == pa.string()
    rows = table.select(["syscall", "path", "fd_path", "data"]).to_pylist()
    (opened,) = [row for row in rows if row["syscall"] == "openat" and row["path"] == str(data)]
    assert opened["fd_path"] == str(data)  # the fd it returned
    reads = [row for row in rows if row["syscall"] == "read" and row["fd_path"] == str(data)]
    assert [row["data"] for row in reads][:1] == [b"named\n"]
    assert {row["fd_path"] for row in rows if row["syscall"] == "getpid"} <= {None}
