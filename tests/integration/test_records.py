"""Complete records against the real kernel: strace as the oracle, strings, -c, -Z, JSON Lines."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import observer.syscall_classes
import observer.syscalls
from observer import _cgroups

from .helpers import compile_c, run_observer

pytestmark = pytest.mark.bpf

LIMIT = 64  # --string-limit of these tests: the long path below exceeds it

# A fixed sequence of file, process and memory syscalls. argv[1] is a scratch directory.
# "count N" calls getppid N times and fails chdir() N times, for the -c test.
PROGRAM = r"""
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  char path[512], moved[512], sub[512], lng[512], buf[16];
  if (argc > 2 && strcmp(argv[1], "count") == 0) {
    long n = atol(argv[2]);
    for (long i = 0; i < n; i++) getppid();
    for (long i = 0; i < n; i++) chdir("/nonexistent/observer-count");
    return 0;
  }
  snprintf(path, sizeof path, "%s/data.txt", argv[1]);
  snprintf(moved, sizeof moved, "%s/moved.txt", argv[1]);
  snprintf(sub, sizeof sub, "%s/sub", argv[1]);
  snprintf(lng, sizeof lng, "%s/%0300d", argv[1], 7);
  int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  write(fd, "hello\n", 6);
  close(fd);
  fd = open(path, O_RDONLY);
  read(fd, buf, sizeof buf);
  lseek(fd, 0, SEEK_SET);
  close(fd);
  struct stat st;
  stat(path, &st);
  access("/nonexistent/observer-test", F_OK);
  open(lng, O_RDONLY);
  mkdir(sub, 0755);
  rmdir(sub);
  rename(path, moved);
  unlink(moved);
  void *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(p, 4096, PROT_READ);
  munmap(p, 8192);
  pid_t child = fork();
  if (child == 0) {
    getppid();
    _exit(3);
  }
  waitpid(child, NULL, 0);
  getpid();
  return 0;
}
"""

# Results that differ from run to run (addresses, pids): only success or errno is compared.
UNSTABLE = {"mmap", "brk", "mremap", "clone", "clone3", "fork", "vfork", "wait4", "waitid",
            "getpid", "getppid", "gettid", "set_tid_address"}

Call = tuple[str, str]


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_c(tmp_path_factory.mktemp("prog"), PROGRAM)


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A directory with a short path, so that the paths the program uses fit LIMIT."""
    path = Path(tempfile.mkdtemp(prefix="obs", dir="/tmp"))
    yield path
    shutil.rmtree(path)


def normalize(name: str, ret: str) -> Call:
    if ret in ("?", "None"):
        return name, "?"
    if not re.fullmatch(r"-?(0x[0-9a-f]+|\d+)", ret):
        return name, ret  # an errno name
    value = int(ret, 0)
    if name in UNSTABLE:
        return name, "ok"
    return name, str(value)


def by_thread(rows: Iterable[tuple[int, str, str]]) -> list[list[Call]]:
    """Per-thread call sequences, threads in order of first appearance."""
    threads: dict[int, list[Call]] = {}
    for tid, name, ret in rows:
        threads.setdefault(tid, []).append(normalize(name, ret))
    return list(threads.values())


def strace_calls(argv: list[str], tmp: Path) -> list[list[Call]]:
    out = tmp / "strace.txt"
    # Pipes, as under run_observer: glibc's stdio asks isatty() only of character devices.
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=all", "-o", str(out), *argv],
                   check=True, capture_output=True)
    rows = []
    unfinished: dict[int, str] = {}
    for line in out.read_text().splitlines():
        m = re.match(r"(\d+) +(.*)", line)
        assert m, line
        tid, rest = int(m.group(1)), m.group(2)
        if rest.startswith("---") or rest.startswith("+++"):
            continue
        if rest.endswith("<unfinished ...>"):
            unfinished[tid] = rest.split("(", 1)[0]
            continue
        resumed = re.match(r"<\.\.\. (\w+) resumed>", rest)
        name = resumed.group(1) if resumed else rest.split("(", 1)[0]
        unfinished.pop(tid, None)
        ret = rest.rsplit(" = ", 1)[1].split()
        rows.append((tid, name, ret[1] if ret[0] == "-1" and len(ret) > 1 else ret[0]))
    return by_thread(rows)


