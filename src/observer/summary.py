"""The ``-c`` summary: per-syscall totals counted in the kernel, laid out like ``strace -c``.

``Tracer.stats()`` of the compiled core returns one ``SyscallStats`` per syscall that was
called: calls, errors, wall time (``total_ns``, ``max_ns``), time on a CPU (``cpu_ns``) and,
with ``Spec.count_latency``, a histogram of wall times (``latency``). :func:`rows` turns them
into named, sorted rows with latency percentiles; :func:`format_table` into strace's table.
Pure functions: any objects with those fields work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from observer import syscalls
from observer._errors import UsageError

if TYPE_CHECKING:  # the compiled core's per-syscall totals; any object with these fields works
    from observer._core import SyscallStats as Stats

#: Summary slots of 32-bit calls start here (bpf/syscalls.h COMPAT_STATS).
COMPAT_STATS = 512
#: The latency histograms' layout (bpf/syscalls.h): buckets below 1 << LATENCY_SUB_BITS hold
#: one value of ns each, then each power of two has 1 << LATENCY_SUB_BITS buckets.
LATENCY_SUB_BITS = 2
LATENCY_BUCKETS = 48 << LATENCY_SUB_BITS

HEADER = "% time     seconds  usecs/call     calls    errors syscall"
RULE = "------ ----------- ----------- --------- --------- ----------------"
LATENCY_HEADER = "     p50 us     p99 us     max us"
LATENCY_RULE = " ---------- ---------- ----------"


def bucket_range(bucket: int) -> tuple[int, int]:
    """The ns a latency bucket holds: [low, high)."""
    sub = 1 << LATENCY_SUB_BITS
    if bucket < sub:
        return bucket, bucket + 1
    power = (bucket >> LATENCY_SUB_BITS) + LATENCY_SUB_BITS - 1
    width = 1 << (power - LATENCY_SUB_BITS)
    low = (sub + (bucket & (sub - 1))) * width
    return low, low + width


def percentile(counts: Sequence[int], q: float) -> float | None:
    """The q-quantile (0 < q <= 1) of a latency histogram in ns, interpolated linearly in its
    bucket (within a quarter-octave of the true value); None for an empty histogram."""
    total = sum(counts)
    if not total:
        return None
    target = q * total
    seen = 0
    for bucket, n in enumerate(counts):
        if n and seen + n >= target:
            low, high = bucket_range(bucket)
            return low + (high - low) * max(target - seen, 0) / n
        seen += n
    return float(bucket_range(len(counts) - 1)[0])


@dataclass(frozen=True)
class Row:
    """One syscall of the summary. Times in ns; latencies (wall time per call, from the
    in-kernel histogram) in microseconds, None without ``--latency``."""

    name: str
    nr: int
    calls: int
    errors: int
    time_ns: int  # what the table shows: CPU time, or wall time with -w
    cpu_ns: int
    wall_ns: int
    p50_us: float | None
    p99_us: float | None
    max_us: float
    min_time_ns: int = 0  # the shortest and longest returned call, in the table's time
    max_time_ns: int = 0

    @property
    def seconds(self) -> float:
        return self.time_ns / 1e9

    @property
    def usecs_per_call(self) -> int:
        """strace's column: the time in whole microseconds, divided by the calls."""
        return self.time_ns // 1000 // max(self.calls, 1)


def syscall_label(nr: int, arch: str | None = None) -> str:
    """The name of a stats slot: a native syscall, or a 32-bit one named by the i386 table."""
    if nr >= COMPAT_STATS:
        compat = nr - COMPAT_STATS
        return f"{syscalls.name(compat, 'i386') or f'syscall_{compat}'} (32-bit)"
    return syscalls.name(nr, arch) or f"syscall_{nr}"


#: strace -S and -U: each column's names, and the columns strace -c shows by default.
COLUMNS = {
    "time-percent": ("time", "time_percent", "time-percent"),
    "total-time": ("time_total", "time-total", "total_time", "total-time"),
    "min-time": ("min_time", "min-time", "shortest", "time_min", "time-min"),
    "max-time": ("longest", "max_time", "max-time", "time_max", "time-max"),
    "avg-time": ("avg_time", "avg-time", "time_avg", "time-avg"),
    "calls": ("calls", "count"),
    "errors": ("error", "errors"),
    "name": ("name", "syscall", "syscall_name", "syscall-name"),
}
DEFAULT_COLUMNS = ("time-percent", "total-time", "avg-time", "calls", "errors", "name")


