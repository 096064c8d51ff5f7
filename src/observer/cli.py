"""``python -m observer``: trace syscalls of processes, a command, or the whole system."""

from __future__ import annotations

import argparse
import errno
import fnmatch
import io
import os
import signal
import stat
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from observer import __version__, _cgroups, summary, syscall_classes, syscalls
from observer._errors import ObserverError, UsageError
from observer._files import check_output
from observer._options import (
    FORMATS,
    STRING_LIMIT_MAX,
    Options,
    parse_cgroup,
    display_selection,
    parse_comms,
    parse_fds,
    parse_host,
    parse_paths,
    parse_pids,
    parse_size,
    parse_user,
    parse_xlat,
)
from observer._outputs import Output, write_summary
from observer._selection import parse_selection
from observer._session import (
    CommandNotExecutable,
    CommandNotFound,
    Report,
    Session,
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
  observer -X verbose -x -e write=1 -o - -- echo hi
                                       strace's display options: constants with their
                                       numbers, strings in hex, a dump of what fd 1 got
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
                             "returned); and for the strace format raw=LIST (those calls' "
                             "arguments as hex numbers), abbrev=LIST and verbose=LIST (their "
                             "structures in short, or decoded at all; default all), read=FD,.. "
                             "and write=FD,.. (a hex dump of the data read from or written to "
                             "those fds); repeatable")
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
    out.add_argument("-x", dest="hex_strings", action="count", default=0,
                     help="strace format: strings with a non-ASCII byte in hex, \\x68\\x65 "
                          "(-xx: every string)")
    out.add_argument("-X", dest="xlat", metavar="FORMAT",
                     help="strace format: constants as raw numbers (raw), names (abbrev, the "
                          "default) or both, 0x241 /* O_WRONLY|O_CREAT|O_TRUNC */ (verbose)")
    out.add_argument("--string-limit", type=int, default=STRING_LIMIT_MAX, metavar="N",
                     help="bytes kept of path and name arguments (default and most: "
                          f"{STRING_LIMIT_MAX}, PATH_MAX - 1, as strace prints paths; "
                          "longer ones are marked truncated)")
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
    out.add_argument("-k", "--stack-trace", action="store_true",
                     help="strace format and jsonl: the user stack of each call after it, "
                          "unwound with DWARF call frame information, as strace -k")
    out.add_argument("-c", "--summary", action="store_true",
                     help="count calls, errors and CPU time per syscall in the kernel and print "
                          "strace -c's table to stderr at the end, instead of records")
    out.add_argument("-C", "--with-summary", action="store_true",
                     help="like -c, and write the records too")
    out.add_argument("-w", dest="summary_wall", action="store_true",
                     help="-c/-C: wall time from entry to exit instead of CPU time (strace -w)")
    out.add_argument("-S", dest="summary_sort", metavar="SORTBY",
                     help="-c/-C: sort the table by time (default), min-time, max-time, "
                          "avg-time, calls, errors, name or nothing (strace -S)")
    out.add_argument("-U", dest="summary_columns", metavar="COLUMNS",
                     help="-c/-C: the table's columns, comma-separated: time-percent, "
                          "total-time, min-time, max-time, avg-time, calls, errors, name "
                          "(strace -U)")
    out.add_argument("--latency", action="store_true",
                     help="-c/-C: add each syscall's median, 99th percentile and longest wall "
                          "time per call, from histograms kept in the kernel")
    out.add_argument("--host", metavar="NAME",
                     help="the node name every jsonl and parquet record carries, and the "
                          "dataset's host=NAME directory (default: $NODE_NAME, else the "
                          "hostname)")
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
                        help="notes and libbpf's messages (-vv: debug); in the strace "
                             "format also structures with every member, as strace -v")
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
    return options_of(parse_args(argv))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """argv as argparse reads it, the command apart (args.command); raises UsageError."""
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    own, command = split_command(parser, words)
    args = parser.parse_args(own)
    args.command = command
    if "--" in words[len(own):len(own) + 1] and not command:
        raise UsageError("-- must be followed by a command (or give -p PID, -n NAME, or "
                         "nothing for the whole system)")
    return args


