#!/usr/bin/env python3
"""Kernel memory observer's BPF maps take per traced thread, by recording mode.

``python bench/task_storage.py [--threads N]`` (as root) starts a process, traces it with
``observer -p`` from a memory cgroup of its own (the BPF maps' memory is charged to the cgroup
of the process that created them), lets the process start N threads that each make one
syscall and wait, and reads how much the cgroup's kernel memory grew: the task storage each
thread's first traced call allocates, whatever else the mode keeps per thread. Needs the
memory controller: cgroup v1's memory.kmem.usage_in_bytes or cgroup v2's memory.current.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OBSERVER = [sys.executable, "-m", "observer"]

# Waits for START, then starts N threads that each make a syscall and wait; READY once all
# have, then waits for GO.
THREADS_PY = """
import os, sys, threading, time
n, flag = int(sys.argv[1]), sys.argv[2]
print(os.getpid(), flush=True)
while not os.path.exists(flag + ".start"):
    time.sleep(0.02)
release, ready = threading.Event(), threading.Barrier(n + 1)
def work():
    os.getppid()
    ready.wait()
    release.wait()
threads = [threading.Thread(target=work) for _ in range(n)]
for t in threads:
    t.start()
ready.wait()
open(flag + ".ready", "w").close()
while not os.path.exists(flag + ".go"):
    time.sleep(0.02)
release.set()
for t in threads:
    t.join()
"""

MODES = {
    "default log": [],
    "-c": ["-c"],
    "--format strace": ["--format", "strace"],
    "--format strace -y --absolute": ["--format", "strace", "-y", "--absolute"],
}


def memory_cgroup() -> tuple[Path, str]:
    """A new memory cgroup and the file that says how much kernel memory it holds."""
    v1 = Path("/sys/fs/cgroup/memory")
    if (v1 / "memory.kmem.usage_in_bytes").exists():
        path = v1 / f"observer-task-storage-{os.getpid()}"
        path.mkdir()
        return path, "memory.kmem.usage_in_bytes"
    for root in (Path("/sys/fs/cgroup"), Path("/sys/fs/cgroup/unified")):
        controllers = root / "cgroup.controllers"
        if controllers.exists() and "memory" in controllers.read_text().split():
            path = root / f"observer-task-storage-{os.getpid()}"
            path.mkdir()
            return path, "memory.current"
    raise SystemExit("task_storage: needs a memory cgroup (v1 kmem accounting or v2 memory)")


def wait_for(path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"task_storage: timed out waiting for {path}")
        time.sleep(0.02)


def measure(args: list[str], threads: int, work: Path) -> float:
    """Bytes of kernel memory per thread the tracer's cgroup gained while threads started."""
    cgroup, counter = memory_cgroup()
    flag = work / "flag"
    for suffix in (".start", ".ready", ".go"):
        Path(f"{flag}{suffix}").unlink(missing_ok=True)
    target = subprocess.Popen([sys.executable, "-S", "-c", THREADS_PY, str(threads), str(flag)],
                              stdout=subprocess.PIPE, text=True)
    tracer = None
    try:
        assert target.stdout is not None
        pid = target.stdout.readline().strip()
        cgroup_procs = str(cgroup / "cgroup.procs")
        tracer = subprocess.Popen(
            ["sh", "-c", f'echo $$ > {cgroup_procs} && exec "$@"', "sh", *OBSERVER, "-q",
             *args, "-o", os.devnull, "-p", pid], stderr=subprocess.DEVNULL)
        time.sleep(2.0)  # loaded and attached
        before = int((cgroup / counter).read_text())
        Path(f"{flag}.start").touch()
        wait_for(Path(f"{flag}.ready"))
        time.sleep(0.5)
        after = int((cgroup / counter).read_text())
        Path(f"{flag}.go").touch()
        target.wait(60)
        tracer.wait(60)
        return (after - before) / threads
    finally:
        for proc in (target, tracer):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
        cgroup.rmdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=500, help="threads started (500)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("task_storage: needs root", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="observer-task-storage-") as tmp:
        print(f"kernel memory per traced thread, {args.threads} threads:")
        for name, mode in MODES.items():
            print(f"  {name:32} {measure(mode, args.threads, Path(tmp)):8.0f} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
