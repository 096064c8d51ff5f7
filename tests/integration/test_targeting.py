"""Targeting end to end: fork following, all threads, program names, exits and pid reuse.

The workloads (workloads/targets.c) give every process and thread a count of a rare syscall
that no other one makes, so the default log (pid:nr:comm) shows whose records are whose.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import IO, Any, Iterator

import pytest

import observer
import observer.syscalls

from .helpers import (NR, LogLine, Observer, Workload, counts, log_so_far, read_log,
                      run_observer, wait_until)

pytestmark = pytest.mark.bpf

GETPPID = NR["getppid"]
EXIT_GROUP = NR["exit_group"]
SET_ROBUST_LIST = observer.syscalls.number("set_robust_list")
#: Thread i of "targets threads" calls THREAD_SYSCALLS[i] 41 + i times.
THREAD_SYSCALLS = [observer.syscalls.number(name)
                   for name in ("getppid", "getsid", "getpgid", "getpriority")]
THREAD_COUNTS = {nr: 41 + i for i, nr in enumerate(THREAD_SYSCALLS)}
TREE_COUNTS = {"parent": 10, "child1": 21, "child2": 22, "child3": 23,
               "grandchild1": 31, "grandchild2": 32, "grandchild3": 33}
#: Longer than a comm (15 bytes); the decoys share its first 15 bytes or are its prefixes.
NAME = "observer_target_long_name"
DECOYS = ("observer_target_long_nam", "observer_target_long_name2", "observer_target_other")


@pytest.fixture(scope="module")
def programs(targets: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Copies of the workload under NAME, the decoy names and a wrapper name."""
    bindir = tmp_path_factory.mktemp("named")
    copies = {}
    for name in (NAME, *DECOYS, "observer_wrapper_prog", "observer_unrelated"):
        copies[name] = bindir / name
        shutil.copy(targets, copies[name])
    return copies


