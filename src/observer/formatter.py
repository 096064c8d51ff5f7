"""Split a trace log into one file of syscall numbers (or names) per (comm, pid) pair.

Usage: ``python -m observer.formatter trace.log [-o DIR] [--names [--arch ARCH]]``.

The trace log holds one record per line, ``pid:syscall_id:comm``, with ``comm`` escaped by
:mod:`observer._escape` (a log written with ``--tid`` starts with the line
``# pid:tid:syscall_id:comm`` and holds ``pid:tid:syscall_id:comm`` lines). Each pair's file is ``DIR/<comm>:<pid>.log`` (``/`` in the comm written as
``\\x2f``) and holds that pair's syscalls space-separated, in log order, then a newline. Malformed
lines are counted and reported on stderr, never fatal.

Parsing and grouping are pure functions; only ``write_split`` and ``main`` touch the file system.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from observer._escape import comm_filename_part, unescape_comm
from observer._files import open_directory, replace_file
from observer._formats import SNIFF_BYTES, TID_LOG_HEADER, detect, mismatch

__all__ = ["Record", "SplitResult", "main", "parse_line", "split_records", "write_split"]

PROG = "formatter"
ARCHES = ("x86_64", "aarch64")
MAX_REPORTED_LINES = 10

# bpf_get_current_comm() copies at most TASK_COMM_LEN (16, include/linux/sched.h) bytes including
# the NUL, so a longer comm cannot come from the tracer; the bound also keeps file names far below
# NAME_MAX (15 bytes escape to at most 60 characters).
MAX_COMM_BYTES = 15
# The tracer logs the tgid as a u32 (bpf_get_current_pid_tgid() >> 32) and the syscall number as
# the u64 bit pattern of raw_syscalls:sys_enter's ``id``.
MAX_PID = 2**32 - 1
MAX_NR = 2**64 - 1
MIN_NR = -(2**31)  # the record's nr is a signed 32-bit number

_DECIMAL = re.compile(r"[0-9]{1,20}")


class Record(NamedTuple):
    """One trace-log record; ``comm`` stays in its escaped form."""

    pid: int
    nr: int
    comm: str
    tid: int | None = None  # in a log written with --tid


class SplitResult(NamedTuple):
    """Records grouped by ``(comm, pid)`` in first-seen order, plus the 1-based malformed lines."""

    groups: dict[tuple[str, int], list[int]]
    malformed: list[int]
    records: int


def _decimal(field: str, maximum: int) -> int | None:
    """Return ``field`` as a non-negative integer no larger than ``maximum``, or None."""
    if _DECIMAL.fullmatch(field) is None:
        return None
    value = int(field)
    return value if value <= maximum else None


def _syscall_number(field: str) -> int | None:
    """The nr field: a decimal, or a negative one down to MIN_NR (syscall(-1) is recorded as
    the kernel passes it, nr -1)."""
    if field.startswith("-"):
        value = _decimal(field[1:], -MIN_NR)
        return -value if value else None  # "-0" is not canonical
    return _decimal(field, MAX_NR)


def parse_line(line: bytes, tid: bool = False) -> Record | None:
    """Parse one trace-log line (with or without its ``\\n``); return None if it is malformed.

    Malformed means: not ASCII, fewer than three ``:``-separated fields, a pid or syscall number
    that is not a plain decimal in range (signs, spaces and ``_`` are rejected), or a comm that is
    not canonically escaped or longer than ``MAX_COMM_BYTES`` once unescaped. An empty comm is
    valid; a blank line is not. With ``tid`` the line is ``pid:tid:syscall_id:comm``.
    """
    try:
        text = line.removesuffix(b"\n").decode("ascii")
    except UnicodeDecodeError:
        return None
    thread = None
    if tid:  # pid:tid:syscall_id:comm
        pid_text, sep, text = text.partition(":")
        thread_text, sep2, text = text.partition(":")
        thread = _decimal(thread_text, MAX_PID)
        if not sep or not sep2 or thread is None:
            return None
        text = f"{pid_text}:{text}"
    fields = text.split(":", 2)
    if len(fields) != 3:
        return None
    pid = _decimal(fields[0], MAX_PID)
    nr = _syscall_number(fields[1])
    if pid is None or nr is None:
        return None
    try:
        raw_comm = unescape_comm(fields[2])
    except ValueError:
        return None
    if len(raw_comm) > MAX_COMM_BYTES:
        return None
    return Record(pid, nr, fields[2], thread)


def split_records(lines: Iterable[bytes]) -> SplitResult:
    """Group the records of ``lines`` (e.g. a file opened in binary mode) by ``(comm, pid)``.

    Consumes ``lines`` once, so a file is streamed; memory grows with the number of records kept.
    """
    groups: dict[tuple[str, int], list[int]] = {}
    malformed: list[int] = []
    records = 0
    tid = False
    for lineno, line in enumerate(lines, start=1):
        if lineno == 1 and line.rstrip(b"\n") + b"\n" == TID_LOG_HEADER:
            tid = True  # a log with thread ids: its records are grouped per process all the same
            continue
        record = parse_line(line, tid)
        if record is None:
            malformed.append(lineno)
            continue
        groups.setdefault((record.comm, record.pid), []).append(record.nr)
        records += 1
    return SplitResult(groups, malformed, records)


def _labeler(names: bool, arch: str | None) -> Callable[[int], str]:
    """Return the function that renders a syscall number in the output files."""
    if not names:
        return str
    # Imported here so that number output works without the generated syscall table.
    from observer import syscalls

    arch_kwargs = {} if arch is None else {"arch": arch}
    cache: dict[int, str] = {}

    def label(nr: int) -> str:
        if nr not in cache:
            cache[nr] = syscalls.name(nr, **arch_kwargs) or str(nr)
        return cache[nr]

    return label


def write_split(
    result: SplitResult, out_dir: Path, names: bool = False, arch: str | None = None
) -> list[Path]:
    """Write one ``<comm>:<pid>.log`` file per group of ``result`` into ``out_dir``.

    Creates ``out_dir`` (0700, with its missing parents) if needed and replaces files of the
    same name; the files are 0600 (the syscalls a process made are its user's to see), each
    written whole under a hidden name and renamed, so a hard link at a name is replaced, not
    written through. A symlink at ``out_dir`` or at a file's name is refused. With ``names``,
    syscalls are written as ``observer.syscalls.name(nr[, arch=arch])``, falling back to the
    number when the name is unknown. Returns the paths written, in first-seen order. Raises
    OSError on file-system errors and symlinks, ImportError if names are requested but the
    syscall table is missing, and ValueError for a name that is not a file name.
    """
    label = _labeler(names, arch)
    directory = open_directory(out_dir, parents=True)
    try:
        written = []
        for (comm, pid), nrs in result.groups.items():
            # comm_filename_part never yields "/" and the ":<pid>.log" suffix rules out "."
            # and "..": the name stays inside out_dir.
            name = f"{comm_filename_part(comm)}:{pid}.log"
            data = (" ".join(map(label, nrs)) + "\n").encode("ascii")
            replace_file(directory, name, out_dir / name, lambda file: file.write(data))
            written.append(out_dir / name)
        return written
    finally:
        os.close(directory)


def _malformed_report(malformed: list[int]) -> str:
    """Return the stderr line that reports the skipped lines."""
    shown = ", ".join(map(str, malformed[:MAX_REPORTED_LINES]))
    more = ", ..." if len(malformed) > MAX_REPORTED_LINES else ""
    return f"{PROG}: {len(malformed)} malformed line(s) skipped (lines {shown}{more})"


def _reason(exc: Exception) -> str:
    """Return a one-line description of ``exc``, naming the file for OS errors."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror if exc.filename is None else f"{exc.filename}: {exc.strerror}"
    return str(exc)


def _fail(message: str) -> int:
    """Print ``message`` as the command's one error line and return the error exit status."""
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Split an observer trace log (pid:syscall_id:comm lines) into one "
        "'<comm>:<pid>.log' file per process, holding its syscalls space-separated.",
        epilog="examples:\n"
        "  python -m observer.formatter trace.log\n"
        "  python -m observer.formatter trace.log -o split/ --names --arch aarch64",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("log", type=Path, help="trace log to split")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="directory for the per-process files, created 0700 if missing (default: .)",
    )
    parser.add_argument("--names", action="store_true", help="write syscall names, not numbers")
    parser.add_argument(
        "--arch", choices=ARCHES, help="syscall table for --names (default: this machine's)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the formatter command line; return the exit status (0 ok, 1 error, 2 usage).

    Malformed lines do not change the exit status; they are reported on stderr.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.arch is not None and not args.names:
        parser.error("--arch only applies with --names")
    try:
        with args.log.open("rb") as log:
            head = log.read(SNIFF_BYTES)
            # Another format (jsonl, strace text) would be all "malformed lines": refuse it.
            found = detect(head)
            if found != "log" and (found is not None or head.strip()):
                return _fail(mismatch(args.log, found, "log"))
            # No seek: the log may be a pipe. The sniffed bytes end mid-line; finish that line.
            result = split_records(itertools.chain(io.BytesIO(head + log.readline()), log))
    except OSError as exc:
        return _fail(f"cannot read trace log: {_reason(exc)}")
    if result.malformed:
        print(_malformed_report(result.malformed), file=sys.stderr)
    try:
        written = write_split(result, args.output, names=args.names, arch=args.arch)
    except ImportError as exc:
        return _fail(f"--names needs the syscall table: {exc}")
    except (OSError, ValueError) as exc:
        return _fail(f"cannot write output: {_reason(exc)}")
    print(
        f"{PROG}: wrote {len(written)} file(s) for {result.records} record(s) to {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
