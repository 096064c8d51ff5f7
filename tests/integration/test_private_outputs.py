"""Every output is private and never redirected: files 0600 and directories 0700 whatever the
umask, read back by another user (uid 65534) to prove it, and no symlink followed at anything
observer creates. Outputs sit in a directory every user may enter, so that only their own
modes keep another user out; observer runs with umask 0, so that only observer sets them."""

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

from .helpers import Observer, Workload, wait_until

pytestmark = pytest.mark.bpf

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
# What a program read must not reach other users through the trace: shadow's shape, and long
# enough that one captured read of it starts a new Parquet file under --rotate 1K.
SECRET = b"root:$y$j9T$not-for-other-eyes:19000:0:99999:7:::\n" * 40
OLD = b"an earlier run's output\n"
SYMLINK = "it is a symbolic link, which observer does not follow"
# Reads the secret once per line on stdin, until stdin ends: its pid is known before it reads.
READER = """
import sys
while sys.stdin.buffer.readline():
    with open(sys.argv[1], "rb") as secret:
        secret.read()
"""


@pytest.fixture(autouse=True)
def no_umask() -> Iterator[None]:
    """umask 0 for this process and what it starts: a mode observer does not set shows."""
    mask = os.umask(0)
    try:
        yield
    finally:
        os.umask(mask)


def observe(*args: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "observer", *args], capture_output=True,
                          text=True, timeout=timeout)


def read_by_another_user(path: Path) -> bool:
    """Whether uid 65534 reads path: a file's bytes, a directory's names."""
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed")
    reader = ["ls", "-A", "--"] if path.is_dir() else ["cat", "--"]
    result = subprocess.run([*NOBODY, *reader, str(path)], capture_output=True, timeout=60)
    return result.returncode == 0


def assert_private(*paths: Path) -> None:
    for path in paths:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {mode:o}"
        assert not read_by_another_user(path), f"another user reads {path}"


