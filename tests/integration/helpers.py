"""Running the observer CLI and workloads with known syscalls, for integration tests."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import pytest

import observer.syscalls

NR = {name: observer.syscalls.number(name) for name in
      ("getppid", "sched_yield", "openat", "execve", "exit_group", "getpgid", "gettid", "getsid")}

T = TypeVar("T")

#: How long a test waits for a state before it fails: far beyond what any state takes on a
#: loaded machine, so that reaching it is a failure of the code, never of the machine's speed.
STATE_TIMEOUT = 60.0


def wait_until(condition: Callable[[], T], what: str, timeout: float = STATE_TIMEOUT) -> T:
    """Polls condition until it returns something true, and returns that; fails saying what
    was awaited once timeout seconds have passed. Tests wait for states with it, never for
    time: the pause between two looks only spares the CPU."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s in vain until {what}")
        time.sleep(0.01)


def current_syscall(pid: int, tid: int | None = None) -> tuple[int, ...] | None:
    """The syscall a thread is blocked in and its six arguments, from /proc/PID/task/TID/
    syscall; None while it runs, is not in a syscall, or is gone."""
    try:
        fields = Path(f"/proc/{pid}/task/{tid or pid}/syscall").read_text().split()
    except OSError:
        return None
    # "running", or "-1 SP PC" for a thread blocked outside any syscall.
    if len(fields) < 7 or fields[0] in ("running", "-1"):
        return None
    return (int(fields[0]), *(int(arg, 16) for arg in fields[1:7]))


def wait_in_syscall(pid: int, name: str, *args: int, tid: int | None = None) -> None:
    """Waits until the thread (the main one by default) blocks in syscall name with args as
    its first arguments: its entry has been made, and it stays in the call until woken."""
    nr = observer.syscalls.number(name)

    def inside() -> bool:
        call = current_syscall(pid, tid)
        return call is not None and call[0] == nr and call[1:1 + len(args)] == args

    wait_until(inside, f"thread {tid or pid} of {pid} blocks in {name}{args}")


@dataclass
class LogLine:
    pid: int
    nr: int
    comm: str


def read_log(path: Path) -> list[LogLine]:
    lines = []
    for raw in path.read_text().splitlines():
        pid, nr, comm = raw.split(":", 2)
        lines.append(LogLine(int(pid), int(nr), comm))
    return lines


def log_so_far(path: Path) -> list[LogLine]:
    """The complete lines of a log observer is still writing; none before it is created."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return []
    complete = text[:text.rfind("\n") + 1]
    return [LogLine(int(pid), int(nr), comm) for pid, nr, comm in
            (line.split(":", 2) for line in complete.splitlines())]


def counts(lines: list[LogLine], pid: int | None = None) -> Counter[int]:
    return Counter(line.nr for line in lines if pid is None or line.pid == pid)


class Observer:
    """``python -m observer ARGS`` in the background; start() returns once it is tracing.

    As a context manager it starts on entry and, if still running on exit, is stopped."""

    def __init__(self, *args: str) -> None:
        self.args = [sys.executable, "-m", "observer", *args]
        self.proc: subprocess.Popen[str] | None = None
        self.stderr = ""

    def start(self, timeout: float = 30.0) -> Observer:
        self.proc = subprocess.Popen(self.args, stderr=subprocess.PIPE, text=True)
        assert self.proc.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            self.stderr += line
            if "observer: tracing" in line:
                return self
            if not line and self.proc.poll() is not None:
                break
        self.proc.kill()
        self.wait()
        raise AssertionError(f"observer did not start: {self.stderr}")

    def wait(self, timeout: float = 60.0) -> int:
        assert self.proc is not None and self.proc.stderr is not None
        self.stderr += self.proc.stderr.read()
        self.proc.stderr.close()
        return self.proc.wait(timeout)

    def stop(self, timeout: float = 60.0) -> int:
        assert self.proc is not None
        self.proc.terminate()
        return self.wait(timeout)

    def __enter__(self) -> Observer:
        return self.start() if self.proc is None else self

    def __exit__(self, *exc: object) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.kill()
        if self.proc.stderr is not None and not self.proc.stderr.closed:
            self.proc.stderr.close()
        self.proc.wait(60)


def compile_c(directory: Path, source: str, *flags: str) -> Path:
    """Builds C source into directory/prog with gcc (which the tests need: a failure)."""
    if shutil.which("gcc") is None:
        pytest.fail("gcc is needed to build the test program (Makefile APT_PACKAGES)")
    (directory / "prog.c").write_text(source)
    subprocess.run(["gcc", "-O1", *flags, "-o", str(directory / "prog"),
                    str(directory / "prog.c")], check=True)
    return directory / "prog"


def run_observer(*args: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "observer", *args], capture_output=True,
                          text=True, timeout=timeout)


# A Python workload that waits for a byte on stdin, then makes known syscalls and exits.
WORKLOAD = """
import os, sys
sys.stdin.buffer.read(1)
for _ in range({getppid}):
    os.getppid()
for _ in range({sched_yield}):
    os.sched_yield()
"""


class Workload:
    """A gated Python process: start it, trace it, then go() to make it do its syscalls.

    As a context manager it is killed on exit unless it has already finished."""

    def __init__(self, getppid: int = 1000, sched_yield: int = 10) -> None:
        code = WORKLOAD.format(getppid=getppid, sched_yield=sched_yield)
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE)
        self.pid = self.proc.pid

    #: The kernel's comm of the workload: the basename it was exec'd as, cut to 15 bytes.
    comm = os.path.basename(sys.executable)[:15]

    def go(self) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"x")
        self.proc.stdin.close()
        return self.proc.wait(60)

    def __enter__(self) -> Workload:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            self.proc.stdin.close()


def fidelity() -> ModuleType:
    """tools/fidelity.py, the comparison of observer's strace format with strace's."""
    path = Path(__file__).resolve().parents[2] / "tools" / "fidelity.py"
    spec = importlib.util.spec_from_file_location("fidelity", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fidelity"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def traced_by_both(source: Path, tmp_path: Path,
                   option: Sequence[str] = ()) -> tuple[str, str]:
    """strace's and observer's (--format strace) lines of the C program source, built with gcc
    and run once under each, in tmp_path, with the same display options (-X raw...)."""
    if shutil.which("strace") is None or shutil.which("gcc") is None:
        pytest.fail("strace (the oracle) and gcc are needed (Makefile APT_PACKAGES)")
    program = tmp_path / source.stem
    subprocess.run(["gcc", "-O1", "-o", str(program), str(source)], check=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "LC_ALL": "C",
           "TZ": "UTC"}
    s_out, o_out = tmp_path / f"{source.stem}.strace", tmp_path / f"{source.stem}.observer"
    subprocess.run(["strace", "-f", *option, "-o", str(s_out), str(program)], cwd=tmp_path,
                   env=env, check=True, timeout=120)
    own = {k: v for k, v in os.environ.items() if k in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([sys.executable, "-m", "observer", "-q", "-f", "--format", "strace", *option,
                    "-o", str(o_out), "--", str(program)], cwd=tmp_path, env={**env, **own},
                   check=True, timeout=120)
    return s_out.read_text(), o_out.read_text()
