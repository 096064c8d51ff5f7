"""Python-side throughput of observer.Tracer (NumPy, Arrow, Arrow with a path per record, one
Python call per event) and the speed of the readers, each against its goal.

Usage (as root): ``python bench/python_api.py [-n CALLS] [--ring-size MIB] [--log-lines N]``

Both modes trace the same workload, a C loop of getppid() calls (bench/workloads/getppid_loop.c,
built here with ``gcc -O2``), in one run of this script, in two ways:

- live: records are consumed while the workload runs, through the default 16 MiB ring; the
  rate is records delivered to Python per second from the command's start to its last
  record, so a consumer faster than the workload shows the workload's rate (its own ns per
  call is printed by the workload). The first Arrow run also pays pyarrow's first
  to_numpy(), which imports pandas (0.2 s): the core's drain thread keeps the ring empty
  meanwhile, so nothing may be lost;
- buffered: the workload runs to its end while nothing is read (the drain thread holds its
  records in the backlog; the ring is large too), then the records are read; the rate is
  records per second of reading, the Python side's own limit.

Lost records (ring full) are printed too. Batches are summed with NumPy, as an analysis would touch them; the
callback mode calls a trivial Python function per record, like a BCC perf-buffer callback.
Arrow batches are built in C++ from the ring records (observer.arrow's schema); "with paths"
traces an access(2) loop (bench/workloads/access_loop.c) with strings captured, so every record
carries a path into the Arrow ``path`` column.

Readers: a synthetic 3 M-line log and a 1 M-line JSON Lines file (as the CLI writes them) are
read by ``observer.read_log`` in a fresh interpreter each, timed, with that interpreter's peak
RSS (imports included); pandas and pyarrow are imported first and timed apart.

Goals: NumPy and Arrow fixed fields >= 5 M events/s and Arrow with paths >= 2 M events/s
(buffered, 0 lost); no mode loses a record of the live 2 M-call burst; read_log of 3 M lines
< 1 s (imports included) and < 300 MB; read_log of 1 M jsonl lines >= 2 M lines/s (after the
imports) within twice the file's size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import observer
from run import cpu_model

WORKLOADS = Path(__file__).resolve().parent / "workloads"


def build(out_dir: Path, name: str = "getppid_loop") -> Path:
    """Compile a loop of bench/workloads; returns the executable."""
    exe = out_dir / name
    subprocess.run(["gcc", "-O2", "-pthread", "-o", str(exe), str(WORKLOADS / f"{name}.c")],
                   check=True)
    return exe


def measure(exe: Path, calls: int, ring_size: int, callback: bool, buffered: bool,
            format: str = "numpy") -> tuple[float, int, int]:
    """Trace one run of the workload; returns (seconds, records delivered, records lost in the
    kernel or dropped from a full backlog)."""
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
        elif format == "numpy":
            for batch in tracer.batches(format="numpy"):
                delivered += int((batch["nr"] >= 0).sum())
        else:
            for batch in tracer.batches(format="arrow"):
                delivered += int((batch.column("nr").to_numpy() >= 0).sum())
        elapsed = time.perf_counter() - start
    return elapsed, delivered, tracer.lost + tracer.dropped


def measure_paths(exe: Path, calls: int, ring_size: int) -> tuple[float, int, int, int]:
    """Buffered Arrow batches of full records with strings: the access loop runs to its end
    into the ring, then the ring is read into batches (built in C++, imported by pyarrow).
    Returns (seconds, records, records with a path, lost). Uses the core directly: the
    Tracer's string-capture option is the command line's --string-limit."""
    from observer import _core, syscalls
    from observer.arrow import import_batch

    child = _core.Child(str(exe).encode(), [str(exe).encode(), str(calls).encode()])
    spec = _core.Spec()
    spec.pids = [child.pid]
    spec.syscalls = [syscalls.number("access")]
    spec.capture_exit = True
    spec.string_limit = 256
    spec.ring_size = ring_size << 20
    tracer = _core.Tracer(spec)
    tracer.attach()
    child.release()
    child.wait()
    sink = _core.RecordBatchSink(0)
    start = time.perf_counter()
    tracer.detach()
    tracer.drain(sink)
    records = paths = 0
    for capsules in sink.take():
        batch = import_batch(capsules)
        records += batch.num_rows
        paths += batch.num_rows - batch.column("path").null_count
    elapsed = time.perf_counter() - start
    counters = tracer.counters()
    return elapsed, records, paths, int(counters.lost + counters.dropped)


# Peak RSS from VmHWM: ru_maxrss would keep the forking parent's peak across the exec. The
# imports read_log makes on its first call (pandas, pyarrow: about 0.3 s) are timed apart.
READER = """
import sys, time
import observer
start = time.perf_counter()
import pandas, pyarrow, pyarrow.compute
imports = time.perf_counter() - start
cpu = time.process_time()
df = observer.read_log(sys.argv[1])
cpu = time.process_time() - cpu
elapsed = time.perf_counter() - start - imports
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1]
print(len(df), imports, elapsed, cpu, hwm)
"""


def write_log(path: Path, lines: int) -> None:
    """A log of lines records as TextSink writes them: 50 processes, common syscalls."""
    import numpy as np

    rng = np.random.default_rng(0)
    pids = rng.integers(1000, 1050, lines)
    nrs = rng.choice([0, 1, 3, 9, 39, 257, 262], lines)
    with open(path, "w") as out:
        for start in range(0, lines, 1 << 20):
            chunk = range(start, min(lines, start + (1 << 20)))
            out.write("".join(f"{pids[i]}:{nrs[i]}:worker-{pids[i] % 7}\n" for i in chunk))


def write_jsonl(path: Path, lines: int) -> None:
    """lines records as JsonSink writes them, every fourth with a path."""
    with open(path, "w") as out:
        for i in range(lines):
            strings = ('[{"arg":1,"value":"/usr/lib/x86_64-linux-gnu/libc.so.6",'
                       '"truncated":false}]' if i % 4 == 0 else "[]")
            out.write(f'{{"ts_ns":{i},"wall_ns":{i + 10**18},"tgid":{1000 + i % 50},'
                      f'"tid":{1000 + i % 50},"comm":"worker","nr":257,"syscall":"openat",'
                      f'"compat":false,"args":[1,2,3,4,5,6],"ret":3,"error":null,'
                      f'"duration_ns":100,"strings":{strings},"buffers":[]}}\n')


def read_speed(path: Path) -> tuple[int, float, float, float, float]:
    """(rows, seconds of imports, seconds of read_log after them, its CPU seconds, peak RSS
    MB) of read_log(path) in a fresh interpreter."""
    result = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True,
                            text=True, check=True)
    rows, imports, seconds, cpu, rss_kb = result.stdout.split()
    return int(rows), float(imports), float(seconds), float(cpu), int(rss_kb) / 1024


def goal(met: bool, text: str, value: str) -> str:
    return f"  [{'met    ' if met else 'NOT MET'}] {text:<44} {value}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--calls", type=int, default=2_000_000,
                        help="getppid calls per run (default: 2,000,000)")
    parser.add_argument("--ring-size", type=int, default=16, metavar="MIB",
                        help="ring buffer size in MiB of the live runs (default: 16)")
    parser.add_argument("--log-lines", type=int, default=3_000_000,
                        help="lines of the synthetic log (default: 3,000,000)")
    parser.add_argument("--jsonl-lines", type=int, default=1_000_000,
                        help="lines of the synthetic jsonl (default: 1,000,000)")
    args = parser.parse_args()
    goals = []
    with tempfile.TemporaryDirectory(prefix="observer-bench-") as tmp:
        exe = build(Path(tmp))
        access = build(Path(tmp), "access_loop")
        # Each record takes 104 bytes plus an 8-byte header in the ring.
        big = 1 << max(0, (args.calls * 112 * 5 // 4 - 1).bit_length() - 20)
        print(f"workload: {args.calls:,} getppid() calls; ring {args.ring_size} MiB live, "
              f"{big} MiB buffered; {cpu_model()}")
        print(f"{'mode':<34}{'events/s to Python':>20}{'delivered':>12}{'lost':>10}{'s':>7}")
        rates = {}
        for buffered in (False, True):
            for name, callback, fmt in (("NumPy batches", False, "numpy"),
                                        ("Arrow batches", False, "arrow"),
                                        ("per-event callback", True, "numpy")):
                ring = big if buffered else args.ring_size
                elapsed, delivered, lost = measure(exe, args.calls, ring, callback, buffered,
                                                   fmt)
                label = f"{name}, {'buffered' if buffered else 'live'}"
                rates[label] = (delivered / elapsed, lost, delivered)
                print(f"{label:<34}{delivered / elapsed:>20,.0f}{delivered:>12,}{lost:>10,}"
                      f"{elapsed:>7.2f}", flush=True)
        # A record with a path: event, tail and the string, rounded up to 8 bytes.
        calls = args.calls // 2
        ring = min(1024, 1 << max(0, (calls * 160 * 5 // 4 - 1).bit_length() - 20))
        elapsed, records, paths, lost = measure_paths(access, calls, ring)
        label = "Arrow with paths, buffered"
        print(f"{label:<34}{records / elapsed:>20,.0f}{records:>12,}{lost:>10,}"
              f"{elapsed:>7.2f}   ({paths:,} with a path; {calls:,} access() calls)")
        numpy_rate, numpy_lost, numpy_n = rates["NumPy batches, buffered"]
        goals.append(goal(numpy_rate >= 5e6 and numpy_lost == 0 and numpy_n == args.calls,
                          "NumPy fixed fields >= 5,000,000/s, 0 lost",
                          f"{numpy_rate:,.0f}/s, {numpy_lost} lost"))
        arrow_rate, arrow_lost, arrow_n = rates["Arrow batches, buffered"]
        goals.append(goal(arrow_rate >= 5e6 and arrow_lost == 0 and arrow_n == args.calls,
                          "Arrow fixed fields >= 5,000,000/s, 0 lost",
                          f"{arrow_rate:,.0f}/s, {arrow_lost} lost"))
        live = {label: rate for label, rate in rates.items() if label.endswith("live")}
        live_lost = sum(lost for _, lost, _ in live.values())
        goals.append(goal(live_lost == 0 and all(n == args.calls for _, _, n in live.values()),
                          f"live {args.calls:,}-call burst, {args.ring_size} MiB ring: 0 lost",
                          f"{live_lost:,} lost in {len(live)} modes"))
        path_rate = records / elapsed
        goals.append(goal(path_rate >= 2e6 and lost == 0 and paths >= calls,
                          "Arrow with a path per record >= 2,000,000/s", f"{path_rate:,.0f}/s, "
                          f"{lost} lost, {paths:,}/{calls:,} paths"))

        log = Path(tmp) / "trace.log"
        write_log(log, args.log_lines)
        rows, imports, seconds, cpu, rss = read_speed(log)
        print(f"\nread_log: {rows:,} log lines ({log.stat().st_size / 1e6:,.0f} MB) in "
              f"{seconds:.2f} s (CPU {cpu:.2f} s; imports before it {imports:.2f} s), "
              f"{rows / seconds:,.0f} lines/s, peak RSS {rss:,.0f} MB")
        # A user's first call: the imports count.
        goals.append(goal(imports + seconds < 1 and rss < 300 and rows == args.log_lines,
                          f"read_log {args.log_lines:,} lines < 1 s, < 300 MB",
                          f"{imports + seconds:.2f} s with imports, {rss:,.0f} MB"))
        jsonl = Path(tmp) / "trace.jsonl"
        write_jsonl(jsonl, args.jsonl_lines)
        size = jsonl.stat().st_size / 1e6
        rows, imports, seconds, cpu, rss = read_speed(jsonl)
        print(f"read_log: {rows:,} jsonl lines ({size:,.0f} MB) in {seconds:.2f} s (CPU "
              f"{cpu:.2f} s; imports before it {imports:.2f} s), {rows / seconds:,.0f} lines/s "
              f"({rows / cpu:,.0f} of CPU time), peak RSS {rss:,.0f} MB")
        twice = 2 * jsonl.stat().st_size / 2**20  # MiB, as rss
        goals.append(goal(rows / seconds >= 2e6 and rss <= twice and rows == args.jsonl_lines,
                          "read_log jsonl >= 2,000,000 lines/s, <= 2x file",
                          f"{rows / seconds:,.0f} lines/s ({rows / cpu:,.0f} of CPU time), "
                          f"{rss:,.0f} of {twice:,.0f} MiB"))
    print("\ngoals:")
    print("\n".join(goals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
