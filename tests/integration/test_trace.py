"""End to end: the real BPF programs trace real processes; records are checked exactly."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import NR, Observer, Workload, counts, read_log, run_observer

pytestmark = pytest.mark.bpf


def test_pid_and_syscall_filter_capture_exactly_that_process(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    bystander = Workload(getppid=300)
    work = Workload(getppid=1000, sched_yield=7)
    try:
        obs = Observer("-p", str(work.pid), "-s", "getppid,sched_yield", "-o", str(log)).start()
        bystander.go()
        assert work.go() == 0
        assert obs.wait() == 0
    finally:
        work.kill()
        bystander.kill()
    lines = read_log(log)
    assert {line.pid for line in lines} == {work.pid}
    assert counts(lines) == {NR["getppid"]: 1000, NR["sched_yield"]: 7}
    assert {line.comm for line in lines} == {Workload.comm}
    assert "1007 events written, 0 lost" in obs.stderr


def test_pid_without_syscall_filter_sees_all_its_syscalls(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    work = Workload(getppid=500, sched_yield=0)
    try:
        obs = Observer("-p", str(work.pid), "-o", str(log)).start()
        work.go()
        assert obs.wait() == 0
    finally:
        work.kill()
    lines = read_log(log)
    assert {line.pid for line in lines} == {work.pid}
    assert counts(lines)[NR["getppid"]] == 500
    # The process ends with exit_group, recorded exactly once although it never returns.
    assert lines[-1].nr == NR["exit_group"]
    assert counts(lines)[NR["exit_group"]] == 1


def test_command_is_traced_from_execve_to_exit_group(tmp_path: Path) -> None:
    log = tmp_path / "ls.log"
    result = run_observer("-o", str(log), "--", "ls", "/")
    assert result.returncode == 0, result.stderr
    lines = read_log(log)
    assert len({line.pid for line in lines}) == 1
    assert lines[0].nr == NR["execve"]
    assert counts(lines)[NR["execve"]] == 1
    assert lines[-1].nr == NR["exit_group"]
    assert counts(lines)[NR["exit_group"]] == 1
    # After the exec the records carry the new program's name.
    assert {line.comm for line in lines[1:]} == {"ls"}


def test_command_exit_status_is_returned(tmp_path: Path) -> None:
    result = run_observer("-q", "-o", str(tmp_path / "t.log"), "--", "sh", "-c", "exit 7")
    assert result.returncode == 7
    killed = run_observer("-q", "-o", str(tmp_path / "k.log"), "--", "sh", "-c", "kill -9 $$")
    assert killed.returncode == 128 + 9


def test_command_syscall_counts_match_the_workload(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    code = "import os\nfor _ in range(2500): os.getppid()"
    result = run_observer("-o", str(log), "-s", "getppid", "--", sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert counts(read_log(log)) == {NR["getppid"]: 2500}
    assert "2500 events written, 0 lost" in result.stderr


def test_whole_system_sees_other_processes_but_never_itself(tmp_path: Path) -> None:
    log = tmp_path / "all.log"
    work = Workload(getppid=400, sched_yield=0)
    try:
        obs = Observer("-s", "getppid,sched_yield", "-o", str(log)).start()
        work.go()
        assert obs.stop() == 0
    finally:
        work.kill()
    lines = read_log(log)
    assert counts(lines, work.pid)[NR["getppid"]] == 400
    assert obs.proc is not None and obs.proc.pid not in {line.pid for line in lines}


def test_duration_stops_the_tracer(tmp_path: Path) -> None:
    result = run_observer("-d", "0.5", "-s", "getppid", "-o", str(tmp_path / "t.log"))
    assert result.returncode == 0, result.stderr
    assert "events written" in result.stderr


def test_log_splits_into_per_process_files(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    script = "cat /etc/hostname >/dev/null; ls / >/dev/null"
    assert run_observer("-f", "-o", str(log), "--", "sh", "-c", script).returncode == 0
    out = tmp_path / "split"
    from observer import formatter

    assert formatter.main([str(log), "-o", str(out)]) == 0
    lines = read_log(log)
    pairs = {(line.comm, line.pid) for line in lines}
    files = {p.name for p in out.iterdir()}
    assert files == {f"{comm}:{pid}.log" for comm, pid in pairs}
    for comm, pid in pairs:
        ids = [str(line.nr) for line in lines if (line.comm, line.pid) == (comm, pid)]
        assert (out / f"{comm}:{pid}.log").read_text().split() == ids


def test_unknown_command_exits_127(tmp_path: Path) -> None:
    result = run_observer("-o", str(tmp_path / "t.log"), "--", "no-such-command-xyz")
    assert result.returncode == 127
    assert result.stderr.strip() == "observer: error: command not found: no-such-command-xyz"


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="setpriv (util-linux) missing")
def test_unprivileged_user_gets_one_line_saying_what_is_needed(tmp_path: Path) -> None:
    # Root without capabilities: the bounding set empties the exec'd tracer's capabilities.
    cmd = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", sys.executable, "-m", "observer",
           "-o", str(tmp_path / "t.log"), "-d", "1"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "CAP_BPF" in result.stderr and "Traceback" not in result.stderr


def test_thread_id_given_to_p_traces_its_whole_process(tmp_path: Path) -> None:
    code = (
        "import os, sys, threading\n"
        "def work():\n"
        "    print(threading.get_native_id(), flush=True)\n"
        "    sys.stdin.buffer.read(1)\n"
        "    for _ in range(300): os.getppid()\n"
        "t = threading.Thread(target=work); t.start(); t.join()\n"
        "for _ in range(200): os.getppid()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        tid = int(proc.stdout.readline())
        assert tid != proc.pid
        obs = Observer("-p", str(tid), "-s", "getppid", "-o", str(tmp_path / "t.log")).start()
        proc.stdin.write("x")
        proc.stdin.close()
        assert proc.wait(60) == 0
        assert obs.wait() == 0
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    lines = read_log(tmp_path / "t.log")
    assert {line.pid for line in lines} == {proc.pid}
    assert counts(lines) == {NR["getppid"]: 500}
