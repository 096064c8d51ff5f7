"""The -c table: pure Python over per-syscall totals."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from observer import cli, summary
from observer._errors import UsageError


@dataclass
class FakeStats:
    nr: int
    calls: int
    errors: int
    total_ns: int
    max_ns: int
    cpu_ns: int = 0
    latency: list[int] = field(default_factory=list)


def histogram(*ns: int) -> list[int]:
    """A latency histogram holding these durations, bucketed as the kernel buckets them."""
    counts = [0] * summary.LATENCY_BUCKETS
    for d in ns:
        counts[next(b for b in range(summary.LATENCY_BUCKETS)
                    if summary.bucket_range(b)[0] <= d < summary.bucket_range(b)[1])] += 1
    return counts


STATS = [FakeStats(0, 4, 0, 1_000_000, 400_000, cpu_ns=4_000_000),
         FakeStats(257, 10, 3, 3_000_000, 900_000, cpu_ns=1_000_000),
         FakeStats(231, 1, 0, 0, 0)]


def test_cpu_time_table_is_stracess_layout() -> None:
    lines = summary.format_table(STATS, arch="x86_64").splitlines()
    assert lines[0] == "% time     seconds  usecs/call     calls    errors syscall"
    assert lines[1] == "------ ----------- ----------- --------- --------- ----------------"
    assert lines[2] == " 80.00    0.004000        1000         4           read"
    assert lines[3] == " 20.00    0.001000         100        10         3 openat"
    assert lines[4] == "  0.00    0.000000           0         1           exit_group"
    assert lines[5] == lines[1]
    assert lines[6] == "100.00    0.005000         333        15         3 total"


def test_wall_time_with_w() -> None:
    lines = summary.format_table(STATS, arch="x86_64", wall=True).splitlines()
    assert lines[2].split() == ["75.00", "0.003000", "300", "10", "3", "openat"]
    assert lines[3].split() == ["25.00", "0.001000", "250", "4", "read"]
    assert lines[-1].split() == ["100.00", "0.004000", "266", "15", "3", "total"]


def test_latency_columns_come_before_the_syscall() -> None:
    stats = [FakeStats(39, 3, 0, 3000, 1500, latency=histogram(500, 1000, 1500)),
             FakeStats(231, 1, 0, 0, 0, latency=histogram())]
    lines = summary.format_table(stats, arch="x86_64", latency=True).splitlines()
    assert lines[0] == ("% time     seconds  usecs/call     calls    errors     p50 us     p99 us"
                        "     max us syscall")
    assert lines[1] == ("------ ----------- ----------- --------- --------- ---------- "
                        "---------- ---------- ----------------")
    getpid = lines[2].split()
    assert getpid[-1] == "getpid" and getpid[3] == "3"
    p50, p99, top = (float(v) for v in getpid[4:7])
    assert 0.9 <= p50 <= 1.25 and 1.2 <= p99 <= top == 1.5
    assert lines[3].split() == ["0.00", "0.000000", "0", "1", "exit_group"]  # never returned
    assert lines[-1].split()[-4:-1] == getpid[4:7]


def test_empty_table_has_a_total() -> None:
    assert summary.format_table([]).splitlines()[-1].split() == ["100.00", "0.000000", "0", "0",
                                                                  "total"]


def test_32_bit_calls_are_named_by_the_i386_table() -> None:
    (row,) = summary.rows([FakeStats(summary.COMPAT_STATS + 20, 1, 0, 10, 10)])
    assert row.name == "getpid (32-bit)"


def test_buckets_tile_the_durations() -> None:
    end = 0
    for b in range(summary.LATENCY_BUCKETS):
        low, high = summary.bucket_range(b)
        assert low == end and high > low
        # A quarter-octave: no bucket is wider than a quarter of its lower bound.
        assert low < 4 or (high - low) * 4 <= low
        end = high
    assert summary.bucket_range(4) == (4, 5) and summary.bucket_range(8) == (8, 10)


def test_percentiles_interpolate_within_a_bucket() -> None:
    assert summary.percentile([], 0.5) is None
    assert summary.percentile(histogram(), 0.5) is None
    hist = histogram(*([1000] * 99 + [1_000_000]))
    assert 896 <= summary.percentile(hist, 0.5) <= 1024  # type: ignore[operator]
    assert summary.percentile(hist, 0.99) <= 1024  # type: ignore[operator]
    assert summary.percentile(hist, 1.0) >= 917_504  # type: ignore[operator]


def test_latency_constants_match_the_kernel_side() -> None:
    from observer import _core

    assert summary.LATENCY_BUCKETS == _core.LATENCY_BUCKETS
    assert summary.LATENCY_SUB_BITS == _core.LATENCY_SUB_BITS
    assert summary.COMPAT_STATS == _core.COMPAT_STATS


@pytest.mark.parametrize("flag", ["-w", "--latency"])
def test_summary_options_need_the_summary(flag: str) -> None:
    with pytest.raises(UsageError, match="add -c"):
        cli.parse_options([flag, "--", "true"])
    opts = cli.parse_options(["-c", flag, "--", "true"])
    assert opts.summary and (opts.summary_wall or opts.latency)


@dataclass
class TimedStats(FakeStats):
    returned: int = 0
    min_ns: int = 0
    min_cpu_ns: int = 0
    max_cpu_ns: int = 0


TIMED = [TimedStats(0, 4, 0, 1_000_000, 400_000, cpu_ns=4_000_000, returned=4, min_ns=100_000,
                    min_cpu_ns=500_000, max_cpu_ns=2_000_000),
         TimedStats(257, 10, 3, 3_000_000, 900_000, cpu_ns=1_000_000, returned=10,
                    min_ns=50_000, min_cpu_ns=20_000, max_cpu_ns=300_000),
         TimedStats(231, 1, 0, 0, 0)]


def test_sort_by_calls_name_or_nothing() -> None:
    def names(sort: str) -> list[str]:
        return [line.split()[-1] for line in
                summary.format_table(TIMED, arch="x86_64", sort=sort).splitlines()[2:5]]

    assert names(summary.parse_sort("calls")) == ["openat", "read", "exit_group"]
    assert names(summary.parse_sort("name")) == ["exit_group", "openat", "read"]
    assert names(summary.parse_sort("nothing")) == ["read", "exit_group", "openat"]
    assert names(summary.parse_sort("max-time")) == ["read", "openat", "exit_group"]
    assert names(summary.parse_sort("errors"))[0] == "openat"


def test_columns_as_strace_dash_u_lays_them_out() -> None:
    columns = summary.parse_columns("calls,min-time,max-time")
    assert columns == ("calls", "min-time", "max-time", "name")
    lines = summary.format_table(TIMED, arch="x86_64", columns=columns).splitlines()
    assert lines[0] == "    calls shortest  longest syscall"
    assert lines[1] == "--------- -------- -------- ----------------"
    # CPU time by default: read's calls took 0.5 to 2 ms on a CPU.
    assert lines[2] == "        4 0.000500 0.002000 read"
    assert lines[-1] == "       15 0.000020 0.002000 total"
    wall = summary.format_table(TIMED, arch="x86_64", wall=True, columns=columns).splitlines()
    assert wall[2].split() == ["10", "0.000050", "0.000900", "openat"]


@pytest.mark.parametrize(("text", "message"), [("calls,calls", "twice"),
                                               ("calls,bogus", "unknown -U column 'bogus'")])
def test_bad_columns(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        summary.parse_columns(text)


def test_bad_sort_and_options_without_the_summary() -> None:
    with pytest.raises(UsageError, match="invalid -S 'bogus'"):
        summary.parse_sort("bogus")
    for flag in (["-S", "calls"], ["-U", "calls"]):
        with pytest.raises(UsageError, match="add -c"):
            cli.parse_options([*flag, "--", "true"])
    opts = cli.parse_options(["-c", "-S", "calls", "-U", "calls,name", "--", "true"])
    assert (opts.summary_sort, opts.summary_columns) == ("calls", ("calls", "name"))