def observer_records(args: list[str], argv: list[str], tmp: Path) -> list[dict[str, Any]]:
    out = tmp / "observer.jsonl"
    result = run_observer("-q", "-f", "--format", "jsonl", "-o", str(out), *args, "--", *argv)
    assert result.returncode == 0, result.stderr
    # Syscalls only: process exits are records of their own kind.
    return [r for r in map(json.loads, out.read_text().splitlines()) if "kind" not in r]


def test_process_exits_are_records_in_jsonl_and_strace_lines(tmp_path: Path) -> None:
    script = "sleep 30 & child=$!; echo $child; kill -9 $child; wait $child; exit 3"
    out = tmp_path / "t.jsonl"
    result = run_observer("-q", "-f", "--format", "jsonl", "-o", str(out), "--", "sh", "-c",
                          script)
    assert result.returncode == 3, result.stderr
    child = int(result.stdout)
    kinds = [r for r in map(json.loads, out.read_text().splitlines()) if "kind" in r]
    exits = [r for r in kinds if r["kind"] == "exit"]
    assert {r["signal"] for r in kinds if r["kind"] == "signal"} == {"SIGCHLD"}
    by_pid = {r["tgid"]: r for r in exits}
    assert len(exits) == 2 and child in by_pid
    assert by_pid[child]["signal"] == "SIGKILL" and "exit_code" not in by_pid[child]
    (shell,) = [r for pid, r in by_pid.items() if pid != child]
    assert shell["exit_code"] == 3 and shell["status"] == 3 << 8
    text = tmp_path / "t.txt"
    result = run_observer("-q", "-f", "--format", "strace", "-o", str(text), "--", "sh", "-c",
                          script)
    child = int(result.stdout)
    lines = text.read_text().splitlines()
    assert f"{child:<5} +++ killed by SIGKILL +++" in lines
    assert lines[-1].endswith(" +++ exited with 3 +++")
    # The shell is told of its child's end: strace's signal line, in the kernel's words.
    assert any(re.fullmatch(rf"\d+ +--- SIGCHLD \{{si_signo=SIGCHLD, si_code=CLD_KILLED, "
                            rf"si_pid={child}, si_uid=0, si_status=SIGKILL, si_utime=\d+, "
                            rf"si_stime=\d+\}} ---", line) for line in lines), lines[-8:]


def observer_calls(argv: list[str], tmp: Path) -> list[list[Call]]:
    records = observer_records([], argv, tmp)
    rows = [(r["tid"], r["syscall"], r["error"] or str(r["ret"])) for r in records]
    threads = by_thread(rows)
    # The launcher's own calls before it execs the command are not the command's.
    first = threads[0]
    threads[0] = first[[name for name, _ in first].index("execve"):]
    return threads


@pytest.mark.parametrize("workload", ["program", "ls", "cat"])
def test_names_and_results_equal_strace(workload: str, program: Path, tmp_path: Path) -> None:
    if shutil.which("strace") is None:
        pytest.fail("strace is needed as the oracle (Makefile APT_PACKAGES)")
    target = tmp_path / "target.txt"
    target.write_text("observer\n" * 100)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    argv = {"program": [str(program), str(scratch)], "ls": ["ls", "-la", "/etc"],
            "cat": ["cat", str(target)]}[workload]
    expected = strace_calls(argv, tmp_path)
    actual = observer_calls(argv, tmp_path)
    assert len(expected[0]) > 20
    assert actual == expected