def column_named(alias: str) -> str | None:
    """The column an -S or -U name stands for (strace's aliases), or None."""
    return next((column for column, names in COLUMNS.items() if alias in names), None)


def parse_sort(text: str) -> str:
    """The column -S sorts by (strace's names; "nothing" keeps the syscall order); raises
    UsageError."""
    if text in ("none", "nothing"):
        return "nothing"
    column = column_named(text)
    if column is None:
        raise UsageError(f"invalid -S {text!r}: expected time, min-time, max-time, avg-time, "
                         "calls, errors, name or nothing")
    return "total-time" if column == "time-percent" else column


def parse_columns(text: str) -> tuple[str, ...]:
    """The columns of -U, comma-separated strace names, the syscall's name always last if not
    given; raises UsageError."""
    columns: list[str] = []
    for alias in text.split(","):
        column = column_named(alias.strip())
        if column is None:
            raise UsageError(f"unknown -U column {alias.strip()!r}: expected "
                             f"{', '.join(COLUMNS)}")
        if column in columns:
            raise UsageError(f"-U names the {column} column twice")
        columns.append(column)
    if "name" not in columns:
        columns.append("name")
    return tuple(columns)


_SORT_KEYS = {
    "total-time": lambda r: -r.time_ns,
    "min-time": lambda r: -r.min_time_ns,
    "max-time": lambda r: -r.max_time_ns,
    "avg-time": lambda r: -(r.time_ns / max(r.calls, 1)),
    "calls": lambda r: -r.calls,
    "errors": lambda r: -r.errors,
    "name": lambda r: r.name,
}


def rows(stats: Iterable[Stats], wall: bool = False, arch: str | None = None,
         sort: str = "total-time") -> list[Row]:
    """The rows of the table, sorted as strace sorts them: by time (or sort: a column of
    parse_sort, "nothing" for the syscall order), then by number. wall picks wall time over
    CPU time (strace -c -w)."""
    out = []
    for s in stats:
        hist = list(s.latency)
        p50, p99 = percentile(hist, 0.5), percentile(hist, 0.99)
        returned = getattr(s, "returned", 0)
        out.append(Row(
            name=syscall_label(s.nr, arch), nr=s.nr, calls=s.calls, errors=s.errors,
            time_ns=s.total_ns if wall else s.cpu_ns, cpu_ns=s.cpu_ns, wall_ns=s.total_ns,
            # A bucket's interpolation never shows more than the longest call took.
            p50_us=None if p50 is None else min(p50, s.max_ns) / 1e3,
            p99_us=None if p99 is None else min(p99, s.max_ns) / 1e3,
            max_us=s.max_ns / 1e3,
            min_time_ns=(s.min_ns if wall else s.min_cpu_ns) if returned else 0,
            max_time_ns=(s.max_ns if wall else s.max_cpu_ns) if returned else 0))
    key = _SORT_KEYS.get(sort)
    out.sort(key=(lambda r: r.nr) if key is None else (lambda r: (key(r), r.nr)))
    return out


def _latency_cells(p50: float | None, p99: float | None, top: float) -> str:
    """The three latency columns; blank for a syscall that never returned (exit_group)."""
    if p50 is None or p99 is None:
        return f" {'':>10} {'':>10} {'':>10}"
    return f" {p50:10.2f} {p99:10.2f} {top:10.2f}"


