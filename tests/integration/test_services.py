"""Tracing by cgroup (--cgroup, --unit, --container) and by user (-u/--uid), in the kernel."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import observer
from observer import _cgroups

from .helpers import NR, Observer, counts, read_log, run_observer, wait_until

pytestmark = pytest.mark.bpf

# Waits for a byte on stdin, makes {parent} getppid calls, forks a child that makes {child}
# more, waits for it, and prints both pids.
FAMILY = """
import os, sys
sys.stdin.buffer.read(1)
for _ in range({parent}):
    os.getppid()
pid = os.fork()
if pid == 0:
    for _ in range({child}):
        os.getppid()
    os._exit(0)
os.waitpid(pid, 0)
print(os.getpid(), pid)
"""


def mount() -> Path:
    found = _cgroups.v2_mount()
    if found is None:
        pytest.fail("no cgroup v2 hierarchy is mounted")
    return found[0]


@pytest.fixture
def cgroup() -> Iterator[Path]:
    """A fresh cgroup v2 directory, removed at the end with the cgroups a test made in it
    (each once its processes are gone: the kernel frees a cgroup shortly after they exit)."""
    path = mount() / f"observer-test-{secrets.token_hex(4)}"
    path.mkdir()
    try:
        yield path
    finally:
        for root, _, _ in sorted(os.walk(path), key=lambda entry: -len(entry[0])):
            wait_until(lambda: removed(root), f"{root} can be removed")  # noqa: B023


def removed(directory: str) -> bool:
    """Removes an empty cgroup directory; False while the kernel still holds it (EBUSY)."""
    try:
        os.rmdir(directory)
    except FileNotFoundError:
        pass
    except OSError:
        return False
    return True


def start_family(parent: int, child: int, cgroup: Path | None = None,
                 prefix: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([*prefix, sys.executable, "-c",
                             FAMILY.format(parent=parent, child=child)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    if cgroup is not None:
        (cgroup / "cgroup.procs").write_text(str(proc.pid))
    return proc


def release(*procs: subprocess.Popen[bytes]) -> list[tuple[int, int]]:
    """Lets each family run; returns (parent pid, child pid) of each."""
    pids = []
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(b"x")
        proc.stdin.close()
    for proc in procs:
        assert proc.stdout is not None
        out = proc.stdout.read()
        assert proc.wait(60) == 0
        parent, child = map(int, out.split())
        pids.append((parent, child))
    return pids


def trace_families(log: Path, *args: str,
                   procs: tuple[subprocess.Popen[bytes], ...]) -> tuple[list[tuple[int, int]], str]:
    """Traces getppid with args while the families run; returns their pids and the stderr."""
    try:
        with Observer(*args, "-s", "getppid", "-o", str(log)) as obs:
            pids = release(*procs)
            assert obs.stop() == 0, obs.stderr
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return pids, obs.stderr


def test_cgroup_traces_exactly_its_processes_and_their_new_children(
        tmp_path: Path, cgroup: Path) -> None:
    log = tmp_path / "t.log"
    ((parent, child), _), stderr = trace_families(
        log, "--cgroup", str(cgroup),
        procs=(start_family(300, 200, cgroup), start_family(50, 40)))
    lines = read_log(log)
    # The child was forked after attach: traced from its first syscall, as its parent was.
    assert {line.pid for line in lines} == {parent, child}
    assert counts(lines, parent) == {NR["getppid"]: 300}
    assert counts(lines, child) == {NR["getppid"]: 200}
    assert f"in cgroup {cgroup}" in stderr


def own_cgroup(pid: int) -> Path:
    """The cgroup v2 directory the process is in."""
    for line in Path(f"/proc/{pid}/cgroup").read_text().splitlines():
        if line.startswith("0::"):
            return mount() / line[3:].lstrip("/")
    raise AssertionError(f"process {pid} is in no cgroup v2")


def test_cgroup_follows_a_process_moved_in_and_out_while_traced(
        tmp_path: Path, cgroup: Path, targets: Path) -> None:
    proc = subprocess.Popen([str(targets), "phases"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    home = own_cgroup(proc.pid)

    def phase(n: int) -> None:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("x")
        proc.stdin.flush()
        assert proc.stdout.readline() == f"phase {n}\n"

    log = tmp_path / "t.log"
    try:
        tids = [int(tid) for tid in proc.stdout.readline().split()[1:]]
        with Observer("--cgroup", str(cgroup), "--tid", "-s", "getppid", "-o", str(log)) as obs:
            # Each thread calls outside the cgroup first, so its answer is known, then inside
            # it (the whole process was moved), then outside again.
            phase(1)
            (cgroup / "cgroup.procs").write_text(str(proc.pid))
            phase(2)
            (home / "cgroup.procs").write_text(str(proc.pid))
            phase(3)
            assert proc.wait(60) == 0
            assert obs.stop() == 0, obs.stderr
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    per_thread: Counter[tuple[int, int, int]] = Counter()
    for line in log.read_text().splitlines()[1:]:
        pid, tid, nr, _ = line.split(":", 3)
        per_thread[(int(pid), int(tid), int(nr))] += 1
    # Thread t made 200 + t calls in phase 2, and only those were in the cgroup.
    assert per_thread == {(proc.pid, tid, NR["getppid"]): 200 + t for t, tid in enumerate(tids)}


@pytest.mark.parametrize("follow", [False, True])
def test_cgroup_with_a_command_follows_children_only_with_f(tmp_path: Path, cgroup: Path,
                                                            targets: Path, follow: bool) -> None:
    # The command moves itself into the cgroup, then forks three children and grandchildren:
    # they are in the cgroup too, but children of a command are traced only with -f.
    log = tmp_path / "t.log"
    script = f'echo $$ > {cgroup}/cgroup.procs && exec "$0" tree'
    result = run_observer("--cgroup", str(cgroup), *(["-f"] if follow else []), "-s", "getppid",
                          "-o", str(log), "--", "sh", "-c", script, str(targets))
    assert result.returncode == 0, result.stderr
    # tree: the parent 10 getppid, children 21-23, grandchildren 31-33.
    assert counts(read_log(log)) == {NR["getppid"]: 10 + (21 + 22 + 23 + 31 + 32 + 33) * follow}


def test_cgroup_traces_a_child_cloned_into_it_from_outside(
        tmp_path: Path, cgroup: Path, targets: Path) -> None:
    log = tmp_path / "t.log"
    with Observer("--cgroup", str(cgroup), "-s", "getppid", "-o", str(log)) as obs:
        # The parent calls before and after; clone3 puts its child in the cgroup at birth.
        result = subprocess.run([str(targets), "clone-into", str(cgroup), "55"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert obs.stop() == 0, obs.stderr
    child = int(result.stdout.split()[1])
    lines = read_log(log)
    assert {line.pid for line in lines} == {child}
    assert counts(lines) == {NR["getppid"]: 55}


def test_records_carry_the_cgroup_id_and_path(tmp_path: Path, cgroup: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    nested = cgroup / "inner"
    nested.mkdir()
    where = {os.stat(path).st_ino: "/" + str(path.relative_to(mount()))
             for path in (cgroup, nested)}
    jsonl, parquet = tmp_path / "t.jsonl", tmp_path / "t.parquet"
    # The same workloads twice: into jsonl, then into Parquet (the Arrow batches).
    for out, fmt in ((jsonl, "jsonl"), (parquet, "parquet")):
        families = (start_family(30, 20, cgroup), start_family(12, 0, nested))
        ((first, child), (second, _)), _ = trace_families(
            out, "--cgroup", str(cgroup), "--format", fmt, procs=families)
        table = observer.read_table(out) if fmt == "jsonl" else pq.read_table(out)
        rows = table.select(["pid", "cgroup_id", "cgroup"]).to_pylist()
        outer, inner = os.stat(cgroup).st_ino, os.stat(nested).st_ino
        assert {(r["pid"], r["cgroup_id"], r["cgroup"]) for r in rows} == {
            (first, outer, where[outer]), (child, outer, where[outer]),
            (second, inner, where[inner])}
        assert table.schema.field("cgroup").type == pa.dictionary(pa.int32(), pa.string())
    # jsonl names each cgroup once, on a line of its own before its first record.
    lines = [json.loads(line) for line in jsonl.read_text().splitlines()]
    named = {line["cgroup_id"]: (i, line["cgroup"]) for i, line in enumerate(lines)
             if line.get("kind") == "cgroup"}
    assert {i: path for i, (_, path) in named.items()} == where
    calls = [(i, line) for i, line in enumerate(lines) if "nr" in line]
    assert len(calls) == 30 + 20 + 12
    assert all(named[line["cgroup_id"]][0] < i for i, line in calls)


def test_cgroup_relative_to_the_mount_and_a_descendant(tmp_path: Path, cgroup: Path) -> None:
    nested = cgroup / "inner"
    nested.mkdir()
    log = tmp_path / "t.log"
    # The parent cgroup, named relative to the v2 mount, includes the nested one.
    ((parent, _),), _ = trace_families(log, "--cgroup", cgroup.name,
                                       procs=(start_family(120, 0, nested),))
    assert counts(read_log(log)) == {NR["getppid"]: 120}
    assert {line.pid for line in read_log(log)} == {parent}


def test_container_id_prefix_finds_the_runtime_cgroup(tmp_path: Path, cgroup: Path) -> None:
    container_id = secrets.token_hex(32)
    scope = cgroup / f"docker-{container_id}.scope"
    scope.mkdir()
    found = _cgroups.container_cgroup(container_id[:12])
    assert found.path == scope and found.id == os.stat(scope).st_ino
    assert found.level == len(scope.relative_to(mount()).parts)
    log = tmp_path / "t.log"
    trace_families(log, "--container", container_id[:8], procs=(start_family(77, 0, scope),))
    assert counts(read_log(log)) == {NR["getppid"]: 77}


@pytest.mark.parametrize(("args", "message"), [
    (["--cgroup", "/no/such/cgroup"], "not inside the cgroup v2 hierarchy"),
    (["--cgroup", "observer-no-such-cgroup"], "no such cgroup v2 directory"),
    (["--container", "zz"], "expected 4 to 64 hex digits"),
    (["--container", "abcdef0123"], "no container cgroup with that id"),
    (["--cgroup", "x", "--unit", "y.service"], "give one of --cgroup and --unit"),
    (["--user", "no-such-user-here"], "unknown user 'no-such-user-here'"),
    (["--user", "nobody", "--uid", "3"], "give --user or --uid, not both"),
])
def test_bad_cgroup_and_user_options_are_one_line_usage_errors(args: list[str],
                                                               message: str) -> None:
    result = run_observer(*args, "-d", "1", "-o", "/dev/null")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("observer: error: ") and message in line


def test_unit_without_systemd_says_so() -> None:
    if Path("/run/systemd/system").is_dir():
        pytest.skip("systemd runs here: the unit would be looked up")
    result = run_observer("--unit", "nginx.service", "-d", "1", "-o", "/dev/null")
    assert result.returncode == 2
    assert result.stderr.strip() == ("observer: error: --unit nginx.service: systemd is not "
                                     "running here; give the cgroup with --cgroup PATH")


def test_uid_traces_only_that_users_syscalls(tmp_path: Path) -> None:
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed")
    log = tmp_path / "t.log"
    as_nobody = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
    ((parent, child), _), stderr = trace_families(
        log, "--user", "nobody", procs=(start_family(90, 10, prefix=as_nobody), start_family(60, 5)))
    lines = read_log(log)
    assert {line.pid for line in lines} == {parent, child}
    assert counts(lines) == {NR["getppid"]: 100}
    assert "as uid 65534" in stderr
