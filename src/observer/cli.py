"""``python -m observer``: trace syscalls of processes, a command, or the whole system."""

from __future__ import annotations

import argparse
import errno
import fnmatch
import io
import os
import re
import signal
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from observer import __version__, summary, syscall_classes, syscalls
from observer._errors import ObserverError, OutputError, UsageError
from observer._files import check_output
from observer._options import (
    DATA_LIMIT_MAX,
    FORMATS,
    STRING_LIMIT_MAX,
    parse_cgroup,
    parse_comms,
    parse_paths,
    parse_pids,
    parse_size,
    parse_user,
)
from observer._selection import parse_selection
from observer._session import (
    CommandNotExecutable,
    CommandNotFound,
    Output,
    Session,
    Settings,
    set_format,
    write_summary_file,
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NOT_EXECUTABLE = 126
EXIT_NOT_FOUND = 127

EPILOG = """\
examples:
  observer -p 1234                     every syscall of pid 1234 (all threads) to trace.log
  observer -p 1234 -s openat -o -      only its openat calls, to standard output
  observer -f -o build.log -- make -j2
                                       run a command, trace it and every child it forks
  observer -n nginx -d 60              every process that execs "nginx", for 60 s
  observer -f -p 1234                  pid 1234 and the children it forks from now on
  observer -d 10 -o all.log            the whole system (except observer) for 10 s
  observer -c -- ls -l /               a summary: calls, errors and CPU time per syscall
  observer -c -w --latency -- ls -l /  wall time, and latency percentiles per syscall
  observer --format jsonl -o ls.jsonl -- ls /
                                       one JSON object per syscall
  observer -tt -T -o - -- ls /         strace-style lines with times and durations
  observer -Z -s '!%memory' -o - -- ls /
                                       only failing syscalls, except memory ones
  python -m observer.formatter trace.log -o out/
                                       split a log into one file per process
  observer -l 'open*'                  syscall numbers and names; -l %file lists a class
  observer --info                      what this kernel supports and observer will use

log format: one line per syscall, "pid:syscall_number:comm" (pid = process id; comm with
'\\' and non-printable bytes escaped as \\\\ and \\xHH). --format jsonl and strace record
at syscall exit: return value, duration, decoded arguments and path strings.

While tracing, a status line on a terminal's stderr shows elapsed time, events per second,
events written, events lost and traced processes alive (-q turns it off); never on the
terminal that CMD or a -p target writes to.

If observer stops before CMD ends (Ctrl-C, SIGTERM, -d), CMD and every process below it get
that signal (SIGTERM for -d), then SIGKILL after 1 s; -p and -n targets are left running.

exit status:
  0    success (--info: observer can trace on this machine)
  1    runtime error: privileges, kernel, output (--info: a required feature is missing)
  2    bad usage: unknown option, syscall, pid or pattern
  126  CMD found but not executable (a directory, no execute permission)
  127  CMD not found
  with -- CMD: CMD's own exit status (128 + N if killed by signal N)
"""

# Test hook: probe a fake /proc and /sys tree instead of the real ones (see docs/guarantees.md).
PROBE_ROOT_ENV = "OBSERVER_PROBE_ROOT"


@dataclass
class Options:
    """Validated command-line options."""

    pids: list[int] = field(default_factory=list)
    comms: list[str] = field(default_factory=list)
    cgroup: Any = None  # observer._cgroups.Cgroup of --cgroup/--unit/--container
    uid: int | None = None
    follow: bool = False
    per_process: bool = False  # -ff
    quiet: bool = False
    syscalls: list[int] = field(default_factory=list)
    compat_syscalls: list[int] | None = None  # syscalls.Selection.compat
    numeric_syscalls: list[str] = field(default_factory=list)  # -s 128: a string size?
    paths: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)
    output: str = "trace.log"
    output_given: bool = False  # -o on the command line (-c then writes its table there)
    duration: float | None = None
    ring_size: int = 16 << 20
    backlog: int = 0  # bytes; 0: the core's default (16 ring sizes, at most 1 GiB)
    rotate: int = 64 << 20
    verbose: int = 0
    list_syscalls: str | None = None
    info: bool = False
    format: str = "log"
    timestamps: int = 0
    durations: bool = False
    relative: bool = False
    tid: bool = False
    summary: bool = False
    summary_with_events: bool = False
    summary_wall: bool = False
    latency: bool = False
    failed: bool = False
    successful: bool = False
    unfinished: bool = False  # -e status=unfinished
    string_limit: int = 256
    data_limit: int = 32
    decode_fds: bool = False
    absolute: bool = False

    @property
    def full_records(self) -> bool:
        """Records are written at syscall exit (return values, durations, strings)."""
        return (self.format != "log" or self.summary or self.failed or self.successful
                or self.unfinished)