@pytest.fixture
def shared() -> Iterator[Path]:
    """A directory of root's that every user may enter and list, as a home directory or /srv."""
    path = Path(tempfile.mkdtemp(prefix="observer-private-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path)


@pytest.fixture
def secret(shared: Path) -> Path:
    path = shared / "shadow"
    path.write_bytes(SECRET)
    path.chmod(0o600)
    return path


def earlier_output(path: Path) -> None:
    """A file at path as an earlier run (or another program) left it: readable by all."""
    path.write_bytes(OLD)
    path.chmod(0o644)
    assert read_by_another_user(path)


class Reader:
    """READER on the secret, started before observer: read() makes it read the secret once
    more, end() lets it exit and returns its status."""

    def __init__(self, secret: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", READER, str(secret)],
                                     stdin=subprocess.PIPE)
        self.pid = self.proc.pid

    def read(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"\n")
        self.proc.stdin.flush()

    def end(self) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        return self.proc.wait(60)

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            self.proc.stdin.close()


# Files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["log", "jsonl", "strace"])
def test_a_text_output_is_private_also_over_an_earlier_file(shared: Path, secret: Path,
                                                            fmt: str) -> None:
    out = shared / f"trace.{fmt}"
    earlier_output(out)
    result = observe("-q", "--format", fmt, "-s", "read", "--data-limit", "64", "-o", str(out),
                     "--", "head", "-c", "4096", str(secret))
    assert result.returncode == 0, result.stderr
    if fmt != "log":  # the records hold what head read
        assert b"root:$y$j9T$not-for-other-eyes" in out.read_bytes()
    assert_private(out)


def test_the_summary_file_is_private_also_over_an_earlier_file(shared: Path) -> None:
    out = shared / "summary.txt"
    earlier_output(out)
    result = observe("-q", "-c", "-o", str(out), "--", "true")
    assert result.returncode == 0, result.stderr
    assert "calls" in out.read_text()
    assert_private(out)


@pytest.mark.parametrize("fmt", ["log", "jsonl", "strace"])
def test_per_process_files_are_private_also_over_earlier_files(shared: Path, secret: Path,
                                                              fmt: str) -> None:
    # -p: the pid, and so the file's name, is known before observer starts.
    with Reader(secret) as reader:
        if fmt == "log":  # an existing directory is used as it is
            out = shared / "split"
            out.mkdir(mode=0o755)
            file = out / f"{Workload.comm}:{reader.pid}.log"
        else:
            out = shared / f"trace.{fmt}"
            file = shared / f"trace.{fmt}.{reader.pid}"
        earlier_output(file)
        with Observer("-ff", "--format", fmt, "-s", "read", "--data-limit", "64", "-o",
                      str(out), "-p", str(reader.pid)) as tracing:
            reader.read()
            assert reader.end() == 0
            assert tracing.wait() == 0, tracing.stderr
    if fmt == "log":
        assert stat.S_IMODE(out.stat().st_mode) == 0o755
    else:
        assert b"root:$y$j9T$not-for-other-eyes" in file.read_bytes()
    assert file.read_bytes() != OLD
    assert_private(file)


def test_a_new_per_process_directory_is_private(shared: Path) -> None:
    out = shared / "split"
    result = observe("-q", "-ff", "-o", str(out), "--", "sh", "-c", "true; true")
    assert result.returncode == 0, result.stderr
    files = list(out.iterdir())
    assert files
    assert_private(out, *files)


# Parquet -------------------------------------------------------------------------------------


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_a_parquet_dataset_is_private_in_every_part(shared: Path, secret: Path,
                                                    existing: bool) -> None:
    pd = pytest.importorskip("pandas")
    out = shared / "trace.parquet"
    if existing:  # a directory of the user's is used as it is; the parts are private
        out.mkdir(mode=0o755)
    with Reader(secret) as reader:
        # --rotate 1K: each read of the secret, captured whole, fills a part of its own.
        with Observer("--format", "parquet", "--rotate", "1K", "-s", "read", "--data-limit",
                      "4096", "-o", str(out), "-p", str(reader.pid)) as tracing:
            reader.read()
            wait_until(lambda: any(out.rglob("*.parquet")), "the first part is written")
            reader.read()  # the second part: the rotated one
            assert reader.end() == 0
            assert tracing.wait() == 0, tracing.stderr
    parts = sorted(out.rglob("*.parquet"))
    assert len(parts) >= 2
    assert sorted(p for p in out.rglob("*") if p.is_file()) == parts  # no temporary file left
    partitions = [p for p in out.rglob("*") if p.is_dir()]  # host=NODE, date=DAY
    assert len(partitions) == 2
    data = pd.read_parquet(out)["data"].dropna()
    assert (data.map(bytes) == SECRET).sum() == 2
    if existing:
        assert stat.S_IMODE(out.stat().st_mode) == 0o755
        assert_private(*partitions, *parts)
    else:
        assert_private(out, *partitions, *parts)


def test_tracer_to_parquet_is_private(shared: Path, secret: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = shared / "api.parquet"
    with observer.Tracer(command=["head", "-c", "4096", str(secret)], syscalls="read",
                         capture_exit=True, data_limit=4096) as tracer:
        assert tracer.to_parquet(out) > 0
    assert SECRET in set(pd.read_parquet(out)["data"].dropna().map(bytes))
    assert_private(out, *out.rglob("*"))


# The formatter -------------------------------------------------------------------------------


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_the_formatters_split_files_are_private(shared: Path, existing: bool) -> None:
    log = shared / "trace.log"
    log.write_text("7:0:cat\n7:1:cat\n8:60:sh\n")
    out = shared / "split"
    if existing:
        out.mkdir(mode=0o755)
    result = subprocess.run([sys.executable, "-m", "observer.formatter", str(log), "-o",
                             str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    files = sorted(out.iterdir())
    assert [f.name for f in files] == ["cat:7.log", "sh:8.log"]
    if existing:
        assert stat.S_IMODE(out.stat().st_mode) == 0o755
        assert_private(*files)
    else:
        assert_private(out, *files)


# Symlinks ------------------------------------------------------------------------------------


@pytest.fixture
def victim(shared: Path) -> Path:
    """A directory a planted symlink points to: it must stay as it is."""
    path = shared / "victim"
    path.mkdir()
    (path / "keep").write_bytes(OLD)
    return path


def assert_untouched(victim: Path) -> None:
    assert [p.name for p in victim.iterdir()] == ["keep"]
    assert (victim / "keep").read_bytes() == OLD


@pytest.mark.parametrize("args", [["--format", "parquet"], ["-ff"]], ids=["parquet", "ff-log"])
def test_a_symlink_at_an_output_directory_is_refused_before_the_command_runs(
        shared: Path, victim: Path, args: list[str]) -> None:
    link = shared / "out"
    link.symlink_to(victim)
    marker = shared / "ran"
    result = observe("-q", *args, "-o", str(link), "--", "touch", str(marker))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"observer: error: open {link}: {SYMLINK}"]
    assert not marker.exists()  # refused before anything was launched
    assert_untouched(victim)


@pytest.mark.parametrize("fmt", ["log", "jsonl"])
def test_a_symlink_at_a_per_process_file_is_not_followed(shared: Path, secret: Path,
                                                         fmt: str) -> None:
    target = shared / "target"
    target.write_bytes(OLD)
    with Reader(secret) as reader:
        if fmt == "log":
            out = shared / "split"
            out.mkdir()
            planted = out / f"{Workload.comm}:{reader.pid}.log"
        else:
            out = shared / "trace.jsonl"
            planted = shared / f"trace.jsonl.{reader.pid}"
        planted.symlink_to(target)
        with Observer("-ff", "--format", fmt, "-s", "read", "-o", str(out), "-p",
                      str(reader.pid)) as tracing:
            reader.read()
            reader.end()
            assert tracing.wait() == 1
    assert tracing.stderr.splitlines()[-1] == f"observer: error: open {planted}: {SYMLINK}"
    assert "Traceback" not in tracing.stderr
    assert target.read_bytes() == OLD


def test_the_formatter_refuses_a_symlink_at_its_directory(shared: Path, victim: Path) -> None:
    log = shared / "trace.log"
    log.write_text("7:0:cat\n")
    link = shared / "split"
    link.symlink_to(victim)
    result = subprocess.run([sys.executable, "-m", "observer.formatter", str(log), "-o",
                             str(link)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"formatter: error: cannot write output: {link}: {SYMLINK}"]
    assert_untouched(victim)


def test_tracer_to_parquet_refuses_a_symlink(shared: Path, victim: Path) -> None:
    pytest.importorskip("pyarrow")
    link = shared / "api.parquet"
    link.symlink_to(victim)
    with observer.Tracer(command=["true"]) as tracer:
        with pytest.raises(OSError, match=SYMLINK):
            tracer.to_parquet(link)
    assert_untouched(victim)
