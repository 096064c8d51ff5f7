#!/usr/bin/env python3
"""How many of strace's lines observer's strace format reproduces, on real programs.

``python tools/fidelity.py [-v] [PROGRAM ...]`` runs each program under ``strace -f`` (its
defaults: strings cut at 32 bytes) and under ``observer -f --format strace``, pairs the
processes in order of appearance, normalises both (hex addresses masked, pids named by order,
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

# A 32-bit getpid and write through int 0x80 from a 64-bit program (ia32 emulation).
INT80_C = r"""
#include <unistd.h>
int main(void) {
  long ret;
  static const char msg[] = "int80\n";
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");           /* getpid */
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(4), "b"(1), "c"(msg), "d"(6) : "memory");
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
]


# ---------------------------------------------------------------- normalising

_PID_LINE = re.compile(r"^(?:\[pid +)?(\d+)\]? +(.*)$")
_UNFINISHED = re.compile(r"^(.*) <unfinished \.\.\.>$")
_RESUMED = re.compile(r"^<\.\.\. [\w]+ resumed>(.*)$")
_HEX = re.compile(r"0x[0-9a-f]+")
_SPACE = re.compile(r"\s+")
_NAME = re.compile(r"^(?:--- |\+\+\+ )?([a-z_0-9]+)")


def split_processes(text: str) -> tuple[dict[int, list[str]], list[int]]:
    """Lines per pid (strace's unfinished and resumed halves joined) and pids in order."""
    lines: dict[int, list[str]] = {}
    order: list[int] = []
    pending: dict[int, str] = {}
    for raw in text.splitlines():
        match = _PID_LINE.match(raw)
        if not match:
            continue
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


def normalise(line: str, pids: dict[int, str]) -> str:
    line = _HEX.sub("0xADDR", line)
    for pid, name in pids.items():
        line = re.sub(rf"(?<![\w.]){pid}(?![\w.])", name, line)
    # A parent that is not traced is the tracer itself: strace's pid in one run, observer's
    # in the other.
    line = _PARENT.sub(r"\1<tracer>", line)
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


def compare(strace_text: str, observer_text: str, program: str) -> Result:
    """Aligns each process's lines (processes paired in order of first appearance)."""
    result = Result(program)
    s_lines, s_order = split_processes(strace_text)
    o_lines, o_order = split_processes(observer_text)
    names = {pid: f"<pid{i}>" for i, pid in enumerate(s_order)}
    names.update({pid: f"<pid{i}>" for i, pid in enumerate(o_order)})
    for i, s_pid in enumerate(s_order):
        expected = [normalise(line, names) for line in s_lines[s_pid]]
        actual = ([normalise(line, names) for line in o_lines[o_order[i]]]
                  if i < len(o_order) else [])
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
    subprocess.run([cc, "-O1", "-o", str(work / "int80"), str(work / "int80.c")], check=True)


def run_one(program: Program, work: Path) -> Result:
    argv = program.argv(work)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "LC_ALL": "C",
           "HOME": str(work), "TZ": "UTC"}
    s_out, o_out = work / f"{program.name}.strace", work / f"{program.name}.observer"
    if program.setup:
        program.setup(work)
    s = subprocess.run(["strace", "-f", "-o", str(s_out), *argv], cwd=work, env=env,
                       capture_output=True, timeout=120)
    if program.setup:
        program.setup(work)
    o = subprocess.run([*OBSERVER, "-q", "-f", "--format", "strace", "-o", str(o_out), "--",
                        *argv], cwd=work, env={**env, **_python_env()}, capture_output=True,
                       timeout=120)
    if not s_out.exists() or not o_out.exists():
        return Result(program.name, error=(s.stderr + o.stderr).decode(errors="replace")[-300:])
    return compare(s_out.read_text(errors="replace"), o_out.read_text(errors="replace"),
                   program.name)


def _python_env() -> dict[str, str]:
    """What the observer process itself needs of the environment (its own imports); the traced
    command's environment is observer's, so these stay out of the compared counts."""
    return {key: value for key, value in os.environ.items()
            if key in ("PYTHONPATH", "VIRTUAL_ENV")}


def measure(names: list[str] | None = None) -> list[Result]:
    chosen = [p for p in PROGRAMS if not names or p.name in names]
    with tempfile.TemporaryDirectory(prefix="observer-fidelity-") as tmp:
        work = Path(tmp)
        build(work)
        return [run_one(p, work) for p in chosen]


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
    args = parser.parse_args(argv)
    if os.geteuid() != 0 or shutil.which("strace") is None:
        print("fidelity: needs root and strace", file=sys.stderr)
        return 1
    print(report(measure(args.programs), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
