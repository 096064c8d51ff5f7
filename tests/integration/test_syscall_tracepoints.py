"""A selection taken at the selected syscalls' own tracepoints (syscalls:sys_enter_<name>)
captures what the raw tracepoints capture for the same selection: the same records, the
unfinished call of a killed child followed through fork, calls resumed under -p, and the same
accounting. The raw run is the same command with the loader told not to use them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import Observer, run_observer, wait_in_syscall

pytestmark = pytest.mark.bpf

# 64-bit calls only (name@64): where the kernel runs 32-bit calls, the per-syscall
# tracepoints, which never see them, are used only for such a selection.
SELECTION = "openat@64,read@64,clock_nanosleep@64"
# The same command, with the loader told to keep the raw tracepoints.
RAW = ("import sys; from observer import _session, cli\n"
       "make = _session.make_spec\n"
       "def raw(*args, **kwargs):\n"
       "    spec = make(*args, **kwargs)\n"
       "    spec.syscall_tracepoints = False\n"
       "    return spec\n"
       "_session.make_spec = raw\n"
       "sys.exit(cli.main(sys.argv[1:]))\n")
# A parent that reads a file, a child that does too, and a grandchild killed in its sleep.
SCRIPT = ("cat /etc/hostname >/dev/null; sh -c 'cat /etc/passwd >/dev/null'; "
          "timeout -s KILL 0.5 sleep 30; true")


def observe(raw: bool, *args: str) -> subprocess.CompletedProcess[str]:
    if not raw:
        return run_observer("-v", *args)
    return subprocess.run([sys.executable, "-c", RAW, "-v", *args], capture_output=True,
                          text=True, timeout=120)


def records(path: Path) -> tuple[list[tuple[object, ...]], dict[str, object]]:
    """The records of calls without what differs between two runs (ids, times, addresses),
    sorted, and the end line's counts but the records written."""
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    end = next(line for line in lines if line.get("kind") == "end")
    calls = sorted((r["syscall"], r.get("ret"), r.get("unfinished"), r.get("resumed"),
                    tuple(s["value"] for s in r["strings"]), r["comm"])
                   for r in lines if "syscall" in r)
    # Every record written is in the file; the signals and exits among them (how many
    # SIGCHLDs a shell takes is a race) are left out of what two runs must share.
    notices = sum(line.get("kind") in ("signal", "exit") for line in lines)
    assert end["written"] == len(calls) + notices
    return calls, {k: v for k, v in end.items() if k not in ("kind", "written")}


def test_a_selection_at_its_own_tracepoints_captures_what_the_raw_ones_do(
        tmp_path: Path) -> None:
    seen = {}
    for raw in (True, False):
        out = tmp_path / f"{raw}.jsonl"
        result = observe(raw, "-f", "-s", SELECTION, "--format", "jsonl", "-o", str(out),
                         "--", "sh", "-c", SCRIPT)
        assert result.returncode == 0, result.stderr
        if not raw and "per-syscall tracepoints" not in result.stderr:
            pytest.skip(f"the loader kept the raw tracepoints here: {result.stderr}")
        assert "per-syscall tracepoints" not in result.stderr or not raw
        seen[raw] = records(out)
    calls, counts = seen[False]
    assert calls == seen[True][0]
    assert counts == seen[True][1]
    # The files, followed into the child, and the sleep killed in its call.
    strings = {s for call in calls for s in call[4]}
    assert {"/etc/hostname", "/etc/passwd"} <= strings
    assert [c[0] for c in calls if c[2] == "killed"] == ["clock_nanosleep"]
    assert counts["lost"] == 0 and counts["unfinished"] == 1


def test_a_call_begun_before_attach_ends_resumed_at_its_own_tracepoint(tmp_path: Path) -> None:
    for raw in (True, False):
        # cat blocks in read on its stdin until the test writes, after attach.
        reader = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        assert reader.stdin is not None
        try:
            wait_in_syscall(reader.pid, "read", 0)
            out = tmp_path / f"{raw}.jsonl"
            tracer = Observer("-v", "-p", str(reader.pid), "-s", SELECTION, "--format", "jsonl",
                              "-o", str(out))
            if raw:
                tracer.args = [sys.executable, "-c", RAW, *tracer.args[3:]]
            with tracer:
                reader.stdin.write(b"x")
                reader.stdin.close()
                assert tracer.wait() == 0, tracer.stderr
        finally:
            reader.kill()
            reader.wait()
        calls, counts = records(out)
        assert [c[:2] for c in calls if c[3]] == [("read", 1)], (raw, calls)
        assert counts["resumed"] == 1 and counts["lost"] == 0
