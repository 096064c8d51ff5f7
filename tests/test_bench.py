"""The benchmark's quick mode runs end to end with tiny sizes and reports every case (it is
never timed here). The peer tools (strace, perf, bpftrace) are measured by make bench only."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWN = {"untraced", "floor", "floor2", "observer", "observer_jsonl", "observer_strace",
       "observer_summary", "bystander", "bystander_jsonl", "bystander_cgroup", "unselected",
       "selected"}
PEERS = {"bpftrace_count", "bpftrace_printf", "perf_trace", "strace"}
TRACERS = OWN | PEERS
WORKLOADS = {"getppid", "files", "pipe", "tar", "make"}


@pytest.mark.bpf
def test_quick_bench_writes_every_row(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                             "--out", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.glob("*-quick.json")
    data = json.loads(path.read_text())

    rows = {(r["tracer"], r["workload"]): r for r in data["rows"]}
    assert set(rows) == {(t, w) for t in TRACERS for w in WORKLOADS}
    for row in rows.values():
        # A number, or the reason there is none (a peer that is missing or does not work here).
        assert row["median"] is not None or row["note"], row
    for work in WORKLOADS:
        for peer in PEERS:
            # Not run at all: a reason, no number.
            assert rows[(peer, work)]["median"] is None
            assert "make bench" in rows[(peer, work)]["note"]
        assert rows[("untraced", work)]["ratio"] == 1.0
        assert rows[("observer", work)]["median"] > 0
        assert rows[("observer", work)]["lost"] == 0
        assert rows[("observer", work)]["rss_kb"] > 0
    # Each of observer's logs holds as many records as its summary says were written.
    assert not [r for r in rows.values() if " written" in r["note"]]
    # observer saw every getppid call of the loop it traced.
    assert rows[("observer", "getppid")]["events"] == data["sizes"]["getppid"]

    assert [h["program"] for h in data["hot_path"]] == [
        "untraced", "empty", "empty,empty_exit", "tp_openat", "tp_getppid,tp_exit_getppid",
        "filter", "bystander", "filter,exit_lookup", "filter,exit_helper", "bystander_jsonl",
        "filter_hash", "cgroup_seen_test", "cgroup_helper", "log_ring", "log_comm", "event_comm",
        "event_args", "observer", "start,finish", "start_unclocked,finish_unclocked", "clock",
        "observer_jsonl"]
    assert all(h["ns_per_call"] > 0 for h in data["hot_path"]), data["hot_path"]
    # Every thread count under every scaling case, and observer's saw all of the calls.
    assert {(c["threads"], c["tracer"]) for c in data["scaling"]} == {
        (n, t) for n in (1, 2, 4) for t in ("untraced", "observer", "observer_jsonl")}
    for case in data["scaling"]:
        assert case["ns_per_call"] > 0, case
        if case["tracer"] != "untraced":
            assert case["lost"] == 0 and case["events_per_s"] > 0, case
    assert data["consumer"]["lost"] == 0 and data["consumer"]["events_per_s"] > 0
    assert data["attach"]["observer_s"] > 0
    # The writers: every sink formatted every kind of record, and each rate has its goal.
    writers = {(r["sink"], r["record"]) for r in data["writers"]["rows"]}
    assert writers == {(s, r) for s in ("strace", "jsonl", "log") for r in ("getppid", "read32")}
    assert all(r["per_s"] > 0 and r["records"] == data["sizes"]["writer"]
               for r in data["writers"]["rows"])
    assert len(data["goals"]) == 15
    assert sum(" writer >= " in g["goal"] for g in data["goals"]) == 4
    assert all(g["met"] in (True, False, None) for g in data["goals"])
    assert "goals:" in result.stdout and str(path) in result.stdout


@pytest.mark.bpf
def test_a_selected_part_is_measured_alone(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                             "--workloads", "getppid", "--tracers", "untraced,observer",
                             "--parts", "none", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.glob("*-quick.json")
    data = json.loads(path.read_text())
    measured = {(r["tracer"], r["workload"]) for r in data["rows"] if r["median"] is not None}
    assert measured == {("untraced", "getppid"), ("observer", "getppid")}
    assert all("not selected" in r["note"] for r in data["rows"]
               if (r["tracer"], r["workload"]) not in measured)
    assert data["scaling"] == [] and "not selected" in data["consumer"]["note"]


def test_a_run_far_from_the_others_is_shown_but_judged(
        bench_script: Callable[[str], ModuleType]) -> None:
    run = bench_script("run")

    def row(runs: list[float]) -> Any:
        return run.Row("t", "w", "ns", sorted(runs)[len(runs) // 2], 1.0, runs, None, None,
                       None, "")

    tight = row([100, 101, 102, 103, 104])
    assert (tight.noisy, tight.straggler) == (False, False)
    one_far = row([60, 101, 102, 103, 104])  # the spread leaves out the lowest
    assert (one_far.noisy, one_far.straggler) == (False, True)
    apart = row([70, 80, 100, 120, 130])
    assert (apart.noisy, apart.straggler) == (True, False)


def test_an_unknown_selection_is_refused() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--tracers",
                             "observer,nosuch"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unknown tracers: nosuch" in result.stderr


@pytest.mark.bpf
def test_churn_counts_the_processes_in_the_traced_bitmap(
        bench_script: Callable[[str], ModuleType]) -> None:
    # sh and its two cats: three bits of the bitmap, which has 65,536 words whatever it holds.
    # The cats read observer's stdin (sh hands it to the one in the background as fd 3): the
    # tree lives until the test closes it.
    churn = bench_script("targeting_churn")
    tracer = subprocess.Popen([sys.executable, "-m", "observer", "-q", "-f", "-o", "/dev/null",
                               "--", "sh", "-c", "exec 3<&0; cat <&3 >/dev/null & cat >/dev/null; "
                               "wait"], stdin=subprocess.PIPE)
    assert tracer.stdin is not None
    try:
        seen = None
        deadline = time.monotonic() + 60
        while tracer.poll() is None and time.monotonic() < deadline:
            seen = churn.traced_map(tracer.pid)
            if seen is not None and seen[0] == 3:
                break
            time.sleep(0.05)
        assert seen is not None and seen[0] == 3, seen
        assert seen[1] >= 4 * 1024 * 1024 // 8  # a bit for every pid the kernel hands out
    finally:
        tracer.stdin.close()
        tracer.wait(timeout=60)
    assert tracer.returncode == 0
