"""The live status line (terminal only) and --info, against the real kernel."""

from __future__ import annotations

import os
import platform
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from observer import cli

from .helpers import STATE_TIMEOUT, log_so_far, wait_until

STATUS = re.compile(r"\r(?:\x1b\[K)?observer: +\d+\.\d s +\S+ ev/s +\S+ written +\S+ lost ")


def run_with_pty_stderr(args: list[str], ready: Callable[[str], bool],
                        release: Callable[[subprocess.Popen[bytes]], None],
                        what: str) -> tuple[int, str]:
    """Runs args with stderr on a pseudo-terminal, stdout to /dev/null and stdin a pipe;
    calls release(the process) once ready(stderr so far) holds, to let what is traced end.
    Returns the exit status and stderr."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stderr=slave, stdout=subprocess.DEVNULL,
                            stdin=subprocess.PIPE)
    os.close(slave)
    chunks: list[bytes] = []
    released = False
    deadline = time.monotonic() + STATE_TIMEOUT
    try:
        while True:
            err = b"".join(chunks).decode(errors="replace")
            if not released and ready(err):
                release(proc)
                released = True
            if time.monotonic() > deadline:
                proc.kill()
                awaited = "observer ended" if released else what
                raise AssertionError(f"waited {STATE_TIMEOUT:.0f} s in vain until {awaited}: "
                                     f"{err!r}")
            readable, _, _ = select.select([master], [], [], 0.05)
            if not readable:
                continue
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the last writer closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    return proc.wait(STATE_TIMEOUT), b"".join(chunks).decode(errors="replace")


def let_go(proc: subprocess.Popen[bytes]) -> None:
    """Gives proc the line its ``read`` waits for on stdin."""
    assert proc.stdin is not None
    proc.stdin.write(b"\n")
    proc.stdin.close()


OBSERVER = [sys.executable, "-m", "observer"]
# The command makes calls, waits for a line on stdin (observer's, which it inherits), makes
# more: it runs until the test has seen observer write its records.
GATED = ["sh", "-c", "ls / >/dev/null; read x; ls / >/dev/null"]


@pytest.fixture
def bystander() -> Iterator[subprocess.Popen[bytes]]:
    """A process writing nowhere near observer's terminal, traced with -p: it waits for a
    line on stdin (let_go), lists a directory and exits."""
    proc = subprocess.Popen(["sh", "-c", "read x; ls / >/dev/null"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield proc
    proc.kill()
    proc.wait()


@pytest.mark.bpf
def test_status_line_is_drawn_on_a_terminal(tmp_path: Path,
                                            bystander: subprocess.Popen[bytes]) -> None:
    # The bystander ends once the line has been drawn twice (it is redrawn every 0.25 s).
    status, err = run_with_pty_stderr(
        [*OBSERVER, "-o", str(tmp_path / "t.log"), "-p", str(bystander.pid)],
        ready=lambda err: len(STATUS.findall(err)) >= 2, release=lambda _: let_go(bystander),
        what="the status line is drawn twice")
    assert status == 0, err
    lines = STATUS.findall(err)
    assert len(lines) >= 2, repr(err)
    assert "1 traced alive" in err
    # The line is erased before the summary, which starts on a clean line.
    assert re.search(r"\r\x1b\[K\r?observer: \d+ events written, 0 lost", err), repr(err)
    written = int(re.search(r"observer: (\d+) events written", err).group(1))  # type: ignore[union-attr]
    assert written == len((tmp_path / "t.log").read_text().splitlines())


def records_written(log: Path) -> bool:
    """Whether observer has written records to log: it has polled since the command ran."""
    return bool(log_so_far(log))


@pytest.mark.bpf
def test_no_status_line_on_the_terminal_the_command_writes_to(tmp_path: Path) -> None:
    # observer -- CMD: CMD writes where observer does; a status line would cut into its lines.
    # The command waits between its two lines until observer has polled and written records:
    # a status line drawn at a poll would be between them.
    log = tmp_path / "t.log"
    status, err = run_with_pty_stderr(
        [*OBSERVER, "-o", str(log), "--", "sh", "-c", "echo line1 >&2; read x; echo line2 >&2"],
        ready=lambda err: "line1" in err and records_written(log), release=let_go,
        what="the command wrote line1 and observer its records")
    assert status == 0, err
    assert "\x1b" not in err and "ev/s" not in err, repr(err)
    assert "\r\nline1\r\nline2\r\nobserver: " in err, repr(err)


@pytest.mark.bpf
def test_quiet_turns_the_status_line_off(tmp_path: Path,
                                         bystander: subprocess.Popen[bytes]) -> None:
    # Without the tracing line, observer's output file says it is tracing: it is created once
    # the programs are attached.
    log = tmp_path / "t.log"
    status, err = run_with_pty_stderr(
        [*OBSERVER, "-q", "-o", str(log), "-p", str(bystander.pid)],
        ready=lambda _: log.exists(), release=lambda _: let_go(bystander),
        what="observer has created its output")
    assert status == 0 and err == "", repr(err)


@pytest.mark.bpf
def test_no_status_line_in_a_file(tmp_path: Path) -> None:
    err_path, log = tmp_path / "err", tmp_path / "t.log"
    with err_path.open("w") as err_file:
        proc = subprocess.Popen([*OBSERVER, "-o", str(log), "--", *GATED],
                                stdin=subprocess.PIPE, stderr=err_file)
        try:
            wait_until(lambda: records_written(log), "observer has written records")
            let_go(proc)
            assert proc.wait(STATE_TIMEOUT) == 0
        finally:
            proc.kill()
            proc.wait()
    err = err_path.read_text()
    assert "\r" not in err and "\x1b" not in err and "ev/s" not in err
    assert re.search(r"^observer: \d+ events written, 0 lost", err, re.M), err


def test_status_line_highlights_lost_events(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.StringIO()
    line = cli.StatusLine(out, start=100.0, targets=True)
    line.update(100.5, written=1500, lost=0, alive=2)
    line.update(100.6, written=1600, lost=3, alive=2)  # too soon: not drawn
    line.update(101.0, written=4000, lost=3, alive=1)
    line.clear()
    text = out.getvalue()
    assert text.count("\r") == 3
    assert "1.50k written  0 lost  2 traced alive" in text
    assert "3.00k ev/s" in text  # 1500 events in the first 0.5 s
    assert "5.00k ev/s" in text  # (4000 - 1500) / 0.5 s
    assert "\x1b[1;31m3 lost\x1b[0m  1 traced alive" in text
    assert max(len(re.sub(r"\x1b\[[0-9;]*[mK]", "", part)) for part in text.split("\r")) < 80


# --- --info -------------------------------------------------------------------------------

def info_lines(text: str) -> dict[str, str]:
    lines = {}
    for line in text.splitlines():
        if line.startswith("  ") and ":" in line:
            key, _, value = line.strip().partition(":")
            lines[key] = value.strip()
    return lines


def tracefs_mounts() -> list[str]:
    mounts = Path("/proc/self/mounts").read_text().splitlines()
    return [line.split()[1] for line in mounts if line.split()[2] == "tracefs"]


@pytest.mark.bpf
def test_info_reports_this_machine() -> None:
    result = subprocess.run([*OBSERVER, "--info"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    info = info_lines(result.stdout)
    assert info["kernel"] == f"Linux {platform.release()} {platform.machine()}"
    assert info["syscall table"].startswith(f"{cli.syscalls.native_arch()}, ")
    assert info["privileges"].startswith("yes")  # bpf tests run as root
    assert info["BTF"].startswith("yes" if Path("/sys/kernel/btf/vmlinux").exists() else "no")
    for name in ("ring buffer", "tp_btf", "raw_tp", "tp"):
        assert info[name].startswith("yes"), name  # this test machine runs the bpf tests
    mounts = tracefs_mounts()
    assert info["tracefs"].startswith("yes" if mounts else "no")
    for point in mounts:
        assert point in info["tracefs"]
    pkg = shutil.which("pkg-config")
    if pkg:
        built = subprocess.run([pkg, "--modversion", "libbpf"], capture_output=True, text=True)
        assert f"built with {built.stdout.strip()}" in info["libbpf"]
    assert result.stdout.rstrip().endswith("observer can trace here (tp_btf programs, BPF ring buffer)")


@pytest.mark.bpf
def test_info_sees_tracefs_unmounted_in_a_mount_namespace() -> None:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare (util-linux) is not installed")
    # A private mount namespace: unmounting there leaves the machine's tracefs alone.
    script = ("umount -a -t tracefs 2>/dev/null; "
              "grep -c ' tracefs ' /proc/self/mounts; "
              f"exec {sys.executable} -m observer --info")
    result = subprocess.run([unshare, "--mount", "--propagation", "private", "sh", "-c", script],
                            capture_output=True, text=True, timeout=60)
    if result.stdout.startswith("0\n") is False:
        pytest.skip(f"cannot unmount tracefs in a mount namespace here: {result.stderr.strip()}")
    info = info_lines(result.stdout)
    assert info["tracefs"].startswith("no"), result.stdout
    assert "not mounted" in info["tracefs"]
    # observer does not need tracefs: still ready.
    assert result.returncode == 0, result.stdout + result.stderr


def fake_root(tmp_path: Path, mounts: str, caps: str = "000001ffffffffff") -> Path:
    (tmp_path / "proc/self").mkdir(parents=True)
    (tmp_path / "proc/self/mounts").write_text(mounts)
    (tmp_path / "proc/self/status").write_text(f"Name:\tpython\nCapEff:\t{caps}\n")
    (tmp_path / "sys/kernel/btf").mkdir(parents=True)
    (tmp_path / "sys/kernel/btf/vmlinux").write_bytes(b"")
    return tmp_path


def test_info_simulated_unmounted_tracefs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("observer._core", reason="observer._core is not built")
    root = fake_root(tmp_path, "proc /proc proc rw 0 0\nsysfs /sys sysfs rw 0 0\n")
    cli.print_info(str(root))
    info = info_lines(capsys.readouterr().out)
    assert info["tracefs"] == "no      not mounted (observer does not need it)"
    assert info["BTF"].startswith("yes")
    assert info["cgroup v2"].startswith("no      not mounted")


def test_info_reports_the_cgroup_v2_hierarchy(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("observer._core", reason="observer._core is not built")
    root = fake_root(tmp_path, "proc /proc proc rw 0 0\n")
    (root / "proc/self/mountinfo").write_text(
        "30 25 0:26 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw\n")
    cli.print_info(str(root))
    info = info_lines(capsys.readouterr().out)
    assert info["cgroup v2"] == "yes     at /sys/fs/cgroup/unified (hybrid); --unit: no systemd"


def test_info_simulated_mounted_tracefs_and_missing_btf(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("observer._core", reason="observer._core is not built")
    root = fake_root(tmp_path, "tracefs /mnt/t tracefs rw 0 0\nnone /sys/kernel/tracing tracefs rw 0 0\n")
    (root / "sys/kernel/btf/vmlinux").unlink()
    status = cli.print_info(str(root))
    out = capsys.readouterr().out
    info = info_lines(out)
    assert info["tracefs"].startswith("yes     mounted at /mnt/t, /sys/kernel/tracing")
    assert info["BTF"].startswith("no ")
    assert status == cli.EXIT_ERROR and "cannot trace here: not available: BTF" in out


def test_info_simulated_missing_privileges(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("observer._core", reason="observer._core is not built")
    # CAP_BPF (39) without CAP_PERFMON (38) and without CAP_SYS_ADMIN (21) is not enough.
    root = fake_root(tmp_path, "", caps=f"{1 << 39:016x}")
    assert cli.print_info(str(root)) == cli.EXIT_ERROR
    out = capsys.readouterr().out
    info = info_lines(out)
    assert info["privileges"] == "no      run as root, or grant CAP_BPF and CAP_PERFMON"


def test_info_without_privileges_calls_what_it_could_not_probe_unknown() -> None:
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed")
    result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                             sys.executable, "-m", "observer", "--info"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == cli.EXIT_ERROR
    info = info_lines(result.stdout)
    assert info["ring buffer"].startswith("unknown cannot probe without privileges")
    last = result.stdout.splitlines()[-1]
    # Only what was checked and found missing is "not available".
    assert last == ("observer cannot trace here: not available: privileges; unknown without "
                    "privileges: ring buffer, task storage, tp_btf"), last


def test_no_argument_at_all_says_what_it_traces_where_and_how_to_stop(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "observer"], cwd=tmp_path,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    first = proc.stderr.readline()  # once tracing
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(60) == 0, first + rest
    assert first == (f"observer: tracing the whole system (no -p, -n or -- CMD: every process "
                     f"but observer) to {tmp_path / 'trace.log'} (the default -o); Ctrl-C to "
                     "stop\n")
    assert (tmp_path / "trace.log").stat().st_size > 0
