"""Every combination of what changes the BPF programs loads: the verifier's verdict depends on
which paths the read-only configuration leaves in, and a regression there (a loop whose states
multiply, a lost bound) shows only when that variant loads."""

from __future__ import annotations

import itertools
import os

import pytest

from observer import _cgroups

pytestmark = pytest.mark.bpf

# (name, Spec attribute, value): each is on or off in every combination with the others.
SWITCHES = [
    ("full", "capture_exit", True),
    ("compact", "compact_records", True),
    ("strings", "string_limit", 256),
    ("data", "data_limit", 32),
    ("exits", "exit_records", True),
    ("summary", "count_stats", True),
    ("latency", "count_latency", True),
    ("failed", "failed_only", True),
    ("unfinished", "unfinished_only", True),
    ("follow", "follow", True),
    ("names", "comms", [b"observer-no-such-program"]),
    ("uid", "uid", 0),
    ("syscalls", "syscalls", [0, 1, 59]),
    ("paths", "paths", [b"/etc/passwd"]),
    ("fds", "fd_paths", True),
    ("absolute", "absolute_paths", True),
    ("resume", "resume_pids", [os.getpid()]),
]


# The switches that shape the record path vary in every combination; the filters (which add
# tests in front of it) are all on or all off, which keeps the run to seconds (each load
# takes a fraction of one) while covering the longest programs the verifier sees.
RECORD = ["full", "compact", "strings", "data", "exits", "summary", "latency", "failed"]
FILTERS = ("follow", "names", "uid", "syscalls", "paths")
# What full records read beyond the plans (-y, --absolute, -p's resumed calls): each alone and
# all together.
CAPTURE = ((), ("fds",), ("absolute",), ("resume",), ("unfinished",),
           ("fds", "absolute", "resume", "unfinished"))


def variants() -> list[tuple[str, ...]]:
    """The combinations the loader accepts (strings, data, exits, summary, failed, -P and
    the capture switches need records at exit; latency histograms are part of the summary), as
    switch names. Compact records apply only without them. Latency adds to sys_exit's summary
    path only: it is tried with the shortest and the longest record path, not with every one
    between."""
    needs_full = set(RECORD) - {"full", "compact"}
    others = {"strings", "data", "exits", "failed"}

    def accepted(combo: tuple[str, ...]) -> bool:
        if "full" not in combo and needs_full & set(combo):
            return False
        if "full" in combo and "compact" in combo:
            return False
        return "latency" not in combo or ("summary" in combo and
                                          len(others & set(combo)) in (0, len(others)))

    combos = [combo for n in range(len(RECORD) + 1) for combo in itertools.combinations(RECORD, n)
              if accepted(combo)]
    # -P learns at exit which fds an open returned: without records at exit, no -P.
    plain = [combo + extra for combo in combos
             for extra in ((), FILTERS if "full" in combo else
                           tuple(name for name in FILTERS if name != "paths"))]
    # The capture switches add to the longest paths (strings and data read) and the shortest.
    longest = [combo for combo in combos if {"full", "strings", "data"} <= set(combo)]
    return plain + [combo + more + FILTERS for combo in longest + [("full",)]
                    for more in CAPTURE if more]


def test_every_variant_of_the_programs_loads() -> None:
    from observer import _core

    found = _cgroups.v2_mount()
    failures = []
    checked = 0
    for combo in variants():
        spec = _core.Spec()
        spec.pids = [os.getpid()] if "follow" in combo else []
        for name, attribute, value in SWITCHES:
            if name in combo:
                setattr(spec, attribute, value)
        if found is not None and "uid" in combo:  # and the cgroup filter with it
            mount, _ = found
            spec.cgroup_id, spec.cgroup_level = os.stat(mount).st_ino, 0
        try:
            tracer = _core.Tracer(spec)
            del tracer
        except Exception as err:  # noqa: BLE001 - every failure is reported below
            failures.append(f"{'+'.join(combo) or 'log'}: {str(err).splitlines()[0]}")
        checked += 1
    assert checked >= 100
    assert failures == []