def test_strings_are_the_paths_used_and_long_ones_truncated(program: Path, scratch: Path,
                                                            tmp_path: Path) -> None:
    records = observer_records(["--string-limit", str(LIMIT)], [str(program), str(scratch)],
                               tmp_path)
    strings = [(r["syscall"], s["arg"], s["value"], s["truncated"])
               for r in records for s in r["strings"]]
    data, moved = f"{scratch}/data.txt", f"{scratch}/moved.txt"
    long_path = f"{scratch}/{7:0300d}"
    assert len(long_path) > LIMIT
    expected = [
        ("openat", 1, data, False),
        ("openat", 1, data, False),
        ("access", 0, "/nonexistent/observer-test", False),
        ("openat", 1, long_path[:LIMIT], True),
        ("mkdir", 0, f"{scratch}/sub", False),
        ("rmdir", 0, f"{scratch}/sub", False),
        ("rename", 0, data, False),
        ("rename", 1, moved, False),
        ("unlink", 0, moved, False),
    ]
    start = strings.index(("openat", 1, data, False))
    ours = [s for s in strings[start:] if not s[2].startswith("/etc/")]
    stat_calls = [s for s in ours if s[0] in ("stat", "newfstatat")]
    assert stat_calls == [(stat_calls[0][0], stat_calls[0][1], data, False)]
    assert [s for s in ours if s not in stat_calls] == expected


def test_strace_format_decodes_calls(program: Path, scratch: Path, tmp_path: Path) -> None:
    out = tmp_path / "trace.txt"
    result = run_observer("-q", "-T", "--string-limit", str(LIMIT), "-o", str(out), "--",
                          str(program), str(scratch))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert re.search(rf'openat\(AT_FDCWD, "{re.escape(str(scratch))}/data.txt", '
                     r"O_WRONLY\|O_CREAT\|O_TRUNC, 0644\) = 3 <\d+\.\d{6}>", text)
    assert re.search(r'access\("/nonexistent/observer-test", F_OK\) = -1 ENOENT '
                     r"\(No such file or directory\)", text)
    assert re.search(r'openat\(AT_FDCWD, "[^"]{%d}"\.\.\., O_RDONLY\) = -1 ENAMETOOLONG' % LIMIT,
                     text)
    assert re.search(r"mmap\(NULL, 8192, PROT_READ\|PROT_WRITE, MAP_PRIVATE\|MAP_ANONYMOUS, -1, "
                     r"0\) = 0x[0-9a-f]+", text)
    # Short calls have their result at column 40, as strace -f aligns them.
    (lseek,) = [line for line in text.splitlines() if "lseek(3, 0, SEEK_SET)" in line]
    assert re.fullmatch(r"\d+ +lseek\(3, 0, SEEK_SET\) += 0 <\d+\.\d{6}>", lseek), lseek
    assert lseek.index("= 0") == 40, lseek
    assert re.search(r"exit_group\(0\) += \?", text)


OWN_CGROUP = next(line[3:] for line in Path("/proc/self/cgroup").read_text().splitlines()
                  if line.startswith("0::"))
JSON_FIELDS: dict[str, tuple[type, ...]] = {
    "ts_ns": (int,), "wall_ns": (int,), "tgid": (int,), "tid": (int,), "comm": (str,),
    "nr": (int,), "syscall": (str,), "compat": (bool,), "args": (list,), "ret": (int, type(None)),
    "error": (str, type(None)), "duration_ns": (int, type(None)), "strings": (list,),
    "buffers": (list,), "cgroup_id": (int,), "host": (str,),
}


