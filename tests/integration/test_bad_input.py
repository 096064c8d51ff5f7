"""Bytes that are not UTF-8, failed starts and hostile output paths: one line, no lost data."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import observer

from .helpers import read_log

pytestmark = pytest.mark.bpf

OBSERVER = [sys.executable, "-m", "observer"]


def observe(*args: str | bytes, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*OBSERVER, *args], capture_output=True, timeout=120, **kwargs)  # type: ignore[call-overload]


def test_arguments_that_are_not_utf8_pass_through_as_bytes(tmp_path: Path) -> None:
    out = tmp_path / b"o\xff.log".decode(errors="surrogateescape")
    result = observe("-q", "-o", os.fsencode(out), "--", "printf", b"%s", b"\xff\xfe")
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"\xff\xfe" and result.stderr == b""
    assert os.listdir(os.fsencode(tmp_path)) == [b"o\xff.log"]
    assert read_log(Path(out))[-1].comm == "printf"
    # A name for -n too: refused only for what a name cannot be, never with a traceback.
    named = observe("-q", "-n", b"\xff\xfe", "-d", "0.2", "-o", os.devnull)
    assert named.returncode == 0 and named.stderr == b""


def test_the_python_api_takes_command_bytes() -> None:
    with observer.Tracer(command=[b"printf", b"\xff"], syscalls="write") as tracer:
        df = tracer.to_pandas()
    assert tracer.exit_status == 0 and len(df) == 1


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A directory every user may write in (pytest's own are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="observer-test-"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        shutil.rmtree(path)


@pytest.mark.parametrize("how", ["unprivileged", "unknown command"])
def test_a_failed_start_leaves_an_existing_output_alone(open_dir: Path, how: str) -> None:
    keep = open_dir / "keep.log"
    keep.write_text("1:2:earlier\n3:4:records\n")
    keep.chmod(0o666)
    if how == "unprivileged":
        if shutil.which("setpriv") is None:
            pytest.fail("setpriv (util-linux) is needed")
        result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                 "--inh-caps=-all", *OBSERVER, "-o", str(keep), "--", "true"],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and "run as root" in result.stderr
    else:
        result = subprocess.run([*OBSERVER, "-o", str(keep), "--", "./no-such-program"],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 127
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert keep.read_text() == "1:2:earlier\n3:4:records\n"


def test_outputs_are_private_and_symlinks_are_not_followed(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    assert observe("-q", "-o", str(log), "--", "true").returncode == 0
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    link = tmp_path / "link.log"
    link.symlink_to(victim)
    result = observe("-o", str(link), "--", "true")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"observer: error: open {link}: it is a symbolic link, which observer does not follow"]
    assert victim.read_text() == "precious\n"


def test_the_commands_records_carry_its_name_from_the_first(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    assert observe("-q", "-o", str(log), "--", "true").returncode == 0
    lines = read_log(log)
    assert lines[0].nr == observer.syscalls.number("execve")
    assert {line.comm for line in lines} == {"true"}


@pytest.mark.parametrize("args", [["--info"], ["-l"], ["-l", "%file"]])
def test_a_reader_that_closes_the_pipe_ends_reports_quietly(args: list[str]) -> None:
    # observer --info | head -0: the reader is gone before observer writes (its output is
    # block-buffered into a pipe); no BrokenPipeError traceback, status 0.
    proc = subprocess.Popen([*OBSERVER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(60) == 0 and err == b""


@pytest.mark.parametrize(("args", "status", "line"), [
    (["--"], 2, "-- must be followed by a command"),
    (["-f"], 2, "-f follows the children of -p PID, -n NAME or a command"),
    (["-p", "2"], 2, "pid 2 is a kernel thread: it makes no syscalls to trace"),
    (["-n", ",".join(f"n{i}" for i in range(65))], 2, "65 program names for -n: at most 64"),
    (["--ring-size", "4096"], 2, "(a bare number is MiB: 16 = 16M), not '4096'"),
    (["--", "/"], 126, "cannot execute /: Is a directory"),
])
def test_usage_that_would_trace_the_wrong_thing_is_refused(args: list[str], status: int,
                                                           line: str) -> None:
    result = observe("-o", os.devnull, *args)
    assert result.returncode == status
    (err,) = result.stderr.decode().splitlines()
    assert err.startswith("observer: error: ") and line in err


def test_a_file_without_execute_permission_exits_126_as_a_shell_does(tmp_path: Path) -> None:
    script = tmp_path / "noexec.sh"
    script.write_text("echo hi\n")
    script.chmod(0o644)
    result = observe("-o", os.devnull, "--", str(script))
    assert result.returncode == 126
    assert result.stderr.decode().strip() == (f"observer: error: cannot execute {script}: "
                                              "Permission denied")


def test_exec_refused_by_the_kernel_is_the_shells_126_not_a_privilege_hint(
        tmp_path: Path) -> None:
    # On a noexec mount the file passes the PATH search (it has x bits) and execve says
    # EACCES: that is the command's problem, not observer's privileges; no output created.
    keep = tmp_path / "keep.log"
    keep.write_text("1:2:kept\n")
    mount = tmp_path / "ne"
    mount.mkdir()
    script = (f"mount -t tmpfs -o noexec tmpfs {mount} && cp /bin/true {mount}/t && "
              f"exec {sys.executable} -m observer -o {keep} -- {mount}/t")
    result = subprocess.run(["unshare", "--mount", "sh", "-c", script], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 126, result.stderr
    assert result.stderr.splitlines()[-1] == (f"observer: error: cannot execute {mount}/t: "
                                              "Permission denied")
    assert keep.read_text() == "1:2:kept\n"


def test_a_command_behind_an_unsearchable_directory_exits_126(tmp_path: Path) -> None:
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed")
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    shutil.copy("/bin/true", private / "t")
    tmp_path.chmod(0o755)
    result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                             "--inh-caps=-all", *OBSERVER, "-o", "/tmp/unused.log", "--",
                             str(private / "t")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 126
    assert result.stderr.strip() == (f"observer: error: cannot execute {private}/t: "
                                     "Permission denied")


def test_info_without_privileges_says_unknown_not_no() -> None:
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed")
    result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                             "--inh-caps=-all", "--bounding-set=-all", *OBSERVER, "--info"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = {line.split(":")[0].strip(): line.split(":", 1)[1].split()[0]
             for line in result.stdout.splitlines()[1:] if line.startswith("  ")}
    for probed in ("ring buffer", "task storage", "tp_btf", "raw_tp", "tp", "bpf_loop",
                   "cgroup filter"):
        assert lines[probed] == "unknown", result.stdout
    assert lines["privileges"] == "no"


def test_jsonl_writes_utf8_as_text_and_other_bytes_reversibly(tmp_path: Path) -> None:
    # Valid UTF-8 (é, €) passes through as text; each byte of an invalid sequence (a lone
    # \xff, a cut \xe2\x82) is a lone surrogate \udcXX, which surrogateescape turns back.
    directory = tmp_path / "é€"
    directory.mkdir()
    program = os.fsencode(directory) + b"/tr\xffu\xe2\x82e"
    shutil.copy("/bin/true", program)
    out = tmp_path / "t.jsonl"
    result = observe("-q", "--format", "jsonl", "-s", "execve", "-o", str(out), "--", program)
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert "é€".encode() in raw and b"\\u00c3" not in raw
    assert b"tr\\udcffu\\udce2\\udc82e" in raw
    import json

    (record,) = [json.loads(line) for line in raw.splitlines()
                 if json.loads(line).get("syscall") == "execve"]
    assert record["strings"][0]["value"].encode("utf-8", "surrogateescape") == program
    assert record["comm"].encode("utf-8", "surrogateescape") == b"tr\xffu\xe2\x82e"
    frame = observer.read_log(out)
    assert set(frame["comm"]) == {"tr\\xffu\\xe2\\x82e"}  # as live records show it


def test_observer_itself_is_not_a_target() -> None:
    code = "import os, observer.cli as c; raise SystemExit(c.main(['-p', str(os.getpid())]))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert "is observer itself" in result.stderr


def test_a_reader_that_closes_the_pipe_ends_tracing_quietly() -> None:
    # observer -o - -- yes | head -1: yes dies of the closed pipe (141, its own status), and
    # observer says nothing of the records nobody was left to read.
    proc = subprocess.Popen([*OBSERVER, "-o", "-", "--", "yes"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(60) == 141
    assert [line for line in err.splitlines() if "tracing" not in line] == []
