#!/usr/bin/env python3
"""observer's strace format against strace on strace's own test programs (run by hand, not by CI).

``python bench/strace_suite.py SRC`` builds the test programs of a strace source tree SRC
(``tests/*.c``: each exercises one syscall with many argument variants, odd flags and invalid
pointers), runs each under ``strace -f`` and under ``observer -f --format strace`` with ASLR
off, and compares the two logs line by line with addresses, pids, times and kernel-assigned
values masked (tools/fidelity.py pairs the processes and joins strace's unfinished calls). A
third run, strace again, shows how stable the oracle itself is. It prints the share of
strace's lines that observer wrote identically, per program and overall, and sorts the lines
that differ into kinds. ``--json`` keeps per-program numbers for a later ``--compare``.

strace's test programs are strace's code: they stay in SRC, outside this repository; the
results hold program names and numbers only. See bench/README.md. Needs root, strace, gcc,
make, and for a git checkout of strace autoconf, automake and gawk.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import difflib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
STAMP = ".observer-strace-suite-built"
TIMEOUT = 60.0


sys.path.insert(0, str(ROOT / "tools"))
import fidelity  # noqa: E402  (tools/fidelity.py: process pairing, strace's lines joined)


# ---------------------------------------------------------------- building


def _run(argv: list[str], cwd: Path, log: Path | None = None) -> int:
    shown = " ".join(argv[:6]) + (f" ... ({len(argv) - 6} more)" if len(argv) > 6 else "")
    print(f"strace_suite: {shown}  (in {cwd})", file=sys.stderr)
    with open(log or os.devnull, "ab") as out:
        return subprocess.run(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT).returncode


def make_variable(tests: Path, name: str) -> list[str]:
    """A variable of tests/Makefile: check_PROGRAMS (what `make check` builds), DECODER_TESTS."""
    rule = f"print-variable:\n\t@echo $({name})\n"
    out = subprocess.run(["make", "-s", "-f", "Makefile", "-f", "-", "print-variable"],
                         cwd=tests, input=rule, capture_output=True, text=True, check=True)
    return out.stdout.split()


def build(src: Path, jobs: int, rebuild: bool) -> Path:
    """Configures SRC (bootstrapping a git checkout first) and builds its test programs only:
    not strace itself. The build stays in SRC; a stamp file skips it next time."""
    tests = src / "tests"
    if not (tests / "gen_tests.in").exists():
        raise SystemExit(f"strace_suite: {src} is not a strace source tree (no tests/gen_tests.in)")
    stamp = tests / STAMP
    if stamp.exists() and not rebuild:
        return tests
    log = src / "observer-strace-suite-build.log"
    if not (src / "configure").exists():
        # A git checkout: bootstrap generates the xlat headers, the test lists and configure.
        if _run(["./bootstrap"], src, log) != 0:
            raise SystemExit(f"strace_suite: ./bootstrap failed, see {log}")
    if not (tests / "Makefile").exists():
        # Native x86_64 only: the m32/mx32 personalities would build every program thrice.
        if _run(["./configure", "--disable-mpers"], src, log) != 0:
            raise SystemExit(f"strace_suite: ./configure failed, see {log}")
    # Generated headers and the shared library first: under -j the programs race for them.
    _run(["make", "-k", "scno.h", "ksysent.h", "libtests.a"], tests, log)
    programs = make_variable(tests, "check_PROGRAMS")
    # -k: a program that does not build (new kernel headers, old compiler) is counted, not fatal.
    _run(["make", "-k", f"-j{jobs}", *programs], tests, log)
    built = [p for p in programs if os.access(tests / p, os.X_OK)]
    print(f"strace_suite: built {len(built)} of {len(programs)} test programs (log: {log})",
          file=sys.stderr)
    stamp.write_text("\n".join(built) + "\n")
    return tests


# ---------------------------------------------------------------- choosing what runs

# Scripts of gen_tests.in whose run of the program is the plain `run_prog` / `$args`: the
# program needs nothing from them but to be run.
PLAIN_SCRIPTS = {"ioctl.test", "netlink_sock_diag.test", "prctl.sh", "getuid.test", "ipc.sh",
                 "faccessat.test", "faccessat2.test", "mmap.test", "arch_prctl.sh",
                 "personality.test", "ipc_msgbuf.test", "fadvise64.test"}
INJECTION = re.compile(r"(?:^|\s)(?:-e\s*inject|-einject|--inject|-e\s*fault|-efault|--fault)"
                       r"|scno_tampering|-success")
REDIRECT = re.compile(r"^(\d+)(>>|>|<)(\S+)$")
PROG_ARGS = re.compile(r"QUIRK:PROG-ARGS:([^\"']*)")
WRAPPER = re.compile(r'^\s*#\s*include\s+"([\w+-]+)\.c"', re.M)


@dataclass
class Test:
    name: str
    args: list[str] = field(default_factory=list)
    # fd number -> (mode, path), from the line's shell redirections (`9>>/dev/full`).
    fds: dict[int, tuple[str, str]] = field(default_factory=dict)
    skip: str = ""


def _wrapped(tests: Path, name: str) -> str | None:
    """The program a variant's source only re-includes with a define (`-Xraw`, `-v`, `-P`...),
    or None for a program of its own."""
    source = tests / f"{name}.c"
    if not source.exists():
        return None
    text = source.read_text(errors="replace")
    code = [line for line in re.sub(r"/\*.*?\*/", "", text, flags=re.S).splitlines()
            if line.strip() and not line.lstrip().startswith("//")]
    match = WRAPPER.search(text)
    if match and len(code) <= 12 and match.group(1) != name:
        return match.group(1)
    return None


def select(tests: Path) -> list[Test]:
    """One Test per gen_tests.in line and per hand-written decoder test (DECODER_TESTS) of a
    program of the same name, each either runnable or with the reason it is skipped."""
    built = set((tests / STAMP).read_text().split()) if (tests / STAMP).exists() else set()
    chosen: list[Test] = []
    for raw in (tests / "gen_tests.in").read_text().splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        name, _, rest = raw.strip().partition("\t")
        name, rest = name.strip(), rest.strip()
        if " " in name:
            name, _, more = name.partition(" ")
            rest = (more + " " + rest).strip()
        test = Test(name)
        chosen.append(test)
        try:
            words = shlex.split(rest)
        except ValueError:
            words = rest.split()
        first = words[0] if words else ""
        if name not in built and not os.access(tests / name, os.X_OK):
            test.skip = "not built"
        elif INJECTION.search(rest) or INJECTION.search(name):
            test.skip = "needs strace's fault injection"
        elif first.startswith("+") and first[1:] not in PLAIN_SCRIPTS:
            test.skip = f"set up by {first[1:]}"
        elif first and not first.startswith(("-", "+")):
            test.skip = f"set up by {first}"
        if test.skip:
            continue
        for word in words:
            redirect = REDIRECT.match(word)
            if redirect:
                test.fds[int(redirect.group(1))] = (redirect.group(2), redirect.group(3))
        prog_args = PROG_ARGS.search(rest)
        if prog_args:
            test.args = prog_args.group(1).split()
    named = {t.name for t in chosen}
    for script in make_variable(tests, "DECODER_TESTS"):
        name = script.removesuffix(".test")
        if name in named or not os.access(tests / name, os.X_OK):
            continue
        text = (tests / script).read_text(errors="replace") if (tests / script).exists() else ""
        test = Test(name)
        chosen.append(test)
        if INJECTION.search(name) or INJECTION.search(text) or "scno_tampering" in text:
            test.skip = "needs strace's fault injection"
        elif "pidns" in name:
            test.skip = f"set up by {script}"
    # A variant re-runs the calls of the program it includes: one run of each is enough.
    running = {t.name for t in chosen if not t.skip}
    bases: set[str] = set()
    for test in chosen:
        if not test.skip:
            base = _wrapped(tests, test.name)
            if base in running or base in bases:
                test.skip = "variant of another program"
            elif base:
                bases.add(base)
    return chosen


# ---------------------------------------------------------------- running


@dataclass
class Run:
    log: Path
    code: int | None  # None: killed at the timeout
    seconds: float
    pid: int  # the tracer's


def _fds_opener(fds: dict[int, tuple[str, str]]) -> Callable[[], None]:
    def preexec() -> None:
        os.setsid()
        for number, (mode, path) in fds.items():
            flags = {">>": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                     ">": os.O_WRONLY | os.O_CREAT | os.O_TRUNC, "<": os.O_RDONLY}[mode]
            fd = os.open(path, flags, 0o644)
            if fd != number:
                os.dup2(fd, number)
                os.close(fd)
    return preexec


def run_traced(tracer: list[str], test: Test, tests: Path, work: Path, tag: str) -> Run:
    """The program under one tracer, from a fresh directory beside the program as the suite
    runs it (`tests/NAME.dir`, program `../NAME`), ASLR off, a fixed environment."""
    cwd = work / f"{test.name}.dir"
    shutil.rmtree(cwd, ignore_errors=True)
    cwd.mkdir(parents=True)
    log = work / f"{test.name}.{tag}"
    log.unlink(missing_ok=True)
    program = os.path.relpath(tests / test.name, cwd)
    argv = ["setarch", platform.machine(), "-R", *tracer, str(log), "--", program, *test.args]
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C", "LC_ALL": "C", "TZ": "UTC",
           "HOME": str(cwd)}
    start = time.monotonic()
    # The tracer's own messages must not grow the file the program may fstat (its stdout).
    with open(cwd / "stdout", "wb") as out, open(work / f"{test.name}.{tag}.err", "wb") as err:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=err, preexec_fn=_fds_opener(test.fds))
        try:
            code: int | None = proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            code = None
    return Run(log, code, time.monotonic() - start, proc.pid)


# ---------------------------------------------------------------- masking

# With ASLR off (setarch -R) an x86_64 process's mappings start at fixed addresses: the
# program (PIE) and its heap at 0x555555554000, libraries, mmap and the stack just below
# 0x7ffffffff000. Only numbers there are masked as addresses: the test programs' own hex
# values (0xdefaced00000000, 0x10 /* RLIMIT_??? */, _IOC(..., 0x56, ...)) stay compared.
ADDRESS = re.compile(r"0x(?:7ff[0-9a-f]{9}|5555[0-9a-f]{8})\b")

# Values that differ between any two runs, or between two tracers through no fault of the
# decoding: the clock, the machine's state, what the kernel hands out.
_FIELD_MASKS = [
    # Times and time left: timespecs, timevals, stat times, timers, rusage, tms.
    (re.compile(r"\b(\w*(?:time|sec)\w*)=-?\d+"), r"\1=N"),
    (re.compile(r"/\* \d{4}-\d\d-\d\dT[\d:.+-]+ \*/"), "/* DATE */"),
    (re.compile(r"/\* \d+\.\d+ s \*/"), "/* T s */"),
    # A buffer cut at 32 bytes whose length varies with what lies beyond (the test program's
    # own pids and times in what it prints).
    (re.compile(r'^((?:write|read)\(\d+, ".*"\.\.\., )(\d+)\) += \2$'), r"\1N) = N"),
    # rusage counters and sysinfo's machine state.
    (re.compile(r"\b(ru_\w+|uptime|freeram|sharedram|bufferram|freeswap|freehigh|procs|"
                r"totalram|totalswap|totalhigh|mem_unit)=(\d+)"), r"\1=N"),
    (re.compile(r"\bloads=\[[\d, ]+\]"), "loads=[N]"),
    # Inode numbers, device numbers, block counts of files made during the run.
    (re.compile(r"\b((?:st_|stx_|d_)?ino|st_dev|stx_dev_\w+|st_blocks|stx_blocks|"
                r"f_ffree|f_bfree|f_bavail|f_files|f_blocks|stx_mnt_id)=\d+"), r"\1=N"),
    # Ephemeral ports (32768 and up).
    (re.compile(r"htons\((?:3[2-9]\d{3}|[4-6]\d{4})\)"), "htons(PORT)"),
]
# Ids the kernel assigns: key serials (large, masked wherever they appear) and SysV ids
# (small and reused, masked as the first argument of the calls on them).
_KEY = re.compile(r"^(?:add_key|request_key|keyctl)\(.* = (\d{3,})(?: |$)")
_IPC_GET = re.compile(r"^((?:msg|sem|shm)get\(.*\) = )(\d+)")
_IPC_USE = re.compile(r"^((?:msg|sem|shm)(?:ctl|snd|rcv|op|timedop|at)\()(\d+)")
# times() and clock ticks are CPU time: tracer overhead. IPC_INFO and the like return the
# highest SysV index in use on the machine.
_RETURN_MASKS = re.compile(r"^((?:times|getcpu|sched_getcpu)\(.*\) = |"
                           r"(?:msg|sem|shm)ctl\(.*(?:_INFO|_STAT\w*), .*\) = )\d+")


_PID_IN_NAME = re.compile(r"(?<=-)(\d+)(?=\.)")


def mask(line: str, ids: dict[str, str]) -> str:
    for pattern, repl in _FIELD_MASKS:
        line = pattern.sub(repl, line)
    line = _RETURN_MASKS.sub(r"\g<1>N", line)
    line = _IPC_GET.sub(lambda m: m.group(1) + ids.get("ipc" + m.group(2), m.group(2)), line)
    line = _IPC_USE.sub(lambda m: m.group(1) + ids.get("ipc" + m.group(2), m.group(2)), line)
    for value, name in ids.items():
        if not value.startswith("ipc"):
            line = re.sub(rf"(?<![\w.]){value}(?![\w.])", name, line)
    return line


def assigned_ids(lines: list[str]) -> dict[str, str]:
    """Kernel-assigned ids of one log, named by order of first appearance so that the two
    logs name them alike."""
    ids: dict[str, str] = {}
    for line in lines:
        line = re.sub(r"\s+", " ", line)
        key, ipc = _KEY.match(line), _IPC_GET.match(line)
        if key and key.group(1) not in ids:
            ids[key.group(1)] = f"<key{len(ids)}>"
        if ipc and "ipc" + ipc.group(2) not in ids:
            ids["ipc" + ipc.group(2)] = f"<ipc{len(ids)}>"
    return ids


# ---------------------------------------------------------------- comparing

KINDS = [
    "signals",
    "argument counts",
    "NULL vs []",
    "unknown value format",
    "numbers vs constants",
    "int upper half",
    "path length",
    "struct vs pointer",
    "flag tables",
    "signedness",
    "return decoding",
    "NULL vs 0",
    "other",
    "missing line",
]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(?:\.\.\.)?|0x\w+|-?\d+|[A-Za-z_]\w*|\S')
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]+[A-Z0-9]$")  # SOL_SOCKET; not the RLIMIT_ of RLIMIT_???
_NUMBER = re.compile(r"^-?\d+$")
_WAIT_STATUS = re.compile(r"\bWIF\w+\(")


def _number(token: str) -> int | None:
    if token.startswith("0x") and token != "0xADDR":
        return int(token, 16)
    if not _NUMBER.match(token):
        return None
    digits = token.lstrip("-")
    value = int(digits, 8) if len(digits) > 1 and digits.startswith("0") else int(digits)
    return -value if token.startswith("-") else value


def _unquoted(line: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, bracket depth before it) of each character outside strings."""
    depth, quoted, escaped = 0, False, False
    for i, ch in enumerate(line):
        if quoted:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
            continue
        if ch == '"':
            quoted = True
            continue
        yield i, ch, depth
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1