def options_of(args: argparse.Namespace) -> Options:
    """The trace's Options of parsed arguments, validated; raises UsageError."""
    opts = Options(
        output=args.output, duration=args.duration, command=args.command,
        follow=args.follow > 0, per_process=args.follow > 1,
        timestamps=min(args.timestamps, 3), durations=args.durations, relative=args.relative,
        failed=args.failed, summary=args.summary and not args.with_summary,
        with_summary=args.with_summary, summary_wall=args.summary_wall, latency=args.latency,
        summary_sort=("total-time" if args.summary_sort is None
                      else summary.parse_sort(args.summary_sort)),
        summary_columns=(None if args.summary_columns is None
                         else summary.parse_columns(args.summary_columns)),
        format=args.format, tid=args.tid, string_limit=args.string_limit,
        data_limit=args.data_limit, decode_fds=args.decode_fds, absolute=args.absolute,
        stack_trace=args.stack_trace, probe_root=os.environ.get(PROBE_ROOT_ENV, "/"), verbose=args.verbose,
        hex_strings=min(args.hex_strings, 2),
        xlat="abbrev" if args.xlat is None else parse_xlat(args.xlat),
        quiet=args.quiet, face="cli")
    syscall_lists = list(args.syscall)
    shown: dict[str, list[str]] = {"raw": [], "abbrev": [], "verbose": [], "read": [],
                                   "write": []}
    for expr in args.expr:
        key, _, value = expr.partition("=") if "=" in expr else ("trace", "=", expr)
        if key == "trace":
            syscall_lists.append(value)
        elif key == "status" and value in ("failed", "successful", "unfinished"):
            setattr(opts, value, True)
        elif key in shown:
            shown[key].append(value)
        else:
            raise UsageError(f"unsupported -e {expr!r}: observer reads -e trace=LIST, "
                             "-e status=failed|successful|unfinished, and for the strace format "
                             "-e raw=, abbrev=, verbose= (syscalls) and -e read=, write= (fds)")
    opts.raw_syscalls = display_selection(shown["raw"]) or []
    opts.abbrev_syscalls = display_selection(shown["abbrev"])
    opts.verbose_syscalls = display_selection(shown["verbose"])
    opts.read_fds = parse_fds(shown["read"], "-e read=")
    opts.write_fds = parse_fds(shown["write"], "-e write=")
    if args.run_as is not None:
        raise UsageError("-u USER would run the command as USER, as strace's -u does, which "
                         "observer does not do: --user USER traces only USER's syscalls")
    opts.comms = parse_comms(args.comm)
    opts.paths = parse_paths(args.path)
    opts.cgroup = parse_cgroup(args.cgroup, args.unit, args.container)
    opts.uid = parse_user(args.user, args.uid)
    opts.pids = parse_pids(args.pid)
    selection = parse_selection(syscall_lists)
    opts.syscalls, opts.compat_syscalls = selection.native, selection.compat
    opts.numeric_syscalls = selection.numbers
    opts.ring_size = parse_size(args.ring_size)
    opts.rotate = parse_size(args.rotate, power_of_two=False)
    opts.host = parse_host(args.host)
    if args.backlog is not None:
        opts.backlog = parse_size(args.backlog, power_of_two=False, name="backlog size")
    return opts.check()


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
    print(f"  {'stacks (-k):':<15}" + ("yes     user stacks unwound with libdw" if _core.STACK_TRACES
                                      else "no      built without libdw, or not x86_64"))
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
    if not opts.records:
        return target + ", summary only"
    if opts.output == "-":
        return target + " to standard output"
    if opts.output is None:  # the default file, named in full so it can be found
        return target + f" to {os.path.abspath(opts.output_path)} (the default -o)"
    return target + f" to {opts.output}"


