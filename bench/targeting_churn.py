"""Process churn under -f: many short-lived processes, flat memory, none lost.

Runs ``observer -f -- targets forkmany N`` (N children one after the other, child i making
i%5+1 getppid calls), samples the tracer's resident memory and how many processes the traced
bitmap holds while it runs, then checks every child's records in the log. Needs root, a C
compiler and bpftool.

    python bench/targeting_churn.py [N]        (default 50,000)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import observer.syscalls

SOURCE = Path(__file__).resolve().parent.parent / "tests" / "integration" / "workloads" / "targets.c"


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def traced_processes(dump: list[dict[str, Any]]) -> int:
    """The processes a bpftool JSON dump of the traced bitmap holds: its set bits (one per
    tgid, bit tgid % 64 of word tgid / 64)."""
    count = 0
    for entry in dump:
        if "formatted" in entry:
            word = int(entry["formatted"]["value"])
        else:  # no BTF: the value's bytes, little-endian
            word = int.from_bytes(bytes(int(b, 16) for b in entry["value"]), "little")
        count += bin(word).count("1")
    return count


def traced_map(pid: int) -> tuple[int, int] | None:
    """(processes traced, bytes_memlock) of the traced bitmap held by process pid, via
    bpftool."""
    ids = set()
    fdinfo = Path(f"/proc/{pid}/fdinfo")
    try:
        for f in fdinfo.iterdir():
            fields = dict(line.split(":", 1) for line in f.read_text().splitlines() if ":" in line)
            if "map_id" in fields:
                ids.add(int(fields["map_id"]))
    except OSError:
        return None
    for map_id in ids:
        show = subprocess.run(["bpftool", "-j", "map", "show", "id", str(map_id)],
                              capture_output=True, text=True, timeout=10)
        try:
            info = json.loads(show.stdout)
        except ValueError:
            continue
        if info.get("name") != "traced":
            continue
        dump = subprocess.run(["bpftool", "-j", "map", "dump", "id", str(map_id)],
                              capture_output=True, text=True, timeout=10)
        try:
            return traced_processes(json.loads(dump.stdout)), int(info.get("bytes_memlock", 0))
        except ValueError:
            return None
    return None


def check_log(log: Path, children: Path) -> tuple[int, int]:
    """Returns (children checked, mismatches) comparing each child's records to what it did."""
    getppid = observer.syscalls.number("getppid")
    exit_group = observer.syscalls.number("exit_group")
    expected: dict[int, list[int]] = defaultdict(list)
    for line in children.read_text().splitlines():
        _, child, k = line.split()
        expected[int(child)].append(int(k))
    got: dict[int, list[int]] = defaultdict(list)
    running: dict[int, int] = defaultdict(int)
    parent = None
    with log.open() as f:
        for raw in f:
            pid_text, nr_text, _ = raw.split(":", 2)
            pid, nr = int(pid_text), int(nr_text)
            if parent is None:
                parent = pid
            if pid == parent:
                continue
            if nr == getppid:
                running[pid] += 1
            elif nr == exit_group:
                got[pid].append(running.pop(pid, 0))
    total = sum(map(len, expected.values()))
    bad = sum(1 for pid in expected.keys() | got.keys() if expected[pid] != got[pid])
    return total, bad


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        print("needs a C compiler", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        exe, log, children = Path(tmp) / "targets", Path(tmp) / "t.log", Path(tmp) / "children"
        subprocess.run([cc, "-O2", "-pthread", "-o", str(exe), str(SOURCE)], check=True)
        start = time.monotonic()
        with children.open("w") as out:
            proc = subprocess.Popen([sys.executable, "-m", "observer", "-f", "-o", str(log), "--",
                                     str(exe), "forkmany", str(n)], stdout=out,
                                    stderr=subprocess.PIPE, text=True)
            rss: list[int] = []
            traced: list[int] = []
            memlock = 0
            while proc.poll() is None:
                m = traced_map(proc.pid)
                kib = rss_kib(proc.pid)
                if m is not None and kib is not None:  # loaded: start-up is over
                    rss.append(kib)
                    traced.append(m[0])
                    memlock = m[1]
                time.sleep(0.5)
            _, err = proc.communicate()
        elapsed = time.monotonic() - start
        total, bad = check_log(log, children)
        print(f"processes: {n}, wall {elapsed:.1f} s, exit status {proc.returncode}")
        print(f"tracer: {err.strip().splitlines()[-1] if err.strip() else '(no summary)'}")
        if rss:
            third = max(1, len(rss) // 3)
            print(f"tracer RSS KiB (after start-up): max in first third {max(rss[:third])}, "
                  f"max in last third {max(rss[-third:])} ({len(rss)} samples)")
        if traced:
            print(f"traced bitmap: max {max(traced)} processes while running, last sample "
                  f"{traced[-1]}, {memlock} bytes memlock (preallocated)")
        print(f"children checked: {total}, with wrong records: {bad}")
        return 0 if proc.returncode == 0 and bad == 0 and total == n and ", 0 lost" in err else 1


if __name__ == "__main__":
    sys.exit(main())
