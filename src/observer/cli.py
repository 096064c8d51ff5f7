"""``python -m observer``: trace syscalls of processes, a command, or the whole system."""

from __future__ import annotations

import argparse
import errno
import fnmatch
import os
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TextIO

from observer import __version__, syscall_classes, syscalls
from observer._errors import ObserverError, OutputError, UsageError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 127

EPILOG = """\
examples:
  observer -p 1234                     every syscall of pid 1234 (all threads) to trace.log
  observer -p 1234 -s openat -o -      only its openat calls, to standard output
  observer -f -o build.log -- make -j2
                                       run a command, trace it and every child it forks
  observer -n nginx -d 60              every process that execs "nginx", for 60 s
  observer -d 10 -o all.log            the whole system (except observer) for 10 s
  observer -c -- ls -l /               a summary: calls, errors and time per syscall
  observer --format jsonl -o ls.jsonl -- ls /
                                       one JSON object per syscall
  python -m observer.formatter trace.log -o out/
                                       split a log into one file per process
  observer -l 'open*'                  syscall numbers and names; -l %file lists a class
  observer --info                      what this kernel supports and observer will use

log format: one line per syscall, "pid:syscall_number:comm" (pid = process id; comm with
'\\' and non-printable bytes escaped as \\\\ and \\xHH).

While tracing, a status line on a terminal's stderr shows elapsed time, events per second,
events written, events lost and traced processes alive (-q turns it off).

exit status:
  0    success (--info: observer can trace on this machine)
  1    runtime error: privileges, kernel, output (--info: a required feature is missing)
  2    bad usage: unknown option, syscall, pid or pattern
  127  CMD not found
  with -- CMD: CMD's own exit status (128 + N if killed by signal N)
"""

POLL_MS = 100
NAME_MAX = 255  # longest program name -n matches (bpf/syscalls.h NAME_LEN - 1)