def _split_return(line: str) -> tuple[str, str]:
    """The call and its result: at the last ` = ` outside strings and brackets."""
    cut = -1
    for i, ch, depth in _unquoted(line):
        if depth == 0 and ch == " " and line.startswith(" = ", i):
            cut = i
    return (line, "") if cut < 0 else (line[:cut], line[cut + 3:])


def _arg_count(call: str) -> int:
    """Top-level arguments of `name(a, b, ...)`."""
    count, opened, empty = -1, False, True
    for _, ch, depth in _unquoted(call):
        if depth == 0 and ch == "(":
            if opened:
                break
            opened, count = True, 1
        elif depth == 1 and ch == ")":
            break
        elif opened and depth == 1 and ch == ",":
            count += 1
        elif opened and not ch.isspace():
            empty = False
    return 0 if opened and empty else count


def _segment_kinds(a: list[str], b: list[str]) -> set[str]:
    """Kinds of one replaced run of tokens: strace's `a`, observer's `b`."""
    kinds: set[str] = set()
    if ((set(a) & {"{", "["} or any(t.startswith('"') for t in a)) and "0xADDR" in b
            and not (set(b) & {"{", "["})):
        # What strace read behind the pointer: the constants inside are the structure's.
        return {"struct vs pointer"}
    if "NULL" in a and "[" in b:
        kinds.add("NULL vs []")
    if a == ["NULL"] and b == ["0"]:
        kinds.add("NULL vs 0")
    if not a and any((_number(t) or 0) >= 1 << 32 for t in b if t.startswith("0x")):
        kinds.add("int upper half")  # `R_OK` against `R_OK|0xdefaced00000000`
    if "???" in "".join(a) or "_IOC" in a:
        # strace's forms for what it cannot name: `0x10 /* RLIMIT_??? */`, `_IOC(...)`.
        kinds.add("unknown value format")
    sa = [t for t in a if t.startswith('"')]
    sb = [t for t in b if t.startswith('"')]
    if sa and sb and any(y.endswith('"...') and x.startswith(y[:-4]) and len(x) > len(y)
                         for x in sa for y in sb):
        kinds.add("path length")
    if len(a) == 1 and len(b) == 1:
        x, y = _number(a[0]), _number(b[0])
        if x is not None and y is not None and x != y:
            if abs(x) < 1 << 32 <= abs(y):
                kinds.add("int upper half")
            elif (x - y) % (1 << 32) == 0:
                kinds.add("signedness")
    ca = [t for t in a if _CONSTANT.match(t) and t != "NULL"]
    cb = [t for t in b if _CONSTANT.match(t) and t != "NULL"]
    if ca and not cb and any(_NUMBER.match(t) or t.startswith("0x") for t in b):
        kinds.add("numbers vs constants")
    elif ca and cb:
        kinds.add("flag tables")
    return kinds