def how_to_stop(opts: Options) -> str:
    """The end of the "tracing ..." message: what ends the trace besides Ctrl-C."""
    if opts.duration:
        return f"stops after {opts.duration:g} s, or Ctrl-C"
    return "Ctrl-C to stop"


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
    session = Session(opts)
    # Outputs are checked now and created only once tracing works, so that a failed start
    # (no privileges, an unknown command) leaves an existing file as it was.
    if opts.records or opts.output is not None:
        check_output(opts.output_path, opts.format or "log", opts.per_process)
    session.start()
    try:
        return _trace(opts, session)
    finally:
        session.finish()


def _trace(opts: Options, session: Session) -> int:
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
    output = Output(opts)
    status_line = (StatusLine(sys.stderr, time.monotonic(), session.waits_for_targets
                              or bool(opts.comms)) if wants_status_line(opts) else None)

    def on_poll(counters: Any) -> None:
        take_stop_signal(session)
        if status_line is not None:
            status_line.update(time.monotonic(), output.sink.written,
                               counters.lost + counters.dropped, counters.traced_alive)

    try:
        report = session.record(output, on_poll)
    finally:
        if status_line is not None:
            status_line.clear()
    elapsed = time.monotonic() - session.start_time
    status = session.finish()
    counters = tracer.counters()
    if counters.untraced_forks:
        print(f"observer: warning: {counters.untraced_forks} child processes were not followed "
              "(the pid namespace's map of children not yet started was full)", file=sys.stderr)
    if counters.untraced_execs:
        print(f"observer: warning: {counters.untraced_execs} programs named by -n were not "
              "traced (a pid past the traced bitmap)", file=sys.stderr)
    # A closed pipe (observer -o - | head) is how a reader says it has seen enough: no report
    # of what it did not read. -c alone writes no records: its table is the report.
    output_error = session.output_error
    closed_pipe = output_error is not None and output_error.errno == errno.EPIPE
    if not closed_pipe and ((not opts.quiet and opts.records) or report.lost):
        line = closing_line(report, elapsed)
        if opts.numeric_syscalls and not report.written and opts.records:
            line += "; " + numeric_selection_note(opts.numeric_syscalls)
        print(line, file=sys.stderr)
    if opts.counts:
        write_summary(opts, tracer.stats(), sys.stderr)
    if output_error is not None and not closed_pipe:
        raise output_error
    return EXIT_OK if status is None else status


def numeric_selection_note(numbers: list[str]) -> str:
    """Why a numeric -s that matched no call may not be what was meant: strace's -s N is a
    string size, observer's --string-limit N."""
    named = ", ".join(f"{nr} ({syscalls.name(int(nr)) or '?'})" for nr in numbers)
    return (f"-s {','.join(numbers)} selected syscall {named}, never called: for strace's -s "
            f"(string size) use --string-limit {numbers[0]}")


def closing_line(report: Report, elapsed: float) -> str:
    """observer: 146 events written, 0 lost, 0.11 s; with the unfinished and resumed calls
    among the written ones and the causes of loss when there are any."""
    causes = [(report.lost_ring, "ring full"), (report.lost_storage, "no task storage"),
              (report.lost_oversized, "larger than the ring"),
              (report.lost_notices, "exits and signals, ring full"),
              (report.dropped, "dropped: backlog full"),
              (report.not_written, "not written: output failed"),
              (report.abandoned, "still being written at the end")]
    detail = ", ".join(f"{n} {why}" for n, why in causes if n)
    lost = f"{report.lost} lost" + (f" ({detail})" if detail else "")
    took = f"{elapsed * 1000:.0f} ms" if elapsed < 1 else f"{elapsed:.2f} s"
    line = f"observer: {report.written} events written, {lost}, {took}"
    among = [f"{count} {name}" for count, name in ((report.unfinished, "unfinished"),
                                                   (report.resumed, "resumed")) if count]
    return line + (f"; {' and '.join(among)} among them" if among else "")


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
        args = parse_args(argv)
        opts = options_of(args)
        if args.list_syscalls is not None:
            pattern = args.list_syscalls

            def listing() -> int:
                list_syscalls(pattern)
                return EXIT_OK

            return to_stdout(listing)
        if args.info:
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