class _Parser(argparse.ArgumentParser):
    """Reports bad arguments as one UsageError line instead of argparse's usage block."""

    def error(self, message: str) -> Any:
        raise UsageError(f"{message} (see observer --help)")


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of ``observer``, with the EXAMPLES and exit status epilog."""
    parser = _Parser(
        prog="observer",
        description="Trace syscalls with eBPF: one pid, a command, or the whole system.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    target = parser.add_argument_group("what to trace")
    target.add_argument("-p", "--pid", action="append", default=[], metavar="PID",
                        help="trace all threads of PID; repeatable, comma-separated")
    target.add_argument("-f", "--follow", action="count", default=0,
                        help="also trace children forked by traced processes, from their first "
                             "syscall; -ff also writes one file per process: FILE.PID (jsonl, "
                             "strace) or, for the log, the formatter's DIR/COMM:PID.log files")
    target.add_argument("-n", "--comm", action="append", default=[], metavar="NAME",
                        help="trace every process that runs a program named NAME (full "
                             "basename or comm): from its exec, or from now if already running; "
                             "repeatable, comma-separated")
    target.add_argument("-s", "--syscall", action="append", default=[], metavar="NAME",
                        help="only these syscalls: names, numbers, strace classes (%%file, "
                             "%%process, %%net, %%signal, %%ipc, %%desc, %%memory), /REGEX "
                             "(names it matches), all, none; NAME@64 or NAME@32 for one ABI, "
                             "?NAME to ignore a name unknown here, '!' to exclude; repeatable, "
                             "comma-separated (strace's -s N is --string-limit N)")
    target.add_argument("-P", "--path", action="append", default=[], metavar="PATH",
                        help="only syscalls that touch PATH: name it in an argument (as given, "
                             "or resolved) or use an fd opened on it (decided in the kernel); "
                             "repeatable")
    target.add_argument("--cgroup", metavar="PATH",
                        help="only processes in this cgroup v2 directory or below it (absolute, "
                             "or relative to the cgroup v2 mount), from their first syscall")
    target.add_argument("--unit", metavar="NAME",
                        help="only processes of this systemd unit (nginx.service, "
                             "user@1000.service): its cgroup")
    target.add_argument("--container", metavar="ID",
                        help="only processes of the container whose id starts with ID "
                             "(docker, containerd, CRI-O, podman): its cgroup")
    target.add_argument("--user", metavar="USER",
                        help="only syscalls made with this real or effective user (name or "
                             "number)")
    target.add_argument("--uid", type=int, metavar="UID", help="the same as --user, by number")
    target.add_argument("-u", dest="run_as", metavar="USER", help=argparse.SUPPRESS)
    target.add_argument("-e", dest="expr", action="append", default=[], metavar="EXPR",
                        help="strace's filter syntax: trace=LIST (as -s; all, none, /REGEX), "
                             "status=failed (as "
                             "-Z), status=successful or status=unfinished (calls that never "
                             "returned); repeatable")
    target.add_argument("-Z", "--failed", action="store_true",
                        help="only syscalls that returned an error (decided in the kernel)")
    target.add_argument("command", nargs="*", metavar="[--] CMD ARGS",
                        help="start CMD and trace it from its first syscall; observer's options "
                             "end at the first word that is not one (or at --)")
    out = parser.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="FILE",
                     help="log file (default: trace.log; '-' = standard output)")
    out.add_argument("-d", "--duration", type=float, metavar="SECONDS",
                     help="stop after SECONDS")
    out.add_argument("--format", choices=FORMATS,
                     help="log: pid:syscall:comm (default); jsonl: one JSON object per syscall "
                          "with every field; strace: decoded calls and results; parquet: a "
                          "dataset directory of Parquet files written as records come "
                          "(default trace.parquet)")
    out.add_argument("--tid", action="store_true",
                     help="log format: lines 'pid:tid:syscall_id:comm' (thread id after the "
                          "pid), after a first line '# pid:tid:syscall_id:comm'")
    out.add_argument("-t", dest="timestamps", action="count", default=0,
                     help="strace format: wall-clock time of day (-tt: with microseconds, "
                          "-ttt: seconds since the epoch)")
    out.add_argument("-r", dest="relative", action="store_true",
                     help="strace format: time since the previous syscall's entry")
    out.add_argument("-T", dest="durations", action="store_true",
                     help="strace format: time spent in each syscall")
    out.add_argument("--string-limit", type=int, default=256, metavar="N",
                     help="bytes kept of path and name arguments (default: 256; longer ones "
                          "are marked truncated)")
    out.add_argument("--data-limit", type=int, default=32, metavar="N",
                     help="bytes shown of I/O buffers (read, write ...; default: 32, strace's "
                          "-s); 0 captures no buffers or structs: the cheapest full records")
    out.add_argument("-y", "--decode-fds", action="store_true",
                     help="strace format, jsonl and parquet: what each fd names, read in the "
                          "kernel at the call: read(3</etc/passwd>, ...), = 3<socket:[123]>")
    out.add_argument("--absolute", action="store_true",
                     help="strace format and jsonl: relative path arguments written from the "
                          "directory they were resolved in (the cwd or the dirfd's, at the "
                          "call)")
    out.add_argument("-c", "--summary", action="store_true",
                     help="count calls, errors and CPU time per syscall in the kernel and print "
                          "strace -c's table to stderr at the end, instead of records")
    out.add_argument("-C", "--with-summary", action="store_true",
                     help="like -c, and write the records too")
    out.add_argument("-w", dest="summary_wall", action="store_true",
                     help="-c/-C: wall time from entry to exit instead of CPU time (strace -w)")
    out.add_argument("--latency", action="store_true",
                     help="-c/-C: add each syscall's median, 99th percentile and longest wall "
                          "time per call, from histograms kept in the kernel")
    out.add_argument("--rotate", default="64", metavar="SIZE",
                     help="--format parquet: start the next file of the dataset after SIZE of "
                          "records (MiB, or with a K, M or G suffix; default: 64) and at least "
                          "every 5 s, so that a killed run keeps what it wrote")
    out.add_argument("--ring-size", default="16", metavar="SIZE",
                     help="ring buffer size, a power of two from 4K to 1G: MiB, or with a K, "
                          "M or G suffix (default: 16)")
    out.add_argument("--backlog", metavar="SIZE",
                     help="records drained from the ring that may wait for the output when it "
                          "is slower than the traced programs, from 1K to 1024G: MiB, or with "
                          "a K, M or G suffix (default: 16 ring sizes, but not over 1G); "
                          "beyond it they are dropped and counted")
    parser.add_argument("-l", "--list-syscalls", nargs="?", const="*", metavar="PATTERN",
                        help="list syscall numbers and names of this machine and exit; PATTERN "
                             "is a glob ('open*') or a class ('%%file', '%%net'; '%%' lists "
                             "the classes)")
    parser.add_argument("--info", action="store_true",
                        help="report what this kernel supports and what observer will use, "
                             "then exit")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no messages on stderr except errors")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="print libbpf messages (-vv: debug)")
    parser.add_argument("-V", "--version", action="version", version=f"observer {__version__}")
    return parser


def split_command(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[list[str],
                                                                            list[str]]:
    """(observer's options, the command): options end at "--" or, as strace reads its command
    line, at the first word that is neither an option nor an option's value, so that
    `observer -o t.log ls -f` runs `ls -f` instead of taking -f for --follow."""
    with_value = {flag for action in parser._actions if action.option_strings
                  and action.nargs is None and action.const is None
                  and not isinstance(action, (argparse._StoreTrueAction,
                                              argparse._CountAction, argparse._VersionAction,
                                              argparse._HelpAction))
                  for flag in action.option_strings}
    # -l [PATTERN]: an optional value, taken when the next word is not an option.
    maybe_value = {flag for action in parser._actions if action.nargs == "?"
                   for flag in action.option_strings}
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            return argv[:i], argv[i + 1:]
        if not word.startswith("-") or word == "-":
            return argv[:i], argv[i:]
        if word in with_value:  # its value is the next word ("-o FILE"), not glued on
            i += 1
        elif word in maybe_value and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
            i += 1
        elif not word.startswith("--") and len(word) > 2 and word[:2] in with_value:
            pass  # "-oFILE"
        i += 1
    return argv, []


def parse_options(argv: list[str] | None) -> Options:
    """Parse and validate argv; raises UsageError (--help and --version exit with 0)."""
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    own, command = split_command(parser, words)
    args = parser.parse_args(own)
    args.command = command
    if "--" in words[len(own):len(own) + 1] and not command:
        raise UsageError("-- must be followed by a command (or give -p PID, -n NAME, or "
                         "nothing for the whole system)")
    opts = Options(
        output=args.output if args.output is not None else Options.output,
        duration=args.duration,
        verbose=args.verbose,
        list_syscalls=args.list_syscalls,
        info=args.info,
        command=args.command,
        follow=args.follow > 0,
        per_process=args.follow > 1,
        quiet=args.quiet,
    )
    opts.timestamps = min(args.timestamps, 3)
    opts.durations = args.durations
    opts.relative = args.relative
    opts.failed = args.failed
    syscall_lists = list(args.syscall)
    for expr in args.expr:
        key, _, value = expr.rpartition("=") if "=" in expr else ("trace", "=", expr)
        if key == "trace":
            syscall_lists.append(value)
        elif key == "status" and value in ("failed", "successful", "unfinished"):
            opts.failed = opts.failed or value == "failed"
            opts.successful = opts.successful or value == "successful"
            opts.unfinished = opts.unfinished or value == "unfinished"
        else:
            raise UsageError(f"unsupported -e {expr!r}: observer reads -e trace=LIST and "
                             "-e status=failed|successful|unfinished")
    if opts.failed + opts.successful + opts.unfinished > 1:
        chosen = [name for name, on in (("failed", opts.failed), ("successful", opts.successful),
                                        ("unfinished", opts.unfinished)) if on]
        raise UsageError(f"status={' and status='.join(chosen)} select nothing together")
    opts.summary = args.summary or args.with_summary
    opts.summary_with_events = args.with_summary
    for flag, given in (("-w", args.summary_wall), ("--latency", args.latency)):
        if given and not opts.summary:
            raise UsageError(f"{flag} shapes the summary: add -c (or -C)")
    opts.summary_wall = args.summary_wall
    opts.latency = args.latency
    opts.output_given = args.output is not None
    if args.format is None:
        # -t/-T only make sense for strace lines: asking for them picks that format.
        opts.format = ("strace" if opts.timestamps or opts.durations or opts.relative
                       or args.decode_fds or args.absolute else "log")
    else:
        opts.format = args.format
    if opts.per_process:
        if args.output is None or args.output == "-":
            raise UsageError("-ff writes one file per process: give -o FILE (jsonl, strace: "
                             "FILE.PID) or -o DIR (log: DIR/COMM:PID.log)")
        if opts.format == "parquet":
            raise UsageError("-ff does not apply to --format parquet: its rows carry the pid")
    opts.tid = args.tid
    if opts.tid and opts.format != "log":
        raise UsageError(f"--tid applies to the log format; --format {opts.format} records "
                         "carry the thread id already")
    if (opts.timestamps or opts.durations or opts.relative) and opts.format != "strace":
        raise UsageError(f"-t/-tt/-T apply to --format strace, not {opts.format}")
    if opts.format == "parquet":
        if opts.summary and not opts.summary_with_events:
            raise UsageError("-c writes a table, not a Parquet dataset: -C writes the records "
                             "too, or --format jsonl writes the table as JSON lines")
        if opts.output == "-":
            raise UsageError("--format parquet writes a dataset directory, not standard output")
        if args.output is None:
            opts.output = "trace.parquet"
    if not 1 <= args.string_limit <= STRING_LIMIT_MAX:
        raise UsageError(f"string limit must be 1-{STRING_LIMIT_MAX} bytes, not "
                         f"{args.string_limit}")
    opts.string_limit = args.string_limit
    if not 0 <= args.data_limit <= DATA_LIMIT_MAX:
        raise UsageError(f"data limit must be 0-{DATA_LIMIT_MAX} bytes, not {args.data_limit}")
    opts.data_limit = args.data_limit
    opts.decode_fds = args.decode_fds
    opts.absolute = args.absolute
    if opts.decode_fds and opts.format not in ("jsonl", "strace", "parquet"):
        raise UsageError(f"-y applies to --format strace, jsonl and parquet, not {opts.format}")
    if opts.absolute and opts.format not in ("jsonl", "strace"):
        raise UsageError(f"--absolute applies to --format strace and jsonl, not {opts.format}")
    opts.comms = parse_comms(args.comm)
    opts.paths = parse_paths(args.path)
    opts.cgroup = parse_cgroup(args.cgroup, args.unit, args.container)
    if args.run_as is not None:
        raise UsageError("-u USER would run the command as USER, as strace's -u does, which "
                         "observer does not do: --user USER traces only USER's syscalls")
    opts.uid = parse_user(args.user, args.uid)
    opts.pids = parse_pids(args.pid)
    selection = parse_selection(syscall_lists)
    opts.syscalls, opts.compat_syscalls = selection.native, selection.compat
    opts.numeric_syscalls = selection.numbers
    if opts.duration is not None and not opts.duration > 0:
        raise UsageError(f"duration must be > 0 seconds, not {args.duration}")
    opts.ring_size = parse_size(args.ring_size)
    opts.rotate = parse_size(args.rotate, power_of_two=False)
    if args.backlog is not None:
        opts.backlog = parse_size(args.backlog, power_of_two=False, name="backlog size")
    if opts.pids and opts.command:
        raise UsageError("give either -p PID or -- CMD, not both")
    if opts.follow and not (opts.pids or opts.command or opts.comms):
        raise UsageError("-f follows the children of -p PID, -n NAME or a command: give one")
    return opts


def list_syscalls(pattern: str = "*") -> None:
    """Print "number  name" of this machine's syscalls matching a glob or a %class.

    "%" alone lists the classes with their sizes. Raises UsageError if nothing matches.
    """
    arch = syscalls.native_arch()
    if pattern == "%":
        print(f"# syscall classes on {arch} (as in strace)")
        for name in syscall_classes.names():
            print(f"{name:<10}{len(syscall_classes.members(name, arch)):4d} syscalls")
        return
    table = syscalls.table(arch)
    if pattern.startswith("%"):
        wanted = syscall_classes.members(pattern, arch)
        rows = [(nr, name) for nr, name in table.items() if name in wanted]
    else:
        rows = [(nr, name) for nr, name in table.items()
                if fnmatch.fnmatchcase(name, pattern) or pattern == str(nr)]
    if not rows:
        raise UsageError(f"no syscall on {arch} matches {pattern!r}; try -l to list them all")
    matching = "" if pattern == "*" else f", matching {pattern}"
    print(f"# {arch}, from {syscalls.source(arch)}{matching}")
    for nr, name in sorted(rows):
        print(f"{nr:4d}  {name}")


#: Report lines that describe the machine rather than a feature that may be missing.
_INFO_ONLY = {"kernel", "libbpf"}


def print_info(probe_root: str = "/") -> int:
    """Print what the kernel supports and observer uses (``--info``), one line each.

    Files such as /proc/self/mounts are read under ``probe_root`` (tests point it at a fake
    tree). Returns EXIT_OK if observer can trace here, else EXIT_ERROR.
    """
    from observer import _core

    report = _core.probe_kernel(probe_root)
    arch = syscalls.native_arch()
    print(f"observer {__version__}")
    missing, unknown = [], []
    for feature in report:
        if feature.name in _INFO_ONLY:
            print(f"  {feature.name + ':':<15}{feature.detail}")
            if feature.name == "kernel":
                print(f"  {'syscall table:':<15}{arch}, {len(syscalls.table(arch))} syscalls "
                      f"({syscalls.source(arch).rsplit(', ', 1)[-1]} tables)")
            continue
        state = {True: "yes", False: "no", None: "unknown"}[feature.available]
        print(f"  {feature.name + ':':<15}{state:<8}{feature.detail}")
        if feature.required and feature.available is False:
            missing.append(feature.name)
        elif feature.required and feature.available is None:
            unknown.append(feature.name)
    print(f"  {'cgroup v2:':<15}{cgroup_v2_info(probe_root)}")
    if missing or unknown:
        # A probe that could not run says nothing about the kernel: such features are
        # unknown, not missing.
        said = [f"{what}: {', '.join(names)}"
                for names, what in ((missing, "not available"),
                                    (unknown, "unknown without privileges"))
                if names]
        print(f"observer cannot trace here: {'; '.join(said)}")
        return EXIT_ERROR
    print("observer can trace here (tp_btf programs, BPF ring buffer)")
    return EXIT_OK


def cgroup_v2_info(probe_root: str = "/") -> str:
    """The --info line of the cgroup v2 hierarchy that --cgroup, --unit and --container use."""
    from observer import _cgroups

    found = _cgroups.v2_mount(os.path.join(probe_root, "proc/self/mountinfo"))
    if found is None:
        return f"{'no':<8}not mounted: no --cgroup, --unit, --container"
    mount, _ = found
    hybrid = " (hybrid)" if mount.name == "unified" else ""
    systemd = os.path.isdir(os.path.join(probe_root, "run/systemd/system"))
    return f"{'yes':<8}at {mount}{hybrid}; --unit: {'systemd' if systemd else 'no systemd'}"


def _count(n: float) -> str:
    """A count in at most 5 characters: 999, 12.3k, 4.56M."""
    for limit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if n >= limit:
            value = n / limit
            return f"{value:.{2 if value < 10 else 1 if value < 100 else 0}f}{suffix}"
    return f"{n:.0f}"


class StatusLine:
    """A live one-line status redrawn in place on a terminal (stderr), from counters only.

    Shows elapsed time, events/s over the last interval, events written, events lost (bold
    red once non-zero) and traced processes alive. Costs one write every INTERVAL seconds.
    """

    INTERVAL = 0.25

    def __init__(self, stream: TextIO, start: float, targets: bool) -> None:
        self.stream = stream
        self.start = start
        self.targets = targets
        self.color = os.environ.get("NO_COLOR") is None
        self.last_time = start
        self.last_written = 0
        self.next_draw = start
        self.drawn = False

    def update(self, now: float, written: int, lost: int, alive: int) -> None:
        """Redraw if INTERVAL has passed since the last draw (and observer is in the
        terminal's foreground: in the background its line would land in another program's)."""
        if now < self.next_draw or not _foreground(self.stream):
            return
        span = now - self.last_time
        rate = (written - self.last_written) / span if span > 0 else 0.0
        self.last_time, self.last_written = now, written
        self.next_draw = now + self.INTERVAL
        lost_text = f"{_count(lost)} lost"
        if lost and self.color:
            lost_text = f"\x1b[1;31m{lost_text}\x1b[0m"
        alive_text = f"{alive} traced alive" if self.targets else "system-wide"
        line = (f"observer: {now - self.start:7.1f} s  {_count(rate):>6} ev/s  "
                f"{_count(written):>6} written  {lost_text}  {alive_text}")
        # \r and erase-to-end-of-line: redraw in place, never scroll.
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Erase the line, so the next message starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _foreground(stream: TextIO) -> bool:
    """False if stream is a terminal whose foreground process group is not observer's."""
    try:
        return os.tcgetpgrp(stream.fileno()) == os.getpgrp()
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return True  # not a terminal (a test's buffer): nothing else draws there


def wants_status_line(opts: Options) -> bool:
    """The status line is drawn only on a terminal, never into files or pipes, not with -q, and
    never on a terminal that a traced process writes to: the command started with -- CMD
    writes where observer does, a -p target wherever its fds 0-2 point. Mixed into their
    output it would corrupt both."""
    if opts.quiet or not sys.stderr.isatty():
        return False
    terminal = os.fstat(sys.stderr.fileno()).st_rdev
    owners = ["self"] if opts.command else [str(pid) for pid in opts.pids]
    for owner in owners:
        for fd in (0, 1, 2):
            try:
                st = os.stat(f"/proc/{owner}/fd/{fd}")
            except OSError:
                continue
            if stat.S_ISCHR(st.st_mode) and st.st_rdev == terminal:
                return False
    return True


def describe(opts: Options) -> str:
    """What is traced and where to, for the "tracing ..." message."""
    what = []
    if opts.command:
        what.append(" ".join(opts.command))
    if opts.pids:
        what.append("pid " + ",".join(map(str, opts.pids)))
    if opts.comms:
        what.append("programs named " + ",".join(opts.comms))
    # No target at all: the seeds' default, said in full, since nothing on the command line
    # asked for it.
    restricted = opts.cgroup is not None or opts.uid is not None or bool(opts.paths)
    whole = ("the whole system" if restricted
             else "the whole system (no -p, -n or -- CMD: every process but observer)")
    target = " and ".join(what) or whole
    if opts.follow and (opts.command or opts.pids or opts.comms):
        target += " with children"
    # Restrictions of what is above (both decided in the kernel per syscall).
    if opts.cgroup is not None:
        target += f" in cgroup {opts.cgroup.path}"
    if opts.uid is not None:
        target += f" as uid {opts.uid}"
    if opts.paths:
        target += " touching " + ", ".join(opts.paths)
    if not records_wanted(opts):
        return target + ", summary only"
    if opts.output == "-":
        return target + " to standard output"
    if not opts.output_given:  # the default file, named in full so it can be found
        return target + f" to {os.path.abspath(opts.output)} (the default -o)"
    return target + f" to {opts.output}"


def how_to_stop(opts: Options) -> str:
    """The end of the "tracing ..." message: what ends the trace besides Ctrl-C."""
    if opts.duration:
        return f"stops after {opts.duration:g} s, or Ctrl-C"
    return "Ctrl-C to stop"


def settings(opts: Options) -> Settings:
    """The session settings of the command-line options."""
    chosen = Settings(
        pids=opts.pids, comms=opts.comms, command=opts.command, follow=opts.follow,
        syscalls=opts.syscalls, compat_syscalls=opts.compat_syscalls, paths=opts.paths,
        cgroup=opts.cgroup, uid=opts.uid,
        duration=opts.duration,
        ring_size=opts.ring_size, backlog_size=opts.backlog, emit_records=records_wanted(opts),
        count_stats=opts.summary, count_latency=opts.latency, failed=opts.failed,
        successful=opts.successful, unfinished=opts.unfinished, fd_paths=opts.decode_fds, absolute_paths=opts.absolute,
        probe_root=os.environ.get(PROBE_ROOT_ENV, "/"),
    )
    set_format(chosen, opts.format, opts.string_limit, opts.data_limit)
    return chosen


#: Signals that stop tracing: Ctrl-C, kill's default, and the terminal hanging up.
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_SI_KERNEL = 0x80  # si_code of a signal the terminal driver sent (include/uapi/asm-generic/siginfo.h)


def take_stop_signal(session: Session) -> None:
    """Hands a pending stop signal to the session. A terminal's Ctrl-C (or hang-up) reaches
    the whole foreground process group, which the command shares with observer: it is not
    sent to those processes a second time."""
    info = signal.sigtimedwait(STOP_SIGNALS, 0)
    if info is not None:
        reached = os.getpgrp() if info.si_code == _SI_KERNEL else None
        session.stop(info.si_signo, reached)


def run(opts: Options) -> int:
    """Trace as opts says; returns the exit status. Raises ObserverError."""
    from observer import _core

    _core.set_verbosity(opts.verbose)
    # Stop signals wait, blocked, to be taken between polls (the command's mask is reset
    # before its exec); the mask is restored on the way out, pending ones discarded.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        return _run(opts)
    finally:
        while signal.sigtimedwait(STOP_SIGNALS, 0) is not None:
            pass
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _run(opts: Options) -> int:
    session = Session(settings(opts))
    # Outputs are checked now and created only once tracing works, so that a failed start
    # (no privileges, an unknown command) leaves an existing file as it was.
    if records_wanted(opts) or opts.output_given:
        check_output(opts.output, opts.format, opts.per_process)
    session.start()
    try:
        return _trace(opts, session)
    finally:
        session.finish()


def _trace(opts: Options, session: Session) -> int:
    from observer import _core

    tracer = session.tracer
    # Facts about the machine that change nothing (tracefs absent): for -v and --info only.
    if opts.verbose and not opts.quiet:
        for note in tracer.notes:
            print(f"observer: note: {note}", file=sys.stderr)
    session.begin()
    if not opts.quiet:
        print(f"observer: tracing {describe(opts)}; {how_to_stop(opts)}", file=sys.stderr,
              flush=True)
    # The command execs first: if that fails, no output has been created. Its first records
    # wait in the ring for the first poll.
    session.release()
    output = Output(opts.format if records_wanted(opts) else None, opts.output,
                    timestamps=opts.timestamps, durations=opts.durations,
                    relative=opts.relative, rotate=opts.rotate, tid=opts.tid,
                    per_process=opts.per_process)
    status_line = (StatusLine(sys.stderr, time.monotonic(), session.waits_for_targets
                              or bool(opts.comms)) if wants_status_line(opts) else None)
    output_error: OutputError | None = None
    try:
        for counters in session.polls(output.sink):
            take_stop_signal(session)
            output.feed()
            if status_line is not None:
                status_line.update(time.monotonic(), output.sink.written, counters.lost + counters.dropped,
                                   counters.traced_alive)
        output.feed(final=True)
    except OutputError as err:
        output_error = err
    finally:
        if status_line is not None:
            status_line.clear()
    if output_error is not None:
        # What is left in the ring can no longer be written: count it so it is reported lost.
        tracer.detach()
        tracer.drain(_core.DiscardSink())
    written = output.written
    elapsed = time.monotonic() - session.start_time
    status = session.finish()
    counters = tracer.counters()
    if counters.untraced_forks:
        print(f"observer: warning: {counters.untraced_forks} child processes were not followed "
              "(the pid namespace's map of children not yet started was full)", file=sys.stderr)
    if counters.untraced_execs:
        print(f"observer: warning: {counters.untraced_execs} programs named by -n were not "
              "traced (a pid past the traced bitmap)", file=sys.stderr)
    # Every call was either written (in full, unfinished or resumed), dropped in the kernel
    # (each cause counted), dropped in user space (backlog full), or taken for the output but
    # not written because the output failed.
    unwritten = tracer.consumed - written
    counts = accounting(written, tracer, counters, unwritten)
    lost = counts["lost"]
    if (opts.format == "jsonl" and not opts.per_process and output_error is None
            and records_wanted(opts)):
        try:
            output.sink.write_end(counts)
        except OutputError as err:
            output_error = err
    # A closed pipe (observer -o - | head) is how a reader says it has seen enough: no report
    # of what it did not read. -c alone writes no records: its table is the report.
    closed_pipe = output_error is not None and output_error.errno == errno.EPIPE
    if not closed_pipe and ((not opts.quiet and records_wanted(opts)) or lost):
        line = closing_line(counts, elapsed)
        if opts.numeric_syscalls and not written and records_wanted(opts):
            line += "; " + numeric_selection_note(opts.numeric_syscalls)
        print(line, file=sys.stderr)
    if opts.summary:
        write_summary(opts, tracer.stats())
    if output_error is not None and not closed_pipe:
        raise output_error
    return EXIT_OK if status is None else status


def write_summary(opts: Options, stats: list[Any]) -> None:
    """The -c table: on stderr, or as strace -c -o FILE does, into -o FILE (or standard output
    with -o -); --format jsonl writes it as one JSON object per syscall."""
    text = (summary.format_jsonl(stats, wall=opts.summary_wall) if opts.format == "jsonl"
            else summary.format_table(stats, wall=opts.summary_wall, latency=opts.latency))
    if opts.summary_with_events or not opts.output_given:
        sys.stderr.write(text)
    elif opts.output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_summary_file(opts.output, text)


def accounting(written: int, tracer: Any, counters: Any, unwritten: int) -> dict[str, int]:
    """The run's counts: records written (of them, calls unfinished and resumed) and records
    lost, in all and by cause. The calls written and lost_ring + lost_storage +
    lost_oversized + dropped + not_written + abandoned cover every call traced threads made
    while attached (and resumed ones, begun before); lost_notices are process exits and
    signals."""
    abandoned = tracer.abandoned
    return {
        "written": written, "unfinished": tracer.unfinished, "resumed": tracer.resumed,
        "lost": counters.lost + counters.dropped + unwritten + abandoned,
        "lost_ring": counters.lost_ring, "lost_storage": counters.lost_storage,
        "lost_oversized": counters.lost_oversized, "lost_notices": counters.lost_notices,
        "dropped": counters.dropped, "not_written": unwritten, "abandoned": abandoned,
    }


def numeric_selection_note(numbers: list[str]) -> str:
    """Why a numeric -s that matched no call may not be what was meant: strace's -s N is a
    string size, observer's --string-limit N."""
    named = ", ".join(f"{nr} ({syscalls.name(int(nr)) or '?'})" for nr in numbers)
    return (f"-s {','.join(numbers)} selected syscall {named}, never called: for strace's -s "
            f"(string size) use --string-limit {numbers[0]}")


def closing_line(counts: dict[str, int], elapsed: float) -> str:
    """observer: 146 events written, 0 lost, 0.11 s; with the unfinished and resumed calls
    among the written ones and the causes of loss when there are any."""
    causes = [(counts["lost_ring"], "ring full"), (counts["lost_storage"], "no task storage"),
              (counts["lost_oversized"], "larger than the ring"),
              (counts["lost_notices"], "exits and signals, ring full"),
              (counts["dropped"], "dropped: backlog full"),
              (counts["not_written"], "not written: output failed"),
              (counts["abandoned"], "still being written at the end")]
    detail = ", ".join(f"{n} {why}" for n, why in causes if n)
    lost = f"{counts['lost']} lost" + (f" ({detail})" if detail else "")
    took = f"{elapsed * 1000:.0f} ms" if elapsed < 1 else f"{elapsed:.2f} s"
    line = f"observer: {counts['written']} events written, {lost}, {took}"
    among = [f"{counts[key]} {key}" for key in ("unfinished", "resumed") if counts[key]]
    return line + (f"; {' and '.join(among)} among them" if among else "")


def records_wanted(opts: Options) -> bool:
    """Whether records are written at all: -c alone moves no per-event data."""
    return not opts.summary or opts.summary_with_events


def to_stdout(report: Callable[[], int]) -> int:
    """Runs report() (which prints to standard output) and returns its status. A reader that
    closes the pipe (observer -l | head) has seen enough: that ends the report quietly with
    its status, as it does for -o - while tracing."""
    try:
        status = report()
        sys.stdout.flush()
    except BrokenPipeError:
        status = EXIT_OK
    # Nothing more may reach the closed pipe, not even the interpreter's flush at exit.
    if sys.stdout.closed is False:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m observer``; returns the exit status."""
    try:
        opts = parse_options(argv)
        if opts.list_syscalls is not None:
            pattern = opts.list_syscalls

            def listing() -> int:
                list_syscalls(pattern)
                return EXIT_OK

            return to_stdout(listing)
        if opts.info:
            return to_stdout(print_info)
    except UsageError as err:
        print(f"observer: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return run(opts)
    except UsageError as err:
        print(f"observer: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except CommandNotFound as err:
        print(f"observer: error: {err}", file=sys.stderr)
        return EXIT_NOT_FOUND
    except CommandNotExecutable as err:
        print(f"observer: error: {err}", file=sys.stderr)
        return EXIT_NOT_EXECUTABLE
    except ObserverError as err:
        print(f"observer: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except ImportError as err:
        print(f"observer: error: the compiled core is missing ({err}); reinstall with "
              "'pip install .'", file=sys.stderr)
        return EXIT_ERROR