def classify(expected: str, actual: str | None) -> set[str]:
    """Every kind of difference one strace line shows against observer's line for it."""
    if actual is None:
        return {"missing line"}
    kinds: set[str] = set()
    if (expected.startswith(("---", "+++")) or _WAIT_STATUS.search(expected)
            or actual.endswith("= ?")
            or "<unfinished" in actual):
        kinds.add("signals")
    call_a, ret_a = _split_return(expected)
    call_b, ret_b = _split_return(actual)
    if ret_a != ret_b:
        kinds.add("return decoding")
    if call_a != call_b:
        found: set[str] = set()
        if _arg_count(call_a) != _arg_count(call_b) and not expected.startswith(("---", "+++")):
            found.add("argument counts")
        ta, tb = _TOKEN.findall(call_a), _TOKEN.findall(call_b)
        matcher = difflib.SequenceMatcher(a=ta, b=tb, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                found |= _segment_kinds(ta[i1:i2], tb[j1:j2])
        kinds |= found or {"other"}
    return kinds or {"other"}


def primary(kinds: set[str]) -> str:
    return next(k for k in KINDS if k in kinds)


@dataclass
class Result:
    name: str
    lines: int = 0
    same: int = 0
    extra: int = 0  # observer's lines with no strace line against them
    names_same: int = 0  # strace's lines with a line of the same call against them
    code: int | None = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    showing: Counter[str] = field(default_factory=Counter)
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)
    oracle_lines: int = 0
    oracle_same: int = 0
    error: str = ""

    @property
    def share(self) -> float:
        return self.same / self.lines if self.lines else 1.0

    @property
    def oracle_share(self) -> float:
        return self.oracle_same / self.oracle_lines if self.oracle_lines else 1.0