class Target:
    """A workload process with its stdin (the gate) and stdout (its announcements) piped."""

    def __init__(self, *argv: str | Path) -> None:
        self.proc = subprocess.Popen([str(a) for a in argv], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.pid = self.proc.pid

    def release(self, n: int = 1, close: bool = False) -> None:
        stdin: IO[str] | None = self.proc.stdin
        assert stdin is not None
        stdin.write("x" * n)
        stdin.flush()
        if close:
            stdin.close()

    def announcement(self) -> tuple[str, int]:
        assert self.proc.stdout is not None
        role, pid = self.proc.stdout.readline().split()
        return role, int(pid)

    def finish(self) -> dict[str, int]:
        """Waits for the process; returns every role it and its children announced."""
        assert self.proc.stdout is not None
        out = self.proc.stdout.read()
        self.proc.wait(60)
        return roles_from(out)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(60)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None and not pipe.closed:
                try:
                    pipe.close()
                except BrokenPipeError:
                    pass


@pytest.fixture
def spawn() -> Iterator[Any]:
    started: list[Target] = []

    def start(*argv: str | Path) -> Target:
        started.append(Target(*argv))
        return started[-1]

    yield start
    for target in started:
        target.kill()


def roles_from(stdout: str) -> dict[str, int]:
    return {role: int(pid) for role, pid in (line.split() for line in stdout.splitlines())}


def after_exec(lines: list[LogLine]) -> list[LogLine]:
    """Drops what a ``-- CMD`` child did before its exec, under the launcher's name (it checks
    getppid(), and is traced from there if it runs late enough)."""
    return [line for line in lines if line.comm != Workload.comm]


def getppid_by_pid(lines: list[LogLine]) -> dict[int, int]:
    return dict(Counter(line.pid for line in lines if line.nr == GETPPID))


# Fork following ---------------------------------------------------------------------------

def test_follow_captures_the_fork_tree_each_process_under_its_own_pid(
        targets: Path, tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    result = run_observer("-f", "-o", str(log), "--", str(targets), "tree")
    assert result.returncode == 0, result.stderr
    roles = roles_from(result.stdout)
    assert set(roles) == set(TREE_COUNTS) and len(set(roles.values())) == 7
    lines = after_exec(read_log(log))
    assert getppid_by_pid(lines) == {roles[r]: n for r, n in TREE_COUNTS.items()}
    for role, pid in roles.items():
        mine = [line.nr for line in lines if line.pid == pid]
        assert mine[-1] == EXIT_GROUP and mine.count(EXIT_GROUP) == 1, role
        if role != "parent":
            # Traced from its very first syscall: glibc's fork child starts with set_robust_list.
            assert mine[0] == SET_ROBUST_LIST, role
    assert {line.pid for line in lines} == set(roles.values())
    assert ", 0 lost" in result.stderr


def test_ff_writes_the_formatters_files_while_tracing(targets: Path, tmp_path: Path) -> None:
    out = tmp_path / "split"
    result = run_observer("-ff", "-s", "getppid,exit_group", "-o", str(out), "--",
                          str(targets), "tree")
    assert result.returncode == 0, result.stderr
    roles = roles_from(result.stdout)
    # Exactly one file per process, the formatter's name and layout: numbers, a newline.
    expected = {f"targets:{roles[role]}.log": " ".join([str(GETPPID)] * n + [str(EXIT_GROUP)])
                + "\n" for role, n in TREE_COUNTS.items()}
    got = {p.name: p.read_text() for p in out.iterdir()}
    assert got == expected
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.iterdir())
    # The formatter's reader takes them as its own.
    assert {key: len(seq) for key, seq in observer.read_split_dir(out).items()} == {
        ("targets", roles[role]): n + 1 for role, n in TREE_COUNTS.items()}


def test_ff_with_jsonl_writes_file_dot_pid(targets: Path, tmp_path: Path) -> None:
    import json

    base = tmp_path / "trace.jsonl"
    result = run_observer("-ff", "--format", "jsonl", "-s", "getppid", "-o", str(base), "--",
                          str(targets), "tree")
    assert result.returncode == 0, result.stderr
    roles = roles_from(result.stdout)
    files = {p.name: [json.loads(line) for line in p.read_text().splitlines()]
             for p in tmp_path.iterdir() if p.name.startswith("trace.jsonl.")}
    assert set(files) == {f"trace.jsonl.{pid}" for pid in roles.values()}
    for role, pid in roles.items():
        lines = files[f"trace.jsonl.{pid}"]
        records = [r for r in lines if "kind" not in r]
        assert {r["tgid"] for r in records} == {pid}
        assert sum(r.get("syscall") == "getppid" for r in records) == TREE_COUNTS[role]
        # Each file names the cgroup of its records itself, before them.
        assert lines[0]["kind"] == "cgroup" and lines[0]["cgroup_id"] == records[0]["cgroup_id"]


def test_ff_needs_an_output_and_keeps_the_lru_files_whole(targets: Path, tmp_path: Path) -> None:
    result = run_observer("-ff", "--", "true")
    assert result.returncode == 2 and "give -o FILE" in result.stderr
    # More processes than files kept open (256): closed ones are reopened to append.
    out = tmp_path / "many"
    result = run_observer("-ff", "-s", "getppid", "-o", str(out), "--", str(targets),
                          "forkmany", "300", timeout=300)
    assert result.returncode == 0, result.stderr
    children = [line.split() for line in result.stdout.splitlines() if line.startswith("child")]
    assert len(children) == 300
    got = {p.name: p.read_text() for p in out.iterdir()}
    for _, pid, count in children:
        assert got.pop(f"targets:{pid}.log") == " ".join([str(GETPPID)] * int(count)) + "\n"
    assert got == {}


def test_without_follow_only_the_parent_is_traced(targets: Path, tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    result = run_observer("-o", str(log), "--", str(targets), "tree")
    assert result.returncode == 0, result.stderr
    roles = roles_from(result.stdout)
    lines = after_exec(read_log(log))
    assert {line.pid for line in lines} == {roles["parent"]}
    assert getppid_by_pid(lines) == {roles["parent"]: 10}


def test_follow_with_pid_traces_children_forked_after_attach(
        targets: Path, tmp_path: Path, spawn: Any) -> None:
    log = tmp_path / "t.log"
    tree = spawn(targets, "--wait", "tree")
    obs = Observer("-f", "-p", str(tree.pid), "-s", "getppid,exit_group", "-o", str(log)).start()
    tree.release(close=True)
    roles = tree.finish()
    # Ends by itself once the whole tree has exited.
    assert obs.wait() == 0, obs.stderr
    lines = read_log(log)
    assert roles["parent"] == tree.pid
    assert getppid_by_pid(lines) == {roles[r]: n for r, n in TREE_COUNTS.items()}
    assert counts(lines)[EXIT_GROUP] == 7


def test_tracer_waits_for_a_followed_child_that_outlives_its_parent(
        targets: Path, tmp_path: Path, spawn: Any) -> None:
    log = tmp_path / "t.log"
    parent = spawn(targets, "--wait", "orphan", "29")
    obs = Observer("-f", "-p", str(parent.pid), "-s", "getppid", "-o", str(log)).start()
    parent.release()
    assert parent.announcement() == ("parent", parent.pid)
    _, child = parent.announcement()
    # Reaped, so its exit hook has run: from here a tracer that waited for the parent alone
    # finds nothing left to trace at its next poll, and stops.
    assert parent.proc.wait(30) == 0
    parent.release()
    # The poll that wrote the child's first calls, all made after that exit, read the
    # counters after them: such a tracer is detached from then on.
    wait_until(lambda: getppid_by_pid(log_so_far(log)) == {child: 29},
               "the child's first 29 getppid are written")
    parent.release(close=True)
    assert obs.wait() == 0, obs.stderr
    # The calls made after that poll are there too: the tracer kept tracing the child.
    assert getppid_by_pid(read_log(log)) == {child: 58}


def test_followed_children_leave_the_traced_map_when_they_exit(
        targets: Path, spawn: Any) -> None:
    from observer import _core

    parent = spawn(targets, "--wait", "orphan", "5")
    spec = _core.Spec()
    spec.pids = [parent.pid]
    spec.follow = True
    spec.syscalls = [GETPPID]
    tracer = _core.Tracer(spec)
    sink = _core.BatchSink()
    tracer.attach()
    try:
        parent.release()
        parent.announcement()
        _, child = parent.announcement()
        # Reaped, so its exit hook has run: only the child is left, and it keeps the run alive.
        assert parent.proc.wait(30) == 0
        assert not tracer.traced(parent.pid) and tracer.traced(child)
        assert tracer.counters().traced_alive == 1 and tracer.traced_count() == 1
        parent.release(2, close=True)

        def child_gone() -> bool:
            tracer.poll(sink, 100)
            return tracer.counters().traced_alive == 0

        wait_until(child_gone, "the child has exited")
        assert tracer.traced_count() == 0 and not tracer.traced(child)
    finally:
        tracer.detach()
    tracer.drain(sink)
    records = sink.take()
    assert Counter(records["tgid"].tolist()) == {child: 10}


# Threads ----------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["join", "leader-first", "group-exit"])
def test_pid_traces_every_thread(mode: str, targets: Path, tmp_path: Path, spawn: Any) -> None:
    log = tmp_path / "t.log"
    proc = spawn(targets, "threads", mode)
    assert proc.announcement() == ("leader", proc.pid)
    names = ",".join(observer.syscalls.name(nr) or "" for nr in THREAD_SYSCALLS)
    obs = Observer("-p", str(proc.pid), "-s", f"{names},exit_group", "-o", str(log)).start()
    proc.release(4, close=True)
    assert proc.proc.wait(30) == 0
    assert obs.wait() == 0, obs.stderr
    lines = read_log(log)
    # The log carries the process id: every thread's records are under the leader's pid.
    assert {line.pid for line in lines} == {proc.pid}
    got = counts(lines)
    assert {nr: got[nr] for nr in THREAD_SYSCALLS} == THREAD_COUNTS
    # Also with leader-first: glibc ends the process with exit_group when its last thread returns.
    assert got[EXIT_GROUP] == 1


def test_tid_log_gives_each_thread_its_own_records(targets: Path, tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    names = ",".join(observer.syscalls.name(nr) or "" for nr in THREAD_SYSCALLS)
    # Each thread waits for a byte of stdin.
    result = subprocess.run([sys.executable, "-m", "observer", "--tid", "-s", names, "-o",
                             str(log), "--", str(targets), "threads", "join"], input="xxxx",
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    text = log.read_text().splitlines()
    assert text[0] == "# pid:tid:syscall_id:comm"
    per_thread: dict[int, Counter[int]] = defaultdict(Counter)
    pids = set()
    for line in text[1:]:
        pid, tid, nr, _ = line.split(":", 3)
        pids.add(int(pid))
        per_thread[int(tid)][int(nr)] += 1
    # Thread i made THREAD_SYSCALLS[i] 41 + i times, and nothing else of them.
    assert len(pids) == 1 and len(per_thread) == 4
    assert sorted(tuple(c.items()) for c in per_thread.values()) == sorted(
        ((nr, n),) for nr, n in THREAD_COUNTS.items())
    # read_log and the formatter take the same file.
    frame = observer.read_log(log)
    assert frame.attrs["malformed"] == 0 and list(frame.columns[:2]) == ["pid", "tid"]
    assert frame.groupby("tid").size().sort_values().tolist() == sorted(THREAD_COUNTS.values())
    out = tmp_path / "split"
    split = subprocess.run([sys.executable, "-m", "observer.formatter", str(log), "-o", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert split.returncode == 0 and "malformed" not in split.stderr, split.stderr
    (only,) = observer.read_split_dir(out).values()
    assert len(only) == sum(THREAD_COUNTS.values())


def _trace_threads(mode: str, targets: Path, spawn: Any) -> tuple[Any, Any, Any, Any]:
    from observer import _core

    proc = spawn(targets, "threads", mode)
    assert proc.announcement() == ("leader", proc.pid)
    spec = _core.Spec()
    spec.pids = [proc.pid]
    spec.syscalls = THREAD_SYSCALLS
    tracer = _core.Tracer(spec)
    tracer.attach()
    return proc, tracer, _core.BatchSink(), _core


def _task_count(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/task"))
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("mode", ["join", "leader-first", "group-exit"])
def test_process_leaves_the_traced_map_exactly_when_its_last_thread_exits(
        mode: str, targets: Path, spawn: Any) -> None:
    proc, tracer, sink, _ = _trace_threads(mode, targets, spawn)
    try:
        if mode == "leader-first":
            # The leader is a zombie while its threads run: the process is still alive.
            wait_until(lambda: "Z" in Path(f"/proc/{proc.pid}/stat").read_text().split(")")[1],
                       "the leader has exited")
            proc.release(3)
            wait_until(lambda: _task_count(proc.pid) == 2, "three threads have exited")
            assert tracer.traced(proc.pid) and tracer.counters().traced_alive == 1
            proc.release(1, close=True)
        else:
            proc.release(4, close=True)
        assert proc.proc.wait(30) == 0
        # wait() returns after the last thread's exit hook has run.
        assert not tracer.traced(proc.pid)
        assert tracer.counters().traced_alive == 0 and tracer.traced_count() == 0
    finally:
        tracer.detach()
    tracer.drain(sink)
    records = sink.take()
    assert set(records["tgid"].tolist()) == {proc.pid}
    # The records carry the thread id: four threads, none of them the leader, one syscall each.
    per_tid: dict[int, Counter[int]] = defaultdict(Counter)
    for tid, nr in zip(records["tid"].tolist(), records["nr"].tolist()):
        per_tid[tid][nr] += 1
    assert len(per_tid) == 4 and proc.pid not in per_tid
    assert sorted(tuple(c.items()) for c in per_tid.values()) == sorted(
        ((nr, n),) for nr, n in THREAD_COUNTS.items())


# Program names ----------------------------------------------------------------------------

def test_comm_traces_a_long_name_started_later_and_no_similar_name(
        programs: dict[str, Path], tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    obs = Observer("-n", NAME, "-s", "getppid,exit_group", "-o", str(log)).start()
    try:
        named = subprocess.run([programs[NAME], "count", "17"], timeout=30)
        decoys = [subprocess.Popen([programs[d], "count", str(18 + i)])
                  for i, d in enumerate(DECOYS)]
        assert named.returncode == 0 and all(d.wait(30) == 0 for d in decoys)
    finally:
        assert obs.stop() == 0, obs.stderr
    lines = read_log(log)
    pids = {line.pid for line in lines}
    assert len(pids) == 1 and not pids & {d.pid for d in decoys}
    assert getppid_by_pid(lines) == {pids.pop(): 17}
    assert counts(lines)[EXIT_GROUP] == 1
    assert {line.comm for line in lines} == {NAME[:15]}


def test_comm_traces_a_program_that_execs_into_name_from_its_exec(
        programs: dict[str, Path], tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    obs = Observer("-n", NAME, "-o", str(log)).start()
    try:
        wrapper = subprocess.run([programs["observer_wrapper_prog"], "exec", "3",
                                  programs[NAME], NAME, "count", "17"], timeout=30)
        assert wrapper.returncode == 0
    finally:
        assert obs.stop() == 0, obs.stderr
    lines = read_log(log)
    # Nothing from before the exec (3 getppid), everything after it, under the new name.
    assert getppid_by_pid(lines) == {lines[0].pid: 17}
    assert {line.comm for line in lines} == {NAME[:15]}
    assert lines[-1].nr == EXIT_GROUP


def test_traced_process_stays_traced_across_exec_and_formatter_splits_the_images(
        programs: dict[str, Path], tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    result = run_observer("-s", "getppid", "-o", str(log), "--", str(programs["observer_wrapper_prog"]),
                          "exec", "3", str(programs[NAME]), NAME, "count", "17")
    assert result.returncode == 0, result.stderr
    lines = after_exec(read_log(log))
    assert [line.comm for line in lines] == ["observer_wrappe"] * 3 + [NAME[:15]] * 17
    pid = lines[0].pid
    assert {line.pid for line in lines} == {pid}
    out = tmp_path / "split"
    split = subprocess.run([sys.executable, "-m", "observer.formatter", str(log), "-o", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert split.returncode == 0, split.stderr
    files = {p.name: p.read_text().split() for p in out.iterdir()
             if not p.name.startswith(f"{Workload.comm}:")}
    assert files == {f"observer_wrappe:{pid}.log": [str(GETPPID)] * 3,
                     f"{NAME[:15]}:{pid}.log": [str(GETPPID)] * 17}


def test_comm_traces_a_program_behind_a_path_longer_than_256_bytes(
        targets: Path, tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["d" * 60] * 5)  # over 300 bytes of directories
    deep.mkdir(parents=True)
    program = deep / NAME
    shutil.copy(targets, program)
    assert len(os.fsencode(program)) > 256
    log = tmp_path / "t.log"
    obs = Observer("-n", NAME, "-s", "getppid", "-o", str(log)).start()
    try:
        assert subprocess.run([program, "count", "13"], timeout=30).returncode == 0
    finally:
        assert obs.stop() == 0, obs.stderr
    assert list(getppid_by_pid(read_log(log)).values()) == [13]


def test_comm_traces_a_program_run_through_fexecve(programs: dict[str, Path],
                                                   tmp_path: Path) -> None:
    # fexecve(fd): the kernel's path is /dev/fd/N; the file it runs is still NAME.
    log = tmp_path / "t.log"
    code = (f"import os; fd = os.open({str(programs[NAME])!r}, os.O_RDONLY); "
            f"os.execve(fd, [{NAME!r}, 'count', '14'], {{}})")
    obs = Observer("-n", NAME, "-s", "getppid", "-o", str(log)).start()
    try:
        assert subprocess.run([sys.executable, "-c", code], timeout=30).returncode == 0
    finally:
        assert obs.stop() == 0, obs.stderr
    assert list(getppid_by_pid(read_log(log)).values()) == [14]


def test_an_invalid_syscall_number_is_recorded_and_read_back(tmp_path: Path) -> None:
    # syscall(-1) reaches sys_enter as nr -1: the log says so and every reader takes it.
    log = tmp_path / "t.log"
    code = "import ctypes; libc = ctypes.CDLL(None); libc.syscall(-1); libc.syscall(-1)"
    result = run_observer("-o", str(log), "--", sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert sum(line.nr == -1 for line in read_log(log)) == 2
    frame = observer.read_log(log)
    assert frame.attrs["malformed"] == 0 and (frame["nr"] == -1).sum() == 2
    out = tmp_path / "split"
    split = subprocess.run([sys.executable, "-m", "observer.formatter", str(log), "-o", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert split.returncode == 0 and "malformed" not in split.stderr, split.stderr
    sequences = observer.read_split_dir(out)
    assert sum(int((seq == -1).sum()) for seq in sequences.values()) == 2


def test_comm_also_traces_processes_already_running_under_the_name(
        programs: dict[str, Path], tmp_path: Path, spawn: Any) -> None:
    # Running before observer starts: two under NAME (one by its comm only: the copy's file
    # name is NAME, so both match), and a decoy that must stay untraced.
    log = tmp_path / "t.log"
    early = [spawn(programs[NAME], "--wait", "count", str(n)) for n in (9, 10)]
    decoy = spawn(programs[DECOYS[1]], "--wait", "count", "8")
    obs = Observer("-n", NAME, "-s", "getppid", "-o", str(log)).start()
    try:
        for target in (*early, decoy):
            target.release(close=True)
            assert target.proc.wait(30) == 0
        later = subprocess.run([programs[NAME], "count", "11"], timeout=30)
        assert later.returncode == 0
    finally:
        assert obs.stop() == 0, obs.stderr
    got = getppid_by_pid(read_log(log))
    assert {early[0].pid: 9, early[1].pid: 10}.items() <= got.items()
    assert decoy.pid not in got and sorted(got.values()) == [9, 10, 11]


def named_tracer() -> Any:
    """The compiled core's tracer of -n NAME -s getppid, attached."""
    from observer import _core

    spec = _core.Spec()
    spec.comms = [NAME]
    spec.syscalls = [GETPPID]
    tracer = _core.Tracer(spec)
    tracer.attach()
    return tracer


def test_the_scan_of_running_processes_counts_each_once(programs: dict[str, Path],
                                                        spawn: Any) -> None:
    # The scan runs after the exec hook is attached; the map's insert-if-absent keeps a
    # process from being counted twice, and one that ends is counted out exactly once.
    from observer import _session

    running = [spawn(programs[NAME], "--wait", "count", "1") for _ in range(3)]
    tracer = named_tracer()
    try:
        assert _session.add_running(tracer, [NAME]) == 3
        assert _session.add_running(tracer, [NAME]) == 0  # already traced: not again
        assert tracer.traced_count() == 3 and tracer.counters().traced_alive == 3
        assert all(tracer.traced(p.pid) for p in running)
        for target in running:
            target.release(close=True)
            assert target.proc.wait(30) == 0
        assert tracer.traced_count() == 0 and tracer.counters().traced_alive == 0
    finally:
        tracer.detach()


def test_comm_entries_leave_the_map_when_the_process_exits(
        programs: dict[str, Path], spawn: Any) -> None:
    tracer = named_tracer()
    try:
        running = [spawn(programs[NAME], "--wait", "count", "1") for _ in range(3)]
        decoy = spawn(programs[DECOYS[0]], "--wait", "count", "1")
        # The gate read comes after the exec: by the time each blocks, it is decided.
        wait_until(lambda: tracer.traced_count() == 3, "three named processes are traced")
        assert all(tracer.traced(p.pid) for p in running) and not tracer.traced(decoy.pid)
        for target in (*running, decoy):
            target.release(close=True)
            assert target.proc.wait(30) == 0
        assert tracer.traced_count() == 0 and tracer.counters().traced_alive == 0
    finally:
        tracer.detach()


def _force_pid(pid: int, argv: list[str]) -> subprocess.Popen[bytes] | None:
    """Start argv as pid, via ns_last_pid (CAP_SYS_ADMIN); None if another fork took it."""
    for _ in range(50):
        Path("/proc/sys/kernel/ns_last_pid").write_text(str(pid - 1))
        proc = subprocess.Popen(argv)
        if proc.pid == pid:
            return proc
        proc.wait(30)
    return None


@pytest.mark.skipif(not os.access("/proc/sys/kernel/ns_last_pid", os.W_OK),
                    reason="needs a writable /proc/sys/kernel/ns_last_pid to reuse a pid")
def test_a_reused_pid_inherits_no_decision(programs: dict[str, Path], tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    obs = Observer("-n", NAME, "-s", "getppid", "-o", str(log)).start()
    try:
        named = subprocess.Popen([programs[NAME], "count", "17"])
        assert named.wait(30) == 0
        reused = _force_pid(named.pid, [str(programs["observer_unrelated"]), "count", "23"])
        if reused is None:
            pytest.skip("other processes kept taking the pid")
        assert reused.wait(30) == 0
    finally:
        assert obs.stop() == 0, obs.stderr
    lines = read_log(log)
    assert getppid_by_pid(lines) == {named.pid: 17}
    assert {line.comm for line in lines} == {NAME[:15]}


# Errors and scale -------------------------------------------------------------------------

def test_missing_pid_is_one_clear_line_before_anything_is_attached(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    pid = int(Path("/proc/sys/kernel/pid_max").read_text()) + 7
    result = run_observer("-p", str(pid), "-o", str(log))
    assert result.returncode == 2
    assert result.stderr == f"observer: error: no process with pid {pid}\n"
    assert not log.exists()


def test_pid_of_a_zombie_is_refused_instead_of_waited_for(
        targets: Path, tmp_path: Path) -> None:
    zombie = subprocess.Popen([str(targets), "count", "0"])
    try:
        wait_until(lambda: Path(f"/proc/{zombie.pid}/stat").read_text().split(")")[1].split()[0]
                   == "Z", "the process is a zombie")
        result = run_observer("-p", str(zombie.pid), "-o", str(tmp_path / "t.log"))
        assert result.returncode == 2
        assert result.stderr == f"observer: error: process {zombie.pid} has already exited\n"
    finally:
        zombie.wait(30)


def test_follow_counts_20000_short_lived_processes_exactly(
        targets: Path, tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    n = 20_000
    result = run_observer("-f", "-o", str(log), "--", str(targets), "forkmany", str(n),
                          timeout=600)
    assert result.returncode == 0, result.stderr
    # pid_max may be small enough for pids to be reused: compare per pid, in order.
    expected: dict[int, list[int]] = defaultdict(list)
    for line in result.stdout.splitlines():
        _, pid, k = line.split()
        expected[int(pid)].append(int(k))
    assert sum(map(len, expected.values())) == n
    lines = read_log(log)
    parent = lines[0].pid
    got: dict[int, list[int]] = defaultdict(list)
    current: dict[int, list[int]] = defaultdict(list)
    for line in lines:
        if line.pid == parent:
            continue
        current[line.pid].append(line.nr)
        if line.nr == EXIT_GROUP:
            seq = current.pop(line.pid)
            k = len(seq) - 2
            assert seq == [SET_ROBUST_LIST] + [GETPPID] * k + [EXIT_GROUP], line.pid
            got[line.pid].append(k)
    assert not current
    assert got == expected
    assert ", 0 lost" in result.stderr
