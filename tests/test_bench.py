"""The benchmark's quick mode runs end to end with tiny sizes and reports every case (it is
never timed here). The peer tools (strace, perf, bpftrace) are measured by make bench only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWN = {"untraced", "floor", "observer", "observer_jsonl", "observer_strace", "observer_summary",
       "bystander", "bystander_cgroup"}
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
    # observer saw every getppid call of the loop it traced.
    assert rows[("observer", "getppid")]["events"] == data["sizes"]["getppid"]

    assert [h["program"] for h in data["hot_path"]] == [
        "empty", "filter", "ring", "ring_comm", "ring_comm_query", "observer"]
    assert data["consumer"]["lost"] == 0 and data["consumer"]["events_per_s"] > 0
    assert data["attach"]["observer_s"] > 0
    assert len(data["goals"]) == 7
    assert all(g["met"] in (True, False, None) for g in data["goals"])
    assert "goals:" in result.stdout and str(path) in result.stdout


@pytest.mark.bpf
def test_chosen_cases_are_measured_alone(tmp_path: Path) -> None:
    """--tracers/--workloads: a targeted run of full records with data capture on."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                             "--tracers", "observer,observer_strace", "--workloads",
                             "getppid,pipe"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = {line[:32].strip(): line[32:] for line in lines[2:5]}
    assert set(rows) == {"untraced", "observer, default log", "observer strace format, data 32"}
    for cells in rows.values():
        assert cells.count("x ") == 2, cells  # a ratio for each workload
    assert "tar" not in lines[1] and "pipe" in lines[1]
    bad = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--tracers", "nope"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "unknown tracer nope" in bad.stderr
