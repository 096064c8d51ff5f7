"""Python-side throughput of observer.Tracer: NumPy batches vs one Python call per event.

Usage (as root): ``python bench/python_api.py [-n CALLS] [--ring-size MIB]``

Both modes trace the same workload, a C loop of getppid() calls (bench/workloads/getppid_loop.c,
built here with ``gcc -O2``), in one run of this script, in two ways:

- live: records are consumed while the workload runs; the rate is records delivered to Python
  per second from the command's start to its last record, so a consumer faster than the
  workload shows the workload's rate (its own ns per call is printed by the workload);
- buffered: the workload runs to its end into a ring large enough to hold every record, then
  the ring is read; the rate is records per second of reading, the Python side's own limit.

Lost records (ring full) are printed too. Batches are summed with NumPy, as an analysis would touch them; the
callback mode calls a trivial Python function per record, like a BCC perf-buffer callback.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import observer

WORKLOAD = Path(__file__).resolve().parent / "workloads" / "getppid_loop.c"


def build(out_dir: Path) -> Path:
    """Compile the getppid loop; returns the executable."""
    exe = out_dir / "getppid_loop"
    subprocess.run(["gcc", "-O2", "-o", str(exe), str(WORKLOAD)], check=True)
    return exe


def measure(exe: Path, calls: int, ring_size: int, callback: bool, buffered: bool
            ) -> tuple[float, int, int]:
    """Trace one run of the workload; returns (seconds, records delivered, records lost)."""
    delivered = 0
    args = [str(exe), str(calls)]
    with observer.Tracer(command=args, syscalls="getppid", capture_time=False,
                         ring_size=ring_size) as tracer:
        while buffered and tracer.traced_alive > 0:
            time.sleep(0.05)
        start = time.perf_counter()
        if callback:
            seen = [0]

            def on_event(record: object) -> None:
                seen[0] += 1

            tracer.run(on_event)
            delivered = seen[0]
        else:
            for batch in tracer.batches():
                delivered += int((batch["nr"] >= 0).sum())
        elapsed = time.perf_counter() - start
    return elapsed, delivered, tracer.lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--calls", type=int, default=2_000_000,
                        help="getppid calls per run (default: 2,000,000)")
    parser.add_argument("--ring-size", type=int, default=16, metavar="MIB",
                        help="ring buffer size in MiB of the live runs (default: 16)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="observer-bench-") as tmp:
        exe = build(Path(tmp))
        # Each record takes 104 bytes plus an 8-byte header in the ring.
        big = 1 << max(0, (args.calls * 112 * 5 // 4 - 1).bit_length() - 20)
        print(f"workload: {args.calls:,} getppid() calls; ring {args.ring_size} MiB live, "
              f"{big} MiB buffered")
        print(f"{'mode':<34}{'events/s to Python':>20}{'delivered':>12}{'lost':>10}{'s':>7}")
        for buffered in (False, True):
            for name, callback in (("NumPy batches", False), ("per-event callback", True)):
                ring = big if buffered else args.ring_size
                elapsed, delivered, lost = measure(exe, args.calls, ring, callback, buffered)
                label = f"{name}, {'buffered' if buffered else 'live'}"
                print(f"{label:<34}{delivered / elapsed:>20,.0f}{delivered:>12,}{lost:>10,}"
                      f"{elapsed:>7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
