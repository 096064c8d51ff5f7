"""Bad input, full disks, hostile process names, signals and overload, with real processes."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from observer import formatter
from observer._escape import escape_comm, unescape_comm

from .helpers import NR, Observer, Workload, counts, read_log, run_observer, wait_until

pytestmark = pytest.mark.bpf

SUMMARY = re.compile(r"observer: (\d+) events written, (\d+) lost")


def summary(stderr: str) -> tuple[int, int]:
    """(written, lost) from the tracer's last summary line."""
    found = SUMMARY.findall(stderr)
    assert found, stderr
    return int(found[-1][0]), int(found[-1][1])


@contextlib.contextmanager
def tmpfs(path: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted at path for the duration of the block."""
    path.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


# --- bad input ------------------------------------------------------------------------------

BAD_INPUT = [
    (["-s", "opnat"], 2, "unknown syscall 'opnat'"),
    (["-s", "%files"], 2, "unknown syscall class '%files'"),
    (["-s", "1024"], 2, "out of range"),
    (["-s", "-5"], 2, "out of range"),
    (["-p", str(2**22 + 5)], 2, f"no process with pid {2**22 + 5}"),
    (["-p", "0"], 2, "invalid pid 0"),
    (["-p", "-4"], 2, "invalid pid -4"),
    (["-p", "12x"], 2, "invalid pid '12x'"),
    (["-d", "0"], 2, "duration must be > 0"),
    (["-d", "-2"], 2, "duration must be > 0"),
    (["-d", "soon"], 2, "invalid float value: 'soon'"),
    (["-p", "1", "--", "true"], 2, "not both"),
    (["--ring-size", "3"], 2, "power of two"),
    (["--ring-size", "1K"], 2, "power of two"),
    (["--no-such-flag"], 2, "unrecognized arguments"),
    (["-o", "/nonexistent-dir/t.log", "-d", "1"], 1, "No such file or directory (ENOENT)"),
    (["-o", "/", "-d", "1"], 1, "Is a directory (EISDIR)"),
]


@pytest.mark.parametrize(("args", "status", "message"), BAD_INPUT,
                         ids=[" ".join(row[0]) for row in BAD_INPUT])
def test_bad_input_gives_one_line_and_non_zero_exit(args: list[str], status: int,
                                                    message: str) -> None:
    result = run_observer(*args)
    assert result.returncode == status, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("observer: error: "), result.stderr
    assert message in lines[0]


def test_output_in_read_only_directory(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "ro,size=64k") as ro:
        result = run_observer("-o", str(ro / "t.log"), "-d", "1")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"observer: error: open {ro}/t.log: Read-only file system (EROFS)"]


def test_full_disk_stops_with_complete_lines_and_exact_counts(tmp_path: Path) -> None:
    work = Workload(getppid=30000, sched_yield=0)
    try:
        with tmpfs(tmp_path / "full", "size=64k") as full:
            log = full / "t.log"
            obs = Observer("-p", str(work.pid), "-s", "getppid", "-o", str(log)).start()
            work.go()
            status = obs.wait()
            data = log.read_bytes()
    finally:
        work.kill()
    assert status == 1
    lines = obs.stderr.splitlines()
    assert lines[-1] == f"observer: error: write {log}: No space left on device (ENOSPC)"
    written, lost = summary(obs.stderr)
    # The file holds exactly the lines reported written, each complete.
    assert data.endswith(b"\n") and data.count(b"\n") == written > 0
    assert all(re.fullmatch(rf"{work.pid}:{NR['getppid']}:\S+", line)
               for line in data.decode().splitlines())
    # Nothing unaccounted: the tracer stopped at the error, so the workload may have made more
    # calls afterwards, but never fewer than written + lost.
    assert lost > 0 and written + lost <= 30000
    assert "not written: output failed" in obs.stderr


# --- hostile process names -------------------------------------------------------------------

HOSTILE = [b"../../x", b"a/b", b"a\\x2fb", b"a:b:c", b"..", b"\n", b"x\ty", b"\x1b[2J\x1b[31m",
           b"\xff\xfe\x80", b"", b"12:0:forged\n9"]

# Sets each name in turn (prctl PR_SET_NAME) and calls getppid a distinct number of times.
RENAMER = """
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
for i, name in enumerate(eval(sys.argv[1])):
    if libc.prctl(15, ctypes.c_char_p(name), 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl")
    for _ in range(i + 1):
        os.getppid()
"""


def test_hostile_names_stay_one_line_and_split_safely(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    # Also one name set by exec: the comm of a program is the basename it was run as.
    link = tmp_path / "ev\x1b[5m:\n.."
    link.symlink_to(sys.executable)
    code = RENAMER + f"os.execv({str(link)!r}, [{str(link)!r}, '-c', 'import os; os.getppid()'])"
    result = run_observer("-f", "-s", "getppid", "-o", str(log), "--", sys.executable, "-c",
                          code, repr(HOSTILE))
    assert result.returncode == 0, result.stderr

    raw = log.read_bytes()
    assert all(0x20 <= byte < 0x7F for byte in raw.replace(b"\n", b""))
    lines = read_log(log)
    assert len(lines) == raw.count(b"\n") == summary(result.stderr)[0]
    by_name = counts_by_comm(lines)
    for i, name in enumerate(HOSTILE):
        assert by_name[name[:15]] == i + 1, name
    exec_name = os.fsencode(link.name)[:15]
    assert by_name[exec_name] >= 1

    out = tmp_path / "out"
    assert formatter.main([str(log), "-o", str(out)]) == 0
    # Nothing outside out/, one file per (comm, pid), each name recovered from its file name.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["t.log", "out", link.name])
    files = {p.name: p.read_text().split() for p in out.iterdir()}
    pid = lines[0].pid
    assert len(files) == len(by_name)
    for comm, n in by_name.items():
        name = escape_comm(comm).replace("/", "\\x2f") + f":{pid}.log"
        assert files[name] == [str(NR["getppid"])] * n
        assert unescape_comm(filename_comm(name)) == comm


def filename_comm(name: str) -> str:
    """The escaped comm of a formatter file name "<comm>:<pid>.log" ("\\x2f" back to "/")."""
    part = name.rsplit(":", 1)[0]
    return re.sub(r"\\\\|\\x2f", lambda m: "/" if m.group() == "\\x2f" else m.group(), part)


def counts_by_comm(lines: list) -> dict[bytes, int]:
    found: dict[bytes, int] = {}
    for line in lines:
        comm = unescape_comm(line.comm)
        found[comm] = found.get(comm, 0) + 1
    return found


def test_terminal_output_passes_no_escape_sequences() -> None:
    master, slave = os.openpty()
    code = RENAMER.replace("sys.argv[1]", repr(repr([b"\x1b[2J\x1b]0;pwned\x07"])))
    proc = subprocess.Popen([sys.executable, "-m", "observer", "-q", "-f", "-s", "getppid",
                             "-o", "-", "--", sys.executable, "-c", code],
                            stdout=slave, stderr=subprocess.DEVNULL)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: every writer closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(60) == 0
    assert b"\\x1b[2J\\x1b]0;pwned\\x07" in out
    assert b"\x1b" not in out and b"\x07" not in out


# --- signals and exits -----------------------------------------------------------------------

@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_drains_flushes_and_exits_0(tmp_path: Path, sig: signal.Signals) -> None:
    log = tmp_path / "t.log"
    work = Workload(getppid=2000, sched_yield=0)
    try:
        obs = Observer("-s", "getppid", "-o", str(log)).start()
        assert work.go() == 0
        assert obs.proc is not None
        obs.proc.send_signal(sig)
        assert obs.wait() == 0
    finally:
        work.kill()
    lines = read_log(log)
    assert counts(lines, work.pid) == {NR["getppid"]: 2000}
    assert summary(obs.stderr) == (len(lines), 0)


def test_closed_pipe_ends_quietly() -> None:
    hammer = subprocess.Popen([sys.executable, "-c", "import os\nwhile True: os.getppid()"])
    try:
        obs = subprocess.Popen([sys.executable, "-m", "observer", "-s", "getppid", "-o", "-"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert obs.stdout is not None
        head = subprocess.run(["head", "-1"], stdin=obs.stdout, capture_output=True, text=True,
                              timeout=60)
        obs.stdout.close()
        _, stderr = obs.communicate(timeout=60)
    finally:
        hammer.kill()
        hammer.wait()
    assert re.fullmatch(r"\d+:\d+:.*\n", head.stdout)
    assert obs.returncode == 0
    assert "error" not in stderr and "Traceback" not in stderr
    assert stderr.splitlines()[-1].startswith("observer: ")


def bpf_ids(pid: int) -> dict[str, set[int]]:
    """prog, link and map ids of the BPF objects pid holds open (from /proc/PID/fdinfo)."""
    ids: dict[str, set[int]] = {"prog": set(), "link": set(), "map": set()}
    for fd in os.listdir(f"/proc/{pid}/fdinfo"):
        with contextlib.suppress(OSError):
            info = Path(f"/proc/{pid}/fdinfo/{fd}").read_text()
            for kind in ids:
                if kind == "prog" and "link_id:" in info:
                    continue  # a link's fdinfo names its program too
                match = re.search(rf"^{kind}_id:\s+(\d+)", info, re.M)
                if match:
                    ids[kind].add(int(match.group(1)))
    return ids


def loaded_ids(kind: str) -> set[int]:
    shown = subprocess.run(["bpftool", "-j", kind, "show"], capture_output=True, text=True,
                           check=True).stdout
    return {item["id"] for item in json.loads(shown or "[]")}


def children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return []


def gone(pid: int) -> bool:
    """True once pid has exited (no such process, or a zombie waiting for its new parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def test_sigkill_leaves_no_program_link_or_child(tmp_path: Path) -> None:
    obs = Observer("-f", "-o", str(tmp_path / "t.log"), "--", "sleep", "600").start()
    assert obs.proc is not None
    mine = bpf_ids(obs.proc.pid)
    (child,) = children(obs.proc.pid)
    assert mine["prog"] and mine["link"] and mine["map"]
    assert mine["prog"] <= loaded_ids("prog") and mine["link"] <= loaded_ids("link")
    obs.proc.kill()
    obs.wait()
    # The kernel frees them once the last reference is gone, after an RCU grace period.
    wait_until(lambda: not mine["link"] & loaded_ids("link"), "the links are detached")
    wait_until(lambda: not mine["prog"] & loaded_ids("prog"), "the programs are unloaded")
    wait_until(lambda: not mine["map"] & loaded_ids("map"), "the maps are freed")
    wait_until(lambda: gone(child), "the command has ended with the tracer")


def first_child(proc: subprocess.Popen[bytes]) -> int | None:
    """The first child of proc, polled every millisecond, or None if proc exits first."""
    while proc.poll() is None:
        found = children(proc.pid)
        if found:
            return found[0]
        time.sleep(0.001)
    return None


def test_sigkill_before_release_leaves_no_waiting_child(tmp_path: Path) -> None:
    # Catch the tracer between starting the command (held before exec, while the programs
    # load) and releasing it; retry if the release came first.
    python = Path(sys.executable).resolve()
    for _ in range(10):
        proc = subprocess.Popen([sys.executable, "-m", "observer", "-o", str(tmp_path / "t.log"),
                                 "--", "sleep", "600"], stderr=subprocess.DEVNULL)
        child = first_child(proc)
        assert child is not None
        held = Path(f"/proc/{child}/exe").resolve() == python
        proc.kill()
        proc.wait()
        wait_until(lambda: gone(child), "the command has ended with the tracer")  # noqa: B023
        if held:
            return
    pytest.fail("never caught the command before its release")


# --- overload --------------------------------------------------------------------------------

OVERLOAD_SECONDS = float(os.environ.get("OBSERVER_OVERLOAD_SECONDS", "8"))

# Starts four processes that call getppid for the given time and prints how many calls they made.
HAMMERS = """
import subprocess, sys
loop = '''
import os, time
end = time.monotonic() + {seconds}
n = 0
while time.monotonic() < end:
    for _ in range(1000):
        os.getppid()
    n += 1000
print(n)
'''
procs = [subprocess.Popen([sys.executable, "-c", loop], stdout=subprocess.PIPE) for _ in range(4)]
print(sum(int(p.communicate()[0]) for p in procs))
"""


def overload(*args: str, seconds: float) -> tuple[int, int, int, list[int]]:
    """Traces the hammers; returns (calls made, written, lost, tracer RSS samples in KiB)."""
    cmd = [sys.executable, "-m", "observer", "-f", "-s", "getppid", "-o", "/dev/null", *args,
           "--", sys.executable, "-c", HAMMERS.replace("{seconds}", str(seconds))]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stderr.readline()
    assert "observer: tracing" in first, first + proc.stderr.read()
    rss = []
    while proc.poll() is None:
        with contextlib.suppress(OSError, AttributeError):
            status = Path(f"/proc/{proc.pid}/status").read_text()
            rss.append(int(re.search(r"^VmRSS:\s+(\d+)", status, re.M).group(1)))  # type: ignore
        time.sleep(0.2)
    stdout, stderr = proc.communicate()
    assert proc.returncode == 0, stderr
    written, lost = summary(stderr)
    return int(stdout), written, lost, rss


@pytest.mark.parametrize(("ring", "must_lose"), [("16M", False), ("4K", True)])
def test_overload_accounts_for_every_call(ring: str, must_lose: bool) -> None:
    calls, written, lost, rss = overload("--ring-size", ring, "--backlog", "16M",
                                         seconds=OVERLOAD_SECONDS)
    assert calls > 100_000
    assert written + lost == calls
    if must_lose:
        assert lost > 0
    # Bounded memory: the ring is mapped twice, plus the backlog (full only when the writer
    # gets too little CPU on a loaded machine) and a 1 MiB line buffer; nothing grows with the
    # number of events (millions here).
    ring_kib = 16 << 10 if ring == "16M" else 4
    assert rss and max(rss) - rss[0] < 2 * ring_kib + (16 << 10) + (32 << 10), rss


def test_a_stalled_output_fills_the_backlog_and_every_drop_is_counted() -> None:
    # Nothing reads -o - until the workload has ended: the writer blocks on the pipe while the
    # drain thread fills the 1 MiB backlog and then drops records, counting each one.
    work = Workload(getppid=200_000, sched_yield=0)
    try:
        obs = subprocess.Popen([sys.executable, "-m", "observer", "-p", str(work.pid), "-s",
                                "getppid", "--ring-size", "1M", "--backlog", "1M", "-o", "-"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert obs.stderr is not None
        first = obs.stderr.readline().decode()
        assert "observer: tracing" in first, first
        assert work.go() == 0
        out, err = obs.communicate(timeout=120)
    finally:
        work.kill()
    stderr = err.decode()
    assert obs.returncode == 0, stderr
    written, lost = summary(stderr)
    assert out.count(b"\n") == written
    assert written + lost == 200_000
    # Among the causes, whichever others a loaded machine adds (a full ring).
    dropped = re.search(r"[(,] ?(\d+) dropped: backlog full[,)]", stderr)
    assert dropped and 0 < int(dropped.group(1)) <= lost, stderr


def test_overload_workload_makes_no_uncounted_getppid() -> None:
    # The accounting above relies on Python and the launcher making no getppid of their own.
    calls, written, lost, _ = overload(seconds=0)
    assert (calls, written, lost) == (0, 0, 0)
