#!/usr/bin/env python3
"""How many of strace's lines observer's strace format reproduces, on real programs.

``python tools/fidelity.py [-v] [-y] [PROGRAM ...]`` runs each program under ``strace -f``
(its defaults: strings cut at 32 bytes) and under ``observer -f --format strace`` (with -y:
both with -y, pipe and socket inodes masked), pairs each of strace's processes with
observer's most like it, normalises both (hex addresses masked, pids named by order,
strace's unfinished/resumed halves joined, white space collapsed) and aligns each process's
lines. It prints, per program and in total, the share of strace's lines that observer wrote
identically, and the syscalls whose lines differ most. tests/integration/test_fidelity.py
runs the same comparison and keeps the share from falling. Needs root and strace.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

OBSERVER = [sys.executable, "-m", "observer"]

# 32-bit calls through int 0x80 from a 64-bit program (ia32 emulation), on buffers below
# 4 GiB (a program that is not position-independent): getpid, write, open, read, fstat64,
# close, stat64, and an execve whose argv is an array of 32-bit pointers.
INT80_C = r"""
static char buf[64], statbuf[96];
static const char path[] = "/etc/hostname", msg[] = "int80\n";
static const char prog[] = "/bin/true", arg0[] = "true";
static unsigned int argv32[2];
static long sys32(long nr, long a, long b, long c) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
  return ret;
}
int main(void) {
  sys32(20, 0, 0, 0);
  sys32(4, 1, (long)msg, 6);
  long fd = sys32(5, (long)path, 0, 0);
  sys32(3, fd, (long)buf, sizeof(buf));
  sys32(197, fd, (long)statbuf, 0);
  sys32(6, fd, 0, 0);
  sys32(195, (long)path, (long)statbuf, 0);
  argv32[0] = (unsigned int)(long)arg0;
  sys32(11, (long)prog, (long)argv32, 0);
  return 1;
}
"""

# I/O vectors, polls and messages: writev and readv on a pipe (one element cut at strace's
# 32 bytes, one readv element left empty), poll of ready and idle fds, sendmsg and recvmsg
# on a socket pair, a poll that times out, and a select (glibc's pselect6).
IO_C = r"""
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
int main(void) {
  int p[2], s[2];
  char a[3], b[3], c[2], big[40], got[16];
  memset(big, 'x', sizeof(big));
  pipe(p);
  struct iovec out[] = {{"ab", 2}, {big, sizeof(big)}};
  writev(p[1], out, 2);
  struct iovec in[] = {{a, 3}, {b, 3}, {c, 2}};
  readv(p[0], in, 3);
  struct pollfd fds[] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
  poll(fds, 2, 0);
  socketpair(AF_UNIX, SOCK_STREAM, 0, s);
  struct iovec msg_out[] = {{"xy", 2}, {"zz", 2}};
  struct msghdr m = {.msg_iov = msg_out, .msg_iovlen = 2};
  sendmsg(s[0], &m, 0);
  struct iovec msg_in[] = {{got, sizeof(got)}};
  struct msghdr r = {.msg_iov = msg_in, .msg_iovlen = 1};
  recvmsg(s[1], &r, 0);
  struct pollfd idle = {s[1], POLLIN, 0};
  poll(&idle, 1, 0);
  write(p[1], "x", 1);
  fd_set readable, writable;
  FD_ZERO(&readable);
  FD_ZERO(&writable);
  FD_SET(p[0], &readable);
  FD_SET(p[1], &writable);
  struct timeval zero = {0, 0};
  select(p[1] + 1, &readable, &writable, NULL, &zero);
  return 0;
}
"""

# A TCP server and client on 127.0.0.1 in one thread (deterministic: the kernel completes the
# connection from the listen backlog before accept): bind, listen, connect, accept, send, recv.
TCP_PY = """
import socket
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
cli.sendall(b"hello observer")
conn.sendall(conn.recv(64).upper())
print(cli.recv(64))
for s in (cli, conn, srv):
    s.close()