def test_json_lines_have_every_field_typed(program: Path, tmp_path: Path) -> None:
    records = observer_records([], [str(program), str(tmp_path)], tmp_path)
    assert len(records) > 50
    mount = _cgroups.v2_mount()
    assert mount is not None, "no cgroup v2 hierarchy is mounted"
    own_cgroup_id = os.stat(str(mount[0]) + OWN_CGROUP.rstrip("/")).st_ino
    # The program runs in the cgroup v2 of this test, named once, before its first record.
    lines = [json.loads(line) for line in (tmp_path / "observer.jsonl").read_text().splitlines()]
    assert lines[0] == {"kind": "cgroup", "cgroup_id": own_cgroup_id, "cgroup": OWN_CGROUP}
    assert sum(line.get("kind") == "cgroup" for line in lines) == 1
    for r in records:
        assert set(r) == set(JSON_FIELDS)
        assert r["cgroup_id"] == own_cgroup_id, r
        for key, types in JSON_FIELDS.items():
            assert type(r[key]) in types, (key, r)
        assert len(r["args"]) == 6 and all(type(a) is int and a >= 0 for a in r["args"])
        returned = r["syscall"] not in ("exit", "exit_group")
        assert (r["ret"] is not None) == returned and (r["duration_ns"] is not None) == returned
        assert (r["error"] is not None) == (returned and -4095 <= r["ret"] < 0)
        for s in r["strings"]:
            assert set(s) == {"arg", "value", "truncated"} and type(s["truncated"]) is bool
        for b in r["buffers"]:
            # at_exit: read when the call returned (what it filled), else at its entry.
            assert set(b) == {"arg", "value", "truncated", "at_exit"}
            assert type(b["truncated"]) is bool and type(b["at_exit"]) is bool
        if r["syscall"] == "write" and r["ret"] > 0:
            # What was written, up to --data-limit (32 by default).
            (buffer,) = r["buffers"]
            assert buffer["arg"] == 1
            assert len(buffer["value"]) == min(r["args"][2], 32)
            assert buffer["truncated"] == (r["args"][2] > 32)
    per_thread: dict[int, list[int]] = {}
    for r in records:
        per_thread.setdefault(r["tid"], []).append(r["ts_ns"])
    assert len(per_thread) == 2  # the program and its child
    assert all(ts == sorted(ts) for ts in per_thread.values())


def summary_lines(stderr: str) -> dict[str, list[str]]:
    """The rows of a -c table of any columns (-U), by syscall."""
    return {line.split()[-1]: line.split() for line in stderr.splitlines()[2:]
            if line and not line.startswith("-")}


def summary_rows(stderr: str) -> dict[str, list[str]]:
    rows = {}
    for line in stderr.splitlines():
        fields = line.split()
        if len(fields) >= 5 and re.fullmatch(r"\d+\.\d\d", fields[0]):
            rows[fields[-1]] = fields
    return rows


def test_summary_counts_calls_and_errors_in_the_kernel(program: Path, tmp_path: Path) -> None:
    result = run_observer("-q", "-c", "--", str(program), "count", "3000")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    # strace -c's layout, to the character.
    assert lines[0] == "% time     seconds  usecs/call     calls    errors syscall"
    assert lines[1] == "------ ----------- ----------- --------- --------- ----------------"
    assert lines[-2] == lines[1]
    rows = summary_rows(result.stderr)
    # calls is the 4th column, errors the 5th when present.
    assert rows["getppid"][3] == "3000" and len(rows["getppid"]) == 5
    assert rows["chdir"][3:5] == ["3000", "3000"]
    assert int(rows["total"][3]) >= 6000 and rows["total"][0] == "100.00"
    assert not (tmp_path / "unused").exists()  # summary mode writes no records


def test_summary_goes_to_the_output_as_strace_c_o_does(program: Path, tmp_path: Path) -> None:
    # observer -c -o FILE: the table is the output (strace -c -o FILE), no records, no stderr.
    table = tmp_path / "table.txt"
    result = run_observer("-q", "-c", "-o", str(table), "--", str(program), "count", "300")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert summary_rows(table.read_text())["getppid"][3] == "300"
    assert table.stat().st_mode & 0o777 == 0o600
    # -c --format jsonl -o FILE: the same rows as JSON objects.
    rows = tmp_path / "table.jsonl"
    result = run_observer("-q", "-c", "--format", "jsonl", "-o", str(rows), "--", str(program),
                          "count", "300")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    by_name = {r["syscall"]: r for r in map(json.loads, rows.read_text().splitlines())}
    assert by_name["getppid"]["calls"] == 300 and by_name["getppid"]["errors"] == 0
    assert by_name["chdir"]["calls"] == by_name["chdir"]["errors"] == 300
    assert set(by_name["chdir"]) == {"syscall", "nr", "compat", "calls", "errors", "seconds",
                                     "usecs_per_call", "cpu_ns", "wall_ns", "max_usecs",
                                     "p50_us", "p99_us"}


