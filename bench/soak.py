"""Long-run soak: system-wide tracing of a process-churn workload, memory and maps must stay flat.

Not part of the test suite (it runs for minutes). Run as root after ``pip install .``:

    python bench/soak.py --minutes 10

Two tracers run side by side for the whole time, both writing to /dev/null:
  - ``system``: the whole system, every syscall (the ring buffer and sink path);
  - ``follow``: ``-f -- churn`` (the traced bitmap: every churned process is set at fork and
    cleared at exit, so the processes it holds must not pile up).
The churn workload forks and execs short-lived processes in a loop. Every ``--interval``
seconds the tracers' resident memory (VmRSS) and the processes the follow tracer's traced bitmap
holds are sampled. The run passes if, after a warm-up, RSS grows by less than
``--max-growth-kib`` and the bitmap never holds more than the few processes alive at once. Prints one line per sample
and a JSON summary; exits 1 on failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from targeting_churn import traced_processes

CHURN = """
import os, subprocess, sys, time
end = time.monotonic() + float(sys.argv[1])
n = 0
while time.monotonic() < end:
    procs = [subprocess.Popen(["/bin/true"]) for _ in range(4)]
    for p in procs:
        p.wait()
    n += len(procs)
print(n, file=sys.stderr)
"""


def rss_kib(pid: int) -> int:
    """Resident set size of pid in KiB."""
    text = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


def map_ids(pid: int) -> dict[int, int]:
    """map id -> map type of the BPF maps pid holds open (from /proc/PID/fdinfo)."""
    found: dict[int, int] = {}
    for fd in os.listdir(f"/proc/{pid}/fdinfo"):
        try:
            info = Path(f"/proc/{pid}/fdinfo/{fd}").read_text()
        except OSError:
            continue
        mid = re.search(r"^map_id:\s+(\d+)", info, re.M)
        mtype = re.search(r"^map_type:\s+(\d+)", info, re.M)
        if mid and mtype:
            found[int(mid.group(1))] = int(mtype.group(1))
    return found


def traced_map_id(pid: int) -> int:
    """Id of the tracer's ``traced`` bitmap."""
    for mid in map_ids(pid):
        shown = json.loads(subprocess.run(["bpftool", "-j", "map", "show", "id", str(mid)],
                                          capture_output=True, text=True, check=True).stdout)
        if shown.get("name") == "traced":
            return mid
    raise RuntimeError(f"pid {pid} holds no traced map")


def traced_count(mid: int) -> int:
    """The processes the traced bitmap of map id mid holds."""
    dump = subprocess.run(["bpftool", "-j", "map", "dump", "id", str(mid)], capture_output=True,
                          text=True, check=True).stdout
    return traced_processes(json.loads(dump))


def start_tracer(*args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-m", "observer", "-o", "/dev/null", *args],
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    line = proc.stderr.readline()
    if "observer: tracing" not in line:
        proc.kill()
        raise RuntimeError(f"tracer did not start: {line}{proc.stderr.read()}")
    return proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--interval", type=float, default=10.0, help="seconds between samples")
    parser.add_argument("--warmup", type=float, default=30.0, help="seconds before the baseline")
    parser.add_argument("--max-growth-kib", type=int, default=4096)
    args = parser.parse_args()
    seconds = args.minutes * 60

    system = start_tracer()
    follow = start_tracer("-f", "--", sys.executable, "-c", CHURN, str(seconds))
    traced = traced_map_id(follow.pid)
    samples = []
    start = time.monotonic()
    try:
        while follow.poll() is None and time.monotonic() - start < seconds + 30:
            time.sleep(args.interval)
            if follow.poll() is not None:
                break
            sample = {"t": round(time.monotonic() - start), "system_rss_kib": rss_kib(system.pid),
                      "follow_rss_kib": rss_kib(follow.pid), "traced_processes": traced_count(traced)}
            samples.append(sample)
            print(json.dumps(sample), flush=True)
    finally:
        system.send_signal(signal.SIGINT)
        _, system_err = system.communicate(timeout=120)
        _, follow_err = follow.communicate(timeout=120)

    base = [s for s in samples if s["t"] >= args.warmup] or samples
    growth = {key: max(s[key] for s in base) - base[0][key]
              for key in ("system_rss_kib", "follow_rss_kib")}
    summary = {
        "minutes": args.minutes,
        "samples": len(samples),
        "rss_growth_after_warmup_kib": growth,
        "rss_kib_first_last": {key: [samples[0][key], samples[-1][key]] for key in growth},
        "traced_processes_max": max(s["traced_processes"] for s in samples),
        "churned_processes": sum(int(line) for line in follow_err.splitlines()
                                 if line.strip().isdigit()),
        "system_summary": system_err.strip().splitlines()[-1],
        "follow_summary": follow_err.strip().splitlines()[-1],
        "system_exit": system.returncode,
        "follow_exit": follow.returncode,
    }
    ok = (all(g < args.max_growth_kib for g in growth.values())
          and summary["traced_processes_max"] <= 64
          and system.returncode == 0 and follow.returncode == 0)
    summary["ok"] = ok
    print(json.dumps(summary, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
