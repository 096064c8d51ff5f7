"""The ``-c`` summary: per-syscall totals counted in the kernel, laid out like ``strace -c``.

``Tracer.stats()`` of the compiled core returns one ``SyscallStats`` per syscall that was
called: calls, errors, wall time (``total_ns``, ``max_ns``), time on a CPU (``cpu_ns``) and,
with ``Spec.count_latency``, a histogram of wall times (``latency``). :func:`rows` turns them
into named, sorted rows with latency percentiles; :func:`format_table` into strace's table.
Pure functions: any objects with those fields work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from observer import syscalls

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


def rows(stats: Iterable[Stats], wall: bool = False, arch: str | None = None) -> list[Row]:
    """The rows of the table, sorted as strace sorts them: by time, then by number. wall
    picks wall time over CPU time (strace -c -w)."""
    out = []
    for s in stats:
        hist = list(s.latency)
        p50, p99 = percentile(hist, 0.5), percentile(hist, 0.99)
        out.append(Row(
            name=syscall_label(s.nr, arch), nr=s.nr, calls=s.calls, errors=s.errors,
            time_ns=s.total_ns if wall else s.cpu_ns, cpu_ns=s.cpu_ns, wall_ns=s.total_ns,
            # A bucket's interpolation never shows more than the longest call took.
            p50_us=None if p50 is None else min(p50, s.max_ns) / 1e3,
            p99_us=None if p99 is None else min(p99, s.max_ns) / 1e3,
            max_us=s.max_ns / 1e3))
    out.sort(key=lambda r: (-r.time_ns, r.nr))
    return out


def _latency_cells(p50: float | None, p99: float | None, top: float) -> str:
    """The three latency columns; blank for a syscall that never returned (exit_group)."""
    if p50 is None or p99 is None:
        return f" {'':>10} {'':>10} {'':>10}"
    return f" {p50:10.2f} {p99:10.2f} {top:10.2f}"


def format_table(stats: Iterable[Stats], arch: str | None = None, wall: bool = False,
                 latency: bool = False) -> str:
    """strace -c's table: time share, seconds, usecs/call, calls, errors, syscall, then a
    total row. CPU time by default, wall time with wall (strace -c -w); latency adds the
    median, 99th percentile and maximum wall time per call before the syscall column. exit and
    exit_group never return: they count as calls with no time."""
    stats = list(stats)
    table = rows(stats, wall, arch)
    total = sum(r.time_ns for r in table)
    calls = sum(r.calls for r in table)
    errors = sum(r.errors for r in table)
    head, rule = HEADER, RULE
    if latency:
        head = HEADER.replace(" syscall", LATENCY_HEADER + " syscall")
        columns, last = RULE.rsplit(" ", 1)
        rule = f"{columns}{LATENCY_RULE} {last}"
    lines = [head, rule]
    for r in table:
        share = 100.0 * r.time_ns / total if total else 0.0
        extra = _latency_cells(r.p50_us, r.p99_us, r.max_us) if latency else ""
        lines.append(f"{share:6.2f} {r.seconds:11.6f} {r.usecs_per_call:11d} {r.calls:9d} "
                     f"{r.errors or '':>9}{extra} {r.name}")
    lines.append(rule)
    extra = ""
    if latency:
        merged = [sum(c) for c in zip(*(s.latency for s in stats))]
        top = max((s.max_ns for s in stats), default=0)
        p50, p99 = percentile(merged, 0.5), percentile(merged, 0.99)
        extra = _latency_cells(None if p50 is None else min(p50, top) / 1e3,
                               None if p99 is None else min(p99, top) / 1e3, top / 1e3)
    lines.append(f"{100.0:6.2f} {total / 1e9:11.6f} {total // 1000 // max(calls, 1):11d} "
                 f"{calls:9d} {errors or '':>9}{extra} total")
    return "\n".join(lines) + "\n"


def records(stats: Iterable[Stats], wall: bool = False,
            arch: str | None = None) -> list[dict[str, object]]:
    """The rows as plain dicts, in the table's order: what ``-c --format jsonl`` writes and
    ``Tracer.summary()`` returns. ``seconds`` and ``usecs_per_call`` are the table's (CPU time,
    or wall time with wall); ``cpu_ns`` and ``wall_ns`` are both kept."""
    return [{"syscall": r.name, "nr": r.nr % COMPAT_STATS, "compat": r.nr >= COMPAT_STATS,
             "calls": r.calls, "errors": r.errors, "seconds": r.seconds,
             "usecs_per_call": r.usecs_per_call, "cpu_ns": r.cpu_ns, "wall_ns": r.wall_ns,
             "max_usecs": r.max_us, "p50_us": r.p50_us, "p99_us": r.p99_us}
            for r in rows(stats, wall, arch)]


def format_jsonl(stats: Iterable[Stats], wall: bool = False, arch: str | None = None) -> str:
    """The table as JSON Lines, one object of records() per syscall."""
    import json

    return "".join(json.dumps(row) + "\n" for row in records(stats, wall, arch))