def test_summary_with_events_writes_both(program: Path, tmp_path: Path) -> None:
    out = tmp_path / "trace.log"
    result = run_observer("-q", "-C", "-o", str(out), "--", str(program), "count", "500")
    assert result.returncode == 0, result.stderr
    assert summary_rows(result.stderr)["getppid"][3] == "500"
    getppid = str(__import__("observer.syscalls").syscalls.number("getppid"))
    assert sum(line.split(":")[1] == getppid for line in out.read_text().splitlines()) == 500


# Sleeps of 20 ms: each call's wall time is about 20 ms, its time on a CPU a few microseconds.
SLEEPER = """
import time
for _ in range(10):
    time.sleep(0.02)
"""


def test_summary_reports_cpu_time_and_wall_time_with_w(tmp_path: Path) -> None:
    argv = ["-q", "-c", "-s", "clock_nanosleep", "--", sys.executable, "-S", "-c", SLEEPER]
    cpu = summary_rows(run_observer(*argv).stderr)["clock_nanosleep"]
    wall = summary_rows(run_observer("-w", *argv).stderr)["clock_nanosleep"]
    assert cpu[3] == wall[3] == "10"
    assert float(wall[1]) >= 0.2 and int(wall[2]) >= 20000  # seconds, usecs/call
    # Off the CPU while asleep: sched_switch took that time out. (Now and then, about one run
    # in thirty, one call of the ten keeps its sleep in its CPU time: the total allows for a
    # few such calls, and the shortest call shows the subtraction itself.)
    assert float(cpu[1]) < float(wall[1]) / 2, (cpu, wall)
    shortest = run_observer("-q", "-c", "-U", "calls,min-time,name", *argv[2:]).stderr
    calls, least, _ = summary_lines(shortest)["clock_nanosleep"]
    assert calls == "10" and float(least) < 0.001, shortest


def test_summary_latency_percentiles_from_kernel_histograms(tmp_path: Path) -> None:
    result = run_observer("-q", "-c", "--latency", "-s", "clock_nanosleep,getppid,exit_group",
                          "--", sys.executable, "-S", "-c", SLEEPER + "import os\n"
                          "for _ in range(1000): os.getppid()\n")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].split() == ["%", "time", "seconds", "usecs/call", "calls", "errors", "p50",
                                "us", "p99", "us", "max", "us", "syscall"]
    rows = summary_rows(result.stderr)
    p50, p99, top = (float(v) for v in rows["clock_nanosleep"][4:7])
    # Estimated within a quarter-octave of the 20 ms sleeps (which a loaded machine makes
    # longer, never shorter), and never above the longest call.
    assert 16700 <= p50 <= 40000 and p50 <= p99 <= top and top >= 20000
    p50, p99, top = (float(v) for v in rows["getppid"][4:7])
    assert rows["getppid"][3] == "1000" and 0 < p50 <= p99 <= top < 20000
    assert len(rows["exit_group"]) == 5  # never returns: no latency


