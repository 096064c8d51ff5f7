"""The ``-c`` table: per-syscall totals counted in the kernel, laid out like ``strace -c``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from observer import syscalls

if TYPE_CHECKING:  # the compiled core's per-syscall totals; any object with these fields works
    from observer._core import SyscallStats as Stats


#: Summary slots of 32-bit calls start here (bpf/syscalls.h COMPAT_STATS).
COMPAT_STATS = 512

RULE = "------ ----------- ----------- ----------- --------- --------- ----------------"
HEADER = "% time     seconds  usecs/call   usecs/max     calls    errors syscall"


def _name(nr: int, arch: str | None) -> str:
    if nr >= COMPAT_STATS:  # a 32-bit call (int 0x80): named by the i386 table
        nr -= COMPAT_STATS
        return f"{syscalls.name(nr, 'i386') or f'syscall_{nr}'} (32-bit)"
    return syscalls.name(nr, arch) or f"syscall_{nr}"


def rows(stats: Iterable[Stats], arch: str | None = None) -> list[dict[str, object]]:
    """One dict per syscall, in the table's order: syscall, nr, calls, errors, seconds,
    usecs_per_call, max_usecs (what -c --format jsonl writes and Tracer.summary() returns)."""
    ordered = sorted(stats, key=lambda s: (-s.total_ns, -s.calls, _name(s.nr, arch)))
    return [{"syscall": _name(s.nr, arch), "nr": s.nr % COMPAT_STATS,
             "compat": s.nr >= COMPAT_STATS, "calls": s.calls, "errors": s.errors,
             "seconds": s.total_ns / 1e9, "usecs_per_call": s.total_ns // 1000 // max(s.calls, 1),
             "max_usecs": s.max_ns // 1000} for s in ordered]


def format_jsonl(stats: Iterable[Stats], arch: str | None = None) -> str:
    """The table as JSON Lines, one object of rows() per syscall."""
    import json

    return "".join(json.dumps(row) + "\n" for row in rows(stats, arch))


def format_table(stats: Iterable[Stats], arch: str | None = None) -> str:
    """The table as text: sorted by total time (then calls, then name), a total row last.

    Seconds are the time from entry to exit summed over calls; exit and exit_group never
    return and count as calls with no time.
    """
    rows = []
    for s in stats:
        if s.nr >= COMPAT_STATS:  # a 32-bit call (int 0x80): named by the i386 table
            nr = s.nr - COMPAT_STATS
            name = f"{syscalls.name(nr, 'i386') or f'syscall_{nr}'} (32-bit)"
        else:
            name = syscalls.name(s.nr, arch) or f"syscall_{s.nr}"
        rows.append((s.total_ns, s.calls, name, s))
    rows.sort(key=lambda r: (-r[0], -r[1], r[2]))
    total_ns = sum(r[0] for r in rows)
    total_calls = sum(r[1] for r in rows)
    total_errors = sum(r[3].errors for r in rows)
    lines = [HEADER, RULE]
    for ns, calls, name, s in rows:
        share = 100.0 * ns / total_ns if total_ns else 0.0
        errors = str(s.errors) if s.errors else ""
        lines.append(f"{share:6.2f} {ns / 1e9:11.6f} {ns // 1000 // max(calls, 1):11d} "
                     f"{s.max_ns // 1000:11d} {calls:9d} {errors:>9} {name}")
    lines.append(RULE)
    errors = str(total_errors) if total_errors else ""
    lines.append(f"{100.0 if total_ns else 0.0:6.2f} {total_ns / 1e9:11.6f} "
                 f"{total_ns // 1000 // max(total_calls, 1):11d} {'':11} {total_calls:9d} "
                 f"{errors:>9} total")
    return "\n".join(lines) + "\n"
