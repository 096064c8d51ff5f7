"""The command line and observer.Tracer are two faces of one options model and one session:
the same options give the same outputs (pids, times and addresses masked) and the same
accounting through either."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .helpers import compile_c

pytestmark = pytest.mark.bpf

#: A program whose syscalls are the same run after run, with a child when given an argument.
#: SIGCHLD stays blocked, so that no signal lands at a time that differs between runs, and
#: ASLR is off (setarch -R): what is masked is only what must differ, pids and times (and
#: getrandom's bytes).
PROGRAM = r"""
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static void cat(const char* path) {
  char buf[256];
  int fd = open(path, O_RDONLY);
  while (read(fd, buf, sizeof buf) > 0) {}
  close(fd);
}

int main(int argc, char** argv) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  cat("/etc/hostname");
  access("/nonexistent", F_OK);
  if (argc > 1) {
    pid_t child = fork();
    if (child == 0) {
      cat("/etc/passwd");
      _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
  }
  return write(1, "done\n", 5) != 5;
}
"""


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_c(tmp_path_factory.mktemp("parity"), PROGRAM)


#: (command-line options, the Tracer's keyword arguments, the output's name), one pair per
#: kind of output the faces share.
MATRIX = [
    ([], {"output": "{out}"}, "trace.log"),
    (["--format", "jsonl"], {"format": "jsonl"}, "trace.jsonl"),
    (["--format", "strace"], {"format": "strace"}, "trace.txt"),
    (["--format", "strace", "-tt", "-T"], {"timestamps": 2, "durations": True}, "t.txt"),
    (["--format", "parquet"], {"format": "parquet"}, "trace.parquet"),
    (["-c"], {"summary": True}, "table.txt"),
    (["-c", "--format", "jsonl"], {"summary": True, "format": "jsonl"}, "table.jsonl"),
    (["-c", "-S", "calls", "-U", "calls,errors,name"],
     {"summary": True, "summary_sort": "calls", "summary_columns": "calls,errors,name"},
     "columns.txt"),
    (["-y"], {"decode_fds": True}, "fds.txt"),
    (["--format", "strace", "--data-limit", "64"], {"format": "strace", "data_limit": 64},
     "data.txt"),
    (["-Z", "--format", "jsonl"], {"failed": True, "format": "jsonl"}, "failed.jsonl"),
    (["-e", "status=successful", "--format", "strace"],
     {"successful": True, "format": "strace"}, "ok.txt"),
    (["-e", "status=unfinished", "--format", "strace"],
     {"unfinished": True, "format": "strace"}, "unfinished.txt"),
    (["-s", "openat,read", "--format", "jsonl"], {"syscalls": "openat,read", "format": "jsonl"},
     "some.jsonl"),
    (["-f", "--format", "strace"], {"follow": True, "format": "strace"}, "f.txt"),
    (["-ff", "--format", "strace"], {"per_process": True, "format": "strace"}, "ff"),
    (["-ff"], {"per_process": True}, "ffdir"),
    (["-x", "-X", "verbose"], {"hex_strings": 1, "xlat": "verbose"}, "x.txt"),
    (["-xx", "-v", "-e", "raw=access"],
     {"hex_strings": 2, "verbose": 1, "raw_syscalls": "access"}, "xx.txt"),
    (["-e", "verbose=none", "-e", "abbrev=read", "-e", "read=3", "-e", "write=1"],
     {"verbose_syscalls": "none", "abbrev_syscalls": "read", "read_fds": 3, "write_fds": "1"},
     "dump.txt"),
    (["-ff", "-X", "raw"], {"per_process": True, "xlat": "raw"}, "ff"),
]

TRACER = """
import json, sys
import observer
kw = json.loads(sys.argv[1])
with observer.Tracer(**kw) as tracer:
    tracer.write()