def test_summary_columns_and_order_are_stracess(program: Path, tmp_path: Path) -> None:
    # -U and -S as strace takes them: with no time column the tables are the same text,
    # except that observer also counts the calls that never return (exit_group).
    argv = ["-c", "-U", "calls,errors,name", "-S", "name"]
    command = [str(program), "count", "300"]
    ours, theirs = tmp_path / "observer.txt", tmp_path / "strace.txt"
    assert run_observer("-q", *argv, "-o", str(ours), "--", *command).returncode == 0
    subprocess.run(["strace", *argv, "-o", str(theirs), *command], check=True,
                   stdout=subprocess.DEVNULL)

    def rows(path: Path) -> list[str]:
        return [line for line in path.read_text().splitlines()[:-1]
                if not line.endswith((" exit_group", " exit"))]

    assert rows(ours) == rows(theirs)
    assert ours.read_text().splitlines()[0] == "    calls    errors syscall"
    # The shortest and longest call of each syscall, kept in the kernel.
    timed = run_observer("-q", "-c", "-w", "-U", "calls,min-time,max-time,name", "-s",
                         "clock_nanosleep", "--", sys.executable, "-S", "-c", SLEEPER)
    calls, shortest, longest, name = timed.stderr.splitlines()[2].split()
    assert (calls, name) == ("10", "clock_nanosleep")
    assert 0.019 <= float(shortest) <= float(longest)  # 20 ms sleeps, to the clock's grain


def test_failed_keeps_only_errors(program: Path, tmp_path: Path) -> None:
    records = observer_records(["-Z"], [str(program), "count", "200"], tmp_path)
    assert records and all(r["error"] is not None for r in records)
    assert sum(r["syscall"] == "chdir" and r["error"] == "ENOENT" for r in records) == 200
    assert not any(r["syscall"] == "getppid" for r in records)
    # The process's end is not a syscall: strace -Z shows "+++ exited with 0 +++" too.
    text = run_observer("-q", "-Z", "--format", "strace", "-o", "-", "--", str(program), "count",
                        "20").stdout
    assert text.splitlines()[-1].endswith("+++ exited with 0 +++"), text[-300:]


def test_class_selection_and_negation(program: Path, tmp_path: Path) -> None:
    records = observer_records(["-s", "%memory"], [str(program), str(tmp_path)], tmp_path)
    assert {r["syscall"] for r in records} >= {"mmap", "mprotect", "munmap"}
    assert {r["syscall"] for r in records} <= {"mmap", "mprotect", "munmap", "brk", "mremap",
                                                "madvise"}
    records = observer_records(["-s", "!%memory,!%file"], [str(program), str(tmp_path)],
                               tmp_path)
    names = {r["syscall"] for r in records}
    assert "getppid" in names and "close" in names
    assert not names & {"mmap", "openat", "execve", "unlink", "munmap"}


