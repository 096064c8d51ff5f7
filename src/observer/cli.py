"""``python -m observer``: trace syscalls of processes, a command, or the whole system."""

from __future__ import annotations

import argparse
import errno
import fnmatch
import os
import re
import signal
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TextIO

from observer import __version__, summary, syscall_classes, syscalls
from observer._errors import ObserverError, OutputError, UsageError
from observer._session import (
    POLL_MS,
    CommandNotExecutable,
    CommandNotFound,
    finish_child,
    fs_bytes,
    has_exited,
    parse_comms,
    parse_pids,
    resolve_command,
    resolve_pids,
    watch_exits,
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
  observer -c -- ls -l /               a summary: calls, errors and time per syscall
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
events written, events lost and traced processes alive (-q turns it off).

exit status:
  0    success (--info: observer can trace on this machine)
  1    runtime error: privileges, kernel, output (--info: a required feature is missing)
  2    bad usage: unknown option, syscall, pid or pattern
  126  CMD found but not executable (a directory, no execute permission)
  127  CMD not found
  with -- CMD: CMD's own exit status (128 + N if killed by signal N)
"""

# Test hook: probe a fake /proc and /sys tree instead of the real ones (see README).
PROBE_ROOT_ENV = "OBSERVER_PROBE_ROOT"
FORMATS = ("log", "jsonl", "strace", "parquet")
STRING_LIMIT_MAX = 4094  # bpf/syscalls.h STRING_MAX - 2
DATA_LIMIT_MAX = 4096  # bpf/syscalls.h BLOB_MAX


@dataclass
class Options:
    """Validated command-line options."""

    pids: list[int] = field(default_factory=list)
    comms: list[str] = field(default_factory=list)
    cgroup: Any = None  # observer._cgroups.Cgroup of --cgroup/--unit/--container
    uid: int | None = None
    follow: bool = False
    quiet: bool = False
    syscalls: list[int] = field(default_factory=list)
    command: list[str] = field(default_factory=list)
    output: str = "trace.log"
    duration: float | None = None
    ring_size: int = 16 << 20
    rotate: int = 64 << 20
    verbose: int = 0
    list_syscalls: str | None = None
    info: bool = False
    format: str = "log"
    timestamps: int = 0
    durations: bool = False
    relative: bool = False
    summary: bool = False
    summary_with_events: bool = False
    failed: bool = False
    successful: bool = False
    string_limit: int = 256
    data_limit: int = 32
    decode_fds: bool = False
    absolute: bool = False

    @property
    def full_records(self) -> bool:
        """Records are written at syscall exit (return values, durations, strings)."""
        return self.format != "log" or self.summary or self.failed or self.successful


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
    target.add_argument("-f", "--follow", action="store_true",
                        help="also trace children forked by traced processes, from their first "
                             "syscall")
    target.add_argument("-n", "--comm", action="append", default=[], metavar="NAME",
                        help="trace every process that execs a program named NAME (full "
                             "basename or comm), from its exec; repeatable, comma-separated")
    target.add_argument("-s", "--syscall", action="append", default=[], metavar="NAME",
                        help="only these syscalls: names, numbers, strace classes (%%file, "
                             "%%process, %%net, %%signal, %%ipc, %%desc, %%memory), '!' to "
                             "exclude; repeatable, comma-separated")
    target.add_argument("--cgroup", metavar="PATH",
                        help="only processes in this cgroup v2 directory or below it (absolute, "
                             "or relative to the cgroup v2 mount), from their first syscall")
    target.add_argument("--unit", metavar="NAME",
                        help="only processes of this systemd unit (nginx.service, "
                             "user@1000.service): its cgroup")
    target.add_argument("--container", metavar="ID",
                        help="only processes of the container whose id starts with ID "
                             "(docker, containerd, CRI-O, podman): its cgroup")
    target.add_argument("-u", "--user", metavar="USER",
                        help="only syscalls made with this real or effective user (name or "
                             "number)")
    target.add_argument("--uid", type=int, metavar="UID", help="the same as -u, by number")
    target.add_argument("-e", dest="expr", action="append", default=[], metavar="EXPR",
                        help="strace's filter syntax: trace=LIST (as -s), status=failed (as "
                             "-Z) or status=successful; repeatable")
    target.add_argument("-Z", "--failed", action="store_true",
                        help="only syscalls that returned an error (decided in the kernel)")
    target.add_argument("command", nargs="*", metavar="[--] CMD ARGS",
                        help="start CMD and trace it from its first syscall; observer's options "
                             "end at the first word that is not one (or at --)")
    out = parser.add_argument_group("output")
    out.add_argument("-o", "--output", default="trace.log", metavar="FILE",
                     help="log file (default: trace.log; '-' = standard output)")
    out.add_argument("-d", "--duration", type=float, metavar="SECONDS",
                     help="stop after SECONDS")
    out.add_argument("--format", choices=FORMATS,
                     help="log: pid:syscall:comm (default); jsonl: one JSON object per syscall "
                          "with every field; strace: decoded calls and results; parquet: a "
                          "dataset directory of Parquet files written as records come "
                          "(default trace.parquet)")
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
                     help="strace format and jsonl: what each fd names, read in the kernel "
                          "at the call: read(3</etc/passwd>, ...), = 3<socket:[123]>")
    out.add_argument("--absolute", action="store_true",
                     help="strace format and jsonl: relative path arguments written from the "
                          "directory they were resolved in (the cwd or the dirfd's, at the "
                          "call)")
    out.add_argument("-c", "--summary", action="store_true",
                     help="count calls, errors and time per syscall in the kernel and print a "
                          "table to stderr at the end, instead of records")
    out.add_argument("-C", "--with-summary", action="store_true",
                     help="like -c, and write the records too")
    out.add_argument("--rotate", default="64", metavar="SIZE",
                     help="--format parquet: start the next file of the dataset after SIZE of "
                          "records (MiB, or with a K or M suffix; default: 64) and at least "
                          "every 5 s, so that a killed run keeps what it wrote")
    out.add_argument("--ring-size", default="16", metavar="SIZE",
                     help="ring buffer size, a power of two: MiB, or with a K or M suffix "
                          "(default: 16)")
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


def parse_size(text: str, power_of_two: bool = True) -> int:
    """Bytes from "16", "16M" or "64K" (no suffix = MiB): a ring size (a power of two) or,
    with power_of_two=False, a --rotate size; raises UsageError."""
    page = os.sysconf("SC_PAGE_SIZE")
    match = re.fullmatch(r"(\d{1,7})([KkMm]?)", text.strip())
    size = int(match.group(1)) << (10 if match.group(2) in ("K", "k") else 20) if match else 0
    if not power_of_two:
        if not 1 << 10 <= size <= 1 << 40:
            raise UsageError(f"rotate size must be from 1K to 1048576M, not {text!r}")
        return size
    if not page <= size <= 1 << 30 or size & (size - 1):
        raise UsageError(f"ring size must be a power of two from {page // 1024}K to 1024M "
                         f"(a bare number is MiB: 16 = 16M), not {text!r}")
    return size


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
        output=args.output,
        duration=args.duration,
        verbose=args.verbose,
        list_syscalls=args.list_syscalls,
        info=args.info,
        command=args.command,
        follow=args.follow,
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
            if value != "all":
                syscall_lists.append(value)
        elif key == "status" and value in ("failed", "successful"):
            opts.failed = opts.failed or value == "failed"
            opts.successful = opts.successful or value == "successful"
        else:
            raise UsageError(f"unsupported -e {expr!r}: observer reads -e trace=LIST and "
                             "-e status=failed|successful")
    if opts.failed and opts.successful:
        raise UsageError("status=failed and status=successful select nothing together")
    opts.summary = args.summary or args.with_summary
    opts.summary_with_events = args.with_summary
    if args.format is None:
        # -t/-T only make sense for strace lines: asking for them picks that format.
        opts.format = ("strace" if opts.timestamps or opts.durations or opts.relative
                       or args.decode_fds or args.absolute else "log")
    else:
        opts.format = args.format
    if (opts.timestamps or opts.durations or opts.relative) and opts.format != "strace":
        raise UsageError(f"-t/-tt/-T apply to --format strace, not {opts.format}")
    if opts.format == "parquet":
        if opts.output == "-":
            raise UsageError("--format parquet writes a dataset directory, not standard output")
        if args.output == Options.output:
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
    if (opts.decode_fds or opts.absolute) and opts.format not in ("jsonl", "strace"):
        flag = "-y" if opts.decode_fds else "--absolute"
        raise UsageError(f"{flag} applies to --format strace and jsonl, not {opts.format}")
    opts.comms = parse_comms(args.comm)
    opts.cgroup = parse_cgroup(args.cgroup, args.unit, args.container)
    opts.uid = parse_user(args.user, args.uid)
    opts.pids = parse_pids(args.pid)
    opts.syscalls = syscalls.parse_list(syscall_lists)
    if opts.duration is not None and not opts.duration > 0:
        raise UsageError(f"duration must be > 0 seconds, not {args.duration}")
    opts.ring_size = parse_size(args.ring_size)
    opts.rotate = parse_size(args.rotate, power_of_two=False)
    if opts.pids and opts.command:
        raise UsageError("give either -p PID or -- CMD, not both")
    if opts.follow and not (opts.pids or opts.command or opts.comms):
        raise UsageError("-f follows the children of -p PID, -n NAME or a command: give one")
    return opts


def parse_cgroup(path: str | None, unit: str | None, container: str | None) -> Any:
    """The cgroup of --cgroup, --unit or --container (at most one), or None; raises
    UsageError."""
    from observer import _cgroups

    given = [(flag, value) for flag, value in (("--cgroup", path), ("--unit", unit),
                                               ("--container", container)) if value is not None]
    if len(given) > 1:
        raise UsageError(f"give one of {' and '.join(flag for flag, _ in given)}, not both")
    if path is not None:
        return _cgroups.resolve_cgroup(path)
    if unit is not None:
        return _cgroups.unit_cgroup(unit)
    if container is not None:
        return _cgroups.container_cgroup(container)
    return None


def parse_user(user: str | None, uid: int | None) -> int | None:
    """The uid of -u USER (a name or a number) or --uid UID, or None; raises UsageError."""
    import pwd

    if user is not None and uid is not None:
        raise UsageError("give -u or --uid, not both")
    if user is not None:
        if user.isdigit():
            uid = int(user)
        else:
            try:
                uid = pwd.getpwnam(user).pw_uid
            except KeyError:
                raise UsageError(f"unknown user {user!r}") from None
    if uid is not None and not 0 <= uid < 2**32 - 1:
        raise UsageError(f"invalid uid {uid}: expected 0 to 4294967294")
    return uid


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
    missing = []
    for feature in report:
        if feature.name in _INFO_ONLY:
            print(f"  {feature.name + ':':<15}{feature.detail}")
            if feature.name == "kernel":
                print(f"  {'syscall table:':<15}{arch}, {len(syscalls.table(arch))} syscalls "
                      f"({syscalls.source(arch).rsplit(', ', 1)[-1]} tables)")
            continue
        state = {True: "yes", False: "no", None: "unknown"}[feature.available]
        print(f"  {feature.name + ':':<15}{state:<8}{feature.detail}")
        if feature.required and feature.available is not True:
            missing.append(feature.name)
    print(f"  {'cgroup v2:':<15}{cgroup_v2_info(probe_root)}")
    if missing:
        print(f"observer cannot trace here: {', '.join(missing)} "
              f"{'is' if len(missing) == 1 else 'are'} not available")
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
        """Redraw if INTERVAL has passed since the last draw."""
        if now < self.next_draw:
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


def wants_status_line(opts: Options) -> bool:
    """The status line is drawn only on a terminal, never into files or pipes, and not with -q."""
    return not opts.quiet and sys.stderr.isatty()


class StopFlag:
    """Set by SIGINT/SIGTERM; the poll loop checks it between polls (at most POLL_MS late)."""

    def __init__(self) -> None:
        self.signal: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.signal = signum


def describe(opts: Options) -> str:
    """What is traced and where to, for the "tracing ..." message."""
    what = []
    if opts.command:
        what.append(" ".join(opts.command))
    if opts.pids:
        what.append("pid " + ",".join(map(str, opts.pids)))
    if opts.comms:
        what.append("programs named " + ",".join(opts.comms))
    target = " and ".join(what) or "the whole system"
    if opts.follow and (opts.command or opts.pids or opts.comms):
        target += " with children"
    # Restrictions of what is above (both decided in the kernel per syscall).
    if opts.cgroup is not None:
        target += f" in cgroup {opts.cgroup.path}"
    if opts.uid is not None:
        target += f" as uid {opts.uid}"
    if not records_wanted(opts):
        return target + ", summary only"
    return target + (" to " + ("standard output" if opts.output == "-" else opts.output))


def run(opts: Options) -> int:
    """Trace as opts says; returns the exit status. Raises ObserverError."""
    from observer import _core

    _core.set_verbosity(opts.verbose)
    opts.pids = resolve_pids(opts.pids)
    path = resolve_command(opts.command[0]) if opts.command else ""
    stop = StopFlag()
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    # Outputs are checked now and created only once tracing works, so that a failed start
    # (no privileges, an unknown command) leaves an existing file as it was.
    check_output(opts)
    child = (_core.Child(os.fsencode(path), fs_bytes(opts.command)) if opts.command
             else None)

    spec = _core.Spec()
    spec.pids = opts.pids + ([child.pid] if child else [])
    spec.syscalls = opts.syscalls
    spec.comms = fs_bytes(opts.comms)
    if opts.cgroup is not None:
        spec.cgroup_id, spec.cgroup_level = opts.cgroup.id, opts.cgroup.level
    spec.uid = -1 if opts.uid is None else opts.uid
    spec.follow = opts.follow
    spec.ring_size = opts.ring_size
    spec.probe_root = os.environ.get(PROBE_ROOT_ENV, "/")
    spec.capture_exit = opts.full_records
    spec.emit_records = records_wanted(opts)
    spec.count_stats = opts.summary
    spec.failed_only = opts.failed
    spec.successful_only = opts.successful
    spec.string_limit = opts.string_limit if opts.format != "log" else 0
    # Buffers, structs and process exits are shown by the jsonl and strace writers only.
    spec.data_limit = opts.data_limit if opts.format in ("jsonl", "strace") else 0
    spec.exit_records = (opts.format in ("jsonl", "strace") and not opts.failed
                         and not opts.successful)
    spec.fd_paths = opts.decode_fds
    spec.absolute_paths = opts.absolute
    # -p joins processes mid-call: a call they are in returns as strace's "<... resumed>".
    spec.resume_pids = opts.pids if spec.capture_exit and spec.emit_records else []
    tracer = _core.Tracer(spec)
    # Facts about the machine that change nothing (tracefs absent): for -v and --info only.
    if opts.verbose and not opts.quiet:
        for note in tracer.notes:
            print(f"observer: note: {note}", file=sys.stderr)
    tracer.attach()
    sink = open_sink(opts)
    parquet = open_parquet(opts) if opts.format == "parquet" else None
    # A target that died between the check and its insertion would never be seen exiting.
    for pid in opts.pids:
        if has_exited(pid):
            tracer.erase_pid(pid)
    if not opts.quiet:
        print(f"observer: tracing {describe(opts)}; Ctrl-C to stop", file=sys.stderr, flush=True)
    exit_fds = watch_exits(tracer, spec.pids)
    if child:
        child.release()

    start = time.monotonic()
    deadline = start + opts.duration if opts.duration else None
    # -p and -- CMD end when their processes are gone; -n and the whole system run until stopped.
    targeted = bool(spec.pids) and not opts.comms
    output_error: OutputError | None = None
    status_line = (StatusLine(sys.stderr, start, bool(spec.pids) or bool(opts.comms))
                   if wants_status_line(opts) else None)
    try:
        while stop.signal is None:
            tracer.poll(sink, POLL_MS)
            if parquet is not None:
                feed_parquet(parquet, sink)
            counters = tracer.counters()
            if status_line is not None:
                status_line.update(time.monotonic(), sink.written, counters.lost,
                                   counters.traced_alive)
            if deadline is not None and time.monotonic() >= deadline:
                break
            if targeted and counters.traced_alive <= 0:
                break
        tracer.detach()
        tracer.drain(sink)
        if parquet is not None:
            feed_parquet(parquet, sink, final=True)
    except OutputError as err:
        output_error = err
    finally:
        tracer.detach()
        for fd in exit_fds:
            os.close(fd)
        if status_line is not None:
            status_line.clear()
    if output_error is not None:
        # What is left in the ring can no longer be written: count it so it is reported lost.
        tracer.drain(_core.DiscardSink())
    # Parquet records count as written once they are in a complete file.
    written = parquet.written if parquet is not None else sink.written
    elapsed = time.monotonic() - start
    status = finish_child(child) if child else EXIT_OK
    counters = tracer.counters()
    if counters.untraced_forks:
        print(f"observer: warning: {counters.untraced_forks} child processes were not followed "
              "(traced-process map full)", file=sys.stderr)
    if counters.untraced_execs:
        print(f"observer: warning: {counters.untraced_execs} programs named by -n were not "
              "traced (traced-process map full)", file=sys.stderr)
    # Every call was either written (in full, unfinished or resumed), dropped in the kernel
    # (each cause counted), or taken from the ring but not written because the output failed.
    unwritten = tracer.consumed - written
    lost = counters.lost + unwritten
    if opts.format == "jsonl" and output_error is None and records_wanted(opts):
        try:
            sink.write_end(accounting(written, tracer, counters, unwritten))
        except OutputError as err:
            output_error = err
    # A closed pipe (observer -o - | head) is how a reader says it has seen enough: no report
    # of what it did not read. -c alone writes no records: its table is the report.
    closed_pipe = output_error is not None and output_error.errno == errno.EPIPE
    if not closed_pipe and ((not opts.quiet and records_wanted(opts)) or lost):
        print(closing_line(accounting(written, tracer, counters, unwritten), elapsed),
              file=sys.stderr)
    if opts.summary:
        sys.stderr.write(summary.format_table(tracer.stats()))
    if output_error is not None and not closed_pipe:
        raise output_error
    return status


def accounting(written: int, tracer: Any, counters: Any, unwritten: int) -> dict[str, int]:
    """The run's counts: records written (of them, calls unfinished and resumed) and records
    lost, in all and by cause. The calls written and lost_ring + lost_storage +
    lost_oversized + not_written cover every call traced threads made while attached (and
    resumed ones, begun before); lost_notices are process exits and signals."""
    return {
        "written": written, "unfinished": tracer.unfinished, "resumed": tracer.resumed,
        "lost": counters.lost + unwritten, "lost_ring": counters.lost_ring,
        "lost_storage": counters.lost_storage, "lost_oversized": counters.lost_oversized,
        "lost_notices": counters.lost_notices, "not_written": unwritten,
    }


def closing_line(counts: dict[str, int], elapsed: float) -> str:
    """observer: 146 events written, 0 lost, 0.11 s; with the unfinished and resumed calls
    among the written ones and the causes of loss when there are any."""
    causes = [(counts["lost_ring"], "ring full"), (counts["lost_storage"], "no task storage"),
              (counts["lost_oversized"], "larger than the ring"),
              (counts["lost_notices"], "exits and signals, ring full"),
              (counts["not_written"], "not written: output failed")]
    detail = ", ".join(f"{n} {why}" for n, why in causes if n)
    lost = f"{counts['lost']} lost" + (f" ({detail})" if detail else "")
    took = f"{elapsed * 1000:.0f} ms" if elapsed < 1 else f"{elapsed:.2f} s"
    line = f"observer: {counts['written']} events written, {lost}, {took}"
    among = [f"{counts[key]} {key}" for key in ("unfinished", "resumed") if counts[key]]
    return line + (f"; {' and '.join(among)} among them" if among else "")


def _cannot_open(path: str, err: int, detail: str = "") -> OutputError:
    """The error the sink would raise on opening path, in its words."""
    reason = detail or f"{os.strerror(err)} ({errno.errorcode.get(err, err)})"
    return OutputError(f"open {path}: {reason}")


def check_output(opts: Options) -> None:
    """Raises OutputError if opts.output cannot be written, without creating or changing it:
    a directory given as a file, a symlink (never followed), a missing, read-only or
    unwritable directory, a read-only file. The real cause is named, as open(2) would."""
    if opts.output == "-" or not records_wanted(opts):
        return
    path = opts.output
    if opts.format == "parquet":
        if os.path.exists(path) and not os.path.isdir(path):
            raise _cannot_open(path, errno.ENOTDIR)
        directory = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    else:
        if os.path.islink(path):
            raise _cannot_open(path, errno.ELOOP,
                               "it is a symbolic link, which observer does not follow")
        if os.path.isdir(path):
            raise _cannot_open(path, errno.EISDIR)
        directory = os.path.dirname(os.path.abspath(path))
    try:
        if not stat.S_ISDIR(os.stat(directory).st_mode):
            raise _cannot_open(path, errno.ENOTDIR)
    except OSError as err:  # missing, or not searchable by this user
        raise _cannot_open(path, err.errno or errno.ENOENT) from None
    target = path if os.path.exists(path) else directory
    if os.statvfs(target).f_flag & os.ST_RDONLY:
        raise _cannot_open(path, errno.EROFS)
    if not os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        raise _cannot_open(path, errno.EACCES)


def open_parquet(opts: Options) -> Any:
    """The dataset writer of --format parquet under opts.output."""
    try:
        from observer.frames import ParquetStream
        from observer.tracer import clock_offset_ns

        return ParquetStream(opts.output, clock_offset_ns(), max_bytes=opts.rotate)
    except ImportError as err:
        raise OutputError(f"--format parquet needs pyarrow and pandas: {err}") from None
    except OSError as err:
        raise OutputError(f"create {opts.output}: {err.strerror or err}") from None


def feed_parquet(parquet: Any, sink: Any, final: bool = False) -> None:
    """Moves the records collected by sink into the dataset (a file is written when due, and
    at the end with final)."""
    try:
        parquet.add(sink.take())
        if final:
            parquet.close()
    except OSError as err:
        raise OutputError(f"write {parquet.path}: {err.strerror or err}") from None


def records_wanted(opts: Options) -> bool:
    """Whether records are written at all: -c alone moves no per-event data."""
    return not opts.summary or opts.summary_with_events


def open_sink(opts: Options) -> Any:
    """The sink of opts.format; with -c alone an in-memory one that stays empty (no file)."""
    from observer import _core

    if not records_wanted(opts) or opts.format == "parquet":
        # Parquet: records are collected in memory between polls and handed to the dataset.
        return _core.BatchSink()
    if opts.format == "jsonl":
        return _core.JsonSink(os.fsencode(opts.output))
    if opts.format == "strace":
        return _core.StraceSink(os.fsencode(opts.output), opts.timestamps, opts.durations,
                                opts.relative)
    return _core.TextSink(os.fsencode(opts.output))


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
