"""observer inside a pid namespace (a container, unshare --pid): pids as the namespace sees
them, its commands and children traced, and never itself."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import read_log

pytestmark = pytest.mark.bpf


def in_pid_namespace(*argv: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed")
    return subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", *argv],
                          capture_output=True, text=True, timeout=120)


def test_a_command_and_its_children_are_traced_with_the_namespaces_pids(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    result = in_pid_namespace(sys.executable, "-m", "observer", "-q", "-f", "-o", str(log), "--",
                              "sh", "-c", "true; ls / >/dev/null; exit 4")
    # It ends with the command (before, it waited forever for a pid the kernel never saw).
    assert result.returncode == 4, result.stderr
    lines = read_log(log)
    by_pid = {line.pid: line.comm for line in lines if line.comm != "sh"}
    # observer is pid 1 there, the shell (started before observer's drain thread) 2, and its
    # ls child the next id the namespace has after that thread's: numbers the namespace gives.
    (ls,) = by_pid
    assert by_pid == {ls: "ls"} and 2 < ls < 10
    assert {line.pid for line in lines} == {2, ls}


def test_the_whole_system_of_a_namespace_never_includes_observer(tmp_path: Path) -> None:
    log, err = tmp_path / "t.log", tmp_path / "err"
    # Two programs run once observer says it is tracing (or has died), then it is stopped.
    script = (f"{shlex.quote(sys.executable)} -m observer -s execve,exit_group "
              f"-o {shlex.quote(str(log))} 2> {shlex.quote(str(err))} & "
              f"until grep -q 'observer: tracing' {shlex.quote(str(err))} || ! kill -0 $!; "
              "do sleep 0.01; done; /bin/true; /bin/true; kill $!; wait $!")
    result = in_pid_namespace("sh", "-c", script)
    assert result.returncode == 0, err.read_text()
    comms = [line.comm for line in read_log(log)]
    # observer's own writes once made most of such a trace (a feedback loop).
    assert comms.count("true") == 2  # the exit_group of each (their execve is under "sh")
    assert not {"python", "python3", "observer"} & set(comms)
