"""What the command line and observer.Tracer take, checked alike: the formats, the limits and
the parsers of the values both faces accept (pids, program names, paths, sizes, cgroups,
users). No argparse and no output: each parser returns a value or raises UsageError."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from observer import _cgroups, _partitions
from observer._errors import UsageError
from observer._selection import parse_selection
from observer.syscalls import table

FORMATS = ("log", "jsonl", "strace", "parquet")
STRING_LIMIT_MAX = 4095  # bpf/syscalls.h STRING_MAX - 1: PATH_MAX - 1, as strace prints paths
DATA_LIMIT_MAX = 4096  # bpf/syscalls.h BLOB_MAX
NAME_MAX = 255  # longest program name -n matches (bpf/syscalls.h NAME_LEN - 1)
MAX_NAMES = 64  # names -n takes (bpf/syscalls.h MAX_NAMES)


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
            if not item or "/" in item or len(os.fsencode(item)) > NAME_MAX:
                raise UsageError(f"invalid program name {item!r}: expected 1-{NAME_MAX} bytes "
                                 "without '/'")
            comms.append(item)
    unique = sorted(set(comms))
    if len(unique) > MAX_NAMES:
        raise UsageError(f"{len(unique)} program names for -n: at most {MAX_NAMES}")
    return unique


MAX_PATHS = 8  # paths -P takes (bpf/syscalls.h MAX_PATHS)


def parse_paths(values: list[str]) -> list[str]:
    """-P values as the paths the kernel compares: each as given and, as strace adds it, its
    resolved form when that differs; raises UsageError past MAX_PATHS or NAME_MAX bytes."""
    paths: list[str] = []
    for value in values:
        if not value or "\0" in value:
            raise UsageError(f"invalid path {value!r} for -P")
        for path in (value, os.path.realpath(value)):
            if len(os.fsencode(path)) > NAME_MAX:
                raise UsageError(f"path {path!r} for -P is longer than {NAME_MAX} bytes")
            if path not in paths:
                paths.append(path)
    if len(paths) > MAX_PATHS:
        raise UsageError(f"{len(paths)} paths for -P (with their resolved forms): at most "
                         f"{MAX_PATHS}")
    return paths


def parse_size(text: str | int, power_of_two: bool = True, name: str = "rotate size") -> int:
    """Bytes from "16", 16, "16M" or "64K" (no suffix = MiB): a ring size (a power of two) or,
    with power_of_two=False, a size called name (--rotate, --backlog); raises UsageError."""
    page = os.sysconf("SC_PAGE_SIZE")
    text = str(text)
    match = re.fullmatch(r"(\d{1,10})([KkMmGg]?)", text.strip())
    shift = {"k": 10, "m": 20, "": 20, "g": 30}[match.group(2).lower()] if match else 0
    size = int(match.group(1)) << shift if match else 0
    if not power_of_two:
        if not 1 << 10 <= size <= 1 << 40:
            raise UsageError(f"{name} must be from 1K to 1024G, not {text!r}")
        return size
    if not page <= size <= 1 << 30 or size & (size - 1):
        raise UsageError(f"ring size must be a power of two from {page // 1024}K to 1G "
                         f"(a bare number is MiB: 16 = 16M), not {text!r}")
    return size


def parse_cgroup(path: str | None, unit: str | None, container: str | None) -> Any:
    """The cgroup of --cgroup, --unit or --container (at most one), or None; raises
    UsageError."""
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


#: Where a DaemonSet puts the node's name (from spec.nodeName).
NODE_NAME_ENV = "NODE_NAME"


def parse_host(value: str | None, spelled: str = "--host ") -> str:
    """The node name records carry: value (--host, host=), else the NODE_NAME environment
    variable, else this machine's hostname. Any text works, as long as it is valid UTF-8 and
    fits a dataset's ``host=`` directory name once percent-encoded; raises UsageError naming
    where the bad name came from."""
    import socket

    def shown(name: str | None) -> str:  # a name in a message: at most 64 characters of it
        return repr(name if name is None or len(name) <= 64 else name[:64] + "...")

    source = f"{spelled}{shown(value)}"
    if value is None:
        value = os.environ.get(NODE_NAME_ENV) or None
        source = f"{NODE_NAME_ENV}={shown(value)}"
    if value is None:
        value = socket.gethostname()
        source = f"the hostname {shown(value)}"
    if not value or "\0" in value:
        raise UsageError(f"{source}: expected the node's name, not empty and without NUL bytes")
    try:
        encoded = _partitions.encode(value)
    except UnicodeEncodeError:
        raise UsageError(f"{source}: the node's name must be valid UTF-8") from None
    if value == _partitions.NULL:
        raise UsageError(f"{source}: that is the name of the null partition in a dataset")
    if len(encoded) > _partitions.MAX_VALUE_BYTES:
        raise UsageError(f"{source}: too long for a dataset's host= directory: "
                         f"{len(encoded)} bytes once percent-encoded, at most "
                         f"{_partitions.MAX_VALUE_BYTES}")
    return value


def parse_user(user: str | None, uid: int | None) -> int | None:
    """The uid of -u USER (a name or a number) or --uid UID, or None; raises UsageError."""
    import pwd

    if user is not None and uid is not None:
        raise UsageError("give --user or --uid, not both")
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


XLAT_STYLES = ("raw", "abbrev", "verbose")  # -X


def parse_fds(values: list[str], spelled: str) -> list[int]:
    """-e read=FD,FD / -e write=FD values as sorted unique fds; raises UsageError."""
    fds: list[int] = []
    for value in values:
        for item in str(value).split(","):
            text = item.strip()
            if not text.isdigit() or int(text) > 0x7FFFFFFF:
                raise UsageError(f"invalid fd {text!r} for {spelled}: expected a number from 0")
            fds.append(int(text))
    return sorted(set(fds))


def parse_xlat(value: str, spelled: str = "-X") -> str:
    """-X raw|abbrev|verbose; raises UsageError."""
    if value not in XLAT_STYLES:
        raise UsageError(f"invalid {spelled} {value!r}: expected raw, abbrev or verbose")
    return value


def display_selection(values: list[str]) -> list[int] | None:
    """The native syscalls of -e raw=, abbrev= or verbose= values (strace's syscall sets:
    names, classes, all, none, !), or None when none is given; raises UsageError."""
    if not values:
        return None
    selection = parse_selection(values)
    if not selection.native and selection.compat is None:  # all
        return sorted(table())
    return selection.native


# The options of one trace ---------------------------------------------------------------------

#: How each face spells an option in its messages: (command line, Python keyword).
_SPELLING = {
    "timestamps": ("-t/-tt/-ttt", "timestamps"),
    "durations": ("-T", "durations"),
    "relative": ("-r", "relative"),
    "tid": ("--tid", "tid"),
    "per_process": ("-ff", "per_process"),
    "decode_fds": ("-y", "decode_fds"),
    "absolute": ("--absolute", "absolute"),
    "stack_trace": ("-k", "stack_trace"),
    "summary": ("-c", "summary"),
    "with_summary": ("-C", "with_summary"),
    "summary_wall": ("-w", "summary_wall"),
    "latency": ("--latency", "latency"),
    "summary_sort": ("-S", "summary_sort"),
    "summary_columns": ("-U", "summary_columns"),
    "pids": ("-p PID", "pids"),
    "comms": ("-n NAME", "comms"),
    "command": ("-- CMD", "command"),
    "follow": ("-f", "follow"),
    "output": ("-o", "output"),
    "hex_strings": ("-x/-xx", "hex_strings"),
    "xlat": ("-X", "xlat"),
    "raw_syscalls": ("-e raw=", "raw_syscalls"),
    "abbrev_syscalls": ("-e abbrev=", "abbrev_syscalls"),
    "verbose_syscalls": ("-e verbose=", "verbose_syscalls"),
    "read_fds": ("-e read=", "read_fds"),
    "write_fds": ("-e write=", "write_fds"),
}

#: The options that only shape strace lines (they pick the strace format when none is given).
_DISPLAY: dict[str, Any] = {"hex_strings": 0, "xlat": "abbrev", "raw_syscalls": [],
                            "abbrev_syscalls": None, "verbose_syscalls": None, "read_fds": [],
                            "write_fds": []}


@dataclass
class Options:
    """Everything one trace takes, as the command line (cli.parse_options) and observer.Tracer
    (its keyword arguments) both fill it; check() validates it across fields and settles what
    follows from what, in one place for both faces (see docs/options.md).

    ``output`` None means "not given": the command line then writes its default file, the
    Python API hands records over in batches. ``face`` only chooses how messages spell the
    options ("cli": ``-ff``, "api": ``per_process``)."""

    # What to trace.
    pids: list[int] = field(default_factory=list)
    comms: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)
    follow: bool = False
    syscalls: list[int] = field(default_factory=list)
    compat_syscalls: list[int] | None = None  # _selection.Selection.compat
    numeric_syscalls: list[str] = field(default_factory=list)  # -s 128: a string size?
    paths: list[str] = field(default_factory=list)  # -P, as parse_paths gives them
    cgroup: Any = None  # observer._cgroups.Cgroup of --cgroup/--unit/--container
    uid: int | None = None
    failed: bool = False  # -Z, -e status=failed
    successful: bool = False  # -e status=successful
    unfinished: bool = False  # -e status=unfinished: only calls that never returned
    # What to record.
    summary: bool = False  # -c: counts per syscall in the kernel, no records
    with_summary: bool = False  # -C: the counts and the records
    summary_wall: bool = False  # -w
    latency: bool = False  # --latency: per-syscall latency histograms
    summary_sort: str = "total-time"  # -S, as summary.parse_sort gives it
    summary_columns: tuple[str, ...] | None = None  # -U, as summary.parse_columns gives them
    capture_time: bool = True
    capture_exit: bool = False  # the Python API's full records without a format
    string_limit: int = STRING_LIMIT_MAX
    data_limit: int = 32
    decode_fds: bool = False  # -y
    absolute: bool = False  # --absolute
    stack_trace: bool = False  # -k: each call's user stack
    # Where to.
    output: str | None = None  # "-": standard output
    format: str | None = None
    timestamps: int = 0
    durations: bool = False
    relative: bool = False
    tid: bool = False
    # How strace lines show values (the strace format only).
    hex_strings: int = 0  # -x: 1, -xx: 2
    xlat: str = "abbrev"  # -X raw|abbrev|verbose
    raw_syscalls: list[int] = field(default_factory=list)  # -e raw=
    abbrev_syscalls: list[int] | None = None  # -e abbrev= (None: all; -v: none)
    verbose_syscalls: list[int] | None = None  # -e verbose= (None: all)
    read_fds: list[int] = field(default_factory=list)  # -e read=
    write_fds: list[int] = field(default_factory=list)  # -e write=
    per_process: bool = False  # -ff
    rotate: int = 64 << 20  # --format parquet: bytes per file
    host: str = ""  # the node's name every record carries (parse_host)
    # The run.
    duration: float | None = None
    ring_size: int = 16 << 20
    backlog: int = 0  # bytes drained records may wait; 0: 16 ring sizes, at most 1 GiB
    probe_root: str = "/"
    # Messages.
    verbose: int = 0  # notes and libbpf's messages (2: debug); the strace format: strace -v
    quiet: bool = False  # no messages on stderr but errors
    face: str = "cli"

    def spell(self, name: str) -> str:
        """How this face writes option name in a message."""
        cli, api = _SPELLING.get(name, (f"--{name.replace('_', '-')}", name))
        return cli if self.face == "cli" else api

    def spell_format(self, fmt: str) -> str:
        """How this face asks for format fmt in a message."""
        return f"--format {fmt}" if self.face == "cli" else f"format={fmt!r}"

    @property
    def counts(self) -> bool:
        """Counts per syscall are kept (-c or -C)."""
        return self.summary or self.with_summary

    @property
    def records(self) -> bool:
        """Records are written or handed over at all: -c alone moves no per-event data."""
        return not self.summary or self.with_summary

    @property
    def batches(self) -> bool:
        """Records go to the caller in batches (the Python API without output or format)."""
        return self.output is None and self.format is None and self.face == "api"

    @property
    def full_records(self) -> bool:
        """Records are written at syscall exit (return values, durations, strings)."""
        return (self.format not in ("log", None) or self.counts or self.failed
                or self.successful or self.unfinished or self.capture_exit)

    @property
    def output_path(self) -> str:
        """Where the records go: the output given, else the format's default file."""
        if self.output is not None:
            return self.output
        return "trace.parquet" if self.format == "parquet" else "trace.log"

    @property
    def display_defaults(self) -> bool:
        """No display option of strace's (-x, -X, -e raw=, abbrev=, verbose=, read=, write=)
        is given."""
        return not self.display_given()

    def display_given(self) -> list[str]:
        """The display options given, as this face spells them."""
        return [self.spell(name) for name, default in _DISPLAY.items()
                if getattr(self, name) != default]

    def call_display(self, table_size: int) -> bytes:
        """Per native syscall number, how its strace lines show it: the bits of the core's
        StraceDisplay::Call (1: -e raw=, 2: not in -e abbrev=, 4: not in -e verbose=)."""
        bits = bytearray(table_size)
        for nr in self.raw_syscalls:
            if nr < table_size:
                bits[nr] |= 1
        for flag, chosen in ((2, self.abbrev_syscalls), (4, self.verbose_syscalls)):
            if chosen is None:
                continue
            keep = set(chosen)
            for nr in range(table_size):
                if nr not in keep:
                    bits[nr] |= flag
        return bytes(bits)

    def check(self) -> Options:
        """Validates the options across fields and settles the format; returns self. Raises
        UsageError."""
        status = [name for name in ("failed", "successful", "unfinished") if getattr(self, name)]
        if len(status) > 1:
            raise UsageError(f"status={' and status='.join(status)} select nothing together")
        shaped = ("summary_wall", "latency", "summary_sort", "summary_columns")
        defaults = (False, False, "total-time", None)
        for name, default in zip(shaped, defaults):
            if getattr(self, name) != default and not self.counts:
                raise UsageError(f"{self.spell(name)} shapes the summary: add "
                                 f"{self.spell('summary')} (or {self.spell('with_summary')})")
        shapes = [name for name in ("timestamps", "durations", "relative")
                  if getattr(self, name)]
        if self.format is None and (self.output is not None or self.face == "cli"):
            # -t/-T, -y, --absolute and -k only make sense for strace lines: asking for them
            # picks that format.
            strace = (shapes or self.decode_fds or self.absolute or self.stack_trace
                      or not self.display_defaults)
            self.format = "strace" if strace else "log"
        if self.format is not None and self.format not in FORMATS:
            raise UsageError(f"unknown format {self.format!r}: expected one of "
                             f"{', '.join(FORMATS)}")
        shown = self.format or "batches"
        if shapes and self.format != "strace":
            raise UsageError(f"{'/'.join(self.spell(name) for name in shapes)} apply to "
                             f"{self.spell_format('strace')}, not {shown}")
        shown_display = self.display_given()
        if shown_display and self.format != "strace":
            raise UsageError(f"{', '.join(shown_display)} "
                             f"{'applies' if len(shown_display) == 1 else 'apply'} to "
                             f"{self.spell_format('strace')}, not {shown}")
        if not 0 <= self.hex_strings <= 2:
            raise UsageError(f"hex strings must be 0-2 (-x, -xx), not {self.hex_strings}")
        parse_xlat(self.xlat, self.spell("xlat"))
        if self.verbose and self.format == "strace" and self.abbrev_syscalls is None:
            self.abbrev_syscalls = []  # strace's -v is -e abbrev=none
        if self.tid and self.format != "log":
            raise UsageError(f"{self.spell('tid')} applies to the log format; {shown} records "
                             "carry the thread id already")
        if self.decode_fds and self.format not in ("jsonl", "strace", "parquet", None):
            raise UsageError(f"{self.spell('decode_fds')} applies to {self.spell_format('strace')}"
                             f", jsonl and parquet, not {shown}")
        if self.absolute and self.format not in ("jsonl", "strace", None):
            raise UsageError(f"{self.spell('absolute')} applies to {self.spell_format('strace')} "
                             f"and jsonl, not {shown}")
        if self.stack_trace and (self.format not in ("jsonl", "strace") or not self.records):
            raise UsageError(f"{self.spell('stack_trace')} applies to "
                             f"{self.spell_format('strace')} and jsonl records, not "
                             f"{shown if self.records else self.spell('summary') + ' alone'}")
        if self.per_process:
            if self.output in (None, "-"):
                raise UsageError(f"{self.spell('per_process')} writes one file per process: give "
                                 f"{self.spell('output')} FILE (jsonl, strace: FILE.PID) or "
                                 f"{self.spell('output')} DIR (log: DIR/COMM:PID.log)")
            if self.format == "parquet":
                raise UsageError(f"{self.spell('per_process')} does not apply to "
                                 f"{self.spell_format('parquet')}: its rows carry the pid")
            self.follow = True  # -ff is -f writing one file per process
        if self.format == "parquet":
            if not self.records:
                raise UsageError(f"{self.spell('summary')} writes a table, not a Parquet dataset:"
                                 f" {self.spell('with_summary')} writes the records too, or "
                                 f"{self.spell_format('jsonl')} writes the table as JSON lines")
            if self.output == "-":
                raise UsageError(f"{self.spell_format('parquet')} writes a dataset directory, not "
                                 "standard output")
        if not 1 <= self.string_limit <= STRING_LIMIT_MAX:
            raise UsageError(f"string limit must be 1-{STRING_LIMIT_MAX} bytes, not "
                             f"{self.string_limit}")
        if not 0 <= self.data_limit <= DATA_LIMIT_MAX:
            raise UsageError(f"data limit must be 0-{DATA_LIMIT_MAX} bytes, not "
                             f"{self.data_limit}")
        if not 0 <= self.timestamps <= 3:
            raise UsageError(f"timestamps must be 0-3 (-t, -tt, -ttt), not {self.timestamps}")
        if self.duration is not None and not self.duration > 0:
            raise UsageError(f"duration must be > 0 seconds, not {self.duration}")
        if self.pids and self.command:
            raise UsageError(f"give either {self.spell('pids')} or {self.spell('command')}, "
                             "not both")
        if self.follow and not (self.pids or self.command or self.comms):
            raise UsageError(f"{self.spell('follow')} follows the children of "
                             f"{self.spell('pids')}, {self.spell('comms')} or a command: give one")
        return self
