"""The run shared by the command line and observer.Tracer: what happens to the processes
observer started when it stops early, and every command-line option through Tracer."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import observer
from observer import _session, cli, syscalls

from .helpers import Observer, read_log, run_observer, wait_until

pytestmark = pytest.mark.bpf
pd = pytest.importorskip("pandas")

# A command whose tree outlives any short trace: sh, a background sleep and a foreground one,
# each writing its pid where the test can find it.
TREE = "sleep 100 & echo $! > {d}/bg; sleep 100 & echo $! > {d}/fg; echo $$ > {d}/sh; wait"


def tree_pids(d: Path) -> list[int]:
    """sh's, bg's and fg's pids, once the command has written all three."""
    names = ("sh", "bg", "fg")
    wait_until(lambda: all((d / name).exists() and (d / name).read_text().endswith("\n")
                           for name in names), "the command's tree has started")
    return [int((d / name).read_text()) for name in names]


def running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def ends(log: Path) -> dict[int, str | None]:
    """pid -> the signal that ended it (None for an exit), from jsonl's process-exit records."""
    records = (json.loads(line) for line in log.read_text().splitlines())
    return {r["tgid"]: r.get("signal") for r in records if r.get("kind") == "exit"}


@pytest.mark.parametrize("follow", [True, False])
def test_duration_ends_the_whole_tree_of_the_command(tmp_path: Path, follow: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    class TreeFirst(_session.Session):
        """The command line's session, whose release() returns once the command's tree has
        started: the duration, counted from begin(), then ends the whole tree, however long
        the machine took to start it."""

        def release(self) -> None:
            super().release()
            tree_pids(tmp_path)

    log = tmp_path / "t.log"
    flags = ["-f"] if follow else []
    monkeypatch.setattr(cli, "Session", TreeFirst)
    status = cli.main([*flags, "-d", "1", "-o", str(log), "--", "sh", "-c",
                       TREE.format(d=tmp_path)])
    pids = tree_pids(tmp_path)
    # 143 = 128 + SIGTERM: the command was ended by the signal observer forwarded (had the
    # duration not ended it, it would have waited for the sleeps' 100 s).
    assert status == 143
    assert not [pid for pid in pids if running(pid)]
    traced = {line.pid for line in read_log(log)}
    assert traced == (set(pids) if follow else {pids[0]})


def test_sigterm_to_observer_reaches_the_tree_and_its_end_is_recorded(tmp_path: Path) -> None:
    log = tmp_path / "t.jsonl"
    obs = Observer("-f", "--format", "jsonl", "-o", str(log), "--", "sh", "-c",
                   TREE.format(d=tmp_path)).start()
    pids = tree_pids(tmp_path)
    assert obs.stop() == 143, obs.stderr
    assert not [pid for pid in pids if running(pid)]
    assert ends(log) == {pid: "SIGTERM" for pid in pids}


# Counts the SIGINTs it gets in MARKS; its child, in a session of its own where the terminal's
# Ctrl-C cannot reach it, creates READY and exits at its first SIGINT. The command exits 5
# once the child has.
ONE_CTRL_C = """
import os, signal, sys
marks, ready = sys.argv[1:]
signal.signal(signal.SIGINT, lambda *_: open(marks, "a").write("INT\\n"))
helper = os.fork()
if helper == 0:
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))
    os.setsid()
    open(ready, "w").close()
    while True:
        signal.pause()
os.waitpid(helper, 0)
raise SystemExit(5)
"""


def test_ctrl_c_on_the_terminal_reaches_the_command_once(tmp_path: Path) -> None:
    # The terminal's Ctrl-C goes to the foreground process group, which the command shares
    # with observer: observer must not send it a second SIGINT. Observer sends SIGINT to the
    # rest of the tree, the helper outside that group, parents first: once the helper has
    # it, a second SIGINT to the command would have come before.
    marks, ready = tmp_path / "sigints", tmp_path / "ready"
    pid, master = pty.fork()
    if pid == 0:  # the child: a new session with the pty as its controlling terminal
        os.execv(sys.executable, [sys.executable, "-m", "observer", "-q", "-o",
                                  str(tmp_path / "t.log"), "--", sys.executable, "-c",
                                  ONE_CTRL_C, str(marks), str(ready)])
    output = b""
    try:
        wait_until(ready.exists, "the command and its helper are ready")
        os.write(master, b"\x03")
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(master)
    assert os.waitstatus_to_exitcode(status) == 5, output
    assert marks.read_text() == "INT\n"


def test_command_ended_with_names_also_given_ends_the_trace(tmp_path: Path) -> None:
    # -n NAME -- CMD: once CMD (and any traced process) is gone, there is nothing to wait for.
    result = run_observer("-n", "no_such_program_x", "-o", str(tmp_path / "t.log"), "--",
                          "true", timeout=30)
    assert result.returncode == 0, result.stderr
    assert {line.comm for line in read_log(tmp_path / "t.log")} == {"true"}


# Tracer: the command line's options by the same names ---------------------------------------

# 300 getppid calls and 200 failing chdir calls, nothing else of either.
CALLS = """
import os
for _ in range(300):
    os.getppid()
for _ in range(200):
    try:
        os.chdir("/nonexistent-observer-dir")
    except OSError:
        pass
"""


def test_tracer_failed_and_successful() -> None:
    getppid, chdir = syscalls.number("getppid"), syscalls.number("chdir")
    with observer.Tracer(command=[sys.executable, "-c", CALLS], failed=True) as tracer:
        failed = tracer.events(format="numpy")
    assert (failed["nr"] == chdir).sum() == 200 and not (failed["nr"] == getppid).any()
    assert (failed["ret"] < 0).all()
    with observer.Tracer(command=[sys.executable, "-c", CALLS], successful=True) as tracer:
        ok = tracer.events(format="numpy")
    assert (ok["nr"] == getppid).sum() == 300 and not (ok["nr"] == chdir).any()
    with pytest.raises(observer.UsageError, match="select nothing"):
        observer.Tracer(failed=True, successful=True)


def test_tracer_summary_is_a_dataframe_of_the_kernel_counts() -> None:
    with observer.Tracer(command=[sys.executable, "-c", CALLS], summary=True) as tracer:
        assert len(tracer.events()) == 0  # -c: counts only, no records
        table = tracer.summary()
    rows = table.set_index("syscall")
    assert rows.loc["getppid", "calls"] == 300 and rows.loc["getppid", "errors"] == 0
    assert rows.loc["chdir", "calls"] == rows.loc["chdir", "errors"] == 200
    assert list(table.columns) == ["syscall", "nr", "compat", "calls", "errors", "seconds",
                                   "usecs_per_call", "cpu_ns", "wall_ns", "max_usecs",
                                   "p50_us", "p99_us"]
    with observer.Tracer(command=[sys.executable, "-c", CALLS], with_summary=True) as tracer:
        events = tracer.events(format="numpy")
        table = tracer.summary().set_index("syscall")
    assert (events["nr"] == syscalls.number("getppid")).sum() == 300
    assert table.loc["getppid", "calls"] == 300


@pytest.mark.parametrize("fmt", ["log", "jsonl", "strace"])
def test_tracer_writes_the_formats_of_the_command_line(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"t.{fmt}"
    with observer.Tracer(command=[sys.executable, "-c", CALLS], syscalls="getppid,chdir",
                         output=str(path), format=fmt, string_limit=8) as tracer:
        written = tracer.write()
    assert tracer.exit_status == 0
    lines = path.read_text().splitlines()
    if fmt == "jsonl":
        lines = [line for line in lines if json.loads(line).get("syscall") in
                 ("getppid", "chdir")]
    elif fmt == "strace":
        assert sum('chdir("/nonexis"...)' in line for line in lines) == 200
        lines = [line for line in lines if "getppid(" in line or "chdir(" in line]
    assert written >= len(lines) == 500
    assert path.stat().st_mode & 0o777 == 0o600


def test_tracer_shapes_its_output_as_the_command_line_does(tmp_path: Path) -> None:
    # -T and -tt for the strace format, --tid for the log, -ff for one file per process.
    strace = tmp_path / "t.strace"
    with observer.Tracer(command=[sys.executable, "-c", CALLS], syscalls="getppid",
                         output=str(strace), format="strace", timestamps=2,
                         durations=True) as tracer:
        tracer.write()
    calls = [line for line in strace.read_text().splitlines() if "getppid()" in line]
    assert len(calls) == 300
    assert all(re.fullmatch(r"\d+ +\d\d:\d\d:\d\d\.\d{6} getppid\(\) += \d+ <\d+\.\d{6}>", line)
               for line in calls), calls[:3]
    log = tmp_path / "t.log"
    with observer.Tracer(command=[sys.executable, "-c", CALLS], syscalls="getppid",
                         output=str(log), tid=True) as tracer:
        tracer.write()
    lines = log.read_text().splitlines()
    assert lines[0] == "# pid:tid:syscall_id:comm" and len(lines) == 301
    pid, tid, nr, _ = lines[1].split(":", 3)
    assert pid == tid and int(nr) == syscalls.number("getppid")
    split = tmp_path / "split.jsonl"
    with observer.Tracer(command=["sh", "-c", "true; /bin/true"], follow=True,
                         output=str(split), format="jsonl", per_process=True) as tracer:
        tracer.write()
    assert len(list(tmp_path.glob("split.jsonl.*"))) == 2
    # As on the command line, -T with no format chooses the strace format, and with another
    # format it is refused.
    assert observer.Tracer(output=str(log), durations=True).format == "strace"
    with pytest.raises(observer.UsageError, match="apply to format='strace', not log"):
        observer.Tracer(output=str(log), format="log", durations=True)
    with pytest.raises(observer.UsageError, match="-T apply to --format strace, not log"):
        cli.parse_options(["-o", str(log), "--format", "log", "-T"])


def test_tracer_duration_ends_the_command_tree(tmp_path: Path) -> None:
    with observer.Tracer(command=["sh", "-c", TREE.format(d=tmp_path)], follow=True,
                         duration=0.5) as tracer:
        pids = tree_pids(tmp_path)
        frame = tracer.to_pandas()
    assert tracer.exit_status == 143
    assert not [pid for pid in pids if running(pid)]
    assert set(frame["pid"]) == set(pids)


def test_closing_a_tracer_early_ends_the_command_tree(tmp_path: Path) -> None:
    with observer.Tracer(command=["sh", "-c", TREE.format(d=tmp_path)], follow=True) as tracer:
        pids = tree_pids(tmp_path)
    assert tracer.exit_status == 143
    assert not [pid for pid in pids if running(pid)]


def test_tracer_user_and_cgroup_options_are_the_command_line_ones() -> None:
    me = os.getuid()
    with observer.Tracer(command=[sys.executable, "-c", CALLS], uid=me + 4242) as tracer:
        assert len(tracer.events()) == 0  # nothing runs as that uid
    with observer.Tracer(command=[sys.executable, "-c", CALLS], user=str(me),
                         syscalls="getppid") as tracer:
        assert len(tracer.events()) == 300
    with pytest.raises(observer.UsageError, match="unknown user"):
        observer.Tracer(user="no-such-user-observer")
    with pytest.raises(observer.ObserverError):
        observer.Tracer(cgroup="/no/such/cgroup-observer")
