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
from collections.abc import Iterator
from pathlib import Path

import pytest

from observer import cli

STATUS = re.compile(r"\r(?:\x1b\[K)?observer: +\d+\.\d s +\S+ ev/s +\S+ written +\S+ lost ")


def run_with_pty_stderr(args: list[str], timeout: float = 60.0) -> tuple[int, str]:
    """Runs args with stderr on a pseudo-terminal (stdout a pipe); returns status, stderr."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stderr=slave, stdout=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], timeout)
            if not ready:
                proc.kill()
                raise AssertionError("no output from observer on the terminal")
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the last writer closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    return proc.wait(timeout), b"".join(chunks).decode(errors="replace")


OBSERVER = [sys.executable, "-m", "observer"]
# Long enough for several redraws (every 0.25 s), short enough to keep the suite fast.
WORKLOAD = ["--", "sh", "-c", "ls / >/dev/null; sleep 1; ls / >/dev/null"]


@pytest.fixture
def bystander() -> Iterator[subprocess.Popen[bytes]]:
    """A process writing nowhere near observer's terminal, traced with -p."""
    proc = subprocess.Popen(["sh", "-c", "sleep 0.3; ls / >/dev/null; sleep 1"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    yield proc
    proc.kill()
    proc.wait()


@pytest.mark.bpf
def test_status_line_is_drawn_on_a_terminal(tmp_path: Path,
                                            bystander: subprocess.Popen[bytes]) -> None:
    status, err = run_with_pty_stderr([*OBSERVER, "-o", str(tmp_path / "t.log"), "-p",
                                       str(bystander.pid)])
    assert status == 0, err
    lines = STATUS.findall(err)
    assert len(lines) >= 2, repr(err)
    assert "1 traced alive" in err
    # The line is erased before the summary, which starts on a clean line.
    assert re.search(r"\r\x1b\[K\r?observer: \d+ events written, 0 lost", err), repr(err)
    written = int(re.search(r"observer: (\d+) events written", err).group(1))  # type: ignore[union-attr]
    assert written == len((tmp_path / "t.log").read_text().splitlines())


@pytest.mark.bpf
def test_no_status_line_on_the_terminal_the_command_writes_to(tmp_path: Path) -> None:
    # observer -- CMD: CMD writes where observer does; a status line would cut into its lines.
    status, err = run_with_pty_stderr([*OBSERVER, "-o", str(tmp_path / "t.log"), "--", "sh",
                                       "-c", "echo line1 >&2; sleep 0.8; echo line2 >&2"])
    assert status == 0, err
    assert "\x1b" not in err and "ev/s" not in err, repr(err)
    assert "\r\nline1\r\nline2\r\nobserver: " in err, repr(err)


@pytest.mark.bpf
def test_quiet_turns_the_status_line_off(tmp_path: Path,
                                         bystander: subprocess.Popen[bytes]) -> None:
    status, err = run_with_pty_stderr([*OBSERVER, "-q", "-o", str(tmp_path / "t.log"), "-p",
                                       str(bystander.pid)])
    assert status == 0 and err == "", repr(err)


@pytest.mark.bpf
def test_no_status_line_in_a_file(tmp_path: Path) -> None:
    err_path = tmp_path / "err"
    with err_path.open("w") as err_file:
        result = subprocess.run([*OBSERVER, "-o", str(tmp_path / "t.log"), *WORKLOAD],
                                stderr=err_file, timeout=60)
    err = err_path.read_text()
    assert result.returncode == 0
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
