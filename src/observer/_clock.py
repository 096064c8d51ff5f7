"""The offset from the records' clock (CLOCK_MONOTONIC) to the wall clock."""

from __future__ import annotations

import time

__all__ = ["clock_offset_ns"]


def clock_offset_ns(samples: int = 5) -> int:
    """CLOCK_REALTIME minus CLOCK_MONOTONIC, in ns: add it to a record's ``ts_ns`` for wall time.

    The kernel stamps records with ``bpf_ktime_get_ns()`` (CLOCK_MONOTONIC). The offset is read
    ``samples`` times, each bracketed by two monotonic reads, and the tightest bracket wins, so
    the error is at most that bracket (well under a microsecond). It changes only when the wall
    clock is stepped (NTP, settimeofday). Thread-safe.
    """
    best: tuple[int, int] | None = None
    for _ in range(samples):
        before = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        real = time.clock_gettime_ns(time.CLOCK_REALTIME)
        after = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        if best is None or after - before < best[0]:
            best = (after - before, real - (before + after) // 2)
    assert best is not None
    return best[1]