@dataclass
class Options:
    """Validated command-line options."""

    pids: list[int] = field(default_factory=list)
    comms: list[str] = field(default_factory=list)
    follow: bool = False
    quiet: bool = False
    syscalls: list[int] = field(default_factory=list)
    command: list[str] = field(default_factory=list)
    output: str = "trace.log"
    duration: float | None = None
    ring_size: int = 16 << 20
    verbose: int = 0
    list_syscalls: str | None = None
    info: bool = False


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of ``observer``, with the EXAMPLES and exit status epilog."""
    parser = argparse.ArgumentParser(
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
                        help="only these syscalls (names or numbers); repeatable, comma-separated")
    target.add_argument("command", nargs="*", metavar="-- CMD ARGS",
                        help="start CMD and trace it from its first syscall")
    out = parser.add_argument_group("output")
    out.add_argument("-o", "--output", default="trace.log", metavar="FILE",
                     help="log file (default: trace.log; '-' = standard output)")
    out.add_argument("-d", "--duration", type=float, metavar="SECONDS",
                     help="stop after SECONDS")
    out.add_argument("--ring-size", type=int, default=16, metavar="MIB",
                     help="ring buffer size in MiB, a power of two (default: 16)")
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


def parse_pids(values: list[str]) -> list[int]:
    """Repeatable, comma-separated -p values as sorted unique pids; raises UsageError."""
    pids: list[int] = []
    for value in values:
        for item in value.split(","):
            text = item.strip()
            if not text.lstrip("-").isdigit():
                raise UsageError(f"invalid pid {text!r}: expected a positive number")
            pid = int(text)
            if pid <= 0 or pid > 0x3FFFFFFF:
                raise UsageError(f"invalid pid {pid}: expected a positive number")
            pids.append(pid)
    return sorted(set(pids))


def parse_comms(values: list[str]) -> list[str]:
    """Repeatable, comma-separated -n values as sorted unique names; raises UsageError."""
    comms: list[str] = []
    for value in values:
        for item in value.split(","):
            if not item or "/" in item or len(item.encode()) > NAME_MAX:
                raise UsageError(f"invalid program name {item!r}: expected 1-{NAME_MAX} bytes "
                                 "without '/'")
            comms.append(item)
    return sorted(set(comms))


def parse_options(argv: list[str] | None) -> Options:
    """Parse and validate argv; raises UsageError (argparse itself exits with 2)."""
    args = build_parser().parse_args(argv)
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
    opts.comms = parse_comms(args.comm)
    opts.pids = parse_pids(args.pid)
    opts.syscalls = syscalls.parse_list(args.syscall)
    if opts.duration is not None and not opts.duration > 0:
        raise UsageError(f"duration must be > 0 seconds, not {args.duration}")
    if args.ring_size <= 0 or args.ring_size & (args.ring_size - 1) or args.ring_size > 1024:
        raise UsageError(f"ring size must be a power of two from 1 to 1024 MiB, not {args.ring_size}")
    opts.ring_size = args.ring_size << 20
    if opts.pids and opts.command:
        raise UsageError("give either -p PID or -- CMD, not both")
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
    if missing:
        print(f"observer cannot trace here: {', '.join(missing)} "
              f"{'is' if len(missing) == 1 else 'are'} not available")
        return EXIT_ERROR
    print("observer can trace here (tp_btf programs, BPF ring buffer)")
    return EXIT_OK


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
    return target + (" to " + ("standard output" if opts.output == "-" else opts.output))


class CommandNotFound(ObserverError):
    """The command after -- is not an executable file."""


def resolve_command(name: str) -> str:
    """The path of the command after --, found as the shell would; raises CommandNotFound."""
    path = shutil.which(name)
    if path is None:
        raise CommandNotFound(f"command not found: {name}")
    return path


def check_pids_exist(pids: list[int]) -> None:
    """Raise UsageError naming the first pid that has no process."""
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            raise UsageError(f"no process with pid {pid}") from None
        except PermissionError:
            pass  # it exists; loading the programs will tell whether we may trace


def run(opts: Options) -> int:
    """Trace as opts says; returns the exit status. Raises ObserverError."""
    from observer import _core

    _core.set_verbosity(opts.verbose)
    check_pids_exist(opts.pids)
    path = resolve_command(opts.command[0]) if opts.command else ""
    stop = StopFlag()
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    sink = _core.TextSink(opts.output)
    child = _core.Child(path, opts.command) if opts.command else None

    spec = _core.Spec()
    spec.pids = opts.pids + ([child.pid] if child else [])
    spec.syscalls = opts.syscalls
    spec.comms = opts.comms
    spec.follow = opts.follow
    spec.ring_size = opts.ring_size
    tracer = _core.Tracer(spec)
    tracer.attach()
    # A target that died between the check and its insertion would never be seen exiting.
    for pid in opts.pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            tracer.erase_pid(pid)
    if not opts.quiet:
        print(f"observer: tracing {describe(opts)}; Ctrl-C to stop", file=sys.stderr, flush=True)
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
            if status_line is not None:
                counters = tracer.counters()
                status_line.update(time.monotonic(), sink.written, counters.lost,
                                   counters.traced_alive)
            if deadline is not None and time.monotonic() >= deadline:
                break
            if targeted and tracer.counters().traced_alive <= 0:
                break
        tracer.detach()
        tracer.drain(sink)
    except OutputError as err:
        output_error = err
    finally:
        tracer.detach()
        if status_line is not None:
            status_line.clear()
    elapsed = time.monotonic() - start
    status = finish_child(child) if child else EXIT_OK
    counters = tracer.counters()
    if counters.untraced_forks:
        print(f"observer: warning: {counters.untraced_forks} child processes were not followed "
              "(traced-process map full)", file=sys.stderr)
    if not opts.quiet or counters.lost:
        print(f"observer: {sink.written} events written, {counters.lost} lost, {elapsed:.2f} s",
              file=sys.stderr)
    # A closed pipe (observer -o - | head) is how a reader says it has seen enough.
    if output_error is not None and output_error.errno != errno.EPIPE:
        raise output_error
    return status


def finish_child(child: Any) -> int:
    """Ends a command we started: waits if it exited, else SIGTERM, then SIGKILL after 1 s."""
    status = child.poll()
    if status is not None:
        return int(status)
    child.kill(signal.SIGTERM)
    for _ in range(100):
        time.sleep(0.01)
        status = child.poll()
        if status is not None:
            return int(status)
    child.kill(signal.SIGKILL)
    return int(child.wait())


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m observer``; returns the exit status."""
    try:
        opts = parse_options(argv)
        if opts.list_syscalls is not None:
            list_syscalls(opts.list_syscalls)
            return EXIT_OK
        if opts.info:
            return print_info()
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
    except ObserverError as err:
        print(f"observer: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except ImportError as err:
        print(f"observer: error: the compiled core is missing ({err}); reinstall with "
              "'pip install .'", file=sys.stderr)
        return EXIT_ERROR
