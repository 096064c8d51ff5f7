"""-P PATH: only the syscalls that touch a path, decided in the kernel, against strace -P."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import observer
import observer.syscalls

from .helpers import run_observer

pytestmark = pytest.mark.bpf

# Opens the path, reads, fstats, dups (fcntl F_DUPFD_CLOEXEC), closes, reads and closes the
# dup, stats the path; and does the same kind of thing to another file, which must not show.
WORKLOAD = """
import os, sys
path, other = sys.argv[1], sys.argv[2]
fd = os.open(path, os.O_RDONLY)
os.read(fd, 3)
os.fstat(fd)
fd2 = os.dup(fd)
os.close(fd)
os.read(fd2, 3)
os.close(fd2)
os.stat(path)
os.stat(other)
fd = os.open(other, os.O_RDONLY)
os.read(fd, 3)
os.close(fd)
try:
    os.unlink(path + ".missing")
except OSError:
    pass
"""
EXPECTED = ["openat", "read", "newfstatat", "fcntl", "close", "read", "close", "newfstatat"]


def traced_calls(log: Path) -> list[str]:
    return [r["syscall"] for r in map(json.loads, log.read_text().splitlines()) if "syscall" in r]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "watched").write_text("hello\n")
    (tmp_path / "other").write_text("other\n")
    return tmp_path / "watched", tmp_path / "other"


def test_path_keeps_exactly_the_calls_that_touch_it(tmp_path: Path,
                                                    files: tuple[Path, Path]) -> None:
    watched, other = files
    log = tmp_path / "t.jsonl"
    result = run_observer("-q", "-P", str(watched), "--format", "jsonl", "-o", str(log), "--",
                          sys.executable, "-c", WORKLOAD, str(watched), str(other))
    assert result.returncode == 0, result.stderr
    assert traced_calls(log) == EXPECTED


def test_path_selects_what_strace_p_selects(tmp_path: Path, files: tuple[Path, Path]) -> None:
    if shutil.which("strace") is None:
        pytest.fail("strace is the oracle (Makefile APT_PACKAGES)")
    watched, other = files
    oracle = tmp_path / "strace.txt"
    subprocess.run(["strace", "-qq", "-P", str(watched), "-o", str(oracle), sys.executable,
                    "-c", WORKLOAD, str(watched), str(other)], check=True, timeout=60)
    names = [m.group(1) for m in map(re.compile(r"([a-z0-9_]+)\(").match,
                                     oracle.read_text().splitlines()) if m]
    log = tmp_path / "t.jsonl"
    result = run_observer("-q", "-P", str(watched), "--format", "jsonl", "-o", str(log), "--",
                          sys.executable, "-c", WORKLOAD, str(watched), str(other))
    assert result.returncode == 0, result.stderr
    assert traced_calls(log) == names


# Opens the path, forks a child that reads and closes the inherited fd, then reads and
# closes it itself; neither read names the path.
INHERITED = """
import os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
pid = os.fork()
if pid == 0:
    os.read(fd, 2)
    os.close(fd)
    os._exit(0)
os.waitpid(pid, 0)
os.read(fd, 2)
os.close(fd)
"""


def test_a_child_inherits_the_fds_opened_on_the_path(tmp_path: Path,
                                                     files: tuple[Path, Path]) -> None:
    watched, _ = files
    log = tmp_path / "t.jsonl"
    result = run_observer("-q", "-f", "-P", str(watched), "--format", "jsonl", "-o", str(log),
                          "--", sys.executable, "-c", INHERITED, str(watched))
    assert result.returncode == 0, result.stderr
    records = [r for r in map(json.loads, log.read_text().splitlines()) if "syscall" in r]
    parent = records[0]["tgid"]
    calls = [(r["tgid"] == parent, r["syscall"]) for r in records]
    # The child's read and close of the fd it inherited, then the parent's.
    assert calls == [(True, "openat"), (False, "read"), (False, "close"), (True, "read"),
                     (True, "close")]
    # Without -f the child is not traced at all.
    result = run_observer("-q", "-P", str(watched), "--format", "jsonl", "-o", str(log), "--",
                          sys.executable, "-c", INHERITED, str(watched))
    assert result.returncode == 0, result.stderr
    records = [r for r in map(json.loads, log.read_text().splitlines()) if "syscall" in r]
    assert [r["syscall"] for r in records] == ["openat", "read", "close"]
    assert {r["tgid"] for r in records} == {records[0]["tgid"]}


def test_path_through_a_symlink_also_matches_its_target(tmp_path: Path,
                                                        files: tuple[Path, Path]) -> None:
    # -P LINK: the program opens the file by its real name; -P adds the resolved form.
    watched, other = files
    link = tmp_path / "link"
    link.symlink_to(watched)
    log = tmp_path / "t.jsonl"
    result = run_observer("-q", "-P", str(link), "-P", str(other), "--format", "jsonl", "-o",
                          str(log), "--", sys.executable, "-c", WORKLOAD, str(watched),
                          str(other))
    assert result.returncode == 0, result.stderr
    # Both files now: each opened, read and closed, stat'ed; the watched one also dup'ed.
    assert traced_calls(log) == EXPECTED + ["newfstatat", "openat", "read", "close"]


def test_tracer_takes_paths(files: tuple[Path, Path]) -> None:
    watched, other = files
    with observer.Tracer(command=[sys.executable, "-c", WORKLOAD, str(watched), str(other)],
                         paths=str(watched)) as tracer:
        names = [observer.syscalls.name(int(nr)) for nr in tracer.events()["nr"]]
    assert names == EXPECTED


def test_too_many_or_too_long_paths_are_usage_errors(tmp_path: Path) -> None:
    many = [arg for i in range(9) for arg in ("-P", f"/p{i}")]
    result = run_observer(*many, "--", "true")
    assert result.returncode == 2 and "at most 8" in result.stderr, result.stderr
    result = run_observer("-P", "/" + "x" * 300, "--", "true")
    assert result.returncode == 2 and "longer than 255 bytes" in result.stderr


def test_the_core_refuses_paths_without_the_exit_program() -> None:
    # -P learns at sys_exit which fds an open of the path returned: without it, calls on
    # those fds would be missed silently.
    from observer import _core

    spec = _core.Spec()
    spec.paths = [b"/etc/hostname"]
    with pytest.raises(observer.ObserverError, match="-P and resumed calls need capture_exit"):
        _core.Tracer(spec)