"""


def _remove(*names: str) -> Callable[[Path], None]:
    """A setup that deletes what a program creates, so that both runs find the same files."""
    def setup(work: Path) -> None:
        for name in names:
            path = work / name
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
    return setup


def _fresh_mode(work: Path) -> None:
    """chmod's file, back at 0644 before each run."""
    path = work / "mode.txt"
    path.write_text("mode\n")
    path.chmod(0o644)


@dataclass
class Program:
    name: str
    argv: Callable[[Path], list[str]]
    # Run before each of the two runs: the runs must start from the same files.
    setup: Callable[[Path], None] | None = None


# Threads that each read a file and take a lock: clone3, futex, a thread's own lines.
THREADS_PY = """
import threading
lock = threading.Lock()
def work(path):
    with open(path, "rb") as f:
        data = f.read()
    with lock:
        print(len(data))
# One after the other: two threads running at once would order their futex calls by chance.
for path in ("data.txt", "tcp.py"):
    thread = threading.Thread(target=work, args=(path,))
    thread.start()
    thread.join()
"""

MAKEFILE = """\
out.txt: data.txt
\tcp data.txt out.txt
"""


def _files(work: Path) -> None:
    text = "".join(f"line {i:04d} {'x' * (i % 50)}\n" for i in range(300, 0, -1))
    (work / "data.txt").write_text(text)
    # gzip's own format with a fixed time, so gunzip reads the same bytes every run.
    (work / "data.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
    tree = work / "tree"
    for d in range(3):
        (tree / f"d{d}").mkdir(parents=True, exist_ok=True)
        for f in range(4):
            (tree / f"d{d}" / f"f{f}.txt").write_text(f"{d}/{f}\n" * (f + 1))
    (work / "tcp.py").write_text(TCP_PY)
    (work / "threads.py").write_text(THREADS_PY)
    (work / "Makefile").write_text(MAKEFILE)
    (work / "int80.c").write_text(INT80_C)
    (work / "io.c").write_text(IO_C)


PROGRAMS = [
    Program("ls", lambda w: ["ls", "-la", str(w / "tree")]),
    Program("cat", lambda w: ["cat", str(w / "data.txt")]),
    Program("sort", lambda w: ["sort", "-o", str(w / "sorted.txt"), str(w / "data.txt")],
            _remove("sorted.txt")),
    Program("cp", lambda w: ["cp", str(w / "data.txt"), str(w / "copy.txt")], _remove("copy.txt")),
    Program("stat", lambda w: ["stat", str(w / "data.txt"), str(w / "tree")]),
    Program("date", lambda w: ["date", "-u", "-d", "@0"]),
    Program("tar", lambda w: ["tar", "-cf", str(w / "t.tar"), "-C", str(w), "tree"],
            _remove("t.tar")),
    Program("pipeline", lambda w: ["sh", "-c", f"cat {w}/data.txt | wc -l"]),
    Program("python", lambda w: [sys.executable, "-S", "-c", "print(sum(range(10)))"]),
    Program("getent", lambda w: ["getent", "passwd", "root"]),
    Program("tcp", lambda w: [sys.executable, "-S", str(w / "tcp.py")]),
    Program("killed", lambda w: ["sh", "-c", "sleep 5 & kill -9 $!; wait $!; exit 0"]),
    Program("int80", lambda w: [str(w / "int80")]),
    Program("find", lambda w: ["find", str(w / "tree"), "-name", "*.txt"]),
    Program("grep", lambda w: ["grep", "-c", "x" * 40, str(w / "data.txt")]),
    Program("sed", lambda w: ["sed", "-n", "s/line 00/LINE /p", str(w / "data.txt")]),
    Program("awk", lambda w: ["awk", "{n += length($0)} END {print n}", str(w / "data.txt")]),
    Program("gzip", lambda w: ["gzip", "-c", str(w / "data.txt")]),
    Program("gunzip", lambda w: ["gunzip", "-c", str(w / "data.gz")]),
    Program("du", lambda w: ["du", "-s", str(w / "tree")]),
    Program("df", lambda w: ["df", "--output=source,fstype,target", "/"]),
    Program("id", lambda w: ["id"]),
    Program("env", lambda w: ["env"]),
    Program("head", lambda w: ["head", "-n", "5", str(w / "data.txt")]),
    Program("tail", lambda w: ["tail", "-n", "5", str(w / "data.txt")]),
    Program("wc", lambda w: ["wc", str(w / "data.txt")]),
    Program("sha256sum", lambda w: ["sha256sum", str(w / "data.txt")]),
    Program("fileops", lambda w: ["sh", "-c", "mkdir -p d/e && ln -s ../data.txt d/link && "
                                  "mv d/link d/e/link && rm -r d"], _remove("d")),
    Program("touch", lambda w: ["touch", "-d", "@0", str(w / "stamp.txt")], _remove("stamp.txt")),
    Program("chmod", lambda w: ["chmod", "640", str(w / "mode.txt")], _fresh_mode),
    Program("readlink", lambda w: ["readlink", "-f", str(w / "tree" / ".." / "data.txt")]),
    Program("uname", lambda w: ["uname", "-a"]),
    Program("sleep", lambda w: ["sleep", "0.01"]),
    Program("perl", lambda w: ["perl", "-e", 'print join(",", map { $_ * 2 } 1..5), "\n"']),
    Program("make", lambda w: ["make", "-s"], _remove("out.txt")),
    Program("threads", lambda w: [sys.executable, "-S", str(w / "threads.py")]),
    Program("io", lambda w: [str(w / "io")]),
]


# ---------------------------------------------------------------- normalising

_PID_LINE = re.compile(r"^(?:\[pid +)?(\d+)\]? +(.*)$")
_UNFINISHED = re.compile(r"^(.*) <unfinished \.\.\.>$")
_RESUMED = re.compile(r"^<\.\.\. [\w]+ resumed>(.*)$")
# Addresses: hex of five digits or more. A smaller hex number is a value (flags, a mode, a
# small word), compared as it is, so that 0x1 against 0x01 still differs.
_HEX = re.compile(r"0x[0-9a-f]{5,}")
# -y: pipes and sockets are numbered by their inode, which differs from run to run.
_INODE = re.compile(r"<(pipe|socket):\[\d+\]>")
_SPACE = re.compile(r"\s+")
_NAME = re.compile(r"^(?:--- |\+\+\+ )?([a-z_0-9]+)")


def split_processes(text: str) -> tuple[dict[int, list[str]], list[int]]:
    """Lines per pid (strace's unfinished and resumed halves joined) and pids in order; the
    hex dump lines of -e read=/write= (" | 00000  68 65 ...", " * 5 bytes in buffer 0") go
    with the call before them."""
    lines: dict[int, list[str]] = {}
    order: list[int] = []
    pending: dict[int, str] = {}
    last: int | None = None
    for raw in text.splitlines():
        match = _PID_LINE.match(raw)
        if not match:
            if raw.startswith((" | ", " * ")) and last is not None:
                lines[last].append(raw)
            continue
        last = int(match.group(1))
        pid, rest = int(match.group(1)), match.group(2)
        if pid not in lines:
            lines[pid] = []
            order.append(pid)
        unfinished = _UNFINISHED.match(rest)
        if unfinished:
            pending[pid] = unfinished.group(1)
            continue
        resumed = _RESUMED.match(rest)
        if resumed and pid in pending:
            rest = pending.pop(pid) + resumed.group(1)
        lines[pid].append(rest)
    for pid, head in pending.items():  # never resumed: keep what strace showed
        lines[pid].append(head + " <unfinished ...>")
    return lines, order


_PARENT = re.compile(r"^(getppid\(\)\s+= )\d+$")
# getrandom's bytes are new in every run: compared by their shape (how many, how written).
_RANDOM = re.compile(r'^getrandom\("((?:\\x[0-9a-f]{2})*)"')


def normalise(line: str, pids: dict[int, str], addresses: re.Pattern[str] = _HEX) -> str:
    """One line with what differs between runs masked; `addresses` says which hex numbers
    are addresses (by default every one)."""
    line = _INODE.sub(r"<\1:[INODE]>", addresses.sub("0xADDR", line))
    for pid, name in pids.items():
        line = re.sub(rf"(?<![\w.]){pid}(?![\w.])", name, line)
    # A parent that is not traced is the tracer itself: strace's pid in one run, observer's
    # in the other.
    line = _PARENT.sub(r"\1<tracer>", line)
    line = _RANDOM.sub(lambda m: 'getrandom("' + "\\x.." * (len(m.group(1)) // 4) + '"', line)
    return _SPACE.sub(" ", line).strip()


def syscall_of(line: str) -> str:
    match = _NAME.match(line)
    if line.startswith("+++"):
        return "+++ exit"
    if line.startswith("---"):
        return "--- signal"
    return match.group(1) if match else "?"


@dataclass
class Result:
    program: str
    strace_lines: int = 0
    same: int = 0
    differing: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str]] = field(default_factory=list)
    error: str = ""

    @property
    def share(self) -> float:
        return self.same / self.strace_lines if self.strace_lines else 0.0


def pair_processes(s_lines: dict[int, list[str]], s_order: list[int],
                   o_lines: dict[int, list[str]], o_order: list[int],
                   addresses: re.Pattern[str] = _HEX) -> list[int | None]:
    """For each strace process in order, the observer process most like it (pids masked):
    children that start together may appear in either order."""
    anonymous = {pid: "<pid>" for pid in s_order + o_order}
    masked = {pid: [normalise(line, anonymous, addresses) for line in lines]
              for lines_of in (s_lines, o_lines) for pid, lines in lines_of.items()}
    free = list(o_order)
    pairs: list[int | None] = []
    for s_pid in s_order:
        best: int | None = None
        score = -1.0
        for o_pid in free:
            ratio = difflib.SequenceMatcher(a=masked[s_pid], b=masked[o_pid],
                                            autojunk=False).ratio()
            if ratio > score:
                best, score = o_pid, ratio
        if best is not None:
            free.remove(best)
        pairs.append(best)
    return pairs


def compare(strace_text: str, observer_text: str, program: str,
            ignore: re.Pattern[str] | None = None) -> Result:
    """Aligns each process's lines with those of the observer process most like it.

    Lines that ``ignore`` matches (strace's halves joined) are left out on both sides: a
    program's own polling, whose count depends on how fast the traced process got there.
    """
    result = Result(program)
    s_lines, s_order = split_processes(strace_text)
    o_lines, o_order = split_processes(observer_text)
    if ignore is not None:
        for lines in (s_lines, o_lines):
            for pid in lines:
                lines[pid] = [line for line in lines[pid] if not ignore.search(line)]
    pairs = pair_processes(s_lines, s_order, o_lines, o_order)
    names = {pid: f"<pid{i}>" for i, pid in enumerate(s_order)}
    names.update({pid: f"<pid{i}>" for i, pid in enumerate(pairs) if pid is not None})
    unpaired = [pid for pid in o_order if pid not in pairs]
    names.update({pid: f"<pid{len(s_order) + i}>" for i, pid in enumerate(unpaired)})
    for s_pid, o_pid in zip(s_order, pairs):
        expected = [normalise(line, names) for line in s_lines[s_pid]]
        actual = [normalise(line, names) for line in o_lines[o_pid]] if o_pid is not None else []
        result.strace_lines += len(expected)
        matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
        matched = set()
        for block in matcher.get_matching_blocks():
            matched.update(range(block.a, block.a + block.size))
        result.same += len(matched)
        by_name = {syscall_of(line): line for line in actual}
        for j, line in enumerate(expected):
            if j not in matched:
                name = syscall_of(line)
                result.differing[name] += 1
                if len(result.examples) < 400:
                    result.examples.append((line, by_name.get(name, "(none)")))
    return result


# ---------------------------------------------------------------- running


def build(work: Path) -> None:
    _files(work)
    cc = shutil.which("gcc") or shutil.which("cc")
    if cc is None:
        raise RuntimeError("gcc is needed to build the int 0x80 program")
    # int80 passes pointers to 32-bit calls: its data must lie below 4 GiB.
    subprocess.run([cc, "-O1", "-no-pie", "-o", str(work / "int80"), str(work / "int80.c")],
                   check=True)
    subprocess.run([cc, "-O1", "-o", str(work / "io"), str(work / "io.c")], check=True)


def run_one(program: Program, work: Path, fds: bool = False) -> Result:
    """One program under strace -f and observer -f, both with -y if fds."""
    argv = program.argv(work)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "LC_ALL": "C",
           "HOME": str(work), "TZ": "UTC"}
    s_out, o_out = work / f"{program.name}.strace", work / f"{program.name}.observer"
    y = ["-y"] if fds else []
    if program.setup:
        program.setup(work)
    s = subprocess.run(["strace", "-f", *y, "-o", str(s_out), *argv], cwd=work, env=env,
                       capture_output=True, timeout=120)
    if program.setup:
        program.setup(work)
    o = subprocess.run([*OBSERVER, "-q", "-f", *y, "--format", "strace", "-o", str(o_out),
                        "--", *argv], cwd=work, env={**env, **_python_env()},
                       capture_output=True, timeout=120)
    if not s_out.exists() or not o_out.exists():
        return Result(program.name, error=(s.stderr + o.stderr).decode(errors="replace")[-300:])
    return compare(s_out.read_text(errors="replace"), o_out.read_text(errors="replace"),
                   program.name)