def test_parquet_format_writes_files_with_comm_and_pid_columns(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "ds"
    code = "import os\nfor _ in range(321): os.getppid()"
    result = subprocess.run([sys.executable, "-m", "observer", "--format", "parquet", "-o",
                             str(out), "-s", "getppid", "--", sys.executable, "-c", code],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "321 events written, 0 lost" in result.stderr
    df = pd.read_parquet(out)
    assert len(df) == 321 and set(df["syscall"]) == {"getppid"}
    assert (df["ret"] > 0).all() and df["time"].notna().all()
    assert df["pid"].nunique() == 1 and df["comm"].notna().all()
    # The node's and the day's partition, not one per pid; no temporary file left behind.
    (file,) = [p for p in out.rglob("*") if p.is_file()]
    assert file.suffix == ".parquet" and file.parent.parent.name.startswith("host=")
    assert file.parent.name == f"date={df['time'].iloc[0]:%Y-%m-%d}"


def test_parquet_format_takes_more_processes_than_partitions_allow(tmp_path: Path) -> None:
    # Partitioning by pid stopped at pyarrow's 1,024 partitions; columns have no such limit.
    pd = pytest.importorskip("pandas")
    out = tmp_path / "ds"
    result = subprocess.run([sys.executable, "-m", "observer", "--format", "parquet", "-f",
                             "-s", "exit_group", "-o", str(out), "--", "sh", "-c",
                             "i=0; while [ $i -lt 1100 ]; do /bin/true; i=$((i+1)); done"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    df = pd.read_parquet(out)
    # The shell and its 1,100 children, each ending once (pids may wrap, and a wrapped pid
    # be used again, between them).
    assert len(df) == 1101 and df["pid"].nunique() > 1024
    assert f"{len(df)} events written, 0 lost" in result.stderr


def test_parquet_files_written_before_a_kill_stay_readable(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "ds"
    # --rotate 1K: a new file every few records; the command never ends by itself.
    code = "import os, sys, time\nwhile True:\n    os.getppid(); time.sleep(0.001)"
    proc = subprocess.Popen([sys.executable, "-m", "observer", "--format", "parquet", "-q",
                             "--rotate", "1K", "-s", "getppid", "-o", str(out), "--",
                             sys.executable, "-c", code])
    try:
        deadline = time.monotonic() + 60
        while len(list(out.rglob("*.parquet"))) < 3:
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()
    files = sorted(out.rglob("*.parquet"))
    assert len(files) >= 3
    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    assert rows > 0 and len(pd.read_parquet(out)) == rows
    assert set(pd.read_parquet(out)["syscall"]) == {"getppid"}


def test_parquet_format_refuses_standard_output() -> None:
    result = subprocess.run([sys.executable, "-m", "observer", "--format", "parquet", "-o", "-"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "parquet writes a dataset directory" in result.stderr


# getpid then write(1, msg, 6) through int 0x80 (the 32-bit ABI) from a 64-bit program.
INT80 = r"""
int main(void) {
  long ret;
  static const char msg[] = "int80\n";
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(4), "b"(1), "c"(msg), "d"(6) : "memory");
  return 0;
}
"""


@pytest.fixture(scope="module")
def int80(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if platform.machine() != "x86_64":
        pytest.skip("int 0x80 is x86_64's 32-bit ABI")
    work = tmp_path_factory.mktemp("int80")
    (work / "int80.c").write_text(INT80)
    subprocess.run(["gcc", "-O1", "-o", str(work / "int80"), str(work / "int80.c")], check=True)
    return work / "int80"


def test_32_bit_calls_are_named_by_the_i386_table(int80: Path, tmp_path: Path) -> None:
    records = observer_records([], [str(int80)], tmp_path)
    compat = [(r["syscall"], r["args"][0], r["ret"]) for r in records if r["compat"]]
    pid = records[-1]["tgid"]
    # 20 is getpid and 4 write in the i386 table (writev and stat in x86_64's); the
    # arguments come from ebx, ecx, edx.
    assert [(name, ret) for name, _, ret in compat[:1]] == [("getpid", pid)]
    assert compat[1][:2] == ("write", 1) and len(compat) == 2
    assert not [r for r in records if not r["compat"] and r["syscall"] in ("writev", "stat")]


def test_the_syscall_filter_catches_32_bit_calls(int80: Path, tmp_path: Path) -> None:
    # A filter by name must not be slipped past with the other ABI's number.
    log = tmp_path / "t.log"
    result = run_observer("-s", "write,getpid", "-o", str(log), "--", str(int80))
    assert result.returncode == 0, result.stderr
    nrs = [int(line.split(":")[1]) for line in log.read_text().splitlines()]
    # The log writes them under the native numbers of the same syscalls.
    assert nrs == [observer.syscalls.number("getpid"), observer.syscalls.number("write")]
    text = tmp_path / "t.txt"
    run_observer("-s", "write", "--format", "strace", "-o", str(text), "--", str(int80))
    (line,) = [x for x in text.read_text().splitlines() if "+++" not in x]
    assert re.fullmatch(r"\d+ +write\(1, 0x[0-9a-f]+, 6\) += -?\d+.*", line), line


def test_an_abi_suffix_selects_one_abi_in_the_kernel(int80: Path, tmp_path: Path) -> None:
    def traced(selection: str) -> list[tuple[str, bool]]:
        records = observer_records(["-s", selection], [str(int80)], tmp_path)
        return [(r["syscall"], r["compat"]) for r in records if "syscall" in r]

    assert traced("write@32,getpid@32") == [("getpid", True), ("write", True)]
    # The 64-bit calls of the same names are left out, and so are the 32-bit ones with @64.
    assert traced("write@64,getpid@64,exit_group") == [("exit_group", False)]
    assert traced("/^(write|getpid)$") == [("getpid", True), ("write", True)]


def test_trace_none_writes_no_call_but_the_exit(tmp_path: Path) -> None:
    out = tmp_path / "t.txt"
    result = run_observer("-e", "trace=none", "--format", "strace", "-o", str(out), "--", "true")
    assert result.returncode == 0, result.stderr
    (line,) = out.read_text().splitlines()
    assert re.fullmatch(r"\d+ +\+\+\+ exited with 0 \+\+\+", line), line


def test_a_numeric_selection_that_matched_nothing_points_to_the_string_limit(
        tmp_path: Path) -> None:
    result = run_observer("-s", "128", "-o", str(tmp_path / "t.log"), "--", "true")
    assert result.returncode == 0, result.stderr
    closing = result.stderr.splitlines()[-1]
    assert closing.endswith("; -s 128 selected syscall 128 (rt_sigtimedwait), never called: "
                            "for strace's -s (string size) use --string-limit 128"), closing
    # A numeric selection that did match says nothing more.
    getppid = str(observer.syscalls.number("getppid"))
    result = run_observer("-s", getppid, "-o", str(tmp_path / "t.log"), "--", sys.executable,
                          "-S", "-c", "import os; os.getppid()")
    assert "--string-limit" not in result.stderr


def test_straces_filter_syntax_selects_in_the_kernel(program: Path, scratch: Path,
                                                     tmp_path: Path) -> None:
    ok = observer_records(["-e", "trace=%file,read", "-e", "status=successful"],
                          [str(program), str(scratch)], tmp_path)
    assert ok and all(r["ret"] is None or r["ret"] >= 0 for r in ok)
    assert {"openat", "read"} <= {r["syscall"] for r in ok}
    assert not {r["syscall"] for r in ok} - observer.syscall_classes.members("%file") - {"read"}
    failed = observer_records(["-e", "status=failed", "-e", "access"],
                              [str(program), str(scratch)], tmp_path)
    # The dynamic loader's access("/etc/ld.so.preload") and the program's own, both failing.
    assert {(r["syscall"], r["error"]) for r in failed} == {("access", "ENOENT")}
    assert len(failed) >= 2


def test_relative_and_epoch_timestamps(tmp_path: Path) -> None:
    out = tmp_path / "t.txt"
    assert run_observer("-q", "-r", "-o", str(out), "--", "true").returncode == 0
    lines = out.read_text().splitlines()
    assert re.fullmatch(r"\d+ +0\.000000 execve\(.*", lines[0]), lines[0]
    assert all(re.fullmatch(r"\d+ +\d+\.\d{6} \S.*", line) for line in lines)
    assert run_observer("-q", "-ttt", "-o", str(out), "--", "true").returncode == 0
    first = out.read_text().splitlines()[0]
    stamp = float(first.split()[1])
    assert abs(stamp - time.time()) < 120, first


# A read interrupted by a signal whose handler raises: the kernel returns -ERESTARTSYS at the
# syscall's exit, which strace shows as "= ? ERESTARTSYS (...)".
INTERRUPTED = """
import os, signal
def stop(*args): raise KeyboardInterrupt
signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.05)
r, w = os.pipe()
try:
    os.read(r, 1)
except KeyboardInterrupt:
    pass
"""


def test_restart_codes_are_shown_as_strace_shows_them(tmp_path: Path) -> None:
    out = tmp_path / "t.txt"
    result = run_observer("-q", "-s", "read", "--format", "strace", "-o", str(out), "--",
                          sys.executable, "-S", "-c", INTERRUPTED)
    assert result.returncode == 0, result.stderr
    assert re.search(r"read\(\d+, 0x[0-9a-f]+, 1\) += \? ERESTARTSYS \(To be restarted if "
                     r"SA_RESTART is set\)", out.read_text()), out.read_text()[-400:]
    records = observer_records(["-s", "read"], [sys.executable, "-S", "-c", INTERRUPTED],
                               tmp_path)
    assert "ERESTARTSYS" in {r["error"] for r in records}