def _logs(text_a: str, text_b: str,
          tracers: tuple[int, int] = (0, 0)) -> list[tuple[list[str], list[str]]]:
    """Each of strace's processes (lines normalised) with the other log's process most like it."""
    s_lines, s_order = fidelity.split_processes(text_a)
    o_lines, o_order = fidelity.split_processes(text_b)
    # Pairing looks at each process's first lines: whole logs of thousands of like lines
    # would take difflib minutes, and where processes differ shows early.
    pairs = fidelity.pair_processes({pid: s_lines[pid][:200] for pid in s_order}, s_order,
                                    {pid: o_lines[pid][:200] for pid in o_order}, o_order,
                                    ADDRESS)
    names = {pid: f"<pid{i}>" for i, pid in enumerate(s_order)}
    names.update({pid: f"<pid{i}>" for i, pid in enumerate(pairs) if pid is not None})
    unpaired = [pid for pid in o_order if pid not in pairs]
    names.update({pid: f"<pid{len(s_order) + i}>" for i, pid in enumerate(unpaired)})
    ids_a = assigned_ids([line for pid in s_order for line in s_lines[pid]])
    ids_b = assigned_ids([line for pid in o_order for line in o_lines[pid]])
    # The tracer's pid: the traced program's parent, process group and session.
    for ids, tracer in zip((ids_a, ids_b), tracers):
        if tracer:
            ids[str(tracer)] = "<tracer>"
    by_digits = {str(pid): name for pid, name in names.items()}

    def norm(lines: list[str], ids: dict[str, str]) -> list[str]:
        out = [mask(fidelity.normalise(line, names, ADDRESS), ids) for line in lines]
        # A pid in a name the program made of it ("strace-mq-25300.sample").
        return [_PID_IN_NAME.sub(lambda m: by_digits.get(m.group(1), m.group(1)), line)
                for line in out]

    out = [(norm(s_lines[s_pid], ids_a), norm(o_lines[o_pid], ids_b) if o_pid else [])
           for s_pid, o_pid in zip(s_order, pairs)]
    out += [([], norm(o_lines[pid], ids_b)) for pid in unpaired]
    return out