print(json.dumps(tracer.report().counts()))
"""

#: Times, pids and addresses: times of day, every number of three digits or more, and every
#: hex number.
_VARYING = re.compile(r"0x[0-9a-f]+|\b\d\d:\d\d:\d\d\b|\b\d{3,}\b")


def mask(text: str) -> str:
    text = re.sub(r'getrandom\("(?:[^"\\]|\\.)*"', 'getrandom("R"', text)
    return _VARYING.sub("N", text)


_TIMES_AND_PIDS = ("time", "ts_ns", "wall_ns", "duration_ns", "tgid", "tid", "pid")


def _steady(row: dict[str, Any]) -> dict[str, Any]:
    """A record without what differs every run: getrandom's bytes, and the registers that
    execve does not read (what the launching process, python or observer, left there)."""
    row = {key: value for key, value in row.items() if key not in _TIMES_AND_PIDS}
    if row.get("syscall") == "getrandom":
        return {key: value for key, value in row.items() if key not in ("buffers", "data")}
    if row.get("syscall") == "execve":
        row = {key: value for key, value in row.items() if key not in ("arg3", "arg4", "arg5")}
        if "args" in row:
            row["args"] = row["args"][:3]
    return row


def _joined(lines: list[str]) -> list[str]:
    """strace -f lines grouped by process, each call whole: whether a call is cut in two
    (<unfinished ...>, <... resumed>) and where another process's lines fall depends on
    timing, not on the face."""
    by_pid: dict[str, list[str]] = {}
    cut: dict[str, str] = {}
    for line in lines:
        pid, _, rest = line.partition(" ")
        rest = rest.lstrip()  # pids are padded to five columns
        if rest.endswith(" <unfinished ...>"):
            cut[pid] = rest.removesuffix(" <unfinished ...>")
            continue
        resumed = re.match(r"<\.\.\. \w+ resumed>(.*)", rest)
        if resumed and pid in cut:
            rest = cut.pop(pid) + resumed.group(1)
        by_pid.setdefault(pid, []).append(" ".join(rest.split()))
    return [line for lines in by_pid.values() for line in lines]


def contents(path: Path, follow: bool = False) -> Any:
    """What an output holds, masked: a file's lines, a directory's files by masked name, a
    Parquet dataset's rows without the columns of times and pids."""
    if path.is_dir() and path.suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = [_steady(row) for row in pq.read_table(path).to_pylist()]
        return mask(json.dumps(rows, default=str))
    if path.is_dir():
        return sorted((mask(child.name), contents(child)) for child in path.iterdir())
    lines = path.read_text(errors="replace").splitlines()
    if path.suffix == ".jsonl":
        lines = [json.dumps(_steady(json.loads(line)), sort_keys=True) for line in lines
                 if '"kind":"end"' not in line]
    elif follow:
        lines = _joined(lines)
    # A leading pid is padded to five columns: a four-digit pid on one face and a five-digit
    # one on the other differ in that padding alone.
    return [mask(re.sub(r"^(\d+) +", r"\1 ", line)) for line in lines]


def split_outputs(directory: Path, name: str) -> Any:
    """-ff with a file name writes NAME.PID files beside each other: all of them, masked."""
    return sorted(contents(path) for path in directory.glob(name + ".*"))


def cli_report(stderr: str) -> dict[str, int]:
    match = re.search(r"observer: (\d+) events written, (\d+) lost", stderr)
    assert match, stderr
    return {"written": int(match.group(1)), "lost": int(match.group(2))}


def summary_calls(path: Path) -> list[Any]:
    """The -c table without its times: syscall, calls and errors per row (sorted: rows of
    equal time may change places)."""
    text = path.read_text()
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        return sorted((row["syscall"], row["calls"], row["errors"]) for row in rows)
    # % time, seconds, usecs/call, calls, errors (blank when none), syscall
    return sorted(tuple(line.split()[3:]) for line in text.splitlines()[2:]
                  if not line.startswith("-"))


@pytest.mark.parametrize(("argv", "kwargs", "name"), MATRIX,
                         ids=[" ".join(argv) or "log" for argv, _, _ in MATRIX])
def test_the_command_line_and_the_tracer_write_the_same(tmp_path: Path, argv: list[str],
                                                        kwargs: dict[str, Any],
                                                        name: str, program: Path) -> None:
    follow = "-f" in argv or "-ff" in argv
    command = ["setarch", "-R", str(program)] + (["fork"] if follow else [])
    outputs = []
    for face in ("cli", "api"):
        where = tmp_path / face
        where.mkdir()
        out = where / name
        if face == "cli":
            run = subprocess.run([sys.executable, "-m", "observer", *argv, "-o", str(out), "--",
                                  *command], cwd=tmp_path, capture_output=True, text=True,
                                 timeout=120)
            assert run.returncode == 0, run.stderr
            report = (cli_report(run.stderr) if "-c" not in argv else None)
        else:
            options = {key: (str(out) if value == "{out}" else value)
                       for key, value in kwargs.items()}
            options.setdefault("output", str(out))
            options["command"] = command
            run = subprocess.run([sys.executable, "-c", TRACER, json.dumps(options)],
                                 cwd=tmp_path, capture_output=True, text=True, timeout=120)
            assert run.returncode == 0, run.stderr
            counts = json.loads(run.stdout.splitlines()[-1])  # after what cat wrote
            report = ({"written": counts["written"], "lost": counts["lost"]}
                      if "-c" not in argv else None)
            end = [json.loads(line) for line in out.read_text().splitlines()
                   if '"kind":"end"' in line] if name.endswith(".jsonl") and out.is_file() else []
            if end and "-c" not in argv:  # the jsonl end line is the Tracer's report
                assert end[-1] == {"kind": "end", **counts}
        if name == "ff":
            found = split_outputs(where, name)
        elif "-U" in argv:  # no time column: the whole table
            found = out.read_text().splitlines()
        elif "-c" in argv:
            found = summary_calls(out)
        else:
            found = contents(out, follow)
        outputs.append((found, report))
    (cli_found, cli_counts), (api_found, api_counts) = outputs
    assert cli_found, "nothing written"
    assert cli_counts == api_counts
    assert cli_found == api_found