def _python_env() -> dict[str, str]:
    """What the observer process itself needs of the environment (its own imports); the traced
    command's environment is observer's, so these stay out of the compared counts."""
    return {key: value for key, value in os.environ.items()
            if key in ("PYTHONPATH", "VIRTUAL_ENV")}


def measure(names: list[str] | None = None, fds: bool = False) -> list[Result]:
    """Runs the programs (all, or those named); fds: both tracers with -y."""
    chosen = [p for p in PROGRAMS if not names or p.name in names]
    with tempfile.TemporaryDirectory(prefix="observer-fidelity-") as tmp:
        work = Path(tmp)
        build(work)
        return [run_one(p, work, fds) for p in chosen]


def report(results: list[Result], verbose: bool = False) -> str:
    lines = [f"{'program':10} {'strace lines':>12} {'identical':>10} {'share':>7}"]
    total, same = 0, 0
    differing: Counter[str] = Counter()
    for r in results:
        if r.error:
            lines.append(f"{r.program:10} error: {r.error}")
            continue
        lines.append(f"{r.program:10} {r.strace_lines:12} {r.same:10} {r.share:7.1%}")
        total += r.strace_lines
        same += r.same
        differing.update(r.differing)
    lines.append(f"{'total':10} {total:12} {same:10} {same / max(total, 1):7.1%}")
    lines.append("differing lines by syscall (share of all strace lines):")
    for name, n in differing.most_common(15):
        lines.append(f"  {name:20} {n:5} {n / max(total, 1):6.1%}")
    if verbose:
        for r in results:
            for expected, actual in r.examples:
                lines.append(f"[{r.program}] strace:   {expected}")
                lines.append(f"[{r.program}] observer: {actual}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="*", help="programs to run (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="show each differing strace line next to observer's")
    parser.add_argument("-y", "--decode-fds", action="store_true",
                        help="compare strace -f -y with observer -f -y: what each fd names")
    args = parser.parse_args(argv)
    if os.geteuid() != 0 or shutil.which("strace") is None:
        print("fidelity: needs root and strace", file=sys.stderr)
        return 1
    print(report(measure(args.programs, args.decode_fds), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