def _by_name(a: list[str], b: list[str], i0: int, j0: int) -> list[tuple[int, int | None]]:
    """Within a changed run: each of a's lines with the next unused line of b of the same call."""
    free: dict[str, list[int]] = {}
    for j in range(len(b) - 1, -1, -1):
        free.setdefault(fidelity.syscall_of(b[j]), []).append(j)
    out: list[tuple[int, int | None]] = []
    for i, line in enumerate(a):
        left = free.get(fidelity.syscall_of(line))
        out.append((i0 + i, j0 + left.pop() if left else None))
    return out


def _align(a: list[str], b: list[str], i0: int = 0, j0: int = 0) -> list[tuple[int, int | None]]:
    """Each index of a with the index of b aligned with it (or None), patience style: lines
    found once on each side anchor the alignment, and the runs between anchors are aligned
    by difflib when small. difflib alone is quadratic on logs that repeat one line thousands
    of times (chdir's, select's), and both logs follow one program: a run of equal length on
    both sides lines up one for one."""
    out: list[tuple[int, int | None]] = []
    # Common head and tail.
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        out.append((i0 + head, j0 + head))
        head += 1
    tail = 0
    while (tail < len(a) - head and tail < len(b) - head
           and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]):
        tail += 1
    ma, mb = a[head:len(a) - tail], b[head:len(b) - tail]
    ia, jb = i0 + head, j0 + head
    if ma and mb:
        count_a, count_b = Counter(ma), Counter(mb)
        where_b = {line: j for j, line in enumerate(mb) if count_b[line] == 1}
        candidates = [(i, where_b[line]) for i, line in enumerate(ma)
                      if count_a[line] == 1 and line in where_b]
        anchors = _increasing(candidates)
        if anchors:
            pi, pj = 0, 0
            for ai, aj in anchors:
                out += _align(ma[pi:ai], mb[pj:aj], ia + pi, jb + pj)
                out.append((ia + ai, jb + aj))
                pi, pj = ai + 1, aj + 1
            out += _align(ma[pi:], mb[pj:], ia + pi, jb + pj)
        elif len(ma) == len(mb):
            out += [(ia + k, jb + k) for k in range(len(ma))]
        elif len(ma) * len(mb) <= 4_000_000:
            matcher = difflib.SequenceMatcher(a=ma, b=mb, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    out += [(ia + i, jb + j) for i, j in zip(range(i1, i2), range(j1, j2))]
                else:
                    out += _by_name(ma[i1:i2], mb[j1:j2], ia + i1, jb + j1)
        else:
            out += _by_name(ma, mb, ia, jb)
    elif ma:
        out += [(ia + k, None) for k in range(len(ma))]
    out += [(i0 + len(a) - tail + k, j0 + len(b) - tail + k) for k in range(tail)]
    return out


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs (in a's order) whose b indices increase."""
    tails: list[int] = []  # index into pairs of the smallest tail of each length
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if pairs[tails[mid]][1] < j:
                lo = mid + 1
            else:
                hi = mid
        back[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    run: list[tuple[int, int]] = []
    k = tails[-1] if tails else -1
    while k >= 0:
        run.append(pairs[k])
        k = back[k]
    return run[::-1]


def _pair_lines(expected: list[str],
                actual: list[str]) -> Iterator[tuple[str, str | None, bool]]:
    """Each of strace's lines with observer's line for it (None: none), and whether they are
    the same."""
    for i, j in _align(expected, actual):
        other = actual[j] if j is not None else None
        yield expected[i], other, other == expected[i]


def compare(text_a: str, text_b: str, result: Result, classify_lines: bool = True,
            tracers: tuple[int, int] = (0, 0)) -> None:
    for expected, actual in _logs(text_a, text_b, tracers):
        result.lines += len(expected)
        paired = 0
        for line, other, same in _pair_lines(expected, actual):
            if other is not None:
                paired += 1
            if same:
                result.same += 1
                continue
            if not classify_lines:
                continue
            kinds = classify(line, other)
            result.showing.update(kinds)
            kind = primary(kinds)
            result.kinds[kind] += 1
            result.examples.setdefault(kind, (line, other or "(none)"))
        result.names_same += paired
        result.extra += len(actual) - paired


def measure(test: Test, tests: Path, work: Path, observer: list[str], strace: str,
            oracle: bool) -> Result:
    result = Result(test.name)
    runs = {"strace": run_traced([strace, "-f", "-o"], test, tests, work, "strace"),
            "observer": run_traced([*observer, "-q", "-f", "--format", "strace", "-o"],
                                   test, tests, work, "observer")}
    if oracle:
        runs["strace2"] = run_traced([strace, "-f", "-o"], test, tests, work, "strace2")
    result.code = runs["strace"].code
    result.seconds = runs["observer"].seconds
    missing = [tag for tag, run in runs.items() if not run.log.exists()]
    if missing:
        result.error = "no log from " + ", ".join(missing)
        return result
    if any(run.code is None for run in runs.values()):
        result.error = "timeout: " + ", ".join(t for t, r in runs.items() if r.code is None)
    text = {tag: run.log.read_text(errors="replace") for tag, run in runs.items()}
    compare(text["strace"], text["observer"], result,
            tracers=(runs["strace"].pid, runs["observer"].pid))
    if oracle:
        again = Result(test.name)
        compare(text["strace"], text["strace2"], again, classify_lines=False,
                tracers=(runs["strace"].pid, runs["strace2"].pid))
        result.oracle_lines, result.oracle_same = again.lines, again.same
    shutil.rmtree(work / f"{test.name}.dir", ignore_errors=True)
    return result


# ---------------------------------------------------------------- reporting


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def summary(results: list[Result]) -> dict[str, float | int]:
    shares = [r.share for r in results]
    lines = sum(r.lines for r in results)
    return {
        "programs": len(results),
        "lines": lines,
        "identical": sum(r.same for r in results),
        "share": sum(r.same for r in results) / max(lines, 1),
        "mean": statistics.mean(shares) if shares else 0.0,
        "median": statistics.median(shares) if shares else 0.0,
        "full": sum(s == 1.0 for s in shares),
        "at_least_95": sum(s >= 0.95 for s in shares),
        "under_70": sum(s < 0.70 for s in shares),
        "under_50": sum(s < 0.50 for s in shares),
        "names_in_sequence": sum(r.names_same for r in results) / max(lines, 1),
        "extra_lines": sum(r.extra for r in results),
        "oracle_lines": sum(r.oracle_lines for r in results),
        "oracle_share": (sum(r.oracle_same for r in results)
                         / max(sum(r.oracle_lines for r in results), 1)),
    }


UNSTABLE = 0.99
# Programs that loop until some CPU time has passed: they make as many calls as the tracer's
# overhead allows, so their lines measure the tracer. strace, slow alike twice, can still
# trace them alike twice: the oracle check alone does not always leave them out.
TIME_BOUND = frozenset({"times", "siginfo"})


def counted(results: list[Result]) -> list[Result]:
    """The programs the numbers are about: run to the end, not skipped by themselves, not
    bound by CPU time, and traced alike by strace twice."""
    return [r for r in results if not r.error and r.code != 77 and r.lines
            and r.name not in TIME_BOUND and r.oracle_share >= UNSTABLE]


def report(results: list[Result], skipped: list[Test], worst: int) -> str:
    out: list[str] = []
    counted_ = counted(results)
    s = summary(counted_)
    reasons = Counter(t.skip for t in skipped)
    out.append(f"strace's test programs: {len(results) + len(skipped)} gen_tests lines, "
               f"{len(results)} run, {len(skipped)} skipped: "
               + ", ".join(f"{n} {why}" for why, n in reasons.most_common()))
    exited77 = [r.name for r in results if r.code == 77]
    errors = [r for r in results if r.error]
    failed = [r.name for r in results if r.code not in (0, 77, None) and not r.error]
    out.append(f"{len(exited77)} skipped themselves (exit 77), {len(errors)} with an error, "
               f"{len(failed)} exited non-zero under strace (compared all the same)")
    for r in errors:
        out.append(f"  error: {r.name}: {r.error}")
    out.append("")
    out.append(f"observer against strace over {s['programs']} programs, {s['lines']:,} lines:")
    out.append(f"  lines identical            {_pct(s['share'])} ({s['identical']:,})")
    big = sorted(counted_, key=lambda r: r.lines, reverse=True)[:5]
    rest = [r for r in counted_ if r not in big]
    rest_lines = sum(r.lines for r in rest)
    largest = big[0] if big else Result("-")
    rest1 = sum(r.lines for r in counted_) - largest.lines
    out.append(f"  without the largest        "
               f"{_pct((s['identical'] - largest.same) / max(rest1, 1))} ({largest.name}: "
               f"{_pct(largest.lines / max(s['lines'], 1))} of the lines)")
    out.append(f"  without the 5 largest      "
               f"{_pct(sum(r.same for r in rest) / max(rest_lines, 1))}"
               f" ({', '.join(r.name for r in big)}: "
               f"{_pct(1 - rest_lines / max(s['lines'], 1))} of the lines)")
    out.append(f"  per program                mean {_pct(s['mean'])}, median {_pct(s['median'])}")
    out.append(f"  programs                   {s['full']} at 100%, {s['at_least_95']} at >= 95%, "
               f"{s['under_70']} under 70%, {s['under_50']} under 50%")
    out.append(f"  lines paired with a call   {_pct(s['names_in_sequence'])}; "
               f"{s['extra_lines']:,} lines of observer's with none of strace's against them")
    if s["oracle_lines"]:
        every = summary([r for r in results if not r.error and r.code != 77 and r.lines])
        out.append(f"strace against itself: {_pct(s['oracle_share'])} of these "
                   f"{s['oracle_lines']:,} lines identical; {_pct(every['oracle_share'])} of the "
                   f"{every['oracle_lines']:,} lines of every program run")
        shaky = sorted((r for r in results
                        if r.oracle_share < UNSTABLE or r.name in TIME_BOUND),
                       key=lambda r: r.oracle_share)
        if shaky:
            out.append(f"  left out, bound by CPU time or under {UNSTABLE:.0%} against themselves: "
                       + ", ".join(f"{r.name} {_pct(r.oracle_share)}" for r in shaky))
    out.append("")
    out.append(f"worst {worst} programs (share of strace's lines; lines):")
    for r in sorted(counted_, key=lambda r: (r.share, -r.lines))[:worst]:
        out.append(f"  {r.name:40} {_pct(r.share):>7} {r.lines:7,}")
    out.append("")
    kinds: Counter[str] = Counter()
    showing: Counter[str] = Counter()
    programs: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    for r in counted_:
        kinds.update(r.kinds)
        showing.update(r.showing)
        programs.update(r.showing.keys())
        for kind, pair in r.examples.items():
            examples.setdefault(kind, pair)
    differing = sum(kinds.values())
    out.append(f"differing lines by kind ({differing:,} lines; each counted once under the "
               "first kind it shows, in this order; 'showing' counts every kind a line shows):")
    out.append(f"  {'kind':22} {'lines':>8} {'showing':>8} {'programs':>8}")
    for kind in KINDS:
        if showing[kind]:
            out.append(f"  {kind:22} {kinds[kind]:8,} {showing[kind]:8,} {programs[kind]:8}")
    out.append("")
    out.append("an example of each (strace, then observer):")
    for kind in KINDS:
        if kind in examples:
            a, b = examples[kind]
            out.append(f"  {kind}:")
            out.append(f"    strace:   {a[:200]}")
            out.append(f"    observer: {b[:200]}")
    return "\n".join(out)


def to_json(results: list[Result], skipped: list[Test], meta: dict[str, str]) -> dict[str, Any]:
    """Program names and numbers only: no line of any log, nothing of strace's code."""
    return {
        "meta": meta,
        "summary": summary(counted(results)),
        "programs": {r.name: {"lines": r.lines, "same": r.same, "share": round(r.share, 6),
                              "extra": r.extra, "exit": r.code, "error": r.error,
                              "oracle_lines": r.oracle_lines, "oracle_same": r.oracle_same,
                              "kinds": dict(sorted(r.kinds.items()))}
                     for r in sorted(results, key=lambda r: r.name)},
        "skipped": {t.name: t.skip for t in sorted(skipped, key=lambda t: t.name)},
    }


def write_csv(path: Path, results: list[Result]) -> None:
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["program", "lines", "same", "share", "extra", "exit",
                         "oracle_lines", "oracle_same", *KINDS])
        for r in sorted(results, key=lambda r: r.name):
            writer.writerow([r.name, r.lines, r.same, f"{r.share:.6f}", r.extra, r.code,
                             r.oracle_lines, r.oracle_same, *(r.kinds[k] for k in KINDS)])


def compare_runs(old: dict[str, Any], new: dict[str, Any], threshold: float = 0.001) -> str:
    """Which programs improved or regressed between two --json files."""
    out = []
    so, sn = old["summary"], new["summary"]
    for key, label in [("share", "lines identical"), ("mean", "mean per program"),
                       ("median", "median per program")]:
        out.append(f"{label:20} {_pct(so[key]):>7} -> {_pct(sn[key]):>7} "
                   f"({100 * (sn[key] - so[key]):+.1f} points)")
    for key in ("full", "at_least_95", "under_70", "under_50", "programs", "lines"):
        out.append(f"{key:20} {so[key]:>7} -> {sn[key]:>7}")
    po, pn = old["programs"], new["programs"]
    better, worse = [], []
    for name in sorted(set(po) & set(pn)):
        a, b = po[name]["share"], pn[name]["share"]
        if b > a + threshold:
            better.append((b - a, name, a, b))
        elif b < a - threshold:
            worse.append((b - a, name, a, b))
    for title, rows in (("improved", sorted(better, reverse=True)), ("regressed", sorted(worse))):
        out.append(f"{title}: {len(rows)}")
        for delta, name, a, b in rows:
            out.append(f"  {name:40} {_pct(a):>7} -> {_pct(b):>7} ({100 * delta:+.1f})")
    gone, came = sorted(set(po) - set(pn)), sorted(set(pn) - set(po))
    if gone:
        out.append("no longer run: " + ", ".join(gone))
    if came:
        out.append("newly run: " + ", ".join(came))
    return "\n".join(out)


# ---------------------------------------------------------------- main


def _git(*argv: str, cwd: Path) -> str:
    out = subprocess.run(["git", *argv], cwd=cwd, capture_output=True, text=True)
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="examples:\n"
               "  strace_suite.py /work/scratch/strace-6.1 --json new.json\n"
               "  strace_suite.py /work/scratch/strace-6.1 chdir creat -v\n"
               "  strace_suite.py SRC --compare bench/results/strace_suite_baseline.json\n"
               "  strace_suite.py --compare old.json --results new.json   (no run)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", nargs="?", type=Path, help="a strace source tree (tests/ inside)")
    parser.add_argument("programs", nargs="*", help="run only these test programs")
    parser.add_argument("--observer", default=str(ROOT / ".venv" / "bin" / "observer"),
                        help="observer command (default: the worktree's .venv/bin/observer)")
    parser.add_argument("--strace", default="strace", help="the oracle (default: strace)")
    parser.add_argument("--work", type=Path, help="where logs go (default: SRC/tests/"
                        "observer-suite; each program runs in WORK/NAME.dir)")
    parser.add_argument("-j", "--jobs", type=int, default=1,
                        help="programs run at once (default 1) and make's -j (default 2)")
    parser.add_argument("--rebuild", action="store_true", help="run make again")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--no-oracle", action="store_true",
                        help="skip the second strace run (strace against itself)")
    parser.add_argument("--worst", type=int, default=30, help="worst programs listed")
    parser.add_argument("--json", type=Path, help="write per-program results here")
    parser.add_argument("--csv", type=Path, help="the same as CSV")
    parser.add_argument("--compare", type=Path, metavar="OLD.json",
                        help="print which programs improved or regressed since OLD.json")
    parser.add_argument("--results", type=Path, metavar="NEW.json",
                        help="with --compare and no SRC: compare two files, run nothing")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print every differing line pair (strace, then observer)")
    args = parser.parse_args(argv)

    if args.src is None:
        if not (args.compare and args.results):
            parser.error("SRC is needed, or --compare OLD.json --results NEW.json")
        print(compare_runs(json.loads(args.compare.read_text()),
                           json.loads(args.results.read_text())))
        return 0
    if os.geteuid() != 0:
        print("strace_suite: needs root (observer loads BPF programs)", file=sys.stderr)
        return 1
    src = args.src.resolve()
    tests = build(src, max(args.jobs, 2), args.rebuild)
    if args.build_only:
        return 0
    observer = shlex.split(args.observer)
    if not shutil.which(observer[0]):
        print(f"strace_suite: no observer at {observer[0]} (make install, or --observer)",
              file=sys.stderr)
        return 1
    work = (args.work or tests / "observer-suite").resolve()
    work.mkdir(parents=True, exist_ok=True)
    chosen = select(tests)
    if args.programs:
        unknown = set(args.programs) - {t.name for t in chosen}
        if unknown:
            print("strace_suite: not in gen_tests.in: " + ", ".join(sorted(unknown)),
                  file=sys.stderr)
        chosen = [t for t in chosen if t.name in args.programs]
    runnable = [t for t in chosen if not t.skip]
    skipped = [t for t in chosen if t.skip]
    print(f"strace_suite: {len(runnable)} programs to run, {len(skipped)} skipped",
          file=sys.stderr)

    def one(test: Test) -> Result:
        result = measure(test, tests, work, observer, args.strace, not args.no_oracle)
        print(f"  {test.name:40} {_pct(result.share):>7} of {result.lines:6} lines"
              f"{'  ' + result.error if result.error else ''}", file=sys.stderr, flush=True)
        return result

    with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        results = list(pool.map(one, runnable))
    print(report(results, skipped, args.worst))
    if args.verbose:
        for r in results:
            if r.share < 1.0:
                print(f"\n== {r.name}")
                compare_verbose(r.name, work)
    meta = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "observer_commit": _git("rev-parse", "--short", "HEAD", cwd=ROOT),
        "strace": subprocess.run([args.strace, "-V"], capture_output=True,
                                 text=True).stdout.splitlines()[0],
        "strace_tests": _git("describe", "--tags", cwd=src) or src.name,
        "kernel": platform.release(),
    }
    data = to_json(results, skipped, meta)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=1) + "\n")
    if args.csv:
        write_csv(args.csv, results)
    if args.compare:
        print()
        print(f"against {args.compare}:")
        print(compare_runs(json.loads(args.compare.read_text()), data))
    return 0


def compare_verbose(name: str, work: Path) -> None:
    """Each of strace's lines that observer did not write, next to observer's line for it."""
    a = (work / f"{name}.strace").read_text(errors="replace")
    b = (work / f"{name}.observer").read_text(errors="replace")
    for expected, actual in _logs(a, b):
        for line, other, same in _pair_lines(expected, actual):
            if not same:
                kind = primary(classify(line, other))
                print(f"  [{kind}]\n    strace:   {line}\n    observer: {other}")


if __name__ == "__main__":
    sys.exit(main())