def format_table(stats: Iterable[Stats], arch: str | None = None, wall: bool = False,
                 latency: bool = False, sort: str = "total-time",
                 columns: Sequence[str] = DEFAULT_COLUMNS) -> str:
    """strace -c's table: by default time share, seconds, usecs/call, calls, errors, syscall
    (columns: strace -U's, as parse_columns gives them; sort: -S's), then a total row, each
    column as wide as strace makes it. CPU time by default, wall time with wall (strace -c -w);
    latency adds the median, 99th percentile and maximum wall time per call before the
    syscall column. exit and exit_group never return: they count as calls with no time."""
    stats = list(stats)
    table = rows(stats, wall, arch, sort)
    total = sum(r.time_ns for r in table)
    calls = sum(r.calls for r in table)
    errors = sum(r.errors for r in table)
    timed = [r for r in table if r.max_time_ns or r.min_time_ns]
    shortest = min((r.min_time_ns for r in timed), default=0)
    longest = max((r.max_time_ns for r in table), default=0)
    widest_min = max((r.min_time_ns for r in table), default=0)
    # (header, width, cell of a row, cell of the total), widened as strace widens them.
    spec: dict[str, tuple[str, int, Callable[[Row], str], str]] = {
        "time-percent": ("% time", 6, lambda r: f"{100.0 * r.time_ns / total if total else 0:.2f}",
                         "100.00"),
        "total-time": ("seconds", max(11, len(f"{total / 1e9:.6f}")),
                       lambda r: f"{r.seconds:.6f}", f"{total / 1e9:.6f}"),
        "min-time": ("shortest", max(8, len(f"{widest_min // 10**9}.000000")),
                     lambda r: f"{r.min_time_ns / 1e9:.6f}", f"{shortest / 1e9:.6f}"),
        "max-time": ("longest", max(7, len(f"{longest // 10**9}.000000")),
                     lambda r: f"{r.max_time_ns / 1e9:.6f}", f"{longest / 1e9:.6f}"),
        "avg-time": ("usecs/call", max(11, max((len(str(r.usecs_per_call)) for r in table),
                                               default=1)),
                     lambda r: str(r.usecs_per_call), str(total // 1000 // max(calls, 1))),
        "calls": ("calls", max(9, len(str(calls))), lambda r: str(r.calls), str(calls)),
        "errors": ("errors", max(9, len(str(errors))), lambda r: str(r.errors or ""),
                   str(errors or "")),
    }
    name_width = max([16] + [len(r.name) + 1 for r in table])
    shown = [c for c in columns if c != "name"]
    head = [spec[c][0].rjust(spec[c][1]) for c in shown]
    rule = ["-" * spec[c][1] for c in shown]
    if latency:
        head.append(LATENCY_HEADER[1:])
        rule.append(LATENCY_RULE[1:])
    head.append("syscall")
    rule.append("-" * name_width)
    lines = [" ".join(head), " ".join(rule)]
    for r in table:
        cells = [spec[c][2](r).rjust(spec[c][1]) for c in shown]
        if latency:
            cells.append(_latency_cells(r.p50_us, r.p99_us, r.max_us)[1:])
        lines.append(" ".join(cells + [r.name]))
    lines.append(lines[1])
    cells = [spec[c][3].rjust(spec[c][1]) for c in shown]
    if latency:
        merged = [sum(c) for c in zip(*(s.latency for s in stats))]
        top = max((s.max_ns for s in stats), default=0)
        p50, p99 = percentile(merged, 0.5), percentile(merged, 0.99)
        cells.append(_latency_cells(None if p50 is None else min(p50, top) / 1e3,
                                    None if p99 is None else min(p99, top) / 1e3,
                                    top / 1e3)[1:])
    lines.append(" ".join(cells + ["total"]))
    return "\n".join(lines) + "\n"


def records(stats: Iterable[Stats], wall: bool = False, arch: str | None = None,
            sort: str = "total-time") -> list[dict[str, object]]:
    """The rows as plain dicts, in the table's order: what ``-c --format jsonl`` writes and
    ``Tracer.summary()`` returns. ``seconds`` and ``usecs_per_call`` are the table's (CPU time,
    or wall time with wall); ``cpu_ns`` and ``wall_ns`` are both kept."""
    return [{"syscall": r.name, "nr": r.nr % COMPAT_STATS, "compat": r.nr >= COMPAT_STATS,
             "calls": r.calls, "errors": r.errors, "seconds": r.seconds,
             "usecs_per_call": r.usecs_per_call, "cpu_ns": r.cpu_ns, "wall_ns": r.wall_ns,
             "max_usecs": r.max_us, "p50_us": r.p50_us, "p99_us": r.p99_us}
            for r in rows(stats, wall, arch, sort)]


def format_jsonl(stats: Iterable[Stats], wall: bool = False, arch: str | None = None,
                 sort: str = "total-time") -> str:
    """The table as JSON Lines, one object of records() per syscall."""
    import json

    return "".join(json.dumps(row) + "\n" for row in records(stats, wall, arch, sort))
