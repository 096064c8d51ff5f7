#!/usr/bin/env python3
"""Benchmark observer against no tracing, the kernel's floor, bpftrace, perf trace and strace.

``python bench/run.py`` (or ``make bench``) compiles its small C workloads and BPF floor program
into a temporary directory, runs every workload under every tracer several times, and prints one
table of median slowdowns measured in this run, plus the cost of each step of the hot path, how
the cost grows with 1, 2 and 4 busy threads, consumer throughput, attach time, the tracer's
peak RSS and how fast the writers format records (bench/writers.cpp), each checked against its
goal. The same data goes to ``bench/results/<time>.json``. A tracer that is missing or does not
work here is reported as such, never estimated. ``--workloads``, ``--tracers`` and ``--parts``
measure a part of it (ratios still come from one run). Needs root, gcc and g++, and for the
floor clang and libbpf-dev.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")
HERE = Path(__file__).resolve().parent
OBSERVER = [sys.executable, "-m", "observer"]
READY_TIMEOUT = 30.0
STOP_TIMEOUT = 120.0

# Goals: the default log within 1.3x of the empty program's floor, a process observer does
# not trace within 1.1x of it, full records (also with data) within 1.25x of the two-program
# floor (empty sys_enter and sys_exit programs: a full record needs both); all with nothing
# lost, also the full records of a 2 M-call burst through the default 16 MiB ring. A syscall
# that -s leaves out costs at most 1.3x untraced (below the floor).
GOAL_DEFAULT = 1.30  # of the floor
GOAL_FULL = 1.25  # of the two-program floor
GOAL_BYSTANDER = 1.10
GOAL_UNSELECTED = 1.30  # of untraced
GOAL_CONSUMER = 2_000_000
GOAL_ATTACH_S = 0.3
GOAL_RSS_MB = 64
# Formatting speed of the strace and jsonl writers (records/s into /dev/null).
GOAL_WRITER_SMALL = 3_000_000   # getppid-like records: the event alone
GOAL_WRITER_BUFFER = 1_000_000  # records with a 32-byte buffer
WRITER_SINKS = ("strace", "jsonl")
ROOT = HERE.parent


class BenchError(Exception):
    """A step of the benchmark itself failed (not a tracer under test)."""


@dataclass
class Sizes:
    """How much work each workload does, and how often each case runs."""

    getppid: int
    files: int
    pipe: int
    make_sources: int  # C files of the make -j2 project
    reps: int
    consumer: int
    tree: str | None  # directory tar archives; None: a small generated tree
    writer: int  # records per writer case
    cpu_time: bool = False  # time the loops by their CPU time, not wall time (--cpu-time)


FULL = Sizes(getppid=2_000_000, files=300_000, pipe=500_000, make_sources=12, reps=5,
             consumer=4_000_000, tree="/usr/include", writer=2_000_000)
QUICK = Sizes(getppid=20_000, files=2_000, pipe=2_000, make_sources=2, reps=1, consumer=50_000,
              tree=None, writer=100_000)
#: A case whose spread (Row.spread) exceeds this is reported as too noisy to judge.
SPREAD_LIMIT = 0.25


@dataclass
class Run:
    """One run of one workload under one tracer."""

    value: float | None = None  # ns per operation, or ns in all for tar
    events: int | None = None
    lost: int | None = None
    rss_kb: int | None = None
    note: str = ""
    tracer_s: float | None = None  # from the start signal to the tracer's exit


@dataclass
class Row:
    """The median of the runs of one (tracer, workload) pair."""

    tracer: str
    workload: str
    unit: str
    median: float | None
    ratio: float | None
    runs: list[float]
    events: int | None
    lost: int | None
    rss_kb: int | None
    note: str

    @property
    def spread(self) -> float | None:
        """(max - min) / median of the runs, without the lowest and the highest of 5 or more:
        how far apart the repetitions are. One run hit by a burst of load elsewhere moves
        neither the median nor this."""
        if self.median is None or len(self.runs) < 2 or not self.median:
            return None
        runs = sorted(self.runs)[1:-1] if len(self.runs) >= 5 else self.runs
        return (max(runs) - min(runs)) / self.median

    @property
    def noisy(self) -> bool:
        return self.spread is not None and self.spread > SPREAD_LIMIT

    @property
    def straggler(self) -> bool:
        """Whether the runs are too far apart only because of the lowest or the highest,
        which spread leaves out: judged still, but shown."""
        if self.noisy or self.median is None or len(self.runs) < 5 or not self.median:
            return False
        return (max(self.runs) - min(self.runs)) / self.median > SPREAD_LIMIT


@dataclass
class Tools:
    """Compiled helpers and what this machine offers."""

    dir: Path
    gate: Path
    getppid: Path
    file_loop: Path
    floor: Path | None
    floor_obj: Path | None
    floor_note: str
    pipe_loop: Path
    cgroup: Path | None  # an empty cgroup v2 directory, for the --cgroup bystander
    files_dir: Path
    project: Path
    tree: Path
    observer_help: str
    bpftrace: list[str] | None
    bpftrace_note: str


def sh(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, **kw)  # type: ignore[call-overload]


PEERS_SKIPPED = "skipped: --quick measures observer alone (make bench runs the peers)"


def compile_tools(tmp: Path, sizes: Sizes, peers: bool = True) -> Tools:
    """Compiles the workloads (gcc) and the floor (clang, libbpf) into tmp."""
    work = HERE / "workloads"
    built = {}
    for name in ("gate", "getppid_loop", "file_loop", "pipe_loop"):
        out = tmp / name
        res = sh(["gcc", "-O2", "-pthread", "-o", str(out), str(work / f"{name}.c")])
        if res.returncode != 0:
            raise BenchError(f"compile {name}.c: {res.stderr.strip()}")
        built[name] = out

    floor: Path | None = tmp / "floor"
    floor_obj: Path | None = tmp / "floor.bpf.o"
    floor_note = ""
    arch = sh(["gcc", "-print-multiarch"]).stdout.strip() or f"{platform.machine()}-linux-gnu"
    target = "arm64" if platform.machine() in ("aarch64", "arm64") else "x86"
    # The floor's programs use observer's record layouts and helpers from bpf/.
    steps = [["clang", "-O2", "-g", "-target", "bpf", "-mcpu=v3", f"-D__TARGET_ARCH_{target}",
              f"-I{HERE.parent / 'bpf'}", f"-idirafter/usr/include/{arch}", "-c",
              str(HERE / "floor" / "floor.bpf.c"), "-o", str(floor_obj)],
             ["gcc", "-O2", "-o", str(floor), str(HERE / "floor" / "floor.c"), "-lbpf"]]
    for step in steps:
        if shutil.which(step[0]) is None:
            floor_note = f"unavailable: {step[0]} not installed"
            break
        res = sh(step)
        if res.returncode != 0:
            floor_note = f"unavailable: {step[0]} failed: {last_line(res.stderr)}"
            break
    if floor_note:
        floor = floor_obj = None

    files_dir = tmp / "files"
    files_dir.mkdir()
    for i in range(16):
        (files_dir / str(i)).write_bytes(bytes(range(256)) * 4 * (i + 1))
    tree = sizes.tree
    if tree is None:
        small = tmp / "tree"
        for d in range(4):
            (small / f"d{d}").mkdir(parents=True)
            for f in range(8):
                (small / f"d{d}" / f"f{f}").write_text("x" * 1000 * (f + 1))
        tree_path = small
    else:
        tree_path = Path(tree)
        if not tree_path.is_dir():
            raise BenchError(f"tree to archive is not a directory: {tree}")

    help_text = sh([*OBSERVER, "--help"]).stdout
    bpftrace, bpftrace_note = find_bpftrace() if peers else (None, PEERS_SKIPPED)
    return Tools(tmp, built["gate"], built["getppid_loop"], built["file_loop"], floor, floor_obj,
                 floor_note, built["pipe_loop"], empty_cgroup(), files_dir, make_project(tmp / "project", sizes),
                 tree_path, help_text, bpftrace, bpftrace_note)


def empty_cgroup() -> Path | None:
    """A new, empty cgroup v2 directory (removed by remove_cgroup), or None without cgroup v2."""
    from observer import _cgroups

    found = _cgroups.v2_mount()
    if found is None:
        return None
    path = found[0] / f"observer-bench-{os.getpid()}"
    path.mkdir(exist_ok=True)
    return path


def remove_cgroup(tools: Tools) -> None:
    if tools.cgroup is not None:
        tools.cgroup.rmdir()


def make_project(root: Path, sizes: Sizes) -> Path:
    """A small C project: sizes.make_sources files with a few functions each, one program
    linking them, and a Makefile; `make -j2` builds it with forks, execs and file I/O."""
    root.mkdir()
    objs = []
    for i in range(sizes.make_sources):
        body = "\n".join(f"int f{i}_{k}(int x) {{ return x * {k + 3} + {i}; }}" for k in range(40))
        (root / f"m{i}.c").write_text(f"#include <stdio.h>\n#include <string.h>\n{body}\n")
        objs.append(f"m{i}.o")
    (root / "main.c").write_text("int main(void) { return 0; }\n")
    (root / "Makefile").write_text(
        f"prog: main.o {' '.join(objs)}\n\t$(CC) -o $@ $^\n"
        "%.o: %.c\n\t$(CC) -O2 -c -o $@ $<\n"
        "clean:\n\trm -f prog *.o\n")
    return root


def find_bpftrace() -> tuple[list[str] | None, str]:
    """The command prefix that runs bpftrace here, or None and why not."""
    path = shutil.which("bpftrace")
    if path is None:
        return None, "unavailable: bpftrace not installed (apt-get install bpftrace)"
    prefix = [path]
    # bpftrace 0.17 finds tracepoints only under /sys/kernel/debug/tracing; where debugfs is not
    # mounted, give it one in a private mount namespace rather than changing the machine.
    if not Path("/sys/kernel/debug/tracing/events").is_dir() and shutil.which("unshare"):
        prefix = ["unshare", "-m", "sh", "-c",
                  "mount -t debugfs debugfs /sys/kernel/debug && exec \"$0\" \"$@\"", path]
    probe = sh([*prefix, "-e", "tracepoint:raw_syscalls:sys_enter /pid == 1/ { @c = count(); } "
                "interval:ms:100 { exit(); }"], timeout=60)
    if probe.returncode != 0:
        return None, f"not working: {last_line(probe.stderr or probe.stdout)}"
    return prefix, ""


def with_tracefs(cmd: list[str]) -> list[str]:
    """cmd, run where tracefs is mounted: classic tracepoint programs (the floor's tp_*) are
    attached by the event ids tracefs lists. Where it is not mounted, cmd gets one in a private
    mount namespace rather than changing the machine."""
    if Path("/sys/kernel/tracing/events").is_dir() or not shutil.which("unshare"):
        return cmd
    return ["unshare", "-m", "sh", "-c",
            "mount -t tracefs nodev /sys/kernel/tracing && exec \"$0\" \"$@\"", *cmd]


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:120] if lines else "(no message)"


# ---------------------------------------------------------------- workloads


@dataclass
class Workload:
    name: str
    title: str
    unit: str  # what one value measures
    argv: Callable[[Tools, Sizes, int], list[str]]  # (tools, sizes, divisor)
    self_timed: bool
    count_nr: str | None = None  # syscall whose records are counted to check completeness
    expected: Callable[[Sizes, int], int] | None = None
    warm: Callable[[Tools], None] | None = None  # run untimed right before each timed run
    multiprocess: bool = False  # forks and execs: tracers must follow children


def scaled(n: int, divisor: int) -> int:
    return max(n // divisor, 200)


def archive(tools: Tools) -> Path:
    """Where tar writes: tmpfs if there is one, so that no disk writeback of the previous
    run's archive lands in the next timed run."""
    shm = Path("/dev/shm")
    return (shm if shm.is_dir() else tools.dir) / f"observer-bench-{os.getpid()}.tar"


def read_tree(path: Path) -> None:
    """Reads every file under path, so that a timed run finds them in the page cache (these VMs
    drop it between runs: without this, whichever case runs first after a drop reads the disk)."""
    res = sh(["sh", "-c", 'tar -cf - -C "$1" "$2" | cat >/dev/null', "warm", str(path.parent),
              path.name])
    if res.returncode != 0:
        raise BenchError(f"read {path}: {last_line(res.stderr)}")


def clean_project(tools: Tools) -> None:
    res = sh(["make", "-s", "-C", str(tools.project), "clean"])
    if res.returncode != 0:
        raise BenchError(f"make clean: {last_line(res.stderr)}")
    read_tree(tools.project)


WORKLOADS = [
    Workload("getppid", "getppid loop", "ns/call",
             lambda t, s, d: [str(t.getppid), str(scaled(s.getppid, d))], True,
             "getppid", lambda s, d: scaled(s.getppid, d)),
    Workload("files", "open/read/close", "ns/iter",
             lambda t, s, d: [str(t.file_loop), str(t.files_dir), str(scaled(s.files, d))], True,
             warm=lambda t: read_tree(t.files_dir)),
    Workload("pipe", "pipe write/read 64 B", "ns/iter",
             lambda t, s, d: [str(t.pipe_loop), str(scaled(s.pipe, d))], True,
             "write", lambda s, d: scaled(s.pipe, d)),
    Workload("tar", "tar of a tree", "ms",
             lambda t, s, d: ["tar", "-cf", str(archive(t)), "-C", str(t.tree.parent),
                              t.tree.name], False, warm=lambda t: read_tree(t.tree)),
    Workload("make", "make -j2 of a C project", "ms",
             lambda t, s, d: ["make", "-s", "-j2", "-C", str(t.project), "prog"], False,
             warm=clean_project, multiprocess=True),
]


def parse_self_time(stderr: str, cpu: bool = False) -> float:
    """A loop's time per operation (bench/workloads/timing.h): wall time, or with cpu its CPU
    time (all its threads), which leaves out the time other programs had the CPU."""
    m = re.search(r"([0-9.]+) cpu-ns/" if cpu else r"([0-9.]+) ns/", stderr)
    if not m:
        raise BenchError(f"workload printed no time: {stderr.strip()[:200]}")
    return float(m.group(1))


# ---------------------------------------------------------------- tracers


@dataclass
class Tracer:
    """How to run one tracer against a target pid, tell it is ready, stop it and read it."""

    name: str
    title: str
    divisor: int = 1  # the slow tracers run 1/divisor of the work
    stops_itself: bool = True  # exits when the target exits
    bystander: bool = False  # traces an idle process, not the workload
    records: bool = True  # records the workload's calls (False: -s leaves them out)
    selects: str | None = None  # the one syscall -s selects: only its count is checked
    needs_stdin: bool = False
    peer: bool = False  # another tool (bpftrace, perf, strace): make bench, not --quick
    # Arguments that make it follow the target's children (multiprocess workloads); None if it
    # cannot, and then those workloads are not measured under it.
    follow: list[str] | None = field(default_factory=list)
    available: Callable[[Tools], str] = lambda t: ""
    command: Callable[[Tools, int, Path], list[str]] = lambda t, pid, log: []
    ready: Callable[[Path, Path, Path], bool] = lambda log, out, err: True
    settle: float = 0.0
    parse: Callable[[Workload, Path, str, str], tuple[int | None, int | None, str]] = (
        lambda w, log, out, err: (None, None, ""))


def grep_count(path: Path, needle: str) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as f:
        return sum(1 for line in f if needle.encode() in line)


def line_count(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as f:
        return sum(1 for _ in f)


def nr_of(name: str) -> int:
    import observer.syscalls

    return int(observer.syscalls.number(name))


def record_lines(log: Path) -> int:
    """Lines of a log that are records: jsonl's declarations of cgroups and its last line, the
    run's counts, are not, nor the first line of a call the strace format splits (its record
    is the line that resumes it)."""
    if not log.exists():
        return 0
    with log.open("rb") as f:
        return sum(1 for line in f
                   if not line.startswith((b'{"kind":"end"', b'{"kind":"cgroup"'))
                   and not line.endswith(b" <unfinished ...>\n"))


def parse_observer(w: Workload, log: Path, out: str, err: str) -> tuple[int | None, int | None, str]:
    m = re.search(r"(\d+) events written, (\d+) lost", err)
    if not m:
        return None, None, f"no summary: {last_line(err)}"
    written, lost = int(m.group(1)), int(m.group(2))
    # Calls still unfinished at the end are records of one line, "<unfinished ...>".
    unfinished = re.search(r"(\d+) unfinished", err[m.start():])
    lines = record_lines(log) + (int(unfinished.group(1)) if unfinished else 0)
    note = ""
    if log.exists() and lines != written:
        note = f"log has {lines} records, {written} written"
    return written, lost, note


def counting(needle: Callable[[str], str]) -> Callable[[Workload, Path, str, str],
                                                        tuple[int | None, int | None, str]]:
    """parse_observer, counting the records of the workload's syscall as the lines of the log
    that hold needle(syscall name)."""
    def parse(w: Workload, log: Path, out: str, err: str) -> tuple[int | None, int | None, str]:
        events, lost, note = parse_observer(w, log, out, err)
        if w.count_nr and not note:
            events = grep_count(log, needle(w.count_nr))
        return events, lost, note
    return parse


parse_observer_log = counting(lambda name: f":{nr_of(name)}:")
parse_observer_jsonl = counting(lambda name: f'"syscall":"{name}"')
parse_observer_strace = counting(lambda name: f" {name}(")


def parse_observer_strace(w: Workload, log: Path, out: str, err: str) -> tuple[int | None,
                                                                                int | None, str]:
    events, lost, note = parse_observer(w, log, out, err)
    if w.count_nr and not note:
        events = grep_count(log, f" {w.count_nr}(")
    return events, lost, note


def parse_summary(w: Workload, log: Path, out: str, err: str) -> tuple[int | None, int | None, str]:
    """-c -o LOG writes strace -c's table to LOG, as strace -c -o does: % time, seconds,
    usecs/call, calls, [errors,] syscall."""
    m = re.search(r"(\d+) lost", err)
    lost = int(m.group(1)) if m else 0
    table = read(log)
    if not re.search(r"^% time", table, re.M):
        return None, lost, f"no summary table: {last_line(err)}"
    calls = None
    for line in table.splitlines():
        fields = line.split()
        if w.count_nr and len(fields) >= 5 and fields[-1] == w.count_nr:
            calls = int(fields[3])
    return calls, lost, ""


def parse_strace(w: Workload, log: Path, out: str, err: str) -> tuple[int | None, int | None, str]:
    return grep_count(log, f"{w.count_nr or ''}("), 0, ""


def parse_perf(w: Workload, log: Path, out: str, err: str) -> tuple[int | None, int | None, str]:
    text = log.read_text(errors="replace") if log.exists() else ""
    lost = sum(int(x) for x in re.findall(r"LOST (\d+) events", text + err))
    return grep_count(log, f" {w.count_nr or ''}("), lost, ""


def parse_bpftrace_printf(w: Workload, log: Path, out: str, err: str) -> tuple[int | None,
                                                                               int | None, str]:
    text = log.read_text(errors="replace") if log.exists() else ""
    lost = sum(int(x) for x in re.findall(r"Lost (\d+) events", text + out + err))
    needle = f":{nr_of(w.count_nr)}:" if w.count_nr else ":"
    return grep_count(log, needle), lost, ""


def parse_bpftrace_count(w: Workload, log: Path, out: str, err: str) -> tuple[int | None,
                                                                              int | None, str]:
    text = log.read_text(errors="replace") if log.exists() else ""
    m = re.search(r"@c: (\d+)", text)
    return (int(m.group(1)) if m else None), 0, ""


def observer_ready(log: Path, out: Path, err: Path) -> bool:
    return "observer: tracing" in read(err)


def read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def supports(flag: str) -> Callable[[Tools], str]:
    def check(t: Tools) -> str:
        return "" if re.search(rf"(^|[\s,]){re.escape(flag)}\b", t.observer_help) else (
            f"n/a: this observer has no {flag}")
    return check


def needs(cmd: str, hint: str) -> Callable[[Tools], str]:
    return lambda t: "" if shutil.which(cmd) else f"unavailable: {cmd} not installed ({hint})"


BPFTRACE_PRINTF = ('tracepoint:raw_syscalls:sys_enter /pid == $1/ '
                   '{ printf("%d:%d:%s\\n", pid, args->id, comm); }')
BPFTRACE_COUNT = 'tracepoint:raw_syscalls:sys_enter /pid == $1/ { @c = count(); }'

TRACERS = [
    Tracer("untraced", "untraced"),
    Tracer("floor", "floor: empty tp_btf sys_enter", bystander=True,
           needs_stdin=True,
           available=lambda t: t.floor_note,
           command=lambda t, pid, log: [str(t.floor), str(t.floor_obj), "empty"],
           ready=lambda log, out, err: "ready" in read(out)),
    # What full records are judged against: they need a program at both ends of a call.
    Tracer("floor2", "floor: empty sys_enter + sys_exit", bystander=True,
           needs_stdin=True,
           available=lambda t: t.floor_note,
           command=lambda t, pid, log: [str(t.floor), str(t.floor_obj), "empty,empty_exit"],
           ready=lambda log, out, err: "ready" in read(out)),
    Tracer("observer", "observer, default log", follow=["-f"],
           command=lambda t, pid, log: [*OBSERVER, "-p", str(pid), "-o", str(log)],
           ready=observer_ready, parse=parse_observer_log),
    Tracer("observer_jsonl", "observer --format jsonl", follow=["-f"],
           available=lambda t: "" if "jsonl" in t.observer_help else "n/a: no --format jsonl",
           command=lambda t, pid, log: [*OBSERVER, "-p", str(pid), "--format", "jsonl",
                                        "-o", str(log)],
           ready=observer_ready, parse=parse_observer_jsonl),
    # Full records with data: strace's own lines, buffers cut at strace's 32 bytes.
    Tracer("observer_strace", "observer strace format, data 32", follow=["-f"],
           available=supports("--data-limit"),
           command=lambda t, pid, log: [*OBSERVER, "-p", str(pid), "--format", "strace",
                                        "--data-limit", "32", "-o", str(log)],
           ready=observer_ready, parse=parse_observer_strace),
    Tracer("observer_summary", "observer -c", follow=["-f"],
           available=supports("--summary"),
           command=lambda t, pid, log: [*OBSERVER, "-c", "-p", str(pid), "-o", str(log)],
           ready=observer_ready, parse=parse_summary),
    Tracer("bystander", "observer tracing another pid", bystander=True,
           command=lambda t, pid, log: [*OBSERVER, "-p", str(pid), "-o", str(log)],
           ready=observer_ready, parse=parse_observer),
    Tracer("bystander_jsonl", "observer --format jsonl, another pid", bystander=True,
           available=lambda t: "" if "jsonl" in t.observer_help else "n/a: no --format jsonl",
           command=lambda t, pid, log: [*OBSERVER, "-p", str(pid), "--format", "jsonl",
                                        "-o", str(log)],
           ready=observer_ready, parse=parse_observer),
    Tracer("bystander_cgroup", "observer --cgroup of another cgroup", bystander=True,
           stops_itself=False,
           available=lambda t: "" if t.cgroup else "unavailable: no cgroup v2 hierarchy",
           command=lambda t, pid, log: [*OBSERVER, "--cgroup", str(t.cgroup), "-o", str(log)],
           ready=observer_ready, parse=parse_observer),
    # A selection: the workload is traced, but -s names a call it does not make (getppid's
    # calls are left out), or the one it makes. 64-bit calls only (@64): where the kernel runs
    # 32-bit calls, only such a selection is taken at the syscalls' own tracepoints.
    Tracer("unselected", "observer -s openat@64 (not the call)", follow=["-f"], records=False,
           command=lambda t, pid, log: [*OBSERVER, "-p", str(pid), "-s", "openat@64",
                                        "-o", str(log)],
           ready=observer_ready, parse=parse_observer),
    Tracer("selected", "observer -s getppid@64", follow=["-f"], selects="getppid",
           command=lambda t, pid, log: [*OBSERVER, "-p", str(pid), "-s", "getppid@64",
                                        "-o", str(log)],
           ready=observer_ready, parse=parse_observer_log),
    Tracer("bpftrace_count", "bpftrace count", peer=True, follow=None, stops_itself=False, settle=0.5,
           available=lambda t: t.bpftrace_note,
           command=lambda t, pid, log: [*(t.bpftrace or []), "-o", str(log), "-e",
                                        BPFTRACE_COUNT, str(pid)],
           ready=lambda log, out, err: "Attaching" in read(log) + read(out) + read(err),
           parse=parse_bpftrace_count),
    Tracer("bpftrace_printf", "bpftrace printf", peer=True, follow=None, divisor=20, stops_itself=False,
           available=lambda t: t.bpftrace_note,
           command=lambda t, pid, log: [*(t.bpftrace or []), "-o", str(log), "-e",
                                        BPFTRACE_PRINTF, str(pid)],
           ready=lambda log, out, err: line_count(log) > 1, parse=parse_bpftrace_printf),
    Tracer("perf_trace", "perf trace", peer=True, follow=None, divisor=40, stops_itself=False,
           available=needs("perf", "apt-get install linux-perf"),
           command=lambda t, pid, log: ["perf", "trace", "-o", str(log), "-p", str(pid)],
           ready=lambda log, out, err: line_count(log) > 1, parse=parse_perf),
    Tracer("strace", "strace -f", peer=True, divisor=40,
           available=needs("strace", "apt-get install strace"),
           command=lambda t, pid, log: ["strace", "-f", "-o", str(log), "-p", str(pid)],
           ready=lambda log, out, err: "attached" in read(err), parse=parse_strace),
]


def cpu_model() -> str:
    """The CPU's model name (/proc/cpuinfo): the figures of two VM kinds differ."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith(("model name", "Model")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def wait_rusage(proc: subprocess.Popen[bytes], timeout: float) -> int | None:
    """Waits for proc; returns its peak RSS in KiB, or None if it did not exit in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return int(usage.ru_maxrss)
        time.sleep(0.01)
    return None


def stop(proc: subprocess.Popen[bytes], natural: bool) -> int | None:
    """Ends a tracer: lets it exit on its own if it does, else SIGINT, then SIGKILL."""
    if natural:
        rss = wait_rusage(proc, 10)
        if rss is not None:
            return rss
    # os.kill, not proc.send_signal: that would reap the process and lose its rusage.
    os.kill(proc.pid, signal.SIGINT)
    rss = wait_rusage(proc, STOP_TIMEOUT)
    if rss is None:
        os.kill(proc.pid, signal.SIGKILL)
        rss = wait_rusage(proc, 10)
    return rss


def run_once(tools: Tools, sizes: Sizes, tracer: Tracer, work: Workload, k: int,
             floor_prog: str | None = None) -> Run:
    """Runs work once under tracer (or under floor_prog of the floor object)."""
    tmp = tools.dir
    log, out, err = tmp / f"{tracer.name}.{k}.log", tmp / "tracer.out", tmp / "tracer.err"
    # The archive of the last tar run too: freeing it must not be timed in this run.
    for p in (log, out, err, archive(tools)):
        p.unlink(missing_ok=True)
    divisor = tracer.divisor
    workload = subprocess.Popen([str(tools.gate), *work.argv(tools, sizes, divisor)],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
    if work.warm is not None:
        work.warm(tools)
    idle = subprocess.Popen(["sleep", "1000"]) if tracer.bystander else None
    target = idle.pid if idle else workload.pid
    proc: subprocess.Popen[bytes] | None = None
    run = Run()
    try:
        if tracer.name != "untraced":
            cmd = tracer.command(tools, target, log)
            if work.multiprocess and tracer.follow:
                cmd = [*cmd, *tracer.follow]
            if floor_prog is not None:
                cmd = [str(tools.floor), str(tools.floor_obj), floor_prog, str(workload.pid)]
                if "tp_" in floor_prog:
                    cmd = with_tracefs(cmd)
            with out.open("wb") as fo, err.open("wb") as fe:
                proc = subprocess.Popen(cmd, stdout=fo, stderr=fe,
                                        stdin=subprocess.PIPE if tracer.needs_stdin else None)
            deadline = time.monotonic() + READY_TIMEOUT
            while not tracer.ready(log, out, err):
                if proc.poll() is not None or time.monotonic() > deadline:
                    run.note = f"failed: {last_line(read(err) or read(out))}"
                    return run
                time.sleep(0.02)
            time.sleep(tracer.settle)
        assert workload.stdin is not None
        t0 = time.perf_counter()
        workload.stdin.write(b"x")
        workload.stdin.close()
        assert workload.stderr is not None
        werr = workload.stderr.read()
        workload.wait()
        elapsed_ns = (time.perf_counter() - t0) * 1e9
        if workload.returncode != 0:
            run.note = f"workload failed: {last_line(werr.decode(errors='replace'))}"
            return run
        if idle:
            idle.kill()
            idle.wait()
        if proc is not None:
            if proc.stdin is not None:
                proc.stdin.close()
            run.rss_kb = stop(proc, tracer.stops_itself)
            run.tracer_s = time.perf_counter() - t0
            proc = None
        run.value = (parse_self_time(werr.decode(), sizes.cpu_time) if work.self_timed
                     else elapsed_ns)
        if floor_prog is not None:
            m = re.search(r"records (\d+) lost (\d+)", read(out))
            run.events, run.lost = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        elif tracer.name not in ("untraced", "floor", "floor2"):
            run.events, run.lost, run.note = tracer.parse(work, log, read(out), read(err))
        return run
    finally:
        for p in (workload, idle, proc):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait()
        log.unlink(missing_ok=True)


def check_complete(run: Run, work: Workload, tracer: Tracer, sizes: Sizes) -> None:
    """Flags runs that lost records or saw fewer of the counted syscall than were made."""
    if run.lost:
        run.note = (run.note + "; " if run.note else "") + f"{run.lost} lost"
    if (work.expected and work.count_nr and run.events is not None and not tracer.bystander
            and tracer.records and tracer.selects in (None, work.count_nr)
            and tracer.name not in ("untraced", "floor")):
        want = work.expected(sizes, tracer.divisor)
        if run.events < want:
            run.note = (run.note + "; " if run.note else "") + (
                f"saw {run.events} of {want} {work.count_nr}")


def summarize(tracer: Tracer, work: Workload, runs: list[Run], why: str,
              base: float | None) -> Row:
    """The median of runs; no value if any run failed (its note says why)."""
    if why:
        return Row(tracer.name, work.name, work.unit, None, None, [], None, None, None, why)
    values = [r.value for r in runs if r.value is not None]
    notes = sorted({r.note for r in runs if r.note})
    med = statistics.median(values) if values and len(values) == len(runs) else None
    rss = [r.rss_kb for r in runs if r.rss_kb is not None]
    lost = [r.lost for r in runs if r.lost is not None]
    events = [r.events for r in runs if r.events is not None]
    unit_scale = 1e-6 if work.unit == "ms" else 1.0
    return Row(tracer.name, work.name, work.unit,
               None if med is None else med * unit_scale,
               None if med is None or not base else med * unit_scale / base,
               [v * unit_scale for v in values], max(events) if events else None,
               sum(lost) if lost else None, max(rss) if rss else None, "; ".join(notes))


def rotated(items: list[T], k: int) -> list[T]:
    """items starting at index k (mod len): round k of the benchmark runs the cases in this
    order, so that no case is always first after a pause or always last in a round."""
    k %= len(items)
    return items[k:] + items[:k]


@dataclass
class Selection:
    """What this run measures (--workloads, --tracers, --parts); everything by default."""

    workloads: set[str] = field(default_factory=lambda: {w.name for w in WORKLOADS})
    tracers: set[str] = field(default_factory=lambda: {t.name for t in TRACERS})
    parts: set[str] = field(default_factory=lambda: set(PARTS))


#: The measurements besides the table: the hot-path ladder, the thread scaling, the consumer
#: throughput and the attach time.
PARTS = ("hot", "scale", "consumer", "attach", "writers")
NOT_SELECTED = "not measured: not selected in this run"


def measure_all(tools: Tools, sizes: Sizes, peers: bool = True,
                selection: Selection | None = None) -> list[Row]:
    """Every workload under every tracer (observer's alone without peers). The repetitions are
    interleaved (all cases once, then again) and each round starts at another case, so that
    load from elsewhere on the machine spreads over all cases alike."""
    chosen = selection or Selection()
    why = {t.name: PEERS_SKIPPED if t.peer and not peers else t.available(tools)
           for t in TRACERS}

    def reason(tracer: Tracer, work: Workload) -> str:
        if tracer.name not in chosen.tracers or work.name not in chosen.workloads:
            return NOT_SELECTED
        if not why[tracer.name] and work.multiprocess and tracer.follow is None:
            return f"n/a: {tracer.title} here follows no children"
        return why[tracer.name]

    runs: dict[tuple[str, str], list[Run]] = {(t.name, w.name): [] for t in TRACERS
                                              for w in WORKLOADS}
    for k in range(sizes.reps):
        for work in rotated(WORKLOADS, k):
            for tracer in rotated(TRACERS, k):
                done = runs[(tracer.name, work.name)]
                if reason(tracer, work) or any(r.value is None for r in done):
                    continue
                run = run_once(tools, sizes, tracer, work, k)
                check_complete(run, work, tracer, sizes)
                done.append(run)
                scale = 1e-6 if work.unit == "ms" else 1.0
                value = "-" if run.value is None else f"{run.value * scale:,.1f} {work.unit}"
                print(f"bench: {k + 1}/{sizes.reps} {work.name:8} {tracer.name:17} {value:>20} "
                      f"{run.note}", file=sys.stderr, flush=True)
    rows: list[Row] = []
    for work in WORKLOADS:
        untraced = summarize(TRACERS[0], work, runs[("untraced", work.name)],
                             reason(TRACERS[0], work), None)
        untraced.ratio = 1.0 if untraced.median is not None else None
        rows.append(untraced)
        for tracer in TRACERS[1:]:
            rows.append(summarize(tracer, work, runs[(tracer.name, work.name)],
                                  reason(tracer, work), untraced.median))
    return rows


def consumer_throughput(tools: Tools, sizes: Sizes) -> dict[str, object]:
    """Two getppid loops traced at once: records written per second of tracer wall time."""
    rates, losses, notes = [], [], []
    for k in range(sizes.reps):
        loops = [subprocess.Popen([str(tools.gate), str(tools.getppid), str(sizes.consumer)],
                                  stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
                 for _ in range(2)]
        log, err = tools.dir / "consumer.log", tools.dir / "consumer.err"
        with err.open("wb") as fe:
            proc = subprocess.Popen([*OBSERVER, "-p", ",".join(str(p.pid) for p in loops),
                                     "-o", str(log)], stderr=fe)
        try:
            deadline = time.monotonic() + READY_TIMEOUT
            while not observer_ready(log, log, err):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise BenchError(f"observer did not start: {last_line(read(err))}")
                time.sleep(0.02)
            t0 = time.perf_counter()
            for p in loops:
                assert p.stdin is not None
                p.stdin.write(b"x")
                p.stdin.close()
            for p in loops:
                p.wait()
            wait_rusage(proc, STOP_TIMEOUT)
            wall = time.perf_counter() - t0
            m = re.search(r"(\d+) events written, (\d+) lost", read(err))
            if not m:
                notes.append(f"no summary: {last_line(read(err))}")
                continue
            written, lost = int(m.group(1)), int(m.group(2))
            if line_count(log) != written:
                notes.append(f"log has {line_count(log)} lines, {written} written")
            rates.append(written / wall)
            losses.append(lost)
        finally:
            for p in (*loops, proc):
                if p.poll() is None:
                    p.kill()
                    p.wait()
            log.unlink(missing_ok=True)
    rate = statistics.median(rates) if rates else None
    return {"events_per_s": rate, "runs": rates, "lost": sum(losses) if losses else None,
            "note": "; ".join(notes)}


#: observer_core's sources that the writers need (no libbpf, no Python).
# The writers' sources: the sinks, the printers (every decode*.cpp) and what they use.
# stacks: -k's unwinder, here without libdw (the writers are measured without -k).
WRITER_SOURCES = ("sink", "sink_records", "cgroup_paths", "syscall_facts", "error", "stacks",
                  *sorted(p.stem for p in (ROOT / "src" / "cpp").glob("decode*.cpp")))


def writer_throughput(tmp: Path, records: int) -> dict[str, Any]:
    """bench/writers.cpp, compiled with the writers' sources as the module is (-O2): records
    per second each sink formats into /dev/null, best of three rounds."""
    out = tmp / "writers"
    out.mkdir()
    gen = sh([sys.executable, str(ROOT / "tools" / "gen_syscalls.py"), str(ROOT / "data" /
              "syscalls"), str(out / "_syscall_table.py"), str(out / "syscall_table.h"),
              str(out / "syscall_rows.h")])
    if gen.returncode != 0:
        return {"rows": [], "note": f"generate syscall tables: {last_line(gen.stderr)}"}
    gen = sh([sys.executable, str(ROOT / "tools" / "gen_uapi_consts.py"), "header",
              str(ROOT / "data" / "uapi"), str(out / "uapi_consts.h")])
    if gen.returncode != 0:
        return {"rows": [], "note": f"generate constant tables: {last_line(gen.stderr)}"}
    if shutil.which("g++") is None:
        return {"rows": [], "note": "unavailable: g++ not installed"}
    flags = ["-std=c++20", "-O2", f"-I{ROOT / 'src' / 'cpp'}", f"-I{ROOT / 'bpf'}", f"-I{out}"]
    sources = [ROOT / "src" / "cpp" / f"{name}.cpp" for name in WRITER_SOURCES]
    sources.append(HERE / "writers.cpp")
    compiles = [subprocess.Popen(["g++", *flags, "-c", str(src), "-o", str(out / f"{src.stem}.o")],
                                 stderr=subprocess.PIPE, text=True) for src in sources]
    for proc in compiles:
        _, err = proc.communicate()
        if proc.returncode != 0:
            return {"rows": [], "note": f"compile: {last_line(err)}"}
    binary = out / "writers"
    link = sh(["g++", "-o", str(binary), *(str(out / f"{src.stem}.o") for src in sources)])
    if link.returncode != 0:
        return {"rows": [], "note": f"link: {last_line(link.stderr)}"}
    res = sh([str(binary), str(records)])
    if res.returncode != 0:
        return {"rows": [], "note": f"writers failed: {last_line(res.stderr)}"}
    return {"rows": [json.loads(line) for line in res.stdout.splitlines()], "note": ""}


SCALE_THREADS = (1, 2, 4)
SCALE_TRACERS = ("untraced", "observer", "observer_jsonl")


def thread_workload(threads: int) -> Workload:
    """The getppid loop's calls split over threads threads."""
    return Workload(f"getppid_x{threads}", f"getppid loop, {threads} threads", "ns/call",
                    lambda t, s, d: [str(t.getppid), str(scaled(s.getppid, d)), str(threads)],
                    True, "getppid", lambda s, d: scaled(s.getppid, d))


def scaling(tools: Tools, sizes: Sizes) -> list[dict[str, object]]:
    """The getppid loop split over 1, 2 and 4 busy threads, untraced, under observer's default
    log and under --format jsonl, interleaved as the table is: how observer's cost per call
    and its consumer's rate (records written per second, from the start signal to observer's
    exit, so a consumer that falls behind shows it) grow with the load."""
    tracers = [t for t in TRACERS if t.name in SCALE_TRACERS]
    works = [thread_workload(n) for n in SCALE_THREADS]
    runs: dict[tuple[str, str], list[Run]] = {(t.name, w.name): [] for t in tracers for w in works}
    for k in range(sizes.reps):
        for work in rotated(works, k):
            for tracer in rotated(tracers, k):
                run = run_once(tools, sizes, tracer, work, k)
                check_complete(run, work, tracer, sizes)
                runs[(tracer.name, work.name)].append(run)
                value = "-" if run.value is None else f"{run.value:,.1f} ns/call"
                print(f"bench: {k + 1}/{sizes.reps} {work.name:10} {tracer.name:15} {value:>16} "
                      f"{run.note}", file=sys.stderr, flush=True)
    out: list[dict[str, object]] = []
    for threads, work in zip(SCALE_THREADS, works):
        base = summarize(tracers[0], work, runs[("untraced", work.name)], "", None)
        for tracer in tracers:
            done = runs[(tracer.name, work.name)]
            row = summarize(tracer, work, done, "", base.median)
            rates = [r.events / r.tracer_s for r in done if r.events and r.tracer_s]
            out.append({"threads": threads, "tracer": tracer.name, "ns_per_call": row.median,
                        "ratio": 1.0 if tracer.name == "untraced" else row.ratio,
                        "runs": row.runs, "spread": row.spread, "lost": row.lost,
                        "events_per_s": statistics.median(rates) if rates else None,
                        "note": row.note})
    return out


def attach_time(reps: int) -> dict[str, object]:
    """Wall time of `observer -q -o /dev/null -- /bin/true` minus that of /bin/true."""
    def wall(cmd: list[str]) -> float:
        t0 = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True)
        if res.returncode != 0:
            raise BenchError(f"{' '.join(cmd)}: {last_line(res.stderr.decode())}")
        return time.perf_counter() - t0

    n = max(reps, 3) + 2
    traced = statistics.median(wall([*OBSERVER, "-q", "-o", "/dev/null", "--", "/bin/true"])
                               for _ in range(n))
    bare = statistics.median(wall(["/bin/true"]) for _ in range(n))
    return {"observer_s": traced, "true_s": bare, "extra_s": traced - bare}


#: (programs, what they add, the rung they add to): the ladder of floor.bpf.c. Programs are
#: floor.bpf.c's, comma-separated when a sys_exit program goes with a sys_enter one; a
#: tracer's name (untraced, observer, ...) runs that case of the table instead.
HOT_PATH = [
    ("untraced", "no program (untraced)", ""),
    ("empty", "empty program (the floor)", "untraced"),
    ("empty,empty_exit", "+ an empty sys_exit program (the two-program floor)", "empty"),
    ("tp_openat", "  or one on syscalls:sys_enter_openat (-s openat)", "untraced"),
    ("tp_getppid,tp_exit_getppid", "  or both of syscalls:*_getppid (-s getppid)",
     "empty,empty_exit"),
    ("filter", "+ task, tgid and traced-bitmap test (bystander)", "empty"),
    ("bystander", "observer tracing another pid (default log)", "filter"),
    ("filter,exit_lookup", "+ sys_exit's test for a start (full records)",
     "empty,empty_exit"),
    ("filter,exit_helper", "  or the task-storage helper every exit (comparison)",
     "empty,empty_exit"),
    ("bystander_jsonl", "observer --format jsonl tracing another pid", "filter,exit_lookup"),
    ("filter_hash", "  or a pid helper and hash lookup instead (comparison)", "empty"),
    ("cgroup_seen_test", "+ task, tid and remembered cgroup answer (--cgroup)", "empty"),
    ("cgroup_helper", "  or the cgroup helper every call instead (comparison)", "empty"),
    ("log_ring", "+ reserve/submit of a 32-byte record", "filter"),
    ("log_comm", "+ comm (the log's record, complete)", "log_ring"),
    ("event_comm", "  as a 112-byte struct event instead", "log_comm"),
    ("event_args", "+ six arguments (the API's entry record)", "event_comm"),
    ("observer", "observer itself (default log)", "empty"),
    ("start,finish", "a full record: start in task storage, record at exit",
     "empty,empty_exit"),
    ("start_unclocked,finish_unclocked", "  the same without its two clock reads (comparison)",
     "empty,empty_exit"),
    ("clock", "+ one clock read, bpf_ktime_get_ns (comparison)", "filter"),
    ("observer_jsonl", "observer --format jsonl itself", "start,finish"),
]


def hot_path(tools: Tools, sizes: Sizes) -> list[dict[str, object]]:
    """The getppid loop under each step of the floor object, and under observer, interleaved:
    the differences are what each step of observer's sys_enter path costs."""
    if tools.floor is None:
        return [{"program": "all", "title": "hot path", "note": tools.floor_note}]
    floor = next(t for t in TRACERS if t.name == "floor")
    cases = {t.name: t for t in TRACERS}
    traced = Tracer("floor_traced", "floor program", needs_stdin=True, ready=floor.ready)
    work = WORKLOADS[0]
    vals: dict[str, list[float]] = {prog: [] for prog, _, _ in HOT_PATH}
    notes: dict[str, str] = {prog: "" for prog, _, _ in HOT_PATH}
    for k in range(sizes.reps):
        for prog, _, _ in rotated(HOT_PATH, k):
            if prog in cases:
                run = run_once(tools, sizes, cases[prog], work, k)
            else:
                run = run_once(tools, sizes, traced, work, k, floor_prog=prog)
            if run.value is None:
                notes[prog] = run.note
                continue
            if prog.startswith(("log", "event", "start")) and (
                    run.lost or (run.events or 0) < sizes.getppid):
                notes[prog] = f"records {run.events}, lost {run.lost}"
            vals[prog].append(run.value)
    return [{"program": prog, "title": title, "base": base,
             "ns_per_call": statistics.median(vals[prog]) if vals[prog] else None,
             "min_ns": min(vals[prog]) if vals[prog] else None,
             "note": notes[prog]} for prog, title, base in HOT_PATH]


# ---------------------------------------------------------------- report


def fmt_ratio(row: Row) -> str:
    if row.ratio is None:
        return "-"
    return f"{row.ratio:.2f}x" if row.ratio < 100 else f"{row.ratio:.0f}x"


def fmt_num(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def fmt_value(row: Row) -> str:
    return "" if row.median is None else fmt_num(row.median)


def work_units(works: list[Workload]) -> str:
    return ", ".join(f"{w.name} {w.unit}" for w in works)


#: The output formats whose tracer's peak RSS has a goal, by the case that writes each.
RSS_CASES = (("observer", "log"), ("observer_jsonl", "jsonl"), ("observer_strace", "strace"))


def goals(rows: list[Row], consumer: dict[str, object], attach: dict[str, object],
          rss_kb: dict[str, int | None], writers: dict[str, Any]) -> list[dict[str, object]]:
    """Each goal with its measured value and whether it is met: True, False, or None when
    it was not measured or a case it rests on is too noisy to judge."""
    def get(tracer: str, work: str = "getppid") -> Row:
        return next(r for r in rows if r.tracer == tracer and r.workload == work)

    out: list[dict[str, object]] = []

    def add(name: str, value: float | None, limit: float, met: bool | None, text: str) -> None:
        out.append({"goal": name, "value": value, "limit": limit,
                    "met": met, "text": text})

    def judged(met: bool, *cases: Row) -> bool | None:
        """met, unless a case it rests on is too noisy to tell (then None: not judged)."""
        return None if any(r.noisy for r in cases) else met

    def noise(*cases: Row) -> str:
        wide = [f"{r.tracer} {r.spread * 100:.0f}%" for r in cases if r.noisy and r.spread]
        return f" (too noisy to judge: spread {', '.join(wide)})" if wide else ""

    def lost(row: Row) -> str:
        return f", {row.lost:,} lost" if row.lost else ", 0 lost" if row.lost == 0 else ""

    floor = get("floor")
    for name, goal, limit in (
            ("observer", "default log <= 1.3x the floor, 0 lost", GOAL_DEFAULT),
            ("bystander", "bystander <= 1.1x the floor", GOAL_BYSTANDER),
            ("bystander_cgroup", "--cgroup bystander <= 1.1x the floor", GOAL_BYSTANDER)):
        row = get(name)
        if row.median is None or floor.median is None:
            add(goal, None, limit, None, floor.note if floor.median is None else row.note)
            continue
        rel = row.median / floor.median
        add(goal, rel, limit, judged(rel <= limit and not row.lost, row, floor),
            f"{rel:.2f}x: {row.median:.0f} vs {floor.median:.0f} ns/call"
            f"{lost(row) if name == 'observer' else ''}" + noise(row, floor))
    floor2 = get("floor2")
    for name, goal in (("observer_jsonl", "full records (jsonl) <= 1.25x floor2, 0 lost"),
                       ("observer_strace", "strace --data-limit 32 <= 1.25x floor2, 0 lost")):
        row = get(name)
        if row.median is None or floor2.median is None:
            add(goal, None, GOAL_FULL, None, floor2.note if floor2.median is None else row.note)
            continue
        rel = row.median / floor2.median
        add(goal, rel, GOAL_FULL, judged(rel <= GOAL_FULL and not row.lost, row, floor2),
            f"{rel:.2f}x: {row.median:.0f} vs {floor2.median:.0f} ns/call{lost(row)}"
            + noise(row, floor2))
    row, untraced = get("unselected"), get("untraced")
    add("a call -s leaves out <= 1.3x untraced", row.ratio, GOAL_UNSELECTED,
        None if row.ratio is None else judged(row.ratio <= GOAL_UNSELECTED, row, untraced),
        f"{fmt_ratio(row)}: {row.median:.0f} vs {untraced.median:.0f} ns/call{noise(row, untraced)}"
        if row.ratio is not None and untraced.median is not None else row.note)
    rate = consumer.get("events_per_s")
    add("consumer >= 2,000,000 events/s, 0 lost", rate if isinstance(rate, float) else None,
        GOAL_CONSUMER,
        None if not isinstance(rate, float) else rate >= GOAL_CONSUMER and not consumer["lost"],
        f"{rate:,.0f}/s, {consumer['lost']} lost" if isinstance(rate, float) else
        str(consumer["note"]))
    extra = attach.get("extra_s")
    add("-- /bin/true within 0.3 s of /bin/true", extra if isinstance(extra, float) else None,
        GOAL_ATTACH_S, extra <= GOAL_ATTACH_S if isinstance(extra, float) else None,
        f"+{extra:.3f} s" if isinstance(extra, float) else str(attach.get("note", "")))
    for case, fmt in RSS_CASES:
        kb = rss_kb.get(case)
        mb = kb / 1024 if kb is not None else None
        add(f"tracer peak RSS <= 64 MB ({fmt})", mb, GOAL_RSS_MB,
            None if mb is None else mb <= GOAL_RSS_MB,
            f"{mb:.1f} MB" if mb is not None else "not measured")
    rates = {(r["sink"], r["record"]): float(r["per_s"]) for r in writers["rows"]}
    for sink in WRITER_SINKS:
        for record, goal, what in (("getppid", GOAL_WRITER_SMALL, "getppid records"),
                                   ("read32", GOAL_WRITER_BUFFER, "32-byte buffers")):
            value = rates.get((sink, record))
            add(f"{sink} writer >= {goal / 1e6:.0f}M {what}/s", value, goal,
                None if value is None else value >= goal,
                f"{value / 1e6:.1f}M/s" if value is not None else str(writers["note"]))
    return out


def render_scaling(scale: list[dict[str, object]]) -> list[str]:
    """The thread-scaling table: per thread count, ns per call and ratio to untraced, and the
    records written per second, of each case."""
    if not scale:
        return [f"scaling: {NOT_SELECTED}"]
    names = list(dict.fromkeys(str(c["tracer"]) for c in scale))
    titles = {t.name: t.title for t in TRACERS}
    lines = ["scaling: getppid loop split over N busy threads on "
             f"{os.cpu_count()} CPUs; ns per call of all threads together, ratio to untraced, "
             "records written per second (start signal to tracer exit)",
             f"  {'threads':>7}  " + "".join(f"{titles[n]:>36}" for n in names)]
    for threads in dict.fromkeys(c["threads"] for c in scale):
        cells = []
        for name in names:
            c = next(c for c in scale if c["threads"] == threads and c["tracer"] == name)
            ns, ratio, rate = c["ns_per_call"], c["ratio"], c["events_per_s"]
            cell = "n/a" if not isinstance(ns, float) else (
                f"{ratio:.2f}x {ns:,.0f}" if isinstance(ratio, float) else f"{ns:,.0f}")
            if isinstance(rate, float):
                cell += f"  {rate / 1e6:.2f} M/s"
            if c["lost"]:
                cell += f" {c['lost']:,} lost"
            spread = c["spread"]
            if isinstance(spread, float) and spread > SPREAD_LIMIT:
                cell += "!"
            cells.append(f"{cell:>36}")
        lines.append(f"  {threads:>7}  " + "".join(cells))
    return lines


def render(rows: list[Row], goal_rows: list[dict[str, object]], hot: list[dict[str, object]],
           scale: list[dict[str, object]], consumer: dict[str, object],
           attach: dict[str, object], writers: dict[str, Any], sizes: Sizes,
           tools: Tools) -> str:
    lines = []
    base = {r.workload: r for r in rows if r.tracer == "untraced"}
    # What this run measured: cases and workloads left out by --tracers/--workloads are not shown.
    works = [w for w in WORKLOADS
             if any(r.workload == w.name and r.note != NOT_SELECTED for r in rows)]
    shown = [t for t in TRACERS if any(r.tracer == t.name and r.note != NOT_SELECTED for r in rows)]
    clock = "CPU time" if sizes.cpu_time else "wall time"
    lines.append(f"observer benchmark: median of {sizes.reps} ({clock}), ratio to untraced "
                 f"(kernel {platform.release()}, {os.cpu_count()} CPUs, {cpu_model()})")
    heads = [f"{w.name} ({w.unit})" for w in works]
    lines.append(f"{'tracer':32} " + " ".join(f"{h:>22}" for h in heads) + "  RSS MB  notes")
    for tracer in shown:
        cells, notes, rss = [], [], []
        for w in works:
            row = next(r for r in rows if r.tracer == tracer.name and r.workload == w.name)
            cell = f"{fmt_ratio(row)} {fmt_value(row)}" if row.median is not None else "n/a"
            cells.append(f"{cell:>22}")
            if row.note:
                notes.append(f"{w.name}: {row.note}")
            if row.rss_kb:
                rss.append(row.rss_kb / 1024)
        notes = sorted(set(n.split(": ", 1)[1] for n in notes)) if len(
            {n.split(": ", 1)[1] for n in notes}) == 1 and len(notes) == len(works) else notes
        rss_text = f"{max(rss):6.1f}" if rss else "      "
        lines.append(f"{tracer.title:32} " + " ".join(cells) + f"  {rss_text}  "
                     + "; ".join(notes))
    lines.append("sizes: getppid " + ", ".join(
        f"{t.name} {scaled(sizes.getppid, t.divisor):,}" for t in TRACERS if t.divisor > 1)
        + f", others {sizes.getppid:,}; files loop {sizes.files:,} and pipe loop "
        f"{sizes.pipe:,} (same divisors); tar of {tools.tree} ({base['tar'].median or 0:.0f} ms "
        f"untraced); make -j2 of {sizes.make_sources + 1} C files; file workloads read their "
        "files untimed before each run")
    lines.append("")
    lines.append(f"runs per case, min / median / max ({work_units(works)}); '!' marks a spread "
                 f"(max - min) / median over {SPREAD_LIMIT:.0%} (of 5 or more runs, without "
                 "the lowest and highest): too noisy to judge; '~' a lowest or highest run that "
                 f"alone is over {SPREAD_LIMIT:.0%} from the others (judged, as the median "
                 "leaves it out)")
    lines.append(f"{'tracer':32} " + " ".join(f"{w.name:>22}" for w in works))
    for tracer in shown:
        cells = []
        for w in works:
            row = next(r for r in rows if r.tracer == tracer.name and r.workload == w.name)
            mark = "!" if row.noisy else "~" if row.straggler else " "
            cell = (f"{fmt_num(min(row.runs))}/{fmt_num(row.median)}/{fmt_num(max(row.runs))}"
                    f"{mark}" if row.runs and row.median is not None else "n/a ")
            cells.append(f"{cell:>22}")
        lines.append(f"{tracer.title:32} " + " ".join(cells))
    lines.append("")
    lines.append("hot path, getppid loop under the benchmark's own programs (ns/call, "
                 "median and min of the runs, and both less the rung named):")
    lines.append(f"  {'':54} {'median':>7} {'min':>7}")
    by_program = {h["program"]: h for h in hot}
    for h in hot:
        ns, low = h.get("ns_per_call"), h.get("min_ns")
        if not isinstance(ns, float) or not isinstance(low, float):
            lines.append(f"  {h.get('title', h['program'])}: {h['note']}")
            continue
        base = by_program.get(str(h.get("base")), {})
        base_ns, base_min = base.get("ns_per_call"), base.get("min_ns")
        delta = (f"{ns - base_ns:+5.0f} {low - base_min:+5.0f} to {base['program']}"
                 if isinstance(base_ns, float) and isinstance(base_min, float) else "")
        lines.append(f"  {h['title']:54} {ns:7.0f} {low:7.0f}  {delta} {h['note']}".rstrip())
    lines.append("")
    lines.extend(render_scaling(scale))
    lines.append("")
    rate = consumer["events_per_s"]
    lines.append(f"consumer: two getppid loops of {sizes.consumer:,} calls traced at once: "
                 + (f"{rate:,.0f} events/s of tracer wall time, {consumer['lost']} lost"
                    if isinstance(rate, float) else "") + f" {consumer['note']}".rstrip())
    if "observer_s" in attach:
        lines.append(f"attach: observer -- /bin/true {attach['observer_s']:.3f} s, "
                     f"/bin/true {attach['true_s']:.4f} s")
    else:
        lines.append(f"attach: {attach['note']}")
    cells = [f"{r['sink']} {r['record']} {float(r['per_s']) / 1e6:.1f}M/s"
             for r in writers["rows"]]
    lines.append(f"writers: {sizes.writer:,} synthetic records through each sink into "
                 f"/dev/null, best of 3: " + (", ".join(cells) or str(writers["note"])))
    lines.append("")
    lines.append("goals:")
    for g in goal_rows:
        mark = {True: "met", False: "NOT MET", None: "not judged"}[g["met"]]  # type: ignore[index]
        lines.append(f"  [{mark:10}] {g['goal']:48} {g['text']}")
        if g.get("why"):
            lines.append(f"  {'':12} why: {g['why']}")
    return "\n".join(lines)


def explain(goal_rows: list[dict[str, object]], rows: list[Row],
            hot: list[dict[str, object]]) -> None:
    """Adds to each goal against the floor that is not met ("why") what the steps it rests on
    cost, from the hot-path ladder of the same run: how much of what the goal allows the
    unavoidable steps take."""
    def median(program: str) -> float | None:
        found = [h["ns_per_call"] for h in hot if h["program"] == program]
        return found[0] if found and isinstance(found[0], float) else None

    def row(tracer: str) -> Row | None:
        return next((r for r in rows if r.tracer == tracer and r.workload == "getppid"), None)

    floor, filt, ring = median("empty"), median("filter"), median("log_ring")
    untraced = row("untraced")
    for g in goal_rows:
        if g["met"] is not False or floor is None or filt is None:
            continue
        name = str(g["goal"])
        limit = float(g["limit"])  # type: ignore[arg-type]
        room = floor * (limit - 1)
        if name.startswith("default log") and ring is not None:
            g["why"] = (f"{limit:.1f}x allows {room:.0f} ns over the floor; the ring's reserve and "
                        f"submit alone take {ring - filt:.0f} ns of it and the filter (the task, "
                        f"its tgid, the bitmap test) {filt - floor:.0f} ns")
        elif name.startswith("bystander"):
            g["why"] = (f"{limit:.1f}x allows {room:.0f} ns over the floor; the filter (one helper "
                        f"call for the task, its tgid, the bitmap test) takes {filt - floor:.0f} ns")
        elif name.startswith("--cgroup") and (seen := median("cgroup_seen_test")) is not None:
            g["why"] = (f"{limit:.1f}x allows {room:.0f} ns over the floor; the cgroup test (one "
                        f"helper call for the task, its tid, the remembered answer) takes "
                        f"{seen - floor:.0f} ns")
        elif name.startswith(("full records", "strace --data")) and (
                floor2 := median("empty,empty_exit")) is not None and (
                record := median("start,finish")) is not None:
            g["why"] = (f"{limit:.2f}x allows {floor2 * (limit - 1):.0f} ns over the two-program "
                        f"floor; the kernel's part of a record (its start in task storage, the "
                        f"record at exit) takes {record - floor2:.0f} ns of it")
            if (clock := median("clock")) is not None and (
                    bare := median("start_unclocked,finish_unclocked")) is not None:
                g["why"] += (f", of which its two clock reads (entry time, duration) "
                             f"{record - bare:.0f} ns; one read alone costs {clock - filt:.0f} ns")
        elif name.startswith("a call -s") and untraced is not None and untraced.median \
                and (tp := median("tp_openat")) is not None and (none := median("untraced")):
            g["why"] = (f"the raw tracepoints cost every call {floor - none:.0f} ns; an empty "
                        f"program on syscalls:sys_enter_openat costs the others "
                        f"{tp - none:.0f} ns")


def select(workloads: str | None, tracers: str | None, parts: str | None) -> Selection:
    """The Selection of the command line's lists; raises ValueError naming an unknown name."""
    chosen = Selection()
    for text, known, attr in ((workloads, chosen.workloads, "workloads"),
                              (tracers, chosen.tracers, "tracers"),
                              (parts, chosen.parts, "parts")):
        if text is None:
            continue
        names = {n.strip() for n in text.split(",") if n.strip()} - {"none"}
        unknown = names - known
        if unknown:
            raise ValueError(f"unknown {attr}: {', '.join(sorted(unknown))} "
                             f"(known: {', '.join(sorted(known))})")
        setattr(chosen, attr, names)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes, one repetition, observer alone (no peer tools)")
    parser.add_argument("--reps", type=int, help="repetitions per case (median is reported)")
    parser.add_argument("--out", type=Path, default=HERE / "results",
                        help="directory for the JSON result (default: bench/results)")
    parser.add_argument("--tree", help="directory the tar workload archives")
    parser.add_argument("--cpu-time", action="store_true",
                        help="time the loops by their CPU time instead of wall time: on a "
                             "shared machine this leaves out the time other programs take, but "
                             "also the time observer's threads take from the traced program")
    parser.add_argument("--workloads", metavar="NAMES",
                        help="measure only these workloads of the table (comma-separated: "
                             f"{', '.join(w.name for w in WORKLOADS)})")
    parser.add_argument("--tracers", metavar="NAMES",
                        help="measure only these cases of the table (comma-separated: "
                             f"{', '.join(t.name for t in TRACERS)})")
    parser.add_argument("--parts", metavar="NAMES",
                        help="measure only these parts besides the table (comma-separated: "
                             f"{', '.join(PARTS)}; 'none' for the table alone)")
    args = parser.parse_args(argv)
    try:
        selection = select(args.workloads, args.tracers, args.parts)
    except ValueError as err:
        print(f"bench: error: {err}", file=sys.stderr)
        return 2
    sizes = Sizes(**asdict(QUICK if args.quick else FULL))
    if args.reps is not None:
        if args.reps < 1:
            print("bench: error: --reps must be >= 1", file=sys.stderr)
            return 2
        sizes.reps = args.reps
    if args.tree:
        sizes.tree = args.tree
    sizes.cpu_time = args.cpu_time
    if os.geteuid() != 0:
        print("bench: error: needs root (tracers load BPF programs)", file=sys.stderr)
        return 1
    started = time.time()
    try:
        with tempfile.TemporaryDirectory(prefix="observer-bench-") as tmp:
            tools = compile_tools(Path(tmp), sizes, peers=not args.quick)
            try:
                rows = measure_all(tools, sizes, peers=not args.quick, selection=selection)
            finally:
                archive(tools).unlink(missing_ok=True)
                remove_cgroup(tools)
            parts = selection.parts
            hot = (hot_path(tools, sizes) if "hot" in parts else
                   [{"program": "all", "title": "hot path", "note": NOT_SELECTED}])
            scale = scaling(tools, sizes) if "scale" in parts else []
            consumer = (consumer_throughput(tools, sizes) if "consumer" in parts else
                        {"events_per_s": None, "runs": [], "lost": None, "note": NOT_SELECTED})
            attach = attach_time(sizes.reps) if "attach" in parts else {"note": NOT_SELECTED}
            writers = (writer_throughput(Path(tmp), sizes.writer) if "writers" in parts else
                       {"rows": [], "note": NOT_SELECTED})
            peak_rss = {case: max((r.rss_kb for r in rows if r.tracer == case and r.rss_kb),
                                  default=None) for case, _ in RSS_CASES}
            goal_rows = goals(rows, consumer, attach, peak_rss, writers)
            explain(goal_rows, rows, hot)
            table = render(rows, goal_rows, hot, scale, consumer, attach, writers, sizes, tools)
    except BenchError as err:
        print(f"bench: error: {err}", file=sys.stderr)
        return 1
    print(table)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(started))
    path = args.out / f"{stamp}{'-quick' if args.quick else ''}.json"
    path.write_text(json.dumps({
        "kernel": platform.release(), "cpus": os.cpu_count(), "cpu_model": cpu_model(),
        "started": started,
        "seconds": time.time() - started, "quick": args.quick, "sizes": asdict(sizes),
        "selection": {k: sorted(v) for k, v in asdict(selection).items()},
        "rows": [{**asdict(r), "spread": r.spread} for r in rows], "hot_path": hot,
        "scaling": scale, "consumer": consumer, "attach": attach, "writers": writers,
        "goals": goal_rows, "table": table,
    }, indent=1) + "\n")
    print(f"\nresults: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
